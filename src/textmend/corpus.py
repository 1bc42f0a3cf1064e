"""Cleaning a corpus file: JSONL (plain or gzip), Parquet or plain text in, any of them out.

Records are read in order and cut into chunks; with several workers the chunks are mended in worker
processes and written back in input order, so the output is byte for byte the same for any number of
workers. Output goes to a temporary file next to the target, renamed over it only when every record is
done: an interrupted run leaves no half-written target, and the source is only ever read.

A record that cannot be mended (invalid JSON, bad UTF-8, no text field, ...) stops the run with a
:class:`CorpusError` naming the file and line (or Parquet row), or, with ``on_error="skip"``, is left
out, reported through ``on_skip`` and counted in the returned :class:`Report`::

    report = clean("crawl.jsonl.gz", "mended.parquet", workers=2, on_error="skip")
    report.written, report.skipped
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import multiprocessing
import os
import signal
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import closing, contextmanager, suppress
from typing import IO, Any

from .errors import FixerError, RecordError
from .pipeline import Pipeline
from .records import added_arrow_fields, mend_record

FORMATS = ("jsonl", "parquet", "text")
_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "text",
    ".text": "text",
}
_CHUNK_BYTES = 256 * 1024
_CHUNK_RECORDS = 1000
_PARQUET_ROWS = 1000

Raw = bytes | dict[str, Any]
#: A record as read: its line (or Parquet row) number, counting from 1, and its raw content.
Unit = tuple[int, Raw]
#: What became of a record: its position, its size in bytes, its output (or None) and error (or None).
Outcome = tuple[int, int, Raw | None, str | None]


class CorpusError(Exception):
    """The corpus cannot be read or written, or a record is bad and ``on_error`` is ``"fail"``."""


@dataclasses.dataclass(frozen=True)
class Job:
    """How to mend each record: the pipeline, the formats and the fields to write."""

    pipeline: Pipeline
    input_format: str = "jsonl"
    output_format: str = "jsonl"
    text_field: str = "text"
    changes: bool = False
    prefix: str = ""


@dataclasses.dataclass
class Report:
    """What a run did: records read, written and skipped, and bytes of input read."""

    records: int = 0
    written: int = 0
    skipped: int = 0
    bytes_read: int = 0


def format_of(path: str) -> str | None:
    """The format a file name implies (``.gz`` aside), or None.

    >>> format_of("crawl.jsonl.gz"), format_of("part-0.parquet"), format_of("notes.md")
    ('jsonl', 'parquet', None)
    """
    name = path.lower().removesuffix(".gz")
    return _SUFFIXES.get(os.path.splitext(name)[1])


# -- mending, in this process or a worker ------------------------------------------------------------
def mend_unit(job: Job, raw: Raw) -> Raw:
    """Parse one raw record, mend it and encode it for the output format; :class:`RecordError` if bad."""
    if isinstance(raw, bytes):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise RecordError(f"not valid UTF-8 at byte {error.start}") from None
        record = {job.text_field: line} if job.input_format == "text" else _parse_json(line)
    else:
        record = raw
    try:
        mended = mend_record(
            record, job.pipeline, text_field=job.text_field, changes=job.changes, prefix=job.prefix
        )
    except FixerError as error:
        raise RecordError(f"textmend failed: {error}") from None
    if job.output_format == "parquet":
        return mended
    if job.output_format == "text":
        text: str = mended[job.text_field]
        if "\n" in text:
            raise RecordError("the mended text has a line break, but plain-text output is one per line")
        output = text + "\n"
    else:
        output = json.dumps(mended, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"
    try:
        return output.encode("utf-8")
    except UnicodeEncodeError as error:
        raise RecordError(f"has a lone surrogate {output[error.start]!r}, not writable as UTF-8") from None


def _parse_json(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise RecordError(f"invalid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        kind = "an array" if isinstance(record, list) else f"a {type(record).__name__}"
        raise RecordError(f"expected a JSON object, found {kind}")
    return record


def mend_chunk(job: Job, chunk: list[Unit]) -> list[Outcome]:
    """Mend a chunk of records; bad records become outcomes with an error instead of an output."""
    outcomes: list[Outcome] = []
    for position, raw in chunk:
        size = len(raw) if isinstance(raw, bytes) else len(str(raw.get(job.text_field, "")))
        try:
            outcomes.append((position, size, mend_unit(job, raw), None))
        except RecordError as error:
            outcomes.append((position, size, None, str(error)))
    return outcomes


_WORKER_JOB: Job | None = None


def _start_worker(job: Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _mend_chunk_in_worker(chunk: list[Unit]) -> list[Outcome]:
    assert _WORKER_JOB is not None
    return mend_chunk(_WORKER_JOB, chunk)


def mend_chunks(job: Job, chunks: Iterable[list[Unit]], workers: int = 1) -> Generator[Outcome, None, None]:
    """The outcomes of all chunks, in input order; ``workers > 1`` mends them in that many processes.

    At most two chunks per worker are in flight, so memory stays bounded on any input size.
    """
    if workers <= 1:
        for chunk in chunks:
            yield from mend_chunk(job, chunk)
        return
    # spawn: fresh interpreters, safe whatever threads this one runs (pyarrow reads with threads)
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(job,))
    pending: deque[Future[list[Outcome]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_mend_chunk_in_worker, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- reading -----------------------------------------------------------------------------------------
def read_units(source: str, input_format: str) -> Iterator[Unit]:
    """The records of ``source`` (``-`` is stdin) with their line or row numbers; gzip is detected."""
    name = _display(source)
    if input_format == "parquet":
        yield from _parquet_units(source, name)
        return
    skip_blank = input_format == "jsonl"
    if source == "-":
        yield from _line_units(sys.stdin.buffer, name, skip_blank=skip_blank)
        return
    try:
        stream = open(source, "rb")  # noqa: SIM115  (closed below; opening is what may fail)
    except OSError as error:
        raise CorpusError(f"{name}: {error.strerror or error}") from None
    with stream:
        yield from _line_units(stream, name, skip_blank=skip_blank)


def _line_units(stream: IO[bytes], name: str, *, skip_blank: bool) -> Iterator[Unit]:
    peek = getattr(stream, "peek", None)
    lines: IO[bytes] = stream
    if peek is not None and peek(2)[:2] == b"\x1f\x8b":
        lines = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
    number = 0
    try:
        for number, line in enumerate(lines, 1):
            content = line.removesuffix(b"\n").removesuffix(b"\r")
            if skip_blank and not content.strip():
                continue
            yield number, content
    except (OSError, EOFError) as error:
        raise CorpusError(f"{name}:{number + 1}: cannot read: {error}") from None


def _parquet_units(source: str, name: str) -> Iterator[Unit]:
    row = 0
    for batch in _parquet_file(source, name).iter_batches(batch_size=_PARQUET_ROWS):
        for record in batch.to_pylist():
            row += 1
            yield row, record


def _parquet_file(source: str, name: str) -> Any:
    if source == "-":
        raise CorpusError("Parquet cannot be read from standard input; name the file")
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        open(source, "rb").close()
    except OSError as error:
        raise CorpusError(f"{name}: {error.strerror or error}") from None
    try:
        return pq.ParquetFile(source)
    except (OSError, pa.ArrowException) as error:
        raise CorpusError(f"{name}: not a readable Parquet file ({error})") from None


def _chunks(units: Iterable[Unit]) -> Iterator[list[Unit]]:
    chunk: list[Unit] = []
    size = 0
    for unit in units:
        chunk.append(unit)
        raw = unit[1]
        size += len(raw) if isinstance(raw, bytes) else 1024
        if size >= _CHUNK_BYTES or len(chunk) >= _CHUNK_RECORDS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


# -- writing -----------------------------------------------------------------------------------------
class _LineWriter:
    """Writes encoded lines, gzip-compressed (reproducibly: no name, no time stamp) when asked."""

    def __init__(self, stream: IO[bytes], compress: bool) -> None:
        self._raw = stream
        self._out: IO[bytes] = stream
        if compress:
            self._out = gzip.GzipFile(filename="", mode="wb", fileobj=stream, mtime=0)  # type: ignore[assignment]

    def write(self, output: Raw) -> None:
        assert isinstance(output, bytes)
        self._out.write(output)

    def close(self) -> None:
        self._out.flush()
        if self._out is not self._raw:
            self._out.close()
        self._raw.flush()


class _ParquetWriter:
    """Buffers mended records and writes them as Parquet row groups with an explicit schema."""

    def __init__(self, path: str, name: str, job: Job, input_schema: Any) -> None:
        self._path, self._name, self._job = path, name, job
        self._input_schema = input_schema
        self._rows: list[dict[str, Any]] = []
        self._writer: Any = None
        self._written = 0

    def write(self, output: Raw) -> None:
        assert isinstance(output, dict)
        self._rows.append(output)
        if len(self._rows) >= _PARQUET_ROWS:
            self._flush()

    def _schema(self) -> Any:
        import pyarrow as pa

        added = added_arrow_fields(changes=self._job.changes, prefix=self._job.prefix)
        names = {field.name for field in added}
        base = self._input_schema
        if base is None:  # from JSONL or text: take the other columns' types from the first rows
            base = pa.Table.from_pylist(
                [{k: v for k, v in r.items() if k not in names} for r in self._rows]
            ).schema
        return pa.schema([*(field for field in base if field.name not in names), *added])

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        first, last = self._written + 1, self._written + len(self._rows)
        try:
            if self._writer is None:
                self._writer = pq.ParquetWriter(self._path, self._schema())
            table = pa.Table.from_pylist(self._rows, schema=self._writer.schema)
        except (pa.ArrowException, TypeError, ValueError) as error:
            raise CorpusError(
                f"{self._name}: records {first}-{last} do not fit a Parquet schema "
                f"(taken from the input, or else from the first records): {error}"
            ) from None
        self._writer.write_table(table)
        self._written = last
        self._rows = []

    def close(self) -> None:
        if self._rows or self._writer is None:
            self._flush()
        self._writer.close()


@contextmanager
def _replacing(target: str) -> Iterator[str]:
    """A temporary path next to ``target``, renamed over it if the block ends normally, else removed."""
    directory = os.path.dirname(os.path.abspath(target))
    descriptor, temporary = tempfile.mkstemp(
        dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".part"
    )
    os.close(descriptor)
    try:
        yield temporary
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


# -- the whole run -----------------------------------------------------------------------------------
def clean(
    source: str,
    target: str,
    *,
    pipeline: Pipeline | None = None,
    text_field: str = "text",
    changes: bool = False,
    prefix: str = "",
    input_format: str | None = None,
    output_format: str | None = None,
    workers: int = 1,
    on_error: str = "fail",
    on_skip: Callable[[str], None] | None = None,
    on_progress: Callable[[Report], None] | None = None,
) -> Report:
    """Mend every record of ``source`` into ``target`` (``-`` for stdin/stdout); return a :class:`Report`.

    Formats come from the file names unless given; other fields pass through, and ``title``, ``teasers``
    (and with ``changes=True`` the ``changes``) are added, each name preceded by ``prefix``.
    """
    if pipeline is None:
        from .default import DEFAULT

        pipeline = DEFAULT
    if on_error not in ("fail", "skip"):
        raise ValueError(f"on_error must be 'fail' or 'skip', not {on_error!r}")
    job = Job(
        pipeline,
        _choose_format(source, input_format, "input"),
        _choose_format(target, output_format, "output"),
        text_field,
        changes,
        prefix,
    )
    if target != "-" and source != "-" and os.path.exists(target) and os.path.samefile(source, target):
        raise CorpusError(f"{target}: is the input file; write the output somewhere else")
    if target == "-":
        if job.output_format == "parquet":
            raise CorpusError("Parquet cannot be written to standard output; name the file")
        writer = _LineWriter(sys.stdout.buffer, compress=False)
        return _run(job, source, writer, workers, on_error, on_skip, on_progress)
    input_schema = (
        _parquet_file(source, _display(source)).schema_arrow if job.input_format == "parquet" else None
    )
    with _replacing(target) as temporary:
        if job.output_format == "parquet":
            return _run(
                job,
                source,
                _ParquetWriter(temporary, target, job, input_schema),
                workers,
                on_error,
                on_skip,
                on_progress,
            )
        with open(temporary, "wb") as stream:
            writer = _LineWriter(stream, compress=target.lower().endswith(".gz"))
            return _run(job, source, writer, workers, on_error, on_skip, on_progress)


def _choose_format(path: str, given: str | None, which: str) -> str:
    if given is not None:
        if given not in FORMATS:
            raise ValueError(f"unknown {which} format {given!r}; known: {', '.join(FORMATS)}")
        return given
    if path == "-":
        return "jsonl"
    found = format_of(path)
    if found is None:
        raise ValueError(
            f"cannot tell the {which} format of {path!r} from its name; "
            f"name it .jsonl, .jsonl.gz, .parquet or .txt, or give the {which} format"
        )
    return found


def _run(
    job: Job,
    source: str,
    writer: _LineWriter | _ParquetWriter,
    workers: int,
    on_error: str,
    on_skip: Callable[[str], None] | None,
    on_progress: Callable[[Report], None] | None,
) -> Report:
    report = Report()
    name = _display(source)
    outcomes = mend_chunks(job, _chunks(read_units(source, job.input_format)), workers)
    with closing(outcomes):  # on a bad record or Ctrl-C, stop the workers right away
        for position, size, output, error in outcomes:
            report.records += 1
            report.bytes_read += size
            if error is not None:
                message = f"{name}:{position}: {error}"
                if on_error == "fail":
                    raise CorpusError(message)
                report.skipped += 1
                if on_skip is not None:
                    on_skip(message)
            else:
                assert output is not None
                writer.write(output)
                report.written += 1
            if on_progress is not None:
                on_progress(report)
    writer.close()
    return report
