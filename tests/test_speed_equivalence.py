"""The pure-Python speed work (issue #18) answers exactly as the plain code it replaced: each fast form
is run against a plain form kept here, over random text built from the pieces that matter to it."""

from __future__ import annotations

import html.entities
import itertools
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from typing import Any
from unittest import mock

import pytest
import regex
import wordfreq
from ftfy.badness import BADNESS_RE
from hypothesis import example, given, settings
from hypothesis import strategies as st

import textmend
from conftest import ROOT, benchmark_corpora, case_rows
from textmend import Findings, lexicon
from textmend.changes import apply_edits
from textmend.corpus_model import CorpusModel
from textmend.fixers import (
    _blocks,
    _ftfy_lines,
    _language,
    _scan,
    _splitter,
    _teaser_forms,
    entities,
    teasers,
    titles,
    words,
)
from textmend.fixers._dictionary import english_dictionary
from textmend.fixers._edits import merged_runs
from textmend.fixers._ftfy_lines import NEEDS_FTFY, could_change, fix_line, ftfy_would_change
from textmend.fixers._language import (
    MARKER_LANGUAGES,
    OTHER_SCRIPT,
    UNKNOWN_LANGUAGE,
    decided_language,
    latin_share,
    markers,
    within_latin1,
    without_english_clitics,
)
from textmend.fixers._lines import Line, lines_from_end
from textmend.fixers._splitter import (
    DocumentWords,
    Splitter,
    junction_ceiling,
    too_many_candidates,
    too_many_rare_runs,
    valid_parts,
    word_filter,
)
from textmend.fixers._wordlists import NEIGHBOURS
from textmend.fixers.words import WordsFixer
from textmend.lexicon import common_words, frequencies, zipf
from textmend.model import Edit

_WORD = regex.compile(r"\p{L}+")


def plain_decided_language(text: str, default: str) -> str | None:
    """decided_language as it was written before the speed work: a Counter of every word, lowercased
    one by one, and set intersections per language."""
    if latin_share(text) < _language._LATIN_SHARE:
        return OTHER_SCRIPT
    counts = Counter(match.group().lower() for match in _WORD.finditer(without_english_clitics(text)))
    if not counts:
        return None
    own = markers(default) if default in MARKER_LANGUAGES else frozenset()
    own_hits = sum(counts[word] for word in own.intersection(counts))
    best, best_hits = None, 0
    for language in MARKER_LANGUAGES:
        if language == default:
            continue
        theirs = markers(language)
        found = [word for word in theirs.intersection(counts) if word not in own]
        hits = sum(counts[word] for word in found)
        if hits < _language._MIN_MARKERS or hits <= best_hits or len(found) < _language._MIN_DISTINCT_MARKERS:
            continue
        own_only = sum(counts[word] for word in own.intersection(counts) if word not in theirs)
        if hits > _language._MARGIN * own_only:
            best, best_hits = language, hits
    if best is None and default in MARKER_LANGUAGES and plain_is_foreign(counts, own, default):
        return UNKNOWN_LANGUAGE
    if best is None and own_hits >= _language._MIN_MARKERS:
        return default
    return best


def plain_is_foreign(counts: Counter[str], own: frozenset[str], language: str) -> bool:
    """is_foreign as the docs state it, over the words of three letters or more only."""
    long_words = Counter({word: count for word, count in counts.items() if len(word) >= 3})
    total = sum(long_words.values())
    if total < _language._JUDGED_WORDS:
        return False
    hits = sum(count for word, count in long_words.items() if word in own)
    if hits >= _language._MIN_OWN_SHARE * total:
        return False
    common = common_words(language)
    long_markers = {word for word in own if len(word) >= 3}

    def glued(word: str) -> bool:
        if len(word) > 40:
            return False
        cuts = [(word[:cut], word[cut:]) for cut in range(1, len(word))]
        if len(word) < 7:
            return any(
                (a in long_markers or b in long_markers) and a in common and b in common for a, b in cuts
            )
        return any(len(a) >= 2 and len(b) >= 2 and a in common and b in common for a, b in cuts)

    known = sum(count for word, count in long_words.items() if word in common or glued(word))
    return known < _language._MIN_COMMON_SHARE * total


# Marker words of every language (some capitalised or upper-cased), words of no list, and the
# characters where lowercasing or word splitting could differ: dotted I, final sigma, Kelvin sign,
# letters beyond Latin-1, CJK, digits and punctuation.
_MARKER_WORDS = sorted({word for language in MARKER_LANGUAGES for word in list(markers(language))[:40]})
_PIECES = st.one_of(
    st.sampled_from(_MARKER_WORDS),
    st.sampled_from(_MARKER_WORDS).map(str.upper),
    st.sampled_from(_MARKER_WORDS).map(str.title),
    st.sampled_from(["usedfor", "Jean", "Dupont", "abantu", "bazalwa", "kuCharter", "ofthe", "\u0130stanbul",
                     "\u0130\u00e7in", "\u039f\u03a3'",
                     "\u212aelvin", "\u0101", "\u5b89\u88c5", "42", "-", ".", "'", "\u2019", "\n"]),
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", " ", " ", "", ", ", "\n", "\u00a0"])
_TEXTS = st.lists(st.tuples(_PIECES, _SEPARATORS), max_size=40).map(
    lambda pairs: "".join(piece + separator for piece, separator in pairs)
)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, st.sampled_from([*MARKER_LANGUAGES[:8], "zh", "en"]))
def test_language_detection_answers_as_the_plain_count(text: str, default: str) -> None:
    assert decided_language(text, default) == plain_decided_language(text, default)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["en", "de", "pt"]))
def test_language_detection_answers_as_the_plain_count_on_any_text(text: str, default: str) -> None:
    assert decided_language(text, default) == plain_decided_language(text, default)


def test_only_dotted_i_lowercases_to_more_than_one_letter() -> None:
    # _lowercase_words lowercases the whole text before finding words; that is exact because no other
    # character's lowercase changes what is a letter (the test fails if Unicode ever adds one).
    letter = regex.compile(r"\p{L}")
    differing = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        is_letter = letter.match(char) is not None
        if len(lowered) != 1 or (letter.match(lowered) is not None) != is_letter:
            differing.append(char)
    assert differing == [_language._DOTTED_I]


# Every language textmend reads a table of: the splitter's neighbours, the marker languages, two
# languages of other scripts, and a code wordfreq only matches approximately (its own reading then).
_TABLE_LANGUAGES = sorted({"en", *NEIGHBOURS, *MARKER_LANGUAGES, "ja", "zh", "pt-BR"})


@pytest.mark.parametrize("language", _TABLE_LANGUAGES)
def test_the_word_tables_are_wordfreqs_own(language: str) -> None:
    # lexicon reads wordfreq's files itself, so that wordfreq's cache does not keep a million list
    # entries for the garbage collector to walk; the tables must be the ones wordfreq gives.
    for wordlist in ("best", "small"):
        ours = lexicon._frequency_dict(language, wordlist)
        theirs = wordfreq.get_frequency_dict(language, wordlist)
        assert ours == theirs and list(ours) == list(theirs), (language, wordlist)
        assert lexicon.top_words(language, 500, wordlist) == wordfreq.top_n_list(language, 500, wordlist)
    # common_words reads the small list only down to its threshold: the words the whole list has above it
    small = wordfreq.get_frequency_dict(language, "small")
    for min_zipf in (3.0, 4.5):
        common = [word for word, frequency in small.items() if frequency >= 10 ** (min_zipf - 9.0)]
        assert list(lexicon.common_words(language, min_zipf)) == common, (language, min_zipf)


