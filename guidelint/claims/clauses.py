"""Clauses: where a sentence's clauses break, and the words that lead into a clause
(a label, the reader's leads, a condition), shared by the context classes."""

from __future__ import annotations

from collections.abc import Iterator

from guidelint import patterns
from guidelint.claims.vocabulary import DATA, WORDS, alternation
from guidelint.figures import CURRENCY_PREFIX
from guidelint.scan import Lazy

# Whitespace runs are bounded ({0,8}) throughout: a pattern tried at every position of
# a long run of spaces (masked code, say) must not rescan the run each time.
# Words that may come before the reader's verb: "Always open at ...", "you should ...".
LEADS = rf"(?:(?i:{alternation(WORDS['ask_leads'])})\s{{1,4}}){{0,3}}"
# Words before a comma that set a move's condition or place: "If base pay is capped, ...",
# "For London, ...".
CONDITION = (
    rf"(?i:{alternation(WORDS['ask_condition_leads'])})\b(?:[^,;:\n]|,(?=\d)){{0,80}},\s{{1,4}}"
)
# Where a clause gives its reason, whose figures are claims again: "... by citing the
# $2.8B target", "..., since Acme grew revenue by $2B".
REASON = Lazy(rf"(?i:\s(?:{alternation(WORDS['ask_reasons'])})\s)")
# Where another verb of the reader's joins a clause ("..., restate your $226K target",
# "... and treat $235K as the floor"), and where a consequence follows a comma
# ("..., so open at $215K"): group ``lead`` starts the consequence's words.
JOINT = Lazy(
    rf",[ \t]{{0,4}}(?:(?i:{alternation(WORDS['joint_words'])})[ \t]{{1,4}})?"
    rf"|[ \t](?i:{alternation(WORDS['joint_words'])})[ \t]{{1,4}}"
)
CONSEQUENCE = Lazy(
    rf",[ \t]{{1,4}}(?P<lead>(?i:{alternation(DATA['joint_words']['consequences'])})[ \t])"
)
# A label ends at its colon; a decimal point ("$4.2B Valuation:") does not end it.
LABEL = patterns.compile(r"\s{0,8}+(?:[^:;.!?\n]|(?<=\d)\.(?=\d)){1,60}:\s")
# A dash between two figures writes a range ("$225,000–$260,000", "$175K — $228K"), not a break.
_CLAUSE_BREAK = Lazy(
    r";|(?<![\d%+])(?<!\d[A-Za-z])(?<!\d[A-Za-z]{2})(?<![\d%+]\s)(?<!\d[A-Za-z]\s)"
    r"(?<!\d[A-Za-z]{2}\s)[\u2014\u2013]"
    rf"|[\u2014\u2013](?!\s?(?:\d|{CURRENCY_PREFIX}))"
    r"|(?<![\d%+])(?<!\d[A-Za-z])(?<!\d[A-Za-z]{2})\s-\s"
    rf"|\s-\s(?!(?:\d|{CURRENCY_PREFIX}))"
)
# What every clause break starts with: the engine jumps between these in C, and the
# break's look-arounds are tried only there, not at each character of the sentence.
_CLAUSE_MARK = patterns.compile(r";|[\u2014\u2013]|\s-\s")


def clause_breaks(masked: str, start: int, end: int) -> Iterator[int]:
    """Where each clause break between ``start`` and ``end`` ends, as
    ``_CLAUSE_BREAK.finditer(masked, start, end)`` finds them."""
    position = start
    while (mark := _CLAUSE_MARK.search(masked, position, end)) is not None:
        found = _CLAUSE_BREAK.match(masked, mark.start(), end)
        if found is None:
            position = mark.start() + 1
        else:
            position = found.end()
            yield position


# A statement of the author's after the colon that ends the reader's move: "Position
# yourself at the frontier: this discipline commands a 15% premium" (colon_statements).
_VERBS = alternation(DATA["colon_statements"]["verbs"])
_STATED = Lazy(
    # an opener and a noun ("this discipline"), not a verb right after it ("this is"):
    # "Open at a $240K base, well above the band: this is 10% above the midpoint"
    # goes on about the ask
    rf":[ \t]{{1,4}}(?:(?i:{alternation(WORDS['colon_statements'])})[ \t]{{1,4}}(?!(?i:{_VERBS})\b)"
    rf"|(?!(?:{alternation(DATA['colon_statements']['reader'])})\b)[A-Z][a-z])"
)
_STATING_VERB = Lazy(rf"(?i:\b(?:{_VERBS})\b)")


def stated_after_colon(masked: str, start: int, end: int) -> int | None:
    """Where a colon between ``start`` and ``end`` opens a statement of the author's,
    or None: a clause that opens on a word and holds a stating verb."""
    colon = _STATED.search(masked, start, end)
    # a verb after a later colon is after the first one too: one search suffices
    if colon is None or _STATING_VERB.search(masked, colon.end(), end) is None:
        return None
    return colon.start()


def after_dash(masked: str, start: int) -> bool:
    """Whether the clause at ``start`` follows a dash (looking back a few characters)."""
    return masked[max(0, start - 8) : start].rstrip()[-1:] in ("\u2014", "\u2013", "-")
