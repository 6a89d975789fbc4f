"""GL301-GL307: the frontmatter against its table, on real guide files and inline variants."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import FIXTURES, TODAY, lint_file, lint_text, positions
from guidelint.config import Settings
from guidelint.context import Context
from guidelint.diagnostics import Diagnostic
from guidelint.document import parse_guide
from guidelint.fixes import apply_fixes
from guidelint.markdown import split_row
from guidelint.tablefix import FIX_DESCRIPTION, regenerate_rows, table_fix
from guidelint.tablemapping import mapping_for
from guidelint.tables import compensation_table, find_tables, header_match
from guidelint.validation import load_schema

TABLE = FIXTURES / "table"
GOOD = (TABLE / "good.md").read_text(encoding="utf-8")
FIXABLE = {"GL302", "GL303", "GL304", "GL305", "GL306"}


def variant(*pairs: tuple[str, str], text: str = GOOD) -> str:
    """The good guide with each (old, new) replaced exactly once."""
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def gl3(text: str, **kwargs: object) -> list[Diagnostic]:
    return lint_text(text, select=("GL3",), **kwargs)  # type: ignore[arg-type]


def context(settings: Settings | None = None) -> Context:
    settings = settings or Settings()
    return Context(TODAY, settings, load_schema(settings.schema_for("guide.md"), settings.root))


def fixed(text: str, diagnostics: list[Diagnostic]) -> str:
    """Apply the findings' fixes: one table rewrite, and frontmatter fills."""
    fixes = list({fix for d in diagnostics for fix in d.fixes})
    assert len([f for f in fixes if f.description == FIX_DESCRIPTION]) <= 1
    return apply_fixes(text, fixes).text if fixes else text


# -- clean guides ----------------------------------------------------------------


def test_good_guide_is_clean() -> None:
    assert lint_file(TABLE / "good.md", select=("GL1", "GL2", "GL3")) == []


def test_other_tables_are_ignored() -> None:
    guide = parse_guide(GOOD.encode(), "guide.md")
    mapping = mapping_for(context().schema.schema)
    assert mapping is not None
    tables = find_tables(guide, mapping)
    assert [t.line for t in tables] == [51]
    assert tables[0].headers == ("Region", "Base Salary", "Stock (RSU/4yr)", "Bonus", "Total Comp")
    assert [index for _, index in tables[0].columns if index is not None] == [1, 2, 3, 4]
    assert compensation_table(guide, context()) == tables[0]


def test_row_order_and_case_do_not_matter() -> None:
    text = variant(
        (
            "| San Francisco | $195K",
            "| london | £148K–£194K | £131K–£236K | 5% | £188K–£263K |\n| san  francisco | $195K",
        ),
        ("| London | £148K–£194K | £131K–£236K | 5% | £188K–£263K |\n", ""),
    )
    assert gl3(text) == []


# -- GL301 ------------------------------------------------------------------------


def test_gl301_missing_table() -> None:
    found = lint_file(TABLE / "missing-table.md", select=("GL3",))
    assert positions(found) == [("GL301", 11, 1)]
    assert found[0].message == (
        "`compensation` has 3 entries but the body has no table with a `Region` column"
    )


def test_gl301_needs_data() -> None:
    text = (TABLE / "missing-table.md").read_text(encoding="utf-8")
    start = text.index("  - region: San Francisco")
    end = text.index("level_mapping:")
    assert gl3(text[:start].replace("compensation:", "compensation: []") + text[end:]) == []


# -- GL302 ------------------------------------------------------------------------


def test_gl302_missing_region_points_at_the_header() -> None:
    text = variant(("| New York | $190K–$250K | $175K–$315K | 5% | $243K–$341K |\n", ""))
    found = gl3(text)
    assert positions(found) == [("GL302", 51, 3)]
    assert found[0].message == "`New York` (frontmatter line 21) has no row in the table"
    assert found[0].fix is not None
    after = fixed(text, found)
    assert after.endswith(
        "| London | £148K–£194K | £131K–£236K | 5% | £188K–£263K |\n"
        "| New York | $190K–$250K | $175K–$315K | 5% | $243K–$341K |\n\n"
        "Other numbers, not compensation:\n\n| Level | Years |\n|-------|-------|\n| L4 | 3–5 |\n"
    )
    assert gl3(after) == []


