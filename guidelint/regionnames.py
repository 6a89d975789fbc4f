"""Region names as tables and frontmatter spell them: ``:gb: **London** (GBP £)``.

``region_key`` reduces a spelling for comparison, ``region_display`` for the
frontmatter, and the currencies a trailing parenthetical names are read by
``region_currency_hint`` and ``region_currencies``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache

from guidelint import patterns
from guidelint.cells import plain_words
from guidelint.currencies import currency_symbols, known_currency
from guidelint.money import MAX_NOTES, SPACES
from guidelint.resources import data_file
from guidelint.scan import Lazy

_SHORTCODE = patterns.compile(r":[A-Za-z0-9_+-]+:")  # ``:gb:``, ``:singapore:``
_MARKS = str.maketrans({"*": " ", "_": " ", "`": " "})
_QUALIFIER_WORDS = frozenset({"HQ"})


# A citation after a region's name: ``London [2]``, ``London[^lv]``, ``London¹``, ``London†``.
_REGION_CITATION = Lazy(r"\[\^[^\[\]\s]{1,40}\]|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+")


def _plain_region(name: str) -> str:
    plain = _SHORTCODE.sub(" ", name)
    if "[" in plain or not plain.isascii():
        plain = _REGION_CITATION.sub(" ", plain)
    return plain.translate(_MARKS).translate(SPACES).strip()


@cache
def _subdivisions() -> frozenset[str]:
    table = data_file("subdivisions.json")
    return frozenset(code for codes in table.values() for code in codes)


_LIST_SEPARATORS = patterns.compile(r"[\s/,;]+")


@cache
def _header_qualifiers() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_file("tables.json")["header_qualifiers"]["words"])


def _currency_list(inner: str, symbols: Mapping[str, str]) -> set[str] | None:
    """The currencies a parenthetical names (``GBP £``, ``EUR/GBP``, ``CAD/USD equiv``),
    or None if it is not one: words other than currencies must be qualifiers
    (``equiv``, ``approx.``; guidelint/data/tables.json)."""
    found: set[str] = set()
    for token in _LIST_SEPARATORS.split(inner.strip()):
        token = token.lstrip("~")
        if not token:
            continue
        currency = known_currency(token, symbols)
        if currency is not None:
            found.add(currency)
        elif token.casefold() not in _header_qualifiers():
            return None
    return found or None


def _trailing_parenthetical(text: str) -> tuple[str, str] | None:
    if not text.endswith(")"):
        return None
    opening = text.rfind("(")
    if opening <= 0:
        return None
    return text[:opening].rstrip(), text[opening + 1 : -1]


def _strip_qualifiers(text: str, symbols: Mapping[str, str]) -> str:
    """Drop what follows a place name: ``(GBP £)``, ``(HQ)``, ``HQ``, ``, CA``, ``(CT)``."""
    for _ in range(MAX_NOTES):
        text = text.rstrip()
        parts = _trailing_parenthetical(text)
        if parts is not None:
            head, inner = parts
            qualifier = (
                inner.strip() in _QUALIFIER_WORDS or _currency_list(inner, symbols) is not None
            )
            if qualifier and plain_words(head):
                text = head
                continue
        closed = text.endswith(")")  # ``Wilton (CT)``
        core = text[:-1].rstrip() if closed else text
        code, head = core[-2:], core[:-2]
        opener = head.endswith("(") if closed else head.endswith((" ", ","))
        if (
            opener
            and code.isascii()
            and code.isupper()
            and (code in _subdivisions() or code in _QUALIFIER_WORDS)
        ):
            head = head.rstrip(" ,(")
            if plain_words(head) and plain_words(head) != ["remote"]:
                text = head
                continue
        break
    return text


@lru_cache(maxsize=4096)  # a guide set names the same few hundred regions again and again
def region_key(name: str, extra: tuple[tuple[str, str], ...] = ()) -> str:
    """A region spelling reduced for comparison: ``:gb: **London** (GBP £)`` -> ``london``.

    Drops emoji and ``:shortcodes:``, inline marks, citations (``[2]``, ``¹``), a trailing parenthetical
    that names currencies or ``HQ`` (also a bare trailing ``HQ``), and a
    trailing US state or Canadian province code (``San Jose, CA``).  Other
    parentheticals stay words: ``(Remote)`` and ``(R&D)`` can tell rows apart.
    ``remote`` moves first, so ``US Remote``, ``Remote - US`` and
    ``Remote (US)`` are all ``remote us``.  ``extra`` holds the configured
    currency symbols (:func:`~guidelint.currencies.symbol_items`): ``Prague (Kč)``.
    """
    symbols = currency_symbols(dict(extra)) if extra else currency_symbols()
    words = plain_words(_strip_qualifiers(_plain_region(name), symbols))
    if "remote" in words and len(words) > 1:
        words = ["remote", *(word for word in words if word != "remote")]
    return " ".join(words)


def region_display(name: str) -> str:
    """A region's name as the frontmatter writes it: ``🇬🇧 London (GBP £)`` -> ``London``.

    What :func:`region_key` drops is dropped (emoji, shortcodes, marks, a
    trailing currency or ``HQ``); the words keep their case.
    """
    plain = "".join(
        " " if unicodedata.category(ch) in ("So", "Cf") or ch in "\ufe0f\u20e3" else ch
        for ch in _plain_region(name)
    )
    text = _strip_qualifiers(" ".join(plain.split()), currency_symbols())
    return text or " ".join(plain.split())


def region_currency_hint(name: str, symbols: Mapping[str, str] | None = None) -> str | None:
    """The currency a region spelling states: ``London (GBP)`` and ``Sydney (AUD A$)`` -> ISO.

    Only a trailing parenthetical naming one currency counts; ``(EUR/GBP)``
    names two and gives None.
    """
    for found in _parenthetical_currencies(name, symbols):
        if found is not None:
            return found.pop() if len(found) == 1 else None
    return None


def region_currencies(name: str, symbols: Mapping[str, str] | None = None) -> frozenset[str]:
    """Every currency a region spelling's trailing parentheticals name: a column headed
    ``Canada (CAD/USD equiv)`` may show either."""
    return frozenset(
        currency for found in _parenthetical_currencies(name, symbols) for currency in found or ()
    )


def _parenthetical_currencies(
    name: str, symbols: Mapping[str, str] | None
) -> Iterator[set[str] | None]:
    """The currencies each trailing parenthetical of a region spelling names, the last
    first; None for one that is not a list of currencies (``(Remote)``)."""
    table = symbols if symbols is not None else currency_symbols()
    text = _plain_region(name)
    for _ in range(MAX_NOTES):
        parts = _trailing_parenthetical(text)
        if parts is None:
            return
        text, inner = parts
        yield _currency_list(inner, table)
