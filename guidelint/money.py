"""Money, range and percentage figures as guide tables write them.

``parse_figure("$195K–$255K")`` gives the two amounts, their currency and the
precision each was displayed with, so a table showing ``$196K`` can agree with
195500.  ``format_range`` writes figures back in a table's own style.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from guidelint.resources import data_file

MAX_CELL = 200  # longer cells are not figures; never scan them

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SEPARATOR = re.compile(r"\s*(?:[–—]|-|\bto\b)\s*", re.IGNORECASE)
_UNITS = {"k": Decimal(1000), "m": Decimal(1_000_000)}
_INDIAN_UNITS = re.compile(r"(?:L|Cr|lakhs?|lacs?|crores?)(?![A-Za-z])", re.IGNORECASE)
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})


class FigureError(ValueError):
    """A cell that is not a figure; the message says why, in lower case."""


@dataclass(frozen=True)
class Figure:
    """One displayed number, such as ``$195K`` or ``15%``."""

    amount: Decimal
    step: Decimal  # the displayed precision: 1000 for ``195K``, 100 for ``1.2M``...
    currency: str | None
    text: str  # as written, without surrounding spaces
    offset: int  # where ``text`` starts in the cell text
    symbol: str = ""  # the currency symbol or code as written
    symbol_before: bool = True
    symbol_space: bool = False
    suffix: str = ""  # ``K``, ``k``, ``M`` or empty
    percent: bool = False

    def agrees(self, value: Any) -> bool:
        """Whether ``value`` rounds to this figure at its displayed precision."""
        number = to_decimal(value)
        return number is not None and abs(number - self.amount) <= self.step / 2


@dataclass(frozen=True)
class Parsed:
    """A cell's figure: one value, or a low-high range."""

    low: Figure
    high: Figure | None = None
    dash: str = ""  # the separator as written, spaces included
    percent: bool = False

    @property
    def figures(self) -> tuple[Figure, ...]:
        return (self.low,) if self.high is None else (self.low, self.high)

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.currency for f in self.figures if f.currency))


def to_decimal(value: Any) -> Decimal | None:
    """A frontmatter number as a Decimal; None for anything else (booleans too)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


@cache
def _builtin() -> tuple[dict[str, str], frozenset[str], dict[str, str]]:
    table = data_file("currencies.json")
    return dict(table["symbols"]), frozenset(table["codes"]), dict(table["display"])


def currency_symbols(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Symbol or prefix -> ISO code: the built-in table, extended by configuration."""
    symbols, _, _ = _builtin()
    return {**symbols, **(extra or {})}


def display_symbol(currency: str, extra: Mapping[str, str] | None = None) -> str:
    """How to write a currency when a table has not shown it yet (``$``, ``£``, ``CHF``)."""
    _, _, display = _builtin()
    if currency in display and currency_symbols(extra).get(display[currency]) == currency:
        return display[currency]
    return currency


def parse_figure(text: str, symbols: Mapping[str, str] | None = None, *, offset: int = 0) -> Parsed:
    """Parse a cell such as ``$195K–$255K``, ``£148K``, ``CHF 150K`` or ``5–15%``.

    Raises :class:`FigureError` for anything else (``TBD``, ``₹45L``).
    ``offset`` is added to every figure's offset (the cell's position).
    """
    table = symbols if symbols is not None else currency_symbols()
    cleaned = text.translate(_SPACES)
    stripped = cleaned.strip()
    if not stripped:
        raise FigureError("is empty")
    if len(stripped) > MAX_CELL:
        raise FigureError("is too long to be a figure")
    start = offset + (len(cleaned) - len(cleaned.lstrip()))
    separator = _SEPARATOR.search(stripped, 1)
    if separator is None:
        return _finish(_parse_value(stripped, start, table), None, "")
    left, right = stripped[: separator.start()], stripped[separator.end() :]
    if not right:
        raise FigureError("ends with a dash: expected a second figure")
    low = _parse_value(left, start, table)
    high = _parse_value(right, start + separator.end(), table)
    return _finish(low, high, separator.group(0))


