"""The bundled scraped article, mended ideally (issue 2's contract)."""

from __future__ import annotations

import textmend
from textmend import Teaser, apply_changes, revert_changes

TITLE = (
    "Do Opioid Receptors 'Reset' When Ceasing Regular Opioid Use? Exploring Post-Abstinence Pain Management"
)
TEASER_TITLES = [
    "The Dangers of Inserting TOILET PAPER Internally: Understanding the Risks of Fissures and "
    "Toxic Shock Syndrome",
    "Does the ACLU Support Religious Freedom?",
]
SNIPPETS = [
    "The Dangers of Inserting TOILET PAPER Internally: Understanding the Risks of Fis",
    "Does the ACLU Support Religious Freedom? The ACLU (American Civil Liberties Unio",
]


def expected_text(raw: str) -> str:
    """The ideal body, derived from the raw article by the edits the issue lists and no others."""
    lines = raw.split("\n")
    assert lines[-6:] == ["-", TEASER_TITLES[0], SNIPPETS[0], "-", TEASER_TITLES[1], SNIPPETS[1]]
    body = "\n".join(lines[1:-6])  # the first line is the duplicate title; the last six the teasers
    for damaged, mended in [
        ("rsquo;resetrsquo;", "\u2019reset\u2019"),
        ("lsquo;resettingrsquo;", "\u2018resetting\u2019"),
        ("Letrsquo;s", "Let\u2019s"),
        ("personrsquo;s", "person\u2019s"),
        ("individualrsquo;s", "individual\u2019s"),
        ("bodyrsquo;s", "body\u2019s"),
        ("are usedfor pain", "are used for pain"),
    ]:
        assert damaged in body
        body = body.replace(damaged, mended)
    return body


def test_title_is_the_second_line_and_the_first_is_dropped(sample_text: str) -> None:
    document = textmend.mend_document(sample_text)
    assert document.title == TITLE == sample_text.split("\n")[1]
    assert document.text.startswith(TITLE + "\nThe question of whether")


def test_text_is_exactly_the_ideal_body(sample_text: str) -> None:
    document = textmend.mend_document(sample_text)
    assert document.text == expected_text(sample_text)
    assert document.text.endswith("...long-term opioid use."[3:])
    assert "rsquo;" not in document.text and "lsquo;" not in document.text


def test_teasers_are_returned_in_order_with_snippets_as_found(sample_text: str) -> None:
    teasers = textmend.mend_document(sample_text).teasers
    assert [t.title for t in teasers] == TEASER_TITLES
    assert [t.snippet for t in teasers] == SNIPPETS
    assert all(t.truncated for t in teasers)
    assert all(isinstance(t, Teaser) and t.separator == "-" for t in teasers)
    assert teasers[1].excerpt == "The ACLU (American Civil Liberties Unio"


def test_every_change_is_accounted_for(sample_text: str) -> None:
    document = textmend.mend_document(sample_text)
    assert apply_changes(sample_text, document.changes) == document.text
    assert revert_changes(document.text, document.changes) == sample_text
    by_fixer = {}
    for change in document.changes:
        assert sample_text[change.start : change.end] == change.before
        by_fixer[change.fixer] = by_fixer.get(change.fixer, 0) + 1
    assert by_fixer == {"titles": 1, "entities": 11, "words": 1, "teasers": 1}


def test_mending_again_changes_nothing(sample_text: str) -> None:
    once = textmend.mend(sample_text)
    assert textmend.mend(once) == once


def test_quotes_become_ascii_only_when_asked(sample_text: str) -> None:
    text = textmend.DEFAULT.enable("ascii")(sample_text)
    assert "Let's delve" in text and "\u2019" not in text
    merged = [
        c
        for c in textmend.DEFAULT.enable("ascii").mend_document(sample_text).changes
        if c.fixer == "entities+ascii"
    ]
    assert merged and merged[0].before == "rsquo;" and merged[0].after == "'"
