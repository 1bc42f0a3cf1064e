"""Does a change meant only for speed leave every result as it was? Record, then compare, digests.

    python benchmarks/equivalence.py record /tmp/main.digests    # on the reference commit
    python benchmarks/equivalence.py compare /tmp/main.digests   # after each change

Every document of ``benchmarks/corpora.py`` (all English domains and the multilingual sets, both
splits) and every set of ``benchmarks/speed.py`` (clean, damaged, short records) goes through the
default pipeline; the digest of each document is the SHA-256 of its whole result (text, title, site,
teasers and every change with its reason, kind and evidence). ``compare`` prints each document whose
result differs, with the first difference, and exits 1 if any does.

``--fitted`` mends each document with a model fitted on its own group instead (a corpus's split or a
speed set: ``textmend.fit`` then ``DEFAULT.with_model``), for changes that touch the fitted paths.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

import corpora
import speed

HERE = Path(__file__).resolve().parent
if find_spec("textmend") is None:  # run from a checkout without installing: use its src/
    sys.path.insert(0, str(HERE.parent / "src"))

import textmend  # noqa: E402


def documents() -> Iterator[tuple[str, str]]:
    """(key, text) for every document of the corpora and of the speed sets."""
    for name in corpora.DOMAINS + corpora.LANGUAGES:
        for record in corpora.load(name):
            yield f"{name}/{record['id']}", record["text"] or ""
    sets, _ = speed.corpora_sets(quick=False)
    for name, docs in sets.items():
        for index, text in enumerate(docs):
            yield f"speed:{name}/{index}", text


def result(text: str, pipeline: textmend.Pipeline = textmend.DEFAULT) -> str:
    """The whole result of mending ``text`` with ``pipeline`` (the default), as canonical JSON."""
    return json.dumps(pipeline.mend_document(text).to_dict(), sort_keys=True, ensure_ascii=False)


def group_of(key: str) -> str:
    """The group a document's key names: ``news/12`` -> ``news``, ``speed:clean/3`` -> ``speed:clean``."""
    return key.rpartition("/")[0]


def pipelines(fitted: bool) -> dict[str, textmend.Pipeline]:
    """Per group, the pipeline its documents go through: the default, or one fitted on the group."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key, text in documents():
        groups[group_of(key)].append(text)
    if not fitted:
        return dict.fromkeys(groups, textmend.DEFAULT)
    return {group: textmend.DEFAULT.with_model(textmend.fit(texts)) for group, texts in groups.items()}


def digests(fitted: bool = False) -> dict[str, str]:
    by_group = pipelines(fitted)
    return {
        key: hashlib.sha256(result(text, by_group[group_of(key)]).encode("utf-8")).hexdigest()
        for key, text in documents()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("record", "compare"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--fitted", action="store_true", help="a model fitted on each document's group")
    args = parser.parse_args()
    start = time.process_time()
    found = digests(args.fitted)
    print(f"{len(found)} documents in {time.process_time() - start:.1f} CPU s", file=sys.stderr)
    if args.action == "record":
        args.path.write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")
        return
    expected = json.loads(args.path.read_text(encoding="utf-8"))
    texts = dict(documents())
    differ = [key for key in expected if found.get(key) != expected[key]]
    by_group = pipelines(args.fitted) if differ else {}
    for key in differ[:20]:
        print(f"differs: {key}: {result(texts[key], by_group[group_of(key)])[:300]}")
    print(f"{len(differ)} of {len(expected)} documents differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
