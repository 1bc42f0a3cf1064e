"""``titles``: drop a duplicated leading title line and return the title as data.

Scraped pages often start with the title twice, once stripped of quotes and punctuation. The fuller
line stays in the text and becomes ``Document.title``; the other is removed.

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

_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")
MAX_TITLE_LENGTH = 300


def _key(line: str) -> str:
    """A line reduced to its letters and digits, for comparing titles: case, quotes, punctuation and
    spacing ignored (the ``words`` fixer may yet split a glued word of one of the lines)."""
    return _NOT_WORD.sub("", line).casefold()


@register
@dataclass(frozen=True)
class DuplicateTitle(Fixer):
    """If the first two lines are the same title, keep the fuller one and record it as the title."""

    name: ClassVar[str] = "titles"

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        first, newline, rest = text.partition("\n")
        second, _, rest = rest.partition("\n")
        third = rest.partition("\n")[0]
        if not newline or len(first) > MAX_TITLE_LENGTH or len(second) > MAX_TITLE_LENGTH:
            return
        key = _key(first)
        # A line repeated three times is no duplicated title (and removing one would leave two).
        if not key or key != _key(second) or key == _key(third[: MAX_TITLE_LENGTH + 1]):
            return
        if len(second) >= len(first):
            found.title = second.strip()
            yield Edit(0, len(first) + 1, "", "the title again, with less punctuation")
        else:
            found.title = first.strip()
            yield Edit(
                len(first),
                len(first) + 1 + len(second),
                "",
                "the title again, with less punctuation",
            )
