"""Amounts a sentence works out from the amounts it supposes (claims.arithmetic)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_claims_names import found

from guidelint.claims.arithmetic import counts_named, worked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spread across a four-year grant, over 12 months, in 3 years.", {4, 12, 3}),
        ("Over two years and twelve months, $40K in 2026.", {2, 12}),
        ("One offer, 1 year, 100 days, 4.5 years, 20% more.", set()),
    ],
)
def test_counts_named(text: str, expected: set[int]) -> None:
    assert counts_named(text) == expected


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


def test_a_sentence_of_many_amounts_is_not_searched() -> None:
    given = [Decimal(n * 1000) for n in range(1, 13)]
    assert worked(given, [(0, [Decimal(3000)]), (1, [Decimal(7000)])], frozenset()) == set()


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
    ],
)
def test_worked_amounts_in_guides(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert found(text) == expected
