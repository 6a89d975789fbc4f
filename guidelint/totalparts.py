"""The parts of a stated total: base, one year of stock, the bonus and the signing
bonus, read from an entry and, where it lacks them, from the compensation table.

How many years a stock figure covers comes from ``stock_vest_years`` or the stock
column's header (data/totals.json); a :class:`Sum` holds one end's parts, their
arithmetic and the sums the usual slips give.  GL205 and GL207
(:mod:`guidelint.rules.totals`) read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from guidelint import patterns
from guidelint.cells import counts_shares
from guidelint.comparison import Comparison
from guidelint.money import FigureError, parse_figure, show, to_decimal
from guidelint.resources import data_file
from guidelint.scan import Lazy, longest_first
from guidelint.tablecompare import is_amount, unmapped_columns
from guidelint.tables import Table

# -- the stock column's period ----------------------------------------------------


def _words(names: list[str]) -> str:
    return "|".join(re.escape(name) for name in longest_first(names))


_PERIODS = data_file("totals.json")["stock_periods"]
_YEARS = Lazy(
    rf"(?<![\d.])(\d{{1,2}}) ?-?(?:{_words(_PERIODS['years'])})(?![A-Za-z])", re.IGNORECASE
)
_SLASHED = [word for word in _PERIODS["yearly"] if word.startswith("/")]
_YEARLY = Lazy(
    rf"(?:{_words(_SLASHED)}|(?<![A-Za-z])(?:{_words([w for w in _PERIODS['yearly'] if w not in _SLASHED])}))"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)


_FIRST_YEAR = Lazy(
    rf"(?<![A-Za-z\d])(?:{_words(data_file('totals.json')['first_year_totals']['words'])})(?![A-Za-z\d])",
    re.IGNORECASE,
)


def first_year(header: str) -> bool:
    """Whether a total's header names the first year, whose total counts the signing bonus."""
    return _FIRST_YEAR.search(header) is not None


def table_first_year(comparison: Comparison | None, total_fields: tuple[str, str]) -> bool:
    """Whether the compensation table's total column (or a component table's total row)
    is headed as the first year's (`Total Comp (Year 1)`)."""
    table = comparison.table if comparison is not None else None
    if table is None:
        return False
    return any(
        index < len(table.headers) and first_year(table.headers[index])
        for index in _mapping(table, total_fields)
    )


def _mapping(table: Table, fields: tuple[str, str]) -> Iterator[int]:
    """The columns (or a component table's rows) that ``fields`` map to, in order."""
    for spec, index in table.columns:
        if index is not None and {spec.low, spec.high} & set(fields):
            yield index


def header_years(header: str) -> int | None:
    """The years a stock column's header says its figures cover; None when it names none."""
    found = _YEARS.search(header)
    if found is not None and int(found.group(1)) > 0:
        return int(found.group(1))
    return 1 if _YEARLY.search(header) else None


_ASIDE = patterns.compile(r"\([^()]{0,200}\)")


def shows_shares(text: str) -> bool:
    """Whether a cell is a bare count of shares (`2,000 shares/yr`): its period is the
    shares', not the pay's."""
    try:
        parsed = parse_figure(text)
    except FigureError:
        return False
    return counts_shares(parsed)


def table_years(comparison: Comparison | None, stock_fields: tuple[str, str]) -> Decimal | None:
    """The years the compensation table's stock header names (1 when it names no
    period): a column's header, or a component table's row label (`RSU Grant (4-Year
    Vest)`); None when no table maps a stock column."""
    table = comparison.table if comparison is not None else None
    if table is None or table.layout == "levels":
        return None  # a row per entry, or a column per entry under component labels
    for index in _mapping(table, stock_fields):
        # The cells' own period (`$55,000/yr` under `RSU Grant (4-Year Vest)`) says
        # what they show, over the header's; one in brackets glosses the figure
        # (`$155K ($39K/yr vest)`) and is not its own.
        cells = {
            header_years(_ASIDE.sub("", row.cells[index].text))
            for row in table.rows
            if index < len(row.cells) and not shows_shares(row.cells[index].text)
        } - {None}
        if len(cells) == 1:
            return Decimal(cells.pop() or 1)
        return Decimal(header_years(table.headers[index]) or 1)
    return None


def shown_elsewhere(comparison: Comparison | None) -> set[str] | None:
    """The entries whose table row shows an amount in a column no field maps (GL306's,
    `Secondary Access Value`): the parts their totals count may be there.  None when
    the table is in a layout whose extra rows cannot be told from its parts (a table
    with a row per component), so that no entry can be said to record nothing."""
    table = comparison.table if comparison is not None else None
    if comparison is None or table is None:
        return set()
    if table.layout != "rows":
        return None
    columns = unmapped_columns(table)
    return {
        comparison.entry_path(comparison.row_items[number])
        for number, row in enumerate(table.rows)
        if number in comparison.row_items
        and any(index < len(row.cells) and is_amount(row.cells[index].text) for index in columns)
    }


