"""Guide schemas: found by name or path, checked, and compiled once per process.

Each schema gets two validators.  jsonschema-rs (compiled, fast to import)
validates every guide, and its errors are read as jsonschema's would be
(``guidelint.schemaerrors``); only a guide with an error that cannot be told
exactly from them is validated again by jsonschema, whose messages it needs.
A valid guide never imports jsonschema.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from guidelint.config import ConfigError
from guidelint.resources import schema_path


class SchemaInfo:
    """A guide schema, its compiled validators and its guidelint annotations."""

    __slots__ = ("_detailed", "fast", "name", "path", "schema")

    def __init__(
        self,
        name: str,
        path: Path,
        schema: dict[str, Any],
        fast: Any,  # jsonschema-rs: valid or not
        _detailed: list[Any] | None = None,
    ) -> None:
        self.name = name
        self.path = path
        self.schema = schema
        self.fast = fast
        self._detailed = [] if _detailed is None else _detailed

    def __repr__(self) -> str:
        return f"SchemaInfo(name={self.name!r}, path={self.path!r}, schema={self.schema!r})"

    @property
    def validator(self) -> Any:
        """The jsonschema validator, compiled on first use (its errors explain)."""
        if not self._detailed:
            self._detailed.append(_compile(self.schema, self.name, check=False))
        return self._detailed[0]

    def iter_errors(self, instance: Any) -> Any:
        """jsonschema's errors for ``instance``, or records of the same shape read
        from jsonschema-rs's where they are exact; none when the fast path passes."""
        if self.fast is None:
            return self.validator.iter_errors(instance)
        if self.fast.is_valid(instance):
            return iter(())
        from guidelint.schemaerrors import from_fast

        fast = from_fast(list(self.fast.iter_errors(instance)), self.schema)
        return iter(fast) if fast is not None else self.validator.iter_errors(instance)

    def detailed_errors(self, instance: Any) -> Any:
        """jsonschema's own errors for ``instance``, always."""
        return self.validator.iter_errors(instance)

    @property
    def table(self) -> dict[str, Any] | None:
        return self.schema.get("x-guidelint-table")

    @property
    def consistency(self) -> dict[str, Any] | None:
        return self.schema.get("x-guidelint-consistency")


# Memos of pure functions, never stale: a schema name's file, and a file's compiled
# schema keyed by what the file holds (size and modification time; the shipped
# schemas never change), so a schema edited while an editor's server runs is
# compiled again on its next guide.
_PATHS: dict[tuple[str, Path], Path] = {}
_COMPILED: dict[tuple[Path, str], SchemaInfo] = {}


def resolve(name: str, root: Path) -> Path:
    """A built-in schema name (``guide``) or a path relative to ``root``."""
    if "/" not in name and "\\" not in name and not name.endswith(".json"):
        path = schema_path(name)
        if not path.is_file():
            raise ConfigError(f"schema: no built-in schema named `{name}`")
        return path
    return (root / name).resolve()


def load_schema(name: str, root: Path) -> SchemaInfo:
    """The schema a configuration names, compiled once for each state of its file."""
    path = _PATHS.get((name, root))
    if path is None:
        path = _PATHS[(name, root)] = resolve(name, root)
    shipped = path.parent == schema_path("guide").parent
    key = (path, "" if shipped else _signature(path))
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = _load(name, path, shipped)
    return found


