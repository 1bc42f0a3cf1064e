"""``ftfy``: what ftfy already does well — mojibake, well-formed HTML entities, control characters.

ftfy's own quote uncurling is off here: turning typographic quotes into ASCII is the separate, opt-in
``ascii`` fixer.

>>> from textmend import Pipeline
>>> Pipeline(["ftfy"])("caf\u00c3\u00a9 &amp; bar")
'café & bar'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal

import ftfy
import regex

from ..fixer import Findings, Fixer, Pattern, register
from ..model import Edit

# ftfy changes nothing in a line of printable ASCII without "&" (tabs and "\n" included).
_NEEDS_FTFY = regex.compile(r"[^\t\n\x20-\x7e]|&")


@register
@dataclass(frozen=True)
class FtfyFixer(Fixer):
    """Run ``ftfy.fix_text`` line by line, on the lines it could change, and record what it did.

    Options mirror ftfy's own: ``fix_character_width`` (fullwidth forms to ASCII),
    ``fix_latin_ligatures`` (``ﬁ`` to ``fi``) and ``normalization`` (``"NFC"``, or ``None`` to keep
    the input's normal form).
    """

    name: ClassVar[str] = "ftfy"
    gate: ClassVar[Pattern | None] = _NEEDS_FTFY

    fix_character_width: bool = True
    fix_latin_ligatures: bool = True
    normalization: Literal["NFC", "NFD", "NFKC", "NFKD"] | None = "NFC"

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        config = ftfy.TextFixerConfig(
            # ftfy leaves entities alone in text that looks like HTML; decide that for the document.
            unescape_html="<" not in text,
            uncurl_quotes=False,
            fix_character_width=self.fix_character_width,
            fix_latin_ligatures=self.fix_latin_ligatures,
            normalization=self.normalization,
            explain=False,
        )
        position = 0
        for line in text.splitlines(keepends=True):
            if _NEEDS_FTFY.search(line) is not None:
                fixed = ftfy.fix_text(line, config)
                if fixed != line:
                    yield _difference(line, fixed, position)
            position += len(line)


def _difference(before: str, after: str, offset: int) -> Edit:
    """One edit replacing the part of ``before`` that differs from ``after``."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]:
        suffix += 1
    return Edit(
        offset + prefix,
        offset + len(before) - suffix,
        after[prefix : len(after) - suffix],
        "ftfy",
    )
