"""``words``: put back the spaces a scraper deleted between words.

Three kinds of damage are mended, each only on evidence from word frequencies and from the document:

* glued lowercase words: ``are usedfor pain`` -> ``are used for pain`` (also three or more words, and
  the ending of a contraction or a possessive glued to the next word: ``doesn’twant``, ``object’sname``);
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
neighbouring language (``canto``), an inflected word (``togas``), a content word with a suffix
(``headmost``), a token beside a code sign (``x = usedfor(y)``; one ``(p < 0.05)`` further along a line
of prose stops nothing), or that the document uses again is never split; a word the document uses on
its own counts as common (``wearableimplantableor`` splits in a text that also says ``wearable`` and
``implantable``).

Beyond frequencies, English text has two kinds of static evidence: a token wordfreq does not know is
split into two content words that WordNet puts side by side, when the document also writes both apart
(``bloodcells``; ``fixers/_pairs.py``), and the article ``a`` glued to a word is split off
(``writea``). Two content words wordfreq does not know glued are split where the same document writes
them side by side, but not within a sentence of the token (``oilprices`` beside ``oil prices``; ``A
stack trace, or stacktrace`` is the writer's choice), and a function word glued to a common word where
wordfreq knows the glued form only as junk (``theonly`` at Zipf 1.1, ``whata``, ``agood``). Word
formation keeps words whole (``bethink``, ``accessor``, ``abased``, ``anserine``, ``proband's``,
``whereto``), a common word with a letter dropped is a typo (``towars``), and the place of a term or a
name of code keeps it (``noshell  Prevents``, ``the timeit module``, ``(nolinkage)``, ``fallthrough``
beside ``fall-through``, ``binascii.Error``, ``the queue.Full exception``, a log line's ``checkit:``,
a ``camelCase`` headword, ``microLenat`` beside ``microReid``).

With a fitted corpus model (``Pipeline.with_model(textmend.fit(texts))``) the corpus is evidence too:
a token it uses is a word of that corpus and stays (``rustup``), unless its parts stand side by side
there far more often (damage the corpus repeats: ``ofthe``) or it only stands on lines that end many
documents (a template's ``relatedarticles``); a word it uses often counts as that common in a split;
and two content words it puts side by side far more often than it glues them are split
(``twelveyears``). Such changes carry ``corpus_count``, ``corpus_spread`` and ``corpus_pair``.

The fixer acts only on text in its language (English by default): each line, and the clause around
each candidate, is read with wordfreq's most frequent words of some twenty Latin-script languages (see
``fixers/_language.py``), and text mostly in another script is never split. A Dutch ``nodig`` stays,
and so does a Spanish sentence quoted in an English article. A token that holds an HTML entity name
that lost its ``&`` (``andamp``, ``nbspthe``) is left for the ``entities`` fixer. A document with more
distinct rare lowercase runs that cheap tests cannot settle than prose has (one every 150 characters,
at most 5,000) keeps its glue, which bounds the cost on any input.

Each edit has a ``kind`` (``words/glued``, ``words/camel``, ``words/no-space``) and ``evidence``
(``joined_zipf``, ``junction``, ``margin``, ``confidence`` from 0 to 1...).

>>> Pipeline(["words"])("Die fromme Frau ging in die Kirche und betete für ihre Kinder.")
'Die fromme Frau ging in die Kirche und betete für ihre Kinder.'
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar, NamedTuple

import regex

from ..corpus_model import CorpusModel
from ..fixer import Findings, Fixer, Pattern, register
from ..lexicon import available_languages, zipf
from ..model import Edit
from ._blocks import code_blocks, inside, may_hold_blocks
from ._dictionary import english_dictionary, rare_english_word
from ._language import decided_language, within_latin1
from ._pairs import book_function_zipf, is_adjective
from ._scan import (
    LATIN1_LOWER,
    LATIN1_UPPER,
    capital_follows,
    latin1_run_starts,
    latin1_runs,
    run_table,
)
from ._splitter import (
    ARTICLE_GLUE,
    ARTICLES,
    BOOK_PAIR_MIN,
    CONTENT_PART_ZIPF,
    FOREIGN_GLUE_PART_ZIPF,
    FOREIGN_GLUE_ZIPF,
    SHORT_GLUE,
    SLOPE,
    DocumentWords,
    Splitter,
    adjective_split,
    adverb_split,
    article_after_determiner,
    book_pair_split,
    bound_split,
    compound_parts,
    confidence,
    content_cuts,
    corpus_content_split,
    corpus_evidence,
    corpus_split,
    corpus_word,
    dropped_g,
    extra_split,
    foreign_zipfs,
    glued_evidence,
    hopeful_split,
    inflected_split,
    is_entity_remnant,
    is_template_line,
    junk_split,
    leads_bound,
    led_participle_split,
    letter_put_in_makes,
    letter_taken_out_makes,
    long_parts,
    long_words_split,
    modifier_split,
    part_zipfs,
    participle_split,
    pronoun_after,
    pronoun_split,
    s_form_split,
    static_split,
    too_many_candidates,
    too_many_rare_runs,
    typo_of,
    vouched_split,
    word_filter,
    words_with_a_letter_put_in,
)
from ._wordlists import AFTER_DOT, FUNCTION_WORDS, PREFIXES, REFERENCE_NAMES

__all__ = [
    "Beside",
    "Repair",
    "WordsFixer",
    "article_before_adjective_and_plural",
    "article_before_plural",
    "article_reading",
    "before_name",
    "beside_code",
    "between_foreign_words",
    "books_read_otherwise",
    "bracketed_alone",
    "camel_candidates",
    "camel_repair",
    "clitic_candidates",
    "clitic_repair",
    "code_side",
    "corpus_repair",
    "determined_before",
    "determines_no_noun",
    "ends_in_itis",
    "ends_no_sentence",
    "ends_sentences",
    "ends_the_phrase",
    "ends_with_conjunction",
    "follows_a_determiner",
    "follows_article",
    "follows_letter_apostrophe",
    "foreign_word_glued",
    "glued_candidates",
    "glued_repair",
    "glued_split",
    "heads_a_family",
    "holds_a_name",
    "inside_a_tag",
    "is_attribute",
    "is_camel_name",
    "is_command_argument",
    "is_derived_word",
    "is_english_neighbour",
    "is_foreign_neighbour",
    "is_glued_reading",
    "is_inflection_of_known",
    "is_inflection_of_used",
    "is_known_with_n",
    "is_known_word",
    "is_latin_adjective",
    "is_listed_with_names",
    "is_log_label",
    "is_lost_and_reference",
    "is_module",
    "is_name",
    "is_named_after",
    "is_own_term",
    "is_past_verb",
    "is_plain_plural",
    "is_plainly_a_name",
    "is_prefixed_verb",
    "is_present_verb",
    "is_quoted_term",
    "is_rare_word",
    "is_short_word_after_dot",
    "is_table_cell_name",
    "is_typo",
    "last_word",
    "lettered_family",
    "lowercase_run_starts",
    "lowercase_runs",
    "made_with_a_suffix",
    "misreads_grammar",
    "misspells_a_used_word",
    "names_a_code_thing",
    "names_a_file",
    "names_a_mail_domain",
    "names_a_member",
    "names_code",
    "names_its_module",
    "no_space_candidates",
    "no_space_repair",
    "only_space_between",
    "opens_a_sentence",
    "opens_call",
    "other_reading",
    "outside_code_blocks",
    "phrase_word_before",
    "points_back",
    "points_back_in_prose",
    "points_onward",
    "pronoun_before_verb",
    "quantifier_after_article",
    "quantifies_a_name",
    "reads_after_ending",
    "reads_as_glue",
    "reads_as_two_words",
    "short_glue_candidates",
    "spells_both_near",
    "stacks_be",
    "stands_apart",
    "starts_a_sentence",
    "subject_and_verb",
    "takes_article",
    "takes_ending",
    "word_before",
    "words_beside",
    "writes_capitalised",
    "writes_code",
    "written_apart",
    "written_as_one_name",
]

# A lowercase word standing alone: not part of a URL, an address, a path, a hashtag or an identifier,
# nor right after a colon (``http://thishost[:thisport]``, ``std:foo``).
# A full stop before a capitalised word ends a sentence ("usedfor.The"), not a domain or a file name.
_LOWER_TOKEN = regex.compile(r"(?<![\w@/.#\\&\-+$%:])\p{Ll}{4,40}(?![\w@/\\&\-+$%]|:\w|\.(?!\p{Lu}\p{Ll})\w)")
# Glue searched for by its letters: of three letters (_splitter.SHORT_GLUE: "of a", "to a" closed up),
# which the run table reports only as watched words, and of the article (_splitter.ARTICLE_GLUE:
# "fora"), which the word filter leaves as words of other languages; standing alone as _LOWER_TOKEN's
# words do.
_SHORT_GLUE = SHORT_GLUE
_SEARCHED_GLUE = tuple(dict.fromkeys((*SHORT_GLUE, *ARTICLE_GLUE)))
_SHORT_GLUE_TOKEN = regex.compile(
    rf"(?<![\w@/.#\\&\-+$%:'\u2019])(?:{'|'.join(_SEARCHED_GLUE)})"
    r"(?![\w@/\\&\-+$%']|:\w|\.(?!\p{Lu}\p{Ll})\w)"
)
# A contraction's or a possessive's ending glued to the next word: "doesn’twant", "object’sreference",
# "you’remodifying". Right after letters and an apostrophe, the ending and a lowercase word of two
# letters or more ("doesn’tdo"), standing alone as _LOWER_TOKEN's words do (not "rb'sample'" in quotes).
_CLITIC_GLUE = regex.compile(
    r"(?<=\p{L}['\u2019])(s|t|d|m|ll|re|ve)(\p{Ll}{2,40})(?![\w@/\\&\-+$%'\u2019]|:\w|\.(?!\p{Lu}\p{Ll})\w)"
)
# How common the word after the ending must be, by its letters (two, three, four or more): "go",
# "got", "constructor" (2.9); not "les" (4.1) nor "eff" (3.4), clipped words of the books' dialect.
_AFTER_ENDING_ZIPF = {2: 5.5, 3: 4.5, 4: 2.5}
# The endings _CLITIC_GLUE reads, and the apostrophes before them: each apostrophe is found with
# ``str.find`` and the pattern tried only after it (a ``regex`` scan tries its lookbehind at every
# character, and cost 60% more than the whole step on clean text).
_CLITIC_ENDINGS = ("s", "t", "d", "m", "ll", "re", "ve")
_APOSTROPHES = ("'", "\u2019")
_CONTRACTION_ZIPF = 3.0  # "doesn't", "you're", "I'd" as wordfreq knows them; not "ma'm" ("Ma’mun")
# A glued token as common as this is a word or a name after all ("’sdeath" is in the dictionary); the
# junk of scraped text is rarer ("tdo" 1.7, "tbe" 2.6).
_CLITIC_TOKEN_ZIPF = 3.0
# A word before "'s" is a common word or one of the dictionary, not a letter pair ("rb'sample'") nor
# a dialect's clipped word ("clo'sline", Zipf 2.6).
_POSSESSOR_ZIPF = 3.0
_NAME_POSSESSOR_ZIPF = 2.0  # a capitalised one is a name: "Perl’s" (Zipf 3.0 as "perl"), "Rossum’s"
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
_LOWERCASE_RUN = regex.compile(r"(?<![\w@/.#\\&\-+$%:])\p{Ll}{4,40}")
_LOWER_UPPER = regex.compile(r"\p{Ll}\p{Lu}")
_NO_SPACE = regex.compile(r"[.!?]n{0,2}\p{Lu}")
# The same looks in stdlib ``re`` (twice as fast), for text whose characters are all Latin-1, general
# punctuation (quotes, dashes, ellipses) or signs that are no letters (:func:`within_latin1`): there
# ``\p{Ll}`` and ``\p{Lu}`` are exactly these classes.
_LL = LATIN1_LOWER
_LU = LATIN1_UPPER
# The same runs found with the character before them (group 1 the run): a search that starts at the
# non-letters, not one that looks behind at every letter, a third faster. They miss a run at the very
# start of a text, which the pattern above finds (see :func:`lowercase_runs`).
_RUN_AFTER = regex.compile(r"[^\w@/.#\\&\-+$%:](\p{Ll}{4,40})")
_LATIN1_LOWER_UPPER = re.compile(f"[{_LU}](?<=[{_LL}][{_LU}])")  # capitals are rare: look for them first
_LATIN1_NO_SPACE = re.compile(f"[.!?]n{{0,2}}[{_LU}]")
# Where either look above could find something: a capital after a lowercase letter or after ``.``,
# ``!`` or ``?`` (an ``n`` between them, as in ``well.nAmazon``, is a lowercase letter too).
_CAPITAL_AFTER = regex.compile(r"[\p{Ll}.!?]\p{Lu}")
# An identifier the document uses: two or more humps (``getElementById``), a snake (``snake_case``), a
# special name (``__init__``), a call with no arguments (``readFully()``), a scope (``Data::Map``) or a
# class in a package path (``java.lang.Object``, ``twisted.words.service.IRCFactory``; a host name's
# parts are all lowercase). A document that uses one writes about code, and its ``camelCase`` is
# another identifier.
_IDENTIFIER = regex.compile(
    r"(?<!\w)\p{Ll}{1,40}(?:\p{Lu}[\p{Ll}\d]{0,40}){2,8}(?!\w)"  # humps
    r"|[A-Za-z]_[A-Za-z]"  # a snake
    r"|(?<!\w)__[a-z]\w{0,40}__(?!\w)"  # a special name
    r"|\w\(\)|\w::\w"  # a call with no arguments, a scope
    r"|(?<![\w.])[a-z]{2,40}(?:\.[a-z]{2,40}){1,8}\.\p{Lu}"  # a class in a package path
)

_KNOWN_ZIPF = 1.5  # a glued form wordfreq knows this well is a name: "wikiHow", "nEurope"
_SENTENCE_START_ZIPF = 4.0  # how common a word after ".", "!" or "?" must be, unless the document uses it
_SHORT_AFTER_DOT_ZIPF = 5.5  # a two-letter word after a dot must be as common as "It" or "We" ("Node.Js")
_AFTER_LOWER_ZIPF = 5.0  # a word after "." that opens a sentence anyway: "The", not "List" ("typing.List")
# A class name: two capitalised humps or more ("DistributionFinder", "HTMLParser" is not needed).
_CLASS_NAME = regex.compile(r"\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+")
_MODULE_NAME_ZIPF = 6.0
# Words that open sentences and name nothing in code: after "word." one of these ends a sentence.
_SENTENCE_OPENERS = frozenset(
    "The A An This That These Those It He She We They I You His Her Its Our Their My Your There But And"  # noqa: SIM905
    " Or So Then".split()
)
# Titles written before a name with a full stop: "Mr.Darcy" is a missing space, not a dotted name.
_TITLES = frozenset("Mr Mrs Ms Dr St Mt Prof Rev Sr Jr Gen Col Capt Lt Sgt Gov Sen Rep Hon Pres".split())  # noqa: SIM905
# A lowercase word before "." that wordfreq barely knows is a module or an object, not the end of a
# sentence ("asyncio", "binascii"; "headstrong.Lady" at 2.6 is prose); an all-capital one a package
# ("PIL", 2.8).
_MODULE_LEFT_ZIPF = 1.0
_ACRONYM_ZIPF = 3.0  # a module's name may be any word rarer than "The" or "It" ("numbers.Real")
_SEARCHES_BEFORE_COUNTING = 8  # more candidates than this: one pass over the text, not a search each


@dataclass(frozen=True)
class Repair:
    """What one detector decided: the ``edits`` to make and the ``words`` they make stand on their own
    (which the document then counts as used). No edits means "already split", ``None`` "left alone"."""

    edits: tuple[Edit, ...] = ()
    words: tuple[str, ...] = field(default=())


@register
@dataclass(frozen=True)
class WordsFixer(Fixer):
    """Split glued words and put a space after sentence punctuation that lost it.

    ``language``: the wordfreq list and tables (any language wordfreq covers; English by default);
    ``margin``: the Zipf every junction of a split must reach, plus 1.3 per Zipf unit of the joined token;
    ``min_zipf``: how common the words on both sides of a lowercase-to-capital glue must be;
    ``max_joined_zipf``: from this Zipf a token is a word and never split (and parts of four or more
    letters must be this common, so that no part is split later);
    ``model``: a fitted :class:`~textmend.corpus_model.CorpusModel` (``Pipeline.with_model``): a token
    the corpus uses is a word, and two words the corpus puts side by side far more often are split.
    """

    name: ClassVar[str] = "words"
    gate: ClassVar[Pattern | None] = regex.compile(
        "|".join((r"\p{Ll}{4}", *_SHORT_GLUE, r"\p{Ll}\p{Lu}\p{Ll}", r"\p{L}[.!?]n{0,2}\p{Lu}"))
    )
    # Not settled: find() decides again as its splits add words the document uses, but a split also
    # puts words side by side ("sellingboxed sets" -> "selling boxed sets" writes "boxed sets", which
    # vouches for splitting "boxedsets" elsewhere), and the text's other evidence moves with it; the
    # pipeline runs the step again on its output until it changes nothing.
    settled: ClassVar[bool] = False

    language: str = "en"
    margin: float = 1.0
    min_zipf: float = 3.0
    max_joined_zipf: float = 3.5
    model: CorpusModel | None = None

    def __post_init__(self) -> None:
        if self.language not in available_languages():
            known = ", ".join(sorted(available_languages()))
            raise ValueError(f"wordfreq has no word list for language {self.language!r}; it has: {known}")

    @property
    def splitter(self) -> Splitter:
        """The scoring value for this fixer's options (one per set of options, kept for the process)."""
        return _splitter(self.language, self.margin, self.min_zipf, self.max_joined_zipf, self.model)

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        splitter = self.splitter
        latin1 = within_latin1(text)
        document = DocumentWords(text, latin1)
        glued = glued_candidates(splitter, text, latin1)
        # One look answers for both kinds in most texts: neither has a capital after a lowercase letter
        # or a sentence's punctuation.
        capitals = capital_follows(text) if latin1 else _CAPITAL_AFTER.search(text) is not None
        camels = camel_candidates(text, latin1, document) if capitals else []
        punctuated = no_space_candidates(text, latin1) if capitals else []
        clitics = clitic_candidates(splitter, text)
        if not (glued or camels or punctuated or clitics):
            return
        glued, camels, punctuated, clitics = outside_code_blocks(text, glued, camels, punctuated, clitics)
        if not (glued or camels or punctuated or clitics):
            return
        document.note_candidates(glued)
        # Only where the text is in the fixer's language: a Dutch "nodig" is no "no dig".
        language = self.language
        kinds: dict[str, tuple[list[regex.Match[str]], _Where]] = {
            "glued": (glued, _glued_word),
            "camels": (camels, _camel_word),
            "punctuated": (punctuated, _sentence_word),
            "clitics": (clitics, _glued_word),
        }
        # Whether a candidate stands in text of the fixer's language costs a reading of its line and
        # clause; most candidates are left alone anyway. So it is asked only of a candidate with a
        # repair, until the first edit; then of all, as the rounds after need (the same decisions).
        chosen: dict[str, list[regex.Match[str]]] = {
            kind: list(matches) for kind, (matches, _) in kinds.items()
        }
        waiting: dict[str, list[regex.Match[str]]] = {kind: [] for kind in kinds}
        verdicts: dict[tuple[str, int], bool] = {}

        def speaks(kind: str, match: regex.Match[str]) -> bool:
            key = (kind, match.start())
            verdict = verdicts.get(key)
            if verdict is None:
                verdict = verdicts[key] = document.speaks(*kinds[kind][1](match), language)
            return verdict

        asking: Callable[[str, regex.Match[str]], bool] | None = speaks
        edits: dict[int, Edit] = {}
        while True:
            # Each split adds words the document now uses on their own; decide again until nothing
            # changes, so that mending the result finds nothing more (idempotence).
            while True:
                before = len(edits)
                for repair in _repairs(
                    splitter,
                    document,
                    chosen["glued"],
                    chosen["camels"],
                    chosen["punctuated"],
                    edits,
                    self.model,
                    asking,
                    chosen["clitics"],
                ):
                    edits.update((edit.start, edit) for edit in repair.edits)
                    document.see(repair.words)
                if len(edits) == before:
                    break
            if asking is not None:
                if not edits:
                    break  # nothing to mend: the candidates not asked about could change nothing
                for kind in kinds:  # from here on, as if every candidate had been asked at the start
                    waiting[kind] = [match for match in chosen[kind] if not speaks(kind, match)]
                    chosen[kind] = [match for match in chosen[kind] if speaks(kind, match)]
                asking = None
            # The splits may have decided the language of a line ("usedfor" -> "used for" is English):
            # what the mended text speaks is judged as a second mend would judge it.
            if not (edits and any(waiting.values())) or not _speak_now(
                text, edits, kinds, chosen, waiting, self
            ):
                break
        yield from sorted(edits.values(), key=lambda e: e.start)


