"""``textmend clean``: corpus files through a real subprocess."""

from __future__ import annotations

import gzip
import json
import os
import pty
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import textmend
from conftest import ROOT, run_cli
from corpusdata import TEXTS, read_jsonl, records, write_jsonl
from textmend.records import mend_record, teasers_arrow_type


def clean(*args: str | Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return run_cli("clean", *map(str, args), stdin=stdin)


def expected(items: list[dict[str, object]], **options: bool) -> list[dict[str, object]]:
    return [mend_record(item, textmend.DEFAULT, **options) for item in items]  # type: ignore[arg-type]


def leftovers(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if path.name.endswith(".part"))


def test_jsonl_records_are_mended_and_other_fields_pass_through(tmp_path: Path) -> None:
    items = records(14)
    source = write_jsonl(tmp_path / "in.jsonl", items)
    result = clean(source, "-o", tmp_path / "out.jsonl")
    assert (result.returncode, result.stderr) == (0, b"")
    mended = read_jsonl((tmp_path / "out.jsonl").read_bytes())
    assert mended == expected(items)
    assert [list(record) for record in mended] == [[*item, "title", "site", "teasers"] for item in items]
    assert mended[0]["text"] == "Let\u2019s see how they are used for pain."
    assert mended[2]["teasers"][0]["title"] == "A Related Title"
    assert mended[6]["title"].startswith("Do Opioid Receptors 'Reset'")
    assert mended[1] == {**items[1], "title": None, "site": None, "teasers": []}


def test_changes_prefix_and_text_field(tmp_path: Path) -> None:
    items = [{"content": text, "title": "kept"} for text in TEXTS]
    source = write_jsonl(tmp_path / "in.jsonl", items)
    result = clean(source, "-o", "-", "--text-field", "content", "--changes", "--prefix", "tm_")
    assert result.returncode == 0, result.stderr
    mended = read_jsonl(result.stdout)
    assert mended == expected(items, text_field="content", changes=True, prefix="tm_")  # type: ignore[arg-type]
    assert mended[0]["tm_changes"][0]["before"] == "rsquo;" and mended[0]["title"] == "kept"


def test_gzip_in_and_out_equals_plain(tmp_path: Path) -> None:
    items = records(30)
    plain = write_jsonl(tmp_path / "in.jsonl", items)
    zipped = tmp_path / "in.jsonl.gz"
    zipped.write_bytes(gzip.compress(plain.read_bytes()))
    assert clean(plain, "-o", tmp_path / "plain.jsonl").returncode == 0
    assert clean(zipped, "-o", tmp_path / "out.jsonl.gz").returncode == 0
    data = (tmp_path / "out.jsonl.gz").read_bytes()
    assert data[:2] == b"\x1f\x8b"
    assert gzip.decompress(data) == (tmp_path / "plain.jsonl").read_bytes()
    assert clean(zipped, "-o", tmp_path / "again.jsonl.gz").returncode == 0
    assert (tmp_path / "again.jsonl.gz").read_bytes() == data  # no name or time stamp inside


def test_jsonl_to_parquet_has_an_explicit_teasers_type(tmp_path: Path) -> None:
    items = [{"id": n, "text": text} for n, text in enumerate(TEXTS)]
    source = write_jsonl(tmp_path / "in.jsonl", items)
    result = clean(source, "-o", tmp_path / "out.parquet", "--changes")
    assert result.returncode == 0, result.stderr
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.field("teasers").type == teasers_arrow_type()
    assert table.schema.field("title").type == pa.string()
    assert table.column_names == ["id", "text", "title", "site", "teasers", "changes"]
    rows = table.to_pylist()
    for row in rows:  # Arrow gives a map back as key/value pairs; Change.from_dict reads both
        row["changes"] = [textmend.Change.from_dict(change).to_dict() for change in row["changes"]]
    assert rows == expected(items, changes=True)


def test_parquet_to_parquet_keeps_the_input_schema_and_back_to_jsonl(tmp_path: Path) -> None:
    items = [{"id": n, "text": TEXTS[n % len(TEXTS)], "lang": "en"} for n in range(2500)]
    schema = pa.schema(
        [("id", pa.int32()), ("text", pa.large_string()), ("lang", pa.dictionary(pa.int8(), pa.string()))]
    )
    pq.write_table(pa.Table.from_pylist(items, schema=schema), tmp_path / "in.parquet", row_group_size=700)
    result = clean(tmp_path / "in.parquet", "-o", tmp_path / "out.parquet", "--workers", "2")
    assert result.returncode == 0, result.stderr
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.field("id").type == pa.int32()
    assert table.schema.field("lang").type == pa.dictionary(pa.int8(), pa.string())
    assert table.to_pylist() == expected(items)
    result = clean(tmp_path / "out.parquet", "-o", "-", "--prefix", "again_")
    assert read_jsonl(result.stdout) == expected(expected(items), prefix="again_")


def test_plain_text_is_one_document_per_line(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("Letrsquo;s go\n\nusedfor pain\r\nclean line\n", encoding="utf-8")
    result = clean(source, "-o", tmp_path / "out.txt")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.txt").read_text(
        encoding="utf-8"
    ) == "Let\u2019s go\n\nused for pain\nclean line\n"
    result = clean(source, "-o", "-", "--output-format", "jsonl")
    assert [record["text"] for record in read_jsonl(result.stdout)][1:3] == ["", "used for pain"]
    source.write_text("one\ntwo&#10;three\n", encoding="utf-8")
    result = clean(source, "-o", tmp_path / "out.txt", "--on-error", "skip", "--max-errors", "1")
    assert result.returncode == 3
    assert result.stderr.decode().splitlines()[0] == (
        f"textmend: {source}:2: the mended text has a line break, "
        "but plain-text output is one per line (skipped)"
    )
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "one\n"


@pytest.mark.parametrize("suffix", ["jsonl.gz", "parquet"])
def test_two_workers_write_exactly_what_one_writes(tmp_path: Path, suffix: str) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", records(2500))  # several chunks of work
    outputs = []
    for workers in ("1", "2"):
        target = tmp_path / f"out{workers}.{suffix}"
        result = clean(source, "-o", target, "--workers", workers)
        assert (result.returncode, result.stderr) == (0, b"")
        outputs.append(target.read_bytes() if suffix.endswith("gz") else pq.read_table(target))
    assert outputs[0] == outputs[1]
    first = gzip.decompress(outputs[0]) if suffix.endswith("gz") else None
    if first is not None:
        assert read_jsonl(first) == expected(records(2500))


def _start_on_stdin(target: Path, workers: str = "1", count: int = 50) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    command = [sys.executable, "-m", "textmend", "clean", "-", "-o", str(target), "--workers", workers]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert process.stdin is not None
    process.stdin.write(b"".join(json.dumps(item).encode() + b"\n" for item in records(count)))
    process.stdin.flush()  # stdin stays open: the run cannot finish until the test lets it
    deadline = time.monotonic() + 60
    while not leftovers(target.parent):
        assert time.monotonic() < deadline and process.poll() is None, "the run never started"
        time.sleep(0.05)
    return process


@pytest.mark.parametrize(
    ("sent", "status", "workers"),
    [(signal.SIGINT, 130, "1"), (signal.SIGTERM, 143, "1"), (signal.SIGINT, 130, "2")],
)
def test_an_interrupted_run_leaves_no_output_and_no_temporary(
    tmp_path: Path, sent: int, status: int, workers: str
) -> None:
    target = tmp_path / "out.jsonl"
    process = _start_on_stdin(target, workers, 600 if workers == "2" else 50)  # 2: chunks reach the workers
    process.send_signal(sent)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == status
    assert not target.exists() and leftovers(tmp_path) == []
    assert b"Traceback" not in stderr and b"leaked" not in stderr, stderr.decode()  # nothing left behind


def test_a_killed_run_leaves_no_output(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"previous run\n")
    process = _start_on_stdin(target)
    process.kill()
    process.wait(timeout=60)
    assert target.read_bytes() == b"previous run\n"  # untouched: only the temporary was written


_LAST_KEPT = "and JSON keeps only the last value; write each key once"
BAD_LINES = [
    (b'{"text": "fine"}', None),
    (b"{bad", "invalid JSON: Expecting property name enclosed in double quotes at column 2"),
    (b'{"id": 3}', "no 'text' field (fields here: 'id'); choose one with --text-field"),
    (b'{"text": "caf\xe9"}', "not valid UTF-8 at byte 13"),
    (b'{"text": 7}', "field 'text' must be a string, not number"),
    (b'{"text": null}', "field 'text' must be a string, not null"),
    (b'["text"]', "expected a JSON object, found an array"),
    (
        b'{"text": "ok", "teasers": []}',
        "field 'teasers' is already there; use a prefix for textmend's fields",
    ),
    # JSON keeps the last of a key written twice: the first value would be dropped without a word
    (b'{"text": "a", "text": "b"}', f"the key 'text' is written twice in one object, {_LAST_KEPT}"),
    (
        b'{"text": "a", "meta": [{"k": 1, "k": 2}]}',
        f"the key 'k' is written twice in one object, {_LAST_KEPT}",
    ),
    (b"", None),  # a blank line is not a record
    (b'{"text": "Letrsquo;s"}', None),
]


def test_bad_records_fail_with_file_and_line_and_no_output(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_bytes(b"\n".join(line for line, _ in BAD_LINES) + b"\n")
    result = clean(source, "-o", tmp_path / "out.jsonl")
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"textmend: {source}:2: invalid JSON: Expecting property name enclosed in double quotes at column 2;"
        " nothing was written. Fix that record, or add --on-error skip to report bad records and go on\n"
    )
    assert not (tmp_path / "out.jsonl").exists() and leftovers(tmp_path) == []


def test_bad_records_are_skipped_counted_and_reported(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_bytes(b"\n".join(line for line, _ in BAD_LINES) + b"\n")
    for workers in ("1", "2"):
        result = clean(
            source,
            "-o",
            tmp_path / "out.jsonl",
            "--on-error",
            "skip",
            "--workers",
            workers,
            "--max-errors",
            "9",
        )
        assert result.returncode == 3
        reported = [
            f"textmend: {source}:{number}: {message} (skipped)"
            for number, (_, message) in enumerate(BAD_LINES, 1)
            if message
        ]
        summary = f"textmend: skipped 9 of 11 records; the rest were written to {tmp_path / 'out.jsonl'}"
        assert result.stderr.decode().splitlines() == [*reported, summary]
        mended = read_jsonl((tmp_path / "out.jsonl").read_bytes())
        assert [record["text"] for record in mended] == ["fine", "Let\u2019s"]


def test_text_field_errors_name_the_field(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"body": "x"}])
    result = clean(source, "-o", "-", "--text-field", "content")
    assert (result.returncode, result.stderr.decode()) == (
        1,
        f"textmend: {source}:1: no 'content' field (fields here: 'body'); choose one with --text-field;"
        " nothing was written. Fix that record, or add --on-error skip to report bad records and go on\n",
    )


