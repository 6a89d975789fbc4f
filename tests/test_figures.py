"""The figure lexer: one unit table (guidelint/data/figures.json) read by table cells and
by prose; each unit's examples give the same amount both ways."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

import pytest

from guidelint.claims.support import figure_kind
from guidelint.figures import (
    DATA_VOLUME,
    FOOTPRINT,
    MONEY,
    MULTIPLIER,
    RATIO,
    STAFF,
    approximate_counts,
    fractions,
    headcounts,
    merged,
    money_amounts,
    overlaps,
)
from guidelint.magnitudes import (
    MAGNITUDE,
    magnitude_band,
    measures_base,
    measures_money,
    measures_rate,
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


MAGNITUDES = data_file("figures.json")["magnitudes"]["examples"]


@pytest.mark.parametrize(("text", "counted"), sorted(MAGNITUDES.items()))
def test_magnitudes(text: str, counted: bool) -> None:
    found = MAGNITUDE.finditer(f"Acme serves {text} today.")
    assert any(not match.group("hedge") for match in found) is counted


LEADS = {*data_file("figures.json")["magnitudes"]["amounts"]["leads"], "delivered"}
MEASURES = [
    (kind, text, measure)
    for kind in ("rates", "amounts", "bases")
    for text, measure in sorted(data_file("figures.json")["magnitudes"][kind]["examples"].items())
]
MAGNITUDE_READS = {
    "rates": lambda text, start, end: measures_rate(text, end),
    "amounts": measures_money,
    "bases": lambda text, start, end: measures_base(text, end),
}


@pytest.mark.parametrize(("kind", "text", "measure"), MEASURES)
def test_magnitudes_that_measure(kind: str, text: str, measure: bool) -> None:
    """Each class's examples hold for its own reading, and a ``false`` example is read
    by no class (it waits for count-magnitudes)."""
    sentence = f"Acme {text} today." if text.split()[0] in LEADS else f"Acme serves {text} today."
    found = next(MAGNITUDE.finditer(sentence))
    start, end = found.span()
    assert MAGNITUDE_READS[kind](sentence, start, end) is measure
    if not measure:
        assert not any(read(sentence, start, end) for read in MAGNITUDE_READS.values())


@pytest.mark.parametrize(
    ("phrase", "band"),
    [
        ("hundreds", (100, 1000)),
        ("millions", (10**6, 10**9)),
        ("tens of millions", (10**7, 10**8)),
        ("hundreds of\n thousands", (10**5, 10**6)),
        ("Billions", (10**9, 10**12)),
    ],
)
def test_a_magnitude_spans_its_band(phrase: str, band: tuple[int, int]) -> None:
    assert magnitude_band(phrase) == band


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


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("an H-1B or L-1B visa", []),
        ("it flies the MQ-9B", []),
        ("1.5M-2M users", ["1.5M", "2M"]),
        ("100K-200K users, 1B-2B events", ["100K", "200K", "1B", "2B"]),
        ("a mid-200K base", ["200K"]),
    ],
)
def test_a_number_after_a_capital_and_a_hyphen_is_a_designation(
    text: str, counts: list[str]
) -> None:
    from guidelint.figures import COUNT

    assert [m.group(0) for m in COUNT.finditer(text)] == counts


# Each class of figure with the reader that finds it and the sentence its examples are
# read in; an example maps its text to whether the reader finds a figure there.
READERS: dict[str, tuple[Callable[[str], Iterable[object]], str]] = {
    "approximate_count_nouns_not_claims": (approximate_counts, "Acme serves {} today."),
    "headcounts": (headcounts, "At Acme, {} today."),
    "multiplying_verbs": (MULTIPLIER.finditer, "At Acme, {}."),
    "footprint_counts": (FOOTPRINT.finditer, "Acme {} today."),
    "staff_counts": (STAFF.finditer, "Acme {} today."),
    "data_volumes": (DATA_VOLUME.finditer, "Acme {} today."),
    "fractions": (fractions, "At Acme, {}."),
    "ratios": (RATIO.finditer, "At Acme, {}."),
}
READS = [
    pytest.param(reader, template.format(text), read, id=f"{section}: {text}")
    for section, (reader, template) in READERS.items()
    for text, read in sorted(data_file("figures.json")[section]["examples"].items())
]


@pytest.mark.parametrize(("reader", "sentence", "read"), READS)
def test_each_figure_class_reads_its_examples(
    reader: Callable[[str], Iterable[object]], sentence: str, read: bool
) -> None:
    assert bool(list(reader(sentence))) is read


@pytest.mark.parametrize(
    ("start", "end", "shared"),
    [(0, 2, False), (0, 3, True), (4, 5, True), (9, 10, True), (10, 12, False), (14, 16, True)],
)
def test_a_span_overlaps_what_it_shares_a_character_with(
    start: int, end: int, shared: bool
) -> None:
    assert overlaps(start, end, merged([(2, 6), (5, 10), (15, 18)])) is shared


@pytest.mark.parametrize(
    ("text", "figure", "kind"),
    [
        # the high end of a range measures what its low end does, however it is joined
        ("Total pay includes base salary ($140K-$190K) and a bonus.", "$190K", "pay"),
        ("Total pay includes base salary ($140K–$190K) and a bonus.", "$190K", "pay"),
        ("Total pay includes base salary ($140K – $190K) and a bonus.", "$190K", "pay"),
        ("Equity ($55K-$155K/4yr) vests quarterly.", "$155K", "pay"),
        ("Acme booked revenue of $140M-$190M last year.", "$190M", "fact"),
    ],
)
def test_a_range_high_end_measures_what_its_low_end_does(text: str, figure: str, kind: str) -> None:
    start = text.index(figure)
    assert figure_kind(text, start, start + len(figure)) == kind
