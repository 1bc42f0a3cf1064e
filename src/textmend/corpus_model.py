"""What :func:`textmend.fit` learns from a corpus: its words, word pairs, titles and entity damage.

A :class:`CorpusModel` is data, and nothing else: counts that fixers consult through named questions
(:meth:`CorpusModel.count`, :meth:`CorpusModel.pair`, :meth:`CorpusModel.is_title`...). It is
immutable and hashable (fixers that hold one stay frozen dataclasses, usable as cache keys), and
:meth:`CorpusModel.merge` adds two models, so fitting is map-reduce.

This is the core of the model: the fitting itself (tokenising, pruning, files) is at the edge.

>>> a = CorpusModel.from_counts(words={"rustup": 3, "the": 10}, pairs={("the", "tool"): 2}, documents=2)
>>> b = CorpusModel.from_counts(words={"rustup": 1}, documents=1)
>>> merged = a.merge(b)
>>> merged.count("rustup"), merged.pair("the", "tool"), merged.documents
(4, 2, 3)
>>> merged == b.merge(a)
True
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

__all__ = ["DAMAGE_FORMS", "CorpusModel", "normal_title"]

#: How a corpus lost the ``&`` of its entity references: dropped (``Letrsquo;s``), turned into a space
#: (``Let rsquo;s``) or into the word ``and`` (``Letandrsquo;s``).
DAMAGE_FORMS = ("dropped", "space", "and")


class CorpusModel:
    """Counts learned from one corpus (or several, merged). Build one with :func:`textmend.fit`.

    ``words``: lowercase word -> occurrences; ``word_documents``: lowercase word -> documents it is in;
    ``pairs``: (left, right) lowercase words side by side -> occurrences; ``titles``: normalised title
    -> documents with that title; ``tails``: normalised line of a document's last block (the lines
    after its body's last blank line, at most a few) -> documents ending with it, for boilerplate;
    ``damage``: damage form (see :data:`DAMAGE_FORMS`) -> repairs seen;
    ``sites``: site -> documents; ``documents`` and ``tokens``: totals. ``pruned``: the largest count
    pruning dropped (0: the counts are exact).
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
    _digest: str

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
        object.__setattr__(self, "_digest", hashlib.sha256(self._canonical().encode()).hexdigest())

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
        """How many documents of the corpus have ``line`` as their title (compared normalised)."""
        return self.titles.get(normal_title(line), 0)

    def is_title(self, line: str) -> bool:
        """Whether ``line`` is the title of a document of the corpus."""
        return self.title_count(line) > 0

    def tail_count(self, line: str) -> int:
        """How many documents of the corpus end with a block holding ``line`` (compared normalised)."""
        return self.tails.get(normal_title(line), 0)

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
            pruned=max(self.pruned, other.pruned),
        )

    # -- identity ----------------------------------------------------------------------------------
    def _canonical(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))

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

    @property
    def digest(self) -> str:
        """A SHA-256 of the model's content: equal models have equal digests."""
        return self._digest

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CorpusModel) and other._digest == self._digest

    def __hash__(self) -> int:
        return hash(self._digest)

    def __repr__(self) -> str:
        return (
            f"CorpusModel(documents={self.documents:,}, tokens={self.tokens:,}, words={len(self.words):,}, "
            f"pairs={len(self.pairs):,}, titles={len(self.titles):,})"
        )


def normal_title(line: str) -> str:
    """A title as the model keeps it: case, spacing and edge punctuation ignored."""
    return " ".join(line.casefold().split()).strip(" .,:;!?\u2013\u2014-|\"'\u201c\u201d\u2018\u2019")


def _added(a: Mapping[Any, int], b: Mapping[Any, int]) -> Counter[Any]:
    total: Counter[Any] = Counter(a)
    total.update(b)
    return total
