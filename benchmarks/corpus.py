"""Benchmark ``textmend clean`` (``mend_file``) on a generated corpus of 50 MB or more, with 1 and 2 workers.

    python benchmarks/corpus.py [--megabytes 50]

The corpus is made from the bundled Austen prose (benchmarks/data/*.txt.gz): documents of 3-8
consecutive paragraphs, some damaged the way scraped web text is (stripped entities, run-together
words, mojibake, a duplicated title line, trailing related-article teasers). It is written to a
temporary directory, as JSONL records with pass-through fields, and removed afterwards. Prints a
table of wall and CPU seconds, documents/s and MB/s (of input) per run, and checks that 1 and 2
workers write identical output.
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
import time
from pathlib import Path

import prose

from textmend.corpus import mend_file


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


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the worker processes), user and system."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="textmend-bench-") as directory:
        source = Path(directory) / "corpus.jsonl"
        documents = generate(source, args.megabytes)
        megabytes = source.stat().st_size / 1e6
        print(
            f"corpus: {documents:,} documents, {megabytes:.1f} MB of JSONL ({platform.machine()}, "
            f"{os.cpu_count()} cores, Python {platform.python_version()})\n"
        )
        print("| output | workers | seconds | CPU seconds | documents/s | MB/s |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        digests = {}
        for suffix, workers in [("jsonl", 1), ("jsonl", 2), ("parquet", 2)]:
            target = Path(directory) / f"out-{workers}.{suffix}"
            start, cpu = time.perf_counter(), cpu_seconds()
            report = mend_file(str(source), str(target), workers=workers)
            seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
            assert report.written == documents and report.skipped == 0
            if suffix == "jsonl":
                digests[workers] = digest(target)
            rates = f"{documents / seconds:,.0f} | {megabytes / seconds:.2f}"
            print(f"| {suffix} | {workers} | {seconds:.1f} | {cpu:.1f} | {rates} |")
            sys.stdout.flush()
        same = "identical" if digests[1] == digests[2] else "DIFFERENT"
        print(f"\n1 and 2 workers wrote {same} JSONL (sha256 {digests[1]} / {digests[2]})")
        print(f"load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine slows the runs)")


if __name__ == "__main__":
    main()
