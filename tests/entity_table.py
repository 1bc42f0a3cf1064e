"""The whole space of damaged references: every HTML5 name and numeric form, in every damage form and
context, for the full-table tests (``tests/test_entity_table.py``), ``make fuzz`` and the benchmarks.

A text is built as ``CONTEXTS[context].format(damaged=FORMS[form](reference))``; ``reference`` is an
entry of :data:`REFERENCES` (``rsquo;``, ``rsquo``, ``#39;``, ``#xD800;``).
"""

from __future__ import annotations

import html.entities
from collections.abc import Callable, Iterator

__all__ = ["CONTEXTS", "FORMS", "NUMBERS", "OTHER_DAMAGE", "REFERENCES", "texts"]

#: Numeric forms: ASCII, typographic, hexadecimal, out of range, surrogates, controls and zero.
NUMBERS: tuple[str, ...] = (
    "#39;", "#x27;", "#X27;", "#34;", "#38;", "#60;", "#62;", "#8217;", "#x2019;", "#146;", "#151;",
    "#233;", "#xE9;", "#0;", "#x0;", "#13;", "#10;", "#9;", "#127;", "#128;", "#x80;", "#159;",
    "#55296;", "#xD800;", "#xDFFF;", "#65535;", "#xFFFE;", "#1114111;", "#1114112;", "#x110000;",
    "#9999999;", "#xFFFFFF;", "#65;", "#x41;", "#12288;", "#xFF01;", "#64257;", "#173;", "#8203;",
)  # fmt: skip

_NAMES = sorted({name.rstrip(";") for name in html.entities.html5})

#: Every HTML5 name with and without its ``;``, then every numeric form.
REFERENCES: tuple[str, ...] = (*[f"{name};" for name in _NAMES], *_NAMES, *NUMBERS)

#: How a scraper damaged the reference: what stands where ``&reference`` was, with the word before it.
FORMS: dict[str, Callable[[str], str]] = {
    "dropped": lambda reference: f"Word{reference}",
    "space": lambda reference: f"Word {reference}",
    "and": lambda reference: f"Wordand{reference}",
    "double-escaped": lambda reference: f"Word&amp;{reference}",
    "nested": lambda reference: f"Wordamp;amp;{reference}",
}

#: Where the damaged reference stands.
CONTEXTS: dict[str, str] = {
    "start": "{damaged}s were seen here.",
    "end": "They were seen here: {damaged}",
    "after punctuation": "They said,{damaged} and left.",
    "inside a word": "They were {damaged}xyz here.",
    "before a newline": "They were {damaged}\nNext line here.",
    "before <": "They were {damaged}<b>bold</b> here.",
}

#: Other damaged references in the same document: evidence of both dropped and spaced damage.
OTHER_DAMAGE = "Letrsquo;s go, it doesn #39;t matter.\n"


def texts(form: str, context: str, other_damage: bool) -> Iterator[tuple[str, str]]:
    """Every ``(reference, text)`` for one form and context."""
    make, template = FORMS[form], CONTEXTS[context]
    prefix = OTHER_DAMAGE if other_damage else ""
    for reference in REFERENCES:
        yield reference, prefix + template.format(damaged=make(reference))
