"""``titles``: take the page title off the top of the body and return it (and the site's name) as data.

Scrapers put the title above the article in three ways, all taken here:

- ``title/duplicate``: the title twice, once stripped of quotes and punctuation (or in capitals). The
  fuller line stays in the text and becomes ``Document.title``; the other goes.
- ``title/site``: the page title with the site's name (``City approves budget | The Daily News``,
  ``… - The Daily News``, or the name first) above the headline. The page-title line goes, the
  headline stays and becomes ``Document.title``, the name becomes ``Document.site``.
- ``title/glued``: the title above the first sentence that starts with it glued on
  (``City approves budget`` / ``City approves budgetThe council voted…``). The copy glued to the
  sentence goes, so the body starts cleanly (the ``words`` fixer, after this one, would only split it).
  With a site name on the first line, that goes too. The glue is evidence enough for a one-word title
  (``Priceless`` / ``PricelessI just…``) or one ending in an ellipsis or, from three words, a full stop.

What stays: two lines that are not the same title; lines that do not look like a title (one word
twice, a list item, a clause ending in ``,``, dialogue ending in ``.``); three copies (a refrain, also
glued); a title and no body; a first sentence that only starts with the title's words (``Go home`` /
``Go home now``); a name written as one known word (``Mac`` / ``MacBook Pro…``), a model or unit
(``New iPhoneXS``, ``iPhone 64GB``); a dateline (``PARIS - The mayor said``) and any ``A | B`` line
whose parts do not repeat below it.

>>> from textmend import Pipeline
>>> doc = Pipeline(["titles"]).mend_document("Why Cats Purr\\nWhy Cats 'Purr'\\nBody.")
>>> doc.title, doc.text
("Why Cats 'Purr'", "Why Cats 'Purr'\\nBody.")
>>> doc = Pipeline(["titles"]).mend_document("Cats purr | The Daily News\\nCats purrThey do it often.")
>>> doc.title, doc.site, doc.text
('Cats purr', 'The Daily News', 'Cats purr\\nThey do it often.')
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..fixer import Findings, Fixer, register
from ..lexicon import zipf
from ..model import Edit
from ._lines import LIST_ITEM, Line, next_line, word_count

__all__ = [
    "MAX_SITE_LENGTH",
    "MAX_SITE_WORDS",
    "MAX_TITLE_LENGTH",
    "MIN_GLUED_WORDS",
    "MIN_STOPPED_TITLE_WORDS",
    "TitlesFixer",
    "could_be_glued_title",
    "glued_rest",
    "is_chat_line",
    "is_markup_line",
    "looks_like_site",
    "looks_like_title",
    "may_repeat",
    "page_titles",
    "runs_on_as_one_word",
    "runs_on_in_lowercase",
    "same_title",
    "starts_glued_sentence",
    "title_key",
]

_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")
_WORD_CHARACTER = regex.compile(r"[\p{L}\p{N}]")  # what title_key keeps
_CLOSING = "\"'\u201d\u2019)]"
# What may open the glued sentence before its capital: quotes, brackets (``[IMG: …]``), markdown emphasis.
_OPENING = "\"'\u201c\u2018(\u00ab\u00bf\u00a1<*_["
MAX_TITLE_LENGTH = 300
#: A site's name has at most this many words and characters ("The Daily News", "BBC News").
MAX_SITE_WORDS = 6
MAX_SITE_LENGTH = 60
#: What is glued to the title is a sentence of at least this many words, not a word's tail.
MIN_GLUED_WORDS = 3
#: A glued title ending in a full stop has at least this many words (``Perl. It's just a language.``);
#: a shorter one is dialogue or a typo (``He left.`` / ``He left.Then…``).
MIN_STOPPED_TITLE_WORDS = 3
# " | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ": between a page title and a site's name.
_SITE_SEPARATOR = regex.compile(r"[ \t]+(?:\||-|\u2013|\u2014|::|\u00b7|\u00ab|\u00bb)[ \t]+")
# The marks of _SITE_SEPARATOR: a line without any of them has no separator.
_SEPARATOR_MARKS = ("|", "-", "\u2013", "\u2014", "::", "\u00b7", "\u00ab", "\u00bb")


def title_key(line: str) -> str:
    """A line reduced to its words, for comparing titles: case, quotes and punctuation ignored.

    >>> title_key("Do Opioid Receptors 'Reset'?")
    'do opioid receptors reset'
    """
    return " ".join(_NOT_WORD.sub(" ", line).casefold().split())


def same_title(line: str, other: str) -> bool:
    """Whether two lines are the same title: the same letters and digits, case, quotes, punctuation and
    spaces aside (the ``words`` fixer, after this one, may yet split a glued word of either line).

    >>> same_title("Used For Pain", "usedfor pain!"), same_title("Used For Pain", "Used For Pain 2")
    (True, False)
    """
    return title_key(line).replace(" ", "") == title_key(other).replace(" ", "")


def may_repeat(title: str, line: str) -> bool:
    """Whether ``line`` could repeat ``title`` as :func:`same_title` or :func:`glued_rest` reads it: the
    same first letter or digit, or the same first character, case aside. A test of one character or two
    before those read the whole line.

    >>> may_repeat("Used For Pain", '"used for pain"'), may_repeat("Used For Pain", "The council met")
    (True, False)
    """
    rest = line.lstrip()
    if title[:1].casefold()[:1] == rest[:1].casefold()[:1]:
        return True  # the same first character: glued_rest's head may equal the title
    first, other = _WORD_CHARACTER.search(title), _WORD_CHARACTER.search(rest)
    return (
        first is not None
        and other is not None
        and first.group().casefold()[:1] == other.group().casefold()[:1]
    )


def looks_like_title(line: str) -> bool:
    """Whether a line could be a title: two or more words, no list marker, no ``,;:`` or full stop at
    the end (``"Come in."`` twice is dialogue), and not markup (:func:`is_markup_line`).

    >>> looks_like_title("Why Cats 'Purr'?"), looks_like_title('"Come in."')
    (True, False)
    """
    stripped = line.strip()
    return (
        len(stripped) <= MAX_TITLE_LENGTH
        and len(title_key(stripped).split()) >= 2
        and stripped.rstrip(_CLOSING)[-1:] not in ",;:."
        and LIST_ITEM.match(stripped) is None
        and _LETTER.search(stripped) is not None  # "1 = 1" above "-1 = -1" is a sum, not a title
        and not is_markup_line(stripped)
        and not is_chat_line(stripped)
    )


def runs_on_in_lowercase(line: str) -> bool:
    """Whether ``line`` starts with a word in lowercase letters: the line before it is the start of its
    sentence (a poem whose first line repeats its title), not a headline above a body.

    >>> runs_on_in_lowercase("auf ihrem kleinen Teich."), runs_on_in_lowercase("iPhone 15 is here.")
    (True, False)
    >>> runs_on_in_lowercase("by Jane Doe, staff writer")
    False
    """
    word = _LOWERCASE_WORD.match(line)
    return word is not None and word.group(1) not in _BYLINE_OPENERS


# A word in lowercase letters at the start of a line (after its indentation), ended by no letter.
_LOWERCASE_WORD = regex.compile(r"[ \t]*(\p{Ll}+)(?!\p{L})")
# ... which opens a byline or a dateline under a headline, not the rest of a sentence ("by Jane Doe").
_BYLINE_OPENERS = frozenset({"by", "posted", "published", "updated", "written", "from", "via", "photo"})


def is_chat_line(stripped: str) -> bool:
    """Whether a stripped line is a line of a chat log: a nick in angle brackets, maybe after a time
    (``<fsck> #MODE FLOOD ON !`` twice is someone repeating, not a title written twice).

    >>> is_chat_line("<Faq> POMOCY!!!!!!!"), is_chat_line("[12:01] <@kuguar> ^leave")
    (True, True)
    >>> is_chat_line("<b>Cats</b> purr"), is_chat_line("Why cats purr")
    (False, False)
    """
    return _CHAT_NICK.match(stripped) is not None


# A nick in angle brackets (IRC's modes @, +, % before it), after a time in brackets or none, then a space.
_CHAT_NICK = regex.compile(r"(?:\[[0-9:]{4,8}\][ \t]*)?<[@+%&~]?[\w\-\[\]\\^{}|`.]{1,32}>[ \t]")
_LETTER = regex.compile(r"\p{L}")


def is_markup_line(stripped: str) -> bool:
    """Whether a stripped line is markup, not text: it opens with ``<`` and closes with ``>`` (a tag,
    a comment: ``<!-- saved from url=(0022)http://internet.e-mail -->`` twice atop an HTML mail).

    >>> is_markup_line("<!-- saved from url -->"), is_markup_line("<title>News</title>")
    (True, True)
    >>> is_markup_line("Why <b>cats</b> purr"), is_markup_line("<<< Back to news")
    (False, False)
    """
    return stripped[:1] == "<" and stripped[-1:] == ">" and stripped[1:2] not in ("<", " ")


def looks_like_site(name: str) -> bool:
    """Whether a part of a page title could be a site's name: one to six words, a capital or digit
    first, no full stop at the end.

    >>> looks_like_site("The Daily News"), looks_like_site("the mayor said on Tuesday that it was fine.")
    (True, False)
    """
    stripped = name.strip()
    first = stripped[:1]
    return (
        0 < len(stripped) <= MAX_SITE_LENGTH
        and 1 <= word_count(stripped) <= MAX_SITE_WORDS
        and (first.isupper() or first.isdigit())
        and not stripped.endswith(".")
    )


def could_be_glued_title(line: str) -> bool:
    """Whether a first line could be a title that the next line repeats with a sentence glued on: as
    :func:`looks_like_title`, but one capitalised word will do (``Priceless`` / ``PricelessI just…``:
    the glue is the evidence), and so will an ellipsis or, from three words, a full stop at the end.

    >>> [could_be_glued_title(line) for line in ("Priceless", "26-hour days...", "price")]
    [True, True, False]
    >>> could_be_glued_title("He left."), could_be_glued_title("Perl. It's just a language.")
    (False, True)
    """
    stripped = line.strip()
    words = title_key(stripped).split()
    if len(words) == 1 and not (len(words[0]) >= 2 and (stripped[:1].isupper() or stripped[:1].isdigit())):
        return False
    if stripped.endswith(("...", "\u2026")):
        stripped = stripped.rstrip(".\u2026")
    elif stripped.rstrip(_CLOSING).endswith(".") and len(words) >= MIN_STOPPED_TITLE_WORDS:
        stripped = stripped.rstrip(_CLOSING)[:-1]
    return (
        0 < len(stripped) <= MAX_TITLE_LENGTH
        and len(words) >= 1
        and stripped.rstrip(_CLOSING)[-1:] not in ",;:."
        and LIST_ITEM.match(stripped) is None
        and not is_markup_line(stripped)
    )


# The first run of letters of a text, and the last of a title.
_FIRST_LETTERS = regex.compile(r"\p{L}+")
_LAST_LETTERS = regex.compile(r"\p{L}+$")
# A plain word (``budget``, ``Mac``): lower case after an optional capital, nothing camel-cased.
_PLAIN_WORD = regex.compile(r"\p{Lu}?\p{Ll}+")


def starts_glued_sentence(title: str, rest: str) -> bool:
    """Whether ``rest`` starts a sentence straight after ``title``: a capitalised word (``The``,
    ``DVDSynth``), ``A`` or ``I`` as a word (``I've``), an acronym (``US officials``) after a plain
    word, or a quote, bracket or emphasis mark before a capital (``[IMG: …]``, ``_Paul Ford_``).

    An acronym after a camel-cased word or a number is a model name or a unit (``iPhoneXS``, ``64GB``).

    >>> starts_glued_sentence("plans", "US invasion could"), starts_glued_sentence("64", "GB of memory")
    (True, False)
    """
    if rest[:1] in _OPENING and rest[1:2].isupper():
        return True
    first = _FIRST_LETTERS.match(rest)
    if first is None or not rest[:1].isupper():
        return False
    word, after = first.group(), rest[first.end() : first.end() + 1]
    if len(word) == 1:
        return word in "AI" and (after == " " or (word == "I" and after in "'\u2019"))
    if not word.isupper():
        return True
    last = _LAST_LETTERS.search(title)
    return last is not None and _PLAIN_WORD.fullmatch(last.group()) is not None and not after.isalnum()


def runs_on_as_one_word(title: str, rest: str) -> bool:
    """Whether the title's last word and the glued text's first word make one known word, a name
    written as one (``Mac`` / ``MacBook Pro…``, ``You`` / ``YouTube is…``), not a title and a sentence.
    ``A`` and ``I`` glued on never make one (``crimeA detector`` is not ``Crimea``).

    >>> runs_on_as_one_word("Mac", "Book Pro sales rose"), runs_on_as_one_word("budget", "The council")
    (True, False)
    """
    last, first = _LAST_LETTERS.search(title), _FIRST_LETTERS.match(rest)
    if last is None or first is None or len(first.group()) == 1:
        return False  # "A" and "I" are words of their own: ``Zen gardenA …`` is not "Gardena"
    return zipf((last.group() + first.group()).casefold()) > 0


def glued_rest(title: str, line: str) -> str | None:
    """What follows ``title`` at the start of ``line`` when a sentence is glued straight on to it
    (``City approves budgetThe council voted``); ``None`` when the line does not start so.

    >>> glued_rest("City approves budget", "City approves budgetThe council voted on it.")
    'The council voted on it.'
    >>> glued_rest("Go home", "Go home now, please"), glued_rest("New iPhone", "New iPhoneX is here")
    (None, None)
    """
    head = line[: len(title)]
    rest = line[len(title) :]
    if not title or head.casefold() != title.casefold() or title[-1:].isspace():
        return None
    if not (title[-1].isalnum() or title[-1] in "?!>.%\u2026" + _CLOSING):
        return None
    if not starts_glued_sentence(title, rest) or runs_on_as_one_word(title, rest):
        return None
    if rest[: len(title)].casefold() == title.casefold():
        return None  # the title glued on twice: a refrain (and taking one copy would leave the form)
    return rest if word_count(rest) >= MIN_GLUED_WORDS else None


@dataclass(frozen=True, slots=True)
class _PageTitle:
    """The first line read as a page title: the title part, the site's name and the span (in the
    text) of the site part with its separator; ``site`` is ``None`` when the line is all title."""

    title: str
    site: str | None
    site_start: int
    site_end: int


def page_titles(line: Line) -> Iterator[_PageTitle]:
    """The ways to read a first line: all title, or title and site name on either side of a
    separator (the last one for ``Title | Site``, the first for ``Site | Title``)."""
    stripped = line.text.strip()
    lead = line.start + len(line.text) - len(line.text.lstrip())
    yield _PageTitle(stripped, None, 0, 0)
    if len(stripped) > MAX_TITLE_LENGTH + MAX_SITE_LENGTH:
        return  # no page title: and a long run of spaces would make the search slow
    if not any(mark in stripped for mark in _SEPARATOR_MARKS):
        return  # most first lines: a few C-level searches, not a scan for spaces
    separators = list(_SITE_SEPARATOR.finditer(stripped))
    if not separators:
        return
    last, first = separators[-1], separators[0]
    if looks_like_site(stripped[last.end() :]):
        yield _PageTitle(
            stripped[: last.start()], stripped[last.end() :], lead + last.start(), lead + len(stripped)
        )
    if looks_like_site(stripped[: first.start()]):
        yield _PageTitle(stripped[first.end() :], stripped[: first.start()], lead, lead + first.end())


class _LeadGate:
    """The fixer's gate: the text starts with a line short enough to be a title."""

    def search(self, text: str, /) -> bool | None:
        return True if text.find("\n", 0, MAX_TITLE_LENGTH + 2) != -1 else None


@register
@dataclass(frozen=True)
class TitlesFixer(Fixer):
    """Take the leading title (twice, with the site's name, or glued to the first sentence) as data."""

    name: ClassVar[str] = "titles"
    gate: ClassVar[_LeadGate] = _LeadGate()

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        first = next_line(text, 0)
        second = None if first is None else next_line(text, first.end + 1)
        if first is None or second is None:
            return
        for page in page_titles(first):
            if not may_repeat(page.title, second.text):
                continue  # most documents: the body's first line starts otherwise
            # The cheap tests first: most second lines are longer than a title, and few start with the
            # first line's letters (each title test reduces its line to words with a pattern).
            if (
                looks_like_title(second.text)
                and looks_like_title(page.title)
                and same_title(page.title, second.text)
            ):
                yield from self.duplicate(text, first, second, page, found)
                return
            if glued_rest(page.title, second.text.lstrip()) is not None and could_be_glued_title(page.title):
                yield from self.glued(first, second, page, found)
                return

    def duplicate(
        self, text: str, first: Line, second: Line, page: _PageTitle, found: Findings
    ) -> Iterator[Edit]:
        """The title twice (one line maybe with the site's name): keep the fuller line."""
        body = next_line(text, second.end + 1)
        if body is None or same_title(body.text, page.title):
            return  # no body after the two lines, or a third copy: a refrain, not a duplicated title
        if body.start == second.end + 1 and runs_on_in_lowercase(body.text):
            return  # "Der Rabe Ralf" / "Der Rabe Ralf" / "will will hu hu": a poem's title and first line
        evidence = {"lines": 2.0, "title_words": float(word_count(page.title)), "confidence": 0.95}
        if page.site is not None:
            found.title, found.site = second.text.strip(), page.site
            reason = f"the page title with the site's name {page.site!r} above the headline"
            yield Edit(first.start, second.start, "", reason, "title/site", evidence)
            return
        reason = "the title again, with less punctuation"
        if len(second.text.strip()) > len(first.text.strip()):
            found.title = second.text.strip()
            yield Edit(first.start, second.start, "", reason, "title/duplicate", evidence)
        else:
            found.title = first.text.strip()
            yield Edit(first.end, second.end, "", reason, "title/duplicate", evidence)

    def glued(self, first: Line, second: Line, page: _PageTitle, found: Findings) -> Iterator[Edit]:
        """The title above the first sentence that starts with it glued on: the glued copy goes (and
        the site's name on the title line, if any)."""
        evidence = {"lines": 2.0, "title_words": float(word_count(page.title)), "confidence": 0.9}
        found.title = page.title
        if page.site is not None:
            found.site = page.site
            reason = f"the site's name {page.site!r} after the page title"
            yield Edit(page.site_start, page.site_end, "", reason, "title/site", evidence)
        start = second.start + len(second.text) - len(second.text.lstrip())
        reason = "the title again, glued to the first sentence"
        yield Edit(start, start + len(page.title), "", reason, "title/glued", evidence)
