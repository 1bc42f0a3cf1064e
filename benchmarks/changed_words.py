"""What the precision benchmarks count: the whitespace-delimited words a pipeline changed, each read
once however many changes it holds (a word split in three is two changes and one changed word), and
the table and the list they print (``books.py``, ``changelogs.py``, ``docstrings.py``, ``domains.py``,
``manuals.py``, ``package_docs.py``).
"""

from __future__ import annotations

import datetime
import platform
from collections import Counter
from collections.abc import Iterable

import textmend


def word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the whitespace-delimited word holding ``text[start:end]`` starts and ends."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def changed_words(text: str, changes: Iterable[textmend.Change]) -> list[tuple[int, int, str]]:
    """Each word of ``text`` that ``changes`` touch: its start, its end and what it reads after them."""
    words: dict[tuple[int, int], list[textmend.Change]] = {}
    for change in changes:
        words.setdefault(word_span(text, change.start, change.end), []).append(change)
    out = []
    for (start, end), inside in words.items():
        after = text[start:end]
        for change in sorted(inside, key=lambda c: c.start, reverse=True):
            after = after[: change.start - start] + change.after + after[change.end - start :]
        out.append((start, end, after))
    return out


def words_fixer_changes(text: str, document: textmend.Document) -> list[str]:
    """The words of ``text`` that the ``words`` fixer changed in ``document`` (its mended form), each
    as ``before -> after``."""
    changes = [change for change in document.changes if change.fixer == "words"]
    return [f"{text[start:end]} -> {after}" for start, end, after in changed_words(text, changes)]


def print_table(
    title: str, unit: str, read: int, words: int, changed: int, distinct: int, seconds: float, clock: str
) -> None:
    """The run's title and stamp (date, machine, versions), then its one row: ``read`` ``unit`` of
    ``words`` words, ``changed`` of them changed (``distinct`` different), in ``seconds`` of ``clock``."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(title)
    print(f"{now}, {platform.machine()}, Python {platform.python_version()}, textmend {textmend.__version__}")
    print()
    rate = changed * 100_000 / words if words else 0.0
    print(f"| {unit} | words | changed words | per 100k | distinct | {clock} s |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {read:,} | {words:,} | {changed:,} | {rate:.2f} | {distinct:,} | {seconds:.1f} |")
    print()


def print_most_changed(changed: Counter[str], top: int, label: str = "most changed") -> None:
    """The ``top`` most often changed words of ``changed`` after ``label``, each with its count in
    backticks (``most changed: `inplace` 6, `groupby` 3``), or ``none`` after it."""
    shown = ", ".join(f"`{word}` {count}" for word, count in changed.most_common(top))
    print(f"{label}: {shown or 'none'}")
