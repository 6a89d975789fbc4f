"""Amounts a sentence works out from the amounts it supposes (claims.arithmetic)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_claims_names import found
from test_claims_vocabulary import FRONT

from conftest import lint_text
from guidelint.claims.arithmetic import _from_own, counts_named, percents_named, worked


@pytest.mark.parametrize(
    ("text", "counts", "periods"),
    [
        ("Spread across a four-year grant, over 12 months, in 3 years.", {4, 12, 3}, {12}),
        ("Over two years and twelve months, $40K in 2026.", {2, 12}, {12}),
        ("One offer, 1 year, 100 days, 4.5 years, 20% more.", set(), set()),
        # a period names how many of it make a year
        ("$204K a year works out to $17K a month, or $4K a week.", set(), {12, 52}),
        ("Refreshers vest quarterly.", set(), {4}),
    ],
)
def test_counts_named(text: str, counts: set[int], periods: set[int]) -> None:
    assert counts_named(text) == (counts, periods)


def amounts(*values: str) -> list[Decimal]:
    return [Decimal(v) for v in values]


@pytest.mark.parametrize(
    ("given", "candidates", "counts", "expected"),
    [
        # a difference, then the difference over the grant's four years
        (amounts("230000", "215000"), [(0, amounts("15000")), (1, amounts("60000"))], {4}, {0, 1}),
        # a sum of every given amount, rounded as a guide rounds it
        (amounts("180000", "35000", "21600"), [(0, amounts("236600"))], set(), {0}),
        (amounts("180000", "35000", "21600"), [(0, amounts("237000"))], set(), {0}),
        # a multiple by a count the sentence does not name is a fact that happens to match
        (amounts("200000"), [(0, amounts("400000"))], set(), set()),
        (amounts("200000"), [(0, amounts("400000"))], {2}, {0}),
        # unrelated amounts; a range is worked out only when both of its ends are
        (amounts("230000"), [(0, amounts("700000000"))], {4}, set()),
        (amounts("230000", "215000"), [(0, amounts("15000", "99000"))], set(), set()),
        # nothing given, nothing worked out
        ([], [(0, amounts("15000"))], set(), set()),
    ],
)
def test_worked(
    given: list[Decimal],
    candidates: list[tuple[int, list[Decimal]]],
    counts: set[int],
    expected: set[int],
) -> None:
    assert worked(given, candidates, frozenset(counts)) == expected


def test_percents_named() -> None:
    assert percents_named("If the stock falls 30% or 12.5 %, v2%") == {
        Decimal("0.3"),
        Decimal("0.125"),
    }


@pytest.mark.parametrize(
    ("given", "carried", "candidates", "percents", "expected"),
    [
        # a percentage change of a given amount: "a $140K grant is worth $98K" after a 30% fall
        (amounts("140000"), [], [(0, amounts("98000"))], {"0.3"}, {0}),
        # a share of an amount supposed in an earlier sentence: $185K with a 12% bonus
        ([], amounts("185000", "195000"), [(0, amounts("207200"))], {"0.12"}, {0}),
        # an amount carried from an earlier sentence is worked from, never itself worked,
        # even beside a candidate worked from it
        ([], amounts("240000"), [(0, amounts("240000"))], set(), set()),
        ([], amounts("240000"), [(0, amounts("240000")), (1, amounts("480000"))], set(), set()),
        (amounts("240000"), [], [(0, amounts("240000"))], set(), {0}),
    ],
)
def test_worked_with_percents_and_carried_amounts(
    given: list[Decimal],
    carried: list[Decimal],
    candidates: list[tuple[int, list[Decimal]]],
    percents: set[str],
    expected: set[int],
) -> None:
    named = frozenset(Decimal(p) for p in percents)
    assert worked(given, candidates, frozenset(), named, carried) == expected


def test_a_carried_amount_stated_again_is_not_worked_out_beside_a_multiple_of_it() -> None:
    # "Open at $240K. Peers at Stripe earn more than $240K, or $480K over two years."
    candidates = [(0, amounts("240000")), (1, amounts("480000"))]
    assert worked([], candidates, frozenset({2}), frozenset(), amounts("240000")) == {1}


# The vocabulary tests' guide (San Francisco, base $195K-$255K) with a second region.
OWN = FRONT.replace(
    "data_sources:",
    "  - region: Austin\n    base_low: 160000\n    base_high: 210000\n    currency: USD\n"
    "data_sources:",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the guide's own figures are given: a month of the top of the band
        ("At the top of the San Francisco band, $255K a year works out to $21.25K a month.", []),
        ("A $21.25K month is what Acme's best-paid engineers earn.", [("GL501", 18, 3)]),
        # the gap between two regions' own figures, in a sentence naming both
        ("Austin sits $35K to $45K lower than San Francisco at each end of the band.", []),
        ("Acme pays $35K more than its rivals in Austin.", [("GL501", 18, 11)]),
    ],
)
def test_amounts_worked_from_the_guides_own_figures(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    found = [(d.code, d.line, d.column) for d in lint_text(OWN + text + "\n", select=("GL5",))]
    assert found == expected


def test_a_sentence_of_many_amounts_is_not_searched() -> None:
    given = [Decimal(n * 1000) for n in range(1, 13)]
    assert worked(given, [(0, [Decimal(3000)]), (1, [Decimal(7000)])], frozenset()) == set()
    # nor from the guide's own amounts: their pairs would grow as the square of them
    owned = [Decimal(255000)] * 12
    assert _from_own(owned, [(0, [Decimal(21250)])], frozenset({12})) == set()
    assert _from_own(owned[:1], [(0, [Decimal(21250)])], frozenset({12})) == {0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "If you hold a competing offer at $230K total and Acme is at $215K, the gap is"
            " $15K a year, or $60K across a four-year grant.",
            [],
        ),
        # what the supposition does not work out is still stated
        ("If your offer is $200K, the market median for this role is $400K.", [("GL501", 11, 60)]),
        ("If you hold a $230K offer, note that Acme's revenue is $700M.", [("GL501", 11, 56)]),
        # a sum shown with "+" and a verb that closes it
        ("Take $195K base + $40K stock + $19.5K bonus: that comes to $254.5K.", []),
        # ... not a "+" after a level
        ("Refreshers at L62+ add $40K-$120K a year.", [("GL501", 11, 24)]),
        # a percentage change under a supposition
        ("If the stock falls 30%, a $140K grant is worth $98K; ask for dollars.", []),
    ],
)
def test_worked_amounts_in_guides(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert found(text) == expected
