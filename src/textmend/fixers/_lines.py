"""Line helpers that the structural fixers (``teasers``, ``titles``) share: reading non-blank lines
from either end of a text, and telling list items, headlines and sentences apart.

Nothing here decides an edit; the fixers judge what these helpers read.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

__all__ = [
    "LIST_ITEM",
    "Line",
    "ends_sentence",
    "lines_from_end",
    "lines_from_start",
    "next_line",
    "word_count",
]

# "- item", "* item", "• item", "1. item", "2) item": the start of a list item.
LIST_ITEM = regex.compile(r"(?:[-*\u2022\u2013\u2014\u00b7\u25aa\u25cf\u25ba\u25b6>\u00bb]|[0-9]{1,3}[.)])\s")
_CONTENT = regex.compile(r"\S")
# The last non-space character before a position: a run of blank lines is crossed in one C-level step.
_LAST_CONTENT = regex.compile(r"\S", flags=regex.REVERSE)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*")
_SENTENCE_END = frozenset(".!?\"'\u201d\u2019)]\u00bb")
_ELLIPSES = ("...", "\u2026")


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line: ``text[start:end]``, its ``\\r\\n`` or ``\\n`` left out."""

    start: int
    end: int
    text: str


def lines_from_end(text: str, limit: int, end: int | None = None) -> list[Line]:
    """Up to ``limit`` non-blank lines of ``text[:end]``, the last one first.

    >>> [line.text for line in lines_from_end("a\\n\\nb\\r\\nc\\n", 2)]
    ['c', 'b']
    """
    lines: list[Line] = []
    stop = len(text) if end is None else end
    while stop >= 0 and len(lines) < limit:
        start = text.rfind("\n", 0, stop) + 1
        line_end = stop - 1 if stop > start and text[stop - 1] == "\r" else stop
        line = text[start:line_end]
        if line and not line.isspace():  # a character that is no space (without copying the line)
            lines.append(Line(start, line_end, line))
            stop = start - 1
            continue
        # A blank line: go straight to the end of the last line with content before it (only spaces
        # lie between), so that a million blank lines cost one search, not a million slices.
        content = _LAST_CONTENT.search(text, 0, start)
        if content is None:
            break
        stop = text.find("\n", content.end(), start)
    return lines


def next_line(text: str, position: int) -> Line | None:
    """The first non-blank line at or after ``position``; ``None`` when only blank lines follow.

    >>> next_line("\\n\\n  Title\\r\\nBody", 0)
    Line(start=2, end=9, text='  Title')
    """
    content = _CONTENT.search(text, position)
    if content is None:
        return None
    start = text.rfind("\n", position, content.start()) + 1 or position
    newline = text.find("\n", content.start())
    end = len(text) if newline == -1 else newline
    if end > start and text[end - 1] == "\r":
        end -= 1
    return Line(start, end, text[start:end])


def lines_from_start(text: str, limit: int) -> list[Line]:
    """Up to ``limit`` non-blank lines from the start of ``text``, in order.

    >>> [line.text for line in lines_from_start("\\na\\n\\nb\\nc", 2)]
    ['a', 'b']
    """
    lines: list[Line] = []
    position = 0
    while len(lines) < limit:
        line = next_line(text, position)
        if line is None:
            break
        lines.append(line)
        position = line.end + 1
    return lines


def word_count(line: str) -> int:
    """The number of words in a line (runs of letters and digits, with inner ``'`` ``.`` ``-``).

    >>> word_count("U.S. stocks fall — again!")
    4
    """
    return len(_WORD.findall(line))


def ends_sentence(line: str) -> bool:
    """Whether a line ends like a finished sentence (``.``, ``?``, a closing quote), not like a cut
    (a letter, a comma, an ellipsis).

    >>> ends_sentence("It rained."), ends_sentence("It rai"), ends_sentence("It rained...")
    (True, False, False)
    """
    stripped = line.rstrip()
    return not stripped.endswith(_ELLIPSES) and stripped[-1:] in _SENTENCE_END
