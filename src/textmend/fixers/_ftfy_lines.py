"""What ftfy would make of a line: shared by the ``ftfy`` step, which runs it, and the ``entities`` step,
which must not leave a line that ftfy would change on a second run.

Everything ftfy-specific that textmend relies on is here, including the two internals it reads
(``ftfy.badness`` and ``ftfy.chardata``; ``tests/test_fast_path.py`` fails loudly if they move).

Four places where textmend differs from ``ftfy.fix_text`` on purpose:

- Whether entities are decoded is decided once per document (``markup``: the input has a ``<``), not
  from the first line with a ``<`` on, so that escaped markup in HTML or code stays escaped everywhere.
- Character width: in a document with Chinese, Japanese or Korean text, full-width punctuation,
  digits, letters and the ideographic space are the right characters and stay, on every line (a line
  ``ＩＴ`` or ``"A：{}"`` of it too), and so do half-width katakana and hangul (``(ﾟ∀ﾟ)``): width there
  is the writer's. Documents without CJK text are narrowed as ftfy does (``Ｔｅｘｔ`` to ``Text``).
  :func:`fix_line` asked of a line alone judges by that line, which is what the ``entities`` step's
  check asks (a stricter test).
- NFC: a character that NFC replaces on its own (U+212A KELVIN SIGN, CJK compatibility ideographs)
  stays as written (:func:`nfc_keeping_singletons`); letters and combining accents are composed.
- Long lines: ftfy fixes a line of up to a million characters as one segment, at a cost that can grow
  with the square of its length; textmend gives a line longer than :data:`PIECE` to ftfy in pieces,
  cut between words of ASCII where it can. Mojibake, references and the rest are fixed as in the whole
  line (a hypothesis test holds them to it, and the 15,668 benchmark documents mend the same), but
  the signs ftfy reads from a whole segment may read otherwise in a piece: ``Ã `` at the start of a
  line makes ftfy read every later ``Ã `` as ``à``, and a piece that does not start so does not.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Literal

import ftfy
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from ftfy.chardata import CONTROL_CHARS, HTML_ENTITY_RE, LIGATURES, WIDTH_MAP
from ftfy.fixes import unescape_html

from ._scan import UNUSUAL, unusual_characters

__all__ = [
    "BLOCK",
    "NEEDS_FTFY",
    "PIECE",
    "SUSPECT",
    "Normalization",
    "ascii_needs_ftfy",
    "blocks",
    "could_change",
    "decodes_a_reference",
    "fix_line",
    "ftfy_in_pieces",
    "ftfy_would_change",
    "has_cjk",
    "has_nfc_singleton",
    "has_reference",
    "has_width_forms",
    "is_plain_ascii",
    "is_suspect",
    "line_could_change",
    "lines",
    "looks_like_mojibake",
    "narrow",
    "nfc_keeping_singletons",
    "only_line_breaks",
    "only_references",
    "pieces",
]

Normalization = Literal["NFC", "NFD", "NFKC", "NFKD"] | None

# ftfy changes nothing in a line of printable ASCII without "&" (tabs and "\n" included). One
# character class, without alternation, so that ``re`` scans clean text at full speed; the characters it
# matches, each once, are what :func:`_scan.unusual_characters` collects (in C where built).
NEEDS_FTFY = UNUSUAL


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
_TARGET_CODES = [
    *[ord("&"), ord("\r"), 0x2028, 0x2029],
    *range(0x80, 0xA0),
    *range(0xD800, 0xE000),
    *CONTROL_CHARS,
    *LIGATURES,
    *WIDTH_MAP,
]
_TARGETS = _char_class(_TARGET_CODES)
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
SUSPECT = re.compile(f"[{_TARGETS}{_MOJIBAKE}]")
# The targets but "&": an "&" is ftfy's only when a reference follows it (``HTML_ENTITY_RE``).
_FIX_TARGETS = _char_class([code for code in _TARGET_CODES if code != ord("&")])
_FIX_TARGET = re.compile(f"[{_FIX_TARGETS}]")
_MOJIBAKE_CHAR = re.compile(f"[{_MOJIBAKE}]")
# Either kind: a text without one has nothing the three searches of could_change after it could find.
_FIX_OR_MOJIBAKE = re.compile(f"[{_FIX_TARGETS}{_MOJIBAKE}]")
# ftfy's longest mojibake sequence is 7 characters (a test reads the width from ``BADNESS_RE``): a
# match holding a character lies within this many characters of it on either side.
_REACH = 8
# Mojibake ``is_bad`` sees only at the start of a segment, so not in a whole text, only in its lines.
_LINE_START_MOJIBAKE = "\u00c3\u00c2"
_MOJIBAKE_AT_LINE_START = re.compile(f"[{_LINE_START_MOJIBAKE}] ")

# Chinese, Japanese and Korean script: kana, CJK ideographs, hangul, CJK punctuation (not U+3000,
# which full-width Latin text uses too) and half-width katakana.
_CJK = re.compile(
    "[\u1100-\u11ff\u3001-\u303f\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\uff61-\uff9f\U00020000-\U0003134f]"
)
_WIDTH_CHARS = re.compile(f"[{_char_class(list(WIDTH_MAP))}]")
# A line whose only repair is its line breaks: printable ASCII, tabs and "\r".
_ONLY_BREAKS = re.compile(r"[\t\r\x20-\x25\x27-\x7e]*\n?")
_CARRIAGE_RETURNS = re.compile(r"\r\n?")


def lines(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its ``"\\n"``.

    Lines end at ``"\\n"`` only, as in ftfy itself: ending them also at breaks ftfy removes
    (``"\\x0b"``, ``"\\x1c"``) would hide what the removal joins (``"&am\\x0bp;"``) until a second run.
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        yield text[start:end]
        start = end


def ascii_needs_ftfy(text: str) -> bool:
    """Whether ftfy could change ASCII ``text``: it has an "&" or a control character other than a tab
    or a line break.

    >>> ascii_needs_ftfy("a\\tb\\n"), ascii_needs_ftfy("a &amp; b"), ascii_needs_ftfy("a\\rb")
    (False, True, True)
    """
    # One C-level pass over the bytes: what is left after deleting every byte ftfy leaves alone.
    return bool(text.encode("ascii", "ignore").translate(None, _ASCII_FTFY_LEAVES))


# The ASCII bytes ftfy never changes on their own: printable characters but "&", a tab, a line feed.
_ASCII_FTFY_LEAVES = bytes(code for code in range(0x20, 0x7F) if code != ord("&")) + b"\t\n"


def _windows_match(text: str, places: Iterable[int]) -> bool:
    """Whether ``BADNESS_RE`` matches within ``_REACH`` characters of one of the sorted ``places`` (of
    one-character mojibake characters), windows that overlap or touch searched as one."""
    low = high = -1
    for place in places:
        start = max(place - _REACH, 0)
        if start > high:
            if high >= 0 and BADNESS_RE.search(text, low, high):
                return True
            low = start
        high = place + 1 + _REACH
    return high >= 0 and BADNESS_RE.search(text, low, high) is not None


def looks_like_mojibake(text: str, characters: Iterable[str] | None = None) -> bool:
    """ftfy's ``is_bad(text)``, searched only around the characters mojibake is made of.

    Every sequence ftfy looks for holds one of them, so this is the same answer, several times faster
    on prose with a few accented letters; in text dense with them (French, a list of accented words)
    the windows merge, so the cost is one search, not one per letter. ``characters``, when given, are
    the kinds of mojibake character the text holds: their places are found with ``str.find``, without a
    scan of the whole text.

    >>> looks_like_mojibake("caf\u00e9 cr\u00e8me"), looks_like_mojibake("caf\u00c3\u00a9")
    (False, True)
    >>> looks_like_mojibake("caf\u00c3\u00a9", ["\u00c3", "\u00a9"])
    True
    """
    # Windows that overlap or touch are searched as one: a match inside their union holds a mojibake
    # character and is shorter than the reach, so it lies inside that character's own window too.
    if characters is None:
        return _windows_match(text, (match.start() for match in _MOJIBAKE_CHAR.finditer(text)))
    places: list[int] = []
    for character in characters:
        at = text.find(character)
        while at >= 0:
            places.append(at)
            at = text.find(character, at + 1)
    return _windows_match(text, sorted(places))


def could_change(text: str, normalization: Normalization) -> bool:
    """Whether ftfy could change ``text``: it has a character ftfy fixes, mojibake or another normal form.

    Prose with typographic quotes and dashes passes all three tests with one scan, without ftfy.

    >>> could_change("\u201cIt\u2019s\u201d", "NFC"), could_change("It\u00e2\u20ac\u2122s", "NFC")
    (False, True)
    """
    if text.isascii() and not ascii_needs_ftfy(text):
        return False
    unusual = unusual_characters(text)  # one pass: most text holds a few kinds of such character only
    if not unusual:
        return False
    if normalization is not None and not unicodedata.is_normalized(normalization, text):
        return True
    if has_reference(text):
        return True
    # A fix target, a mojibake window and "Ã " at a line start each hold a character of _FIX_OR_MOJIBAKE
    # (a suspect): most text that gets here has none. The tests are asked of the kinds of character the
    # text holds, and of the places of its few kinds of mojibake character, not of the whole text.
    suspects = [character for character in unusual if is_suspect(character)]
    return bool(suspects) and (
        any(_FIX_TARGET.match(character) is not None for character in suspects)
        or looks_like_mojibake(text, [c for c in suspects if _MOJIBAKE_CHAR.match(c) is not None])
        or (not unusual.isdisjoint(_LINE_START_MOJIBAKE) and _MOJIBAKE_AT_LINE_START.search(text) is not None)
    )


@functools.lru_cache(maxsize=4096)
def is_suspect(character: str) -> bool:
    """Whether ``character`` is one of ftfy's fix targets (but ``&``) or a character of mojibake: what
    :func:`could_change` searches a text for after its quick tests.

    >>> is_suspect("\u2019"), is_suspect("\u00c3"), is_suspect("\\r")
    (False, True, True)
    """
    return _FIX_OR_MOJIBAKE.match(character) is not None


def has_reference(text: str) -> bool:
    """Whether ``text`` has an HTML reference ftfy decodes (an ``&`` alone, as in ``R & D``, is no work).

    >>> has_reference("R & D"), has_reference("R &amp; D")
    (False, True)
    """
    return "&" in text and HTML_ENTITY_RE.search(text) is not None


def only_line_breaks(line: str) -> bool:
    """Whether the one thing ftfy would change in ``line`` is its ``"\\r"`` line breaks (``"a\\r\\n"``).

    >>> only_line_breaks("a\\r\\n"), only_line_breaks("a &amp;\\r\\n")
    (True, False)
    """
    return "\r" in line and _ONLY_BREAKS.fullmatch(line) is not None


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds Chinese, Japanese or Korean script: ``has_cjk("\u4f60\u597d\uff0c")``."""
    return _CJK.search(text) is not None


