"""GL201-GL204: the frontmatter against itself, driven by the schema's annotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, edited, lint_file, lint_text, positions
from guidelint.config import Settings
from guidelint.diagnostics import Diagnostic

TABLE = FIXTURES / "table"
GOOD = (TABLE / "good.md").read_text(encoding="utf-8")


def variant(*pairs: tuple[str, str]) -> str:
    return edited(GOOD, *pairs)


def gl2(text: str, **kwargs: object) -> list[Diagnostic]:
    """GL201-GL204; GL205 and GL206, which the same edits can trigger, have their own tests."""
    return lint_text(text, select=("GL2",), ignore=("GL205", "GL206"), **kwargs)  # type: ignore[arg-type]


def test_good_guide_is_clean() -> None:
    assert gl2(GOOD) == []


def test_fixture_with_every_code() -> None:
    # GL205 leaves the inverted San Francisco entry to GL201 (tests/rules/test_totals.py)
    found = lint_file(TABLE / "consistency.md", select=("GL2",))
    assert [(d.code, d.line, d.column, d.message) for d in found] == [
        ("GL201", 13, 15, "base_low 255000 is above base_high 195000"),
        ("GL201", 26, 16, "bonus_pct 12 is above bonus_pct_high 10"),
        ("GL202", 28, 21, "total_comp_low 180000 is below base_low 190000"),
        ("GL203", 39, 15, "currency is USD but `London` pays in GBP; the table shows it in GBP"),
        ("GL204", 40, 13, "region `  london ` appears twice: first on line 31"),
    ]


# -- GL201 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "reported"),
    [("255000", "255000", False), ("255001", "255000", True), ("254999", "255000", False)],
)
def test_gl201_boundary(low: str, high: str, reported: bool) -> None:
    text = variant(
        (
            "    base_low: 195000\n    base_high: 255000",
            f"    base_low: {low}\n    base_high: {high}",
        ),
        ("    total_comp_low: 248000", "    total_comp_low: 300000"),  # above either base
    )
    assert positions(gl2(text)) == ([("GL201", 13, 15)] if reported else [])


def test_gl201_float_percent() -> None:
    text = variant(
        (
            "    bonus_pct: 5\n    total_comp_low: 248000",
            "    bonus_pct: 7.5\n    bonus_pct_high: 7.25\n    total_comp_low: 248000",
        )
    )
    found = gl2(text)
    assert [(d.code, d.line, d.column, d.message) for d in found] == [
        ("GL201", 17, 16, "bonus_pct 7.5 is above bonus_pct_high 7.25")
    ]


# -- GL202 --------------------------------------------------------------------------


@pytest.mark.parametrize(("total", "reported"), [("195000", False), ("194999", True), ("0", True)])
def test_gl202_boundary(total: str, reported: bool) -> None:
    text = variant(("    total_comp_low: 248000", f"    total_comp_low: {total}"))
    assert positions(gl2(text)) == ([("GL202", 18, 21)] if reported else [])


def test_gl202_high_side() -> None:
    found = gl2(variant(("    base_high: 194000", "    base_high: 310000")))
    assert [(d.code, d.line, d.column, d.message) for d in found] == [
        ("GL202", 37, 22, "total_comp_high 263000 is below base_high 310000")
    ]


# -- GL203 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "currency", "expected"),
    [
        ("London", "GBP", None),
        ("London", "USD", "GBP"),
        ("London, UK", "EUR", "GBP"),
        ("Remote (US)", "EUR", "USD"),
        ("Zurich", "EUR", "CHF"),
        ("Bengaluru", "USD", "INR"),
        ("Atlantis", "XYZ", None),  # unknown regions are not an error
        ("Remote (Europe)", "EUR", None),
    ],
)
def test_gl203_region_currency(region: str, currency: str, expected: str | None) -> None:
    text = variant(
        ("  - region: London", f"  - region: {region}"),
        ("    currency: GBP", f"    currency: {currency}"),
    )
    found = [d for d in gl2(text) if d.code == "GL203"]
    # The fixture's table shows the first region in pounds.
    shown = "; the table shows it in GBP" if region == "London" else ""
    if expected is None:
        assert found == []
    else:
        assert [(d.line, d.column, d.message) for d in found] == [
            (38, 15, f"currency is {currency} but `{region}` pays in {expected}{shown}")
        ]


def test_gl203_configured_regions() -> None:
    text = variant(
        ("  - region: London", "  - region: Atlantis"), ("    currency: GBP", "    currency: USD")
    )
    assert gl2(text) == []
    found = gl2(text, settings=Settings(regions={"Atlantis": "EUR"}))
    assert positions(found) == [("GL203", 38, 15)]
    # Configuration overrides the built-in table too.
    assert (
        gl2(
            variant(("    currency: GBP", "    currency: EUR")),
            settings=Settings(regions={"London": "EUR"}),
        )
        == []
    )


# -- GL204 --------------------------------------------------------------------------


def test_gl204_duplicate_region_is_case_and_space_insensitive() -> None:
    found = gl2(variant(("  - region: New York", "  - region: SAN  FRANCISCO")))
    assert [(d.code, d.line, d.column, d.message) for d in found] == [
        ("GL204", 21, 13, "region `SAN  FRANCISCO` appears twice: first on line 12")
    ]


def test_gl204_three_times() -> None:
    text = variant(
        ("  - region: New York", "  - region: London"),
        ("  - region: San Francisco", "  - region: London"),
    )
    assert positions(gl2(text)) == [
        ("GL203", 20, 15),
        ("GL204", 21, 13),
        ("GL203", 29, 15),
        ("GL204", 30, 13),
    ]


# -- broken frontmatter never crashes ---------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    base_low: 195000\n", ""),
        ("    base_low: 195000", "    base_low: 195K"),
        ("    base_low: 195000", "    base_low: true"),
        ("    base_low: 195000", "    base_low: [1, 2]"),
        ("  - region: London", "  - region: 42"),
        ("  - region: London", "  - region:"),
        ("    currency: GBP", "    currency: {code: GBP}"),
        ("    currency: GBP\n", ""),
    ],
)
def test_mistyped_or_missing_fields(old: str, new: str) -> None:
    found = lint_text(variant((old, new)), select=("GL",))
    assert not [d for d in found if d.code == "GL000"]
    assert not [d for d in found if d.code.startswith("GL2")]


@pytest.mark.parametrize(
    "compensation",
    [
        "compensation: 3",
        "compensation:\n  - text\n  - [1]",
        "compensation: {a: 1}",
        "compensation:",
    ],
)
def test_unusable_lists(compensation: str) -> None:
    start, end = GOOD.index("compensation:"), GOOD.index("level_mapping:")
    found = lint_text(GOOD[:start] + compensation + "\n" + GOOD[end:], select=("GL",))
    assert not [d for d in found if d.code == "GL000" or d.code.startswith("GL2")]


# -- a schema without region data checks only its ranges ---------------------------------


def test_annotation_drives_the_rules(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "x-guidelint-consistency": {
            "list": "levels",
            "region": "place",
            "currency": "pay_in",
            "ranges": [["min", "max"]],
            "at_least": [["max", "floor"]],
        },
    }
    path = tmp_path / "s.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    text = (
        "---\nlevels:\n  - place: London\n    pay_in: USD\n    min: 5\n    max: 3\n    floor: 4\n"
        "  - place: london\n    pay_in: GBP\n---\nbody\n"
    )
    found = gl2(text, settings=Settings(schema=(("*.md", str(path)),), root=tmp_path))
    assert [(d.code, d.line, d.column) for d in found] == [
        ("GL203", 4, 13),
        ("GL201", 5, 10),
        ("GL202", 6, 10),
        ("GL204", 8, 12),
    ]


ROLE_GUIDE = """---
role: ml-ai-engineer
role_display: ML/AI Engineer
last_updated: 2026-11-20
next_review_due: 2027-02-19
salary_data_quarter: 2026-Q3
data_quality: low
data_sources:
  - Levels.fyi