def outside_code_blocks(text: str, *candidates: list[regex.Match[str]]) -> tuple[list[regex.Match[str]], ...]:
    """Each list of ``candidates`` without the matches that start inside a code block of ``text``
    (:func:`._blocks.code_blocks`: a fenced or literal block is left as written, ``aws directconnect
    describe-lags``); the lists as they are when ``text`` has none.

    >>> text = "Run::\\n\\n    aws directconnect\\nusedfor"
    >>> (kept,) = outside_code_blocks(text, list(regex.finditer("[a-z]{7,}", text)))
    >>> [match.group() for match in kept]
    ['usedfor']
    """
    if not (may_hold_blocks(text) and any(candidates) and (blocks := code_blocks(text))):
        return candidates
    return tuple([match for match in found if not inside(blocks, match.start())] for found in candidates)


_Where = Callable[[regex.Match[str]], tuple[int, str]]


def _glued_word(match: regex.Match[str]) -> tuple[int, str]:
    """Where a glued candidate starts, and the token whose language counts."""
    return match.start(), match.group()


def _camel_word(match: regex.Match[str]) -> tuple[int, str]:
    """Where a camel candidate starts, and its lowercase side."""
    return match.start(), match.group(1)


def _sentence_word(match: regex.Match[str]) -> tuple[int, str]:
    """Where the word after a missing space starts, lowercased."""
    return match.start(4), match.group(4).lower()


def _speak_now(
    text: str,
    edits: Mapping[int, Edit],
    kinds: Mapping[str, tuple[list[regex.Match[str]], _Where]],
    chosen: dict[str, list[regex.Match[str]]],
    waiting: dict[str, list[regex.Match[str]]],
    fixer: WordsFixer,
) -> bool:
    """Move the ``waiting`` candidates that the text as mended by ``edits`` speaks in the fixer's
    language into ``chosen``; whether any moved."""
    ordered = sorted(edits.values(), key=lambda e: e.start)
    pieces, at = [], 0
    for edit in ordered:
        pieces += [text[at : edit.start], edit.after]
        at = edit.end
    mended = "".join([*pieces, text[at:]])
    document = DocumentWords(mended)
    starts = [edit.start for edit in ordered]
    growth = list(itertools.accumulate(len(e.after) - (e.end - e.start) for e in ordered))
    moved = False
    for kind, (_, where) in kinds.items():
        still = []
        for match in waiting[kind]:
            position, token = where(match)
            index = bisect.bisect_right(starts, position) - 1
            shifted = position + (growth[index] if index >= 0 else 0)
            if document.speaks(shifted, token, fixer.language):
                chosen[kind].append(match)
                moved = True
            else:
                still.append(match)
        waiting[kind] = still
        chosen[kind].sort(key=lambda m: m.start())
    return moved


@lru_cache(maxsize=16)  # one per set of options (and model): a process that fits many models holds few
def _splitter(
    language: str, margin: float, min_zipf: float, max_joined_zipf: float, model: CorpusModel | None
) -> Splitter:
    return Splitter(language, margin, min_zipf, max_joined_zipf, model)


def _repairs(
    splitter: Splitter,
    document: DocumentWords,
    glued: list[regex.Match[str]],
    camels: list[regex.Match[str]],
    punctuated: list[regex.Match[str]],
    taken: Mapping[int, Edit],
    model: CorpusModel | None = None,
    speaks: Callable[[str, regex.Match[str]], bool] | None = None,
    clitics: list[regex.Match[str]] | None = None,
) -> Iterator[Repair]:
    """One round of judging every candidate, in text order per kind; ``taken`` grows as the caller
    applies each repair, so that a later candidate sees the earlier ones. With ``speaks``, a repair is
    made only where ``speaks(kind, match)`` says the candidate stands in the fixer's language.

    Glued endings (``clitics``) go first: the token after an apostrophe is theirs to split
    (``doesn’twant``), not the frequency score's."""
    for match in clitics or ():
        repair = clitic_repair(splitter, match, document, taken, model)
        if repair is not None and (speaks is None or speaks("clitics", match)):
            yield repair
    for match in glued:
        repair = glued_repair(splitter, match.group(), match.start(), document, taken, model)
        if repair is not None and (speaks is None or speaks("glued", match)):
            yield repair
    for match in camels:
        repair = camel_repair(splitter, match, document, taken, model)
        if repair is not None and (speaks is None or speaks("camels", match)):
            yield repair
    for match in punctuated:
        repair = no_space_repair(splitter, match, document, taken)
        if repair is not None and (speaks is None or speaks("punctuated", match)):
            yield repair


# -- collecting candidates -----------------------------------------------------------------------


def glued_candidates(splitter: Splitter, text: str, latin1: bool) -> list[regex.Match[str]]:
    """The lowercase tokens that could be glued words: rarer than ``max_joined_zipf`` and splittable
    by word frequencies alone or with help from words a document could use.

    ``latin1`` says that the text has no letter beyond Latin-1, so that ``re`` can find the runs.
    """
    words = word_filter(splitter)
    if latin1:
        # Latin-1 text (nearly all English) is scanned by the word filter's run table, in C where built,
        # which also says whether the text has ``ofa`` or ``toa`` standing as a run (English only).
        uncommon = words.table.missing(text)
        short = []
        glue = uncommon.intersection(_SEARCHED_GLUE)
        if glue:
            short = short_glue_candidates(splitter, text, glue)
            uncommon.difference_update(glue)
    else:
        # Runs of four letters or more say which of the longer glue the text holds; those of three
        # letters are searched for.
        uncommon = words.uncommon(lowercase_runs(text, latin1))
        glue = uncommon.intersection(_SEARCHED_GLUE)
        uncommon.difference_update(glue)
        short = short_glue_candidates(splitter, text, (*_SHORT_GLUE, *sorted(glue)))
    if not uncommon:
        return short  # every run is a common word: most short records
    rare = words.rare(uncommon)
    if too_many_rare_runs(text, rare):
        return []
    hopeful = words.hopeful(rare)  # a run plainly whole is never splittable: the rare ones will do
    if len(hopeful) > _SEARCHES_BEFORE_COUNTING:
        # Many candidates: one pass over the text costs less than a search for each.
        wanted = set(hopeful)
        starts = (
            run_table(wanted).starts(text)
            if latin1
            else [start for start, run in lowercase_run_starts(text, latin1) if run in wanted]
        )
        found = [match for start in starts if (match := _LOWER_TOKEN.match(text, start)) is not None]
        return sorted(found + short, key=lambda match: match.start()) if short else found
    matches = short
    for word in hopeful:
        at = text.find(word)
        while at >= 0:
            match = _LOWER_TOKEN.match(text, at)
            if match is not None and match.end() == at + len(word):
                matches.append(match)
            at = text.find(word, at + 1)
    return sorted(matches, key=lambda match: match.start())


def lowercase_runs(text: str, latin1: bool) -> list[str]:
    """The runs of four to forty lowercase letters that ``_LOWERCASE_RUN`` finds in ``text`` (with
    ``latin1``, :func:`within_latin1` text, those ``_scan.LATIN1_LOWERCASE_RUN`` finds), in order.

    >>> lowercase_runs("usedfor the iPhone, x-ray", True), lowercase_runs("usedfor the iPhone, x-ray", False)
    (['usedfor'], ['usedfor'])
    >>> lowercase_runs("ab 3four", True), lowercase_runs("ab 3four", False)
    (['four'], [])
    """
    if latin1:
        return latin1_runs(text)
    first = _LOWERCASE_RUN.match(text)
    if first is None:
        return _RUN_AFTER.findall(text)
    # A run never ends where the next one's character before it is: that is a letter of its own.
    return [first.group(), *_RUN_AFTER.findall(text, first.end())]


def lowercase_run_starts(text: str, latin1: bool) -> Iterator[tuple[int, str]]:
    """Where each run of :func:`lowercase_runs` starts, and the run.

    >>> list(lowercase_run_starts("used for", True))
    [(0, 'used')]
    """
    if latin1:
        yield from latin1_run_starts(text)
        return
    first = _LOWERCASE_RUN.match(text)
    if first is not None:
        yield 0, first.group()
    for match in _RUN_AFTER.finditer(text, first.end() if first else 0):
        yield match.start(1), match.group(1)


def short_glue_candidates(splitter: Splitter, text: str, forms: Iterable[str]) -> list[regex.Match[str]]:
    """The English glue of ``forms`` in ``text``, searched for by its letters: of three letters (``ofa``
    for ``of a``, ``bya``, ``toa``, ``ona``, ``upa``) and of the article (``fora``, ``anda``, ``hada``).
    """
    if splitter.language != "en":
        return []
    # Found where the letters stand (``sofa`` holds ``ofa``): a C-level search for each, and a match
    # there, not a pattern tried at every character of the text.
    found = []
    for glue in forms:
        at = text.find(glue)
        while at >= 0:
            if (match := _SHORT_GLUE_TOKEN.match(text, at)) is not None:
                found.append(match)
            at = text.find(glue, at + 1)
    return sorted(found, key=lambda match: match.start()) if len(found) > 1 else found


def clitic_candidates(splitter: Splitter, text: str) -> list[regex.Match[str]]:
    """A contraction's or a possessive's ending glued to the next word, in English text: ``doesn’twant``,
    ``object’sreference`` (group 1 the ending, group 2 the word; see :func:`clitic_repair`), unless the
    text has more of them than prose could."""
    if splitter.language != "en":
        return []
    found = []
    for mark in _APOSTROPHES:
        at = text.find(mark)
        while at >= 0:
            if (
                text[at + 2 : at + 3].isalpha()  # most are "’s " or "’t,": no glue, and no pattern run
                and text.startswith(_CLITIC_ENDINGS, at + 1)
                and (match := _CLITIC_GLUE.match(text, at + 1)) is not None
            ):
                found.append(match)
                if too_many_candidates(text, len(found)):
                    return []  # more than prose holds (a page of one pattern): the cost stays bounded
            at = text.find(mark, at + 1)
    return sorted(found, key=lambda match: match.start()) if len(found) > 1 else found


def camel_candidates(text: str, latin1: bool, document: DocumentWords) -> list[regex.Match[str]]:
    """``managementThe`` tokens outside code lines, unless the text uses identifiers or has more of
    them than prose could."""
    if not (_LATIN1_LOWER_UPPER if latin1 else _LOWER_UPPER).search(text):
        return []  # most texts: one C-level search and no more
    camels = []
    for match in _matches_at(_CAMEL_TOKEN, text, _lower_upper_junctions(text, latin1), _LOWERCASE_BEFORE):
        if not document.in_code(match.start()):
            camels.append(match)
            if too_many_candidates(text, len(camels)):
                return []  # found without collecting them all: the cost stays bounded
    if camels and writes_code(document):
        return []
    return camels


def no_space_candidates(text: str, latin1: bool) -> list[regex.Match[str]]:
    """``pain.The`` and ``well.nAmazon``: sentence punctuation glued to a capitalised word."""
    look_for = _LATIN1_NO_SPACE if latin1 else _NO_SPACE
    if not look_for.search(text):
        return []  # most texts: one C-level search and no more
    looks = look_for.finditer(text)
    return list(_matches_at(_MISSING_SPACE, text, (look.start() for look in looks), _LETTERS_BEFORE))


# Every match of ``_CAMEL_TOKEN`` has one lowercase-to-capital junction, and every match of
# ``_MISSING_SPACE`` one punctuation mark; each starts where the run of lowercase letters (of letters)
# before it starts. Found backwards from the junction or the mark, one character more than a match
# can hold: a longer run starts no match.
_LOWERCASE_BEFORE = regex.compile(r"(?r)\p{Ll}{1,41}")
_LETTERS_BEFORE = regex.compile(r"(?r)\p{L}{1,41}")


def _lower_upper_junctions(text: str, latin1: bool) -> Iterator[int]:
    """Where each capital that follows a lowercase letter stands: ``[6]`` for ``"wordsThe"``."""
    if latin1:
        return (look.start() for look in _LATIN1_LOWER_UPPER.finditer(text))
    return (look.start() + 1 for look in _LOWER_UPPER.finditer(text))


def _matches_at(
    pattern: regex.Pattern[str], text: str, anchors: Iterator[int], run_before: regex.Pattern[str]
) -> Iterator[regex.Match[str]]:
    """The matches of ``pattern`` that ``pattern.finditer(text)`` finds, found only where one can be:
    at the start of the run of ``run_before`` that ends at each of the ascending ``anchors``.

    A match that would overlap the one before is not one ``finditer`` finds (it goes on after each).
    """
    end = 0
    for anchor in anchors:
        run = run_before.match(text, max(0, anchor - 41), anchor)
        if run is None:
            continue
        match = pattern.match(text, run.start())
        if match is not None and match.start() >= end:
            end = match.end()
            yield match


# -- the three kinds of damage -------------------------------------------------------------------


def glued_repair(
    splitter: Splitter,
    token: str,
    start: int,
    document: DocumentWords,
    taken: Mapping[int, Edit],
    model: CorpusModel | None = None,
) -> Repair | None:
    """The split of a glued lowercase ``token`` at ``start`` (``usedfor`` -> ``used for``), if any.

    With a fitted ``model``, a token the corpus uses is a word (:func:`corpus_word`), and a token the
    rules leave whole is split where the corpus has its parts side by side (:func:`corpus_split`).
    An empty repair when ``taken`` already splits it; ``None`` when it stays whole.
    """
    if any(start + cut in taken for cut in range(1, len(token))):
        return Repair()
    if document.repeats(token) or follows_letter_apostrophe(document.text, start):
        return None

    def among_foreign_words() -> bool:  # asked only where a repair is in sight: it reads the neighbours
        return splitter.language == "en" and between_foreign_words(document.text, start, start + len(token))

    if is_lost_and_reference(document.text, start, token):
        return None  # "TNF-andalpha;": the entities fixer's to restore on its evidence, or to leave
    if token in ARTICLE_GLUE:
        if among_foreign_words():
            return None  # Spanish "que anda bien": a word of the language around it
        return _article_glue_repair(splitter, token, start, document, model)
    found = glued_split(splitter, token, document)
    if splitter.foreign(token):
        # a word of another language is split only as English glue where English stands around it
        # ("toits knees", "dueto delayed"), and by no reading but the frequency scores'
        if found is None or not foreign_word_glued(splitter, token, found[0], start, document):
            return None
        split: tuple[tuple[str, ...], float] | None = found
    else:
        split = found if found is not None and is_glued_reading(splitter, token, found[0]) else None
    paired = extra_split(splitter, token) if split is None else None
    # a pair the document never writes apart is a compound of its own ("softcopy"), unless another
    # reading below holds
    extra = None if paired is None or (paired[1] and not all(map(document.uses, paired[0]))) else paired
    if split is not None and is_derived_word(splitter, token, split[0]):
        split = None
    other = other_reading(splitter, token, start, document) if split is None and extra is None else None
    if model is not None:
        line = document.line_at(start)
        if corpus_word(model, token, found[0] if found else paired[0] if paired else None, line):
            return None
        if split is None and extra is None and other is None:
            if among_foreign_words():
                return None
            return corpus_repair(splitter, model, token, start, document, line)
    chosen = split or extra or (other[1] if other is not None else None)
    if chosen is None or stands_apart(splitter, token, chosen[0], start, document):
        return None
    if among_foreign_words():
        return None  # "que asan carne", "Fai accordare il piano": a word of the language around it
    if token.endswith("in") and document.text.startswith(_APOSTROPHES, start + len(token)):
        return None  # "foamin'": a dropped g, spelled out
    if misreads_grammar(splitter, chosen[0], document.text, start + len(token)):
        return None
    if holds_a_name(splitter, chosen[0], document):
        return None  # "manylinux wheels" beside "Linux": the writer spells that name with a capital
    if written_as_one_name(chosen[0], document):
        return None  # "tablename" beside "tableName": the name of code, written loosely in prose
    if lettered_family(splitter, chosen[0], document):
        return None  # "atime" beside "ctime": the letter names one of a family of terms
    if is_typo(splitter, token, chosen[0]):
        return None  # "towars", "orking": a common word with a letter dropped
    if made_with_a_suffix(splitter, token, chosen[0]):
        return None  # "bypassable" is "bypass" and "-able", no "by passable"
    if books_read_otherwise(splitter, token, chosen[0]):
        return None  # "onevery": "on every" as well as "one very", and the books write the other
    if names_a_mail_domain(document.text, start + len(token)):
        return None  # "(at) pythonconsulting dot com": an address spelt out, whose name is one word
    if misspells_a_used_word(token, document):  # the dearest of these tests: asked last
        return None  # "dostrings" in a text that writes "docstrings": that word misspelt
    if ends_in_itis(splitter, chosen[0]):
        return None  # "menuitis", "meetingitis": -itis makes words of any noun, in jest as in medicine
    if is_rare_word(splitter, token, chosen[0]):
        return None  # "bespake", "uprose", "intreated": archaic words the largest spelling lists keep
    if is_prefixed_verb(splitter, chosen[0]):
        return None  # "overread", "overallocate": a verb made with a prefix
    if chosen[0][0] in _BOUND_PREFIXES:
        return None  # "nonexisted", "antiwar", "pseudocode": a prefix that stands alone in no English
    if heads_a_family(splitter, chosen[0], start, document):
        return None  # "brightred, brightgreen, brightyellow": names made on one word
    if chosen[0][0] in ("a", "an") and follows_article(document.text, start):
        return None  # "an asocial, malodorous": no article reads after an article
    if is_latin_adjective(chosen[0]):
        return None  # "gigantica", "muscularis", "formicus": Latin, not an adjective before "is"
    if chosen[0][0] in _NAME_HEADS and writes_code(document):
        return None  # "mytable", "nowrap": a placeholder or a negated option, in a text about code
    if other is not None:
        kind, reading = other
        if kind == "junk":
            return _junk_repair(splitter, token, start, reading, model)
        if kind == "bound":
            return _bound_repair(token, start, reading, model)
        if kind in _SHAPE_REASONS:
            return _shape_repair(kind, token, start, reading, model)
        if kind == "book":
            return _book_repair(token, start, reading, model)
        return _apart_repair(splitter, token, start, reading[0], model)
    if split is None:
        assert extra is not None
        return _extra_repair(splitter, token, start, extra, model)
    parts, junction = split
    joined = zipf(token, splitter.language)
    reason = (
        f"{token!r} (zipf {joined:.1f}) read as {' '.join(parts)!r} "
        f"(weakest junction {junction:.1f}; parts {part_zipfs(parts, splitter, document)})"
    )
    evidence = glued_evidence(joined, junction, splitter.margin + SLOPE * joined, len(parts))
    return _evidenced_split(token, start, parts, reason, evidence, model)


# Words that start names of code written as one word: placeholders (``mytable``, ``myapp``) and
# negated options (``nowrap``, ``nocache``, ``noexcept``).
_NAME_HEADS = frozenset({"my", "no"})


def writes_code(document: DocumentWords) -> bool:
    """Whether the document uses an identifier (:data:`_IDENTIFIER`: ``getElementById``,
    ``snake_case``, ``__init__``, ``readFully()``, ``Data::Map``, ``java.lang.Object``): a text about
    code (asked once a document).

    >>> writes_code(DocumentWords("Set mynetworks and smtp_sasl_security_options."))
    True
    """
    answer = document.answers.get(("code", ""))
    if answer is None:
        answer = document.answers["code", ""] = _IDENTIFIER.search(document.text) is not None
    return answer


