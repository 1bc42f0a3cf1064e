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

>>> "inmost" in english_dictionary(), "usedfor" in english_dictionary()
(True, False)
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from functools import cache
from importlib import resources

__all__ = ["english_dictionary"]


@cache
def english_dictionary() -> Mapping[str, None]:
    """Every word of the list, as the keys of a read-only mapping (loaded once)."""
    data = resources.files(__package__).joinpath("data").joinpath("en-dictionary.txt.gz").read_bytes()
    text = gzip.decompress(data).decode("ascii")
    while text.startswith("#"):  # the header: source and licence
        text = text.partition("\n")[2]
    return dict.fromkeys(text.split())
