"""Currencies as guides write them: symbols, prefixes and ISO codes.

``data/currencies.json`` maps symbols and prefixes (``$``, ``£``, ``CHF``) to
ISO codes; configuration may add more.  A code written in capitals is known
when a salary is paid in it (``all`` is a word, ``ALL`` a currency).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from guidelint.resources import data_file


@cache
def _builtin() -> tuple[dict[str, str], frozenset[str], dict[str, str]]:
    table = data_file("currencies.json")
    return dict(table["symbols"]), frozenset(table["codes"]), dict(table["display"])


@cache
def _iso_codes() -> frozenset[str]:
    """Every ISO 4217 code a salary is paid in; matched only in capitals (``all`` is a word)."""
    return frozenset(data_file("currencies.json")["iso_4217"]["codes"])


def currency_symbols(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Symbol or prefix -> ISO code: the built-in table, extended by configuration."""
    symbols, _, _ = _builtin()
    return {**symbols, **(extra or {})}


def symbol_items(extra: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """Configured symbols in a form a cache can key on (empty for the built-in table)."""
    return tuple(sorted(extra.items()))


def display_symbol(currency: str, extra: Mapping[str, str] | None = None) -> str:
    """How to write a currency when a table has not shown it yet (``$``, ``£``, ``CHF``)."""
    _, _, display = _builtin()
    if currency in display and currency_symbols(extra).get(display[currency]) == currency:
        return display[currency]
    return currency


def currency_code(written: str, symbols: Mapping[str, str]) -> str:
    """The ISO code a frontmatter currency spells: ``USD``, ``usd`` and ``$`` are USD;
    anything else is kept, upper-cased, for the schema to report."""
    written = written.strip()
    return known_currency(written, symbols) or written.upper()


def known_currency(token: str, symbols: Mapping[str, str]) -> str | None:
    if token in symbols:
        return symbols[token]
    _, codes, _ = _builtin()
    upper = token.upper()
    if upper in codes or upper in symbols.values():
        return upper
    return token if token in _iso_codes() else None
