"""Test helpers for code that handles scraped text: damage clean text the way scrapers do, and compare.

Hypothesis strategies generate clean prose and damage it, returning both, so any cleaner (textmend or
your own) can be checked to undo the damage; :func:`assert_mends_to` fails with a readable diff.
Needs ``hypothesis`` (``pip install 'textmend[testing]'``); ``import textmend`` alone does not load it.

>>> from hypothesis import given, settings
>>> from textmend.testing import MENDABLE_KINDS, assert_mends_to, damaged
>>> @settings(deadline=None)  # the first call loads textmend's word list
... @given(damaged(kinds=MENDABLE_KINDS))
... def test_mend_undoes_scraper_damage(case):
...     assert_mends_to(case.damaged, case.clean)
>>> test_mend_undoes_scraper_damage()
"""

from __future__ import annotations

import difflib
import html.entities
import itertools
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError("textmend.testing needs hypothesis: pip install 'textmend[testing]'") from error

import textmend
from textmend.fixers.words import determined_before, determines_no_noun

__all__ = [
    "ADVERSARIAL",
    "ENTITY_NAMES",
    "ENTITY_TABLE",
    "JOINERS",
    "KINDS",
    "MENDABLE_KINDS",
    "NUMERIC_REFERENCES",
    "REFERENCE_CONTEXTS",
    "REFERENCE_DAMAGE",
    "TEASER_HEADINGS",
    "TEASER_WIDTH",
    "TYPOGRAPHIC_WORDS",
    "WORDS",
    "Damaged",
    "articles",
    "assert_mends_to",
    "damage",
    "damaged",
    "damaged_references",
    "prose",
    "sentences",
    "text_diff",
    "titles",
]

#: Common English words for generated prose, with a few function words (:data:`JOINERS`) among them.
_WORD_LIST = """
the of from his their that into
people thing part place week case government company number group problem fact story room mother
river window letter morning evening country friend family music paper doctor small young early
great little important different public find give tell become leave feel bring begin keep hold
write stand hear mean meet speak grow open carry watch create build before after between during
without through question answer picture animal forest island summer winter village teacher student
simple careful quiet bright heavy strange happy certain special modern ancient remember explain
decide return travel listen wonder happen prepare discover across around against toward
"""
WORDS: tuple[str, ...] = tuple(_WORD_LIST.split())
#: The words that ``joined_words`` damage glues to a neighbour: a precise cleaner cannot split two content
#: words glued together (``peoplepeople``, ``afterwinter``: compounds are too often one word), but
#: textmend's ``words`` fixer splits any of these function words glued to a word of :data:`WORDS`.
JOINERS: frozenset[str] = frozenset("the of from his their that into".split())  # noqa: SIM905

#: Words with typographic or accented characters: what stripped or mangled entities come from.
TYPOGRAPHIC_WORDS: tuple[str, ...] = (
    "it\u2019s",
    "don\u2019t",
    "that\u2019s",
    "there\u2019s",
    "caf\u00e9",
    "na\u00efve",
    "r\u00e9sum\u00e9",
    "fa\u00e7ade",
    "fianc\u00e9e",
    "\u2014",
)

#: Characters a scraper turns into entities, and the entity names it uses.
ENTITY_NAMES: dict[str, str] = {
    "\u2019": "rsquo",
    "\u2018": "lsquo",
    "\u201c": "ldquo",
    "\u201d": "rdquo",
    "\u2014": "mdash",
    "\u2013": "ndash",
    "\u2026": "hellip",
    "\u00e9": "eacute",
    "\u00ef": "iuml",
    "\u00e7": "ccedil",
}

#: Every kind of damage the strategies can do.
KINDS: tuple[str, ...] = (
    "stripped_entities",  # "Let’s" -> "Letrsquo;s": the entity lost its "&"
    "ampersand_to_space",  # "Let’s" -> "Let rsquo;s": the "&" became a space
    "double_escaped",  # "Let’s" -> "Let&amp;rsquo;s": escaped twice
    "joined_words",  # "used for" -> "usedfor": the space between two words was lost
    "teasers",  # related-article blocks appended: heading, then "-" / title / title and its first words
    "duplicated_title",  # the title line again, first, without its quotes
)

