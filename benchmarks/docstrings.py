"""Hostile technical text: the docstrings of the Python packages installed beside textmend, through the
``words`` fixer alone. How many words does it change per 100k, and which?

Docstrings are clean English prose full of names of code written bare (``lineno: the line number``,
``the inplace argument``, ``pandas.Series``): text nobody here chose, from many authors, where
nearly every change is a false one. It is a precision check for the ``words`` fixer (issue #16), not a
recall benchmark: no joins are made. The packages are whatever the environment holds (the project's
development environment: pytest, hypothesis, pip, dask, pandas, pyarrow, networkx...), so figures are
comparable only between runs in one environment: run it before and after a change.

Run from the repository root: ``PYTHONPATH=src python benchmarks/docstrings.py`` (``--top N`` changed
tokens shown, ``--megabytes`` how much docstring text to read, ``--site`` another package folder).
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import sysconfig
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from changed_words import changed_words, print_most_changed, print_table

import textmend

MIN_CHARACTERS = 200  # shorter docstrings are mostly a one-line summary
_TOKEN = re.compile(r"\S+")


def docstrings(site: Path, limit: int) -> Iterator[str]:
    """The docstrings of ``MIN_CHARACTERS`` or more of every module, class and function under ``site``
    (files in name order, textmend's own left out), until ``limit`` characters are read."""
    read = 0
    for path in sorted(site.rglob("*.py")):
        if "textmend" in path.parts:
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError, OSError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                text = ast.get_docstring(node)
                if text and len(text) >= MIN_CHARACTERS:
                    yield text
                    read += len(text)
                    if read >= limit:
                        return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path(sysconfig.get_paths()["purelib"]))
    parser.add_argument("--megabytes", type=float, default=8.0)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        message = f"docstrings: {args.site} is no folder; name a site-packages folder with --site"
        print(message, file=sys.stderr)
        return 2
    pipe = textmend.Pipeline(["words"])
    changed: Counter[str] = Counter()
    documents = words = 0
    started = time.process_time()
    for text in docstrings(args.site, int(args.megabytes * 1_000_000)):
        documents += 1
        words += len(_TOKEN.findall(text))
        changes = pipe.mend_document(text).changes
        changed.update(text[start:end] for start, end, _ in changed_words(text, changes))
    seconds = time.process_time() - started
    title = f"docstrings of {args.site} ({documents:,} of {MIN_CHARACTERS}+ characters), words fixer alone"
    print_table(title, "docstrings", documents, words, sum(changed.values()), len(changed), seconds, "CPU")
    print_most_changed(changed, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
