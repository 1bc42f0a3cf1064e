"""Text nobody here chose: the project descriptions (the README each project shows on its page) of a
seeded random sample of PyPI's projects, through the default pipeline. Markdown and reStructuredText by
hundreds of authors, most of them writing about code in a second language: package and command names
bare in prose (``orjson``, ``statsmodels``, ``compilemessages``), change logs, tables, badges, and
Windows line ends. Does any text raise, change again on a second mend, or take long, and what does the
pipeline change, by kind?

Every change here is read by hand (docs/reliability.md). ``--contexts`` prints each change in its text.

The projects are those of ``benchmarks/data/pypi-descriptions.txt``, pinned as ``name==version``: a
sample of PyPI's index (seed and date in the file's header) kept where the project's metadata names a
permissive licence (MIT, BSD, Apache, ISC, 0BSD, PSF, CC0, Unlicense, as a licence expression, the
licence field or a classifier) and its description has at least 300 characters. Each project's JSON
(``https://pypi.org/pypi/NAME/VERSION/json``) is kept in the corpora builder's cache; ``--folder DIR``
reads the ``*.json`` files of DIR instead. ``--pin N`` samples the index again and rewrites the file.

Run from the repository root: ``PYTHONPATH=src python benchmarks/pypi_descriptions.py`` (the first run
fetches about 1,100 small files, two minutes; then about 5 s for a million words).
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from changed_words import mend_records, print_kinds, print_settled_and_slowest

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

import build_corpora  # benchmarks/data, not a package: on the path above

PINNED = Path(__file__).resolve().parent / "data" / "pypi-descriptions.txt"
INDEX = "https://pypi.org/simple/"
PROJECT = "https://pypi.org/pypi/{}/json"
RELEASE = "https://pypi.org/pypi/{}/{}/json"
PERMISSIVE = ("MIT", "BSD", "APACHE", "ISC", "0BSD", "PSF", "PYTHON SOFTWARE FOUNDATION", "CC0", "UNLICENSE")
MIN_CHARACTERS = 300
SEED = 43
FETCHERS = 8


def pinned_projects(path: Path = PINNED) -> list[tuple[str, str]]:
    """The ``(name, version)`` of each ``name==version`` line of ``path``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    pins = [line.strip().partition("==") for line in lines if line.strip() and not line.startswith("#")]
    return [(name, version) for name, _, version in pins]


def is_permissive(info: dict[str, object]) -> bool:
    """Whether a project's metadata (``info`` of its JSON) names a permissive licence: its licence
    expression, else its licence field's first line, else its licence classifiers."""
    expression = info.get("license_expression")
    field = str(info.get("license") or "").strip().splitlines()
    classifiers = [
        str(classifier)
        for classifier in info.get("classifiers") or ()
        if str(classifier).startswith("License")
    ]
    named = (
        str(expression)
        if expression
        else field[0]
        if field and field[0] != "UNKNOWN"
        else " ".join(classifiers)
    )
    return any(name in named.upper() for name in PERMISSIVE) and "GPL" not in named.upper()


def description(info: dict[str, object]) -> str | None:
    """A project's description, when it is long enough and the project permissively licensed."""
    text = info.get("description")
    if not isinstance(text, str) or len(text) < MIN_CHARACTERS or not is_permissive(info):
        return None
    return text


def fetch_json(url: str) -> dict[str, object] | None:
    """The JSON document at ``url``; ``None`` when PyPI has none (a project removed, a 404)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            loaded = json.load(response)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise
    return loaded if isinstance(loaded, dict) else None


def keep_json(folder: Path, name: str, found: dict[str, object]) -> None:
    """Write a project's JSON to ``folder/name.json`` whole or not at all (a partial file, then a rename),
    so that a fetch cut short leaves no file that reads as a project."""
    partial = folder / f"{name}.json.part"
    partial.write_text(json.dumps(found), encoding="utf-8")
    partial.replace(folder / f"{name}.json")


def cached_projects(folder: Path, pins: list[tuple[str, str]]) -> Path:
    """``folder`` with the JSON of every pinned release, fetched from PyPI where one is missing."""
    folder.mkdir(parents=True, exist_ok=True)
    missing = [(name, version) for name, version in pins if not (folder / f"{name}.json").exists()]

    def fetch(pin: tuple[str, str]) -> None:
        found = fetch_json(RELEASE.format(*pin))
        if found is not None:
            keep_json(folder, pin[0], found)

    with ThreadPoolExecutor(FETCHERS) as pool:
        list(pool.map(fetch, missing))
    return folder


def project_texts(folder: Path) -> Iterator[tuple[str, str]]:
    """``(name==version, description)`` of each ``*.json`` of ``folder`` that :func:`description` keeps."""
    for path in sorted(folder.glob("*.json")):
        try:
            info = json.loads(path.read_text(encoding="utf-8"))["info"]
        except (ValueError, KeyError, TypeError):
            continue
        text = description(info)
        if text is not None:
            yield f"{info.get('name')}=={info.get('version')}", text


def pin(count: int, folder: Path, seed: int = SEED) -> list[str]:
    """Sample ``count`` names of PyPI's index with ``seed`` and keep those whose newest release
    :func:`description` keeps, as ``name==version`` lines (their JSON kept in ``folder``)."""
    folder.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(INDEX, timeout=120) as response:
        index = response.read().decode("utf-8")
    names = sorted(set(re.findall(r'<a href="([^"/]+)/">', index)))
    random.Random(seed).shuffle(names)

    def newest(name: str) -> str | None:
        found = fetch_json(PROJECT.format(name))
        info = found.get("info") if found is not None else None
        if found is not None and isinstance(info, dict) and description(info) is not None:
            keep_json(folder, name, found)
            return f"{name}=={info.get('version')}"
        return None

    with ThreadPoolExecutor(FETCHERS) as pool:
        return sorted(line for line in pool.map(newest, names[:count]) if line is not None)


def write_pins(lines: Iterable[str], count: int, seed: int) -> None:
    """Rewrite :data:`PINNED` with ``lines`` under a header that says how they were drawn."""
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    header = (
        f"# {count} names drawn from {INDEX} on {today} with random.Random({seed}).shuffle over the sorted\n"
        f"# names, kept where the newest release names a permissive licence and its description has\n"
        f"# {MIN_CHARACTERS} characters or more (benchmarks/pypi_descriptions.py --pin {count}).\n"
    )
    PINNED.write_text(header + "".join(f"{line}\n" for line in lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, help="a folder of PyPI project JSON files (*.json) to read")
    parser.add_argument("--contexts", action="store_true", help="print each change in its text")
    parser.add_argument("--pin", type=int, metavar="N", help="sample N names of PyPI's index and pin them")
    args = parser.parse_args(argv)
    cache = build_corpora.DEFAULT_CACHE / "pypi-descriptions"
    if args.pin is not None:
        lines = pin(args.pin, cache)
        write_pins(lines, args.pin, SEED)
        print(f"pinned {len(lines)} of {args.pin} projects in {PINNED}")
        return 0
    if args.folder is not None and not args.folder.is_dir():
        print(
            f"pypi_descriptions: {args.folder} is no folder; name a folder of *.json files with --folder",
            file=sys.stderr,
        )
        return 2
    folder = args.folder or cached_projects(cache, pinned_projects())
    records = list(project_texts(folder))
    kinds, words, seconds = mend_records(records, args.contexts)
    print_kinds(
        f"Descriptions of the PyPI projects in {folder}", "texts", len(records), words, kinds, seconds
    )
    print()
    print_settled_and_slowest(records, "texts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
