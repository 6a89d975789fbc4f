"""GL5xx: claims in the prose must carry a source a reader can check.

Prose comes from :mod:`guidelint.prose` (paragraphs and list items, split
into sentences, with quotations, code and link targets blanked out).  Each
sentence gets GL505, else GL504, else GL501 and GL502 (both when it holds a
figure and a superlative), at its first line and column; GL503 and GL506 are
about single markers and entries, GL507 (off by default) about scripts.
All patterns are compiled once at import and run once per block, so the
pass stays linear in the size of the guide.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any

from guidelint.context import Context
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import Guide
from guidelint.money import currency_symbols
from guidelint.prose import Block, Prose, Sentence, extract
from guidelint.registry import check, dedent, rule
from guidelint.resources import data_file
from guidelint.scan import FOLD_UNSAFE, Scan, chars, phrase_heads

_OPTIONS_SCOPE = ("citation-scope",)

CITATION_SCOPE_DOC = """\
With `citation-scope = "paragraph"` (the default), a resolving marker or a
link in a paragraph or list item also covers the uncited sentences before
it in that block, so one `[2]` at the end of a paragraph covers all of its
sentences; sentences after the last citation are not covered. A closing
source note that names a listed source ("(Sources: Levels.fyi; Blind)",
"Source: Glassdoor") counts as such a citation. Any other attribution to a
listed source supports only its own sentence. With `citation-scope =
"sentence"`, each sentence needs its own citation."""


def _with_citation_scope(what: str) -> str:
    """A claim rule's documentation followed by the note every claim rule shares."""
    return dedent(what) + "\n\n" + CITATION_SCOPE_DOC


rule(
    "GL501",
    "unsupported-figure",
    "warning",
    "a statistic in the prose has no citation, link or listed source",
    what=_with_citation_scope(
        """
        A sentence states a statistic without anything that backs it. Statistics are:

        - percentages: `47%`, `10 to 25 percent`, `5 percentage points`, and with
          the number in words: `forty percent`, `twenty-five per cent`;
        - amounts of money: `$50K`, `£148,000`, `$1.1 billion`, `$12T`, `CHF 150K`,
          `150,000 USD`, and ranges that share one unit (`$150-200K`, `$4-5B`),
          which are supported only when both ends are;
        - multipliers: `10x`, `2.5–3x`, `4-fold`, `3 times higher`, and in words:
          `tenfold`, `two-fold`, `a hundredfold`, `three times higher`;
        - counts with a magnitude: a number of 1,000 or more (`37,339 postings`),
          or a number with `thousand`/`million`/`billion` or `K`/`M`/`B`
          (`27 million`, `50K requests`, `4B+ wallets`; not a model's size:
          `a 70B model`, `Llama 3 405B`).

        Not statistics: years (`2026`), dates (`2026-02-23`), quarters (`Q4`),
        ordinals, version numbers (`3.11`), small counts in digits or words
        (`four rounds`, `4 years`, `forty engineers`), fractions in words
        (`half of the offers`), a count of parts (`the reason is twofold:`), a
        multiplier that begins a name (`10x Genomics`),
        a number naming a standard after an acronym (`ISO 20022`), a grant's
        share in a sentence about vesting (`25% per year`, `25% at year 1`,
        `a 25% cliff`) and numbered list markers.

        A sentence is supported by any of: a citation marker that resolves
        (`[3]`, `[1, 2]`, `[1-3]`, `[^note]`); an inline link, autolink or URL;
        an attribution to a source listed in `data_sources` or in the references
        section ("according to Glassdoor", "Levels.fyi data shows"); naming such a
        source: a `data_sources` name anywhere in the sentence, or a name from a
        bulleted source list before a source noun ("the 4.3 Trustpilot rating";
        not one that starts a compound: "TikTok data privacy", "market share").
        A figure equal to one of the guide's own frontmatter figures is supported
        wherever it appears, in any spelling of its currency (`$195K`, `$195,000`,
        `£148K`, `S$180K`, `CHF 120K`, `₹20L`, `₹40,00,000`) at the precision it is
        written with (`$195K` matches 195,000 and 195,400, not 196,000), and for the
        pay component the sentence names when it names one (base, stock, bonus,
        total, signing: "total comp of $255K" is not backed by a `base_high` of
        255000); so is a
        percentage equal to a bonus percentage (`bonus_pct`, `bonus_pct_high`) in a
        sentence about bonuses (bonus, target, variable, incentive, performance,
        payout), and a range of them (`10-25%` when both are bonus percentages;
        "a 10-15% premium" is not a bonus); figures the
        compensation table shows count too. A figure that an entry of the references
        section or of `data_sources` states is supported when the entry says where
        it comes from (a link, a year, a publisher before a dash, or a document such
        as an S-1 filing or an earnings call; a headline restating the claim supports
        nothing) and the sentence shares a word with that entry besides the figure,
        or the start of one ("fund" and "Fundraise"): "the $15B fund" and "a16z
        $15B Fundraise (TechCrunch, 2026)". The
        entry must state it at the sentence's precision (`$1B` matches an entry's
        `$1.2B`, `$1.25B` does not), and a range needs both ends.

        Proposals are not claims, and their figures are not checked:

        - text inside quotation marks, a script for the reader, also when it runs
          on over the lines and list items of one blockquote;
        - a clause that asks, with imperative ask wording at its start, after a
          label or a leading phrase: "Open at $185K", "Anchor at ...", "Push for
          ...", "Push equity 20% higher", "Accept at ...", "Accept if ...", "Do not
          accept below ...", "For London, target ...", "If they counter at $190K,
          negotiate for ...", "If the offer is $182K, counter by ...", "Reference a
          competing offer at $240K" (competing offers in the plural, at a market
          range, are claims), "Your accept-at floor should be ...", a label ending
          in an ask word ("Target: ...", "Signing bonus target: ...", "Walk-away
          floor: ...", "Stretch: ..."); the employer's expected counter
          ("Acme will counter at $160K") is part of the script; the clause ends at
          `;` or a dash (not one between two figures, `$185K–$200K`), so "Push
          for a refresh — revenue grew 27%" still reports
          the growth; a clause after `;` that only lists more figures, or after a
          dash that totals the ask ("— bringing first-year pay to $238K"),
          continues the ask, and the ask's reason ("by citing the 40% growth",
          "because ...") is checked again;
        - the reader's own offer ("your competing offer at $230K");
        - a label introducing a quotation ("Equity lever, 20% premium: "...");
        - a worked example under a label that says so ("Base scenario (3x): a
          $400K grant becomes $1.2M", "Hypothetical: ...");
        - in a blockquote, a line in the first person ("I'm targeting $200K").

        GL507 (off by default) checks figures a script states about third parties.
        Tables, headings, code, HTML comments and the references section are not checked;
        nor is a bold line not ending in punctuation that stands alone or opens a
        paragraph (`**HPC Premium: $420K+ Top 10%**`): it stands for a heading.
        """
    ),
    why="""
        Readers negotiate with these numbers. A figure without a source cannot be
        told apart from one that was invented, and one wrong figure costs the
        reader's trust in every other one.
        """,
    example="""
        ```markdown
        Offers for this role rose 12% last year.          <- GL501
        Offers for this role rose 12% last year [2].      <- supported by reference 2
        Levels.fyi puts the median at $210K.              <- supported when Levels.fyi is listed
        The London base starts at £148K.                  <- supported by the frontmatter's 148000
        "I need $250K base," you say.                     <- a script: not checked
        > Open at $250K base; accept at $230K.            <- proposals: not checked
        ```
        """,
    fix="""
        Add a citation marker pointing at a numbered reference (`[2]`), a footnote,
        or a link to the source; or name a source that `data_sources` lists; or
        remove the figure. A figure checked by hand can be suppressed on its line
        with a reason.
        """,
    options=_OPTIONS_SCOPE,
)
rule(
    "GL502",
    "unsupported-superlative",
    "warning",
    "superlative or peacock wording without a source",
    what=_with_citation_scope(
        """
        A sentence praises or ranks without a source: "the highest", "one of the
        most", "among the best", "leading", "leader", "#1", "number one",
        "world-class", "fastest", "largest", "unmatched", "best-in-class", a
        comparison with everyone ("than any other", "than virtually any", "dwarfs
        every other") and the other words of the built-in list. Every entry written with "the" also
        counts after a possessive: "the industry's most demanding", "Anyscale's
        highest", "its best"; but a hyphenated compound after an owner that is
        not a scope ("Acme's highest-value deals", "its largest-margin product")
        picks the owner's own items and is not counted, while "the world's
        highest-paying" or "the industry's fastest-growing" is. A sentence with
        both a superlative and an unsupported figure gets GL502 and GL501.
        Common advice wording is not counted:
        "leading a team", "thought leader", "the best way to", "the most recent"
        (also "the company's most recent"), "the most senior" (a level, not a
        ranking), "the top of the band", "their best offer", "at its best";
        "leading" as a verb, after a plural noun, a comma or "while"
        ("managers leading platform teams"); a superlative whose noun, within
        three words, is the reader's own option or advice ("the strongest lever",
        "the most natural fit", "the most important thing", "the strongest
        negotiation position", "you are the strongest candidate", but not "the
        strongest market position"); "their most
        ..." and "at the highest stakes"; nor are "most of", "at most",
        "mostly", "most people", or contractions such as "it's best to". Supported
        sentences (a resolving marker, a link, or an attribution to a listed source)
        are not reported, nor are headings and bold lines standing for one.
        """
    ),
    why="""
        Praise reads as fact. "The highest-paying role in AI" is a claim a reader
        may repeat to a recruiter; without a source it is marketing, not evidence.
        """,
    example="""
        ```markdown
        This is one of the most demanding roles in the industry.        <- GL502
        Levels.fyi ranks it among the best-paid roles in the field [1]. <- supported
        ```
        """,
    fix="""
        Cite the ranking's source, or say what is measurably true instead
        ("the base band is $20K above the company's median [1]").
        """,
    options=("extend-superlatives", "ignore-superlatives", "citation-scope"),
)
rule(
    "GL503",
    "unresolved-citation",
    "error",
    "a citation marker points at no reference entry or footnote",
    what="""
        A marker `[3]`, `[1, 2]`, `[1-3]` or `[^id]` in the text (prose, tables or
        headings) has no matching entry: numbered markers resolve against the
        ordered list under the references heading (`Sources`, `References`,
        `Evidence & Sources`, `Notes`, ...), lines such as `[3] ...` or `3. ...`
        in that section, and `[3]: https://...` definitions; footnotes resolve
        against `[^id]: ...` definitions. Not markers: a bracket at the very start
        of a block (a label such as `[1] Training`), a link `[1](url)`,
        `[1]: ...` definitions, and anything in code or quotation marks.
        The diagnostic points at the marker; each unresolved marker is reported.
        """,
    why="A citation that leads nowhere looks sourced but is not, which is worse than none.",
    example="""
        ```markdown
        Offers rose 12% last year [4].   <- GL503 when the references list stops at 3

        #### Sources
        1. Levels.fyi ...
        2. Glassdoor ...
        3. Blind ...
        ```
        """,
    fix="Add the missing entry to the references list, or correct the marker's number.",
)
rule(
    "GL504",
    "unlisted-attribution",
    "warning",
    "a claim is attributed to a source that the guide does not list",
    what=_with_citation_scope(
        """
        A sentence attributes to a named source ("according to Gartner", "Glassdoor
        says", "LinkedIn's Emerging Jobs data identified", "the Bureau of Labor
        Statistics projects") that matches neither a `data_sources` entry nor an
        entry of the references section. Matching ignores case, possessives and
        words such as "research", "data" or "report": "Gartner's research" is
        Gartner; "Levels.fyi" matches an entry "Levels.fyi ML engineer track".
        Names may hold function words and start with a common word when a
        capitalised word follows: "People In AI's market report found", "Built In
        reports", "the Bureau of Labor Statistics' survey found". Other shapes:
        "Salary.com lands at $131,000", "X thinks it'll reach ...", "where X and Y
        diverge by $70K", "postings tracked by X", "compiled by X", and an item of a
        `|`-separated line ("... | Indeed reports $197K | ...").
        The references section includes a bulleted `Evidence & Sources`,
        `Sources` or `References` list: an attribution to a source it names is
        listed. GL504 stands in for GL501 and GL502 on its sentence.
        A group named only by its role is not a source: "data engineers say they
        prefer remote work" is neither GL504 nor GL505 (see GL505 for the
        authorities it counts). A sentence with a resolving marker or a link is
        not reported; when the same sentence also has a vague attribution, GL505
        is reported instead.
        """
    ),
    why="""
        Naming a source sounds authoritative, but a reader can only check it when
        the guide lists what exactly was read, and when.
        """,
    example="""
        ```markdown
        Roughly 87% of ML projects never ship, according to Gartner.   <- GL504
        ```
        """,
    fix="Add the source to `data_sources` or the references list and cite it, or drop the attribution.",
    options=_OPTIONS_SCOPE,
)
rule(
    "GL505",
    "vague-attribution",
    "warning",
    "a claim is attributed to an unnamed authority",
    what=_with_citation_scope(
        """
        A sentence leans on an authority it does not name, with no citation:
        "our data shows", "studies show", "research shows", "experts say",
        "it is widely believed", "recruiters report", "hiring managers say",
        "data suggests", "the data shows", "surveys show", "according to industry
        surveys", "according to recent studies". A named source right before the
        noun makes it specific ("Glassdoor's salary data shows" is GL504 or fine,
        not GL505); "this data shows" points at the guide's own figures, and "the
        data team says" is not an authority. Roles that are not authorities on
        the subject ("engineers say") are not counted.
        This code wins over every other claim code in the same sentence:
        "According to recent surveys, Gartner's numbers understate the rate" is
        GL505, not GL504.
        """
    ),
    why="An unnamed authority cannot be checked; it borrows credibility it has not shown.",
    example="""
        ```markdown
        Our data shows platform roles grew 47% year over year.   <- GL505
        ```
        """,
    fix="Name the source, list it, and cite it; or state the claim as the guide's own judgement.",
    options=_OPTIONS_SCOPE,
)
rule(
    "GL506",
    "unused-reference",
    "info",
    "a numbered reference or footnote that nothing cites",
    what="""
        An entry of the ordered references list, a `[n]: url` definition or a
        footnote definition `[^id]: ...` is never cited by a marker anywhere in
        the body. Bullet entries of the references section are named sources,
        not numbered references, and are not reported; so are the entries of
        an ordered list when the body cites no number at all (the list is
        numbered only to be listed).
        """,
    why="An uncited reference hides which claims it supports, and often means a marker was lost in an edit.",
    example="""
        ```markdown
        #### Sources
        1. Levels.fyi ...
        2. Glassdoor ...   <- GL506 when no [2] appears in the text
        ```
        """,
    fix="Cite the entry where its facts are used, or remove it.",
)

