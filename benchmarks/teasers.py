"""Benchmark of the ``teasers`` and ``titles`` fixers on real prose with generated page furniture.

Jane Austen's novels (benchmarks/data) are cut into article-sized documents, one paragraph a line as
scrapers leave them. To each, 0-5 generated teaser blocks are appended the way news sites print them:
a title taken from other prose, a snippet repeating the title and running into the linked article's
first words, cut at one width per page (varied widths, some snippets shorter than it, some titles
longer), separated by ``-``, ``—`` or ``*`` lines and/or introduced by a heading. Half the documents
also start with their title twice. Reported: the share of documents whose body, teasers (every field)
and title come out exactly right (and why the others did not), and the share of plain documents (no
teasers, no title; one paragraph, sentence or clause a line) that the two fixers change at all.
A short linked article's snippet is made shorter than the width: one exactly as long as the width
cannot be told from a cut one.

Run from the repository root: ``python benchmarks/teasers.py`` (``PYTHONPATH=src`` or installed).
"""

from __future__ import annotations

import dataclasses
import random
import re
import time
from collections import Counter, defaultdict

import prose

from textmend import Pipeline, Teaser

SEED = 5
ROUNDS = 10  # each document gets furniture this many times, differently each time
DOCUMENT_SIZE = (1500, 5000)  # characters of prose per document
# Snippet widths: round ones that sites use, and odd ones.
WIDTHS = [60, 75, 80, 100, 120, 150, 160, 200, 57, 64, 93, 110, 137, 171, 233, 290]
SEPARATORS = ["-", "\u2014", "*"]
HEADINGS = ["Related", "Read more", "You may also like", "More from The Daily Ledger", "Related articles:"]
SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "to", "and", "or", "for", "at", "by", "with", "as"}

PIPELINE = Pipeline(["teasers", "titles"])


def paragraphs() -> list[str]:
    """All paragraphs of the bundled novels, each on one line."""
    return [" ".join(p.split()) for p in prose.paragraphs()]


def documents(paras: list[str]) -> list[list[str]]:
    """Consecutive paragraphs grouped into article-sized documents."""
    rng = random.Random(SEED)
    docs: list[list[str]] = []
    current: list[str] = []
    size, target = 0, rng.randint(*DOCUMENT_SIZE)
    for paragraph in paras:
        current.append(paragraph)
        size += len(paragraph)
        if size >= target:
            docs.append(current)
            current, size, target = [], 0, rng.randint(*DOCUMENT_SIZE)
    return docs


def headline(rng: random.Random, paras: list[str]) -> str:
    """A headline made from 3-20 words of some prose, in title case, sometimes a question."""
    words = re.findall(r"[A-Za-z][A-Za-z']*", rng.choice(paras))
    while len(words) < 3:
        words = re.findall(r"[A-Za-z][A-Za-z']*", rng.choice(paras))
    start = rng.randrange(max(1, len(words) - 3))
    chosen = words[start : start + rng.randint(3, 20)]
    title = " ".join(
        w if i and w.lower() in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(chosen)
    )
    return title + rng.choice(["", "", "", "?"])


def teaser_blocks(rng: random.Random, paras: list[str], count: int) -> tuple[list[str], list[Teaser]]:
    """``count`` generated teaser blocks for one page: their lines, and the Teasers they hold."""
    width = rng.choice(WIDTHS)
    style = rng.choice(["separators", "heading+separators", "heading"])
    separator = rng.choice(SEPARATORS) if "separators" in style else None
    heading = rng.choice(HEADINGS) if "heading" in style else None
    long_paras = [p for p in paras if len(p) > max(WIDTHS)]
    lines = [heading] if heading and count else []
    teasers: list[Teaser] = []
    for _ in range(count):
        title = headline(rng, paras)
        if rng.random() < 0.15:  # a short linked article: its snippet fits the width
            room = width - len(title) - 2  # the whole snippet shorter than the width
            short = [p for p in rng.sample(paras, 200) if 10 <= len(p) <= room and p[-1] in '.!?"']
            article = short[0] if short else rng.choice(long_paras)
        else:
            article = rng.choice(long_paras)
        full = f"{title} {article}"
        snippet = full[:width]
        excerpt = snippet[len(title) :].strip() if snippet.startswith(title) else ""
        lines.extend([separator] if separator else [])
        lines.extend([title, snippet])
        teasers.append(Teaser(title, snippet, len(full) > width, excerpt, separator, heading))
    return lines, teasers


