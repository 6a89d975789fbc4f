"""GL4xx: review dates, data age and dates that contradict each other.

Every rule measures against ``ctx.today`` (``--today``, default the local
date) and reads ``last_updated``, ``next_review_due`` and
``salary_data_quarter`` only when they hold a usable value: missing or
mistyped fields are the schema rules' business, so these rules stay quiet
about them instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from guidelint.bodydates import disagreeing_dates
from guidelint.context import Context
from guidelint.dates import Quarter, coerce_date, plural
from guidelint.diagnostics import Diagnostic, Fix, problem
from guidelint.document import Guide
from guidelint.registry import check, rule, with_classes
from guidelint.staleyears import stale_year_spans

rule(
    "GL401",
    "review-overdue",
    "warning",
    "the guide's `next_review_due` date has passed",
    what="""
        `next_review_due` is before today. The message gives the due date and
        how many days ago it passed; the diagnostic points at the date.
        """,
    why="""
        A guide past its review date may quote bands, levels and offers that
        the market has left behind, and readers negotiate with those numbers.
        """,
    example="""
        ```yaml
        last_updated: 2026-02-23
        next_review_due: 2026-05-23   # read on 2026-11-22: 183 days overdue
        ```
        """,
    fix="""
        Review the guide: refresh the figures, then set `last_updated` to the
        review date and `next_review_due` to the next planned review.
        """,
)
rule(
    "GL402",
    "review-due-soon",
    "info",
    "the guide's review falls due within the review window",
    what="""
        `next_review_due` is today or within the next `review-window-days`
        days (default 30), so the review should be planned now.
        """,
    why="Seeing reviews coming lets a team spread the work instead of meeting a wall of overdue guides.",
    example="""
        ```yaml
        next_review_due: 2026-12-10   # read on 2026-11-22: due in 18 days
        ```
        """,
    fix="Schedule the review; the finding goes away once the review is done and the date moves on.",
    options=("review-window-days",),
)
rule(
    "GL403",
    "stale-data-quarter",
    "warning",
    "the salary data comes from a quarter too far in the past",
    what="""
        `salary_data_quarter` is more than `max-data-age-quarters` (default 2)
        quarters before the quarter that today falls in. Data from 2025-Q4 read
        in 2026-Q2 is two quarters old and passes; read in 2026-Q3 it is three
        quarters old and is reported.
        """,
    why="Pay bands move every few quarters; old data understates what candidates can ask for.",
    example="""
        ```yaml
        salary_data_quarter: 2025-Q4   # read in 2026-Q4: 4 quarters old
        ```
        """,
    fix="Collect fresh figures and update `salary_data_quarter` with the table.",
    options=("max-data-age-quarters",),
)
rule(
    "GL404",
    "future-date",
    "error",
    "`last_updated` is in the future, or the data quarter has not started",
    what="""
        `last_updated` is after today, or `salary_data_quarter` names a quarter
        that begins after today.
        """,
    why="A date in the future is a typo (often the wrong year) and hides the guide's real age.",
    example="""
        ```yaml
        last_updated: 2027-02-23       # read on 2026-11-22
        salary_data_quarter: 2027-Q1
        ```
        """,
    fix="Correct the year or month to the date the guide was really updated.",
)
rule(
    "GL405",
    "date-order",
    "error",
    "the guide's dates are in an impossible order",
    what="""
        `next_review_due` is on or before `last_updated`, or
        `salary_data_quarter` begins after `last_updated` (the guide cannot
        quote data from a quarter that had not started when it was written).
        """,
    why="Dates in the wrong order usually mean one of them was not updated, or has a typo.",
    example="""
        ```yaml
        last_updated: 2026-02-23
        salary_data_quarter: 2026-Q2   # starts 2026-04-01, after last_updated
        next_review_due: 2026-01-15    # before last_updated
        ```
        """,
    fix="Correct whichever date is wrong; a review is due after the update it follows.",
)
rule(
    "GL406",
    "review-interval-too-long",
    "warning",
    "the next review is planned too long after the last update",
    what="""
        `next_review_due` is more than `max-review-interval-days` (default 183,
        about six months) after `last_updated`.
        """,
    why="A far-off review date keeps a guide looking current long after its numbers have aged.",
    example="""
        ```yaml
        last_updated: 2026-02-23
        next_review_due: 2027-02-23   # 365 days later
        ```
        """,
    fix="Plan the review sooner, or raise `max-review-interval-days` for the whole guide set.",
    options=("max-review-interval-days",),
)
rule(
    "GL407",
    "body-date-mismatch",
    "warning",
    'a "Last updated" line in the body disagrees with `last_updated`',
    what=with_classes(
        """
        A line in the body such as `Last updated: November 30, 2025`,
        `*Last updated:* Feb 23, 2026` or `Updated 23 Feb 2026` gives a date
        that differs from the frontmatter's `last_updated`. Each disagreeing
        line is reported at its date. ISO dates, month-day-year and
        day-month-year with full or short month names, ordinals, `Month YYYY`
        (compared by month) and numeric `3/4/2026` (either reading agrees)
        are understood. Code blocks are skipped.

        Only the page's own dates are read: a label that starts its line or
        sentence, follows the guide's own words (`This guide was last
        updated`, `Next review: May 2026 · Last updated`) or its own figures
        (`Compensation figures last updated`). A date after a cited source
        (`Levels.fyi — Updated March 2026`, `Glassdoor (last updated ...)`,
        `Levels.fyi data last updated ...` when `data_sources` lists it), in
        an entry of the source list, or followed by an event (`November 2025
        earnings`) belongs to that source or event and is not compared
        (data/freshness.json lists the words).
        """,
        "freshness.json",
        "GL407",
    ),
    why="Readers trust the date they see on the page; two different dates make both doubtful.",
    example="""
        ```markdown
        ---
        last_updated: 2026-02-23
        ---
        *Last updated: November 30, 2025*
        ```
        """,
    fix="""
        Write the frontmatter's date in the line; the automatic fix keeps the
        line's own spelling (`November 30, 2025` becomes `February 23, 2026`,
        `30 Nov 2025` becomes `23 Feb 2026`, `30.11.2025` becomes
        `23.02.2026`, ISO stays ISO).
        """,
    fixable=True,
)
rule(
    "GL408",
    "stale-year",
    "warning",
    "a heading or the summary presents a past year as current",
    what=with_classes(
        """
        A heading, or the `negotiation_dna_summary`, presents a year before
        today's year as the current one: `Salary Guide 2025`, `2025 Focus`,
        `Compensation for 2025`, a title ending in `(2025)` or `— 2025`.
        Years in ranges (`2019–2023`), after words that place them in the past
        (`since 2020`, `in 2024`), in dates and quarters, and anywhere in
        ordinary paragraphs are not reported. Neither is a year that dates a
        past event its clause names (`Merger Premium (2023)`, `2021 IPO`,
        `Post-IPO Equity — 2021`), unless a word that presents it as current
        stands beside it (`Post-Merger Salary Guide 2024` is reported), nor
        one equal to the year of `salary_data_quarter` beside a data noun
        (`Pay Benchmarks — 2025 Data` with 2025-Q4 data: the data's vintage).
        """,
        "freshness.json",
        "GL408",
    ),
    why="A title that names last year tells readers the guide is stale, even when its data is not.",
    example="""
        ```markdown
        ## 2025 Focus: Distributed Training     <!-- read in 2026 -->
        ```
        """,
    fix="Update the year once the content has been reviewed for it, or drop the year from the title.",
)


def _value(guide: Guide, key: str) -> Any:
    return guide.data.get(key) if isinstance(guide.data, dict) else None


def _at(guide: Guide, key: str, code: str, message: str, fix: Fix | None = None) -> Diagnostic:
    """A diagnostic covering the value of the frontmatter field ``key``."""
    span = guide.value_spans.get(key)
    if span is None:
        line, column = guide.value_position(key)
        return problem(code, line, column, message, fix=fix)
    return problem(
        code,
        span.line,
        span.column,
        message,
        end_line=span.end_line,
        end_column=span.end_column,
        fix=fix,
    )


@check("GL401", "GL402", "GL404", "GL405", "GL406")
def check_dates(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    today = ctx.today
    updated = coerce_date(_value(guide, "last_updated"))
    due = coerce_date(_value(guide, "next_review_due"))
    if due is not None:
        days = (due - today).days
        if days < 0:
            yield _at(
                guide,
                "next_review_due",
                "GL401",
                f"review was due on {due.isoformat()}: {plural(-days, 'day')} overdue",
            )
        elif days <= ctx.settings.review_window_days:
            when = "today" if days == 0 else f"in {plural(days, 'day')}"
            yield _at(
                guide,
                "next_review_due",
                "GL402",
                f"review is due {when} ({due.isoformat()}), within the"
                f" {ctx.settings.review_window_days}-day review window",
            )
    if updated is not None and updated > today:
        yield _at(
            guide,
            "last_updated",
            "GL404",
            f"`last_updated` is {updated.isoformat()}, {plural((updated - today).days, 'day')}"
            f" after today ({today.isoformat()})",
        )
    if updated is not None and due is not None:
        if due <= updated:
            yield _at(
                guide,
                "next_review_due",
                "GL405",
                f"`next_review_due` {due.isoformat()} is not after"
                f" `last_updated` {updated.isoformat()}",
            )
        else:
            interval = (due - updated).days
            limit = ctx.settings.max_review_interval_days
            if interval > limit:
                yield _at(
                    guide,
                    "next_review_due",
                    "GL406",
                    f"`next_review_due` is {plural(interval, 'day')} after `last_updated`;"
                    f" expected at most {limit} (max-review-interval-days)",
                )


@check("GL403", "GL404", "GL405")
def check_quarter(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    quarter = Quarter.parse(_value(guide, "salary_data_quarter"))
    if quarter is None:
        return
    key = "salary_data_quarter"
    current = Quarter.of(ctx.today)
    if quarter.start > ctx.today:
        yield _at(
            guide,
            key,
            "GL404",
            f"data quarter {quarter} starts on {quarter.start.isoformat()},"
            f" after today ({ctx.today.isoformat()})",
        )
    else:
        age = current - quarter
        limit = ctx.settings.max_data_age_quarters
        if age > limit:
            yield _at(
                guide,
                key,
                "GL403",
                f"salary data is from {quarter}, {plural(age, 'quarter')} before {current};"
                f" expected at most {limit} (max-data-age-quarters)",
            )
    updated = coerce_date(_value(guide, "last_updated"))
    if updated is not None and quarter.start > updated:
        yield _at(
            guide,
            key,
            "GL405",
            f"data quarter {quarter} starts on {quarter.start.isoformat()},"
            f" after `last_updated` {updated.isoformat()}",
        )


# ---------------------------------------------------------------------------
# GL407: "Last updated" lines in the body


@check("GL407")
def check_body_date(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    updated = coerce_date(_value(guide, "last_updated"))
    if updated is None:
        return
    for file_line, found in disagreeing_dates(guide, updated):
        column = found.start + 1
        replacement = found.respell(updated)
        expected = f"`last_updated` is {updated.isoformat()}"
        if found.value is None:
            message = f"body date `{found.text}` is not a real date; {expected}"
        else:
            message = f"body says updated `{found.text}` but {expected}"
        yield problem(
            "GL407",
            file_line,
            column,
            message,
            end_line=file_line,
            end_column=found.end + 1,
            fix=Fix(
                file_line,
                column,
                file_line,
                found.end + 1,
                replacement,
                f"write `{replacement}` (the frontmatter's last_updated)",
            ),
        )


# ---------------------------------------------------------------------------
# GL408: past years presented as current


@check("GL408", needs_frontmatter=False)
def check_stale_year(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    year = ctx.today.year
    for found in stale_year_spans(guide, year):
        yield problem(
            "GL408",
            found.line,
            found.column,
            f"{found.where} presents {found.text} as current, but today is in {year}",
            end_line=found.line if found.exact else None,
            end_column=found.column + len(found.text) if found.exact else None,
        )


# -- GL409-GL411: the age of the sources and of the guide ----------------------------

rule(
    "GL409",
    "stale-sources",
    "warning",
    "the newest dated salary source is older than the data it backs",
    what=with_classes(
        """
        The salary sources (the frontmatter's `data_sources`) carry dates: a
        `date_accessed`, a date or year in a source's name, or one on the line
        of the references section (`Evidence & Sources`, `Sources`, ...) that
        names the source, such as `Levels.fyi ... (2024-2026)`, `Q1 2026`,
        `accessed Feb 2026`. The newest of them is reported when it ends
        before `salary_data_quarter` starts, or, with `max-source-age-days`
        set, when it is more than that many days before today.

        Each mention is read as late as it allows (`2025` as 31 December
        2025, `Q1 2026` as 31 March 2026) but not after `last_updated`;
        a mention starting after `last_updated` (`through 2028`) is a
        forecast and is skipped. A guide whose salary sources carry no date
        is not reported, and background sources (annual reports, articles)
        that are not in `data_sources` do not count. An earnings report,
        filing or investor document listed in `data_sources` (`Acme Q3 2025
        earnings`, `Acme FY2025 10-K`) is not a salary source either: its
        name, `date_accessed` and reference lines are not read. The
        diagnostic points at the newest mention.
        """,
        "freshness.json",
        "GL409",
    ),
    why="""
        `salary_data_quarter` claims how recent the figures are; when every
        dated source is older, the claim is not backed, and the figures are
        likely older than the guide says.
        """,
    example="""
        ```markdown
        salary_data_quarter: 2026-Q1
        data_sources: [Levels.fyi, Glassdoor]
        ...
        **Evidence & Sources:**
        1. Levels.fyi compensation data (2024-2025)   <!-- ends before 2026-Q1 -->
        2. Glassdoor salary reports, 2025
        ```
        """,
    fix="""
        Collect figures from a source as recent as the data quarter and date
        it, or set `salary_data_quarter` to the quarter the sources really
        cover.
        """,
    options=("max-source-age-days (default 0: only the data-quarter test)",),
)
rule(
    "GL410",
    "stale-guide",
    "warning",
    "`last_updated` is older than the configured staleness age",
    what="""
        `last_updated` is more than `stale-after-days` days before today. The
        default, 0, turns the rule off: GL401 and GL403 already report
        guides whose review or data has aged, and a guide set that dates its
        staleness by the last edit opts in with the setting. A guide past
        `expired-after-days` is reported as GL411 instead.
        """,
    why="""
        Pay moves within months; a guide nobody has touched for a third of a
        year is likely to quote figures the market has left behind.
        """,
    example="""
        ```yaml
        # stale-after-days = 120
        last_updated: 2026-02-23   # read on 2026-12-02: 282 days old
        ```
        """,
    fix="Review the guide and set `last_updated` to the review date.",
    options=("stale-after-days (default 0: off)",),
)
rule(
    "GL411",
    "expired-guide",
    "error",
    "`last_updated` is older than the configured expiry age",
    what="""
        `last_updated` is more than `expired-after-days` days before today.
        The default, 0, turns the rule off; when both are set,
        `expired-after-days` must exceed `stale-after-days`, and a guide past
        it is reported here rather than as GL410.
        """,
    why="""
        A guide set that promises a maximum age should stop publishing guides
        past it: an error makes the build fail until the guide is reviewed or
        withdrawn.
        """,
    example="""
        ```yaml
        # expired-after-days = 240
        last_updated: 2026-02-23   # read on 2026-12-02: 282 days old
        ```
        """,
    fix="Review and update the guide, or withdraw it from publication.",
    options=("expired-after-days (default 0: off)",),
)


@check("GL409")
def check_sources(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    from guidelint.sources import newest, source_dates

    updated = coerce_date(_value(guide, "last_updated"))
    limit = min(updated, ctx.today) if updated is not None else ctx.today
    latest = newest(source_dates(guide, limit))
    if latest is None:
        return
    shown = f"the newest dated salary source ({latest.text}, up to {latest.last.isoformat()})"
    quarter = Quarter.parse(_value(guide, "salary_data_quarter"))
    age, limit_days = (ctx.today - latest.last).days, ctx.settings.max_source_age_days
    if quarter is not None and latest.last < quarter.start:
        message = (
            f"{shown} ends before the data quarter {quarter} starts ({quarter.start.isoformat()})"
        )
    elif limit_days and age > limit_days:
        message = (
            f"{shown} is {plural(age, 'day')} old; expected at most {limit_days}"
            " (max-source-age-days)"
        )
    else:
        return
    yield problem("GL409", latest.line, latest.column, message)


@check("GL410", "GL411")
def check_guide_age(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    updated = coerce_date(_value(guide, "last_updated"))
    if updated is None:
        return
    age = (ctx.today - updated).days
    stale, expired = ctx.settings.stale_after_days, ctx.settings.expired_after_days
    if expired and age > expired:
        code, key, limit = "GL411", "expired-after-days", expired
    elif stale and age > stale:
        code, key, limit = "GL410", "stale-after-days", stale
    else:
        return
    yield _at(
        guide,
        "last_updated",
        code,
        f"`last_updated` {updated.isoformat()} is {plural(age, 'day')} before today;"
        f" expected at most {limit} ({key})",
    )
