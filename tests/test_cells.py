"""The table vocabulary of data/tables.json and currencies.json: every entry's examples."""

from __future__ import annotations

import pytest

from guidelint.cells import (
    counts_shares,
    is_relative,
    names_instrument,
    peer_headers,
    row_symbols,
    says_unpaid,
)
from guidelint.currencies import currency_symbols
from guidelint.money import FigureError, parse_figure
from guidelint.places import region_currency
from guidelint.regionnames import region_currencies, region_key
from guidelint.resources import data_file
from guidelint.tables import header_match

TABLES = data_file("tables.json")
CURRENCIES = data_file("currencies.json")


def test_every_entry_has_a_reason_and_examples() -> None:
    for name, entry in TABLES.items():
        if name.startswith("_"):
            continue
        assert entry["reason"] and entry["examples"], name
    for name in ("iso_4217", "local_symbols"):
        assert CURRENCIES[name]["reason"] and CURRENCIES[name]["examples"], name


@pytest.mark.parametrize(("cell", "relative"), TABLES["relative_cells"]["examples"].items())
def test_relative_cells(cell: str, relative: bool) -> None:
    assert is_relative(cell) is relative


@pytest.mark.parametrize(("cell", "shares"), TABLES["share_counts"]["examples"].items())
def test_share_counts(cell: str, shares: bool) -> None:
    parsed = parse_figure(cell)
    assert counts_shares(parsed) is shares


@pytest.mark.parametrize(("cell", "absent"), TABLES["absent_cells"]["examples"].items())
def test_absent_cells(cell: str, absent: bool) -> None:
    from guidelint.money import is_absent

    assert is_absent(cell) is absent


@pytest.mark.parametrize(("cell", "unpaid"), TABLES["unpaid_cells"]["examples"].items())
def test_unpaid_cells(cell: str, unpaid: bool) -> None:
    assert says_unpaid(cell) is unpaid


@pytest.mark.parametrize(("header", "peer"), TABLES["peer_key_headers"]["examples"].items())
def test_peer_key_headers(header: str, peer: bool) -> None:
    assert bool(header_match(header, peer_headers())) is peer


@pytest.mark.parametrize(("header", "expected"), TABLES["header_qualifiers"]["examples"].items())
def test_header_qualifiers(header: str, expected: list) -> None:
    key, currencies = expected
    assert region_key(header) == key
    assert sorted(region_currencies(header)) == currencies


@pytest.mark.parametrize(
    ("region", "currency"),
    [
        *TABLES["subdivision_currencies"]["examples"].items(),
        *TABLES["place_suffixes"]["examples"].items(),
    ],
)
def test_place_suffixes(region: str, currency: str | None) -> None:
    assert region_currency(region) == currency


@pytest.mark.parametrize(("cell", "currency"), CURRENCIES["iso_4217"]["examples"].items())
def test_every_iso_code_is_read(cell: str, currency: str) -> None:
    assert parse_figure(cell).currencies == (currency,)


def test_iso_codes_outside_the_curated_list_are_read_in_capitals_only() -> None:
    assert parse_figure("KZT 12M").currencies == ("KZT",)
    with pytest.raises(FigureError, match="unknown currency `kzt`"):
        parse_figure("kzt 12M")
    codes = CURRENCIES["iso_4217"]["codes"]
    assert set(CURRENCIES["codes"]) <= set(codes) and len(codes) == len(set(codes)) > 150


@pytest.mark.parametrize("example", CURRENCIES["local_symbols"]["examples"])
def test_local_symbols(example: dict[str, str]) -> None:
    region = region_currency(example["region"]) if "region" in example else None
    symbols = row_symbols(currency_symbols(), example["row"], region)
    parsed = parse_figure(example["cell"], symbols)
    assert parsed.currencies == (example["currency"],)


def test_a_shared_spelling_is_unknown_outside_its_currencies() -> None:
    with pytest.raises(FigureError, match="unknown currency `kr`"):
        parse_figure("kr 650K", row_symbols(currency_symbols(), "USD", "USD"))
    # Configured, the spelling means what the configuration says.
    configured = row_symbols({**currency_symbols(), "kr": "ISK"}, "SEK")
    assert parse_figure("kr 650K", configured).currencies == ("ISK",)


@pytest.mark.parametrize(("header", "names"), TABLES["stock_instruments"]["examples"].items())
def test_stock_instruments(header: str, names: bool) -> None:
    assert names_instrument(header) is names
