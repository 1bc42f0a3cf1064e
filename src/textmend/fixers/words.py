"""``words``: put back the spaces a scraper deleted between words.

Three kinds of damage are mended, each only on evidence from word frequencies and from the document:

* glued lowercase words: ``are usedfor pain`` -> ``are used for pain`` (also three or more words);
* a lowercase word glued to a capitalised one: ``managementThe success`` -> ``management The success``;
* a missing space after sentence punctuation: ``pain.The`` -> ``pain. The``, and ``well.nAmazon`` ->
  ``well. Amazon`` where the ``n`` is what is left of a ``\\n`` that lost its backslash.

A real word is never split, however rare (``therapist``, ``nevertheless``), nor is a token the document
uses elsewhere, a name or brand (``iPhone``, ``McDonald``), an abbreviation, number, address, file name,
hashtag or code identifier.

>>> from textmend import Pipeline
>>> Pipeline(["words"])("are usedfor pain; the therapist saw it.The end")
'are used for pain; the therapist saw it. The end'

How a glued lowercase token (four letters or more) is judged: each junction of a candidate split gets
the Zipf value the pair would have if the two words were independent, ``zipf(left) + zipf(right) - 9``,
and every junction must reach ``margin + 1.3 * zipf(token)``. ``usedfor`` (unknown, junction 3.8) and
``ofthe`` (scraper junk of Zipf 3.3, junction 6.1) are split; ``therapist`` (4.0; ``the rapist`` 2.4) is
not. A split needs a function word among its parts (``filepath``, ``schoolfellow`` stay whole); a
word-forming prefix or suffix (``incurious``, ``gentlemanlike``), two content words side by side and a
third or fourth part each ask for more, and among good splits the one with fewer parts wins (``as
soon``, not ``as so on``). A one-letter part is only ``a``, before a common word that starts with a
consonant (``amoment``) or after a function word (``wasa``). A token that is a common word of a
neighbouring language (``canto``), an inflected word (``togas``), on a line that looks like code, or
that the document uses again is never split; a word the document uses on its own counts as common
(``wearableimplantableor`` splits in a text that also says ``wearable`` and ``implantable``).

The fixer acts only on text in its language (English by default): each line, and the clause around
each candidate, is read with wordfreq's most frequent words of some twenty Latin-script languages (see
``fixers/_language.py``), and text mostly in another script is never split. A Dutch ``nodig`` stays,
and so does a Spanish sentence quoted in an English article. A token that holds an HTML entity name
that lost its ``&`` (``andamp``, ``nbspthe``) is left for the ``entities`` fixer. A document with more
distinct rare lowercase runs than prose has (one every 200 characters, at most 5,000) keeps its glue,
which bounds the cost on any input.

Each edit has a ``kind`` (``words/glued``, ``words/camel``, ``words/no-space``) and ``evidence``
(``joined_zipf``, ``junction``, ``margin``, ``confidence`` from 0 to 1...).

>>> Pipeline(["words"])("Die fromme Frau ging in die Kirche und betete für ihre Kinder.")
'Die fromme Frau ging in die Kirche und betete für ihre Kinder.'
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

import regex

from ..fixer import Findings, Fixer, Pattern, register
from ..lexicon import available_languages, common_words, zipf
from ..model import Edit
from ._language import language_of
from ._wordlists import (
    AFTER_DOT,
    COMPOUND_HEADS,
    COMPOUNDING,
    ENTITY_REMNANT,
    FUNCTION_WORDS,
    NEIGHBOURS,
    PREFIXES,
    SUFFIXES,
)

# A lowercase word standing alone: not part of a URL, an address, a path, a hashtag or an identifier.
# A full stop before a capitalised word ends a sentence ("usedfor.The"), not a domain or a file name.
_LOWER_TOKEN = regex.compile(r"(?<![\w@/.#\\&\-+$%])\p{Ll}{4,40}(?![\w@/\\&\-+$%]|:\w|\.(?!\p{Lu}\p{Ll})\w)")
# "managementThe": lowercase letters, then one capitalised word, and nothing more of the token.
_CAMEL_TOKEN = regex.compile(
    r"(?<![\w@/.#\\&\-+$%])(\p{Ll}{2,40})(\p{Lu}\p{Ll}{1,40})(?![\w@/\\&\-+$%(]|:\w|\.(?!\p{Lu}\p{Ll})\w)"
)
# "pain.The", "Hoover.Sometimes", "well.nAmazon": a word, sentence punctuation, then a capitalised word.
_MISSING_SPACE = regex.compile(
    r"(?<![\w@/.#\\&\-+$%])(\p{L}{2,40})([.!?])(n{0,2})(\p{Lu}\p{Ll}{1,40})(?![\w@/\\&\-+$%(\[]|[.:]\w)"
)
# Cheap first looks: is there anything of the kind in the text at all? Lowercase runs that start as
# ``_LOWER_TOKEN`` does, and so every word it can match (and some more).
_LOWERCASE_RUN = regex.compile(r"(?<![\w@/.#\\&\-+$%])\p{Ll}{4,40}")
_LOWER_UPPER = regex.compile(r"\p{Ll}\p{Lu}")
_NO_SPACE = regex.compile(r"[.!?]n{0,2}\p{Lu}")
# The same looks in stdlib ``re`` (twice as fast), for text whose characters are all Latin-1 or general
# punctuation (quotes, dashes, ellipses): there ``\p{Ll}`` and ``\p{Lu}`` are exactly these classes.
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff\u2000-\u206f]")
_LL = "a-z\u00b5\u00df-\u00f6\u00f8-\u00ff"
_LU = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LATIN1_LOWERCASE_RUN = re.compile(f"(?<![{_LL}{_LU}])[{_LL}]{{4,40}}")
_LATIN1_LOWER_UPPER = re.compile(f"[{_LU}](?<=[{_LL}][{_LU}])")  # capitals are rare: look for them first
_LATIN1_NO_SPACE = re.compile(f"[.!?]n{{0,2}}[{_LU}]")
# Any word, for what the document shows: which words it uses on their own, and how often.
_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
# Signs that a line is code, where camelCase is an identifier and not two glued words.
# (A "(" after a word character, found from the "(": every branch starts with a punctuation mark.)
# An identifier the document uses: two or more humps (``getElementById``) or a snake (``snake_case``).
# A document that uses one writes about code, and its ``camelCase`` is another identifier.
_IDENTIFIER = regex.compile(r"(?<!\w)\p{Ll}{1,40}(?:\p{Lu}[\p{Ll}\d]{0,40}){2,8}(?!\w)|[A-Za-z]_[A-Za-z]")
_CODE_LINE = regex.compile(r"[{}=<>`]|;\s*$|\((?<=\w\()|::|->")

_KNOWN_ZIPF = 1.5  # a glued form wordfreq knows this well is a name: "wikiHow", "nEurope"
_SLOPE = 1.3  # each Zipf unit of the joined token asks for 1.3 more at every junction
_FUNCTION_ZIPF = 6.0  # as common as "the", "of", "was", "his": no prefix penalty, no compound reading
_SEEN_ZIPF = 6.0  # how common a word the document uses on its own counts as
_AFFIX_PENALTY = 1.5
_CONTENT_PENALTY = 1.5
_FOREIGN_ZIPF = 3.5
_SEARCHES_BEFORE_COUNTING = 8  # see _Document
_AROUND = 100  # characters on each side of a token whose language decides whether it is foreign
_CLAUSE_MARK = re.compile(r"[.!?:;\"\u201c\u201d\u00ab\u00bb()\n]")
_SENTENCE_START_ZIPF = 4.0  # how common a word after ".", "!" or "?" must be, unless the document uses it
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "r", "er", "st", "est", "ly")
_EXTRA_PART = 1.5
_SINGLE_LETTER_NEXT = 4.5  # how common the word after a one-letter word ("a") must be
_SINGLE_LETTER_PENALTY = 0.75


@register
@dataclass(frozen=True)
class WordsFixer(Fixer):
    """Split glued words and put a space after sentence punctuation that lost it.

    ``language`` picks the wordfreq list (any language wordfreq covers; English by default);
    ``margin`` is the Zipf value every junction of a split must reach, plus 1.3 for each Zipf unit of the
    joined token;
    ``max_joined_zipf`` is the Zipf frequency from which a token counts as a word and is never split
    (and how common a part of four or more letters must be, so that no part is split later);
    ``min_zipf`` is how common the words on both sides of a lowercase-to-capital glue must be.
    """

    name: ClassVar[str] = "words"
    gate: ClassVar[Pattern | None] = regex.compile(r"\p{Ll}{4}|\p{Ll}\p{Lu}\p{Ll}|\p{L}[.!?]n{0,2}\p{Lu}")
    # find() decides again until its own splits leave nothing to split (see the loop in find).
    settled: ClassVar[bool] = True

    language: str = "en"
    margin: float = 1.0
    min_zipf: float = 3.0
    max_joined_zipf: float = 3.5

    def __post_init__(self) -> None:
        if self.language not in available_languages():
            known = ", ".join(sorted(available_languages()))
            raise ValueError(f"wordfreq has no word list for language {self.language!r}; it has: {known}")

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        latin1 = text.isascii() or _BEYOND_LATIN1.search(text) is None
        document = _Document(text, latin1)
        candidates = self._candidates(text, latin1)
        camels = []
        if (_LATIN1_LOWER_UPPER if latin1 else _LOWER_UPPER).search(text):
            camels = [m for m in _CAMEL_TOKEN.finditer(text) if not document.in_code(m.start())]
            if camels and (_IDENTIFIER.search(text) is not None or too_many_candidates(text, len(camels))):
                camels = []
        punctuated = []
        if (_LATIN1_NO_SPACE if latin1 else _NO_SPACE).search(text):
            punctuated = list(_MISSING_SPACE.finditer(text))
        if not (candidates or camels or punctuated):
            return
        # Only where the text is in the fixer's language: a Dutch "nodig" is no "no dig".
        candidates = [m for m in candidates if document.speaks(m.start(), m.group(), self.language)]
        camels = [m for m in camels if document.speaks(m.start(), m.group(1), self.language)]
        punctuated = [m for m in punctuated if document.speaks(m.start(4), m.group(4).lower(), self.language)]
        edits: dict[int, Edit] = {}
        # Each split adds words the document now uses on their own; decide again until nothing changes,
        # so that mending the result finds nothing more (idempotence).
        while True:
            before = len(edits)
            for match in candidates:
                self._glued(match.group(), match.start(), document, edits)
            for match in camels:
                self._camel(match, document, edits)
            for match in punctuated:
                self._punctuated(match, document, edits)
            if len(edits) == before:
                break
        yield from sorted(edits.values(), key=lambda e: e.start)

    def _candidates(self, text: str, latin1: bool) -> list[regex.Match[str]]:
        """The lowercase tokens that could be glued words: rarer than ``max_joined_zipf`` and splittable
        by word frequencies alone or with help from words a document could use.

        ``latin1`` says that the text has no letter beyond Latin-1, so that ``re`` can find the runs.
        """
        runs = (_LATIN1_LOWERCASE_RUN if latin1 else _LOWERCASE_RUN).findall(text)
        word_filter = _word_filter(self)
        if too_many_rare_runs(text, word_filter.rare(runs)):
            return []
        hopeful = word_filter.hopeful(runs)
        if len(hopeful) > _SEARCHES_BEFORE_COUNTING:
            # Many candidates: one pass over the text costs less than a search for each.
            wanted = set(hopeful)
            return [match for match in _LOWER_TOKEN.finditer(text) if match.group() in wanted]
        matches = []
        for word in hopeful:
            at = text.find(word)
            while at >= 0:
                match = _LOWER_TOKEN.match(text, at)
                if match is not None and match.end() == at + len(word):
                    matches.append(match)
                at = text.find(word, at + 1)
        return sorted(matches, key=lambda match: match.start())

    def _splittable(self, token: str) -> bool:
        """Whether some document could see the lowercase ``token`` split: the tests of :meth:`_glued`
        that depend on the token alone.

        >>> WordsFixer()._splittable("usedfor"), WordsFixer()._splittable("therapist")
        (True, False)
        """
        if (
            zipf(token, self.language) >= self.max_joined_zipf
            or self._foreign(token)
            or self._inflected(token)
            or is_entity_remnant(token)
        ):
            return False
        split = _static_split(self, token)
        if split is None:
            return _hopeful_split(self, token) is not None
        return self._has_function_word(split[0]) and not _dropped_g(split[0], self.language)

    # -- the three kinds of damage -------------------------------------------------------------
    def _glued(self, token: str, start: int, document: _Document, edits: dict[int, Edit]) -> bool:
        """Split a glued lowercase ``token`` at ``start``; return whether it is (now) split."""
        if any(start + cut in edits for cut in range(1, len(token))):
            return True
        if document.repeats(token):
            return False
        split = _static_split(self, token)
        if split is None and _hopeful_split(self, token) is not None:
            vouched = document.used(_long_parts(token, self.language))
            if vouched:
                split = _vouched_split(self, token, vouched)
        if (
            split is None
            or document.in_code(start)
            or not self._has_function_word(split[0])
            or self._foreign(token)
            or self._inflected(token)
            or is_entity_remnant(token)
            or _dropped_g(split[0], self.language)
        ):
            return False
        parts, junction = split
        joined = zipf(token, self.language)
        reason = (
            f"{token!r} (zipf {joined:.1f}) read as {' '.join(parts)!r} "
            f"(weakest junction {junction:.1f}; parts {_zipfs(parts, self, document)})"
        )
        evidence = glued_evidence(joined, junction, self.margin + _SLOPE * joined, len(parts))
        cut = start
        for part in parts[:-1]:
            cut += len(part)
            edits[cut] = Edit(cut, cut, " ", reason, "words/glued", evidence)
        document.see(parts)
        return True

    def _camel(self, match: regex.Match[str], document: _Document, edits: dict[int, Edit]) -> None:
        """``managementThe`` -> ``management The`` when both sides are words the reader would know."""
        cut = match.end(1)
        if cut in edits:
            return
        left, right = match.group(1), match.group(2)
        token = match.group()
        if document.repeats(token) or zipf(token.lower(), self.language) >= _KNOWN_ZIPF:
            return
        if not self._common(right.lower(), document):
            return
        # A glued left side is split with it ("ofthePresident" -> "of the President"), even when
        # wordfreq knows the glued form as scraper junk ("ofthe"): else a second mend would split it.
        left_is_glued = (
            len(left) >= 4
            and zipf(left, self.language) < self.max_joined_zipf
            and self._glued(left, match.start(), document, edits)
        )
        if not left_is_glued and not self._common(left, document):
            return
        why = f"{left!r} and {right!r} are words; {token!r} is not"
        sides = min(self._zipf(left, document), self._zipf(right.lower(), document))
        evidence = {
            "joined_zipf": zipf(token.lower(), self.language),
            "side_zipf": sides,
            "confidence": _confidence(sides - self.min_zipf),
        }
        edits[cut] = Edit(cut, cut, " ", f"lowercase glued to capitalised: {why}", "words/camel", evidence)
        document.see((left, right))

    def _punctuated(self, match: regex.Match[str], document: _Document, edits: dict[int, Edit]) -> None:
        """``pain.The`` -> ``pain. The``; ``well.nAmazon`` -> ``well. Amazon`` (a ``\\n`` lost its ``\\``)."""
        start, end = match.end(2), match.start(4)
        if start in edits:
            return
        right = match.group(4)
        lost_newline = match.group(3)
        if right.lower() in AFTER_DOT or self._zipf(right.lower(), document) < _SENTENCE_START_ZIPF:
            return
        if len(right) == 2 and zipf(right.lower(), self.language) < 5.5:
            return  # "Node.Js": short words after a dot must be as common as "It" or "We"
        if right.lower().startswith(match.group(1).lower()):
            return  # "decimal.Decimal", "pickle.Pickler": a module and its class
        if (
            not lost_newline
            and match.group(1).islower()
            and zipf(right.lower(), self.language) < 5.0
            and document.text.count(right) < 2
        ):
            return  # "typing.List": after a lowercase word, "The", "When" or a name the text repeats
        if lost_newline and zipf((lost_newline + right).lower(), self.language) >= _KNOWN_ZIPF:
            return
        if document.in_code(match.start()):
            return
        if lost_newline:
            reason = (
                f"no space after {match.group(2)!r}; {lost_newline!r} is left of a '\\n' that lost its '\\'"
            )
        else:
            reason = f"no space after {match.group(2)!r} before the word {right!r}"
        right_zipf = self._zipf(right.lower(), document)
        evidence = {
            "right_zipf": right_zipf,
            "lost_newline": float(bool(lost_newline)),
            "confidence": _confidence(right_zipf - _SENTENCE_START_ZIPF),
        }
        edits[start] = Edit(start, end, " ", reason, "words/no-space", evidence)
        document.see((right,))

    # -- scoring --------------------------------------------------------------------------------
    def _best_split(self, token: str, document: _Document) -> tuple[tuple[str, ...], float] | None:
        """The parts of ``token`` whose weakest junction beats the joined token by ``margin``, if any.

        Among such splits the one with fewer parts wins, then the one with the strongest weakest junction.
        """
        need = self.margin + _SLOPE * zipf(token, self.language)
        size = len(token)
        # states[j][i]: the best split of token[:j] whose last part is token[i:j], as
        # (weakest junction, -parts, start of the part before it)
        states: list[dict[int, tuple[float, int, int]]] = [{} for _ in range(size + 1)]
        states[0][0] = (float("inf"), 0, 0)
        for i in range(size):
            for j in range(i + 1, min(size, i + 24) + 1):
                part = token[i:j]
                if not states[i] or not self._valid_part(part, first=i == 0, whole=j - i == size):
                    continue
                for k, (weakest, parts, _) in states[i].items():
                    if parts <= -4:
                        continue
                    if parts:
                        weakest = min(weakest, self._junction(token[k:i], part, document))
                        # a third or fourth part asks for more evidence
                        if weakest - _EXTRA_PART * max(0, -parts - 1) < need:
                            continue
                    state = (weakest, parts - 1, k)
                    known = states[j].get(i)
                    if known is None or _rank(state) > _rank(known):
                        states[j][i] = state
        ends = {k: state for k, state in states[size].items() if state[1] <= -2}
        if not ends:
            return None
        k = max(ends, key=lambda start: _rank(ends[start]))
        weakest = ends[k][0]
        parts_found: list[str] = []
        end = size
        while end > 0:
            parts_found.append(token[k:end])
            end, k = k, states[end][k][2]
        return tuple(reversed(parts_found)), weakest

    def _valid_part(self, part: str, *, first: bool, whole: bool) -> bool:
        """Whether ``part`` may stand as a word of a split by its own frequency and length."""
        if whole:
            return False
        z = zipf(part, self.language)
        if len(part) == 1:
            return z >= _FUNCTION_ZIPF and not (self.language == "en" and part == "i")
        if len(part) == 2:
            return z >= 5.5
        if len(part) == 3:
            return z >= 4.0
        return z > 0.0

    def _zipf(self, word: str, document: _Document) -> float:
        """How common ``word`` is, counting words the document uses on their own as common (unless they
        are glued words themselves: ``ather`` vouches for nothing)."""
        z = zipf(word, self.language)
        vouched = len(word) >= 4 and document.uses(word) and _static_split(self, word) is None
        return max(z, _SEEN_ZIPF) if vouched else z

    def _junction(self, left: str, right: str, document: _Document) -> float:
        """The Zipf value the pair ``left right`` would have, less penalties for word-forming readings."""
        raw_left, raw_right = zipf(left, self.language), zipf(right, self.language)
        zl, zr = self._zipf(left, document), self._zipf(right, document)
        if any(len(part) >= 4 and z < self.max_joined_zipf for part, z in ((left, zl), (right, zr))):
            return float("-inf")  # a rare part could itself be glued words: then the split would go on
        value = zl + zr - 9.0
        if len(left) == 1 and (right[0] in "aeiou" or not _SINGLE_LETTER_NEXT <= raw_right < _FUNCTION_ZIPF):
            return float("-inf")  # "a moment", but not "a the", "a was", "anew" or "acutest"
        if len(left) == 1:
            value -= _SINGLE_LETTER_PENALTY  # "abase", "amain": "a" is also a prefix
        if len(right) == 1 and raw_left < _FUNCTION_ZIPF:
            return float("-inf")  # "was a", "of a", but not "hera", "lista"
        if left in COMPOUND_HEADS.get(self.language, ()) or (
            raw_right < _FUNCTION_ZIPF and left in PREFIXES.get(self.language, ())
        ):
            value -= _AFFIX_PENALTY
        if raw_left < _FUNCTION_ZIPF and right in SUFFIXES.get(self.language, ()):
            value -= _AFFIX_PENALTY
        if not (self._function_word(left) or self._function_word(right)):
            if self.language in COMPOUNDING:
                return float("-inf")
            if min(zl, zr) < _SEEN_ZIPF:  # unless the document uses both on their own
                value -= _CONTENT_PENALTY  # "school fellow": two content words glue into real compounds
        return value

    def _has_function_word(self, parts: tuple[str, ...]) -> bool:
        """Whether a split has a function word (``the``, ``of``, ``a``) in it: two or more content words
        alone (``filepath``, ``backtrace``, ``schoolfellow``) are too often one word."""
        return any(self._function_word(part) for part in parts)

    def _function_word(self, word: str) -> bool:
        """Whether ``word`` is a function word (``the``, ``of``, ``must``) of the fixer's language."""
        words = FUNCTION_WORDS.get(self.language)
        return word in words if words is not None else zipf(word, self.language) >= _FUNCTION_ZIPF

    def _foreign(self, token: str) -> bool:
        """Whether ``token`` is a common word of another language (``canto``, ``forme``, ``tome``)."""
        return any(
            token in common_words(language, _FOREIGN_ZIPF)
            for language in NEIGHBOURS
            if language != self.language
        )

    def _inflected(self, token: str) -> bool:
        """Whether ``token`` is an inflected form of a word (``togas``, ``overspreading``)."""
        return self.language == "en" and any(
            token.endswith(suffix) and len(token) - len(suffix) >= 4 and zipf(token[: -len(suffix)]) >= 2.5
            for suffix in _INFLECTIONS
        )

    def _common(self, word: str, document: _Document) -> bool:
        return self._zipf(word, document) >= self.min_zipf


