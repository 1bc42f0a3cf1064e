"""``ftfy``: what ftfy already does well — mojibake, well-formed HTML entities, control characters.

ftfy's own quote uncurling is off here: turning typographic quotes into ASCII is the separate, opt-in
``ascii`` fixer. Where textmend differs from ``ftfy.fix_text``:

- Entities are decoded only in a document with no ``<`` at all, decided once on the input: in HTML or
  code, ``&lt;b&gt;`` stays escaped on every line (ftfy decodes the lines before the first ``<``).
- Chinese, Japanese and Korean text keeps its full-width punctuation, digits and ideographic space
  (``你好，世界！``) and its half-width katakana (``(ﾟ∀ﾟ)``); full-width Latin is narrowed only in
  documents without CJK text (a Japanese article's heading ``ＩＴ`` stays, as its writer's input
  method made it).
- Normalization (NFC) makes a letter and its combining accent one, as ftfy does; a character that NFC
  replaces on its own stays as its writer typed it: the Kelvin, Ohm and Ångström signs, CJK
  compatibility ideographs (``神`` U+FA19, in a Japanese name; Korean hanja), the Greek question mark.
- Mojibake or a reference quoted as an example, a whole token in quotation marks (``le type « Ã© »``,
  ``written `&pound;' in HTML``, ``"&amp;"``), stays as written: a text about encodings or markup
  means it so.
- Only the lines that need ftfy are given to it, and ``"\\r"`` line breaks in plain ASCII lines are
  mended without it, so a page of 10,000 empty lines costs no more than prose. Lines are judged a
  block at a time first, so a page of short accented lines is not judged line by line.
- A line longer than 2,048 characters goes to ftfy in pieces, cut between ASCII words where it can:
  ftfy's cost on one segment can grow with the square of its length (a run of adjacent mojibake that
  decodes to more mojibake). Real damage reads the same in pieces; signs ftfy reads from a whole
  segment may not (``Ã `` at the start of a line makes ftfy read every later ``Ã `` there as ``à``).

Each change carries a ``kind`` (``ftfy/entity``, ``ftfy/mojibake``, ``ftfy/line-break``,
``ftfy/width``, ``ftfy/ligature``, ``ftfy/control``, ``ftfy/normalization``, ``ftfy/other``).

>>> from textmend import Pipeline
>>> Pipeline(["ftfy"])("caf\u00c3\u00a9 &amp; bar")
'café & bar'
>>> Pipeline(["ftfy"])("\u4f60\u597d\uff0c\u4e16\u754c\uff01 \uff34\uff45\uff58\uff54")
'你好，世界！ Ｔｅｘｔ'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ftfy.chardata import CONTROL_CHARS, LIGATURES, WIDTH_MAP

from ..fixer import Findings, Fixer, Pattern, register
from ..model import Edit
from ._blocks import code_spans, inline_code, may_hold_code, overlaps
from ._edits import MAX_MERGED, merged_runs
from ._ftfy_lines import (
    BLOCK,
    NEEDS_FTFY,
    Normalization,
    blocks,
    could_change,
    fix_line,
    has_cjk,
    has_width_forms,
    line_could_change,
)

__all__ = [
    "MAX_ALIGNED",
    "FtfyFixer",
    "code_with_references",
    "is_quoted_example",
    "kind_of",
]


@register
@dataclass(frozen=True)
class FtfyFixer(Fixer):
    """Run ``ftfy.fix_text`` on the lines it could change, and record what it did.

    fix_character_width: full-width forms to ASCII, outside CJK text (True)
    fix_latin_ligatures: ``ﬁ`` to ``fi`` (True)
    normalization: ``"NFC"``, or ``None`` to keep the input's normal form ("NFC")
    """

    name: ClassVar[str] = "ftfy"
    gate: ClassVar[Pattern | None] = NEEDS_FTFY

    fix_character_width: bool = True
    fix_latin_ligatures: bool = True
    normalization: Normalization = "NFC"

    def may_apply(self, text: str) -> bool:
        """Whether ftfy could change ``text``: it has a character ftfy fixes, mojibake or another normal form.

        >>> FtfyFixer().may_apply("\u201cIt\u2019s\u201d"), FtfyFixer().may_apply("It\u00e2\u20ac\u2122s")
        (False, True)
        """
        return could_change(text, self.normalization)

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        markup = "<" in text if found.markup is None else found.markup
        return merged_runs(text, self._repairs(text, markup))

    def _repairs(self, text: str, markup: bool) -> Iterator[Edit]:
        cjk: bool | None = None  # whether the document holds CJK text, asked of the first line it matters to
        # The code of the text (blocks, inline spans) that holds a "&", found when a line first needs
        # ftfy: its references are code ("&amp;" in an example of escaping), which ftfy reads as markup's
        # and leaves; so it reads a line that holds such code, the prose beside an inline span too.
        code: list[tuple[int, int]] | None = None
        position = 0
        judged = 0  # the lines before this position lie in a block that may_apply did not clear
        while (match := NEEDS_FTFY.search(text, position)) is not None:
            start = text.rfind("\n", 0, match.start()) + 1
            if start >= judged and len(text) - start > BLOCK:
                # A block of lines that ftfy could not change is passed over at once (short accented
                # lines would otherwise each be judged on their own); a text no longer than a block
                # was judged whole by may_apply.
                block, changeable = next(blocks(text, start, self.normalization))
                if not changeable:
                    position = start + len(block)
                    continue
                judged = start + len(block)
            if text[match.start()] == "\r":
                # A block of whole lines whose only repair is their "\r" line breaks: mended at once.
                plain = _PLAIN_WITH_BREAKS.match(text, start)
                end = text.rfind("\n", start, plain.end() if plain else start) + 1
                if plain is not None and plain.end() == len(text):
                    end = len(text)
                if end > match.start():
                    yield from _line_breaks(text, start, end)
                    position = end
                    continue
            end = text.find("\n", match.start()) + 1 or len(text)
            line = text[start:end]
            position = end
            if line_could_change(line, self.normalization, markup):
                if cjk is None and self.fix_character_width and has_width_forms(line):
                    cjk = has_cjk(text)
                if code is None:
                    code = code_with_references(text) if not markup else []
                fixed = self.fix_line(line, markup=markup or overlaps(code, start, end), cjk=bool(cjk))
                if fixed != line:
                    for run in _differences(line, fixed, start):
                        yield from (edit for at, edit in enumerate(run) if not _quoted_example(text, run, at))

    def fix_line(self, line: str, *, markup: bool | None = None, cjk: bool = False) -> str:
        """What ftfy makes of one line, as a second run would leave it (see ``_ftfy_lines.fix_line``).

        ``markup`` says whether the document is HTML or code; by default, whether ``line`` has a ``<``.
        ``cjk`` says whether the document holds CJK text, whose full-width forms every line keeps.

        >>> FtfyFixer().fix_line("caf\u00c3\u00a9 &amp;\\r<b> &amp;")
        'café &amp;\\n<b> &amp;'
        """
        return fix_line(
            line,
            markup="<" in line if markup is None else markup,
            width=self.fix_character_width,
            ligatures=self.fix_latin_ligatures,
            normalization=self.normalization,
            cjk=cjk,
        )


def code_with_references(text: str) -> list[tuple[int, int]]:
    """The code blocks and inline code spans of ``text`` (:func:`._blocks.code_spans`) that hold a ``&``:
    the lines they touch are read as markup's, so that no reference in code is decoded.

    >>> code_with_references("Write `&amp;` not `x`."), code_with_references("plain &amp;")
    ([(6, 13)], [])
    """
    if "&" not in text or not may_hold_code(text):
        return []
    return [(start, end) for start, end in code_spans(text) if "&" in text[start:end]]


# Printable ASCII without "&", tabs and line breaks: lines whose only repair is their "\r".
_PLAIN_WITH_BREAKS = re.compile(r"[\t\r\n\x20-\x25\x27-\x7e]*")
# A run of line breaks; those with a "\r" are mended. (Written as "a run holding a \r", the pattern tried
# each "\n" of a long run of them to the end and back: 80 kB of "\n" after one "\r" took 6 s.)
_BREAK_RUN = re.compile(r"[\r\n]+")


def _line_breaks(text: str, start: int, end: int) -> Iterator[Edit]:
    """The edits that turn the ``"\\r\\n"`` and ``"\\r"`` of ``text[start:end]`` into ``"\\n"``: the runs of
    line breaks (``"\\r\\n\\r\\n"`` becomes ``"\\n\\n"``) of each :data:`~._edits.MAX_MERGED` characters
    as one change, so that a CRLF document of a page is one change that reverts exactly."""
    return merged_runs(text, _break_runs(text, start, end), gap=MAX_MERGED)


def _break_runs(text: str, start: int, end: int) -> Iterator[Edit]:
    for run in _BREAK_RUN.finditer(text, start, end):
        if "\r" not in run.group():
            continue
        after = run.group().replace("\r\n", "\n").replace("\r", "\n")
        count = float(run.group().count("\r"))
        yield Edit(
            run.start(),
            run.end(),
            after,
            "ftfy: \\r line breaks to \\n",
            "ftfy/line-break",
            {"breaks": count},
        )


_LINE_BREAKS = frozenset("\r\u2028\u2029\x85")
_CARRIAGE_RETURN = frozenset("\r")
_CONTROLS = frozenset(chr(code) for code in CONTROL_CHARS) | {"\x1b"}
_LIGATURES = frozenset(chr(code) for code in LIGATURES)
_WIDE = frozenset(chr(code) for code in WIDTH_MAP)
# What mojibake is made of: Latin-1 letters and symbols, and the Windows-1252 ones beyond it.
_MOJIBAKE_CHARACTERS = frozenset(
    [chr(code) for code in range(0xA0, 0x100)]
    + list("\u20ac\u2122\u0152\u0153\u201a\u201e\u2020\u2021\u02c6")
)


def kind_of(before: str, after: str) -> str:
    """The kind of repair ftfy made where ``before`` became ``after``: ``ftfy/entity`` for ``&amp;``.

    >>> kind_of("&amp;", "&"), kind_of("\u00c3\u00a9", "\u00e9"), kind_of("\\r", "\\n")
    ('ftfy/entity', 'ftfy/mojibake', 'ftfy/line-break')
    >>> kind_of("\u00ea\u0301", "\u1ebf")  # Vietnamese written decomposed: e-circumflex, then an acute
    'ftfy/normalization'
    >>> kind_of("\\r", "")  # the "\\r" of a "\\r\\n"
    'ftfy/line-break'
    """
    characters = set(before)
    if "&" in characters and (";" in before or before.startswith("&#")):
        return "ftfy/entity"
    if unicodedata.normalize("NFC", before) == after:
        return "ftfy/normalization"  # a decomposed letter composed (``ê`` and an accent): no mojibake
    if (characters & _MOJIBAKE_CHARACTERS) - set(after):
        return "ftfy/mojibake"
    if (characters & _LINE_BREAKS and "\n" in after) or (characters == _CARRIAGE_RETURN and not after):
        return "ftfy/line-break"  # "\r" to "\n", or the "\r" of "\r\n" dropped
    if characters <= _CONTROLS | {" "} and not after.strip():
        return "ftfy/control"
    if characters & _LIGATURES and not set(after) & _LIGATURES:
        return "ftfy/ligature"
    if characters & _WIDE:
        return "ftfy/width"
    if unicodedata.normalize("NFKC", before) == after:
        return "ftfy/normalization"
    return "ftfy/other"


def _edit(start: int, before: str, after: str, kind: str) -> Edit:
    evidence = {"characters": float(len(before)), "characters_after": float(len(after))}
    return Edit(start, start + len(before), after, f"ftfy ({kind.partition('/')[2]})", kind, evidence)


# Quotation marks that open and close a quoted example: « », “ ”, „ “, " ", ' ', ‘ ’, 「 」, 『 』.
_OPENING_QUOTES = "«“„\"'‘「『‹`"  # and the backquote of `TeX' and manual pages
_CLOSING_QUOTES = "»”“\"'’」』›`"  # and the backquote that closes a Markdown code span
# Marks that open as well as close (and the apostrophe): one after a letter or digit opens nothing
# (``COM'È``, ``"GPL"，``), and one before a letter or digit closes nothing (``，"BSD"``).
_EITHER_WAY = "\"'\u2019"


#: The repairs that a quoted example is spared: mojibake, and a reference decoded; and in a Markdown code
#: span, a character narrowed (```＂` (U+FF02)``: the very character a text about characters names).
_QUOTABLE_KINDS = frozenset({"ftfy/mojibake", "ftfy/entity"})
_CODE_SPAN_KINDS = frozenset({"ftfy/width"})
#: The most characters between a reference's "&" and where its decoding's edit starts (``&CounterClockwise``).
_LONGEST_REFERENCE = 40


def _quoted_example(text: str, run: tuple[Edit, ...], at: int) -> bool:
    """Whether ``run[at]``, one of the edits of a differing ``run`` (:func:`_aligned`, in order), mends
    mojibake or decodes a reference quoted as an example (:func:`is_quoted_example`: ``« Ã© »``,
    ```&pound;'``) whose quotation marks neither edit next to it reaches: an edit just past a mark makes
    it a piece of the mojibake (``„ï¼‰â€œå½“``: the ``“`` is a byte of ``当``), to be mended with the
    rest, not kept as an example while the rest is mended again at each round. (The edits do not
    overlap, so no edit further off can reach a mark.)"""
    edit = run[at]
    if edit.kind in _CODE_SPAN_KINDS:
        return _in_code_span(text, edit.start, edit.end)
    if edit.kind not in _QUOTABLE_KINDS:
        return False
    start = edit.start
    if edit.kind == "ftfy/entity" and text[start : start + 1] != "&":
        # "&amp;" -> "&" keeps its "&" and drops the rest: the example is the reference from its "&"
        ampersand = text.rfind("&", max(0, start - _LONGEST_REFERENCE), start)
        start = ampersand if ampersand >= 0 else start
    marks = _quotation_marks(text, start, edit.end)
    if marks is None:
        return False
    opening, closing = marks
    reaches_opening = at > 0 and run[at - 1].end >= opening
    reaches_closing = at + 1 < len(run) and run[at + 1].start <= closing + 1
    return not (reaches_opening or reaches_closing)


def _in_code_span(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all that an inline code span of its line holds
    (:func:`._blocks.inline_code`): ```＂```, not the ``｜`` between ```number`｜`string```."""
    if text[start - 1 : start] != "`" or text[end : end + 1] != "`":
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return any(
        not text[line_start + span_start : start].strip("`")
        and not text[end : line_start + span_end].strip("`")
        for span_start, span_end in inline_code(line)
        if line_start + span_start < start and end < line_start + span_end
    )


