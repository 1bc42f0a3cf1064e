"""``textmend.testing``: what each kind of damage does, the clean-text generators, and the assertions."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from textmend.testing import (
    ADVERSARIAL,
    ENTITY_NAMES,
    KINDS,
    MENDABLE_KINDS,
    TEASER_HEADINGS,
    WORDS,
    Damaged,
    articles,
    assert_mends_to,
    damage,
    damaged,
    prose,
    text_diff,
)

NO_DEADLINE = settings(deadline=None)
ENTITY_NAME = "(?:" + "|".join(ENTITY_NAMES.values()) + ");"


@NO_DEADLINE
@given(damaged())
def test_kinds_are_known_ordered_and_empty_only_when_nothing_changed(case: Damaged) -> None:
    assert set(case.kinds) <= set(KINDS)
    assert list(case.kinds) == sorted(case.kinds, key=KINDS.index)
    assert (case.damaged == case.clean) == (not case.kinds)


@NO_DEADLINE
@given(damaged(kinds=["stripped_entities"]))
def test_stripped_entities_lose_their_ampersand(case: Damaged) -> None:
    if case.kinds:
        assert re.search(ENTITY_NAME, case.damaged) and "&" not in case.damaged
        assert len(case.damaged) > len(case.clean)


@NO_DEADLINE
@given(damaged(kinds=["ampersand_to_space"]))
def test_ampersand_to_space_leaves_a_space_before_the_name(case: Damaged) -> None:
    if case.kinds:
        assert re.search(" " + ENTITY_NAME, case.damaged) and "&" not in case.damaged


@NO_DEADLINE
@given(damaged(kinds=["double_escaped"]))
def test_double_escaped_entities_start_with_escaped_ampersand(case: Damaged) -> None:
    if case.kinds:
        assert re.search("&amp;" + ENTITY_NAME, case.damaged)


@NO_DEADLINE
@given(damaged(kinds=["joined_words"]))
def test_joined_words_only_lose_spaces(case: Damaged) -> None:
    if case.kinds:
        assert case.damaged.replace(" ", "") == case.clean.replace(" ", "")
        assert case.damaged.count(" ") < case.clean.count(" ")


@NO_DEADLINE
@given(damaged(kinds=["teasers"]))
def test_teasers_are_appended_blocks_of_separator_title_and_snippet(case: Damaged) -> None:
    assert case.kinds == ("teasers",)
    tail = case.damaged[len(case.clean) :].split("\n")
    assert case.damaged.startswith(case.clean) and tail[0] == "" and len(tail) in (5, 8, 11)
    assert tail[1] in TEASER_HEADINGS
    for separator, title, snippet in zip(tail[2::3], tail[3::3], tail[4::3], strict=True):
        assert separator in ("-", "\u2014", "*")
        assert snippet.startswith(title) or title.startswith(snippet)


@NO_DEADLINE
@given(damaged(kinds=["duplicated_title"]))
def test_duplicated_title_is_the_title_without_quotes_put_first(case: Damaged) -> None:
    assert case.kinds == ("duplicated_title",)
    first, rest = case.damaged.split("\n", 1)
    assert rest == case.clean
    assert first == re.sub("['\"]", "", case.clean.split("\n")[0])


@NO_DEADLINE
@given(st.data())
def test_damage_takes_any_clean_text(data: st.DataObject) -> None:
    clean = "It\u2019s a caf\u00e9 by the river, before the morning."
    case = data.draw(damage(clean, ["stripped_entities", "joined_words"]))
    assert case.clean == clean


def test_unknown_kinds_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown kinds of damage: smudges"):
        damage("text", ["smudges"])


def test_damaged_is_a_frozen_value() -> None:
    case = Damaged("a", "b", ("joined_words",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        case.clean = "c"  # type: ignore[misc]
    assert case == Damaged("a", "b", ("joined_words",))


@NO_DEADLINE
@given(prose())
def test_prose_is_sentences_of_the_word_list(text: str) -> None:
    for sentence in re.split(r"(?<=\.)[ \n]", text):
        assert sentence[0].isupper() and sentence.endswith(".")
    plain = [w.strip(",.\u201c\u201d").lower() for w in text.split()]
    assert sum(w in WORDS for w in plain) >= len(plain) // 2


@NO_DEADLINE
@given(articles())
def test_articles_start_with_a_title_line(text: str) -> None:
    title, body = text.split("\n", 1)
    assert title.lstrip("'")[0].isupper() and not title.endswith(".") and body


def test_mendable_kinds_are_kinds() -> None:
    assert set(MENDABLE_KINDS) < set(KINDS)


def test_assert_mends_to_passes_when_mending_gives_the_clean_text() -> None:
    assert_mends_to("Letrsquo;s see how they are usedfor pain.", "Let\u2019s see how they are used for pain.")


def test_assert_mends_to_fails_with_a_diff_and_the_changes_made() -> None:
    with pytest.raises(AssertionError) as failure:
        assert_mends_to("Title\nLetrsquo;s go\xa0now", "Title\nLet\u2019s go now")
    message = str(failure.value)
    assert "--- clean\n+++ mended" in message
    assert "-Let\u2019s go now\n+Let\u2019s go\\xa0now" in message
    assert "entities: 'rsquo;' -> '\u2019'" in message


def test_assert_mends_to_tests_any_cleaner() -> None:
    assert_mends_to("a  b", "a b", mend=lambda text: " ".join(text.split()))
    with pytest.raises(AssertionError, match=r"(?s)-a b.*\+a  b"):
        assert_mends_to("a  b", "a b", mend=str)


def test_text_diff_is_empty_for_equal_texts() -> None:
    assert text_diff("same\ntext", "same\ntext") == ""


def test_importing_textmend_does_not_import_hypothesis() -> None:
    code = "import sys, textmend; textmend.mend('x'); print('hypothesis' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True, text=True)
    assert done.stdout.strip() == "False"


def test_damaged_references_reach_names_of_two_code_points_and_every_form() -> None:
    """The strategy must be able to find the bug class of names that decode to two code points
    (``race;`` crashed a rule that took one character) and numeric forms out of range."""
    import html.entities

    from hypothesis import find

    from textmend.testing import ENTITY_TABLE, NUMERIC_REFERENCES, damaged_references

    two = {name for name in ENTITY_TABLE if len(html.entities.html5.get(name + ";", "")) == 2}
    assert "race" in two and len(two) > 80
    found = find(damaged_references(), lambda text: any(f"{name};" in text for name in two))
    assert any(f"{name};" in found for name in two)
    assert find(damaged_references(), lambda text: "&amp;" in text and "#x110000" in text)
    assert len(ENTITY_TABLE) > 2000 and "#xD800" in NUMERIC_REFERENCES


def test_every_adversarial_builder_makes_a_text_of_the_size_asked_up_to_twelve_megabytes() -> None:
    """``benchmarks/linear_time.py`` asks for 10 MB; a builder whose word list ran out raised
    ``StopIteration`` there (``sparse glued endings``, beyond about 5.6 MB)."""
    for name, make in ADVERSARIAL.items():
        for size in (10_000, 12_000_000):
            text = make(size)
            assert 0.5 * size <= len(text) <= 1.5 * size, (name, size, len(text))
