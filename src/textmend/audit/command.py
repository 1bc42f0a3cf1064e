"""Auditing corpus files, and the ``textmend audit`` arguments: read, count, write the report.

    textmend audit crawl.jsonl.gz -o report.html --json report.json
    textmend audit part-*.parquet -o report.html --sample 10000 --workers 2 --group-by url

:func:`add_audit_arguments` and :func:`run_audit` are what the command line wires in; :func:`main` runs
them on their own (``python -m textmend.audit``). Exit status: 0 on success, 1 when an input cannot
be read or a report cannot be written, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..corpus.files import CorpusError, expand_inputs
from ..corpus.readers import Reader, format_of, parse_json
from ..default import DEFAULT
from ..errors import RecordError
from ..pipeline import Pipeline
from .figures import AuditReport, audit_records
from .page import render_html

__all__ = [
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "add_audit_arguments",
    "audit_paths",
    "command_of",
    "run_audit",
]

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _read_records(path: str) -> Iterator[Mapping[str, Any] | RecordError]:
    """The records of one corpus file as ``textmend clean`` reads them; a bad one as a RecordError.

    The one place the audit touches file formats: JSONL (plain or gzip), Parquet, or plain text (one
    record per line), chosen by the file name; ``-`` is JSONL on stdin. An unreadable file raises
    :class:`~textmend.corpus.CorpusError`.
    """
    kind = "jsonl" if path == "-" else format_of(path)
    if kind is None:
        raise CorpusError(
            f"{path}: cannot tell the format from the name; name it .jsonl, .jsonl.gz, .parquet or .txt"
        )
    paths = [path] if path == "-" else expand_inputs(path)
    for number, raw in Reader(paths, kind):
        if isinstance(raw, dict):
            yield raw
            continue
        where = number if isinstance(number, str) else f"{path}:{number}"  # readers that say where
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield RecordError(f"{where}: not valid UTF-8 at byte {error.start}")
            continue
        if kind == "text":
            yield {"text": line}
            continue
        try:
            record = parse_json(line)
        except RecordError as error:  # invalid JSON, or a key written twice
            yield RecordError(f"{where}: {error}")
            continue
        yield record if isinstance(record, dict) else RecordError(f"{where}: not a JSON object")


def _read_all(paths: Sequence[str]) -> Iterator[Mapping[str, Any] | RecordError]:
    for path in paths:
        yield from _read_records(path)


def audit_paths(
    paths: Sequence[str],
    output_html: str | None,
    output_json: str | None = None,
    *,
    pipeline: Pipeline = DEFAULT,
    text_field: str = "text",
    sample: int | None = None,
    seed: int = 0,
    group_by: str | None = None,
    workers: int = 1,
    command: str | None = None,
) -> AuditReport:
    """Audit every record of the corpus files ``paths``; write the HTML and/or JSON report; return it.

    Nothing is mended on disk: the inputs are only read. ``command`` is recorded in the report (the
    command line that produced it); see :func:`~textmend.audit.audit_records` for the rest.
    """
    run: dict[str, Any] = {"inputs": list(paths)}
    if command is not None:
        run["command"] = command
    report = audit_records(
        _read_all(paths),
        pipeline,
        text_field=text_field,
        sample=sample,
        seed=seed,
        group_by=group_by,
        workers=workers,
        run=run,
    )
    if output_html is not None:
        _write(output_html, render_html(report))
    if output_json is not None:
        _write(output_json, report.to_json() + "\n")
    return report


def _write(path: str, text: str) -> None:
    data = text.encode("utf-8", "replace")
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    temporary = f"{path}.part"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


# -- the command line --------------------------------------------------------------------------------
def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def add_audit_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``textmend audit`` arguments to ``parser``; the fixers to run (``--pipeline``,
    ``--enable``, ``--disable``) come from the command line's shared options (``textmend.cli.options``)."""
    parser.add_argument("inputs", nargs="+", metavar="IN", help="corpus files (JSONL, .gz, Parquet, text)")
    parser.add_argument("-o", "--output", metavar="HTML", help="write the HTML report here")
    parser.add_argument("--json", metavar="JSON", dest="json_output", help="write the figures as JSON here")
    parser.add_argument("--sample", type=_positive, metavar="N", help="audit a seeded sample of N records")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="the sample's seed (0)")
    parser.add_argument("--workers", type=_positive, default=1, metavar="N", help="processes to mend with")
    parser.add_argument(
        "--group-by", metavar="FIELD", help="break figures down by this field (a URL field: by host)"
    )
    parser.add_argument("--text-field", default="text", metavar="NAME", help="the field holding the text")


def command_of(args: argparse.Namespace) -> str:
    """The command line that repeats this audit, rebuilt from the parsed arguments."""
    words = ["textmend", "audit", *args.inputs]
    for flag, value in (
        ("-o", args.output),
        ("--json", args.json_output),
        ("--sample", args.sample),
        ("--seed", args.seed if args.sample else None),
        ("--workers", args.workers if args.workers != 1 else None),
        ("--group-by", args.group_by),
        ("--text-field", args.text_field if args.text_field != "text" else None),
        ("--pipeline", ",".join(args.pipeline) if getattr(args, "pipeline", None) else None),
        ("--enable", ",".join(getattr(args, "enable", None) or []) or None),
        ("--disable", ",".join(getattr(args, "disable", None) or []) or None),
    ):
        if value is not None:
            words += [flag, str(value)]
    return shlex.join(words)


def run_audit(args: argparse.Namespace, pipeline: Pipeline) -> int:
    """Run ``textmend audit`` with parsed arguments and the pipeline they chose; return the exit status."""
    if args.output is None and args.json_output is None:
        sys.stderr.write("textmend audit: nothing to write; give -o report.html and/or --json report.json\n")
        return EXIT_USAGE
    try:
        report = audit_paths(
            args.inputs,
            args.output,
            args.json_output,
            pipeline=pipeline,
            text_field=args.text_field,
            sample=args.sample,
            seed=args.seed,
            group_by=args.group_by,
            workers=args.workers,
            command=command_of(args),
        )
    except (CorpusError, OSError) as error:
        sys.stderr.write(f"textmend audit: {error}\n")
        return EXIT_INPUT
    sys.stderr.write(
        f"textmend audit: {report.documents:,} documents, {report.touched:,} touched, "
        f"{report.changes:,} changes, {report.skipped:,} skipped\n"
    )
    return EXIT_OK
