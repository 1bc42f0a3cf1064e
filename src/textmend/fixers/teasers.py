"""``teasers``: take related-article blocks out of the body and return them as data.

Scraped news articles end with links to other articles, in a few layouts that sites share:

- ``seed``: blocks of an optional separator line (``-``, ``—``, ``*``), a title, and a snippet that
  repeats the title and runs into the linked article's first words, cut at one width;
- ``list``: a known heading (``Related Articles``, ``You may also like``, ``More from Business:``,
  ``Lesen Sie auch``, ``À lire aussi``, ``Te puede interesar`` ...) above titles, on plain lines or
  behind one kind of bullet (``-``, ``•``, ``*``, ``1.``);
- ``read-more``: lines ``Read more: <title>`` (``READ MORE:``, ``Related:``, ``Also read:`` ...), at the
  end, or alone between two paragraphs inside the body;
- ``pairs``: a known heading above titles, each followed by a snippet of the linked article cut with
  ``...`` or ``…``;

and mixtures of these, one block above another. With a corpus model (``model=``, or
``Pipeline.with_model``) two more:

- ``corpus``: trailing lines that are titles of other documents of the corpus, with no heading and
  even a single one;
- ``boilerplate``: trailing lines that end many documents of the corpus (5% and ten at least).

Each block found goes in one edit (kind ``teaser/<form>``, with numeric evidence), and each linked
article (or boilerplate line) becomes a :class:`~textmend.Teaser` that keeps the heading, bullet and
separator it came with. The heading phrases, labels, bullets and cut marks are tables
(:mod:`textmend.fixers._teaser_forms`) that the options extend.

What stays: a list that belongs to the article. Only a known heading or label (or, with a model, the
corpus's titles) makes titles teasers; every listed line must look like a headline (capital start, no
final full stop, no sentence ending inside it, no URL, at most 20 words; fewer than half of a block
may be lower-case titles, and one beside two headlines may be written as two sentences), and at least
half of a list must be more than a short run of capitalised names (three words or more, with a
lower-case word, or set in capitals) unless its heading names articles (``Related stories``); so
ingredients, numbered steps, references, key dates, bylines, bullet points that are sentences,
products and ``The winners:`` with film titles stay, as does a heading phrase used in prose (``See
also the council's report.``). Without a heading, the seed form needs the evidence of a cut (see
:func:`is_convincing`). Without a model, a text with no line that could be a known heading or a label
and no seed block at its end is left alone unread (see :func:`may_hold_teasers`).

>>> from textmend import Pipeline
>>> text = "Body.\\nRelated\\nOne Title\\nOne Title The first words of i\\nTwo\\nTwo All of it."
>>> doc = Pipeline(["teasers"]).mend_document(text)
>>> doc.text
'Body.'
>>> [(t.title, t.excerpt, t.truncated, t.heading) for t in doc.teasers]
[('One Title', 'The first words of i', True, 'Related'), ('Two', 'All of it.', False, 'Related')]
>>> text = "The vote was close.\\nMost popular\\n• City approves new budget"
>>> doc = Pipeline(["teasers"]).mend_document(text)
>>> doc.text, doc.teasers[0].title, doc.teasers[0].bullet, doc.changes[0].kind
('The vote was close.', 'City approves new budget', '•', 'teaser/list')
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from ..corpus_model import MAX_TITLE_LINE, CorpusModel, normal_title
from ..fixer import Findings, Fixer, register
from ..model import Edit, Teaser
from . import _teaser_forms as forms
from ._lines import LIST_ITEM, Line, ends_sentence, lines_from_end, lines_from_start, word_count
from ._scan import WordTable, lines_to_try, phrase_starts

__all__ = [
    "BOILERPLATE_SHARE",
    "FORM_LINES",
    "MAX_BLOCKS",
    "MAX_BOILERPLATE_LINES",
    "MAX_HEADLINE_LENGTH",
    "MAX_HEADLINE_WORDS",
    "MAX_LIST_ITEMS",
    "MAX_NAME_RUN_WORDS",
    "MAX_SECTIONS",
    "MAX_SENTENCE_TITLES",
    "MAX_SNIPPET_LENGTH",
    "MAX_TITLE_LENGTH",
    "MIN_BOILERPLATE_DOCUMENTS",
    "MIN_CORPUS_TITLE_WORDS",
    "MIN_CUT_LENGTH",
    "MIN_HEADLINES_BESIDE_SENTENCE",
    "MIN_HEADLINE_WORDS",
    "MIN_LABELLED_WORDS",
    "MIN_LISTED_WORDS",
    "MIN_SNIPPET_WORDS",
    "MIN_WHOLE_SNIPPET_WORDS",
    "MIN_WIDTH",
    "SEED_LINES",
    "CorpusEvidence",
    "TeaserFixer",
    "boilerplate_section",
    "bullets_agree",
    "common_width",
    "compiled_forms",
    "continues_on",
    "corpus_section",
    "cut_inside_title_word",
    "ends_like_prose",
    "ends_paragraph",
    "ends_with_teaser_pair",
    "find_region",
    "has_candidate_line",
    "heading_above",
    "headline_score",
    "in_capitals",
    "inline_read_more",
    "introduces_list",
    "is_boilerplate_line",
    "is_convincing",
    "is_corpus_title_line",
    "is_cut_snippet",
    "is_heading",
    "is_listed_title",
    "is_snippet",
    "is_teaser_pair",
    "is_teaser_pair_at_end",
    "is_truncated",
    "is_whole_snippet",
    "label_matches",
    "labelled_sentence_title",
    "list_section",
    "looks_cut",
    "looks_like_headline",
    "looks_like_linked_title",
    "looks_like_listed_headline",
    "looks_like_lower_case_title",
    "looks_like_sentence_title",
    "looks_like_teaser_title",
    "may_end_corpus_block",
    "may_hold_sentence_title",
    "may_hold_teasers",
    "mostly_lower_case",
    "names_articles",
    "pairs_section",
    "parse_region",
    "read_more_line",
    "read_more_section",
    "reads_as_headlines",
    "reads_as_titles",
    "seed_section",
    "split_bullet",
    "stands_apart",
    "starts_like_headline",
    "starts_sentence",
    "trailing_section",
    "trailing_sections",
    "without_ellipsis",
    "without_trailing_off",
]

#: More blocks than this at the end of a text is not a teaser list we are sure of: keep it all.
MAX_BLOCKS = 10
#: More listed titles than this under one heading is a list we are not sure of (a site's index).
MAX_LIST_ITEMS = 15
#: At most this many blocks, one above another, make the trailing region.
MAX_SECTIONS = 4
MAX_TITLE_LENGTH = 300
MAX_SNIPPET_LENGTH = 1000
#: A snippet that is its title cut short is at least this long (so "Thanks" is no cut "Thanks for ...").
MIN_CUT_LENGTH = 20
#: Snippets cut at one width are evidence only when the width is at least this.
MIN_WIDTH = 30
#: A headline has this many words or more: "Thanks for reading" is a closing line, not a title.
MIN_HEADLINE_WORDS = 3
#: A title after a label (``Read more: Priceless``) may be a single word: the label says it is a link.
MIN_LABELLED_WORDS = 1
#: A title in a list or a pair may be a single word ("Priceless") when most of its block reads as
#: headlines (see :func:`reads_as_headlines`).
MIN_LISTED_WORDS = 1
#: ... and this many at most: longer lines are sentences of the article.
MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_LENGTH = 250
#: A block may hold this many titles written as sentences ("Perl. It's just a language.")...
MAX_SENTENCE_TITLES = 1
#: ... beside this many headlines at least: the article's own bullet points are sentences throughout.
MIN_HEADLINES_BESIDE_SENTENCE = 2
#: A listed title this short needs a lower-case word: "Apple AirPods Pro 2" names a product.
MAX_NAME_RUN_WORDS = 4
#: A snippet of the pairs form has at least this many words.
MIN_SNIPPET_WORDS = 4
#: An uncut snippet (a short article shown whole) has at least this many: a shorter sentence under a
#: title is a description ("See also" / "PEP 3104" / "The specification for the statement."), unless
#: the heading names articles ("Related stories"; see :func:`names_articles`).
MIN_WHOLE_SNIPPET_WORDS = 12

#: Corpus titles alone (no heading) make a block when it holds this many words in all: one title of
#: three words, or several shorter ones; a last line "Quickly" that is also some post's title stays.
MIN_CORPUS_TITLE_WORDS = 3
#: A trailing line is boilerplate when at least this share of the corpus's documents end with it...
BOILERPLATE_SHARE = 0.05
#: ... and at least this many: a few documents ending alike ("Thanks for reading") is chance.
MIN_BOILERPLATE_DOCUMENTS = 10
#: A boilerplate block has at most this many lines (a footer, a signature, a disclaimer).
MAX_BOILERPLATE_LINES = 8

# Signs that open a headline with a sum of money ("$15,000 umbrella stand").
_CURRENCY = "$\u00a3\u20ac\u00a5"
# Marks of emphasis (``_word_``, ``*word*``) a scraper may leave around the end of a paragraph.
_EMPHASIS = "_*"
_OPENING = "\"'\u201c\u2018\u201e\u00ab\u2039(\u00bf\u00a1[<"
_CLOSING = "\"'\u201d\u2019\u00bb\u203a)]"
_SENTENCE_END = frozenset(".!?\"'\u201d\u2019)]")
_ELLIPSES = ("...", "\u2026")
# "finished. Then": a sentence ending inside the line, so the line is prose, not a headline. The word
# before the full stop is lower-case or four letters long at least: "Wed. OSXCon Keynote" and "Acme
# Inc. Buys Rival" are headlines with an abbreviation.
_SENTENCE_BREAK = regex.compile(
    r"(?:(?<!\p{L})\p{Ll}{2,}|\p{L}{3,}\p{Ll})\.[\"'\u201d\u2019]?\s+[\p{Lu}\"'\u201c]"
)
# A link or an image tag: headlines have none ("[IMG: http://...] Check this out!").
_URL = regex.compile(r"://|\bwww\.")
_LOWER_WORD = regex.compile(r"(?:^|\s)\p{Ll}")
_CONTENT = regex.compile(r"\S")
_NUMBERED = regex.compile(r"(?P<number>[0-9]{1,2})(?P<mark>[.)])\s+")


# -- the tables, compiled for one set of options --------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Forms:
    """The compiled tables: heading and label patterns, bullets, cut marks and separators."""

    heading: regex.Pattern[str]
    article_heading: regex.Pattern[str]
    label: regex.Pattern[str]
    bullets: tuple[str, ...]
    cut_marks: tuple[str, ...]
    separators: frozenset[str]
    #: Any line that could be a known heading or start a labelled line, found in one fast scan
    #: (``re``, looser than ``heading`` and ``label``): a text without one holds no teaser block but
    #: a seed block at its very end.
    candidate: re.Pattern[str]
    #: Where a line that ``label`` could match starts (``re``, an empty match each): the lines
    #: :func:`label_matches` tries ``label`` on, instead of running it over the whole text.
    label_line: re.Pattern[str]
    #: The first words of the phrases ``candidate`` starts with, for the compiled scanner to find the
    #: lines worth trying it on (:func:`._scan.lines_to_try`); None in pure Python.
    phrase_starts: WordTable | None


def _phrase_pattern(phrases: Sequence[str]) -> str:
    """An alternation of ``phrases``, longest first, spaces matching any run of spaces."""
    ordered = sorted({phrase.strip() for phrase in phrases if phrase.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(regex.escape(word) for word in phrase.split()) for phrase in ordered)


def _phrase_trie(phrases: Sequence[str]) -> str:
    """An alternation of ``phrases`` (spaces matching any run of spaces, as in :func:`_phrase_pattern`)
    factored by their common beginnings: ``Re(?:ad\\s+more|lated)``. It matches the same strings, and a
    line is tried once per letter rather than once per phrase, which halves the fast scan.

    >>> _phrase_trie(["Read more", "Related", "More"])
    '(?:More|Re(?:ad\\\\s+more|lated))'
    """
    trie: dict[str | None, Any] = {}
    for phrase in sorted({phrase.strip() for phrase in phrases if phrase.strip()}):
        node = trie
        for index, word in enumerate(phrase.split()):
            if index:
                node = node.setdefault(" ", {})  # a run of spaces
            for character in word:
                node = node.setdefault(character, {})
        node[None] = {}  # a phrase ends here
    return _trie_branches(trie)


def _trie_branches(node: dict[str | None, Any]) -> str:
    """The pattern of one node of :func:`_phrase_trie`'s tree: its branches, optional where a phrase ends."""
    branches = [
        (r"\s+" if unit == " " else re.escape(unit)) + _trie_branches(child)
        for unit, child in node.items()
        if unit is not None
    ]
    if not branches:
        return ""
    ends = None in node
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")


