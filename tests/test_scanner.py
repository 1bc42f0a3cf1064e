"""The compiled scanner (``textmend.fixers._runs``, issue #18) answers exactly as the pure-Python one
(``textmend.fixers._scan``): the same runs, lookups, capital checks and word counts on every table row
and random text, and the same mended documents from the whole pipeline in a process that turns it off.

Where the compiled scanner was not built these tests skip, unless ``TEXTMEND_REQUIRE_COMPILED=1``
(``.ci/run`` sets it: CI builds it, so a build that silently fell back would fail there).
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import textmend
from conftest import ROOT, benchmark_corpora, run_cli
from textmend.fixers import _scan, _teaser_forms, teasers
from textmend.fixers._scan import PureRunTable, latin1_run_starts, latin1_runs
from textmend.lexicon import common_words

try:
    from textmend.fixers._runs import (
        RunTable,
        capital_follows,
        lines_to_try,
        unusual_characters,
        word_counts,
        word_set,
    )
except ImportError:  # not built here
    RunTable = None  # type: ignore[assignment, misc]
    capital_follows = None  # type: ignore[assignment]
    lines_to_try = None  # type: ignore[assignment]
    unusual_characters = None  # type: ignore[assignment]
    word_counts = None  # type: ignore[assignment]
    word_set = None  # type: ignore[assignment]

needs_compiled = pytest.mark.skipif(
    RunTable is None and os.environ.get("TEXTMEND_REQUIRE_COMPILED", "") in ("", "0"),
    reason="the compiled scanner is not built here (pip install -e . with a C compiler builds it)",
)

# The runs as the plain patterns define them: four to forty Latin-1 lowercase letters after no Latin-1
# letter; a longer run counts as its first forty (the scanners must agree with this, not only each other).
_LOWER = _scan.LATIN1_LOWER
_PLAIN_RUN = re.compile(f"(?<![{_LOWER}{_scan.LATIN1_UPPER}])[{_LOWER}]{{4,40}}")

# Each row: a text, the runs of it, and why it is here.
RUN_ROWS = [
    ("usedfor the iPhone", ["usedfor"], "a lowercase run; a run after a capital is part of a word"),
    ("used", ["used"], "a run at the very start of the text"),
    ("abc abcd", ["abcd"], "three letters are no run, four are"),
    ("3four x-rays_ones", ["four", "rays", "ones"], "digits, hyphens and underscores are no letters here"),
    ("a" * 45 + " bcde", ["a" * 40, "bcde"], "a run longer than forty counts as its first forty"),
    ("caf\u00e9s \u00c9t\u00e9 \u00dfeit", ["caf\u00e9s", "\u00dfeit"], "Latin-1 letters, lower and upper"),
    ("x\u00f7yyyy \u00d7abcd", ["yyyy", "abcd"], "the division and multiplication signs are no letters"),
    ("\u00b5mol words", ["\u00b5mol", "words"], "the micro sign is a lowercase letter of Latin-1"),
    ("\u0101bcde \u2019twas \u0430bcde", ["bcde", "twas", "bcde"], "a character beyond Latin-1 is no letter"),
    ("emoji\U0001f600abcd", ["emoji", "abcd"], "astral characters (a str of four-byte kind)"),
    ("", [], "the empty text"),
    ("ABCD EFGH", [], "capitals only"),
]


@pytest.mark.parametrize(("text", "runs", "why"), RUN_ROWS, ids=[row[2] for row in RUN_ROWS])
def test_runs_are_those_the_plain_pattern_finds(text: str, runs: list[str], why: str) -> None:
    assert latin1_runs(text) == runs == _PLAIN_RUN.findall(text)
    assert latin1_run_starts(text) == [(m.start(), m.group()) for m in _PLAIN_RUN.finditer(text)]


def _tables(words: Iterable[str]) -> list[_scan.WordTable]:
    listed = list(words)
    return [PureRunTable(listed)] + ([] if RunTable is None else [RunTable(listed)])


_HELD = ["used", "four", "abcd", "a" * 40, "caf\u00e9s"]


@pytest.mark.parametrize(("text", "runs", "why"), RUN_ROWS, ids=[row[2] for row in RUN_ROWS])
def test_both_tables_look_the_runs_up_alike(text: str, runs: list[str], why: str) -> None:
    held = [m.start() for m in _PLAIN_RUN.finditer(text) if m.group() in _HELD]
    for table in _tables(_HELD):
        assert table.missing(text) == set(runs).difference(_HELD)
        assert table.starts(text) == held


def test_a_table_holds_only_words_that_could_be_runs() -> None:
    # A word with a capital, a digit or more than forty letters never equals a run (nor a line's first
    # word, which lines_to_try looks up: one letter or more).
    words = ["used", "Used", "us3d", "use", "a" * 40, "a" * 41, "caf\u00e9", "\u0101bcd", "used", "a", ""]
    assert [len(table) for table in _tables(words)] == [5] * len(_tables(words))


_ALPHABET = st.sampled_from(
    [
        *"abcdefgh xyzAZ.,-_3'\n",
        *"\u00b5\u00df\u00e0\u00f6\u00f7\u00f8\u00ff\u00c0\u00d6\u00d7\u00de\u00e9",  # Latin-1 letters, signs
        *"\u2019\u2014\u0101\u0430\U0001f600",  # beyond Latin-1: two-byte and four-byte kinds
    ]
)
_TEXTS = st.text(_ALPHABET, max_size=120) | st.text(st.sampled_from("abcdefgh "), max_size=200)


@needs_compiled
@settings(max_examples=1500, deadline=None)
@given(_TEXTS, st.lists(st.text(st.sampled_from("abcdefgh\u00e9"), min_size=3, max_size=8), max_size=20))
@example("aaaa " * 3, ["aaaa"])
@example("b" * 41 + " " + "b" * 40, ["b" * 40])
def test_the_compiled_table_answers_as_the_pure_one(text: str, words: list[str]) -> None:
    words += latin1_runs(text)[::2]  # some of the text's own runs, so that lookups find some
    pure, compiled = PureRunTable(words), RunTable(words)
    assert len(compiled) == len(pure)
    assert compiled.missing(text) == pure.missing(text) == set(_PLAIN_RUN.findall(text)) - set(words)
    assert compiled.starts(text) == pure.starts(text)


def _standing(word: str, text: str) -> bool:
    """Whether ``word`` (shorter than a run) stands in ``text`` as a run would: after no Latin-1 letter,
    before no lowercase one."""
    return re.search(f"(?<![{_LOWER}{_scan.LATIN1_UPPER}]){word}(?![{_LOWER}])", text) is not None


# Each row: a text, the watched words ("ofa", "bya", "x") missing() adds for it, and why.
WATCHED_ROWS = [
    ("a sofa ofa", {"ofa"}, "standing alone, not inside a word"),
    ("ofaB bya. x", {"ofa", "bya", "x"}, "a capital, a sign or the end after it; one letter too"),
    ("Xofa ofab \u00e9bya", set(), "after a letter or before a lowercase one: part of a word"),
    ("\u0101ofa \u2019bya\U0001f600", {"ofa", "bya"}, "characters beyond Latin-1 are no letters"),
]


@pytest.mark.parametrize(("text", "found", "why"), WATCHED_ROWS, ids=[row[2] for row in WATCHED_ROWS])
def test_a_table_reports_the_short_words_it_watches_for(text: str, found: set[str], why: str) -> None:
    for table in [PureRunTable([], ["ofa", "bya", "x"])] + (
        [] if RunTable is None else [RunTable([], ["ofa", "bya", "x"])]
    ):
        assert table.missing(text) - set(_PLAIN_RUN.findall(text)) == found
        assert {word for word in ("ofa", "bya", "x") if _standing(word, text)} == found


@needs_compiled
@settings(max_examples=1500, deadline=None)
@given(
    _TEXTS,
    st.lists(st.text(st.sampled_from("abcdefgh\u00e9"), min_size=1, max_size=3), max_size=8, unique=True),
)
@example("ofa sofa ofaB", ["ofa", "bya"])
def test_the_compiled_table_watches_as_the_pure_one(text: str, watched: list[str]) -> None:
    words = latin1_runs(text)[::2]
    pure, compiled = PureRunTable(words, watched), RunTable(words, watched)
    expected = set(_PLAIN_RUN.findall(text)) - set(words) | {
        word for word in watched if _standing(word, text)
    }
    assert compiled.missing(text) == pure.missing(text) == expected
    assert compiled.starts(text) == pure.starts(text)  # starts() reports no watched word


@pytest.mark.parametrize(
    "watched",
    [["four"], ["Ofa"], [""], ["\u0101b"], list("abcdefghi"), [3]],
    ids=["four letters", "a capital", "empty", "beyond Latin-1", "more than eight", "no str"],
)
def test_a_table_watches_only_for_a_few_short_words(watched: list[str]) -> None:
    for table_type in [PureRunTable] + ([] if RunTable is None else [RunTable]):
        with pytest.raises((ValueError, TypeError), match="at most 8 words of one to three"):
            table_type(["used"], watched)


@needs_compiled
def test_the_compiled_table_answers_as_the_pure_one_on_every_benchmark_domain() -> None:
    corpora = benchmark_corpora()
    never = common_words("en", 3.5)
    pure, compiled = PureRunTable(never), RunTable(never)
    texts = [record["text"] or "" for name in corpora.DOMAINS for record in corpora.load(name, "dev")[:150]]
    assert len(texts) > 500
    for text in texts:
        missing = pure.missing(text)
        assert compiled.missing(text) == missing
        some = sorted(missing)[:40] + latin1_runs(text)[:40]
        assert RunTable(some).starts(text) == PureRunTable(some).starts(text)


@needs_compiled
def test_the_compiled_table_refuses_what_is_no_str() -> None:
    with pytest.raises(TypeError, match="str words, not int"):
        RunTable(["used", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="reads a str, not bytes"):
        RunTable(["used"]).missing(b"used")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reads a str, not NoneType"):
        RunTable(["used"]).starts(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reads a str, not int"):
        capital_follows(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reads a str, not bytes"):
        word_counts(b"the")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reads a str, not list"):
        word_set(["the"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reads a str, not int"):
        unusual_characters(5)  # type: ignore[arg-type]


CAPITAL_ROWS = [
    ("wordsThe", True, "a capital after a lowercase letter"),
    ("pain.The", True, "a capital after a full stop"),
    ("well.nAmazon", True, "after a lost newline's n, a lowercase letter"),
    ("why?No! Yes", True, "after a question mark"),
    ("The end. Then", False, "a capital after a space or at the start"),
    ("caf\u00e9\u00c9t\u00e9", True, "Latin-1 letters beyond ASCII"),
    ("\u0101B \u00d7B \u00f7B", False, "after a letter beyond Latin-1 or a sign of it: no"),
    ("a\u0100 a\U0001f600", False, "a capital beyond Latin-1 is none here (two- and four-byte kinds)"),
    ("", False, "the empty text"),
]


@pytest.mark.parametrize(("text", "follows", "why"), CAPITAL_ROWS, ids=[row[2] for row in CAPITAL_ROWS])
def test_a_capital_follows_as_the_pattern_finds(text: str, follows: bool, why: str) -> None:
    assert _scan.pure_capital_follows(text) is follows
    assert (_scan.LATIN1_CAPITAL_AFTER.search(text) is not None) is follows
    if capital_follows is not None:
        assert capital_follows(text) is follows


@needs_compiled
@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
def test_the_compiled_capital_check_answers_as_the_pure_one(text: str) -> None:
    assert capital_follows(text) is _scan.pure_capital_follows(text)


# Each row: a text, the characters ftfy could act on in it (each once), and why.
UNUSUAL_ROWS = [
    ("plain text, tabs\tand lines\n", set(), "printable ASCII, a tab and a line feed are none"),
    ("R & D\r\n\x00\x7f", {"&", "\r", "\x00", "\x7f"}, "an ampersand, a carriage return, controls"),
    ("caf\u00e9 caf\u00e9 \u00ff", {"\u00e9", "\u00ff"}, "Latin-1 letters, each once (one-byte kind)"),
    ("\u2019\u2019 \u20ac \uffff", {"\u2019", "\u20ac", "\uffff"}, "two-byte kind, to its last character"),
    (
        "\U0001f600 \U0001f600 \u00e9 \ud800",
        {"\U0001f600", "\u00e9", "\ud800"},
        "four-byte kind, a surrogate",
    ),
    ("", set(), "the empty text"),
]


@pytest.mark.parametrize(("text", "unusual", "why"), UNUSUAL_ROWS, ids=[row[2] for row in UNUSUAL_ROWS])
def test_the_unusual_characters_are_those_the_pattern_finds(text: str, unusual: set[str], why: str) -> None:
    assert _scan.pure_unusual_characters(text) == unusual == set(_scan.UNUSUAL.findall(text))
    if unusual_characters is not None:
        assert unusual_characters(text) == unusual


@needs_compiled
@settings(max_examples=1500, deadline=None)
@given(st.one_of(_TEXTS, st.text(max_size=60)))
def test_the_compiled_unusual_characters_are_the_pure_ones(text: str) -> None:
    assert unusual_characters(text) == _scan.pure_unusual_characters(text)


# Each row: a text, where the lines that lines_to_try names start (first words "read", "more", "a"
# held), and why.
LINE_ROWS = [
    ("Read more\nThe end\nmore: x", [0, 18], "first words held, in any case; others not"),
    ("  \tREAD on\n\u00a0More", [0, 11], "after spaces of any kind but the line break"),
    ("\n\n   \nread", [6], "blank lines are never tried"),
    ("Readers\nA day\nAn hour", [8], "the whole first word, not its beginning"),
    ("\u00c0 lire\nM\u00e1s\n\u212aeep", [0, 7, 11], "a character beyond ASCII ends or starts it"),
    ('3 more\n- read\n"Read', [], "a line starting with an ASCII sign or digit"),
    ("read" * 11 + "\nread", [45], "a first word longer than forty letters is none held"),
    ("read\r\nmore\u2028more", [0, 6], "only a line break starts a line (the pattern's ^)"),
    ("", [], "the empty text"),
]


@needs_compiled
@pytest.mark.parametrize(("text", "starts", "why"), LINE_ROWS, ids=[row[2] for row in LINE_ROWS])
def test_the_lines_to_try_are_those_whose_first_word_is_held(text: str, starts: list[int], why: str) -> None:
    table = RunTable(_scan.first_words(["Read more", "More", "A la une"]) or ())
    assert lines_to_try(text, table) == starts
    for last in ("z", "\u0101", "\U0001f600"):  # the same in a text of each width; "z" is not tried
        tried = starts + ([len(text) + 1] if last != "z" else [])
        assert lines_to_try(text + "\n" + last, table) == tried


def test_first_words_refuse_what_they_cannot_answer_for() -> None:
    assert _scan.first_words(["#Related"]) is None  # a sign first: such lines are never tried
    assert _scan.first_words(["Loo\u212a"]) is None  # the Kelvin sign matches k in any case
    assert _scan.first_words(["x" * 41]) is None
    assert _scan.first_words(["\u00c0 lire", "Lire", " More  news "]) == {"lire", "more"}
    assert (_scan.phrase_starts(["Lire"]) is None) is not _scan.COMPILED  # a table only where compiled


@needs_compiled
def test_lines_to_try_refuses_what_is_no_str_or_table() -> None:
    with pytest.raises(TypeError, match="RunTable, not dict"):
        lines_to_try("text", {})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reads a str, not bytes"):
        lines_to_try(b"text", RunTable(["text"]))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes 2 arguments"):
        lines_to_try("text")  # type: ignore[call-arg]


def _regex_only(forms: teasers._Forms) -> teasers._Forms:
    return dataclasses.replace(forms, phrase_starts=None)


def _with_lines(forms: teasers._Forms, *added: tuple[str, ...]) -> teasers._Forms:
    """``forms`` with the compiled table of its phrases' first words, whichever scanner is active."""
    phrases = [*_teaser_forms.LABELS, *_teaser_forms.HEADINGS, *_teaser_forms.HEADING_PREFIXES]
    firsts = _scan.first_words(phrases + [phrase for more in added for phrase in more])
    assert firsts is not None
    return dataclasses.replace(forms, phrase_starts=RunTable(firsts))


