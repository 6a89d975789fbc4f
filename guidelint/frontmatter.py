"""The frontmatter's YAML, read safely into data that keeps every node's position.

PyYAML composes the node graph (with its C loader where present); the walk that
turns nodes into data is ours, so unsafe tags, alias bombs and runaway nesting are
refused before any work is done, duplicate keys are seen, and each key and value
keeps its line and column in the file.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from guidelint.diagnostics import Diagnostic, problem
from guidelint.limits import (
    ALIAS_BUDGET,
    ALIAS_CHARS,
    DEPTH_LIMIT,
    FIGURE_DIGITS,
    FIGURE_LIMIT,
    NODE_LIMIT,
)

if TYPE_CHECKING:
    import yaml

    from guidelint.document import Guide

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


def parse_frontmatter(guide: Guide, source: str) -> None:
    """Read the frontmatter ``source`` of ``guide`` into its data and the positions of
    its keys and values; a problem becomes a GL003, GL004 or GL006 finding."""
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
