"""This machine's manual pages through the whole default pipeline: technical English full of option
names, values and file names (``noatime``, ``ignoreboth``, ``brightred``), which the ``words`` step
must leave as written. Which changes does textmend make, and how many per 100k words?

Every ``--every``-th page of sections 1, 5 and 8 under ``/usr/share/man`` is rendered as ``man`` shows
it (``MANWIDTH=3000 man -P cat -l PAGE | col -bx``: no line is wrapped, so no word is hyphenated), or
``--rendered DIR`` reads pages rendered before (``*.txt``). ``--root DIR`` names another manual's tree:
a translation unpacked from Debian (``dpkg -x manpages-de_*.deb x``, then ``--root
x/usr/share/man/de``), whose text of its language must pass untouched. The pages differ from machine
to machine: the figures in docs/reliability.md name the machine's count. Pages hold some real glue of
their own (Google Cloud's generated pages: ``soonas``, ``optionon``); ``--contexts`` prints each change
in its text, to tell them apart by reading. A probe: nothing is tuned on it.

Run from the repository root: ``PYTHONPATH=src python benchmarks/manpages.py`` (two minutes to render
every 8th page, a few seconds to mend them).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from changed_words import mend_records, print_kinds

SECTIONS = ("man1", "man5", "man8")


def rendered_pages(root: Path, every: int) -> list[tuple[str, str]]:
    """(page, text) for every ``every``-th page of :data:`SECTIONS` under ``root``, rendered by ``man``
    and ``col``."""
    pages: list[tuple[str, str]] = []
    paths = [path for section in SECTIONS for path in sorted((root / section).glob("*"))]
    env = dict(os.environ, MANWIDTH="3000")
    for path in paths[every - 1 :: every]:
        man = subprocess.run(
            ["man", "-P", "cat", "-l", str(path)], capture_output=True, env=env, timeout=30, check=False
        )
        col = subprocess.run(["col", "-bx"], input=man.stdout, capture_output=True, timeout=30, check=False)
        text = "\n".join(line.rstrip() for line in col.stdout.decode("utf-8", "replace").splitlines())
        if text.strip():
            pages.append((path.name, text))
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=8, help="render every Nth page (default 8)")
    parser.add_argument("--rendered", type=Path, help="a folder of pages rendered before, *.txt")
    parser.add_argument(
        "--root", type=Path, default=Path("/usr/share/man"), help="the manual's tree (default /usr/share/man)"
    )
    parser.add_argument("--contexts", action="store_true", help="print each change in its text")
    args = parser.parse_args(argv)
    if args.rendered is not None:
        pages = [
            (path.name, path.read_text("utf-8", "replace")) for path in sorted(args.rendered.glob("*.txt"))
        ]
    elif not (args.root / "man1").is_dir():
        print(
            f"manpages: no man1 folder in {args.root}; name a manual's tree with --root DIR, or pages "
            "rendered before with --rendered DIR",
            file=sys.stderr,
        )
        return 2
    else:
        pages = rendered_pages(args.root, args.every)
    if not pages:
        print(f"manpages: no pages to read in {args.rendered}; it should hold *.txt", file=sys.stderr)
        return 2
    kinds, words, seconds = mend_records(pages, args.contexts)
    print_kinds("Manual pages through textmend.DEFAULT", "pages", len(pages), words, kinds, seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
