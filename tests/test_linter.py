"""The linter applies selection, per-file ignores and severities in one place."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import FIXTURES, TODAY, positions
from guidelint.config import Settings
from guidelint.diagnostics import Diagnostic, Severity, problem
from guidelint.linter import Linter
from guidelint.registry import REGISTRY, CheckSpec, load_families
from guidelint.selection import Selection

BROKEN = (FIXTURES / "schema" / "broken-lf.md").read_bytes()


@pytest.mark.parametrize(
    ("select", "ignore", "code", "enabled"),
    [
        (("GL",), (), "GL104", True),
        (("GL1",), (), "GL104", True),
        (("GL1",), ("GL104",), "GL104", False),
        (("GL104",), ("GL1",), "GL104", True),  # the more specific prefix wins
        (("GL2",), (), "GL104", False),
        ((), (), "GL104", False),
    ],
)
def test_selection(
    select: tuple[str, ...], ignore: tuple[str, ...], code: str, enabled: bool
) -> None:
    assert Selection(select, ignore).enabled(code) is enabled


def test_severity_override_and_per_file_ignores(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(
        root=tmp_path,
        severity={"GL103": Severity.WARNING},
        per_file_ignores=(("legacy/*.md", ("GL104",)),),
    )
    linter = Linter(settings, TODAY, Selection(("GL1",)))
    here = linter.lint_bytes(BROKEN, str(tmp_path / "guide.md")).diagnostics
    assert [(d.code, d.severity) for d in here] == [
        ("GL103", Severity.WARNING),
        ("GL101", Severity.ERROR),
        ("GL104", Severity.ERROR),
    ]
    legacy = linter.lint_bytes(BROKEN, str(tmp_path / "legacy" / "old.md")).diagnostics
    assert positions(legacy) == [("GL103", 8, 15), ("GL101", 21, 5)]


def test_deselected_checks_never_run() -> None:
    linter = Linter(Settings(), TODAY, Selection(("GL0",)))
    assert all(spec.codes <= {"GL000"} or not spec.codes & {"GL101"} for spec in linter.checks)
    assert not any("GL101" in spec.codes for spec in linter.checks)


def test_a_crashing_rule_becomes_gl000(monkeypatch: pytest.MonkeyPatch) -> None:
    load_families()

    def explode(guide: object, ctx: object) -> Iterator[Diagnostic]:
        yield problem("GL101", 1, 1, "never seen")
        raise RuntimeError("boom")

    spec = CheckSpec(explode, frozenset({"GL101"}))
    monkeypatch.setattr(REGISTRY, "checks", [*REGISTRY.checks, spec])
    found = Linter(Settings(), TODAY, Selection(("GL0", "GL1"))).lint_bytes(BROKEN, "g.md")
    crash = [d for d in found.diagnostics if d.code == "GL000"]
    assert positions(crash) == [("GL000", 1, 1)]
    assert "RuntimeError: boom" in crash[0].message
    # the other rules' findings survive
    assert {"GL101", "GL103", "GL104"} <= {d.code for d in found.diagnostics}


def test_diagnostics_are_stamped_and_sorted() -> None:
    found = Linter(Settings(), TODAY, Selection(("GL1",))).lint_bytes(BROKEN, "g.md").diagnostics
    assert [d.sort_key for d in found] == sorted(d.sort_key for d in found)
    assert all(d.path == "g.md" and d.name for d in found)
    assert found[0]._asdict()["name"] == "invalid-value"


def test_every_finding_has_an_end() -> None:
    # A table cell's finding ends with its figure; the rest keep their own ends.
    from conftest import REPO, lint_file

    found = lint_file(REPO / "examples" / "broken" / "table-mismatch.md", select=("GL3",))
    assert [(d.code, d.line, d.column, d.end_line, d.end_column) for d in found] == [
        ("GL302", 39, 3, 39, 9),
        ("GL303", 41, 3, 41, 16),
        ("GL306", 42, 42, 42, 45),
        ("GL305", 42, 54, 42, 59),
    ]


def test_a_crash_outside_the_rules_becomes_gl000_for_its_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reading the body happens before any rule runs: a bug there is reported on its
    file, with the frontmatter's own findings, on one line."""
    from guidelint import markdown

    def explode(*args: object, **kwargs: object) -> None:
        raise ValueError("bad\nbody")

    monkeypatch.setattr(markdown, "parse_body", explode)
    found = Linter(Settings(), TODAY, Selection(("GL0",))).lint_bytes(
        b"---\na: 1\n---\nx\n", "g.md"
    )
    assert positions(found.diagnostics) == [("GL000", 1, 1)]
    message = found.diagnostics[0].message
    assert message.startswith("internal error while linting: ValueError: bad body (")
    place = message.rsplit("(", 1)[1]
    assert place.endswith(")") and ".py:" in place  # where in guidelint it was raised
