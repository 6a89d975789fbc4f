"""The figure lexer: one unit table (guidelint/data/figures.json) read by table cells and
by prose; each unit's examples give the same amount both ways."""

from __future__ import annotations

from decimal import Decimal

import pytest

from guidelint.figures import (
    FOOTPRINT,
    MAGNITUDE,
    MONEY,
    MULTIPLIER,
    RATIO,
    approximate_counts,
    fractions,
    headcounts,
    measured,
    money_amounts,
)
from guidelint.money import parse_figure
from guidelint.resources import data_file

UNITS = data_file("figures.json")["units"]
EXAMPLES = [
    pytest.param(text, Decimal(value), id=text)
    for unit in UNITS
    for text, value in unit["examples"].items()
]


@pytest.mark.parametrize(("text", "amount"), EXAMPLES)
def test_a_cell_reads_each_unit(text: str, amount: Decimal) -> None:
    assert parse_figure(text).low.amount == amount


@pytest.mark.parametrize(("text", "amount"), [p for p in EXAMPLES if p.values[0][0] in "$₹£€"])
def test_prose_reads_each_unit_the_same(text: str, amount: Decimal) -> None:
    match = next(MONEY.finditer(f"It reached {text} last year."))
    assert [value for value, _ in money_amounts(match) or ()] == [amount]


COUNTS = data_file("figures.json")["approximate_count_nouns_not_claims"]["examples"]


@pytest.mark.parametrize(("text", "counted"), sorted(COUNTS.items()))
def test_approximate_counts(text: str, counted: bool) -> None:
    assert bool(list(approximate_counts(f"Acme serves {text} today."))) is counted


HEADCOUNTS = data_file("figures.json")["headcounts"]["examples"]


@pytest.mark.parametrize(("text", "counted"), sorted(HEADCOUNTS.items()))
def test_headcounts(text: str, counted: bool) -> None:
    assert bool(list(headcounts(f"At Acme, {text} today."))) is counted


MAGNITUDES = data_file("figures.json")["magnitudes"]["examples"]


@pytest.mark.parametrize(("text", "counted"), sorted(MAGNITUDES.items()))
def test_magnitudes(text: str, counted: bool) -> None:
    found = MAGNITUDE.finditer(f"Acme serves {text} today.")
    assert any(not match.group("hedge") for match in found) is counted


LEADS = {*data_file("figures.json")["magnitudes"]["amounts"]["leads"], "delivered"}
MEASURES = {
    **data_file("figures.json")["magnitudes"]["rates"]["examples"],
    **data_file("figures.json")["magnitudes"]["amounts"]["examples"],
}


@pytest.mark.parametrize(("text", "measure"), sorted(MEASURES.items()))
def test_magnitudes_that_measure(text: str, measure: bool) -> None:
    sentence = f"Acme {text} today." if text.split()[0] in LEADS else f"Acme serves {text} today."
    found = next(MAGNITUDE.finditer(sentence))
    assert measured(sentence, found.start(), found.end()) is measure


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2 crore users", Decimal("2E+7")),
        ("20,000,000 users", Decimal("20000000")),
        ("56M+ users", Decimal("5.6E+7")),
        ("1.2bn users", Decimal("1.2E+9")),
        ("5 lakh members", Decimal("5E+5")),
    ],
)
def test_a_count_reads_its_unit_from_the_unit_table(text: str, value: Decimal) -> None:
    # One unit table for every figure: a count in crore is as large as one in millions.
    from guidelint.figures import COUNT, figure_values

    match = COUNT.search(text)
    assert match is not None
    found = figure_values("count", match)
    assert found is not None and found[0][0] == value


MULTIPLYING = data_file("figures.json")["multiplying_verbs"]["examples"]


@pytest.mark.parametrize(("text", "read"), sorted(MULTIPLYING.items()))
def test_multiplying_verbs(text: str, read: bool) -> None:
    assert bool(list(MULTIPLIER.finditer(f"At Acme, {text}."))) is read


FOOTPRINTS = data_file("figures.json")["footprint_counts"]["examples"]


@pytest.mark.parametrize(("text", "read"), sorted(FOOTPRINTS.items()))
def test_footprint_counts(text: str, read: bool) -> None:
    assert bool(list(FOOTPRINT.finditer(f"Acme {text} today."))) is read


FRACTIONS = data_file("figures.json")["fractions"]["examples"]


@pytest.mark.parametrize(("text", "read"), sorted(FRACTIONS.items()))
def test_fractions(text: str, read: bool) -> None:
    assert bool(list(fractions(f"At Acme, {text}."))) is read


RATIOS = data_file("figures.json")["ratios"]["examples"]


@pytest.mark.parametrize(("text", "read"), sorted(RATIOS.items()))
def test_ratios(text: str, read: bool) -> None:
    assert bool(list(RATIO.finditer(f"At Acme, {text}."))) is read
