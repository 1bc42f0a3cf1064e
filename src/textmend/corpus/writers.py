"""Writing mended records: lines (JSONL, text), a JSON array, or Parquet whose schema covers every record.

JSONL to Parquet: each batch of rows is typed from all of its values (not from the first row), and
the file's schema is widened as new fields or wider types appear (an integer column that later holds
``1.5`` becomes a float column; a field first seen in record 5,000 is added, earlier rows holding
null). Batches are spooled to segment files; when the schema changed along the way, the segments are
rewritten once into the final file under the widened schema. Values that no schema can hold together
(a number in one record, a string in another) stop the run with the field and the record named.
"""

from __future__ import annotations

import contextlib
import json
import os
from typing import IO, Any

from .. import records
from ..records import added_arrow_fields
from .files import CorpusError, Target, compressing
from .work import Job

__all__ = [
    "METADATA_KEY",
    "LineWriter",
    "ParquetWriter",
    "provenance",
    "provenance_json",
]

_PARQUET_ROWS = 1000
#: The key of the Parquet schema metadata that says how the file was made.
METADATA_KEY = b"textmend"


def provenance(job: Job, sources: list[str]) -> dict[str, Any]:
    """How an output was made: textmend's version, the pipeline's configuration, the options, the inputs
    (:func:`textmend.records.provenance`, as every integration writes it)."""
    return records.provenance(
        job.pipeline, text_field=job.text_field, changes=job.changes, prefix=job.prefix, inputs=sources
    )


def provenance_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=repr)


class LineWriter:
    """Writes encoded records one after another (JSONL or text), or as a JSON array, compressed by name."""

    def __init__(self, target: Target, *, array: bool = False) -> None:
        self._raw = target.open()
        self._out: IO[bytes] = compressing(self._raw, target.compression, target.name)
        self._array = array
        self._count = 0

    def write(self, output: object, where: str) -> None:
        assert isinstance(output, bytes)
        if self._array:
            output = (b"[\n" if self._count == 0 else b",\n") + output.removesuffix(b"\n")
        self._out.write(output)
        self._count += 1

    def close(self) -> None:
        if self._array:
            self._out.write(b"\n]\n" if self._count else b"[]\n")
        self._out.flush()
        if self._out is not self._raw:
            self._out.close()
        self._raw.flush()
        self._raw.close()

    def abandon(self) -> None:
        with contextlib.suppress(OSError):
            self._raw.close()