def _signature(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return ""  # reading it says why
    return f"{info.st_size}:{info.st_mtime_ns}"


def _load(name: str, path: Path, shipped: bool) -> SchemaInfo:
    from guidelint.files import read_regular
    from guidelint.limits import SCHEMA_MAX_SIZE

    try:
        raw, _ = read_regular(path, SCHEMA_MAX_SIZE)
        schema = json.loads(raw)
    except OSError as exc:
        raise ConfigError(f"schema `{name}`: cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ConfigError(f"schema `{name}`: {path} is not valid JSON: {exc}") from None
    except RecursionError:
        raise ConfigError(f"schema `{name}`: {path} is nested too deeply to read") from None
    _check_shape(schema, name)
    remote = _remote_ref(schema)
    if remote is not None:
        raise ConfigError(
            f"schema `{name}` refers to `{remote}`: only references inside the schema"
            " (`#/...`) are allowed; guidelint never fetches schemas"
        )
    # The shipped schemas are checked against the metaschema by the test
    # suite; a user's schema is checked here, once per run.
    detailed = []
    if not shipped:
        detailed.append(_compile(schema, name, check=True))  # kept: no second compilation
    info = SchemaInfo(
        name=name,
        path=path,
        schema=schema,
        fast=_compile_fast(schema),
        _detailed=detailed,
    )
    return info


ANNOTATIONS = ("x-guidelint-table", "x-guidelint-consistency")


def _check_shape(schema: Any, name: str) -> None:
    """Refuse what the rules cannot read: a schema that is not an object, an
    annotation that is not one, a ``$ref`` to a part of the schema that is absent."""
    if not isinstance(schema, dict):
        found = "a boolean" if isinstance(schema, bool) else f"JSON {type(schema).__name__}"
        raise ConfigError(f"schema `{name}` is {found}; expected a JSON object")
    for key in ANNOTATIONS:
        if key in schema and not isinstance(schema[key], dict):
            raise ConfigError(f"schema `{name}`: `{key}` must be an object")
    for ref in _local_refs(schema):
        if resolve_pointer(schema, pointer_parts(ref[1:])) is ABSENT:
            raise ConfigError(f"schema `{name}`: `$ref` `{ref}` points at nothing in the schema")


ABSENT = object()  # what a JSON pointer resolves to when it points at nothing


def _local_refs(node: Any) -> list[str]:
    """Every ``$ref`` that is a JSON pointer into this schema (``#`` or ``#/...``)."""
    found: list[str] = []
    pending = [node]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and (ref == "#" or ref.startswith("#/")):
                found.append(ref)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return found


def pointer_parts(fragment: str) -> list[str]:
    """The decoded parts of a JSON pointer (``/properties/a~1b`` -> properties, a/b)."""
    from urllib.parse import unquote

    parts = fragment.split("/")[1:] if fragment else []
    return [unquote(part).replace("~1", "/").replace("~0", "~") for part in parts]


def resolve_pointer(node: Any, parts: list[str]) -> Any:
    """What ``parts`` (see pointer_parts) point at in ``node``, or ABSENT."""
    for part in parts:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return ABSENT
    return node


def _remote_ref(node: Any) -> str | None:
    """The first ``$ref`` that points outside the schema document, if any."""
    pending = [node]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return ref
            pending.extend(reversed(item.values()))
        elif isinstance(item, list):
            pending.extend(reversed(item))
    return None


def _refuse_retrieval(uri: str) -> Any:
    raise ConfigError(f"schema refers to `{uri}`: guidelint never fetches remote schemas")


def _compile_fast(schema: dict[str, Any]) -> Any:
    """jsonschema-rs for the schema, or None when it cannot compile it (jsonschema decides then)."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - a platform without its wheels
        return None
    try:
        return jsonschema_rs.Draft202012Validator(
            schema, validate_formats=True, retriever=_refuse_retrieval
        )
    except Exception:  # its own errors for schemas jsonschema still accepts
        return None


def _compile(schema: dict[str, Any], name: str, *, check: bool = True) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.exceptions import SchemaError
    from referencing import Registry

    try:
        if check:
            Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        raise ConfigError(f"schema `{name}` is not a valid JSON Schema: {exc.message}") from None
    except RecursionError:
        raise ConfigError(f"schema `{name}` is nested too deeply to check") from None
    return Draft202012Validator(
        schema,
        format_checker=FormatChecker(formats=["date"]),
        registry=Registry(retrieve=_refuse_retrieval),  # type: ignore[call-arg]
    )
