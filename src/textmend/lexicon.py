"""Word frequencies from ``wordfreq``, loaded once per process and only when first needed.

Pipelines do not hold the word list, so they pickle small; each worker process loads it on its first
lookup.

The tables are read from wordfreq's files here rather than through ``wordfreq.get_frequency_dict``,
whose cache keeps each list it read as lists of words for the life of the process: about a million
list entries once the neighbouring languages are loaded, which Python's garbage collector walks in
every full collection (22 ms each; a cold pass over a corpus meets one every 0.3 MB or so). The dicts
built here are the same, key for key and in the same order (a test compares them), and hold only
strings and floats, which the collector does not watch.

>>> zipf("the") > 7 > zipf("usedfor")
True
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Generator, Iterator, Mapping
from contextlib import closing
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import msgpack
import regex

__all__ = [
    "available_languages",
    "common_words",
    "common_zipfs",
    "frequencies",
    "top_words",
    "word_lists",
    "zipf",
]


def _frequency_dict(language: str, wordlist: str) -> dict[str, float]:
    """What ``wordfreq.get_frequency_dict(language, wordlist)`` returns, built without wordfreq's caches."""
    table: dict[str, float] = {}
    for index, bucket in enumerate(_buckets(language, wordlist)):
        if bucket:  # a word in two buckets (none is) would keep its place and take the later value, as there
            table.update(dict.fromkeys(bucket, _frequency(-index)))
    return table


@cache
def frequencies(language: str = "en") -> dict[str, float]:
    """The word-frequency table of ``language`` (word -> frequency per word of text)."""
    return _frequency_dict(language, "best")


def top_words(language: str, n: int, wordlist: str = "best") -> list[str]:
    """The ``n`` most frequent words of ``language``, as ``wordfreq.top_n_list`` gives them (without a
    run of two digits), read without wordfreq's caches and only as far as they go."""
    words: list[str] = []
    with closing(_buckets(language, wordlist)) as buckets:
        for bucket in buckets:
            for word in bucket:
                if _DIGITS.match(word) is None:
                    words.append(word)
                    if len(words) >= n:
                        return words
    return words


def _buckets(language: str, wordlist: str) -> Generator[list[str], None, None]:
    """wordfreq's ``wordlist`` of ``language`` as it stores it: one list of words per centibel of
    frequency, most frequent first. Read from its file (the format ``wordfreq.read_cBpack`` reads), not
    kept (see the module docstring), and decoded only as far as the buckets are taken: the language
    markers want a hundred words of each of 19 lists of tens of thousands (3 ms in all, not 90). A code
    wordfreq would match only approximately (``pt-BR``) goes through wordfreq's own reading."""
    path = word_lists(wordlist).get(language)
    if path is None:
        from wordfreq import get_frequency_list

        yield from get_frequency_list(language, wordlist)
        return
    with gzip.open(path, "rb") as packed:
        unpacker = msgpack.Unpacker(packed, raw=False, read_size=_READ_SIZE)
        items = unpacker.read_array_header()
        header = unpacker.unpack() if items else None
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"wordfreq's word list {path} has an unexpected header: {header!r}")
        for _ in range(items - 1):
            yield unpacker.unpack()


# Bytes of a word list decompressed at a time while its first words are read.
_READ_SIZE = 4096


# What ``wordfreq.numbers.has_digit_sequence`` finds at a word's start: wordfreq's lists give such words
# their frequencies, but its top lists leave them out.
_DIGITS = regex.compile(r"\d[\d.,]+")


def _frequency(centibels: int) -> float:
    """A frequency from wordfreq's centibel scale (``wordfreq.cB_to_freq``: 0 is 1, -100 is 0.1)."""
    return 10 ** (centibels / 100)


@cache
def word_lists(wordlist: str = "best") -> dict[str, str]:
    """wordfreq's files of ``wordlist`` (``small``, ``large``, or ``best``: large where there is one) by
    language, as ``wordfreq.available_languages`` lists them, found without importing wordfreq: its
    import (langcodes' tables with it) was 60 ms of textmend's 180, and the tables are read here anyway.
    """
    if wordlist == "best":
        return {**word_lists("small"), **word_lists("large")}
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("textmend needs wordfreq's word lists: pip install wordfreq")
    found: dict[str, str] = {}
    for path in sorted(Path(spec.submodule_search_locations[0], "data").glob("*.msgpack.gz")):
        name, _, language = path.name.split(".")[0].partition("_")
        if name == wordlist and not path.name.startswith("_"):
            found[language] = str(path)
    return found


def zipf(word: str, language: str = "en") -> float:
    """The Zipf frequency of ``word`` (log10 of uses per billion words; 0 for unknown words).

    Looks ``word`` up as given: callers lower-case it first where case does not matter.
    """
    frequency = frequencies(language).get(word)
    return math.log10(frequency) + 9.0 if frequency else 0.0


@cache
def common_zipfs(language: str = "en", min_zipf: float = 3.0) -> Mapping[str, float]:
    """The words of ``language`` with a Zipf frequency of at least ``min_zipf`` (3 or more), each with its
    Zipf value, read from wordfreq's small list as :func:`common_words` reads it.

    >>> 6.0 < common_zipfs("fr")["de"] < 8.0 and "usedfor" not in common_zipfs("fr")
    True
    """
    common: dict[str, float] = {}
    for value, bucket in _common_buckets(language, min_zipf):
        common.update(dict.fromkeys(bucket, value))
    return common


@cache
def common_words(language: str = "en", min_zipf: float = 3.0) -> Mapping[str, None]:
    """The words of ``language`` with a Zipf frequency of at least ``min_zipf`` (3 or more), as the keys
    of a read-only mapping: ``word in common_words()`` is as fast as a set's lookup, and
    ``a_set.difference(common_words())`` too.

    Read from wordfreq's small list (about 35,000 words a language), so asking about several languages
    stays cheap. A mapping of strings, not a frozenset: Python's garbage collector stops watching a
    dict that holds only strings, but walks every entry of a set in each full collection (the word
    sets of the neighbouring languages made each one 30-40 ms).

    >>> "the" in common_words("en", 5.0) and "usedfor" not in common_words("en")
    True
    """
    common: dict[str, None] = {}
    for _, bucket in _common_buckets(language, min_zipf):
        common.update(dict.fromkeys(bucket))
    return common


def _common_buckets(language: str, min_zipf: float) -> Iterator[tuple[float, list[str]]]:
    """wordfreq's small list of ``language`` down to Zipf ``min_zipf`` (3 or more): each bucket of words
    with its Zipf value, most frequent first."""
    if min_zipf < 3.0:
        raise ValueError(f"wordfreq's small lists stop at Zipf 3; min_zipf {min_zipf} is below that")
    least = 10 ** (min_zipf - 9.0)
    with closing(_buckets(language, "small")) as buckets:
        for index, bucket in enumerate(buckets):
            frequency = _frequency(-index)
            if frequency < least:
                return  # the buckets go from the most frequent down: the rest are rarer still
            yield math.log10(frequency) + 9.0, bucket


@cache
def available_languages() -> frozenset[str]:
    """The language codes wordfreq has a word list for (``"en"``, ``"de"``, ``"fr"``, ...)."""
    return frozenset(word_lists("best"))
