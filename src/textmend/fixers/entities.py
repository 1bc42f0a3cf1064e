"""``entities``: restore HTML character references that scrapers damaged.

ftfy (the step before this one) decodes well-formed references such as ``&rsquo;`` and ``&amp;#39;``
when the text has no ``<``. This fixer repairs the damaged forms it leaves behind:

- ``&`` dropped: ``Letrsquo;s``, ``rsquo;reset``, ``hasn#8217;t``, ``saut eacute;``;
- ``&`` turned into a space: ``doesn #39;t``, ``the  #36;10`` (the space goes too);
- ``&`` turned into the word ``and``: ``Alzheimerandapos;s``, ``andgt;250M``, ``Dandamp;C``;
- ``&`` kept but the semicolon lost (``Du&#8217 har``), or double escaped in text that contains ``<``
  (``&amp;#8217;``), where ftfy leaves all references alone. Well-formed references are left to ftfy.

Real news shows more: an apostrophe closing a plural possessive (``the makers #39; union``; not before
an article or a pronoun, nor after ``Fixes``, ``Closes``, ``Resolves``: ``Fixes #39; the parser`` names an
issue) or a quote it opened (``said #39;hi#39; today``), ``amp;`` between names (``Barnes amp; Noble``) and
between initials (``Ramp;D``, ``Randamp;D``: R&D). Every decoded string is accepted, also the two code points
of ``race;``.

Whether the document is markup is decided once, on the input (``Findings.markup``): in a document
with a ``<`` no repair makes ``<``, ``>``, ``&`` or ``"``, and a repair restores the reference as
written instead of decoding it (``<p>Letrsquo;s</p>`` becomes ``<p>Let&rsquo;s</p>``). Each change
has a kind (``entity/dropped``, ``entity/space``, ``entity/and``, ``entity/double-escaped``,
``entity/no-semicolon``) and numeric evidence (``confidence``, ``name_is_markup``, ...).

With a corpus model (``Pipeline.with_model``, issue #16), the damage form the corpus shows decides the
ambiguous references between words that the document alone leaves: in a corpus whose ``&`` mostly
became a space, ``issue #39; then`` is restored; such changes carry ``corpus_damage_share``.

Numeric references are decoded as HTML5 says (``#146;`` is ``’``, ``#151;`` is ``—``; ``#x2019;`` too).

Many entity names are English words (``copy; not``, ``it;``, ``and;``, ``times;``) or the tails of
words (``daring;`` ends in ``aring``, ``salt;`` in ``lt``), so each candidate is judged by evidence,
in small named rules below: how strong its name is (:func:`name_strength`), what is glued to it, and
what damage the rest of the document already shows (:class:`Evidence`).

>>> from textmend import Pipeline
>>> Pipeline(["entities"])("Letrsquo;s keep a copy; not the original, salt; and daring;")
'Let’s keep a copy; not the original, salt; and daring;'
>>> Pipeline(["entities"])("In  quot;helping themselves, quot; Ricky doesn #39;t")
'In "helping themselves," Ricky doesn\\'t'
>>> Pipeline(["entities"])("<p>Letrsquo;s fund Ramp;D</p>")  # markup: as written; & left alone
'<p>Let&rsquo;s fund Ramp;D</p>'
"""

from __future__ import annotations

import functools
import heapq
import html
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar, NamedTuple

import regex

from ..corpus_model import CorpusModel
from ..fixer import Findings, Fixer, register
from ..lexicon import zipf
from ..model import Edit
from ._blocks import inside, span_end, url_spans, with_code_blocks
from ._edits import merged_runs
from ._ftfy_lines import ascii_needs_ftfy, ftfy_would_change, is_plain_ascii
from ._language import MARKER_LANGUAGES, decided_language
from ._wordlists import REFERENCE_NAMES

__all__ = [
    "NO_EVIDENCE",
    "Candidate",
    "Damage",
    "EntityFixer",
    "Evidence",
    "Strength",
    "after_a_wrapped_ampersand",
    "after_sentence",
    "after_two_spaces",
    "and_is_lost_ampersand",
    "between_capitals",
    "between_names",
    "between_words",
    "candidates_with_ampersand",
    "candidates_without_ampersand",
    "changes_markup",
    "closes_plural_possessive",
    "closes_quote",
    "corpus_evidence",
    "decode_name",
    "decode_number",
    "decode_reference",
    "ends_a_word",
    "ends_and_name",
    "followed_by_word",
    "glued_to_next",
    "in_damaged_tag",
    "inside_a_term",
    "is_damage",
    "is_dash",
    "is_english_word",
    "is_number_damage",
    "is_style_value",
    "is_typographic",
    "is_word_as_written",
    "kept_candidates",
    "name_ending",
    "name_strength",
    "outermost",
    "outermost_in_order",
    "read_run",
    "repaired",
    "space_is_lost_ampersand",
    "spaces_a_tag",
    "stays_plain",
    "text_order",
    "without_lines_ftfy_would_change",
    "would_make_a_reference",
]

_NUMBER = r"#[xX][0-9A-Fa-f]{1,6}(?![0-9A-Fa-f])|#[0-9]{1,7}(?![0-9])"
_NAME = r"[A-Za-z][A-Za-z0-9]{1,31}"

# The reference patterns hold ASCII classes only, so stdlib ``re`` matches as ``regex`` would, and it
# searches the short window before a ";" in half the time.
# A reference that kept its "&": "&#8217" (no semicolon), "&amp;rsquo;" (double escaped), "&rsquo;"
# (well-formed: ftfy's business, but no other candidate may start inside it).
_WITH_AMPERSAND = re.compile(rf"&(?P<amps>(?:amp;){{0,4}})(?:(?P<number>{_NUMBER});?|(?P<name>{_NAME});)")
# A reference that lost its "&": up to 48 letters or digits (an entity name, maybe glued to the word
# before it, or the "and" that replaced the "&"), or a number after them, then ";".
_WITHOUT_AMPERSAND = re.compile(
    r"(?<![&#A-Za-z])(?P<run>[A-Za-z0-9]{0,48})(?P<number>#[xX][0-9A-Fa-f]{1,6}|#[0-9]{1,7})?;"
)
_WITHOUT_AMPERSAND_LONGEST = 48 + 8 + 1
# A reference without its "&": after a lost "&amp;" it was escaped twice ("Dandamp;#39;s"); after an
# "&" that a repair makes, the two would make a new reference ("amp;mp;").
_REFERENCE_TAIL = re.compile(rf"(?:amp;){{0,4}}(?:(?P<number>{_NUMBER});?|(?P<name>{_NAME});)")
_WORD = regex.compile(r"[^\W_]{1,40}")

# Names that no English text uses: typographic punctuation and spaces, and accented letters.
# fmt: off
_MARKUP_NAMES = frozenset([
    "rsquo", "lsquo", "rdquo", "ldquo", "sbquo", "bdquo", "laquo", "raquo", "lsaquo", "rsaquo", "apos",
    "quot", "mdash", "ndash", "horbar", "hellip", "nbsp", "ensp", "emsp", "thinsp", "hairsp", "zwnj",
    "zwj", "lrm", "rlm", "middot", "iexcl", "iquest", "frac12", "frac14", "frac34", "plusmn", "szlig",
    "aelig", "AElig", "oelig", "OElig", "sup1", "sup2", "sup3", "permil", "frasl", "larr", "rarr",
    "uarr", "darr", "harr", "ordf", "ordm", "brvbar", "curren", "cedil"
])
# fmt: on
_ACCENTS = "acute|grave|circ|uml|tilde|cedil|ring|slash|caron|ogon|macr|dblac"
_ACCENTED_NAME = regex.compile(rf"[A-Za-z](?:{_ACCENTS})")
# Names of the characters that make HTML syntax; short, but no English word is spelt so.
_SYNTAX_NAMES = frozenset(["amp", "lt", "gt"])
# Contraction and possessive endings that follow an apostrophe: "doesn't", "Alzheimer's".
_CONTRACTION_ENDINGS = frozenset(["s", "t", "d", "m", "ll", "re", "ve"])
_APOSTROPHES = frozenset("'\u2019")
_CLOSING_QUOTES = frozenset("'\"\u2019\u201d\u00bb")
_SENTENCE_END = frozenset(".!?:'\"\u2019\u201d")
# ASCII characters that markup writes as numbers, and what may end a clause before a closing quote.
_ASCII_MARKUP = frozenset("'\"$&<>%#*+=@[]^`{|}~()")
_CLAUSE_END = frozenset(",.;:!?)")
# Latin letters with diacritics end here (Latin Extended-B); higher letters are not decoded bare.
_LATIN_END = 0x250
# A run of letters at least this frequent (Zipf) is an English word, not a word glued to an entity.
_WORD_ZIPF = 1.5
# "and" glued after letters that make a common word with it ("band", "hand") is that word's tail.
_AND_WORD_ZIPF = 3.0


