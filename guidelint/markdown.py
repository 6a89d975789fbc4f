"""guidelint's own model of a guide's Markdown body, parsed once by pyromark.

pyromark (bindings to pulldown-cmark) yields events with UTF-8 byte ranges;
:func:`parse_body` turns them into a flat list of :class:`Block` in document
order, each with 1-based file lines and character columns.  Rules and the
table and prose readers use only this model, never parser events, so the
parser can change without touching a rule.

Byte offsets become character columns here and nowhere else: the body is
already decoded with CRLF and BOM removed (see :mod:`guidelint.document`).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Any, NamedTuple

import pyromark

from guidelint import patterns
from guidelint.records import Record

_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH


# Made often: a plain record, which tables.EnvelopeCell extends.
class Cell(Record):
    """One table cell: its source text (escapes kept), plain text and 1-based columns."""

    __slots__ = ("raw", "text", "line", "column", "end_column")

    def __init__(self, raw: str, text: str, line: int, column: int, end_column: int) -> None:
        self.raw = raw
        self.text = text
        self.line = line
        self.column = column
        self.end_column = end_column

    __hash__ = Record._hash

    def column_of(self, figure: Any) -> int:
        """The column where ``figure`` (a parsed figure with ``offset`` and ``text``) starts."""
        if self.raw == self.text:
            return self.column + figure.offset  # type: ignore[no-any-return]
        found = self.raw.find(figure.text)
        return self.column + found if found >= 0 else self.column

    def position_of(self, figure: Any) -> tuple[int, int]:
        """The (line, column) where ``figure`` starts."""
        return self.line, self.column_of(figure)

    def end_of(self, figure: Any) -> tuple[int, int]:
        """The (line, column) where the cell that holds ``figure`` ends."""
        return self.line, self.end_column


# Made often, never changed: a NamedTuple, as diagnostics.Fix is.
class Row(NamedTuple):
    """One table row: its line and its cells, left to right."""

    line: int
    cells: tuple[Cell, ...]
    prefix: str  # blockquote markers or indentation before the row
    end_column: int  # just past the row's last non-space character


class TableBlock(NamedTuple):
    """A GFM table as written: the header row first, then the body rows."""

    rows: tuple[Row, ...]
    nested: bool  # inside a blockquote or list item

    @property
    def header(self) -> Row:
        return self.rows[0]

    @property
    def body(self) -> tuple[Row, ...]:
        return self.rows[1:]


class Block(Record):
    """A leaf block of the body.

    ``kind`` is ``heading``, ``paragraph`` (also the text of a tight list
    item), ``table``, ``code``, ``html`` or ``rule``.  Inline blocks keep their
    source text one line per ``\\n``-separated piece, with the file line and
    column where each piece starts.
    """

    __slots__ = (
        "kind",
        "line",
        "end_line",
        "depth",
        "level",
        "text",
        "lines",
        "columns",
        "html",
        "item_line",
        "item_number",
        "table",
    )

    def __init__(
        self,
        kind: str,
        line: int,  # first file line
        end_line: int,  # file line after the block
        depth: int = 0,  # enclosing blockquotes, lists and list items
        level: int = 0,  # heading level
        text: str = "",
        lines: list[int] | None = None,
        columns: list[int] | None = None,
        # Inline HTML as (first line, line after, text): the lines of its
        # paragraph, or of its row in a table.
        html: list[tuple[int, int, str]] | None = None,
        item_line: int = 0,  # first line of the enclosing list item, 0 outside lists
        item_number: str = "",  # the number an ordered list item is written with
        table: TableBlock | None = None,
    ) -> None:
        self.kind = kind
        self.line = line
        self.end_line = end_line
        self.depth = depth
        self.level = level
        self.text = text
        self.lines = [] if lines is None else lines
        self.columns = [] if columns is None else columns
        self.html = [] if html is None else html
        self.item_line = item_line
        self.item_number = item_number
        self.table = table

    @property
    def in_item(self) -> bool:
        return self.item_line > 0


# -- table rows, split the way GFM does -----------------------------------------

_PREFIX = patterns.compile(r"[ \t]*")
_CONTAINER_PREFIX = patterns.compile(r"[ \t>]*")  # inside a blockquote or list item
_CELL_PIPE = patterns.compile(r"(?<!\\)\|")  # a pipe not escaped by the character before it


def _prefix_end(text: str, nested: bool) -> int:
    """Where a line's content starts: after spaces and tabs, and ``>`` marks when nested."""
    return (_CONTAINER_PREFIX if nested else _PREFIX).match(text).end()  # type: ignore[union-attr]


