"""The command line, through a real subprocess."""

from __future__ import annotations

import io
import json

import pytest

from conftest import SAMPLE, run_cli
from textmend.cli.mend import explain
from textmend.model import Change


def test_file_argument_prints_the_mended_text(sample_text: str) -> None:
    import textmend

    result = run_cli(str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == textmend.mend(sample_text)
    assert result.stderr == b""


def test_stdin_dash_and_default() -> None:
    for args in (["-"], []):
        result = run_cli(*args, stdin=b"Letrsquo;s go")
        assert result.returncode == 0
        assert result.stdout.decode() == "Let\u2019s go"


def test_clean_text_is_byte_identical() -> None:
    data = b"Plain prose, a copy; not the original.\r\nSecond line\n"
    result = run_cli("--disable", "ftfy", stdin=data)
    assert result.stdout == data


def test_json_has_text_title_teasers_and_changes() -> None:
    result = run_cli("--json", str(SAMPLE))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert set(data) == {"text", "title", "site", "teasers", "changes"}
    assert data["title"].startswith("Do Opioid Receptors 'Reset'")
    assert [t["truncated"] for t in data["teasers"]] == [True, True]
    assert {"fixer", "start", "end", "before", "after", "reason"} <= set(data["changes"][0])


def test_explain_lists_each_change() -> None:
    result = run_cli("--explain", str(SAMPLE))
    lines = result.stdout.decode().splitlines()
    assert lines[0].startswith("1:1 titles")
    assert "3:42 entities" in lines[1] and ": 'rsquo;' -> '\u2019'" in lines[1]
    assert any(" words" in line and ": '' -> ' '" in line and "usedfor" in line for line in lines)
    assert len(lines) == 14


def test_explain_shows_each_changes_kind() -> None:
    out = io.StringIO()
    changes = [
        Change("entities", 3, 9, "rsquo;", "\u2019", "&rsquo; without its &", "entity/dropped"),
        Change("x", 0, 1, "a", "b"),
    ]
    explain("Letrsquo;s", changes, out)
    assert out.getvalue().splitlines() == [
        "1:4 entities entity/dropped: 'rsquo;' -> '\u2019'  (&rsquo; without its &)",
        "1:1 x: 'a' -> 'b'",
    ]


def test_pipeline_and_disable_choose_fixers() -> None:
    text = b"Letrsquo;s see, usedfor pain"
    assert run_cli("--disable", "entities", stdin=text).stdout.decode() == "Letrsquo;s see, used for pain"
    assert run_cli("--pipeline", "entities", stdin=text).stdout.decode() == "Let\u2019s see, usedfor pain"
    assert run_cli("--enable", "ascii", stdin=text).stdout.decode() == "Let's see, used for pain"


def test_unknown_fixer_is_a_usage_error() -> None:
    result = run_cli("--disable", "nope", stdin=b"x")
    assert result.returncode == 2
    assert b"no step named 'nope'" in result.stderr and result.stdout == b""


def test_missing_file_and_bad_utf8_exit_1_with_a_message(tmp_path: object) -> None:
    result = run_cli("/nonexistent/file.txt")
    assert result.returncode == 1
    assert result.stderr.decode() == "textmend: /nonexistent/file.txt: No such file or directory\n"
    result = run_cli("-", stdin=b"ok \xff bad")
    assert result.returncode == 1
    assert result.stderr.decode() == "textmend: -: not valid UTF-8 at byte 3; convert it to UTF-8 first\n"


def test_list_fixers_and_version() -> None:
    listing = run_cli("--list-fixers").stdout.decode()
    assert listing.splitlines()[0].startswith("ftfy") and "ascii      off" in listing
    assert run_cli("--version").stdout.decode().startswith("textmend ")
    assert run_cli("clean", "--list-fixers").stdout.decode() == listing


def test_mend_subcommand_is_the_default() -> None:
    for args in (["mend", "-"], ["-"], ["mend"], []):
        result = run_cli(*args, stdin=b"Letrsquo;s go")
        assert (result.returncode, result.stdout.decode()) == (0, "Let\u2019s go"), args


@pytest.mark.parametrize("subcommand", ["mend", "clean", "fit", "audit"])
def test_every_subcommand_has_help_and_version(subcommand: str) -> None:
    helped = run_cli(subcommand, "--help")
    assert helped.returncode == 0 and helped.stdout.decode().startswith(f"usage: textmend {subcommand}")
    version = run_cli(subcommand, "--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("textmend 0.1.0 (scanner: ")


def test_top_level_help_lists_the_subcommands() -> None:
    text = run_cli("--help").stdout.decode()
    assert all(name in text for name in ("mend", "clean", "fit", "audit"))


def test_the_cli_package_has_no_import_circle() -> None:
    """cli/__init__ imports the subcommand modules; they import only options; corpus never imports cli."""
    import ast
    from pathlib import Path

    import textmend.cli

    def relative_imports(path: Path) -> set[str | None]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level}

    package = Path(textmend.cli.__file__).parent
    for path in package.glob("*.py"):
        if path.stem not in ("__init__", "options"):
            assert relative_imports(path) <= {"options", "model", "corpus", "errors"}, path.name
    for path in (package.parent / "corpus").glob("*.py"):
        assert not any(name and name.startswith("cli") for name in relative_imports(path)), path.name