_PHRASES = list(_teaser_forms.HEADINGS + _teaser_forms.LABELS + _teaser_forms.HEADING_PREFIXES)
_LINE_PIECES = st.sampled_from(
    [
        *_PHRASES,
        *[phrase.upper() for phrase in _PHRASES],
        "Read",
        "more",
        ":",
        " | ",
        "\n",
        " ",
        "\t",
        "\u00a0",
        "The end.",
        "x" * 61,
        "\u212aeep reading",
        "\u017fee al\u017fo",
        "\u0130n",
        "3",
        "\u2028",
    ]
)


@needs_compiled
@settings(max_examples=1500, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=12).map("".join) | _TEXTS)
@example("Keep reading")
@example("\u212aeep reading")
def test_the_teaser_gate_answers_alike_with_the_lines_the_scanner_names(text: str) -> None:
    forms = teasers.compiled_forms()
    assert teasers.has_candidate_line(text, _with_lines(forms)) is teasers.has_candidate_line(
        text, _regex_only(forms)
    )


@needs_compiled
@pytest.mark.parametrize(("last", "holds"), [("The end.", False), ("Read more: Title", True)])
def test_the_teaser_gate_answers_alike_with_many_lines_to_try(last: str, holds: bool) -> None:
    # More lines to try than teasers._MOST_LINES_TRIED: the plain search answers (it costs less then).
    text = "A line\n" * (teasers._MOST_LINES_TRIED + 1) + last
    forms = _with_lines(teasers.compiled_forms())
    assert len(lines_to_try(text, forms.phrase_starts)) > teasers._MOST_LINES_TRIED  # type: ignore[arg-type]
    assert (
        teasers.has_candidate_line(text, forms)
        is teasers.has_candidate_line(text, _regex_only(forms))
        is holds
    )