# Every repair needs an "&", a number or a name that is never prose, as in :func:`name_strength`:
# ambiguous names are repaired only in texts that also show one of those.
_NUMBER_SIGN = re.compile(r"#[0-9xX]")
# A reference that kept its "&" starts "&#" or "&" and a letter ("&amp;", "&#8217"): "R & D" has none.
_AMPERSAND_REFERENCE = re.compile(r"&[#A-Za-z]")
_NEVER_PROSE_ENDINGS = tuple(
    f"{name};" for name in sorted(_MARKUP_NAMES | _SYNTAX_NAMES, key=len, reverse=True) + _ACCENTS.split("|")
)
# The last two letters of each of those names (every name has two or more).
_NEVER_PROSE_TAILS = frozenset(ending[-3:-1] for ending in _NEVER_PROSE_ENDINGS)


class _Gate:
    """The fixer's gate: the text has an ``&`` before ``#`` or a letter, a ``#`` before a digit or ``x``,
    or a ``;`` after a name that is never prose (``rsquo;``, ``lt;``, ``acute;``) or after ``and`` and
    any name (``andalpha;``: :func:`ends_and_name`).

    String methods, not one pattern: prose has a semicolon every few hundred characters, and looking
    behind each one is several times faster than a regex scan of the whole text.

    >>> _Gate().search("Letrsquo;s go"), _Gate().search("a copy; not")
    (True, None)
    """

    def search(self, text: str, /) -> bool | None:
        if ("&" in text and _AMPERSAND_REFERENCE.search(text) is not None) or (
            "#" in text and _NUMBER_SIGN.search(text) is not None
        ):
            return True
        at = text.find(";")
        while at >= 0:
            # The two characters before it first: most of prose's semicolons end no name's way.
            if text[at - 2 : at] in _NEVER_PROSE_TAILS and text.endswith(_NEVER_PROSE_ENDINGS, 0, at + 1):
                return True
            # Then "and" before it, looked for here first (a negative start would count from the end).
            if (
                at < _AND_NAME_LONGEST or text.find("and", at - _AND_NAME_LONGEST, at) >= 0
            ) and ends_and_name(text, at):
                return True
            at = text.find(";", at + 1)
        return None


def ends_and_name(text: str, at: int) -> bool:
    """Whether the ``;`` at ``at`` ends ``and`` and an entity name (``andalpha;``, ``andcopy;``): a
    reference whose ``&`` became ``and``, which :func:`is_damage` may take whatever its name.

    >>> ends_and_name("TNF-andalpha;", 12), ends_and_name("salt and pepper;", 15)
    (True, False)
    """
    start = max(0, at - _AND_NAME_LONGEST)
    start = text.rfind(" ", start, at) + 1 or start  # a name holds no space
    if text.find("and", start, at) < 0:
        return False
    return any(found[1] in REFERENCE_NAMES for found in _AND_BEFORE.finditer(text, start, at))


# "and" at every place it starts a run of letters and digits that reaches the end (a ";"), the run after it.
_AND_BEFORE = re.compile(r"(?=and([A-Za-z0-9]+)\Z)")


class Strength(Enum):
    """How sure a reference's name alone makes us that it is markup, not prose."""

    MARKUP = "markup"  # never English: "rsquo", "eacute", "#8217"
    SYNTAX = "syntax"  # "amp", "lt", "gt": not words, but the tails of many ("camp", "salt")
    WORD = "word"  # English words or fragments: "copy", "not", "it", "times", "part"

    __hash__ = object.__hash__  # members are singletons: identity, not Enum's hash of the name in Python


class Damage(Enum):
    """What happened to the ``&`` of a reference (the value is how reasons describe it)."""

    NO_SEMICOLON = "without its semicolon"
    DOUBLE_ESCAPED = "escaped twice"
    DROPPED = "without its &"
    SPACED = "with its & turned into a space"
    AND = "with its & turned into 'and'"

    __hash__ = object.__hash__  # members are singletons: identity, not Enum's hash of the name in Python

    @property
    def kind(self) -> str:
        """The structured kind of a repair of this damage: ``entity/dropped``."""
        return _KINDS[self]


_KINDS = {
    Damage.NO_SEMICOLON: "entity/no-semicolon",
    Damage.DOUBLE_ESCAPED: "entity/double-escaped",
    Damage.DROPPED: "entity/dropped",
    Damage.SPACED: "entity/space",
    Damage.AND: "entity/and",
}


# The characters that escaped markup stands for: in HTML or code they are never decoded.
_ESCAPED_MARKUP = frozenset('<>&"')


class Candidate(NamedTuple):
    """A possible damaged reference: ``text[start:end]`` would become ``decoded``.

    ``reference`` is the reference as written (``rsquo`` or ``#8217``); ``glued`` is the run of
    letters or digits glued to its left (``Let`` in ``Letrsquo;s``); ``word`` is that run with the
    reference's name, when the two together might be one English word (``daring``). ``at`` is where
    the reference itself starts, after any space or ``and`` that replaced its ``&``. A named tuple,
    not a dataclass: a page of repairs makes one per reference, and a tuple is made in a third of
    the time.
    """

    start: int
    end: int
    at: int
    reference: str
    decoded: str
    damage: Damage
    strength: Strength
    glued: str = ""
    word: str = ""


# Where a reference whose "&" became a space could still stand: a space, then a name or number and ";".
_AFTER_A_SPACE = re.compile(r"[ \t][A-Za-z0-9#]{1,57};")


