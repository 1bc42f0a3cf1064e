"""``entities``: restore HTML character references that lost their ``&``.

Scrapers that strip ``&`` leave ``Letrsquo;s`` for ``Let&rsquo;s``. Many entity names are also
English words (``copy;``, ``not;``, ``it;``), so a bare ``name;`` is decoded only when the name is one
that prose never uses (``rsquo``, ``eacute``, ``#8217``).

>>> from textmend import Pipeline
>>> Pipeline(["entities"])("Letrsquo;s keep a copy; not the original")
'Let’s keep a copy; not the original'
"""

from __future__ import annotations

import html.entities
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex
from wordfreq import zipf_frequency

from ..changes import apply_edits
from ..fixer import Findings, Fixer, Pattern, register
from ..model import Edit
from .ftfy_fixer import FtfyFixer

# A ";" preceded by a numeric reference, or by a whole run of up to 32 ASCII letters and digits; and
# not by "&" (a well-formed reference ftfy left alone, in text that looks like HTML).
_CANDIDATE = regex.compile(
    r"(?<![&\w])(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{1,6});|(?<![&A-Za-z0-9])[A-Za-z0-9]{2,32};"
)

# Entity names that are markup, never prose: punctuation, spaces and accented letters.
_MARKUP_NAMES = frozenset(
    [
        "rsquo",
        "lsquo",
        "rdquo",
        "ldquo",
        "sbquo",
        "bdquo",
        "laquo",
        "raquo",
        "lsaquo",
        "rsaquo",
        "mdash",
        "ndash",
        "hellip",
        "nbsp",
        "ensp",
        "emsp",
        "thinsp",
        "zwnj",
        "quot",
        "apos",
        "middot",
        "frac12",
        "frac14",
        "frac34",
        "plusmn",
        "iexcl",
        "iquest",
        "szlig",
    ]
)
_ACCENTED = regex.compile(r"[A-Za-z](?:acute|grave|circ|uml|tilde|cedil|ring|slash)")


def _is_markup_name(name: str) -> bool:
    if name + ";" not in html.entities.html5:
        return False
    return name in _MARKUP_NAMES or _ACCENTED.fullmatch(name) is not None


def _is_word(run: str) -> bool:
    """Whether ``run`` is an English word, so its tail is no entity (``daring;`` is no ``då``)."""
    return zipf_frequency(run.lower(), "en") >= 1.0


def _decode_numeric(reference: str) -> str | None:
    decoded = html.unescape(f"&{reference};")
    return None if not decoded or decoded.startswith("&") or decoded == "\ufffd" else decoded


def _settled(text: str, edits: list[Edit]) -> Iterator[Edit]:
    """``edits`` (sorted, each within a line), except those of lines ftfy would change once decoded.

    Decoded characters can complete something ftfy fixes (``#13;`` is a ``\\r``, ``é–`` next to a
    ``\\ufffd`` is mojibake); decoding them would leave work for a second run, so such lines stay.
    """
    ftfy_fixer = FtfyFixer()
    first = 0
    while first < len(edits):
        start = text.rfind("\n", 0, edits[first].start) + 1
        end = text.find("\n", edits[first].end) + 1 or len(text)
        last = first
        while last < len(edits) and edits[last].start < end:
            last += 1
        line = apply_edits(
            text[start:end], [Edit(e.start - start, e.end - start, e.after) for e in edits[first:last]]
        )
        if ftfy_fixer.fix_line(line) == line:
            yield from edits[first:last]
        first = last


@register
@dataclass(frozen=True)
class EntityFixer(Fixer):
    """Decode ``name;`` and ``#nnnn;`` references whose ``&`` was stripped, when the name is markup."""

    name: ClassVar[str] = "entities"
    gate: ClassVar[Pattern | None] = regex.compile(r"[A-Za-z0-9];")

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        return _settled(text, list(self._decode(text)))

    def _decode(self, text: str) -> Iterator[Edit]:
        for match in _CANDIDATE.finditer(text):
            run = match.group()[:-1]
            if run.startswith("#"):
                decoded = _decode_numeric(run)
                if decoded is not None:
                    yield Edit(match.start(), match.end(), decoded, f"&{run}; without its &")
                continue
            # The longest tail of the run that names a markup entity: "Letrsquo" -> "rsquo".
            for cut in range(len(run) - 1):
                name = run[cut:]
                if _is_markup_name(name) and (cut == 0 or not _is_word(run)):
                    start = match.start() + cut
                    decoded = html.entities.html5[name + ";"]
                    yield Edit(start, match.end(), decoded, f"&{name}; without its &")
                    break
