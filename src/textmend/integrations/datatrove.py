"""datatrove steps: mend documents inside a datatrove pipeline (``pip install textmend[datatrove]``).

:class:`TextmendFormatter` mends ``doc.text`` like any datatrove formatter; :class:`TextmendStep` also
writes the title and teasers it finds into ``doc.metadata``. Parquet writers cannot infer the type of a
teasers column made of empty lists, so give them :func:`parquet_schema`::

    import pyarrow as pa
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import ParquetWriter
    from textmend.integrations.datatrove import TextmendStep, parquet_schema

    LocalPipelineExecutor(
        [
            JsonlReader("crawl/"),
            TextmendStep(),
            ParquetWriter("mended/", expand_metadata=True, schema=parquet_schema(file_path=pa.string())),
        ],
        tasks=4,
    ).run()
"""

from __future__ import annotations

from typing import Any

from ..default import DEFAULT
from ..pipeline import Pipeline
from ..records import added_arrow_fields, check_no_clash, document_fields, teasers_arrow_type

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.formatters.base import BaseFormatter
    from datatrove.utils.typeshelper import StatHints
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError(
        "textmend.integrations.datatrove needs datatrove: pip install 'textmend[datatrove]'"
    ) from error

__all__ = ["TextmendFormatter", "TextmendStep", "parquet_schema", "teasers_arrow_type"]


class TextmendFormatter(BaseFormatter):  # type: ignore[misc]
    """A formatter: each document's text is replaced by the mended text (title and teasers dropped)."""

    name = "🩹 textmend"

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        super().__init__()
        self.pipeline = DEFAULT if pipeline is None else pipeline

    def format(self, text: str) -> str:
        return self.pipeline(text)


class TextmendStep(PipelineStep):  # type: ignore[misc]
    """Mend each document's text; put ``title``, ``teasers`` (and ``changes``) into its metadata.

    The names are preceded by ``prefix``. A document whose metadata already has one of them stops the
    run with a :class:`~textmend.RecordError` (a ``ValueError``): textmend does not overwrite data;
    choose a ``prefix`` then.
    """

    name = "🩹 textmend"
    type = "✂️ - FORMAT"

    def __init__(self, pipeline: Pipeline | None = None, *, changes: bool = False, prefix: str = "") -> None:
        super().__init__()
        self.pipeline = DEFAULT if pipeline is None else pipeline
        self.changes = changes
        self.prefix = prefix

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
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