def narrow(line: str, cjk: bool = False) -> str:
    """``line`` with ftfy's character-width fix, except in CJK text, which keeps its full-width and
    half-width forms as written: a line that holds CJK script, or any line when ``cjk`` says its
    document does.

    >>> narrow("\uff34\uff45\uff58\uff54\uff01"), narrow("\u4f60\u597d\uff0c\u4e16\u754c\uff01\u3000\uff11")
    ('Text!', '你好，世界！\u3000１')
    >>> narrow("\uff29\uff34", cjk=True), narrow("(\uff9f\u2200\uff9f)")
    ('ＩＴ', '(ﾟ∀ﾟ)')
    """
    if cjk or not has_width_forms(line) or has_cjk(line):
        return line
    return line.translate(WIDTH_MAP)


def has_width_forms(text: str) -> bool:
    """Whether ``text`` holds a character ftfy's width fix changes (full-width Latin, half-width kana).

    >>> has_width_forms("\uff29\uff34"), has_width_forms("IT")
    (True, False)
    """
    return _WIDTH_CHARS.search(text) is not None


def has_nfc_singleton(text: str) -> bool:
    """Whether ``text`` holds a character that NFC replaces on its own (:func:`nfc_keeping_singletons`).

    >>> has_nfc_singleton("300 \u212a"), has_nfc_singleton("cafe\u0301")
    (True, False)
    """
    return not unicodedata.is_normalized("NFC", text) and _nfc_singletons().search(text) is not None


