"""``python -m textmend.audit IN... -o report.html``: the audit command on its own.

:func:`main` is ``textmend audit``: the same parser, fixer options and messages.
"""

import logging
import sys
from collections.abc import Iterable

from ..cli import main as command_line

__all__ = ["main"]


def main(argv: Iterable[str] | None = None) -> int:
    """``textmend audit`` with ``argv`` (default ``sys.argv[1:]``); the exit status.

    ``main(["crawl.jsonl", "-o", "report.html"])``. Called from Python, it leaves the ``textmend``
    logger as it found it (the command line points it at stderr for the run).
    """
    logger = logging.getLogger("textmend")
    handlers, level, propagate = list(logger.handlers), logger.level, logger.propagate
    try:
        return command_line(["audit", *(sys.argv[1:] if argv is None else argv)])
    finally:
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate = propagate


if __name__ == "__main__":
    sys.exit(main())