def test_the_word_lists_are_those_wordfreq_lists() -> None:
    for wordlist in ("small", "large", "best"):
        assert lexicon.word_lists(wordlist) == wordfreq.available_languages(wordlist), wordlist


def _after_mending(imports: str, report: str) -> str:
    """What a fresh interpreter prints of ``report`` once it has imported ``imports`` and mended texts
    that load the English tables, the neighbouring languages' words and the language markers (other
    tests in this process have loaded wordfreq themselves)."""
    code = (
        f"import {imports}\n"
        "textmend.mend('Letrsquo;s see how it is usedfor the temporao.\\n\\nRelated articles:\\nCity news')\n"
        "textmend.mend('Het is nodig dat de man het huis ziet en de vrouw ook.')\n"
        f"print({report})\n"
    )
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout


def test_mending_imports_neither_wordfreq_nor_langcodes() -> None:
    # textmend reads wordfreq's files itself; importing wordfreq (langcodes' tables with it) was a third
    # of textmend's import time, in every command and every spawned worker.
    imported = "sorted(name for name in ('wordfreq', 'langcodes') if name in sys.modules)"
    assert _after_mending("sys, textmend", imported).split() == ["[]"]


def test_loading_every_table_leaves_no_word_lists_for_the_collector_to_walk() -> None:
    lists = "sum(len(o) for o in gc.get_objects() if type(o) is list)"
    report = f"wordfreq.get_frequency_list.cache_info().currsize, {lists}"
    cached, entries = map(int, _after_mending("gc, wordfreq, textmend", report).split())
    assert cached == 0
    assert entries < 100_000  # about 9,000 without wordfreq's lists; over 1,000,000 with them


def plain_latin_share(text: str) -> float:
    """latin_share as it was before the speed work: two counts over every non-ASCII text (of letters:
    the count of every Latin character made ``"aaaaⅧ"`` divide by zero)."""
    if text.isascii():
        return 1.0
    latin = len(regex.findall(r"[\p{L}&&\p{Script=Latin}]", text, flags=regex.V1))
    other = len(regex.findall(r"\p{L}", text)) - latin
    return latin / (latin + _language._OTHER_LETTER_WEIGHT * other) if latin or other else 1.0


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        _TEXTS,
        st.text(max_size=40),
        # the numeral "Ⅷ" is of the Latin script and no letter; "ª" a Latin letter; "⁄" neither
        st.text(alphabet="a\u00b5\u00e9\u00ff\u2019\u0101\u5b89\u2167\u00aa\u03c3\u2044 ", max_size=20),
    )
)
def test_latin_share_answers_as_the_plain_count(text: str) -> None:
    assert latin_share(text) == plain_latin_share(text)


# -- candidate collection in words.py --------------------------------------------------------------

# Letters of every case and script, runs around the patterns' length limits, and every character the
# candidate patterns look at before or after a token.
_WORD_PIECES = st.sampled_from(
    ["usedfor", "the", "The", "iPhone", "managementThe", "pain", "Amazon", "n", "nn", "x", "a" * 39,
     "a" * 40, "b" * 41, "A" * 3, ".", "!", "?", " ", " ", "\n", "@", "/", "#", "\\", "&", "-", "+", "$",
     "%", "(", "[", ":", "_", "1", "\u00e9", "\u00c9", "\u00df", "\u00b5", "\u00b2", "\u2019", "\u0101",
     "\u0100", "\u03c3", "\u03a3", "\u5b89",
     # signs beyond Latin-1 that leave a text Latin-1 to the patterns, and characters that do not
     "\u20ac", "\u2192", "\u2122", "\u2713", "\u2212", "\U0001f600", "\u24d0", "\u24b6", "\u2167",
     "\u203f", "e\u0301"]
)  # fmt: skip
_WORD_TEXTS = st.lists(_WORD_PIECES, max_size=40).map("".join)


def test_a_sign_beyond_latin1_that_keeps_a_text_latin1_is_nothing_to_any_pattern() -> None:
    """Every character beyond Latin-1 and general punctuation that within_latin1 lets through (``€``,
    ``→``, an emoji) is no letter, digit, mark or word character to ``re`` and to ``regex`` and has no
    case: the Latin-1 classes of the words step then find what the Unicode ones find."""
    word = regex.compile(r"[\w\p{L}\p{M}\p{N}\p{Pc}\p{Alphabetic}\p{Cased}]")
    plain_word = re.compile(r"\w")
    accepted = 0
    for code in itertools.chain(range(0x100, 0x2000), range(0x2070, 0x110000)):
        character = chr(code)
        if not within_latin1("a" + character):
            continue
        accepted += 1
        assert word.match(character) is None and plain_word.match(character) is None, hex(code)
        assert character.lower() == character.upper() == character.casefold() == character, hex(code)
        assert not (character.isalnum() or character.isdigit() or character.isnumeric()), hex(code)
    assert accepted > 5000  # the symbols, punctuation and spaces of every block


@settings(max_examples=1500, deadline=None)
@given(st.lists(_WORD_PIECES, max_size=40).map("".join))
@example("usedfor the \u20ac5 price\u2122isgood \U0001f600 iPhone.The")
def test_the_words_step_edits_a_text_with_signs_as_its_unicode_path_does(text: str) -> None:
    """Where within_latin1 lets a text take the Latin-1 path, the words step finds what the Unicode
    path finds."""
    if not within_latin1(text):
        return
    fixer = WordsFixer()
    fast = [(e.start, e.end, e.after) for e in fixer.find(text, Findings(markup=False))]
    with mock.patch.object(words, "within_latin1", lambda _text: False):
        plain = [(e.start, e.end, e.after) for e in fixer.find(text, Findings(markup=False))]
    assert fast == plain
    splitter = fixer.splitter
    assert [m.span() for m in words.glued_candidates(splitter, text, True)] == [
        m.span() for m in words.glued_candidates(splitter, text, False)
    ]
    assert _language._lowercase_words(text) == [w.lower() for w in regex.findall(r"\p{L}+", text)]


def _is_latin1(text: str) -> bool:
    return within_latin1(text)


@settings(max_examples=1500, deadline=None)
@given(_WORD_TEXTS)
def test_camel_and_no_space_matches_are_those_finditer_finds(text: str) -> None:
    latin1 = _is_latin1(text)
    junctions = words._lower_upper_junctions(text, latin1)
    found = words._matches_at(words._CAMEL_TOKEN, text, junctions, words._LOWERCASE_BEFORE)
    assert [m.span() for m in found] == [m.span() for m in words._CAMEL_TOKEN.finditer(text)]
    punctuated = words.no_space_candidates(text, latin1)
    assert [m.span() for m in punctuated] == [m.span() for m in words._MISSING_SPACE.finditer(text)]


