"""One pipeline used from several threads at once gives exactly the results it gives serially."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import wordfreq

import textmend
from conftest import CASES, SAMPLE
from textmend import Document, Pipeline, lexicon

THREADS = 8


def _texts() -> list[str]:
    """The sample article, cut at many places, and the regression inputs: varied work for each fixer."""
    sample = SAMPLE.read_text(encoding="utf-8")
    cases = [case["input"] for case in json.loads((CASES / "idempotence.json").read_text(encoding="utf-8"))]
    cuts = [sample[start : start + 1500] for start in range(0, len(sample), 250)]
    return [sample, *cuts, *cases] * 3


def _mend_from_threads(pipeline: Pipeline, texts: list[str]) -> list[Document]:
    barrier = threading.Barrier(THREADS)

    def mend(text: str) -> Document:
        return pipeline.mend_document(text)

    def start_together() -> None:
        barrier.wait()

    with ThreadPoolExecutor(THREADS, initializer=start_together) as pool:
        return list(pool.map(mend, texts))


def test_one_pipeline_from_many_threads_matches_serial_results() -> None:
    pipeline = textmend.DEFAULT.enable("ascii")
    texts = _texts()
    serial = [pipeline.mend_document(text) for text in texts]
    # Empty the lazily loaded word lists, so that the threads race to load them.
    lexicon.frequencies.cache_clear()
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    assert _mend_from_threads(pipeline, texts) == serial
    assert any(document.changes for document in serial)


def test_default_pipeline_from_many_threads_matches_serial_results() -> None:
    texts = _texts()
    serial = [textmend.mend_document(text) for text in texts]
    assert _mend_from_threads(textmend.DEFAULT, texts) == serial
