"""The errors textmend raises: one family, each keeping the built-in base callers already catch.

>>> from textmend import Pipeline
>>> try:
...     Pipeline(["shuot"])
... except KeyError as error:
...     print(str(error).partition(';')[0])
no fixer named 'shuot'
"""

from __future__ import annotations

__all__ = [
    "FixerError",
    "ModelFileError",
    "RecordError",
    "RegistrationError",
    "TextmendError",
    "UnknownNameError",
]


class TextmendError(Exception):
    """Base class of every error textmend raises on purpose; its message says what, where, and the way out."""


class FixerError(TextmendError, RuntimeError):
    """A fixer proposed edits that cannot be applied: a bug in that fixer, never bad input."""


class RegistrationError(TextmendError, ValueError):
    """A fixer class cannot be registered: it has no name, a name with ``__``, or a name already taken."""


class RecordError(TextmendError, ValueError):
    """One record cannot be mended (no text field, text not a string, a field clash); the message says why."""


class ModelFileError(TextmendError, ValueError):
    """A file is not a model this textmend reads (another format version, damaged, not a model at all)."""


class UnknownNameError(TextmendError, KeyError):
    """No fixer, step or option of that name; the message lists the known ones.

    A ``KeyError`` still, but printed as its message, without the quotes ``KeyError`` adds.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