def test_parquet_rows_are_numbered(tmp_path: Path) -> None:
    pq.write_table(pa.table({"text": ["ok", None, "fine"]}), tmp_path / "in.parquet")
    result = clean(
        tmp_path / "in.parquet", "-o", tmp_path / "out.parquet", "--on-error", "skip", "--max-errors", "50%"
    )
    assert result.returncode == 3
    assert result.stderr.decode() == (
        f"textmend: {tmp_path / 'in.parquet'}:2: field 'text' must be a string, not null (skipped)\n"
        f"textmend: skipped 1 of 3 records; the rest were written to {tmp_path / 'out.parquet'}\n"
    )
    assert pq.read_table(tmp_path / "out.parquet").column("text").to_pylist() == ["ok", "fine"]


def test_unreadable_inputs_exit_1_with_a_message(tmp_path: Path) -> None:
    result = clean(tmp_path / "nope.jsonl", "-o", tmp_path / "out.jsonl")
    assert (result.returncode, result.stderr.decode()) == (
        1,
        f"textmend: {tmp_path / 'nope.jsonl'}: No such file or directory\n",
    )
    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(gzip.compress(b'{"text": "a"}\n' * 1000)[:60])
    result = clean(truncated, "-o", tmp_path / "out.jsonl")
    assert result.returncode == 1
    assert result.stderr.decode().startswith(f"textmend: {truncated}:")
    assert (
        "cannot read: Compressed file ended before the end-of-stream marker was reached"
        in result.stderr.decode()
    )
    not_parquet = write_jsonl(tmp_path / "fake.parquet", [{"text": "x"}])
    result = clean(not_parquet, "-o", tmp_path / "out.jsonl")
    assert result.returncode == 1 and result.stderr.decode().startswith(
        f"textmend: {not_parquet}: not a readable"
    )
    assert not (tmp_path / "out.jsonl").exists() and leftovers(tmp_path) == []


