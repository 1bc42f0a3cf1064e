"""Software manuals: how many words the default pipeline changes in clean technical prose that names
code at every turn (SQL keywords and placeholders, option names, lists of functions, ``module.Class``).

Manuals are text nobody here chose, like the books of ``books.py``: a precision check for the
``words`` fixer (issue #16), not a recall benchmark. Every change counts as a false one (a few are the
manual's own glue or typos; read the list). Each manual is a folder: HTML pages (``*.html``, or
``*.html.en`` for a manual in several languages), reStructuredText files (``*.rst``), CNXML modules
(``*.cnxml``, the format of OpenStax's textbooks) or GNU Info files (``*.info``, ``*.info-2``,
gzipped or not: each node a page, as Info shows it). From HTML the text of paragraphs, list items, table
cells and headings is kept, ``<pre>``, scripts and styles left out; from reStructuredText the
paragraphs, without literal blocks (after ``::``) and directives; from CNXML paragraphs, list items,
captions, titles and table cells, without MathML, code, footnotes and metadata. Each page is one
document. With ``--fitted`` a model fitted on the same manual (``textmend.fit``) is also
measured, as ``textmend clean --fit`` would use it.

The tenth round of #16 was tuned on four manuals, so their figures are dev figures:

- ``apt-get download sqlite3-doc postgresql-doc-15 python-django-doc`` (Debian 12; SQLite's pages are
  in the public domain, PostgreSQL's under the PostgreSQL licence, Django's under BSD-3-Clause), each
  unpacked with ``dpkg -x``;
- the Python Enhancement Proposals (``peps/*.rst`` of the GitHub repository ``python/peps``; public
  domain or CC0-1.0).

Two more were held out and read once: ``apache2-doc`` (its English pages, the folder
``usr/share/doc/apache2-doc/manual/en``; Apache-2.0) and ``nodejs-doc`` (``usr/share/doc/nodejs``; MIT).

The nineteenth round read thirteen OpenStax textbooks (5.3 M words of science, medicine, history
and economics; CC BY 4.0 at the commits that ``docs/words-benchmark.md`` lists): ``git archive COMMIT
modules`` of each ``openstax/osbooks-*`` repository, one folder a book.

The forty-first session read the GNU Info manuals of a Debian 12 machine (``/usr/share/info``:
coreutils, findutils, gettext, GnuPG, grep, sed, wget and others, 1,378 nodes; GFDL).

Run from the repository root: ``PYTHONPATH=src python benchmarks/manuals.py NAME=FOLDER...``
(``--fitted``, ``--top``).
"""

from __future__ import annotations

import argparse
import gzip
import html.parser
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from changed_words import print_most_changed, print_table, words_fixer_changes

import textmend

_BLOCKS = frozenset("p li dd dt h1 h2 h3 h4 h5 h6 td th div blockquote caption title".split())  # noqa: SIM905
_SKIPPED = frozenset({"pre", "script", "style", "head"})
_CNXML_BLOCKS = frozenset("para item caption title entry meaning list section note newline label".split())  # noqa: SIM905
_CNXML_SKIPPED = frozenset("m:math code footnote metadata equation preformat".split())  # noqa: SIM905
_MIN_WORDS = 4  # a block of fewer words is a label or a crumb of navigation, left out
_UNDERLINE = re.compile(r"[=\-~^*#+`]{3,}")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class _PageText(html.parser.HTMLParser):
    """The text of an HTML page's blocks, one paragraph each, ``<pre>`` and scripts left out (or of
    another markup's ``blocks``, ``skipped`` left out)."""

    def __init__(self, blocks: frozenset[str] = _BLOCKS, skipped: frozenset[str] = _SKIPPED) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks, self.skipped = blocks, skipped
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def _close_block(self) -> None:
        text = " ".join("".join(self._current).split())
        if len(text.split()) >= _MIN_WORDS:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.skipped:
            self._skipping += 1
        elif tag in self.blocks or tag == "br":
            self._close_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipped:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self.blocks:
            self._close_block()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)


def html_page(text: str) -> str:
    """The prose of an HTML page, paragraphs separated by a blank line."""
    page = _PageText()
    page.feed(text)
    page.close()
    page._close_block()
    return "\n\n".join(page.paragraphs)


