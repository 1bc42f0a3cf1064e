"""Clean text in hundreds of languages, most of which textmend has no markers for: how many words does
the default pipeline change? Every change of the ``words`` fixer is a false one (the texts are clean
translations); the other fixers' changes are counted apart (ftfy's NFC normalization of decomposed
letters is their usual one, and a few are the sources' own damage: C1 controls, ``&`` dropped).

Two public sources, read from a local copy (not shipped here):

- ``--udhr DIR``: the Universal Declaration of Human Rights in Unicode, ``data/udhr/udhr_*.xml`` of the
  GitHub repository ``unicode-org/udhr`` (about 460 translations). The ``words`` fixer's rule for
  languages with no markers (``_language.is_foreign``) was set by looking at it: it is the dev set.
- ``--bible DIR``: ``bibles/*.xml`` of ``christos-c/bible-corpus`` (CC0; the repository's snapshot here
  holds 46 of its 100 languages), never looked at while setting the rule: the test set. Each
  language's first ``--words`` words.

Each source is mended twice: as whole documents (a UDHR translation; a Bible chapter) and as short
records (a UDHR paragraph; a Bible verse), as corpora of sentences or comments arrive.

Run from the repository root: ``PYTHONPATH=src python benchmarks/unmarked.py --udhr DIR --bible DIR``.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from changed_words import changed_words

import textmend

_UDHR = "{http://www.unhchr.ch/udhr}"
_UDHR_TEXT = {_UDHR + "title", _UDHR + "para", _UDHR + "listitem"}


def _spaced(text: str) -> str:
    return " ".join(text.split())


def udhr(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """(language key, paragraphs) of each translation under ``folder`` that parses."""
    for path in sorted(folder.glob("udhr_*.xml")):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        paragraphs = [_spaced("".join(el.itertext())) for el in root.iter() if el.tag in _UDHR_TEXT]
        yield str(root.get("key")), [p for p in paragraphs if p]


def bible(folder: Path, words: int) -> Iterator[tuple[str, list[list[str]]]]:
    """(language, chapters as lists of verses) of each Bible under ``folder``, its first ``words`` words."""
    for path in sorted(folder.glob("*.xml")):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        chapters, total = [], 0
        for div in root.iter("div"):
            if div.get("type") != "chapter" or total >= words:
                continue
            verses = [_spaced(seg.text or "") for seg in div.iter("seg")]
            verses = [verse for verse in verses if verse]
            total += sum(len(verse.split()) for verse in verses)
            chapters.append(verses)
        yield path.stem, chapters


class Tally:
    """What the pipeline changed in one source at one granularity."""

    def __init__(self) -> None:
        self.languages: set[str] = set()
        self.records = 0
        self.words = 0
        self.false_words: Counter[str] = Counter()  # "language: before -> after"
        self.by_language: Counter[str] = Counter()
        self.other_changes: Counter[str] = Counter()  # by kind

    def mend(self, language: str, text: str) -> None:
        self.languages.add(language)
        self.records += 1
        self.words += len(text.split())
        document = textmend.DEFAULT.mend_document(text)
        split = [change for change in document.changes if change.fixer == "words"]
        for change in document.changes:
            if change.fixer != "words":
                self.other_changes[change.kind] += 1
        for start, end, after in changed_words(text, split):
            self.false_words[f"{language}: {text[start:end]} -> {after}"] += 1
            self.by_language[language] += 1

    def row(self, name: str) -> str:
        changed = sum(self.false_words.values())
        rate = changed * 100_000 / self.words if self.words else 0.0
        others = ", ".join(f"{kind} {n}" for kind, n in self.other_changes.most_common()) or "none"
        return (
            f"| {name} | {len(self.languages)} | {self.records:,} | {self.words:,} | {changed} | {rate:.2f} "
            f"| {len(self.by_language)} | {others} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--udhr", type=Path, help="folder of udhr_*.xml (unicode-org/udhr data/udhr)")
    parser.add_argument("--bible", type=Path, help="folder of *.xml (christos-c/bible-corpus bibles)")
    parser.add_argument("--words", type=int, default=60_000, help="words of each Bible (default 60,000)")
    parser.add_argument("--top", type=int, default=12, help="changed words to list per row")
    args = parser.parse_args(argv)
    if args.udhr is None and args.bible is None:
        parser.error("give --udhr DIR, --bible DIR or both")
    for folder in (args.udhr, args.bible):
        if folder is not None and not folder.is_dir():
            print(f"unmarked.py: no folder {folder}: give the folder of the XML files", file=sys.stderr)
            return 2
    tallies: dict[str, Tally] = {}
    started = time.process_time()
    if args.udhr is not None:
        documents, paragraphs = tallies.setdefault("UDHR (dev), documents", Tally()), Tally()
        tallies["UDHR (dev), paragraphs"] = paragraphs
        for language, texts in udhr(args.udhr):
            documents.mend(language, "\n\n".join(texts))
            for text in texts:
                paragraphs.mend(language, text)
    if args.bible is not None:
        chapters, verses = tallies.setdefault("Bible (test), chapters", Tally()), Tally()
        tallies["Bible (test), verses"] = verses
        for language, book in bible(args.bible, args.words):
            for chapter in book:
                chapters.mend(language, " ".join(chapter))
                for verse in chapter:
                    verses.mend(language, verse)
    if not any(tally.records for tally in tallies.values()):
        print(f"unmarked.py: no XML file in {args.udhr or ''} {args.bible or ''}", file=sys.stderr)
        return 2
    print(f"textmend {textmend.__version__}, {time.process_time() - started:.0f} CPU s\n")
    print(
        "| source | languages | records | words | words fixer: changed words | per 100k | languages changed "
        "| other fixers' changes |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, tally in tallies.items():
        print(tally.row(name))
    for name, tally in tallies.items():
        if tally.false_words:
            top = ", ".join(f"`{word}` {n}" for word, n in tally.false_words.most_common(args.top))
            print(f"\n{name}: {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
