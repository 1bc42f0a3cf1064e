"""Mend each adversarial input of ``textmend.testing.ADVERSARIAL`` at 1 MB and 10 MB; print a table.

The ratio of the two CPU times is what matters: about 10 for linear cost, near 100 for quadratic.
Takes about three minutes on a 2-core machine. Usage: ``PYTHONPATH=src python benchmarks/linear_time.py``
(``--small 0.5`` for 0.5 MB against 5 MB; ``--only NAME`` for one input, repeatable).
"""

from __future__ import annotations

import argparse
import platform
import time

import textmend
from textmend.testing import ADVERSARIAL


def cpu_seconds(text: str) -> float:
    start = time.process_time()
    textmend.mend(text)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=float, default=1.0, help="the smaller size in MB (default 1)")
    parser.add_argument("--only", action="append", choices=list(ADVERSARIAL), help="this input alone")
    args = parser.parse_args()
    size = int(args.small * 1_000_000)
    textmend.mend("load the word list: usedfor")
    print(f"{platform.machine()}, Python {platform.python_version()}, CPU seconds of one run each")
    print()
    print(f"| input | {size / 1e6:g} MB | {10 * size / 1e6:g} MB | ratio | MB/s at {10 * size / 1e6:g} MB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, make in ADVERSARIAL.items():
        if args.only and name not in args.only:
            continue
        small_text, large_text = make(size), make(10 * size)
        small, large = cpu_seconds(small_text), cpu_seconds(large_text)
        rate = len(large_text) / large / 1e6
        print(f"| {name} | {small:.2f} | {large:.2f} | {large / small:.1f} | {rate:.1f} |", flush=True)


if __name__ == "__main__":
    main()