def is_quoted_example(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole token standing in quotation marks: mojibake quoted as an
    example (``des séquences du type « Ã© »``, ``「Ã©」``), which a text about encodings means as written.

    Mojibake to mend is glued to the letters of its word (``cafÃ©``); a quoted one stands alone.

    >>> is_quoted_example("du type « Ã© », il", 10, 12), is_quoted_example("un cafÃ© noir", 6, 8)
    (True, False)
    """
    return _quotation_marks(text, start, end) is not None


def _quotation_marks(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the quotation marks around the token ``text[start:end]`` stand (a space may come between), if
    it stands in them (:func:`is_quoted_example`): not an apostrophe or an ASCII quotation mark that ends
    a word before it (``COM'ÃˆÂ»``, Italian ``COM'È»`` as mojibake) or starts one after it."""
    before = start - 1 if start >= 1 and text[start - 1] == " " else start
    after = end + 1 if end < len(text) and text[end] == " " else end
    if (
        before >= 1
        and text[before - 1] in _OPENING_QUOTES
        and not (text[before - 1] in _EITHER_WAY and before >= 2 and text[before - 2].isalnum())
        and after < len(text)
        and text[after] in _CLOSING_QUOTES
        and not (text[after] in _EITHER_WAY and after + 1 < len(text) and text[after + 1].isalnum())
    ):
        return before - 1, after
    return None


def _differences(before: str, after: str, offset: int) -> Iterator[tuple[Edit, ...]]:
    """The edits that turn ``before`` into ``after``, a run of them for each differing word: one edit for
    each place that differs.

    ftfy's fixes stay within words, so where the two have as many spaces, they are compared word by
    word; each differing word (or the whole, where the spaces differ) is then aligned by
    :func:`_aligned`. Linear in the length of the line.

    >>> runs = _differences("a &amp;quot;hi&amp;quot; b &amp;", 'a "hi" b &', 0)
    >>> [[(e.start, e.end, e.after) for e in run] for run in runs]
    [[(2, 12, '"'), (14, 24, '"')], [(28, 32, '')]]
    """
    old_words, new_words = before.split(" "), after.split(" ")
    if len(old_words) != len(new_words):
        yield _aligned(before, after, offset)
        return
    for old, new in zip(old_words, new_words, strict=True):
        if old != new:
            yield _aligned(old, new, offset)
        offset += len(old) + 1


def _aligned(before: str, after: str, offset: int) -> tuple[Edit, ...]:
    """The edits that turn ``before`` into ``after`` (one word, or a line), in order: past their common
    start and end, a part of up to :data:`MAX_ALIGNED` characters is aligned character by character,
    an edit for each place that differs; a longer one (rare, and quadratic to align) is one edit."""
    prefix = _common_prefix(before, after)
    suffix = _common_prefix(before[prefix:][::-1], after[prefix:][::-1])
    old, new = before[prefix : len(before) - suffix], after[prefix : len(after) - suffix]
    start = offset + prefix
    if len(old) > MAX_ALIGNED or len(new) > MAX_ALIGNED:
        return (_edit(start, old, new, _kind_in(old, new, before, after)),)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return tuple(
        _edit(start + i1, old[i1:i2], new[j1:j2], _kind_in(old[i1:i2], new[j1:j2], old, new, before, after))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    )


def _kind_in(part: str, part_after: str, *wider: str) -> str:
    """The kind of the edit of ``part`` into ``part_after``: what differs there says what ftfy did (a
    terminal escape dropped beside fullwidth text is no width repair; the "\r" dropped before the "\n"
    of ``&nbsp;</td>\r\n`` is a line break, not the entity beside it), unless it is the tail of a
    reference (``amp;`` dropped from ``&amp;``): then the wider spans (``before``, ``after`` pairs, the
    narrower first) say it.

    >>> _kind_in("amp;", "", "&amp;", "&"), _kind_in("\\x1b[;m", "", "\\x1b[;m\\uff21", "A")
    ('ftfy/entity', 'ftfy/other')
    """
    kind = kind_of(part, part_after)
    pairs = iter(wider)
    for before, after in zip(pairs, pairs, strict=True):
        if kind != "ftfy/other" or _REFERENCE_TAIL.search(part) is None:
            break
        kind = kind_of(before, after)
    return kind


# The end of a reference's name or number, and its ";" (``amp;``, ``#39;``), at the end of an edit.
_REFERENCE_TAIL = re.compile(r"[A-Za-z0-9#]+;\Z")


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
