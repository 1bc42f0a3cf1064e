"""``textmend clean`` loses nothing and explains every failure: each case through a real subprocess.

Real files, real compressed streams, real FIFOs and real ``kill -9``; no reader or writer is mocked.
"""

from __future__ import annotations

import base64
import bz2
import contextlib
import datetime
import decimal
import gzip
import json
import lzma
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

import textmend
from conftest import ROOT, run_cli
from corpusdata import read_jsonl, records, write_jsonl
from textmend.records import mend_record

#: Makes the entities fixer raise today (the trust issue fixes it); the marker fixer below raises for good.
ENTITIES_POISON = "He won the race; then he left. Letrsquo;s go."
MARKER = "POISON-PILL"


def fixer_module(name: str, summary: str, find_body: str) -> str:
    """The source of a module that registers a fixer ``name`` whose ``find`` runs ``find_body``."""
    return f'''
import time
from dataclasses import dataclass
from typing import ClassVar

from textmend import Fixer, register


@register
@dataclass(frozen=True)
class {name.capitalize()}Fixer(Fixer):
    """{summary}"""

    name: ClassVar[str] = "{name}"

    def find(self, text, found):
{find_body}
        return ()
'''


POISON_FIXER = fixer_module(
    "poison",
    "Raises on a marker string, as a fixer with a bug would.",
    f'''        if "{MARKER}" in text:
            raise ZeroDivisionError("poisoned on purpose")''',
)


def environment(**extra: str) -> dict[str, str]:
    env = dict(os.environ, **extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), extra.get("PYTHONPATH")]))
    env.pop("TEXTMEND_DEBUG", None)
    return env


def clean(*args: str | Path, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    if not env:
        return run_cli("clean", *map(str, args), stdin=stdin)
    return subprocess.run(
        [sys.executable, "-m", "textmend", "clean", *map(str, args)],
        input=stdin,
        capture_output=True,
        env=environment(**env),
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    return result.stderr.decode().splitlines()


def leftovers(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if path.name.endswith(".part"))


def expected(items: list[dict[str, Any]], **options: Any) -> list[dict[str, Any]]:
    return [mend_record(item, textmend.DEFAULT, **options) for item in items]


# -- any exception while mending one record is that record's error ---------------------------------
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_record_that_makes_a_fixer_raise_is_that_records_error(tmp_path: Path, workers: str) -> None:
    (tmp_path / "poisonfixer.py").write_text(POISON_FIXER, encoding="utf-8")
    items = [{"text": "Letrsquo;s go"}, {"text": ENTITIES_POISON}, {"text": f"a {MARKER} here"}]
    items += [{"text": f"usedfor record {n}"} for n in range(300)]
    source = write_jsonl(tmp_path / "in.jsonl", items)
    target = tmp_path / "out.jsonl"
    command = [
        sys.executable,
        "-c",
        "import poisonfixer; from textmend.cli import run; run()",
        "clean",
        str(source),
        "-o",
        str(target),
        "--pipeline",
        "entities,poison,words",
        "--on-error",
        "skip",
        "--workers",
        workers,
    ]
    result = subprocess.run(
        command, capture_output=True, env=environment(PYTHONPATH=str(tmp_path)), timeout=120, check=False
    )
    stderr = result.stderr.decode()
    assert result.returncode == 3, stderr
    assert "Traceback" not in stderr and "RemoteTraceback" not in stderr
    assert (
        f"textmend: {source}:3: textmend failed on this record: "
        "ZeroDivisionError: poisoned on purpose (skipped)" in stderr
    )
    entities_line = [line for line in lines(result) if line.startswith(f"textmend: {source}:2:")]
    if entities_line:  # the entities fixer still raises on this text (until the trust issue lands)
        assert entities_line[0].startswith(f"textmend: {source}:2: textmend failed on this record: ")
    written = read_jsonl(target.read_bytes())
    assert len(written) == len(items) - 1 - len(entities_line)
    assert written[0]["text"] == "Let\u2019s go" and written[-1]["text"] == "used for record 299"


def test_under_on_error_fail_a_raising_fixer_stops_the_run_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "poisonfixer.py").write_text(POISON_FIXER, encoding="utf-8")
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "fine"}, {"text": MARKER}])
    command = [
        sys.executable,
        "-c",
        "import poisonfixer; from textmend.cli import run; run()",
        "clean",
        str(source),
        "-o",
        str(tmp_path / "out.jsonl"),
        "--pipeline",
        "poison",
        "--workers",
        "2",
    ]
    result = subprocess.run(
        command, capture_output=True, env=environment(PYTHONPATH=str(tmp_path)), timeout=120, check=False
    )
    assert result.returncode == 1
    assert lines(result) == [
        f"textmend: {source}:2: textmend failed on this record: ZeroDivisionError: poisoned on purpose;"
        " nothing was written. Fix that record, or add --on-error skip to report bad records and go on"
    ]
    assert not (tmp_path / "out.jsonl").exists() and leftovers(tmp_path) == []


