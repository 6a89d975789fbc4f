"""The note written under a compensation table, and the bonus it states.

Tables by level often give one total per level and say how it is made up in a
note in italics right under the table (`*Total compensation includes base
salary, RSUs and a 10-15% performance bonus.*`).  A bonus that such a note
states is the table's data: when no entry holds a bonus, the frontmatter lost
it (GL306).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from guidelint import patterns
from guidelint.document import Guide
from guidelint.markdown import Block
from guidelint.scan import Lazy

# A percentage next to the word "bonus" ("a 10-15% performance bonus", "bonus (10%)",
# "bonus of 10%"), at most three words apart; in parentheses after it, at most two
# words before the percentage ("performance bonus (typically 10%)").
_PERCENT = r"(?P<p>\d{1,2}(?:\.\d)?(?:\s?[-\u2013]\s?\d{1,2}(?:\.\d)?)?\s?%)"
_BONUS_PERCENT = Lazy(
    rf"(?i:{_PERCENT}(?:[ \t]{{1,3}}[a-z-]{{1,20}}){{0,2}}[ \t]{{1,3}}bonus\b"
    rf"|\bbonus(?:[ \t]{{1,3}}[a-z-]{{1,20}}){{0,2}}"
    rf"(?:[ \t]{{1,3}}|[ \t]{{0,2}}\((?:[a-z-]{{1,20}}[ \t]{{1,3}}){{0,2}})"
    rf"{_PERCENT.replace('?P<p>', '?P<q>')})"
)


class NoteFigure(NamedTuple):
    text: str  # as written: "10-15%"
    line: int
    column: int
    end_column: int


def table_note(guide: Guide, header_line: int) -> Block | None:
    """The paragraph in italics right under the table whose header is on ``header_line``."""
    blocks = guide.blocks
    for index, block in enumerate(blocks):
        table = block.table
        if table is None or table.header.line != header_line:
            continue
        last = table.rows[-1].line
        for after in blocks[index + 1 : index + 3]:
            if after.kind != "paragraph" or not last < after.line <= last + 2:
                continue
            opening = after.text.lstrip()[:2]
            italic = opening[:1] in ("*", "_") and opening[1:2] != opening[:1]
            return after if italic else None
        return None
    return None


def note_bonus(note: Block) -> NoteFigure | None:
    """The first bonus percentage the note states, where it is written."""
    found = _BONUS_PERCENT.search(note.text)
    if found is None:
        return None
    group = "p" if found.group("p") else "q"
    start, end = found.span(group)
    piece = note.text.count("\n", 0, start)
    line_start = note.text.rfind("\n", 0, start) + 1
    column = note.columns[piece] + start - line_start
    return NoteFigure(found.group(group), note.lines[piece], column, column + end - start)


def bonus_fields(parts: Any) -> tuple[list[str], list[str]]:
    """The percentage bonus fields (low, high) and every bonus field, from the ``totals``
    part of the schema's consistency annotation (``rules.consistency.annotation``)."""
    if not isinstance(parts, dict):
        return [], []
    names = {key: [n for n in parts.get(key) or () if isinstance(n, str)] for key in parts}
    percent = names.get("bonus_pct", [])
    return percent, [*percent, *names.get("bonus", [])]


def unheld_bonus(
    guide: Guide, header_line: int, entries: list[Any], fields: list[str]
) -> Iterator[tuple[NoteFigure, str]]:
    """The note's bonus, with the field that should hold it, when no entry sets any of
    ``fields`` (the bonus's percentage and amount fields)."""
    if not fields or not entries or not all(isinstance(item, dict) for item in entries):
        return
    if any(item.get(name) is not None for item in entries for name in fields):
        return
    note = table_note(guide, header_line)
    figure = note_bonus(note) if note is not None else None
    if figure is not None:
        yield figure, fields[0]


_NUMBER = patterns.compile(r"\d{1,2}(?:\.\d)?")


def bonus_values(figure: NoteFigure) -> list[Decimal]:
    """The low and (when it is a range) high percentages of a note's bonus."""
    return [Decimal(number) for number in _NUMBER.findall(figure.text)][:2]
