"""The currency a region pays in: ``London`` GBP, ``Portland, ME`` USD, ``Perth, Scotland`` GBP.

Regions are looked up in ``data/regions.json`` by :func:`guidelint.regionnames.region_key`.
A suffix after the last comma that names a state or province code of a
country in ``data/subdivisions.json``, or one of the countries and provinces
``data/tables.json`` lists under ``place_suffixes``, decides before the
city's name does: ``Cambridge, MA`` is not Cambridge, England.  A code that
also reads as another country (``Perth, WA``, ``Tel Aviv, IL``) leaves a city
known to pay there as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from guidelint import patterns
from guidelint.regionnames import region_currency_hint, region_key
from guidelint.resources import data_file


@cache
def _builtin_regions() -> dict[str, str]:
    return {region_key(name): code for name, code in data_file("regions.json").items()}


def known_place(name: str) -> bool:
    """Whether ``name`` is a region of ``data/regions.json`` ("Singapore", "Bay Area")."""
    return region_key(name) in _builtin_regions()


_REGION_PARTS = patterns.compile(r"[,/()\[\]]|\s[-–—]\s")


def region_currency(region: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The currency a region pays in, or None when unknown or ambiguous.

    A currency the spelling states (``Singapore (SGD)``) comes first, then a
    configured name (``extra``), then the place a suffix names (``Portland, ME``,
    ``Perth, Scotland``); then ``region_key`` of the whole name is looked up
    (``San Jose CA``), then its parts (``London, UK``, ``Bay Area / Sunnyvale``);
    parts that disagree make the answer unknown.
    """
    hint = region_currency_hint(region)
    if hint is not None:
        return hint
    if extra:
        configured = {region_key(name): code for name, code in extra.items()}
        if region_key(region) in configured:
            return configured[region_key(region)]
    suffixed = suffix_currency(region, extra)
    if suffixed is not None:
        return suffixed
    return _named_currency(region, extra)


def _named_currency(region: str, extra: Mapping[str, str] | None) -> str | None:
    """The currency the region table gives a spelling: the whole name, else its parts."""
    table = _builtin_regions()
    if extra:
        table = {**table, **{region_key(name): code for name, code in extra.items()}}
    whole = region_key(region)
    if whole in table:
        return table[whole]
    found = {table[key] for key in map(region_key, _REGION_PARTS.split(region)) if key in table}
    return found.pop() if len(found) == 1 else None


@cache
def _subdivisions() -> dict[str, str]:
    """State or province code -> the currency of its country."""
    countries = data_file("tables.json")["subdivision_currencies"]["currencies"]
    table = data_file("subdivisions.json")
    return {code: countries[country] for country, codes in table.items() for code in codes}


@cache
def _other_readings() -> dict[str, frozenset[str]]:
    readings = data_file("tables.json")["subdivision_currencies"]["other_readings"]
    return {code: frozenset(currencies) for code, currencies in readings.items()}


@cache
def _places() -> dict[str, str]:
    names = data_file("tables.json")["place_suffixes"]["regions"]
    return {region_key(name): currency for name, currency in names.items()}


def suffix_currency(region: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The currency of the place a region's suffix names, or None when it names none.

    ``extra`` is the configured region table: a city it names keeps its
    currency when the suffix is a code that may also mean that city's country.
    """
    head, comma, tail = region.rpartition(",")
    if not comma or not head.strip():
        return None
    code = tail.strip().rstrip(".")
    if code in _subdivisions():
        readings = _other_readings().get(code, frozenset())
        if readings:
            city = _named_currency(head, extra)
            if city in readings:
                return city
        return _subdivisions()[code]
    return _places().get(region_key(tail))
