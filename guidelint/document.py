"""Parse a guide once into a :class:`Guide` that keeps line maps.

Reading, decoding, splitting the frontmatter, parsing the YAML (safely, with a
node budget) and parsing the Markdown body all happen here; rules only read
the result.  Problems found while parsing become GL00x diagnostics instead of
exceptions.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from guidelint.diagnostics import Diagnostic, internal_error, problem
from guidelint.limits import (
    ALIAS_BUDGET,
    ALIAS_CHARS,
    DEFAULT_MAX_FILE_SIZE,
    DEPTH_LIMIT,
    FIGURE_DIGITS,
    FIGURE_LIMIT,
    NODE_LIMIT,
)
from guidelint.records import Record

if TYPE_CHECKING:
    import yaml

    from guidelint.markdown import Block
    from guidelint.prose import Prose

BOM = "\ufeff"

_YAML = "tag:yaml.org,2002:"
SAFE_TAGS = frozenset(
    _YAML + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "binary")
)
MERGE_TAG = _YAML + "merge"


class Span(NamedTuple):
    """A 1-based region of the file; the end is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


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
        guide.problems.append(
            problem("GL002", 1, 1, "no frontmatter: the file must start with a `---` line")
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
    _parse_yaml(guide, "\n".join(lines[1:index]) + "\n")


_FLOW_GUARD = 10 * DEPTH_LIMIT  # far below where a recursive reader overflows the C stack


def _flow_too_deep(source: str) -> int:
    """When flow brackets (``[`` and ``{``, outside quotes) nest deeper than
    _FLOW_GUARD, where they first went deeper than DEPTH_LIMIT (the bracket the
    finding names); else -1.  One pass over the text, made only when there are
    that many brackets; nesting between DEPTH_LIMIT and the guard is refused by
    the reader as usual, at the same bracket."""
    if source.count("[") + source.count("{") <= _FLOW_GUARD:
        return -1
    depth = 0
    quote = ""
    over = -1  # the bracket that first went deeper than DEPTH_LIMIT
    for index, char in enumerate(source):
        if quote:
            if char == quote or char == "\n":
                quote = ""
        elif char in "[{":
            depth += 1
            if depth == DEPTH_LIMIT and over < 0:  # a level below the frontmatter's mapping
                over = index
            if depth > _FLOW_GUARD:
                return over
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char in "\"'" and (index == 0 or source[index - 1] in " \t[{,:\n"):
            quote = char
    return -1


_YAML_ONLY_BREAKS = "\r\x85\u2028\u2029"


def _newlines(source: str) -> list[int]:
    """Where each "\\n" of ``source`` stands."""
    found: list[int] = []
    at = source.find("\n")
    while at >= 0:
        found.append(at)
        at = source.find("\n", at + 1)
    return found


def _position(source: str, at: int, first: int) -> tuple[int, int]:
    """The file's (line, column) of index ``at`` of the frontmatter ``source``, whose
    first line is the file's line ``first``: lines end at "\\n" only."""
    return source.count("\n", 0, at) + first, at - source.rfind("\n", 0, at)


def _character_offset(source: str, position: int, in_bytes: bool) -> int:
    """A reader error's position as an index into ``source``: the C loader counts the
    bytes of its UTF-8 encoding (``in_bytes``), the pure-Python one characters."""
    if not in_bytes:
        return min(max(position, 0), len(source))
    return len(source.encode("utf-8")[: max(position, 0)].decode("utf-8", "ignore"))


def _parse_yaml(guide: Guide, source: str) -> None:
    # Imported here: a run answered from the cache never reads YAML.
    import yaml

    first = guide.frontmatter_start + 1  # file line of the frontmatter's first line
    deep = _flow_too_deep(source)
    if deep >= 0:
        # Refused before any parser sees it: older libyaml recurses without limit.
        line, column = _position(source, deep, first)
        message = f"lists and mappings nested deeper than {DEPTH_LIMIT} levels"
        guide.problems.append(problem("GL006", line, column, message))
        return
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(source)
    try:
        node = loader.get_single_node()
    except RecursionError:
        message = "lists and mappings nested too deeply to read; frontmatter refused"
        guide.problems.append(problem("GL006", first, 1, message))
        return
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # From the mark's index, not its line: YAML also breaks lines at a lone CR,
        # NEL and U+2028, which are no line breaks of the file.
        at = min(max(mark.index, 0), len(source)) if mark else 0
        line, column = _position(source, at, first) if mark else (first, 1)
        text = exc.problem or "invalid YAML"
        if "nesting depth" in text:  # newer PyYAML refuses deep nesting while reading
            message = f"lists and mappings nested deeper than {DEPTH_LIMIT} levels"
            guide.problems.append(problem("GL006", line, column, message))
            return
        if exc.context:
            text = f"{exc.context}: {text}"
        if mark and "\t" in source[source.rfind("\n", 0, at) + 1 : at + 1]:
            text += " (a tab: YAML is indented with spaces only)"
        guide.problems.append(problem("GL003", line, column, f"YAML syntax error: {text}"))
        return
    except yaml.reader.ReaderError as exc:  # control characters and the like
        pos = _character_offset(source, exc.position, not isinstance(loader, yaml.SafeLoader))
        line, column = _position(source, pos, first)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or "\0")
        text = f"YAML syntax error: character U+{char:04X} is not allowed ({exc.reason})"
        guide.problems.append(problem("GL003", line, column, text))
        return
    except yaml.YAMLError as exc:
        guide.problems.append(problem("GL003", first, 1, f"YAML error: {exc}"))
        return
    finally:
        loader.dispose()
    if node is None:
        guide.problems.append(
            problem("GL004", first, 1, "frontmatter is empty: expected a mapping of keys")
        )
        return
    builder = _Builder(loader, first, source)
    try:
        data = builder.build(node, "")
    except _Refused as exc:
        guide.problems.append(problem("GL006", exc.line, exc.column, exc.message))
        return
    guide.problems.extend(builder.problems)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a scalar ({type(data).__name__})"
        line, column = builder.span(node)[:2]
        guide.problems.append(
            problem("GL004", line, column, f"frontmatter is {kind}: expected a mapping of keys")
        )
        return
    guide.data = data
    guide.key_spans = builder.key_spans
    guide.value_spans = builder.value_spans
    guide.aliased = builder.aliased


