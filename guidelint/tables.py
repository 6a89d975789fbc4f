"""The compensation tables of a guide's body, found through the schema's annotation.

A table shows the annotation's list (:mod:`guidelint.tablemapping`) when a
column names its entries; besides one row per entry, ``components`` and
``levels`` tables are read as one virtual row per entry column.
:func:`guidelint.tablecompare.compare` lines the table up with the
frontmatter; the GL3xx rules report its findings and
:mod:`guidelint.tablefix` rewrites the rows or cells.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from guidelint.cells import (
    amount_symbols,
    instrument_column,
    is_relative,
    names_instrument,
    peer_headers,
)
from guidelint.currencies import currency_symbols, symbol_items
from guidelint.markdown import Cell, Row, TableBlock
from guidelint.money import FigureError, is_absent, parse_figure
from guidelint.pivots import split_by_currency
from guidelint.regionnames import region_currencies, region_key
from guidelint.tablemapping import ColumnSpec, TableMapping, mapping_for

if TYPE_CHECKING:
    from guidelint.context import Context
    from guidelint.document import Guide

MAX_ROWS = 1000  # rows beyond this are not compared: bounded work per file


class Table(NamedTuple):
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


class EnvelopeCell(Cell):
    """The range that a ``levels`` column's cells span, read as one figure.

    ``sources`` holds the cell each shown figure comes from, so a finding on
    the low or high end points at the cell that holds it.
    """

    __slots__ = ("sources", "rows", "others")

    def __init__(
        self,
        raw: str,
        text: str,
        line: int,
        column: int,
        end_column: int,
        sources: tuple[tuple[str, Cell], ...] = (),
        rows: tuple[int, int] = (0, 0),  # lines of the column's first and last level
        others: tuple[Cell, ...] = (),  # cells in another currency than the range's
    ) -> None:
        super().__init__(raw, text, line, column, end_column)
        self.sources = sources
        self.rows = rows
        self.others = others

    def position_of(self, figure: Any) -> tuple[int, int]:
        """Where ``figure`` starts in the level's cell that shows it: its offset is in
        the range's text, not in that cell's."""
        cell = self._source(figure)
        if cell is None:
            return self.line, self.column
        found = cell.raw.find(figure.text)
        return cell.line, cell.column + max(found, 0)

    def end_of(self, figure: Any) -> tuple[int, int]:
        cell = self._source(figure)
        return cell.end_of(figure) if cell is not None else (self.line, self.end_column)

    def _source(self, figure: Any) -> Cell | None:
        """The level's cell that ``figure`` is shown in."""
        return next((cell for text, cell in self.sources if text == figure.text), None)


Extra = tuple[tuple[str, str], ...]  # configured currency symbols (currencies.symbol_items)


def key_of(text: str, extra: Extra = ()) -> str:
    """How an entry's name compares: ``🇬🇧 London (GBP)`` and ``London`` are one region."""
    return region_key(text, extra)


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


def entry_keys(guide: Guide, mapping: TableMapping, extra: Extra = ()) -> set[str]:
    """The compared form of every entry name in the frontmatter list."""
    listed = guide.data.get(mapping.list) if isinstance(guide.data, dict) else None
    keys: set[str] = set()
    for item in listed if isinstance(listed, list) else ():
        name = item.get(mapping.key_field) if isinstance(item, dict) else None
        if isinstance(name, str) and name.strip():
            keys.add(key_of(name, extra))
    return keys


def find_tables(
    guide: Guide, mapping: TableMapping, keys: set[str] | None = None, extra: Extra = ()
) -> list[Table]:
    """Every compensation table of the body in a layout the mapping accepts, in order.

    ``keys`` are the frontmatter's entry names (:func:`key_of`); they decide
    which column names the entries and whether a pivoted table shows them.
    Tables that show no mapped figure (level mappings, peer comparisons) are
    left alone.
    """
    if keys is None:
        keys = entry_keys(guide, mapping, extra)
    tables: list[Table] = []
    for block in guide.blocks:
        if block.table is None:
            continue
        table = _pivot(block.table, mapping, keys, extra) or _by_rows(
            block.table, mapping, keys, extra
        )
        if table is not None:
            tables.append(table)
    return tables


def _by_rows(grid: TableBlock, mapping: TableMapping, keys: set[str], extra: Extra) -> Table | None:
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
            1
            for row in rows
            if index < len(row.cells) and key_of(row.cells[index].text, extra) in keys
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


def _pivot(grid: TableBlock, mapping: TableMapping, keys: set[str], extra: Extra) -> Table | None:
    """A ``components`` or ``levels`` table seen as one virtual row per entry column."""
    header = grid.header
    if len(header.cells) < 2 or not grid.body:
        return None
    first = header.cells[0].text
    symbols = currency_symbols(dict(extra)) if extra else None
    entries = [
        index
        for index, cell in enumerate(header.cells)
        if index and (key_of(cell.text, extra) in keys or region_currencies(cell.text, symbols))
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
    optional = tuple((s if s is spec else s._replace(optional=True), i) for s, i in columns)
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
    tables = find_tables(guide, mapping, extra=symbol_items(ctx.settings.currency_symbols))
    return tables[0] if tables else None
