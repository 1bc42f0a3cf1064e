"""A corpus model's damage form decides ambiguous entity repairs (issue #16): rows with and without one."""

from __future__ import annotations

import pytest

import textmend
from textmend.corpus_model import CorpusModel
from textmend.fixers.entities import EntityFixer

SPACE = CorpusModel.from_counts(damage={"space": 90, "dropped": 10})
DROPPED = CorpusModel.from_counts(damage={"dropped": 90, "space": 5, "and": 5})
FEW = CorpusModel.from_counts(damage={"space": 5})  # too few repairs seen to decide anything
MIXED = CorpusModel.from_counts(damage={"space": 40, "dropped": 40, "and": 20})  # no clear majority

# (input, expected with SPACE, expected with DROPPED, why); every row comes out unchanged without a
# model, with FEW and with MIXED.
ROWS = [
    ("issue #39; then", "issue' then", "issue #39; then", "space corpus: #39; between words"),
    ("the firm #39; staff", "the firm' staff", "the firm #39; staff", "space corpus: a singular too"),
    ("He said hi#8221; then", "He said hi#8221; then", "He said hi\u201d then", "dropped corpus: glued"),
    ("the end#39; of it", "the end#39; of it", "the end' of it", "dropped corpus: glued to the left"),
    (
        "see issues #38, #39; and more",
        "see issues #38, #39; and more",
        "see issues #38, #39; and more",
        "look-alike: a list of issue numbers, after a comma",
    ),
    (
        "a copy; not the original",
        "a copy; not the original",
        "a copy; not the original",
        "look-alike: prose with a semicolon",
    ),
    ("x amp; y", "x amp; y", "x amp; y", "look-alike: amp between lowercase words"),
    ("page #39; 4", "page #39; 4", "page #39; 4", "look-alike: before a number"),
    ("PR#147; was merged", "PR#147; was merged", "PR\u201c was merged", "dropped corpus: glued number"),
]


@pytest.mark.parametrize(("text", "space", "dropped", "why"), ROWS, ids=[row[3] for row in ROWS])
def test_the_corpus_damage_form_decides(text: str, space: str, dropped: str, why: str) -> None:
    for model in (None, FEW, MIXED):
        assert textmend.DEFAULT.with_model(model)(text) == text, why
    for model, expected in ((SPACE, space), (DROPPED, dropped)):
        pipeline = textmend.DEFAULT.with_model(model)
        document = pipeline.mend_document(text)
        assert document.text == expected, why
        assert pipeline(document.text) == document.text  # settled: the model decides alike again
        decided = [c for c in document.changes if "entities" in c.fixers]
        assert all(c.evidence["corpus_damage_share"] == 0.9 for c in decided)


AND = CorpusModel.from_counts(damage={"and": 90, "dropped": 10})
# (input, expected with AND, why); every row comes out unchanged without a model and with the others.
AND_ROWS = [
    (
        "the ratio andtimes; ten",
        "the ratio \u00d7 ten",
        "and corpus: a word's name after 'and', between words",
    ),
    ("cut andcopy; here", "cut \u00a9 here", "and corpus: copy too"),
    ("He lit a candle; then", "He lit a candle; then", "look-alike: the tail of a word ('c', 'and', 'le;')"),
    ("bread and; butter", "bread and; butter", "look-alike: the word 'and' before a semicolon"),
]


@pytest.mark.parametrize(("text", "expected", "why"), AND_ROWS, ids=[row[2] for row in AND_ROWS])
def test_an_and_corpus_decides_word_names_after_and(text: str, expected: str, why: str) -> None:
    for model in (None, FEW, MIXED, SPACE, DROPPED):
        assert textmend.DEFAULT.with_model(model)(text) == text, why
    pipeline = textmend.DEFAULT.with_model(AND)
    document = pipeline.mend_document(text)
    assert document.text == expected, why
    assert pipeline(document.text) == document.text
    assert all(c.evidence["corpus_damage_share"] == 0.9 for c in document.changes if "entities" in c.fixers)


def test_without_a_model_no_change_carries_a_corpus_share() -> None:
    document = textmend.mend_document("Letrsquo;s see the makers #39; union")
    assert document.text == "Let\u2019s see the makers' union"
    assert not any("corpus_damage_share" in change.evidence for change in document.changes)


def test_document_evidence_decides_before_the_model() -> None:
    # The document shows its own damage ("doesn #39;t" is &->space): its repairs carry no corpus share.
    document = textmend.DEFAULT.with_model(SPACE).mend_document("It doesn #39;t matter")
    assert document.text == "It doesn't matter"
    assert "corpus_damage_share" not in document.changes[0].evidence


def test_with_model_sets_the_entity_fixer_option() -> None:
    assert textmend.DEFAULT.with_model(SPACE)["entities"] == EntityFixer(model=SPACE)
    assert textmend.DEFAULT.with_model(SPACE).with_model(None)["entities"] == EntityFixer()


def test_a_repair_run_of_one_name_is_one_change_and_different_names_are_not() -> None:
    document = textmend.mend_document("caf eacute;teacute; lt;lt;lt;x")
    entity = [c for c in document.changes if "entities" in c.fixers]
    assert [c.before for c in entity] == ["eacute;", "eacute;", "lt;lt;lt;"]
    assert textmend.revert_changes(document.text, document.changes) == "caf eacute;teacute; lt;lt;lt;x"
