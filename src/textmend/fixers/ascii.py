"""``ascii`` (off by default): typographic punctuation to ASCII, or full transliteration.

What it mends: curly quotes, dashes, the ellipsis and special spaces become their ASCII look-alikes
(kind ``ascii/punctuation``); with ``transliterate=True`` every run of non-ASCII characters goes
through unidecode instead (kind ``ascii/transliteration``: ``é`` -> ``e``). What it leaves alone:
ASCII text, and without ``transliterate`` every letter, accented or not. It is off in the default
pipeline, since most corpora want their typography kept: switch it on with ``DEFAULT.enable("ascii")``.

>>> from textmend import Pipeline
>>> Pipeline(["ascii"])("\u2018Let\u2019s\u2019 \u2014 caf\u00e9\u2026")
"'Let's' - café..."
>>> Pipeline([("ascii", {"transliterate": True})])("caf\u00e9 \u201cna\u00efve\u201d")
'cafe "naive"'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex
from unidecode import unidecode

from ..fixer import Findings, Fixer, Pattern, register
from ..model import Edit

__all__ = ["AsciiFixer"]

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
class AsciiFixer(Fixer):
    """Replace curly quotes, dashes, ellipses and special spaces with ASCII.

    transliterate: send every non-ASCII run through unidecode instead, ``é`` -> ``e`` (False)
    """

    name: ClassVar[str] = "ascii"
    gate: ClassVar[Pattern | None] = regex.compile(r"[^\x00-\x7f]")

    transliterate: bool = False

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        if self.transliterate:
            for match in _NON_ASCII.finditer(text):
                run = match.group()
                yield Edit(
                    match.start(),
                    match.end(),
                    unidecode(run),
                    f"{run!r} transliterated to ASCII",
                    "ascii/transliteration",
                )
        else:
            for match in _TYPOGRAPHIC.finditer(text):
                mark = match.group()
                yield Edit(
                    match.start(),
                    match.end(),
                    _PUNCTUATION[mark],
                    f"typographic {_name(mark)} as ASCII",
                    "ascii/punctuation",
                )


def _name(character: str) -> str:
    """The Unicode name of ``character`` in lower case: ``'right single quotation mark'``.

    >>> _name("\u2014")
    'em dash'
    """
    return unicodedata.name(character, f"U+{ord(character):04X}").lower()