class _Document:
    """What the document shows: how often each word occurs in it, counted once and only when asked.

    ``latin1`` says that the text has no character beyond Latin-1 and general punctuation, whose
    lower-casing keeps every character one character and a word character or not.
    """

    def __init__(self, text: str, latin1: bool = False) -> None:
        self.text = text
        self._latin1 = latin1
        self._counts: Counter[str] | None = None
        self._lower: set[str] | None = None
        self._lines: list[str] | None = None
        self._line_starts: list[int] = []
        self._code_lines: dict[int, bool] = {}
        self._language: str | None = None
        self._line_languages: dict[int, str] = {}
        # Whole-text searches allowed before counting every word once is the cheaper way to answer:
        # a few keep clean text fast, a bound keeps text with many candidates linear.
        self._searches_left = _SEARCHES_BEFORE_COUNTING

    def _load_counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = Counter(_WORD.findall(self.text))
        return self._counts

    def _load_lower(self) -> set[str]:
        if self._lower is None:
            if self._latin1:
                self._lower = set(_WORD.findall(self.text.lower()))
            else:
                self._lower = {word.lower() for word in self._load_counts()}
        return self._lower

    def _may_search(self) -> bool:
        """Whether one more whole-text search is within the budget (counts nothing when it is not)."""
        if self._searches_left <= 0:
            return False
        self._searches_left -= 1
        return True

    def repeats(self, token: str) -> bool:
        """Whether ``token`` occurs in the document more than once as a word of its own."""
        if self._counts is None and self._may_search() and self.text.count(token) <= 1:
            return False
        return self._load_counts()[token] > 1

    def uses(self, word: str) -> bool:
        """Whether the document uses ``word`` (in any case) as a word of its own."""
        return word in self._load_lower()

    def _line_index(self, position: int) -> int:
        if self._lines is None:
            self._lines = self.text.split("\n")
            self._line_starts = list(
                itertools.accumulate((len(line) + 1 for line in self._lines[:-1]), initial=0)
            )
        return bisect.bisect_right(self._line_starts, position) - 1

    def in_code(self, position: int) -> bool:
        """Whether the line holding ``position`` looks like code (``=``, braces, backticks, ``f(``)."""
        index = self._line_index(position)
        assert self._lines is not None
        code = self._code_lines.get(index)
        if code is None:
            code = self._code_lines[index] = _CODE_LINE.search(self._lines[index]) is not None
        return code

    def language(self, default: str) -> str:
        """The language of the whole document (``default`` when its markers do not say)."""
        if self._language is None:
            self._language = language_of(self.text, default)
        return self._language

    def line_language(self, position: int, default: str) -> str:
        """The language of the line holding ``position``; a line too short to say has the document's."""
        index = self._line_index(position)
        language = self._line_languages.get(index)
        if language is None:
            line = self._lines[index] if self._lines is not None else self.text
            language = self._line_languages[index] = language_of(line, self.language(default))
        return language

    def speaks(self, position: int, token: str, language: str) -> bool:
        """Whether the word ``token`` at ``position`` is written in ``language``: its line is (or says too
        little, and the document is), and its clause is not another language in which ``token`` is a
        word (a quoted Spanish sentence in an English article: ``programando``)."""
        if self.line_language(position, language) != language:
            return False
        local = language_of(self.clause(position, len(token)), language)
        return local == language or zipf(token.lower(), local) == 0.0

    def clause(self, position: int, length: int) -> str:
        """The clause around ``text[position:position + length]``: up to the nearest sentence or quote
        marks on both sides, at most ``_AROUND`` characters each way."""
        start = max(0, position - _AROUND)
        before = _CLAUSE_MARK.search(self.text[start:position][::-1])
        if before is not None:
            start = position - before.start()
        end = min(len(self.text), position + length + _AROUND)
        after = _CLAUSE_MARK.search(self.text, position + length, end)
        return self.text[start : after.start() if after is not None else end]

    def used(self, words: frozenset[str]) -> frozenset[str]:
        """Those of the lowercase ``words`` that the document uses (in any case) as words of their own.

        Before all the document's words are collected, Latin-1 text is searched for just these.
        """
        if self._lower is not None or not self._latin1 or not self._may_search():
            return words.intersection(self._load_lower())
        lowered = self.text.lower()
        return frozenset(word for word in words if _stands_alone(lowered, word))

    def see(self, words: tuple[str, ...]) -> None:
        """Record words that a split made stand on their own."""
        self._load_lower().update(word.lower() for word in words)


