"""GL501-GL506: exact codes, lines and columns, options, precedence and bad input."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import TODAY, lint_text, positions, run_cli
from guidelint.config import Settings
from guidelint.diagnostics import Diagnostic
from guidelint.document import parse_guide
from guidelint.linter import Linter
from guidelint.rules.claims import check_claims
from guidelint.selection import Selection

FRONT = """\
---
company: acme
role: data-engineer
compensation:
  - region: London
    base_low: 148000
    base_high: 194000
    currency: GBP
  - region: San Francisco
    base_low: 195000
    base_high: 255000
    currency: USD
data_sources:
  - Levels.fyi
  - Glassdoor
---
"""
BODY = FRONT.count("\n") + 1  # the first body line (17)

SOURCES = "\n#### Sources\n\n1. Levels.fyi offers\n2. Blind threads\n"


CLAIMS = ("GL501", "GL502", "GL503", "GL504", "GL505")
SENTENCE = Settings(citation_scope="sentence")


def claims(
    body: str,
    settings: Settings | None = None,
    front: str = FRONT,
    select: tuple[str, ...] = CLAIMS,
) -> list[tuple[str, int, int]]:
    return positions(lint_text(front + body, select=select, settings=settings))


def messages(body: str, front: str = FRONT) -> list[str]:
    return [d.message for d in lint_text(front + body, select=("GL5",))]


def at(line: int, text: str, *spans: tuple[str, str]) -> list[tuple[str, int, int]]:
    """(code, line, column) for each (code, span): a finding sits at the first
    occurrence of its unbacked span in ``text``, the whole of line ``line``."""
    return [(code, line, text.index(span) + 1) for code, span in spans]


# --- GL501 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Offers rose 47% last year.", "47%"),
        ("Offers rose 10 to 25 percent.", "10 to 25 percent"),
        ("Bases start at $50K.", "$50K"),
        ("Bases start at £160,000.", "£160,000"),
        ("The market reached $1.1 billion.", "$1.1 billion"),
        ("Costs fell 10x.", "10x"),
        ("Throughput rose 2.5\u20133x.", "2.5\u20133x"),
        ("The project has 27 million users.", "27 million"),
        ("The survey covered 1,500 engineers.", "1,500"),
    ],
)
def test_gl501_statistics(sentence: str, figure: str) -> None:
    line = f"Some context here. {sentence}"
    assert claims(f"Intro.\n\n{line}\n") == at(BODY + 2, line, ("GL501", figure))


@pytest.mark.parametrize(
    "sentence",
    [
        "The guide covers 2025 and 2026.",
        "Data is from Q4 of 2025-Q4, reviewed on 2026-02-23.",
        "It is the 3rd revision of the 21st guide.",
        "Python 3.11 and Ray 2.9 are required.",
        "The loop has four rounds over 4 weeks.",
        "Teams of 12 to 40 engineers are common.",
        "999 engineers applied.",  # under 1,000 and unmarked ("only 999" marks a count)
    ],
)
def test_gl501_not_statistics(sentence: str) -> None:
    assert claims(sentence + "\n") == []


def test_gl501_numbered_list_markers_are_not_statistics() -> None:
    assert claims("1999. A list item numbered like a year.\n") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Bases start at 47% [1].",
        "Bases start at 47%.[1]",
        "Bases start at 47% [1, 2].",
        "Bases start at 47% [1-2].",
        "Bases start at 47% [^lv].",
        "Bases start at 47% ([report](https://example.com/r)).",
        "Bases start at 47% (<https://example.com/r>).",
        "According to Glassdoor, bases start at 47%.",
        "Levels.fyi data shows bases rising 47%.",
        "London bases start at \u00a3148K.",
        "London bases start at \u00a3148,000.",
        "San Francisco bases reach $255K.",
        "San Francisco bases reach $0.255M.",
        'Tell them: "I need $260K and 47% more equity."',
    ],
)
def test_gl501_supported(sentence: str) -> None:
    body = f"{sentence}\n\n[^lv]: Levels.fyi export\n" + SOURCES
    assert claims(body) == []


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("London bases start at \u00a3150K.", "\u00a3150K"),  # 150000 is not in the frontmatter
        ("London bases start at $148K.", "$148K"),  # the London figure is in GBP
        ("San Francisco bases reach $256K.", "$256K"),  # outside $255K's rounding
    ],
)
def test_gl501_money_not_backed_by_frontmatter(sentence: str, figure: str) -> None:
    assert claims(sentence + "\n") == at(BODY, sentence, ("GL501", figure))


def test_gl501_money_is_checked_without_frontmatter_figures() -> None:
    body = "London bases start at \u00a3148K.\n"
    found = at(4, body, ("GL501", "\u00a3148K"))
    assert claims(body, front="---\ncompany: acme\n---\n") == found


STATED = (
    "\n#### Evidence & Sources\n\n"
    "- Acme Series C announcement: $1.2B valuation, 37% revenue growth (TechCrunch)\n"
    "- Acme blog: 10M+ members\n"
    "- Acme $15B Fundraise (TechCrunch, 2026)\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Series C put the valuation at $1.2B.",
        "Acme's valuation is now about $1B.",  # stated at the sentence's precision
        "Revenue growth of 37% funds the hiring plan.",
        "Membership passed 10M+ members this year.",
        "The $15B fund changes the hiring plan.",  # "fund" begins "Fundraise"
    ],
)
def test_gl501_a_figure_the_source_list_states_is_supported(sentence: str) -> None:
    assert claims(f"Intro.\n\n{sentence}\n" + STATED) == []


PREMIUM = "Ray experts command a platform premium of 10-20% and a $50B+ market."


def beside_entry(
    line: str, entry: str, *expected: tuple[str, str | None]
) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """What ``line``, a paragraph after "Intro.", is reported as in a guide whose
    sources list holds ``entry``, and what ``expected`` says it should be (the codes and
    the text each points at; None for a claim the entry backs)."""
    sources = "\n#### Evidence & Sources\n\n" + entry
    wanted = [(code, text) for code, text in expected if text is not None]
    return claims(f"Intro.\n\n{line}\n" + sources), at(BODY + 2, line, *wanted)


@pytest.mark.parametrize(
    ("entry", "line", "figure"),
    [
        # a headline restating the claim
        ("- Acme $1.2B Valuation -- Growth Leader\n", "The valuation reached $1.2B.", "$1.2B"),
        ("- [Acme $1.2B Valuation: Market Momentum]\n", "The valuation reached $1.2B.", "$1.2B"),
        # a topic label, then the figure it restates
        ("- Platform Premium — 10-20%\n", PREMIUM, "10-20%"),
        ("- Drone Investment -- $50B+ Market Opportunity\n", PREMIUM, "10-20%"),
    ],
)
def test_gl501_an_entry_that_says_not_where_it_comes_from_supports_nothing(
    entry: str, line: str, figure: str
) -> None:
    found, wanted = beside_entry(line, entry, ("GL501", figure))
    assert found == wanted


@pytest.mark.parametrize(
    ("entry", "reported"),
    [
        ("- Acme Cloud Market Dominance — Private Cloud — Gartner, 2025\n", False),
        ("- Acme Cloud growth — Private Cloud — Gartner, 2025\n", True),  # not the ranking
        ("- Acme Cloud Market Dominance — Private Cloud\n", True),  # says not where from
        ("- Levels.fyi Acme Cloud market dominance pay data, 2025\n", True),  # pay source
    ],
)
def test_gl502_a_ranking_an_entry_states_is_supported(entry: str, reported: bool) -> None:
    line = "Acme Cloud has achieved market dominance in private cloud."
    found, wanted = beside_entry(line, entry, ("GL502", "market dominance" if reported else None))
    assert found == wanted


@pytest.mark.parametrize(
    ("line", "reported"),
    [
        ("Acme reaches billions of wallet users every month.", None),
        ("Acme reaches millions of wallet users every month.", "millions"),  # not its band
        ("Acme settles billions of dollars for wallet users.", "billions"),  # a sum
        ("Its platform reaches billions of consumers.", "billions"),  # no word shared
    ],
)
def test_gl501_a_magnitude_within_a_stated_counts_band_restates_it(
    line: str, reported: str | None
) -> None:
    entry = "- Acme wallet network — 3.3B+ wallets (acme.com)\n"
    found, wanted = beside_entry(line, entry, ("GL501", reported))
    assert found == wanted


def test_gl501_a_count_at_the_top_of_a_band_is_the_next_magnitudes() -> None:
    entry = "- Acme wallet network — 1B+ wallets (acme.com)\n"
    found, wanted = beside_entry(
        "Acme reaches millions of wallet users.", entry, ("GL501", "millions")
    )
    assert found == wanted


@pytest.mark.parametrize(
    ("line", "reported"),
    [
        ("Acme operates in 38 countries.", None),  # a footprint count the entry states
        ("Acme serves 190+ banks through its network.", None),  # an approximate count
        ("Acme operates in 40 countries.", "40 countries"),  # not the entry's count
        ("Acme operates in 38 cities.", "38 cities"),  # the entry's number, another noun
    ],
)
def test_gl501_a_small_count_an_entry_states_is_supported(line: str, reported: str | None) -> None:
    entry = "- Acme FY2025 10-K — operations in 38 countries, 190+ partner banks (SEC)\n"
    found, wanted = beside_entry(line, entry, ("GL501", reported))
    assert found == wanted


def test_gl501_a_publisher_before_a_figure_still_supports() -> None:
    sources = "\n#### Evidence & Sources\n\n- Trustpilot Acme profile — 4.3 rating\n"
    assert claims("Intro.\n\nAcme holds a 4.3 rating from its customers.\n" + sources) == []


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Acme runs `4,000` GPU nodes in production.", "4,000"),
        ("Acme's market is worth `$50B` a year.", "$50B"),
        # a tag of a figure and a few words, the tags of a summary line
        ("**Profile:** `Public Equity` `$42B+ AUM` `Platform Strategy`", "$42B"),
        ("**Profile:** `#$600B+AUM` `#ProductStrategy`", "$600B"),
        ("**Profile:** `Digital Rails` `200+ Countries`", "200+ Countries"),
    ],
)
def test_gl501_a_figure_in_code_type_is_read(sentence: str, figure: str) -> None:
    assert claims(f"Intro.\n\n{sentence}\n") == at(BODY + 2, sentence, ("GL501", figure))


@pytest.mark.parametrize(
    "sentence",
    [
        "Set `max_workers=4000` before the run.",
        "Set the port to `8080` before the run.",  # a number no unit marks as a figure
        "Pin Python to `3.11` before the run.",
        "Run `deploy --retries 3` before the run.",  # code with more than words and a figure
        "Vesting is written `RSU/4yr` in the table.",  # a period, not a figure
        "Notes stay out: <!-- `$250K` --> before the run.",
    ],
)
def test_gl501_code_that_is_not_a_figure_stays_blank(sentence: str) -> None:
    assert claims(f"Intro.\n\n{sentence}\n") == []


def test_gl501_a_comment_beside_a_figure_in_code_type_does_not_hide_it() -> None:
    line = "Acme pays `$310K` base. <!-- checked -->"
    assert claims(f"Intro.\n\n{line}\n") == at(BODY + 2, line, ("GL501", "$310K"))


@pytest.mark.parametrize("name", ["Glassdoor [2026]", "Glassdoor (2026)", "Glassdoor"])
def test_gl501_a_year_in_brackets_after_a_source_is_its_edition(name: str) -> None:
    assert claims(f"Intro.\n\n{name} puts median base at $240K.\n") == []


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Offers for this role rose 37% last year.", "37%"),  # no word in common
        ("Zebra onboarded 10M+ wallets.", "10M+"),  # "members" is not "wallets"
        ("The valuation reached $1.25B after the round.", "$1.25B"),  # more precise
        ("The valuation at $1.2B values hiring at $90M.", "$90M"),  # the next figure
    ],
)
def test_gl501_a_figure_the_source_list_does_not_state(sentence: str, figure: str) -> None:
    assert messages(f"Intro.\n\n{sentence}\n" + STATED)[0].startswith(f"figure `{figure}`")


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("TikTok data shows a $300K budget.", None),
        # The source is named but unclassified: it backs facts, not pay.
        ("TikTok data shows bases of $300K.", "$300K"),
        ("TikTok data privacy rules cost $300K a year.", "$300K"),
        ("The TikTok market share is worth $300K to the team.", "$300K"),
    ],
)
def test_gl501_a_source_noun_that_starts_a_compound_names_no_source(
    sentence: str, figure: str | None
) -> None:
    found, wanted = beside_entry(
        sentence, "- TikTok Transparency Center, 2026\n", ("GL501", figure)
    )
    assert found == wanted


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("San Francisco offers reach $255K.", None),  # no component named: any figure
        ("Base pay in San Francisco reaches $255K.", None),  # base_high
        ("Total comp in San Francisco reaches $255K.", "$255K"),
        ("A $195K base and a $255K total are typical.", None),  # each for one it names
    ],
)
def test_gl501_a_frontmatter_figure_backs_the_component_it_holds(
    sentence: str, figure: str | None
) -> None:
    found = at(BODY + 2, sentence, ("GL501", figure)) if figure else []
    assert claims(f"Intro.\n\n{sentence}\n") == found


def test_gl501_a_figure_the_table_shows_is_supported() -> None:
    table = (
        "| Region | Base Salary | Bonus |\n|---|---|---|\n"
        "| London | £148K–£194K | 10–15% |\n| San Francisco | $195K–$255K | 10–15% |\n\n"
    )
    body = table + "Bonuses reach 15% for strong performers. Bonuses reach 18% for some.\n"
    assert messages(body) == [
        "figure `18%` has no source: expected a citation marker, a link, or a listed source"
    ]


def test_claims_in_a_bold_line_standing_for_a_heading_are_not_checked() -> None:
    line = "The round raised $1B."
    body = f"**The $1B Secondary: The Elite Premium**\n\n{line}\n"
    assert claims(body) == at(BODY + 2, line, ("GL501", "$1B"))


def test_gl501_message_names_every_unbacked_figure_of_the_sentence() -> None:
    # One finding per sentence, at the first figure; the others are named in it.
    assert messages("Offers rose 12% and 10x.\n") == [
        "figure `12%` (and `10x`) has no source: "
        "expected a citation marker, a link, or a listed source"
    ]
    assert messages("Offers rose 12%, 10x, 5% and 7%.\n") == [
        "figure `12%` (and `10x`, 2 more) has no source: "
        "expected a citation marker, a link, or a listed source"
    ]


def test_gl501_message_shows_a_range_and_its_plus_whole() -> None:
    """A range is one figure and its "+" part of it: the message and the range show
    `$20K–$40K` and `$600B+`, not `$20K` (and `$40K`) or `$600B`."""
    assert messages("Rivals pay $20K–$40K more and manage $600B+ in assets.\n") == [
        "figure `$20K–$40K` (and `$600B+`) has no source: "
        "expected a citation marker, a link, or a listed source"
    ]
    assert messages("Acme grew from 40M to 100M+ users.\n")[0].startswith("figure `40M to 100M+`")
    body = "Rivals pay $20K–$40K more.\n"
    (found,) = lint_text(FRONT + body, select=("GL501",))
    assert (found.column, found.end_column) == (12, 21)


def test_gl501_in_list_items_and_quotes_blocks() -> None:
    item, quote = "- Second item grew 30%.", "> Quoted block grew 40%."
    body = f"- First item.\n{item}\n\n{quote}\n"
    assert claims(body) == [
        *at(BODY + 1, item, ("GL501", "30%")),
        *at(BODY + 3, quote, ("GL501", "40%")),
    ]


def test_gl501_in_a_sentence_spanning_lines_is_reported_at_the_figure() -> None:
    body = "Offers are up. Senior offers\nrose 30% this year.\n"
    assert claims(body) == at(BODY + 1, "rose 30% this year.", ("GL501", "30%"))
    (diagnostic,) = lint_text(FRONT + body, select=("GL501",))
    assert (diagnostic.end_line, diagnostic.end_column) == (BODY + 1, 9)
    # A figure broken over two lines starts on the first and ends on the second.
    first = "Offers are up. The market reached $1.1"
    body = f"{first}\nbillion this year.\n"
    assert claims(body) == at(BODY, first, ("GL501", "$1.1"))
    (diagnostic,) = lint_text(FRONT + body, select=("GL501",))
    assert (diagnostic.end_line, diagnostic.end_column) == (BODY + 1, len("billion") + 1)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Training time fell tenfold.", "tenfold"),
        ("Costs rose twofold.", "twofold"),
        ("Costs rose two-fold.", "two-fold"),
        ("Costs rose ten fold.", "ten fold"),
        ("Usage grew a hundredfold.", "a hundredfold"),
        ("Equity is three times higher than at senior.", "three times higher"),
        ("Roughly forty percent of postings ask for it.", "forty percent"),
        ("Twenty-five per cent of offers include a bonus.", "Twenty-five per cent"),
        ("The gap narrowed by six percentage points.", "six percentage points"),
        ("Bonuses average one hundred percent of target.", "one hundred percent"),
    ],
)
def test_gl501_numbers_written_as_words(sentence: str, figure: str) -> None:
    # Multipliers and percentages count however the number is spelled.
    line = f"Intro. {sentence}"
    assert claims(line + "\n") == at(BODY, line, ("GL501", figure))


@pytest.mark.parametrize(
    "sentence",
    [
        "The loop has four rounds.",
        "Forty engineers applied for twelve roles.",
        "Half of the offers include a bonus.",
        "The reason is twofold: pay and scope.",
        "The benefits are threefold.",
        "Ask two or three times before you accept a no.",
        "Manifold learning is not on the syllabus.",
    ],
)
def test_gl501_number_words_that_are_not_statistics(sentence: str) -> None:
    # Small counts stay small counts; "is twofold:" counts parts, not a multiple.
    assert claims(f"Intro. {sentence}\n") == []


def test_gl501_word_figure_message() -> None:
    assert messages("Pay rose tenfold.\n") == [
        "figure `tenfold` has no source: expected a citation marker, a link, or a listed source"
    ]


# --- GL502 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "span"),
    [
        ("the highest base", "the highest base"),
        ("one of the most demanding platforms", "the most demanding"),
        ("among the best teams", "the best teams"),
        ("a leading vendor", "leading vendor"),
        ("the market leader", "leader"),
        ("the #1 platform", "#1 platform"),
        ("the number one choice", "number one choice"),
        ("a world-class team", "world-class team"),
        ("the fastest team", "the fastest team"),
        ("the largest cluster", "the largest cluster"),
        ("an unmatched culture", "unmatched culture"),
        ("a best-in-class stack", "best-in-class stack"),
    ],
)
def test_gl502_superlatives(phrase: str, span: str) -> None:
    line = f"Intro. This is {phrase}."
    assert claims(line + "\n") == at(BODY, line, ("GL502", span))


@pytest.mark.parametrize(
    "sentence",
    [
        "Leading a team of four is typical.",
        "You can be a thought leader without a title.",
        "The best way to ask is in writing.",
        "Ask about the top of the band.",
        "Most engineers stay for years.",
        "The most recent round closed in May.",
        "This is one of the most demanding platforms [1].",
        "## The fastest team\n",
        "| The fastest | team |\n|---|---|\n| the best | x |",
    ],
)
def test_gl502_not_reported(sentence: str) -> None:
    assert claims(sentence + "\n" + SOURCES) == []


def test_gl502_a_listed_salary_source_backs_a_ranking_of_pay_not_of_anything_else() -> None:
    # Levels.fyi is salary data: naming it backs what people are paid, a ranking of pay
    # among it ("the highest-paying role"), but not a ranking of anything else.
    pay = "Levels.fyi data ranks it the highest-paying role, with bases of $300K."
    assert claims(pay + "\n" + SOURCES) == []
    other = "Levels.fyi data ranks it the most innovative team, with bases of $300K."
    assert claims(other + "\n" + SOURCES) == at(BODY, other, ("GL502", "the most innovative team"))


@pytest.mark.parametrize(
    ("phrase", "span"),
    [
        ("the industry's most demanding loop", "industry's most demanding"),
        ("the industry\u2019s most demanding loop", "industry\u2019s most demanding"),
        ("the world's largest cluster", "world's largest cluster"),
        ("Anyscale's highest band", "Anyscale's highest band"),
        ("the companies' best teams", "companies' best teams"),
        ("its best team", "its best team"),
        ("their fastest path to staff", "fastest path"),  # "their" owns nothing ranked
    ],
)
def test_gl502_superlatives_after_a_possessive(phrase: str, span: str) -> None:
    line = f"Intro. This is {phrase}."
    assert claims(line + "\n") == at(BODY, line, ("GL502", span))


@pytest.mark.parametrize(
    "sentence",
    [
        "It's best to ask in writing.",
        "It\u2019s most useful with a competing offer.",
        "What's best for you depends on vesting.",
        "The company's most recent round closed in May.",
        "Ask for their best offer before you decide.",
        "Ask for the recruiter's best number.",
        "The platform at its best is quick.",
        "Most of the offers include stock.",
        "Pay is at most two bands above the midpoint.",
        "The package is mostly base.",
        "Most people accept the first offer.",
    ],
)
def test_gl502_possessives_and_most_that_are_not_superlatives(sentence: str) -> None:
    assert claims(f"Intro. {sentence}\n") == []


def test_gl502_possessive_message_names_the_owner() -> None:
    assert messages("Work on the industry's most demanding systems.\n") == [
        "superlative `industry's most demanding systems` has no source: "
        "expected a citation marker or a link"
    ]


def test_gl502_possessive_form_follows_the_configured_list() -> None:
    body = "It is the world's stellar team. It is the industry's fastest team.\n"
    extended = Settings(
        extend_superlatives=("the stellar",), ignore_superlatives=("the fastest", "fastest")
    )
    assert claims(body) == at(BODY, body, ("GL502", "industry's fastest team"))
    assert claims(body, extended) == at(BODY, body, ("GL502", "world's stellar team"))


def test_gl502_question_ending_in_the_most_has_a_clean_message() -> None:
    assert messages("Which industries pay the most?\n") == [
        "superlative `the most` has no source: expected a citation marker or a link"
    ]


def test_gl502_message_shows_the_noun_phrase_it_ranks() -> None:
    """The message and the range run on to the end of the noun phrase ranked, not
    past a function word, a name, a participle or an adverb that opens a clause."""
    assert messages("This is one of the most demanding platforms.\n") == [
        "superlative `the most demanding platforms` has no source: expected a citation marker"
        " or a link"
    ]
    assert messages("Acme is among the scarcest talent markets in technology.\n") == [
        "superlative `the scarcest talent markets` has no source: expected a citation marker"
        " or a link"
    ]
    for text, shown in (
        (
            "Acme is the most ML/AI-intensive product at the company.",
            "the most ML/AI-intensive product",
        ),
        ("Acme ships the most advanced NPC AI ever seen.", "the most advanced NPC AI"),
        (
            "Acme runs the most complex banking programs globally.",
            "the most complex banking programs",
        ),
        ("Acme sends the strongest signal Wall Street reads.", "the strongest signal"),
        ("Acme runs the largest treasury desk based in Ohio.", "the largest treasury desk"),
        ("Acme built the most sophisticated and fastest engine.", "the most sophisticated"),
    ):
        assert messages(text + "\n")[0].startswith(f"superlative `{shown}`"), text


def test_gl502_message_reads_past_an_adverb_to_the_word_it_qualifies() -> None:
    assert messages("Acme runs the most technically demanding ledger in fintech.\n") == [
        "superlative `the most technically demanding ledger` has no source: expected a citation"
        " marker or a link"
    ]


def test_gl502_finding_spans_the_whole_hyphenated_compound() -> None:
    """A superlative joined by a hyphen to the words before it is found at them:
    the message names "second-largest", not "largest"."""
    body = "APM is the second-largest product line. Payroll is Industry-Leading Software.\n"
    assert claims(body) == at(
        BODY, body, ("GL502", "second-largest product"), ("GL502", "Industry-Leading Software")
    )
    assert messages(body)[0] == (
        "superlative `second-largest product line` has no source: expected a citation marker"
        " or a link"
    )


def test_gl502_options_extend_and_ignore_the_list() -> None:
    body = "It is a stellar team. It is the fastest team.\n"
    assert claims(body) == at(BODY, body, ("GL502", "the fastest team"))
    extended = Settings(
        extend_superlatives=("stellar",), ignore_superlatives=("The Fastest", "fastest")
    )
    assert claims(body, extended) == at(BODY, body, ("GL502", "stellar team"))
    assert claims(body, Settings(ignore_superlatives=("fastest", "the fastest"))) == []
    # written as a user may write it: case and runs of space aside
    assert claims(body, Settings(ignore_superlatives=("fastest", "The  Fastest"))) == []


# --- GL503 ---------------------------------------------------------------------------------


def test_gl503_unresolved_markers_are_reported_each_at_the_marker() -> None:
    body = "Offers rose [3] and [1, 4] and [2-5] and [^gone].\n" + SOURCES
    found = claims(body)
    assert [p for p in found if p[0] == "GL503"] == [
        ("GL503", BODY, 13),
        ("GL503", BODY, 21),
        ("GL503", BODY, 32),
        ("GL503", BODY, 42),
    ]


def test_gl503_messages() -> None:
    body = "A [3]. B [^gone].\n" + SOURCES
    assert [m for m in messages(body) if "[" in m][:2] == [
        "citation `[3]` points at no reference (3): the references list has [1]-[2]",
        "footnote `[^gone]` has no definition: expected a line `[^gone]: ...`",
    ]
    assert messages("A [3].\n") == [
        "citation `[3]` has no numbered references: expected a references list"
    ]


def test_gl503_in_tables_and_headings() -> None:
    body = "## Pay [4]\n\n| A | B |\n|---|---|\n| x [5] | y |\n" + SOURCES
    assert claims(body) == [("GL503", BODY, 8), ("GL503", BODY + 4, 5)]


def test_gl503_not_for_labels_links_code_and_quotes() -> None:
    body = (
        "[4] Training infrastructure\n\n"
        'See [4](https://example.com) and `x[4]` and "say [4]".\n\n'
        "In [28]: notebook output\n" + SOURCES
    )
    assert [p for p in claims(body) if p[0] == "GL503"] == []


def test_gl503_footnote_and_link_definitions_resolve() -> None:
    body = "A claim [^a] and [7].\n\n[^a]: A source\n[7]: https://example.com/x\n"
    assert claims(body) == []


# --- GL504 ---------------------------------------------------------------------------------


def test_gl504_unlisted_attribution() -> None:
    # The attribution is reported at the name, beside the figure it does not back.
    body = "Intro. Roughly 87% of projects fail, according to Gartner's research.\n"
    assert claims(body) == at(BODY, body, ("GL501", "87%"), ("GL504", "Gartner"))
    assert messages(body) == [
        "figure `87%` has no source: expected a citation marker, a link, or a listed source",
        "attribution to `Gartner`, which is neither in data_sources nor in the references",
    ]


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("ZipRecruiter says the average is lower.", [("GL504", "ZipRecruiter")]),
        (
            "The Bureau of Labor Statistics projects 26% growth.",
            [("GL504", "Bureau of Labor Statistics"), ("GL501", "26%")],
        ),
        ("LinkedIn's Emerging Jobs data identified the trend.", [("GL504", "LinkedIn")]),
        ("Pay rose, as reported by Business Insider.", [("GL504", "Business Insider")]),
        # a clause of "as", a relative clause, a possessive's longer name, qualifiers
        ("As Wood Mackenzie notes, the market is growing.", [("GL504", "Wood Mackenzie")]),
        (
            "It is a pillar that CEO Jane Roe has described as central.",
            [("GL504", "CEO Jane Roe")],
        ),
        (
            "Mercer's 2026 energy-tech pay survey puts the premium at 11%.",
            [("GL504", "Mercer"), ("GL501", "11%")],
        ),
        ("LinkedIn talent data shows the pool shrank.", [("GL504", "LinkedIn")]),
        # a company document named by kind and period that the list does not hold
        ("Per its latest 10-Q, backlog rose to $2.6B.", [("GL504", "10-Q"), ("GL501", "$2.6B")]),
        (
            "The Q2 2026 earnings call showed revenue up 18%.",
            [("GL504", "Q2 2026 earnings call"), ("GL501", "18%")],
        ),
    ],
)
def test_gl504_forms(sentence: str, spans: list[tuple[str, str]]) -> None:
    assert claims(sentence + "\n") == at(BODY, sentence, *spans)


@pytest.mark.parametrize(
    "sentence",
    [
        "According to Glassdoor, pay rose 9%.",
        "Glassdoor's remote data shows pay 26% lower.",
        "According to levels.fyi, pay rose 9%.",
        "According to Blind, pay rose 9%.",  # a named entry of the references section
        "According to Gartner, pay rose 9% [1].",  # the citation supports it
    ],
)
def test_gl504_listed_sources(sentence: str) -> None:
    assert claims(sentence + "\n" + SOURCES) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Per the 10-K, the company ended 2025 with 4,300 employees.",
        "The Q3 2026 earnings call showed revenue rose 18%.",
        "According to the 2025 Form 10-K, revenue rose 18%.",
    ],
)
def test_gl504_a_company_document_the_list_holds_backs_its_facts(sentence: str) -> None:
    documents = (
        "\n#### Sources\n\n1. Acme Inc., Form 10-K for fiscal 2025\n2. Acme Q3 2026 earnings call\n"
    )
    assert claims(sentence + "\n" + documents, select=("GL501", "GL504")) == []


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("People In AI says pay rose.", [("GL504", "People In AI")]),
        (
            "People In AI's market report found that pay jumped 20%.",
            [("GL504", "People In AI"), ("GL501", "20%")],
        ),
        ("Built In reports that pay rose 5%.", [("GL504", "Built In"), ("GL501", "5%")]),
        ("According to Built In, pay rose.", [("GL504", "Built In")]),
        (
            "The Bureau of Labor Statistics' survey found that pay rose.",
            [("GL504", "Bureau of Labor Statistics")],
        ),
        # Glassdoor is listed, but salary data does not back a growth figure.
        (
            "Glassdoor in 2025 reported 9% growth, and Built In says 12%.",
            [("GL501", "9%"), ("GL504", "Built In")],
        ),
    ],
)
def test_gl504_names_with_function_words(sentence: str, spans: list[tuple[str, str]]) -> None:
    # A common word that opens a capitalised name ("People In AI") is part of it.
    line = f"Intro. {sentence}"
    assert claims(line + "\n") == at(BODY, line, *spans)


def test_gl504_multi_word_names_listed_in_data_sources_or_references() -> None:
    front = FRONT.replace("  - Glassdoor\n", "  - Glassdoor\n  - People In AI\n")
    people = "People In AI's market report found that pay jumped 20%."
    body = (
        f"{people}\n\n"
        "Built In reports that pay rose 5% [2].\n\n"
        "According to the Bureau of Labor Statistics, pay rose 4%.\n\n"
        "#### Sources\n\n1. Bureau of Labor Statistics, occupational outlook\n"
        "2. Built In salary pages\n"
    )
    # No GL504: each name is listed.  What the sentence calls People In AI ("market
    # report") makes it research, which backs pay; the Bureau of Labor Statistics
    # publishes pay.
    assert claims(body, front=front) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # A group named only by its role is the guide's own observation, not a
        # source: neither GL504 (nothing named) nor GL505 (not an authority).
        "Data engineers say they prefer remote work.",
        "data engineers say they prefer remote work.",
        "Most engineers say the loop is fair.",
        "Many AI engineers say the loop is fair.",
    ],
)
def test_gl504_role_groups_are_not_named_sources(sentence: str) -> None:
    assert claims(f"Intro. {sentence}\n") == []


def test_gl504_matches_footnote_text_and_data_source_dicts() -> None:
    front = "---\ncompany: acme\ndata_sources:\n  - name: Carta\n---\n"
    body = "Carta says grants shrank. Hired found offers rose 9% [^h].\n\n[^h]: Hired report\n"
    assert claims(body, front=front) == []


# --- GL505 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("Our data shows roles grew 47%.", [("GL505", "Our data shows"), ("GL501", "47%")]),
        ("Studies show that asking works.", [("GL505", "Studies show")]),
        ("Research shows anchoring helps.", [("GL505", "Research shows")]),
        ("Experts say it will last.", [("GL505", "Experts say")]),
        ("It is widely believed that remote pays less.", [("GL505", "It is widely believed")]),
        ("Recruiters report faster offers.", [("GL505", "Recruiters report")]),
        (
            "According to industry surveys, offers rose.",
            [("GL505", "According to industry surveys")],
        ),
    ],
)
def test_gl505_vague_attribution(sentence: str, spans: list[tuple[str, str]]) -> None:
    line = f"Intro. {sentence}"
    assert claims(line + "\n") == at(BODY, line, *spans)


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Data suggests that equity matters more.", "Data suggests"),
        ("The data shows remote pays less.", "data shows"),
        ("The data indicates a widening gap.", "data indicates"),
        ("Surveys show remote pays less.", "Surveys show"),
        ("Recent surveys show remote pays less.", "surveys show"),
        ("According to recent surveys, offers rose.", "According to recent surveys"),
        ("According to recent reports, offers rose.", "According to recent reports"),
        ("According to recent studies, offers rose.", "According to recent studies"),
    ],
)
def test_gl505_unnamed_data_and_surveys(sentence: str, phrase: str) -> None:
    line = f"Intro. {sentence}"
    assert claims(line + "\n") == at(BODY, line, ("GL505", phrase))


@pytest.mark.parametrize(
    "sentence",
    [
        "The data team says the band moved.",
        "Levels.fyi data shows pay rising.",  # named and listed
        "This data shows the gap by region.",  # points at the guide's own table
        "Data shows up in the dashboard within a day.",
        "According to data from Glassdoor, offers rose.",
    ],
)
def test_gl505_not_for_data_that_is_named_or_not_an_authority(sentence: str) -> None:
    assert claims(f"Intro. {sentence}\n") == []


def test_gl505_vague_message_stops_at_the_phrase() -> None:
    assert messages("According to recent surveys, offers rose.\n") == [
        "vague attribution `According to recent surveys` names no source: "
        "expected a named, cited source"
    ]


def test_gl505_and_a_named_unlisted_source_in_the_same_sentence_are_both_reported() -> None:
    first = "According to recent surveys, Gartner's numbers understate the failure rate."
    second = "Gartner found pay rose 5%, and studies show the same."
    third = "According to recent surveys by Gartner, offers rose."  # named: not vague
    body = f"{first}\n\n{second}\n\n{third}\n"
    assert claims(body) == [
        *at(BODY, first, ("GL505", "According to recent surveys")),
        *at(BODY + 2, second, ("GL504", "Gartner"), ("GL501", "5%"), ("GL505", "studies show")),
        *at(BODY + 4, third, ("GL504", "Gartner")),
    ]
    assert messages(body)[0].startswith("vague attribution `According to recent surveys`")


def test_gl505_is_reported_beside_the_other_codes() -> None:
    body = "Our data shows the fastest team grew 47%, according to Gartner.\n"
    assert claims(body) == at(
        BODY,
        body,
        ("GL505", "Our data shows"),
        ("GL502", "the fastest team"),
        ("GL501", "47%"),
        ("GL504", "Gartner"),
    )
    assert messages(body)[0].startswith("vague attribution `Our data shows`")
    # Within a sentence the rule reports GL505, GL504, GL501, GL502, in that order.
    guide = parse_guide((FRONT + body).encode("utf-8"), "guide.md")
    ctx = Linter(Settings(), TODAY, Selection(("GL5",), ())).context("guide.md")
    assert [d.code for d in check_claims(guide, ctx)] == ["GL505", "GL504", "GL501", "GL502"]


def test_gl505_not_for_named_or_cited_authorities() -> None:
    body = (
        "Gartner research shows adoption rising.\n\n"
        "The gaps between sources tell you something.\n\n"
        "Studies show that asking works [1].\n" + SOURCES
    )
    assert [p[0] for p in claims(body)] == ["GL504"]


# --- precedence and scope ------------------------------------------------------------------


def test_an_attribution_is_reported_beside_the_figure_and_superlative_it_credits() -> None:
    # An unlisted attribution backs nothing: its sentence's claims are reported too.
    credited = "The fastest team grew 47%, according to Gartner."
    plain = "The fastest team grew 47%."
    body = f"{credited}\n\n{plain}\n\nThe fastest team.\n"
    assert claims(body) == [
        *at(BODY, credited, ("GL502", "The fastest team"), ("GL501", "47%"), ("GL504", "Gartner")),
        *at(BODY + 2, plain, ("GL502", "The fastest team"), ("GL501", "47%")),
        ("GL502", BODY + 4, 1),
    ]


def test_one_finding_per_code_and_sentence_and_one_per_unsupported_sentence() -> None:
    line = "Pay rose 12% and 10x. Pay fell 5% [1]. Pay rose 3%."
    body = line + "\n" + SOURCES
    assert claims(body, SENTENCE) == at(BODY, line, ("GL501", "12%"), ("GL501", "3%"))


def test_citation_scope_paragraph() -> None:
    first, second = "Pay rose 12%. It is the fastest team [1].", "Pay fell 5%."
    body = f"{first}\n\n{second}\n" + SOURCES
    unsupported = at(BODY + 2, second, ("GL501", "5%"))
    assert claims(body, SENTENCE) == at(BODY, first, ("GL501", "12%")) + unsupported
    assert claims(body, Settings(citation_scope="paragraph")) == unsupported
    assert claims(body) == unsupported  # paragraph is the default


def test_citation_scope_paragraph_covers_what_its_source_backs_but_not_other_blocks() -> None:
    first = "Studies show it. Gartner says so. It is the fastest team. Pay rose 9% [1]."
    item, last = (
        "- Pay rose 4%. See [the report](https://example.com/r).",
        "- Experts say it will last.",
    )
    body = f"{first}\n\n{item}\n{last}\n" + SOURCES
    paragraph = Settings(citation_scope="paragraph")
    # Reference 1 (Levels.fyi) is salary data: it covers the attributions and the
    # pay figure of its paragraph, not the ranking.
    assert claims(body, paragraph) == [
        *at(BODY, first, ("GL502", "the fastest team")),
        *at(BODY + 3, last, ("GL505", "Experts say")),
    ]
    assert claims(body, SENTENCE) == [
        *at(
            BODY,
            first,
            ("GL505", "Studies show"),
            ("GL504", "Gartner"),
            ("GL502", "the fastest team"),
        ),
        *at(BODY + 2, item, ("GL501", "4%")),
        *at(BODY + 3, last, ("GL505", "Experts say")),
    ]
    # A news source backs rankings too: then every code of the paragraph is covered.
    news = body.replace("1. Levels.fyi offers", "1. Bloomberg")
    assert claims(news, paragraph) == at(BODY + 3, last, ("GL505", "Experts say"))


def test_a_listed_attribution_supports_only_its_own_sentence() -> None:
    line = "According to Glassdoor, pay rose 9%. Pay fell 3%."
    paragraph = Settings(citation_scope="paragraph")
    body = line + "\n"
    assert claims(body) == claims(body, paragraph) == at(BODY, line, ("GL501", "3%"))


def test_the_references_section_is_not_checked_for_claims() -> None:
    body = "Intro [1] [2].\n\n## References\n\n1. The fastest team grew 47%\n2. Blind\n"
    assert claims(body) == []


# --- GL506 ---------------------------------------------------------------------------------


def test_gl506_unused_references_and_footnotes() -> None:
    body = (
        "Pay rose 3% [1].\n\n"
        "[^unused]: A note\n[9]: https://example.com\n"
        "\n#### Sources\n\n1. Levels.fyi\n2. Glassdoor\n"
    )
    found = claims(body, select=("GL5",))
    assert found == [
        ("GL506", BODY + 2, 1),
        ("GL506", BODY + 3, 1),
        ("GL506", BODY + 8, 1),
    ]
    assert messages(body)[-1] == "reference [2] is never cited: expected a `[2]` marker in the text"


def test_gl506_bullet_entries_are_named_sources_not_references() -> None:
    assert claims("Text.\n\n## Sources\n\n- Levels.fyi\n- Glassdoor\n", select=("GL506",)) == []


def test_gl506_an_ordered_list_is_a_bibliography_when_nothing_cites_a_number() -> None:
    body = "Text from Levels.fyi.\n\n## Evidence & Sources\n\n1. Levels.fyi\n2. Glassdoor\n"
    assert claims(body, select=("GL506",)) == []
    # One numbered citation puts the numbering in use: the rest are unused.
    assert claims(body.replace("Levels.fyi.", "Levels.fyi [1]."), select=("GL506",)) == [
        ("GL506", BODY + 5, 1)
    ]


def test_gl506_citations_in_tables_count() -> None:
    body = "| A | B |\n|---|---|\n| x [1] | y [2] |\n" + SOURCES
    assert claims(body, select=("GL5",)) == []


# --- frontmatter problems, suppression ---------------------------------------------------------


def test_claims_run_without_frontmatter() -> None:
    found = positions(lint_text("# Guide\n\nOur data shows 47% growth.\n"))
    assert ("GL002", 1, 1) in found and ("GL505", 3, 1) in found


def test_claims_run_when_the_frontmatter_is_broken() -> None:
    text = "---\ncompany: [unclosed\n---\nPay rose 47%.\n"
    found = positions(lint_text(text))
    (figure,) = at(4, "Pay rose 47%.", ("GL501", "47%"))
    assert figure in found and any(code == "GL003" for code, _, _ in found)


def test_claims_with_a_non_mapping_frontmatter() -> None:
    text = "---\n- a\n- b\n---\nPay rose 47%.\n"
    (figure,) = at(5, "Pay rose 47%.", ("GL501", "47%"))
    assert figure in positions(lint_text(text))


def test_a_claim_can_be_suppressed_on_its_line() -> None:
    body = "<!-- guidelint-disable-next-line GL501 -- checked against the offer letters -->\nPay rose 47%.\n"
    assert claims(body) == []


def test_empty_body() -> None:
    assert claims("") == []


# --- bad input -------------------------------------------------------------------------------

ADVERSARIAL = [
    "word " * 20_000,  # 100 KB on one line
    "[" * 100_000,
    "[1" * 50_000,
    "](" * 50_000,
    "1" * 100_000,
    "1," * 50_000,
    "1." * 50_000,
    "1 " * 50_000,
    "$1" * 50_000,
    "*" * 50_000 + "a" + "*" * 50_000,
    "**a " * 25_000,
    "_a_ " * 25_000,
    "`" * 100_000,
    "`a" * 50_000,
    "<!--" * 25_000,
    '"' * 100_000,
    "\u201c" * 100_000,
    "according to " * 7_000,
    "The Gartner says " * 6_000,
    "our data shows " * 6_000,
    "leading a leading " * 5_000,
    "Mr. " * 25_000,
    "a.b. " * 20_000,
    "[x](" * 25_000,
    "<a " * 33_000,
    "http://" + "a" * 100_000,
    "\\[" * 50_000,
    "[^" * 50_000,
    "Ab\nCd\n" * 15_000,
    "the most " * 11_000,
    "12% [1] " * 12_000,
    "twenty-" * 14_000,
    "twenty " * 14_000 + "fold",
    "a hundred " * 10_000,
    "x's most " * 11_000,
    "a" * 100_000 + "'s most",
    "People In " * 10_000 + "says",
    "According to recent surveys, " * 3_500,
    "the data shows " * 6_500,
    "It is twofold " * 7_000,
]


def claims_findings(body: str) -> list[Diagnostic]:
    """The claims check alone, on a guide parsed beforehand."""
    guide = parse_guide((FRONT + body + "\n" + SOURCES).encode("utf-8"), "guide.md")
    ctx = Linter(Settings(), TODAY, Selection(("GL5",), ())).context("guide.md")
    return list(check_claims(guide, ctx))


@pytest.mark.parametrize("text", ADVERSARIAL, ids=[f"case{i}" for i in range(len(ADVERSARIAL))])
def test_pathological_paragraphs_are_linted(text: str) -> None:
    # Linearity is asserted by tests/test_regex_linearity.py and measured by bench/;
    # this only runs the paragraphs through the claims check.
    assert isinstance(claims_findings(text), list)


def test_a_100_kb_single_line_paragraph_end_to_end() -> None:
    sentence = "Pay rose 12% at the fastest team, according to Gartner. "
    text = sentence * 1_800
    found = claims(text + "\n")
    assert len(text) > 100_000
    # Each sentence carries its figure, its superlative and its unlisted attribution.
    assert Counter(code for code, _, _ in found) == {"GL501": 1_800, "GL502": 1_800, "GL504": 1_800}
    assert len({(line, column) for _, line, column in found}) == 3 * 1_800


def test_many_sentences_are_linear() -> None:
    body = "Pay rose 12% [1]. The fastest team grew. Glassdoor says so.\n\n" * 2_000
    found = claims(body + SOURCES, select=("GL5",))
    # Glassdoor is listed, so each paragraph has one GL502; reference 2 is never cited.
    assert len(found) == 2_000 + 1


def test_non_ascii_punctuation_and_currency() -> None:
    body = "Bonuses reach \u20ac40\u202fK \u2014 or \u20b945,00,000\u2026 Right?\n\n\u00abQuoted 50%\u00bb.\n"
    assert [code for code, _, _ in claims(body)] == ["GL501", "GL501"]


def test_nested_emphasis_and_links() -> None:
    body = "***The [**fastest** team](https://example.com)*** is here. ***Pay _rose_ 12%***.\n"
    assert claims(body) == at(BODY, body, ("GL501", "12%"))


# --- documentation ----------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["GL501", "GL502", "GL503", "GL504", "GL505", "GL506", "GL507"])
def test_rule_documentation(code: str) -> None:
    result = run_cli(["rule", code])
    assert result.returncode == 0, result.stderr
    assert code in result.stdout and "xample" in result.stdout


def test_settings_replace_keeps_defaults() -> None:
    assert Settings()._replace(citation_scope="paragraph").citation_scope == "paragraph"


# --- citation scope, source lists and proposals ------------------------------------------------


def test_a_citation_mid_paragraph_covers_only_its_own_sentence() -> None:
    line = "Pay rose 12%. Pay fell 5% [1]. Pay rose 3%."
    body = line + "\n" + SOURCES
    both = at(BODY, line, ("GL501", "12%"), ("GL501", "3%"))
    assert claims(body) == both
    assert claims(body, SENTENCE) == both


def test_a_citation_closing_the_paragraph_covers_the_sentences_before_it_by_kind() -> None:
    line = "Pay rose 12%. Pay fell 5%. Pay rose 3% [1]."
    body = line + "\n" + SOURCES
    assert claims(body) == []
    assert claims(body, SENTENCE) == at(BODY, line, ("GL501", "12%"), ("GL501", "5%"))
    # Reference 1 is salary data: it backs the pay figures, not revenue or a ranking.
    line = "Revenue grew 40%. It is the fastest team. Pay rose 3% [1]."
    body = line + "\n" + SOURCES
    assert claims(body) == at(BODY, line, ("GL501", "40%"), ("GL502", "the fastest team"))


def test_a_closing_source_note_that_names_a_listed_source_covers_the_paragraph() -> None:
    # It backs the kinds its listed sources can back: Levels.fyi the pay, not the
    # margin; Bloomberg, which the guide does not list, backs nothing and is reported.
    listed = "Pay rose 12%. Margins are 68%. (Sources: Levels.fyi; Bloomberg)\n"
    assert claims(listed) == at(BODY, listed, ("GL501", "68%"), ("GL504", "Bloomberg"))
    assert claims(listed, SENTENCE) == at(
        BODY, listed, ("GL501", "12%"), ("GL501", "68%"), ("GL504", "Bloomberg")
    )
    # Each listed name backs its own kinds: a salary site beside a research report
    # does not make the report a pay survey.
    both = "Revenue grew 22%. (Sources: Levels.fyi; Gartner Industry Report 2025)\n"
    front = FRONT.replace("  - Glassdoor\n", "  - Glassdoor\n  - Gartner Industry Report 2025\n")
    assert claims(both, front=front) == []
    # Levels.fyi alone is salary data: the pay figure is covered, the margin is not.
    salary = "Pay rose 12%. Margins are 68%. (Source: Levels.fyi)\n"
    assert claims(salary) == at(BODY, salary, ("GL501", "68%"))
    # A note naming a source the guide does not list covers nothing, and names an
    # unlisted source as "Gartner says" does: GL504 at the name, GL501 at the figures.
    unlisted = "Pay rose 12%. Margins are 68%. Source: Gartner\n"
    assert claims(unlisted) == at(
        BODY, unlisted, ("GL501", "12%"), ("GL501", "68%"), ("GL504", "Gartner")
    )


def test_a_closing_note_names_an_unlisted_source_only_by_a_name_of_a_known_kind() -> None:
    # Levels.fyi is listed, Bloomberg is not; a date alone matches no entry.
    both = "Pay rose 12%. (Sources: Levels.fyi; Bloomberg, 2026)\n"
    assert claims(both + SOURCES) == at(BODY, both, ("GL504", "Bloomberg"))
    for when in ("2026", "Q4 2025", "March 2026"):
        dated = f"Pay rose 12%. [Source: Payscale, {when}]\n"
        expected = at(BODY, dated, ("GL501", "12%"), ("GL504", "Payscale"))
        assert claims(dated + SOURCES) == expected
    # Every unlisted name of the note, in one finding; a wrapped name is found whole.
    many = "Pay rose 12%. [Source: Levels.fyi; Payscale, Bloomberg and\n  Reuters]\n"
    assert messages(many + SOURCES) == [
        "attribution to `Payscale` (and `Bloomberg`, 1 more), which is neither in"
        " data_sources nor in the references"
    ]
    # Common words that name a source count in capitals; the company's own label,
    # which starts with its name, and a kind of source alone name no one to look up.
    for note in ("[Source: FT]", "[Source: Bloomberg coverage of Acme]"):
        third = f"Pay rose 12%. {note}\n"
        assert [c for c, _, _ in claims(third + SOURCES)] == ["GL501", "GL504"]
    for note in ("[Source: Acme SWE Comp 2026]", "[Source: news reports]", "[Source: ft notes]"):
        own = f"Pay rose 12%. {note}\n"
        assert claims(own + SOURCES) == at(BODY, own, ("GL501", "12%"))
    # A note that starts with the company's name is its own, a document too: unlisted,
    # it backs nothing, and is no unlisted source (the measuring half's labels say so).
    report = "Revenue grew 12%. [Source: Acme FY2026 Investor Report]\n"
    assert claims(report + SOURCES) == at(BODY, report, ("GL501", "12%"))
    # A note read to its last bracket; a bracket the block goes on after closes nothing.
    nested = "Pay rose 12%. (Sources: Levels.fyi (2025); Payscale)\n"
    assert claims(nested + SOURCES) == at(BODY, nested, ("GL504", "Payscale"))
    going_on = "Pay rose 12%. [Source: Payscale] Churn is low.\n"
    assert claims(going_on + SOURCES) == at(BODY, going_on, ("GL501", "12%"), ("GL504", "Payscale"))
    dated = "Pay rose 12%. [Sources: Levels.fyi, Payscale] (2025)\n"
    assert claims(dated + SOURCES) == at(BODY, dated, ("GL504", "Payscale"))


def test_a_bulleted_source_list_lists_its_sources() -> None:
    sources = (
        "\n## Evidence & Sources\n\n- Trustpilot profile \u2014 reviews\n- Hays salary guide\n"
    )
    grew, says = "Trustpilot grew 12% last year.", "Gartner says pay rose 12%."
    body = (
        "The 4.3 Trustpilot rating is 12% above peers.\n\n"
        f"Hays data shows pay rose 12%.\n\n{grew}\n\n{says}\n" + sources
    )
    assert claims(body) == [
        *at(BODY + 4, grew, ("GL501", "12%")),
        *at(BODY + 6, says, ("GL504", "Gartner"), ("GL501", "12%")),
    ]


def test_data_sources_objects_and_names_support_a_sentence() -> None:
    front = FRONT.replace(
        "  - Glassdoor\n",
        "  - name: Payscale\n    url: https://example.com/p\n    date_accessed: 2026-01-05\n",
    )
    body = "Payscale puts the median at $300K.\n\nThe Payscale median is 12% higher.\n"
    assert claims(body, front=front) == []
    first = front.count("\n") + 1
    line = "Gartner puts the median at $300K."
    assert claims(line + "\n", front=front) == at(
        first, line, ("GL504", "Gartner"), ("GL501", "$300K")
    )


@pytest.mark.parametrize(
    ("sentence", "name", "figure"),
    [
        ("Salary.com lands at $131,000.", "Salary.com", "$131,000"),
        ("Hays thinks it\u2019ll reach $5 billion by 2030.", "Hays", "$5 billion"),
        ("Postings tracked by AI Pulse rose 12%.", "AI Pulse", "12%"),
        ("Where Hays and Dice diverge by $70K, the role is unclear.", "Hays", "$70K"),
    ],
)
def test_gl504_attribution_shapes(sentence: str, name: str, figure: str) -> None:
    line = f"Intro. {sentence}"
    assert claims(line + "\n") == at(BODY, line, ("GL504", name), ("GL501", figure))


def test_gl504_attribution_in_a_pipe_separated_line() -> None:
    line = "Pay: $157K-$525K | Indeed reports $197K | Equity vests monthly"
    assert claims(line + "\n") == at(BODY, line, ("GL501", "$157K"), ("GL504", "Indeed"))


def test_strategy_blockquote_asks_are_proposals_but_facts_are_not() -> None:
    facts = "> Push for equity \u2014 the company grew 27% last year. Revenue reached $4B."
    body = (
        "> **Strategy:** Open at $300K base; $320K in New York. For London, target \u00a3200K.\n"
        f"{facts}\n"
    )
    assert claims(body) == at(BODY + 1, facts, ("GL501", "27%"), ("GL501", "$4B"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Push for 50-80% above the first signing bonus.",
        "Since pay is public, use it \u2014 then demand a 1.5-2x equity premium.",
        "If they counter below $230K, negotiate for a $40K signing bonus.",
        "Your accept-at floor should be $240,000 total comp.",
        "Accept-at floor: $175,000 base in SF; $180,000 base in NY.",
        "**Target:** Base $300K, Bonus 15%, Signing $50K",
        '**Equity lever, 20% premium:** "I would like the grant raised to match."',
    ],
)
def test_asks_and_script_titles_are_not_gl501(sentence: str) -> None:
    assert claims(f"- {sentence}\n") == []


def test_first_person_lines_are_scripts_only_in_a_blockquote() -> None:
    assert claims("> I'm targeting $300K base.\n") == []
    line = "I'm targeting $300K base."
    assert claims(line + "\n") == at(BODY, line, ("GL501", "$300K"))


@pytest.mark.parametrize("figure", ["\u00a3148K", "\u00a3148,000", "$195,000", "$195K"])
def test_frontmatter_figures_in_any_spelling_are_supported(figure: str) -> None:
    assert claims(f"Bases start at {figure} for this level.\n") == []


def test_rupee_figures_in_lakh_are_matched_to_the_frontmatter() -> None:
    front = FRONT.replace(
        "data_sources:",
        "  - region: Bangalore\n    base_low: 2000000\n    currency: INR\ndata_sources:",
    )
    body = "Bases start at \u20b920L.\n\nOr \u20b920,00,000 in words.\n\nNot \u20b921L.\n"
    first = front.count("\n") + 1
    assert claims(body, front=front) == at(first + 4, "Not \u20b921L.", ("GL501", "\u20b921L"))


def test_bonus_percentages_of_the_frontmatter_are_supported() -> None:
    front = FRONT.replace("    base_high: 194000\n", "    base_high: 194000\n    bonus_pct: 10\n")
    front = front.replace("    base_high: 255000\n", "    base_high: 255000\n    bonus_pct: 25\n")
    body = "Bonus targets run 10-25%.\n\nTargets run 10%.\n\nOffers rose 12%.\n\nRuns 10-30%.\n"
    first = front.count("\n") + 1
    assert claims(body, front=front) == [
        *at(first + 4, "Offers rose 12%.", ("GL501", "12%")),
        *at(first + 6, "Runs 10-30%.", ("GL501", "10-30%")),
    ]


def test_bonus_percentages_back_only_the_tag_item_that_names_a_bonus() -> None:
    front = FRONT.replace("    base_high: 194000\n", "    base_high: 194000\n    bonus_pct: 10\n")
    front = front.replace("    base_high: 255000\n", "    base_high: 255000\n    bonus_pct: 25\n")
    line = "RSU + Bonus | 10-25% Engine Premium | Remote"
    body = f"RSU | 10-25% Bonus | Remote\n\n{line}\n"
    first = front.count("\n") + 1
    assert claims(body, front=front) == at(first + 2, line, ("GL501", "10-25%"))


def test_possessive_compound_superlatives() -> None:
    line = "It is the world's highest-paying firm."
    body = f"Teams close Acme's highest-value deals.\n\n{line}\n"
    assert claims(body) == at(BODY + 2, line, ("GL502", "world's highest-paying firm"))


# --- GL507 ----------------------------------------------------------------------------------

SCRIPT = (
    'Say: "OpenAI is offering $248K base, so I need more."\n\n'
    'Or: "Meta offered $195K and I want $260K."\n\n'
    'Or: "I need $250K base."\n'
)


def test_gl507_is_off_unless_selected_by_its_code() -> None:
    assert [p for p in claims(SCRIPT, select=("GL",)) if p[0].startswith("GL5")] == []
    assert claims(SCRIPT, select=("GL5",)) == []
    assert claims(SCRIPT, select=("GL507",)) == [("GL507", BODY, 26)]
    assert claims(SCRIPT, select=("GL5", "GL507")) == [("GL507", BODY, 26)]


def test_gl507_message_names_the_third_party() -> None:
    found = lint_text(FRONT + SCRIPT, select=("GL507",))
    assert [d.message for d in found] == [
        "script states `OpenAI is offering $248K` as a fact about OpenAI: "
        "expected a placeholder or a cited source"
    ]


def test_opt_in_codes_need_their_full_code() -> None:
    chosen = Selection(("GL5",), opt_in=frozenset({"GL507"}))
    assert chosen.enabled("GL501") and not chosen.enabled("GL507")
    assert Selection(("GL507",), opt_in=frozenset({"GL507"})).enabled("GL507")
    assert not Selection(("GL507",), ("GL507",), frozenset({"GL507"})).enabled("GL507")


def test_gl501_count_magnitudes_reads_magnitudes_as_figures() -> None:
    # ("in 40 markets" is a footprint count now, read either way: see footprint_counts)
    # (a customer base, "millions of sellers", is read either way: see magnitudes.bases)
    body = "Acme hosts millions of listings in retail.\n"
    assert claims(body) == []
    assert claims(body, Settings(count_magnitudes=True)) == at(BODY, body, ("GL501", "millions"))


def test_gl501_reads_a_magnitude_of_a_customer_base_as_a_company_metric() -> None:
    body = "Acme serves millions of small businesses. It stores billions of files.\n"
    assert claims(body) == at(BODY, body, ("GL501", "millions"))


def test_gl501_reads_a_magnitude_with_a_rate_as_a_throughput() -> None:
    body = "Acme ingests billions of events per day. It hosts millions of listings.\n"
    assert claims(body) == at(BODY, body, ("GL501", "billions"))
    hedged = "An outage could delay millions of payments a day.\n"
    assert claims(hedged) == []


def test_gl501_reads_a_magnitude_of_money_as_an_amount() -> None:
    body = "Acme's data unit earns hundreds of millions in annual revenue.\n"
    assert claims(body) == at(BODY, body, ("GL501", "hundreds of millions"))


def test_gl501_a_sum_beyond_any_years_pay_is_no_pay_figure() -> None:
    # A salary source cannot back "billions of dollars in payouts", pay word or not;
    # "millions in equity" may be one person's pay, which it can back.
    body = "Acme settles billions of dollars in payouts every day. (Source: Levels.fyi)\n"
    assert claims(body) == at(BODY, body, ("GL501", "billions"))
    equity = "Founders earned millions in equity. (Source: Levels.fyi)\n"
    assert claims(equity) == []


@pytest.mark.parametrize(
    ("text", "figure", "kind"),
    [
        ("Total pay includes base salary ($150K–$260K) and equity.", "$260K", "pay"),
        ("Bonuses run 10–15% of base.", "15%", "pay"),
        ("Revenue grew to $1B–$2B last year.", "$2B", "fact"),
    ],
)
def test_the_high_end_of_a_range_measures_what_its_low_end_does(
    text: str, figure: str, kind: str
) -> None:
    from guidelint.claims.support import figure_kind

    start = text.index(figure)
    assert figure_kind(text, start, start + len(figure)) == kind


def test_a_sources_heading_after_an_emoji_opens_the_list() -> None:
    # The same heading key as the required-sections rule reads: "📚 Sources" is "Sources".
    body = "Acme pays well [1].\n\n## 📚 Sources\n\n1. Levels.fyi, 2025: senior base $310K\n"
    assert claims(body) == []


@pytest.mark.parametrize("amount", ["$80M", "₩80M", "₪80M"])
def test_an_amount_after_an_ambiguous_verb_attributes_in_any_currency(amount: str) -> None:
    # "puts" attributes when an amount follows it, whichever symbol the table of
    # currencies spells it with.
    found = claims(f"Gartner puts {amount} on the market.\n", select=("GL504",))
    assert [code for code, _, _ in found] == ["GL504"]


@pytest.mark.parametrize(
    ("name", "reported"),
    [
        ("Robert Walters salary survey", True),  # "Robert Half" is another firm
        ("Robert Half survey", False),
        ("Glassdoor Reviews", False),  # a source noun after the name
    ],
)
def test_gl504_a_name_is_not_listed_by_its_first_word_alone(name: str, reported: bool) -> None:
    front = FRONT.replace("  - Glassdoor\n", "  - Glassdoor\n  - Robert Half Salary Guide 2026\n")
    line = f"According to the {name}, London bases climbed again."
    found = claims(f"Intro.\n\n{line}\n", front=front)
    row = front.count("\n") + 3  # the body's third line
    assert found == ([("GL504", row, line.index(name.split()[0]) + 1)] if reported else [])
