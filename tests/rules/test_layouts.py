"""Compensation tables as real guides write them: layouts, cell spellings, region names.

The fixtures under tests/fixtures/layouts/ are clean; each test changes one
thing and asserts the exact findings and what ``--fix`` writes.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES, lint_text, positions
from guidelint.diagnostics import Diagnostic
from guidelint.document import parse_guide
from guidelint.fixes import apply_fixes
from guidelint.tablecompare import compare

LAYOUTS = FIXTURES / "layouts"
CLEAN = sorted(p.name for p in LAYOUTS.glob("*.md"))


def lint(name: str, *changes: tuple[str, str]) -> tuple[str, list[Diagnostic]]:
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    # GL205 and GL207 read the totals these fixtures were not written to add up;
    # tests/rules/test_totals.py
    return text, lint_text(text, select=("GL1", "GL2", "GL3"), ignore=("GL205", "GL207"))


def fixed(text: str, found: list[Diagnostic]) -> str:
    return apply_fixes(text, list({d.fix for d in found if d.fix is not None})).text


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.split("\n"), after.split("\n"), strict=False) if a != b]


@pytest.mark.parametrize("name", CLEAN)
def test_real_layouts_are_clean(name: str) -> None:
    assert lint(name)[1] == []


def test_each_fixture_is_read_in_its_layout() -> None:
    from conftest import TODAY
    from guidelint.config import Settings
    from guidelint.linter import Linter

    linter = Linter(Settings(), TODAY)
    layouts = {}
    for name in CLEAN:
        guide = parse_guide((LAYOUTS / name).read_bytes(), name)
        comparison = compare(guide, linter.context(name))
        assert comparison is not None and comparison.table is not None
        layouts[name] = comparison.table.layout
        assert comparison.others == []  # level-mapping tables are left alone
    assert layouts == {
        "components.md": "components",
        "level-rows.md": "rows",
        "levels.md": "levels",
        "real-cells.md": "rows",
    }


# -- a table pivoted by component --------------------------------------------------


def test_components_value_mismatch_rewrites_only_that_cell() -> None:
    text, found = lint("components.md", ("£78,000 – £105,000", "£78,000 – £106,000"))
    assert positions(found) == [("GL305", 46, 49)]
    assert found[0].message == "base salary high is £106,000 in the table but base_high is 105000"
    assert changed_lines(text, fixed(text, found)) == [
        (
            "| Base Salary | $135,000 – $170,000 | £78,000 – £106,000 |",
            "| Base Salary | $135,000 – $170,000 | £78,000 – £105,000 |",
        )
    ]


def test_components_figure_for_a_null_field_fills_the_frontmatter() -> None:
    text, found = lint("components.md", ("| Varies |", "| £5,000 |"))
    assert positions(found) == [("GL306", 49, 39)]
    assert changed_lines(text, fixed(text, found)) == [
        ("    signing_bonus_low: null", "    signing_bonus_low: 5000")
    ]


def test_components_column_without_an_entry() -> None:
    _, found = lint("components.md", ("  - region: London\n", "  - region: Leeds\n"))
    assert positions(found) == [("GL302", 44, 3), ("GL303", 44, 35)]
    assert found[1].message.startswith("`🇬🇧 London (GBP £)` is not a `region` in the frontmatter")


def test_components_row_in_another_currency_is_one_finding_and_no_safe_fix() -> None:
    _, found = lint("components.md", ("    currency: GBP", "    currency: USD"))
    # the row's GL304 follows from the entry's currency: it is folded into GL203
    assert positions(found) == [("GL203", 35, 15)]
    (row,) = found[0].related
    assert (row.code, row.line, row.column) == ("GL304", 46, 39)
    assert row.message == (
        "`🇬🇧 London (GBP £)` is shown in GBP in the table (its name says GBP;"
        " `£78,000 – £105,000` and 2 more) but currency is USD"
    )
    assert all(not d.fixes for d in found)


# -- a table keyed by level, pivoted by city ---------------------------------------


def test_levels_compare_the_range_the_column_spans() -> None:
    text, found = lint("levels.md", ("total_comp_high: 370000", "total_comp_high: 380000"))
    # The highest figure of the San Jose column, on the Staff+ row.
    assert positions(found) == [("GL305", 53, 27)]
    assert found[0].message == (
        "total comp high is $370,000 in the table but total_comp_high is 380000"
    )
    # The last level's high end is the range's: only that figure is rewritten.
    assert changed_lines(text, fixed(text, found)) == [
        (
            "| Staff+ (L6+) | $285,000–$370,000 | $268,000–$348,000 | ₹62,00,000–₹98,00,000 |",
            "| Staff+ (L6+) | $285,000–$380,000 | $268,000–$348,000 | ₹62,00,000–₹98,00,000 |",
        )
    ]


def test_levels_low_end_points_at_the_lowest_cell() -> None:
    text, found = lint("levels.md", ("total_comp_low: 140000", "total_comp_low: 145000"))
    assert positions(found) == [("GL305", 51, 37)]
    assert "| $145,000–$200,000 |" in fixed(text, found)


def test_levels_absent_cells_are_skipped() -> None:
    _, found = lint("levels.md", ("| ₹62,00,000–₹98,00,000 |", "| N/A |"))
    assert positions(found) == [("GL305", 52, 68)]
    assert found[0].message == (
        "total comp high is ₹62,00,000 in the table but total_comp_high is 9800000"
    )
    # The highest figure is a middle level's, not the range's end: not rewritten.
    assert found[0].fix is None


# -- a table keyed by level, one row per entry --------------------------------------


def test_level_rows_are_keyed_by_the_column_that_names_the_entries() -> None:
    text, found = lint(
        "level-rows.md",
        ("| 61-62 | Senior PM | $155K - $220K |", "| 61-62 | Senior PM | $150K - $220K |"),
    )
    assert positions(found) == [("GL305", 45, 23)]
    assert changed_lines(text, fixed(text, found)) == [
        (
            "| 61-62 | Senior PM | $150K - $220K | $120K - $320K | 15% | $25K - $55K | $208K - $333K |",
            "| 61-62 | Senior PM | $155K - $220K | $120K - $320K | 15% | $25K - $55K | $208K - $333K |",
        )
    ]


def test_level_rows_bonus_range_fills_the_high_field() -> None:
    text, found = lint("level-rows.md", ("| 10% | $15K", "| 10–12% | $15K"))
    assert positions(found) == [("GL306", 44, 55)]
    after = fixed(text, found)
    assert changed_lines(text, after)[0] == (
        "    signing_bonus_low: 15000",
        "    bonus_pct_high: 12",
    )
    assert "    bonus_pct: 10\n    bonus_pct_high: 12\n    signing_bonus_low: 15000" in after
    assert after.split("\n---\n", 1)[1] == text.split("\n---\n", 1)[1]


# -- cell spellings and region names ----------------------------------------------------


def test_dual_currency_fix_keeps_the_conversion() -> None:
    text, found = lint("real-cells.md", ("    base_high: 135000", "    base_high: 140000"))
    assert positions(found) == [("GL305", 73, 29)]
    assert changed_lines(text, fixed(text, found)) == [
        (
            "| 🇬🇧 London | £75K / $95K – £135K / $170K | — | £8,000-£15,000 / $10,000-$19,000 | £90K–£170K |",
            "| 🇬🇧 London | £75K / $95K – £140K / $170K | — | £8,000-£15,000 / $10,000-$19,000 | £90K–£170K |",
        )
    ]


def test_indian_grouping_is_written_back_in_kind() -> None:
    text, found = lint("real-cells.md", ("    base_low: 1800000", "    base_low: 1900000"))
    assert positions(found) == [("GL305", 75, 15)]
    assert "| Bangalore | ₹19,00,000-₹28,00,000 / $22,000-$34,000 |" in fixed(text, found)


def test_a_conversion_in_the_same_currency_is_malformed() -> None:
    _, found = lint(
        "real-cells.md", ("| £75K / $95K – £135K / $170K |", "| £75K / £95K – £135K / £170K |")
    )
    assert positions(found) == [("GL307", 73, 15)]
    assert "has its conversion after ` / ` in GBP too" in found[0].message


def test_display_precision_of_millions() -> None:
    # HK$1.3M shows 1,290,000 at its displayed precision.
    assert lint("real-cells.md", ("| HK$900K–HK$1.29M |", "| HK$900K–HK$1.3M |"))[1] == []


def test_lakh_cell_for_a_null_field() -> None:
    text, found = lint("real-cells.md", ("| N/A |", "| ₹5L |"))
    assert positions(found) == [("GL306", 75, 57)]
    assert "    stock_low: 500000\n" in fixed(text, found)


def test_name_states_the_currency_the_entry_lacks() -> None:
    _, found = lint("real-cells.md", ("    currency: SGD", "    currency: USD"))
    assert positions(found) == [("GL203", 21, 15)]
    assert [(r.code, r.line, r.column) for r in found[0].related] == [("GL304", 72, 24)]
    assert "its name says SGD" in found[0].related[0].message


@pytest.mark.parametrize(
    "spelling",
    ["Singapore", "**Singapore**", "🇸🇬 Singapore", ":singapore: Singapore", "Singapore (HQ)"],
)
def test_region_spellings_name_the_same_row(spelling: str) -> None:
    assert lint("real-cells.md", ("🇸🇬 Singapore (SGD)", spelling))[1] == []


@pytest.mark.parametrize(
    "cell",
    ["$195K–$255K", "$195,000–$255,000", "$195K - $255K", "$195K to $255K", "**$195K–$255K**"],
)
def test_money_spellings_agree(cell: str) -> None:
    assert lint("real-cells.md", ("| $195K–$255K |", f"| {cell} |"))[1] == []


@pytest.mark.parametrize("cell", ["—", "-", "N/A", "n/a", "Included", "Varies", "TBD"])
def test_cells_that_show_no_figure_agree_with_null(cell: str) -> None:
    assert lint("real-cells.md", ("| N/A |", f"| {cell} |"))[1] == []


def test_a_table_in_no_known_layout_is_one_finding() -> None:
    _, found = lint(
        "components.md",
        ("| Component | Columbia MD (USD) | 🇬🇧 London (GBP £) |", "| Offer | Initial | Stretch |"),
    )
    assert positions(found) == [("GL301", 11, 1)]
    assert found[0].message.endswith(
        "or in another layout the schema maps; the table on line 44"
        " (`Offer | Initial | Stretch`) shows none of its entries"
    )
