"""Whose date is it: the page's own, a cited source's, or an event's.

The freshness rules compare the guide's own dates.  A date written beside a
cited source (`Levels.fyi — Updated March 2026`), in the entry of a source
list, or naming an event (`Merger Premium (2023)`, `2021 IPO`) belongs to
that, not to the page; a year beside a data noun that equals the data
quarter's year (`Pay Benchmarks — 2025 Data`) names the data's vintage.  The
word classes are in ``data/freshness.json``, each with its reason and
examples that pass and fail (tests/test_freshness_vocabulary.py runs them).
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint import patterns
from guidelint.resources import data_file

DATA = data_file("freshness.json")
_WORD = patterns.compile(r"[^\W_]+")
_WINDOW = 120  # characters before a label or around a year that can say whose it is
_SENTENCE_END = (". ", "! ", "? ")
_LEAD_MARKS = " \t*_>#+-`~|"
_LIST_NUMBER = patterns.compile(r"[0-9]{1,4}[.)]")
# Marks that split a title into clauses: the year's clause says what it dates.
_TITLE_MARKS = (":", "|", "\u2014", "\u2013", " - ", ";", "\u00b7", ",")
_CLAUSE_ENDS = (":", "|", ";", "\u00b7", ",")


def padded(text: str) -> str:
    """``text`` as lower-case words between spaces, for whole-phrase tests."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def _phrases(key: str) -> tuple[str, ...]:
    return tuple(padded(word) for word in DATA[key]["words"])


PAGE_WORDS = _phrases("page_words")
EVENT_WORDS = _phrases("past_events")
VINTAGE_WORDS = _phrases("vintage_words")
OWNER_MARKS: tuple[str, ...] = tuple(DATA["owner_marks"]["words"])


def names_any(text: str, phrases: Iterable[str]) -> bool:
    words = padded(text)
    return any(phrase in words for phrase in phrases)


def _last_mark(text: str, marks: Iterable[str]) -> tuple[int, int]:
    """(start, end) of the last of ``marks`` in ``text``; (-1, 0) when none occurs."""
    best = (-1, 0)
    for mark in marks:
        at = text.rfind(mark)
        if at > best[0]:
            best = (at, at + len(mark))
    return best


def _lead_stripped(text: str) -> str:
    """``text`` without Markdown marks, a list number or a trailing separator."""
    text = text.strip(_LEAD_MARKS)
    number = _LIST_NUMBER.match(text)
    if number:
        text = text[number.end() :].strip(_LEAD_MARKS)
    return text


def label_owner(line: str, start: int) -> tuple[str, bool]:
    """The text an "updated" label at ``line[start:]`` belongs to ("" for the page:
    the label starts its line or sentence, after Markdown marks), and whether the
    label follows one of the owner marks (`Levels.fyi — Updated ...`)."""
    before = line[max(0, start - _WINDOW) : start]
    cut = max(before.rfind(end) for end in _SENTENCE_END)
    clause = before[cut + 2 :] if cut >= 0 else before
    if not _lead_stripped(clause):
        return "", False
    at, end = _last_mark(clause, OWNER_MARKS)
    if at >= 0 and not _lead_stripped(clause[end:]).strip(" \t*_"):
        # "X — Updated ...": the label starts a new item; its owner is X.
        earlier, _ = _last_mark(clause[:at], OWNER_MARKS)
        owner = clause[max(earlier, 0) : at]
        return _lead_stripped(owner) or clause[:at], True
    # "Compensation figures last updated ...": the phrase before the label is its owner.
    return _lead_stripped(clause[end:] if at >= 0 else clause), False


def page_owns(owner: str, after_mark: bool, source_names: Iterable[str]) -> bool:
    """Whether the owner :func:`label_owner` found is the page: nothing, a phrase that
    names no listed source (the guide's own figures), or, after a mark, text that
    names the page (`This guide`, `Next review: May 2026 ·`)."""
    if not owner:
        return True
    folded = owner.casefold()
    if any(name in folded for name in source_names):
        return False
    return names_any(owner, PAGE_WORDS) if after_mark else True


def starts_event(text: str) -> bool:
    """Whether ``text`` (what follows a date) opens with an event: `earnings`, `IPO`."""
    words = padded(text[:_WINDOW])
    head = " " + " ".join(words.split()[:3]) + " "
    return any(head.startswith(phrase) for phrase in EVENT_WORDS)


def title_clause(text: str, start: int, end: int) -> str:
    """The clause of a title that holds ``text[start:end]`` (a year), or the clause
    before it when the year stands alone (`Post-IPO Equity — 2021`)."""
    before = text[max(0, start - _WINDOW) : start]
    after = text[end : end + _WINDOW]
    at, mark_end = _last_mark(before, _TITLE_MARKS)
    cuts = [after.find(mark) for mark in _TITLE_MARKS]
    stop = min((cut for cut in cuts if cut >= 0), default=len(after))
    clause = before[mark_end if at >= 0 else 0 :] + " " + after[:stop]
    if at >= 0 and not _WORD.search(clause):
        previous, previous_end = _last_mark(before[:at], _TITLE_MARKS)
        clause = before[previous_end if previous >= 0 else 0 : at]
    return clause


def dates_an_event(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` dates an event its clause names."""
    return names_any(title_clause(text, start, end), EVENT_WORDS)


def names_vintage(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` stands beside a noun that names data:
    the last word before it (`Pay Benchmarks (2025)`, `Pay Bands — 2025`), or the
    last of at most two words after it in its clause (`2025 Data`, `2025 Salary
    Data`).  A data noun inside a role's name (`Data Engineer Salary Guide 2025`)
    does not stand beside the year."""
    window = text[max(0, start - _WINDOW) : start]
    _, cut = _last_mark(window, _CLAUSE_ENDS)  # a dash or parenthesis joins, "|" ends
    before = _WORD.findall(window[cut:].casefold())
    after = text[end : end + _WINDOW]
    stops = [at for at in (after.find(mark) for mark in _TITLE_MARKS) if at >= 0]
    following = _WORD.findall(after[: min(stops, default=len(after))].casefold())
    candidates = before[-1:] + (following[-1:] if len(following) <= 2 else [])
    return any(padded(word) in VINTAGE_WORDS for word in candidates)
