"""The example audit under examples/audit/ still builds, from the checked-in input and (when the
licensed corpora are there) from the clean text itself."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "audit"


def load_script():
    spec = importlib.util.spec_from_file_location("make_example", EXAMPLE / "make_example.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_example_is_small():
    files = [
        "input.jsonl.gz",
        "report.html",
        "report.json",
        "screenshot.png",
        "screenshot-samples.png",
        "make_example.py",
    ]
    assert sum((EXAMPLE / name).stat().st_size for name in files) <= 1_000_000


def test_regenerating_the_report_works(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    report = load_script().build(tmp_path, screenshot=False)
    stored = json.loads((EXAMPLE / "report.json").read_text(encoding="utf-8"))
    fresh = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    for figure in ("documents", "bytes", "words", "skipped"):
        assert fresh[figure] == stored[figure], figure
    assert report.touched > report.documents / 2
    assert {"entities", "words", "teasers", "titles", "ftfy"} <= set(fresh["per_fixer"])
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_damaged_input_is_rebuilt_exactly():
    script = load_script()
    if not (ROOT / "benchmarks" / "corpora.py").exists():
        pytest.skip("benchmarks/corpora.py (the licensed corpora) is not in this checkout")
    rebuilt = script.damage(script.clean_records())
    with gzip.open(script.INPUT, "rt", encoding="utf-8") as lines:
        stored = [json.loads(line) for line in lines]
    assert rebuilt == stored
