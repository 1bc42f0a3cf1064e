"""The import layering (tools/check_layers.py) and the public surface of every module (``__all__``)."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "textmend"


def _load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_layers", ROOT / "tools" / "check_layers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_layers = _load_checker()


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    """A throwaway package ``pkg`` with the given modules (paths inside it -> source)."""
    root = tmp_path / "pkg"
    for name, source in {"__init__.py": "", "fixers/__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root


def test_textmend_itself_keeps_its_layers() -> None:
    assert check_layers.check(PACKAGE) == []


def test_a_sound_package_passes(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "model.py": "import json\n",
            "pipeline.py": "from .model import x\nfrom . import errors\n",
            "errors.py": "",
            "fixers/_lines.py": "from ..model import x\n",
            "fixers/words.py": "from ..pipeline import y\nfrom ._lines import z\n",
            "fixers/__init__.py": "from .words import W\n",
            "default.py": "from . import fixers\nfrom .pipeline import P\n",
            "integrations/__init__.py": "",
            "integrations/pandas.py": "from ..default import DEFAULT\nimport pandas\n",
        },
    )
    assert check_layers.check(root) == []


#: One package per kind of violation: its modules, and a piece of the message the check must give.
VIOLATIONS = {
    "core->fixer": (
        {"model.py": "from .fixers import words\n", "fixers/words.py": ""},
        "core module imports pkg.fixers.words",
    ),
    "core->edge": (
        {"pipeline.py": "from .default import DEFAULT\n", "default.py": ""},
        "from the edge floor",
    ),
    "fixer->edge": (
        {"fixers/words.py": "from ..records import r\n", "records.py": ""},
        "fixers module imports pkg.records",
    ),
    "fixer->fixer": (
        {"fixers/titles.py": "from .teasers import T\n", "fixers/teasers.py": ""},
        "fixer imports pkg.fixers.teasers",
    ),
    "fixer->fixers package": ({"fixers/titles.py": "from pkg import fixers\n"}, "fixer imports pkg.fixers;"),
    "nested import": (
        {"records.py": "def f():\n    from .default import DEFAULT\n", "default.py": ""},
        "records.py:2: imports pkg.default inside a function",
    ),
    "circle": (
        {"cli.py": "from .corpus_cli import main\n", "corpus_cli.py": "from . import cli\n"},
        "import circle: cli -> corpus_cli -> cli",
    ),
    "long circle": (
        {"a.py": "import pkg.b\n", "b.py": "import pkg.c\n", "c.py": "from pkg import a\n"},
        "import circle: a -> b -> c -> a",
    ),
}


@pytest.mark.parametrize(("files", "expected"), list(VIOLATIONS.values()), ids=list(VIOLATIONS))
def test_each_kind_of_violation_is_caught(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    problems = check_layers.check(_package(tmp_path, files))
    assert any(expected in problem for problem in problems), problems


def test_the_script_fails_on_a_violation(tmp_path: Path) -> None:
    bad = _package(tmp_path, {"model.py": "from .default import DEFAULT\n", "default.py": ""})
    script = str(ROOT / "tools" / "check_layers.py")
    failed = subprocess.run([sys.executable, script, str(bad)], capture_output=True, text=True, timeout=60)
    assert failed.returncode == 1
    assert "pkg/model.py:1: core module imports pkg.default from the edge floor" in failed.stderr
    good = _package(tmp_path / "good", {"model.py": "", "default.py": "from .model import x\n"})
    passed = subprocess.run([sys.executable, script, str(good)], capture_output=True, text=True, timeout=60)
    assert (passed.returncode, passed.stdout, passed.stderr) == (0, "layers: 4 modules, 0 violation(s)\n", "")


def _module_names() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts[-1] != "__main__":
            names.append(".".join(parts))
    return names


def _public_top_level_names(path: Path) -> set[str]:
    """Names a module defines at top level (functions, classes, assignments) that have no underscore."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for target in targets for t in ast.walk(target) if isinstance(t, ast.Name))
    return {name for name in names if not name.startswith("_")}


OPTIONAL = {
    "pandas",
    "dask",
    "distributed",
    "datatrove",
    "hypothesis",
    "pyarrow",
    "datasets",
    "ray",
    "pyspark",
    "sklearn",
    "numpy",
    "selenium",
}


@pytest.mark.parametrize("name", _module_names())
def test_every_module_declares_its_public_names(name: str) -> None:
    try:
        module = importlib.import_module(name)
    except ImportError as error:  # an adapter whose library is not installed here
        missing = error.name or getattr(error.__cause__, "name", None) or ""
        if missing.partition(".")[0] in OPTIONAL:
            pytest.skip(f"{name} needs {missing}")
        raise
    assert isinstance(getattr(module, "__all__", None), list), f"{name} declares no __all__ list"
    missing = [entry for entry in module.__all__ if not hasattr(module, entry)]
    assert not missing, f"{name}.__all__ names what it does not have: {missing}"
    path = Path(module.__file__ or "")
    undeclared = sorted(_public_top_level_names(path) - set(module.__all__))
    assert not undeclared, f"{name}: public but not in __all__ (add them, or start them with _): {undeclared}"


def test_the_check_of_public_names_sees_an_undeclared_one(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("__all__ = ['f']\ndef f(): pass\ndef g(): pass\nX: int = 1\n_y = 2\n", encoding="utf-8")
    assert _public_top_level_names(path) - {"f"} == {"g", "X"}
