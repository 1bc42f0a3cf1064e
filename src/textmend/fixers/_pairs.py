"""General English tables for the ``words`` fixer's splits of two words: pairs of content words and
adjectives that are no noun (WordNet 3.0), and pairs of words that books write apart.

``data/en-pairs.tsv.gz`` holds 60,692 pairs of English content words that stand side by side in
WordNet 3.0 (two-word lemmas such as ``blood pressure`` count 3, each use in a gloss or an example 1;
pairs seen once are left out). Source: Debian ``wordnet-base`` 1:3.0-37, Princeton University's WordNet
3.0 licence (use, copy, modify and distribute for any purpose, with its copyright notice, which the
file's header keeps). ``tools/build_pairs.py`` rebuilds it byte for byte.

The table is read on first use (about 0.3 MB gzip, 0.2 s) and kept for the process.

``data/en-adjectives.txt.gz`` holds the 14,893 one-word adjectives of WordNet 3.0 (lowercase, three
letters or more) that it does not also list as nouns (``vast``, ``molecular``, ``new``; not
``potential``, ``local``), less five combining forms (``micro``, ``ultra``, ``neo``, ``proto``,
``quasi``). Same source, licence and builder; read on first use (52 kB gzip, about 0.01 s).

``data/en-book-pairs.tsv.gz`` holds 206,333 pairs of English words that Project Gutenberg's
public-domain books write apart at least ten times, and ten times as often as closed up or hyphenated,
and that wordfreq does not know glued: two content words (``twelve years``, ``take place``) or one and
a function word that the shape rules cannot read (``be saved``, ``sharpened by``); each content word of
Zipf 3 or more. Source: the dev half of the books of ``benchmarks/books.py`` (GitHub
``rcdm-uga/Gutenberg_Text`` at ``a0b16d3``); ``tools/build_book_pairs.py`` rebuilds it. Read on first
use (1.0 MB gzip, about 0.04 s) and kept for the process as its sorted lines.

``data/en-book-junk.tsv.gz`` holds the 851 pairs of the same books, counted the same way, whose glued
form wordfreq knows only rarely, from scraped web text (``somany``, ``atlast``, ``beable``, ``inthe``:
Zipf 3 or less), with a function word, two words of Zipf 4 or more, and a count that makes the pair at least
2.5 Zipf units likelier than the glued form (see ``_splitter.junk_split``); its second line says how
many words the books hold (``# words N``). Same source and builder; read on first use (5 kB gzip).

``data/en-book-function-pairs.tsv.gz`` holds the 16,499 pairs of two English function words that the
same books write side by side at least ten times (``of the``, ``so it``, ``why not``; ``the on`` 22
times in 94 M words, ``can is`` never), with the same second line; same source and builder; read on
first use (71 kB gzip).

>>> pair_count("blood", "pressure") > 10, pair_count("used", "for")
(True, 0)
>>> book_pair_count("twelve", "years") > 100, book_pair_count("sun", "light")
(True, 0)
>>> round(book_junk_zipf("so", "many"), 2), book_junk_zipf("twelve", "years")
(4.97, 0.0)
>>> round(book_function_zipf("of", "the"), 1), book_function_zipf("can", "is")
(6.9, 0.0)
>>> is_adjective("molecular"), is_adjective("potential")
(True, False)
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from functools import cache

from ._dictionary import data_text

__all__ = [
    "adjectives",
    "book_function_table",
    "book_function_zipf",
    "book_junk_table",
    "book_junk_zipf",
    "book_pair_count",
    "book_pair_lines",
    "is_adjective",
    "pair_count",
    "pair_table",
]


@cache
def pair_table() -> dict[str, int]:
    """Every pair of WordNet's table, as ``"left right"``, and its count (loaded once). One string a pair,
    not a tuple of two: 6 MB in memory rather than 25."""
    table: dict[str, int] = {}
    for line in data_text("en-pairs.tsv.gz", "utf-8").splitlines():
        if line.startswith("#"):
            continue
        pair, _, count = line.rpartition(" ")
        table[pair] = int(count)
    return table


@cache
def book_pair_lines() -> tuple[str, ...]:
    """The books' table as its sorted lines, ``"left right count"`` (the header first, loaded once).
    Looked up by bisection: splitting the text takes a fifth of the time a dict of 170,000 pairs
    takes to build, and a process that reads one document pays it. A tuple, not a list: the garbage
    collector stops walking a tuple of strings (as it does a dict of them, ``_dictionary``)."""
    return tuple(data_text("en-book-pairs.tsv.gz").rstrip("\n").split("\n"))


def pair_count(left: str, right: str) -> int:
    """How often WordNet 3.0 puts the content words ``left right`` side by side (0 when never)."""
    return pair_table().get(f"{left} {right}", 0)


def book_pair_count(left: str, right: str) -> int:
    """How often the public-domain books write ``left right`` apart (0 when the table does not keep the
    pair). The lines sort as their pairs do (a space sorts before every letter), and a line that starts
    with ``"left right "`` is that pair's."""
    lines = book_pair_lines()
    key = f"{left} {right} "
    at = bisect.bisect_left(lines, key)
    return int(lines[at][len(key) :]) if at < len(lines) and lines[at].startswith(key) else 0


#: How the junk table's header gives the number of words the books hold: ``# words 94081683``.
_WORDS_LINE = "# words "


def book_junk_table() -> dict[str, float]:
    """The junk table's pairs, as ``"left right"``, each with its Zipf value in the books (loaded once)."""
    return _book_zipf_table("en-book-junk.tsv.gz")


def book_function_table() -> dict[str, float]:
    """The function-pair table's pairs, as ``"left right"``, each with its Zipf value in the books
    (loaded once)."""
    return _book_zipf_table("en-book-function-pairs.tsv.gz")


@cache
def _book_zipf_table(name: str) -> dict[str, float]:
    """The pairs of the books' table ``name`` whose second line gives the words the books hold, each with
    its Zipf value: the base-10 logarithm of its count per billion words of the books."""
    lines = data_text(name).rstrip("\n").split("\n")
    words = next(int(line[len(_WORDS_LINE) :]) for line in lines if line.startswith(_WORDS_LINE))
    table: dict[str, float] = {}
    for line in lines:
        if not line.startswith("#"):
            pair, _, count = line.rpartition(" ")
            table[pair] = math.log10(int(count) * 1e9 / words)
    return table


def book_junk_zipf(left: str, right: str) -> float:
    """The Zipf value of ``left right`` in the books, where wordfreq knows the two glued only as junk and
    the junk table keeps the pair (0.0 when it does not)."""
    return book_junk_table().get(f"{left} {right}", 0.0)


def book_function_zipf(left: str, right: str) -> float:
    """The Zipf value of ``left right``, two function words, in the books (0.0 when they write the pair
    fewer than ten times)."""
    return book_function_table().get(f"{left} {right}", 0.0)


@cache
def adjectives() -> Mapping[str, None]:
    """Every adjective of the list, as the keys of a read-only mapping (loaded once; a dict of strings,
    which the garbage collector does not walk, as ``_dictionary.english_dictionary``)."""
    lines = data_text("en-adjectives.txt.gz").split("\n")
    return dict.fromkeys(line for line in lines if line[:1].isalpha())


def is_adjective(word: str) -> bool:
    """Whether WordNet 3.0 lists ``word`` as an adjective and not as a noun (``vast``; not ``local``)."""
    return word in adjectives()
