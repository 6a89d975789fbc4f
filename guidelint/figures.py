"""The one figure lexer: amounts, ranges, percentages, multipliers and counts in text.

Tables (:mod:`guidelint.money`), prose (:mod:`guidelint.claims`) and sync read figures
through the unit table and number patterns defined here, built from
``data/figures.json``; every pattern is compiled once, at import.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from guidelint import patterns
from guidelint.resources import data_file
from guidelint.scan import Lazy, Scan, chars, longest_first

_DATA = data_file("figures.json")


def _units() -> dict[str, Decimal]:
    table: dict[str, Decimal] = {}
    for unit in _DATA["units"]:
        for spelling in (*unit["letters"], *unit["words"]):
            table[spelling.casefold()] = Decimal(unit["value"])
    return table


# Every spelling of a unit, lower case, and what it multiplies by: ``k`` and
# ``thousand`` 1,000, ``l`` and ``lakh`` 100,000, ``b`` and ``billion`` 10**9.
UNITS = _units()
# Units from this one up are written as the table's "large" unit (``M``, ``Cr``).
LARGE_UNIT = Decimal(_DATA["large_unit_from"])


def _letters() -> str:
    """The unit letters prose writes after a number: each in lower, upper and title
    case, or only as the table spells it (``T`` right after a digit)."""
    free: set[str] = set()
    exact: list[str] = []
    for unit in _DATA["units"]:
        for letters in unit["letters"]:
            if unit.get("case"):
                exact.append(letters.upper() if unit["case"].isupper() else letters)
            else:
                free.update((letters, letters.upper(), letters.title()))
    bare = "|".join(re.escape(u) for u in longest_first(free))
    fixed = "|".join(rf"(?<=\d){re.escape(u)}" for u in longest_first(exact))
    return rf"(?:{bare}|{fixed})(?![\w])"


def _words() -> str:
    words = longest_first(w for unit in _DATA["units"] for w in unit["words"])
    return rf"(?:{'|'.join(map(re.escape, words))})\b"


NUMBER_WORDS = tuple(_DATA["number_words"])
TENS_WORDS = tuple(_DATA["tens_words"])

# The pieces of a number, for prose here and for table cells (money.py): digits
# grouped in thousands (3,600,000) or the Indian way (36,00,000), and decimals.
WESTERN_GROUPED = r"\d{1,3}(?:,\d{3})+"
INDIAN_GROUPED = r"\d{1,2}(?:,\d{2})+,\d{3}"
DECIMALS = r"(?:\.\d+)?"
_NUMBER = rf"(?:{WESTERN_GROUPED}|\d+){DECIMALS}"
# Money also takes Indian grouping (₹40,00,000) and lakh/crore units (₹20L, ₹1.2 crore).
_MONEY_NUMBER = rf"(?:{INDIAN_GROUPED}|{WESTERN_GROUPED}|\d+){DECIMALS}"
_SYMBOLS = sorted(
    (s for s in data_file("currencies.json")["symbols"] if len(s) > 1 or not s.isalpha()),
    key=len,
    reverse=True,
)
# Every currency symbol's characters but letters, digits and "." (``$``, ``₩``,
# ``₪``): a number right after one is an amount, never a count; for classes.
SYMBOL_SET = frozenset(ch for s in _SYMBOLS for ch in s if not ch.isalnum() and ch != ".")
SYMBOL_CHARS = re.escape("".join(sorted(SYMBOL_SET)))
CURRENCY_CODES = sorted(data_file("currencies.json")["codes"])
CODE_SET = frozenset(CURRENCY_CODES)
CURRENCY_PREFIX = "|".join(
    [*(re.escape(s) for s in _SYMBOLS), *(rf"{c}\s?" for c in CURRENCY_CODES)]
)
_UNIT_LETTERS = _letters()
_UNIT_WORDS = _words()
# The unit right after a number in a table cell: any spelling, any case, a whole word.
CELL_UNIT = patterns.compile(
    f"(?:{'|'.join(map(re.escape, longest_first(UNITS)))})(?![A-Za-z])",
    re.IGNORECASE,
)


def _amount(number: str, high: str, letters: str, words: str) -> str:
    """A money number, the high end of a range that shares its unit ("$150-200K",
    "$4-5B") and the unit, each in a named group."""
    return (
        rf"(?P<{number}>{_MONEY_NUMBER})"
        rf"(?:\s?[-–]\s?(?P<{high}>{_MONEY_NUMBER})(?=\s?{_UNIT_LETTERS}|\s{_UNIT_WORDS}))?\+?"
        rf"(?:\s?(?P<{letters}>{_UNIT_LETTERS})|\s(?P<{words}>{_UNIT_WORDS}))?"
    )


_MONEY = (
    rf"(?<![\w{SYMBOL_CHARS}])(?P<sym>{CURRENCY_PREFIX})\s?{_amount('a', 'h1', 'u1', 'w1')}"
    # the high end written with its own unit and without the currency: "£100K–158K"
    rf"(?:(?<=[A-Za-z])\s?[-–]\s?(?P<hx>{_MONEY_NUMBER})(?P<ux>{_UNIT_LETTERS}))?"
    rf"|(?<![\w.,]){_amount('b', 'h2', 'u2', 'w2')}\s?"
    rf"(?P<code>{'|'.join(CURRENCY_CODES)}|(?i:dollars|pounds|euros))\b"
)
MONEY = Scan(_MONEY, chars(s[0] for s in [*_SYMBOLS, *CURRENCY_CODES]), digits=True)
# A number written as words, up to "one hundred": "forty", "twenty-five", "a hundred".
_BELOW_100 = (
    rf"(?:(?:{'|'.join(TENS_WORDS)})(?:[-\s](?:{'|'.join(NUMBER_WORDS[1:10])}))?"
    rf"|{'|'.join(longest_first(NUMBER_WORDS))})"
)
_NUMBER_WORDS = rf"(?:(?:one|a)[-\s]hundred|{_BELOW_100})"
# Not at a group of three digits after a digit and a comma: a group of a longer number
# is no number's start (each would be tried against the whole run after it:
# "999,999,...,999" took time as its square); "10,20%" and "12,5%" still start at "20", "5".
_PERCENT_DIGITS = (
    rf"(?<![\w.])(?!(?<=\d,)\d{{3}}(?!\d)){_NUMBER}\s?"
    r"(?:%|％|(?i:percent|per\s+cent|pct|percentage\s+points?)\b)"
)
# Where a number written as words can start ("forty", "a hundred", "thousandfold").
_WORD_FIRSTS = chars(
    [w[0] for w in (*NUMBER_WORDS, *TENS_WORDS, "one", "a", "hundred", "thousand")],
    nocase=True,
)
PERCENT = Scan(
    rf"{_PERCENT_DIGITS}"
    rf"|(?i:(?<![\w-]){_NUMBER_WORDS}\s+(?:percent|per\s+cent|percentage\s+points?)\b)",
    _WORD_FIRSTS,
    digits=True,
)
_MULTIPLIER_DIGITS = r"(?<![\w.])\d+(?:\.\d+)?(?:\s?[-–—]\s?\d+(?:\.\d+)?)?(?:x|\s?×)(?![\w])"
# "revenue tripled": a past verb of multiplying states a multiple (figures.json).
MULTIPLYING_VERBS = tuple(_DATA["multiplying_verbs"]["words"])
# What a block holds when a multiplier written in words may be in it: "fold" and
# "times" inside its text ("tenfold"), or a multiplying verb among its words.
MULTIPLIER_PARTS = ("fold", "times")
MULTIPLYING_WORDS = frozenset(MULTIPLYING_VERBS)
MULTIPLIER = Scan(
    rf"{_MULTIPLIER_DIGITS}"
    r"|(?<![\w.])\d+(?:\.\d+)?[-\s]?fold\b"
    rf"|(?i:(?<![\w-])(?P<wf>{_NUMBER_WORDS}|hundred|thousand)[-\s]?fold\b)"
    rf"|(?:(?<![\w.])\d+(?:\.\d+)?|(?i:(?<![\w-])(?:{_NUMBER_WORDS})))\s+times\s+"
    r"(?:more|less|higher|lower|faster|slower|cheaper|larger|bigger|greater|as|the|over|what)\b"
    rf"|(?i:(?<![\w-])(?:{'|'.join(MULTIPLYING_VERBS)})\b"
    rf"(?![ \t]{{1,4}}(?:{'|'.join(_DATA['multiplying_verbs']['not_before'])})\b))",
    _WORD_FIRSTS + chars([verb[0] for verb in MULTIPLYING_VERBS], nocase=True),
    digits=True,
)
# "one in three engineers", "3 out of 4 offers": a share written as a ratio.
RATIO_NUMBERS = NUMBER_WORDS[1:11]  # one to ten
_RATIO_NUMBER = rf"(?:{'|'.join(RATIO_NUMBERS)}|\d{{1,3}})"
_DURATIONS = "|".join(_DATA["ratios"]["durations"])
# In words, a noun may stand between, the share then closing its clause or followed by
# its verb: "one offer in three is revised", not "one office in two regions".
_FOLLOWERS = "|".join(_DATA["ratios"]["followers"])
_RATIO_WORD = f"(?:{'|'.join(RATIO_NUMBERS)})"
RATIO = Scan(
    rf"(?i:(?<![\w.-]){_RATIO_NUMBER}[ \t]{{1,4}}(?:in|out[ \t]{{1,4}}of)[ \t]{{1,4}}"
    rf"{_RATIO_NUMBER}\b(?![.,]\d)(?![ \t]{{1,4}}(?:{_DURATIONS})\b)"
    rf"|(?<![\w.-]){_RATIO_WORD}[ \t]{{1,4}}(?!(?:{_DURATIONS})\b)[a-z]{{3,20}}[ \t]{{1,4}}in"
    rf"[ \t]{{1,4}}{_RATIO_WORD}\b(?=[ \t]{{0,4}}(?:[,.;:)]|$)|[ \t]{{1,4}}(?:{_FOLLOWERS})\b))",
    chars([w[0] for w in RATIO_NUMBERS], nocase=True),
    digits=True,
)
# A share written as a fraction: "two thirds of its revenue", "a quarter of engineers".
_FRACTIONS = _DATA["fractions"]
FRACTION_WORDS = frozenset(("third", "thirds", "quarter", "quarters", "fifth", "fifths"))
FRACTION = Lazy(
    r"(?i:(?<![\w-])(?P<f>"
    + "|".join(re.escape(p).replace(r"\ ", r"[ \t]{1,4}") for p in _FRACTIONS["words"])
    + r")[ \t]{1,4}of[ \t]{1,4}(?!(?:the[ \t]{1,4})?(?:"
    + "|".join(map(re.escape, _FRACTIONS["not_of"]))
    + r")(?![\w])|(?:19|20)\d{2}(?![\w]))[\w'\u2019]{1,40})"
)
_NOT_FRACTION_AFTER = Lazy(
    r"(?i:\b(?:" + "|".join(map(re.escape, _FRACTIONS["not_after"])) + r")[ \t]{1,4}$)"
)


_VESTS = Lazy(
    r"(?:[ \t]{1,4}[\w-]{1,30}){0,3}?[ \t]{1,4}(?i:"
    + "|".join(map(re.escape, _FRACTIONS["vesting"]))
    + r")\b"
)


def fractions(text: str) -> Iterator[re.Match[str]]:
    """Shares written as fractions in ``text`` ("two thirds of its revenue"), not parts
    of a period ("the second quarter of 2026")."""
    for match in FRACTION.finditer(text):
        if _NOT_FRACTION_AFTER.search(text, max(0, match.start() - 20), match.start()):
            continue
        if _VESTS.match(text, match.end()):
            continue  # "a fifth of the package vests after the first year"
        yield match


_DESIGNATION = r"(?<!(?<![\d.])[A-Z]-)"  # not after "H-" in "H-1B"; after "M-" in "1.5M-2M"
COUNT = Scan(
    rf"(?<![\w.,{SYMBOL_CHARS}#/-])(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d{{4,}})(?:\.\d+)?"
    r"(?![\w%]|[.,]\d|[-/–]\d)"
    rf"|(?<![\w.])\d+(?:\.\d+)?\+?\s?{_UNIT_WORDS}"
    # A number right after a capital and a hyphen names a designation, not an amount:
    # "an H-1B visa", "L-1B transfers", "an MQ-9B" ("mid-200K" and the high end of
    # "1.5M-2M", whose capital is a unit after a digit, still read).
    rf"|(?<![\w.{SYMBOL_CHARS}]){_DESIGNATION}\d+(?:\.\d+)?(?:[KkM]|bn)\+?(?![\w])"
    # "4B+ wallets", but not a model's size: "a 70B model", "Llama 3 405B", "Mistral 7B"
    rf"|(?<![\w.{SYMBOL_CHARS}]){_DESIGNATION}(?<!\d\s)(?<![A-Z][a-z]\s)(?<![A-Z][a-z][a-z]\s)"
    r"\d+(?:\.\d+)?B\+?"
    r"(?![\w])"
    r"(?![-\s](?i:models?|param|params|parameters?|llms?)\b)",
    "",
    digits=True,
)
DIGIT = patterns.compile(r"\d")
# Pieces of pattern for where an amount starts and how its number goes on, for the
# patterns that find a figure's place in a clause rather than read the figure.
AMOUNT_START = rf"(?:{CURRENCY_PREFIX})[ \t]?\d"  # "$2", "£ 1", "CHF 1"
FIGURE_START = rf"(?:{CURRENCY_PREFIX})?[ \t]?\d"  # an amount or a bare number
NUMBER_TAIL = r"[\d,.]{0,12}(?i:[kmb]\b|[ \t](?:million|billion)\b)?\+?"  # ",000", "K+"
# The number-word branches can only match where their keyword occurs ("percent",
# "per cent" and "percentage" all hold "cent"); other blocks scan digits only.
PERCENT_DIGITS = Scan(_PERCENT_DIGITS, "", digits=True)
MULTIPLIER_DIGITS = Scan(_MULTIPLIER_DIGITS, "", digits=True)


# The low end of a range just before a figure ("10-" of "10-30%"): a whole number,
# not the tail of a word or of a grouped number ("Q3 – 15%", "1,000-2,000%").
RANGE_LOW = Lazy(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3}){0,4}(?:\.\d{1,6})?)\s?%?\s?(?:[-\u2013\u2014]|to)\s?$"
)
PERCENT_VALUE = patterns.compile(r"\d+(?:\.\d+)?")


def range_low(match: re.Match[str]) -> tuple[Decimal, Decimal] | None:
    """The low end written before a percentage that closes a range ("10-25%"), with
    its displayed precision; None when there is none, or when the number before the
    dash is not below the percentage ("500 — 50% of it")."""
    low = RANGE_LOW.search(match.string, max(0, match.start() - 14), match.start())
    high = PERCENT_VALUE.search(match.group(0))
    if low is None or high is None:
        return None
    digits = low.group(1).replace(",", "")
    value = Decimal(digits)
    if value >= Decimal(high.group(0)):
        return None
    return value, Decimal(1).scaleb(-len(digits.partition(".")[2]))


_WORD_CURRENCIES = {"dollars": "USD", "pounds": "GBP", "euros": "EUR"}


def money_currency(match: re.Match[str], symbols: dict[str, str]) -> str | None:
    symbol = (match.group("sym") or match.group("code") or "").strip()
    if not symbol:
        return None
    if symbol in symbols:
        return symbols[symbol]
    return _WORD_CURRENCIES.get(symbol.casefold(), symbol.upper() if symbol.isalpha() else None)


def money_values(match: re.Match[str] | None) -> list[Decimal]:
    """The amounts a money match states (both ends of a range), without their precision."""
    amounts = money_amounts(match) if match is not None else None
    return [amount for amount, _ in amounts or ()]


def money_amounts(match: re.Match[str]) -> list[tuple[Decimal, Decimal]] | None:
    """The amount (both ends of a range that shares its unit, or whose high end has
    its own: "£100K–158K") and the displayed precision of each (half of it is the
    tolerance)."""
    amounts = []
    unit = match.group("u1") or match.group("w1") or match.group("u2") or match.group("w2")
    ends = (
        (match.group("a") or match.group("b"), unit),
        (match.group("h1") or match.group("h2"), unit),
        (match.group("hx"), match.group("ux")),
    )
    for digits, unit_text in ends:
        if digits is not None:
            amount = _money_amount(digits, unit_text)
            if amount is None:
                return None
            amounts.append(amount)
    return amounts


def _money_amount(digits: str, unit_text: str | None) -> tuple[Decimal, Decimal] | None:
    unit = UNITS.get(unit_text.casefold(), Decimal(1)) if unit_text else Decimal(1)
    try:
        number = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    decimals = len(digits.partition(".")[2])
    return number * unit, unit * Decimal(1).scaleb(-decimals)


# A count's number and its unit, spelt as figures.json's units spell them ("2 crore").
_COUNT_VALUE = Lazy(rf"(\d[\d,]*(?:\.\d+)?)\+?\s?({_UNIT_WORDS}|{_UNIT_LETTERS})?")


def figure_values(kind: str, match: re.Match[str]) -> list[tuple[Decimal, Decimal]] | None:
    """A percentage's or a count's value and displayed precision (money: `money_amounts`);
    a percentage that closes a range ("30-50%") gives its low end too, so that a source
    stating one end does not stand for both."""
    if kind == "money":
        return money_amounts(match)
    text = match.group(0)
    found = (PERCENT_VALUE if kind == "percent" else _COUNT_VALUE).search(text)
    if found is None:
        return None
    digits = found.group(1) if kind == "count" else found.group(0)
    unit = (
        UNITS.get(found.group(2).casefold(), Decimal(1))
        if kind == "count" and found.group(2)
        else Decimal(1)
    )
    number = Decimal(digits.replace(",", ""))
    value = (number * unit, unit * Decimal(1).scaleb(-len(digits.partition(".")[2])))
    low = range_low(match) if kind == "percent" else None
    return [value, low] if low is not None else [value]


_ACRONYM_BEFORE = patterns.compile(r"(?<![\w-])[A-Z]{2,}[ \t]$")


def is_year(match: re.Match[str]) -> bool:
    digits = match.group("n")
    if digits is None:
        return False
    return (
        "," not in digits
        and len(digits) == 4
        and 1800 <= int(digits) <= 2199
        and ("." not in match.group(0))
    )


def identifier(masked: str, match: re.Match[str]) -> bool:
    """Whether a number names a standard or a product after an acronym ("ISO 20022", "NBA 2K")."""
    digits = match.group("n")
    if digits is not None and "," in digits:
        return False  # "ISO 20022", "NBA 2K", not "SOC 1,200"
    before = _ACRONYM_BEFORE.search(masked, max(0, match.start() - 12), match.start())
    return before is not None and before.group(0).strip() not in CODE_SET


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, overlapping and nested ones joined: what :func:`inside` reads."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies in one of ``spans``, which are sorted and do not overlap."""
    index = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start``-``end`` shares a character with one of ``spans`` (as :func:`inside`)."""
    index = bisect.bisect_left(spans, (end, 0)) - 1  # the last span that starts before ``end``
    return index >= 0 and spans[index][1] > start


def spelled(phrases: list[str], gap: str = r"[ \t]+") -> str:
    """An alternation of phrases, longest first, whose words are joined by ``gap``."""
    return "|".join(gap.join(map(re.escape, p.split())) for p in longest_first(phrases))


# Approximate counts under 1,000 ("200+ countries", "under 300 specialists", "~150
# engineers"): larger counts are COUNT's.  A count of durations or steps is no claim.
_NOT_COUNTED = frozenset(_DATA["approximate_count_nouns_not_claims"]["words"])
_LEADS = longest_first(_DATA["approximate_leads"]["words"])
_APPROXIMATE = Scan(
    rf"(?<![\w.,{SYMBOL_CHARS}#/-])(?P<n>[1-9]\d{{1,2}})\+(?=[ \t]+(?P<w>[A-Za-z][\w-]*))"
    r"|(?i:\b(?:" + spelled(_LEADS) + r")[ \t]+|~[ \t]?)"
    r"(?P<m>[1-9]\d{1,2})(?![\w.,%+-])(?=[ \t]+(?P<v>[A-Za-z][\w-]*))",
    chars([lead[0] for lead in _LEADS] + ["~"], nocase=True),
    digits=True,
)


# A count under 1,000 right before its noun (and the word after it): "190+ partner
# banks", "in 38 countries"; not a duration or a step, nor part of a larger number, an
# amount or a version.  Read where a sources-list entry states counts.
_SMALL_COUNT = Scan(
    rf"(?<![\w.,{SYMBOL_CHARS}#/+-])(?P<n>[1-9]\d{{0,2}})\+?(?![\w.,%])"
    r"[ \t]{1,4}(?P<w>[A-Za-z][\w-]{0,30}+)(?:[ \t]{1,4}(?P<x>[A-Za-z][\w-]{0,30}+))?",
    "",
    digits=True,
)


def small_counts(text: str) -> Iterator[re.Match[str]]:
    """Counts under 1,000 before a noun in ``text`` (groups ``w`` and ``x``, the words
    after the number), not of durations or steps ("12 months", "3 rounds")."""
    for match in _SMALL_COUNT.finditer(text):
        if match.group("w").casefold() not in _NOT_COUNTED:
            yield match


def _footprint(entry: dict[str, list[str]]) -> tuple[Scan, frozenset[str]]:
    """A count under 1,000 after one of an entry's verbs (and at most one of its
    ``between`` words), its noun one word after it at most; and the words of the
    nouns, without which a block holds none."""
    return Scan(
        r"(?i:\b(?:" + spelled(entry["verbs"], r"[ \t]{1,4}") + r")[ \t]{1,4}"
        r"(?:(?:" + spelled(entry["between"], r"[ \t]{1,4}") + r")[ \t]{1,4})?)"
        r"(?P<n>[1-9]\d{0,2})(?![\w.,%+-])"
        r"[ \t]{1,4}(?:[A-Za-z][\w-]{0,30}[ \t]{1,4})?(?i:"
        + spelled(entry["nouns"], r"[ \t]{1,4}")
        + r")\b",
        chars([verb[0] for verb in entry["verbs"]], nocase=True),
    ), frozenset(w.casefold() for noun in entry["nouns"] for w in noun.split())


# Counts under 1,000 of where a company works or of its customers, after a verb of
# operating or serving: "operates in 38 countries", "serves 120 enterprise customers"
# (footprint_counts); of its people, after a verb of employing: "employs 320 people"
# (staff_counts).
FOOTPRINT, FOOTPRINT_WORDS = _footprint(_DATA["footprint_counts"])
STAFF, STAFF_WORDS = _footprint(_DATA["staff_counts"])
# A volume of data in a unit of a terabyte or more: "3 petabytes", "40TB" (data_volumes),
# not the size of a device: "a 2 TB drive".
_VOLUME_UNITS = _DATA["data_volumes"]["units"]
DATA_VOLUME = Scan(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?)[ \t]?"
    r"(?:(?i:" + spelled([u for u in _VOLUME_UNITS if not u.isupper()]) + r")"
    r"|" + spelled([u for u in _VOLUME_UNITS if u.isupper()]) + r")(?![\w])"
    r"(?![ \t]{1,4}(?i:" + spelled(_DATA["data_volumes"]["devices"], r"[ \t]{1,4}") + r")\b)",
    "",
    digits=True,
)
# What a block holding a volume holds, as its words or inside one ("40tb").
VOLUME_WORDS = frozenset(unit.casefold() for unit in _VOLUME_UNITS)
VOLUME_PARTS = tuple(unit.casefold() for unit in _VOLUME_UNITS if unit.isupper())


_HEADCOUNTS = _DATA["headcounts"]
# Words without which a block holds no headcount (the nouns, folded).
HEADCOUNT_NOUNS = frozenset(noun.casefold() for noun in _HEADCOUNTS["nouns"])
_HEADCOUNT = Scan(
    rf"(?<![\w.,{SYMBOL_CHARS}#/-])(?P<n>[1-9]\d{{0,2}})[ \t]?[-–][ \t]?[1-9]\d{{0,3}}\+?"
    r"(?:[ \t]{1,4}[A-Za-z][\w/-]{0,20}){0,2}?[ \t]{1,4}"
    rf"(?i:{'|'.join(map(re.escape, _HEADCOUNTS['nouns']))})(?![\w-])",
    "",
    digits=True,
)
# The role's span of control: "you manage 6-10 engineers", "lead roughly 6-10 engineers",
# "manages teams of 6-12 engineers".
_SPAN_OF_CONTROL = Lazy(
    rf"(?i:\b(?:{'|'.join(map(re.escape, _HEADCOUNTS['span_verbs']))})"
    r"(?:[ \t]{1,4}(?:teams?|groups?|orgs?|a[ \t]{1,4}team)(?:[ \t]{1,4}of)?)?"
    r"(?:[ \t]{1,4}(?:roughly|about|around|approximately|typically|up[ \t]{1,4}to|between))?"
    r"[ \t]{1,4})$"
)
# The people the reader meets: a word of meeting among the four words before the range
# ("interview with 4-6 engineers", "talk to 2-3 engineers", "references from 2-3
# managers") or "panel" among the four after it ("4-6 people on your panel").
_MEETING = rf"(?i:\b(?:{'|'.join(map(re.escape, _HEADCOUNTS['meeting_words']))})\b)"
_MET_BEFORE = Lazy(rf"{_MEETING}(?:[ \t]{{1,4}}[\w'\u2019-]{{1,30}}){{0,3}}[ \t]{{1,4}}$")
_MET_AFTER = Lazy(r"(?:[ \t]{1,4}[\w'\u2019-]{1,30}){0,3}?[ \t]{1,4}(?i:panels?)\b")


def headcounts(text: str) -> Iterator[re.Match[str]]:
    """Ranges of people in ``text`` that size a team ("2-4 data engineers"), not the
    role's span of control ("you manage 6-10 engineers") nor the people the reader
    meets ("interview with 4-6 engineers")."""
    for match in _HEADCOUNT.finditer(text):
        start = match.start()
        low = max(0, start - 60)
        if _SPAN_OF_CONTROL.search(text, low, start) is not None:
            continue
        if _MET_BEFORE.search(text, low, start) or _MET_AFTER.match(text, match.end()):
            continue
        yield match


# An upper-case code and a unit of a law after the number cite a rule: "21 CFR Part 11".
_LEGAL = Lazy(
    r"[A-Z]{2,8}\.?[ \t]{1,4}(?:"
    + "|".join(map(re.escape, _DATA["approximate_count_nouns_not_claims"]["legal_units"]))
    + r")(?![\w])"
)


def approximate_counts(text: str) -> Iterator[re.Match[str]]:
    """Approximate counts of things in ``text``, not of durations or steps, nor the
    number of a rule ("under 21 CFR Part 11")."""
    for match in _APPROXIMATE.finditer(text):
        noun = (match.group("w") or match.group("v")).casefold()
        if noun in _NOT_COUNTED:
            continue
        if _LEGAL.match(text, match.start("w") if match.group("w") else match.start("v")):
            continue
        yield match


# Counts of a company's own that need no mark to be read: where it works, its people,
# its data.
COMPANY_COUNTS: tuple[tuple[Scan, frozenset[str], tuple[str, ...]], ...] = (
    (FOOTPRINT, FOOTPRINT_WORDS, ()),
    (STAFF, STAFF_WORDS, ()),
    (DATA_VOLUME, VOLUME_WORDS, VOLUME_PARTS),  # "40tb" is one word
)


_RATIO_WORDS = frozenset(RATIO_NUMBERS)
_RATIO_JOINS = frozenset(("in", "out"))  # "one in three", "3 out of 4"
DIGIT_RATIO = patterns.compile(r"\d[ \t]{1,4}(?:in|out[ \t]{1,4}of)[ \t]{1,4}\d")  # "3 out of 4"


def multiplying(lowered: str, words: frozenset[str]) -> bool:
    """Whether a block may hold a multiplier written in words ("tenfold", "tripled")."""
    fold, times = MULTIPLIER_PARTS
    return fold in lowered or times in lowered or not MULTIPLYING_WORDS.isdisjoint(words)


def ratios(lowered: str, words: frozenset[str]) -> bool:
    """Whether a block may hold a ratio written in words ("one in three", "two out of
    five", "one offer in three"): a number word right before its join, or two number
    words and "in", which a few substring tests tell."""
    if _RATIO_JOINS.isdisjoint(words):
        return False
    numbers = _RATIO_WORDS.intersection(words)
    for number in numbers:
        if f"{number} in " in lowered or f"{number} out " in lowered:
            return True
    return any(f" in {number}" in lowered for number in numbers) and len(numbers) > 1
