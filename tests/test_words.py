"""The ``words`` fixer: the case table in ``cases/words.json``, its options, and properties."""

from __future__ import annotations

import itertools
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textmend
from conftest import case_rows, load_cases
from textmend import Pipeline, apply_changes
from textmend.fixers._splitter import corpus_content_split
from textmend.fixers.words import WordsFixer

CASE_TABLE: list[dict[str, Any]] = case_rows("words")


def words(language: str = "en") -> Pipeline:
    return Pipeline([("words", {"language": language})])


def test_the_table_is_big_and_mostly_about_leaving_text_alone() -> None:
    unchanged = [case for case in CASE_TABLE if case["input"] == case["expected"]]
    assert len(CASE_TABLE) >= 150
    assert 2 * len(unchanged) >= len(CASE_TABLE)
    assert all(case["why"] for case in CASE_TABLE)


@pytest.mark.parametrize("case", load_cases("words"))
def test_case(case: dict[str, Any]) -> None:
    pipeline = words(case.get("language", "en"))
    document = pipeline.mend_document(case["input"])
    assert document.text == case["expected"], case["why"]
    assert apply_changes(case["input"], document.changes) == document.text
    assert pipeline(document.text) == document.text  # mending again changes nothing


def test_each_split_records_its_evidence() -> None:
    (change,) = words().mend_document("They are usedfor pain.").changes
    assert (change.fixer, change.before, change.after) == ("words", "", " ")
    assert "'usedfor'" in change.reason and "'used for'" in change.reason
    assert "used 5.8" in change.reason and "for 7.0" in change.reason
    assert change.kind == "words/glued"
    assert change.evidence["joined_zipf"] == 0.0 and change.evidence["junction"] > 3.5
    assert 0.5 <= change.evidence["confidence"] <= 1.0 and change.evidence["margin"] > 0


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("They are usedfor pain.", "words/glued"),
        ("pain managementThe body adapts.", "words/camel"),
        ("It hurt.The end.", "words/no-space"),
        ("It worked well.nAmazon shipped it.", "words/no-space"),
    ],
)
def test_each_edit_has_a_kind_and_a_confidence(text: str, kind: str) -> None:
    (change,) = words().mend_document(text).changes
    assert change.kind == kind
    assert all(isinstance(value, float) for value in change.evidence.values())
    assert 0.0 <= change.evidence["confidence"] <= 1.0


def test_three_words_are_two_changes_with_one_reason() -> None:
    changes = words().mend_document("Take it outofthe box.").changes
    assert [c.start for c in changes] == [11, 13]
    assert changes[0].reason == changes[1].reason


def test_the_document_decides_a_token_it_repeats_is_a_word() -> None:
    assert words()("usedfor pain") == "used for pain"
    assert words()("usedfor pain, usedfor rest") == "usedfor pain, usedfor rest"


def test_words_the_document_uses_count_as_common() -> None:
    glued = "It is wearableimplantableor not."
    assert words()(glued) == glued  # "implantable" alone is too rare to trust
    assert words()(f"Implantable and wearable pumps. {glued}").endswith("wearable implantable or not.")


def test_a_lost_newline_becomes_a_space_and_is_explained() -> None:
    (change,) = words().mend_document("It worked well.nAmazon shipped it.").changes
    assert (change.before, change.after) == ("n", " ")
    assert "'\\n'" in change.reason


def test_camel_case_is_split_in_prose_but_not_in_code() -> None:
    assert words()("pain managementThe body adapts.") == "pain management The body adapts."
    code = "total = managementThe(body);"
    assert words()(code) == code


def test_language_option_uses_that_languages_word_list() -> None:
    assert words("fr")("C'est pourla ville.") == "C'est pour la ville."
    assert words("en")("C'est pourla ville.") == "C'est pourla ville."
    assert words("es")("un regalo parala casa") == "un regalo para la casa"
    assert textmend.DEFAULT.get_params()["words__language"] == "en"


def test_compounding_languages_keep_compounds() -> None:
    text = "Die Kinder spielen im Hausgarten mit dem Fußball und dem Spielzeugauto."
    assert words("de")(text) == text
    assert words("de")("Wir fahren mitdem Zug.") == "Wir fahren mit dem Zug."


def test_unknown_language_is_a_value_error_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"no word list for language 'xx'; it has: .*\ben\b"):
        WordsFixer(language="xx")
    with pytest.raises(ValueError, match="'xx'"):
        textmend.DEFAULT.configure("words", language="xx")


def test_gate_skips_text_without_candidates() -> None:
    fixer = WordsFixer()
    assert not fixer.may_apply("A B C. 123 Ok? Yes! I am.")
    assert fixer.may_apply("usedfor")
    assert fixer.may_apply("pain.The")