def clitic_repair(
    splitter: Splitter,
    match: regex.Match[str],
    document: DocumentWords,
    taken: Mapping[int, Edit],
    model: CorpusModel | None = None,
) -> Repair | None:
    """``doesn’twant`` -> ``doesn’t want``, ``object’sreference`` -> ``object’s reference``: a match of
    :func:`clitic_candidates` split after its ending, when the word before the apostrophe takes that
    ending (:func:`takes_ending`), what follows the ending is a word (:func:`reads_after_ending`), and
    neither the glued token nor the word without its apostrophe is a word (``’sdeath``,
    ``Raja'sthan``). Not in code, nor after an opening quote (``‘hello’said`` closes a quotation).
    """
    text, start = document.text, match.start()
    token, (ending, rest) = match.group(), match.group(1, 2)
    if any(start + cut in taken for cut in range(1, len(token))):
        return Repair()
    apostrophe = start - 1
    run = _LETTERS_BEFORE.match(text, max(0, apostrophe - 41), apostrophe)
    if run is None or not 2 <= len(run.group()) <= 40 or _stands_in_a_word(text, run.start()):
        return None
    before = run.group()
    if not (
        takes_ending(before, ending)
        and reads_after_ending(splitter, rest)
        and token not in english_dictionary()
        and zipf(token) < _CLITIC_TOKEN_ZIPF
        and zipf(before.lower() + token) < _KNOWN_ZIPF
        and not document.repeats(token)
        and not document.code_near(start, len(token))
    ):
        return None
    if model is not None and corpus_word(model, token, (ending, rest), document.line_at(start)):
        return None
    reason = f"{before + text[apostrophe] + token!r} read as {before + text[apostrophe] + ending!r} {rest!r}"
    evidence = {
        "joined_zipf": zipf(token),
        "rest_zipf": zipf(rest),
        "parts": 2.0,
        "confidence": confidence(zipf(rest) - _AFTER_ENDING_ZIPF[min(len(rest), 4)]),
    }
    if model is not None:
        evidence.update(corpus_evidence(model, token, (ending, rest)))
    return Repair(
        (Edit(start + len(ending), start + len(ending), " ", reason, "words/glued", evidence),), (rest,)
    )


def reads_after_ending(splitter: Splitter, rest: str) -> bool:
    """Whether ``rest``, glued after a contraction's ending, is a word to split off: a word of the
    dictionary of four letters or more, not a rare one (``constructor``); a common word of three
    (``got``; not the dialect's ``les`` of ``top’sles``, nor ``eff``); a function word or a very common
    word of two (``do``, ``go``).

    >>> reads_after_ending(Splitter(), "constructor"), reads_after_ending(Splitter(), "les")
    (True, False)
    """
    if len(rest) >= 4:
        return rest in english_dictionary() and zipf(rest) >= _AFTER_ENDING_ZIPF[4]
    return zipf(rest) >= _AFTER_ENDING_ZIPF[len(rest)] or (len(rest) == 2 and splitter.function_word(rest))


def takes_ending(before: str, ending: str) -> bool:
    """Whether the word ``before`` an apostrophe takes ``ending`` as a contraction or a possessive:
    ``doesn’t``, ``you’re``, ``I’d`` as wordfreq knows them; ``’s`` after a common word or one of the
    dictionary (``object’s``, ``Clinic’s``) or a name (``Perl’s``), not after letters that are none
    (``rb'sample'``, ``clo'sline``).

    >>> takes_ending("doesn", "t"), takes_ending("object", "s"), takes_ending("Ma", "m")
    (True, True, False)
    """
    if ending == "s":
        word = before.lower()
        least = _NAME_POSSESSOR_ZIPF if before[0].isupper() else _POSSESSOR_ZIPF
        return zipf(word) >= least or word in english_dictionary()
    return zipf(f"{before.lower()}'{ending}") >= _CONTRACTION_ZIPF


def follows_letter_apostrophe(text: str, start: int) -> bool:
    """Whether the token at ``start`` follows a letter and an apostrophe: the rest of a word written
    with one (``She’arim``, ``Ra’anana``, ``ma’amoul``), not a word of its own. English glue after
    an apostrophe is an ending's (``doesn’twant``), which the clitic candidates split first.

    >>> follows_letter_apostrophe("Bet She’arim", 8), follows_letter_apostrophe("the ’arim", 5)
    (True, False)
    """
    return start >= 2 and text[start - 1] in _APOSTROPHES and text[start - 2].isalpha()


def is_lost_and_reference(text: str, start: int, token: str) -> bool:
    """Whether ``token`` at ``start`` is ``and`` and an entity name before a ``;``: a reference whose
    ``&`` became ``and`` (``TNF-andalpha;``, ``andtimes; 10``). Split, it would read as the word
    (``and alpha;``) and hide the damage from the ``entities`` fixer on a later mend.

    >>> is_lost_and_reference("TNF-andalpha;", 4, "andalpha")
    True
    >>> is_lost_and_reference("andalpha is", 0, "andalpha")
    False
    """
    return (
        text.startswith(";", start + len(token)) and token.startswith("and") and token[3:] in REFERENCE_NAMES
    )


