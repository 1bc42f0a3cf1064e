"""How fast textmend is next to ``ftfy.fix_text``, on the same texts, warm and cold; print markdown tables.

    python benchmarks/speed.py            # the full run (a few minutes on 2 cores)
    python benchmarks/speed.py --quick    # a small slice, once: checks that the script works

The texts (issue #18): real documents from the licensed corpora of ``benchmarks/corpora.py`` (sources
and licences in ``benchmarks/data/README.md``), and the bundled public-domain Austen prose cut into 4 KB
documents:

- clean: Austen as bundled (plain ASCII); Austen with typographic quotes and dashes (curly), with
  an acute accent on about one word in fifty (accented), and with a sign beyond Latin-1 (``€``, ``™``,
  ``→``, an emoji) after one word in a hundred (signs); the news, technical-documentation and
  informal (mailing lists, forum) domains as they are (test split);
- damaged, news (& to space): the news domain with every ``'``, ``"`` and ``&`` written as a
  reference whose ``&`` became a space (``Iraq #39;s``, `` quot;``, `` amp;``), as in scraped news
  rows; the rate (references per KB) is printed;
- damaged, abstracts (& dropped, and): the scientific abstracts of the test split as one line each,
  every ``'``, ``"``, ``&`` and character beyond ASCII that HTML names written as its reference
  without the ``&`` (``plusmn;``, ``#39;``) in even records, with the ``&`` turned into ``and``
  (``andplusmn;``) in odd ones;
- damaged (mixed): curly Austen with the damage textmend mends: entities that lost their ``&``
  (``Letrsquo;s``) and one well-formed ``&amp;`` per document, or in every tenth document the whole
  text as mojibake; then joined words (2% of word pairs) and three trailing related-article teasers;
  and mixed: curly Austen with every fourth document so damaged;
- short records: the first 100-300 bytes (cut at a space) of news and informal documents, as titles
  and comments are: the fixed cost per call, in microseconds per record.

Warm: megabytes (UTF-8) per CPU second, best of five runs (or of those that fit in three CPU seconds),
after one call. Cold: a fresh interpreter imports the tool, mends a warm-up sentence and teaser that load
every table it reads on first need (their cost is in the start-up figure), then makes
one pass over texts it has never seen (so every word is new to textmend's caches). CPU time
throughout, so that other work on a shared machine skews the ratios less. The corpus command
(``mend_file``) is timed with 1 and 2 workers on JSONL made of these sets (about 50 MB), each in a fresh
interpreter as ``textmend clean`` runs, with the parent process's share of a CPU (it reads, parses and
writes). Ratios are the point: absolute numbers vary.

Fitted: the default pipeline with a model fitted on the same set first (``textmend.fit`` then
``DEFAULT.with_model``, as ``textmend clean --fit`` does), warm, against ftfy; the fit's own speed
is shown too. Issue #18's goals hold for it as for the default pipeline.
"""

from __future__ import annotations

import argparse
import datetime
import html.entities
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

import corpora
import prose

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
if find_spec("textmend") is None:  # run from a checkout without installing: use its src/
    sys.path.insert(0, str(SRC))

