"""The public API contract: names, types, pipelines, registration, errors."""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import pytest
import regex

import textmend
from textmend import Change, Document, Edit, Findings, Fixer, Pipeline, register


def test_mend_equals_mend_document_text() -> None:
    text = "Letrsquo;s see.\nThey are usedfor pain."
    assert (
        textmend.mend(text) == textmend.mend_document(text).text == "Let\u2019s see.\nThey are used for pain."
    )


def test_document_fields() -> None:
    document = textmend.mend_document("Letrsquo;s go")
    assert isinstance(document, Document)
    assert document.title is None and document.teasers == []
    assert [dataclasses.replace(change, evidence={}) for change in document.changes] == [
        Change("entities", 3, 9, "rsquo;", "\u2019", "&rsquo; without its &", "entity/dropped")
    ]
    assert document.to_dict()["changes"][0]["fixer"] == "entities"
    assert "changes" not in document.to_dict(changes=False)


@pytest.mark.parametrize("value", [None, b"bytes", 3, ["a"], bytearray(b"x")])
@pytest.mark.parametrize(
    "function",
    [textmend.mend, textmend.mend_document, textmend.DEFAULT, textmend.DEFAULT.mend_document],
)
def test_wrong_input_type_is_a_type_error_naming_the_argument(function: object, value: object) -> None:
    with pytest.raises(TypeError, match=r"^text must be str, not "):
        function(value)  # type: ignore[operator]


def test_empty_and_whitespace_text_pass_through() -> None:
    for text in ["", " ", "\n", "\n\n-\n"]:
        assert textmend.mend(text) == text


def test_default_pipeline_order_and_switches() -> None:
    assert textmend.DEFAULT.names == ["ftfy", "entities", "teasers", "titles", "words", "ascii"]
    assert textmend.DEFAULT.enabled_names == ["ftfy", "entities", "teasers", "titles", "words"]
    assert "ascii" in textmend.DEFAULT and "nope" not in textmend.DEFAULT


def test_pipelines_are_immutable_values() -> None:
    without = textmend.DEFAULT.disable("words")
    assert "words" not in without.enabled_names
    assert "words" in textmend.DEFAULT.enabled_names
    assert without != textmend.DEFAULT and without.enable("words") == textmend.DEFAULT
    assert without("are usedfor pain") == "are usedfor pain"


def test_only_remove_and_unknown_names() -> None:
    assert textmend.DEFAULT.only("entities").enabled_names == ["entities"]
    assert "titles" not in textmend.DEFAULT.remove("titles").names
    with pytest.raises(KeyError, match="no step named 'nope'"):
        textmend.DEFAULT.disable("nope")
    with pytest.raises(KeyError, match="no fixer named 'nope'; known fixers: ascii"):
        Pipeline(["nope"])
    with pytest.raises(ValueError, match="repeated: words"):
        Pipeline(["words", "words"])
    with pytest.raises(TypeError, match="not a single str"):
        Pipeline("words")  # type: ignore[arg-type]


def test_params_are_introspectable_and_settable() -> None:
    params = textmend.DEFAULT.get_params()
    assert params["words__language"] == "en"
    assert params["ascii__transliterate"] is False
    changed = textmend.DEFAULT.with_params(ascii__transliterate=True).enable("ascii")
    assert changed["ascii"].get_params() == {"transliterate": True}
    assert changed("caf\u00e9") == "cafe"
    with pytest.raises(TypeError, match="unknown option for fixer 'words': colour"):
        textmend.DEFAULT.configure("words", colour="red")
    with pytest.raises(TypeError, match="step__option"):
        textmend.DEFAULT.with_params(language="de")


WRONG_OPTIONS = [
    ({"words__margin": "abc"}, "option words__margin must be float, not str ('abc')", "a number as text"),
    ({"words__language": 5}, "option words__language must be str, not int (5)", "a language is a code"),
    ({"ascii__transliterate": 1}, "option ascii__transliterate must be bool, not int (1)", "1 is no bool"),
    (
        {"ftfy__normalization": "nfc"},
        "must be 'NFC' or 'NFD' or 'NFKC' or 'NFKD' or None",
        "the forms are upper case",
    ),
    (
        {"teasers__headings": "Read more"},
        "must be a tuple or list of str, not str",
        "a str would be its letters",
    ),
    ({"teasers__labels": ("Watch", 3)}, "must be a tuple or list of str, not tuple", "every item a str"),
    (
        {"words__model": {"words": 3}},
        "must be CorpusModel or None, not dict",
        "a model comes from textmend.fit",
    ),
]


@pytest.mark.parametrize(
    ("params", "message"), [row[:2] for row in WRONG_OPTIONS], ids=[row[2] for row in WRONG_OPTIONS]
)
def test_an_option_of_the_wrong_type_is_refused_where_it_is_given(
    params: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError) as raised:
        textmend.DEFAULT.with_params(**params)
    assert message in str(raised.value)
    ((key, value),) = params.items()
    name, _, option = key.partition("__")
    with pytest.raises(TypeError, match=message.split(",")[0]):
        Pipeline([(name, {option: value})])


