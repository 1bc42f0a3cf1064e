"""The big-corpus run: N MB of distinct JSONL documents, zstd-compressed, 2 workers, 5 poisoned records.

    python benchmarks/corpus_big.py --megabytes 1000 [--workers 2] [--keep DIR]

Generates documents from the bundled Austen prose (random, non-consecutive paragraphs, damaged as in
``corpus.py``; every text distinct), stores them as ``corpus.jsonl.zst``, and plants 5 records carrying
a marker that makes a test fixer (``poison``, registered below) raise. Then runs ``textmend clean``
as a real subprocess with ``--on-error skip`` and samples the total RSS of the parent and its workers
every second, together with how far into the input the parent has read. Prints a markdown table and
checks: exactly the 5 poisoned records reported, every other record written, RSS after the first 5%
of input within 10% (max/min).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import zstandard
from corpus import damage, paragraphs

from textmend import Fixer, register

MARKER = "POISON-PILL-RECORD"
POISONED = 5


@register
@dataclass(frozen=True)
class PoisonFixer(Fixer):
    """Raises on a marker string, the way a fixer with a bug would."""

    name: ClassVar[str] = "poison"

    def find(self, text: str, found: Any) -> Any:
        if MARKER in text:
            raise ZeroDivisionError("poisoned on purpose")
        return ()


def document(pool: list[str], rng: random.Random) -> str:
    """Random, non-consecutive paragraphs, damaged as in ``corpus.py``."""
    return damage([pool[rng.randrange(len(pool))] for _ in range(rng.randint(3, 8))], rng)


def generate(path: Path, megabytes: float) -> tuple[int, int, list[int]]:
    """Write the corpus; return documents, uncompressed bytes and the ids of the poisoned records."""
    rng = random.Random(20261201)
    pool = paragraphs()
    seen: set[bytes] = set()
    target = int(megabytes * 1e6)
    estimate = max(int(target / 2600), POISONED * 10)
    poisoned = sorted(rng.sample(range(estimate // 20, estimate), POISONED))  # after the first 5%
    size = count = 0
    compressor = zstandard.ZstdCompressor(level=3)
    with path.open("wb") as raw, compressor.stream_writer(raw) as out:
        while size < target or count <= poisoned[-1]:
            text = document(pool, rng)
            key = hashlib.blake2b(text.encode(), digest_size=8).digest()
            if key in seen:
                continue
            seen.add(key)
            if count in poisoned:
                text = f"{text}\n{MARKER}"
            line = (json.dumps({"id": count, "text": text}, ensure_ascii=False) + "\n").encode()
            out.write(line)
            size += len(line)
            count += 1
    return count, size, poisoned


def rss(pid: int) -> int:
    """Resident set size of ``pid`` in bytes (Linux /proc), 0 if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> tuple[int, int]:
    """Resident set size of ``pid`` and of its child processes (workers), in bytes."""
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(child) for child in (task / "children").read_text().split()]
    return rss(pid), sum(rss(child) for child in children)


def input_position(pid: int, source: Path) -> int | None:
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(fd) == str(source):
                for line in (Path(f"/proc/{pid}/fdinfo") / fd.name).read_text().splitlines():
                    if line.startswith("pos:"):
                        return int(line.split()[1])
        except OSError:
            continue
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="a folder to generate into and keep (else a temporary one)")
    parser.add_argument("--pipeline", default="ftfy,entities,teasers,titles,words", help="fixers to run")
    args = parser.parse_args()
    directory = args.keep or Path(tempfile.mkdtemp(prefix="textmend-big-"))
    directory.mkdir(parents=True, exist_ok=True)
    source, target = directory / "corpus.jsonl.zst", directory / "mended.jsonl.zst"
    start = time.perf_counter()
    documents, size, poisoned = generate(source, args.megabytes)
    compressed = source.stat().st_size
    print(
        f"corpus: {documents:,} distinct documents, {size / 1e6:,.0f} MB of JSONL, "
        f"{compressed / 1e6:,.0f} MB zstd; generated in {time.perf_counter() - start:,.0f} s "
        f"({platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}); "
        f"poisoned ids {poisoned}\n"
    )
    here = Path(__file__).resolve().parent
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(here), str(here.parent / "src")]))
    command = [
        sys.executable, "-c", "import corpus_big; from textmend.cli import run; run()", "clean", str(source),
        "-o", str(target), "--workers", str(args.workers), "--on-error", "skip",
        "--pipeline", f"{args.pipeline},poison",
    ]  # fmt: skip
    start = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, env=env)
    samples: list[tuple[float, int, int, int]] = []  # seconds, input bytes read, RSS of parent, of workers
    while process.poll() is None:
        try:
            position = input_position(process.pid, source)
            parent, workers = tree_rss(process.pid)
        except OSError:
            break
        if position is not None:
            samples.append((time.perf_counter() - start, position, parent, workers))
            if len(samples) % 60 == 0:  # a trace, so that a long run can be followed
                print(
                    f"  {samples[-1][0]:6.0f} s  {position / compressed:6.1%} read  RSS parent "
                    f"{parent / 1e6:,.0f} MB, workers {workers / 1e6:,.0f} MB",
                    flush=True,
                )
        time.sleep(1)
    assert process.stderr is not None
    stderr = process.stderr.read().decode()
    seconds = time.perf_counter() - start
    reported = [line for line in stderr.splitlines() if "(skipped)" in line]
    with target.open("rb") as raw:
        reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
        written = 0
        while chunk := reader.read(1 << 24):
            written += chunk.count(b"\n")
    settled = [(p, w) for _, position, p, w in samples if position >= 0.05 * compressed]
    low, high = min(p + w for p, w in settled), max(p + w for p, w in settled)
    parents = [p for p, _ in settled]
    print(
        "| workers | exit | seconds | MB/s (uncompressed) | documents/s | written | reported "
        "| RSS after 5% (min-max MB) | variation |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    print(
        f"| {args.workers} | {process.returncode} | {seconds:,.0f} | {size / 1e6 / seconds:.2f} | "
        f"{documents / seconds:,.0f} | {written:,} | {len(reported)} | {low / 1e6:,.0f}-{high / 1e6:,.0f} | "
        f"{(high - low) / low:.1%} |"
    )
    print(f"\nparent alone after 5%: {min(parents) / 1e6:,.0f}-{max(parents) / 1e6:,.0f} MB")
    print(f"{len(samples)} RSS samples; reported:")
    for line in reported:
        print(f"    {line}")
    assert process.returncode == 3, stderr
    assert len(reported) == POISONED and all(
        MARKER not in line or "ZeroDivisionError" in line for line in reported
    )
    assert written == documents - POISONED
    assert (high - low) / low < 0.10, "RSS varied by 10% or more"
    if args.keep is None:
        for path in (source, target, directory / "mended.jsonl.zst.textmend.json"):
            path.unlink(missing_ok=True)
        directory.rmdir()


if __name__ == "__main__":
    main()
