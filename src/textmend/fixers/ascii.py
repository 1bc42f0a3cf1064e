"""``ascii`` (off by default): typographic punctuation to ASCII, or full transliteration.

>>> from textmend import Pipeline
>>> Pipeline(["ascii"])("\u2018Let\u2019s\u2019 \u2014 caf\u00e9\u2026")
"'Let's' - café..."
>>> Pipeline([("ascii", {"transliterate": True})])("caf\u00e9 \u201cna\u00efve\u201d")
'cafe "naive"'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex
from unidecode import unidecode

from ..fixer import Findings, Fixer, Pattern, register
from ..model import Edit

_PUNCTUATION = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2012": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
}
_TYPOGRAPHIC = regex.compile("[" + "".join(_PUNCTUATION) + "]")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]+")


@register
@dataclass(frozen=True)
class AsciiPunctuation(Fixer):
    """Replace curly quotes, dashes, ellipses and special spaces with ASCII.

    With ``transliterate=True`` every non-ASCII run goes through ``unidecode`` (``é`` -> ``e``).
    """

    name: ClassVar[str] = "ascii"
    gate: ClassVar[Pattern | None] = regex.compile(r"[^\x00-\x7f]")

    transliterate: bool = False

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        if self.transliterate:
            for match in _NON_ASCII.finditer(text):
                yield Edit(match.start(), match.end(), unidecode(match.group()), "transliterated")
        else:
            for match in _TYPOGRAPHIC.finditer(text):
                yield Edit(match.start(), match.end(), _PUNCTUATION[match.group()], "typographic")
