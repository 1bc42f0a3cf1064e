"""A general English table of content-word pairs, for the ``words`` fixer's content+content splits.

``data/en-pairs.tsv.gz`` holds 60,692 pairs of English content words that stand side by side in
WordNet 3.0 (two-word lemmas such as ``blood pressure`` count 3, each use in a gloss or an example 1;
pairs seen once are left out). Source: Debian ``wordnet-base`` 1:3.0-37, Princeton University's WordNet
3.0 licence (use, copy, modify and distribute for any purpose, with its copyright notice, which the
file's header keeps). ``tools/build_pairs.py`` rebuilds it byte for byte.

The table is read on first use (about 0.3 MB gzip, 0.2 s) and kept for the process.

>>> pair_count("blood", "pressure") > 10, pair_count("used", "for")
(True, 0)
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

__all__ = ["pair_count", "pair_table"]


@cache
def pair_table() -> dict[str, int]:
    """Every pair of the table, as ``"left right"``, and its count (loaded once). One string a pair, not
    a tuple of two: 6 MB in memory rather than 25."""
    data = resources.files(__package__).joinpath("data").joinpath("en-pairs.tsv.gz").read_bytes()
    table: dict[str, int] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        pair, _, count = line.rpartition(" ")
        table[pair] = int(count)
    return table


def pair_count(left: str, right: str) -> int:
    """How often WordNet 3.0 puts the content words ``left right`` side by side (0 when never)."""
    return pair_table().get(f"{left} {right}", 0)
