"""``textmend.fit``: what it counts, map-reduce, the memory cap and its error bound, model files, the CLI."""

from __future__ import annotations

import builtins
import gzip
import json
import os
import pickle
import random
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

import textmend
from conftest import SAMPLE, run_cli
from textmend import CorpusModel, Findings, Fixer, ModelFileError, Pipeline, RecordError, register
from textmend.corpus.fitting import FitJob, fit_files
from textmend.corpus_model import MODEL_VERSION
from textmend.fitting import Fitter, damage_forms, pairs_of, pruned, site_of, tail_lines, words_of
from textmend.fixers.words import WordsFixer, glued_candidates
from textmend.model import Edit
from textmend.records import provenance

# -- what is counted ----------------------------------------------------------------------------------
TOKENS = [
    # (text, words, pairs, why)
    ("Take place here.", ["take", "place", "here"], ["take place", "place here"], "lowercased, side by side"),
    ("end. The", ["end", "the"], [], "no pair across a full stop"),
    ("one\ntwo", ["one", "two"], [], "no pair across a line break"),
    ("twelve  years\tlater", ["twelve", "years", "later"], ["twelve years", "years later"], "blanks are one"),
    ("no\u00a0break", ["no", "break"], ["no break"], "a no-break space is a space"),
    ("covid19 test", ["test"], [], "a token with a digit is no word, and no pair spans it"),
    ("snake_case value", ["value"], [], "nor one with an underscore"),
    ("don't go", ["don", "t", "go"], ["t go"], "an apostrophe parts words"),
    ("well-known fact", ["well", "known", "fact"], ["known fact"], "so does a hyphen"),
    (
        "See https://rust-lang.org now",
        ["see", "https", "rust", "lang", "org", "now"],
        ["see https", "org now"],
        "URLs: words as any",
    ),
    ("x" * 41 + " tail", ["tail"], [], "a run longer than any word the fixer reads is not counted"),
    ("Straße café", ["straße", "café"], ["straße café"], "letters of any script"),
    ("", [], [], "empty"),
]


@pytest.mark.parametrize(
    ("text", "words", "pairs"), [row[:3] for row in TOKENS], ids=[row[3] for row in TOKENS]
)
def test_words_and_pairs_are_counted_as_the_table_says(text: str, words: list[str], pairs: list[str]) -> None:
    assert words_of(text) == words
    assert pairs_of(text) == pairs
    model = textmend.fit([text])
    assert dict(model.words) == dict(Counter(words))
    assert dict(model.pairs) == dict(Counter(tuple(pair.split(" ")) for pair in pairs))


GLUED_TEXTS = [
    "Pain relief is what they are usedfor in therapy; readmore at the end.",
    "The twelveyears of highoffice did not takeplace, saidthe report (p < 0.05).",
    "Ärzte sagen: dasist gut. Les médecins disent: cestbon.",
    SAMPLE.read_text(encoding="utf-8"),
]


@pytest.mark.parametrize("text", GLUED_TEXTS, ids=range(len(GLUED_TEXTS)))
def test_every_token_the_words_fixer_may_split_is_a_word_the_model_counts(text: str) -> None:
    """The model counts a glued token under the very string the words fixer looks up."""
    splitter = WordsFixer().splitter
    candidates = [match.group() for match in glued_candidates(splitter, text, latin1=False)]
    counted = Counter(words_of(text))
    assert all(counted[token] >= 1 for token in candidates)
    if "usedfor" in text:
        assert "usedfor" in candidates


def test_titles_come_from_the_title_field_or_else_from_the_titles_fixer() -> None:
    model = textmend.fit(
        [
            {"text": "Body.", "title": "Cats Purr"},
            "Why Cats Purr\nWhy Cats 'Purr'\nBody text here.",
            {"text": "Body.", "title": 7},  # not a string: no title
        ]
    )
    assert model.title_count("cats purr!") == 1
    assert model.is_title("Why Cats 'Purr'")
    assert sum(model.titles.values()) == 2


