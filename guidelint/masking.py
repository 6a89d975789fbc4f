"""What in a block of prose is not the author's own statement, blanked out.

:func:`mask` keeps the text's length and offsets and turns code spans, HTML
tags and comments, link destinations, emphasis marks and quotations into
spaces, so what scans the masked text finds the author's words at their true
positions.  Every pass is a single scan or a regular expression without
nested unbounded repetition.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Set as AbstractSet

from guidelint import patterns
from guidelint.figures import DIGIT, SYMBOL_CHARS
from guidelint.quotations import quote_spans
from guidelint.scan import Lazy

_BACKTICKS = patterns.compile(r"`+")
_TAG = patterns.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,2000})?/?>")
_HREF = patterns.compile(r"^<a\s[^>]*href", re.IGNORECASE)
_AUTOLINK = patterns.compile(r"<(?:https?|ftp|mailto):[^\s<>]{1,2000}>", re.IGNORECASE)
_URL = patterns.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]{1,2000}", re.IGNORECASE)
_INLINE_LINK = Lazy(
    r"(!?)\[([^\[\]]{0,2000})\]\(\s*(?:<[^<>\n]{0,2000}>|[^()\s]{0,2000}(?:\([^()\s]{0,200}\)[^()\s]{0,2000})?)"
    r"(?:\s+(?:\"[^\"]{0,500}\"|'[^']{0,500}'))?\s*\)"
)
_REF_LINK = patterns.compile(r"(!?)\[([^\[\]]{1,2000})\]\[([^\[\]]{0,200})\]")
_SHORTCUT = patterns.compile(r"\[([^\[\]]{1,200})\](?![(\[:])")
_ESCAPE = patterns.compile(r"\\[!-/:-@\[-`{-~]")
_FALLBACK_MARKER = patterns.compile(r"\^?\d")
# Emphasis and strike-through marks; an underscore between two letters or
# digits (snake_case) is a character of the word, not a mark.
_EMPHASIS = patterns.compile(r"[*~]|_(?![^\W_])|(?<![^\W_])_")


def link_label(text: str) -> str:
    """How a reference link's label compares: ``[Levels  FYI]`` is ``[levels fyi]``."""
    return " ".join(text.split()).casefold()


def mask(
    text: str, link_labels: AbstractSet[str] = frozenset()
) -> tuple[str, list[tuple[int, int]]]:
    """Blank out what is not the author's own statement; return the links' spans.

    Each pass runs on the text the passes before it left, and only where its
    trigger occurs: most blocks have no code, links, tags or escapes, and this
    runs for every block and table cell of every guide.
    """
    links: list[tuple[int, int]] = []
    current = text
    if "`" in text or "<!--" in text:
        code, comments = _code_spans(text), _comment_spans(text)
        current = blanked(text, [*code, *comments])
        if code:
            current = _unblank_figures(text, code, comments, current)
    if "<" in text:
        spans = [match.span() for match in _AUTOLINK.finditer(current)]
        links.extend(spans)
        current = blanked(current, spans)
        spans = []
        for match in _TAG.finditer(current):
            if _HREF.match(match.group(0)):
                links.append(match.span())
            spans.append(match.span())
        current = blanked(current, spans)
    if "](" in text:
        spans = []
        for match in _INLINE_LINK.finditer(current):
            _link_text(match, links, spans)
        current = blanked(current, spans)
    labels = link_labels if "[" in text else frozenset()
    if "][" in text:
        spans = []
        for match in _REF_LINK.finditer(current):
            label = link_label(match.group(3) or match.group(2))
            if label in labels:
                _link_text(match, links, spans)
        current = blanked(current, spans)
    if labels:
        spans = []
        for match in _SHORTCUT.finditer(current):
            label = link_label(match.group(1))
            if label in labels and not _FALLBACK_MARKER.match(label):
                links.append(match.span())
                spans.append((match.start(), match.start() + 1))
                spans.append((match.end() - 1, match.end()))
        current = blanked(current, spans)
    if "://" in text or (("w." in text or "W." in text) and "www." in text.lower()):
        spans = [match.span() for match in _URL.finditer(current)]
        links.extend(spans)
        current = blanked(current, spans)
    if "\\" in text:
        spans = []
        for match in _ESCAPE.finditer(current):
            start = match.start()
            spans.append((start, start + 1))
            if current[start + 1] in '[]"*_`':
                spans.append((start + 1, start + 2))
        current = blanked(current, spans)
    if "*" in text or "~" in text or "_" in text:
        current = _EMPHASIS.sub(" ", current)
    if '"' in text or "\u201c" in text or "\u2018" in text or "'" in text:
        current = blanked(current, quote_spans(current))
    links.sort()
    return current, links


_NOT_NEWLINE = patterns.compile(r"[^\n]+")


