"""What real tables write beyond figures (issue 22): qualified headers, relative
cells, every currency, peer tables, and regions paid in a stated currency.

Each fixture under tests/fixtures/table/ is clean; each test changes one thing
and asserts the exact findings.
"""

from __future__ import annotations

from conftest import FIXTURES, edited, lint_text
from guidelint.config import Settings
from guidelint.diagnostics import Diagnostic
from guidelint.fixes import apply_fixes

TABLE = FIXTURES / "table"


def lint(name: str, *changes: tuple[str, str], **kwargs: object) -> list[Diagnostic]:
    text = edited((TABLE / f"{name}.md").read_text(encoding="utf-8"), *changes)
    return lint_text(text, select=("GL2", "GL3"), **kwargs)  # type: ignore[arg-type]


def found(diagnostics: list[Diagnostic]) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.line, d.column, d.message) for d in diagnostics]


def test_the_fixtures_are_clean() -> None:
    for name in ("qualified-headers", "relative-cells", "currencies", "peer-table"):
        assert lint(name) == [], name
    assert lint("region-currency") == []


# -- GL302: a pivot header with a qualifier is its region ----------------------------


def test_a_header_naming_two_currencies_shows_either() -> None:
    # Canada's column in US dollars: the header names USD too, so the cells are
    # conversions, neither in another currency nor compared with the CAD figures.
    usd = lint(
        "qualified-headers",
        ("C$140,000–C$190,000", "$110,000–$150,000"),
        ("C$185,000–C$240,000", "$145,000–$190,000"),
        ("C$235,000–C$290,000", "$185,000–$228,000"),
    )
    assert usd == []


def test_a_currency_the_header_does_not_name_is_reported() -> None:
    # The column's span runs from the pound figure to the last level's C$290,000.
    assert found(lint("qualified-headers", ("C$140,000–C$190,000", "£80,000–£110,000"))) == [
        (
            "GL304",
            51,
            29,
            "total comp is in GBP (`£80,000–C$290,000`) in the table but currency is CAD",
        ),
        ("GL305", 51, 29, "total comp low is £80,000 in the table but total_comp_low is 140000"),
    ]


def test_a_parenthetical_with_other_words_is_part_of_the_name() -> None:
    assert found(lint("qualified-headers", ("Canada (CAD/USD equiv)", "Canada (CAD/USD TBC)"))) == [
        ("GL302", 49, 3, "`Canada` (frontmatter line 21) has no row in the table")
    ]


# -- GL307: cells that describe a figure --------------------------------------------


def test_a_share_of_a_pay_component_is_still_a_percentage() -> None:
    diagnostics = lint(
        "relative-cells", ("| Varies by city (70-90% of SF) | $50K", "| 70-90% of base | $50K")
    )
    assert found(diagnostics) == [
        (
            "GL307",
            50,
            15,
            "`Base Salary` cell `70-90% of base` is a percentage, not an amount;"
            " expected an amount such as $195K or a range such as $195K–$255K",
        )
    ]


def test_words_without_a_figure_or_a_share_are_still_malformed() -> None:
    diagnostics = lint("relative-cells", ("| ~0.5x US |", "| about half |"))
    assert [(d.code, d.line, d.column) for d in diagnostics] == []  # words alone: no figure
    diagnostics = lint("relative-cells", ("| ~0.5x US |", "| BRL 1OOK |"))
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("GL307", 51, 45)]


# -- GL307: currencies ---------------------------------------------------------------


def test_kr_is_the_krona_of_the_row() -> None:
    # In an entry labelled USD, `kr` is still Oslo's krone: the row is in NOK.
    diagnostics = lint("currencies", ("    currency: NOK", "    currency: USD"))
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("GL203", 38, 15)]
    assert [(r.code, r.line, r.column) for r in diagnostics[0].related] == [("GL304", 87, 10)]
    assert diagnostics[0].message == (
        "currency is USD but `Oslo` pays in NOK; the table shows it in NOK"
        " (1 finding that follows from it folded in)"
    )


def test_an_unknown_code_is_malformed() -> None:
    diagnostics = lint("currencies", ("| KZT 18M–24M |", "| KZX 18M–24M |"))
    assert found(diagnostics) == [
        (
            "GL307",
            91,
            12,
            "`Base Salary` cell `KZX 18M–24M` has an unknown currency `KZX`;"
            " expected an amount such as $195K or a range such as $195K–$255K",
        )
    ]


