"""Small corpora for the corpus tests: damaged, clean and teaser-carrying records with extra fields."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from conftest import SAMPLE

TEXTS = [
    "Letrsquo;s see how they are usedfor pain.",
    "Plain prose, a copy; not the original.",
    "Body text here.\nRelated\n-\nA Related Title\nA Related Title Its first words are cut off he",
    "caf\u00e9 and na\u00efve, \u201cquoted\u201d \u2014 clean",
    "",
    "The lsquo;resettingrsquo; of receptors.\nSecond line with music.The end",
]


def records(count: int) -> list[dict[str, Any]]:
    """``count`` records cycling through :data:`TEXTS` and the sample article, with pass-through fields."""
    texts = [*TEXTS, SAMPLE.read_text(encoding="utf-8")]
    return [
        {
            "id": number,
            "text": texts[number % len(texts)],
            "meta": {"url": f"https://example.org/{number}", "tags": ["a", f"t{number % 3}"]},
            "score": number / 7,
            "ok": number % 2 == 0,
            "none": None,
        }
        for number in range(count)
    ]


def write_jsonl(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    return path


def read_jsonl(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def mend_in_this_process(texts: list[str]) -> tuple[int, int]:
    """Mend ``texts``; return this process's id and how often it has loaded the English word list."""
    import textmend
    from textmend.lexicon import frequencies

    for text in texts:
        textmend.mend(text)
    return os.getpid(), frequencies.cache_info().misses
