"""What a fixer is, and the registry that lets pipelines name them.

A fixer is a small frozen dataclass: its fields are its options, ``name`` is how pipelines refer to
it, ``gate`` is a cheap pattern that any text it could change must match (text that does not match is
skipped without calling the fixer), and :meth:`Fixer.find` proposes edits. Third parties register
their own with :func:`register`::

    @register
    @dataclass(frozen=True)
    class Shout(Fixer):
        name: ClassVar[str] = "shout"
        gate: ClassVar[Pattern[str] | None] = regex.compile("!!+")

        def find(self, text, found):
            for match in self.gate.finditer(text):
                yield Edit(match.start(), match.end(), "!", "repeated exclamation marks")
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, ClassVar, Protocol, TypeVar

from .errors import RegistrationError, UnknownNameError
from .model import Edit, Teaser


class Pattern(Protocol):
    """Anything with a ``search`` method, like a compiled ``re`` or ``regex`` pattern."""

    def search(self, string: str, /) -> object: ...


@dataclasses.dataclass
class Findings:
    """Structured data the structural fixers take out of the text: title and teasers."""

    title: str | None = None
    teasers: list[Teaser] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class Fixer:
    """Base class of all fixers; subclasses are frozen dataclasses whose fields are options."""

    name: ClassVar[str] = ""
    #: Text on which ``gate.search`` finds nothing is left alone without calling :meth:`find`.
    gate: ClassVar[Pattern | None] = None
    #: ``True`` when :meth:`find` already decides again until its own edits leave nothing to do, so the
    #: pipeline need not run it a second time on its output (see ``Pipeline.mend_document``).
    settled: ClassVar[bool] = False

    def find(self, text: str, found: Findings) -> Iterable[Edit]:
        """Propose edits to ``text``; structural fixers also fill ``found``."""
        raise NotImplementedError

    def may_apply(self, text: str) -> bool:
        """Cheap check: can this fixer change ``text`` at all?

        The pipeline skips the fixer when this is false. A fixer whose test is more than one pattern
        (``ftfy``, whose test also depends on its options) overrides it; a false answer must mean
        that :meth:`find` would propose no edit.
        """
        return self.gate is None or self.gate.search(text) is not None

    def get_params(self) -> dict[str, Any]:
        """This fixer's options, by name."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


_REGISTRY: dict[str, type[Fixer]] = {}

F = TypeVar("F", bound=type[Fixer])


def register(cls: F) -> F:
    """Class decorator: make a fixer class available to pipelines under its ``name``."""
    if not cls.name:
        raise RegistrationError(f"{cls.__qualname__} has no name; give it a ClassVar name such as 'shout'")
    if "__" in cls.name:
        raise RegistrationError(
            f"fixer name {cls.name!r} contains '__', which separates step from option in "
            "Pipeline.with_params keys; use a single '_'"
        )
    known = _REGISTRY.get(cls.name)
    if known is not None and known is not cls:
        raise RegistrationError(f"a fixer named {cls.name!r} is already registered: {known.__qualname__}")
    _REGISTRY[cls.name] = cls
    return cls


def fixer_class(name: str) -> type[Fixer]:
    """The registered fixer class called ``name``."""
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise UnknownNameError(f"no fixer named {name!r}; known fixers: {known}") from None


def registered_fixers() -> list[str]:
    """The names of all registered fixers, sorted."""
    return sorted(_REGISTRY)
