"""Edits to a guide's frontmatter that keep everything else byte for byte.

A field is written where the author would have written it: a ``null`` value is
replaced in place; a missing key goes on a new line after the closest field
that precedes it in the canonical order, with the entry's own indentation.
Comments, key order, quoting and line endings elsewhere are untouched (the
fixer re-applies the file's own newline).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from guidelint.diagnostics import Fix
from guidelint.document import Guide

FILL_DESCRIPTION = "write the figure the table shows into the frontmatter"
CURRENCY_DESCRIPTION = "set the entry's currency to the one its table row shows"


def scalar(value: Any) -> str:
    """A number or text as a plain YAML scalar (``15``, ``1.5``, ``SGD``)."""
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    return str(value)


def children(guide: Guide, entry: str) -> list[str]:
    """The keys of the mapping at ``entry``, in file order."""
    depth = entry.count("/") + 1
    names = [
        path.rsplit("/", 1)[1]
        for path in guide.key_spans
        if path.startswith(entry + "/") and path.count("/") == depth
    ]
    return sorted(names, key=lambda name: guide.key_spans[f"{entry}/{name}"][:2])


def set_field(
    guide: Guide,
    entry: str,
    name: str,
    value: Any,
    order: Sequence[str] = (),
    description: str = FILL_DESCRIPTION,
) -> Fix | None:
    """A Fix writing ``name: value`` into the block mapping at frontmatter path ``entry``.

    ``order`` is the canonical order of the entry's fields; the new key goes
    after the nearest field before it that the entry has.  None when the
    entry is not a block mapping (a flow mapping ``{...}`` is left alone).
    """
    if not guide.has_frontmatter or guide.data is None:
        return None
    text = scalar(value)
    path = f"{entry}/{name}"
    keys = children(guide, entry)
    if not keys:
        return None
    spans = [guide.key_spans[f"{entry}/{key}"] for key in keys]
    if len({span.line for span in spans}) != len(spans):
        return None  # a flow mapping, or keys sharing a line
    if name in keys:
        span = guide.value_spans[path]
        if span.line != span.end_line:
            return None
        current = guide.lines[span.line - 1][span.column - 1 : span.end_column - 1]
        if span.column == span.end_column:  # `key:` with no value
            return Fix(span.line, span.column, span.line, span.column, " " + text, description)
        if current == text:
            return None
        return Fix(span.line, span.column, span.end_line, span.end_column, text, description)
    anchor = _anchor(keys, name, order)
    position = end_of_value(guide, f"{entry}/{anchor}")
    if position is None:
        return None
    line, end = position
    indent = " " * (guide.key_spans[f"{entry}/{keys[0]}"].column - 1)
    return Fix(line, end, line, end, f"\n{indent}{name}: {text}", description)


def end_of_value(guide: Guide, path: str) -> tuple[int, int] | None:
    """The (line, column) just after the value at ``path``, where a new line can follow;
    None when that is outside the frontmatter."""
    after = guide.value_span(path)
    # A value that spans lines (a nested mapping, a block scalar) ends at the
    # start of the line after it.
    line = (
        after.end_line - 1
        if after.end_column == 1 and after.end_line > after.line
        else after.end_line
    )
    if line < 1 or line >= guide.frontmatter_end:
        return None
    return line, len(guide.lines[line - 1]) + 1


def _anchor(keys: list[str], name: str, order: Sequence[str]) -> str:
    """The existing key the new one follows: its nearest predecessor in ``order``."""
    if name in order:
        position = list(order).index(name)
        for earlier in reversed(order[:position]):
            if earlier in keys:
                return earlier
        for later in order[position + 1 :]:
            if later in keys:
                index = keys.index(later)
                return keys[index - 1] if index else keys[0]
    return keys[-1]