def table_fills(comparison: Comparison | None) -> dict[tuple[str, str], Decimal]:
    """(entry path, field) -> the figure the table shows where the frontmatter has none;
    0 where its cell says the pay is not paid (`—`, `None`: data/tables.json)."""
    if comparison is None:
        return {}
    fills: dict[tuple[str, str], Decimal] = dict.fromkeys(comparison.unpaid, Decimal(0))
    for finding in comparison.findings:
        if finding.code == "GL306" and finding.fill and finding.entry:
            fills[(finding.entry, finding.fill[0])] = finding.fill[1]
    return fills


# -- the sum ------------------------------------------------------------------------


class Sum(NamedTuple):
    """One end's parts: base, a year of stock and the bonus (None: not known)."""

    base: Decimal
    stock: Decimal | None  # as written
    years: Decimal | None  # the years the stock figure covers; None: not known
    bonus: Decimal | None
    names: tuple[str, str, str]  # base, stock and total fields
    bonus_note: str
    stock_note: str = ""  # where the stock figure comes from when not the frontmatter
    signing: tuple[str, Decimal] | None = None  # the signing bonus's field and figure
    first_year: bool = False  # a first year's total, which counts the signing bonus

    @property
    def stock_year(self) -> Decimal | None:
        if self.stock == 0:
            return self.stock  # no stock is none in any period
        if self.stock is None or self.years is None:
            return None  # a figure of no known period bounds nothing
        return self.stock / self.years

    @property
    def counted_signing(self) -> Decimal:
        """The signing bonus, when the total is the first year's; else 0."""
        return self.signing[1] if self.first_year and self.signing else Decimal(0)

    @property
    def floor(self) -> Decimal:
        """The known parts a total counts whatever its year: without a first year's
        signing bonus, which a first-year total may or may not count."""
        return self.base + (self.stock_year or 0) + (self.bonus or 0)

    @property
    def known(self) -> Decimal:
        return self.floor + self.counted_signing

    @property
    def complete(self) -> bool:
        return self.stock_year is not None and self.bonus is not None

    def arithmetic(self) -> str:
        base_name, stock_name, _ = self.names
        terms = [f"{base_name} {show(self.base)}"]
        if self.stock is None:
            terms.append(f"{stock_name} unknown")
        elif self.stock == 0:
            shown = " shown as none in the table" if self.stock_note else " 0"
            terms.append(f"no stock ({stock_name}{shown})")
        elif self.years is None:
            terms.append(f"{stock_name} {show(self.stock)} over no stated period")
        elif self.years != 1:
            terms.append(f"{stock_name} {show(self.stock)}/{show(self.years)}")
        else:
            terms.append(f"{stock_name} {show(self.stock)}")
        if self.stock and self.stock_note:
            terms[-1] += f" ({self.stock_note.strip()})"
        terms.append(self.bonus_note if self.bonus is not None else "bonus unknown")
        if not self.counted_signing:
            return f"{' + '.join(terms)} = {whole(self.known)}"
        name, value = self.signing or ("", Decimal(0))
        terms.append(f"{name} {show(value)} (a first-year total)")
        return f"{' + '.join(terms)} = {whole(self.known)}, {whole(self.floor)} without it"

    def slips(self) -> list[tuple[Decimal, str]]:
        """The sums that the usual mistakes give, each with what went wrong (the
        reasons name the grant's figure; ``slip_kind`` gives them without it)."""
        stock, bonus = self.stock or Decimal(0), self.bonus or Decimal(0)
        year, years = self.stock_year or Decimal(0), self.years or Decimal(0)
        signing_name, signing = self.signing or ("", Decimal(0))
        grant = f"the whole grant ({self.names[1]} {show(stock)})"
        candidates: list[tuple[bool, Decimal, str]] = [
            (
                years > 1 and stock > 0,
                self.base + stock + bonus,
                f"it counts {grant} as one year's pay",
            ),
            (
                years > 1 and stock > 0 and bonus > 0,
                self.base + stock,
                f"it counts {grant} and leaves out the bonus",
            ),
            (
                years == 1 and stock > 0,
                self.base + stock / 4 + bonus,
                "it counts a quarter of the stock: if the figure is a 4-year grant, say so"
                " in the header or stock_vest_years",
            ),
            (
                bonus > 0 and self.stock_year is not None,
                self.base + year,
                "it leaves out the bonus",
            ),
            (year > 0 and self.bonus is not None, self.base + bonus, "it leaves out the stock"),
            (
                signing > 0 and self.complete and not self.first_year,
                self.base + year + bonus + signing,
                f"it counts the signing bonus ({signing_name} {show(signing)}), which is paid once",
            ),
            (year + bonus > 0, self.base, "it equals base alone"),
        ]
        return [(value, reason) for usable, value, reason in candidates if usable]

    def unrecorded(self, total: Decimal, tolerance: Decimal, share: Decimal) -> str | None:
        """The parts a total counts that the guide never records ("stock", "bonus",
        "stock or bonus"), when it stands above the recorded ones by more than
        they could make up: ``share`` of them with no bonus recorded (a bonus may
        be that large), ``tolerance`` with only the stock missing; else None."""
        if self.complete or (self.stock is not None and self.years is None):
            return None  # GL205's, or a grant recorded with no period
        if self.known <= 0:
            return None  # a base of 0 is GL206's to question
        missing = " or ".join(
            name
            for name, absent in (("stock", self.stock is None), ("bonus", self.bonus is None))
            if absent
        )
        margin = share if self.bonus is None else tolerance
        return missing if total > self.known * (1 + margin) else None

    def whole_grant(self, total: Decimal) -> str | None:
        """The whole-grant slip, when a total with an unknown bonus equals base plus the
        whole grant (to within SLIP_MARGIN): the only slip no bonus can make."""
        if self.bonus is not None or self.stock is None or self.stock <= 0:
            return None
        if self.years is None or self.years <= 1:
            return None
        value, reason = self.slips()[0]  # with a grant over years, the whole-grant slip
        return reason if abs(total - value) <= value * SLIP_MARGIN else None

    def slip_kind(self, reason: str) -> str:
        """A slip's reason without this entry's figures: the same slip in two entries
        has one kind."""
        reason = reason.replace(f" ({self.names[1]} {show(self.stock or Decimal(0))})", "")
        if self.signing is not None:
            name, value = self.signing
            reason = reason.replace(f" ({name} {show(value)})", "")
        return reason

    def suspect(self, total: Decimal, margin: Decimal) -> str | None:
        """The mistake whose sum is within ``margin`` (a share) of the stated total."""
        for value, reason in self.slips():
            if abs(total - value) <= value * margin:
                return reason
        return None