# -- peer tables ---------------------------------------------------------------------


def test_a_peer_table_alone_is_no_pay_table() -> None:
    text = (TABLE / "peer-table.md").read_text(encoding="utf-8")
    start = text.index("| Region |")
    without = text[:start] + text[text.index("How Brightpath") :]
    assert [(d.code, d.line, d.column) for d in lint_text(without, select=("GL3",))] == [
        ("GL301", 11, 1)
    ]


def test_a_company_column_first_makes_a_peer_table_whatever_its_key() -> None:
    # `Level` is a key column, but the table lists companies, not the guide's regions.
    diagnostics = lint(
        "peer-table",
        ("| Title | Base Salary | Total Comp |", "| Company | Level | Base Salary | Total Comp |"),
        ("|-------|-------------|------------|", "|---|---|---|---|"),
        ("| Security Engineer, Acme |", "| Acme | L5 |"),
        ("| Senior Security Engineer, Globex |", "| Globex | L6 |"),
    )
    assert diagnostics == []
    named = lint(
        "peer-table",
        ("| Title | Base Salary | Total Comp |", "| Level | Company | Base Salary | Total Comp |"),
        ("|-------|-------------|------------|", "|---|---|---|---|"),
        ("| Security Engineer, Acme |", "| L5 | Acme |"),
        ("| Senior Security Engineer, Globex |", "| L6 | Globex |"),
    )
    assert [(d.code, d.line, d.column) for d in named] == [("GL307", 35, 3)]


def test_a_title_table_naming_an_entry_is_a_second_pay_table() -> None:
    diagnostics = lint("peer-table", ("| Security Engineer, Acme |", "| New York |"))
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("GL307", 35, 3)]


# -- GL203: region-currency ----------------------------------------------------------


def test_local_reports_a_region_in_its_stated_currency() -> None:
    diagnostics = lint("region-currency", settings=Settings(region_currency="local"))
    assert found(diagnostics) == [
        (
            "GL203",
            38,
            15,
            "currency is USD but `Singapore` pays in SGD; the table shows it in USD",
        )
    ]


def test_stated_reports_a_region_the_table_shows_in_another_currency() -> None:
    diagnostics = lint(
        "region-currency",
        (
            "| Singapore | $140K–$180K | $155K–$200K |",
            "| Singapore | S$140K–S$180K | S$155K–S$200K |",
        ),
    )
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("GL203", 38, 15)]
    assert [(r.code, r.line, r.column) for r in diagnostics[0].related] == [("GL304", 62, 15)]
    assert diagnostics[0].message.endswith(
        "; the table shows it in SGD (1 finding that follows from it folded in)"
    )


def test_a_region_without_a_currency_in_the_table_is_reported() -> None:
    diagnostics = lint(
        "region-currency",
        ("| Singapore | $140K–$180K | $155K–$200K |", "| Singapore | 140K–180K | 155K–200K |"),
    )
    assert found(diagnostics) == [("GL203", 38, 15, "currency is USD but `Singapore` pays in SGD")]


def test_a_suffix_decides_the_place() -> None:
    # Portland, ME and Vienna, VA are in the US; Perth, Scotland in the UK.
    local = Settings(region_currency="local")
    assert [d.line for d in lint("region-currency", settings=local)] == [38]
    diagnostics = lint(
        "region-currency", ("    currency: GBP", "    currency: AUD"), settings=local
    )
    assert found(diagnostics)[0] == (
        "GL203",
        29,
        15,
        "currency is AUD but `Perth, Scotland` pays in GBP; the table shows it in GBP"
        " (1 finding that follows from it folded in)",
    )


def test_a_fix_keeps_the_cell_s_own_spelling_of_its_currency() -> None:
    text = edited(
        (TABLE / "qualified-headers.md").read_text(encoding="utf-8"),
        ("total_comp_high: 1200000", "total_comp_high: 1250000"),
    )
    diagnostics = lint_text(text, select=("GL3",))
    # at `SEK 1,200,000` itself, column 65 of its row
    assert [(d.code, d.line, d.column) for d in diagnostics] == [("GL305", 53, 65)]
    fixes = [d.fix for d in diagnostics if d.fix is not None]
    after = apply_fixes(text, fixes).text
    assert "| kr 950,000–kr 1,250,000 |" not in after
    assert after.splitlines()[52].endswith("| SEK 950,000–SEK 1,250,000 |")
