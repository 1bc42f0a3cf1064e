"""The options several subcommands share, each written once, and the messages they give."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from ..corpus import DEFAULT_MAX_ERRORS, FORMATS, ErrorLimit, Report
from ..corpus.fitting import FitJob, fit_files
from ..corpus_model import CorpusModel
from ..default import DEFAULT
from ..fitting import DEFAULT_MAX_PAIRS, DEFAULT_MAX_TITLES, DEFAULT_MAX_WORDS, load_model
from ..fixer import registered_fixers
from ..fixers._scan import COMPILED
from ..pipeline import Pipeline
from ..records import model_of
from ..version import __version__

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_SKIPPED",
    "EXIT_USAGE",
    "SCANNER",
    "Progress",
    "UsageError",
    "add_fit_options",
    "add_model_options",
    "add_run_options",
    "common_options",
    "configure_logging",
    "debugging",
    "error_limit",
    "fit_corpus",
    "fit_job",
    "list_fixers",
    "model_line",
    "names",
    "pipeline_from_args",
    "pipeline_options",
    "positive_count",
]

#: Which scanner the words step uses, as ``--version`` prints it (``textmend.fixers._scan``).
SCANNER = "compiled (C)" if COMPILED else "pure Python"

#: Exit statuses, as every subcommand's help describes them.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3


class UsageError(Exception):
    """The command line asks for something that cannot be: exit 2 with the message."""


def names(value: str) -> list[str]:
    """``--enable a,b`` -> ``["a", "b"]``."""
    return [name.strip() for name in value.split(",") if name.strip()]


def positive_count(value: str) -> int:
    """A whole number of at least 1, with a message a person can act on."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number; give one such as 2") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is less than 1; give 1 or more")
    return number


def add_run_options(parser: argparse.ArgumentParser, verb: str) -> None:
    """``--workers``, ``--on-error``, ``--max-errors`` and ``--input-format``: how a corpus is read and
    what a bad record does (``clean`` and ``fit``); ``verb`` says what the workers do."""
    parser.add_argument(
        "--workers", type=positive_count, default=1, metavar="N", help=f"processes to {verb} with"
    )
    parser.add_argument(
        "--on-error",
        choices=("fail", "skip"),
        default="fail",
        help="stop at the first bad record (default), or skip bad records, reporting each",
    )
    parser.add_argument(
        "--max-errors",
        type=error_limit,
        default=DEFAULT_MAX_ERRORS,
        metavar="N|P%",
        help="with --on-error skip: fail once more records than this were skipped "
        f"(default {DEFAULT_MAX_ERRORS.replace('%', '%%')})",
    )
    parser.add_argument("--input-format", choices=FORMATS, help="instead of guessing from IN's name")


def error_limit(value: str) -> str:
    """``--max-errors``: a count or a percentage, with the message :class:`ErrorLimit` gives."""
    try:
        ErrorLimit.parse(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error).replace("max_errors", "it")) from None
    return value


def common_options() -> argparse.ArgumentParser:
    """``--version``, ``--debug``, ``--quiet`` and ``--log-level``: on every subcommand."""
    parser = argparse.ArgumentParser(add_help=False)
    group = parser.add_argument_group("diagnostics")
    group.add_argument("--version", action="version", version=f"textmend {__version__} (scanner: {SCANNER})")
    group.add_argument(
        "--debug",
        action="store_true",
        help="show Python tracebacks for errors (also TEXTMEND_DEBUG=1)",
    )
    group.add_argument("--quiet", "-q", action="store_true", help="report only errors; no progress")
    group.add_argument(
        "--log-level",
        choices=("debug", "info", "warning", "error"),
        default=None,
        help="what the textmend logger shows on stderr (default: warning)",
    )
    return parser


