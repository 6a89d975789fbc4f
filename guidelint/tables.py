"""The table a guide shows its frontmatter in, found through the schema's annotation.

The schema's ``x-guidelint-table`` says which frontmatter list the table shows,
which column holds each item's key and which columns show which fields::

    {"list": "compensation", "key": {"column": "Region", "field": "region"},
     "currency": "currency",
     "columns": [{"header": "Base Salary", "kind": "money",
                  "low": "base_low", "high": "base_high", "aliases": ["Base"]}]}

Headers match case-insensitively and tolerate suffixes (``Stock (RSU/4yr)``
matches ``Stock``).  :func:`compare` lines the table up with the frontmatter;
the GL3xx rules report its findings and :func:`table_fix` rewrites the rows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from guidelint.diagnostics import Fix
from guidelint.markdown import Cell, Row
from guidelint.money import (
    Figure,
    FigureError,
    Parsed,
    Style,
    currency_symbols,
    format_range,
    is_blank,
    parse_figure,
    show,
    to_decimal,
)

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

    @property
    def fields(self) -> tuple[str, ...]:
        names = [self.key_field]
        for spec in self.columns:
            names.extend(name for name in (spec.low, spec.high) if name)
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
        columns.append(
            ColumnSpec(
                header=item["header"],
                kind="percent" if item.get("kind") == "percent" else "money",
                low=item.get("low") if isinstance(item.get("low"), str) else None,
                high=item.get("high") if isinstance(item.get("high"), str) else None,
                aliases=tuple(a for a in item.get("aliases") or () if isinstance(a, str)),
            )
        )
    currency = note.get("currency")
    return TableMapping(
        list=note["list"],
        key_column=key["column"],
        key_field=key["field"],
        currency=currency if isinstance(currency, str) else None,
        columns=tuple(columns),
        key_aliases=tuple(a for a in key.get("aliases") or () if isinstance(a, str)),
        required=_required(schema, note["list"]),
    )


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
    """A GFM table whose header carries the mapping's key column."""

    line: int  # the header row's line
    header: Row
    align_line: int
    rows: tuple[Row, ...]
    key_index: int
    columns: tuple[tuple[ColumnSpec, int | None], ...]  # header index per mapped column

    @property
    def missing_columns(self) -> tuple[ColumnSpec, ...]:
        return tuple(spec for spec, index in self.columns if index is None)

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(cell.text for cell in self.header.cells)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


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
                if index not in taken and header_match(text, spec.names) == score:
                    chosen[number] = index
                    taken.add(index)
                    break
    return tuple((spec, chosen.get(number)) for number, spec in enumerate(specs))


def find_tables(guide: Guide, mapping: TableMapping) -> list[Table]:
    """Every GFM table in the body whose header has the key column, in order."""
    tables: list[Table] = []
    names = (mapping.key_column, *mapping.key_aliases)
    for block in guide.blocks:
        if block.table is None:
            continue
        header = block.table.header
        texts = tuple(cell.text for cell in header.cells)
        scores = [header_match(text, names) for text in texts]
        if not any(scores):
            continue
        key_index = scores.index(max(scores))
        tables.append(
            Table(
                line=header.line,
                header=header,
                align_line=header.line + 1,
                rows=block.table.body[:MAX_ROWS],
                key_index=key_index,
                columns=_map_columns(texts, key_index, mapping.columns),
            )
        )
    return tables


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
    parsed: list[Parsed] = field(default_factory=list)
    guesswork: bool = False  # the frontmatter is too broken to regenerate from

    def value(self, item: dict[str, Any], name: str | None) -> Any:
        """A numeric field as Decimal, None when optional and absent, else UNKNOWN."""
        if name is None:
            return None
        if name not in item:
            return UNKNOWN if name in self.mapping.required else None
        number = to_decimal(item[name])
        # Negative figures fail the schema and could not be written back as cells.
        return UNKNOWN if number is None or number < 0 else number

    def currency_of(self, item: dict[str, Any]) -> str | None:
        name = self.mapping.currency
        value = item.get(name) if name else None
        return value if isinstance(value, str) and value.strip() else None

    @property
    def fixable(self) -> bool:
        return self.table is not None and not self.guesswork and not self.table.missing_columns

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
            stale = {index for (r, index) in self.stale if r == number}
            if not stale:
                lines.append(self.guide.lines[row.line - 1])
                continue
            item = self.items[self.row_items[number]][1]
            cells = [cell.raw for cell in row.cells]
            cells.extend("" for _ in range(width - len(cells)))
            for spec, index in table.columns:
                if index in stale:
                    cells[index] = self._cell_text(spec, item, style)
            lines.append(_join(row.prefix, cells))
        prefix = table.rows[-1].prefix if table.rows else table.header.prefix
        for number in self.missing_items:
            item = self.items[number][1]
            cells = [""] * width
            cells[table.key_index] = str(item[self.mapping.key_field]).replace("|", "\\|")
            for spec, index in table.columns:
                assert index is not None
                cells[index] = self._cell_text(spec, item, style)
            lines.append(_join(prefix, cells))
        return "\n".join(lines)

    def _cell_text(self, spec: ColumnSpec, item: dict[str, Any], style: Style) -> str:
        low, high = self.value(item, spec.low), self.value(item, spec.high)
        if low is None:
            low, high = high, None
        if low is None:
            return "—"
        return format_range(
            low,
            high,
            percent=spec.percent,
            currency=self.currency_of(item),
            style=style,
            extra_symbols=self.symbols,
        )

    def fix(self, *, drop_extra_rows: bool = False) -> Fix | None:
        """A Fix replacing every body row; None when nothing would change."""
        text = self.rows_text(drop_extra_rows=drop_extra_rows)
        table = self.table
        if text is None or table is None:
            return None
        lines = self.guide.lines
        if table.rows:
            first, last = table.rows[0].line, table.rows[-1].line
            current = "\n".join(lines[first - 1 : last])
            if text == current:
                return None
            if text:
                return Fix(first, 1, last, len(lines[last - 1]) + 1, text, FIX_DESCRIPTION)
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


