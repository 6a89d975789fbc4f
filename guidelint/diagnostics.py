"""The values every rule produces and every reporter consumes."""

from __future__ import annotations

import enum
from typing import NamedTuple


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= threshold`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(text) from None


# Immutable values: a warm cached run builds tens of thousands of diagnostics, and a
# NamedTuple is made as fast as a class with slots, compares and hashes as its fields
# do, and pickles small for the workers of a parallel run.  Being tuples, they equal
# plain tuples of the same fields and order as tuples do, which may compare None with
# a number: sort diagnostics by ``sort_key`` only.
class Fix(NamedTuple):
    """Replace the text between two 1-based positions (end exclusive) with ``text``."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    description: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "description": self.description,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
        }


class Related(NamedTuple):
    """A finding folded into another that causes it: where it is and what it says.

    It keeps its fix, which ``--fix`` still applies.
    """

    line: int
    column: int
    code: str
    message: str
    fix: Fix | None = None

    def as_dict(self) -> dict[str, object]:
        from guidelint import escape

        return {
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": escape.text(self.message),
        }


class Diagnostic(NamedTuple):
    """One finding: 1-based line and column, sorted by :attr:`sort_key`.

    Rules create diagnostics without a path, name or severity; the linter
    stamps those on from the registry and the configuration.
    """

    path: str
    line: int
    column: int
    code: str
    message: str
    end_line: int | None = None
    end_column: int | None = None
    name: str = ""
    severity: Severity = Severity.ERROR
    fix: Fix | None = None
    related: tuple[Related, ...] = ()  # findings that follow from this one, folded in

    @property
    def fixes(self) -> tuple[Fix, ...]:
        """Its own fix and those of the findings folded into it."""
        if not self.related:  # most findings: spare building a generator
            return () if self.fix is None else (self.fix,)
        return tuple(f for f in (self.fix, *(r.fix for r in self.related)) if f is not None)

    def stamped(
        self,
        path: str,
        name: str,
        severity: Severity,
        fix: Fix | None,
        related: tuple[Related, ...],
    ) -> Diagnostic:
        """This finding with what the linter stamps on: ``_replace`` with these
        fields, made directly, since every finding of a run goes through it."""
        return Diagnostic(
            path,
            self.line,
            self.column,
            self.code,
            self.message,
            self.end_line,
            self.end_column,
            name,
            severity,
            fix,
            related,
        )

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, object]:
        """The JSON report's contract: these keys, in this order (``related``, the
        findings folded into this one, was added last)."""
        from guidelint import escape

        return {
            "path": escape.path(self.path),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": escape.text(self.message),
            "fix": self.fix.as_dict() if self.fix else None,
            "related": [r.as_dict() for r in self.related],
        }


def problem(
    code: str,
    line: int,
    column: int,
    message: str,
    *,
    end_line: int | None = None,
    end_column: int | None = None,
    fix: Fix | None = None,
) -> Diagnostic:
    """What a rule yields: position, code and message; the rest is stamped later."""
    return Diagnostic(
        path="",
        line=line,
        column=column,
        code=code,
        message=message,
        end_line=end_line,
        end_column=end_column,
        fix=fix,
    )


def internal_error(doing: str, exc: Exception) -> Diagnostic:
    """GL000 for a bug met while ``doing`` something to a file ("in check_claims",
    "while parsing"): the exception on one line, and the last place in guidelint it
    passed through, so that a report can be filed; the run goes on."""
    import os
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f"{os.sep}guidelint{os.sep}" in f.filename] or frames
    place = f" ({os.path.basename(ours[-1].filename)}:{ours[-1].lineno})" if ours else ""
    said = " ".join(str(exc).split())
    if len(said) > 200:
        said = said[:199] + "\u2026"
    return problem("GL000", 1, 1, f"internal error {doing}: {type(exc).__name__}: {said}{place}")
