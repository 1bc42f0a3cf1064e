"""The ``teasers`` and ``titles`` fixers: example tables, properties, and adversarial sizes."""

from __future__ import annotations

import doctest
import importlib.util
import random
import re
from typing import Any

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, case_rows, load_cases
from textmend import DEFAULT, CorpusModel, Pipeline, apply_changes, revert_changes
from textmend.corpus_model import normal_title
from textmend.fixer import Findings
from textmend.fixers import _lines, teasers, titles
from textmend.fixers.teasers import TeaserFixer
from textmend.model import Edit

PIPELINE = Pipeline(["teasers", "titles"])
TEASER_CASES: list[dict[str, Any]] = case_rows("teasers")
TITLE_CASES: list[dict[str, Any]] = case_rows("titles")


def test_the_tables_are_as_large_as_promised() -> None:
    kept = [case for case in TEASER_CASES if case["input"] == case["expected"]]
    assert len(TEASER_CASES) >= 60 and len(kept) >= 25
    assert all(case["why"] for case in TEASER_CASES + TITLE_CASES)


@pytest.mark.parametrize("case", load_cases("teasers"))
def test_teaser_cases(case: dict[str, Any]) -> None:
    document = PIPELINE.mend_document(case["input"])
    assert document.text == case["expected"]
    assert [teaser.to_dict() for teaser in document.teasers] == case["teasers"]
    assert document.title == case["title"]
    assert revert_changes(document.text, document.changes) == case["input"]
    # One change per block, each a removal, with its form as kind and numeric evidence.
    assert [change.kind for change in document.changes] == case["kinds"]
    for change in document.changes:
        assert change.fixer == "teasers" and change.after == ""
        assert {"lines", "heading_known", "confidence"} <= set(change.evidence)
        assert 0.0 < change.evidence["confidence"] < 1.0
    assert PIPELINE(document.text) == document.text


@pytest.mark.parametrize("case", load_cases("titles"))
def test_title_cases(case: dict[str, Any]) -> None:
    document = PIPELINE.mend_document(case["input"])
    assert document.text == case["expected"]
    assert document.title == case["title"]
    assert document.site == case["site"]
    assert document.teasers == []
    assert [change.kind for change in document.changes] == case["kinds"]
    assert all(change.fixer == "titles" and change.evidence["confidence"] for change in document.changes)
    assert revert_changes(document.text, document.changes) == case["input"]
    assert PIPELINE(document.text) == document.text


def test_docstring_examples() -> None:
    for module in (teasers, titles, _lines):
        assert doctest.testmod(module).failed == 0


# -- properties ------------------------------------------------------------------------------------
WORDS = ["the", "a", "river", "city", "light", "of", "and", "new", "old", "school", "rain", "is", "was"]
CAPITALISED = ["Why", "How", "The", "City", "River", "Plans", "Future", "Schools", "Light", "New", "Old"]

sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(
    lambda words: " ".join(words).capitalize() + "."
)
bodies = st.lists(sentences, min_size=1, max_size=6).map("\n".join)
headlines = st.lists(st.sampled_from(CAPITALISED), min_size=4, max_size=12).map(" ".join)
texts = st.lists(
    st.sampled_from(
        ["-", "*", "\u2014", "\n", "\r", " ", "A", "b", "Ab", ".", "Related", "Title Case Words"]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_any_text_is_mended_reversibly_and_idempotently(text: str) -> None:
    document = PIPELINE.mend_document(text)
    assert apply_changes(text, document.changes) == document.text
    assert revert_changes(document.text, document.changes) == text
    assert PIPELINE(document.text) == document.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(sentences, headlines, st.sampled_from(["-", "*", "Related"])), max_size=12))
def test_teasers_only_ever_cut_the_end(lines: list[str]) -> None:
    text = "\n".join(lines)
    mended = Pipeline(["teasers"])(text)
    assert text.startswith(mended)
    assert Pipeline(["teasers"])(mended) == mended


@settings(max_examples=200, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=30).map("\n".join))
def test_prose_is_left_alone(text: str) -> None:
    assert PIPELINE.mend_document(text).changes == []


def _pair(headline: str, width: int, article: str) -> list[str]:
    return [headline, f"{headline} {article}"[:width]]


