"""Where a text holds blocks of code written as its markup sets them apart: Markdown's fenced blocks
(```` ``` ```` or ``~~~``) and reStructuredText's literal blocks (a paragraph that ends with ``::``, or a
``code-block`` directive, then lines indented under it). Their lines are code or command lines
(``aws directconnect describe-lags``, ``# applied to an instancemethod``): the ``words`` fixer leaves
them as written.

Only what the markup states counts: an indented paragraph alone is no block (novels and scraped pages
indent prose), and a block is found in one pass over the lines, whatever the text's size. The fixers
look a position up among such spans (blocks, URLs, references) with :func:`inside` and
:func:`span_end`.
"""

from __future__ import annotations

import bisect
import re
import sys

__all__ = ["code_blocks", "inside", "may_hold_blocks", "span_end", "with_code_blocks"]

# An opening or closing fence: three or more backticks or tildes at the start of a line (after any
# indentation: fences inside list items are indented), and what follows on the line.
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})(.*)")
# A line that opens a literal block: prose ending with "::" ("For example::", "Command::", a lone "::"),
# or a directive for code (".. code-block:: python", ".. code::", ".. sourcecode::").
_LITERAL_OPENER = re.compile(
    r"(?:(?![ \t]*\.\.\s)[^\n]*::|[ \t]*\.\.[ \t]+(?:code-block|code|sourcecode)::[^\n]*)[ \t\r]*"
)


def may_hold_blocks(text: str) -> bool:
    """Whether ``text`` could hold a code block at all: a fence's or a literal block's marks are in it
    (three C-level searches; most texts have none).

    >>> may_hold_blocks("Command::\\n\\n  aws s3 ls"), may_hold_blocks("plain prose")
    (True, False)
    """
    return "```" in text or "~~~" in text or "::" in text


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def code_blocks(text: str) -> list[tuple[int, int]]:
    """The code blocks of ``text`` as ``(start, end)`` spans, in order: each fenced block from its
    opening fence to the end of its closing one (to the end of the text when none closes it, as
    Markdown reads it), and each literal block's indented lines.

    >>> text = "Run::\\n\\n    aws s3 ls\\n\\nThen ``` inline is no fence\\nmore"
    >>> [text[start:end] for start, end in code_blocks(text)]
    ['    aws s3 ls']
    >>> text = "Example:\\n\\n```python\\nx = usedfor\\n```\\nusedfor"
    >>> [text[start:end] for start, end in code_blocks(text)]
    ['```python\\nx = usedfor\\n```']
    """
    blocks: list[tuple[int, int]] = []
    lines = text.split("\n")
    offset, index = 0, 0
    starts = []  # where each line starts
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.fullmatch(line)
        if fence is not None and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            index = _fenced_block(lines, index, fence.group(1), starts, len(text), blocks)
            continue
        if _LITERAL_OPENER.fullmatch(line) is not None:
            index = _literal_block(lines, index, starts, blocks)
            continue
        index += 1
    return blocks


def _fenced_block(
    lines: list[str], index: int, opening: str, starts: list[int], size: int, blocks: list[tuple[int, int]]
) -> int:
    """Add the fenced block opened at line ``index`` by ``opening`` to ``blocks``; the line after it."""
    for closing in range(index + 1, len(lines)):
        fence = _FENCE.fullmatch(lines[closing])
        if (
            fence is not None
            and fence.group(1)[0] == opening[0]
            and len(fence.group(1)) >= len(opening)
            and not fence.group(2).strip()
        ):
            blocks.append((starts[index], starts[closing] + len(lines[closing])))
            return closing + 1
    blocks.append((starts[index], size))  # never closed: code to the end, as Markdown reads it
    return len(lines)


def _literal_block(lines: list[str], index: int, starts: list[int], blocks: list[tuple[int, int]]) -> int:
    """Add the literal block under the opener at line ``index`` (the lines indented deeper than the
    opener after it, blank lines inside; reStructuredText wants a blank line first, which hand-written
    text often leaves out) to ``blocks``; the line to read next."""
    depth = _indent(lines[index])
    first = index + 1
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first >= len(lines) or _indent(lines[first]) <= depth:
        return first  # nothing indented under it: no block
    last = first
    for following in range(first, len(lines)):
        if lines[following].strip():
            if _indent(lines[following]) <= depth:
                break
            last = following
    blocks.append((starts[first], starts[last] + len(lines[last])))
    return last + 1


def inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies inside one of the sorted, disjoint ``spans`` (code blocks, URLs,
    references).

    >>> inside([(4, 10), (20, 30)], 5), inside([(4, 10), (20, 30)], 12)
    (True, False)
    """
    return span_end(spans, position) is not None


def span_end(spans: list[tuple[int, int]], position: int) -> int | None:
    """The end of the span in sorted, disjoint ``spans`` that ``position`` lies inside, if any."""
    if not spans:
        return None
    index = bisect.bisect_right(spans, (position, sys.maxsize)) - 1
    return spans[index][1] if index >= 0 and spans[index][0] <= position < spans[index][1] else None


def with_code_blocks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (sorted and disjoint: a text's URLs) and the code blocks of ``text``, merged into
    sorted, disjoint spans: the places a fixer leaves as written.

    >>> text = "See::\\n\\n    x = copy;\\n"
    >>> with_code_blocks(text, [(0, 3)]), with_code_blocks("plain", [(0, 3)])
    ([(0, 3), (7, 20)], [(0, 3)])
    """
    if not may_hold_blocks(text) or not (blocks := code_blocks(text)):
        return spans
    merged: list[tuple[int, int]] = []
    for start, end in sorted([*spans, *blocks]):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
