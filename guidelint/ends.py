"""Where a finding ends, for one that a rule reported at a point.

A table cell's finding ends at the end of the cell, or where the next finding
in it starts (without the dash between a range's figures), so the findings of
a row never overlap; any other, at the end of its line.  The linter gives every
finding its end this way, so each report (JSON, SARIF, reviewdog, the language
server) shows the same range.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from guidelint.diagnostics import Diagnostic
    from guidelint.document import Guide

RANGE_GAPS = " \t–—-"  # what separates a range's figures in a cell: not part of either


def ends_of(found: list[Diagnostic], guide: Guide) -> dict[Diagnostic, tuple[int, int]]:
    """Where each finding's range ends in the editor: its own end; in a table
    cell, the end of the cell or where the next finding in it starts (without
    the dash between a range's figures), so the findings of a row never
    overlap; elsewhere the end of its line."""
    rows = {
        row.line: row
        for block in guide.blocks
        if block.table is not None
        for row in block.table.rows
    }
    starts: dict[int, list[int]] = {}
    for d in found:
        starts.setdefault(d.line, []).append(d.column)
    lines = guide.lines
    ends: dict[Diagnostic, tuple[int, int]] = {}
    for d in found:
        if d.end_line is not None and d.end_column is not None:
            ends[d] = (d.end_line, d.end_column)
            continue
        text = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
        row = rows.get(d.line)
        cell = (
            next((c for c in row.cells if c.column <= d.column < c.end_column), None)
            if row
            else None
        )
        if cell is None:
            ends[d] = (d.line, max(len(text) + 1, d.column))
            continue
        stop = min([cell.end_column, *(c for c in starts[d.line] if c > d.column)])
        shown = text[d.column - 1 : stop - 1].rstrip(RANGE_GAPS)
        ends[d] = (d.line, d.column + max(len(shown), 1))
    return ends


def with_ends(found: list[Diagnostic], guide: Guide) -> list[Diagnostic]:
    """``found`` with an end given to each finding that has none."""
    if all(d.end_line is not None and d.end_column is not None for d in found):
        return found
    ends = ends_of(found, guide)
    return [
        d
        if d.end_line is not None and d.end_column is not None
        else d._replace(end_line=ends[d][0], end_column=ends[d][1])
        for d in found
    ]