rule(
    "GL507",
    "script-third-party-figure",
    "info",
    "a script for the reader states a figure about a third party as fact",
    what="""
        Off by default. Scripts (text in quotation marks, and lines in the first
        person in a blockquote) are not claims: GL501 skips them. This rule looks
        inside quotations for the one kind of statement a reader repeats as a fact: a
        figure that a named third party offers or pays, such as "OpenAI is offering
        $248K" or "Google pays 20% more". The subject is a capitalised name (not
        "I", "we" or "you") followed by a paying verb (`offers`, `is offering`,
        `pays`, `paid`, `quoted`, `matched` ...), and the figure is money or a
        percentage in the same clause. Amounts equal to the guide's frontmatter
        figures are not reported. The finding points at the figure.
        """,
    why="""
        A reader who says "OpenAI is offering $248K" to a recruiter is quoting a
        fact; if the guide invented the number, the reader pays for it.
        Competing-offer lines are also where a reader should substitute their own
        figure, so the guide may prefer placeholders.
        """,
    example="""
        ```markdown
        Say: "OpenAI is offering $248K base, so I need you closer to that."   <- GL507
        Say: "I have a competing offer at $[X] base."                         <- fine
        Say: "I'd like $250K base."                                           <- fine
        ```
        """,
    fix="""
        Replace the figure with a placeholder the reader fills in (`$[X]`), cite
        where the figure comes from next to the script, or phrase it as the
        reader's own ask.
        """,
    options=(),
    opt_in=True,
)

# --- word lists and patterns, compiled once -------------------------------------------------

DATA: dict[str, Any] = data_file("claims.json")


def _words(key: str) -> frozenset[str]:
    return frozenset(str(word).casefold() for word in DATA[key])


def _phrases(phrases: Iterable[str]) -> str:
    """A fast, case-tolerant alternation: each phrase as written in lower case or
    with a capital first letter, behind a look-ahead on the possible first
    characters (so the engine skips most positions at once)."""
    parts = sorted({p.strip().casefold() for p in phrases if p.strip()}, key=len, reverse=True)
    firsts = sorted({ch for p in parts for ch in (p[0], p[0].upper())})
    alternatives = []
    for phrase in parts:
        rest = re.escape(phrase[1:]).replace(r"\ ", r"\s+")
        head = phrase[0]
        first = f"[{head}{head.upper()}]" if head.isalpha() else re.escape(head)
        alternatives.append(first + rest)
    lead = "".join(re.escape(ch) for ch in firsts)
    return f"(?=[{lead}])(?:{'|'.join(alternatives)})"


def _alternation(phrases: Iterable[str]) -> str:
    parts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# Money also takes Indian grouping (₹40,00,000) and lakh/crore units (₹20L, ₹1.2 crore).
_MONEY_NUMBER = r"(?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SYMBOLS = sorted(
    (s for s in data_file("currencies.json")["symbols"] if len(s) > 1 or not s.isalpha()),
    key=len,
    reverse=True,
)
_CODES = sorted(data_file("currencies.json")["codes"])
_CODE_SET = frozenset(_CODES)
_PREFIX = "|".join([*(re.escape(s) for s in _SYMBOLS), *(rf"{c}\s?" for c in _CODES)])
_UNIT_LETTERS = r"(?:[kKmMbB]|(?<=\d)T|bn|tn|mm|MM|mn|LPA|L|Cr)(?![\w])"
_UNIT_WORDS = r"(?:thousand|million|billion|trillion|lakhs?|crores?)\b"


def _amount(number: str, high: str, letters: str, words: str) -> str:
    """A money number, the high end of a range that shares its unit ("$150-200K",
    "$4-5B") and the unit, each in a named group."""
    return (
        rf"(?P<{number}>{_MONEY_NUMBER})"
        rf"(?:\s?[-–]\s?(?P<{high}>{_MONEY_NUMBER})(?=\s?{_UNIT_LETTERS}|\s{_UNIT_WORDS}))?\+?"
        rf"(?:\s?(?P<{letters}>{_UNIT_LETTERS})|\s(?P<{words}>{_UNIT_WORDS}))?"
    )


