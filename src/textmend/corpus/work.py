"""Mending records, in this process or in worker processes that die with their parent.

Any exception raised while one record is mended is that record's error: it comes back as an outcome
with a message (``TypeError: ...``), never as a traceback from a worker. A worker that dies (``kill
-9``, the out-of-memory killer) stops the run with :class:`WorkerDied`, which names the worker, how
it ended and the input range it held.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime
import decimal
import json
import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import RecordError
from ..pipeline import Pipeline
from ..records import mend_record
from .files import CorpusError
from .readers import Raw, Unit

__all__ = [
    "Job",
    "Outcome",
    "WorkerDied",
    "WorkerPool",
    "check_main_guard",
    "json_value",
    "mend_chunk",
    "mend_unit",
    "read_record",
]

#: What became of a record: where it was, its size in bytes, its output (or None) and error (or None).
Outcome = tuple[Any, int, Raw | None, str | None]
# How long a worker waits between checks that its parent is still alive, in seconds.
_PARENT_CHECK = 0.5
# How long the parent waits for a result before checking that the worker is still alive.
_RESULT_POLL = 0.2


@dataclasses.dataclass(frozen=True)
class Job:
    """How to mend each record: the pipeline, the formats and the fields to write."""

    pipeline: Pipeline
    input_format: str = "jsonl"
    output_format: str = "jsonl"
    text_field: str = "text"
    changes: bool = False
    prefix: str = ""


def json_value(value: object) -> object:
    """A JSON form of a value Parquet holds and JSON does not: the documented convention.

    Bytes become base64 (standard alphabet, padded), dates and times ISO 8601, decimals their exact
    digits as a string; anything else is refused with :class:`TypeError`.

    >>> json_value(b"\\x00\\xff"), json_value(decimal.Decimal("1.10")), json_value(datetime.date(2024, 2, 29))
    ('AP8=', '1.10', '2024-02-29')
    """
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    isoformat = getattr(value, "isoformat", None)  # pandas.Timestamp keeps nanoseconds
    if callable(isoformat) and not isinstance(value, datetime.timedelta):
        return isoformat()
    raise TypeError(f"a {type(value).__name__} value ({value!r}) has no JSON form; write Parquet instead")


def read_record(raw: Raw, input_format: str, text_field: str) -> dict[str, Any]:
    """The record a raw unit holds (a text line becomes ``{text_field: line}``); :class:`RecordError`
    if it is not valid UTF-8, not a JSON object, or has no ``text_field``."""
    if isinstance(raw, bytes):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise RecordError(f"not valid UTF-8 at byte {error.start}") from None
        record = {text_field: line} if input_format == "text" else _parse_json(line)
    else:
        record = raw
    if text_field not in record:
        fields = ", ".join(repr(name) for name in list(record)[:12]) or "none"
        raise RecordError(f"no {text_field!r} field (fields here: {fields}); choose one with --text-field")
    return record


def mend_unit(job: Job, raw: Raw) -> Raw:
    """Parse one raw record, mend it and encode it for the output format; :class:`RecordError` if bad."""
    record = read_record(raw, job.input_format, job.text_field)
    mended = mend_record(
        record, job.pipeline, text_field=job.text_field, changes=job.changes, prefix=job.prefix
    )
    if job.output_format == "parquet":
        return mended
    if job.output_format == "text":
        text: str = mended[job.text_field]
        if "\n" in text:
            raise RecordError("the mended text has a line break, but plain-text output is one per line")
        output = text + "\n"
    else:
        try:
            output = json.dumps(
                mended, ensure_ascii=False, separators=(",", ":"), default=json_value, allow_nan=False
            )
        except ValueError as error:  # NaN or infinity
            raise RecordError(f"{error}; JSON has no NaN or infinity: write Parquet instead") from None
        output += "\n"
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
        kind = "an array" if isinstance(record, list) else f"a {_json_kind(record)}"
        raise RecordError(f"expected a JSON object, found {kind}")
    return record


def _json_kind(value: object) -> str:
    return {type(None): "null", bool: "boolean", int: "number", float: "number", str: "string"}.get(
        type(value), type(value).__name__
    )


def _size(raw: Raw, text_field: str) -> int:
    if isinstance(raw, bytes):
        return len(raw)
    text = raw.get(text_field)
    return len(text) if isinstance(text, str) else 0


def mend_chunk(job: Job, chunk: list[Unit] | list[tuple[Any, Raw]]) -> list[Outcome]:
    """Mend a chunk of records; a record that raises anything becomes an outcome with its error."""
    outcomes: list[Outcome] = []
    for where, raw in chunk:
        try:
            outcomes.append((where, _size(raw, job.text_field), mend_unit(job, raw), None))
        except RecordError as error:
            outcomes.append((where, _size(raw, job.text_field), None, str(error)))
        except Exception as error:  # a fixer's bug: this record's error, and the run goes on
            message = f"textmend failed on this record: {type(error).__name__}: {error}"
            outcomes.append((where, _size(raw, job.text_field), None, message))
    return outcomes


# -- worker processes ---------------------------------------------------------------------------------
class WorkerDied(CorpusError):
    """A worker process ended without finishing its chunk (killed, or out of memory)."""


def _die_with_parent(parent: int) -> None:
    """Make this worker end when its parent does: at once on Linux, within half a second elsewhere."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            threading.Event().wait(_PARENT_CHECK)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="textmend-parent-watch", daemon=True).start()


