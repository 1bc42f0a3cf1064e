"""Hypothesis properties over any ``str``: mending never fails, loses nothing, and is idempotent;
clean prose passes unchanged; scraper damage done by ``textmend.testing`` is undone exactly."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import textmend
from textmend import apply_changes, revert_changes
from textmend.testing import (
    MENDABLE_KINDS,
    Damaged,
    articles,
    assert_mends_to,
    damaged,
    damaged_references,
    prose,
)

#: No deadline: no test may depend on how fast the machine is, and the first call loads the word list.
NO_DEADLINE = settings(deadline=None)

#: Every code point, lone surrogates and control characters included.
ANY_CHARACTER = st.characters(exclude_categories=())

#: Pieces of text the fixers look at, so that random text reaches them.
FRAGMENTS = st.sampled_from(
    [
        "rsquo;",
        "Letrsquo;s",
        "eacute;",
        "&amp;",
        "&amp;amp;",
        "&rsquo;",
        "#8217;",
        "#13;",
        "&",
        ";",
        "<b>",
        "\n",
        "\r\n",
        "\n-\n",
        "\n\u2014\n",
        "usedfor",
        "thehouse",
        "music.The",
        "caf\u00c3\u00a9",
        "\u00e9",
        "\u2019",
        "\ufffd",
        "\x0b",
        "\u2028",
        "\ufb01",
        "A Title",
        "A Title and more",
        "doesn\u2019twant",
        "Let's",
        "\u2019sreference",
        "'t",
    ]
)

#: Scripts mixed within a line.
SCRIPTS = st.sampled_from(
    [
        "the cat",
        "\u0434\u043e\u043c",
        "\u732b",
        "\u0645\u0646\u0632\u0644",
        "\u05d1\u05d9\u05ea",
        "\U0001f600",
        "e\u0301",
        "\u2167",  # a Roman numeral: the Latin script, no letter
    ]
)


@st.composite
def runs(draw: st.DrawFn) -> str:
    """A long run of one character or fragment: what makes a careless regex backtrack."""
    unit = draw(st.one_of(ANY_CHARACTER, FRAGMENTS))
    return unit * draw(st.integers(1, 3000 // len(unit)))


ANY_TEXT = st.one_of(
    damaged_references(),
    st.lists(damaged_references(), min_size=2, max_size=6).map(" ".join),
    st.text(ANY_CHARACTER),
    st.lists(st.one_of(FRAGMENTS, SCRIPTS, st.text(ANY_CHARACTER, max_size=5), runs()), max_size=30).map(
        "".join
    ),
    st.lists(st.one_of(FRAGMENTS, SCRIPTS, st.just(" ")), max_size=60).map("".join),
)


def _check(text: str) -> None:
    document = textmend.mend_document(text)
    assert apply_changes(text, document.changes) == document.text
    assert revert_changes(document.text, document.changes) == text
    spans = [(c.start, c.end) for c in document.changes]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert all(text[c.start : c.end] == c.before and c.before != c.after for c in document.changes)
    assert textmend.mend(document.text) == document.text


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
# Roman numerals are of the Latin script but no letters: counted as Latin letters, eight letters and two
# numerals (or four and one) made the language test divide by zero.
@example("usedfora \u2167\u2167")
@example("x usedfor \u2167\u2167")
@example("aaaa\u2167")
def test_any_text_mends_without_error_losslessly_and_idempotently(text: str) -> None:
    _check(text)


@NO_DEADLINE
@given(st.builds(lambda left, right: left + right, damaged().map(lambda d: d.damaged), ANY_TEXT))
def test_damaged_articles_with_noise_mend_losslessly_and_idempotently(text: str) -> None:
    _check(text)


@NO_DEADLINE
@given(articles())
def test_clean_articles_pass_unchanged(clean: str) -> None:
    document = textmend.mend_document(clean)
    assert document.text == clean
    assert document.changes == [] and document.title is None and document.teasers == []


@NO_DEADLINE
@given(prose())
def test_clean_prose_passes_unchanged(clean: str) -> None:
    assert textmend.mend(clean) == clean


@NO_DEADLINE
@given(damaged(kinds=MENDABLE_KINDS))
def test_mend_undoes_scraper_damage(case: Damaged) -> None:
    assert_mends_to(case.damaged, case.clean)
    if case.kinds:
        assert textmend.mend_document(case.damaged).changes


@NO_DEADLINE
@given(damaged(kinds=("stripped_entities", "double_escaped")))
def test_entity_damage_is_undone_entity_by_entity(case: Damaged) -> None:
    document = textmend.mend_document(case.damaged)
    assert document.text == case.clean
    assert {fixer for c in document.changes for fixer in c.fixers} <= {"ftfy", "entities"}


@NO_DEADLINE
@given(damaged(kinds=("teasers", "duplicated_title")))
def test_structure_damage_is_returned_as_data(case: Damaged) -> None:
    document = textmend.mend_document(case.damaged)
    assert document.text == case.clean
    assert (document.title == case.clean.split("\n")[0]) == ("duplicated_title" in case.kinds)
    assert bool(document.teasers) == ("teasers" in case.kinds)


@NO_DEADLINE
@given(st.lists(damaged_references(), min_size=1, max_size=4), st.sampled_from(["\n", " ", ""]))
def test_references_from_the_whole_table_mend_exactly_and_settled(pieces: list[str], joiner: str) -> None:
    _check(joiner.join(pieces))


def _real_fragments() -> list[str]:
    import gzip
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    text = gzip.decompress((root / "benchmarks/data/persuasion.txt.gz").read_bytes()).decode("utf-8")
    article = (root / "examples/scraped-article.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return [article, *paragraphs[200:1400:3]]


REAL_FRAGMENTS = _real_fragments()


@NO_DEADLINE
@given(st.sampled_from(REAL_FRAGMENTS), st.lists(damaged_references(), max_size=3), st.integers(0, 10_000))
def test_real_prose_with_damage_from_the_whole_table_settles(
    fragment: str, references: list[str], at: int
) -> None:
    at = min(at, len(fragment))
    _check(fragment[:at] + " ".join(references) + fragment[at:])


def test_the_seed_article_and_bundled_prose_settle_in_one_call() -> None:
    for fragment in REAL_FRAGMENTS:
        once = textmend.mend(fragment)
        assert textmend.mend(once) == once, fragment[:200]