ROW_ORDER = [
    "all",
    *(f"{n} teaser(s)" for n in range(6)),
    "with a heading",
    "separators only",
    "with a duplicated title",
    "without a title",
]


def miss_cause(found: list[Teaser], expected: list[Teaser], title_right: bool) -> str:
    """Why a document did not come out exactly."""
    if not title_right:
        return "title missed or wrong"
    if not found:
        return "teasers kept in the body (too little evidence)"
    if len(found) == len(expected) and all(
        f == dataclasses.replace(e, truncated=f.truncated) for f, e in zip(found, expected, strict=True)
    ):
        return "truncated flag wrong (a cut falling just after . ? or a closing quote)"
    return "other"


def sentence_lines(doc: list[str]) -> list[str]:
    """The document with every sentence on a line of its own: more, shorter lines to mistake."""
    return [s for p in doc for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", p) if s]


def clause_lines(doc: list[str]) -> list[str]:
    """The document broken after every comma, semicolon and sentence: many short, similar lines."""
    return [c for p in doc for c in re.split(r"(?<=[,;:.!?])\s+", p) if c]


def main() -> None:
    began = time.perf_counter()
    paras = paragraphs()
    docs = documents(paras)
    rng = random.Random(SEED)
    exact: dict[str, list[bool]] = defaultdict(list)
    damaged: dict[str, list[bool]] = defaultdict(list)
    misses: Counter[str] = Counter()
    for number, doc in enumerate(docs):
        # Plain documents: nothing may change.
        variants = [
            ("paragraph a line", doc),
            ("sentence a line", sentence_lines(doc)),
            ("clause a line", clause_lines(doc)),
        ]
        for label, lines in variants:
            plain = "\n".join(lines)
            result = PIPELINE.mend_document(plain)
            damaged[label].append(result.text != plain or bool(result.teasers) or result.title is not None)
        # Documents with furniture: all of it must come out exactly.
        for round_ in range(ROUNDS):
            count = (number + round_) % 6
            furniture, teasers = teaser_blocks(rng, paras, count)
            body = "\n".join(doc)
            title = None
            head = ""
            if rng.random() < 0.5:
                title = headline(rng, paras).rstrip("?") + "?"
                head = f"{title.rstrip('?')}\n{title}\n"
            result = PIPELINE.mend_document(head + "\n".join([body, *furniture]))
            expected_text = (f"{title}\n" if title else "") + body
            ok = result.text == expected_text and result.teasers == teasers and result.title == title
            exact[f"{count} teaser(s)"].append(ok)
            if count:
                exact["with a heading" if teasers[0].heading else "separators only"].append(ok)
            exact["with a duplicated title" if title else "without a title"].append(ok)
            exact["all"].append(ok)
            if not ok:
                misses[miss_cause(result.teasers, teasers, result.title == title)] += 1
    elapsed = time.perf_counter() - began

    print(f"{len(docs)} documents cut from {len(paras)} paragraphs of Austen; seed {SEED}\n")
    print("| documents with furniture | n | exact extraction |")
    print("| --- | ---: | ---: |")
    for label in sorted(exact, key=ROW_ORDER.index):
        oks = exact[label]
        print(f"| {label} | {len(oks)} | {100 * sum(oks) / len(oks):.1f}% |")
    print("\n| misses, by cause | n |")
    print("| --- | ---: |")
    for cause, n in misses.most_common():
        print(f"| {cause} | {n} |")
    print("\n| plain documents | n | damaged |")
    print("| --- | ---: | ---: |")
    for label, bad in damaged.items():
        print(f"| {label} | {len(bad)} | {100 * sum(bad) / len(bad):.2f}% |")
    print(f"\n{elapsed:.1f} s in all")


if __name__ == "__main__":
    main()
