"""Bookkeeping of edits: fold each fixer's edits into changes against the original input.

Every fixer sees the text the previous fixer produced and proposes :class:`~textmend.model.Edit`
objects in that text's coordinates. :func:`compose` maps them back onto the original input, merging
an edit with an earlier change where the two touch, so that the final change list is sorted,
non-overlapping and exact: ``apply_changes(input, changes) == output`` and
``revert_changes(output, changes) == input``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .errors import FixerError
from .model import Change, Edit

__all__ = ["apply_changes", "apply_edits", "check_edits", "compose", "revert_changes"]


def check_edits(text: str, edits: Iterable[Edit], fixer: str) -> list[Edit]:
    """Sort ``edits``, drop no-ops, and check that they fit ``text`` and do not overlap."""
    ordered = sorted(
        (edit for edit in edits if text[edit.start : edit.end] != edit.after),
        key=lambda edit: (edit.start, edit.end),
    )
    previous: Edit | None = None
    for edit in ordered:
        if not 0 <= edit.start <= edit.end <= len(text):
            raise FixerError(f"fixer {fixer!r} proposed an edit outside the text: {edit!r}")
        if previous is not None and (
            previous.end > edit.start or previous.start == previous.end == edit.start
        ):
            raise FixerError(f"fixer {fixer!r} proposed overlapping edits: {previous!r}, {edit!r}")
        previous = edit
    return ordered


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping ``edits`` to ``text``."""
    pieces: list[str] = []  # joined chunks: a page of small repairs holds no list of all its parts
    parts: list[str] = []
    position = 0
    for edit in edits:
        parts.append(text[position : edit.start])
        parts.append(edit.after)
        position = edit.end
        if len(parts) >= _CHUNK:
            pieces.append("".join(parts))
            parts.clear()
    parts.append(text[position:])
    if not pieces:
        return "".join(parts)
    pieces.append("".join(parts))
    return "".join(pieces)


#: How many parts :func:`apply_edits` joins at a time.
_CHUNK = 4096


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """Rebuild the mended text from the original input and its changes.

    >>> apply_changes("Letrsquo;s go", [Change("entities", 3, 9, "rsquo;", "\u2019")])
    'Let’s go'
    """
    return apply_edits(text, [Edit(c.start, c.end, c.after) for c in changes])


def revert_changes(text: str, changes: Sequence[Change]) -> str:
    """Rebuild the original input from the mended text and its changes: undo them all.

    >>> revert_changes("Let’s go", [Change("entities", 3, 9, "rsquo;", "\u2019")])
    'Letrsquo;s go'
    """
    edits = []
    shift = 0
    for change in changes:
        start = change.start + shift
        edits.append(Edit(start, start + len(change.after), change.before))
        shift += len(change.after) - (change.end - change.start)
    return apply_edits(text, edits)


def compose(
    original: str, current: str, changes: Sequence[Change], edits: Sequence[Edit], fixer: str
) -> list[Change]:
    """Fold ``edits`` to ``current`` (which is ``changes`` applied to ``original``) into new changes.

    An edit that overlaps or touches the output of an earlier change is merged with it into one
    change whose ``fixer`` names both; everything else maps one-to-one.

    >>> compose("ab", "ab", [], [Edit(0, 1, "x", "why", "demo/x")], "f")
    [Change(fixer='f', start=0, end=1, before='a', after='x', reason='why', kind='demo/x', evidence={})]
    """
    if not edits:
        return list(changes)
    spans = _spans_in(changes)
    result: list[Change] = []
    shift = 0  # current position minus original position, left of what is still to fold
    i = j = 0
    while i < len(spans) or j < len(edits):
        if _change_comes_first(spans, i, edits, j):
            result.append(spans[i].change)
            shift = spans[i].end - spans[i].change.end
            i += 1
        elif _edit_stands_alone(spans, i, edits, j):
            result.extend(_lone_change(original, edits[j], shift, fixer))
            j += 1
        else:
            members, cluster, i, j = _cluster_at(spans, i, edits, j)
            merged, shift = _merged_change(original, current, members, cluster, shift, fixer)
            result.extend(merged)
    return result


class _Span(NamedTuple):
    """An earlier change and where its ``after`` stands in the current text."""

    start: int
    end: int
    change: Change


def _spans_in(changes: Sequence[Change]) -> list[_Span]:
    """Where each earlier change's output stands in the text the changes produced.

    >>> [span[:2] for span in _spans_in([Change("f", 0, 3, "abc", "x"), Change("f", 5, 5, "", "yy")])]
    [(0, 1), (3, 5)]
    """
    spans = []
    shift = 0
    for change in changes:
        start = change.start + shift
        spans.append(_Span(start, start + len(change.after), change))
        shift += len(change.after) - (change.end - change.start)
    return spans