def nfc_keeping_singletons(text: str) -> str:
    """``text`` in NFC, except each character that NFC replaces on its own, which stays as written:
    the Kelvin, Ohm and Ångström signs, CJK compatibility ideographs (``神`` U+FA19, Korean hanja of
    KS X 1001, IBM's kanji of a name), the Greek question mark and ano teleia, Devanagari letters with
    a nukta. They are the characters their writer chose, not damage; what NFC is for in scraped text,
    a letter and a combining accent made one (``e\u0301`` to ``é``), is done all the same.

    >>> nfc_keeping_singletons("cafe\u0301 at 300 \u212a, \ufa19")
    'café at 300 \u212a, \ufa19'
    """
    singletons = _nfc_singletons()
    if singletons.search(text) is None:
        return unicodedata.normalize("NFC", text)
    pieces: list[str] = []
    position = 0
    for match in singletons.finditer(text):
        pieces.append(unicodedata.normalize("NFC", text[position : match.start()]))
        pieces.append(match.group())
        position = match.end()
    pieces.append(unicodedata.normalize("NFC", text[position:]))
    return "".join(pieces)


@functools.cache
def _nfc_singletons() -> re.Pattern[str]:
    """A class of every character that is not in NFC on its own (about 1,120), found once per
    process from ``unicodedata`` (about 0.08 s), and only when a text not in NFC asks."""
    ranges: list[list[int]] = []
    for code in range(0x110000):
        if unicodedata.is_normalized("NFC", chr(code)):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges) + "]")