line_groups = st.one_of(
    st.sampled_from([["-"], ["*"], ["Related"], ["Read more"], ["Body text here."], ["Cats Purr"], [""]]),
    st.builds(
        _pair,
        st.sampled_from(["The City Plans New Roads", "Ten Years After the Flood", "Cats Purr", "Jane Doe"]),
        st.integers(15, 60),
        st.sampled_from(["They said it was fine.", "it was fine", "The end of the story is near"]),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(line_groups, max_size=12).map(lambda groups: "\n".join(x for g in groups for x in g)))
@example(
    "Read more\nRead more\n-\nThe City Plans New Roads\nThe City Plans New R\n*\n"
    "The City Plans New Roads\nThe City Plans New R"
)
def test_teaser_like_lines_are_mended_idempotently(text: str) -> None:
    document = PIPELINE.mend_document(text)
    assert revert_changes(document.text, document.changes) == text
    assert PIPELINE(document.text) == document.text


@settings(max_examples=150, deadline=None)
@given(
    bodies,
    st.lists(headlines, min_size=2, max_size=5, unique_by=str.casefold),
    st.sampled_from(["-", "*", "\u2014"]),
    st.integers(40, 160),
    st.data(),
)
def test_generated_pages_come_apart_exactly(
    body: str, heads: list[str], separator: str, width: int, data: st.DataObject
) -> None:
    """Every snippet is cut (the articles are longer than any width), and not every cut falls just
    after a full stop (then nothing would show a cut: see the benchmark's misses)."""
    lines, expected = [], []
    for head in heads:
        article = data.draw(st.lists(sentences, min_size=30, max_size=40).map(" ".join))
        snippet = f"{head} {article}"[:width]
        excerpt = snippet[len(head) :].strip() if snippet.startswith(head) else ""
        lines += [separator, head, snippet]
        expected.append(
            dict(
                title=head,
                snippet=snippet,
                truncated=True,
                excerpt=excerpt,
                separator=separator,
                form="seed",
                bullet=None,
            )
        )
    assume(not all(block["snippet"].rstrip().endswith(".") for block in expected))
    document = Pipeline(["teasers"]).mend_document("\n".join([body, *lines]))
    assert document.text == body
    assert [{k: v for k, v in t.to_dict().items() if k != "heading"} for t in document.teasers] == expected


# -- adversarial sizes (these must simply finish: the fixers read a bounded tail and head) -----------
@pytest.mark.cost
def test_a_million_teaser_like_blocks_are_left_alone() -> None:
    text = "Body.\n" + "-\nA Headline Here Today\nA Headline Here Today And more\n" * 1_000_000
    assert PIPELINE.mend_document(text).changes == []


@pytest.mark.cost
def test_a_million_distinct_teaser_like_lines_are_left_alone() -> None:
    text = "Body.\n" + "".join(
        f"Headline {n} of Many\nHeadline {n} of Many Goes on\n" for n in range(500_000)
    )
    assert PIPELINE.mend_document(text).changes == []


def test_huge_lines_and_blank_runs() -> None:
    text = "x" * 2_000_000 + "\n" * 1_000_000 + "A Title Here\n" + "A Title Here" + " y" * 1_000_000
    assert PIPELINE(text) == text
    title_text = "Title One\nTitle One\n" + "Z" * 5_000_000
    assert PIPELINE(title_text) == "Title One\n" + "Z" * 5_000_000


# -- the tables are options ------------------------------------------------------------------------------
BODY = "The council approved the new budget on Tuesday.\nMembers will meet again in May."


def test_a_heading_phrase_is_added_through_the_options() -> None:
    text = BODY + "\nFrom our partners\n- Ten ways to save on your energy bill"
    assert Pipeline(["teasers"])(text) == text
    fixer = TeaserFixer(headings=("From our partners",))
    document = Pipeline([fixer]).mend_document(text)
    assert document.text == BODY
    assert [(t.title, t.heading, t.form, t.bullet) for t in document.teasers] == [
        ("Ten ways to save on your energy bill", "From our partners", "list", "-")
    ]
    configured = Pipeline(["teasers"]).configure("teasers", headings=["From our partners"])
    assert configured(text) == BODY


def test_labels_bullets_and_cut_marks_are_added_through_the_options() -> None:
    labelled = BODY + "\nWATCH: Ten ways to save on your energy bill"
    assert Pipeline([TeaserFixer(labels=("Watch",))])(labelled) == BODY
    bulleted = BODY + "\nRelated\n+ Ten ways to save on your energy bill\n+ Storm leaves thousands"
    assert Pipeline(["teasers"])(bulleted) == bulleted
    assert Pipeline([TeaserFixer(bullets=("+",))])(bulleted) == BODY
    snippet = "Energy prices rose again. Bills went up by a third and >>"
    cut = BODY + "\nMost read\nTen ways to save on your bill\n" + snippet
    assert Pipeline(["teasers"])(cut) == cut
    (teaser,) = Pipeline([TeaserFixer(cut_marks=(">>",))]).mend_document(cut).teasers
    assert teaser.form == "pairs" and teaser.truncated


def test_every_change_has_a_kind_and_numeric_evidence() -> None:
    cases = TEASER_CASES + TITLE_CASES
    changes = [change for case in cases for change in PIPELINE.mend_document(case["input"]).changes]
    assert {kind for change in changes for kind in change.kinds} == {
        "teaser/seed",
        "teaser/list",
        "teaser/read-more",
        "teaser/pairs",
        "title/duplicate",
        "title/site",
        "title/glued",
    }
    assert all(isinstance(value, float) for change in changes for value in change.evidence.values())


furniture_lines = st.sampled_from(
    [
        "READ MORE: City approves new budget",
        "Related: Storm leaves thousands without power",
        "Most popular",
        "Related",
        "- Storm leaves thousands without power",
        "1. City approves new budget",
        "2. Why bees matter more than you think",
        "The council voted on Tuesday to approve a budget that...",
        "City approves new budget | The Daily News",
        "City approves new budgetThe council voted on it.",
        "City approves new budget",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(sentences, headlines, furniture_lines), max_size=14).map("\n".join))
def test_furniture_of_every_form_is_mended_reversibly_and_idempotently(text: str) -> None:
    document = PIPELINE.mend_document(text)
    assert revert_changes(document.text, document.changes) == text
    assert PIPELINE(document.text) == document.text
    assert all(teaser.title for teaser in document.teasers)


def test_hostile_furniture_finishes() -> None:
    """Label lines by the ten thousand, a label before a million spaces, a title line of spaces."""
    many = "Body ends.\n" + "READ MORE: City approves new budget\nPara ends.\n" * 10_000
    assert len(PIPELINE.mend_document(many).teasers) == 10_000
    spaces = "Body.\nRelated: " + " " * 1_000_000 + "x\nMore."
    assert PIPELINE(spaces) == spaces
    title = "\na" + " " * 1_000_000 + "b\nc"
    assert PIPELINE(title) == title


# -- with a corpus model: other documents' titles and shared endings --------------------------------------
CORPUS = CorpusModel.from_counts(
    titles={
        "storm leaves thousands without power": 1,
        "city approves new budget": 2,
        "why bees matter more than you think": 1,
        "quickly": 1,
        "turkey city lexicon": 1,
        "five questions about the new tax rules": 1,
    },
    tails={"© 2002 the daily news": 60, "follow us for updates": 45, "thanks for reading": 4},
    documents=200,
)
WITH_MODEL = DEFAULT.with_model(CORPUS)


def test_a_bare_single_title_of_another_document_is_a_teaser_with_the_model() -> None:
    text = BODY + "\nStorm leaves thousands without power"
    assert DEFAULT.mend_document(text).teasers == []
    document = WITH_MODEL.mend_document(text)
    assert document.text == BODY
    assert [(t.title, t.heading, t.form, t.bullet) for t in document.teasers] == [
        ("Storm leaves thousands without power", None, "corpus", None)
    ]
    (change,) = document.changes
    assert change.kind == "teaser/corpus" and change.fixer == "teasers"
    assert change.evidence["corpus_titles"] == 1.0 and change.evidence["lines"] == 1.0
    assert revert_changes(document.text, document.changes) == text


def test_a_bare_title_under_a_one_line_body_is_a_teaser_with_the_model() -> None:
    """The first line is this document's own title only when the corpus knows it as a title."""
    text = "The council approved the new budget on Tuesday.\n\nStorm leaves thousands without power\n"
    document = WITH_MODEL.mend_document(text)
    assert document.text == "The council approved the new budget on Tuesday."
    assert [t.form for t in document.teasers] == ["corpus"]


def test_bare_bulleted_titles_and_titles_under_a_heading_are_taken_with_the_model() -> None:
    text = BODY + "\n\n• Storm leaves thousands without power\n\n• Why Bees Matter More Than You Think\n"
    document = WITH_MODEL.mend_document(text)
    assert document.text == BODY
    assert [(t.form, t.bullet) for t in document.teasers] == [("corpus", "\u2022"), ("corpus", "\u2022")]
    # Title-case titles of two or three words read as names to the list rule; the model knows them.
    named = BODY + "\nRecommended\nTurkey City Lexicon\nQuickly"
    assert DEFAULT(named) == named
    document = WITH_MODEL.mend_document(named)
    assert document.text == BODY
    assert {t.heading for t in document.teasers} == {"Recommended"}


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("City approves new budget\n" + BODY + "\nCity approves new budget", "this document's own title"),
        (BODY + "\nQuickly", "one word: a last line that is also some post's title"),
        (
            BODY + "\nThe winners:\n- Storm leaves thousands without power\n- City approves new budget",
            "the article's own list",
        ),
        (BODY + "\nKey dates:\n- March 1: Storm\n- City approves new budget", "a list that goes on above"),
        (BODY + "\nStorm leaves thousands without power.", "a sentence, not a title"),
        ("Storm leaves thousands without power\nCity approves new budget", "titles and nothing else"),
        (BODY + "\nThanks for reading", "an ending four documents of 200 share"),
        ("Follow us for updates\n\u00a9 2002 The Daily News", "boilerplate that is the only content"),
    ],
)
def test_look_alikes_stay_with_the_model(text: str, why: str) -> None:
    assert WITH_MODEL(text) == DEFAULT(text), why