@needs_compiled
def test_the_teaser_gate_answers_alike_on_every_benchmark_domain() -> None:
    corpora = benchmark_corpora()
    forms = _with_lines(teasers.compiled_forms(("Lies auch",), ("MORE",)), ("Lies auch", "MORE"))
    regex_only = _regex_only(forms)
    texts = [record["text"] or "" for name in corpora.DOMAINS for record in corpora.load(name, "dev")[:300]]
    texts += [line for text in texts[:200] for line in text.splitlines()[-3:]]
    assert sum(teasers.has_candidate_line(text, forms) for text in texts) > 10  # a test that can fail
    for text in texts:
        assert teasers.has_candidate_line(text, forms) is teasers.has_candidate_line(text, regex_only)


WORD_ROWS = [
    ("the cat saw the dog", {"the": 2, "cat": 1, "saw": 1, "dog": 1}, "words counted in order of first use"),
    ("snake_case x2 \u00b2", {"snake_case": 1, "x2": 1, "\u00b2": 1}, "underscores, digits, superscripts"),
    (
        "caf\u00e9 \u5b89\u88c5 \u0661\u0662",
        {"caf\u00e9": 1, "\u5b89\u88c5": 1, "\u0661\u0662": 1},
        "letters and digits of any script",
    ),
    ("a\u0301b \U0001d400x", {"a": 1, "b": 1, "\U0001d400x": 1}, "a combining mark is no word character"),
    ("", {}, "the empty text"),
    (
        " ".join(f"w{n % 700}" for n in range(2100)),
        {f"w{n}": 3 for n in range(700)},
        "more distinct words than the C tally starts with room for: it grows and keeps every count",
    ),
    ("ab ba abab baba ab", {"ab": 2, "ba": 1, "abab": 1, "baba": 1}, "same letters, other order or length"),
    (
        "\u00e9t\u00e9 \u00c9t\u00e9 \u00e9t\u00e9",
        {"\u00e9t\u00e9": 2, "\u00c9t\u00e9": 1},
        "case counts apart",
    ),
]


