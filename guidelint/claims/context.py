"""Context classes: the spans of a block that propose, script or illustrate rather than state."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TypeVar

from guidelint import patterns
from guidelint.claims.arithmetic import amounts_of
from guidelint.claims.claim import Claim
from guidelint.claims.clauses import (
    CONDITION,
    CONSEQUENCE,
    JOINT,
    LABEL,
    LEADS,
    REASON,
    after_dash,
    clause_breaks,
    stated_after_colon,
)
from guidelint.claims.instructions import instruction_targets, opens_instruction, projections
from guidelint.claims.vocabulary import DATA, WORD, WORDS, alternation, word_class
from guidelint.figures import (
    AMOUNT_START,
    CURRENCY_PREFIX,
    FIGURE_START,
    NUMBER_TAIL,
    SYMBOL_CHARS,
    merged,
)
from guidelint.prose import Block
from guidelint.scan import Lazy

# Proposals: a clause that asks ("Open at $185K", "For London, push for £80K",
# "Accept-at floor: ...", "If they counter, negotiate for ...") offers the reader
# a number to say, not a fact.  A clause ends at ";", a dash, or the sentence.
# An ask word in capitals right after an exchange's name is a ticker ("NASDAQ: OPEN"),
# not the reader's verb; "OPEN at $185K" in a script still asks.
_TICKER = r"(?-i:(?:(?<=[A-Z]{2}:[ \t])|(?<=[A-Z]{2}:))[A-Z]{2})"
_ASK_WORDS = (
    rf"(?!{_TICKER})(?:{alternation(WORDS['proposal_asks'])})"
    rf"(?!\s{{1,4}}(?:{alternation(WORDS['ask_noun_readings'])})\b)"
)
_ASK = patterns.compile(rf"\s{{0,8}}+{LEADS}(?i:{_ASK_WORDS})(?![\w-])(?![^:;,.\n]{{0,40}}:\s)")
# "Use this scarcity to drive toward $190K": what the reader uses leads to the ask.
# What is used is not proposed: "Leverage the 3x growth in ARR to ask for ..." still
# states the 3x; the proposal starts after it (group "ins").
_INSTRUMENT = (
    rf"(?P<ins>(?i:{alternation(WORDS['instrument_leads'])})\s{{1,4}}"
    r"(?i:this|that|these|those|the|your|their|its|it|them)(?:\s{1,4}[\w'\u2019-]{1,30}){0,4}?"
    r"\s{1,4}to\s{1,4})?"
)
# Words before a comma lead to the ask when they set its condition or its place ("If
# base pay is capped, push for ...", "For London, push for ...", "Realistically, ask
# for ..."); a statement before it ("Acme grew 40% last year, so push for more") still
# states.
# A connective alone before its comma adds one more ask: "Additionally, negotiate ...".
_ASK_AFTER_LEAD = patterns.compile(
    rf"\s{{0,8}}+(?:{CONDITION}"
    rf"|(?i:{alternation(WORDS['ask_connectives'])}),\s{{1,4}})?{_INSTRUMENT}{LEADS}"
    rf"(?i:{_ASK_WORDS})(?![\w-])"
)
# "Position Acme Mumbai as the highest-impact role": the framing the reader is to use.
# Its object opens on a pronoun, a determiner or a name, so a noun ("Position bands
# at Acme rank as ...") is not read as the verb.
_PITCH = patterns.compile(
    rf"\s{{0,8}}+(?i:{alternation(WORDS['pitch_verbs'])})[ \t]{{1,4}}"
    r"(?:(?i:yourself|yourselves|it|this|that|them|the|your|their)\b|[A-Z])"
    r"[\w'\u2019&.-]{0,30}(?:[ \t]{1,4}[\w'\u2019&.-]{1,30}){0,3}?[ \t]{1,4}(?i:as)\b"
)
# "Demonstrate experience provisioning for 30-50% growth", "show that your systems make
# millions of decisions a day": the reader's own record, which the reader presents.
_RECORD = patterns.compile(
    rf"\s{{0,8}}+(?i:{alternation(WORDS['record_verbs'])})[ \t]{{1,4}}(?:(?i:that)[ \t]{{1,4}})?"
    rf"(?i:{alternation(DATA['record_verbs']['objects'])})(?![\w'\u2019])"
)
# "Model Acme's equity at 2x, 3x and 5x": the reader's own calculation, its object opening
# on a pronoun, a determiner or a name and its terms ("at", "under", ...) close behind.
_COMPUTE = patterns.compile(
    rf"\s{{0,8}}+(?i:{alternation(WORDS['computation_verbs'])})[ \t]{{1,4}}"
    r"(?:(?i:it|this|that|these|those|them|the|your|their|each|every)\b|[A-Z])"
    r"[\w'\u2019&.-]{0,30}(?:[ \t]{1,4}[\w'\u2019&.-]{1,30}){0,3}?"
    r"[ \t]{1,4}(?i:at|under|with|using|assuming|across|for)\b"
)
# A clause whose subject is an assumed amount (assumed_amount_leads) and whose verb is a
# modal of what would happen works an example: "a $300K option grant could be worth
# $600K"; so does one whose verb totals, when its subject is pay: "an extra £10K a year
# in RSUs adds £40K", "a 10% raise takes you to £110K", not "a $2B contract adds $300M".
_SCENARIO = patterns.compile(
    rf"(?<![\w])(?i:{alternation(WORDS['assumed_amount_leads'])})[ \t]{{1,4}}"
    rf"{FIGURE_START}(?:[\d,.]{{0,12}}%|{NUMBER_TAIL})"
    r"(?P<subject>(?:[ \t]{1,4}(?!(?i:that|which|who|whose)\b)[^\s,;:.!?]{1,30}){1,6}?)"
    rf"[ \t]{{1,4}}(?:(?i:{alternation(WORDS['scenario_modals'])})"
    rf"|(?P<totals>(?i:{alternation(WORDS['projection_verbs'])})))\b"
)
_WORKED_PAY = word_class("worked_pay_words")
# A clause that supposes: its figures illustrate ("if you hold a $200K offer").
_HYPOTHETICAL = patterns.compile(
    rf"\s{{0,8}}+(?i:{alternation(WORDS['hypothetical_leads'])})(?![\w-])"
)
_WHOLE = frozenset(DATA["hypothetical_leads"]["whole_sentence"])
# ... or opens on an indefinite case sized by a figure and says what such a case does:
# "A $15B fund at 2% management fee generates $300M annually" (generic_case_verbs).
_GENERIC_CASE = Lazy(
    r"\s{0,8}+(?i:a|an)[ \t]{1,4}(?:[^\s,;:.!?$]{1,30}[ \t]{1,4}){0,4}?"
    rf"{FIGURE_START}(?:[^,;:.!?\n]|(?<=\d)\.(?=\d)){{0,60}}?[ \t]"
    rf"(?i:{alternation(WORDS['generic_case_verbs'])})\b"
)
# A sentence that says it works the guide's example: "... in this example".
_EXAMPLE_REFERENCE = Lazy(rf"(?i:\b(?:{alternation(WORDS['example_references'])})\b)")
# A sum written out ("$255,000 base + $270,000 RSU + $52,000 bonus = $400,000") shows
# its arithmetic: the guide's own calculation, not a fact from elsewhere.
# A figure follows its "=": "$130B market cap + 160+ countries = unmatched scale" adds
# nothing up.
# The total may follow a verb that closes a sum in the same clause, when the "+" stands
# between amounts: "$170K + $30K + $20.4K comes to $220.4K", not "refreshers at L62+ add
# $40K" nor "raised $200M + $50M in two rounds, and its valuation is $4B".
_SUM = Lazy(
    rf"(?:\+[^=\n]{{0,200}}=|(?<=[\dKkMmBb])[ \t]\+[ \t]{{0,3}}{AMOUNT_START}(?:[^=\n;.!?,]|\.(?=\d)|,(?![ \t]{{1,4}}(?:and|but|while)\b)){{0,200}}?"
    rf"[ \t](?i:{alternation(WORDS['sum_verbs'])})[ \t])[ \t]{{0,3}}~?(?:{CURRENCY_PREFIX})?[ \t]?\d"
)
# ... or in words: "$205K base plus $160K in stock over four years is $245K a year".
_WORD_SUM = Lazy(
    rf"{AMOUNT_START}[^,.;:!?\n]{{0,80}}?[ \t](?i:plus)[ \t]{{1,4}}(?:(?i:an?)[ \t]{{1,4}})?"
    rf"{AMOUNT_START}[^,.;:!?\n]{{0,80}}?"
    rf"[ \t](?i:{alternation(WORDS['sum_verbs'])})[ \t]{{1,4}}~?{AMOUNT_START}"
)
# A label introducing a worked example: its figures illustrate, they do not report.
_EXAMPLE_LABEL = Lazy(rf"(?i:(?<![\w])(?:{alternation(WORDS['example_labels'])})(?![\w]))")
# A label naming what the reader asks for, whatever comes before that word.
_ASK_LABEL = Lazy(
    rf"(?i:\b(?:{alternation(WORDS['ask_labels'])}))"
    r"(?:[ \t]{1,4}(?i:for|in)[ \t]{1,4}[^:\n]{1,40})?\s*:\s$"  # "Floor for London: "
)
# A figure, or a figure after a bound ("below $170K", "at least 10%"): what an ask
# label or the reader's own number as a subject is followed by.
_BOUNDED_FIGURE = (
    rf"(?:(?i:{alternation(DATA['ask_labels']['before_figure'])})[ \t]{{1,4}})?{FIGURE_START}"
)
# The reader's own number as the subject of its figure: "Your first counter is 10% above
# the base", not "A counter is rare at Acme: 80% of offers ...".
_ASK_SUBJECT = Lazy(
    rf"\s{{0,8}}+(?i:{alternation(DATA['ask_subjects']['determiners'])})"
    r"(?:[ \t]{1,4}[\w-]{1,20}){0,3}?"
    rf"[ \t]{{1,4}}(?i:{alternation(DATA['ask_subjects']['nouns'])})"
    rf"(?:[ \t]{{0,4}}(?i:{alternation(DATA['ask_subjects']['verbs'])})(?![\w'\u2019])"
    rf"[ \t]{{1,4}}{_BOUNDED_FIGURE}"
    # ... or named with its figure and judged acceptable: "A counter at $140K is acceptable"
    rf"|[ \t]{{1,4}}(?i:at|of|around|near)[ \t]{{1,4}}{FIGURE_START}"
    rf"(?=[^.;:!?\n]{{0,80}}?[ \t](?i:{alternation(DATA['ask_subjects']['acceptances'])})\b))"
)
# The employer's expected move is part of the script: "Acme will counter at $160K",
# "they will probably open near $205K".
_COUNTER_FORECAST = patterns.compile(
    rf"\s{{0,8}}+[^,;:.!?\n]{{1,60}}?\s(?i:{alternation(WORDS['forecast_modals'])})"
    rf"\s+(?i:likely\s+|probably\s+)?(?i:{alternation(WORDS['employer_moves'])})(?![\w-])"
    rf"(?=[ \t]{{1,4}}(?i:{alternation(DATA['employer_moves']['aims'])})\b)"
)
_Read = TypeVar("_Read")


def _after_consequence(
    read: Callable[[str, int, int], _Read | None],
    masked: str,
    start: int,
    end: int,
    joints: Lazy = CONSEQUENCE,
) -> _Read | None:
    """What ``read`` finds in the clause ``start:end`` after a comma and a word of
    consequence: "The group is only 140 engineers, so open at $215K", "accept, then use
    the goodwill to lift the sign-on to £12K" (or after another of ``joints``).  What
    comes before it still states."""
    for joint in joints.finditer(masked, start, end):
        found = read(
            masked, joint.start("lead") if "lead" in joint.re.groupindex else joint.end(), end
        )
        if found:
            return found
    return None


# ... or the line they are expected to say: "The hiring manager will probably say
# refreshers are capped at $30K".
_EMPLOYER_LINE = patterns.compile(
    rf"\s{{0,8}}+[^,;:.!?\n]{{1,60}}?\s(?i:{alternation(WORDS['forecast_modals'])})"
    rf"\s+(?i:likely\s+|probably\s+)?(?i:{alternation(WORDS['employer_lines'])})(?![\w-])"
)
# The reader's own voice after a colon or a dash: "Present your numbers: my models saved
# my last employer $3M" (reader_voice).
_FIRST_PERSON = rf"(?:{alternation(WORDS['reader_voice'])})(?![\w'\u2019])"
_FIRST_PERSON_IN = Lazy(
    rf"(?<![\w'\u2019])(?i:{alternation(WORDS['reader_voice'])})(?![\w'\u2019])"
)
_VOICE_AT = Lazy(rf"\s{{0,8}}+(?:[\w'\u2019-]{{1,30}}[ \t]{{1,4}}){{0,2}}?{_FIRST_PERSON}")
_VOICE_AFTER_COLON = Lazy(
    rf":[ \t]{{1,4}}(?:[\w'\u2019-]{{1,30}}[ \t]{{1,4}}){{0,2}}?{_FIRST_PERSON}"
)
# The reader's own offer is theirs to state: "your competing Acme offer at $305K TC".
_OWN_OFFER = patterns.compile(
    rf"(?i:\b(?:your|an?(?=[ \t]{{1,4}}(?:{alternation(WORDS['offer_adjectives'])})\b))"
    r"\s+(?:[\w&.-]+\s+){0,4}offers?(?:\s+(?:of|for)|\b"
    rf"(?:(?!\sbut\s)[^.;:!?,{SYMBOL_CHARS}\d]){{0,60}}?\sat)\s+)[^\s,;]+(?:\s?[-–]\s?[^\s,;]+)?"
)
# A clause after a dash that only totals the ask: "... — bringing first-year pay to $238K".
_ASK_CONTINUATION = Lazy(rf"\s{{0,8}}+(?i:{alternation(WORDS['ask_continuations'])})(?![\w-])")
# ... or gives the same ask for another place or case: "— and for London, £190K"; a
# share after it ("— and 60% of offers include a bonus") states.
_CASE = r"(?i:for|in|at)[ \t]{1,4}[^,;:.!?\n]{1,40},[ \t]{1,4}"
_PLACED_AMOUNT = Lazy(rf"\s{{0,8}}+(?:(?i:and|or)[ \t]{{1,4}}(?:{_CASE})?|{_CASE}){AMOUNT_START}")
# ... or sets the floor under it: "— anything under CAD 150K is a pass".
_THRESHOLD_SUBJECT = Lazy(
    rf"\s{{0,8}}+(?i:{alternation(DATA['threshold_words']['subjects'])})[ \t]{{1,4}}"
    rf"(?i:{alternation(WORDS['threshold_words'])})[ \t]{{1,4}}{AMOUNT_START}"
)
# Words without which a block holds no span that proposes, recommends or aims.
ASK_TRIGGERS = frozenset(
    WORD.findall(str(p).casefold())[0]
    for p in (
        *WORDS["proposal_asks"],
        *WORDS["pitch_verbs"],
        *WORDS["record_verbs"],
        *WORDS["computation_verbs"],
        *WORDS["scenario_modals"],
        *WORDS["hypothetical_leads"],
        *WORDS["norm_modals"],
        *WORDS["trajectory_verbs"],
        *WORDS["contrast_leads"],
        *WORDS["generic_case_verbs"],
        *WORDS["employer_moves"],
        *WORDS["employer_lines"],
        *WORDS["reader_voice"],
        *WORDS["ask_labels"],
    )
    if WORD.search(str(p))
) | frozenset(w for p in WORDS["example_labels"] for w in WORD.findall(str(p).casefold()))
ASK_TRIGGERS |= word_class("proposal_triggers")
# The verbs a worked example totals with ("adds", "works out to", "is worth"), by the
# word that tells each apart: not "is", "are" or a modal, which nearly every block
# holds ("is worth" by "worth").
_COMMON = frozenset(("is", "are", "would", "could"))
ASK_TRIGGERS |= frozenset(
    next(w for w in WORD.findall(phrase.casefold()) if w not in _COMMON)
    for phrase in WORDS["projection_verbs"]
)
SCRIPT_OPENERS = frozenset(
    str(w).casefold().replace("\u2019", "'") for w in WORDS["script_openers"]
)
QUOTES = patterns.compile('["\u201c]')
_ALNUM = patterns.compile(r"[^\W_]")
# The first word of a line, after a lead phrase of four words at most and its comma:
# "In exchange, I need ..." opens on "I".
_FIRST_WORD = patterns.compile(
    r"\s{0,8}+(?:[\w'\u2019]{1,40}(?:[ \t]{1,4}[\w'\u2019]{1,40}){0,3},[ \t]{1,4})?"
    r"([\w'\u2019]{1,40})"
)
_FIGURE_FIRST = Lazy(rf"\s{{0,8}}+{FIGURE_START}")
# After an ask label ("Walk-away point: below $170K").
_LABELLED_FIGURE = Lazy(rf"\s{{0,8}}+{_BOUNDED_FIGURE}")
_AMOUNT_FIRST = Lazy(rf"\s{{0,8}}+{AMOUNT_START}")  # after a dash only an amount goes on


def proposals(block: Block) -> list[tuple[int, int]]:
    """Spans of ``block`` that propose rather than state.

    - a clause that asks ("Open at ...", "For London, push for ...", "Accept-at
      floor: ..."), and a clause after ";" that only lists more figures for it;
    - a script's title: a label whose text is a quotation ("Equity lever: "...");
    - in a blockquote, a line the reader says ("I'm targeting ...");
    - a supposition ("if you hold a $200K offer"), what pay should be ("TPM pay should
      be 90-100% of IC pay") and where growth aims ("scaling from 1,000 to 100,000").
    """
    masked = block.masked
    spans: list[tuple[int, int]] = []
    projecting = "year" in masked or "Year" in masked  # a projection names its years
    voiced = _FIRST_PERSON_IN.search(masked) is not None  # the reader's own voice
    asking = False
    for sentence in block.sentences:
        asked, asking = asking, False  # whether the sentence before ended on an ask
        start, end = sentence.start, sentence.end
        label = LABEL.match(masked, start, end)
        body = label.end() if label else start
        if label and _ALNUM.search(masked, body, end) is None:
            spans.append((start, end))
            continue
        if label and _EXAMPLE_LABEL.search(masked, label.start(), label.end()):
            spans.append((start, end))  # "Base scenario (3x): a $400K grant becomes $1.2M"
            continue
        if block.quoted:
            first = _FIRST_WORD.match(masked, body, end)
            if first and first.group(1).casefold().replace("\u2019", "'") in SCRIPT_OPENERS:
                spans.append((start, end))
                continue
        if (
            ("+" in masked[start:end] and _SUM.search(masked, start, end))
            or ("plus" in masked[start:end] and _WORD_SUM.search(masked, start, end))
            or ("example" in masked[start:end] and _EXAMPLE_REFERENCE.search(masked, start, end))
        ):
            spans.append((start, end))
            continue
        bounds = [start, *clause_breaks(masked, start, end), end]
        # the clauses again, the first opening after the label: "**Offer Lever:** If ..."
        opened = [body, *(b for b in bounds[1:] if b > body)] if label else bounds
        supposed = list(_suppositions(masked, bounds))
        if label and not supposed:
            supposed = list(_suppositions(masked, opened))
        spans.extend(supposed)
        spans.extend(
            (clause, clause_end)
            for clause, clause_end in itertools.pairwise(opened)
            if _GENERIC_CASE.match(masked, clause, clause_end)
        )
        spans.extend(_norms(masked, bounds))
        spans.extend(m.span("to") for m in _TRAJECTORY.finditer(masked, start, end))
        spans.extend(m.span() for m in _CONTRAST.finditer(masked, start, end))
        spans.extend(_scenarios(masked, bounds, supposing=bool(supposed)))
        if projecting:
            spans.extend(projections(masked, bounds))
        # A sentence right after an ask that opens on a place and an amount goes on with
        # it: "In Toronto, CAD 182K and CAD 125K."
        asking = asked and _PLACED_AMOUNT.match(masked, start, bounds[1]) is not None
        for clause, clause_end in itertools.pairwise(bounds):
            after_break = masked[clause - 1] == ";" or after_dash(masked, clause)
            continues = asking and (
                _ASK_CONTINUATION.match(masked, clause)
                or _PLACED_AMOUNT.match(masked, clause, clause_end)
                or (masked[clause - 1] == ";" and _FIGURE_FIRST.match(masked, clause))
                or (after_break and _AMOUNT_FIRST.match(masked, clause))  # "— €98K is ..."
                or _THRESHOLD_SUBJECT.match(masked, clause, clause_end)
            )
            ask = (clause, clause) if continues else _ask_span(masked, clause, clause_end)
            if ask is None and label is not None and clause == start:
                # after a label: "Scope: Pitch yourself as the ..."
                ask = _ask_span(masked, body, clause_end)
            if ask is None:
                targets = instruction_targets(masked, clause, clause_end)
                # an ask or instruction after ", so" / ", then": "..., so open at $215K"
                ask = _after_consequence(_ask_span, masked, clause, clause_end)
                if ask is None and not targets:
                    targets = (
                        _after_consequence(instruction_targets, masked, clause, clause_end) or []
                    )
                if ask is None and (targets or opens_instruction(masked, clause, clause_end)):
                    # an ask joined to an instruction: "Anchor to the 85th percentile
                    # and lead with the argument that ..."
                    ask = _after_consequence(_ask_span, masked, clause, clause_end, JOINT)
                spans.extend(targets)
                asking = bool(targets) or ask is not None
                if ask is None:
                    continue
            asking = True
            # "Counter below $215K by citing the $2.8B target": the reason is a claim;
            # words before the ask ("If capped due to budget, push for") lead to it.
            reason = REASON.search(masked, ask[1], clause_end)
            stop = reason.start() if reason else clause_end
            stated = stated_after_colon(masked, ask[1], stop)
            spans.append((ask[0], stop if stated is None else stated))
        spans.extend(
            (found.start(), found.end()) for found in _OWN_OFFER.finditer(masked, start, end)
        )
        if voiced:
            spans.extend(_reader_voice(masked, bounds))
    return merged(spans)


def _reader_voice(masked: str, bounds: list[int]) -> Iterator[tuple[int, int]]:
    """The clauses, or the rest of a clause after its colon, in the reader's own voice."""
    for clause, clause_end in itertools.pairwise(bounds):
        if after_dash(masked, clause) and _VOICE_AT.match(masked, clause, clause_end):
            yield clause, clause_end
            continue
        found = _VOICE_AFTER_COLON.search(masked, clause, clause_end)
        if found is not None:
            yield found.start(), clause_end


# A lead-in that introduces the reader's asks as a list: "negotiate these components:".
_LIST_ASK = Lazy(
    rf"(?i:\b(?:{alternation(WORDS['list_ask_leads'])})[ \t]{{1,4}}(?:these|the[ \t]{{1,4}}following)\b)"
)


def asks_for_list(lead: Block) -> bool:
    """Whether the paragraph ``lead``, ending on a colon, introduces a list of asks."""
    if not lead.text.rstrip().endswith(":"):
        return False  # read first: most paragraphs end otherwise, and their sentences wait
    sentences = lead.sentences
    if not sentences:
        return False
    return _LIST_ASK.search(lead.masked, sentences[-1].start, sentences[-1].end) is not None


# A comma between digits separates thousands ("$240,000"); it does not end a clause.
_CLAUSE_COMMA = patterns.compile(r",(?!(?<=\d,)\d)")


# What a clause says pay should be is the guide's recommendation: "TPM pay should be
# 90-100% of IC pay", "TPMs should earn within 5-10% of that figure".
_NORM = patterns.compile(
    rf"(?i:\b(?:{alternation(WORDS['norm_modals'])})\s{{1,4}}(?:[a-z]{{1,20}}ly\s{{1,4}})?"
    rf"(?:{alternation(WORDS['norm_verbs'])})(?![\w-])(?!\s{{1,4}}[a-z]{{1,30}}ing\b))"
)


# Where growth the role is to bring aims: "scaling from 1,000 to 100,000 customers", "the
# systems that scale from 40M to 100M+ users".  The figure after "from" is today's and
# still claims; a past form ("grew from $1B to $2B") reports both.
_TRAJECTORY = patterns.compile(
    rf"(?i:\b(?:{alternation(WORDS['trajectory_verbs'])})\b(?:[ \t]{{1,4}}[\w-]{{1,30}}){{0,3}}?"
    r"[ \t]{1,4}from[ \t]{1,4}[^\s;]{1,30}(?:[ \t]{1,4}[a-z][\w-]{0,30})?[ \t]{1,4}to[ \t]{1,4}"
    r"(?P<to>[^\s;]{1,30}(?:[ \t]{1,4}to[ \t]{1,4}[^\s;]{1,30})?))"
)

# A contrast with a supposed case: "... different from managing products for a $2B fund".
_CONTRAST = Lazy(
    rf"(?i:\b(?:{alternation(WORDS['contrast_leads'])})[ \t]{{1,4}}[a-z]{{2,30}}ing\b[^,;.:!?\n]{{0,100}})"
)


def _norms(masked: str, bounds: list[int]) -> Iterator[tuple[int, int]]:
    """From a clause's modal of recommendation to the clause's end, or to a bracket
    (a figure in brackets glosses a name: "benchmark against Stripe ($450K TC)")."""
    for clause, clause_end in itertools.pairwise(bounds):
        found = _NORM.search(masked, clause, clause_end)
        if found is not None:
            bracket = masked.find("(", found.end(), clause_end)
            yield found.start(), clause_end if bracket < 0 else bracket


def _suppositions(masked: str, bounds: list[int]) -> Iterator[tuple[int, int]]:
    """Clauses that suppose ("if you hold a $200K offer", "when a bank weighs a $5M+
    deal"), at a clause's start or after a comma, up to the next comma; the whole
    sentence when it opens on a word of supposing alone ("Suppose the grant is $160K:
    that is 4,000 shares"); after "if" the rest of the sentence may state ("If you
    join, you work on the largest dataset in retail")."""
    supposing = _HYPOTHETICAL.match(masked, bounds[0], bounds[-1])
    if supposing is not None and " ".join(supposing.group(0).split()).casefold() in _WHOLE:
        yield bounds[0], bounds[-1]
        return
    for clause, clause_end in itertools.pairwise(bounds):
        opening = clause
        while opening < clause_end:
            found = _CLAUSE_COMMA.search(masked, opening, clause_end)
            stop = clause_end if found is None else found.start()
            if _HYPOTHETICAL.match(masked, opening, stop):
                yield opening, stop
            opening = stop + 1


# A clause after a dash that sums the example up in apposition: "... — a 2-3x return".
_APPOSITION = patterns.compile(rf"\s{{0,8}}+(?i:{alternation(WORDS['apposition_leads'])})\b")


def _scenarios(masked: str, bounds: list[int], *, supposing: bool) -> Iterator[tuple[int, int]]:
    """From a worked example's sized subject ("a $300K option grant could be worth
    ...") to the end of its clause, and of the appositions after it.  A verb that
    totals takes a subject of pay only, unless the sentence supposes: under "if the
    stock falls 30%", "a $140K grant is worth $98K" works the supposition out."""
    clauses = list(itertools.pairwise(bounds))
    index = 0
    while index < len(clauses):
        clause, clause_end = clauses[index]
        index += 1
        found = next(
            (
                scenario
                for scenario in _SCENARIO.finditer(masked, clause, clause_end)
                if not scenario.group("totals")
                or supposing
                or not _WORKED_PAY.isdisjoint(WORD.findall(scenario.group("subject").casefold()))
            ),
            None,
        )
        if found is None:
            continue
        while index < len(clauses):  # the appositions it takes in are not searched again
            following, following_end = clauses[index]
            if masked[following - 1] == ";" or not _APPOSITION.match(masked, following):
                break
            clause_end = following_end
            index += 1
        yield found.start(), clause_end


def _ask_span(masked: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the proposal of the clause ``start:end`` starts and its ask ends, or None
    when it does not ask."""
    found = (
        _ASK.match(masked, start, end)
        or _COUNTER_FORECAST.match(masked, start, end)
        or _EMPLOYER_LINE.match(masked, start, end)
        or _PITCH.match(masked, start, end)
        or _RECORD.match(masked, start, end)
        or _COMPUTE.match(masked, start, end)
        or _ASK_SUBJECT.match(masked, start, end)
    )
    if found is not None:
        return start, found.end()
    label = LABEL.match(masked, start, end)
    if (
        label is not None
        and _ASK_LABEL.search(masked, label.start(), label.end())
        and _LABELLED_FIGURE.match(masked, label.end(), end)
    ):
        # "Signing bonus target: $25K-$40K", not "Bonus target: Acme pays 15%"
        return start, label.end()
    found = _ASK_AFTER_LEAD.match(masked, label.end() if label else start, end)
    if found is None:
        return None
    return (found.end("ins") if found.group("ins") else start), found.end()


_COPULA = patterns.compile(rf"(?i:\b(?:{alternation(WORDS['copulas'])})\s+$)")
_AFTER_PREDICATE = Lazy(r"[ \t]{0,8}(?:[.:;,!?\u2014\u2013]|$)")


# "10x Genomics": a multiplier followed by a capitalised word is part of a name.
# The words that say what a multiplier multiplies are written capitalised there ("10x Growth").
NAME_AFTER = Lazy(
    rf" (?!{alternation(w.capitalize() for w in WORDS['multiplier_heads'])}\b)"
    r"[A-Z][a-z]{2,}\b(?!['’])"
)


def predicative(masked: str, match: re.Match[str]) -> bool:
    """`The reason is twofold:` counts parts, not a multiplier."""
    before = masked[max(0, match.start() - 12) : match.start()]
    return bool(_COPULA.search(before)) and bool(_AFTER_PREDICATE.match(masked, match.end()))


# A modal before a magnitude in its clause makes it the size of a possibility:
# "an outage could affect millions of customers", "errors can cost hundreds of thousands".
_MODAL = patterns.compile(
    rf"(?i:(?<![\w'’])(?:{alternation(WORDS['possibility_modals'])})(?![\w'’]))"
)
_CLAUSE_END = Lazy(r"[.;:!?\u2014\u2013]")


_SCENARIO_MODAL = patterns.compile(
    rf"(?i:(?<![\w'’])(?:{alternation(WORDS['scenario_modals'])})(?![\w'’]))"
)


def possibility(masked: str, start: int, modal: re.Pattern[str] = _MODAL) -> bool:
    """Whether a modal verb in the clause before ``start`` makes a figure a possibility."""
    low = max(0, start - 80)
    stops = [m.end() for m in _CLAUSE_END.finditer(masked, low, start)]
    return modal.search(masked, stops[-1] if stops else low, start) is not None


def scenario(masked: str, start: int) -> bool:
    """Whether a modal of what would happen ("could multiply pay by 3-5x") comes before
    a multiplier in its clause."""
    return possibility(masked, start, _SCENARIO_MODAL)


# A bold label that opens a sentence ("**Negotiation DNA:** ...", "**$4.2B Valuation —
# Core AI Capability:** "...") names what follows, as a heading does.
_BOLD_LABEL = patterns.compile(r"[ \t]{0,8}(\*\*|__)(?=\S)[^\n*_]{1,120}?(?::\1|\1[ \t]*:)")


def bold_labels(block: Block) -> list[tuple[int, int]]:
    """The spans of bold labels that open the block's sentences."""
    text = block.text
    return [
        found.span()
        for sentence in block.sentences
        if (found := _BOLD_LABEL.match(text, sentence.start, sentence.end)) is not None
    ]


# A clause that opens on a threshold ("Below $240K base, ...") before an amount.
_THRESHOLD = Lazy(
    rf"(?i:(?:^|[.;:!?,(\u2014]|\b(?:if|anything|nothing))[ \t]{{0,3}}"
    rf"(?:{alternation(WORDS['threshold_words'])})[ \t]{{1,3}}$)"
)


def repeats_threshold(masked: str, claim: Claim, asked: set[Decimal]) -> bool:
    """Whether a clause opens on a threshold before ``claim`` and its amounts are the
    reader's own, ``asked`` for elsewhere in the block: "Walk-away floor: accept at
    $240K+ base. Below $240K base, the other offers are better"."""
    amounts = amounts_of(masked, claim)
    if not amounts or not asked.issuperset(amounts):
        return False
    return _THRESHOLD.search(masked, max(0, claim.start - 40), claim.start) is not None
