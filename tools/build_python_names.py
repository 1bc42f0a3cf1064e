"""Build ``src/textmend/fixers/data/python-names.txt.gz``: the public names of Python's standard library
that prose about code writes bare (``expanduser``, ``appendleft``, ``getsizeof``, ``fromisoformat``).

The ``words`` fixer already keeps the builtins, the keywords and the modules' own names whole
(``textmend.fixers._splitter.PYTHON_NAMES``, read from the running interpreter), but not what the modules
hold, and it read those as glue: ``expand user``, ``append left``, ``get size of`` (docstrings and
package documentation, ``benchmarks/docstrings.py`` and ``benchmarks/package_docs.py``). This script
imports each module of ``sys.stdlib_module_names`` that imports on this machine and keeps the names of
its public attributes (not its submodules, which are attributes only once something imported them) and
of the public attributes of its classes: every name of lowercase ASCII letters,
four to forty of them (the runs the fixer reads). Not the names of parameters: those are private words of
one function, and some are glue (``poplib.POP3.top(which, howmuch)``, ``calendar``'s ``theyear``).
Only names are kept, none of the library's text.

The names depend on the Python version and the platform, so the list is built once, with the version
the header names (CPython 3.11 on Linux), and shipped: a rebuild with that version is byte-identical
(one name per line after a header, sorted, gzip with a fixed mtime). Which of the names the fixer keeps
whole is decided where it reads them (``textmend.fixers._splitter.is_code_name``): not one that reads as
glue of function words or of two words books write apart.

Run: ``python3.11 tools/build_python_names.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import io
import re
import sys
import warnings
from pathlib import Path

from debian_data import write_gzip

__all__ = ["build", "main", "names_of"]

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "textmend" / "fixers" / "data" / "python-names.txt.gz"
VERSION = (3, 11)
_NAME = re.compile(r"[a-z]{4,40}")
# Modules not imported: ones that act on import (``antigravity`` opens a browser, ``this`` prints),
# need a display or are tools rather than a library (``idlelib``, ``turtledemo``), and the platform's
# or the past's that are absent or deprecated here.
SKIPPED = frozenset(
    {
        "antigravity",
        "this",
        "idlelib",
        "turtledemo",
        "turtle",
        "tkinter",
        "pydoc_data",
        "lib2to3",
        "ensurepip",
        "venv",
        "msilib",
        "winreg",
        "winsound",
        "msvcrt",
        "nt",
        "sre_compile",
        "sre_parse",
        "sre_constants",
        "crypt",
        "nis",
        "spwd",
        "ossaudiodev",
        "audioop",
    }
)
HEADER = (
    "# Public names of Python's standard library (CPython {version}, Linux): the attributes of its modules"
    " and of their classes, lowercase ASCII letters, four to forty; names only, none of the library's"
    " text. Built by tools/build_python_names.py.\n"
)


def _public(names: list[str]) -> list[str]:
    return [name for name in names if not name.startswith("_")]


def names_of(modules: list[str], failed: list[str] | None = None) -> set[str]:
    """The public attribute names of ``modules`` and of their classes that are runs of 4-40 lowercase
    letters (a module that fails to import is passed over, and its name added to ``failed``)."""
    names: set[str] = set()
    for module_name in modules:
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                module = importlib.import_module(module_name)
        except Exception:  # a module this build of Python lacks (no sqlite3 without libsqlite3)
            if failed is not None:
                failed.append(module_name)
            continue
        names.add(module_name)
        for name in _public(dir(module)):
            value = getattr(module, name, None)
            if inspect.ismodule(value):
                continue  # a submodule is an attribute only once something imported it
            names.add(name)
            if inspect.isclass(value):
                names.update(_public(dir(value)))
    return {name for name in names if _NAME.fullmatch(name)}


def build(output: Path = OUTPUT) -> int:
    """Write the list from this interpreter's standard library; how many names it keeps."""
    modules = sorted(
        name for name in sys.stdlib_module_names if not name.startswith("_") and name not in SKIPPED
    )
    failed: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # deprecated modules warn on import
        names = names_of(modules, failed)
    if failed:  # the list would lack their names: say so (the shipped one was built with every module)
        print(f"build_python_names: not imported: {', '.join(failed)}", file=sys.stderr)
    version = ".".join(map(str, sys.version_info[:2]))
    write_gzip(output, HEADER.format(version=version) + "".join(f"{name}\n" for name in sorted(names)))
    return len(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write (default: the package's)")
    args = parser.parse_args(argv)
    if sys.version_info[:2] != VERSION:
        wanted = ".".join(map(str, VERSION))
        print(
            f"build_python_names: run with Python {wanted} (this is {sys.version.split()[0]}): the list names"
            " that version's library; to move to another, change VERSION and rebuild.",
            file=sys.stderr,
        )
        return 2
    count = build(args.output)
    print(f"{count} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
