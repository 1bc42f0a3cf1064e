"""Fortune cookies in ten languages through the whole default pipeline: which changes does textmend
make to clean, informal text nobody here chose, and how many per 100k words?

The cookies are Debian's fortune data packages (jokes, quotes, proverbs, IRC logs, poems, signatures):
English (``fortunes``), German, Spanish, Italian, Polish, Czech and Slovak, Russian, Chinese,
Brazilian Portuguese and Irish. Each cookie is one record (the text between two ``%`` lines); files
that are not UTF-8 are left out. They are clean as their writers left them: a change is a false one
unless the cookie holds real damage (terminal escapes and backspaces that ftfy drops, mojibake in a
few Italian and Polish cookies; glue a writer typed in an IRC line). ``--contexts`` prints each change
in its text, to tell them apart by reading. No split, nothing tuned on them: a probe, like
``benchmarks/mail.py``.

Run from the repository root: ``PYTHONPATH=src python benchmarks/fortunes.py`` (about a minute; the
packages, 6 MB, are downloaded once with ``apt-get download`` into the corpora builder's cache), or
``--languages de --unpacked DIR`` for a package unpacked by hand.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from changed_words import mend_records

import textmend

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

import build_corpora  # benchmarks/data, not a package: on the path above

#: Debian 12's fortune data packages: language -> (package, version).
PACKAGES = {
    "en": ("fortunes", "1:1.99.1-7.3"),
    "de": ("fortunes-de", "0.35-1"),
    "es": ("fortunes-es", "1.36"),
    "it": ("fortunes-it", "1.99-4.1"),
    "pt": ("fortunes-br", "20220821"),
    "pl": ("fortunes-pl", "0.0.20130525-3"),
    "cs": ("fortunes-cs", "2.0.9-1.1"),
    "ru": ("fortunes-ru", "1.52-3.1"),
    "zh": ("fortunes-zh", "2.98"),
    "ga": ("fortunes-ga", "0.10+nmu1"),
}
_COOKIE_END = re.compile(r"\r?\n%\r?\n")
_WORD = re.compile(r"\S+")
STEPS = ("ftfy", "entities", "words", "titles", "teasers")
#: Languages counted in characters, not words (they write no spaces between words).
BY_CHARACTER = frozenset({"zh"})
# What ftfy drops as no text: control characters (a bell, the backspaces of overstruck underlining)
# and terminal escapes (colours): counted apart from the changes to the text itself.
_CONTROLS = re.compile(r"(?:\x1b\[[0-9;]*[A-Za-z]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f])+")


def characters(text: str) -> int:
    """How many characters ``text`` has, spaces aside: Chinese is counted so, not in words."""
    return len(text) - text.count(" ")


def words_of(text: str) -> int:
    """How many whitespace-delimited words ``text`` has."""
    return len(_WORD.findall(text))


def is_control(change: textmend.Change) -> bool:
    """Whether ``change`` only drops control characters or terminal escapes (``\\x07``, ``\\x1b[1;36m``)."""
    return change.fixer == "ftfy" and _CONTROLS.sub("", change.before) == change.after != change.before


def cookies(unpacked: Path) -> list[tuple[str, str]]:
    """(file name, cookie) for each cookie of the package unpacked at ``unpacked`` (the folder that
    holds ``usr/``), in file order."""
    found: list[tuple[str, str]] = []
    for path in sorted((unpacked / "usr/share/games/fortunes").rglob("*")):
        if path.is_symlink() or not path.is_file() or path.suffix == ".dat":
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # an older file in Latin-1 or KOI8-R: its .u8 twin, if any, is read instead
        for cookie in _COOKIE_END.split(text):
            cookie = cookie.strip("%\r\n")
            if cookie.strip():
                found.append((path.name, cookie))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--languages", default=",".join(PACKAGES), help="comma-separated, of " + ", ".join(PACKAGES)
    )
    parser.add_argument("--contexts", action="store_true", help="print each change in its text")
    parser.add_argument(
        "--unpacked", type=Path, help="one language's package, unpacked: the folder that holds usr/"
    )
    args = parser.parse_args(argv)
    if args.unpacked is not None and not (args.unpacked / "usr/share/games/fortunes").is_dir():
        print(
            f"fortunes: no usr/share/games/fortunes in {args.unpacked}; name the folder a package was "
            "unpacked into (dpkg -x PACKAGE.deb FOLDER) with --unpacked, and one language with --languages",
            file=sys.stderr,
        )
        return 2
    rows = []
    for language in args.languages.split(","):
        if language not in PACKAGES:
            print(
                f"fortunes: no package for {language!r}; choose from {', '.join(PACKAGES)}", file=sys.stderr
            )
            return 2
        if args.unpacked is not None:
            found = cookies(args.unpacked)
        else:
            found = cookies(
                build_corpora.debian_package(build_corpora.DEFAULT_CACHE, *PACKAGES[language]) / "x"
            )
        records = ((f"{language} {name}", cookie) for name, cookie in found)
        by_step, words, seconds = mend_records(
            records,
            args.contexts,
            kind_of=lambda change: "controls" if is_control(change) else change.fixer,
            count_words=characters if language in BY_CHARACTER else words_of,
        )
        rows.append((language, PACKAGES[language], len(found), words, by_step, seconds))
    print(
        f"Fortune cookies through textmend.DEFAULT; textmend {textmend.__version__}, "
        f"{time.strftime('%Y-%m-%d')}"
    )
    print()
    print(
        "| language | package | cookies | words | controls dropped | other changes | per 100k | "
        + " | ".join(STEPS)
        + " | CPU s |"
    )
    print("|---|---|---:|---:|---:|---:|---:|" + "---:|" * len(STEPS) + "---:|")
    for language, (package, version), count, words, by_step, seconds in rows:
        total = sum(by_step.values()) - by_step["controls"]
        steps = " | ".join(str(by_step[step]) for step in STEPS)
        unit = " characters" if language in BY_CHARACTER else ""
        print(
            f"| {language} | {package} {version} | {count:,} | {words:,}{unit} | {by_step['controls']} | "
            f"{total} | {100_000 * total / max(words, 1):.2f} | {steps} | {seconds:.1f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