_MONEY = (
    rf"(?<![\w$£€¥₹])(?P<sym>{_PREFIX})\s?{_amount('a', 'h1', 'u1', 'w1')}"
    rf"|(?<![\w.,]){_amount('b', 'h2', 'u2', 'w2')}\s?"
    rf"(?P<code>{'|'.join(_CODES)}|(?i:dollars|pounds|euros))\b"
)
MONEY = Scan(_MONEY, chars(s[0] for s in [*_SYMBOLS, *_CODES]), digits=True)
# A number written as words, up to "one hundred": "forty", "twenty-five", "a hundred".
_BELOW_100 = (
    rf"(?:(?:{'|'.join(DATA['tens_words'])})(?:[-\s](?:{'|'.join(DATA['number_words'][1:10])}))?"
    rf"|{'|'.join(sorted(DATA['number_words'], key=len, reverse=True))})"
)
_NUMBER_WORDS = rf"(?:(?:one|a)[-\s]hundred|{_BELOW_100})"
_PERCENT_DIGITS = (
    rf"(?<![\w.]){_NUMBER}\s?(?:%|％|(?i:percent|per\s+cent|pct|percentage\s+points?)\b)"
)
# Where a number written as words can start ("forty", "a hundred", "thousandfold").
_WORD_FIRSTS = chars(
    [w[0] for w in (*DATA["number_words"], *DATA["tens_words"], "one", "a", "hundred", "thousand")],
    nocase=True,
)
PERCENT = Scan(
    rf"{_PERCENT_DIGITS}"
    rf"|(?i:(?<![\w-]){_NUMBER_WORDS}\s+(?:percent|per\s+cent|percentage\s+points?)\b)",
    _WORD_FIRSTS,
    digits=True,
)
_MULTIPLIER_DIGITS = r"(?<![\w.])\d+(?:\.\d+)?(?:\s?[-–—]\s?\d+(?:\.\d+)?)?(?:x|\s?×)(?![\w])"
MULTIPLIER = Scan(
    rf"{_MULTIPLIER_DIGITS}"
    r"|(?<![\w.])\d+(?:\.\d+)?[-\s]?fold\b"
    rf"|(?i:(?<![\w-])(?P<wf>{_NUMBER_WORDS}|hundred|thousand)[-\s]?fold\b)"
    rf"|(?:(?<![\w.])\d+(?:\.\d+)?|(?i:(?<![\w-])(?:{_NUMBER_WORDS})))\s+times\s+"
    r"(?:more|less|higher|lower|faster|slower|cheaper|larger|bigger|greater|as|the|over|what)\b",
    _WORD_FIRSTS,
    digits=True,
)
COUNT = Scan(
    r"(?<![\w.,$£€¥₹#/-])(?P<n>\d{1,3}(?:,\d{3})+|\d{4,})(?:\.\d+)?(?![\w%]|[.,]\d|[-/–]\d)"
    r"|(?<![\w.])\d+(?:\.\d+)?\+?\s?(?:thousand|million|billion|trillion)\b"
    r"|(?<![\w.$£€¥₹])\d+(?:\.\d+)?(?:[KkM]|bn)\+?(?![\w])"
    # "4B+ wallets", but not a model's size: "a 70B model", "Llama 3 405B", "Mistral 7B"
    r"|(?<![\w.$£€¥₹])(?<!\d\s)(?<![A-Z][a-z]\s)(?<![A-Z][a-z][a-z]\s)\d+(?:\.\d+)?B\+?(?![\w])"
    r"(?![-\s](?i:models?|param|params|parameters?|llms?)\b)",
    "",
    digits=True,
)
_DIGIT = re.compile(r"\d")
# The number-word branches can only match where their keyword occurs ("percent",
# "per cent" and "percentage" all hold "cent"); other blocks scan digits only.
_PERCENT_DIGITS_ONLY = Scan(_PERCENT_DIGITS, "", digits=True)
_MULTIPLIER_DIGITS_ONLY = Scan(_MULTIPLIER_DIGITS, "", digits=True)
_UNITS = {
    "k": Decimal(1000),
    "thousand": Decimal(1000),
    "m": Decimal(10**6),
    "mm": Decimal(10**6),
    "mn": Decimal(10**6),
    "million": Decimal(10**6),
    "b": Decimal(10**9),
    "bn": Decimal(10**9),
    "billion": Decimal(10**9),
    "t": Decimal(10**12),
    "tn": Decimal(10**12),
    "trillion": Decimal(10**12),
    "l": Decimal(10**5),
    "lpa": Decimal(10**5),
    "lakh": Decimal(10**5),
    "lakhs": Decimal(10**5),
    "cr": Decimal(10**7),
    "crore": Decimal(10**7),
    "crores": Decimal(10**7),
}

_VAGUE_VERBS = _alternation(DATA["vague_verbs"])
_ACCORDING_LEADS = (
    "according to", "as reported by", "as estimated by", "reported by", "estimated by",
    "tracked by", "compiled by", "published by", "collected by", "as per", "per", "data from",
    "figures from", "numbers from", "source:", "sources:",
)  # fmt: skip
_VERB_WORDS = sorted(set(DATA["attribution_verbs"]) | set(DATA["evidence_verbs"]))
_WORD = re.compile(r"[\w#]+")
_PLAIN_WORD = re.compile(r"\w+")


class _Family:
    """A pattern whose matches each hold every word of one of its phrases.

    ``scan(present)`` gives a :class:`Scan` that starts only at the first
    characters of the phrases whose words are all present in the block, or
    None when none is: the other phrases cannot match there.
    """

    def __init__(self, source: str, phrases: Iterable[tuple[str, str]]) -> None:
        self.source = source
        # (words of the phrase, characters a match of it may start with)
        self.entries = tuple(
            (frozenset(_PLAIN_WORD.findall(text.casefold())), found) for text, found in phrases
        )
        self.vocabulary = frozenset(word for words, _ in self.entries for word in words)
        self.whole = Scan(source, chars(found for _, found in self.entries))

    def scan(self, present: frozenset[str] | None) -> Scan | None:
        if present is None:
            return self.whole
        return self._narrowed(self.vocabulary & present)

    @lru_cache(maxsize=512)  # noqa: B019 - families live as long as the process
    def _narrowed(self, present: frozenset[str]) -> Scan | None:
        firsts = chars(found for words, found in self.entries if words <= present)
        return _scan_from(self.source, firsts) if firsts else None


@lru_cache(maxsize=256)
def _scan_from(source: str, firsts: str) -> Scan:
    return Scan(source, firsts)


def _present(words: frozenset[str], lowered: str, masked: str) -> frozenset[str] | None:
    """The block's words as ``\\w+`` reads them, for :meth:`_Family.scan`; None
    when the block holds a character whose folding moves word boundaries."""
    if FOLD_UNSAFE.search(masked) is not None:
        return None
    if "#" not in lowered:
        return words
    return words | {part for word in words if "#" in word for part in word.split("#") if part}


def _heads(phrases: Iterable[str]) -> list[tuple[str, str]]:
    """(phrase, its first characters) for phrases written by :func:`_phrases`."""
    return [(p, phrase_heads([p])) for p in phrases if str(p).strip()]


_VAGUE = _Family(
    rf"\b(?P<s>{_phrases(DATA['vague_subjects'])})"
    rf"(?:\s+(?!(?:{_VAGUE_VERBS})\b)[\w'’-]+){{0,3}}?\s+(?:{_VAGUE_VERBS})\b"
    rf"|\b{_phrases(DATA['vague_phrases'])}\b"
    rf"|\b(?P<d>{_phrases(DATA['vague_data_subjects'])})\s+"
    rf"(?:{_alternation(DATA['vague_data_verbs'])})\b(?!\s+up\b)",
    _heads([*DATA["vague_subjects"], *DATA["vague_phrases"], *DATA["vague_data_subjects"]]),
)
_ACCORDING = _Family(
    r"(?i:\b(?P<p>"
    + "|".join(r"\s+".join(map(re.escape, lead.split())) for lead in _ACCORDING_LEADS)
    + r")\s+)(?P<x>[^;:!?()\[\]\n]{1,160})",
    [(lead, chars(lead[0], nocase=True)) for lead in _ACCORDING_LEADS],
)
_VERB = _Family(
    rf"\b(?P<v>{_alternation(_VERB_WORDS)})\b",
    [(verb, verb.strip()[0]) for verb in _VERB_WORDS if verb.strip()],
)
# A closing note that names the paragraph's sources: "(Sources: X; Y)", "Source: X".
_SOURCE_NOTE = re.compile(r"[(\[]?\s*(?i:sources?)\s*:")


# Proposals: a clause that asks ("Open at $185K", "For London, push for £80K",
# "Accept-at floor: ...", "If they counter, negotiate for ...") offers the reader
# a number to say, not a fact.  A clause ends at ";", a dash, or the sentence.
_ASK_WORDS = _alternation(DATA["proposal_asks"])
_ASK = re.compile(
    rf"\s*(?:(?:then|and|also|so|but)\s+)?(?i:{_ASK_WORDS})(?![\w-])(?![^:;,.\n]{{0,40}}:\s)"
)
_ASK_AFTER_LEAD = re.compile(
    rf"\s*(?:(?:[^,;:\n]|,(?=\d)){{0,80}},\s+)?(?:(?:then|and|also|so|but)\s+)?(?i:{_ASK_WORDS})(?![\w-])"
)
_LABEL = re.compile(r"\s*[^:;.!?\n]{1,60}:\s")
# A label introducing a worked example: its figures illustrate, they do not report.
_EXAMPLE_LABEL = re.compile(rf"(?i:(?<![\w])(?:{_alternation(DATA['example_labels'])})(?![\w]))")
# A label naming what the reader asks for, whatever comes before that word.
_ASK_LABEL = re.compile(
    r"(?i:\b(?:target|floor|ask|anchor|stretch|counter(?:-?offer)?|walk-?away(?:\s+point)?))\s*:\s$"
)
# The employer's expected counter is part of the script: "Acme will counter at $160K".
_COUNTER_FORECAST = re.compile(
    r"\s*[^,;:.!?\n]{1,60}?\s(?i:will|would|may|might|could)"
    r"\s+(?i:likely\s+|probably\s+)?(?i:counter)(?![\w-])"
)
# Where an ask gives its reason, whose figures are claims again.
_ASK_REASON = re.compile(r"(?i:\s(?:by\s+citing|citing|because|since|due\s+to|based\s+on)\s)")
# The reader's own offer is theirs to state: "your competing Acme offer at $305K TC".
_OWN_OFFER = re.compile(
    r"(?i:\byour\s+(?:[\w&.-]+\s+){0,4}offers?(?:\s+(?:of|for)|\b"
    r"(?:(?!\sbut\s)[^.;:!?,$£€¥₹\d]){0,60}?\sat)\s+)[^\s,;]+(?:\s?[-–]\s?[^\s,;]+)?"
)
# A clause after a dash that only totals the ask: "... — bringing first-year pay to $238K".
_ASK_CONTINUATION = re.compile(rf"\s*(?i:{_alternation(DATA['ask_continuations'])})(?![\w-])")
# A dash between two figures writes a range ("$225,000–$260,000", "$175K — $228K"), not a break.
_CLAUSE_BREAK = re.compile(
    r";|(?<![\d%+])(?<!\d[KkMB])(?<![\d%+]\s)(?<!\d[KkMB]\s)[\u2014\u2013]"
    r"|[\u2014\u2013](?!\s?[$£€¥₹\d])"
    r"|(?<![\d%+])(?<!\d[KkMB])\s-\s|\s-\s(?![$£€¥₹\d])"
)
_ASK_TRIGGERS = frozenset(
    _WORD.findall(str(p).casefold())[0] for p in DATA["proposal_asks"] if _WORD.search(str(p))
) | frozenset(w for p in DATA["example_labels"] for w in _WORD.findall(str(p).casefold()))
SCRIPT_OPENERS = frozenset(str(w).casefold().replace("\u2019", "'") for w in DATA["script_openers"])
_QUOTES = re.compile('["\u201c]')
_FIRST_WORD = re.compile(r"\s*([\w'\u2019]+)")
_FIGURE_FIRST = re.compile(rf"\s*(?:{_PREFIX})?\s?\d")


