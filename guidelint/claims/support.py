"""Support: what backs a claim: the guide's own figures, its sources and what they state."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from guidelint import patterns
from guidelint.claims.vocabulary import DATA, WORDS, alternation, dated, word_class
from guidelint.context import Context
from guidelint.document import Guide
from guidelint.figures import (
    COUNT,
    CURRENCY_CODES,
    DIGIT,
    MONEY,
    PERCENT_DIGITS,
    UNITS,
    figure_values,
    inside,
    is_year,
    money_amounts,
    money_currency,
    small_counts,
)
from guidelint.magnitudes import magnitude_band
from guidelint.regionnames import region_display
from guidelint.resources import data_file
from guidelint.scan import Lazy

BONUS_PERCENT_KEY = patterns.compile(r"(?i)bonus_?(?:target_?)?(?:pct|percent)")

COMMON_WORDS = word_class("common_words")
# A word starts with a letter and may hold digits ("a16z", "fy2026"); a figure ("15b") is none.
_CONTENT_WORD = patterns.compile(r"(?<![^\W_])[^\W\d_][^\W_]{2,}")


# Units and currencies name no subject: "27 million wallets" and "27 million downloads".
_UNIT_NAMES = frozenset(UNITS) | frozenset(code.casefold() for code in CURRENCY_CODES) | {"percent"}


def content_words(text: str) -> frozenset[str]:
    """The words that tie a sentence to a source entry: no common words, units or
    dates ("fy2026" is shared by sources on every subject)."""
    words = frozenset(_CONTENT_WORD.findall(text.casefold()))
    words -= _NOT_CONTENT
    # only a word ending in a digit can be a year or a fiscal period ("fy2026")
    return frozenset(w for w in words if not (w[-1].isdigit() and dated(w)))


# The kinds of claim: a figure about pay, any other figure (a company metric, a
# market statistic, a count), and a ranking.  Sources back some of them.
PAY, FACT, RANKING = "pay", "fact", "ranking"
ANY = frozenset((PAY, FACT, RANKING))
_KINDS: dict[str, Any] = DATA["source_kinds"]
DEFAULT_KINDS = frozenset(_KINDS["default"])
_SOURCE_TOKEN = patterns.compile(r"[\w&][\w.&'\u2019+-]*")


def _source_tokens(text: str) -> list[str]:
    return [
        t.strip(".'\u2019").replace("\u2019", "'") for t in _SOURCE_TOKEN.findall(text.casefold())
    ]


def _named_table() -> tuple[dict[str, frozenset[str]], list[tuple[str, str]]]:
    words: dict[str, set[str]] = {}
    multi: list[tuple[str, str]] = []
    for name, kind in _KINDS["kinds"].items():
        for phrase in kind["words"]:
            folded = phrase.casefold().strip()
            if " " in folded:
                multi.append((" " + folded + " ", name))
            else:
                words.setdefault(folded, set()).add(name)
    multi.sort(key=lambda item: -len(item[0]))  # the longest phrase names a span first
    return {word: frozenset(names) for word, names in words.items()}, multi


_NAMED_WORDS, _NAMED_MULTI = _named_table()


def source_kind_names(text: str) -> frozenset[str]:
    """The source kinds (``salary``, ``company``, ``news``, ...) a source's name
    says it is: "Acme Q3 2025 earnings" is ``company``, "Levels.fyi comp data"
    ``salary``; empty when no kind's words occur."""
    padded = " " + " ".join(_source_tokens(text)) + " "
    names: set[str] = set()
    # A phrase names its kind alone: "annual report" is the company's own document,
    # and its "report" is not read again as research.
    for phrase, name in _NAMED_MULTI:
        if phrase in padded:
            names.add(name)
            padded = padded.replace(phrase, " | ")
    for token in padded.split():
        found = _NAMED_WORDS.get(token)
        if found is None and token.endswith("'s"):
            found = _NAMED_WORDS.get(token[:-2])
        if found is not None:
            names.update(found)
    return frozenset(names)


_BACKS = {name: frozenset(kind["backs"]) for name, kind in _KINDS["kinds"].items()}
# What a kind backs when another kind qualifies it: "WTW Compensation Survey" is a pay
# survey, which backs no ranking.
_QUALIFIED = {
    (name, other): frozenset(backs)
    for name, kind in _KINDS["kinds"].items()
    for other, backs in kind.get("qualified", {}).items()
}


