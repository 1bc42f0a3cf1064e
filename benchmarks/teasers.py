"""Benchmark of the ``teasers`` and ``titles`` fixers on real news prose and real headlines.

The documents are real newswire articles with their real headlines (the licensed news corpus in
``benchmarks/data/news/``, read as ``corpora.py`` describes: JSONL.gz records with ``id``, ``title``,
``text``; the split by a hash of the id). Each article gets page furniture generated around it, seeded,
in every form the ``teasers`` fixer takes, with other articles' headlines as the linked titles and their
first words as snippets:

- ``seed``: separators and/or a heading, titles above snippets that repeat them, cut at one width;
- ``list``: a heading (random, from several languages, with or without ``:``), then 1-6 titles on plain
  lines or behind one random bullet (``-``, ``•``, ``*``, ``–``, ``►``, ``1.``, ``1)``);
- ``read-more``: 1-3 trailing ``Read more: <title>`` lines with random labels;
- ``read-more inline``: 1-2 such lines alone between two paragraphs inside the body;
- ``pairs``: a heading, then 1-4 titles each above its article's first words cut with a random mark;
- ``mixture``: two of the above, one above the other (or an inline line and a trailing block).

Headlines keep the corpus's capitals or are set in sentence or title case, one style per page, as sites
do. Blank lines between lines and a final newline are random. Documents ending in content lists
(ingredients, numbered steps, references, key dates, bylines, bullet points that are sentences,
products, film titles under "The winners:", headlines under an unknown heading, a short closing line, a
heading phrase in prose) must come out unchanged; so must the articles as they are. Title forms:
the headline twice, the page title with a site's name above it, the headline glued to the first
sentence, and both of the last two.

Exact means: body text, every teaser field (title, snippet, truncated, excerpt, separator, heading,
form, bullet), title and site name all as generated.

With ``--corpus``, the pages carry teasers with no heading at all, as many sites print them: one to
four other articles' headlines on bare lines (plain or behind one bullet), or a single headline under
the body. Only the corpus can tell these from the article's own last lines, so they are run twice:
without a model and with a :class:`~textmend.CorpusModel` of the corpus's titles (every article's
headline, as ``textmend.fit`` counts the ``title`` field of records), and the content lists and
articles must still come out unchanged with the model.

Run from the repository root: ``python benchmarks/teasers.py [--news DIR] [--split test|dev|all]
[--corpus]`` (``PYTHONPATH=src`` or installed). ``DIR`` defaults to ``$TEXTMEND_NEWS_DATA`` or
``benchmarks/data/news``. Tune on ``dev``; the docs quote ``test``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from textmend import CorpusModel, Document, Pipeline, Teaser
from textmend.corpus_model import normal_title

SEED = 14
ROUNDS = 12  # each article gets each form this many times, differently each time
PIPELINE = Pipeline(["teasers", "titles"])

HEADINGS = [
    "Related",
    "Related Articles",
    "Related stories",
    "You may also like",
    "You might also like",
    "More from Business",
    "More from Markets",
    "Recommended for you",
    "Most popular",
    "Most read",
    "Read next",
    "See also",
    "Trending now",
    "Top stories",
    "Editor's picks",
    "Don't miss",
    "MOST POPULAR",
    "Mehr zum Thema",
    "Lesen Sie auch",
    "\u00c0 lire aussi",
    "Sur le m\u00eame sujet",
    "Te puede interesar",
    "Noticias relacionadas",
]
LABELS = [
    "Read more:",
    "READ MORE:",
    "Related:",
    "Also read:",
    "Read also:",
    "See also:",
    "ALSO READ |",
    "Lesen Sie auch:",
    "Lire aussi :",
    "Lee tambi\u00e9n:",
]
BULLETS = [None, "-", "\u2022", "*", "\u2013", "\u25ba", "1.", "1)"]
SEPARATORS = ["-", "\u2014", "*"]
CUT_MARKS = ["...", "\u2026", " ...", " \u2026", " [\u2026]"]
WIDTHS = [60, 75, 80, 100, 120, 150, 160, 200, 57, 64, 93, 110, 137, 171, 233]
SITES = ["Reuters", "The Daily Ledger", "Business Wire Today", "Market News", "The Gazette", "Oil Daily"]
SITE_SEPARATORS = [" | ", " - ", " \u2014 ", " \u2013 "]
SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "to", "and", "or", "for", "at", "by", "with", "as"}
FORMS = ["seed", "list", "read-more", "read-more inline", "pairs", "mixture"]


# -- the corpus ----------------------------------------------------------------------------------------
def news_dir(option: str | None) -> Path:
    here = Path(__file__).resolve().parent
    return Path(option or os.environ.get("TEXTMEND_NEWS_DATA") or here / "data" / "news")


def split_of(doc_id: str) -> str:
    """'dev' or 'test', as corpora.py splits: the first 8 hex digits of SHA-256 of the id, even or odd."""
    return "dev" if int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "test"


def load(directory: Path, split: str, source: str = "") -> list[dict[str, str]]:
    """The titled records of every ``*.jsonl.gz`` in ``directory`` whose file name contains ``source``."""
    records = []
    for path in sorted(p for p in directory.glob("*.jsonl.gz") if source in p.name):
        for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
            record = json.loads(line)
            if record.get("title") and (split == "all" or split_of(str(record["id"])) == split):
                records.append(record)
    if not records:
        raise SystemExit(f"no news records with titles in {directory}; pass --news DIR")
    return sorted(records, key=lambda record: str(record["id"]))


# -- headlines, as a page sets them ---------------------------------------------------------------------
def styled(headline: str, style: str) -> str:
    """The headline in capitals (as the corpus has it), sentence case or title case; ticker symbols
    (``<AXP>``) stay in capitals."""
    words = headline.split()

    def capitalised(word: str) -> str:
        lead = len(word) - len(word.lstrip("'\"\u2018\u201c("))
        return word[:lead] + word[lead:].capitalize()

    def cased(index: int, word: str) -> str:
        if "<" in word or ">" in word or style == "caps":
            return word
        if index == 0 or (style == "title" and word.lower() not in SMALL_WORDS):
            return capitalised(word)
        return word.lower()

    return " ".join(cased(index, word) for index, word in enumerate(words))


# Markup some corpus texts keep (``_Name_:``, ``*Comment:*``, ``[IMG: ...]``), which a page renders.
_MARKUP = re.compile(r"\[IMG:[^\]]*\]\s*|(?<!\w)[_*]|[_*](?!\w)")


# HTML tags two weblog feeds left in their titles (``<strong>Two New AmphetaDesk Hacks</strong>``): a
# page renders them, so a scraper's text has none (Reuters' ``<AXP>`` ticker marks are text and stay).
_TITLE_TAGS = re.compile(r"</?strong>")


def rendered(headline: str) -> str:
    """A headline as a page shows it: HTML tags rendered."""
    return _TITLE_TAGS.sub("", headline)


def first_words(text: str) -> str:
    """The start of an article as a teaser shows it: its first paragraph, markup rendered."""
    return " ".join(_MARKUP.sub("", text.split("\n\n")[0]).split())


class Page:
    """One generated page: its lines of furniture and the Teasers they hold."""

    def __init__(self, rng: random.Random, others: list[dict[str, str]]) -> None:
        self.rng = rng
        self.others = others
        self.style = rng.choice(["caps", "sentence", "title"])
        self.unused = list(others)

    def linked(self, count: int) -> list[tuple[str, str]]:
        """``count`` other articles not linked before on this page: (headline as styled, first words)."""
        chosen = self.rng.sample(self.unused, count)
        self.unused = [other for other in self.unused if other not in chosen]
        return [(styled(rendered(o["title"]), self.style), first_words(o["text"])) for o in chosen]

    def gap(self) -> str:
        return self.rng.choice(["\n", "\n", "\n\n"])

    def list_block(self) -> tuple[str, list[Teaser]]:
        heading = self.rng.choice(HEADINGS) + self.rng.choice(["", "", ":"])
        bullet = self.rng.choice(BULLETS)
        gap = self.gap()
        lines, teasers = [heading], []
        for number, (title, _) in enumerate(self.linked(self.rng.randint(1, 6)), 1):
            mark = bullet if bullet is None or not bullet[0].isdigit() else f"{number}{bullet[1]}"
            lines.append(f"{mark} {title}" if mark else title)
            teasers.append(Teaser(title, "", False, "", None, heading, "list", mark))
        return gap.join(lines), teasers

    def read_more_block(self) -> tuple[str, list[Teaser]]:
        lines, teasers = [], []
        for title, _ in self.linked(self.rng.randint(1, 3)):
            label = self.rng.choice(LABELS)
            lines.append(f"{label} {title}")
            teasers.append(Teaser(title, "", False, "", None, label, "read-more"))
        return "\n".join(lines), teasers

    def pairs_block(self) -> tuple[str, list[Teaser]]:
        heading = self.rng.choice(HEADINGS) + self.rng.choice(["", ":"])
        width = self.rng.choice(WIDTHS)
        mark = self.rng.choice(CUT_MARKS)
        lines, teasers = [heading], []
        for title, words in self.linked(self.rng.randint(1, 4)):
            cut = len(words) > width
            snippet = words[:width].rstrip() + mark if cut else words
            lines += [title, snippet]
            teasers.append(Teaser(title, snippet, cut, snippet, None, heading, "pairs"))
        return self.gap().join(lines), teasers

    def seed_block(self) -> tuple[str, list[Teaser]]:
        width = self.rng.choice(WIDTHS)
        style = self.rng.choice(["separators", "heading+separators", "heading"])
        separator = self.rng.choice(SEPARATORS) if "separators" in style else None
        heading = self.rng.choice(HEADINGS) if "heading" in style else None
        lines = [heading] if heading else []
        teasers = []
        for title, words in self.linked(self.rng.randint(1, 5)):
            full = f"{title} {words}"
            snippet = full[:width]
            excerpt = snippet[len(title) :].strip() if snippet.startswith(title) else ""
            lines += ([separator] if separator else []) + [title, snippet]
            teasers.append(Teaser(title, snippet, len(full) > width, excerpt, separator, heading, "seed"))
        return "\n".join(lines), teasers


def with_block(body: str, block: tuple[str, list[Teaser]], rng: random.Random) -> tuple[str, list[Teaser]]:
    text, teasers = block
    return body + rng.choice(["\n", "\n\n"]) + text + rng.choice(["", "\n"]), teasers


def with_inline(body: str, page: Page) -> tuple[str, str, list[Teaser]]:
    """The body with 1-2 read-more lines between paragraphs: (text, expected text, teasers)."""
    paragraphs = body.split("\n\n")
    if len(paragraphs) < 2:
        return body, body, []
    places = sorted(
        page.rng.sample(range(1, len(paragraphs)), min(len(paragraphs) - 1, page.rng.randint(1, 2)))
    )
    out, teasers = [], []
    for index, paragraph in enumerate(paragraphs):
        if index in places:
            title, _ = page.linked(1)[0]
            label = page.rng.choice(LABELS)
            out.append(f"{label} {title}")
            teasers.append(Teaser(title, "", False, "", None, label, "read-more"))
        out.append(paragraph)
    return "\n\n".join(out), body, teasers


def furnished(form: str, body: str, page: Page) -> tuple[str, str, list[Teaser]]:
    """The article with furniture of ``form``: (input, expected text, expected teasers)."""
    rng = page.rng
    blocks: dict[str, Callable[[], tuple[str, list[Teaser]]]] = {
        "seed": page.seed_block,
        "list": page.list_block,
        "read-more": page.read_more_block,
        "pairs": page.pairs_block,
    }
    if form == "read-more inline":
        return with_inline(body, page)
    if form != "mixture":
        text, teasers = with_block(body, blocks[form](), rng)
        return text, body, teasers
    lower = rng.choice(["list", "read-more", "pairs", "seed", "inline"])
    upper = rng.choice([name for name in ("list", "pairs", "seed") if name != lower])
    if lower == "inline":
        text, expected, inline = with_inline(body, page)
        text, teasers = with_block(text, blocks[upper](), rng)
        return text, expected, inline + teasers
    top_text, top = blocks[upper]()
    low_text, low = blocks[lower]()
    return body + "\n" + top_text + page.gap() + low_text, body, top + low


# -- content that must stay ------------------------------------------------------------------------------
FILMS = [
    "Casablanca",
    "The Third Man",
    "Brief Encounter",
    "It Happened One Night",
    "Rear Window",
    "The Night of the Hunter",
    "Sunset Boulevard",
    "The Apartment",
    "Some Like It Hot",
    "Vertigo",
]
PRODUCTS = [
    "Sony WH-1000XM5",
    "Apple AirPods Pro 2",
    "Bose QuietComfort Ultra",
    "Sennheiser Momentum 4",
    "Jabra Elite 85t",
    "Samsung Galaxy Buds2 Pro",
]
INGREDIENTS = [
    "2 cups of flour",
    "1 large egg",
    "200 g butter",
    "A pinch of salt",
    "3 tbsp sugar",
    "1 cup milk",
]
PEOPLE = ["Jane Doe", "John Roe", "Ann Lee", "Peter Smith", "Maria Garcia", "Tom Brown"]


def sentences(text: str) -> list[str]:
    """The statements of a text (ending in a full stop: one ending in ``!`` or ``?`` reads as a
    headline)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(text.split()))
    return [s for s in parts if 20 < len(s) < 200 and s[-1] == "."]