# Spaces that ``str.strip`` takes off a line, within the line (a run across lines would make the
# fast scan quadratic on a text of blank lines).
_SPACE = r"[^\S\n]*"


@functools.lru_cache(maxsize=64)
def compiled_forms(
    headings: tuple[str, ...] = (),
    labels: tuple[str, ...] = (),
    bullets: tuple[str, ...] = (),
    cut_marks: tuple[str, ...] = (),
) -> _Forms:
    """The built-in tables with the given phrases and marks added, compiled (cached per options)."""
    phrases = _phrase_pattern(forms.HEADINGS + headings)
    prefixes = _phrase_pattern(forms.HEADING_PREFIXES)
    heading = regex.compile(
        rf"(?i)(?:{phrases}|(?:{prefixes})[ \t]+[^\n.!?:]{{1,60}}?)[ \t]*:?",
        flags=regex.V0,
    )
    article_heading = regex.compile(rf"(?i)(?:{_phrase_pattern(forms.ARTICLE_HEADINGS)})[ \t]*:?")
    labels_pattern = _phrase_pattern(forms.LABELS + labels)
    label = regex.compile(
        rf"(?im)^[ \t]*(?P<label>(?:{labels_pattern})[ \t]*[:|])[ \t]*"
        r"(?P<title>[^\n]*)$"
    )
    candidate = re.compile(
        # (?=\S): every phrase starts with a non-space, so a blank line fails at once, not per phrase.
        # The phrases as tries: only whether a text has a match counts here, not which phrase matched.
        rf"^{_SPACE}(?=\S)(?:(?:{_phrase_trie(forms.LABELS + labels)}){_SPACE}[:|]"
        rf"|(?:{_phrase_trie(forms.HEADINGS + headings)}|(?:{_phrase_trie(forms.HEADING_PREFIXES)})"
        rf"[ \t]+[^\n.!?:]{{1,60}}?)[ \t]*:?{_SPACE}$)",
        re.IGNORECASE | re.MULTILINE,
    )
    # ``label``'s start as a trie, in a lookahead: every line start it could match at, none skipped.
    label_line = re.compile(
        rf"^(?=[ \t]*(?:{_phrase_trie(forms.LABELS + labels)})[ \t]*[:|])", re.IGNORECASE | re.MULTILINE
    )
    return _Forms(
        heading,
        article_heading,
        label,
        tuple(dict.fromkeys(forms.BULLETS + bullets)),
        tuple(sorted(set(forms.CUT_MARKS + cut_marks), key=len, reverse=True)),
        frozenset(forms.SEPARATORS),
        candidate,
        label_line,
        phrase_starts(forms.LABELS + labels + forms.HEADINGS + headings + forms.HEADING_PREFIXES),
    )


# -- what a line is -----------------------------------------------------------------------------------
def starts_like_headline(line: str) -> bool:
    """Whether a stripped line starts as a headline does: a capital or digit, after opening marks, or
    a sum of money (``$15,000 umbrella stand``; a currency sign alone before a word is no start).

    >>> starts_like_headline("\u201cWe will win\u201d, says mayor"), starts_like_headline("and then")
    (True, False)
    >>> starts_like_headline("$15,000 umbrella stand"), starts_like_headline("$ and cents")
    (True, False)
    """
    opened = line.lstrip(_OPENING)
    first = opened[:1]
    if first in _CURRENCY:
        return opened[1:2].isdigit()
    return first.isupper() or first.isdigit()


