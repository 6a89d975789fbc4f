"""A base for classes that hold named values and that the code changes or that
need more than a ``typing.NamedTuple`` gives (defaults made per instance, a
``cached_property``, a subclass with more fields).

A subclass names its fields in ``__slots__``, in order (a base class's fields
come first), and writes its own ``__init__`` taking them, in that order, with
their defaults.  :class:`Record` supplies what ``@dataclass`` would write,
read from those slots: ``==`` (instances of the same class with equal
fields), a ``repr`` naming each field, ``_fields``, ``_asdict()`` and
``_replace(**changes)`` much as a ``NamedTuple`` has them (an unknown field
raises ``TypeError`` rather than ``ValueError``), and :meth:`Record._hash` for
classes whose instances are hashed (``__hash__ = Record._hash``; others stay
unhashable, as a dataclass with ``==`` is).  ``class Settings(Record,
frozen=True)`` makes a field settable only once, in ``__init__``: assigning it
again, or deleting it, raises ``AttributeError``, as a frozen dataclass does.

Nothing is generated when a subclass is made: no ``exec``, as dataclasses
use, and no ``inspect``, so defining one costs about what a plain class does.
A slot named with two leading underscores (``"__dict__"``, which a
``cached_property`` needs) is not a field.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, Self


class Record:
    """Fields from ``__slots__``; equality, ``repr`` and ``_replace`` from the fields."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    # The fields' values as a tuple (attrgetter: one C call).
    _values: ClassVar[Callable[..., tuple[Any, ...]]]

    def __init_subclass__(cls, frozen: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        slots = cls.__dict__.get("__slots__")
        if not isinstance(slots, tuple):
            # without its own tuple a subclass gets a __dict__ (its attributes then
            # neither compared nor shown), and a string is read letter by letter
            raise TypeError(f"{cls.__qualname__} must name its fields in a __slots__ tuple")
        if frozen:
            cls.__setattr__ = _set_once  # type: ignore[method-assign,assignment]
            cls.__delattr__ = _no_delete  # type: ignore[method-assign,assignment]
        cls._fields = tuple(
            name
            for klass in reversed(cls.__mro__)
            for name in klass.__dict__.get("__slots__", ())
            if not name.startswith("__")
        )
        cls._values = staticmethod(_getter(cls._fields))  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values(self) == self._values(other)
        return NotImplemented

    def _hash(self) -> int:
        """The hash of the fields' values, for ``__hash__ = Record._hash``."""
        return hash(self._values(self))

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{n}={v!r}" for n, v in zip(self._fields, self._values(self), strict=True)
        )
        return f"{self.__class__.__qualname__}({shown})"

    def _asdict(self) -> dict[str, Any]:
        return dict(zip(self._fields, self._values(self), strict=True))

    def _replace(self, **changes: Any) -> Self:
        """A copy with ``changes``: ``__init__`` given every field's value, in
        order (so it must take them so), then each change set in its slot."""
        new = self.__class__(*self._values(self))
        for name, value in changes.items():
            if name not in self._fields:
                raise TypeError(f"{self.__class__.__qualname__} has no field {name!r}")
            object.__setattr__(new, name, value)  # a frozen record's copy too
        return new


def _set_once(record: Record, name: str, value: Any) -> None:
    """A frozen record's ``__setattr__``: each field is set once, by ``__init__``."""
    if hasattr(record, name):
        raise AttributeError(f"{record.__class__.__qualname__} is frozen: cannot assign {name!r}")
    object.__setattr__(record, name, value)


def _no_delete(record: Record, name: str) -> None:
    raise AttributeError(f"{record.__class__.__qualname__} is frozen: cannot delete {name!r}")


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving a record's values of ``names``, always as a tuple."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda record: ()
