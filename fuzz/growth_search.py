"""Search for inputs whose cost grows faster than their size; print the suspects.

``tests/test_linear_time.py`` times the hostile inputs someone thought of. This script looks for the
ones nobody did: it builds texts by repeating a short random unit (letters, words, entity pieces,
``www.``, ``Read more``, line breaks, mojibake, full-width and CJK characters, list commas,
``and``, options and quotation marks, after a short random prefix), mends each at two sizes four
times apart and reports every unit whose time grew more than ``--bound`` times (linear is about 4;
quadratic about 16). A suspect is timed again before it is shown.

It found the two quadratic paths fixed in the ninth session (the same word before many dots: 80 kB
of ``www.Read more`` took 16 s; a ``www.`` in every sentence and no ``://``: 200 kB took 1.1 s), both
now rows of ``textmend.testing.ADVERSARIAL``. Usage::

    PYTHONPATH=src python fuzz/growth_search.py --seconds 600 --seed 1 [--prose] [--fitted]
        [--pipeline NAMES | --enable NAMES | --disable NAMES] [--param step__option=VALUE ...]

``--prose`` puts each unit after a sentence of prose; ``--fitted`` mends with a model fitted on a
small corpus of stories with related-story blocks (the corpus paths of the words and teasers steps).
``--pipeline``, ``--enable`` and ``--disable`` choose the fixers as ``textmend clean`` does, and
``--param`` sets an option (``--enable ascii --param words__language=de``; the value is read as a
Python literal when it is one, else as a string).

Each suspect line gives the prefix and the unit as Python literals, to paste into a test.
"""

from __future__ import annotations

import argparse
import ast
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import textmend
from textmend.cli.options import UsageError, list_fixers, pipeline_from_args, pipeline_options

#: The pieces units are made of: what sets one step or another to work.
PIECES = (
    "a", "b", "e", "x", "the", "ofthe", "A", "T", " ", "\n", "\n\n", "\r", "\t", "&", ";", "#", "-", ".",
    "<", ">", "/", ":", "1", "_", "=", "@", "|", "*", '"', "'", "(", ")", "[", "]", "amp;", "nbsp",
    "http://", "www.", "Read more", "\u00b7", "\u2014", "\u2026", "\u2019", "\u00e9", "\u00df",
    "\u00c3\u00a9", "\uff2c", "\u4e2d", "#39;", "ccedil;", "rsquo;", "{", "`", "::", "==", "x(", "The",
    "Related", "\n-\n", "Other News", "usedfor", "managementThe", "pain.The", "numbers.Real", "fall-",
    ", ", " and ", " or ", "--", "called ", "TABLE ", "\u201c", "\u201d",
)  # fmt: skip
#: Prose the ``--prose`` texts put a unit between (each unit after a sentence, as damage comes in text).
PROSE = "The river ran past the village before the morning, and the people watched it. "
SMALL = 20_000
GROWTH = 4


def cost(pipe: textmend.Pipeline, text: str) -> float:
    """CPU seconds of one mend of ``text`` by ``pipe``."""
    started = time.process_time()
    pipe.mend_document(text)
    return time.process_time() - started


def build(prefix: str, unit: str, size: int, prose: bool = False) -> str:
    """``prefix``, then ``unit`` repeated to about ``size`` characters (after each sentence of prose)."""
    if prose:
        unit = PROSE + unit
    return prefix + unit * max(1, size // len(unit))


def option(value: str) -> tuple[str, object]:
    """``step__option=VALUE`` as a key and a value: a Python literal when VALUE reads as one."""
    key, equals, text = value.partition("=")
    if not equals or "__" not in key:
        raise argparse.ArgumentTypeError(f"{value!r} is not step__option=VALUE (words__language=de)")
    try:
        return key, ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return key, text


def pipeline(args: argparse.Namespace) -> textmend.Pipeline:
    """The pipeline the options ask for, with a model fitted on prose, titles and teasers (its corpus
    paths) under ``--fitted``."""
    chosen = pipeline_from_args(args).with_params(**dict(args.param))  # as `textmend clean` chooses
    if not args.fitted:
        return chosen
    texts = [f"Story {n}\n\n{PROSE * 3}\n\nRelated\nStory {n + 1}\nStory {n + 2}\n" for n in range(200)]
    return chosen.with_model(textmend.fit(texts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], parents=[pipeline_options()])
    parser.add_argument("--seconds", type=float, default=300.0, help="how long to search (300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bound", type=float, default=8.0, help="growth reported, for 4x the size (8)")
    parser.add_argument("--prose", action="store_true", help="put each unit after a sentence of prose")
    parser.add_argument("--fitted", action="store_true", help="mend with a model fitted on a small corpus")
    parser.add_argument("--param", type=option, action="append", default=[], metavar="STEP__OPTION=VALUE")
    args = parser.parse_args(argv)
    if args.list_fixers:
        list_fixers()
        return 0
    rng = random.Random(args.seed)
    try:
        pipe = pipeline(args)
    except UsageError as error:
        parser.error(str(error))
    except (KeyError, ValueError, TypeError) as error:  # a step or an option --param names is not there
        parser.error(str(error.args[0] if error.args else error))
    pipe.mend_document("A warm-up sentence.\n\nRead more: Another story")

    def timed(prefix: str, unit: str, size: int) -> float:
        return cost(pipe, build(prefix, unit, size, args.prose))

    deadline = time.monotonic() + args.seconds
    tried = suspects = 0
    while time.monotonic() < deadline:
        unit = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 6)))
        prefix = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))
        small = timed(prefix, unit, SMALL)
        if small < 0.002:
            continue  # too fast to time: nothing in it set a step to work
        tried += 1
        large = timed(prefix, unit, GROWTH * SMALL)
        if large / small <= args.bound:
            continue
        # Timed again, the slower small run against the faster large one: noise does not make a suspect.
        small = max(small, timed(prefix, unit, SMALL))
        large = min(large, timed(prefix, unit, GROWTH * SMALL))
        if large / small > args.bound:
            suspects += 1
            growth = f"{large / small:.1f}x for {GROWTH}x ({small:.3f} s, {large:.3f} s)"
            print(f"suspect: {growth}: {prefix!r} + {unit!r}")
    print(f"{tried} inputs timed, {suspects} suspects (seed {args.seed}, {args.seconds:.0f} s)")
    return 1 if suspects else 0


if __name__ == "__main__":
    raise SystemExit(main())