def ends_like_prose(line: str, cut_marks: Sequence[str] = forms.CUT_MARKS) -> bool:
    """Whether a stripped line ends as a sentence, clause or cut snippet does (``.`` ``,`` ``;`` ``:``
    or a cut mark), not as a headline (a word, ``?``, ``!``, a closing quote after a word).

    >>> ends_like_prose("The council voted."), ends_like_prose("Will it rain?")
    (True, False)
    """
    if line.endswith(tuple(cut_marks)):
        return True
    return line.rstrip(_CLOSING)[-1:] in ".,;:"


def looks_like_headline(line: str, min_words: int = MIN_HEADLINE_WORDS) -> bool:
    """Whether a line reads as a headline: a capital start, ``min_words`` (3) to 20 words, no final
    full stop, no sentence ending inside it, no URL.

    >>> looks_like_headline("City approves budget after long debate")
    True
    >>> looks_like_headline("Add the flour."), looks_like_headline("He left. Then it rained")
    (False, False)
    """
    stripped = line.strip()
    return (
        len(stripped) <= MAX_HEADLINE_LENGTH
        and min_words <= word_count(stripped) <= MAX_HEADLINE_WORDS
        and starts_like_headline(stripped)
        and not ends_like_prose(stripped)
        and _SENTENCE_BREAK.search(stripped) is None
        and _URL.search(stripped) is None
    )


def looks_like_sentence_title(line: str) -> bool:
    """Whether a line is a title a weblog wrote as sentences (``Perl. It's just a language.``): two
    sentences or more, and a headline in every other way (capital start, two to 20 words, no URL). A
    single sentence (``The vote was close.``) is a bullet point of the article.

    >>> looks_like_sentence_title("Perl. It's just a language."), looks_like_sentence_title("and so on.")
    (True, False)
    >>> looks_like_sentence_title("The vote was close.")
    False
    """
    stripped = line.strip()
    return (
        len(stripped) <= MAX_HEADLINE_LENGTH
        and 2 <= word_count(stripped) <= MAX_HEADLINE_WORDS
        and starts_like_headline(stripped)
        and not stripped.endswith((",", ";", ":", *_ELLIPSES))
        and _SENTENCE_BREAK.search(stripped) is not None
        and _URL.search(stripped) is None
    )


def may_hold_sentence_title(titles: Sequence[str], headlines: int) -> bool:
    """Whether a block of ``titles``, ``headlines`` of them read as headlines, may count the others
    as titles written as sentences: at most one such title, beside two headlines or more (a list of
    sentences is the article's own bullet points).

    >>> may_hold_sentence_title(["Storm hits coast", "Perl. It's just a language.", "City votes"], 2)
    True
    >>> may_hold_sentence_title(["Add the flour.", "Bake it."], 0)
    False
    """
    return len(titles) - headlines <= MAX_SENTENCE_TITLES and headlines >= MIN_HEADLINES_BESIDE_SENTENCE


def looks_like_listed_headline(line: str) -> bool:
    """Whether an item of a list reads as a headline, not a name: a short item of capitalised words
    only (a product, a film, a person) is a name; one all in capitals is a headline set in capitals;
    a title may trail off (``26-hour days on Mars...``). Two words (``Council budget``) are a topic.

    >>> looks_like_listed_headline("Storm hits coast"), looks_like_listed_headline("Apple AirPods Pro 2")
    (True, False)
    >>> looks_like_listed_headline("BAHIA COCOA REVIEW"), looks_like_listed_headline("Council budget")
    (True, False)
    """
    stripped = without_trailing_off(line)
    if not looks_like_headline(stripped):
        return False
    return (
        word_count(stripped) > MAX_NAME_RUN_WORDS
        or _LOWER_WORD.search(stripped) is not None
        or in_capitals(stripped)
    )


def looks_like_lower_case_title(line: str) -> bool:
    """Whether a line is a title a weblog wrote in lower case: two words or more, and a headline in
    every other way (no final full stop, no sentence ending inside it, no URL).

    >>> looks_like_lower_case_title("curb your celebrity"), looks_like_lower_case_title("and so on.")
    (True, False)
    """
    stripped = line.strip()
    return stripped[:1].islower() and looks_like_headline(stripped[:1].upper() + stripped[1:], 2)


def looks_like_linked_title(line: str, min_words: int = MIN_LISTED_WORDS) -> bool:
    """Whether a line that something else marks as a link's title (a snippet below it, a ``Read
    more:`` label before it) reads as one: a headline, or a headline trailing off with an ellipsis
    right after a word (``26-hour days...``, ``"I read that yesterday..."``), as some titles do.

    >>> looks_like_linked_title("26-hour days..."), looks_like_linked_title("The council said it would ...")
    (True, False)
    """
    return looks_like_headline(without_trailing_off(line), min_words)


def without_trailing_off(line: str) -> str:
    """A stripped line without the ellipsis a title may trail off with, right after a word and
    before any closing quote (``"I read that yesterday..."`` -> ``"I read that yesterday"``)."""
    stripped = line.strip()
    unquoted = stripped.rstrip(_CLOSING)
    for ellipsis in _ELLIPSES:
        if unquoted.endswith(ellipsis) and unquoted[: -len(ellipsis)][-1:].isalnum():
            return unquoted[: -len(ellipsis)] + stripped[len(unquoted) :]
    return stripped


def in_capitals(line: str) -> bool:
    """Whether every cased letter of a line is a capital (``BAHIA COCOA REVIEW``, not ``iPhone 15``)."""
    return line.upper() == line and line.lower() != line


def reads_as_headlines(titles: Sequence[str]) -> bool:
    """Whether a list's items read as headlines, not names: at least half of them pass
    :func:`looks_like_listed_headline` (a list of products or films passes none or few).

    >>> reads_as_headlines(["Bahia Cocoa Review", "Storm hits the coast"])
    True
    >>> reads_as_headlines(["Sony WH-1000XM5", "Apple AirPods Pro 2", "Bose QuietComfort Ultra"])
    False
    """
    return 2 * sum(looks_like_listed_headline(title) for title in titles) >= len(titles)


def headline_score(line: str) -> float:
    """A soft 0..1 measure of how much a line reads like a news headline (for evidence, not decisions):
    half for passing :func:`looks_like_headline`, a quarter for 5 to 16 words, a quarter for a
    lower-case function word or verb, as sentence-case and title-case headlines both have."""
    if not looks_like_headline(line):
        return 0.0
    words = word_count(line)
    return 0.5 + 0.25 * (5 <= words <= 16) + 0.25 * (_LOWER_WORD.search(line.strip()) is not None)


def split_bullet(line: str, bullets: Sequence[str]) -> tuple[str | None, str]:
    """A stripped line's bullet (``"-"``, ``"•"``, ``"1."``; ``None`` if it has none) and the rest.

    >>> split_bullet("• City approves budget", ["•"]), split_bullet("12) A title", [])
    (('•', 'City approves budget'), ('12)', 'A title'))
    """
    stripped = line.strip()
    numbered = _NUMBERED.match(stripped)
    if numbered is not None:
        return numbered["number"] + numbered["mark"], stripped[numbered.end() :]
    for bullet in bullets:
        if stripped.startswith(bullet) and stripped[len(bullet) : len(bullet) + 1].isspace():
            return bullet, stripped[len(bullet) :].strip()
    return None, stripped


def bullets_agree(marks: Sequence[str | None]) -> bool:
    """Whether a list's bullets are of one kind: none at all, one mark throughout, or numbers counting
    up by one with one kind of ``.`` or ``)``.

    >>> bullets_agree(["1.", "2.", "3."]), bullets_agree(["-", "*"]), bullets_agree(["2.", "1."])
    (True, False, False)
    """
    if len(set(marks)) == 1:
        return marks[0] is None or not marks[0][:1].isdigit() or len(marks) == 1
    if any(mark is None or not mark[:1].isdigit() for mark in marks):
        return False
    numbers = [int(mark[:-1]) for mark in marks if mark is not None]
    punctuation = {mark[-1] for mark in marks if mark is not None}
    return len(punctuation) == 1 and all(b == a + 1 for a, b in itertools.pairwise(numbers))


def is_snippet(line: str) -> bool:
    """Whether a stripped line could be a snippet of an article: no lower-case start (a sentence, a
    quote, a dash or a tag may open it), four words or more, no ``,`` or ``;`` at the end (a snippet
    ending ``:`` counts only beside a cut one: see :func:`is_whole_snippet`).

    >>> is_snippet("People using the drug could be affected, researchers claim"), is_snippet("and so on")
    (True, False)
    """
    return (
        not line[:1].islower()
        and word_count(line) >= MIN_SNIPPET_WORDS
        and len(line) <= MAX_SNIPPET_LENGTH
        and line[-1:] not in ",;"
    )


