"""Money, range and percentage figures as guide tables write them.

``parse_figure("$195K–$255K")`` gives the two amounts, their currency and the
precision each was displayed with, so a table showing ``$196K`` can agree with
195500.  ``format_range`` and ``rewrite_cell`` write figures back in a table's
own style.  Region spellings (``:gb: London (GBP)``) are compared through
``region_key``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any

from guidelint.figures import CELL_UNIT, LARGE_UNIT, UNITS
from guidelint.resources import data_file

MAX_CELL = 200  # longer cells are not figures; never scan them
_MAX_NOTES = 4  # trailing annotations stripped from one figure: ``RSU/4yr (target)``

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_INDIAN_GROUPED = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")  # 36,00,000
_SEPARATOR = re.compile(r"\s{0,8}+(?:[–—]|-|\bto\b)\s{0,8}", re.IGNORECASE)
_DUAL = re.compile(
    r"\s{1,8}/\s{1,8}"
)  # ``£75K / $95K``: the slash between a figure and its conversion
_PERIOD = re.compile(r"/\s?\d*\s?(?:yrs?|years?|y|mo|months?)$", re.IGNORECASE)  # ``/4yr``
_NOTE_WORD = re.compile(r"[A-Za-z][A-Za-z.&-]*(?:/\d*[A-Za-z]+)?")  # ``target``, ``RSU/4yr``
# Units (K, M, B, lakh, crore, million ...) are the figure lexer's: one table for cells and prose.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})


class FigureError(ValueError):
    """A cell that is not a figure; the message says why, in lower case."""


@dataclass(slots=True, unsafe_hash=True)  # see diagnostics.Fix: made often
class Figure:
    """One displayed number, such as ``$195K`` or ``15%``."""

    amount: Decimal
    step: Decimal  # the displayed precision: 1000 for ``195K``, 100 for ``1.2M``...
    currency: str | None
    text: str  # as written, without surrounding spaces or a trailing ``+``
    offset: int  # where ``text`` starts in the cell text
    symbol: str = ""  # the currency symbol or code as written
    symbol_before: bool = True
    symbol_space: bool = False
    suffix: str = ""  # the unit as written: ``K``, ``k``, ``M``, ``L``, ``Cr`` or empty
    percent: bool = False
    plus: bool = False  # ``$960K+``: open-ended; ``+`` follows ``text``
    grouping: str = ""  # "western" (3,600,000), "indian" (36,00,000), "none" (3600000) or unknown
    suffix_space: bool = False  # ``₹1.2 Cr``

    def agrees(self, value: Any) -> bool:
        """Whether ``value`` rounds to this figure at its displayed precision."""
        number = to_decimal(value)
        return number is not None and abs(number - self.amount) <= self.step / 2


@dataclass(slots=True, unsafe_hash=True)  # see diagnostics.Fix: made often
class Parsed:
    """A cell's figure: one value, or a low-high range.

    In a dual-currency cell (``£75K / $95K – £135K / $170K``) the figures are
    the first currency's and ``conversion`` holds the other part, parsed the
    same way, with offsets in the same cell text.
    """

    low: Figure
    high: Figure | None = None
    dash: str = ""  # the separator as written, spaces included
    percent: bool = False
    note: str = ""  # a trailing annotation as written, leading spaces included: `` target``
    conversion: Parsed | None = None
    end: int = 0  # just past the figure(s) and ``note``: where `` / `` and a conversion follow
    source: str = ""  # the text given to parse_figure
    origin: int = 0  # the offset given to parse_figure
    ceiling: bool = False  # ``Up to $50K``: one figure, the most there is

    @property
    def figures(self) -> tuple[Figure, ...]:
        return (self.low,) if self.high is None else (self.low, self.high)

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.currency for f in self.figures if f.currency))

    @property
    def interleaved(self) -> bool:
        """Whether each figure carries its own conversion: ``£75K / $95K – £135K / $170K``."""
        other = self.conversion
        return other is not None and self.high is not None and other.low.offset < self.high.offset


def to_decimal(value: Any) -> Decimal | None:
    """A frontmatter number as a Decimal; None for anything else (booleans too)."""
    if type(value) is int:  # the common case, exact without a detour through text
        return Decimal(value)
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


@cache
def _iso_codes() -> frozenset[str]:
    """Every ISO 4217 code a salary is paid in; matched only in capitals (``all`` is a word)."""
    return frozenset(data_file("currencies.json")["iso_4217"]["codes"])


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


def currency_code(written: str, symbols: Mapping[str, str]) -> str:
    """The ISO code a frontmatter currency spells: ``USD``, ``usd`` and ``$`` are USD;
    anything else is kept, upper-cased, for the schema to report."""
    written = written.strip()
    return _known_currency(written, symbols) or written.upper()


def _known_currency(token: str, symbols: Mapping[str, str]) -> str | None:
    if token in symbols:
        return symbols[token]
    _, codes, _ = _builtin()
    upper = token.upper()
    if upper in codes or upper in symbols.values():
        return upper
    return token if token in _iso_codes() else None


# -- parsing -------------------------------------------------------------------------


def parse_figure(text: str, symbols: Mapping[str, str] | None = None, *, offset: int = 0) -> Parsed:
    """Parse a cell such as ``$195K–$255K``, ``CHF 150K``, ``₹20L``, ``5–15% target``.

    A trailing ``+`` (``$960K+``), annotation (``/4yr``, ``RSU/4yr``,
    ``(target)``) and a conversion after `` / `` are read too; see
    :class:`Parsed`.  Raises :class:`FigureError` for anything else (``TBD``).
    ``offset`` is added to every figure's offset (the cell's position).
    """
    table = symbols if symbols is not None else currency_symbols()
    cleaned = text.translate(_SPACES)
    begin, stop = len(cleaned) - len(cleaned.lstrip()), len(cleaned.rstrip())
    approximate = _APPROXIMATE.match(cleaned, begin)
    if approximate is not None:  # `~$150K`, `approx. $150K`: the figure is read as written
        begin = approximate.end()
    ceiling = _CEILING.match(cleaned, begin)
    if ceiling is not None:
        begin = ceiling.end()
    if stop - begin > MAX_CELL:  # before the searches below: bounded work on any cell
        raise FigureError("is too long to be a figure")
    while stop > begin:  # `$150K–$200K*`, `$150K¹`, `$150K [2]`: a mark or a citation after it
        if cleaned[stop - 1] in _FOOTNOTE_MARKS:
            stop -= 1
            continue
        cited = _CITATION.search(cleaned, begin, stop)
        if cited is None:
            break
        stop = cited.start()
    if begin >= stop:
        raise FigureError("is empty")
    if stop - begin > MAX_CELL:
        raise FigureError("is too long to be a figure")
    parts = _dual_parts(cleaned, begin, stop)
    if len(parts) == 1:
        parsed = _parse_part(cleaned, begin, stop, offset, table)
    elif len(parts) == 2:
        parsed = _parse_part(cleaned, *parts[0], offset, table)
        other = _parse_conversion(cleaned, *parts[1], offset, table)
        if parsed.percent or other.percent:
            raise FigureError("has a percentage next to ` / `; expected `£75K / $95K`")
        parsed.conversion = other
    elif len(parts) == 3:
        parsed = _parse_interleaved(cleaned, parts, offset, table)
    else:
        raise FigureError("has more than two figures separated by ` / `")
    if ceiling is not None:
        if parsed.high is not None or parsed.conversion is not None:
            raise FigureError(
                "says `up to` before a range; expected one figure, as in `Up to $50K`"
            )
        parsed.ceiling = True
    # Made just above and not yet seen by anyone: completed in place, which
    # costs far less than dataclasses.replace on the hottest path of a table.
    parsed.source, parsed.origin = text, offset
    return parsed


_APPROXIMATE = re.compile(r"(?:~|≈|approx(?:imately|\.)?|about|around|c\.)\s*", re.IGNORECASE)
_FOOTNOTE_MARKS = frozenset("*†‡")
_CEILING = re.compile(r"(?:up\s+to|max(?:imum)?\.?:?|≤|<=?)\s*", re.IGNORECASE)
# A citation after the figure: `[2]`, `[^lv]`, superscript digits.
_CITATION = re.compile(r"\s{0,8}+(?:\[\^?[^\[\]\s]{1,40}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,8})$")


def _dual_parts(text: str, begin: int, stop: int) -> list[tuple[int, int]]:
    """The cell split at each `` / `` outside parentheses, as (start, end) pairs."""
    parts: list[tuple[int, int]] = []
    start = begin
    for match in _DUAL.finditer(text, begin, stop):
        before = text[begin : match.start()]
        if before.count("(") == before.count(")"):
            parts.append((start, match.start()))
            start = match.end()
    parts.append((start, stop))
    return parts


def _parse_conversion(
    text: str, start: int, stop: int, offset: int, symbols: Mapping[str, str]
) -> Parsed:
    try:
        other = _parse_part(text, start, stop, offset, symbols)
    except FigureError as exc:
        raise FigureError(f"has `{text[start:stop]}` after ` / `, which {exc}") from None
    return other


def _parse_interleaved(
    text: str, parts: list[tuple[int, int]], offset: int, symbols: Mapping[str, str]
) -> Parsed:
    """``£75K / $95K – £135K / $170K``: the middle part holds a conversion and a figure."""
    first = _parse_part(text, *parts[0], offset, symbols)
    middle = _parse_conversion(text, *parts[1], offset, symbols)
    last = _parse_conversion(text, *parts[2], offset, symbols)
    if first.high or last.high or middle.high is None or first.note or middle.note:
        raise FigureError(
            "has three parts separated by ` / `; expected `£75K / $95K – £135K / $170K`"
        )
    assert middle.high is not None
    figure = _finish(first.low, middle.high, middle.dash, "", middle.end)
    figure.conversion = _finish(middle.low, last.low, middle.dash, last.note, last.end)
    return figure


def _parse_part(
    text: str, start: int, stop: int, offset: int, symbols: Mapping[str, str]
) -> Parsed:
    """One currency's figure or range in ``text[start:stop]`` and its trailing note."""
    body = _note_start(text, start, stop, symbols)
    note = text[body:stop]
    separator = _SEPARATOR.search(text, start + 1, body)
    if separator is None:
        low = _parse_value(text[start:body], offset + start, symbols)
        return _finish(low, None, "", note, offset + stop)
    if separator.end() >= body:
        raise FigureError("ends with a dash: expected a second figure")
    low = _parse_value(text[start : separator.start()], offset + start, symbols)
    high = _parse_value(text[separator.end() : body], offset + separator.end(), symbols)
    return _finish(low, high, separator.group(0), note, offset + stop)


