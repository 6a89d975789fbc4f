"""GL401-GL411: each threshold the day before, on and after its boundary, and the
dates that are not the page's own (a cited source's, an event's, the data's vintage)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import FIXTURES, TODAY, lint_file, lint_text, positions, run_cli
from guidelint.config import Settings
from guidelint.diagnostics import Fix

D = dt.date
HERE = FIXTURES / "freshness"


def guide(
    last: object = "2026-10-01",
    due: object = "2027-01-15",
    quarter: object = "2026-Q3",
    summary: object = '"Strong base, growth equity"',
    body: str = "# Data Engineer at Acme\n",
) -> str:
    """A small guide: last_updated on line 4, quarter 5, due 6, summary 7, body from 9."""
    return (
        "---\n"
        "company: acme\n"
        "role: data-engineer\n"
        f"last_updated: {last}\n"
        f"salary_data_quarter: {quarter}\n"
        f"next_review_due: {due}\n"
        f"negotiation_dna_summary: {summary}\n"
        "---\n" + body
    )


def codes(text: str, select: str = "GL4", **kwargs: object) -> list[tuple[str, int, int]]:
    return positions(lint_text(text, select=[select], **kwargs))  # type: ignore[arg-type]


def test_fresh_guide_has_no_findings() -> None:
    assert codes(guide()) == []


# -- GL401 / GL402 -----------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (D(2026, 11, 20), [("GL401", 6, 18)]),
        (D(2026, 11, 21), [("GL401", 6, 18)]),  # the day before today: overdue
        (TODAY, [("GL402", 6, 18)]),  # due today: not yet overdue
        (D(2026, 11, 23), [("GL402", 6, 18)]),
        (D(2026, 12, 21), [("GL402", 6, 18)]),  # today + 29
        (D(2026, 12, 22), [("GL402", 6, 18)]),  # today + 30: the window's last day
        (D(2026, 12, 23), []),  # today + 31
    ],
)
def test_review_due_boundaries(due: dt.date, expected: list[tuple[str, int, int]]) -> None:
    assert codes(guide(last="2026-10-01", due=due.isoformat())) == expected


def test_overdue_message_gives_date_and_days() -> None:
    (found,) = lint_text(guide(last="2026-02-23", due="2026-05-23"), select=["GL401"])
    assert found.message == "review was due on 2026-05-23: 183 days overdue"
    assert (found.line, found.column, found.end_line, found.end_column) == (6, 18, 6, 28)
    assert found.severity.label == "warning"
    (one,) = lint_text(guide(last="2026-10-01", due="2026-11-21"), select=["GL401"])
    assert one.message.endswith(": 1 day overdue")


def test_due_soon_messages() -> None:
    (today,) = lint_text(guide(due="2026-11-22"), select=["GL402"])
    assert today.message == "review is due today (2026-11-22), within the 30-day review window"
    assert today.severity.label == "info"
    (later,) = lint_text(guide(due="2026-11-23"), select=["GL402"])
    assert later.message.startswith("review is due in 1 day (2026-11-23)")


@pytest.mark.parametrize(
    ("due", "expected"),
    [(D(2026, 11, 28), ["GL402"]), (D(2026, 11, 29), ["GL402"]), (D(2026, 11, 30), [])],
)
def test_review_window_setting(due: dt.date, expected: list[str]) -> None:
    settings = Settings()._replace(review_window_days=7)
    found = lint_text(guide(due=due.isoformat()), select=["GL402"], settings=settings)
    assert [d.code for d in found] == expected


def test_review_window_zero_reports_only_today() -> None:
    settings = Settings()._replace(review_window_days=0)
    assert codes(guide(due="2026-11-22"), "GL402", settings=settings) == [("GL402", 6, 18)]
    assert codes(guide(due="2026-11-23"), "GL402", settings=settings) == []


# -- GL403 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 6, 29), []),
        (D(2026, 6, 30), []),  # 2026-Q2: 2025-Q4 is two quarters old
        (D(2026, 7, 1), [("GL403", 5, 22)]),  # 2026-Q3: three quarters old
        (D(2026, 7, 2), [("GL403", 5, 22)]),
    ],
)
def test_stale_quarter_boundaries(today: dt.date, expected: list[tuple[str, int, int]]) -> None:
    text = guide(last="2026-02-23", due="2026-08-20", quarter="2025-Q4")
    assert codes(text, "GL403", today=today) == expected


def test_stale_quarter_message() -> None:
    (found,) = lint_text(guide(last="2026-02-23", quarter="2025-Q4"), select=["GL403"])
    assert found.message == (
        "salary data is from 2025-Q4, 4 quarters before 2026-Q4;"
        " expected at most 2 (max-data-age-quarters)"
    )
    assert (found.end_line, found.end_column) == (5, 29)


@pytest.mark.parametrize(
    ("quarter", "expected"), [("2026-Q4", []), ("2026-Q3", ["GL403"]), ("2026-Q2", ["GL403"])]
)
def test_max_data_age_zero(quarter: str, expected: list[str]) -> None:
    settings = Settings()._replace(max_data_age_quarters=0)
    found = lint_text(guide(quarter=quarter), select=["GL403"], settings=settings)
    assert [d.code for d in found] == expected


# -- GL404 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "expected"),
    [(D(2026, 11, 21), []), (TODAY, []), (D(2026, 11, 23), [("GL404", 4, 15)])],
)
def test_future_last_updated(last: dt.date, expected: list[tuple[str, int, int]]) -> None:
    text = guide(last=last.isoformat(), due="2027-01-15", quarter="2026-Q3")
    assert codes(text, "GL404") == expected


def test_future_last_updated_message() -> None:
    (found,) = lint_text(guide(last="2026-11-24"), select=["GL404"])
    assert found.message == "`last_updated` is 2026-11-24, 2 days after today (2026-11-22)"
    assert found.severity.label == "error"


@pytest.mark.parametrize(
    ("today", "expected"),
    [(D(2026, 9, 30), [("GL404", 5, 22)]), (D(2026, 10, 1), []), (D(2026, 10, 2), [])],
)
def test_future_quarter(today: dt.date, expected: list[tuple[str, int, int]]) -> None:
    text = guide(last="2026-09-15", due="2026-12-01", quarter="2026-Q4")
    assert codes(text, "GL404", today=today) == expected


def test_future_quarter_is_not_also_stale() -> None:
    found = lint_text(guide(last="2026-10-01", quarter="2027-Q1"), select=["GL4"])
    assert ("GL404", "data quarter 2027-Q1 starts on 2027-01-01, after today (2026-11-22)") in [
        (d.code, d.message) for d in found
    ]
    assert "GL403" not in [d.code for d in found]


# -- GL405 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (D(2026, 9, 30), [("GL405", 6, 18)]),  # the day before last_updated
        (D(2026, 10, 1), [("GL405", 6, 18)]),  # the same day: not after it
        (D(2026, 10, 2), []),
    ],
)
def test_review_not_after_update(due: dt.date, expected: list[tuple[str, int, int]]) -> None:
    assert codes(guide(last="2026-10-01", due=due.isoformat()), "GL405") == expected


@pytest.mark.parametrize(
    ("last", "expected"),
    [(D(2026, 3, 31), [("GL405", 5, 22)]), (D(2026, 4, 1), []), (D(2026, 4, 2), [])],
)
def test_quarter_after_update(last: dt.date, expected: list[tuple[str, int, int]]) -> None:
    text = guide(last=last.isoformat(), due="2026-09-01", quarter="2026-Q2")
    assert codes(text, "GL405") == expected


def test_date_order_messages() -> None:
    text = guide(last="2026-03-31", due="2026-03-01", quarter="2026-Q2")
    assert [d.message for d in lint_text(text, select=["GL405"])] == [
        "data quarter 2026-Q2 starts on 2026-04-01, after `last_updated` 2026-03-31",
        "`next_review_due` 2026-03-01 is not after `last_updated` 2026-03-31",
    ]


# -- GL406 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (D(2027, 4, 1), []),  # 182 days after 2026-10-01
        (D(2027, 4, 2), []),  # 183 days: the limit
        (D(2027, 4, 3), [("GL406", 6, 18)]),  # 184 days
    ],
)
def test_review_interval(due: dt.date, expected: list[tuple[str, int, int]]) -> None:
    assert codes(guide(last="2026-10-01", due=due.isoformat()), "GL406") == expected


def test_review_interval_setting_and_message() -> None:
    settings = Settings()._replace(max_review_interval_days=30)
    text = guide(last="2026-10-01", due="2026-11-01")
    (found,) = lint_text(text, select=["GL406"], settings=settings)
    assert found.message == (
        "`next_review_due` is 31 days after `last_updated`;"
        " expected at most 30 (max-review-interval-days)"
    )
    assert (
        lint_text(guide(last="2026-10-01", due="2026-10-31"), select=["GL406"], settings=settings)
        == []
    )


# -- GL407 -------------------------------------------------------------------


def test_body_dates_fixture() -> None:
    found = lint_file(HERE / "body-dates.md", select=["GL407"])
    assert positions(found) == [
        ("GL407", 10, 16),  # *Last updated: November 30, 2025*
        ("GL407", 14, 19),  # **Last Updated:** 30 Nov 2025
        ("GL407", 17, 11),  # - updated 1st Dec 2025
        ("GL407", 19, 19),  # > Last updated on Jan. 5th, 2026
        ("GL407", 29, 15),  # 2026-02-30
        ("GL407", 31, 14),  # Last-updated 12/24/2025
    ]
    fixes = [(d.fix.text if d.fix else None) for d in found]
    assert fixes == [
        "February 23, 2026",
        "23 Feb 2026",
        "23rd Feb 2026",
        "Feb. 23rd, 2026",
        "2026-02-23",
        "2/23/2026",
    ]
    first = found[0]
    assert first.message == "body says updated `November 30, 2025` but `last_updated` is 2026-02-23"
    assert first.fix == Fix(
        10,
        16,
        10,
        33,
        "February 23, 2026",
        "write `February 23, 2026` (the frontmatter's last_updated)",
    )
    assert (first.end_line, first.end_column) == (10, 33)
    assert (
        found[4].message
        == "body date `2026-02-30` is not a real date; `last_updated` is 2026-02-23"
    )


def test_applying_the_fix_silences_the_rule() -> None:
    text = guide(
        last="2026-02-23", due="2026-05-20", quarter="2025-Q4", body="*Last updated:* Feb 2, 2026\n"
    )
    (found,) = lint_text(text, select=["GL407"])
    assert found.fix is not None
    lines = text.split("\n")
    line = lines[found.fix.line - 1]
    lines[found.fix.line - 1] = (
        line[: found.fix.column - 1] + found.fix.text + line[found.fix.end_column - 1 :]
    )
    fixed = "\n".join(lines)
    assert "*Last updated:* Feb 23, 2026" in fixed
    assert lint_text(fixed, select=["GL407"]) == []


@pytest.mark.parametrize(
    "line",
    [
        "Last updated: 2026-02-23",
        "Updated 23 Feb 2026",
        "*Last updated:* Feb 23, 2026",
        "_Last updated February 2026_",
        "Last updated: 2/23/2026",
        "The bands were updated 3 March 2025 after a freeze.",
        "Salaries updated quarterly since March 2025.",
        "    Last updated: 2024-01-01",
        "Last updated: recently",
    ],
)
def test_body_dates_that_pass(line: str) -> None:
    text = guide(last="2026-02-23", due="2026-05-20", quarter="2025-Q4", body=f"# T\n\n{line}\n")
    assert codes(text, "GL407") == []


def test_body_date_with_timestamp_frontmatter() -> None:
    found = lint_file(HERE / "timestamps.md", select=["GL407"])
    assert positions(found) == [("GL407", 10, 15)]
    assert found[0].fix is not None and found[0].fix.text == "Feb 23, 2026"


def test_body_date_needs_a_usable_last_updated() -> None:
    assert codes(guide(last='"23 Feb 2026"', body="Last updated: 2026-01-01\n"), "GL407") == []


def test_source_and_event_dates_are_not_the_pages() -> None:
    found = lint_file(HERE / "source-dates.md", select=["GL407"], today=D(2026, 12, 6))
    # Lines 14 and 16 date a cited source, 22 an event, 26-28 source-list entries.
    assert positions(found) == [
        ("GL407", 18, 29),  # This guide was last updated November 30, 2025.
        ("GL407", 20, 40),  # *Next review: May 2026 · Last updated: 30 Nov 2025*
        ("GL407", 30, 16),  # the footer after the source list
    ]
    assert [d.fix.text if d.fix else None for d in found] == [
        "February 23, 2026",
        "23 Feb 2026",
        "February 23, 2026",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Levels.fyi — Updated 30 Nov 2025", []),
        ("Glassdoor (last updated 30 Nov 2025) agrees.", []),
        ("Salary bands last updated 30 Nov 2025.", [("GL407", 13, 27)]),  # the guide's own
        ("Levels.fyi data last updated 30 Nov 2025.", []),  # a listed source's
        ("Acme Q3 2025 earnings, last updated 2025-11-05", []),
        ("Compiled from Levels.fyi. Last updated 30 Nov 2025", [("GL407", 13, 40)]),
        ("Acme guide · Last updated 30 Nov 2025", [("GL407", 13, 27)]),
        ("Levels.fyi Salary Guide — updated 30 Nov 2025", []),
        ("Dice Salary Guide — updated 30 Nov 2025", [("GL407", 13, 29)]),
    ],
)
def test_whose_date_a_label_gives(line: str, expected: list[tuple[str, int, int]]) -> None:
    body = f"# Data Engineer at Acme\n\n{line}\n"
    text = guide(last="2026-02-23", due="2026-05-20", quarter="2025-Q4", body=body)
    text = text.replace("---\n#", "data_sources:\n  - Levels.fyi\n---\n#", 1)
    assert codes(text, "GL407") == expected


# -- GL408 -------------------------------------------------------------------


def test_stale_year_fixture() -> None:
    found = lint_file(HERE / "stale-year.md", select=["GL408"])
    assert positions(found) == [
        ("GL408", 7, 47),  # the summary's "2025 Focus"
        ("GL408", 9, 35),  # Salary Guide 2025
        ("GL408", 11, 4),  # 2025 Focus
        ("GL408", 13, 24),  # (2025)
        ("GL408", 15, 21),  # — 2025
        ("GL408", 27, 18),  # setext "Compensation for 2025"
    ]
    assert (
        found[0].message
        == "`negotiation_dna_summary` presents 2025 as current, but today is in 2026"
    )
    assert found[1].message == "heading presents 2025 as current, but today is in 2026"
    assert (found[1].end_line, found[1].end_column) == (9, 39)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2025, 12, 31), []),
        (D(2026, 1, 1), [("GL408", 9, 21)]),
        (D(2026, 1, 2), [("GL408", 9, 21)]),
    ],
)
def test_stale_year_boundary(today: dt.date, expected: list[tuple[str, int, int]]) -> None:
    text = guide(
        last="2025-11-01", due="2026-02-01", quarter="2025-Q3", body="# Acme Salary Guide 2025\n"
    )
    assert codes(text, "GL408", today=today) == expected


@pytest.mark.parametrize(
    "heading",
    [
        "# Levels in 2024",
        "# Equity History 2019-2023",
        "# Equity History 2019 – 2023",
        "# Trends (2025–2026)",
        "# Pay Since 2020",
        "# Q4 2025 Figures",
        "# November 2025 Offers",
        "# 2026 Guide",
        "# Class of 2025",
        "# Version 12025 Guide",
        "# Data as of 2025-Q4",
    ],
)
def test_stale_year_passes(heading: str) -> None:
    assert codes(guide(body=heading + "\n"), "GL408") == []


def test_stale_year_in_multiline_summary_points_at_the_value() -> None:
    text = guide(summary=">\n  Cash-heavy offers |\n  2025 Focus: reliability")
    # The folded value starts on line 7; the year is inside it, on a later line.
    assert codes(text, "GL408") == [("GL408", 7, 26)]


def test_stale_year_runs_without_frontmatter() -> None:
    found = lint_text("no frontmatter here\n\n## 2025 Outlook\n", select=["GL408"])
    assert positions(found) == [("GL408", 3, 4)]


# -- bad input: never a crash --------------------------------------------------


def test_bad_dates_never_crash() -> None:
    found = lint_file(HERE / "bad-dates.md")
    got = [(d.code, d.line) for d in found]
    assert ("GL103", 4) in got  # "23 Feb 2026"
    assert ("GL103", 5) in got  # 2025-Q5
    assert ("GL103", 6) in got  # 2026-02-30
    assert not [d for d in found if d.code.startswith("GL4") or d.code == "GL000"]


def test_timestamps_with_timezones() -> None:
    found = lint_file(HERE / "timestamps.md")
    assert "GL000" not in [d.code for d in found]
    gl4 = [(d.code, d.line, d.column) for d in found if d.code.startswith("GL4")]
    # Due on 2026-12-01 (in its own timezone); 281 days after 2026-02-23.
    assert gl4 == [("GL402", 6, 18), ("GL406", 6, 18), ("GL407", 10, 15)]
    assert ("GL103", 5) in [(d.code, d.line) for d in found]  # "Q4 2025"


@pytest.mark.parametrize(
    "fields",
    [
        {"last": "[2026, 2, 23]", "due": "{a: 1}", "quarter": "2025"},
        {"last": "null", "due": "null", "quarter": "null", "summary": "null"},
        {"last": "yes", "due": "12.5", "quarter": "[Q4]", "summary": "[2025 Focus]"},
        {"last": "2026-02-23 10:00:00", "due": "2026-05-23", "quarter": "2025-Q4"},
    ],
)
def test_mistyped_fields_never_crash(fields: dict[str, str]) -> None:
    found = lint_text(guide(**fields))
    assert "GL000" not in [d.code for d in found]


def test_missing_fields_are_left_to_the_schema() -> None:
    assert codes("---\ncompany: acme\n---\n# Hello\n") == []


# -- command line --------------------------------------------------------------


def test_overdue_fixture_from_the_command_line() -> None:
    result = run_cli(
        [
            "check",
            "--isolated",
            "--today",
            "2026-11-22",
            "--select",
            "GL4",
            "--format",
            "json",
            str(HERE / "overdue.md"),
        ]
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["code"], r["line"], r["column"]) for r in rows] == [
        ("GL403", 9, 22),
        ("GL401", 10, 18),
    ]


def test_seed_dates_give_overdue_and_stale(seeds: Path) -> None:
    seed = seeds / "000_e781461227729519.txt"
    if not seed.is_file():
        pytest.skip("the seed guide is not present")
    found = lint_file(seed, select=["GL4"], today=D(2026, 11, 22))
    assert positions(found) == [("GL403", 9, 22), ("GL401", 10, 18)]


@pytest.mark.parametrize("value", ["tomorrow", "2026-02-30", "22/11/2026", ""])
def test_today_must_be_a_date(value: str) -> None:
    result = run_cli(["check", "--isolated", "--today", value, str(HERE / "overdue.md")])
    assert result.returncode == 2
    assert "--today" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_today_moves_the_findings() -> None:
    result = run_cli(
        [
            "check",
            "--isolated",
            "--today",
            "2026-05-01",
            "--select",
            "GL4",
            "--format",
            "json",
            str(HERE / "overdue.md"),
        ]
    )
    assert [r["code"] for r in json.loads(result.stdout)] == ["GL402"]


def test_pathological_lines_stay_fast() -> None:
    """The rules' own work stays linear on huge lines (Markdown parsing is timed elsewhere)."""

    from guidelint.context import Context
    from guidelint.document import parse_guide
    from guidelint.rules.freshness import check_body_date, check_stale_year
    from guidelint.validation import load_schema

    body = (
        "# " + "Salary Guide 2020 " * 20_000 + "\n\n"
        "a" + "*" * 200_000 + "x updated 2020-01-01 " * 2_000 + "\n\n"
        "Last updated: " * 20_000 + "\n"
    )
    text = guide(last="2026-02-23", due="2026-05-20", quarter="2025-Q4", body=body)
    parsed = parse_guide(text.encode(), "big.md")
    assert parsed.blocks  # parse the Markdown before the clock starts
    settings = Settings()
    ctx = Context(TODAY, settings, load_schema("guide", settings.root))
    found = [*check_body_date(parsed, ctx), *check_stale_year(parsed, ctx)]
    assert [d.code for d in found].count("GL408") == 10