#: The kinds textmend's default pipeline undoes exactly (on text like :func:`articles` makes).
MENDABLE_KINDS: tuple[str, ...] = (
    "stripped_entities",
    "double_escaped",
    "joined_words",
    "teasers",
    "duplicated_title",
)

_ENTITY_KINDS = ("stripped_entities", "ampersand_to_space", "double_escaped")
_QUOTES = "'\"\u2018\u2019\u201c\u201d"
TEASER_WIDTH = 80
#: Headings that sites put above related-article teasers.
TEASER_HEADINGS: tuple[str, ...] = ("Related", "Read more", "Related articles", "You may also like")


@dataclass(frozen=True)
class Damaged:
    """A clean text, the same text damaged, and the kinds of damage done (empty if none applied)."""

    clean: str
    damaged: str
    kinds: tuple[str, ...]


# -- clean text --------------------------------------------------------------------------------------
@st.composite
def sentences(draw: st.DrawFn, words: Sequence[str] = WORDS) -> str:
    """One sentence: a capitalised first word, 3 to 10 words, sometimes a comma or typographic word."""
    vocabulary = st.sampled_from(words)
    parts = draw(st.lists(vocabulary, min_size=3, max_size=10))
    for _ in range(draw(st.integers(0, 2))):
        index = draw(st.integers(1, len(parts) - 1))
        decoration = draw(st.sampled_from(["typographic word", "curly quotes", "comma"]))
        if decoration == "typographic word":
            parts.insert(index, draw(st.sampled_from(TYPOGRAPHIC_WORDS)))
        elif decoration == "curly quotes":
            parts[index] = f"\u201c{parts[index]}\u201d"
        else:
            parts[index - 1] += ","
    parts[0] = parts[0][:1].upper() + parts[0][1:]
    return " ".join(parts) + "."


def _title_key(line: str) -> str:
    return "".join(c for c in line if c.isalnum()).casefold()


def prose(words: Sequence[str] = WORDS, max_paragraphs: int = 3) -> st.SearchStrategy[str]:
    """Clean prose: 1 to ``max_paragraphs`` lines of 1 to 3 sentences; textmend leaves it unchanged.

    The first two lines always differ, so that they never look like a duplicated title.
    """
    paragraph = st.lists(sentences(words), min_size=1, max_size=3).map(" ".join)
    return st.lists(paragraph, min_size=1, max_size=max_paragraphs).filter(_first_lines_differ).map("\n".join)


def _first_lines_differ(lines: list[str]) -> bool:
    return len(lines) < 2 or _title_key(lines[0]) != _title_key(lines[1])


@st.composite
def titles(draw: st.DrawFn, words: Sequence[str] = WORDS) -> str:
    """A headline: 2 to 8 capitalised words, sometimes one in quotes or a question mark at the end."""
    parts = [w[:1].upper() + w[1:] for w in draw(st.lists(st.sampled_from(words), min_size=2, max_size=8))]
    if draw(st.booleans()):
        index = draw(st.integers(0, len(parts) - 1))
        parts[index] = f"'{parts[index]}'"
    return " ".join(parts) + draw(st.sampled_from(["", "?"]))


def articles(words: Sequence[str] = WORDS) -> st.SearchStrategy[str]:
    """A clean article: a title line, then :func:`prose` whose first line is no copy of the title."""
    pairs = st.tuples(titles(words), prose(words))
    return pairs.filter(lambda pair: _first_lines_differ([pair[0], pair[1].split("\n")[0]])).map("\n".join)


# -- damage ------------------------------------------------------------------------------------------
def damage(clean: str, kinds: Sequence[str] = KINDS) -> st.SearchStrategy[Damaged]:
    """Damage ``clean`` with one or more of ``kinds``, each where it applies, as a :class:`Damaged`.

    Entity damage needs characters of :data:`ENTITY_NAMES` and joined words need two lowercase words
    in a row; a kind that finds no place is not done (and not listed in ``Damaged.kinds``).
    """
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kinds of damage: {', '.join(unknown)}; known: {', '.join(KINDS)}")
    return _damage(clean, tuple(kinds))


