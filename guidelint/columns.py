"""Fit an aligned text table into a terminal's width.

A table wider than its width is narrowed in steps, least loss first: headers
take their short names, long cells are cut to a comfortable width with an
ellipsis, whole columns are dropped (empty ones first, then in a stated
order) until cutting cells down to each column's minimum makes the table
fit, and then they are cut.  A column not named as shrinkable keeps its
width; a table that still does not fit is printed as it is rather than lose
more.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from guidelint.records import Record

DEFAULT_WIDTH = 100
MIN_WIDTH = 40
GAP = 2
ELLIPSIS = "…"


def terminal_width(to_stdout: bool) -> int:
    """``COLUMNS`` when set, the terminal's width on a terminal, else 100."""
    value = os.environ.get("COLUMNS", "")
    if value.isdigit() and int(value) > 0:
        return max(int(value), MIN_WIDTH)
    if to_stdout and sys.stdout is not None and sys.stdout.isatty():
        try:
            return max(os.get_terminal_size(sys.stdout.fileno()).columns, MIN_WIDTH)
        except (OSError, ValueError):
            pass
    return DEFAULT_WIDTH


class Layout(Record, frozen=True):
    """How a table's columns give way: short header names, the width each
    shrinkable column keeps before columns are dropped (``comfortable``) and
    after (``minimum``), which columns keep their ends rather than their starts
    (file paths), and the order columns are dropped in; a droppable column
    with nothing in it goes first."""

    __slots__ = ("short", "comfortable", "minimum", "keep_end", "drop", "blank")

    def __init__(
        self,
        short: Mapping[str, str] | None = None,
        comfortable: Mapping[str, int] | None = None,
        minimum: Mapping[str, int] | None = None,
        keep_end: frozenset[str] = frozenset(),
        drop: tuple[str, ...] = (),
        blank: str = "",  # what an empty cell shows
    ) -> None:
        self.short = {} if short is None else short
        self.comfortable = {} if comfortable is None else comfortable
        self.minimum = {} if minimum is None else minimum
        self.keep_end = keep_end
        self.drop = drop
        self.blank = blank


def _total(widths: Sequence[int]) -> int:
    return sum(widths) + GAP * max(len(widths) - 1, 0)


def _narrowest(headers: Sequence[str], widths: Sequence[int], floors: Mapping[str, int]) -> int:
    """The table's width with every shrinkable column at its floor."""
    return _total(
        [
            min(w, max(floors[name], len(name))) if name in floors else w
            for name, w in zip(headers, widths, strict=True)
        ]
    )


def _shrink(headers: list[str], widths: list[int], floors: Mapping[str, int], width: int) -> None:
    """Narrow the widest shrinkable column, one character at a time, until the
    table fits or every shrinkable column is at its floor."""
    excess = _total(widths) - width
    while excess > 0:
        candidates = [
            (widths[i] - floors[name], i)
            for i, name in enumerate(headers)
            if name in floors and widths[i] > max(floors[name], len(name))
        ]
        if not candidates:
            return
        _, index = max(candidates)
        widths[index] -= 1
        excess -= 1


def cut(text: str, width: int, keep_end: bool = False) -> str:
    """``text`` in at most ``width`` characters, an ellipsis marking the cut."""
    if len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    return ELLIPSIS + text[-(width - 1) :] if keep_end else text[: width - 1].rstrip() + ELLIPSIS


def fit(
    headers: Sequence[str], body: Sequence[Sequence[str]], width: int, layout: Layout
) -> tuple[list[str], list[list[str]]]:
    """Headers and cells that fit ``width`` where the layout allows it."""
    names = list(headers)
    rows = [list(line) for line in body]

    def natural() -> list[int]:
        return [max(len(line[i]) for line in [names, *rows]) for i in range(len(names))]

    if _total(natural()) <= width:
        return names, rows
    empty = [name for i, name in enumerate(names) if all(line[i] == layout.blank for line in rows)]
    names = [layout.short.get(name, name) for name in names]
    floors = {layout.short.get(k, k): v for k, v in layout.comfortable.items()}
    minimum = {layout.short.get(k, k): v for k, v in layout.minimum.items()}
    widths = natural()
    order = [name for name in layout.drop if name in empty]
    order += [name for name in layout.drop if name not in empty]
    _shrink(names, widths, floors, width)
    for name in order:
        if _total(widths) <= width or (
            name not in empty and _narrowest(names, widths, minimum) <= width
        ):
            break
        dropped = layout.short.get(name, name)
        if dropped in names:
            index = names.index(dropped)
            del names[index], widths[index]
            for line in rows:
                del line[index]
    _shrink(names, widths, minimum, width)
    keep_end = {layout.short.get(name, name) for name in layout.keep_end}
    cells = [
        [cut(value, widths[i], names[i] in keep_end) for i, value in enumerate(line)]
        for line in rows
    ]
    return names, cells