def test_fix_from_the_command_line(tmp_path: Path) -> None:
    target = tmp_path / "guide.md"
    target.write_bytes((HERE / "body-dates.md").read_bytes())
    args = ["check", "--isolated", "--today", "2026-11-22", "--select", "GL407"]
    result = run_cli([*args, "--fix", str(target)])
    assert result.returncode == 0, result.stderr
    lines = target.read_text(encoding="utf-8").split("\n")
    assert lines[9] == "*Last updated: February 23, 2026*"
    assert lines[13] == "**Last Updated:** 23 Feb 2026"
    assert lines[18] == "> Last updated on Feb. 23rd, 2026"
    assert lines[25] == "Last updated: 2024-01-01"  # inside a code block: untouched
    assert lines[30] == "Last-updated 2/23/2026"
    assert run_cli([*args, str(target)]).returncode == 0
    assert "All clear" in run_cli([*args, str(target)]).stdout


@pytest.mark.parametrize(
    ("written", "expected", "fix"),
    [
        ("30.11.2025", [("GL407", 9, 15)], "23.02.2026"),
        ("23.02.2026", [], None),
        ("23.2.2026", [], None),
        ("3.9.2025", [("GL407", 9, 15)], "23.2.2026"),
    ],
)
def test_dotted_day_first_dates(
    written: str, expected: list[tuple[str, int, int]], fix: str | None
) -> None:
    text = guide(
        last="2026-02-23", due="2026-05-20", quarter="2025-Q4", body=f"Last updated: {written}\n"
    )
    found = lint_text(text, select=["GL407"])
    assert positions(found) == expected
    assert [d.fix.text if d.fix else None for d in found] == ([fix] if fix else [])


