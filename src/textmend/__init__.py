"""textmend: mend text scraped from the web.

>>> import textmend
>>> textmend.mend("Letrsquo;s see how they are usedfor pain.")
'Let’s see how they are used for pain.'
"""

from __future__ import annotations

from . import fixers as _fixers  # noqa: F401  (registers the built-in fixers)
from .changes import FixerError, apply_changes, revert_changes
from .fixer import Findings, Fixer, fixer_class, register, registered_fixers
from .model import Change, Document, Edit, Teaser
from .pipeline import DEFAULT_STEPS, OPT_IN_STEPS, Pipeline, Step, check_text

__version__ = "0.1.0"

#: The default pipeline, used by :func:`mend` and :func:`mend_document`.
DEFAULT = Pipeline(DEFAULT_STEPS).disable(*OPT_IN_STEPS)


def mend_document(text: str) -> Document:
    """Mend ``text`` with the default pipeline; return text, title, teasers and changes."""
    return DEFAULT.mend_document(check_text(text))


def mend(text: str) -> str:
    """Mend ``text`` with the default pipeline; return the mended body text."""
    return DEFAULT.mend_document(check_text(text)).text


__all__ = [
    "DEFAULT",
    "Change",
    "Document",
    "Edit",
    "Findings",
    "Fixer",
    "FixerError",
    "Pipeline",
    "Step",
    "Teaser",
    "__version__",
    "apply_changes",
    "fixer_class",
    "mend",
    "mend_document",
    "register",
    "registered_fixers",
    "revert_changes",
]