def _stands_alone(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a word of its own: a whole match of ``_WORD``."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or _WORD_CHAR.match(text, at - 1) is None) and _WORD_CHAR.match(text, end) is None:
            return True
        at = text.find(word, at + 1)
    return False


class _EveryWord(_Document):
    """A document that uses every word: the most help a document could give."""

    def uses(self, word: str) -> bool:
        return True


class _Vouching(_Document):
    """A document that uses just the words ``vouched``: all that :meth:`WordsFixer._best_split`
    asks of a document about a token is which of its :func:`_long_parts` the document uses."""

    def __init__(self, vouched: frozenset[str]) -> None:
        super().__init__("")
        self.vouched = vouched

    def uses(self, word: str) -> bool:
        return word in self.vouched


_NO_DOCUMENT = _Document("")
_EVERY_WORD = _EveryWord("")


class _WordFilter:
    """Which lowercase runs a fixer need look at: set differences first, per-word work once per word.

    ``never`` holds the words too common to split (from wordfreq's small list, which the fixer loads
    anyway); :meth:`WordsFixer._splittable` judges the rest, and ``rejected`` and ``accepted``
    remember its answers, up to ``_SEEN_SIZE`` of them (then they start again).
    """

    def __init__(self, fixer: WordsFixer) -> None:
        self.fixer = fixer
        self.never = common_words(fixer.language, max(fixer.max_joined_zipf, 3.0))
        self.rejected: set[str] = set()
        self.accepted: set[str] = set()

    def rare(self, runs: list[str]) -> set[str]:
        """The distinct ``runs`` rarer than ``max_joined_zipf``: those a split must be judged for."""
        return set(runs).difference(self.never)

    def hopeful(self, runs: list[str]) -> list[str]:
        """The distinct ``runs`` rarer than ``max_joined_zipf`` that some document could see split."""
        fresh = set(runs).difference(self.never).difference(self.rejected)
        if not fresh:
            return []
        found = fresh.intersection(self.accepted)
        if len(found) == len(fresh):
            return list(found)
        if len(self.rejected) + len(self.accepted) > _SEEN_SIZE:
            self.rejected.clear()
            self.accepted.clear()
        for word in fresh.difference(found):
            if self.fixer._splittable(word):
                found.add(word)
                self.accepted.add(word)
            else:
                self.rejected.add(word)
        return list(found)


_SEEN_SIZE = 1 << 16

# Judging a rare run costs up to a millisecond the first time; prose has a distinct one every 150 to
# 400 characters (Austen: at most 25 in a 300-word document). A document with more than this many per
# character (a list of generated identifiers, base64, a word list) is not prose whose glue we can read:
# its glued words are left alone, which keeps the cost linear on any input.
_RARE_RUNS_FREE = 50
_CHARS_PER_RARE_RUN = 200
# ... and at most this many in one document of any size (Austen's 1.2 MB of novels have 3,100).
_MOST_RARE_RUNS = 5_000


def too_many_rare_runs(text: str, rare: set[str]) -> bool:
    """Whether ``text`` has too many distinct rare lowercase runs to judge them all at a bounded cost.

    The count depends on the text alone, so mending the result decides the same (splits add no rare run).
    """
    return too_many_candidates(text, len(rare))


def too_many_candidates(text: str, count: int) -> bool:
    """Whether ``count`` candidates of one kind are more than ``text`` could hold as prose."""
    return count > min(_MOST_RARE_RUNS, _RARE_RUNS_FREE + len(text) // _CHARS_PER_RARE_RUN)


@lru_cache(maxsize=16)
def _word_filter(fixer: WordsFixer) -> _WordFilter:
    """The word filter of ``fixer`` (one per set of options, kept for the process)."""
    return _WordFilter(fixer)


@lru_cache(maxsize=1 << 16)
def _static_split(fixer: WordsFixer, token: str) -> tuple[tuple[str, ...], float] | None:
    """``fixer``'s best split of ``token`` by word frequencies alone (cached across documents)."""
    return fixer._best_split(token, _NO_DOCUMENT)


@lru_cache(maxsize=1 << 16)
def _hopeful_split(fixer: WordsFixer, token: str) -> tuple[tuple[str, ...], float] | None:
    """``fixer``'s best split of ``token`` in a document that used every part: ``None`` means no
    document can make ``token`` split (cached across documents)."""
    return fixer._best_split(token, _EVERY_WORD)


@lru_cache(maxsize=1 << 16)
def _vouched_split(
    fixer: WordsFixer, token: str, vouched: frozenset[str]
) -> tuple[tuple[str, ...], float] | None:
    """``fixer``'s best split of ``token`` in a document that uses, of the token's long parts, just
    ``vouched`` (cached across documents and across the rounds of :meth:`WordsFixer.find`)."""
    return fixer._best_split(token, _Vouching(vouched))


@lru_cache(maxsize=1 << 12)
def _long_parts(token: str, language: str) -> frozenset[str]:
    """The known words of four or more letters inside ``token``: the parts a document could vouch for."""
    return frozenset(
        token[i:j]
        for i in range(len(token))
        for j in range(i + 4, min(len(token), i + 24) + 1)
        if j - i < len(token) and zipf(token[i:j], language) > 0
    )


def is_entity_remnant(token: str) -> bool:
    """Whether a lowercase ``token`` holds an HTML entity name that lost its ``&``: ``andamp``, ``nbspthe``.

    Such damage is the ``entities`` fixer's to restore, or to leave alone; splitting it (``an damp``)
    would hide it. Words that merely contain a name's letters pass: ``quote``, ``camp``, ``apostle``.

    >>> is_entity_remnant("andamp"), is_entity_remnant("rsquos"), is_entity_remnant("quoteof")
    (True, True, False)
    """
    return ENTITY_REMNANT.search(token) is not None


def glued_evidence(joined: float, junction: float, need: float, parts: int) -> dict[str, float]:
    """The numbers behind a split of a glued token: ``joined_zipf``, the weakest ``junction``, its
    ``margin`` over what the token's own frequency asked for, the number of ``parts`` and a
    ``confidence`` from that margin (0.5 at the threshold, 1.0 three Zipf units above it)."""
    margin = junction - need
    return {
        "joined_zipf": joined,
        "junction": junction,
        "margin": margin,
        "parts": float(parts),
        "confidence": _confidence(margin),
    }


def _confidence(margin: float) -> float:
    """How sure a decision is from how far its evidence clears its threshold: 0.5 at it, 1.0 at +3."""
    return round(min(1.0, max(0.0, 0.5 + margin / 6.0)), 3)


def _rank(state: tuple[float, int, int]) -> tuple[int, float]:
    """How good a partial split is: fewer parts first (``as soon``, not ``as so on``), then the weakest
    junction, less what each part beyond the second costs."""
    weakest, parts, _ = state
    return parts, weakest - _EXTRA_PART * max(0, -parts - 2)


def _dropped_g(parts: tuple[str, ...], language: str) -> bool:
    """Whether ``parts`` end in "X in" where "Xing" is a word: ``readin`` is ``readin'``, not ``read in``."""
    return language == "en" and parts[-1] == "in" and zipf(parts[-2] + "ing", language) >= 3.0


def _zipfs(parts: tuple[str, ...], fixer: WordsFixer, document: _Document) -> str:
    return ", ".join(f"{part} {fixer._zipf(part, document):.1f}" for part in parts)
