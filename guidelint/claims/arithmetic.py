"""Amounts a sentence works out from the amounts it supposes.

"If you hold a competing offer at $230K and Acme is at $215K, the gap is $15K a
year, or $60K across a four-year grant": the first two amounts are the reader's
supposition (:mod:`.context` leaves them out), and the other two are worked from
them, a difference and that difference four times over.  A worked amount states
nothing a source could back, so it is left out with what it is worked from.

The amounts given a sentence are those it supposes, the guide's own figures it names
("At the top of the Chicago band, $204K a year works out to $17K a month"), and the
amounts supposed in an earlier sentence of its paragraph ("Imagine two offers: one at
$185K with a 12% target ... The first pays $207.2K"), which are worked from but never
count as worked themselves: "Open at $240K. Peers at Stripe earn more than $240K" states.

An amount is worked out from the given ones when it is one of them, the sum or
the difference of two of them, the sum of all of them, one of them multiplied
or divided by a count the sentence names ("four-year", "12 months", "3 years",
or a period: "a month" of a yearly amount is a twelfth), or one of them changed by
a percentage the sentence names ("if the stock falls 30%, a $140K grant is worth
$98K"): multiples by a count the sentence does not name would match too much by
chance ("If your offer is $200K, the median is $400K" states a median).  Each
amount worked out is given in turn, so a chain of steps is followed.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from decimal import Decimal

from guidelint import patterns
from guidelint.claims.claim import Claim
from guidelint.claims.vocabulary import DATA, WORDS, alternation
from guidelint.figures import MONEY, NUMBER_WORDS, inside, money_amounts
from guidelint.prose import Block
from guidelint.scan import Lazy

_COUNTS = {word: index for index, word in enumerate(NUMBER_WORDS) if 2 <= index <= 12}
_COUNT = patterns.compile(r"(?<![\w.,$])(\d{1,2})(?![\d.,%])|[A-Za-z]+")
# A period names how many of it make a year: "$204K a year is $17K a month".
_PERIODS = {str(word): int(count) for word, count in DATA["period_counts"]["counts"].items()}
_PERCENT = patterns.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{1,2})?)[ \t]?%")
_ROUNDS = 3  # steps of a chain followed: gap, then the gap over the grant's years
_MOST = 12  # amounts in one sentence beyond which none is looked at: a table in prose


def counts_named(text: str) -> frozenset[int]:
    """The small counts (2-12) a sentence names in digits or words, and the count of
    each period it names in a year (12 for "month")."""
    found = set()
    for match in _COUNT.finditer(text):
        word = match.group(0)
        if match.group(1):
            number: int | None = int(match.group(1))
        else:
            lowered = word.casefold()
            number = _COUNTS.get(lowered)
            if lowered in _PERIODS:
                found.add(_PERIODS[lowered])
        if number is not None and 2 <= number <= 12:
            found.add(number)
    return frozenset(found)


def percents_named(text: str) -> frozenset[Decimal]:
    """The percentages a sentence names, as fractions ("30%" is 0.3)."""
    return frozenset(Decimal(m.group(1)) / 100 for m in _PERCENT.finditer(text))


def _close(value: Decimal, target: Decimal) -> bool:
    """Equal as a guide rounds: within half a percent, or a unit."""
    return abs(value - target) <= max(abs(target) * Decimal("0.005"), Decimal(1))


def worked(
    given: Sequence[Decimal],
    candidates: Sequence[tuple[int, list[Decimal]]],
    counts: frozenset[int],
    percents: frozenset[Decimal] = frozenset(),
    carried: Sequence[Decimal] = (),
) -> set[int]:
    """The indexes of ``candidates`` (index, amounts) worked out from ``given``, with
    the ``counts`` and ``percents`` their sentence names.  Amounts ``carried`` from
    an earlier sentence are worked from, but a candidate equal to one of them is not
    worked: "Open at $240K base. Peers at Stripe earn more than $240K" states."""
    if (
        not (given or carried)
        or len(given) + len(carried) + sum(len(a) for _, a in candidates) > _MOST
    ):
        return set()
    known = [*given, *carried]
    found: set[int] = set()
    for round_ in range(_ROUNDS):
        reachable = _steps(known, counts, percents)
        reachable += given if round_ == 0 else known
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


def _steps(
    known: list[Decimal], counts: frozenset[int], percents: frozenset[Decimal]
) -> list[Decimal]:
    """Every amount one step from ``known``: each one times or divided by a named
    count, that share of it, more or less by it, or by a named percentage, the sum
    and difference of each pair, and the sum of all when three or more."""
    reachable = [value for a in known for n in counts for value in (a * n, a / n)]
    reachable += [
        value for a in known for p in percents for value in (a * p, a * (1 + p), a * (1 - p))
    ]
    for a, b in itertools.combinations(known, 2):
        reachable += (a + b, abs(a - b))
    if len(known) > 2:
        reachable.append(sum(known, Decimal(0)))
    return reachable


_THRESHOLD = Lazy(
    rf"(?i:(?:^|[.;:!?,(\u2014]|\b(?:if|anything|nothing))[ \t]{{0,3}}"
    rf"(?:{alternation(WORDS['threshold_words'])})[ \t]{{1,3}}$)"
)


def values(masked: str, claim: Claim) -> list[Decimal]:
    """The amounts a money figure states (both ends of a range)."""
    match = MONEY.pattern.match(masked, claim.start)
    amounts = money_amounts(match) if match is not None else None
    return [amount for amount, _ in amounts or ()]


def worked_out(
    block: Block,
    figures: list[Claim],
    proposed: list[tuple[int, int]],
    own: list[tuple[int, list[Decimal]]],
    starts: list[int],
) -> list[Claim]:
    """The figures outside what the reader proposes or supposes, less the amounts a
    sentence works out (:mod:`.arithmetic`) from the amounts given it: the guide's own
    amounts in it, and the amounts supposed in it or in a sentence of the block before
    it ("Imagine two offers: one at $185K with a 12% target ... The first pays $207.2K")."""
    masked = block.masked
    kept = [c for c in figures if not inside(c.start, proposed)]
    supposed: dict[int, list[Decimal]] = {}
    for claim in figures:
        if inside(claim.start, proposed):
            slot = bisect.bisect_right(starts, claim.start) - 1
            supposed.setdefault(slot, []).extend(values(masked, claim))
    owned: dict[int, list[Decimal]] = {}
    for start, amounts in own:
        owned.setdefault(bisect.bisect_right(starts, start) - 1, []).extend(amounts)
    candidates: dict[int, list[tuple[int, list[Decimal]]]] = {}
    for index, claim in enumerate(kept):
        slot = bisect.bisect_right(starts, claim.start) - 1
        if supposed or slot in owned:
            candidates.setdefault(slot, []).append((index, values(masked, claim)))
    done: set[int] = set()
    for slot, found in candidates.items():
        earlier = [s for s in supposed if s < slot]
        given = supposed.get(slot, []) + owned.get(slot, [])
        carried = [a for s in earlier for a in supposed[s]]
        texts = [masked[block.sentences[s].start : block.sentences[s].end] for s in earlier]
        sentence = masked[block.sentences[slot].start : block.sentences[slot].end]
        counts = counts_named(sentence)
        percents = percents_named(" ".join([*texts, sentence]))
        done |= worked(given, found, counts, percents, carried)
    return [c for index, c in enumerate(kept) if index not in done]


def repeats_threshold(masked: str, claim: Claim, own: set[Decimal]) -> bool:
    """Whether a clause opens on a threshold before ``claim`` and its amounts are the
    reader's own (``own``)."""
    amounts = values(masked, claim)
    if not amounts or not own.issuperset(amounts):
        return False
    return _THRESHOLD.search(masked, max(0, claim.start - 40), claim.start) is not None