@pytest.mark.parametrize(("text", "counts", "why"), WORD_ROWS, ids=[row[2] for row in WORD_ROWS])
def test_words_are_counted_as_the_pattern_finds_them(text: str, counts: dict[str, int], why: str) -> None:
    assert list(_scan.pure_word_counts(text).items()) == list(counts.items())
    assert list(_scan.word_counts(text).items()) == list(counts.items())
    assert _scan.word_set(text) == set(counts)


@needs_compiled
@settings(max_examples=1500, deadline=None)
@given(st.text() | _TEXTS)
def test_the_compiled_word_counts_answer_as_the_pure_ones(text: str) -> None:
    counted = word_counts(text)
    assert list(counted.items()) == list(_scan.pure_word_counts(text).items())
    assert word_set(text) == set(counted)
    assert type(_scan.word_counts(text)) is collections.Counter


_DIGEST = (
    "import hashlib, json, sys, textmend\n"
    "from textmend.fixers import _scan\n"
    "texts = json.load(sys.stdin)\n"
    "digest = hashlib.sha256()\n"
    "for text in texts:\n"
    "    digest.update(repr(textmend.mend_document(text).changes).encode())\n"
    "print(_scan.COMPILED, digest.hexdigest())\n"
)


def _pipeline_texts() -> list[str]:
    """Documents of every benchmark domain as they are and with their words glued in pairs (so that
    the words step has glue to split, and the many-candidates path runs)."""
    corpora = benchmark_corpora()
    texts = []
    for name in corpora.DOMAINS:
        for record in corpora.load(name, "dev")[:25]:
            text = (record["text"] or "")[:3000]
            glued = re.sub(r"\b([a-z]{2,9}) ([a-z]{2,9})\b", r"\1\2", text)
            texts += [text, glued]
    return texts


