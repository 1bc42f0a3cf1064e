"""Word frequencies from ``wordfreq``, loaded once per process and only when first needed.

Pipelines do not hold the word list, so they pickle small; each worker process loads it on its first
lookup.

>>> zipf("the") > 7 > zipf("usedfor")
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache

from wordfreq import available_languages as wordfreq_languages
from wordfreq import get_frequency_dict

__all__ = ["available_languages", "common_words", "frequencies", "zipf"]


@cache
def frequencies(language: str = "en") -> dict[str, float]:
    """The word-frequency table of ``language`` (word -> frequency per word of text)."""
    # Positional arguments, as wordfreq's own lookups pass them: its cache then holds one table, not two.
    return get_frequency_dict(language, "best")


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
    return dict.fromkeys(w for w, f in get_frequency_dict(language, wordlist="small").items() if f >= least)


@cache
def available_languages() -> frozenset[str]:
    """The language codes wordfreq has a word list for (``"en"``, ``"de"``, ``"fr"``, ...)."""
    return frozenset(wordfreq_languages(wordlist="best"))
