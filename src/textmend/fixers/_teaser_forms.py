"""The tables the ``teasers`` fixer reads: heading phrases, read-more labels, bullets and cut marks.

These are data, not code paths. A user extends them through the fixer's options
(``TeaserFixer(headings=("Lies auch",))``); the defaults below cover English, German, French and
Spanish, with a few Italian, Portuguese and Dutch phrases. Phrases are matched case-insensitively, the
whole line, an optional ``:`` after them.

The phrases were written from general knowledge of how news sites label their link blocks; no list
was copied from another project.
"""

from __future__ import annotations

__all__ = [
    "BULLETS",
    "CUT_MARKS",
    "HEADINGS",
    "HEADING_PREFIXES",
    "LABELS",
    "SEPARATORS",
]

#: Lines that introduce a block of links to other articles (the whole line, ``:`` optional).
HEADINGS: tuple[str, ...] = (
    # English
    "Related",
    "Related articles",
    "Related stories",
    "Related posts",
    "Related content",
    "Related coverage",
    "Related links",
    "Related reading",
    "Related news",
    "Related topics",
    "Read more",
    "Read next",
    "Read also",
    "Also read",
    "Also on",
    "See also",
    "Further reading",
    "More reading",
    "You may also like",
    "You might also like",
    "You may like",
    "You may have missed",
    "You might have missed",
    "You may be interested in",
    "You might be interested in",
    "Recommended",
    "Recommended for you",
    "Recommended reading",
    "Recommended stories",
    "Recommended articles",
    "Most popular",
    "Most read",
    "Most viewed",
    "Most shared",
    "Popular",
    "Popular now",
    "Popular stories",
    "Popular posts",
    "Trending",
    "Trending now",
    "Trending stories",
    "Top stories",
    "Latest news",
    "Latest stories",
    "Editor's picks",
    "Editors' picks",
    "Editor\u2019s picks",
    "More stories",
    "More articles",
    "More news",
    "More like this",
    "Don't miss",
    "Don\u2019t miss",
    "In case you missed it",
    "What to read next",
    "Keep reading",
    "Up next",
    "Around the web",
    # German
    "Mehr zum Thema",
    "Das k\u00f6nnte Sie auch interessieren",
    "Das k\u00f6nnte dich auch interessieren",
    "Auch interessant",
    "Lesen Sie auch",
    "Lies auch",
    "Weitere Artikel",
    "Verwandte Artikel",
    "Meistgelesen",
    "Meistgelesene Artikel",
    "Empfohlene Artikel",
    "Zum Weiterlesen",
    "Weiterlesen",
    "Top-Artikel",
    # French
    "\u00c0 lire aussi",
    "A lire aussi",
    "Lire aussi",
    "\u00c0 lire \u00e9galement",
    "Lire la suite",
    "Sur le m\u00eame sujet",
    "Articles similaires",
    "Articles li\u00e9s",
    "Vous aimerez aussi",
    "Vous pourriez aussi aimer",
    "Les plus lus",
    "Les plus populaires",
    "\u00c0 voir aussi",
    "Voir aussi",
    "Nos articles recommand\u00e9s",
    # Spanish
    "Te puede interesar",
    "Tambi\u00e9n te puede interesar",
    "Le puede interesar",
    "Tambi\u00e9n le puede interesar",
    "Lee tambi\u00e9n",
    "Lea tambi\u00e9n",
    "Leer m\u00e1s",
    "Noticias relacionadas",
    "Art\u00edculos relacionados",
    "Lo m\u00e1s le\u00eddo",
    "Lo m\u00e1s visto",
    "M\u00e1s noticias",
    "Recomendados",
    "Ver tambi\u00e9n",
    # Italian, Portuguese, Dutch
    "Leggi anche",
    "Articoli correlati",
    "I pi\u00f9 letti",
    "Leia tamb\u00e9m",
    "Leia mais",
    "Not\u00edcias relacionadas",
    "Mais lidas",
    "Lees ook",
    "Meer nieuws",
    "Meest gelezen",
)

#: Phrases that start a heading naming a section or the site: ``More from Business:``.
HEADING_PREFIXES: tuple[str, ...] = (
    "More from",
    "More on",
    "More about",
    "More in",
    "Latest from",
    "Also on",
    "Mehr aus",
    "Mehr von",
    "Plus de",
    "M\u00e1s de",
    "M\u00e1s sobre",
)

#: Labels that put one linked title on the same line: ``Read more: City approves budget``.
LABELS: tuple[str, ...] = (
    "Read more",
    "Read also",
    "Also read",
    "Related",
    "Related article",
    "Related story",
    "Related content",
    "Related coverage",
    "See also",
    "Read next",
    "More",
    "Recommended",
    "Don't miss",
    "Don\u2019t miss",
    "Mehr zum Thema",
    "Lesen Sie auch",
    "Lies auch",
    "Auch interessant",
    "\u00c0 lire aussi",
    "A lire aussi",
    "Lire aussi",
    "\u00c0 voir aussi",
    "Voir aussi",
    "Lee tambi\u00e9n",
    "Lea tambi\u00e9n",
    "Leer m\u00e1s",
    "Te puede interesar",
    "Leggi anche",
    "Leia tamb\u00e9m",
    "Lees ook",
)

#: Marks that start an item in a list of titles (a space follows them); numbers (``1.``, ``2)``) too.
BULLETS: tuple[str, ...] = (
    "-",
    "\u2022",
    "*",
    "\u2013",
    "\u2014",
    "\u00b7",
    "\u25aa",
    "\u25cf",
    "\u25ba",
    "\u25b6",
    ">",
    "\u00bb",
)

#: Marks a site puts where it cut a snippet short.
CUT_MARKS: tuple[str, ...] = ("...", "\u2026", "[...]", "[\u2026]", "(...)", "(\u2026)")

#: Lines that separate teaser blocks of the seed form (after stripping).
SEPARATORS: tuple[str, ...] = ("-", "\u2013", "\u2014", "*")
