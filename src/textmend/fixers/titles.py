"""``titles``: drop a duplicated leading title line and return the title as data.

Scraped pages often start with the title twice, once stripped of quotes and punctuation. When the first
two non-blank lines are the same words (case, quotes, punctuation and spaces aside), the fuller line stays
in the text and becomes ``Document.title`` and the other is removed. The lines must look like a title
(short, two words or more, not a list item or a clause ending in ``,``) and a body must follow that
does not repeat them again (a refrain is no duplicated title).

>>> from textmend import Pipeline
>>> doc = Pipeline(["titles"]).mend_document("Why Cats Purr\\nWhy Cats 'Purr'\\nBody.")
>>> doc.title, doc.text
("Why Cats 'Purr'", "Why Cats 'Purr'\\nBody.")
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..fixer import Findings, Fixer, register
from ..model import Edit
from ._lines import LIST_ITEM

_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")
_CONTENT = regex.compile(r"\S")
_CLOSING = "\"'\u201d\u2019)]"
MAX_TITLE_LENGTH = 300


def title_key(line: str) -> str:
    """A line reduced to its words, for comparing titles: case, quotes and punctuation ignored.

    >>> title_key("Do Opioid Receptors 'Reset'?")
    'do opioid receptors reset'
    """
    return " ".join(_NOT_WORD.sub(" ", line).casefold().split())


def same_title(line: str, other: str) -> bool:
    """Whether two lines are the same title: the same letters and digits, case, quotes, punctuation and
    spaces aside (the ``words`` fixer, after this one, may yet split a glued word of either line).

    >>> same_title("Used For Pain", "usedfor pain!"), same_title("Used For Pain", "Used For Pain 2")
    (True, False)
    """
    return title_key(line).replace(" ", "") == title_key(other).replace(" ", "")


def next_line(text: str, position: int) -> tuple[int, int, str] | None:
    """The first non-blank line at or after ``position`` as ``(start, end, line)``; ``end`` leaves out
    the ``\\r`` of a ``\\r\\n``. ``None`` when only blank lines follow.

    >>> next_line("\\n\\n  Title\\r\\nBody", 0)
    (2, 9, '  Title')
    """
    content = _CONTENT.search(text, position)
    if content is None:
        return None
    start = text.rfind("\n", position, content.start()) + 1 or position
    newline = text.find("\n", content.start())
    end = len(text) if newline == -1 else newline
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end, text[start:end]


def looks_like_title(line: str) -> bool:
    """Whether a line could be a title: two or more words, no list marker, and no ``,;:`` or full
    stop at the end (``"Come in."`` twice is dialogue).

    >>> looks_like_title("Why Cats 'Purr'?"), looks_like_title('"Come in."')
    (True, False)
    """
    stripped = line.strip()
    return (
        len(stripped) <= MAX_TITLE_LENGTH
        and len(title_key(stripped).split()) >= 2
        and stripped.rstrip(_CLOSING)[-1:] not in ",;:."
        and LIST_ITEM.match(stripped) is None
    )


class _LeadGate:
    """The fixer's gate: the text starts with a line short enough to be a title."""

    def search(self, text: str, /) -> bool | None:
        return True if text.find("\n", 0, MAX_TITLE_LENGTH + 2) != -1 else None


@register
@dataclass(frozen=True)
class DuplicateTitle(Fixer):
    """If the first two lines are the same title, keep the fuller one and record it as the title."""

    name: ClassVar[str] = "titles"
    gate: ClassVar[_LeadGate] = _LeadGate()

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        first = next_line(text, 0)
        second = None if first is None else next_line(text, first[1] + 1)
        if first is None or second is None:
            return
        if not (
            looks_like_title(first[2]) and looks_like_title(second[2]) and same_title(first[2], second[2])
        ):
            return
        body = next_line(text, second[1] + 1)
        if body is None or same_title(body[2], first[2]):
            return  # no body after the two lines, or a third copy: a refrain, not a duplicated title
        reason = "the title again, with less punctuation"
        if len(second[2].strip()) > len(first[2].strip()):
            found.title = second[2].strip()
            yield Edit(first[0], second[0], "", reason)
        else:
            found.title = first[2].strip()
            yield Edit(first[1], second[1], "", reason)
