"""The table a guide shows its frontmatter in, found through the schema's annotation.

The schema's ``x-guidelint-table`` says which frontmatter list the table shows,
which column holds each item's key and which columns show which fields::

    {"list": "compensation", "key": {"column": "Region", "field": "region"},
     "currency": "currency",
     "columns": [{"header": "Base Salary", "kind": "money",
                  "low": "base_low", "high": "base_high", "aliases": ["Base"]}]}

Headers match case-insensitively and tolerate suffixes (``Stock (RSU/4yr)``
matches ``Stock``).  A column may be ``optional`` (a table without it is
fine), and a percentage column may name ``amount`` fields for cells written as
amounts (``bonus_pct`` or ``bonus_low``/``bonus_high``).

``layouts`` says which table shapes the guide type accepts besides one row
per entry: ``components`` (one column per entry under a header such as
``Component | London (GBP) | ...``, one row per mapped column) and ``levels``
(one row per level, one column per entry, every cell showing the column named
by ``shows``; the entry's figures are the range those cells span).
:func:`compare` lines the table up with the frontmatter; the GL3xx rules
report its findings and :func:`table_fix` rewrites the rows or cells.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from guidelint.cells import (
    amount_symbols,
    instrument_column,
    is_relative,
    names_instrument,
    peer_headers,
    row_symbols,
)
from guidelint.diagnostics import Fix
from guidelint.edits import CURRENCY_DESCRIPTION, FILL_DESCRIPTION, set_field
from guidelint.markdown import Cell, Row, TableBlock
from guidelint.money import (
    Figure,
    FigureError,
    Parsed,
    Style,
    currency_code,
    currency_symbols,
    format_range,
    is_absent,
    parse_figure,
    region_currencies,
    region_currency_hint,
    region_key,
    rewrite_cell,
    show,
    to_decimal,
)
from guidelint.periods import yearly
from guidelint.pivots import split_by_currency
from guidelint.places import region_currency

if TYPE_CHECKING:
    from guidelint.context import Context
    from guidelint.document import Guide

FIX_DESCRIPTION = "rewrite the table rows from the frontmatter"
MAX_ROWS = 1000  # rows beyond this are not compared: bounded work per file


# -- the annotation -----------------------------------------------------------


@dataclass(frozen=True)
class ColumnSpec:
    """One mapped column: its header and the frontmatter fields it shows."""

    header: str
    kind: str = "money"  # "money" or "percent"
    low: str | None = None
    high: str | None = None
    aliases: tuple[str, ...] = ()
    optional: bool = False
    amount_low: str | None = None  # a percentage column's fields for amounts
    amount_high: str | None = None

    def as_amount(self) -> ColumnSpec:
        """The same column read as an amount (a bonus written as ``$20K-$35K``)."""
        return ColumnSpec(self.header, "money", self.amount_low, self.amount_high, self.aliases)

    @property
    def takes_amounts(self) -> bool:
        return self.percent and bool(self.amount_low or self.amount_high)

    @property
    def label(self) -> str:
        return " ".join(self.header.lower().split())

    @property
    def percent(self) -> bool:
        return self.kind == "percent"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.header, *self.aliases)


@dataclass(frozen=True)
class TableMapping:
    """The schema's ``x-guidelint-table`` annotation, checked and typed."""

    list: str
    key_column: str
    key_field: str
    currency: str | None
    columns: tuple[ColumnSpec, ...]
    key_aliases: tuple[str, ...] = ()
    required: frozenset[str] = frozenset()
    component_headers: tuple[str, ...] = ()  # first headers of a `components` table
    level_headers: tuple[str, ...] = ()  # first headers of a `levels` table
    level_shows: str | None = None  # the column every cell of a `levels` table shows

    @property
    def fields(self) -> tuple[str, ...]:
        names = [self.key_field]
        for spec in self.columns:
            names.extend(
                name for name in (spec.low, spec.high, spec.amount_low, spec.amount_high) if name
            )
        if self.currency:
            names.append(self.currency)
        return tuple(names)


def mapping_for(schema: Mapping[str, Any] | None) -> TableMapping | None:
    """The table mapping of a schema, or None when it has no usable annotation."""
    if not isinstance(schema, Mapping):
        return None
    note = schema.get("x-guidelint-table")
    if not isinstance(note, Mapping):
        return None
    key = note.get("key")
    if not isinstance(note.get("list"), str) or not isinstance(key, Mapping):
        return None
    if not isinstance(key.get("column"), str) or not isinstance(key.get("field"), str):
        return None
    columns = []
    for item in note.get("columns") or ():
        if not isinstance(item, Mapping) or not isinstance(item.get("header"), str):
            continue
        amount = _mapping(item.get("amount"))
        columns.append(
            ColumnSpec(
                header=item["header"],
                kind="percent" if item.get("kind") == "percent" else "money",
                low=_text(item.get("low")),
                high=_text(item.get("high")),
                aliases=_texts(item.get("aliases")),
                optional=item.get("optional") is True,
                amount_low=_text(amount.get("low")),
                amount_high=_text(amount.get("high")),
            )
        )
    layouts = _mapping(note.get("layouts"))
    components = _mapping(layouts.get("components"))
    levels = _mapping(layouts.get("levels"))
    currency = note.get("currency")
    return TableMapping(
        list=note["list"],
        key_column=key["column"],
        key_field=key["field"],
        currency=currency if isinstance(currency, str) else None,
        columns=tuple(columns),
        key_aliases=_texts(key.get("aliases")),
        required=_required(schema, note["list"]),
        component_headers=_texts(components.get("headers")),
        level_headers=_texts(levels.get("headers")),
        level_shows=_text(levels.get("shows")),
    )


