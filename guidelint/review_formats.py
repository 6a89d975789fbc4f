"""The reports that CI review tools read: JSON lines, reviewdog's Diagnostic
Format (rdjson) and GitLab's Code Quality report.  Registered in
:data:`guidelint.reporters.REPORTERS` with the other formats."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from guidelint import escape
from guidelint.diagnostics import Severity
from guidelint.doclinks import docs_base, rule_url
from guidelint.reporters import Reporter, Summary

if TYPE_CHECKING:
    from guidelint.linter import FileResult


class JsonLinesReporter(Reporter):
    """One JSON object per line, with the keys of the ``json`` format."""

    name = "json-lines"
    description = "one JSON object per finding and line, with the keys of the json format"

    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.stream.write(json.dumps(d.as_dict(), ensure_ascii=False) + "\n")


class _LineReadingReporter(Reporter):
    """A report that needs each finding's line text (fingerprints, byte columns):
    read back once per file with findings, as baselines do."""

    def lines_of(self, result: FileResult) -> list[str]:
        from guidelint.baseline import current_lines

        if result.lines is not None:  # standard input: its text as linted
            return result.lines
        return current_lines(result.path) if result.path != "-" else []


_RDJSON_SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


class RdjsonReporter(_LineReadingReporter):
    """reviewdog's Diagnostic Format (``rdjson``): one ``DiagnosticResult``
    whose positions are 1-based lines and UTF-8 byte columns; a fix is a
    suggestion."""

    name = "rdjson"
    description = "reviewdog Diagnostic Format (rdjson), for reviewdog -f=rdjson"

    def start(self) -> None:
        self.found: list[dict[str, object]] = []

    def file(self, result: FileResult) -> None:
        if not result.diagnostics:
            return
        lines = self.lines_of(result)
        docs = docs_base(self.docs_url)

        def position(line: int, column: int) -> dict[str, int]:
            text = lines[line - 1] if 0 < line <= len(lines) else ""
            return {"line": line, "column": len(text[: column - 1].encode("utf-8")) + 1}

        for d in result.diagnostics:
            end_line, end_column = d.end_line or d.line, d.end_column or d.column + 1
            item: dict[str, object] = {
                "message": escape.text(d.message),
                "location": {
                    "path": escape.path(d.path),
                    "range": {
                        "start": position(d.line, d.column),
                        "end": position(end_line, max(end_column, d.column + 1)),
                    },
                },
                "severity": _RDJSON_SEVERITY[d.severity],
                "source": {"name": "guidelint"},
                "code": {"value": d.code, "url": rule_url(docs, d.code, d.name)},
            }
            if d.fix is not None:
                fix = d.fix
                item["suggestions"] = [
                    {
                        "range": {
                            "start": position(fix.line, fix.column),
                            "end": position(fix.end_line, fix.end_column),
                        },
                        "text": fix.text,
                    }
                ]
            self.found.append(item)

    def finish(self, summary: Summary) -> None:
        report = {"source": {"name": "guidelint"}, "diagnostics": self.found}
        json.dump(report, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")


_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


class GitlabReporter(_LineReadingReporter):
    """GitLab Code Quality JSON: an array of issues with description,
    check_name, fingerprint, severity and location (path relative to
    ``CI_PROJECT_DIR`` or the working folder, and lines.begin).  The
    fingerprint hashes the path, the code, the finding's line text (as
    baselines do) and its ordinal among equal ones, so it survives lines
    moving and tells identical findings apart."""

    name = "gitlab"
    description = "GitLab Code Quality JSON, for artifacts:reports:codequality"

    def start(self) -> None:
        self.root = os.environ.get("CI_PROJECT_DIR") or os.getcwd()
        self.first = True
        self.stream.write("[")

    def file(self, result: FileResult) -> None:
        import hashlib  # only this report hashes: a plain run does not import it

        from guidelint.baseline import fingerprint

        if not result.diagnostics:
            return
        lines = self.lines_of(result)
        path = _project_path(result.path, self.root)
        seen: Counter[str] = Counter()
        for d in result.diagnostics:
            text = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
            key = f"{path}\0{fingerprint(d.code, text)}"
            seen[key] += 1
            issue = {
                "type": "issue",
                "description": f"{d.code} {escape.text(d.message)} [{d.name}]",
                "check_name": d.code,
                "fingerprint": hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest(),
                "severity": _GITLAB_SEVERITY[d.severity],
                "categories": ["Style"],
                "location": {
                    "path": path,
                    "lines": {"begin": d.line, "end": d.end_line or d.line},
                },
            }
            self.stream.write("\n  " if self.first else ",\n  ")
            self.stream.write(json.dumps(issue, ensure_ascii=False))
            self.first = False

    def finish(self, summary: Summary) -> None:
        self.stream.write("\n]\n" if not self.first else "]\n")


def _project_path(path: str, root: str) -> str:
    """A forward-slash path relative to ``root``, or as given outside it; shown as
    reports show names (:func:`.escape.path`)."""
    full = os.path.abspath(path)
    try:
        return escape.path(Path(full).relative_to(root).as_posix())
    except ValueError:
        return escape.path(path)
