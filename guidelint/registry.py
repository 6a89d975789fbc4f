"""One registry for every rule: codes, names, severities, documentation and checks.

``guidelint rules``, ``guidelint rule CODE``, ``docs/rules.md``, SARIF's
``tool.driver.rules`` and ``--select`` all read from here.  Rule families
register themselves when :func:`load_families` imports them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from guidelint.diagnostics import Diagnostic, Severity
from guidelint.records import Record

if TYPE_CHECKING:
    from guidelint.context import Context
    from guidelint.document import Guide

# Each family owns one block of codes, so a selection names the families it
# needs without importing any: ``--select GL1`` imports the schema rules only.
FAMILIES = {
    "parse": "GL0",
    "schema": "GL1",
    "consistency": "GL2",
    "table": "GL3",
    "freshness": "GL4",
    "claims": "GL5",
    "structure": "GL6",
    "meta": "GL9",
}

DOC_SECTIONS = ("what", "why", "example", "fix")


class Rule(NamedTuple):
    """A rule's public contract and its documentation (ruff's sections)."""

    code: str
    name: str
    family: str
    severity: Severity
    summary: str
    what: str
    why: str
    example: str
    fix: str
    options: tuple[str, ...] = ()
    fixable: bool = False
    opt_in: bool = False  # off by default: runs only when `select` names its full code


Check = Callable[["Guide", "Context"], Iterable[Diagnostic]]


class CheckSpec(NamedTuple):
    """A check function and the codes it may emit, so deselected checks never run."""

    func: Check
    codes: frozenset[str]
    needs_frontmatter: bool = True


class Registry(Record):
    """Every rule by code, and the check functions that report them."""

    __slots__ = ("rules", "checks")

    def __init__(
        self, rules: dict[str, Rule] | None = None, checks: list[CheckSpec] | None = None
    ) -> None:
        self.rules = {} if rules is None else rules
        self.checks = [] if checks is None else checks

    def add(self, rule: Rule) -> Rule:
        if rule.code in self.rules:
            raise ValueError(f"duplicate rule code {rule.code}")
        self.rules[rule.code] = rule
        return rule

    def by_name_or_code(self, key: str) -> Rule | None:
        key = key.strip()
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        for rule in self.rules.values():
            if rule.name == key.lower():
                return rule
        return None

    def suggest(self, key: str, limit: int = 3) -> list[Rule]:
        """Rules whose name or code is close to ``key``, for a "did you mean"."""
        import difflib

        key = key.strip()
        by_name = {rule.name: rule for rule in self.rules.values()}
        if key.upper().startswith("GL"):  # a mistyped code: compare codes only
            codes = difflib.get_close_matches(key.upper(), sorted(self.rules), n=limit, cutoff=0.8)
            return [self.rules[code] for code in sorted(codes)]
        names = [name for name in sorted(by_name) if key.lower() in name]
        names += difflib.get_close_matches(key.lower(), list(by_name), n=limit, cutoff=0.6)
        return [by_name[name] for name in dict.fromkeys(names)][:limit]

    def opt_in_codes(self) -> frozenset[str]:
        """Codes of the rules that are off unless selected by their full code."""
        return frozenset(code for code, rule in self.rules.items() if rule.opt_in)

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self.rules.values(), key=lambda r: r.code))


REGISTRY = Registry()


def rule(
    code: str,
    name: str,
    severity: str,
    summary: str,
    *,
    what: str,
    why: str,
    example: str,
    fix: str,
    options: tuple[str, ...] = (),
    fixable: bool = False,
    opt_in: bool = False,
    family: str | None = None,
) -> Rule:
    """Declare a rule; the family defaults to the declaring module's name.

    ``opt_in=True`` declares a rule that is off by default: a prefix such as
    ``GL5`` does not select it, only its full code does (``select = ["GL507"]``).
    """
    if family is None:
        family = _caller_family()
    return REGISTRY.add(
        Rule(
            code=code,
            name=name,
            family=family,
            severity=Severity.parse(severity),
            summary=summary,
            what=dedent(what),
            why=dedent(why),
            example=dedent(example),
            fix=dedent(fix),
            options=options,
            fixable=fixable,
            opt_in=opt_in,
        )
    )


def check(*codes: str, needs_frontmatter: bool = True) -> Callable[[Check], Check]:
    """Register a check function that may yield diagnostics with ``codes``.

    ``needs_frontmatter=False`` marks checks that read only the body, which
    still run when the frontmatter could not be parsed.
    """

    def decorate(func: Check) -> Check:
        REGISTRY.checks.append(CheckSpec(func, frozenset(codes), needs_frontmatter))
        return func

    return decorate


def _caller_family() -> str:
    import sys

    module = sys._getframe(2).f_globals.get("__name__", "")
    return module.rsplit(".", 1)[-1]


def dedent(text: str) -> str:
    """Documentation as written in a triple-quoted string, without the indentation
    of its source and the blank lines around it (``textwrap`` costs more to import
    than every rule's documentation costs to read this way)."""
    lines = text.strip("\n").split("\n")
    margin = min((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), default=0)
    return "\n".join(line[margin:] if line.strip() else "" for line in lines).strip("\n")


def with_classes(what: str, file: str, code: str, *notes: str) -> str:
    """A rule's "what it does", any ``notes`` after it, and the vocabulary classes
    of ``guidelint/data/{file}`` that apply to ``code``, one line each: the
    documentation says what the data says."""
    from guidelint.resources import data_file

    classes = [
        f"- `{key}`: {entry['reason']}"
        for key, entry in data_file(file).items()
        if isinstance(entry, dict) and code in entry.get("applies", ())
    ]
    heading = (
        f"The vocabulary classes this rule reads (`guidelint/data/{file}`;"
        " each carries examples that the tests run):"
    )
    return "\n\n".join([dedent(what), *notes, *([heading, "\n".join(classes)] if classes else [])])


_loaded: set[str] = set()


def families_for(select: Iterable[str]) -> tuple[str, ...]:
    """The families that hold a code ``select`` may name (``GL`` names them all), and
    always ``parse``, whose GL000 and GL001 no selection hides (selection.UNCHECKED)."""
    select = tuple(select)
    return tuple(
        family
        for family, prefix in FAMILIES.items()
        if family == "parse"
        or any(code.startswith(prefix) or prefix.startswith(code) for code in select)
    )


def load_families(families: Iterable[str] | None = None) -> Registry:
    """Import rule families once each (every family by default); returns the registry."""
    for family in FAMILIES if families is None else families:
        if family not in _loaded:
            importlib.import_module(f"guidelint.rules.{family}")
            _loaded.add(family)
    return REGISTRY


def did_you_mean(rules: Sequence[Rule]) -> str:
    """``; did you mean `a` (GL101) or `b` (GL102)?``, or nothing."""
    if not rules:
        return ""
    shown = [f"`{rule.name}` ({rule.code})" for rule in rules]
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]
    return f"; did you mean {listed}?"
