"""The scans of a document that the words step makes on every text, compiled where they were built and
pure Python everywhere, with the same answers.

- *Runs*: four to forty lowercase Latin-1 letters after a character that is no Latin-1 letter (or at
  the start of the text); a longer run counts as its first forty letters (:func:`latin1_runs`). The
  words step looks every run of a document up in the common words: the runs no list holds are the only
  ones it reads further. :func:`run_table` makes a table that answers that in one pass.
- *A capital after a lowercase letter or sentence punctuation* (:func:`capital_follows`): whether to
  look for ``wordsThe`` and ``pain.The`` glue at all.
- *Word counts* (:func:`word_counts`, :func:`word_set`): the document's words (``re``'s ``\\w+``), which
  the words step counts for a document that has candidates.
- *Unusual characters* (:func:`unusual_characters`): the distinct characters of a text that ftfy
  could act on (all but tabs, line feeds and printable ASCII other than ``&``), for the ``ftfy`` step.
- *Lines to try* (:func:`lines_to_try`): the lines whose first word could start one of the teaser
  step's headings or labels, so that its pattern is tried at those lines only. Compiled only: without
  it the teaser step searches the whole text with the pattern, which gives the same answer.

The compiled ``textmend.fixers._runs`` does each in one pass in C (a run is looked up as bytes, without
making a string for it), built by the package's build hook when a C compiler is there
(``hatch_build.py``). :data:`COMPILED` says which one is active (``textmend --version`` prints it);
``TEXTMEND_PURE_PYTHON=1`` in the environment chooses pure Python, which the tests check gives the same
answers (``tests/test_scanner.py``).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Protocol, cast

__all__ = [
    "COMPILED",
    "LATIN1_CAPITAL_AFTER",
    "LATIN1_LOWER",
    "LATIN1_LOWERCASE_RUN",
    "LATIN1_RUN_AFTER",
    "LATIN1_UPPER",
    "PURE_PYTHON_VARIABLE",
    "UNUSUAL",
    "PureRunTable",
    "WordTable",
    "capital_follows",
    "first_words",
    "latin1_run_starts",
    "latin1_runs",
    "lines_to_try",
    "phrase_starts",
    "pure_capital_follows",
    "pure_unusual_characters",
    "pure_word_counts",
    "run_table",
    "unusual_characters",
    "word_counts",
    "word_set",
]

#: The environment variable that turns the compiled scanner off (any value but empty or ``0``).
PURE_PYTHON_VARIABLE = "TEXTMEND_PURE_PYTHON"

# The lowercase and uppercase letters of Latin-1: where a text has no letter beyond it, ``\p{Ll}`` and
# ``\p{Lu}`` are exactly these classes, and stdlib ``re`` finds them twice as fast as ``regex``.
LATIN1_LOWER = "a-z\u00b5\u00df-\u00f6\u00f8-\u00ff"
LATIN1_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
LATIN1_LOWERCASE_RUN = re.compile(f"(?<![{LATIN1_LOWER}{LATIN1_UPPER}])[{LATIN1_LOWER}]{{4,40}}")
# The same runs found with the character before them (group 1 the run): a search that starts at the
# non-letters, not one that looks behind at every letter, a third faster. They miss a run at the very
# start of a text, which the pattern above finds (see :func:`latin1_runs`).
LATIN1_RUN_AFTER = re.compile(f"[^{LATIN1_LOWER}{LATIN1_UPPER}]([{LATIN1_LOWER}]{{4,40}})")
# A capital after a lowercase letter or sentence punctuation (``wordsThe``, ``pain.The``): whether the
# words step need look for either kind of glue (capitals are rarer than lowercase letters: found first).
LATIN1_CAPITAL_AFTER = re.compile(f"[{LATIN1_UPPER}](?<=[{LATIN1_LOWER}.!?][{LATIN1_UPPER}])")
_HELD_WORD = re.compile(f"[{LATIN1_LOWER}]{{1,40}}")
_SHORT_WORD = re.compile(f"[{LATIN1_LOWER}]{{1,3}}")


def latin1_runs(text: str) -> list[str]:
    """The runs of ``text``, in order.

    >>> latin1_runs("usedfor the iPhone, 3four, caf\u00e9s")
    ['usedfor', 'four', 'caf\u00e9s']
    """
    first = LATIN1_LOWERCASE_RUN.match(text)
    if first is None:
        return LATIN1_RUN_AFTER.findall(text)
    # A run never ends where the next one's character before it is: that is a letter of its own.
    return [first.group(), *LATIN1_RUN_AFTER.findall(text, first.end())]


def latin1_run_starts(text: str) -> list[tuple[int, str]]:
    """Where each run of :func:`latin1_runs` starts, and the run.

    >>> latin1_run_starts("used for")
    [(0, 'used')]
    """
    first = LATIN1_LOWERCASE_RUN.match(text)
    starts = [] if first is None else [(0, first.group())]
    after = LATIN1_RUN_AFTER.finditer(text, first.end() if first else 0)
    return starts + [(match.start(1), match.group(1)) for match in after]


class PureRunTable:
    """The words that could be runs, and the runs of a text looked up in them, in pure Python.

    ``watched``: up to eight words of one to three letters that :meth:`missing` reports too, where the
    text has them as a run would stand (after no Latin-1 letter, before no lowercase one).

    >>> table = PureRunTable(["used", "the", "iPhone"], watched=["ofa"])
    >>> len(table), sorted(table.missing("usedfor the used ofa")), table.starts("usedfor the used")
    (2, ['ofa', 'usedfor'], [12])
    """

    def __init__(self, words: Iterable[str], watched: Iterable[str] = ()) -> None:
        # Held as given when it is a dict or a set already (the common words: nothing to build when the
        # words step starts): a word that could never be a run is never looked up anyway. A dict of
        # strings, not a set, otherwise: the garbage collector does not walk it (lexicon.common_words).
        self._words = words if isinstance(words, (dict, set, frozenset)) else dict.fromkeys(words)
        self._watched = tuple(watched)
        if len(self._watched) > 8 or not all(
            isinstance(word, str) and _SHORT_WORD.fullmatch(word) for word in self._watched
        ):
            raise ValueError(
                f"RunTable watches for at most 8 words of one to three lowercase Latin-1 letters, "
                f"not {self._watched!r}"
            )
        alternatives = "|".join(re.escape(word) for word in self._watched)
        self._watched_run = re.compile(
            f"(?<![{LATIN1_LOWER}{LATIN1_UPPER}])(?:{alternatives})(?![{LATIN1_LOWER}])"
        )

    def __len__(self) -> int:
        """How many of the words are one to forty lowercase Latin-1 letters (the compiled table holds
        only those; only those of four letters or more can equal a run)."""
        return sum(1 for word in self._words if _could_be_held(word))

    def missing(self, text: str) -> set[str]:
        """The distinct runs of ``text`` that the table does not hold, and the watched words it has."""
        missing = set(latin1_runs(text)).difference(self._words)
        for word in self._watched:
            if word in text and any(found.group() == word for found in self._watched_run.finditer(text)):
                missing.add(word)
        return missing

    def starts(self, text: str) -> list[int]:
        """Where each run of ``text`` that the table holds starts, in order."""
        return [start for start, run in latin1_run_starts(text) if run in self._words]


def _could_be_held(word: str) -> bool:
    return _HELD_WORD.fullmatch(word) is not None


class WordTable(Protocol):
    """What both tables answer (:class:`PureRunTable` and the compiled ``RunTable``)."""

    def __len__(self) -> int: ...
    def missing(self, text: str) -> set[str]: ...
    def starts(self, text: str) -> list[int]: ...


try:
    from ._runs import RunTable as _CompiledRunTable
    from ._runs import capital_follows as _compiled_capital_follows
    from ._runs import lines_to_try as _compiled_lines_to_try
    from ._runs import unusual_characters as _compiled_unusual_characters
    from ._runs import word_counts as _compiled_word_counts
    from ._runs import word_set as _compiled_word_set
except ImportError:  # not built: no C compiler where the package was installed, or a plain checkout
    _CompiledRunTable = None  # type: ignore[assignment, misc]
    _compiled_capital_follows = None  # type: ignore[assignment]
    _compiled_lines_to_try = None  # type: ignore[assignment]
    _compiled_unusual_characters = None  # type: ignore[assignment]
    _compiled_word_counts = None  # type: ignore[assignment]
    _compiled_word_set = None  # type: ignore[assignment]

#: Whether :func:`run_table` makes compiled tables: built, and not turned off by the environment.
COMPILED = _CompiledRunTable is not None and os.environ.get(PURE_PYTHON_VARIABLE, "") in ("", "0")


def run_table(words: Iterable[str], watched: Iterable[str] = ()) -> WordTable:
    """A table of ``words`` for looking runs up (``watched`` as :class:`PureRunTable` says): the compiled
    one where :data:`COMPILED`, else pure Python.

    >>> sorted(run_table(["used", "for"]).missing("usedfor used"))
    ['usedfor']
    """
    return _CompiledRunTable(words, watched) if COMPILED else PureRunTable(words, watched)


def pure_capital_follows(text: str) -> bool:
    """Whether a Latin-1 capital follows a Latin-1 lowercase letter or ``.``, ``!`` or ``?`` in ``text``,
    in pure Python.

    >>> pure_capital_follows("wordsThe"), pure_capital_follows("pain.The"), pure_capital_follows("The end")
    (True, True, False)
    """
    return LATIN1_CAPITAL_AFTER.search(text) is not None


#: :func:`pure_capital_follows`, in C where :data:`COMPILED`.
capital_follows: Callable[[str], bool] = _compiled_capital_follows if COMPILED else pure_capital_follows


_WORD = re.compile(r"\w+")


def pure_word_counts(text: str) -> Counter[str]:
    """How often each word (a run of ``re``'s ``\\w``) occurs in ``text``, in order of first use.

    >>> pure_word_counts("the cat_1 saw the caf\u00e9")
    Counter({'the': 2, 'cat_1': 1, 'saw': 1, 'caf\u00e9': 1})
    """
    return Counter(_WORD.findall(text))


def word_counts(text: str) -> Counter[str]:
    """:func:`pure_word_counts`, counted in C where :data:`COMPILED` (any text: the same ``\\w``)."""
    if not COMPILED:
        return pure_word_counts(text)
    counts: Counter[str] = Counter()
    counts.update(_compiled_word_counts(text))  # an empty Counter takes a dict's counts as they are
    return counts


def word_set(text: str) -> set[str]:
    """The words of ``text`` (runs of ``\\w``), as a set.

    >>> sorted(word_set("the cat saw the dog"))
    ['cat', 'dog', 'saw', 'the']
    """
    return _compiled_word_set(text) if COMPILED else set(_WORD.findall(text))


#: A character ftfy could act on: anything but a tab, a line feed and printable ASCII other than "&".
UNUSUAL = re.compile(r"[^\t\n\x20-\x25\x27-\x7e]")


def pure_unusual_characters(text: str) -> set[str]:
    """The distinct characters of ``text`` that :data:`UNUSUAL` matches, in pure Python.

    >>> sorted(pure_unusual_characters("caf\u00e9 & caf\u00e9\\r\\n"))
    ['\\r', '&', '\u00e9']
    """
    return set(UNUSUAL.findall(text))


def unusual_characters(text: str) -> set[str]:
    """:func:`pure_unusual_characters`, in C where :data:`COMPILED` (one pass, each character once)."""
    return _compiled_unusual_characters(text) if COMPILED else pure_unusual_characters(text)


# A letter beyond ASCII that a pattern with re.IGNORECASE matches to an ASCII letter (the Kelvin sign,
# the long s, the dotted and the dotless i): in a phrase, its first word's ASCII letters are not all
# that a line's could be.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_ASCII_LETTERS = re.compile("[A-Za-z]*")


def first_words(phrases: Iterable[str]) -> set[str] | None:
    """The first words of ``phrases``: their leading ASCII letters, lowercased; None where those cannot
    name every line a phrase could start (a phrase starting with an ASCII sign or digit, or holding a
    letter that folds to ASCII in any case, or a first word longer than forty letters).

    >>> sorted(first_words(["Read more", "Related", "\\u00c0 lire aussi"])), first_words(["#Related"])
    (['read', 'related'], None)
    """
    firsts = set()
    for phrase in phrases:
        phrase = phrase.strip()
        first = _ASCII_LETTERS.match(phrase).group()  # type: ignore[union-attr]  # matches the empty
        if _FOLDS_TO_ASCII.search(phrase) or len(first) > 40:
            return None
        if not first and phrase[:1].isascii():
            return None  # a sign or a digit first: lines_to_try never tries such a line
        if first:
            firsts.add(first.lower())
    return firsts


def phrase_starts(phrases: Iterable[str]) -> WordTable | None:
    """:func:`first_words` as a table for :func:`lines_to_try`, where :data:`COMPILED` (else None).

    >>> table = phrase_starts(["Read more", "Related", "\\u00c0 lire aussi"])
    >>> table is None or lines_to_try("Read on\\nThe end\\nrelated:\\n\\u00c0 lire", table) == [0, 16, 25]
    True
    """
    firsts = first_words(phrases)
    return None if firsts is None or not COMPILED else run_table(firsts)


def lines_to_try(text: str, starts: WordTable) -> list[int]:
    """Where each line of ``text`` starts that could begin with a phrase of :func:`phrase_starts`'s
    table: its first word (the ASCII letters after its spaces, lowercased) is held there, or a character
    beyond ASCII ends that word or starts the line (a phrase's letter in any case). Blank lines, and
    lines starting with another ASCII character, are never tried."""
    return _compiled_lines_to_try(text, cast("_CompiledRunTable", starts))  # phrase_starts made it compiled