def cnxml_page(text: str) -> str:
    """The prose of a CNXML module (OpenStax's textbooks, ``modules/*/index.cnxml``), paragraphs
    separated by a blank line: paragraphs, list items, captions, titles and table cells, without
    MathML, code, footnotes (the references) or the metadata."""
    page = _PageText(_CNXML_BLOCKS, _CNXML_SKIPPED)
    page.feed(text)
    page.close()
    page._close_block()
    return "\n\n".join(page.paragraphs)


def rst_page(text: str) -> str:
    """The prose of a reStructuredText file: its paragraphs on one line each, without literal blocks
    (the indented blocks after a paragraph ending in ``::``), directives, comments, field lists and
    section underlines."""
    paragraphs = []
    literal = False
    for block in _PARAGRAPH_BREAK.split(text):
        if not block.strip():
            continue
        indented = block[:1].isspace()
        if literal and indented:
            continue
        literal = False
        lines = [line for line in block.strip().splitlines() if not _UNDERLINE.fullmatch(line.strip())]
        if not lines or lines[0].startswith(("..", ":", "|")):
            continue
        paragraph = " ".join(" ".join(lines).split())
        if paragraph.endswith("::"):
            literal = True
            paragraph = paragraph[:-1]
        if len(paragraph.split()) >= _MIN_WORDS:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def info_nodes(text: str) -> Iterator[str]:
    """The nodes of a GNU Info file, each as Info shows it (the file's tag table and the indirect table
    of a split manual left out): the text between two ``\\x1f`` marks."""
    for node in text.split("\x1f"):
        head = node.lstrip("\n")
        if head.startswith(("Tag Table:", "Indirect:", "Local Variables:")) or not head.startswith("File:"):
            continue
        yield node


def _info_text(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", errors="replace")


def pages(folder: Path) -> Iterator[str]:
    """The prose of every page under ``folder``, in path order: English HTML (``*.html.en`` where a
    manual has them, else ``*.html``), ``*.rst``, CNXML (``*.cnxml``) or the nodes of GNU Info files."""
    english = sorted(folder.rglob("*.html.en"))
    for path in english or sorted(folder.rglob("*.html")):
        yield html_page(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted(folder.rglob("*.rst")):
        yield rst_page(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted(folder.rglob("*.cnxml")):
        yield cnxml_page(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted(folder.rglob("*.info*")):
        if re.fullmatch(r".+\.info(?:-\d+)?(?:\.gz)?", path.name):
            yield from info_nodes(_info_text(path))


def words_changed(pipeline: textmend.Pipeline, documents: list[str]) -> Counter[str]:
    """The words the ``words`` fixer of ``pipeline`` changes in ``documents`` (``before -> after``)."""
    changed: Counter[str] = Counter()
    for document in documents:
        changed.update(words_fixer_changes(document, pipeline.mend_document(document)))
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manuals", nargs="+", metavar="NAME=FOLDER", help="a manual's name and folder")
    parser.add_argument("--fitted", action="store_true", help="also mend with a model fitted on the manual")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    for manual in args.manuals:
        name, _, folder = manual.partition("=")
        if not folder or not Path(folder).is_dir():
            print(
                f"manuals: {manual!r} is not NAME=FOLDER with a folder; name one per manual", file=sys.stderr
            )
            return 2
    for manual in args.manuals:
        name, _, folder = manual.partition("=")
        documents = [page for page in pages(Path(folder)) if page]
        words = sum(len(document.split()) for document in documents)
        started = time.process_time()
        changed = words_changed(textmend.DEFAULT, documents)
        seconds = time.process_time() - started
        title = f"{name} ({folder}), DEFAULT pipeline, changes of the words fixer"
        print_table(
            title, "pages", len(documents), words, sum(changed.values()), len(changed), seconds, "CPU"
        )
        print_most_changed(changed, args.top)
        if args.fitted:
            model = textmend.fit(documents)
            fitted = words_changed(textmend.DEFAULT.with_model(model), documents)
            print(f"fitted on the same manual: {sum(fitted.values())} changed words, {len(fitted)} distinct")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
