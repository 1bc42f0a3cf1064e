"""``fuzz/growth_search.py`` runs on the pipeline its options ask for and refuses bad ones with a
message (its search is timed, so the suspects it finds are not checked here: only that it runs)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

SCRIPT = ROOT / "fuzz" / "growth_search.py"


def search(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)


def test_a_short_search_on_a_chosen_pipeline_reports_what_it_timed() -> None:
    result = search("--seconds", "2", "--seed", "3", "--enable", "ascii", "--param", "words__language=de")
    assert result.returncode in (0, 1), result.stderr  # 1: it found a suspect, which is for a person to read
    assert " inputs timed, " in result.stdout and "(seed 3, 2 s)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message", "why"),
    [
        (["--param", "language=de"], "is not step__option=VALUE", "an option needs its step's name"),
        (["--param", "words__nope=1"], "unknown option for fixer 'words'", "an option the step lacks"),
        (["--enable", "nosuch"], "no step named 'nosuch'", "a fixer the pipeline lacks"),
    ],
)
def test_a_bad_option_is_refused_with_a_message(args: list[str], message: str, why: str) -> None:
    result = search("--seconds", "1", *args)
    assert result.returncode == 2, why
    assert message in result.stderr and "Traceback" not in result.stderr, why