PROSE = st.lists(
    st.sampled_from(
        [
            "the",
            "of",
            "and",
            "usedfor",
            "ofthe",
            "therapist",
            "pain.",
            "The",
            "managementThe",
            "well.nAmazon",
            "iPhone",
            "e.g.",
            "3.14",
            "x@y.com",
            "nevertheless",
            "Kellynch",
            "camelCase",
            "=",
            "(",
            ")",
            "\n",
            "inthe",
            "to",
            "be",
            "wearable",
            "implantable",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(PROSE, st.text(max_size=80)))
def test_mending_is_total_idempotent_and_only_inserts_spaces(text: str) -> None:
    document = words().mend_document(text)
    assert words()(document.text) == document.text
    assert apply_changes(text, document.changes) == document.text
    for change in document.changes:
        assert change.after == " " and change.before in ("", "n", "nn")


PARAGRAPH = (
    "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in "
    "want of a wife. He looked at her only to criticise. I was sure you loved your girls too well to "
    "neglect such an acquaintance. Well, how pleased I am! And it is such a good joke, too, that you "
    "should have gone this morning. She was inclosed in a schoolfellow's letter, with the adieus of the "
    "therapist. Is this true? Did he see you last summer at Lyme?"
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.booleans(), min_size=PARAGRAPH.count(" "), max_size=PARAGRAPH.count(" ")))
def test_glued_prose_is_split_only_where_a_space_was(glue: list[bool]) -> None:
    pieces = PARAGRAPH.split(" ")
    damaged, removed = pieces[0], set()
    for glued, piece in zip(glue, pieces[1:], strict=True):
        if glued:
            removed.add(len(damaged))
        else:
            damaged += " "
        damaged += piece
    document = words().mend_document(damaged)
    assert {change.start for change in document.changes} <= removed
    assert words()(document.text) == document.text


SETTLED_IN_THE_PIPELINE = [
    "He spoke ofthePresident today.",
    "cats andamp dogs",
    "Research Randamp D budgets, cats andamp dogs and Letrsquo;s go.",
    "She was inthePresident's office.ofthe end",
    "x" * 5_000 + "usedfor",
]


@pytest.mark.parametrize(
    "text", [*SETTLED_IN_THE_PIPELINE, *(case["input"] for case in CASE_TABLE)], ids=lambda t: t[:40]
)
def test_the_default_pipeline_settles_in_one_mend(text: str) -> None:
    once = textmend.mend(text)
    assert textmend.mend(once) == once


def test_a_document_of_rare_runs_only_is_left_alone_at_a_bounded_cost() -> None:
    from wordfreq import top_n_list

    vocabulary = top_n_list("en", 5_000)[1_000:]
    glued = " ".join(f"{a}the{b}" for a, b in zip(vocabulary, reversed(vocabulary), strict=True))
    assert words()(glued) == glued  # one rare run every 17 characters: no prose
    sparse = "It was usedfor pain. " + "The end of the story is near. " * 20
    assert words()(sparse).startswith("It was used for pain.")


@pytest.mark.cost
def test_the_caches_across_documents_stay_capped_on_a_stream_of_new_tokens() -> None:
    from textmend.fixers._splitter import CACHE_SIZE, cache_sizes, word_filter

    # The word filter starts again each time it would pass CACHE_SIZE: a filter that other tests in this
    # process had half filled could stand just after such a start when the stream ends. A fresh one
    # ends the stream at the same size whatever ran before.
    word_filter.cache_clear()
    pipeline = words()
    letters = "bcdfghjklmnpqrstvwxz"
    # 20,000 distinct rare tokens in prose, half glued to a function word: each is new to every cache
    for batch in range(100):
        tokens = []
        for index in range(200):
            n = batch * 200 + index
            stem = "".join(letters[(n // 20**k) % 20] + "aeiou"[(n // 5**k) % 5] for k in range(4))
            tokens.append(f"the{stem}" if index % 2 else stem)
        pipeline(" and the old house stood there, as it had stood for many years before them, ".join(tokens))
    sizes = cache_sizes()
    assert CACHE_SIZE <= 10_000
    assert all(size <= CACHE_SIZE for size in sizes.values()), sizes
    assert sizes["word_filter"] > CACHE_SIZE // 4  # the stream did reach the caches
    assert max(sizes["static_split"], sizes["hopeful_split"]) > CACHE_SIZE // 2, sizes


# -- with a fitted corpus model ----------------------------------------------------------------


def _counted(texts: list[str]) -> Any:
    """A model of ``texts`` as ``textmend.fit`` counts them (lowercase words, documents, pairs, last
    lines), built here so that these tests do not depend on the fitting code."""
    import re
    from collections import Counter

    from textmend.corpus_model import CorpusModel, normal_title

    words: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    tails: Counter[str] = Counter()
    for text in texts:
        tokens = [t.lower() for t in re.findall(r"[^\W\d_]+", text)]
        words.update(tokens)
        spread.update(set(tokens))
        pairs.update(itertools.pairwise(tokens))
        tails[normal_title(text.rstrip().split("\n")[-1])] += 1
    return CorpusModel.from_counts(
        words=words, word_documents=spread, pairs=pairs, tails=tails, documents=len(texts)
    )


_TOOLS = [f"Run twofish to encrypt, then build crate number {n} with cargo." for n in range(6)]


def test_a_word_the_corpus_uses_is_never_split() -> None:
    text = "First install twofish on the machine."
    assert words()(text) == "First install two fish on the machine."
    fitted = words().with_model(_counted(_TOOLS))
    assert fitted(text) == text
    damaged = _counted(["Install twofish now.", *[f"They caught two fish in {n} days." for n in range(6)]])
    assert words().with_model(damaged)(text) != text  # once, beside six "two fish": damage, no word


def test_two_words_the_corpus_puts_side_by_side_are_split_with_its_numbers() -> None:
    corpus = [f"He read the opinion poll in document {n}; the opinion poll is long." for n in range(8)]
    text = "She read the opinionpoll aloud."
    assert words()(text) == text  # two content words no table has: the rules alone leave them
    document = words().with_model(_counted(corpus)).mend_document(text)
    assert document.text == "She read the opinion poll aloud."
    (change,) = document.changes
    assert change.evidence["corpus_pair"] == 16.0 and change.evidence["corpus_count"] == 0.0
    assert "fitted corpus" in change.reason


# A corpus of abstracts that uses "study", "aims", "mice", "showed", "time", "points", "sub", "genome"
# and "review" as words, and never glues them.
_ABSTRACTS = [
    f"Our study {n} aims at cells; the time points and the sub genome differ, said the review {n}."
    for n in range(4)
] + ["The mice showed a response.", "The tumor growth was slow."]

_CONTENT_ROWS = [
    ("Our studyaims to measure the effect.", "Our study aims to measure the effect.",
     "two words the corpus uses, each the part of few compounds, in a token nobody knows"),
    ("Treated miceshowed a response.", "Treated mice showed a response.",
     "a subject glued to its verb, no determiner before it (which the rules read: subject_and_verb)"),
    ("Blood was drawn at two timepoints.", "Blood was drawn at two timepoints.",
     "'time' starts dozens of compounds wordfreq knows (timetable, timeline): a compound"),
    ("The subgenome differs.", "The subgenome differs.", "a prefix makes compounds of anything"),
    ("Run the studyaims module now.", "Run the studyaims module now.", "a name of code before its noun"),
    ("They wrote studyaims twice: studyaims.", "They wrote studyaims twice: studyaims.",
     "a token the document repeats is its word"),
    ("The studyfoo was run.", "The studyfoo was run.", "'foo': a part the corpus never uses"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "why"), _CONTENT_ROWS, ids=[row[2] for row in _CONTENT_ROWS])
def test_a_model_splits_two_of_its_words_that_make_few_compounds(text: str, expected: str, why: str) -> None:
    document = words().with_model(_counted(_ABSTRACTS)).mend_document(text)
    assert document.text == expected, why
    assert words()(text) == text  # the rules alone leave every row whole
    for change in document.changes:
        assert change.evidence["corpus_count"] == 0.0 and change.evidence["left_compounds"] <= 3


def test_the_content_reading_is_english_only() -> None:
    """Its bound of three compounds was measured on English; German makes compounds of far more words
    (and counting them takes seconds): ``kommtheute`` would read as two words there."""
    model = _counted(["Er kommt, und heute ist es kalt, sagt er."] * 6)
    assert corpus_content_split(WordsFixer(language="de").splitter, model, "kommtheute") is None
    english = _counted(["He said the study aims at cells."] * 6)
    assert corpus_content_split(WordsFixer().splitter, english, "studyaims") is not None


def test_a_model_that_knows_the_token_keeps_it_whole() -> None:
    fitted = words().with_model(_counted([*_ABSTRACTS, "The studyaims flag is set."]))
    assert fitted("This studyaims to measure.") == "This studyaims to measure."


def test_fitting_on_damaged_text_still_splits_the_template_join() -> None:
    corpus = [f"Story {n} about the harbour and its boats.\n\nrelatedarticles" for n in range(20)]
    corpus += [f"Story {n} says the related work and the articles matter." for n in range(20, 25)]
    model = _counted(corpus)
    assert model.count("relatedarticles") == 20  # the template made it "frequent"
    mended = words().with_model(model)("A story about boats.\n\nrelatedarticles")
    assert mended == "A story about boats.\n\nrelated articles"


def test_a_compound_written_apart_in_a_long_document_is_its_writers_spelling() -> None:
    # GLib's NEWS (a Debian machine's /usr/share/doc): "testsuite" beside "test suite", written by many
    # hands over years; in an article the same pair is the evidence that the token is damage.
    opening = "The test suite now runs in parallel, and the release notes say how to run it. "
    closing = " Added a testsuite for the parser."
    releases = " ".join(f"Release {n} fixed a crash in the parser." for n in range(1500))
    long_text = opening + releases + closing
    assert len(long_text) > 60_000 and words()(long_text) == long_text
    short = opening + "Release 1 fixed a crash in the parser." + closing
    assert words()(short) == short.replace("testsuite", "test suite")


def test_a_word_of_the_corpus_on_a_repeated_line_stays_a_word() -> None:
    # Debian's package descriptions: two packages share the one line "goroutine leak detector", which
    # ends two documents as a template's line would; the corpus writes "goroutine" in more documents.
    corpus = ["goroutine leak detector", "goroutine leak detector"]
    corpus += [f"pool {n} of goroutine workers" for n in range(3)] + [
        f"Go library {n} for routine work" for n in range(10)
    ]
    model = textmend.fit(corpus)
    assert model.tail_count("goroutine leak detector") == 2 and model.spread("goroutine") == 5
    assert words().with_model(model)("goroutine leak detector") == "goroutine leak detector"
    fewer = textmend.fit(corpus[:3] + corpus[5:])  # in three documents, two of them the line's: its word
    assert words().with_model(fewer)("goroutine leak detector") == "go routine leak detector"


def test_fitting_on_text_with_a_repeated_glue_still_splits_it() -> None:
    corpus = [f"Page {n}: the best ofthe year, and one of the best of the lot." for n in range(10)]
    corpus += [f"Most of the people, most of the time, {n}." for n in range(30)]
    fitted = words().with_model(_counted(corpus))
    assert fitted("It was one ofthe best.") == "It was one of the best."


def test_an_ending_glued_to_a_word_is_split_with_a_model_unless_the_corpus_writes_it_so() -> None:
    text = "Van Rossum doesn’tlike this approach."
    assert words()(text) == "Van Rossum doesn’t like this approach."
    # A corpus that writes "doesn’t like" apart many times: the glue is damage, split with its numbers
    apart = _counted([f"She doesn’t like item {n}, and he doesn’t like it either." for n in range(6)])
    document = words().with_model(apart).mend_document(text)
    assert document.text == "Van Rossum doesn’t like this approach."
    assert document.changes[0].evidence["corpus_pair"] == 12.0
    # A corpus whose documents write the token glued and never apart: a word of that corpus, kept
    glued = _counted([f"The doesn’tlike flag {n} is set by the tlike tool." for n in range(6)])
    assert words().with_model(glued)(text) == text


def test_with_model_keeps_fixers_hashable_and_the_pipeline_unchanged() -> None:
    pipeline = words()
    model = _counted(_TOOLS)
    fitted = pipeline.with_model(model)
    assert fitted is not pipeline and pipeline("install twofish now") == "install two fish now"
    assert hash(WordsFixer(model=model)) == hash(WordsFixer(model=_counted(_TOOLS)))


def test_a_split_that_decides_the_language_of_the_text_settles_in_one_mend() -> None:
    # 'e.g.' reads as Portuguese ('e') until 'usedfor' becomes 'used for': the second mend would
    # then split 'ofthe' too, so the first does.
    text = "ofthe e.g. \n the of of usedfor e.g. e.g. e.g. e.g."
    mended = words()(text)
    assert mended == "of the e.g. \n the of of used for e.g. e.g. e.g. e.g."
    assert words()(mended) == mended


def test_the_domains_benchmark_runs_on_a_slice_and_reports_counts() -> None:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    run = subprocess.run(
        [sys.executable, "domains.py", "--domains", "news", "--languages", "nl", "--joins", "60"],
        cwd=root / "benchmarks",
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(root / "src"), "PATH": ""},
        check=True,
    )
    rows = [line for line in run.stdout.splitlines() if line.startswith("| news |")]
    assert rows and "/60)" in rows[0]  # recall with its counts, 60 joins
    assert any(line.startswith("| nl |") and "0.00 (0)" in line for line in run.stdout.splitlines())


def test_the_pair_table_keeps_wordnets_notice_and_only_content_words() -> None:
    import gzip
    from importlib import resources

    from textmend.fixers._pairs import pair_count, pair_table
    from textmend.fixers._wordlists import FUNCTION_WORDS

    raw = resources.files("textmend.fixers").joinpath("data").joinpath("en-pairs.tsv.gz").read_bytes()
    header = gzip.decompress(raw).decode("utf-8").splitlines()[:2]
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in header[1]
    table = pair_table()
    assert len(raw) < 1_000_000 and len(table) > 50_000
    pairs = [pair.split(" ") for pair in table]
    assert all(len(words) == 2 for words in pairs)
    assert not any(left in FUNCTION_WORDS["en"] or right in FUNCTION_WORDS["en"] for left, right in pairs)
    assert pair_count("operating", "system") >= 2 and pair_count("soft", "ware") == 0


def test_the_book_pair_table_names_its_source_and_keeps_pairs_the_rules_need() -> None:
    from importlib import resources

    from wordfreq import zipf_frequency

    from textmend.fixers._pairs import book_pair_count, book_pair_lines
    from textmend.fixers._splitter import _LEADERS, _TRAILERS
    from textmend.fixers._wordlists import FUNCTION_WORDS

    raw = resources.files("textmend.fixers").joinpath("data").joinpath("en-book-pairs.tsv.gz").read_bytes()
    header, *lines = book_pair_lines()
    assert "Project Gutenberg" in header and "rcdm-uga/Gutenberg_Text" in header
    assert len(raw) < 1_000_000 and len(lines) > 150_000
    assert lines == sorted(lines)  # book_pair_count bisects
    rows = [line.split(" ") for line in lines]
    assert all(len(row) == 3 and int(row[2]) >= 10 for row in rows)
    assert all(book_pair_count(left, right) == int(count) for left, right, count in rows[::997])
    pairs = [row[:2] for row in rows]
    function = FUNCTION_WORDS["en"]
    assert all(len(words) == 2 and all(w.isalpha() and w.islower() for w in words) for words in pairs)
    content = [[w for w in words if w not in function] for words in pairs]
    assert all(words and all(len(w) >= 3 for w in words) for words in content)  # one function word at most
    assert not any({"a", "no", "up", "in", "on", "it"} & set(words) for words in pairs)  # they make words
    assert book_pair_count("his", "gills") == 0  # a leader before a word: the bound reading's, no entry
    # the table is built with the bound reading's leaders and trailers as they stand: a leader or a trailer
    # added to the rules (the sixteenth round's "most", "why") means the table must be built again
    assert not any(left in _LEADERS and right not in function for left, right in pairs)
    assert not any(right in _TRAILERS and left not in function for left, right in pairs)
    sample = pairs[:: len(pairs) // 500]  # wordfreq knows none of them glued (a sample: 500 lookups)
    assert all(zipf_frequency(left + right, "en") == 0.0 for left, right in sample)
    assert book_pair_count("twelve", "years") > 100 and book_pair_count("be", "saved") > 100
    # closed up ("sunlight" is a word) or hyphenated in the books ("sharp-pointed"): never in the table
    assert book_pair_count("sun", "light") == book_pair_count("sharp", "pointed") == 0


def _tool(name: str) -> Any:
    """The module ``tools/<name>.py``, loaded with ``tools/`` on the path while it imports (its
    ``debian_data`` helper)."""
    import importlib.util
    import sys
    from pathlib import Path

    tools = Path(__file__).resolve().parent.parent / "tools"
    sys.path.insert(0, str(tools))
    try:
        spec = importlib.util.spec_from_file_location(name, tools / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(tools))
    return module


def test_the_book_pair_builder_leaves_compounds_bound_pairs_and_rare_pairs(tmp_path: Any) -> None:
    """``tools/build_book_pairs.count`` and ``kept`` on three miniature books: pairs written apart
    often are kept; one the books also hyphenate or close up, one with a leader or a word-making
    function word, and one written apart too rarely are not."""
    builder = _tool("build_book_pairs")
    start = "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n"
    books = [
        start + "twelve years . sharp pointed . the house . be saved . no delay . " * 11,
        "a sharp-pointed stick, sharppointed and sharp-pointed; " * 3 + "winter fields winter fields",
        "twelve years of war, dreary winter fields\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\nlicence",
    ]
    paths = []
    for number, text in enumerate(books):
        path = tmp_path / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    pairs, closed, words = builder.count(paths)
    assert pairs["twelve years"] == 12 and pairs["sharp pointed"] == 11 and closed["sharppointed"] == 9
    assert words == 15 * 11 + (6 * 3 + 4) + 7  # words split at whitespace, the header and footer cut off
    assert "licence" not in " ".join(pairs)  # Project Gutenberg's footer is cut off
    assert pairs["the house"] == 11 and pairs["winter fields"] == 3
    # a pair before a comma or a full stop is a pair ("of war,"); punctuation between two words parts
    # them ("war, dreary"; "sharp-pointed stick," is one word and a pair: "pointed stick" is not read)
    assert pairs["of war"] == 1 and pairs["war dreary"] == 0 and pairs["years of"] == 1
    kept = {pair for pair, n in pairs.items() if builder.kept(pair, n, closed)}
    # "winter fields": too rare; "the house": a leader before a word (the bound reading's); "no delay":
    # "no" starts words ("nodelay"); "be saved": a function word the shape rules cannot read
    assert kept == {"twelve years", "be saved"}


def test_the_book_junk_builder_keeps_pairs_whose_books_odds_pass() -> None:
    """``tools/build_book_pairs.junk_kept``: a pair whose glued form wordfreq knows as junk is kept when
    the books write it apart often enough for the odds, not when they write it too rarely, close it up,
    or when it holds no function word or the glued form is unknown or too common."""
    from collections import Counter

    builder = _tool("build_book_pairs")
    closed: Counter[str] = Counter({"atlast": 2000})
    words = 100_000_000
    assert builder.junk_kept("so many", 8_000, closed, words)  # somany 1.1; the books: Zipf 4.9
    assert not builder.junk_kept("so many", 100, closed, words)  # the books: Zipf 3.0, odds 1.9
    assert not builder.junk_kept("at last", 10_000, closed, words)  # closed up a fifth as often
    assert not builder.junk_kept("good stuff", 10_000, closed, words)  # goodstuff 1.4, no function word
    assert not builder.junk_kept("used for", 10_000, closed, words)  # wordfreq does not know usedfor
    assert not builder.junk_kept("of the", 10_000_000, closed, words)  # ofthe 3.3: too common for junk
    assert not builder.junk_kept("so many", 9, closed, 1_000)  # under the floor of ten, whatever the odds


def test_the_book_junk_table_names_its_source_and_holds_what_the_junk_reading_asks() -> None:
    """Every pair of ``en-book-junk.tsv.gz`` passes the tests the builder made (a function word, both
    words Zipf 4 or more, the glued form junk, the books' odds 2.5 or more), and the header says where
    the counts come from and how many words the books hold."""
    from wordfreq import zipf_frequency

    from textmend.fixers._dictionary import data_text
    from textmend.fixers._pairs import book_junk_table, book_junk_zipf
    from textmend.fixers._splitter import _JUNK_GLUED_ZIPF, _JUNK_ODDS, _JUNK_PART_ZIPF
    from textmend.fixers._wordlists import FUNCTION_WORDS

    header, words, *_ = data_text("en-book-junk.tsv.gz").split("\n")
    assert "rcdm-uga/Gutenberg_Text" in header and int(words.removeprefix("# words ")) > 50_000_000
    table = book_junk_table()
    assert 300 < len(table) < 5_000
    function = FUNCTION_WORDS["en"]
    for pair, books in table.items():
        left, right = pair.split(" ")
        glued = zipf_frequency(left + right, "en")
        assert left in function or right in function, pair
        assert min(zipf_frequency(left, "en"), zipf_frequency(right, "en")) >= _JUNK_PART_ZIPF, pair
        assert 0.0 < glued <= _JUNK_GLUED_ZIPF and books - glued >= _JUNK_ODDS, pair
    assert 4.5 < book_junk_zipf("so", "many") < 5.5 and book_junk_zipf("has", "her") == 0.0


def test_the_function_pair_builder_keeps_pairs_of_two_function_words_the_books_write() -> None:
    """``tools/build_book_pairs.function_kept``: two function words written apart ten times or more; not
    rarer, nor a pair with a content word (the other tables' business)."""
    builder = _tool("build_book_pairs")
    assert builder.function_kept("of the", 10) and builder.function_kept("so it", 2_498)
    assert not builder.function_kept("the on", 9)  # under the floor of ten
    assert not builder.function_kept("twelve years", 500) and not builder.function_kept("sharpened by", 800)


def test_the_function_pair_table_names_its_source_and_tells_pairs_from_none() -> None:
    """``en-book-function-pairs.tsv.gz``: the header says where the counts come from and how many words
    the books hold; every pair is two function words; the pairs a split of two function words needs
    are there (``so it``, ``why not``, ``in for``) and the ones grammar has no use for are not, or
    rarely."""
    from textmend.fixers._dictionary import data_text
    from textmend.fixers._pairs import book_function_table, book_function_zipf
    from textmend.fixers._wordlists import FUNCTION_WORDS

    header, words, *_ = data_text("en-book-function-pairs.tsv.gz").split("\n")
    assert "rcdm-uga/Gutenberg_Text" in header and int(words.removeprefix("# words ")) > 50_000_000
    table = book_function_table()
    assert 5_000 < len(table) < 40_000
    function = FUNCTION_WORDS["en"]
    assert all(word in function for pair in table for word in pair.split(" "))
    assert min(book_function_zipf(*pair.split()) for pair in ("so it", "why not", "in for", "of the")) > 3.5
    assert [book_function_zipf(*pair.split()) for pair in ("on do", "in can", "my on")] == [0.0] * 3
    assert book_function_zipf("the", "on") < 2.5  # 22 times in 94 M words


def test_the_adjective_list_keeps_wordnets_notice_and_no_nouns() -> None:
    import gzip
    from importlib import resources

    from textmend.fixers._pairs import adjectives, is_adjective

    raw = resources.files("textmend.fixers").joinpath("data").joinpath("en-adjectives.txt.gz").read_bytes()
    header = gzip.decompress(raw).decode("utf-8").splitlines()[:2]
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in header[1]
    words = adjectives()
    assert len(raw) < 100_000 and 10_000 < len(words) < 20_000
    assert all(len(w) >= 3 and w.isascii() and w.isalpha() and w.islower() for w in words)
    assert is_adjective("molecular") and is_adjective("significant")
    # nouns too in WordNet, and combining forms: never in the list
    assert not any(map(is_adjective, ("potential", "local", "initial", "client", "micro", "ultra")))


def test_the_adjective_builder_drops_nouns_and_combining_forms(tmp_path: Any) -> None:
    """``tools/build_pairs.adjectives_of`` on a miniature WordNet: an adjective WordNet also lists as
    a noun (``local``), a combining form (``micro``), a two-word lemma, capitals and short words go."""
    build_pairs = _tool("build_pairs")
    licence = "  1 This software and database is being provided to you\n"
    (tmp_path / "index.adj").write_text(
        licence
        + "".join(f"{w} a 1 0 1 0 00000001\n" for w in ("vast", "local", "micro", "ad", "red_hot", "Able")),
        encoding="latin-1",
    )
    (tmp_path / "index.noun").write_text(licence + "local n 1 0 1 0 00000002\n", encoding="latin-1")
    assert build_pairs.adjectives_of(tmp_path) == ["vast"]


def test_the_english_dictionary_keeps_scowls_notice_and_only_lowercase_words() -> None:
    import gzip
    from importlib import resources

    from textmend.fixers._dictionary import english_dictionary

    data = resources.files("textmend.fixers").joinpath("data")
    raw = data.joinpath("en-dictionary.txt.gz").read_bytes()
    header = gzip.decompress(raw).decode("utf-8").splitlines()[:2]
    assert "Copyright 2000-2011 by Kevin Atkinson" in header[1]
    assert "Kevin Atkinson" in data.joinpath("en-dictionary-copyright.txt").read_text(encoding="utf-8")
    words = english_dictionary()
    assert len(raw) < 1_000_000 and len(words) > 100_000
    assert all(len(w) >= 4 and w.isascii() and w.isalpha() and w.islower() for w in words)
    assert "inmost" in words and "usedfor" not in words and "ofthe" not in words


def test_a_word_of_the_english_dictionary_is_never_split() -> None:
    """A seeded sample of the dictionary's words, each alone in a plain sentence, comes back unchanged
    (wordfreq has seen many of them rarely or never: ``apeak``, ``methought``)."""
    import random

    from textmend.fixers._dictionary import english_dictionary

    sample = random.Random(7).sample(sorted(english_dictionary()), 3_000)
    pipe = Pipeline(["words"])
    split = [w for w in sample if pipe(f"They saw the {w} there.") != f"They saw the {w} there."]
    assert split == []


def test_no_name_of_pythons_standard_modules_is_split() -> None:
    """Every lowercase name of Python's standard modules, alone in a plain sentence, comes back unchanged:
    a name of code wherever it stands (before the seventeenth round ``timeit``, ``socketserver`` and
    ``modulefinder`` were split, ``timeit`` twice in the PEPs)."""
    import sys

    names = sorted(name for name in sys.stdlib_module_names if name.isalpha() and name.islower())
    pipe = Pipeline(["words"])
    sentence = "The program then calls {} for the rest of the work."
    assert len(names) > 150
    assert [name for name in names if pipe(sentence.format(name)) != sentence.format(name)] == []


def test_no_name_of_pythons_standard_library_is_split_unless_it_reads_as_glue() -> None:
    """Every name of ``python-names.txt.gz`` (the attributes of the standard modules and their classes),
    alone in a plain sentence, comes back unchanged, unless :func:`is_code_name` reads it as glue of
    function words (``asin``, ``atan``): before the twenty-sixth round ``fetchall``, ``dropwhile``,
    ``isidentifier`` and 627 more were splittable; until the thirty-fourth a pair books write apart was
    glue too (``groupby``, ``isclose``)."""
    from textmend.fixers._dictionary import python_names
    from textmend.fixers._splitter import Splitter, is_code_name

    splitter = Splitter()
    names = sorted(python_names())
    glue = [name for name in names if not is_code_name(splitter, name)]
    assert len(names) > 1_900 and {"asin", "atan"} <= set(glue) and len(glue) < 40
    assert not {"groupby", "isclose", "isspace", "sendto"} & set(glue)
    assert {"fetchall", "dropwhile", "isidentifier", "expanduser", "lineno"} <= set(names)
    assert "howmuch" not in names  # a parameter's name (poplib), and glue
    pipe = Pipeline(["words"])
    sentence = "The program then calls {} for the rest of the work."
    kept = [name for name in names if name not in glue]
    assert [name for name in kept if pipe(sentence.format(name)) != sentence.format(name)] == []


def test_no_word_of_another_language_is_split_beside_words_of_its_own() -> None:
    """Every common word of a neighbouring language that may still be English glue
    (``Splitter.may_be_english_glue``: ``toits``, ``dueto``, ``adoptan``, ``andare``...), quoted in an
    English paragraph between words of its own language, or after one and before a full stop, comes
    back unchanged: ``words.foreign_word_glued`` reads glue only where English words stand on both
    sides (thirty-fifth round)."""
    from textmend.fixers._splitter import Splitter, foreign_zipfs

    splitter = Splitter()
    tokens = sorted(
        word
        for word in foreign_zipfs("en")
        if word.isalpha() and word.islower() and splitter.may_be_english_glue(word)
    )
    assert len(tokens) > 300 and {"toits", "dueto", "soit", "butin", "andare"} <= set(tokens)
    english = "The committee met on Tuesday, and the report was published in the spring of that year."
    pipe = Pipeline(["words"])
    split = 0
    for token in tokens:
        for quoted in (f"la {token} de la maison", f"sur la {token}"):
            text = f"{english} The old sign said {quoted}. {english}"
            assert pipe(text) == text, token
        # between English words most are read as glue (the rest fall to other tests: "africain")
        text = f"{english} Then they wrote that it brought the trade {token} knees. {english}"
        split += pipe(text) != text
    assert split > len(tokens) * 3 // 4


def test_a_rare_word_made_of_a_leader_and_a_participle_stays_unless_it_is_glue_of_common_words() -> None:
    """Every word of the largest spelling lists only (``rare_english_word``) made of a function word that
    leads participles (``_splitter._BEFORE_PARTICIPLE``) and a participle (``afterswarming``,
    ``asporting``, ``beforementioned``), alone in a plain sentence, stays whole but where the participle
    is of Zipf 5 or more (``aftercoming``: glue of common words, which ``is_rare_word`` lets through)."""
    from textmend.fixers._dictionary import _rare_lines
    from textmend.fixers._splitter import (
        _BEFORE_PARTICIPLE,
        Splitter,
        _reads_as_participle,
        led_participle_split,
    )
    from textmend.lexicon import zipf

    splitter = Splitter()
    words = {
        word: word[len(leader) :]
        for line in _rare_lines().values()
        for word in line.split()
        for leader in _BEFORE_PARTICIPLE
        if word.startswith(leader) and _reads_as_participle(word[len(leader) :])
    }
    assert len(words) > 30 and sum(led_participle_split(splitter, word) is not None for word in words) > 20
    pipe = Pipeline(["words"])
    sentence = "They said the {} was over by then."
    changed = {word for word in words if pipe(sentence.format(word)) != sentence.format(word)}
    assert changed == {word for word, participle in words.items() if zipf(participle, "en") >= 5.0}
    assert "aftercoming" in changed and "beforementioned" not in changed


def test_no_name_of_the_c_library_is_split_unless_it_reads_as_glue_of_function_words() -> None:
    """Every name of ``c-names.txt.gz`` (the man-pages project's sections 2 and 3), alone in a plain
    sentence, comes back unchanged, unless it reads as glue of function words only (``asin``: ``as in``,
    ``nextafter``). A pair that books write apart is no such reading: with the books' pairs counted
    before punctuation too, ``isspace`` (``is space.``) was split in two changelogs (thirty-fourth round)."""
    from textmend.fixers._dictionary import c_names
    from textmend.fixers._splitter import Splitter, is_code_name

    splitter = Splitter()
    names = sorted(c_names())
    glue = [name for name in names if not is_code_name(splitter, name)]
    assert len(names) > 1_200 and {"asin", "atan", "nextafter"} <= set(glue) and len(glue) < 20
    pipe = Pipeline(["words"])
    sentence = "The program then calls {} for the rest of the work."
    kept = [name for name in names if name not in glue]
    assert {"isspace", "sendto", "islower", "openat"} <= set(kept)
    assert [name for name in kept if pipe(sentence.format(name)) != sentence.format(name)] == []


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="the list names CPython 3.11's library")
def test_the_python_names_list_rebuilds_byte_for_byte(tmp_path: Any) -> None:
    """``tools/build_python_names.py`` run with CPython 3.11 writes the shipped file again, byte for byte
    (submodules left out: which are attributes depends on what imported them), in a fresh interpreter.
    A Python built without an optional module (``sqlite3`` without its library) gives fewer names."""
    import gzip
    import subprocess
    from importlib import resources
    from pathlib import Path

    tool = Path(__file__).resolve().parent.parent / "tools" / "build_python_names.py"
    output = tmp_path / "python-names.txt.gz"
    done = subprocess.run(
        [sys.executable, str(tool), "--output", str(output)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    shipped = resources.files("textmend.fixers").joinpath("data").joinpath("python-names.txt.gz")
    if "not imported:" in done.stderr:
        rebuilt = set(gzip.decompress(output.read_bytes()).decode("ascii").splitlines())
        assert rebuilt <= set(gzip.decompress(shipped.read_bytes()).decode("ascii").splitlines())
    else:
        assert output.read_bytes() == shipped.read_bytes()


def test_the_rare_list_keeps_scowls_notice_and_only_words_the_dictionary_lacks() -> None:
    import gzip
    from importlib import resources

    from textmend.fixers._dictionary import english_dictionary, rare_english_word

    raw = (
        resources.files("textmend.fixers").joinpath("data").joinpath("en-dictionary-rare.txt.gz").read_bytes()
    )
    lines = gzip.decompress(raw).decode("ascii").splitlines()
    assert "size-95" in lines[0] and "Copyright 2000-2011 by Kevin Atkinson" in lines[1]
    words = []
    for line in lines[2:]:
        prefix, *listed = line.split(" ")
        assert listed == sorted(listed) and all(word[:3] == prefix for word in listed)
        words.extend(listed)
    assert len(words) == len(set(words)) > 300_000
    assert all(len(w) >= 4 and w.isascii() and w.isalpha() and w.islower() for w in words)
    assert not set(words) & set(english_dictionary())
    assert all(map(rare_english_word, words[::97]))
    assert not any(map(rare_english_word, ["inmost", "usedfor", "ofthe", "bes", "", "z"]))


def test_a_rare_word_is_split_only_where_the_split_reads_as_glue_of_common_words() -> None:
    """A seeded sample of the size-95 list's words, each alone in a plain sentence: any that comes
    out split is split in two, a function word beside another one or beside a word of Zipf 5 or more."""
    import gzip
    import random
    from importlib import resources

    from textmend.fixers._wordlists import FUNCTION_WORDS
    from textmend.lexicon import zipf

    raw = (
        resources.files("textmend.fixers").joinpath("data").joinpath("en-dictionary-rare.txt.gz").read_bytes()
    )
    words = [w for line in gzip.decompress(raw).decode("ascii").splitlines()[2:] for w in line.split(" ")[1:]]
    function = FUNCTION_WORDS["en"]
    pipe = Pipeline(["words"])
    split = {}
    for word in random.Random(16).sample(words, 3_000):
        mended = pipe(f"They saw the {word} there.")
        if mended != f"They saw the {word} there.":
            split[word] = mended.removeprefix("They saw the ").removesuffix(" there.").split(" ")
    assert split  # glue the list holds ("agood") is still split
    for word, parts in split.items():
        assert len(parts) == 2 and "".join(parts) == word, (word, parts)
        assert any(p in function for p in parts), (word, parts)
        assert all(p in function or zipf(p, "en") >= 5.0 for p in parts), (word, parts)


def test_the_rare_list_is_read_only_by_a_process_that_splits_something() -> None:
    import subprocess
    import sys

    code = (
        "import textmend\n"
        "from textmend.fixers._dictionary import _rare_lines\n"
        "textmend.mend('A clean sentence, with nothing glued, about the inmost room.')\n"
        "print(_rare_lines.cache_info().currsize)\n"
        "textmend.mend('They were usedfor pain.')\n"
        "print(_rare_lines.cache_info().currsize)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["0", "1"]


def test_article_glue_is_read_by_the_word_after_it_in_every_form() -> None:
    """Every form of ``ARTICLE_GLUE``, in an English sentence, before each word of a list that takes the
    article, is split into its two words; before each word that does not (a function word, a pronoun,
    a preposition, a word with a vowel's sound, a word of the form's other languages, nothing) it stays.
    Each form is a word of some other language wordfreq knows, and rarer than Zipf 3 in English, as
    the table's comment says (so the domains benchmark glues it)."""
    from textmend.fixers._splitter import ARTICLE_GLUE, SHORT_GLUE
    from textmend.lexicon import available_languages, common_words, zipf

    pipe = Pipeline(["words"])
    sentence = "He said that the men had come {} to the house, and they were glad of it."
    takes = ["new", "great", "few", "very", "bunch", "guide", "single", "union", "leg", "dollar"]
    refuses = ["the", "his", "were", "like", "apple", "hour", "de", "muy", "bene", "tty"]
    for glued, parts in ARTICLE_GLUE.items():
        assert glued == "".join(parts) and parts[1] == "a"
        assert (len(glued) == 3) == (glued in SHORT_GLUE)
        assert zipf(glued) < 3.0
        assert any(glued in common_words(other) for other in sorted(available_languages() - {"en"}))
        for word in takes:
            text = sentence.format(f"{glued} {word}")
            assert pipe(text) == sentence.format(f"{' '.join(parts)} {word}"), (glued, word)
        for word in refuses:
            text = sentence.format(f"{glued} {word}")
            assert pipe(text) == text, (glued, word)
        end = f"He said that the men had come to the {glued}."
        assert pipe(end) == end


def test_a_participle_glued_to_what_follows_a_verb_is_split_for_every_follower() -> None:
    """Every word of ``_AFTER_PARTICIPLE`` glued after a participle (one :func:`is_participle` reads, one
    only the dictionary vouches for, a rare one) is split in a sentence; glued after a word in ``-ed`` or
    ``-ing`` that is no participle (``speed``, ``thing``, ``string`` of too short a stem) it is not read
    so."""
    from textmend.fixers._splitter import _AFTER_PARTICIPLE, Splitter, participle_split

    pipe = Pipeline(["words"])
    sentence = "He said that the men {} the house, and they were glad of it."
    splitter = Splitter()
    for follower in sorted(_AFTER_PARTICIPLE):
        for participle in ("raised", "appalled", "descried"):
            glued = participle + follower
            found = participle_split(splitter, glued)
            assert found is not None and found[0] == (participle, follower), glued
            text = sentence.format(glued)
            assert pipe(text) == sentence.format(f"{participle} {follower}"), glued
        for other in ("speed", "thing", "wing"):
            assert participle_split(splitter, other + follower) is None, other + follower


def test_a_plural_or_verb_in_s_glued_to_what_follows_it_is_split_for_every_follower() -> None:
    """Every follower of ``_AFTER_S_FORM`` glued after a plural or a verb in ``-s`` is split in a sentence;
    ``in`` and ``on``, which end names of proteins after an ``s`` (``kinesin``), are none of them, and a
    word in ``-ss``, ``-us`` or ``-is`` is no s-form."""
    from textmend.fixers._splitter import _AFTER_S_FORM, Splitter, s_form_split

    pipe = Pipeline(["words"])
    sentence = "He said that the men {} the house, and they were glad of it."
    splitter = Splitter()
    assert "in" not in _AFTER_S_FORM and "on" not in _AFTER_S_FORM and len(_AFTER_S_FORM) > 20
    for follower in _AFTER_S_FORM:
        for s_form in ("urges", "sheaths", "contrivances"):
            glued = s_form + follower
            found = s_form_split(splitter, glued)
            assert found is not None and found[0] == (s_form, follower), glued
            assert pipe(sentence.format(glued)) == sentence.format(f"{s_form} {follower}"), glued
        for other in ("compass", "cactus", "analysis"):
            assert s_form_split(splitter, other + follower) is None, other + follower
