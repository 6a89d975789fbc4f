"""When a guide's salary sources are from: dates given with its `data_sources`.

A guide's salary figures come from the sources its frontmatter lists in
`data_sources`.  Each of them may carry a date: its `date_accessed`, a date or
year in its name (`MLOps Salary Guide 2026`), or one on the line of the
references section that names it (`Levels.fyi ... (2024-2026)`).  Background
sources (annual reports, press articles) say nothing about the age of the pay
data and are not read, even when `data_sources` lists them: an earnings report,
filing or investor document there (`Acme Q3 2025 earnings`) is the company's
account of itself (data/freshness.json, `investor_documents`).

A mention is a span of days: `2025` is all of 2025, `Q1 2026` its quarter,
`Feb 2026` its month.  A source's date is read as late as its mention allows,
but never after the guide's own `last_updated` (a guide cannot cite what did
not exist yet); a mention that starts after it (`through 2028`) is a forecast,
not a source date, and is skipped.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any, NamedTuple

from guidelint import patterns
from guidelint.dates import Quarter, coerce_date, find_dates
from guidelint.document import Guide
from guidelint.resources import data_file
from guidelint.scan import Lazy

# A link's target holds at most one level of brackets ("files/levels_(2026).pdf") and
# stops at any other "(": "[x]([x]([x](..." left open is read once, not from each "]("
# to its end.
_URL = patterns.compile(r"https?://\S+|\]\((?:[^()\s]|\([^()\s]*\))*\)")
_YEAR = Lazy(
    r"(?<![\w.,$€£/-])(?:FY ?)?(?P<year>(?:19|20)[0-9]{2})"
    r"(?:[ \t]?[-–—/][ \t]?(?P<until>(?:19|20)?[0-9]{2}))?(?![\w%$€£])"
)
_QUARTER = Lazy(
    r"(?<!\w)(?:Q(?P<n1>[1-4])[ \t]?(?:FY[ \t]?)?(?P<y1>(?:19|20)[0-9]{2})"
    r"|(?P<y2>(?:19|20)[0-9]{2})[ -]?Q(?P<n2>[1-4]))(?!\w)"
)


class SourceDate(NamedTuple):
    """A date mention: the first and last day it may mean, and where it is written."""

    first: dt.date
    last: dt.date
    text: str
    line: int
    column: int


def mentions(text: str) -> Iterator[tuple[int, str, dt.date, dt.date]]:
    """(offset, text, first day, last day) of each date, quarter or year in ``text``.

    A year inside a date or quarter already read (`Feb 2026`, `Q1 2026`) is
    not read again as the whole year.
    """
    taken: list[tuple[int, int]] = []
    for found in find_dates(text):
        if found.value is None:
            continue
        first = last = found.value
        if found.precision == "month":
            first = found.value.replace(day=1)
            last = _month_end(found.value)
        taken.append((found.start, found.end))
        yield found.start, found.text, first, last
    for match in _QUARTER.finditer(text):
        year = int(match.group("y1") or match.group("y2"))
        quarter = Quarter(year, int(match.group("n1") or match.group("n2")))
        taken.append(match.span())
        yield match.start(), match.group(0), quarter.start, quarter.end
    taken.sort()
    starts = [start for start, _ in taken]
    reach = list(itertools.accumulate((end for _, end in taken), max))  # furthest end so far
    for match in _YEAR.finditer(text):
        before = bisect.bisect_left(starts, match.end())  # the spans starting before its end
        if before and reach[before - 1] > match.start():
            continue  # inside a date or quarter already read
        first_year = last_year = int(match.group("year"))
        until = match.group("until")
        if until:
            later = int(until) if len(until) == 4 else first_year // 100 * 100 + int(until)
            last_year = max(last_year, later)
        yield (
            match.start(),
            match.group(0),
            dt.date(first_year, 1, 1),
            dt.date(last_year, 12, 31),
        )


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def is_investor_document(name: str) -> bool:
    """Whether a `data_sources` name is an earnings report, filing or investor
    document rather than salary data (`Acme Q3 2025 earnings`, `Acme FY2025 10-K`)."""
    from guidelint.claims.support import source_kind_names  # the claims vocabulary's kinds

    entry = data_file("freshness.json")["investor_documents"]
    kinds = source_kind_names(name)
    return entry["source_kind"] in kinds and entry["unless_kind"] not in kinds


def _item_name(item: Any) -> Any:
    return item.get("name") if isinstance(item, dict) else item


def listed_names(data: Any, *, salary_only: bool = False) -> list[str]:
    """The compared form of each `data_sources` name (before any parenthesis);
    with ``salary_only``, without the investor documents."""
    names: list[str] = []
    sources = data.get("data_sources") if isinstance(data, dict) else None
    for item in sources if isinstance(sources, list) else ():
        name = _item_name(item)
        if isinstance(name, str) and not (salary_only and is_investor_document(name)):
            key = name.split("(", 1)[0].strip().casefold()
            if len(key) >= 3:
                names.append(key)
    return names


def source_dates(guide: Guide, limit: dt.date) -> list[SourceDate]:
    """Every dated mention of a salary source, read no later than ``limit``."""
    data = guide.data if isinstance(guide.data, dict) else {}
    found: list[SourceDate] = []

    def add(text: str, line: int, column: int, first: dt.date, last: dt.date) -> None:
        if first <= limit:
            found.append(SourceDate(first, min(last, limit), text, line, column))

    sources = data.get("data_sources")
    for index, item in enumerate(sources if isinstance(sources, list) else ()):
        path = f"data_sources/{index}"
        name = _item_name(item)
        if isinstance(name, str) and is_investor_document(name):
            continue
        if isinstance(item, dict):
            accessed = coerce_date(item.get("date_accessed"))
            if accessed is not None:
                line, column = guide.value_position(f"{path}/date_accessed")
                add(accessed.isoformat(), line, column, accessed, accessed)
            name, path = item.get("name"), f"{path}/name"
        else:
            name = item
        if isinstance(name, str):
            line, column = guide.value_position(path)
            raw = guide.lines[line - 1] if 0 < line <= len(guide.lines) else ""
            for _, text, first, last in mentions(name):
                at = raw.find(text, column - 1)  # the mention itself, when written as read
                add(text, line, at + 1 if at >= 0 else column, first, last)
    names = listed_names(data, salary_only=True)  # also a mapping's keys: `Levels.fyi: <url>`
    if not names:
        return found
    from guidelint.prose import extract

    for entry in extract(guide).entries:
        raw = guide.lines[entry.line - 1] if 0 < entry.line <= len(guide.lines) else ""
        folded = raw.casefold()
        if not any(name in folded for name in names):
            continue
        text = _URL.sub(lambda m: " " * len(m.group(0)), raw)
        for offset, written, first, last in mentions(text):
            add(written, entry.line, offset + 1, first, last)
    return found


def newest(dates: list[SourceDate]) -> SourceDate | None:
    """The mention that may be the latest; the first written on a tie."""
    best: SourceDate | None = None
    for date in dates:
        if best is None or date.last > best.last:
            best = date
    return best
