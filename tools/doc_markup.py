"""A Markdown extension for the docs site: docstrings written for ``help()`` read well as Markdown.

- doctest examples (``>>>`` lines and the output under them) become ``pycon`` code blocks, so that
  ``x[0]["after"]`` is code, not a Markdown link;
- reST roles become code: ``:func:`~textmend.mend``` -> ``mend``, ``:class:`Pipeline``` -> ``Pipeline``;
- a paragraph ending in ``::`` before an indented block ends in ``:``.

Listed in mkdocs.yml as ``doc_markup`` (``make docs`` puts ``tools/`` on the path).
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

__all__ = ["DocMarkup", "makeExtension", "plain_markdown"]

_ROLE = re.compile(r":(?:func|class|meth|mod|data|attr|exc|obj):`~?([^`]+)`")
_FENCE = re.compile(r"^\s*(```|~~~)")


def plain_markdown(lines: list[str]) -> list[str]:
    """The docstring ``lines`` with doctests fenced and reST roles as code.

    >>> plain_markdown(["Use :func:`~textmend.mend`::", "", ">>> f()[0]", "1", "", "after"])
    ['Use `mend`:', '', '```pycon', '>>> f()[0]', '1', '```', '', 'after']
    """
    result: list[str] = []
    in_fence = False
    in_doctest = False
    indent = ""
    for line in lines:
        if in_doctest:
            if line.strip() and line.startswith(indent):
                result.append(line)
                continue
            result.append(f"{indent}```")
            in_doctest = False
        if _FENCE.match(line):
            in_fence = not in_fence
            result.append(line)
            continue
        if not in_fence and line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            result.extend([f"{indent}```pycon", line])
            in_doctest = True
            continue
        if not in_fence:
            line = _ROLE.sub(lambda match: f"`{match.group(1).rpartition('.')[2]}`", line)
            if line.rstrip().endswith("::") and not line.strip().startswith("::"):
                line = line.rstrip()[:-1]
        result.append(line)
    if in_doctest:
        result.append(f"{indent}```")
    return result


class _Preprocessor(Preprocessor):  # type: ignore[misc]  # markdown has no type hints
    def run(self, lines: list[str]) -> list[str]:
        return plain_markdown(lines)


class DocMarkup(Extension):  # type: ignore[misc]  # markdown has no type hints
    """Register the preprocessor before the fenced-code one."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_Preprocessor(md), "doc_markup", 40)


def makeExtension(**kwargs: object) -> DocMarkup:
    """The entry point Markdown looks for."""
    return DocMarkup(**kwargs)
