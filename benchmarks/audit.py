"""How long ``textmend audit`` takes on 100,000 short documents, and how big and fast its page is.

    python benchmarks/audit.py [--documents 100000] [--workers 2]

The documents are the paragraphs of the example corpus (examples/audit/input.jsonl.gz: licensed news
and technical text, damaged by examples/audit/make_example.py), each a record with a made-up URL, cycled
to the size asked for. Prints markdown tables: audit time (whole corpus, and a 10,000-record sample),
then the page's size and its time to first render in headless Chromium (when installed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
INPUT = ROOT / "examples" / "audit" / "input.jsonl.gz"


def short_records(count: int) -> list[dict[str, Any]]:
    """``count`` short records: the example corpus's paragraphs, cycled, each with an id and a URL."""
    paragraphs = []
    with gzip.open(INPUT, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            host = record["url"].split("/")[2]
            paragraphs += [(host, p) for p in record["text"].split("\n\n") if p.strip()]
    return [
        {"id": n, "url": f"https://{host}/{n}", "text": text}
        for n, (host, text) in zip(range(count), _cycle(paragraphs), strict=False)
    ]


def whole_documents(count: int) -> list[dict[str, Any]]:
    """``count`` records: the example corpus's whole documents, cycled, each with an id and a URL."""
    with gzip.open(INPUT, "rt", encoding="utf-8") as lines:
        documents = [json.loads(line) for line in lines]
    return [
        {"id": n, "url": record["url"], "text": record["text"]}
        for n, record in zip(range(count), _cycle(documents), strict=False)
    ]


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _cycle(items: list[Any]) -> Any:
    while True:
        yield from items


def render_seconds(path: str, runs: int = 3) -> list[float]:
    """Seconds from navigation to the page's script being done, in fresh headless Chromium runs."""
    from textmend.audit.browser import chromium, console_errors, open_page

    times = []
    for _ in range(runs):
        with chromium() as browser:
            times.append(open_page(browser, path))
            errors = console_errors(browser)
            if errors:
                raise SystemExit(f"console errors: {errors}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from textmend.audit import audit_records, render_html
    from textmend.audit.browser import missing_browser
    from textmend.audit.figures import MAX_SAMPLES

    short = short_records(args.documents)
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {sys.version.split()[0]}; {time.strftime('%Y-%m-%d')}\n")  # fmt: skip
    print("| run | documents audited | MB read | workers | wall s | CPU s | documents/s (wall) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    runs = [
        (f"{len(short):,} short records", short, None),
        (f"{len(short):,} short records, --sample 10000", short, 10_000),
        ("10,000 whole documents", whole_documents(10_000), None),
    ]
    pages = {}
    for label, records, sample in runs:
        megabytes = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
        start, cpu = time.perf_counter(), cpu_seconds()
        report = audit_records(records, sample=sample, workers=args.workers, group_by="url")
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
        print(f"| {label} | {report.documents:,} | {megabytes:,.1f} | {args.workers} | {seconds:,.1f} | "
              f"{cpu:,.1f} | {report.documents / seconds:,.0f} |")  # fmt: skip
        pages[label] = render_html(report)
    # the page at its bound: as many samples as it ever embeds, every one as large as the largest here
    largest = max(report.samples, key=lambda sample: len(json.dumps(sample)))
    report.samples = [dict(largest, i=n) for n in range(MAX_SAMPLES)]
    pages[f"bound: {MAX_SAMPLES} copies of the largest sample"] = render_html(report)
    print("\n| page | samples | size (MB) | first render in Chromium (s, median of 3) |")
    print("| --- | ---: | ---: | ---: |")
    problem = missing_browser()
    with tempfile.TemporaryDirectory() as folder:
        for label, page in pages.items():
            path = os.path.join(folder, "report.html")
            Path(path).write_text(page, encoding="utf-8")
            size = os.path.getsize(path) / 1e6
            samples = page.count('{"i": ')
            timing = "-" if problem else f"{statistics.median(render_seconds(path)):.2f}"
            print(f"| {label} | {samples} | {size:.2f} | {timing} |")
    if problem:
        print(f"\n(no render time: {problem})")


if __name__ == "__main__":
    main()