class _Refused(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


class _Builder:
    """Turn a composed YAML node graph into Python data, recording positions.

    Walking the graph ourselves (instead of PyYAML's constructor) lets us refuse
    unsafe tags, alias bombs and runaway nesting before any work is done, see duplicate keys
    that PyYAML would silently overwrite, and keep every node's position.
    """

    def __init__(self, loader: Any, first_line: int, source: str) -> None:
        self.loader = loader
        self.first = first_line
        # YAML also breaks lines at a lone CR, NEL and U+2028/9; the file only at "\n".
        # Where the frontmatter holds one, positions come from the marks' indexes,
        # placed among the file's line breaks (found once: each node is then a bisection).
        self.odd_breaks = any(ch in source for ch in _YAML_ONLY_BREAKS)
        self.breaks = _newlines(source) if self.odd_breaks else []
        self.alias_budget = ALIAS_BUDGET
        self.char_budget = ALIAS_CHARS
        self.nodes = 0
        self.built: set[int] = set()
        self.expanding = 0  # > 0 while walking a subtree reached through an alias
        self.aliased = False  # a node was reached a second time, through an alias
        self.key_spans: dict[str, Span] = {}
        self.value_spans: dict[str, Span] = {}
        self.problems: list[Diagnostic] = []
        self.active: set[int] = set()
        import yaml

        self.yaml_error = yaml.YAMLError
        self.scalar_node, self.sequence_node = yaml.ScalarNode, yaml.SequenceNode

    def span(self, node: yaml.Node) -> Span:
        start, end = node.start_mark, node.end_mark
        first = self.first
        if self.odd_breaks:
            return _new_span(Span, (*self._position(start.index), *self._position(end.index)))
        return _new_span(
            Span, (start.line + first, start.column + 1, end.line + first, end.column + 1)
        )

    def _position(self, at: int) -> tuple[int, int]:
        """The file's (line, column) of index ``at`` of the frontmatter, as the module's
        ``_position`` finds it, in logarithmic time."""
        line = bisect.bisect_left(self.breaks, at)  # the line breaks before it
        return line + self.first, at - (self.breaks[line - 1] if line else -1)

    def refuse(self, node: yaml.Node, message: str) -> _Refused:
        span = self.span(node)
        return _Refused(span.line, span.column, message)

    def build(self, node: yaml.Node, path: str) -> Any:
        node_id = id(node)
        again = node_id in self.built
        if not again:
            self.built.add(node_id)
        if again or self.expanding:
            self.aliased = True
            self.alias_budget -= 1
            if self.alias_budget < 0:
                # At the key whose value expands that far: the node itself is the
                # anchor's text, which may be harmless on its own.
                key = self.key_spans.get(path.split("/", 1)[0])
                span = key if key is not None else self.span(node)
                raise _Refused(
                    span.line,
                    span.column,
                    f"aliases expand to more than {ALIAS_BUDGET:,} values (a YAML alias bomb?);"
                    " frontmatter refused",
                )
        self.nodes += 1
        if self.nodes > NODE_LIMIT:
            raise self.refuse(node, f"frontmatter holds more than {NODE_LIMIT:,} values; refused")
        tag = node.tag
        if tag not in SAFE_TAGS:
            shown = tag.replace(_YAML, "!!", 1)
            raise self.refuse(node, f"tag `{shown}` is not allowed: only plain YAML data is")
        node_type = type(node)
        if node_type is self.scalar_node:
            return self.scalar(cast("yaml.ScalarNode", node), tag)
        if node_id in self.active:
            raise self.refuse(node, "recursive alias: a node contains itself")
        if len(self.active) >= DEPTH_LIMIT:
            raise self.refuse(node, f"lists and mappings nested deeper than {DEPTH_LIMIT} levels")
        self.active.add(node_id)
        self.expanding += again
        try:
            if node_type is self.sequence_node:
                return self.sequence(cast("yaml.SequenceNode", node), path)
            return self.mapping(cast("yaml.MappingNode", node), path)
        finally:
            self.active.discard(node_id)
            self.expanding -= again

    def sequence(self, node: yaml.SequenceNode, path: str) -> list[Any]:
        result: list[Any] = []
        key_spans, value_spans = self.key_spans, self.value_spans
        prefix = f"{path}/" if path else ""
        for index, item in enumerate(node.value):
            child = f"{prefix}{index}"
            span = self.span(item)
            if child not in key_spans:
                key_spans[child] = span
            if child not in value_spans:
                value_spans[child] = span
            result.append(self.build(item, child))
        return result

    def mapping(self, node: yaml.MappingNode, path: str) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[str, int] = {}  # by the key as text: `1` and `"1"` are one key
        key_spans, value_spans = self.key_spans, self.value_spans
        prefix = f"{path}/" if path else ""
        # Merged mappings (``<<: *base``) after the keys written here, wherever they
        # stand: a key written here wins, and so does its position.
        pairs = sorted(node.value, key=lambda pair: pair[0].tag == MERGE_TAG)
        for key_node, value_node in pairs:
            if key_node.tag == MERGE_TAG:
                merged = self.build(value_node, path)
                for item in merged if isinstance(merged, list) else [merged]:
                    if isinstance(item, dict):
                        for key, value in item.items():
                            result.setdefault(key, value)
                continue
            key = self.build(key_node, path)
            if isinstance(key, (list, dict)):
                raise self.refuse(key_node, "a mapping key must be a plain value")
            name = key if type(key) is str else str(key)
            child = prefix + name
            key_span = self.span(key_node)
            if name in first_seen:
                self.problems.append(
                    problem(
                        "GL005",
                        key_span.line,
                        key_span.column,
                        f"duplicate key `{name}`: first defined on line {first_seen[name]};"
                        " only the last value would be kept",
                        end_line=key_span.end_line,
                        end_column=key_span.end_column,
                    )
                )
            else:
                first_seen[name] = key_span.line
                if child not in key_spans:
                    key_spans[child] = key_span
                if child not in value_spans:
                    # A value written as an alias (``bonus_pct: *b``) has no text of its
                    # own here: its findings point at its key, not at the anchor.
                    reused = id(value_node) in self.built
                    value_spans[child] = key_span if reused else self.span(value_node)
            result[key] = self.build(value_node, child)
        return result

    def scalar(self, node: yaml.ScalarNode, tag: str) -> Any:
        value = node.value
        if self.expanding:
            self.char_budget -= len(value)
            if self.char_budget < 0:
                raise self.refuse(
                    node,
                    f"aliases expand to more than {ALIAS_CHARS:,} characters (a YAML alias"
                    " bomb?); frontmatter refused",
                )
        if tag == _STR:
            return value
        # The common plain scalars, read as PyYAML's constructors would.
        if (
            tag == _INT
            and value.isascii()
            and value.isdigit()
            and (value[0] != "0" or len(value) == 1)
            and len(value) <= FIGURE_DIGITS
        ):
            return int(value)
        if tag == _NULL:
            return None
        constructor = self.loader.yaml_constructors.get(tag)
        if constructor is None:
            return value
        try:
            built = constructor(self.loader, node)
        except Exception:  # PyYAML's constructors raise whatever a bad value trips
            # ``2026-02-30`` looks like a date and ``!!bool maybe`` asks for one
            # that cannot be: keep the text and let the schema report it.
            return value
        if type(built) in (int, float) and not _figure_sized(built):
            # A figure no guide needs; beyond it Decimal arithmetic fails.
            return value
        if type(built) is bytes:
            # ``!!binary``: text is what every field holds; keep what was written.
            return value
        return built


def _figure_sized(number: int | float) -> bool:
    return number != number or -FIGURE_LIMIT < number < FIGURE_LIMIT  # NaN is reported later


_new_span = tuple.__new__  # Span(...) without NamedTuple's keyword handling
_STR = _YAML + "str"
_INT = _YAML + "int"
_NULL = _YAML + "null"


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