def split_row(text: str, line: int, nested: bool = False, plain: list[str] | None = None) -> Row:
    """Split one table line into cells (``\\|`` stays in a cell).

    ``plain`` gives the cells' text without inline formatting, as the parser
    read it; cells it does not cover fall back to their source text.
    """
    prefix_end = _prefix_end(text, nested)
    content_end = len(text.rstrip())
    pos = prefix_end
    if text[pos : pos + 1] == "|":
        pos += 1
    bounds: list[tuple[int, int]] = []
    start = pos
    for pipe in _CELL_PIPE.finditer(text, pos, content_end):
        index = pipe.start()
        bounds.append((start, index))
        start = index + 1
    if start < content_end or not bounds:
        bounds.append((start, content_end))
    cells = []
    for number, (begin, end) in enumerate(bounds):
        chunk = text[begin:end]
        raw = chunk.strip()
        lead = len(chunk) - len(chunk.lstrip())
        column = begin + lead + 1 if raw else begin + 1
        shown = plain[number] if plain is not None and number < len(plain) else plain_text(raw)
        cells.append(Cell(raw, shown, line, column, column + len(raw)))
    return Row(line, tuple(cells), text[:prefix_end], content_end + 1)


_INLINE_MARKS = frozenset("*_`~[]<>\\&!")


def plain_text(raw: str) -> str:
    """Inline Markdown without its formatting: ``**$195K**`` -> ``$195K``."""
    if not _INLINE_MARKS.intersection(raw):
        return raw
    # Parsed as a one-cell table so that `1.` or `- x` stay inline text.
    source = "|" + raw.replace("\n", " ") + "|\n|-|\n"
    parts: list[str] = []
    in_cell = False
    for event in pyromark.events(source, options=_OPTIONS):
        if isinstance(event, dict):
            if "Text" in event or "Code" in event:
                if in_cell:
                    parts.append(str(event.get("Text") or event.get("Code") or ""))
            elif event.get("Start") == "TableCell":
                in_cell = True
            elif event.get("End") == "TableCell":
                break
    return " ".join("".join(parts).split())


# -- the parse --------------------------------------------------------------------

_LIST_NUMBER = patterns.compile(r"\A[ \t>]*(\d{1,9})[.)]")  # anchored: linear under search too
_INLINE_CONTAINERS = frozenset(("Emphasis", "Strong", "Strikethrough", "Link", "Image"))


class _Positions:
    """Byte offsets of the body to 0-based (line, character column).

    Line starts and ends are computed once per body; an ASCII body (common in
    prose-only guides) is indexed directly, any other is sliced as UTF-8 bytes.
    """

    __slots__ = ("ascii", "body", "data", "ends", "starts")

    def __init__(self, body: str) -> None:
        self.body = body
        self.ascii = body.isascii()
        data: Any = body if self.ascii else body.encode("utf-8")
        self.data = data
        lengths = map(len, data.split("\n" if self.ascii else b"\n"))
        ends = list(accumulate(lengths, lambda total, size: total + size + 1))
        self.ends = ends  # offset of each line's newline (or of the end of the body)
        self.starts = [0, *(end + 1 for end in ends[:-1])]

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def column(self, line: int, offset: int) -> int:
        start = self.starts[line]
        if self.ascii:
            return offset - start
        return len(self.data[start:offset].decode("utf-8", "replace"))

    def line_end(self, line: int) -> int:
        """Offset of the line's newline (or the end of the body)."""
        return self.ends[line]

    def slice(self, start: int, end: int) -> str:
        if self.ascii:
            return self.body[start:end]  # type: ignore[no-any-return]
        return self.data[start:end].decode("utf-8", "replace")  # type: ignore[no-any-return]


class _Inline:
    """Collects an inline run's extent per line from its events' ranges."""

    __slots__ = ("depth", "html", "kind", "level", "spans", "start")

    def __init__(self, kind: str, start: int, depth: int, level: int = 0) -> None:
        self.kind = kind
        self.start = start
        self.depth = depth
        self.level = level
        self.html: list[str] = []
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))


