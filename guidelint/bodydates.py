"""The page's own "Last updated" dates in a guide's body (GL407 reads them).

A label names the date the page was updated; a date beside a cited source or
naming an event belongs to that (:mod:`guidelint.dateowners`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from guidelint import patterns
from guidelint.dateowners import label_owner, page_owns, starts_event
from guidelint.dates import TextDate, match_date
from guidelint.document import Guide
from guidelint.scan import Lazy
from guidelint.sources import listed_names

# "Last updated" may appear anywhere in a line; a bare "Updated" only where a
# label would stand (line start after Markdown marks, or after a separator),
# so that "salaries were updated 3 March 2025" in prose is left alone.
_LABEL_RE = patterns.compile(
    r"\b(?P<last>last[ \t]{0,3}[-\u2013]?[ \t]{0,3})?updated\b", re.IGNORECASE
)
_FILLER_RE = Lazy(
    r"[ \t*_:~\-\u2013\u2014(\[]{0,12}(?:(?:on|as[ \t]{1,3}of)[ \t]{1,3}[*_]{0,3})?",
    re.IGNORECASE,
)
_LABEL_MARKS = "-*_>#+|([\u2022\u00b7\u2013\u2014,;:"


def _label_position(prefix: str) -> bool:
    """Whether text before a bare "Updated" leaves it standing as a label."""
    prefix = prefix.rstrip(" \t*_")
    return not prefix or prefix[-1] in _LABEL_MARKS


def _code_lines(guide: Guide) -> set[int]:
    """0-based body lines inside fenced or indented code blocks."""
    lines: set[int] = set()
    first = guide.body_line(0)
    for block in guide.blocks:
        if block.kind == "code":
            lines.update(range(block.line - first, block.end_line - first))
    return lines


class _Owners:
    """Whose date an "updated" label gives: the page's, or a cited source's."""

    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        self.names = listed_names(guide.data)
        self._entry_lines: set[int] | None = None

    def entry_lines(self) -> set[int]:
        """File lines of the source list's entries (read on first need)."""
        if self._entry_lines is None:
            from guidelint.prose import extract  # on first need, as sources.py reads it

            self._entry_lines = {entry.line for entry in extract(self.guide).entries}
        return self._entry_lines

    def page_owns(self, line: str, start: int, file_line: int) -> bool:
        owner, after_mark = label_owner(line, start)
        if owner and file_line in self.entry_lines():
            return False  # "Levels.fyi — Updated March 2026" in the source list
        return page_owns(owner, after_mark, self.names)


def disagreeing_dates(guide: Guide, updated: dt.date) -> Iterator[tuple[int, TextDate]]:
    """Each date a label gives for the page that disagrees with ``updated``, with its file line."""
    if "pdated" not in guide.body.lower():
        return
    skipped = _code_lines(guide)
    owners = _Owners(guide)
    for index, line in enumerate(guide.body.split("\n")):
        if index in skipped or "pdated" not in line.lower():
            continue
        for label in _LABEL_RE.finditer(line):
            if not label.group("last") and not _label_position(line[: label.start()]):
                continue
            filler = _FILLER_RE.match(line, label.end())
            found = match_date(line, filler.end() if filler else label.end())
            if found is None or found.agrees_with(updated):
                continue
            file_line = guide.body_line(index)
            if not owners.page_owns(line, label.start(), file_line):
                continue  # a cited source's date, not the page's
            if starts_event(line[found.end :]):
                continue  # "Updated: November 2025 earnings": the event's date
            yield file_line, found