def content_list(kind: str, rng: random.Random, others: list[dict[str, str]]) -> str:
    """A list or closing line that belongs to the article."""

    def bullet_lines(items: list[str], numbered: bool = False) -> str:
        mark = rng.choice(["-", "\u2022", "*"])
        return "\n".join(f"{i}. {item}" if numbered else f"{mark} {item}" for i, item in enumerate(items, 1))

    other = rng.choice(others)
    if kind == "ingredients":
        return "Ingredients:\n" + bullet_lines(rng.sample(INGREDIENTS, 4))
    if kind == "numbered steps":
        steps = [
            "Preheat the oven to 200C",
            "Mix the flour and the eggs",
            "Bake for twenty minutes",
            "Leave it to cool on a rack",
            "Serve with cream",
        ]
        end = rng.choice(["", "."])
        return (
            rng.choice(["Method", "How to apply:", "Steps"])
            + "\n"
            + bullet_lines([s + end for s in steps[: rng.randint(2, 5)]], numbered=True)
        )
    if kind == "references":
        refs = [
            f"{p.split()[1]}, {p[0]}. (1987). {styled(o['title'], 'sentence')}. Reuters."
            for p, o in zip(rng.sample(PEOPLE, 3), rng.sample(others, 3), strict=True)
        ]
        return "References\n" + bullet_lines(refs, numbered=True)
    if kind == "key dates":
        return "Key dates:\n" + "\n".join(
            f"- {month} {rng.randint(1, 28)}: {styled(o['title'], 'sentence')}"
            for month, o in zip(["March", "April", "May"], rng.sample(others, 3), strict=True)
        )
    if kind == "byline":
        a, b, c = rng.sample(PEOPLE, 3)
        return rng.choice(
            [
                f"Reporting by {a}; Editing by {b}",
                f"(Reporting by {a} in London; additional reporting by {c}; Editing by {b})",
            ]
        )
    if kind == "sentence bullets":
        items = sentences(other["text"])[:4] or ["The company said it would report results in May."]
        return (
            rng.choice(["Key points:", "Related:", "Highlights", "Most popular"]) + "\n" + bullet_lines(items)
        )
    if kind == "products":
        return (
            rng.choice(["Recommended", "Our picks:", "Products tested:", "Popular"])
            + "\n"
            + bullet_lines(rng.sample(PRODUCTS, 4))
        )
    if kind == "film titles":
        return "The winners:\n" + "\n".join(rng.sample(FILMS, 4))
    if kind == "headlines under an unknown heading":
        items = [styled(o["title"], rng.choice(["caps", "sentence", "title"])) for o in rng.sample(others, 3)]
        return (
            rng.choice(["Highlights:", "In this report:", "Earlier coverage:", "The agenda:"])
            + "\n"
            + bullet_lines(items)
        )
    if kind == "a short closing line":
        return rng.choice(["Thanks for reading", "Reuter", "Follow us for updates", "The End"])
    return rng.choice(
        [
            "See also the company's annual report.",
            "Read more about the deal on our website.",
            "Related: the company said it would look again.",
        ]
    )


