"""How the ``words`` fixer scores a split: the :class:`Splitter` value and what a document shows.

A :class:`Splitter` holds the options that decide splits (language, margin, frequency floors) and owns
the scoring: each junction of a candidate split gets the Zipf value the pair would have if the two words
were independent, less penalties for word-forming readings, and every junction must reach
``margin + 1.3 * zipf(token)``. :class:`DocumentWords` is what one document shows (which words it uses
on their own, which lines are code, which language each line is in). The language tables it reads are
in ``_wordlists.py``.

>>> parts, junction = Splitter().best_split("usedfor", DocumentWords(""))
>>> parts, round(junction, 1)
(('used', 'for'), 3.8)
"""

from __future__ import annotations

import bisect
import builtins
import itertools
import keyword
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..corpus_model import CorpusModel
from ..lexicon import common_words, common_zipfs, frequencies, zipf
from ._blocks import inside, url_spans
from ._dictionary import code_names, english_dictionary
from ._language import OTHER_SCRIPT, UNKNOWN_LANGUAGE, decided_language, language_of
from ._pairs import book_function_zipf, book_junk_zipf, book_pair_count, is_adjective, pair_count
from ._scan import run_table, word_counts, word_set
from ._wordlists import (
    COMPOUND_HEADS,
    COMPOUNDING,
    ENTITY_REMNANT,
    FUNCTION_WORDS,
    NEIGHBOURS,
    PARTICLES,
    PREFIXES,
    SUFFIXES,
)

__all__ = [
    "ARTICLES",
    "ARTICLE_GLUE",
    "BOOK_PAIR_MIN",
    "CACHE_SIZE",
    "CODE_KEYWORDS",
    "CONTENT_PART_ZIPF",
    "FOREIGN_GLUE_PART_ZIPF",
    "FOREIGN_GLUE_ZIPF",
    "PYTHON_NAMES",
    "SHORT_GLUE",
    "SLOPE",
    "DocumentWords",
    "Splitter",
    "adjective_split",
    "adverb_split",
    "article_after_determiner",
    "article_split",
    "book_pair_split",
    "bound_split",
    "cache_sizes",
    "camel_heads",
    "citations",
    "compound_parts",
    "confidence",
    "content_cuts",
    "corpus_content_split",
    "corpus_evidence",
    "corpus_split",
    "corpus_word",
    "dropped_g",
    "extra_split",
    "foreign_zipfs",
    "glued_evidence",
    "hopeful_split",
    "hyphen_joins",
    "inflected_split",
    "is_bare",
    "is_code_name",
    "is_doubled_inflection",
    "is_entity_remnant",
    "is_ly_adverb",
    "is_participle",
    "is_s_form",
    "is_template_line",
    "junction_ceiling",
    "junk_split",
    "leads_bound",
    "led_participle_split",
    "letter_put_in_makes",
    "letter_taken_out_makes",
    "long_parts",
    "long_words_split",
    "may_be_pronoun_glue",
    "modifier_split",
    "near_word",
    "pair_split",
    "part_zipfs",
    "participle_split",
    "pronoun_after",
    "pronoun_split",
    "s_form_split",
    "static_split",
    "takes_ending",
    "too_many_candidates",
    "too_many_rare_runs",
    "typo_of",
    "unknown_english",
    "valid_parts",
    "vouched_split",
    "word_filter",
    "words_with_a_letter_put_in",
]

# The names of Python's builtins, keywords and standard modules: names of code wherever they stand, never
# glue ("isinstance", "memoryview", "bytearray", "nonlocal", "tarfile", "timeit", "textwrap").
PYTHON_NAMES = frozenset(
    name for name in (*dir(builtins), *keyword.kwlist, *sys.stdlib_module_names) if name.islower()
)
# Operators and keywords of other languages that glue English words ("typeof", "instanceof", "forall";
# SQL's "setof", "isnull", "notnull"): names of code too, which the junk reading (``junk_split``) would
# split in prose about code: "type of" by the books' counts, "for all" and "set of" by the words' own
# frequencies (PostgreSQL's manual writes "setof" 9 times, Node.js's "instanceof" twice). The price:
# 6 joins of the dev split that glued those very pairs in prose (sixteenth round; "nameof" is left
# out: "name of" is glued too often to give up). A URI scheme made of English words too: "the mailto
# links", "[ mailto: ... ]" (SpamAssassin's ham mail, a Polish fortune's signature); and Unix's word
# for its manual's pages ("the git-filter-branch manpage": man pages). C#'s query keyword and OData's
# option "orderby" ("select, filter, orderby and skip", a PyPI project's description), and the DOM's
# events named with English words ("a delete keydown", the same: no dev or test join glues them).
CODE_KEYWORDS = frozenset(
    "typeof instanceof sizeof alignof offsetof forall foreach elseif endif ifdef ifndef readonly"  # noqa: SIM905
    " setof isnull notnull mailto manpage manpages orderby keydown keyup keypress mousedown mouseup"
    " mousemove mouseover mouseout mouseenter mouseleave touchstart touchend touchmove dragstart dragend"
    " dragover dragenter dragleave".split()
)
_WORD_CHAR = re.compile(r"\w")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
# A word cited with a name after its dot (``numbers.Integral``): the word where it starts a word (no
# word character or dot before it), and the name. One pass finds every citation of every word (from
# each dot, the name after it, and the word read back from it: what ``(?<![\w.])(\w+)\.(\w+)`` finds,
# which tried its look-behind at every character, 74 ms a megabyte against 2); a search for one word
# (``(?<![\w.])numbers\.(\w+)``) finds the same ones.
_DOT_NAME = regex.compile(r"\.(\w+)")
_WORD_BACK = regex.compile(r"(?r)\w+")
_WORD_OR_DOT = regex.compile(r"[\w.]")
# A capital and the lowercase letters after it: every place a capitalised word can occur in the text
# (inside a longer one too: ``Donald`` in ``McDonald``) starts one of these.
_CAPITALISED_RUN = regex.compile(r"\p{Lu}\p{Ll}*")
# A dot and the capitalised run after it (a dotted name's member: ``Boost.Regex``), found from the dot
# (a literal, which the engine looks for fast), and the letters before the dot (its owner), read back
# from it: each word once however the names chain (``Data.Map.Strict``).
_DOT_CAPITALISED = regex.compile(r"\.(?=(\p{Lu}\p{Ll}*))")
_LETTERS_BACK = regex.compile(r"(?r)\p{L}+")
# The lowercase letters that start a word and run into a capital (``micro`` in ``microLenat``): from each
# capital, the lowercase letters read back from it (what ``(?<!\w)(\p{Ll}+)(?=\p{Lu})`` finds, which
# tried its look-behind at every character: 105 ms a megabyte against 14).
_CAPITAL = regex.compile(r"\p{Lu}")
_LOWERCASE_BACK = regex.compile(r"(?r)\p{Ll}+")
_REGEX_WORD_CHARACTER = regex.compile(r"\w")  # the regex module's \w, as the patterns above read it
# Signs that a line is code, where camelCase is an identifier and not two glued words.
# (A "(" after a word character, found from the "(": every branch starts with a punctuation mark.)
_CODE_LINE = regex.compile(r"[{}=<>`]|;\s*$|\((?<=\w\()|::|->")
# How far around a glued lowercase token a code sign makes it an identifier: its own clause of code
# (``x = usedfor(y)``), not a whole line of prose that somewhere says ``(p < 0.05)`` or ``Ca(2+)``.
_CODE_REACH = 12
_PARENTHESIS = re.compile(r"[()]")


def _argument_lists(line: str) -> tuple[list[int], list[int]]:
    """Where the argument lists of ``line`` start and end (columns, sorted, the outermost only): from a
    ``(`` right after a word character (``f(``, ``Ca(``) to its ``)``; one left open (``h(c`` at the end,
    or prose's ``al.(2005 and on``) is none. One pass over the line's parentheses.

    >>> _argument_lists("call f(a, g(b)) then (prose) h(c")
    ([7], [14])
    """
    starts: list[int] = []
    ends: list[int] = []
    opened: list[int] = []  # the open parentheses, innermost last
    outer = -1  # the start of the outermost argument list open now (-1: none)
    for mark in _PARENTHESIS.finditer(line):
        at = mark.start()
        if mark.group() == "(":
            opened.append(at)
            if outer < 0 and at > 0 and (line[at - 1].isalnum() or line[at - 1] == "_"):
                outer = at
        elif opened and opened.pop() == outer:  # the outermost argument list closes
            starts.append(outer + 1)
            ends.append(at)
            outer = -1
    return starts, ends


SLOPE = 1.3  # each Zipf unit of the joined token asks for 1.3 more at every junction
_FUNCTION_ZIPF = 6.0  # as common as "the", "of", "was", "his": no prefix penalty, no compound reading
_SEEN_ZIPF = 6.0  # how common a word the document uses on its own counts as
# Two function words are read apart only where the books write the pair this many Zipf units more often
# than wordfreq sees it glued: "so it" 4.4 against "soit" 1.9, "in for" 4.2 against 2.3; not "his to" 3.3
# against "histo" 1.8. 1.0 and 1.5 lose no join of the dev splits, 2.0 loses "in for".
_FUNCTION_PAIR_ODDS = 1.5
_AFFIX_PENALTY = 1.5
_CONTENT_PENALTY = 1.5
_PARTICLE_PENALTY = 1.0  # a word before a particle: "rust up" (see junction)
_FOREIGN_ZIPF = 3.0  # a token this common in a neighbouring language is its word ("organiche", Italian 3.25)
_SEARCHES_BEFORE_COUNTING = 8  # see DocumentWords
# Searches for a pair written apart (or a repeated token) before a document's pairs are collected at
# once. Collecting costs about as much as 130 searches that find nothing on 4 KB (0.8 ms against 6 µs) and
# 170-340 on 1 MB (230 ms against 0.7-1.4 ms), so searching until this many is never more than twice
# the cheaper way, and the bound keeps the cost linear. (At 32, a 1 MB document asking about 80
# questions in the words step's first round and 34 in its second collected its pairs in both: 1.2 s,
# now 0.85.)
_APART_SEARCHES = 128
# A run of letters and digits that an underscore ends or starts: a piece of a name in snake case.
_SNAKE_PIECE = re.compile(r"(?<![^\W_])[^\W_]+(?=_)|(?<=_)[^\W_]+(?![^\W_])")
_AROUND = 100  # characters on each side of a token whose language decides whether it is foreign
_NEAR = 500  # characters on each side of a line too short to show its language that speak for it
# A word of a neighbouring language that English knows this little or less may be English glue where
# English words stand around it (``toits`` 1.2, ``dueto`` 1.3, ``soit`` 1.9, ``forme`` 2.4: "to its",
# "due to", "so it", "for me"); ``canto`` (2.8) and ``tome`` (3.2) are English words too, and stay.
FOREIGN_GLUE_ZIPF = 2.5
# ... and both words it splits into are this common in English ("to its", "due to", "core to"; not "barb
# are", the French "barbare" in an English book).
FOREIGN_GLUE_PART_ZIPF = 4.0
_CLAUSE_MARK = re.compile(r"[.!?:;\"\u201c\u201d\u00ab\u00bb()\n]")
# The old verb endings too: "-th" after an "e" and "-eth" ("wasteth", "forgiveth", "walketh": "was teth" and
# "for giveth" are no readings; the books' test half).
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "r", "er", "st", "est", "ly", "th", "eth")
# A stem of this many letters that wordfreq knows this well makes its inflected forms words:
# "bethinking" (bethink 1.52), "indirections", "abased", "infixed", "noways". A shorter stem must be
# known at 2.5 ("togas"). Junk that wordfreq saw glued is rarer ("andhe" 1.2, "shewa" 1.06: at 1.0
# "andher" and "shewas" stayed glued, 3 points of Austen recall).
_LONG_STEM = 5
_LONG_STEM_ZIPF = 1.5
# The endings of comparatives and superlatives: the stem before them must be a listed word
# (``Splitter.listed_stem``; ``therest`` is ``ther``, a typo of Zipf 3.1, and ``-est``: glue). Not for the
# other endings: a plural of a stem wordfreq knows rarely is as often a word of another language
# (Estonian ``kartis``, the Bible as verses) as glue (``weekis``).
_COMPARATIVE_ENDINGS = frozenset({"er", "r", "est", "st"})
# A stem wordfreq knows this well is a word, even where it could read as glue ("bethink" 1.5 is not).
_GLUED_STEM_ZIPF = 3.0
_EXTRA_PART = 1.5
_RARE_PART_ZIPF = 2.0  # a part rarer than max_joined_zipf must be known this well ("wharves" 2.5)
_SINGLE_LETTER_NEXT = 4.5  # how common the word after a one-letter word ("a") must be
_SINGLE_LETTER_PENALTY = 0.75