def test_the_input_is_never_the_output(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "Letrsquo;s"}])
    before = source.read_bytes()
    result = clean(source, "-o", source)
    assert result.returncode == 1
    assert (
        result.stderr.decode() == f"textmend: {source}: is the input file; write the output somewhere else\n"
    )
    assert source.read_bytes() == before


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "x"}])
    result = clean(source, "-o", tmp_path / "out.dat")
    assert result.returncode == 2
    assert b"cannot tell the output format of" in result.stderr
    assert clean(source).returncode == 2  # -o is required
    assert clean(source, "-o", "-", "--workers", "0").returncode == 2
    assert clean(source, "-o", "-", "--disable", "nope").returncode == 2


def test_progress_is_drawn_only_on_a_terminal(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", records(20))
    main, child = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    command = [sys.executable, "-m", "textmend", "clean", str(source), "-o", str(tmp_path / "out.jsonl")]
    with subprocess.Popen(command, stderr=child, env=env, cwd=ROOT) as process:
        os.close(child)
        assert process.wait(timeout=120) == 0
    drawn = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal is closed once the child is gone
            break
        if not chunk:
            break
        drawn += chunk
    os.close(main)
    assert (
        b"textmend: 100%|" in drawn and b"20 records]" in drawn and b"B/s" in drawn and b"<00:00" in drawn
    )  # rate and ETA
    assert clean(source, "-o", tmp_path / "again.jsonl").stderr == b""  # not a terminal: quiet


def test_the_single_file_command_still_works() -> None:
    result = run_cli("-", stdin=b"Letrsquo;s go")
    assert result.stdout.decode() == "Let\u2019s go"


def test_fixers_are_chosen_as_in_the_single_file_command(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "Letrsquo;s see, usedfor pain"}])
    result = clean(source, "-o", "-", "--disable", "entities")
    assert read_jsonl(result.stdout)[0]["text"] == "Letrsquo;s see, used for pain"
    result = clean(source, "-o", "-", "--pipeline", "entities", "--workers", "2")
    assert read_jsonl(result.stdout)[0]["text"] == "Let\u2019s see, usedfor pain"


