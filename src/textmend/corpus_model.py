"""What :func:`textmend.fit` learns from a corpus: its words, word pairs, titles and entity damage.

A :class:`CorpusModel` is data, and nothing else: counts that fixers consult through named questions
(:meth:`CorpusModel.count`, :meth:`CorpusModel.pair`, :meth:`CorpusModel.is_title`...). It is
immutable and hashable (fixers that hold one stay frozen dataclasses, usable as cache keys), and
:meth:`CorpusModel.merge` adds two models, so fitting is map-reduce.

This is the core of the model and of its file (:meth:`CorpusModel.save`, :meth:`CorpusModel.load`:
gzip-compressed JSON written with the standard library, never pickle); the fitting itself (tokenising,
pruning, reading corpora) is at the edge, in :mod:`textmend.fitting`.

>>> a = CorpusModel.from_counts(words={"rustup": 3, "the": 10}, pairs={("the", "tool"): 2}, documents=2)
>>> b = CorpusModel.from_counts(words={"rustup": 1}, documents=1)
>>> merged = a.merge(b)
>>> merged.count("rustup"), merged.pair("the", "tool"), merged.documents
(4, 2, 3)
>>> merged == b.merge(a)
True
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import json
import os
import zlib
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from .errors import ModelFileError
from .version import __version__

__all__ = ["DAMAGE_FORMS", "MAX_TITLE_LINE", "MODEL_FORMAT", "MODEL_VERSION", "CorpusModel", "normal_title"]

#: How a corpus lost the ``&`` of its entity references: dropped (``Letrsquo;s``), turned into a space
#: (``Let rsquo;s``) or into the word ``and`` (``Letandrsquo;s``).
DAMAGE_FORMS = ("dropped", "space", "and")

#: What a model file says it is (its ``"format"``), and the version of that format this textmend reads
#: and writes (its ``"version"``). A file of another version is refused, never guessed at.
MODEL_FORMAT = "textmend-model"
MODEL_VERSION = 1
# The tables of a model (name -> whether its keys are word pairs), in the order files list them.
_TABLES = {
    "words": False,
    "word_documents": False,
    "pairs": True,
    "titles": False,
    "tails": False,
    "damage": False,
    "sites": False,
}
_TOTALS = ("documents", "tokens", "pruned")
_SECONDARY = ("word_documents", "damage")  # not listed by size in summary(): they follow words, or are few
_GZIP_MAGIC = b"\x1f\x8b"
_PICKLE_PROTOCOL = 0x80  # the first byte of a pickle of protocol 2 or later


class CorpusModel:
    """Counts learned from one corpus (or several, merged). Build one with :func:`textmend.fit`.

    ``words``: lowercase word -> occurrences; ``word_documents``: lowercase word -> documents it is in;
    ``pairs``: (left, right) lowercase words side by side -> occurrences; ``titles``: normalised title
    -> documents with that title; ``tails``: normalised line of a document's last block (the lines after
    its body's last blank line, at most a few) -> documents ending with it, for boilerplate; ``damage``:
    damage form (see :data:`DAMAGE_FORMS`) -> repairs seen;
    ``sites``: site -> documents; ``documents`` and ``tokens``: totals. ``pruned``: the error bound of
    the counts: every count in every table is at most ``pruned`` below the true count, and a key that
    is missing occurred at most ``pruned`` times (0: every count is exact; see :mod:`textmend.fitting`).
    """

    __slots__ = (
        "_digest",
        "damage",
        "documents",
        "pairs",
        "pruned",
        "sites",
        "tails",
        "titles",
        "tokens",
        "word_documents",
        "words",
    )

    words: Mapping[str, int]
    word_documents: Mapping[str, int]
    pairs: Mapping[tuple[str, str], int]
    titles: Mapping[str, int]
    tails: Mapping[str, int]
    damage: Mapping[str, int]
    sites: Mapping[str, int]
    documents: int
    tokens: int
    pruned: int
    _digest: str | None

    def __init__(
        self,
        *,
        words: Mapping[str, int] | None = None,
        word_documents: Mapping[str, int] | None = None,
        pairs: Mapping[tuple[str, str], int] | None = None,
        titles: Mapping[str, int] | None = None,
        tails: Mapping[str, int] | None = None,
        damage: Mapping[str, int] | None = None,
        sites: Mapping[str, int] | None = None,
        documents: int = 0,
        tokens: int | None = None,
        pruned: int = 0,
    ) -> None:
        frozen = {
            "words": words,
            "word_documents": word_documents,
            "pairs": pairs,
            "titles": titles,
            "tails": tails,
            "damage": damage,
            "sites": sites,
        }
        for name, value in frozen.items():
            object.__setattr__(self, name, MappingProxyType(dict(value or {})))
        object.__setattr__(self, "documents", int(documents))
        object.__setattr__(self, "tokens", int(sum(self.words.values()) if tokens is None else tokens))
        object.__setattr__(self, "pruned", int(pruned))
        object.__setattr__(
            self, "_digest", None
        )  # computed when first asked for (a second or so per 1M keys)

    @classmethod
    def from_counts(cls, **counts: Any) -> CorpusModel:
        """A model from plain mappings (tests, and models built by hand)."""
        return cls(**counts)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a CorpusModel is immutable; merge() or fit() make new ones")

    # -- the questions fixers ask ----------------------------------------------------------------
    def count(self, word: str) -> int:
        """How often ``word`` (any case) occurs in the corpus."""
        return self.words.get(word.lower(), 0)

    def spread(self, word: str) -> int:
        """In how many documents ``word`` (any case) occurs."""
        return self.word_documents.get(word.lower(), 0)

    def pair(self, left: str, right: str) -> int:
        """How often ``left right`` (any case) stand side by side in the corpus."""
        return self.pairs.get((left.lower(), right.lower()), 0)

    def title_count(self, line: str) -> int:
        """How many documents of the corpus have ``line`` as their title (compared normalised; a line
        longer than :data:`MAX_TITLE_LINE` is a paragraph, which fitting never counts: 0)."""
        return 0 if len(line) > MAX_TITLE_LINE else self.titles.get(normal_title(line), 0)

    def is_title(self, line: str) -> bool:
        """Whether ``line`` is the title of a document of the corpus."""
        return self.title_count(line) > 0

    def tail_count(self, line: str) -> int:
        """How many documents of the corpus end with a block holding ``line`` (compared normalised; 0
        for a line longer than :data:`MAX_TITLE_LINE`, as :meth:`title_count`)."""
        return 0 if len(line) > MAX_TITLE_LINE else self.tails.get(normal_title(line), 0)

    def damage_share(self, form: str) -> float:
        """The share of the corpus's entity repairs that had damage ``form`` (0 when none was seen)."""
        total = sum(self.damage.values())
        return self.damage.get(form, 0) / total if total else 0.0

    # -- adding models ---------------------------------------------------------------------------
    def merge(self, other: CorpusModel) -> CorpusModel:
        """The model of both corpora: counts added (associative and commutative)."""
        return CorpusModel(
            words=_added(self.words, other.words),
            word_documents=_added(self.word_documents, other.word_documents),
            pairs=_added(self.pairs, other.pairs),
            titles=_added(self.titles, other.titles),
            tails=_added(self.tails, other.tails),
            damage=_added(self.damage, other.damage),
            sites=_added(self.sites, other.sites),
            documents=self.documents + other.documents,
            tokens=self.tokens + other.tokens,
            # A count can be short by each model's bound, so the bounds add up.
            pruned=self.pruned + other.pruned,
        )

    # -- inspecting ------------------------------------------------------------------------------------
    def most_common(self, n: int = 10, table: str = "words") -> list[tuple[Any, int]]:
        """The ``n`` largest counts of ``table`` (``words``, ``pairs``, ``titles``, ``sites``...), largest
        first, ties in key order.

        >>> CorpusModel.from_counts(words={"b": 2, "a": 2, "c": 5}).most_common(2)
        [('c', 5), ('a', 2)]
        """
        if table not in _TABLES:
            raise ValueError(f"a CorpusModel has no table {table!r}; it has: {', '.join(_TABLES)}")
        counts: Mapping[Any, int] = getattr(self, table)
        return heapq.nsmallest(n, counts.items(), key=lambda item: (-item[1], item[0]))

    def summary(self, n: int = 5) -> str:
        """A few lines on what the model holds: totals, table sizes, the most common words, pairs and sites.

        >>> print(CorpusModel.from_counts(words={"tool": 2}, sites={"example.org": 1}, documents=1).summary())
        1 documents, 2 tokens; exact counts
        words 1, pairs 0, titles 0, tails 0, sites 1
        entity damage: none seen
        words: tool 2
        sites: example.org 1
        """
        bound = f"counts at most {self.pruned:,} short (pruned)" if self.pruned else "exact counts"
        lines = [
            f"{self.documents:,} documents, {self.tokens:,} tokens; {bound}",
            ", ".join(f"{name} {len(getattr(self, name)):,}" for name in _TABLES if name not in _SECONDARY),
            "entity damage: "
            + (
                ", ".join(f"{form} {self.damage.get(form, 0):,}" for form in DAMAGE_FORMS)
                if self.damage
                else "none seen"
            ),
        ]
        for table in ("words", "pairs", "sites"):
            common = self.most_common(n, table)
            if common:
                shown = ", ".join(
                    f"{' '.join(key) if isinstance(key, tuple) else key} {count:,}" for key, count in common
                )
                lines.append(f"{table}: {shown}")
        return "\n".join(lines)

    # -- identity ----------------------------------------------------------------------------------
    def _canonical(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def __reduce__(self) -> tuple[Any, ...]:
        # For worker processes (a pipeline holding a model is pickled to them); files never use pickle.
        return (_restore, (self.to_dict(), self.digest))

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data (pairs as ``"left right"`` keys)."""
        return {
            "words": dict(self.words),
            "word_documents": dict(self.word_documents),
            "pairs": {f"{left} {right}": n for (left, right), n in self.pairs.items()},
            "titles": dict(self.titles),
            "tails": dict(self.tails),
            "damage": dict(self.damage),
            "sites": dict(self.sites),
            "documents": self.documents,
            "tokens": self.tokens,
            "pruned": self.pruned,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CorpusModel:
        """The model :meth:`to_dict` gave."""
        pairs = {}
        for key, n in data.get("pairs", {}).items():
            left, _, right = key.partition(" ")
            pairs[left, right] = n
        return cls(
            words=data.get("words"),
            word_documents=data.get("word_documents"),
            pairs=pairs,
            titles=data.get("titles"),
            tails=data.get("tails"),
            damage=data.get("damage"),
            sites=data.get("sites"),
            documents=data.get("documents", 0),
            tokens=data.get("tokens"),
            pruned=data.get("pruned", 0),
        )

    # -- files ------------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """The model file's content: gzip-compressed JSON (see :meth:`save`); equal models, equal bytes."""
        data = {
            "format": MODEL_FORMAT,
            "version": MODEL_VERSION,
            "textmend": __version__,
            "digest": self.digest,
            "model": self.to_dict(),
        }
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)

    @classmethod
    def from_bytes(cls, content: bytes, where: str = "the model") -> CorpusModel:
        """The model :meth:`to_bytes` wrote; :class:`~textmend.ModelFileError` for anything else.

        ``where`` names the source in the messages (a file name). A file is read as data only: nothing
        in it is ever run, and a pickle is refused, not loaded.
        """
        data = _model_data(content, where)
        model = cls.from_dict(data["model"])
        if data.get("digest") not in (None, model.digest):
            raise ModelFileError(
                f"{where}: its counts do not match the digest it was saved with, so it was changed or "
                "damaged after saving; fit the model again (textmend fit)"
            )
        return model

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model to ``path``: JSON compressed with gzip, whatever the name (``.textmend`` is usual).

        The file is ``{"format": "textmend-model", "version": 1, "textmend": <version>, "digest": <sha256>,
        "model": {...}}``. It is written under a temporary name and renamed, so ``path`` is never left
        half-written.
        """
        target = os.fspath(path)
        temporary = os.path.join(
            os.path.dirname(target) or ".", f".{os.path.basename(target)}.{os.getpid()}.tmp"
        )
        try:
            with open(temporary, "wb") as handle:
                handle.write(self.to_bytes())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            if os.path.exists(temporary):
                os.remove(temporary)
            raise

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> CorpusModel:
        """The model saved at ``path``; :class:`~textmend.ModelFileError` if this version cannot read it."""
        where = os.fspath(path)
        try:
            with open(where, "rb") as handle:
                content = handle.read()
        except OSError as error:
            raise ModelFileError(
                f"{where}: cannot read the model file ({error.strerror or error}); check the path"
            ) from None
        return cls.from_bytes(content, where)

    @property
    def digest(self) -> str:
        """A SHA-256 of the model's content: equal models have equal digests."""
        if self._digest is None:
            object.__setattr__(self, "_digest", hashlib.sha256(self._canonical().encode()).hexdigest())
        assert self._digest is not None
        return self._digest

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CorpusModel) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        return (
            f"CorpusModel(documents={self.documents:,}, tokens={self.tokens:,}, words={len(self.words):,}, "
            f"pairs={len(self.pairs):,}, titles={len(self.titles):,})"
        )