def pipeline_options() -> argparse.ArgumentParser:
    """``--pipeline``, ``--enable``, ``--disable`` and ``--list-fixers``: the fixers to run."""
    parser = argparse.ArgumentParser(add_help=False)
    group = parser.add_argument_group("fixers")
    group.add_argument(
        "--pipeline", type=names, metavar="NAMES", help="comma-separated fixers to run, in order"
    )
    group.add_argument("--enable", type=names, default=[], metavar="NAMES", help="switch fixers on")
    group.add_argument("--disable", type=names, default=[], metavar="NAMES", help="switch fixers off")
    group.add_argument(
        "--list-fixers",
        action="store_true",
        help="list the fixers and whether they run by default, then stop",
    )
    return parser


def add_fit_options(parser: argparse.ArgumentParser, *, text_field: bool) -> None:
    """The options that say where records keep their title and URL (and text), and the model's caps."""
    group = parser.add_argument_group("fitting")
    if text_field:
        group.add_argument("--text-field", default="text", metavar="NAME", help="the field holding the text")
    group.add_argument(
        "--title-field",
        default="title",
        metavar="NAME",
        help="the field holding a record's title (default: title; else the titles fixer finds it)",
    )
    group.add_argument(
        "--site-field", default="url", metavar="NAME", help="the field holding a record's URL (default: url)"
    )
    group.add_argument(
        "--max-words",
        type=positive_count,
        default=DEFAULT_MAX_WORDS,
        metavar="N",
        help=f"distinct words the model keeps (default {DEFAULT_MAX_WORDS:,})",
    )
    group.add_argument(
        "--max-pairs",
        type=positive_count,
        default=DEFAULT_MAX_PAIRS,
        metavar="N",
        help=f"distinct word pairs the model keeps (default {DEFAULT_MAX_PAIRS:,})",
    )
    group.add_argument(
        "--max-titles",
        type=positive_count,
        default=DEFAULT_MAX_TITLES,
        metavar="N",
        help=f"distinct titles, tail lines and sites the model keeps, each (default {DEFAULT_MAX_TITLES:,})",
    )


def fit_job(args: argparse.Namespace) -> FitJob:
    """The fields and caps the command line gives (``fit``, ``clean --fit``)."""
    return FitJob(
        text_field=args.text_field,
        title_field=args.title_field,
        site_field=args.site_field,
        max_words=args.max_words,
        max_pairs=args.max_pairs,
        max_titles=args.max_titles,
    )


