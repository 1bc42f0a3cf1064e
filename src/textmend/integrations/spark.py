"""Spark: mend a DataFrame's text column with ``mapInPandas`` (``pip install 'textmend[spark]'``; Java 17+).

:func:`mend_frame` is the whole recipe: it runs a :class:`SparkMender` over each partition with
``mapInPandas`` and gives Spark the output schema, the input's columns then ``title``, ``site``, ``teasers``
(and ``changes``) with textmend's types. Each Python worker builds the pipeline on its first batch
and loads the word list once. :func:`textmend.records.provenance` is the mender's ``provenance``
attribute and the ``"textmend"`` metadata of the text column's field, which Spark keeps in the
Parquet files it writes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from ..pipeline import Pipeline
from ..records import PROVENANCE_KEY, check_no_clash
from ._frames import FrameOptions

try:
    from pyspark.sql import types as spark_types
    from pyspark.sql.pandas.types import from_arrow_type
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError("textmend.integrations.spark needs pyspark: pip install 'textmend[spark]'") from error

__all__ = ["SparkMender", "mend_frame"]

_log = logging.getLogger("textmend")


class SparkMender(FrameOptions):
    """A ``mapInPandas`` function: pandas batches mended by :func:`textmend.integrations.pandas.mend_frame`.

    ``column``, ``pipeline``, ``changes``, ``prefix`` and ``strict`` (:class:`FrameOptions`) mean what
    they mean there; :meth:`schema` is the output schema for a given input schema.
    """

    def schema(self, schema: Any) -> Any:
        """The output ``StructType`` for input ``schema``: its fields, then textmend's (with their types)."""
        fields = []
        for field in schema.fields:
            if field.name == self.column:
                about = json.dumps(self.provenance, default=repr)
                metadata = {**(field.metadata or {}), PROVENANCE_KEY: about}
                field = spark_types.StructField(field.name, field.dataType, field.nullable, metadata)
            fields.append(field)
        for added in self.added_fields():
            fields.append(spark_types.StructField(added.name, from_arrow_type(added.type), True))
        return spark_types.StructType(fields)

    def __call__(self, frames: Iterator[Any]) -> Iterator[Any]:
        """Mend each pandas batch of a partition (runs on Spark's Python workers)."""
        for frame in frames:
            yield self.mend(frame)


def mend_frame(
    frame: Any,
    column: str = "text",
    pipeline: Pipeline | None = None,
    *,
    changes: bool = False,
    prefix: str = "",
    strict: bool = False,
) -> Any:
    """A lazy Spark DataFrame: ``frame`` with ``column`` mended and textmend's columns added.

    Raises :class:`~textmend.RecordError` at once if ``frame`` has a column textmend would add.
    """
    mender = SparkMender(column, pipeline, changes=changes, prefix=prefix, strict=strict)
    check_no_clash(frame.columns, [field.name for field in mender.added_fields()], what="column")
    _log.debug("mending Spark column %r with %r", column, mender.steps)
    return frame.mapInPandas(mender, mender.schema(frame.schema))
