"""Figures written back in a table's own style: ``$195K–$255K``, ``₹20L``, ``15%``.

:class:`Style` is learned from the cells a table already shows, so
``format_range`` and ``rewrite_cell`` write a fix the way the author would.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple

from guidelint.currencies import display_symbol
from guidelint.figures import LARGE_UNIT
from guidelint.money import Figure, Parsed, plain_number, unit_scale
from guidelint.records import Record
from guidelint.resources import data_file


class Units(NamedTuple):
    """How one currency's amounts are written: ``195K``/``1.2M``, ``₹20L``, or in full."""

    small: str = "K"  # ``K``, ``k``, ``L``; empty writes numbers in full
    large: str = ""  # ``M`` or `` Cr`` (a space as written) once the table uses it
    small_decimals: int = 0  # ``$270.5K`` -> 1
    large_decimals: int = 0  # ``CNY 1.35M`` -> 2
    grouping: str = "western"  # full numbers: "western", "indian" or "none"


class Style(Record, frozen=True):
    """How a table writes figures, learned from its cells so fixes look native."""

    __slots__ = ("dash", "thousands", "repeat_symbol", "percent_both", "affixes", "units", "note")

    def __init__(
        self,
        dash: str = "–",
        thousands: str = "K",
        repeat_symbol: bool = True,
        percent_both: bool = False,
        affixes: Mapping[str, tuple[str, bool, bool]] | None = None,
        units: Mapping[str, Units] | None = None,  # by currency; "" for none
        note: str = "",  # an annotation every cell shares (``/4yr``): learn per column to get one
    ) -> None:
        self.dash = dash
        self.thousands = thousands
        self.repeat_symbol = repeat_symbol
        self.percent_both = percent_both
        self.affixes = {} if affixes is None else affixes
        self.units = {} if units is None else units
        self.note = note

    @classmethod
    def learn(cls, cells: Iterable[Parsed]) -> Style:
        dash = thousands = None
        repeat = percent_both = None
        affixes: dict[str, tuple[str, bool, bool]] = {}
        seen: dict[str, list[Figure]] = {}
        notes: set[str] = set()
        for cell in cells:
            notes.add(cell.note)
            for figure in cell.figures:
                if figure.suffix.lower() == "k" and thousands is None:
                    thousands = figure.suffix
                if figure.currency and figure.symbol and figure.currency not in affixes:
                    affixes[figure.currency] = (
                        figure.symbol,
                        figure.symbol_before,
                        figure.symbol_space,
                    )
                if not figure.percent:
                    seen.setdefault(figure.currency or "", []).append(figure)
            if cell.high is not None:
                dash = dash or cell.dash
                if cell.percent:
                    if percent_both is None:
                        percent_both = cell.low.text.endswith("%")
                elif repeat is None and (cell.low.symbol or cell.high.symbol):
                    repeat = bool(cell.low.symbol and cell.high.symbol)
        thousands = thousands or "K"
        return cls(
            dash=dash or "–",
            thousands=thousands,
            repeat_symbol=True if repeat is None else repeat,
            percent_both=bool(percent_both),
            affixes=affixes,
            units={
                key: _learn_units(figures, thousands, key or None) for key, figures in seen.items()
            },
            note=notes.pop() if len(notes) == 1 else "",
        )

    def units_for(self, currency: str | None) -> Units:
        return self.units.get(currency or "") or Units(
            small=self.thousands, grouping=_default_grouping(currency)
        )


def _default_grouping(currency: str | None) -> str:
    return "indian" if currency in data_file("currencies.json")["indian_grouping"] else "western"


def _learn_units(figures: list[Figure], thousands: str, currency: str | None) -> Units:
    small = large = grouping = None
    small_decimals = large_decimals = 0
    for figure in figures:
        decimals = _decimals(figure.step / unit_scale(figure.suffix))
        written = (" " if figure.suffix_space else "") + figure.suffix
        if unit_scale(figure.suffix) >= LARGE_UNIT:
            large = large or written
            large_decimals = max(large_decimals, decimals)
        elif figure.suffix:
            small = small if small is not None else written
            small_decimals = max(small_decimals, decimals)
        elif figure.amount >= 1000 and figure.step <= 1 and small is None:
            small = ""  # the table writes amounts in full
        if figure.grouping and grouping is None:
            grouping = figure.grouping
    return Units(
        small=thousands if small is None else small,
        large=large or "",
        small_decimals=small_decimals,
        large_decimals=large_decimals,
        grouping=grouping or _default_grouping(currency),
    )


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _scaled(value: Decimal, suffix: str, decimals: int) -> str | None:
    """``value`` in ``suffix`` units (``270.5K``), or None when it needs more decimals."""
    quotient = value / unit_scale(suffix.lstrip())
    if quotient < 1 or _decimals(quotient) > decimals:
        return None
    return f"{quotient.normalize():,f}{suffix}"


def _grouped(value: int, grouping: str) -> str:
    if grouping == "none":
        return str(value)
    if grouping != "indian" or value < 100_000:
        return f"{value:,}"
    head, last = str(value)[:-3], str(value)[-3:]
    pairs = []
    while len(head) > 2:
        head, pair = head[:-2], head[-2:]
        pairs.append(pair)
    return ",".join([head, *reversed(pairs), last])


def _format_amount(value: Decimal, units: Units) -> str:
    for suffix, decimals in (
        (units.large, units.large_decimals),
        (units.small, units.small_decimals),
    ):
        if suffix and value:
            text = _scaled(value, suffix, decimals)
            if text is not None:
                return text
    if value == value.to_integral_value():
        return _grouped(int(value), units.grouping)
    return f"{value.normalize():,f}"


