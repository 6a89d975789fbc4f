"""Which codes are enabled: ruff's rule that the more specific prefix wins."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


def _longest(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


# Findings that say a file was not checked (unreadable, or a rule failed on it): a
# narrower `select` never hides them, or a run could pass files it never read. Only
# an `ignore` prefix longer than "GL" (or per-file-ignores) silences them.
UNCHECKED = frozenset({"GL000", "GL001"})


class Selection(NamedTuple):
    """Which codes a run reports, from ``select`` and ``ignore`` (longest prefix wins)."""

    select: tuple[str, ...] = ("GL",)
    ignore: tuple[str, ...] = ()
    # Codes of rules that are off by default: only `select` naming the full
    # code turns one on (the linter fills this in from the registry).
    opt_in: frozenset[str] = frozenset()

    def enabled(self, code: str) -> bool:
        chosen = _longest(code, self.select)
        if code in UNCHECKED:
            chosen = max(chosen, len("GL"))
        if code in self.opt_in and chosen < len(code):
            return False
        return chosen >= 0 and chosen > _longest(code, self.ignore)

    def any_enabled(self, codes: Iterable[str]) -> bool:
        return any(self.enabled(code) for code in codes)


def matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)
