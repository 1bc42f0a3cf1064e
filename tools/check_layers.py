"""Check that textmend's imports point down: core -> fixers -> edge, no circle, no fixer importing another.

    python tools/check_layers.py [PACKAGE_DIR]      # default: src/textmend; exit 1 on any violation

The floors, from the bottom:

- core: ``model``, ``fixer``, ``changes``, ``pipeline``, ``lexicon``, ``errors``, ``version``,
  ``corpus_model``: imports only core;
- fixers: the modules under ``fixers/``: import core, and shared helpers from underscore modules
  (``fixers/_lines.py``), never another fixer's module nor the ``fixers`` package itself;
- edge: everything else (the package root, ``default``, ``records``, ``corpus``, the CLI,
  ``integrations/``...): imports anything below, and other edge modules without a circle.

Every import of a textmend module counts, wherever it stands; one inside a function is a violation of
its own (it hides a dependency, usually one that reaches up: move the thing to the right floor).
Imports of other libraries are not checked.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

__all__ = ["CORE", "check", "floor_of", "imports_of", "main", "module_names"]

#: The modules of the bottom floor, by their name inside the package.
CORE = frozenset({"model", "fixer", "changes", "pipeline", "lexicon", "errors", "version", "corpus_model"})
_FLOORS = {"core": 0, "fixers": 1, "edge": 2}


def module_names(package_dir: Path) -> dict[str, Path]:
    """Each module of the package by its dotted name inside it ('' is the package root, 'fixers.words')."""
    names = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(package_dir).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def floor_of(name: str) -> str:
    """The floor a module stands on: ``floor_of("fixers.words") == "fixers"``."""
    if name in CORE:
        return "core"
    if name == "fixers" or name.startswith("fixers."):
        return "fixers"
    return "edge"


def is_fixer_module(name: str) -> bool:
    """A registered fixer's own module (``fixers.words``), not a shared ``fixers._lines`` nor the package."""
    return name.startswith("fixers.") and not name.rpartition(".")[2].startswith("_")


def imports_of(name: str, path: Path, package: str, known: set[str]) -> Iterator[tuple[str, int, bool]]:
    """The package modules that module ``name`` imports: (target, line, inside a function or class)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    nested: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            nested.update(id(inner) for inner in ast.walk(node) if inner is not node)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [_inside(alias.name, package) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node, name, is_package, package)
            if base is None:
                continue
            targets = [_submodule_or_base(base, alias.name, known) for alias in node.names]
        else:
            continue
        for target in targets:
            if target is not None and target in known:
                yield target, node.lineno, id(node) in nested


def _submodule_or_base(base: str, imported: str, known: set[str]) -> str:
    """``from .fixers import words`` reads module ``fixers.words``; ``from .model import Edit``, ``model``."""
    candidate = f"{base}.{imported}".strip(".")
    return candidate if candidate in known else base


def _inside(dotted: str, package: str) -> str | None:
    """``textmend.fixers.words`` -> ``fixers.words``; None for other libraries."""
    if dotted == package:
        return ""
    if dotted.startswith(package + "."):
        return dotted[len(package) + 1 :]
    return None


def _resolve(node: ast.ImportFrom, name: str, is_package: bool, package: str) -> str | None:
    """The module a ``from X import ...`` reads from, inside the package, or None for other libraries."""
    if node.level == 0:
        return _inside(node.module or "", package)
    parts = name.split(".") if name else []
    if not is_package:
        parts = parts[:-1]
    up = node.level - 1
    if up > len(parts):
        return None
    parts = parts[: len(parts) - up]
    return ".".join([*parts, *(node.module.split(".") if node.module else [])])


def check(package_dir: Path) -> list[str]:
    """Every violation of the layering in the package at ``package_dir``, one message each."""
    modules = module_names(package_dir)
    package = package_dir.name
    known = set(modules)
    problems = []
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        where = path.relative_to(package_dir.parent)
        for target, line, nested in imports_of(name, path, package, known):
            if target == name:
                continue
            graph[name].add(target)
            label = f"{package}.{target}".rstrip(".")
            if nested:
                problems.append(f"{where}:{line}: imports {label} inside a function; import it at the top")
            low, high = floor_of(name), floor_of(target)
            if _FLOORS[high] > _FLOORS[low]:
                problems.append(f"{where}:{line}: {low} module imports {label} from the {high} floor")
            elif is_fixer_module(name) and (is_fixer_module(target) or target == "fixers"):
                problems.append(
                    f"{where}:{line}: fixer imports {label}; move what they share to an underscore module"
                )
    problems.extend(f"import circle: {' -> '.join(cycle)}" for cycle in _cycles(graph))
    return problems


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle through each strongly connected group of modules (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(_circle_in(sorted(group), graph))
    return groups


def _circle_in(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A path from the group's first module back to itself through the group, to show the circle."""
    members = set(group)
    start = group[0]
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(graph[node] & members):
                if child == start:
                    return [_label(n) for n in [*paths[node], start]]
                if child not in paths:
                    paths[child] = [*paths[node], child]
                    following.append(child)
        frontier = following
    return [_label(n) for n in group]  # pragma: no cover - a strongly connected group always has a circle


def _label(name: str) -> str:
    return name or "(package root)"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    package_dir = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "src" / "textmend"
    problems = check(package_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    count = len(module_names(package_dir))
    summary = f"layers: {count} modules, {len(problems)} violation(s)"
    print(summary, file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
