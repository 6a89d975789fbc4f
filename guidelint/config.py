"""Configuration: discovered once, validated against ``schemas/config.schema.json``.

Read from ``guidelint.toml`` (top level) or ``pyproject.toml`` (``[tool.guidelint]``),
whichever is found first walking up from the linted path.  Every problem is a
:class:`ConfigError` naming the key; the command line turns it into exit 2.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guidelint.diagnostics import Severity
from guidelint.limits import DEFAULT_MAX_FILE_SIZE
from guidelint.records import Record
from guidelint.resources import schema_path

if TYPE_CHECKING:
    from guidelint.exclusion import FileFilter

CONFIG_FILES = ("guidelint.toml", "pyproject.toml")
# Defaults that other modules state too (GL205's and GL207's docs, the path pattern
# adopt and sync read).
PATH_PATTERN = "{company}/{role}.md"
TOTAL_TOLERANCE = 0.055
UNRECORDED_SHARE = 0.30


class ConfigError(Exception):
    """A user mistake in configuration or on the command line (exit 2)."""


class Settings(Record, frozen=True):
    """The effective configuration of one run."""

    __slots__ = (
        "root",
        "source",
        "select",
        "ignore",
        "fixable",
        "unfixable",
        "severity",
        "fail_on",
        "per_file_ignores",
        "schema",
        "exclude",
        "extend_exclude",
        "respect_gitignore",
        "force_exclude",
        "max_file_size",
        "review_window_days",
        "max_data_age_quarters",
        "max_review_interval_days",
        "stale_after_days",
        "expired_after_days",
        "max_source_age_days",
        "min_regions",
        "plausible_ranges",
        "citation_scope",
        "extend_superlatives",
        "ignore_superlatives",
        "count_magnitudes",
        "currency_symbols",
        "regions",
        "region_currency",
        "path_pattern",
        "total_tolerance",
        "unrecorded_share",
        "cache_dir",
        "docs_url",
    )

    def __init__(
        self,
        root: Path | None = None,
        source: Path | None = None,
        select: tuple[str, ...] = ("GL",),
        ignore: tuple[str, ...] = (),
        fixable: tuple[str, ...] = ("GL",),
        unfixable: tuple[str, ...] = (),
        severity: Mapping[str, Severity] | None = None,
        fail_on: Severity | None = Severity.ERROR,
        per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (),
        schema: tuple[tuple[str, str], ...] = (),
        exclude: tuple[str, ...] = (),
        extend_exclude: tuple[str, ...] = (),
        respect_gitignore: bool = True,
        force_exclude: bool = False,
        max_file_size: int = DEFAULT_MAX_FILE_SIZE,
        review_window_days: int = 30,
        max_data_age_quarters: int = 2,
        max_review_interval_days: int = 183,
        stale_after_days: int = 0,  # 0: off
        expired_after_days: int = 0,  # 0: off
        max_source_age_days: int = 0,  # 0: off
        min_regions: int = 0,  # 0: off
        plausible_ranges: Mapping[str, Mapping[str, tuple[int, int]]] | None = None,
        citation_scope: str = "paragraph",
        extend_superlatives: tuple[str, ...] = (),
        ignore_superlatives: tuple[str, ...] = (),
        count_magnitudes: bool = False,  # GL501: read "thousands of hosts" as a figure
        currency_symbols: Mapping[str, str] | None = None,
        regions: Mapping[str, str] | None = None,
        region_currency: str = "stated",  # GL203: "local" or "stated" (see the rule)
        path_pattern: str = PATH_PATTERN,  # sync: where a bare guide's slugs are
        # GL205: the share a total may differ from its sum
        total_tolerance: float = TOTAL_TOLERANCE,
        # GL207: how far above its recorded parts a total may be
        unrecorded_share: float = UNRECORDED_SHARE,
        cache_dir: str = ".guidelint_cache",
        docs_url: str = "",  # "": derived (guidelint.doclinks)
    ) -> None:
        self.root = Path.cwd() if root is None else root
        self.source = source
        self.select = select
        self.ignore = ignore
        self.fixable = fixable
        self.unfixable = unfixable
        self.severity = {} if severity is None else severity
        self.fail_on = fail_on
        self.per_file_ignores = per_file_ignores
        self.schema = schema
        self.exclude = exclude
        self.extend_exclude = extend_exclude
        self.respect_gitignore = respect_gitignore
        self.force_exclude = force_exclude
        self.max_file_size = max_file_size
        self.review_window_days = review_window_days
        self.max_data_age_quarters = max_data_age_quarters
        self.max_review_interval_days = max_review_interval_days
        self.stale_after_days = stale_after_days
        self.expired_after_days = expired_after_days
        self.max_source_age_days = max_source_age_days
        self.min_regions = min_regions
        self.plausible_ranges = {} if plausible_ranges is None else plausible_ranges
        self.citation_scope = citation_scope
        self.extend_superlatives = extend_superlatives
        self.ignore_superlatives = ignore_superlatives
        self.count_magnitudes = count_magnitudes
        self.currency_symbols = {} if currency_symbols is None else currency_symbols
        self.regions = {} if regions is None else regions
        self.region_currency = region_currency
        self.path_pattern = path_pattern
        self.total_tolerance = total_tolerance
        self.unrecorded_share = unrecorded_share
        self.cache_dir = cache_dir
        self.docs_url = docs_url

    def relative(self, path: str) -> str:
        """``path`` relative to the configuration's folder, with forward slashes."""
        try:
            rel = Path(path).resolve().relative_to(_resolved(self.root))
        except ValueError:
            return Path(path).as_posix()
        return rel.as_posix()

    def schema_for(self, path: str) -> str:
        if not self.schema:
            return "guide"
        rel = self.relative(path)
        for pattern, schema in self.schema:
            if fnmatch.fnmatch(rel, pattern):
                return schema
        return "guide"

    def ignored_in(self, path: str) -> tuple[str, ...]:
        if not self.per_file_ignores:
            return ()
        rel = self.relative(path)
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores:
            if fnmatch.fnmatch(rel, pattern):
                codes.extend(ignored)
        return tuple(codes)

    def exclusions(self) -> FileFilter:
        """What the run leaves out (guidelint.exclusion)."""
        from guidelint.exclusion import FileFilter

        return FileFilter.of(self)

    def fingerprint(self) -> str:
        """A stable text of everything that changes results (for the cache)."""
        unused = ("root", "source", "docs_url")
        items = {k: v for k, v in self._asdict().items() if k not in unused}
        return json.dumps(items, sort_keys=True, default=str)


