"""The figures of an audit: what the pipeline would change in a set of records, counted, not applied.

Every figure comes from the structured fields of each :class:`~textmend.Change` (``fixer``, ``kind``,
``evidence``, ``before``/``after``) and from each document's title and teasers, never from ``reason``
prose. A :class:`Tally` counts one slice of records; tallies merge, so worker processes each count a
chunk and the parent adds them up, with the same result for any number of workers.

>>> from textmend import Pipeline
>>> report = audit_records([{"text": "Letrsquo;s see"}, {"text": "Clean."}], Pipeline(["entities"]))
>>> report.documents, report.touched, report.per_fixer["entities"]["changes"]
(2, 1, 1)
>>> report.entities["names"]
{'rsquo': 1}
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import json
import multiprocessing
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from ..default import DEFAULT
from ..errors import FixerError
from ..model import Change, Document
from ..pipeline import Pipeline
from ..version import __version__

__all__ = [
    "CHUNK_RECORDS",
    "CONTEXT_CHARS",
    "HISTOGRAM_BINS",
    "MAX_ERRORS_SHOWN",
    "MAX_SAMPLES",
    "MAX_SAMPLE_BYTES",
    "MAX_SHOWN_CHANGES",
    "MAX_SHOWN_CHARS",
    "NO_CONFIDENCE",
    "SAMPLES_PER_BUCKET",
    "SAMPLE_OVERSHOOT",
    "TOP",
    "TOP_GROUPS",
    "AuditReport",
    "Tally",
    "audit_records",
    "bin_of",
    "confidence_of",
    "entity_name",
    "group_of",
    "is_word_character",
    "json_text",
    "kinds_of",
    "pipeline_config",
    "report_of",
    "reservoir",
    "sample_of",
    "split_made",
    "text_problem",
    "visible",
]

#: Bins of the changes-per-document histogram: a bin holds counts from its bound up to the next one.
HISTOGRAM_BINS: tuple[int, ...] = (0, 1, 2, 3, 5, 10, 20, 50, 100)
#: Documents kept as samples for each fixer and each kind: enough to judge a fixer, few enough that
#: a report of a huge corpus stays a few megabytes.
SAMPLES_PER_BUCKET = 40
#: Samples embedded in all: with MAX_SAMPLE_BYTES, the cap behind the 10 MB page.
MAX_SAMPLES = 400
#: Characters of unchanged text shown on either side of a change in a sample.
CONTEXT_CHARS = 160
#: Longest ``before``/``after`` shown whole in a sample (a teaser block can be kilobytes long).
MAX_SHOWN_CHARS = 800
#: Changes shown per sample document; the rest are counted, not shown.
MAX_SHOWN_CHANGES = 40
#: UTF-8 bytes of context and changes after which a sample shows no more changes: with MAX_SAMPLES,
#: what keeps the page under 10 MB whatever the corpus (one change more may pass it, by at most
#: SAMPLE_OVERSHOOT bytes).
MAX_SAMPLE_BYTES = 12_000
SAMPLE_OVERSHOOT = 4 * (2 * MAX_SHOWN_CHARS + 2 * CONTEXT_CHARS + 40 + 300)
#: Entries kept in each "most often" table of the report.
TOP = 30
#: Groups shown by name; the rest are added up as "(other)".
TOP_GROUPS = 30
#: Record errors quoted in the report (all are counted).
MAX_ERRORS_SHOWN = 10
#: Records handed to a worker process at a time.
CHUNK_RECORDS = 500
#: A change with no confidence sorts after every change that has one (confidences are 0..1).
NO_CONFIDENCE = 2.0

_WORD = re.compile(r"\w+")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def bin_of(count: int) -> str:
    """The histogram bin label for a document with ``count`` changes.

    >>> bin_of(0), bin_of(4), bin_of(12), bin_of(500)
    ('0', '3-4', '10-19', '100+')
    """
    for low, high in itertools.pairwise(HISTOGRAM_BINS):
        if count < high:
            return str(low) if high - low == 1 else f"{low}-{high - 1}"
    return f"{HISTOGRAM_BINS[-1]}+"


def _bin_labels() -> list[str]:
    return [bin_of(low) for low in HISTOGRAM_BINS]


def group_of(value: object) -> str:
    """The group a record falls in for ``--group-by``: a URL's host, else the value as text.

    >>> group_of("https://www.example.org/news/1"), group_of("wiki"), group_of(None)
    ('www.example.org', 'wiki', '(missing)')
    """
    if value is None or value == "":
        return "(missing)"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    if "://" in text[:16]:
        try:
            host = urlsplit(text.strip()).hostname
        except ValueError:
            host = None
        return host or "(no host)"
    return text[:200]


def reservoir(records: Iterable[Any], size: int, seed: int = 0) -> tuple[list[tuple[int, Any]], int]:
    """A uniform sample of ``size`` items with their positions (algorithm R), and how many were seen.

    Seeded, so a run can be repeated; the sample comes back in input order.

    >>> reservoir("abcdefgh", 3, seed=1)[1]
    8
    """
    rng = random.Random(seed)
    kept: list[tuple[int, Any]] = []
    seen = 0
    for seen, record in enumerate(records, 1):
        if len(kept) < size:
            kept.append((seen - 1, record))
        else:
            slot = rng.randrange(seen)
            if slot < size:
                kept[slot] = (seen - 1, record)
    kept.sort(key=lambda item: item[0])
    return kept, seen


def json_text(data: Any, *, indent: int | None = None) -> str:
    """``data`` as JSON text, with lone surrogates escaped so that it encodes as UTF-8."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, default=str)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def pipeline_config(pipeline: Pipeline) -> list[dict[str, Any]]:
    """Each step of ``pipeline`` as ``{"name", "enabled", "options"}``, options as JSON-ready values."""
    config = []
    for step in pipeline.steps:
        options = {key: _plain(value) for key, value in step.fixer.get_params().items()}
        config.append({"name": step.name, "enabled": step.enabled, "options": options})
    return config


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, frozenset, set)):
        items = [_plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return repr(value)


# -- reading one change --------------------------------------------------------------------------------
def confidence_of(change: Change) -> float | None:
    """The fixer's confidence in ``change`` (``evidence["confidence"]``, 0..1), or None."""
    value = change.evidence.get("confidence")
    return None if value is None else float(value)


def kinds_of(change: Change) -> tuple[str, ...]:
    """The kinds of ``change``; a change whose fixer set none counts as ``<fixer>/unclassified``."""
    return change.kinds or tuple(f"{fixer}/unclassified" for fixer in change.fixers)


def entity_name(before: str) -> str:
    """The entity a damaged reference named, read from the text the fixer replaced.

    A run of one reference merged into one change (``lt;lt;lt;``) names it once.

    >>> entity_name("rsquo;"), entity_name(" #39;"), entity_name("&amp;eacute;"), entity_name("andapos;")
    ('rsquo', '#39', 'eacute', 'apos')
    >>> entity_name("lt;lt;lt;"), entity_name("#39;#39;")
    ('lt', '#39')
    """
    name = before.strip().removesuffix(";")
    while name.startswith(("&amp;", "amp;")):
        name = name.split(";", 1)[1] if ";" in name else name
    name = name.lstrip("&").split(";", 1)[0]
    if name.startswith("and") and len(name) > 3:  # the "&" written as a word: "andapos;"
        name = name[3:]
    return name[:40] or "(empty)"


def is_word_character(character: str) -> bool:
    """Whether ``character`` belongs to a word as the splits table shows it (letters, digits, ``'``)."""
    return character.isalnum() or character in "'’-"


def visible(text: str) -> str:
    """``text`` with invisible characters written as escapes, so a table shows them.

    >>> visible("a\u00a0b\u200b")
    'a\\\\xa0b\\\\u200b'
    """
    return "".join(c if (c.isprintable() and not c.isspace()) or c == " " else ascii(c)[1:-1] for c in text)


def split_made(text: str, change: Change) -> str:
    """The run of text a ``words`` change split, shown as ``glued → split``.

    >>> split_made("it is usedfor pain", Change("words", 10, 10, "", " "))
    'usedfor → used for'
    """
    start, end = change.start, change.end
    left = start
    while left > 0 and is_word_character(text[left - 1]) and start - left < 40:
        left -= 1
    right = end
    while right < len(text) and is_word_character(text[right]) and right - end < 40:
        right += 1
    glued = text[left:right]
    return f"{glued} → {text[left:start]}{change.after}{text[end:right]}"


def text_problem(record: object, text_field: str) -> str | None:
    """Why ``record`` has no text to audit, or None when it has.

    >>> text_problem({"text": "ok"}, "text"), text_problem({"body": "x"}, "text")
    (None, "no 'text' field")
    """
    if not isinstance(record, Mapping):
        return f"not a record but {type(record).__name__}"
    if text_field not in record:
        return f"no {text_field!r} field"
    if not isinstance(record[text_field], str):
        return f"field {text_field!r} is not a string"
    return None


# -- the tally -------------------------------------------------------------------------------------------
@dataclasses.dataclass
class _Group:
    documents: int = 0
    touched: int = 0
    changes: int = 0
    words: int = 0
    histogram: Counter[str] = dataclasses.field(default_factory=Counter)

    def add(self, other: _Group) -> None:
        self.documents += other.documents
        self.touched += other.touched
        self.changes += other.changes
        self.words += other.words
        self.histogram.update(other.histogram)


#: A sample candidate: its sort key (least certain first, then earliest) and what the page shows.
_Candidate = tuple[tuple[float, int], dict[str, Any]]


@dataclasses.dataclass
class Tally:
    """Counts over some records; :meth:`add` merges another tally in (commutative, so order-free)."""

    documents: int = 0
    bytes: int = 0
    words: int = 0
    touched: int = 0
    changes: int = 0
    skipped: int = 0
    errors: list[tuple[int, str]] = dataclasses.field(default_factory=list)
    fixer_changes: Counter[str] = dataclasses.field(default_factory=Counter)
    fixer_documents: Counter[str] = dataclasses.field(default_factory=Counter)
    kind_changes: Counter[str] = dataclasses.field(default_factory=Counter)
    kind_documents: Counter[str] = dataclasses.field(default_factory=Counter)
    confidence: dict[str, Counter[str]] = dataclasses.field(default_factory=dict)
    entity_names: Counter[str] = dataclasses.field(default_factory=Counter)
    entity_forms: Counter[str] = dataclasses.field(default_factory=Counter)
    splits: Counter[str] = dataclasses.field(default_factory=Counter)
    ftfy_kinds: Counter[str] = dataclasses.field(default_factory=Counter)
    ftfy_pairs: Counter[str] = dataclasses.field(default_factory=Counter)
    teaser_documents: int = 0
    teaser_blocks: int = 0
    teaser_titles: Counter[str] = dataclasses.field(default_factory=Counter)
    teaser_headings: Counter[str] = dataclasses.field(default_factory=Counter)
    title_documents: int = 0
    titles: Counter[str] = dataclasses.field(default_factory=Counter)
    histogram: Counter[str] = dataclasses.field(default_factory=Counter)
    groups: dict[str, _Group] = dataclasses.field(default_factory=dict)
    samples: dict[str, list[_Candidate]] = dataclasses.field(default_factory=dict)

    # -- counting one record ----------------------------------------------------------------------
    def count(
        self,
        index: int,
        record: Mapping[str, Any],
        pipeline: Pipeline,
        text_field: str,
        group_by: str | None,
    ) -> None:
        """Mend the text of ``record`` (the ``index``-th read) and count what changed."""
        problem = text_problem(record, text_field)
        if problem is not None:
            self.skip(index, problem)
            return
        text: str = record[text_field]
        try:
            document = pipeline.mend_document(text)
        except FixerError as error:  # a fixer's bug: worth seeing in the report, not worth stopping it
            self.skip(index, f"textmend failed: {error}")
            return
        words = len(text.split())
        self.documents += 1
        self.bytes += len(text.encode("utf-8", "surrogatepass"))
        self.words += words
        changes = document.changes
        self.changes += len(changes)
        self.touched += bool(changes)
        self.histogram[bin_of(len(changes))] += 1
        if group_by is not None:
            name = group_of(record.get(group_by))
            group = self.groups.setdefault(name, _Group())
            group.add(_Group(1, int(bool(changes)), len(changes), words, Counter([bin_of(len(changes))])))
        self._count_changes(text, changes)
        self._count_findings(document)
        if changes:
            self._offer_sample(index, text, document, record, group_by)

    def skip(self, index: int, problem: str) -> None:
        """Count a record that could not be audited."""
        self.skipped += 1
        self.errors.append((index, problem))
        self.errors = sorted(self.errors)[:MAX_ERRORS_SHOWN]

    def _count_changes(self, text: str, changes: list[Change]) -> None:
        fixers: set[str] = set()
        kinds: set[str] = set()
        for change in changes:
            for fixer in change.fixers:
                self.fixer_changes[fixer] += 1
                fixers.add(fixer)
                level = confidence_of(change)
                band = "none" if level is None else f"{min(int(level * 10), 9) / 10:.1f}"
                self.confidence.setdefault(fixer, Counter())[band] += 1
            for kind in kinds_of(change):
                self.kind_changes[kind] += 1
                kinds.add(kind)
            self._count_damage(text, change)
        self.fixer_documents.update(fixers)
        self.kind_documents.update(kinds)

    def _count_damage(self, text: str, change: Change) -> None:
        kinds = kinds_of(change)
        if "entities" in change.fixers:
            self.entity_names[entity_name(change.before)] += 1
            forms = [kind for kind in kinds if kind.startswith("entity/")]
            self.entity_forms.update(forms or ["entities/unclassified"])
        if "words" in change.fixers and change.after.strip() == "":
            self.splits[split_made(text, change)] += 1
        if "ftfy" in change.fixers:
            forms = [kind for kind in kinds if kind.startswith("ftfy/")]
            self.ftfy_kinds.update(forms or ["ftfy/unclassified"])
            self.ftfy_pairs[f"{visible(change.before[:20])} → {visible(change.after[:20])}"] += 1

    def _count_findings(self, document: Document) -> None:
        if document.teasers:
            self.teaser_documents += 1
            self.teaser_blocks += len(document.teasers)
            for teaser in document.teasers:
                self.teaser_titles[teaser.title[:120]] += 1
                if teaser.heading:
                    self.teaser_headings[teaser.heading.strip()[:80]] += 1
        if document.title:
            self.title_documents += 1
            self.titles[document.title[:120]] += 1

    # -- samples ----------------------------------------------------------------------------------
    def _offer_sample(
        self, index: int, text: str, document: Document, record: Mapping[str, Any], group_by: str | None
    ) -> None:
        buckets: dict[str, float] = {}
        for change in document.changes:
            level = confidence_of(change)
            key = NO_CONFIDENCE if level is None else level
            for name in [*(f"fixer:{f}" for f in change.fixers), *(f"kind:{k}" for k in kinds_of(change))]:
                buckets[name] = min(buckets.get(name, NO_CONFIDENCE), key)
        wanted = [
            (name, level)
            for name, level in buckets.items()
            if _would_keep(self.samples.get(name, []), (level, index))
        ]
        if not wanted:
            return
        shown = sample_of(index, text, document.changes)
        if group_by is not None:
            shown["g"] = group_of(record.get(group_by))
        for name, level in wanted:
            heap = self.samples.setdefault(name, [])
            # a max-heap on the key (negated): its root is the candidate to drop first
            entry = ((-level, -index), shown)
            if len(heap) < SAMPLES_PER_BUCKET:
                heapq.heappush(heap, entry)
            else:
                heapq.heapreplace(heap, entry)

    # -- merging ----------------------------------------------------------------------------------
    def add(self, other: Tally) -> None:
        """Add the counts of ``other`` to this tally."""
        for name in ("documents", "bytes", "words", "touched", "changes", "skipped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.teaser_documents += other.teaser_documents
        self.teaser_blocks += other.teaser_blocks
        self.title_documents += other.title_documents
        self.errors = sorted(self.errors + other.errors)[:MAX_ERRORS_SHOWN]
        for name in (
            "fixer_changes", "fixer_documents", "kind_changes", "kind_documents", "entity_names",
            "entity_forms", "splits", "ftfy_kinds", "ftfy_pairs", "teaser_titles", "teaser_headings",
            "titles", "histogram",
        ):  # fmt: skip
            getattr(self, name).update(getattr(other, name))
        for fixer, bands in other.confidence.items():
            self.confidence.setdefault(fixer, Counter()).update(bands)
        for name, group in other.groups.items():
            self.groups.setdefault(name, _Group()).add(group)
        for name, heap in other.samples.items():
            mine = self.samples.setdefault(name, [])
            for entry in heap:
                if len(mine) < SAMPLES_PER_BUCKET:
                    heapq.heappush(mine, entry)
                elif entry[0] > mine[0][0]:
                    heapq.heapreplace(mine, entry)


def _would_keep(heap: list[_Candidate], key: tuple[float, int]) -> bool:
    """Whether a candidate with ``key`` (confidence, position) beats the worst one kept in ``heap``."""
    if len(heap) < SAMPLES_PER_BUCKET:
        return True
    worst = heap[0][0]
    return (-key[0], -key[1]) > worst


def _clip(value: str) -> str:
    if len(value) <= MAX_SHOWN_CHARS:
        return value
    return value[:MAX_SHOWN_CHARS] + f"… [{len(value) - MAX_SHOWN_CHARS:,} more characters]"


def _bytes(*texts: str) -> int:
    return sum(len(text.encode("utf-8", "surrogatepass")) for text in texts)


def _lead_in(gap: str) -> str:
    """The end of ``gap`` shown before a change: about CONTEXT_CHARS, from the start of a word."""
    piece = gap[-CONTEXT_CHARS:]
    cut = piece.find(" ")
    return piece[cut + 1 :] if 0 <= cut < CONTEXT_CHARS // 3 else piece


def _lead_out(gap: str) -> str:
    """The start of ``gap`` shown after a change: about CONTEXT_CHARS, up to the end of a word."""
    piece = gap[:CONTEXT_CHARS]
    cut = piece.rfind(" ")
    return piece[:cut] if cut > 2 * CONTEXT_CHARS // 3 else piece


def sample_of(index: int, text: str, changes: list[Change]) -> dict[str, Any]:
    """What the page shows of one document: its changes, and the text around them in segments.

    ``s`` is a list of plain strings (unchanged text), ``None`` (text left out) and integers (the
    change of that number in ``c``), in reading order.

    >>> change = Change("entities", 3, 9, "rsquo;", "’", kind="entity/dropped")
    >>> sample = sample_of(0, "Letrsquo;s go", [change])
    >>> sample["s"], sample["c"][0]["b"], sample["c"][0]["a"]
    (['Let', 0, 's go'], 'rsquo;', '’')
    """
    shown = sorted(changes, key=lambda change: (change.start, change.end))[:MAX_SHOWN_CHANGES]
    segments: list[Any] = []
    position = 0
    entries = []
    budget = MAX_SAMPLE_BYTES
    for number, change in enumerate(shown):
        if budget <= 0:
            break
        gap = text[position : change.start]
        if position == 0 and len(gap) > CONTEXT_CHARS:
            segments += [None, _lead_in(gap)]
        elif len(gap) > 2 * CONTEXT_CHARS + 40:
            segments += [_lead_out(gap), None, _lead_in(gap)]
        elif gap:
            segments.append(gap)
        segments.append(number)
        position = max(position, change.end)
        level = confidence_of(change)
        entry: dict[str, Any] = {
            "f": change.fixer,
            "k": list(kinds_of(change)),
            "b": _clip(change.before),
            "a": _clip(change.after),
            "r": change.reason[:300],
        }
        if level is not None:
            entry["p"] = round(level, 3)
        entries.append(entry)
        budget -= _bytes(entry["b"], entry["a"], entry["r"]) + min(_bytes(gap), 4 * 2 * CONTEXT_CHARS)
    tail = text[position:]
    if len(tail) > CONTEXT_CHARS:
        segments += [_lead_out(tail), None]
    elif tail:
        segments.append(tail)
    return {"i": index, "n": len(changes), "c": entries, "s": segments}


# -- the report ------------------------------------------------------------------------------------------
@dataclasses.dataclass
class AuditReport:
    """The figures of one audit, ready to render (:func:`textmend.audit.render_html`) or save as JSON."""

    documents: int
    documents_read: int
    bytes: int
    words: int
    touched: int
    changes: int
    skipped: int
    errors: list[dict[str, Any]]
    per_fixer: dict[str, dict[str, int]]
    per_kind: dict[str, dict[str, int]]
    confidence: dict[str, dict[str, int]]
    entities: dict[str, Any]
    splits: dict[str, int]
    teasers: dict[str, Any]
    titles: dict[str, Any]
    ftfy: dict[str, Any]
    histogram: dict[str, int]
    groups: dict[str, dict[str, Any]]
    samples: list[dict[str, Any]]
    run: dict[str, Any]

    @property
    def touched_share(self) -> float:
        """The share of audited documents with at least one change (0..1)."""
        return self.touched / self.documents if self.documents else 0.0

    @property
    def changes_per_thousand_words(self) -> float:
        """Changes per 1,000 words of input."""
        return 1000 * self.changes / self.words if self.words else 0.0

    def to_dict(self, *, samples: bool = True) -> dict[str, Any]:
        """A JSON-ready dict of every figure (``samples=False`` leaves the sample documents out)."""
        data = dataclasses.asdict(self)
        data["touched_share"] = round(self.touched_share, 6)
        data["changes_per_thousand_words"] = round(self.changes_per_thousand_words, 4)
        if not samples:
            del data["samples"]
        return data

    def to_json(self, *, samples: bool = True, indent: int | None = 1) -> str:
        """The report as JSON text (UTF-8 safe: lone surrogates are escaped)."""
        return json_text(self.to_dict(samples=samples), indent=indent)


def _top(counter: Counter[str], limit: int = TOP) -> dict[str, int]:
    ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return dict(ranked[:limit])


def _by_count(changes: Counter[str], documents: Counter[str]) -> dict[str, dict[str, int]]:
    return {
        name: {"changes": changes[name], "documents": documents[name]}
        for name in sorted(changes, key=lambda name: (-changes[name], name))
    }


def _groups(groups: dict[str, _Group]) -> dict[str, dict[str, Any]]:
    ranked = sorted(groups.items(), key=lambda item: (-item[1].documents, item[0]))
    shown = dict(ranked[:TOP_GROUPS])
    if len(ranked) > TOP_GROUPS:
        other = _Group()
        for _, group in ranked[TOP_GROUPS:]:
            other.add(group)
        shown[f"(other: {len(ranked) - TOP_GROUPS:,} groups)"] = other
    return {
        name: {
            "documents": group.documents,
            "touched": group.touched,
            "changes": group.changes,
            "words": group.words,
            "histogram": {label: group.histogram[label] for label in _bin_labels()},
        }
        for name, group in shown.items()
    }


def _samples(tally: Tally) -> list[dict[str, Any]]:
    """The sample documents to embed: the best of every bucket in turn, least certain first.

    Taking one from each bucket per round keeps every fixer and kind represented under the cap.
    """
    ranked = {
        name: sorted(((-negated[0], -negated[1]), shown) for negated, shown in heap)
        for name, heap in sorted(tally.samples.items())
    }
    keys: dict[int, tuple[float, int]] = {}
    chosen: dict[int, dict[str, Any]] = {}
    for rank in range(SAMPLES_PER_BUCKET):
        for entries in ranked.values():
            if rank >= len(entries) or len(chosen) >= MAX_SAMPLES:
                continue
            key, shown = entries[rank]
            index = key[1]
            keys[index] = min(keys.get(index, key), key)
            chosen[index] = shown
    return [chosen[index] for index in sorted(chosen, key=lambda index: keys[index])]


def report_of(tally: Tally, read: int, run: Mapping[str, Any]) -> AuditReport:
    """The :class:`AuditReport` of a finished tally; ``read`` counts every record seen (sampled or not)."""
    return AuditReport(
        documents=tally.documents,
        documents_read=read,
        bytes=tally.bytes,
        words=tally.words,
        touched=tally.touched,
        changes=tally.changes,
        skipped=tally.skipped,
        errors=[{"record": index + 1, "problem": problem} for index, problem in tally.errors],
        per_fixer=_by_count(tally.fixer_changes, tally.fixer_documents),
        per_kind=_by_count(tally.kind_changes, tally.kind_documents),
        confidence={fixer: dict(sorted(bands.items())) for fixer, bands in sorted(tally.confidence.items())},
        entities={"names": _top(tally.entity_names), "forms": _top(tally.entity_forms)},
        splits=_top(tally.splits),
        teasers={
            "documents": tally.teaser_documents,
            "blocks": tally.teaser_blocks,
            "titles": _top(tally.teaser_titles),
            "headings": _top(tally.teaser_headings),
        },
        titles={"documents": tally.title_documents, "titles": _top(tally.titles)},
        ftfy={"kinds": _top(tally.ftfy_kinds), "pairs": _top(tally.ftfy_pairs)},
        histogram={label: tally.histogram[label] for label in _bin_labels()},
        groups=_groups(tally.groups),
        samples=_samples(tally),
        run=dict(run),
    )


# -- running ---------------------------------------------------------------------------------------------
_Job = tuple[Pipeline, str, "str | None"]
_WORKER_JOB: _Job | None = None


def _start_worker(job: _Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job


def _tally_chunk(job: _Job, chunk: list[tuple[int, Any]]) -> Tally:
    pipeline, text_field, group_by = job
    tally = Tally()
    for index, record in chunk:
        if isinstance(record, Exception):
            tally.skip(index, str(record))
        else:
            tally.count(index, record, pipeline, text_field, group_by)
    return tally


def _tally_chunk_in_worker(chunk: list[tuple[int, Any]]) -> Tally:
    assert _WORKER_JOB is not None
    return _tally_chunk(_WORKER_JOB, chunk)


def _chunks(items: Iterable[tuple[int, Any]]) -> Iterator[list[tuple[int, Any]]]:
    chunk: list[tuple[int, Any]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= CHUNK_RECORDS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _tally(job: _Job, items: Iterable[tuple[int, Any]], workers: int) -> Tally:
    total = Tally()
    if workers <= 1:
        for chunk in _chunks(items):
            total.add(_tally_chunk(job, chunk))
        return total
    # spawn: fresh interpreters, safe whatever threads the caller runs
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(job,)) as pool:
        pending: list[Future[Tally]] = []
        for chunk in _chunks(items):
            pending.append(pool.submit(_tally_chunk_in_worker, chunk))
            if len(pending) >= 2 * workers:
                total.add(pending.pop(0).result())
        for future in pending:
            total.add(future.result())
    return total


def audit_records(
    records: Iterable[Mapping[str, Any] | Exception],
    pipeline: Pipeline = DEFAULT,
    *,
    text_field: str = "text",
    sample: int | None = None,
    seed: int = 0,
    group_by: str | None = None,
    workers: int = 1,
    run: Mapping[str, Any] | None = None,
) -> AuditReport:
    """Count what ``pipeline`` would change in ``records``, changing nothing; return the figures.

    ``sample`` audits a seeded uniform sample of that many records (reservoir sampling, one pass);
    ``group_by`` names a field to break the figures down by (a URL groups by host); ``workers > 1``
    mends in that many processes, with the same figures as one. An item that is an exception (a record
    its reader could not parse) is counted as skipped with its message, as is a record without a
    string ``text_field``. ``run`` is stored as is (the command, inputs) next to the version and
    pipeline configuration.
    """
    if sample is not None and sample < 1:
        raise ValueError(f"sample must be at least 1, not {sample}")
    numbered: Iterable[tuple[int, Any]]
    if sample is not None:
        numbered, read = reservoir(records, sample, seed)
    else:
        counted = _Counting(records)
        numbered = counted
    job: _Job = (pipeline, text_field, group_by)
    tally = _tally(job, numbered, workers)
    if sample is None:
        read = counted.seen
    details = {
        "version": __version__,
        "pipeline": pipeline_config(pipeline),
        "text_field": text_field,
        "sample": sample,
        "seed": seed,
        "group_by": group_by,
        "workers": workers,
        **(run or {}),
    }
    return report_of(tally, read, details)


class _Counting:
    """Numbers the records as they are read, and remembers how many there were."""

    def __init__(self, records: Iterable[Any]) -> None:
        self._records = records
        self.seen = 0

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        for index, record in enumerate(self._records):
            self.seen = index + 1
            yield index, record
