"""textmend's version, in one place: the package root, the command line and every output's provenance
read it from here."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
