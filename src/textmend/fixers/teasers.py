"""``teasers``: take trailing related-article blocks out of the body and return them as data.

A teaser block is a separator line (``-``), a title line, and a snippet line that repeats the title
and runs into the linked article, often cut at a fixed width.

>>> from textmend import Pipeline
>>> doc = Pipeline(["teasers"]).mend_document("Body.\\n-\\nA Title\\nA Title Its first words are he")
>>> doc.text, doc.teasers[0].title, doc.teasers[0].excerpt
('Body.', 'A Title', 'Its first words are he')
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..fixer import Findings, Fixer, Pattern, register
from ..model import Edit, Teaser

SEPARATORS = frozenset({"-", "\u2014", "*"})


@register
@dataclass(frozen=True)
class TeaserFixer(Fixer):
    """Remove the trailing run of ``separator / title / snippet`` blocks; record each as a Teaser."""

    name: ClassVar[str] = "teasers"
    gate: ClassVar[Pattern | None] = regex.compile(r"\n[ \t]*[-\u2014*][ \t]*\n")

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        lines = text.split("\n")
        end = len(lines)
        blocks: list[tuple[str, str, str]] = []
        while True:
            # Blank lines may stand between blocks; leaving them there would leave a block for a
            # second run to find.
            top = end
            while top > 0 and not lines[top - 1].strip():
                top -= 1
            if top < 3:
                break
            separator, title, snippet = (line.strip() for line in lines[top - 3 : top])
            # The snippet repeats the title, or is the title cut short.
            if (
                separator not in SEPARATORS
                or not title
                or not snippet
                or not (snippet.startswith(title) or title.startswith(snippet))
            ):
                break
            blocks.append((separator, title, snippet))
            end = top - 3
        blocks.reverse()
        if not blocks or end == 0 or (len(blocks) == 1 and blocks[0][1] == blocks[0][2]):
            return
        widths = {len(snippet) for _, title, snippet in blocks if snippet != title}
        fixed_width = len(widths) == 1 and len(blocks) > 1
        for separator, title, snippet in blocks:
            truncated = snippet != title and (fixed_width or snippet[-1:].isalnum())
            excerpt = snippet[len(title) :].strip()  # "" when the cut fell inside the title
            found.teasers.append(Teaser(title, snippet, truncated, excerpt, separator))
        body_end = sum(len(line) + 1 for line in lines[:end]) - 1
        yield Edit(body_end, len(text), "", f"{len(blocks)} trailing teaser block(s)")