@functools.cache
def _resolved(root: Path) -> Path:
    """The configuration folder's real path, resolved once per run, not per file."""
    return root.resolve()


def discover(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            # Anything there but a folder is found: a FIFO or a device is then
            # refused when read, instead of being silently skipped.
            found = path.exists() and not path.is_dir()
            if found and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    """Whether a ``pyproject.toml`` has a ``[tool.guidelint]`` table.

    A file that is not valid TOML is an error rather than "no table": it may
    well hold the configuration the user expects to be read.
    """
    tool = _read_toml(path).get("tool")
    return isinstance(tool, dict) and "guidelint" in tool


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a file to read

    from guidelint.files import read_regular
    from guidelint.limits import CONFIG_MAX_SIZE

    try:
        raw, _ = read_regular(path, CONFIG_MAX_SIZE)
        return tomllib.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 at byte offset {exc.start}") from None
    except RecursionError:
        raise ConfigError(f"{path}: tables and arrays nested too deeply to read") from None


def load(path: Path | None) -> Settings:
    """Settings from the file at ``path``, or the defaults when it is None."""
    if path is None:
        return Settings()
    document = _read_toml(path)
    origin = str(path)
    table: Any = document
    if path.name == "pyproject.toml":
        origin = f"{path} [tool.guidelint]"
        tool = document.get("tool", {})
        table = tool.get("guidelint", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{origin}: expected a table, found {type(table).__name__}")
    try:
        validate(table, origin)
    except RecursionError:
        raise ConfigError(f"{origin}: tables and arrays nested too deeply to check") from None
    check_rule_codes(table, origin)
    check_thresholds(table, origin)
    return from_table(table, path)


def validate(table: Mapping[str, Any], origin: str) -> None:
    """Check ``table`` against the configuration schema; the first error names its key."""
    schema = json.loads(schema_path("config").read_text(encoding="utf-8"))
    if _valid_fast(schema, table):
        return
    # jsonschema's errors carry the paths the messages are written from; it is
    # imported (about 40 ms) only for a configuration the fast check refused.
    from jsonschema import Draft202012Validator

    errors = sorted(
        Draft202012Validator(schema).iter_errors(table),
        key=lambda e: [str(part) for part in e.absolute_path],
    )
    if not errors:
        return
    error = errors[0]
    key = key_path(error.absolute_path)
    if error.validator == "additionalProperties" and not error.absolute_path:
        known = sorted(schema["properties"])
        unknown = sorted(set(table) - set(known))[0]
        raise ConfigError(f"{origin}: unknown key `{unknown}`{_did_you_mean(unknown, known)}")
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        # a nested table's unknown key: `plausible-ranges.USD.bse`
        known = sorted(error.schema.get("properties") or {})
        unknown = sorted(set(error.instance) - set(known))[0]
        raise ConfigError(f"{origin}: unknown key `{key}.{unknown}`{_did_you_mean(unknown, known)}")
    if "propertyNames" in error.relative_schema_path and error.validator == "minLength":
        raise ConfigError(f"{origin}: empty key in `{key}`")
    if "propertyNames" in error.relative_schema_path:
        wanted = (
            "an ISO 4217 currency code such as GBP"
            if "A-Z" in str(error.validator_value)
            else "a rule code such as GL401"
        )
        raise ConfigError(f"{origin}: bad key `{key}.{error.instance}`: expected {wanted}")
    expected = _expected(error)
    if expected is None:
        raise ConfigError(f"{origin}: bad value for `{key or '(top level)'}`: {error.message}")
    value = error.instance
    shown = str(value).lower() if isinstance(value, bool) else json.dumps(value, default=str)
    raise ConfigError(f"{origin}: bad value for `{key or '(top level)'}`: {shown}; {expected}")


def _did_you_mean(unknown: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(unknown.replace("_", "-"), known, n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else f"; known keys: {', '.join(known)}"


def _valid_fast(schema: dict[str, Any], table: Mapping[str, Any]) -> bool:
    """Whether jsonschema-rs accepts ``table``.

    Its patterns are at least as strict as jsonschema's (``$`` does not match
    before a final newline), so a table it accepts has no error to report;
    anything it refuses or cannot read (TOML dates) goes to jsonschema.
    """
    try:
        import jsonschema_rs

        return bool(jsonschema_rs.Draft202012Validator(schema).is_valid(table))
    except Exception:
        return False


_TYPE_WORDS = {
    "integer": "a whole number",
    "string": "text in quotes",
    "array": 'a list such as ["GL4"]',
    "object": "a table",
    "boolean": "true or false",
}


def _expected(error: Any) -> str | None:
    """What the schema wanted, in the configuration's own words."""
    kind, wanted = error.validator, error.validator_value
    if kind == "type":
        return f"expected {_TYPE_WORDS.get(str(wanted), wanted)}"
    if kind == "enum":
        return "expected one of " + ", ".join(f'"{v}"' for v in wanted)
    if kind == "minimum":
        return f"expected at least {wanted}"
    if kind == "maximum":
        return f"expected at most {wanted:,}"
    if kind == "exclusiveMaximum":
        return f"expected less than {wanted:,}"
    if kind in ("minItems", "maxItems") and error.schema.get("minItems") == error.schema.get(
        "maxItems"
    ):
        return f"expected a list of {wanted} items"
    if kind == "pattern" and "GL" in wanted:
        return "expected a rule code or prefix such as GL4"
    if kind == "pattern" and "A-Z" in wanted:
        return "expected an ISO 4217 currency code such as GBP"
    if kind == "pattern":
        return f"expected text matching {wanted}"
    if kind == "minLength":
        return "expected non-empty text"
    if kind == "maxLength":
        return f"expected at most {wanted} characters"
    return None


def key_path(parts: Iterable[Any]) -> str:
    """``per-file-ignores."guides/*.md"[0]``: how a user finds the value in TOML."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z0-9_-]+", str(part)):
            text += f".{part}" if text else str(part)
        else:
            text += f'."{part}"' if text else f'"{part}"'
    return text


def check_rule_codes(table: Mapping[str, Any], origin: str) -> None:
    """Codes and prefixes in the configuration must match at least one rule."""
    lists = ("select", "ignore", "fixable", "unfixable")
    if not any(key in table for key in (*lists, "severity", "per-file-ignores")):
        return  # nothing to check: spare importing every rule (start-up time)
    from guidelint.registry import families_for, load_families

    named = [
        *(code for key in lists for code in table.get(key, ())),
        *table.get("severity", {}),
        *(code for codes in table.get("per-file-ignores", {}).values() for code in codes),
    ]
    known = load_families(families_for(str(code) for code in named)).rules

    def check(code: str, where: str) -> None:
        if not any(rule.startswith(code) for rule in known):
            raise ConfigError(f"{origin}: bad value for `{where}`: `{code}` matches no rule code")

    for key in lists:
        for index, code in enumerate(table.get(key, ())):
            check(code, f"{key}[{index}]")
    for code in table.get("severity", {}):
        if code not in known:
            raise ConfigError(f"{origin}: bad key `severity.{code}`: no rule has this code")
    for glob, codes in table.get("per-file-ignores", {}).items():
        for index, code in enumerate(codes):
            check(code, key_path(["per-file-ignores", glob, index]))


def _finite(table: Mapping[str, Any], key: str, default: float, path: Path) -> float:
    """A real number setting; TOML's `nan` passes the schema's bounds, so it is refused here."""
    value = float(table.get(key, default))
    if not math.isfinite(value):
        raise ConfigError(f"{path}: `{key}` must be a finite number, not {value}")
    return value


def from_table(table: Mapping[str, Any], path: Path) -> Settings:
    def words(key: str) -> tuple[str, ...]:
        return tuple(table.get(key, ()))

    def number(key: str, default: int) -> int:
        # JSON Schema counts 30.0 as an integer; the settings hold real ints.
        return int(table.get(key, default))

    settings = Settings(root=path.parent, source=path)
    return settings._replace(
        # An explicit `select = []` enables nothing, as in ruff; absent means all.
        select=words("select") if "select" in table else settings.select,
        ignore=words("ignore"),
        fixable=words("fixable") if "fixable" in table else settings.fixable,
        unfixable=words("unfixable"),
        severity={code: Severity.parse(level) for code, level in table.get("severity", {}).items()},
        fail_on=parse_fail_on(table.get("fail-on", "error")),
        per_file_ignores=tuple(
            (glob, tuple(codes)) for glob, codes in table.get("per-file-ignores", {}).items()
        ),
        schema=tuple(table.get("schema", {}).items()),
        exclude=words("exclude"),
        extend_exclude=words("extend-exclude"),
        respect_gitignore=bool(table.get("respect-gitignore", settings.respect_gitignore)),
        force_exclude=bool(table.get("force-exclude", settings.force_exclude)),
        max_file_size=number("max-file-size", settings.max_file_size),
        review_window_days=number("review-window-days", settings.review_window_days),
        max_data_age_quarters=number("max-data-age-quarters", settings.max_data_age_quarters),
        max_review_interval_days=number(
            "max-review-interval-days", settings.max_review_interval_days
        ),
        stale_after_days=number("stale-after-days", settings.stale_after_days),
        expired_after_days=number("expired-after-days", settings.expired_after_days),
        max_source_age_days=number("max-source-age-days", settings.max_source_age_days),
        min_regions=number("min-regions", settings.min_regions),
        plausible_ranges=plausible_ranges(table.get("plausible-ranges", {})),
        citation_scope=table.get("citation-scope", settings.citation_scope),
        extend_superlatives=words("extend-superlatives"),
        ignore_superlatives=words("ignore-superlatives"),
        count_magnitudes=table.get("count-magnitudes", settings.count_magnitudes),
        currency_symbols=dict(table.get("currency-symbols", {})),
        regions=dict(table.get("regions", {})),
        region_currency=table.get("region-currency", settings.region_currency),
        total_tolerance=_finite(table, "total-tolerance", settings.total_tolerance, path),
        unrecorded_share=_finite(table, "unrecorded-share", settings.unrecorded_share, path),
        path_pattern=str(table.get("path-pattern", settings.path_pattern)),
        cache_dir=table.get("cache-dir", settings.cache_dir),
        docs_url=table.get("docs-url", settings.docs_url),
    )


def check_thresholds(table: Mapping[str, Any], origin: str) -> None:
    """What the schema cannot say: ranges in order, expiry after staleness."""
    for currency, kinds in table.get("plausible-ranges", {}).items():
        for kind, (low, high) in kinds.items():
            if low > high:
                key = key_path(["plausible-ranges", currency, kind])
                raise ConfigError(
                    f"{origin}: bad value for `{key}`: [{low}, {high}]; expected the lower bound first"
                )
    stale, expired = table.get("stale-after-days", 0), table.get("expired-after-days", 0)
    if stale and expired and expired <= stale:
        raise ConfigError(
            f"{origin}: bad value for `expired-after-days`: {expired}; expected more than"
            f" `stale-after-days` ({stale})"
        )


def plausible_ranges(table: Mapping[str, Any]) -> dict[str, dict[str, tuple[int, int]]]:
    """``{"USD": {"base": [15000, 1000000]}}`` as typed bounds."""
    return {
        currency: {kind: (int(pair[0]), int(pair[1])) for kind, pair in kinds.items()}
        for currency, kinds in table.items()
    }


def parse_fail_on(value: str) -> Severity | None:
    return None if value == "never" else Severity.parse(value)


def check_codes(codes: Sequence[str], option: str) -> tuple[str, ...]:
    """Validate ``--select``-style lists from the command line: codes, prefixes
    or rule names (``review-overdue``, as suppression comments accept), each
    turned into a code or prefix; an error echoes the user's spelling."""
    from guidelint.registry import did_you_mean, families_for, load_families

    tokens = [code.strip() for code in codes if code.strip()]
    registry = load_families(families_for(token.upper() for token in tokens))
    cleaned: list[str] = []
    for token in tokens:
        code = token.upper()
        if not any(known.startswith(code) for known in registry.rules):
            registry = load_families()  # a name may belong to any family
            rule = registry.by_name_or_code(token)
            if rule is None:
                hint = did_you_mean(registry.suggest(token))
                raise ConfigError(f"{option}: `{token}` matches no rule code, prefix or name{hint}")
            code = rule.code
        cleaned.append(code)
    return tuple(cleaned)
