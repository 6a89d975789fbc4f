"""The claims pipeline for one guide: spans, context, support, verdicts."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from guidelint.claims.attributions import (
    SOURCE_NOTE,
    VAGUE,
    VAGUE_TRIGGERS,
    attributions,
    vague_subject_counts,
)
from guidelint.claims.context import (
    ASK_TRIGGERS,
    NAME_AFTER,
    QUOTES,
    Facts,
    predicative,
    proposals,
    vesting_share,
)
from guidelint.claims.superlatives import (
    excepted,
    participle,
    possessive_superlative,
    ranks_advice,
    superlative_pattern,
    superlative_triggers,
)
from guidelint.claims.support import Listed, OwnFigures, Sources, read_sources
from guidelint.claims.vocabulary import TOKEN, WORD, Family, present_words
from guidelint.context import Context
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import Guide
from guidelint.figures import (
    COUNT,
    DIGIT,
    MONEY,
    MULTIPLIER,
    MULTIPLIER_DIGITS,
    PERCENT,
    PERCENT_DIGITS,
    PERCENT_VALUE,
    RANGE_LOW,
    figure_values,
    identifier,
    inside,
    is_year,
    money_currency,
)
from guidelint.money import currency_symbols
from guidelint.prose import Block, Prose, Sentence, extract


def lint(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    if not guide.body.strip():
        return
    prose = extract(guide)
    numbered = prose.numbered()
    footnotes = prose.footnotes()
    cited: set[tuple[str, str]] = set()
    resolved_spans: dict[int, list[int]] = {}
    for index, block in enumerate(prose.blocks):
        if block.kind == "reference":
            continue
        for marker in block.markers:
            table = footnotes if marker.kind == "footnote" else numbered
            missing = [key for key in marker.keys if key not in table]
            cited.update((marker.kind, key) for key in marker.keys)
            if len(missing) < len(marker.keys):
                resolved_spans.setdefault(index, []).append(marker.start)
            if missing:
                line, column = block.position(marker.start)
                end_line, end_column = block.position(marker.end)
                yield problem(
                    "GL503",
                    line,
                    column,
                    _unresolved_message(marker.kind, marker.text, missing, table),
                    end_line=end_line,
                    end_column=end_column,
                )
    # A body that cites no number at all numbers its source list only to list
    # it: the list is a bibliography of named sources, not numbered references.
    numbers_cited = any(kind == "number" for kind, _ in cited)
    for entry in prose.entries:
        if entry.kind == "number" and not numbers_cited:
            continue
        if entry.kind in ("number", "footnote") and (entry.kind, entry.key) not in cited:
            label = f"[^{entry.key}]" if entry.kind == "footnote" else f"[{entry.key}]"
            what = "footnote" if entry.kind == "footnote" else "reference"
            yield problem(
                "GL506",
                entry.line,
                entry.column,
                f"{what} {label} is never cited: expected a `{label}` marker in the text",
            )
    settings = ctx.settings
    words = (tuple(settings.extend_superlatives), tuple(settings.ignore_superlatives))
    run = _Run(
        guide,
        ctx,
        prose,
        superlative_pattern(*words),
        superlative_triggers(*words),
        currency_symbols(settings.currency_symbols),
    )
    paragraph_scope = settings.citation_scope == "paragraph"
    for index, block in enumerate(prose.blocks):
        if not block.prose or not block.sentences:
            continue
        sentences = block.sentences
        starts = [s.start for s in sentences]
        support = [False] * len(sentences)
        for offset in resolved_spans.get(index, ()):
            _mark(support, starts, offset)
        for start, end in block.links:
            _mark_range(support, sentences, starts, start, end)
        if paragraph_scope:
            _cover_earlier(support)
        if all(support):
            continue
        found = run.claims(block, starts, support, paragraph_scope)
        for slot, codes in enumerate(found):
            if not codes:
                continue
            sentence = sentences[slot]
            for code in _verdicts(codes):
                yield problem(
                    code,
                    sentence.line,
                    sentence.column,
                    _MESSAGES[code].format(codes[code]),
                    end_line=sentence.end_line,
                    end_column=sentence.end_column,
                )


class _Run:
    """Claim detection for one guide; sources and figures are read only when needed."""

    def __init__(
        self,
        guide: Guide,
        ctx: Context,
        prose: Prose,
        superlatives: Family,
        triggers: frozenset[str],
        symbols: dict[str, str],
    ) -> None:
        self.guide = guide
        self.prose = prose
        self.superlatives = superlatives
        self.triggers = triggers
        self.money = OwnFigures(guide, ctx, symbols)
        self.symbols = symbols
        self._sources: Sources | None = None
        self._listed: Listed | None = None

    @property
    def sources(self) -> Sources:
        if self._sources is None:
            self._sources = read_sources(self.guide, self.prose)
        return self._sources

    def _stated_in_sources(self, kind: str, match: re.Match[str], facts: Facts) -> bool:
        """Whether the source list states this figure, in an entry sharing a word with its sentence."""
        if self._listed is None:
            self._listed = Listed(self.sources.stating, self.symbols)
        if not self._listed.stated:
            return False
        values = figure_values(kind, match)
        if not values:
            return False
        currency = money_currency(match, self.symbols) if kind == "money" else None
        return self._listed.supports(kind, values, currency, facts.words(match.start()))

    def claims(
        self, block: Block, starts: list[int], support: list[bool], paragraph_scope: bool = False
    ) -> list[dict[str, str]]:
        """For each sentence of ``block``, the first text found for each code.

        With ``paragraph_scope``, a source note ending the block ("(Sources: X; Y)")
        that names a listed source covers the sentences before it, as a marker would.
        """
        sentences = block.sentences
        found: list[dict[str, str]] = [{} for _ in sentences]
        masked = block.masked

        def note(offset: int, code: str, text: str) -> None:
            slot = bisect.bisect_right(starts, offset) - 1
            if slot >= 0 and not support[slot] and offset < sentences[slot].end:
                found[slot].setdefault(code, text)

        lowered = masked.casefold()
        words = frozenset(WORD.findall(lowered))
        present = present_words(words, lowered, masked)
        vague = None if VAGUE_TRIGGERS.isdisjoint(words) else VAGUE.scan(present)
        for match in vague.finditer(masked) if vague is not None else ():
            subject = "s" if match.group("s") else "d" if match.group("d") else ""
            if subject and not vague_subject_counts(masked, match.start(subject)):
                continue
            note(match.start(), "GL505", " ".join(match.group(0).split()))
        covered = 0  # sentences before this one are covered by a closing source note
        for offset, names, unnamed in attributions(masked, words, present):
            if unnamed:
                note(offset, "GL505", names[0])
                continue
            unlisted = [name for name in names if not self.sources.lists(name)]
            note(offset, "GL504" if unlisted else "listed", (unlisted or names)[0])
            if paragraph_scope and len(unlisted) < len(names) and offset >= starts[-1]:
                noted = SOURCE_NOTE.match(masked, starts[-1])
                if noted and noted.end() > offset:
                    covered = len(sentences) - 1
        money_spans: list[tuple[int, int]] = []
        has_digit = DIGIT.search(masked) is not None
        # Proposals are looked for only where they can be: in blockquotes, near
        # quotations, and in blocks with an asking word; then at the first figure.
        proposed: list[tuple[int, int]] | None = []
        if block.quoted or not ASK_TRIGGERS.isdisjoint(words) or QUOTES.search(block.text):
            proposed = None

        def figure(offset: int, text: str) -> None:
            nonlocal proposed
            if proposed is None:
                proposed = proposals(block)
            if not inside(offset, proposed):
                note(offset, "GL501", text)

        facts = Facts(masked, sentences, starts)
        for match in MONEY.finditer(masked) if has_digit else ():
            money_spans.append(match.span())
            components = facts.components(match.start())
            if not self.money.backs(match, components) and not self._stated_in_sources(
                "money", match, facts
            ):
                figure(match.start(), match.group(0).strip())
        # The number-word branches need their keyword; without it, digits only.
        percent = PERCENT if "cent" in lowered else PERCENT_DIGITS if has_digit else None
        multiplier = (
            MULTIPLIER
            if "fold" in lowered or "times" in lowered
            else MULTIPLIER_DIGITS
            if has_digit
            else None
        )
        scans = ((percent, "percent"), (multiplier, "multiplier"))
        vesting = "vest" in lowered or "cliff" in lowered
        for scan, kind in (*scans, (COUNT if has_digit else None, "count")):
            if scan is None:
                continue
            for match in scan.finditer(masked):
                if inside(match.start(), money_spans):
                    continue
                if kind == "count" and (is_year(match) or identifier(masked, match)):
                    continue
                if kind == "multiplier" and (
                    (match.groupdict().get("wf") and predicative(masked, match))
                    or NAME_AFTER.match(masked, match.end())
                ):
                    continue
                if kind == "percent" and (
                    self._percent_backed(match, facts)
                    or (vesting and vesting_share(masked, match, facts))
                ):
                    continue
                if kind != "multiplier" and self._stated_in_sources(kind, match, facts):
                    continue
                figure(match.start(), " ".join(match.group(0).split()))
        superlatives = None if self.triggers.isdisjoint(words) else self.superlatives.scan(present)
        for match in superlatives.finditer(masked) if superlatives is not None else ():
            if (
                excepted(masked, match.start(), match.end())
                or participle(masked, match)
                or ranks_advice(masked, match.start(), match.end())
            ):
                continue
            text = match.group(0)
            if match.groupdict().get("pw") is not None:
                possessive = possessive_superlative(masked, match)
                if possessive is None:
                    continue
                text = possessive
            text = " ".join(text.split())
            if text.casefold().endswith(("most", "best", "top")):
                following = TOKEN.search(masked, match.end(), match.end() + 40)
                word = following.group(0).strip(".,;:!?") if following else ""
                if word:
                    text += " " + word
            note(match.start(), "GL502", text)
        for slot in range(covered):
            found[slot].clear()
        for slot, codes in enumerate(found):
            if ("GL501" in codes or "GL502" in codes) and not codes.keys() & _ATTRIBUTED:
                sentence = sentences[slot]
                name = self.sources.named_in(masked, sentence.start, sentence.end)
                if name is not None:
                    codes["listed"] = name
        return found

    def _percent_backed(self, match: re.Match[str], facts: Facts) -> bool:
        """Whether a percentage (and the low end of its range) is a bonus percentage of
        the frontmatter or the table, in a sentence about bonuses: "bonus targets of
        10-25%" when they hold 10 and 25, not "a 10-25% premium"."""
        percents = self.money.percents
        if not percents:
            return False
        value = PERCENT_VALUE.match(match.group(0))
        if value is None or Decimal(value.group(0)).normalize() not in percents:
            return False
        if not facts.about_bonus(match.start()):
            return False
        masked = match.string
        low = RANGE_LOW.search(masked, max(0, match.start() - 12), match.start())
        return low is None or Decimal(low.group(1)).normalize() in percents