def _digest_in_a_process(texts: list[str], pure: bool) -> tuple[str, str]:
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, _scan.PURE_PYTHON_VARIABLE: "1" if pure else ""}
    out = subprocess.run(
        [sys.executable, "-c", _DIGEST],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    compiled, digest = out.stdout.split()
    return compiled, digest


@needs_compiled
def test_the_pipeline_mends_alike_with_either_scanner() -> None:
    texts = _pipeline_texts()
    assert len(texts) > 200
    digest = hashlib.sha256()
    for text in texts:
        digest.update(repr(textmend.mend_document(text).changes).encode())
    # Against the other scanner: pure Python in a process of its own, or the compiled one where this
    # process runs pure Python (TEXTMEND_PURE_PYTHON=1: tools/test_versions.sh runs one Python so).
    other = _digest_in_a_process(texts, pure=_scan.COMPILED)
    assert other == (str(not _scan.COMPILED), digest.hexdigest())


def test_the_version_says_which_scanner_is_active() -> None:
    expected = "compiled (C)" if _scan.COMPILED else "pure Python"
    assert run_cli("--version").stdout.decode() == f"textmend {textmend.__version__} (scanner: {expected})\n"
    pure = run_cli("--version", env={_scan.PURE_PYTHON_VARIABLE: "1"})
    assert pure.stdout.decode() == f"textmend {textmend.__version__} (scanner: pure Python)\n"


@pytest.mark.skipif(
    find_spec("hatchling") is None, reason="hatchling (the build backend) is in the dev extra"
)
@pytest.mark.parametrize(
    ("compiler", "compiled", "why"),
    [
        (None, True, "the machine's C compiler builds the scanner into a wheel for this Python"),
        ("/bin/false", False, "a compiler that fails: the wheel is pure Python, for any Python"),
    ],
    ids=["with a compiler", "without one"],
)
def test_a_wheel_holds_the_compiled_scanner_or_falls_back_to_pure_python(
    tmp_path: Path, compiler: str | None, compiled: bool, why: str
) -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("CC", _scan.PURE_PYTHON_VARIABLE)}
    if compiler is not None:
        env["CC"] = compiler  # setuptools' build_ext compiles with $CC
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", str(ROOT)]
    built = subprocess.run(
        [*command, "-w", str(tmp_path)], env=env, capture_output=True, text=True, timeout=300
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("textmend-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    modules = [
        name for name in names if name.startswith("textmend/fixers/_runs.") and name.endswith((".so", ".pyd"))
    ]
    assert len(modules) == (1 if compiled else 0), names
    assert wheel.name.endswith("-py3-none-any.whl") is not compiled
    assert "textmend/fixers/_scan.py" in names and not any(name.endswith(".c") for name in names)
