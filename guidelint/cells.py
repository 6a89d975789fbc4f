"""Table cells and headers that are not figures or regions, read from ``data/tables.json``.

``is_relative`` knows a cell that describes a figure instead of stating it
(``Varies by city (70-90% of SF)``); ``is_peer_header`` a key column that names
companies or titles (``Company``), whose table compares employers, not regions;
``says_unpaid`` a cell that says a component is not paid (``—``, ``None``);
``counts_shares`` figures that count shares (``1,100 RSUs``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from guidelint import patterns
from guidelint.resources import data_file

if TYPE_CHECKING:
    from guidelint.money import Parsed

_MAX_CELL = 200  # as money.MAX_CELL: longer cells are never scanned


def _relative_pattern() -> re.Pattern[str]:
    note = data_file("tables.json")["relative_cells"]
    relations = "|".join(
        r"\s{1,4}".join(map(re.escape, words.split()))
        for words in sorted(note["relations"], key=len, reverse=True)
    )
    # A share (`70-90% of`, `~50% of`) or a multiple (`0.7x`) of something named after it.
    number = r"\d{1,3}(?:\.\d{1,2})?"
    share = rf"(?:{number}\s{{0,2}}(?:[-–—]|to)\s{{0,2}})?{number}\s{{0,2}}"
    relation = rf"(?:%\s{{1,4}}(?:{relations})|x(?:\s{{1,4}}(?:{relations}))?)"
    return patterns.compile(
        rf"(?:^|[\s(~≈]){share}{relation}\s{{1,4}}(?P<ref>[^\W\d_][\w.&' -]{{0,40}})",
        re.IGNORECASE,
    )


_RELATIVE = _relative_pattern()


@cache
def _components() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_file("tables.json")["relative_cells"]["components"])


def is_relative(text: str) -> bool:
    """Whether a cell gives a share of another figure (``~60% of US``), not a figure.

    A share of a pay component (``10-15% of base``) is a percentage figure.
    """
    if len(text) > _MAX_CELL:
        return False
    for match in _RELATIVE.finditer(text):
        reference = match.group("ref").casefold().split()
        if not reference:
            continue
        first = reference[0].strip(".,")
        two = " ".join(reference[:2]).strip(".,")
        if first not in _components() and two not in _components():
            return True
    return False


@cache
def _peer_headers() -> tuple[str, ...]:
    return tuple(data_file("tables.json")["peer_key_headers"]["words"])


def peer_headers() -> tuple[str, ...]:
    """Key-column headers of tables that compare companies or titles."""
    return _peer_headers()


@cache
def _local_spellings() -> dict[str, tuple[str, ...]]:
    spellings = data_file("currencies.json")["local_symbols"]["spellings"]
    return {text: tuple(currencies) for text, currencies in spellings.items()}


def row_symbols(symbols: dict[str, str], *currencies: str | None) -> dict[str, str]:
    """``symbols`` with each spelling several currencies share (``kr``) read as the
    first of ``currencies`` (the entry's, then its region's) that it may mean."""
    local = {}
    for spelling, meanings in _local_spellings().items():
        if spelling in symbols:
            continue  # configured: the configuration decides
        chosen = next((c for c in currencies if c in meanings), None)
        if chosen is not None:
            local[spelling] = chosen
    return {**symbols, **local} if local else symbols


def amount_symbols(symbols: dict[str, str]) -> dict[str, str]:
    """``symbols`` reading each shared spelling as one of its currencies: for the
    amounts of cells whose row is not known yet (a `levels` column's span)."""
    shared = {s: meanings[0] for s, meanings in _local_spellings().items() if s not in symbols}
    return {**symbols, **shared}


@cache
def _instruments() -> tuple[str, tuple[tuple[str, ...], ...]]:
    entry = data_file("tables.json")["stock_instruments"]
    return entry["column"], tuple(tuple(plain_words(w)) for w in entry["words"])


def plain_words(text: str) -> list[str]:
    """The words of a header or a region name, folded, with every mark a space."""
    return "".join(ch if ch.isalnum() else " " for ch in text.casefold()).split()


def names_instrument(header: str) -> bool:
    """Whether a header names a stock instrument in other words (``Phantom Units/4yr``)."""
    words = plain_words(header)
    for phrase in _instruments()[1]:
        size = len(phrase)
        if any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1)):
            return True
    return False


def instrument_column() -> str:
    """The column a header naming a stock instrument is (the schema's ``Stock``)."""
    return _instruments()[0]


@cache
def _unpaid() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_file("tables.json")["unpaid_cells"]["words"])


def says_unpaid(text: str) -> bool:
    """Whether a cell says its component is not paid (``—``, ``N/A``, ``None``), rather
    than withholding the figure (``TBD``, ``Varies``)."""
    if len(text) > _MAX_CELL:
        return False
    core = " ".join(text.replace("\u00a0", " ").split()).strip("*_ ").casefold()
    return core in _unpaid()


@cache
def _share_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_file("tables.json")["share_counts"]["words"])


def counts_shares(parsed: Parsed) -> bool:
    """Whether a cell's figures count shares (``1,100 RSUs``): no currency, and the
    words after them name shares. A count, not an amount of money."""
    if parsed.currencies:
        return False
    words = plain_words(parsed.note)[:3]
    return any(" ".join(words[:size]) in _share_words() for size in (1, 2, 3))
