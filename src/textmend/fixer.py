"""What a fixer is, and the registry that lets pipelines name them.

There is one way to write a fixer: a frozen dataclass named ``<Name>Fixer`` whose fields are its
options, with

- ``name``: how pipelines and the command line call it (one word; ``__`` is refused, since it parts
  step from option in :meth:`Pipeline.with_params <textmend.Pipeline.with_params>` keys);
- ``gate``: a compiled ``re``/``regex`` pattern that any text the fixer could change contains, or
  ``None``. Text the gate finds nothing in is skipped without calling the fixer. A test that is not
  one pattern (cheaper string methods, or one that depends on the options) is an override of
  :meth:`Fixer.may_apply` calling a named helper, never an object that pretends to be a pattern;
- :meth:`Fixer.find`: collect candidates, judge each with named predicates, yield one
  :class:`~textmend.Edit` per repair, with a ``reason``, a ``kind`` and numeric ``evidence``.

:func:`register` makes the name usable::

    @register
    @dataclass(frozen=True)
    class ShoutFixer(Fixer):
        '''Squeeze runs of exclamation marks.'''

        name: ClassVar[str] = "shout"
        gate: ClassVar[Pattern | None] = regex.compile("!!+")

        def find(self, text, found):
            for match in self.gate.finditer(text):
                yield Edit(match.start(), match.end(), "!", "repeated exclamation marks", "shout/repeat")
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Literal, Protocol, TypeVar, Union, get_args, get_origin

from .errors import RegistrationError, UnknownNameError
from .model import Edit, Teaser

__all__ = ["Findings", "Fixer", "Pattern", "check_options", "fixer_class", "register", "registered_fixers"]


class Pattern(Protocol):
    """Anything with a ``search`` method, like a compiled ``re`` or ``regex`` pattern."""

    def search(self, string: str, /) -> object: ...


@dataclasses.dataclass
class Findings:
    """What the fixers learn about a document: the title, site name and teasers the structural fixers
    take out of the text, and whether the input is markup (HTML or code: it has a ``<``), decided once
    on the input by the pipeline so that every step and every run decides alike (``None``: each fixer
    looks at the text it is given)."""

    title: str | None = None
    site: str | None = None
    teasers: list[Teaser] = dataclasses.field(default_factory=list)
    markup: bool | None = None


@dataclasses.dataclass(frozen=True)
class Fixer:
    """Base class of all fixers; subclasses are frozen dataclasses whose fields are options."""

    name: ClassVar[str] = ""
    #: A compiled pattern any text this fixer could change contains, or None: text on which
    #: ``gate.search`` finds nothing is left alone without calling :meth:`find`.
    gate: ClassVar[Pattern | None] = None
    #: ``True`` when :meth:`find` already decides again until its own edits leave nothing to do, so the
    #: pipeline need not run it a second time on its output (see ``Pipeline.mend_document``).
    settled: ClassVar[bool] = False

    def find(self, text: str, found: Findings) -> Iterable[Edit]:
        """Propose edits to ``text``; structural fixers also fill ``found``."""
        raise NotImplementedError

    def may_apply(self, text: str) -> bool:
        """Cheap check: can this fixer change ``text`` at all?

        The pipeline skips the fixer when this is false. By default it asks the ``gate``. A fixer
        whose test is more than one pattern (``ftfy``, whose test also depends on its options)
        overrides this method instead, calling a named helper; a false answer must mean that
        :meth:`find` would propose no edit.
        """
        return self.gate is None or self.gate.search(text) is not None

    def get_params(self) -> dict[str, Any]:
        """This fixer's options, by name."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


_REGISTRY: dict[str, type[Fixer]] = {}

_F = TypeVar("_F", bound=type[Fixer])


def register(cls: _F) -> _F:
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


def check_options(cls: type[Fixer], options: Mapping[str, Any]) -> None:
    """Raise a ``TypeError`` naming the option when a value in ``options`` is not of the type its field
    declares (``words__margin`` must be a float, not ``'abc'``), so that a wrong value fails where it is
    given, not later inside a fixer. Names the class has no field for are left to the caller.

    >>> from textmend.fixers.words import WordsFixer
    >>> check_options(WordsFixer, {"margin": 2, "language": "de"})
    >>> check_options(WordsFixer, {"margin": "abc"})
    Traceback (most recent call last):
    TypeError: option words__margin must be float, not str ('abc')
    """
    hints = _option_types(cls)
    for option, value in options.items():
        hint = hints.get(option)
        if hint is not None and not _matches(value, hint):
            wrong = f"{type(value).__name__} ({value!r})"
            raise TypeError(f"option {cls.name}__{option} must be {_describe(hint)}, not {wrong}")


_OPTION_TYPES: dict[type[Fixer], dict[str, Any]] = {}


def _option_types(cls: type[Fixer]) -> dict[str, Any]:
    """The declared type of each field of ``cls`` (none when a name in them is one only a type checker
    imports: then no value is checked), read once per class."""
    found = _OPTION_TYPES.get(cls)
    if found is None:
        try:
            hints = typing.get_type_hints(cls)
        except NameError:
            hints = {}
        found = {field.name: hints[field.name] for field in dataclasses.fields(cls) if field.name in hints}
        _OPTION_TYPES[cls] = found
    return found


def _matches(value: object, hint: Any) -> bool:
    """Whether ``value`` is of type ``hint``: classes, ``X | None``, ``Literal``, ``tuple[X, ...]`` (a
    tuple or list of X) and other containers' outer type. An int is a float; a bool is neither."""
    origin = get_origin(hint)
    if hint is Any:
        return True
    if origin in (Union, types.UnionType):
        return any(_matches(value, arg) for arg in get_args(hint))
    if origin is Literal:
        return any(value == arg and type(value) is type(arg) for arg in get_args(hint))
    if hint is None or hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is tuple:  # ``tuple[str, ...]``: a list will do too (the fixer makes it a tuple), a str not
        args = get_args(hint)
        items_hint = args[0] if len(args) == 2 and args[1] is Ellipsis else Any
        return isinstance(value, (tuple, list)) and all(_matches(item, items_hint) for item in value)
    if isinstance(origin, type):
        return isinstance(value, origin)
    return not isinstance(hint, type) or isinstance(value, hint)


def _describe(hint: Any) -> str:
    """``float``, ``str``, ``'NFC' or 'NFKC' or None``: a type as a message names it."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(arg) for arg in get_args(hint))
    if origin is Literal:
        return " or ".join(repr(arg) for arg in get_args(hint))
    if hint is None or hint is type(None):
        return "None"
    if origin is tuple:
        return f"a tuple or list of {_describe(get_args(hint)[0])}"
    return getattr(hint, "__name__", str(hint))
