"""Inputs on which mending once was not mending for good (found by fuzzing): each mends, then stays."""

from __future__ import annotations

import pytest

import textmend
from conftest import load_cases
from textmend import apply_changes, revert_changes


@pytest.mark.parametrize("case", load_cases("idempotence"))
def test_mends_to_expected_and_a_second_run_changes_nothing(case: dict[str, str]) -> None:
    document = textmend.mend_document(case["input"])
    assert document.text == case["expected"], case["why"]
    assert textmend.mend(document.text) == document.text, case["why"]
    assert apply_changes(case["input"], document.changes) == document.text
    assert revert_changes(document.text, document.changes) == case["input"]


def test_a_teaser_whose_title_words_splits_is_found_in_the_same_run() -> None:
    once = textmend.mend("Body text here.\n-\nbig usedfor\nbig used for more words")
    assert textmend.mend(once) == once
