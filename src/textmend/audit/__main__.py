"""``python -m textmend.audit IN... -o report.html``: the audit command on its own."""

import sys

from .command import main

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(main())
