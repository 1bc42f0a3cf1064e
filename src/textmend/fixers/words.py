"""``words``: put back the spaces a scraper deleted between words.

``are usedfor pain`` becomes ``are used for pain`` and ``music.The`` becomes ``music. The``, but a
word that is a word (``therapist``, ``nevertheless``) or that the document itself uses elsewhere is
never split.

>>> from textmend import Pipeline
>>> Pipeline(["words"])("are usedfor pain; the therapist saw it.The end")
'are used for pain; the therapist saw it. The end'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..fixer import Findings, Fixer, Pattern, register
from ..lexicon import zipf
from ..model import Edit

# A lowercase word standing alone: not part of a URL, an address, a path or an identifier, and not
# the name of an entity that lost its "&" ("rdquo;" the entities fixer chose to leave). Nor a word
# glued to the next sentence ("reedom?Does"): that is _MISSING_SPACE's to judge, as a whole.
_LOWER_TOKEN = regex.compile(r"(?<![\w@/.#\\&\-])[a-z]{5,40}(?![\w@/\\&\-;]|[.:!?][\w/])")
# "music.The": a lowercase word, a full stop, a capitalised word, with no space between.
_MISSING_SPACE = regex.compile(r"(?<![\w@/.#\\&\-])([a-z]{2,40})([.!?])([A-Z][a-z]{1,40})(?![\w@/.\\\-])")


@register
@dataclass(frozen=True)
class RunTogetherWords(Fixer):
    """Split glued lowercase words and put a space after sentence punctuation that lost it.

    ``min_zipf`` is how common each part of a split must be; ``max_joined_zipf`` how rare the joined
    form must be for a split to be considered at all; ``language`` picks the wordfreq list.
    """

    name: ClassVar[str] = "words"
    gate: ClassVar[Pattern | None] = regex.compile(r"[a-z]{5}|[a-z][.!?][A-Z]")

    language: str = "en"
    min_zipf: float = 3.0
    max_joined_zipf: float = 1.0

    def find(self, text: str, found: Findings) -> Iterator[Edit]:
        seen: dict[str, bool] = {}
        edits: list[Edit] = []
        for match in _LOWER_TOKEN.finditer(text):
            token = match.group()
            if token in seen:
                seen[token] = True
                continue
            seen[token] = False
            split = self._split(token)
            if split is not None:
                edits.append(Edit(match.start() + split, match.start() + split, " ", _why(token, split)))
        # A token the document also uses elsewhere is a word of its own: do not split it.
        repeated = {token for token, again in seen.items() if again}
        yield from (e for e in edits if _token_at(text, e.start) not in repeated)
        for match in _MISSING_SPACE.finditer(text):
            left, right = match.group(1), match.group(3)
            if (
                zipf(left, self.language) >= self.min_zipf
                and zipf(right.lower(), self.language) >= self.min_zipf
            ):
                yield Edit(match.end(2), match.end(2), " ", f"no space after {match.group(2)!r}")

    def _split(self, token: str) -> int | None:
        """Where to split ``token`` in two common words, or ``None`` if it should stay whole."""
        if zipf(token, self.language) > self.max_joined_zipf:
            return None
        best: tuple[float, int] | None = None
        for cut in range(2, len(token) - 1):
            score = min(zipf(token[:cut], self.language), zipf(token[cut:], self.language))
            if score >= self.min_zipf and (best is None or score > best[0]):
                best = (score, cut)
        return None if best is None else best[1]


def _why(token: str, cut: int) -> str:
    return f"{token!r} is no word; {token[:cut]!r} and {token[cut:]!r} are common words"


def _token_at(text: str, position: int) -> str:
    start = position
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = position
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]
