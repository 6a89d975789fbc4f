"""Sentences of a block of prose, decided on its masked text (:mod:`guidelint.masking`).

Abbreviations and the words that join a line to the next one are vocabulary
(``data/claims.json``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from guidelint import patterns
from guidelint.scan import Lazy

_END = patterns.compile(
    r"[.!?\u2026]{1,8}[\"'\u201d\u2019)\]]{0,8}(?:\[(?:\^[^\]\[\s]{1,64}|[\d ,\u2013-]{1,60})\]){0,8}(?=\s|$)"
)
_ENDING = frozenset(".!?\u2026")  # a full stop followed by one of these is not a lone "."
_ALNUM = patterns.compile(r"[^\W_]")  # what str.isalnum accepts
_LAST_WORD = patterns.compile(r"(\S+)$")
_LEADING_MARKERS = Lazy(r"(?:\s{0,8}\[(?:\^[^\]\[\s]{1,64}|[\d ,\u2013-]{1,60})\]){1,20}")
_DOTTED = patterns.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]\.?$")
_SOFT_END = frozenset(",;:-\u2013\u2014&/(+")


@cache
def _abbreviations() -> frozenset[str]:
    return _words("abbreviations")


@cache
def _joiners() -> frozenset[str]:
    return _words("line_joiners")


def _words(name: str) -> frozenset[str]:
    """One class of ``claims.json``, case-folded; read on first need, as prose.py reads it."""
    from guidelint.claims.vocabulary import WORDS

    return frozenset(str(a).casefold() for a in WORDS[name])


def split_sentences(text: str, masked: str) -> list[tuple[int, int]]:
    """Sentence spans of a block, decided on the masked text.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by white space,
    unless the word before is an abbreviation (``e.g.``, ``approx.``), an
    initial (``I.``) or a dotted acronym (``U.S.``), or the next word starts
    in lower case.  Decimals (``2.5x``, ``$1.1 billion``) never end one
    because no white space follows their point.  Citation markers after the
    full stop (``… grew 12%. [3]``) belong to the sentence before.  A line
    break ends a sentence when the line has no closing punctuation, does not
    end with a joining word or mark, and the next line starts with a capital:
    pasted web pages put headings and paragraphs on bare lines.
    """
    cuts: list[int] = []
    abbreviations = _abbreviations()
    size = len(masked)
    for match in _END.finditer(masked):
        end = match.end()
        if masked[end : end + 200].lstrip()[:1].islower():
            continue
        dot = match.start()
        if masked[dot] == "." and masked[dot + 1 : dot + 2] not in _ENDING:
            # The last word before the full stop, as ``(\S+)$`` finds it in
            # the 40 characters before it.
            before = masked[max(0, dot - 40) : dot]
            word = "" if not before or before[-1].isspace() else before.rsplit(None, 1)[-1]
            word = word.lstrip("([\"'\u201c")
            key = word.casefold()
            if key in abbreviations or _DOTTED.match(word + "."):
                continue
            if len(word) == 1 and word.isupper():
                continue
        markers = _LEADING_MARKERS.match(masked, end)
        if markers:
            end = markers.end()
        if end < size:
            cuts.append(end)
    if "\n" in masked:
        cuts.extend(_line_cuts(masked))
        cuts.sort()
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, size]:
        if cut <= start:
            continue
        begin = start
        while begin < cut and text[begin].isspace():
            begin += 1
        finish = cut
        while finish > begin and text[finish - 1].isspace():
            finish -= 1
        if begin < finish and _ALNUM.search(masked, begin, finish):
            spans.append((begin, finish))
        start = cut
    return spans


def _line_cuts(masked: str) -> Iterable[int]:
    joiners = _joiners()
    position = masked.find("\n")
    while position >= 0:
        back = position - 1
        while back >= 0 and masked[back] in " \t":
            back -= 1
        ahead = position + 1
        while ahead < len(masked) and masked[ahead] in " \t":
            ahead += 1
        last = masked[back] if back >= 0 else ""
        if (
            last
            and last not in _SOFT_END
            and last not in ".!?\u2026\n"
            and masked[ahead : ahead + 1].isupper()
        ):
            word_match = _LAST_WORD.search(masked, max(0, back - 40), back + 1)
            word = word_match.group(1).casefold() if word_match else ""
            if word not in joiners:
                yield position
        position = masked.find("\n", position + 1)