def test_a_line_longer_than_a_title_line_is_never_counted_nor_looked_up() -> None:
    # A paragraph is no title even where spaces make its normal form one's: the fit never counts such a
    # line, and the model does not normalise one to look it up (the teasers step asks of every last line).
    from textmend.corpus_model import MAX_TITLE_LINE

    spaced = "Cats" + " " * MAX_TITLE_LINE + "Purr"
    model = textmend.fit(
        [{"text": "Body.\n\nRead more", "title": "Cats Purr"}] * 2 + [spaced + "\n\nRead more"]
    )
    assert model.title_count("Cats Purr") == 2 and model.title_count(spaced) == 0
    assert model.tail_count("Read more") == 3 and model.tail_count("Read more" + " " * MAX_TITLE_LINE) == 0
    assert model.tail_count(spaced) == 0


def test_a_doubled_title_counts_its_words_once() -> None:
    model = textmend.fit(["Why Cats Purr\nWhy Cats 'Purr'\nBody text here."])
    assert model.count("purr") == 1


def test_sites_are_the_hosts_of_the_url_field() -> None:
    records = [
        {"text": "a", "url": "https://www.Example.org/news/1"},
        {"text": "b", "url": "http://example.org/2"},
        {"text": "c", "link": "blog.example.net/x"},
        {"text": "d", "url": None},
    ]
    assert dict(textmend.fit(records).sites) == {"example.org": 2}
    assert dict(textmend.fit(records, site_field="link").sites) == {"blog.example.net": 1}
    assert site_of("http://[::1") == "http://[::1"  # malformed: kept as given, never an exception


def test_tails_are_the_lines_of_each_documents_last_block_once_each() -> None:
    footer = "\n\nRead more\nSubscribe to our newsletter\nRead more"
    model = textmend.fit([f"Story {n} is here.{footer}" for n in range(5)] + ["No footer."])
    assert model.tail_count("Read more") == 5 and model.tail_count("subscribe to our newsletter.") == 5
    assert model.tail_count("Story 1 is here.") == 0
    assert tail_lines("one line") == {"one line"}
    assert tail_lines("a\n" + "\n".join(f"line {n}" for n in range(20))) == {
        f"line {n}" for n in range(12, 20)
    }


DAMAGED = [
    "Letrsquo;s go",
    "Fish amp; chips",
    "Rock andamp; roll, andnbsp;them",
    "Clean text.",
    "a copy; not",
]


def test_entity_damage_is_what_the_entities_fixer_repairs_by_form() -> None:
    expected: Counter[str] = Counter()
    for text in DAMAGED:
        expected.update(damage_forms(Pipeline(["entities"]).mend_document(text).changes))
    model = textmend.fit(DAMAGED)
    assert dict(model.damage) == dict(expected)
    assert model.damage["dropped"] >= 1


def test_words_are_read_after_the_entity_repair() -> None:
    model = textmend.fit(["Letrsquo;s go"])
    assert model.count("letrsquo") == 0 and model.count("let") == 1


def test_a_mended_document_is_fitted_from_its_fields() -> None:
    document = textmend.mend_document("Letrsquo;s go")
    model = textmend.fit([document])
    assert model.count("let") == 1 and model.damage["dropped"] == 1 and model.documents == 1