@settings(max_examples=1500, deadline=None)
@given(_WORD_TEXTS, st.booleans())
@example("usedfor the", True)  # a run at the very start: the one the search after a character misses
@example("a" * 45 + " bcde", True)  # a run cut at forty letters, then the next after one space
@example("\u0301abcd \u0101bcde", False)  # a mark before a run: \\w to regex, no letter to the latin1 class
def test_lowercase_runs_are_those_the_lookbehind_patterns_find(text: str, latin1: bool) -> None:
    if latin1 and not _is_latin1(text):
        latin1 = False
    plain = _scan.LATIN1_LOWERCASE_RUN if latin1 else words._LOWERCASE_RUN
    assert words.lowercase_runs(text, latin1) == plain.findall(text)
    assert list(words.lowercase_run_starts(text, latin1)) == [
        (m.start(), m.group()) for m in plain.finditer(text)
    ]


def plain_glued_candidates(splitter: Splitter, text: str, latin1: bool) -> list[regex.Match[str]]:
    """glued_candidates as it was before the speed work (the many-candidates branch scanned every token)."""
    runs = (_scan.LATIN1_LOWERCASE_RUN if latin1 else words._LOWERCASE_RUN).findall(text)
    found = word_filter(splitter)
    uncommon = found.uncommon(runs)
    if too_many_rare_runs(text, found.rare(uncommon)):
        return []
    hopeful = found.hopeful(uncommon)  # all uncommon runs: a plainly whole one is never splittable
    if len(hopeful) > words._SEARCHES_BEFORE_COUNTING:
        wanted = set(hopeful)
        return [match for match in words._LOWER_TOKEN.finditer(text) if match.group() in wanted]
    matches = []
    for word in hopeful:
        at = text.find(word)
        while at >= 0:
            match = words._LOWER_TOKEN.match(text, at)
            if match is not None and match.end() == at + len(word):
                matches.append(match)
            at = text.find(word, at + 1)
    return sorted(matches, key=lambda match: match.start())


_GLUED_PIECES = st.one_of(
    _WORD_PIECES,
    st.sampled_from(["ofthe", "andthe", "isthe", "usedin", "tothe", "inthe", "forthe", "onthe", "bythe",
                     "atthe", "itwas", "wasthe", "withthe", "fromthe", "tothem"]),
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(_GLUED_PIECES, max_size=60).map("".join))
def test_glued_candidates_are_those_the_token_scan_finds(text: str) -> None:
    splitter = WordsFixer().splitter
    latin1 = _is_latin1(text)
    found = words.glued_candidates(splitter, text, latin1)
    assert [m.span() for m in found] == [m.span() for m in plain_glued_candidates(splitter, text, latin1)]


_CLITIC_PIECES = st.one_of(
    _WORD_PIECES,
    st.sampled_from(["doesn", "it", "Let", "object", "you", "I", "rb", "'", "\u2019", "\u2018", "s", "t",
                     "ll", "re", "ve", "m", "d", "want", "reference", "do", "go", "x_", "’s", "'t"]),
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(_CLITIC_PIECES, max_size=60).map("".join))
@example("doesn’twant it’sreference you'remodifying x'tdo")
def test_clitic_candidates_are_those_the_pattern_scan_finds(text: str) -> None:
    # clitic_candidates tries the pattern only after each apostrophe, not at every character
    splitter = WordsFixer().splitter
    found = words.clitic_candidates(splitter, text)
    expected = list(words._CLITIC_GLUE.finditer(text))
    if too_many_candidates(text, len(expected)):
        expected = []
    assert [m.span() for m in found] == [m.span() for m in expected]


def plain_lines_from_end(text: str, limit: int, end: int | None = None) -> list[Line]:
    """lines_from_end as it was written before blank runs were crossed in one search: line by line."""
    lines: list[Line] = []
    stop = len(text) if end is None else end
    while stop >= 0 and len(lines) < limit:
        start = text.rfind("\n", 0, stop) + 1
        line_end = stop - 1 if stop > start and text[stop - 1] == "\r" else stop
        line = text[start:line_end]
        if line.strip():
            lines.append(Line(start, line_end, line))
        stop = start - 1
    return lines


# Lines, blank runs and every kind of space str.strip takes off (some are no regex \s: \x1c-\x1f).
_LINE_PIECES = st.sampled_from(
    [
        "Title",
        "a b",
        " ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\x1c",
        "\x1f",
        "\u00a0",
        "\u2028",
        "\x85",
        "\u3000",
        "\u200b",
    ]
)


@given(st.lists(_LINE_PIECES, max_size=30).map("".join), st.integers(0, 5), st.data())
def test_lines_from_end_crosses_blank_runs_as_the_line_walk_does(
    text: str, limit: int, data: st.DataObject
) -> None:
    end = data.draw(st.one_of(st.none(), st.integers(0, len(text))))
    assert lines_from_end(text, limit, end) == plain_lines_from_end(text, limit, end)


def plain_could_change(text: str) -> bool:
    """could_change as it stood before its one scan for fix targets and mojibake characters together."""
    if not (_ftfy_lines.ascii_needs_ftfy(text) if text.isascii() else NEEDS_FTFY.search(text) is not None):
        return False
    if not unicodedata.is_normalized("NFC", text):
        return True
    return _ftfy_lines.SUSPECT.search(text) is not None and (
        _ftfy_lines._FIX_TARGET.search(text) is not None
        or _ftfy_lines.has_reference(text)
        or BADNESS_RE.search(text) is not None  # ftfy's is_bad, over the whole text
        or _ftfy_lines._MOJIBAKE_AT_LINE_START.search(text) is not None
    )