def _backs(name: str, names: frozenset[str]) -> frozenset[str]:
    for other in sorted(names):  # the first qualifier by name, whatever the hash order
        qualified = _QUALIFIED.get((name, other))
        if qualified is not None:
            return qualified
    return _BACKS[name]


def source_kinds(text: str) -> frozenset[str]:
    """The kinds of claim a source can back, read from how it names itself:
    "Levels.fyi comp data" backs pay, "Acme FY2025 10-K" facts, "Gartner" rankings too."""
    names = source_kind_names(text)
    if not names:
        return DEFAULT_KINDS
    return frozenset().union(*(_backs(name, names) for name in names))


_PAY_WORDS = word_class("pay_words")
_PAYERS = frozenset(DATA["paying_parties"]["payers"])
_PAYING_PARTIES = word_class("paying_parties")
_METRIC_BEFORE = word_class("company_metric_words")
_METRIC_AFTER = frozenset(DATA["company_metric_words"]["after"])
_METRIC_PAY = frozenset(DATA["company_metric_words"]["metric_pay_words"])
_LIVING_COST = Lazy(rf"(?i:\b(?:{alternation(WORDS['living_cost_words'])})\b)")
_APPOSITION = Lazy(
    rf"[ \t]{{1,4}}(?i:(?P<change>{alternation(DATA['figure_appositions']['changes'])})"
    rf"|{alternation(WORDS['figure_appositions'])})[ \t]{{1,4}}"
)
_COMPARED = Lazy(
    rf"\+?[ \t]{{1,4}}(?i:{alternation(DATA['figure_appositions']['comparisons'])})(?![\w-])"
)
_CLAUSE_MARK = patterns.compile(r"[;:()|\u2014\u2013]|,(?!\d)|\s-\s|[.!?](?:\s|$)")
_WINDOW = 80  # characters either side of a figure that can name what it measures
# The high end right after a range's dash ("–$40K" of "$20K–$40K"), a year aside.
_RANGE_HIGH = patterns.compile(r"[\u2013\u2014-](?!(?:19|20)\d\d(?!\d))[^\s()]{0,6}\d[^\s()]{0,12}")
# The low end of a range right before its dash: "$150K" of "$150K–$260K".
_RANGE_LOW = patterns.compile(r"(?<![^\s(])[^\s()]{0,20}\d[^\s()]{0,6}$")


def _clause(masked: str, start: int, end: int) -> str:
    """The clause a figure at ``start:end`` measures something in: the high end of a
    range ("$150K–$260K") measures what its low end does, and the low end what the
    clause says past the high end ("$20K–$40K at the median"); a figure in parentheses
    what comes before them ("the AI premium (15-25%)"); a figure after a comma and
    "up", "or" or "about ... below" what the figure before it does (appositions)."""
    low = max(0, start - _WINDOW)
    before = list(_CLAUSE_MARK.finditer(masked, low, start))
    joint = len(masked[low:start].rstrip(" ")) + low
    if joint > low and masked[joint - 1] in "-\u2013\u2014":
        edge = len(masked[low : joint - 1].rstrip(" ")) + low
        low_end = _RANGE_LOW.search(masked, max(low, edge - 30), edge)
        if low_end is not None:
            before = list(_CLAUSE_MARK.finditer(masked, low, low_end.start()))
            start = low_end.start()
    if before and before[-1].group(0) == "(" and not masked[before[-1].end() : start].strip():
        before.pop()
    if before and before[-1].group(0) == ",":
        # "CAD 164,000, about 8% below peers", "$1.42B, up 18%": it goes on about it
        opened = _APPOSITION.fullmatch(masked, before[-1].end(), start)
        if opened and (opened.group("change") or _COMPARED.match(masked, end)):
            before.pop()
    high_end = _RANGE_HIGH.match(masked, end)  # "$20K–$40K at the median": past its dash
    end = high_end.end() if high_end else end
    after = _CLAUSE_MARK.search(masked, end, min(len(masked), end + _WINDOW))
    opening = before[-1].end() if before else low
    return masked[opening : after.start() if after else end + _WINDOW]