def _mapping(value: object) -> Mapping[str, Any]:
    """``value`` when the schema annotation holds a mapping there, else an empty one."""
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _resolve(schema: Mapping[str, Any], node: Any) -> Any:
    """Follow local ``$ref``s (``#/$defs/x``) a few levels; enough for item schemas."""
    for _ in range(8):
        if not isinstance(node, Mapping) or not isinstance(node.get("$ref"), str):
            return node
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return node
        target: Any = schema
        for part in ref[2:].split("/"):
            target = target.get(part) if isinstance(target, Mapping) else None
        node = target
    return node


def _required(schema: Mapping[str, Any], name: str) -> frozenset[str]:
    prop = _resolve(schema, (schema.get("properties") or {}).get(name))
    items = _resolve(schema, prop.get("items")) if isinstance(prop, Mapping) else None
    required = items.get("required") if isinstance(items, Mapping) else None
    return frozenset(r for r in required or () if isinstance(r, str))


# -- reading tables -------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A compensation table, seen as one row per entry whatever its layout.

    For a ``components`` or ``levels`` table the rows are virtual: each holds
    the cells that show one entry, taken from that entry's column, so every
    cell keeps its real line and column.
    """

    line: int  # the header row's line
    header: Row
    align_line: int
    rows: tuple[Row, ...]
    key_index: int
    columns: tuple[tuple[ColumnSpec, int | None], ...]  # header index per mapped column
    layout: str = "rows"  # "rows", "components" or "levels"

    @property
    def missing_columns(self) -> tuple[ColumnSpec, ...]:
        return tuple(spec for spec, index in self.columns if index is None and not spec.optional)

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(cell.text for cell in self.header.cells)


@dataclass(slots=True, unsafe_hash=True)  # see diagnostics.Fix: made often
class EnvelopeCell(Cell):
    """The range that a ``levels`` column's cells span, read as one figure.

    ``sources`` holds the cell each shown figure comes from, so a finding on
    the low or high end points at the cell that holds it.
    """

    sources: tuple[tuple[str, Cell], ...] = ()
    rows: tuple[int, int] = (0, 0)  # lines of the column's first and last level
    others: tuple[Cell, ...] = ()  # cells in another currency than the range's

    def position_of(self, figure: Any) -> tuple[int, int]:
        for text, cell in self.sources:
            if text == figure.text:
                return cell.position_of(figure)
        return self.line, self.column


def key_of(text: str) -> str:
    """How an entry's name compares: ``🇬🇧 London (GBP)`` and ``London`` are one region."""
    return region_key(text)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


@lru_cache(maxsize=4096)
def header_match(header: str, names: tuple[str, ...]) -> int:
    """2 for an exact header, 1 for a name followed by a suffix (``Stock (RSU)``), else 0."""
    found = _norm(header)
    best = 0
    for name in names:
        wanted = _norm(name)
        if found == wanted:
            return 2
        if found.startswith(wanted) and not found[len(wanted)].isalnum():
            best = 1
    return best


def _combined(header: str, specs: tuple[ColumnSpec, ...]) -> bool:
    """Whether a header joins two mapped columns (``Stock/Bonus``): it shows neither alone."""
    parts = [part for part in header.split("/") if part.strip()]
    if len(parts) < 2:
        return False
    shown = {n for part in parts for n, spec in enumerate(specs) if header_match(part, spec.names)}
    return len(shown) >= 2


def _map_columns(
    header: tuple[str, ...], key_index: int, specs: tuple[ColumnSpec, ...]
) -> tuple[tuple[ColumnSpec, int | None], ...]:
    taken = {key_index}
    chosen: dict[int, int] = {}
    for score in (2, 1):  # exact headers first, so `Stock` never takes `Stock Bonus`
        for number, spec in enumerate(specs):
            if number in chosen:
                continue
            for index, text in enumerate(header):
                if index in taken or (score == 1 and _combined(text, specs)):
                    continue
                if header_match(text, spec.names) == score:
                    chosen[number] = index
                    taken.add(index)
                    break
    _instrument_column(header, specs, chosen, taken)
    return tuple((spec, chosen.get(number)) for number, spec in enumerate(specs))


def _instrument_column(
    header: tuple[str, ...], specs: tuple[ColumnSpec, ...], chosen: dict[int, int], taken: set[int]
) -> None:
    """A header naming a stock instrument (`Phantom Units/4yr`) is the stock column."""
    number = next((n for n, s in enumerate(specs) if s.header == instrument_column()), None)
    if number is None or number in chosen:
        return
    for index, text in enumerate(header):
        if index not in taken and not _combined(text, specs) and names_instrument(text):
            chosen[number] = index
            taken.add(index)
            return


def entry_keys(guide: Guide, mapping: TableMapping) -> set[str]:
    """The compared form of every entry name in the frontmatter list."""
    listed = guide.data.get(mapping.list) if isinstance(guide.data, dict) else None
    keys: set[str] = set()
    for item in listed if isinstance(listed, list) else ():
        name = item.get(mapping.key_field) if isinstance(item, dict) else None
        if isinstance(name, str) and name.strip():
            keys.add(key_of(name))
    return keys


def find_tables(guide: Guide, mapping: TableMapping, keys: set[str] | None = None) -> list[Table]:
    """Every compensation table of the body in a layout the mapping accepts, in order.

    ``keys`` are the frontmatter's entry names (:func:`key_of`); they decide
    which column names the entries and whether a pivoted table shows them.
    Tables that show no mapped figure (level mappings, peer comparisons) are
    left alone.
    """
    if keys is None:
        keys = entry_keys(guide, mapping)
    tables: list[Table] = []
    for block in guide.blocks:
        if block.table is None:
            continue
        table = _pivot(block.table, mapping, keys) or _by_rows(block.table, mapping, keys)
        if table is not None:
            tables.append(table)
    return tables


