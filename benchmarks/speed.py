"""How fast textmend is, next to the tools users would pick instead, on the same inputs.

    python benchmarks/speed.py            # the full run (one to two minutes on 2 cores)
    python benchmarks/speed.py --quick    # a small slice, once: checks that the script works

It times textmend's default pipeline against ``ftfy.fix_text``, and textmend's run-together-words
step alone against ``wordninja.split`` on every unknown lowercase token, over four corpora built from
the bundled public-domain prose (``benchmarks/data/*.txt.gz``) cut into 4 KB documents:

- clean: the prose as bundled (plain ASCII);
- clean, curly: the same with typographic quotes and dashes, as most web text has;
- clean, accented: the curly prose with an acute accent on about one word in a hundred (``thé``),
  standing in for the names and loanwords of real prose;
- damaged: the curly prose with the damage textmend mends: typographic characters as entities that
  lost their ``&`` (``Letrsquo;s``) and one well-formed ``&amp;`` (ftfy's domain) per document, or,
  in every tenth document, the whole text as mojibake (``Itâ€™s``, ftfy's domain) instead; then
  joined words (``usedfor``, 2% of word pairs) and three trailing related-article teasers;
- mixed: the curly prose with every fourth document damaged.

Throughput is input megabytes (UTF-8) per CPU second, best of five runs (or of as many as fit in
three CPU seconds): CPU time, not wall time, so that other work on a shared machine skews the ratios
less (for this single-threaded work the two agree on an idle machine). Startup is ``import`` plus the
first call (which loads the word list), in a fresh interpreter, median of five, as CPU and as wall
time; peak memory is the maximum resident set size of a fresh interpreter that mends the mixed corpus.
Ratios are the point: absolute numbers vary from machine to machine.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

import prose

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
if find_spec("textmend") is None:  # run from a checkout without installing: use its src/
    sys.path.insert(0, str(SRC))

DOCUMENT_SIZE = 4000
#: A short damaged text that needs every default step, for the first call.
FIRST_CALL = (
    "The Title\nThe Title.\nItâ€™s here: Letrsquo;s see how they are usedfor pain &amp; more.\n"
    "\u201cQuoted,\u201d she said.\n-\nOther News\nOther News Its first words are cut"
)
Tool = Callable[[str], object]


# -- corpora -------------------------------------------------------------------------------------
def paragraphs() -> list[str]:
    """Every paragraph of the bundled novels, in order."""
    return prose.paragraphs()


def documents(paras: list[str], size: int = DOCUMENT_SIZE) -> list[str]:
    """Consecutive paragraphs joined into documents of about ``size`` characters."""
    docs: list[str] = []
    current: list[str] = []
    length = 0
    for para in paras:
        current.append(para)
        length += len(para) + 2
        if length >= size:
            docs.append("\n\n".join(current))
            current, length = [], 0
    if current:
        docs.append("\n\n".join(current))
    return docs


def curly(text: str) -> str:
    """Typographic quotes and dashes: ``"Don't--"`` becomes ``“Don’t—”``."""
    text = text.replace("--", "\u2014")
    text = re.sub(r"(?<![\w.,!?;:\u2014])'", "\u2018", text)
    text = text.replace("'", "\u2019")
    text = re.sub(r'(?<![\w.,!?;:\u2014])"', "\u201c", text)
    return text.replace('"', "\u201d")


def mojibake(text: str) -> str:
    """``text`` as UTF-8 bytes misread as Windows-1252 (``’`` becomes ``â€™``)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


def accented(text: str, rng: random.Random) -> str:
    """An acute accent on the first ``e`` of one word in fifty of those that have one."""
    return _WORD_WITH_E.sub(lambda m: m[0] if rng.random() > 0.02 else m[1] + "\u00e9" + m[2], text)


_WORD_WITH_E = re.compile(r"\b([a-df-z]*)e(\w*)")
_STRIPPED = {
    "\u2019": "rsquo;",
    "\u2018": "lsquo;",
    "\u201c": "ldquo;",
    "\u201d": "rdquo;",
    "\u2014": "mdash;",
}
_WORD_PAIR = re.compile(r"\b([a-z]{2,}) ([a-z]{2,})\b")


def damage(doc: str, rng: random.Random, garbled: bool) -> str:
    """Damage a curly document the way scrapers do (see the module docstring)."""
    if garbled:
        body = mojibake(doc)
    else:
        body = doc.translate(str.maketrans(_STRIPPED)).replace(" and ", " &amp; ", 1)  # type: ignore[arg-type]
    body = _WORD_PAIR.sub(lambda m: m[0] if rng.random() > 0.02 else m[1] + m[2], body)
    paras = [para for para in body.split("\n\n") if len(para.split()) >= 12] or [body]
    teasers = []
    for _ in range(3):
        words = rng.choice(paras).split()[:12]
        title = " ".join(words[:5]).strip(".,;:!?")
        snippet = f"{title} {' '.join(words[5:])}"[:60]
        teasers.append(f"-\n{title}\n{snippet}")
    return body + "\n" + "\n".join(teasers)