def is_whole_snippet(line: str, min_words: int = MIN_WHOLE_SNIPPET_WORDS) -> bool:
    """Whether a snippet is a short article shown whole: twelve words or more, ending as a sentence
    does, on a word (feed summaries often have no final full stop) or on the ``:`` of a first
    paragraph that leads in to a quote; or (under a heading that names articles) ``min_words`` or
    more ending with a full stop, so the next title of a list is not read as a snippet.

    >>> is_whole_snippet("The launch is postponed until Monday, the first time bad weather delayed a flight")
    True
    >>> is_whole_snippet("Here is a list of the things I intend to read again once the fog lifts:")
    True
    >>> is_whole_snippet("Barbie has been made over as a Bond girl:", 4)
    False
    """
    words = word_count(line)
    if words >= MIN_WHOLE_SNIPPET_WORDS:
        return ends_sentence(line) or line[-1:].isalnum() or line.endswith(":")
    return words >= min_words and line.rstrip(_CLOSING).endswith(".") and not line.endswith(_ELLIPSES)


def is_cut_snippet(line: str, cut_marks: Sequence[str]) -> bool:
    """Whether a line is a snippet cut short: no lower-case start (a sentence, a quote, a dash may
    open it), four words or more, a cut mark at the end.

    >>> is_cut_snippet("The council voted on Tuesday to approve a budget that...", ["..."])
    True
    """
    stripped = line.strip()
    return (
        stripped.endswith(tuple(cut_marks))
        and not stripped[:1].islower()
        and word_count(stripped) >= MIN_SNIPPET_WORDS
        and len(stripped) <= MAX_SNIPPET_LENGTH
    )


# -- the seed form: title, then a snippet repeating it ------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Block:
    """One teaser block as found: title (stripped), snippet (as found) and the separator above it."""

    title: str
    snippet: str
    separator: str | None

    @property
    def cut_short(self) -> bool:
        """Whether the snippet is the title cut short (``The Dangers of Inserting ... Fis``)."""
        return not self.snippet.startswith(self.title)

    @property
    def excerpt(self) -> str:
        """What the snippet shows after the title; empty when it is the title (or less)."""
        return "" if self.cut_short else self.snippet[len(self.title) :].strip()


def looks_like_teaser_title(line: str) -> bool:
    """Whether a stripped line could be an article title: short, with letters, not a list item.

    >>> looks_like_teaser_title("Does the ACLU Support Religious Freedom?"), looks_like_teaser_title("- milk")
    (True, False)
    """
    return (
        2 <= len(line) <= MAX_TITLE_LENGTH
        and line[-1] not in ",;:"
        and LIST_ITEM.match(line) is None
        and any(character.isalpha() for character in line)
    )


def is_teaser_pair(title: str, snippet: str) -> bool:
    """Whether ``snippet`` repeats the (stripped) ``title`` and goes on, or is the title cut short.

    >>> is_teaser_pair("Why Cats Purr", "Why Cats Purr Cats purr when")
    True
    >>> is_teaser_pair("Why Cats Purr and Dogs Bark", "Why Cats Purr and Do"), is_teaser_pair("Cat", "Cats")
    (True, False)
    """
    if not looks_like_teaser_title(title) or len(snippet) > MAX_SNIPPET_LENGTH:
        return False
    if snippet.startswith(title):
        rest = snippet[len(title) :]
        return not rest or rest[0].isspace() or not title[-1].isalnum()
    cut = without_ellipsis(snippet)
    return MIN_CUT_LENGTH <= len(cut) < len(title) and title.startswith(cut)


def without_ellipsis(snippet: str) -> str:
    """The snippet without trailing spaces and the ``...`` or ``…`` some sites put after a cut."""
    cut = snippet.rstrip()
    for ellipsis in _ELLIPSES:
        cut = cut.removesuffix(ellipsis)
    return cut.rstrip()


def cut_inside_title_word(block: _Block) -> bool:
    """Whether the snippet is the title cut in the middle of a word (``... Risks of Fis``)."""
    cut = without_ellipsis(block.snippet)
    return block.cut_short and cut[-1:].isalnum() and block.title[len(cut)].isalnum()


def common_width(blocks: Sequence[_Block]) -> int | None:
    """The width the page cut its snippets at: the longest length, shared by two or more snippets
    of which at least one stops mid-sentence; ``None`` when the snippets show no such width."""
    longest = max(len(block.snippet) for block in blocks)
    at_longest = [block for block in blocks if len(block.snippet) == longest]
    if longest < MIN_WIDTH or len(at_longest) < 2:
        return None
    if all(ends_sentence(block.snippet) for block in at_longest):
        return None
    return longest


def starts_sentence(excerpt: str) -> bool:
    """Whether an excerpt starts like an article does: a capital, a digit or an opening quote."""
    first = excerpt[:1]
    return first.isupper() or first.isdigit() or first in "\"'\u201c\u2018("


@dataclass(frozen=True, slots=True)
class _Region:
    """A parsed seed region: its blocks in text order, the heading, and the body's last line."""

    blocks: list[_Block]
    heading: str | None
    body_end: int


def parse_region(lines: Sequence[Line], found: _Forms, *, need_body: bool = True) -> _Region | None:
    """Read seed blocks upwards from the last line; ``None`` when there are none, or (if
    ``need_body``) when no body line is left above them.

    Blocks below the topmost all have the same separator (or none); the topmost may add one above a
    list that has none. A heading line, and a separator above it, may come above the blocks.
    """
    blocks: list[_Block] = []
    index = 0
    while index + 1 < len(lines):
        snippet, title = lines[index].text, lines[index + 1].text.strip()
        if not is_teaser_pair(title, snippet):
            break
        below = index + 2
        separator = None
        if below < len(lines) and lines[below].text.strip() in found.separators:
            separator = lines[below].text.strip()
        topmost = False
        if blocks and separator != blocks[0].separator:
            if blocks[0].separator is not None:
                break
            topmost = True  # a separator above a list whose blocks have none
        blocks.append(_Block(title, snippet, separator))
        index = below + (separator is not None)
        if len(blocks) > MAX_BLOCKS:
            return None
        if topmost:
            break
    if not blocks:
        return None
    heading = None
    if index < len(lines) and found.heading.fullmatch(lines[index].text.strip()):
        heading = lines[index].text.strip()
        index += 1
        if index < len(lines) and lines[index].text.strip() in found.separators:
            index += 1
    if index >= len(lines) and need_body:
        return None  # nothing but teasers: not sure what this text is
    blocks.reverse()
    return _Region(blocks, heading, lines[index].end if index < len(lines) else 0)


def looks_cut(block: _Block) -> bool:
    """Whether one block alone shows a cut: the title cut inside a word, or a headline of four words
    or more whose snippet is the title cut short or runs into a new sentence and stops mid-sentence.
    (A signature, ``Jane Doe`` / ``Jane Doe is a reporter.``, shows none.)"""
    if cut_inside_title_word(block):
        return True
    if len(block.title.split()) < 4:
        return False
    return block.cut_short or (
        starts_sentence(block.excerpt)
        and not ends_sentence(block.snippet)
        and len(block.snippet) >= MIN_WIDTH
    )


def is_convincing(region: _Region) -> bool:
    """Whether the evidence that a seed ``region`` is page furniture is clear enough to take it out.

    A heading is enough. Separators need a visible cut (a shared width, or a block that looks cut) or
    three blocks or more whose snippets all run into a new sentence. Without either, two snippets or
    more must be cut at one width and run into new sentences.
    """
    blocks = region.blocks
    titles = {block.title.casefold() for block in blocks}
    if len(titles) < len(blocks):
        return False  # a refrain, not a list of other articles
    if region.heading is not None:
        return True
    width = common_width(blocks)
    new_sentences = all(block.excerpt and starts_sentence(block.excerpt) for block in blocks)
    if any(block.separator for block in blocks):
        return (
            width is not None
            or any(looks_cut(block) for block in blocks)
            or (len(blocks) >= 3 and new_sentences)
        )
    return width is not None and all(starts_sentence(b.excerpt) for b in blocks if b.excerpt)