def _by_rows(grid: TableBlock, mapping: TableMapping, keys: set[str]) -> Table | None:
    header = grid.header
    texts = tuple(cell.text for cell in header.cells)
    rows = grid.body[:MAX_ROWS]
    primary = [header_match(text, (mapping.key_column,)) for text in texts]
    aliases = [header_match(text, mapping.key_aliases) for text in texts]
    candidates = [i for i in range(len(texts)) if primary[i] or aliases[i]]
    if not candidates:
        return None

    def rank(index: int) -> tuple[int, int, int]:
        shown = sum(
            1 for row in rows if index < len(row.cells) and key_of(row.cells[index].text) in keys
        )
        return shown, primary[index], max(primary[index], aliases[index])

    key_index = max(candidates, key=lambda i: (rank(i), -i))
    peers = peer_headers()
    if not rank(key_index)[0] and (
        header_match(texts[key_index], peers) or header_match(texts[0], peers)
    ):
        return None  # `| Company | Level | Base |` compares employers or titles, not entries
    columns = _map_columns(texts, key_index, mapping.columns)
    if not primary[key_index] and all(index is None for _, index in columns):
        return None  # a `Level | Title` mapping table, not compensation
    return Table(header.line, header, header.line + 1, rows, key_index, columns)


def _pivot(grid: TableBlock, mapping: TableMapping, keys: set[str]) -> Table | None:
    """A ``components`` or ``levels`` table seen as one virtual row per entry column."""
    header = grid.header
    if len(header.cells) < 2 or not grid.body:
        return None
    first = header.cells[0].text
    entries = [
        index
        for index, cell in enumerate(header.cells)
        if index and (key_of(cell.text) in keys or region_currencies(cell.text))
    ]
    if not entries:
        return None
    body = grid.body[:MAX_ROWS]
    if mapping.component_headers and header_match(first, mapping.component_headers):
        return _components(grid, mapping, entries, body)
    if mapping.level_headers and mapping.level_shows and header_match(first, mapping.level_headers):
        if any(
            header_match(cell.text, spec.names) for spec in mapping.columns for cell in header.cells
        ):
            return None  # `Level | Title | Base Salary | ...` is read by rows
        return _levels(grid, mapping, entries, body)
    return None


def _components(
    grid: TableBlock, mapping: TableMapping, entries: list[int], body: tuple[Row, ...]
) -> Table | None:
    labels = tuple(row.cells[0].text if row.cells else "" for row in body)
    columns = _map_columns(labels, -1, mapping.columns)
    if all(index is None for _, index in columns):
        return None
    chosen = [index for _, index in columns if index is not None]
    header_cells = (grid.header.cells[0], *(body[i].cells[0] for i in chosen))
    virtual_header = Row(grid.header.line, header_cells, grid.header.prefix, grid.header.end_column)
    rows = []
    for entry in entries:
        key = grid.header.cells[entry]
        cells = [key]
        for index in chosen:
            row = body[index]
            cells.append(row.cells[entry] if entry < len(row.cells) else _gap(row))
        rows.append(Row(key.line, tuple(cells), grid.header.prefix, key.end_column))
    positions = {index: number + 1 for number, index in enumerate(chosen)}
    mapped = tuple(
        (spec, positions[index] if index is not None else None) for spec, index in columns
    )
    return Table(
        grid.header.line, virtual_header, grid.header.line + 1, tuple(rows), 0, mapped, "components"
    )


def _gap(row: Row) -> Cell:
    """An empty cell where a short row has none, placed at the row's end."""
    return Cell("", "", row.line, row.end_column, row.end_column)


def _levels(
    grid: TableBlock, mapping: TableMapping, entries: list[int], body: tuple[Row, ...]
) -> Table | None:
    spec = next(
        (s for s in mapping.columns if header_match(mapping.level_shows or "", s.names)), None
    )
    if spec is None:
        return None
    shown = Cell(mapping.level_shows or "", mapping.level_shows or "", grid.header.line, 1, 1)
    virtual_header = Row(grid.header.line, (grid.header.cells[0], shown), grid.header.prefix, 1)
    rows = []
    for entry in entries:
        key = grid.header.cells[entry]
        cells = [row.cells[entry] for row in body if entry < len(row.cells)]
        either = region_currencies(key.text)  # `Nordics (SEK/DKK)`: a cell may be in either
        rows.append(
            Row(key.line, (key, envelope(cells, either)), grid.header.prefix, key.end_column)
        )
    columns = tuple((s, 1 if s is spec else None) for s in mapping.columns)
    optional = tuple((s if s is spec else replace(s, optional=True), i) for s, i in columns)
    return Table(
        grid.header.line, virtual_header, grid.header.line + 1, tuple(rows), 0, optional, "levels"
    )


def envelope(cells: list[Cell], either: frozenset[str] = frozenset()) -> Cell:
    """One cell for the range several cells span (lowest low to highest high).

    When the cells are in two of the currencies in ``either`` (the column's
    header names both), the range is the main currency's; the others are kept
    apart in ``others``.
    """
    low: tuple[Decimal, str, Cell] | None = None
    high: tuple[Decimal, str, Cell] | None = None
    readable = [cell for cell in cells if not is_absent(cell.text) and not is_relative(cell.text)]
    readable, others = split_by_currency(readable, either)
    symbols = amount_symbols(currency_symbols())  # `kr 650K`: the amount, whichever krona
    for cell in readable:
        try:
            parsed = parse_figure(cell.text, symbols)
        except FigureError:
            return cell  # reported as malformed, as any cell
        top = parsed.high or parsed.low
        if low is None or parsed.low.amount < low[0]:
            low = (parsed.low.amount, parsed.low.text, cell)
        if high is None or top.amount > high[0]:
            high = (top.amount, top.text, cell)
    if low is None or high is None:
        first = cells[0] if cells else Cell("", "", 1, 1, 1)
        return Cell("", "", first.line, first.column, first.column)
    text = low[1] if low[2] is high[2] and low[1] == high[1] else f"{low[1]}–{high[1]}"
    anchor = low[2]
    return EnvelopeCell(
        text,
        text,
        anchor.line,
        anchor.column,
        anchor.end_column,
        ((low[1], low[2]), (high[1], high[2])),
        (cells[0].line, cells[-1].line),
        others,
    )


