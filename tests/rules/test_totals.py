"""GL205: a stated total against base, one year of stock and the bonus."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, edited, lint_text, positions
from guidelint.config import Settings
from guidelint.resources import data_file
from guidelint.totalparts import first_year, header_years

REAL = (FIXTURES / "schema" / "real-format.md").read_text(encoding="utf-8")
GOOD = (FIXTURES / "table" / "good.md").read_text(encoding="utf-8")
EXACT = Settings(total_tolerance=0.05)


def totals(text: str, *pairs: tuple[str, str], settings: Settings | None = None) -> list:
    """GL205's findings, at the 5% tolerance the cases here are worked out for (the
    default, 5.5%, is measured on real guides: tests/test_realworld_schema.py)."""
    return lint_text(edited(text, *pairs), select=("GL205",), settings=settings or EXACT)


@pytest.mark.parametrize(
    ("header", "years"), data_file("totals.json")["stock_periods"]["examples"].items()
)
def test_stock_periods(header: str, years: int | None) -> None:
    assert header_years(header) == years


@pytest.mark.parametrize(
    ("header", "first"), data_file("totals.json")["first_year_totals"]["examples"].items()
)
def test_first_year_totals(header: str, first: bool) -> None:
    assert first_year(header) == first


FIRST_YEAR = (FIXTURES / "table" / "first-year.md").read_text(encoding="utf-8")


def test_a_first_year_total_counts_the_signing_bonus() -> None:
    # 200000 + 160000/4 + 10% = 260000, and 290000 with the 30000 signing bonus
    assert totals(FIRST_YEAR) == []
    yearly = edited(FIRST_YEAR, ("| Total Comp (Year 1) |", "| Total Comp |"))
    found = totals(yearly)
    assert positions(found) == [("GL205", 20, 21)]
    assert "it counts the signing bonus (signing_bonus_low 30000), which is paid once" in (
        found[0].message
    )
    # a first year's total may leave the signing bonus out: 260000 still fits
    assert totals(edited(FIRST_YEAR, ("total_comp_low: 290000", "total_comp_low: 260000"))) == []
    # below the sum without it, the message gives both sums (and 240000 is base + stock)
    low = totals(edited(FIRST_YEAR, ("total_comp_low: 290000", "total_comp_low: 240000")))
    assert [d.message for d in low] == [
        "total_comp_low 240000 is below 247000 (base_low 200000 + stock_low 160000/4"
        " + bonus 20000 (bonus_pct 10%) + signing_bonus_low 30000 (a first-year total)"
        " = 290000, 260000 without it, ±5%): it leaves out the bonus"
    ]


def test_real_format_and_the_seed_table_add_up() -> None:
    assert totals(REAL) == []
    assert totals(REAL, settings=Settings(schema=(("*.md", "partial-guide"),))) == []
    assert totals(GOOD) == []


@pytest.mark.parametrize(
    ("total", "tolerance", "reported"),
    # base 80000 + a 40000 grant over 4 years + bonus 10000 = 100000
    [
        ("125000", 0.25, False),
        ("125001", 0.25, True),
        ("105000", 0.05, False),
        ("105001", 0.05, True),
        ("95000", 0.05, False),
        ("94999", 0.05, True),
    ],
)
def test_tolerance_boundary(total: str, tolerance: float, reported: bool) -> None:
    found = totals(
        REAL,
        ("total_comp_low: 100000", f"total_comp_low: {total}"),
        settings=Settings(total_tolerance=tolerance),
    )
    assert positions(found) == ([("GL205", 23, 21)] if reported else [])


def test_a_total_counting_the_whole_grant_says_so() -> None:
    found = totals(REAL, ("total_comp_low: 100000", "total_comp_low: 130000"))
    assert [d.message for d in found] == [
        "total_comp_low 130000 is above 105000 (base_low 80000 + stock_low 40000/4"
        " + bonus 10000 (bonus_low) = 100000, ±5%): it counts the whole grant"
        " (stock_low 40000) as one year's pay"
    ]


def test_the_header_names_the_stock_period() -> None:
    # SF: 195000 + 175000/4 + 5% = 248500 under `Stock (RSU/4yr)`; 379750 when yearly
    assert totals(GOOD, ("Stock (RSU/4yr)", "Stock (RSU/yr)")) != []
    yearly = (("total_comp_low: 248000", "total_comp_low: 380000"),)
    yearly += (("total_comp_high: 346000", "total_comp_high: 583000"),)
    found = totals(GOOD, ("Stock (RSU/4yr)", "Stock"), *yearly)
    assert ("GL205", 18, 21) not in positions(found)  # a header with no period is yearly
    found = totals(GOOD, *yearly)
    assert "it counts the whole grant (stock_low 175000) as one year's pay" in found[0].message


def test_the_high_bonus_comes_from_the_table_when_the_frontmatter_lacks_it() -> None:
    # base_high 255000 + 315000/4 + 30% of base: 410250, so 400000 fits only with the table's 30%
    good = edited(GOOD, ("total_comp_high: 346000", "total_comp_high: 400000"))
    text = edited(good, ("| 5% | $248K–$346K |", "| 5–30% | $248K–$346K |"))
    exact = Settings(total_tolerance=0.03)
    assert ("GL205", 19, 22) in positions(totals(good, settings=exact))
    assert ("GL205", 19, 22) not in positions(totals(text, settings=exact))


def test_a_bonus_left_out_is_named() -> None:
    found = totals(REAL, ("total_comp_high: 140000", "total_comp_high: 120000"), settings=EXACT)
    assert [d.message for d in found] == [
        "total_comp_high 120000 is below 133000 (base_high 100000 + stock_high 80000/4"
        " + bonus 20000 (bonus_high) = 140000, ±5%): it leaves out the bonus"
    ]


def test_unknown_parts_still_bound_the_total_from_below() -> None:
    # stock unknown: base 80000 + bonus 10000 = 90000 at least, and no upper bound
    pairs = (("    stock_low: 40000\n", "    stock_low: null\n"),)
    assert totals(REAL, *pairs, ("total_comp_low: 100000", "total_comp_low: 900000")) == []
    found = totals(
        REAL, *pairs, ("total_comp_low: 100000", "total_comp_low: 85000"), settings=EXACT
    )
    assert positions(found) == [("GL205", 23, 21)]
    assert found[0].message.endswith("the total is below what its known parts add up to")


def test_a_null_bonus_does_not_hide_the_whole_grant_counted_as_pay() -> None:
    # bonus unknown: 80000 + 40000/4 = 90000 at least; 120000 is base + the whole grant
    pairs = (("    bonus_low: 10000\n", "    bonus_low: null\n"),)
    found = totals(REAL, *pairs, ("total_comp_low: 100000", "total_comp_low: 120000"))
    assert positions(found) == [("GL205", 23, 21)]
    assert found[0].message == (
        "total_comp_low 120000 is above its known parts (base_low 80000 + stock_low 40000/4"
        " + bonus unknown = 90000, ±5%): it counts the whole grant (stock_low 40000) as"
        " one year's pay"
    )
    # any other total above the known parts may hold the bonus
    assert totals(REAL, *pairs, ("total_comp_low: 100000", "total_comp_low: 125000")) == []


def test_the_cells_own_period_outranks_the_header() -> None:
    # `Stock (RSU/4yr)` over cells written `/yr`: the cells show a year's stock
    yearly = edited(GOOD, ("Stock (RSU/4yr)", "Stock (RSU/yr)"))
    stock = next(line for line in yearly.splitlines() if line.startswith("| San Francisco"))
    cells = stock.split("|")
    cells[3] = cells[3].rstrip() + "/yr "
    per_year = edited(GOOD, (stock, "|".join(cells)))
    assert positions(totals(per_year)) == positions(totals(yearly)) != []
    # a period in brackets glosses the figure and is not the cell's own
    cells[3] = cells[3].replace("/yr ", " ($40K/yr vest) ")
    glossed = edited(GOOD, (stock, "|".join(cells)))
    assert positions(totals(glossed)) == positions(totals(GOOD))


def test_a_stock_figure_of_no_known_period_bounds_nothing() -> None:
    # London has no vesting years and the guide no table: 60000 + 6000 at least
    assert totals(REAL, ("total_comp_low: 75000", "total_comp_low: 500000")) == []


def test_a_total_below_base_is_left_to_gl202() -> None:
    text = edited(REAL, ("total_comp_low: 100000", "total_comp_low: 79999"))
    assert positions(lint_text(text, select=("GL2",))) == [("GL202", 23, 21)]


def test_an_inverted_part_is_left_to_gl201() -> None:
    text = edited(REAL, ("base_high: 100000", "base_high: 10000"))
    assert positions(lint_text(text, select=("GL201", "GL205"))) == [("GL201", 13, 15)]


def test_an_unknown_total_is_skipped() -> None:
    assert totals(REAL, ("total_comp_low: 75000", "total_comp_low: null")) == []


def test_needs_the_totals_annotation() -> None:
    from rules.test_consistency import ROLE_GUIDE  # type: ignore[import-not-found]

    settings = Settings(schema=(("*.md", "role-guide"),))
    text = ROLE_GUIDE.replace(
        "    base_high: 300000\n",
        "    base_high: 300000\n    total_low: 1\n    total_high: 9000000\n",
    )
    assert text != ROLE_GUIDE
    assert positions(lint_text(text, select=("GL205",), settings=settings)) == []


# SF: stock null in the frontmatter; the table's `$175K–$315K` under `Stock (RSU/4yr)`.
NO_STOCK = (
    (
        "base_high: 255000\n    stock_low: 175000\n    stock_high: 315000\n",
        "base_high: 255000\n    stock_low: null\n    stock_high: null\n",
    ),
)


def test_stock_the_frontmatter_lacks_is_read_from_the_table() -> None:
    # 195000 + 175000/4 + 5% = 248500: the stated 248000 fits the table's stock
    assert ("GL205", 18, 21) not in positions(totals(GOOD, *NO_STOCK))
    found = totals(
        GOOD,
        *NO_STOCK,
        ("total_comp_low: 248000", "total_comp_low: 380000"),
        ("total_comp_high: 346000", "total_comp_high: 583000"),
    )
    assert found[0].message.startswith(
        "total_comp_low 380000 is above 260925 (base_low 195000 + stock_low 175000/4"
        " (in the table) + bonus 9750 (bonus_pct 5%) = 248500, ±5%): it counts the whole grant"
    )


def test_a_cell_saying_no_stock_bounds_the_total_from_above() -> None:
    # `—` under Stock: 195000 + 5% = 204750, so 248000 counts pay the guide shows nowhere
    dashed = edited(GOOD, *NO_STOCK, ("| $195K–$255K | $175K–$315K |", "| $195K–$255K | — |"))
    found = totals(dashed)
    assert positions(found) == [("GL205", 18, 21)]
    assert found[0].message.startswith(
        "total_comp_low 248000 is above 214988 (base_low 195000 + no stock (stock_low shown as"
        " none in the table) + bonus 9750 (bonus_pct 5%) = 204750, ±5%)"
    )
    # a cell that withholds the figure leaves the stock unknown: no upper bound
    withheld = edited(GOOD, *NO_STOCK, ("| $195K–$255K | $175K–$315K |", "| $195K–$255K | TBD |"))
    assert ("GL205", 18, 21) not in positions(totals(withheld))


def test_a_total_counting_the_signing_bonus_says_so() -> None:
    # 80000 + 40000/4 + 10000 = 100000; with the 10000 signing bonus, 110000
    found = totals(REAL, ("total_comp_low: 100000", "total_comp_low: 110000"), settings=EXACT)
    assert [d.message for d in found] == [
        "total_comp_low 110000 is above 105000 (base_low 80000 + stock_low 40000/4"
        " + bonus 10000 (bonus_low) = 100000, ±5%): it counts the signing bonus"
        " (signing_bonus_low 10000), which is paid once"
    ]


CURRENCIES = (FIXTURES / "table" / "currencies.md").read_text(encoding="utf-8")


def test_a_total_made_of_parts_nobody_recorded_is_gl207() -> None:
    # Lima: base and total only, in the frontmatter and the table (no stock or bonus
    # column); 170000 is 42% above 120000, more than unrecorded-share (30%)
    bare = edited(CURRENCIES, ("total_comp_low: 130000", "total_comp_low: 170000"))
    found = lint_text(bare, select=("GL205", "GL207"))
    assert positions(found) == [("GL207", 18, 21)]
    assert found[0].message == (
        "total_comp_low 170000 is 41.7% above its recorded parts (base_low 120000 + stock_low"
        " unknown + bonus unknown = 120000), and no stock or bonus figure in the frontmatter or"
        " the table makes up the difference: record the parts the total counts"
    )
    assert lint_text(CURRENCIES, select=("GL207",)) == []  # 8% above base: a bonus, maybe
    relaxed = Settings(unrecorded_share=0.5)
    assert lint_text(bare, select=("GL207",), settings=relaxed) == []


def test_a_cell_withholding_a_part_records_no_figure() -> None:
    # SF: stock and bonus null, their cells `TBD`; 280000 is 44% above 195000
    withheld = edited(
        GOOD,
        *NO_STOCK,
        ("bonus_pct: 5\n    total_comp_low: 248000", "bonus_pct: null\n    total_comp_low: 280000"),
        ("| $195K–$255K | $175K–$315K | 5% |", "| $195K–$255K | TBD | TBD |"),
    )
    found = lint_text(withheld, select=("GL205", "GL207"))
    assert positions(found) == [("GL207", 18, 21)]
    assert found[0].message.startswith(
        "total_comp_low 280000 is 43.6% above its recorded parts (base_low 195000 + stock_low"
        " unknown + bonus unknown = 195000); total_comp_high 346000 against 255000, and no"
        " stock or bonus figure"
    )


def test_a_total_above_base_and_bonus_with_no_stock_recorded_is_gl207() -> None:
    # SF: stock null and `TBD` in the table, bonus 5%: 195000 + 9750 = 204750 recorded;
    # a bonus is known, so anything beyond total-tolerance is pay the guide never records
    stockless = edited(
        GOOD,
        *NO_STOCK,
        ("| $195K–$255K | $175K–$315K |", "| $195K–$255K | TBD |"),
        ("total_comp_low: 248000", "total_comp_low: 230000"),
    )
    found = lint_text(stockless, select=("GL205", "GL207"))
    assert positions(found) == [("GL207", 18, 21)]
    assert "and no stock figure in the frontmatter or the table makes up" in found[0].message
    # within total-tolerance of base + bonus, the total needs no stock
    near = edited(stockless, ("total_comp_low: 230000", "total_comp_low: 214000"))
    assert ("GL207", 18, 21) not in positions(lint_text(near, select=("GL207",)))


def test_a_count_of_shares_in_the_table_is_not_stock_pay() -> None:
    # `10,000–20,000 options` counts options: the stock stays unknown, no fill, no sum
    shares = edited(
        GOOD,
        *NO_STOCK,
        ("| $195K–$255K | $175K–$315K |", "| $195K–$255K | 10,000–20,000 options |"),
    )
    assert ("GL205", 18, 21) not in positions(totals(shares))
    found = lint_text(shares, select=("GL306",))
    assert found and all(d.fix is None for d in found if d.line == 53)


def test_an_empty_cell_leaves_a_part_unknown() -> None:
    blank = edited(GOOD, *NO_STOCK, ("| $195K–$255K | $175K–$315K |", "| $195K–$255K |  |"))
    assert ("GL205", 18, 21) not in positions(totals(blank))


def test_a_zero_base_or_a_frontmatter_zero_bonus_reads_as_written() -> None:
    zero = edited(CURRENCIES, ("base_low: 120000", "base_low: 0"))
    assert all(d.code != "GL000" for d in lint_text(zero))
    found = totals(
        REAL,
        (
            "    bonus_low: 10000\n    bonus_high: 20000\n",
            "    bonus_low: 0\n    bonus_high: null\n",
        ),
        ("total_comp_high: 140000", "total_comp_high: 160000"),
        settings=EXACT,
    )
    assert "bonus 0 (bonus_low)" in found[0].message  # a frontmatter 0, not the table's
    assert "shown as none" not in found[0].message


def test_an_amount_in_a_column_no_field_maps_may_be_the_difference() -> None:
    # SF: stock and bonus `TBD`, total 280000; a `Secondary Access Value` column shows
    # $85K in SF's row only: that amount may make up the total, GL306 reports the column
    withheld = edited(
        GOOD,
        *NO_STOCK,
        ("bonus_pct: 5\n    total_comp_low: 248000", "bonus_pct: null\n    total_comp_low: 280000"),
        ("| $195K–$255K | $175K–$315K | 5% |", "| $195K–$255K | TBD | TBD |"),
    )
    assert ("GL207", 18, 21) in positions(lint_text(withheld, select=("GL207",)))
    extra = edited(
        withheld,
        ("| Total Comp |\n", "| Total Comp | Secondary Access Value |\n"),
        ("|------------|\n", "|------------|---|\n"),
        ("| TBD | TBD | $248K–$346K |", "| TBD | TBD | $248K–$346K | $85K |"),
    )
    assert ("GL207", 18, 21) not in positions(lint_text(extra, select=("GL207",)))
