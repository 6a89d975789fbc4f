"""Records: equality, hashing, repr and _replace read from __slots__."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import subprocess
import sys

import pytest

import guidelint
from conftest import REPO
from guidelint.config import Settings
from guidelint.markdown import Cell
from guidelint.money import Parsed
from guidelint.records import Record
from guidelint.tables import EnvelopeCell


class Point(Record):
    __slots__ = ("x", "y", "tags")

    def __init__(self, x: int, y: int = 0, tags: list[str] | None = None) -> None:
        self.x = x
        self.y = y
        self.tags = [] if tags is None else tags


def test_fields_equality_and_repr() -> None:
    assert Point._fields == ("x", "y", "tags")
    assert Point(1) == Point(1, 0, [])
    assert Point(1) != Point(2)
    assert repr(Point(1, 2, ["a"])) == "Point(x=1, y=2, tags=['a'])"
    assert Point(1, 2)._asdict() == {"x": 1, "y": 2, "tags": []}


def test_unhashable_unless_asked() -> None:
    with pytest.raises(TypeError):
        hash(Point(1))
    cell = Cell("a", "a", 1, 2, 3)
    assert hash(cell) == hash(("a", "a", 1, 2, 3))
    assert {cell, Cell("a", "a", 1, 2, 3)} == {cell}


def test_a_subclass_adds_fields_and_never_equals_its_base() -> None:
    cell = EnvelopeCell("a", "a", 1, 2, 3)
    assert EnvelopeCell._fields == (*Cell._fields, "sources", "rows", "others")
    assert cell == EnvelopeCell("a", "a", 1, 2, 3)
    assert cell != Cell("a", "a", 1, 2, 3)
    assert hash(cell) == hash(EnvelopeCell("a", "a", 1, 2, 3))


def test_replace_copies_and_changes() -> None:
    point = Point(1, 2)
    moved = point._replace(y=3)
    assert (moved.x, moved.y, point.y) == (1, 3, 2)
    assert moved == Point(1, 3)
    with pytest.raises(TypeError):
        point._replace(colour="red")


def test_a_frozen_record_sets_each_field_once() -> None:
    settings = Settings()
    with pytest.raises(AttributeError):
        settings.fail_on = "error"
    with pytest.raises(AttributeError):
        del settings.fail_on
    assert settings._replace(fail_on="error").fail_on == "error"


def test_a_record_names_its_fields_in_a_slots_tuple() -> None:
    with pytest.raises(TypeError):

        class NoSlots(Record):
            pass

    with pytest.raises(TypeError):

        class Letters(Record):
            __slots__ = "xy"


def _records() -> list[type[Record]]:
    for module in pkgutil.walk_packages(guidelint.__path__, "guidelint."):
        if module.name == "guidelint.__main__":
            continue  # it runs the command line
        if module.name != "guidelint.lsp" or importlib.util.find_spec("pygls") is not None:
            importlib.import_module(module.name)
    found, pending = [], list(Record.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("guidelint."):
            found.append(cls)
    return found


def test_every_record_takes_its_fields_in_order() -> None:
    """``_replace`` builds a copy with ``__init__(*fields)``: each record's ``__init__``
    must take its fields, in ``__slots__`` order."""
    records = _records()
    assert {Settings, Cell, Parsed} <= set(records)  # the walk reaches every module
    for cls in records:
        params = list(inspect.signature(cls.__init__).parameters)[1:]
        assert tuple(params) == cls._fields, cls.__qualname__


def test_a_check_run_imports_no_dataclasses() -> None:
    """Start-up: defining a dataclass runs generated code, and ``dataclasses`` imports
    ``inspect``; a check run needs neither."""
    code = (
        "import sys; from guidelint.cli import main\n"
        "try:\n    main(['check', '--no-cache', '--isolated', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted({'dataclasses', 'inspect'} & set(sys.modules)))"
    )
    guide = REPO / "tests" / "fixtures" / "valid.md"
    done = subprocess.run(
        [sys.executable, "-c", code, str(guide)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
