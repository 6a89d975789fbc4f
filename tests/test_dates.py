"""Date coercion, quarters and free-text dates."""

from __future__ import annotations

import datetime as dt

import pytest

from guidelint.dates import Quarter, coerce_date, find_dates, match_date, parse_free_date

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D(2026, 2, 23), D(2026, 2, 23)),
        (dt.datetime(2026, 2, 23, 23, 30), D(2026, 2, 23)),
        # The calendar day as written, not shifted to UTC.
        (
            dt.datetime(2026, 2, 23, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            D(2026, 2, 23),
        ),
        (
            dt.datetime(2026, 2, 24, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=9))),
            D(2026, 2, 24),
        ),
        ("2026-02-23", D(2026, 2, 23)),
        (" 2026-02-23 ", D(2026, 2, 23)),
        ("2026-02-23T10:00:00Z", D(2026, 2, 23)),
        ("2026-02-23T23:30:00-05:00", D(2026, 2, 23)),
        ("2026-02-30", None),
        ("2026-13-01", None),
        ("23 Feb 2026", None),
        ("Feb 23, 2026", None),
        ("2026/02/23", None),
        ("", None),
        (None, None),
        (20260223, None),
        (["2026-02-23"], None),
        ({"date": "2026-02-23"}, None),
        (True, None),
    ],
)
def test_coerce_date(value: object, expected: dt.date | None) -> None:
    assert coerce_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-Q4", Quarter(2025, 4)),
        ("2026-Q1", Quarter(2026, 1)),
        (" 2026-Q2 ", Quarter(2026, 2)),
        ("2025-Q5", None),
        ("2025-Q0", None),
        ("Q4 2025", None),
        ("2025Q4", None),
        ("2025-q4", None),
        ("0000-Q1", None),
        (2025, None),
        (None, None),
    ],
)
def test_quarter_parse(text: object, expected: Quarter | None) -> None:
    assert Quarter.parse(text) == expected


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (D(2026, 1, 1), Quarter(2026, 1)),
        (D(2026, 3, 31), Quarter(2026, 1)),
        (D(2026, 4, 1), Quarter(2026, 2)),
        (D(2026, 6, 30), Quarter(2026, 2)),
        (D(2026, 7, 1), Quarter(2026, 3)),
        (D(2026, 9, 30), Quarter(2026, 3)),
        (D(2026, 10, 1), Quarter(2026, 4)),
        (D(2026, 12, 31), Quarter(2026, 4)),
    ],
)
def test_quarter_of(day: dt.date, quarter: Quarter) -> None:
    assert Quarter.of(day) == quarter
    assert quarter.start <= day <= quarter.end


def test_quarter_bounds_and_arithmetic() -> None:
    q = Quarter(2025, 4)
    assert (q.start, q.end) == (D(2025, 10, 1), D(2025, 12, 31))
    assert (Quarter(2024, 1).end, Quarter(2024, 2).end) == (D(2024, 3, 31), D(2024, 6, 30))
    assert Quarter(2026, 3).end == D(2026, 9, 30)
    assert q + 1 == Quarter(2026, 1)
    assert q + -4 == Quarter(2024, 4)
    assert Quarter(2026, 4) - q == 4
    assert q - Quarter(2026, 1) == -1
    assert str(q) == "2025-Q4"
    assert Quarter(2025, 4) < Quarter(2026, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 30, 2025", D(2025, 11, 30)),
        ("Nov 30 2025", D(2025, 11, 30)),
        ("30 Nov 2025", D(2025, 11, 30)),
        ("30th of November 2025", D(2025, 11, 30)),
        ("Sept. 5th, 2026", D(2026, 9, 5)),
        ("2026-02-23", D(2026, 2, 23)),
        ("March 2026", D(2026, 3, 1)),
        ("February 30, 2026", None),
    ],
)
def test_parse_free_date(text: str, expected: dt.date | None) -> None:
    assert parse_free_date(text) == expected


def test_find_dates_positions_and_precision() -> None:
    text = "from 2026-02-23 to March 2026, or 3/4/2026; not 2026-02-23T10:00"
    found = find_dates(text)
    assert [(f.text, f.start, f.precision) for f in found] == [
        ("2026-02-23", 5, "day"),
        ("March 2026", 19, "month"),
        ("3/4/2026", 34, "day"),
    ]
    assert match_date(text, 5) is not None
    assert match_date(text, 4) is None


@pytest.mark.parametrize(
    ("text", "agrees"),
    [
        ("3/4/2026", [D(2026, 3, 4), D(2026, 4, 3)]),
        ("13/4/2026", [D(2026, 4, 13)]),
        ("March 2026", [D(2026, 3, 1), D(2026, 3, 31)]),
    ],
)
def test_agreement(text: str, agrees: list[dt.date]) -> None:
    found = match_date(text)
    assert found is not None
    for day in agrees:
        assert found.agrees_with(day)
    assert not found.agrees_with(D(2026, 5, 4))


@pytest.mark.parametrize(
    ("text", "respelled"),
    [
        ("2025-11-30", "2026-02-03"),
        ("November 30, 2025", "February 3, 2026"),
        ("Nov 30, 2025", "Feb 3, 2026"),
        ("Nov. 30, 2025", "Feb. 3, 2026"),
        ("NOV 30 2025", "FEB 3 2026"),
        ("november 30th, 2025", "february 3rd, 2026"),
        ("30 Nov 2025", "3 Feb 2026"),
        ("05 Nov 2025", "03 Feb 2026"),
        ("30 November, 2025", "3 February, 2026"),
        ("21st of November 2025", "3rd of February 2026"),
        ("November 2025", "February 2026"),
        ("May 2026", "February 2026"),
        ("Sept. 5, 2026", "Feb. 3, 2026"),
        ("12/24/2025", "2/3/2026"),
        ("24/12/2025", "3/2/2026"),
        ("01/05/2025", "02/03/2026"),
    ],
)
def test_respell_keeps_the_spelling(text: str, respelled: str) -> None:
    found = match_date(text)
    assert found is not None and found.text == text
    assert found.respell(D(2026, 2, 3)) == respelled


def test_long_input_is_linear() -> None:
    # Many near-misses in one line must not make the matcher backtrack badly.
    text = "1 " * 50_000 + "Nov " * 20_000
    assert find_dates(text) == []
