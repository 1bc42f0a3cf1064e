"""Build ``src/textmend/fixers/data/en-book-pairs.tsv.gz``: pairs of English words that public-domain
books write apart far more often than closed up, and that wordfreq does not know glued; and
``en-book-junk.tsv.gz``: such pairs whose glued form wordfreq knows only as junk (``somany``); and
``en-book-function-pairs.tsv.gz``: how often the books write two function words side by side (``of the``,
``so it``; not ``the on``).

WordNet's pairs (``tools/build_pairs.py``) cover 10-15% of the content-word joins of the benchmark's
dev splits. Printed prose covers others (``twelve years``, ``take place``, ``be saved``): this
script counts adjacent lowercase word pairs in the Project Gutenberg texts of the GitHub repository
``rcdm-uga/Gutenberg_Text`` (commit ``a0b16d3``; public-domain books, one folder per author), only the
books of ``benchmarks/books.py``'s **dev** split (that script's selection: its excluded authors left out,
Melville among them, whose *Moby Dick* is the fiction benchmark), so that the test split it reports
on stays unseen. Project Gutenberg's header and licence footer are cut off first.

A pair is kept when:

* its words are lowercase ASCII letters, at most one of them a function word of
  ``_wordlists.FUNCTION_WORDS`` (``be saved``, ``sharpened by``) and that one none of ``WORD_MAKING``
  (``a``, ``no``, ``up``, ``in``...: they start and end many words the books never close up:
  ``aleak``, ``nodelay``, ``speakup``, ``recoverin``), nor a leader before a word or a trailer after
  one (``his``, ``the``; ``those``: ``_splitter.bound_split`` reads those pairs without a table); each
  other word of three letters or more and Zipf ``PART_ZIPF`` or more;
* wordfreq does not know the two glued (Zipf 0: ``bookcase``, ``sunlight`` are never in the table);
* the books write it apart at least ``MIN_COUNT`` times and closed up or hyphenated (``whale ships``
  against ``whaleships``, ``sharp pointed`` against ``sharp-pointed``: a compound) at most
  ``1 / APART_RATIO`` as often.

The junk table keeps, under the same two counts, the pairs that ``_splitter.junk_split`` could read by
the books' evidence: wordfreq knows the glued form, but rarely (Zipf above 0 and at most
``_JUNK_GLUED_ZIPF``: ``somany`` 1.1, ``atlast`` 1.6, ``beable`` 1.5, from scraped web text), one word
is a function word, both are at least ``_JUNK_PART_ZIPF`` common, and the books write the pair more
often than wordfreq sees the glued form by ``_JUNK_ODDS`` Zipf units or more (the pair's Zipf value
in the books: its count per billion words they hold, which the file's second line gives).

The function-pair table keeps every pair of two function words of ``_wordlists.FUNCTION_WORDS`` that
the books write apart at least ``MIN_COUNT`` times, with its count (``_splitter.unvouched_function_pair``
asks it whether two function words are a pair at all: frequencies alone cannot tell ``in the`` from
``the on``); its second line says how many words the books hold.

Output: ``left right count`` per line, sorted (the second line of the junk and function-pair tables:
``# words N``), gzip with a fixed mtime (a rebuild from the same export and the same wordfreq is
byte-identical). Counts are facts about public-domain texts; the file's header names the source.

Run: ``python tools/build_book_pairs.py DIR`` with DIR an export of the repository's ``.txt`` files
in their author folders (``git ls-tree -r -z`` / ``git cat-file`` of a clone: ``-z``, or the folders
with accented names come out quoted and their books are missed); 2 worker processes, about a minute
and a half and 0.8 GB of memory.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import re
import sys
from collections import Counter
from pathlib import Path

from debian_data import write_gzip
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from books import body, books  # type: ignore[import-not-found]  # noqa: E402  (benchmarks/, not a package)

from textmend.fixers._splitter import (  # noqa: E402
    _JUNK_GLUED_ZIPF,
    _JUNK_ODDS,
    _JUNK_PART_ZIPF,
    _LEADERS,
    _TRAILERS,
)
from textmend.fixers._wordlists import FUNCTION_WORDS  # noqa: E402

__all__ = ["build", "count", "function_kept", "junk_kept", "kept", "main"]

OUTPUT = ROOT / "src" / "textmend" / "fixers" / "data" / "en-book-pairs.tsv.gz"
JUNK_OUTPUT = OUTPUT.with_name("en-book-junk.tsv.gz")
FUNCTION_OUTPUT = OUTPUT.with_name("en-book-function-pairs.tsv.gz")
MIN_COUNT = 10  # the reading's floor (``_splitter.BOOK_PAIR_MIN``): rarer pairs are an accident of wording
APART_RATIO = 10  # written apart ten times as often as closed up or hyphenated ("dark green" 116, 43)
PART_ZIPF = 3.0  # the reading's floor for each word (``_settled_pair``)
PART_LETTERS = 3
# Function words that start or end many words (``aleak``, ``nodelay``, ``speakup``, ``timeit``,
# ``recoverin``, ``followon``, ``findall``, ``fallthrough``, ``outwaiting``, ``offhand``, ``overpost``: the
# dev splits and the manuals): no pair with one of them is kept.
WORD_MAKING = frozenset("a an no up it in on all through out off over".split())  # noqa: SIM905
# Two lowercase words side by side: whitespace (or the text's edge) before the pair and between its
# words, and after it too or one mark that ends a clause (``for example,``: without it the books'
# count of "for example" was a fifth of their uses; thirty-fourth round). No punctuation between them;
# the second word is a look-ahead, so pairs overlap.
_PAIR = re.compile(r"(?:^|(?<=\s))([a-z]+) (?=([a-z]+)(?:[,;:.!?]?\s|$))")
# A pair closed up (``whaleships``) or hyphenated (``sharp-pointed``, a compound adjective): one word.
_CLOSED = re.compile(r"(?<![\w-])([a-z]+)-?([a-z]+)(?![\w-])")
_SOURCE = (
    "from Project Gutenberg texts (GitHub rcdm-uga/Gutenberg_Text a0b16d3, the dev split of"
    " benchmarks/books.py; public domain); built by tools/build_book_pairs.py.\n"
)
HEADER = "# English word pairs that public-domain books write apart, " + _SOURCE
JUNK_HEADER = (
    "# English word pairs that public-domain books write apart and wordfreq knows glued only as junk, "
    + _SOURCE
)
FUNCTION_HEADER = "# Pairs of English function words that public-domain books write side by side, " + _SOURCE


def count(paths: list[Path]) -> tuple[Counter[str], Counter[str], int]:
    """The pairs (``"left right"``) in ``paths``, the words written closed up or with a hyphen
    (``sharp-pointed`` counts as ``sharppointed``), and how many words the books hold (split at
    whitespace)."""
    pairs: Counter[str] = Counter()
    closed: Counter[str] = Counter()
    words = 0
    for path in paths:
        split = body(path.read_text("utf-8", errors="replace")).split()
        words += len(split)
        text = " ".join(split)
        pairs.update(map(" ".join, _PAIR.findall(text)))
        closed.update(map("".join, _CLOSED.findall(text)))
    return pairs, closed, words


def kept(pair: str, apart: int, closed: Counter[str]) -> bool:
    """Whether the table keeps ``pair``, which the books write apart ``apart`` times."""
    if apart < MIN_COUNT:
        return False
    left, _, right = pair.partition(" ")
    function = FUNCTION_WORDS["en"]
    content = [word for word in (left, right) if word not in function]
    if not content or (len(content) == 1 and (left in WORD_MAKING or right in WORD_MAKING)):
        return False
    if (left in _LEADERS and right in content) or (right in _TRAILERS and left in content):
        return False  # the bound reading reads it without a table ("his gills", "shunned those")
    if closed[left + right] * APART_RATIO > apart:
        return False
    return zipf_frequency(left + right, "en") == 0.0 and all(
        len(word) >= PART_LETTERS and zipf_frequency(word, "en") >= PART_ZIPF for word in content
    )


def junk_kept(pair: str, apart: int, closed: Counter[str], words: int) -> bool:
    """Whether the junk table keeps ``pair``, which books of ``words`` words write apart ``apart`` times."""
    if apart < MIN_COUNT or closed[pair.replace(" ", "")] * APART_RATIO > apart:
        return False
    left, _, right = pair.partition(" ")
    function = FUNCTION_WORDS["en"]
    if not (left in function or right in function):
        return False
    glued = zipf_frequency(left + right, "en")
    if not 0.0 < glued <= _JUNK_GLUED_ZIPF:
        return False
    if min(zipf_frequency(left, "en"), zipf_frequency(right, "en")) < _JUNK_PART_ZIPF:
        return False
    return math.log10(apart * 1e9 / words) - glued >= _JUNK_ODDS


def function_kept(pair: str, apart: int) -> bool:
    """Whether the function-pair table keeps ``pair``, which the books write apart ``apart`` times."""
    function = FUNCTION_WORDS["en"]
    return apart >= MIN_COUNT and all(word in function for word in pair.split(" "))


def build(
    folder: Path,
    output: Path = OUTPUT,
    workers: int = 2,
    junk_output: Path = JUNK_OUTPUT,
    function_output: Path = FUNCTION_OUTPUT,
) -> tuple[int, int, int]:
    """Write the three tables from the books under ``folder``; the number of pairs each keeps."""
    paths = books(folder, "dev")
    with multiprocessing.Pool(workers) as pool:
        parts = pool.map(count, [paths[i::workers] for i in range(workers)])
    pairs: Counter[str] = Counter()
    closed: Counter[str] = Counter()
    words = 0
    for part_pairs, part_closed, part_words in parts:
        pairs.update(part_pairs)
        closed.update(part_closed)
        words += part_words
    table = sorted((pair, n) for pair, n in pairs.items() if kept(pair, n, closed))
    write_gzip(output, HEADER + "".join(f"{pair} {n}\n" for pair, n in table))
    junk = sorted((pair, n) for pair, n in pairs.items() if junk_kept(pair, n, closed, words))
    write_gzip(junk_output, JUNK_HEADER + f"# words {words}\n" + "".join(f"{pair} {n}\n" for pair, n in junk))
    both = sorted((pair, n) for pair, n in pairs.items() if function_kept(pair, n))
    write_gzip(
        function_output, FUNCTION_HEADER + f"# words {words}\n" + "".join(f"{pair} {n}\n" for pair, n in both)
    )
    return len(table), len(junk), len(both)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("books", type=Path, help="an export of rcdm-uga/Gutenberg_Text's author folders")
    args = parser.parse_args(argv)
    pairs, junk, both = build(args.books)
    print(pairs, "pairs,", junk, "junk pairs,", both, "function-word pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
