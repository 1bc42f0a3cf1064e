"""Search for inputs whose cost grows faster than their size; print the suspects.

``tests/test_linear_time.py`` times the hostile inputs someone thought of. This script looks for the
ones nobody did: it builds texts by repeating a short random unit (letters, words, entity pieces,
``www.``, ``Read more``, line breaks, mojibake, full-width and CJK characters, after a short random
prefix), mends each at two sizes four times apart and reports every unit whose time grew more than
``--bound`` times (linear is about 4; quadratic about 16). A suspect is timed again before it is shown.

It found the two quadratic paths fixed in the ninth session (the same word before many dots: 80 kB
of ``www.Read more`` took 16 s; a ``www.`` in every sentence and no ``://``: 200 kB took 1.1 s), both
now rows of ``textmend.testing.ADVERSARIAL``. Usage::

    PYTHONPATH=src python fuzz/growth_search.py --seconds 600 --seed 1

Each suspect line gives the prefix and the unit as Python literals, to paste into a test.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import textmend

#: The pieces units are made of: what sets one step or another to work.
PIECES = (
    "a", "b", "e", "x", "the", "ofthe", "A", "T", " ", "\n", "\n\n", "\r", "\t", "&", ";", "#", "-", ".",
    "<", ">", "/", ":", "1", "_", "=", "@", "|", "*", '"', "'", "(", ")", "[", "]", "amp;", "nbsp",
    "http://", "www.", "Read more", "\u00b7", "\u2014", "\u2026", "\u2019", "\u00e9", "\u00df",
    "\u00c3\u00a9", "\uff2c", "\u4e2d",
)  # fmt: skip
SMALL = 20_000
GROWTH = 4


def cost(text: str) -> float:
    """CPU seconds of one default mend of ``text``."""
    started = time.process_time()
    textmend.mend_document(text)
    return time.process_time() - started


def build(prefix: str, unit: str, size: int) -> str:
    return prefix + unit * max(1, size // len(unit))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300.0, help="how long to search (300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bound", type=float, default=8.0, help="growth reported, for 4x the size (8)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    textmend.mend_document("A warm-up sentence.\n\nRead more: Another story")
    deadline = time.monotonic() + args.seconds
    tried = suspects = 0
    while time.monotonic() < deadline:
        unit = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 6)))
        prefix = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))
        small = cost(build(prefix, unit, SMALL))
        if small < 0.002:
            continue  # too fast to time: nothing in it set a step to work
        tried += 1
        large = cost(build(prefix, unit, GROWTH * SMALL))
        if large / small <= args.bound:
            continue
        # Timed again, the slower small run against the faster large one: noise does not make a suspect.
        small = max(small, cost(build(prefix, unit, SMALL)))
        large = min(large, cost(build(prefix, unit, GROWTH * SMALL)))
        if large / small > args.bound:
            suspects += 1
            growth = f"{large / small:.1f}x for {GROWTH}x ({small:.3f} s, {large:.3f} s)"
            print(f"suspect: {growth}: {prefix!r} + {unit!r}")
    print(f"{tried} inputs timed, {suspects} suspects (seed {args.seed}, {args.seconds:.0f} s)")
    return 1 if suspects else 0


if __name__ == "__main__":
    raise SystemExit(main())
