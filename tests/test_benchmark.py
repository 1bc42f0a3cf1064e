"""The benchmarks still run (the speed benchmark on a small slice, the docstrings one on a folder made
here); their numbers are not checked, only their reports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def run_benchmark(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``benchmarks/<script>`` run as a user runs it, with this checkout's ``src`` on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )


def test_speed_benchmark_runs_and_reports() -> None:
    result = run_benchmark("speed.py", "--quick")
    assert result.returncode == 0, result.stderr
    for heading in ["| corpus ", "| damaged ", "| textmend ", "fitted x ftfy", "Checks", "Targets"]:
        assert heading in result.stdout
    assert "ftfy still finds something to fix in 0 of" in result.stdout


def test_docstrings_benchmark_counts_the_changes_in_a_site_folder(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    prose = "This function reads the file and returns its lines. " * 4
    (package / "module.py").write_text(
        f'def f():\n    """{prose}It keeps hisgills apart from the rest."""\n'
        f'def g():\n    """{prose}The lineno: field is a name, and so is isinstance."""\n'
        'def h():\n    """Too short."""\n',
        encoding="utf-8",
    )
    result = run_benchmark("docstrings.py", "--site", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "| 2 | " in result.stdout  # two docstrings of 200+ characters; the short one is left out
    assert "most changed: `hisgills` 1" in result.stdout  # the glue, and none of the names
