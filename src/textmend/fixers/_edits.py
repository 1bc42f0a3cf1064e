"""Edits that fixers share: runs of one repair merged into one change, to keep the change log small.

A page of ``&nbsp;``, 10,000 ``"\\r\\n"`` line breaks or a run of ``lt;lt;lt;`` would otherwise give one
change (a few hundred bytes) for every few characters of input. Repairs of one kind that touch, or
stand at most :data:`MERGE_GAP` character apart, become one edit whose text includes what lies between
them, so the change log still rebuilds and reverts the text exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Edit

__all__ = ["MAX_MERGED", "MERGE_GAP", "merged_runs"]

#: Repairs at most this many characters apart are one run (``"\\r\\na\\r\\n"``: 1 apart). Ordinary text
#: has words between its repairs (``#39;hi#39;``), so they stay one change each.
MERGE_GAP = 1
#: A merged edit stops growing at this many characters of input, so later fixers' edits that fall
#: inside it are folded into a bounded change.
MAX_MERGED = 1024


def merged_runs(
    text: str, edits: Iterable[Edit], gap: int = MERGE_GAP, same_reason: bool = False
) -> Iterator[Edit]:
    """The sorted ``edits``, with each run of same-kind edits at most ``gap`` characters apart merged
    into one (never more than :data:`MAX_MERGED` characters of input). With ``same_reason``, only edits
    with the same reason make a run (``lt;lt;lt;``, not ``eacute;teacute;``), so a merged change still
    names one entity.

    >>> run = [Edit(0, 1, "A", "", "k"), Edit(1, 2, "B", "", "k")]
    >>> [(e.start, e.end, e.after, e.evidence) for e in merged_runs("ab", run)]
    [(0, 2, 'AB', {'repairs': 2.0})]
    """
    run: list[Edit] = []
    for edit in edits:
        if run and (
            edit.kind != run[0].kind
            or (same_reason and edit.reason != run[0].reason)
            or edit.start - run[-1].end > gap
            or edit.end - run[0].start > MAX_MERGED
        ):
            yield _merged(text, run)
            run = []
        run.append(edit)
    if run:
        yield _merged(text, run)


def _merged(text: str, run: list[Edit]) -> Edit:
    if len(run) == 1:
        return run[0]
    parts: list[str] = []
    for edit, following in zip(run, [*run[1:], None], strict=True):
        parts.append(edit.after)
        if following is not None:
            parts.append(text[edit.end : following.start])
    first = run[0]
    evidence = {"repairs": float(len(run))}
    reason = f"{len(run)} repairs in a row, the first: {first.reason}"
    return Edit(first.start, run[-1].end, "".join(parts), reason, first.kind, evidence)
