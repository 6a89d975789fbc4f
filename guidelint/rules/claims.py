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

from collections.abc import Iterator

from guidelint.context import Context
from guidelint.diagnostics import Diagnostic
from guidelint.document import Guide
from guidelint.registry import check, dedent, rule

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


@check("GL501", "GL502", "GL503", "GL504", "GL505", "GL506", needs_frontmatter=False)
def check_claims(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    from guidelint.claims.engine import lint

    yield from lint(guide, ctx)


@check("GL507", needs_frontmatter=False)
def check_script_figures(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    from guidelint.claims.scripts import script_figures

    yield from script_figures(guide, ctx)