def test_event_years_and_the_datas_vintage_are_not_stale() -> None:
    found = lint_file(HERE / "event-years.md", select=["GL408"], today=D(2026, 12, 6))
    # Lines 11 and 13 name the 2025-Q4 data's vintage; 17, 19 and 21 date past events.
    assert positions(found) == [
        ("GL408", 7, 56),  # the summary's "2025 Focus", not its "2025 Data"
        ("GL408", 9, 35),  # Salary Guide 2025: "Data" names the role, not the year
        ("GL408", 15, 15),  # Pay Bands (2024): not the data quarter's year
        ("GL408", 23, 29),  # Post-Merger Salary Guide 2024: the year dates the guide
        ("GL408", 25, 21),  # Hiring Outlook — 2025
    ]


@pytest.mark.parametrize(
    ("heading", "quarter", "reported"),
    [
        ("# Pay Benchmarks — 2025 Data", "2025-Q4", False),
        ("# Pay Benchmarks — 2025 Data", "2026-Q1", True),  # not the data's year
        ("# Compensation Bands (2025)", "2025-Q4", False),
        ("# Compensation Bands (2025)", "2026-Q3", True),
        ("# 2025 Salary Data", "2025-Q1", False),
        ("# Data Engineer Pay 2025", "2025-Q4", True),  # "Data" names the role
        ("# Merger Premium (2023)", "2026-Q3", False),
        ("# Acme Since Its 2021 IPO", "2026-Q3", False),
        ("# Founded 2019", "2026-Q3", False),
        ("# Post-Merger Salary Guide 2024", "2026-Q3", True),
    ],
)
def test_vintage_and_event_years(heading: str, quarter: str, reported: bool) -> None:
    text = guide(last="2026-02-23", due="2026-05-20", quarter=quarter, body=heading + "\n")
    assert bool(codes(text, "GL408", today=D(2026, 12, 6))) == reported