def fix_line(
    line: str,
    *,
    markup: bool,
    width: bool = True,
    ligatures: bool = True,
    normalization: Normalization = "NFC",
    cjk: bool = False,
) -> str:
    """What ftfy makes of one line, as a second run would leave it.

    ``markup`` says the document is HTML or code (its input had a ``<``): then no entity is decoded.
    ``cjk`` says the document holds Chinese, Japanese or Korean text: then every line of it keeps its
    full-width forms (``ＩＴ`` as a heading of a Japanese article, ``"A：{}"`` in a Chinese one).
    Where ftfy made line breaks (``"\\r"``), each new line is fixed again on its own, as a second
    run would. Width is fixed by :func:`narrow`, not by ftfy.

    >>> fix_line("caf\u00c3\u00a9 &amp;\\r<b> &amp;", markup=False)
    'café &\\n<b> &'
    >>> fix_line("caf\u00c3\u00a9 &amp;\\r<b> &amp;", markup=True)
    'café &amp;\\n<b> &amp;'
    """
    if only_line_breaks(line):
        return _CARRIAGE_RETURNS.sub("\n", line)
    decoded = only_references(line, markup, normalization)
    if decoded is not None:
        return decoded
    return _fixed_by_ftfy(line, markup, width, ligatures, normalization, cjk)


def only_references(line: str, markup: bool, normalization: Normalization) -> str | None:
    """``line`` with its references decoded, when they are all the work ftfy would do on it (``&amp;``
    in curly prose): ftfy decodes references first, and a decoded line that :func:`could_change`
    clears is one it leaves as it is. ``None`` otherwise.

    >>> only_references("“A &amp; B”", markup=False, normalization="NFC")
    '“A & B”'
    >>> only_references("cafÃ© &amp; B", markup=False, normalization="NFC") is None
    True
    """
    if markup or "&" not in line or len(line) > PIECE:  # longer lines go to ftfy in pieces
        return None
    decoded = unescape_html(line)
    if decoded == line or could_change(decoded, normalization):
        return None
    return decoded