def fit_corpus(
    args: argparse.Namespace,
    inputs: list[str],
    progress: Any = None,
    on_skip: Callable[[str], None] | None = None,
) -> tuple[CorpusModel, Report]:
    """Fit on ``inputs`` as the options say; ``progress`` (with a ``close()``) sees each chunk."""
    try:
        return fit_files(
            inputs,
            job=fit_job(args),
            input_format=args.input_format,
            workers=args.workers,
            on_error=args.on_error,
            max_errors=args.max_errors,
            on_skip=on_skip,
            on_progress=progress,
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
    finally:
        if progress is not None:
            progress.close()


def model_line(pipeline: Pipeline) -> str:
    """``# model <digest> (N documents, M tokens)`` and a newline for the model the pipeline's fixers
    consult (what ``--explain`` prints first), or nothing."""
    model = model_of(pipeline)
    if model is None:
        return ""
    return f"# model {model.digest} ({model.documents:,} documents, {model.tokens:,} tokens)\n"


def add_model_options(parser: argparse.ArgumentParser, *, fit: bool) -> None:
    """``--model MODEL`` (and with ``fit``, ``--fit`` instead): mend with a corpus model."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--model", metavar="MODEL", help="mend with the corpus model MODEL (written by `textmend fit`)"
    )
    if fit:
        group.add_argument(
            "--fit",
            action="store_true",
            help="fit a model on IN first, then mend IN with it (reads IN twice, so not stdin)",
        )


def pipeline_from_args(args: argparse.Namespace) -> Pipeline:
    """The pipeline that ``--pipeline``, ``--enable`` and ``--disable`` ask for, with the model ``--model``
    names or ``--fit`` fits; UsageError if none can be."""
    try:
        chosen = DEFAULT if args.pipeline is None else Pipeline(args.pipeline)
        pipeline = chosen.enable(*args.enable).disable(*args.disable)
    except (KeyError, ValueError) as error:
        raise UsageError(str(error.args[0] if error.args else error)) from None
    return _with_model(args, pipeline)


def _with_model(args: argparse.Namespace, pipeline: Pipeline) -> Pipeline:
    """The pipeline with the model ``--model`` names or ``--fit`` fits on IN (first pass), if asked."""
    if getattr(args, "model", None):
        return pipeline.with_model(load_model(args.model))
    if not getattr(args, "fit", False):
        return pipeline
    if args.input == "-":
        raise UsageError(
            "--fit reads IN twice (to fit, then to mend), and standard input can be read only once; "
            "save it to a file first, or fit it apart: textmend fit - -o corpus.textmend, then --model "
            "corpus.textmend"
        )
    progress = Progress() if sys.stderr.isatty() and not args.quiet else None
    # A bad record is reported once, when it is mended (second pass), not twice.
    model, _ = fit_corpus(args, [args.input], progress, on_skip=_reported_later)
    return pipeline.with_model(model)


def _reported_later(message: str) -> None:
    """A record skipped while fitting for ``--fit``: the mending pass reports it."""


class Progress:
    """Records, MB, %, rate and ETA on a terminal, drawn by tqdm; nothing when stderr is not one."""

    def __init__(self) -> None:
        self._bar: Any = None

    def __call__(self, report: Report) -> None:
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(
                total=report.total_bytes,
                unit="B",
                unit_scale=True,
                unit_divisor=1000,
                desc="textmend",
                file=sys.stderr,
                ncols=_size().columns,
                nrows=_size().lines,
                mininterval=0.2,
            )
        self._bar.set_postfix_str(f"{report.records:,} records", refresh=False)
        self._bar.update(report.bytes_read - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _size() -> os.terminal_size:
    """The terminal's size, or 100 x 24 where it reports none (a fresh pseudo-terminal)."""
    try:
        size = os.get_terminal_size(sys.stderr.fileno())
    except OSError:
        size = os.terminal_size((0, 0))
    return os.terminal_size((size.columns or 100, size.lines or 24))


def list_fixers() -> None:
    for step in DEFAULT.steps:
        state = "on" if step.enabled else "off"
        doc = (type(step.fixer).__doc__ or "").strip().splitlines()[0]
        sys.stdout.write(f"{step.name:10} {state:4} {doc}\n")
    for name in registered_fixers():
        if name not in DEFAULT:
            sys.stdout.write(f"{name:10} {'-':4} (registered, not in the default pipeline)\n")


def debugging(args: argparse.Namespace | None) -> bool:
    """Whether tracebacks are wanted: ``--debug`` or ``TEXTMEND_DEBUG=1``."""
    return bool(getattr(args, "debug", False)) or os.environ.get("TEXTMEND_DEBUG", "") not in ("", "0")


class _Prefixed(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"textmend: {record.getMessage()}"


class _BesideProgress(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes log lines above a progress bar, if one is drawn, instead of through it."""

    def emit(self, record: logging.LogRecord) -> None:
        progress = sys.modules.get("tqdm")
        if progress is None:
            super().emit(record)
            return
        with progress.tqdm.external_write_mode(file=self.stream):
            super().emit(record)


def configure_logging(args: argparse.Namespace) -> None:
    """Show the ``textmend`` logger on stderr as ``textmend: message``, at the level asked for."""
    level = "error" if args.quiet else (args.log_level or ("debug" if debugging(args) else "warning"))
    logger = logging.getLogger("textmend")
    handler = _BesideProgress(sys.stderr)
    handler.setFormatter(_Prefixed())
    logger.addHandler(handler)
    logger.setLevel(level.upper())
    logger.propagate = False
