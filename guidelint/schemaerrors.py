"""jsonschema-rs's errors in the shape the GL1xx messages are written from.

A guide that fails the schema is explained from jsonschema-rs's own errors
(instance path, keyword, the schema's value at that keyword) wherever that
gives exactly what jsonschema would say.  Where it cannot (a message that
needs jsonschema's wording, a keyword whose errors the two libraries group
differently, a pattern or date the two read differently), ``from_fast``
answers None and the caller asks jsonschema for the whole guide.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from guidelint import patterns

# Imported only once a guide has failed its schema, so the rules are loaded.
from guidelint.rules.schema import NOT_FOUND, only_required
from guidelint.validation import pointer_parts, resolve_pointer

# The keywords whose errors are told from the schema's values alone; the rest
# are worded from jsonschema's messages.
_VALUED = frozenset({"type", "enum", "minimum", "maximum", "minItems", "minLength"})


class SchemaError(NamedTuple):
    """The parts of a jsonschema ``ValidationError`` the GL1xx messages read."""

    validator: str
    validator_value: Any
    instance: Any
    schema: Any
    absolute_path: tuple[str | int, ...]
    absolute_schema_path: tuple[str | int, ...]
    message: str = ""


def from_fast(errors: list[Any], root: dict[str, Any]) -> list[SchemaError] | None:
    """``errors`` of jsonschema-rs as jsonschema would give them, or None when any is not exact."""
    found: list[SchemaError] = []
    for error in errors:
        one = _one(error, root)
        if one is None:
            return None
        found.append(one)
    return found


def _one(error: Any, root: dict[str, Any]) -> SchemaError | None:
    kind = error.kind.name
    location = error.absolute_keyword_location or ""
    if "#" not in location:
        return None
    pointer = pointer_parts(location.split("#", 1)[1])
    if kind == "required" and pointer[-1:] != ["required"] and "dependentRequired" in pointer:
        kind = "dependentRequired"
    if kind not in pointer:
        return None
    at = len(pointer) - 1 - pointer[::-1].index(kind)
    schema = resolve_pointer(root, pointer[:at])
    if not isinstance(schema, dict) or kind not in schema:
        return None
    value = schema[kind]
    instance = error.instance
    if not _exact(kind, value, schema, instance):
        return None
    return SchemaError(
        validator=kind,
        validator_value=value,
        instance=instance,
        schema=schema,
        absolute_path=tuple(error.instance_path),
        absolute_schema_path=tuple(error.schema_path),
    )


def _exact(kind: str, value: Any, schema: dict[str, Any], instance: Any) -> bool:
    """Whether jsonschema would report this very error and its message needs nothing more."""
    if kind in _VALUED or kind in ("required", "dependentRequired"):
        return True
    if kind == "additionalProperties":
        return value is False
    if kind == "anyOf":
        return only_required(value)
    if kind == "not":
        return only_required([value]) or schema.get("x-guidelint-rule") in NOT_FOUND
    expected = schema.get("x-guidelint-expected")
    if kind == "pattern":
        return bool(expected) and isinstance(instance, str) and not re.search(value, instance)
    if kind == "format":
        return value == "date" and isinstance(instance, str) and not _python_date(instance)
    return False


_DATE = patterns.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _python_date(text: str) -> bool:
    """jsonschema's ``date`` format check."""
    if not _DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
