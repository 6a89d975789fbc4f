"""Pay stated for a period shorter than a year (``NOK 45K–55K/mo``), made yearly.

The spellings live in ``data/figures.json`` (``periods``).  Sync writes the
yearly figure and the table comparison compares it, so the two agree.
"""

from __future__ import annotations

from functools import cache

from guidelint.money import Figure, Parsed
from guidelint.resources import data_file


@cache
def _per_year() -> dict[str, int]:
    return {
        k.casefold(): int(v) for k, v in data_file("figures.json")["periods"]["per_year"].items()
    }


def per_year(note: str) -> int:
    """How many of the periods a figure's note names make a year; 1 when it names none."""
    text = note.split("(", 1)[0].strip().casefold()
    text = text.removeprefix("/").strip()
    return _per_year().get(text, 1)


def yearly(parsed: Parsed) -> tuple[Parsed, int]:
    """``parsed`` as yearly amounts, and the factor applied (1: already yearly)."""
    factor = 1 if parsed.percent else per_year(parsed.note)
    if factor == 1:
        return parsed, 1
    scaled = parsed._replace(
        low=_times(parsed.low, factor),
        high=_times(parsed.high, factor) if parsed.high is not None else None,
    )
    return scaled, factor


def _times(figure: Figure, factor: int) -> Figure:
    return figure._replace(amount=figure.amount * factor, step=figure.step * factor)