def _note_start(text: str, start: int, stop: int, symbols: Mapping[str, str]) -> int:
    """Where a trailing annotation begins: ``(target)``, `` target``, ``/4yr``, ``RSU/4yr``."""
    body = stop
    for _ in range(_MAX_NOTES):
        if text[body - 1] == ")":
            opening = text.rfind("(", start, body)
            if opening <= start or not text[start:opening].strip():
                break
            body = len(text[:opening].rstrip())
            continue
        period = _PERIOD.search(text, start + 1, body)
        if period is not None:
            body = len(text[: period.start()].rstrip())
            continue
        space = text.rfind(" ", start, body)
        word = text[space + 1 : body]
        if space <= start or not _is_note_word(word, symbols):
            break
        body = len(text[:space].rstrip())
    return body


def _is_note_word(word: str, symbols: Mapping[str, str]) -> bool:
    return (
        _NOTE_WORD.fullmatch(word) is not None
        and word.casefold() not in UNITS
        and word.casefold() != "to"
        and _known_currency(word, symbols) is None
    )


def _unit(suffix: str) -> Decimal:
    return UNITS[suffix.casefold()] if suffix else Decimal(1)


def _finish(low: Figure, high: Figure | None, dash: str, note: str, end: int) -> Parsed:
    if high is None:
        return Parsed(low, percent=low.percent, note=note, end=end)
    # Shorthand: ``$195–255K`` and ``5–15%`` state the unit once, on the right;
    # ``$195K–255K`` and ``195K–255K USD`` state the currency once.
    if high.suffix and not low.suffix and "," not in low.text and low.amount < high.amount:
        unit = _unit(high.suffix)
        low = replace(low, amount=low.amount * unit, step=low.step * unit)
    if high.percent and not low.percent and not low.currency:
        low = replace(low, percent=True)
    if low.percent and not high.percent and not high.currency:
        high = replace(high, percent=True)
    if low.percent != high.percent:
        raise FigureError("mixes a percentage and an amount")
    if low.currency and not high.currency:
        high = replace(high, currency=low.currency)
    elif high.currency and not low.currency:
        low = replace(low, currency=high.currency)
    return Parsed(low, high, dash, low.percent, note=note, end=end)


