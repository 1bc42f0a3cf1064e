"""``textmend clean IN -o OUT``: mend every record of a corpus."""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType

from ..corpus import DEFAULT_MAX_ERRORS, FORMATS, mend_file
from .options import (
    EXIT_OK,
    EXIT_SKIPPED,
    Progress,
    UsageError,
    add_fit_options,
    add_model_options,
    add_run_options,
    pipeline_from_args,
)

__all__ = [
    "EPILOG",
    "add_parser",
    "run",
]

EPILOG = f"""\
examples:
  textmend clean crawl.jsonl.zst -o mended.parquet --workers 2
  textmend clean 'data/*.jsonl.gz' -o mended.jsonl.gz --on-error skip --max-errors 0.5%
  textmend clean part-0.parquet -o - --text-field content | head

Formats follow the names: .jsonl, .json (an array), .parquet, .txt (one document per line), each
optionally .gz, .zst, .bz2 or .xz; - is stdin or stdout as JSONL. Inputs may be globs and fsspec
URLs (s3://, gs://, hf://, file://). A JSONL, JSON or text output gets a sidecar OUT.textmend.json
saying how it was made; Parquet carries the same in its schema metadata.

exit status:
  0  every record was written
  1  the run failed (unreadable input, a bad record under --on-error fail, more than
     --max-errors skipped, every record skipped, a worker killed); OUT is left as it was
  2  usage error; nothing was read
  3  finished, and some records were skipped (fewer than --max-errors); each was reported
  130, 143  interrupted (Ctrl-C, SIGTERM); OUT is left as it was

The default --max-errors is {DEFAULT_MAX_ERRORS} of the records read."""


def add_parser(subparsers: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "clean",
        parents=parents,
        help="mend every record of a corpus (JSONL, JSON, Parquet, text; compressed; local or remote)",
        description="Mend the text of every record of a corpus. Other fields pass through; title and "
        "teasers (and with --changes the changes) are added.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", metavar="IN", help="file, glob or URL to read; - for JSONL on stdin")
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="file or URL to write; - for stdout"
    )
    parser.add_argument("--text-field", default="text", metavar="NAME", help="the field holding the text")
    parser.add_argument("--changes", action="store_true", help="also write each record's changes")
    parser.add_argument(
        "--prefix", default="", metavar="P", help="put P before the names of the fields added"
    )
    add_run_options(parser, "mend")
    parser.add_argument(
        "--timeout",
        type=_seconds,
        metavar="S",
        help="a record that takes longer than S seconds is a bad record (skipped with --on-error skip)",
    )
    parser.add_argument("--output-format", choices=FORMATS, help="instead of guessing from OUT's name")
    add_model_options(parser, fit=True)
    add_fit_options(parser, text_field=False)
    parser.set_defaults(command=run)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds above 0; give one such as 10")
    return seconds


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def run(args: argparse.Namespace) -> int:
    pipeline = pipeline_from_args(args)
    progress = Progress() if sys.stderr.isatty() and not args.quiet else None
    signal.signal(signal.SIGTERM, _terminate)  # so that the temporary output is removed
    try:
        report = mend_file(
            args.input,
            args.output,
            pipeline=pipeline,
            text_field=args.text_field,
            changes=args.changes,
            prefix=args.prefix,
            input_format=args.input_format,
            output_format=args.output_format,
            workers=args.workers,
            on_error=args.on_error,
            max_errors=args.max_errors,
            on_progress=progress,
            timeout=args.timeout,
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
    finally:
        if progress is not None:
            progress.close()
    if report.skipped:
        import logging

        logging.getLogger("textmend").warning(
            "skipped %s of %s records; the rest were written to %s",
            f"{report.skipped:,}",
            f"{report.records:,}",
            args.output,
        )
        return EXIT_SKIPPED
    return EXIT_OK
