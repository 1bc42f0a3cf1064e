"""Short records by thousands of authors: the one-line description of every package Debian lists, each
mended as a record of its own with the default pipeline, unfitted and then fitted on the descriptions
themselves (``textmend.fit``, issue #16). What does each change, by kind, and which words?

Package descriptions are titles of software: names everywhere (``ispell``, ``notmuch``, ``strongSwan``,
``filepath.Walk``), no sentence around them, nothing in a record to tell a name from glue. The fitted
model sees a name in many records and keeps it; every change here is read by hand
(docs/reliability.md).

Run from the repository root on a Debian or Ubuntu machine: ``PYTHONPATH=src python
benchmarks/descriptions.py`` (reads ``apt-cache dumpavail``: the package lists of the last ``apt-get
update``; about 10 s). ``--packages FILE`` reads a file in that format instead (a ``Packages`` file);
``--contexts`` prints each change in its record.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from changed_words import changed_words, print_most_changed

import textmend


def descriptions(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """``(package, description)`` of each stanza of a ``Packages`` file, each distinct description once:
    the ``Description:`` line and its continuation lines (`` .`` a blank line)."""
    seen: set[str] = set()
    package, description = "", None
    for line in [*lines, ""]:
        if line.startswith("Package:"):
            package = line.partition(":")[2].strip()
        elif line.startswith("Description:"):
            description = [line.partition(":")[2].strip()]
        elif description is not None and line.startswith(" "):
            body = line[1:].rstrip("\n")
            description.append("" if body == "." else body)
        elif description is not None:
            text = "\n".join(description)
            description = None
            if text and text not in seen:
                seen.add(text)
                yield package, text


def package_lists(given: Path | None) -> list[str] | None:
    """The lines of ``given``, or of ``apt-cache dumpavail``; ``None``, after saying so, when neither
    is there."""
    if given is not None:
        if given.is_file():
            return given.read_text(encoding="utf-8", errors="replace").splitlines()
        print(f"descriptions: {given} is no file; name a Packages file with --packages", file=sys.stderr)
        return None
    if shutil.which("apt-cache") is None:
        print("descriptions: no apt-cache here; name a Packages file with --packages", file=sys.stderr)
        return None
    listed = subprocess.run(["apt-cache", "dumpavail"], capture_output=True, text=True, errors="replace")
    return listed.stdout.splitlines()


def mend_all(
    records: list[tuple[str, str]], pipeline: textmend.Pipeline, contexts: bool, label: str
) -> tuple[Counter[str], Counter[str], float]:
    """Changes by kind and changed words of each record mended by ``pipeline``, and the CPU seconds."""
    kinds: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    started = time.process_time()
    for package, text in records:
        changes = pipeline.mend_document(text).changes
        kinds.update(change.kind for change in changes)
        changed.update(text[start:end] for start, end, _ in changed_words(text, changes))
        if contexts:
            for change in changes:
                print(f"{label} {package}: {change.kind}: {text!r}: {change.reason}")
    return kinds, changed, time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=Path, help="a Packages file (default: apt-cache dumpavail)")
    parser.add_argument("--contexts", action="store_true", help="print each change in its record")
    parser.add_argument("--top", type=int, default=20, help="most changed words shown")
    args = parser.parse_args(argv)
    lines = package_lists(args.packages)
    if lines is None:
        return 2
    records = list(descriptions(lines))
    words = sum(len(text.split()) for _, text in records)
    started = time.process_time()
    model = textmend.fit(text for _, text in records)
    fitting = time.process_time() - started
    print(
        f"Debian package descriptions, {len(records):,} distinct, {words:,} words;"
        f" textmend {textmend.__version__}"
    )
    print()
    print("| pipeline | changes | per 100k words | by kind | CPU s |")
    print("|---|---:|---:|---|---:|")
    results = {}
    for label, pipeline in (("unfitted", textmend.DEFAULT), ("fitted", textmend.DEFAULT.with_model(model))):
        kinds, changed, seconds = mend_all(records, pipeline, args.contexts, label)
        results[label] = changed
        total = sum(kinds.values())
        by_kind = ", ".join(f"`{kind}` {count}" for kind, count in kinds.most_common())
        print(
            f"| {label} | {total} | {100_000 * total / max(words, 1):.2f} | {by_kind or '-'}"
            f" | {seconds:.1f} |"
        )
    print()
    print(f"fitting on the descriptions: {fitting:.1f} CPU s")
    for label, changed in results.items():
        print()
        print_most_changed(changed, args.top, f"most changed, {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
