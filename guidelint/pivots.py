"""A pivoted column's cells by currency: ``Nordics (SEK/DKK)`` may show either.

Each cell's currency is decided by its own symbol; the column's range is read
from the cells of the currency most of them show (the first on a tie), and
cells in the header's other currency are set apart (the comparison takes them
for conversions; sync reports them) instead of being mixed into the range.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from guidelint.currencies import currency_symbols
from guidelint.money import FigureError, parse_figure

if TYPE_CHECKING:
    from guidelint.markdown import Cell


def split_by_currency(
    cells: list[Cell], either: frozenset[str]
) -> tuple[list[Cell], tuple[Cell, ...]]:
    """The cells in the column's main currency, and those in another one of ``either``.

    Cells in a currency the header does not name stay in: the range then shows
    them, and the comparison reports them.
    """
    symbols = currency_symbols()
    shown: list[str | None] = []
    for cell in cells:
        try:
            currencies = parse_figure(cell.text, symbols).currencies
        except FigureError:
            currencies = ()
        shown.append(currencies[0] if len(currencies) == 1 else None)
    named = [c for c in shown if c is not None]
    if len(set(named)) < 2 or not set(named) <= either:
        return cells, ()
    main = max(dict.fromkeys(named), key=named.count)
    kept = [cell for cell, c in zip(cells, shown, strict=True) if c in (main, None)]
    others = tuple(cell for cell, c in zip(cells, shown, strict=True) if c not in (main, None))
    return kept, others
