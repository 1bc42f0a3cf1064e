"""Build ``src/textmend/fixers/data/en-pairs.tsv.gz`` (English content-word pairs) and
``en-adjectives.txt.gz`` (English adjectives that are no noun) from WordNet 3.0.

The ``words`` fixer reads two content words glued together (``plateletcounts``, ``bloodpressure``)
only when a general English pair table has them side by side: no frequency list can tell
``operating system`` from ``weblogging``. This script makes that table from WordNet 3.0 as Debian ships
it (package ``wordnet-base``, version 1:3.0-37; Princeton University's WordNet 3.0 licence: use, copy,
modify and distribute for any purpose, the copyright notice kept; see the table's header):

* every two-or-more-word lemma of lowercase letters (``blood_pressure``, ``operating_system``) adds
  ``COLLOCATION_WEIGHT`` to each adjacent pair of its words;
* every gloss and example sentence (the text after ``|`` in ``data.noun``, ``data.verb``, ``data.adj``
  and ``data.adv``) adds 1 to each adjacent pair of lowercase words.

Only pairs of two content words are kept (neither a function word of ``_wordlists.FUNCTION_WORDS``,
both of three letters or more), with a count of at least ``MIN_COUNT``. Output: ``left right count``
per line, sorted, gzip with a fixed mtime, so that a rebuild is byte-identical.

The adjectives are the one-word lemmas of ``index.adj`` (lowercase ASCII letters, three or more) that
``index.noun`` does not also list: ``vast``, ``molecular``, ``different``, ``new``; not ``potential``,
``initial``, ``local``, ``client`` (nouns too, which head closed compounds: ``localhost``). Left out
too: ``COMBINING_FORMS``, adjectives that WordNet lists but that start compounds as prefixes do
(``microfilter``, ``ultraconserved``, ``quasiregal``). One word a line, sorted, the same header.

Run: ``python tools/build_pairs.py`` (needs ``apt-get`` and ``dpkg-deb``; downloads the package into a
temporary folder) or ``python tools/build_pairs.py --wordnet DIR`` with an unpacked ``usr/share/wordnet``.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from pathlib import Path

from debian_data import unpacked, write_gzip

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from textmend.fixers._wordlists import FUNCTION_WORDS  # noqa: E402

__all__ = ["adjectives_of", "build", "lemmas_of", "main", "pairs_of"]

PACKAGE = "wordnet-base=1:3.0-37"
OUTPUT = ROOT / "src" / "textmend" / "fixers" / "data" / "en-pairs.tsv.gz"
ADJECTIVES = OUTPUT.with_name("en-adjectives.txt.gz")
COMBINING_FORMS = frozenset({"micro", "ultra", "neo", "proto", "quasi"})
COLLOCATION_WEIGHT = 3  # a lemma is a fixed phrase: worth three sentences that use the pair
MIN_COUNT = 2  # one gloss's pair is an accident of wording
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[^a-z\s]+")
_LEMMA = re.compile(r"[a-z]+(?:_[a-z]+)+")
SOURCE = "from WordNet 3.0 (Debian wordnet-base 1:3.0-37); built by tools/build_pairs.py.\n"
NOTICE = (
    "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission to use, copy,"
    " modify and distribute this software and database and its documentation for any purpose and"
    " without fee or royalty is hereby granted, provided that the copyright notice and statements appear"
    " on all copies. THIS DATABASE IS PROVIDED AS IS; PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR"
    " WARRANTIES, EXPRESS OR IMPLIED.\n"
)
HEADER = "# English content-word pairs " + SOURCE + NOTICE
ADJECTIVES_HEADER = "# English adjectives that are no noun " + SOURCE + NOTICE


def pairs_of(wordnet: Path) -> Counter[tuple[str, str]]:
    """Adjacent lowercase word pairs of WordNet's lemmas (weighted) and glosses."""
    counts: Counter[tuple[str, str]] = Counter()
    for part in ("noun", "verb", "adj", "adv"):
        for line in (wordnet / f"data.{part}").read_text(encoding="latin-1").splitlines():
            if not line[:1].isdigit():
                continue  # the licence text at the top
            head, _, gloss = line.partition(" | ")
            fields = head.split()
            lemmas = fields[4 : 4 + 2 * int(fields[3], 16) : 2]
            for lemma in lemmas:
                lemma = lemma.split("(")[0]  # "galore(ip)": an adjective's position
                if _LEMMA.fullmatch(lemma):
                    words = lemma.split("_")
                    for pair in itertools.pairwise(words):
                        counts[pair] += COLLOCATION_WEIGHT
            tokens = _TOKEN.findall(gloss.lower())
            for left, right in itertools.pairwise(tokens):
                if left.isalpha() and right.isalpha():
                    counts[left, right] += 1
    return counts


def lemmas_of(wordnet: Path, part: str) -> set[str]:
    """The one-word lemmas of ``index.<part>`` that are lowercase ASCII letters: ``{"vast", ...}``."""
    found = set()
    for line in (wordnet / f"index.{part}").read_text(encoding="latin-1").splitlines():
        lemma = line.partition(" ")[0]
        if not line.startswith(" ") and lemma.isascii() and lemma.isalpha() and lemma.islower():
            found.add(lemma)
    return found


def adjectives_of(wordnet: Path) -> list[str]:
    """WordNet's adjectives of three letters or more that are no noun and no combining form, sorted."""
    nouns = lemmas_of(wordnet, "noun")
    return sorted(
        word
        for word in lemmas_of(wordnet, "adj")
        if len(word) >= 3 and word not in nouns and word not in COMBINING_FORMS
    )


def build(wordnet: Path, output: Path = OUTPUT) -> int:
    """Write the table; the number of pairs kept."""
    function = FUNCTION_WORDS["en"]
    kept = sorted(
        (pair, count)
        for pair, count in pairs_of(wordnet).items()
        if count >= MIN_COUNT and all(len(w) >= 3 and w not in function for w in pair)
    )
    write_gzip(output, HEADER + "".join(f"{left} {right} {count}\n" for (left, right), count in kept))
    adjectives = adjectives_of(wordnet)
    write_gzip(output.with_name(ADJECTIVES.name), ADJECTIVES_HEADER + "".join(f"{w}\n" for w in adjectives))
    return len(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--wordnet", type=Path, help="an unpacked usr/share/wordnet (else downloaded)")
    args = parser.parse_args(argv)
    if args.wordnet is not None:
        print(build(args.wordnet), "pairs and the adjectives")
        return 0
    with unpacked(PACKAGE) as root:
        print(build(root / "usr" / "share" / "wordnet"), "pairs and the adjectives")
    return 0


if __name__ == "__main__":
    sys.exit(main())
