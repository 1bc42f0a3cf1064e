"""Real damage on real text: how often ``mend`` gives back exactly the clean record; print a table.

The records (``benchmarks/data/real-damage.jsonl``) are sentences of licensed news feed items and
scientific abstracts (sources and licences in ``benchmarks/data/README.md`` and in each record), each
either damaged once the way scrapers damage references in real news (the forms of ``FORMS``:
``the makers #39; union``, ``Iraq #39;s``, ``Barnes amp; Noble``, ``Ramp;D``, ``Randamp;D``,
``In  quot;helping``) or left clean as a look-alike that must come out unchanged (sentences with
``word;``, ``#``, ``and``, ``&`` and apostrophes). Each record's expected output was read by hand.

Usage: ``PYTHONPATH=src python benchmarks/real_damage.py`` prints the table;
``--build --data DIR`` rebuilds the records from the corpora in ``DIR`` (``news/feeds-2002.jsonl.gz``,
``scientific/medline-cc-by.jsonl.gz``, built by ``benchmarks/data/build_corpora.py``).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import platform
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

RECORDS = Path(__file__).resolve().parent / "data" / "real-damage.jsonl"
CORPORA = ("news/feeds-2002.jsonl.gz", "scientific/medline-cc-by.jsonl.gz")

_INITIALS = r"\b([A-Z]{1,2})&([A-Z]{1,2})\b"
_ACCENT_NAMES = {"\u00e9": "eacute;", "\u00e8": "egrave;", "\u00fc": "uuml;"}

#: Each damage form: a pattern that finds where it applies in a clean sentence, and the damage done
#: to the first match (the way real scraped news shows it).
FORMS: dict[str, tuple[str, Callable[[re.Match[str]], str]]] = {
    "plural possessive, & to space": (r"\b([A-Za-z]{2,}s)' ([a-z])", lambda m: f"{m[1]} #39; {m[2]}"),
    "contraction, & to space": (r"\b([A-Za-z]{2,})'(s|t|re|ve|ll|d)\b", lambda m: f"{m[1]} #39;{m[2]}"),
    "apostrophe, & dropped": (r"\b([A-Za-z]{2,})'(s|t|re|ve|ll|d)\b", lambda m: f"{m[1]}#39;{m[2]}"),
    "apostrophe, & to and": (r"\b([A-Z][a-z]{2,})'s\b", lambda m: f"{m[1]}andapos;s"),
    "apostrophe, double escaped": (r"\b([A-Za-z]{2,})'(s|t)\b", lambda m: f"{m[1]}&amp;#39;{m[2]}"),
    "quotes, & to space": (r'(\s)"([A-Za-z][^"]{2,60}?)"', lambda m: f"{m[1]} quot;{m[2]} quot;"),
    "ampersand between names, dropped": (r"\b([A-Z][a-z]+) & ([A-Z][a-z]+)", lambda m: f"{m[1]} amp; {m[2]}"),
    "ampersand between initials, dropped": (_INITIALS, lambda m: f"{m[1]}amp;{m[2]}"),
    "ampersand between initials, to and": (_INITIALS, lambda m: f"{m[1]}andamp;{m[2]}"),
    "accented letter, & dropped": (r"([a-z]*)([éèü])", lambda m: m[1] + _ACCENT_NAMES[m[2]]),
    "dash, & dropped": (r"(\w)\u2014(\w)", lambda m: f"{m[1]}mdash;{m[2]}"),
}  # fmt: skip
#: Look-alikes: clean sentences with what damage is made of; they must pass unchanged.
LOOK_ALIKES: dict[str, str] = {
    "a word before a semicolon": r"[a-z]{2,}; [a-z]",
    "a number sign": r"#\s?\d",
    "an ampersand": r"&",
    "a plural possessive": r"[a-z]s' [a-z]",
    "a contraction": r"[a-z]'[st] ",
    "and glued to nothing": r"\band [A-Z]",
}
#: How many records of each damage form, and of each kind of look-alike, at most.
PER_FORM = 16
PER_LOOK_ALIKE = 16


def sentences(data: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """Every sentence of 40 to 300 characters in the corpora, with its record's source and licence."""
    for name in CORPORA:
        with gzip.open(data / name, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                meta = {"source": record["source"], "licence": record["licence"]}
                for paragraph in record["text"].split("\n"):
                    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", paragraph):
                        if 40 <= len(sentence) <= 300:
                            yield sentence.replace("\u2019", "'"), meta


def _order(sentence: str) -> str:
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()


def build(data: Path) -> list[dict[str, str]]:
    """Damaged and look-alike records from the corpora in ``data``, in a fixed order."""
    pool = sorted({s: m for s, m in sentences(data)}.items(), key=lambda item: _order(item[0]))
    records: list[dict[str, str]] = []
    used: set[str] = set()
    for form, (pattern, damage) in FORMS.items():
        count = 0
        for sentence, meta in pool:
            match = re.search(pattern, sentence)
            if count == PER_FORM or match is None or sentence in used:
                continue
            damaged = sentence[: match.start()] + damage(match) + sentence[match.end() :]
            records.append({"input": damaged, "expected": sentence, "form": form, **meta})
            used.add(sentence)
            count += 1
    for kind, pattern in LOOK_ALIKES.items():
        count = 0
        for sentence, meta in pool:
            if count == PER_LOOK_ALIKE or sentence in used or re.search(pattern, sentence) is None:
                continue
            records.append({"input": sentence, "expected": sentence, "form": f"look-alike: {kind}", **meta})
            used.add(sentence)
            count += 1
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", action="store_true", help="rebuild the records from --data")
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parent / "data")
    parser.add_argument("--records", type=Path, default=RECORDS)
    parser.add_argument("--show", action="store_true", help="print every record that is not mended exactly")
    arguments = parser.parse_args()
    if arguments.build:
        records = build(arguments.data)
        with arguments.records.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{len(records)} records written to {arguments.records}")
        return
    import textmend

    records = [json.loads(line) for line in arguments.records.read_text(encoding="utf-8").splitlines()]
    total: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    for record in records:
        group = "look-alike" if record["form"].startswith("look-alike") else record["form"]
        mended = textmend.mend(record["input"])
        total[group] += 1
        exact[group] += mended == record["expected"]
        if arguments.show and mended != record["expected"]:
            print(f"{record['form']}: {record['input']!r}\n   -> {mended!r}\n   want {record['expected']!r}")
    print(f"{platform.machine()}, Python {platform.python_version()}, textmend {textmend.__version__}")
    print()
    print("| records | count | exact | exact match |")
    print("| --- | ---: | ---: | ---: |")
    for group in sorted(total, key=lambda g: (g == "look-alike", g)):
        print(f"| {group} | {total[group]} | {exact[group]} | {exact[group] / total[group]:.2f} |")
    all_total, all_exact = sum(total.values()), sum(exact.values())
    print(f"| **all** | {all_total} | {all_exact} | {all_exact / all_total:.3f} |")


if __name__ == "__main__":
    main()
