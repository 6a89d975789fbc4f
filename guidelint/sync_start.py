"""Before sync fills figures: a frontmatter block to fill, and a check of the result.

A guide with no frontmatter, an empty one, or one that lacks fields its schema
requires gets them here (read by :mod:`guidelint.adopt` and, for the
compensation list, from the table); a flow-style block (``{company: x}``) is
rewritten in block style first.  :func:`invalid_result` is the last step of a
sync: what does not parse or does not pass the schema is not written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from guidelint.adopt import AdoptOptions, read_fields
from guidelint.diagnostics import Diagnostic, Fix, problem
from guidelint.document import BOM, Guide, decode, parse_guide

if TYPE_CHECKING:
    import yaml

    from guidelint.context import Context
    from guidelint.linter import Linter

DESCRIPTION = "write the fields the frontmatter lacks"


class Started(NamedTuple):
    """The bytes sync goes on from (None: refused), with what it found."""

    synced: bytes | None
    problems: list[Diagnostic]
    notes: list[str]
    unread: frozenset[str]  # fields reported as not read (left out under --partial)


def start_frontmatter(
    raw: bytes, display: str, ctx: Context, options: AdoptOptions, file_path: str | None
) -> Started:
    guide = parse_guide(raw, display)
    if not guide.readable:
        return Started(None, list(guide.problems), [], frozenset())
    bare = not guide.has_frontmatter
    if bare and (not guide.text.strip() or guide.lines[0].rstrip() == "---"):
        return Started(None, list(guide.problems), [], frozenset())  # empty or unterminated
    if guide.has_frontmatter and guide.data is None and not _empty(guide):
        return Started(None, list(guide.problems), [], frozenset())
    if isinstance(guide.data, dict) and _flow_root(guide):
        rewritten = _block_style(guide, raw)
        if isinstance(rewritten, Diagnostic):
            return Started(None, [rewritten], [], frozenset())
        raw = rewritten
        guide = parse_guide(raw, display)
        if guide.data is None:  # pragma: no cover - the rewrite is checked to parse
            return Started(None, list(guide.problems), [], frozenset())
    data: dict[str, Any] = guide.data or {}
    names = _missing(ctx, data)
    if not names:
        return Started(raw, [], [], frozenset())
    return _write(guide, raw, ctx, options, file_path, names, bare)


def _missing(ctx: Context, data: dict[str, Any]) -> list[str]:
    """The schema's required top-level fields the frontmatter lacks, in its order.

    A list field that is null or empty counts as lacking.
    """
    schema = ctx.schema.schema if ctx.schema else None
    if not isinstance(schema, dict):
        return []
    required = [name for name in schema.get("required") or () if isinstance(name, str)]
    return [name for name in required if name not in data or data[name] in (None, [])]


def _write(
    guide: Guide,
    raw: bytes,
    ctx: Context,
    options: AdoptOptions,
    file_path: str | None,
    names: list[str],
    bare: bool,
) -> Started:
    from guidelint.fixes import apply_fixes
    from guidelint.sync import compensation_text
    from guidelint.tablemapping import mapping_for

    mapping = mapping_for(ctx.schema.schema)
    list_name = mapping.list if mapping else None
    others = [n for n in names if n != list_name]
    adoption = read_fields(guide, others, options, file_path)
    problems = list(adoption.problems)
    blocks = dict(adoption.blocks)
    unread = set(adoption.unread)
    if list_name in names and mapping is not None:
        listed, found, notes = compensation_text(guide, ctx, mapping)
        problems.extend(found)
        adoption.notes.extend(notes)
        if listed is None:
            unread.add(list_name)
        else:
            blocks[list_name] = f"{list_name}:{listed}"
    not_read = frozenset(unread)
    if not_read and not options.partial:
        return Started(None, problems, adoption.notes, not_read)
    lines = [blocks[name] for name in names if name in blocks]
    text, bom = decode(raw)
    assert isinstance(text, str)
    newline = guide.newline
    if bare:
        block = "---\n" + "".join(line + "\n" for line in lines) + "---\n"
        out = (BOM if bom else "") + block.replace("\n", newline) + text
    else:
        result = apply_fixes(text, _fixes(guide, lines, list_name), newline)
        out = (BOM if bom else "") + result.text
    return Started(out.encode("utf-8"), problems, adoption.notes, not_read)


def _fixes(guide: Guide, lines: list[str], list_name: str | None) -> list[Fix]:
    """The new fields before the closing ``---``; a null or empty list replaced in place."""
    fixes: list[Fix] = []
    appended = []
    for block in lines:
        name = block.split(":", 1)[0]
        if name == list_name and guide.data and list_name in guide.data:
            key = guide.key_spans[list_name]
            value = guide.value_span(list_name)
            fixes.append(
                Fix(
                    key.end_line,
                    key.end_column,
                    value.end_line,
                    value.end_column,
                    block[len(name) :],
                    DESCRIPTION,
                )
            )
        else:
            appended.append(block + "\n")
    if appended:
        end = guide.frontmatter_end
        fixes.append(Fix(end, 1, end, 1, "".join(appended), DESCRIPTION))
    return fixes


def _empty(guide: Guide) -> bool:
    """A frontmatter block with nothing in it but blank lines and comments."""
    inner = guide.lines[guide.frontmatter_start : guide.frontmatter_end - 1]
    return all(not line.strip() or line.lstrip().startswith("#") for line in inner)


def _flow_root(guide: Guide) -> bool:
    for line in guide.lines[guide.frontmatter_start : guide.frontmatter_end - 1]:
        text = line.strip()
        if text and not text.startswith("#"):
            return text.startswith("{")
    return False


def _block_style(guide: Guide, raw: bytes) -> bytes | Diagnostic:
    """The frontmatter's flow mapping written in block style, or why not."""
    import yaml

    first = guide.frontmatter_start + 1
    inner = guide.lines[guide.frontmatter_start : guide.frontmatter_end - 1]
    source = "\n".join(inner) + "\n"
    node = yaml.compose(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if node is None:  # pragma: no cover - a mapping was read from it
        return problem("GL004", first, 1, "frontmatter is empty")
    comment = _comment_outside(source, node)
    if comment is not None:
        line = source.count("\n", 0, comment) + first
        column = comment - (source.rfind("\n", 0, comment) + 1) + 1
        message = (
            "flow-style frontmatter (`{key: value, ...}`) with comments: not rewritten;"
            " write it as `key: value` lines and run sync again"
        )
        return problem("GL003", line, column, message)
    _block_nodes(node)
    written = yaml.serialize(
        node, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, width=4096
    )
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the one that read the guide
    try:
        same = yaml.load(written, Loader=loader) == yaml.load(source, Loader=loader)
    except yaml.YAMLError:
        same = False
    if not same:
        return problem("GL003", first, 1, "flow-style frontmatter could not be rewritten as is")
    text, bom = decode(raw)
    assert isinstance(text, str)
    lines = text.split("\n")
    newline = guide.newline
    head = lines[: guide.frontmatter_start]
    tail = lines[guide.frontmatter_end - 1 :]
    body = written.rstrip("\n").split("\n")
    if newline != "\n":
        body = [line + "\r" for line in body]
    out = "\n".join(head + body + tail)
    return ((BOM if bom else "") + out).encode("utf-8")


def _block_nodes(node: yaml.Node) -> None:
    import yaml

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.MappingNode):
            item.flow_style = False
            for key, value in item.value:
                stack.extend((key, value))
        elif isinstance(item, yaml.SequenceNode):
            item.flow_style = False
            stack.extend(item.value)


