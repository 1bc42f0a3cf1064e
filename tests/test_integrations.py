"""The Python side of corpus work: records, pandas, Dask helpers (no cluster), pickling, lazy imports."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import partial

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
    assert mend_record(record) == {"id": 1, "text": "Let\u2019s go", "title": None, "teasers": []}
    assert record == {"id": 1, "text": "Letrsquo;s go"}  # the input is not touched
    assert list(mend_record(record, changes=True, prefix="x_")) == [
        "id",
        "text",
        "x_title",
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
    assert list(frame.columns) == ["text", "title", "teasers"]
    assert frame.loc[30, "text"] == textmend.mend(TEXTS[0])
    assert pd.isna(frame.loc[10, "text"]) and frame.loc[10, "teasers"] == []
    assert frame.loc[20, "teasers"] == document_fields(textmend.mend_document(TEXTS[2]))["teasers"]
    assert list(mend_series(texts, changes=True, prefix="t_").columns) == [
        "text",
        "t_title",
        "t_teasers",
        "t_changes",
    ]
    with pytest.raises(TypeError, match="texts must hold str"):
        mend_series(pd.Series([b"bytes"]))


def test_mend_frame_mends_one_column_and_keeps_the_rest() -> None:
    frame = pd.DataFrame({"body": TEXTS, "n": range(len(TEXTS))}, index=list("abcdef"))
    mended = mend_frame(frame, "body", textmend.DEFAULT.disable("words"))
    assert list(mended.columns) == ["body", "n", "title", "teasers"]
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
    assert outcomes[0] == (3, 22, '{"text":"Let\u2019s","title":null,"teasers":[]}\n'.encode(), None)
    assert outcomes[1][0] == 4 and outcomes[1][2] is None and outcomes[1][3].startswith("invalid JSON")  # type: ignore[union-attr]
    assert outcomes[2][2] == b'{"text":"x","title":null,"teasers":[]}\n'


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
    for name in ("title", "teasers"):
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
