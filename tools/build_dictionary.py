"""Build ``src/textmend/fixers/data/en-dictionary.txt.gz``: the English words of a spelling dictionary.

The ``words`` fixer leaves whole any token an English spelling dictionary lists, however rarely
wordfreq has seen it: ``inmost``, ``methought`` and ``apeak`` are words, not ``in most``, ``me
thought`` and ``a peak``. This script takes the words from SCOWL's size-70 lists ("large": the size
its author recommends for a spell checker that also accepts rarer words) as Debian ships them, the
American and the British spellings (packages ``wamerican-large`` and ``wbritish-large``, version
2020.12.07-2; SCOWL's permissive licence: use, copy, modify, distribute and sell for any purpose with
the copyright notice, which the file's header keeps; the packages' whole copyright file, with the
notices of SCOWL's own sources, is copied beside it as ``en-dictionary-copyright.txt``).

Kept: every word of lowercase ASCII letters, four letters or more (names, abbreviations and
possessives are left out). Output: one word per line, sorted, gzip with a fixed mtime, so that a
rebuild is byte-identical.

It also writes ``en-dictionary-rare.txt.gz``: the words of SCOWL's size-95 lists ("insane": archaic,
dialect and very rare words, Debian ``wamerican-insane`` and ``wbritish-insane``, same version and
licence, the same copyright file) that the size-70 lists lack, kept by the same test: ``bespake``,
``uprose``, ``intreated``, ``sevenscore``. The ``words`` fixer leaves such a word whole unless its split
reads as glue of common words (``agood``, ``touse``: the size-95 lists hold such forms too). One line
per first three letters, the words after them separated by spaces, so that the fixer keeps 3 MB of
text rather than 319,882 strings.

Run: ``python tools/build_dictionary.py`` (needs ``apt-get`` and ``dpkg-deb``; downloads the packages
into a temporary folder) or ``python tools/build_dictionary.py --root DIR`` with the four packages
unpacked into ``DIR`` (``DIR/usr/share/dict``, ``DIR/usr/share/doc/wamerican-large/copyright``).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

from debian_data import unpacked, write_gzip

__all__ = ["build", "by_prefix", "main", "words_of"]

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "wamerican-large=2020.12.07-2",
    "wbritish-large=2020.12.07-2",
    "wamerican-insane=2020.12.07-2",
    "wbritish-insane=2020.12.07-2",
)
LISTS = ("american-english-large", "british-english-large")
RARE_LISTS = ("american-english-insane", "british-english-insane")
OUTPUT = ROOT / "src" / "textmend" / "fixers" / "data" / "en-dictionary.txt.gz"
RARE_OUTPUT = OUTPUT.with_name("en-dictionary-rare.txt.gz")
NOTICES = OUTPUT.with_name("en-dictionary-copyright.txt")
PREFIX = 3  # letters that name a line of the rare list (every word has four or more)
MIN_LETTERS = 4  # shorter tokens are never candidates of the words fixer
HEADER = (
    "# English words of SCOWL's size-70 lists (Debian wamerican-large and wbritish-large 2020.12.07-2);"
    " built by tools/build_dictionary.py.\n"
    "# Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell these"
    " word lists, the associated scripts, the output created from the scripts, and its documentation for"
    " any purpose is hereby granted without fee, provided that the above copyright notice appears in all"
    " copies and that both that copyright notice and this permission notice appear in supporting"
    " documentation. Kevin Atkinson makes no representations about the suitability of this array for any"
    ' purpose. It is provided "as is" without express or implied warranty. SCOWL\'s sources and their'
    " notices: en-dictionary-copyright.txt beside this file.\n"
)


RARE_HEADER = HEADER.replace(
    "English words of SCOWL's size-70 lists (Debian wamerican-large and wbritish-large 2020.12.07-2)",
    "English words of SCOWL's size-95 lists that its size-70 lists lack (Debian wamerican-insane and"
    " wbritish-insane 2020.12.07-2), one line per first three letters",
)


def words_of(folder: Path, lists: tuple[str, ...] = LISTS) -> set[str]:
    """The lowercase ASCII words of ``MIN_LETTERS`` letters or more in the ``lists`` under ``folder``."""
    words: set[str] = set()
    for name in lists:
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            word = line.strip()
            if len(word) >= MIN_LETTERS and word.isascii() and word.isalpha() and word.islower():
                words.add(word)
    return words


def by_prefix(words: set[str]) -> str:
    """``words`` sorted, one line per first ``PREFIX`` letters: ``bes bespake bestrow``."""
    lines = (
        f"{prefix} {' '.join(group)}\n"
        for prefix, group in itertools.groupby(sorted(words), key=lambda word: word[:PREFIX])
    )
    return "".join(lines)


def build(
    root: Path, output: Path = OUTPUT, notices: Path = NOTICES, rare_output: Path = RARE_OUTPUT
) -> tuple[int, int]:
    """Write both lists and the notices from the packages unpacked in ``root``; how many words each keeps."""
    folder = root / "usr" / "share" / "dict"
    words = words_of(folder)
    rare = words_of(folder, RARE_LISTS) - words
    notices.write_bytes((root / "usr" / "share" / "doc" / "wamerican-large" / "copyright").read_bytes())
    write_gzip(output, HEADER + "".join(f"{word}\n" for word in sorted(words)))
    write_gzip(rare_output, RARE_HEADER + by_prefix(rare))
    return len(words), len(rare)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, help="where both packages are unpacked (else downloaded)")
    args = parser.parse_args(argv)
    if args.root is not None:
        words, rare = build(args.root)
    else:
        with unpacked(*PACKAGES) as root:
            words, rare = build(root)
    print(f"{words} words, {rare} rare words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