def test_gl302_empty_table_is_filled_in() -> None:
    # the stock header names its period, or the totals (a quarter of each grant)
    # would not add up (GL205) and no row would be written from them
    text = (TABLE / "empty-table.md").read_text(encoding="utf-8")
    text = text.replace("| Stock |", "| Stock (RSU/4yr) |")
    found = gl3(text)
    assert positions(found) == [("GL302", 49, 3)] * 3
    assert len({d.fix for d in found}) == 1
    after = fixed(text, found)
    assert (
        "|---|---|---|---|---|\n"
        "| San Francisco | $195K–$255K | $175K–$315K | 5% | $248K–$346K |\n"
        "| New York | $190K–$250K | $175K–$315K | 5% | $243K–$341K |\n"
        "| London | £148K–£194K | £131K–£236K | 5% | £188K–£263K |\n\nThe table"
    ) in after
    assert lint_text(after, select=("GL1", "GL2", "GL3"), ignore=("GL205",)) == []


# -- GL303 ------------------------------------------------------------------------


def test_gl303_suggests_the_closest_region() -> None:
    text = variant(("| London |", "| Londn |"))
    found = gl3(text)
    assert positions(found) == [("GL302", 51, 3), ("GL303", 55, 3)]
    assert (
        found[1].message == "`Londn` is not a `region` in the frontmatter; did you mean `London`?"
    )
    assert (found[1].end_line, found[1].end_column) == (55, 8)


def test_gl303_without_a_close_name_lists_the_rowless_regions() -> None:
    found = gl3(variant(("| London |", "| Tokyo |")))
    assert found[1].message == (
        "`Tokyo` is not a `region` in the frontmatter; entries without a row: London"
    )


def test_gl303_extra_row_is_kept_by_the_safe_fix_and_dropped_by_the_unsafe_one() -> None:
    extra = "| Tokyo | ¥20M–¥30M | ¥5M | 0% | ¥25M–¥35M |\n"
    text = variant(
        ("| New York | $190K", "| NY | $190K"),
        (
            "| London | £148K–£194K | £131K–£236K | 5% | £188K–£263K |\n",
            "| London | £148K–£194K | £131K–£236K | 5% | £188K–£263K |\n" + extra,
        ),
    )
    found = gl3(text)
    assert positions(found) == [("GL302", 51, 3), ("GL303", 54, 3), ("GL303", 56, 3)]
    # One table rewrite, carried by the findings it settles; the extra rows' findings
    # carry none (the safe rewrite keeps those rows, so it would not settle them).
    assert [d.fix is not None for d in found] == [True, False, False]
    after = fixed(text, found)
    assert positions(gl3(after)) == [("GL303", 54, 3), ("GL303", 56, 3)]
    # Once the rows agree, the safe fix has nothing left to do.
    assert all(d.fix is None for d in gl3(after))
    guide = parse_guide(after.encode(), "guide.md")
    unsafe = table_fix(guide, context(), drop_extra_rows=True)
    assert unsafe is not None
    clean = apply_fixes(after, [unsafe]).text
    assert gl3(clean) == []
    assert "Tokyo" not in clean and "| NY |" not in clean


def test_gl303_duplicate_row() -> None:
    row = "| London | £148K–£194K | £131K–£236K | 5% | £188K–£263K |\n"
    text = variant((row, row + row.replace("£148K", "£150K")))
    found = gl3(text)
    assert positions(found) == [("GL303", 56, 3)]
    assert found[0].message == "`London` has a second row in the table (first on line 55)"
    assert gl3(fixed(text, found)) == []


# -- GL304 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "column", "shown"),
    [
        ("$148K–£194K", 12, "USD"),
        ("£148K–$194K", 18, "USD"),
        ("USD 148K–194K", 12, "USD"),
        ("€148K–€194K", 12, "EUR"),
        ("CHF 148K - CHF 194K", 12, "CHF"),
    ],
)
def test_gl304_currency_mismatch(cell: str, column: int, shown: str) -> None:
    found = gl3(variant(("£148K–£194K", cell)))
    assert positions(found) == [("GL304", 55, column)]
    assert found[0].message == (
        f"base salary is in {shown} (`{cell}`) in the table but currency is GBP"
    )


def test_gl304_symbols_follow_configuration() -> None:
    text = variant(("£148K–£194K", "$148K–$194K"))
    settings = Settings(currency_symbols={"$": "GBP"})
    # One finding per row shown in another currency, at its first such cell.
    found = gl3(text, settings=settings)
    assert positions(found) == [("GL304", 53, 19), ("GL304", 54, 14)]
    assert found[1].message == (
        "`New York` is shown in GBP in the table (`$190K–$250K` and 2 more) but currency is USD"
    )