def _currency(symbol: str, symbols: Mapping[str, str]) -> str:
    found = _known_currency(symbol, symbols)
    if found is None:
        raise FigureError(f"has an unknown currency `{symbol}`")
    return found


def _grouping(digits: str) -> str:
    whole = digits.partition(".")[0]
    if _INDIAN_GROUPED.fullmatch(digits):
        return "indian"
    if len(whole.replace(",", "")) < 6:
        return ""  # below 1,00,000 both groupings write the same
    return "western" if "," in whole else "none"


def _parse_value(part: str, offset: int, symbols: Mapping[str, str]) -> Figure:
    number = _NUMBER.search(part)
    if number is None:
        raise FigureError("has no number")
    digits = number.group(0)
    if "," in digits and not (_GROUPED.fullmatch(digits) or _INDIAN_GROUPED.fullmatch(digits)):
        raise FigureError(f"has a malformed number `{digits}`")
    before = part[: number.start()]
    rest = part[number.end() :]
    # The unit right after the number: K, M, or lakh/crore.
    tail = rest.lstrip(" ")
    suffix = ""
    unit = CELL_UNIT.match(tail)
    if unit:
        suffix, tail = unit.group(0), tail[unit.end() :]
    after = tail.strip()
    plus = after.endswith("+")
    if plus:
        after = after[:-1].rstrip()
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
    scale = _unit(suffix)
    text = part.strip()
    if plus:
        text = text[:-1].rstrip()
    return Figure(
        amount=Decimal(digits.replace(",", "")) * scale,
        step=scale * Decimal(1).scaleb(-len(decimals)),
        currency=currency,
        text=text,
        offset=offset + (len(part) - len(part.lstrip())),
        symbol=symbol,
        symbol_before=symbol_before,
        symbol_space=symbol_space,
        suffix=suffix,
        percent=percent,
        plus=plus,
        grouping=_grouping(digits),
        suffix_space=bool(suffix) and rest != rest.lstrip(" "),
    )