@dataclass(frozen=True)
class Evidence:
    """What unambiguous damage a document shows; it raises confidence in ambiguous candidates.

    A candidate whose name is no word (``rsquo;``, ``#8217;``, ``lt;``) that is damage on its own is
    proof of how whatever produced the document damaged references; one scraper damages a whole
    document the same way. ``dropped`` says the document shows a reference whose ``&`` was dropped
    with nothing in its place (``Letrsquo;s``, ``,quot;``); ``spaced`` one whose ``&`` clearly became
    a space (``doesn #39;t``, ``the  #36;10``); ``anded`` one whose ``&`` became ``and``
    (``andplusmn;``, ``Crohnandapos;s``), and none of the first kind (where the ``&`` was dropped, an
    ``and`` before a reference is the word: ``and#8212;were``). A reference after a single space
    proves none of them: the space may be the ``&`` or a real one (``receptors rsquo;reset``).

    The evidence is used for damage of the same kind only. An ambiguous name (``amp;``, ``copy;``,
    ``#39;``) is decoded when it is glued to the next word in a text with ``dropped`` evidence, or
    follows two spaces in one with ``spaced`` evidence; a name that is a word after the ``and`` that
    replaced its ``&`` (``TNF-andalpha;``, ``andtimes; 10``) in one with ``anded`` evidence.
    :meth:`reread` uses it to choose between two readings of a repair.

    Evidence only ever adds repairs or chooses a reading; it never stops a repair. The candidates it
    decides are gone after mending, so mending again, without the evidence, changes nothing.
    """

    dropped: bool = False
    spaced: bool = False
    anded: bool = False

    @classmethod
    def of(cls, candidates: Iterable[Candidate], text: str, proven: set[int] | None = None) -> Evidence:
        """The evidence in ``candidates``: those with a markup name that are damage without evidence.

        Reads them once, in order, and stops as soon as the text shows dropped and spaced damage. The start
        of each candidate found to be damage is added to ``proven``, if given: evidence only adds
        repairs, so such a candidate is damage whatever the evidence, and need not be judged again.
        """
        dropped = spaced = anded = False
        next_after_space = -1  # where the next reference after a space may stand, once searched
        for c in candidates:
            if c.strength is Strength.WORD or not is_damage(c, text, NO_EVIDENCE):
                continue
            if proven is not None:
                proven.add(c.start)
            dropped = dropped or (c.damage is Damage.DROPPED and text[c.at - 1 : c.at] not in (" ", "\t"))
            spaced = spaced or _clearly_spaced(c, text) or spaces_a_tag(c, text)
            anded = anded or c.damage is Damage.AND
            if dropped and spaced:
                break
            if dropped and next_after_space < c.end:
                found = _AFTER_A_SPACE.search(text, c.end)
                if found is None:
                    break  # nothing left to learn: no reference after a space remains
                next_after_space = found.start()
        return _EVIDENCE[dropped, spaced, anded and not dropped]

    def shows_damage_like(self, candidate: Candidate, text: str) -> bool:
        """Whether the document shows the kind of damage ``candidate`` would be, where it stands."""
        if after_two_spaces(text, candidate.at) or candidate.damage is Damage.SPACED:
            return self.spaced
        return self.dropped and followed_by_word(text, candidate.end)

    def rereads(self) -> tuple[Damage, ...]:
        """The damage of the candidates that :meth:`reread` may read otherwise in this text; the others
        read as found: ``Evidence(spaced=True).rereads() == (Damage.DROPPED,)``."""
        if self.dropped:
            return (Damage.AND,)
        return (Damage.DROPPED,) if self.spaced else ()

    def reread(self, candidate: Candidate, text: str) -> Candidate:
        """``candidate`` read again in the light of the kind of damage this text shows.

        In a text that shows ``spaced`` damage and no ``dropped`` damage, a real space before a
        reference would have left two, so the (last) space before a markup name, or a syntax name
        glued to what follows or closing an escaped tag, is its ``&`` (``said #8212;\n`` becomes
        ``said—``, ``GOOG.O lt;/A gt; said`` becomes ``GOOG.O</A> said``; ``the amp; then`` stays).
        In a text that shows ``dropped`` damage, an ``and`` standing alone before a reference is the
        word (``and#8212;were``), not a replaced ``&``.
        """
        if (
            self.spaced
            and not self.dropped
            and candidate.damage is Damage.DROPPED
            and (
                candidate.strength is Strength.MARKUP
                or (
                    candidate.strength is Strength.SYNTAX
                    and (glued_to_next(text, candidate.end) or in_damaged_tag(candidate, text))
                )
            )
            and not candidate.glued
            and text[candidate.at - 1 : candidate.at] == " "
        ):
            return candidate._replace(start=candidate.at - 1, damage=Damage.SPACED)
        if self.dropped and candidate.damage is Damage.AND and not candidate.glued:
            return candidate._replace(start=candidate.at, damage=Damage.DROPPED, glued="and")
        return candidate


def _clearly_spaced(candidate: Candidate, text: str) -> bool:
    """Whether the space taken for ``candidate``'s ``&`` is clearly one.

    Not for a closing quote after a letter (``the Jones rsquo; house``): some writers space those.
    """
    closes_after_letter = (
        candidate.decoded in _CLOSING_QUOTES
        and not followed_by_word(text, candidate.end)
        and text[candidate.at - 2 : candidate.at - 1].isalnum()
    )
    return candidate.damage is Damage.SPACED and not closes_after_letter


def spaces_a_tag(candidate: Candidate, text: str) -> bool:
    """Whether ``candidate`` is the ``gt;`` of an escaped tag right after its name and one space
    (``lt;/A gt;``, ``lt;b gt;``): HTML writes no space there, so that space was the ``&``.

    >>> text = "Corp.  lt;A HREF=x gt;ACME lt;/A gt; rose"
    >>> [spaces_a_tag(c, text) for c in candidates_without_ampersand(text, [])]
    [False, False, False, True]
    """
    if candidate.decoded != ">" or candidate.glued or text[candidate.at - 1 : candidate.at] != " ":
        return False
    opening = text.rfind("lt;", max(0, candidate.at - _BARE_TAG_LONGEST), candidate.at)
    return opening >= 0 and _BARE_TAG.fullmatch(text, opening + 3, candidate.at) is not None


# A tag's name alone, as it follows "lt;" and comes before " gt;": "/A ", "b ", "h2 ", "br/ ", "br / ".
_BARE_TAG = re.compile(r"/?[A-Za-z][A-Za-z0-9]{0,15}(?: ?/)? ")
_BARE_TAG_LONGEST = 24


NO_EVIDENCE = Evidence()
# Each evidence a document can show, made once: ``_EVIDENCE[dropped, spaced, anded]``.
_EVIDENCE = {shown: Evidence(*shown) for shown in itertools.product((False, True), repeat=3)}


# -- reading names ------------------------------------------------------------------------------


def decode_name(name: str) -> str | None:
    """The text an entity name stands for, or ``None``: ``decode_name("rsquo") == "’"``."""
    return REFERENCE_NAMES.get(name)


# "and" and the longest name of REFERENCE_NAMES (one lookup per name there, no string made).
_AND_NAME_LONGEST = 3 + max(map(len, REFERENCE_NAMES))


@functools.lru_cache(maxsize=4096)
def decode_number(reference: str) -> str | None:
    """The character of ``#nnn`` or ``#xhhh`` as HTML5 decodes it, if printable: ``#146`` is ``’``."""
    decoded = html.unescape(f"&{reference};")
    if len(decoded) != 1 or decoded == "\ufffd":
        return None
    return None if unicodedata.category(decoded) in ("Cc", "Cs", "Co", "Cn") else decoded


@functools.lru_cache(maxsize=4096)
def decode_reference(reference: str) -> str | None:
    """What a name or ``#`` number decodes to, or ``None``."""
    return decode_number(reference) if reference.startswith("#") else REFERENCE_NAMES.get(reference)


@functools.lru_cache(maxsize=4096)
def name_strength(name: str) -> Strength:
    """How sure the name alone makes us: ``rsquo`` is markup, ``amp`` syntax, ``copy`` a word.

    Numbers and the curated typographic names are markup; so are accented letters (``eacute``) that
    decode to a letter. wordfreq cannot decide this, since its English list holds scraper junk such
    as ``rsquo`` and ``nbsp`` with a nonzero frequency.
    """
    if name.startswith("#") or name in _MARKUP_NAMES:
        return Strength.MARKUP
    if _ACCENTED_NAME.fullmatch(name) and (decode_name(name) or "").isalpha():
        return Strength.MARKUP
    if name in _SYNTAX_NAMES:
        return Strength.SYNTAX
    return Strength.WORD


@functools.lru_cache(maxsize=4096)
def name_ending(run: str) -> str | None:
    """The strongest, then longest, entity name that ``run`` ends with: ``Letrsquo`` -> ``rsquo``.

    Strength comes first: ``Byronapos`` ends in ``apos``, not in the rare ``napos`` (``ŉ``).
    """
    names = [run[cut:] for cut in range(len(run) - 1) if decode_name(run[cut:]) is not None]
    ranks = list(Strength)
    return min(names, key=lambda name: ranks.index(name_strength(name)), default=None)


# -- the rules ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def is_english_word(run: str) -> bool:
    """Whether a run of letters is an English word, so its tail is no entity: ``daring``, ``salt``."""
    return bool(run) and zipf(run.lower()) >= _WORD_ZIPF