CONTENT = [
    "ingredients",
    "numbered steps",
    "references",
    "key dates",
    "byline",
    "sentence bullets",
    "products",
    "film titles",
    "headlines under an unknown heading",
    "a short closing line",
    "a heading phrase in prose",
]


# -- titles -----------------------------------------------------------------------------------------------
def titled(form: str, headline: str, body: str, rng: random.Random) -> tuple[str, str, str | None]:
    """The article with its title on top in ``form``: (input, expected text, expected site)."""
    site = rng.choice(SITES)
    page_title = f"{headline}{rng.choice(SITE_SEPARATORS)}{site}"
    if form == "duplicate":
        # The copy without punctuation is dropped; of two lines as long (one in capitals), the first stays.
        plain = re.sub(r"[^\w\s]", "", headline)
        if plain != headline:
            return f"{plain}\n{headline}\n{body}", f"{headline}\n{body}", None
        return f"{headline.upper()}\n{headline}\n{body}", f"{headline.upper()}\n{body}", None
    if form == "site":
        return f"{page_title}\n{headline}\n{body}", f"{headline}\n{body}", site
    if form == "glued":
        return f"{headline}\n{headline}{body}", f"{headline}\n{body}", None
    return f"{page_title}\n{headline}{body}", f"{headline}\n{body}", site


