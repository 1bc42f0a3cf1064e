"""The fast paths of the speed work (issue #18) decide exactly as the slow ones: a text they skip is one
the slow path would leave alone, and the bounded-memory forms of changes still rebuild the text."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from unittest import mock

import ftfy
import regex
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

import textmend
from textmend.fixers import _blocks, _ftfy_lines, _scan
from textmend.fixers import ftfy as ftfy_step
from textmend.fixers._ftfy_lines import could_change, fix_line
from textmend.fixers._splitter import DocumentWords
from textmend.fixers.words import only_space_between

# Characters around "&": references ftfy decodes, an "&" alone, mojibake pieces, controls and breaks.
_PIECES = st.sampled_from(
    [*"&&&;;#ampltgquoxAZ09 .\n\t\r\x01", "amp;", "lt;", "#39;", "\u00e9", "\u00c3", "\u00a9"]
)
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=800, deadline=None)
@given(_TEXTS, st.booleans())
def test_a_line_ftfy_could_not_change_is_one_ftfy_leaves_alone(text: str, markup: bool) -> None:
    if not could_change(text, "NFC"):
        assert fix_line(text, markup=markup) == text
        config = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)
        assert ftfy.fix_text(text, config) == text


def test_an_ampersand_alone_sends_no_line_to_ftfy() -> None:
    assert not could_change("R & D and AT & T\n", "NFC")
    assert not could_change("caf\u00e9 & cr\u00e8me\n", "NFC")
    assert could_change("R &amp; D", "NFC") and could_change("caf\u00e9 &eacute;", "NFC")


def test_crlf_lines_are_one_change_per_kilobyte_that_reverts_exactly() -> None:
    text = "one\r\ntwo\r\nthree\r\n" * 500  # 7,500 characters: a change for each 1 KB or so
    document = textmend.mend_document(text)
    assert document.text == text.replace("\r\n", "\n")
    assert 7 <= len(document.changes) <= 9
    assert textmend.revert_changes(document.text, document.changes) == text
    assert textmend.apply_changes(text, document.changes) == document.text


_URL_PIECES = st.sampled_from(
    ["://", "www.", "http", "s", "a", "b1", "+", ".", "-", " ", "/", "?x=1&copy=2", ";j=1", "<", '"', "\n"]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_URL_PIECES, max_size=25).map("".join))
def test_url_spans_are_the_urls_a_whole_text_scan_finds(text: str) -> None:
    assert _blocks.url_spans(text) == [match.span() for match in _blocks._URL.finditer(text)]


# Words, dots and capitals, as a document cites modules (``numbers.Real``) and starts sentences.
_CITING_PIECES = st.sampled_from(
    ["numbers", "www", "Read", "Real", "Re", "McDonald", "Donald", "\u00c9t\u00e9", "\u00e9t\u00e9", "ad",
     "a1", "_x", ".", ".", " ", "\n", "-", "(", "\u00df", "\u0130", "\u03a3\u03c3"]
)  # fmt: skip
_CITED = ["numbers", "www", "ad", "x", "Real", "Re", "Read", "Donald", "\u00c9t\u00e9", "\u03a3\u03c3",
          "McDonald"]  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(_CITING_PIECES, max_size=30).map("".join))
def test_citations_and_counts_collected_at_once_answer_as_one_search_each(text: str) -> None:
    searched, collected = DocumentWords(text), DocumentWords(text)
    collected._searches_left = 0  # past the budget: every answer comes from the one-pass collections
    for word in _CITED:
        assert collected.cited_names(word) == searched.cited_names(word), word
        searched._searches_left = 8
        if regex.fullmatch(r"\p{Lu}\p{Ll}+", word):  # what the words step asks about: "Read", "\u00c9t\u00e9"
            for left in _CITED:  # written other than as "left.word" (the whole word left, a dot, then word)
                dotted = regex.findall(rf"(?<!\p{{L}}){regex.escape(left)}\.(?={regex.escape(word)})", text)
                elsewhere = text.count(word) > len(dotted)
                assert collected.writes_elsewhere(left, word) == elsewhere, (left, word)
                searched._searches_left = 8
                assert searched.writes_elsewhere(left, word) == elsewhere, (left, word)


@given(st.text(st.sampled_from(" \t\n\x1c\x85\u00a0\u2028\u3000\u200bax."), max_size=20), st.data())
def test_only_space_read_backwards_answers_as_strip(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert only_space_between(text, start, end) == (not text[start:end].strip())


# Lines of accented letters, mojibake, references, "\r" and plain words: blocks of them are judged at once.
_LINE_PIECES = st.sampled_from(
    [
        "caf\u00e9",
        "cr\u00e8me",
        "caf\u00c3\u00a9",
        "\u00c3 ",
        "&amp;",
        "R & D",
        "a\r",
        "\r\n",
        "\n",
        "\n",
        " ",
        "x",
    ]
)
_LINES = st.lists(_LINE_PIECES, max_size=40).map("".join)


@settings(max_examples=600, deadline=None)
@given(_LINES, st.integers(1, 30), st.sampled_from(["NFC", None]))
def test_a_block_could_change_clears_holds_no_line_it_would_not_clear(
    text: str, block: int, normalization: _ftfy_lines.Normalization
) -> None:
    with mock.patch.object(_ftfy_lines, "BLOCK", block):
        found = list(_ftfy_lines.blocks(text, 0, normalization))
    assert "".join(part for part, _ in found) == text
    for part, changeable in found:
        assert changeable or not any(could_change(line, normalization) for line in _ftfy_lines.lines(part))


@settings(max_examples=300, deadline=None)
@given(_LINES, st.integers(1, 30))
def test_the_ftfy_step_mends_alike_whatever_the_block_size(text: str, block: int) -> None:
    pipeline = textmend.Pipeline(["ftfy"])
    with _block_size(10**9):
        whole = pipeline.mend_document(text)
    with _block_size(block):
        assert pipeline.mend_document(text) == whole


@contextlib.contextmanager
def _block_size(size: int) -> Iterator[None]:
    """Blocks of ``size`` characters where the ftfy step judges lines a block at a time."""
    with mock.patch.object(_ftfy_lines, "BLOCK", size), mock.patch.object(ftfy_step, "BLOCK", size):
        yield


# Mojibake characters with gaps around the 16-character reach: windows that merge, touch or stay apart.
_SPARSE = st.lists(
    st.tuples(
        st.sampled_from(["\u00c3\u00a9", "\u00e9", "\u00c3", "\u00c2 ", "\u00e2\u20ac"]), st.integers(0, 40)
    ),
    max_size=8,
).map(lambda parts: "".join(piece + ("ab c" * 10)[:gap] for piece, gap in parts))


@settings(max_examples=1000, deadline=None)
@given(_SPARSE)
def test_merged_mojibake_windows_answer_as_ftfys_whole_text_search(text: str) -> None:
    assert _ftfy_lines.looks_like_mojibake(text) == is_bad(text)
    # the places found from the kinds of mojibake character the text holds (what could_change passes)
    kinds = {match.group() for match in _ftfy_lines._MOJIBAKE_CHAR.finditer(text)}
    assert _ftfy_lines.looks_like_mojibake(text, sorted(kinds)) == is_bad(text)


def test_the_mojibake_windows_reach_past_ftfys_longest_sequence() -> None:
    """The windows around each mojibake character are as wide as ftfy's longest sequence needs: read
    from its pattern, so that an ftfy release with longer sequences fails here, not in a corpus."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse as parser
    from ftfy.badness import BADNESS_RE

    longest = parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).getwidth()[1]
    assert longest <= _ftfy_lines._REACH


