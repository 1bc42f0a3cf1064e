"""Shared test helpers: paths, and running the command line through a real subprocess."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import settings

# Under CI (CI=true), hypothesis draws the same examples on every run, so that a run's verdict is about
# the change and not the draw; elsewhere every run draws new ones (and fuzz/ searches for hours).
# No deadline: a loaded machine must not fail a property on time.
# `make test-versions` (TEXTMEND_HYPOTHESIS=versions) repeats the suite on other Pythons with fewer draws.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.register_profile("versions", derandomize=True, deadline=None, print_blob=True, max_examples=20)
settings.load_profile(os.environ.get("TEXTMEND_HYPOTHESIS") or ("ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "scraped-article.txt"
CASES = Path(__file__).resolve().parent / "cases"


def benchmark_corpora() -> ModuleType:
    """``benchmarks/corpora.py``, the licensed corpora of the benchmarks (loaded once, by file path:
    ``benchmarks/`` is not a package)."""
    if "corpora" not in sys.modules:
        spec = importlib.util.spec_from_file_location("corpora", ROOT / "benchmarks" / "corpora.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["corpora"] = module
        spec.loader.exec_module(module)
    return sys.modules["corpora"]


def case_rows(table: str) -> list[dict[str, Any]]:
    """The rows of ``tests/cases/<table>.json`` as written (see ``tests/cases/README.md``)."""
    rows: list[dict[str, Any]] = json.loads((CASES / f"{table}.json").read_text(encoding="utf-8"))
    return rows


def load_cases(table: str) -> list[Any]:
    """The rows of ``tests/cases/<table>.json`` as pytest parameters, for ``@pytest.mark.parametrize``.

    Each row's ``why`` is its test id. A row with ``"expect": "fail"`` is a known limit: it runs as a
    strict xfail, so the suite turns red the day it passes, until the row loses its mark.
    """
    params = []
    for row in case_rows(table):
        marks = []
        if row.get("expect") == "fail":
            marks.append(pytest.mark.xfail(strict=True, reason=row["why"]))
        elif "expect" in row:
            raise ValueError(f"{table}.json: 'expect' must be \"fail\" or absent, not {row['expect']!r}")
        params.append(pytest.param(row, id=row["why"], marks=marks))
    return params


def run_cli(
    *args: str, stdin: bytes | None = None, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m textmend ARGS`` in a subprocess, with this checkout's ``src`` importable (and
    ``env`` added to the environment)."""
    env = {**os.environ, **(env or {})}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "textmend", *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``make test`` runs ``-n``), the tests that start a real engine all run in
    one worker, one after another: two engines at once on a 2-core machine would starve each other."""
    for item in items:
        if item.get_closest_marker("engine"):
            item.add_marker(pytest.mark.xdist_group("engines"))
