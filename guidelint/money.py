"""Money, range and percentage figures as guide tables write them.

``parse_figure("$195K–$255K")`` gives the two amounts, their currency and the
precision each was displayed with, so a table showing ``$196K`` can agree with
195500.  :mod:`guidelint.moneystyle` writes figures back in a table's own
style; :mod:`guidelint.currencies` knows the currencies and
:mod:`guidelint.regionnames` the region spellings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from guidelint import patterns
from guidelint.currencies import currency_symbols, known_currency
from guidelint.figures import CELL_UNIT, DECIMALS, INDIAN_GROUPED, UNITS, WESTERN_GROUPED
from guidelint.records import Record
from guidelint.resources import data_file
from guidelint.scan import Lazy

MAX_CELL = 200  # longer cells are not figures; never scan them
MAX_NOTES = 4  # trailing annotations stripped from one figure: ``RSU/4yr (target)``

# Any run of digits and commas, so that a malformed grouping ($1,50K) is told, not
# skipped; a grouped one must then be one of the lexer's two groupings.
_NUMBER = patterns.compile(rf"\d[\d,]*{DECIMALS}")
# Only matched whole against a cell's number.  The look-behind changes nothing there;
# it keeps the patterns linear under a scan too (tests/test_regex_linearity.py scans
# every pattern), which would otherwise try a run of groups from each of its groups.
_GROUPED = patterns.compile(r"(?<![\d,])" + WESTERN_GROUPED + DECIMALS)
_INDIAN_GROUPED = patterns.compile(r"(?<![\d,])" + INDIAN_GROUPED + DECIMALS)  # 36,00,000
_SEPARATOR = patterns.compile(r"\s{0,8}+(?:[–—]|-|\bto\b)\s{0,8}", re.IGNORECASE)
_DUAL = patterns.compile(
    r"\s{1,8}/\s{1,8}"
)  # ``£75K / $95K``: the slash between a figure and its conversion
_PERIOD = patterns.compile(r"/\s?\d*\s?(?:yrs?|years?|y|mo|months?)$", re.IGNORECASE)  # ``/4yr``
_NOTE_WORD = patterns.compile(r"[A-Za-z][A-Za-z.&-]*(?:/\d*[A-Za-z]+)?")  # ``target``, ``RSU/4yr``
# Units (K, M, B, lakh, crore, million ...) are the figure lexer's: one table for cells and prose.
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})


class FigureError(ValueError):
    """A cell that is not a figure; the message says why, in lower case."""


# Made often, never changed: a NamedTuple, as diagnostics.Fix is.
class Figure(NamedTuple):
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


# Made often, and given its source text once parsed: a plain record.
class Parsed(Record):
    """A cell's figure: one value, or a low-high range.

    In a dual-currency cell (``£75K / $95K – £135K / $170K``) the figures are
    the first currency's and ``conversion`` holds the other part, parsed the
    same way, with offsets in the same cell text.
    """

    __slots__ = (
        "low",
        "high",
        "dash",
        "percent",
        "note",
        "conversion",
        "end",
        "source",
        "origin",
        "ceiling",
    )

    def __init__(
        self,
        low: Figure,
        high: Figure | None = None,
        dash: str = "",  # the separator as written, spaces included
        percent: bool = False,
        note: str = "",  # a trailing annotation as written, leading spaces included: `` target``
        conversion: Parsed | None = None,
        end: int = 0,  # just past the figure(s) and ``note``: where `` / `` and a conversion follow
        source: str = "",  # the text given to parse_figure
        origin: int = 0,  # the offset given to parse_figure
        ceiling: bool = False,  # ``Up to $50K``: one figure, the most there is
    ) -> None:
        self.low = low
        self.high = high
        self.dash = dash
        self.percent = percent
        self.note = note
        self.conversion = conversion
        self.end = end
        self.source = source
        self.origin = origin
        self.ceiling = ceiling

    __hash__ = Record._hash

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


# -- parsing -------------------------------------------------------------------------


def parse_figure(text: str, symbols: Mapping[str, str] | None = None, *, offset: int = 0) -> Parsed:
    """Parse a cell such as ``$195K–$255K``, ``CHF 150K``, ``₹20L``, ``5–15% target``.

    A trailing ``+`` (``$960K+``), annotation (``/4yr``, ``RSU/4yr``,
    ``(target)``) and a conversion after `` / `` are read too; see
    :class:`Parsed`.  Raises :class:`FigureError` for anything else (``TBD``).
    ``offset`` is added to every figure's offset (the cell's position).
    """
    table = symbols if symbols is not None else currency_symbols()
    cleaned = text.translate(SPACES)
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
    # costs far less than ``_replace`` on the hottest path of a table.
    parsed.source, parsed.origin = text, offset
    return parsed


_APPROXIMATE = patterns.compile(r"(?:~|≈|approx(?:imately|\.)?|about|around|c\.)\s*", re.IGNORECASE)
_FOOTNOTE_MARKS = frozenset("*†‡")
_CEILING = patterns.compile(r"(?:up\s+to|max(?:imum)?\.?:?|≤|<=?)\s*", re.IGNORECASE)
# A citation after the figure: `[2]`, `[^lv]`, superscript digits.
_CITATION = Lazy(r"\s{0,8}+(?:\[\^?[^\[\]\s]{1,40}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,8})$")


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
    for _ in range(MAX_NOTES):
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
        and known_currency(word, symbols) is None
    )


def unit_scale(suffix: str) -> Decimal:
    return UNITS[suffix.casefold()] if suffix else Decimal(1)


def _finish(low: Figure, high: Figure | None, dash: str, note: str, end: int) -> Parsed:
    if high is None:
        return Parsed(low, percent=low.percent, note=note, end=end)
    # Shorthand: ``$195–255K`` and ``5–15%`` state the unit once, on the right;
    # ``$195K–255K`` and ``195K–255K USD`` state the currency once.
    if high.suffix and not low.suffix and "," not in low.text:
        unit = unit_scale(high.suffix)
        if low.amount * unit > high.amount:  # `$900–1.2M`: $900K or $900M? Not guessed.
            raise FigureError(
                f"reads `{low.text}` as {low.text}{high.suffix}, above `{high.text}`:"
                f" write the unit on both ends"
            )
        low = low._replace(amount=low.amount * unit, step=low.step * unit)
    if high.percent and not low.percent and not low.currency:
        low = low._replace(percent=True)
    if low.percent and not high.percent and not high.currency:
        high = high._replace(percent=True)
    if low.percent != high.percent:
        raise FigureError("mixes a percentage and an amount")
    if low.currency and not high.currency:
        high = high._replace(currency=low.currency)
    elif high.currency and not low.currency:
        low = low._replace(currency=high.currency)
    return Parsed(low, high, dash, low.percent, note=note, end=end)


def _currency(symbol: str, symbols: Mapping[str, str]) -> str:
    found = known_currency(symbol, symbols)
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
    scale = unit_scale(suffix)
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

# Cells that show no figure on purpose (data/tables.json ``absent_cells``).
_NO_FIGURE = frozenset(w.casefold() for w in data_file("tables.json")["absent_cells"]["words"])


# Words and nothing that could be part of a figure: ``Competitive``, ``Varies by level``.
# Each run of separators is followed by a letter, so no text can be split two ways.
_WORDS_ONLY = Lazy(r"[^\W\d_]+(?:[ .,'’&/()-]+[^\W\d_]+)*[ .,'’&/()-]*")
_PLACEHOLDER = patterns.compile(
    r"(?i:x+[kmb]?|x+(?:,x+)+|tk+|\?+)"
)  # ``$XXK``: unfinished, not absent


def is_absent(text: str) -> bool:
    """A cell that deliberately shows no figure: empty, a dash, ``N/A``, ``TBD``,
    ``Varies``, or words alone (``Competitive``, ``Equity only``).

    Bold or italic marks around the whole cell are ignored (``**N/A**``), so
    raw and plain cell text give the same answer.  Such a cell agrees with a
    null or missing field.
    """
    if len(text) > MAX_CELL:
        return False
    core = text.translate(SPACES).strip().strip("*_").strip()
    if core.casefold() in _NO_FIGURE:
        return True
    return _WORDS_ONLY.fullmatch(core) is not None and not any(
        _PLACEHOLDER.fullmatch(word) for word in core.split()
    )


def show(value: Any) -> str:
    """A frontmatter number as the message shows it: ``370000``, ``7.5``."""
    number = to_decimal(value)
    return repr(value) if number is None else plain_number(number)


def plain_number(number: Decimal) -> str:
    """``370000``, ``7.5``: a number without exponent, grouping or trailing zeros."""
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number.normalize():f}"