def _stands_in_a_word(text: str, start: int) -> bool:
    """Whether the letters starting at ``start`` continue something before them that is no word of
    prose (``x_doesn’t``, ``a.b’s``) or close a quotation opened just before (``‘hello’said``)."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_@/.#\\&-+$%:'\u2018")


#: Readings that hold only where the document does not show the token to be a term of its own
#: (:func:`is_own_term`: written twice in any case, or with and without an ending).
_ONCE_READINGS = frozenset({"adjective", "long", "book"})
#: The readings tried, in this order, when neither the frequency score nor the pair table reads a token.
_OTHER_READINGS = (
    ("junk", junk_split),
    ("pronoun", pronoun_split),
    ("bound", bound_split),
    ("modifier", modifier_split),
    ("participle", participle_split),
    ("led participle", led_participle_split),
    ("s-form", s_form_split),
    ("inflected", inflected_split),
    ("adverb", adverb_split),
    ("adjective", adjective_split),
    ("long", long_words_split),
    ("book", book_pair_split),
)


def other_reading(
    splitter: Splitter, token: str, start: int, document: DocumentWords
) -> tuple[str, tuple[tuple[str, str], float]] | None:
    """The first reading of ``token`` beyond the frequency score and the pair table, with its kind:
    glue wordfreq knows only as junk (``junk``: ``theonly``), a function word that binds (``bound``:
    ``hisgills``), a word made with a modifier's ending (``modifier``: ``reallyfast``), a plural or a verb
    in ``-s`` (``inflected``: ``cellsdivide``), a word glued to an adverb in ``-ly`` after it (``adverb``:
    ``fellsharply``), an adjective that is no noun glued to a word (``adjective``: ``strategicoptions``),
    two words of six letters or more (``long``: ``installationimages``), two words that books write
    apart (``book``: ``twelveyears``, whose second value is the books' count; these three not where the
    document shows the token to be a term of its own, :func:`is_own_term`), or two words the document
    writes apart elsewhere (``apart``: ``oilprices``, whose second value is 0)."""
    for kind, read in _OTHER_READINGS:
        reading = read(splitter, token)
        if reading is not None and not (kind in _ONCE_READINGS and is_own_term(token, document)):
            return kind, reading
    apart = written_apart(splitter, token, start, document)
    if apart is not None:
        return "apart", (apart, 0.0)
    verb = subject_and_verb(splitter, token, start, document)
    if verb is not None:
        return "verb", (verb, zipf(verb[1], "en"))
    pronoun = pronoun_before_verb(splitter, token, start, document)
    return ("pronoun after", (pronoun, zipf(pronoun[0], "en"))) if pronoun is not None else None


def pronoun_before_verb(
    splitter: Splitter, token: str, start: int, document: DocumentWords
) -> tuple[str, str] | None:
    """A word and the pronoun ``i`` glued after it (:func:`._splitter.pronoun_after`), where the next
    word is one that follows the pronoun in a clause (``_AFTER_I_CLAUSE``: ``sincei was``, ``saidi think``).

    >>> text = "It is better sincei think so."
    >>> pronoun_before_verb(Splitter(), "sincei", text.index("sincei"), DocumentWords(text))
    ('since', 'i')
    """
    split = pronoun_after(splitter, token)
    if split is None:
        return None
    after = _NEXT_WORD.match(document.text, start + len(token))
    return split if after is not None and after.group(1) in _AFTER_I_CLAUSE else None


def _article_glue_repair(
    splitter: Splitter, token: str, start: int, document: DocumentWords, model: CorpusModel | None
) -> Repair | None:
    """``fora new`` -> ``for a new``: glue of :data:`._splitter.ARTICLE_GLUE` split before a word that
    takes the article (:func:`article_reading`), in running prose (:func:`stands_apart`), unless a
    fitted corpus uses the token as a word of its own (a forum's ``fora``)."""
    reading = article_reading(splitter, token, start, document)
    if reading is None:
        return None
    parts, following = reading
    if stands_apart(splitter, token, parts, start, document):
        return None
    if model is not None and corpus_word(model, token, parts, document.line_at(start)):
        return None
    joined, after = zipf(token, "en"), zipf(following, "en")
    reason = (
        f"{token!r} (zipf {joined:.1f}) read as {' '.join(parts)!r}: {parts[0]!r} glued to"
        f" the article before {following!r} (zipf {after:.1f})"
    )
    evidence = {
        "joined_zipf": joined,
        "next_zipf": after,
        "parts": 2.0,
        "confidence": confidence(after - _AFTER_ARTICLE_ZIPF),
    }
    return _evidenced_split(token, start, parts, reason, evidence, model)


def article_reading(
    splitter: Splitter, token: str, start: int, document: DocumentWords
) -> tuple[tuple[str, str], str] | None:
    """The two words of the article glue ``token`` (:data:`._splitter.ARTICLE_GLUE`) and the word after
    it, when that word takes the article (:func:`takes_article`) and the text around the token
    (:data:`_ARTICLE_WINDOW` characters each way) shows English's markers
    (:func:`._language.decided_language`; not a short record of another language, which the document's
    language would take for English): ``fora new`` is ``for a new``; the Portuguese ``fora de`` and the
    Polish ``ona jest`` stay.

    >>> text = "He had come fora new life, fora de casa."
    >>> article_reading(Splitter(), "fora", text.index("fora"), DocumentWords(text))
    (('for', 'a'), 'new')
    >>> article_reading(Splitter(), "fora", text.rindex("fora"), DocumentWords(text)) is None
    True
    >>> article_reading(Splitter(), "ona", 0, DocumentWords("ona jest piękna")) is None
    True
    """
    parts = ARTICLE_GLUE.get(token)
    if parts is None or splitter.language != "en":
        return None
    after = _NEXT_WORD.match(document.text, start + len(token))
    if after is None or not takes_article(splitter, after.group(1)):
        return None
    around = document.text[max(0, start - _ARTICLE_WINDOW) : start + len(token) + _ARTICLE_WINDOW]
    if decided_language(around, "en") != "en":
        return None
    return parts, after.group(1)


# How far each way from article glue its text is read for the markers of English: a sentence or two.
_ARTICLE_WINDOW = 200


# What an article may stand before with a vowel first: the sound of "you" ("a union", "a useful", "a
# European"); not the negative prefix "un-" before a word ("an unintended", "an unimportant").
_VOWEL_AFTER_A = ("uni", "use", "usu", "uti", "eu")
# ... and words whose "h" is silent, which take "an" ("an hour", "an honest").
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")
# Function words that take the article "a" before them: "for a few", "to a very", "and a half".
_AFTER_ARTICLE = frozenset(
    "few half hundred thousand very while more most rather second still near dozen".split()  # noqa: SIM905
)
# Prepositions that the function words leave out, which no article stands before: "hacker fora like
# Slashdot" (the plural of "forum").
_NO_ARTICLE_PREPOSITIONS = frozenset({"like", "unlike", "per", "plus", "versus", "via"})
# How common in English a word after the article must be: "bunch" 4.3, "tty" 2.6 (left); one of three
# letters, which the spelling dictionary does not list, as common as "leg" (4.7) or "bit" (5.0).
_AFTER_ARTICLE_ZIPF = 3.0
_SHORT_AFTER_ARTICLE_ZIPF = 4.0


def takes_article(splitter: Splitter, word: str) -> bool:
    """Whether the lowercase ``word`` reads after the article ``a``: a word of three letters or more that
    starts with a consonant's sound (no ``a apple``, ``a hour``), no function word but those that take
    an article (``a few``, ``a very``) and no preposition (``fora like``), and a common English word:
    listed by the English dictionary and of Zipf :data:`_AFTER_ARTICLE_ZIPF` or more, or of three
    letters and of Zipf :data:`_SHORT_AFTER_ARTICLE_ZIPF` (not Spanish ``muy``, 2.9 in English).

    >>> [takes_article(Splitter(), word) for word in ("new", "few", "apple", "the", "de", "muy", "union")]
    [True, True, False, False, False, False, True]
    >>> takes_article(Splitter(), "unintended"), takes_article(Splitter(), "hour")
    (False, False)
    """
    if len(word) < 3 or (word[0] in "aeiou" and not word.startswith(_VOWEL_AFTER_A)):
        return False
    if word.startswith(_SILENT_H) or (word.startswith("un") and _negated_word(word[2:])):
        return False
    if (splitter.function_word(word) and word not in _AFTER_ARTICLE) or word in _NO_ARTICLE_PREPOSITIONS:
        return False
    if len(word) == 3:
        return zipf(word, "en") >= _SHORT_AFTER_ARTICLE_ZIPF
    return zipf(word, "en") >= _AFTER_ARTICLE_ZIPF and word in english_dictionary()


def _negated_word(rest: str) -> bool:
    """Whether ``rest``, what follows ``un`` at a word's start, is a word of five letters or more that
    the English dictionary lists: the prefix ``un-`` (``unintended``: an article ``an``), not ``union``,
    ``universal``."""
    return len(rest) >= 5 and rest in english_dictionary()


# A determiner that opens the subject of a clause ("This study aimed to", "the mice showed no")...
_SUBJECT_OPENERS = frozenset(
    "the this that these those our their its his her my your each every both".split()  # noqa: SIM905
)
# Those of them that take a singular noun only: after them a word in -s glued to a noun that ends in no
# s is a verb in the present ("This studyaims to"), never a plural ("these bloodcells").
_SINGULAR_OPENERS = frozenset({"this", "each", "every"})
# ... and what a verb takes right after it (an object's determiner, "to", "that", a
# preposition), but no compound adjective made with a participle does: that stands before its noun
# ("the userdefined function", "the rainsoaked streets") or before "and" ("the handpicked and washed").
_AFTER_VERB = frozenset(
    "to that whether how the a an no its their our his her this these those in on at by with from for"  # noqa: SIM905
    " into among between during after within across over under".split()
)
# What follows the pronoun "I" at the start of a clause: its verbs and the adverbs before them.
_AFTER_I_CLAUSE = frozenset(
    "am was have had think thought know knew can could will would should must might did do feel felt"  # noqa: SIM905
    " guess mean want need hope believe said see saw got get like love just also really never always"
    " still probably".split()
)
# A verb in the past is at least this common ("aimed" 3.6, "examined" 3.8, "showed" 4.6).
_PAST_VERB_ZIPF = 3.3


def subject_and_verb(
    splitter: Splitter, token: str, start: int, document: DocumentWords
) -> tuple[str, str] | None:
    """A noun and a verb glued where a clause starts: a determiner before the token and, after it, what
    a verb takes (``This studyaimed to assess``, ``the miceshowed no``, ``the studyconducted in``), in
    a token wordfreq does not know that two content words spell (:func:`content_cuts`). The verb is in
    the past (:func:`is_past_verb`), or in the present after ``this``, ``each`` or ``every``
    (:func:`is_present_verb`: ``This reviewaims to``). A compound adjective made with a participle
    never stands there: it comes before its noun (``the userdefined function``).

    >>> text = "This studyaimed to assess the drug."
    >>> subject_and_verb(Splitter(), "studyaimed", 5, DocumentWords(text))
    ('study', 'aimed')
    >>> text = "The userdefined function runs."
    >>> subject_and_verb(Splitter(), "userdefined", 4, DocumentWords(text))
    """
    cuts = content_cuts(splitter, token)
    if not cuts or is_inflection_of_known(token):
        return None
    text = document.text
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    after = _NEXT_WORD.match(text, start + len(token))
    if before is None or after is None:
        return None
    if before.group(1).lower() not in _SUBJECT_OPENERS or after.group(1) not in _AFTER_VERB:
        return None
    singular = before.group(1).lower() in _SINGULAR_OPENERS
    for left, right in cuts:
        if left.endswith(("ed", "ing", "ly")) or is_adjective(left):
            continue
        if is_past_verb(right) or (singular and not left.endswith("s") and is_present_verb(right)):
            return left, right
    return None


def is_present_verb(word: str) -> bool:
    """Whether ``word`` may be a common verb in the third person: ``-s`` or ``-es`` on a word wordfreq
    knows at least as well (``aims``, ``describes``, ``focuses``); not ``lens``, ``status``, ``analysis``.
    Only after a determiner that takes a singular noun (``This studyaims to``) is it read so: there a
    plural noun cannot stand (``the bloodcells that`` is two nouns glued, no verb).

    >>> is_present_verb("aims"), is_present_verb("focuses"), is_present_verb("status")
    (True, True, False)
    """
    if not word.endswith("s") or word.endswith(("ss", "us", "is")) or zipf(word, "en") < _PAST_VERB_ZIPF:
        return False
    stems = [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    return any(len(stem) >= 3 and zipf(stem, "en") >= _PAST_VERB_ZIPF for stem in stems)


def is_inflection_of_known(token: str) -> bool:
    """Whether ``token`` less an ending of a verb (``-s``, ``-es``, ``-ed``, ``-d``) is an English word
    wordfreq knows: then it is that word inflected (``prepends``: ``prepend``), not two words glued.

    >>> is_inflection_of_known("prepends"), is_inflection_of_known("studyaimed")
    (True, False)
    """
    stems = [token[:-1]] if token.endswith("s") else []
    if token.endswith(("es", "ed")):
        stems.append(token[:-2])
    if token.endswith("ed"):
        stems.append(token[:-1])
    return any(zipf(stem, "en") > 0.0 for stem in stems)


def is_past_verb(word: str) -> bool:
    """Whether ``word`` is a common verb in the past: ``-ed`` on a verb wordfreq knows at least as well
    (``aimed``: ``aim``, ``used``: ``use``, ``dropped``: ``drop``); not ``speed``, ``seed``, ``red``.

    >>> is_past_verb("aimed"), is_past_verb("dropped"), is_past_verb("speed"), is_past_verb("bed")
    (True, True, False, False)
    """
    if not word.endswith("ed") or zipf(word, "en") < _PAST_VERB_ZIPF:
        return False
    body = word[:-2]
    stems = [body, body + "e"]
    if len(body) >= 3 and body[-1] == body[-2]:
        stems.append(body[:-1])  # "dropped": "drop"
    return any(len(stem) >= 3 and zipf(stem, "en") >= _PAST_VERB_ZIPF for stem in stems)


def _extra_repair(
    splitter: Splitter,
    token: str,
    start: int,
    extra: tuple[tuple[str, ...], float],
    model: CorpusModel | None,
) -> Repair:
    """The split of :func:`extra_split`: two content words of the pair table, or the article ``a``."""
    parts, pairs = extra
    if pairs:
        reason = (
            f"{token!r} (unknown to wordfreq) read as {' '.join(parts)!r}: two words that WordNet puts"
            f" side by side {pairs:.0f} times"
        )
    else:
        reason = (
            f"{token!r} (unknown to wordfreq) read as {' '.join(parts)!r}: the article {parts[0]!r} glued on"
        )
    evidence = {
        "joined_zipf": 0.0,
        "pair_table": pairs,
        "parts": float(len(parts)),
        "confidence": confidence(min(3.0, pairs / 4) if pairs else 1.0),
    }
    return _evidenced_split(token, start, parts, reason, evidence, model)


# The longest document, in characters (about 10,000 words), in which a compound written apart elsewhere
# is evidence that the token glued is damage: in a longer one (a change log, a manual, a book) the
# writers spell a compound both ways ("testsuite", "test suite"). 60,000 kept all but 7 of the dev
# split's 10,000 joins and took 58 of 160 words changed in the READMEs and NEWS files of a Debian
# machine's /usr/share/doc, 9 of 28 in npm packages' change logs.
_APART_DOCUMENT = 60_000


def written_apart(
    splitter: Splitter, token: str, start: int, document: DocumentWords
) -> tuple[str, str] | None:
    """The two content words an English ``token`` unknown to wordfreq spells that the same document
    writes side by side elsewhere, but not near it: ``oilprices`` in a text that also says ``oil
    prices``. Not a token the document writes twice (a name of its own), nor an inflection of a word
    it uses (``zipfiles`` beside ``zipfile``), nor in a document longer than :data:`_APART_DOCUMENT`.

    >>> text = "Oil prices rose in May, the ministry said in its monthly report. Later the oilprices fell."
    >>> written_apart(Splitter(), "oilprices", text.index("oilprices"), DocumentWords(text))
    ('oil', 'prices')
    """
    if len(document.text) > _APART_DOCUMENT:
        return None  # a change log, a manual: its writers spell a compound both ways ("testsuite")
    cuts = content_cuts(splitter, token)
    if not cuts:
        return None
    found = [cut for cut in cuts if document.writes_apart(*cut)]
    if len(found) != 1 or document.written_again(token):
        return None  # two readings, or a term the document spells twice in any case ("TIMETRACKS")
    if spells_both_near(document.text, token, start, found[0]):
        return None  # "A stack trace, or stacktrace": the writer gives both spellings
    if is_inflection_of_used(token, document):
        return None  # "zipfiles" in a text that writes "zipfile"
    return found[0]


# How near a glued token the pair written apart shows a writer's choice of spellings rather than damage
# ("A stack trace, or stacktrace", "a heat pipe, and each heatpipe", "the lock file path: lockfile"):
# characters on each side, about a sentence.
_VARIANT_REACH = 60


def spells_both_near(text: str, token: str, start: int, parts: tuple[str, str]) -> bool:
    """Whether ``text`` writes ``parts`` side by side within ``_VARIANT_REACH`` characters of the
    ``token`` at ``start``: the writer's two spellings of one term, not damage.

    >>> spells_both_near("A stack trace, or stacktrace.", "stacktrace", 18, ("stack", "trace"))
    True
    """
    near = text[max(0, start - _VARIANT_REACH) : start + len(token) + _VARIANT_REACH].lower()
    return re.search(rf"\b{re.escape(parts[0])}\s+{re.escape(parts[1])}\b", near) is not None


# Endings of an inflected word whose stem a document may use on its own ("zipfiles", "zipfile").
_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers")


def is_own_term(token: str, document: DocumentWords) -> bool:
    """Whether the document shows ``token`` to be a term of its own: it writes it twice in any case
    (``Brightmail … brightmail``), or with and without an ending (``clientsocket … clientsockets``):
    damage glues no pair twice, nor in two forms.

    >>> text = DocumentWords("handle clientsocket, then all clientsockets")
    >>> is_own_term("clientsockets", text), is_own_term("clientsocket", text)
    (True, True)
    """
    return (
        document.written_again(token)
        or is_inflection_of_used(token, document)
        or any(document.uses(token + ending) for ending in ("s", "es"))
    )


def is_inflection_of_used(token: str, document: DocumentWords) -> bool:
    """Whether ``token`` is an inflection of a word the document uses on its own: ``zipfiles`` in a
    text that also writes ``zipfile``.

    >>> is_inflection_of_used("zipfiles", DocumentWords("the zipfile module reads zipfiles"))
    True
    """
    return any(
        token.endswith(ending) and document.uses(token[: -len(ending)])
        for ending in _ENDINGS
        if len(token) - len(ending) >= 4
    )


def _junk_repair(
    splitter: Splitter,
    token: str,
    start: int,
    junk: tuple[tuple[str, str], float],
    model: CorpusModel | None,
) -> Repair:
    """The split of :func:`junk_split`: a function word and a common word, glued into scraper junk."""
    parts, odds = junk
    joined = zipf(token, splitter.language)
    reason = (
        f"{token!r} (zipf {joined:.1f}, known only as junk) read as {' '.join(parts)!r}: the two words side"
        f" by side are {odds:.1f} Zipf units likelier than the glued form"
    )
    evidence = {"joined_zipf": joined, "odds": odds, "parts": 2.0, "confidence": confidence(odds - 2.5)}
    return _evidenced_split(token, start, parts, reason, evidence, model)


def _bound_repair(
    token: str, start: int, bound: tuple[tuple[str, str], float], model: CorpusModel | None
) -> Repair:
    """The split of :func:`bound_split`: a known word and a function word that starts phrases before it
    or ends them after it, in a token no word list has."""
    parts, word_zipf = bound
    leading = leads_bound(parts)
    function, word = parts if leading else parts[::-1]
    position = "starts" if leading else "ends"
    why = f"{function!r} {position} phrases, {word!r} is a word, and no word list has the token"
    return _known_word_repair(token, start, parts, word_zipf, why, _BOUND_CONFIDENT_ZIPF, model)


#: Why a reading of the words' shapes splits a token, by kind (``{0}`` and ``{1}``: the two words).
_SHAPE_REASONS = {
    "modifier": "{0!r} is an adverb or adjective made with an ending, which starts no closed compound",
    "inflected": "{0!r} is a plural or a verb in -s, which starts no closed compound but with a linking s",
    "adverb": "{1!r} is an adverb made with -ly, which ends no closed compound",
    "adjective": "{0!r} is an adjective and no noun, which starts no closed compound wordfreq would not know",
    "long": "{0!r} and {1!r} are words of six letters or more, which English closes up in no compound"
    " wordfreq would not know",
    "pronoun": "{0!r} is the pronoun I in lowercase, and {1!r} a word that follows it in a clause",
    "pronoun after": "{1!r} is the pronoun I in lowercase glued after {0!r}, before a word that follows"
    " the pronoun in a clause",
    "participle": "{0!r} is a participle, and {1!r} a word that follows a verb (its object or particle),"
    " which ends no closed compound after one",
    "led participle": "{1!r} is a participle after {0!r}, a function word that stands before one and"
    " makes no closed compound with it that wordfreq would not know",
    "s-form": "{0!r} is a plural or a verb in -s, and {1!r} a word that follows a noun or a verb (an"
    " object, a preposition, a particle), which ends no closed compound after one",
    "verb": "{1!r} is a verb after a noun that a determiner opens, before what a verb takes, where no"
    " compound adjective stands",
}


def _shape_repair(
    kind: str, token: str, start: int, reading: tuple[tuple[str, str], float], model: CorpusModel | None
) -> Repair:
    """The split of :func:`modifier_split`, :func:`inflected_split` or :func:`adverb_split`: two
    common words, one of whose shape says it starts or ends no closed compound."""
    parts, sides = reading
    why = _SHAPE_REASONS[kind].format(*parts)
    return _known_word_repair(token, start, parts, sides, why, _MODIFIER_CONFIDENT_ZIPF, model)


def _known_word_repair(
    token: str,
    start: int,
    parts: tuple[str, str],
    side_zipf: float,
    why: str,
    sure_at: float,
    model: CorpusModel | None,
) -> Repair:
    """The split of a token wordfreq does not know into two words whose shape says glue (``why``); the
    split is sure from ``sure_at`` Zipf of the rarer word it vouches for (``side_zipf``)."""
    reason = f"{token!r} (unknown to wordfreq) read as {' '.join(parts)!r}: {why} (zipf {side_zipf:.1f})"
    evidence = {
        "joined_zipf": 0.0,
        "side_zipf": side_zipf,
        "parts": 2.0,
        "confidence": confidence(side_zipf - sure_at),
    }
    return _evidenced_split(token, start, parts, reason, evidence, model)


def _book_repair(
    token: str, start: int, reading: tuple[tuple[str, str], float], model: CorpusModel | None
) -> Repair:
    """The split of :func:`book_pair_split`: two words that books write apart."""
    parts, count = reading
    reason = (
        f"{token!r} (unknown to wordfreq) read as {' '.join(parts)!r}: public-domain books write"
        f" {' '.join(parts)!r} {count:.0f} times"
    )
    evidence = {
        "joined_zipf": 0.0,
        "book_pairs": count,
        "parts": 2.0,
        "confidence": confidence(math.log2(count / BOOK_PAIR_MIN)),  # sure at 8x the table's floor
    }
    return _evidenced_split(token, start, parts, reason, evidence, model)


def _apart_repair(
    splitter: Splitter, token: str, start: int, parts: tuple[str, str], model: CorpusModel | None
) -> Repair:
    """The split of :func:`written_apart`: two content words the document writes side by side."""
    reason = (
        f"{token!r} (unknown to wordfreq) read as {' '.join(parts)!r}: the document writes"
        f" {' '.join(parts)!r} elsewhere"
    )
    sides = min(zipf(part, splitter.language) for part in parts)
    evidence = {
        "joined_zipf": 0.0,
        "written_apart": 1.0,
        "side_zipf": sides,
        "parts": 2.0,
        "confidence": confidence(sides - 2.5),  # 2.5: the floor of content_cuts' parts
    }
    return _evidenced_split(token, start, parts, reason, evidence, model)


def _evidenced_split(
    token: str,
    start: int,
    parts: tuple[str, ...],
    reason: str,
    evidence: dict[str, float],
    model: CorpusModel | None,
) -> Repair:
    """:func:`_split_at`, with the fitted corpus's counts for the token and its parts added to
    ``evidence`` when there is a model."""
    if model is not None:
        evidence.update(corpus_evidence(model, token, parts))
    return _split_at(token, start, parts, reason, evidence)


def corpus_repair(
    splitter: Splitter, model: CorpusModel, token: str, start: int, document: DocumentWords, line: str
) -> Repair | None:
    """The split the fitted corpus reads in ``token`` when the rules alone leave it whole: two words the
    corpus puts side by side far more often than it writes them glued (``twelveyears``), two common
    words glued on a line that ends many of its documents (a template's ``relatedarticles``), or two
    common words it uses that make few compounds, in a token it never saw (``studyaims``,
    :func:`corpus_content_split`), where no term or name of code stands (:func:`stands_apart`)."""
    if document.code_near(start, len(token)):
        return None
    found = corpus_split(splitter, model, token)
    content = None if found is not None else corpus_content_split(splitter, model, token)
    if content is not None and not stands_apart(splitter, token, content[0], start, document):
        parts = content[0]
        heads, tails = compound_parts(splitter.language)
        reason = (
            f"{token!r} read as {' '.join(parts)!r}: the fitted corpus never has {token!r} and uses both"
            f" words, which start or end few compounds"
        )
        evidence = {
            "joined_zipf": zipf(token, splitter.language),
            "part_zipf": content[1],
            "left_compounds": float(heads.get(parts[0], 0)),
            "right_compounds": float(tails.get(parts[1], 0)),
            **corpus_evidence(model, token, parts),
            "confidence": confidence(content[1] - CONTENT_PART_ZIPF),
        }
        return _split_at(token, start, parts, reason, evidence)
    if found is not None:
        parts, pairs = found
        reason = (
            f"{token!r} read as {' '.join(parts)!r}: the fitted corpus has {' '.join(parts)!r} {pairs} times"
            f" and {token!r} {model.count(token)} times"
        )
    elif is_template_line(model, line) and not splitter.plainly_whole(token):
        hopeful = hopeful_split(splitter, token)
        if (
            hopeful is None
            or len(hopeful[0]) != 2
            or not all(zipf(part, splitter.language) >= splitter.min_zipf for part in hopeful[0])
        ):
            return None
        parts = (hopeful[0][0], hopeful[0][1])
        reason = (
            f"{token!r} read as {' '.join(parts)!r}: it stands on a line that ends"
            f" {model.tail_count(line)} documents of the fitted corpus (a template), both parts common words"
        )
    else:
        return None
    evidence = {
        "joined_zipf": zipf(token, splitter.language),
        **corpus_evidence(model, token, parts),
        "confidence": confidence(min(3.0, model.pair(*parts) / max(1, model.count(token)) / 10)),
    }
    return _split_at(token, start, parts, reason, evidence)


def _split_at(
    token: str, start: int, parts: tuple[str, ...], reason: str, evidence: Mapping[str, float]
) -> Repair:
    cuts = [start + sum(len(part) for part in parts[: index + 1]) for index in range(len(parts) - 1)]
    return Repair(tuple(Edit(cut, cut, " ", reason, "words/glued", dict(evidence)) for cut in cuts), parts)


def glued_split(
    splitter: Splitter, token: str, document: DocumentWords
) -> tuple[tuple[str, ...], float] | None:
    """The best split of ``token`` by frequencies alone, or else with the long parts the document uses."""
    split = static_split(splitter, token)
    if split is None and hopeful_split(splitter, token) is not None:
        vouched = document.used(long_parts(splitter, token))
        if vouched:
            split = vouched_split(splitter, token, vouched)
    return split


def is_glued_reading(splitter: Splitter, token: str, parts: tuple[str, ...]) -> bool:
    """Whether ``parts`` may be read for ``token``: a function word among them (and, in three parts or
    more, last: ``out of the``, not ``his to scores`` nor ``general is ability``), and ``token`` no word
    of a neighbouring language (``canto``), no inflected word (``togas``), no entity remnant
    (``andamp``) and no dropped ``g`` (``readin``)."""
    return not splitter.foreign(token) and reads_as_glue(splitter, token, parts)


def reads_as_glue(splitter: Splitter, token: str, parts: tuple[str, ...]) -> bool:
    """:func:`is_glued_reading` but for the words of other languages: whether ``parts`` hold a function
    word where glue puts one and ``token`` is no inflected word, entity remnant or dropped ``g``."""
    return (
        splitter.has_function_word(parts)
        and (len(parts) == 2 or splitter.function_word(parts[-1]))
        and not article_after_determiner(parts)
        and not splitter.inflected(token)
        and not is_entity_remnant(token)
        and not dropped_g(parts, splitter.language)
    )


# A word beside a word of another language that may be English glue (``FOREIGN_GLUE_ZIPF``) is English
# when it is this common in English...
_ENGLISH_NEIGHBOUR_ZIPF = 3.0
# ... and at most this much rarer there than in any neighbouring language ("in" 7.3 in English and in
# Dutch; not "la", "de", "qui", "gracias", 2 units or more commoner in French or Spanish).
_NEIGHBOUR_MARGIN = 1.0
# The word before a token, a comma or a colon between them or none ("Slashdotted, soit"); the word
# after it, or a mark that ends the clause there ("toit.", "aboutit.)"), when only the word before speaks.
_NEIGHBOUR_BEFORE = re.compile(r"([A-Za-z]+)[,;:]?[ \t]+$")
_NEIGHBOUR_AFTER = re.compile(r"[ \t]+([A-Za-z]+)|[.,;:!?)\]]")
# How far before a token the word before it is looked for (a longer word is cut there).
_NEIGHBOUR_REACH = 64
# ... and how common in English the word before must be where no word follows in the clause.
_LONE_NEIGHBOUR_ZIPF = 4.0


def foreign_word_glued(
    splitter: Splitter, token: str, parts: tuple[str, ...], start: int, document: DocumentWords
) -> bool:
    """Whether ``token``, a common word of a neighbouring language that English hardly knows
    (:meth:`Splitter.may_be_english_glue`), is English glue here (``parts`` read as glue:
    :func:`reads_as_glue`): the words right before and after it are English words
    (:func:`is_english_neighbour`) and the text around it (:data:`_ARTICLE_WINDOW` characters each
    way) shows English's markers. A French or Spanish phrase quoted in English keeps its words, whose
    neighbours are of its own language.

    >>> text = "It brought the industry toits knees within a year, and the firm closed."
    >>> foreign_word_glued(Splitter(), "toits", ("to", "its"), text.index("toits"), DocumentWords(text))
    True
    >>> text = "Their motto, honi soit qui mal y pense, is carved above the door of the hall."
    >>> foreign_word_glued(Splitter(), "soit", ("so", "it"), text.index("soit"), DocumentWords(text))
    False
    """
    if (
        splitter.language != "en"
        or len(parts) != 2
        or zipf(token, "en") >= FOREIGN_GLUE_ZIPF
        or min(zipf(part, "en") for part in parts) < FOREIGN_GLUE_PART_ZIPF
        or not reads_as_glue(splitter, token, parts)
    ):
        return False
    text = document.text
    before = _NEIGHBOUR_BEFORE.search(text, max(0, start - _NEIGHBOUR_REACH), start)
    after = _NEIGHBOUR_AFTER.match(text, start + len(token))
    if before is None or after is None or not is_english_neighbour(before.group(1).lower()):
        return False
    if after.group(1) is None:
        # only the word before speaks: a common one ("worry aboutit.)"; not "bona robas;" in Henry IV)
        if zipf(before.group(1).lower(), "en") < _LONE_NEIGHBOUR_ZIPF:
            return False
    elif not is_english_neighbour(after.group(1).lower()):
        return False
    around = text[max(0, start - _ARTICLE_WINDOW) : start + len(token) + _ARTICLE_WINDOW]
    return decided_language(around, "en") == "en"


def is_english_neighbour(word: str) -> bool:
    """Whether the lowercase ``word`` is a common English word (:data:`_ENGLISH_NEIGHBOUR_ZIPF`) no
    neighbouring language uses far more (:data:`_NEIGHBOUR_MARGIN`).

    >>> [is_english_neighbour(word) for word in ("knees", "in", "qui", "la", "gracias")]
    [True, True, False, False, False]
    """
    english = zipf(word, "en")
    # the neighbours' Zipf from wordfreq's small lists, which the test of foreign words reads anyway
    # (their large lists of five languages would take a second and 100 MB to load)
    abroad = foreign_zipfs("en").get(word, 0.0)
    return english >= _ENGLISH_NEIGHBOUR_ZIPF and abroad - english <= _NEIGHBOUR_MARGIN


# The word after a token (or a mark that ends the clause there), in any letters: "que asan carne",
# "para que otros hereden.", "Questa topica e' utopica".
_ANY_WORD_AFTER = regex.compile(r"[ \t]+(\p{L}+)|[.,;:!?)\]'\"]")


def between_foreign_words(text: str, start: int, end: int) -> bool:
    """Whether the words right before and after ``text[start:end]`` are words of a neighbouring language
    that English hardly uses (:func:`is_foreign_neighbour`), or, where the clause ends after the token,
    the two words before it are: a short record of Spanish or Italian (a proverb, a quote, a comment)
    shows too few markers to be told from English, but its rarer words (``asan``, ``hereden``,
    ``accordare``) stand among its common ones. One such word before a token at the end of a clause
    says nothing (``granules ofsporozoites.``: "granules" is French too).

    >>> between_foreign_words("¡Abre el ojo; que asan carne!", 18, 22)
    True
    >>> text = "He said gracias tothe waiter."
    >>> between_foreign_words(text, 16, 21), between_foreign_words("Para que otros hereden.", 15, 22)
    (False, True)
    >>> between_foreign_words("the dense granules ofsporozoites.", 19, 32)
    False
    """
    before = word_before(text, start)
    if before is None or not is_foreign_neighbour(before[0]):
        return False
    after = _ANY_WORD_AFTER.match(text, end)
    if after is None:
        return False
    if after.group(1) is None:
        earlier = word_before(text, before[1])
        return earlier is not None and is_foreign_neighbour(earlier[0])
    return is_foreign_neighbour(after.group(1))


def word_before(text: str, end: int) -> tuple[str, int] | None:
    """The word of letters that ends before ``end`` (spaces or tabs between, and a ``,``, ``;`` or ``:``
    after the word or none), and where it starts; at most :data:`_NEIGHBOUR_REACH` letters are read.
    Read back character by character: a pattern searched for before ``end`` would try every position.

    >>> word_before("que asan", 4), word_before("hace, aplace", 6), word_before("x(asan", 2)
    (('que', 0), ('hace', 0), None)
    """
    cut = end
    while cut > 0 and text[cut - 1] in " \t":
        cut -= 1
    if cut == end:
        return None
    if cut > 0 and text[cut - 1] in ",;:":
        cut -= 1
    first = cut
    while first > max(0, cut - _NEIGHBOUR_REACH) and text[first - 1].isalpha():
        first -= 1
    return (text[first:cut], first) if first < cut else None


def is_foreign_neighbour(word: str) -> bool:
    """Whether ``word`` is a common word of a neighbouring language (``que``, ``il``, ``otros``) that is
    no English neighbour (:func:`is_english_neighbour`): ``la`` and ``de``, not ``in``. A capitalised
    one must be as common there as a marker (:data:`_CAPITALISED_FOREIGN_ZIPF`: ``Quien``, ``Questa``
    open sentences): a name says nothing of the language around it (``Salvador Dali``).

    >>> [is_foreign_neighbour(word) for word in ("que", "il", "in", "knees", "xyzzy", "Quien", "Dali")]
    [True, True, False, False, False, True, False]
    """
    lower = word.lower()
    abroad = foreign_zipfs("en").get(lower, 0.0)
    if not abroad or is_english_neighbour(lower):
        return False
    return word == lower or abroad >= _CAPITALISED_FOREIGN_ZIPF


# How common a capitalised word must be in a neighbouring language to say that the text is in it.
_CAPITALISED_FOREIGN_ZIPF = 5.0


# A token wordfreq knows this well, split into a content word and a function word, is a derived word:
# "bethink" (1.5), "belike", "seethe", "accessor", "readonly" (while glue of function words alone such
# as "ofthe" or "andthe" stays damage). At 1.0 it also kept junk that wordfreq saw glued ("agood" 1.7
# is kept either way): 1.5 points of recall lost on the dev splits for one false change fewer.
_DERIVED_ZIPF = 1.5


def heads_a_family(splitter: Splitter, parts: tuple[str, ...], start: int, document: DocumentWords) -> bool:
    """Whether the first of ``parts``, a content word of four letters or more, starts at least
    :data:`_FAMILY` of the glued candidates within :data:`_FAMILY_REACH` characters of ``start``, each
    going on with no function word: a family of names made on one word (tmux's ``brightred,
    brightgreen, brightyellow``, bash's ``ignoreboth``, ``ignorespace``, ``ignoredups``), not glue,
    which seldom joins one content word to three others in a few lines (``functionthat``,
    ``functionis``, ``functionreturns`` glue it to function words too). Function words start glue that
    often (``ofthe``, ``ofhis``, ``ofa``): they are no such sign.

    >>> text = "colours: brightred, brightgreen, brightyellow"
    >>> document = DocumentWords(text)
    >>> document.candidate_starts = (9, 20, 33)
    >>> document.candidate_tokens = ("brightred", "brightgreen", "brightyellow")
    >>> heads_a_family(Splitter(), ("bright", "red"), 9, document)
    True
    """
    head = parts[0]
    if len(head) < 4 or splitter.function_word(head):
        return False
    size = len(head)
    family = [
        token
        for token in document.candidates_near(start, _FAMILY_REACH)
        if len(token) >= size + 3 and token.startswith(head) and not splitter.function_word(token[size:])
    ]
    return len(family) >= _FAMILY


# How many glued candidates one content word must start, and how near one another, to make them a
# family of names.
_FAMILY = 3
_FAMILY_REACH = 300
# Prefixes that make English words and are none themselves: a split never ends one ("non existed"). Not
# even "sub", a clipped word too ("a sub"), which glue hardly ever ends ("subsecond", "subtargets";
# no dev join lost).
_BOUND_PREFIXES = frozenset(
    "non pre anti semi multi mis pseudo inter intra trans ultra micro macro quasi proto neo sub".split()  # noqa: SIM905
)
# Nouns after a name of code: "the timeit module", "basic accessor methods", "the className attribute";
# after a program's name: "the whereis utility", "the killall manpage" (fortune's cookies; not "binary"
# or "manual", adjectives too: "an integerin binary", "youchoose manual partitioning").
_CODE_NOUNS = frozenset(
    "module modules function functions method methods class classes package packages command commands"  # noqa: SIM905
    " option options attribute attributes keyword keywords parameter parameters flag flags import struct"
    " structs exception exceptions column columns field fields argument arguments lookup lookups filter"
    " filters tag tags token tokens variable variables setting settings directive directives macro"
    " macros property properties manpage manpages utility utilities daemon daemons executable"
    " executables".split()
)
# ... and two words that name a program's page: "the killall manual page", "the whatis man pages".
_MANUAL_PAGE = re.compile(r"[ \t]+(?:manual|man)[ \t]+pages?\b")
# A word beside a bound function word (``bound_split``) this common makes its split a sure one; so does
# the rarer of a modifier and its word (``modifier_split``) at this.
_BOUND_CONFIDENT_ZIPF = 2.5
_MODIFIER_CONFIDENT_ZIPF = 3.0
# A split with one of these reads as a phrase before a noun of code, not as a name: a determiner or a
# conjunction ("the calling function", "an extension module", "and flexible option"), a form of "be", a
# modal verb, or a preposition or quantifier that names do not take ("be useful functions", "was highly
# variable", "afterwards byseveral methods"). Names take "is", "has", "get", "to", "by", "of", "with":
# ``isclosed``, ``groupby``, ``typeof``, ``startswith``.
_PHRASE_WORDS = frozenset(
    "a an the and or but your my his her its our their this that these those"  # noqa: SIM905
    " be been being was were would could should might must several other against among upon within"
    " without than".split()
)
# How far from a token its neighbouring words are looked for (a longer word is cut there).
_WORD_REACH = 256
# Code signs beside a token, touching it or in a word of signs alone: "=", "==", a call's "f(", "::",
# "->", "{", backticks, a final ";".
_CODE_SIGN = re.compile(r"[{}=<>`]|::|->|\w\(|;$")
# A word that stands before a token as code stands before a name: an operator alone (``=``, ``==``,
# ``>``, ``+=``), or a word that ends in one or in an opening bracket or backtick (``x=``, ``f(``,
# ``a::``, ``p->``). A call or a tag named in prose a word away ends otherwise (``Py_Initialize(),``,
# ``Co>``): it says nothing of the token.
_OPERATOR = re.compile(r"(?:[=!<>+*/%&|^:-]?=|==|<|>|->|::|&&|\|\||[+*/%])")
_OPENS_ONTO = re.compile(r"(?:=|->|::|[(\[{`])$")
# ... and after it: an operator alone, or a word that starts with a closing bracket, a backtick, an
# operator or a lone ";" (``usedfor == 3``, ``usedfor)``, ``usedfor;``), not ``malloc()`` named next.
_CLOSES_ONTO = re.compile(r"(?:[)\]}`;]|=|->|::|\.\w)")
_AN_BEFORE = "aeiouh"  # "an apple", "an hour"; never "an serine"
# A bracket and the one that closes it round a name: (nolinkage), `init`, *quotea* (a Vim help file's
# tag, a term set in emphasis); quotes hold prose too.
_CLOSERS = {"(": ")", "[": "]", "`": "`", "*": "*"}
# ... but a token in straight quotes right before one of these is a string literal of code ('mykey',).
_AFTER_LITERAL = frozenset({",", ")", "]", "}", ":"})
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
# Function words that take a clitic 's ("it's", "that's", "there's", "let's", "one's"): after one, a
# split's 's is no possessive on a function word ("classit's" -> "class it's").
_TAKES_S = frozenset(
    "it that he she there here what who where when how this let one everyone everything someone"  # noqa: SIM905
    " something nothing nobody somebody everybody anyone anything".split()
)
# Words no article stands right before: personal and reflexive pronouns, determiners ("a yourself",
# "a the", "a his" are no English), and adverbs of place and relative words ("outa here", "stilla who?"
# in a dialect or a pun are no "out a here", "still a who").
_NO_ARTICLE_BEFORE = frozenset(
    "i me my mine myself you your yours yourself yourselves he him his himself she her hers herself"  # noqa: SIM905
    " it its itself we us our ours ourselves they them their theirs themselves the a an this that these"
    " those here there who whom which where why".split()
)
# A colon right after a token that starts its line names a field (not "::", an rst literal block), as
# does one after a token that an rst field opens (":param name:", ":type name:").
_FIELD_COLON = re.compile(r" ?:(?!:)")
_FIELD_ROLE = re.compile(r"(?:^|\s):[a-z]+ $")
# A bullet and nothing else before a token on its line: "* ispeed: Special" (an index's entry).
_BULLET = re.compile(r"[ \t]*[*+\-\u2022][ \t]+")
# A label ends in ":" right after a word; a line of a program's log holds two or more, the token's own
# among them ("error: checkit: connect1: nextserver: No Razor servers"), a line of prose rarely two.
_LABEL = re.compile(r"\w:(?!\S)")
_LOG_LABELS = 2


def is_derived_word(splitter: Splitter, token: str, parts: tuple[str, ...]) -> bool:
    """Whether ``token`` is a word wordfreq knows (Zipf 1.5 or more) that starts with a word-forming
    prefix (``bethink``, ``belike``) or with a content word before a function word (``accessor``,
    ``readonly``, ``seethe``): not glue that starts with an article or ``to`` (``theworld``, ``ayear``,
    ``tomake``), nor glue of function words alone (``ofthe``, ``andthe``).

    >>> s = Splitter()
    >>> is_derived_word(s, "bethink", ("be", "think")), is_derived_word(s, "andthe", ("and", "the"))
    (True, False)
    """
    first = parts[0]
    return zipf(token, splitter.language) >= _DERIVED_ZIPF and (
        (first in PREFIXES.get(splitter.language, ()) and not all(map(splitter.function_word, parts[1:])))
        or (not splitter.function_word(first) and any(map(splitter.function_word, parts[1:])))
    )


def ends_in_itis(splitter: Splitter, parts: tuple[str, ...]) -> bool:
    """Whether ``parts`` end in ``it is`` after a content word, spelling the ending ``-itis`` (``menu it
    is`` for the Jargon File's ``menuitis``); ``itis`` and ``thatitis`` are still glue.

    >>> s = Splitter()
    >>> ends_in_itis(s, ("menu", "it", "is")), ends_in_itis(s, ("that", "it", "is"))
    (True, False)
    """
    return len(parts) >= 3 and parts[-2:] == ("it", "is") and not splitter.function_word(parts[-3])


# Prefixes that make verbs of verbs ("overread", "underreport", "outbuild"), and how common a word's
# participle must be for the word to be a verb ("reading", "posting"; not "moneying", "lunching").
_VERB_PREFIXES = frozenset({"over", "under", "out"})
# Particles that make verbs too, seen before a past participle or a form in -s only ("upweighted",
# "downsampled", "downweights").
_PARTICLE_PREFIXES = frozenset({"up", "down"})
_PARTICLE_VERB_ENDINGS = ("ed", "s")
_PARTICIPLE_ZIPF = 2.5
# Endings of a verb's forms and of the nouns made of it, which the prefix keeps: "overdamping",
# "overconverges", "underregulated", "overconstruction", "overconvergence" (OpenStax's textbooks).
_VERB_FORM_ENDINGS = ("ing", "ed", "es", "s", "ion", "ence", "ance", "ment")


def is_prefixed_verb(splitter: Splitter, parts: tuple[str, ...]) -> bool:
    """Whether ``parts`` are a prefix that makes verbs and a verb, a form of one or a noun made of one,
    a word made as textbooks, manuals and forums make them (``overread``, ``overallocate``,
    ``overpost``, ``outbuild``, ``overdamping``, ``underregulated``, ``overconstruction``): the
    ``-ing`` form of the second part, or of its stem without such an ending, is a common word. Not the
    preposition glued to a function word or a noun (``overthe``, ``overmoney``).

    >>> is_prefixed_verb(Splitter(), ("over", "read")), is_prefixed_verb(Splitter(), ("over", "money"))
    (True, False)
    >>> is_prefixed_verb(Splitter(), ("under", "regulated")), is_prefixed_verb(Splitter(), ("out", "loud"))
    (True, False)
    >>> is_prefixed_verb(Splitter(), ("up", "weighted")), is_prefixed_verb(Splitter(), ("up", "the"))
    (True, False)
    """
    if len(parts) == 2 and parts[0] in _PARTICLE_PREFIXES and parts[1].endswith(_PARTICLE_VERB_ENDINGS):
        # "upweighted", "downmixed", "downweights": "up" or "down" before a verb's past participle or
        # its form in -s makes a verb, as no phrase puts them ("fed up", "broken down": the particle
        # comes after)
        stem = parts[1].removesuffix("ed") if parts[1].endswith("ed") else parts[1].removesuffix("s")
        return not splitter.function_word(parts[1]) and _has_participle(splitter, stem)
    if len(parts) != 2 or parts[0] not in _VERB_PREFIXES or splitter.function_word(parts[1]):
        return False
    word = parts[1]
    stems = {word} | {word.removesuffix(ending) for ending in _VERB_FORM_ENDINGS if word.endswith(ending)}
    return any(_has_participle(splitter, stem) for stem in stems if len(stem) >= 3)


def _has_participle(splitter: Splitter, verb: str) -> bool:
    participles = {verb + "ing", verb + verb[-1] + "ing", verb.removesuffix("e") + "ing"}
    return any(zipf(participle, splitter.language) >= _PARTICIPLE_ZIPF for participle in participles)


def stands_apart(
    splitter: Splitter, token: str, parts: tuple[str, ...], start: int, document: DocumentWords
) -> bool:
    """Whether ``token`` at ``start`` stands where a term or a name of code stands, not in running
    prose: a term between two-space gaps or a gap and a line end (a glossary's ``noshell  Prevents``,
    a list ``notwork  NP-``), an indented term before its definition (``   hashall Same as -h.``), a
    headword alone on a line above more text, a name alone after bullets or
    a tree's drawing, a field name before a colon (``lineno: the line number``, ``:param name:``, an
    index's ``* ispeed: Special settings``), alone in brackets or
    backticks (``(nolinkage)``), before a noun of code unless a part is a word no name is made of, a
    determiner or a form of "be" (``the timeit module``, not ``writea function``, ``thecalling function``
    nor ``beuseful functions``: ``_PHRASE_WORDS``), beside
    a code sign (``x = usedfor(y)``) or inside a call's parentheses (``f(int howmany)``), in a web
    address after its host (``forum/?fromgroups#!forum``: :meth:`DocumentWords.in_a_url`), alone in a cell of
    a table or in its list of names (:func:`is_table_cell_name`), or hyphenated
    elsewhere in the document (``fallthrough``, ``fall-through``).

    >>> stands_apart(Splitter(), "timeit", ("time", "it"), 8, DocumentWords("see the timeit module"))
    True
    """
    text = document.text
    # What stands before the token on its line, read within _WORD_REACH characters: a megabyte's line
    # of prose with a candidate in each sentence is not copied once per candidate.
    line_begins = document.line_bounds(start)[0]
    before = text[max(line_begins, start - _WORD_REACH) : start]
    after = text[start + len(token) : start + len(token) + 2]
    gap_before, gap_after = before.endswith(("  ", "\t")), after == "  " or after[:1] == "\t"
    line_start, line_end = only_space_between(text, line_begins, start), after[:1] in ("", "\n")
    heading = line_start and after[:1] == "\n"  # a headword on its own line, its text below ("hungus")
    if heading or ((gap_before or line_start) and (gap_after or line_end) and (gap_before or gap_after)):
        return True
    if (
        line_start
        and before
        and _DEFINITION_AFTER.match(text, start + len(token))
        and not any(part in _PHRASE_WORDS for part in parts)
    ):
        return True  # an indented term before its definition: "       hashall Same as -h." (man pages)
    if _FIELD_COLON.match(text, start + len(token)) and (
        line_start or _FIELD_ROLE.search(before[-_WORD_REACH:]) is not None or _BULLET.fullmatch(before)
    ):
        return True  # a field or parameter name: "lineno: the line", "istriad : bool", ":param name:"
    if line_end and not line_start and not any(c.isalnum() for c in before[-_WORD_REACH:]):
        return True  # a name alone after bullets or a tree's drawing: "└── 📄 nestedfile"
    opening, closing = text[start - 1 : start], text[start + len(token) : start + len(token) + 1]
    if bracketed_alone(text, start, start + len(token)):
        return True  # a name bracketed on its own: (nolinkage), `init`
    if (
        opening in ("'", '"')
        and closing == opening
        and text[start + len(token) + 1 : start + len(token) + 2] in _AFTER_LITERAL
    ):
        return True  # a string literal in code: {'mykey': 1}, f('mykey')
    if closing == ":" and is_log_label(document, start):
        return True
    if is_quoted_term(text, start, start + len(token)):
        return True
    if is_listed_with_names(splitter, before, text, start + len(token)):
        return True
    if document.in_an_identifier(token):
        return True  # "bruhat" beside "bruhat_interval": a word the document names things with
    beside = words_beside(before, text, start + len(token))
    if is_named_after(before, beside) and not any(
        splitter.function_word(part) and part not in _POSSESSIVES for part in parts
    ):
        return True  # "a directory named crashdumps", "an app called myapp"; not "called asecond time"
    if is_command_argument(beside):
        return True  # "ln -s afile", "killall $(pidof x)": a command line
    following = _NEXT_WORD.match(text, start + len(token))
    if (
        following is not None
        and (following.group(1) in _CODE_NOUNS or _MANUAL_PAGE.match(text, start + len(token)))
        and not any(part in _PHRASE_WORDS for part in parts)
    ):
        return True
    if document.in_code(start) and (
        beside_code(text, start, start + len(token)) or document.in_arguments(start)
    ):
        return True
    if is_table_cell_name(text, start, start + len(token)):
        return True  # "| Oracle Rules Language | ruleslanguage |": a table's column of names
    if before[-1:].strip() and document.in_a_url(start):
        return True  # "https://groups.google.com/forum/?fromgroups#!forum": a URL's query or fragment
    return document.hyphenates(token)


# A definition's first word after its term: a space, a capital and a lowercase letter ("Same", "Don't").
_DEFINITION_AFTER = re.compile(r" [A-Z][a-z']")


def bracketed_alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all that a pair of brackets, backticks or asterisks holds
    (:data:`_CLOSERS`: ``(nolinkage)``, ``*windowsme*``),
    or all that a C comment holds, a space inside each end at most: a parameter named in a
    prototype (``CARD64 * /*lessthan*/``, ``unsigned long* /* howlong */``).

    >>> bracketed_alone("(nolinkage)", 1, 10), bracketed_alone("r [abTu]", 3, 7)
    (True, True)
    >>> bracketed_alone("(ab c)", 1, 3), bracketed_alone("abTu]", 0, 4)
    (False, False)
    >>> bracketed_alone("int * /* howlong */", 9, 16), bracketed_alone("/* a howlong */", 5, 12)
    (True, False)
    """
    if start > 0 and _CLOSERS.get(text[start - 1]) == text[end : end + 1]:
        return True
    return (
        text.startswith(("*/", " */"), end)
        and _COMMENT_OPENS.search(text, max(0, start - 3), start) is not None
    )


# A C comment's opening, a space after it at most, ending where a token starts (see bracketed_alone).
_COMMENT_OPENS = re.compile(r"/\*[ \t]?\Z")


# Quotation marks and the marks that close them round a term named on its own ("nocase", “wontfix”).
_QUOTE_CLOSERS = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}


def is_quoted_term(text: str, start: int, end: int) -> bool:
    """Whether the token at ``text[start:end]`` is all a quotation holds: a term or a name of code
    mentioned, not used (``the "nocase" collation``, ``tickets closed as “worksforme”``).

    >>> is_quoted_term('the "nocase" collation', 5, 11), is_quoted_term('he said "inthe end"', 9, 14)
    (True, False)
    """
    opening = text[start - 1 : start] if start else ""
    return opening in _QUOTE_CLOSERS and text[end : end + 1] == _QUOTE_CLOSERS[opening]


# Words after which a name follows: "a directory named crashdumps", "an app called myapp", "create
# table mytable", "remove schema mystuff", "use host somehost".
_NAMING_WORDS = frozenset(
    "named called table tables schema tablespace server wrapper database role user host typedef type"  # noqa: SIM905
    " index view column field variable module package class method function option parameter attribute"
    " property argument".split()
)
_LAST_WORD = re.compile(r"(\S+)[ \t]+$")


def ends_with_conjunction(before: str) -> bool:
    """Whether ``before`` ends with "and" or "or" and a space or tab (before a line break that ends it,
    if one does): where ``_JOINED_BEFORE`` can find something."""
    if before.endswith("\n"):
        before = before[:-1]
    return before[-1:] in (" ", "\t") and before.rstrip(" \t").endswith(("and", "or"))


def last_word(before: str) -> tuple[str, int] | None:
    """The word (a run of non-space characters) before the spaces or tabs that end ``before``, and where
    it starts: what ``_LAST_WORD`` finds, read back from the end (a search for a pattern that ends with
    ``$`` tries every position from the start: 11 µs for 256 characters).

    >>> last_word("an app called  "), last_word("called"), last_word("a\\r ")
    (('called', 7), None, None)
    """
    if before.endswith("\n"):
        before = before[:-1]  # "$" matches before a line break that ends the text, too
    end = len(before.rstrip(" \t"))
    if end == len(before) or end == 0 or before[end - 1].isspace():
        return None
    start = end - 1
    while start > 0 and not before[start - 1].isspace():
        start -= 1
    return before[start:end], start


_FIRST_WORD = re.compile(r"[ \t]+(\S+)")
# A command-line option: "-m", "--empty" (not a dash of prose, which stands alone).
_OPTION = re.compile(r"--?[a-z][\w-]*")
# Programs whose next word is a subcommand, however it is made ("django-admin compilemessages",
# "manage.py makemigrations", "npm install"): names that are no English words ("make" and "go" are).
_COMMANDS = frozenset(
    "django-admin manage.py pip pip3 pipx npm npx pnpm yarn git docker kubectl cargo conda brew apt-get"  # noqa: SIM905
    " poetry systemctl".split()
)
# An editor's command typed after a colon (Vim's, ed's): ":edit", ":w", ":.write", ":help".
_EX_COMMAND = re.compile(r":[.%$]?[a-z]+!?")
# A shell's variable or substitution: "$NAME", "${NAME}", "$(pidof x)"; not a price ("$5").
_SHELL_EXPANSION = re.compile(r"\$[({A-Za-z_]")
# Keywords of SQL, which prose about databases writes in capitals around the names it uses.
_SQL_KEYWORDS = frozenset(
    "ALTER AND AS BY CHECK COLLATE COLUMN CONSTRAINT CREATE DATABASE DEFAULT DELETE DISTINCT DROP FROM"  # noqa: SIM905
    " FUNCTION GRANT GROUP IN INDEX INSERT INTO JOIN KEY LIKE NOT NULL ON OPERATOR OR ORDER PRIMARY"
    " REFERENCES RENAME RETURNS REVOKE ROLE SCHEMA SELECT SET SETOF TABLE TO TRIGGER TRUNCATE TYPE UPDATE"
    " USER VALUES VIEW WHERE WITH".split()
)
# The function words that placeholder names start with: "myapp", "yourfile", "somehost".
_POSSESSIVES = frozenset({"my", "your", "our", "their", "some"})


# A neighbour in a list is an item after ", " (and "and" or "or") or before ",", " and", " or".
_ITEM_AFTER = re.compile(r",[ \t]+(?:(?:and|or)[ \t]+)?([\w.-]+)")
_CONJUNCTION_AFTER = re.compile(r"[ \t]+(?:and|or)[ \t]+([\w.-]+)")
_ITEM_BEFORE = re.compile(r"([\w.-]+),?[ \t]+(?:(?:and|or)[ \t]+)?$")
# ... and two items joined by "and" or "or" alone: the one before the token (after it,
# ``_CONJUNCTION_AFTER`` finds it).
_JOINED_BEFORE = re.compile(r"([\w.-]+)[ \t]+(?:and|or)[ \t]+$")
# A name in a list: letters, digits, "_" and "-", starting with a letter (``walsender``, ``PyArrow``).
_NAME = re.compile(r"[A-Za-z][\w-]+[A-Za-z0-9]", re.ASCII)
# A list item rarer than this is a name (``walsender``, ``isatty``).
_NAME_ZIPF = 1.5
# ... and one this long at most: as long as a token the fixer splits (its pieces are read at every cut).
_NAME_LENGTH = 40
# A lowercase letter before a capital inside a list item: a name written in camel case ("SciPy").
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
# Words of two letters or more joined by dots, lowercase: a name of code or an address ("first.last").
_DOTTED_NAME = re.compile(r"[a-z][a-z0-9_]+(?:\.[a-z][a-z0-9_]+)+")
# ... unless it is two content words this common glued ("responseselection"): damage, not a name.
_GLUED_NAME_ZIPF = 3.5


def is_listed_with_names(splitter: Splitter, before: str, text: str, end: int) -> bool:
    """Whether the token that ends at ``end`` is an item of a list whose item beside it is a name no
    word list knows: inside a list (``a, b and c``: ``startup, walreceiver, walsender``, ``maxproc,
    openfiles, and datasize``, ``scikit-image, statsmodels, PyArrow``), or one of two names joined by
    ``and`` or ``or`` (``the timesince and timeuntil filters``); not ``apples, orangesand pears``, nor
    ``a harpstring, youwould have``.

    >>> is_listed_with_names(Splitter(), "encoding, ", "encoding, fileno, isatty", 16)
    True
    """
    # the search only where "and" or "or" and a space end the text before (a search for a pattern
    # that ends with "$" tries every position from the start)
    joined_before = _JOINED_BEFORE.search(before) if ends_with_conjunction(before) else None
    joined_after = _CONJUNCTION_AFTER.match(text, end)
    if any(
        joined is not None and joined.group(1).islower() and is_name(splitter, joined.group(1))
        for joined in (joined_before, joined_after)
    ):
        return True  # "timesince and timeuntil": lowercase, since "HOMA-IR and fastinginsulin" is glue
    if not before.rstrip(" \t").endswith((",", " and", " or")):
        return False  # the first item, or no list: "a harpstring, youwould have"
    following = _ITEM_AFTER.match(text, end) or _CONJUNCTION_AFTER.match(text, end)
    preceding = _ITEM_BEFORE.search(before)
    if following is None or preceding is None:
        return False  # the last item, or no list: "walsender and walwriter."
    return is_name(splitter, following.group(1)) or is_name(splitter, preceding.group(1))


def is_plainly_a_name(item: str) -> bool:
    """Whether the list item ``item`` shows itself a name by its writing alone: a capital inside it
    (``SciPy``, ``PyArrow``) or dots between lowercase words (``normalize.less``, ``first.last``).

    >>> is_plainly_a_name("SciPy"), is_plainly_a_name("normalize.less"), is_plainly_a_name("apples")
    (True, True, False)
    """
    item = item.rstrip(".")
    if len(item) > _NAME_LENGTH:
        return False
    return _DOTTED_NAME.fullmatch(item) is not None or (
        _NAME.fullmatch(item) is not None and _INNER_CAPITAL.search(item) is not None
    )


def is_name(splitter: Splitter, item: str) -> bool:
    """Whether the list item ``item`` is a name that no word list knows (``walsender``, ``PyArrow``,
    ``scikit-image``), not a word (``closure``), a rare one the spelling lists keep, a compound of words
    (``short-sighted``) or an acronym (``HOMA-IR``).

    >>> is_name(Splitter(), "walsender"), is_name(Splitter(), "closure")
    (True, False)
    """
    if is_plainly_a_name(item):
        return True  # "SciPy", "first.last": a capital or a dot inside a word names something
    item = item.rstrip(".")
    if len(item) > _NAME_LENGTH or _NAME.fullmatch(item) is None or item.isupper():
        return False  # an acronym ("HOMA-IR") is no sign of code; a run of 41 letters or more no name
    pieces = item.lower().split("-")
    if any(map(functools.partial(reads_as_two_words, splitter), pieces)):
        return False  # glue beside glue: "selectiveattention and responseselection"
    return not all(map(functools.partial(is_known_word, splitter), pieces))


def reads_as_two_words(splitter: Splitter, word: str) -> bool:
    """Whether ``word`` is two common content words of three letters or more glued (``selective`` and
    ``attention``), as damage writes them: no evidence of a name (``timeuntil`` has a function word,
    ``walsender`` a part wordfreq rates lower).

    >>> reads_as_two_words(Splitter(), "selectiveattention"), reads_as_two_words(Splitter(), "timeuntil")
    (True, False)
    """
    return any(
        zipf(word[:cut], splitter.language) >= _GLUED_NAME_ZIPF
        and zipf(word[cut:], splitter.language) >= _GLUED_NAME_ZIPF
        and not splitter.has_function_word((word[:cut], word[cut:]))
        for cut in range(3, len(word) - 2)
    )


def is_known_word(splitter: Splitter, word: str) -> bool:
    """Whether ``word`` is a word that wordfreq or the spelling lists know (``short``, ``sighted``)."""
    known = zipf(word, splitter.language) >= _NAME_ZIPF
    return known or word in english_dictionary() or rare_english_word(word)


class Beside(NamedTuple):
    """The words on either side of a token on its line: the one before it (``""`` for none) and where
    it starts in the text before the token, and the one after it (``""`` for none)."""

    previous: str
    previous_start: int
    following: str


def words_beside(before: str, text: str, end: int) -> Beside:
    """The words beside the token that ends at ``end``, with ``before`` on its line before it (runs of
    non-space characters: ``-s``, ``$(pidof``, ``:edit`` are words here).

    >>> words_beside("Use ln -s ", "Use ln -s afile b", 15)
    Beside(previous='-s', previous_start=7, following='b')
    """
    last = last_word(before)
    first = _FIRST_WORD.match(text, end)
    return Beside(
        last[0] if last is not None else "",
        last[1] if last is not None else 0,
        first.group(1) if first is not None else "",
    )


def is_named_after(before: str, beside: Beside) -> bool:
    """Whether a token, with ``before`` on its line before it and the words ``beside`` it, stands where
    code puts a name: after ``named`` or ``called`` (``a directory named crashdumps``), or after a keyword
    in capitals with another one or the end of the sentence after it (``ALTER TABLE tablename ALTER``,
    ``RETURNS SETOF sometype.``). A command line's names are :func:`is_command_argument`'s.

    >>> is_named_after("an app called ", words_beside("an app called ", "an app called myapp", 19))
    True
    >>> is_named_after("the ", words_beside("the ", "the inthe end", 9))
    False
    """
    if beside.previous in _NAMING_WORDS:
        return True
    if beside.previous not in _SQL_KEYWORDS:
        return False
    # "ALTER TABLE tablename", "RETURNS SETOF sometype", "COLLATE nocase IN"
    keyword_before = _LAST_WORD.search(before, 0, beside.previous_start)
    two_keywords = keyword_before is not None and keyword_before.group(1) in _SQL_KEYWORDS
    return beside.following in _SQL_KEYWORDS or two_keywords


def is_command_argument(beside: Beside) -> bool:
    """Whether a token with the words ``beside`` it stands in a command line: beside a command-line
    option (``python -m timeit -s``, ``makemigrations myapp --empty``, ``ln -s afile``; not a number,
    ``Return -1 onfailure``), before a shell's variable or substitution (``killall $(pidof x)``,
    ``killall $NAME``; not a price, ``paid $5``), after an editor's command (``:edit otherfile``,
    ``:w somefile``), or right after a program whose next word is a subcommand (``django-admin
    compilemessages``, ``npm install``: :data:`_COMMANDS`). A command's name and arguments are written
    as the command reads them, whatever words they are made of.

    >>> is_command_argument(Beside("-s", 7, "b")), is_command_argument(Beside("run", 0, "$(pidof"))
    (True, True)
    >>> is_command_argument(Beside("I", 0, "$5")), is_command_argument(Beside("-1", 7, "."))
    (False, False)
    >>> is_command_argument(Beside("django-admin", 3, ""))
    True
    """
    return (
        beside.previous in _COMMANDS
        or _OPTION.fullmatch(beside.previous) is not None
        or _OPTION.fullmatch(beside.following) is not None
        or _SHELL_EXPANSION.match(beside.following) is not None
        or _EX_COMMAND.fullmatch(beside.previous) is not None
    )


def only_space_between(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is empty or all whitespace (``str.strip``'s), read from ``end`` back
    only as far as the whitespace goes.

    >>> only_space_between("a  \t word", 1, 4), only_space_between("a  \t word", 0, 4)
    (True, False)
    """
    at = end
    while at > start and text[at - 1].isspace():
        at -= 1
    return at == start


# A token that a letter put in makes a common word (``typo_of``) is that word misspelt ("towars":
# "towards"; on the dev splits 4 false changes fewer for 26 joins of 10,000) when the token has this many
# letters: a short glue is near many words ("atin": "satin", "tolet": "toilet", "beas": "bears" cost
# three Austen joins at any length).
_TYPO_LETTERS = 6
# A shorter token is that word misspelt only when the word is among the most common ("befor": "before",
# not "be for"; "alwas": "always"): the glue it could also be is rarely near one ("goup", "aways").
_SHORT_TYPO_ZIPF = 5.5


def is_typo(splitter: Splitter, token: str, parts: tuple[str, ...]) -> bool:
    """Whether the English ``token`` reads better as a common word with one letter dropped
    (``towars`` for ``towards``, ``orking`` for ``working``), or, under six letters, with one letter
    too many (``lasat`` for ``last``; not when ``parts`` are all function words: ``itis``), than as
    ``parts`` of which one is a short function word.

    >>> is_typo(Splitter(), "towars", ("to", "wars")), is_typo(Splitter(), "usedfor", ("used", "for"))
    (True, False)
    """
    if splitter.language != "en" or not any(
        len(part) <= 3 and splitter.function_word(part) for part in parts
    ):
        return False
    if len(token) >= _TYPO_LETTERS:
        return typo_of(token, splitter.language)
    if letter_put_in_makes(token, splitter.language, _SHORT_TYPO_ZIPF):
        return True
    # A letter too many ("lasat": "last"), unless the parts are all function words, which glue of
    # two such words often spells ("weare", "itis", "tohis": "were", "its", "this").
    return not all(map(splitter.function_word, parts)) and letter_taken_out_makes(
        token, splitter.language, _SHORT_TYPO_ZIPF
    )


# A part this common beside a function word reads as glue even when the largest spelling lists have the
# token ("agood", "touse", "solutionis"): on the dev splits 5.0 kept all but 11 of 10,000 joins, 4.5 all
# but 5, and left 8% more archaic words of the books split.
_GLUE_PART_ZIPF = 5.0


def is_rare_word(splitter: Splitter, token: str, parts: tuple[str, ...]) -> bool:
    """Whether the English ``token`` is a word that only the largest spelling lists know (archaic,
    dialect or very rare: ``bespake``, ``uprose``, ``intreated``, ``sevenscore``;
    :func:`rare_english_word`) and ``parts`` do not read as glue of common words: two parts, a function
    word beside another one or beside a word of Zipf ``_GLUE_PART_ZIPF`` or more (``agood``, ``touse``,
    which those lists also hold).

    >>> is_rare_word(Splitter(), "bespake", ("be", "spake")), is_rare_word(Splitter(), "agood", ("a", "good"))
    (True, False)
    """
    if splitter.language != "en" or not rare_english_word(token):
        return False
    glue = (
        len(parts) == 2  # three parts of a listed word ("an it her" for "anither") never read as glue
        and any(map(splitter.function_word, parts))
        and all(splitter.function_word(part) or zipf(part, "en") >= _GLUE_PART_ZIPF for part in parts)
    )
    return not glue


_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")


def follows_article(text: str, start: int) -> bool:
    """Whether the word before ``start`` is an article: ``an asocial`` cannot read as ``an a social``.

    >>> follows_article("an asocial man", 3), follows_article("was amoment", 4)
    (True, False)
    """
    before = _WORD_BEFORE.search(text, max(0, start - 8), start)
    return before is not None and before.group(1).lower() in ARTICLES


# What a Latin word's ending reads as when it is cut off as a word of English ("muscularis" as
# "muscular is", "gigantica" as "gigantic a", "formicus" as "formic us").
_LATIN_ENDINGS = frozenset({"is", "a", "us"})
# The endings of the English adjectives whose Latin forms those are ("muscul-ar", "intestin-al",
# "gigant-ic", "recurr-ent"); not participles, nor function words the adjective list also has
# ("stuffed a", "such a", "through a").
_LATINATE_ADJECTIVES = ("al", "ar", "ic", "ent", "ant")


def is_latin_adjective(parts: tuple[str, ...]) -> bool:
    """Whether ``parts`` are an English adjective that is no noun and ``is``, ``a`` or ``us``: a Latin
    adjective's ending, as species and anatomy name them (``Fasciola gigantica``, ``Borrelia
    recurrentis``, the ``muscularis`` layer), not two words of English, where the adjective goes before
    a noun, not before a verb, an article or a pronoun.

    >>> is_latin_adjective(("intestinal", "is")), is_latin_adjective(("signal", "is"))
    (True, False)
    """
    if len(parts) != 2 or parts[1] not in _LATIN_ENDINGS:
        return False
    return parts[0].endswith(_LATINATE_ADJECTIVES) and is_adjective(parts[0])


def is_log_label(document: DocumentWords, start: int) -> bool:
    """Whether the token at ``start``, followed by ``:``, is one of several labels on its line, as a
    program's log writes them: ``error: checkit: connect1: ) nextserver: No Razor servers``.

    >>> is_log_label(DocumentWords("error: checkit: connect1: failed"), 7)
    True
    """
    line_start, line_end = document.line_bounds(start)
    return len(_LABEL.findall(document.text, line_start, line_end)) >= _LOG_LABELS


def misreads_grammar(splitter: Splitter, parts: tuple[str, ...], text: str, end: int) -> bool:
    """Whether reading ``parts`` for the token that ends at ``end`` breaks English grammar: ``an``
    before a consonant (``an serine`` for ``anserine``), an article or a possessive before a word that
    starts no noun phrase (``the if`` for ``theif``: :func:`determines_no_noun`), ``be`` after ``be``
    (``is am``: :func:`stacks_be`), an article last before a pronoun or a determiner (``of a
    yourself`` for Poe's dialect ``ofa yourself``), ``a`` or ``an`` last before a stop
    (:func:`ends_the_phrase`: ``as an (default is no).`` for ``asan``) or a possessive ``'s`` on a
    function word (``prob and's`` for ``proband's``; not the clitic of ``it's``, ``that's``).

    >>> misreads_grammar(Splitter(), ("an", "serine"), "anserine, a", 8)
    True
    >>> s, of_a = Splitter(), ("of", "a")
    >>> misreads_grammar(s, of_a, "ofa yourself", 3), misreads_grammar(s, of_a, "ofa day", 3)
    (True, False)
    """
    if splitter.language != "en":
        return False
    if any(left == "an" and right[0] not in _AN_BEFORE for left, right in itertools.pairwise(parts)):
        return True
    if determines_no_noun(parts, text, end) or stacks_be(parts) or article_before_plural(parts):
        return True
    if article_before_adjective_and_plural(parts, text, end):
        return True  # "FormEvent aviable types" is no "a viable types"
    if quantifier_after_article(parts, text, end):
        return True  # "a manylinux profile" is no "a many linux profile"
    if parts[-1] in ("a", "an"):
        following = _NEXT_WORD.match(text, end)
        if following is not None and following.group(1) in _NO_ARTICLE_BEFORE:
            return True
        if ends_the_phrase(text, end):
            return True  # "asan (default is no)." is no "as an"; "ofthe." is still "of the." (cut short)
    if quantifies_a_name(splitter, parts, text, end):
        return True  # "for manylinux by": "many" before a name
    if follows_a_determiner(parts, text, end - sum(map(len, parts))):
        return True  # "no atime updates" is no "no a time"
    if determined_before(parts, text, end):
        return True  # "the isspace method" is no "the is space"
    return (
        text[end : end + 2] in ("'s", "\u2019s")
        and splitter.function_word(parts[-1])
        and parts[-1] not in _TAKES_S
    )


def follows_a_determiner(parts: tuple[str, ...], text: str, start: int) -> bool:
    """Whether ``parts`` put ``a`` or ``an`` first, right after a determiner that takes none before the token
    that starts at ``start``, with only spaces between (:func:`._splitter.article_after_determiner`
    asks the same within a token): ``no atime updates`` is no ``no a time``, ``the atime field`` no ``the a
    time field``; ``is this atest`` is ``this a test``.

    >>> a_time, a_test = ("a", "time"), ("a", "test")
    >>> follows_a_determiner(a_time, "no atime", 3), follows_a_determiner(a_test, "this atest", 5)
    (True, False)
    """
    if parts[0] not in ("a", "an"):
        return False  # "the the": a word written twice is a typo of its own, not this glue's reading
    before = phrase_word_before(text, start)
    return before is not None and article_after_determiner((before[0].lower(), parts[0]))


def phrase_word_before(text: str, start: int) -> tuple[str, int] | None:
    """The word before ``start`` in the same phrase (:func:`word_before` with only spaces between, no
    comma or colon: ``the end, a...`` starts a new phrase), and where it starts.

    >>> phrase_word_before("no atime", 3), phrase_word_before("the end, atime", 9)
    (('no', 0), None)
    """
    before = word_before(text, start)
    if before is None or not text[before[1] + len(before[0]) : start].isspace():
        return None
    return before


# What follows an article that ends a phrase: a closing bracket or a stop, after an aside in brackets or
# none ("asan (default is no)."; "an (optional) name" goes on).
_PHRASE_ENDS = re.compile(r"[ \t]*(?:\([^()\n]{0,80}\)[ \t]*)?(?:[,.;:!?)\]}]|$)")


def ends_the_phrase(text: str, end: int) -> bool:
    """Whether the text at ``end`` ends a phrase (a stop or a closing bracket, maybe after an aside in
    brackets), so that no noun follows an article that ends there.

    >>> ends_the_phrase("asan (default is no).", 4), ends_the_phrase("an (optional) name", 2)
    (True, False)
    """
    return _PHRASE_ENDS.match(text, end) is not None


# Articles and possessives: a noun phrase follows them. (Not "his", "her", "this", "that", "each": they
# also stand as pronouns, before "is" or "and".)
_NOUN_MARKERS = frozenset({"the", "a", "an", "my", "your", "our", "their", "its"})
# Function words that never start what a determiner introduces: pronouns, determiners, conjunctions,
# prepositions that are never adjectives, auxiliaries that are never nouns, wh-words and adverbs of
# degree or time. ("the other", "a few", "my own", "the above", "a must", "a while" are phrases.)
_NO_DETERMINER_BEFORE = frozenset(
    "i me you he him she we us they them yours hers ours theirs myself yourself himself herself itself"  # noqa: SIM905
    " ourselves themselves the a an my your our their its his her this that these those and but or nor if"
    " because although though unless whereas whether since until than so yet of to for from with by at"
    " into onto upon about against among across along around through toward towards within without"
    " between behind beside besides except during am is are was were be been has have had did does could"
    " should would shall ought what which who whom whose why how when where not also already again quite"
    " rather too ever never else either neither all any some another such each there".split()
)
# Nouns after which a keyword of code is named by a determiner: "the if statement", "the for loop".
_KEYWORD_NOUNS = frozenset(
    "statement statements loop loops clause clauses keyword keywords operator operators block blocks"  # noqa: SIM905
    " branch branches expression expressions condition conditions construct constructs form".split()
)


def determines_no_noun(parts: tuple[str, ...], text: str, end: int) -> bool:
    """Whether ``parts`` put an article or a possessive right before a word that never starts a noun
    phrase (``the if`` for ``theif``, a misspelt "thief"; ``an it``, ``my is``), unless the token that
    ends at ``end`` names a keyword of code (``the if statement``).

    >>> the_if = ("the", "if")
    >>> determines_no_noun(the_if, "the theif ran", 9), determines_no_noun(the_if, "theif block", 5)
    (True, False)
    >>> determines_no_noun(("the", "other"), "theother side", 8)
    False
    """
    if not any(
        left in _NOUN_MARKERS and right in _NO_DETERMINER_BEFORE for left, right in itertools.pairwise(parts)
    ):
        return False
    following = _NEXT_WORD.match(text, end)
    return following is None or following.group(1) not in _KEYWORD_NOUNS


# Words of _NO_DETERMINER_BEFORE that do follow an article before an adjective across a token's start:
# "a rather bulky freight", "an already existing file", "the not so distant past".
_DEGREE_WORDS = frozenset(
    "not also already again quite rather too ever never else either neither all any some another such each"  # noqa: SIM905
    " there so yet".split()
)


def determined_before(parts: tuple[str, ...], text: str, end: int) -> bool:
    """Whether an article or a possessive stands right before the token that ends at ``end`` (only spaces
    between) and ``parts`` start with a word that never starts a noun phrase (``the is space`` for ``the
    isspace``, ``an if config`` for ``an ifconfig``), unless they name a keyword of code (``a for loop``,
    ``the if statement``) or are two function words, a pair by the books' table alone (``The of the``):
    :func:`determines_no_noun` across the token's start.

    >>> determined_before(("is", "space"), "the isspace method", 11)
    True
    >>> determined_before(("for", "loop"), "a forloop", 9), determined_before(("is", "space"), "I isspace", 9)
    (False, False)
    """
    if parts[0] not in _NO_DETERMINER_BEFORE or parts[0] in _DEGREE_WORDS:
        return False
    if all(part in FUNCTION_WORDS["en"] for part in parts):
        return False  # "The ofthe": two function words are a pair by the books alone, whatever stands before
    start = end - sum(map(len, parts))
    before = phrase_word_before(text, start)
    if (
        before is None
        or before[0].lower() not in _NOUN_MARKERS
        or before[0].lower() == parts[0]  # "the thepeople": a word written twice is a typo of its own
        or (before[1] > 0 and (text[before[1] - 1].isalnum() or text[before[1] - 1] in "_-'\u2019"))
        or (before[0][0].isupper() and not opens_a_sentence(text, before[1]))
    ):
        return False  # no article there: "M6A isenriched", "orexin A werecounted", "Appendix A fordiscussion"
    following = _NEXT_WORD.match(text, end)
    return parts[-1] not in _KEYWORD_NOUNS and (following is None or following.group(1) not in _KEYWORD_NOUNS)


def opens_a_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or a line: only spaces, quotation marks or brackets
    lie between it and the text's or a line's start, or a ``.``, ``!``, ``?`` or ``:`` before them. A
    capital mid-sentence names something (``orexin A``, ``Appendix A``), no article.

    >>> opens_a_sentence("It fell. A man", 9), opens_a_sentence("orexin A were", 7)
    (True, False)
    """
    at = start
    while at > 0 and text[at - 1] in " \t\"'(\u201c\u2018":
        at -= 1
    return at == 0 or text[at - 1] in ".!?:\n"


_FINITE_BE = frozenset({"am", "is", "are", "was", "were"})
_BE_AFTER_BE = _FINITE_BE | {"be"}


def stacks_be(parts: tuple[str, ...]) -> bool:
    """Whether ``parts`` put a finite form of "be" right before another form of it (``is am`` for
    ``isam``, a file format; ``was be``): no English clause does.

    >>> stacks_be(("is", "am")), stacks_be(("is", "being"))
    (True, False)
    """
    return any(left in _FINITE_BE and right in _BE_AFTER_BE for left, right in itertools.pairwise(parts))


def article_before_plural(parts: tuple[str, ...]) -> bool:
    """Whether ``parts`` put ``a`` or ``an`` right before a plural in ``-s`` (:func:`is_plain_plural`):
    ``a days`` for ``adays`` (``now adays``, a writer's ``nowadays``) is no English.

    >>> article_before_plural(("a", "days")), article_before_plural(("a", "means"))
    (True, False)
    """
    return any(left in ("a", "an") and is_plain_plural(right) for left, right in itertools.pairwise(parts))


def article_before_adjective_and_plural(parts: tuple[str, ...], text: str, end: int) -> bool:
    """Whether ``parts`` end in ``a`` or ``an`` and an adjective that is no noun (:func:`is_adjective`)
    and the word after the token is a plural (:func:`is_plain_plural`): ``a viable types`` for the
    misspelt ``aviable types`` is no English, as ``a days`` is none.

    >>> article_before_adjective_and_plural(("a", "viable"), "aviable types", 7)
    True
    >>> article_before_adjective_and_plural(("a", "viable"), "aviable plan", 7)
    False
    """
    if len(parts) < 2 or parts[-2] not in ("a", "an") or not is_adjective(parts[-1]):
        return False
    following = _NEXT_WORD.match(text, end)
    return following is not None and is_plain_plural(following.group(1))


# Quantifiers that follow "the" and a possessive ("the many ways", "his several friends") but never the
# article "a" or "an" right before them ("a great many" puts a word between).
_NO_ARTICLE_QUANTIFIERS = frozenset({"many", "several", "both"})


def quantifier_after_article(parts: tuple[str, ...], text: str, end: int) -> bool:
    """Whether ``parts`` start with ``many``, ``several`` or ``both`` and the word right before the token
    that ends at ``end`` is the article ``a`` or ``an``: ``a manylinux profile`` is no ``a many linux``.

    >>> quantifier_after_article(("many", "linux"), "a manylinux profile", 11)
    True
    >>> quantifier_after_article(("many", "linux"), "the manylinux profile", 13)
    False
    """
    if parts[0] not in _NO_ARTICLE_QUANTIFIERS:
        return False
    before = phrase_word_before(text, end - sum(map(len, parts)))
    return before is not None and before[0].lower() in ("a", "an")


# Endings that make words of any common word ("bypassable", "reviewers", "rebasing", "graphless").
_WORD_MAKING_ENDINGS = tuple(
    "able ible ers er ings ing ed ness ment ments less ful ist ists ism".split()  # noqa: SIM905
)
# The word before such an ending is this common, and no function word ("around", "along", "these" take
# no ending: "arounded" is "a rounded"): a word every reader knows, so the token is that word made into
# another, whatever else its letters spell.
_ENDING_STEM_ZIPF = 3.5
_ENDING_STEM_LETTERS = 4


def made_with_a_suffix(splitter: Splitter, token: str, parts: tuple[str, ...]) -> bool:
    """Whether the English ``token`` is a common word and an ending that makes words of words (``bypass``
    and ``-able``) that ``parts`` cut elsewhere: ``bypassable`` is no ``by passable``. A reading that
    cuts before the ending stays (``wasteless`` as ``waste less``: glue of a word and ``less`` looks so),
    and so does one whose word before the ending is a function word (``arounded``, ``theseed``).

    >>> made_with_a_suffix(Splitter(), "bypassable", ("by", "passable"))
    True
    >>> made_with_a_suffix(Splitter(), "wasteless", ("waste", "less"))
    False
    >>> made_with_a_suffix(Splitter(), "arounded", ("a", "rounded"))
    False
    """
    if splitter.language != "en":
        return False
    cut = len(parts[0])
    for ending in _WORD_MAKING_ENDINGS:
        if not token.endswith(ending):
            continue
        stem = token[: -len(ending)]
        if (
            len(stem) >= _ENDING_STEM_LETTERS
            and cut != len(stem)
            and zipf(stem, "en") >= _ENDING_STEM_ZIPF
            and not splitter.function_word(stem)
        ):
            return True
    return False


def misspells_a_used_word(token: str, document: DocumentWords) -> bool:
    """Whether a letter put into ``token`` makes a word that the document uses on its own: ``dostrings``
    in a text that writes ``docstrings`` is that word misspelt, not ``do strings``. (Not a letter taken
    out: ``functionis`` less its ``i`` is ``functions``, which a text about functions uses, and
    ``andother`` less its ``d`` is ``another``: glue of a word and a short one is often so; nor a letter
    changed, which cost 18 dev joins: ``withan`` is ``within`` so, ``inother`` ``another``.)

    >>> misspells_a_used_word("dostrings", DocumentWords("Fix docstrings, and dostrings too."))
    True
    >>> misspells_a_used_word("usedfor", DocumentWords("The rope usedfor it was used."))
    False
    """
    if len(token) + 1 < _TYPO_LETTERS:
        return False
    return any(map(document.uses_any, words_with_a_letter_put_in(token)))


# How many Zipf units more often the books write another pair of function words that spells the same
# token: then the token is read as neither ("onevery": "one very" 3.3, "on every" 4.3).
_OTHER_FUNCTION_PAIR_ODDS = 0.5


def books_read_otherwise(splitter: Splitter, token: str, parts: tuple[str, ...]) -> bool:
    """Whether ``parts``, two function words, spell ``token`` as another pair of function words does
    that the public-domain books write more often (by :data:`_OTHER_FUNCTION_PAIR_ODDS`): ``onevery``
    is ``on every`` as well as ``one very``, and a reading that the junction scores prefer is still a
    guess.

    >>> books_read_otherwise(Splitter(), "onevery", ("one", "very"))
    True
    >>> books_read_otherwise(Splitter(), "ofthe", ("of", "the"))
    False
    """
    if splitter.language != "en" or len(parts) != 2 or not all(map(splitter.function_word, parts)):
        return False
    chosen = book_function_zipf(*parts)
    for cut in range(1, len(token)):
        left, right = token[:cut], token[cut:]
        if (
            left != parts[0]
            and splitter.function_word(left)
            and splitter.function_word(right)
            and book_function_zipf(left, right) - chosen >= _OTHER_FUNCTION_PAIR_ODDS
        ):
            return True
    return False


# An address spelt out so that robots do not read it: "name (at) example dot com". The word before
# " dot com" is a name of a domain, written as one word whatever words make it.
_MAIL_DOMAIN_AFTER = re.compile(
    r"[ \t]*[(\[{]?dot[)\]}]?[ \t]*(?:com|org|net|edu|gov|io|info)\b", re.IGNORECASE
)


def names_a_mail_domain(text: str, end: int) -> bool:
    """Whether the token that ends at ``end`` is followed by `` dot com`` (``(dot) org``, ``[dot] net``):
    the name of a domain in an address spelt out.

    >>> names_a_mail_domain("me (at) pythonconsulting dot com", 25), names_a_mail_domain("a dot on it", 1)
    (True, False)
    """
    return _MAIL_DOMAIN_AFTER.match(text, end) is not None


def is_plain_plural(word: str) -> bool:
    """Whether ``word`` is a plural in ``-s`` of a commoner word and no singular too: ``days``, ``cats``;
    not ``means``, ``series``, ``news`` (singular as well), ``lens``, ``bus``, ``crisis``.

    >>> [is_plain_plural(word) for word in ("days", "means", "species", "lens", "status", "its")]
    [True, False, False, False, False, False]
    """
    if len(word) < 4 or not word.endswith("s") or word.endswith(_SINGULAR_ENDINGS) or word in _SINGULAR_TOO:
        return False
    return zipf(word[:-1], "en") >= zipf(word, "en") > 0


# Endings of singular nouns in -s ("class", "bonus", "crisis", "canvas"), and plurals that are
# singular too ("a means", "a series", "a species", "a news item"): no plural for an article to refuse.
_SINGULAR_ENDINGS = ("ss", "us", "is", "as", "os", "ics")
_SINGULAR_TOO = frozenset(
    "means series species news headquarters crossroads whereabouts barracks gallows odds works"  # noqa: SIM905
    " kudos lens".split()
)


# Quantifiers that take a plural noun or an adjective, never a name: "many linux" is no reading of
# ``manylinux`` (a tag of Python's wheels).
_QUANTIFIERS = frozenset({"many", "several", "few", "various", "numerous"})


def quantifies_a_name(splitter: Splitter, parts: tuple[str, ...], text: str, end: int) -> bool:
    """Whether ``parts`` read as a quantifier before a word of four letters or more that the spelling
    dictionary does not list in lowercase (a name, ``linux``; not a plural in ``-s``), with no noun after
    it (punctuation or a function word follows the token that ends at ``end``).

    >>> quantifies_a_name(Splitter(), ("many", "linux"), "for manylinux by", 13)
    True
    >>> quantifies_a_name(Splitter(), ("many", "github"), "manygithub repos", 10)
    False
    """
    if not (len(parts) == 2 and parts[0] in _QUANTIFIERS and len(parts[1]) >= 4):
        return False
    if parts[1].endswith("s") or parts[1] in english_dictionary():
        return False
    following = _NEXT_WORD.match(text, end)
    return following is None or splitter.function_word(following.group(1))


def holds_a_name(splitter: Splitter, parts: tuple[str, ...], document: DocumentWords) -> bool:
    """Whether a part of four letters or more that the English spelling dictionary does not list in
    lowercase is one the document writes only with a capital (``Linux``, never ``linux``): a name
    there, which a lowercase token does not hold as glue (the glue of "many Linux wheels" is
    ``manyLinux``). English only.

    >>> holds_a_name(Splitter(), ("many", "linux"), DocumentWords("manylinux wheels for Linux"))
    True
    >>> holds_a_name(Splitter(), ("many", "linux"), DocumentWords("manylinux wheels for linux"))
    False
    """
    return splitter.language == "en" and any(
        len(part) >= 4
        and not splitter.function_word(part)
        and part not in english_dictionary()
        and document.written_capitalised_only(part)
        for part in parts
    )


def written_as_one_name(parts: tuple[str, ...], document: DocumentWords) -> bool:
    """Whether the document writes ``parts`` elsewhere as one name with capitals: in camel case
    (``tableName``, ``activeGroup``), in Pascal case (``ComputedValue``) or in capitals
    (``SAMEORIGIN``). The lowercase token is that name of code, written loosely in prose (``calls
    without tablename``), not two words run together.

    >>> written_as_one_name(("table", "name"), DocumentWords("without tablename; see tableName"))
    True
    >>> written_as_one_name(("table", "name"), DocumentWords("without tablename; see the table name"))
    False
    """
    capitalised = [part.capitalize() for part in parts]
    forms = (parts[0] + "".join(capitalised[1:]), "".join(capitalised), "".join(parts).upper())
    return any(map(document.writes_exactly, forms))


#: Letters that name members of a family of terms before a word (``ctime``, ``mtime``, ``bflag``); not
#: ``a`` (the article) nor ``i`` (the pronoun, glued in informal text: ``ithink``).
_FAMILY_LETTERS = "bcdefghjklmnopqrstuvwxyz"
#: ... where the term is no common word ("treason" is no letter and "reason": "areason" is still glue).
_FAMILY_TERM_ZIPF = 2.5


def lettered_family(splitter: Splitter, parts: tuple[str, ...], document: DocumentWords) -> bool:
    """Whether ``parts`` read the English article ``a`` glued to a word that the document also writes after
    another single letter, in lowercase, as a term no dictionary lists: ``atime`` beside ``ctime`` and
    ``mtime`` (the times of ls's manual page), ``aflag`` beside ``bflag``. There the ``a`` names a
    member of a family (not beside the constant ``ECHILD``: ``achild process`` is glue).

    >>> lettered_family(Splitter(), ("a", "time"), DocumentWords("atime, access, use; change time: ctime"))
    True
    >>> lettered_family(Splitter(), ("a", "reason"), DocumentWords("areason for treason"))
    False
    """
    if splitter.language != "en" or len(parts) != 2 or parts[0] != "a":
        return False
    rest = parts[1]
    return any(
        document.writes_exactly(term := letter + rest)
        and zipf(term, "en") < _FAMILY_TERM_ZIPF
        and term not in english_dictionary()
        for letter in _FAMILY_LETTERS
    )


def beside_code(text: str, start: int, end: int) -> bool:
    """Whether code touches ``text[start:end]`` or points at it from the word just before or after:
    ``x = usedfor(y)``, ``usedfor == 3``, ``f(a, usedfor)``, ``{% endfor %}``, ``"baseten"`` in backticks;
    or the token stands inside a markup tag (``<hr noshade>``: :func:`inside_a_tag`); not ``(n = 10),
    innormal``, nor a call or a tag named in prose a word away (``Py_Initialize(), followedby the``,
    ``<Wallco Inc> andrelated``, ``whocall malloc() directly``).

    >>> beside_code("x = usedfor(y)", 4, 11), beside_code("(n = 10), innormal women", 10, 18)
    (True, False)
    >>> beside_code("f(a, usedfor)", 5, 12), beside_code("Py_Initialize(), followedby the", 17, 27)
    (True, False)
    """
    if text[end : end + 1] in ("(", "[", "="):
        return True  # a call, an index or an assignment: "usedfor(y)"
    # The words beside the token on its line, read within _WORD_REACH characters: the cost stays the
    # same on a line of a megabyte.
    low, high = max(0, start - _WORD_REACH), min(len(text), end + _WORD_REACH)
    newline = text.rfind("\n", low, start)
    line_start = low if newline < 0 else newline + 1
    newline = text.find("\n", end, high)
    line_end = high if newline < 0 else newline
    if inside_a_tag(text, line_start, start, end, line_end):
        return True
    before, after = text[line_start:start].split(), text[end:line_end].split()
    touching_before = bool(before) and not text[start - 1].isspace()
    touching_after = bool(after) and not text[end].isspace()
    # a bracket that prose opened ("a sequence (actually, anyiterable) into") is closed by prose
    back = points_back if opens_call(text, line_start, start) else points_back_in_prose
    return code_side(before[-1] if before else "", touching_before, points_onward) or code_side(
        after[0] if after else "", touching_after, back
    )


# A table cell of names: one word, or words separated by commas ("asciidoc, adoc"), between bars.
_NAME_CELL = re.compile(r"[ \t]*[\w.+#-]+(?:[ \t]*,[ \t]*[\w.+#-]+)*[ \t]*,?[ \t]*")


def is_table_cell_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands in a cell of a table drawn with bars (Markdown's ``| a | b |``)
    that holds nothing but one name or a list of names: ``| Oracle Rules Language | ruleslanguage |``,
    ``| asciidoc, adoc |``. A sentence in a cell (``| it is usedfor that |``) is prose.

    >>> is_table_cell_name("| AsciiDoc | asciidoc, adoc |", 22, 26)
    True
    >>> is_table_cell_name("| note | it is usedfor that |", 15, 22)
    False
    """
    opened = text.rfind("|", max(0, start - _WORD_REACH), start)
    if opened < 0 or "\n" in text[opened:start]:
        return False
    closed = text.find("|", end, end + _WORD_REACH)
    if closed < 0 or "\n" in text[end:closed]:
        return False
    return _NAME_CELL.fullmatch(text, opened + 1, closed) is not None


def inside_a_tag(text: str, line_start: int, start: int, end: int, line_end: int) -> bool:
    """Whether ``text[start:end]`` stands inside a markup tag of its line (between ``line_start`` and
    ``line_end``): after a ``<`` and a letter with no ``>`` since, before a ``>`` with no ``<`` first.
    Its attributes are names of markup, not words: ``<hr noshade color="#808080">``, ``<video autoplay
    playsinline>`` (HTML left in a scraped page's text).

    >>> text = '<hr noshade size="1"> and <b>usedfor</b>'
    >>> inside_a_tag(text, 0, 4, 11, len(text)), inside_a_tag(text, 0, 29, 36, len(text))
    (True, False)
    """
    opened = text.rfind("<", line_start, start)
    if opened < 0 or not text[opened + 1 : opened + 2].isalpha() or text.find(">", opened, start) >= 0:
        return False
    closes = text.find(">", end, line_end)
    return closes >= 0 and text.find("<", end, closes) < 0


def opens_call(text: str, line_start: int, start: int) -> bool:
    """Whether the innermost ``(`` left open before ``start`` on its line (from ``line_start``) is a
    call's or a signature's, right after a word (``f(a, usedfor``), or none is open; not one that prose
    opens after a space (``a sequence (actually, anyiterable``).

    >>> opens_call("f(a, usedfor", 0, 5), opens_call("a list (or anyiterable", 0, 11)
    (True, False)
    """
    depth = 0
    for index in range(start - 1, line_start - 1, -1):
        char = text[index]
        if char == ")":
            depth += 1
        elif char == "(":
            if depth == 0:
                return index > line_start and not text[index - 1].isspace()
            depth -= 1
    return True


def code_side(word: str, touching: bool, points: Callable[[str], bool]) -> bool:
    """Whether ``word`` beside a token is code around it: any code sign when it touches the token or is
    all signs (``x=usedfor``, ``{% endfor``), else only when it ``points`` at the token."""
    if touching or not any(c.isalnum() for c in word):
        return _CODE_SIGN.search(word) is not None or _OPERATOR.fullmatch(word) is not None
    return points(word)


def points_onward(word: str) -> bool:
    """Whether ``word`` (just before a token) leads into it as code does: an operator, or a word that ends
    in one or in an opening bracket or backtick, or holds a call's bracket still open (``f(a,``; not the
    prose's ``(actually,``)."""
    return (
        _OPERATOR.fullmatch(word) is not None
        or _OPENS_ONTO.search(word) is not None
        or (word.count("(") > word.count(")") and _CALL_OPENS.search(word) is not None)
        or word.count("[") > word.count("]")
    )


# A call's or a signature's opening bracket: right after a word ("f(", "tuple(").
_CALL_OPENS = re.compile(r"\w\(")


def points_back(word: str) -> bool:
    """Whether ``word`` (just after a token) continues it as code does: an operator, or a word that starts
    with a closing bracket, a backtick, ``;``, ``=``, ``->``, ``::`` or an attribute (``.x``), or closes a
    bracket it did not open (``y)``)."""
    return points_back_in_prose(word) or word.count(")") > word.count("(")


def points_back_in_prose(word: str) -> bool:
    """:func:`points_back` inside a bracket that prose opened, where a word that closes it is prose too
    (``(see bpo-18748 foran example)``, ``(typicallyan int)``)."""
    return (
        _OPERATOR.fullmatch(word) is not None
        or _CLOSES_ONTO.match(word) is not None
        or word.count("]") > word.count("[")
    )


def camel_repair(
    splitter: Splitter,
    match: regex.Match[str],
    document: DocumentWords,
    taken: Mapping[int, Edit],
    model: CorpusModel | None = None,
) -> Repair | None:
    """``managementThe`` -> ``management The`` when both sides are words the reader would know; a glued
    left side is split with it (``ofthePresident`` -> ``of the President``), even when wordfreq knows
    the glued form as scraper junk (``ofthe``): else a second mend would split it."""
    cut = match.end(1)
    left, right = match.group(1), match.group(2)
    token = match.group()
    if cut in taken or document.repeats(token) or zipf(token.lower(), splitter.language) >= _KNOWN_ZIPF:
        return None
    if model is not None and corpus_word(model, token.lower(), None, document.line_at(match.start())):
        return None  # a name the corpus uses: "microReid", "iPhone"
    if not splitter.common(right.lower(), document):
        return None
    if is_camel_name(splitter, match, document):
        return None
    left_repair = None
    if len(left) >= 4 and zipf(left, splitter.language) < splitter.max_joined_zipf:
        left_repair = glued_repair(splitter, left, match.start(), document, taken, model)
    if left_repair is None and not splitter.common(left, document):
        return None
    before_capital = left_repair.words[-1] if left_repair is not None and left_repair.words else left
    if (
        names_code(splitter, before_capital, right)
        and not writes_capitalised(document.text, right)
        and not before_name(document.text, match.end())
    ):
        return None
    sides = min(splitter.zipf_in(left, document), splitter.zipf_in(right.lower(), document))
    evidence = {
        "joined_zipf": zipf(token.lower(), splitter.language),
        "side_zipf": sides,
        "confidence": confidence(sides - splitter.min_zipf),
    }
    why = f"{left!r} and {right!r} are words; {token!r} is not"
    edit = Edit(cut, cut, " ", f"lowercase glued to capitalised: {why}", "words/camel", evidence)
    before = left_repair or Repair()
    return Repair((*before.edits, edit), (*before.words, left, right))


def names_code(splitter: Splitter, before: str, capital: str) -> bool:
    """Whether a lowercase word glued to a capitalised one reads as a name of code (``isActive``,
    ``onClick``, ``getValue``, ``errorClass``, ``camelCase``), not as glue: the capital is a plain
    English word (the dictionary lists it in lowercase: no name such as ``Elizabeth``), not a function
    word that opens a sentence (``managementThe``), nor an adverb that does (``doubtHowever``), nor a
    heading of an article (``patientsResults``), and the word before it is no article or determiner
    (``ofthePresident``: ``the President``). English only; code names its parts so, glue seldom does.

    >>> names_code(Splitter(), "is", "Active"), names_code(Splitter(), "the", "President")
    (True, False)
    >>> names_code(Splitter(), "management", "The"), names_code(Splitter(), "visited", "Paris")
    (False, False)
    """
    word = capital.lower()
    return (
        splitter.language == "en"
        and not splitter.function_word(word)
        and word not in _SECTION_HEADINGS
        and word not in _SENTENCE_ADVERBS
        and (word in english_dictionary() or word in _CODE_ABBREVIATIONS)
        and before.lower() not in _DETERMINERS
    )


def writes_capitalised(text: str, word: str) -> bool:
    """Whether ``text`` writes the capitalised ``word`` after a lowercase word and a space, inside a
    sentence: a name or a title there (``to Miss Bennet``, ``in Bath``), which a lost space may glue to
    the word before it (``toMiss``), as code never writes its names.

    >>> writes_capitalised("She wrote to Miss Bennet.", "Miss"), writes_capitalised("A class.", "Class")
    (True, False)
    """
    return re.search(rf"[a-z][ \t]+{re.escape(word)}\b", text) is not None


def before_name(text: str, end: int) -> bool:
    """Whether a capitalised word follows ``end`` after a space: the capital before it is a title
    (``toMiss Bennet``, ``withCaptain Wentworth``), not a part of a name of code.

    >>> before_name("toMiss Bennet", 6), before_name("isActive is", 8)
    (True, False)
    """
    return _CAPITALISED_NEXT.match(text, end) is not None


_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")


# Words that head the sections of articles and abstracts, glued to the text before by a scraper
# ("patientsResults", "trialsConclusions").
_SECTION_HEADINGS = frozenset(
    "abstract background introduction objective objectives aim aims purpose methods method design setting"  # noqa: SIM905
    " participants results findings discussion conclusion conclusions summary keywords references".split()
)
# Adverbs that open sentences, glued to the end of the sentence before ("doubtHowever, we").
_SENTENCE_ADVERBS = frozenset(
    "however therefore moreover furthermore thus hence meanwhile nevertheless nonetheless instead"  # noqa: SIM905
    " otherwise finally additionally consequently indeed overall similarly likewise accordingly besides"
    " first firstly second secondly third thirdly lastly today yesterday recently currently".split()
)
# Articles and determiners: a capitalised word after one is a noun of the phrase ("ofthePresident").
_DETERMINERS = frozenset("the a an this that these those his her its their our your".split())  # noqa: SIM905
# Short words that end names of code in camel case (``hostId``, ``baseUrl``, ``userDb``), which the
# dictionary, of words of four letters or more, does not list.
_CODE_ABBREVIATIONS = frozenset("id ids url urls uri uris db ip api io ui".split())  # noqa: SIM905


# A lowercase head the document writes before a capital this often makes a family of names
# ("microLenat", "microReid"; "camelCase", "camelCasing").
_CAMEL_HEADS_NAMED = 2
# Nouns that a name of code follows ("the R package discoMod"; not "class": "to class what Mr. Darcy").
_NAMING_NOUNS = frozenset("package packages module modules library function method command".split())  # noqa: SIM905
_PREVIOUS_WORD = re.compile(r"([a-z]+)[ \t]+$")


# Particles that surnames write closed up before a capital (``deSalle``, ``diCaprio``, ``vanHalen``,
# ``LaGuardia`` lowercased in the record): none of them is English glue.
_NAME_PARTICLES = frozenset("de di da du del della der den des la le van von dos das".split())  # noqa: SIM905


def is_camel_name(splitter: Splitter, match: regex.Match[str], document: DocumentWords) -> bool:
    """Whether the ``camelCase`` token of ``match`` is a name, not a lowercase word glued to a
    capitalised one: alone on its line (a headword: ``camelCase``), at its line's start before a colon
    (a key: ``skipCharset: true``), in quotes (``'myInstance'``) or
    in brackets of its own (``r [abTu]``: option letters), one of a family of such names the document
    writes with the same head, not a function word (``microLenat`` and ``microReid``), a surname with
    its particle (``deSalle``), after a noun that names code (``the R package discoMod``) or before
    one (``the className attribute``).

    >>> m = _CAMEL_TOKEN.search("units: microLenat and microReid")
    >>> is_camel_name(Splitter(), m, DocumentWords("units: microLenat and microReid"))
    True
    """
    text, start, end = document.text, match.start(), match.end()
    line_start, line_end = document.line_bounds(start)
    if not text[line_start:start].strip() and not text[end:line_end].strip(" \t.:"):
        return True  # a headword alone on its line
    if not text[line_start:start].strip() and _FIELD_COLON.match(text, end):
        return True  # a key at its line's start: "skipCharset: true", "maxAge: 3600" (code, YAML)
    if is_quoted_term(text, start, end):
        return True  # a name mentioned: 'myInstance'
    if bracketed_alone(text, start, end):
        return True  # a name or a set of option letters bracketed on its own: (isActive), r [abTu]
    head = match.group(1)
    if head in _NAME_PARTICLES:
        return True  # "deSalle", "deGrasse", "vanHalen": a surname with its particle
    if not splitter.function_word(head) and document.camel_heads(head) >= _CAMEL_HEADS_NAMED:
        return True  # "andElizabeth" twice is damage; "microLenat" and "microReid" are names
    previous = _PREVIOUS_WORD.search(text, max(line_start, start - 40), start)
    if previous is not None and previous.group(1) in _NAMING_NOUNS:
        return True
    # Before a noun of code, unless its capital is a function word ("managementThe attribute" may open a
    # sentence).
    following = _NEXT_WORD.match(text, end)
    return (
        following is not None
        and following.group(1) in _CODE_NOUNS
        and not splitter.function_word(match.group(2).lower())
    )


def no_space_repair(
    splitter: Splitter, match: regex.Match[str], document: DocumentWords, taken: Mapping[int, Edit]
) -> Repair | None:
    """``pain.The`` -> ``pain. The``; ``well.nAmazon`` -> ``well. Amazon`` (a ``\\n`` lost its ``\\``)."""
    start = match.end(2)
    if start in taken:
        return None  # mended in an earlier round
    end = match.start(4)
    left, mark, lost_newline, right = match.group(1, 2, 3, 4)
    if (
        not starts_a_sentence(splitter, right, document)
        or is_short_word_after_dot(splitter, right)
        or names_its_module(left, right)
        or names_a_file(splitter, left, right)
        or names_a_code_thing(splitter, right, document.text, match.end())
        or is_quoted_term(document.text, match.start(), match.end())
        or bracketed_alone(document.text, match.start(), match.end())  # "[Marionette.Handlebars](url)"
        or (
            left not in _TITLES
            and right not in _SENTENCE_OPENERS
            and ends_no_sentence(document.text, match.end())
        )
        or (not lost_newline and is_attribute(splitter, _last_piece(match, taken), right, document))
        or (lost_newline and is_known_with_n(splitter, lost_newline, right))
        or document.in_code(match.start())
    ):
        return None
    if lost_newline:
        reason = f"no space after {mark!r}; {lost_newline!r} is left of a '\\n' that lost its '\\'"
    else:
        reason = f"no space after {mark!r} before the word {right!r}"
    right_zipf = splitter.zipf_in(right.lower(), document)
    evidence = {
        "right_zipf": right_zipf,
        "lost_newline": float(bool(lost_newline)),
        "confidence": confidence(right_zipf - _SENTENCE_START_ZIPF),
    }
    return Repair((Edit(start, end, " ", reason, "words/no-space", evidence),), (right,))


def _last_piece(match: regex.Match[str], taken: Mapping[int, Edit]) -> str:
    """What is left of the word before the dot after the splits already ``taken`` inside it, as a
    second mend would see it (``Isthistrue`` split is ``true``)."""
    left, start = match.group(1), match.start(1)
    cuts = [cut for cut in range(start + 1, start + len(left)) if cut in taken]
    return left[cuts[-1] - start :] if cuts else left


# -- rules for a missing space after a full stop ------------------------------------------------


# How far after a full stop with no space the paragraph is read for a sentence's end.
_SENTENCE_REACH = 300
_SENTENCE_END = re.compile(r"[.!?:\u2026](?=[\s\"')\]\u201d\u2019]|$)|\n[ \t]*\n")


def ends_no_sentence(text: str, end: int) -> bool:
    """Whether what follows ``text[:end]`` (the word after a dot with no space) runs to the end of its
    paragraph within :data:`_SENTENCE_REACH` characters with no ``.``, ``!``, ``?``, ``…`` or ``:`` on
    the way (before a space, a closing mark or the end: not the dot of ``4.0``): no second sentence,
    but a name with a dot in a title or a list (``Concurrent filepath.Walk replacement``, ``Hashable
    instances for Data.Time``). Not asked after a title (``Mrs.Helina``) nor before a word that opens
    sentences (``afraid.The``).

    >>> ends_no_sentence("Concurrent filepath.Walk replacement", 24)
    True
    >>> ends_no_sentence("It was a pain.The end came.", 18)
    False
    """
    reach = text[end : end + _SENTENCE_REACH]
    found = _SENTENCE_END.search(reach)
    if found is not None:
        return found.group()[:1] == "\n"  # a blank line first: the paragraph ended without one
    return len(reach) < _SENTENCE_REACH  # the text ended without one; a longer stretch may hold one


def starts_a_sentence(splitter: Splitter, right: str, document: DocumentWords) -> bool:
    """Whether ``right`` after ``.`` reads as the start of a sentence: common (``The``) or used by the
    document, and no domain or file extension (``Amazon.Com``, ``notes.Txt``)."""
    lower = right.lower()
    return lower not in AFTER_DOT and splitter.zipf_in(lower, document) >= _SENTENCE_START_ZIPF


def is_short_word_after_dot(splitter: Splitter, right: str) -> bool:
    """Whether ``right`` is a two-letter word rarer than ``It`` or ``We``: ``Node.Js``."""
    return len(right) == 2 and zipf(right.lower(), splitter.language) < _SHORT_AFTER_DOT_ZIPF


_EXCEPTION_NOUNS = frozenset(
    "exception exceptions instance instances object objects package module method attribute subclass".split()  # noqa: SIM905
)
_MODULE_STEM = 4  # a class that a module's name starts with: "models.Model", "feeds.Feed"


def names_a_code_thing(splitter: Splitter, right: str, text: str, end: int) -> bool:
    """Whether the token that ends at ``end``, ``right`` its part after the dot, stands before a noun
    that names a thing of code: ``the queue.Full exception``, ``a template.Library instance``; not a
    sentence that starts with a function word (``the affair.My object``; and before ``field`` or
    ``class`` any sentence may start: ``of year.All field sports``).

    >>> names_a_code_thing(Splitter(), "Full", "catch the queue.Full exception", 20)
    True
    >>> names_a_code_thing(Splitter(), "My", "affair.My object", 9)
    False
    """
    following = _NEXT_WORD.match(text, end)
    named = following is not None and following.group(1) in _EXCEPTION_NOUNS
    return named and not splitter.function_word(right.lower())


# The names in capitals that projects give their files of notes, which a variant extends after a dot
# (Debian's NEWS.Debian and README.Debian, README.Android, INSTALL.Windows, LICENSE.Apache).
_FILE_STEMS = frozenset(
    "README NEWS INSTALL CHANGES CHANGELOG COPYING LICENSE LICENCE AUTHORS TODO HACKING BUGS THANKS"  # noqa: SIM905
    " CONTRIBUTING NOTICE MAINTAINERS CREDITS HISTORY".split()
)


def names_a_file(splitter: Splitter, left: str, right: str) -> bool:
    """Whether ``left.right`` is a file whose conventional name in capitals a variant extends
    (``NEWS.Debian``, ``README.Android``), not a sentence that ends before a very common word
    (``README.Then``).

    >>> s = Splitter()
    >>> names_a_file(s, "NEWS", "Debian"), names_a_file(s, "README", "Then"), names_a_file(s, "USA", "Debian")
    (True, False, False)
    """
    return left in _FILE_STEMS and zipf(right.lower(), splitter.language) < _AFTER_LOWER_ZIPF


def names_its_module(left: str, right: str) -> bool:
    """Whether ``right`` repeats ``left``, as a module and its class do: ``decimal.Decimal``, and
    ``models.Model`` (a word of four letters or more: ``is.I`` may be glue).

    >>> names_its_module("models", "Model"), names_its_module("is", "I")
    (True, False)
    """
    left, right = left.lower(), right.lower()
    return right.startswith(left) or (len(right) >= _MODULE_STEM and left.startswith(right))


def is_attribute(splitter: Splitter, left: str, right: str, document: DocumentWords) -> bool:
    """Whether ``left.right`` reads as a dotted name (``typing.List``, ``Boost.Regex``): not a very
    common sentence opener (``The``, ``When``) nor a word the text also writes on its own (a name:
    ``sister.Jane``), unless ``left`` is a module the text cites again (:func:`is_module`:
    ``Data.List`` and ``Data.Map``). After a class name of two humps or more
    (``DistributionFinder.Context``) anything rarer than ``The`` is a member, and so it is after a
    lowercase or all-capital word that wordfreq barely knows (``binascii.Error``, ``PIL.Image``; not after
    a name: ``Bingley.What``, nor before ``The``: ``amiable.When``, nor after a known word:
    ``headstrong.Lady``). After a title (``Mr.Darcy``) a name follows, and after a word that ends
    sentences elsewhere (:func:`ends_sentences`) a sentence starts."""
    right_zipf = zipf(right.lower(), splitter.language)
    left_zipf = zipf(left.lower(), splitter.language)
    if right_zipf < _MODULE_NAME_ZIPF and (
        (left.islower() and left_zipf < _MODULE_LEFT_ZIPF) or (left.isupper() and left_zipf < _ACRONYM_ZIPF)
    ):
        return True  # "binascii.Error", "asyncio.Future", "PIL.Image": a module and its member
    if _CLASS_NAME.fullmatch(left):
        return right_zipf < _MODULE_NAME_ZIPF  # "DistributionFinder.Context": a class and its member
    if left in _TITLES or ends_sentences(left, document):
        return False
    return (right_zipf < _AFTER_LOWER_ZIPF and not document.writes_elsewhere(left, right)) or (
        names_a_member(splitter, right) and is_module(splitter, left, document)
    )


def ends_sentences(left: str, document: DocumentWords) -> bool:
    """Whether the document writes ``left.`` before a word that only opens sentences (an article, a
    demonstrative, a pronoun: ``The``, ``She``, :data:`_SENTENCE_OPENERS`): there a sentence ends, so
    ``left.`` before any other capital is no dotted name (text that lost the space after every full
    stop: ``Bingley.She`` and ``Bingley.Jane``; not ``Distribution.Make``).

    >>> ends_sentences("Bingley", DocumentWords("of Bingley.She smiled; Bingley.Jane knew"))
    True
    """
    answer = document.answers.get(("ends", left))
    if answer is None:
        answer = document.answers["ends", left] = not _SENTENCE_OPENERS.isdisjoint(document.cited_names(left))
    return answer


def is_module(splitter: Splitter, left: str, document: DocumentWords) -> bool:
    """Whether the document writes ``left.`` before a name more than once: a module whose names it
    cites (``numbers.Integral`` and ``numbers.Real``; ``typing.List`` and ``typing.cast``).

    A name is one :func:`names_a_member` accepts: those are the ones this keeps together, so that
    mending the result decides the same (``here.They`` is split, and was never counted).
    """
    answer = document.answers.get(("module", left))
    if answer is None:
        kept = [name for name in document.cited_names(left) if names_a_member(splitter, name)]
        answer = document.answers["module", left] = len(kept) >= 2
    return answer


def names_a_member(splitter: Splitter, name: str) -> bool:
    """Whether ``name`` after a module's dot can be its member: a lowercase word (``typing.cast``), one
    rarer than ``The``, or a word as common that is no function word (``Distribution.Make``; not
    ``here.They``).

    >>> names_a_member(Splitter(), "Make"), names_a_member(Splitter(), "They")
    (True, False)
    """
    if name[0].islower():
        return True
    lower = name.lower()
    return zipf(lower, splitter.language) < _MODULE_NAME_ZIPF or not splitter.function_word(lower)


def is_known_with_n(splitter: Splitter, lost_newline: str, right: str) -> bool:
    """Whether the ``n`` before ``right`` belongs to a word wordfreq knows: ``nEurope``, not ``nAmazon``."""
    return zipf((lost_newline + right).lower(), splitter.language) >= _KNOWN_ZIPF