def and_is_lost_ampersand(before: str) -> bool:
    """Whether the ``and`` after ``before`` replaced an ``&``: ``Alzheimer``+``and``, not ``b``+``and``."""
    return not before or zipf((before + "and").lower()) < _AND_WORD_ZIPF


def glued_to_next(text: str, end: int) -> bool:
    """Whether something other than a space follows at ``end`` (``lt;/A``), not the end of the text."""
    return end < len(text) and not text[end].isspace()


def followed_by_word(text: str, end: int) -> bool:
    """Whether a letter or digit follows at ``end``: ``rsquo;s``; prose puts a space after ``;``."""
    return end < len(text) and text[end].isalnum()


def after_two_spaces(text: str, start: int) -> bool:
    """Whether ``start`` follows a space that follows a space or starts a line (``the  #36;10``).

    Two spaces after the end of a sentence (``top.  #39;In``) are a typist's habit, not a lost ``&``.
    """
    if start < 1 or text[start - 1] != " ":
        return False
    return (
        start == 1
        or text[start - 2] in "\t\n"
        or (text[start - 2] == " " and not after_sentence(text, start - 2))
    )


def after_sentence(text: str, position: int) -> bool:
    """Whether ``position`` follows the punctuation that ends a sentence (``.``, ``?"``)."""
    return position >= 1 and text[position - 1] in _SENTENCE_END


def changes_markup(candidate: Candidate, markup: bool) -> bool:
    """Whether a repair could change what a document with markup (HTML or code: a ``<``) means.

    In markup, escaped markup (``&lt;``, ``&gt;``, ``&amp;``, ``&quot;``) is never decoded, and a
    reference escaped twice may be meant so (``<tt>&amp;quot;</tt>``, ``&amp;#x27;``) unless it is a
    name that is never prose for a character beyond ASCII (``&amp;rsquo;``, ``&amp;#8217;``).
    Repairs there restore the reference as written (``Letrsquo;s`` to ``Let&rsquo;s``,
    ``&amp;rsquo;`` to ``&rsquo;``), see :func:`repaired`.
    """
    if not markup:
        return False
    if candidate.damage is Damage.DOUBLE_ESCAPED and (
        candidate.strength is not Strength.MARKUP or candidate.decoded.isascii()
    ):
        return True  # "<tt>&amp;quot;</tt>", "<tt>&amp;#x27;</tt>": HTML showing escapes
    return bool(set(candidate.decoded) & _ESCAPED_MARKUP)


def repaired(candidate: Candidate, markup: bool) -> str:
    """What a damaged reference becomes: its character, or in markup the reference as written.

    >>> c = Candidate(0, 6, 0, "rsquo", "’", Damage.DROPPED, Strength.MARKUP)
    >>> repaired(c, False), repaired(c, True)
    ('’', '&rsquo;')
    """
    return f"&{candidate.reference};" if markup else candidate.decoded


def would_make_a_reference(candidate: Candidate, text: str) -> bool:
    """Whether decoding to ``&`` would make a new reference with the text after it (``amp;mp;``)."""
    after = _REFERENCE_TAIL.match(text, candidate.end) if candidate.decoded == "&" else None
    return after is not None and decode_reference(after["number"] or after["name"]) is not None


def is_damage(candidate: Candidate, text: str, evidence: Evidence) -> bool:
    """Whether ``candidate`` is a damaged reference, from its name, its neighbours and ``evidence``."""
    if candidate.damage in (Damage.NO_SEMICOLON, Damage.DOUBLE_ESCAPED):
        return True  # the "&" is there: this is a reference
    if candidate.damage is Damage.AND:
        if candidate.strength is not Strength.WORD:
            return True  # "andgt;", "Dandamp;C"
        # A word's name ("andalpha;", "andcopy;") where the text shows "andplusmn;" too, or inside a term
        # ("TNF-andalpha;", "andbeta;-catenin"); never in a word wordfreq knows ("candle;", "andor;").
        return (evidence.anded or inside_a_term(candidate, text)) and zipf(candidate.word.lower()) == 0
    if not candidate.glued and after_a_wrapped_ampersand(text, candidate.at):
        return False  # "&\r\nnbsp;": the "&" is there, a line break between it and its name
    if not candidate.glued and is_style_value(text, candidate.at):
        return False  # "{background:#333;", "display:block;": a style sheet's value, no reference
    if candidate.decoded == "&" and between_capitals(candidate.glued, text, candidate.end):
        return True  # "Ramp;D", "ATamp;T": initials around an "&"
    if candidate.glued and candidate.strength is Strength.SYNTAX and in_damaged_tag(candidate, text):
        return True  # "ACME.Nlt;/Agt;": a tag's two ends prove each other, whatever is glued before them
    if candidate.glued and (candidate.strength is Strength.WORD or is_english_word(candidate.word)):
        return False  # "cannot;", "daring;", "salt;", "sometimes;"
    if candidate.glued and is_word_as_written(candidate, text):
        return False  # Dutch "ervaring;", Spanish "buscaron;", the name "Jacquot;": words before a ";"
    if candidate.strength is Strength.WORD:
        return evidence.shows_damage_like(candidate, text)  # "Copyright  copy; 2004"
    if candidate.strength is Strength.SYNTAX:
        # "AT amp;T", "lt;5%"; "Barnes  amp; Noble" only in a document with that damage elsewhere.
        return (
            followed_by_word(text, candidate.end)
            or evidence.shows_damage_like(candidate, text)
            or between_names(text, candidate)
            or in_damaged_tag(candidate, text)  # "lt;/A gt;"
        )
    if candidate.reference.startswith("#"):
        return is_number_damage(candidate, text, evidence)
    return True


def after_a_wrapped_ampersand(text: str, at: int) -> bool:
    """Whether an ``&`` and a space or line break stand right before a name at ``at``: mail that wraps
    HTML breaks ``&\\r\\nnbsp;`` at its ``&``, which is still there (no ``&`` to restore).

    >>> after_a_wrapped_ampersand("Tom &\\r\\nnbsp;", 7), after_a_wrapped_ampersand("Tom\\r\\nnbsp;", 5)
    (True, False)
    """
    space = at
    while space > 0 and text[space - 1] in " \t\r\n":
        space -= 1
    return space < at and text[space - 1 : space] == "&"


def is_style_value(text: str, at: int) -> bool:
    """Whether the name at ``at`` is the value of a CSS declaration: a property's name and a colon right
    before it, after a ``{``, a ``;``, a quotation mark or a line's start (``.hljs{background:#333;``,
    ``pre code{display:block;``, ``style="color:#222;"``). A scraper that keeps a page's style sheet
    keeps its colours and keywords (``#333;``, ``block;``, ``top;``, ``square;``), which read as
    references without their ``&``; a reference that lost its ``&`` follows a word or a space, never a
    property's colon.

    >>> text = ".a{color:#333;display:block;} Now#8217;s"
    >>> [is_style_value(text, c.at) for c in candidates_without_ampersand(text, [])]
    [True, True, False]
    """
    return _STYLE_DECLARATION.search(text, max(0, at - _STYLE_REACH), at) is not None


# A CSS property's name and its colon, ending where the value starts (see is_style_value).
_STYLE_DECLARATION = re.compile(r"(?:^|[{;\"'])[ \t]*-?[a-z][a-z-]*[ \t]*:[ \t]*\Z", re.MULTILINE)
# The longest CSS property name is 32 letters ("-webkit-text-decorations-in-effect"): room for it.
_STYLE_REACH = 48


