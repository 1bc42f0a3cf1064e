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
import gc
import json
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from ..errors import RecordError
from ..pipeline import Pipeline
from ..records import mend_record
from .files import CorpusError
from .readers import Raw, Unit, parse_json

__all__ = [
    "WARM_UP_TEXT",
    "Job",
    "Outcome",
    "RecordTimeout",
    "WorkerDied",
    "WorkerPool",
    "check_main_guard",
    "json_value",
    "mend_chunk",
    "mend_unit",
    "read_record",
    "start_method",
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
    timeout: float | None = None  # seconds one record may take; None: no limit

    def warm_up(self) -> None:
        """Load what mending needs (word lists, patterns) by mending a sample that asks every step.

        The sample is no record: a fixer that fails on it, or runs past the timeout, is left to fail
        on the records, where each failure is reported.
        """
        with _record_alarm(self.timeout) as alarm:
            try:
                alarm.start()
                try:
                    self.pipeline.mend_document(WARM_UP_TEXT)
                finally:
                    alarm.stop()
            except (Exception, RecordTimeout):
                pass


#: A text each step of the default pipeline reads to its end (damaged entities, a glued pair, mojibake,
#: a repeated title and a teaser block): a process mends it to load what mending needs.
WARM_UP_TEXT = (
    "The Title\nThe Title.\nLetrsquo;s see how they are usedfor pain &amp; more at the caf\u00c3\u00a9.\n"
    "-\nOther News\nOther News Its first words are cut"
)


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
            raise RecordError(
                f"{error}; JSON has no NaN or infinity (a JSON number beyond a double's range, "
                "such as 1e400, reads as infinite): write Parquet instead"
            ) from None
        output += "\n"
    try:
        return output.encode("utf-8")
    except UnicodeEncodeError as error:
        raise RecordError(f"has a lone surrogate {output[error.start]!r}, not writable as UTF-8") from None


def _parse_json(line: str) -> dict[str, Any]:
    record = parse_json(line)
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
    """Mend a chunk of records; a record that raises anything, or takes longer than ``job.timeout``
    seconds, becomes an outcome with its error."""
    outcomes: list[Outcome] = []
    with _record_alarm(job.timeout) as alarm:
        for where, raw in chunk:
            try:
                alarm.start()
                try:
                    output = mend_unit(job, raw)
                finally:
                    alarm.stop()
                outcomes.append((where, _size(raw, job.text_field), output, None))
            except RecordError as error:
                outcomes.append((where, _size(raw, job.text_field), None, str(error)))
            except RecordTimeout:
                message = f"took longer than {job.timeout:g} s (--timeout); a fixer may loop on this text"
                outcomes.append((where, _size(raw, job.text_field), None, message))
            except Exception as error:  # a fixer's bug: this record's error, and the run goes on
                message = f"textmend failed on this record: {type(error).__name__}: {error}"
                outcomes.append((where, _size(raw, job.text_field), None, message))
    return outcomes


class RecordTimeout(BaseException):
    """Raised inside a fixer whose record ran past the timeout (a BaseException, so that a fixer's
    own ``except Exception`` cannot swallow it)."""


class _Alarm:
    """Interrupts the record being mended after ``seconds`` (SIGALRM); does nothing when off."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds

    def start(self) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def stop(self) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _ring(signum: int, frame: object) -> None:
    raise RecordTimeout


@contextlib.contextmanager
def _record_alarm(seconds: float | None) -> Iterator[_Alarm]:
    """A per-record alarm where this process can have one (POSIX, main thread), else none.

    Python code that loops or sleeps is interrupted; code that never returns to Python (a C
    extension stuck in a loop) is not: the parent's watchdog ends such a worker.
    """
    usable = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield _Alarm(None)
        return
    previous = signal.signal(signal.SIGALRM, _ring)
    try:
        yield _Alarm(seconds)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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


def _work(
    job: Any,
    tasks: Connection,
    results: Connection,
    parent: int,
    work: Callable[[Any, Any], Any],
    inherited: Iterable[Connection] = (),
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker has none of the parent's handlers
    _die_with_parent(parent)
    for connection in inherited:
        connection.close()
    while True:
        try:
            data = tasks.recv_bytes()
        except (EOFError, OSError):  # the parent is gone
            return
        if not data:  # the parent's "no more chunks"
            return
        outcomes = work(job, pickle.loads(data))
        try:
            results.send_bytes(pickle.dumps(outcomes, pickle.HIGHEST_PROTOCOL))
        except OSError:  # the parent stopped reading: it ended the run
            return


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
    """Block Ctrl-C and SIGTERM in this thread while it starts a helper thread, which inherits the
    mask: the kernel then delivers them to the main thread, which wakes from a blocking read (of
    stdin, say) to stop the run, instead of to a helper thread, which would leave it waiting."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no per-thread masks
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class _Sender:
    """Sends one worker its chunks from a thread of the parent, so the parent never waits on a worker
    that is busy; a worker that died ends the thread quietly (the parent reports it)."""

    def __init__(self, connection: Connection, name: str) -> None:
        self._connection = connection
        self._chunks: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        with _signals_for_the_main_thread():
            self._thread = threading.Thread(target=self._send_all, name=name, daemon=True)
            self._thread.start()

    def send(self, chunk: list[Unit]) -> None:
        self._chunks.put(pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL))

    def finish(self) -> None:
        """Tell the worker there is no more work, once it has every chunk already sent."""
        self._chunks.put(b"")

    def stop(self) -> None:
        """Stop sending (the worker is being ended): the thread ends, closing its end of the pipe."""
        self._chunks.put(None)

    def join(self) -> None:
        """Wait for the thread to end (once its worker has ended, it has nothing left to send)."""
        self._thread.join(timeout=5)

    def _send_all(self) -> None:
        try:
            while (data := self._chunks.get()) is not None:
                self._connection.send_bytes(data)
        except OSError:  # the worker is gone (BrokenPipeError): the parent says so, not this thread
            pass
        finally:
            self._connection.close()


