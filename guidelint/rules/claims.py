"""GL5xx: claims in the prose must carry a source a reader can check.

The rules are declared here; the pipeline that finds and judges claims is the
:mod:`guidelint.claims` package, and the vocabulary it reads is
``guidelint/data/claims.json``, whose classes the documentation below lists.
"""

from __future__ import annotations

from collections.abc import Iterator

from guidelint.context import Context
from guidelint.diagnostics import Diagnostic
from guidelint.document import Guide
from guidelint.registry import check, rule, with_classes

_OPTIONS_SCOPE = ("citation-scope",)

CITATION_SCOPE_DOC = """\
What backs a claim: a citation marker that resolves (`[3]`, `[1-3]`, `[^note]`)
or a link inside its sentence backs everything in it. With `citation-scope =
"paragraph"` (the default), a citation or a source note that ends a paragraph
or list item ("... [2].", "[Source: Levels.fyi comp data 2025]") also covers
the sentences before it, but only for the kinds of claim its source can back:
a salary-data source backs pay figures, a filing or an earnings call a
company's figures, news and research also rankings (the `source_kinds` class).
A citation in the middle of a paragraph covers only its own sentence. An
attribution to a listed source ("according to Glassdoor") backs the claims of
its sentence that the source can back. An entry of the source list or of
`data_sources` that says where it comes from (a date, a link, a publisher, the
kind of document) backs a figure it states, and a ranking whose words it holds
("VCF Market Dominance — Private Cloud — Gartner, 2025"), when it shares a word
with the sentence; a label followed at once by its figure ("Platform Premium —
10-20%") says where it comes from only if it names a kind of source. With
`citation-scope = "sentence"`, each sentence needs its own citation."""


def _claims_doc(what: str, code: str) -> str:
    """A claim rule's documentation, the note every claim rule shares, and its classes."""
    return with_classes(what, "claims.json", code, CITATION_SCOPE_DOC)


rule(
    "GL501",
    "unsupported-figure",
    "warning",
    "a statistic in the prose has no citation, link or listed source",
    what=_claims_doc(
        """
        A sentence states a figure that nothing backs. Figures are read by the
        one figure lexer the table rules use too: amounts of money (`$50K`,
        `£148,000`, `$1.2B`, `₹20L`, `$150-200K`), percentages (`47%`, `forty
        percent`), multipliers (`10x`, `tenfold`), counts of 1,000 or more or with
        a magnitude (`37,339 postings`, `27 million users`, `4B+ wallets`),
        approximate counts (`200+ countries`, `under 300 specialists`),
        throughputs and amounts written as magnitudes (`trillions of data points
        per day`, `millions of daily transactions`: a rate at most five words
        after the magnitude; `billions of dollars`, `hundreds of millions in
        annual revenue`, `worth billions`), user and customer bases written as
        magnitudes (`millions of developers`, `tens of millions of active
        players`, `thousands of enterprise customers`: the people or
        organisations a company serves, right after `of` or after two words
        that qualify them) and, with `count-magnitudes = true`, every count
        written as a magnitude (`thousands of hosts`, `billions of files`; not
        `hundreds or thousands`, nor after a modal: `an outage could affect
        millions`). That option is off by default: people who label guides split
        on whether a magnitude of things states a figure (on the project's
        tuning guides about a third of the findings it adds are labelled no
        claim). Years, dates, quarters, versions, durations and small counts of
        steps are not figures. Code is not read, but for a figure set in code type, alone
        (`` `$250K` ``) or as a tag of a figure and a few words (`` `$42B+ AUM` ``,
        `` `200+ Countries` ``).

        Each figure has a kind, pay (its clause names pay: base, bonus, equity,
        offer, premium, ...) or a fact about the world, and is backed by a
        citation whose source backs that kind, by the guide's own data (a figure
        of the frontmatter or the table, in any spelling of its currency, for
        the pay component the sentence names), or by a source-list entry that
        states it and says where it comes from (a link, a date, a publisher or a
        document; a headline restating the claim backs nothing). A count written
        as a magnitude is stated by an entry's count in its band ("billions of
        wallet users" by "3.3B+ wallets"); a sum of money so written is not.

        Figures that the reader proposes are not claims: asks, floors and
        counters ("open at $185K; walk away below $160K"), scripts in quotation
        marks or in a blockquote, suppositions ("if you hold a $200K offer"),
        worked examples and written-out sums. Headings, tables, code and bold
        lines standing for a heading are not checked.

        The finding points at the first unbacked figure of its sentence and names
        every unbacked figure there.
        """,
        "GL501",
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
    options=(*_OPTIONS_SCOPE, "count-magnitudes"),
)
rule(
    "GL502",
    "unsupported-superlative",
    "warning",
    "superlative or peacock wording without a source",
    what=_claims_doc(
        """
        A sentence ranks or praises without a source: a listed superlative ("the
        highest", "one of the most", "leading", "#1", "world-class",
        "unmatched"), any -est word after "the" or a possessive ("the broadest
        coverage", "the internet's largest"), and comparisons with everyone or
        most ("than any other", "no other retailer", "above most mid-cap SaaS
        companies"). Not rankings: advice that ranks the reader's own options
        ("the strongest lever", "the highest-upside component"), a level ("the
        most senior"), "leading" as a verb, an owner's own items ("Acme's
        highest-value deals"), a ranking of the guide's own figures ("the lowest
        base of the three"), and anything the reader proposes or says.

        Only a citation in the sentence, or a closing one whose source can back a
        ranking (news, research, ratings), backs a superlative: a salary-data
        source knows what a company pays, not that it is the best. The finding
        points at the phrase, with the word it ranks ("the highest-paying
        employer").
        """,
        "GL502",
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
    what=_claims_doc(
        """
        A sentence attributes to a named source ("according to Gartner",
        "Glassdoor says", "the Bureau of Labor Statistics projects", "Salary.com
        lands at $131,000") that matches neither a `data_sources` entry nor an
        entry of the references section (case, possessives and words such as
        "data" or "report" aside). The finding points at the name. The
        attribution backs nothing, so an unbacked figure or superlative of the
        same sentence is reported beside it (GL501, GL502). A group named only
        by its role ("engineers say") is not a source; "per" attributes only
        where a clause begins ("..., per Gartner", not "influence per PM"), and
        "data from X" only in a sentence that states a figure or a ranking or
        goes on with a verb of saying. A closing source note ("[Source: Payscale,
        2026]") that names, by its name, a salary site, an outlet, an analyst or a
        review site the guide does not list is one too; a note of the company's own
        ("[Source: Acme SWE Comp 2026]") or of a kind of source alone ("news
        reports") is not.
        """,
        "GL504",
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
    what=_claims_doc(
        """
        A sentence leans on an authority it does not name: "our data shows",
        "studies show", "experts say", "it is widely believed", "recruiters
        report", "according to recent surveys". A named source right before the
        noun makes it specific ("Glassdoor's salary data shows" is GL504 or
        fine), "this data shows" points at the guide's own figures, and roles
        that are not authorities on the subject ("engineers say") are not
        counted. The figures and superlatives of the sentence are reported beside
        it when nothing else backs them.
        """,
        "GL505",
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


@check("GL501", "GL502", "GL503", "GL504", "GL505", "GL506", needs_frontmatter=False)
def check_claims(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    from guidelint.claims.engine import lint

    yield from lint(guide, ctx)


@check("GL507", needs_frontmatter=False)
def check_script_figures(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    from guidelint.claims.scripts import script_figures

    yield from script_figures(guide, ctx)