def _last_words(*lists: Iterable[str]) -> frozenset[str]:
    """The last word of every phrase: a block holding none cannot match them."""
    return frozenset(
        _WORD.findall(str(p).casefold())[-1]
        for phrases in lists
        for p in phrases
        if _WORD.search(str(p))
    )


_VAGUE_TRIGGERS = _last_words(DATA["vague_verbs"], DATA["vague_phrases"], DATA["vague_data_verbs"])
_VERB_TRIGGERS = _last_words(DATA["attribution_verbs"], DATA["evidence_verbs"])
_TOKEN = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_CLAUSE = re.compile(r"[,;:()|\u2014\u2013]|\s-\s")
VAGUE_DETERMINERS = _words("vague_determiners")
VAGUE_WORDS = _words("vague_determiners") | frozenset(
    w for phrase in DATA["vague_subjects"] for w in str(phrase).casefold().split()
)
ATTRIBUTION_VERBS = _words("attribution_verbs")
EVIDENCE_VERBS = _words("evidence_verbs")
AMBIGUOUS_VERBS = _words("ambiguous_verbs")
COMPLEMENTS = _words("complement_words")
SOURCE_NOUNS = _words("source_nouns")
GENERIC = _words("generic_subjects")
OPENERS = _words("attribution_openers")
CONNECTORS = _words("connector_words")
_FILLERS = frozenset(
    [
        "the",
        "a",
        "an",
        "both",
        "either",
        "data",
        "figures",
        "numbers",
        "estimates",
        "research",
        "reports",
        "surveys",
        "from",
        "by",
        "recent",
        "latest",
    ]
)
# Common words that may precede a name without being part of it ("Most Blind threads").
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "all",
        "both",
        "each",
        "every",
        "many",
        "most",
        "some",
        "these",
        "those",
        "this",
        "that",
        "our",
        "their",
        "its",
        "his",
        "her",
        "my",
        "your",
        "the",
    ]
)
_WEAK_FIRST = frozenset(
    ["the", "national", "global", "american", "us", "uk", "new", "annual", "state"]
)


def _superlative_words(extend: tuple[str, ...], ignore: tuple[str, ...]) -> list[str]:
    dropped = {word.casefold().strip() for word in ignore}
    words = [w for w in DATA["superlatives"] if w.casefold() not in dropped]
    return words + [w for w in extend if w.casefold().strip() not in dropped]


@cache
def superlative_triggers(extend: tuple[str, ...], ignore: tuple[str, ...]) -> frozenset[str]:
    """The last word of every superlative phrase: a block holding none of them
    cannot match, so the (costly) superlative pattern is not run on it."""
    return _last_words(_superlative_words(extend, ignore))


@cache
def superlative_pattern(extend: tuple[str, ...], ignore: tuple[str, ...]) -> _Family:
    """The superlative word list adjusted by `extend-superlatives` / `ignore-superlatives`.

    Every entry written with "the" ("the most", "the best") also counts after a
    possessive ("the industry's most", "its best"); group ``pw`` marks that form.
    """
    words = _superlative_words(extend, ignore)
    if not words:
        return _Family(r"(?!x)x", [])
    rests = [" ".join(w.split()[1:]) for w in words if w.casefold().split()[0] == "the"]
    pattern = rf"(?<![\w#]){_phrases(words)}(?![\w])"
    phrases = _heads(words)
    if any(rests):
        owners = DATA["possessive_pronouns"]
        pattern += (
            rf"|(?:(?<=\w)['’]s|(?<=s)['’]|(?<![\w])(?i:{'|'.join(owners)}))"
            rf"\s+(?P<pw>{_phrases(rests)})(?![\w])"
        )
        starts = "'’" + chars((o[0] for o in owners), nocase=True)
        phrases += [(rest, starts) for rest in rests if rest.strip()]
    return _Family(pattern, phrases)


SUPERLATIVE_EXCEPTIONS = re.compile(
    rf"(?i:(?<![\w])(?:{_alternation(DATA['superlative_exceptions'])})(?![\w]))"
)
# The exceptions written with "the", without it, for the possessive form:
# "the company's most recent round" is as harmless as "the most recent round".
_BARE_EXCEPTIONS = re.compile(
    rf"(?i:(?:{_alternation(p.split(None, 1)[1] for p in DATA['superlative_exceptions'] if p.casefold().startswith('the '))})(?![\w]))"
)
_CONTRACTIONS = _words("possessive_contractions")
_OWNER = re.compile(r"[\w.&-]{1,40}$")
_COMPOUND = re.compile(r"-[^\W\d_]")
_SCOPES = _words("superlative_scopes")


def _possessive_superlative(masked: str, match: re.Match[str]) -> str | None:
    """The text of a possessive superlative ("industry's most"), or None when the
    "'s" is a contraction ("it's best to ...") or an exception follows."""
    if _BARE_EXCEPTIONS.match(masked, match.start("pw")):
        return None
    # "Vanta's highest-value deals" picks the owner's own top deals; "the
    # world's highest-paying employer" still ranks against everyone.
    compound = _COMPOUND.match(masked, match.end()) is not None
    if masked[match.start()] in "'’":
        owner = _OWNER.search(masked, max(0, match.start() - 40), match.start())
        if owner is None or owner.group(0).casefold() in _CONTRACTIONS:
            return None
        if compound and owner.group(0).casefold() not in _SCOPES:
            return None
        return masked[owner.start() : match.end()]
    if compound:
        return None
    return match.group(0)


# --- the check ------------------------------------------------------------------------------


@dataclass
class _Sources:
    """What attributions can match: data_sources and the references section, normalised."""

    texts: list[str]
    # First words of the sources' names, normalised: those of data_sources count
    # wherever they are named; those of the source list before a source noun
    # ("Trustpilot rating"), since a list names employers and products too.
    names: frozenset[str] = frozenset()
    publishers: frozenset[str] = frozenset()
    stating: tuple[str, ...] = ()  # entries with an origin, for the figures they state

    def named_in(self, masked: str, start: int, end: int) -> str | None:
        """The first listed source a stretch of text names, if any."""
        if not self.names and not self.publishers:
            return None
        previous = ""
        raw = [match.group(0) for match in _TOKEN.finditer(masked, start, end)]
        for index, written in enumerate(raw):
            token = written.strip(".,;:()[]!?\"'\u2019")
            stem = _possessive(token)
            word = _normalise(stem if stem is not None else token)
            if word in self.names and _is_name(token):
                return token
            if previous and word in SOURCE_NOUNS and not _compound(written, raw, index):
                return previous
            previous = token if word in self.publishers and _is_name(token) else ""
        return None

    def lists(self, name: str) -> bool:
        normal = _normalise(name)
        tokens = normal.split()
        if not tokens:
            return True
        padded_name = f" {normal} "
        for size in range(len(tokens), 0, -1):
            if size == 1 and (tokens[0] in _WEAK_FIRST or len(tokens[0]) < 3):
                break
            probe = " " + " ".join(tokens[:size]) + " "
            if any(probe in text for text in self.texts):
                return True
        return any(
            len(text.strip()) >= 3 and len(text.split()) <= 3 and text in padded_name
            for text in self.texts
        )


@lru_cache(maxsize=8192)
def _normalise(text: str) -> str:
    text = text.casefold().replace("\u2019", "'")
    text = re.sub(r"'s\b|s'(?=\s|$)", "", text)
    text = re.sub(r"[^a-z0-9.&+]+", " ", text)
    return " ".join(token.strip(".") for token in text.split() if token.strip("."))


def _sources(guide: Guide, prose: Prose) -> _Sources:
    texts: list[str] = []
    names: list[str] = []
    own: set[str] = set()
    # Texts whose figures count as sourced: entries that say where they come from.
    stating: list[str] = []
    if isinstance(guide.data, dict):
        listed = guide.data.get("data_sources")
        for item in listed if isinstance(listed, list) else [listed] if listed else []:
            if isinstance(item, dict):
                values = [str(v) for v in item.values() if isinstance(v, str)]
                texts.extend(values)
                if isinstance(item.get("name"), str):
                    names.append(item["name"])
                if any(item.get(key) for key in _ORIGIN_KEYS) or _ORIGIN.search(" ".join(values)):
                    stating.extend(values)
            elif isinstance(item, (str, int, float)):
                texts.append(str(item))
                names.append(str(item))
                if _ORIGIN.search(str(item)):
                    stating.append(str(item))
        for key in ("company", "company_display"):
            value = guide.data.get(key)
            if isinstance(value, str):
                own.update(_normalise(value.replace("-", " ")).split()[:1])
    lines = guide.lines
    for entry in prose.entries:
        texts.append(entry.text)
        written = lines[entry.line - 1] if 0 < entry.line <= len(lines) else entry.text
        if _ORIGIN.search(written):
            stating.append(entry.text)
    publishers = [_publisher(entry.text) for entry in prose.entries if entry.kind == "named"]
    return _Sources(
        [f" {_normalise(text)} " for text in texts if text],
        _first_words(names, own),
        _first_words(publishers, own),
        tuple(text for text in stating if text),
    )


