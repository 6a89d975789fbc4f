"""The compensation table lined up with the frontmatter: rows to entries, cells to fields.

Each row's key names an entry (:func:`guidelint.tables.key_of`); rows without
an entry, entries without a row, second rows and short or long rows are
findings, and each mapped cell is compared by :mod:`guidelint.cellcompare`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from guidelint.cellcompare import compare_cell
from guidelint.cells import row_symbols, says_unpaid
from guidelint.comparison import UNKNOWN, Comparison, Finding
from guidelint.currencies import currency_symbols, symbol_items
from guidelint.money import FigureError, Parsed, parse_figure
from guidelint.places import region_currency
from guidelint.regionnames import region_currencies, region_currency_hint
from guidelint.tablemapping import mapping_for
from guidelint.tables import find_tables, shows_no_figure

if TYPE_CHECKING:
    from guidelint.context import Context
    from guidelint.document import Guide
    from guidelint.markdown import Cell, Row
    from guidelint.tables import Table


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
    configured = ctx.settings.currency_symbols
    comparison = Comparison(
        guide,
        mapping,
        currency_symbols(configured),
        items=[],
        extra=symbol_items(configured),
    )
    seen: set[str] = set()
    for number, item in enumerate(listed):
        key = item.get(mapping.key_field) if isinstance(item, dict) else None
        if not isinstance(key, str) or not key.strip():
            comparison.guesswork = True
            continue
        if comparison.key(key) in seen:
            comparison.guesswork = True  # which duplicate would the row show?
            continue
        seen.add(comparison.key(key))
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
    tables = find_tables(guide, mapping, seen, comparison.extra)
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
    by_key = {c.key(item[mapping.key_field]): n for n, (_, item) in enumerate(c.items)}
    width = len(table.header.cells)
    first_row: dict[str, int] = {}
    row_keys = {
        c.key(row.cells[table.key_index].text)
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
        key = c.key(key_cell.text)
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
                    # the safe table fix keeps the row: only --unsafe-fixes deletes it
                    fixable=False,
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
    unmatched = [name for name in names if c.key(name) not in rows]
    message = f"`{text}` is not a `{c.mapping.key_field}` in the frontmatter"
    by_norm = {c.key(name): name for name in unmatched or names}
    close = difflib.get_close_matches(c.key(text), list(by_norm), n=1, cutoff=0.5)
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
    entry = c.entry_path(c.row_items[number])
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
            compare_cell(c, spec, cell, item, table.headers[index], symbols, either)
        )
        if says_unpaid(cell.text):
            c.unpaid.update(
                (entry, name) for name in (spec.low, spec.high) if name and item.get(name) is None
            )
        parsed = c.cell_parsed.get((cell.line, cell.column))
        if parsed is not None and not parsed.percent:
            shown.update(f.currency for f in parsed.figures if f.currency)
        by_cell[index] = cell_findings
    hint = region_currency_hint(key.text, c.symbols)
    c.row_currencies[c.key(key.text)] = frozenset(shown | ({hint} if hint else set()))
    evidence = None if either and shown <= either else _currency_evidence(shown, hint, stated)
    # The whole row, or its name, is in another currency: the table is likely
    # right and the entry's currency wrong (the unsafe fix sets it when the
    # evidence is unanimous), so no safe fix rewrites the row from the entry.
    doubtful = evidence is not None or (hint is not None and stated is not None and hint != stated)
    for index, cell_findings in by_cell.items():
        if doubtful and not all(f.fill for f in cell_findings):
            found.extend(f._replace(fill=None, fixable=False) for f in cell_findings)
            continue
        if cell_findings and all(f.fill for f in cell_findings):
            # The table shows figures the frontmatter lacks: the safe fix
            # fills the frontmatter; only the unsafe fix rewrites the cell.
            c.unbacked.add((number, index))
            cell_findings = [f._replace(entry=entry) for f in cell_findings]
        elif cell_findings:
            c.stale.add((number, index))
            cell_findings = [f._replace(fill=None) for f in cell_findings]
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
    merged = first._replace(
        message=f"`{key.text}` is shown in {currency} in the table ({evidence}`{first.shown}`"
        f" and {len(others) - 1} more) but {c.mapping.currency} is {stated}",
    )
    return [merged if f is first else f for f in found if f.code != "GL304" or f is first]


def _and(names: list[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


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


def is_amount(text: str) -> bool:
    """Whether a cell's text reads as an amount of money (`$195K`)."""
    try:
        return bool(parse_figure(text).currencies)
    except FigureError:
        return False


def unmapped_columns(table: Table) -> list[int]:
    """The columns no frontmatter field maps, the key column aside."""
    mapped = {index for _, index in table.columns} | {table.key_index}
    return [index for index in range(len(table.header.cells)) if index not in mapped]


def unmapped_money(table: Table) -> Iterator[tuple[Cell, int]]:
    """Header cells of columns that no frontmatter field maps but that show amounts
    (`Carried Interest`, `Stock/Bonus`) in most rows, each with how many rows."""
    if table.layout != "rows":
        return
    for index in unmapped_columns(table):
        shown = sum(
            1 for row in table.rows if index < len(row.cells) and is_amount(row.cells[index].text)
        )
        if shown and shown * 2 >= len(table.rows):
            yield table.header.cells[index], shown