DOCUMENT_SIZE = 4000
#: A short damaged text that needs every default step and every table textmend loads on first need
#: (the rare word "temporao" makes the words step read its English pair table, the junk "somany" the
#: books' junk pairs, "bluishcar" the adjectives, glue in a line of names the common words that judge
#: a line with few English markers), for the first call.
FIRST_CALL = (
    "The Title\nThe Title.\nIt\u00e2\u20ac\u2122s here: Letrsquo;s see how they are usedfor pain &amp; more"
    " in the temporao, somany say.\n"
    "\u201cQuoted,\u201d she said. A bluishcar.\nParis Berlin Madrid Rome Vienna Prague Warsaw usedfor\n"
    "-\nOther News\nOther News Its first words are cut"
)
#: What a cold interpreter mends before it is timed: one sentence and a teaser, so that every table
#: textmend loads on first need is loaded (the issue's cold pass starts with the word lists loaded): the
#: rare "temporao" reads the English pair tables (WordNet's 25 ms, the books' 20 ms), the junk "somany"
#: the books' junk pairs (2 ms), the heading compiles the teaser patterns (12 ms), "bluishcar" reads the
#: WordNet adjectives (9 ms) and glue in a line of names the English common words that judge a line with
#: few markers (11 ms). Their cost is in the start-up figure (FIRST_CALL loads them too), not in the cold
#: pass.
WARM_UP = (
    "Letrsquo;s see: the caf\u00c3\u00a9 is usedfor tea &amp; more in the temporao, somany say.\n"
    "A bluishcar.\nParis Berlin Madrid Rome Vienna Prague Warsaw usedfor\n\n"
    "Related articles:\nCity approves budget after long debate"
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


def signed(text: str, rng: random.Random) -> str:
    """A sign beyond Latin-1 (``€``, ``™``, ``→``, ``✓``, ``−``, an emoji) after one word in a hundred: clean
    web text that is no longer Latin-1 (a document with one such sign took the words step's Unicode path,
    nine times slower, until the thirtieth session)."""
    return _WORD_END.sub(lambda m: m[0] if rng.random() > 0.01 else m[0] + " " + rng.choice(_SIGNS), text)


_WORD_END = re.compile(r"\b[A-Za-z]+\b")
_SIGNS = ["\u20ac", "\u2122", "\u2192", "\u2713", "\u2212", "\U0001f600"]


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


_SPACED = {"&": " amp;", "'": " #39;", '"': " quot;"}
_NAMES = {chr(code): name for code, name in html.entities.codepoint2name.items() if code > 127}
_NAMES.update({"&": "amp", "'": "#39", '"': "quot"})


def spaced_entities(text: str) -> str:
    """News rows as scraped: every ``&``, ``'`` and ``"`` as a reference whose ``&`` became a space."""
    return text.translate(str.maketrans(_SPACED))  # type: ignore[arg-type]


def dropped_entities(text: str, ampersand: str) -> str:
    """An abstract as one line, every character HTML names written as its reference with the ``&``
    dropped (``ampersand=""``) or turned into ``"and"``."""
    line = " ".join(text.split("\n\n")).replace("\n", " ")
    return "".join(f"{ampersand}{_NAMES[c]};" if c in _NAMES else c for c in line)


def short_records(texts: list[str], rng: random.Random) -> list[str]:
    """The first 100-300 bytes of each text, cut at a space: titles and comments."""
    records = []
    for text in texts:
        cut = text.rfind(" ", 0, rng.randint(100, 300))
        if cut >= 100:
            records.append(text[:cut])
    return records


def damage_rate(damaged: list[str], clean: list[str]) -> float:
    """Repairs to make per KB of damaged text: references written in place of a character."""
    made = sum(
        len(re.findall(r"(?:and)?(?:#[0-9]+|[A-Za-z]+);", d)) - len(re.findall(r"\w;", c))
        for d, c in zip(damaged, clean, strict=True)
    )
    return made / (megabytes(damaged) * 1000)


def corpora_sets(quick: bool) -> tuple[dict[str, list[str]], dict[str, float]]:
    """The named sets of documents, and the damage rate of the damaged ones (repairs per KB)."""
    docs = documents(paragraphs())
    limit = 20 if quick else None
    docs = docs[:limit]
    rng = random.Random(8)
    curly_docs = [curly(d) for d in docs]
    damaged = [damage(d, rng, garbled=i % 10 == 9) for i, d in enumerate(curly_docs)]
    mixed = [damaged[i] if i % 4 == 3 else d for i, d in enumerate(curly_docs)]
    accented_docs = [accented(d, rng) for d in curly_docs]
    real = {
        name: [r["text"] or "" for r in corpora.load(name, "all" if name == "news" else "test")][:limit]
        for name in ("news", "technical", "informal", "scientific")
    }
    news_damaged = [spaced_entities(t) for t in real["news"]]
    abstracts = [dropped_entities(t, "and" if i % 2 else "") for i, t in enumerate(real["scientific"])]
    sets = {
        "clean": docs,
        "clean, curly": curly_docs,
        "clean, accented": accented_docs,
        "clean, signs": [signed(d, random.Random(9 + i)) for i, d in enumerate(curly_docs)],
        "clean news": real["news"],
        "clean technical": real["technical"],
        "clean informal": real["informal"],
        "damaged": damaged,
        "damaged news (& to space)": news_damaged,
        "damaged abstracts (& dropped, and)": abstracts,
        "mixed": mixed,
        "short records": short_records(real["news"] + real["informal"], rng),
    }
    rates = {
        "damaged news (& to space)": damage_rate(news_damaged, real["news"]),
        "damaged abstracts (& dropped, and)": damage_rate(
            abstracts, [" ".join(t.split("\n\n")).replace("\n", " ") for t in real["scientific"]]
        ),
    }
    return sets, rates


def megabytes(docs: list[str]) -> float:
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


# -- the tools -----------------------------------------------------------------------------------
def textmend_default() -> Tool:
    import textmend

    return textmend.mend


def ftfy_fix_text() -> Tool:
    import ftfy

    return ftfy.fix_text  # type: ignore[no-any-return]


TOOLS: dict[str, Callable[[], Tool]] = {"textmend": textmend_default, "ftfy": ftfy_fix_text}


def steps() -> dict[str, Tool]:
    """Each enabled step of the default pipeline on its own, and all of them but ``words``."""
    import textmend

    alone: dict[str, Tool] = {name: textmend.DEFAULT.only(name) for name in textmend.DEFAULT.enabled_names}
    alone["all but words"] = textmend.DEFAULT.disable("words")
    return alone


def fitted_pipeline(docs: list[str]) -> tuple[Tool, float]:
    """The default pipeline with a model fitted on ``docs``, and the fit's megabytes per CPU second."""
    import textmend

    start = time.process_time()
    model = textmend.fit(docs)
    seconds = time.process_time() - start
    return textmend.DEFAULT.with_model(model), megabytes(docs) / max(seconds, 1e-9)


def throughput(tool: Tool, docs: list[str], repeats: int, budget: float = 3.0) -> float:
    """Megabytes per CPU second, best of ``repeats`` runs over ``docs`` (fewer for a slow tool)."""
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
_IMPORTS = {
    "textmend": ("import textmend", "textmend.mend"),
    "ftfy": ("import ftfy", "ftfy.fix_text"),
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
    imports, call = _IMPORTS[tool]
    code = (
        f"import time\nSAMPLE = {FIRST_CALL!r}\ncpu, wall = time.process_time(), time.perf_counter()\n"
        f"{imports}\n{call}(SAMPLE)\nprint(time.process_time() - cpu, time.perf_counter() - wall)"
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


def cold(tool: str, docs: list[str], directory: Path) -> float:
    """Megabytes per CPU second of one first pass over ``docs`` in a fresh interpreter that has
    imported ``tool`` and mended :data:`WARM_UP`."""
    path = directory / "cold.json"
    path.write_text(json.dumps(docs), encoding="utf-8")
    imports, call = _IMPORTS[tool]
    code = (
        f"import json, time\n{imports}\nrun = {call}\nrun({WARM_UP!r})\n"
        f"docs = json.loads(open({str(path)!r}, encoding='utf-8').read())\n"
        "start = time.process_time()\nfor doc in docs:\n    run(doc)\nprint(time.process_time() - start)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=_environment(), capture_output=True, text=True, check=True
    )
    return megabytes(docs) / float(out.stdout)


def peak_memory(tool: str, quick: bool) -> float:
    """Peak resident megabytes of a fresh interpreter that runs ``tool`` over the mixed corpus."""
    command = [sys.executable, __file__, "--worker", tool] + (["--quick"] if quick else [])
    out = subprocess.run(command, env=_environment(), capture_output=True, text=True, check=True)
    return float(out.stdout)


def worker(tool: str, quick: bool) -> None:
    """The child side of :func:`peak_memory`: print this process's peak RSS in MB."""
    docs = corpora_sets(quick)[0]["mixed"]
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


# -- the corpus command --------------------------------------------------------------------------
def corpus_command(data: dict[str, list[str]], directory: Path, quick: bool) -> list[list[str]]:
    """``mend_file`` on JSONL made of every set (repeated to about 50 MB) with 1 and 2 workers, each run
    in a fresh interpreter that has imported textmend and mended :data:`WARM_UP` (as ``textmend clean``
    starts): MB/s of input per wall second, and the parent's CPU seconds per wall second (its share of
    one core). One worker mends in that interpreter; two start two worker processes, whose start-up is
    part of their time. (Mending in this script's own process, which has read these texts many times,
    would give one worker warm caches that no user's first run has.)"""
    texts = [doc for docs in data.values() for doc in docs]
    target_mb = 0.5 if quick else 50.0
    source = directory / "corpus.jsonl"
    size = 0.0
    with source.open("w", encoding="utf-8") as out:
        count = 0
        while size < target_mb * 1e6:
            for text in texts:
                line = json.dumps({"id": count, "text": text}, ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
                count += 1
    rows = []
    rates = {}
    for workers in (1, 2):
        wall, parent, children, _ = mend_file_in_fresh_process(
            source, directory / f"out-{workers}.jsonl", workers
        )
        rates[workers] = size / 1e6 / wall
        rows.append(
            [
                str(workers),
                f"{size / 1e6:.1f}",
                f"{wall:.1f}",
                f"{rates[workers]:.2f}",
                f"{rates[workers] / rates[1]:.2f}x",
                f"{parent / wall:.0%}",
                f"{children:.1f}",
                f"{size / 1e6 / (parent + children):.2f}",
            ]
        )
    return rows


def mend_file_in_fresh_process(source: Path, target: Path, workers: int) -> tuple[float, float, float, int]:
    """Wall seconds, the parent's CPU seconds, its worker processes' CPU seconds and the records written
    by ``mend_file`` with ``workers`` in a fresh interpreter (imports and the warm-up sentence done
    before the clock starts, as ``textmend clean`` starts; workers start as they do from the command).
    A skipped record fails the run: a benchmark of a run that lost records measures nothing."""
    code = (
        "import json, os, time\nimport textmend\nfrom textmend.corpus import mend_file\n"
        f"textmend.mend({WARM_UP!r})\n"
        "before, wall = os.times(), time.perf_counter()\n"
        f"report = mend_file({str(source)!r}, {str(target)!r}, workers={workers})\n"
        "after, wall = os.times(), time.perf_counter() - wall\n"
        "parent = after.user + after.system - before.user - before.system\n"
        "children = after.children_user + after.children_system\n"
        "children -= before.children_user + before.children_system\n"
        "print(json.dumps([wall, parent, children, report.written, report.skipped]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=_environment(), capture_output=True, text=True, check=True
    )
    wall, parent, children, written, skipped = json.loads(out.stdout)
    assert skipped == 0, f"{skipped} records of {source} were skipped"
    return float(wall), float(parent), float(children), int(written)


# -- checks that the comparison is fair ----------------------------------------------------------
def checks(data: dict[str, list[str]]) -> list[str]:
    """Clean prose must come through unchanged, and nothing ftfy would fix may be left behind."""
    import ftfy

    import textmend

    lines = []
    for name in [name for name in data if name.startswith("clean")]:
        changed = sum(1 for doc in data[name] if textmend.mend(doc) != doc)
        lines.append(f"{name}: textmend changed {changed} of {len(data[name])} documents")
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


#: The sets timed cold (a fresh interpreter each), and those each step is timed on alone.
COLD_SETS = (
    "clean news",
    "clean technical",
    "clean informal",
    "damaged news (& to space)",
    "damaged abstracts (& dropped, and)",
    "short records",
)
STEP_SETS = (
    "clean",
    "clean news",
    "clean technical",
    "damaged news (& to space)",
    "damaged abstracts (& dropped, and)",
    "damaged",
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
    data, rates = corpora_sets(args.quick)
    timed = {name: build() for name, build in TOOLS.items()}
    speed = {
        (tool, name): throughput(run, docs, repeats)
        for name, docs in data.items()
        for tool, run in timed.items()
    }
    fit_speed: dict[str, float] = {}
    for name, docs in data.items():
        fitted, fit_speed[name] = fitted_pipeline(docs)
        speed["fitted", name] = throughput(fitted, docs, repeats)
    with tempfile.TemporaryDirectory(prefix="textmend-speed-") as temporary:
        directory = Path(temporary)
        frozen = {(tool, name): cold(tool, data[name], directory) for name in COLD_SETS for tool in TOOLS}
        command = corpus_command(data, directory, args.quick)
    alone = steps()
    step_speed = {
        (step, name): throughput(run, data[name], repeats)
        for name in STEP_SETS
        for step, run in alone.items()
    }
    first = {tool: startup(tool, runs) for tool in _IMPORTS}
    memory = {tool: peak_memory(tool, args.quick) for tool in ["python", *_IMPORTS]}

    from textmend.fixers import _scan

    scanner = "compiled (C)" if _scan.COMPILED else "pure Python: pip install -e . builds the compiled one"
    print(
        f"textmend speed — {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{datetime.date.today()}{' (quick)' if args.quick else ''}; scanner: {scanner}\n"
    )
    print(
        f"Throughput, MB per CPU second: warm (best of {repeats}), cold (a first pass in a fresh "
        "process) and warm with a model fitted on the set (fitted; fit MB/s: the fit itself)\n"
    )
    rows = []
    for name, docs in data.items():
        warm = speed["textmend", name] / speed["ftfy", name]
        if name in COLD_SETS:
            cold_cells = [
                f"{frozen['textmend', name]:.1f}",
                f"{frozen['ftfy', name]:.1f}",
                f"{frozen['textmend', name] / frozen['ftfy', name]:.2f}x",
            ]
        else:
            cold_cells = ["-", "-", "-"]
        rows.append(
            [
                name,
                str(len(docs)),
                f"{megabytes(docs):.2f}",
                f"{speed['textmend', name]:.1f}",
                f"{speed['ftfy', name]:.1f}",
                f"{warm:.2f}x",
                *cold_cells,
                f"{speed['fitted', name]:.1f}",
                f"{speed['fitted', name] / speed['ftfy', name]:.2f}x",
                f"{fit_speed[name]:.1f}",
            ]
        )
    header = [
        "corpus",
        "docs",
        "MB",
        "textmend",
        "ftfy",
        "warm x ftfy",
        "cold textmend",
        "cold ftfy",
        "cold x ftfy",
        "fitted",
        "fitted x ftfy",
        "fit MB/s",
    ]
    print(table(header, rows))
    print(
        "\nDamage rates (repairs per KB): " + ", ".join(f"{name} {rate:.1f}" for name, rate in rates.items())
    )
    short = data["short records"]
    per = {tool: megabytes(short) / speed[tool, "short records"] / len(short) * 1e6 for tool in TOOLS}
    print(
        f"\nShort records ({len(short)}, {megabytes(short) * 1e6 / len(short):.0f} bytes on average), "
        "microseconds per record, warm\n"
    )
    print(table(["tool", "µs per record"], [[tool, f"{value:.0f}"] for tool, value in per.items()]))
    print("\nEach default step alone (and all but words), MB per CPU second, warm\n")
    print(
        table(
            ["corpus", *alone], [[name, *(f"{step_speed[s, name]:.1f}" for s in alone)] for name in STEP_SETS]
        )
    )
    print("\nShare of the default pipeline's time in the words step (1 - all but words / all), warm\n")
    print(
        table(
            ["corpus", "words share"],
            [
                [name, f"{1 - speed['textmend', name] / step_speed['all but words', name]:.0%}"]
                for name in STEP_SETS
            ],
        )
    )
    print(
        "\nThe corpus command (mend_file, JSONL in and out), by workers, each run in a fresh interpreter;"
        " parent = its CPU per wall second\n"
    )
    print(
        table(
            [
                "workers",
                "MB",
                "wall s",
                "MB/s",
                "x 1 worker",
                "parent CPU share",
                "workers' CPU s",
                "MB per CPU s",
            ],
            command,
        )
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

    def ratio(name: str, tool: str = "textmend") -> float:
        return speed[tool, name] / speed["ftfy", name]

    damaged_sets = ["damaged news (& to space)", "damaged abstracts (& dropped, and)", "damaged"]
    clean_cold = min(frozen["textmend", n] / frozen["ftfy", n] for n in COLD_SETS if n.startswith("clean"))
    two = float(command[1][4].rstrip("x"))
    targets = [
        (
            "damaged >= 1x ftfy on each damaged set",
            min(map(ratio, damaged_sets)) >= 1,
            ", ".join(f"{ratio(n):.2f}x" for n in damaged_sets),
        ),
        (
            "clean warm >= 5x ftfy",
            min(ratio(n) for n in ("clean", "clean news", "clean technical")) >= 5,
            ", ".join(f"{ratio(n):.2f}x" for n in ("clean", "clean news", "clean technical")),
        ),
        (
            "curly and accented >= 7x ftfy",
            min(ratio("clean, curly"), ratio("clean, accented")) >= 7,
            f"{ratio('clean, curly'):.1f}x, {ratio('clean, accented'):.1f}x",
        ),
        (
            "with a fitted model: damaged >= 1x ftfy",
            min(ratio(n, "fitted") for n in damaged_sets) >= 1,
            ", ".join(f"{ratio(n, 'fitted'):.2f}x" for n in damaged_sets),
        ),
        (
            "with a fitted model: clean warm >= 5x ftfy",
            min(ratio(n, "fitted") for n in ("clean", "clean news", "clean technical")) >= 5,
            ", ".join(f"{ratio(n, 'fitted'):.2f}x" for n in ("clean", "clean news", "clean technical")),
        ),
        ("cold clean >= 2x ftfy", clean_cold >= 2, f"{clean_cold:.2f}x at worst"),
        ("2 workers >= 1.6x one", two >= 1.6, f"{two:.2f}x"),
        ("first call < 0.5 s", first["textmend"][0] < 0.5, f"{first['textmend'][0]:.3f} s CPU"),
        ("peak memory < 200 MB", memory["textmend"] < 200, f"{memory['textmend']:.0f} MB"),
    ]
    print("\nTargets\n")
    for label, met, value in targets:
        print(f"- {label}: {'met' if met else 'NOT met'} ({value})")
    print(f"\n({time.perf_counter() - began:.0f} s; load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
