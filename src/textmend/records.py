"""Mending records (dicts with a text field), as corpora, data frames and pipelines hold them.

The command line, :mod:`textmend.integrations.pandas`, :mod:`textmend.integrations.dask` and the
datatrove step all write the same fields: the mended text in place, then ``title``, ``site``, ``teasers`` and,
when asked, ``changes``; and all refuse to overwrite a field with :func:`check_no_clash`.

>>> mend_record({"id": 7, "text": "Letrsquo;s go"})
{'id': 7, 'text': 'Let’s go', 'title': None, 'site': None, 'teasers': []}
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Container, Iterable, Mapping
from typing import Any

from . import __version__
from .corpus_model import CorpusModel
from .default import DEFAULT
from .errors import RecordError
from .model import Change, Document, Teaser
from .pipeline import Pipeline

__all__ = [
    "PROVENANCE_KEY",
    "added_arrow_fields",
    "changes_arrow_type",
    "check_no_clash",
    "document_fields",
    "empty_fields",
    "mend_record",
    "model_of",
    "provenance",
    "provenance_metadata",
    "teasers_arrow_type",
]

#: The key under which outputs carry :func:`provenance` (Parquet schema metadata, ``Dataset.info``).
PROVENANCE_KEY = "textmend"


def document_fields(document: Document, *, changes: bool = False, prefix: str = "") -> dict[str, Any]:
    """The fields textmend adds for ``document``: title, site (the site name a page title carried, or
    ``None``), teasers (dicts) and optionally changes. Every document gets the same fields, so columns
    and schemas stay alike across records.

    >>> from textmend import mend_document
    >>> document_fields(mend_document("Letrsquo;s"), changes=True, prefix="tm_")["tm_changes"][0]["after"]
    '’'
    >>> document_fields(mend_document("Storm hits | The Gazette\\nStorm hits\\nIt rained."))
    {'title': 'Storm hits', 'site': 'The Gazette', 'teasers': []}
    """
    fields: dict[str, Any] = {f"{prefix}title": document.title, f"{prefix}site": document.site}
    fields[f"{prefix}teasers"] = [teaser.to_dict() for teaser in document.teasers]
    if changes:
        fields[f"{prefix}changes"] = [change.to_dict() for change in document.changes]
    return fields


def mend_record(
    record: Mapping[str, Any],
    pipeline: Pipeline | None = None,
    *,
    text_field: str = "text",
    changes: bool = False,
    prefix: str = "",
) -> dict[str, Any]:
    """A copy of ``record`` with its text mended and textmend's fields added after the others.

    Raises :class:`RecordError` when the text field is missing or not a string, or when the record
    already has a field textmend would write (choose a ``prefix`` then), so nothing is overwritten.
    """
    pipeline = DEFAULT if pipeline is None else pipeline
    if text_field not in record:
        raise RecordError(f"no {text_field!r} field")
    text = record[text_field]
    if not isinstance(text, str):
        raise RecordError(f"field {text_field!r} must be a string, not {_json_type(text)}")
    document = pipeline.mend_document(text)
    added = document_fields(document, changes=changes, prefix=prefix)
    check_no_clash(record, added)
    mended = dict(record)
    mended[text_field] = document.text
    mended.update(added)
    return mended


def check_no_clash(
    present: Container[str], added: Iterable[str], *, what: str = "field", where: str = ""
) -> None:
    """Raise :class:`RecordError` if a name textmend would add is already ``present``: nothing is overwritten.

    The one check behind :func:`mend_record`, ``mend_frame`` and the datatrove step; ``what`` names
    the kind of name (``column``) and ``where`` (``document 'x': ``) says where it was.

    >>> check_no_clash({"id": 1, "title": "Hi"}, ["title", "teasers"])
    Traceback (most recent call last):
    ...
    textmend.errors.RecordError: field 'title' is already there; use a prefix for textmend's fields
    """
    for name in added:
        if name in present:
            raise RecordError(f"{where}{what} {name!r} is already there; use a prefix for textmend's {what}s")


def _json_type(value: object) -> str:
    names = {type(None): "null", bool: "boolean", int: "number", float: "number", list: "array"}
    return names.get(type(value), type(value).__name__)


def teasers_arrow_type() -> Any:
    """The Arrow type of a ``teasers`` column: a list of structs, one per :class:`~textmend.Teaser`.

    Parquet writers cannot infer a nested column's type from rows that are all empty lists, so give
    them this one explicitly (needs ``pyarrow``).
    """
    return _list_of_structs(Teaser)


def changes_arrow_type() -> Any:
    """The Arrow type of a ``changes`` column: a list of structs, one per :class:`~textmend.Change`."""
    return _list_of_structs(Change)


# The Arrow type of each field type the model's dataclasses use; ``X | None`` makes a nullable field.
_ARROW_TYPES = {"str": "string", "bool": "bool_", "int": "int64"}


def _list_of_structs(cls: type[Any]) -> Any:
    """A list of structs with one field for each dataclass field of ``cls`` (needs ``pyarrow``)."""
    import pyarrow as pa

    fields = []
    for field in dataclasses.fields(cls):
        name, _, none = str(field.type).partition(" | ")
        if name == "Evidence":  # a map of names to numbers; read back as pairs by Change.from_dict
            fields.append(pa.field(field.name, pa.map_(pa.string(), pa.float64())))
            continue
        fields.append(pa.field(field.name, getattr(pa, _ARROW_TYPES[name])(), nullable=none == "None"))
    return pa.list_(pa.struct(fields))


def empty_fields(*, changes: bool = False, prefix: str = "") -> dict[str, Any]:
    """Every field :func:`document_fields` adds, empty: for a value that was not mended (``None``).

    Its keys, in order, are the names of textmend's columns; adapters take them from here, never
    spell them out, so a field added to :func:`document_fields` reaches every output.

    >>> list(empty_fields(prefix="tm_"))[:2], empty_fields()["teasers"]
    (['tm_title', 'tm_site'], [])
    """
    return document_fields(Document(""), changes=changes, prefix=prefix)


def added_arrow_fields(*, changes: bool = False, prefix: str = "") -> list[Any]:
    """The Arrow fields for what :func:`document_fields` adds, in its order (title, teasers, ...)."""
    import pyarrow as pa

    types = {"teasers": teasers_arrow_type(), "changes": changes_arrow_type()}  # others: nullable strings
    return [
        pa.field(name, types.get(name[len(prefix) :], pa.string()))
        for name in empty_fields(changes=changes, prefix=prefix)
    ]


def provenance(pipeline: Pipeline | None = None, **options: Any) -> dict[str, Any]:
    """How an output was made: textmend's version, the pipeline's configuration and the given options.

    Every integration puts this into what it writes (Parquet schema metadata under ``"textmend"``) or
    exposes it as a ``provenance`` attribute, as the corpus command does.

    >>> about = provenance(DEFAULT.disable("words"), text_field="body")
    >>> about["pipeline"].startswith("Pipeline([ftfy("), about["text_field"]
    (True, 'body')
    >>> [step["name"] for step in about["steps"] if not step["enabled"]]
    ['words', 'ascii']
    """
    pipeline = DEFAULT if pipeline is None else pipeline
    steps = [
        {"name": step.name, "enabled": step.enabled, "options": _options(step.fixer.get_params())}
        for step in pipeline.steps
    ]
    about: dict[str, Any] = {"textmend_version": __version__, "pipeline": repr(pipeline), "steps": steps}
    model = model_of(pipeline)
    if model is not None:  # which corpus model mended the output
        about["model"] = {"digest": model.digest, "documents": model.documents, "tokens": model.tokens}
    about.update(options)
    # As JSON gives it back (tuples of options become lists), so a stored copy compares equal.
    loaded: dict[str, Any] = json.loads(json.dumps(about, ensure_ascii=False, default=repr))
    return loaded


def model_of(pipeline: Pipeline) -> CorpusModel | None:
    """The corpus model the pipeline's fixers consult (:meth:`Pipeline.with_model` gives all the same one)."""
    for step in pipeline.steps:
        model = getattr(step.fixer, "model", None)
        if isinstance(model, CorpusModel):
            return model
    return None


def _options(params: Mapping[str, Any]) -> dict[str, Any]:
    """A fixer's options for the provenance: a corpus model by its digest, not its counts."""
    return {
        name: f"CorpusModel({value.digest})" if isinstance(value, CorpusModel) else value
        for name, value in params.items()
    }


def provenance_metadata(about: Mapping[str, Any]) -> dict[bytes, bytes]:
    """A :func:`provenance` as Arrow schema metadata: ``{b"textmend": <JSON>}``.

    >>> json.loads(provenance_metadata(provenance())[b"textmend"])["pipeline"].startswith("Pipeline(")
    True
    """
    text = json.dumps(dict(about), ensure_ascii=False, sort_keys=True, default=repr)
    return {PROVENANCE_KEY.encode(): text.encode()}
