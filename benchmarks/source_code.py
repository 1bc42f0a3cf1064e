"""Code as text: source files through the default pipeline, each file one document. Scraped pages hold
code (a tutorial's listing, a style sheet or a script a scraper kept), and textmend must leave it as
written: does any file raise, change again on a second mend, or take long, and what does the pipeline
change, by kind?

Nearly every change here is a false one, but ftfy's own: it removes terminal escapes and control
characters, narrows wide characters and normalizes to NFC in code as in prose, as ``ftfy.fix_text``
does. ``--contexts`` prints each change in its text, to read them (docs/reliability.md).

The files, by default: the C headers of ``/usr/include``, Python's standard library, the Perl modules
of ``/usr/share/perl*``, and the scripts and style sheets (``*.js``, ``*.css``) of the permissively
licensed npm packages that ``benchmarks/readmes.py`` packs (pinned; in the corpora builder's cache).
``--folder DIR`` (repeatable) reads DIR's files of those kinds instead. Files over 400 kB, and files that
are not UTF-8, are left out; a text met twice is read once; at most ``--megabytes`` of each kind.

Run from the repository root: ``PYTHONPATH=src python benchmarks/source_code.py`` (about 20 s for
20 MB).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import sysconfig
import tarfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import readmes
from changed_words import mend_records, print_kinds, print_settled_and_slowest

#: The kinds of file read, by suffix.
SUFFIXES = (".h", ".py", ".pm", ".pl", ".sh", ".js", ".css")
LARGEST = 400_000  # bytes


def machine_folders() -> list[Path]:
    """The folders of source files this machine has: C headers, Python's library, Perl's modules."""
    folders = [Path("/usr/include"), Path(sysconfig.get_paths()["stdlib"])]
    folders += sorted(Path("/usr/share").glob("perl*"))
    return [folder for folder in folders if folder.is_dir()]


def folder_files(folders: Iterable[Path]) -> Iterator[tuple[str, bytes]]:
    """``(path, content)`` of each file of ``folders`` (searched through) with a suffix of
    :data:`SUFFIXES`, in path order."""
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in SUFFIXES and path.is_file() and not path.is_symlink():
                try:
                    yield str(path), path.read_bytes()
                except OSError:
                    continue


def archive_files(folder: Path) -> Iterator[tuple[str, bytes]]:
    """``(archive:path, content)`` of each script and style sheet of the permissively licensed
    packages among the ``*.tgz`` archives of ``folder`` (see ``readmes.package_texts``)."""
    for archive in sorted(folder.glob("*.tgz")):
        with tarfile.open(archive) as tar:
            if not readmes.is_permissive(readmes.package_licence(tar)):
                continue
            for member in tar.getmembers():
                if member.isfile() and member.name.endswith((".js", ".css")):
                    handle = tar.extractfile(member)
                    if handle is not None:
                        yield f"{archive.name}:{member.name}", handle.read()


def chosen_texts(files: Iterable[tuple[str, bytes]], megabytes: float) -> list[tuple[str, str]]:
    """The UTF-8 texts of ``files`` up to ``LARGEST`` bytes each, each content once, at most
    ``megabytes`` of each suffix."""
    seen: set[bytes] = set()
    budget: dict[str, float] = {}
    texts: list[tuple[str, str]] = []
    for name, content in files:
        suffix = Path(name).suffix
        if not content or len(content) > LARGEST or budget.get(suffix, 0.0) >= megabytes * 1e6:
            continue
        digest = hashlib.sha256(content).digest()
        if digest in seen:
            continue
        seen.add(digest)
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            continue
        budget[suffix] = budget.get(suffix, 0.0) + len(content)
        texts.append((name, text))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, action="append", help="a folder of source files (repeatable)")
    parser.add_argument("--megabytes", type=float, default=4.0, help="at most this much of each kind")
    parser.add_argument("--contexts", action="store_true", help="print each change in its text")
    args = parser.parse_args(argv)
    for folder in args.folder or ():
        if not folder.is_dir():
            print(
                f"source_code: {folder} is no folder; name a folder of source files with --folder",
                file=sys.stderr,
            )
            return 2
    if args.folder:
        files: Iterable[tuple[str, bytes]] = folder_files(args.folder)
        where = ", ".join(map(str, args.folder))
    else:
        archives = readmes.packed_archives(readmes.build_corpora.DEFAULT_CACHE / "npm-readmes")
        files = (*folder_files(machine_folders()), *archive_files(archives))
        where = "this machine's headers, Python and Perl libraries, and the pinned npm packages"
    records = chosen_texts(files, args.megabytes)
    if not records:
        print(f"source_code: no source file ({', '.join(SUFFIXES)}) in {where}", file=sys.stderr)
        return 2
    kinds, words, seconds = mend_records(records, args.contexts)
    by_suffix: dict[str, int] = {}
    for name, _ in records:
        by_suffix[Path(name).suffix] = by_suffix.get(Path(name).suffix, 0) + 1
    print_kinds(f"Source files ({where})", "files", len(records), words, kinds, seconds)
    print("files by kind: " + ", ".join(f"`{suffix}` {count}" for suffix, count in sorted(by_suffix.items())))
    print()
    print_settled_and_slowest(records, "files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
