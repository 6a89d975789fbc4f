"""Dates and quarters: from frontmatter values, ``YYYY-Qn`` text and free text.

Frontmatter dates arrive as ``datetime.date`` (unquoted YAML), ``datetime``
(YAML timestamps, possibly with a timezone) or strings; :func:`coerce_date`
turns each into a date, or None when the value is not a usable date (the
schema rules report those).  Free-text dates in the body ("November 30, 2025",
"23 Feb 2026", "2026-02-23") are found by :func:`find_dates`, read with
python-dateutil, and can be written back in the spelling they came in.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any, NamedTuple

from guidelint import patterns
from guidelint.records import Record
from guidelint.scan import Lazy

QUARTER_RE = patterns.compile(r"([0-9]{4})-Q([1-4])")


def coerce_date(value: Any) -> dt.date | None:
    """A date from a frontmatter value, or None when it is not a usable date.

    A timestamp keeps the calendar day it was written with, even when it
    carries a timezone: ``2026-02-23T23:30:00-05:00`` is 23 February.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.+\-Z]*)?", text):
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None


@functools.total_ordering
class Quarter(Record, frozen=True):
    """A calendar quarter; subtracting two gives the number of quarters between them."""

    __slots__ = ("year", "number")

    def __init__(self, year: int, number: int) -> None:
        self.year = year
        self.number = number

    __hash__ = Record._hash

    # Ordered as (year, number), among quarters only (the rest from functools).
    def __lt__(self, other: Quarter) -> bool:
        if other.__class__ is not Quarter:
            return NotImplemented
        return (self.year, self.number) < (other.year, other.number)

    @classmethod
    def parse(cls, value: Any) -> Quarter | None:
        """``2025-Q4`` exactly; anything else (``Q4 2025``, ``2025-Q5``) is None."""
        if not isinstance(value, str):
            return None
        match = QUARTER_RE.fullmatch(value.strip())
        if not match:
            return None
        year = int(match.group(1))
        if year < dt.MINYEAR or year > dt.MAXYEAR:
            return None
        return cls(year, int(match.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def index(self) -> int:
        return self.year * 4 + self.number - 1

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        return cls(index // 4, index % 4 + 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        """The quarter's last day."""
        if self.number == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.number + 1, 1) - dt.timedelta(days=1)

    def __add__(self, quarters: int) -> Quarter:
        return Quarter.from_index(self.index + quarters)

    def __sub__(self, other: Quarter) -> int:
        return self.index - other.index

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# ---------------------------------------------------------------------------
# Free-text dates

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH = r"(?P<{name}>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)"
_DAY = r"(?P<{name}>[0-9]{{1,2}})(?P<{name}_sfx>st|nd|rd|th)?"
_YEAR = r"(?P<{name}>[0-9]{{4}})"

# Each alternative is a spelling whose shape we can write back; every
# quantifier is bounded, so matching is linear in the line's length.
_SPELLINGS = {
    "iso": r"(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2})",
    "mdy": _MONTH.format(name="mdy_m")
    + r"[ \t]{1,3}"
    + _DAY.format(name="mdy_d")
    + r"(?P<mdy_comma>,?)[ \t]{1,3}"
    + _YEAR.format(name="mdy_y"),
    "dmy": _DAY.format(name="dmy_d")
    + r"[ \t]{1,3}(?:of[ \t]{1,3})?"
    + _MONTH.format(name="dmy_m")
    + r"(?P<dmy_comma>,?)[ \t]{1,3}"
    + _YEAR.format(name="dmy_y"),
    "my": _MONTH.format(name="my_m") + r"(?P<my_comma>,?)[ \t]{1,3}" + _YEAR.format(name="my_y"),
    "slash": r"(?P<slash>[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})",
    # Day first, as written across most of Europe: 30.11.2025.
    "dotted": r"(?<!\.)(?P<dotted>[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4})",
}
DATE_RE = Lazy(r"(?<![\w/-])(?:" + "|".join(_SPELLINGS.values()) + r")(?![\w/-])", re.IGNORECASE)


class TextDate(NamedTuple):
    """A date written in prose: where it is, what it says and how it is spelled.

    ``value`` is None when the text has a date's shape but is not a real date
    (``February 30, 2026``).  ``precision`` is ``"day"`` or ``"month"``.
    """

    start: int
    end: int
    text: str
    value: dt.date | None
    precision: str
    match: re.Match[str]

    def agrees_with(self, day: dt.date) -> bool:
        if self.value is None:
            return False
        if self.precision == "month":
            return (self.value.year, self.value.month) == (day.year, day.month)
        if self.match.group("slash"):
            return day in _slash_readings(self.text)
        return self.value == day

    def respell(self, day: dt.date) -> str:
        """``day`` written the way this text was written."""
        return respell(self.match, day)


def find_dates(text: str) -> list[TextDate]:
    """Every date-shaped piece of ``text``, in order."""
    return [_text_date(m) for m in DATE_RE.finditer(text)]


def match_date(text: str, pos: int = 0) -> TextDate | None:
    """The date that starts exactly at ``pos``, if there is one."""
    found = DATE_RE.match(text, pos)
    return _text_date(found) if found else None


def _text_date(match: re.Match[str]) -> TextDate:
    text = match.group(0)
    precision = "month" if match.group("my_m") else "day"
    value: dt.date | None
    if match.group("slash"):
        readings = _slash_readings(text)
        value = readings[0] if readings else None
    elif match.group("dotted"):
        day, month, year = (int(part) for part in text.split("."))
        try:
            value = dt.date(year, month, day)
        except ValueError:
            value = None
    else:
        value = parse_free_date(text)
    return TextDate(match.start(), match.end(), text, value, precision, match)


def parse_free_date(text: str) -> dt.date | None:
    """Read a date written in prose with python-dateutil; None when impossible.

    The default day of 1 lets month-precision text ("March 2026") parse
    without borrowing today's day, which would fail on the 31st.
    """
    from dateutil import parser as dateparser  # on first need: most guides never ask

    try:
        return dateparser.parse(text, default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _slash_readings(text: str) -> list[dt.date]:
    """Both readings of ``3/4/2026``: month first (US) and day first."""
    first, second, year = (int(part) for part in text.split("/"))
    readings: list[dt.date] = []
    for month, day in ((first, second), (second, first)):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate not in readings:
            readings.append(candidate)
    return readings


def _month_name(original: str, month: int) -> str:
    """The month spelled like ``original``: full or short, with its dot and case."""
    dot = original.endswith(".")
    bare = original.rstrip(".")
    full = MONTHS[month - 1]
    if bare.lower() in {m.lower() for m in MONTHS}:
        name = full
    elif bare.lower() == "sept" and month == 9:
        name = "Sept"
    else:
        name = full[:3]
    if bare.isupper() and len(bare) > 1:
        name = name.upper()
    elif bare.islower():
        name = name.lower()
    return name + ("." if dot and name != full else "")


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _day_text(original: str, suffix: str | None, day: int) -> str:
    width = 2 if len(original) == 2 and original.startswith("0") else 1
    text = f"{day:0{width}d}"
    if suffix:
        ordinal = _ordinal(day)
        text += ordinal.upper() if suffix.isupper() else ordinal
    return text


def respell(match: re.Match[str], day: dt.date) -> str:
    """Write ``day`` in the spelling of the date that ``match`` found."""
    g = match.group
    if g("iso"):
        return day.isoformat()
    if g("mdy_m"):
        separator = match.string[match.end("mdy_m") : match.start("mdy_d")]
        gap = match.string[match.end("mdy_comma") : match.start("mdy_y")]
        return (
            _month_name(g("mdy_m"), day.month)
            + separator
            + _day_text(g("mdy_d"), g("mdy_d_sfx"), day.day)
            + g("mdy_comma")
            + gap
            + str(day.year)
        )
    if g("dmy_m"):
        middle = match.string[
            match.end("dmy_d_sfx") if g("dmy_d_sfx") else match.end("dmy_d") : match.start("dmy_m")
        ]
        gap = match.string[match.end("dmy_comma") : match.start("dmy_y")]
        return (
            _day_text(g("dmy_d"), g("dmy_d_sfx"), day.day)
            + middle
            + _month_name(g("dmy_m"), day.month)
            + g("dmy_comma")
            + gap
            + str(day.year)
        )
    if g("my_m"):
        gap = match.string[match.end("my_comma") : match.start("my_y")]
        return _month_name(g("my_m"), day.month) + g("my_comma") + gap + str(day.year)
    if g("dotted"):
        parts = g("dotted").split(".")[:2]
        padded = all(len(p) == 2 for p in parts) or any(p.startswith("0") for p in parts)
        width = 2 if padded else 1
        return f"{day.day:0{width}d}.{day.month:0{width}d}.{day.year}"
    first, second, _ = (int(part) for part in g("slash").split("/"))
    day_first = first > 12 and second <= 12
    parts = (day.day, day.month) if day_first else (day.month, day.day)
    padded = any(len(p) == 2 and p.startswith("0") for p in g("slash").split("/")[:2])
    width = 2 if padded else 1
    return f"{parts[0]:0{width}d}/{parts[1]:0{width}d}/{day.year}"