def test_boilerplate_comes_back_as_data() -> None:
    text = BODY + "\n\nFollow us for updates\n\u00a9 2002 The Daily News\n"
    assert DEFAULT(text) == text
    document = WITH_MODEL.mend_document(text)
    assert document.text == BODY
    assert [(t.title, t.form) for t in document.teasers] == [
        ("Follow us for updates", "boilerplate"),
        ("\u00a9 2002 The Daily News", "boilerplate"),
    ]
    (change,) = document.changes
    assert change.kind == "teaser/boilerplate" and change.evidence["tail_share"] == 45 / 200
    assert revert_changes(document.text, document.changes) == text


def test_teasers_above_boilerplate_are_both_taken() -> None:
    text = BODY + "\nMost popular\n- Storm leaves thousands without power\n\u00a9 2002 The Daily News"
    document = WITH_MODEL.mend_document(text)
    assert document.text == BODY
    assert [t.form for t in document.teasers] == ["list", "boilerplate"]
    assert document.changes[0].kinds == ("teaser/list", "teaser/boilerplate")


corpus_lines = st.sampled_from(
    [
        "Storm leaves thousands without power",
        "- City approves new budget",
        "• Why bees matter more than you think",
        "Quickly",
        "Follow us for updates",
        "\u00a9 2002 The Daily News",
        "Thanks for reading",
        "Related",
        "Highlights:",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(sentences, headlines, corpus_lines), max_size=14).map("\n".join))
