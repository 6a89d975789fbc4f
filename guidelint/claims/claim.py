"""A claim: a span of a block that states something, before support decides on it."""

from __future__ import annotations

from typing import NamedTuple

LISTED = "listed"  # an attribution to a listed source: support, not a finding


class Claim(NamedTuple):
    """A span of a block that states something: its code, where it is, what it says,
    and its kind (PAY, FACT or RANKING; for LISTED, the kinds its source backs)."""

    code: str
    start: int
    end: int
    text: str
    kind: str = ""
    backs: frozenset[str] = frozenset()
    group: int = 0  # which attribution of the block a GL504 comes from
    needs_claim: bool = False  # a GL504 that counts only beside a figure or a ranking