def test_fit_changes_nothing_and_reads_a_generator_once() -> None:
    records = [{"text": "Letrsquo;s go", "title": "T"}]
    before = json.dumps(records)
    generated = (record for record in records)
    model = textmend.fit(generated)
    assert json.dumps(records) == before and model.documents == 1 and list(generated) == []


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ("a whole text", r"not a single str .*fit\(\[text\]\)"),
        (b"bytes", "not a single bytes"),
        ({"text": "a record"}, "not a single dict"),
        (textmend.mend_document("a document"), "not a single Document"),
        ([3], "not int"),
    ],
    ids=["str", "bytes", "record", "document", "int item"],
)
def test_fit_refuses_what_is_not_an_iterable_of_texts(texts: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        textmend.fit(texts)


def test_a_bad_record_is_refused_with_its_position() -> None:
    with pytest.raises(RecordError, match=r"item 1: no 'text' field \(fields here: 'body'\)"):
        textmend.fit([{"text": "ok"}, {"body": "x"}])
    with pytest.raises(RecordError, match="item 0: field 'text' must be a string, not int"):
        textmend.fit([{"text": 5}])
    assert textmend.fit([{"body": "rustup"}], text_field="body").count("rustup") == 1


@pytest.mark.parametrize("cap", [0, -1, 1.5, True])
def test_caps_must_be_whole_numbers_of_at_least_one(cap: Any) -> None:
    with pytest.raises(ValueError, match="max_words must be a whole number of at least 1"):
        textmend.fit([], max_words=cap)


# -- map-reduce -----------------------------------------------------------------------------------------
_PIECES = [
    "the",
    "tool",
    "Rustup",
    "take",
    "place",
    "covid19",
    "Letrsquo;s",
    "amp;",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    ". ",
    ", ",
    "\t",
]
_texts = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)
_documents = st.one_of(
    _texts,
    st.fixed_dictionaries(
        {"text": _texts},
        optional={
            "title": st.sampled_from(["Cats Purr", "Dogs Bark", ""]),
            "url": st.sampled_from(["https://a.org/1", "b.net"]),
        },
    ),
)
_corpora = st.lists(_documents, max_size=6)


@given(_corpora, _corpora)
def test_fitting_two_parts_and_merging_equals_fitting_the_whole(a: list[Any], b: list[Any]) -> None:
    assert textmend.fit(a + b) == textmend.fit(a).merge(textmend.fit(b))


_counts = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.integers(1, 9), max_size=4)
_models = st.builds(
    lambda words, titles, docs, pruned: CorpusModel.from_counts(
        words=words,
        word_documents=words,
        pairs={(w, "x"): n for w, n in words.items()},
        titles=titles,
        documents=docs,
        pruned=pruned,
    ),
    _counts,
    _counts,
    st.integers(0, 5),
    st.integers(0, 3),
)


@given(_models, _models, _models)
def test_merge_is_associative_and_commutative(a: CorpusModel, b: CorpusModel, c: CorpusModel) -> None:
    assert a.merge(b) == b.merge(a)
    assert a.merge(b).merge(c) == a.merge(b.merge(c))
    assert a.merge(CorpusModel()) == a
    assert a.merge(b).pruned == a.pruned + b.pruned  # a count can be short by both bounds


# -- the cap and the error bound ----------------------------------------------------------------------
def _assert_within_bound(model: CorpusModel, exact: CorpusModel) -> None:
    for table in ("words", "word_documents", "pairs", "titles", "tails", "sites"):
        kept, true = getattr(model, table), getattr(exact, table)
        for key, count in true.items():
            assert true[key] - model.pruned <= kept.get(key, 0) <= count, (table, key)
        assert set(kept) <= set(true)


@given(st.lists(_documents, max_size=30), st.integers(1, 4), st.integers(1, 4), st.integers(1, 3))
def test_every_pruned_count_is_within_the_bound_of_the_true_count(
    corpus: list[Any], max_words: int, max_pairs: int, max_titles: int
) -> None:
    exact = textmend.fit(corpus)
    model = textmend.fit(corpus, max_words=max_words, max_pairs=max_pairs, max_titles=max_titles)
    assert len(model.words) <= max_words and len(model.pairs) <= max_pairs
    assert max(len(model.titles), len(model.tails), len(model.sites)) <= max_titles
    assert set(model.word_documents) == set(model.words)
    assert (model.documents, model.tokens) == (exact.documents, exact.tokens)
    _assert_within_bound(model, exact)