def inverted(item: dict[str, Any], ranges: list[tuple[str, str]]) -> bool:
    return any(
        low is not None and high is not None and low > high
        for low, high in ((field_value(item, a), field_value(item, b)) for a, b in ranges)
    )


def whole(number: Decimal) -> str:
    return show(number.quantize(Decimal(1)))


def field_value(item: dict[str, Any], name: str | None) -> Decimal | None:
    return to_decimal(item.get(name)) if name else None


def field_name(parts: dict[str, Any], key: str, end: int) -> str | None:
    pair = parts.get(key)
    if isinstance(pair, list) and len(pair) == 2 and isinstance(pair[end], str):
        return pair[end]
    return None


def _bonus(
    item: dict[str, Any],
    parts: dict[str, Any],
    end: int,
    base: Decimal,
    shown: dict[str, Decimal],
) -> tuple[Decimal, str] | None:
    """One end's bonus and how it was counted: an amount, or a percentage of that
    end's base; a high end the frontmatter lacks is the table's, else the low end's."""
    for key, percent in (("bonus", False), ("bonus_pct", True)):
        low_name, name = field_name(parts, key, 0), field_name(parts, key, end)
        if name is None:
            continue
        value, label, where = field_value(item, name), name, ""
        if value is None and name in shown:
            value, where = shown[name], " in the table"
        elif value is None and end == 1:
            value, label, where = field_value(item, low_name), str(low_name), ", also the high end"
        if value is None:
            continue
        if value == 0 and where == " in the table":
            return value, f"no bonus ({label} shown as none in the table)"
        if percent:
            amount = base * value / 100
            return amount, f"bonus {whole(amount)} ({label} {show(value)}%{where})"
        return value, f"bonus {show(value)} ({label}{where})"
    return None


def sums_of(
    item: dict[str, Any],
    parts: dict[str, Any],
    years: Decimal | None,
    shown: dict[str, Decimal],
    first: bool = False,
) -> list[Sum]:
    """Both ends' sums, where the entry names their fields and base; ``first`` when the
    totals are the first year's (:func:`table_first_year`)."""
    return [found for end in (0, 1) if (found := _sum(item, parts, end, years, shown, first))]


def _sum(
    item: dict[str, Any],
    parts: dict[str, Any],
    end: int,
    years: Decimal | None,
    shown: dict[str, Decimal],
    first: bool,
) -> Sum | None:
    names = [field_name(parts, key, end) for key in ("base", "stock", "total")]
    base_name, stock_name, total_name = names
    if base_name is None or stock_name is None or total_name is None:
        return None
    base = field_value(item, base_name)
    if base is None:
        return None
    bonus = _bonus(item, parts, end, base, shown)
    stock, stock_note = field_value(item, stock_name), ""
    if stock is None and stock_name in shown:
        stock, stock_note = shown[stock_name], " in the table"
    signing_name = field_name(parts, "signing", end)
    signing = field_value(item, signing_name)
    return Sum(
        base,
        stock,
        years,
        bonus[0] if bonus else None,
        (base_name, stock_name, total_name),
        bonus[1] if bonus else "",
        stock_note,
        (signing_name, signing) if signing_name and signing else None,
        first,
    )


# A total this close to the sum a usual mistake gives (base + the whole grant,
# base alone) is that mistake even inside the tolerance, when the sum itself
# lies clearly apart.
SLIP_MARGIN = Decimal("0.005")
SLIP_APART = Decimal("0.03")
