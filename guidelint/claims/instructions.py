"""Two context classes of the reader's own numbers: an instruction, whatever its verb
("Raise the base to $248K"), and a projection of the reader's package over their
tenure ahead ("across five years the refreshers add $140K")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from guidelint import patterns
from guidelint.claims.clauses import (
    CONDITION,
    JOINT,
    LABEL,
    LEADS,
    REASON,
    after_dash,
    clause_breaks,
)
from guidelint.claims.vocabulary import WORDS, alternation, word_class
from guidelint.figures import AMOUNT_START, NUMBER_TAIL, NUMBER_WORDS
from guidelint.prose import Block
from guidelint.scan import Lazy

# An instruction: one of the reader's verbs, then an object ("Raise the base to $248K",
# "Ask them to match $260K", "Hold firm at $245K"), after the reader's leads or a
# condition ("If you are based in New York, anchor the ask at $245K").  After one of
# the proposing verbs the object may be the amount itself, after a particle or an
# article ("Float $238K as your opening base", "Pencil in a ₹58 lakh base"), or a word
# of aim ("decline below £90K"): that amount is the reader's ask.
_AMOUNT = AMOUNT_START + NUMBER_TAIL
_RANGE = rf"{_AMOUNT}(?:[ \t]?[-–][ \t]?{_AMOUNT})?"
# ... or a share of pay: "Table a 25% uplift on the grant" (not "Expect a 20% drop").
_SHARE = (
    r"\d{1,3}(?:\.\d{1,2})?%(?=[ \t]{1,4}(?:[\w-]{1,30}[ \t]{1,4})?"
    rf"(?i:{alternation(WORDS['pay_words'])})\b)"
)
_ARTICLES = r"(?i:an?|your)[ \t]{1,4}"  # before an aimed amount: "push for a $40K sign-on"
_IMPERATIVE = Lazy(
    rf"\s{{0,8}}+(?:{CONDITION})?{LEADS}(?P<verb>[A-Za-z]{{2,20}})"
    rf"(?:[ \t]{{1,4}}(?i:{alternation(WORDS['instruction_particles'])}))?[ \t]{{1,4}}"
    rf"(?:(?:{_ARTICLES})?(?P<amount>{_RANGE}|{_SHARE})"
    rf"|(?P<aim>(?=(?i:{alternation(WORDS['instruction_aims'])})[ \t]))"
    rf"|(?i:{alternation(WORDS['imperative_objects'])})(?![\w'\u2019-]))"
)
_VERBS = word_class("instruction_verbs")
_PROPOSING = word_class("proposing_verbs")
_JOINED = patterns.compile(rf"\s{{0,8}}+(?i:{alternation(WORDS['joint_words'])})[ \t]")
_MONEY_IN = Lazy(AMOUNT_START)
_REACH = 300  # characters after its verb an instruction's amount may stand


def _imperative(masked: str, start: int, end: int) -> re.Match[str] | None:
    """The reader's verb and its object at ``start``, if they instruct: a verb of
    instruction, and a proposing one when its object is the amount or an aim."""
    found = _IMPERATIVE.match(masked, start, end)
    if found is None:
        return None
    verb = found.group("verb").casefold()
    direct = found.group("amount") is not None or found.group("aim") is not None
    return found if verb in (_PROPOSING if direct else _VERBS) else None


def _instruction(masked: str, start: int, end: int) -> re.Match[str] | None:
    """The opening of the clause ``start:end`` when it instructs the reader with a
    money figure in it, or with a share of pay as its object; None otherwise.  After a
    dash a clause may resume the sentence's own subject ("Engineers who exceed targets
    — shutting down more systems — receive a bonus of $8K"), so only a sentence, a
    clause after ";" or a dash and a joining word ("— and close on $202K") instructs."""
    if after_dash(masked, start) and not _JOINED.match(masked, start):
        return None
    found = _imperative(masked, start, end)
    if found is None:
        return None
    reach = min(end, found.start("verb") + _REACH)
    money = found.group("amount") or _MONEY_IN.search(masked, found.start("verb"), reach)
    return found if money else None


# What an instruction asks for: an amount after a word of aim ("Raise the base to
# $248K", "refuse anything below $205K", "push for a $40K sign-on"), and those joined
# to it ("Go back with $238K and a $30K sign-on").  An amount the instruction only
# describes ("Take the $20K learning budget every engineer receives") still states.
_TARGET = Lazy(
    rf"(?i:\b(?:{alternation(WORDS['instruction_aims'])}))[ \t]{{1,4}}(?:{_ARTICLES})?"
    rf"(?:(?i:{alternation(WORDS['approximators'])})[ \t]{{1,4}}|~)?{_AMOUNT}"
    rf"(?:[ \t]?[-–][ \t]?{_AMOUNT})?"
    rf"(?:,?[ \t]{{1,4}}(?i:and|plus|or)[ \t]{{1,4}}(?:(?i:an?)[ \t]{{1,4}})?{_AMOUNT}){{0,4}}"
)
_WORD_AT = patterns.compile(r"\s{0,8}([A-Za-z]{2,20})")


def _opening(masked: str, start: int, end: int) -> tuple[re.Match[str], int] | None:
    """The instruction the clause ``start:end`` opens with, after any label, and where
    what it aims at may stand: to the clause's end, or to its label's end when the
    label itself instructs ("Treat it as a draft: thank them, ...")."""
    label = LABEL.match(masked, start, end)
    found = _instruction(masked, label.end(), end) if label else None
    if found is not None:
        return found, end
    found = _instruction(masked, start, end)
    if found is None:
        return None
    return found, (label.end() if label else end)


def opens_instruction(masked: str, start: int, end: int) -> bool:
    """Whether the clause ``start:end`` opens on one of the reader's verbs, with or
    without an amount ("Anchor to the 85th percentile and lead with ...")."""
    label = LABEL.match(masked, start, end)
    return _imperative(masked, label.end() if label else start, end) is not None


def instruction_targets(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of what the clause ``start:end`` asks for when it is an instruction:
    what its verb aims at, and what the verbs joined to it aim at, up to a reason
    ("..., since Acme grew revenue by $2B" states).  After a colon, the verbs joined
    are the reader's only when the text there instructs too ("...: thank them, restate
    your $226K target"), not when it states ("...: Acme's engineers take $40K and land
    $280K")."""
    opened = _opening(masked, start, end)
    if opened is None:
        return []
    found, aimed = opened
    reason = REASON.search(masked, found.end(), end)
    stop = reason.start() if reason else end
    targets = [t.span() for t in _TARGET.finditer(masked, found.end(), min(aimed, stop))]
    colon = masked.find(":", found.end(), stop)
    if colon >= 0:
        word = _WORD_AT.match(masked, colon + 1, stop)
        if word is None or word.group(1).casefold() not in _VERBS:
            stop = colon
    openings = [found]
    for joint in JOINT.finditer(masked, found.end(), stop):
        more = _imperative(masked, joint.end(), stop)
        if more is not None:
            openings.append(more)
            reach = min(stop, more.end() + _REACH)  # each joined verb aims near it
            targets += [t.span() for t in _TARGET.finditer(masked, more.end(), reach)]
    targets += [opening.span("amount") for opening in openings if opening.group("amount")]
    return sorted(set(targets))