# -- absent figures ------------------------------------------------------------------

_NO_FIGURE = frozenset(
    {
        "",
        "-",
        "–",
        "—",
        "n/a",
        "na",
        "none",
        "not offered",
        "included",
        "varies",
        "tbd",
        "discretionary",
        "not disclosed",
        "undisclosed",
        "unknown",
    }
)


# Words and nothing that could be part of a figure: ``Competitive``, ``Varies by level``.
# Each run of separators is followed by a letter, so no text can be split two ways.
_WORDS_ONLY = re.compile(r"[^\W\d_]+(?:[ .,'’&/()-]+[^\W\d_]+)*[ .,'’&/()-]*")
_PLACEHOLDER = re.compile(r"(?i:x+[kmb]?|x+(?:,x+)+|tk+|\?+)")  # ``$XXK``: unfinished, not absent


def is_absent(text: str) -> bool:
    """A cell that deliberately shows no figure: empty, a dash, ``N/A``, ``TBD``,
    ``Varies``, or words alone (``Competitive``, ``Equity only``).

    Bold or italic marks around the whole cell are ignored (``**N/A**``), so
    raw and plain cell text give the same answer.  Such a cell agrees with a
    null or missing field.
    """
    if len(text) > MAX_CELL:
        return False
    core = text.translate(_SPACES).strip().strip("*_").strip()
    if core.casefold() in _NO_FIGURE:
        return True
    return _WORDS_ONLY.fullmatch(core) is not None and not any(
        _PLACEHOLDER.fullmatch(word) for word in core.split()
    )