# -- comparing with the frontmatter ---------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A GL3xx problem before it becomes a diagnostic."""

    code: str
    line: int
    column: int
    message: str
    end_line: int | None = None
    end_column: int | None = None
    currency: str | None = None  # GL304: the currency the table shows
    shown: str = ""  # GL304: the cell text showing it
    fill: tuple[str, Decimal] | None = None  # GL306: the field and the figure to write
    fixable: bool = True  # False when the table fix leaves this finding's cell alone
    entry: str = ""  # GL306: the frontmatter path of the entry to write it into


class _Unknown:
    """A field that cannot be compared: required but absent, or of the wrong type."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


@dataclass
class Comparison:
    """The table lined up with the frontmatter list it shows."""

    guide: Guide
    mapping: TableMapping
    symbols: dict[str, str]
    items: list[tuple[int, dict[str, Any]]]  # (index in the list, item) with a usable key
    table: Table | None = None
    others: list[Table] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    row_items: dict[int, int] = field(default_factory=dict)  # row number -> item number
    duplicate_rows: set[int] = field(default_factory=set)
    extra_rows: set[int] = field(default_factory=set)  # no frontmatter item
    missing_items: list[int] = field(default_factory=list)
    stale: set[tuple[int, int]] = field(default_factory=set)  # (row, header index)
    unbacked: set[tuple[int, int]] = field(default_factory=set)  # cells only GL306 finds
    currency_entries: list[tuple[str, str]] = field(default_factory=list)  # (entry, currency)
    row_currencies: dict[str, frozenset[str]] = field(default_factory=dict)  # key -> shown
    parsed: list[Parsed] = field(default_factory=list)
    cell_parsed: dict[tuple[int, int], Parsed] = field(default_factory=dict)  # (line, column)
    shown: list[tuple[str | None, Parsed]] = field(default_factory=list)  # (its field, cell)
    guesswork: bool = False  # the frontmatter is too broken to regenerate from

    def value(self, item: dict[str, Any], name: str | None) -> Any:
        """A numeric field as Decimal; None when absent or null (not known); else UNKNOWN."""
        if name is None:
            return None
        if name not in item:
            return UNKNOWN if name in self.mapping.required else None
        if item[name] is None:
            return None
        number = to_decimal(item[name])
        # Negative figures fail the schema and could not be written back as cells.
        return UNKNOWN if number is None or number < 0 else number

    def effective(self, spec: ColumnSpec, item: dict[str, Any]) -> ColumnSpec:
        """A percentage column read as amounts when the entry holds its bonus as amounts."""
        if not spec.takes_amounts:
            return spec
        if not self.holds(item, spec):
            amount = spec.as_amount()
            if self.holds(item, amount):
                return amount
        return spec

    def holds(self, item: dict[str, Any], spec: ColumnSpec) -> bool:
        """Whether the entry has a value (a figure or an unreadable one) for the column."""
        return self.value(item, spec.low) is not None or self.value(item, spec.high) is not None

    def currency_of(self, item: dict[str, Any]) -> str | None:
        """The entry's currency as an ISO code: ``usd`` and ``$`` are USD here (the
        schema reports their spelling once; the table is not held against it)."""
        name = self.mapping.currency
        value = item.get(name) if name else None
        if not isinstance(value, str) or not value.strip():
            return None
        return currency_code(value, self.symbols)

    def entry_path(self, item_number: int) -> str:
        """The frontmatter path of the entry ``self.items[item_number]``."""
        return f"{self.mapping.list}/{self.items[item_number][0]}"

    def shown_entries(self) -> Iterator[tuple[Row, str]]:
        """Each table row that shows a frontmatter entry, with that entry's path."""
        for number, row in enumerate(self.table.rows if self.table is not None else ()):
            item = self.row_items.get(number)
            if item is not None:
                yield row, self.entry_path(item)

    def shows_doubtful(self, entries: Collection[str], line: int, column: int) -> bool:
        """Whether (line, column) lies in a cell that shows one of ``entries``."""
        return any(
            line == at and start <= column <= end for at, start, end in self.doubtful_cells(entries)
        )

    def doubtful_cells(self, entries: Collection[str]) -> set[tuple[int, int, int]]:
        """(line, first column, end column) of every cell that shows one of ``entries``."""
        return {
            (cell.line, cell.column, cell.end_column)
            for row, path in self.shown_entries()
            if path in entries
            for cell in row.cells
        }

    def trusting_only(self, doubtful: Collection[str]) -> Comparison:
        """This comparison with the rows of the ``doubtful`` entries left as they are:
        their frontmatter has a consistency finding, and copying it into the table
        would spread the mistake to what readers see."""
        if not doubtful:
            return self

        def trusted(number: int) -> bool:
            item = self.row_items.get(number)
            return item is None or self.entry_path(item) not in doubtful

        return replace(
            self,
            stale={(row, index) for row, index in self.stale if trusted(row)},
            unbacked={(row, index) for row, index in self.unbacked if trusted(row)},
            missing_items=[n for n in self.missing_items if self.entry_path(n) not in doubtful],
        )

    @property
    def fixable(self) -> bool:
        """Whether the table can be rewritten from the frontmatter."""
        table = self.table
        return table is not None and not self.guesswork and not table.missing_columns

    # -- the fix --

    def rows_text(self, *, drop_extra_rows: bool = False) -> str | None:
        """The table's body rows regenerated from the frontmatter, or None."""
        if not self.fixable:
            return None
        table = self.table
        assert table is not None
        style = Style.learn(self.parsed)
        width = len(table.header.cells)
        lines: list[str] = []
        for number, row in enumerate(table.rows):
            if number in self.duplicate_rows:
                continue
            if number not in self.row_items:
                if not drop_extra_rows:
                    lines.append(self.guide.lines[row.line - 1])
                continue
            wrong = self.stale | self.unbacked if drop_extra_rows else self.stale
            stale = {index for (r, index) in wrong if r == number}
            if not stale:
                lines.append(self.guide.lines[row.line - 1])
                continue
            item = self.items[self.row_items[number]][1]
            cells = [cell.raw for cell in row.cells]
            cells.extend("" for _ in range(width - len(cells)))
            for spec, index in table.columns:
                if index in stale:
                    cell = row.cells[index] if index < len(row.cells) else None
                    cells[index] = self._cell_text(spec, item, style, cell)
            lines.append(_join(row.prefix, cells))
        prefix = table.rows[-1].prefix if table.rows else table.header.prefix
        for number in self.missing_items:
            item = self.items[number][1]
            cells = [""] * width
            cells[table.key_index] = str(item[self.mapping.key_field]).replace("|", "\\|")
            for spec, index in table.columns:
                if index is not None:
                    cells[index] = self._cell_text(spec, item, style)
            lines.append(_join(prefix, cells))
        return "\n".join(lines)

    def _cell_text(
        self, spec: ColumnSpec, item: dict[str, Any], style: Style, cell: Cell | None = None
    ) -> str:
        """A cell's text from the frontmatter; an existing cell keeps its own spelling
        (a dual-currency cell keeps its conversion part untouched)."""
        spec = self.effective(spec, item)
        low, high = self.value(item, spec.low), self.value(item, spec.high)
        parsed = self.cell_parsed.get((cell.line, cell.column)) if cell is not None else None
        if low is None or (parsed is not None and parsed.ceiling and high is not None):
            low, high = high, None  # `Up to $50K` shows the top alone
        if low is None:
            # Nothing to write from: a figure readers see is never replaced by a dash.
            return cell.raw if cell is not None and cell.raw else "—"
        if cell is not None and parsed is not None and parsed.percent == spec.percent:
            return rewrite_cell(
                cell.raw,
                parsed,
                low,
                high,
                currency=self.currency_of(item),
                style=style,
                extra_symbols=self.symbols,
            )
        return format_range(
            low,
            high,
            percent=spec.percent,
            currency=self.currency_of(item),
            style=style,
            extra_symbols=self.symbols,
        )

    def set_entry_field(
        self, entry: str, name: str, value: Any, description: str = FILL_DESCRIPTION
    ) -> Fix | None:
        """A Fix writing one field of the frontmatter entry at ``entry``, in the mapping's order."""
        return set_field(self.guide, entry, name, value, self.mapping.fields, description)

    def fill_fix(self, finding: Finding, description: str = FILL_DESCRIPTION) -> Fix | None:
        """For a figure the frontmatter lacks (GL306): the Fix writing it into its entry."""
        if not finding.fill or not finding.entry:
            return None
        name, value = finding.fill
        return self.set_entry_field(finding.entry, name, value, description)

    def currency_fixes(self) -> list[Fix]:
        """Unsafe: set ``currency`` of each entry whose whole row is in another currency."""
        name = self.mapping.currency
        if not name or self.guesswork:
            return []
        fixes = []
        for entry, currency in self.currency_entries:
            fix = self.set_entry_field(entry, name, currency, CURRENCY_DESCRIPTION)
            if fix is not None:
                fixes.append(fix)
        return fixes

    def cells_fix(self) -> Fix | None:
        """For a pivoted table: rewrite the stale cells in place, nothing else.

        In a `levels` table the entry's range is the span of its column, so the
        cell holding the lowest (or highest) figure gets the frontmatter's end.
        Entries without a column and columns without an entry are reported but
        left alone: adding or removing a column is the author's decision.
        """
        table = self.table
        if not self.fixable or table is None:
            return None
        style = Style.learn(self.parsed)
        edits: dict[int, list[tuple[int, int, str]]] = {}
        for number, index in sorted(self.stale):
            item_number = self.row_items.get(number)
            if item_number is None:
                continue
            cell = table.rows[number].cells[index]
            if not cell.raw and cell.column == cell.end_column and index:
                continue  # a missing cell: the row is too short to write into
            spec = next(s for s, i in table.columns if i == index)
            item = self.items[item_number][1]
            if isinstance(cell, EnvelopeCell):
                for source, text in self._envelope_edits(spec, item, cell, style):
                    edits.setdefault(source.line, []).append(
                        (source.column, source.end_column, text)
                    )
                continue
            text = self._cell_text(spec, item, style, cell)
            edits.setdefault(cell.line, []).append((cell.column, cell.end_column, text))
        if not edits:
            return None
        lines = self.guide.lines
        first, last = min(edits), max(edits)
        out = []
        for line in range(first, last + 1):
            rewritten = lines[line - 1]
            for column, end, text in sorted(edits.get(line, ()), reverse=True):
                rewritten = rewritten[: column - 1] + text + rewritten[end - 1 :]
            out.append(rewritten)
        return _smallest_fix(lines, first, last, "\n".join(out))

    def _envelope_edits(
        self, spec: ColumnSpec, item: dict[str, Any], cell: EnvelopeCell, style: Style
    ) -> list[tuple[Cell, str]]:
        """The cells holding a `levels` column's lowest and highest figure, rewritten."""
        spec = self.effective(spec, item)
        wanted = {"low": self.value(item, spec.low), "high": self.value(item, spec.high)}
        changes: dict[tuple[int, int], tuple[Cell, Parsed, Decimal, Decimal | None]] = {}
        for side, (_, source) in zip(("low", "high"), cell.sources, strict=False):
            value = wanted[side]
            # Only the first level's low and the last level's high are the
            # column's ends; a figure elsewhere is one level's, not the range's.
            end = cell.rows[0] if side == "low" else cell.rows[1]
            if not isinstance(value, Decimal) or source.line != end:
                continue
            key = (source.line, source.column)
            if key in changes:
                _, parsed, low, high = changes[key]
            else:
                try:
                    parsed = parse_figure(source.text, self.symbols)
                except FigureError:
                    continue
                low = parsed.low.amount
                high = parsed.high.amount if parsed.high is not None else None
            if side == "low" and not parsed.low.agrees(value):
                low = value
            elif side == "high" and not (parsed.high or parsed.low).agrees(value):
                if high is None:
                    low, high = low, value
                else:
                    high = value
            changes[key] = (source, parsed, low, high)
        currency = self.currency_of(item)
        return [
            (
                source,
                rewrite_cell(
                    source.raw,
                    parsed,
                    low,
                    high,
                    currency=currency,
                    style=style,
                    extra_symbols=self.symbols,
                ),
            )
            for source, parsed, low, high in changes.values()
        ]

    def fix(self, *, drop_extra_rows: bool = False) -> Fix | None:
        """A Fix replacing every body row; None when nothing would change."""
        if self.table is not None and self.table.layout != "rows":
            return self.cells_fix()
        text = self.rows_text(drop_extra_rows=drop_extra_rows)
        table = self.table
        if text is None or table is None:
            return None
        lines = self.guide.lines
        if table.rows:
            first, last = table.rows[0].line, table.rows[-1].line
            if text:
                return _smallest_fix(lines, first, last, text)
            align = table.align_line
            return Fix(
                align,
                len(lines[align - 1]) + 1,
                last,
                len(lines[last - 1]) + 1,
                "",
                FIX_DESCRIPTION,
            )
        if not text:
            return None
        align = table.align_line
        end = len(lines[align - 1]) + 1
        return Fix(align, end, align, end, "\n" + text, FIX_DESCRIPTION)


