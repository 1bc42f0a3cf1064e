"""The lowercase runs of Latin-1 text, looked up in a word table: compiled where it was built, pure
Python everywhere, with the same answers.

A *run* is four to forty lowercase Latin-1 letters after a character that is no Latin-1 letter (or at
the start of the text); a longer run counts as its first forty letters. :func:`latin1_runs` finds them
with ``re``. The words step looks every run of a document up in the common words: the runs no list
holds are the only ones it reads further. :func:`run_table` makes a table that answers that in one
pass; the compiled ``textmend.fixers._runs`` does it in C without making a string per run (clean
prose is mostly runs the table holds), built by the package's build hook when a C compiler is there
(``hatch_build.py``).

:data:`COMPILED` says which one is active (``textmend --version`` prints it); ``TEXTMEND_PURE_PYTHON=1``
in the environment chooses the pure-Python one, which the tests check gives the same answers.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Protocol

__all__ = [
    "COMPILED",
    "LATIN1_LOWER",
    "LATIN1_LOWERCASE_RUN",
    "LATIN1_RUN_AFTER",
    "LATIN1_UPPER",
    "PURE_PYTHON_VARIABLE",
    "PureRunTable",
    "WordTable",
    "latin1_run_starts",
    "latin1_runs",
    "run_table",
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
_WHOLE_RUN = re.compile(f"[{LATIN1_LOWER}]{{4,40}}")


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

    >>> table = PureRunTable(["used", "the", "iPhone"])
    >>> len(table), table.missing("usedfor the used"), table.starts("usedfor the used")
    (1, {'usedfor'}, [12])
    """

    def __init__(self, words: Iterable[str]) -> None:
        # A dict of strings, not a set: the garbage collector does not walk it (see lexicon.common_words).
        self._words = {word: None for word in words if _could_be_a_run(word)}

    def __len__(self) -> int:
        return len(self._words)

    def missing(self, text: str) -> set[str]:
        """The distinct runs of ``text`` that the table does not hold."""
        return set(latin1_runs(text)).difference(self._words)

    def starts(self, text: str) -> list[int]:
        """Where each run of ``text`` that the table holds starts, in order."""
        return [start for start, run in latin1_run_starts(text) if run in self._words]


def _could_be_a_run(word: str) -> bool:
    return _WHOLE_RUN.fullmatch(word) is not None


class WordTable(Protocol):
    """What both tables answer (:class:`PureRunTable` and the compiled ``RunTable``)."""

    def __len__(self) -> int: ...
    def missing(self, text: str) -> set[str]: ...
    def starts(self, text: str) -> list[int]: ...


try:
    from ._runs import RunTable as _CompiledRunTable
except ImportError:  # not built: no C compiler where the package was installed, or a plain checkout
    _CompiledRunTable = None  # type: ignore[assignment, misc]

#: Whether :func:`run_table` makes compiled tables: built, and not turned off by the environment.
COMPILED = _CompiledRunTable is not None and os.environ.get(PURE_PYTHON_VARIABLE, "") in ("", "0")


def run_table(words: Iterable[str]) -> WordTable:
    """A table of ``words`` for looking runs up: the compiled one where :data:`COMPILED`, else pure Python.

    >>> sorted(run_table(["used", "for"]).missing("usedfor used"))
    ['usedfor']
    """
    return _CompiledRunTable(words) if COMPILED else PureRunTable(words)