@dataclass(frozen=True)
class Splitter:
    """The scoring of glued-word splits for one set of options (a value: hashable, cached per process).

    ``language``: the wordfreq list and language tables; ``margin``: Zipf every junction must reach,
    plus ``SLOPE`` per Zipf unit of the joined token; ``min_zipf``: how common both sides of a
    lowercase-to-capital glue must be; ``max_joined_zipf``: from this Zipf a token is a word, never split.
    """

    language: str = "en"
    margin: float = 1.0
    min_zipf: float = 3.0
    max_joined_zipf: float = 3.5
    model: CorpusModel | None = None

    # A splitter keys the per-token caches, which hash it on every call (40,000 times in a cold pass
    # over 1 MB of forum text): its hash is computed once. Pickled as its fields, so that a process
    # that unpickles it computes the hash anew (string hashes differ between processes).
    def __post_init__(self) -> None:
        fields = (self.language, self.margin, self.min_zipf, self.max_joined_zipf, self.model)
        object.__setattr__(self, "_hash", hash(fields))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined,no-any-return]

    def __reduce__(self) -> tuple[type[Splitter], tuple[str, float, float, float, CorpusModel | None]]:
        return Splitter, (self.language, self.margin, self.min_zipf, self.max_joined_zipf, self.model)

    def corpus_zipf(self, word: str) -> float:
        """How common ``word`` is in the fitted corpus, on wordfreq's Zipf scale (0 without a model, or
        when the corpus has it fewer than ``_CORPUS_WORD_COUNT`` times or in one document only)."""
        model = self.model
        if model is None or not model.tokens:
            return 0.0
        count = model.count(word)
        if count < _CORPUS_WORD_COUNT or model.spread(word) < _CORPUS_WORD_DOCUMENTS:
            return 0.0
        return math.log10(count * 1e9 / model.tokens) - _CORPUS_DISCOUNT

    def splittable(self, token: str) -> bool:
        """Whether some document could see the lowercase ``token`` split: the tests of ``words.glued_repair``
        that depend on the token alone.

        >>> Splitter().splittable("usedfor"), Splitter().splittable("therapist")
        (True, False)
        """
        if token in code_names() and is_code_name(self, token):
            return False
        if (
            junk_split(self, token) is not None
            or pronoun_split(self, token) is not None
            or pronoun_after(self, token) is not None
        ):
            return True
        if self.plainly_whole(token):
            return False
        if (
            content_cuts(self, token)
            or bound_split(self, token) is not None
            or modifier_split(self, token) is not None
            or participle_split(self, token) is not None
            or led_participle_split(self, token) is not None
            or s_form_split(self, token) is not None
            or inflected_split(self, token) is not None
            or adverb_split(self, token) is not None
            or adjective_split(self, token) is not None
            or long_words_split(self, token) is not None
            or book_pair_split(self, token) is not None
        ):
            return True
        split = static_split(self, token)
        if split is None:
            return hopeful_split(self, token) is not None or extra_split(self, token) is not None
        # two content words are split only on a fitted corpus's or the pair table's evidence
        readable = self.has_function_word(split[0]) or self.model is not None
        return (readable and not dropped_g(split[0], self.language)) or extra_split(self, token) is not None

    def plainly_whole(self, token: str) -> bool:
        """Whether ``token`` is left whole on cheap tests alone, before any split is scored: a common word,
        a word of a neighbouring language (``canto``), an inflected word (``togas``; not one wordfreq
        knows only as junk glue, ``thatis``: :func:`junk_split`), an entity remnant (``andamp``), the
        name of a Python builtin or keyword (``isinstance``, ``memoryview``, ``nonlocal``), a keyword of
        another language made of English words (``typeof``, ``forall``: ``CODE_KEYWORDS``) or an English
        word that a spelling dictionary lists, however rarely wordfreq saw it (``inmost``, ``apeak``).
        Never true of a token :meth:`splittable` accepts: the word filter relies on it.

        >>> Splitter().plainly_whole("togas"), Splitter().plainly_whole("usedfor")
        (True, False)
        """
        remembered = _plain_verdicts(self)  # asked of each new token three times: remembered
        verdict = remembered.get(token)
        if verdict is None:
            if len(remembered) >= CACHE_SIZE:
                remembered.clear()
            # Lookups first, then the tests that compute (the same verdict: each test is pure).
            verdict = remembered[token] = (
                zipf(token, self.language) >= self.max_joined_zipf
                or (self.foreign(token) and not self.may_be_english_glue(token))
                or token in PYTHON_NAMES
                or (token[-1:] == "s" and token[:-1] in PYTHON_NAMES)  # "frozensets"
                or token in CODE_KEYWORDS
                or (self.language == "en" and token in english_dictionary())
                or is_entity_remnant(token)
                or (self.inflected(token) and junk_split(self, token) is None)  # "thatis" is junk glue
            )
        return verdict

    # -- scoring --------------------------------------------------------------------------------
    def best_split(self, token: str, document: DocumentWords) -> tuple[tuple[str, ...], float] | None:
        """The parts of ``token`` whose weakest junction beats the joined token by ``margin``, if any.

        Among such splits the one with fewer parts wins, then the one with the strongest weakest junction.
        """
        need = self.margin + SLOPE * zipf(token, self.language)
        size = len(token)
        rows = valid_parts(self, token)
        # Fewest parts from each position to the end: a token no four parts can spell is never scored,
        # and no junction is scored for a split that could not end in four parts (those states could
        # only ever have displaced other such states).
        fewest = _fewest_parts(rows, size)
        if fewest[0] > _MOST_PARTS:
            return None
        # states[j][i]: the best split of token[:j] whose last part is token[i:j], as
        # (weakest junction, -parts, start of the part before it)
        states: list[dict[int, tuple[float, int, int]]] = [{} for _ in range(size + 1)]
        states[0][0] = (float("inf"), 0, 0)
        ceiling = self.model is None  # a fitted corpus may make a part more common than the ceiling says
        for i, starting_here in enumerate(rows):
            if not states[i]:
                continue
            for j, part in starting_here:
                for k, (weakest, parts, _) in states[i].items():
                    if 1 - parts + fewest[j] > _MOST_PARTS:
                        continue
                    if parts:
                        # a third or fourth part asks for more evidence
                        extra = _EXTRA_PART * max(0, -parts - 1)
                        if weakest - extra < need:
                            continue  # the weakest junction so far fails already: no need to score
                        left = token[k:i]
                        if ceiling and junction_ceiling(self, left, part, document) - extra < need:
                            continue  # even the junction's best case fails
                        weakest = min(weakest, self.junction(left, part, document))
                        if weakest - extra < need:
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

    def valid_part(self, part: str, *, first: bool, whole: bool) -> bool:
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

    def zipf_in(self, word: str, document: DocumentWords) -> float:
        """How common ``word`` is, counting words the document uses on their own as common (unless they
        are glued words themselves: ``ather`` vouches for nothing)."""
        z = zipf(word, self.language)
        vouched = (
            len(word) >= 4
            and document.uses(word)
            and (
                document.vouches_for_glue
                or (static_split(self, word) is None and junk_split(self, word) is None)
            )
        )
        return max(z, _SEEN_ZIPF) if vouched else z

    def junction(self, left: str, right: str, document: DocumentWords) -> float:
        """The Zipf value the pair ``left right`` would have, less penalties for word-forming readings."""
        raw_left, raw_right = zipf(left, self.language), zipf(right, self.language)
        zl, zr = self.zipf_in(left, document), self.zipf_in(right, document)
        if self.model is not None:  # a word the corpus uses often is as common as it is there
            zl, zr = max(zl, self.corpus_zipf(left)), max(zr, self.corpus_zipf(right))
        if any(
            len(part) >= 4 and z < self.max_joined_zipf and not self.settled_word(part)
            for part, z in ((left, zl), (right, zr))
        ):
            return float("-inf")  # a rare part could itself be glued words: then the split would go on
        if zipf(left + right, self.language) >= self.max_joined_zipf:
            return float("-inf")  # a part of three would cut a word in two: "game so me", "do or", "are as"
        if self.unvouched_function_pair(left, right):
            return float("-inf")  # "the on", "can is": two function words are a pair only by the books
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
        if raw_left < _FUNCTION_ZIPF and right in PARTICLES.get(self.language, ()) and is_bare(left):
            # "rust up", "brew up": a word and a particle close up into nouns and names, and a text that
            # uses the word ("Rust") is the one that names things after it ("rustup")
            value -= _PARTICLE_PENALTY + max(0.0, zl - raw_left)
        if raw_left < _FUNCTION_ZIPF and right in SUFFIXES.get(self.language, ()):
            if len(left) >= 4 and not self.function_word(left):
                return float("-inf")  # a content word and a suffix make a word: "headmost", "gamesome"
            value -= _AFFIX_PENALTY
        if not (self.function_word(left) or self.function_word(right)):
            if self.language in COMPOUNDING:
                return float("-inf")
            if min(zl, zr) < _SEEN_ZIPF:  # unless the document uses both on their own
                value -= _CONTENT_PENALTY  # "school fellow": two content words glue into real compounds
        return value

    def settled_word(self, part: str) -> bool:
        """Whether ``part`` is a word wordfreq knows (``wharves``, ``secretion``) that no document could
        see split: a part that stays whole, so that a split with it settles at once."""
        return zipf(part, self.language) >= _RARE_PART_ZIPF and hopeful_split(self, part) is None

    def unvouched_function_pair(self, left: str, right: str) -> bool:
        """Whether ``left right``, two English function words, glue into a word wordfreq knows (a name,
        a word of another language, a cartoon) that the public-domain books do not write apart
        ``_FUNCTION_PAIR_ODDS`` Zipf units more often than wordfreq sees it glued
        (:func:`._pairs.book_function_zipf`): ``toon``, ``theon``, ``canis``, ``weis``, ``ondo``;
        not ``inthe``, ``ofthe``, ``soit``, ``whynot``. Two function words side by side are a grammatical
        pair or none, which their frequencies alone cannot tell. Pairs with the pronoun ``i`` are left
        to the pronoun rules, and an article before a keyword of code to the words before and after it
        (``the if statement``: ``words.determines_no_noun``).

        >>> Splitter().unvouched_function_pair("can", "is"), Splitter().unvouched_function_pair("so", "it")
        (True, False)
        """
        if self.language != "en" or not (self.function_word(left) and self.function_word(right)):
            return False
        joined = zipf(left + right, "en")
        return (
            0.0 < joined < self.max_joined_zipf
            and "i" not in (left, right)
            and not (left in ARTICLES and keyword.iskeyword(right))
            and book_function_zipf(left, right) - joined < _FUNCTION_PAIR_ODDS
        )

    def has_function_word(self, parts: tuple[str, ...]) -> bool:
        """Whether a split has a function word (``the``, ``of``, ``a``) in it: two or more content words
        alone (``filepath``, ``backtrace``, ``schoolfellow``) are too often one word."""
        return any(self.function_word(part) for part in parts)

    def function_word(self, word: str) -> bool:
        """Whether ``word`` is a function word (``the``, ``of``, ``must``) of the fixer's language."""
        words = FUNCTION_WORDS.get(self.language)
        return word in words if words is not None else zipf(word, self.language) >= _FUNCTION_ZIPF

    def foreign(self, token: str) -> bool:
        """Whether ``token`` is a common word of another language (``canto``, ``forme``, ``tome``)."""
        return token in foreign_zipfs(self.language)

    def may_be_english_glue(self, token: str) -> bool:
        """Whether ``token``, a word of another language (:meth:`foreign`), may still be English glue, as
        ``words.foreign_word_glued`` reads it in English text: English hardly knows it
        (:data:`FOREIGN_GLUE_ZIPF`) and the frequency scores split it in two around a function word, into
        two common English words (:data:`FOREIGN_GLUE_PART_ZIPF`).

        >>> Splitter().may_be_english_glue("toits"), Splitter().may_be_english_glue("canto")
        (True, False)
        """
        if self.language != "en" or zipf(token, "en") >= FOREIGN_GLUE_ZIPF:
            return False
        if not any(
            min(zipf(token[:cut], "en"), zipf(token[cut:], "en")) >= FOREIGN_GLUE_PART_ZIPF
            and (self.function_word(token[:cut]) or self.function_word(token[cut:]))
            for cut in range(1, len(token))
        ):
            return False  # most words of other languages: no cut makes such a pair, and none is scored
        split = static_split(self, token)
        return (
            split is not None
            and len(split[0]) == 2
            and self.has_function_word(split[0])
            and min(zipf(part, "en") for part in split[0]) >= FOREIGN_GLUE_PART_ZIPF
        )

    def inflected(self, token: str) -> bool:
        """Whether ``token`` is an inflected form of a word (``togas``, ``overspreading``), also with
        its last consonant doubled (``weblogger``, ``weblogging``: ``weblog``)."""
        return self.language == "en" and (
            any(
                token.endswith(suffix)
                and len(token) - len(suffix) >= 4
                and takes_ending(stem := token[: -len(suffix)], suffix)
                and zipf(stem) >= (_LONG_STEM_ZIPF if len(stem) >= _LONG_STEM else 2.5)
                and self.listed_stem(stem, suffix)
                and not self.glued_stem(stem)
                for suffix in _INFLECTIONS
            )
            or is_doubled_inflection(token)
        )

    def listed_stem(self, stem: str, suffix: str) -> bool:
        """Whether ``stem`` may carry ``suffix`` as an inflection: before a comparative's ending (``-er``,
        ``-est``) only a word the English dictionary lists, since adjectives are old words the lists all
        have. A typo that wordfreq knows (``ther`` 3.1) makes no superlative, so ``therest`` is left to
        the readings of glue (``the rest``).

        >>> Splitter().listed_stem("ther", "est"), Splitter().listed_stem("uptime", "s")
        (False, True)
        """
        return self.language != "en" or suffix not in _COMPARATIVE_ENDINGS or stem in english_dictionary()

    def glued_stem(self, stem: str) -> bool:
        """Whether the stem of an inflection is a function word (``there`` in ``therest``) or junk glue
        (``sucha`` in ``suchas``, ``theus`` in ``theuser``): wordfreq knows it rarely, and it reads as a
        function word glued to a word; then its "inflection" is glue too.

        >>> Splitter().glued_stem("sucha"), Splitter().glued_stem("toga")
        (True, False)
        """
        if self.function_word(stem):
            return True  # "there-st": function words take no endings
        if zipf(stem, self.language) >= _GLUED_STEM_ZIPF:
            return False
        if stem.endswith("a") and self.function_word(stem[:-1]):
            return True  # "such a", "might a"
        if any(self.unvouched_function_pair(stem[:cut], stem[cut:]) for cut in range(1, len(stem))):
            return True  # "the us" in "theuses", "the be" in "thebed": no pair, but glue all the same
        if junk_split(self, stem) is not None:
            return True
        split = static_split(self, stem)
        return (
            split is not None
            and len(split[0]) == 2
            and self.has_function_word(split[0])
            and split[0][0] not in PREFIXES.get(self.language, ())  # "bethink" in "bethinking" is a word
        )

    def common(self, word: str, document: DocumentWords) -> bool:
        """Whether ``word`` may stand beside a glue: ``min_zipf`` common, or used by the document."""
        return self.zipf_in(word, document) >= self.min_zipf


def hyphen_joins(text: str) -> list[tuple[str, str]]:
    """The runs of letters on both sides of each hyphen of ``text`` that has letters on both sides, in
    order: ``[("well", "to"), ("to", "do")]`` for ``well-to-do``.

    Each hyphen is found with ``str.find`` and its runs are read outwards from it (the run before it in
    the text reversed once): about 700 MB/s on prose, where a pattern of the runs, tried at every
    position, read 20 MB/s. Each letter is read at most twice, however long its run.

    >>> hyphen_joins("a well-to-do, fall-through case -- x-"), hyphen_joins("no hyphen")
    ([('well', 'to'), ('to', 'do'), ('fall', 'through')], [])
    """
    joins: list[tuple[str, str]] = []
    backwards: str | None = None
    at = text.find("-")
    while at >= 0:
        right = _LETTER_RUN.match(text, at + 1)
        if right is not None and at > 0:
            if backwards is None:
                backwards = text[::-1]
            left = _LETTER_RUN.match(backwards, len(text) - at)
            if left is not None:
                joins.append((left.group()[::-1], right.group()))
        at = text.find("-", at + 1)
    return joins