TITLE_FORMS = ["duplicate", "site", "glued", "site + glued"]


# -- corpus titles: bare blocks that only the corpus's titles make teasers -------------------------------
CORPUS_FORMS = ["single title", "bare titles"]


def bare_block(page: Page, form: str) -> tuple[str, list[Teaser]]:
    """Other articles' headlines with no heading: one plain line, or 1-4 lines behind one bullet or
    none (blank lines between them or not)."""
    if form == "single title":
        title, _ = page.linked(1)[0]
        return title, [Teaser(title, "", False, "", None, None, "corpus")]
    bullet = page.rng.choice(BULLETS)
    lines, teasers = [], []
    for number, (title, _) in enumerate(page.linked(page.rng.randint(1, 4)), 1):
        mark = bullet if bullet is None or not bullet[0].isdigit() else f"{number}{bullet[1]}"
        lines.append(f"{mark} {title}" if mark else title)
        teasers.append(Teaser(title, "", False, "", None, None, "corpus", mark))
    return page.gap().join(lines), teasers


def title_model(records: list[dict[str, str]]) -> CorpusModel:
    """The model of the corpus's titles: each record's title counted once, as fit counts them."""
    titles: dict[str, int] = defaultdict(int)
    for record in records:
        titles[normal_title(record["title"])] += 1
    return CorpusModel.from_counts(titles=titles, documents=len(records))


