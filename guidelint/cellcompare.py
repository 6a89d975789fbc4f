"""One table cell compared with the frontmatter fields its column shows.

A cell is absent (a dash, ``N/A``), malformed (GL307), in another currency
than its entry (GL304), or a figure that disagrees with its fields (GL305) or
that no field holds (GL306).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from guidelint.cells import counts_shares, is_relative
from guidelint.comparison import UNKNOWN, Finding
from guidelint.money import FigureError, is_absent, parse_figure, show
from guidelint.periods import yearly

if TYPE_CHECKING:
    from guidelint.comparison import Comparison
    from guidelint.markdown import Cell
    from guidelint.money import Figure, Parsed
    from guidelint.tablemapping import ColumnSpec


def compare_cell(
    c: Comparison,
    spec: ColumnSpec,
    cell: Cell,
    item: dict[str, Any],
    header: str,
    symbols: Mapping[str, str],
    either: frozenset[str] = frozenset(),
) -> Iterator[Finding]:
    """The findings of one cell; ``symbols`` read its row's spellings, and a figure
    in one of the currencies in ``either`` (its key names both) is not in another."""
    if is_relative(cell.text):
        return  # `Varies by city (70-90% of SF)`: a share of another figure, not one
    spec = c.effective(spec, item)
    low, high = c.value(item, spec.low), c.value(item, spec.high)
    if is_absent(cell.text):
        present = [
            (n, v) for n, v in ((spec.low, low), (spec.high, high)) if isinstance(v, Decimal)
        ]
        if present:
            shown = f"`{cell.text}`" if cell.text else "empty"
            yield Finding(
                "GL305",
                cell.line,
                cell.column,
                f"{spec.label} is {shown} in the table but {_fields(present)}",
            )
        return
    try:
        parsed, _ = yearly(parse_figure(cell.text, symbols))  # `45K/mo`: compared as yearly
    except FigureError as exc:
        yield _malformed(spec, header, cell, str(exc))
        return
    if spec.percent and not parsed.percent:
        if parsed.currencies or any(f.suffix for f in parsed.figures):
            amount = spec.as_amount() if spec.takes_amounts else None
            holds_percent = low is not None or high is not None
            stated = _percent_note(parsed, cell, symbols) if holds_percent else None
            if stated is not None:
                parsed = stated  # `$42K - $65K (25-30%)`: the percentage is what is compared
            elif amount is None or (holds_percent and not c.holds(item, amount)):
                yield _malformed(spec, header, cell, "is an amount, not a percentage")
                return
            else:
                spec = amount
                low, high = c.value(item, spec.low), c.value(item, spec.high)
    elif not spec.percent and parsed.percent:
        yield _malformed(spec, header, cell, "is a percentage, not an amount")
        return
    other = parsed.conversion
    twice = set(other.currencies) & set(parsed.currencies) if other is not None else set()
    if twice:
        same = sorted(twice)[0]
        yield _malformed(spec, header, cell, f"has its conversion after ` / ` in {same} too")
        return
    c.parsed.append(parsed)
    c.cell_parsed[(cell.line, cell.column)] = parsed
    c.shown.append((spec.low or spec.high, parsed))
    currency = None if spec.percent else c.currency_of(item)
    if currency is not None and parsed.currencies and set(parsed.currencies) <= either - {currency}:
        return  # `$110K` under `Canada (CAD/USD equiv)`: a conversion, not the entry's figure
    if currency is not None:
        for figure in parsed.figures:
            if figure.currency and figure.currency != currency and figure.currency not in either:
                yield Finding(
                    "GL304",
                    *cell.position_of(figure),
                    f"{spec.label} is in {figure.currency} (`{cell.text}`) in the table but"
                    f" {c.mapping.currency} is {currency}",
                    *cell.end_of(figure),
                    figure.currency,
                    cell.text,
                )
                break
    # `1,100 RSUs` counts shares: no pay field may hold it
    fillable = not counts_shares(parsed) and all(
        f.currency in (None, currency) for f in parsed.figures
    )
    yield from _compare_values(spec, cell, parsed, low, high, fillable=fillable)


def _percent_note(parsed: Parsed, cell: Cell, symbols: Mapping[str, str]) -> Parsed | None:
    """The percentage an amount's note states (`$42K (25-30%)`), parsed where it stands."""
    note = parsed.note.strip().strip("()").strip()
    if "%" not in note:
        return None
    at = cell.text.find(note, parsed.end)
    try:
        found = parse_figure(note, symbols, offset=at)
    except FigureError:
        return None
    return found if found.percent else None