def damaged(
    texts: st.SearchStrategy[str] | None = None, kinds: Sequence[str] = KINDS
) -> st.SearchStrategy[Damaged]:
    """Clean texts (default: :func:`articles`), each damaged with one or more of ``kinds``."""
    source = articles() if texts is None else texts
    return source.flatmap(lambda clean: damage(clean, kinds))


@st.composite
def _damage(draw: st.DrawFn, clean: str, kinds: tuple[str, ...]) -> Damaged:
    chosen = draw(st.lists(st.sampled_from(kinds), min_size=1, unique=True)) if kinds else []
    title_line = "duplicated_title" in chosen and "\n" in clean
    # The title line stays as it is, so that its copy and itself remain the same title.
    head, body = clean.split("\n", 1) if title_line else ("", clean)
    applied: list[str] = []
    body, entity_kinds = _damage_entities(draw, body, [k for k in chosen if k in _ENTITY_KINDS])
    applied.extend(entity_kinds)
    if "joined_words" in chosen:
        body, joined = _join_words(draw, body)
        if joined:
            applied.append("joined_words")
    text = head + "\n" + body if title_line else body
    if "teasers" in chosen:
        text += draw(_teaser_blocks())
        applied.append("teasers")
    if title_line and _title_key(head):
        text = "".join(c for c in head if c not in _QUOTES) + "\n" + text
        applied.append("duplicated_title")
    ordered = tuple(kind for kind in KINDS if kind in applied)
    return Damaged(clean, text, ordered)


def _damage_entities(draw: st.DrawFn, text: str, kinds: list[str]) -> tuple[str, list[str]]:
    """Replace some characters of ``ENTITY_NAMES`` by a damaged entity of one of ``kinds``."""
    if not kinds:
        return text, []
    parts: list[str] = []
    used: set[str] = set()
    for char in text:
        name = ENTITY_NAMES.get(char)
        kind = draw(st.sampled_from([None, *kinds])) if name else None
        if kind is None:
            parts.append(char)
            continue
        used.add(kind)
        prefix = {"stripped_entities": "", "ampersand_to_space": " ", "double_escaped": "&amp;"}[kind]
        parts.append(f"{prefix}{name};")
    return "".join(parts), [kind for kind in kinds if kind in used]


def _after_a_wrong_article(tokens: list[str], index: int) -> bool:
    """Whether gluing ``tokens[index]`` to the next token would put it right after an article or a
    possessive that it cannot follow (``The ofpeople``): a reading textmend refuses
    (:func:`textmend.fixers.words.determined_before`), as no English writes ``The of people``."""
    pair = (tokens[index], tokens[index + 1].rstrip(",."))
    before = " ".join(tokens[max(0, index - 1) : index])
    context = f"{before} {''.join(pair)}"
    return determined_before(pair, context, len(context))


def _join_words(draw: st.DrawFn, text: str) -> tuple[str, bool]:
    """Delete a few spaces between two lowercase words, one of them in :data:`JOINERS` (so that the
    glued word has one reading), never a word to itself nor an article or possessive to a word that
    starts no noun phrase (``the of``); no word is joined twice, no glued word repeats."""
    tokens = text.split(" ")
    spots = [
        i
        for i in range(len(tokens) - 1)
        if tokens[i].isascii()
        and tokens[i].isalpha()
        and tokens[i].islower()
        and tokens[i + 1].rstrip(",.").isalpha()
        and tokens[i + 1].rstrip(",.").islower()
        and tokens[i + 1].isascii()
        and "\n" not in tokens[i + 1]
        and (tokens[i] in JOINERS or tokens[i + 1].rstrip(",.") in JOINERS)
        and tokens[i] != tokens[i + 1].rstrip(",.")  # "the the" glued is no damage anyone can read back
        # nor "the of": no English writes it, so "theof" reads as no glue (a misspelling, a name); nor
        # after an article that the first word cannot follow ("The ofpeople": "The of" is no English)
        and not determines_no_noun((tokens[i], tokens[i + 1].rstrip(",.")), "", 0)
        and not _after_a_wrong_article(tokens, i)
    ]
    if not spots:
        return text, False
    picked = draw(st.lists(st.sampled_from(spots), min_size=1, max_size=3, unique=True))
    joined: set[str] = set()
    for i in sorted(picked, reverse=True):
        glued = tokens[i] + tokens[i + 1]
        if i + 1 in picked or i - 1 in picked or glued.rstrip(",.") in joined:
            continue
        joined.add(glued.rstrip(",."))
        tokens[i : i + 2] = [glued]
    return " ".join(tokens), bool(joined)


