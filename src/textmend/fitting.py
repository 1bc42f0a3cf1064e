"""Fitting: :func:`fit` reads a corpus once and returns the :class:`~textmend.CorpusModel` of it.

What it counts, per document (a ``str``, a :class:`~textmend.Document` or a record mapping):

* ``words`` and ``word_documents``: every word, lowercased, as the ``words`` fixer reads words: a run of
  letters standing alone (``\\w+`` without digits or underscores, at most 40 letters: ``covid19`` and
  ``snake_case`` are not words);
* ``pairs``: two words side by side, separated only by spaces or tabs on one line (``the tool``; not
  ``end. The``, not across a line break);
* ``titles``: the record's title field, or else the title the ``titles`` fixer takes off the top of
  the text; ``tails``: the lines of the document's last block (after its last blank line, at most
  :data:`TAIL_LINES`), each once per document; ``sites``: the host of the record's URL field;
* ``damage``: the entity repairs the ``entities`` fixer would make, by form (dropped ``&``, ``&`` as a
  space, ``&`` as ``and``).

Words and pairs are read from the text as the ``entities`` and ``titles`` fixers leave it (so that
``Letrsquo;s`` counts as ``let`` and ``s``, and a doubled title once), which is what the ``words`` fixer
sees when it mends. Fitting changes nothing: the texts are only read.

Memory is bounded: each table holds at most twice its cap (``max_words``, ``max_pairs``, ``max_titles``)
while fitting and at most its cap in the model. When a table grows past twice its cap, it is cut to the
``cap`` keys with the largest counts (of keys tied at the last count kept, the first in string order),
and the largest count dropped is added to the table's error bound. The model's ``pruned`` is the
largest bound: every count kept is at most ``pruned`` below the true count, and a key that was dropped
occurred at most ``pruned`` times. With no pruning (``pruned ==
0``) the counts are exact, and fitting is map-reduce: ``fit(a + b) == fit(a).merge(fit(b))``.

>>> model = fit(["Let us take place here.", "They take place there.", "Letrsquo;s go"])
>>> model.documents, model.count("place"), model.pair("take", "place"), model.damage["dropped"]
(3, 2, 2, 1)
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from .corpus_model import DAMAGE_FORMS, MAX_TITLE_LINE, CorpusModel, normal_title
from .errors import RecordError
from .model import Change, Document
from .pipeline import Pipeline

__all__ = [
    "DEFAULT_MAX_PAIRS",
    "DEFAULT_MAX_TITLES",
    "DEFAULT_MAX_WORDS",
    "MAX_LINE_LENGTH",
    "MAX_WORD_LENGTH",
    "TAIL_LINES",
    "Fitter",
    "damage_forms",
    "fit",
    "load_model",
    "pairs_of",
    "prepared",
    "pruned",
    "save_model",
    "site_of",
    "tail_lines",
    "words_of",
]

#: Distinct words a model keeps (twice as many while fitting). With the default caps a fitter's tables
#: stay under about 500 MB at their peak (``benchmarks/fit.py`` measures it; docs/fitting.md).
DEFAULT_MAX_WORDS = 500_000
#: Distinct word pairs a model keeps (twice as many while fitting).
DEFAULT_MAX_PAIRS = 1_000_000
#: Distinct titles, tail lines and sites a model keeps, each (twice as many while fitting).
DEFAULT_MAX_TITLES = 200_000
#: The longest run of letters counted as a word: the ``words`` fixer never reads a longer one.
MAX_WORD_LENGTH = 40
#: How many lines of a document's last block are counted as its tail (boilerplate is a few lines).
TAIL_LINES = 8
#: The longest title or tail line counted, in characters (a longer line is a paragraph, not a title;
#: the model never looks one up either).
MAX_LINE_LENGTH = MAX_TITLE_LINE

# A word: a run of word characters that are all letters (no digit, no underscore: not "covid19", not
# "snake_case"), at most MAX_WORD_LENGTH of them. The \b on both sides make it the whole run.
_WORD = re.compile(rf"\b[^\W\d_]{{1,{MAX_WORD_LENGTH}}}\b")
# Two words side by side, "left right": every word with the word after it (overlapping, hence the
# lookahead), separated by one space (prepared() makes every run of blanks one space).
_PAIR = re.compile(rf"\b(?=([^\W\d_]{{1,{MAX_WORD_LENGTH}}} [^\W\d_]{{1,{MAX_WORD_LENGTH}}})\b)")
_BLANKS = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TABLE_CAPS = {
    "words": "max_words",
    "pairs": "max_pairs",
    "titles": "max_titles",
    "tails": "max_titles",
    "sites": "max_titles",
}


def prepared(text: str) -> str:
    """``text`` lowercased, with every run of spaces, tabs and no-break spaces made one space: what
    :func:`words_of` and :func:`pairs_of` read.

    >>> prepared("Twelve  Years\\tlater")
    'twelve years later'
    """
    lower = text.lower()
    if "  " in lower or "\t" in lower or "\u00a0" in lower:  # most texts have none: skip the pass
        return _BLANKS.sub(" ", lower)
    return lower


def words_of(text: str) -> list[str]:
    """The words of ``text`` as the model counts them: lowercase letter runs standing alone.

    >>> words_of("The tool's README, rustup 1.2 and covid19.")
    ['the', 'tool', 's', 'readme', 'rustup', 'and']
    """
    return _WORD.findall(prepared(text))


def pairs_of(text: str) -> list[str]:
    """The pairs of ``text`` as the model counts them, as ``"left right"``: words side by side.

    >>> pairs_of("Take place here. Then covid19 came")
    ['take place', 'place here']
    """
    return _PAIR.findall(prepared(text))


def tail_lines(text: str) -> set[str]:
    """The normalised lines of ``text``'s last block (after its last blank line; the whole text if it has
    none), at most :data:`TAIL_LINES` of them and each at most :data:`MAX_LINE_LENGTH` long.

    >>> sorted(tail_lines("Body text.\\n\\nRead more:\\nCats purr | News\\n"))
    ['cats purr | news', 'read more']
    """
    body = text.rstrip()
    block = _BLANK_LINE.split(body)[-1] if "\n" in body else body
    lines = block.split("\n")[-TAIL_LINES:]
    normal = (normal_title(line) for line in lines if len(line) <= MAX_LINE_LENGTH)
    return {line for line in normal if line}


def site_of(value: str) -> str | None:
    """The site of a URL (its host, lowercase, without ``www.``), or of a bare host or site name.

    >>> site_of("https://www.Example.org/news/1"), site_of("blog.example.org/x"), site_of("  ")
    ('example.org', 'blog.example.org', None)
    """
    value = value.strip()
    if not value:
        return None
    try:
        host = urlsplit(value if "//" in value else f"//{value}").hostname
    except ValueError:  # a malformed address ("http://[::1"): the value as it is
        host = value.lower()
    if not host:
        return None
    return host.removeprefix("www.")


def damage_forms(changes: Iterable[Change]) -> Counter[str]:
    """How many of ``changes`` repaired each entity damage form (``dropped``, ``space``, ``and``).

    >>> from textmend import mend_document
    >>> damage_forms(mend_document("Letrsquo;s go").changes)
    Counter({'dropped': 1})
    """
    forms: Counter[str] = Counter()
    for change in changes:
        for kind in change.kind.split("+"):
            family, _, form = kind.partition("/")
            if family == "entity" and form in DAMAGE_FORMS:
                forms[form] += 1
    return forms


@cache
def _scout() -> Pipeline:
    """The fixers that read a text for fitting: entity damage and the title (no model, default options)."""
    return Pipeline(["entities", "titles"])


class Fitter:
    """A model being fitted: add documents (:meth:`add`) or other fitters and models (:meth:`update`),
    then take the :meth:`model`. Mutable, and picklable, so that workers can fit chunks in parallel.

    ``text_field``, ``title_field``, ``site_field``: where records keep their text, title and URL;
    ``max_words``, ``max_pairs``, ``max_titles``: the caps of the tables (see the module's notes).
    """

    def __init__(
        self,
        *,
        text_field: str = "text",
        title_field: str = "title",
        site_field: str = "url",
        max_words: int = DEFAULT_MAX_WORDS,
        max_pairs: int = DEFAULT_MAX_PAIRS,
        max_titles: int = DEFAULT_MAX_TITLES,
    ) -> None:
        for name, cap in (("max_words", max_words), ("max_pairs", max_pairs), ("max_titles", max_titles)):
            if not isinstance(cap, int) or isinstance(cap, bool) or cap < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {cap!r}")
        self.text_field = text_field
        self.title_field = title_field
        self.site_field = site_field
        self.max_words = max_words
        self.max_pairs = max_pairs
        self.max_titles = max_titles
        self.words: Counter[str] = Counter()
        self.word_documents: Counter[str] = Counter()
        self.pairs: Counter[str] = Counter()  # "left right": one string, half the memory of a tuple
        self.titles: Counter[str] = Counter()
        self.tails: Counter[str] = Counter()
        self.damage: Counter[str] = Counter()
        self.sites: Counter[str] = Counter()
        self.documents = 0
        self.tokens = 0
        #: Per table: how far below the true count any of its counts may be (pruning adds to it).
        self.bounds: Counter[str] = Counter()

    # -- documents ------------------------------------------------------------------------------
    def add(self, item: str | Document | Mapping[str, Any]) -> None:
        """Count one document: a text, a mended :class:`~textmend.Document`, or a record with a text field.

        Raises :class:`~textmend.RecordError` for a record without a string text field, and
        ``TypeError`` for anything else.
        """
        if isinstance(item, str):
            self.add_text(item)
        elif isinstance(item, Document):
            self._count(item.text, item.title, item.site, damage_forms(item.changes))
        elif isinstance(item, Mapping):
            self.add_record(item)
        else:
            raise TypeError(
                f"fit reads texts (str), Documents or records (mappings), not {type(item).__name__}"
            )

    def add_text(self, text: str, title: str | None = None, site: str | None = None) -> None:
        """Count one raw text, with the title and site (URL) a record gave, if any."""
        document = _scout().mend_document(text)
        site_name = site_of(site) if site else None
        self._count(document.text, title or document.title, site_name, damage_forms(document.changes))

    def add_record(self, record: Mapping[str, Any]) -> None:
        """Count one record: its text field, and its title and URL fields when they hold strings."""
        if self.text_field not in record:
            fields = ", ".join(repr(name) for name in list(record)[:12]) or "none"
            raise RecordError(
                f"no {self.text_field!r} field (fields here: {fields}); name the text field (text_field=)"
            )
        text = record[self.text_field]
        if not isinstance(text, str):
            raise RecordError(f"field {self.text_field!r} must be a string, not {type(text).__name__}")
        title = record.get(self.title_field)
        site = record.get(self.site_field)
        self.add_text(
            text, title if isinstance(title, str) else None, site if isinstance(site, str) else None
        )

    def _count(self, text: str, title: str | None, site: str | None, damage: Counter[str]) -> None:
        ready = prepared(text)
        words = _WORD.findall(ready)
        self.words.update(words)
        self.word_documents.update(set(words))
        self.pairs.update(_PAIR.findall(ready))
        self.tokens += len(words)
        self.documents += 1
        if title and len(title) <= MAX_LINE_LENGTH and normal_title(title):
            self.titles[normal_title(title)] += 1
        self.tails.update(tail_lines(text))
        if site:
            self.sites[site] += 1
        self.damage.update(damage)
        self._keep_within(2)

    # -- merging ----------------------------------------------------------------------------------
    def update(self, other: Fitter | CorpusModel) -> None:
        """Add the counts of another fitter (a worker's chunk) or of a model; the error bounds add up."""
        if isinstance(other, CorpusModel):
            other = Fitter.of_model(other)
        for table in ("words", "word_documents", "pairs", "titles", "tails", "damage", "sites"):
            getattr(self, table).update(getattr(other, table))
        self.documents += other.documents
        self.tokens += other.tokens
        self.bounds.update(other.bounds)
        self._keep_within(2)

    @classmethod
    def of_model(cls, model: CorpusModel, **options: Any) -> Fitter:
        """A fitter holding ``model``'s counts (to go on fitting, or to merge models within the caps)."""
        fitter = cls(**options)
        for table in ("words", "word_documents", "titles", "tails", "damage", "sites"):
            getattr(fitter, table).update(getattr(model, table))
        fitter.pairs.update({f"{left} {right}": n for (left, right), n in model.pairs.items()})
        fitter.documents = model.documents
        fitter.tokens = model.tokens
        if model.pruned:  # the model's bound holds for each of its tables
            fitter.bounds.update(dict.fromkeys(_TABLE_CAPS, model.pruned))
        return fitter

    # -- pruning ----------------------------------------------------------------------------------
    def _keep_within(self, times: int) -> None:
        """Prune every table that holds more than ``times`` its cap down to at most its cap."""
        for table, option in _TABLE_CAPS.items():
            cap: int = getattr(self, option)
            counts: Counter[str] = getattr(self, table)
            if len(counts) <= times * cap:
                continue
            kept, dropped = pruned(counts, cap)
            setattr(self, table, kept)
            self.bounds[table] += dropped
            if table == "words":
                self.word_documents = Counter({word: self.word_documents[word] for word in kept})

    def model(self) -> CorpusModel:
        """The model of everything added so far, each table pruned to its cap."""
        self._keep_within(1)
        return CorpusModel(
            words=self.words,
            word_documents=self.word_documents,
            pairs=dict(zip(map(_split_pair, self.pairs), self.pairs.values(), strict=True)),
            titles=self.titles,
            tails=self.tails,
            damage=self.damage,
            sites=self.sites,
            documents=self.documents,
            tokens=self.tokens,
            pruned=max(self.bounds.values(), default=0),
        )


def _split_pair(key: str) -> tuple[str, str]:
    left, _, right = key.partition(" ")
    return left, right


def pruned(counts: Counter[str], cap: int) -> tuple[Counter[str], int]:
    """The ``cap`` keys of ``counts`` with the largest counts, and the largest count dropped.

    Among keys tied at the last count kept, the first in string order stay, so the result depends on
    the counts alone, never on the order of the keys.

    >>> pruned(Counter({"a": 5, "c": 3, "b": 3, "d": 1}), 2)
    (Counter({'a': 5, 'b': 3}), 3)
    """
    if len(counts) <= cap:
        return counts, 0
    threshold = sorted(counts.values(), reverse=True)[cap - 1]
    kept = Counter({key: n for key, n in counts.items() if n > threshold})
    tied = sorted(key for key, n in counts.items() if n == threshold)
    kept.update(dict.fromkeys(tied[: cap - len(kept)], threshold))
    return kept, threshold


def fit(
    texts: Iterable[str | Document | Mapping[str, Any]],
    *,
    text_field: str = "text",
    title_field: str = "title",
    site_field: str = "url",
    max_words: int = DEFAULT_MAX_WORDS,
    max_pairs: int = DEFAULT_MAX_PAIRS,
    max_titles: int = DEFAULT_MAX_TITLES,
) -> CorpusModel:
    """Learn a corpus's words, pairs, titles, tails, sites and entity damage, in one streaming pass.

    ``texts`` is any iterable of ``str``, :class:`~textmend.Document` or records (mappings with a
    ``text_field``, and optionally ``title_field`` and ``site_field``, a URL); a generator is read once
    and never held whole. Nothing is changed; give the model to a pipeline with
    :meth:`~textmend.Pipeline.with_model`. A record without a string text field raises
    :class:`~textmend.RecordError` naming its position.

    >>> fit(["The rustup tool.", "Run rustup again."]).count("rustup")
    2
    """
    if isinstance(texts, str | bytes | Mapping | Document):
        what = type(texts).__name__
        raise TypeError(
            f"fit() takes an iterable of texts, not a single {what} (a str would be read as its "
            "characters); pass a list: fit([text])"
        )
    fitter = Fitter(
        text_field=text_field,
        title_field=title_field,
        site_field=site_field,
        max_words=max_words,
        max_pairs=max_pairs,
        max_titles=max_titles,
    )
    for number, item in enumerate(texts):
        try:
            fitter.add(item)
        except RecordError as error:
            raise RecordError(f"item {number}: {error}") from None
    return fitter.model()


def save_model(model: CorpusModel, path: str | os.PathLike[str]) -> None:
    """Write ``model`` to ``path`` (gzip-compressed JSON; see :meth:`~textmend.CorpusModel.save`)."""
    model.save(path)


def load_model(path: str | os.PathLike[str]) -> CorpusModel:
    """The model saved at ``path``; :class:`~textmend.ModelFileError` if it is not one this textmend reads.

    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "news.textmend")
    ...     save_model(fit(["The rustup tool."]), path)
    ...     load_model(path).count("rustup")
    1
    """
    return CorpusModel.load(path)
