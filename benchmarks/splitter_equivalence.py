"""Does the fast scoring of new tokens answer as the full scoring did, on every token of the corpora?

    python benchmarks/splitter_equivalence.py            # every token (about 5 CPU minutes)
    python benchmarks/splitter_equivalence.py --limit 5000

Every distinct lowercase run of every document of ``benchmarks/corpora.py`` and of the sets of
``benchmarks/speed.py``, and each two neighbouring runs glued (``usedfor`` from ``used for``), is
scored both ways: :func:`~textmend.fixers._splitter.valid_parts` and ``Splitter.best_split`` in the
documents that stand for no document and for every one (what ``static_split`` and ``hopeful_split``
cache), ``Splitter.foreign`` and ``Splitter.plainly_whole``, against the plain forms kept in
``tests/test_speed_equivalence.py``. Prints how many tokens differ (the first few by name) and exits 1
if any does. On 2 December 2026: 0 of 1,153,035 tokens.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import sys
import time
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
if importlib.util.find_spec("textmend") is None:  # run from a checkout without installing: use its src/
    sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent / "tests"))  # the plain forms, and the conftest they import

import corpora  # noqa: E402
import speed  # noqa: E402

import test_speed_equivalence as plain  # noqa: E402
from textmend.fixers import _splitter  # noqa: E402

_RUN = regex.compile(r"\p{Ll}{2,40}")


def tokens() -> list[str]:
    """Every distinct lowercase run of the corpora and the speed sets, and each neighbouring two glued."""
    names = corpora.DOMAINS + corpora.LANGUAGES
    texts = [record["text"] or "" for name in names for record in corpora.load(name)]
    sets, _ = speed.corpora_sets(quick=False)
    texts += [text for docs in sets.values() for text in docs]
    found: dict[str, None] = {}
    for text in texts:
        runs = _RUN.findall(text)
        found.update(dict.fromkeys(runs))
        found.update(dict.fromkeys(a + b for a, b in itertools.pairwise(runs) if len(a + b) <= 40))
    return list(found)


def differs(splitter: _splitter.Splitter, token: str) -> str | None:
    """What the fast and plain scorings of ``token`` disagree on, if anything."""
    if _splitter.valid_parts(splitter, token) != plain.plain_valid_parts(splitter, token):
        return "valid_parts"
    for document in (_splitter._NO_DOCUMENT, _splitter._EVERY_WORD):
        if splitter.best_split(token, document) != plain.plain_best_split(splitter, token, document):
            return f"best_split in {type(document).__name__}"
    if splitter.foreign(token) != plain.plain_foreign(splitter, token):
        return "foreign"
    if splitter.plainly_whole(token) != plain.plain_plainly_whole(splitter, token):
        return "plainly_whole"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="score only the first LIMIT tokens")
    args = parser.parse_args()
    found = tokens()
    if args.limit:
        found = found[: args.limit]
    splitter = _splitter.Splitter()
    start = time.process_time()
    wrong = [(token, why) for token in found if (why := differs(splitter, token)) is not None]
    for token, why in wrong[:20]:
        print(f"differs: {token!r}: {why}")
    print(f"{len(wrong)} of {len(found)} tokens differ ({time.process_time() - start:.0f} CPU s)")
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