# An "&" alone or before a reference, fix targets ("\r", a ligature, a full-width letter, a C1
# control), mojibake pieces and their neighbours, typographic marks that are neither, line breaks.
_FTFY_PIECES = st.sampled_from(
    ["&", "&amp;", "#39;", "a", " ", "\n", "\r", "\ufb01", "\uff21", "\x85", "\u00c3", "\u00c2", "\u00a9",
     "\u00e9", "\u00e2\u20ac\u2122", "\u2019", "\u201c", "\u2014", "e\u0301", "\u0412",
     # signs and letters beyond ASCII that are no mojibake, a lone surrogate and a NUL (fix targets)
     "\u00a3", "\u20ac", "\U0001f600", "\u00c3 ", "\u00c2 ", "\x00", "\ud800", "\u5b89"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(_FTFY_PIECES, max_size=24).map("".join))
@example("R & D and caf\u00c3 x")
@example("\u2019 & \u00c3 \n")
@example("It\u2019s 5 \u00a3, caf\u00e9 \u00c2 x")  # "Â " at a line's start is no mojibake in a text
def test_could_change_answers_as_its_plain_form(text: str) -> None:
    assert could_change(text, "NFC") == plain_could_change(text)
    assert (
        _scan.unusual_characters(text) == _scan.pure_unusual_characters(text) == set(NEEDS_FTFY.findall(text))
    )


# References ftfy decodes, to what needs ftfy again (mojibake, a full-width letter, a ligature, a line
# break, another reference) or to plain text; and references it leaves alone.
_REFERENCES = st.sampled_from(
    ["&amp;", "&amp;amp;", "&#39;", "&#x2019;", "&rsquo;", "&quot;", "&lt;b&gt;", "&Atilde;&copy;",
     "&#195;&#169;", "&#65313;", "&filig;", "&#10;", "&NewLine;", "&#13;", "&EACUTE;", "&nTILDE;", "&#0;",
     "&#x110000;", "&nbsp;", "&Kopf;", "&ohm;", "&#8486;", "&amp", "AT&T", "&;"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.one_of(_REFERENCES, _FTFY_PIECES), max_size=16).map("".join),
    st.sampled_from(["NFC", None]),
    st.booleans(),
)
@example("\u201cA &amp; B\u201d", "NFC", True)
@example("x &Atilde;&copy; y \u2019", "NFC", True)
@example("&#65313; \u2019", "NFC", True)
def test_a_line_of_references_is_fixed_as_ftfy_fixes_it(
    line: str, normalization: Any, ligatures: bool
) -> None:
    """fix_line decodes a line whose only work is its references itself (only_references)."""
    plain = _ftfy_lines._fixed_by_ftfy(line, False, True, ligatures, normalization, False)
    assert fix_line(line, markup=False, ligatures=ligatures, normalization=normalization) == plain


# The pattern hyphen_joins replaced: the letter runs around each hyphen, a run tried from its first letter.
_PLAIN_HYPHEN_JOIN = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-(?=([^\W\d_]+))")
# Letters, and characters that are word characters but no letters (digits of any script, "_", "²", "½").
_HYPHEN_PIECES = st.sampled_from(
    ["well", "to", "a", "-", "--", " ", "\n", "_", "7", "\u0663", "\u00b2", "\u00bd", "\u00e9", "e\u0301",
     "\u4e2d"]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(_HYPHEN_PIECES, max_size=20).map("".join))
@example("well-to-do fall-through x--y -z w-")
def test_hyphen_joins_are_those_the_pattern_finds(text: str) -> None:
    assert _splitter.hyphen_joins(text) == _PLAIN_HYPHEN_JOIN.findall(text)


def test_hyphen_joins_of_a_long_run_and_many_hyphens() -> None:
    joins = _splitter.hyphen_joins("a" * 200_000 + "-b" * 100_000)
    assert joins == [("a" * 200_000, "b")] + [("b", "b")] * 99_999


# Letters, word characters that are no letters of ``_LETTER_RUN`` (digits, "_", "²", the Roman numeral
# "Ⅷ"), a combining mark, spaces of three kinds and punctuation: the edges of a run of letters.
_APART_PIECES = st.sampled_from(
    ["ab", "ba", "a", "b", " ", "  ", "\n", "\u00a0", "\x1c", "_", "1", "\u00b2", "\u2167", "\u00e9",
     "e\u0301", "-", "'"]
)  # fmt: skip
_APART_WORDS = st.sampled_from(["a", "b", "ab", "ba"])


def _searching(text: str) -> DocumentWords:
    """A document that answers every question about pairs and repeats by a search of its text."""
    document = DocumentWords(text)
    document._apart_searches = 1 << 30
    return document


def _collecting(text: str) -> DocumentWords:
    """A document that answers them from every pair and word collected at once."""
    document = DocumentWords(text)
    document._apart_searches = 0
    return document


@settings(max_examples=3000, deadline=None)
@given(st.lists(_APART_PIECES, max_size=16).map("".join), _APART_WORDS, _APART_WORDS)
@example("xab ab ab", "ab", "ab")  # a match inside a longer run hides the next one from finditer
@example("\u2167ab ba", "ab", "ba")  # "Ⅷ" is no letter to isalpha but one to the run pattern
@example("ab_\u2167ab1", "ab", "ab")
def test_a_pair_or_a_repeat_searched_for_is_found_as_collecting_every_pair_finds_it(
    text: str, left: str, right: str
) -> None:
    """The search a document makes for its first few questions answers as the collection that answers
    the rest, so that how many questions came before never changes an answer (a long document asks
    more than ``_APART_SEARCHES``)."""
    assert _searching(text).writes_apart(left, right) == _collecting(text).writes_apart(left, right)
    assert _searching(text).written_again(left) == _collecting(text).written_again(left)


# The patterns the citation and camel-head scans replaced: a look-behind tried at every character.
_PLAIN_CITATION = regex.compile(r"(?<![\w.])(\w+)\.(\w+)")
_PLAIN_CAMEL_HEAD = regex.compile(r"(?<!\w)(\p{Ll}+)(?=\p{Lu})")
# Word characters of every kind (letters of both cases and of no case, digits, "_", a combining mark,
# the Roman numeral), dots, spaces and signs: the edges of a dotted name and of a camel head.
_NAME_PIECES = st.sampled_from(
    ["os", "path", "a", "B", "Integral", "\u01c5", "\u00e9", "\u00c9", "\u03c3", "\u03a3", "_", "1", "\u0301",
     "\u2167", "\u732b", ".", "..", " ", "\n", "-", "'", "(", "@"]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(_NAME_PIECES, max_size=24).map("".join))
@example("a.b.c.d x.y Mc.Donald _a.b 1a.b")
@example("microLenat and microReid, McDonald, x2Y, \u00e9t\u00e9A a\u0301B")
def test_citations_and_camel_heads_are_those_the_look_behind_patterns_find(text: str) -> None:
    assert list(_splitter.citations(text)) == _PLAIN_CITATION.findall(text)
    assert _splitter.camel_heads(text) == Counter(_PLAIN_CAMEL_HEAD.findall(text))


def test_a_million_blank_lines_cost_one_search() -> None:
    text = "Body.\n" + "\n" * 1_000_000
    assert [line.text for line in lines_from_end(text, 2)] == ["Body."]


# -- entities -------------------------------------------------------------------------------------


def plain_space_is_lost_ampersand(text: str, start: int, end: int, decoded: str) -> bool:
    """entities.space_is_lost_ampersand as written before the speed work: both neighbouring words read
    first, then the rules in turn."""
    if start < 1 or text[start - 1] != " ":
        return False
    if entities.after_two_spaces(text, start):
        return True
    if start < 2 or text[start - 2].isspace():
        return False
    following = entities._word_at(text, end)
    preceding = entities._word_before(text, start - 1)
    if decoded in entities._APOSTROPHES and plain_closes_plural_possessive(text, start, end):
        return True
    if decoded in entities._APOSTROPHES and following:
        return following.lower() in entities._CONTRACTION_ENDINGS or (
            bool(preceding) and zipf(f"{preceding}'{following}".lower()) > 0
        )
    if decoded in entities._CLOSING_QUOTES and not entities.followed_by_word(text, end):
        return not decoded.isascii() or not text[start - 2].isalnum()
    if entities.is_dash(decoded) and preceding:
        return entities.followed_by_word(text, end)
    if decoded.isalpha() and preceding:
        return zipf((preceding + decoded + following).lower()) > 0
    return decoded == "&" and bool(preceding) and bool(following)


def plain_closes_plural_possessive(text: str, at: int, end: int) -> bool:
    """entities.closes_plural_possessive before the speed work: the word before read first (with the
    twenty-third session's rules: no issue verb before it, no article or pronoun after it)."""
    before = entities._word_before(text, at - 1)
    return (
        text[at - 1 : at] == " "
        and len(before) >= 3
        and before.endswith("s")
        and before.lower() not in entities._ISSUE_VERBS
        and text[end : end + 1] == " "
        and text[end + 1 : end + 2].isalpha()
        and entities._word_at(text, end + 1).lower() not in entities._NEVER_POSSESSED
    )


def plain_kept_candidates(
    text: str, candidates: list[entities.Candidate], urls: list[tuple[int, int]], markup: bool
) -> list[entities.Candidate]:
    """The three filters, then outermost_in_order, as the fixer chained them before the speed work."""
    return list(
        entities.outermost_in_order(
            candidate
            for candidate in candidates
            if not (urls and _blocks.inside(urls, candidate.start))
            and not (markup and entities.changes_markup(candidate, markup))
            and not (candidate.decoded == "&" and entities.would_make_a_reference(candidate, text))
        )
    )


# Pieces of damaged and undamaged text around references: words that make contractions, plural
# possessives and accented words, names that are words, dashes, quotes, initials, URLs, markup.
# fmt: off
_ENTITY_PIECES = st.sampled_from(
    [" ", "  ", "\t", "\n", ", ", ". ", "doesn", "t", "s", "makers", "the", "Giants", "Inc.", "o", "clock",
     "saut", "caf", "word", "R", "D", "AT", "T", "Barnes", "Noble", "and", "band", "Let", "salt", "dar",
     "#39;", "#34;", "#8212;", "#8217;", "#233;", "#147;", "#36;", "rsquo;", "quot;", "amp;", "lt;", "gt;",
     "eacute;", "mdash;", "copy;", "ing;", "&", "&#39;", "&amp;#39;", "&#8217", "mp;", "https://a.org/?x=1&",
     "<p>", "\u2014", "\u00e9", "'", '"', "9", "x", "&#38", "#38;"]
)
# fmt: on
_ENTITY_TEXTS = st.lists(_ENTITY_PIECES, max_size=30).map("".join)
_DECODED = st.sampled_from(
    ["'", "\u2019", '"', "\u201d", "\u2014", "\u2013", "&", "\u00e9", "a", "$", "\u223d\u0331"]
)


_SPACED_REFERENCES = st.sampled_from(["#39;", "#34;", "quot;", "rsquo;", "amp;", "eacute;", "#8212;", "x;"])


@settings(max_examples=1500, deadline=None)
@given(_ENTITY_TEXTS, _SPACED_REFERENCES, _ENTITY_TEXTS, _DECODED)
@example("makers", "#39;", " the", "'")  # a possessive before an article: the plain form had lost that rule
@example("Fixes", "#39;", " union", "'")
def test_space_is_lost_ampersand_answers_as_the_plain_rules(
    before: str, reference: str, after: str, decoded: str
) -> None:
    text = f"{before} {reference}{after}"
    start = len(before) + 1
    end = start + len(reference)
    expected = plain_space_is_lost_ampersand(text, start, end, decoded)
    assert entities.space_is_lost_ampersand(text, start, end, decoded) == expected
    assert entities.closes_plural_possessive(text, start, end) == plain_closes_plural_possessive(
        text, start, end
    )


@settings(max_examples=800, deadline=None)
@given(_ENTITY_TEXTS, st.booleans())
def test_kept_candidates_are_those_the_filters_and_outermost_keep(text: str, markup: bool) -> None:
    references = [match.span() for match in entities._WITH_AMPERSAND.finditer(text)]
    candidates = sorted(
        [
            *entities.candidates_with_ampersand(list(entities._WITH_AMPERSAND.finditer(text))),
            *entities.candidates_without_ampersand(text, references),
        ],
        key=entities.text_order,
    )
    urls = _blocks.url_spans(text)
    expected = plain_kept_candidates(text, candidates, urls, markup)
    assert list(entities.kept_candidates(text, candidates, urls, markup)) == expected


@settings(max_examples=800, deadline=None)
@given(_ENTITY_TEXTS)
def test_a_candidate_that_is_damage_without_evidence_is_damage_with_any(text: str) -> None:
    """The fixer does not judge again a candidate the evidence search found to be damage: sound only
    if evidence never takes a repair away."""
    references = [match.span() for match in entities._WITH_AMPERSAND.finditer(text)]
    for candidate in entities.candidates_without_ampersand(text, references):
        if entities.is_damage(candidate, text, entities.NO_EVIDENCE):
            for shown in itertools.product((False, True), repeat=3):
                assert entities.is_damage(candidate, text, entities.Evidence(*shown)), candidate


@settings(max_examples=500, deadline=None)
@given(_ENTITY_TEXTS)
def test_only_the_damage_evidence_rereads_is_read_again(text: str) -> None:
    """The fixer calls Evidence.reread only for the damage Evidence.rereads names: the others must read
    as found."""
    references = [match.span() for match in entities._WITH_AMPERSAND.finditer(text)]
    candidates = list(entities.candidates_without_ampersand(text, references))
    for shown in itertools.product((False, True), repeat=3):
        evidence = entities.Evidence(*shown)
        for candidate in candidates:
            if candidate.damage not in evidence.rereads():
                assert evidence.reread(candidate, text) == candidate


def plain_without_lines_ftfy_would_change(text: str, edits: list[Edit], markup: bool) -> list[Edit]:
    """entities.without_lines_ftfy_would_change as written before the speed work: each edited line built
    and asked of could_change, then of fix_line."""
    kept: list[Edit] = []
    first = 0
    while first < len(edits):
        start = text.rfind("\n", 0, edits[first].start) + 1
        end = text.find("\n", edits[first].end) + 1 or len(text)
        last = first
        while last < len(edits) and edits[last].start < end:
            last += 1
        line = _plain_edited_line(text, start, end, edits[first:last])
        if not could_change(line, "NFC") or fix_line(line, markup=markup) == line:
            kept.extend(edits[first:last])
        first = last
    return kept


def _plain_edited_line(text: str, start: int, end: int, edits: list[Edit]) -> str:
    shifted = [Edit(edit.start - start, edit.end - start, edit.after) for edit in edits]
    return apply_edits(text[start:end], shifted)


def plain_ftfy_would_change(line: str, markup: bool) -> bool:
    """entities.ftfy_would_change as it stood before the speed work: could_change, then ftfy itself."""
    return could_change(line, "NFC") and fix_line(line, markup=markup) != line


# Pieces of lines that ftfy changes or leaves: references it decodes or not, mojibake (also at a line's
# start), line breaks and controls, a ligature, a combining accent, typographic and accented letters.
# fmt: off
_LINE_PIECES = st.sampled_from(
    ["Sir", " ", "Walter", "&amp;", "&rsquo;", "&#39;", "&#8217", "&T;", "AT&T", "R & D", "&", ";", "amp;",
     "caf\u00c3\u00a9", "\u00c3 ", "\u00e2\u20ac\u2122", "\r", "\r\n", "\x85", "\x1b[1m", "\ufb01",
     "e\u0301", "\u0301", "\u2019", "\u201c", "\u00e9", "\u2014", "<b>", "\t", "\x7f", "\ufffd", "\n"]
)
# fmt: on
_LINES = st.lists(_LINE_PIECES, max_size=20).map("".join)
_AFTERS = st.sampled_from(
    [
        "'",
        "\u2019",
        '"',
        "&",
        "&rsquo;",
        "&#39;",
        "\u00e9",
        "\u0301",
        "\u00c3",
        "\u00a9",
        "\u2014",
        "\u223d\u0331",
    ]
)


@st.composite
def _edited_texts(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    """A text and sorted, non-overlapping edits of it (some touching, some in one line)."""
    text = draw(_LINES)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits: list[Edit] = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if end > start and (not edits or start >= edits[-1].end):  # an entity edit is never empty
            edits.append(Edit(start, end, draw(_AFTERS)))
    return text, edits


@settings(max_examples=1500, deadline=None)
@given(_edited_texts(), st.booleans())
def test_edits_are_kept_as_each_line_through_ftfy_would_keep_them(
    edited: tuple[str, list[Edit]], markup: bool
) -> None:
    text, edits = edited
    expected = plain_without_lines_ftfy_would_change(text, edits, markup)
    assert list(entities.without_lines_ftfy_would_change(text, edits, markup)) == expected


@settings(max_examples=1500, deadline=None)
@given(_LINES, st.booleans())
def test_ftfy_would_change_a_line_as_ftfy_says(line: str, markup: bool) -> None:
    expected = plain_ftfy_would_change(line, markup)
    assert ftfy_would_change(line, markup) == expected
    assert ftfy_would_change(line, markup) == expected  # again, remembered


@settings(max_examples=1500, deadline=None)
@given(st.lists(_LINE_PIECES.filter(str.isascii), max_size=20).map("".join))
def test_the_ftfy_step_passes_over_a_plain_ascii_line_in_markup_as_ftfy_would(line: str) -> None:
    """The step gives ftfy no printable ASCII line of a markup document (``it&#39;s``): ftfy, which
    decodes no reference there, would leave it alone."""
    if _ftfy_lines.is_plain_ascii(line):
        assert fix_line(line, markup=True) == line
    text = f"<p>\n{line}"
    edits = list(textmend.DEFAULT["ftfy"].find(text, Findings(markup=True)))
    assert apply_edits(text, edits) == "<p>\n" + "".join(
        fix_line(part, markup=True) for part in _ftfy_lines.lines(line)
    )


# What keeps a text from being plain, as patterns: outside markup ftfy's NEEDS_FTFY (an "&" too).
_NOT_PLAIN = {False: NEEDS_FTFY, True: re.compile(r"[^\t\n\x20-\x7e]")}


@settings(max_examples=1500, deadline=None)
@given(_LINES, _LINES, st.booleans())
def test_stays_plain_answers_as_the_patterns(text: str, after: str, markup: bool) -> None:
    """stays_plain uses string methods; the plain form scans each character with a pattern."""
    expected = _NOT_PLAIN[markup].search(text) is None and _NOT_PLAIN[markup].search(after) is None
    assert entities.stays_plain(text, [Edit(0, 0, after)], markup) == expected


@pytest.mark.parametrize("row", case_rows("entities"), ids=lambda row: row["why"])
@pytest.mark.parametrize("markup", [False, True])
def test_the_table_rows_keep_the_edits_the_plain_line_check_keeps(row: dict[str, str], markup: bool) -> None:
    text = row["input"]
    edits = list(merged_runs(text, entities.EntityFixer()._repairs(text, markup), gap=0, same_reason=True))
    expected = plain_without_lines_ftfy_would_change(text, edits, markup)
    assert list(entities.without_lines_ftfy_would_change(text, edits, markup)) == expected
    for line in text.splitlines(keepends=True):
        assert ftfy_would_change(line, markup) == plain_ftfy_would_change(line, markup)


def test_the_name_table_decodes_as_html5() -> None:
    names = {name.rstrip(";") for name in html.entities.html5} | {"", "rsquo;", "copy", "Copy", "notaname"}
    for name in names:
        assert entities.decode_name(name) == html.entities.html5.get(name + ";"), name


# -- scoring new tokens in _splitter.py (cold speed) ------------------------------------------------


def plain_valid_parts(splitter: Splitter, token: str) -> tuple[tuple[tuple[int, str], ...], ...]:
    """valid_parts as it was before the cold-speed work: every piece asked of the frequency list and of
    Splitter.valid_part, nothing remembered across tokens."""
    size = len(token)
    known = frequencies(splitter.language)
    return tuple(
        tuple(
            (j, part)
            for j in range(i + 1, min(size, i + 24) + 1)
            if j - i < size
            and (part := token[i:j]) in known
            and splitter.valid_part(part, first=i == 0, whole=False)
        )
        for i in range(size)
    )


def plain_best_split(
    splitter: Splitter, token: str, document: DocumentWords
) -> tuple[tuple[str, ...], float] | None:
    """Splitter.best_split as it was before the cold-speed work: every junction of every reachable
    state scored, whether or not the split could still end in four parts or pass."""
    need = splitter.margin + _splitter.SLOPE * zipf(token, splitter.language)
    size = len(token)
    states: list[dict[int, tuple[float, int, int]]] = [{} for _ in range(size + 1)]
    states[0][0] = (float("inf"), 0, 0)
    for i, starting_here in enumerate(plain_valid_parts(splitter, token)):
        if not states[i]:
            continue
        for j, part in starting_here:
            for k, (weakest, parts, _) in states[i].items():
                if parts <= -4:
                    continue
                if parts:
                    weakest = min(weakest, splitter.junction(token[k:i], part, document))
                    if weakest - _splitter._EXTRA_PART * max(0, -parts - 1) < need:
                        continue
                state = (weakest, parts - 1, k)
                known = states[j].get(i)
                if known is None or _splitter._rank(state) > _splitter._rank(known):
                    states[j][i] = state
    ends = {k: state for k, state in states[size].items() if state[1] <= -2}
    if not ends:
        return None
    k = max(ends, key=lambda start: _splitter._rank(ends[start]))
    weakest = ends[k][0]
    parts_found: list[str] = []
    end = size
    while end > 0:
        parts_found.append(token[k:end])
        end, k = k, states[end][k][2]
    return tuple(reversed(parts_found)), weakest


def plain_foreign(splitter: Splitter, token: str) -> bool:
    """Splitter.foreign as it was: one set of common words per neighbouring language."""
    return any(
        token in common_words(language, _splitter._FOREIGN_ZIPF)
        for language in NEIGHBOURS
        if language != splitter.language
    )


def plain_plainly_whole(splitter: Splitter, token: str) -> bool:
    """Splitter.plainly_whole as it was: every test asked again each time."""
    return (
        zipf(token, splitter.language) >= splitter.max_joined_zipf
        or (plain_foreign(splitter, token) and not splitter.may_be_english_glue(token))
        or (splitter.inflected(token) and _splitter.junk_split(splitter, token) is None)
        or _splitter.is_entity_remnant(token)
        or token in _splitter.PYTHON_NAMES
        or (token[-1:] == "s" and token[:-1] in _splitter.PYTHON_NAMES)
        or token in _splitter.CODE_KEYWORDS
        or (splitter.language == "en" and token in english_dictionary())
    )


def scoring_documents(text: str) -> list[DocumentWords]:
    """The kinds of document a split is scored in: none, every word, a real one and a vouching one."""
    return [
        _splitter._NO_DOCUMENT,
        _splitter._EVERY_WORD,
        DocumentWords(text, within_latin1(text)),
        _splitter._Vouching(frozenset(text.split())),
    ]


# Function words, affixes, content words common and rare, one-letter and two-letter words, letters
# that make pieces no list knows, and words of the neighbouring languages.
_TOKEN_PIECES = st.sampled_from(
    ["the", "of", "a", "an", "in", "to", "for", "was", "and", "it", "is", "as", "be", "on", "up", "out",
     "used", "pain", "therapist", "rapist", "school", "fellow", "wear", "able", "head", "most", "some",
     "thing", "where", "how", "ever", "ness", "ly", "er", "ing", "s", "ed", "canto", "tome", "forme",
     "x", "q", "zz", "blood", "cells", "sued", "issue", "amp", "quot", "nbsp", "i", "o", "hood", "man"]
)  # fmt: skip
_TOKENS = st.lists(_TOKEN_PIECES, min_size=1, max_size=5).map("".join).filter(lambda t: len(t) >= 2)
_SPLITTERS = [
    Splitter(),
    Splitter(margin=0.0, max_joined_zipf=4.5),
    Splitter(language="de"),
    Splitter(model=CorpusModel.from_counts(words={"used": 40, "wear": 9, "able": 30}, documents=20)),
]


@settings(max_examples=600, deadline=None)
@given(_TOKENS, st.sampled_from(_SPLITTERS), st.lists(_TOKEN_PIECES, max_size=6).map(" ".join))
def test_best_split_answers_as_the_full_scoring(token: str, splitter: Splitter, text: str) -> None:
    assert valid_parts(splitter, token) == plain_valid_parts(splitter, token)
    for document in scoring_documents(text):
        assert splitter.best_split(token, document) == plain_best_split(splitter, token, document)
    assert splitter.foreign(token) == plain_foreign(splitter, token)
    assert splitter.plainly_whole(token) == plain_plainly_whole(splitter, token)


@settings(max_examples=400, deadline=None)
@given(_TOKEN_PIECES, _TOKEN_PIECES, st.sampled_from(_SPLITTERS[:3]), st.lists(_TOKEN_PIECES).map(" ".join))
def test_no_junction_exceeds_its_ceiling(left: str, right: str, splitter: Splitter, text: str) -> None:
    # best_split skips a junction whose ceiling fails: a rule that raised a junction above it would
    # make that skip wrong (the test then fails here, not on some text later)
    for document in scoring_documents(text):
        assert splitter.junction(left, right, document) <= junction_ceiling(splitter, left, right, document)


def _corpus_tokens(limit: int) -> list[str]:
    """Lowercase runs of the first documents of each benchmark domain, and each two neighbours glued."""
    corpora = benchmark_corpora()
    runs: list[str] = []
    for name in corpora.DOMAINS:
        for record in corpora.load(name)[:3]:
            found = regex.findall(r"\p{Ll}{2,30}", record["text"] or "")
            runs += found + [a + b for a, b in itertools.pairwise(found)]
    return list(dict.fromkeys(runs))[:limit]


def test_best_split_answers_as_the_full_scoring_on_real_tokens() -> None:
    # a sample (benchmarks/splitter_equivalence.py runs every token of the benchmark corpora)
    splitter = Splitter()
    for token in _corpus_tokens(1500):
        assert valid_parts(splitter, token) == plain_valid_parts(splitter, token), token
        for document in (_splitter._NO_DOCUMENT, _splitter._EVERY_WORD):
            assert splitter.best_split(token, document) == plain_best_split(splitter, token, document), token


def _junk_like_tokens() -> list[str]:
    """Tokens wordfreq knows only rarely (Zipf up to the junk reading's ceiling: web junk glue such as
    ``thatis`` beside rare words), every 40th of them, and those the rules name."""
    rare = [
        word
        for word in wordfreq.iter_wordlist("en", "large")
        if word.isalpha() and word.islower() and 0.0 < zipf(word, "en") <= _splitter._JUNK_GLUED_ZIPF
    ]
    named = ["thatis", "theonly", "whata", "agood", "suchas", "togas", "canto", "andamp", "asif", "inthe"]
    return [*rare[::40], *named]


def test_a_run_plainly_whole_is_never_splittable() -> None:
    # glued_candidates asks `splittable` only of the runs that are not plainly whole: a rule that
    # accepts a plainly whole run ("thatis" reads as inflected, and is junk glue) would go unasked
    splitter = Splitter()
    for token in _corpus_tokens(1500) + _junk_like_tokens():
        assert not (splitter.plainly_whole(token) and splitter.splittable(token)), token


def plain_rare_and_hopeful(splitter: Splitter, runs: list[str]) -> tuple[set[str], set[str]]:
    """What the word filter answered before it remembered runs that are not plainly whole: ``rare``
    and ``hopeful`` from the runs themselves, nothing remembered."""
    never = common_words(splitter.language, max(splitter.max_joined_zipf, 3.0))
    fresh = set(runs).difference(never)
    rare = {run for run in fresh if not splitter.plainly_whole(run)}
    return rare, {run for run in fresh if splitter.splittable(run)}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_TOKENS, max_size=12), max_size=6))