# -- writing figures back ------------------------------------------------------------


@dataclass(frozen=True)
class Units:
    """How one currency's amounts are written: ``195K``/``1.2M``, ``₹20L``, or in full."""

    small: str = "K"  # ``K``, ``k``, ``L``; empty writes numbers in full
    large: str = ""  # ``M`` or `` Cr`` (a space as written) once the table uses it
    small_decimals: int = 0  # ``$270.5K`` -> 1
    large_decimals: int = 0  # ``CNY 1.35M`` -> 2
    grouping: str = "western"  # full numbers: "western", "indian" or "none"


@dataclass(frozen=True)
class Style:
    """How a table writes figures, learned from its cells so fixes look native."""

    dash: str = "–"
    thousands: str = "K"
    repeat_symbol: bool = True
    percent_both: bool = False
    affixes: Mapping[str, tuple[str, bool, bool]] = field(default_factory=dict)
    units: Mapping[str, Units] = field(default_factory=dict)  # by currency; "" for none
    note: str = ""  # an annotation every cell shares (``/4yr``): learn per column to get one

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
        decimals = _decimals(figure.step / _unit(figure.suffix))
        written = (" " if figure.suffix_space else "") + figure.suffix
        if _unit(figure.suffix) >= LARGE_UNIT:
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
    quotient = value / _unit(suffix.lstrip())
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
            style = replace(style, affixes={**style.affixes, currency: spelling})
        if like.high is not None:
            dash, low_plus = like.dash, like.low.plus
            if like.percent:
                both = like.low.text.endswith("%")
            elif like.low.symbol or like.high.symbol:
                repeat = bool(like.low.symbol and like.high.symbol)
    if percent:
        if single:
            return f"{format_percent(low)}%{'+' if top_plus else ''}{note}"
        left = format_percent(low) + ("%" if both else "") + ("+" if low_plus else "")
        return f"{left}{dash}{format_percent(high)}%{'+' if top_plus else ''}{note}"  # type: ignore[arg-type]
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


def show(value: Any) -> str:
    """A frontmatter number as the message shows it: ``370000``, ``7.5``."""
    number = to_decimal(value)
    if number is None:
        return repr(value)
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number.normalize():f}"


# -- regions -------------------------------------------------------------------------

_SHORTCODE = re.compile(r":[A-Za-z0-9_+-]+:")  # ``:gb:``, ``:singapore:``
_MARKS = str.maketrans({"*": " ", "_": " ", "`": " "})
_QUALIFIER_WORDS = frozenset({"HQ"})


# A citation after a region's name: ``London [2]``, ``London[^lv]``, ``London¹``, ``London†``.
_REGION_CITATION = re.compile(r"\[\^[^\[\]\s]{1,40}\]|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+")


def _plain_region(name: str) -> str:
    plain = _SHORTCODE.sub(" ", name)
    if "[" in plain or not plain.isascii():
        plain = _REGION_CITATION.sub(" ", plain)
    return plain.translate(_MARKS).translate(_SPACES).strip()


def _words(text: str) -> list[str]:
    return "".join(ch if ch.isalnum() else " " for ch in text.casefold()).split()


@cache
def _subdivisions() -> frozenset[str]:
    table = data_file("subdivisions.json")
    return frozenset(code for codes in table.values() for code in codes)


_LIST_SEPARATORS = re.compile(r"[\s/,;]+")


@cache
def _header_qualifiers() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_file("tables.json")["header_qualifiers"]["words"])


def _currency_list(inner: str, symbols: Mapping[str, str]) -> set[str] | None:
    """The currencies a parenthetical names (``GBP £``, ``EUR/GBP``, ``CAD/USD equiv``),
    or None if it is not one: words other than currencies must be qualifiers
    (``equiv``, ``approx.``; guidelint/data/tables.json)."""
    found: set[str] = set()
    for token in _LIST_SEPARATORS.split(inner.strip()):
        token = token.lstrip("~")
        if not token:
            continue
        currency = _known_currency(token, symbols)
        if currency is not None:
            found.add(currency)
        elif token.casefold() not in _header_qualifiers():
            return None
    return found or None