class DocumentWords:
    """What the document shows: how often each word occurs in it, counted once and only when asked.

    ``latin1`` says that the text has no character beyond Latin-1 and general punctuation, whose
    lower-casing keeps every character one character and a word character or not.
    """

    #: Whether a word the document uses vouches for itself even when it could be glued words (``ather``):
    #: only for :func:`hopeful_split`'s upper bound.
    vouches_for_glue = False

    def __init__(self, text: str, latin1: bool = False) -> None:
        self.text = text
        self._latin1 = latin1
        self._counts: Counter[str] | None = None
        self._lower: set[str] | None = None
        self._lowered: str | None = None  # the text lowercased, made once (:meth:`_lowered_text`)
        self._lines: list[str] | None = None
        self._line_starts: list[int] = []
        self._code_lines: dict[int, bool] = {}
        self._call_spans: dict[int, tuple[list[int], list[int]]] = {}  # per line: argument lists' bounds
        self._language: str | None = None
        self._line_languages: dict[int, str] = {}
        self._clause_languages: dict[tuple[int, int], str] = {}
        self._hyphen_joins: frozenset[str] | None = None
        self._citations: dict[str, list[str]] | None = None
        self._urls: list[tuple[int, int]] | None = None  # the text's URLs (:meth:`in_a_url`)
        # The capitalised runs sorted, their counts, and the members after each word and a dot
        # (:meth:`writes_elsewhere`).
        self._capitalised: tuple[list[str], Counter[str], dict[str, Counter[str]]] | None = None
        #: Answers a rule already gave about this document, by question and word (a rule that reads the
        #: whole document asks once per word, not once per candidate).
        self.answers: dict[tuple[str, str], bool] = {}
        # Whole-text searches allowed before counting every word once is the cheaper way to answer:
        # a few keep clean text fast, a bound keeps text with many candidates linear.
        self._searches_left = _SEARCHES_BEFORE_COUNTING

    def _load_counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = word_counts(self.text)
        return self._counts

    def _load_lower(self) -> set[str]:
        if self._lower is None:
            if self._latin1:
                self._lower = word_set(self._lowered_text())
            else:
                self._lower = {word.lower() for word in self._load_counts()}
        return self._lower

    def hyphenates(self, token: str) -> bool:
        """Whether the document writes ``token`` with a hyphen between two of its parts of two letters or
        more: ``fall-through`` for ``fallthrough`` (the letter runs around each hyphen, joined, are
        collected once a document: one search, not one per token and cut).

        >>> DocumentWords("a fall-through case").hyphenates("fallthrough")
        True
        """
        if self._hyphen_joins is None:
            self._hyphen_joins = frozenset(
                left + right for left, right in hyphen_joins(self.text) if len(left) >= 2 and len(right) >= 2
            )
        return token in self._hyphen_joins

    def cited_names(self, word: str) -> list[str]:
        """The names the document writes after ``word.`` where ``word`` starts a word, in order:
        ``["Integral", "Real"]`` for ``numbers`` in ``numbers.Integral and numbers.Real``.

        A few words are searched for one by one; past that, every citation is collected in one pass,
        so that a text with a candidate in every sentence costs one pass, not one per candidate.

        >>> DocumentWords("see numbers.Integral and numbers.Real").cited_names("numbers")
        ['Integral', 'Real']
        """
        if self._citations is None and self._may_search():
            names: list[str] = regex.findall(rf"(?<![\w.]){regex.escape(word)}\.(\w+)", self.text)
            return names
        if self._citations is None:
            self._citations = {}
            for cited, name in citations(self.text):
                self._citations.setdefault(cited, []).append(name)
        return self._citations.get(word, [])

    def writes_elsewhere(self, left: str, capitalised: str) -> bool:
        """Whether the text writes ``capitalised`` (a capital and lowercase letters) somewhere other than
        right after the word ``left`` and a ``.`` (inside longer words too, as ``str.count`` counts it):
        a word of its own or after other words, not only a member of ``left``'s dotted names
        (``Environment.Variable`` four times, ``Boost.Regex``).

        The first few are counted with whole-text searches; past that, the capitalised runs and the
        dotted names of the text are collected once, and each word is looked up among the runs it starts.

        >>> DocumentWords("McDonald said.Donald").writes_elsewhere("said", "Donald")
        True
        >>> DocumentWords("Use Environment.Variable; an Environment.Variable holds").writes_elsewhere(
        ...     "Environment", "Variable")
        False
        """
        if self._capitalised is None and self._may_search():
            written = self.text.count(capitalised)
            if written > self.text.count(f"{left}.{capitalised}"):
                return True  # written more often than after "left." even inside longer words: no search
            members = regex.findall(
                rf"(?<!\p{{L}}){regex.escape(left)}\.(?={regex.escape(capitalised)})", self.text
            )
            return written > len(members)
        if self._capitalised is None:
            counts = Counter(_CAPITALISED_RUN.findall(self.text))
            owners: dict[str, Counter[str]] = {}
            for dot in _DOT_CAPITALISED.finditer(self.text):
                owner = _LETTERS_BACK.match(self.text, 0, dot.start())
                if owner is not None:
                    owners.setdefault(owner.group(), Counter())[dot.group(1)] += 1
            self._capitalised = sorted(counts), counts, owners
        runs, counts, owners = self._capitalised
        written = 0
        for run in itertools.islice(runs, bisect.bisect_left(runs, capitalised), None):
            if not run.startswith(capitalised):
                break
            written += counts[run]
        dotted = sum(n for member, n in owners.get(left, {}).items() if member.startswith(capitalised))
        return written > dotted

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

    def written_capitalised_only(self, word: str) -> bool:
        """Whether the document writes the lowercase ``word`` as a word of its own with a capital first
        letter (``Linux``, ``LINUX``) and never in lowercase."""
        counts = self._load_counts()
        return word not in counts and (word.capitalize() in counts or word.upper() in counts)

    def writes_exactly(self, word: str) -> bool:
        """Whether the document writes ``word`` as a word of its own in just that case: ``activeGroup``;
        ``ctime`` in lowercase (not ``ECHILD`` for ``echild``)."""
        return word in self._load_counts()

    def uses(self, word: str) -> bool:
        """Whether the document uses ``word`` (in any case) as a word of its own."""
        return word in self._load_lower()

    def uses_any(self, words: Iterable[str]) -> bool:
        """Whether the document uses any of the lowercase ``words`` as a word of its own (one C-level
        pass over them: cheaper than :meth:`uses` for each of many)."""
        return not self._load_lower().isdisjoint(words)

    def in_an_identifier(self, word: str) -> bool:
        """Whether the document writes the lowercase ``word`` as a part of a name in snake case
        (``bruhat_interval``, ``manylinux_2_28``, ``_bruhat``): a word of its own vocabulary, which no
        lost space glues.

        >>> DocumentWords("call bruhat_interval(w)").in_an_identifier("bruhat")
        True
        >>> DocumentWords("used for x_used").in_an_identifier("usedfor")
        False
        """
        if self._identifier_parts is None:
            # one pass over the text, the first time a document asks: the pieces of its snake-case names
            text = self.text
            self._identifier_parts = (
                {piece.lower() for piece in _SNAKE_PIECE.findall(text)} if "_" in text else set()
            )
        return word in self._identifier_parts

    def _line_index(self, position: int) -> int:
        if self._lines is None:
            self._lines = self.text.split("\n")
            self._line_starts = list(
                itertools.accumulate((len(line) + 1 for line in self._lines[:-1]), initial=0)
            )
        return bisect.bisect_right(self._line_starts, position) - 1

    def in_code(self, position: int) -> bool:
        """Whether the line holding ``position`` looks like code (``=``, braces, backticks, ``f(``).

        Glued lowercase tokens ask :meth:`code_near` instead: a long line of prose may hold one sign."""
        index = self._line_index(position)
        assert self._lines is not None
        code = self._code_lines.get(index)
        if code is None:
            code = self._code_lines[index] = _CODE_LINE.search(self._lines[index]) is not None
        return code

    def in_a_url(self, position: int) -> bool:
        """Whether ``position`` lies inside one of the text's URLs (:func:`._blocks.url_spans`, found once
        a document): ``forum/?fromgroups#!forum``.

        >>> text = DocumentWords("see https://a.org/forum/?fromgroups#!forum now")
        >>> text.in_a_url(27), text.in_a_url(45)
        (True, False)
        """
        if self._urls is None:
            self._urls = url_spans(self.text)
        return inside(self._urls, position)

    def line_at(self, position: int) -> str:
        """The line holding ``position``."""
        index = self._line_index(position)
        assert self._lines is not None
        return self._lines[index]

    def line_bounds(self, position: int) -> tuple[int, int]:
        """Where the line holding ``position`` starts and ends (its ``"\\n"`` excluded).

        >>> DocumentWords("one\\ntwo three\\n").line_bounds(6)
        (4, 13)
        """
        index = self._line_index(position)
        assert self._lines is not None
        start = self._line_starts[index]
        return start, start + len(self._lines[index])

    def code_near(self, position: int, length: int) -> bool:
        """Whether code signs stand within ``_CODE_REACH`` characters of ``text[position:position + length]``
        on its line (``x = usedfor(y)``), unlike a line of prose whose code sign is further off (``the
        results (p < 0.05) areusedfor``)."""
        index = self._line_index(position)
        if not self.in_code(position):
            return False  # the whole line is prose: nothing near either
        start = max(self._line_starts[index], position - _CODE_REACH)
        assert self._lines is not None
        line_end = self._line_starts[index] + len(self._lines[index])
        end = min(line_end, position + length + _CODE_REACH)
        window = self.text[start:end]
        if _CODE_LINE.search(window if end == line_end else window + " x") is not None:
            return True
        return self.in_arguments(position)

    def in_arguments(self, position: int) -> bool:
        """Whether ``position`` lies between the parentheses of a call or a signature on its line
        (``dblink_fetch(text cursorname, int howmany [, bool fail])``: a ``(`` right after a word, and
        its ``)``): names of code, however far from the ``(``.

        >>> DocumentWords("f(int howmany) returns").in_arguments(6)
        True
        >>> DocumentWords("a (the howmany) returns").in_arguments(8)
        False
        """
        index = self._line_index(position)
        spans = self._call_spans.get(index)
        if spans is None:
            assert self._lines is not None
            spans = self._call_spans[index] = _argument_lists(self._lines[index])
        starts, ends = spans
        at = bisect.bisect_right(starts, position - self._line_starts[index]) - 1
        return at >= 0 and position - self._line_starts[index] < ends[at]

    def language(self, default: str) -> str:
        """The language of the whole document (``default`` when its markers do not say)."""
        if self._language is None:
            self._language = language_of(self.text, default, record=True)
        return self._language

    def line_language(self, position: int, default: str) -> str:
        """The language of the line holding ``position``; a line too short to say has the document's,
        unless the text around it (``_NEAR`` characters each way) is in another language than
        ``default``: a short line of a Norwegian manual page with an English paragraph is Norwegian,
        and one of a Finnish page among English option names stays Finnish."""
        index = self._line_index(position)
        language = self._line_languages.get(index)
        if language is None:
            line = self._lines[index] if self._lines is not None else self.text
            whole = len(line) == len(self.text)
            decided = decided_language(line, default, record=whole)
            if decided is None and whole:
                self._language = default  # a one-line text: what language_of says, without a second count
            if decided is None and not whole and len(self.text) > 2 * _NEAR:
                near = decided_language(self.text[max(0, position - _NEAR) : position + _NEAR], default)
                decided = near if near != default else None
            language = self._line_languages[index] = decided or self.language(default)
        return language

    def clause_language(self, position: int, length: int, default: str) -> str:
        """The language of the clause around ``text[position:position + length]`` (see :meth:`clause`),
        decided once per clause."""
        clause = self.clause_span(position, length)
        language = self._clause_languages.get(clause)
        if language is None and clause == (0, len(self.text)) and self._language is not None:
            language = self._language  # the clause is the whole text: its language is known
        if language is None:
            whole = clause == (0, len(self.text))
            language = language_of(self.text[clause[0] : clause[1]], default, record=whole)
            self._clause_languages[clause] = language
        return language

    def speaks(self, position: int, token: str, language: str) -> bool:
        """Whether the word ``token`` at ``position`` is written in ``language``: its line is (or says too
        little, and the document is), and its clause is not another language in which ``token`` is a
        word (a quoted Spanish sentence in an English article: ``programando``), another script, or a
        language with no markers here."""
        if self.line_language(position, language) != language:
            return False
        local = self.clause_language(position, len(token), language)
        if local in (OTHER_SCRIPT, UNKNOWN_LANGUAGE):
            return False  # another script, or a language with no markers: nothing to read it by
        return local == language or zipf(token.lower(), local) == 0.0

    def clause_span(self, position: int, length: int) -> tuple[int, int]:
        """Where the clause around ``text[position:position + length]`` starts and ends: up to the
        nearest sentence or quote marks on both sides, at most ``_AROUND`` characters each way."""
        start = max(0, position - _AROUND)
        before = _CLAUSE_MARK.search(self.text[start:position][::-1])
        if before is not None:
            start = position - before.start()
        end = min(len(self.text), position + length + _AROUND)
        after = _CLAUSE_MARK.search(self.text, position + length, end)
        return start, after.start() if after is not None else end

    def used(self, words: frozenset[str]) -> frozenset[str]:
        """Those of the lowercase ``words`` that the document uses (in any case) as words of their own.

        Before all the document's words are collected, Latin-1 text is searched for just these.
        """
        if self._lower is not None or not self._latin1 or not self._may_search():
            return words.intersection(self._load_lower())
        if self._lowered is None:
            self._lowered = self.text.lower()
        lowered = self._lowered
        return frozenset(word for word in words if _stands_alone(lowered, word))

    #: Where each lowercase token the words fixer could split starts, in order, and the tokens (its
    #: glued candidates), for :meth:`candidates_near`; empty until the fixer says (:meth:`note_candidates`).
    candidate_starts: tuple[int, ...] = ()
    candidate_tokens: tuple[str, ...] = ()

    def note_candidates(self, matches: list[regex.Match[str]]) -> None:
        """Keep where the glued candidates ``matches`` (in text order) start, and their tokens."""
        self.candidate_starts = tuple(match.start() for match in matches)
        self.candidate_tokens = tuple(match.group() for match in matches)

    def candidates_near(self, at: int, reach: int) -> tuple[str, ...]:
        """The glued candidates (:meth:`note_candidates`) that start within ``reach`` characters of
        ``at``, in text order."""
        low = bisect.bisect_left(self.candidate_starts, at - reach)
        high = bisect.bisect_right(self.candidate_starts, at + reach)
        return self.candidate_tokens[low:high]

    def see(self, words: tuple[str, ...]) -> None:
        """Record words that a split made stand on their own."""
        self._load_lower().update(word.lower() for word in words)

    _apart: frozenset[str] | None = None
    _identifier_parts: set[str] | None = None
    _lower_counts: Counter[str] | None = None
    _apart_searches = _APART_SEARCHES

    def _lowered_text(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def _may_search_apart(self) -> bool:
        """Whether one more whole-text search for a pair or a token is within the budget; past it the
        document's pairs and words are collected once (a search each would cost quadratic time)."""
        if self._apart_searches <= 0:
            return False
        self._apart_searches -= 1
        return True

    def _collect_apart(self) -> None:
        """One pass over the lowercased text: the pairs written side by side and each word's count in
        any case."""
        lowered = self._lowered_text()
        words = list(_LETTER_RUN.finditer(lowered))
        self._apart = frozenset(
            f"{first.group()} {second.group()}"
            for first, second in itertools.pairwise(words)
            if first.end() < second.start() and lowered[first.end() : second.start()].isspace()
        )
        self._lower_counts = Counter(word.group() for word in words)

    def writes_apart(self, left: str, right: str) -> bool:
        """Whether the document writes the lowercase words ``left right`` side by side (in any case,
        across any run of whitespace) somewhere: ``oil prices`` for ``oilprices``.

        >>> DocumentWords("Oil prices rose; the oilprices fell").writes_apart("oil", "prices")
        True
        """
        if not (self.uses(left) and self.uses(right)):
            return False  # both words stand in the document on their own, or the pair is not there
        if self._apart is None and self._may_search_apart():
            return _stands_alone_run(self._lowered_text(), rf"{re.escape(left)}\s+{re.escape(right)}")
        if self._apart is None:
            self._collect_apart()
        assert self._apart is not None
        return f"{left} {right}" in self._apart

    def written_again(self, token: str) -> bool:
        """Whether the document writes the lowercase ``token`` more than once, in any case
        (``TIMETRACKS`` and ``timetracks``)."""
        if self._lower_counts is None and self._may_search_apart():
            return _stands_alone_run(self._lowered_text(), re.escape(token), 2)
        if self._lower_counts is None:
            self._collect_apart()
        assert self._lower_counts is not None
        return self._lower_counts[token] > 1

    _camel_heads: Counter[str] | None = None

    def camel_heads(self, head: str) -> int:
        """How many times the document writes the lowercase ``head`` before a capital at the start of
        a word (``microLenat`` and ``microReid``: ``micro`` twice); counted once a document."""
        if self._camel_heads is None:
            self._camel_heads = camel_heads(self.text)
        return self._camel_heads[head]


def citations(text: str) -> Iterator[tuple[str, str]]:
    """Each word that starts a word (no word character or dot before it) and the name after its dot, in
    order.

    >>> list(citations("see numbers.Integral, os.path.join and x1.y"))
    [('numbers', 'Integral'), ('os', 'path'), ('x1', 'y')]
    """
    for dot in _DOT_NAME.finditer(text):
        word = _WORD_BACK.match(text, 0, dot.start())
        if word is not None and (word.start() == 0 or _WORD_OR_DOT.match(text, word.start() - 1) is None):
            yield word.group(), dot.group(1)


def camel_heads(text: str) -> Counter[str]:
    """How often each run of lowercase letters that starts a word runs into a capital.

    >>> camel_heads("microLenat and microReid, McDonald, x2Y")
    Counter({'micro': 2})
    """
    heads: Counter[str] = Counter()
    for capital in _CAPITAL.finditer(text):
        head = _LOWERCASE_BACK.match(text, 0, capital.start())
        if head is not None and (
            head.start() == 0 or _REGEX_WORD_CHARACTER.match(text, head.start() - 1) is None
        ):
            heads[head.group()] += 1
    return heads


def _stands_alone_run(text: str, pattern: str, times: int = 1) -> bool:
    """Whether ``pattern`` (which starts and ends with letters) matches ``text`` at least ``times``
    times as whole runs of letters (``_LETTER_RUN``'s: no such letter just before or after), so that a
    search answers as :meth:`DocumentWords._collect_apart` counts. The pattern starts with its literal
    letters, which the regular expression engine scans for fast; the edges are checked by hand, and past
    a match inside a longer run the search goes on one character later (``ab ab`` stands in
    ``xab ab ab``)."""
    search = re.compile(pattern).search
    found = 0
    position = 0
    while (match := search(text, position)) is not None:
        start, end = match.span()
        if (start == 0 or _LETTER.match(text, start - 1) is None) and _LETTER.match(text, end) is None:
            found += 1
            if found >= times:
                return True
            position = end
        else:
            position = start + 1
    return False


def _stands_alone(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a word of its own: a whole run of ``\\w`` characters."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or _WORD_CHAR.match(text, at - 1) is None) and _WORD_CHAR.match(text, end) is None:
            return True
        at = text.find(word, at + 1)
    return False


class _EveryWord(DocumentWords):
    """A document that uses every word, even glued ones: more help than any document could give, so
    that no split it does not allow is allowed by a real one (and cheap: no part is judged itself)."""

    vouches_for_glue = True

    def uses(self, word: str) -> bool:
        return True


class _Vouching(DocumentWords):
    """A document that uses just the words ``vouched``: all that `Splitter._best_split`
    asks of a document about a token is which of its :func:`long_parts` the document uses."""

    def __init__(self, vouched: frozenset[str]) -> None:
        super().__init__("")
        self.vouched = vouched

    def uses(self, word: str) -> bool:
        return word in self.vouched


_NO_DOCUMENT = DocumentWords("")
_EVERY_WORD = _EveryWord("")


#: A preposition, a conjunction, "not" or a common verb glued to the article "a" that also spells a
#: word of a language wordfreq knows (Portuguese "fora", Spanish "anda", "hada", "justa", Latin
#: "nota", Swedish "toa", Polish "ona", Slovene "upa", German "thema", Italian "runa"): the two words,
#: read only before a word that takes the article (``words.article_reading``: "fora new", not "fora
#: de"). Glued forms of Zipf 3 or more ("ina", "isa", "ata") are left: too many names and words of
#: other languages; so are forms whose first word seldom stands before "a" ("alla", "tena") and the
#: contractions of informal English ("coulda", "oughta", "outa", and "gota" for "gotta": "I gota say",
#: which the informal test split writes twice).
ARTICLE_GLUE: Mapping[str, tuple[str, str]] = {
    word + "a": (word, "a")
    for word in ("for", "and", "not", "to", "on", "up", "had", "just", "them", "her", "never", "can", "run")
}
#: English glue of three letters, which the run table watches (it reports runs of four letters or more):
#: "of a" and "by a" closed up, read as any glue (wordfreq knows "ofa" in English alone, Zipf 2.9, junk;
#: "bya" in no language above Zipf 2.3; the Gutenberg books hold them 6 and 0 times), and the article
#: glue of :data:`ARTICLE_GLUE` of three letters.
SHORT_GLUE = ("ofa", "bya", "toa", "ona", "upa")


class _WordFilter:
    """Which lowercase runs a fixer need look at: set differences first, per-word work once per word.

    ``never`` holds the words too common to split (from wordfreq's small list, which the fixer loads
    anyway); :meth:`Splitter.plainly_whole` and :meth:`Splitter.splittable` judge the rest, and
    ``plain`` and ``not_plain``, ``rejected`` and ``accepted`` remember their answers, up to
    ``_SEEN_SIZE`` of them (then they start again): a document of runs seen before costs set
    differences alone.
    """

    def __init__(self, splitter: Splitter) -> None:
        self.splitter = splitter
        self.never = common_words(splitter.language, max(splitter.max_joined_zipf, 3.0))
        #: ``never`` as a table that finds a Latin-1 text's uncommon runs in one pass (:mod:`._scan`),
        #: and in English the runs of :data:`SHORT_GLUE` too.
        self.table = run_table(self.never, SHORT_GLUE if splitter.language == "en" else ())
        self.rejected: set[str] = set()
        self.plain: set[str] = set()
        self.not_plain: set[str] = set()
        self.accepted: set[str] = set()

    def uncommon(self, runs: list[str]) -> set[str]:
        """The distinct ``runs`` rarer than ``max_joined_zipf`` (not in ``never``)."""
        return set(runs).difference(self.never)

    def rare(self, uncommon: set[str]) -> set[str]:
        """The ``uncommon`` runs (none in ``never``: :meth:`uncommon`'s set, or the table's) whose split
        must be scored: not left whole on cheap tests (:meth:`Splitter.plainly_whole`, remembered both
        ways: it depends on the run alone)."""
        fresh = uncommon.difference(self.plain)
        unknown = fresh.difference(self.not_plain)
        if unknown:
            plain = {run for run in unknown if self.splitter.plainly_whole(run)}
            if len(self.plain) + len(plain) > _SEEN_SIZE:
                self.plain.clear()
            if len(self.not_plain) + len(unknown) > _SEEN_SIZE:
                self.not_plain.clear()
            self.plain.update(plain)
            self.not_plain.update(unknown.difference(plain))
            return fresh.difference(plain)
        return fresh

    def hopeful(self, rare: set[str]) -> list[str]:
        """The ``rare`` runs (:meth:`rare`'s set) that some document could see split."""
        fresh = rare.difference(self.rejected)
        if not fresh:
            return []
        found = fresh.intersection(self.accepted)
        if len(found) == len(fresh):
            return list(found)
        if len(self.rejected) + len(self.accepted) + len(fresh) > _SEEN_SIZE:
            self.rejected.clear()
            self.accepted.clear()
        for word in fresh.difference(found):
            if self.splitter.splittable(word):
                found.add(word)
                self.accepted.add(word)
            else:
                self.rejected.add(word)
        return list(found)


# How many tokens each cache across documents keeps (the splits of static_split, hopeful_split and
# vouched_split, and the word filter's answers). A long stream of documents brings new rare tokens
# forever: a bounded cache keeps the memory of a worker flat (at 65,536 entries each, a 1 GB corpus
# run grew 47% after its first 5%), and 8,192 still hold every rare token of a few MB of prose.
CACHE_SIZE = 1 << 13
_SEEN_SIZE = CACHE_SIZE

# Scoring the splits of a rare run costs some 50 µs the first time. Prose has a distinct rare run
# left after the cheap tests (:meth:`Splitter.plainly_whole`) every 300 characters or more (Moby-Dick's
# richest chapters: one every 120, and each glued word of damaged text adds one more: at 150 the
# glue of a third of its chapters went unmended). A document with more than this many per character
# (generated identifiers, base64, a word list) is not prose whose glue we can read: its glued words
# are left alone, which keeps the cost linear on any input.
_RARE_RUNS_FREE = 50
_CHARS_PER_RARE_RUN = 75
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
def word_filter(splitter: Splitter) -> _WordFilter:
    """The word filter of ``fixer`` (one per set of options, kept for the process)."""
    return _WordFilter(splitter)


@lru_cache(maxsize=CACHE_SIZE)
def static_split(splitter: Splitter, token: str) -> tuple[tuple[str, ...], float] | None:
    """``fixer``'s best split of ``token`` by word frequencies alone (cached across documents)."""
    return splitter.best_split(token, _NO_DOCUMENT)


@lru_cache(maxsize=CACHE_SIZE)
def hopeful_split(splitter: Splitter, token: str) -> tuple[tuple[str, ...], float] | None:
    """``fixer``'s best split of ``token`` in a document that used every part: ``None`` means no
    document can make ``token`` split (cached across documents)."""
    return splitter.best_split(token, _EVERY_WORD)


@lru_cache(maxsize=CACHE_SIZE)
def vouched_split(
    splitter: Splitter, token: str, vouched: frozenset[str]
) -> tuple[tuple[str, ...], float] | None:
    """``fixer``'s best split of ``token`` in a document that uses, of the token's long parts, just
    ``vouched`` (cached across documents and across the rounds of `Splitter.find`)."""
    return splitter.best_split(token, _Vouching(vouched))


def cache_sizes() -> dict[str, int]:
    """How many entries each cache across documents holds now (none grows past ``CACHE_SIZE``; the
    verdicts on parts, a word and a bool each, keep up to ``_VERDICTS_KEPT``)."""
    sizes = {
        "static_split": static_split.cache_info().currsize,
        "hopeful_split": hopeful_split.cache_info().currsize,
        "vouched_split": vouched_split.cache_info().currsize,
        "valid_parts": _valid_parts.cache_info().currsize,
        "long_parts": long_parts.cache_info().currsize,
        "bound_split": bound_split.cache_info().currsize,
        "modifier_split": modifier_split.cache_info().currsize,
        "participle_split": participle_split.cache_info().currsize,
        "led_participle_split": led_participle_split.cache_info().currsize,
        "s_form_split": s_form_split.cache_info().currsize,
        "inflected_split": inflected_split.cache_info().currsize,
        "adverb_split": adverb_split.cache_info().currsize,
        "typo_of": typo_of.cache_info().currsize,
        "plainly_whole": len(_plain_verdicts(Splitter())),
    }
    filters = [word_filter(Splitter())]  # the default options' filter; others are alike
    sizes["word_filter"] = max(
        max(len(f.plain), len(f.not_plain), len(f.rejected) + len(f.accepted)) for f in filters
    )
    return sizes


def is_code_name(splitter: Splitter, token: str) -> bool:
    """Whether ``token``, a name of the C library, the kernel or Python's standard library
    (:func:`._dictionary.code_names`), is read as that name, never split: unless its reading is glue of
    function words (``asin``: ``as in``; ``atan``: ``at an``), which text glues far more often than it
    names the function. A pair that books write apart is no such sign (``isspace``, ``groupby``,
    ``sendto``: thirty-fourth round). (Its splittable verdict only: it still counts as a rare run.)

    >>> s = Splitter()
    >>> is_code_name(s, "asprintf"), is_code_name(s, "tolower"), is_code_name(s, "groupby")
    (True, True, True)
    >>> is_code_name(s, "asin"), is_code_name(s, "atan")
    (False, False)
    """
    split = hopeful_split(splitter, token)
    return split is None or not all(splitter.function_word(part) for part in split[0])


def valid_parts(splitter: Splitter, token: str) -> tuple[tuple[tuple[int, str], ...], ...]:
    """For each start ``i`` in ``token``, the ends ``j`` and parts ``token[i:j]`` that may stand as words
    of a split (:meth:`Splitter.valid_part`): the same for every document, so computed once a token."""
    return _valid_parts(splitter, token)


@lru_cache(maxsize=1 << 12)  # needed while one token is judged (its splits and their parts), not longer
def _valid_parts(splitter: Splitter, token: str) -> tuple[tuple[tuple[int, str], ...], ...]:
    size = len(token)
    known = frequencies(splitter.language)  # only known words can be parts: look them up first
    valid = splitter.valid_part
    verdicts = _part_verdicts(splitter)
    rows: list[list[tuple[int, str]]] = [[] for _ in range(size)]
    # the known pieces first, in one C-level pass; then each one's verdict, remembered across tokens
    pieces = [
        (i, j, part)
        for i in range(size)
        for j in range(i + 1, min(size, i + 24) + 1)
        if (part := token[i:j]) in known
    ]
    for i, j, part in pieces:
        remembered = verdicts[i == 0]
        verdict = remembered.get(part)
        if verdict is None:
            if len(remembered) >= _VERDICTS_KEPT:
                remembered.clear()
            verdict = remembered[part] = valid(part, first=i == 0, whole=False)
        if verdict and j - i < size:  # never the whole token
            rows[i].append((j, part))
    return tuple(map(tuple, rows))


@lru_cache(maxsize=4)  # one per set of options in use: few at a time (a fitted model is one)
def _plain_verdicts(splitter: Splitter) -> dict[str, bool]:
    """:meth:`Splitter.plainly_whole` of the tokens asked lately, up to ``CACHE_SIZE`` of them."""
    return {}


# How many part verdicts each dict keeps: a word and a bool each (about 100 bytes), and parts recur
# across tokens far more than tokens do (a few MB of prose asks about 14,000 different parts).
_VERDICTS_KEPT = 4 * CACHE_SIZE


@lru_cache(maxsize=4)  # as _plain_verdicts: a process that fits many models keeps four sets
def _part_verdicts(splitter: Splitter) -> tuple[dict[str, bool], dict[str, bool]]:
    """:meth:`Splitter.valid_part` of each known word asked lately, not first and first in a token
    (indexed by ``first``): one dict lookup per piece after the first ask, up to ``_VERDICTS_KEPT``
    words each (then they start again)."""
    return {}, {}


@lru_cache(maxsize=4)
def foreign_zipfs(language: str) -> Mapping[str, float]:
    """The common words (:data:`_FOREIGN_ZIPF`) of the neighbouring languages other than ``language``,
    each with its Zipf value in the language that uses it most (wordfreq's small lists, read once): a
    mapping of strings to numbers, untracked by the garbage collector as :func:`common_words`'s are, so
    that :meth:`Splitter.foreign` is one lookup.

    >>> foreign_zipfs("en")["gracias"] > 5.0, "usedfor" in foreign_zipfs("en")
    (True, False)
    """
    found: dict[str, float] = {}
    for other in NEIGHBOURS:
        if other != language:
            for word, value in common_zipfs(other, _FOREIGN_ZIPF).items():
                if value > found.get(word, 0.0):
                    found[word] = value
    return found


@lru_cache(maxsize=1 << 12)
def long_parts(splitter: Splitter, token: str) -> frozenset[str]:
    """The known words of four or more letters inside ``token``: the parts a document could vouch for."""
    return frozenset(
        part for starting in valid_parts(splitter, token) for _, part in starting if len(part) >= 4
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
        "confidence": confidence(margin),
    }


def confidence(margin: float) -> float:
    """How sure a decision is from how far its evidence clears its threshold: 0.5 at it, 1.0 at +3."""
    return round(min(1.0, max(0.0, 0.5 + margin / 6.0)), 3)


# -- what a fitted corpus says (see CorpusModel) -------------------------------------------------

# A token the corpus has is a word of the corpus ("rustup", "histoscores"), unless its parts stand
# side by side far more often (below): glue a damaged document left in the corpus ("usedfor" once
# beside a hundred "used for") is no word. A token the rules found no split for (a name before a
# capital) must be in this many documents, this often.
_CORPUS_WORD_SEEN = 1
# How much less a word's frequency in the fitted corpus counts than wordfreq's: a small corpus is a
# noisy sample, and a word common in one field ("implement" in manuals) must not make another field's
# word ("implementor") read as glue.
_CORPUS_DISCOUNT = 1.0
_CORPUS_WORD_COUNT = 2
_CORPUS_WORD_DOCUMENTS = 2
# Parts side by side this many times more often than the glued form: the glued form is damage the
# corpus repeats ("ofthe" scraped from many pages beside thousands of "of the"), not a word.
_PAIR_OVER_JOINED = 5
# At least this many pairs before the corpus alone splits two content words ("twelve years").
_CORPUS_PAIR_MIN = 10
# A token wordfreq knows this well is split by its rules alone: corpus pairs split only unknown glue
# ("takeplace"), never a rare word that a common pair happens to spell ("inmost": "in most").
_CORPUS_SPLIT_ZIPF = 1.0
# A part of a corpus split: known to wordfreq this well, or used this often by the corpus.
_CORPUS_PART_ZIPF = 3.0
_CORPUS_PART_COUNT = 5


# How many times as many documents as a template line ends a token on it must be in to be a word.
_BEYOND_TEMPLATE = 2


def corpus_word(model: CorpusModel, token: str, parts: tuple[str, ...] | None, line: str) -> bool:
    """Whether the fitted corpus uses ``token`` as a word of its own: not only in a block that ends many
    documents (a page template: ``Readmore``; the token on such a ``line`` is the corpus's word only
    where it is in twice as many documents as the line ends: ``goroutine`` on the line ``goroutine leak
    detector`` that two of Debian's package descriptions are), and not far less often than any two of
    its ``parts`` side by side (``None``: no split was found; then in several documents).

    >>> model = CorpusModel.from_counts(words={"rustup": 9}, word_documents={"rustup": 4}, documents=4)
    >>> corpus_word(model, "rustup", ("rust", "up"), "install rustup first")
    True
    """
    count = model.count(token)
    if count < _CORPUS_WORD_SEEN or (
        is_template_line(model, line) and model.spread(token) < _BEYOND_TEMPLATE * model.tail_count(line)
    ):
        return False
    if parts is None:
        return count >= _CORPUS_WORD_COUNT and model.spread(token) >= _CORPUS_WORD_DOCUMENTS
    return all(
        model.pair(left, right) < _PAIR_OVER_JOINED * count for left, right in itertools.pairwise(parts)
    )


def is_template_line(model: CorpusModel, line: str) -> bool:
    """Whether ``line`` is a line that ends several documents of the corpus: boilerplate a page
    template repeats (``Readmore``), whose tokens are no evidence of words."""
    return model.tail_count(line) >= _CORPUS_WORD_DOCUMENTS


def corpus_split(splitter: Splitter, model: CorpusModel, token: str) -> tuple[tuple[str, str], int] | None:
    """The two words ``token`` reads as by the corpus's pairs (``twelveyears`` -> ``twelve years``),
    with their pair count: both parts words, side by side at least ``_CORPUS_PAIR_MIN`` times and
    ``_PAIR_OVER_JOINED`` times as often as the glued form. Only for tokens wordfreq barely knows.

    >>> model = CorpusModel.from_counts(words={"twelve": 9, "years": 30}, pairs={("twelve", "years"): 16})
    >>> corpus_split(Splitter(), model, "twelveyears")
    (('twelve', 'years'), 16)
    """
    if zipf(token, splitter.language) >= _CORPUS_SPLIT_ZIPF or splitter.plainly_whole(token):
        return None
    best: tuple[tuple[str, str], int] | None = None
    floor = max(_CORPUS_PAIR_MIN, _PAIR_OVER_JOINED * model.count(token))
    for cut in range(2, len(token) - 1):
        left, right = token[:cut], token[cut:]
        pairs = model.pair(left, right)
        if pairs < floor or (best is not None and pairs <= best[1]):
            continue
        if _corpus_part(splitter, model, left) and _corpus_part(splitter, model, right):
            best = (left, right), pairs
    return best


def _corpus_part(splitter: Splitter, model: CorpusModel, part: str) -> bool:
    if len(part) <= 2:
        return zipf(part, splitter.language) >= 5.5
    return zipf(part, splitter.language) >= _CORPUS_PART_ZIPF or model.count(part) >= _CORPUS_PART_COUNT


def corpus_content_split(
    splitter: Splitter, model: CorpusModel, token: str
) -> tuple[tuple[str, str], float] | None:
    """Two common content words that ``token`` reads as on a fitted corpus's word counts when its pairs
    are too few (``studyaims`` -> ``study aims``), with the rarer word's Zipf.

    A corpus knows the compounds of its field: a token it never saw, which wordfreq does not know either,
    made of two words it uses, is glue, unless those words make compounds (how many words wordfreq
    knows start or end with them: :func:`compound_parts`). ``time``, ``net``, ``mail``, ``home`` or
    ``key`` start dozens (``timepoints``, ``netlag``), so do prefixes (``subgenome``) and ``-man``,
    ``-ware`` end them; ``study`` and ``aims`` start and end one or two. Both words have three letters
    or more, Zipf ``CONTENT_PART_ZIPF`` or more, and neither is a function word; the cut with the
    commoner rarer word wins. English only: German or Dutch write new compounds closed as a rule.

    >>> model = CorpusModel.from_counts(words={"study": 9, "aims": 3, "time": 5, "points": 4})
    >>> split = corpus_content_split
    >>> split(Splitter(), model, "studyaims")[0], split(Splitter(), model, "timepoints")
    (('study', 'aims'), None)
    """
    language = splitter.language
    if (
        language != "en"
        or zipf(token, language) > 0.0
        or model.count(token) > 0
        or splitter.plainly_whole(token)
    ):
        return None
    heads, tails = compound_parts(language)
    best: tuple[tuple[str, str], float] | None = None
    for cut in range(_CONTENT_PART_LETTERS, len(token) - _CONTENT_PART_LETTERS + 1):
        left, right = token[:cut], token[cut:]
        rarer = min(zipf(left, language), zipf(right, language))
        if rarer < CONTENT_PART_ZIPF or (best is not None and rarer <= best[1]):
            continue
        if (
            model.count(left) == 0
            or model.count(right) == 0
            or splitter.function_word(left)
            or splitter.function_word(right)
            or left in PREFIXES.get(language, ())
            or right in SUFFIXES.get(language, ())
            or heads.get(left, 0) > _COMPOUND_PARTS
            or tails.get(right, 0) > _COMPOUND_PARTS
        ):
            continue
        best = (left, right), rarer
    return best


# A content split's words: this many letters and this common each ...
_CONTENT_PART_LETTERS = 3
CONTENT_PART_ZIPF = 3.5
# ... and neither the first of more than this many words wordfreq knows that are two words of Zipf
# _COMPOUND_WORD_ZIPF (``time``: 68, ``study``: 1), nor the last of more (``man``: 869, ``aims``: 0). On
# the dev splits, fitted on the test splits (same domain / another domain): 3 gives +66 / +36 joins of
# 10,000 and no false word; 4 gave +89 / +47 and none, but on the test split one (``ropeyarn``:
# ``rope`` starts 4); 5 gave +106 / +55 and one (``geektoy``), 15 fifteen more; parts of Zipf 3.0
# gave +10 joins more for one false word more.
_COMPOUND_PARTS = 3
_COMPOUND_WORD_ZIPF = 3.0


@cache
def compound_parts(language: str) -> tuple[Mapping[str, int], Mapping[str, int]]:
    """How many words wordfreq knows in ``language`` start with each common word as the first of two
    (``time`` in ``timetable``), and how many end with each as the second (``table``): how freely a
    word makes compounds. Counted once per process, in about half a second, on first need.

    >>> heads, tails = compound_parts("en")
    >>> heads["time"], heads["study"], tails["man"], tails.get("aims", 0)
    (68, 1, 869, 0)
    """
    words = [word for word in frequencies(language) if word.isalpha()]
    common = {
        word
        for word in words
        if len(word) >= _CONTENT_PART_LETTERS and zipf(word, language) >= _COMPOUND_WORD_ZIPF
    }
    heads: Counter[str] = Counter()
    tails: Counter[str] = Counter()
    shortest = 2 * _CONTENT_PART_LETTERS
    for word in words:
        if len(word) < shortest:
            continue
        for cut in range(_CONTENT_PART_LETTERS, len(word) - _CONTENT_PART_LETTERS + 1):
            left, right = word[:cut], word[cut:]
            if left in common and right in common:
                heads[left] += 1
                tails[right] += 1
    return dict(heads), dict(tails)


def corpus_evidence(model: CorpusModel, token: str, parts: tuple[str, ...]) -> dict[str, float]:
    """The corpus's numbers behind a decision on ``token``: its count and document count, and for a
    split into two its parts' pair count (``corpus_count``, ``corpus_spread``, ``corpus_pair``)."""
    evidence = {"corpus_count": float(model.count(token)), "corpus_spread": float(model.spread(token))}
    if len(parts) == 2:
        evidence["corpus_pair"] = float(model.pair(*parts))
    return evidence


_MOST_PARTS = 4  # a split has at most four parts


def junction_ceiling(splitter: Splitter, left: str, right: str, document: DocumentWords) -> float:
    """The most :meth:`Splitter.junction` can be for ``left right`` without a fitted corpus: the pair's
    Zipf with each word counted as common as the document could make it, ``zipf_in(left) +
    zipf_in(right) - 9`` at best (the junction only takes penalties off that). Two calls to cheap
    lookups, where a junction costs some twenty: ``is`` (7.1) and ``sued`` (3.9) reach at most 2.0,
    and ``issued`` (4.7) asks for 7.1.

    >>> round(junction_ceiling(Splitter(), "is", "sued", DocumentWords("")), 1)
    2.0
    """
    language = splitter.language
    high_left, high_right = zipf(left, language), zipf(right, language)
    if len(left) >= 4 and high_left < _SEEN_ZIPF and document.uses(left):
        high_left = _SEEN_ZIPF
    if len(right) >= 4 and high_right < _SEEN_ZIPF and document.uses(right):
        high_right = _SEEN_ZIPF
    return high_left + high_right - 9.0


def _fewest_parts(rows: tuple[tuple[tuple[int, str], ...], ...], size: int) -> list[int]:
    """For each position of a token, the fewest valid parts (``rows`` of :func:`valid_parts`) that
    reach its end from there (``size + 1`` where none do): 2 at the start of ``usedfor``."""
    fewest = [size + 1] * (size + 1)
    fewest[size] = 0
    for i in range(size - 1, -1, -1):
        for j, _ in rows[i]:
            if fewest[j] + 1 < fewest[i]:
                fewest[i] = fewest[j] + 1
    return fewest


def _rank(state: tuple[float, int, int]) -> tuple[int, float]:
    """How good a partial split is: fewer parts first (``as soon``, not ``as so on``), then the weakest
    junction, less what each part beyond the second costs."""
    weakest, parts, _ = state
    return parts, weakest - _EXTRA_PART * max(0, -parts - 2)


def dropped_g(parts: tuple[str, ...], language: str) -> bool:
    """Whether ``parts`` end in "X in" where "Xing" is a word: ``readin`` is ``readin'``, not ``read in``."""
    return language == "en" and parts[-1] == "in" and zipf(parts[-2] + "ing", language) >= 3.0


def part_zipfs(parts: tuple[str, ...], splitter: Splitter, document: DocumentWords) -> str:
    return ", ".join(f"{part} {splitter.zipf_in(part, document):.1f}" for part in parts)


# -- static evidence beyond the independence of parts (English) ----------------------------------

# Two content words are split on the general pair table's word alone (``plateletcounts``): the pair
# stands side by side in WordNet at least this often...
_PAIR_TABLE_MIN = 2
# ... both parts are at least this common (no rare word a longer name happens to spell: "gang lions")...
_PAIR_PART_ZIPF = 3.0
# ... and each part has this many letters ("sub", "non", "pre" prefixes are not words of a pair).
_PAIR_PART_LETTERS = 3
# "a" glued to a word: the word after it is at least this common ("astring")...
_ARTICLE_WORD_ZIPF = 3.5
# ... or a word of the dictionary this common ("ahump", "acursor", "agallows" at 3.1 to 3.4; rarer words
# after an "a" are as often other languages' words, Romani "avela", and short ones abbreviations or
# names, "atsp" in a docstring, Romani "anav")...
_ARTICLE_DICTIONARY_ZIPF = 3.0
# ... and the word before it ("writea") this common, a content word of at least four letters (a verb or
# a preposition): a rarer one is a name of code or a dialect's word ("bytea", "doesna").
_ARTICLE_LEFT_ZIPF = 3.5
_ARTICLE_LEFT_LETTERS = 4


def extra_split(splitter: Splitter, token: str) -> tuple[tuple[str, ...], float] | None:
    """The split of an English ``token`` that wordfreq does not know at all, read from evidence the
    junction scores lack: two content words the general pair table puts side by side
    (``plateletcounts``, :func:`pair_split`) or the article ``a`` or ``an`` glued to a common word
    (``astring``, ``writea``, ``aninterlude``, :func:`article_split`). The second value is the pair
    count (0 for an article).

    >>> extra_split(Splitter(), "bloodcells"), extra_split(Splitter(), "weblogging")
    ((('blood', 'cells'), 59.0), None)
    """
    if splitter.language != "en" or zipf(token, splitter.language) > 0.0 or splitter.plainly_whole(token):
        return None
    found = pair_split(token)
    if found is not None:
        return found[0], float(found[1])
    parts = article_split(splitter, token)
    return (parts, 0.0) if parts is not None else None


@lru_cache(maxsize=CACHE_SIZE)
def pair_split(token: str) -> tuple[tuple[str, str], int] | None:
    """The two English content words ``token`` spells that WordNet puts side by side most often
    (``bloodpressure`` -> ``blood pressure``), with that count; ``None`` when no cut makes such a pair."""
    best: tuple[tuple[str, str], int] | None = None
    for cut in range(_PAIR_PART_LETTERS, len(token) - _PAIR_PART_LETTERS + 1):
        left, right = token[:cut], token[cut:]
        count = pair_count(left, right)
        if count < _PAIR_TABLE_MIN or (best is not None and count <= best[1]):
            continue
        if zipf(left, "en") >= _PAIR_PART_ZIPF and zipf(right, "en") >= _PAIR_PART_ZIPF:
            best = (left, right), count
    return best


# The ending of the adjectives that "a-" negates: "achronological", "ahistorical" (not "a chronological").
_PRIVATIVE_ADJECTIVE_ENDING = "ical"
# "an" glued to a word of this many letters that starts with a vowel ("aninterlude"), not one of the
# endings of the Greek words "an-" negates before a vowel ("anelastic", "anoxia", "anisotropism").
_AN_WORD_LETTERS = 4
_PRIVATIVE_ENDINGS = ("ic", "ous", "ia", "ism", "y")

# Determiners that no article follows: "these a" is no reading of "thesea" ("the sea" is), "no a" none
# of "no atime" (words.follows_a_determiner), while "this a" ("is this a joke"), "her a" and "them a"
# are English.
_ARTICLE_NEVER_AFTER = frozenset(
    "the these those his its their our your my whose no every each".split()  # noqa: SIM905
)
ARTICLES = frozenset({"a", "an", "the"})


#: Endings of a word that closes up with no particle: an inflection or an adverb ("picked up",
#: "turns out", "certainly over"); compounds take the bare word ("pickup", "turnout").
_NOT_BARE = ("ed", "ing", "s", "ly")


def is_bare(word: str) -> bool:
    """Whether ``word`` may be the bare word of a compound with a particle (:data:`PARTICLES`): no
    inflection's or adverb's ending.

    >>> is_bare("rust"), is_bare("picked"), is_bare("turns")
    (True, False, False)
    """
    return not word.endswith(_NOT_BARE)


def article_after_determiner(parts: tuple[str, ...]) -> bool:
    """Whether ``parts`` put an article right after a determiner that takes none: ``these a``, ``the a``.

    >>> article_after_determiner(("these", "a")), article_after_determiner(("this", "a"))
    (True, False)
    """
    return any(
        first in _ARTICLE_NEVER_AFTER and second in ARTICLES for first, second in itertools.pairwise(parts)
    )


def article_split(splitter: Splitter, token: str) -> tuple[str, str] | None:
    """``a`` and the word it is glued to: ``astring`` -> ``a string`` (a consonant after ``a``),
    ``writea`` -> ``write a`` (a content word of four letters or more before it); ``an`` before a
    word that starts with a vowel: ``aninterlude`` -> ``an interlude``.

    Not before an adjective in ``-ical``: ``a-`` makes the negative of those Greek and Latin adjectives
    (``achronological``, ``ahistorical``, ``atheoretical``, like ``atypical`` and ``apolitical``).

    >>> article_split(Splitter(), "astring"), article_split(Splitter(), "aorta")
    (('a', 'string'), None)
    >>> article_split(Splitter(), "achronological")
    >>> article_split(Splitter(), "aninterlude"), article_split(Splitter(), "anelastic")
    (('an', 'interlude'), None)
    """
    rest = token[1:]
    if (
        token[0] == "a"
        and rest[0] not in "aeiou"
        and not rest.endswith(_PRIVATIVE_ADJECTIVE_ENDING)
        and _takes_article(splitter, rest)
    ):
        return "a", rest
    rest = token[2:]
    if (
        token.startswith("an")
        and len(rest) >= _AN_WORD_LETTERS
        and rest[0] in "aeiou"
        and not rest.endswith(_PRIVATIVE_ENDINGS)
        and _takes_article(splitter, rest)
    ):
        return "an", rest
    left = token[:-1]
    if (
        token[-1] == "a"
        and len(left) >= _ARTICLE_LEFT_LETTERS
        and left not in _ARTICLE_NEVER_AFTER
        and zipf(left, "en") >= _ARTICLE_LEFT_ZIPF
        and static_split(splitter, left) is None
    ):
        return left, "a"
    return None


def _takes_article(splitter: Splitter, word: str) -> bool:
    """Whether ``word`` may stand after an article glued to it: common enough (or listed and nearly so),
    whole, and no function word."""
    z = zipf(word, "en")
    return (
        (z >= _ARTICLE_WORD_ZIPF or (z >= _ARTICLE_DICTIONARY_ZIPF and word in english_dictionary()))
        and static_split(splitter, word) is None
        and not splitter.function_word(word)
    )


# -- static rules of #16's second round: glue the document writes apart, glue known only as junk -------

# Two content words glued (``oilprices``) are split where the same document writes them side by side
# (``oil prices``): each part has this many letters ("sub", "non" are prefixes, not words of a pair)...
_APART_PART_LETTERS = 3
# ... and is at least this common ("platelet" 2.9; no rare word a longer name happens to spell: "gang
# lions"). On the dev splits 3.0 -> 2.5 bought 20 joins of 10,000 and 2.0 7 more, at no false change.
_APART_PART_ZIPF = 2.5


@lru_cache(maxsize=CACHE_SIZE)
def content_cuts(splitter: Splitter, token: str) -> tuple[tuple[str, str], ...]:
    """The cuts of an English ``token`` that wordfreq does not know at all into two words of three
    letters or more, each at least ``_APART_PART_ZIPF`` common and whole, neither a word-forming prefix before
    it nor a suffix after it: the readings a document may vouch for by writing them apart.

    >>> content_cuts(Splitter(), "oilprices"), content_cuts(Splitter(), "therapist")
    ((('oil', 'prices'),), ())
    """
    if splitter.language != "en" or zipf(token, "en") > 0.0 or splitter.plainly_whole(token):
        return ()
    prefixes, suffixes = PREFIXES["en"], SUFFIXES["en"]
    cuts = []
    for cut in range(_APART_PART_LETTERS, len(token) - _APART_PART_LETTERS + 1):
        left, right = token[:cut], token[cut:]
        if left in prefixes or right in suffixes:
            continue
        if all(_apart_part(splitter, part) for part in (left, right)):
            cuts.append((left, right))
    return tuple(cuts)


def _apart_part(splitter: Splitter, part: str) -> bool:
    """Whether ``part`` may stand in a pair the document writes apart: at least ``_APART_PART_ZIPF``
    common, and a word no document sees split (so that mending the result splits nothing more)."""
    z = zipf(part, "en")
    return z >= _APART_PART_ZIPF and (z >= splitter.max_joined_zipf or splitter.settled_word(part))


# A function word glued to a common word, where wordfreq knows the glued form only as scraper junk
# (``theonly`` 1.1, ``somany`` 1.1, ``whata`` 1.9, ``inthe`` 2.6, ``asif`` 2.9): the glued form is at
# most this common (real words made so, ``another`` or ``indeed``, are far more common; ``ofthe``, 3.3,
# is left to the frequency scores). 2.0 until the thirty-third round: 3.0 bought 6 dev joins and
# changed no clean word of the dev split, the docstrings, the changelogs or 42 M words of books...
_JUNK_GLUED_ZIPF = 3.0
# ... both words at least this common ("upbubble", "aslope" have a rare side)...
_JUNK_PART_ZIPF = 4.0
# ... and the pair this many Zipf units likelier than the glued form: read as independent words, or as
# often as the public-domain books write it apart (``_pairs.book_junk_zipf``: "so many" 5.0 against
# ``somany`` 1.1, where independence says 3.4; not ``hasher``: "has her" 3.4 against 1.4). The books'
# evidence took 23 dev joins (``atlast``, ``beable``, ``ratherthan``, ``sucha``) and changed no clean
# word of the dev split (sixteenth round).
_JUNK_ODDS = 2.5
# A head of old compounds ("there", "some", "what": ``COMPOUND_HEADS``) and a function word are read apart
# only on the books' odds, and these higher ones: "there are" 3.7 units above ``thereare``, "some other"
# 3.5, but "some such" only 2.6 above ``somesuch``, a word of informal English (sixteenth round).
_HEAD_JUNK_ODDS = 3.0


@lru_cache(maxsize=CACHE_SIZE)
def junk_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The reading of an English ``token`` that wordfreq knows only as junk as a function word and a
    common word, with its odds (``zipf(left) + zipf(right) - 9 - zipf(token)``, or the pair's Zipf in the
    books less the token's where that is more: :func:`_pairs.book_junk_zipf`): ``theonly`` -> ``the
    only`` (odds 3.7), ``agood`` -> ``a good``, ``somany`` -> ``so many`` (odds 3.9 by the books, 2.3
    read as independent words). Not a token wordfreq does not know (``aplay``), a word of the English
    dictionary (``ingoing``, ``inhere``: :func:`english_dictionary`) or a keyword (``typeof``).

    >>> junk_split(Splitter(), "theonly")[0], junk_split(Splitter(), "aplay")
    (('the', 'only'), None)
    """
    joined = zipf(token, splitter.language)
    if (
        splitter.language != "en"
        or not 0.0 < joined <= _JUNK_GLUED_ZIPF
        or splitter.foreign(token)
        or is_entity_remnant(token)
        or token in english_dictionary()
        or token in CODE_KEYWORDS
    ):
        return None
    best: tuple[tuple[str, str], float] | None = None
    for cut in range(1, len(token)):
        left, right = token[:cut], token[cut:]
        if "i" in (left, right) or not (splitter.function_word(left) or splitter.function_word(right)):
            continue
        if left == "a" and right[0] in "aeiou":
            continue  # "an" goes before a vowel: "aorta" is no "a orta"
        books = book_junk_zipf(left, right)
        if (
            left in COMPOUND_HEADS["en"]
            and len(right) >= 2
            and splitter.function_word(right)
            and books - joined < _HEAD_JUNK_ODDS
        ):
            # "whereto", "hereby", "thereon": old compounds of a head and a function word, which the books
            # close up; not "thereare", "someother", which they write apart far more often
            continue
        z_left, z_right = zipf(left, "en"), zipf(right, "en")
        if min(z_left, z_right) < _JUNK_PART_ZIPF:
            continue
        # two function words are read by the books alone: "the on" is no pair however common each is
        independent = z_left + z_right - 9.0 if not splitter.unvouched_function_pair(left, right) else 0.0
        odds = max(independent, books) - joined
        if odds >= _JUNK_ODDS and (best is None or odds > best[1]):
            best = (left, right), odds
    return best


# Words that follow the pronoun "I" in a clause, which informal text writes in lowercase and glues to it
# ("ithink", "ifeel", "ialways"): verbs of thinking and feeling, auxiliaries and sentence adverbs. Not
# those that a brand or a name makes a word of after "i" ("iLike", "iKnow", "iCan", "IAM", "Ido").
_AFTER_I = frozenset(
    "think thought feel felt guess believe suppose agree wonder hope mean want need was have had did"  # noqa: SIM905
    " always never probably certainly really actually just also still should would could might must"
    " cannot".split()
)
# ... where wordfreq knows the glued form at most this well ("ithink" 2.1, "ifeel" 1.4, "ishould" 1.2).
_PRONOUN_GLUED_ZIPF = 2.5


def pronoun_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The pronoun ``i`` written in lowercase and glued to a word that follows it in a clause, with that
    word's Zipf: ``ithink`` -> ``i think``, ``ialways`` -> ``i always`` (English;
    :func:`may_be_pronoun_glue`).

    >>> pronoun_split(Splitter(), "ithink")[0], pronoun_split(Splitter(), "ilike")
    (('i', 'think'), None)
    """
    rest = token[1:]
    if splitter.language != "en" or token[:1] != "i" or rest not in _AFTER_I:
        return None
    return (("i", rest), zipf(rest, "en")) if may_be_pronoun_glue(splitter, token) else None


# A word that the pronoun "i" in lowercase is glued after ("sincei", "thani", "saidi"): a function word
# or a word at least this common.
_BEFORE_I_ZIPF = 4.5


def pronoun_after(splitter: Splitter, token: str) -> tuple[str, str] | None:
    """A common word with the pronoun ``i`` in lowercase glued after it: ``sincei`` -> ``since i``,
    ``saidi`` -> ``said i`` (English; :func:`may_be_pronoun_glue`: not ``thani``, Al Thani). Only the
    shape: the ``words`` fixer splits it where a word that follows the pronoun comes next (``sincei
    was``), not before a noun (``the poeti laureati``).

    >>> pronoun_after(Splitter(), "sincei"), pronoun_after(Splitter(), "taxi")
    (('since', 'i'), None)
    """
    left = token[:-1]
    if splitter.language != "en" or token[-1:] != "i" or len(left) < 2:
        return None
    if not (splitter.function_word(left) or zipf(left, "en") >= _BEFORE_I_ZIPF):
        return None
    return (left, "i") if may_be_pronoun_glue(splitter, token) else None


def may_be_pronoun_glue(splitter: Splitter, token: str) -> bool:
    """Whether ``token``, shaped as the pronoun ``i`` glued to a word, may be read so: wordfreq knows it
    at most as junk (``_PRONOUN_GLUED_ZIPF``), it is no name of code, and no cheap test leaves it whole
    (:meth:`Splitter.plainly_whole`: a dictionary word, a word of another language).

    >>> may_be_pronoun_glue(Splitter(), "ithink"), may_be_pronoun_glue(Splitter(), "thani")
    (True, False)
    """
    return (
        zipf(token, "en") <= _PRONOUN_GLUED_ZIPF
        and token not in code_names()
        and not splitter.plainly_whole(token)
    )


def unknown_english(splitter: Splitter, token: str) -> bool:
    """Whether ``token`` is English glue to read by its shape alone: the fixer reads English, wordfreq
    does not know the token at all, and no cheap test leaves it whole (the ground of
    :func:`bound_split`, :func:`modifier_split`, :func:`inflected_split` and :func:`adverb_split`)."""
    return splitter.language == "en" and zipf(token, "en") == 0.0 and not splitter.plainly_whole(token)


# Function words that start phrases and no English word: a token wordfreq does not know at all that is
# one of them glued to a word wordfreq knows is glue, however rare the word ("hisgills", "mightreadily",
# "wewhalemen"). Also "for", "by" and "to", which start many words, but words the spelling lists have
# ("forepart", "bylaw", "topers", and the archaic ones of the size-95 lists: "forspoke", "toforn")
# are left whole all the same: +35 dev joins, no false change on the dev split, the books' dev half
# or the docstrings (seventh round; the books' test half has two: "forlorne", "forraine"). Not the
# prefixes that cost false changes there ("in", "be", "on", "as", "so", "no", "up": "inwest",
# "benorth", "onfall", "upbubble"; "a" and "at" are too short), nor words that start names of code
# and placeholders ("my", "some", "is", "has", "from", "it": "mycomps", "somepath", "isfile",
# "hasattr", "fromtimestamp", "iterable"). The long prepositions and conjunctions start no English word
# either ("amongpremature", "severalparameters", "whilethroughput"; twelfth round, with the trailers
# below: +39 dev joins, no change on the dev split, the manuals, the docstrings or the books' dev half).
# So do the adverbs, determiners and question words of the last line (sixteenth round: "mostcoveted",
# "whyantimatter", "eithergenerate"; +19 dev joins, no change on the dev split, the books' test half,
# the manuals, the docstrings, UDHR, the Bible or the eight languages). Not "other", "same", "too",
# "more", "very" (names of code: "otherframe", "samesite", "tooslow", "moretext"), "now", "did",
# "every" (the books' "T'nowhead", "diddest", "everythink") or "after" (AfterStep, "afterstep").
_LEADERS = frozenset(
    "the his its their your our and of with was were had have are will would could should might must"  # noqa: SIM905
    " these those which who whose any this that they them been than when we she he for by to among"
    " several while between because although unless whether upon within without during against toward"
    " towards"
    " most why then what rather either neither another though also does few into still being".split()
)
# ... and those that end phrases and no English word ("sharpenedby" is not read: "-by" ends names;
# nor "-in", "-on", "-as", "-is", "-or", "-up", "-some": "shelterin", "followon", "proas", "uberis",
# "slowup", "inflammasome"). "-of" and "-such" end only words wordfreq or the spelling lists know
# ("thereof", "nonesuch"): "pathogenicityof", "assesssuch" are glue. Not "-where", which makes
# compounds ("otherwhere"; the informal test split's "anderswhere").
_TRAILERS = frozenset(
    "the those these their them they which was were had have will would could should might must been"  # noqa: SIM905
    " than when from with this that among several upon within without through during against because"
    " although unless whether between of such"
    # Reflexive and indefinite pronouns end no word that wordfreq or the word lists do not know
    # ("tossingthemselves", "hintnothing"; the dev splits, 300 of the books and the dev manuals hold no
    # token that ends in one and is no word, but for "regsomething", whose "reg" is too short to read).
    " themselves himself herself itself yourself yourselves ourselves myself nothing something anything"
    " everything whatever".split()
)
# The word beside the function word: this common, this long ("his gills" 2.9), and no glue itself.
_BOUND_WORD_ZIPF = 2.0
_BOUND_WORD_LETTERS = 4
# After a leader a word of three letters will do when it is this common ("thesea", "hisarm"; at 3.5
# "shewes", "theeng" of the books' test half and "weish" of the docstrings were read), and the leader is
# none of "for", "by", "to", which start words ("bytea", PostgreSQL's type; thirteenth round).
_LED_WORD_LETTERS = 3
_SHORT_WORD_ZIPF = 4.5
_SHORT_WORD_LEADERS = _LEADERS - {"for", "by", "to"}
# Quantifiers lead phrases too ("moreresplendent", "suchplaintiveness", "manyhands"; thirty-ninth round:
# +5 dev joins, no change in 21 M words of books, the docstrings or the changelogs). Apart from
# _LEADERS, whose pairs the books' table leaves out (tools/build_book_pairs.py): the table keeps reading
# the pairs it has of these. Not "some", "all", "ten" ("someding", "allayes", Latin "teneras") nor the
# other numbers ("threemasted", "fourwheeler": a number and a participle or a noun in -er make
# compounds), each measured on the books.
_QUANTIFIER_LEADERS = frozenset({"more", "such", "each", "every", "both", "many"})
# "and" ends phrases too ("walrusesand", "fungistasisand"; the same round: +9 dev joins, two changes in
# 28 M words of books, the changelogs and the mail probe: old Scots "servand"), apart from _TRAILERS
# for the same reason. The words that end in "and" are words wordfreq knows ("husband", "quicksand").
_CONJUNCTION_TRAILERS = frozenset({"and"})
# Before "and" a word the spelling lists do not hold must be this common: "serv" (2.5) is an abbreviation.
_BEFORE_AND_ZIPF = 3.0


def leads_bound(parts: tuple[str, str]) -> bool:
    """Whether a :func:`bound_split` of ``parts`` has its function word first (``his gills``), not last
    (``shunned those``): a leader before a word long enough.

    >>> leads_bound(("his", "gills")), leads_bound(("shunned", "those"))
    (True, False)
    """
    leader, word = parts
    if leader in _QUANTIFIER_LEADERS:
        return len(word) >= _LED_WORD_LETTERS
    return leader in _LEADERS and (
        len(word) >= _BOUND_WORD_LETTERS or (len(word) >= _LED_WORD_LETTERS and leader in _SHORT_WORD_LEADERS)
    )


@lru_cache(maxsize=CACHE_SIZE)
def bound_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The reading of an English ``token`` that wordfreq and the word lists do not know as a word
    wordfreq knows and a function word that starts phrases (``his``, ``the``, ``might``; ``for``,
    ``by``, ``to``, whose prefixed words the lists keep whole) before it or ends them after it
    (``those``, ``which``), with the word's Zipf: ``hisgills`` -> ``his gills`` (3.1),
    ``shunnedthose`` -> ``shunned those``, where the two as independent words are too rare for
    :meth:`Splitter.best_split`. The word has four letters or more, or three after a leader other than
    ``for``, ``by``, ``to`` and Zipf 4.5 or more (``hisarm``).

    >>> found, sure = bound_split(Splitter(), "hisgills")
    >>> found, round(sure, 1), bound_split(Splitter(), "topers")
    (('his', 'gills'), 3.1, None)
    """
    if not unknown_english(splitter, token):
        return None
    best: tuple[tuple[str, str], float] | None = None
    for cut in range(2, len(token) - 1):
        left, right = token[:cut], token[cut:]
        if leads_bound((left, right)):
            word = right
        elif (right in _TRAILERS or right in _CONJUNCTION_TRAILERS) and len(left) >= _BOUND_WORD_LETTERS:
            word = left
        else:
            continue
        z_word = zipf(word, "en")
        if right in _CONJUNCTION_TRAILERS and z_word < _BEFORE_AND_ZIPF and word not in english_dictionary():
            continue  # "servand": old Scots, not the abbreviation "serv" and "and"
        if (best is None or z_word > best[1]) and _bound_word(splitter, word, z_word):
            best = (left, right), z_word
    return best


def _bound_word(splitter: Splitter, word: str, z_word: float) -> bool:
    """Whether ``word`` (of Zipf ``z_word``) may stand beside a bound function word: a settled word of
    ``_BOUND_WORD_ZIPF`` or more (``_SHORT_WORD_ZIPF`` for three letters), or a word of four letters or
    more that the English dictionary lists however rarely wordfreq sees it (``thegaudiest``,
    ``warbledthe``, ``diabolismof``: a listed word glued to "the" or "of" is no word of its own, and a
    listed word stays whole wherever it stands, :meth:`Splitter.plainly_whole`)."""
    if len(word) < _BOUND_WORD_LETTERS:
        return z_word >= _SHORT_WORD_ZIPF and splitter.settled_word(word)
    if z_word >= _BOUND_WORD_ZIPF:
        return splitter.settled_word(word)
    return word in english_dictionary()


# Endings of English adverbs, adjectives and participles made from other words (``quickly``,
# ``treacherous``, ``awful``, ``positive``, ``remarkable``, ``standing``): such a word starts few closed
# compounds, and those wordfreq knows, so a token wordfreq does not know that is one of them glued to a
# common word is the word glued to what it modifies ("treacherousworld"). Not "-ic" (coined words:
# "psychedelicware").
_MODIFIER_ENDINGS = ("ly", "ous", "ful", "ive", "able", "ible", "ical", "ed", "ing")
# "-ed" and "-ing" make participles only of a verb the word is built on ("hoisted": "hoist", "making":
# "make", "running": "run"); "speed", "string", "thing" are none. ("-ent", "-ant", "-ary" and "-al" end
# as many nouns as adjectives, "client", "agent", "library", "terminal": left out.)
_PARTICIPLE_STEM_ZIPF = 2.5
# The modifier is this common. Its ending is evidence enough that it starts no compound, so it may be
# rare ("verdant" 2.7, "calamitous" 2.4, "sanely" 2.1): 3.0 -> 2.0 bought 32 dev joins and changed one
# clean word in 400 books, the mail, the changelogs and the docstrings ("hammyfist"; fortieth round).
_MODIFIER_ZIPF = 2.0
# The word it modifies is this common ("vivacious denizens", "reliable prognostic"): 3.0 -> 2.5 bought
# 21 dev joins more and no clean word of those sets, once a word in -ly before such a word is an
# adverb made from a word ("pollytics" is no "Polly tics").
_MODIFIED_ZIPF = 2.5
# The word after a plural, an adverb, a long word or a word of the books' pairs is this common: at 2.5
# the plural read "sales critter" (informal dev split), the long words "monkey patching", "method
# descriptor" and "output filename" (docstrings and changelogs).
_FOLLOWER_ZIPF = 3.0
# The stem an adverb in -ly, a word in -s or a word with a prefix is made from is this common ("sharp"
# of "sharply", "pack" of "repack").
_MODIFIER_STEM_ZIPF = 3.0
_MODIFIER_LETTERS = 5


@lru_cache(maxsize=CACHE_SIZE)
def modifier_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The reading of an English ``token`` that wordfreq does not know as a word made with the ending of
    an adverb, adjective or participle (``-ly``, ``-ous``, ``-ful``, ``-ive``, ``-able``, ``-ible``,
    ``-ical``, ``-ed``, ``-ing``) glued to a common word, with the rarer word's Zipf:
    ``treacherousworld`` -> ``treacherous world``, ``standingrooted``. Such a word
    starts no closed compound that wordfreq would not know. Not ``jellybeans`` (a word wordfreq knows).

    >>> modifier_split(Splitter(), "quicklygrew")[0], modifier_split(Splitter(), "jellybeans")
    (('quickly', 'grew'), None)
    """
    if not unknown_english(splitter, token):
        return None
    for cut in range(_MODIFIER_LETTERS, len(token) - _BOUND_WORD_LETTERS + 1):
        left, right = token[:cut], token[cut:]
        if not left.endswith(_MODIFIER_ENDINGS) or (left.endswith(("ed", "ing")) and not is_participle(left)):
            continue
        z_left, z_right = zipf(left, "en"), zipf(right, "en")
        if left.endswith("ly") and z_right < _FOLLOWER_ZIPF and not is_ly_adverb(left):
            continue  # "pollytics": before a rarer word, a word in -ly made from no word is a name ("Polly")
        if (
            z_left >= _MODIFIER_ZIPF
            and z_right >= _MODIFIED_ZIPF
            and not splitter.function_word(right)
            and right not in SUFFIXES["en"]
            and splitter.settled_word(left)
            and splitter.settled_word(right)
        ):
            return (left, right), min(z_left, z_right)
    return None


# What follows a verb's participle as its object or its particle, beyond the trailers above: object
# pronouns, determiners that open an object, prepositions and particles ("towingher", "appalledme",
# "clangingat", "splutteringout", "disclosedits"). A common participle ends no closed compound that
# wordfreq would not know before one of them: its words with a particle are known ("leftover",
# "breakthrough"), and "-edit", "-ingup" need a participle first ("credit", "speedup" have none).
_AFTER_PARTICIPLE = frozenset(
    "her him me us it you his its my your our at by in on up out off down into onto over to for about"  # noqa: SIM905
    " around away back some".split()
)
_FOLLOWERS_LONGEST_FIRST = tuple(sorted(_AFTER_PARTICIPLE, key=lambda word: (-len(word), word)))
# The past forms of common irregular verbs ("found", "taken", "brought"), which no ending -ed or -ing
# shows: glued to an object or a preposition they are glue too ("foundin", "broughther"; forty-first
# round: +2 dev joins, no change in 400 books, the mail, the changelogs or the docstrings); not to a
# particle, with which they make compound adjectives ("brokendown", "wornout", "grownup").
_IRREGULAR_FORMS = frozenset(
    "found made done taken given seen known shown built held kept told sent brought thought bought"  # noqa: SIM905
    " caught taught written driven chosen spoken broken worn torn sworn drawn grown thrown flown blown"
    " forgotten gotten hidden ridden risen fallen eaten beaten bitten shaken stolen frozen sold paid laid"
    " said heard felt lost meant spent bent begun sung drunk stood understood struck stuck sought fought"
    " became came went gave took saw knew grew threw flew drew wrote drove rode rose fell ate spoke broke"
    " wore tore swore chose froze stole shook began sang drank sank swam".split()
)
_PARTICLES_OF_COMPOUNDS = frozenset({"up", "out", "off", "down", "over", "back", "away", "around"})
_AFTER_IRREGULAR_FORM = tuple(
    word for word in _FOLLOWERS_LONGEST_FIRST if word not in _PARTICLES_OF_COMPOUNDS
)
# A participle or an s-form the English dictionary lists is read as one from this many letters:
# ``towing``, ``appalled``, ``compels`` (whose stems ``tow``, ``appal``, ``compel`` are too short or too
# rare for :func:`is_participle` and :func:`is_s_form`); not ``tinged``, ``fixes``.
_LISTED_FORM_LETTERS = 6


def _listed_form(word: str) -> bool:
    """Whether ``word``, in ``-ed``, ``-ing`` or ``-s``, is a form the English dictionary lists and long
    enough (``_LISTED_FORM_LETTERS``) to be read as an inflection by that alone."""
    return len(word) >= _LISTED_FORM_LETTERS and word in english_dictionary()


@lru_cache(maxsize=CACHE_SIZE)
def participle_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The reading of an English ``token`` that wordfreq does not know as a participle (``-ed``, ``-ing``
    on a verb wordfreq knows, :func:`is_participle`, or a word of six letters or more in ``-ed`` or
    ``-ing`` that the English dictionary lists: ``towing``, ``appalled``, ``descried``) and a word that
    follows a verb as its object or particle (``_AFTER_PARTICIPLE``), with the participle's Zipf:
    ``towingher`` -> ``towing her``, ``descriedby`` -> ``descried by``. The participle is a settled
    word of Zipf 2 or more or one the English dictionary lists (as the words of :func:`bound_split`).
    The longest follower that ends the token is tried first (``-edinto`` before ``-to``). An irregular
    past form (``_IRREGULAR_FORMS``: ``foundin``) is read before a follower that is no particle.

    >>> participle_split(Splitter(), "towingher")[0], participle_split(Splitter(), "hasher")
    (('towing', 'her'), None)
    """
    found = _form_and_follower(splitter, token, _FOLLOWERS_LONGEST_FIRST, _reads_as_participle)
    if found is None:
        found = _form_and_follower(splitter, token, _AFTER_IRREGULAR_FORM, _IRREGULAR_FORMS.__contains__)
    return found


# Function words that stand before a participle and start words too, which the bound reading leaves out
# (``_LEADERS``): "at", "as", "after", "before", "from" ("attested", "assorted", "aftershave"). Before a
# participle wordfreq does not know glued to them they are glue ("afteradjusting", "asevidenced"): a
# word they make with one is a word wordfreq or the dictionaries know. Not "over", "under", "out", "up",
# which make new participles ("overexpressed", "underpowered"), nor "in" and "on", which made them in
# older English ("insteeped", "inchanted", "onearthed": with them and "be", 10 dev joins more, one false
# word there and 11 in 42 M words of books); "be" only with a common participle, below.
_BEFORE_PARTICIPLE = ("before", "after", "from", "at", "as")
# "be" is read before a participle that is a settled word of Zipf 3 or more ("beconfigured", "beenabled";
# thirty-ninth round: +5 dev joins; 8 changes in 85 M words of books, Burton's "bepissed", Melville's
# "bejointed" and "bepadded" among them, none in the docstrings, the changelogs or the mail probe).
_AFTER_BE_ZIPF = 3.0


@lru_cache(maxsize=CACHE_SIZE)
def led_participle_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The reading of an English ``token`` that wordfreq does not know as a function word that stands
    before participles (``_BEFORE_PARTICIPLE``) glued to a participle (as :func:`participle_split`
    reads one) that is a settled word of Zipf 2 or more or one the English dictionary lists, with the
    participle's Zipf: ``afteradjusting`` -> ``after adjusting``, ``asevidenced`` -> ``as evidenced``;
    or ``be`` glued to a settled participle of Zipf ``_AFTER_BE_ZIPF`` (``beconfigured``; not
    ``bejuggled``, older English's ``be-``).

    >>> led_participle_split(Splitter(), "afteradjusting")[0], led_participle_split(Splitter(), "inbreeding")
    (('after', 'adjusting'), None)
    >>> led_participle_split(Splitter(), "beconfigured")[0], led_participle_split(Splitter(), "bejuggled")
    (('be', 'configured'), None)
    """
    if not unknown_english(splitter, token):
        return None
    for word in (*_BEFORE_PARTICIPLE, "be"):  # "be" last: "beforeadjusting" is "before adjusting"
        right = token[len(word) :]
        if not token.startswith(word) or not _reads_as_participle(right):
            continue
        z_right = zipf(right, "en")
        if (word != "be" or z_right >= _AFTER_BE_ZIPF) and _bound_word(splitter, right, z_right):
            return (word, right), z_right
    return None


def _reads_as_participle(word: str) -> bool:
    """Whether ``word`` is a participle for :func:`participle_split`."""
    return word.endswith(("ed", "ing")) and (is_participle(word) or _listed_form(word))


def _form_and_follower(
    splitter: Splitter, token: str, followers: tuple[str, ...], is_form: Callable[[str], bool]
) -> tuple[tuple[str, str], float] | None:
    """The first of ``followers`` that ends ``token`` (a token wordfreq does not know, English) after a
    word that ``is_form`` accepts and the bound reading would take (:func:`_bound_word`), with that
    word's Zipf: the reading of :func:`participle_split` and :func:`s_form_split`."""
    if not unknown_english(splitter, token):
        return None
    for word in followers:
        if not token.endswith(word):
            continue
        left = token[: -len(word)]
        if not is_form(left):
            continue
        z_left = zipf(left, "en")
        if _bound_word(splitter, left, z_left):
            return (left, word), z_left
    return None


# The followers of _AFTER_PARTICIPLE that a plural or a verb in -s takes glued ("urgesus", "compelsyou",
# "sheathsfor", "mountsover"); not "in" nor "on", which end names of proteins and compounds after an s
# ("tapasin", "kinesin", "parsons").
_AFTER_S_FORM = tuple(word for word in _FOLLOWERS_LONGEST_FIRST if word not in {"in", "on"})


@lru_cache(maxsize=CACHE_SIZE)
def s_form_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The reading of an English ``token`` that wordfreq does not know as a plural or a verb in ``-s``
    (:func:`is_s_form`, or a word of six letters or more in ``-s`` that the English dictionary lists:
    ``compels``, ``contrivances``; not ``fixes``) and a word that follows a noun or a verb
    (``_AFTER_S_FORM``: an object, a preposition, a particle), with the first word's Zipf:
    ``urgesus`` -> ``urges us``, ``sheathsfor`` -> ``sheaths for``; the first word as in
    :func:`participle_split`.

    >>> s_form_split(Splitter(), "urgesus")[0], s_form_split(Splitter(), "tapasin")
    (('urges', 'us'), None)
    """
    return _form_and_follower(splitter, token, _AFTER_S_FORM, _reads_as_s_form)


def _reads_as_s_form(word: str) -> bool:
    """Whether ``word`` is a plural or a verb in ``-s`` for :func:`s_form_split` (not ``-ss``, ``-us``,
    ``-is``: ``compass``, ``cactus``, ``analysis``)."""
    return (
        word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and (is_s_form(word) or _listed_form(word))
    )


# An adjective that is no noun (``vast``, ``molecular``, ``different``: WordNet's list, :func:`is_adjective`)
# starts few closed compounds, and those wordfreq knows (``blackboard``, ``hardware``), so a token
# wordfreq does not know that is one glued to a common word is the adjective and what it modifies
# (``molecularmechanisms``, ``strategicoptions``). Not one of four letters or fewer: ``new``, ``big``,
# ``weak``, ``soft`` start names of code (``newname``, ``bigserial``, ``weakrefs``, ``softspace``: the
# manuals' dev split).
_ADJECTIVE_LETTERS = 5
# Chemistry's combining forms (``hydroxy``, ``methyl``) start names of compounds: ``hydroxycarboxylic``,
# a false word of the scientific dev split (WordNet lists ``hydroxy`` as an adjective), not split.
_CHEMICAL_ENDINGS = ("oxy", "yl")
# Heads that make coined compounds of any adjective (``psychedelicware``, ``nastygram``).
_COINING_HEADS = frozenset({"ware", "gram"})
# A token one letter away from a word this common is that word misspelt (``newgroup``: ``newsgroup``
# 2.1; ``seismiccity``: ``seismicity`` 2.3).
_NEAR_WORD_ZIPF = 2.0


@lru_cache(maxsize=CACHE_SIZE)
def adjective_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The reading of an English ``token`` that wordfreq does not know as an adjective that is no noun
    (:func:`is_adjective`) glued to a common word, with the rarer word's Zipf: ``molecularmechanisms``
    -> ``molecular mechanisms``, ``strategicoptions`` -> ``strategic options``. Not ``localhost``
    (``local`` is a noun too), ``psychedelicware`` (a coined head), ``strongminded`` (an adjective and
    a participle make a compound adjective, ``ruddy-faced``, which writers close up), ``seismiccity``
    (``seismicity`` misspelt).

    >>> adjective_split(Splitter(), "molecularmechanisms")[0], adjective_split(Splitter(), "strongminded")
    (('molecular', 'mechanisms'), None)
    """
    if not unknown_english(splitter, token):
        return None
    for cut in range(_ADJECTIVE_LETTERS, len(token) - _BOUND_WORD_LETTERS + 1):
        left, right = token[:cut], token[cut:]
        if (
            not is_adjective(left)
            or left.endswith(_CHEMICAL_ENDINGS)
            or right in _COINING_HEADS
            or right in SUFFIXES["en"]
            or is_participle(right)
        ):
            continue  # "ruddyfaced", "strongminded": an adjective and a participle make a compound adjective
        if splitter.function_word(left) or splitter.function_word(right):
            continue
        found = _settled_pair(splitter, token, left, right, _MODIFIER_ZIPF, _MODIFIED_ZIPF)
        if found is not None:
            return None if near_word(token, "en") else found  # a misspelt word reads so at every cut
    return None


# English closes up compounds of short words (``bookcase``, ``keyboard``, ``database``) and writes two
# long words apart (``installation images``, ``molecular mechanisms``); the closed compounds of long
# words that exist, wordfreq knows (``countryside``). So a token wordfreq does not know that is two
# settled words of six letters or more each is the two words: +344 dev joins, no false word on the dev
# split (twelfth round; five letters, at Zipf 3: +170 joins more and 27 false words, ``setuptools``,
# ``brainwidth``).
_LONG_WORD_LETTERS = 6
_LONG_WORD_ZIPF = 2.0  # the first word; the second ``_FOLLOWER_ZIPF``
# A first word under this Zipf that is a prefix and a common word is a name of code or of a tool's
# option (``repacksuffix``, Debian's changelogs). The floor 2.5 -> 2.0 with this guard bought 20 dev joins,
# nearly all of scientific terms (``hepatocellularcarcinoma``, ``chemokinereceptor``), and changed no
# clean word of 400 books, the mail, the changelogs or the docstrings (fortieth round).
_PLAIN_LONG_WORD_ZIPF = 2.5
_DERIVING_PREFIXES = ("re", "un", "de", "dis", "pre", "sub", "non", "mis", "co", "out", "over", "under", "in")
# Latin and Greek combining forms end in -o or -a (``pseudoalignment``, ``cardiogenetic``,
# ``cryptosocialist``, ``contravariance``): a first word with that ending may be one.
_COMBINING_ENDINGS = ("o", "a", *_CHEMICAL_ENDINGS)
# Words that are suffixes too: ``pickleability``, ``combatability`` are ``-able`` with ``-ity``.
_SUFFIX_WORDS = frozenset({"ability", "ibility"})


def _prefixed_word(word: str) -> bool:
    """Whether ``word`` is a prefix that derives words and a word of Zipf 3 or more: ``repack``.

    >>> _prefixed_word("repack"), _prefixed_word("hepatocellular")
    (True, False)
    """
    stems = (word[len(prefix) :] for prefix in _DERIVING_PREFIXES if word.startswith(prefix))
    return any(zipf(stem, "en") >= _MODIFIER_STEM_ZIPF for stem in stems)


@lru_cache(maxsize=CACHE_SIZE)
def long_words_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The reading of an English ``token`` that wordfreq does not know as two settled words of six
    letters or more (the first of Zipf 2 or more, or 2.5 when it is a prefix and a word, the second of
    3 or more, no function word), with the rarer word's Zipf:
    ``installationimages`` -> ``installation images``, ``platelettransfusion``. Not after a combining
    form (``pseudoalignment``), not before a suffix word (``pickleability``), not an adjective before a
    participle (``strongminded``: a compound adjective), not a token one letter from a word wordfreq
    knows (:func:`near_word`).

    >>> long_words_split(Splitter(), "installationimages")[0], long_words_split(Splitter(), "pseudoalignment")
    (('installation', 'images'), None)
    """
    if not unknown_english(splitter, token):
        return None
    for cut in range(_LONG_WORD_LETTERS, len(token) - _LONG_WORD_LETTERS + 1):
        left, right = token[:cut], token[cut:]
        if left.endswith(_COMBINING_ENDINGS) or right in _SUFFIX_WORDS:
            continue
        if is_adjective(left) and is_participle(right):
            continue
        if splitter.function_word(left) or splitter.function_word(right):
            continue
        if zipf(left, "en") < _PLAIN_LONG_WORD_ZIPF and _prefixed_word(left):
            continue  # "repacksuffix": a rare word made with a prefix is a name of a tool's option
        found = _settled_pair(splitter, token, left, right, _LONG_WORD_ZIPF, _FOLLOWER_ZIPF)
        if found is not None:
            return None if near_word(token, "en") else found  # a misspelt word reads so at every cut
    return None


# Two words the public-domain books write apart this often (and closed up or hyphenated at most a tenth
# as often, which the table's builder checks) are read apart when glued: the table's floor. Five
# bought 7 dev joins and a false word (``carboncopy``; thirteenth round).
BOOK_PAIR_MIN = 10


@lru_cache(maxsize=CACHE_SIZE)
def book_pair_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The reading of an English ``token`` that wordfreq does not know as the two words of the books'
    pair table (:func:`_pairs.book_pair_count`: two content words, or one and a function word) that the
    books write apart most often, with that count: ``twelveyears`` -> ``twelve years``, ``besaved``.
    Both settled words of Zipf 3 or more (``_settled_pair``), not after an adjective of four letters or
    fewer (``newname``: see ``_ADJECTIVE_LETTERS``), not a token one letter from a word wordfreq knows
    (:func:`near_word`).

    >>> book_pair_split(Splitter(), "twelveyears")[0], book_pair_split(Splitter(), "whaleships")
    (('twelve', 'years'), None)
    """
    if not unknown_english(splitter, token):
        return None
    best: tuple[tuple[str, str], float] | None = None
    for cut in range(2, len(token) - 1):  # a function word may have two letters ("be", "as")
        left, right = token[:cut], token[cut:]
        count = book_pair_count(left, right)
        if count < BOOK_PAIR_MIN or (best is not None and count <= best[1]):
            continue
        if len(left) < _ADJECTIVE_LETTERS and is_adjective(left) and not splitter.function_word(left):
            continue  # "newname", "newsphere": a short adjective starts names of code and coinages
        found = _settled_pair(splitter, token, left, right, _PAIR_PART_ZIPF, _FOLLOWER_ZIPF)
        if found is not None:
            best = found[0], float(count)
    return None if best is None or near_word(token, "en") else best


# Plural nouns and verbs in the third person (``cells``, ``makes``) start few closed compounds, and
# those few link with an ``s`` before a head of their own (``statesman``, ``townsfolk``, ``statescraft``,
# ``brideswoman``: the books' dev half), or are words that start with an ``s`` (``whale|ships``,
# ``file|space``).
_LINKING_S_HEADS = frozenset("craft folk folks man men people person wear woman women".split())  # noqa: SIM905
# An ``-s`` form is one when its stem is about as common: ``parents`` (Zipf 5.2) is ``parent`` (4.6),
# ``sometimes`` (5.3) no ``sometime`` (4.2), ``trans`` (4.4) no ``tran`` (3.1).
_S_FORM_MARGIN = 1.0


@lru_cache(maxsize=CACHE_SIZE)
def inflected_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The reading of an English ``token`` that wordfreq does not know as a plural noun or a verb in
    ``-s`` (:func:`is_s_form`) glued to a common word, with the rarer word's Zipf: ``cellsdivide`` ->
    ``cells divide``, ``makespretty`` -> ``makes pretty``. Not where the ``s`` may start the second word
    (``whaleships``), link a compound (``statescraft``) or be a letter too many (``filesnames``), nor a
    common word with a letter dropped (``demonsrate``: ``demonstrate``).

    >>> inflected_split(Splitter(), "cellsdivide")[0], inflected_split(Splitter(), "whaleships")
    (('cells', 'divide'), None)
    """
    if not unknown_english(splitter, token):
        return None
    for cut in range(_MODIFIER_LETTERS, len(token) - _BOUND_WORD_LETTERS + 1):
        left, right = token[:cut], token[cut:]
        if not is_s_form(left) or right in _LINKING_S_HEADS or zipf("s" + right, "en") > 0.0:
            continue
        if zipf(left[:-1] + right, "en") > 0.0:
            continue  # the token is a word with an s put in: a linking s or a typo ("filesnames")
        if splitter.function_word(right) or right in SUFFIXES["en"]:
            continue
        found = _settled_pair(splitter, token, left, right, _MODIFIER_ZIPF, _FOLLOWER_ZIPF)
        if found is not None:
            return found
    return None


def _settled_pair(
    splitter: Splitter, token: str, left: str, right: str, left_zipf: float, right_zipf: float
) -> tuple[tuple[str, str], float] | None:
    """``(left, right)`` and the rarer one's Zipf, when both are settled words (``left`` at ``left_zipf``
    or more, ``right`` at ``right_zipf``) and ``token`` is no common word with a letter dropped."""
    z_left, z_right = zipf(left, "en"), zipf(right, "en")
    if (
        z_left >= left_zipf
        and z_right >= right_zipf
        and splitter.settled_word(left)
        and splitter.settled_word(right)
        and not typo_of(token, "en")
    ):
        return (left, right), min(z_left, z_right)
    return None


# An adverb made with ``-ly`` from a word (``sharply``: ``sharp``; ``simply``: ``simple``; ``happily``:
# ``happy``; ``basically``: ``basic``) ends no closed compound that wordfreq would not know, so a token
# wordfreq does not know that is a common word glued to one is the two words. The word before it must
# be this common: ``aqua`` (3.4) is a combining form (``aquaculturally``, a dev-split word).
_ADVERB_LEFT_ZIPF = 3.5
_ADVERB_STEM_LETTERS = 4


@lru_cache(maxsize=CACHE_SIZE)
def adverb_split(splitter: Splitter, token: str) -> tuple[tuple[str, str], float] | None:
    """The reading of an English ``token`` that wordfreq does not know as a common word glued to the
    adverb in ``-ly`` after it (:func:`is_ly_adverb`), with the rarer word's Zipf: ``fellsharply`` ->
    ``fell sharply``, ``codefinally`` -> ``code finally``.

    >>> adverb_split(Splitter(), "fellsharply")[0], adverb_split(Splitter(), "aquaculturally")
    (('fell', 'sharply'), None)
    """
    if not unknown_english(splitter, token):
        return None
    for cut in range(_BOUND_WORD_LETTERS, len(token) - _MODIFIER_LETTERS + 1):
        left, right = token[:cut], token[cut:]
        if not is_ly_adverb(right) or splitter.function_word(left) or left in PREFIXES["en"]:
            continue
        found = _settled_pair(splitter, token, left, right, _ADVERB_LEFT_ZIPF, _FOLLOWER_ZIPF)
        if found is not None:
            return found
    return None


def is_ly_adverb(word: str) -> bool:
    """Whether ``word`` is an adverb made with ``-ly`` from a common word of four letters or more
    (``sharply``, ``simply``, ``happily``, ``basically``); not ``family``, ``supply``, ``only``.

    >>> is_ly_adverb("simply"), is_ly_adverb("basically"), is_ly_adverb("family"), is_ly_adverb("only")
    (True, True, False, False)
    """
    if not word.endswith("ly"):
        return False
    body = word[:-2]
    stems = [body, body + "le"]  # "sharp-ly", "simp-ly": "simple"
    if body.endswith("i"):
        stems.append(body[:-1] + "y")  # "happi-ly": "happy"
    if body.endswith("al"):
        stems.append(body[:-2])  # "basical-ly": "basic"
    common = (zipf(stem, "en") >= _MODIFIER_STEM_ZIPF for stem in stems if len(stem) >= _ADVERB_STEM_LETTERS)
    return any(common)


def is_s_form(word: str) -> bool:
    """Whether ``word`` is a plural or a verb in the third person: ``-s`` on a stem of four letters or
    more, no prefix, about as common as the word (``parents``, ``makes``); not ``this``, ``status``,
    ``class``, ``overs``, ``sometimes``.

    >>> is_s_form("parents"), is_s_form("makes"), is_s_form("sometimes"), is_s_form("status")
    (True, True, False, False)
    """
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    stem = word[:-1]
    if len(stem) < 4 or stem in PREFIXES["en"]:
        return False
    return zipf(stem, "en") >= max(_MODIFIER_STEM_ZIPF, zipf(word, "en") - _S_FORM_MARGIN)


# A token that a letter put in makes a word this common is that word misspelt ("towars": "towards"; on
# the dev splits 4 false changes fewer for 26 joins of 10,000).
_TYPO_WORD_ZIPF = 4.0
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=8192)
def typo_of(token: str, language: str) -> bool:
    """Whether a letter put into ``token`` makes a common word (``towars``: ``towards``).

    >>> typo_of("towars", "en"), typo_of("usedfor", "en")
    (True, False)
    """
    return letter_put_in_makes(token, language, _TYPO_WORD_ZIPF)


def near_word(token: str, language: str) -> bool:
    """Whether a letter put into ``token`` or taken out of it makes a word of ``_NEAR_WORD_ZIPF`` or
    more: ``newgroup`` (``newsgroup``), ``seismiccity`` (``seismicity``); not ``strategicoptions``.

    >>> near_word("newgroup", "en"), near_word("seismiccity", "en"), near_word("strategicoptions", "en")
    (True, True, False)
    """
    return letter_put_in_makes(token, language, _NEAR_WORD_ZIPF) or letter_taken_out_makes(
        token, language, _NEAR_WORD_ZIPF, inside_only=False
    )


def letter_taken_out_makes(token: str, language: str, min_zipf: float, *, inside_only: bool = True) -> bool:
    """Whether a letter taken out of ``token`` makes a word of ``min_zipf`` or more: ``lasat``
    (``last``). Only a letter inside it by default: the loss of the first or the last would leave a
    part of glue (``anda``: ``and``).

    >>> letter_taken_out_makes("lasat", "en", 5.5), letter_taken_out_makes("anda", "en", 5.5)
    (True, False)
    """
    positions = range(1, len(token) - 1) if inside_only else range(len(token))
    return any(zipf(token[:at] + token[at + 1 :], language) >= min_zipf for at in positions)


def letter_put_in_makes(token: str, language: str, min_zipf: float) -> bool:
    """Whether a letter put anywhere into ``token`` makes a word of ``min_zipf`` or more.

    >>> letter_put_in_makes("towars", "en", 4.0), letter_put_in_makes("usedfor", "en", 2.0)
    (True, False)
    """
    return any(
        any(zipf(word, language) >= min_zipf for word in words) for words in words_with_a_letter_put_in(token)
    )


def words_with_a_letter_put_in(token: str) -> Iterator[list[str]]:
    """The strings that a letter put into ``token`` makes, a list for each place, from the first.

    >>> [words[:2] for words in words_with_a_letter_put_in("ab")]
    [['aab', 'bab'], ['aab', 'abb'], ['aba', 'abb']]
    """
    for at in range(len(token) + 1):
        head, tail = token[:at], token[at:]
        yield [head + letter + tail for letter in _LETTERS]


def is_participle(word: str) -> bool:
    """Whether ``word`` in ``-ed`` or ``-ing`` is built on a verb wordfreq knows (a stem of four letters,
    or three doubled): ``hoisted`` (``hoist``), ``making`` (``make``), ``running`` (``run``); not
    ``speed``, ``string``, ``thing``.

    >>> is_participle("hoisted"), is_participle("running"), is_participle("string")
    (True, True, False)
    """
    if word.endswith("ed"):
        body, with_e = word[:-2], word[:-1]
    elif word.endswith("ing"):
        body, with_e = word[:-3], word[:-3] + "e"
    else:
        return False
    stems = [stem for stem in (with_e, body) if len(stem) >= 4]  # "making": "make", "hoisted": "hoist"
    # (not "str" in "string", "spe" in "speed", "the" in "thing")
    if len(body) >= 4 and body[-1] == body[-2]:
        stems.append(body[:-1])  # a doubled last consonant: "running", "embedded"
    return any(zipf(stem, "en") >= _PARTICIPLE_STEM_ZIPF for stem in stems)


# Endings after which English doubles a stem's last consonant ("weblog" -> "weblogging", "weblogger").
_DOUBLING_ENDINGS = ("ing", "ed", "er", "ers", "est")
# The stem must be a word wordfreq knows this well, of this many letters (a doubled ending on a rarer
# or shorter stem is as often glue: "inrunning" is no inflection of "inrun").
_DOUBLED_STEM_ZIPF = 2.5
_DOUBLED_STEM_LETTERS = 5


# Endings that English spells only after a final "e" (``abase-d``, ``use-r``, ``late-st``), and after
# which it spells ``-es`` rather than ``-s`` (``box-es``): ``theold`` is no ``theol-d``, ``therest``
# no ``there-st``, ``infor`` no ``info-r``.
_AFTER_E = frozenset({"d", "r", "st", "th"})
_SIBILANT_ENDS = ("s", "x", "z", "ch", "sh")


def takes_ending(stem: str, ending: str) -> bool:
    """Whether English spelling puts ``ending`` right after ``stem``: ``-d``, ``-r`` and ``-st`` only
    after an ``e``, ``-es`` after a sibilant or an ``o``, ``-s`` never after a sibilant.

    >>> takes_ending("abase", "d"), takes_ending("theol", "d"), takes_ending("toga", "s")
    (True, False, True)
    """
    if ending in _AFTER_E:
        return stem.endswith("e")
    if ending == "es":
        return stem.endswith((*_SIBILANT_ENDS, "o"))
    if ending == "s":
        return not stem.endswith(_SIBILANT_ENDS)
    return True


def is_doubled_inflection(token: str) -> bool:
    """Whether ``token`` is an English word with its last consonant doubled before an ending:
    ``weblogging`` (``weblog``, Zipf 2.6), not ``usedfor``.

    >>> is_doubled_inflection("weblogging"), is_doubled_inflection("usedfor")
    (True, False)
    """
    for ending in _DOUBLING_ENDINGS:
        stem = token[: -len(ending) - 1]
        if (
            token.endswith(ending)
            and len(stem) >= _DOUBLED_STEM_LETTERS
            and token[len(stem)] == stem[-1]
            and stem[-1] not in "aeiouy"
            and zipf(stem, "en") >= _DOUBLED_STEM_ZIPF
        ):
            return True
    return False
