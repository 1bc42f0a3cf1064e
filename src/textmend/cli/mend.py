"""``textmend mend FILE`` (or just ``textmend FILE``): mend one text and print it, as JSON, or explained."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from ..model import Change, Document
from .options import EXIT_OK, add_model_options, model_line, pipeline_from_args

__all__ = ["InputError", "add_parser", "evidence_text", "explain", "read_text", "run"]


class InputError(Exception):
    """The input could not be read; the message says which and why."""


def add_parser(subparsers: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "mend",
        parents=parents,
        help="mend one text file (the default: `textmend FILE` is `textmend mend FILE`)",
        description="Mend one UTF-8 text and print the result. Exit status: 0 done, 1 the input cannot "
        "be read, 2 a usage error.",
    )
    parser.add_argument("file", nargs="?", default="-", help="a UTF-8 text file, or - for stdin (default)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print text, title, teasers and changes as JSON")
    output.add_argument(
        "--explain",
        action="store_true",
        help="print each change (where, fixer, kind, before -> after, why, the evidence numbers)",
    )
    add_model_options(parser, fit=False)
    parser.set_defaults(command=run)


def read_text(path: str) -> str:
    """The text of ``path`` (``-`` for stdin), decoded as strict UTF-8, newlines untranslated."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid UTF-8 at byte {error.start}; convert it to UTF-8 first"
        ) from None


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def explain(text: str, changes: Sequence[Change], out: TextIO) -> None:
    """Write one line per change: ``line:column fixer kind: 'before' -> 'after'  (reason)  [evidence]``,
    the evidence as ``name=number`` pairs, the numbers that decided the change."""
    for change in changes:
        reason = f"  ({change.reason})" if change.reason else ""
        before = change.before if len(change.before) <= 60 else change.before[:57] + "..."
        label = f"{change.fixer} {change.kind}" if change.kind else change.fixer
        evidence = f"  [{evidence_text(change)}]" if change.evidence else ""
        out.write(
            f"{_position(text, change.start)} {label}: {before!r} -> {change.after!r}{reason}{evidence}\n"
        )


def evidence_text(change: Change) -> str:
    """A change's evidence as ``name=number`` pairs, in name order, numbers to 3 significant digits.

    >>> evidence_text(Change("words", 0, 7, "usedfor", "used for", evidence={"junction": 3.8141, "n": 2.0}))
    'junction=3.81 n=2'
    """
    return " ".join(f"{name}={value:.3g}" for name, value in sorted(change.evidence.items()))


def _render(document: Document, source: str, args: argparse.Namespace, out: TextIO, header: str) -> None:
    if args.json:
        json.dump(document.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.explain:
        out.write(header)
        explain(source, document.changes, out)
    else:
        out.write(document.text)


def run(args: argparse.Namespace) -> int:
    pipeline = pipeline_from_args(args)
    source = read_text(args.file)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8", newline="")
    _render(pipeline.mend_document(source), source, args, out, model_line(pipeline))
    out.flush()
    return EXIT_OK
