"""Reporters render finished results; one class per ``--format`` name.

Each reporter sees the run as a stream: ``start``, then ``file`` once per
linted file in order, then ``finish`` with the totals.  Adding a format is
adding one class and one entry in :data:`REPORTERS`.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

from guidelint import escape
from guidelint.diagnostics import Diagnostic, Severity
from guidelint.doclinks import docs_base, rule_url
from guidelint.records import Record

if TYPE_CHECKING:
    from guidelint.cache_rows import WordsKey
    from guidelint.linter import FileResult
    from guidelint.registry import Rule


class Summary(Record):
    """Counts for the closing line of a report."""

    __slots__ = ("files", "files_with_findings", "by_severity", "by_code", "fixable", "fix_hint")

    def __init__(
        self,
        files: int = 0,
        files_with_findings: int = 0,
        by_severity: Counter[Severity] | None = None,
        by_code: Counter[str] | None = None,
        fixable: int = 0,
        fix_hint: bool = True,  # whether to say how to fix: not for standard input
    ) -> None:
        self.files = files
        self.files_with_findings = files_with_findings
        self.by_severity = Counter() if by_severity is None else by_severity
        self.by_code = Counter() if by_code is None else by_code
        self.fixable = fixable
        self.fix_hint = fix_hint

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.stored is not None:  # answered by the cache: no Diagnostic is built
            if len(result.stored):
                self.files_with_findings += 1
            self.fixable += result.stored.tally(self.by_severity, self.by_code)
            return
        if result.diagnostics:
            self.files_with_findings += 1
        for d in result.diagnostics:
            self.by_severity[d.severity] += 1
            self.by_code[d.code] += 1
            if d.fixes:
                self.fixable += 1

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    def worst(self) -> Severity | None:
        return max(self.by_severity, default=None)

    def line(self) -> str:
        files = f"{self.files} file{'s' if self.files != 1 else ''}"
        if not self.total:
            return f"All clear: no problems in {files}."
        parts = [
            f"{self.by_severity[s]} {s.label}{'s' if self.by_severity[s] != 1 else ''}"
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            if self.by_severity[s]
        ]
        found = f"Found {self.total} problem{'s' if self.total != 1 else ''} ({', '.join(parts)})"
        text = f"{found} in {self.files_with_findings} of {files}."
        if self.fixable and self.fix_hint:
            text += f" {self.fixable} fixable with `guidelint check --fix`."
        return text


class Reporter:
    """Base reporter: subclasses override the three lifecycle methods."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def __init__(
        self,
        stream: TextIO,
        *,
        color: bool = False,
        fail_on: Severity | None = Severity.ERROR,
        quiet: bool = False,
        docs_url: str = "",
        show_cascade: bool = False,
    ) -> None:
        self.stream = stream
        self.docs_url = docs_url  # the docs-url setting: where rule links point
        self.show_cascade = show_cascade  # text: list the findings folded into each one
        self.color = color
        self.fail_on = fail_on  # the lowest severity that fails the run; None: nothing does
        self.quiet = quiet  # readers of a report that is read whole ignore it

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass


_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_LEVELS = {level: f"{level.label}:" for level in Severity}


class TextReporter(Reporter):
    """``path:line:col: CODE severity: message [name]``, and ``[*]`` when fixable.

    The severity opens the message, so a pattern written for
    ``path:line:col: CODE message [name]`` still matches each line whole.
    """

    name = "text"
    description = "path:line:col: CODE severity: message [name], what problem matchers read"

    def __init__(self, stream: TextIO, **options: Any) -> None:
        super().__init__(stream, **options)
        self._rendered: dict[WordsKey, str] = {}  # words of the cached findings reported

    def paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text

    def file(self, result: FileResult) -> None:
        if self.quiet:
            return
        shown = escape.path(result.path)  # once per file, not once per finding
        if result.stored is not None and not (self.color or self.show_cascade):
            # answered by the cache: its rows are reported as they are
            self.stream.write(result.stored.text(shown, self.words, self._rendered))
            return
        lines = []
        for d in result.diagnostics:
            name = shown if d.path == result.path else escape.path(d.path)
            where = f"{name}:{d.line}:{d.column}:"
            lines.append(f"{self.paint(where, '1')} {self.finding(d)}\n")
            if self.show_cascade:
                lines.extend(self.related_lines(d))
        if lines:
            self.stream.write("".join(lines))  # one write per file

    def finding(self, d: Diagnostic) -> str:
        """``CODE severity: message [name]``, and `` [*]`` when fixable."""
        return self.words(d.code, d.severity, d.message, d.name, bool(d.fixes))

    def words(self, code: str, severity: Severity, message: str, name: str, fixable: bool) -> str:
        """:meth:`finding` from a finding's parts."""
        if self.color:
            color = _COLORS[severity]
            code, level = self.paint(code, color), self.paint(_LEVELS[severity], color)
        else:
            level = _LEVELS[severity]
        mark = " [*]" if fixable else ""
        return f"{code} {level} {escape.text(message)} [{name}]{mark}"

    def related_lines(self, d: Diagnostic) -> list[str]:
        """The findings folded into ``d``, one indented line each."""
        where = escape.path(d.path)
        return [
            f"    {where}:{r.line}:{r.column}: {r.code} {escape.text(r.message)}\n"
            for r in d.related
        ]

    def finish(self, summary: Summary) -> None:
        if self.quiet and not summary.total:
            return
        self.stream.write(summary.line() + "\n")


