"""Parse a guide once into a :class:`Guide` that keeps line maps.

Reading, decoding and splitting the frontmatter happen here, parsing its YAML in
:mod:`guidelint.frontmatter` and the Markdown body on first use; rules only read
the result.  Problems found while parsing become GL00x diagnostics instead of
exceptions.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cached_property
from typing import TYPE_CHECKING, Any

from guidelint.diagnostics import Diagnostic, internal_error, problem
from guidelint.frontmatter import Span, parse_frontmatter
from guidelint.limits import DEFAULT_MAX_FILE_SIZE
from guidelint.records import Record

if TYPE_CHECKING:
    from guidelint.markdown import Block
    from guidelint.prose import Prose

BOM = "\ufeff"


class Guide(Record):
    """A parsed guide.  ``data`` is None when the frontmatter is unusable."""

    __slots__ = (
        "path",
        "text",
        "bom",
        "newline",
        "has_frontmatter",
        "frontmatter_start",
        "frontmatter_end",
        "data",
        "key_spans",
        "value_spans",
        "aliased",
        "body",
        "body_offset",
        "problems",
        "readable",
        "__dict__",  # for the cached properties (not a field)
    )

    def __init__(
        self,
        path: str,
        text: str = "",
        bom: bool = False,
        newline: str = "\n",
        has_frontmatter: bool = False,
        frontmatter_start: int = 0,  # line of the opening ``---``
        frontmatter_end: int = 0,  # line of the closing ``---``
        data: dict[str, Any] | None = None,
        key_spans: dict[str, Span] | None = None,
        value_spans: dict[str, Span] | None = None,
        aliased: bool = False,  # a value is reused through a YAML alias (``*name``)
        body: str = "",
        body_offset: int = 0,  # lines before the body's first line
        problems: list[Diagnostic] | None = None,
        readable: bool = True,
    ) -> None:
        self.path = path
        self.text = text
        self.bom = bom
        self.newline = newline
        self.has_frontmatter = has_frontmatter
        self.frontmatter_start = frontmatter_start
        self.frontmatter_end = frontmatter_end
        self.data = data
        self.key_spans = {} if key_spans is None else key_spans
        self.value_spans = {} if value_spans is None else value_spans
        self.aliased = aliased
        self.body = body
        self.body_offset = body_offset
        self.problems = [] if problems is None else problems
        self.readable = readable

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def blocks(self) -> list[Block]:
        """The body's blocks (see :mod:`guidelint.markdown`), with file lines and columns."""
        from guidelint.markdown import parse_body

        return parse_body(self.body, self.body_offset + 1)

    @cached_property
    def prose(self) -> Prose:
        """The body's prose blocks and reference entries (see :mod:`guidelint.prose`)."""
        from guidelint.prose import read_prose

        return read_prose(self)

    def body_line(self, index: int) -> int:
        """Turn a 0-based body line into a 1-based file line."""
        return index + self.body_offset + 1

    def key_span(self, path: str) -> Span:
        """Where the key of ``path`` sits, or its nearest recorded ancestor."""
        span = _lookup(self.key_spans, path)
        if span is None:
            line, column = self.frontmatter_position
            return Span(line, column, line, column)
        return span

    def value_span(self, path: str) -> Span:
        return _lookup(self.value_spans, path) or self.key_span(path)

    def key_position(self, path: str) -> tuple[int, int]:
        return self.key_span(path)[:2]

    def value_position(self, path: str) -> tuple[int, int]:
        return self.value_span(path)[:2]

    @property
    def frontmatter_position(self) -> tuple[int, int]:
        """Line 1 of the frontmatter content (just after the opening ``---``)."""
        return (self.frontmatter_start + 1, 1) if self.has_frontmatter else (1, 1)


def _lookup(spans: dict[str, Span], path: str) -> Span | None:
    while True:
        if path in spans:
            return spans[path]
        if "/" not in path:
            return spans.get(path)
        path = path.rsplit("/", 1)[0]


def load_guide(
    path: str | os.PathLike[str], display: str, max_size: int = DEFAULT_MAX_FILE_SIZE
) -> Guide:
    """Read and parse the file at ``path``; ``display`` is the name reports use."""
    from guidelint.files import NotRegular, TooLarge, read_regular

    try:
        raw, _ = read_regular(path, max_size)
    except TooLarge as exc:
        return _unreadable(display, f"file is {exc.strerror} (max-file-size); skipped")
    except NotRegular as exc:
        return _unreadable(display, f"cannot read file: it is {exc.strerror}")
    except OSError as exc:
        return _unreadable(display, f"cannot read file: {exc.strerror or exc}")
    return parse_guide(raw, display)


def _unreadable(display: str, message: str, line: int = 1, column: int = 1) -> Guide:
    guide = Guide(path=display, readable=False)
    guide.problems.append(problem("GL001", line, column, message))
    return guide


def decode(raw: bytes) -> tuple[str, bool] | tuple[None, tuple[int, int, int]]:
    """Decode UTF-8; on failure return None and (byte offset, line, column)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start
        line = raw.count(b"\n", 0, offset) + 1
        column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
        return None, (offset, line, column)
    bom = text.startswith(BOM)
    return (text[1:] if bom else text), bom


def parse_guide(raw: bytes, display: str) -> Guide:
    """Parse bytes into a Guide; never raises for bad content."""
    text, extra = decode(raw)
    if text is None:
        offset, line, column = extra  # type: ignore[misc]
        return _unreadable(display, f"not valid UTF-8 at byte offset {offset}", line, column)
    newline = "\r\n" if "\r\n" in text else "\n"
    if newline != "\n":
        text = text.replace("\r\n", "\n")
    guide = Guide(path=display, text=text, bom=bool(extra), newline=newline)
    try:
        _split(guide)
    except MemoryError:
        raise
    except Exception as exc:  # a bug in the parser must not lose the other files
        failed = Guide(path=display, readable=False)
        failed.problems.append(internal_error("while parsing", exc))
        return failed
    return guide


def _split(guide: Guide) -> None:
    lines = guide.lines
    if not guide.text.strip():
        guide.problems.append(
            problem("GL002", 1, 1, "file is empty: expected a `---` frontmatter block")
        )
        return
    if lines[0].rstrip() != "---":
        # A file whose lines end in a carriage return alone (classic Mac OS) is one
        # line to every other tool too: say so rather than that `---` is missing.
        cr_only = lines[0].startswith("---\r")
        guide.problems.append(
            problem(
                "GL002",
                1,
                1,
                "no frontmatter: lines end with a carriage return alone (CR); save the file"
                " with LF or CRLF line endings"
                if cr_only
                else "no frontmatter: the file must start with a `---` line",
            )
        )
        guide.body = guide.text
        return
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        guide.problems.append(
            problem("GL002", 1, 1, "unterminated frontmatter: the `---` on line 1 is never closed")
        )
        return
    guide.has_frontmatter = True
    guide.frontmatter_start = 1
    guide.frontmatter_end = index + 1
    guide.body_offset = index + 1
    guide.body = "\n".join(lines[index + 1 :])
    parse_frontmatter(guide, "\n".join(lines[1:index]) + "\n")


_PLAIN = frozenset((str, int, float, bool, type(None)))


def jsonable(value: Any) -> Any:
    """A copy of YAML data with dates as ISO strings, as JSON Schema expects."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if isinstance(value, dict):
        return {
            k if type(k) is str else str(k): v if type(v) in _PLAIN else jsonable(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [v if type(v) in _PLAIN else jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
