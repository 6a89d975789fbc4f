"""Rankings scoped to the guide's own figures: a superlative that ranks what the
table shows ("the lowest base of the three", "Among the US regions, Denver posts the
highest ceiling") needs no outside source."""

from __future__ import annotations

from guidelint import patterns
from guidelint.claims.vocabulary import DATA, WORDS, alternation
from guidelint.scan import Lazy

# A ranking scoped to the guide's own figures: "the lowest base of the three".
# A word of place ("listed", "shown") scopes only where the ranked phrase ends on it
# ("the bands listed above"), not before a noun it qualifies ("the largest listed company").
_TRAILING = DATA["ranking_scopes"]["trailing"]
_ENDING = [s for s in WORDS["ranking_scopes"] if s not in _TRAILING]
_JOINING = DATA["ranking_scopes"]["joining"]
_SCOPE = Lazy(
    rf"(?i:[ \t]{{1,4}}(?:[\w-]{{1,30}}[ \t]{{1,4}}){{0,3}}?(?:(?:{alternation(_ENDING)})(?![\w])"
    rf"|(?:{alternation(_TRAILING)})(?![\w])(?![ \t]{{1,4}}(?!(?:{alternation(_JOINING)})\b)[a-z])))"
)


# ... or a phrase that opens its sentence: "Of the regions in the table, Seattle shows
# the highest band", "Among the three regions, ..." (not "Above all, ...").
_PREPOSED = [s for s in WORDS["ranking_scopes"] if s.split()[0] in ("of", "among", "across", "in")]
_OPENING_SCOPE = Lazy(
    rf"(?i:[ \t*_]{{0,8}}(?:{alternation(_PREPOSED)}"
    r"|(?:of|among|across)[ \t]{1,4}(?:the|these|our|its|all)[ \t]{1,4}(?:[\w-]{1,30}[ \t]{1,4}){0,2}?"
    rf"(?:{alternation(DATA['ranking_scopes']['own_units'])}))(?![\w])[^,.;:!?\n]{{0,40}},)"
)
_SENTENCE_BREAK = patterns.compile(r"[.!?](?=\s)|\n")


def scoped_ranking(masked: str, start: int, end: int) -> bool:
    """Whether the words after a superlative, or the phrase that opens its sentence,
    scope it to the guide's own data."""
    if _SCOPE.match(masked, end) is not None:
        return True
    low = max(0, start - 300)
    opening = low
    for opening_mark in _SENTENCE_BREAK.finditer(masked, low, start):
        opening = opening_mark.end()
    return _OPENING_SCOPE.match(masked, opening, start) is not None