def _finish(low: Figure, high: Figure | None, dash: str) -> Parsed:
    if high is None:
        return Parsed(low, percent=low.percent)
    # Shorthand: ``$195–255K`` and ``5–15%`` state the unit once, on the right;
    # ``$195K–255K`` and ``195K–255K USD`` state the currency once.
    if high.suffix and not low.suffix and "," not in low.text and low.amount < high.amount:
        low = _with(
            low,
            amount=low.amount * _UNITS[high.suffix.lower()],
            step=low.step * _UNITS[high.suffix.lower()],
        )
    if high.percent and not low.percent and not low.currency:
        low = _with(low, percent=True)
    if low.percent and not high.percent and not high.currency:
        high = _with(high, percent=True)
    if low.percent != high.percent:
        raise FigureError("mixes a percentage and an amount")
    if low.currency and not high.currency:
        high = _with(high, currency=low.currency)
    elif high.currency and not low.currency:
        low = _with(low, currency=high.currency)
    return Parsed(low, high, dash, low.percent)


def _with(figure: Figure, **changes: Any) -> Figure:
    values = {name: getattr(figure, name) for name in Figure.__dataclass_fields__}
    values.update(changes)
    return Figure(**values)


def _currency(symbol: str, symbols: Mapping[str, str]) -> str:
    if symbol in symbols:
        return symbols[symbol]
    _, codes, _ = _builtin()
    if symbol.upper() in codes or symbol.upper() in symbols.values():
        return symbol.upper()
    raise FigureError(f"has an unknown currency `{symbol}`")


def _parse_value(part: str, offset: int, symbols: Mapping[str, str]) -> Figure:
    number = _NUMBER.search(part)
    if number is None:
        raise FigureError("has no number")
    digits = number.group(0)
    if "," in digits and not _GROUPED.fullmatch(digits):
        raise FigureError(f"has a malformed number `{digits}`")
    before = part[: number.start()]
    rest = part[number.end() :]
    # The unit right after the number: K, M, or the unsupported lakh/crore.
    tail = rest.lstrip(" ")
    suffix = ""
    indian = _INDIAN_UNITS.match(tail)
    if tail[:1] in ("k", "K", "m", "M") and not tail[1:2].isalpha():
        suffix, tail = tail[:1], tail[1:]
    elif indian:
        raise FigureError(f"uses `{indian.group(0)}` (lakh/crore), which is not supported")
    after = tail.strip()
    symbol, symbol_before, symbol_space = before.strip(), True, before != before.rstrip()
    percent = False
    if after == "%":
        percent = True
    elif after:
        if symbol:
            other = _currency(after, symbols)
            if other != _currency(symbol, symbols):
                raise FigureError(f"names two currencies, `{symbol}` and `{after}`")
        else:
            symbol, symbol_before, symbol_space = after, False, tail != tail.lstrip()
    currency = _currency(symbol, symbols) if symbol else None
    if percent and (currency or suffix):
        raise FigureError("mixes a percentage and an amount")
    decimals = digits.replace(",", "").partition(".")[2]
    unit = _UNITS[suffix.lower()] if suffix else Decimal(1)
    step = unit * Decimal(1).scaleb(-len(decimals))
    amount = Decimal(digits.replace(",", "")) * unit
    text = part.strip()
    return Figure(
        amount=amount,
        step=step,
        currency=currency,
        text=text,
        offset=offset + (len(part) - len(part.lstrip())),
        symbol=symbol,
        symbol_before=symbol_before,
        symbol_space=symbol_space,
        suffix=suffix,
        percent=percent,
    )