# -- a record that makes a fixer run for ever: the per-record timeout --------------------------------
SLOW_FIXER = fixer_module(
    "stall",
    "Sleeps on one marker and spins on another, as a fixer stuck on one text would.",
    f"""        if "SLEEP-{MARKER}" in text:
            time.sleep(3600)
        if "SPIN-{MARKER}" in text:
            while True:
                pass""",
)
STALL_SCRIPT = """
import sys

import stallfixer
import textmend
from textmend.corpus import mend_file

if __name__ == "__main__":
    pipeline = textmend.Pipeline(["entities", "stall"])
    report = mend_file(sys.argv[1], sys.argv[2], pipeline=pipeline, workers=int(sys.argv[3]),
                       on_error="skip", max_errors=5, timeout=1)
    print(report.written, report.skipped)
"""


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_record_a_fixer_never_finishes_is_skipped_after_the_timeout(tmp_path: Path, workers: str) -> None:
    (tmp_path / "stallfixer.py").write_text(SLOW_FIXER, encoding="utf-8")
    (tmp_path / "job.py").write_text(STALL_SCRIPT, encoding="utf-8")
    items = [{"text": f"Letrsquo;s go {n}"} for n in range(300)]
    items[7]["text"] = f"SLEEP-{MARKER}"
    items[250]["text"] = f"SPIN-{MARKER}"
    source = write_jsonl(tmp_path / "in.jsonl", items)
    target = tmp_path / "out.jsonl"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(tmp_path / "job.py"), str(source), str(target), workers],
        capture_output=True,
        env=environment(PYTHONPATH=str(tmp_path)),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert time.monotonic() - started < 60
    assert result.stdout.decode().split() == ["298", "2"]
    warnings = result.stderr.decode().splitlines()
    assert warnings == [
        f"{source}:{line}: took longer than 1 s (--timeout); a fixer may loop on this text (skipped)"
        for line in (8, 251)
    ]
    written = read_jsonl(target.read_bytes())
    assert len(written) == 298 and written[7]["text"] == "Let\u2019s go 8"


# A fixer that fails on every text: forked workers' parent mends a sample first (Job.warm_up), which
# must leave the failure to the records.
FAILING_FIXERS = {
    "raises": fixer_module("broken", "Raises on every text.", '        raise ZeroDivisionError("broken")'),
    "stalls": fixer_module("broken", "Sleeps on every text.", "        time.sleep(600)"),
}


@pytest.mark.parametrize("kind", ["raises", "stalls"])
def test_a_fixer_that_fails_on_every_text_is_reported_on_each_record_with_workers(
    tmp_path: Path, kind: str
) -> None:
    (tmp_path / "brokenfixer.py").write_text(FAILING_FIXERS[kind], encoding="utf-8")
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": f"record {n}"} for n in range(3)])
    command = [sys.executable, "-c", "import brokenfixer; from textmend.cli import run; run()", "clean"]
    command += [str(source), "-o", str(tmp_path / "out.jsonl"), "--pipeline", "entities,broken"]
    command += ["--on-error", "skip", "--workers", "2", "--timeout", "1"]
    result = subprocess.run(
        command, capture_output=True, env=environment(PYTHONPATH=str(tmp_path)), timeout=60, check=False
    )
    stderr = result.stderr.decode().splitlines()
    why = (
        "textmend failed on this record: ZeroDivisionError: broken"
        if kind == "raises"
        else ("took longer than 1 s (--timeout); a fixer may loop on this text")
    )
    assert stderr[:3] == [f"textmend: {source}:{n}: {why} (skipped)" for n in (1, 2, 3)]
    assert stderr[3].startswith("textmend: all 3 records were skipped, so nothing was written")
    assert result.returncode == 1 and len(stderr) == 4


