"""Build ``src/textmend/fixers/data/c-names.txt.gz``: the names of the C library's and the Linux kernel's
interfaces, as the Linux man-pages project names its pages of sections 2 and 3.

Technical prose names these functions bare (``asprintf``, ``tolower``, ``recvfrom``, ``localtime``,
``unlinkat``), and the ``words`` fixer read them as glue (``as printf``, ``to lower``, ``recv from``).
This script takes the page names of Debian's ``manpages-dev`` package (version 6.03-2, Debian 12:
``usr/share/man/man2`` and ``man3``): every name of lowercase ASCII letters, four to forty of them
(the runs the fixer reads; ``strtok_r`` or ``CIRCLEQ_EMPTY`` never is one). Only the names are kept,
which name the interfaces of the C library and the kernel: none of the pages' text (the pages are under
the GPL and other free licences, listed in the package's copyright file).

Output: one name per line after a header, sorted, gzip with a fixed mtime, so that a rebuild is
byte-identical. Which of them the fixer keeps whole is decided where it reads them
(``textmend.fixers._splitter.is_code_name``): not a name that reads as glue of function words (``asin``:
``as in``) or of two words books write apart (``atan``: ``at an``).

Run: ``python tools/build_c_names.py`` (needs ``apt-get`` and ``dpkg-deb``; downloads the package into a
temporary folder) or ``python tools/build_c_names.py --root DIR`` with it unpacked into ``DIR``.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from debian_data import unpacked, write_gzip

__all__ = ["build", "main", "names_of"]

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "manpages-dev=6.03-2"
OUTPUT = ROOT / "src" / "textmend" / "fixers" / "data" / "c-names.txt.gz"
SECTIONS = ("man2", "man3")
_NAME = re.compile(r"[a-z]{4,40}")
HEADER = (
    "# Names of the C library's and the Linux kernel's interfaces: the page names of sections 2 and 3 of"
    " the Linux man-pages project (Debian manpages-dev 6.03-2), lowercase ASCII letters, four to forty;"
    " names only, none of the pages' text. Built by tools/build_c_names.py.\n"
)


def names_of(root: Path) -> set[str]:
    """The page names of ``SECTIONS`` under ``root/usr/share/man`` that are runs of 4-40 lowercase letters."""
    names: set[str] = set()
    for section in SECTIONS:
        for page in (root / "usr" / "share" / "man" / section).iterdir():
            name = page.name.split(".", 1)[0]
            if _NAME.fullmatch(name):
                names.add(name)
    return names


def build(root: Path, output: Path = OUTPUT) -> int:
    """Write the list from the package unpacked in ``root``; how many names it keeps."""
    names = names_of(root)
    write_gzip(output, HEADER + "".join(f"{name}\n" for name in sorted(names)))
    return len(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, help="where the package is unpacked (else downloaded)")
    args = parser.parse_args(argv)
    if args.root is not None:
        count = build(args.root)
    else:
        with unpacked(PACKAGE) as root:
            count = build(root)
    print(f"{count} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
