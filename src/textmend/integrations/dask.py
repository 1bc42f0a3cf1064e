"""Dask: mend a Dask DataFrame's text column, or a bag of texts or records, on any cluster.

``pip install 'textmend[dask]'``. The pipeline travels to the workers pickled (it is small: the word
list is not in it); each worker process loads the word list once, on its first document. The same code
runs on a ``LocalCluster`` or against a remote scheduler: see ``examples/dask_cluster.py``.

:func:`mend_frame` gives Dask the output ``meta``; :func:`parquet_schema` gives ``to_parquet`` the Arrow
schema (Parquet cannot infer the type of a ``teasers`` column from Dask's placeholder rows) with the
provenance in its metadata under ``"textmend"``.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from ..default import DEFAULT
from ..pipeline import Pipeline
from ..records import PROVENANCE_KEY, added_arrow_fields, mend_record, provenance_metadata
from .pandas import mend_frame as mend_pandas_frame

try:
    import dask.bag
    import dask.dataframe  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError("textmend.integrations.dask needs dask: pip install 'textmend[dask]'") from error

__all__ = ["mend_bag", "mend_frame", "parquet_schema"]

_log = logging.getLogger("textmend")


def mend_frame(
    frame: Any,
    column: str = "text",
    pipeline: Pipeline | None = None,
    *,
    changes: bool = False,
    prefix: str = "",
    strict: bool = False,
) -> Any:
    """A lazy Dask DataFrame: ``frame`` with ``column`` mended and textmend's columns added.

    Each partition goes through :func:`textmend.integrations.pandas.mend_frame`; divisions and row
    order are kept, and a column clash raises :class:`~textmend.RecordError` as soon as it is called.
    Write it with ``.to_parquet(path, schema=parquet_schema(mended), write_index=False)``.
    """
    mend = partial(
        mend_pandas_frame, column=column, pipeline=pipeline, changes=changes, prefix=prefix, strict=strict
    )
    _log.debug("mending column %r of a Dask DataFrame with %d partitions", column, frame.npartitions)
    return frame.map_partitions(mend, meta=mend(frame._meta))


def parquet_schema(mended: Any) -> Any:
    """The Arrow schema for ``mended.to_parquet(..., schema=...)``, ``mended`` coming from :func:`mend_frame`.

    The input's columns keep the types Arrow gives their ``meta``; ``title``, ``site``, ``teasers``
    (``changes``) get textmend's types; the schema metadata holds :func:`textmend.records.provenance`.
    """
    import pyarrow as pa

    meta = mended._meta
    about = meta.attrs.get(PROVENANCE_KEY)
    if about is None:
        raise ValueError("parquet_schema needs a frame made by textmend.integrations.dask.mend_frame")
    prefix, changes = about["prefix"], about["changes"]
    added = added_arrow_fields(changes=changes, prefix=prefix)
    names = {field.name for field in added}
    base = pa.Schema.from_pandas(meta.drop(columns=list(names)), preserve_index=False)
    metadata = provenance_metadata(about)
    return pa.schema([*base, *added], metadata=metadata)


def mend_bag(
    bag: Any,
    pipeline: Pipeline | None = None,
    *,
    text_field: str | None = None,
    changes: bool = False,
    prefix: str = "",
) -> Any:
    """A lazy bag of mended items: texts become mended texts, or with ``text_field``, records (dicts) get
    their text mended and textmend's fields added, as :func:`textmend.records.mend_record` does.
    """
    if text_field is None:
        return bag.map(_mend_text, DEFAULT if pipeline is None else pipeline)
    return bag.map(mend_record, pipeline, text_field=text_field, changes=changes, prefix=prefix)


def _mend_text(text: str, pipeline: Pipeline) -> str:
    return pipeline(text)
