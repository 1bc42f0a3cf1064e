"""``textmend clean IN -o OUT``: mend every record of a corpus file.

    textmend clean crawl.jsonl.gz -o mended.jsonl.gz --workers 2
    textmend clean part-0.parquet -o part-0.mended.parquet --text-field content --changes
    textmend clean lines.txt -o mended.txt --on-error skip

Formats follow the file names (``.jsonl``, ``.jsonl.gz``, ``.parquet``, ``.txt``; ``-`` is stdin or
stdout as JSONL). Exit status: 0 on success (also when bad records were skipped, which are reported),
1 when the input cannot be read or a record is bad under ``--on-error fail``, 2 on a usage error,
130 when interrupted.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Sequence
from types import FrameType
from typing import TextIO

from .cli import EXIT_INPUT, EXIT_OK, _names, pipeline_from_args
from .corpus import FORMATS, CorpusError, Report, clean


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textmend clean",
        description="Mend the text of every record of a JSONL (plain or .gz), Parquet or plain-text file. "
        "Other fields pass through; title and teasers (and with --changes the changes) are added.",
    )
    parser.add_argument("input", metavar="IN", help="the corpus file to read, or - for JSONL on stdin")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the file to write, or -")
    parser.add_argument("--text-field", default="text", metavar="NAME", help="the field holding the text")
    parser.add_argument("--changes", action="store_true", help="also write each record's changes")
    parser.add_argument(
        "--prefix", default="", metavar="P", help="put P before the names of the fields textmend adds"
    )
    parser.add_argument("--workers", type=_positive, default=1, metavar="N", help="processes to mend with")
    parser.add_argument(
        "--on-error",
        choices=("fail", "skip"),
        default="fail",
        help="stop at the first bad record (default), or skip bad records and report them",
    )
    parser.add_argument("--input-format", choices=FORMATS, help="instead of guessing from IN's name")
    parser.add_argument("--output-format", choices=FORMATS, help="instead of guessing from OUT's name")
    parser.add_argument(
        "--pipeline", type=_names, metavar="NAMES", help="comma-separated fixers to run, in order"
    )
    parser.add_argument("--enable", type=_names, default=[], metavar="NAMES", help="switch fixers on")
    parser.add_argument("--disable", type=_names, default=[], metavar="NAMES", help="switch fixers off")
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


class Progress:
    """A one-line progress display (documents, MB, MB/s), redrawn at most five times a second."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._start = self._last = time.monotonic()

    def __call__(self, report: Report) -> None:
        now = time.monotonic()
        if now - self._last >= 0.2:
            self._last = now
            self._draw(report, now)

    def _draw(self, report: Report, now: float) -> None:
        megabytes = report.bytes_read / 1e6
        rate = megabytes / max(now - self._start, 1e-9)
        self._stream.write(
            f"\rtextmend: {report.records:,} documents, {megabytes:,.1f} MB, {rate:,.1f} MB/s "
        )
        self._stream.flush()

    def finish(self, report: Report) -> None:
        self._draw(report, time.monotonic())
        self._stream.write("\n")


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str]) -> int:
    """Run ``textmend clean``; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    pipeline = pipeline_from_args(parser, args.pipeline, args.enable, args.disable)
    progress = Progress(sys.stderr) if sys.stderr.isatty() else None

    def report_skip(message: str) -> None:
        if progress is not None:
            sys.stderr.write("\n")
        sys.stderr.write(f"textmend: {message} (skipped)\n")

    signal.signal(signal.SIGTERM, _terminate)  # so that the temporary output is removed
    try:
        report = clean(
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
            on_skip=report_skip,
            on_progress=progress,
        )
    except ValueError as error:
        parser.error(str(error))
    except CorpusError as error:
        if progress is not None:
            sys.stderr.write("\n")
        sys.stderr.write(f"textmend: {error}\n")
        return EXIT_INPUT
    if progress is not None:
        progress.finish(report)
    if report.skipped:
        sys.stderr.write(f"textmend: skipped {report.skipped:,} of {report.records:,} records\n")
    return EXIT_OK