# What makes an entry a source rather than a headline restating a claim: a link, a
# date, or the kind of document it is ("S-1 filing", "earnings call", "press release").
_ORIGIN = re.compile(
    r"https?://|www\.|\]\(|(?<!\d)(?:19|20)\d{2}(?!\d)"
    rf"|(?i:(?<![\w-])(?:{_alternation(DATA['document_words'])})(?![\w-]))"
    # a publisher first: "PitchBook — Tipalti valuation estimate"
    r"|\A[\s*+\-\d.)\[]*[A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*){0,3}\s*(?:—|–|--|:)\s"
)
_ORIGIN_KEYS = ("url", "link", "date", "date_accessed", "accessed", "published", "publisher")


_COMPOUND_HEADS = _words("compound_heads")


def _compound(written: str, tokens: list[str], index: int) -> bool:
    """Whether a source noun starts a compound ("TikTok data privacy", "market share")
    rather than naming a source ("TikTok data shows")."""
    if index + 1 >= len(tokens) or written[-1:] in ".,;:)]!?":
        return False
    return tokens[index + 1].strip(".,;:()[]!?\"'\u2019").casefold() in _COMPOUND_HEADS


def _first_words(names: Iterable[str], own: set[str]) -> frozenset[str]:
    """The distinctive first word of each name: not the guide's own company, nor a common word."""
    firsts = {_normalise(name).split(" ", 1)[0] for name in names if _normalise(name)}
    return frozenset(
        word
        for word in firsts
        if len(word) >= 3
        and word not in own
        and word not in _WEAK_FIRST
        and word not in GENERIC
        and word not in SOURCE_NOUNS
        and not word[:1].isdigit()
    )


_SEGMENTS = re.compile(r"\s[\u2014\u2013-]\s|[:(,;]")


def _publisher(entry: str) -> str:
    """Who an entry of a bulleted source list names: its first segment
    ("Trustpilot profile — 4.3 rating"), or the last of a titled entry
    ("[Market Report — Region — Gartner, 2025]")."""
    text = entry.strip()
    titled = text.startswith("[") or len(re.findall(r"\s[\u2014\u2013]\s", text)) >= 2
    text = text.strip("[]")
    if titled:
        text = re.split(r"\s[\u2014\u2013-]\s", text)[-1]
    return _SEGMENTS.split(text, 1)[0]