# -- JSONL -> Parquet: the schema covers every record, or the run refuses ----------------------------
def test_jsonl_to_parquet_schema_covers_fields_and_types_first_seen_late(tmp_path: Path) -> None:
    items: list[dict[str, Any]] = [{"id": n, "text": "usedfor", "score": n} for n in range(2500)]
    items[1500]["score"] = 1.5  # an integer column that later holds a float
    items[2200]["late"] = {"a": 1}  # a field first seen after the first batches
    items[2300]["late"] = {"a": 2, "b": "x"}  # a nested field that grows
    source = write_jsonl(tmp_path / "in.jsonl", items)
    result = clean(source, "-o", tmp_path / "out.parquet")
    assert (result.returncode, result.stderr) == (0, b"")
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.field("score").type == pa.float64()
    assert table.column_names == ["id", "text", "score", "late", "title", "site", "teasers"]
    rows = table.to_pylist()
    assert [row["score"] for row in rows] == [float(item["score"]) for item in items]
    assert rows[2200]["late"] == {"a": 1, "b": None} and rows[2300]["late"] == {"a": 2, "b": "x"}
    assert rows[0]["late"] is None and rows[2499]["text"] == "used for"
    assert len(rows) == 2500


@pytest.mark.parametrize("at", [10, 1800])  # in the first batch, and in a later one
def test_jsonl_to_parquet_refuses_a_field_of_two_types_naming_field_and_record(
    tmp_path: Path, at: int
) -> None:
    items: list[dict[str, Any]] = [{"id": n, "text": "x"} for n in range(2000)]
    items[at]["id"] = "two"
    source = write_jsonl(tmp_path / "in.jsonl", items)
    target = tmp_path / "out.parquet"
    result = clean(source, "-o", target)
    assert result.returncode == 1
    [message] = lines(result)
    assert message.startswith(f"textmend: {source}:{at + 1}: field 'id' is ")
    assert "nothing was written" in message and "write JSONL" in message
    assert not target.exists() and leftovers(tmp_path) == []


# -- Parquet -> JSONL: every type round-trips under the documented convention ------------------------
def test_parquet_to_jsonl_round_trips_binary_timestamps_decimals_and_nested(tmp_path: Path) -> None:
    moment = datetime.datetime(2024, 2, 29, 23, 59, 58, 123456, tzinfo=datetime.timezone.utc)
    table = pa.table(
        {
            "text": ["Letrsquo;s go", "clean"],
            "blob": pa.array([b"\x00\xff\x10", b""], pa.binary()),
            "at": pa.array([moment, None], pa.timestamp("us", tz="UTC")),
            "nanos": pa.array([1_709_251_198_123_456_789, 0], pa.timestamp("ns")),
            "day": pa.array([datetime.date(2024, 2, 29), datetime.date(1970, 1, 1)], pa.date32()),
            "price": pa.array(
                [decimal.Decimal("12345678901234567890.12"), decimal.Decimal("-0.10")], pa.decimal128(22, 2)
            ),
            "nested": [{"tags": ["a", "b"], "blob": b"\x01"}, {"tags": [], "blob": None}],
            "pairs": pa.array([[("k", 1)], []], pa.map_(pa.string(), pa.int64())),
        }
    )
    pq.write_table(table, tmp_path / "in.parquet")
    result = clean(tmp_path / "in.parquet", "-o", tmp_path / "out.jsonl")
    assert (result.returncode, result.stderr) == (0, b"")
    first, second = read_jsonl((tmp_path / "out.jsonl").read_bytes())
    assert first["text"] == "Let\u2019s go"
    # The convention (docs/corpus.md): base64 for bytes, ISO 8601 for times, exact digits for decimals.
    assert base64.b64decode(first["blob"]) == b"\x00\xff\x10" and second["blob"] == ""
    assert datetime.datetime.fromisoformat(first["at"]) == moment and second["at"] is None
    assert first["nanos"] == "2024-02-29T23:59:58.123456789"
    assert datetime.date.fromisoformat(first["day"]) == datetime.date(2024, 2, 29)
    assert decimal.Decimal(first["price"]) == decimal.Decimal("12345678901234567890.12")
    assert second["price"] == "-0.10"
    assert first["nested"] == {"tags": ["a", "b"], "blob": base64.b64encode(b"\x01").decode()}
    assert first["pairs"] == [["k", 1]] and second["pairs"] == []
    sidecar = json.loads((tmp_path / "out.jsonl.textmend.json").read_text(encoding="utf-8"))
    assert "blob: binary" in sidecar["input_arrow_schema"]  # the types, to read the values back
    assert "price: decimal128(22, 2)" in sidecar["input_arrow_schema"]


