"""The default pipeline, :data:`DEFAULT`, and the functions that use it.

It lives on the edge floor: building it registers the built-in fixers, which the core does not know.
"""

from __future__ import annotations

from . import fixers as _fixers  # noqa: F401  (registers the built-in fixers)
from .model import Document
from .pipeline import DEFAULT_STEPS, OPT_IN_STEPS, Pipeline, check_text

__all__ = ["DEFAULT", "mend", "mend_document"]

#: The default pipeline, used by :func:`mend` and :func:`mend_document`: every built-in fixer in
#: order, the opt-in ones (``ascii``) switched off.
DEFAULT = Pipeline(DEFAULT_STEPS).disable(*OPT_IN_STEPS)


def mend_document(text: str) -> Document:
    """Mend ``text`` with the default pipeline; return text, title, teasers and changes."""
    return DEFAULT.mend_document(check_text(text))


def mend(text: str) -> str:
    """Mend ``text`` with the default pipeline; return the mended body text."""
    return DEFAULT.mend_document(check_text(text)).text