def _smallest_fix(lines: list[str], first: int, last: int, new: str) -> Fix | None:
    """The edit that turns lines ``first``-``last`` into ``new``, without the whole
    lines at its start and end that stay the same: a report that carries the fix for
    every finding of a large table stays proportional to the rows that change.
    None when nothing would."""
    old = lines[first - 1 : last]
    rows = new.split("\n")
    if rows == old:
        return None
    head = 0
    while head < min(len(old), len(rows)) - 1 and old[head] == rows[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(rows)) - head - 1 and old[-1 - tail] == rows[-1 - tail]:
        tail += 1
    end = last - tail
    text = "\n".join(rows[head : len(rows) - tail])
    return Fix(first + head, 1, end, len(lines[end - 1]) + 1, text, FIX_DESCRIPTION)


def _join(prefix: str, cells: list[str]) -> str:
    return f"{prefix}| " + " | ".join(cells) + " |"


def compare(guide: Guide, ctx: Context, table: Table | None = None) -> Comparison | None:
    """Line up the guide's table with its frontmatter; None when nothing is mapped.

    ``table`` defaults to the first table with the key column; later ones are
    kept in ``others`` so the rules can report them instead of picking one.
    That default comparison is made once for the guide a context was made for
    (``Context.comparison``): the table, consistency and claims rules share it.
    """
    if table is None and ctx.guide is guide:
        return ctx.comparison  # made once per guide (Context.comparison)
    return _compare(guide, ctx, table)


