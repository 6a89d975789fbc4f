"""Names that look like figures or sources: a number a paragraph uses as a name, a
source note that shares only the company's name and a date with the listed sources,
and a name with digits ("a16z") that ties a figure to the entry stating it."""

from __future__ import annotations

import pytest

from conftest import lint_text

FRONT = """\
---
company: acme-games
company_display: Acme Games
role: software-engineer
data_sources:
  - Acme Games SWE Comp — Levels.fyi 2025
  - Acme Games FY2025 Earnings
  - a16z $15B Fundraise — January 2026, TechCrunch
---

"""


def found(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in lint_text(FRONT + text + "\n", select=("GL5",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "NBA 2K" makes 2K a name wherever the paragraph writes it
        (
            "Its labels ship NBA 2K each autumn; 2K (Novato, Baltimore) hires engine programmers.",
            [],
        ),
        ("The label sold 2K seats, and the store adds 3K more a year.", [("GL501", 11, 16)]),
        # ... and wherever the guide writes it, once it is a name in one paragraph
        ("Its labels ship NBA 2K each autumn.\n\nRockstar pays more than 2K.", []),
        # ... but not where a word follows it, a count of something
        ("Senior ICs reach TC 450K at L6.\n\nThe app has 450K daily users.", [("GL501", 13, 13)]),
        # a note that shares only the company's name and a date with the list backs nothing
        (
            "Acme Games is valued at $30B. Its studios hire all year."
            " [Source: Acme Games FY2026 Investor Report]",
            [("GL501", 11, 25)],
        ),
        # the listed earnings back the company's figures; the company's name is not needed
        (
            "Acme Games is valued at $30B. Its studios hire all year. [Source: Acme Games earnings]",
            [],
        ),
        # what else a company note names is matched: a listed site, a listed earnings
        (
            "Senior base runs near $210K here. Offers keep rising."
            " [Source: Levels.fyi data for Acme Games]",
            [],
        ),
        (
            "Acme Games is valued at $30B. Its studios hire all year."
            " [Source: Acme Games Q4 FY2025 earnings]",
            [],
        ),
        # a note of the company and a date alone names no document
        (
            "Acme Games is valued at $30B. Its studios hire all year. [Source: Acme Games 2026]",
            [("GL501", 11, 25)],
        ),
        # the entry stating $15B names a16z, as the sentence does
        ("Its partners let a16z deploy $15B across the portfolio.", []),
        ("Its partners deploy $15B across the portfolio each year.", [("GL501", 11, 21)]),
    ],
)
def test_names(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert found(text) == expected


SOURCES = "\n\n## Sources\n\n1. Glassdoor, Acme Games salary reports for Seattle and Singapore (Glassdoor, 2026-08-29)\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place names no source: the entry covers Singapore, Hays is not listed
        (
            "Hays' 2026 Singapore salary guide puts senior base at SGD 168K–210K.",
            [("GL504", 11, 1), ("GL501", 11, 55)],
        ),
        # ... and the listed publisher backs the pay it reports there
        ("Glassdoor's Singapore salary reports put senior base at SGD 168K–210K.", []),
        # a year before a name is its edition: the name is still read, and looked up
        (
            "The 2026 Mercer Total Remuneration Survey puts senior base at SGD 168K–210K.",
            [("GL504", 11, 10), ("GL501", 11, 63)],
        ),
        ("The 2026 Glassdoor salary reports put senior base at SGD 168K–210K.", []),
    ],
)
def test_places_and_editions_name_no_source(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert found(text + SOURCES) == expected


def test_a_quoted_title_in_the_sources_list_states_its_figures() -> None:
    """An entry's quoted headline states what it says: a sentence sharing a word with
    it is backed, as it would be by the same words unquoted."""
    sources = (
        '\n#### Sources\n\n1. Finextra, "Acme Games buys Tidewell for $340 million"'
        " (Finextra, 2026-06-03)\n"
    )
    body = "After the $340M Tidewell deal, the studio moved its tools team to Lisbon.\n"
    assert found(body + sources) == []
    assert found("After the $340M Lumen deal, the studio grew.\n" + sources) == [
        ("GL501", FRONT.count("\n") + 1, 11)
    ]