def is_word_as_written(candidate: Candidate, text: str) -> bool:
    """Whether the letters glued before a name and the name are a word as written: one wordfreq knows in
    English however rarely (``Jacquot``, ``aliquot``), or in the language of the text around it (Dutch
    ``ervaring;`` is ``erv`` and ``aring;``, Spanish ``buscaron;`` is ``bu`` and ``scaron;``,
    Portuguese ``guardanapos;`` ends in ``apos;``), or a run ending in the name of a letter that would
    make no word decoded (``Rhinegrave;``: no ``Rhinè``). Such a word ends a clause before its ``;``; a
    reference that lost its ``&`` makes no word as written (``Letrsquo``, ``cafeacute``), and a letter
    decoded makes one (``på``).

    >>> text = "Dit is een mooie ervaring; het was voor mij heel nieuw en het is nu voorbij."
    >>> [is_word_as_written(c, text) for c in candidates_without_ampersand(text, [])]
    [True]
    >>> text = "Het was een cafeacute; met een terras en het is nu voorbij."
    >>> [is_word_as_written(c, text) for c in candidates_without_ampersand(text, [])]
    [False]
    """
    word = candidate.word.lower()
    if not word or candidate.reference not in _WORD_TAIL_NAMES:
        return False
    if zipf(word) > 0:
        return True
    around = text[max(0, candidate.start - _AROUND) : candidate.end + _AROUND]
    language = decided_language(around, "en")
    if language in _OTHER_LANGUAGES and zipf(word, language) > 0:
        return True
    if not candidate.decoded.isalpha():
        return False
    # A letter's name: decoded, the letter must make a word ("M\u00fcller"), or the run stays as written
    # (Scott's "Rhinegrave;" is no "Rhin\u00e8").
    made = f"{candidate.glued}{candidate.decoded}{_word_at(text, candidate.end)}".lower()
    return zipf(made) == 0 and not (language in _OTHER_LANGUAGES and zipf(made, language) > 0)


# The names that end words of the marker languages after other letters: each in two words or more of
# their wordfreq lists (thirty-eighth session; "lt" 7,959 words, "aring" 642, "apos" 60: "capos",
# "quot" 45: "aliquot", "oelig" 31: "gevoelig", "rcaron" 14: "marcaron", "curren" 8: "ocurren"), or
# in one of their 50,000 most common words ("lacute": Romanian "placute", "plăcute" without its marks;
# tests/test_entities.py checks those words). Other names ("rsquo", "mdash", "eacute") end no word
# there: no text is looked at for them.
_WORD_TAIL_NAMES = frozenset(
    "lt gt amp aring uring apos quot oelig agrave otilde atilde rcaron scaron harr ncaron curren egrave"  # noqa: SIM905
    " ecaron lcaron cedil lacute".split()
)
# How much text on each side of a reference shows the language it stands in.
_AROUND = 300
# The languages whose words are looked up besides English: those the markers tell apart.
_OTHER_LANGUAGES = frozenset(MARKER_LANGUAGES) - {"en"}


def inside_a_term(candidate: Candidate, text: str) -> bool:
    """Whether ``candidate`` stands inside a term: glued to a digit before it (``IL-1andbeta;``), after
    a hyphen or a slash (``TNF-andalpha;``, ``Wnt/andbeta;``), or before a hyphen or a letter or digit
    (``andbeta;-catenin``, ``andkappa;B``). Prose puts no word glued to ``and`` there: its ``and``
    replaced an ``&``. (Not glued to letters: ``manhandles;`` is ``man``, ``h``, ``and`` and ``les;``.)

    >>> [inside_a_term(c, t) for t in ("TNF-andalpha;", "cut andcopy; here")
    ...  for c in candidates_without_ampersand(t, [])]
    [True, False]
    """
    return (
        candidate.glued[-1:].isdigit()
        or text[candidate.start - 1 : candidate.start] in _TERM_JOINERS
        or text[candidate.end : candidate.end + 1] == "-"
        or followed_by_word(text, candidate.end)
    )


_TERM_JOINERS = frozenset("-/")


def is_number_damage(candidate: Candidate, text: str, evidence: Evidence) -> bool:
    """Whether a number without its ``&`` is damage: it must decode to what markup encodes.

    A Latin letter must complete a word (``caf#233;``, ``M#252;ller``): ``dbus#225;`` is a bug
    number, and so is any number glued to letters but not to the next word (``PR#147;``) unless the
    document shows ``&``-dropped damage elsewhere. Typographic characters are markup (``#8217;``,
    ``#151;``). ASCII punctuation (``#39;``, ``#36;``) must be glued to a word on the right
    (``#39;t``) or follow the end of a clause (``,#34;``), or show damage the document shows
    elsewhere: ``issue #39; then`` is prose. Other characters (``#73689;``, ``#65;``) are not decoded.
    """
    decoded = candidate.decoded
    if len(decoded) == 1 and decoded.isalpha() and 128 <= ord(decoded) < _LATIN_END:
        completed = f"{candidate.glued}{decoded}{_word_at(text, candidate.end)}".lower()
        return (
            followed_by_word(text, candidate.end)
            or candidate.damage is Damage.SPACED
            or (bool(candidate.glued) and zipf(completed) > 0)
        )
    if candidate.glued and not followed_by_word(text, candidate.end):
        # "PR#147;", "GH#9092;", "dbus#39;": the way issues are numbered, unless the text shows damage
        # or the reference closes a quote it opened ("#39;hi#39;").
        return (evidence.dropped and (is_typographic(decoded) or decoded in _ASCII_MARKUP)) or closes_quote(
            text, candidate
        )
    if is_typographic(decoded):
        return True
    return decoded in _ASCII_MARKUP and (
        followed_by_word(text, candidate.end)
        or text[candidate.at - 1 : candidate.at] in _CLAUSE_END
        or evidence.shows_damage_like(candidate, text)
        or (candidate.damage is Damage.SPACED and closes_plural_possessive(text, candidate.at, candidate.end))
    )


_QUOTE_CHARACTERS = frozenset("'\"")


def closes_quote(text: str, candidate: Candidate) -> bool:
    """Whether a quote reference glued to the word before it closes the same reference that opened a
    quote earlier on its line: the second ``#39;`` of ``said #39;hi#39; today``.

    Not a reference that opened nothing (``PR#39;``), nor one whose opening was glued on both sides.
    """
    if candidate.decoded not in _QUOTE_CHARACTERS:
        return False
    written = f"{candidate.reference};"
    line_start = text.rfind("\n", 0, candidate.at) + 1
    opening = text.rfind(written, line_start, candidate.at - len(candidate.glued))
    return (
        opening >= 0
        and not text[opening - 1 : opening].isalnum()
        and followed_by_word(text, opening + len(written))
        and text.count(written, opening + len(written), candidate.at) == 0
    )


# Words no possessive stands before, not even one whose noun is left out (``like their mothers' with
# age``): an article, a determiner or a subject pronoun starts a phrase of its own.
_NEVER_POSSESSED = frozenset(
    "a an the this these those my your his her its our their i he she we they".split()  # noqa: SIM905
)
# Verbs that close an issue by number in commit messages and trackers (``Fixes #39; the parser``).
_ISSUE_VERBS = frozenset({"fixes", "closes", "resolves", "refs"})


def closes_plural_possessive(text: str, at: int, end: int) -> bool:
    """Whether an apostrophe reference after a space closes a plural possessive before a word:
    ``the makers #39; union``, ``the Giants #39; coach`` (the space was its ``&``).

    Not before a number or another reference (``issues #39; #40;``), nor after a word of one letter,
    nor before an article or a pronoun (``the ministers #39; the meeting``), nor after a verb that
    closes issues (``Fixes #39; see the notes``: an issue's number).

    >>> closes_plural_possessive("the makers #39; union", 11, 15)
    True
    >>> closes_plural_possessive("Fixes #39; the parser", 6, 10)
    False
    """
    if not (text[at - 1 : at] == " " and text[end : end + 1] == " " and text[end + 1 : end + 2].isalpha()):
        return False
    before = _word_before(text, at - 1)
    if len(before) < 3 or not before.endswith("s") or before.lower() in _ISSUE_VERBS:
        return False
    return _word_at(text, end + 1).lower() not in _NEVER_POSSESSED