def corpora(quick: bool) -> dict[str, list[str]]:
    docs = documents(paragraphs())
    if quick:
        docs = docs[:20]
    rng = random.Random(8)
    curly_docs = [curly(d) for d in docs]
    damaged = [damage(d, rng, garbled=i % 10 == 9) for i, d in enumerate(curly_docs)]
    mixed = [damaged[i] if i % 4 == 3 else d for i, d in enumerate(curly_docs)]
    accented_docs = [accented(d, rng) for d in curly_docs]
    return {
        "clean": docs,
        "clean, curly": curly_docs,
        "clean, accented": accented_docs,
        "damaged": damaged,
        "mixed": mixed,
    }


def megabytes(docs: list[str]) -> float:
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


# -- the tools -----------------------------------------------------------------------------------
# Each builder imports only what its tool needs, so that a worker's memory is that tool's own.
def textmend_default() -> Tool:
    import textmend

    return textmend.mend


def ftfy_fix_text() -> Tool:
    import ftfy

    return ftfy.fix_text  # type: ignore[no-any-return]


def textmend_words() -> Tool:
    import textmend

    return textmend.DEFAULT.only("words")


def wordninja_unknown() -> Tool:
    """What a segmenter does for this job: split each distinct unknown lowercase token."""
    import regex
    import wordninja
    from wordfreq import get_frequency_dict

    known = get_frequency_dict("en", "best")  # the word list textmend uses
    token = regex.compile(r"\b[a-z]{5,40}\b")
    return lambda text: [wordninja.split(t) for t in set(token.findall(text)).difference(known)]


TOOLS: dict[str, Callable[[], Tool]] = {
    "textmend": textmend_default,
    "ftfy": ftfy_fix_text,
    "words step": textmend_words,
    "wordninja": wordninja_unknown,
}


def steps() -> dict[str, Tool]:
    """Each enabled step of the default pipeline on its own, and all of them but ``words``."""
    import textmend

    alone: dict[str, Tool] = {name: textmend.DEFAULT.only(name) for name in textmend.DEFAULT.enabled_names}
    alone["all but words"] = textmend.DEFAULT.disable("words")
    return alone


def throughput(tool: Tool, docs: list[str], repeats: int, budget: float = 3.0) -> float:
    """Megabytes per CPU second, best of ``repeats`` runs over ``docs`` (fewer for a slow tool).

    Runs stop once they have taken ``budget`` CPU seconds, so that the whole benchmark stays within a
    few minutes whatever the speed of the fixers.
    """
    tool(docs[0])
    best = float("inf")
    spent = 0.0
    for _ in range(repeats):
        start = time.process_time()
        for doc in docs:
            tool(doc)
        elapsed = time.process_time() - start
        best, spent = min(best, elapsed), spent + elapsed
        if spent > budget:
            break
    return megabytes(docs) / best


# -- fresh interpreters --------------------------------------------------------------------------
_STARTUP = {
    "textmend": ("import textmend", "textmend.mend(SAMPLE)"),
    "ftfy": ("import ftfy", "ftfy.fix_text(SAMPLE)"),
    "wordninja": ("import wordninja", "wordninja.split('usedfor')"),
}