def run_corpus(docs: list[dict[str, str]], everything: list[dict[str, str]], show: int) -> None:
    """The corpus-titles figure: bare blocks extracted without and with the model, and what stays."""
    model = title_model(everything)
    pipelines = {"no model": PIPELINE, "with the corpus's titles": PIPELINE.with_model(model)}
    rng = random.Random(SEED)
    exact: dict[tuple[str, str], list[bool]] = defaultdict(list)
    damaged: dict[str, list[bool]] = defaultdict(list)
    for doc in docs:
        body = doc["text"]
        others = [o for o in everything if o["id"] != doc["id"]]
        damaged["the article as it is"].append(pipelines["with the corpus's titles"](body) != body)
        for _ in range(ROUNDS):
            for form in CORPUS_FORMS:
                text, teasers = with_block(body, bare_block(Page(rng, others), form), rng)
                for name, pipeline in pipelines.items():
                    document = pipeline.mend_document(text)
                    ok = is_exact(document, body, teasers, None, None)
                    exact[form, name].append(ok)
                    if not ok and show > 0 and name != "no model":
                        show -= 1
                        print(
                            f"--- {form}\n{text[-300:]}\n>>> {document.text[-100:]!r}\n{document.teasers}\n"
                        )
            for kind in CONTENT:
                text = body + "\n" + content_list(kind, rng, others)
                damaged[kind].append(pipelines["with the corpus's titles"](text) != text)
    print("\n| bare teasers (no heading) | documents | exact, no model | exact, with the corpus's titles |")
    print("| --- | ---: | ---: | ---: |")
    for form in [*CORPUS_FORMS, "all"]:
        rows = CORPUS_FORMS if form == "all" else [form]
        cells = [[ok for row in rows for ok in exact[row, name]] for name in pipelines]
        print(
            f"| {form} | {len(cells[0])} | "
            + " | ".join(f"{100 * sum(c) / len(c):.1f}%" for c in cells)
            + " |"
        )
    print_damage_table("must stay unchanged, with the model", damaged)