# Slack the parent's watchdog gives a worker on top of the per-record timeouts: its start, a slow machine.
_WATCHDOG_SLACK = 30.0


def _watchdog(timeout: float, records: int) -> float:
    """How long the parent waits for a chunk of ``records`` before it ends the worker: the worker may
    still hold the chunk before it (two in flight), each record may use its whole timeout."""
    return 2 * records * timeout + _WATCHDOG_SLACK


def start_method() -> str:
    """How workers start: forked from this process on Linux when it runs no other thread (they share
    its loaded word lists and start at once), else ``spawn`` (safe whatever threads run, but each
    worker imports textmend and loads the lists again: about half a CPU second)."""
    if not sys.platform.startswith("linux"):
        return "spawn"
    try:
        threads = len(os.listdir("/proc/self/task"))
    except OSError:
        return "spawn"
    return "fork" if threads == 1 else "spawn"


def _ready_to_fork(job: Any) -> None:
    """Warm this process up once for the workers it forks (``job.warm_up``, when it has one), flush what
    they would write again, and freeze what they share, so that they copy no page to collect it."""
    warm_up = getattr(job, "warm_up", None)
    if warm_up is not None:
        warm_up()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # closed, or replaced by an object without flush
            stream.flush()
    gc.freeze()


class WorkerPool:
    """``workers`` processes, each with its own pair of pipes, so the parent knows which chunk each holds.

    Chunks go round robin and come back in input order; at most two per worker are in flight, so
    memory stays bounded on any input size. Workers start as :func:`start_method` says (forked from a
    process that runs no other thread, else spawned) and end when the parent ends, even by ``kill
    -9``. Plain pipes, with each end held by one process only, make a worker's death visible at once:
    the parent reads the end of its results (never waits for the rest of a result cut short), and no
    lock or semaphore is shared.
    Each chunk's result is ``work(job, chunk)``: :func:`mend_chunk` unless another module-level
    function is given (``textmend fit`` fits chunks).
    """

    def __init__(self, job: Any, workers: int, work: Callable[[Any, Any], Any] = mend_chunk) -> None:
        check_main_guard(workers)
        self._timeout: float | None = getattr(job, "timeout", None)
        context = multiprocessing.get_context(start_method())
        self._processes: list[BaseProcess] = []
        self._senders: list[_Sender] = []
        self._results: list[Connection] = []
        self._writers: list[Connection] = []  # the parent's ends of the task pipes, until senders own them
        try:
            forking = context.get_start_method() == "fork"
            if forking:
                _ready_to_fork(job)
            try:
                for n in range(workers):
                    self._start(context, job, n, work)
            finally:
                if forking:
                    gc.unfreeze()
            # Threads only once every worker has started: a forked worker has none of the parent's.
            for n, writer in enumerate(self._writers):
                self._senders.append(_Sender(writer, f"textmend-send-{n + 1}"))
        except BaseException:  # Ctrl-C while starting: end the workers started so far
            for writer in self._writers[len(self._senders) :]:
                writer.close()
            self.close(wait=False)
            raise

    def _start(self, context: Any, job: Any, n: int, work: Callable[[Any, Any], Any]) -> None:
        """Start worker ``n`` with its two pipes; the parent keeps only its own ends."""
        task_reader, task_writer = context.Pipe(duplex=False)
        result_reader, result_writer = context.Pipe(duplex=False)
        # A forked worker holds a copy of every end the parent holds: it closes those (its own and the
        # earlier workers'), so that each end is one process's alone, as with a spawned worker (a
        # sibling holding a worker's task pipe would keep it from seeing the parent close that pipe).
        parents = [*self._writers, *self._results, task_writer, result_reader]
        process = context.Process(
            target=_work,
            args=(job, task_reader, result_writer, os.getpid(), work),
            kwargs={"inherited": parents} if context.get_start_method() == "fork" else {},
            name=f"textmend-worker-{n + 1}",
            daemon=True,
        )
        process.start()
        task_reader.close()  # the worker's ends are the worker's alone
        result_writer.close()
        self._processes.append(process)
        self._writers.append(task_writer)
        self._results.append(result_reader)

    @property
    def pids(self) -> list[int]:
        return [process.pid or 0 for process in self._processes]

    def map(self, chunks: Iterable[list[Unit]]) -> Iterator[Any]:
        workers = len(self._processes)
        in_flight: deque[tuple[int, str, str, int]] = deque()
        for number, chunk in enumerate(chunks):
            worker = number % workers
            self._senders[worker].send(chunk)
            in_flight.append((worker, chunk[0][0], chunk[-1][0], len(chunk)))
            if len(in_flight) >= 2 * workers:
                yield self._result(*in_flight.popleft())
        while in_flight:
            yield self._result(*in_flight.popleft())

    def _result(self, worker: int, first: str, last: str, records: int) -> Any:
        results = self._results[worker]
        process = self._processes[worker]
        deadline = None if self._timeout is None else time.monotonic() + _watchdog(self._timeout, records)
        while True:
            try:
                if results.poll(_RESULT_POLL):
                    return pickle.loads(results.recv_bytes())
            except (EOFError, OSError):  # the worker's end closed, its last result cut short or never sent
                break
            if not process.is_alive():
                if results.poll(0):  # it finished this chunk just before it died
                    continue
                break
            if deadline is not None and time.monotonic() > deadline:  # stuck where the alarm cannot reach
                process.kill()
                process.join()
                raise WorkerDied(
                    f"worker process {worker + 1} (pid {process.pid}) did not finish {first} to {last} "
                    f"within --timeout {self._timeout:g} s a record, even interrupted, so it was ended; "
                    f"nothing from {first} on was written; find the record with workers=1 and a debugger"
                )
        process.join(timeout=5)
        raise WorkerDied(
            f"worker process {worker + 1} (pid {process.pid}) {_ending(process.exitcode)} "
            f"while mending {first} to {last}; the run stopped, so nothing from {first} on was "
            "written; rerun it, with fewer --workers if memory is short"
        )

    def close(self, *, wait: bool) -> None:
        """Stop the workers: let them finish (``wait``) or end them now."""
        for sender in self._senders:
            if wait:
                sender.finish()
            sender.stop()
        for process in self._processes:
            process.join(timeout=5 if wait else 0.1)
            if process.is_alive():
                process.kill()
                process.join()
        for sender in self._senders:  # a pool started next in this process then forks (start_method)
            sender.join()
        for results in self._results:
            results.close()
