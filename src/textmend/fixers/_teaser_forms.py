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
    "ARTICLE_HEADINGS",
    "BULLETS",
    "CUT_MARKS",
    "HEADINGS",
    "HEADING_PREFIXES",
    "LABELS",
    "SEPARATORS",
]

#: Lines that introduce a block of links to other articles and say what follows are articles (stories,
#: posts, news, reading): under one of these, short titles in title case (``Turkey City Lexicon``) are
#: titles, not the names of products a review lists under ``Recommended`` or ``Popular`` (``Further
#: reading`` is left out: it lists books as often as articles).
ARTICLE_HEADINGS: tuple[str, ...] = (
    "Related articles",
    "Related stories",
    "Related posts",
    "Related coverage",
    "Related reading",
    "Related news",
    "Read more",
    "Read next",
    "Read also",
    "Also read",
    "Recommended stories",
    "Recommended articles",
    "Most read",
    "Popular stories",
    "Popular posts",
    "Trending stories",
    "Top stories",
    "Latest news",
    "Latest stories",
    "More stories",
    "More articles",
    "More news",
    "What to read next",
    "Keep reading",
    "Mehr zum Thema",
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
    "\u00c0 lire aussi",
    "A lire aussi",
    "Lire aussi",
    "\u00c0 lire \u00e9galement",
    "Lire la suite",
    "Sur le m\u00eame sujet",
    "Articles similaires",
    "Articles li\u00e9s",
    "Les plus lus",
    "Nos articles recommand\u00e9s",
    "Lee tambi\u00e9n",
    "Lea tambi\u00e9n",
    "Leer m\u00e1s",
    "Noticias relacionadas",
    "Art\u00edculos relacionados",
    "Lo m\u00e1s le\u00eddo",
    "M\u00e1s noticias",
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

#: Other lines that introduce a block of links (the whole line, ``:`` optional).
_OTHER_HEADINGS: tuple[str, ...] = (
    # English
    "Related",
    "Related content",
    "Related links",
    "Related topics",
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
    "Most popular",
    "Most viewed",
    "Most shared",
    "Popular",
    "Popular now",
    "Trending",
    "Trending now",
    "Editor's picks",
    "Editors' picks",
    "Editor\u2019s picks",
    "More like this",
    "Don't miss",
    "Don\u2019t miss",
    "In case you missed it",
    "Up next",
    "Around the web",
    # German
    "Das k\u00f6nnte Sie auch interessieren",
    "Das k\u00f6nnte dich auch interessieren",
    "Auch interessant",
    # French
    "Vous aimerez aussi",
    "Vous pourriez aussi aimer",
    "Les plus populaires",
    "\u00c0 voir aussi",
    "Voir aussi",
    # Spanish
    "Te puede interesar",
    "Tambi\u00e9n te puede interesar",
    "Le puede interesar",
    "Tambi\u00e9n le puede interesar",
    "Lo m\u00e1s visto",
    "Recomendados",
    "Ver tambi\u00e9n",
)

#: Lines that introduce a block of links to other articles (the whole line, ``:`` optional).
HEADINGS: tuple[str, ...] = ARTICLE_HEADINGS + _OTHER_HEADINGS

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
