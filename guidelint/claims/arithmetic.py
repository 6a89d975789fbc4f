"""Amounts a sentence works out from the amounts it supposes.

"If you hold a competing offer at $230K and Acme is at $215K, the gap is $15K a
year, or $60K across a four-year grant": the first two amounts are the reader's
supposition (:mod:`.context` leaves them out), and the other two are worked from
them, a difference and that difference four times over.  A worked amount states
nothing a source could back, so it is left out with what it is worked from.

An amount is worked out from the given ones when it is one of them, the sum or
the difference of two of them, the sum of all of them, or one of them multiplied
or divided by a count the sentence names ("four-year", "12 months", "3 years"):
multiples by a count the sentence does not name would match too much by chance
("If your offer is $200K, the median is $400K" states a median).  Each amount
worked out is given in turn, so a chain of steps is followed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal

from guidelint import patterns
from guidelint.figures import NUMBER_WORDS

_COUNTS = {word: index for index, word in enumerate(NUMBER_WORDS) if 2 <= index <= 12}
_COUNT = patterns.compile(r"(?<![\w.,$])(\d{1,2})(?![\d.,%])|[A-Za-z]+")
_ROUNDS = 3  # steps of a chain followed: gap, then the gap over the grant's years
_MOST = 12  # amounts in one sentence beyond which none is looked at: a table in prose


def counts_named(text: str) -> frozenset[int]:
    """The small counts (2-12) a sentence names in digits or words."""
    found = set()
    for match in _COUNT.finditer(text):
        word = match.group(0)
        number = int(match.group(1)) if match.group(1) else _COUNTS.get(word.casefold())
        if number is not None and 2 <= number <= 12:
            found.add(number)
    return frozenset(found)


def _close(value: Decimal, target: Decimal) -> bool:
    """Equal as a guide rounds: within half a percent, or a unit."""
    return abs(value - target) <= max(abs(target) * Decimal("0.005"), Decimal(1))


def worked(
    given: Sequence[Decimal],
    candidates: Sequence[tuple[int, list[Decimal]]],
    counts: frozenset[int],
) -> set[int]:
    """The indexes of ``candidates`` (index, amounts) worked out from ``given``."""
    if not given or len(given) + sum(len(a) for _, a in candidates) > _MOST:
        return set()
    known = list(given)
    found: set[int] = set()
    for _ in range(_ROUNDS):
        reachable = _reachable(known, counts)
        step = [
            index
            for index, amounts in candidates
            if index not in found
            and amounts
            and all(any(_close(a, r) for r in reachable) for a in amounts)
        ]
        if not step:
            break
        found.update(step)
        known += [a for index, amounts in candidates if index in step for a in amounts]
    return found


def _reachable(known: list[Decimal], counts: frozenset[int]) -> list[Decimal]:
    """Every amount one step from ``known``: each one, times or divided by a named
    count, the sum and difference of each pair, and the sum of all when three or more."""
    reachable = list(known)
    reachable += [value for a in known for n in counts for value in (a * n, a / n)]
    for a, b in itertools.combinations(known, 2):
        reachable += (a + b, abs(a - b))
    if len(known) > 2:
        reachable.append(sum(known, Decimal(0)))
    return reachable