def test_the_word_filter_answers_as_the_plain_tests(batches: list[list[str]]) -> None:
    splitter = Splitter()
    remembering = _splitter._WordFilter(splitter)
    for runs in batches:
        rare, hopeful = plain_rare_and_hopeful(splitter, runs)
        uncommon = remembering.uncommon(runs)
        assert remembering.rare(uncommon) == rare
        assert set(remembering.hopeful(rare)) == hopeful == set(remembering.hopeful(uncommon))


def test_part_verdicts_stay_capped_and_start_again(monkeypatch: pytest.MonkeyPatch) -> None:
    splitter = Splitter(margin=0.5)  # verdicts of its own, away from other tests' splitters
    monkeypatch.setattr(_splitter, "_VERDICTS_KEPT", 10)
    for token in ["usedforthe", "therapistsofthe", "wearableimplantable", "inthebeginning"]:
        _splitter._valid_parts.cache_clear()
        assert valid_parts(splitter, token) == plain_valid_parts(splitter, token)
        assert all(len(verdicts) <= 10 for verdicts in _splitter._part_verdicts(splitter))


def plain_words_find(fixer: WordsFixer, text: str) -> list[tuple[int, int, str]]:
    """WordsFixer.find as it was before the language question became lazy: every candidate is asked
    whether it stands in the fixer's language before any repair is judged."""
    splitter, language = fixer.splitter, fixer.language
    latin1 = within_latin1(text)
    document = DocumentWords(text, latin1)
    glued, camels, punctuated, clitics = words.outside_code_blocks(
        text,
        words.glued_candidates(splitter, text, latin1),
        words.camel_candidates(text, latin1, document),
        words.no_space_candidates(text, latin1),
        words.clitic_candidates(splitter, text),
    )
    document.note_candidates(glued)
    kinds = {
        "glued": (glued, words._glued_word),
        "camels": (camels, words._camel_word),
        "punctuated": (punctuated, words._sentence_word),
        "clitics": (clitics, words._glued_word),
    }
    chosen: dict[str, list[regex.Match[str]]] = {kind: [] for kind in kinds}
    waiting: dict[str, list[regex.Match[str]]] = {kind: [] for kind in kinds}
    for kind, (matches, where) in kinds.items():
        for match in matches:
            (chosen if document.speaks(*where(match), language) else waiting)[kind].append(match)
    edits: dict[int, Edit] = {}
    while True:
        while True:
            before = len(edits)
            for repair in words._repairs(
                splitter,
                document,
                chosen["glued"],
                chosen["camels"],
                chosen["punctuated"],
                edits,
                fixer.model,
                clitics=chosen["clitics"],
            ):
                edits.update((edit.start, edit) for edit in repair.edits)
                document.see(repair.words)
            if len(edits) == before:
                break
        if not (edits and any(waiting.values())) or not words._speak_now(
            text, edits, kinds, chosen, waiting, fixer
        ):
            break
    return sorted((edit.start, edit.end, edit.after) for edit in edits.values())