def _environment() -> dict[str, str]:
    """The environment for child interpreters: the textmend this script imports must be theirs."""
    import textmend

    env = dict(os.environ)
    package_parent = str(Path(textmend.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    return env


def startup(tool: str, runs: int) -> tuple[float, float]:
    """Median CPU and wall seconds for ``import`` plus the first call, each in a fresh interpreter."""
    imports, call = _STARTUP[tool]
    code = (
        f"import time\nSAMPLE = {FIRST_CALL!r}\ncpu, wall = time.process_time(), time.perf_counter()\n"
        f"{imports}\n{call}\nprint(time.process_time() - cpu, time.perf_counter() - wall)"
    )
    env = _environment()
    cpu, wall = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        cpu.append(float(out.stdout.split()[0]))
        wall.append(float(out.stdout.split()[1]))
    return statistics.median(cpu), statistics.median(wall)


def peak_memory(tool: str, quick: bool) -> float:
    """Peak resident megabytes of a fresh interpreter that runs ``tool`` over the mixed corpus."""
    command = [sys.executable, __file__, "--worker", tool] + (["--quick"] if quick else [])
    out = subprocess.run(command, env=_environment(), capture_output=True, text=True, check=True)
    return float(out.stdout)


def worker(tool: str, quick: bool) -> None:
    """The child side of :func:`peak_memory`: print this process's peak RSS in MB."""
    docs = corpora(quick)["mixed"]
    if tool != "python":
        run = TOOLS[tool]()
        for doc in docs:
            run(doc)
    print(_peak_rss_megabytes())


def _peak_rss_megabytes() -> float:
    """This process's peak resident set size (VmHWM: unlike ru_maxrss, not inherited over fork+exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (
        1 << 20 if sys.platform == "darwin" else 1024
    )


# -- checks that the comparison is fair ----------------------------------------------------------
def checks(data: dict[str, list[str]]) -> list[str]:
    """Clean prose must come through unchanged, and nothing ftfy would fix may be left behind."""
    import ftfy

    import textmend

    lines = []
    for name in ("clean", "clean, curly", "clean, accented"):
        changed = sum(1 for doc in data[name] if textmend.mend(doc) != doc)
        lines.append(f"{name}: textmend changed {changed} of {len(data[name])} documents (0 expected)")
    # textmend keeps quotes curly (ASCII is the opt-in `ascii` step), so ask ftfy the same.
    leftover = sum(
        1
        for doc in data["damaged"]
        if ftfy.fix_text(out := textmend.mend(doc), uncurl_quotes=False) != out  # type: ignore[arg-type]
    )
    lines.append(
        f"damaged: ftfy still finds something to fix in {leftover} of {len(data['damaged'])} mended docs"
    )
    return lines


# -- the report ----------------------------------------------------------------------------------
def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [header, ["-" * w for w in widths], *rows]
    return "\n".join(
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in lines
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small slice, run once")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.quick)
        return
    repeats, runs = (1, 1) if args.quick else (5, 5)
    began = time.perf_counter()
    data = corpora(args.quick)
    timed = {name: build() for name, build in TOOLS.items()}
    speed = {
        (tool, name): throughput(run, docs, repeats)
        for name, docs in data.items()
        for tool, run in timed.items()
    }
    alone = steps()
    step_speed = {
        (step, name): throughput(run, docs, repeats)
        for name, docs in data.items()
        for step, run in alone.items()
    }
    first = {tool: startup(tool, runs) for tool in _STARTUP}
    memory = {tool: peak_memory(tool, args.quick) for tool in ["python", *_STARTUP]}

    print(
        f"textmend speed — {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{datetime.date.today()}{' (quick)' if args.quick else ''}\n"
    )
    rows = [
        [
            name,
            f"{megabytes(docs):.2f}",
            f"{speed['textmend', name]:.1f}",
            f"{speed['ftfy', name]:.1f}",
            f"{speed['textmend', name] / speed['ftfy', name]:.1f}x",
            f"{speed['words step', name]:.1f}",
            f"{speed['wordninja', name]:.1f}",
            f"{speed['words step', name] / speed['wordninja', name]:.1f}x",
        ]
        for name, docs in data.items()
    ]
    header = [
        "corpus",
        "MB",
        "textmend",
        "ftfy",
        "textmend/ftfy",
        "words step",
        "wordninja",
        "words/wordninja",
    ]
    print(f"Throughput, MB per CPU second (best of {repeats}, or of the runs that fit in 3 s)\n")
    print(table(header, rows))
    print("\nEach default step alone (and all but words), MB per CPU second\n")
    print(
        table(["corpus", *alone], [[name, *(f"{step_speed[s, name]:.1f}" for s in alone)] for name in data])
    )
    print("\nStartup and memory (fresh interpreter each)\n")
    rows = [
        [
            tool,
            f"{first[tool][0]:.3f}" if tool in first else "-",
            f"{first[tool][1]:.3f}" if tool in first else "-",
            f"{memory[tool]:.0f}",
        ]
        for tool in memory
    ]
    print(table(["tool", "import + first call, CPU s", "wall s", "peak RSS on mixed, MB"], rows))
    print("\nChecks\n")
    for line in checks(data):
        print(f"- {line}")
    clean_ratio = min(
        speed["textmend", n] / speed["ftfy", n] for n in ("clean", "clean, curly", "clean, accented")
    )
    targets = [
        ("clean prose >= 5x ftfy", clean_ratio >= 5, f"{clean_ratio:.1f}x"),
        (
            "damaged prose >= ftfy",
            speed["textmend", "damaged"] >= speed["ftfy", "damaged"],
            f"{speed['textmend', 'damaged'] / speed['ftfy', 'damaged']:.1f}x",
        ),
        (
            "first call < 0.5 s",
            first["textmend"][0] < 0.5,
            f"{first['textmend'][0]:.3f} s CPU, {first['textmend'][1]:.3f} s wall",
        ),
        ("peak memory < 200 MB", memory["textmend"] < 200, f"{memory['textmend']:.0f} MB"),
    ]
    print("\nTargets\n")
    for label, met, value in targets:
        print(f"- {label}: {'met' if met else 'NOT met'} ({value})")
    print(f"\n({time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
