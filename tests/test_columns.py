"""Fitting an aligned table into a width: short headers, cut cells, dropped columns."""

from __future__ import annotations

import pytest

from guidelint.columns import Layout, cut, fit, terminal_width

LAYOUT = Layout(
    short={"Long heading": "Short"},
    comfortable={"Path": 12, "Text": 10},
    minimum={"Path": 6, "Text": 5},
    keep_end=frozenset({"Path"}),
    drop=("Long heading", "Spare"),
    blank="-",
)
HEADERS = ["Path", "Text", "Long heading", "Spare"]
BODY = [["folder/sub/file.md", "a fairly long message", "2026-01-01", "-"]]


def width_of(headers: list[str], body: list[list[str]]) -> int:
    widths = [max(len(line[i]) for line in [headers, *body]) for i in range(len(headers))]
    return sum(widths) + 2 * (len(widths) - 1)


def test_a_table_that_fits_is_left_alone() -> None:
    assert fit(HEADERS, BODY, 200, LAYOUT) == (HEADERS, BODY)


def test_empty_columns_go_first_then_cells_are_cut() -> None:
    headers, body = fit(HEADERS, BODY, 40, LAYOUT)
    assert headers == ["Path", "Text", "Short"]
    assert body == [["…sub/file.md", "a fairly…", "2026-01-01"]]
    assert width_of(headers, body) <= 40


def test_columns_are_dropped_in_order_when_cutting_is_not_enough() -> None:
    headers, body = fit(HEADERS, BODY, 18, LAYOUT)
    assert headers == ["Path", "Text"]
    assert width_of(headers, body) <= 18


def test_a_table_too_wide_for_its_minimums_is_printed_anyway() -> None:
    headers, body = fit(HEADERS, BODY, 5, LAYOUT)
    assert headers == ["Path", "Text"]
    assert body == [["…le.md", "a fa…"]]


def test_cut_keeps_the_start_or_the_end() -> None:
    assert cut("abcdef", 4) == "abc…"
    assert cut("abcdef", 4, keep_end=True) == "…def"
    assert cut("abc", 4) == "abc"


@pytest.mark.parametrize(("columns", "width"), [("120", 120), ("10", 40), ("", 100), ("x", 100)])
def test_width_from_columns(monkeypatch: pytest.MonkeyPatch, columns: str, width: int) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_width(to_stdout=False) == width
