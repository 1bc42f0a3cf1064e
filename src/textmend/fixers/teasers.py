"""``teasers``: take trailing related-article blocks out of the body and return them as data.

Scraped articles often end with teasers for other articles: an optional heading (``Related``,
``Read more``, ``More from ...``), then blocks of an optional separator line (``-``, ``—``, ``*``), a
title line, and a snippet line that repeats the title and runs into the linked article's first words,
cut at a width the page uses for every snippet (or is the title itself cut short). The region is
recognised by that structure, never by a fixed width, and only when the evidence is clear (see
:func:`is_convincing`); anything less stays in the body. The region goes in one edit, from the end of
the body's last line to the end of the text.

>>> from textmend import Pipeline
>>> text = "Body.\\nRelated\\nOne Title\\nOne Title The first words of i\\nTwo\\nTwo All of it."
>>> doc = Pipeline(["teasers"]).mend_document(text)
>>> doc.text, [(t.title, t.excerpt, t.truncated, t.heading) for t in doc.teasers]
('Body.', [('One Title', 'The first words of i', True, 'Related'), ('Two', 'All of it.', False, 'Related')])
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..fixer import Findings, Fixer, register
from ..model import Edit, Teaser

#: Lines that separate teaser blocks (after stripping).
SEPARATORS = frozenset({"-", "\u2013", "\u2014", "*"})
#: More blocks than this at the end of a text is not a teaser list we are sure of: keep it all.
MAX_BLOCKS = 10
MAX_TITLE_LENGTH = 300
MAX_SNIPPET_LENGTH = 1000
#: A snippet that is its title cut short is at least this long (so "Thanks" is no cut "Thanks for ...").
MIN_CUT_LENGTH = 20
#: Snippets cut at one width are evidence only when the width is at least this.
MIN_WIDTH = 30

_HEADING = regex.compile(
    r"(?i)(?:related(?: articles| posts| stories| reading| content| links)?"
    r"|read (?:more|next|also)|also read|see also|further reading"
    r"|you (?:may|might|will) also (?:like|enjoy)|recommended(?: for you| reading| stories| articles)?"
    r"|more (?:from|on|about|in) [^\n.!?]{1,60}|more (?:stories|articles|news|posts|like this)"
    r"|popular(?: now| posts| stories)?|trending(?: now| stories)?)[ \t]{0,5}:?"
)
# "- item", "* item", "1. item", "2) item": list items, never teaser titles.
LIST_ITEM = regex.compile(r"(?:[-*\u2022\u2013\u2014]|[0-9]{1,3}[.)])\s")
_SENTENCE_END = frozenset(".!?\"'\u201d\u2019)]")
_ELLIPSES = ("...", "\u2026")


@dataclass(frozen=True, slots=True)
class _Line:
    """A non-blank line: ``text[start:end]``, its ``\\r\\n`` or ``\\n`` left out."""

    start: int
    end: int
    text: str


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


def lines_from_end(text: str, limit: int, end: int | None = None) -> list[_Line]:
    """Up to ``limit`` non-blank lines of ``text[:end]``, the last one first.

    >>> [line.text for line in lines_from_end("a\\n\\nb\\r\\nc\\n", 2)]
    ['c', 'b']
    """
    lines: list[_Line] = []
    stop = len(text) if end is None else end
    while stop >= 0 and len(lines) < limit:
        start = text.rfind("\n", 0, stop) + 1
        line_end = stop - 1 if stop > start and text[stop - 1] == "\r" else stop
        line = text[start:line_end]
        if line.strip():
            lines.append(_Line(start, line_end, line))
        stop = start - 1
    return lines


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


def is_separator(line: str) -> bool:
    return line.strip() in SEPARATORS


def ends_sentence(snippet: str) -> bool:
    """Whether a snippet ends like a finished sentence (``.``, ``?``, a closing quote), not like a cut
    (a letter, a comma, an ellipsis).

    >>> ends_sentence("It rained."), ends_sentence("It rai"), ends_sentence("It rained...")
    (True, False, False)
    """
    stripped = snippet.rstrip()
    return not stripped.endswith(_ELLIPSES) and stripped[-1:] in _SENTENCE_END


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
    """A parsed trailing region: its blocks in text order, the heading, and the body's last line."""

    blocks: list[_Block]
    heading: str | None
    body_end: int


def parse_region(lines: Sequence[_Line], *, need_body: bool = True) -> _Region | None:
    """Read teaser blocks upwards from the last line; ``None`` when there are none, or (if
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
        if below < len(lines) and is_separator(lines[below].text):
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
    if index < len(lines) and _HEADING.fullmatch(lines[index].text.strip()):
        heading = lines[index].text.strip()
        index += 1
        if index < len(lines) and is_separator(lines[index].text):
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
    """Whether the evidence that ``region`` is page furniture is clear enough to take it out.

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


def find_region(text: str, end: int | None = None, *, need_body: bool = True) -> _Region | None:
    """The convincing teaser region at the end of ``text[:end]``, if there is one."""
    lines = lines_from_end(text, 3 * MAX_BLOCKS + 6, end)
    region = parse_region(lines, need_body=need_body)
    return region if region is not None and is_convincing(region) else None


class _TailGate:
    """The fixer's gate: the last two non-blank lines must be a title and its snippet."""

    def search(self, text: str, /) -> bool | None:
        lines = lines_from_end(text, 2)
        return True if len(lines) == 2 and is_teaser_pair(lines[1].text.strip(), lines[0].text) else None


@register
@dataclass(frozen=True)
class TeaserFixer(Fixer):
    """Remove the trailing region of teaser blocks in one edit; record each block as a Teaser."""

    name: ClassVar[str] = "teasers"
    gate: ClassVar[_TailGate] = _TailGate()

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        region = find_region(text)
        if region is None:
            return
        if find_region(text, region.body_end, need_body=False) is not None:
            return  # teaser-like blocks above the region too: where it starts is unclear
        for block in region.blocks:
            found.teasers.append(
                Teaser(
                    block.title,
                    block.snippet,
                    is_truncated(block, region.blocks),
                    block.excerpt,
                    block.separator,
                    region.heading,
                )
            )
        yield Edit(region.body_end, len(text), "", f"{len(region.blocks)} related-article teaser(s)")