levels:
  - level: Mid
    base_low: 146000
    base_high: 191000
    currency: USD
    region: US national
  - level: Senior
    base_low: 190000
    base_high: 280000
    currency: GBP
    region: London
  - level: Staff
    base_low: 200000
    base_high: 300000
    currency: USD
    region: US national
---
"""


def test_role_guide_regions_may_repeat_but_currency_is_checked() -> None:
    settings = Settings(schema=(("*.md", "role-guide"),))
    found = lint_text(
        ROLE_GUIDE.replace("currency: GBP", "currency: USD"), select=("GL2",), settings=settings
    )
    assert positions(found) == [("GL203", 19, 15)]
    assert positions(lint_text(ROLE_GUIDE, select=("GL2",), settings=settings)) == []


# -- GL206 --------------------------------------------------------------------------


def gl206(text: str, **kwargs: object) -> list[Diagnostic]:
    return lint_text(text, select=("GL206",), **kwargs)  # type: ignore[arg-type]


def test_gl206_good_guide_is_plausible() -> None:
    assert gl206(GOOD) == []


@pytest.mark.parametrize(
    ("figure", "reported"),
    [("15000", False), ("14999", True), ("195", True), ("1000000", False), ("1000001", True)],
)
def test_gl206_usd_base_boundaries(figure: str, reported: bool) -> None:
    text = variant(("    base_low: 195000\n", f"    base_low: {figure}\n"))
    assert positions(gl206(text)) == ([("GL206", 13, 15)] if reported else [])


def test_gl206_message_names_the_bound() -> None:
    text = variant(("    base_low: 195000\n", "    base_low: 195\n"))
    assert [d.message for d in gl206(text)] == [
        "base_low 195 is below 15000, the lowest plausible base salary in USD (plausible-ranges)"
    ]


def test_gl206_rupees_under_usd_are_reported() -> None:
    text = variant(
        (
            "    base_low: 195000\n    base_high: 255000\n",
            "    base_low: 3200000\n    base_high: 5500000\n",
        )
    )
    found = gl206(text)
    assert positions(found) == [("GL206", 13, 15), ("GL206", 14, 16)]
    assert "above 1000000, the highest plausible base salary in USD" in found[0].message


def test_gl206_dollars_under_jpy_are_reported() -> None:
    text = variant(("    currency: GBP\n", "    currency: JPY\n"))
    found = gl206(text)
    # base and total, pound-sized, are far below a yen salary; the stock
    # figures are within what a yen grant can be
    assert [(d.line, d.column) for d in found] == [(31, 15), (32, 16), (36, 21), (37, 22)]


def test_gl206_zero_parts_mean_none_but_zero_base_is_reported() -> None:
    text = variant(
        (
            "    stock_low: 175000\n    stock_high: 315000\n    bonus_pct: 5\n    total_comp_low: 248000",
            "    stock_low: 0\n    stock_high: 40\n    bonus_pct: 5\n    total_comp_low: 248000",
        )
    )
    assert positions(gl206(text)) == [("GL206", 16, 17)]


def test_gl206_configured_band_replaces_the_built_in_one() -> None:
    text = variant(("    base_low: 195000\n", "    base_low: 14000\n"))
    settings = Settings(plausible_ranges={"USD": {"base": (10000, 1000000)}})
    assert gl206(text, settings=settings) == []
    settings = Settings(plausible_ranges={"USD": {"total": (10, 20)}})
    assert [d.line for d in gl206(text, settings=settings)] == [13, 18, 19, 27, 28]


def test_gl206_skips_currencies_without_a_band() -> None:
    text = variant(("    currency: GBP\n", "    currency: KRW\n"))
    assert gl206(text) == []
    settings = Settings(plausible_ranges={"KRW": {"base": (20_000_000, 500_000_000)}})
    assert positions(gl206(text, settings=settings)) == [("GL206", 31, 15), ("GL206", 32, 16)]


@pytest.mark.parametrize("spelling", ["usd", '"$"'])
def test_a_misspelt_currency_is_reported_once_by_the_schema(spelling: str) -> None:
    old = "    total_comp_high: 346000\n    currency: USD\n"
    text = variant((old, old.replace("USD", spelling)))
    found = lint_text(text, select=("GL1", "GL2", "GL3"))
    assert positions(found) == [("GL103", 20, 15)]
