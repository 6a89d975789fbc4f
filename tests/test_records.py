"""Records: equality, hashing, repr and _replace read from __slots__."""

from __future__ import annotations

import pytest

from guidelint.diagnostics import Diagnostic, Fix
from guidelint.markdown import Cell
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
    fix = Fix(1, 2, 1, 3, "x")
    assert hash(fix) == hash((1, 2, 1, 3, "x", ""))
    assert {fix, Fix(1, 2, 1, 3, "x")} == {fix}


def test_a_subclass_adds_fields_and_never_equals_its_base() -> None:
    cell = EnvelopeCell("a", "a", 1, 2, 3)
    assert EnvelopeCell._fields == (*Cell._fields, "sources", "rows", "others")
    assert cell == EnvelopeCell("a", "a", 1, 2, 3)
    assert cell != Cell("a", "a", 1, 2, 3)
    assert hash(cell) == hash(EnvelopeCell("a", "a", 1, 2, 3))


def test_replace_copies_and_changes() -> None:
    d = Diagnostic("g.md", 3, 1, "GL101", "m")
    moved = d._replace(line=4, name="n")
    assert (moved.line, moved.name, d.line, d.name) == (4, "n", 3, "")
    assert moved == Diagnostic("g.md", 4, 1, "GL101", "m", name="n")
    with pytest.raises(TypeError):
        d._replace(colour="red")


def test_stamped_is_replace() -> None:
    d = Diagnostic("", 3, 1, "GL101", "m", 3, 5)
    fix = Fix(3, 1, 3, 5, "x")
    assert d.stamped("g.md", "n", d.severity, fix, ()) == d._replace(path="g.md", name="n", fix=fix)