class ParquetWriter:
    """Buffers mended records and writes Parquet row groups whose schema covers every record."""

    def __init__(self, target: Target, job: Job, input_schema: Any, about: dict[str, Any]) -> None:
        import pyarrow as pa

        self._target, self._job = target, job
        added = added_arrow_fields(changes=job.changes, prefix=job.prefix)
        self._added = pa.schema(added)
        self._input_schema = input_schema  # from a Parquet input: kept as it is
        self._metadata = {METADATA_KEY: provenance_json(about).encode()}
        self._rows: list[dict[str, Any]] = []
        self._places: list[str] = []
        self._schema: Any = None  # the base columns' schema so far (without the added fields)
        self._segments: list[tuple[str, Any]] = []  # (path, schema) of each spooled segment
        self._writer: Any = None
        self._first_place: dict[str, str] = {}  # where each field was first seen

    def write(self, output: object, where: str) -> None:
        assert isinstance(output, dict)
        self._rows.append(output)
        self._places.append(where)
        if len(self._rows) >= _PARQUET_ROWS:
            self._flush()

    def _base_table(self) -> Any:
        import pyarrow as pa

        added = set(self._added.names)
        if self._input_schema is not None:
            base = pa.schema([field for field in self._input_schema if field.name not in added])
            try:
                return pa.Table.from_pylist(
                    [{k: v for k, v in row.items() if k not in added} for row in self._rows], schema=base
                )
            except (pa.ArrowException, TypeError, ValueError) as error:
                raise CorpusError(
                    f"{self._target.name}: a record no longer fits the input schema: {error}"
                ) from None
        names: dict[str, None] = {}
        for row, where in zip(self._rows, self._places, strict=True):
            for name in row:
                if name not in added and name not in names:
                    names[name] = None
                    self._first_place.setdefault(name, where)
        columns = []
        for name in names:
            values = [row.get(name) for row in self._rows]
            try:
                columns.append(pa.array(values))
            except (pa.ArrowException, TypeError, ValueError, OverflowError):
                raise self._clash(name, values) from None
        return pa.Table.from_arrays(columns, names=list(names))

    def _clash(self, name: str, values: list[Any]) -> CorpusError:
        kinds: dict[str, str] = {}
        for value, where in zip(values, self._places, strict=True):
            if value is None:
                continue
            kind = _kind(value)
            kinds.setdefault(kind, where)
            if len(kinds) > 1:
                (first_kind, first_where), (kind, where) = list(kinds.items())[:2]
                return self._refusal(name, first_kind, first_where, kind, where)
        return CorpusError(
            f"{self._target.name}: field {name!r} holds values no Parquet column can hold together "
            f"(near {self._places[0]}); make them agree, or write JSONL"
        )

    def _refusal(self, name: str, kind: str, where: str, other: str, other_where: str) -> CorpusError:
        return CorpusError(
            f"{other_where}: field {name!r} is {other} here but {kind} at {where}; a Parquet column holds "
            "one type, so nothing was written: make the field agree, or write JSONL"
        )

    def _widen(self, batch_schema: Any) -> Any:
        import pyarrow as pa

        if self._schema is None:
            return batch_schema
        try:
            return pa.unify_schemas([self._schema, batch_schema], promote_options="permissive")
        except (pa.ArrowException, TypeError, ValueError):
            for field in batch_schema:
                if field.name not in self._schema.names:
                    continue
                known = self._schema.field(field.name)
                try:
                    pa.unify_schemas([pa.schema([known]), pa.schema([field])], promote_options="permissive")
                except (pa.ArrowException, TypeError, ValueError):
                    where = next(
                        (
                            w
                            for row, w in zip(self._rows, self._places, strict=True)
                            if row.get(field.name) is not None
                        ),
                        self._places[0],
                    )
                    raise self._refusal(
                        field.name,
                        str(known.type),
                        self._first_place.get(field.name, "an earlier record"),
                        str(field.type),
                        where,
                    ) from None
            raise

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._rows and self._writer is not None:
            return
        base = self._base_table()
        schema = self._widen(base.schema)
        if self._writer is None or schema != self._schema:
            self._close_segment()
            self._schema = schema
            path = self._target.spool(len(self._segments))
            full = pa.schema([*schema, *self._added], metadata=self._metadata)
            self._segments.append((path, full))
            self._writer = pq.ParquetWriter(path, full)
        added = pa.Table.from_pylist(
            [{name: row.get(name) for name in self._added.names} for row in self._rows], schema=self._added
        )
        table = _conform(base, self._schema, len(self._rows))
        for field in self._added:
            table = table.append_column(field, added.column(field.name))
        self._writer.write_table(table.replace_schema_metadata(self._metadata))
        self._rows, self._places = [], []

    def _close_segment(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def close(self) -> None:
        import pyarrow.parquet as pq

        self._flush()
        self._close_segment()
        final = self._segments[-1][1]
        if len(self._segments) == 1 and self._target.mode == "replace":
            os.replace(self._segments[0][0], self._target.temporary)
            return
        with self._target.open() as stream:
            writer = pq.ParquetWriter(stream, final)
            for path, _ in self._segments:
                for batch in pq.ParquetFile(path).iter_batches(batch_size=_PARQUET_ROWS):
                    writer.write_table(_conform(_table(batch), final, batch.num_rows))
            writer.close()
        self.abandon()

    def abandon(self) -> None:
        self._close_segment()
        for path, _ in self._segments:
            if os.path.exists(path):
                os.unlink(path)


def _table(batch: Any) -> Any:
    import pyarrow as pa

    return pa.Table.from_batches([batch])


def _conform(table: Any, schema: Any, rows: int) -> Any:
    """``table`` with every column of ``schema``, in its order and types (missing ones null)."""
    import pyarrow as pa

    columns = []
    for field in schema:
        if field.name in table.column_names:
            column = table.column(field.name)
            columns.append(column if column.type == field.type else column.cast(field.type))
        else:
            columns.append(pa.nulls(rows, field.type))
    if not columns:
        return pa.Table.from_pylist([{}] * rows)
    return pa.Table.from_arrays(columns, schema=pa.schema(list(schema)))


def _kind(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }
    return names.get(type(value), f"a {type(value).__name__}")
