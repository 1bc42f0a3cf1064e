"""The fast paths of the speed work (issue #18) decide exactly as the slow ones: a text they skip is one
the slow path would leave alone, and the bounded-memory forms of changes still rebuild the text."""

from __future__ import annotations

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

import textmend
from textmend.fixers import entities
from textmend.fixers._ftfy_lines import could_change, fix_line

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
    assert entities.url_spans(text) == [match.span() for match in entities._URL.finditer(text)]