# -- GL409: the salary sources' dates ------------------------------------------------


def sourced(
    sources: str = "  - Levels.fyi\n  - Glassdoor\n",
    references: str = "1. Levels.fyi, Acme salaries (2024-2026)\n2. Glassdoor, Acme salaries\n",
    quarter: str = "2026-Q1",
    last: str = "2026-03-10",
) -> str:
    """data_sources from line 6; the references list starts on line 7 + its lines + 4."""
    return (
        "---\n"
        "company: acme\n"
        f"last_updated: {last}\n"
        f"salary_data_quarter: {quarter}\n"
        "data_sources:\n"
        f"{sources}"
        "---\n"
        "# Data Engineer at Acme\n\n"
        "#### Sources\n\n"
        f"{references}"
    )


def gl409(text: str, **kwargs: object) -> list[tuple[str, int, int]]:
    return codes(text, select="GL409", today=D(2026, 6, 1), **kwargs)


def test_sources_as_recent_as_the_quarter_pass() -> None:
    assert gl409(sourced()) == []


@pytest.mark.parametrize(
    ("written", "reported"),
    [
        ("2024-2025", True),  # ends 2025-12-31, before 2026-Q1 starts
        ("2025-2026", False),
        ("Q4 2025", True),
        ("Q1 2026", False),
        ("accessed Dec 2025", True),
        ("accessed Jan 2026", False),
        ("December 31, 2025", True),
        ("January 1, 2026", False),
    ],
)
def test_newest_source_against_the_quarter_start(written: str, reported: bool) -> None:
    refs = f"1. Levels.fyi, Acme salaries, {written}\n2. Glassdoor, Acme salaries\n"
    column = (
        len("1. Levels.fyi, Acme salaries, ")
        + 1
        + (len("accessed ") if "accessed" in written else 0)
    )
    assert gl409(sourced(references=refs)) == ([("GL409", 13, column)] if reported else [])


