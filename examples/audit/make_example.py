"""Build the example audit: damage a small licensed corpus the way scrapers do, then audit it.

    python examples/audit/make_example.py           # the report from input.jsonl.gz
    python examples/audit/make_example.py --damage  # first rebuild input.jsonl.gz from the clean corpora

It writes report.html, report.json and, when headless Chromium is installed, screenshot.png and
screenshot-samples.png. ``--damage`` finds ``corpora.py`` in benchmarks/ (or in $TEXTMEND_CORPORA).

The clean text is real and licensed: the 79 Reuters-21578 newswire stories and 24 pages of the German
and French Debian 12 installation guide that ``benchmarks/corpora.py`` loads (sources and licences in
``benchmarks/data/README.md``: Reuters-21578 terms, free distribution for research; GPL-2.0). Each
record gets a made-up ``url`` on one of five sites, and each site damages its pages in its own way
(seeded, so the input is the same on every run):

- ``news.example.com``: entities that lost their ``&`` (``Letrsquo;s``) or had it turned into a space;
- ``wire.example.net``: words glued together (``ofthe``) and double-escaped entities;
- ``blog.example.org``: related-article teaser blocks left at the end, and the title repeated on top;
- ``docs.example.de``: UTF-8 read as Windows-1252 (``fÃ¼r``), a few stripped entities;
- ``clean.example.org``: nothing, so the report shows what is left alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
INPUT = HERE / "input.jsonl.gz"
SEED = 19
SITES = ("news.example.com", "wire.example.net", "blog.example.org", "docs.example.de", "clean.example.org")
GUIDE_PAGES = {"de": 12, "fr": 12}  # installation-guide pages taken per language
# Typographic characters and the entity names scrapers turn them into.
ENTITIES = {"’": ("rsquo", "8217"), "“": ("ldquo", "8220"), "”": ("rdquo", "8221"), "é": ("eacute", "233")}
GLUE_AFTER = ("of", "the", "to", "in", "for", "and", "on", "with", "from", "that")


def clean_records() -> list[dict[str, Any]]:
    """The clean documents: every Reuters-21578 story and a few guide pages per language."""
    sys.path.insert(0, os.environ.get("TEXTMEND_CORPORA", str(ROOT / "benchmarks")))
    try:
        import corpora
    except ImportError:
        raise SystemExit(
            "benchmarks/corpora.py is missing: the clean corpora are needed for --damage"
        ) from None
    records = [r for r in corpora.load("news") if str(r["id"]).startswith("reuters")]
    for language, count in GUIDE_PAGES.items():
        records += corpora.load(language)[:count]
    return records


def typographic(text: str) -> str:
    """Straight quotes made curly, as a publishing system would: ``it's`` -> ``it’s``."""
    text = re.sub(r"(\w)'(\w)", "\\1’\\2", text)
    return re.sub(r'"([^"\n]{1,200})"', "“\\1”", text)


def strip_entities(text: str, rng: random.Random, forms: tuple[str, ...]) -> str:
    """Write some typographic characters as damaged entities, in the given forms."""

    def damaged(match: re.Match[str]) -> str:
        if rng.random() > 0.7:
            return match.group()
        name, number = ENTITIES[match.group()]
        form = rng.choice(forms)
        return {
            "dropped": f"{name};",
            "space": f" {name};",
            "numeric": f"#{number};",
            "double": f"&amp;{name};",
        }[form]

    return re.sub("[’“”é]", damaged, text)


def glue_words(text: str, rng: random.Random, rate: float = 0.15) -> str:
    """Drop the space after some common short words: ``part of the deal`` -> ``part ofthe deal``."""
    pattern = re.compile(rf"\b({'|'.join(GLUE_AFTER)}) (?=[a-z]{{3,}})")
    return pattern.sub(lambda m: m.group(1) if rng.random() < rate else m.group(), text)


def mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252, the commonest mojibake."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def headline(title: str) -> str:
    """A Reuters headline (upper case, with a ticker) as a web page would show it."""
    title = re.sub(r"\s*<[^>]*>", "", title).strip()
    return title.title() if title.isupper() else title


def teaser_block(others: list[dict[str, Any]], rng: random.Random) -> str:
    """Two or three related-article teasers: a separator, the title, the title run into its text."""
    lines = []
    for other in rng.sample(others, rng.randint(2, 3)):
        title = headline(other["title"] or "")
        excerpt = (title + " " + other["text"].replace("\n", " "))[:80]
        lines += ["—", title, excerpt]
    return "\n" + "\n".join(lines)


def damage(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The damaged corpus: each record assigned to a site and damaged as that site does."""
    rng = random.Random(SEED)
    out = []
    news = [r for r in records if str(r["id"]).startswith("reuters")]
    for number, record in enumerate(records):
        text = typographic(record["text"])
        guide = not str(record["id"]).startswith("reuters")
        site = "docs.example.de" if guide else SITES[rng.choice((0, 0, 1, 1, 2, 4))]
        if site == "news.example.com":
            text = strip_entities(text, rng, ("dropped", "dropped", "space", "numeric"))
        elif site == "wire.example.net":
            text = strip_entities(glue_words(text, rng), rng, ("double",))
        elif site == "blog.example.org":
            title = headline(record["title"] or "")
            if title and rng.random() < 0.6:
                text = f"{title}\n{title.replace(',', '')}\n{text}"
            text += teaser_block([r for r in news if r is not record and r["title"]], rng)
        elif site == "docs.example.de":
            text = mojibake(text) if rng.random() < 0.7 else strip_entities(text, rng, ("dropped",))
        out.append(
            {
                "id": record["id"],
                "url": f"https://{site}/{number:04d}",
                "title": record["title"],
                "text": text,
                "source": record["source"],
                "licence": record["licence"],
            }
        )
    return out


def write_input(records: list[dict[str, Any]]) -> None:
    data = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records).encode("utf-8")
    INPUT.write_bytes(gzip.compress(data, mtime=0))


def build(out: Path, *, screenshot: bool = True) -> Any:
    """Audit ``input.jsonl.gz`` into ``out``/report.html and report.json (and screenshot.png)."""
    from textmend.audit import audit_paths

    report = audit_paths(
        [str(INPUT.relative_to(ROOT))],
        str(out / "report.html"),
        str(out / "report.json"),
        group_by="url",
        command="textmend audit examples/audit/input.jsonl.gz -o report.html --json report.json "
        "--group-by url",
    )
    if screenshot:
        from textmend.audit.browser import chromium, missing_browser, open_page

        if missing_browser() is None:
            with chromium(width=1280, height=1500) as browser:
                open_page(browser, out / "report.html")
                browser.save_screenshot(str(out / "screenshot.png"))
            with chromium(width=1280, height=1000) as browser:
                open_page(browser, out / "report.html")
                browser.execute_script("document.getElementById('samples').scrollIntoView()")
                browser.save_screenshot(str(out / "screenshot-samples.png"))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--damage", action="store_true", help="rebuild input.jsonl.gz from the clean corpora")
    parser.add_argument("--out", type=Path, default=HERE, help="where to write the report (this folder)")
    args = parser.parse_args()
    if args.damage:
        write_input(damage(clean_records()))
    args.out = args.out.resolve()
    os.chdir(ROOT)  # the report records the input path relative to the repository
    report = build(args.out)
    print(
        f"{report.documents} documents, {report.touched} touched, {report.changes} changes; "
        f"wrote {args.out / 'report.html'}"
    )


if __name__ == "__main__":
    main()
