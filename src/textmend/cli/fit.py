"""``textmend fit IN... -o MODEL``: learn a corpus model (words, pairs, titles, sites, entity damage)."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from ..corpus import DEFAULT_MAX_ERRORS
from .options import (
    EXIT_OK,
    EXIT_SKIPPED,
    Progress,
    UsageError,
    add_fit_options,
    add_run_options,
    fit_corpus,
)

__all__ = ["EPILOG", "add_parser", "check_writable", "run"]

EPILOG = f"""\
examples:
  textmend fit crawl.jsonl.zst -o crawl.textmend --workers 2
  textmend fit 'data/*.parquet' extra.jsonl.gz -o news.textmend --site-field link
  textmend clean crawl.jsonl.zst -o mended.jsonl.zst --model crawl.textmend

Inputs are read as `textmend clean` reads them (.jsonl, .json, .parquet, .txt, compressed, globs, fsspec
URLs, - for JSONL on stdin). The model file is gzip-compressed JSON; load it in Python with
textmend.load_model(path).

exit status:
  0  every record was fitted and the model written
  1  the run failed (unreadable input, a bad record under --on-error fail, more than --max-errors
     skipped, a worker killed); MODEL is left as it was
  2  usage error; nothing was read
  3  the model was written, and some records were skipped (fewer than --max-errors); each was reported

The default --max-errors is {DEFAULT_MAX_ERRORS} of the records read."""


def add_parser(subparsers: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "fit",
        parents=parents,
        help="learn a corpus model (its words, word pairs, titles, sites, entity damage) for the fixers",
        description="Read every record of the inputs once and write the model of the corpus: what "
        "`textmend clean --model` and textmend.load_model read. Nothing is changed.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", metavar="IN", nargs="+", help="files, globs or URLs to read; - for stdin")
    parser.add_argument("-o", "--output", metavar="MODEL", required=True, help="the model file to write")
    add_run_options(parser, "fit")
    add_fit_options(parser, text_field=True)
    parser.set_defaults(command=run)


def check_writable(path: str) -> None:
    """UsageError, before anything is read, if ``path`` cannot be written (no such directory, a directory)."""
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise UsageError(
            f"{path}: is a directory; name the model file, e.g. {os.path.join(path, 'corpus.textmend')}"
        )
    if not os.path.isdir(directory):
        raise UsageError(f"{path}: the directory {directory} does not exist; create it or write elsewhere")


def run(args: argparse.Namespace) -> int:
    check_writable(args.output)
    progress = Progress() if sys.stderr.isatty() and not args.quiet else None
    model, report = fit_corpus(args, args.inputs, progress)
    model.save(args.output)
    if not args.quiet:
        sys.stderr.write(f"textmend: wrote {args.output} (model {model.digest[:12]}), fitted on:\n")
        sys.stderr.write("".join(f"  {line}\n" for line in model.summary().splitlines()))
    if report.skipped:
        logging.getLogger("textmend").warning(
            "skipped %s of %s records; the model was fitted on the rest",
            f"{report.skipped:,}",
            f"{report.records:,}",
        )
        return EXIT_SKIPPED
    return EXIT_OK
