"""Records for the audit tests: each kind of damage textmend mends, look-alikes, a hostile document."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, ClassVar

import regex

from textmend import Edit, Findings, Fixer, register

#: A document whose text is markup meant to run if the page ever inserted it as HTML.
HOSTILE = "</script><img src=x onerror=alert(1)> Letrsquo;s <b>bold</b> & \u2028 ok"

TEASERS = (
    "The council approved the new budget on Tuesday after a long debate about school funding.\n"
    "Members said the plan would be reviewed again in the spring.\n"
    "—\nHow the City Plans to Fix Its Roads\nHow the City Plans to Fix Its Roads Potholes have become a f\n"
    "—\nFive Questions About the New Tax Rules\n"
    "Five Questions About the New Tax Rules Starting in January, \n"
    "—\nWhy Bees Matter More Than You Think\nWhy Bees Matter More Than You Think Without pollinators, a t"
)
TITLE = (
    "Do Opioid Receptors 'Reset' When Ceasing Regular Opioid Use? Exploring Post-Abstinence Pain Management\n"
    "Do Opioid Receptors Reset When Ceasing Regular Opioid Use Exploring Post-Abstinence Pain Management\n"
    "The question is a crucial one for anyone living with chronic pain.\nA second paragraph follows."
)

RECORDS: list[dict[str, Any]] = [
    {"id": 1, "url": "https://news.example.org/a/1", "text": "Letrsquo;s see how it is usedfor pain."},
    {
        "id": 2,
        "url": "https://news.example.org/a/2",
        "text": "The caf eacute; doesn #39;t open ldquo;earlyrdquo;.",
    },
    {"id": 3, "url": "http://blog.example.com/p", "text": TEASERS},
    {"id": 4, "url": "http://blog.example.com/q", "text": TITLE},
    {"id": 5, "url": "https://news.example.org/b", "text": "Itâ€™s a cafÃ© on the corner."},
    {"id": 6, "url": "", "text": "Clean prose, a copy; not changed at all."},
    {"id": 7, "url": "https://wiki.example.net/x", "text": HOSTILE},
    {"id": 8, "text": "The therapist used rustup on an iPhone."},
    {
        "id": 9,
        "url": "https://news.example.org/c",
        "text": "He walked intothe room and sat downon the chair.",
    },
]


@register
@dataclasses.dataclass(frozen=True)
class ProbeFixer(Fixer):
    """Marks each `PROBE<digit>` with a kind and a confidence of digit/10 (audit tests only)."""

    name: ClassVar[str] = "audit_probe"
    gate: ClassVar[Any] = regex.compile(r"PROBE\d")

    def find(self, text: str, found: Findings) -> Iterable[Edit]:
        for match in self.gate.finditer(text):
            level = int(match.group()[-1]) / 10
            kind = "probe/low" if level < 0.5 else "probe/high"
            yield Edit(match.start(), match.end(), "probe", "probe", kind, {"confidence": level})
