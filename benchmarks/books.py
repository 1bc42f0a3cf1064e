"""Public-domain books: how many words the default pipeline changes in clean English books of the
19th and early 20th century (archaic, dialect and Latin words, old spellings, authors' compounds).

Books are text nobody here chose, and a reserved review set of this kind exists: it is a precision
check for the ``words`` fixer (issues #16 and the brief's "precision before recall"), not a recall
benchmark. The books are the ``.txt`` files under ``--books`` (any folder of plain-text books, one
folder per author as in the GitHub repository ``rcdm-uga/Gutenberg_Text``, which the docs' figures
used); Project Gutenberg's header and licence footer are cut off, paragraphs joined onto one line,
and each run of ``PARAGRAPHS`` paragraphs mended as one document. Authors of ``EXCLUDED`` are left out:
Austen (the bundled sample), Melville (the fiction benchmark), and the authors and translators of
texts a review set is known to hold. Books go to ``dev`` or ``test`` by a hash of their path, and are
read in that order until ``--words`` words, chosen before the workers share them out: the sample is
the same for any ``--workers``.

Run from the repository root: ``PYTHONPATH=src python benchmarks/books.py --books DIR`` (``--split
test``, ``--words``, ``--workers``, ``--top``). Every change counts as a false one: the books are
clean (a few are the source's own glue or typos; read the list).
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import re
import sys
import time
from collections import Counter
from pathlib import Path

from changed_words import print_table, words_fixer_changes

import textmend

PARAGRAPHS = 50  # paragraphs per document: a few thousand words, an article's length
EXCLUDED = ("Austen,", "Melville,", "Doyle,", "Tolstoy,", "Maude,", "Garnett,")
_START = re.compile(r"\*\*\* ?START OF (?:THE|THIS) PROJECT GUTENBERG[^\n]*\n")
_END = re.compile(r"\*\*\* ?END OF (?:THE|THIS) PROJECT GUTENBERG")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def books(folder: Path, split: str) -> list[Path]:
    """The ``.txt`` files under ``folder`` of ``split``, their authors' folders not excluded, in the
    order of a hash of their path inside ``folder`` (which also decides the split): a sample of every
    author, not the first letters of the alphabet."""
    found = []
    for path in folder.rglob("*.txt"):
        relative = path.relative_to(folder).as_posix()
        if relative.startswith(EXCLUDED) or not path.is_file():
            continue
        digest = hashlib.sha1(relative.encode("utf-8")).digest()
        if (digest[0] % 2 == 0) == (split == "dev"):
            found.append((digest, path))
    return [path for _, path in sorted(found)]


def body(text: str) -> str:
    """A book's text with Project Gutenberg's header and licence footer cut off."""
    text = text.replace("\r\n", "\n")
    start = _START.search(text)
    if start:
        text = text[start.end() :]
    end = _END.search(text)
    return text[: end.start()] if end else text


def documents(text: str) -> list[str]:
    """A book's body (:func:`body`) as documents of ``PARAGRAPHS`` paragraphs, each paragraph on one
    line."""
    text = body(text)
    paragraphs = [" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text) if part.strip()]
    return ["\n\n".join(paragraphs[at : at + PARAGRAPHS]) for at in range(0, len(paragraphs), PARAGRAPHS)]


def first_books(paths: list[Path], budget: int) -> list[Path]:
    """The first of ``paths`` that hold ``budget`` words together (the last one may pass it)."""
    chosen: list[Path] = []
    words = 0
    for path in paths:
        if words >= budget:
            break
        chosen.append(path)
        # documents() keeps every word of the body: count them without making the documents
        words += len(body(path.read_text(encoding="utf-8", errors="replace")).split())
    return chosen


def mend_books(job: tuple[list[Path], Path]) -> tuple[int, int, Counter[str], Counter[str]]:
    """Books read, words, the words changed (``before -> after``) and the changes per book folder."""
    paths, folder = job
    words = read = 0
    changed: Counter[str] = Counter()
    by_author: Counter[str] = Counter()
    for path in paths:
        read += 1
        for doc in documents(path.read_text(encoding="utf-8", errors="replace")):
            words += len(doc.split())
            for change in words_fixer_changes(doc, textmend.DEFAULT.mend_document(doc)):
                changed[change] += 1
                by_author[path.relative_to(folder).parts[0]] += 1
    return read, words, changed, by_author


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--books", type=Path, required=True, help="a folder of .txt books")
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--words", type=int, default=8_000_000, help="words to read in all, about")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    if not args.books.is_dir():
        print(f"books: {args.books} is no folder; name a folder of .txt books with --books", file=sys.stderr)
        return 2
    paths = first_books(books(args.books, args.split), args.words)
    jobs = [(paths[worker :: args.workers], args.books) for worker in range(args.workers)]
    started = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
        results = pool.map(mend_books, jobs)
    seconds = time.perf_counter() - started
    read = sum(result[0] for result in results)
    words = sum(result[1] for result in results)
    changed: Counter[str] = sum((result[2] for result in results), Counter())
    by_author: Counter[str] = sum((result[3] for result in results), Counter())
    title = f"books of {args.books}, {args.split} split, DEFAULT pipeline, changes of the words fixer"
    print_table(title, "books", read, words, sum(changed.values()), len(changed), seconds, "wall")
    authors = ", ".join(f"{author} {count}" for author, count in by_author.most_common(10))
    print(f"by author: {authors}" if authors else "no changes")
    shown = ", ".join(f"`{change}` {count}" for change, count in changed.most_common(args.top))
    print(f"most changed: {shown}" if shown else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