def test_gl304_figures_without_a_symbol_are_not_reported() -> None:
    assert gl3(variant(("£148K–£194K", "148K–194K"))) == []


# -- GL305 ------------------------------------------------------------------------


def test_gl305_message_has_both_values() -> None:
    found = gl3(variant(("$248K–$346K", "$248K–$375K")))
    assert positions(found) == [("GL305", 53, 58)]
    assert found[0].message == "total comp high is $375K in the table but total_comp_high is 346000"


@pytest.mark.parametrize(
    ("value", "cell", "reported"),
    [
        ("195500", "$196K", False),  # rounds to the displayed figure
        ("195500", "$195K", False),  # exactly half-way either way
        ("195500", "$197K", True),
        ("195000", "$195,000", False),
        ("195000", "$195,001", True),
        ("195000", "$0.2M", False),
        ("195000", "$0.18M", True),
    ],
)
def test_gl305_display_rounding(value: str, cell: str, reported: bool) -> None:
    text = variant(("base_low: 195000", f"base_low: {value}"), ("$195K–$255K", f"{cell}–$255K"))
    assert positions(gl3(text)) == ([("GL305", 53, 19)] if reported else [])


def test_gl305_single_figure_against_a_range() -> None:
    found = gl3(variant(("$195K–$255K", "$200K")))
    assert positions(found) == [("GL305", 53, 19)]
    assert found[0].message == (
        "base salary is $200K in the table but base_low is 195000 and base_high is 255000"
    )


def test_gl305_percent_and_blank_cells() -> None:
    found = gl3(variant(("| 5% | $248K", "| 6% | $248K")))
    assert positions(found) == [("GL305", 53, 47)]
    assert found[0].message == "bonus is 6% in the table but bonus_pct is 5"
    found = gl3(variant(("| 5% | $243K", "| — | $243K")))
    assert positions(found) == [("GL305", 54, 42)]
    assert found[0].message == "bonus is `—` in the table but bonus_pct is 5"
    found = gl3(variant(("| 5% | £188K", "|  | £188K")))
    assert positions(found) == [("GL305", 55, 39)]
    assert found[0].message == "bonus is empty in the table but bonus_pct is 5"


def test_gl305_inline_formatting_is_stripped() -> None:
    assert gl3(variant(("$195K–$255K", "**$195K–$255K**"))) == []
    found = gl3(variant(("$195K–$255K", "**$195K–$256K**")))
    assert positions(found) == [("GL305", 53, 27)]


def test_value_fix_rewrites_only_the_disagreeing_cells() -> None:
    text = variant(
        ("$248K–$346K", "$248K–$375K"),
        (
            "| New York | $190K–$250K | $175K–$315K | 5% | $243K–$341K |",
            "|  New York  |  $190K–$250K | $175K–$315K | 5% | $243K–$341K |",
        ),
    )
    found = gl3(text)
    after = fixed(text, found)
    assert "| San Francisco | $195K–$255K | $175K–$315K | 5% | $248K–$346K |\n" in after
    assert "|  New York  |  $190K–$250K |" in after  # agreeing rows stay as written
    assert gl3(after) == []


# -- GL306 ------------------------------------------------------------------------


def test_gl306_bonus_range_without_a_high_field() -> None:
    text = variant(("| 5% | $243K", "| 5–15% | $243K"))
    found = gl3(text)
    assert positions(found) == [("GL306", 54, 44)]
    assert found[0].message == "bonus high is 15% in the table but bonus_pct_high is not set"
    # The safe fix writes the figure readers see into the frontmatter; the
    # table stays byte-identical.
    after = fixed(text, found)
    assert "| New York | $190K–$250K | $175K–$315K | 5–15% | $243K–$341K |" in after
    assert "    bonus_pct: 5\n    bonus_pct_high: 15\n    total_comp_low: 243000" in after
    assert after.split("\n---\n", 1)[1] == text.split("\n---\n", 1)[1]
    assert gl3(after) == []
    # Dropping the figure from the table instead is the unsafe fix.
    guide = parse_guide(text.encode(), "guide.md")
    unsafe = table_fix(guide, context(), drop_extra_rows=True)
    assert unsafe is not None
    dropped = apply_fixes(text, [unsafe]).text
    assert "| New York | $190K–$250K | $175K–$315K | 5% | $243K–$341K |" in dropped


