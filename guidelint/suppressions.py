"""Inline suppressions, applied once by the linter after every rule ran."""

from __future__ import annotations

from guidelint.context import Context
from guidelint.diagnostics import Diagnostic
from guidelint.document import Guide


def apply(guide: Guide, diagnostics: list[Diagnostic], ctx: Context) -> list[Diagnostic]:
    """Drop suppressed diagnostics and add GL9xx findings about the suppressions."""
    return diagnostics