def test_short_accented_lines_are_judged_a_block_at_a_time() -> None:
    text = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\n" * 4000 + "caf\u00c3\u00a9\n"
    judged = mock.Mock(wraps=_ftfy_lines.could_change)
    with (
        mock.patch.object(_ftfy_lines, "could_change", judged),
        mock.patch("textmend.fixers.ftfy.could_change", judged),
    ):
        assert textmend.Pipeline(["ftfy"])(text) == text[:-3] + "\u00e9\n"
    # One a line (4,001 and more) before blocks; now one a block, and one a line in the last block.
    assert 1 <= judged.call_count < 500


# Letters of both cases within and beyond Latin-1, sentence punctuation, the "n" a stripped "\n" leaves,
# spaces and breaks: the pieces of camelCase glue ("managementThe") and of a missing space ("pain.The").
_CAPITAL_PIECES = st.sampled_from(
    [*"aAnN.!?:; \n\u00e9\u00c9\u03b1\u0391\u2019", "The", "pain", "iPhone", "\u00df"]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_CAPITAL_PIECES, max_size=25).map("".join))
def test_a_text_the_capital_look_skips_has_no_camel_or_missing_space_candidate(text: str) -> None:
    """The words step looks once for a capital after a lowercase letter or sentence punctuation
    before it looks for camelCase glue and missing spaces: a text that look skips is one both
    candidate searches find nothing in, in Latin-1 text (``re``) and beyond it (``regex``)."""
    from textmend.fixers import words

    latin1 = words.within_latin1(text)
    # The look as the words step makes it: compiled where built (tests/test_scanner.py checks both).
    if not (_scan.capital_follows(text) if latin1 else words._CAPITAL_AFTER.search(text) is not None):
        assert words.camel_candidates(text, latin1, DocumentWords(text, latin1)) == []
        assert words.no_space_candidates(text, latin1) == []
        assert (words._LATIN1_LOWER_UPPER if latin1 else words._LOWER_UPPER).search(text) is None
        assert (words._LATIN1_NO_SPACE if latin1 else words._NO_SPACE).search(text) is None


