"""Typed spans: the figures, superlatives and attributions of a block, each with
its kind, before support decides which of them stand unbacked."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from guidelint import patterns
from guidelint.claims.arithmetic import amounts_of, worked_out
from guidelint.claims.attributions import (
    ARTICLES,
    NAMED_OBJECT,
    VAGUE,
    VAGUE_TRIGGERS,
    attributions,
    quoted_titles,
    vague_subject_counts,
)
from guidelint.claims.claim import LISTED, Claim
from guidelint.claims.context import (
    ASK_TRIGGERS,
    NAME_AFTER,
    QUOTES,
    bold_labels,
    possibility,
    predicative,
    proposals,
    repeats_threshold,
    scenario,
)
from guidelint.claims.facts import VESTING_WORDS, Facts, service_level, vesting_share
from guidelint.claims.instructions import instructs
from guidelint.claims.listing import (
    Sources,
    locate_name,
    names_nothing,
    read_sources,
    said_after,
)
from guidelint.claims.scopes import scoped_ranking
from guidelint.claims.superlatives import (
    SUFFIX_SUPERLATIVE,
    aim,
    aspiration,
    elliptic,
    excepted,
    own_selection,
    owner_start,
    participle,
    person_leader,
    phrase_at,
    possessive_superlative,
    ranks_advice,
    suffix_superlative,
    unplaced,
)
from guidelint.claims.support import (
    FACT,
    PAY,
    RANKING,
    Listed,
    OwnFigures,
    beyond_pay,
    count_kind,
    figure_kind,
    magnitude_kind,
    share_price,
    source_kinds,
)
from guidelint.claims.vocabulary import (
    DATA,
    WORD,
    WORDS,
    Family,
    alternation,
    present_words,
    word_class,
)
from guidelint.context import Context
from guidelint.document import Guide
from guidelint.figures import (
    COMPANY_COUNTS,
    COUNT,
    DIGIT,
    DIGIT_RATIO,
    FRACTION_WORDS,
    HEADCOUNT_NOUNS,
    MONEY,
    MULTIPLIER,
    MULTIPLIER_DIGITS,
    PERCENT,
    PERCENT_DIGITS,
    PERCENT_VALUE,
    RANGE_LOW,
    RATIO,
    approximate_counts,
    figure_values,
    fractions,
    headcounts,
    identifier,
    inside,
    is_year,
    merged,
    money_currency,
    money_values,
    multiplying,
    overlaps,
    range_low,
    ratios,
)
from guidelint.magnitudes import (
    MAGNITUDE,
    MAGNITUDE_WORDS,
    magnitude_band,
    measures_base,
    measures_money,
    measures_rate,
)
from guidelint.places import known_place
from guidelint.prose import Block, Prose
from guidelint.scan import Lazy

# Words after an amount that make it a difference: "$12K lower", "$28K under Chicago's".
_DIFFERENCE = Lazy(
    r"(?:[ \t]{1,4}[\w$\u20ac\u00a3\u00a5.,-]{1,20}){0,2}?[ \t]{1,4}"
    rf"(?i:{alternation(WORDS['difference_words'])})(?![\w-])"
)

_VAGUE_SUBJECTS = word_class("vague_subjects")
_MOST_FIGURES = 60  # figures of one sentence read (see Detector._figures)
_PAY_RANKINGS = tuple(WORDS["pay_rankings"])
_RANK_VERBS = word_class("rank_verbs")
_RANK_PLACE = Lazy(
    rf"(?i:\b(?:{alternation(WORDS['rank_verbs'])})(?:[ \t]{{1,4}}[\w'\u2019.&-]{{1,30}}){{0,4}}?"
    rf"[ \t]{{1,4}}(?:{alternation(DATA['rank_verbs']['places'])})(?![\w]))"
)


class Detector:
    """Finds the claims of each block of one guide; sources and figures are read only
    when a block needs them."""

    def __init__(
        self,
        guide: Guide,
        ctx: Context,
        prose: Prose,
        superlatives: Family,
        triggers: frozenset[str],
        symbols: dict[str, str],
        ignored: frozenset[str] = frozenset(),
    ) -> None:
        self.guide = guide
        # `ignore-superlatives`, which also silences an -est word ("fastest", "the fastest")
        self.ignored = ignored
        self.prose = prose
        self.superlatives = superlatives
        self.triggers = triggers
        self.money = OwnFigures(guide, ctx, symbols)
        self.magnitudes = ctx.settings.count_magnitudes
        self.symbols = symbols
        self._sources: Sources | None = None
        self._listed: Listed | None = None
        self._ranking_entries: list[frozenset[str]] | None = None  # see _ranked
        self._names: frozenset[str] | None = None  # see guide_names

    def guide_names(self) -> frozenset[str]:
        """The numbers with a letter that some block of the guide uses as a name, after
        an acronym ("NBA 2K"): read once per guide, when a block first holds one."""
        if self._names is None:
            self._names = frozenset(
                m.group(0)
                for block in self.prose.blocks
                if block.prose
                for m in COUNT.finditer(block.masked)
                if _NAMED.fullmatch(m.group(0)) and identifier(block.masked, m)
            )
        return self._names

    def lists_note(self, name: str) -> bool:
        """Whether the guide's data_sources or references list the document a source
        note names."""
        return self.sources.lists(name, note=True)

    @property
    def sources(self) -> Sources:
        if self._sources is None:
            self._sources = read_sources(self.guide, self.prose)
        return self._sources

    def claims(self, block: Block, *, asked: bool = False) -> list[Claim]:
        """The claims of ``block``; ``asked`` when it is an item of a list of the
        reader's asks (:func:`.context.asks_for_list`), whose first sentence proposes."""
        masked = block.masked
        lowered = masked.casefold()
        words = frozenset(WORD.findall(lowered))
        present = present_words(words, lowered, masked)
        found = [*self._attributions(block.text, masked, words, present)]
        has_digit = DIGIT.search(masked) is not None
        facts = Facts(block)
        # Numbers written as words need their keyword ("forty percent", "tenfold").
        worded = "cent" in lowered or multiplying(lowered, words) or ratios(lowered, words)
        own: list[tuple[int, list[Decimal]]] = []  # the guide's own amounts, where they stand
        figures = (
            self._figures(masked, lowered, words, facts, own, block.slot)
            if has_digit or worded
            else []
        )
        read = merged([(c.start, c.end) for c in figures])
        for match in approximate_counts(masked) if has_digit else ():
            start, end = match.span()
            number = match.start("n") if match.group("n") else match.start("m")
            if inside(number, read):
                continue  # "over 200 dollars": the amount is the figure already read
            if self._stated_in_sources("count", match, facts):
                continue  # an entry states "190+ countries"
            # "processes payouts to 190+ countries" counts countries
            figures.append(_figure_claim(match, count_kind(masked, start, end)))
        read = merged([(c.start, c.end) for c in figures])  # with the approximate counts
        # "operates in 38 countries", "employs 320 people", "ingests 3 petabytes"
        numbered = [w for w in words if w[:1].isdigit()] if has_digit else []  # "3pb"
        for scan, nouns, parts in COMPANY_COUNTS if has_digit else ():
            counted = not nouns.isdisjoint(words) or any(w.endswith(parts) for w in numbered)
            for match in scan.finditer(masked) if counted else ():
                start, end = match.start("n"), match.end()
                if not inside(start, read) and not self._stated_in_sources("count", match, facts):
                    figures.append(
                        Claim("GL501", start, end, " ".join(masked[start:end].split()), FACT)
                    )
        shares = "of" in words and not FRACTION_WORDS.isdisjoint(words)
        for match in fractions(masked) if shares else ():  # "two thirds of its revenue"
            start, end = match.span("f")
            text = " ".join(match.group("f").split())
            figures.append(Claim("GL501", start, end, text, figure_kind(masked, start, end)))
        people = has_digit and not HEADCOUNT_NOUNS.isdisjoint(words)
        for match in headcounts(masked) if people else ():
            if not inside(match.start(), read):  # "2-4 data engineers": a team's size
                figures.append(_figure_claim(match, FACT))
        # Magnitudes with a rate, of money or of a customer base ("billions of events a day",
        # "millions of developers") are read always; others ("thousands of hosts") with
        # count-magnitudes.
        counting = not MAGNITUDE_WORDS.isdisjoint(words)
        for match in MAGNITUDE.finditer(masked) if counting else ():
            start, end = match.span()
            money = measures_money(masked, start, end)
            if not (
                self.magnitudes or money or measures_rate(masked, end) or measures_base(masked, end)
            ):
                continue
            if inside(start, read) or match.group("hedge") or possibility(masked, start):
                continue  # "an outage could cost millions", "hundreds or thousands of sites"
            if not money and self._count_stated(match, facts):
                continue
            figures.append(_figure_claim(match, magnitude_kind(masked, start, end, money)))
        found += [
            c
            for c in self._superlatives(masked, words, present, block.slot)
            if not self._ranked(c, facts)
        ]
        # A bold label opening a sentence stands for a heading: nothing in it is claimed.
        labels = bold_labels(block) if "**" in block.text or "__" in block.text else []
        if labels:
            found = [c for c in found if c.code == LISTED or not inside(c.start, labels)]
            figures = [c for c in figures if not inside(c.start, labels)]
        if asked:
            first = block.sentences[0]
            figures = [c for c in figures if not first.start <= c.start < first.end]
        # Proposals (asks, scripts, worked examples) are looked for only where they
        # can be: in blockquotes, near quotations, and in blocks with an asking word.
        asking = (
            block.quoted
            or not ASK_TRIGGERS.isdisjoint(words)
            or " + " in masked  # a sum written out
            or QUOTES.search(block.text)
        )
        proposed: list[tuple[int, int]] = []
        if (figures or found) and (asking or instructs(block)):
            proposed = proposals(block)
            found = [c for c in found if c.code == LISTED or not inside(c.start, proposed)]
            # The reader's own amount stays the reader's where a clause opening on a
            # threshold repeats it: "Walk-away floor: accept at $240K+ base. Below $240K
            # base, the other offers are better" (threshold_words).
            asked_for = {
                v for c in figures if inside(c.start, proposed) for v in amounts_of(masked, c)
            }
            figures = [
                c
                for c in figures
                if not (asked_for and c.kind == PAY and repeats_threshold(masked, c, asked_for))
            ]
        if figures and (proposed or own):
            figures = worked_out(block, figures, proposed, own)
        return found + figures + self._named(block, found + figures)

    def _named(self, block: Block, claims: list[Claim]) -> list[Claim]:
        """A listed source named in a sentence with claims and no attribution
        ("the 4.3 Trustpilot rating", "Levels.fyi puts base at $210K") backs what it can."""
        slots: dict[int, bool] = {}
        for claim in claims:
            slot = block.slot(claim.start)
            attributed = claim.code in (LISTED, "GL504", "GL505")
            slots[slot] = slots.get(slot, False) or attributed
        named = []
        for slot, attributed in slots.items():
            if attributed:
                continue
            sentence = block.sentences[slot]
            name = self.sources.named_in(block.masked, sentence.start, sentence.end)
            if name is not None:
                backs = self.sources.kinds_of(name)
                named.append(Claim(LISTED, sentence.start, sentence.start, name, backs=backs))
        return named

    # -- attributions -----------------------------------------------------------------

    def _attributions(
        self, text: str, masked: str, words: frozenset[str], present: frozenset[str] | None
    ) -> list[Claim]:
        found: list[Claim] = []
        vague = None if VAGUE_TRIGGERS.isdisjoint(words) else VAGUE.scan(present)
        for match in vague.finditer(masked) if vague is not None else ():
            if match.group("n") and not NAMED_OBJECT.match(masked, match.end()):
                continue  # "Analysts call Acme the most advanced ...", not "Recruiters call you back"
            subject = next((g for g in ("s", "n", "d") if match.group(g)), "")
            if subject and not vague_subject_counts(masked, match.start(subject)):
                continue
            phrase = " ".join(match.group(0).split())
            naming = bool(match.group("n"))  # counts only beside a claim of its sentence
            found.append(Claim("GL505", match.start(), match.end(), phrase, needs_claim=naming))
        vague_spans = sorted((c.start, c.end) for c in found)
        group = 0
        for group, (offset, names, unnamed, needs_claim) in enumerate(
            attributions(masked, words, present), start=1
        ):
            if unnamed:
                found.append(Claim("GL505", offset, offset + len(names[0]), names[0]))
                continue
            cursor = offset
            for name in names:
                start, end = locate_name(masked, name, cursor) or (cursor, cursor + len(name))
                cursor = end
                if any(
                    vague <= start < stop or end <= vague <= end + 1 for vague, stop in vague_spans
                ):
                    continue  # "Recent surveys show": one unnamed authority, not a name
                if known_place(name) or names_nothing(name):
                    continue  # "Hays' Singapore salary guide", "Hays' FY2026/27 guide"
                if self.sources.lists(name):
                    # what the attribution says of its source: "People In AI's market report"
                    backs = self.sources.kinds_of(name, said_after(masked, end))
                    found.append(Claim(LISTED, start, end, name, backs=backs))
                else:  # "Wall Street expects": an authority no one can look up
                    code = "GL505" if name.casefold() in _VAGUE_SUBJECTS else "GL504"
                    found.append(
                        Claim(code, start, end, name, group=group, needs_claim=needs_claim)
                    )
        # a quoted report title before a verb of saying: '"Port Outlook 2026" expects ...'
        titled = enumerate(quoted_titles(text, masked), start=group + 1)
        for number, (start, end, title) in titled:
            if self.sources.lists(title):
                found.append(Claim(LISTED, start, end, title, backs=self.sources.kinds_of(title)))
            else:
                found.append(Claim("GL504", start, end, title, group=number, needs_claim=True))
        return found

    # -- figures ----------------------------------------------------------------------

    def _stated(self) -> Listed:
        """The figures the source list states, read when a figure first asks."""
        if self._listed is None:
            self._listed = Listed(self.sources.stating, self.symbols)
        return self._listed

    def _stated_in_sources(self, kind: str, match: re.Match[str], facts: Facts) -> bool:
        """Whether the source list states this figure, in an entry sharing a word with its sentence."""
        listed = self._stated()
        stated = figure_values(kind, match) if listed.stated else None  # "30-50%": both ends
        if not stated:
            return False
        currency = money_currency(match, self.symbols) if kind == "money" else None
        return listed.supports(kind, stated, currency, facts.words(match.start()))

    def _count_stated(self, match: re.Match[str], facts: Facts) -> bool:
        """Whether the source list states a count in a magnitude's band (its top left
        out), in an entry sharing a word with its sentence: "billions of consumers"
        restates an entry's "3.3B+ wallet connections" loosely."""
        least, most = magnitude_band(match.group(0))
        band = [((least + most - 1) / 2, most - 1 - least)]  # 10**9 is no "millions"
        listed = self._stated()
        return bool(listed.stated) and listed.supports(
            "count", band, None, facts.words(match.start())
        )

    def _ranked(self, claim: Claim, facts: Facts) -> bool:
        """Whether an entry that says where it comes from, of a kind that can back a
        ranking, states this one: it holds the ranking's words and shares one more with
        the sentence ("VCF has achieved market dominance in private cloud" and "VMware
        Cloud Foundation Market Dominance — Private Cloud — Gartner, 2025")."""
        if self._ranking_entries is None:
            self._ranking_entries = [
                frozenset(WORD.findall(text.casefold()))
                for text in self.sources.stating
                if RANKING in source_kinds(text)
            ]
        if not self._ranking_entries:
            return False
        own = frozenset(WORD.findall(claim.text.casefold())) - ARTICLES
        sentence = facts.words(claim.start)[0]
        return any(
            own <= entry and not (entry - own).isdisjoint(sentence)
            for entry in self._ranking_entries
        )

    def _figures(
        self,
        masked: str,
        lowered: str,
        words: frozenset[str],
        facts: Facts,
        own: list[tuple[int, list[Decimal]]],
        slot: Callable[[int], int],
    ) -> list[Claim]:
        """The figures of a block; the amounts the guide's own data backs go to ``own``.
        A sentence that already holds ``_MOST_FIGURES`` claimed figures is read no
        further: it reports one finding a code, and a run of thousands ("$1-$1-$1-...")
        is no prose."""
        found: list[Claim] = []
        claimed: dict[int, int] = {}  # figures claimed in each sentence

        def crowded(start: int) -> bool:
            return claimed.get(slot(start), 0) >= _MOST_FIGURES

        def add(
            match: re.Match[str], percent: bool = False, money: bool = False, count: bool = False
        ) -> None:
            start, end = match.span()
            if percent:  # "10–15%": the span is the whole range, not its last number
                low = RANGE_LOW.search(masked, max(0, start - 14), start)
                start = low.start() if low is not None else start
            text = " ".join(masked[start:end].split())
            # "the bonus plan covers 1,900 employees": a count of people, not pay
            kind = count_kind(masked, start, end) if count else figure_kind(masked, start, end)
            if money and kind == PAY and (beyond_pay(match, self.symbols) or share_price(match)):
                kind = FACT
            found.append(Claim("GL501", start, end, text, kind))
            at = slot(start)
            claimed[at] = claimed.get(at, 0) + 1

        money_spans: list[tuple[int, int]] = []
        for match in MONEY.finditer(masked):
            money_spans.append(match.span())
            if crowded(match.start()):
                continue
            components = facts.components(match.start())
            if self.money.backs(match, components):
                own.append((match.start(), money_values(match)))
            elif _DIFFERENCE.match(masked, match.end()) and self.money.differs(
                match, components, facts.memo("gaps", match.start(), self.money.gaps)
            ):
                continue  # "Remote US sits $12K to $16K lower": the table's own gap
            elif not self._stated_in_sources("money", match, facts):
                add(match, money=True)
        # The number-word branches need their keyword; without it, digits only.
        percent = PERCENT if "cent" in lowered else PERCENT_DIGITS
        worded = multiplying(lowered, words)
        multiplier = MULTIPLIER if worded else MULTIPLIER_DIGITS
        vesting = any(word in lowered for word in VESTING_WORDS)
        counts = list(COUNT.finditer(masked))
        # A number with a letter that a paragraph uses as a name ("NBA 2K") is a name
        # wherever it stands in that paragraph ("2K (Novato, Baltimore) makes NBA 2K"),
        # and in the rest of the guide where no word follows it ("Rockstar pays more
        # than 2K", not "450K daily users"); a plain number after capitals ("EMEA 4000")
        # is not spread.
        here = {
            m.group(0) for m in counts if identifier(masked, m) and _NAMED.fullmatch(m.group(0))
        }
        named = any(_NAMED.fullmatch(m.group(0)) for m in counts)
        names = self.guide_names() if named else frozenset()
        scans = [(percent, "percent"), (multiplier, "multiplier"), (COUNT, "count")]
        if ratios(lowered, words) or DIGIT_RATIO.search(masked) is not None:
            scans.append((RATIO, "ratio"))
        for scan, kind in scans:
            for match in counts if kind == "count" else scan.finditer(masked):
                if inside(match.start(), money_spans) or crowded(match.start()):
                    continue
                if kind == "count" and (
                    is_year(match)
                    or identifier(masked, match)
                    or match.group(0) in here
                    or (match.group(0) in names and not _WORD_AFTER.match(masked, match.end()))
                ):
                    continue
                if kind == "multiplier" and (
                    (match.groupdict().get("wf") and predicative(masked, match))
                    or NAME_AFTER.match(masked, match.end())
                    or scenario(masked, match.start())
                ):
                    continue
                if kind == "percent" and (
                    service_level(masked, match)
                    or self._percent_backed(match, facts)
                    or (vesting and vesting_share(masked, match, facts))
                ):
                    continue
                if kind in ("percent", "count") and self._stated_in_sources(kind, match, facts):
                    continue
                add(match, percent=kind == "percent", count=kind == "count")
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
        low = range_low(match)
        return low is None or low[0].normalize() in percents

    # -- superlatives -----------------------------------------------------------------

    def _superlatives(
        self,
        masked: str,
        words: frozenset[str],
        present: frozenset[str] | None,
        slot: Callable[[int], int],
    ) -> list[Claim]:
        found: list[Claim] = []
        matches: list[re.Match[str]] = []
        listed = None if self.triggers.isdisjoint(words) else self.superlatives.scan(present)
        if listed is not None:
            matches.extend(listed.finditer(masked))
        if "est" in masked:
            matches.extend(
                m
                for m in SUFFIX_SUPERLATIVE.finditer(masked)
                if suffix_superlative(masked, m)
                and m.group("sw").casefold() not in self.ignored
                and f"the {m.group('sw').casefold()}" not in self.ignored
            )
        taken: list[tuple[int, int]] = []
        advice = -1  # the sentence of the last superlative that ranks the reader's options
        for match in sorted(matches, key=lambda m: m.start()):
            start, end = match.span()
            if taken and start < taken[-1][1]:
                continue
            if ranks_advice(masked, start, end) or (
                advice == slot(start) and elliptic(masked, start, end)
            ):
                advice = slot(start)
                continue
            if (
                excepted(masked, start, end)
                or participle(masked, match)
                or scoped_ranking(masked, start, end)
                or person_leader(masked, start, end)
                or unplaced(masked, start, end)
                or (match.groupdict().get("pw") is None and aim(masked, start, end))
            ):
                continue
            if match.groupdict().get("pw") is not None:
                possessive = possessive_superlative(masked, match)
                if possessive is None:
                    continue
                start = end - len(possessive) if possessive != match.group(0) else start
            if masked[start] in "'\u2019":
                start = owner_start(masked, start)
            text, start, stop = phrase_at(masked, start, end)
            taken.append((start, end))
            if own_selection(masked, start, stop) or aspiration(masked, start):
                continue
            # A ranking of pay ("the best-paid", "the highest-paying") is what salary
            # data can back; other rankings need news or research.
            pay = any(rank in text.casefold() for rank in _PAY_RANKINGS)
            found.append(Claim("GL502", start, stop, text, PAY if pay else RANKING))
        # a place given by a verb of ranking: "ranks Acme first", "was rated #1"
        taken = merged(taken)
        for match in _RANK_PLACE.finditer(masked) if not _RANK_VERBS.isdisjoint(words) else ():
            if not overlaps(match.start(), match.end(), taken):
                text = " ".join(match.group(0).split())
                found.append(Claim("GL502", match.start(), match.end(), text, RANKING))
        return found


def _figure_claim(match: re.Match[str], kind: str) -> Claim:
    """A GL501 claim of a whole match, its text with runs of space made one."""
    return Claim("GL501", match.start(), match.end(), " ".join(match.group(0).split()), kind)


_NAMED = patterns.compile(r"\d{1,4}[A-Z]")  # "2K", "4D": a number written as a name
# A word after a number makes it a count of something ("450K daily users"), not a name.
_WORD_AFTER = patterns.compile(r"[ \t]{1,4}[A-Za-z]")
