"""The Python side of corpus work: records, pandas, Dask helpers (no cluster), pickling, lazy imports."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import cloudpickle
import dask
import dask.bag
import dask.dataframe as dd
import dill
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textmend
from conftest import ROOT
from corpusdata import TEXTS, mend_in_this_process
from textmend.corpus import Job, mend_chunk, mend_unit
from textmend.errors import RecordError
from textmend.integrations import dask as tm_dask
from textmend.integrations.dask import mend_bag
from textmend.integrations.datatrove import TextmendFormatter, TextmendStep
from textmend.integrations.pandas import mend_frame, mend_series
from textmend.records import document_fields, mend_record


def test_mend_record_adds_fields_and_refuses_to_overwrite() -> None:
    record = {"id": 1, "text": "Letrsquo;s go"}
    mended = {"id": 1, "text": "Let\u2019s go", "title": None, "site": None, "teasers": []}
    assert mend_record(record) == mended
    assert record == {"id": 1, "text": "Letrsquo;s go"}  # the input is not touched
    assert list(mend_record(record, changes=True, prefix="x_")) == [
        "id",
        "text",
        "x_title",
        "x_site",
        "x_teasers",
        "x_changes",
    ]
    with pytest.raises(RecordError, match=r"^field 'title' is already there"):
        mend_record({"text": "a", "title": "b"})
    with pytest.raises(RecordError, match=r"^no 'body' field$"):
        mend_record(record, text_field="body")
    with pytest.raises(RecordError, match=r"^field 'text' must be a string, not array$"):
        mend_record({"text": ["a"]})


def test_mend_series_keeps_index_order_and_missing_values() -> None:
    texts = pd.Series([TEXTS[0], None, TEXTS[2], TEXTS[1]], index=[30, 10, 20, 5])
    frame = mend_series(texts)
    assert list(frame.index) == [30, 10, 20, 5]
    assert list(frame.columns) == ["text", "title", "site", "teasers"]
    assert frame.loc[30, "text"] == textmend.mend(TEXTS[0])
    assert pd.isna(frame.loc[10, "text"]) and frame.loc[10, "teasers"] == []
    assert frame.loc[20, "teasers"] == document_fields(textmend.mend_document(TEXTS[2]))["teasers"]
    assert list(mend_series(texts, changes=True, prefix="t_").columns) == [
        "text",
        "t_title",
        "t_site",
        "t_teasers",
        "t_changes",
    ]
    kept = mend_series(pd.Series([b"bytes", 7, 1.5]))
    assert list(kept["text"]) == [b"bytes", 7, 1.5] and list(kept["teasers"]) == [[], [], []]
    with pytest.raises(RecordError, match=r"^row 1 holds int 7, not a string; convert the column to str"):
        mend_series(pd.Series(["a", 7]), strict=True)


def test_mend_frame_mends_one_column_and_keeps_the_rest() -> None:
    frame = pd.DataFrame({"body": TEXTS, "n": range(len(TEXTS))}, index=list("abcdef"))
    mended = mend_frame(frame, "body", textmend.DEFAULT.disable("words"))
    assert list(mended.columns) == ["body", "n", "title", "site", "teasers"]
    assert list(mended.index) == list("abcdef") and list(mended["n"]) == list(range(len(TEXTS)))
    assert mended.loc["a", "body"] == "Let\u2019s see how they are usedfor pain."
    assert list(frame["body"]) == TEXTS  # a copy: the input frame is untouched
    with pytest.raises(RecordError, match=r"^column 'title' is already there; use a prefix"):
        mend_frame(mended, "body")


def test_a_field_clash_is_a_record_error_everywhere() -> None:
    """The same condition raises the same type: mend_record, both mend_frame and the datatrove step."""
    from datatrove.data import Document as DatatroveDocument

    frame = pd.DataFrame({"text": ["a"], "teasers": [[]]})
    attempts = {
        "mend_record": lambda: mend_record({"text": "a", "teasers": []}),
        "pandas mend_frame": lambda: mend_frame(frame),
        "dask mend_frame": lambda: tm_dask.mend_frame(dd.from_pandas(frame, npartitions=1)),
        "datatrove step": lambda: list(
            TextmendStep().run(iter([DatatroveDocument("a", "d1", metadata={"teasers": []})]))
        ),
    }
    for name, attempt in attempts.items():
        with pytest.raises(RecordError, match="'teasers' is already there; use a prefix") as caught:
            attempt()
        assert isinstance(caught.value, ValueError), name


def test_dask_helpers_equal_pandas_without_a_cluster() -> None:
    frame = pd.DataFrame({"text": TEXTS * 3, "n": range(18)})
    with dask.config.set(scheduler="sync"):
        got = tm_dask.mend_frame(dd.from_pandas(frame, npartitions=4)).compute()
        texts = mend_bag(dask.bag.from_sequence(TEXTS, npartitions=3)).compute()
        records = mend_bag(dask.bag.from_sequence([{"text": t} for t in TEXTS]), text_field="text").compute()
    pd.testing.assert_frame_equal(got.astype(object), mend_frame(frame).astype(object))
    assert texts == [textmend.mend(text) for text in TEXTS]
    assert records == [mend_record({"text": text}) for text in TEXTS]


PICKLED = {
    "default": textmend.DEFAULT,
    "configured": textmend.DEFAULT.enable("ascii").with_params(ascii__transliterate=True),
    "job": Job(textmend.DEFAULT.disable("words"), "jsonl", "parquet", "body", True, "x_"),
    "dask partition function": partial(mend_frame, column="body", pipeline=textmend.DEFAULT),
}


@pytest.mark.parametrize(
    "dumps", [cloudpickle.dumps, dill.dumps, pickle.dumps], ids=["cloudpickle", "dill", "pickle"]
)
@pytest.mark.parametrize("name", list(PICKLED))
def test_pickles_round_trip_small_without_the_word_list(name: str, dumps: object) -> None:
    textmend.mend("usedfor")  # the word list is loaded in this process: it must not travel
    data = dumps(PICKLED[name])  # type: ignore[operator]
    assert len(data) < 4000
    restored = pickle.loads(data)
    if name == "dask partition function":
        assert restored.keywords == PICKLED[name].keywords  # type: ignore[union-attr]
    else:
        assert restored == PICKLED[name]


@pytest.mark.parametrize("dumps", [cloudpickle.dumps, dill.dumps], ids=["cloudpickle", "dill"])
def test_datatrove_steps_pickle_small_and_still_work(dumps: object) -> None:
    for step in (TextmendStep(textmend.DEFAULT.disable("teasers"), prefix="tm_"), TextmendFormatter()):
        data = dumps(step)  # type: ignore[operator]
        assert len(data) < 8000
        restored = pickle.loads(data)
        assert restored.pipeline == step.pipeline
        assert restored.pipeline("Letrsquo;s") == "Let\u2019s"


def test_mend_chunk_reports_bad_records_by_position() -> None:
    job = Job(textmend.DEFAULT)
    outcomes = mend_chunk(job, [(3, b'{"text": "Letrsquo;s"}'), (4, b"{"), (5, {"text": "x"})])
    line = '{"text":"Let\u2019s","title":null,"site":null,"teasers":[]}\n'.encode()
    assert outcomes[0] == (3, 22, line, None)
    assert outcomes[1][0] == 4 and outcomes[1][2] is None and outcomes[1][3].startswith("invalid JSON")  # type: ignore[union-attr]
    assert outcomes[2][2] == b'{"text":"x","title":null,"site":null,"teasers":[]}\n'


@pytest.mark.timeout(120)
def test_each_worker_process_loads_the_word_list_once() -> None:
    batches = [[f"{text} usedfor {n}" for text in TEXTS] for n in range(8)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        results = list(pool.map(mend_in_this_process, batches))
    loads: dict[int, int] = {}
    for pid, misses in results:
        loads[pid] = misses
    assert set(loads.values()) == {1}


def test_the_core_import_stays_light() -> None:
    code = (
        "import sys, textmend, textmend.corpus, textmend.records; textmend.mend('usedfor');"
        "heavy = {'pandas', 'pyarrow', 'dask', 'distributed', 'datatrove'} & set(sys.modules);"
        "print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env={"PYTHONPATH": str(ROOT / "src")}, timeout=120
    )
    assert result.stdout == b"[]\n", result.stderr


@settings(max_examples=200, deadline=None)
@given(
    st.text(), st.dictionaries(st.text(max_size=5).filter(lambda k: k != "text"), st.integers(), max_size=3)
)
def test_a_jsonl_record_is_mended_like_its_text(text: str, fields: dict[str, int]) -> None:
    for name in document_fields(textmend.mend_document("")):  # the fields textmend adds: title, site, teasers
        fields.pop(name, None)
    line = json.dumps({**fields, "text": text}).encode()  # ASCII JSON: lone surrogates are escaped
    try:
        output = mend_unit(Job(textmend.DEFAULT), line)
    except RecordError as error:
        assert "lone surrogate" in str(error) and any(0xD800 <= ord(c) < 0xE000 for c in text)
        return
    assert isinstance(output, bytes) and output.endswith(b"\n") and output.count(b"\n") == 1
    assert json.loads(output) == {
        **fields,
        "text": textmend.mend(text),
        **document_fields(textmend.mend_document(text)),
    }


STRING_DTYPES = ["object", "str", "string[python]", "string[pyarrow]", "large_string[pyarrow]"]


@pytest.mark.parametrize("dtype", STRING_DTYPES)
def test_a_text_column_keeps_its_dtype_and_its_missing_values(dtype: str) -> None:
    import pyarrow as pa

    kind = pd.ArrowDtype(pa.large_string()) if dtype == "large_string[pyarrow]" else dtype
    column = pd.Series([TEXTS[0], None, TEXTS[2]], dtype=kind, index=[3, 1, 2])
    mended = mend_frame(pd.DataFrame({"text": column}))
    assert mended["text"].dtype == column.dtype
    assert mended["text"][3] == textmend.mend(TEXTS[0]) and mended["text"][2] == textmend.mend(TEXTS[2])
    assert pd.isna(mended["text"][1]) and mended["title"][1] is None and mended["teasers"][1] == []


def test_na_none_nan_and_non_str_values_come_back_as_they_went_in() -> None:
    values = [TEXTS[0], None, pd.NA, float("nan"), 42, b"raw", ("a",)]
    mended = mend_frame(pd.DataFrame({"text": pd.Series(values, dtype=object)}))
    got = list(mended["text"])
    assert got[0] == textmend.mend(TEXTS[0])
    assert got[1] is None and got[2] is pd.NA and got[3] != got[3] and got[4:] == [42, b"raw", ("a",)]
    numbers = pd.DataFrame({"text": [1, 2]})
    assert mend_frame(numbers)["text"].dtype == "int64"
    with pytest.raises(RecordError, match=r"^row 4 holds int 42"):
        mend_frame(pd.DataFrame({"text": values}), strict=True)
    missing = pd.DataFrame({"text": pd.Series(values[:4], dtype=object)})
    assert list(mend_frame(missing, strict=True)["text"])[1:3] == [None, pd.NA]


def test_a_categorical_column_stays_categorical_and_loses_nothing() -> None:
    """Changed values become categories (they used to turn into NaN); equal results merge."""
    raw = [TEXTS[0], "Let’s see how they are used for pain.", None, TEXTS[1], TEXTS[0]]
    column = pd.Categorical(raw, categories=[TEXTS[1], TEXTS[0], raw[1], "unused"], ordered=True)
    mended = mend_frame(pd.DataFrame({"text": column, "n": range(5)}), changes=True)
    assert isinstance(mended["text"].dtype, pd.CategoricalDtype)
    want = [None if text is None else textmend.mend(text) for text in raw]
    assert [None if pd.isna(v) else v for v in mended["text"]] == want
    assert list(mended["text"].cat.categories) == [TEXTS[1], raw[1], "unused"]
    assert not mended["text"].cat.ordered  # two categories merged: their order no longer holds
    assert mended["changes"][0] == document_fields(textmend.mend_document(TEXTS[0]), changes=True)["changes"]
    assert mended["teasers"][0] is not mended["teasers"][4]  # rows of one category share no list
    kept = mend_frame(pd.DataFrame({"text": pd.Categorical(["b", "a"], ordered=True)}))
    assert kept["text"].cat.ordered and list(kept["text"]) == ["b", "a"]


def test_the_result_carries_its_provenance_into_parquet(tmp_path: Path) -> None:
    pipeline = textmend.DEFAULT.disable("words")
    mended = mend_frame(pd.DataFrame({"body": [TEXTS[0]]}), "body", pipeline, prefix="tm_")
    about = mended.attrs["textmend"]
    assert about["textmend_version"] == textmend.__version__ and about["pipeline"] == repr(pipeline)
    assert about["text_field"] == "body" and about["prefix"] == "tm_" and not about["changes"]
    mended.to_parquet(tmp_path / "out.parquet")
    assert pd.read_parquet(tmp_path / "out.parquet").attrs["textmend"] == about


#: Each integration module and the engine modules it imports; it may add this many seconds to them.
INTEGRATIONS = {
    "pandas": "pandas",
    "dask": "dask.bag, dask.dataframe",
    "datatrove": "datatrove.data, datatrove.pipeline.base, datatrove.pipeline.formatters.base, "
    "datatrove.pipeline.writers, datatrove.utils.typeshelper",
    "hf": "datasets",
    "ray": "ray.data",
    "spark": "pyspark.sql.types, pyspark.sql.pandas.types, pandas, pyarrow",  # mapInPandas needs both
    "sklearn": "numpy, sklearn.base",
}
IMPORT_BUDGET = 0.05


@pytest.mark.parametrize("name", list(INTEGRATIONS))
def test_an_integration_adds_little_import_time_to_its_engine(name: str) -> None:
    """Best of three fresh interpreters: the engine and textmend first, then the integration module."""
    code = (
        "import time\n"
        f"import {INTEGRATIONS[name]}, textmend, textmend.records\n"
        "start = time.perf_counter()\n"
        f"import textmend.integrations.{name}\n"
        "print(time.perf_counter() - start)\n"
    )
    times = []
    for _ in range(3):
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
            env={"PYTHONPATH": str(ROOT / "src"), "RAY_DISABLE_USAGE_STATS": "1"},
        )
        times.append(float(result.stdout))
    assert min(times) <= IMPORT_BUDGET, f"textmend.integrations.{name} adds {min(times) * 1000:.0f} ms"


def test_importing_textmend_loads_no_engine() -> None:
    code = (
        "import sys, textmend, textmend.records, textmend.integrations; textmend.mend('usedfor');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'pandas', 'pyarrow', 'numpy', 'dask',"
        " 'distributed', 'datatrove', 'datasets', 'ray', 'pyspark', 'sklearn'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env={"PYTHONPATH": str(ROOT / "src")}, timeout=120
    )
    assert result.stdout == b"[]\n", result.stderr