def is_truncated(block: _Block, blocks: Sequence[_Block]) -> bool:
    """Whether the snippet was cut off: the title cut short, or a snippet at the page's width (the
    longest snippet's length) that stops mid-sentence or shares that width with another snippet.
    Shorter snippets fitted the width whole."""
    if block.cut_short:
        return True
    width = common_width(blocks)
    if width is not None:
        return len(block.snippet) == width
    longest = max(len(other.snippet) for other in blocks)
    return len(block.snippet) == longest and bool(block.excerpt) and not ends_sentence(block.snippet)


#: The lines read up from the end for the seed form (:func:`find_region`) and for the other forms.
SEED_LINES = 3 * MAX_BLOCKS + 6
FORM_LINES = 2 * MAX_LIST_ITEMS + 6


def find_region(lines: Sequence[Line], found: _Forms, *, need_body: bool = True) -> _Region | None:
    """The convincing seed region at the end of the text whose last lines are ``lines`` (the last
    first, :data:`SEED_LINES` of them or all there are), if there is one."""
    region = parse_region(lines, found, need_body=need_body)
    return region if region is not None and is_convincing(region) else None


# -- a section: one block of any form, found at the end of what is left of the text ---------------------
@dataclass(frozen=True, slots=True)
class _Section:
    """One block to take out: ``text[body_end:end]``, what it holds, and the evidence for it."""

    body_end: int
    teasers: list[Teaser]
    form: str
    evidence: dict[str, float]
    reason: str


def seed_section(text: str, lines: Sequence[Line], found: _Forms) -> _Section | None:
    """The seed form ending the text whose last lines are ``lines`` (as :func:`find_region` reads
    them): title / snippet blocks, optional separators and heading."""
    region = find_region(lines, found)
    if region is None:
        return None
    if find_region(lines_from_end(text, SEED_LINES, region.body_end), found, need_body=False) is not None:
        return None  # teaser-like blocks above the region too: where it starts is unclear
    teasers = [
        Teaser(
            block.title,
            block.snippet,
            is_truncated(block, region.blocks),
            block.excerpt,
            block.separator,
            region.heading,
            "seed",
        )
        for block in region.blocks
    ]
    known = region.heading is not None
    evidence = {
        "lines": float(sum(2 + (block.separator is not None) for block in region.blocks) + known),
        "blocks": float(len(region.blocks)),
        "heading_known": float(known),
        "width": float(common_width(region.blocks) or 0),
        "confidence": 0.95 if known else 0.85,
    }
    reason = f"{len(teasers)} related-article teaser(s): titles above snippets that repeat them"
    return _Section(region.body_end, teasers, "seed", evidence, reason)


def names_articles(heading: str, found: _Forms) -> bool:
    """Whether a known heading says that articles follow (``Related stories``, ``Lesen Sie auch``),
    not just things (``Recommended``, ``Popular``, which a review may put above products).

    >>> names_articles("Related stories:", compiled_forms()), names_articles("Recommended", compiled_forms())
    (True, False)
    """
    return found.article_heading.fullmatch(heading.strip()) is not None


def mostly_lower_case(titles: Sequence[str]) -> bool:
    """Whether half of a block's titles or more start in lower case (``quick hack``): weblogs write
    a few titles so, but a block mostly so is prose.

    >>> mostly_lower_case(["quick hack", "City approves budget"]), mostly_lower_case(["quick hack", "Budget"])
    (True, True)
    >>> mostly_lower_case(["quick hack", "City approves budget", "Storm hits coast"])
    False
    """
    return 2 * sum(looks_like_lower_case_title(title) for title in titles) >= len(titles)


def reads_as_titles(titles: Sequence[str], heading: str, found: _Forms) -> bool:
    """Whether a block's titles read as titles of articles: fewer than half in lower case, and under a
    heading that does not name articles, at least half more than a short run of capitalised names
    (see :func:`reads_as_headlines`)."""
    if mostly_lower_case(titles):
        return False
    return names_articles(heading, found) or reads_as_headlines(titles)


def is_heading(line: str, found: _Forms) -> bool:
    """Whether a line is a known heading phrase alone (``Most popular``, ``More from Business:``).

    >>> tables = compiled_forms()
    >>> is_heading("You may also like", tables), is_heading("You may also like it.", tables)
    (True, False)
    """
    return found.heading.fullmatch(line.strip()) is not None


def heading_above(lines: Sequence[Line], index: int, found: _Forms) -> tuple[str, int] | None:
    """The known heading at ``lines[index]`` and the index of the line above it (above a separator
    line that may sit over the heading); ``None`` when ``lines[index]`` is no known heading or no body
    line is left above it."""
    if index >= len(lines) or not is_heading(lines[index].text, found):
        return None
    above = index + 1
    if above < len(lines) and lines[above].text.strip() in found.separators:
        above += 1
    return (lines[index].text.strip(), above) if above < len(lines) else None


def is_listed_title(title: str) -> bool:
    """Whether an item of a list under a known heading reads as a title: a headline, one trailing off
    (``26-hour days...``) or one a weblog wrote in lower case (``quick hack``)."""
    return looks_like_linked_title(title) or looks_like_lower_case_title(title)


def list_section(lines: Sequence[Line], found: _Forms) -> _Section | None:
    """The list form at the end of ``lines``: a known heading above titles that read as headlines,
    all behind one kind of bullet or none (``Most popular`` / ``• City approves budget`` / ...)."""
    items: list[tuple[str | None, str]] = []
    index = 0
    while index < len(lines) and len(items) <= MAX_LIST_ITEMS:
        bullet, title = split_bullet(lines[index].text, found.bullets)
        if is_heading(lines[index].text, found) or not (
            is_listed_title(title) or (items and looks_like_sentence_title(title))
        ):
            break  # a sentence below the list is the article's closing line, not a title
        items.append((bullet, title))
        index += 1
    if not items or len(items) > MAX_LIST_ITEMS:
        return None
    heading = heading_above(lines, index, found)
    items.reverse()
    if heading is None or not bullets_agree([bullet for bullet, _ in items]):
        return None
    headlines = sum(is_listed_title(title) for _, title in items)
    if headlines < len(items) and not may_hold_sentence_title([title for _, title in items], headlines):
        return None
    if not reads_as_titles([title for _, title in items], heading[0], found):
        return None
    teasers = [Teaser(title, "", False, "", None, heading[0], "list", bullet) for bullet, title in items]
    score = sum(headline_score(title) for _, title in items) / len(items)
    evidence = {
        "lines": float(len(items) + 1),
        "heading_known": 1.0,
        "headline_score": score,
        "confidence": min(0.99, 0.6 + 0.3 * score + 0.03 * len(items)),
    }
    reason = f"{len(items)} linked title(s) under the heading {heading[0]!r}"
    return _Section(lines[heading[1]].end, teasers, "list", evidence, reason)


