"""Developers' notes: the Debian changelogs a machine holds (``/usr/share/doc/*/changelog.Debian.gz`` and
``changelog.gz``), through the ``words`` fixer alone, unfitted and fitted. How many words does it change
per 100k, and which?

A changelog is clean, terse text by thousands of maintainers, dense with names of tools, functions,
files and options written bare (``uscan``, ``soname``, ``asprintf``, ``testcase``), with some real glue
and typos of its own: a precision probe for the ``words`` fixer (issue #16), and a test of what fitting
buys on a corpus's own jargon. The changelogs are split in two halves by their order (every other
one); the unfitted fixer and the fixer with a model fitted (``textmend.fit``) on the *other* half are
measured on each half, and the two halves' counts added. Which changelogs a machine holds depends on
its packages, so figures compare only between runs on one machine.

Run from the repository root: ``PYTHONPATH=src python benchmarks/changelogs.py`` (``--top N`` changed
tokens shown; ``--folder`` another documentation folder; about a minute on 8 M words).
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from collections import Counter
from pathlib import Path

from changed_words import changed_words, print_most_changed, print_table

import textmend

_TOKEN = re.compile(r"\S+")


def changelogs(folder: Path) -> list[str]:
    """The distinct changelogs under ``folder`` (one per package folder and name), in path order."""
    texts: list[str] = []
    seen: set[str] = set()
    for path in sorted([*folder.glob("*/changelog.Debian.gz"), *folder.glob("*/changelog.gz")]):
        try:
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as file:
                text = file.read()
        except (OSError, EOFError):
            continue
        if text and text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def changed(pipe: textmend.Pipeline, texts: list[str]) -> Counter[str]:
    """The words ``pipe`` changes in ``texts``, counted."""
    found: Counter[str] = Counter()
    for text in texts:
        changes = pipe.mend_document(text).changes
        found.update(text[start:end] for start, end, _ in changed_words(text, changes))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=Path("/usr/share/doc"))
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    texts = changelogs(args.folder)
    if not texts:
        print(
            f"changelogs: no changelog.Debian.gz or changelog.gz under {args.folder}/*/; name a folder "
            "that holds them with --folder",
            file=sys.stderr,
        )
        return 2
    halves = texts[0::2], texts[1::2]
    words = sum(len(_TOKEN.findall(text)) for text in texts)
    pipe = textmend.Pipeline(["words"])
    started = time.process_time()
    unfitted = changed(pipe, texts)
    seconds = time.process_time() - started
    started = time.process_time()
    fitted: Counter[str] = Counter()
    for measured, other in ((halves[0], halves[1]), (halves[1], halves[0])):
        fitted.update(changed(pipe.with_model(textmend.fit(other)), measured))
    fitted_seconds = time.process_time() - started
    title = f"Debian changelogs under {args.folder} ({len(texts):,}), words fixer alone"
    print_table(
        f"{title}, unfitted",
        "changelogs",
        len(texts),
        words,
        sum(unfitted.values()),
        len(unfitted),
        seconds,
        "CPU",
    )
    print_table(
        f"{title}, fitted on the other half",
        "changelogs",
        len(texts),
        words,
        sum(fitted.values()),
        len(fitted),
        fitted_seconds,
        "CPU (fit and mend)",
    )
    print_most_changed(unfitted, args.top, "most changed, unfitted")
    print_most_changed(fitted, args.top, "most changed, fitted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
