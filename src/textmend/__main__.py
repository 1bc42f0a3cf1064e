"""``python -m textmend``: the same as the ``textmend`` command."""

from .cli import run

if __name__ == "__main__":
    run()