def figure_kind(masked: str, start: int, end: int) -> str:
    """PAY when the figure's clause names pay ("$210K base", "a 20% premium"), else FACT."""
    clause = _clause(masked, start, end)
    if _LIVING_COST.search(clause) is not None:
        return FACT  # "comp goes 2-3x further than San Francisco": prices in a place
    words = _SOURCE_TOKEN.findall(clause.casefold())
    for index, word in enumerate(words):
        if word in _PAYERS and index + 1 < len(words) and words[index + 1] in _PAYING_PARTIES:
            continue  # "paying customers": who pays the company
        if (index and word in _METRIC_PAY and words[index - 1] in _METRIC_BEFORE) or (
            index + 1 < len(words) and words[index + 1] in _METRIC_AFTER
        ):
            continue  # "net revenue retention", "the stock price": the company's metrics
        if _is_pay(word):
            return PAY
    return FACT


_COUNTED = patterns.compile(
    r"\+?[ \t]{1,4}([A-Za-z][\w-]{0,30})(?:[ \t]{1,4}([A-Za-z][\w-]{0,30}))?"
)
_NOT_NOUNS = word_class("function_words") | {"per", "more", "less", "fewer"}


def counts_things(masked: str, end: int) -> bool:
    """Whether a count names what it counts right after it, and that is no pay: "1,900
    employees", "120,000+ restaurant locations" count the company's people and places
    whatever pay words share the clause ("the bonus plan covers 1,900 employees");
    "1,100 RSUs", "180,000 base" and "180,000 a year" stay pay."""
    found = _COUNTED.match(masked, end)
    if found is None:
        return False
    words = [w.casefold() for w in found.groups() if w]
    if words[0] in _NOT_NOUNS:
        return False
    return not any(_is_pay(word) for word in words)


def count_kind(masked: str, start: int, end: int) -> str:
    """A count's kind: its clause's (:func:`figure_kind`), unless it names what it
    counts and that is no pay (:func:`counts_things`)."""
    kind = figure_kind(masked, start, end)
    return FACT if kind == PAY and counts_things(masked, end) else kind


def _is_pay(word: str) -> bool:
    return word.strip(".'") in _PAY_WORDS or not _PAY_WORDS.isdisjoint(word.split("-"))


# The most a year's pay reaches in each currency (the plausibility bands' highest total).
_PAY_CEILING = {
    currency: Decimal(kinds["total"][1])
    for currency, kinds in data_file("currencies.json").get("plausible_ranges", {}).items()
    if isinstance(kinds, dict) and isinstance(kinds.get("total"), list)
}


def _above_pay(amount: Decimal, currency: str) -> bool:
    """Whether ``amount`` is larger than any year's pay in ``currency`` (never, for a
    currency with no ceiling)."""
    ceiling = _PAY_CEILING.get(currency)
    return ceiling is not None and amount > ceiling


def beyond_pay(match: re.Match[str], symbols: dict[str, str]) -> bool:
    """Whether a money figure is larger than any year's pay in its currency (dollars
    when it names none): "Block's $45B+ ecosystem" sizes a company, whatever pay words
    share its clause; "a ₫1.2B base salary" is pay."""
    amounts = money_amounts(match) or []
    currency = money_currency(match, symbols) or "USD"
    return bool(amounts) and _above_pay(min(a for a, _ in amounts), currency)


def magnitude_kind(masked: str, start: int, end: int, money: bool) -> str:
    """A magnitude's kind: its clause's (:func:`figure_kind`), unless it cannot be a
    year's pay: a count ("millions of sellers") or, with ``money``, a sum larger than
    any year's pay in dollars ("billions of dollars in payouts", "tens of millions in
    bonuses"), so a salary source cannot back it whatever pay words share its clause;
    "millions in equity" may still be pay."""
    kind = figure_kind(masked, start, end)
    if kind != PAY:
        return kind
    sum_of_pay = money and not _above_pay(magnitude_band(masked[start:end])[0], "USD")
    return PAY if sum_of_pay else FACT


_SHARE_CUES = Lazy(rf"(?i:\b(?:{alternation(WORDS['share_price_words'])})\b)")
_PERIOD_CUES = Lazy(rf"(?i:(?:{alternation(DATA['share_price_words']['periods'])})(?![\w]))")
_SMALLEST_PAY = Decimal(1000)


