"""Rule documentation links: SARIF's helpUri (the language server's
codeDescription is tested over pipes in test_lsp.py)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from conftest import FIXTURES, run_cli

BROKEN = FIXTURES / "schema" / "broken-lf.md"


def sarif_rules(cwd: Path, *args: str) -> list[dict[str, object]]:
    result = run_cli(["check", "--output-format", "sarif", "--select", "GL1", *args], cwd=cwd)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]


def test_help_uri_points_into_the_configured_rules_page(tmp_path: Path) -> None:
    (tmp_path / "guidelint.toml").write_text(
        'docs-url = "https://docs.example.org/guidelint/rules.html"\n', encoding="utf-8"
    )
    (tmp_path / "guide.md").write_bytes(BROKEN.read_bytes())
    rules = sarif_rules(tmp_path, "guide.md")
    assert [(r["id"], r["helpUri"]) for r in rules] == [
        ("GL101", "https://docs.example.org/guidelint/rules.html#gl101-missing-field"),
        ("GL103", "https://docs.example.org/guidelint/rules.html#gl103-invalid-value"),
        ("GL104", "https://docs.example.org/guidelint/rules.html#gl104-unknown-field"),
    ]


def test_default_help_uri_opens_the_rules_page_shipped_with_the_package(tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_bytes(BROKEN.read_bytes())
    for rule in sarif_rules(tmp_path, "--isolated", "guide.md"):
        parts = urlsplit(str(rule["helpUri"]))
        assert parts.scheme == "file"
        page = Path(url2pathname(parts.path)).read_text(encoding="utf-8")
        # The fragment is the anchor a Markdown renderer gives the rule's heading.
        assert parts.fragment == f"{str(rule['id']).lower()}-{rule['name']}"
        assert f"\n### {rule['id']} {rule['name']}\n" in page


def test_docs_url_must_be_an_address(tmp_path: Path) -> None:
    (tmp_path / "guidelint.toml").write_text('docs-url = "docs/rules.md"\n', encoding="utf-8")
    result = run_cli(["check", "."], cwd=tmp_path)
    assert result.returncode == 2
    assert 'bad value for `docs-url`: "docs/rules.md"; expected text matching' in result.stderr
