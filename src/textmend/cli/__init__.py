"""The ``textmend`` command: one text (``textmend FILE``, ``textmend mend FILE``) or a corpus (``clean``).

    textmend article.txt                 # the mended text on stdout
    textmend --json article.txt          # text, title, teasers and changes as JSON
    textmend --explain - < article.txt   # one line per change: where, fixer, kind, before -> after
    textmend clean crawl.jsonl.zst -o mended.parquet --workers 2
    textmend audit crawl.jsonl.gz -o report.html --json report.json   # what it would change
    textmend fit crawl.jsonl.zst -o crawl.textmend      # learn the corpus's words, titles, damage
    textmend clean crawl.jsonl.zst -o mended.jsonl --model crawl.textmend   # mend with that model

A first argument that is not a subcommand is a file for ``mend``: ``textmend FILE`` is ``textmend mend
FILE`` (name a file called ``clean`` as ``./clean``). Errors are one line, ``textmend: what, where,
what to do``; ``--debug`` or ``TEXTMEND_DEBUG=1`` adds the Python traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Sequence
from typing import NoReturn

from ..audit import add_audit_arguments, run_audit
from ..errors import TextmendError
from . import clean, fit, mend
from .mend import InputError
from .options import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    common_options,
    configure_logging,
    debugging,
    list_fixers,
    pipeline_from_args,
    pipeline_options,
)

__all__ = ["SUBCOMMANDS", "build_parser", "main", "run"]

SUBCOMMANDS = ("mend", "clean", "fit", "audit")


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    fixers = pipeline_options()
    parser = argparse.ArgumentParser(
        prog="textmend",
        parents=[common],
        description="Mend text scraped from the web: stripped HTML entities, run-together words, "
        "trailing link teasers and duplicated titles.",
        epilog="`textmend FILE` is short for `textmend mend FILE`. See `textmend SUBCOMMAND --help`.",
    )
    subparsers = parser.add_subparsers(title="subcommands", metavar="SUBCOMMAND", dest="subcommand")
    mend.add_parser(subparsers, [common, fixers])
    clean.add_parser(subparsers, [common, fixers])
    audit_parser = subparsers.add_parser(
        "audit",
        parents=[common, fixers],
        help="report what textmend would change in a corpus, changing nothing (HTML and JSON)",
        description="A dry run over a corpus: one self-contained HTML report and its figures as JSON.",
    )
    add_audit_arguments(audit_parser)
    audit_parser.set_defaults(command=_audit)
    fit.add_parser(subparsers, [common])
    return parser


def _audit(args: argparse.Namespace) -> int:
    return run_audit(args, pipeline_from_args(args))


def _with_subcommand(arguments: list[str]) -> list[str]:
    """``textmend FILE ...`` -> ``textmend mend FILE ...``; subcommands and top-level help pass as is."""
    if arguments[:1] and arguments[0] in (*SUBCOMMANDS, "-h", "--help"):
        return arguments
    if arguments == ["--version"]:
        return arguments
    return ["mend", *arguments]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = _with_subcommand(sys.argv[1:] if argv is None else list(argv))
    if "--list-fixers" in arguments and not {"-h", "--help"} & set(arguments):
        list_fixers()  # whatever else the line says (`textmend clean --list-fixers` needs no IN)
        return EXIT_OK
    parser = build_parser()
    args = parser.parse_args(arguments)
    configure_logging(args)
    try:
        return int(args.command(args))
    except UsageError as error:
        return _fail(args, error, f"{error}", EXIT_USAGE, parser_for=args.subcommand)
    except (InputError, TextmendError, OSError) as error:
        return _fail(args, error, str(error) or type(error).__name__, EXIT_FAILED)


def _fail(
    args: argparse.Namespace, error: BaseException, message: str, status: int, parser_for: str | None = None
) -> int:
    if debugging(args):
        traceback.print_exception(error)
    usage = f" (see textmend {parser_for} --help)" if parser_for else ""
    sys.stderr.write(f"textmend: {message}{usage}\n")
    return status


def _leave_now(status: int) -> NoReturn:
    """Exit at once after an interruption: the temporary output is already removed and the workers
    ended, so nothing is left to do, and waiting for the interpreter's own shutdown (threads, queues
    half-used when the signal came) could hang a run that the user asked to stop."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


def run() -> None:
    """Entry point: :func:`main` with broken pipes, Ctrl-C and unexpected errors handled."""
    try:
        status = main()
    except BrokenPipeError:
        # The reader went away (``textmend big.txt | head``): not an error. Point stdout at
        # /dev/null so that the interpreter's last flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = EXIT_OK
    except KeyboardInterrupt:
        _leave_now(130)
    except SystemExit as stop:
        if stop.code in (130, 143):  # SIGTERM, turned into SystemExit by ``textmend clean``
            _leave_now(stop.code)
        raise
    except Exception as error:  # a bug of textmend's own: say so, and how to see more
        if debugging(None) or "--debug" in sys.argv:
            raise
        sys.stderr.write(
            f"textmend: internal error: {type(error).__name__}: {error}; rerun with --debug (or "
            "TEXTMEND_DEBUG=1) for the traceback, and please report it\n"
        )
        status = EXIT_FAILED
    sys.exit(status)
