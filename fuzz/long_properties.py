"""The property tests of ``tests/test_properties.py``, run with many more examples: fuzzing without atheris.

Usage (from the repository root): ``PYTHONPATH=src python fuzz/long_properties.py [EXAMPLES]``
(default 20000 per property). Prints one line per property, and the failing input if one fails.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_properties as properties
from textmend.testing import MENDABLE_KINDS, articles, assert_mends_to, damaged, damaged_references


def main() -> int:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    long_run = settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
    noisy = st.builds(
        lambda left, right: left + right, damaged().map(lambda d: d.damaged), properties.ANY_TEXT
    )
    checks: list[tuple[str, st.SearchStrategy[Any], Callable[[Any], None]]] = [
        ("any text", properties.ANY_TEXT, properties._check),
        (
            "the whole entity table",
            st.lists(damaged_references(), min_size=1, max_size=4).map(" ".join),
            properties._check,
        ),
        (
            "real prose with damage",
            st.tuples(st.sampled_from(properties.REAL_FRAGMENTS), damaged_references(), st.integers(0, 5000)),
            lambda case: properties._check(case[0][: case[2]] + case[1] + case[0][case[2] :]),
        ),
        ("damaged articles with noise", noisy, properties._check),
        ("round trip", damaged(kinds=MENDABLE_KINDS), lambda case: assert_mends_to(case.damaged, case.clean)),
        ("clean articles", articles(), lambda clean: assert_mends_to(clean, clean)),
    ]
    failed = 0
    for name, strategy, check in checks:
        try:
            long_run(given(strategy)(check))()
        except Exception as error:  # report every property, then fail
            failed += 1
            notes = "\n".join(getattr(error, "__notes__", []))  # hypothesis puts the failing input here
            print(f"{name}: FAILED {error!r}\n{notes}", flush=True)
        else:
            print(f"{name}: {examples} examples passed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
