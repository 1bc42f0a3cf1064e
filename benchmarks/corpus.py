"""Benchmark ``textmend clean`` (``mend_file``) on a generated corpus of 50 MB or more, with 1 and 2 workers.

    python benchmarks/corpus.py [--megabytes 50] [--repeat 3] [--workers 1,2] [--quick]

The corpus is made from the bundled Austen prose (benchmarks/data/*.txt.gz): documents of 3-8
consecutive paragraphs, some damaged the way scraped web text is (stripped entities, run-together
words, mojibake, a duplicated title line, trailing related-article teasers). It is written to a
temporary directory, as JSONL records with pass-through fields (and as Parquet, for the Parquet
input rows), and removed afterwards.

Prints one row per input, output and worker count (best of ``--repeat`` runs by wall time): wall
seconds, MB/s of input, the speed-up over one worker, the CPU seconds of the parent process and of
the worker processes, and the parent's share of all the CPU time. Each run is a fresh interpreter
that has imported textmend and mended a sentence before the clock starts, as ``textmend clean``
does, so one worker (mending in that process) is not charged a start, and workers start as they do
from the command (forked from it on Linux: ``textmend.corpus.work.start_method``); their start is
also measured on its own, on a one-record input, and printed below the table. Checks that every
worker count wrote byte-identical output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import sys
import tempfile
from pathlib import Path

import prose
from speed import mend_file_in_fresh_process


def paragraphs() -> list[str]:
    """The bundled paragraphs longer than a heading, stripped."""
    return [p.strip() for p in prose.paragraphs() if len(p.strip()) > 40]


def strip_entities(text: str, rng: random.Random) -> str:
    """``don't`` -> ``donrsquo;t`` and ``"a"`` -> ``ldquo;ardquo;``, as after a lossy HTML scrape."""
    text = text.replace("'", "rsquo;")
    out, opening = [], True
    for part in text.split('"'):
        out.append(part)
        out.append("ldquo;" if opening else "rdquo;")
        opening = not opening
    return "".join(out[:-1])


def run_words_together(text: str, rng: random.Random) -> str:
    """Drop the space between two lower-case words, one to three times."""
    words = text.split(" ")
    for _ in range(rng.randint(1, 3)):
        index = rng.randrange(len(words) - 1) if len(words) > 1 else 0
        if index + 1 < len(words) and words[index].isalpha() and words[index + 1].isalpha():
            words[index : index + 2] = [words[index] + words[index + 1]]
    return " ".join(words)


def mojibake(text: str, rng: random.Random) -> str:
    """A UTF-8 em dash read as Windows-1252, in place of the double hyphens the prose uses."""
    return text.replace("--", "\u2014".encode().decode("cp1252"))


def title_of(paragraph: str) -> str:
    words = [w.strip('"_,;:.!?') for w in paragraph.split()[:8]]
    return " ".join(w.capitalize() for w in words if w)


def damage(body: list[str], rng: random.Random) -> str:
    """The paragraphs of ``body`` as one text, some damaged, sometimes under a duplicated title."""
    damaged = []
    for paragraph in body:
        if rng.random() < 0.3:
            paragraph = strip_entities(paragraph, rng)
        if rng.random() < 0.3:
            paragraph = run_words_together(paragraph, rng)
        if rng.random() < 0.1:
            paragraph = mojibake(paragraph, rng)
        damaged.append(paragraph)
    text = "\n".join(damaged)
    if rng.random() < 0.2:
        title = title_of(body[0])
        text = f"{title}\n{title}\n{text}"
    return text


def document(pool: list[str], rng: random.Random) -> str:
    start = rng.randrange(len(pool) - 8)
    body = pool[start : start + rng.randint(3, 8)]
    text = damage(body, rng)
    if rng.random() < 0.25:
        for _ in range(rng.randint(1, 2)):
            other = pool[rng.randrange(len(pool))]
            title = title_of(other)
            text += f"\n-\n{title}\n{title} {other[:80]}"
    return text


def generate(path: Path, megabytes: float) -> int:
    rng = random.Random(20261125)
    pool = paragraphs()
    size, count = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while size < megabytes * 1e6:
            record = {"id": count, "url": f"https://example.org/a/{count}", "text": document(pool, rng)}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            count += 1
    return count


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def write_parquet(source: Path, target: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    with source.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    pq.write_table(pa.Table.from_pylist(rows), target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each row; the fastest is shown")
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    parser.add_argument("--quick", action="store_true", help="JSONL in and out only")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="textmend-bench-") as directory:
        folder = Path(directory)
        source = folder / "corpus.jsonl"
        documents = generate(source, args.megabytes)
        megabytes = source.stat().st_size / 1e6
        inputs = {"jsonl": source}
        if not args.quick:
            inputs["parquet"] = folder / "corpus.parquet"
            write_parquet(source, inputs["parquet"])
        print(
            f"corpus: {documents:,} documents, {megabytes:.1f} MB of JSONL ({platform.machine()}, "
            f"{os.cpu_count()} cores, Python {platform.python_version()}); best of {args.repeat}\n"
        )
        columns = "wall s | MB/s | x 1 worker | parent CPU s | workers' CPU s | parent share"
        print(f"| input | output | workers | {columns} |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        pairs = (
            [("jsonl", "jsonl")]
            if args.quick
            else [("jsonl", "jsonl"), ("jsonl", "parquet"), ("parquet", "jsonl")]
        )
        digests: dict[tuple[str, str], set[str]] = {}
        for input_format, output_format in pairs:
            one = None
            for workers in counts:
                target = folder / f"out-{workers}.{output_format}"
                runs = [
                    mend_file_in_fresh_process(inputs[input_format], target, workers)
                    for _ in range(args.repeat)
                ]
                seconds, parent, children, written = min(runs)
                assert written == documents
                digests.setdefault((input_format, output_format), set()).add(digest(target))
                one = one or seconds
                share = parent / (parent + children)
                rate = f"{seconds:.1f} | {megabytes / seconds:.2f} | {one / seconds:.2f}x"
                cpu = f"{parent:.1f} | {children:.1f} | {share:.0%}"
                print(f"| {input_format} | {output_format} | {workers} | {rate} | {cpu} |")
                sys.stdout.flush()
        tiny = folder / "one.jsonl"
        tiny.write_text(json.dumps({"text": "Letrsquo;s see whatwe usedfor"}) + "\n", encoding="utf-8")
        print("\nStart of the worker processes (a one-record input):")
        for workers in counts:
            if workers > 1:
                seconds, parent, children, _ = min(
                    mend_file_in_fresh_process(tiny, folder / "one-out.jsonl", workers) for _ in range(3)
                )
                print(f"- {workers} workers: {seconds:.2f} s wall, {children:.2f} CPU s in the workers")
        same = all(len(found) == 1 for found in digests.values())
        print(f"\nevery worker count wrote {'identical' if same else 'DIFFERENT'} output per format")
        print(f"load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine slows the runs)")


if __name__ == "__main__":
    main()
