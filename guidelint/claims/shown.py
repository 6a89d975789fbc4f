"""How a finding shows what it found: the whole figure and the whole ranked phrase.

The rules decide on the spans the detectors read (``spans``, ``superlatives``); a
finding's message and range show a little more, so that an editor sees the claim
whole: a figure's "+" and the rest of its range (`$20K–$40K`, `$600B+`), and a
superlative's noun phrase (`the scarcest talent markets`).  Nothing here changes
what is found.
"""

from __future__ import annotations

from guidelint import patterns
from guidelint.claims.claim import Claim
from guidelint.claims.vocabulary import word_class

# The rest of the ranked noun phrase, shown in a message: "the scarcest talent markets",
# "world's largest installed base" (see superlatives.phrase_at).
_NEXT_WORD = patterns.compile(r"[ \t]{1,4}(?P<w>[A-Za-z][\w/-]{0,40}+)")
_TOKEN_REST = patterns.compile(r"(?:/[\w-]{1,40}+)*")  # "ML" of "ML/AI-intensive" goes on
_NOUN_PHRASE_ENDS = word_class("function_words") | word_class("phrase_stops")
_MORE_WORDS = 3


def _noun_phrase_end(masked: str, stop: int) -> int:
    """Where the noun phrase a superlative ranks ends, past the word ``phrase_at`` took:
    at most three more words, none a function word, a pronoun or a verb's helper, a
    name ("signal Acme recruiters respond to") or a participle opening a clause
    ("fintech listed on the TSX") or an adverb ("programs globally"); acronyms belong
    to it ("NPC AI"), and so do nouns in -ing ("modern data engineering")."""
    for _ in range(_MORE_WORDS):
        found = _NEXT_WORD.match(masked, stop)
        if found is None:
            break
        word = found.group("w")
        folded = word.casefold()
        if (
            folded in _NOUN_PHRASE_ENDS
            or (word[0].isupper() and not word.isupper())
            or folded.endswith(("ed", "ly"))
        ):
            break
        stop = found.end()
    return stop


def shown_phrase(masked: str, start: int, stop: int) -> tuple[str, int] | None:
    """A superlative's phrase as a finding shows it, and where it ends: the phrase
    ``phrase_at`` read, with the rest of the noun phrase it ranks ("the scarcest
    talent markets", not "the scarcest talent"); None when nothing follows.  Only
    the message and the range use it: what the rules decide reads ``phrase_at``."""
    if not (stop > start and masked[stop - 1].isalnum()):
        return None  # the phrase ended on its ranking words ("the most", "the best -")
    rest = _TOKEN_REST.match(masked, stop)
    end = _noun_phrase_end(masked, rest.end() if rest else stop)
    if end == stop:
        return None
    return " ".join(masked[start:end].split()).rstrip(".,;:!?"), end


def whole_superlative(masked: str, claim: Claim) -> Claim:
    """A superlative's claim as its finding shows it (:func:`shown_phrase`)."""
    shown = shown_phrase(masked, claim.start, claim.end)
    return claim if shown is None else claim._replace(text=shown[0], end=shown[1])


# What a figure's finding shows past the figure the rules read: its "+" ("$600B+"),
# and the high end of the range it opens ("$20K–$40K", "40M to 100M+"), a year aside.
_FIGURE_REST = patterns.compile(
    r"\+?(?:[ \t]?[\u2013\u2014-][ \t]?|[ \t]{1,3}to[ \t]{1,3})"
    r"(?!(?:19|20)\d\d(?!\d))[^\s\d()]{0,4}\d[\d,.]{0,12}"
    r"(?:[KMBkmb][Nn]?(?![A-Za-z])|[ \t](?:million|billion|trillion)\b)?\+?|\+"
)


def whole_figures(masked: str, claims: list[Claim]) -> list[Claim]:
    """Each figure of ``claims`` (in the order they stand) with its "+" and the rest of
    its range, and without the figures that rest took in: "`$20K–$40K`", not "`$20K`
    (and `$40K`)"."""
    whole: list[Claim] = []
    for claim in claims:
        if whole and claim.start < whole[-1].end:
            continue  # the high end of a range shown already
        rest = _FIGURE_REST.match(masked, claim.end)
        if rest is not None:
            end = rest.end()
            if not masked[end - 1].isalnum() and masked[end - 1] != "+":
                end -= 1
            claim = claim._replace(text=" ".join(masked[claim.start : end].split()), end=end)
        whole.append(claim)
    return whole
