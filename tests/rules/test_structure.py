"""GL601-GL602: required sections per guide type and the least number of regions."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, edited, lint_text, positions
from guidelint.config import Settings
from guidelint.headings import heading_key
from guidelint.rules.structure import contains

COMPLETE = (FIXTURES / "structure" / "complete.md").read_text(encoding="utf-8")
BODY = 47  # the line after the closing `---`


def gl6(text: str, **kwargs: object) -> list:  # type: ignore[type-arg]
    return lint_text(text, select=("GL601", "GL602"), **kwargs)  # type: ignore[arg-type]


def test_complete_guide_has_every_section() -> None:
    assert gl6(COMPLETE) == []


def test_gl601_is_off_unless_selected_by_code() -> None:
    text = edited(COMPLETE, ("#### 2. Level mapping\n", "#### 2. Levels\n"))
    assert [d.code for d in lint_text(text, select=("GL6",))] == []
    assert positions(gl6(text)) == [("GL601", BODY, 1)]


@pytest.mark.parametrize(
    ("old", "new", "section"),
    [
        (
            "### ML/AI Engineer | Anyscale Global Negotiation Guide\n",
            "### Anyscale\n",
            "title line",
        ),
        ("**Negotiation DNA:** `Cash", "**Summary:** `Cash", "Negotiation DNA"),
        ("#### 2. Level mapping\n", "#### 2. Levels\n", "Level Mapping"),
        ("> **Negotiate Up Strategy:** ask", "> **Closing:** ask", "Negotiate Up Strategy"),
        ("#### Evidence and Sources:\n", "#### Reading\n", "Evidence & Sources"),
        ("| Region | Base Salary |", "| Place | Base Salary |", "compensation table"),
    ],
)
def test_each_missing_section_is_one_finding_at_the_body_start(
    old: str, new: str, section: str
) -> None:
    found = gl6(edited(COMPLETE, (old, new)))
    assert positions(found) == [("GL601", BODY, 1)]
    assert section in found[0].message


def test_title_must_be_a_heading_not_a_bold_label() -> None:
    text = edited(
        COMPLETE,
        (
            "### ML/AI Engineer | Anyscale Global Negotiation Guide\n",
            "**ML/AI Engineer | Anyscale Global Negotiation Guide**\n",
        ),
    )
    assert positions(gl6(text)) == [("GL601", BODY, 1)]


def test_every_missing_section_is_reported_once() -> None:
    text = COMPLETE.split("---\n### ", 1)[0] + "---\nNothing here yet.\n"
    assert positions(gl6(text)) == [("GL601", BODY, 1)] * 6


@pytest.mark.parametrize(
    ("written", "spelling", "expected"),
    [
        ("**Negotiation DNA:**", "Negotiation DNA", True),
        ("4. Evidence and Sources:", "Evidence & Sources", True),
        ("Extended Evidence & Sources", "Evidence & Sources", True),
        (":rocket: Level Mapping & Internal Titles", "Level Mapping", True),
        ("🏗️ LEVEL MAPPING", "Level Mapping", True),
        ("Data Sources", "Sources", True),
        ("Resources", "Sources", False),
        ("Level Mappings", "Level Mapping", False),
        ("Data Engineer — Asana Salary Negotiation Guide", "Negotiation Guide", True),
    ],
)
def test_spellings_match_whole_words(written: str, spelling: str, expected: bool) -> None:
    assert contains(written, spelling) is expected


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("**2. Evidence and Sources:**", "evidence & sources"),
        ("📚 Evidence & Sources", "evidence & sources"),
        (":books: Sources", "sources"),
        ("5.Sources", "sources"),
        ("V. Evidence & sources", "evidence & sources"),
        ("3rd-party data", "3rd-party data"),
        ("2026 Outlook", "outlook"),
    ],
)
def test_heading_key_normalises(written: str, key: str) -> None:
    assert heading_key(written) == key


def test_role_guide_needs_its_own_title() -> None:
    from conftest import REPO

    text = (REPO / "guides" / "roles" / "mlops-engineer.md").read_text(encoding="utf-8")
    settings = Settings()._replace(schema=(("*.md", "role-guide"),))
    assert gl6(text, settings=settings) == []
    broken = text.replace("## MLOps Engineer Salary Guide", "## MLOps Engineer Pay", 1)
    found = gl6(broken, settings=settings)
    first_body_line = text.split("\n").index("---", 1) + 2
    assert positions(found) == [("GL601", first_body_line, 1)]


# -- GL602 ---------------------------------------------------------------------------


@pytest.mark.parametrize(("least", "reported"), [(0, False), (2, False), (3, False), (4, True)])
def test_min_regions_boundary(least: int, reported: bool) -> None:
    settings = Settings()._replace(min_regions=least)
    expected = [("GL602", 11, 1)] if reported else []
    assert positions(gl6(COMPLETE, settings=settings)) == expected


def test_regions_are_counted_once_whatever_their_spelling() -> None:
    text = edited(COMPLETE, ("  - region: New York\n", "  - region: '  san  FRANCISCO'\n"))
    settings = Settings()._replace(min_regions=3)
    found = lint_text(text, select=("GL602",), settings=settings)
    assert positions(found) == [("GL602", 11, 1)]
    assert found[0].message == "`compensation` names 2 regions; expected at least 3 (min-regions)"