def test_a_value_json_cannot_hold_is_refused_naming_the_row(tmp_path: Path) -> None:
    pq.write_table(pa.table({"text": ["a", "b"], "x": [1.0, float("nan")]}), tmp_path / "in.parquet")
    result = clean(tmp_path / "in.parquet", "-o", tmp_path / "out.jsonl")
    assert result.returncode == 1
    [message] = lines(result)
    assert message.startswith(f"textmend: {tmp_path / 'in.parquet'}:2: ") and "NaN" in message
    assert "write Parquet instead" in message and not (tmp_path / "out.jsonl").exists()


# -- -o names a FIFO, a symlink or /dev/stdout: written through --------------------------------------
def test_a_fifo_output_is_written_through(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", records(20))
    fifo = tmp_path / "out.jsonl"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = clean(source, "-o", fifo)
    reader.join(timeout=60)
    assert (result.returncode, result.stderr) == (0, b"")
    assert read_jsonl(received[0]) == expected(records(20))
    assert fifo.is_fifo() and leftovers(tmp_path) == []


def test_a_symlink_output_replaces_the_file_it_names_and_stays_a_link(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", records(5))
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "real.jsonl"
    real.write_bytes(b"old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert clean(source, "-o", link).returncode == 0
    assert link.is_symlink() and read_jsonl(real.read_bytes()) == expected(records(5))


def test_dev_stdout_is_written_through() -> None:
    result = run_cli("clean", "-", "-o", "/dev/stdout", stdin=b'{"text": "Letrsquo;s"}\n')
    assert result.returncode == 0, result.stderr
    assert read_jsonl(result.stdout) == [{"text": "Let\u2019s", "title": None, "site": None, "teasers": []}]


# -- kill -9 of the parent, kill -9 of a worker ------------------------------------------------------
def _children(pid: int) -> set[int]:
    """The worker processes of ``pid``: forked (the parent's command line) or spawned (not
    multiprocessing's resource tracker)."""
    found: set[int] = set()
    parent = Path(f"/proc/{pid}/cmdline").read_bytes()
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            try:
                command = Path(f"/proc/{child}/cmdline").read_bytes()
            except OSError:
                continue
            if command == parent or b"spawn_main" in command:
                found.add(int(child))
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].split()[0]
    except OSError:
        return False
    return status != "Z"


def _start(target: Path, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "textmend", "clean", "-", "-o", str(target), "--workers", str(workers)]
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(), cwd=ROOT
    )
    assert process.stdin is not None
    _feed(process, 0, 2500)
    deadline = time.monotonic() + 60
    while len([c for c in _children(process.pid) if _alive(c)]) < workers or not leftovers(target.parent):
        assert time.monotonic() < deadline and process.poll() is None, "the workers never started"
        time.sleep(0.05)
    return process


def _feed(process: subprocess.Popen[bytes], start: int, count: int) -> None:
    assert process.stdin is not None
    process.stdin.write(b"".join(b'{"id": %d, "text": "usedfor"}\n' % n for n in range(start, start + count)))
    process.stdin.flush()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_the_parent_takes_the_workers_and_a_rerun_is_clean(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    process = _start(target, 2)
    workers = _children(process.pid)
    process.kill()
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "workers outlived their parent"
        time.sleep(0.05)
    assert len(leftovers(tmp_path)) == 1  # kill -9 cannot be cleaned up after: the next run does it
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "Letrsquo;s"}])
    result = clean(source, "-o", target, "--log-level", "info")
    assert result.returncode == 0 and leftovers(tmp_path) == []
    assert "left by an earlier run that was killed" in result.stderr.decode()
    assert read_jsonl(target.read_bytes())[0]["text"] == "Let\u2019s"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_workers_are_forked_only_from_a_process_that_runs_no_other_thread() -> None:
    code = (
        "import threading\nfrom textmend.corpus.work import start_method\nprint(start_method())\n"
        "threading.Thread(target=threading.Event().wait, daemon=True).start()\nprint(start_method())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=environment(), capture_output=True, check=True)
    assert result.stdout.split() == [b"fork", b"spawn"]  # a thread may hold a lock a forked worker needs


def test_parquet_without_pyarrow_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textmend.corpus import CorpusError, mend_file

    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "a"}])
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed
    with pytest.raises(
        CorpusError, match=r"^Parquet needs pyarrow; install it: pip install 'textmend\[corpus\]'$"
    ):
        mend_file(str(source), str(tmp_path / "out.parquet"), workers=2)
    assert list(tmp_path.iterdir()) == [source]  # refused before any worker started or file was made


