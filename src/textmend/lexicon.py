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

import math
from collections.abc import Mapping
from functools import cache

from wordfreq import available_languages as wordfreq_languages
from wordfreq import cB_to_freq, get_frequency_list, read_cBpack
from wordfreq.numbers import has_digit_sequence

__all__ = ["available_languages", "common_words", "frequencies", "top_words", "zipf"]


def _buckets(language: str, wordlist: str) -> list[list[str]]:
    """wordfreq's ``wordlist`` of ``language`` as it stores it: one list of words per centibel of
    frequency, most frequent first. Read from its file, not kept (see the module docstring); a code
    wordfreq would match only approximately (``pt-BR``) goes through wordfreq's own reading."""
    path = wordfreq_languages(wordlist).get(language)
    if path is None:
        return get_frequency_list(language, wordlist)
    return read_cBpack(path)


def _frequency_dict(language: str, wordlist: str) -> dict[str, float]:
    """What ``wordfreq.get_frequency_dict(language, wordlist)`` returns, built without wordfreq's caches."""
    table: dict[str, float] = {}
    for index, bucket in enumerate(_buckets(language, wordlist)):
        frequency = cB_to_freq(-index)
        for word in bucket:
            table[word] = frequency
    return table


@cache
def frequencies(language: str = "en") -> dict[str, float]:
    """The word-frequency table of ``language`` (word -> frequency per word of text)."""
    return _frequency_dict(language, "best")


def top_words(language: str, n: int, wordlist: str = "best") -> list[str]:
    """The ``n`` most frequent words of ``language``, as ``wordfreq.top_n_list`` gives them (without a
    run of two digits), read without wordfreq's caches."""
    words: list[str] = []
    for bucket in _buckets(language, wordlist):
        for word in bucket:
            if not has_digit_sequence(word):
                words.append(word)
                if len(words) >= n:
                    return words
    return words


def zipf(word: str, language: str = "en") -> float:
    """The Zipf frequency of ``word`` (log10 of uses per billion words; 0 for unknown words).

    Looks ``word`` up as given: callers lower-case it first where case does not matter.
    """
    frequency = frequencies(language).get(word)
    return math.log10(frequency) + 9.0 if frequency else 0.0


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
    if min_zipf < 3.0:
        raise ValueError(f"wordfreq's small lists stop at Zipf 3; min_zipf {min_zipf} is below that")
    least = 10 ** (min_zipf - 9.0)
    return dict.fromkeys(w for w, f in _frequency_dict(language, "small").items() if f >= least)


@cache
def available_languages() -> frozenset[str]:
    """The language codes wordfreq has a word list for (``"en"``, ``"de"``, ``"fr"``, ...)."""
    return frozenset(wordfreq_languages(wordlist="best"))