def _change_comes_first(spans: Sequence[_Span], i: int, edits: Sequence[Edit], j: int) -> bool:
    """Is the next earlier change wholly left of the next edit, not even touching it (so it stays)?"""
    return j == len(edits) or (i < len(spans) and spans[i].end < edits[j].start)


def _edit_stands_alone(spans: Sequence[_Span], i: int, edits: Sequence[Edit], j: int) -> bool:
    """Does edit ``j`` touch neither the next earlier change nor the next edit (the common case)?"""
    edit = edits[j]
    clear_of_changes = i == len(spans) or spans[i].start > edit.end
    clear_of_edits = j + 1 == len(edits) or edits[j + 1].start > edit.end
    return clear_of_changes and clear_of_edits


def _lone_change(original: str, edit: Edit, shift: int, fixer: str) -> list[Change]:
    """The change a lone edit makes to ``original``: none if it puts back what the input had.

    >>> _lone_change("abc", Edit(1, 2, "B", "why"), 0, "f")[0].before
    'b'
    """
    start, end = (edit.start - shift, edit.end - shift) if shift else (edit.start, edit.end)
    before = original[start:end]
    if before == edit.after:
        return []
    if len(before) <= _SHARED_LENGTH:  # "rsquo;" ten thousand times is one string
        before = _SHARED.setdefault(before, before)
        if len(_SHARED) > _SHARED_SIZE:
            _SHARED.clear()
    return [Change(fixer, start, end, before, edit.after, edit.reason, edit.kind, edit.evidence)]


#: Short ``before`` texts are shared between changes (a page of the same repair keeps one copy), in a
#: table of at most ``_SHARED_SIZE`` strings that starts again when full.
_SHARED_LENGTH = 12
_SHARED_SIZE = 4096
_SHARED: dict[str, str] = {}


def _cluster_at(
    spans: Sequence[_Span], i: int, edits: Sequence[Edit], j: int
) -> tuple[list[_Span], list[Edit], int, int]:
    """Edit ``j`` with every earlier change and edit that overlaps or touches the group, left to right.

    Returns the changes and the edits in the group and the indexes just past them.
    """
    low, high = edits[j].start, edits[j].end
    members: list[_Span] = []
    cluster: list[Edit] = []
    while True:
        if i < len(spans) and spans[i].start <= high and spans[i].end >= low:
            low, high = min(low, spans[i].start), max(high, spans[i].end)
            members.append(spans[i])
            i += 1
        elif j < len(edits) and edits[j].start <= high and edits[j].end >= low:
            low, high = min(low, edits[j].start), max(high, edits[j].end)
            cluster.append(edits[j])
            j += 1
        else:
            return members, cluster, i, j


def _merged_change(
    original: str,
    current: str,
    members: Sequence[_Span],
    cluster: Sequence[Edit],
    shift: int,
    fixer: str,
) -> tuple[list[Change], int]:
    """One change for a group of earlier changes and new edits, and the shift right of the group.

    No change when the group puts back what the input had.
    """
    low = min([span.start for span in members] + [edit.start for edit in cluster])
    high = max([span.end for span in members] + [edit.end for edit in cluster])
    olds = [span.change for span in members]
    end_shift = shift + sum(len(old.after) - (old.end - old.start) for old in olds)
    start = members[0].change.start if members and members[0].start == low else low - shift
    end = members[-1].change.end if members and members[-1].end == high else high - end_shift
    before = original[start:end]
    after = apply_edits(current[low:high], [_moved(edit, -low) for edit in cluster])
    if before == after:
        return [], end_shift
    parts: list[Change | Edit] = [*olds, *cluster]
    change = Change(
        _joined([name for old in olds for name in old.fixers] + [fixer]),
        start,
        end,
        before,
        after,
        "; ".join([part.reason for part in parts if part.reason]),
        _joined([kind for old in olds for kind in old.kinds] + [edit.kind for edit in cluster if edit.kind]),
        _merged_evidence(parts),
    )
    return [change], end_shift


def _joined(names: Iterable[str]) -> str:
    """Names joined with ``+``, each once, in first-seen order: ``entities+ascii``.

    >>> _joined(["entities", "ascii", "entities"])
    'entities+ascii'
    """
    return "+".join(dict.fromkeys(names))


def _merged_evidence(parts: Iterable[Change | Edit]) -> dict[str, float]:
    """The evidence of all ``parts``, later values winning where names repeat."""
    evidence: dict[str, float] = {}
    for part in parts:
        evidence.update(part.evidence)
    return evidence


def _moved(edit: Edit, offset: int) -> Edit:
    """``edit`` shifted by ``offset`` characters."""
    return dataclasses.replace(edit, start=edit.start + offset, end=edit.end + offset)