class _Builder:
    def __init__(self, body: str, first_line: int) -> None:
        self.positions = _Positions(body)
        self.first = first_line  # file line of the body's first line
        self.blocks: list[Block] = []
        self.depth = 0
        self.items: list[tuple[int, str]] = []  # (first file line, number) of open items
        self.inline: _Inline | None = None
        self.table_rows: list[tuple[int, list[str]]] | None = None  # (byte offset, plain cells)
        self.table_start = 0
        self.table_depth = 0
        self.table_html: list[tuple[int, int, str]] = []
        self.cell: list[str] | None = None
        self.code_start = -1
        self.html_parts: list[str] = []

    def file_line(self, offset: int) -> int:
        return self.positions.line(offset) + self.first

    def end_line(self, end: int) -> int:
        """The file line after a block whose byte range ends at ``end``."""
        return self.positions.line(max(end - 1, 0)) + self.first + 1

    # -- inline runs --

    def open_inline(self, kind: str, start: int, level: int = 0) -> None:
        self.inline = _Inline(kind, start, self.depth, level)

    def close_inline(self, end: int) -> None:
        run = self.inline
        if run is None:
            return
        self.inline = None
        block = self._inline_block(run, end)
        if block is not None:
            self.blocks.append(block)

    def _inline_block(self, run: _Inline, end: int) -> Block | None:
        positions = self.positions
        starts, ends = positions.starts, positions.ends
        per_line: dict[int, list[int]] = {}
        # Most spans sit inside one line, usually the line of the span before:
        # remember that line's bounds and skip the search for it.
        line_start, line_end, extent = 0, -1, [0, 0]
        for start, stop in run.spans:
            if line_start <= start and stop <= line_end:
                if start < extent[0]:
                    extent[0] = start
                if stop > extent[1]:
                    extent[1] = stop
                continue
            first = bisect_right(starts, start) - 1
            last = bisect_right(starts, stop - 1 if stop > start else start) - 1
            first_end = ends[first]
            extent = per_line.get(first) or per_line.setdefault(first, [start, start])
            if start < extent[0]:
                extent[0] = start
            extent[1] = max(extent[1], min(stop, first_end))
            line_start, line_end = starts[first], first_end
            if last == first:
                continue
            for line in range(first + 1, last + 1):
                begin_line = starts[line]
                text = positions.slice(begin_line, ends[line])
                skip = _prefix_end(text, self.depth > 0)
                begin = begin_line + skip  # the prefix is spaces, tabs and `>`: one byte each
                stop_here = min(stop, ends[line])
                extent = per_line.setdefault(line, [begin, stop_here])
                extent[0] = min(extent[0], begin)
                extent[1] = max(extent[1], stop_here)
            line_start, line_end = starts[last], ends[last]
        if not per_line and run.kind != "heading":
            return None
        pieces: list[str] = []
        lines: list[int] = []
        columns: list[int] = []
        for line in sorted(per_line):
            begin, stop = per_line[line]
            pieces.append(positions.slice(begin, stop))
            lines.append(line + self.first)
            columns.append(positions.column(line, begin) + 1)
        item_line, item_number = self.items[-1] if self.items else (0, "")
        first = lines[0] if lines else self.file_line(run.start)
        # A tight list item's text ends with its last line, not with the item.
        after = lines[-1] + 1 if lines and run.kind == "paragraph" else self.end_line(end)
        return Block(
            kind=run.kind,
            line=first,
            end_line=after,
            depth=run.depth,
            level=run.level,
            text="\n".join(pieces),
            lines=lines,
            columns=columns,
            html=[(first, after, html) for html in run.html],
            item_line=item_line,
            item_number=item_number,
        )

    # -- events --

    def start(self, tag: Any, start: int, end: int) -> None:
        if isinstance(tag, str):
            if tag == "Paragraph":
                self.close_inline(start)
                self.open_inline("paragraph", start)
            elif tag in _INLINE_CONTAINERS:
                self.leaf(start, end)
            elif tag == "Item":
                self.close_inline(start)
                self.depth += 1
                number = _LIST_NUMBER.match(self.positions.slice(start, min(end, start + 64)))
                self.items.append((self.file_line(start), number.group(1) if number else ""))
            elif tag in ("TableHead", "TableRow"):
                assert self.table_rows is not None
                self.table_rows.append((start, []))
            elif tag == "TableCell":
                self.cell = []
            elif tag == "HtmlBlock":
                self.close_inline(start)
                self.html_parts = []
            return
        name = next(iter(tag))
        value = tag[name]
        if name in ("Link", "Image"):
            self.leaf(start, end)
        elif name == "Heading":
            self.close_inline(start)
            self.open_inline("heading", start, int(value["level"][1:]))
        elif name in ("BlockQuote", "List"):
            self.close_inline(start)
            self.depth += 1
        elif name == "Table":
            self.close_inline(start)
            self.table_rows = []
            self.table_html = []
            self.table_start = start
            self.table_depth = self.depth
        elif name == "CodeBlock":
            self.close_inline(start)
            self.code_start = start

    def end(self, tag: Any, start: int, end: int) -> None:
        name = tag if isinstance(tag, str) else next(iter(tag))
        if name in ("Paragraph", "Heading"):
            self.close_inline(end)
        elif name in _INLINE_CONTAINERS:
            self.leaf(start, end)
        elif name == "Item":
            self.close_inline(end)
            self.items.pop()
            self.depth -= 1
        elif name in ("BlockQuote", "List"):
            self.close_inline(end)
            self.depth -= 1
        elif name == "TableCell":
            if self.table_rows and self.cell is not None:
                self.table_rows[-1][1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif name == "Table":
            self.finish_table(end)
        elif name == "CodeBlock":
            line = self.file_line(self.code_start)
            self.blocks.append(Block("code", line, self.end_line(end), self.depth))
            self.code_start = -1
        elif name == "HtmlBlock":
            text = "".join(self.html_parts)
            line = self.file_line(start)
            block = Block("html", line, self.end_line(end), self.depth, text=text)
            self.blocks.append(block)

    def leaf(self, start: int, end: int) -> None:
        if self.inline is None:
            if self.cell is not None or self.table_rows is not None:
                return
            # The text of a tight list item has no paragraph of its own.
            self.open_inline("paragraph", start)
        assert self.inline is not None
        self.inline.add(start, end)

    def text(self, kind: str, value: str, start: int, end: int) -> None:
        if self.cell is not None:
            if kind in ("Text", "Code"):
                self.cell.append(value)
            elif kind == "InlineHtml" and self.table_rows:
                line = self.file_line(self.table_rows[-1][0])
                self.table_html.append((line, line + 1, value))
            return
        if self.table_rows is not None:
            return
        if self.code_start >= 0 and kind == "Text" and self.inline is None:
            return
        if kind == "Html":
            self.html_parts.append(value)
            return
        self.leaf(start, end)
        if kind == "InlineHtml" and self.inline is not None:
            self.inline.html.append(value)

    def rule(self, start: int, end: int) -> None:
        self.close_inline(start)
        line = self.file_line(start)
        self.blocks.append(Block("rule", line, self.end_line(end), self.depth))

    def finish_table(self, end: int) -> None:
        rows: list[Row] = []
        lines = self.positions
        nested = self.table_depth > 0
        for offset, plain in self.table_rows or ():
            line = lines.line(offset)
            source = lines.slice(lines.starts[line], lines.line_end(line))
            rows.append(split_row(source, line + self.first, nested, plain))
        self.table_rows = None
        if rows:
            table = TableBlock(tuple(rows), nested)
            block = Block("table", rows[0].line, self.end_line(end), self.table_depth, table=table)
            block.html = self.table_html
            self.blocks.append(block)


def parse_body(body: str, first_line: int = 1) -> list[Block]:
    """The body's leaf blocks in document order; ``first_line`` is the body's file line."""
    builder = _Builder(body, first_line)
    event: Any
    for event, span in pyromark.events_with_range(body, options=_OPTIONS):
        start, end = span["start"], span["end"]
        if isinstance(event, str):
            if event == "Rule":
                builder.rule(start, end)
            elif event == "HardBreak":
                builder.leaf(start, start + 1)
            continue
        ((kind, value),) = event.items()
        if kind == "Text":
            # Text inside a paragraph or heading, by far the most common event.
            inline = builder.inline
            if inline is not None and builder.cell is None and builder.table_rows is None:
                inline.spans.append((start, end))
            else:
                builder.text(kind, value, start, end)  # type: ignore[arg-type]  # Text holds str
        elif kind == "Start":
            builder.start(value, start, end)
        elif kind == "End":
            builder.end(value, start, end)
        else:
            builder.text(kind, value if type(value) is str else "", start, end)
    builder.close_inline(len(builder.positions.data))
    return builder.blocks