@dataclass(frozen=True)
class Style:
    """How a table writes figures, learned from its cells so fixes look native."""

    dash: str = "–"
    thousands: str = "K"
    repeat_symbol: bool = True
    percent_both: bool = False
    affixes: Mapping[str, tuple[str, bool, bool]] = field(default_factory=dict)

    @classmethod
    def learn(cls, cells: Iterable[Parsed]) -> Style:
        dash = thousands = None
        repeat = percent_both = None
        affixes: dict[str, tuple[str, bool, bool]] = {}
        for cell in cells:
            for figure in cell.figures:
                if figure.suffix.lower() == "k" and thousands is None:
                    thousands = figure.suffix
                if figure.currency and figure.symbol and figure.currency not in affixes:
                    affixes[figure.currency] = (
                        figure.symbol,
                        figure.symbol_before,
                        figure.symbol_space,
                    )
            if cell.high is not None:
                dash = dash or cell.dash
                if cell.percent:
                    if percent_both is None:
                        percent_both = cell.low.text.endswith("%")
                elif repeat is None and cell.low.symbol:
                    repeat = bool(cell.high.symbol)
        return cls(
            dash=dash or "–",
            thousands=thousands or "K",
            repeat_symbol=True if repeat is None else repeat,
            percent_both=bool(percent_both),
            affixes=affixes,
        )


def format_number(value: Decimal, thousands: str = "K") -> str:
    """``195000`` -> ``195K``; ``195500`` -> ``195,500``; ``7.5`` stays ``7.5``."""
    if value == value.to_integral_value() and value % 1000 == 0 and value != 0:
        return f"{int(value) // 1000:,}{thousands}"
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def format_money(
    value: Decimal,
    currency: str | None,
    style: Style,
    extra_symbols: Mapping[str, str] | None = None,
    *,
    symbol: bool = True,
) -> str:
    number = format_number(value, style.thousands)
    if not currency or not symbol:
        return number
    text, before, space = style.affixes.get(currency) or _default_affix(currency, extra_symbols)
    gap = " " if space else ""
    return f"{text}{gap}{number}" if before else f"{number}{gap}{text}"


def _default_affix(currency: str, extra: Mapping[str, str] | None) -> tuple[str, bool, bool]:
    text = display_symbol(currency, extra)
    return text, True, len(text) == 3 and text.isalpha()


def format_percent(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value)}"
    return f"{value.normalize():f}"


def format_range(
    low: Decimal,
    high: Decimal | None,
    *,
    percent: bool,
    currency: str | None,
    style: Style,
    extra_symbols: Mapping[str, str] | None = None,
) -> str:
    """A cell's text for ``low``-``high`` (or a single value) in ``style``."""
    if percent:
        if high is None or high == low:
            return f"{format_percent(low)}%"
        left = format_percent(low) + ("%" if style.percent_both else "")
        return f"{left}{style.dash}{format_percent(high)}%"
    first = format_money(low, currency, style, extra_symbols)
    if high is None or high == low:
        return first
    second = format_money(high, currency, style, extra_symbols, symbol=style.repeat_symbol)
    return f"{first}{style.dash}{second}"


def show(value: Any) -> str:
    """A frontmatter number as the message shows it: ``370000``, ``7.5``."""
    number = to_decimal(value)
    if number is None:
        return repr(value)
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number.normalize():f}"


_NO_FIGURE = frozenset({"", "-", "–", "—", "n/a", "na", "none", "not offered"})


def is_blank(text: str) -> bool:
    """A cell that deliberately shows no figure: empty, a dash, ``N/A``."""
    return text.translate(_SPACES).strip().casefold() in _NO_FIGURE


def _region_key(name: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in name.casefold()).split())


@cache
def _builtin_regions() -> dict[str, str]:
    return {_region_key(name): code for name, code in data_file("regions.json").items()}


_REGION_PARTS = re.compile(r"[,/()\[\]]|\s[-–—]\s")


def region_currency(region: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The currency a region pays in, or None when unknown or ambiguous.

    ``London, UK`` and ``Remote (US)`` are looked up whole first, then by
    their parts; parts that disagree make the answer unknown.
    """
    table = _builtin_regions()
    if extra:
        table = {**table, **{_region_key(name): code for name, code in extra.items()}}
    whole = _region_key(region)
    if whole in table:
        return table[whole]
    found = {table[key] for key in map(_region_key, _REGION_PARTS.split(region)) if key in table}
    return found.pop() if len(found) == 1 else None
