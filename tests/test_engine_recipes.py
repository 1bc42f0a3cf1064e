"""Each integration page's recipe, run as written on a real engine on this machine.

The recipe is the ``python`` block right below ``<!-- recipe -->`` on ``docs/integrations/<name>.md``;
it runs as a script (``python recipe.py``, so ``if __name__ == "__main__":`` guards are exercised) in
a scratch folder holding a ``crawl/`` corpus made here, and the test then reads what it wrote. No
engine is mocked: datasets with ``num_proc=2``, datatrove's ``LocalPipelineExecutor`` with 2 tasks, Dask
on its threaded scheduler and on a ``LocalCluster`` with 2 workers, Ray with 2 CPUs, Spark in local
mode with 2 cores, scikit-learn's ``GridSearchCV``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import textmend
from conftest import ROOT, SAMPLE
from corpusdata import TEXTS, write_jsonl
from textmend.records import PROVENANCE_KEY, added_arrow_fields, document_fields, empty_fields

pytestmark = pytest.mark.engine

_RECIPE = re.compile(r"^<!-- recipe -->\n```python\n(.*?)^```$", re.S | re.M)


def recipe(name: str) -> str:
    """The recipe block of ``docs/integrations/<name>.md``: there must be exactly one."""
    found = _RECIPE.findall((ROOT / "docs" / "integrations" / f"{name}.md").read_text(encoding="utf-8"))
    assert len(found) == 1, f"docs/integrations/{name}.md must have one <!-- recipe --> block"
    return str(found[0])


def loopback_only() -> list[str] | None:
    """A command prefix that runs a program in a new network namespace whose only interface is ``lo``
    (up), so that whatever it binds, on any address, is reachable from this machine alone; None where
    the system allows no such namespace (``unshare --net`` needs root, ``unshare -rn`` user namespaces)."""
    if not (shutil.which("unshare") and shutil.which("ip")):
        return None
    inside = ["sh", "-c", 'ip link set lo up && exec "$@"', "loopback-only"]
    for unshare in (["unshare", "--net"], ["unshare", "--map-root-user", "--net"]):
        probe = subprocess.run(
            [*unshare, *inside, "ip", "-o", "link"], capture_output=True, timeout=30, check=False
        )
        links = [line.split(":")[1].strip() for line in probe.stdout.decode().splitlines()]
        if probe.returncode == 0 and links == ["lo"]:
            return [*unshare, *inside]
    return None


def run_recipe(
    name: str, folder: Path, timeout: float = 240, prefix: list[str] | None = None, **env: str
) -> str:
    """Run the page's recipe as ``folder/recipe.py`` (after ``prefix``, a command that runs it); its
    stdout, or the test fails with its stderr."""
    (folder / "recipe.py").write_text(recipe(name), encoding="utf-8")
    environment = dict(os.environ, **env)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [*(prefix or []), sys.executable, "recipe.py"],
        capture_output=True,
        text=True,
        cwd=folder,
        env=environment,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return result.stdout


def crawl(folder: Path, count: int, *, files: int = 2, missing: bool = False) -> list[dict[str, Any]]:
    """Write ``count`` records (``id``, ``url``, ``text``, ``score``) to ``folder/crawl/part-N.jsonl``.

    The first 1,000 texts have no teasers and no title, so an engine guessing types from its first
    batch sees only ``None`` titles and empty teaser lists; with ``missing``, every 97th text is null.
    """
    texts = [text for text in TEXTS if text]
    plain = [text for text in texts if not textmend.mend_document(text).teasers]
    rich = [*texts, SAMPLE.read_text(encoding="utf-8")]
    items = []
    for n in range(count):
        pool = plain if n < min(1000, count // 2) else rich
        text: str | None = pool[n % len(pool)] + f" ({n})"
        if missing and n % 97 == 5:
            text = None
        items.append({"id": f"doc-{n}", "url": f"https://example.org/{n}", "text": text, "score": n / 4})
    (folder / "crawl").mkdir()
    size = -(-count // files)
    for part in range(files):
        write_jsonl(folder / "crawl" / f"part-{part}.jsonl", items[part * size : (part + 1) * size])
    return items


def expected(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """What every integration must write for each id: the input's fields, the text mended, textmend's."""
    want = {}
    for item in items:
        if item["text"] is None:
            want[item["id"]] = {**item, **empty_fields()}
            continue
        document = textmend.mend_document(item["text"])
        want[item["id"]] = {**item, "text": document.text, **document_fields(document)}
    return want


def read_parquet(path: Path) -> pa.Table:
    files = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
    assert files, f"no Parquet file in {path}"
    return pa.concat_tables(pq.read_table(file) for file in files)


def provenance_in(schema: pa.Schema) -> dict[str, Any]:
    about: dict[str, Any] = json.loads(schema.metadata[PROVENANCE_KEY.encode()])
    assert about["textmend_version"] == textmend.__version__
    assert about["pipeline"] == repr(textmend.DEFAULT)
    return about


def teasers_type_is_textmends(schema: pa.Schema) -> bool:
    """The teasers column is a list of textmend's teaser structs (field names and types; engines differ
    on nullability and on the list item's name)."""
    want = next(field for field in added_arrow_fields() if field.name == "teasers").type.value_type
    got = schema.field("teasers").type.value_type
    return [(f.name, f.type) for f in got] == [(f.name, f.type) for f in want]


