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
        position = 0
        for line in _lines(text):
            if _NEEDS_FTFY.search(line) is not None:
                fixed = self.fix_line(line)
                if fixed != line:
                    yield _difference(line, fixed, position)
            position += len(line)

    def fix_line(self, line: str) -> str:
        """What ftfy makes of one line.

        ftfy leaves entities alone in a line that looks like HTML. That is decided per line, after
        ftfy has normalised line breaks (``"\\r"``, ``"\\u2028"``), not per document: so the decision
        stays the same when other fixers remove lines (a teaser line with ``<``) or on a second run.
        Where ftfy made line breaks, each new line is fixed again on its own, as a second run would.

        >>> FtfyFixer().fix_line("caf\u00c3\u00a9 &amp;\\r<b> &amp;")
        'café &\\n<b> &amp;'
        """
        fixed = ftfy.fix_text(line, self._config(unescape_html=False))
        parts = list(_lines(fixed))
        if len(parts) == 1 and ("&" not in fixed or "<" in fixed):
            return fixed
        # ftfy's fixes depend on the rest of the line; a second run will see these parts as lines.
        return "".join(ftfy.fix_text(part, self._config(unescape_html="<" not in part)) for part in parts)

    def _config(self, *, unescape_html: bool) -> ftfy.TextFixerConfig:
        return ftfy.TextFixerConfig(
            unescape_html=unescape_html,
            uncurl_quotes=False,
            fix_character_width=self.fix_character_width,
            fix_latin_ligatures=self.fix_latin_ligatures,
            normalization=self.normalization,
            explain=False,
        )


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its ``"\\n"``.

    Lines end at ``"\\n"`` only, as in ftfy itself: ending them also at the breaks ftfy removes
    (``"\\x0b"``, ``"\\x1c"``) would hide what the removal joins (``"&am\\x0bp;"``) until a second run.
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        yield text[start:end]
        start = end


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
