"""The pure-Python speed work (issue #18) answers exactly as the plain code it replaced: each fast form
is run against a plain form kept here, over random text built from the pieces that matter to it."""

from __future__ import annotations

import sys
from collections import Counter

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from textmend.fixers import _language
from textmend.fixers._language import MARKER_LANGUAGES, OTHER_SCRIPT, decided_language, latin_share, markers

_WORD = regex.compile(r"\p{L}+")


def plain_decided_language(text: str, default: str) -> str | None:
    """decided_language as it was written before the speed work: a Counter of every word, lowercased
    one by one, and set intersections per language."""
    if latin_share(text) < _language._LATIN_SHARE:
        return OTHER_SCRIPT
    counts = Counter(match.group().lower() for match in _WORD.finditer(text))
    if not counts:
        return None
    own = markers(default) if default in MARKER_LANGUAGES else frozenset()
    own_hits = sum(counts[word] for word in own.intersection(counts))
    best, best_hits = None, 0
    for language in MARKER_LANGUAGES:
        if language == default:
            continue
        theirs = markers(language)
        hits = sum(counts[word] for word in theirs.intersection(counts) if word not in own)
        if hits < _language._MIN_MARKERS or hits <= best_hits:
            continue
        own_only = sum(counts[word] for word in own.intersection(counts) if word not in theirs)
        if hits > _language._MARGIN * own_only:
            best, best_hits = language, hits
    if best is None and own_hits >= _language._MIN_MARKERS:
        return default
    return best


# Marker words of every language (some capitalised or upper-cased), words of no list, and the
# characters where lowercasing or word splitting could differ: dotted I, final sigma, Kelvin sign,
# letters beyond Latin-1, CJK, digits and punctuation.
_MARKER_WORDS = sorted({word for language in MARKER_LANGUAGES for word in list(markers(language))[:40]})
_PIECES = st.one_of(
    st.sampled_from(_MARKER_WORDS),
    st.sampled_from(_MARKER_WORDS).map(str.upper),
    st.sampled_from(_MARKER_WORDS).map(str.title),
    st.sampled_from(["usedfor", "Jean", "Dupont", "\u0130stanbul", "\u0130\u00e7in", "\u039f\u03a3'",
                     "\u212aelvin", "\u0101", "\u5b89\u88c5", "42", "-", ".", "'", "\u2019", "\n"]),
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", " ", " ", "", ", ", "\n", "\u00a0"])
_TEXTS = st.lists(st.tuples(_PIECES, _SEPARATORS), max_size=40).map(
    lambda pairs: "".join(piece + separator for piece, separator in pairs)
)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, st.sampled_from([*MARKER_LANGUAGES[:8], "zh", "en"]))
def test_language_detection_answers_as_the_plain_count(text: str, default: str) -> None:
    assert decided_language(text, default) == plain_decided_language(text, default)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["en", "de", "pt"]))
def test_language_detection_answers_as_the_plain_count_on_any_text(text: str, default: str) -> None:
    assert decided_language(text, default) == plain_decided_language(text, default)


def test_only_dotted_i_lowercases_to_more_than_one_letter() -> None:
    # _lowercase_words lowercases the whole text before finding words; that is exact because no other
    # character's lowercase changes what is a letter (the test fails if Unicode ever adds one).
    letter = regex.compile(r"\p{L}")
    differing = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        is_letter = letter.match(char) is not None
        if len(lowered) != 1 or (letter.match(lowered) is not None) != is_letter:
            differing.append(char)
    assert differing == [_language._DOTTED_I]
