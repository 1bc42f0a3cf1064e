"""The ``words`` fixer across domains: false changes on clean text and recall on synthetic joins,
unfitted, fitted on the same domain's dev split, and fitted on another domain.

The corpora are the licensed documents of ``benchmarks/corpora.py`` (fiction, news, technical,
scientific, informal English; clean German, French, Spanish, Dutch, Italian, Portuguese, Japanese and
Chinese; sources and licences in ``benchmarks/data/README.md``). Everything reported is the ``test``
split; models are fitted on ``dev`` splits (``--split dev`` reports dev instead, to tune on).

Per domain:

* changed words: the clean test documents mended by the ``words`` fixer alone and by the whole
  ``DEFAULT`` pipeline (counted once per changed word, with the count and the words of the split);
* false words: the changed words less those the source itself glued (``data/real-glue.tsv``: a
  hand-checked list per domain and split, one reason a row); both columns are shown;
* recall: adjacent lowercase word pairs glued (``used for`` -> ``usedfor``; seed fixed; pairs whose
  glued form is itself a common word, Zipf >= 3 as ``into`` and ``cannot``, left out), several per
  document at least ``SPACING`` characters apart, no glued form twice in one document, in rounds over
  the documents until ``JOINS`` joins are made (or the split has no more pairs: then the table shows
  fewer). A join is recovered when the mended text is the original there exactly: one space put back at
  the cut, and nothing else changed inside the glued token.

Columns: unfitted; fitted on the same domain's dev split; fitted on another domain's dev split (the
``OTHER`` domain). The models are built with ``textmend.fit``.

Run from the repository root: ``PYTHONPATH=src python benchmarks/domains.py`` (about 10 minutes on
two shared cores); ``--domains news,scientific`` for some, ``--joins 500`` for a quick look.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

import corpora
from changed_words import changed_words

import textmend
from textmend import Pipeline
from textmend.corpus_model import CorpusModel
from textmend.lexicon import zipf

SEED = 16
JOINS = 2_000
SPACING = 400  # characters between two joins of one document: damage is sparse, and each is judged alone
COMMON_GLUED_ZIPF = 3.0  # a glued form this common is a word ("into", "cannot"): no damage
#: The domain whose model is the "fitted on another domain" column.
OTHER = {
    "fiction": "news",
    "news": "fiction",
    "technical": "scientific",
    "scientific": "technical",
    "informal": "technical",
}
BY_CHARACTER = frozenset({"ja", "zh"})
#: Tokens the clean sources really glue (hand-checked; see the file's header).
REAL_GLUE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "real-glue.tsv")
_EDGE_PUNCTUATION = "\"'()[]{}<>,;:!?.\u2018\u2019\u201c\u201d"
_PAIR = re.compile(r"(?<![\w'\-.@/])([a-z]+) ([a-z]+)(?![\w'\-@/]|\.\w)")
_TOKEN = re.compile(r"\S+")


def real_glue() -> dict[tuple[str, str], frozenset[str]]:
    """The tokens of ``REAL_GLUE_FILE`` per (domain, split): glue the source itself has."""
    found: dict[tuple[str, str], set[str]] = {}
    with open(REAL_GLUE_FILE, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            domain, split, token, _why = line.rstrip("\n").split("\t", 3)
            found.setdefault((domain, split), set()).add(token)
    return {key: frozenset(tokens) for key, tokens in found.items()}


def _bare(word: str) -> str:
    """A whitespace word without the punctuation at its edges: ``inthe`` for ``(inthe,``."""
    return word.strip(_EDGE_PUNCTUATION)


@dataclass
class Join:
    """One glued pair in a damaged document: the cut (in the damaged text) and the glued token."""

    cut: int
    start: int
    end: int
    left: str
    right: str


@dataclass
class Damaged:
    original: str
    text: str
    joins: list[Join]


def damage(docs: list[str], joins: int, seed: int) -> list[Damaged]:
    """Copies of ``docs`` with adjacent lowercase pairs glued, in rounds, until ``joins`` are made."""
    rng = random.Random(seed)
    candidates: list[list[re.Match[str]]] = []
    for doc in docs:
        pairs = [m for m in _PAIR.finditer(doc) if zipf(m.group(1) + m.group(2)) < COMMON_GLUED_ZIPF]
        rng.shuffle(pairs)
        candidates.append(pairs)
    out: list[Damaged] = []
    made = 0
    while made < joins and any(candidates):
        for index, doc in enumerate(docs):
            if made >= joins:
                break
            chosen: list[re.Match[str]] = []
            glued: set[str] = set()
            left_over = []
            for match in candidates[index]:
                form = match.group(1) + match.group(2)
                far = all(abs(match.start() - other.start()) > SPACING for other in chosen)
                if far and form not in glued and form not in doc and made + len(chosen) < joins:
                    chosen.append(match)
                    glued.add(form)
                elif form not in doc:
                    left_over.append(match)
            candidates[index] = left_over if chosen else []
            if not chosen:
                continue
            chosen.sort(key=lambda m: m.start())
            pieces, at, made_here = [], 0, []
            for shift, match in enumerate(chosen):  # each earlier join took one space out
                pieces.append(doc[at : match.start()])
                start = match.start() - shift
                made_here.append(
                    Join(
                        start + len(match.group(1)),
                        start,
                        start + len(match.group(0)) - 1,
                        *match.group(1, 2),
                    )
                )
                pieces.append(match.group(1) + match.group(2))
                at = match.end()
            pieces.append(doc[at:])
            out.append(Damaged(doc, "".join(pieces), made_here))
            made += len(chosen)
    return out


@dataclass
class Result:
    words: int = 0
    changed_words: int = 0
    real_glue: int = 0
    changed_default: int = 0
    joins: int = 0
    recovered: int = 0
    false_changes: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def measure(name: str, split: str, pipe: Pipeline, default: Pipeline, joins: int) -> Result:
    """False changes and join recall of ``pipe`` on one domain or language's ``split``."""
    docs = [str(record["text"]) for record in corpora.load(name, split)]
    result = Result()
    glue = real_glue().get((name, split), frozenset())
    by_character = name in BY_CHARACTER
    started = time.process_time()
    for doc in docs:
        result.words += sum(not c.isspace() for c in doc) if by_character else len(_TOKEN.findall(doc))
        mended = pipe.mend_document(doc)
        for start, end, after in changed_words(doc, mended.changes):
            result.changed_words += 1
            result.real_glue += _bare(doc[start:end]) in glue
            result.false_changes[f"{doc[start:end]} -> {after}"] += 1
        result.changed_default += len(default.mend_document(doc).changes) if default is not pipe else 0
    if name not in BY_CHARACTER and joins:
        for damaged in damage(docs, joins, SEED):
            mended = pipe.mend_document(damaged.text)
            edits = [(c.start, c.end, c.after) for c in mended.changes]
            for join in damaged.joins:
                result.joins += 1
                inside = [e for e in edits if join.start <= e[0] <= join.end and e[1] <= join.end]
                if inside == [(join.cut, join.cut, " ")]:
                    result.recovered += 1
                else:
                    shown = (
                        " ".join(damaged.text[join.start : s] + "|" + a for s, _, a in inside)
                        if inside
                        else ""
                    )
                    result.missed[f"{join.left}+{join.right}{' (' + shown + ')' if shown else ''}"] += 1
    result.seconds = time.process_time() - started
    return result


def per_100k(count: int, words: int) -> str:
    return f"{count * 100_000 / words:.2f} ({count})" if words else "-"


def false_per_100k(result: Result) -> str:
    """Changed words less the source's own glue, per 100k words (count; the glue excluded shown)."""
    if not result.words:
        return "-"
    false = result.changed_words - result.real_glue
    return (
        f"{per_100k(false, result.words)} [{result.real_glue} real]"
        if result.real_glue
        else per_100k(false, result.words)
    )


def recall(result: Result) -> str:
    return (
        f"{result.recovered / result.joins:.3f} ({result.recovered}/{result.joins})" if result.joins else "-"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("dev", "test"))
    parser.add_argument("--domains", default=",".join(corpora.DOMAINS))
    parser.add_argument("--languages", default=",".join(corpora.LANGUAGES))
    parser.add_argument("--joins", type=int, default=JOINS)
    parser.add_argument("--columns", default="unfitted,same,other")
    parser.add_argument("--top", type=int, default=20, help="most frequent false changes shown per domain")
    args = parser.parse_args(argv)
    domains = [d for d in args.domains.split(",") if d]
    languages = [d for d in args.languages.split(",") if d]
    columns = args.columns.split(",")
    fit_dev = "dev" if args.split == "test" else "test"
    words_only = Pipeline(["words"])
    default = textmend.DEFAULT
    models: dict[str, CorpusModel] = {}

    def model(domain: str) -> CorpusModel:
        if domain not in models:
            models[domain] = textmend.fit(str(r["text"]) for r in corpora.load(domain, fit_dev))
        return models[domain]

    print(
        f"words across domains: {args.split} split, models fitted on the {fit_dev} split with textmend.fit;"
        f" seed {SEED}, up to {args.joins:,} joins per domain"
    )
    print(
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.machine()} "
        f"{os.cpu_count()} cores (shared), Python {platform.python_version()}, "
        f"textmend {textmend.__version__}\n"
    )
    results: dict[tuple[str, str], Result] = {}
    for domain in domains:
        for column in columns:
            if column == "unfitted":
                pipe, dflt = words_only, default
            else:
                fitted = model(domain if column == "same" else OTHER[domain])
                pipe, dflt = words_only.with_model(fitted), default.with_model(fitted)
            results[domain, column] = measure(domain, args.split, pipe, dflt, args.joins)
            r = results[domain, column]
            print(
                f"  {domain} {column}: {per_100k(r.changed_words, r.words)} changed,"
                f" {false_per_100k(r)} false, recall {recall(r)},"
                f" {r.seconds:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    for language in languages:
        results[language, "unfitted"] = measure(language, args.split, words_only, default, 0)

    header = [
        "domain",
        "words",
        *[f"changed /100k ({c})" for c in columns],
        *[f"false /100k, real glue excluded ({c})" for c in columns],
        *[f"recall ({c})" for c in columns],
    ]
    rows = []
    totals = {c: Result() for c in columns}
    for domain in domains:
        rs = [results[domain, c] for c in columns]
        rows.append(
            [
                domain,
                f"{rs[0].words:,}",
                *[per_100k(r.changed_words, r.words) for r in rs],
                *map(false_per_100k, rs),
                *map(recall, rs),
            ]
        )
        for c, r in zip(columns, rs, strict=True):
            t = totals[c]
            t.words += r.words
            t.changed_words += r.changed_words
            t.real_glue += r.real_glue
            t.joins += r.joins
            t.recovered += r.recovered
    rs = [totals[c] for c in columns]
    rows.append(
        [
            "**all**",
            f"{rs[0].words:,}",
            *[per_100k(r.changed_words, r.words) for r in rs],
            *map(false_per_100k, rs),
            *map(recall, rs),
        ]
    )
    print("words fixer alone: changed words per 100k (count), recall of synthetic joins (recovered/joins)\n")
    _table(header, rows)
    if "unfitted" in columns:
        print("\nwhole DEFAULT pipeline on the clean documents: changes per 100k words (count)\n")
        header = ["domain", "words", *[f"DEFAULT ({c})" for c in columns]]
        _table(
            header,
            [
                [
                    d,
                    f"{results[d, columns[0]].words:,}",
                    *[per_100k(results[d, c].changed_default, results[d, c].words) for c in columns],
                ]
                for d in domains
            ],
        )
    if languages:
        print("\nclean non-English text (unfitted): changes per 100k words, characters for ja/zh (count)\n")
        _table(
            ["language", "words", "words fixer", "DEFAULT"],
            [
                [
                    lang,
                    f"{results[lang, 'unfitted'].words:,}",
                    per_100k(results[lang, "unfitted"].changed_words, results[lang, "unfitted"].words),
                    per_100k(results[lang, "unfitted"].changed_default, results[lang, "unfitted"].words),
                ]
                for lang in languages
            ],
        )
    for domain in [*domains, *languages]:
        for column in columns:
            r = results.get((domain, column))
            if r is None or not (r.false_changes or r.missed):
                continue
            if r.false_changes:
                top = ", ".join(f"`{k}` {n}" for k, n in r.false_changes.most_common(args.top))
                print(f"\n{domain} {column}: false changes: {top}")
            if r.missed and os.environ.get("SHOW_MISSED"):
                top = ", ".join(f"{k} {n}" for k, n in r.missed.most_common(int(os.environ["SHOW_MISSED"])))
                print(f"\n{domain} {column}: missed joins: {top}")
    return 0


def _table(header: list[str], rows: list[list[str]]) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    sys.exit(main())
