"""The built-in fixers; importing this package registers them."""

from .ascii import AsciiFixer
from .entities import EntityFixer
from .ftfy_fixer import FtfyFixer
from .teasers import TeaserFixer
from .titles import DuplicateTitle
from .words import RunTogetherWords

__all__ = [
    "AsciiFixer",
    "DuplicateTitle",
    "EntityFixer",
    "FtfyFixer",
    "RunTogetherWords",
    "TeaserFixer",
]
