"""Clean non-English text through the whole default pipeline: how many words (characters for Chinese
and Japanese) does textmend change per 100k? Every change is a false one: the text is clean.

The corpora are the licensed, clean multilingual documents of ``benchmarks/corpora.py`` (see
``benchmarks/data/README.md``); ``TEXTMEND_CORPORA`` names another folder holding ``corpora.py`` and
its ``data/``. Reports the ``test`` split (``--split dev`` to tune) and prints the first changes found.

Run from the repository root: ``PYTHONPATH=src python benchmarks/multilingual.py``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType

import textmend

LANGUAGES = ("de", "fr", "es", "nl", "it", "pt", "zh", "ja")
#: Languages counted in characters (they write no spaces between words).
BY_CHARACTER = frozenset({"zh", "ja"})
TARGET_PER_100K = 1.0
_TOKEN = re.compile(r"\S+")


def corpora() -> ModuleType:
    """The ``corpora`` module: from ``TEXTMEND_CORPORA`` if set, else next to this script."""
    folder = Path(os.environ.get("TEXTMEND_CORPORA", Path(__file__).resolve().parent))
    spec = importlib.util.spec_from_file_location("corpora", folder / "corpora.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no corpora.py in {folder}; set TEXTMEND_CORPORA to the folder that has it")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def units(text: str, by_character: bool) -> int:
    """How many words (or non-space characters) ``text`` has."""
    return sum(not c.isspace() for c in text) if by_character else len(_TOKEN.findall(text))


def changed_units(text: str, changes: list[textmend.Change], by_character: bool) -> int:
    """How many words of ``text`` the changes touch (or how many characters they change)."""
    if by_character:
        return sum(max(len(c.before), len(c.after), 1) for c in changes)
    spans = [m.span() for m in _TOKEN.finditer(text)]
    touched = set()
    for change in changes:
        for index, (start, end) in enumerate(spans):
            if start <= change.end and change.start <= end:
                touched.add(index)
    return len(touched)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="test", choices=("all", "dev", "test"))
    parser.add_argument("--show", type=int, default=5, help="changes to print per language (5)")
    args = parser.parse_args()
    module = corpora()
    textmend.mend("warm up: usedfor")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"{machine}, split {args.split}")
    print()
    print("| language | documents | words (zh, ja: characters) | changed | per 100k | fixers | seconds |")
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: |")
    examples: dict[str, list[str]] = {}
    worst = 0.0
    for language in LANGUAGES:
        records = module.load(language, args.split)
        by_character = language in BY_CHARACTER
        total = changed = 0
        fixers: Counter[str] = Counter()
        started = time.process_time()
        for record in records:
            text = str(record["text"])
            document = textmend.mend_document(text)
            total += units(text, by_character)
            changed += changed_units(text, document.changes, by_character)
            for change in document.changes:
                fixers[change.fixer] += 1
                if len(examples.setdefault(language, [])) < args.show:
                    context = text[max(0, change.start - 25) : change.end + 25]
                    examples[language].append(f"{change.fixer}: {context!r} -> {change.after!r}")
        seconds = time.process_time() - started
        rate = 100_000 * changed / total if total else 0.0
        worst = max(worst, rate)
        named = ", ".join(f"{name} {count}" for name, count in fixers.most_common()) or "-"
        print(
            f"| {language} | {len(records)} | {total:,} | {changed} | {rate:.2f} | {named} | {seconds:.1f} |"
        )
    for language, lines in examples.items():
        print(f"\n{language}:")
        for line in lines:
            print(f"  {line}")
    print(f"\nworst language: {worst:.2f} changed per 100k (target <= {TARGET_PER_100K:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