def _link_text(
    match: re.Match[str], links: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> None:
    """An inline or reference link (group 1 its image mark, group 2 its text): the
    text stays and the rest is blanked; an image goes whole, its alt text is not prose."""
    start, end = match.span()
    if match.group(1):
        spans.append((start, end))
        return
    links.append((start, end))
    spans.append((start, match.start(2)))
    spans.append((match.start(2) + len(match.group(2)), end))


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character but a newline inside ``spans`` made a space."""
    if not spans:
        return text
    spans.sort()
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        if end <= position:
            continue
        start = max(start, position)
        pieces.append(text[position:start])
        segment = text[start:end]
        if "\n" in segment:
            pieces.append(_NOT_NEWLINE.sub(lambda run: " " * len(run.group(0)), segment))
        else:
            pieces.append(" " * len(segment))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans: a run of n backticks up to the next run of exactly n (linear)."""
    found: list[tuple[int, int]] = []
    if "`" not in text:
        return found
    runs: dict[int, list[int]] = {}
    spans = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    for start, end in spans:
        runs.setdefault(end - start, []).append(start)
    position = 0
    for start, end in spans:
        if start < position:
            continue
        same = runs[end - start]
        following = bisect.bisect_right(same, start)
        if following < len(same):
            close = same[following]
            found.append((start, close + end - start))
            position = close + end - start
    return found


# A code span that holds a figure is the author's number set in code type: a figure
# alone ("`4,000`", "`$250K`", "`10-20%`") or a tag of a figure and a few words
# ("`$42B+ AUM`", "`200+ Countries`", "`#$600B+AUM`", "`#1 eCOA Platform`"). Its words
# are read, not its backticks, nor the "#" that marks a tag ("#$600B"; "#1" is a rank
# and is read). Words before the figure name what an amount or, capitalised, a share
# measures ("`Base $200K-$268K`", "`Attrition 30%`"); otherwise they make a command,
# a product or a version ("`top 50%`", "`Node 18+`", "`gpt-4 32k`"), which stays
# blank, as does code with any other character ("`max_workers=4000`", "`--retries 3`").
_UNIT = r"(?:[kKmMbBT]\+?|%|x|\+)?"
_FIGURE = (
    rf"#?[~≈+]?[{SYMBOL_CHARS}]?\d[\d,.]{{0,20}}{_UNIT}"
    rf"(?:[ \t]?[-–][ \t]?[{SYMBOL_CHARS}]?\d[\d,.]{{0,20}}{_UNIT})?"
)
_TAG_WORD = r"[A-Za-z(][\w&/.'’()-]{0,24}"
_FIGURE_CODE = Lazy(
    rf"[ \t]?(?:#(?!\d))?(?P<text>(?P<before>(?:{_TAG_WORD}[ \t]){{0,2}})(?P<figure>{_FIGURE})"
    rf"(?:[ \t]?{_TAG_WORD}(?:[ \t]{_TAG_WORD}){{0,2}})?)[ \t]?"
)


# What marks a number as a figure rather than a port, a version or an identifier
# ("`8080`", "`3.11`"): a currency, a percent, a rank's "#", a unit, a thousands
# separator, a multiplier's "x" or a "+" ("200+"); after words, a currency.
_MARKED = Lazy(rf"[{SYMBOL_CHARS}%#]|\d[kKmMbBT]|\d,\d{{3}}|\dx|\+")
_MEASURED = Lazy(rf"[{SYMBOL_CHARS}]")


def _figure_tag(found: re.Match[str] | None) -> bool:
    """Whether a code span's match is a figure or a tag of one (see above)."""
    if found is None or not _MARKED.search(found.group("figure")):
        return False
    before = found.group("before")
    if not before:
        return True
    figure = found.group("figure")
    if DIGIT.search(before):
        return False  # "`gpt-4 32k`": a version
    if _MEASURED.search(figure):
        return True  # "`Base $200K-$268K`"
    # a share after a label ("`Attrition 30%`"), not after a command ("`top 50%`")
    return figure.endswith("%") and all(word[:1].isupper() for word in before.split())


def _unblank_figures(
    text: str, code: list[tuple[int, int]], comments: list[tuple[int, int]], current: str
) -> str:
    """``current`` with the text of the figure code spans of ``text`` put back (not
    their backticks), but for those inside a comment."""
    pieces: list[str] = []
    position = 0
    starts = [low for low, _ in comments]  # in order, and apart
    for start, end in code:
        inside = bisect.bisect_right(starts, start) - 1
        if inside >= 0 and start < comments[inside][1]:
            continue
        span = text[start:end]
        ticks = len(span) - len(span.lstrip("`"))  # the run that opens it, and closes it
        found = _FIGURE_CODE.fullmatch(text, start + ticks, end - ticks)
        if found is not None and _figure_tag(found):
            pieces += [current[position : found.start("text")], found.group("text")]
            position = found.end("text")
    if not pieces:
        return current
    return "".join([*pieces, current[position:]])


def _comment_spans(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    position = 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            return found
        end = text.find("-->", start + 4)
        if end < 0:
            return found
        found.append((start, end + 3))
        position = end + 3
