"""Reporters render finished results; one class per ``--format`` name.

Each reporter sees the run as a stream: ``start``, then ``file`` once per
linted file in order, then ``finish`` with the totals.  Adding a format is
adding one class and one entry in :data:`REPORTERS`.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, TextIO

from guidelint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from guidelint.linter import FileResult


@dataclass
class Summary:
    files: int = 0
    files_with_findings: int = 0
    by_severity: Counter[Severity] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    fixable: int = 0

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.diagnostics:
            self.files_with_findings += 1
        for d in result.diagnostics:
            self.by_severity[d.severity] += 1
            self.by_code[d.code] += 1
            if d.fix is not None:
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
        if self.fixable:
            text += f" {self.fixable} fixable with `guidelint check --fix`."
        return text


class Reporter:
    """Base reporter: subclasses override the three lifecycle methods."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def __init__(self, stream: TextIO, *, color: bool = False, statistics: bool = False) -> None:
        self.stream = stream
        self.color = color
        self.statistics = statistics

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass


_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


class TextReporter(Reporter):
    name = "text"
    description = "path:line:col: CODE message [name], the format editors' problem matchers read"

    def paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text

    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            where = self.paint(f"{d.path}:{d.line}:{d.column}:", "1")
            code = self.paint(d.code, _COLORS[d.severity])
            mark = " [*]" if d.fix is not None else ""
            self.stream.write(f"{where} {code} {d.message} [{d.name}]{mark}\n")

    def finish(self, summary: Summary) -> None:
        if self.statistics:
            write_statistics(self.stream, summary)
        self.stream.write(summary.line() + "\n")


def write_statistics(stream: TextIO, summary: Summary) -> None:
    from guidelint.registry import REGISTRY

    for code, count in sorted(summary.by_code.items()):
        name = REGISTRY.rules[code].name if code in REGISTRY.rules else ""
        stream.write(f"{count:6d}  {code}  {name}\n")


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


REPORTERS: dict[str, type[Reporter]] = {cls.name: cls for cls in (TextReporter, JsonReporter)}


def resolve_format(name: str) -> str:
    """``auto`` means ``github`` inside GitHub Actions and ``text`` elsewhere."""
    if name == "auto":
        return (
            "github"
            if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in REPORTERS
            else "text"
        )
    return name


def all_diagnostics(results: list[FileResult]) -> list[Diagnostic]:
    return [d for r in results for d in r.diagnostics]