def test_message_names_the_source_date_and_the_quarter() -> None:
    refs = "1. Levels.fyi, Acme salaries (2024-2025)\n"
    found = lint_text(sourced(references=refs), select=["GL409"], today=D(2026, 6, 1))
    assert [d.message for d in found] == [
        "the newest dated salary source (2024-2025, up to 2025-12-31) ends before the data"
        " quarter 2026-Q1 starts (2026-01-01)"
    ]


def test_background_sources_do_not_count() -> None:
    refs = "1. Levels.fyi, Acme salaries\n2. Acme's founding, TechCrunch, 2019\n"
    assert gl409(sourced(references=refs)) == []


def test_date_accessed_and_names_are_read() -> None:
    sources = "  - name: Levels.fyi\n    date_accessed: 2025-11-30\n  - Salary Survey 2025\n"
    refs = "1. Levels.fyi\n"
    # the survey's year (to 2025-12-31) is newer than the access date
    assert gl409(sourced(sources=sources, references=refs)) == [("GL409", 8, 19)]
    sources = "  - name: Levels.fyi\n    date_accessed: 2025-11-30\n  - Salary Survey\n"
    assert gl409(sourced(sources=sources, references=refs)) == [("GL409", 7, 20)]
    sources = "  - name: Levels.fyi\n    date_accessed: 2026-01-02\n  - Salary Survey 2025\n"
    assert gl409(sourced(sources=sources, references=refs)) == []


