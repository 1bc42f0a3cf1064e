"""The data textmend returns: a :class:`Document`, its :class:`Change` list and :class:`Teaser` blocks."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Edit:
    """One edit a fixer proposes, in the coordinates of the text that fixer was given.

    ``text[start:end]`` is to be replaced by ``after``; ``reason`` says why, for people.
    """

    start: int
    end: int
    after: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """One change textmend made, in the coordinates of the original input.

    ``input[start:end] == before`` became ``after``. ``fixer`` names the fixer that made it;
    where two fixers edited the same spot their names are joined by ``+`` (``"entities+ascii"``).

    >>> Change("entities", 3, 9, "rsquo;", "\u2019").fixers
    ('entities',)
    """

    fixer: str
    start: int
    end: int
    before: str
    after: str
    reason: str = ""

    @property
    def fixers(self) -> tuple[str, ...]:
        """The names of the fixers that made this change, in pipeline order."""
        return tuple(self.fixer.split("+"))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Teaser:
    """A related-article block that was taken out of the end of the body.

    ``snippet`` is the line that repeats ``title`` and runs into the linked article, exactly as found;
    ``excerpt`` is what the snippet shows after the title; ``truncated`` is true when the snippet was
    cut off at a fixed width. ``separator`` and ``heading`` keep the lines that introduced the block.
    """

    title: str
    snippet: str
    truncated: bool
    excerpt: str = ""
    separator: str | None = None
    heading: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Document:
    """The result of mending one text.

    ``text`` is the mended body; ``title`` the article title when a duplicated leading title was
    found; ``teasers`` the related-article blocks taken out of the body; ``changes`` every edit made,
    in input coordinates, so that :func:`textmend.apply_changes` rebuilds ``text`` from the input and
    :func:`textmend.revert_changes` rebuilds the input from ``text``.
    """

    text: str
    title: str | None = None
    teasers: list[Teaser] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    def to_dict(self, *, changes: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; ``changes=False`` leaves the change list out."""
        data: dict[str, Any] = {
            "text": self.text,
            "title": self.title,
            "teasers": [teaser.to_dict() for teaser in self.teasers],
        }
        if changes:
            data["changes"] = [change.to_dict() for change in self.changes]
        return data
