"""The built-in fixers; importing this package registers them."""

from .ascii import AsciiFixer
from .entities import EntityFixer
from .ftfy import FtfyFixer
from .teasers import TeaserFixer
from .titles import TitlesFixer
from .words import WordsFixer

__all__ = [
    "AsciiFixer",
    "EntityFixer",
    "FtfyFixer",
    "TeaserFixer",
    "TitlesFixer",
    "WordsFixer",
]