def in_damaged_tag(candidate: Candidate, text: str) -> bool:
    """Whether a ``lt;`` or ``gt;`` candidate opens or closes an escaped HTML tag that lost its ``&``s:
    ``lt;`` before a tag's name and a ``gt;`` after it on the line, or that ``gt;``. A tag is one
    piece of markup: ``lt;A HREF=...gt;ACME.N lt;/A gt;`` is mended whole, never one half of it.

    >>> text = "Shares lt;b gt;ACME lt;/b gt; rose; x lt; y gt; z"
    >>> [c.decoded for c in candidates_without_ampersand(text, []) if in_damaged_tag(c, text)]
    ['<', '>', '<', '>']
    """
    if candidate.decoded == "<":
        return (
            text.find("gt;", candidate.end, candidate.end + _TAG_LONGEST + _TAG_NAME_LONGEST) >= 0
            and _TAG_AFTER_LT.match(text, candidate.end) is not None
            and not ends_a_word(text, candidate.at)
        )
    if candidate.decoded != ">":
        return False
    opening = text.rfind("lt;", max(0, candidate.at - _TAG_LONGEST), candidate.at)
    if opening < 0 or ends_a_word(text, opening):
        return False  # no tag opens at "salt;b": a "gt;" after it closes none
    tag = _TAG_AFTER_LT.match(text, opening + 3)
    return tag is not None and tag.end() == candidate.end


def ends_a_word(text: str, name: int) -> bool:
    """Whether the reference name at ``name`` (``lt``, ``gt``) ends a common English word with the
    letters glued before it (``salt``, ``result``), not a tag's text glued to it (``ACME.Nlt``).

    >>> ends_a_word("add salt;", 6), ends_a_word("ACME.Nlt;", 6), ends_a_word("x lt;", 2)
    (True, False, False)
    """
    glued = _word_before(text, name)
    return bool(glued) and zipf(f"{glued}{text[name : name + 2]}".lower()) >= _TAG_WORD_ZIPF


# What follows the "lt;" of an escaped tag up to its "gt;" (the "&" of each lost): a name ("A", "/b",
# "h2"), then attributes on the same line with no other "lt;" ("HREF= quot;http://x quot;"), then
# "gt;", maybe after the "and" that replaced its "&". Tags are short: at most _TAG_LONGEST characters.
_TAG_LONGEST = 400
_TAG_NAME_LONGEST = 24
# A word this common ends in "lt" or "gt" on purpose ("salt", "result"; scraper junk such as "nlt" is
# rarer).
_TAG_WORD_ZIPF = 3.0
_TAG_AFTER_LT = re.compile(
    rf"/?[A-Za-z][A-Za-z0-9]{{0,15}}(?:[ \t/](?:(?!lt;)[^\n<>]){{0,{_TAG_LONGEST}}}?)?(?:and)?gt;"
)


def between_names(text: str, candidate: Candidate) -> bool:
    """Whether an ``&`` reference stands alone between two capitalised names: ``Barnes amp; Noble``.

    Not ``the amp; then`` or ``a Fender amp; it was loud``: both neighbours must be capitalised words.
    """
    if candidate.decoded != "&" or candidate.glued or text[candidate.at - 1 : candidate.at] != " ":
        return False
    before = _word_before(text, candidate.at - 1)
    after = _word_at(text, candidate.end + 1)
    return (
        text[candidate.end : candidate.end + 1] == " "
        and before[:1].isupper()
        and after[:1].isupper()
        and after.isalpha()
    )


_CAPITALS_AFTER = re.compile(r"[A-Z]{1,3}(?![A-Za-z])")


def between_capitals(glued: str, text: str, end: int) -> bool:
    """Whether an ``&`` stood between initials: ``R`` before and ``D`` after ``Ramp;D`` (R&D, AT&T, V&V).

    >>> between_capitals("R", "Ramp;D", 5), between_capitals("Ch", "Champ;D", 6)
    (True, False)
    """
    return 1 <= len(glued) <= 3 and glued.isupper() and _CAPITALS_AFTER.match(text, end) is not None


def between_words(text: str, at: int, end: int) -> bool:
    """Whether a reference at ``text[at:end]`` stands between two words, each glued to it or one space
    away: ``issue #39; then``, ``said hi#8221; then``; not ``issues #38, #39; and`` (after a comma).

    What a corpus model may decide: its damage form says nothing about references among numbers and
    punctuation.

    >>> between_words("issue #39; then", 6, 10), between_words("issues #38, #39; and", 12, 16)
    (True, False)
    """
    before = at - 1 if text[at - 1 : at] == " " else at
    after = end + 1 if text[end : end + 1] == " " else end
    return text[before - 1 : before].isalpha() and text[after : after + 1].isalpha()


def is_typographic(character: str) -> bool:
    """Whether a decoded number is punctuation, a symbol or a space that markup encodes: ``—``, ``€``.

    Only below U+2E00: higher symbols (``#73689;`` is a Tamil sign) are more likely numbers in prose.
    """
    if len(character) != 1:
        return False  # two code points ("race;" decodes to "∽̱"): no single character markup encodes
    return 128 <= ord(character) < 0x2E00 and unicodedata.category(character)[0] in "PSZ"


# -- the space that replaced an "&" -------------------------------------------------------------


def space_is_lost_ampersand(text: str, start: int, end: int, decoded: str) -> bool:
    """Whether the single space before a reference at ``start`` was its ``&`` (and must go too).

    Yes after two spaces (``the  #36;10``); for a closing quote before a space or punctuation
    (``themselves, quot; Ricky``); for an apostrophe before a contraction ending (``doesn #39;t``);
    for an accented letter that completes the word before it (``saut eacute;``); for a dash glued
    to the next word (``word #8212;word``); and for ``&`` between two words (``AT amp;T``).
    """
    if start < 1 or text[start - 1] != " ":
        return False
    if after_two_spaces(text, start):
        return True
    if start < 2 or text[start - 2].isspace():
        return False
    # The words on either side are read only by the rules that need them (most candidates need neither).
    if decoded in _APOSTROPHES:
        if closes_plural_possessive(text, start, end):
            return True  # "the makers #39; union"
        following = _word_at(text, end)
        if following:
            # "doesn #39;t", "Inc. #39;s", "o #39;clock"
            if following.lower() in _CONTRACTION_ENDINGS:
                return True
            preceding = _word_before(text, start - 1)
            return bool(preceding) and zipf(f"{preceding}'{following}".lower()) > 0
    if decoded in _CLOSING_QUOTES and not followed_by_word(text, end):
        # A closing quote after a clause ("madam, #34; said"); an ASCII one after a letter could be
        # prose ("Item #39; is"), a typographic one is not ("the Jones rsquo; house").
        return not decoded.isascii() or not text[start - 2].isalnum()
    if not (text[start - 2].isalpha() and (decoded == "&" or decoded.isalpha() or is_dash(decoded))):
        return False  # no word before, or a character no rule below decides
    preceding = _word_before(text, start - 1)
    if is_dash(decoded):
        return followed_by_word(text, end)  # "word #8212;word": prose puts no space before a dash only
    following = _word_at(text, end)
    if decoded.isalpha():
        return zipf((preceding + decoded + following).lower()) > 0
    return decoded == "&" and bool(following)


def is_dash(decoded: str) -> bool:
    """Whether a decoded reference is one dash character: ``is_dash("—")``; ``race;`` (two) is not."""
    return len(decoded) == 1 and unicodedata.category(decoded) == "Pd"


def _word_at(text: str, start: int) -> str:
    match = _WORD.match(text, start)
    return match.group() if match else ""


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and end - start < 40 and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


# -- finding candidates -------------------------------------------------------------------------


def candidates_with_ampersand(matches: list[re.Match[str]]) -> Iterator[Candidate]:
    """The references among ``matches`` of ``_WITH_AMPERSAND`` that were escaped twice or lost their
    semicolon. Well-formed references are ftfy's to decode, and in text with a ``<`` meant as written.
    """
    for match in matches:
        reference = match["number"] or match["name"]
        decoded = decode_reference(reference)
        if match["amps"]:
            damage = Damage.DOUBLE_ESCAPED
        elif match["number"] and not match.group().endswith(";"):
            damage = Damage.NO_SEMICOLON
        else:
            continue
        if decoded is None:
            continue
        yield Candidate(
            match.start(), match.end(), match.start(), reference, decoded, damage, name_strength(reference)
        )