@st.composite
def _teaser_blocks(draw: st.DrawFn) -> str:
    """A heading, then one to three related-article blocks: separator, title, and the title running
    into its article. With several blocks every snippet is cut at the same width, as scrapers do.

    The heading and distinct titles make the blocks unambiguous: without a heading, one block or two
    uncut ones look like the end of an article as much as like teasers, and a title repeated is a
    refrain; a precise cleaner leaves those in the text.
    """
    heading = draw(st.sampled_from(TEASER_HEADINGS))
    separator = draw(st.sampled_from(["-", "\u2014", "*"]))
    headlines = draw(st.lists(titles(), min_size=1, max_size=3, unique_by=str.casefold))
    blocks = []
    for title in headlines:
        snippet = title + " " + draw(sentences())
        if len(headlines) > 1:
            snippet = " ".join([snippet, *draw(st.lists(sentences(), min_size=2, max_size=2))])
            snippet = snippet[:TEASER_WIDTH].rstrip()
        blocks.append(f"\n{separator}\n{title}\n{snippet}")
    return f"\n{heading}" + "".join(blocks)


# -- the whole table of references -------------------------------------------------------------------
#: Every HTML5 entity name without its ``;`` (2,125 names; ``race``, ``caps`` decode to two code points).
ENTITY_TABLE: tuple[str, ...] = tuple(sorted({name.rstrip(";") for name in html.entities.html5}))
#: Numeric references: ASCII, typographic, hexadecimal, out of range, surrogates, controls and zero.
NUMERIC_REFERENCES: tuple[str, ...] = (
    "#39", "#x27", "#34", "#38", "#60", "#8217", "#x2019", "#146", "#151", "#233", "#0", "#x0", "#13",
    "#128", "#x80", "#55296", "#xD800", "#65535", "#1114112", "#x110000", "#9999999", "#12288", "#64257",
)  # fmt: skip
#: How scrapers damage a reference: ``{}`` is the reference without ``&`` (``rsquo;``).
REFERENCE_DAMAGE: tuple[str, ...] = ("{}", " {}", "and{}", "&amp;{}", "amp;amp;{}", "&{}", "&amp;amp;{}")
#: Where a damaged reference stands: ``{}`` is the damaged reference.
REFERENCE_CONTEXTS: tuple[str, ...] = (
    "{}s here.", "Seen here: Word{}", "They said,{} and left.", "They were Word{}xyz here.",
    "They were Word{}\nNext line.", "They were Word{}<b>bold</b>.", "Letrsquo;s see Word{} it doesn #39;t",
)  # fmt: skip


@st.composite
def damaged_references(draw: st.DrawFn) -> str:
    """A text with one reference from the whole table (any HTML5 name, with or without ``;``, or a
    numeric form), damaged in one of the ways scrapers do, in one of several contexts. Clean text
    with such damage must mend without error, exactly and settled; what it mends to is not fixed.

    >>> from hypothesis import given
    >>> @given(damaged_references())
    ... def test_never_raises(text):
    ...     textmend.mend(text)
    >>> test_never_raises()
    """
    name = draw(st.one_of(st.sampled_from(ENTITY_TABLE), st.sampled_from(NUMERIC_REFERENCES)))
    reference = name + draw(st.sampled_from([";", ";", ""]))
    damaged = draw(st.sampled_from(REFERENCE_DAMAGE)).format(reference)
    return draw(st.sampled_from(REFERENCE_CONTEXTS)).format(damaged)


