"""The fast path: a fixer whose gate rejects a text is not run on it, and gating never changes a result."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar
from unittest import mock

import ftfy
import pytest
import regex
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import textmend
from textmend import Edit, Findings, Fixer, Pipeline, fixer_class, registered_fixers
from textmend.fixers import _scan, _splitter, entities, words
from textmend.fixers._ftfy_lines import NEEDS_FTFY as _NEEDS_FTFY
from textmend.fixers._ftfy_lines import PIECE, ftfy_in_pieces, has_cjk, has_nfc_singleton, pieces
from textmend.fixers._ftfy_lines import SUSPECT as _SUSPECT
from textmend.fixers._ftfy_lines import ascii_needs_ftfy as _ascii_needs_ftfy
from textmend.fixers._ftfy_lines import looks_like_mojibake as _looks_like_mojibake
from textmend.fixers._language import within_latin1
from textmend.fixers.ftfy import FtfyFixer, is_quoted_example

PROSE = (
    "\u201cIt\u2019s a truth\u201d \u2014 universally acknowledged\u2026 caf\u00e9, na\u00efve.\n\nThe end."
)

# Pieces of damage and of ordinary text for hypothesis to combine.
PIECES = [
    "Let",
    "rsquo;",
    "s see",
    "#8217;",
    "&amp;",
    "&rsquo;",
    "eacute;",
    "a copy; not",
    "are usedfor pain",
    "music.The",
    "during;",
    "It\u00e2\u20ac\u2122s",  # mojibake of "It’s"
    "caf\u00c3\u00a9",  # mojibake of "café"
    "\u00c3 ",
    "\u00c2 ",
    "\u2502\u201d",  # a box-drawing character before a quote
    "\u0432\u0402\u2122",  # Windows-1251 mojibake
    "\u0413\u045e\u0412\u0402\u0412\u2122s",
    "\u03b2\u20ac\u2122",  # Windows-1253 mojibake
    "\u201a\u00c4\u00f4",  # MacRoman mojibake
    "\u201cquoted\u201d",
    "\u2014",
    "\u2026",
    "caf\u00e9",
    "e\u0301",
    "\ufb01ne",
    "\uff2c\uff2f\uff35\uff24",
    "\x00",
    "\x1b[31m",
    "\x85",
    "\x9d",
    "\u2028",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\n-\n",
    "A Title\nA Title Its first words",
    "<b>",
    " ",
    "the",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=14).map("".join)


@contextlib.contextmanager
def gates_ignored() -> Iterator[None]:
    """Every fixer class claims it may apply to any text (ftfy then runs on every line)."""
    with contextlib.ExitStack() as stack:
        for cls in {Fixer, *(fixer_class(name) for name in registered_fixers())}:
            if "may_apply" in vars(cls):
                stack.enter_context(mock.patch.object(cls, "may_apply", lambda self, text: True))
        yield


@settings(max_examples=300, deadline=None)
@given(texts)
def test_gating_never_changes_the_result(text: str) -> None:
    pipeline = textmend.DEFAULT.enable("ascii")
    gated = pipeline.mend_document(text)
    with gates_ignored():
        ungated = pipeline.mend_document(text)
    assert gated == ungated


# The runs of characters between spaces and quotation marks: the tokens is_quoted_example may find quoted.
_UNQUOTED_TOKEN = regex.compile(
    r"[^\s\"'`\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019\u300c\u300d\u300e\u300f\u2039\u203a]+"
)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["NFC", "NFKC", None]))
# narrowed before ftfy, this read as one Mac Roman mojibake ("caf̩’LOUD"); ftfy keeps "café"
@example("caf\u00c3\u00a9\u201a\u00c4\u00f4\uff2c\uff2f\uff35\uff24", "NFC")
@example("it\u0432\u0402\u2122s", "NFC")  # Windows-1251 mojibake glued to its word is mended as ftfy does
def test_ftfy_step_equals_ftfy_on_every_line(text: str, normalization: str | None) -> None:
    assume(not has_cjk(text))  # CJK text keeps its full-width forms, unlike in ftfy
    # a character NFC replaces on its own (the Kelvin sign) stays as written, unlike in ftfy
    assume(not (normalization == "NFC" and has_nfc_singleton(text)))
    # A whole token standing in quotation marks is an example the step keeps as written (is_quoted_example)
    assume(not any(is_quoted_example(text, *token.span()) for token in _UNQUOTED_TOKEN.finditer(text)))
    fixer = FtfyFixer(normalization=normalization)  # type: ignore[arg-type]

    def fix(line: str) -> str:  # entities are left alone in a document with "<", anywhere in it
        config = ftfy.TextFixerConfig(
            unescape_html="<" not in text, uncurl_quotes=False, normalization=normalization
        )
        return ftfy.fix_text(line, config)

    def lines(text: str) -> list[str]:  # lines end at "\n" only, as in ftfy
        return regex.findall(r"[^\n]*\n|[^\n]+", text)

    # Where ftfy made line breaks ("\r"), each new line is fixed again, as a second run would.
    expected = "".join(
        fixed if len(parts := lines(fixed := fix(line))) == 1 else "".join(map(fix, parts))
        for line in lines(text)
    )
    # Mojibake that decodes to CJK text ("cafÃ©Â \x80ＬＯＵＤ" holds "頀") is CJK text too: it keeps its
    # full-width forms, unlike in ftfy
    assume(not has_cjk(expected))
    assert Pipeline([fixer])(text) == expected


# Words of real damaged text: strong mojibake, accented and curly words, references, a ligature, a
# full-width letter, a combining accent, a "\r". (ftfy reads weak signs, such as "Ã " at the start of a
# segment, from the whole segment: there a line in pieces may read otherwise; see _ftfy_lines.PIECE.)
_LONG_LINE_WORDS = st.sampled_from(
    ["the", "word", "caf\u00c3\u00a9", "caf\u00e9", "it\u00e2\u20ac\u2122s", "&amp;", "&eacute;",
     "na\u00efve", "\ufb01", "\uff21", "\u2019", "x\u0301", "\u00e6\u2014\u00a5\u00e6\u0153", "1.", "\r", "A"]
)  # fmt: skip
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LONG_LINE_WORDS, min_size=1, max_size=12), st.integers(100, 1500))
def test_a_long_line_in_pieces_reads_as_ftfy_reads_it_whole(words: list[str], repeats: int) -> None:
    line = (" ".join(words) + " ") * repeats
    assert ftfy_in_pieces(line, _FTFY_CONFIG) == ftfy.fix_text(line, _FTFY_CONFIG)


# ASCII, spaces, a reference's signs, mojibake, a combining accent, a Hangul vowel, a CJK ideograph.
_PIECE_CHARACTERS = "ab \u00c3\u00a9\u2014\u00b7&;#\u0301\u1161\u4e2d"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(st.sampled_from(_PIECE_CHARACTERS), max_size=40), min_size=1),
    st.integers(1, 3 * PIECE),
)
def test_pieces_rebuild_the_line_each_no_longer_than_the_limit(runs: list[str], length: int) -> None:
    unit = "".join(runs) or "a"
    line = (unit * (length // len(unit) + 1))[:length]
    parts = list(pieces(line))
    assert "".join(parts) == line
    assert all(len(part) <= PIECE for part in parts)

    def printable_ascii(at: int) -> bool:
        return 0 <= at < len(line) and "!" <= line[at] <= "~"

    start = 0
    for part in parts[:-1]:
        # the last space between printable ASCII in the second half of the reach, if there is one
        safe = [
            at + 1
            for at in range(start + PIECE // 2, start + PIECE - 1)
            if line[at] == " " and printable_ascii(at - 1) and printable_ascii(at + 1)
        ]
        if safe:
            assert start + len(part) == safe[-1]
        start += len(part)


def _characters(char_class: str) -> list[str]:
    """The characters of a character class body such as ``"a-cx"``."""
    found = []
    for item in regex.findall(r".-.|.", char_class):
        found.extend(chr(code) for code in range(ord(item[0]), ord(item[-1]) + 1))
    return found


# Characters outside the fast path's mojibake class: typographic punctuation, and the Greek and
# Cyrillic letters ftfy treats as common.
_HARMLESS = [
    char
    for name in ("common", "start_punctuation", "end_punctuation", "lower_common", "upper_common")
    for char in _characters(MOJIBAKE_CATEGORIES[name])
    if _SUSPECT.search(char) is None
]


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from([*_HARMLESS, *" \n\tabcAZ.,?!'\"-"]), max_size=12))
def test_text_without_mojibake_characters_never_looks_like_mojibake(text: str) -> None:
    assert not is_bad(text)


@settings(max_examples=1000)
@given(texts)
def test_mojibake_search_near_its_characters_equals_ftfys_whole_text_search(text: str) -> None:
    assert _looks_like_mojibake(text) == is_bad(text)


def test_ftfy_is_not_called_on_typographic_prose() -> None:
    with mock.patch.object(ftfy, "fix_text", side_effect=AssertionError("ftfy called")):
        assert textmend.mend(PROSE) == PROSE
    assert unicodedata.is_normalized("NFC", PROSE)


def test_ftfy_is_called_on_the_lines_that_need_it() -> None:
    text = "Clean \u201cline\u201d.\nIt\u00e2\u20ac\u2122s broken.\n"
    with mock.patch.object(ftfy, "fix_text", wraps=ftfy.fix_text) as spy:
        assert Pipeline(["ftfy"])(text) == "Clean \u201cline\u201d.\nIt\u2019s broken.\n"
    assert [call.args[0] for call in spy.call_args_list] == ["It\u00e2\u20ac\u2122s broken.\n"]


@dataclass(frozen=True)
class _Exploding(Fixer):
    name: ClassVar[str] = "exploding"
    gate: ClassVar[regex.Pattern[str]] = regex.compile("!!")

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        raise AssertionError("find called on text its gate rejects")


def test_find_is_not_called_on_text_the_gate_rejects() -> None:
    pipeline = Pipeline([_Exploding()])
    assert pipeline("calm text!") == "calm text!"
    with pytest.raises(AssertionError, match="find called"):
        pipeline("loud text!!")


def test_mojibake_that_only_a_line_start_reveals_is_fixed() -> None:
    # ftfy's badness test sees "Ã " as mojibake at the start of a segment only, so not in the whole text.
    assert not is_bad("end.\n\u00c3 la carte\n")
    assert Pipeline(["ftfy"])("end.\n\u00c3 la carte\n") == "end.\n\u00e0 la carte\n"


# -- string-method and stdlib-re fast paths give the answers of the patterns they stand for ------------
_LATIN1_AND_PUNCTUATION = [chr(code) for code in [*range(0x100), *range(0x2000, 0x2070)]]
_FAST_PATH_PIECES = [
    "ofthe",
    "usedfor",
    "Bingley",
    "caf\u00e9",
    "\u00e9t\u00e9",
    "\u00b5",
    "\u00df",
    "\u00c9",
    "managementThe",
    "well.nAmazon",
    "pain.The",
    ".nn\u00c9",
    "x.y",
    "\u2019",
    "\u0436",
    "\u1e9e",
    "rsquo;",
    "#8217;",
    "#x27;",
    "lt;",
    "eacute;",
    "AElig;",
    "Aacute;",
    "a" * 50,
    "b1" * 30,
    "&",
]
_fast_path_texts = st.lists(
    st.one_of(
        st.sampled_from(_FAST_PATH_PIECES), st.text(st.sampled_from(_LATIN1_AND_PUNCTUATION), max_size=5)
    ),
    max_size=16,
).map("".join)


def test_latin1_letter_classes_are_the_unicode_ones() -> None:
    for char in _LATIN1_AND_PUNCTUATION:
        assert within_latin1(char)
        assert (re.fullmatch(f"[{words._LL}]", char) is None) == (regex.fullmatch(r"\p{Ll}", char) is None)
        assert (re.fullmatch(f"[{words._LU}]", char) is None) == (regex.fullmatch(r"\p{Lu}", char) is None)
    assert not within_latin1("caf\u00e9 \u201cok\u201d \u0436")


@settings(max_examples=500)
@given(_fast_path_texts)
def test_words_latin1_prechecks_find_what_the_unicode_ones_find(text: str) -> None:
    assume(within_latin1(text))
    tokens = {match.group() for match in words._LOWER_TOKEN.finditer(text)}
    assert tokens <= set(_scan.LATIN1_LOWERCASE_RUN.findall(text))
    assert tokens <= set(words._LOWERCASE_RUN.findall(text))
    assert bool(words._LATIN1_LOWER_UPPER.search(text)) == bool(words._LOWER_UPPER.search(text))
    assert bool(words._LATIN1_NO_SPACE.search(text)) == bool(words._NO_SPACE.search(text))


@settings(max_examples=500)
@given(_fast_path_texts)
def test_entities_gate_answers_as_its_pattern(text: str) -> None:
    names = [*entities._MARKUP_NAMES, *entities._SYNTAX_NAMES, *entities._ACCENTS.split("|")]
    pattern = regex.compile(r"&[#A-Za-z]|#[0-9xX]|;(?<=(?:{});)".format("|".join(names)))
    assert (entities.EntityFixer.gate.search(text) is not None) == (pattern.search(text) is not None)


@settings(max_examples=500)
@given(_fast_path_texts, st.integers(0, 100))
def test_entities_search_before_semicolons_finds_the_first_match(text: str, position: int) -> None:
    expected = entities._WITHOUT_AMPERSAND.search(text, min(position, len(text)))
    found = entities._next_without_ampersand(text, min(position, len(text)))
    assert (None if found is None else found.span()) == (None if expected is None else expected.span())


@settings(max_examples=500)
@given(st.text(st.characters(max_codepoint=0x7F), max_size=20))
def test_ftfy_ascii_gate_answers_as_its_pattern(text: str) -> None:
    assert _ascii_needs_ftfy(text) == (_NEEDS_FTFY.search(text) is not None)


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from(["f(", " (", "a", "=", ";", "; ", ";\u00a0", "::", "->", ":", "-", "`", "\u00e9("]),
        max_size=8,
    )
)
def test_code_line_pattern_is_the_plain_one(pieces: list[str]) -> None:
    line = "".join(pieces)
    plain = regex.compile(r"[{}=<>`]|;\s*$|\w\(|::|->")
    assert (_splitter._CODE_LINE.search(line) is None) == (plain.search(line) is None)


def test_the_ftfy_internals_textmend_reads_are_where_it_expects() -> None:
    """textmend reads ``ftfy.badness`` and ``ftfy.chardata`` (pinned ``ftfy>=6.1,<7``): if a new ftfy
    moves these names, this fails loudly instead of the fast path silently going wrong."""
    import ftfy.badness
    import ftfy.chardata

    assert isinstance(ftfy.badness.BADNESS_RE, re.Pattern)
    assert {"c1", "bad", "law", "currency", "numeric", "box"} <= set(ftfy.badness.MOJIBAKE_CATEGORIES)
    assert callable(ftfy.badness.is_bad)
    assert ord("\uff21") in ftfy.chardata.WIDTH_MAP and 0x3000 in ftfy.chardata.WIDTH_MAP
    assert ord("\ufb01") in ftfy.chardata.LIGATURES
    assert 0x7F in ftfy.chardata.CONTROL_CHARS or 0x00 in ftfy.chardata.CONTROL_CHARS
    assert {"unescape_html", "fix_character_width", "fix_line_breaks"} <= set(ftfy.TextFixerConfig._fields)