_LANGUAGE_PIECES = st.sampled_from(
    ["usedfor", "inthe", "hisgills", "treacherousworld", "managementThe", "pain.The", "nodig", "meteen",
     "programando", "the", "of", "and", "is", "het", "een", "van", "de", "la", "que", "el", "los", "und",
     "der", "die", "ist", "The", "Het", "Es", "e.g.", "ofthe", " ", " ", " ", ". ", ", ", "\n", "\n\n",
     "x = ", "(", ")"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(_LANGUAGE_PIECES, max_size=50).map("".join))
@example("ofthe e.g. \n the of of usedfor e.g. e.g. e.g. e.g.")  # a split decides a line's language
def test_asking_the_language_only_of_repaired_candidates_edits_as_asking_all(text: str) -> None:
    fixer = WordsFixer()
    found = sorted((edit.start, edit.end, edit.after) for edit in fixer.find(text, Findings()))
    assert found == plain_words_find(fixer, text)


@pytest.mark.parametrize("case", case_rows("words"))
def test_asking_the_language_lazily_edits_as_asking_all_on_the_table_rows(case: dict[str, str]) -> None:
    fixer = WordsFixer(language=case.get("language", "en"))
    text = case["input"]
    found = sorted((edit.start, edit.end, edit.after) for edit in fixer.find(text, Findings()))
    assert found == plain_words_find(fixer, text), case["why"]


_TITLE_PIECES = st.sampled_from(
    ["Used", "used", "USED", "For", "Pain", "The", "the", "council", "A", "I", "1", "\u2167", "\u00df", "SS",
     "ss", "\u0130", "i", "\u03a3", "\u03c3", "\u03c2", '"', "'", "\u201c", "\u2018", "(", "[", "*", " ", " ",
     "  ", "\t", "|", " - ", "\u2014", "?", ".", "!", "...", "\u2026", ",", "\u0301"]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(_TITLE_PIECES, max_size=12).map("".join), st.lists(_TITLE_PIECES, max_size=16).map("".join))
@example("\u00df Used For Pain", "SS Used For Pain")  # one letter that casefolds to two
@example("Used For Pain", '"used for pain"')
def test_a_line_that_may_not_repeat_the_title_is_neither_title_reading(title: str, line: str) -> None:
    # the titles step tests may_repeat before reading both lines; it must be implied by either reading
    if not titles.may_repeat(title, line):
        duplicate = (
            titles.looks_like_title(title)
            and titles.looks_like_title(line)
            and titles.same_title(title, line)
        )
        assert not duplicate
        assert not (
            titles.could_be_glued_title(title) and titles.glued_rest(title, line.lstrip()) is not None
        )


def plain_teaser_candidate() -> re.Pattern[str]:
    """The teasers step's fast scan as it was before its phrases became tries: one branch per phrase."""
    space = teasers._SPACE
    labels = teasers._phrase_pattern(_teaser_forms.LABELS)
    phrases = teasers._phrase_pattern(_teaser_forms.HEADINGS)
    prefixes = teasers._phrase_pattern(_teaser_forms.HEADING_PREFIXES)
    return re.compile(
        rf"^{space}(?=\S)(?:(?:{labels}){space}[:|]"
        rf"|(?:{phrases}|(?:{prefixes})[ \t]+[^\n.!?:]{{1,60}}?)[ \t]*:?{space}$)",
        re.IGNORECASE | re.MULTILINE,
    )


_TEASER_LINE_PIECES = st.one_of(
    st.sampled_from(
        [*_teaser_forms.HEADINGS, *_teaser_forms.LABELS, *_teaser_forms.HEADING_PREFIXES, "Read", "Rel",
         "more", "MORE", "related", "also", " ", "  ", "\t", "\n", "\n\n", ":", "|", ".", "?", "The vote",
         "Budget", "\u00e0", "\u00c0", "\u0130", "\u017f"]
    ),
    st.text(alphabet="aAeErRsS lL:\n", max_size=8),
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(_TEASER_LINE_PIECES, max_size=10).map("".join))
@example("Body.\nRelated articles:\nx")
@example("  read  MORE |")
def test_the_teasers_fast_scan_as_tries_finds_what_one_branch_per_phrase_finds(text: str) -> None:
    new = teasers.compiled_forms().candidate
    assert (new.search(text) is None) == (plain_teaser_candidate().search(text) is None)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_TEASER_LINE_PIECES, max_size=12).map("".join), st.integers(0, 80))