# -- running ----------------------------------------------------------------------------------------------
def is_exact(
    document: Document, text: str, teasers: list[Teaser], title: str | None, site: str | None
) -> bool:
    return (
        document.text == text
        and document.teasers == teasers
        and document.title == title
        and document.site == site
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--news", help="folder of the news corpus (JSONL.gz)")
    parser.add_argument("--split", default="test", choices=["dev", "test", "all"])
    parser.add_argument("--source", default="", help="only corpus files whose name contains this")
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    parser.add_argument("--only", default="", help="print misses of this form only")
    parser.add_argument("--corpus", action="store_true", help="bare teaser blocks, without and with a model")
    args = parser.parse_args()
    began = time.perf_counter()
    everything = load(news_dir(args.news), "all", args.source)
    docs = load(news_dir(args.news), args.split, args.source)
    if args.corpus:
        print(
            f"{len(docs)} news articles ({args.split} split, {len(everything)} in all), {ROUNDS} rounds, "
            f"seed {SEED}; model: the titles of all {len(everything)} articles\n"
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{time.strftime('%Y-%m-%d', time.gmtime())}"
        )
        run_corpus(docs, everything, args.show)
        print(f"\n{time.perf_counter() - began:.1f} s in all")
        return
    rng = random.Random(SEED)
    exact: dict[str, list[bool]] = defaultdict(list)
    damaged: dict[str, list[bool]] = defaultdict(list)
    titles: dict[str, list[bool]] = defaultdict(list)
    shown = 0
    for doc in docs:
        body = doc["text"]
        others = [o for o in everything if o["id"] != doc["id"]]
        result = PIPELINE.mend_document(body)
        damaged["the article as it is"].append(result.changes != [])
        for _ in range(ROUNDS):
            for form in FORMS:
                text, expected, teasers = furnished(form, body, Page(rng, others))
                document = PIPELINE.mend_document(text)
                ok = is_exact(document, expected, teasers, None, None)
                exact[form].append(ok)
                if not ok and shown < args.show and args.only in form:
                    shown += 1
                    print(f"--- {form}\n{text[-700:]}\n>>> {document.text[-200:]!r}\n{document.teasers}\n")
            for kind in CONTENT:
                text = body + "\n" + content_list(kind, rng, others)
                document = PIPELINE.mend_document(text)
                damaged[kind].append(document.changes != [])
                if document.changes and shown < args.show and args.only in kind:
                    shown += 1
                    print(f"--- damaged {kind}\n{text[-400:]}\n")
            for form in TITLE_FORMS:
                headline = styled(doc["title"], rng.choice(["caps", "sentence", "title"]))
                text, expected, site = titled(form, headline, body, rng)
                document = PIPELINE.mend_document(text)
                title = expected.split("\n", 1)[0]
                titles[form].append(is_exact(document, expected, [], title, site))
                if not titles[form][-1] and shown < args.show and args.only in form:
                    shown += 1
                    print(f"--- title {form}\n{text[:300]}\n>>> {document.text[:200]!r} {document.title!r}\n")
    elapsed = time.perf_counter() - began

    print(
        f"{len(docs)} news articles ({args.split} split, {len(everything)} in all"
        f"{', files *' + args.source + '*' if args.source else ''}), "
        f"{ROUNDS} rounds, seed {SEED}"
    )
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d', time.gmtime())}\n"
    )
    print("| teaser form | documents | exact extraction |")
    print("| --- | ---: | ---: |")
    everything_ok = [ok for form in FORMS for ok in exact[form]]
    for form in FORMS:
        print(f"| {form} | {len(exact[form])} | {100 * sum(exact[form]) / len(exact[form]):.1f}% |")
    misses = len(everything_ok) - sum(everything_ok)
    print(
        f"| all forms | {len(everything_ok)} | "
        f"{100 * sum(everything_ok) / len(everything_ok):.1f}% ({misses} misses) |"
    )
    print("\n| title form | documents | exact (title, site and text) |")
    print("| --- | ---: | ---: |")
    for form in TITLE_FORMS:
        print(f"| {form} | {len(titles[form])} | {100 * sum(titles[form]) / len(titles[form]):.1f}% |")
    print_damage_table("must stay unchanged", damaged)
    print(f"\n{elapsed:.1f} s in all")


def print_damage_table(title: str, damaged: dict[str, list[bool]]) -> None:
    """Print how many content documents of each kind came out changed, and the total."""
    print(f"\n| {title} | documents | damaged |")
    print("| --- | ---: | ---: |")
    for kind, bad in damaged.items():
        print(f"| {kind} | {len(bad)} | {sum(bad)} |")
    total = sum(len(bad) for bad in damaged.values())
    print(f"| all | {total} | {sum(sum(bad) for bad in damaged.values())} |")


if __name__ == "__main__":
    main()
