"""What one hostile 1 MB document costs next to 1 MB of prose: CPU time and peak memory; print a table.

Each input is mended in a fresh process after a warm-up call (so the word lists and the pair table are
loaded). Seconds are CPU seconds of the ``mend`` call; peak MB is the growth of the peak resident set
over the resident set after the input was built (Linux: the peak is reset through
``/proc/self/clear_refs``). The ratio is to 1 MB of Austen's prose mended as one document; the last rows
compare one 5 MB document, and 1 MB of prose cut into 4 kB documents. Goals: ratio <= 5, peak <= 30
bytes per input byte, one big document within 2x per MB of small ones. Usage: ``PYTHONPATH=src python
benchmarks/adversarial.py [--size 1000000]``; takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: The hostile kinds of ``textmend.testing.ADVERSARIAL`` the table shows, with their short names.
KINDS = {
    "CR only": "carriage returns only",
    "CRLF": "CRLF line breaks",
    "LF": "empty lines",
    "&nbsp; runs": "&nbsp; runs",
    "lt; runs": "lt; runs",
    "#39; runs": "#39; runs",
    "amp; nesting": "amp; nesting",
    "long line, no spaces": "no spaces at all",
    "one very long word": "one very long word",
    "stripped entities": "stripped entities",
    "glued words": "glued words",
}


def build(kind: str, size: int) -> list[str]:
    """The documents of one kind, about ``size`` characters in all."""
    import prose

    from textmend.testing import ADVERSARIAL

    if kind.startswith("prose"):
        text = "\n\n".join(prose.paragraphs())
        scale = 5 if kind == "prose, 5 MB" else 1
        text = (text * (1 + scale * size // len(text)))[: scale * size]
        if kind == "prose in 4 kB documents":
            return [text[i : i + 4096] for i in range(0, len(text), 4096)]
        return [text]
    return [ADVERSARIAL[KINDS[kind]](size)]


def _rss(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def measure(kind: str, size: int) -> dict[str, float]:
    """Mend one kind in this process: CPU seconds and peak memory growth in bytes."""
    import textmend

    # The warm-up loads what every process loads once: the word lists, and the words fixer's WordNet
    # pair table (read on the first content+content join).
    textmend.mend("Letrsquo;s warm up: usedfor the caf\u00c3\u00a9 &amp; more.\r\nBlood cells, bloodcells.")
    documents = build(kind, size)
    Path("/proc/self/clear_refs").write_text("5")
    baseline = _rss("VmRSS")
    start = time.process_time()
    for document in documents:
        textmend.mend_document(document)
    seconds = time.process_time() - start
    peak = max(_rss("VmHWM") - baseline, 0)
    return {"seconds": seconds, "peak": peak, "size": sum(map(len, documents))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per input (1,000,000)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(measure(arguments.one, arguments.size)))
        return
    print(f"{platform.machine()}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}")
    print()
    print("| kind | size | seconds | peak MB | bytes per byte | ratio to prose |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    base: float | None = None
    for kind in ["prose, 1 MB", *KINDS, "prose, 5 MB", "prose in 4 kB documents"]:
        output = subprocess.run(
            [sys.executable, __file__, "--one", kind, "--size", str(arguments.size)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        result = json.loads(output)
        seconds, size = result["seconds"], result["size"]
        per_mb = seconds / (size / arguments.size)
        base = per_mb if base is None else base
        print(
            f"| {kind} | {size / 1e6:.1f} MB | {seconds:.2f} | {result['peak'] / 1e6:.1f} | "
            f"{result['peak'] / size:.1f} | {per_mb / base:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