def pairs_section(lines: Sequence[Line], found: _Forms) -> _Section | None:
    """The pairs form at the end of ``lines``: a known heading above titles that read as headlines,
    each followed by a snippet of its article (a sentence start, four words or more). Once one snippet
    ends cut with ``...`` or ``…``, the others may be whole, with or without a full stop; without a
    cut, every snippet must be a whole sentence of twelve words or more (a short linked article fits
    whole; a shorter sentence under a title is a description, as in a "See also" box of
    documentation)."""
    pairs: list[tuple[str | None, str, str]] = []
    index = 0
    while index + 1 < len(lines) and len(pairs) <= MAX_BLOCKS:
        snippet = lines[index].text.strip()
        bullet, title = split_bullet(lines[index + 1].text, found.bullets)
        if is_heading(lines[index].text, found) or is_heading(lines[index + 1].text, found):
            break  # a heading ends the block (another block's may sit right above)
        if not (is_snippet(snippet) and (is_listed_title(title) or looks_like_sentence_title(title))):
            break
        if bullet is not None and split_bullet(snippet, found.bullets)[0] is not None:
            break  # two items of a bulleted list, not a title above its snippet
        pairs.append((bullet, title, snippet))
        index += 2
    cuts = sum(is_cut_snippet(snippet, found.cut_marks) for _, _, snippet in pairs)
    if not pairs or len(pairs) > MAX_BLOCKS:
        return None
    heading = heading_above(lines, index, found)
    pairs.reverse()
    if heading is None or not bullets_agree([bullet for bullet, _, _ in pairs]):
        return None
    shortest = MIN_SNIPPET_WORDS if names_articles(heading[0], found) else MIN_WHOLE_SNIPPET_WORDS
    if cuts == 0 and not all(is_whole_snippet(snippet, shortest) for _, _, snippet in pairs):
        return None
    if cuts == 0 and not reads_as_titles([title for _, title, _ in pairs], heading[0], found):
        return None  # names with descriptions (products in a review); a cut snippet is furniture
    if len({title.casefold() for _, title, _ in pairs}) < len(pairs):
        return None  # a refrain
    titles = [title for _, title, _ in pairs]
    if mostly_lower_case(titles):
        return None  # a clause above its continuation, not titles above snippets
    headlines = sum(is_listed_title(title) for title in titles)
    if headlines < len(pairs) and not (cuts and may_hold_sentence_title(titles, headlines)):
        return None  # sentences above sentences: paragraphs of the article
    teasers = [
        Teaser(
            title,
            snippet,
            is_cut_snippet(snippet, found.cut_marks),
            snippet,
            None,
            heading[0],
            "pairs",
            bullet,
        )
        for bullet, title, snippet in pairs
    ]
    score = sum(headline_score(title) for _, title, _ in pairs) / len(pairs)
    evidence = {
        "lines": float(2 * len(pairs) + 1),
        "heading_known": 1.0,
        "headline_score": score,
        "cut_snippets": float(cuts),
        "confidence": min(0.99, 0.6 + 0.2 * score + 0.2 * cuts / len(pairs)),
    }
    reason = f"{len(pairs)} linked title(s) with cut snippets under the heading {heading[0]!r}"
    return _Section(lines[heading[1]].end, teasers, "pairs", evidence, reason)


def read_more_line(line: str, found: _Forms, *, lower_case: bool = False) -> tuple[str, str] | None:
    """The label and title of a ``Read more: <title>`` line whose title reads as a headline (or, with
    ``lower_case``, as a title written in lower case: see :func:`looks_like_lower_case_title`).

    >>> read_more_line("READ MORE: City approves budget", compiled_forms())
    ('READ MORE:', 'City approves budget')
    >>> read_more_line("See also the council's report.", compiled_forms()) is None
    True
    """
    match = found.label.fullmatch(line)
    if match is None:
        return None
    title = match["title"]
    if not (
        looks_like_linked_title(title, MIN_LABELLED_WORDS)
        or (lower_case and looks_like_lower_case_title(title))
    ):
        return None
    return match["label"], title.strip()


def labelled_sentence_title(line: str, found: _Forms) -> tuple[str, str] | None:
    """The label and title of a ``Read more: <title>`` line whose title is written as sentences
    (see :func:`looks_like_sentence_title`), which only counts beside headlines.

    >>> labelled_sentence_title("Also read: Perl. It's just a language.", compiled_forms())
    ('Also read:', "Perl. It's just a language.")
    """
    match = found.label.fullmatch(line)
    if match is None or not looks_like_sentence_title(match["title"]):
        return None
    return match["label"], match["title"].strip()


def read_more_section(lines: Sequence[Line], found: _Forms) -> _Section | None:
    """One or more ``Read more: <title>`` lines at the end of ``lines``, a body line above them; fewer
    than half of them may have a title in lower case (``Also read: curb your celebrity``), and one
    beside two headlines may be written as sentences (``Also read: Perl. It's just a language.``)."""
    labelled: list[tuple[str, str]] = []
    sentences: list[int] = []  # where titles written as sentences are in ``labelled``
    index = 0
    while index < len(lines) and len(labelled) <= MAX_BLOCKS:
        parsed = read_more_line(lines[index].text, found, lower_case=True)
        if parsed is None:
            parsed = labelled_sentence_title(lines[index].text, found)
            if parsed is None:
                break
            sentences.append(len(labelled))
        labelled.append(parsed)
        index += 1
    titles = [title for _, title in labelled]
    if sentences and not may_hold_sentence_title(titles, len(titles) - len(sentences)):
        labelled, index = labelled[: sentences[0]], sentences[0]  # the lines below the first sentence
    if not labelled or index >= len(lines) or len(labelled) > MAX_BLOCKS:
        return None
    if 2 * sum(looks_like_lower_case_title(title) for _, title in labelled) >= len(labelled):
        return None  # "Related: the council's report" is a clause of the article
    labelled.reverse()
    return _Section(
        lines[index].end,
        [_read_more_teaser(label, title) for label, title in labelled],
        "read-more",
        _read_more_evidence(labelled),
        f"{len(labelled)} 'read more' line(s) linking other articles",
    )


def _read_more_teaser(label: str, title: str) -> Teaser:
    return Teaser(title, "", False, "", None, label, "read-more")


def _read_more_evidence(labelled: Sequence[tuple[str, str]]) -> dict[str, float]:
    score = sum(headline_score(title) for _, title in labelled) / len(labelled)
    return {
        "lines": float(len(labelled)),
        "heading_known": 1.0,
        "headline_score": score,
        "confidence": min(0.99, 0.7 + 0.25 * score),
    }


# -- what the corpus says: other documents' titles, and endings many documents share ---------------------
class CorpusEvidence:
    """A :class:`~textmend.CorpusModel` read for one document, whose own title (normalised) is no
    other document's title.

    The own title is read when a question first needs it: most documents end with no line the model
    knows, and never ask.
    """

    __slots__ = ("_own_title", "_text", "_title", "model")

    def __init__(self, model: CorpusModel, text: str, title: str | None) -> None:
        self.model = model
        self._text = text
        self._title = title
        self._own_title: str | None = None

    @classmethod
    def of(cls, model: CorpusModel, text: str, title: str | None) -> CorpusEvidence:
        """The evidence for a document: its title as found, or else its first line when that is a
        title of the corpus (the fit counted this document's own title too)."""
        return cls(model, text, title)

    @property
    def own_title(self) -> str:
        """This document's title, normalised (empty when it has none the corpus knows)."""
        if self._own_title is None:
            title = self._title
            if title is None:
                first = lines_from_start(self._text, 1)
                title = first[0].text if first and self.model.is_title(first[0].text) else ""
            self._own_title = normal_title(title)
        return self._own_title

    def other_titles(self, line: str) -> int:
        """How many documents of the corpus have ``line`` as their title, when it is not this one's."""
        if len(line) > MAX_TITLE_LINE:
            return 0  # as title_count: a paragraph
        key = normal_title(line)  # as title_count normalises it: once, not twice
        count = self.model.titles.get(key, 0)
        return 0 if count == 0 or key == self.own_title else count

    def has_body(self, lines: Sequence[Line]) -> bool:
        """Whether ``lines`` hold more than this document's own title."""
        return any(normal_title(line.text) != self.own_title for line in lines)

    def tail_documents(self, line: str) -> int:
        """How many documents of the corpus end with a block holding ``line``."""
        return self.model.tail_count(line)


def is_corpus_title_line(title: str, corpus: CorpusEvidence) -> bool:
    """Whether a (bullet-less) line is the title of another document of the corpus and reads as a
    title, not as the end of a sentence: at most 20 words, no final ``.`` ``,`` ``;`` ``:``, no URL.

    A line that is this document's own title is not (see :class:`CorpusEvidence`).
    """
    stripped = title.strip()
    return (
        len(stripped) <= MAX_HEADLINE_LENGTH
        and corpus.other_titles(stripped) > 0  # first: most last lines are no title of the corpus
        and word_count(stripped) <= MAX_HEADLINE_WORDS
        and not ends_like_prose(without_trailing_off(stripped))
        and _URL.search(stripped) is None
    )


def introduces_list(line: str, found: _Forms) -> bool:
    """Whether a line that is no known heading introduces what follows as the article's own list
    (``Earlier coverage:``, ``The winners:``): it ends with a colon.

    >>> introduces_list("Highlights:", compiled_forms()), introduces_list("Related:", compiled_forms())
    (True, False)
    """
    stripped = line.strip()
    return stripped.endswith(":") and not is_heading(stripped, found)


