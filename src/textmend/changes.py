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

from .errors import FixerError
from .model import Change, Edit


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
    parts: list[str] = []
    position = 0
    for edit in edits:
        parts.append(text[position : edit.start])
        parts.append(edit.after)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


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
    """
    if not edits:
        return list(changes)
    # Each earlier change's span in ``current``.
    spans: list[tuple[int, int, Change]] = []
    shift = 0
    for change in changes:
        start = change.start + shift
        spans.append((start, start + len(change.after), change))
        shift += len(change.after) - (change.end - change.start)

    result: list[Change] = []
    shift = 0  # current position minus original position, left of the cluster being built
    i = 0
    j = 0
    while i < len(spans) or j < len(edits):
        # An earlier change that no edit reaches stays as it is.
        if j == len(edits) or (i < len(spans) and spans[i][1] < edits[j].start):
            result.append(spans[i][2])
            shift = spans[i][1] - spans[i][2].end
            i += 1
            continue
        edit = edits[j]
        if (i == len(spans) or spans[i][0] > edit.end) and (
            j + 1 == len(edits) or edits[j + 1].start > edit.end
        ):
            # The common case: an edit that touches nothing else maps straight back to the original.
            start, end = edit.start - shift, edit.end - shift
            if original[start:end] != edit.after:
                before = original[start:end]
                result.append(
                    Change(fixer, start, end, before, edit.after, edit.reason, edit.kind, edit.evidence)
                )
            j += 1
            continue
        # Grow a cluster around edits[j] from everything that overlaps or touches it.
        low, high = edit.start, edit.end
        members: list[tuple[int, int, Change]] = []
        cluster_edits: list[Edit] = []
        while True:
            if i < len(spans) and spans[i][0] <= high and spans[i][1] >= low:
                low, high = min(low, spans[i][0]), max(high, spans[i][1])
                members.append(spans[i])
                i += 1
            elif j < len(edits) and edits[j].start <= high and edits[j].end >= low:
                low, high = min(low, edits[j].start), max(high, edits[j].end)
                cluster_edits.append(edits[j])
                j += 1
            else:
                break
        end_shift = shift + sum(len(m.after) - (m.end - m.start) for _, _, m in members)
        start = members[0][2].start if members and members[0][0] == low else low - shift
        end = members[-1][2].end if members and members[-1][1] == high else high - end_shift
        shift = end_shift
        before = original[start:end]
        after = apply_edits(current[low:high], [_moved(e, -low) for e in cluster_edits])
        if before == after:
            continue
        names = [name for _, _, m in members for name in m.fixers]
        names.append(fixer)
        reasons = [m.reason for _, _, m in members if m.reason]
        reasons.extend(e.reason for e in cluster_edits if e.reason)
        kinds = [kind for _, _, m in members for kind in m.kinds]
        kinds.extend(e.kind for e in cluster_edits if e.kind)
        evidence: dict[str, float] = {}
        for _, _, member in members:
            evidence.update(member.evidence)
        for cluster_edit in cluster_edits:
            evidence.update(cluster_edit.evidence)
        result.append(
            Change(
                "+".join(dict.fromkeys(names)),
                start,
                end,
                before,
                after,
                "; ".join(reasons),
                "+".join(dict.fromkeys(kinds)),
                evidence,
            )
        )
    return result


def _moved(edit: Edit, offset: int) -> Edit:
    return dataclasses.replace(edit, start=edit.start + offset, end=edit.end + offset)