_ATTRIBUTED = frozenset(("GL504", "GL505", "listed"))


def _verdicts(codes: dict[str, str]) -> tuple[str, ...]:
    """GL505 > GL504 > (a listed source supports the rest) > GL501 and GL502.

    A figure and a superlative are two claims: a sentence holding both gets
    both codes; an attribution stands in for them.
    """
    if "GL505" in codes:
        return ("GL505",)
    if "GL504" in codes:
        return ("GL504",)
    if "listed" in codes:
        return ()
    return tuple(code for code in ("GL501", "GL502", "GL507") if code in codes)


def _cover_earlier(support: list[bool]) -> None:
    """A citation covers the uncited sentences before it in its paragraph."""
    last = max((slot for slot, cited in enumerate(support) if cited), default=-1)
    for slot in range(last):
        support[slot] = True


_MESSAGES = {
    "GL501": "figure `{}` has no source: expected a citation marker, a link, or a listed source",
    "GL502": "superlative `{}` has no source: expected a citation marker or a link",
    "GL504": "attribution to `{}`, which is neither in data_sources nor in the references",
    "GL505": "vague attribution `{}` names no source: expected a named, cited source",
}


def _unresolved_message(kind: str, text: str, missing: list[str], table: dict[str, Any]) -> str:
    if kind == "footnote":
        return f"footnote `{text}` has no definition: expected a line `[^{missing[0]}]: ...`"
    if not table:
        return f"citation `{text}` has no numbered references: expected a references list"
    keys = sorted(table, key=lambda k: int(k) if k.isdigit() else 0)
    listed = f"[{keys[0]}]" if len(keys) == 1 else f"[{keys[0]}]-[{keys[-1]}]"
    numbers = ", ".join(missing[:5])
    return f"citation `{text}` points at no reference ({numbers}): the references list has {listed}"


def _mark(support: list[bool], starts: list[int], offset: int) -> None:
    slot = bisect.bisect_right(starts, offset) - 1
    if slot >= 0:
        support[slot] = True


def _mark_range(
    support: list[bool], sentences: list[Sentence], starts: list[int], start: int, end: int
) -> None:
    slot = max(bisect.bisect_right(starts, start) - 1, 0)
    while slot < len(sentences) and sentences[slot].start < end:
        if sentences[slot].end > start:
            support[slot] = True
        slot += 1
