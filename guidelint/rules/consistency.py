"""GL2xx: the frontmatter against itself.

Which fields form ranges and which must be at least which come from the guide
schema's ``x-guidelint-consistency`` annotation::

    {"list": "compensation", "region": "region", "currency": "currency",
     "ranges": [["base_low", "base_high"]],
     "at_least": [["total_comp_low", "base_low"]]}

``list`` and ``currency`` default to those of ``x-guidelint-table``.  Fields
that are missing or of the wrong type are skipped: the schema rules report them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from guidelint.context import Context
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import Guide
from guidelint.money import region_currency, show, to_decimal
from guidelint.registry import check, rule

ANNOTATION_OPTION = "schema (the guide schema's `x-guidelint-consistency` annotation)"

rule(
    "GL201",
    "inverted-range",
    "error",
    "a range's low end is above its high end",
    what="""
        A `_low` field is above its `_high` partner (`base_low` above
        `base_high`, `bonus_pct` above `bonus_pct_high`). The pairs come from
        the schema. The diagnostic points at the low value.
        """,
    why="An inverted range is always a typo, and every table and comparison built from it is wrong.",
    example="""
        ```yaml
        base_low: 255000
        base_high: 195000
        ```
        """,
    fix="Swap the two values, or correct the one that was mistyped.",
    options=(ANNOTATION_OPTION,),
)
rule(
    "GL202",
    "total-below-base",
    "error",
    "total compensation is below base salary",
    what="""
        `total_comp_low` is below `base_low`, or `total_comp_high` below
        `base_high` (the pairs come from the schema's `at_least` list). Total
        compensation includes base, so it can never be lower.
        """,
    why="It means one of the figures is wrong, usually a missing digit or a stale total.",
    example="""
        ```yaml
        base_low: 195000
        total_comp_low: 170000
        ```
        """,
    fix="Recompute the total from base, stock and bonus, or correct the base.",
    options=(ANNOTATION_OPTION,),
)
rule(
    "GL203",
    "region-currency-mismatch",
    "error",
    "a region's currency is not the one paid there",
    what="""
        The region is known to pay in one currency and the entry's `currency`
        says another (London with USD). Regions come from a built-in table of
        major hiring hubs, including "Remote (US)"-style entries; names such as
        `London, UK` are also looked up by their parts. Unknown regions are not
        reported.
        """,
    why="A London range in dollars reads as a different salary by the whole exchange rate.",
    example="""
        ```yaml
        - region: London
          currency: USD
        ```
        """,
    fix="Set the currency paid in the region, converting the figures if they were in another currency.",
    options=(
        ANNOTATION_OPTION,
        'regions (extra region -> ISO code entries, e.g. `{"Remote (EU)" = "EUR"}`)',
    ),
)
rule(
    "GL204",
    "duplicate-region",
    "error",
    "the same region appears twice",
    what="""
        Two entries of the list name the same region (case-insensitive, with
        whitespace normalised). The diagnostic points at the second one. It
        applies where the region is the table's row key; in a guide keyed by
        something else (levels of a role guide) regions may repeat.
        """,
    why="Readers and tools cannot tell which of the two sets of figures is right.",
    example="""
        ```yaml
        - region: London
          base_low: 148000
        - region: london
          base_low: 150000
        ```
        """,
    fix="Merge the two entries into one, or rename one if they are different places.",
    options=(ANNOTATION_OPTION,),
)


def _annotation(ctx: Context) -> dict[str, Any]:
    consistency = ctx.schema.schema.get("x-guidelint-consistency")
    table = ctx.schema.schema.get("x-guidelint-table")
    merged: dict[str, Any] = {}
    if isinstance(table, dict):
        merged["list"] = table.get("list")
        merged["currency"] = table.get("currency")
    if isinstance(consistency, dict):
        merged.update({k: v for k, v in consistency.items() if v is not None})
    return merged


def _pairs(value: Any) -> list[tuple[str, str]]:
    pairs = []
    for pair in value if isinstance(value, list) else ():
        if isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair):
            pairs.append((pair[0], pair[1]))
    return pairs


def _entries(guide: Guide, note: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, item) for each mapping in the annotated list."""
    name = note.get("list")
    listed = (guide.data or {}).get(name) if isinstance(name, str) else None
    if not isinstance(listed, list):
        return
    for index, item in enumerate(listed):
        if isinstance(item, dict):
            yield f"{name}/{index}", item


@check("GL201", "GL202")
def check_ranges(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    note = _annotation(ctx)
    ranges, at_least = _pairs(note.get("ranges")), _pairs(note.get("at_least"))
    for path, item in _entries(guide, note):
        for low, high in ranges:
            a, b = to_decimal(item.get(low)), to_decimal(item.get(high))
            if a is not None and b is not None and a > b:
                line, column = guide.value_position(f"{path}/{low}")
                yield problem(
                    "GL201",
                    line,
                    column,
                    f"{low} {show(item[low])} is above {high} {show(item[high])}",
                )
        for total, part in at_least:
            a, b = to_decimal(item.get(total)), to_decimal(item.get(part))
            if a is not None and b is not None and a < b:
                line, column = guide.value_position(f"{path}/{total}")
                yield problem(
                    "GL202",
                    line,
                    column,
                    f"{total} {show(item[total])} is below {part} {show(item[part])}",
                )


@check("GL203", "GL204")
def check_regions(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    note = _annotation(ctx)
    region_field, currency_field = note.get("region"), note.get("currency")
    if not isinstance(region_field, str):
        return
    # A region repeated is a duplicate only where the region names the row; in a
    # guide keyed by level, every level may sit in the same region.
    key_field = ((ctx.schema.table or {}).get("key") or {}).get("field", region_field)
    unique = key_field == region_field
    seen: dict[str, int] = {}
    for path, item in _entries(guide, note):
        region = item.get(region_field)
        if not isinstance(region, str) or not region.strip():
            continue
        key = " ".join(region.casefold().split())
        if unique and key in seen:
            line, column = guide.value_position(f"{path}/{region_field}")
            yield problem(
                "GL204",
                line,
                column,
                f"region `{region}` appears twice: first on line {seen[key]}",
            )
        else:
            seen[key] = guide.value_position(f"{path}/{region_field}")[0]
        currency = item.get(currency_field) if isinstance(currency_field, str) else None
        if not isinstance(currency, str):
            continue
        expected = region_currency(region, ctx.settings.regions)
        if expected and expected != currency.strip().upper():
            line, column = guide.value_position(f"{path}/{currency_field}")
            yield problem(
                "GL203",
                line,
                column,
                f"{currency_field} is {currency} but `{region}` pays in {expected}",
            )
