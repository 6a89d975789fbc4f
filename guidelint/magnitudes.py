"""Counts and sums written as magnitudes: "millions of sellers", "tens of millions of
players", "billions of dollars in payments".

A magnitude is a figure of the figure lexer's (:mod:`guidelint.figures`) written in
words.  What it can mean comes from ``magnitudes`` in ``data/figures.json``: each word
with the least and the most it stands for, each lead ("tens of", "hundreds of") with
its factor.  Whether it measures something a company reports (a rate, a sum of money,
a user or customer base) is read from the words after it, each class with its own
examples that ``tests/test_figures.py`` runs.
"""

from __future__ import annotations

import re
from decimal import Decimal

from guidelint import patterns
from guidelint.figures import spelled
from guidelint.resources import data_file
from guidelint.scan import Lazy, Scan, chars

_MAGNITUDES = data_file("figures.json")["magnitudes"]
# Each word with the least and the most it can mean; each lead with its factor.
_VALUES = {
    word: (Decimal(low), Decimal(high)) for word, (low, high) in _MAGNITUDES["words"].items()
}
_LEADS = {lead: Decimal(factor) for lead, factor in _MAGNITUDES["leads"].items()}
MAGNITUDE_WORDS = frozenset(_VALUES)
_MAGNITUDE = rf"(?:(?:{spelled(list(_LEADS))})[ \t]+)?(?:{'|'.join(map(re.escape, _VALUES))})"
# "hundreds or thousands of locations" hedges between two magnitudes: group ``hedge``.
MAGNITUDE = Scan(
    rf"(?i:(?<![\w-]){_MAGNITUDE}(?P<hedge>[ \t]+or[ \t]+{_MAGNITUDE})?(?![\w-]))",
    chars([w[0] for w in (*_LEADS, *_VALUES)], nocase=True),
)


def magnitude_band(phrase: str) -> tuple[Decimal, Decimal]:
    """The least a magnitude found by :data:`MAGNITUDE` can mean and the least it
    cannot: "millions" 10**6 up to 10**9, "tens of millions" 10**7 up to 10**8."""
    words = phrase.casefold().split()
    least, most = _VALUES[words[-1]]
    lead = " ".join(words[:-1])
    if lead:
        least *= _LEADS[lead]
        most = least * 10
    return least, most


# What makes a magnitude a measure even without count-magnitudes: a rate at most five
# words after it, in its clause ("trillions of data points per day", "millions of daily
# transactions": magnitudes.rates; not "a year ago", nor across "and"), money
# ("billions of dollars", "hundreds of millions in annual revenue", "worth billions":
# magnitudes.amounts) or the people a company serves ("millions of developers":
# magnitudes.bases).  Words may be split across lines.
_GAP = r"\s{1,4}+"
_WORDS_BEFORE = rf"(?:{_GAP}(?!(?:and|but|or)\b)[\w'\u2019-]{{1,30}}+)"
_RATE = Lazy(
    rf"(?i:{_WORDS_BEFORE}{{0,5}}?{_GAP}(?:{spelled(_MAGNITUDES['rates']['words'], _GAP)})"
    rf"(?![\w-])(?!{_GAP}(?:ago|time|times|later|earlier|before|after)\b))"
)
_MONEY_AFTER = Lazy(
    rf"(?i:{_GAP}of{_GAP}(?:{spelled(_MAGNITUDES['amounts']['currencies'], _GAP)})"
    rf"|{_GAP}in{_WORDS_BEFORE}{{0,2}}?{_GAP}(?:{spelled(_MAGNITUDES['amounts']['nouns'], _GAP)}))"
    r"(?![\w-])"
)
# A word of money right before a magnitude ("worth billions", "invested hundreds of
# millions"), read up to the magnitude; "of" after it makes it a count again.
_MONEY_LEAD = Lazy(rf"(?<![\w-])(?i:{spelled(_MAGNITUDES['amounts']['leads'], _GAP)})\s{{1,4}}\Z")
_COUNTED = patterns.compile(rf"{_GAP}(?i:of)(?![\w-])")
# Only millions and more are sums of money a company reports ("employs thousands in sales").
_LARGE = frozenset(("millions", "billions", "trillions"))
# The people or organisations a company serves, right after "of" or after at most two
# words that qualify them, none a preposition, an article or a possessive: "millions of
# developers", "thousands of enterprise customers", not "billions of files for
# customers" (magnitudes.bases).
_BASES = _MAGNITUDES["bases"]
_QUALIFIER = (
    rf"(?:{_GAP}(?!(?:{'|'.join(map(re.escape, _BASES['not_qualifiers']))})\b)"
    r"[\w'\u2019-]{1,30}+)"
)
_BASE = Lazy(
    rf"(?i:{_GAP}of{_QUALIFIER}{{0,2}}?{_GAP}(?:{spelled(_BASES['nouns'], _GAP)}))(?![\w-])"
)


def measures_rate(text: str, end: int) -> bool:
    """Whether a rate follows the magnitude ending at ``end``: a throughput."""
    return _RATE.match(text, end) is not None


def measures_money(text: str, start: int, end: int) -> bool:
    """Whether the magnitude between ``start`` and ``end`` is a sum of money."""
    if text[start:end].rsplit(None, 1)[-1].casefold() not in _LARGE:
        return False
    if _MONEY_AFTER.match(text, end) is not None:
        return True
    lead = _MONEY_LEAD.search(text, max(0, start - 24), start)
    return lead is not None and _COUNTED.match(text, end) is None


def measures_base(text: str, end: int) -> bool:
    """Whether the magnitude ending at ``end`` counts a company's users or customers."""
    return _BASE.match(text, end) is not None
