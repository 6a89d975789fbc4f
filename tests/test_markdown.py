"""The body model: blocks, table cells and prose positions.

``tests/data/body-model.json`` records, for every fixture, the prose blocks
(each line's first character position and stripped text), reference entries
and table cells that the previous Markdown parser gave.  The model built on
pyromark must give the same positions; a fixture edited since is skipped.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from conftest import FIXTURES, TESTS
from guidelint.document import parse_guide
from guidelint.markdown import parse_body, plain_text, split_row
from guidelint.prose import extract

RECORDED = json.loads((TESTS / "data" / "body-model.json").read_text(encoding="utf-8"))

# Where the new model is right and the old one was not: an escaped pipe in a
# cell is part of the cell's source text, so the cell starts two columns earlier.
IMPROVED = {
    "table/malformed.md": (
        ["cell", [[60, 1, "New York | Remote"]]],
        ["cell", [[60, 3, "New York \\| Remote"]]],
    ),
}


def _lines(text: str, lines: list[int], columns: list[int]) -> list[list[Any]]:
    pieces = []
    for piece, line, column in zip(text.split("\n"), lines, columns, strict=True):
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            pieces.append([line, column + lead, piece.strip()])
    return pieces


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_model_gives_the_recorded_positions(name: str) -> None:
    path = FIXTURES / name
    raw = path.read_bytes()
    recorded = RECORDED[name]
    if hashlib.sha256(raw).hexdigest() != recorded["sha256"]:
        pytest.skip(f"{name} changed since the positions were recorded")
    guide = parse_guide(raw, name)
    prose = extract(guide)
    blocks = [[b.kind, _lines(b.text, b.lines, b.columns)] for b in prose.blocks]
    expected = recorded["blocks"]
    if name in IMPROVED:
        old, new = IMPROVED[name]
        expected = [new if block == old else block for block in expected]
    assert blocks == expected
    entries = [[e.kind, e.key, e.text, e.line, e.column] for e in prose.entries]
    assert entries == recorded["entries"]
    tables = [
        {
            "nested": b.table.nested,
            "rows": [
                [[c.raw, c.text, c.line, c.column, c.end_column] for c in row.cells]
                for row in b.table.rows
            ],
        }
        for b in guide.blocks
        if b.table is not None
    ]
    assert tables == recorded["tables"]


def test_blocks_in_order_with_file_lines() -> None:
    body = (
        "# Title\n\nSome *text* with <b>html</b>.\n\n- one\n- two\n\n"
        "| A | B |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\n---\n\n<!-- note -->\n"
    )
    blocks = parse_body(body, first_line=10)
    kinds = [(b.kind, b.line, b.end_line) for b in blocks]
    assert kinds == [
        ("heading", 10, 11),
        ("paragraph", 12, 13),
        ("paragraph", 14, 15),
        ("paragraph", 15, 16),
        ("table", 17, 20),
        ("code", 21, 24),
        ("rule", 25, 26),
        ("html", 27, 28),
    ]
    assert blocks[0].level == 1 and blocks[0].text == "Title"
    assert blocks[1].html == [(12, 13, "<b>"), (12, 13, "</b>")]
    assert [b.item_line for b in blocks[2:4]] == [14, 15]
    assert blocks[7].text == "<!-- note -->\n"


def test_columns_are_characters_not_bytes() -> None:
    body = "Café — £75K / $95K and “quoted” text.\n> ☕ quoted *line*\n> goes on\n"
    blocks = parse_body(body)
    assert blocks[0].text == body.split("\n")[0]
    assert (blocks[0].lines, blocks[0].columns) == ([1], [1])
    assert blocks[1].text == "☕ quoted *line*\ngoes on"
    assert (blocks[1].lines, blocks[1].columns, blocks[1].depth) == ([2, 3], [3, 3], 1)


def test_ordered_items_keep_their_written_numbers() -> None:
    blocks = parse_body("3. first\n4. second\n\n   more of the second\n")
    assert [(b.item_number, b.item_line, b.line) for b in blocks] == [
        ("3", 1, 1),
        ("4", 2, 2),
        ("4", 2, 4),
    ]


def test_nested_table_rows_keep_their_prefix() -> None:
    blocks = parse_body("> | A | B |\n> |---|---|\n> | **x** | `y` |\n")
    table = blocks[0].table
    assert table is not None and table.nested
    cells = [(c.raw, c.text, c.line, c.column) for c in table.body[0].cells]
    assert cells == [("**x**", "x", 3, 5), ("`y`", "y", 3, 13)]


def test_plain_text_keeps_block_looking_cells_inline() -> None:
    assert plain_text("**$195K**") == "$195K"
    assert plain_text("1. **first**") == "1. first"
    assert plain_text("- `x`") == "- x"
    assert plain_text("# *h*") == "# h"


def test_cells_beyond_the_header_fall_back_to_their_source() -> None:
    row = split_row("| a | **b** | c |", 1, plain=["a"])
    assert [c.text for c in row.cells] == ["a", "b", "c"]


def test_code_and_html_are_not_prose() -> None:
    blocks = parse_body("```\n$500K is a lot\n```\n\n<div>\n$1M\n</div>\n")
    assert [(b.kind, b.text) for b in blocks] == [("code", ""), ("html", "<div>\n$1M\n</div>\n")]
