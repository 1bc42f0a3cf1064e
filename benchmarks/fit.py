"""How fast ``textmend.fit`` reads a corpus, and that its memory stays bounded on a long stream.

    python benchmarks/fit.py                       # 10^8 Zipf tokens (time-boxed: 1500 s), then real text
    python benchmarks/fit.py --tokens 2e6 --quick  # a small run: checks that the script works

Two tables:

- a synthetic stream: documents of 2,000 words drawn with Zipf weights (1/rank^1.05) from a vocabulary
  of 3 million made-up words (letters only), fed to one :class:`textmend.fitting.Fitter` with the
  default caps; a row every tenth of the run: tokens so far, seconds, CPU seconds, tokens and MB (of
  UTF-8 text) per CPU second of this process over the run (the machine may be shared), the resident
  set size (RSS) now and at its peak, the table sizes and the error bound. The
  vocabulary alone takes memory too: its size is printed first, so the fitter's part can be told;
- real text: every document of the benchmark corpora (``benchmarks/corpora.py``, all domains), fitted
  once: documents, tokens, MB, seconds, MB/s; then the same with ``textmend fit --workers 2``.

The real-text speeds are wall time (with workers, CPU time would hide the parallelism): on a shared
machine say so when quoting them.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import corpora  # noqa: E402

from textmend.fitting import Fitter  # noqa: E402

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def rss_mb() -> tuple[float, float]:
    """This process's resident set size now and at its peak, in MB (Linux: /proc; peak: getrusage)."""
    now = 0.0
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            now = int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # kB on Linux
    return now, peak


def vocabulary(size: int) -> list[str]:
    """``size`` distinct made-up words, shortest first: 'qa', 'qb', ... 'qza', ..."""
    words = []
    for rank in range(size):
        word = "q"
        while True:
            rank, digit = divmod(rank, 26)
            word += _LETTERS[digit]
            if not rank:
                break
        words.append(word)
    return words


def zipf_documents(words: list[str], per_document: int, seed: int = 16) -> Iterator[str]:
    """Endless documents of ``per_document`` words drawn with weights 1/rank^1.05."""
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, len(words) + 1) ** 1.05
    cumulative = np.cumsum(weights)
    cumulative /= cumulative[-1]
    while True:
        ranks = np.searchsorted(cumulative, rng.random(per_document * 50))
        for start in range(0, len(ranks), per_document):
            yield " ".join([words[r] for r in ranks[start : start + per_document].tolist()])


def synthetic(tokens: int, seconds: float, vocabulary_size: int) -> None:
    words = vocabulary(vocabulary_size)
    before, _ = rss_mb()
    print(f"vocabulary: {vocabulary_size:,} words; RSS with it (before fitting): {before:,.0f} MB\n")
    columns = (
        "tokens | seconds | CPU s | tokens/CPU s | MB/CPU s | RSS MB | peak RSS MB | words | pairs | pruned"
    )
    print(f"| {columns} |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    fitter = Fitter()
    per_document = 2000
    step = max(tokens // 10, per_document)
    started = time.perf_counter()
    cpu_started = time.process_time()
    done = 0
    size = 0
    next_row = step
    for document in zipf_documents(words, per_document):
        fitter.add(document)
        done += per_document
        size += len(document) + 1
        elapsed = time.perf_counter() - started
        if done >= next_row or done >= tokens or elapsed > seconds:
            now, peak = rss_mb()
            bound = max(fitter.bounds.values(), default=0)
            cpu = time.process_time() - cpu_started
            speed = f"{cpu:,.0f} | {done / cpu:,.0f} | {size / cpu / 1e6:.2f}"
            sizes = f"{len(fitter.words):,} | {len(fitter.pairs):,} | {bound:,}"
            print(f"| {done:,} | {elapsed:,.0f} | {speed} | {now:,.0f} | {peak:,.0f} | {sizes} |", flush=True)
            next_row += step
            if done >= tokens or elapsed > seconds:
                break
    model = fitter.model()
    print(f"\nmodel: {model!r}, pruned={model.pruned:,}")
    if done < tokens:
        print(f"(time box of {seconds:,.0f} s reached after {done:,} of {tokens:,} tokens)")


def real_text(quick: bool) -> None:
    records = [record for name in corpora.DOMAINS for record in corpora.load(name)]
    if quick:
        records = records[:500]
    size = sum(len(record["text"].encode("utf-8")) for record in records)
    print("\n| input | documents | tokens | MB | seconds | MB/s |")
    print("|---|---:|---:|---:|---:|---:|")
    started = time.perf_counter()
    fitter = Fitter()
    for record in records:
        fitter.add(record)
    model = fitter.model()
    elapsed = time.perf_counter() - started
    totals = f"{model.documents:,} | {model.tokens:,} | {size / 1e6:.1f}"
    print(f"| benchmark corpora, fit() | {totals} | {elapsed:.1f} | {size / elapsed / 1e6:.2f} |")
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "corpus.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps({"text": record["text"], "title": record["title"]}) + "\n")
        for workers in (1, 2):
            command = [
                sys.executable,
                "-m",
                "textmend",
                "fit",
                str(source),
                "-o",
                f"{scratch}/m.textmend",
                "-q",
            ]
            env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src"))
            started = time.perf_counter()
            subprocess.run([*command, "--workers", str(workers)], check=True, env=env)
            elapsed = time.perf_counter() - started
            label = f"same, `textmend fit --workers {workers}` (with startup)"
            print(f"| {label} | {totals} | {elapsed:.1f} | {size / elapsed / 1e6:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=float, default=1e8, help="synthetic tokens to stream (default 1e8)")
    parser.add_argument("--seconds", type=float, default=1500, help="time box of the synthetic stream")
    parser.add_argument("--vocabulary", type=float, default=3e6, help="made-up words to draw from")
    parser.add_argument("--quick", action="store_true", help="a small vocabulary and a slice of real text")
    args = parser.parse_args()
    print(
        f"# textmend.fit: {datetime.date.today()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    synthetic(int(args.tokens), args.seconds, int(1e5 if args.quick else args.vocabulary))
    real_text(args.quick)


if __name__ == "__main__":
    main()
