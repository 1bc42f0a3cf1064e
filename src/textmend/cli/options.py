"""The options several subcommands share, each written once, and the messages they give."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from ..default import DEFAULT
from ..fixer import registered_fixers
from ..pipeline import Pipeline
from ..version import __version__

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_SKIPPED",
    "EXIT_USAGE",
    "UsageError",
    "common_options",
    "configure_logging",
    "debugging",
    "list_fixers",
    "names",
    "pipeline_from_args",
    "pipeline_options",
    "positive_count",
]

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


def common_options() -> argparse.ArgumentParser:
    """``--version``, ``--debug``, ``--quiet`` and ``--log-level``: on every subcommand."""
    parser = argparse.ArgumentParser(add_help=False)
    group = parser.add_argument_group("diagnostics")
    group.add_argument("--version", action="version", version=f"textmend {__version__}")
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


def pipeline_from_args(args: argparse.Namespace) -> Pipeline:
    """The pipeline that ``--pipeline``, ``--enable`` and ``--disable`` ask for; UsageError if none can be."""
    try:
        chosen = DEFAULT if args.pipeline is None else Pipeline(args.pipeline)
        return chosen.enable(*args.enable).disable(*args.disable)
    except (KeyError, ValueError) as error:
        raise UsageError(str(error.args[0] if error.args else error)) from None


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