def test_gl306_is_backed_once_the_field_exists() -> None:
    # 250000 + 315000/4 + 15% of 250000 = 366250: the high total follows the bonus
    text = variant(
        ("| 5% | $243K–$341K", "| 5–15% | $243K–$366K"),
        (
            "    bonus_pct: 5\n    total_comp_low: 243000\n    total_comp_high: 341000",
            "    bonus_pct: 5\n    bonus_pct_high: 15\n    total_comp_low: 243000"
            "\n    total_comp_high: 366000",
        ),
    )
    assert lint_text(text, select=("GL1", "GL2", "GL3")) == []


def test_gl306_on_the_seed_guide(seeds: Path) -> None:
    path = seeds / "000_e781461227729519.txt"
    if not path.is_file():
        pytest.skip("the seed guide is not present")
    found = lint_file(path, select=("GL3",))
    # no entry has bonus_pct_high: one finding on the column, each row related
    assert positions(found) == [("GL306", 52, 44)]
    assert [(r.line, r.column) for r in found[0].related] == [(54, 49), (55, 44), (56, 42)]
    assert {r.message for r in found[0].related} == {
        "bonus high is 15% in the table but bonus_pct_high is not set"
    }
    text = path.read_text(encoding="utf-8")
    after = fixed(text, found)
    assert gl3(after) == []
    assert after.count("bonus_pct_high: 15") == 3
    assert after.split("\n---\n", 1)[1] == text.split("\n---\n", 1)[1]  # the body is untouched


# -- GL307 ------------------------------------------------------------------------


def test_gl307_malformed_table() -> None:
    # A table without a Bonus column is a layout real guides use (the column
    # is optional), lakh figures are read, and `TBD` shows no figure: it hides
    # figures the frontmatter holds (GL305) rather than being unreadable.
    path = TABLE / "malformed.md"
    found = lint_file(path, select=("GL3",))
    assert [(d.code, d.line, d.column, d.message) for d in found] == [
        (
            "GL305",
            59,
            37,
            "stock is `TBD` in the table but stock_low is 175000 and stock_high is 315000",
        ),
        (
            "GL307",
            62,
            25,
            "row `London` has 2 cells but the header has 4: no `Stock (RSU/4yr)` or `Total Comp` cell",
        ),
        ("GL307", 63, 2, "row has an empty `Region` cell"),
        ("GL303", 64, 3, "`London` has a second row in the table (first on line 62)"),
        (
            "GL307",
            64,
            54,
            "row `London` has 5 cells but the header has 4: `extra` is under no column",
        ),
    ]
    # Every mapped column is there: the rows can be regenerated (the `TBD`
    # cell and the short row are written from the frontmatter, the second
    # London row goes); structural findings themselves carry no fix.
    assert [d.code for d in found if d.fix is not None] == ["GL305", "GL303"]
    after = fixed(path.read_text(encoding="utf-8"), found)
    assert "| London | £148K–£194K | £131K–£236K | £188K–£263K |\n| | £1K |" in after


def test_gl307_percent_and_amount_in_the_wrong_columns() -> None:
    found = gl3(
        variant(
            ("| 5% | $248K", "| $5K | $248K"), ("$175K–$315K | 5% | $243K", "5%–6% | 5% | $243K")
        )
    )
    assert positions(found) == [("GL307", 53, 47), ("GL307", 54, 28)]
    assert found[0].message.startswith("`Bonus` cell `$5K` is an amount, not a percentage")
    assert found[1].message.startswith(
        "`Stock (RSU/4yr)` cell `5%–6%` is a percentage, not an amount"
    )


def test_gl307_second_compensation_table() -> None:
    found = lint_file(TABLE / "two-tables.md", select=("GL3",))
    assert positions(found) == [("GL307", 65, 3)]
    assert found[0].message == (
        "a second table with a `Region` column; only the table on line 51 is compared with"
        " `compensation`: merge them or rename this one's `Region` column"
    )


# -- all codes on one real file, and the fix --------------------------------------


