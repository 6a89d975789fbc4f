"""GL507: figures a script states about third parties."""

from __future__ import annotations

from collections.abc import Iterator

from guidelint import patterns
from guidelint.claims.support import OwnFigures
from guidelint.claims.vocabulary import WORDS, alternation, word_class
from guidelint.context import Context
from guidelint.currencies import currency_symbols
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import Guide
from guidelint.figures import MONEY, PERCENT
from guidelint.prose import Block, extract

_QUOTATION = patterns.compile(r'"([^"\n]{1,2000})"|\u201c([^\u201c\u201d]{1,2000})\u201d')
_THIRD_PARTY = patterns.compile(
    r"(?<![\w])(?P<who>[A-Z][\w.&'\u2019-]{0,40}(?:\s+[A-Z][\w.&-]{0,40}){0,3})\s+"
    r"(?:(?:is|are|was|were|has|have|had|just)\s+){0,2}"
    rf"(?P<verb>{alternation(WORDS['offer_verbs'])})\b"
)
_CLAUSE_END = patterns.compile(r"[.;!?]\s|[.;!?]$")
_SPEAKERS = word_class("script_speakers")


def script_figures(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    if '"' not in guide.body and "\u201c" not in guide.body:
        return
    money = OwnFigures(guide, ctx, currency_symbols(ctx.settings.currency_symbols))
    for block in extract(guide).blocks:
        if not block.prose or ('"' not in block.text and "\u201c" not in block.text):
            continue
        for quotation in _QUOTATION.finditer(block.text):
            group = 1 if quotation.group(1) is not None else 2
            yield from _third_party_figures(
                money, block, quotation.start(group), quotation.end(group)
            )


def _third_party_figures(
    money: OwnFigures, block: Block, start: int, end: int
) -> Iterator[Diagnostic]:
    text = block.text
    for claim in _THIRD_PARTY.finditer(text, start, end):
        who = claim.group("who")
        if who.split()[0].casefold().replace("\u2019", "'").split("'")[0] in _SPEAKERS:
            continue
        stop = _CLAUSE_END.search(text, claim.end(), end)
        limit = stop.start() if stop else end
        for pattern in (MONEY, PERCENT):
            figure = pattern.search(text, claim.end(), limit)
            if figure is None or figure.start() > claim.end() + 80:
                continue  # none in the clause, or too far from the verb to be its object
            if pattern is MONEY and money.backs(figure):
                continue
            line, column = block.position(figure.start())
            statement = " ".join(text[claim.start() : figure.end()].split())
            yield problem(
                "GL507",
                line,
                column,
                f"script states `{statement}` as a fact about {who}: "
                "expected a placeholder or a cited source",
            )