def line_up(guide: Guide, ctx: Context) -> Comparison | None:
    """The default comparison of ``guide`` (its first table with the key column)."""
    return _compare(guide, ctx, None)


def _compare(guide: Guide, ctx: Context, table: Table | None) -> Comparison | None:
    mapping = mapping_for(ctx.schema.schema)
    data = guide.data
    if mapping is None or not isinstance(data, dict):
        return None
    listed = data.get(mapping.list)
    if not isinstance(listed, list):
        return None
    comparison = Comparison(
        guide, mapping, currency_symbols(ctx.settings.currency_symbols), items=[]
    )
    seen: set[str] = set()
    for number, item in enumerate(listed):
        key = item.get(mapping.key_field) if isinstance(item, dict) else None
        if not isinstance(key, str) or not key.strip():
            comparison.guesswork = True
            continue
        if key_of(key) in seen:
            comparison.guesswork = True  # which duplicate would the row show?
            continue
        seen.add(key_of(key))
        comparison.items.append((number, item))
        for name in mapping.fields[1:]:
            if comparison.value(item, name) is UNKNOWN and name != mapping.currency:
                comparison.guesswork = True
        if (
            mapping.currency
            and comparison.currency_of(item) is None
            and (mapping.currency in item or mapping.currency in mapping.required)
        ):
            comparison.guesswork = True
    tables = find_tables(guide, mapping, seen)
    if table is None:
        comparison.table = tables[0] if tables else None
        comparison.others = tables[1:]
    else:
        comparison.table = table
        comparison.others = [t for t in tables if t.line != table.line]
    if comparison.table is not None:
        _compare_rows(comparison)
    return comparison