def test_mismatch_fixture() -> None:
    path = TABLE / "mismatch.md"
    found = lint_file(path, select=("GL3",))
    assert positions(found) == [
        ("GL302", 59, 3),
        ("GL305", 61, 58),
        ("GL305", 62, 18),
        ("GL304", 63, 12),
        ("GL306", 63, 42),
        ("GL303", 64, 3),
    ]
    # Every table code but the extra row's, which only --unsafe-fixes deletes.
    assert {d.code for d in found if d.fix is not None} == FIXABLE - {"GL303"}
    # One rewrite of the rows, and the frontmatter field that backs London's 5–15%.
    assert len({d.fix for d in found} - {None}) == 2
    fix = found[0].fix
    # Berlin's totals count its whole grant (GL205): no row is written from them.
    assert fix is not None and (fix.line, fix.column, fix.end_line) == (61, 1, 63)
    assert fix.text == (
        "| San Francisco | $196K–$255K | $175K–$315K | 5% | $249K–$346K |\n"
        "| **New York** | $190K–$250K | $175K–$315K | 5% | $243K–$341K |\n"
        "| London | £148K–£194K | £131K–£236K | 5–15% | £188K–£282K |"
    )
    fill = found[4].fix
    assert fill is not None and (fill.line, fill.text) == (35, "\n    bonus_pct_high: 15")
    text = path.read_text(encoding="utf-8")
    after = fixed(text, found)
    assert positions(gl3(after)) == [("GL302", 60, 3), ("GL303", 65, 3)]
    assert fixed(after, gl3(after)) == after  # a second run changes nothing


def test_regenerate_rows_matches_the_fix() -> None:
    text = (TABLE / "mismatch.md").read_bytes()
    guide = parse_guide(text, "guide.md")
    ctx = context()
    fix = table_fix(guide, ctx, drop_extra_rows=False)
    assert fix is not None and regenerate_rows(guide, ctx, None) == fix.text
    table = compensation_table(guide, ctx)
    assert regenerate_rows(guide, ctx, table) == fix.text
    dropped = regenerate_rows(guide, ctx, table, drop_extra_rows=True)
    assert dropped is not None and "Berln" not in dropped


@pytest.mark.parametrize(
    ("header", "score"),
    [
        ("Stock", 2),
        ("  stock ", 2),
        ("Stock (RSU/4yr)", 1),
        ("Stock/RSU", 1),
        ("Stockholm", 0),
        ("Equity", 0),
        ("TOTAL  COMP", 2),
        ("Stock Options", 1),
    ],
)
def test_header_matching_tolerates_suffixes(header: str, score: int) -> None:
    assert header_match(header, ("Stock", "Total Comp")) == score


def test_column_aliases() -> None:
    schema = {
        "x-guidelint-table": {
            "list": "compensation",
            "key": {"column": "Region", "field": "region", "aliases": ["Location"]},
            "columns": [{"header": "Base Salary", "low": "base_low", "aliases": ["Base Pay"]}],
        }
    }
    mapping = mapping_for(schema)
    assert mapping is not None
    guide = parse_guide(
        b"---\na: 1\n---\n| Location | Base Pay |\n|---|---|\n| X | $1K |\n", "g.md"
    )
    tables = find_tables(guide, mapping)
    assert [(t.line, t.key_index, t.columns[0][1]) for t in tables] == [(4, 0, 1)]
    assert mapping_for({"x-guidelint-table": {"list": 3}}) is None
    assert mapping_for({}) is None


# -- bad input ----------------------------------------------------------------------


def test_escaped_pipes_and_code_spans() -> None:
    row = split_row(r"| New York \| Remote | `$1|2` | x |", 7)
    assert [(c.raw, c.text, c.column) for c in row.cells] == [
        (r"New York \| Remote", "New York | Remote", 3),
        ("`$1", "`$1", 24),
        ("2`", "2`", 28),
        ("x", "x", 33),
    ]
    # Without the outer pipes, and a trailing cell that is empty.
    assert [c.raw for c in split_row("a | b |  |", 1).cells] == ["a", "b", ""]


def test_table_in_a_blockquote_keeps_its_markers() -> None:
    body_start = GOOD.index("| Region |")
    body_end = GOOD.index("\n\nOther numbers")
    table = GOOD[body_start:body_end]
    quoted = "\n".join("> " + line for line in table.split("\n"))
    quoted = quoted.replace("5% | $243K", "6% | $243K")
    text = GOOD[:body_start] + quoted + GOOD[body_end:]
    found = gl3(text)
    assert positions(found) == [("GL305", 54, 44)]
    after = fixed(text, found)
    assert "> | New York | $190K–$250K | $175K–$315K | 5% | $243K–$341K |\n> | London" in after
    assert gl3(after) == []


