"""The bundled public-domain prose the benchmarks read: Jane Austen's novels (see data/README.md)."""

from __future__ import annotations

import gzip
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def novels() -> list[list[str]]:
    """Each bundled novel as the list of its paragraphs, in file order."""
    return [
        gzip.decompress(path.read_bytes()).decode("utf-8").split("\n\n")
        for path in sorted(DATA.glob("*.txt.gz"))
    ]


def paragraphs() -> list[str]:
    """Every paragraph of the bundled novels that is not blank, in order."""
    return [paragraph for novel in novels() for paragraph in novel if paragraph.strip()]
