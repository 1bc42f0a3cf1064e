"""Hostile technical prose: the READMEs and change logs of well-known npm packages through the default
pipeline. Markdown by thousands of authors, with names of code written bare in prose (``calls without
tablename``), tables of names, links and code spans: does any text raise, change again on a second
mend, or take long, and what does the pipeline change, by kind?

Every change here is read by hand (docs/reliability.md): nearly all should be ftfy's, since these texts
are clean. ``--contexts`` prints each change in its text.

The packages are those of ``benchmarks/data/npm-readmes.txt``, pinned; the Markdown and text files at
the top two levels of each (licence files left out) are read from the archives ``npm pack`` gives, kept
in the corpora builder's cache, of packages whose ``package.json`` names a permissive licence (MIT,
ISC, BSD, Apache-2.0, 0BSD, CC0, Unlicense). ``--folder DIR`` reads the ``*.tgz`` files of DIR instead.

Run from the repository root: ``PYTHONPATH=src python benchmarks/readmes.py`` (the first run packs 278
packages, about two minutes; then about 10 s for 790,000 words in 400 texts).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

from changed_words import mend_records, print_kinds, print_settled_and_slowest

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

import build_corpora  # benchmarks/data, not a package: on the path above

PINNED = Path(__file__).resolve().parent / "data" / "npm-readmes.txt"
PERMISSIVE = ("MIT", "ISC", "BSD", "APACHE", "0BSD", "CC0", "UNLICENSE")
SUFFIXES = (".md", ".markdown", ".txt")
MIN_CHARACTERS = 200
BATCH = 40  # packages per `npm pack` call


def pinned_packages() -> list[str]:
    """The ``name@version`` lines of :data:`PINNED`."""
    lines = PINNED.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def archive_name(spec: str) -> str:
    """The file name ``npm pack`` gives ``name@version``: ``@scope/name`` becomes ``scope-name``."""
    name, _, version = spec.rpartition("@")
    return f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"


def packed_archives(folder: Path) -> Path:
    """``folder`` with an archive of every pinned package, packed by ``npm pack`` where one is missing."""
    folder.mkdir(parents=True, exist_ok=True)
    missing = [spec for spec in pinned_packages() if not (folder / archive_name(spec)).exists()]
    for first in range(0, len(missing), BATCH):
        subprocess.run(
            ["npm", "pack", "--silent", *missing[first : first + BATCH]],
            cwd=folder,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder


def is_permissive(licence: object) -> bool:
    """Whether ``package.json``'s ``license`` names a permissive licence (:data:`PERMISSIVE`)."""
    return isinstance(licence, str) and any(name in licence.upper() for name in PERMISSIVE)


def package_licence(tar: tarfile.TarFile) -> object:
    """The ``license`` that the archive's ``package/package.json`` names; ``None`` without one."""
    try:
        manifest = json.load(tar.extractfile("package/package.json"))  # type: ignore[arg-type]
    except (KeyError, ValueError):
        return None
    return manifest.get("license") if isinstance(manifest, dict) else None


def package_texts(folder: Path) -> Iterator[tuple[str, str]]:
    """``(archive:path, text)`` of each Markdown or text file at the top two levels of each ``*.tgz`` of
    ``folder`` whose package is permissively licensed; licence files and short files left out."""
    for archive in sorted(folder.glob("*.tgz")):
        with tarfile.open(archive) as tar:
            if not is_permissive(package_licence(tar)):
                continue
            for member in tar.getmembers():
                name = member.name.lower()
                if (
                    not member.isfile()
                    or not name.endswith(SUFFIXES)
                    or "licen" in name
                    or name.count("/") > 2
                ):
                    continue
                handle = tar.extractfile(member)
                text = handle.read().decode("utf-8", "replace") if handle is not None else ""
                if len(text) >= MIN_CHARACTERS:
                    yield f"{archive.name}:{member.name}", text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, help="a folder of npm package archives (*.tgz) to read")
    parser.add_argument("--contexts", action="store_true", help="print each change in its text")
    args = parser.parse_args(argv)
    if args.folder is not None and not args.folder.is_dir():
        print(
            f"readmes: {args.folder} is no folder; name a folder of *.tgz archives with --folder",
            file=sys.stderr,
        )
        return 2
    folder = args.folder or packed_archives(build_corpora.DEFAULT_CACHE / "npm-readmes")
    records = list(package_texts(folder))
    kinds, words, seconds = mend_records(records, args.contexts)
    print_kinds(
        f"READMEs and change logs of the npm packages in {folder}",
        "texts",
        len(records),
        words,
        kinds,
        seconds,
    )
    print()
    print_settled_and_slowest(records, "texts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
