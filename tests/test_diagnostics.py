"""Diagnostics: what the linter stamps on a rule's finding."""

from __future__ import annotations

from guidelint.diagnostics import Diagnostic, Fix, Related, Severity


def test_stamped_is_replace() -> None:
    d = Diagnostic("", 3, 1, "GL101", "m", 3, 5, "old", Severity.INFO, None, ())
    fix = Fix(3, 1, 3, 5, "x")
    related = (Related(4, 1, "GL102", "r"),)
    stamped = d.stamped("g.md", "n", Severity.WARNING, fix, related)
    changes = {"path": "g.md", "name": "n", "severity": Severity.WARNING, "fix": fix}
    assert stamped == d._replace(**changes, related=related)
    # every other field is carried over: each was given a value of its own above
    kept = set(Diagnostic._fields) - {*changes, "related"}
    assert all(getattr(stamped, f) == getattr(d, f) for f in kept)
