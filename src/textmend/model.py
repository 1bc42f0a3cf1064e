"""The data textmend returns: a :class:`Document`, its :class:`Change` list and :class:`Teaser` blocks."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

#: Numbers a fixer weighed to make an edit (``{"junction": 3.8}``): what reports and ``explain`` read,
#: so that nothing parses the ``reason`` prose.
Evidence = Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Edit:
    """One edit a fixer proposes, in the coordinates of the text that fixer was given.

    ``text[start:end]`` is to be replaced by ``after``; ``reason`` says why, for people; ``kind`` says
    what was mended, for programs (``"entity/dropped"``, ``"words/glued"``: the fixer's family, a slash,
    the form); ``evidence`` holds the numbers that decided it.
    """

    start: int
    end: int
    after: str
    reason: str = ""
    kind: str = ""
    evidence: Evidence = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class Change:
    """One change textmend made, in the coordinates of the original input.

    ``input[start:end] == before`` became ``after``. ``fixer`` names the fixer that made it;
    where two fixers edited the same spot their names are joined by ``+`` (``"entities+ascii"``), and
    so are their kinds. ``kind`` is the structured name of the repair (``"entity/space"``,
    ``"words/glued"``, ``"teaser/list"``), ``evidence`` the numbers that decided it; ``reason`` is the
    same for people.

    >>> Change("entities", 3, 9, "rsquo;", "\u2019").fixers
    ('entities',)
    """

    fixer: str
    start: int
    end: int
    before: str
    after: str
    reason: str = ""
    kind: str = ""
    evidence: Evidence = field(default_factory=dict, hash=False)

    @property
    def fixers(self) -> tuple[str, ...]:
        """The names of the fixers that made this change, in pipeline order."""
        return tuple(self.fixer.split("+"))

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of repair merged into this change, in pipeline order."""
        return tuple(kind for kind in self.kind.split("+") if kind)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        data = asdict(self)
        data["evidence"] = dict(self.evidence)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        """The change that :meth:`to_dict` wrote (also read back from Arrow, whose maps are pairs).

        >>> change = Change("words", 5, 5, "", " ", "glued", "words/glued", {"junction": 3.8})
        >>> Change.from_dict(change.to_dict()) == change
        True
        """
        fields = _known_fields(cls, data)
        fields["evidence"] = _evidence(fields.get("evidence"))
        return cls(**fields)


@dataclass(frozen=True, slots=True)
class Teaser:
    """A related-article block that was taken out of the end of the body.

    ``snippet`` is the line that repeats ``title`` and runs into the linked article, exactly as found;
    ``excerpt`` is what the snippet shows after the title; ``truncated`` is true when the snippet was
    cut off at a fixed width. ``separator`` and ``heading`` keep the lines that introduced the block
    (for a ``Read more: <title>`` line, ``heading`` is its label); ``bullet`` is the mark before a
    listed title (``"-"``, ``"\u2022"``, ``"1."``). ``form`` names the layout it was found in:
    ``"seed"`` (title, then a snippet repeating it), ``"list"`` (a heading, then titles),
    ``"read-more"`` (a label and a title on one line) or ``"pairs"`` (a heading, then titles each
    above a snippet of the linked article); empty when unknown. A form without a snippet has
    ``snippet == ""``.
    """

    title: str
    snippet: str
    truncated: bool
    excerpt: str = ""
    separator: str | None = None
    heading: str | None = None
    form: str = ""
    bullet: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Teaser:
        """The teaser that :meth:`to_dict` wrote."""
        return cls(**_known_fields(cls, data))


@dataclass(frozen=True, slots=True)
class Document:
    """The result of mending one text.

    ``text`` is the mended body; ``title`` the article title when a duplicated leading title was
    found; ``site`` the site's name when it came with the page title (``Title | The Daily News``);
    ``teasers`` the related-article blocks taken out of the body; ``changes`` every edit made,
    in input coordinates, so that :func:`textmend.apply_changes` rebuilds ``text`` from the input and
    :func:`textmend.revert_changes` rebuilds the input from ``text``.
    """

    text: str
    title: str | None = None
    teasers: list[Teaser] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    site: str | None = None

    def to_dict(self, *, changes: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; ``changes=False`` leaves the change list out."""
        data: dict[str, Any] = {
            "text": self.text,
            "title": self.title,
            "site": self.site,
            "teasers": [teaser.to_dict() for teaser in self.teasers],
        }
        if changes:
            data["changes"] = [change.to_dict() for change in self.changes]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """The document that :meth:`to_dict` wrote, so stored results can be inspected and reverted.

        >>> from textmend import mend_document, revert_changes
        >>> stored = mend_document("Letrsquo;s go").to_dict()
        >>> document = Document.from_dict(stored)
        >>> revert_changes(document.text, document.changes)
        'Letrsquo;s go'
        """
        fields = _known_fields(cls, data)
        fields["teasers"] = [Teaser.from_dict(teaser) for teaser in fields.get("teasers") or ()]
        fields["changes"] = [Change.from_dict(change) for change in fields.get("changes") or ()]
        return cls(**fields)


def _known_fields(cls: type[Any], data: Mapping[str, Any]) -> dict[str, Any]:
    """The items of ``data`` that are fields of the dataclass ``cls``; a missing required one is an error."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {key: value for key, value in data.items() if key in names}


def _evidence(value: Mapping[str, float] | Iterable[tuple[str, float]] | None) -> dict[str, float]:
    """Evidence as a dict, from a dict or from the key/value pairs Arrow gives back for a map."""
    if value is None:
        return {}
    pairs = value.items() if isinstance(value, Mapping) else value
    return {str(key): float(number) for key, number in pairs}


__all__ = ["Change", "Document", "Edit", "Evidence", "Teaser"]
