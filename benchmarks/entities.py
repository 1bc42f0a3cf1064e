"""Benchmark of the ``entities`` fixer on damaged and clean Austen prose.

Run from the repository root: ``python benchmarks/entities.py`` (with ``PYTHONPATH=src`` or textmend
installed). The bundled novels are cut into documents of eight paragraphs. Clean documents are mended
as they are: every change is a false change. Each document is then damaged in one way, as one scraper
would damage a whole document: a fixed share of its apostrophes, double quotes and ``--`` dashes is
replaced by an HTML reference (named, decimal, Windows-1252 decimal or hex, chosen at random) damaged
in that way. The expected output has each damaged character as its reference decodes (``rsquo`` is
``’``), and every other character as it was.

A change is correct when it replaces exactly one damaged reference with the expected text (a change
that merges adjacent repairs counts once per reference it repairs). Recall is correct changes over
damaged references, precision correct changes over all changes, and a document is exact when its
mended text equals the expected one. The run is seeded, so the table is the same on every run.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import prose

from textmend import Pipeline

PIPELINE = Pipeline(["ftfy", "entities"])
PARAGRAPHS_PER_DOCUMENT = 8

# The references each damageable character may become, as (reference, decoded).
REFERENCES: dict[str, list[tuple[str, str]]] = {
    "'": [("rsquo", "\u2019"), ("apos", "'"), ("#39", "'"), ("#8217", "\u2019"), ("#146", "\u2019"),
          ("#x2019", "\u2019")],
    '"': [("quot", '"'), ("#34", '"'), ("#x22", '"')],
    "--": [("mdash", "\u2014"), ("#8212", "\u2014"), ("#151", "\u2014"), ("#x2014", "\u2014")],
}  # fmt: skip

# How each kind of damage writes a reference: dropped "&", "&" as a space, "&" as "and", "&amp;",
# and a number without its semicolon (named references need the semicolon to be references at all).
DAMAGE: dict[str, Callable[[str], str]] = {
    "& dropped": lambda ref: f"{ref};",
    "& as space": lambda ref: f" {ref};",
    "& as 'and'": lambda ref: f"and{ref};",
    "double escaped": lambda ref: f"&amp;{ref};",
    "no semicolon": lambda ref: f"&{ref}",
}
# Double-escaped references are decoded by ftfy unless the text has a "<"; these documents get one, and
# in them a repair restores the reference as written (``&amp;rsquo;`` to ``&rsquo;``).
LESS_THAN = "Note: a < b."


@dataclass
class Score:
    documents: int = 0
    exact: int = 0
    damaged: int = 0
    correct: int = 0
    changes: int = 0

    def row(self, name: str) -> str:
        recall = self.correct / self.damaged if self.damaged else 1.0
        precision = self.correct / self.changes if self.changes else 1.0
        exact = self.exact / self.documents
        return (
            f"| {name} | {self.documents} | {self.damaged} | {self.changes} | {recall:.3f} | "
            f"{precision:.3f} | {exact:.3f} |"
        )


def documents() -> list[str]:
    """The bundled novels, eight paragraphs to a document."""
    paragraphs = prose.paragraphs()
    step = PARAGRAPHS_PER_DOCUMENT
    return ["\n\n".join(paragraphs[i : i + step]) for i in range(0, len(paragraphs), step)]


def damage(
    text: str, write: Callable[[str], str], rate: float, rng: random.Random, markup: bool = False
) -> tuple[str, str, list[tuple[int, int, str]]]:
    """``text`` damaged at ``rate`` of its sites: (damaged, expected, damaged spans with their repair).

    In ``markup`` (text with a ``<``) a repair restores the reference as written (``&rsquo;``), and a
    double escape of an ASCII character (``&amp;quot;``) may be meant so: it stays (not counted).
    """
    damaged: list[str] = []
    expected: list[str] = []
    spans: list[tuple[int, int, str]] = []
    length = 0
    position = 0
    while position < len(text):
        site = "--" if text.startswith("--", position) else text[position]
        choices = REFERENCES.get(site, [])
        if write is DAMAGE["no semicolon"]:
            # Without a semicolon only decimal numbers end where they should, and not before a digit.
            following = text[position + len(site) : position + len(site) + 1]
            choices = [] if following.isdigit() else [c for c in choices if c[0][1:].isdigit()]
        if choices and rng.random() < rate:
            reference, decoded = rng.choice(choices)
            piece = write(reference)
            damaged.append(piece)
            if markup and decoded.isascii():
                expected.append(piece)
            else:
                repaired = f"&{reference};" if markup else decoded
                spans.append((length, length + len(piece), repaired))
                expected.append(repaired)
            length += len(piece)
        else:
            damaged.append(site)
            expected.append(site)
            length += len(site)
        position += len(site)
    return "".join(damaged), "".join(expected), spans


def score_clean(texts: list[str]) -> Score:
    score = Score()
    for text in texts:
        document = PIPELINE.mend_document(text)
        score.documents += 1
        score.exact += document.text == text
        score.changes += len(document.changes)
    return score


def score_damaged(texts: list[str], kind: str, rate: float, seed: int) -> Score:
    rng = random.Random(f"{seed}-{kind}")
    score = Score()
    for text in texts:
        if kind == "double escaped":
            text = f"{LESS_THAN}\n\n{text}"
        damaged, expected, spans = damage(text, DAMAGE[kind], rate, rng, markup=kind == "double escaped")
        document = PIPELINE.mend_document(damaged)
        score.documents += 1
        score.exact += document.text == expected
        score.damaged += len(spans)
        for change in document.changes:
            tiles = tiled(change.start, change.end, spans)
            if tiles and "".join(after for _, _, after in tiles) == change.after:
                score.correct += len(tiles)
                score.changes += len(tiles)
            else:
                score.changes += 1
    return score


def tiled(start: int, end: int, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The damaged spans that exactly tile ``start:end`` (adjacent repairs merge into one change)."""
    inside = [span for span in spans if start <= span[0] and span[1] <= end]
    edges = [start] + [edge for s, e, _ in inside for edge in (s, e)] + [end]
    return inside if inside and all(edges[i] == edges[i + 1] for i in range(0, len(edges), 2)) else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=0.2, help="share of damageable characters damaged")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    texts = documents()
    started = time.perf_counter()
    rows = [score_clean(texts).row("clean prose (no damage)")]
    rows.append(score_clean([f"{LESS_THAN}\n\n{text}" for text in texts]).row("clean prose with a `<`"))
    total = Score()
    for kind in DAMAGE:
        score = score_damaged(texts, kind, args.rate, args.seed)
        rows.append(score.row(kind))
        for field in ("documents", "exact", "damaged", "correct", "changes"):
            setattr(total, field, getattr(total, field) + getattr(score, field))
    rows.append(total.row("all damage kinds"))
    elapsed = time.perf_counter() - started

    print(
        f"entities benchmark: {len(texts)} documents of Austen prose, "
        f"damage rate {args.rate}, seed {args.seed}"
    )
    print()
    print("| text | documents | damaged refs | changes | recall | precision | exact documents |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    print()
    print(f"{elapsed:.1f} s")


if __name__ == "__main__":
    main()