def _frontmatter_leaves(data: Any) -> Iterator[tuple[str | None, int | float, str | None]]:
    """(key, number, currency) for every number of the frontmatter: its mapping key
    (None inside a list) and the ``currency`` of the nearest mapping that has one."""
    stack: list[tuple[str | None, Any, str | None]] = [(None, data, None)]
    while stack:
        key, value, currency = stack.pop()
        if isinstance(value, dict):
            own = value.get("currency")
            here = own.upper() if isinstance(own, str) else currency
            stack.extend((str(k), item, here) for k, item in value.items())
        elif isinstance(value, list):
            stack.extend((None, item, currency) for item in value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            yield key, value, currency


_Amount = tuple[Decimal, "str | None", "str | None"]  # amount, currency, component


def _frontmatter_figures(data: Any) -> tuple[list[_Amount], frozenset[Decimal]]:
    """Every number of 1,000 or more in the frontmatter, with the currency of the
    mapping that holds it (its ``currency`` key) when there is one and the pay
    component its key names, sorted; and the bonus percentages (``bonus_pct`` ...)."""
    found: list[_Amount] = []
    percents: set[Decimal] = set()
    for key, value, currency in _frontmatter_leaves(data):
        if key is not None and _BONUS_PERCENT_KEY.match(key):
            percents.add(Decimal(str(value)).normalize())
        if not abs(value) >= 1000:  # also NaN; infinities are dropped below
            continue
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            continue
        if number.is_finite():  # a float of 1,000 or more stays so as text
            found.append((number, currency, _component(key)))
    found.sort(key=lambda pair: pair[0])
    return found, frozenset(percents)


# The pay components a field or a sentence names: "base_low", "RSU grants", "total comp".
_COMPONENT_WORDS = re.compile(
    r"(?i:\b(?:(?P<base>base|salary|salaries)|(?P<stock>stock|rsus?|equity|grants?|options"
    r"|refreshers?)|(?P<bonus>bonus(?:es)?)|(?P<total>total|tc)|(?P<signing>signing|sign-on))\b)"
)
_FIELD_COMPONENTS = {"base": "base", "stock": "stock", "equity": "stock", "rsu": "stock"}
_FIELD_COMPONENTS |= {"bonus": "bonus", "total": "total", "signing": "signing", "sign": "signing"}


def _component(key: str | None) -> str | None:
    """The component a frontmatter field holds: ``base_low`` -> base; None when it names none."""
    if not key:
        return None
    return _FIELD_COMPONENTS.get(key.casefold().replace("-", "_").split("_", 1)[0])


def _components(text: str, start: int, end: int) -> frozenset[str] | None:
    """The pay components a sentence names; None when it names none."""
    found = {m.lastgroup for m in _COMPONENT_WORDS.finditer(text, start, end) if m.lastgroup}
    return frozenset(found) or None


_BONUS_PERCENT_KEY = re.compile(r"(?i)bonus_?(?:target_?)?(?:pct|percent)")
_RANGE_LOW = re.compile(r"(\d+(?:\.\d+)?)\s?%?\s?(?:[-\u2013\u2014]|to)\s?$")
_PERCENT_VALUE = re.compile(r"\d+(?:\.\d+)?")
_WORD_CURRENCIES = {"dollars": "USD", "pounds": "GBP", "euros": "EUR"}


def _money_currency(match: re.Match[str], symbols: dict[str, str]) -> str | None:
    symbol = (match.group("sym") or match.group("code") or "").strip()
    if not symbol:
        return None
    if symbol in symbols:
        return symbols[symbol]
    return _WORD_CURRENCIES.get(symbol.casefold(), symbol.upper() if symbol.isalpha() else None)


def _money_amounts(match: re.Match[str]) -> list[tuple[Decimal, Decimal]] | None:
    """The amount (both ends of a range that shares its unit) and the displayed
    precision of each (half of it is the tolerance)."""
    amounts = []
    for digits in (match.group("a") or match.group("b"), match.group("h1") or match.group("h2")):
        if digits is not None:
            amount = _money_amount(match, digits)
            if amount is None:
                return None
            amounts.append(amount)
    return amounts


def _money_amount(match: re.Match[str], digits: str) -> tuple[Decimal, Decimal] | None:
    unit_text = match.group("u1") or match.group("w1") or match.group("u2") or match.group("w2")
    unit = _UNITS.get(unit_text.casefold(), Decimal(1)) if unit_text else Decimal(1)
    try:
        number = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    decimals = len(digits.partition(".")[2])
    return number * unit, unit * Decimal(1).scaleb(-decimals)


def _backed(
    amount: Decimal,
    step: Decimal,
    currency: str | None,
    figures: list[_Amount],
    components: frozenset[str] | None = None,
) -> bool:
    """Whether a figure of the guide rounds to ``amount`` at its displayed step, in its
    currency and, when the sentence names pay components, for one of them: "total
    comp of $295K" is not backed by a `stock_low` of 295000."""
    tolerance = step / 2
    index = bisect.bisect_left(figures, amount - tolerance, key=lambda pair: pair[0])
    while index < len(figures) and figures[index][0] <= amount + tolerance:
        _, other, component = figures[index]
        if (currency is None or other is None or other == currency) and (
            components is None or component is None or component in components
        ):
            return True
        index += 1
    return False


@check("GL501", "GL502", "GL503", "GL504", "GL505", "GL506", needs_frontmatter=False)
def check_claims(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
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


class _Figures:
    """The guide's own figures, read on first use: the frontmatter's amounts and bonus
    percentages, and what its compensation table shows (where the frontmatter has `null`)."""

    def __init__(self, guide: Guide, ctx: Context, symbols: dict[str, str]) -> None:
        self.guide = guide
        self.ctx = ctx
        self.symbols = symbols
        self._found: list[_Amount] | None = None
        self._percents: frozenset[Decimal] | None = None

    def _read(self) -> None:
        from guidelint.tables import table_figures

        data = self.guide.data
        found, percents = (
            _frontmatter_figures(data) if isinstance(data, dict) else ([], frozenset())
        )
        amounts, shown = table_figures(self.guide, self.ctx)
        table = [(amount, currency, _component(name)) for amount, currency, name in amounts]
        self._found = sorted([*found, *table], key=lambda pair: pair[0])
        self._percents = percents | shown

    @property
    def percents(self) -> frozenset[Decimal]:
        if self._percents is None:
            self._read()
        return self._percents  # type: ignore[return-value]

    def backs(self, match: re.Match[str], components: frozenset[str] | None = None) -> bool:
        """Whether a money match is one of the guide's own amounts, in any spelling,
        for one of the pay ``components`` its sentence names (any, when None)."""
        if self._found is None:
            self._read()
        if not self._found:
            return False
        amounts = _money_amounts(match)
        if amounts is None:
            return False
        currency = _money_currency(match, self.symbols)
        return all(_backed(*amount, currency, self._found, components) for amount in amounts)


# Words too common to tie a sentence to a source entry that states the same figure.
_COMMON_WORDS = _words("common_words")
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
_COUNT_VALUE = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\+?\s?(thousand|million|billion|trillion|bn|[KkMB])?"
)


# Units and currencies name no subject: "27 million wallets" and "27 million downloads".
_UNIT_NAMES = frozenset(_UNITS) | frozenset(code.casefold() for code in _CODES) | {"percent"}


def _content_words(text: str) -> frozenset[str]:
    return frozenset(_CONTENT_WORD.findall(text.casefold())) - _COMMON_WORDS - _UNIT_NAMES


def _figure_values(kind: str, match: re.Match[str]) -> list[tuple[Decimal, Decimal]] | None:
    """A percentage's or a count's value and displayed precision (money: `_money_amounts`)."""
    if kind == "money":
        return _money_amounts(match)
    text = match.group(0)
    found = (_PERCENT_VALUE if kind == "percent" else _COUNT_VALUE).search(text)
    if found is None:
        return None
    digits = found.group(1) if kind == "count" else found.group(0)
    unit = (
        _UNITS.get(found.group(2).casefold(), Decimal(1))
        if kind == "count" and found.group(2)
        else Decimal(1)
    )
    number = Decimal(digits.replace(",", ""))
    return [(number * unit, unit * Decimal(1).scaleb(-len(digits.partition(".")[2])))]


def _share_a_word(
    entry: frozenset[str], ordered: tuple[str, ...], sentence: frozenset[str]
) -> bool:
    """Whether a sentence and an entry share a word, or one word begins the other
    ("fund" and "Fundraise", "member" and "Members"; four letters at least).
    ``ordered`` is ``entry`` sorted: a prefix is looked up, not searched for."""
    if not entry.isdisjoint(sentence):
        return True
    for word in sentence:
        if len(word) < 4:
            continue
        index = bisect.bisect_left(ordered, word)
        if index < len(ordered) and ordered[index].startswith(word):
            return True  # an entry word begins with this one
        if any(word[:size] in entry for size in range(4, len(word))):
            return True  # an entry word begins this one
    return False


class _Listed:
    """The figures a guide's source list and data_sources state, with the words around them:
    "a16z $15B Fundraise (TechCrunch)" supports a sentence on "the $15B fundraise"."""

    def __init__(self, texts: Iterable[str], symbols: dict[str, str]) -> None:
        self.stated: list[tuple[str, Decimal, str | None, frozenset[str]]] = []
        self._groups: (
            dict[str, list[tuple[Decimal, str | None, frozenset[str], tuple[str, ...]]]] | None
        ) = None
        texts = [text for text in texts if _DIGIT.search(text) is not None]
        if not texts:
            return
        # One scan of every entry at once, each match then given to its entry.
        joined = "\n".join(texts)
        starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        words: dict[int, frozenset[str]] = {}

        def add(
            kind: str,
            match: re.Match[str],
            values: Iterable[tuple[Decimal, Decimal]],
            currency: str | None,
        ) -> None:
            index = bisect.bisect_right(starts, match.start()) - 1
            if index not in words:
                words[index] = _content_words(texts[index])
            for amount, _ in values:
                self.stated.append((kind, amount, currency, words[index]))

        spans: list[tuple[int, int]] = []
        for match in MONEY.finditer(joined):
            spans.append(match.span())
            add("money", match, _money_amounts(match) or (), _money_currency(match, symbols))
        for scan, kind in ((_PERCENT_DIGITS_ONLY, "percent"), (COUNT, "count")):
            for match in scan.finditer(joined):
                if _inside(match.start(), spans) or (kind == "count" and _is_year(match)):
                    continue
                add(kind, match, _figure_values(kind, match) or (), None)

    def supports(
        self,
        kind: str,
        values: list[tuple[Decimal, Decimal]],
        currency: str | None,
        words: frozenset[str],
    ) -> bool:
        """Whether every value is stated by an entry that shares a word with the sentence."""
        if self._groups is None:
            self._groups = self._group()
        stated = self._groups.get(kind, [])
        for amount, step in values:
            tolerance = step / 2
            index = bisect.bisect_left(stated, amount - tolerance, key=lambda group: group[0])
            while index < len(stated) and stated[index][0] <= amount + tolerance:
                _, listed, shared, ordered = stated[index]
                if (currency is None or listed is None or listed == currency) and _share_a_word(
                    shared, ordered, words
                ):
                    break
                index += 1
            else:
                return False
        return bool(values)

    def _group(
        self,
    ) -> dict[str, list[tuple[Decimal, str | None, frozenset[str], tuple[str, ...]]]]:
        """The stated figures by kind, one group per amount and currency with the words
        of all its entries, sorted by amount: a figure looks at its neighbours only."""
        merged: dict[tuple[str, Decimal, str | None], set[str]] = {}
        for kind, amount, currency, entry_words in self.stated:
            merged.setdefault((kind, amount, currency), set()).update(entry_words)
        groups: dict[str, list[tuple[Decimal, str | None, frozenset[str], tuple[str, ...]]]] = {}
        for (kind, amount, currency), shared in sorted(merged.items(), key=lambda item: item[0][1]):
            groups.setdefault(kind, []).append(
                (amount, currency, frozenset(shared), tuple(sorted(shared)))
            )
        return groups


class _Run:
    """Claim detection for one guide; sources and figures are read only when needed."""

    def __init__(
        self,
        guide: Guide,
        ctx: Context,
        prose: Prose,
        superlatives: _Family,
        triggers: frozenset[str],
        symbols: dict[str, str],
    ) -> None:
        self.guide = guide
        self.prose = prose
        self.superlatives = superlatives
        self.triggers = triggers
        self.money = _Figures(guide, ctx, symbols)
        self.symbols = symbols
        self._sources: _Sources | None = None
        self._listed: _Listed | None = None

    @property
    def sources(self) -> _Sources:
        if self._sources is None:
            self._sources = _sources(self.guide, self.prose)
        return self._sources

    def _stated_in_sources(self, kind: str, match: re.Match[str], facts: _Facts) -> bool:
        """Whether the source list states this figure, in an entry sharing a word with its sentence."""
        if self._listed is None:
            self._listed = _Listed(self.sources.stating, self.symbols)
        if not self._listed.stated:
            return False
        values = _figure_values(kind, match)
        if not values:
            return False
        currency = _money_currency(match, self.symbols) if kind == "money" else None
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
        words = frozenset(_WORD.findall(lowered))
        present = _present(words, lowered, masked)
        vague = None if _VAGUE_TRIGGERS.isdisjoint(words) else _VAGUE.scan(present)
        for match in vague.finditer(masked) if vague is not None else ():
            subject = "s" if match.group("s") else "d" if match.group("d") else ""
            if subject and not _vague_subject_counts(masked, match.start(subject)):
                continue
            note(match.start(), "GL505", " ".join(match.group(0).split()))
        covered = 0  # sentences before this one are covered by a closing source note
        for offset, names, unnamed in _attributions(masked, words, present):
            if unnamed:
                note(offset, "GL505", names[0])
                continue
            unlisted = [name for name in names if not self.sources.lists(name)]
            note(offset, "GL504" if unlisted else "listed", (unlisted or names)[0])
            if paragraph_scope and len(unlisted) < len(names) and offset >= starts[-1]:
                noted = _SOURCE_NOTE.match(masked, starts[-1])
                if noted and noted.end() > offset:
                    covered = len(sentences) - 1
        money_spans: list[tuple[int, int]] = []
        has_digit = _DIGIT.search(masked) is not None
        # Proposals are looked for only where they can be: in blockquotes, near
        # quotations, and in blocks with an asking word; then at the first figure.
        proposals: list[tuple[int, int]] | None = []
        if block.quoted or not _ASK_TRIGGERS.isdisjoint(words) or _QUOTES.search(block.text):
            proposals = None

        def figure(offset: int, text: str) -> None:
            nonlocal proposals
            if proposals is None:
                proposals = _proposals(block)
            if not _inside(offset, proposals):
                note(offset, "GL501", text)

        facts = _Facts(masked, sentences, starts)
        for match in MONEY.finditer(masked) if has_digit else ():
            money_spans.append(match.span())
            components = facts.components(match.start())
            if not self.money.backs(match, components) and not self._stated_in_sources(
                "money", match, facts
            ):
                figure(match.start(), match.group(0).strip())
        # The number-word branches need their keyword; without it, digits only.
        percent = PERCENT if "cent" in lowered else _PERCENT_DIGITS_ONLY if has_digit else None
        multiplier = (
            MULTIPLIER
            if "fold" in lowered or "times" in lowered
            else _MULTIPLIER_DIGITS_ONLY
            if has_digit
            else None
        )
        scans = ((percent, "percent"), (multiplier, "multiplier"))
        vesting = "vest" in lowered or "cliff" in lowered
        for scan, kind in (*scans, (COUNT if has_digit else None, "count")):
            if scan is None:
                continue
            for match in scan.finditer(masked):
                if _inside(match.start(), money_spans):
                    continue
                if kind == "count" and (_is_year(match) or _identifier(masked, match)):
                    continue
                if kind == "multiplier" and (
                    (match.groupdict().get("wf") and _predicative(masked, match))
                    or _NAME_AFTER.match(masked, match.end())
                ):
                    continue
                if kind == "percent" and (
                    self._percent_backed(match, facts)
                    or (vesting and _vesting_share(masked, match, facts))
                ):
                    continue
                if kind != "multiplier" and self._stated_in_sources(kind, match, facts):
                    continue
                figure(match.start(), " ".join(match.group(0).split()))
        superlatives = None if self.triggers.isdisjoint(words) else self.superlatives.scan(present)
        for match in superlatives.finditer(masked) if superlatives is not None else ():
            if (
                _excepted(masked, match.start(), match.end())
                or _participle(masked, match)
                or _advice(masked, match.start(), match.end())
            ):
                continue
            text = match.group(0)
            if match.groupdict().get("pw") is not None:
                possessive = _possessive_superlative(masked, match)
                if possessive is None:
                    continue
                text = possessive
            text = " ".join(text.split())
            if text.casefold().endswith(("most", "best", "top")):
                following = _TOKEN.search(masked, match.end(), match.end() + 40)
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

    def _percent_backed(self, match: re.Match[str], facts: _Facts) -> bool:
        """Whether a percentage (and the low end of its range) is a bonus percentage of
        the frontmatter or the table, in a sentence about bonuses: "bonus targets of
        10-25%" when they hold 10 and 25, not "a 10-25% premium"."""
        percents = self.money.percents
        if not percents:
            return False
        value = _PERCENT_VALUE.match(match.group(0))
        if value is None or Decimal(value.group(0)).normalize() not in percents:
            return False
        if not facts.about_bonus(match.start()):
            return False
        masked = match.string
        low = _RANGE_LOW.search(masked, max(0, match.start() - 12), match.start())
        return low is None or Decimal(low.group(1)).normalize() in percents


_BONUS_WORD = re.compile(r"(?i:bonus|target|variable|incentive|performance|payout)")


_ATTRIBUTED = frozenset(("GL504", "GL505", "listed"))


def _proposals(block: Block) -> list[tuple[int, int]]:
    """Spans of ``block`` that propose rather than state.

    - a clause that asks ("Open at ...", "For London, push for ...", "Accept-at
      floor: ..."), and a clause after ";" that only lists more figures for it;
    - a script's title: a label whose text is a quotation ("Equity lever: "...");
    - in a blockquote, a line the reader says ("I'm targeting ...").
    """
    masked = block.masked
    spans: list[tuple[int, int]] = []
    for sentence in block.sentences:
        start, end = sentence.start, sentence.end
        label = _LABEL.match(masked, start, end)
        body = label.end() if label else start
        if label and not any(ch.isalnum() for ch in masked[body:end]):
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
        bounds = [start, *(m.end() for m in _CLAUSE_BREAK.finditer(masked, start, end)), end]
        asking = False
        for clause, clause_end in itertools.pairwise(bounds):
            continues = asking and (
                _ASK_CONTINUATION.match(masked, clause)
                if masked[clause - 1] != ";"
                else _FIGURE_FIRST.match(masked, clause)
            )
            asking = bool(continues) or _asks(masked, clause, clause_end)
            if asking:
                # "Counter below $215K by citing the $2.8B target": the reason is a claim.
                reason = _ASK_REASON.search(masked, clause, clause_end)
                spans.append((clause, reason.start() if reason else clause_end))
        spans.extend(
            (found.start(), found.end()) for found in _OWN_OFFER.finditer(masked, start, end)
        )
    return spans


def _asks(masked: str, start: int, end: int) -> bool:
    if _ASK.match(masked, start, end) or _COUNTER_FORECAST.match(masked, start, end):
        return True
    label = _LABEL.match(masked, start, end)
    if (
        label is not None
        and _ASK_LABEL.search(masked, label.start(), label.end())
        and _FIGURE_FIRST.match(masked, label.end(), end)
    ):
        return True  # "Signing bonus target: $25K-$40K", not "Bonus target: Acme pays 15%"
    return _ASK_AFTER_LEAD.match(masked, label.end() if label else start, end) is not None


_ADVICE_HEADS = _words("advice_heads")


# Heads that rank the reader's options only in a negotiation: "the strongest negotiation
# position", "you are the strongest candidate"; not "the strongest market position".
_NEGOTIATION_HEADS = frozenset(("position", "positions"))
_READER_HEADS = frozenset(("candidate", "candidates", "signal", "signals", "play"))
_NEGOTIATING = frozenset(("negotiation", "negotiating", "bargaining"))
_READER = re.compile(r"(?i:\byou(?:r)?\b)")


def _advice(masked: str, start: int, end: int) -> bool:
    """Whether a superlative ranks the reader's own options, its noun within three words:
    "the strongest lever", "the most natural fit", "the largest financial decision"."""
    following = [w.strip(".,;:!?()\"'") for w in masked[end : end + 60].casefold().split()[:3]]
    for index, word in enumerate(following):
        if word not in _ADVICE_HEADS:
            continue
        if word in _NEGOTIATION_HEADS:
            return index > 0 and following[index - 1] in _NEGOTIATING
        if word in _READER_HEADS:
            return _READER.search(masked, max(0, start - 40), start) is not None
        return True
    return False


def _excepted(masked: str, start: int, end: int) -> bool:
    """Whether an exception phrase ("leading a", "the best way") covers the match."""
    low = max(0, start - 30)
    for match in SUPERLATIVE_EXCEPTIONS.finditer(masked, low, min(len(masked), end + 30)):
        if match.start() <= start < match.end() or match.start() < end <= match.end():
            return True
    return False


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


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


_COPULA = re.compile(r"(?i:\b(?:is|are|was|were|be|been)\s+$)")
_AFTER_PREDICATE = re.compile(r"\s*(?:[.:;,!?\u2014\u2013]|$)")


# "10x Genomics": a multiplier followed by a capitalised word is part of a name.
_NAME_AFTER = re.compile(
    r" (?!(?:More|Less|Higher|Lower|Faster|Slower|Larger|Bigger|Better|Cheaper|Greater"
    r"|Return|Returns|Growth|Revenue|Premium|Equity|Upside|Multiple)\b)[A-Z][a-z]{2,}\b(?!['’])"
)


def _predicative(masked: str, match: re.Match[str]) -> bool:
    """`The reason is twofold:` counts parts, not a multiplier."""
    before = masked[max(0, match.start() - 12) : match.start()]
    return bool(_COPULA.search(before)) and bool(_AFTER_PREDICATE.match(masked, match.end()))


# A share of a grant on a vesting schedule is a term, not a statistic: "25% per
# year", "6.25% per quarter", "25% at year 1", "25% after the first year", "a 25% cliff".
_VESTING_SHARE = re.compile(
    r"\s*(?i:(?:per|each|every|a)\s+(?:year|quarter|month)|annually|quarterly|monthly"
    r"|(?:at|after)\s+(?:the\s+)?(?:(?:first|one|1)[-\s])?(?:year|month|anniversary|\d+\s+months?)"
    r"|cliff|vest)"
)
_VESTING_WORD = re.compile(r"(?i:vest|cliff)")
_GROWTH_BEFORE = re.compile(
    r"(?i:grew|grow|grows|growing|growth|rose|rises?|up|increased?|jumped?)\s+(?:by\s+)?$"
)


def _vesting_share(masked: str, match: re.Match[str], facts: _Facts) -> bool:
    """Whether a percentage is a share of a grant in a sentence about vesting."""
    if not _VESTING_SHARE.match(masked, match.end()):
        return False
    if _GROWTH_BEFORE.search(masked, max(0, match.start() - 20), match.start()):
        return False
    return facts.about_vesting(match.start())


class _Facts:
    """What the checks of a figure ask of its sentence, worked out once per sentence:
    a block that is one long sentence full of figures stays linear."""

    def __init__(self, masked: str, sentences: Sequence[Sentence], starts: list[int]) -> None:
        self.masked, self.sentences, self.starts = masked, sentences, starts
        self._memo: dict[tuple[str, int], Any] = {}

    def _get(self, name: str, offset: int, compute: Callable[[str, int, int], Any]) -> Any:
        slot = max(0, bisect.bisect_right(self.starts, offset) - 1)
        key = (name, slot)
        if key not in self._memo:
            sentence = self.sentences[slot]
            self._memo[key] = compute(self.masked, sentence.start, sentence.end)
        return self._memo[key]

    def components(self, offset: int) -> frozenset[str] | None:
        return self._get("components", offset, _components)  # type: ignore[no-any-return]

    def words(self, offset: int) -> frozenset[str]:
        return self._get("words", offset, lambda text, a, b: _content_words(text[a:b]))  # type: ignore[no-any-return]

    def about_bonus(self, offset: int) -> bool:
        return self._get("bonus", offset, lambda text, a, b: bool(_BONUS_WORD.search(text, a, b)))  # type: ignore[no-any-return]

    def about_vesting(self, offset: int) -> bool:
        return self._get(
            "vesting", offset, lambda text, a, b: bool(_VESTING_WORD.search(text, a, b))
        )  # type: ignore[no-any-return]


_PREVIOUS_WORD = re.compile(r"([\w'’]+,?)[ \t]+$")
# Words before "leading" that make it the verb ("while leading the migration").
_VERB_LEADS = frozenset(("while", "whilst", "when", "by", "after", "before", "since"))
# Short words ending in "s" that are not plural nouns ("as", "its", "across").
_NOT_PLURALS = _DETERMINERS | frozenset(("as", "its", "his", "this", "thus", "across", "plus"))


def _participle(masked: str, match: re.Match[str]) -> bool:
    """Whether a bare "leading" is the verb: after a plural noun ("managers leading
    SOC 2 teams"), a conjunction ("while leading") or a comma ("setting direction,
    leading reviews"), not after a determiner or a possessive ("a leading vendor",
    "Europe's leading bank")."""
    if match.group(0).casefold() != "leading":
        return False
    previous = _PREVIOUS_WORD.search(masked, max(0, match.start() - 30), match.start())
    if previous is None:
        return False
    word = previous.group(1).casefold()
    if word.endswith(",") or word in _VERB_LEADS:
        return True
    return len(word) > 3 and word.endswith("s") and word.isalpha() and word not in _NOT_PLURALS


# An uppercase name before a number makes it an identifier: "ISO 20022", "RFC 9110".
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z]{2,}[ \t]$")