@pytest.mark.timeout(300, method="thread")
def test_hf_recipe_maps_over_1200_rows_with_two_processes_and_round_trips_parquet(tmp_path: Path) -> None:
    items = crawl(tmp_path, 1200, missing=True)
    out = run_recipe(
        "hf", tmp_path, HF_HOME=str(tmp_path / "hf-home"), HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1"
    )
    assert out.split() == [textmend.__version__, "1200"]
    table = pq.read_table(tmp_path / "mended-hf.parquet")
    provenance_in(table.schema)
    assert teasers_type_is_textmends(table.schema)
    assert {row["id"]: row for row in table.to_pylist()} == expected(items)
    assert any(row["teasers"] for row in table.to_pylist()[1000:])


def test_hf_batch_function_keeps_none_and_is_strict_on_request() -> None:
    import datasets

    from textmend.integrations.hf import features, mend_batch

    batch = {"text": ["Letrsquo;s go", None], "n": [1, 2]}
    assert mend_batch(batch) == {
        "text": ["Let\u2019s go", None],
        "n": [1, 2],
        "title": [None, None],
        "site": [None, None],
        "teasers": [[], []],
    }
    with pytest.raises(textmend.RecordError, match=r"row 0 of the batch holds int"):
        mend_batch({"text": [3]}, strict=True)
    with pytest.raises(textmend.RecordError, match="'title' is already there"):
        mend_batch({"text": ["a"], "title": ["b"]})
    dataset = datasets.Dataset.from_dict(batch)
    mended = dataset.map(
        mend_batch,
        batched=True,
        fn_kwargs={"changes": True, "prefix": "tm_"},
        features=features(dataset.features, changes=True, prefix="tm_"),
    )
    change = mended[0]["tm_changes"][0]
    assert change["after"] == "\u2019" and isinstance(change["evidence"], list)


@pytest.mark.timeout(300, method="thread")
def test_datatrove_recipe_runs_as_a_script_with_two_tasks_and_keeps_every_field(tmp_path: Path) -> None:
    items = crawl(tmp_path, 300)
    run_recipe("datatrove", tmp_path)
    want = expected(items)
    written = [
        json.loads(line)
        for path in sorted((tmp_path / "mended-datatrove" / "jsonl").glob("*.jsonl"))
        for line in path.open(encoding="utf-8")
    ]
    assert len(written) == len(items)
    for doc in written:
        metadata = doc["metadata"]
        assert "/crawl/part-" in metadata.pop("file_path")
        assert {"id": doc["id"], "text": doc["text"], **metadata} == want[doc["id"]]
    table = read_parquet(tmp_path / "mended-datatrove" / "parquet")
    for row in table.to_pylist():
        row.pop("file_path")
        assert row == want[row["id"]]
    assert table.num_rows == len(items)
    for path in (tmp_path / "mended-datatrove" / "parquet").glob("*.parquet"):
        provenance_in(pq.read_schema(path))
    # the guard works: one run, not one per worker process
    assert len(list((tmp_path / "logs-datatrove").glob("completions/*"))) == 2
    assert not (tmp_path / "logs-datatrove" / "logs-datatrove").exists()


@pytest.mark.timeout(300, method="thread")
def test_dask_recipe_writes_parquet_on_the_threaded_scheduler(tmp_path: Path) -> None:
    items = crawl(tmp_path, 600)
    run_recipe("dask", tmp_path)
    table = read_parquet(tmp_path / "mended-dask")
    assert [row["id"] for row in table.to_pylist()] == [item["id"] for item in items]
    assert {row["id"]: row for row in table.to_pylist()} == expected(items)
    provenance_in(table.schema)
    assert teasers_type_is_textmends(table.schema)


@pytest.mark.timeout(300, method="thread")
def test_dask_to_parquet_on_a_local_cluster_with_two_workers(tmp_path: Path) -> None:
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster

    from textmend.integrations.dask import mend_frame, parquet_schema

    items = crawl(tmp_path, 400)
    frame = dd.from_pandas(pd.DataFrame(items), npartitions=4)
    pipeline = textmend.DEFAULT.disable("words")
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        mended = mend_frame(frame, "text", pipeline, changes=True, prefix="tm_")
        mended.to_parquet(tmp_path / "out", schema=parquet_schema(mended), write_index=False)
    table = read_parquet(tmp_path / "out")
    about = json.loads(table.schema.metadata[b"textmend"])
    assert about["pipeline"] == repr(pipeline) and about["prefix"] == "tm_" and about["changes"]
    rows = table.to_pylist()
    assert [row["id"] for row in rows] == [item["id"] for item in items]
    for row, item in zip(rows, items, strict=True):
        document = pipeline.mend_document(item["text"])
        assert row["text"] == document.text and row["url"] == item["url"]
        changes = [dict(change, evidence=dict(change["evidence"])) for change in row["tm_changes"]]
        assert [textmend.Change.from_dict(change) for change in changes] == list(document.changes)


