"""Every Python code block of the README and of docs/ runs as written.

The blocks of one page run in order in one namespace, in a fresh interpreter whose working directory
is a scratch folder holding a link to ``examples/``, so pages read the bundled files by their usual
paths and write nowhere in the checkout. A block that cannot run here has an HTML comment starting
``not run:`` (and saying why) on the line right above it. Blocks in other languages are shown, not run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

_FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>[\w+-]*)\s*$")
_NOT_RUN = re.compile(r"^\s*<!--\s*not run:\s*\S.*-->\s*$")
# An integration's recipe: run by tests/test_engine_recipes.py against the real engine, not here.
_RECIPE = re.compile(r"^\s*<!--\s*recipe\s*-->\s*$")

#: How long one page's blocks may take, in seconds (the datatrove and Dask examples start executors).
PAGE_TIMEOUT = 300


@dataclass(frozen=True)
class Block:
    """One fenced code block: its language, first line (1-based, the fence) and code."""

    language: str
    line: int
    code: str
    skipped: bool
    recipe: bool = False


def blocks_of(text: str) -> list[Block]:
    """The fenced code blocks of a Markdown page, each knowing whether a ``not run:`` comment precedes it.

    >>> [(b.language, b.line, b.skipped) for b in blocks_of("<!-- not run: no -->\\n```python\\nx\\n```\\n")]
    [('python', 2, True)]
    """
    lines = text.split("\n")
    found = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent = opening["indent"]
        end = index + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        body = [line[len(indent) :] if line.startswith(indent) else line for line in lines[index + 1 : end]]
        skipped = index > 0 and _NOT_RUN.match(lines[index - 1]) is not None
        recipe = index > 0 and _RECIPE.match(lines[index - 1]) is not None
        found.append(Block(opening["lang"], index + 1, "\n".join(body) + "\n", skipped, recipe))
        index = end + 1
    return found


def _page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


#: Runs a page's blocks in order in one namespace; prints which block failed and how.
_RUNNER = """
import json, sys, traceback
page, blocks = json.load(sys.stdin)
namespace = {"__name__": "__main__"}
for line, code in blocks:
    try:
        exec(compile(code, f"{page}:{line}", "exec"), namespace)
    except BaseException:
        print(f"{page}, the block at line {line} fails:", file=sys.stderr)
        traceback.print_exc()
        sys.exit(1)
"""


def test_every_page_is_collected_and_python_blocks_are_found() -> None:
    assert ROOT / "docs" / "index.md" in PAGES
    assert len(_python_blocks(ROOT / "README.md")) >= 2


def _python_blocks(page: Path) -> list[Block]:
    return [block for block in blocks_of(page.read_text(encoding="utf-8")) if block.language == "python"]


@pytest.mark.parametrize("page", [page for page in PAGES if _python_blocks(page)], ids=_page_id)
def test_python_blocks_run_as_written(page: Path, tmp_path: Path) -> None:
    runnable = [
        (block.line, block.code) for block in _python_blocks(page) if not (block.skipped or block.recipe)
    ]
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env.setdefault("DASK_DISTRIBUTED__WORKER__DAEMON", "False")
    result = subprocess.run(
        [sys.executable, "-c", _RUNNER],
        input=json.dumps([_page_id(page), runnable]),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=PAGE_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]


def test_a_block_that_cannot_run_says_why_and_is_rare() -> None:
    skipped = [
        (_page_id(page), block.line)
        for page in PAGES
        for block in blocks_of(page.read_text(encoding="utf-8"))
        if block.skipped
    ]
    python = [block for page in PAGES for block in _python_blocks(page)]
    assert len(skipped) * 5 <= len(python), f"too many blocks not run: {skipped}"


def test_the_collector_sees_a_failing_block(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```python\nx = 1\n```\n\ntext\n\n```python\nassert x == 2\n```\n", encoding="utf-8")
    blocks = blocks_of(page.read_text(encoding="utf-8"))
    result = subprocess.run(
        [sys.executable, "-c", _RUNNER],
        input=json.dumps(["page.md", [(b.line, b.code) for b in blocks]]),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "page.md, the block at line 7 fails" in result.stderr and "AssertionError" in result.stderr
