"""The bundled benchmark corpora (benchmarks/corpora.py) load, carry their fields, and split cleanly."""

from __future__ import annotations

import re

import pytest

from conftest import benchmark_corpora

FIELDS = {"id", "title", "text", "source", "licence"}


corpora = benchmark_corpora()
NAMES = list(corpora.DOMAINS) + list(corpora.LANGUAGES)


@pytest.mark.parametrize("name", NAMES)
def test_every_corpus_loads_with_its_fields(name: str) -> None:
    docs = corpora.load(name)
    assert len(docs) >= 20, f"{name} has only {len(docs)} documents"
    for doc in docs:
        assert set(doc) == FIELDS, doc["id"]
        assert isinstance(doc["text"], str) and doc["text"].strip(), doc["id"]
        assert doc["title"] is None or isinstance(doc["title"], str)
        assert doc["source"] and doc["licence"], doc["id"]
    ids = [doc["id"] for doc in docs]
    assert len(set(ids)) == len(ids), f"{name} repeats an id"


@pytest.mark.parametrize("name", NAMES)
def test_dev_and_test_are_disjoint_and_cover_all(name: str) -> None:
    dev = {doc["id"] for doc in corpora.load(name, "dev")}
    test = {doc["id"] for doc in corpora.load(name, "test")}
    every = {doc["id"] for doc in corpora.load(name)}
    assert dev and test, f"{name} has an empty split"
    assert not dev & test
    assert dev | test == every


# Leftovers of the markup the builders strip (prose may still quote a tag, as a regex HOWTO does).
MARKUP = re.compile(r"</?(p|div|span|br|li|td|tr|strong)\b[^>]*>|&(amp|lt|gt|quot|nbsp|#\d+);")


@pytest.mark.parametrize("name", NAMES)
def test_text_is_clean_of_markup(name: str) -> None:
    for doc in corpora.load(name):
        text = doc["text"]
        assert "\r" not in text and "\n\n\n" not in text, doc["id"]
        assert not MARKUP.search(text), (doc["id"], MARKUP.search(text))


def test_news_keeps_headlines_apart_from_bodies() -> None:
    docs = corpora.load("news")
    assert all(doc["title"] for doc in docs)
    assert all(not doc["text"].startswith(str(doc["title"])) for doc in docs)


def test_unknown_names_and_splits_say_what_exists() -> None:
    with pytest.raises(KeyError, match="news"):
        corpora.load("klingon")
    with pytest.raises(ValueError, match="dev"):
        corpora.load("news", "train")