@given(st.lists(_documents, max_size=12), st.lists(_documents, max_size=12))
def test_merging_pruned_models_keeps_the_bound(a: list[Any], b: list[Any]) -> None:
    merged = textmend.fit(a, max_words=2, max_pairs=2, max_titles=1).merge(
        textmend.fit(b, max_words=2, max_pairs=2)
    )
    _assert_within_bound(merged, textmend.fit(a + b))
    fitter = Fitter(max_words=2, max_pairs=2, max_titles=1)
    fitter.update(merged)
    _assert_within_bound(fitter.model(), textmend.fit(a + b))
    assert len(fitter.model().words) <= 2


def test_pruning_drops_every_key_counted_no_more_than_the_caps_count() -> None:
    assert pruned(Counter({"a": 5, "c": 3, "b": 3, "d": 1}), 2) == (Counter({"a": 5, "b": 3}), 3)
    assert pruned(Counter({"a": 1}), 2) == (Counter({"a": 1}), 0)


def _zipf_documents(tokens: int, vocabulary: int, per_document: int, seed: int = 16) -> Iterator[str]:
    """Documents of synthetic words (letters only) drawn with Zipf weights 1/rank."""
    rng = random.Random(seed)
    letters = string.ascii_lowercase

    def word(rank: int) -> str:
        out = "q"
        while True:
            rank, digit = divmod(rank, 26)
            out += letters[digit]
            if not rank:
                return out

    words = [word(rank) for rank in range(vocabulary)]
    weights = [1 / (rank + 1) for rank in range(vocabulary)]
    cumulative = list(__import__("itertools").accumulate(weights))
    for _ in range(tokens // per_document):
        yield " ".join(rng.choices(words, cum_weights=cumulative, k=per_document))


@pytest.mark.cost
def test_a_million_zipf_tokens_fit_within_the_caps() -> None:
    model = textmend.fit(_zipf_documents(1_000_000, 200_000, 2000), max_words=5_000, max_pairs=20_000)
    assert model.tokens == 1_000_000 and model.documents == 500
    assert len(model.words) <= 5_000 and len(model.pairs) <= 20_000
    # The most common words are kept, each within the bound: "qa" (rank 0) is about 1/12.8 of the tokens.
    top = model.most_common(3)
    assert [word for word, _ in top] == ["qa", "qb", "qc"]
    assert 70_000 < top[0][1] < 85_000
    assert 0 < model.pruned < top[2][1] / 100  # pruning happened, and the bound is small beside them


# -- model files ------------------------------------------------------------------------------------------
@pytest.fixture
def model() -> CorpusModel:
    return textmend.fit(
        [
            {
                "text": "The rustup tool. Letrsquo;s take place.",
                "title": "Rustup",
                "url": "https://rust.example/a",
            }
        ]
        + ["Another rustup text.\n\nRead more"] * 3
    )


def test_a_saved_model_loads_equal_and_the_file_is_the_same_for_the_same_model(
    model: CorpusModel, tmp_path: Path
) -> None:
    path = tmp_path / "news.textmend"
    model.save(path)
    loaded = textmend.load_model(path)
    assert loaded == model and loaded.digest == model.digest and loaded.pair("take", "place") == 1
    again = tmp_path / "again.textmend"
    textmend.save_model(loaded, again)
    assert path.read_bytes() == again.read_bytes()
    data = json.loads(gzip.decompress(path.read_bytes()))
    assert (data["format"], data["version"], data["textmend"]) == ("textmend-model", 1, textmend.__version__)
    assert data["digest"] == model.digest and data["model"]["pairs"]["take place"] == 1
    assert sorted(os.listdir(tmp_path)) == ["again.textmend", "news.textmend"]  # no temporary file left


def test_plain_json_of_the_same_content_loads_too(model: CorpusModel, tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_bytes(gzip.decompress(model.to_bytes()))
    assert textmend.load_model(path) == model


def test_a_failed_save_leaves_the_old_file_as_it_was(
    model: CorpusModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.textmend"
    path.write_bytes(b"old")

    def broken(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        model.save(path)
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["m.textmend"]


class _Trap:
    """Unpickling this creates a file: a stand-in for a pickle that runs code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> Any:
        return (builtins.open, (str(self.marker), "w"))


def _file(model: CorpusModel, change: Any) -> bytes:
    data = json.loads(gzip.decompress(model.to_bytes()))
    change(data)
    return gzip.compress(json.dumps(data).encode())


def _version_2(data: dict[str, Any]) -> None:
    data["version"] = 2
    data["textmend"] = "9.0"


def _bad_count(data: dict[str, Any]) -> None:
    data["model"]["words"]["rustup"] = "many"


def _edited(data: dict[str, Any]) -> None:
    data["model"]["words"]["rustup"] += 1


REFUSED = [
    (
        lambda m: _file(m, _version_2),
        r"format version 2 \(written by textmend 9.0\); this textmend .* reads version 1",
    ),
    (lambda m: _file(m, _bad_count), r"'words' table has 'rustup': 'many', not a count; the file is damaged"),
    (lambda m: _file(m, _edited), "do not match the digest it was saved with"),
    (lambda m: m.to_bytes()[:40], "the gzip data is damaged or cut short"),
    (lambda m: b"\x00\x01 not a model", "not a textmend model .not JSON"),
    (lambda m: json.dumps({"words": {"a": 1}}).encode(), "its format is None, not 'textmend-model'"),
    (lambda m: b"[1, 2]", "its format is 'list'"),
    (lambda m: pickle.dumps(m), "looks like a Python pickle; textmend never loads pickles"),
]


@pytest.mark.parametrize(
    ("content", "message"),
    REFUSED,
    ids=[
        "other version",
        "not a count",
        "edited",
        "truncated",
        "garbage",
        "other JSON",
        "JSON array",
        "pickle",
    ],
)
def test_a_file_this_version_cannot_read_is_refused_with_what_where_and_the_way_out(
    model: CorpusModel, tmp_path: Path, content: Any, message: str
) -> None:
    path = tmp_path / "bad.textmend"
    path.write_bytes(content(model))
    with pytest.raises(ModelFileError, match=message) as raised:
        textmend.load_model(path)
    assert str(raised.value).startswith(f"{path}: ") and isinstance(raised.value, ValueError)
    assert MODEL_VERSION == 1


def test_a_pickle_in_a_model_file_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "evil.textmend"
    path.write_bytes(pickle.dumps(_Trap(marker)))
    with pytest.raises(ModelFileError, match="pickle"):
        textmend.load_model(path)
    assert not marker.exists()


def test_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match=r"missing.textmend: cannot read the model file \(No such file"):
        textmend.load_model(tmp_path / "missing.textmend")


def test_models_and_fitters_pickle_for_worker_processes(model: CorpusModel) -> None:
    assert pickle.loads(pickle.dumps(model)) == model
    fitter = Fitter()
    fitter.add("The rustup tool.")
    again = pickle.loads(pickle.dumps(fitter))
    assert again.model() == fitter.model()


def test_the_summary_and_most_common_words_are_there_to_read(model: CorpusModel) -> None:
    assert model.most_common(1) == [("rustup", 4)]
    assert model.most_common(1, "sites") == [("rust.example", 1)]
    text = model.summary()
    assert text.startswith("4 documents, ") and "exact counts" in text and "rustup 4" in text
    with pytest.raises(ValueError, match="no table 'colours'"):
        model.most_common(1, "colours")


# -- with a pipeline ------------------------------------------------------------------------------------
@register
@dataclass(frozen=True)
class CorpusSpelling(Fixer):
    """Write 'colour' as the corpus does, when it has a model (a stand-in for a corpus-aware fixer)."""

    name: ClassVar[str] = "test_corpus_spelling"
    model: CorpusModel | None = None

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        if self.model is None or self.model.count("color") <= self.model.count("colour"):
            return
        at = text.find("colour")
        if at >= 0:
            yield Edit(
                at, at + 6, "color", "the corpus writes 'color'", "test/spelling", {"corpus_count": 2.0}
            )


def test_with_model_reaches_fixers_with_a_model_field_and_provenance_names_it(tmp_path: Path) -> None:
    model = textmend.fit(["The color is red.", "A color."])
    pipeline = Pipeline(["entities", "test_corpus_spelling"])
    assert pipeline("The colour") == "The colour"
    fitted = pipeline.with_model(model)
    assert fitted("The colour") == "The color" and pipeline("The colour") == "The colour"
    about = provenance(fitted)
    assert about["model"] == {"digest": model.digest, "documents": 2, "tokens": 6}
    assert about["steps"][1]["options"] == {"model": f"CorpusModel({model.digest})"}
    assert "model" not in provenance(pipeline)
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "The colour"}\n', encoding="utf-8")
    report = textmend.corpus.mend_file(str(source), str(tmp_path / "out.jsonl"), pipeline=fitted)
    sidecar = json.loads((tmp_path / "out.jsonl.textmend.json").read_text(encoding="utf-8"))
    assert report.written == 1 and sidecar["model"]["digest"] == model.digest


def test_explain_prints_the_evidence_and_the_model() -> None:
    import io

    from textmend.cli.mend import explain
    from textmend.cli.options import model_line

    model = textmend.fit(["The color is red.", "A color."])
    pipeline = Pipeline(["test_corpus_spelling"]).with_model(model)
    out = io.StringIO()
    explain("The colour", pipeline.mend_document("The colour").changes, out)
    assert out.getvalue() == (
        "1:5 test_corpus_spelling test/spelling: 'colour' -> 'color'  (the corpus writes 'color')"
        "  [corpus_count=2]\n"
    )
    assert model_line(pipeline) == f"# model {model.digest} (2 documents, 6 tokens)\n"
    assert model_line(Pipeline(["entities"])) == ""


# -- corpus files and the command line -------------------------------------------------------------------
def _records(count: int) -> list[dict[str, Any]]:
    rng = random.Random(7)
    vocabulary = ["rustup", "tool", "take", "place", "the", "cargo", "crate", "build", "Letrsquo;s", "go"]
    return [
        {
            "id": n,
            "text": " ".join(rng.choices(vocabulary, k=12)) + ".",
            "title": f"Story {n % 40}",
            "url": f"https://s{n % 3}.example/{n}",
        }
        for n in range(count)
    ]


def _write_jsonl(path: Path, records: list[dict[str, Any]], extra: str = "") -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + extra, encoding="utf-8")
    return path


def test_fitting_files_in_chunks_and_workers_equals_fitting_the_records(tmp_path: Path) -> None:
    records = _records(2500)  # two chunks
    source = _write_jsonl(tmp_path / "in.jsonl", records)
    expected = textmend.fit(records)
    alone, report = fit_files([str(source)])
    assert alone == expected and (report.records, report.written, report.skipped) == (2500, 2500, 0)
    workers, _ = fit_files([str(source)], workers=2, job=FitJob(max_words=5))
    assert len(workers.words) <= 5 and workers.pruned > 0


def test_fit_then_clean_with_the_model_through_the_command_line(tmp_path: Path) -> None:
    records = _records(300)
    source = _write_jsonl(tmp_path / "in.jsonl", records)
    model_path = tmp_path / "corpus.textmend"
    result = run_cli("fit", str(source), "-o", str(model_path), "--workers", "2")
    assert result.returncode == 0, result.stderr.decode()
    assert textmend.load_model(model_path) == textmend.fit(records)
    assert f"wrote {model_path}" in result.stderr.decode() and "300 documents" in result.stderr.decode()
    out = tmp_path / "out.jsonl"
    cleaned = run_cli("clean", str(source), "-o", str(out), "--model", str(model_path), "--prefix", "tm_")
    assert cleaned.returncode == 0, cleaned.stderr.decode()
    assert len(out.read_text(encoding="utf-8").splitlines()) == 300
    _check_model_in_sidecar(out, textmend.load_model(model_path))


def _check_model_in_sidecar(out: Path, model: CorpusModel) -> None:
    """The sidecar names the model exactly when a default fixer consults one."""
    sidecar = json.loads(Path(f"{out}.textmend.json").read_text(encoding="utf-8"))
    consults = any(hasattr(step.fixer, "model") for step in textmend.DEFAULT.steps)
    assert sidecar.get("model", {}).get("digest") == (model.digest if consults else None)


def test_clean_fit_fits_on_the_input_first(tmp_path: Path) -> None:
    records = _records(50)
    source = _write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    result = run_cli("clean", str(source), "-o", str(out), "--fit", "--prefix", "tm_")
    assert result.returncode == 0, result.stderr.decode()
    _check_model_in_sidecar(out, textmend.fit(records))


def test_clean_fit_refuses_stdin_and_a_bad_model_file_is_one_line(tmp_path: Path) -> None:
    result = run_cli("clean", "-", "-o", str(tmp_path / "out.jsonl"), "--fit", stdin=b'{"text": "a"}\n')
    assert result.returncode == 2
    assert (
        result.stderr.decode().startswith("textmend: --fit reads IN twice")
        and not (tmp_path / "out.jsonl").exists()
    )
    junk = tmp_path / "junk.textmend"
    junk.write_bytes(b"junk")
    source = _write_jsonl(tmp_path / "in.jsonl", _records(3))
    result = run_cli("clean", str(source), "-o", str(tmp_path / "out.jsonl"), "--model", str(junk))
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"textmend: {junk}: not a textmend model (not JSON: Expecting value: line 1 column 1 (char 0)); "
        "give a file that `textmend fit` or CorpusModel.save wrote\n"
    )


def test_a_bad_record_is_reported_with_file_and_line(tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", _records(2), extra='not json\n{"body": "x"}\n')
    model_path = tmp_path / "m.textmend"
    failed = run_cli("fit", str(source), "-o", str(model_path))
    assert failed.returncode == 1 and not model_path.exists()
    assert failed.stderr.decode() == (
        f"textmend: {source}:3: invalid JSON: Expecting value at column 1; no model was written."
        " Fix that record, or add --on-error skip to report bad records and go on\n"
    )
    skipped = run_cli("fit", str(source), "-o", str(model_path), "--on-error", "skip", "--max-errors", "2")
    assert skipped.returncode == 3 and textmend.load_model(model_path).documents == 2
    lines = skipped.stderr.decode().splitlines()
    assert lines[0] == f"textmend: {source}:3: invalid JSON: Expecting value at column 1 (skipped)"
    assert lines[1].startswith(f"textmend: {source}:4: no 'text' field (fields here: 'body')")
    assert lines[-1] == "textmend: skipped 2 of 4 records; the model was fitted on the rest"


def test_fit_refuses_an_output_it_cannot_write_before_reading(tmp_path: Path) -> None:
    result = run_cli("fit", "never-read.jsonl", "-o", str(tmp_path / "no" / "m.textmend"))
    assert result.returncode == 2 and "does not exist; create it or write elsewhere" in result.stderr.decode()


def test_mend_explain_shows_the_evidence_numbers(tmp_path: Path) -> None:
    model_path = tmp_path / "m.textmend"
    textmend.fit(["They are used for pain."]).save(model_path)
    result = run_cli("mend", "--explain", "--model", str(model_path), "-", stdin=b"They are usedfor pain.")
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 0 and "junction=" in lines[-1] and "words/glued" in lines[-1]
    consults = any(hasattr(step.fixer, "model") for step in textmend.DEFAULT.steps)
    assert lines[0].startswith("# model ") == consults
