"""Benchmark of the ``words`` fixer on Jane Austen's novels (bundled, public domain).

Two measurements, both for textmend's ``words`` fixer and for a naive segmenter (wordninja applied to
every token wordfreq does not know), in the same run:

* recall: in "documents" of about 300 words, one pair of adjacent words is glued (``used for`` ->
  ``usedfor``, ``with Anne`` -> ``withAnne``, ``pain. The`` -> ``pain.The``) and the document mended;
  a trial counts as recovered when the mended document equals the original exactly (for wordninja,
  when it splits the glued token into the two words). Pairs whose glued form is itself a word
  (``some one`` -> ``someone``, ``to day`` -> ``today``; zipf >= 3) are no damage and are skipped.
  Recall is reported by the rarer word of the pair: "common" (both zipf >= 5, about the 1,000 most
  frequent English words), zipf >= 4 (about 7,000 words) and all pairs.
* false splits: the untouched documents are mended; every change is a false split.

Run from the repository root: ``python benchmarks/words.py`` (with ``PYTHONPATH=src`` or textmend
installed; wordninja comes with the ``dev`` extra).

``python benchmarks/words.py --adversarial`` instead times inputs built to make the fixer work hardest,
each in a fresh process after a warm-up call, through the whole default pipeline: CPU seconds per MB
against 1 MB of the novels as one document, and peak memory growth per input byte.
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field

import prose
import wordninja

from textmend import Pipeline
from textmend.lexicon import zipf

DOCUMENT_WORDS = 300
TRIALS_PER_DOCUMENT = 2
SEED = 4
LEVELS = {"common": 5.0, "zipf>=4": 4.0, "all": 0.0}

_PAIR = {
    "lowercase": re.compile(r"(?<![\w'-])([a-z]+) ([a-z]+)(?![\w'-])"),
    "lower+Capital": re.compile(r"(?<![\w'-])([a-z]+) ([A-Z][a-z]+)(?![\w'-])"),
    "after . ! ?": re.compile(r"(?<![\w'-])([A-Za-z]{2,}[.!?]) ([A-Z][a-z]+)(?![\w'-])"),
}
_TOKEN = re.compile(r"[A-Za-z]+")


def documents() -> list[str]:
    """The novels as documents of about ``DOCUMENT_WORDS`` words, whole paragraphs each."""
    result: list[str] = []
    for paragraphs in prose.novels():
        current: list[str] = []
        words = 0
        for paragraph in paragraphs:
            current.append(paragraph)
            words += len(paragraph.split())
            if words >= DOCUMENT_WORDS:
                result.append("\n\n".join(current))
                current, words = [], 0
        if current:
            result.append("\n\n".join(current))
    return result


def wordninja_splits(token: str) -> list[str]:
    """The naive segmenter: wordninja's split of ``token`` if wordfreq does not know it, else the token."""
    return [token] if zipf(token.lower()) > 0 else wordninja.split(token)


@dataclass
class Tally:
    trials: int = 0
    recovered: dict[str, int] = field(default_factory=dict)

    def add(self, recovered: dict[str, bool]) -> None:
        self.trials += 1
        for name, success in recovered.items():
            self.recovered[name] = self.recovered.get(name, 0) + success

    def rate(self, name: str) -> str:
        return f"{100 * self.recovered.get(name, 0) / self.trials:.1f}%" if self.trials else "-"


def main() -> int:
    rng = random.Random(SEED)
    docs = documents()
    total_words = sum(len(doc.split()) for doc in docs)
    textmend_mend = Pipeline(["words"])
    names = ["textmend words", "wordninja"]

    # False splits on the untouched prose (every change is one), and the time taken.
    started = time.perf_counter()
    changes = [(doc, change) for doc in docs for change in textmend_mend.mend_document(doc).changes]
    seconds = {"textmend words": time.perf_counter() - started}
    started = time.perf_counter()
    ninja_splits = sum(len(wordninja_splits(token)) > 1 for doc in docs for token in _TOKEN.findall(doc))
    seconds["wordninja"] = time.perf_counter() - started
    false_splits = {"textmend words": len(changes), "wordninja": ninja_splits}

    # Recall on glued pairs, by how common the rarer of the two words is.
    tallies = {(kind, level): Tally() for kind in _PAIR for level in LEVELS}
    skipped = 0
    for doc in docs:
        for kind, pattern in _PAIR.items():
            pairs = list(pattern.finditer(doc))
            for match in rng.sample(pairs, min(TRIALS_PER_DOCUMENT, len(pairs))):
                left, right = match.group(1), match.group(2)
                glued = left + right
                if kind != "after . ! ?" and zipf(glued.lower()) >= 3.0:
                    skipped += 1
                    continue
                rarer = min(zipf(left.rstrip(".!?").lower()), zipf(right.lower()))
                damaged = doc[: match.start()] + glued + doc[match.end() :]
                recovered = {
                    "textmend words": textmend_mend(damaged) == doc,
                    "wordninja": [part.lower() for part in wordninja_splits(glued)]
                    == [left.lower(), right.lower()],
                }
                for level, floor in LEVELS.items():
                    if rarer >= floor:
                        tallies[kind, level].add(recovered)

    print(f"words benchmark: {len(docs)} documents, {total_words:,} words (Jane Austen), seed {SEED}")
    print(f"{skipped} sampled pairs skipped: their glued form is a word (zipf >= 3)\n")
    kinds = list(_PAIR)
    levels = " / ".join(LEVELS)
    header = [
        "segmenter",
        *[f"recall {kind} ({levels})" for kind in kinds],
        "false splits /100k words",
        "seconds",
    ]
    rows = []
    for name in names:
        cells = [name]
        cells += [" / ".join(tallies[kind, level].rate(name) for level in LEVELS) for kind in kinds]
        cells.append(f"{false_splits[name] * 100_000 / total_words:.2f} ({false_splits[name]})")
        cells.append(f"{seconds[name]:.1f}")
        rows.append(cells)
    trials = ["trials", *[" / ".join(str(tallies[kind, level].trials) for level in LEVELS) for kind in kinds]]
    _table(header, [*rows, [*trials, "", ""]])
    print(
        "\nrecall by the rarer word of the pair: common (zipf >= 5, about the 1,000 most frequent English"
        " words) / zipf >= 4 (about 7,000) / all pairs; false splits: count in brackets"
    )
    if changes:
        print("\ntextmend false splits:")
        for doc, change in changes[:20]:
            print(f"  {doc[max(0, change.start - 30) : change.end + 30]!r}: {change.reason}")
    return 0


