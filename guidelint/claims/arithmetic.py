"""Amounts a sentence works out from the amounts given it.

"If you hold a competing offer at $230K and Acme is at $215K, the gap is $15K a
year, or $60K across a four-year grant": the first two amounts are the reader's
supposition (:mod:`.context` leaves them out), and the other two are worked from
them, a difference and that difference four times over.  A worked amount states
nothing a source could back, so it is left out with what it is worked from.

An amount is worked out from the supposed ones when it is one of them, the sum or
the difference of two of them, the sum of all of them, one of them multiplied or
divided by a count the sentence names ("four-year", "12 months", "3 years", or a
period: "a month" of a yearly amount is a twelfth), or one of them changed by a
percentage named with them ("if the stock falls 30%, a $140K grant is worth $98K"):
multiples by a count the sentence does not name would match too much by chance
("If your offer is $200K, the median is $400K" states a median).  Each amount
worked out is given in turn, so a chain of steps is followed.

Amounts supposed in an earlier sentence of the paragraph are worked from too
("Imagine two offers: one at $185K with a 12% target ... The first pays $207.2K"),
but an amount equal to one of them is not worked: "Open at $240K. Peers at Stripe
earn more than $240K" states.  The guide's own figures a sentence names are worked
from by its periods ("At the top of the band, $204K a year works out to $17K a month")
and by their differences ("a band of $180K-$240K leaves a $60K window") only: their sums
and multiples would match other companies' figures by chance.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal

from guidelint import patterns
from guidelint.claims.claim import Claim
from guidelint.claims.vocabulary import DATA
from guidelint.figures import (
    MONEY,
    NUMBER_WORDS,
    PERCENT_DIGITS,
    PERCENT_VALUE,
    inside,
    money_values,
    range_low,
)
from guidelint.prose import Block

_COUNTS = {word: index for index, word in enumerate(NUMBER_WORDS) if 2 <= index <= 12}
_COUNT = patterns.compile(r"(?<![\w.,$])(\d{1,2})(?![\d.,%])|[A-Za-z]+")
# A period names how many of it make a year: "$204K a year is $17K a month".
_PERIODS = {str(word): int(count) for word, count in DATA["period_counts"]["counts"].items()}
_ROUNDS = 3  # steps of a chain followed: gap, then the gap over the grant's years
_MOST = 12  # amounts given and sought in a sentence beyond which none is: a table in prose
_CARRIED = 6  # amounts carried from earlier suppositions: the latest are worked from


def counts_named(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """The small counts (2-12) a sentence names in digits or words, and the counts of
    the periods it names in a year (12 for "month", 52 for "week")."""
    found: set[int] = set()
    periods: set[int] = set()
    for match in _COUNT.finditer(text):
        word = match.group(0)
        if match.group(1):
            number: int | None = int(match.group(1))
        else:
            lowered = word.casefold()
            number = _COUNTS.get(lowered)
            if lowered in _PERIODS:
                periods.add(_PERIODS[lowered])
        if number is not None and 2 <= number <= 12:
            found.add(number)
    return frozenset(found), frozenset(periods)


def percents_named(text: str) -> frozenset[Decimal]:
    """The percentages a sentence names, as fractions ("30%" is 0.3), both ends of a
    range ("10-15%"); none and all ("0%", "100%") change nothing and are left out."""
    found: set[Decimal] = set()
    for match in PERCENT_DIGITS.finditer(text):
        value = PERCENT_VALUE.search(match.group(0))
        low = range_low(match)
        if value is not None:
            found.add(Decimal(value.group(0)) / 100)
        if low is not None:
            found.add(low[0] / 100)
    return frozenset(found - {Decimal(0), Decimal(1)})


def _close(value: Decimal, target: Decimal) -> bool:
    """Equal as a guide rounds: within half a percent, or a unit."""
    return abs(value - target) <= max(abs(target) * Decimal("0.005"), Decimal(1))


def _reached(amounts: Sequence[Decimal], values: Sequence[Decimal]) -> bool:
    """Whether every one of ``amounts`` is one of ``values``, as a guide rounds it."""
    return all(any(_close(a, v) for v in values) for a in amounts)


def _multiples(amounts: Sequence[Decimal], counts: frozenset[int]) -> list[Decimal]:
    """Each amount times and divided by each count."""
    return [value for a in amounts for n in counts for value in (a * n, a / n)]


def worked(
    given: Sequence[Decimal],
    candidates: Sequence[tuple[int, list[Decimal]]],
    counts: frozenset[int],
    percents: frozenset[Decimal] = frozenset(),
    carried: Sequence[Decimal] = (),
) -> set[int]:
    """The indexes of ``candidates`` (index, amounts) worked out from ``given`` and
    ``carried``, with the ``counts`` and ``percents`` named with them; a candidate
    equal to a carried amount is not worked out by that alone."""
    if not (given or carried) or len(given) + sum(len(a) for _, a in candidates) > _MOST:
        return set()
    known = [*given, *carried]
    derived = list(given)  # what a candidate may equal: not the carried amounts
    repeated = {  # candidates that repeat a carried amount: stated again, not worked
        index
        for index, amounts in candidates
        if amounts and _reached(amounts, carried) and not _reached(amounts, given)
    }
    found: set[int] = set()
    for _ in range(_ROUNDS):
        reachable = _steps(known, counts, percents) + derived
        step = [
            index
            for index, amounts in candidates
            if index not in found
            and index not in repeated
            and amounts
            and _reached(amounts, reachable)
        ]
        if not step:
            break
        found.update(step)
        new = [a for index, amounts in candidates if index in step for a in amounts]
        known += new
        derived += new
    return found


def _steps(
    known: list[Decimal], counts: frozenset[int], percents: frozenset[Decimal]
) -> list[Decimal]:
    """Every amount one step from ``known``: each one times or divided by a named
    count, that share of it, more or less by it, or by a named percentage, the sum
    and difference of each pair, and the sum of all when three or more."""
    reachable = _multiples(known, counts)
    reachable += [
        value for a in known for p in percents for value in (a * p, a * (1 + p), a * (1 - p))
    ]
    for a, b in itertools.combinations(known, 2):
        reachable += (a + b, abs(a - b))
    if len(known) > 2:
        reachable.append(sum(known, Decimal(0)))
    return reachable


def amounts_of(masked: str, claim: Claim) -> list[Decimal]:
    """The amounts a money figure states (both ends of a range)."""
    return money_values(MONEY.pattern.match(masked, claim.start))


def worked_out(
    block: Block,
    figures: list[Claim],
    proposed: list[tuple[int, int]],
    own: list[tuple[int, list[Decimal]]],
) -> list[Claim]:
    """The figures outside what the reader proposes or supposes, less the amounts a
    sentence works out from the amounts given it (see the module's docstring)."""
    masked = block.masked
    slot_of = block.slot
    kept = [c for c in figures if not inside(c.start, proposed)]
    supposed: dict[int, list[Decimal]] = {}
    for claim in figures:
        if inside(claim.start, proposed):
            supposed.setdefault(slot_of(claim.start), []).extend(amounts_of(masked, claim))
    owned: dict[int, list[Decimal]] = {}
    for start, amounts in own:
        owned.setdefault(slot_of(start), []).extend(amounts)
    candidates: dict[int, list[tuple[int, list[Decimal]]]] = {}
    for index, claim in enumerate(kept):
        slot = slot_of(claim.start)
        if supposed or slot in owned:
            candidates.setdefault(slot, []).append((index, amounts_of(masked, claim)))
    done: set[int] = set()
    carried: list[Decimal] = []
    percents: frozenset[Decimal] = frozenset()  # named in this sentence and supposing ones before
    for slot in sorted({*candidates, *supposed}):
        sentence = block.sentences[slot]
        text = masked[sentence.start : sentence.end]
        found = candidates.get(slot, [])
        named = percents_named(text) if found or slot in supposed else frozenset()
        if found:
            counts, periods = counts_named(text)
            done |= worked(supposed.get(slot, []), found, counts, percents | named, carried)
            done |= _from_own(owned.get(slot, []), found, periods)
        if slot in supposed:
            carried = [*carried, *supposed[slot]][-_CARRIED:]
            percents |= named
    return [c for index, c in enumerate(kept) if index not in done]


def _from_own(
    owned: list[Decimal], candidates: list[tuple[int, list[Decimal]]], periods: frozenset[int]
) -> set[int]:
    """The candidates worked from the guide's own amounts in their sentence: one of
    them per period or a period's amount per year ("$204K a year works out to $17K a
    month"), or the difference of two of them ("a band of $180K-$240K leaves a $60K
    window"); none beyond ``_MOST`` amounts, as in :func:`worked`."""
    if len(owned) + sum(len(amounts) for _, amounts in candidates) > _MOST:
        return set()
    reachable = _multiples(owned, periods)
    reachable += [abs(a - b) for a, b in itertools.combinations(owned, 2) if a != b]
    return {
        index
        for index, amounts in candidates
        if amounts and reachable and _reached(amounts, reachable)
    }