def _join(prefix: str, cells: list[str]) -> str:
    return f"{prefix}| " + " | ".join(cells) + " |"


def compare(guide: Guide, ctx: Context, table: Table | None = None) -> Comparison | None:
    """Line up the guide's table with its frontmatter; None when nothing is mapped.

    ``table`` defaults to the first table with the key column; later ones are
    kept in ``others`` so the rules can report them instead of picking one.
    """
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
        if _norm(key) in seen:
            comparison.guesswork = True  # which duplicate would the row show?
            continue
        seen.add(_norm(key))
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
    tables = find_tables(guide, mapping)
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
    by_key = {_norm(item[mapping.key_field]): n for n, (_, item) in enumerate(c.items)}
    width = len(table.header.cells)
    first_row: dict[str, int] = {}
    row_keys = {
        _norm(row.cells[table.key_index].text)
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
        key = _norm(key_cell.text)
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
    unmatched = [name for name in names if _norm(name) not in rows]
    message = f"`{text}` is not a `{c.mapping.key_field}` in the frontmatter"
    by_norm = {_norm(name): name for name in unmatched or names}
    close = difflib.get_close_matches(_norm(text), list(by_norm), n=1, cutoff=0.5)
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
    for spec, index in table.columns:
        if index is None:
            continue
        if index >= len(row.cells):
            c.stale.add((number, index))
            continue
        for finding in _compare_cell(c, spec, row.cells[index], item, table.headers[index]):
            c.findings.append(finding)
            c.stale.add((number, index))


def _and(names: list[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _compare_cell(
    c: Comparison, spec: ColumnSpec, cell: Cell, item: dict[str, Any], header: str
) -> Iterator[Finding]:
    low, high = c.value(item, spec.low), c.value(item, spec.high)
    if is_blank(cell.text):
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
        parsed = parse_figure(cell.text, c.symbols)
    except FigureError as exc:
        yield _malformed(spec, header, cell, str(exc))
        return
    if spec.percent and not parsed.percent:
        if parsed.currencies or any(f.suffix for f in parsed.figures):
            yield _malformed(spec, header, cell, "is an amount, not a percentage")
            return
    elif not spec.percent and parsed.percent:
        yield _malformed(spec, header, cell, "is a percentage, not an amount")
        return
    c.parsed.append(parsed)
    if not spec.percent:
        currency = c.currency_of(item)
        if currency is not None:
            for figure in parsed.figures:
                if figure.currency and figure.currency != currency:
                    yield Finding(
                        "GL304",
                        cell.line,
                        cell.column_of(figure),
                        f"{spec.label} is in {figure.currency} (`{cell.text}`) in the table but"
                        f" {c.mapping.currency} is {currency}",
                        cell.line,
                        cell.end_column,
                    )
                    break
    yield from _compare_values(spec, cell, parsed, low, high)


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


def _shown(figure: Figure, percent: bool) -> str:
    return f"{figure.text}%" if percent and not figure.text.endswith("%") else figure.text


def _compare_values(
    spec: ColumnSpec, cell: Cell, parsed: Parsed, low: Any, high: Any
) -> Iterator[Finding]:
    if parsed.high is None:
        figure = parsed.low
        backed = [(n, v) for n, v in ((spec.low, low), (spec.high, high)) if v is not None]
        if not backed:
            yield Finding(
                "GL306",
                cell.line,
                cell.column_of(figure),
                f"{spec.label} is {_shown(figure, spec.percent)} in the table but"
                f" {_none_set(spec)}",
            )
            return
        known = [(n, v) for n, v in backed if v is not UNKNOWN]
        if any(not figure.agrees(v) for _, v in known):
            yield Finding(
                "GL305",
                cell.line,
                cell.column_of(figure),
                f"{spec.label} is {_shown(figure, spec.percent)} in the table but {_fields(known)}",
            )
        return
    for side, figure, name, value in (
        ("low", parsed.low, spec.low, low),
        ("high", parsed.high, spec.high, high),
    ):
        where = cell.column_of(figure)
        if value is UNKNOWN:
            continue
        if value is None:
            field_text = f"{name} is not set" if name else f"no field holds a {side} {spec.label}"
            yield Finding(
                "GL306",
                cell.line,
                where,
                f"{spec.label} {side} is {_shown(figure, spec.percent)} in the table but {field_text}",
            )
        elif not figure.agrees(value):
            yield Finding(
                "GL305",
                cell.line,
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


def compensation_table(guide: Guide, ctx: Context) -> Table | None:
    """The first table with the mapping's key column, if any."""
    mapping = mapping_for(ctx.schema.schema)
    if mapping is None:
        return None
    tables = find_tables(guide, mapping)
    return tables[0] if tables else None


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