def _work(job: Any, tasks: Any, results: Any, parent: int, work: Callable[[Any, Any], Any]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(parent)
    while True:
        chunk = tasks.get()
        if chunk is None:
            return
        results.put(work(job, chunk))


def _ending(exitcode: int | None) -> str:
    if exitcode is None:
        return "stopped answering"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (which the kernel's out-of-memory killer also sends)" if -exitcode == signal.SIGKILL else ""
        return f"was killed by {name}{hint}"
    return f"exited with status {exitcode}"


def check_main_guard(workers: int) -> None:
    """Refuse to start workers from a script that would run again in each of them (no main guard)."""
    main = sys.modules.get("__main__")
    message = (
        f"workers={workers} starts fresh Python processes, which import the calling script again; "
        '{where}. Put the call under `if __name__ == "__main__":` or use workers=1'
    )
    if getattr(main, "__name__", "") == "__mp_main__":
        raise CorpusError(message.format(where="this call ran again inside a worker as it started"))
    path = getattr(main, "__file__", None)
    if path is None or getattr(main, "__spec__", None) is not None or not path.endswith(".py"):
        return
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            source = handle.read()
    except OSError:
        return
    if "__main__" not in source:
        raise CorpusError(message.format(where=f'{path} has no `if __name__ == "__main__":` guard'))


# The signals a user stops a run with.
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_for_the_main_thread() -> Iterator[None]:
    """Block Ctrl-C and SIGTERM in this thread while it may start a queue's feeder thread, which inherits
    the mask: the kernel then delivers them to the main thread, which wakes from a blocking read (of
    stdin, say) to stop the run, instead of to a helper thread, which would leave it waiting."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no per-thread masks
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class WorkerPool:
    """``workers`` processes, each with its own queue, so the parent knows which chunk each one holds.

    Chunks go round robin and come back in input order; at most two per worker are in flight, so
    memory stays bounded on any input size. Workers are started with ``spawn`` (safe whatever threads
    this process runs) and end when the parent ends, even by ``kill -9``. Each chunk's result is
    ``work(job, chunk)``: :func:`mend_chunk` unless another module-level function is given (``textmend
    fit`` fits chunks).
    """

    def __init__(self, job: Any, workers: int, work: Callable[[Any, Any], Any] = mend_chunk) -> None:
        check_main_guard(workers)
        context = multiprocessing.get_context("spawn")
        self._tasks = [context.Queue() for _ in range(workers)]
        self._results = [context.Queue() for _ in range(workers)]
        self._processes = [
            context.Process(
                target=_work,
                args=(job, self._tasks[n], self._results[n], os.getpid(), work),
                name=f"textmend-worker-{n + 1}",
                daemon=True,
            )
            for n in range(workers)
        ]
        for process in self._processes:
            process.start()

    @property
    def pids(self) -> list[int]:
        return [process.pid or 0 for process in self._processes]

    def map(self, chunks: Iterable[list[Unit]]) -> Iterator[Any]:
        workers = len(self._processes)
        in_flight: deque[tuple[int, str, str]] = deque()
        for number, chunk in enumerate(chunks):
            worker = number % workers
            with _signals_for_the_main_thread():
                self._tasks[worker].put(chunk)
            in_flight.append((worker, chunk[0][0], chunk[-1][0]))
            if len(in_flight) >= 2 * workers:
                yield self._result(*in_flight.popleft())
        while in_flight:
            yield self._result(*in_flight.popleft())

    def _result(self, worker: int, first: str, last: str) -> Any:
        while True:
            try:
                return self._results[worker].get(timeout=_RESULT_POLL)
            except queue.Empty:
                process = self._processes[worker]
                if not process.is_alive():
                    process.join()
                    raise WorkerDied(
                        f"worker process {worker + 1} (pid {process.pid}) {_ending(process.exitcode)} "
                        f"while mending {first} to {last}; the run stopped, so nothing from {first} on was "
                        "written; rerun it, with fewer --workers if memory is short"
                    ) from None

    def close(self, *, wait: bool) -> None:
        """Stop the workers: let them finish (``wait``) or end them now."""
        for process, tasks in zip(self._processes, self._tasks, strict=True):
            if wait and process.is_alive():
                with contextlib.suppress(OSError, ValueError), _signals_for_the_main_thread():
                    tasks.put(None)
        for process in self._processes:
            process.join(timeout=5 if wait else 0.1)
            if process.is_alive():
                process.kill()
                process.join()
        for each in (*self._tasks, *self._results):
            each.cancel_join_thread()
            each.close()
