"""The money, range and percentage parser, table-driven over every spelling guides use."""

from __future__ import annotations

from decimal import Decimal

import pytest

from guidelint.money import (
    FigureError,
    Style,
    currency_symbols,
    format_number,
    format_range,
    is_blank,
    parse_figure,
    region_currency,
)

D = Decimal

# text -> (low, high, currency, percent)
SPELLINGS = [
    ("$195K–$255K", D(195000), D(255000), "USD", False),
    ("$195,000 - $255,000", D(195000), D(255000), "USD", False),
    ("$175K to $228K", D(175000), D(228000), "USD", False),
    ("$175K-$228K", D(175000), D(228000), "USD", False),
    ("$175K — $228K", D(175000), D(228000), "USD", False),
    ("£120k–£158k", D(120000), D(158000), "GBP", False),
    ("€62K", D(62000), None, "EUR", False),
    ("C$80K", D(80000), None, "CAD", False),
    ("A$90K", D(90000), None, "AUD", False),
    ("S$120K", D(120000), None, "SGD", False),
    ("CHF 150K", D(150000), None, "CHF", False),
    ("USD 195K", D(195000), None, "USD", False),
    ("$1.2M", D(1200000), None, "USD", False),
    ("$200K", D(200000), None, "USD", False),
    ("$200,000", D(200000), None, "USD", False),
    ("150K €", D(150000), None, "EUR", False),
    ("195K–255K USD", D(195000), D(255000), "USD", False),
    ("$195K–255K", D(195000), D(255000), "USD", False),
    ("$195–255K", D(195000), D(255000), "USD", False),
    ("195K", D(195000), None, None, False),
    ("5%", D(5), None, None, True),
    ("10 %", D(10), None, None, True),
    ("5–15%", D(5), D(15), None, True),
    ("5%–15%", D(5), D(15), None, True),
    ("7.5%", D("7.5"), None, None, True),
    ("\u00a0$195K\u00a0–\u00a0$255K ", D(195000), D(255000), "USD", False),
]


@pytest.mark.parametrize(("text", "low", "high", "currency", "percent"), SPELLINGS)
def test_spellings(
    text: str, low: Decimal, high: Decimal | None, currency: str | None, percent: bool
) -> None:
    parsed = parse_figure(text)
    assert parsed.low.amount == low
    assert (parsed.high.amount if parsed.high else None) == high
    assert parsed.low.currency == currency
    assert parsed.percent is percent
    if parsed.high:
        assert parsed.high.currency == currency


UNPARSEABLE = [
    ("₹45L", "lakh/crore"),
    ("₹1.2 Cr", "lakh/crore"),
    ("TBD", "has no number"),
    ("", "is empty"),
    ("$195K–", "ends with a dash"),
    ("Q$50K", "unknown currency `Q$`"),
    ("$1,50K", "malformed number"),
    ("$195K–£255K USD", "names two currencies"),
    ("5%–$10K", "mixes a percentage and an amount"),
    ("$5%", "mixes a percentage and an amount"),
    ("$" + "9" * 250, "too long"),
]


@pytest.mark.parametrize(("text", "reason"), UNPARSEABLE)
def test_unparseable(text: str, reason: str) -> None:
    with pytest.raises(FigureError, match=reason.replace("$", r"\$")):
        parse_figure(text)


def test_dashes_are_kept_as_written() -> None:
    assert parse_figure("$175K to $228K").dash == " to "
    assert parse_figure("$195,000 - $255,000").dash == " - "
    assert parse_figure("$195K–$255K").dash == "–"


def test_offsets_point_at_each_figure() -> None:
    parsed = parse_figure("  $195K – $255K", offset=10)
    assert (parsed.low.offset, parsed.high.offset) == (12, 20)  # type: ignore[union-attr]
    assert parsed.high.text == "$255K"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "value", "agrees"),
    [
        ("$196K", 195500, True),  # display rounding
        ("$196K", 196499, True),
        ("$197K", 195500, False),
        ("$195K", 195000, True),
        ("$195K", 196000, False),
        ("$195,000", 195001, False),
        ("$1.2M", 1_240_000, True),
        ("$1.2M", 1_260_000, False),
        ("8%", 7.5, True),
        ("5%", 6, False),
        ("$195K", True, False),  # booleans are not numbers
        ("$195K", "195000", False),
    ],
)
def test_display_rounding(text: str, value: object, agrees: bool) -> None:
    assert parse_figure(text).low.agrees(value) is agrees


def test_dollar_can_be_reconfigured() -> None:
    symbols = currency_symbols({"$": "CAD", "R$": "BRL"})
    assert parse_figure("$80K", symbols).low.currency == "CAD"
    assert parse_figure("$80K").low.currency == "USD"


def test_blank_cells() -> None:
    assert all(is_blank(t) for t in ("", " ", "—", "-", "N/A", "none"))
    assert not is_blank("0%")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D(195000), "195K"),
        (D(195500), "195,500"),
        (D(1200000), "1,200K"),
        (D(0), "0"),
        (D("7.5"), "7.5"),
    ],
)
def test_format_number(value: Decimal, text: str) -> None:
    assert format_number(value) == text


def test_format_range_in_a_tables_style() -> None:
    style = Style.learn(
        [parse_figure("£148K - £194K"), parse_figure("CHF 150K"), parse_figure("5%–15%")]
    )
    assert style.dash == " - "
    assert (
        format_range(D(148000), D(194000), percent=False, currency="GBP", style=style)
        == "£148K - £194K"
    )
    assert format_range(D(150000), None, percent=False, currency="CHF", style=style) == "CHF 150K"
    assert format_range(D(5), D(15), percent=True, currency=None, style=style) == "5% - 15%"
    default = Style()
    assert (
        format_range(D(195000), D(255000), percent=False, currency="USD", style=default)
        == "$195K–$255K"
    )
    assert format_range(D(5), D(15), percent=True, currency=None, style=default) == "5–15%"
    assert format_range(D(80000), None, percent=False, currency="CAD", style=default) == "C$80K"
    assert format_range(D(80000), None, percent=False, currency="SEK", style=default) == "SEK 80K"
    short = Style.learn([parse_figure("$195K–255K")])
    assert format_range(D(1), D(2000), percent=False, currency="USD", style=short) == "$1–2K"


def test_formatted_figures_parse_back() -> None:
    style = Style.learn([parse_figure("$195K–$255K")])
    for low, high in ((D(195500), D(255000)), (D(1200000), D(1300000))):
        text = format_range(low, high, percent=False, currency="USD", style=style)
        parsed = parse_figure(text)
        assert parsed.low.agrees(low) and parsed.high and parsed.high.agrees(high)


@pytest.mark.parametrize(
    ("region", "currency"),
    [
        ("London", "GBP"),
        ("  new   YORK ", "USD"),
        ("Remote (US)", "USD"),
        ("Remote - Canada", "CAD"),
        ("London, UK", "GBP"),
        ("Zürich", "CHF"),
        ("Bengaluru", "INR"),
        ("Tel Aviv", "ILS"),
        ("Remote (Europe)", None),
        ("Berlin / London", None),  # parts disagree
        ("Atlantis", None),
    ],
)
def test_region_currency(region: str, currency: str | None) -> None:
    assert region_currency(region) == currency


def test_configured_regions_extend_the_table() -> None:
    assert region_currency("Atlantis", {"Atlantis": "EUR"}) == "EUR"
    assert region_currency("London", {"London": "EUR"}) == "EUR"