def format_money(
    value: Decimal,
    currency: str | None,
    style: Style,
    extra_symbols: Mapping[str, str] | None = None,
    *,
    symbol: bool = True,
    plus: bool = False,
) -> str:
    number = _format_amount(value, style.units_for(currency)) + ("+" if plus else "")
    if not currency or not symbol:
        return number
    text, before, space = _affix(currency, style, extra_symbols)
    gap = " " if space else ""
    return f"{text}{gap}{number}" if before else f"{number}{gap}{text}"


def _affix(currency: str, style: Style, extra: Mapping[str, str] | None) -> tuple[str, bool, bool]:
    return style.affixes.get(currency) or _default_affix(currency, extra)


def _default_affix(currency: str, extra: Mapping[str, str] | None) -> tuple[str, bool, bool]:
    text = display_symbol(currency, extra)
    return text, True, len(text) == 3 and text.isalpha()


def format_range(
    low: Decimal,
    high: Decimal | None,
    *,
    percent: bool,
    currency: str | None,
    style: Style,
    extra_symbols: Mapping[str, str] | None = None,
    like: Parsed | None = None,
) -> str:
    """A cell's text for ``low``-``high`` (or a single value) in ``style``.

    ``like`` is the cell being rewritten: its dash, ``+`` on the top figure and
    trailing note are kept.  Without it, ``style.note`` is appended.
    """
    single = high is None or high == low
    dash, note, repeat, both = style.dash, style.note, style.repeat_symbol, style.percent_both
    low_plus = top_plus = False
    if like is not None:
        note = like.note
        top_plus = (like.high or like.low).plus
        own = next((f for f in like.figures if f.symbol and f.currency == currency), None)
        if own is not None and currency is not None:  # `SEK 1.2M` stays SEK in a `kr` column
            spelling = (own.symbol, own.symbol_before, own.symbol_space)
            style = style._replace(affixes={**style.affixes, currency: spelling})
        if like.high is not None:
            dash, low_plus = like.dash, like.low.plus
            if like.percent:
                both = like.low.text.endswith("%")
            elif like.low.symbol or like.high.symbol:
                repeat = bool(like.low.symbol and like.high.symbol)
    if percent:
        if single:
            return f"{plain_number(low)}%{'+' if top_plus else ''}{note}"
        left = plain_number(low) + ("%" if both else "") + ("+" if low_plus else "")
        return f"{left}{dash}{plain_number(high)}%{'+' if top_plus else ''}{note}"  # type: ignore[arg-type]
    if single:
        return format_money(low, currency, style, extra_symbols, plus=top_plus) + note
    # Stated once, the symbol sits on its own side: ``$195K–255K``, ``195K–255K USD``.
    before = bool(currency) and _affix(currency, style, extra_symbols)[1]  # type: ignore[arg-type]
    first = format_money(
        low, currency, style, extra_symbols, symbol=repeat or before, plus=low_plus
    )
    second = format_money(
        high,  # type: ignore[arg-type]
        currency,
        style,
        extra_symbols,
        symbol=repeat or not before,
        plus=top_plus,
    )
    return f"{first}{dash}{second}{note}"


def rewrite_cell(
    text: str,
    parsed: Parsed,
    low: Decimal,
    high: Decimal | None,
    *,
    currency: str | None,
    style: Style,
    extra_symbols: Mapping[str, str] | None = None,
) -> str:
    """``text`` with the first currency's figures of ``parsed`` rewritten as ``low``-``high``.

    ``parsed`` is ``parse_figure`` of ``text``, or of the plain text of a raw
    cell ``text`` that contains it verbatim (``**$195K**``): marks around it
    are kept.  Everything outside the figures -- a conversion after `` / ``,
    leading text -- is kept byte for byte.  A cell whose plain text is not in
    ``text`` (marks inside the figure) is rewritten from its plain text.
    """
    source = parsed.source.strip()
    lead = len(parsed.source) - len(parsed.source.lstrip())
    at = text.find(source) if source else -1
    if at < 0:
        text, at = source, 0
    shift = at - lead - parsed.origin
    if not parsed.interleaved:
        start, end = parsed.low.offset + shift, parsed.end + shift
        new = format_range(
            low,
            high,
            percent=parsed.percent,
            currency=currency,
            style=style,
            extra_symbols=extra_symbols,
            like=parsed,
        )
        return text[:start] + new + text[end:]
    other = parsed.conversion
    assert other is not None and parsed.high is not None and other.high is not None
    low_at = parsed.low.offset + shift
    low_end = _figure_end(text, parsed.low, shift)
    new_low = format_money(low, currency, style, extra_symbols, plus=parsed.low.plus)
    if high is None or high == low:
        # ``£100K / $95K``: the first half, its conversion as written, then what followed
        middle = text[low_end : _figure_end(text, other.low, shift)]
        return text[:low_at] + new_low + middle + text[_figure_end(text, other.high, shift) :]
    high_at, high_end = parsed.high.offset + shift, _figure_end(text, parsed.high, shift)
    new_high = format_money(high, currency, style, extra_symbols, plus=parsed.high.plus)
    return text[:low_at] + new_low + text[low_end:high_at] + new_high + text[high_end:]


def _figure_end(text: str, figure: Figure, shift: int) -> int:
    end = figure.offset + shift + len(figure.text)
    if figure.plus:
        end = text.index("+", end) + 1
    return end
