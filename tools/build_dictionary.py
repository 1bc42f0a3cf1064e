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

Run: ``python tools/build_dictionary.py`` (needs ``apt-get`` and ``dpkg-deb``; downloads the packages
into a temporary folder) or ``python tools/build_dictionary.py --root DIR`` with both packages unpacked
into ``DIR`` (``DIR/usr/share/dict``, ``DIR/usr/share/doc/wamerican-large/copyright``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from debian_data import unpacked, write_gzip

__all__ = ["build", "main", "words_of"]

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("wamerican-large=2020.12.07-2", "wbritish-large=2020.12.07-2")
LISTS = ("american-english-large", "british-english-large")
OUTPUT = ROOT / "src" / "textmend" / "fixers" / "data" / "en-dictionary.txt.gz"
NOTICES = OUTPUT.with_name("en-dictionary-copyright.txt")
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


def words_of(folder: Path) -> set[str]:
    """The lowercase ASCII words of ``MIN_LETTERS`` letters or more in the lists under ``folder``."""
    words: set[str] = set()
    for name in LISTS:
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            word = line.strip()
            if len(word) >= MIN_LETTERS and word.isascii() and word.isalpha() and word.islower():
                words.add(word)
    return words


def build(root: Path, output: Path = OUTPUT, notices: Path = NOTICES) -> int:
    """Write the list and its notices from the packages unpacked in ``root``; the number of words kept."""
    words = sorted(words_of(root / "usr" / "share" / "dict"))
    notices.write_bytes((root / "usr" / "share" / "doc" / "wamerican-large" / "copyright").read_bytes())
    write_gzip(output, HEADER + "".join(f"{word}\n" for word in words))
    return len(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, help="where both packages are unpacked (else downloaded)")
    args = parser.parse_args(argv)
    if args.root is not None:
        print(build(args.root), "words")
        return 0
    with unpacked(*PACKAGES) as root:
        print(build(root), "words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
