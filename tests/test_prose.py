"""Prose extraction: blocks with exact positions, masking, sentences, markers, references."""

from __future__ import annotations

import pytest

from guidelint.document import parse_guide
from guidelint.masking import mask
from guidelint.prose import Prose, extract, find_markers, is_reference_heading
from guidelint.sentences import split_sentences

HEAD = "---\ncompany: acme\n---\n"  # the body starts on line 4


def prose_of(body: str) -> Prose:
    return extract(parse_guide((HEAD + body).encode("utf-8"), "guide.md"))


def sentences(text: str) -> list[str]:
    masked, _ = mask(text)
    return [text[start:end] for start, end in split_sentences(text, masked)]


# --- sentence splitting -------------------------------------------------------------------


def test_abbreviations_decimals_and_initials_do_not_end_sentences() -> None:
    text = (
        "Pay rose 12% in the U.S. last year, e.g. in Austin. Approx. $1.1 billion went to "
        "Michael I. Jordan's lab. It grew 2.5x faster than expected vs. peers. Done."
    )
    assert sentences(text) == [
        "Pay rose 12% in the U.S. last year, e.g. in Austin.",
        "Approx. $1.1 billion went to Michael I. Jordan's lab.",
        "It grew 2.5x faster than expected vs. peers.",
        "Done.",
    ]


def test_question_and_exclamation_marks_end_sentences() -> None:
    assert sentences("Is it 10%? Yes! It is.") == ["Is it 10%?", "Yes!", "It is."]


def test_a_lower_case_word_after_a_full_stop_continues_the_sentence() -> None:
    assert sentences("The figure is approx. three times higher.") == [
        "The figure is approx. three times higher."
    ]


def test_citation_markers_after_the_full_stop_belong_to_the_sentence_before() -> None:
    assert sentences("Offers rose 12%.[3] Then they fell. [4] Later.") == [
        "Offers rose 12%.[3]",
        "Then they fell. [4]",
        "Later.",
    ]


def test_a_bare_line_before_a_capital_is_its_own_sentence() -> None:
    # Pasted pages put headings on bare lines; a wrapped sentence stays whole.
    assert sentences("Why Demand Is Rising\nTwo things changed.") == [
        "Why Demand Is Rising",
        "Two things changed.",
    ]
    assert sentences("Engineers are in demand from\nGoogle and Meta.") == [
        "Engineers are in demand from\nGoogle and Meta."
    ]


def test_quoted_sentences_keep_their_closing_full_stop() -> None:
    assert sentences('He said "We pay the most." Then he left.') == [
        'He said "We pay the most."',
        "Then he left.",
    ]


# --- masking ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Run `top 50%` now", "top 50%"),
        ("A [link](https://x.com/50%25) here", "https://x.com/50%25"),
        ("See <https://example.com/a> now", "https://example.com/a"),
        ("See https://example.com/10x now", "https://example.com/10x"),
        ("Hidden <!-- 45% --> text", "45%"),
        ('Say "I need $250K." now', "I need $250K"),
        ("Say \u201cthe best offer\u201d now", "the best offer"),
        ("Say \u2018the best offer\u2019 now", "the best offer"),
        ("An <span class='x'>inline</span> tag", "<span class='x'>"),
        ("An ![chart of 40% growth](c.png) image", "chart of 40% growth"),
    ],
)
def test_masking_hides_what_is_not_the_authors_statement(text: str, hidden: str) -> None:
    masked, _ = mask(text)
    assert len(masked) == len(text)
    start = text.index(hidden)
    assert masked[start : start + len(hidden)].strip() in ("", "."), masked


def test_masking_keeps_link_text_and_records_the_link() -> None:
    text = "Read [the 2025 report](https://x.com) first."
    masked, links = mask(text)
    assert "the 2025 report" in masked and "https" not in masked
    assert links == [(5, 37)]


def test_apostrophes_do_not_start_quotations() -> None:
    text = "Anyscale\u2019s offer is 10% higher and it\u2019s final."
    assert mask(text)[0] == text


def test_an_unclosed_quotation_masks_nothing() -> None:
    text = 'He said "the band is $300K and left.'
    assert mask(text)[0] == text


def test_emphasis_and_escapes_are_blanked() -> None:
    masked, _ = mask(r"**Bold** and \[1] here")
    assert masked == "  Bold   and   1] here"


# --- markers -------------------------------------------------------------------------------


def test_marker_forms_and_ranges() -> None:
    text = "a [1] b [1, 2] c [1-3] d [2\u20134] e [^note] f [1](x) g [2]: h"
    markers = find_markers(text)
    assert [(m.kind, m.keys) for m in markers] == [
        ("number", ("1",)),
        ("number", ("1", "2")),
        ("number", ("1", "2", "3")),
        ("number", ("2", "3", "4")),
        ("footnote", ("note",)),
    ]
    assert text[markers[0].start : markers[0].end] == "[1]"


