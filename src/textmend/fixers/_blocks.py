"""Where a text holds code written as its markup sets it apart: Markdown's fenced blocks (```` ``` ````
or ``~~~``) and reStructuredText's literal blocks (a paragraph that ends with ``::``, or a
``code-block`` directive, then lines indented under it), and Markdown's inline code spans (```x = a
&amp; b```). Block lines are code or command lines (``aws directconnect describe-lags``, ``# applied to
an instancemethod``): the ``words`` fixer leaves them as written (it keeps a token in backticks whole on
its own rule); the ``entities`` and ``ftfy`` steps leave the references of blocks and of inline code.

Only what the markup states counts: an indented paragraph alone is no block (novels and scraped pages
indent prose), and a block is found in one pass over the lines, whatever the text's size. A text's
URLs are left as written too (:func:`url_spans`: the ``entities`` fixer's ``?a=1&copy=2``, the
``words`` fixer's ``forum/?fromgroups#!forum``). The fixers look a position up among such spans
(blocks, URLs, references) with :func:`inside` and :func:`span_end`.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys

import regex

__all__ = [
    "code_blocks",
    "code_spans",
    "inline_code",
    "inside",
    "may_hold_blocks",
    "may_hold_code",
    "overlaps",
    "span_end",
    "url_spans",
    "with_code_blocks",
]

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


def may_hold_code(text: str) -> bool:
    """Whether ``text`` could hold a code block or an inline code span (:func:`may_hold_blocks`, or a
    backtick).

    >>> may_hold_code("Set `x` first"), may_hold_code("plain prose")
    (True, False)
    """
    return "`" in text or may_hold_blocks(text)


# A run of backticks, or a line break (an inline span does not go on past its line): any that ftfy
# mends into "\n" too, so that a span is the same before the ftfy step and after it.
_TICKS_OR_BREAK = re.compile(r"`+|[\r\n\u2028\u2029\x85]")


def inline_code(text: str) -> list[tuple[int, int]]:
    """The inline code spans of ``text`` as ``(start, end)`` spans from the first backtick of the opening
    run to the last of the closing one, in order: as Markdown reads them, a run of backticks opens a span
    that the next run of as many backticks closes; one no such run follows on its line is a backtick as
    written. A span does not cross a line break here (Markdown lets one cross into the next line of its
    paragraph; scraped text breaks lines anywhere). One pass: each run is looked at once.

    >>> text = "Use `&amp;` or ``a`b``; a ` alone\\nand `x`, `y\\rz`"
    >>> [text[start:end] for start, end in inline_code(text)]
    ['`&amp;`', '``a`b``', '`x`']
    """
    spans: list[tuple[int, int]] = []
    if "`" not in text:
        return spans
    runs: list[tuple[int, int]] = []  # the backtick runs of one line
    for match in _TICKS_OR_BREAK.finditer(text):
        if match.group()[0] != "`":
            _pair_runs(runs, spans)
            runs = []
        else:
            runs.append(match.span())
    _pair_runs(runs, spans)
    return spans


def _pair_runs(runs: list[tuple[int, int]], spans: list[tuple[int, int]]) -> None:
    """Add the spans the backtick ``runs`` of one line open and close to ``spans``: the run after each
    with as many backticks is found by one walk from the end, so a line of many unmatched runs stays
    linear."""
    following: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}  # backticks in a run -> the index of the nearest such run after it
    for index in range(len(runs) - 1, -1, -1):
        size = runs[index][1] - runs[index][0]
        following[index] = last.get(size)
        last[size] = index
    index = 0
    while index < len(runs):
        closing = following[index]
        if closing is None:
            index += 1  # no run closes it: backticks as written
            continue
        spans.append((runs[index][0], runs[closing][1]))
        index = closing + 1


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


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the sorted, disjoint ``spans`` shares a position with ``text[start:end]``.

    >>> overlaps([(4, 10)], 0, 5), overlaps([(4, 10)], 10, 12), overlaps([(4, 10)], 6, 7)
    (True, False, True)
    """
    index = bisect.bisect_left(spans, (start, -1))
    if index > 0 and spans[index - 1][1] > start:
        return True
    return index < len(spans) and spans[index][0] < end


def code_spans(text: str) -> list[tuple[int, int]]:
    """The code blocks and the inline code spans of ``text``, as sorted, disjoint spans (a span inside a
    block, or a fence's backticks, is merged into it).

    >>> text = "Write `&amp;`:\\n\\n```\\nx = `y`\\n```\\n"
    >>> [text[start:end] for start, end in code_spans(text)]
    ['`&amp;`', '```\\nx = `y`\\n```']
    """
    if not may_hold_code(text):
        return []
    blocks = code_blocks(text) if may_hold_blocks(text) else []
    return _merged(blocks, inline_code(text))


def _merged(*lists: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``lists`` as sorted, disjoint spans (those that overlap become one)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(itertools.chain(*lists)):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def with_code_blocks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (sorted and disjoint: a text's URLs) and the code of ``text`` (:func:`code_spans`:
    blocks and inline spans), merged into sorted, disjoint spans: the places a fixer leaves as written.

    >>> text = "See::\\n\\n    x = copy;\\n"
    >>> with_code_blocks(text, [(0, 3)]), with_code_blocks("plain", [(0, 3)])
    ([(0, 3), (7, 20)], [(0, 3)])
    >>> with_code_blocks("a `int quot;` b", [])
    [(2, 13)]
    """
    if not may_hold_code(text) or not (code := code_spans(text)):
        return spans
    return _merged(spans, code)


# A URL, whose "&" and ";" belong to it: "?a=1&copy=2", "/a;jsessionid=…". It ends before a quotation
# mark or an angle bracket written as a reference ("HREF=quot;http://x/?t=Aquot;gt;A" lost its "&"s):
# no URL holds one.
_URL = regex.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]{0,15}://|www\.)(?:(?!(?:quot|[gl]t);)[^\s<>\"]){1,2000}")


def url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the URLs in ``text``, as ``_URL.finditer`` finds them, tried only where a URL can
    start: up to 16 characters before each ``://`` (its scheme) and at each ``www.``.

    >>> url_spans("see https://a.org/?x=1&copy=2 and www.b.org;jsessionid=1 ok")
    [(4, 29), (34, 56)]
    """
    spans: list[tuple[int, int]] = []
    position = 0
    # The next place of each marker at or after ``position``, searched again only once passed: a text
    # with a thousand ``www.`` and no ``://`` is read once, not once per ``www.``.
    next_at = {"://": text.find("://"), "www.": text.find("www.")}
    while True:
        for marker_text, found in next_at.items():
            if 0 <= found < position:
                next_at[marker_text] = text.find(marker_text, position)
        markers = [found for found in next_at.values() if found >= 0]
        if not markers:
            return spans
        marker = min(markers)
        for start in range(max(position, marker - _SCHEME_LONGEST), marker + 1):
            match = _URL.match(text, start)
            if match is not None:
                spans.append(match.span())
                position = match.end()
                break
        else:
            position = marker + 1


# A URL's scheme and "://" start at most this many characters before the "://" (see ``_URL``).
_SCHEME_LONGEST = 16
