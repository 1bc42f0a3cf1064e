"""Hugging Face ``datasets``: mend a text column with ``Dataset.map`` (``pip install 'textmend[hf]'``).

:func:`mend_batch` is a batched map function and :func:`features` the ``Features`` of its output, so
Arrow never has to guess a column's type from a batch whose titles are all ``None`` or whose teaser
lists are all empty. :func:`mend_dataset` does both (and ``num_proc``); :func:`to_parquet` writes a
mended dataset with :func:`textmend.records.provenance` in the Parquet schema metadata, next to the
``huggingface`` entry that lets ``Dataset.from_parquet`` restore the features.

In ``changes``, each change's ``evidence`` is a list of ``{"key", "value"}`` pairs (``datasets`` has no
map type): ``{pair["key"]: pair["value"] for pair in change["evidence"]}`` is the mapping again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from ..default import DEFAULT
from ..errors import RecordError
from ..pipeline import Pipeline
from ..records import (
    PROVENANCE_KEY,
    added_arrow_fields,
    check_no_clash,
    document_fields,
    empty_fields,
    provenance,
    provenance_metadata,
)

try:
    import datasets
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError("textmend.integrations.hf needs datasets: pip install 'textmend[hf]'") from error

__all__ = ["features", "mend_batch", "mend_dataset", "provenance_of", "to_parquet"]

_log = logging.getLogger("textmend")


def features(base: Any = None, *, changes: bool = False, prefix: str = "") -> Any:
    """The ``datasets.Features`` of :func:`mend_batch` output: ``base``'s features, then textmend's fields.

    >>> base = datasets.Features({"id": datasets.Value("int64"), "text": datasets.Value("string")})
    >>> list(features(base))[:5]
    ['id', 'text', 'title', 'site', 'teasers']
    """
    import pyarrow as pa

    added = []
    for field in added_arrow_fields(changes=changes, prefix=prefix):
        added.append(pa.field(field.name, _without_maps(field.type)))
    ours = datasets.Features.from_arrow_schema(pa.schema(added))
    return datasets.Features({**(base or {}), **ours})


def mend_batch(
    batch: Mapping[str, list[Any]],
    pipeline: Pipeline | None = None,
    *,
    text_field: str = "text",
    changes: bool = False,
    prefix: str = "",
    strict: bool = False,
) -> dict[str, list[Any]]:
    """A batch (``{column: values}``) with ``text_field`` mended and textmend's columns added.

    Use it as ``dataset.map(mend_batch, batched=True, features=features(dataset.features))``. A value
    that is not a string (``None``) comes back as it was, with no title and no teasers, or with
    ``strict=True`` raises :class:`~textmend.RecordError`; a column textmend would add that is
    already there raises :class:`~textmend.RecordError` (choose a ``prefix``).
    """
    pipeline = DEFAULT if pipeline is None else pipeline
    if text_field not in batch:
        raise RecordError(f"no {text_field!r} column; pass text_field= with the name of the text column")
    empty = empty_fields(changes=changes, prefix=prefix)
    names = list(empty)
    check_no_clash(batch, names, what="column")
    out: dict[str, list[Any]] = {name: list(values) for name, values in batch.items()}
    added: dict[str, list[Any]] = {name: [] for name in names}
    for row, value in enumerate(batch[text_field]):
        if not isinstance(value, str):
            if strict and value is not None:
                raise RecordError(
                    f"row {row} of the batch holds {type(value).__name__}, not a string; leave strict=False"
                    " to pass such values through unchanged"
                )
            fields: dict[str, Any] = dict(empty)
        else:
            document = pipeline.mend_document(value)
            out[text_field][row] = document.text
            fields = document_fields(document, changes=changes, prefix=prefix)
            if changes:
                fields[f"{prefix}changes"] = [_pairs(change) for change in fields[f"{prefix}changes"]]
        for name in names:
            added[name].append(fields[name])
    out.update(added)
    return out


def mend_dataset(
    dataset: Any,
    text_field: str = "text",
    pipeline: Pipeline | None = None,
    *,
    changes: bool = False,
    prefix: str = "",
    strict: bool = False,
    num_proc: int | None = None,
    batch_size: int = 1000,
) -> Any:
    """``dataset`` mended by :func:`mend_batch` in batches, with the output :func:`features`.

    The result's ``info.description`` is the provenance as JSON (read it with :func:`provenance_of`).
    """
    pipeline = DEFAULT if pipeline is None else pipeline
    options = {"text_field": text_field, "changes": changes, "prefix": prefix, "strict": strict}
    _log.info("mending %d rows of column %r with num_proc=%s", len(dataset), text_field, num_proc)
    mended = dataset.map(
        mend_batch,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        fn_kwargs={"pipeline": pipeline, **options},
        features=features(dataset.features, changes=changes, prefix=prefix),
        desc="textmend",
    )
    about = provenance(pipeline, text_field=text_field, changes=changes, prefix=prefix)
    mended.info.description = json.dumps({PROVENANCE_KEY: about}, ensure_ascii=False, sort_keys=True)
    return mended


def provenance_of(dataset: Any) -> dict[str, Any] | None:
    """The provenance :func:`mend_dataset` recorded in ``dataset.info.description``, or None."""
    try:
        about = json.loads(dataset.info.description or "")
    except ValueError:
        return None
    return about.get(PROVENANCE_KEY) if isinstance(about, dict) else None


def to_parquet(dataset: Any, path: str, **options: Any) -> None:
    """Write ``dataset`` to one Parquet file with its provenance in the schema metadata under ``textmend``.

    ``Dataset.from_parquet(path)`` reads it back with the same features; ``options`` go to
    ``pyarrow.parquet.write_table``. The table is gathered in memory; for a dataset larger than memory
    use ``dataset.to_parquet`` (no provenance in the file) and keep :func:`provenance_of` beside it.
    """
    import pyarrow.parquet as pq

    table = dataset.with_format("arrow")[:]
    metadata = {
        b"huggingface": json.dumps({"info": {"features": dataset.features.to_dict()}}).encode(),
        **provenance_metadata(provenance_of(dataset) or {}),
    }
    pq.write_table(table.replace_schema_metadata(metadata), path, **options)


def _without_maps(kind: Any) -> Any:
    """``kind`` with each Arrow map made a list of ``key``/``value`` structs (``datasets`` has no map)."""
    import pyarrow as pa

    if pa.types.is_map(kind):
        return pa.list_(pa.struct([pa.field("key", kind.key_type), pa.field("value", kind.item_type)]))
    if pa.types.is_list(kind):
        return pa.list_(_without_maps(kind.value_type))
    if pa.types.is_struct(kind):
        return pa.struct([field.with_type(_without_maps(field.type)) for field in kind])
    return kind


def _pairs(change: dict[str, Any]) -> dict[str, Any]:
    return {**change, "evidence": [{"key": k, "value": v} for k, v in change["evidence"].items()]}