def test_broken_frontmatter_checks_what_it_can() -> None:
    text = variant(
        ("    base_high: 255000\n", ""),  # required field missing
        (
            "    stock_low: 175000\n    stock_high: 315000\n    bonus_pct: 5\n    total_comp_low: 243000",
            "    stock_low: 175K\n    stock_high: 315000\n    bonus_pct: 5\n    total_comp_low: 243000",
        ),
        ("    currency: GBP\n", "    currency: [GBP]\n"),
        ("$248K–$346K", "$248K–$405K"),
        ("$195K–$255K", "$195K–$999K"),
        ("£188K–£263K", "£188K–£300K"),
    )
    found = lint_text(text, select=("GL",))
    assert not [d for d in found if d.code == "GL000"]
    table = [d for d in found if d.code.startswith("GL3")]
    assert positions(table) == [("GL305", 52, 58), ("GL305", 54, 51)]
    assert all(d.fix is None for d in table)


@pytest.mark.parametrize(
    "compensation",
    [
        "compensation: 3",
        "compensation:\n  - just text\n  - region: 7",
        "compensation:\n  - {}",
        "compensation: null",
    ],
)
def test_unusable_lists_never_crash(compensation: str) -> None:
    start = GOOD.index("compensation:")
    end = GOOD.index("level_mapping:")
    text = GOOD[:start] + compensation + "\n" + GOOD[end:]
    found = lint_text(text, select=("GL",))
    assert not [d for d in found if d.code == "GL000"]
    assert all(d.fix is None for d in found if d.code.startswith("GL3"))


def test_fix_is_withheld_when_regions_repeat() -> None:
    text = variant(
        ("  - region: New York", "  - region: san francisco"), ("| New York |", "| San Francisco |")
    )
    found = gl3(text)
    assert "GL303" in {d.code for d in found}
    assert all(d.fix is None for d in found)


# -- a second guide type needs only a schema ----------------------------------------

LEVEL_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["role", "levels"],
    "properties": {
        "role": {"type": "string"},
        "levels": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "level",
                    "base_low",
                    "base_high",
                    "total_low",
                    "total_high",
                    "currency",
                ],
                "additionalProperties": False,
                "properties": {
                    "level": {"type": "string"},
                    "base_low": {"type": "integer"},
                    "base_high": {"type": "integer"},
                    "total_low": {"type": "integer"},
                    "total_high": {"type": "integer"},
                    "signing": {"type": "integer"},
                    "currency": {"type": "string"},
                },
            },
        },
    },
    "x-guidelint-table": {
        "list": "levels",
        "key": {"column": "Level", "field": "level"},
        "currency": "currency",
        "columns": [
            {"header": "Base", "kind": "money", "low": "base_low", "high": "base_high"},
            {"header": "Total", "kind": "money", "low": "total_low", "high": "total_high"},
            {"header": "Signing", "kind": "money", "low": "signing"},
        ],
    },
    "x-guidelint-consistency": {
        "ranges": [["base_low", "base_high"], ["total_low", "total_high"]],
        "at_least": [["total_low", "base_low"]],
    },
}

LEVEL_GUIDE = """\
---
role: backend-engineer
levels:
  - level: L4
    base_low: 180000
    base_high: 220000
    total_low: 250000
    total_high: 320000
    currency: USD
  - level: L5
    base_low: 230000
    base_high: 270000
    total_low: 330000
    total_high: 400000
    signing: 20000
    currency: EUR
  - level: L6
    base_low: 300000
    base_high: 290000
    total_low: 280000
    total_high: 500000
    currency: USD
---
| Region | Base Salary |
|---|---|
| London | £1K |

| Level | Base (annual) | Total | Signing |
|-------|---------------|-------|---------|
| L4 | $180K–$220K | $250K–$330K | $10K |
| L5 | €230K–€270K | $330K–$400K | €20K |
| L7 | $400K | $600K | — |
"""


@pytest.fixture
def level_settings(tmp_path: Path) -> Settings:
    schema = tmp_path / "level.schema.json"
    schema.write_text(json.dumps(LEVEL_SCHEMA), encoding="utf-8")
    return Settings(schema=(("*.md", str(schema)),), root=tmp_path)


