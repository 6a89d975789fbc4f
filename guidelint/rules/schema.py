"""GL1xx: the frontmatter against the guide's JSON Schema."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from guidelint.context import Context
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import Guide, jsonable
from guidelint.frontmatter import Span
from guidelint.registry import check, rule

rule(
    "GL101",
    "missing-field",
    "error",
    "a field the schema requires is absent",
    what="A field that the guide's schema lists as required is missing. The diagnostic points at the mapping that lacks it, or at the first frontmatter line for top-level fields.",
    why="Missing data breaks the site, comparisons and every rule that reads the field.",
    example="""
        ```yaml
        compensation:
          - region: London
            base_low: 148000   # base_high, stock_low, ... are missing
        ```
        """,
    fix="Add the field with its value.",
)
rule(
    "GL102",
    "wrong-type",
    "error",
    "a field holds the wrong kind of value",
    what="""
        A value has the wrong type for its field. YAML 1.1 coercions are
        explained: unquoted `yes`/`no`/`on`/`off` become booleans, `175K` stays
        a string where a number is required, and an unquoted date becomes a date.
        """,
    why="A figure written as text cannot be compared, summed or shown consistently.",
    example="""
        ```yaml
        base_low: 175K
        ```
        """,
    fix="Write whole numbers without units (`175000`), and quote text that YAML would otherwise convert.",
)
rule(
    "GL103",
    "invalid-value",
    "error",
    "a value is outside what the schema allows",
    what="""
        A value fails an enum, pattern, format or bound of the schema; the
        message lists what is allowed. Fields that exclude each other are
        reported here too: an entry that gives its bonus both as `bonus_pct`
        and as `bonus_low`/`bonus_high` is reported at the later of the two.
        """,
    why="Values outside the allowed set break filters and comparisons, and usually mean a typo.",
    example="""
        ```yaml
        data_quality: excellent
        next_review_due: "23 Feb 2026"
        ```
        """,
    fix="Use one of the listed values, or the expected spelling (`2026-02-23`); of two fields that exclude each other, keep the one the source states.",
)
rule(
    "GL104",
    "unknown-field",
    "error",
    "a field the schema does not define",
    what="A key that the schema does not allow at that place, with a suggestion when a known key is close.",
    why="A misspelled key (`stock_hgih`) silently drops the value it was meant to hold.",
    example="""
        ```yaml
        - region: London
          stock_hgih: 236000
        ```
        """,
    fix="Correct the key's spelling, or remove it.",
)
rule(
    "GL105",
    "pasted-table-row",
    "error",
    "a text field holds a Markdown table row",
    what="""
        A field meant to hold text, such as `level_mapping.raw`, holds a line
        of a Markdown table (it starts and ends with `|`): usually the table's
        header row, copied when the frontmatter was generated from the body.
        Which fields are checked comes from the schema: a subschema with
        `"x-guidelint-rule": "GL105"` and a `not` that matches table rows.
        """,
    why="""
        A header row names the columns, not the mapping: readers and tools that
        show the level comparison get a row of company names and no levels.
        """,
    example="""
        ```yaml
        level_mapping:
          internal: null
          raw: "| Adyen | Google | Meta | Stripe |"
        ```
        """,
    fix="""
        Write the mapping the table holds as text (`raw: "L3-L4 at Google,
        E3-E4 at Meta"`), or as peer-company keys (`google: L3-L4`), or remove
        `raw` when the body's table is the only source.
        """,
    options=("schema (a subschema's `x-guidelint-rule` annotation names the fields checked)",),
)

# What a value that matches a ``not`` subschema is, by the rule the schema names.
NOT_FOUND = {"GL105": "a Markdown table row"}


@check("GL101", "GL102", "GL103", "GL104", "GL105")
def check_schema(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    assert guide.data is not None
    yield from diagnostics(guide, ctx.schema.iter_errors(jsonable(guide.data)))


def diagnostics(guide: Guide, errors: Iterable[Any]) -> Iterator[Diagnostic]:
    """The GL1xx findings of ``errors``, each (code, place, message) once."""
    seen: set[tuple[str, str]] = set()
    for error in errors:
        for diagnostic in _translate(error, guide):
            key = (diagnostic.code, f"{diagnostic.line}:{diagnostic.column}:{diagnostic.message}")
            if key not in seen:
                seen.add(key)
                yield diagnostic


def _translate(error: Any, guide: Guide) -> Iterator[Diagnostic]:
    path = "/".join(str(part) for part in error.absolute_path)
    kind = error.validator
    if kind == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        line, column = guide.key_position(path) if path else guide.frontmatter_position
        where = f"in `{path}`" if path else "at the top level"
        for name in error.validator_value:
            if name not in present:
                yield problem("GL101", line, column, f"missing required field `{name}` {where}")
    elif kind == "dependentRequired" and isinstance(error.instance, dict):
        line, column = guide.key_position(path) if path else guide.frontmatter_position
        where = f"in `{path}`" if path else "at the top level"
        for name, needed in error.validator_value.items():
            if name not in error.instance:
                continue
            for other in needed:
                if other not in error.instance:
                    message = f"missing field `{other}` {where}: required with `{name}`"
                    yield problem("GL101", line, column, message)
    elif kind == "anyOf" and only_required(error.validator_value):
        line, column = guide.key_position(path) if path else guide.frontmatter_position
        where = f"`{path}`" if path else "the frontmatter"
        options = "; or ".join(
            " and ".join(f"`{f}`" for f in s["required"]) for s in error.validator_value
        )
        yield problem("GL101", line, column, f"{where} needs {options}")
    elif kind == "additionalProperties":
        allowed = sorted((error.schema.get("properties") or {}).keys())
        for name in error.instance:
            if name in allowed or not isinstance(error.instance, dict):
                continue
            child = f"{path}/{name}" if path else str(name)
            import difflib  # only for a misspelt key

            close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            yield _at(guide.key_span(child), "GL104", f"unknown field `{name}`{hint}")
    elif kind == "not" and only_required([error.validator_value]):
        yield _conflict(error, guide, path)
    elif kind == "not" and (code := _named_rule(error) or "") in NOT_FOUND:
        expected = error.schema.get("x-guidelint-expected", "other text")
        message = f"`{path}` is {_describe(error.instance)}, {NOT_FOUND[code]}; expected {expected}"
        yield _at(guide.value_span(path), code, message)
    elif kind == "type":
        message = _type_message(path, error, _raw(guide, path))
        yield _at(guide.value_span(path), "GL102", message)
    elif "propertyNames" in error.absolute_schema_path and isinstance(error.instance, str):
        key = f"{path}/{error.instance}" if path else error.instance
        expected = error.schema.get("x-guidelint-expected", error.message)
        message = f"`{path or 'frontmatter'}` has the key `{error.instance}`; expected {expected}"
        yield _at(guide.key_span(key), "GL103", message)
    else:
        yield _at(guide.value_span(path), "GL103", _value_message(path, error))


def _at(span: Span, code: str, message: str) -> Diagnostic:
    return problem(
        code, span.line, span.column, message, end_line=span.end_line, end_column=span.end_column
    )


def _conflict(error: Any, guide: Guide, path: str) -> Diagnostic:
    """Fields that exclude each other, reported at the later of them."""
    names = [str(name) for name in error.validator_value["required"]]
    prefix = f"{path}/" if path else ""
    span = max((guide.key_span(prefix + name) for name in names), key=lambda s: s[:2])
    listed = " and ".join(f"`{name}`" for name in names)
    where = f"`{path}`" if path else "the frontmatter"
    return _at(span, "GL103", f"{where} has both {listed}; give only one of them")


def _named_rule(error: Any) -> str | None:
    schema = error.schema if isinstance(error.schema, dict) else {}
    code = schema.get("x-guidelint-rule")
    return code if isinstance(code, str) else None


def only_required(branches: Any) -> bool:
    """Whether an ``anyOf`` only says which sets of fields may be present."""
    return isinstance(branches, list) and all(
        isinstance(b, dict) and set(b) == {"required"} for b in branches
    )


def _raw(guide: Guide, path: str) -> Any:
    value: Any = guide.data
    for part in path.split("/") if path else ():
        try:
            value = value[int(part)] if isinstance(value, list) else value[part]
        except (KeyError, IndexError, ValueError, TypeError):
            return None
    return value


def _describe(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"the date {value.isoformat()}"
    if isinstance(value, float) and value != value:
        return "NaN (YAML's `.nan`, not a number)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f'the string "{_clip(value)}"'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _expected(types: Any) -> str:
    names = {
        "integer": "a whole number",
        "number": "a number",
        "string": "text",
        "boolean": "true or false",
        "array": "a list",
        "object": "a mapping",
        "null": "null",
    }
    types = _stated(types)
    return " or ".join(names.get(t, t) for t in types)


def _stated(types: Any) -> list[str]:
    """The types a value should have; null, where a figure may be unknown, goes unsaid."""
    types = [types] if isinstance(types, str) else list(types)
    return [t for t in types if t != "null"] or types


def _type_message(path: str, error: Any, raw: Any) -> str:
    field = path or "frontmatter"
    message = f"`{field}` is {_describe(raw)}; expected {_expected(error.validator_value)}"
    if isinstance(raw, bool):
        message += " (YAML reads unquoted yes/no/on/off/true/false as booleans: quote the text)"
    elif isinstance(raw, (dt.date, dt.datetime)):
        message += " (YAML reads an unquoted YYYY-MM-DD as a date: quote it to keep text)"
    elif isinstance(raw, str) and {"integer", "number"} & set(_stated(error.validator_value)):
        if raw.strip().endswith("%"):
            message += " (write the number without the percent sign, e.g. 10 for 10%)"
        else:
            message += " (write the whole number without symbols or suffixes, e.g. 175000 for 175K)"
    return message


def _value_message(path: str, error: Any) -> str:
    field = f"`{path}`" if path else "frontmatter"
    value = error.instance
    shown = f'"{_clip(value)}"' if isinstance(value, str) else repr(value)
    kind = error.validator
    expected = error.schema.get("x-guidelint-expected") if isinstance(error.schema, dict) else None
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        if isinstance(value, bool):
            return (
                f"{field} is the boolean {str(value).lower()}; allowed values: {allowed}"
                " (YAML reads unquoted yes/no/on/off/true/false as booleans: quote the text)"
            )
        return f"{field} is {shown}; allowed values: {allowed}"
    if kind in ("pattern", "format") and expected:
        return f"{field} is {shown}; expected {expected}"
    if kind == "format":
        return f"{field} is {shown}, not a valid {error.validator_value}"
    if kind == "minimum":
        return f"{field} is {shown}; the minimum is {error.validator_value}"
    if kind == "maximum":
        return f"{field} is {shown}; the maximum is {error.validator_value}"
    if kind == "minItems":
        return f"{field} has {len(value)} items; at least {error.validator_value} required"
    if kind == "minLength":
        return f"{field} is empty; text is required"
    return f"{field}: {error.message}"


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
