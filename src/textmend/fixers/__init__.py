"""The built-in fixers; importing this package registers them."""

from .ascii import AsciiPunctuation
from .entities import EntityFixer
from .ftfy_fixer import FtfyFixer
from .teasers import TeaserFixer
from .titles import DuplicateTitle
from .words import WordsFixer

__all__ = [
    "AsciiPunctuation",
    "DuplicateTitle",
    "EntityFixer",
    "FtfyFixer",
    "TeaserFixer",
    "WordsFixer",
]
