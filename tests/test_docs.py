"""docs/rules.md is generated from the registry and must match it."""

from __future__ import annotations

from conftest import REPO, run_cli

DOCS = REPO / "docs" / "rules.md"


def test_rules_md_is_up_to_date() -> None:
    result = run_cli(["rules", "--format", "markdown"])
    assert result.returncode == 0
    assert DOCS.read_text(encoding="utf-8") == result.stdout, (
        "docs/rules.md is stale: regenerate it with"
        " `guidelint rules --format markdown > docs/rules.md`"
    )


def test_rules_md_documents_every_rule_with_every_section() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for line in run_cli(["rules"]).stdout.splitlines():
        code, name = line.split()[:2]
        assert f"### {code} {name}\n" in text
        assert f"](#{code.lower()}-{name})" in text
    sections = ("What it does", "Why it matters", "Example", "How to fix", "Options")
    for section in sections:
        assert text.count(f"\n#### {section}\n") == text.count("\n### GL")
