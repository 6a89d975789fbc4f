"""Region spellings: the key rows and entries are compared by, and the currency a spelling states."""

from __future__ import annotations

import pytest

from guidelint.places import region_currency
from guidelint.regionnames import region_currency_hint, region_key

SAME = [
    ("london", ["London", "London (GBP)", "🇬🇧 London (GBP)", ":gb: London (GBP)", "**London**"]),
    ("london", ["London (GBP £)", "  london ", "_London_", "London (HQ)", "London HQ"]),
    ("singapore", [":singapore: Singapore (SGD)", "Singapore (HQ)", "Singapore (SGD S$)"]),
    ("singapore", ["🇸🇬 Singapore (SGD)", "Singapore"]),
    ("san jose", ["San Jose CA", "San Jose, CA", "San Jose (CA)", "San Jose (USD)"]),
    ("jacksonville", ["Jacksonville FL (HQ)", "Jacksonville, FL"]),
    ("toronto", ["Toronto ON", "Toronto, ON (CAD C$)"]),
    ("sydney", ["Sydney (AUD A$)", "Sydney"]),
    ("remote us", ["Remote US", "Remote (US)", "US Remote", "Remote - US", "Remote — US"]),
    ("remote canada", ["Remote (Canada)", "Canada Remote"]),
    ("london", ["London¹", "London [2]", "London[^lv]", "London†", "**London** [3]"]),
]


@pytest.mark.parametrize(("key", "spellings"), SAME)
def test_spellings_share_a_key(key: str, spellings: list[str]) -> None:
    assert {region_key(spelling) for spelling in spellings} == {key}


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("London (Remote)", "remote london"),  # a remote band can be a row of its own
        ("Shenzhen (R&D)", "shenzhen r d"),
        ("Seattle (US)", "seattle us"),  # a country is not a state
        ("Remote CA", "remote ca"),  # nothing left but `remote`: the code stays
        ("San Jose ca", "san jose ca"),  # codes are upper case
        ("Hong Kong SAR", "hong kong sar"),
        ("(GBP)", "gbp"),
        ("Bay Area / Sunnyvale (US R&D)", "bay area sunnyvale us r d"),
        ("Zürich", "zürich"),
        ("Remote [US]", "remote us"),  # brackets that are not a citation stay words
        ("", ""),
    ],
)
def test_what_stays_in_a_key(spelling: str, key: str) -> None:
    assert region_key(spelling) == key


@pytest.mark.parametrize(
    ("spelling", "currency"),
    [
        ("London (GBP)", "GBP"),
        ("London (GBP £)", "GBP"),
        ("Sydney (AUD A$)", "AUD"),
        ("San Francisco (USD)", "USD"),
        (":singapore: Singapore (SGD)", "SGD"),
        ("Dublin (EUR €)", "EUR"),
        ("Ottawa (CAD C$)", "CAD"),
        ("Bangalore (INR ₹)", "INR"),
        ("London (GBP) (HQ)", "GBP"),
        ("London (usd)", "USD"),
        ("Europe (EUR/GBP)", None),  # two currencies: no hint
        ("London (GBP/USD)", None),
        ("London", None),
        ("Remote (US)", None),
        ("Shenzhen (R&D)", None),
        ("(GBP)", None),  # a parenthetical alone names no region
    ],
)
def test_currency_hints(spelling: str, currency: str | None) -> None:
    assert region_currency_hint(spelling) == currency


def test_configured_symbols_count_as_hints() -> None:
    assert region_currency_hint("Atlantis (A¤)") is None
    assert region_currency_hint("Atlantis (A¤)", {"A¤": "EUR"}) == "EUR"


@pytest.mark.parametrize(
    ("region", "currency"),
    [
        ("London (GBP)", "GBP"),
        ("🇬🇧 London", "GBP"),
        ("San Jose CA", "USD"),
        ("San Jose, CA", "USD"),
        ("Tel Aviv IL", "ILS"),
        ("Sunnyvale HQ", "USD"),
        ("Remote - US", "USD"),
        ("US Remote", "USD"),
        ("Bay Area / Sunnyvale (US R&D)", "USD"),
        ("Singapore (HQ)", "SGD"),
        ("Hangzhou (HQ)", "CNY"),
        ("Veldhoven (NL)", "EUR"),
        ("Tallinn (EUR)", "EUR"),
        ("Bangalore (USD)", "USD"),  # the stated currency wins over the city's
        ("London (GBP/USD)", "GBP"),  # no single hint: the city decides
        ("Europe (EUR/GBP)", None),
    ],
)
def test_region_currency_reads_every_spelling(region: str, currency: str | None) -> None:
    assert region_currency(region) == currency


def test_configured_regions_match_by_key() -> None:
    assert region_currency(":xx: Atlantis (HQ)", {"Atlantis": "EUR"}) == "EUR"


@pytest.mark.parametrize(
    "name",
    [
        ":" * 50_000,
        ":a" * 25_000,
        "(" * 50_000 + ")",
        " CA" * 20_000,
        "(GBP) " * 10_000 + ")",
        "*" * 50_000,
        "Remote " * 10_000,
        "🇬🇧" * 20_000,
    ],
    ids=range(8),
)
def test_long_names_are_read(name: str) -> None:
    # Linearity is asserted by tests/test_regex_linearity.py and measured by bench/.
    assert isinstance(region_key(name), str)
    region_currency(name)
    region_currency_hint(name)