def _malformed(spec: ColumnSpec, header: str, cell: Cell, reason: str) -> Finding:
    expected = (
        "a percentage such as 5% or 5–15%"
        if spec.percent
        else "an amount such as $195K or a range such as $195K–$255K"
    )
    return Finding(
        "GL307",
        cell.line,
        cell.column,
        f"`{header}` cell `{cell.text}` {reason}; expected {expected}",
        cell.line,
        cell.end_column,
    )


def _fields(pairs: list[tuple[str | None, Any]]) -> str:
    return " and ".join(f"{name} is {show(value)}" for name, value in pairs)


def _shown(figure: Figure, percent: bool, ceiling: bool = False) -> str:
    text = f"{figure.text}%" if percent and not figure.text.endswith("%") else figure.text
    return f"up to {text}" if ceiling else text


def _compare_values(
    spec: ColumnSpec, cell: Cell, parsed: Parsed, low: Any, high: Any, fillable: bool = True
) -> Iterator[Finding]:
    """GL305 and GL306 for one cell; ``fillable`` when its figures may go into the frontmatter."""
    if parsed.high is None:
        figure = parsed.low
        fields: tuple[tuple[str | None, Any], ...] = ((spec.low, low), (spec.high, high))
        if parsed.ceiling and spec.high:  # `Up to $50K` is the top of the range
            fields = ((spec.high, high),)
        backed = [(n, v) for n, v in fields if v is not None]
        if not backed:
            name = fields[0][0]
            unset = f"{name} is not set" if len(fields) == 1 else _none_set(spec)
            yield Finding(
                "GL306",
                *cell.position_of(figure),
                f"{spec.label} is {_shown(figure, spec.percent, parsed.ceiling)} in the table"
                f" but {unset}",
                fill=(name, figure.amount) if name and fillable else None,
            )
            return
        known = [(n, v) for n, v in backed if v is not UNKNOWN]
        if any(not figure.agrees(v) for _, v in known):
            shown = _shown(figure, spec.percent, parsed.ceiling)
            yield Finding(
                "GL305",
                *cell.position_of(figure),
                f"{spec.label} is {shown} in the table but {_fields(known)}",
            )
        return
    for side, figure, name, value in (
        ("low", parsed.low, spec.low, low),
        ("high", parsed.high, spec.high, high),
    ):
        line, where = cell.position_of(figure)
        if value is UNKNOWN:
            continue
        if value is None:
            field_text = f"{name} is not set" if name else f"no field holds a {side} {spec.label}"
            yield Finding(
                "GL306",
                line,
                where,
                f"{spec.label} {side} is {_shown(figure, spec.percent)} in the table but {field_text}",
                fill=(name, figure.amount) if name and fillable else None,
            )
        elif not figure.agrees(value):
            yield Finding(
                "GL305",
                line,
                where,
                f"{spec.label} {side} is {_shown(figure, spec.percent)} in the table but"
                f" {name} is {show(value)}",
            )


def _none_set(spec: ColumnSpec) -> str:
    names = [n for n in (spec.low, spec.high) if n]
    if not names:
        return "no frontmatter field holds it"
    return " and ".join(f"{n} is not set" for n in names)