def share_price(match: re.Match[str]) -> bool:
    """Whether a money figure under 1,000 is a price per share: its clause names
    shares or their price ("shares traded between $15 and $35", "the IPO priced at
    $28") and no period of pay ("$120 an hour"), so a salary source cannot back it,
    whatever pay words share its clause."""
    amounts = money_amounts(match) or []
    if not amounts or max(a for a, _ in amounts) >= _SMALLEST_PAY:
        return False
    clause = _clause(match.string, match.start(), match.end())
    return _SHARE_CUES.search(clause) is not None and _PERIOD_CUES.search(clause) is None


_NOT_CONTENT = COMMON_WORDS | _UNIT_NAMES | word_class("date_words")  # tie nothing to an entry


def _frontmatter_leaves(data: Any) -> Iterator[tuple[str | None, int | float, str | None]]:
    """(key, number, currency) for every number of the frontmatter: its mapping key
    (None inside a list) and the ``currency`` of the nearest mapping that has one."""
    stack: list[tuple[str | None, Any, str | None]] = [(None, data, None)]
    while stack:
        key, value, currency = stack.pop()
        if isinstance(value, dict):
            own = value.get("currency")
            here = own.upper() if isinstance(own, str) else currency
            stack.extend((str(k), item, here) for k, item in value.items())
        elif isinstance(value, list):
            stack.extend((None, item, currency) for item in value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            yield key, value, currency


_Amount = tuple[Decimal, "str | None", "str | None"]  # amount, currency, component


def _frontmatter_figures(data: Any) -> tuple[list[_Amount], frozenset[Decimal]]:
    """Every number of 1,000 or more in the frontmatter, with the currency of the
    mapping that holds it (its ``currency`` key) when there is one and the pay
    component its key names; and the bonus percentages (``bonus_pct`` ...)."""
    found: list[_Amount] = []
    percents: set[Decimal] = set()
    for key, value, currency in _frontmatter_leaves(data):
        if key is not None and BONUS_PERCENT_KEY.match(key):
            percents.add(Decimal(str(value)).normalize())
        if not abs(value) >= 1000:  # also NaN; infinities are dropped below
            continue
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            continue
        if number.is_finite():  # a float of 1,000 or more stays so as text
            found.append((number, currency, _component(key)))
    return found, frozenset(percents)


# The pay components a field or a sentence names: "base_low", "RSU grants", "total comp";
# each component's words are a group of the pattern, named for it.
_COMPONENTS: dict[str, list[str]] = DATA["pay_components"]["components"]
_COMPONENT_WORDS = Lazy(
    r"(?i:\b(?:"
    + "|".join(f"(?P<{name}>{alternation(words)})" for name, words in _COMPONENTS.items())
    + r")\b)"
)


def _field_part(word: str) -> str:
    """The part of a field's name that names its component: "sign" of ``sign_on_bonus``."""
    return word.casefold().replace("-", "_").split("_", 1)[0]


_FIELD_COMPONENTS = {
    _field_part(word): name
    for name, words in _COMPONENTS.items()
    for word in words
    if word in DATA["pay_components"]["fields"]
}


def _component(key: str | None) -> str | None:
    """The component a frontmatter field holds: ``base_low`` -> base; None when it names none."""
    if not key:
        return None
    return _FIELD_COMPONENTS.get(_field_part(key))


def pay_components(text: str, start: int, end: int) -> frozenset[str] | None:
    """The pay components a sentence names; None when it names none."""
    found = {m.lastgroup for m in _COMPONENT_WORDS.finditer(text, start, end) if m.lastgroup}
    return frozenset(found) or None


def _backed(
    amount: Decimal,
    step: Decimal,
    currency: str | None,
    figures: list[_Amount],
    components: frozenset[str] | None = None,
) -> bool:
    """Whether a figure of the guide rounds to ``amount`` at its displayed step, in its
    currency and, when the sentence names pay components, for one of them: "total
    comp of $295K" is not backed by a `stock_low` of 295000."""
    tolerance = step / 2
    index = bisect.bisect_left(figures, amount - tolerance, key=lambda pair: pair[0])
    while index < len(figures) and figures[index][0] <= amount + tolerance:
        _, other, component = figures[index]
        if (currency is None or other is None or other == currency) and (
            components is None or component is None or component in components
        ):
            return True
        index += 1
    return False


def _region_amounts(data: Any) -> list[tuple[str, list[_Amount]]]:
    """Each region the frontmatter's compensation names (its words as a reader writes
    them, folded and spaced: " remote us ") with its amounts of 1,000 or more."""
    rows = data.get("compensation") if isinstance(data, dict) else None
    found = []
    for row in rows if isinstance(rows, list) else ():
        name = row.get("region") if isinstance(row, dict) else None
        words = _spaced(region_display(name)) if isinstance(name, str) else ""
        if words.strip():
            amounts, _ = _frontmatter_figures(row)
            found.append((words, amounts))
    return found


def _spaced(text: str) -> str:
    """The words of ``text``, folded, between spaces: names compare word by word."""
    return " " + " ".join(_SOURCE_TOKEN.findall(text.casefold())) + " "


def _gaps(regions: list[list[_Amount]]) -> list[_Amount]:
    """The differences between amounts of one currency and pay component: across two
    regions when two are given, between the ends of one's bands when one is; sorted
    as the amounts are."""
    pairs = (
        itertools.product(regions[0], regions[1])
        if len(regions) == 2
        else itertools.combinations(regions[0], 2)
    )
    gaps = {
        (abs(a - b), currency, component)
        for (a, currency, component), (b, other, part) in pairs
        if currency == other and component == part and a != b
    }
    return sorted(gaps, key=lambda gap: gap[0])


class OwnFigures:
    """The guide's own figures, read on first use: the frontmatter's amounts and bonus
    percentages, and what its compensation table shows (where the frontmatter has `null`)."""

    def __init__(self, guide: Guide, ctx: Context, symbols: dict[str, str]) -> None:
        self.guide = guide
        self.ctx = ctx
        self.symbols = symbols
        self._found: list[_Amount] | None = None
        self._percents: frozenset[Decimal] | None = None
        self._regions: list[tuple[str, list[_Amount]]] | None = None

    def _read(self) -> None:
        from guidelint.tablecompare import table_figures

        data = self.guide.data
        found, percents = (
            _frontmatter_figures(data) if isinstance(data, dict) else ([], frozenset())
        )
        amounts, shown = table_figures(self.guide, self.ctx)
        table = [(amount, currency, _component(name)) for amount, currency, name in amounts]
        self._found = sorted([*found, *table], key=lambda pair: pair[0])
        self._percents = percents | shown

    def gaps(self, text: str, start: int, end: int) -> list[_Amount]:
        """The differences a sentence may state between the guide's own amounts of one
        currency and component: between the two regions it names ("Remote US sits
        $12K to $16K lower than Chicago at each end of the band"), or between the ends
        of the only region's bands; none when it names other regions or none."""
        if self._regions is None:
            self._regions = _region_amounts(self.guide.data)
        words = _spaced(text[start:end])
        named = [amounts for name, amounts in self._regions if name in words]
        if not (len(named) == 2 or len(named) == len(self._regions) == 1):
            return []
        return _gaps(named)

    def differs(
        self, match: re.Match[str], components: frozenset[str] | None, gaps: list[_Amount]
    ) -> bool:
        """Whether a money match is one of the sentence's ``gaps`` (see :meth:`gaps`)."""
        return self._among(match, gaps, components)

    @property
    def percents(self) -> frozenset[Decimal]:
        if self._percents is None:
            self._read()
        return self._percents  # type: ignore[return-value]

    def backs(self, match: re.Match[str], components: frozenset[str] | None = None) -> bool:
        """Whether a money match is one of the guide's own amounts, in any spelling,
        for one of the pay ``components`` its sentence names (any, when None)."""
        if self._found is None:
            self._read()
        return self._among(match, self._found or [], components)

    def _among(
        self, match: re.Match[str], figures: list[_Amount], components: frozenset[str] | None
    ) -> bool:
        """Whether every amount of a money match is one of ``figures`` (sorted), in its
        currency and for one of ``components``."""
        amounts = money_amounts(match) if figures else None
        if amounts is None:
            return False
        currency = money_currency(match, self.symbols)
        return all(_backed(*amount, currency, figures, components) for amount in amounts)


def _share_a_word(entry: Iterable[str], sentence: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    """Whether a sentence and an entry share a word, or one word begins the other
    ("fund" and "Fundraise", "member" and "Members"; four letters at least).
    ``sentence`` is its words as a set and sorted, built once per sentence; the loop
    runs over the entry's few words, so a long sentence costs a lookup, not a scan."""
    words, ordered = sentence
    for word in entry:
        if word in words:
            return True
        if len(word) < 4:
            continue
        index = bisect.bisect_left(ordered, word)
        if index < len(ordered) and ordered[index].startswith(word):
            return True  # a sentence word begins with this one
        if any(word[:size] in words for size in range(4, len(word))):
            return True  # a sentence word begins this one
    return False


# A stated amount, its currency, and the words of every entry that states it.
_Group = tuple[Decimal, str | None, frozenset[str]]


class Listed:
    """The figures a guide's source list and data_sources state, with the words around them:
    "a16z $15B Fundraise (TechCrunch)" supports a sentence on "the $15B fundraise"."""

    def __init__(self, texts: Iterable[str], symbols: dict[str, str]) -> None:
        self.stated: list[tuple[str, Decimal, str | None, frozenset[str]]] = []
        self._groups: dict[str, list[_Group]] | None = None
        texts = [text for text in texts if DIGIT.search(text) is not None]
        if not texts:
            return
        # One scan of every entry at once, each match then given to its entry.
        joined = "\n".join(texts)
        starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        words: dict[int, frozenset[str]] = {}

        def add(
            kind: str,
            match: re.Match[str],
            values: Iterable[tuple[Decimal, Decimal]],
            currency: str | None,
        ) -> None:
            index = bisect.bisect_right(starts, match.start()) - 1
            if index not in words:
                words[index] = content_words(texts[index])
            for amount, _ in values:
                self.stated.append((kind, amount, currency, words[index]))

        spans: list[tuple[int, int]] = []
        for match in MONEY.finditer(joined):
            spans.append(match.span())
            add("money", match, money_amounts(match) or (), money_currency(match, symbols))
        for scan, kind in ((PERCENT_DIGITS, "percent"), (COUNT, "count")):
            for match in scan.finditer(joined):
                if inside(match.start(), spans) or (kind == "count" and is_year(match)):
                    continue
                add(kind, match, figure_values(kind, match) or (), None)
        # Counts under 1,000 that prose may read as claims ("190+ partner banks", "in
        # 118 countries"), whatever verb the entry uses; such a small number states a
        # count only of its own noun, so the sentence must share that noun, not just
        # any word of the entry ("Top 5 risks" states no "5 countries").
        for match in small_counts(joined):
            if not inside(match.start(), spans):
                nouns = frozenset(w.casefold() for w in match.group("w", "x") if w)
                for amount, _ in figure_values("count", match) or ():
                    self.stated.append(("count", amount, None, nouns))

    def supports(
        self,
        kind: str,
        values: list[tuple[Decimal, Decimal]],
        currency: str | None,
        words: tuple[frozenset[str], tuple[str, ...]],
    ) -> bool:
        """Whether every value is stated by an entry that shares a word with the sentence
        (``words``: the sentence's content words, as a set and sorted)."""
        if self._groups is None:
            self._groups = self._group()
        stated = self._groups.get(kind, [])
        for amount, step in values:
            tolerance = step / 2
            index = bisect.bisect_left(stated, amount - tolerance, key=lambda group: group[0])
            while index < len(stated) and stated[index][0] <= amount + tolerance:
                _, listed, shared = stated[index]
                if (currency is None or listed is None or listed == currency) and _share_a_word(
                    shared, words
                ):
                    break
                index += 1
            else:
                return False
        return bool(values)

    def _group(
        self,
    ) -> dict[str, list[_Group]]:
        """The stated figures by kind, one group per amount and currency with the words
        of all its entries, sorted by amount: a figure looks at its neighbours only."""
        merged: dict[tuple[str, Decimal, str | None], set[str]] = {}
        for kind, amount, currency, entry_words in self.stated:
            merged.setdefault((kind, amount, currency), set()).update(entry_words)
        groups: dict[str, list[_Group]] = {}
        for (kind, amount, currency), shared in sorted(merged.items(), key=lambda item: item[0][1]):
            groups.setdefault(kind, []).append((amount, currency, frozenset(shared)))
        return groups
