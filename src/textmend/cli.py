"""The ``textmend`` command: mend one text file (or standard input) and print the result.

    textmend article.txt                 # the mended text on stdout
    textmend --json article.txt          # text, title, teasers and changes as JSON
    textmend --explain - < article.txt   # one line per change: where, which fixer, before -> after
    textmend --disable words,teasers article.txt
    textmend clean crawl.jsonl.gz -o mended.jsonl.gz   # a whole corpus: see textmend.corpus_cli

Exit status: 0 on success, 1 when the input cannot be read, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from . import DEFAULT, __version__
from .fixer import registered_fixers
from .model import Change, Document
from .pipeline import Pipeline

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class InputError(Exception):
    """The input could not be read; the message says which and why."""


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textmend",
        description="Mend text scraped from the web: stripped HTML entities, run-together words, "
        "trailing link teasers and duplicated titles.",
        epilog="To mend a whole corpus file (JSONL, Parquet, text): textmend clean IN -o OUT; "
        "see textmend clean --help.",
    )
    parser.add_argument("file", nargs="?", default="-", help="a UTF-8 text file, or - for stdin")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print text, title, teasers and changes as JSON")
    output.add_argument("--explain", action="store_true", help="print each change instead of the text")
    parser.add_argument(
        "--pipeline", type=_names, metavar="NAMES", help="comma-separated fixers to run, in order"
    )
    parser.add_argument("--enable", type=_names, default=[], metavar="NAMES", help="switch fixers on")
    parser.add_argument("--disable", type=_names, default=[], metavar="NAMES", help="switch fixers off")
    parser.add_argument(
        "--list-fixers", action="store_true", help="list the fixers and whether they run by default"
    )
    parser.add_argument("--version", action="version", version=f"textmend {__version__}")
    return parser


def pipeline_from_args(
    parser: argparse.ArgumentParser,
    pipeline: list[str] | None,
    enable: list[str],
    disable: list[str],
) -> Pipeline:
    """The pipeline that ``--pipeline``, ``--enable`` and ``--disable`` ask for."""
    try:
        chosen = DEFAULT if pipeline is None else Pipeline(pipeline)
        return chosen.enable(*enable).disable(*disable)
    except (KeyError, ValueError) as error:
        parser.error(str(error.args[0] if error.args else error))


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
        raise InputError(f"{path}: not valid UTF-8 at byte {error.start}") from None


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def explain(text: str, changes: Sequence[Change], out: TextIO) -> None:
    """Write one line per change: ``line:column fixer: 'before' -> 'after'  (reason)``."""
    for change in changes:
        reason = f"  ({change.reason})" if change.reason else ""
        before = change.before if len(change.before) <= 60 else change.before[:57] + "..."
        out.write(f"{_position(text, change.start)} {change.fixer}: {before!r} -> {change.after!r}{reason}\n")


def render(document: Document, source: str, args: argparse.Namespace, out: TextIO) -> None:
    if args.json:
        json.dump(document.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.explain:
        explain(source, document.changes, out)
    else:
        out.write(document.text)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == ["clean"]:
        from . import corpus_cli

        return corpus_cli.main(arguments[1:])
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.list_fixers:
        for step in DEFAULT.steps:
            state = "on" if step.enabled else "off"
            doc = (type(step.fixer).__doc__ or "").strip().splitlines()[0]
            sys.stdout.write(f"{step.name:10} {state:4} {doc}\n")
        for name in registered_fixers():
            if name not in DEFAULT:
                sys.stdout.write(f"{name:10} {'-':4} (registered, not in the default pipeline)\n")
        return EXIT_OK
    pipeline = pipeline_from_args(parser, args.pipeline, args.enable, args.disable)
    try:
        source = read_text(args.file)
    except InputError as error:
        sys.stderr.write(f"textmend: {error}\n")
        return EXIT_INPUT
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8", newline="")
    render(pipeline.mend_document(source), source, args, out)
    out.flush()
    return EXIT_OK


def run() -> None:
    """Entry point: :func:`main` with broken pipes and Ctrl-C handled as filters do."""
    try:
        status = main()
    except BrokenPipeError:
        # The reader went away (``textmend big.txt | head``): not an error. Point stdout at
        # /dev/null so that the interpreter's last flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = EXIT_OK
    except KeyboardInterrupt:
        status = 130
    sys.exit(status)