def test_a_second_guide_type_needs_only_a_schema(level_settings: Settings) -> None:
    found = lint_text(LEVEL_GUIDE, select=("GL1", "GL2", "GL3"), settings=level_settings)
    assert [(d.code, d.line, d.column, d.message) for d in found] == [
        ("GL201", 18, 15, "base_low 300000 is above base_high 290000"),
        ("GL202", 20, 16, "total_low 280000 is below base_low 300000"),
        ("GL302", 28, 3, "`L6` (frontmatter line 17) has no row in the table"),
        ("GL305", 30, 28, "total high is $330K in the table but total_high is 320000"),
        ("GL306", 30, 36, "signing is $10K in the table but signing is not set"),
        ("GL304", 31, 22, "total is in USD (`$330K–$400K`) in the table but currency is EUR"),
        ("GL303", 32, 3, "`L7` is not a `level` in the frontmatter; did you mean `L6`?"),
    ]
    guide = parse_guide(LEVEL_GUIDE.encode(), "guide.md")
    ctx = Context(
        dt.date(2026, 1, 1), level_settings, load_schema("level.schema.json", level_settings.root)
    )
    rows = regenerate_rows(guide, ctx, None)
    # `$10K` has no field to back it: the rows keep it (its fix fills the frontmatter).
    assert rows == (
        "| L4 | $180K–$220K | $250K–$320K | $10K |\n"
        "| L5 | €230K–€270K | €330K–€400K | €20K |\n"
        "| L7 | $400K | $600K | — |\n"
        "| L6 | $300K–$290K | $280K–$500K | — |"
    )


