"""One root cause, one finding: findings that only follow from another are folded into it.

Two causes are folded, after every rule has run and suppressions are applied:

- **A region in the wrong currency.**  Its GL203 (the entry's currency is not
  the region's) or, without one, its GL304 (the table shows the row in another
  currency) is the root; the region's GL304, GL206 and GL307 findings and
  the GL306 findings the currency kept from being filled, which only say the
  same thing figure by figure, become its ``related`` list.
- **A field missing from every entry.**  When no entry sets a field and the
  table shows it for two or more entries, the GL306 findings of that column
  become one GL306 on the column's header, with each row as a related location;
  in a table with a column per region (``components``), on the row's label.

A folded finding keeps its fix (``--fix`` still applies each one); the root's
message says how many it holds.  Reporters show them as ``related`` (JSON),
``relatedLocations`` (SARIF), ``relatedInformation`` (LSP) and, with
``--show-cascade``, as indented lines of the text report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from guidelint.diagnostics import Diagnostic, Related

if TYPE_CHECKING:
    from guidelint.comparison import Comparison
    from guidelint.context import Context
    from guidelint.document import Guide
    from guidelint.markdown import Cell
    from guidelint.tablemapping import ColumnSpec
    from guidelint.tables import Table

ROOTS = ("GL203", "GL304")  # in order of preference
FOLLOWERS = frozenset({"GL304", "GL306", "GL206", "GL307"})
MISSING = "GL306"


def fold(guide: Guide, ctx: Context, found: list[Diagnostic]) -> list[Diagnostic]:
    """``found`` with each root cause's consequences folded into it."""
    if not any(d.code in FOLLOWERS for d in found):
        return found
    from guidelint.tablecompare import compare

    comparison = compare(guide, ctx)
    if comparison is None or comparison.table is None:
        return found
    found = _fold_regions(guide, comparison, found)
    return _fold_columns(guide, comparison, found)


# -- a region in the wrong currency --------------------------------------------------


def _region_places(guide: Guide, c: Comparison) -> list[tuple[range, set[tuple[int, int]]]]:
    """For each entry the table shows: its frontmatter lines and its cells' spans
    (line, column) as positions a finding may start at."""
    table = c.table
    assert table is not None
    places = []
    for row, path in c.shown_entries():
        span = guide.value_span(path)
        cells = {
            (cell.line, column)
            for cell in row.cells
            for column in range(cell.column, cell.end_column + 1)
        }
        if table.layout == "rows":
            cells.add((row.line, row.end_column))  # a finding on the row as a whole
        places.append((range(span.line, span.end_line + 1), cells))
    return places


def _fold_regions(guide: Guide, c: Comparison, found: list[Diagnostic]) -> list[Diagnostic]:
    for lines, cells in _region_places(guide, c):

        def inside(d: Diagnostic, lines: range = lines, cells: set = cells) -> bool:
            return d.line in lines or (d.line, d.column) in cells

        mine = [d for d in found if inside(d)]
        root = next((d for code in ROOTS for d in mine if d.code == code), None)
        if root is None:
            continue
        followers = [d for d in mine if d is not root and _follows(d)]
        if followers:
            found = _merge(found, root, followers, " that follow{} from it")
    return found


def _follows(d: Diagnostic) -> bool:
    """Whether a finding of a region in the wrong currency only follows from it: a
    figure the table shows that is not filled in is one only when the currency
    stopped it (a bonus percentage is filled whatever the currency)."""
    return d.code in FOLLOWERS and not (d.code == MISSING and d.fix is not None)


# -- a field missing from every entry -------------------------------------------------


def _fold_columns(guide: Guide, c: Comparison, found: list[Diagnostic]) -> list[Diagnostic]:
    table = c.table
    assert table is not None
    if table.layout not in ("rows", "components"):
        return found
    unset = {
        name
        for spec, _ in table.columns
        for name in _fields(spec)
        if name and all(item.get(name) is None for _, item in c.items)
    }
    by_column: dict[int, tuple[list[str], set[tuple[int, int]]]] = {}
    for finding in c.findings:
        if finding.code != MISSING or finding.fill is None or finding.fill[0] not in unset:
            continue
        index = next(
            (i for spec, i in table.columns if finding.fill[0] in _fields(spec) and i is not None),
            None,
        )
        if index is not None:
            names, places = by_column.setdefault(index, ([], set()))
            if finding.fill[0] not in names:
                names.append(finding.fill[0])
            places.add((finding.line, finding.column))
    for index, (names, places) in by_column.items():
        members = [d for d in found if d.code == MISSING and (d.line, d.column) in places]
        if not members:
            continue  # each already folded into its region's root cause
        # The entries whose cell of this column holds a member (a range has two).
        shown = sum(
            any(
                line == cell.line and cell.column <= column <= cell.end_column
                for line, column in places
            )
            for cell in (row.cells[index] for row in table.rows if index < len(row.cells))
        )
        rows = table.layout == "rows"
        label = _label(guide, table, index, members)
        if shown < 2 or label is None:
            continue
        one = len(names) == 1
        root = members[0]._replace(
            line=label.line,
            column=label.column,
            end_line=label.line,
            end_column=label.end_column,
            message=f"{' and '.join(names)} {'is' if one else 'are'} not set in any entry,"
            f" though the `{label.text}` {'column' if rows else 'row'}"
            f" shows {'it' if one else 'them'} in {shown} {'rows' if rows else 'columns'}",
            fix=None,
        )
        found = _merge(found, root, members, ", one per row," if rows else ", one per column,")
    return found


def _label(guide: Guide, table: Table, index: int, members: list[Diagnostic]) -> Cell | None:
    """The cell that names a column's field: its header, or in a ``components``
    table the first cell of the row that holds the members (all on one line)."""
    if table.layout == "rows":
        return table.header.cells[index]
    lines = {d.line for d in members}
    if len(lines) != 1:
        return None
    (line,) = lines
    for block in guide.blocks:
        written = block.table
        if written is not None and written.header.line == table.line:
            return next((row.cells[0] for row in written.body if row.line == line), None)
    return None


def _fields(spec: ColumnSpec) -> tuple[str | None, ...]:
    return (spec.low, spec.high, spec.amount_low, spec.amount_high)


# -- folding ------------------------------------------------------------------------


def _merge(
    found: list[Diagnostic], root: Diagnostic, followers: list[Diagnostic], why: str
) -> list[Diagnostic]:
    """``found`` with ``followers`` moved into ``root``'s related list."""
    gone = {id(d) for d in followers}
    related = tuple(Related(d.line, d.column, d.code, d.message, d.fix) for d in followers)
    one = len(related) == 1
    count = f"{len(related)} finding{'' if one else 's'}{why.format('s' if one else '')}"
    merged = root._replace(related=related, message=f"{root.message} ({count} folded in)")
    return [merged, *(d for d in found if id(d) not in gone and d is not root)]
