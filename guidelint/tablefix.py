"""The compensation table rewritten from the frontmatter: whole rows, or cells in place.

A table by rows gets the stale cells of its rows rewritten, its missing
entries appended and, by the unsafe fix, its rows without an entry dropped;
a pivoted table (``components``, ``levels``) gets only its stale cells
rewritten.  Figures are written in the table's own style
(:class:`guidelint.moneystyle.Style`), and an existing cell keeps its own
spelling around them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from guidelint.diagnostics import Fix
from guidelint.money import FigureError, Parsed, parse_figure
from guidelint.moneystyle import Style, format_range, rewrite_cell
from guidelint.tablecompare import compare
from guidelint.tables import EnvelopeCell

if TYPE_CHECKING:
    from guidelint.comparison import Comparison
    from guidelint.context import Context
    from guidelint.document import Guide
    from guidelint.markdown import Cell
    from guidelint.tablemapping import ColumnSpec
    from guidelint.tables import Table

FIX_DESCRIPTION = "rewrite the table rows from the frontmatter"
#: Codes whose findings one table rewrite repairs.
TABLE_CODES = frozenset({"GL302", "GL303", "GL304", "GL305", "GL306"})


def rows_text(c: Comparison, *, drop_extra_rows: bool = False) -> str | None:
    """The table's body rows regenerated from the frontmatter, or None."""
    if not c.fixable:
        return None
    table = c.table
    assert table is not None
    style = Style.learn(c.parsed)
    width = len(table.header.cells)
    lines: list[str] = []
    for number, row in enumerate(table.rows):
        if number in c.duplicate_rows:
            continue
        if number not in c.row_items:
            if not drop_extra_rows:
                lines.append(c.guide.lines[row.line - 1])
            continue
        wrong = c.stale | c.unbacked if drop_extra_rows else c.stale
        stale = {index for (r, index) in wrong if r == number}
        if not stale:
            lines.append(c.guide.lines[row.line - 1])
            continue
        item = c.items[c.row_items[number]][1]
        cells = [cell.raw for cell in row.cells]
        cells.extend("" for _ in range(width - len(cells)))
        for spec, index in table.columns:
            if index in stale:
                cell = row.cells[index] if index < len(row.cells) else None
                text = _cell_text(c, spec, item, style, cell)
                if _reads_back(text, c):  # else the cell stays as written
                    cells[index] = text
        lines.append(_join(row.prefix, cells))
    prefix = table.rows[-1].prefix if table.rows else table.header.prefix
    for number in c.missing_items:
        item = c.items[number][1]
        cells = [""] * width
        cells[table.key_index] = str(item[c.mapping.key_field]).replace("|", "\\|")
        for spec, index in table.columns:
            if index is not None:
                cells[index] = _cell_text(c, spec, item, style)
                if not _reads_back(cells[index], c):
                    return None
        lines.append(_join(prefix, cells))
    return "\n".join(lines)


def _reads_back(text: str, c: Comparison) -> bool:
    """Whether a cell written from the frontmatter is one the table reader reads as a
    figure: an entry in a currency it does not know (`BTC 140K`) is not copied into
    the table, where every cell of its row would be malformed (GL307)."""
    if text == "—":
        return True  # nothing to write from
    try:
        parse_figure(text, c.symbols)
    except FigureError:
        return False
    return True


def _cell_text(
    c: Comparison, spec: ColumnSpec, item: dict[str, Any], style: Style, cell: Cell | None = None
) -> str:
    """A cell's text from the frontmatter; an existing cell keeps its own spelling
    (a dual-currency cell keeps its conversion part untouched)."""
    spec = c.effective(spec, item)
    low, high = c.value(item, spec.low), c.value(item, spec.high)
    parsed = c.cell_parsed.get((cell.line, cell.column)) if cell is not None else None
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
            currency=c.currency_of(item),
            style=style,
            extra_symbols=c.symbols,
        )
    return format_range(
        low,
        high,
        percent=spec.percent,
        currency=c.currency_of(item),
        style=style,
        extra_symbols=c.symbols,
    )


def _cells_fix(c: Comparison) -> Fix | None:
    """For a pivoted table: rewrite the stale cells in place, nothing else.

    In a `levels` table the entry's range is the span of its column, so the
    cell holding the lowest (or highest) figure gets the frontmatter's end.
    Entries without a column and columns without an entry are reported but
    left alone: adding or removing a column is the author's decision.
    """
    table = c.table
    if not c.fixable or table is None:
        return None
    style = Style.learn(c.parsed)
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for number, index in sorted(c.stale):
        item_number = c.row_items.get(number)
        if item_number is None:
            continue
        cell = table.rows[number].cells[index]
        if not cell.raw and cell.column == cell.end_column and index:
            continue  # a missing cell: the row is too short to write into
        spec = next(s for s, i in table.columns if i == index)
        item = c.items[item_number][1]
        written = (
            _envelope_edits(c, spec, item, cell, style)
            if isinstance(cell, EnvelopeCell)
            else [(cell, _cell_text(c, spec, item, style, cell))]
        )
        for target, text in written:
            if _reads_back(text, c):  # else the cell stays as written
                edits.setdefault(target.line, []).append((target.column, target.end_column, text))
    if not edits:
        return None
    lines = c.guide.lines
    first, last = min(edits), max(edits)
    out = []
    for line in range(first, last + 1):
        rewritten = lines[line - 1]
        for column, end, text in sorted(edits.get(line, ()), reverse=True):
            rewritten = rewritten[: column - 1] + text + rewritten[end - 1 :]
        out.append(rewritten)
    return _smallest_fix(lines, first, last, "\n".join(out))


def _envelope_edits(
    c: Comparison, spec: ColumnSpec, item: dict[str, Any], cell: EnvelopeCell, style: Style
) -> list[tuple[Cell, str]]:
    """The cells holding a `levels` column's lowest and highest figure, rewritten."""
    spec = c.effective(spec, item)
    wanted = {"low": c.value(item, spec.low), "high": c.value(item, spec.high)}
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
                parsed = parse_figure(source.text, c.symbols)
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
    currency = c.currency_of(item)
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
                extra_symbols=c.symbols,
            ),
        )
        for source, parsed, low, high in changes.values()
    ]


def rewrite_fix(c: Comparison, *, drop_extra_rows: bool = False) -> Fix | None:
    """A Fix replacing every body row; None when nothing would change."""
    if c.table is not None and c.table.layout != "rows":
        return _cells_fix(c)
    text = rows_text(c, drop_extra_rows=drop_extra_rows)
    table = c.table
    if text is None or table is None:
        return None
    lines = c.guide.lines
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
    return rows_text(comparison, drop_extra_rows=drop_extra_rows)


def table_fix(guide: Guide, ctx: Context, *, drop_extra_rows: bool) -> Fix | None:
    """The Fix rewriting the table rows (``drop_extra_rows`` for unsafe fixes)."""
    comparison = compare(guide, ctx)
    if comparison is None:
        return None
    return rewrite_fix(comparison, drop_extra_rows=drop_extra_rows)
