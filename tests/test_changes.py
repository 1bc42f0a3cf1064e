"""Change bookkeeping: edits of successive fixers fold into exact changes against the input."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

import textmend
from textmend import Change, Document, Edit, apply_changes, revert_changes
from textmend.changes import apply_edits, check_edits, compose


@st.composite
def edit_lists(draw: st.DrawFn, text: str) -> list[Edit]:
    """Non-overlapping edits to ``text``: replacements, insertions and deletions."""
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8, unique=True)))
    edits = []
    for start, end in zip(points[::2], points[1::2], strict=False):
        after = draw(st.text(alphabet="xyz ", max_size=3))
        edits.append(Edit(start, end, after))
    return edits


@given(st.data(), st.text(alphabet="abcd\n", max_size=30), st.integers(1, 4))
def test_composed_changes_rebuild_both_texts(data: st.DataObject, original: str, rounds: int) -> None:
    current = original
    changes: list[Change] = []
    for round_number in range(rounds):
        edits = check_edits(current, data.draw(edit_lists(current)), f"f{round_number}")
        changes = compose(original, current, changes, edits, f"f{round_number}")
        current = apply_edits(current, edits)
        assert apply_changes(original, changes) == current
        assert revert_changes(current, changes) == original
        for left, right in itertools.pairwise(changes):
            assert left.end <= right.start
        for change in changes:
            assert original[change.start : change.end] == change.before != change.after


def test_touching_edits_merge_and_name_both_fixers() -> None:
    original = "Letrsquo;s"
    first = [Edit(3, 9, "\u2019")]
    changes = compose(original, original, [], first, "entities")
    current = apply_edits(original, first)
    changes = compose(original, current, changes, [Edit(3, 4, "'")], "ascii")
    assert changes == [Change("entities+ascii", 3, 9, "rsquo;", "'")]
    assert changes[0].fixers == ("entities", "ascii")


def test_an_edit_undone_later_leaves_no_change() -> None:
    changes = compose("ab", "ab", [], [Edit(0, 1, "x")], "f")
    assert compose("ab", "xb", changes, [Edit(0, 1, "a")], "g") == []


def test_compose_carries_kind_and_evidence_and_joins_them_where_fixers_meet() -> None:
    text = "abc"
    first = compose(text, text, [], [Edit(1, 2, "X", "one", "first/kind", {"a": 1.0})], "first")
    assert first == [Change("first", 1, 2, "b", "X", "one", "first/kind", {"a": 1.0})]
    second = compose(text, "aXc", first, [Edit(1, 2, "Y", "two", "second/kind", {"b": 2.0})], "second")
    assert second == [
        Change("first+second", 1, 2, "b", "Y", "one; two", "first/kind+second/kind", {"a": 1.0, "b": 2.0})
    ]
    assert second[0].kinds == ("first/kind", "second/kind")


def test_document_from_dict_reads_back_what_to_dict_wrote() -> None:
    document = textmend.mend_document("Letrsquo;s see how they are usedfor pain.")
    again = Document.from_dict(document.to_dict())
    assert again == document
    assert textmend.revert_changes(again.text, again.changes) == "Letrsquo;s see how they are usedfor pain."
