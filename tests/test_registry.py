"""The registry is the single source of rule truth: every rule complete and tested."""

from __future__ import annotations

import re

import pytest

from conftest import TESTS
from guidelint.registry import DOC_SECTIONS, FAMILIES, families_for, load_families

RULES = list(load_families())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"GL\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.name)
    assert rule.summary and not rule.summary.endswith(".")
    for section in DOC_SECTIONS:
        assert getattr(rule, section).strip(), f"{rule.code} lacks its {section!r} section"


def test_names_are_unique() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


def test_every_rule_has_tests() -> None:
    text = "\n".join(
        path.read_text(encoding="utf-8")
        for path in TESTS.rglob("*.py")
        if path.name != "test_registry.py"
    )
    untested = [r.code for r in RULES if r.code != "GL000" and r.code not in text]
    assert untested == []


def test_shipped_schemas_are_valid_json_schemas() -> None:
    import json

    from jsonschema import Draft202012Validator

    from guidelint.resources import PACKAGE_DIR

    schemas = sorted((PACKAGE_DIR / "schemas").glob("*.schema.json"))
    assert len(schemas) >= 3
    for path in schemas:
        Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_each_family_owns_its_block_of_codes(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.code.startswith(FAMILIES[rule.family])


@pytest.mark.parametrize(
    ("select", "families"),
    [
        # parse always: no selection hides a file that was not checked (GL000, GL001)
        (["GL"], tuple(FAMILIES)),
        (["GL1"], ("parse", "schema")),
        (["GL501", "GL4"], ("parse", "freshness", "claims")),
        (["GL9"], ("parse", "meta")),
        ([], ("parse",)),
    ],
)
def test_a_selection_names_its_families(select: list[str], families: tuple[str, ...]) -> None:
    assert families_for(select) == families


def test_a_selection_imports_only_its_families(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A run limited to the schema rules never imports the claim or table rules (the
    parse family, whose findings every selection reports, is always there)."""
    import subprocess
    import sys

    guide = tmp_path / "guide.md"
    guide.write_text("---\ncompany: x\n---\nBody.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from guidelint.cli import main\n"
        "code = main(['check', '--no-cache', '--select', 'GL1', sys.argv[1]])\n"
        "print(sorted(m for m in sys.modules if m.startswith('guidelint.rules.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(guide)], capture_output=True, text=True, check=False
    )
    imported = "['guidelint.rules.parse', 'guidelint.rules.schema']"
    assert done.stdout.strip().splitlines()[-1] == imported, done.stderr
