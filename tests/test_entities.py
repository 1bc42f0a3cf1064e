"""The ``entities`` fixer: the example table in ``cases/entities.json`` and properties of clean prose."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import textmend
from conftest import case_rows, load_cases
from textmend import Findings, Pipeline, apply_changes, revert_changes
from textmend.fixers import entities
from textmend.fixers._language import MARKER_LANGUAGES
from textmend.fixers.entities import EntityFixer
from textmend.lexicon import top_words

ENTITIES = Pipeline(["ftfy", "entities"])
TABLE = case_rows("entities")


def test_the_table_is_large_and_a_third_negative() -> None:
    assert len(TABLE) >= 150
    assert sum(case["input"] == case["expected"] for case in TABLE) * 3 >= len(TABLE)
    assert all(set(case) - {"expect"} == {"input", "expected", "why"} and case["why"] for case in TABLE)


@pytest.mark.parametrize("case", load_cases("entities"))
def test_case(case: dict[str, str]) -> None:
    document = ENTITIES.mend_document(case["input"])
    assert document.text == case["expected"], case["why"]
    assert apply_changes(case["input"], document.changes) == document.text
    assert revert_changes(document.text, document.changes) == case["input"]
    assert ENTITIES(document.text) == document.text, "mending twice changes nothing"


def test_each_repair_is_a_change_with_a_reason() -> None:
    document = Pipeline(["entities"]).mend_document("It doesn #39;t. Dandamp;C hasn#8217;t")
    assert [(c.before, c.after, c.reason) for c in document.changes] == [
        (" #39;", "'", "&#39; with its & turned into a space"),
        ("andamp;", "&", "&amp; with its & turned into 'and'"),
        ("#8217;", "\u2019", "&#8217; without its &"),
    ]


# Prose built from words that are entity names or end in one, issue numbers, words of other languages
# and a URL, with the punctuation they meet.
# fmt: off
_WORDS = [
    "the", "a", "copy", "not", "and", "or", "it", "in", "real", "part", "image", "times", "cent",
    "star", "check", "daring", "salt", "sometimes", "bandit", "handle", "camp", "amp", "lt", "gt",
    "Holt", "Greg", "teeth", "Haring", "aliquot", "land", "euro", "pound", "alpha", "Bennet", "Darcy",
    "love", "café", "naïve", "Zoë", "Müller", "2004", "#12", "#39", "#2004", "10", "Let’s", "don’t",
    "“so”", "—", "…", "AT&T", "R&D", "PR#147", "dbus#343", "GH#9092", "#38,", "o'clock", "Jones'",
    "für", "Straße", "où", "là", "le", "ne", "ni", "el", "en", "Москва", "東京", "x<y", "C#", "http://a.b/?c=1&copy=2",
]
# fmt: on
_GLUE = st.sampled_from([" ", "  ", "; ", ";  ", ", ", ". ", ": ", ";\n", "\n\n", " & ", " - "])


# A word in -s, one space, "#39;" and a word: the form a plural possessive takes when its "&" became a
# space (``the makers #39; union``), which the fixer repairs by design (tests/cases/entities.json).
_PLURAL_POSSESSIVE_DAMAGE = re.compile(r"\ws #39; (?!(?:the|a|an)\b)[A-Za-z]")
# Two capitalised words around " amp; ": an "&" between names that became a space (``Barnes amp;
# Noble``), repaired by design too (hypothesis drew ``Holt amp; C#``).
_NAMES_AMPERSAND_DAMAGE = re.compile(r"\b[A-Z]\w* amp; [A-Z]")


@st.composite
def prose(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
    glue = draw(st.lists(_GLUE, min_size=len(words), max_size=len(words)))
    text = "".join(word + between for word, between in zip(words, glue, strict=True))
    assume(_PLURAL_POSSESSIVE_DAMAGE.search(text) is None)
    assume(_NAMES_AMPERSAND_DAMAGE.search(text) is None)
    return text


@settings(max_examples=300, deadline=None)
@given(prose())
def test_clean_prose_passes_through_byte_for_byte(text: str) -> None:
    assert Pipeline(["entities"])(text) == text


_DAMAGE = st.sampled_from(["rsquo;", " #39;", "andapos;", "  quot;", "#8217;", "amp;", "&#8217", "eacute;"])


@settings(max_examples=300, deadline=None)
@given(prose(), st.lists(st.tuples(st.integers(0, 400), _DAMAGE), max_size=6))
def test_repairs_are_recorded_idempotent_and_gated(text: str, damage: list[tuple[int, str]]) -> None:
    for position, form in damage:
        text = text[:position] + form + text[position:]
    fixer = Pipeline(["entities"])
    document = fixer.mend_document(text)
    assert revert_changes(document.text, document.changes) == text
    assert fixer(document.text) == document.text
    if list(EntityFixer().find(text, Findings())):
        assert EntityFixer().may_apply(text), "the gate must let through every text the fixer changes"


def test_the_gate_lets_every_damaged_case_through_and_skips_semicolon_prose() -> None:
    fixer = EntityFixer()
    assert all(fixer.may_apply(case["input"]) for case in TABLE if case["input"] != case["expected"])
    assert not fixer.may_apply('said Mr. Bennet; "and I am glad; and it is not; in part; a copy;"')


def _words_ending_in_a_name(language: str) -> list[str]:
    """The words among the 50,000 most common of ``language`` whose last letters are an entity name that
    is no word (``aring``, ``apos``, ``lt``) after other letters: Dutch ``ervaring``, Spanish ``buscaron``."""
    found = []
    for word in top_words(language, 50_000):
        if word.isascii() and word.isalpha():
            reading = entities.read_run(word, None)
            if reading is not None and reading[1] and reading[2] and reading[3] is not entities.Strength.WORD:
                found.append(word)
    return found


@pytest.mark.parametrize("language", MARKER_LANGUAGES)
def test_a_word_of_the_texts_language_before_a_semicolon_stays(language: str) -> None:
    """Every common word of each marker language that ends in an entity name, before a ";" in a text of
    that language (its most common words around it), comes out as written: it is no reference that
    lost its "&" (Dutch "ervaring;" gave "erv\u00e5" before the thirty-eighth session)."""
    context = " ".join(word for word in top_words(language, 60) if word.isalpha())
    words = _words_ending_in_a_name(language)
    pipeline = Pipeline(["entities"])
    changed = [
        word for word in words if pipeline(f"{context} {word}; {context}.") != f"{context} {word}; {context}."
    ]
    assert not changed, f"{len(changed)} of {len(words)} {language} words read as references: {changed[:20]}"


FTFY_TABLE = case_rows("ftfy")


@pytest.mark.parametrize("case", FTFY_TABLE, ids=[case["why"][:60] for case in FTFY_TABLE])
def test_ftfy_case(case: dict[str, str]) -> None:
    """ftfy's own entity cases (never weaker than ftfy), where textmend keeps markup as written, and
    CJK text that keeps its full-width forms."""
    document = textmend.mend_document(case["input"])
    assert document.text == case["expected"], case["why"]
    assert textmend.mend(document.text) == document.text
    assert all(change.kind for change in document.changes)


def test_every_entity_and_ftfy_change_has_a_kind_and_numeric_evidence() -> None:
    text = "Letrsquo;s go, it doesn #39;t. Dandamp;C &amp;amp;rsquo; caf\u00c3\u00a9 &amp; \uff34\r\n"
    document = textmend.mend_document(text)
    kinds = {kind for change in document.changes for kind in change.kinds}
    assert {"entity/dropped", "entity/space", "entity/and", "ftfy/mojibake", "ftfy/entity"} <= kinds
    for change in document.changes:
        assert change.kind and all(isinstance(value, float) for value in change.evidence.values())


# (text, the kinds of its changes in order, why): a change's kind names what differs, not its neighbours.
_KIND_ROWS = [
    (
        '<td width="26">&nbsp;</td>\r\n<tr>',
        ["ftfy/line-break"],
        "a '\\r' dropped beside an entity is a line break",
    ),
    ("Tom &amp; Jerry\r\n", ["ftfy/entity", "ftfy/line-break"], "each repair of a line has its own kind"),
    ("<p>&nbsp;\x93Connecting</p>", ["ftfy/other"], "a C1 quote beside an entity that markup keeps"),
    (
        "<p>a caf\u00c3\u00a9&nbsp;b",
        ["ftfy/mojibake"],
        "mojibake beside an entity that markup keeps",
    ),
    (
        "x &amp;amp; y",
        ["ftfy/entity"],
        "an entity whose '&' is all that is left of it: the whole word decides",
    ),
    (
        '\u77ed\u8bed\uff0c\u8fd9\u4e9b\x1b[35;1m"a"\x1b[;m\u548c',
        ["ftfy/other", "ftfy/other"],
        "terminal escapes in Chinese text that keeps its fullwidth comma are no width repair (fortunes-zh: "
        "every escape was 'ftfy/width')",
    ),
]


@pytest.mark.parametrize(("text", "kinds", "why"), _KIND_ROWS, ids=[row[2] for row in _KIND_ROWS])
def test_an_ftfy_change_is_named_by_what_differs(text: str, kinds: list[str], why: str) -> None:
    document = textmend.Pipeline(["ftfy"]).mend_document(text)
    assert [change.kind for change in document.changes] == kinds, why


# Escaped HTML tags in prose, as a feed escapes them; each loses its "&"s as a whole (dropped, or each
# turned into a space) and must come back whole, never one end of a tag without the other.
_ESCAPED_TAGS = [
    'Shares of Acme Corp. &lt;A HREF="http://x.com/q?t=ACME.N" target=/stocks/quickinfo&gt;ACME.N&lt;/A&gt;'
    " rose 5 percent.",
    "Acme said &lt;b&gt;profits&lt;/b&gt; rose on &lt;A HREF=&quot;http://x.com/q?t=ACME.N&quot;&gt;ACME.N"
    "&lt;/A&gt; news.",
    "The page said &lt;p&gt;Hello, world&lt;/p&gt; and stopped.",
    "Read it here: &lt;a href=&quot;https://example.org/a/b&quot;&gt;the report&lt;/a&gt;.",
    "Line one&lt;br/&gt;line two&lt;br /&gt;line three",
    "Sales fell &lt;i&gt;sharply&lt;/i&gt; in May.",
    "Title: &lt;h2 class=&quot;head&quot;&gt;Markets&lt;/h2&gt;",
]
_TAG_DAMAGE = {"dropped": "", "spaced": " "}


@pytest.mark.parametrize("form", _TAG_DAMAGE)
@pytest.mark.parametrize("original", _ESCAPED_TAGS)
def test_an_escaped_tag_that_lost_its_ampersands_is_mended_whole(original: str, form: str) -> None:
    damaged = original.replace("&", _TAG_DAMAGE[form])
    expected = html.unescape(original)
    document = textmend.mend_document(damaged)
    assert document.text == expected, damaged
    assert textmend.mend(document.text) == document.text
    assert revert_changes(document.text, document.changes) == damaged


@pytest.mark.parametrize(
    "text",
    [
        "if x lt; y and y gt; z then",  # no tag's name after the "lt;"
        "Values between lt; and gt; are shown as such.",
        "The alt;b field and a gt sign.",  # no "gt;" closes it
        "Add salt;b gt; and stir.",  # "salt;" is a word, and no tag opens at its "lt;"
    ],
)
def test_what_is_no_tag_is_not_read_as_one(text: str) -> None:
    assert textmend.mend(text) == text