def _sending_a_result(pid: int) -> bool:
    """Whether a thread of ``pid`` waits to write to a pipe: a worker whose result the parent has not
    read yet (the parent waits for more of stdin), killed there, leaves half a result in the pipe."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            if "pipe_write" in (task / "wchan").read_text():
                return True
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("moment", ["starting", "sending a result"])
def test_kill_9_of_one_worker_is_one_clear_line_and_nothing_half_written(tmp_path: Path, moment: str) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"previous run\n")
    process = _start(target, 2)
    victim = sorted(_children(process.pid))[0]
    if moment == "sending a result":
        deadline = time.monotonic() + 60
        while not _sending_a_result(victim):
            if time.monotonic() > deadline:  # /proc/PID/wchan says "0" on kernels that hide it
                process.kill()
                pytest.skip("never saw the worker wait to send its result (/proc/PID/wchan)")
            time.sleep(0.05)
    os.kill(victim, signal.SIGKILL)
    more = b"".join(b'{"id": %d, "text": "usedfor"}\n' % n for n in range(2500, 22500))
    try:  # more chunks: one of them goes to the dead worker; the run may stop before it reads them all
        _, stderr_bytes = process.communicate(more, timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("the run hung after a worker was killed") from None
    assert process.returncode == 1
    stderr = stderr_bytes.decode()
    assert len(stderr.splitlines()) == 1, stderr
    message = stderr.rstrip("\n")
    pattern = (
        rf"textmend: worker process \d \(pid {victim}\) was killed by SIGKILL \(which the kernel's "
        r"out-of-memory killer also sends\) while mending <stdin>:(\d+) to <stdin>:(\d+); the run stopped, "
        r"so nothing from <stdin>:\1 on was written; rerun it, with fewer --workers if memory is short"
    )
    assert re.fullmatch(pattern, message), message
    assert target.read_bytes() == b"previous run\n" and leftovers(tmp_path) == []


# -- encodings, JSON arrays -------------------------------------------------------------------------
def test_a_utf8_bom_is_accepted_and_utf16_is_named(tmp_path: Path) -> None:
    data = "".join(json.dumps(item) + "\n" for item in [{"text": "Letrsquo;s"}, {"text": "b"}])
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + data.encode())
    result = clean(bom, "-o", "-")
    assert (result.returncode, result.stderr) == (0, b"")
    assert [record["text"] for record in read_jsonl(result.stdout)] == ["Let\u2019s", "b"]
    for encoding, name in (("utf-16", "UTF-16 (little-endian)"), ("utf-16-be", "UTF-16 (big-endian)")):
        wide = tmp_path / f"{encoding}.jsonl"
        wide.write_bytes(data.encode(encoding))
        result = clean(wide, "-o", tmp_path / "out.jsonl")
        assert result.returncode == 1
        assert lines(result) == [
            f"textmend: {wide}: is {name} text, not UTF-8; convert it first, "
            f"e.g. iconv -f UTF-16 -t UTF-8 {wide} > converted.jsonl"
        ]


def test_a_pretty_printed_json_array_is_read_record_by_record(tmp_path: Path) -> None:
    items = [{"id": n, "text": "Letrsquo;s go\nusedfor", "meta": {"k": [1, 2]}} for n in range(50)]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(items, indent=2, ensure_ascii=False), encoding="utf-8")
    result = clean(source, "-o", tmp_path / "out.jsonl")
    assert (result.returncode, result.stderr) == (0, b"")
    assert read_jsonl((tmp_path / "out.jsonl").read_bytes()) == expected(items)
    result = clean(source, "-o", tmp_path / "out.json")  # and a JSON array out
    assert json.loads((tmp_path / "out.json").read_bytes()) == expected(items)
    source.write_text('[\n  {"text": "a"},\n  "not an object",\n  {"text": "b"}\n]\n', encoding="utf-8")
    result = clean(source, "-o", "-", "--on-error", "skip", "--max-errors", "1")
    assert lines(result)[0] == f"textmend: {source}:3: expected a JSON object, found a string (skipped)"
    source.write_text('[\n  {"text": "a"},\n  {"text": "b", "meta": {"k": 1, "k": 2}}\n]\n', encoding="utf-8")
    result = clean(source, "-o", "-", "--on-error", "skip", "--max-errors", "1")
    assert lines(result)[0] == (
        f"textmend: {source}:3: the key 'k' is written twice in one object, and JSON keeps only the last "
        "value; write each key once (skipped)"
    )
    source.write_text('[\n  {"text": "a"},\n  {"text": "b",\n', encoding="utf-8")
    result = clean(source, "-o", tmp_path / "cut.jsonl")
    assert result.returncode == 1 and lines(result)[0].startswith(
        f"textmend: {source}:3: invalid JSON in the array"
    )


# -- --max-errors and exit codes --------------------------------------------------------------------
def _with_bad(tmp_path: Path, good: int, bad: int) -> Path:
    payload = b"".join(b'{"text": "usedfor %d"}\n' % n for n in range(good)) + b"{broken\n" * bad
    source = tmp_path / "in.jsonl"
    source.write_bytes(payload)
    return source


@pytest.mark.parametrize(
    ("bad", "limit", "status"),
    [(0, None, 0), (1, None, 3), (3, None, 1), (3, "2%", 3), (3, "2", 1), (3, "3", 3), (3, "0", 1)],
)
def test_max_errors_count_or_percentage_decides_the_exit_status(
    tmp_path: Path, bad: int, limit: str | None, status: int
) -> None:
    source = _with_bad(tmp_path, 200 - bad, bad)  # default limit 1%: 2 bad records of 200
    target = tmp_path / "out.jsonl"
    result = clean(source, "-o", target, "--on-error", "skip", *(["--max-errors", limit] if limit else []))
    assert result.returncode == status, result.stderr
    if status == 1:
        assert re.match(
            r"textmend: \d+ of \d+ records read were bad, more than --max-errors", lines(result)[-1]
        )
        assert not target.exists() and leftovers(tmp_path) == []
    else:
        assert len(read_jsonl(target.read_bytes())) == 200 - bad


def test_a_run_where_every_record_was_skipped_fails_and_names_the_fields(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": n, "body": "x"} for n in range(5)])
    result = clean(
        source,
        "-o",
        tmp_path / "out.jsonl",
        "--text-field",
        "content",
        "--on-error",
        "skip",
        "--max-errors",
        "100%",
    )
    assert result.returncode == 1
    assert lines(result)[-1] == (
        f"textmend: all 5 records were skipped, so nothing was written; the first: {source}:1: "
        "no 'content' field (fields here: 'id', 'body'); choose one with --text-field"
    )
    assert not (tmp_path / "out.jsonl").exists()


# -- outputs are checked before a byte is read ------------------------------------------------------
@pytest.mark.parametrize("kind", ["missing folder", "existing folder", "folder with slash"])
def test_outputs_are_checked_before_reading_a_byte(tmp_path: Path, kind: str) -> None:
    target = {
        "missing folder": str(tmp_path / "nope" / "out.jsonl"),
        "existing folder": str(tmp_path),
        "folder with slash": f"{tmp_path}/",
    }[kind]
    command = [sys.executable, "-m", "textmend", "clean", "-", "-o", target]
    # stdin stays open and empty: a run that read before checking would hang here
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(), cwd=ROOT
    ) as process:
        assert process.wait(timeout=60) == 1
        assert process.stderr is not None
        message = process.stderr.read().decode()
    assert message.count("\n") == 1 and "Traceback" not in message and ".part" not in message
    if kind == "missing folder":
        assert (
            message == f"textmend: {target}: the folder {tmp_path / 'nope'} does not exist; "
            f"create it first (mkdir -p {tmp_path / 'nope'})\n"
        )
    else:
        assert message.startswith(f"textmend: {target}: is a folder; name the output file, e.g. ")


# -- provenance -------------------------------------------------------------------------------------
def test_outputs_say_how_they_were_made(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", records(3))
    assert clean(source, "-o", tmp_path / "out.parquet", "--disable", "words", "--changes").returncode == 0
    about = json.loads(pq.read_schema(tmp_path / "out.parquet").metadata[b"textmend"])
    assert about["textmend_version"] == textmend.__version__
    assert about["pipeline"] == repr(textmend.DEFAULT.disable("words"))
    assert {"name": "words", "enabled": False, "options": textmend.DEFAULT["words"].get_params()} in about[
        "steps"
    ]
    assert about["changes"] is True and about["inputs"] == [str(source)]
    assert clean(source, "-o", tmp_path / "out.jsonl.gz").returncode == 0
    sidecar = json.loads((tmp_path / "out.jsonl.gz.textmend.json").read_text(encoding="utf-8"))
    assert sidecar["textmend_version"] == textmend.__version__ and sidecar["pipeline"] == repr(
        textmend.DEFAULT
    )
    assert (sidecar["records"], sidecar["written"], sidecar["skipped"]) == (3, 3, 0)


# -- messages: what, where, what to do; tracebacks only on request ----------------------------------
@pytest.mark.parametrize(
    ("args", "status", "expected_text"),
    [
        (["nope.jsonl", "-o", "out.jsonl"], 1, "textmend: nope.jsonl: No such file or directory"),
        (
            ["-", "-o", "-", "--workers", "abc"],
            2,
            "argument --workers: 'abc' is not a whole number; give one such as 2",
        ),
        (["-", "-o", "-", "--max-errors", "lots"], 2, "a percentage (e.g. 1%), not 'lots'"),
        (["-", "-o", "-", "--timeout", "soon"], 2, "'soon' is not a number of seconds above 0"),
        (["-", "-o", "out.dat"], 2, "cannot tell the output format of 'out.dat' from its name"),
        (["'no*match*.jsonl'", "-o", "-"], 1, "no file matches this pattern"),
    ],
)
def test_user_errors_are_one_line_without_a_traceback(
    tmp_path: Path, args: list[str], status: int, expected_text: str
) -> None:
    args = [arg.strip("'") for arg in args]
    result = subprocess.run(
        [sys.executable, "-m", "textmend", "clean", *args],
        input=b"",
        capture_output=True,
        env=environment(),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == status
    assert expected_text in result.stderr.decode() and b"Traceback" not in result.stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    for extra, env in ((["--debug"], {}), ([], {"TEXTMEND_DEBUG": "1"})):
        result = subprocess.run(
            [sys.executable, "-m", "textmend", "clean", "nope.jsonl", "-o", "out.jsonl", *extra],
            capture_output=True,
            env={**environment(), **env},
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
        assert result.returncode == 1 and b"Traceback" in result.stderr
        assert result.stderr.decode().splitlines()[-1] == "textmend: nope.jsonl: No such file or directory"


def test_quiet_and_log_level_control_the_textmend_logger(tmp_path: Path) -> None:
    source = _with_bad(tmp_path, 10, 1)
    loud = clean(source, "-o", "-", "--on-error", "skip", "--max-errors", "1")
    quiet = clean(source, "-o", "-", "--on-error", "skip", "--max-errors", "1", "--quiet")
    errors_only = clean(source, "-o", "-", "--on-error", "skip", "--max-errors", "1", "--log-level", "error")
    assert loud.returncode == quiet.returncode == errors_only.returncode == 3
    assert (
        lines(loud)[0] == f"textmend: {source}:11: invalid JSON: "
        "Expecting property name enclosed in double quotes at column 2 (skipped)"
    )
    assert quiet.stderr == errors_only.stderr == b""


def test_the_library_logs_and_never_prints(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    from textmend.corpus import mend_file

    source = _with_bad(tmp_path, 10, 1)
    with caplog.at_level("WARNING", logger="textmend"):
        report = mend_file(str(source), str(tmp_path / "out.jsonl"), on_error="skip", max_errors=1)
    assert (report.written, report.skipped) == (10, 1)
    assert capfd.readouterr() == ("", "")
    assert [record.name for record in caplog.records] == ["textmend"]
    assert caplog.records[0].getMessage().endswith("(skipped)")


# -- workers from a script without a main guard -----------------------------------------------------
@pytest.mark.parametrize("guarded", [False, True])
def test_workers_from_a_script_without_a_main_guard_are_refused_with_the_fix(
    tmp_path: Path, guarded: bool
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "usedfor"}] * 10)
    call = f"mend_file({str(source)!r}, {str(tmp_path / 'out.jsonl')!r}, workers=2)"
    body = f'if __name__ == "__main__":\n    {call}\n' if guarded else f"{call}\n"
    script = tmp_path / "job.py"
    script.write_text("from textmend.corpus import mend_file\n" + body, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        env=environment(),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    if guarded:
        assert result.returncode == 0, result.stderr
        assert read_jsonl((tmp_path / "out.jsonl").read_bytes())[0]["text"] == "used for"
    else:
        assert result.returncode == 1
        assert 'Put the call under `if __name__ == "__main__":` or use workers=1' in result.stderr.decode()
        assert not (tmp_path / "out.jsonl").exists()


# -- CRLF -> LF as one compact change ---------------------------------------------------------------
def test_crlf_to_lf_is_one_change_per_document_that_reverts_exactly() -> None:
    text = "one\r\ntwo\r\nthree\r\n" * 50
    document = textmend.mend_document(text)
    assert document.text == text.replace("\r\n", "\n")
    assert len(document.changes) == 1
    assert textmend.revert_changes(document.text, document.changes) == text


# -- fsspec: URLs, globs, compressions --------------------------------------------------------------
COMPRESSORS = {
    "gz": gzip.compress,
    "zst": zstandard.ZstdCompressor().compress,
    "bz2": bz2.compress,
    "xz": lzma.compress,
}
DECOMPRESSORS = {
    "gz": gzip.decompress,
    "zst": lambda data: zstandard.ZstdDecompressor().decompressobj().decompress(data),
    "bz2": bz2.decompress,
    "xz": lzma.decompress,
}


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_compressed_inputs_and_outputs_through_file_urls(tmp_path: Path, suffix: str) -> None:
    items = records(40)
    plain = write_jsonl(tmp_path / "in.jsonl", items).read_bytes()
    source = tmp_path / f"in.jsonl.{suffix}"
    source.write_bytes(COMPRESSORS[suffix](plain))
    result = clean(f"file://{source}", "-o", f"file://{tmp_path}/out.jsonl.{suffix}")
    assert (result.returncode, result.stderr) == (0, b"")
    data = (tmp_path / f"out.jsonl.{suffix}").read_bytes()
    assert read_jsonl(DECOMPRESSORS[suffix](data)) == expected(items)
    renamed = tmp_path / "mislabelled.jsonl"  # compression is found by the first bytes, not the name
    renamed.write_bytes(source.read_bytes())
    assert read_jsonl(clean(renamed, "-o", "-").stdout) == expected(items)


def test_a_glob_reads_every_match_in_order_and_names_each_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for part in range(3):
        payload = b"".join(b'{"part": %d, "text": "usedfor"}\n' % part for _ in range(4))
        (tmp_path / "data" / f"part-{part}.jsonl.gz").write_bytes(
            gzip.compress(payload + (b"{bad\n" if part == 1 else b""))
        )
    result = clean(f"{tmp_path}/data/part-*.jsonl.gz", "-o", "-", "--on-error", "skip", "--max-errors", "1")
    assert result.returncode == 3
    assert [record["part"] for record in read_jsonl(result.stdout)] == [0] * 4 + [1] * 4 + [2] * 4
    assert lines(result)[0].startswith(f"textmend: {tmp_path}/data/part-1.jsonl.gz:5: invalid JSON")


def test_memory_urls_in_process() -> None:
    import fsspec

    from textmend.corpus import mend_file

    fs = fsspec.filesystem("memory")
    fs.pipe("/corpus/in.jsonl", b'{"text": "Letrsquo;s"}\n{"text": "usedfor"}\n')
    report = mend_file("memory://corpus/in.jsonl", "memory://corpus/out.jsonl.zst")
    assert (report.records, report.written) == (2, 2)
    data = zstandard.ZstdDecompressor().decompressobj().decompress(fs.cat("/corpus/out.jsonl.zst"))
    assert [record["text"] for record in read_jsonl(data)] == ["Let\u2019s", "used for"]
    assert json.loads(fs.cat("/corpus/out.jsonl.zst.textmend.json"))["written"] == 2
    report = mend_file("memory://corpus/in.jsonl", "memory://corpus/out.parquet")
    assert report.written == 2 and fs.exists("/corpus/out.parquet")
