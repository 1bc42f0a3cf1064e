"""datatrove steps: mend documents inside a datatrove pipeline (``pip install textmend[datatrove]``).

:class:`TextmendFormatter` mends ``doc.text`` like any datatrove formatter; :class:`TextmendStep` also
writes the title and teasers it finds into ``doc.metadata``, next to every metadata field the reader
gave (``url``, ``file_path``, ...). :class:`TextmendParquetWriter` writes those documents to Parquet
with textmend's column types (datatrove's own writer guesses them from the first document, which fails
on an empty teasers list) and the step's provenance in the schema metadata. Local executors start
worker processes that import the main script again: keep the run under ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import logging
from typing import Any

from ..default import DEFAULT
from ..pipeline import Pipeline
from ..records import (
    added_arrow_fields,
    check_no_clash,
    document_fields,
    provenance,
    provenance_metadata,
    teasers_arrow_type,
)

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.formatters.base import BaseFormatter
    from datatrove.pipeline.writers import ParquetWriter
    from datatrove.utils.typeshelper import StatHints
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError(
        "textmend.integrations.datatrove needs datatrove: pip install 'textmend[datatrove]'"
    ) from error

__all__ = [
    "TextmendFormatter",
    "TextmendParquetWriter",
    "TextmendStep",
    "parquet_schema",
    "teasers_arrow_type",
]

_log = logging.getLogger("textmend")


class TextmendFormatter(BaseFormatter):  # type: ignore[misc]
    """A formatter: each document's text is replaced by the mended text (title and teasers dropped)."""

    name = "🩹 textmend"

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        super().__init__()
        self.pipeline = DEFAULT if pipeline is None else pipeline

    def format(self, text: str) -> str:
        return self.pipeline(text)


class TextmendStep(PipelineStep):  # type: ignore[misc]
    """Mend each document's text; put textmend's fields (``title``, ``site``, ``teasers``, ``changes``)
    into its metadata.

    The names are preceded by ``prefix``. A document whose metadata already has one of them stops the
    run with a :class:`~textmend.RecordError` (a ``ValueError``): textmend does not overwrite data;
    choose a ``prefix`` then. ``provenance`` is :func:`textmend.records.provenance` of the step.
    """

    name = "🩹 textmend"
    type = "✂️ - FORMAT"

    def __init__(self, pipeline: Pipeline | None = None, *, changes: bool = False, prefix: str = "") -> None:
        super().__init__()
        self.pipeline = DEFAULT if pipeline is None else pipeline
        self.changes = changes
        self.prefix = prefix

    @property
    def provenance(self) -> dict[str, Any]:
        """How this step mends: textmend's version, the pipeline's configuration, ``changes``, ``prefix``."""
        return provenance(self.pipeline, changes=self.changes, prefix=self.prefix)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        _log.debug("datatrove task %d of %d: %r", rank, world_size, self.pipeline)
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                document = self.pipeline.mend_document(doc.text)
            fields = document_fields(document, changes=self.changes, prefix=self.prefix)
            check_no_clash(doc.metadata, fields, what="metadata field", where=f"document {doc.id!r}: ")
            if document.changes:
                self.stat_update("mended")
            self.stat_update("teasers", value=len(document.teasers))
            doc.text = document.text
            doc.metadata.update(fields)
            yield doc


class TextmendParquetWriter(ParquetWriter):  # type: ignore[misc]
    """datatrove's ``ParquetWriter`` with ``expand_metadata=True`` and the types of textmend's columns.

    ``step`` is the :class:`TextmendStep` before it (its ``changes``, ``prefix`` and provenance are
    used). Without ``schema``, each file's schema is the first document's metadata columns, as
    datatrove infers them, then textmend's: give ``schema=parquet_schema(...)`` when a metadata field
    can be missing or null in the first document. Other keywords go to ``ParquetWriter``.
    """

    schema: Any

    def __init__(self, output_folder: Any, step: TextmendStep | None = None, **options: Any) -> None:
        step = TextmendStep() if step is None else step
        super().__init__(output_folder, expand_metadata=True, **options)
        self.changes = step.changes
        self.prefix = step.prefix
        self.provenance = step.provenance
        if self.schema is not None:
            metadata = {**(self.schema.metadata or {}), **provenance_metadata(self.provenance)}
            self.schema = self.schema.with_metadata(metadata)

    def _write(self, document: dict[str, Any], file_handler: Any, filename: str) -> None:
        if self.schema is None:
            self.schema = self._schema_of(document)
        super()._write(document, file_handler, filename)

    def _schema_of(self, document: dict[str, Any]) -> Any:
        """The first document's columns as Arrow infers them, textmend's with their own types."""
        import pyarrow as pa

        added = added_arrow_fields(changes=self.changes, prefix=self.prefix)
        names = {field.name for field in added}
        others = {key: value for key, value in document.items() if key not in names}
        inferred = pa.RecordBatch.from_pylist([others]).schema if others else pa.schema([])
        return pa.schema([*inferred, *added], metadata=provenance_metadata(self.provenance))


def parquet_schema(*, changes: bool = False, prefix: str = "", **metadata: Any) -> Any:
    """The Arrow schema of ``ParquetWriter(..., expand_metadata=True)`` output after :class:`TextmendStep`.

    Columns: ``text``, ``id``, the other metadata columns given as ``name=pyarrow_type`` keywords (for
    example ``file_path=pa.string()`` from datatrove's readers), then ``title`` and ``teasers``.
    """
    import pyarrow as pa

    others = [pa.field(name, kind) for name, kind in metadata.items()]
    return pa.schema(
        [
            pa.field("text", pa.string()),
            pa.field("id", pa.string()),
            *others,
            *added_arrow_fields(changes=changes, prefix=prefix),
        ]
    )