def test_with_a_model_mending_is_reversible_and_idempotent(text: str) -> None:
    document = WITH_MODEL.mend_document(text)
    assert revert_changes(document.text, document.changes) == text
    assert WITH_MODEL(WITH_MODEL(text)) == WITH_MODEL(text)
    assert text.strip() == "" or document.text.strip() != ""


# -- the fast test: it never passes over a text that the full reading would change --------------------
FIXER = TeaserFixer()


def full_reading(text: str, fixer: TeaserFixer = FIXER) -> list[Edit]:
    """The edits the fixer proposes when it reads ``text`` whole, without its fast test."""
    return list(fixer.find(text, Findings()))


def skipped_wrongly(text: str, fixer: TeaserFixer = FIXER) -> bool:
    """Whether the fast test passes over ``text`` although the full reading would change it."""
    return not fixer.may_apply(text) and full_reading(text, fixer) != []


def benchmark_pages() -> list[str]:
    """Pages of benchmarks/teasers.py (every teaser form, content list and title form) for a slice
    of the news corpus, and each page cut after every line from its end (so blocks end anywhere)."""
    spec = importlib.util.spec_from_file_location("teaser_benchmark", ROOT / "benchmarks" / "teasers.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    everything = bench.load(bench.news_dir(None), "all")
    rng = random.Random(18)
    pages = []
    for doc in everything[:: len(everything) // 24][:24]:
        others = [other for other in everything if other["id"] != doc["id"]]
        body = doc["text"]
        pages += [bench.furnished(form, body, bench.Page(rng, others))[0] for form in bench.FORMS]
        pages += [body + "\n" + bench.content_list(kind, rng, others) for kind in bench.CONTENT]
        pages += [bench.titled(form, doc["title"], body, rng)[0] for form in bench.TITLE_FORMS]
    cuts = [page[: match.start()] for page in pages for match in re.finditer("\n", page[-3000:])]
    return pages + cuts


def test_the_fast_test_never_passes_over_a_benchmark_page_the_full_reading_changes() -> None:
    pages = benchmark_pages()
    skipped = [page for page in pages if not FIXER.may_apply(page)]
    changed = [page for page in pages if full_reading(page)]
    assert skipped and changed  # both kinds are there, so the test can fail
    assert [page for page in skipped if full_reading(page)] == []


@pytest.mark.parametrize("case", TEASER_CASES + TITLE_CASES, ids=lambda case: case["why"])
def test_the_fast_test_never_passes_over_a_table_row_the_full_reading_changes(case: dict[str, Any]) -> None:
    lines = case["input"].split("\n")
    for end in range(1, len(lines) + 1):  # the row, and every run of its first lines
        assert not skipped_wrongly("\n".join(lines[:end]))


# -- with a model, a text without a heading or label line is read for the unmarked forms only ---------
def unmarked_reading_agrees(text: str, model: CorpusModel = CORPUS) -> bool:
    """Whether, for a ``text`` with no line that could be a heading or a label, reading only the forms
    that need none finds what reading every form finds, and no read-more line stands inside it."""
    tables = teasers.compiled_forms()
    if tables.candidate.search(text) is not None:
        return True  # the fixer reads every form of such a text
    corpus = teasers.CorpusEvidence.of(model, text, None)
    every = teasers.trailing_sections(text, tables, corpus)
    inline = list(teasers.inline_read_more(text, len(text), tables))
    return teasers.trailing_sections(text, tables, corpus, marked=False) == every and inline == []


def test_with_a_model_an_unmarked_benchmark_page_is_read_as_with_every_form() -> None:
    pages = benchmark_pages()
    unmarked = [page for page in pages if teasers.compiled_forms().candidate.search(page) is None]
    # a model whose titles are the last lines of the pages: their corpus blocks are found
    last_lines = {line for page in unmarked for line in page.splitlines()[-4:] if line.strip()}
    corpus = CorpusModel.from_counts(titles={normal_title(line): 1 for line in last_lines}, documents=200)
    tables = teasers.compiled_forms()
    found = [
        page
        for page in unmarked
        if teasers.trailing_sections(page, tables, teasers.CorpusEvidence.of(corpus, page, None))
    ]
    assert unmarked and found  # unmarked pages with a block are there, so the test can fail
    assert [page for page in unmarked if not unmarked_reading_agrees(page, corpus)] == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(sentences, headlines, corpus_lines), max_size=14).map("\n".join))
