"""The full table: every HTML5 entity name (with and without ``;``) and every numeric form, in every
damage form and context, with and without other damage in the document (about 51k texts per form).
``make test-versions`` shares the cases out among the other Pythons (:func:`shared_cases`).

One test per (form, context, other damage) loops over every reference and reports all failures
together. The criteria: no exception, a second ``mend`` changes nothing, and the changes rebuild the
output from the input and the input from the output.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

import textmend
from entity_table import CONTEXTS, FORMS, REFERENCES, texts
from textmend import apply_changes, revert_changes

#: How many failures of one test are shown in full.
SHOWN = 20


def failure(text: str) -> str | None:
    """What is wrong with mending ``text``, or ``None``."""
    try:
        document = textmend.mend_document(text)
        if not document.changes:
            return None  # nothing changed: mending again is mending the input again
        if apply_changes(text, document.changes) != document.text:
            return "the changes do not rebuild the output"
        if revert_changes(document.text, document.changes) != text:
            return "the changes do not revert to the input"
        again = textmend.mend(document.text)
        if again != document.text:
            return f"not settled: {document.text!r} -> {again!r}"
    except Exception as error:  # every exception is a failure to report, with its text
        return f"raised {error!r}"
    return None


def shared_cases() -> list[Any]:
    """Every (form, context, other damage), or under ``TEXTMEND_TABLE_SHARE=K/N`` every N-th from the
    K-th: ``make test-versions`` shares the table out among the other Pythons, so that each case runs
    on the main Python (``make test``) and on one other."""
    cases = [
        pytest.param(
            form,
            context,
            other_damage,
            id=f"{form}-{context}-{'with other damage' if other_damage else 'alone'}",
        )
        for form in FORMS
        for context in CONTEXTS
        for other_damage in (False, True)
    ]
    share = os.environ.get("TEXTMEND_TABLE_SHARE")
    if not share:
        return cases
    first, step = (int(number) for number in share.split("/"))
    return cases[first::step]


@pytest.mark.parametrize(("form", "context", "other_damage"), shared_cases())
def test_every_reference_mends_without_error_exactly_and_settled(
    form: str, context: str, other_damage: bool
) -> None:
    failures = []
    for reference, text in texts(form, context, other_damage):
        problem = failure(text)
        if problem is not None:
            failures.append(f"{reference!r} in {text!r}: {problem}")
    shown = "\n".join(failures[:SHOWN])
    assert not failures, f"{len(failures)} of {len(REFERENCES)} references fail:\n{shown}"
