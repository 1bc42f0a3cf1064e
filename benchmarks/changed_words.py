"""What the precision benchmarks count: the whitespace-delimited words a pipeline changed, each read
once however many changes it holds (a word split in three is two changes and one changed word), and
the table and the list they print (``books.py``, ``changelogs.py``, ``docstrings.py``, ``domains.py``,
``manuals.py``, ``package_docs.py``); and the whole pipeline's changes by kind, each one printed in
its text on request (``fortunes.py``, ``manpages.py``, ``speeches.py``); and which texts a second mend
changes and which took longest (``spam.py``, ``readmes.py``).
"""

from __future__ import annotations

import datetime
import platform
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable

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


_WORD = re.compile(r"\S+")


def mend_records(
    records: Iterable[tuple[str, str]],
    contexts: bool,
    kind_of: Callable[[textmend.Change], str] = lambda change: change.kind,
    count_words: Callable[[str], int] = lambda text: len(_WORD.findall(text)),
) -> tuple[Counter[str], int, float]:
    """Mend each ``(name, text)`` of ``records`` with the default pipeline: how many changes of each
    kind (``kind_of`` names it), how many words (``count_words``) and CPU seconds. With ``contexts``,
    each change is printed in its text as ``name: kind: 'before' ['old' -> 'new'] 'after'``."""
    kinds: Counter[str] = Counter()
    words = 0
    started = time.process_time()
    for name, text in records:
        words += count_words(text)
        for change in textmend.mend_document(text).changes:
            kinds[kind_of(change)] += 1
            if contexts:
                before = text[max(0, change.start - 40) : change.start]
                after = text[change.end : change.end + 30]
                print(f"{name}: {change.kind}: {before!r} [{change.before!r} -> {change.after!r}] {after!r}")
    return kinds, words, time.process_time() - started


def print_kinds(title: str, unit: str, read: int, words: int, kinds: Counter[str], seconds: float) -> None:
    """``title``, then one row: ``read`` ``unit`` of ``words`` words, their changes and the rate per 100k,
    and the changes by kind."""
    print(f"{title}, textmend {textmend.__version__}")
    print()
    total = sum(kinds.values())
    print(f"| {unit} | words | changes | per 100k | CPU s |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {read:,} | {words:,} | {total} | {100_000 * total / max(words, 1):.2f} | {seconds:.1f} |")
    print()
    print("by kind: " + ", ".join(f"`{kind}` {count}" for kind, count in kinds.most_common()))


def print_settled_and_slowest(records: Iterable[tuple[str, str]], unit: str) -> None:
    """Mend each ``(name, text)`` of ``records`` twice with the default pipeline and print which
    ``unit`` (a plural: ``parts``) a second mend changes, and the slowest one: its name, its size and
    its wall seconds."""
    unsettled: list[str] = []
    slowest = (0.0, "", 0)
    for name, text in records:
        started = time.perf_counter()
        once = textmend.mend(text)
        slowest = max(slowest, (time.perf_counter() - started, name, len(text)))
        if textmend.mend(once) != once:
            unsettled.append(name)
    print(f"unsettled {unit} (a second mend changes them): {len(unsettled)} {unsettled[:10]}")
    print(f"slowest {unit.removesuffix('s')}: {slowest[1]}, {slowest[2]:,} characters, {slowest[0]:.3f} s")
