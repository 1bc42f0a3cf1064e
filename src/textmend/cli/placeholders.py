"""``textmend fit``: named now, so that the command set is fixed; not yet built."""

from __future__ import annotations

import argparse
import sys

from .options import EXIT_USAGE

__all__ = ["add_parsers"]

_PLANNED = {
    "fit": "learn a model of a corpus's damage (its words, its teasers) for the fixers to use",
}


def add_parsers(subparsers: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    for name, purpose in _PLANNED.items():
        parser = subparsers.add_parser(
            name,
            parents=parents,
            help=f"(not yet) {purpose}",
            description=f"Not built yet: {purpose}. Exits with status 2.",
        )
        parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
        parser.set_defaults(command=_not_yet, planned=name)


def _not_yet(args: argparse.Namespace) -> int:
    sys.stderr.write(
        f"textmend: not yet: `textmend {args.planned}` is planned but not built in this version\n"
    )
    return EXIT_USAGE
