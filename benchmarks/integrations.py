"""Throughput of each integration on 2 cores, side by side with ``textmend clean --workers 2``.

    nice python benchmarks/integrations.py [--records 100000] [--corpora DIR] [--only NAMES]

The records are real text: the paragraphs of the licensed English corpora of ``benchmarks/corpora.py``
(news, scientific, technical, informal, fiction; ``--corpora`` names the folder holding
``corpora.py`` when it is not next to this script), one record per paragraph, repeated and varied to
``--records``: a number is appended to each repetition, and one record in three is damaged as scraped
text is (stripped entities, run-together words, from ``benchmarks/corpus.py``). They are written once
as JSONL (with ``id`` and ``url`` fields) to a temporary folder; each engine then runs in a fresh
process, reads that file, mends it and writes Parquet (``textmend clean``, pandas and scikit-learn
write JSONL, Parquet or nothing: see the table). The clock starts after the engine is up (cluster,
session or Ray started) and stops when the output is written; records/s is records over that time.
Every engine's output is checked against ``textmend.mend`` on a sample of records.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ENGINES = ["textmend clean", "pandas", "scikit-learn", "hf datasets", "dask", "datatrove", "ray", "spark"]
WHAT = {
    "textmend clean": "JSONL -> JSONL, `--workers 2`",
    "pandas": "read_json, `mend_frame`, to_parquet (1 process)",
    "scikit-learn": "`TextmendTransformer.transform` on a list (1 process)",
    "hf datasets": "load_dataset json, `mend_dataset(num_proc=2)`, `to_parquet`",
    "dask": "LocalCluster(2 workers), read_json, `mend_frame`, to_parquet",
    "datatrove": "LocalPipelineExecutor(tasks=2, workers=2), JsonlReader, step, `TextmendParquetWriter`",
    "ray": "ray.init(num_cpus=2), read_json, `TextmendMapper` x2, write_parquet",
    "spark": "local[2], read.json, `mend_frame`, write.parquet",
}


def make_records(count: int, corpora_dir: Path) -> list[dict[str, Any]]:
    sys.path.insert(0, str(corpora_dir))
    sys.path.insert(0, str(HERE))
    import corpora  # type: ignore[import-not-found]
    from corpus import run_words_together, strip_entities  # type: ignore[import-not-found]

    paragraphs = []
    for domain in ("news", "scientific", "technical", "informal", "fiction"):
        for record in corpora.load(domain):
            for paragraph in str(record["text"]).split("\n\n"):
                if len(paragraph.strip()) > 80:
                    paragraphs.append(paragraph.strip())
    rng = random.Random(17)
    rng.shuffle(paragraphs)
    records = []
    for n in range(count):
        text = paragraphs[n % len(paragraphs)]
        if n >= len(paragraphs):
            text = f"{text} ({n // len(paragraphs)})"
        if n % 3 == 1:
            text = run_words_together(strip_entities(text, rng), rng)
        records.append({"id": str(n), "url": f"https://example.org/{n}", "text": text})
    return records


def raises(text: str) -> bool:
    """Whether ``textmend.mend`` raises on ``text`` (a bug: any str must go through)."""
    import textmend

    try:
        textmend.mend(text)
    except Exception:
        return True
    return False


def raising(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records on which ``textmend.mend`` raises, found with 2 processes; left out of the run."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        flags = list(pool.map(raises, [record["text"] for record in records], chunksize=1000))
    return [record for record, flag in zip(records, flags, strict=True) if flag]


def run_engine(name: str, source: Path, out: Path) -> float:
    """Mend ``source`` with engine ``name`` into ``out``; the seconds from engine up to output written."""

    if name == "textmend clean":
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "textmend",
                "clean",
                str(source),
                "-o",
                str(out / "out.jsonl"),
                "--workers",
                "2",
            ],
            check=True,
        )
        return time.perf_counter() - start
    if name == "pandas":
        import pandas as pd

        from textmend.integrations.pandas import mend_frame

        start = time.perf_counter()
        frame = pd.read_json(source, lines=True, dtype={"id": str})
        mend_frame(frame, "text").to_parquet(out / "out.parquet")
        return time.perf_counter() - start
    if name == "scikit-learn":
        from textmend.integrations.sklearn import TextmendTransformer

        texts = [json.loads(line)["text"] for line in source.open(encoding="utf-8")]
        start = time.perf_counter()
        TextmendTransformer().fit_transform(texts)
        return time.perf_counter() - start
    if name == "hf datasets":
        os.environ.update(HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1", HF_HOME=str(out / "hf-home"))
        import datasets

        from textmend.integrations.hf import mend_dataset, to_parquet

        datasets.disable_progress_bars()
        start = time.perf_counter()
        dataset = datasets.load_dataset("json", data_files=str(source), split="train")
        to_parquet(mend_dataset(dataset, "text", num_proc=2), str(out / "out.parquet"))
        return time.perf_counter() - start
    if name == "dask":
        import dask.dataframe as dd
        from distributed import Client, LocalCluster

        from textmend.integrations.dask import mend_frame, parquet_schema

        with (
            LocalCluster(
                n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
            ) as cluster,
            Client(cluster),
        ):
            start = time.perf_counter()
            frame = dd.read_json(str(source), lines=True, dtype={"id": str}, blocksize=2**22)
            mended = mend_frame(frame, "text")
            mended.to_parquet(out / "out", schema=parquet_schema(mended), write_index=False)
            return time.perf_counter() - start
    if name == "datatrove":
        from datatrove.executor import LocalPipelineExecutor
        from datatrove.pipeline.readers import JsonlReader

        from textmend.integrations.datatrove import TextmendParquetWriter, TextmendStep

        halves = out / "in"
        halves.mkdir()
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        middle = len(lines) // 2
        (halves / "a.jsonl").write_text("".join(lines[:middle]), encoding="utf-8")
        (halves / "b.jsonl").write_text("".join(lines[middle:]), encoding="utf-8")
        step = TextmendStep()
        start = time.perf_counter()
        LocalPipelineExecutor(
            [JsonlReader(str(halves)), step, TextmendParquetWriter(str(out / "out"), step)],
            tasks=2,
            workers=2,
            logging_dir=str(out / "logs"),
        ).run()
        return time.perf_counter() - start
    if name == "ray":
        os.environ["RAY_DISABLE_USAGE_STATS"] = "1"
        import ray

        from textmend.integrations.ray import TextmendMapper

        ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False)
        start = time.perf_counter()
        ray.data.read_json(str(source)).map_batches(
            TextmendMapper,
            fn_constructor_kwargs={"column": "text"},
            batch_format="pandas",
            compute=ray.data.ActorPoolStrategy(size=2),
            num_cpus=0.5,
        ).write_parquet(str(out / "out"))
        seconds = time.perf_counter() - start
        ray.shutdown()
        return seconds
    if name == "spark":
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        from pyspark.sql import SparkSession

        from textmend.integrations.spark import mend_frame

        spark = (
            SparkSession.builder.master("local[2]")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        start = time.perf_counter()
        frame = spark.read.json(str(source)).repartition(4)
        mend_frame(frame, "text").write.parquet(str(out / "out"))
        seconds = time.perf_counter() - start
        spark.stop()
        return seconds
    raise ValueError(f"no engine {name!r}; choose from {', '.join(ENGINES)}")


def check_output(name: str, source: Path, out: Path, sample: int = 200) -> None:
    """The first ``sample`` ids of the output carry ``textmend.mend`` of their input text."""
    import textmend

    if name == "scikit-learn":
        return
    texts = {}
    for line in source.open(encoding="utf-8"):
        record = json.loads(line)
        texts[record["id"]] = record["text"]
    if name == "textmend clean":
        rows = [json.loads(line) for line in (out / "out.jsonl").open(encoding="utf-8")]
    else:
        import pyarrow.parquet as pq

        files = sorted(out.rglob("*.parquet"))
        rows = pq.read_table(files[0]).to_pylist()
    for row in rows[:sample]:
        assert row["text"] == textmend.mend(texts[row["id"]]), (name, row["id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--corpora", type=Path, default=HERE, help="the folder holding corpora.py")
    parser.add_argument("--only", default=",".join(ENGINES), help="comma-separated engine names")
    parser.add_argument("--engine", help=argparse.SUPPRESS)  # one run, in a child process
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        seconds = run_engine(args.engine, args.source, args.out)
        check_output(args.engine, args.source, args.out)
        print(json.dumps({"seconds": seconds}))
        return
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "records.jsonl"
        records = make_records(args.records, args.corpora)
        failing = raising(records)
        if failing:
            path = Path(tempfile.gettempdir()) / "textmend-raising-records.jsonl"
            path.write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in failing), encoding="utf-8"
            )
            ids = {record["id"] for record in failing}
            records = [record for record in records if record["id"] not in ids]
            print(f"left out {len(failing)} records on which textmend.mend raises (written to {path})")
        with source.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        megabytes = source.stat().st_size / 1e6
        print(
            f"{len(records)} records, {megabytes:.1f} MB of JSONL;"
            f" {os.cpu_count()} cores; Python {platform.python_version()}"
        )
        print()
        print("| engine | how | seconds | records/s | vs `textmend clean` |")
        print("|---|---|---:|---:|---:|")
        baseline = None
        for name in args.only.split(","):
            out = Path(scratch) / name.replace(" ", "-")
            out.mkdir()
            result = subprocess.run(
                [sys.executable, __file__, "--engine", name, "--source", str(source), "--out", str(out)],
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                print(
                    f"| {name} | {WHAT[name]} | failed: {result.stderr.strip().splitlines()[-1][:80]} | | |"
                )
                continue
            seconds = json.loads(result.stdout.strip().splitlines()[-1])["seconds"]
            rate = len(records) / seconds
            baseline = rate if name == "textmend clean" else baseline
            ratio = f"{rate / baseline:.2f}" if baseline else ""
            print(f"| {name} | {WHAT[name]} | {seconds:.1f} | {rate:,.0f} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
