"""What the checks of a figure ask of its sentence (:class:`Facts`), and the figures
that state terms rather than facts: a share of a grant on a vesting schedule ("25%
per year") and a service level ("99.99% uptime")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from guidelint import patterns
from guidelint.claims.support import content_words, pay_components
from guidelint.claims.vocabulary import DATA, WORD, WORDS, alternation, word_class
from guidelint.prose import Block
from guidelint.scan import Lazy

_BONUS_WORD = patterns.compile(rf"(?i:{alternation(WORDS['bonus_words'])})")
# Between the items of a tag list: "RSU + Bonus | +15% Premium".
_TAG_BREAK = patterns.compile(r"\|")


# Words that make a sentence about vesting: "vest", "vesting", "cliff".
VESTING_WORDS = tuple(str(word).casefold() for word in WORDS["vesting_words"])
_VESTING_WORDS = alternation(VESTING_WORDS)
# A share of a grant on a vesting schedule is a term, not a statistic: "25% per
# year", "6.25% per quarter", "25% at year 1", "25% after the first year", "a 25% cliff".
_VESTING_SHARE = Lazy(
    rf"\s{{0,8}}+(?i:{alternation(WORDS['vesting_periods'])}"
    r"|(?:at|after)\s+(?:the\s+)?(?:(?:first|one|1)[-\s])?"
    rf"(?:{alternation(WORDS['vesting_milestones'])}|\d+\s+months?)"
    rf"|{_VESTING_WORDS}"
    # "then quarterly at 6.25% of the grant.": a share of the grant itself, ending its clause
    rf"|of\s+(?:the|your|each)\s+(?:{alternation(DATA['vesting_periods']['shares'])})"
    r"(?![\w-])(?=\s*(?:[.,;:)]|$)))"
)
_VESTING_WORD = patterns.compile(f"(?i:{_VESTING_WORDS})")
_GROWTH_BEFORE = Lazy(rf"(?i:{alternation(WORDS['growth_words'])})\s+(?:by\s+)?$")


def vesting_share(masked: str, match: re.Match[str], facts: Facts) -> bool:
    """Whether a percentage is a share of a grant in a sentence about vesting."""
    if not _VESTING_SHARE.match(masked, match.end()):
        return False
    if _GROWTH_BEFORE.search(masked, max(0, match.start() - 20), match.start()):
        return False
    return facts.about_vesting(match.start())


def _vocabulary(text: str, start: int, end: int) -> tuple[frozenset[str], tuple[str, ...]]:
    words = content_words(text[start:end])
    return words, tuple(sorted(words))


class Facts:
    """What the checks of a figure ask of its sentence (or tag item), worked out once
    per sentence: a block that is one long sentence full of figures stays linear."""

    def __init__(self, block: Block) -> None:
        self.block = block
        self._memo: dict[tuple[str, int], Any] = {}
        self._breaks: dict[int, list[int]] = {}  # where each sentence's tag items break

    def memo(self, name: str, offset: int, compute: Callable[[str, int, int], Any]) -> Any:
        """``compute(masked, start, end)`` of the sentence that holds ``offset``, once
        per sentence and ``name``; of the item that holds it when the sentence is a tag
        list ("RSU + Premium Bonus | +15–25% Engine Premium"), whose items each state
        something of their own."""
        slot = self.block.slot(offset)
        sentence = self.block.sentences[slot]
        masked = self.block.masked
        breaks = self._breaks.get(slot)
        if breaks is None:
            found = _TAG_BREAK.finditer(masked, sentence.start, sentence.end)
            breaks = self._breaks[slot] = [tag.start() for tag in found]
        key = (name, slot)
        if key not in self._memo:
            items = pairwise([sentence.start, *breaks, sentence.end])
            self._memo[key] = [compute(masked, start, end) for start, end in items]
        return self._memo[key][bisect.bisect_right(breaks, offset)]

    def components(self, offset: int) -> frozenset[str] | None:
        return self.memo("components", offset, pay_components)  # type: ignore[no-any-return]

    def words(self, offset: int) -> tuple[frozenset[str], tuple[str, ...]]:
        """The sentence's content words, as a set and sorted (for prefix lookups)."""
        return self.memo("words", offset, _vocabulary)  # type: ignore[no-any-return]

    def about_bonus(self, offset: int) -> bool:
        return self.memo("bonus", offset, lambda text, a, b: bool(_BONUS_WORD.search(text, a, b)))  # type: ignore[no-any-return]

    def about_vesting(self, offset: int) -> bool:
        return self.memo(
            "vesting", offset, lambda text, a, b: bool(_VESTING_WORD.search(text, a, b))
        )  # type: ignore[no-any-return]


_SERVICE_WORDS = word_class("service_levels")


def service_level(masked: str, match: re.Match[str]) -> bool:
    """Whether a percentage of 99 or more states a service standard ("99.99% uptime")."""
    value = _LEADING_NUMBER.match(match.group(0))
    if value is None or float(value.group(0)) < 99:
        return False
    window = masked[max(0, match.start() - 60) : match.end() + 40].casefold()
    return not _SERVICE_WORDS.isdisjoint(WORD.findall(window))


_LEADING_NUMBER = patterns.compile(r"\d+(?:\.\d+)?")
