"""The pipeline: an ordered list of named fixers, each on or off, each with its own options.

Pipelines are immutable values: every method that changes one returns a new pipeline, so the shared
:data:`DEFAULT` can be used from many threads and processes, and pickles small.

>>> p = Pipeline(["entities", "words"])
>>> p("Letrsquo;s see")
'Let’s see'
>>> p.disable("entities").enabled_names
['words']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Union

from .changes import apply_edits, check_edits, compose
from .corpus_model import CorpusModel
from .errors import UnknownNameError
from .fixer import Findings, Fixer, check_options, fixer_class
from .model import Change, Document

__all__ = [
    "DEFAULT_STEPS",
    "MAX_PASSES",
    "MAX_ROUNDS",
    "OPT_IN_STEPS",
    "Pipeline",
    "Step",
    "StepSpec",
    "check_text",
]

StepSpec = Union[str, Fixer, "Step", tuple[str, Mapping[str, Any]]]


@dataclasses.dataclass(frozen=True)
class Step:
    """One place in a pipeline: a fixer and whether it runs."""

    fixer: Fixer
    enabled: bool = True

    @property
    def name(self) -> str:
        return self.fixer.name


def _as_step(spec: StepSpec) -> Step:
    if isinstance(spec, Step):
        return spec
    if isinstance(spec, Fixer):
        return Step(spec)
    if isinstance(spec, str):
        cls = fixer_class(spec)
        return Step(cls())
    if isinstance(spec, tuple) and len(spec) == 2 and isinstance(spec[0], str):
        name, options = spec
        cls = fixer_class(name)
        check_options(cls, options)
        return Step(cls(**dict(options)))
    raise TypeError(
        "a pipeline step must be a fixer name, a Fixer, a Step or a (name, options) pair, "
        f"not {type(spec).__name__}"
    )


def check_text(value: object, argument: str = "text") -> str:
    """Return ``value`` if it is a ``str``; otherwise raise a ``TypeError`` naming ``argument``."""
    if not isinstance(value, str):
        raise TypeError(f"{argument} must be str, not {type(value).__name__}")
    return value


class Pipeline:
    """An ordered list of named fixers.

    Build one from names, fixers or ``(name, options)`` pairs. A pipeline never changes: every
    method that would change one returns a new pipeline (``enable``, ``disable``, ``only``,
    ``insert_before``, ``insert_after``, ``append``, ``remove``, ``configure``, ``with_params``), and
    options read and written as ``step__option`` keys (:meth:`get_params`, :meth:`with_params`).
    """

    __slots__ = ("_steps",)

    def __init__(self, steps: Iterable[StepSpec] = ()) -> None:
        if isinstance(steps, str):
            raise TypeError("steps must be an iterable of steps, not a single str")
        built = tuple(_as_step(spec) for spec in steps)
        names = [step.name for step in built]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"a pipeline names each fixer once; repeated: {', '.join(duplicates)}")
        self._steps: tuple[Step, ...] = built

    # -- looking at a pipeline ---------------------------------------------------------------
    @property
    def steps(self) -> tuple[Step, ...]:
        return self._steps

    @property
    def names(self) -> list[str]:
        """All step names, in order, enabled or not."""
        return [step.name for step in self._steps]

    @property
    def enabled_names(self) -> list[str]:
        """The names of the steps that run, in order."""
        return [step.name for step in self._steps if step.enabled]

    def __getitem__(self, name: str) -> Fixer:
        return self._steps[self._index(name)].fixer

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __iter__(self) -> Iterator[Step]:
        return iter(self._steps)

    def __len__(self) -> int:
        return len(self._steps)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self._steps == other._steps

    def __hash__(self) -> int:
        return hash(self._steps)

    def __repr__(self) -> str:
        parts = []
        for step in self._steps:
            options = ", ".join(f"{k}={v!r}" for k, v in step.fixer.get_params().items())
            label = f"{step.name}({options})" if options else step.name
            parts.append(label if step.enabled else f"-{label}")
        return f"Pipeline([{', '.join(parts)}])"

    def get_params(self) -> dict[str, Any]:
        """Every option of every step as ``{"step__option": value}``."""
        return {
            f"{step.name}__{key}": value
            for step in self._steps
            for key, value in step.fixer.get_params().items()
        }

    # -- making new pipelines ----------------------------------------------------------------
    def _index(self, name: str) -> int:
        for index, step in enumerate(self._steps):
            if step.name == name:
                return index
        raise UnknownNameError(f"no step named {name!r} in this pipeline; it has: {', '.join(self.names)}")

    def _replace(self, index: int, step: Step) -> Pipeline:
        steps = list(self._steps)
        steps[index] = step
        return Pipeline(steps)

    def _switch(self, names: tuple[str, ...], enabled: bool) -> Pipeline:
        pipeline = self
        for name in names:
            index = pipeline._index(name)
            pipeline = pipeline._replace(index, dataclasses.replace(pipeline._steps[index], enabled=enabled))
        return pipeline

    def enable(self, *names: str) -> Pipeline:
        """A new pipeline with the named steps switched on."""
        return self._switch(names, True)

    def disable(self, *names: str) -> Pipeline:
        """A new pipeline with the named steps switched off."""
        return self._switch(names, False)

    def only(self, *names: str) -> Pipeline:
        """A new pipeline in which just the named steps are on."""
        for name in names:
            self._index(name)
        return Pipeline(dataclasses.replace(s, enabled=s.name in names) for s in self._steps)

    def _insert(self, index: int, spec: StepSpec) -> Pipeline:
        steps = list(self._steps)
        step = _as_step(spec)
        steps.insert(index, dataclasses.replace(step, enabled=True))
        return Pipeline(steps)

    def insert_before(self, name: str, spec: StepSpec) -> Pipeline:
        """A new pipeline with a new step (on) right before the step called ``name``."""
        return self._insert(self._index(name), spec)

    def insert_after(self, name: str, spec: StepSpec) -> Pipeline:
        """A new pipeline with a new step (on) right after the step called ``name``."""
        return self._insert(self._index(name) + 1, spec)

    def append(self, spec: StepSpec) -> Pipeline:
        """A new pipeline with a new step (on) at the end."""
        return self._insert(len(self._steps), spec)

    def remove(self, name: str) -> Pipeline:
        """A new pipeline without the step called ``name``."""
        index = self._index(name)
        return Pipeline(self._steps[:index] + self._steps[index + 1 :])

    def configure(self, name: str, **options: Any) -> Pipeline:
        """A new pipeline in which the step called ``name`` has the given options."""
        index = self._index(name)
        step = self._steps[index]
        check_options(type(step.fixer), options)
        try:
            fixer = dataclasses.replace(step.fixer, **options)
        except TypeError:
            known = ", ".join(step.fixer.get_params()) or "none"
            raise TypeError(
                f"unknown option for fixer {name!r}: {', '.join(options)}; its options: {known}"
            ) from None
        return self._replace(index, dataclasses.replace(step, fixer=fixer))

    def with_params(self, **params: Any) -> Pipeline:
        """A new pipeline with options from ``step__option=value`` keywords, named as in :meth:`get_params`.

        Unlike scikit-learn's ``set_params``, this pipeline is left as it was:

        >>> plain = Pipeline(["ascii"])
        >>> plain.with_params(ascii__transliterate=True)["ascii"].transliterate, plain["ascii"].transliterate
        (True, False)
        """
        grouped: dict[str, dict[str, Any]] = {}
        for key, value in params.items():
            name, sep, option = key.partition("__")
            if not sep or not option:
                raise TypeError(f"parameter {key!r} is not of the form step__option")
            grouped.setdefault(name, {})[option] = value
        pipeline = self
        for name, options in grouped.items():
            pipeline = pipeline.configure(name, **options)
        return pipeline

    def with_model(self, model: CorpusModel | None) -> Pipeline:
        """A new pipeline whose fixers consult ``model`` (from :func:`textmend.fit`); ``None`` removes it.

        Every step whose fixer has a ``model`` option gets it; the others are left as they are, and
        this pipeline is unchanged, as with :meth:`with_params`.
        """
        pipeline = self
        for step in self._steps:
            if "model" in {field.name for field in dataclasses.fields(step.fixer)}:
                pipeline = pipeline.configure(step.name, model=model)
        return pipeline

    # -- running -----------------------------------------------------------------------------
    def mend_document(self, text: str) -> Document:
        """Run every enabled step over ``text``; return the mended text, title, teasers and changes.

        Whether the document is markup (HTML or code: it has a ``<``) is decided once, on the input,
        and every step reads it from :class:`Findings`. The result is settled, as a second call would
        leave it: when the steps change that answer (ftfy decodes ``&lt;b&gt;``, the teasers step
        removes the only line with a ``<``), they run again on their output with the new answer; when
        a step edited after earlier ones ran, those earlier ones look at its output once more.
        """
        check_text(text)
        found = Findings(markup="<" in text)
        changes: list[Change] = []
        current = text
        # Steps at or after this index ran on the latest text and left it alone.
        settled_from = len(self._steps)
        for _ in range(MAX_PASSES):
            current, changes, last = self._run_steps(text, current, changes, found, settled_from)
            markup = "<" in current
            if markup != found.markup:
                found = dataclasses.replace(found, markup=markup)
                settled_from = len(self._steps)
            elif last is None:
                break
            else:
                settled_from = last
        return Document(current, found.title, found.teasers, changes, found.site)

    def _run_steps(
        self, text: str, current: str, changes: list[Change], found: Findings, settled_from: int
    ) -> tuple[str, list[Change], int | None]:
        """Run the enabled steps once over ``current`` (``changes`` applied to ``text``); return the text,
        the changes and the index of the last step that edited it (``None``: no step did).

        Until some step edits, the steps from ``settled_from`` on are skipped: they already left this
        text alone. A later step's edit can give an earlier one work (the ``words`` step splits a run
        that then reads as a damaged reference), which is why a pass follows the one that edited.
        """
        last: int | None = None
        for index, step in enumerate(self._steps):
            if not step.enabled or (last is None and index >= settled_from):
                continue
            # A repair can complete a pattern of the same fixer next to it (a decoded character glues
            # a neighbouring name to a word): run the fixer again on its own output until it settles,
            # so that mending the result changes nothing.
            for _ in range(1 if step.fixer.settled else MAX_ROUNDS):
                if not step.fixer.may_apply(current):
                    break
                edits = check_edits(current, step.fixer.find(current, found), step.name)
                if not edits:
                    break
                changes = compose(text, current, changes, edits, step.name)
                current = apply_edits(current, edits)
                last = index
        return current, changes, last

    def __call__(self, text: str) -> str:
        """The mended text."""
        return self.mend_document(text).text


#: How often one step may run on its own output before the pipeline moves on.
MAX_ROUNDS = 3

#: How often the steps may run over the whole text before the pipeline stops: the first pass, and
#: passes that check the earlier steps after a later one edited (or the markup answer changed).
MAX_PASSES = 4

#: The order of the built-in fixers in the default pipeline.
DEFAULT_STEPS = ("ftfy", "entities", "teasers", "titles", "words", "ascii")
#: The steps of the default pipeline that are there but off until enabled.
OPT_IN_STEPS = ("ascii",)