class GroupedReporter(TextReporter):
    """ruff's ``grouped``: each file's path once, then its findings indented as
    ``line:col CODE severity: message [name]``, lines about a path shorter."""

    name = "grouped"
    description = "the text report with each path once, its findings indented below it"

    def file(self, result: FileResult) -> None:
        if self.quiet or not result.diagnostics:
            return
        self.stream.write(self.paint(f"{escape.path(result.path)}:", "1") + "\n")
        for d in result.diagnostics:
            self.stream.write(f"  {d.line}:{d.column} {self.finding(d)}\n")
        self.stream.write("\n")


class JsonReporter(Reporter):
    """A JSON array of diagnostics, streamed one object at a time."""

    name = "json"
    description = "a JSON array of objects with the keys path, line, column, end_line, end_column, code, name, severity, message, fix"

    def start(self) -> None:
        self.first = True
        self.stream.write("[")

    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.stream.write("\n  " if self.first else ",\n  ")
            self.stream.write(json.dumps(d.as_dict(), ensure_ascii=False))
            self.first = False

    def finish(self, summary: Summary) -> None:
        self.stream.write("\n]\n" if not self.first else "]\n")


class SarifReporter(Reporter):
    """SARIF 2.1.0, for GitHub code scanning and SARIF viewers in editors."""

    name = "sarif"
    description = "SARIF 2.1.0 JSON, for GitHub code scanning and SARIF viewers"

    def start(self) -> None:
        self.results: list[dict[str, object]] = []
        self.codes: dict[str, int] = {}
        self.found: list[Diagnostic] = []

    def file(self, result: FileResult) -> None:
        self.found.extend(result.diagnostics)

    def finish(self, summary: Summary) -> None:
        from guidelint import __version__
        from guidelint.registry import load_families

        codes = sorted({d.code for d in self.found})
        index = {code: i for i, code in enumerate(codes)}
        known = load_families().rules
        docs = docs_base(self.docs_url)
        rules = [_sarif_rule(known[code], docs) for code in codes]
        root = os.getcwd()
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "guidelint",
                            "version": __version__,
                            "rules": rules,
                        }
                    },
                    "originalUriBaseIds": {"SRCROOT": {"uri": _file_uri(root).rstrip("/") + "/"}},
                    "columnKind": "unicodeCodePoints",
                    "results": [_sarif_result(d, index[d.code], root) for d in self.found],
                }
            ],
        }
        json.dump(log, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")


_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _sarif_rule(rule: Rule, docs: str) -> dict[str, object]:
    from guidelint.commands.rules import explain

    return {
        "id": rule.code,
        "name": rule.name,
        "helpUri": rule_url(docs, rule.code, rule.name),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": f"{rule.why}\n\nHow to fix: {rule.fix}", "markdown": explain(rule)},
        "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
        "properties": {"tags": [rule.family]},
    }


def _sarif_location(path: str, root: str) -> dict[str, str]:
    """A forward-slash URI relative to the working folder, or a file URI outside it."""
    from urllib.parse import quote

    full = Path(os.path.abspath(path))
    try:
        # Quoted from the name's bytes: an undecodable byte becomes %XX, as in a file URI.
        relative = os.fsencode(full.relative_to(root).as_posix())
        return {"uri": quote(relative), "uriBaseId": "SRCROOT"}
    except ValueError:
        return {"uri": _file_uri(str(full))}


def _file_uri(path: str) -> str:
    """A ``file:`` URI quoted from the path's bytes (an undecodable byte is %XX)."""
    from urllib.parse import quote

    return "file://" + quote(os.fsencode(Path(path).as_posix()))


def _region(line: int, column: int, end_line: int | None, end_column: int | None) -> dict:
    if end_line is None or end_column is None or (end_line, end_column) <= (line, column):
        end_line, end_column = line, column + 1
    return {
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _sarif_result(d: Diagnostic, rule_index: int, root: str) -> dict[str, object]:
    location = _sarif_location(d.path, root)
    result: dict[str, object] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVELS[d.severity],
        "message": {"text": escape.text(d.message)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": _region(d.line, d.column, d.end_line, d.end_column),
                }
            }
        ],
    }
    if d.related:
        result["relatedLocations"] = _sarif_related(d, location)
    if d.fix is not None:
        fix = d.fix
        result["fixes"] = [
            {
                "description": {"text": fix.description or "apply guidelint's fix"},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": fix.line,
                                    "startColumn": fix.column,
                                    "endLine": fix.end_line,
                                    "endColumn": fix.end_column,
                                },
                                "insertedContent": {"text": fix.text},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def _sarif_related(d: Diagnostic, location: dict[str, str]) -> list[dict[str, object]]:
    """The findings folded into ``d``, as SARIF related locations."""
    return [
        {
            "id": index,
            "physicalLocation": {
                "artifactLocation": location,
                "region": _region(r.line, r.column, None, None),
            },
            "message": {"text": f"{r.code} {escape.text(r.message)}"},
        }
        for index, r in enumerate(d.related)
    ]


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: annotations on the pull request's lines."""

    name = "github"
    description = "GitHub Actions workflow commands (::error file=...), shown as annotations"

    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            props = [("file", escape.path(d.path)), ("line", str(d.line)), ("col", str(d.column))]
            if d.end_line is not None:
                props.append(("endLine", str(d.end_line)))
                if d.end_line == d.line and d.end_column is not None:
                    props.append(("endColumn", str(d.end_column)))
            props.append(("title", d.code))
            fields = ",".join(f"{key}={_escape_property(value)}" for key, value in props)
            text = _escape_data(f"{d.message} [{d.name}]")  # %0A: one command, many lines
            self.stream.write(f"::{_GITHUB_LEVELS[d.severity]} {fields}::{text}\n")

    def finish(self, summary: Summary) -> None:
        self.stream.write(summary.line() + "\n")


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    """Escape a workflow command's message, as the Actions toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class JunitReporter(Reporter):
    """JUnit XML: one testsuite per file, one testcase per finding.

    A finding fails its test only when it would fail the run (``fail-on``), so
    a run that exits 0 shows no failed tests; the others are passing tests
    whose ``<system-out>`` holds the finding, which junitparser and
    xunit-viewer read as passed (``<skipped>`` would claim the check did not
    run).  Test names carry the code and name, never the position, so a CI's
    test history survives lines moving; a second finding of the same code in
    a file is named ``#2``, and so on.
    """

    name = "junit"
    description = "JUnit XML, one testsuite per file; findings below --fail-on are passing tests"

    def start(self) -> None:
        from xml.etree import ElementTree as ET

        self.root = ET.Element("testsuites", name="guidelint")
        self.failures = 0

    def fails(self, d: Diagnostic) -> bool:
        return self.fail_on is not None and d.severity >= self.fail_on

    def file(self, result: FileResult) -> None:
        from xml.etree import ElementTree as ET

        found = result.diagnostics
        shown = escape.path(result.path)
        failing = sum(1 for d in found if self.fails(d))
        self.failures += failing
        suite = ET.SubElement(
            self.root,
            "testsuite",
            name=shown,
            tests=str(max(1, len(found))),
            failures=str(failing),
            errors="0",
            skipped="0",
        )
        if not found:
            ET.SubElement(suite, "testcase", name="guidelint", classname=shown)
        seen: Counter[str] = Counter()
        for d in found:
            seen[d.code] += 1
            ordinal = f" #{seen[d.code]}" if seen[d.code] > 1 else ""
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{d.code} {d.name}{ordinal}",
                classname=shown,
                file=shown,
                line=str(d.line),
            )
            message = escape.text(d.message)
            where = (
                f"{shown}:{d.line}:{d.column}: {d.code} {d.severity.label}: {message} [{d.name}]"
            )
            if self.fails(d):
                failure = ET.SubElement(case, "failure", message=message, type=d.severity.label)
                failure.text = where
            else:
                ET.SubElement(case, "system-out").text = where

    def finish(self, summary: Summary) -> None:
        from xml.etree import ElementTree as ET

        self.root.set("tests", str(sum(int(s.get("tests", "0")) for s in self.root)))
        self.root.set("failures", str(self.failures))
        self.root.set("errors", "0")
        ET.indent(self.root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(self.root, encoding="unicode"))
        self.stream.write("\n")


# The formats CI review tools read live beside the others, in their own module.
from guidelint.review_formats import (  # noqa: E402
    GitlabReporter,
    JsonLinesReporter,
    RdjsonReporter,
)

REPORTERS: dict[str, type[Reporter]] = {
    cls.name: cls
    for cls in (TextReporter, JsonReporter, SarifReporter, GithubReporter, JunitReporter)
} | {cls.name: cls for cls in (GroupedReporter, JsonLinesReporter, RdjsonReporter, GitlabReporter)}


COLOR_CHOICES = ("auto", "always", "never")


def wants_color(choice: str, stream: TextIO) -> bool:
    """``--color``: ``always`` and ``never`` are final; ``auto`` colours a
    terminal, unless ``NO_COLOR`` is set, or anything when ``FORCE_COLOR`` is
    (``0`` and ``false`` do not force), as https://no-color.org and
    https://force-color.org describe."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "").lower() not in ("", "0", "false"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def resolve_format(name: str) -> str:
    """``auto`` means ``github`` inside GitHub Actions and ``text`` elsewhere."""
    if name == "auto":
        return (
            "github"
            if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in REPORTERS
            else "text"
        )
    return name