def test_with_a_model_an_unmarked_text_is_read_as_with_every_form(text: str) -> None:
    assert unmarked_reading_agrees(text)


spaced = st.tuples(
    st.sampled_from(["", " ", "\t", "\u00a0", "  "]),
    st.sampled_from(
        [
            "Related",
            "MOST POPULAR",
            "more from Business:",
            "Read More :",
            "ALSO READ |",
            "Lire aussi :",
            "See also: Storm leaves thousands without power",
            "read more: quick hack",
            "Storm leaves thousands without power",
            "Storm leaves thousands without power The council voted on Tuesday to",
            "-",
            "\u2014",
        ]
    ),
    st.sampled_from(["", " ", "\r", "\u00a0", " :"]),
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(sentences, headlines, furniture_lines, spaced), max_size=14).map("\n".join))
def test_the_fast_test_never_passes_over_generated_furniture_the_full_reading_changes(text: str) -> None:
    assert not skipped_wrongly(text)
    fixer = TeaserFixer(headings=("From our partners",), labels=("Watch",))
    assert not skipped_wrongly(text + "\nFrom our partners\n- Storm leaves thousands without power", fixer)
    assert not skipped_wrongly(text + "\nWatch: Storm leaves thousands without power", fixer)


def test_the_fast_test_passes_over_plain_prose() -> None:
    prose = "The council voted on Tuesday.\nMembers will meet again in May.\n" * 200
    assert not FIXER.may_apply(prose)
    assert TeaserFixer(model=CorpusModel.from_counts()).may_apply(prose)  # the corpus forms need no heading
