"""textmend: mend text scraped from the web.

>>> import textmend
>>> textmend.mend("Letrsquo;s see how they are usedfor pain.")
'Let’s see how they are used for pain.'
"""

from __future__ import annotations

from .changes import apply_changes, revert_changes
from .corpus_model import CorpusModel
from .default import DEFAULT, mend, mend_document
from .errors import (
    FixerError,
    ModelFileError,
    RecordError,
    RegistrationError,
    TextmendError,
    UnknownNameError,
)
from .fitting import fit, load_model, save_model
from .fixer import Findings, Fixer, fixer_class, register, registered_fixers
from .model import Change, Document, Edit, Teaser
from .pipeline import Pipeline, Step
from .version import __version__

__all__ = [
    "DEFAULT",
    "Change",
    "CorpusModel",
    "Document",
    "Edit",
    "Findings",
    "Fixer",
    "FixerError",
    "ModelFileError",
    "Pipeline",
    "RecordError",
    "RegistrationError",
    "Step",
    "Teaser",
    "TextmendError",
    "UnknownNameError",
    "__version__",
    "apply_changes",
    "fit",
    "fixer_class",
    "load_model",
    "mend",
    "mend_document",
    "register",
    "registered_fixers",
    "revert_changes",
    "save_model",
]