def _is_year(match: re.Match[str]) -> bool:
    digits = match.group("n")
    if digits is None:
        return False
    return (
        "," not in digits
        and len(digits) == 4
        and 1800 <= int(digits) <= 2199
        and ("." not in match.group(0))
    )


def _identifier(masked: str, match: re.Match[str]) -> bool:
    """Whether a bare number names a standard or a model after an acronym ("ISO 20022")."""
    digits = match.group("n")
    if digits is None or "," in digits:
        return False
    before = _ACRONYM_BEFORE.search(masked, max(0, match.start() - 12), match.start())
    return before is not None and before.group(0).strip() not in _CODE_SET


def _vague_subject_counts(masked: str, start: int) -> bool:
    """`studies show` is vague; `Gartner's studies show` and `this data shows` are not."""
    before = masked[max(0, start - 60) : start].rstrip()
    if not before:
        return True
    if before[-1] in ".!?:;,(\u2014\u2013-\n":
        return True
    word = before.split()[-1]
    lowered = word.casefold().replace("\u2019", "'")
    if lowered.endswith("'s") or lowered.endswith("s'"):
        return False
    if lowered in ("this", "that", "these", "those", "above", "table", "below"):
        return False
    # Anything else before the noun makes it part of a longer phrase: a name
    # ("Gartner research") or an object ("gaps between sources tell you ...").
    return lowered in VAGUE_DETERMINERS or lowered in OPENERS


