"""Fitting a model on corpus files: what ``textmend fit`` and ``textmend clean --fit`` run.

The files are read as ``textmend clean`` reads them (JSONL, JSON, Parquet or text, compressed, local
or remote, globs), cut into chunks, and each chunk is fitted on its own (in worker processes with
``workers`` > 1); the chunks' counts are added in input order, so the model is the same for any number
of workers. A bad record is reported with its ``file:line`` and stops the run, or with
``on_error="skip"`` is left out and counted, as in ``clean``::

    model, report = fit_files(["crawl.jsonl.zst"], workers=2)
    model.save("crawl.textmend")
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence

from ..corpus_model import CorpusModel
from ..errors import RecordError
from ..fitting import DEFAULT_MAX_PAIRS, DEFAULT_MAX_TITLES, DEFAULT_MAX_WORDS, Fitter
from . import (
    DEFAULT_MAX_ERRORS,
    ErrorLimit,
    Report,
    check_run_options,
    choose_format,
    count_bad_record,
    log_skip,
    too_many,
)
from .files import CorpusError, expand_inputs
from .readers import Reader, Unit
from .work import WARM_UP_TEXT, WorkerPool, read_record

__all__ = ["FitJob", "Problem", "fit_chunk", "fit_files"]

# What a stopped fit run leaves out (in its --max-errors message).
_LOST = "no model was written"
# A chunk a worker fits at once: big enough that adding its counts costs the parent little.
_CHUNK_BYTES = 1 << 20
_CHUNK_RECORDS = 2000

#: A bad record: where it was (``file:line``) and why.
Problem = tuple[str, str]


@dataclasses.dataclass(frozen=True)
class FitJob:
    """How to read and count each record: the input format, the fields, the caps."""

    input_format: str = "jsonl"
    text_field: str = "text"
    title_field: str = "title"
    site_field: str = "url"
    max_words: int = DEFAULT_MAX_WORDS
    max_pairs: int = DEFAULT_MAX_PAIRS
    max_titles: int = DEFAULT_MAX_TITLES

    def warm_up(self) -> None:
        """Load what fitting needs (the scouting fixers' tables) by fitting a sample (a failure on it is
        left to the records, where each is reported)."""
        with contextlib.suppress(Exception):
            self.fitter().add_record({self.text_field: WARM_UP_TEXT})

    def fitter(self) -> Fitter:
        """An empty fitter with this job's fields and caps."""
        return Fitter(
            text_field=self.text_field,
            title_field=self.title_field,
            site_field=self.site_field,
            max_words=self.max_words,
            max_pairs=self.max_pairs,
            max_titles=self.max_titles,
        )


def fit_chunk(job: FitJob, chunk: Sequence[Unit]) -> tuple[Fitter, int, list[Problem]]:
    """Fit one chunk: its counts, how many records were read, and the bad ones (where, why)."""
    fitter = job.fitter()
    problems: list[Problem] = []
    for where, raw in chunk:
        try:
            fitter.add_record(read_record(raw, job.input_format, job.text_field))
        except RecordError as error:
            problems.append((where, str(error)))
        except Exception as error:  # a fixer's bug: this record's error, and the run goes on
            problems.append((where, f"textmend failed on this record: {type(error).__name__}: {error}"))
    return fitter, len(chunk), problems


def fit_files(
    sources: Sequence[str],
    *,
    job: FitJob | None = None,
    input_format: str | None = None,
    workers: int = 1,
    on_error: str = "fail",
    max_errors: str | int = DEFAULT_MAX_ERRORS,
    on_skip: Callable[[str], None] | None = None,
    on_progress: Callable[[Report], None] | None = None,
) -> tuple[CorpusModel, Report]:
    """Fit a model on every record of ``sources`` (paths, globs, URLs or ``-``); return it and a
    :class:`Report` (``written`` counts the records fitted).

    ``input_format`` overrides the formats the names imply (``job.input_format`` is set per file).
    Raises :class:`CorpusError` when the run fails (a bad record under ``on_error="fail"``, too many
    skipped, a worker killed).
    """
    job = job or FitJob()
    check_run_options(on_error, workers)
    limit = ErrorLimit.parse(max_errors)
    paths = [path for source in sources for path in expand_inputs(source)]
    # Workers start before the inputs are opened, as mend_file's do (pyarrow starts threads).
    pool = WorkerPool(job, workers, work=_fit_formatted) if workers > 1 else None
    finished = False
    try:
        readers = [_reader(path, input_format) for path in paths]
        report = Report(total_bytes=_total(readers))
        fitter = job.fitter()
        skip = on_skip or log_skip
        for counts, records, problems in _fitted(job, readers, pool):
            fitter.update(counts)
            report.records += records
            report.written += records - len(problems)
            for where, why in problems:
                count_bad_record(report, f"{where}: {why}", on_error == "fail", skip, limit, _LOST)
            report.bytes_read = sum(reader.bytes_read for reader in readers)
            if on_progress is not None:
                on_progress(report)
        finished = True
    finally:
        if pool is not None:
            pool.close(wait=finished)  # on failure or Ctrl-C, stop the workers now
    if report.records and not report.written:
        raise CorpusError(
            f"all {report.records:,} records were skipped, so there is nothing to fit; the first: "
            f"{report.first_error}"
        )
    if limit.passed(report, final=True):
        raise CorpusError(too_many(report, limit, _LOST))
    return fitter.model(), report


def _reader(path: str, given: str | None) -> Reader:
    return Reader([path], choose_format(path, given, "input"))


def _total(readers: Iterable[Reader]) -> int | None:
    sizes = [reader.total_bytes for reader in readers]
    return None if None in sizes else sum(size for size in sizes if size is not None)


class _Chunk(list[Unit]):
    """Records of one file, and that file's format (inputs may mix formats)."""

    def __init__(self, input_format: str) -> None:
        super().__init__()
        self.input_format = input_format


def _chunks(readers: Iterable[Reader]) -> Iterator[_Chunk]:
    """Each reader's records in chunks (a chunk never spans two files)."""
    for reader in readers:
        chunk = _Chunk(reader.format)
        size = 0
        for unit in reader:
            chunk.append(unit)
            size += len(unit[1]) if isinstance(unit[1], bytes) else 1024
            if size >= _CHUNK_BYTES or len(chunk) >= _CHUNK_RECORDS:
                yield chunk
                chunk, size = _Chunk(reader.format), 0
        if chunk:
            yield chunk


def _fit_formatted(job: FitJob, chunk: _Chunk) -> tuple[Fitter, int, list[Problem]]:
    return fit_chunk(dataclasses.replace(job, input_format=chunk.input_format), chunk)


def _fitted(
    job: FitJob, readers: list[Reader], pool: WorkerPool | None
) -> Iterator[tuple[Fitter, int, list[Problem]]]:
    chunks = _chunks(readers)
    if pool is None:
        return (_fit_formatted(job, formatted) for formatted in chunks)
    return pool.map(chunks)