def test_a_bracket_at_the_start_of_a_block_is_a_label() -> None:
    assert find_markers("[1]Training infrastructure") == []
    assert [m.text for m in find_markers("  [2] Intro then [3]")] == ["[3]"]


def test_huge_ranges_are_not_expanded() -> None:
    (marker,) = find_markers("x [1-9999]")
    assert marker.keys == ("1", "9999")


# --- blocks and positions ----------------------------------------------------------------


def test_blocks_carry_file_lines_and_columns() -> None:
    prose = prose_of(
        "# Title [9]\n"  # line 4
        "\n"
        "First line\n"  # line 6
        "  second line.\n"
        "\n"
        "- item one [1]\n"  # line 9
        "  > quoted\n"
        "\n"
        "> A quote block\n"  # line 12
        "> continues here.\n"
        "\n"
        "| A | B |\n"  # line 15
        "|---|---|\n"
        "| x [3] | y [^n] |\n"  # line 17
    )
    kinds = [(b.kind, b.lines[0], b.columns[0]) for b in prose.blocks]
    assert kinds == [
        ("heading", 4, 3),
        ("paragraph", 6, 1),
        ("item", 9, 3),
        ("item", 10, 5),
        ("paragraph", 12, 3),
        ("cell", 15, 3),
        ("cell", 15, 7),
        ("cell", 17, 3),
        ("cell", 17, 11),
    ]
    paragraph = prose.blocks[1]
    assert paragraph.lines == [6, 7]
    assert paragraph.position(paragraph.text.index("second")) == (7, 3)
    quote = prose.blocks[4]
    assert quote.position(quote.text.index("continues")) == (13, 3)
    cell = prose.blocks[8]
    assert cell.position(cell.markers[0].start) == (17, 13)
    assert [b.prose for b in prose.blocks] == [False, True, True, True, True] + [False] * 4


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("**Global Levers**", "heading"),
        ("__Global Levers__", "heading"),
        ("**HPC Premium \u2014 $295K Average TC, $420K+ Top 10%**", "heading"),
        # A bold sentence, a bold label, a partly bold line: prose, as markdownlint's MD036 reads them.
        ("**It is the hardest role to fill.**", "paragraph"),
        ("**Negotiation DNA:**", "paragraph"),
        ("**Equity** grew 40% last year", "paragraph"),
        ("**A** and **B**", "paragraph"),
    ],
)
def test_a_bold_line_alone_stands_for_a_heading(line: str, kind: str) -> None:
    prose = prose_of(f"Intro.\n\n{line}\n\nText.\n")
    assert [(b.kind, b.lines[0]) for b in prose.blocks] == [
        ("paragraph", 4),
        (kind, 6),
        ("paragraph", 8),
    ]


def test_a_bold_first_line_heads_the_rest_of_its_paragraph() -> None:
    prose = prose_of("**Global Levers**\nPay rose 40% last year.\nAnd more.\n")
    assert [(b.kind, b.lines, b.columns) for b in prose.blocks] == [
        ("heading", [4], [1]),
        ("paragraph", [5, 6], [1, 1]),
    ]
    assert prose.blocks[1].position(prose.blocks[1].text.index("40%")) == (5, 10)


def test_a_bold_first_line_can_open_the_references() -> None:
    prose = prose_of("Text [1].\n\n**Evidence & Sources**\n[1] Levels.fyi offers, 2026\n")
    assert [b.kind for b in prose.blocks] == ["paragraph", "heading", "reference"]
    assert [(e.kind, e.key, e.line) for e in prose.entries] == [("number", "1", 7)]


def test_a_bold_sentence_first_line_stays_prose() -> None:
    prose = prose_of("**It is the hardest role.**\nPay rose 40% last year.\n")
    assert [(b.kind, b.lines) for b in prose.blocks] == [("paragraph", [4, 5])]


def test_code_blocks_html_blocks_and_tables_are_not_prose() -> None:
    prose = prose_of(
        "```\nGrew 50%.\n```\n\n    indented 60%\n\n<div>\n70%\n</div>\n\n<!--\n80%\n-->\n\nText.\n"
    )
    assert [(b.kind, b.text) for b in prose.blocks] == [("paragraph", "Text.")]


def test_sentences_have_file_positions() -> None:
    prose = prose_of("Intro here.\n  Pay rose 12%. It fell\nagain.\n")
    block = prose.blocks[0]
    assert [(s.line, s.column, s.end_line, s.end_column) for s in block.sentences] == [
        (4, 1, 4, 12),
        (5, 3, 5, 16),
        (5, 17, 6, 7),
    ]


