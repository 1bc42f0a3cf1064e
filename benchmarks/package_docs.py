"""Hostile technical text: the documentation installed Python packages ship (each distribution's long
description, and the Markdown and reStructuredText files inside the packages), through the ``words``
fixer alone. How many words does it change per 100k, and which?

READMEs, changelogs and command examples are clean text by many authors, with names of code and
command lines written bare (``wheels for manylinux``, ``aws directconnect describe-lags`` under a
``Command::`` line): nearly every change is a false one. A precision check for the ``words`` fixer
(issue #16) beside ``benchmarks/docstrings.py``; no joins are made. The files are whatever the
environment holds, so figures compare only between runs in one environment: run it before and after
a change. Licence files and test folders are left out; a text met twice is read once.

Run from the repository root: ``PYTHONPATH=src python benchmarks/package_docs.py`` (``--top N`` changed
tokens shown, ``--site`` another package folder, repeatable; ``--show`` prints each change in context).
"""

from __future__ import annotations

import argparse
import email
import re
import sys
import sysconfig
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from changed_words import changed_words, print_most_changed, print_table

import textmend

MIN_CHARACTERS = 200
_TOKEN = re.compile(r"\S+")
_LEFT_OUT = ("licen", "copying", "notice", "/tests/", "/test/", "textmend")


def package_docs(sites: list[Path]) -> Iterator[tuple[str, str]]:
    """Each distinct documentation text of the packages under ``sites``, with where it came from: the
    long descriptions of ``*.dist-info/METADATA``, then the ``*.md`` and ``*.rst`` files, in name order."""
    seen: set[str] = set()
    paths = [path for site in sites for path in sorted(site.glob("*.dist-info/METADATA"))]
    paths += [path for site in sites for pattern in ("*.md", "*.rst") for path in sorted(site.rglob(pattern))]
    for path in paths:
        if any(part in str(path).lower() for part in _LEFT_OUT):
            continue
        try:
            raw = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        text = raw
        if path.name == "METADATA":
            body = email.message_from_string(raw).get_payload()
            text = body if isinstance(body, str) else ""
        if len(text) >= MIN_CHARACTERS and text not in seen:
            seen.add(text)
            yield str(path), text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, action="append", help="a site-packages folder (repeatable)")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--show", action="store_true", help="print each change with its context and reason")
    args = parser.parse_args(argv)
    sites = args.site or [Path(sysconfig.get_paths()["purelib"])]
    missing = [str(site) for site in sites if not site.is_dir()]
    if missing:
        print(
            f"package_docs: {', '.join(missing)} is no folder; name a site-packages folder with --site",
            file=sys.stderr,
        )
        return 2
    pipe = textmend.Pipeline(["words"])
    changed: Counter[str] = Counter()
    documents = words = 0
    started = time.process_time()
    for where, text in package_docs(sites):
        documents += 1
        words += len(_TOKEN.findall(text))
        changes = pipe.mend_document(text).changes
        changed.update(text[start:end] for start, end, _ in changed_words(text, changes))
        if args.show:
            for change in changes:
                context = text[max(0, change.start - 50) : change.end + 30].replace("\n", " | ")
                print(f"{where}: {context!r}\n    {change.reason}")
    seconds = time.process_time() - started
    folders = ", ".join(map(str, sites))
    title = f"documentation of the packages in {folders} ({documents:,} texts), words fixer alone"
    print_table(title, "texts", documents, words, sum(changed.values()), len(changed), seconds, "CPU")
    print_most_changed(changed, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