def _comment_outside(source: str, node: yaml.Node) -> int | None:
    """Where a ``#`` comment starts outside every scalar of ``node``, or None."""
    import yaml

    spans = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.ScalarNode):
            spans.append((item.start_mark.index, item.end_mark.index))
        elif isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                stack.extend((key, value))
        elif isinstance(item, yaml.SequenceNode):
            stack.extend(item.value)
    index = source.find("#")
    while index >= 0:
        inside = any(start <= index < end for start, end in spans)
        if not inside and (index == 0 or source[index - 1] in " \t\n"):
            return index
        index = source.find("#", index + 1)
    return None


def invalid_result(
    before: bytes, after: bytes, display: str, linter: Linter, unread: frozenset[str]
) -> list[Diagnostic]:
    """Why the synced bytes must not be written: parse errors and schema findings
    that the file did not have before sync (an old finding is not sync's to settle).

    Under ``--partial`` the fields reported as not read may be missing.
    """
    from collections import Counter

    from guidelint.linter import Linter as _Linter
    from guidelint.selection import Selection

    checker = _Linter(linter.settings, linter.today, Selection(("GL0", "GL1"), ()))
    old = Counter((d.code, d.message) for d in checker.lint_bytes(before, display).diagnostics)
    refused = []
    for d in checker.lint_bytes(after, display).diagnostics:
        if old[(d.code, d.message)] > 0:
            old[(d.code, d.message)] -= 1
        elif not (d.code == "GL101" and any(f"`{name}`" in d.message for name in unread)):
            refused.append(d._replace(message=f"not written: {d.message}"))
    return refused
