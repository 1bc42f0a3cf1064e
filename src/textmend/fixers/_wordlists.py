"""The tables of the ``words`` fixer, per language: function words, word-forming affixes, neighbours.

Written for this project from grammar-book knowledge (closed word classes, productive affixes); no word
list is copied from elsewhere. To support a language on purpose, add its entries here (see
docs/languages.md); a language without entries falls back to wordfreq's frequencies alone.
"""

from __future__ import annotations

import html.entities
import re

__all__ = [
    "AFTER_DOT",
    "COMPOUNDING",
    "COMPOUND_HEADS",
    "ENTITY_REMNANT",
    "FUNCTION_WORDS",
    "NEIGHBOURS",
    "NEVER_PROSE_NAMES",
    "PARTICLES",
    "PREFIXES",
    "REFERENCE_NAMES",
    "SUFFIXES",
]

#: Word-forming prefixes per language: split after one only when the rest is a very common word
#: (``in the`` but not ``incurious``, ``for the`` but not ``forbad``).
PREFIXES: dict[str, frozenset[str]] = {
    "en": frozenset("as at be by down for fore in off on out over so under up with after".split()),  # noqa: SIM905
}
#: Particles that close up compounds after a word per language (``setup``, ``rollout``, ``teardown``,
#: ``takeoff``, ``callback``, ``rustup``): a split before one, after a content word, asks for more.
PARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset("up out down off back away".split()),  # noqa: SIM905
}
#: Words that head compounds with function words (``thereof``, ``whereby``, ``somehow``): a split after
#: one always asks for more.
COMPOUND_HEADS: dict[str, frozenset[str]] = {
    "en": frozenset("any every here how some there what when where who".split()),  # noqa: SIM905
}
#: Function words per language (closed classes: articles, pronouns, prepositions, conjunctions,
#: auxiliaries, numerals); other languages count any word as common as "the" or "of" (Zipf >= 6).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "a an the this that these those some any each every either neither no all both half few many much"  # noqa: SIM905
        " more most several such what which whose whom who i me my mine myself you your yours yourself he him"
        " his himself she her hers herself it its itself we us our ours ourselves they them their theirs"
        " themselves of to in on at by for from with without within about above below under over into onto"
        " upon out off up down through across after before behind beside besides between beyond during"
        " except near since than till until toward towards against among around along and or but nor so yet"
        " if then else because although though while whereas unless whether as am is are was were be been"
        " being have has had having do does did doing will would shall should can could may might must ought"
        " not never also very too quite rather just only even still already again ever here there now how"
        " when where why one two three four five six seven eight nine ten hundred thousand first second last"
        " next other another same own".split()
    ),
}
#: Languages whose words turn up in text of another language: a token common in one is left alone.
NEIGHBOURS = ("en", "fr", "es", "it", "de", "pt")
#: Word-forming suffixes per language: split before one only after a very common word
#: (``the way`` but not ``gentlemanlike``).
SUFFIXES: dict[str, frozenset[str]] = {
    "en": frozenset(
        "able est ever fold ful hood ish less like ly man men most ness one self ship some thing ward wards"  # noqa: SIM905
        " way ways where wise".split()
    ),
}
#: Languages that write compound nouns as one word: there every junction needs a function word.
COMPOUNDING = frozenset({"de", "nl", "sv", "da", "nb", "fi", "hu", "is", "el"})

# Top-level domains and file extensions that look like capitalised words after a dot ("Amazon.Com").
AFTER_DOT = frozenset(
    "com net org edu gov info biz co io uk tv us txt png pdf jpg jpeg gif svg html htm doc docx xls xlsx"  # noqa: SIM905
    " csv json xml exe zip mp3 mp4 md py js css php".split()
)

# An HTML entity name that lost its "&" (and ";"), which the ``entities`` fixer may restore: a token that
# holds one is left alone. Typographic names no English word contains anywhere ("Letrsquo", "rsquos");
# "quot" and "apos" where no word goes on ("quote", "apostle"); "&" written as "and" before a name
# ("andamp", "Randamp"), and "amp" nested before one ("ampnbsp"). A letter's "circ" only where no English
# word goes on ("circle", "circuit", "circa", "circumstance": "thecircumstance" is glue).
NEVER_PROSE_NAMES = (
    r"[lr]s?[ad]?quo|[sb]dquo|[lr]aquo|[mn]dash|hellip|nbsp|ensp|emsp|thinsp|zwn?j|middot|iexcl|iquest"
    r"|plusmn|szlig|aelig|oelig|permil|frasl|brvbar|[a-z](?:acute|grave|circ(?![aelu])|uml|tilde|cedil|slash)"
)
#: Every HTML5 entity name that is written with a ";", without it, and the text it stands for
#: (``"rsquo": "’"``): what the ``entities`` fixer decodes, and, after an ``and`` before a ";", what the
#: ``words`` fixer leaves whole (``andalpha;``: an ``&`` that became ``and``).
REFERENCE_NAMES: dict[str, str] = {
    name[:-1]: text for name, text in html.entities.html5.items() if name.endswith(";")
}
ENTITY_REMNANT = re.compile(
    rf"{NEVER_PROSE_NAMES}|quot(?![aei])|apos(?![ti])|(?:and|amp)(?:amp|lt|gt|quot|apos|{NEVER_PROSE_NAMES})"
)