# Ray's servers listen on every interface (and one agent on the machine's own address) even with a
# loopback node address, so the recipe runs in a network namespace that has only loopback: nothing it
# binds can be reached from outside this machine, and it cannot reach out either.
@pytest.mark.timeout(300, method="thread")
def test_ray_recipe_with_two_cpus_writes_parquet_with_types_and_provenance(tmp_path: Path) -> None:
    prefix = loopback_only()
    if prefix is None:
        pytest.skip(
            "Ray binds every interface, so it runs only in a network namespace with loopback alone; "
            "this system allows none (needs root or user namespaces, and unshare and ip from "
            "util-linux and iproute2)"
        )
    items = crawl(tmp_path, 1200)
    run_recipe("ray", tmp_path, prefix=prefix, RAY_DISABLE_USAGE_STATS="1")
    table = read_parquet(tmp_path / "mended-ray")
    provenance_in(table.schema)
    assert teasers_type_is_textmends(table.schema)
    assert table.num_rows == len(items)
    assert {row["id"]: row for row in table.to_pylist()} == expected(items)


@pytest.mark.timeout(300, method="thread")
def test_spark_recipe_in_local_mode_writes_the_output_schema(tmp_path: Path) -> None:
    items = crawl(tmp_path, 1200)
    run_recipe("spark", tmp_path)
    table = read_parquet(tmp_path / "mended-spark")
    assert table.num_rows == len(items)
    assert (
        teasers_type_is_textmends(table.schema)
        or table.schema.field("teasers").type.value_type.num_fields == 6
    )
    want = expected(items)
    for row in table.to_pylist():
        assert row == want[row["id"]]
    spark_metadata = json.loads(table.schema.metadata[b"org.apache.spark.sql.parquet.row.metadata"])
    text = next(field for field in spark_metadata["fields"] if field["name"] == "text")
    about = json.loads(text["metadata"]["textmend"])
    assert about["textmend_version"] == textmend.__version__ and about["text_field"] == "text"


def test_sklearn_recipe_searches_a_textmend_option_in_a_real_pipeline() -> None:
    from sklearn.base import clone

    from textmend.integrations.sklearn import TextmendTransformer

    namespace: dict[str, Any] = {"__name__": "recipe"}
    exec(compile(recipe("sklearn"), "docs/integrations/sklearn.md", "exec"), namespace)
    search = namespace["search"]
    assert [params["mend__disable"] for params in search.cv_results_["params"]] == [(), ("words",)]
    vocabulary = search.best_estimator_.named_steps["vectorise"].vocabulary_
    assert ("usedfor" in vocabulary) == (search.best_params_["mend__disable"] == ("words",))
    mend = TextmendTransformer(enable=("ascii",), params={"ascii__transliterate": True})
    assert clone(mend).get_params() == {
        "disable": (),
        "enable": ("ascii",),
        "params": {"ascii__transliterate": True},
        "learn": True,
        "model": None,
    }
    assert mend.set_params(disable=("words",)) is mend and mend.pipeline().enabled_names[-1] == "ascii"
    assert mend.fit(["x"]) is mend and mend.provenance_["pipeline"] == repr(mend.pipeline())
    assert mend.model_ is not None and mend.model_.count("x") == 1
    assert list(mend.transform(["usedfor caf\u00e9", None])) == ["usedfor cafe", None]
    assert list(mend.get_feature_names_out()) == ["text"]


def test_sklearn_fit_learns_the_corpus_words_that_transform_then_keeps_whole() -> None:
    from sklearn.base import clone

    from textmend.integrations.sklearn import TextmendTransformer

    # Unfitted, the words fixer reads "salesdroid" (the Jargon File's word) as "sales droid"; a corpus
    # that uses the word in every document teaches the fitted transformer that it is a word.
    corpus = [f"Post {n}: salesdroid is what we print, and salesdroid takes time." for n in range(40)]
    text = ["I like salesdroid a lot."]
    unfitted = TextmendTransformer(learn=False).fit(corpus)
    fitted = clone(TextmendTransformer()).fit(corpus)
    assert unfitted.model_ is None and list(unfitted.transform(text)) == ["I like sales droid a lot."]
    assert fitted.model_ is not None and fitted.model_.count("salesdroid") == 80
    assert fitted.model_.documents == 40 and list(fitted.transform(text)) == text
    assert fitted.provenance_["pipeline"] != unfitted.provenance_["pipeline"]


def test_pandas_recipe_runs_in_place() -> None:
    namespace: dict[str, Any] = {"__name__": "recipe"}
    code = recipe("pandas").replace('"mended-pandas.parquet"', "__import__('io').BytesIO()")
    exec(compile(code, "docs/integrations/pandas.md", "exec"), namespace)
    assert namespace["mended"].attrs["textmend"]["pipeline"] == repr(textmend.DEFAULT)