#: The longest line, in characters, that a model counts or looks up as a title or a tail line: a longer
#: one is a paragraph (and normalising it would cost a reading of the whole line for nothing).
MAX_TITLE_LINE = 300


def normal_title(line: str) -> str:
    """A title as the model keeps it: case, spacing and edge punctuation ignored."""
    return " ".join(line.casefold().split()).strip(" .,:;!?\u2013\u2014-|\"'\u201c\u201d\u2018\u2019")


def _restore(data: Mapping[str, Any], digest: str) -> CorpusModel:
    model = CorpusModel.from_dict(data)
    object.__setattr__(model, "_digest", digest)  # known already: a worker need not compute it again
    return model


def _model_data(content: bytes, where: str) -> dict[str, Any]:
    """The checked JSON of a model file: its format, version and every table's types."""
    way_out = "give a file that `textmend fit` or CorpusModel.save wrote"
    if content[:1] == bytes([_PICKLE_PROTOCOL]):
        raise ModelFileError(
            f"{where}: looks like a Python pickle; textmend never loads pickles (loading one can run any "
            f"code), so {way_out}"
        )
    if content[:2] == _GZIP_MAGIC:
        try:
            content = gzip.decompress(content)
        except (OSError, EOFError, zlib.error) as error:
            raise ModelFileError(
                f"{where}: the gzip data is damaged or cut short ({error}); {way_out}"
            ) from None
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ModelFileError(f"{where}: not a textmend model (not JSON: {error}); {way_out}") from None
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise ModelFileError(
            f"{where}: not a textmend model (its format is {found!r}, not {MODEL_FORMAT!r}); {way_out}"
        )
    version = data.get("version")
    if version != MODEL_VERSION:
        made_by = data.get("textmend", "an unknown version")
        raise ModelFileError(
            f"{where}: a model file of format version {version!r} (written by textmend {made_by}); this "
            f"textmend {__version__} reads version {MODEL_VERSION}; fit the model again with this version "
            "(textmend fit), or load it with the textmend that wrote it"
        )
    _check_model(data.get("model"), where)
    return data


def _check_model(model: object, where: str) -> None:
    """Refuse a model whose tables are not maps of strings to whole numbers (``ModelFileError``)."""
    if not isinstance(model, dict):
        raise ModelFileError(f"{where}: its 'model' is not a JSON object; the file is damaged")
    for name, paired in _TABLES.items():
        table = model.get(name, {})
        if not isinstance(table, dict):
            raise ModelFileError(f"{where}: its {name!r} table is not a JSON object; the file is damaged")
        for key, count in table.items():
            if not _is_count(count) or (paired and " " not in key):
                raise ModelFileError(
                    f"{where}: its {name!r} table has {key!r}: {count!r}, not a count; the file is damaged"
                )
    for name in _TOTALS:
        if not _is_count(model.get(name, 0)):
            raise ModelFileError(
                f"{where}: its {name!r} is {model.get(name)!r}, not a count; the file is damaged"
            )


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _added(a: Mapping[Any, int], b: Mapping[Any, int]) -> Counter[Any]:
    total: Counter[Any] = Counter(a)
    total.update(b)
    return total