@example("Body.\nRead\nmore: A\nMore: B\n", 100)
@example("\fRead more: A\nMore: B", 100)
@example("Read more: A\nRelated: B", 15)
def test_labelled_lines_are_those_the_label_pattern_finds_everywhere(text: str, stop: int) -> None:
    # the label pattern is tried only at the line starts a re scan finds (a label's words may stand on
    # two lines, and a line the scan finds may still fail the label)
    forms = teasers.compiled_forms()
    fast = [(m.span(), m.groups()) for m in teasers.label_matches(text, stop, forms)]
    assert fast == [(m.span(), m.groups()) for m in forms.label.finditer(text, 0, stop)]


_FITTED_TEASER_MODEL = textmend.fit(
    {
        "text": f"Body of story {n}, long enough to read.\n\nSubscribe to our newsletter",
        "title": f"Title number {n}",
    }
    for n in range(30)
)
_FITTED_TEASER_LINES = st.sampled_from(
    ["Title number 3", "Title number 7", "- Title number 5", "* Title number 9",
     "Subscribe to our newsletter", "Body text of this story here.", "Why Cats Purr",
     "Why Cats Purr Cats purr when they", "Related", "Related stories:", "Read more: Title number 4",
     "", "  ", "Title number 3."]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(_FITTED_TEASER_LINES, max_size=8).map("\n".join))
@example("Body here is long.\nMore text.\n- Title number 3\n- Title number 5")
@example("Body here is long.\nMore text.\nSubscribe to our newsletter")
def test_the_fitted_teasers_last_line_test_finds_what_reading_every_form_finds(text: str) -> None:
    # may_end_corpus_block reads the last line before the forms read thirty: it never hides a block
    fixer = teasers.TeaserFixer(model=_FITTED_TEASER_MODEL)
    found = list(fixer.find(text, Findings()))
    with mock.patch.object(teasers, "may_end_corpus_block", lambda *arguments: True):
        plain = list(fixer.find(text, Findings()))
    assert found == plain