def _table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


# -- adversarial inputs ----------------------------------------------------------------------------

MB = 1_000_000
ADVERSARIAL = (
    "prose",
    "one long word",
    "one long line",
    "5 MB prose",
    "distinct glued candidates",
    "4 x 250 kB, a glued candidate every 150 characters",
    "4 x 250 kB, a glued candidate every 210 characters",
    "camel-case glue",
    "no space after full stops",
)
_JOINERS = ("the", "of", "and", "for", "to", "in")


def adversarial_text(kind: str) -> list[str]:
    """The documents of one adversarial kind, about 1 MB in all (5 MB for "5 MB prose")."""
    from wordfreq import top_n_list

    text = "\n\n".join(prose.paragraphs())
    rng = random.Random(SEED)
    vocabulary = top_n_list("en", 20_000)
    if kind == "prose":
        return [text[:MB]]
    if kind == "5 MB prose":
        return [(text * (5 * MB // len(text) + 1))[: 5 * MB]]
    if kind == "one long line":
        return [re.sub(r"\s+", " ", text)[:MB]]
    if kind == "one long word":
        return [re.sub(r"[^a-z]", "", text.lower())[:MB]]
    if kind == "distinct glued candidates":
        glued = (
            rng.choice(vocabulary) + rng.choice(_JOINERS) + rng.choice(vocabulary) for _ in range(MB // 8)
        )
        return [" ".join(glued)[:MB]]
    if kind.startswith("4 x 250 kB"):
        every = int(kind.split()[-2])
        out, at = [], 0
        while (space := text.find(" ", at + every)) >= 0 and at < MB:
            out.append(
                text[at:space] + " " + rng.choice(vocabulary) + rng.choice(_JOINERS) + rng.choice(vocabulary)
            )
            at = space
        joined = "".join(out)[:MB]
        return [joined[i : i + 250_000] for i in range(0, len(joined), 250_000)]
    if kind == "camel-case glue":
        glued = (rng.choice(vocabulary) + rng.choice(vocabulary).capitalize() for _ in range(MB // 8))
        return [" ".join(glued)[:MB]]
    if kind == "no space after full stops":
        return [text.replace(". ", ".")[:MB]]
    raise KeyError(kind)


def time_adversarial(kind: str) -> dict[str, float]:
    """Mend one kind in this process after a warm-up call: CPU seconds, input bytes, peak growth."""
    import textmend

    textmend.mend("warm up: usedfor the pain.The ofthePresident managementThe well.nAmazon")
    documents = adversarial_text(kind)
    with open("/proc/self/statm") as statm:
        resident = int(statm.read().split()[1]) * resource.getpagesize()
    started = time.process_time()
    changes = sum(len(textmend.mend_document(document).changes) for document in documents)
    seconds = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    size = sum(len(document.encode("utf-8")) for document in documents)
    return {"seconds": seconds, "bytes": size, "growth": max(0, peak - resident), "changes": changes}


def adversarial() -> int:
    print("| input | MB | CPU s | s per MB | x prose | peak growth, bytes per input byte | changes |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    prose_rate = None
    for kind in ADVERSARIAL:
        run = subprocess.run(
            [sys.executable, __file__, "--adversarial-kind", kind], capture_output=True, text=True, check=True
        )
        result = json.loads(run.stdout.strip().splitlines()[-1])
        rate = result["seconds"] / (result["bytes"] / MB)
        prose_rate = prose_rate or rate
        print(
            f"| {kind} | {result['bytes'] / MB:.1f} | {result['seconds']:.2f} | {rate:.2f} | "
            f"{rate / prose_rate:.1f} | {result['growth'] / result['bytes']:.1f} | {result['changes']} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--adversarial-kind"]:
        print(json.dumps(time_adversarial(sys.argv[2])))
        sys.exit(0)
    sys.exit(adversarial() if sys.argv[1:] == ["--adversarial"] else main())