def _trailing_parenthetical(text: str) -> tuple[str, str] | None:
    if not text.endswith(")"):
        return None
    opening = text.rfind("(")
    if opening <= 0:
        return None
    return text[:opening].rstrip(), text[opening + 1 : -1]


def _strip_qualifiers(text: str, symbols: Mapping[str, str]) -> str:
    """Drop what follows a place name: ``(GBP £)``, ``(HQ)``, ``HQ``, ``, CA``, ``(CT)``."""
    for _ in range(_MAX_NOTES):
        text = text.rstrip()
        parts = _trailing_parenthetical(text)
        if parts is not None:
            head, inner = parts
            qualifier = (
                inner.strip() in _QUALIFIER_WORDS or _currency_list(inner, symbols) is not None
            )
            if qualifier and _words(head):
                text = head
                continue
        closed = text.endswith(")")  # ``Wilton (CT)``
        core = text[:-1].rstrip() if closed else text
        code, head = core[-2:], core[:-2]
        opener = head.endswith("(") if closed else head.endswith((" ", ","))
        if (
            opener
            and code.isascii()
            and code.isupper()
            and (code in _subdivisions() or code in _QUALIFIER_WORDS)
        ):
            head = head.rstrip(" ,(")
            if _words(head) and _words(head) != ["remote"]:
                text = head
                continue
        break
    return text


@lru_cache(maxsize=4096)  # a guide set names the same few hundred regions again and again
def region_key(name: str) -> str:
    """A region spelling reduced for comparison: ``:gb: **London** (GBP £)`` -> ``london``.

    Drops emoji and ``:shortcodes:``, inline marks, citations (``[2]``, ``¹``), a trailing parenthetical
    that names currencies or ``HQ`` (also a bare trailing ``HQ``), and a
    trailing US state or Canadian province code (``San Jose, CA``).  Other
    parentheticals stay words: ``(Remote)`` and ``(R&D)`` can tell rows apart.
    ``remote`` moves first, so ``US Remote``, ``Remote - US`` and
    ``Remote (US)`` are all ``remote us``.
    """
    words = _words(_strip_qualifiers(_plain_region(name), currency_symbols()))
    if "remote" in words and len(words) > 1:
        words = ["remote", *(word for word in words if word != "remote")]
    return " ".join(words)


def region_display(name: str) -> str:
    """A region's name as the frontmatter writes it: ``🇬🇧 London (GBP £)`` -> ``London``.

    What :func:`region_key` drops is dropped (emoji, shortcodes, marks, a
    trailing currency or ``HQ``); the words keep their case.
    """
    plain = "".join(
        " " if unicodedata.category(ch) in ("So", "Cf") or ch in "\ufe0f\u20e3" else ch
        for ch in _plain_region(name)
    )
    text = _strip_qualifiers(" ".join(plain.split()), currency_symbols())
    return text or " ".join(plain.split())


def region_currency_hint(name: str, symbols: Mapping[str, str] | None = None) -> str | None:
    """The currency a region spelling states: ``London (GBP)`` and ``Sydney (AUD A$)`` -> ISO.

    Only a trailing parenthetical naming one currency counts; ``(EUR/GBP)``
    names two and gives None.
    """
    table = symbols if symbols is not None else currency_symbols()
    text = _plain_region(name)
    for _ in range(_MAX_NOTES):
        parts = _trailing_parenthetical(text)
        if parts is None:
            return None
        head, inner = parts
        found = _currency_list(inner, table)
        if found is not None:
            return found.pop() if len(found) == 1 else None
        text = head
    return None


def region_currencies(name: str, symbols: Mapping[str, str] | None = None) -> frozenset[str]:
    """Every currency a region spelling's trailing parentheticals name: a column headed
    ``Canada (CAD/USD equiv)`` may show either."""
    table = symbols if symbols is not None else currency_symbols()
    text = _plain_region(name)
    found: set[str] = set()
    for _ in range(_MAX_NOTES):
        parts = _trailing_parenthetical(text)
        if parts is None:
            break
        text, inner = parts
        found |= _currency_list(inner, table) or set()
    return frozenset(found)