# -- adversarial inputs ------------------------------------------------------------------------------
def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` characters, in whole units (so that every size ends alike)."""
    return unit * max(1, size // len(unit))


def _glued_pairs(size: int) -> str:
    pairs = [a + b for a in WORDS for b in reversed(WORDS)]
    return " ".join(pairs[i % len(pairs)] for i in range(size // 13))


def _sparse_glue_beside_hyphens(size: int) -> str:
    """Prose with a different glued word (``ofanswer``) every 250 characters, as many as a document may
    hold and still have them all judged, and hyphenated words all along (``well-known``)."""
    from wordfreq import top_n_list

    words = [word for word in top_n_list("en", 20_000) if word.isalpha() and word.isascii() and len(word) > 4]
    sentence = (
        "It was {} that morning, and the well-known river ran past the half-empty village before the "
        "long-awaited rain came down on the old stone bridge, the quiet fields and the low-lying farms "
        "beyond them, where nobody had seen it in years."
    )
    glued = (joiner + word for word in words for joiner in ("of", "the", "from", "into"))
    return " ".join(sentence.format(next(glued)) for _ in range(max(1, size // 250)))


def _sparse_glued_endings(size: int) -> str:
    """Prose with a contraction's or a possessive's ending glued to a different word (``doesn’tanswer``,
    ``river’sanswer``) every 200 characters: as many as a document may hold and still have them all
    judged."""
    from wordfreq import top_n_list

    words = [word for word in top_n_list("en", 20_000) if word.isalpha() and word.isascii() and len(word) > 4]
    glued = itertools.cycle(  # the list's words run out at about 5.6 MB: then they come round again
        f"{before}’{ending}{word}" for word in words for before, ending in (("doesn", "t"), ("river", "s"))
    )
    sentence = (
        "It said that the {} came down on the old stone bridge, the quiet fields and the low farms beyond"
        " them, where nobody had seen it in years."
    )
    return " ".join(sentence.format(next(glued)) for _ in range(max(1, size // 200)))


def _growing_backtick_runs(size: int) -> str:
    """One line of runs of 1, 2, 3... backticks, each before a reference: no run closes another."""
    pieces, length, ticks = [], 0, 1
    while length < size:
        piece = "`" * ticks + " &amp; "
        pieces.append(piece)
        length, ticks = length + len(piece), ticks + 1
    return "".join(pieces)[:size]


