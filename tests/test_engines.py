"""Real engines on loopback: a datatrove LocalPipelineExecutor and a Dask LocalCluster with 2 workers.

Each test has a hard timeout (pytest-timeout, or the subprocess's own), so a stuck engine fails the run
instead of hanging it.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import textmend
from conftest import ROOT, run_cli
from corpusdata import TEXTS, records, write_jsonl
from textmend.records import document_fields

pytestmark = pytest.mark.engine


def _datatrove_input(directory: Path) -> list[dict[str, str]]:
    texts = [text for text in TEXTS if text]  # datatrove's readers drop empty documents
    items = [{"id": f"doc-{n}", "text": texts[n % len(texts)]} for n in range(24)]
    plain = [{"id": f"plain-{n}", "text": text} for n, text in enumerate(TEXTS[:2])]  # no teasers
    directory.mkdir()
    write_jsonl(directory / "a.jsonl", items[:12])
    write_jsonl(directory / "b.jsonl", items[12:])
    write_jsonl(directory / "c.jsonl", plain)
    return items + plain


@pytest.mark.timeout(180, method="thread")
def test_datatrove_local_executor_writes_title_and_teasers(tmp_path: Path) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter, ParquetWriter

    from textmend.integrations.datatrove import TextmendStep, parquet_schema

    items = _datatrove_input(tmp_path / "in")
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in"), add_file_path=False),
            TextmendStep(),
            JsonlWriter(str(tmp_path / "jsonl"), compression=None),
            ParquetWriter(str(tmp_path / "parquet"), expand_metadata=True, schema=parquet_schema()),
        ],
        tasks=3,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()

    expected = {}
    for item in items:
        document = textmend.mend_document(item["text"])
        expected[item["id"]] = {"text": document.text, **document_fields(document)}
    written = [
        json.loads(line) for path in sorted((tmp_path / "jsonl").glob("*.jsonl")) for line in path.open()
    ]
    assert {doc["id"]: {"text": doc["text"], **doc["metadata"]} for doc in written} == expected
    table = pa.concat_tables(pq.read_table(path) for path in sorted((tmp_path / "parquet").glob("*.parquet")))
    # every file has the teasers type, also the one from c.jsonl where all the teaser lists are empty
    assert table.schema == parquet_schema()
    assert {row.pop("id"): row for row in table.to_pylist()} == expected
    assert sum(bool(row["teasers"]) for row in expected.values()) == 5


@pytest.mark.timeout(120, method="thread")
def test_datatrove_formatter_mends_text_only(tmp_path: Path) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from textmend.integrations.datatrove import TextmendFormatter

    items = _datatrove_input(tmp_path / "in")
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in"), add_file_path=False),
            TextmendFormatter(),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=3,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    written = [
        json.loads(line) for path in sorted((tmp_path / "out").glob("*.jsonl")) for line in path.open()
    ]
    assert {doc["id"]: doc["text"] for doc in written} == {i["id"]: textmend.mend(i["text"]) for i in items}
    assert all("title" not in doc.get("metadata", {}) for doc in written)


def _run_dask_example(source: Path, target: Path, *scheduler: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    example = str(ROOT / "examples" / "dask_cluster.py")
    return subprocess.run(
        [sys.executable, example, str(source), str(target), *scheduler],
        capture_output=True,
        env=env,
        cwd=target.parent,
        timeout=180,
        check=False,
    )


def test_dask_example_on_a_local_cluster_equals_textmend_clean(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", records(400))
    result = _run_dask_example(source, tmp_path / "dask.jsonl")
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert result.stdout == b"mended 400 documents with a LocalCluster\n"
    single = run_cli("clean", str(source), "-o", str(tmp_path / "single.jsonl.gz"))
    assert single.returncode == 0
    mended = gzip.decompress((tmp_path / "single.jsonl.gz").read_bytes())
    assert (tmp_path / "dask.jsonl").read_bytes() == mended


@pytest.mark.timeout(180, method="thread")
def test_dask_example_runs_unchanged_against_a_scheduler_address(tmp_path: Path) -> None:
    from distributed import LocalCluster

    source = write_jsonl(tmp_path / "in.jsonl", records(100))
    with LocalCluster(n_workers=2, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        result = _run_dask_example(source, tmp_path / "dask.jsonl", address)
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert result.stdout == f"mended 100 documents with {address}\n".encode()
    single = run_cli("clean", str(source), "-o", "-")
    assert (tmp_path / "dask.jsonl").read_bytes() == single.stdout


@pytest.mark.timeout(180, method="thread")
def test_dask_dataframe_on_a_local_cluster_equals_pandas() -> None:
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from textmend.integrations import dask as tm_dask
    from textmend.integrations.pandas import mend_frame

    frame = pd.DataFrame({"text": TEXTS * 20, "n": range(len(TEXTS) * 20)}, index=range(1000, 1120))
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    try:
        with Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            got = tm_dask.mend_frame(dd.from_pandas(frame, npartitions=6), changes=True).compute()
    finally:
        cluster.close()
    want = mend_frame(frame, changes=True)
    pd.testing.assert_frame_equal(got.astype(object), want.astype(object))