def _fixed_by_ftfy(
    line: str, markup: bool, width: bool, ligatures: bool, normalization: Normalization, cjk: bool
) -> str:
    # NFC of a line with a character NFC replaces on its own is done here, keeping that character
    own_nfc = normalization == "NFC" and has_nfc_singleton(line)
    config = ftfy.TextFixerConfig(
        unescape_html=not markup,
        uncurl_quotes=False,
        fix_character_width=False,
        fix_latin_ligatures=ligatures,
        normalization=None if own_nfc else normalization,
        explain=False,
    )

    def fixed(text: str) -> str:
        first = config
        if width and not (cjk or has_cjk(text)):
            # ftfy's own order first (its width fix after its encoding fix): narrowed before ftfy,
            # "cafÃ©‚ÄôＬＯＵＤ" read as one Mac Roman mojibake ("caf̩’LOUD"), where ftfy keeps "café".
            first = config._replace(fix_character_width=True)
        for _ in range(3):  # ftfy and the width fix, until neither changes anything
            before = text
            text = ftfy_in_pieces(narrow(text, cjk) if width and first is config else text, first)
            if first is not config and has_cjk(text):
                # Mojibake of CJK text ("ï¼Œ" for "，"): decoded, it keeps its full-width forms as CJK
                # text does, so ftfy decodes it without its width fix.
                text = ftfy_in_pieces(before, config)
            if own_nfc:
                text = nfc_keeping_singletons(text)
            first = config
            if text == before or not width or narrow(text, cjk) == text:
                break
        return text

    result = fixed(line)
    if "\n" not in result.rstrip("\n"):
        return result
    # Only the new lines ftfy could still change go through it again ("\r" * 10**6 is a million lines),
    # judged a block of lines at a time first.
    if len(result) <= BLOCK:
        return "".join(fixed(part) if could_change(part, normalization) else part for part in lines(result))
    parts: list[str] = []
    for block, changeable in blocks(result, 0, normalization):
        if not changeable:
            parts.append(block)
            continue
        parts.extend(fixed(part) if could_change(part, normalization) else part for part in lines(block))
    return "".join(parts)


#: ftfy fixes a line as one segment (up to its ``max_decode_length``, a million characters), and a few
#: lines cost it time that grows with the square of their length: in a run of adjacent mojibake pieces
#: that decode to more mojibake (``Ã©—·`` repeated), each piece decoded sends the rest of the run
#: round ftfy's loop again (20 kB: 4.3 s; 80 kB: 84 s). Lines longer than this go to ftfy in pieces
#: of at most this many characters (:func:`pieces`), as ftfy itself cuts lines longer than its limit.
PIECE = 2048
# Where a piece may end: after a space between two printable ASCII characters (no mojibake sequence,
# reference or escape holds one) ...
_SAFE_CUT = re.compile(r"(?<=[!-~]) (?=[!-~])")
# ... or, in a long stretch without one, before a character that starts no part of something longer:
# not a byte of a UTF-8 sequence after its first (what Latin-1 and Windows-1252 read 0x80-0xBF as, and
# a space, which mojibake writes for 0xA0: "Ã " is "à"), a combining mark, a Hangul vowel or final
# consonant, a low surrogate, or the inside of a reference.
_CONTINUES = re.compile(
    "[ \u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u1160-\u11ff\udc00-\udfff"
    "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2fA-Za-z0-9#;]"
)
# How far back from the longest piece a cut before such a character is looked for.
_CUT_REACH = 64


