"""Years a heading or summary presents as current (GL408 reads them).

``2025 Compensation Guide`` read in 2026 presents a past year as this year's;
a range (``2023-2025``), a historical phrase (``since 2021``), an event
(``2021 IPO``) or the data's vintage (``Pay Benchmarks — 2025 Data`` with
2025 data) does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from guidelint.dateowners import dates_an_event, names_vintage
from guidelint.dates import MONTHS, Quarter
from guidelint.document import Guide
from guidelint.resources import data_file
from guidelint.scan import Lazy, longest_first

_SUMMARY = "negotiation_dna_summary"

_YEAR_RE = Lazy(r"(?<![\w.\-/\u2013\u2014])(?:19|20)[0-9]{2}(?![\w\-/\u2013\u2014])")
_VOCABULARY = data_file("freshness.json")


def _spelled(words: Iterable[str]) -> str:
    """An alternation of words, longest first; a space may be a space or a tab."""
    return "|".join(re.escape(word).replace(r"\ ", r"[ \t]") for word in longest_first(words))


# Words that present a year beside them as the guide's own (freshness.json).
_CURRENT_WORDS = _spelled(_VOCABULARY["current_words"]["words"])
# Words before a year that date an event (freshness.json), and the months, in full
# or cut to three letters ("Sept" too).
_HISTORICAL_WORDS = _spelled(
    [
        *_VOCABULARY["historical_leads"]["words"],
        *MONTHS,
        *(month[:3] for month in MONTHS),
        "Sept",
    ]
)
_FOLLOWED_RE = Lazy(rf"[ \t]{{0,3}}(?:{_CURRENT_WORDS})\b", re.IGNORECASE)
_PRECEDED_RE = Lazy(
    rf"\b(?:{_CURRENT_WORDS}|for)[ \t]{{0,3}}[:\-\u2013\u2014]?[ \t]{{0,3}}$", re.IGNORECASE
)
_HISTORICAL_RE = Lazy(
    rf"\b(?:{_HISTORICAL_WORDS})[ \t]{{0,3}}[,.]?[ \t]{{0,3}}$",
    re.IGNORECASE,
)
_RANGE_AFTER_RE = Lazy(r"[ \t]{0,3}(?:[-\u2013\u2014/]|to)[ \t]{0,3}[0-9]{2,4}\b", re.IGNORECASE)
_RANGE_BEFORE_RE = Lazy(r"\b[0-9]{4}[ \t]{0,3}(?:[-\u2013\u2014/]|to)[ \t]{0,3}$", re.IGNORECASE)
_CONTEXT = 40
_MAX_PER_TEXT = 10
_TRAILING_RE = Lazy(r"[\u2013\u2014\-:|,][ \t]{0,3}$")


def presents_as_current(text: str, match: re.Match[str]) -> bool:
    """Whether the year ``match`` found in a title reads as "this year"."""
    # Only the words around the year matter; slicing keeps long titles linear.
    before = text[max(0, match.start() - _CONTEXT) : match.start()]
    after = text[match.end() : match.end() + _CONTEXT]
    if _RANGE_AFTER_RE.match(after) or _RANGE_BEFORE_RE.search(before):
        return False
    if _HISTORICAL_RE.search(before):
        return False
    if re.search(r"\([ \t]*$", before) and re.match(r"[ \t]*\)", after):
        return True
    if _FOLLOWED_RE.match(after) or _PRECEDED_RE.search(before):
        return True
    # "Anyscale Engineer — 2025" at the very end of a title.
    return bool(_TRAILING_RE.search(before)) and not after.strip(" \t*_.!")


def _past_or_vintage(text: str, match: re.Match[str], vintage: int | None) -> bool:
    """Whether a year dates a past event (`Merger Premium (2023)`, `2021 IPO`) or
    names the data's vintage (`Pay Benchmarks — 2025 Data` with 2025 data)."""
    start, end = match.span()
    if int(match.group(0)) == vintage and names_vintage(text, start, end):
        return True
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    beside_current = _FOLLOWED_RE.match(after) or _PRECEDED_RE.search(before)
    # "Post-Merger Salary Guide 2024" still dates the guide.
    return not beside_current and dates_an_event(text, start, end)


def stale_years(text: str, year: int, vintage: int | None = None) -> Iterator[re.Match[str]]:
    """Years before ``year`` that ``text`` presents as current (at most a few per text);
    ``vintage`` is the data quarter's year."""
    found = 0
    for match in _YEAR_RE.finditer(text):
        if (
            int(match.group(0)) < year
            and presents_as_current(text, match)
            and not _past_or_vintage(text, match, vintage)
        ):
            yield match
            found += 1
            if found >= _MAX_PER_TEXT:
                return


def _raw_column(raw: str, text: str, year: str, start: int) -> int | None:
    """0-based column in ``raw`` of the occurrence of ``year`` found at ``text[start:]``.

    ``text`` is parsed content (heading text, a YAML string) and ``raw`` the
    source it came from: counting earlier occurrences maps one onto the other.
    """
    pattern = re.compile(rf"(?<![0-9]){year}(?![0-9])")
    nth = len(pattern.findall(text, 0, start))
    found = list(pattern.finditer(raw))
    return found[nth].start() if nth < len(found) else None


class StaleYear(NamedTuple):
    """A year presented as current, where it stands; ``exact`` when the column is
    the year's own (else the summary's value, whose source could not be mapped)."""

    line: int
    column: int
    text: str
    where: str  # "heading" or the summary's key
    exact: bool = True


def stale_year_spans(guide: Guide, year: int) -> Iterator[StaleYear]:
    """Years before ``year`` that a heading or the summary presents as current."""
    data = guide.data if isinstance(guide.data, dict) else {}
    quarter = Quarter.parse(data.get("salary_data_quarter"))
    vintage = quarter.year if quarter is not None else None
    for block in guide.blocks:
        if block.kind != "heading":
            continue
        content = block.text
        for match in stale_years(content, year, vintage):
            # A setext heading's text may span lines: find the match's own line.
            number = content.count("\n", 0, match.start())
            line_start = content.rfind("\n", 0, match.start()) + 1
            line = block.lines[number]
            column = block.columns[number] + match.start() - line_start
            yield StaleYear(line, column, match.group(0), "heading")
    summary = data.get(_SUMMARY)
    if not isinstance(summary, str):
        return
    span = guide.value_spans.get(_SUMMARY)
    for match in stale_years(summary, year, vintage):
        found: int | None = None
        if span is not None and span.line == span.end_line:
            raw = guide.lines[span.line - 1][span.column - 1 : span.end_column - 1]
            found = _raw_column(raw, summary, match.group(0), match.start())
        if found is not None and span is not None:
            yield StaleYear(span.line, span.column + found, match.group(0), f"`{_SUMMARY}`")
        else:
            line, column = guide.value_position(_SUMMARY)
            yield StaleYear(line, column, match.group(0), f"`{_SUMMARY}`", exact=False)
