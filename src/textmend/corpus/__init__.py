"""Mending a corpus: JSONL, JSON arrays, Parquet or plain text in, any of them out, anywhere fsspec reaches.

Records are read in order and cut into chunks; with several workers the chunks are mended in worker
processes and written back in input order, so the output is byte for byte the same for any number of
workers. A regular output file is written under a temporary name and renamed over the target only when
the run succeeds: a failed or interrupted run leaves no half-written output, and the input is only
ever read.

A record that cannot be mended (invalid JSON, no text field, a fixer that raises, ...) stops the run
with a :class:`CorpusError` naming the file and line (or Parquet row), or, with ``on_error="skip"``,
is left out, logged on the ``textmend`` logger and counted in the returned :class:`Report`, until more
than ``max_errors`` records have been skipped::

    report = mend_file("crawl.jsonl.zst", "mended.parquet", workers=2, on_error="skip")
    report.written, report.skipped
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..default import DEFAULT
from ..pipeline import Pipeline
from .files import CorpusError, Target, expand_inputs, is_remote
from .readers import FORMATS, Reader, Unit, format_of
from .work import Job, Outcome, WorkerDied, WorkerPool, json_value, mend_chunk, mend_unit
from .writers import LineWriter, ParquetWriter, provenance, provenance_json

__all__ = [
    "DEFAULT_MAX_ERRORS",
    "FORMATS",
    "CorpusError",
    "ErrorLimit",
    "Job",
    "Report",
    "WorkerDied",
    "check_run_options",
    "choose_format",
    "count_bad_record",
    "format_of",
    "json_value",
    "log",
    "log_skip",
    "mend_chunk",
    "mend_file",
    "mend_unit",
    "too_many",
]

log = logging.getLogger("textmend")

#: Under ``on_error="skip"``, the run fails once more than this share of the records were skipped.
DEFAULT_MAX_ERRORS = "1%"
_CHUNK_BYTES = 256 * 1024
_CHUNK_RECORDS = 1000
# A percentage limit is judged once this many records were read (before that, one bad record in
# the first ten would already be 10%); and again at the end.
_LIMIT_SAMPLE = 1000


@dataclasses.dataclass
class Report:
    """What a run did: records read, written and skipped, bytes of input read (of ``total_bytes``)."""

    records: int = 0
    written: int = 0
    skipped: int = 0
    bytes_read: int = 0
    total_bytes: int | None = None
    first_error: str | None = None


@dataclasses.dataclass(frozen=True)
class ErrorLimit:
    """How many skipped records a run may have: a count, or a share of the records read.

    >>> ErrorLimit.parse("1%"), ErrorLimit.parse("25"), ErrorLimit.parse(0)
    (ErrorLimit(count=None, share=0.01), ErrorLimit(count=25, share=None), ErrorLimit(count=0, share=None))
    """

    count: int | None = None
    share: float | None = None

    @classmethod
    def parse(cls, value: str | int) -> ErrorLimit:
        text = str(value).strip()
        try:
            if text.endswith("%"):
                share = float(text[:-1]) / 100
                if not 0 <= share <= 1:
                    raise ValueError
                return cls(share=share)
            count = int(text)
            if count < 0:
                raise ValueError
            return cls(count=count)
        except ValueError:
            raise ValueError(
                f"max_errors must be a count (e.g. 100) or a percentage (e.g. 1%), not {value!r}"
            ) from None

    def passed(self, report: Report, *, final: bool) -> bool:
        """Whether ``report`` has more skipped records than this limit allows."""
        if self.count is not None:
            return report.skipped > self.count
        assert self.share is not None
        if report.records < _LIMIT_SAMPLE and not final:
            return False
        return report.skipped > self.share * report.records

    def __str__(self) -> str:
        return str(self.count) if self.count is not None else f"{self.share * 100:g}%"  # type: ignore[operator]


def mend_file(
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
    max_errors: str | int = DEFAULT_MAX_ERRORS,
    on_skip: Callable[[str], None] | None = None,
    on_progress: Callable[[Report], None] | None = None,
    timeout: float | None = None,
) -> Report:
    """Mend every record of ``source`` into ``target``; return a :class:`Report`.

    ``source`` is a path, a ``file://`` or fsspec URL, a glob, or ``-`` (stdin); ``target`` a path,
    URL or ``-`` (stdout). Formats come from the names unless given; other fields pass through, and
    ``title``, ``site``, ``teasers`` (and with ``changes=True`` the ``changes``) are added, each name
    preceded by
    ``prefix``. Skipped records go to ``on_skip`` (default: a warning on the ``textmend`` logger).
    ``timeout`` (seconds) makes a record that takes longer that record's error ("took longer than
    N s"), so a fixer that loops on one text cannot hold up the run.
    Raises :class:`CorpusError` when the run fails; the target is then left as it was.
    """
    if pipeline is None:
        pipeline = DEFAULT
    check_run_options(on_error, workers)
    if timeout is not None and not timeout > 0:
        raise ValueError(f"timeout must be a number of seconds above 0, not {timeout!r}")
    limit = ErrorLimit.parse(max_errors)
    # Everything about the output is checked before a byte of input is read.
    out = Target(target)
    job = Job(
        pipeline,
        choose_format(source, input_format, "input"),
        choose_format("-" if out.is_stream else target, output_format, "output"),
        text_field,
        changes,
        prefix,
        timeout,
    )
    if "parquet" in (job.input_format, job.output_format):
        _need_pyarrow()
    if job.output_format == "parquet" and target == "-":
        raise CorpusError("Parquet cannot be written to standard output; name the file")
    sources = expand_inputs(source)
    for path in sources:
        if out.is_same_file(path):
            raise CorpusError(f"{target}: is the input file; write the output somewhere else")
    # Workers start before the input is opened: pyarrow starts threads as it is imported, and a
    # process with threads spawns its workers instead of forking them (see ``start_method``).
    pool = WorkerPool(job, workers) if workers > 1 else None
    finished = False
    try:
        reader = Reader(sources, job.input_format)
        about = provenance(job, sources)
        writer: LineWriter | ParquetWriter
        if job.output_format == "parquet":
            writer = ParquetWriter(out, job, reader.arrow_schema, about)
        else:
            writer = LineWriter(out, array=job.output_format == "json")
        try:
            fail_fast = on_error == "fail"
            report = _run(job, reader, writer, pool, limit, fail_fast, on_skip or log_skip, on_progress)
            writer.close()
            out.commit()
        except BaseException:
            writer.abandon()
            out.abort()
            raise
        finished = True
    finally:
        if pool is not None:
            pool.close(wait=finished)  # on failure or Ctrl-C, stop the workers now
    _write_sidecar(out, job, about, report, reader)
    return report


def _need_pyarrow() -> None:
    # Found, not imported: importing it starts threads, which the workers' start must come before.
    if importlib.util.find_spec("pyarrow") is None:
        raise CorpusError("Parquet needs pyarrow; install it: pip install 'textmend[corpus]'")


def check_run_options(on_error: str, workers: int) -> None:
    """Refuse an ``on_error`` other than ``"fail"`` or ``"skip"``, and fewer than one worker (ValueError)."""
    if on_error not in ("fail", "skip"):
        raise ValueError(f"on_error must be 'fail' or 'skip', not {on_error!r}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers!r}")


def log_skip(message: str) -> None:
    """The default ``on_skip``: a warning on the ``textmend`` logger."""
    log.warning("%s (skipped)", message)


def choose_format(path: str, given: str | None, which: str) -> str:
    """The format of ``path`` (``which``: "input" or "output"): ``given``, or what its name implies."""
    if given is not None:
        if given not in FORMATS:
            raise ValueError(f"unknown {which} format {given!r}; known: {', '.join(FORMATS)}")
        return given
    if path == "-":
        return "jsonl"
    found = format_of(path)
    if found is None:
        raise ValueError(
            f"cannot tell the {which} format of {path!r} from its name; name it .jsonl, .json, .parquet "
            f"or .txt (optionally .gz, .zst, .bz2 or .xz), or give --{which}-format"
        )
    return found


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


def _outcomes(job: Job, reader: Reader, pool: WorkerPool | None) -> Iterator[list[Outcome]]:
    chunks = _chunks(reader)
    if pool is None:
        return (mend_chunk(job, chunk) for chunk in chunks)
    return pool.map(chunks)


def _run(
    job: Job,
    reader: Reader,
    writer: LineWriter | ParquetWriter,
    pool: WorkerPool | None,
    limit: ErrorLimit,
    fail_fast: bool,
    on_skip: Callable[[str], None],
    on_progress: Callable[[Report], None] | None,
) -> Report:
    report = Report(total_bytes=reader.total_bytes)
    for outcomes in _outcomes(job, reader, pool):
        for where, _size, output, error in outcomes:
            report.records += 1
            if error is None:
                writer.write(output, where)
                report.written += 1
                continue
            count_bad_record(report, f"{where}: {error}", fail_fast, on_skip, limit)
        report.bytes_read = reader.bytes_read
        if on_progress is not None:
            on_progress(report)
    report.bytes_read = reader.bytes_read
    if report.records and not report.written:
        raise CorpusError(
            f"all {report.records:,} records were skipped, so nothing was written; the first: "
            f"{report.first_error}"
        )
    if limit.passed(report, final=True):
        raise CorpusError(too_many(report, limit))
    return report


def count_bad_record(
    report: Report,
    message: str,
    fail_fast: bool,
    on_skip: Callable[[str], None],
    limit: ErrorLimit,
    lost: str = "nothing was written",
) -> None:
    """Count one bad record; stop the run (CorpusError) under ``fail`` or past the error limit, saying
    what the stop ``lost``."""
    report.first_error = report.first_error or message
    report.skipped += 1
    if fail_fast:
        raise CorpusError(f"{message}; {lost}. {_WAY_ON}")
    on_skip(message)
    if limit.passed(report, final=False):
        raise CorpusError(too_many(report, limit, lost))


# What a run stopped by its first bad record (``on_error="fail"``) can do instead.
_WAY_ON = "Fix that record, or add --on-error skip to report bad records and go on"


def too_many(report: Report, limit: ErrorLimit, lost: str = "nothing was written") -> str:
    """The message of a run stopped by ``--max-errors``, saying what the stop ``lost``."""
    return (
        f"{report.skipped:,} of {report.records:,} records read were bad, more than --max-errors {limit} "
        f"allows, so the run stopped and {lost}; the first: {report.first_error}. "
        "Fix the input or the options, or raise --max-errors"
    )


def _write_sidecar(out: Target, job: Job, about: dict[str, Any], report: Report, reader: Reader) -> None:
    """Write ``OUT.textmend.json`` next to a JSONL, JSON or text output: how it was made."""
    if job.output_format == "parquet":
        return  # the Parquet schema metadata carries it
    path = out.sidecar()
    if path is None:
        log.info("no provenance sidecar for %s (not a regular file)", out.name)
        return
    data = dict(about, records=report.records, written=report.written, skipped=report.skipped)
    if reader.arrow_schema is not None:
        data["input_arrow_schema"] = reader.arrow_schema.to_string(show_schema_metadata=False)
    text = json.dumps(json.loads(provenance_json(data)), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if is_remote(path):
        import fsspec

        with fsspec.open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        return
    temporary = f"{path}.{os.getpid()}.part"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)