def test_a_second_guide_type_through_a_config_file(tmp_path: Path) -> None:
    (tmp_path / "level.schema.json").write_text(json.dumps(LEVEL_SCHEMA), encoding="utf-8")
    (tmp_path / "guidelint.toml").write_text('[schema]\n"*.md" = "level.schema.json"\n')
    (tmp_path / "guide.md").write_text(LEVEL_GUIDE, encoding="utf-8")
    from conftest import run_cli

    result = run_cli(["check", "--select", "GL3", "--format", "json", "guide.md"], cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    codes = [(d["code"], d["line"]) for d in json.loads(result.stdout)]
    assert ("GL302", 28) in codes and ("GL303", 32) in codes


def test_negative_figures_are_not_compared_or_rewritten() -> None:
    text = variant(
        ("    base_low: 195000", "    base_low: -195000"), ("$248K–$346K", "$248K–$405K")
    )
    found = gl3(text)
    assert positions(found) == [("GL305", 53, 58)]
    assert found[0].fix is None


# -- ceilings and cited cells ------------------------------------------------------


def test_a_ceiling_is_compared_with_the_high_field_and_filled_into_it() -> None:
    text = variant(
        (
            "| San Francisco | $195K–$255K | $175K–$315K | 5% |",
            "| San Francisco | $195K–$255K | $175K–$315K | Up to 12% |",
        )
    )
    found = gl3(text)
    assert positions(found) == [("GL306", 53, 53)]
    assert found[0].message == "bonus is up to 12% in the table but bonus_pct_high is not set"
    after = fixed(text, found)
    assert "    bonus_pct: 5\n    bonus_pct_high: 12\n" in after
    assert gl3(after) == []


def test_a_ceiling_above_the_high_field_is_rewritten_as_a_ceiling() -> None:
    text = variant(
        (
            "    bonus_pct: 5\n    total_comp_low: 248000",
            "    bonus_pct: 5\n    bonus_pct_high: 10\n    total_comp_low: 248000",
        ),
        (
            "| San Francisco | $195K–$255K | $175K–$315K | 5% |",
            "| San Francisco | $195K–$255K | $175K–$315K | Up to 12% |",
        ),
    )
    found = gl3(text)
    assert positions(found) == [("GL305", 54, 53)]
    assert found[0].message == "bonus is up to 12% in the table but bonus_pct_high is 10"
    assert "| Up to 10% |" in fixed(text, found)


@pytest.mark.parametrize("cell", ["$195K–$255K [1]", "$195K–$255K¹", "$195K–$255K[^lv]"])
def test_a_citation_after_a_figure_is_not_part_of_it(cell: str) -> None:
    text = variant(("| San Francisco | $195K–$255K |", f"| San Francisco | {cell} |"))
    assert gl3(text) == []


@pytest.mark.parametrize("cell", ["Pending", "Competitive", "TBD"])
def test_a_word_cell_hides_a_figure_the_frontmatter_holds(cell: str) -> None:
    # San Francisco's stock is 175000-315000: the table must show it, and the fix writes it
    text = variant(("| $195K–$255K | $175K–$315K |", f"| $195K–$255K | {cell} |"))
    found = gl3(text)
    assert positions(found) == [("GL305", 53, 33)]
    assert found[0].message == (
        f"stock is `{cell}` in the table but stock_low is 175000 and stock_high is 315000"
    )
    assert "| San Francisco | $195K–$255K | $175K–$315K |" in fixed(text, found)


def test_a_word_cell_is_left_alone_when_the_entry_is_doubtful() -> None:
    # base_high lost a digit (GL201): the fix does not copy the entry into its row
    text = variant(
        ("| $195K–$255K | $175K–$315K |", "| $195K–$255K | Pending |"),
        ("    base_high: 255000\n", "    base_high: 25500\n"),
    )
    found = gl3(text)
    assert [d.code for d in found] == ["GL305", "GL305"]
    assert all(d.fix is None for d in found)


def test_gl306_a_column_no_field_maps_that_shows_amounts_is_one_finding() -> None:
    text = variant(
        ("| Total Comp |\n|", "| Total Comp | Carried Interest |\n|"),
        ("|------------|\n", "|------------|------------------|\n"),
        ("| $248K–$346K |", "| $248K–$346K | $40K–$90K |"),
        ("| $243K–$341K |", "| $243K–$341K | $40K–$90K |"),
        ("| £188K–£263K |", "| £188K–£263K | — |"),
    )
    found = gl3(text)
    assert positions(found) == [("GL306", 51, 65)]
    assert found[0].message == (
        "the `Carried Interest` column shows amounts in 2 rows, but the schema maps no"
        " `compensation` field to it: its figures are checked against nothing"
    )
    # a column of words or of counts is not a column of pay
    words = variant(
        ("| Total Comp |\n|", "| Total Comp | Notes |\n|"),
        ("|------------|\n", "|------------|-------|\n"),
        ("| $248K–$346K |", "| $248K–$346K | HQ |"),
        ("| $243K–$341K |", "| $243K–$341K | 3 offices |"),
        ("| £188K–£263K |", "| £188K–£263K | hybrid |"),
    )
    assert gl3(words) == []


def test_a_region_named_with_a_configured_currency_symbol_is_its_entry() -> None:
    # `Prague (Kč)` is the entry `Prague` once `Kč` is a configured symbol, as
    # `London (GBP £)` is `London` with the built-in ones.
    text = (FIXTURES / "valid.md").read_text(encoding="utf-8")
    text = text.replace("region: London", "region: Prague").replace(
        "currency: GBP", "currency: CZK"
    )
    text = text.replace(
        "| London | £148K–£194K | £131K–£236K | 5% | £188K–£263K |",
        "| Prague (Kč) | Kč148K–Kč194K | Kč131K–Kč236K | 5% | Kč188K–Kč263K |",
    )
    settings = Settings(currency_symbols={"Kč": "CZK"})
    assert lint_text(text, select=("GL2", "GL3"), settings=settings) == []


def test_a_level_rows_finding_ends_in_the_cell_it_starts_in() -> None:
    """A region's levels read as one range: a finding on its high end starts at that
    figure in the last level's cell (`$313,000`, not where the range's text puts it) and
    ends with the cell, never before its start."""
    found = lint_file(TABLE / "level-rows-foreign-cell.md", select=("GL304", "GL305"))
    assert [(d.code, d.line, d.column, d.end_line, d.end_column) for d in found] == [
        ("GL304", 31, 24, 31, 32),
        ("GL305", 31, 24, 31, 32),
    ]


def test_findings_folded_into_their_regions_are_not_folded_again_by_column() -> None:
    """Every region in the wrong currency: the cells its currency kept from being filled
    follow from it, and no column is left to fold them into."""
    found = lint_file(TABLE / "folded-twice.md", select=("GL0", "GL2", "GL3"))
    assert positions(found) == [("GL203", 4, 15), ("GL203", 6, 15)]
    assert all("3 findings that follow from it folded in" in d.message for d in found)


def test_a_pivoted_levels_finding_stays_inside_its_cell() -> None:
    """`$123K` closes the Europe column's range: the finding is at that cell, not at
    the range's offset of it past the end of the line."""
    found = lint_file(TABLE / "pivot-foreign-high-end.md", select=("GL304",))
    assert [(d.code, d.line, d.column, d.end_line, d.end_column) for d in found] == [
        ("GL304", 9, 59, 9, 64),
    ]