def candidates_without_ampersand(text: str, references: list[tuple[int, int]]) -> Iterator[Candidate]:
    """References that lost their ``&`` (dropped, turned into a space or into ``and``), outside the
    spans of ``references`` that kept theirs."""
    position = 0
    while (match := _next_without_ampersand(text, position)) is not None:
        position = end = match.end()
        if references and (skip_to := span_end(references, match.start())) is not None:
            position = skip_to
            continue
        reading = read_run(*match.group("run", "number"))
        if reading is None:
            continue
        reference, glued, decoded, strength, word = reading
        start = at = match.start() + len(glued)
        if reference == "amp":  # "Dandamp;#39;s": the lost "&" belonged to a double escape
            after = _REFERENCE_TAIL.match(text, end)
            escaped = decode_reference(after["number"] or after["name"]) if after is not None else None
            if after is not None and escaped is not None:
                reference, decoded, end = after["number"] or after["name"], escaped, after.end()
                strength = name_strength(reference)
        if decoded is None:
            continue
        damage = Damage.DROPPED
        if glued.endswith("and") and (
            and_is_lost_ampersand(glued[:-3]) or (decoded == "&" and between_capitals(glued[:-3], text, end))
        ):
            glued, start, damage = glued[:-3], start - 3, Damage.AND
        elif (
            not glued
            and text[start - 1 : start] == " "
            and space_is_lost_ampersand(text, start, end, decoded)
        ):
            start, damage = start - 1, Damage.SPACED
        yield Candidate(start, end, at, reference, decoded, damage, strength, glued, word)


@functools.lru_cache(maxsize=8192)
def read_run(run: str, number: str | None) -> tuple[str, str, str | None, Strength, str] | None:
    """How a run of letters or digits and a number before a ``;`` read as a reference: the reference,
    the run glued before it, what it decodes to, its strength and the word the two might make (see
    :class:`Candidate`); ``None`` when no entity name ends the run. One lookup per candidate.

    >>> read_run("Letrsquo", None)
    ('rsquo', 'Let', '’', <Strength.MARKUP: 'markup'>, 'Letrsquo')
    >>> read_run("", "#39")[:4], read_run("daring", None)[:2], read_run("xyz", None)
    (('#39', '', "'", <Strength.MARKUP: 'markup'>), ('aring', 'd'), None)
    """
    if number:
        reference, glued = number, run
    else:
        found = name_ending(run)
        if found is None:
            return None
        reference, glued = found, run[: len(run) - len(found)]
    word = run if not number and glued else ""
    return reference, glued, decode_reference(reference), name_strength(reference), word


def _next_without_ampersand(text: str, position: int) -> re.Match[str] | None:
    """The first match of ``_WITHOUT_AMPERSAND`` at or after ``position``, searched for only in front of
    each ``;`` (a match ends at one and is at most ``_WITHOUT_AMPERSAND_LONGEST`` long), not everywhere.

    >>> _next_without_ampersand("a copy; Letrsquo;s", 0)["run"]
    'copy'
    """
    end = text.find(";", position)
    while end >= 0:
        start = max(position, end + 1 - _WITHOUT_AMPERSAND_LONGEST)
        start = text.rfind(" ", start, end) + 1 or start  # a match holds no space
        match = _WITHOUT_AMPERSAND.search(text, start, end + 1)
        if match is not None:
            return match
        end = text.find(";", end + 1)
    return None


