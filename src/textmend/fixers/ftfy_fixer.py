"""``ftfy``: what ftfy already does well — mojibake, well-formed HTML entities, control characters.

ftfy's own quote uncurling is off here: turning typographic quotes into ASCII is the separate, opt-in
``ascii`` fixer.

>>> from textmend import Pipeline
>>> Pipeline(["ftfy"])("caf\u00c3\u00a9 &amp; bar")
'café & bar'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal

import ftfy
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from ftfy.chardata import CONTROL_CHARS, LIGATURES, WIDTH_MAP

from ..fixer import Findings, Fixer, Pattern, register
from ..model import Edit

# ftfy changes nothing in a line of printable ASCII without "&" (tabs and "\n" included). One
# character class, without alternation, so that ``re`` scans clean text at full speed.
_NEEDS_FTFY = re.compile(r"[^\t\n\x20-\x25\x27-\x7e]")


def _char_class(codes: list[int]) -> str:
    """The inside of a regex character class matching these BMP code points, as ranges."""
    ranges: list[list[int]] = []
    for code in sorted(set(codes)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges)


# The characters one of ftfy's character fixes acts on: "&" (entities), C1 controls, line breaks,
# surrogates, control characters and terminal escapes, Latin ligatures and full/half-width forms.
_TARGETS = _char_class(
    [
        *[ord("&"), ord("\r"), 0x2028, 0x2029],
        *range(0x80, 0xA0),
        *range(0xD800, 0xE000),
        *CONTROL_CHARS,
        *LIGATURES,
        *WIDTH_MAP,
    ]
)
# Every sequence ftfy's mojibake test (``is_bad``) looks for has a character of one of these
# categories, or one of the Cyrillic and Greek capitals it names; typographic quotes, dashes and
# ellipses alone never make text look like mojibake.
_MOJIBAKE_CATEGORIES = (
    "c1",
    "bad",
    "law",
    "currency",
    "numeric",
    "kaomoji",
    "upper_accented",
    "lower_accented",
    "box",
)
_MOJIBAKE = "".join(MOJIBAKE_CATEGORIES[name] for name in _MOJIBAKE_CATEGORIES) + "ВГРСЂΒΓΞΟ"
_SUSPECT = re.compile(f"[{_TARGETS}{_MOJIBAKE}]")
_FIX_TARGET = re.compile(f"[{_TARGETS}]")
_MOJIBAKE_CHAR = re.compile(f"[{_MOJIBAKE}]")
# ftfy's longest mojibake sequence is 7 characters; look a little further either side.
_REACH = 16
# Mojibake ``is_bad`` sees only at the start of a segment, so not in a whole text, only in its lines.
_MOJIBAKE_AT_LINE_START = re.compile("[\u00c3\u00c2] ")


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

    def may_apply(self, text: str) -> bool:
        """Whether ftfy could change ``text``: it has a character ftfy fixes, mojibake or another normal form.

        Prose with typographic quotes and dashes passes all three tests with one scan, without ftfy.

        >>> FtfyFixer().may_apply("\u201cIt\u2019s\u201d"), FtfyFixer().may_apply("It\u00e2\u20ac\u2122s")
        (False, True)
        """
        if not (_ascii_needs_ftfy(text) if text.isascii() else super().may_apply(text)):
            return False
        if self.normalization is not None and not unicodedata.is_normalized(self.normalization, text):
            return True
        return _SUSPECT.search(text) is not None and (
            _FIX_TARGET.search(text) is not None
            or _looks_like_mojibake(text)
            or _MOJIBAKE_AT_LINE_START.search(text) is not None
        )

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        position = 0
        for line in _lines(text):
            if self.may_apply(line):
                fixed = self.fix_line(line)
                if fixed != line:
                    yield from _differences(line, fixed, position)
            position += len(line)

    def fix_line(self, line: str) -> str:
        """What ftfy makes of one line, as a second run would leave it.

        ftfy leaves entities alone in text that looks like HTML (has a ``<``). That is decided per
        line, not per document, so the decision stays the same when another fixer removes a line (a
        teaser with ``<``). Where ftfy made line breaks (``"\\r"``), each new line is fixed again on
        its own, with its own decision, as a second run would.

        >>> FtfyFixer().fix_line("caf\u00c3\u00a9 &amp;\\r<b> &amp;")
        'café &\\n<b> &amp;'
        """
        fixed = ftfy.fix_text(line, self._config(line))
        parts = list(_lines(fixed))
        if len(parts) == 1:
            return fixed
        return "".join(ftfy.fix_text(part, self._config(part)) for part in parts)

    def _config(self, line: str) -> ftfy.TextFixerConfig:
        return ftfy.TextFixerConfig(
            unescape_html="<" not in line,
            uncurl_quotes=False,
            fix_character_width=self.fix_character_width,
            fix_latin_ligatures=self.fix_latin_ligatures,
            normalization=self.normalization,
            explain=False,
        )


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its ``"\\n"``.

    Lines end at ``"\\n"`` only, as in ftfy itself: ending them also at breaks ftfy removes
    (``"\\x0b"``, ``"\\x1c"``) would hide what the removal joins (``"&am\\x0bp;"``) until a second run.
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        yield text[start:end]
        start = end


def _ascii_needs_ftfy(text: str) -> bool:
    """The gate's answer for ASCII ``text``, from string methods: it has an "&" or a control character
    other than a tab or a line break.

    >>> _ascii_needs_ftfy("a\\tb\\n"), _ascii_needs_ftfy("a &amp; b"), _ascii_needs_ftfy("a\\rb")
    (False, True, True)
    """
    return "&" in text or not text.replace("\n", "").replace("\t", "").isprintable()


def _looks_like_mojibake(text: str) -> bool:
    """ftfy's ``is_bad(text)``, searched only around the characters mojibake is made of.

    Every sequence ftfy looks for holds one of them, so this is the same answer, several times faster
    on prose with a few accented letters.

    >>> _looks_like_mojibake("caf\u00e9 cr\u00e8me"), _looks_like_mojibake("caf\u00c3\u00a9")
    (False, True)
    """
    for match in _MOJIBAKE_CHAR.finditer(text):
        if BADNESS_RE.search(text, max(match.start() - _REACH, 0), match.end() + _REACH):
            return True
    return False


def _differences(before: str, after: str, offset: int) -> Iterator[Edit]:
    """The edits that turn ``before`` into ``after``: one for each place that differs.

    ftfy's fixes stay within words, so where the two have as many spaces, they are compared word by
    word; each differing word (or the whole, where the spaces differ) is then aligned by
    :func:`_aligned`. Linear in the length of the line.

    >>> [(e.start, e.end, e.after) for e in _differences("a &amp;quot;hi&amp;quot; b", 'a "hi" b', 0)]
    [(2, 12, '"'), (14, 24, '"')]
    """
    old_words, new_words = before.split(" "), after.split(" ")
    if len(old_words) != len(new_words):
        yield from _aligned(before, after, offset)
        return
    for old, new in zip(old_words, new_words, strict=True):
        if old != new:
            yield from _aligned(old, new, offset)
        offset += len(old) + 1


def _aligned(before: str, after: str, offset: int) -> Iterator[Edit]:
    """Edits for each differing run of ``before`` and ``after``: past their common start and end, a
    part of up to :data:`MAX_ALIGNED` characters is aligned character by character; a longer one (rare,
    and quadratic to align) is one edit."""
    prefix = _common_prefix(before, after)
    suffix = _common_prefix(before[prefix:][::-1], after[prefix:][::-1])
    old, new = before[prefix : len(before) - suffix], after[prefix : len(after) - suffix]
    start = offset + prefix
    if len(old) > MAX_ALIGNED or len(new) > MAX_ALIGNED:
        yield Edit(start, start + len(old), new, "ftfy")
        return
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield Edit(start + i1, start + i2, new[j1:j2], "ftfy")


#: The longest differing part that :func:`_aligned` aligns character by character.
MAX_ALIGNED = 1000


def _common_prefix(a: str, b: str) -> int:
    """The length of the common start of ``a`` and ``b``, found by comparing halves, not characters."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low