def instructs(block: Block) -> bool:
    """Whether a clause of ``block`` opens on an instruction with a money figure in it
    (or a share of pay as its object), read as :func:`instruction_targets` reads it
    (the blocks whose proposals are looked for although they hold no asking word).
    Each clause is read to its own end."""
    masked = block.masked
    for sentence in block.sentences:
        bounds = [sentence.start, *clause_breaks(masked, sentence.start, sentence.end)]
        for start, end in itertools.pairwise([*bounds, sentence.end]):
            if _opening(masked, start, end) is not None:
                return True
    return False


# A span of the reader's tenure ahead: "over four years", "across the next five years",
# "by year three".  "Over the past four years" looks back, and reports.
_COUNT = rf"(?:{'|'.join(NUMBER_WORDS[1:11])}|\d{{1,2}})"
_PROJECTION = Lazy(
    rf"(?i:\b(?:(?:{alternation(WORDS['projection_spans'])})[ \t]{{1,4}}(?:the[ \t]{{1,4}})?"
    rf"(?:next[ \t]{{1,4}}|first[ \t]{{1,4}})?{_COUNT}[ \t-]{{1,4}}years?"
    rf"|(?:by|in|after)[ \t]{{1,4}}year[ \t]{{1,4}}{_COUNT})\b)"
)
# The reader's own package: "the refreshers", "your grant"; not "Acme's grants", nor
# "the refreshers at Acme", a company's practice.
_OWN_PACKAGE = Lazy(
    r"(?i:\b(?:your|the|this|an?)[ \t]{1,4}"
    rf"(?:{alternation(WORDS['pay_components'])})\b(?![ \t]{{1,4}}(?:at|of|from)[ \t]{{1,4}}[A-Z])"
    rf"|\byour[ \t]{{1,4}}(?:{alternation(WORDS['own_package_words'])})\b)"
)
# An amount brought in with "a" is assumed: "a $60K refresher adds ...", "an extra £10K".
_ASSUMED = Lazy(
    rf"(?<![\w])(?i:{alternation(WORDS['assumed_amount_leads'])})[ \t]{{1,4}}{AMOUNT_START}"
)
_TOTALS = Lazy(rf"(?i:\b(?:{alternation(WORDS['projection_verbs'])})\b)")


def projections(masked: str, bounds: list[int]) -> Iterator[tuple[int, int]]:
    """What the reader's package comes to over a span of their tenure ahead ("across
    five years the refreshers add $140K"), from the verb that totals it, or from an
    amount it assumes, to its clause's end: the inputs before it ("at $140 a share,
    grants of 3,000 shares") still state, and the clause must be about the reader's own
    package, so that a company's practice ("Acme's grants") and its growth still state."""
    for clause, clause_end in itertools.pairwise(bounds):
        if not _PROJECTION.search(masked, clause, clause_end):
            continue
        total = _TOTALS.search(masked, clause, clause_end)
        if total is not None and _OWN_PACKAGE.search(masked, clause, clause_end):
            assumed = _ASSUMED.search(masked, clause, total.start())
            yield (assumed.start() if assumed else total.start()), clause_end
