"""The speed benchmark still runs (on a small slice); its numbers are not checked, only its report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_speed_benchmark_runs_and_reports() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "speed.py"), "--quick"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for heading in ["| corpus ", "| damaged ", "| textmend ", "Checks", "Targets"]:
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
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "docstrings.py"), "--site", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "| 2 | " in result.stdout  # two docstrings of 200+ characters; the short one is left out
    assert "most changed: `hisgills` 1" in result.stdout  # the glue, and none of the names