def _compare_rows(c: Comparison) -> None:
    table = c.table
    assert table is not None
    mapping = c.mapping
    by_key = {key_of(item[mapping.key_field]): n for n, (_, item) in enumerate(c.items)}
    width = len(table.header.cells)
    first_row: dict[str, int] = {}
    row_keys = {
        key_of(row.cells[table.key_index].text)
        for row in table.rows
        if table.key_index < len(row.cells)
    }
    for spec in table.missing_columns:
        c.findings.append(
            Finding(
                "GL307",
                table.line,
                table.header.cells[0].column,
                f"the table has no `{spec.header}` column"
                f" (header: {', '.join(h for h in table.headers if h)})",
            )
        )
    for number, row in enumerate(table.rows):
        key_cell = row.cells[table.key_index] if table.key_index < len(row.cells) else None
        if key_cell is None or not key_cell.text:
            column = key_cell.column if key_cell else row.cells[0].column
            c.findings.append(
                Finding(
                    "GL307",
                    row.line,
                    column,
                    f"row has an empty `{table.headers[table.key_index]}` cell",
                )
            )
            c.extra_rows.add(number)
            continue
        if len(row.cells) > width:
            extra = row.cells[width]
            c.findings.append(
                Finding(
                    "GL307",
                    row.line,
                    extra.column,
                    f"row `{key_cell.text}` has {len(row.cells)} cells but the header has"
                    f" {width}: `{extra.raw}` is under no column",
                )
            )
        key = key_of(key_cell.text)
        if key in first_row:
            c.duplicate_rows.add(number)
            c.findings.append(
                Finding(
                    "GL303",
                    row.line,
                    key_cell.column,
                    f"`{key_cell.text}` has a second row in the table"
                    f" (first on line {table.rows[first_row[key]].line})",
                    row.line,
                    key_cell.end_column,
                )
            )
            continue
        first_row[key] = number
        if key not in by_key:
            c.extra_rows.add(number)
            if shows_no_figure(table, row):
                continue  # a note in the table's shape: "| N/A — Bellevue only | — | — |"
            c.findings.append(
                Finding(
                    "GL303",
                    row.line,
                    key_cell.column,
                    _extra_message(key_cell.text, c, row_keys),
                    row.line,
                    key_cell.end_column,
                )
            )
            _parse_only(c, row)
            continue
        c.row_items[number] = by_key[key]
        _compare_row(c, number, row, c.items[by_key[key]][1])
    matched = set(c.row_items.values())
    for number, (index, item) in enumerate(c.items):
        if number not in matched:
            c.missing_items.append(number)
            line = c.guide.value_position(f"{mapping.list}/{index}/{mapping.key_field}")[0]
            c.findings.append(
                Finding(
                    "GL302",
                    table.line,
                    table.header.cells[0].column,
                    f"`{item[mapping.key_field]}` (frontmatter line {line}) has no row in the table",
                )
            )


def _extra_message(text: str, c: Comparison, rows: set[str]) -> str:
    import difflib

    names = [str(item[c.mapping.key_field]) for _, item in c.items]
    unmatched = [name for name in names if key_of(name) not in rows]
    message = f"`{text}` is not a `{c.mapping.key_field}` in the frontmatter"
    by_norm = {key_of(name): name for name in unmatched or names}
    close = difflib.get_close_matches(key_of(text), list(by_norm), n=1, cutoff=0.5)
    if close:
        return f"{message}; did you mean `{by_norm[close[0]]}`?"
    if unmatched:
        return f"{message}; entries without a row: {', '.join(unmatched)}"
    return message


def _parse_only(c: Comparison, row: Row) -> None:
    """Learn the style of rows that are not compared (extra rows)."""
    assert c.table is not None
    for _spec, index in c.table.columns:
        if index is not None and index < len(row.cells):
            with contextlib.suppress(FigureError):
                c.parsed.append(parse_figure(row.cells[index].text, c.symbols))


def _compare_row(c: Comparison, number: int, row: Row, item: dict[str, Any]) -> None:
    table = c.table
    assert table is not None
    missing = [
        table.headers[index]
        for _spec, index in table.columns
        if index is not None and index >= len(row.cells)
    ]
    if missing:
        c.findings.append(
            Finding(
                "GL307",
                row.line,
                row.end_column,
                f"row `{row.cells[table.key_index].text}` has {len(row.cells)} cells but the header"
                f" has {len(table.header.cells)}: no {_and(missing)} cell",
            )
        )
    entry = f"{c.mapping.list}/{c.items[c.row_items[number]][0]}"
    found: list[Finding] = []
    by_cell: dict[int, list[Finding]] = {}
    shown: set[str] = set()  # currencies the row's money cells are written in
    key = row.cells[table.key_index]
    stated = c.currency_of(item)
    name = item.get(c.mapping.key_field)
    local = region_currency(name) if isinstance(name, str) else None
    # `kr 650K` is the row's own krona; a key naming two currencies
    # (`Canada (CAD/USD equiv)`) lets the row's cells show either.
    symbols = row_symbols(c.symbols, stated, local)
    either = region_currencies(key.text, symbols) if stated else frozenset()
    either = either if stated in either else frozenset()
    for spec, index in table.columns:
        if index is None:
            continue
        if index >= len(row.cells):
            c.stale.add((number, index))
            continue
        cell = row.cells[index]
        cell_findings = list(
            _compare_cell(c, spec, cell, item, table.headers[index], symbols, either)
        )
        parsed = c.cell_parsed.get((cell.line, cell.column))
        if parsed is not None and not parsed.percent:
            shown.update(f.currency for f in parsed.figures if f.currency)
        by_cell[index] = cell_findings
    hint = region_currency_hint(key.text)
    c.row_currencies[key_of(key.text)] = frozenset(shown | ({hint} if hint else set()))
    evidence = None if either and shown <= either else _currency_evidence(shown, hint, stated)
    # The whole row, or its name, is in another currency: the table is likely
    # right and the entry's currency wrong (the unsafe fix sets it when the
    # evidence is unanimous), so no safe fix rewrites the row from the entry.
    doubtful = evidence is not None or (hint is not None and stated is not None and hint != stated)
    for index, cell_findings in by_cell.items():
        if doubtful and not all(f.fill for f in cell_findings):
            found.extend(replace(f, fill=None, fixable=False) for f in cell_findings)
            continue
        if cell_findings and all(f.fill for f in cell_findings):
            # The table shows figures the frontmatter lacks: the safe fix
            # fills the frontmatter; only the unsafe fix rewrites the cell.
            c.unbacked.add((number, index))
            cell_findings = [replace(f, entry=entry) for f in cell_findings]
        elif cell_findings:
            c.stale.add((number, index))
            cell_findings = [replace(f, fill=None) for f in cell_findings]
        found.extend(cell_findings)
    if evidence is not None:
        c.currency_entries.append((entry, evidence))
    c.findings.extend(_one_currency_finding(c, key, stated, hint, found))


