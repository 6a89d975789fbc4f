"""The schema's ``x-guidelint-table`` annotation: which table shows which frontmatter.

It says which frontmatter list the table shows, which column holds each
item's key and which columns show which fields::

    {"list": "compensation", "key": {"column": "Region", "field": "region"},
     "currency": "currency",
     "columns": [{"header": "Base Salary", "kind": "money",
                  "low": "base_low", "high": "base_high", "aliases": ["Base"]}]}

Headers match case-insensitively and tolerate suffixes (``Stock (RSU/4yr)``
matches ``Stock``).  A column may be ``optional`` (a table without it is
fine), and a percentage column may name ``amount`` fields for cells written as
amounts (``bonus_pct`` or ``bonus_low``/``bonus_high``).

``layouts`` says which table shapes the guide type accepts besides one row
per entry: ``components`` (one column per entry under a header such as
``Component | London (GBP) | ...``, one row per mapped column) and ``levels``
(one row per level, one column per entry, every cell showing the column named
by ``shows``; the entry's figures are the range those cells span).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple


class ColumnSpec(NamedTuple):
    """One mapped column: its header and the frontmatter fields it shows."""

    header: str
    kind: str = "money"  # "money" or "percent"
    low: str | None = None
    high: str | None = None
    aliases: tuple[str, ...] = ()
    optional: bool = False
    amount_low: str | None = None  # a percentage column's fields for amounts
    amount_high: str | None = None

    def as_amount(self) -> ColumnSpec:
        """The same column read as an amount (a bonus written as ``$20K-$35K``)."""
        return ColumnSpec(self.header, "money", self.amount_low, self.amount_high, self.aliases)

    @property
    def takes_amounts(self) -> bool:
        return self.percent and bool(self.amount_low or self.amount_high)

    @property
    def label(self) -> str:
        return " ".join(self.header.lower().split())

    @property
    def percent(self) -> bool:
        return self.kind == "percent"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.header, *self.aliases)


class TableMapping(NamedTuple):
    """The schema's ``x-guidelint-table`` annotation, checked and typed."""

    list: str
    key_column: str
    key_field: str
    currency: str | None
    columns: tuple[ColumnSpec, ...]
    key_aliases: tuple[str, ...] = ()
    required: frozenset[str] = frozenset()
    component_headers: tuple[str, ...] = ()  # first headers of a `components` table
    level_headers: tuple[str, ...] = ()  # first headers of a `levels` table
    level_shows: str | None = None  # the column every cell of a `levels` table shows

    @property
    def fields(self) -> tuple[str, ...]:
        names = [self.key_field]
        for spec in self.columns:
            names.extend(
                name for name in (spec.low, spec.high, spec.amount_low, spec.amount_high) if name
            )
        if self.currency:
            names.append(self.currency)
        return tuple(names)


def mapping_for(schema: Mapping[str, Any] | None) -> TableMapping | None:
    """The table mapping of a schema, or None when it has no usable annotation."""
    if not isinstance(schema, Mapping):
        return None
    note = schema.get("x-guidelint-table")
    if not isinstance(note, Mapping):
        return None
    key = note.get("key")
    if not isinstance(note.get("list"), str) or not isinstance(key, Mapping):
        return None
    if not isinstance(key.get("column"), str) or not isinstance(key.get("field"), str):
        return None
    columns = []
    for item in note.get("columns") or ():
        if not isinstance(item, Mapping) or not isinstance(item.get("header"), str):
            continue
        amount = _mapping(item.get("amount"))
        columns.append(
            ColumnSpec(
                header=item["header"],
                kind="percent" if item.get("kind") == "percent" else "money",
                low=_text(item.get("low")),
                high=_text(item.get("high")),
                aliases=_texts(item.get("aliases")),
                optional=item.get("optional") is True,
                amount_low=_text(amount.get("low")),
                amount_high=_text(amount.get("high")),
            )
        )
    layouts = _mapping(note.get("layouts"))
    components = _mapping(layouts.get("components"))
    levels = _mapping(layouts.get("levels"))
    currency = note.get("currency")
    return TableMapping(
        list=note["list"],
        key_column=key["column"],
        key_field=key["field"],
        currency=currency if isinstance(currency, str) else None,
        columns=tuple(columns),
        key_aliases=_texts(key.get("aliases")),
        required=_required(schema, note["list"]),
        component_headers=_texts(components.get("headers")),
        level_headers=_texts(levels.get("headers")),
        level_shows=_text(levels.get("shows")),
    )


def _mapping(value: object) -> Mapping[str, Any]:
    """``value`` when the schema annotation holds a mapping there, else an empty one."""
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _resolve(schema: Mapping[str, Any], node: Any) -> Any:
    """Follow local ``$ref``s (``#/$defs/x``) a few levels; enough for item schemas."""
    for _ in range(8):
        if not isinstance(node, Mapping) or not isinstance(node.get("$ref"), str):
            return node
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return node
        target: Any = schema
        for part in ref[2:].split("/"):
            target = target.get(part) if isinstance(target, Mapping) else None
        node = target
    return node


def _required(schema: Mapping[str, Any], name: str) -> frozenset[str]:
    prop = _resolve(schema, (schema.get("properties") or {}).get(name))
    items = _resolve(schema, prop.get("items")) if isinstance(prop, Mapping) else None
    required = items.get("required") if isinstance(items, Mapping) else None
    return frozenset(r for r in required or () if isinstance(r, str))
