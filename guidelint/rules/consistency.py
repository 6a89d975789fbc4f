"""GL2xx: the frontmatter against itself.

Which fields form ranges and which must be at least which come from the guide
schema's ``x-guidelint-consistency`` annotation::

    {"list": "compensation", "region": "region", "currency": "currency",
     "ranges": [["base_low", "base_high"]],
     "at_least": [["total_comp_low", "base_low"]]}

``list`` and ``currency`` default to those of ``x-guidelint-table``.  An
optional ``totals`` mapping names the fields a total is made of (see GL205).
Fields that are missing, null or of the wrong type are skipped: the schema
rules report the wrong ones, and null means the figure is not known.  GL205
lives in :mod:`guidelint.rules.totals`, imported at the end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from guidelint.context import Context
from guidelint.currencies import currency_code, currency_symbols
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import Guide
from guidelint.money import show, to_decimal
from guidelint.places import region_currency
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
        `London, UK` are also looked up by their parts. A suffix naming a US
        state or Canadian province code, a country or a province decides
        first: `Portland, ME` and `Cambridge, MA` pay in USD, `Perth, Scotland`
        in GBP, `London, Ontario` in CAD. Unknown regions are not reported.

        With `region-currency = "stated"` (the default), a region that the
        table shows in the entry's stated currency too (a Singapore row in `$`
        with `currency: USD`, as a US company may pay there) is accepted:
        table and frontmatter agree, and the choice is the guide's. With
        `"local"`, every region not in its local currency is reported. The
        message names the currency compared and what the table shows.

        It is the one finding of its region: the region's GL304, GL206 and
        GL307 findings and the GL306 figures the currency kept from being
        filled, which follow from the wrong currency, are folded into it (its message says how many; the JSON report's `related`,
        SARIF's `relatedLocations` and `--show-cascade` list them).
        """,
    why="A London range in dollars reads as a different salary by the whole exchange rate.",
    example="""
        ```yaml
        - region: London
          currency: USD
        ```
        with the table's London row in `£`, or with `region-currency = "local"`.
        """,
    fix="Set the currency paid in the region, converting the figures if they were in another currency.",
    options=(
        ANNOTATION_OPTION,
        'regions (extra region -> ISO code entries, e.g. `{"Remote (EU)" = "EUR"}`)',
        'region-currency (`"stated"`, the default, accepts a region the table shows in its'
        ' stated currency too; `"local"` reports every region not in its local currency)',
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


def annotation(ctx: Context) -> dict[str, Any]:
    consistency = ctx.schema.schema.get("x-guidelint-consistency")
    table = ctx.schema.schema.get("x-guidelint-table")
    merged: dict[str, Any] = {}
    if isinstance(table, dict):
        merged["list"] = table.get("list")
        merged["currency"] = table.get("currency")
    if isinstance(consistency, dict):
        merged.update({k: v for k, v in consistency.items() if v is not None})
    return merged


def pairs(value: Any) -> list[tuple[str, str]]:
    pairs = []
    for pair in value if isinstance(value, list) else ():
        if isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair):
            pairs.append((pair[0], pair[1]))
    return pairs