def outermost(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates in text order, without those inside an earlier one (``#39;`` in ``amp;#39;``)."""
    return list(outermost_in_order(sorted(candidates, key=text_order)))


def text_order(candidate: Candidate) -> tuple[int, int]:
    """The order of candidates in a text: by start, the longer first."""
    return candidate.start, -candidate.end


def kept_candidates(
    text: str, candidates: Iterable[Candidate], urls: list[tuple[int, int]], markup: bool
) -> Iterator[Candidate]:
    """The ``candidates`` (in :func:`text_order`) that a repair may take: outside the ``urls`` and any
    earlier kept candidate (:func:`outermost_in_order`), not changing ``markup`` (:func:`changes_markup`),
    and not an ``&`` that would make a new reference with what follows (``amp;mp;``). One loop for the
    four tests.
    """
    end = -1
    for candidate in candidates:
        if (
            candidate.start < end
            or (urls and inside(urls, candidate.start))
            or (markup and changes_markup(candidate, markup))
            or (candidate.decoded == "&" and would_make_a_reference(candidate, text))
        ):
            continue
        end = candidate.end
        yield candidate


def outermost_in_order(candidates: Iterable[Candidate]) -> Iterator[Candidate]:
    """The candidates, already in :func:`text_order`, without those inside an earlier one."""
    end = -1
    for candidate in candidates:
        if candidate.start >= end:
            end = candidate.end
            yield candidate


def without_lines_ftfy_would_change(text: str, edits: list[Edit], markup: bool = False) -> Iterator[Edit]:
    """The sorted ``edits``, less those of the lines that ftfy would change once they are made.

    A decoded character can complete what ftfy fixes: ``rdquo;eacute;`` gives ``”é``, mojibake to
    ftfy; ``é–`` next to ``\\ufffd`` is too. The ``ftfy`` step runs before this one, so it would make
    that change on a second run; such a line is left as it is.

    >>> edits = [Edit(2, 15, "”é"), Edit(18, 24, "’")]
    >>> [edit.after for edit in without_lines_ftfy_would_change("x rdquo;eacute; y\\nrsquo;", edits)]
    ['’']
    """
    if not edits or stays_plain(text, edits, markup):
        return iter(edits)
    return _lines_ftfy_leaves(text, edits, markup)


def stays_plain(text: str, edits: list[Edit], markup: bool) -> bool:
    """Whether ``text`` and what ``edits`` put in are plain ASCII, so that no edited line is one ftfy
    would change: printable, and outside markup without ``&`` (:func:`could_change` clears such a line,
    and in markup :func:`is_plain_ascii` does). String methods decide for the whole text at once: most
    scraped news is ASCII, and its repairs are quotes.

    >>> stays_plain("Iraq #39;s", [Edit(4, 9, "'")], False), stays_plain("AT amp;T", [Edit(2, 7, "&")], False)
    (True, False)
    """
    plain = is_plain_ascii if markup else _is_plain_outside_markup
    return plain(text) and plain("".join([edit.after for edit in edits]))


def _is_plain_outside_markup(text: str) -> bool:
    """Whether ``text`` is printable ASCII without ``&`` (tabs and line breaks aside): ftfy's
    ``NEEDS_FTFY`` finds nothing there, with string methods instead of a scan of each character."""
    return text.isascii() and not ascii_needs_ftfy(text)


def _lines_ftfy_leaves(text: str, edits: list[Edit], markup: bool) -> Iterator[Edit]:
    """The sorted ``edits`` of the lines that ftfy would leave alone once they are made, line by line."""
    first = 0
    while first < len(edits):
        start = text.rfind("\n", 0, edits[first].start) + 1
        end = text.find("\n", edits[first].end) + 1 or len(text)
        last = first
        while last < len(edits) and edits[last].start < end:
            last += 1
        if not ftfy_would_change(_edited_line(text, start, end, edits, first, last), markup):
            yield from edits[first:last]
        first = last


def _edited_line(text: str, start: int, end: int, edits: list[Edit], first: int, last: int) -> str:
    """``text[start:end]`` with ``edits[first:last]`` (which lie inside it) made: no edit is copied."""
    parts = []
    position = start
    for index in range(first, last):
        edit = edits[index]
        parts.append(text[position : edit.start])
        parts.append(edit.after)
        position = edit.end
    parts.append(text[position:end])
    return "".join(parts)


@functools.lru_cache(maxsize=4096)
def _label(reference: str, damage: Damage) -> tuple[str, str]:
    """The reason and kind of a repair, by reference and damage: shared strings."""
    return f"&{reference}; {damage.value}", damage.kind


#: A corpus model decides ambiguous repairs only when it saw at least this many repairs (a handful
#: says nothing about how a corpus was damaged) ...
_CORPUS_REPAIRS = 20
#: ... and this share of them had the damage form in question (``#39;`` after a space in a corpus
#: where the ``&`` mostly became a space).
_CORPUS_SHARE = 0.5
# The corpus model's name of each form of damage that document evidence stands for.
_CORPUS_FORMS = {"spaced": "space", "dropped": "dropped", "anded": "and"}


def corpus_evidence(model: CorpusModel | None, evidence: Evidence) -> tuple[Evidence, float] | None:
    """The document's ``evidence`` with what a corpus ``model`` adds, and the model's share of the
    damage form it added; ``None`` when the model adds nothing (none, too few repairs seen, no form
    with a clear majority, or the document already shows that form).

    >>> space = CorpusModel.from_counts(damage={"space": 90, "dropped": 10})
    >>> corpus_evidence(space, NO_EVIDENCE)
    (Evidence(dropped=False, spaced=True, anded=False), 0.9)
    >>> corpus_evidence(CorpusModel.from_counts(damage={"and": 30}), NO_EVIDENCE)
    (Evidence(dropped=False, spaced=False, anded=True), 1.0)
    >>> corpus_evidence(CorpusModel.from_counts(damage={"and": 30}), Evidence(dropped=True)) is None
    True
    >>> corpus_evidence(space, Evidence(spaced=True)) is None, corpus_evidence(None, NO_EVIDENCE)
    (True, None)
    """
    if model is None or sum(model.damage.values()) < _CORPUS_REPAIRS:
        return None
    shown = {"spaced": evidence.spaced, "dropped": evidence.dropped, "anded": evidence.anded}
    share = 0.0
    for field, form in _CORPUS_FORMS.items():
        if field == "anded" and shown["dropped"]:
            continue  # where the "&" was dropped, an "and" before a reference is the word (see Evidence)
        if not shown[field] and model.damage_share(form) >= _CORPUS_SHARE:
            shown[field], share = True, model.damage_share(form)
    return None if share == 0.0 else (Evidence(**shown), share)


@register
@dataclass(frozen=True)
class EntityFixer(Fixer):
    """Decode HTML references that lost their ``&`` or semicolon or were escaped twice, on evidence.

    model: a :class:`~textmend.corpus_model.CorpusModel` whose damage form decides ambiguous cases (None)
    """

    name: ClassVar[str] = "entities"
    gate: ClassVar[_Gate] = _Gate()

    model: CorpusModel | None = None

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        markup = "<" in text if found.markup is None else found.markup
        # Runs of one repair of one name are merged as they come (``lt;lt;lt;``), so a page of them keeps
        # few edits; different names (``eacute;teacute;``) stay one change each, for the audit.
        edits = list(merged_runs(text, self._repairs(text, markup), gap=0, same_reason=True))
        return without_lines_ftfy_would_change(text, edits, markup)

    def _repairs(self, text: str, markup: bool) -> Iterator[Edit]:
        # URLs and code blocks are left as written: "int quot;" in a fenced block is code, no damage
        urls = with_code_blocks(text, url_spans(text))
        matches = list(_WITH_AMPERSAND.finditer(text))
        references = [match.span() for match in matches]

        def candidates() -> Iterator[Candidate]:
            without = candidates_without_ampersand(text, references)
            # Most damaged text kept no "&": then there is nothing to merge.
            ordered = without
            if matches:
                ordered = heapq.merge(candidates_with_ampersand(matches), without, key=text_order)
            return kept_candidates(text, ordered, urls, markup)

        # A text with few candidates keeps them; one with many reads them twice (once for the
        # evidence) rather than hold them all: a page of "lt;lt;lt;" would need a hundred bytes a byte.
        first = list(itertools.islice(candidates(), _KEPT_CANDIDATES + 1))
        few = len(first) <= _KEPT_CANDIDATES
        # The starts of the candidates that the evidence found to be damage without evidence: judged once.
        proven: set[int] = set()
        evidence = Evidence.of(first if few else candidates(), text, proven if few else None)
        candidates_again = first if few else candidates()
        del first
        numbers = _numbers_for(evidence, markup)
        # A corpus model adds the damage form its corpus has to a document that does not show it: the
        # candidates the document alone leaves alone are judged again with it.
        corpus = corpus_evidence(self.model, evidence)
        corpus_numbers = _numbers_for(corpus[0], markup, corpus[1]) if corpus is not None else None
        rereads = evidence.rereads()
        position = 0
        left_alone_end = -1
        for found_candidate in candidates_again:
            candidate = (
                evidence.reread(found_candidate, text)
                if found_candidate.damage in rereads
                else found_candidate
            )
            if candidate.start < position:
                continue
            # A reference glued to the end of a candidate left alone stays too if its repair would put
            # a letter or digit after that candidate ("thamp;&#82" to "thamp;R"): a second run would
            # judge the candidate again, now followed by a word.
            if candidate.start == left_alone_end and candidate.decoded[:1].isalnum():
                left_alone_end = candidate.end
            elif (candidate is found_candidate and candidate.start in proven) or is_damage(
                candidate, text, evidence
            ):
                position = candidate.end
                yield _edit(candidate, numbers(candidate.strength, len(candidate.glued)), markup)
            elif corpus is not None and corpus_numbers is not None:
                candidate = corpus[0].reread(found_candidate, text)
                if (
                    candidate.start >= position
                    and between_words(text, candidate.at, candidate.end)
                    and is_damage(candidate, text, corpus[0])
                ):
                    position = candidate.end
                    yield _edit(candidate, corpus_numbers(candidate.strength, len(candidate.glued)), markup)
                else:
                    left_alone_end = candidate.end
            else:
                left_alone_end = candidate.end


#: A text with at most this many candidates keeps them in a list; one with more reads them twice.
_KEPT_CANDIDATES = 1000

# How sure each strength of name makes a repair, before the rest of the evidence.
_CONFIDENCE = {Strength.MARKUP: 0.95, Strength.SYNTAX: 0.85, Strength.WORD: 0.7}


def _numbers_for(
    evidence: Evidence, markup: bool, corpus_share: float | None = None
) -> Callable[[Strength, int], Mapping[str, float]]:
    """The evidence numbers of a repair, by strength of name and letters glued before it: one shared
    mapping per pair, so that a page of repairs does not hold a dict for each. A repair that a corpus
    model decided carries the model's share of that damage (``corpus_damage_share``)."""
    return functools.partial(
        _numbers, evidence.dropped, evidence.spaced, evidence.anded, markup, corpus_share
    )


@functools.lru_cache(maxsize=2048)
def _numbers(
    dropped: bool,
    spaced: bool,
    anded: bool,
    markup: bool,
    corpus_share: float | None,
    strength: Strength,
    glued: int,
) -> Mapping[str, float]:
    """One repair's evidence numbers (see :func:`_numbers_for`), made once for all documents alike."""
    result = {
        "confidence": _CONFIDENCE[strength],
        "name_is_markup": float(strength is Strength.MARKUP),
        "glued_letters": float(glued),
        "document_shows_dropped": float(dropped),
        "document_shows_spaced": float(spaced),
        "document_shows_and": float(anded),
        "markup": float(markup),
    }
    if corpus_share is not None:
        result["corpus_damage_share"] = corpus_share
    return result


def _edit(candidate: Candidate, numbers: Mapping[str, float], markup: bool) -> Edit:
    """The edit that repairs ``candidate``, with its kind and the numbers that decided it."""
    reason, kind = _label(candidate.reference, candidate.damage)
    return Edit(candidate.start, candidate.end, repaired(candidate, markup), reason, kind, numbers)