#: Builders of texts of about ``n`` characters that make a careless regex, a loop over lines or the
#: change bookkeeping work hardest; time a cleaner on two sizes to see that its cost grows linearly.
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "no spaces at all": lambda n: _repeat("abcdefghijklmnopqrstuvwxyz", n),
    "one character repeated": lambda n: "x" * n,
    "semicolons only": lambda n: ";" * n,
    "escaped ampersands": lambda n: _repeat("&amp;", n),
    "one long line of prose": lambda n: _repeat("The river ran past the village, before the morning. ", n),
    "teaser-like lines only": lambda n: _repeat("-\nA Title Here\nA Title Here and its first wor\n", n),
    "teaser-like lines after a body": lambda n: "Body.\n" + _repeat("\n-\nA Title\nA Title and mor", n),
    "the same title line repeated": lambda n: _repeat("Same Title\n", n),
    "glued words": _glued_pairs,
    "sparse glue beside hyphens": _sparse_glue_beside_hyphens,
    "stripped entities": lambda n: _repeat("Letrsquo;s ", n),
    "entities glued in one word": lambda n: _repeat("bodyrsquo;", n),
    "numeric references": lambda n: _repeat(" #8217;", n),
    "missing spaces after full stops": lambda n: _repeat("end.The ", n),
    "carriage returns only": lambda n: "\r" * n,
    "CRLF line breaks": lambda n: _repeat("a\r\n", n),
    "empty lines": lambda n: "\n" * n,
    "&nbsp; runs": lambda n: _repeat("&nbsp;", n),
    "lt; runs": lambda n: _repeat("lt;", n),
    "#39; runs": lambda n: _repeat("#39;", n),
    "amp; nesting": lambda n: _repeat("&" + "amp;" * 20 + "quot;", n),
    "one very long word": lambda n: _repeat("pneumonoultramicroscopicsilicovolcanoconiosis", n),
    # glued words make the words step read the document's hyphens; the long run has none after it
    "a long word after glue and hyphens": lambda n: "He usedfor a fall-through case, thewas.\n" + "x" * n,
    # each www. once made the entities step search the rest of the text for a "://" it has not
    "web addresses without a scheme": lambda n: _repeat("amp; at www.", n),
    # each "www.Read" once made the words step read the whole text for the names cited after "www."
    "a dot before the same word": lambda n: _repeat("www.Read more ", n),
    # ftfy's own loop is quadratic on one segment of these (each piece decodes to more mojibake)
    "adjacent mojibake that decodes to mojibake": lambda n: _repeat("\u00c3\u00a9\u2014\u00b7", n),
    # the line-break pattern once tried each "\n" of a run after a "\r" to the run's end and back
    "line breaks after a carriage return": lambda n: "a\rb" + "\n" * n,
    # a list item beside glue was once read at every cut for two common words, a copy at each
    "a long list item after glue": lambda n: "We ate apples, usedfor, " + _repeat("ab", n) + " today.",
    "sparse glued endings": _sparse_glued_endings,
    # every edit of one line's mojibake is a quoted example whose marks its neighbours must not reach:
    # a check against every other edit of the line would be quadratic
    "quoted mojibake examples in one line": lambda n: _repeat("\u300c\u00c3\u00a9\u300d", n),
    # the words, entities and ftfy steps read code blocks line by line: a literal block under each
    # opener, a fence after a fence, each read once a text
    "literal blocks between glue": lambda n: _repeat("It is usedfor::\n\n    aws &amp; quot;\n", n),
    "fences between glue": lambda n: _repeat("```\nusedfor &amp;\n``` usedfor\n", n),
    # the entities and ftfy steps leave references in inline code: spans beside damage in one line, and
    # a line of backtick runs none of which closes another (each run would be matched against the rest)
    "inline code beside references": lambda n: _repeat("`x &amp; quot;` Letrsquo;s ", n),
    "backtick runs of growing length": _growing_backtick_runs,
}


# -- assertions --------------------------------------------------------------------------------------
def text_diff(expected: str, actual: str, *, labels: tuple[str, str] = ("expected", "actual")) -> str:
    """A unified diff of two texts, line by line, with invisible characters shown as escapes.

    >>> print(text_diff("a b", "a\\u00a0b"))
    --- expected
    +++ actual
    @@ -1 +1 @@
    -a b
    +a\\xa0b
    """
    lines = difflib.unified_diff(
        [_visible(line) for line in expected.split("\n")],
        [_visible(line) for line in actual.split("\n")],
        *labels,
        lineterm="",
    )
    return "\n".join(lines)


def _visible(line: str) -> str:
    return "".join(
        c if c == " " or (c.isprintable() and not unicodedata.category(c).startswith("Z")) else repr(c)[1:-1]
        for c in line
    )


def assert_mends_to(damaged: str, clean: str, mend: Callable[[str], str] | None = None) -> None:
    """Assert that mending ``damaged`` gives exactly ``clean``; otherwise fail with a diff.

    ``mend`` is the cleaner under test (default :func:`textmend.mend`); with textmend's own, the
    failure message also lists the changes it made.

    >>> assert_mends_to("Letrsquo;s go", "Let\u2019s go")
    """
    mended = textmend.mend(damaged) if mend is None else mend(damaged)
    if mended == clean:
        return
    message = [
        "mended text differs from the clean text",
        text_diff(clean, mended, labels=("clean", "mended")),
    ]
    if mend is None:
        message.append("changes textmend made:")
        message.extend(
            f"  {c.fixer}: {c.before!r} -> {c.after!r}" for c in textmend.mend_document(damaged).changes
        )
    raise AssertionError("\n".join(message))