# --- attributions ---------------------------------------------------------------------------


def _attributions(
    masked: str, words: frozenset[str] | None = None, present: frozenset[str] | None = None
) -> Iterator[tuple[int, list[str], bool]]:
    """(offset, names, vague) for "according to X" and "X says" forms in a block.

    ``words`` (the block's lower-cased words) lets blocks without any
    attribution verb skip the verb scan; ``present`` (see :func:`_present`)
    narrows both scans to the phrases the block holds.
    """
    according = _ACCORDING.scan(present)
    for match in according.finditer(masked) if according is not None else ():
        tail = match.group("x")
        stop = _SENTENCE_END.search(tail)
        if stop:
            tail = tail[: stop.start()]
        tokens = _TOKEN.findall(tail)
        names = _names(tokens, leading_fillers=True, generic=False)
        if names:
            yield match.start(), names, False
        elif match.group("p").casefold().startswith("according"):
            first = _first_content(tokens)
            if first in VAGUE_WORDS:
                lead = tokens[:3]
                for cut, token in enumerate(lead):
                    if token.endswith((",", ";")):
                        lead = [*lead[:cut], token.rstrip(",;")]
                        break
                phrase = " ".join([*match.group("p").split(), *lead])
                yield match.start(), [phrase], True
    if words is not None and _VERB_TRIGGERS.isdisjoint(words):
        return
    verbs = _VERB.scan(present)
    for match in verbs.finditer(masked) if verbs is not None else ():
        verb = match.group("v")
        start = match.start()
        window_start = max(0, start - 160)
        before = masked[window_start:start]
        cut = max(
            (m.end() for m in _CLAUSE.finditer(before)),
            default=0,
        )
        ends = [m.end() for m in _SENTENCE_END.finditer(before)]
        newline = before.rfind("\n") + 1
        cut = max(cut, ends[-1] if ends else 0, newline)
        if cut == 0 and window_start > 0:
            continue  # the subject would be longer than any name
        subject = _TOKEN.findall(before[cut:])
        if subject and subject[0].casefold() in OPENERS:
            subject = subject[1:]
        if subject and subject[0].casefold() == "the":
            subject = subject[1:]
        if not subject or len(subject) > 8:
            continue
        if not _name_like_subject(subject):
            continue
        lowered = verb.casefold()
        last = subject[-1].casefold().replace("\u2019", "'")
        possessive = any(t.replace("\u2019", "'").endswith("'s") for t in subject)
        evidence_only = lowered in EVIDENCE_VERBS and lowered not in ATTRIBUTION_VERBS
        if evidence_only and last not in SOURCE_NOUNS and not possessive:
            continue
        if lowered in AMBIGUOUS_VERBS and last not in SOURCE_NOUNS:
            following = _TOKEN.search(masked, match.end(), match.end() + 40)
            word = following.group(0).casefold().strip("~") if following else ""
            word = word.replace("\u2019", "'").split("'")[0]  # "it'll" is "it"
            if not (word[:1].isdigit() or word[:1] in "$£€¥₹" or word in COMPLEMENTS):
                continue
        names = _names(subject, leading_fillers=False)
        if names:
            yield window_start + cut, names, False


def _first_content(tokens: list[str]) -> str:
    for token in tokens:
        word = token.casefold().strip(".,")
        if word not in ("the", "a", "an"):
            return word
    return ""


def _is_name(token: str) -> bool:
    core = token.strip(".,'\u2019\"")
    if not core:
        return False
    if core[0].isupper():
        return True
    if core[0].isdigit():
        return any(ch.isalpha() for ch in core)  # "6figr"
    return "." in core.strip(".") and core.replace(".", "").isalnum()  # "levels.fyi"


def _possessive(token: str) -> str | None:
    plain = token.replace("\u2019", "'")
    for ending in ("'s", "s'"):
        if plain.endswith(ending):
            return plain[: -len(ending)] + ("s" if ending == "s'" else "")
    return None


def _name_like_subject(tokens: list[str]) -> bool:
    """Whether the words before a verb form a source's name (and nothing else).

    Allowed: capitalised or dotted words joined by connectors, then source nouns
    ("Levels.fyi data", "Bureau of Labor Statistics"); after a possessive, any
    few words that end in a source noun ("Stack Overflow's developer survey").
    """
    if not _is_name(tokens[0]):
        return False
    if tokens[0].casefold().strip(".,") in GENERIC and not _opens_name(tokens, 0):
        return False
    for position, token in enumerate(tokens):
        word = token.casefold().replace("\u2019", "'")
        if _possessive(token) is not None:
            rest = tokens[position + 1 :]
            return not rest or (len(rest) <= 3 and rest[-1].casefold() in SOURCE_NOUNS)
        if _is_name(token) or word in CONNECTORS or word in SOURCE_NOUNS or word.isdigit():
            continue
        return False
    return True


def _opens_name(tokens: list[str], index: int) -> bool:
    """Whether a common word ("People", "Built") starts a multi-word name: the
    next word is capitalised and not itself a common word ("People In AI",
    not "Most engineers" or "Many AI engineers")."""
    if index + 1 >= len(tokens) or tokens[index].endswith((",", ";")):
        return False
    following = tokens[index + 1].rstrip(",;")
    stem = _possessive(following)
    word = (stem if stem is not None else following).casefold().strip(".")
    return _is_name(following) and word not in GENERIC and word not in SOURCE_NOUNS


def _names(tokens: list[str], *, leading_fillers: bool, generic: bool = True) -> list[str]:
    """Names in a run of words: capitalised runs joined by "of", "&" or "for".

    The run must start with a name; "and"/"or" separate names; a word that is
    neither a name nor a source noun ("research", "data") ends the list.
    """
    index = 0
    if leading_fillers:
        while index < len(tokens) and tokens[index].casefold().strip(".,") in _FILLERS:
            if tokens[index].endswith((",", ";")):
                return []  # "according to recent surveys, Gartner's ...": the phrase ended
            index += 1
    names: list[str] = []
    current: list[str] = []

    def flush() -> None:
        while current and current[-1].casefold() in CONNECTORS:
            current.pop()
        if current:
            names.append(" ".join(current))
        current.clear()

    window = tokens[index : index + 20]
    for position, token in enumerate(window):
        bare = token.rstrip(",;")
        comma = bare != token
        word = bare.casefold()
        if not current and generic and word in GENERIC and _opens_name(window, position):
            if word not in _DETERMINERS:
                current.append(bare)
            continue
        stem = _possessive(bare)
        if stem is not None and _is_name(stem):
            current.append(stem)
            flush()
            continue
        if _is_name(bare) and (current or not generic or word not in GENERIC):
            current.append(bare.rstrip("."))
            if comma:
                flush()
            continue
        if current and word in CONNECTORS and word not in ("and", "or"):
            current.append(bare)
            continue
        flush()
        if not names:
            break
        if word in ("and", "or", "&") or word in SOURCE_NOUNS or word.isdigit():
            continue
        break
    flush()
    return names


# --- GL507: figures a script states about third parties ---------------------------------------

_QUOTATION = re.compile(r'"([^"\n]{1,2000})"|\u201c([^\u201d]{1,2000})\u201d')
_THIRD_PARTY = re.compile(
    r"(?<![\w])(?P<who>[A-Z][\w.&'\u2019-]{0,40}(?:\s+[A-Z][\w.&-]{0,40}){0,3})\s+"
    r"(?:(?:is|are|was|were|has|have|had|just)\s+){0,2}"
    r"(?P<verb>offering|offered|offers|pays|paid|paying|quoted|quotes|matched|matches|"
    r"gave|gives|giving)\b"
)
_CLAUSE_END = re.compile(r"[.;!?]\s|[.;!?]$")
_SPEAKERS = frozenset(["i", "we", "you", "they", "he", "she", "it", "my", "our", "your", "the"])


@check("GL507", needs_frontmatter=False)
def check_script_figures(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    if '"' not in guide.body and "\u201c" not in guide.body:
        return
    money = _Figures(guide, ctx, currency_symbols(ctx.settings.currency_symbols))
    for block in extract(guide).blocks:
        if not block.prose or ('"' not in block.text and "\u201c" not in block.text):
            continue
        for quotation in _QUOTATION.finditer(block.text):
            group = 1 if quotation.group(1) is not None else 2
            yield from _third_party_figures(
                money, block, quotation.start(group), quotation.end(group)
            )


def _third_party_figures(
    money: _Figures, block: Block, start: int, end: int
) -> Iterator[Diagnostic]:
    text = block.text
    for claim in _THIRD_PARTY.finditer(text, start, end):
        who = claim.group("who")
        if who.split()[0].casefold().replace("\u2019", "'").split("'")[0] in _SPEAKERS:
            continue
        stop = _CLAUSE_END.search(text, claim.end(), end)
        limit = min(stop.start() if stop else end, claim.end() + 80)
        for pattern in (MONEY, PERCENT):
            figure = pattern.search(text, claim.end(), limit)
            if figure is None or (pattern is MONEY and money.backs(figure)):
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
            break
