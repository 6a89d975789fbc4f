"""The project's own guides, the role-guide type, and the broken examples' reports.

Everything here runs the installed ``guidelint`` console script, the way a user
or CI job would.  Set ``GUIDELINT_UPDATE_EXAMPLES=1`` to rewrite the expected
reports of ``examples/broken/`` after a deliberate change.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_cli

GUIDES_TODAY = "2026-11-23"
EXAMPLES_TODAY = "2026-11-22"
BROKEN = REPO / "examples" / "broken"
LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<code>GL\d{3}) ", re.M)

# Each broken example shows one rule family, and only that family (the
# suppression example also shows the claim its expired suppression no longer hides).
FAMILIES = {
    "yaml-syntax.md": ("GL0",),
    "schema-errors.md": ("GL1",),
    "inconsistent-ranges.md": ("GL2",),
    "table-mismatch.md": ("GL3",),
    "stale-guide.md": ("GL4",),
    "unsupported-claims.md": ("GL5",),
    "bad-suppressions.md": ("GL9", "GL5"),
}


def findings(output: str) -> list[tuple[str, int, int, str]]:
    return [(m["path"], int(m["line"]), int(m["column"]), m["code"]) for m in LINE.finditer(output)]


def check_guides(*args: str, cwd: Path = REPO) -> tuple[int, str]:
    result = run_cli(["check", "guides/", "--today", GUIDES_TODAY, *args], cwd=cwd)
    assert result.stderr == "", result.stderr
    return result.returncode, result.stdout


# -- the shipped guides ----------------------------------------------------------


def test_guides_pass_with_only_freshness_warnings() -> None:
    code, out = check_guides()
    assert code == 0, out
    found = findings(out)
    assert all(c.startswith("GL40") for *_, c in found), out
    assert " error" not in out.splitlines()[-1]


def test_guides_pass_when_warnings_fail_the_run_except_freshness() -> None:
    code, out = check_guides("--fail-on", "warning", "--ignore", "GL4")
    assert code == 0, out
    assert findings(out) == []


def test_guides_have_the_sections_their_type_requires() -> None:
    code, out = check_guides("--select", "GL601,GL602,GL206,GL409")
    assert code == 0 and findings(out) == [], out


def test_guides_cover_both_types() -> None:
    paths = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "guides").rglob("*.md"))
    roles = [p for p in paths if p.startswith("guides/roles/")]
    companies = [p for p in paths if not p.startswith("guides/roles/")]
    assert len(roles) >= 3 and len(companies) >= 4, paths


def test_known_freshness_facts_are_reported() -> None:
    _, out = check_guides()
    assert ("guides/anyscale/ml-ai-engineer.md", 10, 18, "GL401") in findings(out)
    assert ("guides/anyscale/ml-ai-engineer.md", 9, 22, "GL403") in findings(out)


# -- the role-guide type is linted through its own schema --------------------------


def copy_repo_guide(tmp_path: Path, relative: str) -> Path:
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / relative, target)
    return target


def position_of(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based line and column of ``needle`` (plus ``offset`` characters) in ``text``."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


ROLE = "guides/roles/mlops-engineer.md"


def lint_copy(tmp_path: Path) -> list[tuple[str, int, int, str]]:
    result = run_cli(["check", ROLE, "--today", GUIDES_TODAY, "--ignore", "GL4"], cwd=tmp_path)
    assert result.stderr == "", result.stderr
    return findings(result.stdout)


def test_role_guide_level_with_text_amount_is_wrong_type(tmp_path: Path) -> None:
    guide = copy_repo_guide(tmp_path, ROLE)
    text = guide.read_text(encoding="utf-8")
    text = text.replace("    base_high: 175000\n", '    base_high: "175K"\n', 1)
    guide.write_text(text, encoding="utf-8")
    line, column = position_of(text, '    base_high: "175K"', 15)
    assert (ROLE, line, column, "GL102") in lint_copy(tmp_path)


def test_role_guide_level_without_region_is_missing_field(tmp_path: Path) -> None:
    guide = copy_repo_guide(tmp_path, ROLE)
    text = guide.read_text(encoding="utf-8")
    marker = "  - level: Senior\n"
    start = text.index(marker)
    end = text.index("    region: US national\n", start)
    text = text[:end] + text[end + len("    region: US national\n") :]
    guide.write_text(text, encoding="utf-8")
    line, column = position_of(text, marker, 4)
    assert (ROLE, line, column, "GL101") in lint_copy(tmp_path)


def test_role_guide_unknown_level_field_is_reported(tmp_path: Path) -> None:
    guide = copy_repo_guide(tmp_path, ROLE)
    text = guide.read_text(encoding="utf-8").replace(
        "    base_low: 70000\n", "    base_lo: 70000\n"
    )
    guide.write_text(text, encoding="utf-8")
    line, column = position_of(text, "    base_lo: 70000", 4)
    found = lint_copy(tmp_path)
    assert (ROLE, line, column, "GL104") in found


def test_role_guide_table_is_cross_checked_by_level(tmp_path: Path) -> None:
    guide = copy_repo_guide(tmp_path, ROLE)
    text = guide.read_text(encoding="utf-8").replace(
        "    base_high: 210000\n", "    base_high: 215000\n"
    )
    guide.write_text(text, encoding="utf-8")
    line, column = position_of(text, "| Senior | 5–8 | $140K–$210K", len("| Senior | 5–8 | $140K–"))
    assert (ROLE, line, column, "GL305") in lint_copy(tmp_path)


def test_role_guide_total_below_base_is_inconsistent(tmp_path: Path) -> None:
    guide = copy_repo_guide(tmp_path, ROLE)
    text = guide.read_text(encoding="utf-8").replace(
        "    total_low: 260000\n", "    total_low: 160000\n"
    )
    guide.write_text(text, encoding="utf-8")
    line, column = position_of(text, "    total_low: 160000", 15)
    assert (ROLE, line, column, "GL202") in lint_copy(tmp_path)


def test_role_guide_without_its_schema_fails_the_company_schema(tmp_path: Path) -> None:
    copy_repo_guide(tmp_path, ROLE)
    result = run_cli(["check", ROLE, "--today", GUIDES_TODAY, "--isolated"], cwd=tmp_path)
    codes = {code for *_, code in findings(result.stdout)}
    assert result.returncode == 1
    assert {"GL101", "GL104"} <= codes


def test_partial_guide_row_needs_base_or_total(tmp_path: Path) -> None:
    partial = "guides/anyscale/software-engineer.md"
    guide = copy_repo_guide(tmp_path, partial)
    text = guide.read_text(encoding="utf-8")
    text = text.replace("    total_comp_low: 157000\n    total_comp_high: 525000\n", "")
    guide.write_text(text, encoding="utf-8")
    result = run_cli(["check", partial, "--today", GUIDES_TODAY, "--ignore", "GL4"], cwd=tmp_path)
    found = findings(result.stdout)
    line, column = position_of(text, "  - region: All locations", 4)
    assert (partial, line, column, "GL101") in found
    row, _ = position_of(text, "| All locations |")
    assert [(partial, row, "GL306")] * 2 == [(p, n, c) for p, n, _, c in found if c == "GL306"]


def test_partial_guide_keeps_the_company_table_mapping(tmp_path: Path) -> None:
    partial = "guides/anyscale/infrastructure-engineer.md"
    guide = copy_repo_guide(tmp_path, partial)
    text = guide.read_text(encoding="utf-8").replace("| $202K–$237K |", "| $202K–$247K |")
    guide.write_text(text, encoding="utf-8")
    result = run_cli(["check", partial, "--today", GUIDES_TODAY, "--ignore", "GL4"], cwd=tmp_path)
    line, column = position_of(text, "$202K–$247K", len("$202K–"))
    assert findings(result.stdout) == [(partial, line, column, "GL305")]


# -- the broken examples keep their printed reports --------------------------------


EXAMPLES = sorted(p.name for p in BROKEN.glob("*.md"))


def test_every_family_has_a_broken_example() -> None:
    assert sorted(FAMILIES) == EXAMPLES


@pytest.mark.parametrize("name", EXAMPLES)
def test_broken_example_report_is_current(name: str) -> None:
    result = run_cli(["check", "--today", EXAMPLES_TODAY, "--isolated", name], cwd=BROKEN)
    assert result.stderr == ""
    expected_file = BROKEN / name.replace(".md", ".expected.txt")
    if os.environ.get("GUIDELINT_UPDATE_EXAMPLES") == "1":
        expected_file.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected_file.read_text(encoding="utf-8")
    found = findings(result.stdout)
    assert found, f"{name} reports nothing"
    families = FAMILIES[name]
    assert all(code.startswith(families) for *_, code in found), result.stdout
    assert any(code.startswith(families[0]) for *_, code in found), result.stdout


# -- the README's tour runs exactly as printed ---------------------------------------

TOUR = re.compile(r"<!-- section: tour -->(.*?)<!-- /section: tour -->", re.S)
CONSOLE = re.compile(r"^````console\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)^````$", re.S | re.M)


def tour_commands() -> list[tuple[str, str]]:
    section = TOUR.search((REPO / "README.md").read_text(encoding="utf-8"))
    assert section, "README.md has no tour section"
    return [(m["command"], m["output"]) for m in CONSOLE.finditer(section.group(1))]


def test_tour_shows_guides_a_broken_example_and_a_rule() -> None:
    commands = [command for command, _ in tour_commands()]
    assert commands[0].startswith("guidelint check guides/")
    assert any("examples/broken/" in command for command in commands)
    assert any(command.startswith("guidelint rule ") for command in commands)


@pytest.mark.parametrize("command, printed", tour_commands())
def test_tour_output_is_current(command: str, printed: str) -> None:
    import shlex

    words = shlex.split(command)
    assert words[0] == "guidelint"
    result = run_cli(words[1:], cwd=REPO)
    assert result.stdout == printed