def corpus_section(lines: Sequence[Line], found: _Forms, corpus: CorpusEvidence) -> _Section | None:
    """Titles of other documents of the corpus at the end of ``lines``, one a line, behind one kind of
    bullet or none, with or without a known heading above (``...the vote.`` / ``Storm hits the
    coast``): a block even as a single title, when it holds three words or more in all and a body
    line is left above it. Under a line of the article's own that introduces a list (``Earlier
    coverage:``) they stay."""
    items: list[tuple[str | None, str]] = []
    index = 0
    while index < len(lines) and len(items) <= MAX_LIST_ITEMS:
        bullet, title = split_bullet(lines[index].text, found.bullets)
        if is_heading(lines[index].text, found) or not is_corpus_title_line(title, corpus):
            break
        items.append((bullet, title))
        index += 1
    if not items or len(items) > MAX_LIST_ITEMS:
        return None
    if sum(word_count(title) for _, title in items) < MIN_CORPUS_TITLE_WORDS:
        return None
    heading = heading_above(lines, index, found)
    body_index = heading[1] if heading is not None else index
    if not corpus.has_body(lines[body_index:]):
        return None  # nothing but titles (its own and others'): not sure what this text is
    if heading is None and introduces_list(lines[index].text, found):
        return None  # the article lists them itself, under its own words
    if heading is None and split_bullet(lines[index].text, found.bullets)[0] is not None:
        return None  # the list goes on above with items that are no titles: whose list it is is unclear
    items.reverse()
    if not bullets_agree([bullet for bullet, _ in items]):
        return None
    label = heading[0] if heading is not None else None
    teasers = [Teaser(title, "", False, "", None, label, "corpus", bullet) for bullet, title in items]
    evidence = {
        "lines": float(len(items) + (heading is not None)),
        "heading_known": float(heading is not None),
        "corpus_titles": float(len(items)),
        "title_documents": float(min(corpus.other_titles(title) for _, title in items)),
        "confidence": 0.97 if heading is not None else 0.9,
    }
    reason = f"{len(items)} line(s) that are titles of other documents of the corpus"
    return _Section(lines[body_index].end, teasers, "corpus", evidence, reason)


def is_boilerplate_line(line: str, corpus: CorpusEvidence) -> bool:
    """Whether many documents of the corpus end with a block holding ``line``: at least 5% of them
    and at least ten (so a closing line a few documents share by chance stays)."""
    ending = corpus.tail_documents(line)
    return ending >= MIN_BOILERPLATE_DOCUMENTS and ending >= BOILERPLATE_SHARE * corpus.model.documents


def boilerplate_section(lines: Sequence[Line], corpus: CorpusEvidence) -> _Section | None:
    """Lines at the end of ``lines`` that end many documents of the corpus (a footer, a signature):
    taken out as data (teasers of form ``boilerplate``), never when nothing else is left."""
    index = 0
    while index < len(lines) and index <= MAX_BOILERPLATE_LINES:
        if not is_boilerplate_line(lines[index].text, corpus):
            break
        index += 1
    if index == 0 or index > MAX_BOILERPLATE_LINES or index >= len(lines):
        return None
    block = [line.text.strip() for line in reversed(lines[:index])]
    shares = [corpus.tail_documents(line) / max(1, corpus.model.documents) for line in block]
    teasers = [Teaser(line, "", False, "", None, None, "boilerplate") for line in block]
    evidence = {
        "lines": float(index),
        "heading_known": 0.0,
        "tail_share": min(shares),
        "confidence": min(0.99, 0.7 + 0.5 * min(shares)),
    }
    reason = f"{index} line(s) that end {min(shares):.0%} or more of the corpus's documents"
    return _Section(lines[index].end, teasers, "boilerplate", evidence, reason)


#: The forms tried at the end of the text, most specific first; the corpus's evidence last.
_TRAILING_FORMS = ("read-more", "seed", "pairs", "list", "corpus", "boilerplate")
#: The forms that need no line that could be a known heading or a label (``_Forms.candidate``).
_UNMARKED_FORMS = ("seed", "corpus", "boilerplate")


def trailing_section(
    text: str, end: int, found: _Forms, corpus: CorpusEvidence | None = None, *, marked: bool = True
) -> _Section | None:
    """The block of any form that ends ``text[:end]``, the most specific form first. ``marked=False``
    says that ``text`` has no line that could be a heading or a label: the forms that need one (read
    more, pairs, list) are not tried, and the seed form only where a teaser pair ends ``text[:end]``."""
    # unmarked, the seed form only where a teaser pair ends the region (the test may_hold_teasers
    # makes), the corpus forms only where the last line could end one: the last two lines read once
    seeded = marked
    if not marked:
        last = lines_from_end(text, 2, end)
        seeded = is_teaser_pair_at_end(last)
        if not (
            seeded or (corpus is not None and last and may_end_corpus_block(last[0].text, found, corpus))
        ):
            return None  # most texts with a model: a line or two read, not the thirty the forms read
    # One walk up from the end for every form: the seed form reads SEED_LINES, the others FORM_LINES.
    read = lines_from_end(text, max(SEED_LINES, FORM_LINES), end)
    lines = read[:FORM_LINES]
    if len(lines) < 2:
        return None
    for form in _TRAILING_FORMS if marked else _UNMARKED_FORMS:
        if form == "seed":
            section = seed_section(text, read[:SEED_LINES], found) if seeded else None
        elif form == "read-more":
            section = read_more_section(lines, found)
        elif form == "pairs":
            section = pairs_section(lines, found)
        elif form == "list":
            section = list_section(lines, found)
        elif corpus is None:
            section = None
        elif form == "corpus":
            section = corpus_section(lines, found, corpus)
        else:
            section = boilerplate_section(lines, corpus)
        if section is not None:
            return section
    return None


def may_end_corpus_block(line: str, found: _Forms, corpus: CorpusEvidence) -> bool:
    """Whether a text whose last line is ``line`` could end with a block of a corpus form: the line is
    another document's title behind a bullet or none (the corpus form) or ends many documents (the
    boilerplate form). Each of those forms starts from that line, so a text whose last line is none
    of them holds none."""
    if is_boilerplate_line(line, corpus):  # the cheap test first: a long last line is neither
        return True
    return is_corpus_title_line(split_bullet(line, found.bullets)[1], corpus) and not is_heading(line, found)


def trailing_sections(
    text: str, found: _Forms, corpus: CorpusEvidence | None = None, *, marked: bool = True
) -> list[tuple[int, _Section]]:
    """The blocks at the end of ``text``, one above another, each with the end of its span; the
    topmost first (``marked``: as :func:`trailing_section`)."""
    sections: list[tuple[int, _Section]] = []
    end = len(text)
    while len(sections) < MAX_SECTIONS:
        section = trailing_section(text, end, found, corpus, marked=marked)
        if section is None:
            break
        sections.append((end, section))
        end = section.body_end
    sections.reverse()
    return sections


# -- read-more lines inside the body --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Inline:
    """``Read more`` lines alone between two paragraphs: the span to remove and what they link."""

    start: int
    end: int
    labelled: list[tuple[str, str]]


def inline_read_more(text: str, stop: int, found: _Forms) -> Iterator[_Inline]:
    """Groups of ``Read more: <title>`` lines inside ``text[:stop]`` that stand alone between two
    paragraphs: the paragraph above ends a sentence and a non-blank line follows the group. The span
    runs from the first line's start to the next paragraph's start (the blank lines go with it)."""
    group: list[regex.Match[str]] = []
    for match in label_matches(text, stop, found):
        parsed = read_more_line(match[0], found)
        if parsed is None:
            continue
        if group and text[group[-1].end() : match.start()].strip():
            yield from _closed_group(text, stop, group)
            group = []
        group.append(match)
    if group:
        yield from _closed_group(text, stop, group)


def label_matches(text: str, stop: int, found: _Forms) -> Iterator[regex.Match[str]]:
    """The matches of ``found.label.finditer(text, 0, stop)``, with ``label`` tried only at the line
    starts ``found.label_line`` finds (a ``re`` scan of a trie, several times faster over a long text).

    >>> [m["title"] for m in label_matches("Body.\\nRead more: A\\nmore", 100, compiled_forms())]
    ['A']
    """
    end = 0
    for line in found.label_line.finditer(text, 0, stop):
        if line.start() < end:
            continue  # inside the match before (a label's words may stand on two lines)
        match = found.label.match(text, line.start(), stop)
        if match is not None:
            end = match.end()
            yield match


