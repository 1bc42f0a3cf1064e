"""Licensed benchmark corpora by domain and language (see data/README.md for sources and licences).

Each corpus is ``data/<group>/<name>.jsonl.gz``: one JSON record per real document with the fields
``id``, ``title`` (a headline or page title, or None), ``text`` (clean prose, paragraphs separated by a
blank line), ``source`` and ``licence``. ``load(name)`` reads every file of a domain (``DOMAINS``) or a
language (``LANGUAGES``, ISO 639-1 codes) and returns its records sorted by id.

Splits: a document belongs to ``dev`` when the first 8 hex digits of SHA-256 of its id, read as an
integer, are even, and to ``test`` otherwise. The split depends on the id alone, so it never changes when
documents are added, and dev and test never share a document. Tune on ``dev``; report on ``test``.

>>> docs = load("news", "dev")
>>> sorted(docs[0]) == ["id", "licence", "source", "text", "title"]
True
"""

from __future__ import annotations

import gzip
import hashlib
import json
from functools import cache
from pathlib import Path

__all__ = ["DOMAINS", "LANGUAGES", "SPLITS", "files", "load", "split_of"]

DATA = Path(__file__).resolve().parent / "data"

# English domains: name -> the files (relative to data/, without .jsonl.gz) that make it up.
DOMAIN_FILES: dict[str, tuple[str, ...]] = {
    "fiction": ("fiction/moby-dick",),
    "news": ("news/reuters21578", "news/feeds-2002"),
    "technical": ("technical/python-docs", "technical/debian-install-en"),
    "scientific": ("scientific/medline-cc-by",),
    "informal": ("informal/mailing-lists", "informal/jargon-file", "informal/chatterbot"),
}
# Non-English clean text: ISO 639-1 code -> files.
LANGUAGE_FILES: dict[str, tuple[str, ...]] = {
    lang: (f"multilingual/{lang}", f"multilingual/{lang}-handbook")
    for lang in ("de", "fr", "es", "nl", "it", "pt", "ja", "zh")
}
LANGUAGE_FILES["nl"] += ("multilingual/nl-faq",)  # the Dutch handbook is only partly translated

DOMAINS: tuple[str, ...] = tuple(DOMAIN_FILES)
LANGUAGES: tuple[str, ...] = tuple(LANGUAGE_FILES)
SPLITS: tuple[str, ...] = ("all", "dev", "test")


def files(name: str) -> list[Path]:
    """The JSONL.gz files of a domain or language: files('news') -> [.../news/reuters21578.jsonl.gz]."""
    parts = DOMAIN_FILES.get(name) or LANGUAGE_FILES.get(name)
    if parts is None:
        known = ", ".join(DOMAINS + LANGUAGES)
        raise KeyError(f"no corpus named {name!r}; choose one of: {known}")
    return [DATA / f"{part}.jsonl.gz" for part in parts]


def split_of(doc_id: str) -> str:
    """'dev' or 'test' for a document id, from its SHA-256: split_of('x') is the same on every machine."""
    digest = hashlib.sha256(doc_id.encode("utf-8")).hexdigest()
    return "dev" if int(digest[:8], 16) % 2 == 0 else "test"


@cache
def _read(name: str) -> tuple[dict[str, str | None], ...]:
    records = [
        json.loads(line)
        for path in files(name)
        for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    ]
    return tuple(sorted(records, key=lambda record: record["id"]))


def load(name: str, split: str = "all") -> list[dict[str, str | None]]:
    """The records of a domain or language, sorted by id, for split 'all', 'dev' or 'test'.

    Each call returns fresh dicts, so a caller may change them freely.
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    return [dict(record) for record in _read(name) if split == "all" or split_of(str(record["id"])) == split]