# --- the references section ------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Sources",
        "References",
        "Evidence & Sources",
        "Evidence and Sources",
        "Notes",
        "**Sources:**",
        "5.References",
        "4. Sources",
        "Footnotes",
        "📚 Sources",
        ":books: Evidence & Sources",
        "V. References",
    ],
)
def test_reference_headings(heading: str) -> None:
    assert is_reference_heading(heading)


@pytest.mark.parametrize("heading", ["Source code", "Negotiation notes for London", "Salary"])
def test_other_headings_are_not_reference_headings(heading: str) -> None:
    assert not is_reference_heading(heading)


def test_reference_entries_numbered_named_footnotes_and_definitions() -> None:
    prose = prose_of(
        "Claim [1].\n"  # line 4
        "\n"
        "#### Evidence & Sources\n"  # line 6
        "\n"
        "1. Levels.fyi ML track\n"  # line 8
        "2. [Glassdoor salaries](https://glassdoor.example/x)\n"
        "\n"
        "- Blind offer threads\n"  # line 11
        "\n"
        "[^lv]: Levels.fyi export, 2026\n"  # line 13
        "[7]: https://example.com/report\n"
        "\n"
        "## Next section\n"  # line 16
        "\n"
        "1. Not a reference.\n"
    )
    entries = sorted((e.kind, e.key, e.text, e.line, e.column) for e in prose.entries)
    assert entries == [
        ("footnote", "lv", "Levels.fyi export, 2026", 13, 1),
        ("named", "", "Blind offer threads", 11, 1),
        ("number", "1", "Levels.fyi ML track", 8, 1),
        ("number", "2", "Glassdoor salaries", 9, 1),
        ("number", "7", "https://example.com/report", 14, 1),
    ]
    kinds = [b.kind for b in prose.blocks]
    assert kinds[-2:] == ["heading", "item"]  # the section ends at the next heading
    assert prose.blocks[-1].prose


def test_a_plain_line_heading_with_plain_entries() -> None:
    prose = prose_of("Text.\n\n5.References\n\n  1. Levels.fyi\n  2. CNCF survey\n")
    assert sorted((e.key, e.text, e.line, e.column) for e in prose.entries) == [
        ("1", "Levels.fyi", 8, 3),
        ("2", "CNCF survey", 9, 3),
    ]


def test_plain_numbered_lines_under_a_references_heading() -> None:
    prose = prose_of("## References\n\n[1] Levels.fyi data\n[2] Glassdoor\nBlind threads\n")
    assert sorted((e.kind, e.key, e.text, e.line) for e in prose.entries) == [
        ("named", "", "Blind threads", 8),
        ("number", "1", "Levels.fyi data", 6),
        ("number", "2", "Glassdoor", 7),
    ]


def test_a_long_paragraph_ends_an_unmarked_references_section() -> None:
    long = "This paragraph is ordinary prose again. " * 10
    prose = prose_of(f"Sources:\n- Levels.fyi\n\n{long}\n")
    assert [e.text for e in prose.entries] == ["Levels.fyi"]
    assert prose.blocks[-1].kind == "paragraph"


def test_extraction_is_cached_per_guide() -> None:
    guide = parse_guide((HEAD + "Text.\n").encode(), "guide.md")
    assert extract(guide) is extract(guide)


def test_a_script_runs_on_over_the_blocks_of_its_blockquote() -> None:
    prose = prose_of(
        "> **\"I want to be direct. I'm accepting:**\n"  # line 4: the quotation opens
        "> - a $5B valuation and no profit\n"
        "> - a base below the market\n"
        ">\n"
        '> **In exchange, I need the leading equity band."** Pay rose 30%.\n'  # closes
        "\n"
        "Pay rose 40% last year.\n"
    )
    masked = {b.lines[0]: b.masked for b in prose.blocks}
    assert "$5B" not in masked[5] and "below" not in masked[6]
    assert "leading" not in masked[8] and "Pay rose 30%." in masked[8]
    assert "40%" in masked[10]


def test_an_inch_mark_opens_no_quotation() -> None:
    prose = prose_of('> The 27" monitor budget is small.\n\n> Pay rose 43% last year.\n')
    assert "43%" in prose.blocks[1].masked


def test_a_bold_heading_ends_an_unmarked_references_section() -> None:
    prose = prose_of(
        "**Sources**\n\nLevels.fyi offers, 2026\n\n**Negotiation Levers**\n\nAcme paid 47% more.\n"
    )
    assert [b.kind for b in prose.blocks] == ["heading", "reference", "heading", "paragraph"]
