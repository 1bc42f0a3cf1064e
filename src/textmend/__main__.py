"""``python -m textmend``: the same as the ``textmend`` command."""

from .cli import run

run()