SITE_PAGE = (
    "Storm hits the coast | The Daily News\n\nStorm hits the coast\n\n"
    "The storm reached the coast on Monday and closed the harbour for two days.\n"
)


def test_a_site_name_in_the_title_line_is_a_site_column_in_jsonl_and_parquet(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": SITE_PAGE}, {"id": 2, "text": "usedfor"}])
    assert clean(source, "-o", tmp_path / "out.jsonl", "--prefix", "tm_").returncode == 0
    first, second = read_jsonl((tmp_path / "out.jsonl").read_bytes())
    assert (first["tm_title"], first["tm_site"]) == ("Storm hits the coast", "The Daily News")
    assert second["tm_site"] is None
    assert clean(source, "-o", tmp_path / "out.parquet", "--prefix", "tm_").returncode == 0
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.field("tm_site").type == pa.string() and table.schema.field("tm_site").nullable
    assert table.column("tm_site").to_pylist() == ["The Daily News", None]
    assert table.column_names.index("tm_site") > table.column_names.index("tm_title")


# -- s3:// for real: moto's S3 server on 127.0.0.1, started and stopped here --------------------------
@pytest.fixture
def s3_server() -> Iterator[dict[str, str]]:
    """A local S3 (moto's server mode) on loopback; yields the environment that points s3fs at it."""
    pytest.importorskip("s3fs", reason="needs the s3 extra: pip install 'textmend[s3]'")
    server_module = pytest.importorskip(
        "moto.server", reason="needs the s3 extra: pip install 'textmend[s3]'"
    )
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield {
            "FSSPEC_S3_ENDPOINT_URL": f"http://{host}:{port}",
            "AWS_ACCESS_KEY_ID": "textmend-test",
            "AWS_SECRET_ACCESS_KEY": "textmend-test",
            "AWS_DEFAULT_REGION": "us-east-1",
        }
    finally:
        server.stop()


@pytest.mark.engine
def test_s3_inputs_and_outputs_through_a_local_s3_server(s3_server: dict[str, str]) -> None:
    import fsspec
    import zstandard

    fs = fsspec.filesystem(
        "s3", endpoint_url=s3_server["FSSPEC_S3_ENDPOINT_URL"], key="textmend-test", secret="textmend-test"
    )
    fs.mkdir("corpus")
    items = records(30)
    first, second = (
        b"".join(json.dumps(item).encode() + b"\n" for item in part) for part in (items[:15], items[15:])
    )
    fs.pipe("corpus/in/part-0.jsonl.zst", zstandard.ZstdCompressor().compress(first))
    fs.pipe("corpus/in/part-1.jsonl.gz", gzip.compress(second))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), **s3_server)

    def clean_s3(*args: str) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-m", "textmend", "clean", *args]
        return subprocess.run(command, capture_output=True, env=env, cwd=ROOT, timeout=120, check=False)

    result = clean_s3(
        "s3://corpus/in/part-*", "--input-format", "jsonl", "-o", "s3://corpus/out/mended.jsonl.gz"
    )
    assert (result.returncode, result.stderr) == (0, b"")
    fs.invalidate_cache()
    assert read_jsonl(gzip.decompress(fs.cat("corpus/out/mended.jsonl.gz"))) == expected(items)
    sidecar = json.loads(fs.cat("corpus/out/mended.jsonl.gz.textmend.json"))
    assert sidecar["written"] == 30 and sidecar["inputs"][0].endswith("part-0.jsonl.zst")
    result = clean_s3(
        "s3://corpus/out/mended.jsonl.gz", "-o", "s3://corpus/out/mended.parquet", "--prefix", "tm_"
    )
    assert (result.returncode, result.stderr) == (0, b"")
    fs.invalidate_cache()
    with fs.open("corpus/out/mended.parquet", "rb") as handle:
        table = pq.read_table(handle)
    assert table.column("text").to_pylist() == [row["text"] for row in expected(items)]
    assert b"textmend" in table.schema.metadata
