"""GL6xx: what a guide must contain, whatever its figures say.

The sections a guide type needs come from its schema's
``x-guidelint-sections`` annotation, a list such as::

    [{"name": "Level Mapping"},
     {"name": "Evidence & Sources", "spellings": ["Evidence & Sources", "Sources"]},
     {"name": "title line", "spellings": ["Negotiation Guide"], "labels": false},
     {"name": "compensation table", "table": true}]

A section is present when a heading, or a bold label opening a paragraph
(``**Level Mapping:**``, also inside a blockquote), contains one of its
spellings as whole words.  Case, numbering (``2.``), emphasis, emoji and a
trailing colon do not matter, and ``and`` reads as ``&``.  ``labels: false``
accepts headings only; ``table: true`` means the table the table reader
finds (:func:`guidelint.tables.compensation_table`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from guidelint import patterns
from guidelint.context import Context
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import Guide
from guidelint.headings import heading_key
from guidelint.registry import check, rule

SECTIONS_OPTION = "schema (the guide schema's `x-guidelint-sections` annotation)"

rule(
    "GL601",
    "missing-section",
    "warning",
    "a section the guide's type requires is missing",
    what="""
        The guide's schema lists the sections its type must have (the
        `x-guidelint-sections` annotation) and one of them is nowhere in the
        body. A section counts as present when a heading, or a bold label
        that opens a paragraph (`**Negotiation DNA:**`, also in a
        blockquote), contains one of its spellings as whole words, ignoring
        case, numbering, emphasis, emoji and a trailing colon; `and` reads as
        `&`. The compensation table counts when the table reader finds it.
        Each missing section is one finding at line 1, column 1 of the body
        (the line after the frontmatter's closing `---`).

        The built-in `guide` schema requires the title line (a heading
        containing `Negotiation Guide`, such as
        `### Software Engineer | Adyen Global Negotiation Guide`),
        `Negotiation DNA`, the compensation table, `Level Mapping`,
        `Evidence & Sources` (or `Sources`, `References`) and
        `Negotiate Up Strategy`. `partial-guide` requires the title line, the
        table and the sources; `role-guide` a title containing `Salary Guide`
        or `Negotiation Guide`, the level table and the sources.

        The rule is off by default, because the sections are a house style
        rather than a fact that can be wrong: select it by its full code
        (`select = ["GL", "GL601"]`, or `--select GL,GL601`).
        """,
    why="""
        Readers jump between guides by their sections; a guide without its
        level mapping or its sources leaves them without what every other
        guide of its type gives, and usually means a part was lost in an edit.
        """,
    example="""
        ```markdown
        ---
        ...
        ---
        ### Software Engineer | Adyen Global Negotiation Guide

        **Negotiation DNA:** ...

        | Region | Base Salary | ... |

        > **Negotiate Up Strategy:** ...

        **Evidence & Sources:**   <!-- no Level Mapping anywhere -->
        ```
        """,
    fix="""
        Add the section under one of its spellings (`**Level Mapping:**` and
        `#### Level Mapping` both count), or give the guide a schema whose
        type does not need it.
        """,
    options=(SECTIONS_OPTION,),
    opt_in=True,
)
rule(
    "GL602",
    "too-few-regions",
    "warning",
    "the guide gives pay for fewer regions than configured",
    what="""
        The compensation list (the schema's `x-guidelint-table` list) names
        fewer distinct regions than `min-regions`. Regions are compared by
        name, ignoring case and spacing. The default, 0, turns the rule off.
        The diagnostic points at the list's key.
        """,
    why="""
        A guide set that promises global coverage loses its point when a
        guide quotes one city; the setting makes the promise checkable.
        """,
    example="""
        ```yaml
        # min-regions = 3
        compensation:        # only San Francisco and London
          - region: San Francisco
          - region: London
        ```
        """,
    fix="Add entries (and table rows) for the missing regions, or lower `min-regions`.",
    options=("min-regions",),
)


# -- section names ---------------------------------------------------------------

_LABEL = patterns.compile(r"^[ \t]{0,3}(?:>[ \t]?)*[ \t]*(\*\*|__)(?P<text>[^\n]{1,120}?)\1")


def _spelled(spelling: str) -> re.Pattern[str] | None:
    """A search for ``spelling``'s key as whole words in a key; None for an empty key."""
    wanted = heading_key(spelling)
    return re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)") if wanted else None


def contains(name: str, spelling: str) -> bool:
    """Whether ``spelling``'s key occurs in ``name``'s key as whole words."""
    pattern = _spelled(spelling)
    return pattern is not None and pattern.search(heading_key(name)) is not None


def headings_and_labels(guide: Guide) -> tuple[list[str], list[str]]:
    """The body's heading texts, and the bold labels that open its paragraphs."""
    headings: list[str] = []
    labels: list[str] = []
    lines = guide.lines
    for block in guide.blocks:
        if block.kind == "heading":
            headings.append(block.text)
        elif block.kind == "paragraph" and 0 < block.line <= len(lines):
            found = _LABEL.match(lines[block.line - 1])
            if found:
                labels.append(found.group("text"))
    return headings, labels


class Section:
    """One entry of ``x-guidelint-sections``."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.name = str(spec.get("name", "")).strip()
        spellings = spec.get("spellings")
        self.spellings = (
            tuple(s for s in spellings if isinstance(s, str) and s.strip())
            if isinstance(spellings, list)
            else (self.name,)
        )
        self.labels = spec.get("labels", True) is not False
        self.table = spec.get("table") is True
        self._patterns = [p for p in map(_spelled, self.spellings) if p is not None]

    def found_in(self, headings: list[str], labels: list[str]) -> bool:
        """Whether a heading's or label's key (see :func:`~guidelint.headings.heading_key`) contains a spelling."""
        keys = headings + labels if self.labels else headings
        return any(pattern.search(key) for key in keys for pattern in self._patterns)


def sections(ctx: Context) -> list[Section]:
    declared = ctx.schema.schema.get("x-guidelint-sections")
    items = declared if isinstance(declared, list) else []
    return [Section(item) for item in items if isinstance(item, dict) and item.get("name")]


@check("GL601")
def check_sections(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    required = sections(ctx)
    if not required:
        return
    headings, labels = (
        [heading_key(text) for text in texts] for texts in headings_and_labels(guide)
    )
    line = guide.body_line(0)
    for section in required:
        if section.table:
            from guidelint.tables import compensation_table

            if compensation_table(guide, ctx) is None:
                yield problem(
                    "GL601",
                    line,
                    1,
                    f"the guide has no {section.name}: no table shows the compensation columns",
                )
        elif not section.found_in(headings, labels):
            where = "heading" if not section.labels else "heading or bold label"
            shown = ", ".join(f"`{s}`" for s in section.spellings)
            yield problem(
                "GL601",
                line,
                1,
                f"the guide has no `{section.name}` section: no {where} contains {shown}",
            )


@check("GL602")
def check_regions(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    least = ctx.settings.min_regions
    table = ctx.schema.table or {}
    name = table.get("list")
    region_field = (ctx.schema.consistency or {}).get("region")
    if least <= 0 or not isinstance(name, str) or not isinstance(region_field, str):
        return
    listed = guide.data.get(name) if isinstance(guide.data, dict) else None
    if not isinstance(listed, list):
        return  # a missing or mistyped list is the schema rules' business
    regions = {
        " ".join(item[region_field].casefold().split())
        for item in listed
        if isinstance(item, dict) and isinstance(item.get(region_field), str)
    }
    regions.discard("")
    if len(regions) < least:
        line, column = guide.key_position(name)
        count = len(regions)
        yield problem(
            "GL602",
            line,
            column,
            f"`{name}` names {count} region{'' if count == 1 else 's'};"
            f" expected at least {least} (min-regions)",
        )