def pieces(line: str) -> Iterator[str]:
    """``line`` cut into pieces of at most :data:`PIECE` characters, at the places ftfy reads the same
    either way where there are any (:data:`_SAFE_CUT`, in the second half of each piece's reach).

    >>> [len(piece) for piece in pieces("word " * 1000)]
    [2045, 2045, 910]
    """
    start = 0
    while len(line) - start > PIECE:
        end = start + PIECE
        cuts = list(_SAFE_CUT.finditer(line, start + PIECE // 2, end))
        if cuts:
            cut = cuts[-1].end()
        else:
            cut = end
            while cut > end - _CUT_REACH and _CONTINUES.match(line, cut):
                cut -= 1
            if cut == end - _CUT_REACH:
                cut = end  # nothing better: cut where the piece is longest, as ftfy does at its limit
        yield line[start:cut]
        start = cut
    yield line[start:]


def ftfy_in_pieces(line: str, config: ftfy.TextFixerConfig) -> str:
    """``ftfy.fix_text(line, config)``, the line given to ftfy in :func:`pieces` when it is longer
    than :data:`PIECE`: the cost of any line grows with its length, not its square."""
    if len(line) <= PIECE:
        return ftfy.fix_text(line, config)
    return "".join(ftfy.fix_text(piece, config) for piece in pieces(line))


#: Lines are first judged in blocks of whole lines of at least this many characters: a block that
#: :func:`could_change` clears holds no line it would not clear, so its lines need no look of their own.
BLOCK = 4096


def blocks(text: str, start: int, normalization: Normalization) -> Iterator[tuple[str, bool]]:
    """``text[start:]`` cut into blocks of whole lines (of :data:`BLOCK` characters or more), each with
    whether :func:`could_change` says ftfy could change it.

    Each test :func:`could_change` makes finds in a line what it finds in any text holding that line
    (a line is cut at a ``"\\n"``, which no pattern it uses needs, nor normalization joins), so a block it
    clears has no line ftfy could change.

    >>> text = "caf\u00e9\\n" * 2000 + "caf\u00c3\u00a9"  # 2,000 clean lines, then mojibake
    >>> [(len(block), changeable) for block, changeable in blocks(text, 0, "NFC")]
    [(4100, False), (4100, False), (1805, True)]
    """
    while start < len(text):
        end = text.find("\n", start + BLOCK) + 1 or len(text)
        block = text[start:end]
        yield block, could_change(block, normalization)
        start = end


def line_could_change(line: str, normalization: Normalization, markup: bool) -> bool:
    """Whether ftfy could change ``line`` of a document: :func:`could_change`, except that in markup
    (``markup``: the document is HTML or code), where no reference is decoded, a printable ASCII line
    has nothing for ftfy (``Terminal&#39;s``), though its reference lets :func:`could_change` through.

    >>> line_could_change("AT&amp;T", "NFC", False), line_could_change("AT&amp;T", "NFC", True)
    (True, False)
    """
    return could_change(line, normalization) and not (markup and is_plain_ascii(line))


def ftfy_would_change(line: str, markup: bool) -> bool:
    """Whether ftfy would change an edited ``line`` (``markup``: no reference decoded), as
    :func:`fix_line` says, asked only of a line :func:`line_could_change` lets through.

    >>> ftfy_would_change("It\u00e2\u20ac\u2122s", False), ftfy_would_change("Let\u2019s \u201d", False)
    (True, False)
    """
    if not line_could_change(line, "NFC", markup):
        return False
    if len(line) > _REMEMBERED_LINE:
        return fix_line(line, markup=markup) != line
    return (not markup and decodes_a_reference(line)) or _fix_line_changes(line, markup)


def decodes_a_reference(line: str) -> bool:
    """Whether ftfy's ``unescape_html`` decodes a reference in ``line`` (``&amp;``): outside markup ftfy
    then changes the line, since it fixes until nothing changes and no fix of its writes a reference.
    For lines up to :data:`_REMEMBERED_LINE` long: ftfy cuts longer ones into segments.

    >>> decodes_a_reference("Sir Walter &amp; Anne"), decodes_a_reference("R & D, AT&T;")
    (True, False)
    """
    return "&" in line and unescape_html(line) != line


def is_plain_ascii(line: str) -> bool:
    """Whether ``line`` is printable ASCII (tabs and line breaks aside), ``&`` included: in markup, where
    ftfy decodes no reference, it has nothing to change there (``<b>Let&rsquo;s</b>``).

    >>> is_plain_ascii("<b>Let&rsquo;s</b>\\n"), is_plain_ascii("caf\u00e9"), is_plain_ascii("a\\rb")
    (True, False, False)
    """
    return line.isascii() and not ascii_needs_ftfy(line.replace("&", ""))


#: Lines up to this long are remembered by :func:`_fix_line_changes` (64 of them: a few hundred KB).
_REMEMBERED_LINE = 4096


@functools.lru_cache(maxsize=64)
def _fix_line_changes(line: str, markup: bool) -> bool:
    """Whether :func:`fix_line` changes ``line``, remembered for the last lines asked: the pipeline runs
    this step again on its output, where a line whose edits were left out comes back as it was (a
    page of mojibake asks ftfy about the same lines twice)."""
    return fix_line(line, markup=markup) != line
