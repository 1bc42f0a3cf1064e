"""The English words of a spelling dictionary, which the ``words`` fixer never splits.

``data/en-dictionary.txt.gz`` holds the 117,293 words of four letters or more, all lowercase ASCII, of
SCOWL's size-70 American and British lists (Debian ``wamerican-large`` and ``wbritish-large``
2020.12.07-2). A word wordfreq has rarely seen is still a word when a dictionary lists it: ``inmost``,
``methought``, ``apeak``. Licence: SCOWL's (use, copy, modify, distribute and sell for any purpose with
the copyright notice, which the file's header keeps; the notices of SCOWL's sources are in
``data/en-dictionary-copyright.txt``). ``tools/build_dictionary.py`` rebuilds both byte for byte.

The list is read on first use (0.3 MB gzip, about 0.03 s and 11 MB) and kept for the process, as the
keys of a mapping: Python's garbage collector stops watching a dict of strings, while it would walk
a frozenset's 117,293 entries in every full collection.

``data/en-dictionary-rare.txt.gz`` holds the 319,882 words of SCOWL's size-95 lists (Debian
``wamerican-insane`` and ``wbritish-insane``, same version and licence) that the size-70 lists lack:
archaic, dialect and very rare words (``bespake``, ``uprose``, ``intreated``), and some glue of common
words the largest lists keep (``agood``, ``touse``). :func:`rare_english_word` asks it; the ``words``
fixer asks only of a token it is about to split, so the list (1 MB gzip, about 0.02 s and 4 MB) is
read only by a process that splits something. It is kept as one string per first three letters,
which a word is searched in (about 3 µs): as the keys of a mapping it would take 50 MB.

>>> "inmost" in english_dictionary(), "usedfor" in english_dictionary()
(True, False)
>>> rare_english_word("bespake"), rare_english_word("usedfor")
(True, False)
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from functools import cache
from importlib import resources

__all__ = ["c_names", "code_names", "data_text", "english_dictionary", "python_names", "rare_english_word"]


def data_text(name: str, encoding: str = "ascii") -> str:
    """The text of the gzip file ``name`` of the package's ``data`` folder (one of the word tables)."""
    data = resources.files(__package__).joinpath("data").joinpath(name).read_bytes()
    return gzip.decompress(data).decode(encoding)


def _name_list(name: str) -> dict[str, None]:
    """The names of the list ``name`` (one a line after a ``#`` header) as the keys of a mapping."""
    text = data_text(name)
    while text.startswith("#"):  # the header: source
        text = text.partition("\n")[2]
    return dict.fromkeys(text.split())


@cache
def c_names() -> Mapping[str, None]:
    """The names of the C library's and the Linux kernel's interfaces (``asprintf``, ``tolower``,
    ``recvfrom``), as the Linux man-pages project names its pages of sections 2 and 3, as the keys of a
    read-only mapping (``c-names.txt.gz``, built by ``tools/build_c_names.py``; loaded once).

    >>> "asprintf" in c_names(), "usedfor" in c_names()
    (True, False)
    """
    return _name_list("c-names.txt.gz")


@cache
def python_names() -> Mapping[str, None]:
    """The public names of Python's standard library, its modules' attributes and their classes'
    (``expanduser``, ``appendleft``, ``getsizeof``), as the keys of a read-only mapping
    (``python-names.txt.gz``, built by ``tools/build_python_names.py`` with CPython 3.11; loaded once).

    >>> "appendleft" in python_names(), "usedfor" in python_names()
    (True, False)
    """
    return _name_list("python-names.txt.gz")


@cache
def code_names() -> Mapping[str, None]:
    """The names of code that prose writes bare: :func:`c_names` and :func:`python_names` in one mapping.

    >>> "asprintf" in code_names(), "expanduser" in code_names(), "usedfor" in code_names()
    (True, True, False)
    """
    return {**c_names(), **python_names()}


@cache
def english_dictionary() -> Mapping[str, None]:
    """Every word of the list, as the keys of a read-only mapping (loaded once)."""
    text = data_text("en-dictionary.txt.gz")
    while text.startswith("#"):  # the header: source and licence
        text = text.partition("\n")[2]
    return dict.fromkeys(text.split())


#: Letters that name a line of the rare list: every word of it has four or more.
_PREFIX = 3


@cache
def _rare_lines() -> dict[str, str]:
    """The rare list's words by their first ``_PREFIX`` letters, each line as `` word word ``
    (loaded once)."""
    lines: dict[str, str] = {}
    for line in data_text("en-dictionary-rare.txt.gz").splitlines():
        if line.startswith("#"):  # the header: source and licence
            continue
        prefix, _, words = line.partition(" ")
        lines[prefix] = f" {words} "
    return lines


def rare_english_word(word: str) -> bool:
    """Whether ``word`` is in SCOWL's size-95 English lists but not in the size-70 ones (``bespake``)."""
    line = _rare_lines().get(word[:_PREFIX])
    return line is not None and f" {word} " in line