def test_every_fixers_defaults_and_the_right_types_pass_the_option_check() -> None:
    # Values of the declared types (an int for a float, a list for a tuple) are taken as before.
    assert textmend.DEFAULT.with_params(**textmend.DEFAULT.get_params()) == textmend.DEFAULT
    for name in textmend.registered_fixers():
        Pipeline([(name, textmend.fixer_class(name)().get_params())])
    changed = textmend.DEFAULT.with_params(
        words__margin=2, teasers__headings=["Lies auch"], ftfy__normalization=None
    )
    assert changed["words"].margin == 2 and changed["ftfy"].normalization is None


def test_options_in_constructor() -> None:
    pipeline = Pipeline([("ascii", {"transliterate": True})])
    assert pipeline("na\u00efve") == "naive"


@register
@dataclass(frozen=True)
class Shout(Fixer):
    """Squeeze runs of exclamation marks (a third-party fixer)."""

    name: ClassVar[str] = "test_shout"
    gate: ClassVar[regex.Pattern[str]] = regex.compile("!!+")
    keep: int = 1

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        for match in self.gate.finditer(text):
            yield Edit(match.start(), match.end(), "!" * self.keep, "shouting")


def test_third_party_fixers_register_and_insert() -> None:
    assert "test_shout" in textmend.registered_fixers()
    pipeline = textmend.DEFAULT.insert_before("words", "test_shout")
    assert pipeline.names.index("test_shout") == pipeline.names.index("words") - 1
    document = pipeline.mend_document("Wow!!! Letrsquo;s go!!")
    assert document.text == "Wow! Let\u2019s go!"
    assert [c.fixer for c in document.changes] == ["test_shout", "entities", "test_shout"]
    after = textmend.DEFAULT.insert_after("ascii", ("test_shout", {"keep": 2}))
    assert after.names[-1] == "test_shout" and after("a!!!!") == "a!!"
    with pytest.raises(ValueError, match="already registered"):
        register(type("Other", (Fixer,), {"name": "test_shout"}))


def test_a_fixer_name_with_a_double_underscore_is_refused_at_register_time() -> None:
    with pytest.raises(textmend.RegistrationError, match="'my__fixer' contains '__'") as caught:
        register(type("Odd", (Fixer,), {"name": "my__fixer"}))
    assert isinstance(caught.value, ValueError)
    assert "my__fixer" not in textmend.registered_fixers()


def test_a_broken_fixer_is_reported_clearly() -> None:
    @dataclass(frozen=True)
    class Overlapping(Fixer):
        name: ClassVar[str] = "test_overlapping"

        def find(self, text: str, found: Findings) -> Iterator[Edit]:
            yield Edit(0, 3, "x")
            yield Edit(2, 4, "y")

    with pytest.raises(textmend.FixerError, match="'test_overlapping' proposed overlapping edits"):
        Pipeline([Overlapping()])("abcdef")


def test_pipelines_pickle_small_and_equal() -> None:
    textmend.mend("warm up the word list: usedfor")
    data = pickle.dumps(textmend.DEFAULT)
    assert len(data) < 2000
    assert pickle.loads(data) == textmend.DEFAULT


def test_repr_shows_steps_and_options() -> None:
    text = repr(textmend.DEFAULT)
    assert text.startswith("Pipeline([ftfy(") and "-ascii(transliterate=False)" in text


@dataclass(frozen=True)
class DropAB(Fixer):
    """Turn each "ab" into "b": "aab" needs a second round, since the first makes a new "ab"."""

    name: ClassVar[str] = "test_drop_ab"

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        for match in regex.finditer("ab", text):
            yield Edit(match.start(), match.start() + 1, "", "a before b")


def test_a_step_runs_again_on_its_own_output_until_it_settles() -> None:
    document = Pipeline([DropAB()]).mend_document("xaaab")
    assert document.text == "xb"
    assert document.changes == [Change("test_drop_ab", 1, 4, "aaa", "", "a before b; a before b; a before b")]


def test_a_settled_fixer_runs_once() -> None:
    @dataclass(frozen=True)
    class SettledDropAB(DropAB):
        settled: ClassVar[bool] = True

    assert Pipeline([SettledDropAB()])("xaaab") == "xaab"


def test_an_entity_repair_that_would_glue_another_reference_is_settled_in_one_mend() -> None:
    # Decoding "&#82" would glue an "R" to the "amp;" left alone before it, which a second mend would
    # then read as damage; the entities fixer leaves such a reference, and the result is final.
    damaged = "rsquo;copy  amp;&#82rsquo;17"
    once = textmend.mend(damaged)
    assert once == "\u2019copy  amp;&#82\u201917"
    assert textmend.mend(once) == once
