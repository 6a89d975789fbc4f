"""One root cause, one finding: what cascade.fold folds, and how reports show it."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, lint_text, positions, run_cli
from guidelint.fixes import apply_fixes, collect

GOOD = (FIXTURES / "table" / "good.md").read_text(encoding="utf-8")
# every row shows a bonus range; no entry has bonus_pct_high (the migration dropped it)
BONUS_RANGES = GOOD.replace("| 5% |", "| 5–10% |")
# London's entry says USD; its row shows pounds
LONDON_USD = GOOD.replace("    currency: GBP\n", "    currency: USD\n")


def test_a_field_missing_from_every_entry_is_one_finding_on_the_header() -> None:
    found = lint_text(BONUS_RANGES, select=("GL3",))
    assert positions(found) == [("GL306", 51, 44)]
    (column,) = found
    assert column.message == (
        "bonus_pct_high is not set in any entry, though the `Bonus` column shows it in 3 rows"
        " (3 findings, one per row, folded in)"
    )
    assert [(r.code, r.line, r.column) for r in column.related] == [
        ("GL306", 53, 49),
        ("GL306", 54, 44),
        ("GL306", 55, 42),
    ]


def test_fix_still_fills_each_row() -> None:
    found = lint_text(BONUS_RANGES, select=("GL3",))
    fixed = apply_fixes(BONUS_RANGES, collect(found)).text
    assert fixed.count("    bonus_pct_high: 10\n") == 3
    assert lint_text(fixed, select=("GL3",)) == []


def test_a_field_one_entry_sets_is_reported_row_by_row() -> None:
    text = BONUS_RANGES.replace(
        "    bonus_pct: 5\n", "    bonus_pct: 5\n    bonus_pct_high: 10\n", 1
    )
    assert positions(lint_text(text, select=("GL3",))) == [("GL306", 55, 44), ("GL306", 56, 42)]


def test_a_region_in_the_wrong_currency_reports_once() -> None:
    found = lint_text(LONDON_USD, select=("GL2", "GL3"))
    assert positions(found) == [("GL203", 38, 15)]
    assert found[0].message.endswith("(1 finding that follows from it folded in)")
    assert [(r.code, r.line, r.column) for r in found[0].related] == [("GL304", 55, 12)]


def test_without_the_root_the_followers_stay() -> None:
    found = lint_text(LONDON_USD, select=("GL2", "GL3"), ignore=("GL203",))
    assert positions(found) == [("GL304", 55, 12)]
    assert found[0].related == ()


def _guide(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "guide.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_reports_list_the_folded_findings(tmp_path: Path) -> None:
    path = _guide(tmp_path, BONUS_RANGES)
    common = ["check", "--isolated", "--no-cache", "--select", "GL3", str(path)]
    report = json.loads(run_cli([*common, "--output-format", "json"]).stdout)
    assert [r["line"] for r in report[0]["related"]] == [53, 54, 55]
    assert set(report[0]["related"][0]) == {"line", "column", "code", "message"}
    sarif = json.loads(run_cli([*common, "--output-format", "sarif"]).stdout)
    result = sarif["runs"][0]["results"][0]
    regions = [loc["physicalLocation"]["region"]["startLine"] for loc in result["relatedLocations"]]
    assert regions == [53, 54, 55]
    plain = run_cli(common).stdout.splitlines()
    shown = run_cli([*common, "--show-cascade"]).stdout.splitlines()
    assert len(shown) == len(plain) + 3
    assert (
        shown[1]
        == f"    {path}:53:49: GL306 bonus high is 10% in the table but bonus_pct_high is not set"
    )


def _london_in_dollars(folder: Path, configuration: str) -> str:
    """The first finding line of a run over a guide whose London entry says USD."""
    guide = folder / "g.md"
    guide.write_text(
        (FIXTURES / "table" / "good.md").read_text().replace("currency: GBP", "currency: USD")
    )
    (folder / "guidelint.toml").write_text(configuration)
    found = run_cli(["check", "--select", "GL2,GL3", "g.md"], cwd=folder)
    assert found.returncode == 1
    return found.stdout.split(": ", 2)[1]


def test_a_file_that_ignores_the_root_keeps_what_followed_from_it(tmp_path: Path) -> None:
    assert _london_in_dollars(tmp_path, '[per-file-ignores]\n"g.md" = ["GL203"]\n') == "GL304 error"


def test_a_root_is_as_severe_as_what_it_folds_in(tmp_path: Path) -> None:
    assert _london_in_dollars(tmp_path, '[severity]\nGL203 = "info"\n') == "GL203 error"


def test_in_a_table_with_a_column_per_region_it_is_one_finding_on_the_row_label() -> None:
    # Annual Bonus shows 10–12% in both regions' columns; no entry keeps the 12.
    text = (FIXTURES / "layouts" / "components.md").read_text(encoding="utf-8")
    found = lint_text(text.replace("    bonus_pct_high: 12\n", ""), select=("GL3",))
    assert positions(found) == [("GL306", 45, 3)]
    (row,) = found
    assert row.message == (
        "bonus_pct_high is not set in any entry, though the `Annual Bonus` row shows it in"
        " 2 columns (2 findings, one per column, folded in)"
    )
    assert [(r.code, r.line, r.column) for r in row.related] == [
        ("GL306", 45, 21),
        ("GL306", 45, 37),
    ]
