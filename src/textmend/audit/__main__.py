"""``python -m textmend.audit IN... -o report.html``: the audit command on its own.

:func:`main` is ``textmend audit``: the same parser, fixer options and messages.
"""

import sys
from collections.abc import Iterable

from ..cli import main as command_line

__all__ = ["main"]


def main(argv: Iterable[str] | None = None) -> int:
    """``textmend audit`` with ``argv`` (default ``sys.argv[1:]``); the exit status.

    ``main(["crawl.jsonl", "-o", "report.html"])``
    """
    return command_line(["audit", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