def _currency_evidence(shown: set[str], hint: str | None, stated: str | None) -> str | None:
    """The one currency a row is written in when it is not the entry's, else None.

    Every money cell with a symbol or code must agree, and so must a currency
    the row's name states (``Singapore (SGD)``); a name alone is evidence only
    when no cell shows a currency.
    """
    found = set(shown)
    if hint:
        found.add(hint)
    if len(found) != 1 or stated is None:
        return None
    currency = found.pop()
    return currency if currency != stated else None


def _one_currency_finding(
    c: Comparison, key: Cell, stated: str | None, hint: str | None, found: list[Finding]
) -> list[Finding]:
    """A row shown in another currency is one GL304, naming the currency and the evidence.

    The evidence is the row's money cells, or a currency its name states
    (``Singapore (SGD)``) when no cell shows a symbol of its own.  ``stated`` is
    the entry's currency, ``hint`` the one the row's name states.
    """
    others = [f for f in found if f.code == "GL304"]
    if not others and hint and stated and hint != stated:
        return [
            *found,
            Finding(
                "GL304",
                key.line,
                key.column,
                f"`{key.text}` names {hint} in the table but {c.mapping.currency} is {stated}",
                key.line,
                key.end_column,
                hint,
                fixable=False,
            ),
        ]
    shown = {f.currency for f in others}
    if len(others) < 2 or len(shown) != 1:
        return found
    first = others[0]
    currency = shown.pop()
    evidence = f"its name says {hint}; " if hint == currency else ""
    merged = replace(
        first,
        message=f"`{key.text}` is shown in {currency} in the table ({evidence}`{first.shown}`"
        f" and {len(others) - 1} more) but {c.mapping.currency} is {stated}",
    )
    return [merged if f is first else f for f in found if f.code != "GL304" or f is first]


def _and(names: list[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _compare_cell(
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
                    cell.line,
                    cell.end_column,
                    figure.currency,
                    cell.text,
                )
                break
    fillable = all(f.currency in (None, currency) for f in parsed.figures)
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


# -- entry points for the rules and the fixer -------------------------------------


def shows_no_figure(table: Table, row: Row) -> bool:
    """Whether every cell of ``row`` but its key is empty or a dash."""
    return all(
        is_absent(cell.text) for index, cell in enumerate(row.cells) if index != table.key_index
    )


def compensation_table(guide: Guide, ctx: Context) -> Table | None:
    """The first table with the mapping's key column, if any."""
    mapping = mapping_for(ctx.schema.schema)
    if mapping is None:
        return None
    tables = find_tables(guide, mapping)
    return tables[0] if tables else None


def table_figures(
    guide: Guide, ctx: Context
) -> tuple[list[tuple[Decimal, str | None, str | None]], set[Decimal]]:
    """The amounts the compensation table shows, each with its currency and the
    frontmatter field of its column; and the percentages it shows."""
    amounts: list[tuple[Decimal, str | None, str | None]] = []
    percents: set[Decimal] = set()
    comparison = compare(guide, ctx)
    for name, cell in comparison.shown if comparison is not None else ():
        parsed: Parsed | None = cell
        while parsed is not None:
            for figure in parsed.figures:
                if figure.percent:
                    percents.add(figure.amount.normalize())
                else:
                    amounts.append((figure.amount, figure.currency, name))
            parsed = parsed.conversion
    return amounts, percents


def regenerate_rows(
    guide: Guide, ctx: Context, table: Table | None = None, *, drop_extra_rows: bool = False
) -> str | None:
    """The body rows of ``table`` rewritten from the frontmatter (LF-joined), or None.

    Agreeing rows and rows with no frontmatter item are kept as written; rows
    that disagree get their mapped cells rewritten in the table's own style;
    items without a row are appended in frontmatter order.  None when the
    frontmatter is too incomplete to regenerate from.
    """
    comparison = compare(guide, ctx, table)
    if comparison is None:
        return None
    return comparison.rows_text(drop_extra_rows=drop_extra_rows)


def table_fix(guide: Guide, ctx: Context, *, drop_extra_rows: bool) -> Fix | None:
    """The Fix rewriting the table rows (``drop_extra_rows`` for unsafe fixes)."""
    comparison = compare(guide, ctx)
    if comparison is None:
        return None
    return comparison.fix(drop_extra_rows=drop_extra_rows)