def entries(guide: Guide, note: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
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
    note = annotation(ctx)
    ranges, at_least = pairs(note.get("ranges")), pairs(note.get("at_least"))
    for path, item in entries(guide, note):
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
    note = annotation(ctx)
    region_field, currency_field = note.get("region"), note.get("currency")
    if not isinstance(region_field, str):
        return
    # A region repeated is a duplicate only where the region names the row; in a
    # guide keyed by level, every level may sit in the same region.
    key_field = ((ctx.schema.table or {}).get("key") or {}).get("field", region_field)
    unique = key_field == region_field
    seen: dict[str, int] = {}
    for path, item in entries(guide, note):
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
        # `$` and `usd` are misspelt USD (the schema says so once), not another currency.
        stated = currency_code(currency, currency_symbols(ctx.settings.currency_symbols))
        if expected and expected != stated:
            shown = shown_currencies(guide, ctx, region)
            if ctx.settings.region_currency == "stated" and shown == {stated}:
                continue  # shown in the stated currency in the table too: the guide's choice
            table = f"; the table shows it in {', '.join(sorted(shown))}" if shown else ""
            line, column = guide.value_position(f"{path}/{currency_field}")
            yield problem(
                "GL203",
                line,
                column,
                f"{currency_field} is {currency} but `{region}` pays in {expected}{table}",
            )


def shown_currencies(guide: Guide, ctx: Context, region: str) -> frozenset[str]:
    """The currencies the compensation table's row for ``region`` is written in."""
    from guidelint.tablecompare import compare

    comparison = compare(guide, ctx)
    if comparison is None:
        return frozenset()
    return comparison.row_currencies.get(comparison.key(region), frozenset())


# -- GL206 ------------------------------------------------------------------------

PLAUSIBLE_KINDS = {
    "base": "base salary",
    "total": "total compensation",
    "parts": "stock, bonus or signing figure",
}

rule(
    "GL206",
    "implausible-figure",
    "warning",
    "a figure is outside the plausible band for its currency",
    what="""
        A frontmatter figure lies outside the band that pay in the entry's
        currency plausibly falls in. Bands are set per currency for base
        salary, total compensation, and the parts (stock, bonus and signing
        bonus amounts; a part of 0 means none and is not reported). The
        built-in bands cover USD, EUR, GBP, CHF, INR, AUD, CAD, SGD, HKD, CNY,
        JPY and ILS; a USD base must lie between 15,000 and 1,000,000, an INR
        base between 500,000 and 60,000,000, a JPY base between 2,000,000 and
        100,000,000 (`guidelint/data/currencies.json` lists them all). Other
        currencies are not checked unless bands are configured. The message
        names the bound that was crossed.
        """,
    why="""
        Such a figure is almost always a unit or currency slip: thousands
        written as units (`base_low: 195` for 195,000), or an entry labelled
        with the wrong currency (rupee figures under USD, dollar figures under
        JPY). Readers and tools take the number at face value.
        """,
    example="""
        ```yaml
        - region: San Francisco
          base_low: 195        # below 15000, the lowest plausible USD base
          currency: USD
        - region: Bangalore
          base_low: 3200000    # above 1000000: rupees labelled USD
          currency: USD
        ```
        """,
    fix="""
        Write the figure in whole currency units, or correct the entry's
        currency. Where a guide set really pays outside a band (executive
        packages), widen it with the `plausible-ranges` setting.
        """,
    options=(
        "plausible-ranges (per currency, `base`, `total` and `parts` bands such as"
        " `{USD = {base = [20000, 1500000]}}`, replacing the built-in band of that kind)",
        "schema (the guide schema's `x-guidelint-plausible` annotation maps fields to"
        " kinds and may set bands, which the configuration overrides)",
    ),
)


def plausible_bands(ctx: Context) -> Mapping[str, Mapping[str, tuple[Decimal, Decimal]]]:
    """Built-in bands, then the schema's, then the configuration's, kind by kind.

    Built once per run for each configuration: the bands are a function of the
    schema's and the configuration's values, which key the cache as JSON text.
    """
    note = ctx.schema.schema.get("x-guidelint-plausible")
    layers = (
        note.get("ranges", {}) if isinstance(note, dict) else {},
        ctx.settings.plausible_ranges,
    )
    try:
        key = json.dumps(layers, default=_as_dict)
    except (TypeError, ValueError):  # a value JSON cannot hold exactly: no caching
        return _bands(layers)
    return _bands_of(key)


def _as_dict(value: Any) -> dict[Any, Any]:
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(type(value).__name__)


@lru_cache(maxsize=16)
def _bands_of(key: str) -> Mapping[str, Mapping[str, tuple[Decimal, Decimal]]]:
    return MappingProxyType(_bands(json.loads(key)))


def _bands(layers: Iterable[Any]) -> dict[str, dict[str, tuple[Decimal, Decimal]]]:
    from guidelint.resources import data_file

    bands: dict[str, dict[str, tuple[Decimal, Decimal]]] = {}
    for layer in (data_file("currencies.json").get("plausible_ranges", {}), *layers):
        for currency, kinds in layer.items() if isinstance(layer, Mapping) else ():
            for kind, pair in kinds.items() if isinstance(kinds, Mapping) else ():
                low, high = (to_decimal(v) for v in pair) if len(pair) == 2 else (None, None)
                if low is not None and high is not None:
                    bands.setdefault(str(currency).upper(), {})[kind] = (low, high)
    return bands


@check("GL206")
def check_plausible(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    plausible = ctx.schema.schema.get("x-guidelint-plausible")
    fields = plausible.get("fields") if isinstance(plausible, dict) else None
    note = annotation(ctx)
    currency_field = note.get("currency")
    if not isinstance(fields, dict) or not isinstance(currency_field, str):
        return
    bands = plausible_bands(ctx)
    for path, item in entries(guide, note):
        currency = item.get(currency_field)
        band = bands.get(currency.strip().upper()) if isinstance(currency, str) else None
        if not band or not isinstance(currency, str):
            continue
        for kind, names in fields.items():
            if kind not in band or not isinstance(names, list):
                continue
            low, high = band[kind]
            for name in names:
                value = to_decimal(item.get(name)) if isinstance(name, str) else None
                if value is None or (value == 0 and kind == "parts"):
                    continue
                if low <= value <= high:
                    continue
                side, bound = ("below", low) if value < low else ("above", high)
                word = "lowest" if value < low else "highest"
                line, column = guide.value_position(f"{path}/{name}")
                yield problem(
                    "GL206",
                    line,
                    column,
                    f"{name} {show(item[name])} is {side} {show(bound)}, the {word} plausible"
                    f" {PLAUSIBLE_KINDS.get(kind, kind)} in {currency.strip().upper()}"
                    f" (plausible-ranges)",
                )


# Findings that make an entry's figures doubtful: --fix copies none of them into the table.
DOUBTING = ("GL201", "GL202", "GL205", "GL206")


def doubtful_entries(guide: Guide, ctx: Context) -> dict[str, tuple[str, ...]]:
    """Entry path -> the consistency codes its figures have (GL201, GL202, GL205, GL206)."""

    def lines(found: Iterable[Diagnostic]) -> list[tuple[str, int]]:
        """Each finding's code and line, and the lines of the entries it folds in."""
        return [
            (d.code, at)
            for d in found
            if d.code in DOUBTING
            for at in (d.line, *(r.line for r in d.related))
        ]

    # A total is doubtful only when neither the frontmatter's figures nor the table's
    # (a bonus range the frontmatter lacks, or a damaged cell) make it add up.
    unexplained = set(lines(ctx.totals(guide, table_figures=False)))
    unexplained &= set(lines(ctx.totals(guide, table_figures=True)))
    found = lines([*check_ranges(guide, ctx), *check_plausible(guide, ctx)]) + sorted(unexplained)
    if not found:
        return {}
    doubtful = {}
    for path, _ in entries(guide, annotation(ctx)):
        span = guide.value_span(path)
        codes = sorted({code for code, line in found if span.line <= line <= span.end_line})
        if codes:
            doubtful[path] = tuple(codes)
    return doubtful


from guidelint.rules import totals  # noqa: E402, F401  (GL205; it reads the helpers above)
