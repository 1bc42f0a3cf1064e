"""Which language a stretch of text is in, from wordfreq's own lists: no model, nothing more to install.

Each language of :data:`MARKER_LANGUAGES` is known by its most frequent words (wordfreq's top 100:
articles, pronouns, prepositions, auxiliaries). A stretch of text is in the language whose markers it
uses most; the fixer's own language wins ties, and a stretch with fewer than :data:`_MIN_MARKERS`
markers is undecided (read as the fixer's language), and so is one that shows another language only
through one marker word, repeated (``part`` is English and Catalan), or through an English clitic
(the ``s`` of ``it's``, a French and Catalan marker). Text that is mostly written in another script
(Chinese, Japanese, Cyrillic...) is in no Latin-script language, and a long stretch in which the fixer's
markers are too rare for its language (Zulu, Basque, Hawaiian: languages with no markers here) is in
:data:`UNKNOWN_LANGUAGE`, not in the fixer's by default. Only markers that are not also
markers of the fixer's language count for another one, and against it only the fixer's markers that
language does not share: English text whose words are glued keeps the ``a``, ``in`` and ``to`` it
shares with Portuguese or Dutch, and must not turn Portuguese; Portuguese text keeps its ``a``, ``as``
and ``no``, and must not stay English.

>>> language_of("de meeste installaties hebben het nodig", "en")
'nl'
>>> language_of("it was usedfor pain in the end", "en")
'en'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import cache

import regex

from ..lexicon import common_words, top_words, zipf

__all__ = [
    "MARKER_LANGUAGES",
    "OTHER_SCRIPT",
    "UNKNOWN_LANGUAGE",
    "decided_language",
    "is_foreign",
    "language_of",
    "latin_share",
    "markers",
    "within_latin1",
    "without_english_clitics",
]

#: The languages told apart by their markers: wordfreq's Latin-script languages with a large list.
MARKER_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "ro", "hu", "tr", "ca",
    "id",
)  # fmt: skip
#: What :func:`language_of` says of text written mostly in a script other than Latin.
OTHER_SCRIPT = "other-script"
#: What :func:`language_of` says of a long stretch of Latin letters that no language of
#: :data:`MARKER_LANGUAGES` claims and in which the fixer's own markers are too rare for its language.
UNKNOWN_LANGUAGE = "unknown-language"
# How many top words of each language count as its markers; a short list keeps words shared by
# related languages ("in", "is", "de") from deciding alone.
_MARKERS = 100
# Fewer markers than this decide nothing: a heading, a name list, a line of code.
_MIN_MARKERS = 3
# Another language needs this many different markers: one word it shares with the fixer's language,
# repeated ("part" is English and a Catalan marker), says nothing of the language around it.
_MIN_DISTINCT_MARKERS = 2
# Another language must show this many times the fixer's language's markers: mending glued words of
# the fixer's language adds a few of its markers, and must not turn the decision on a second mend.
_MARGIN = 2
# A stretch of at least this many words of three letters or more that no language claims is in none
# of them when fewer than this share of those words are the fixer's markers (``the``, ``and``, ``that``;
# the short ones, ``a``, ``in``, ``as``, are words of many languages) and fewer than that share are
# common words of its language (Zipf 3 or more) or two of them glued. English prose runs at 30-40 %
# such markers, a headline at less (``Law lords to hear challenge to bill``), but its words are common
# English. See docs/words-benchmark.md, "Eighth round".
_JUDGED_WORDS = 6
# A whole record (a title, a comment, a paragraph of a translation) is judged from this many such words:
# it has no text around it to read its glued words in. ``Iskay chunka kaj rimay`` is no English record
# whose ``chunka`` could be ``chunk a``; ``Welcome tothe jungle`` is. A line or a clause of a longer text
# keeps the bound above: its document says the language.
_RECORD_JUDGED_WORDS = 2
# ... where a word counts as the language's if wordfreq knows it this well: a short English record is
# mostly names and terms (``writea CSV parser``, ``Gordon Laing, usedto``), a Quechua one is not.
_RECORD_KNOWN_ZIPF = 2.0
_MIN_OWN_SHARE = 0.10
_MIN_COMMON_SHARE = 0.5
_GLUE_LETTERS = 7
_GLUE_MAX_LETTERS = 40
# Text whose letters are less than this share Latin is written in another script; a letter of
# another script weighs as much as a word of Latin letters (a Chinese character is a word).
_LATIN_SHARE = 0.5
_OTHER_LETTER_WEIGHT = 5
_WORD = regex.compile(r"\p{L}+")
_LATIN_LETTER = regex.compile(r"[\p{L}&&\p{Script=Latin}]", regex.V1)
_OTHER_LETTER = regex.compile(r"[\p{L}--\p{Script=Latin}]", regex.V1)
# The words of :func:`within_latin1` text (Latin-1, general punctuation and signs), in stdlib ``re``
# (faster): there ``\p{L}`` is exactly this class.
_LATIN1_WORD = re.compile("[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]+")
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff\u2000-\u206f]")


@cache
def _not_a_sign() -> regex.Pattern[str]:
    """A character beyond those that is not a mere sign: anything but a symbol, punctuation or a space,
    and those that are letters to some pattern (the circled letters are alphabetic, \\w to ``regex``),
    word characters (connector punctuation) or have a case. Compiled on first need (4.5 ms)."""
    return regex.compile(
        r"[^\x00-\xff\u2000-\u206f[[\p{S}\p{P}\p{Z}]--[\p{Pc}\p{Alphabetic}\p{Cased}]]]", regex.V1
    )


# The one character whose lowercase is not one letter (``İ`` -> ``i`` and a combining dot): text that
# holds it is split into words before it is lowercased.
_DOTTED_I = "\u0130"
# ``'s``, ``'t``, ``'d``, ``'m`` after a letter (``it's``, ``don't``, ``I'd``, ``I'm``): English clitics. The
# languages that write one letter and an apostrophe put the letter first (French ``s'il``, Catalan ``s'ha``).
_ENGLISH_CLITIC = regex.compile(r"(?<=\p{L})['\u2019][sStTdDmM](?!\p{L})")


@cache
def markers(language: str) -> frozenset[str]:
    """The most frequent words of ``language`` (``"the"``, ``"of"`` for English; ``"het"`` for Dutch)."""
    return frozenset(top_words(language, _MARKERS, wordlist="small"))


def within_latin1(text: str) -> bool:
    """Whether every character of ``text`` is Latin-1, general punctuation (quotes, dashes, ellipses) or
    a sign that no pattern reads as a letter or a word character and that has no case (``€``, ``→``,
    ``™``, ``✓``, an emoji), so that stdlib ``re`` classes can stand for ``\\p{L}``, ``\\p{Ll}`` and
    ``\\p{Lu}``, and lowercasing changes only Latin-1 letters.

    >>> within_latin1("caf\u00e9 \u2014 \u201cok\u201d 5 \u20ac"), within_latin1("\u5b89\u88c5")
    (True, False)
    >>> within_latin1("\u24d0"), within_latin1("\u2167"), within_latin1("e\u0301")  # ⓐ, Ⅷ, a mark
    (False, False, False)
    """
    if text.isascii():
        return True
    beyond = _BEYOND_LATIN1.search(text)
    return beyond is None or _not_a_sign().search(text, beyond.start()) is None


def latin_share(text: str) -> float:
    """The weighted share of Latin letters in ``text``: 1.0 for ``"the end"``, 0.0 for ``"安装"``.

    Letters only: the Roman numerals ``Ⅷ`` are of the Latin script but no letters (counted as Latin
    letters, ``"usedfora ⅧⅧ"`` divided by zero).

    >>> latin_share("usedfora \u2167\u2167"), latin_share("the \u732b")
    (1.0, 0.375)
    """
    if "\u00b5" not in text and within_latin1(text):
        return 1.0  # every letter of Latin-1 but the micro sign is a Latin letter
    if _OTHER_LETTER.search(text) is None:
        return 1.0  # no letter of another script: one search, not a count of every letter
    latin = len(_LATIN_LETTER.findall(text))
    other = len(_OTHER_LETTER.findall(text))
    return latin / (latin + _OTHER_LETTER_WEIGHT * other)


def language_of(text: str, default: str, *, record: bool = False) -> str:
    """The language of ``text``: the one whose markers it uses most (``default`` on a tie or too few).

    Only languages of :data:`MARKER_LANGUAGES` are told apart; :data:`OTHER_SCRIPT` for text mostly in
    another script. ``record``: ``text`` is a whole record, judged from fewer words (:func:`is_foreign`).
    """
    return decided_language(text, default, record=record) or default


def decided_language(text: str, default: str, *, record: bool = False) -> str | None:
    """The language of ``text`` if its markers say (:func:`language_of`), else ``None``: too few markers
    of any language, as in a heading, a name list or a line of code. Six words or more (two in a whole
    ``record``) with too few of the fixer's markers and no other language's are :data:`UNKNOWN_LANGUAGE`.

    >>> decided_language("Jean Dupont", "en") is None
    True
    >>> decided_language("Bonke abantu bazalwa bekhululekile futhi belingana ngesithunzi nangamalungelo. "
    ...                  "Bonke abantu banesiphiwo sokucabanga", "en")
    'unknown-language'
    >>> heading = "Iskay chunka kaj rimay"  # Quechua: a whole record of four words, no English among them
    >>> decided_language(heading, "en"), decided_language(heading, "en", record=True)
    (None, 'unknown-language')
    """
    if latin_share(text) < _LATIN_SHARE:
        return OTHER_SCRIPT
    words = _lowercase_words(without_english_clitics(text))
    if len(words) < _MIN_MARKERS and len(words) < (_RECORD_JUDGED_WORDS if record else _JUDGED_WORDS):
        return None  # too few words to show any language's markers, or to be judged foreign
    table = _contest(default)
    counts = Counter(words)
    present = table.every_marker.intersection(counts)
    own_hits = sum(counts[word] for word in table.own.intersection(present))
    best, best_hits = None, 0
    theirs_present = table.only_theirs_anywhere.intersection(present)
    # No other language can show _MIN_MARKERS markers when all of them together show fewer.
    if sum(counts[word] for word in theirs_present) >= _MIN_MARKERS:
        hits_of, distinct_of, own_only_of = table.tally(theirs_present, present, counts)
        for index, language in enumerate(table.languages):
            hits = hits_of[index]
            if hits < _MIN_MARKERS or hits <= best_hits or distinct_of[index] < _MIN_DISTINCT_MARKERS:
                continue
            # Against this language, only the fixer's markers it does not share count ("the", not "a").
            if hits > _MARGIN * own_only_of[index]:
                best, best_hits = language, hits
    if best is None and is_foreign(counts, default, present, record=record):
        return UNKNOWN_LANGUAGE
    if best is None and own_hits >= _MIN_MARKERS:
        return default
    return best


def is_foreign(
    counts: Counter[str], language: str, present: frozenset[str] | None = None, *, record: bool = False
) -> bool:
    """Whether the lowercase words of ``counts`` (word -> how often) are too many to be undecided and too
    few of them ``language``'s markers of three letters or more and its common words (or two of them
    glued) for that language: a language with no markers here (Zulu, Tuareg, Hawaiian), or no language
    at all (a signature block, a list of paths). Only words of three letters or more count: wordfreq's
    lists hold hundreds of shorter ones (``ka``, ``ke``, ``ua`` are common English there). ``present``:
    the marker words of ``counts``, when the caller has them (:func:`decided_language` does), so that the
    markers are counted without reading every word again. ``record``: the words are a whole record's, and
    two of three letters or more are enough to judge (a title, a comment: no text around says more).

    >>> is_foreign(Counter("bonke abantu bazalwa bekhululekile futhi belingana ngesithunzi "
    ...                    "nangamalungelo bonke abantu banesiphiwo sokucabanga".split()), "en")
    True
    >>> headline = "law lords to hear challenge to bill giving big money an even bigger say"
    >>> is_foreign(Counter(headline.split()), "en")
    False
    """
    every = counts.total()
    fewest = _RECORD_JUDGED_WORDS if record else _JUDGED_WORDS
    if language not in MARKER_LANGUAGES or every < fewest:
        return False
    long_markers = _long_markers(language)
    hits = sum(counts[word] for word in long_markers.intersection(counts if present is None else present))
    if hits >= _MIN_OWN_SHARE * every:
        return False  # English prose: about one word in four is 'the', 'and', 'that'... (the cheap test)
    long_words = {word: count for word, count in counts.items() if len(word) >= 3}
    total = sum(long_words.values())
    if total < fewest or hits >= _MIN_OWN_SHARE * total:
        return False
    common = common_words(language)
    short = total < _JUDGED_WORDS  # a short record: its rarer words count too (``parser``, ``laing``)
    known = sum(
        count
        for word, count in long_words.items()
        if _is_known(word, common, long_markers) or (short and zipf(word, language) >= _RECORD_KNOWN_ZIPF)
    )
    return known < _MIN_COMMON_SHARE * total


def _is_known(word: str, common: Mapping[str, None], long_markers: frozenset[str]) -> bool:
    """Whether ``word`` (three letters or more) is a common word of the fixer's language, or reads as two
    of its words glued: a long marker and another marker or common word (``ofthe``, ``inthe``), or, in
    seven letters or more, two common words (``studentsin``, ``secondarystudents``). Glued text loses
    the markers and common words it is judged by and must not turn foreign."""
    if word in common:
        return True
    if len(word) > _GLUE_MAX_LETTERS:
        return False  # no two words are that long; and each cut copies the word: the cost stays linear
    if len(word) < _GLUE_LETTERS:
        return any(
            (word[:cut] in long_markers or word[cut:] in long_markers)
            and word[:cut] in common
            and word[cut:] in common
            for cut in range(1, len(word))
        )
    return any(word[:cut] in common and word[cut:] in common for cut in range(2, len(word) - 1))


@cache
def _long_markers(language: str) -> frozenset[str]:
    return frozenset(word for word in markers(language) if len(word) >= 3)


def without_english_clitics(text: str) -> str:
    """``text`` without the one-letter English clitics after an apostrophe, which are no words of their
    own: ``"it’s"`` reads as ``"it"``, not as ``"it"`` and the Catalan or French marker ``"s"``.

    >>> without_english_clitics("Part of it’s here, don't")
    'Part of it here, don'
    """
    if "'" not in text and "\u2019" not in text:
        return text
    return _ENGLISH_CLITIC.sub("", text)


def _lowercase_words(text: str) -> list[str]:
    """The words of ``text`` (runs of letters), lowercased: ``["the", "end"]`` for ``"The end"``.

    Lowercasing keeps every letter one letter and every other character not a letter, except ``İ``:
    so the whole text is lowercased once and split with one C-level ``findall``.
    """
    if _DOTTED_I in text:
        return [word.lower() for word in _WORD.findall(text)]
    lowered = text.lower()
    if within_latin1(lowered):
        return _LATIN1_WORD.findall(lowered)
    return _WORD.findall(lowered)


class _Contest:
    """The marker sets that :func:`decided_language` compares for one fixer language, built once.

    ``own``: the fixer's markers; ``every_marker``: those of every language; ``rivals``: for each other
    language, its markers that are not the fixer's and the fixer's that are not its own;
    ``only_theirs_anywhere``: the union of the former (text with none of them is the fixer's or none).
    """

    def __init__(self, default: str) -> None:
        self.own = markers(default) if default in MARKER_LANGUAGES else frozenset()
        self.languages = tuple(language for language in MARKER_LANGUAGES if language != default)
        rivals = [(markers(language) - self.own, self.own - markers(language)) for language in self.languages]
        self.only_theirs_anywhere = frozenset().union(*(theirs for theirs, _ in rivals))
        self.every_marker = self.own | self.only_theirs_anywhere
        # For each marker word, the indexes (in ``languages``) of the languages it counts for, and of
        # those it counts against (a marker of the fixer's language that they do not share).
        self.theirs_of: dict[str, tuple[int, ...]] = {
            word: tuple(index for index, (theirs, _) in enumerate(rivals) if word in theirs)
            for word in self.only_theirs_anywhere
        }
        self.against: dict[str, tuple[int, ...]] = {
            word: tuple(index for index, (_, own_only) in enumerate(rivals) if word in own_only)
            for word in self.own
        }

    def tally(
        self, theirs_present: frozenset[str], present: frozenset[str], counts: Counter[str]
    ) -> tuple[list[int], list[int], list[int]]:
        """For each language of ``languages``: how often the text uses its markers that are not the
        fixer's, how many different ones of them, and how often the fixer's markers that are not its own."""
        hits = [0] * len(self.languages)
        distinct = [0] * len(self.languages)
        own_only = [0] * len(self.languages)
        for word in theirs_present:
            count = counts[word]
            for index in self.theirs_of[word]:
                hits[index] += count
                distinct[index] += 1
        for word in self.own.intersection(present):
            count = counts[word]
            for index in self.against[word]:
                own_only[index] += count
        return hits, distinct, own_only


@cache
def _contest(default: str) -> _Contest:
    return _Contest(default)
