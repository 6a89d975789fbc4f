"""Where a region is when its name ends in a place: ``Portland, ME``, ``Perth, Scotland``.

A suffix after the last comma that names a state or province code of a
country in ``data/subdivisions.json``, or one of the countries and provinces
``data/tables.json`` lists under ``place_suffixes``, decides the region's
currency before the city's name does: ``Cambridge, MA`` is not Cambridge,
England.  A code that also reads as another country (``Perth, WA``,
``Tel Aviv, IL``) leaves a city known to pay there as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from guidelint.resources import data_file


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
    from guidelint.money import region_key

    names = data_file("tables.json")["place_suffixes"]["regions"]
    return {region_key(name): currency for name, currency in names.items()}


def suffix_currency(region: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The currency of the place a region's suffix names, or None when it names none.

    ``extra`` is the configured region table: a city it names keeps its
    currency when the suffix is a code that may also mean that city's country.
    """
    from guidelint.money import region_currency_of_name, region_key

    head, comma, tail = region.rpartition(",")
    if not comma or not head.strip():
        return None
    code = tail.strip().rstrip(".")
    if code in _subdivisions():
        readings = _other_readings().get(code, frozenset())
        if readings:
            city = region_currency_of_name(head, extra)
            if city in readings:
                return city
        return _subdivisions()[code]
    return _places().get(region_key(tail))