# Pieces of teaser headings and labels, prose, spaces and breaks of every kind the pattern reads.
_HEADING_PIECES = st.sampled_from(
    ["Read more", "Related", "Also read", "See also", "Most popular", ":", "|", " ", "  ", "\t", "\n", "\n\n",
     "The vote was close", "x" * 60, "news", "\u00a0", "\r"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(_HEADING_PIECES, max_size=20).map("".join))
def test_reading_line_by_line_finds_a_heading_where_the_search_of_the_text_does(text: str) -> None:
    """``teasers.has_candidate_line`` reads long lines from each line's start: it answers as one search
    of the whole text does, for texts of long lines and of short ones."""
    from textmend.fixers.teasers import compiled_forms, has_candidate_line

    forms = compiled_forms()
    assert has_candidate_line(text, forms) == (forms.candidate.search(text) is not None)


# Words, the conjunctions the list rules read, and every kind of space: those the patterns read
# ([ \t]) and those they do not (a line break, a carriage return, a no-break space, U+001C).
_BEFORE_PIECES = st.sampled_from(
    ["word", "and", "or", "x.y", "a-b", ",", " ", "  ", "\t", "\r", "\n", "\u00a0", "\x1c", "\u2003", "é"]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_BEFORE_PIECES, max_size=12).map("".join))
def test_the_words_read_back_from_the_end_are_those_the_patterns_find(before: str) -> None:
    """The words step reads the word before a candidate from the end of the text before it, and
    searches for "x and" only where the text before ends so: the same answers as the patterns that
    end with "$", which try every position from the start."""
    from textmend.fixers import words

    found = words._LAST_WORD.search(before)
    assert words.last_word(before) == (None if found is None else (found.group(1), found.start()))
    if words._JOINED_BEFORE.search(before) is not None:
        assert words.ends_with_conjunction(before)


_CLITIC_PIECES = st.sampled_from(
    ["'", "\u2019", "s", "t", "ll", "re", "d", "want", "x", " ", ".", "A", "\u00e9"]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_CLITIC_PIECES, max_size=14).map("".join))
def test_clitic_glue_found_after_a_letter_check_is_what_the_pattern_finds(text: str) -> None:
    """The words step runs its clitic-glue pattern only where a letter follows the apostrophe's next
    character: the same candidates as running it after every apostrophe."""
    from textmend.fixers import words

    every = [
        (match.start(), match.group())
        for mark in words._APOSTROPHES
        for at in [i for i, char in enumerate(text) if char == mark]
        if (match := words._CLITIC_GLUE.match(text, at + 1)) is not None
    ]
    found = [(match.start(), match.group()) for match in words.clitic_candidates(words.Splitter(), text)]
    assert sorted(found) == sorted(every)
