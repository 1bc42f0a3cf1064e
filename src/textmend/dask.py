"""Dask helpers: mend a Dask DataFrame's text column or a bag of texts or records, on any cluster.

``pip install textmend[dask]``. The pipeline travels to the workers pickled (it is small: the word list
is not in it); each worker process loads the word list once, on its first document. The same code runs
on a ``LocalCluster`` or against a remote scheduler: see ``examples/dask_cluster.py``.

    import dask.dataframe as dd
    from textmend.dask import mend_dataframe

    frame = dd.read_parquet("crawl/*.parquet")
    mend_dataframe(frame, "text").to_parquet("mended/")
"""

from __future__ import annotations

from functools import partial
from typing import Any

from .pipeline import Pipeline
from .records import mend_record

try:
    import dask.bag
    import dask.dataframe  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError("textmend.dask needs dask: pip install 'textmend[dask]'") from error

from .pandas import mend_frame


def mend_dataframe(
    frame: Any,
    column: str = "text",
    pipeline: Pipeline | None = None,
    *,
    changes: bool = False,
    prefix: str = "",
) -> Any:
    """A lazy Dask DataFrame: ``frame`` with ``column`` mended and ``title``/``teasers`` columns added.

    Each partition goes through :func:`textmend.pandas.mend_frame`; divisions and row order are kept.
    """
    mend = partial(mend_frame, column=column, pipeline=pipeline, changes=changes, prefix=prefix)
    return frame.map_partitions(mend, meta=mend(frame._meta))


def mend_bag(
    bag: Any,
    pipeline: Pipeline | None = None,
    *,
    text_field: str | None = None,
    changes: bool = False,
    prefix: str = "",
) -> Any:
    """A lazy bag of mended items: texts become mended texts, or with ``text_field``, records (dicts) get
    their text mended and ``title``/``teasers`` fields added, as :func:`textmend.records.mend_record` does.
    """
    if text_field is None:
        return bag.map(_mend_text, pipeline)
    return bag.map(mend_record, pipeline, text_field=text_field, changes=changes, prefix=prefix)


def _mend_text(text: str, pipeline: Pipeline | None) -> str:
    if pipeline is None:
        from .default import DEFAULT

        pipeline = DEFAULT
    return pipeline(text)