def test_forecast_years_after_last_updated_are_skipped() -> None:
    refs = "1. Levels.fyi, Acme salaries 2025, market outlook through 2028\n"
    assert gl409(sourced(references=refs)) == [("GL409", 13, 30)]


@pytest.mark.parametrize(("limit", "reported"), [(0, False), (152, False), (151, True)])
def test_max_source_age_days(limit: int, reported: bool) -> None:
    # (2024-2025) is read as 2025-12-31, 152 days before 2026-06-01; the
    # quarter 2025-Q4 is met, so only the age counts.
    refs = "1. Levels.fyi, Acme salaries (2024-2025)\n"
    settings = Settings()._replace(max_source_age_days=limit)
    text = sourced(references=refs, quarter="2025-Q4")
    assert gl409(text, settings=settings) == ([("GL409", 13, 31)] if reported else [])


def test_guide_without_dated_sources_is_not_reported() -> None:
    refs = "1. Levels.fyi, Acme salaries\n"
    settings = Settings()._replace(max_source_age_days=1)
    assert gl409(sourced(references=refs), settings=settings) == []


def test_investor_documents_are_not_salary_sources() -> None:
    # The only dated source is an earnings release from before the data quarter.
    found = lint_file(HERE / "investor-sources.md", select=["GL409"], today=D(2026, 6, 1))
    assert positions(found) == []
    # A 10-K accessed in the quarter does not make 2024-2025 salary data recent.
    found = lint_file(HERE / "investor-sources-stale.md", select=["GL409"], today=D(2026, 6, 1))
    assert positions(found) == [("GL409", 15, 44)]
    assert found[0].message == (
        "the newest dated salary source (2024-2025, up to 2025-12-31) ends before the data"
        " quarter 2026-Q1 starts (2026-01-01)"
    )