def ends_paragraph(line: str) -> bool:
    """Whether a line ends a sentence, also behind the marks of emphasis a scraper kept
    (``...steal Netscape's thunder. _``, ``*the end.*``).

    >>> ends_paragraph("He said so. _"), ends_paragraph("Lines Below Chaos Above")
    (True, False)
    """
    return ends_sentence(line.rstrip().rstrip(_EMPHASIS).rstrip())


def stands_apart(text: str, above_end: int, start: int, end: int, below_start: int) -> bool:
    """Whether the lines ``text[start:end]`` stand apart from the paragraph ending at ``above_end``
    and from the next (starting at ``below_start``), a blank line on each side, when that paragraph
    ends as a lead-in (``:``) or trails off (``...``). Right under a line ending ``:`` with no blank
    line, they are its list.

    >>> text = "He wrote:\\n\\nRead more: A\\n\\nNext."
    >>> stands_apart(text, 9, 11, 23, 25), stands_apart(text.replace(":\\n\\n", ":\\n", 1), 9, 10, 22, 24)
    (True, False)
    """
    paragraph = text[:above_end].rstrip()
    return (
        (paragraph.endswith(":") or paragraph.endswith(_ELLIPSES))
        and text.count("\n", above_end, start) >= 2
        and text.count("\n", end, below_start) >= 2
    )


def continues_on(text: str, end: int, below: int) -> bool:
    """Whether the line ending at ``end`` runs on into the next, which starts at ``below`` in lower case
    with no blank line between: a wrapped sentence (``See also: Op is a subclass of Value that is the
    base class of all`` / ``operations.``), not a labelled link standing alone.

    >>> text = "See also: Op is the base class of all\\noperations."
    >>> continues_on(text, 37, 38), continues_on("Read more: A\\nThe next.", 12, 13)
    (True, False)
    """
    return text[below : below + 1].islower() and text.count("\n", end, below) == 1


def _closed_group(text: str, stop: int, group: Sequence[regex.Match[str]]) -> Iterator[_Inline]:
    """The group as an :class:`_Inline`, when a paragraph ending a sentence is above and one below."""
    above = lines_from_end(text, 1, group[0].start())
    below = _CONTENT.search(text, group[-1].end(), stop)
    if not above or below is None or continues_on(text, group[-1].end(), below.start()):
        return
    if not (
        ends_paragraph(above[0].text)
        or stands_apart(text, above[0].end, group[0].start(), group[-1].end(), below.start())
    ):
        return
    end = text.rfind("\n", 0, below.start()) + 1  # the next paragraph's line keeps its indent
    labelled = [(m["label"], m["title"].strip()) for m in group]
    yield _Inline(group[0].start(), end, labelled)


# -- the fast test -------------------------------------------------------------------------------------
def may_hold_teasers(text: str, found: _Forms) -> bool:
    """Whether ``text`` could hold a teaser block of the forms the tables describe: a line that could
    be a known heading or a labelled line anywhere (one fast scan), or a seed block's title and
    snippet as its last two lines. Only the corpus forms need neither (the fixer asks this only
    without a model; with one, ``find`` makes the same scan to read only the forms that need no
    heading). A text for which this is false is one :func:`trailing_sections` and
    :func:`inline_read_more` find nothing in, so it is left alone without reading it.

    >>> tables = compiled_forms()
    >>> may_hold_teasers("The vote was close.\\nMembers will meet in May.", tables)
    False
    >>> may_hold_teasers("The vote was close.\\nMost popular\\n- City approves budget", tables)
    True
    >>> may_hold_teasers("Body.\\nOne Title\\nOne Title The first words of i", tables)
    True
    """
    return has_candidate_line(text, found) or ends_with_teaser_pair(text)


# Lines at least this long on average are read one by one, from each line's start: the pattern then
# fails at the first characters of most lines, where a search of the whole text tries it at every
# character (2-3x faster on prose in paragraphs; on many short lines the search is cheaper).
_LINE_BY_LINE_LENGTH = 48
# More lines than this to try one by one, and the plain search (or the line-by-line one) is cheaper:
# on 100,000 lines that all start "A " it was 67 ms against 92 for a match at each.
_MOST_LINES_TRIED = 64


def has_candidate_line(text: str, found: _Forms) -> bool:
    """Whether a line of ``text`` could be a known heading or a labelled line (``_Forms.candidate``).

    >>> has_candidate_line("The vote.\\nRead more: City news", compiled_forms())
    True
    """
    match = found.candidate.match
    if found.phrase_starts is not None:  # the compiled scanner names the few lines worth a try
        tried = lines_to_try(text, found.phrase_starts)
        if len(tried) <= _MOST_LINES_TRIED:
            return any(match(text, at) is not None for at in tried)
        # Many of them (a list of lines that start "I" or "A"): one of the searches below costs less.
    if len(text) < _LINE_BY_LINE_LENGTH * (text.count("\n") + 1):
        return found.candidate.search(text) is not None
    at = -1
    while True:
        if match(text, at + 1) is not None:
            return True
        at = text.find("\n", at + 1)
        if at < 0:
            return False


def ends_with_teaser_pair(text: str, end: int | None = None) -> bool:
    """Whether the last two non-blank lines of ``text`` (of ``text[:end]``) are a title and a snippet
    repeating it (the first block :func:`parse_region` reads).

    >>> ends_with_teaser_pair("Body.\\nWhy Cats Purr\\nWhy Cats Purr Cats purr when")
    True
    >>> ends_with_teaser_pair("Body.\\nWhy Cats Purr\\nDogs bark")
    False
    """
    return is_teaser_pair_at_end(lines_from_end(text, 2, end))


def is_teaser_pair_at_end(last: Sequence[Line]) -> bool:
    """Whether ``last``, a text's last two non-blank lines (the last first, as :func:`lines_from_end`
    reads them), are a title and a snippet repeating it."""
    return len(last) == 2 and is_teaser_pair(last[1].text.strip(), last[0].text)


# -- the fixer --------------------------------------------------------------------------------------------
@register
@dataclass(frozen=True)
class TeaserFixer(Fixer):
    """Take related-article blocks (seed, list, read-more and pairs forms) out of the body as Teasers.

    headings: heading phrases added to the built-in table (``("Lies auch",)``)
    labels: labels of ``<label>: <title>`` lines added to the built-in table (``("MORE",)``)
    bullets: list bullets added to the built-in ones (``("+",)``)
    cut_marks: snippet cut-off marks added to the built-in ones (``(" [more]",)``)
    model: a fitted corpus model: its documents' titles and shared endings are evidence too (None)
    """

    name: ClassVar[str] = "teasers"

    headings: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    cut_marks: tuple[str, ...] = ()
    model: CorpusModel | None = None

    def may_apply(self, text: str) -> bool:
        """A block needs a body line above it (the text has two lines at least), and without a model
        a known heading, a label or a seed block at the end (see :func:`may_hold_teasers`)."""
        return "\n" in text and (self.model is not None or may_hold_teasers(text, self.forms()))

    def forms(self) -> _Forms:
        """The tables with this fixer's additions, compiled."""
        return compiled_forms(
            tuple(self.headings), tuple(self.labels), tuple(self.bullets), tuple(self.cut_marks)
        )

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        tables = self.forms()
        corpus = None if self.model is None else CorpusEvidence.of(self.model, text, found.title)
        # With a model every text of two lines gets here (may_apply). One that has no line that could
        # be a heading or a label (the fast test's scan) has no block of the forms that need one and
        # no read-more line inside: only the seed and the corpus's forms are read. Without a model the
        # fast test has made that scan already.
        marked = corpus is None or has_candidate_line(text, tables)
        sections = trailing_sections(text, tables, corpus, marked=marked)
        stop = sections[0][1].body_end if sections else len(text)
        inline = list(inline_read_more(text, stop, tables)) if marked else []
        for group in inline:
            found.teasers.extend(_read_more_teaser(label, title) for label, title in group.labelled)
            yield Edit(
                group.start,
                group.end,
                "",
                f"{len(group.labelled)} 'read more' line(s) between paragraphs",
                "teaser/read-more",
                _read_more_evidence(group.labelled),
            )
        for end, section in sections:
            found.teasers.extend(section.teasers)
            yield Edit(section.body_end, end, "", section.reason, f"teaser/{section.form}", section.evidence)
