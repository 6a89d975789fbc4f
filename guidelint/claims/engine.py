"""The claims pipeline for one guide: citations, typed spans, context, support, verdicts.

Each prose block goes through the stages once: :mod:`.citations` says which
sentences a citation covers and for which kinds of claim; :mod:`.spans` finds the
block's claims (figures, superlatives, attributions), with the spans that
propose or script rather than state already left out (:mod:`.context`); what
is left unbacked becomes one finding per code and sentence, at the first
unbacked span, naming every unbacked span of that code.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from guidelint.claims.citations import check_markers, coverage, source_note, unlisted_notes
from guidelint.claims.claim import LISTED, Claim
from guidelint.claims.context import asks_for_list
from guidelint.claims.shown import whole_figures, whole_superlative
from guidelint.claims.spans import Detector
from guidelint.claims.superlatives import phrase_key, superlative_pattern, superlative_triggers
from guidelint.claims.support import ANY
from guidelint.context import Context
from guidelint.currencies import currency_symbols
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import Guide
from guidelint.prose import Block, extract

_MESSAGES = {
    "GL501": ("figure", "has no source: expected a citation marker, a link, or a listed source"),
    "GL502": ("superlative", "has no source: expected a citation marker or a link"),
    "GL504": ("attribution to", "is neither in data_sources nor in the references"),
    "GL505": ("vague attribution", "names no source: expected a named, cited source"),
}
_ORDER = ("GL505", "GL504", "GL501", "GL502")


def lint(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    if not guide.body.strip():
        return
    prose = extract(guide)
    problems, cited = check_markers(prose)
    yield from problems
    settings = ctx.settings
    words = (tuple(settings.extend_superlatives), tuple(settings.ignore_superlatives))
    detector = Detector(
        guide,
        ctx,
        prose,
        superlative_pattern(*words),
        superlative_triggers(*words),
        currency_symbols(settings.currency_symbols),
        frozenset(phrase_key(w) for w in settings.ignore_superlatives),
    )
    paragraph_scope = settings.citation_scope == "paragraph"
    asking_list = False  # the items read are under a lead-in that lists the reader's asks
    for index, block in enumerate(prose.blocks):
        if block.kind != "item":
            asking_list = block.kind == "paragraph" and asks_for_list(block)
        if not block.prose or not block.sentences:
            continue
        note = source_note(block)
        cover = coverage(block, cited.get(index, []), paragraph_scope, detector.lists_note, note)
        if all(kinds == ANY for kinds in cover):
            continue
        asked = asking_list and block.kind == "item"
        claims = detector.claims(block, asked=asked)
        claims += unlisted_notes(note, detector.sources.unlisted_party)
        yield from _verdicts(block, cover, claims)


def _verdicts(
    block: Block, cover: list[frozenset[str]], claims: list[Claim]
) -> Iterator[Diagnostic]:
    """One finding per code and sentence for the claims nothing backs.

    A citation in the sentence backs every claim in it; one closing the paragraph,
    or an attribution to a listed source in the sentence, backs the claims of the
    kinds its source can back.  An attribution (GL504, GL505) is reported beside
    the figures and superlatives of its sentence, which it does not back.
    """
    sentences = block.sentences
    starts = [s.start for s in sentences]
    by_slot: dict[int, list[Claim]] = {}
    for claim in claims:
        slot = bisect.bisect_right(starts, claim.start) - 1
        if slot >= 0 and claim.start < sentences[slot].end:
            by_slot.setdefault(slot, []).append(claim)
    for slot, found in sorted(by_slot.items()):
        backed = set(cover[slot])
        claiming = False
        for claim in found:
            if claim.code == LISTED:
                backed |= claim.backs
            claiming = claiming or claim.code in ("GL501", "GL502")
        unbacked: dict[str, list[Claim]] = {}
        for claim in sorted(found, key=lambda c: c.start):
            if claim.code == LISTED:
                continue
            if claim.code in ("GL504", "GL505"):
                if cover[slot] or (claim.needs_claim and not claiming):
                    continue
            elif claim.kind in backed:
                continue
            unbacked.setdefault(claim.code, []).append(claim)
        if "GL504" in unbacked:  # the names of the sentence's first unlisted attribution
            first = min(claim.group for claim in unbacked["GL504"])
            unbacked["GL504"] = [c for c in unbacked["GL504"] if c.group == first]
        for code in _ORDER:
            if code in unbacked:
                yield _finding(block, code, unbacked[code])


_SHOWN = 80  # characters of a claim's text a message quotes; its range holds all of it


def _shortened(text: str) -> str:
    """A claim's text as a message quotes it: a figure of thousands of digits is cut."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "\u2026"


def _finding(block: Block, code: str, claims: list[Claim]) -> Diagnostic:
    if code == "GL502":  # each superlative as far as the noun phrase it ranks
        claims = [whole_superlative(block.masked, claim) for claim in claims]
    elif code == "GL501":
        claims = whole_figures(block.masked, claims)
    first = claims[0]
    line, column = block.position(first.start)
    end_line, end_column = block.position(first.end)
    noun, verdict = _MESSAGES[code]
    texts = [_shortened(text) for text in dict.fromkeys(claim.text for claim in claims)]
    shown = f"`{texts[0]}`"
    if len(texts) == 2:
        shown += f" (and `{texts[1]}`)"
    elif len(texts) > 2:
        shown += f" (and `{texts[1]}`, {len(texts) - 2} more)"
    if code == "GL504":
        verdict = "which " + verdict
        return problem(
            code,
            line,
            column,
            f"{noun} {shown}, {verdict}",
            end_line=end_line,
            end_column=end_column,
        )
    return problem(
        code, line, column, f"{noun} {shown} {verdict}", end_line=end_line, end_column=end_column
    )