@pytest.mark.parametrize(
    ("name", "counted"),
    [
        ("Acme Q3 2025 earnings", False),
        ("Acme FY2025 10-K", False),
        ("Acme Investor Day 2025", False),
        ("Acme 2025 shareholder letter", False),
        ("Acme 10-K 2025 executive compensation", True),
        ("Salary Survey 2025", True),
    ],
)
def test_which_listed_sources_are_salary_sources(name: str, counted: bool) -> None:
    sources = f"  - Levels.fyi\n  - {name}\n"
    refs = "1. Levels.fyi, Acme salaries\n"
    assert gl409(sourced(sources=sources, references=refs)) == (
        [("GL409", 7, len("  - ") + name.index("2025") + 1)] if counted else []
    )


# -- GL410 and GL411: the age of last_updated ----------------------------------------


@pytest.mark.parametrize(
    ("stale", "expired", "expected"),
    [
        (0, 0, []),
        (52, 0, []),  # 2026-10-01 to 2026-11-22 is 52 days
        (51, 0, [("GL410", 4, 15)]),
        (51, 52, [("GL410", 4, 15)]),
        (40, 51, [("GL411", 4, 15)]),
        (0, 51, [("GL411", 4, 15)]),
    ],
)
def test_guide_age_thresholds(
    stale: int, expired: int, expected: list[tuple[str, int, int]]
) -> None:
    settings = Settings()._replace(stale_after_days=stale, expired_after_days=expired)
    assert codes(guide(), settings=settings, select="GL41") == expected


def test_guide_age_message() -> None:
    settings = Settings()._replace(stale_after_days=30)
    found = lint_text(guide(), select=["GL410"], settings=settings)
    assert [d.message for d in found] == [
        "`last_updated` 2026-10-01 is 52 days before today; expected at most 30 (stale-after-days)"
    ]
