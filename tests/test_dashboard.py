"""``guidelint audit --output-format html``: the page, its owners, its safety,
and the page at work in a real headless Chromium."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from browser import Browser, absent
from dashboard_guides import TODAY, write_guides

from conftest import run_cli
from guidelint.audit import AuditRow
from guidelint.dashboard import timeline

# Hostile guide text: each would run script or add markup if it reached the page raw.
HOSTILE_COMPANY = "<script>window.pwned = 'company'</script>"
HOSTILE_ROLE = '"><img src=x onerror="window.pwned = \'role\'">'
HOSTILE_OWNER = "</td></tr></table><script>window.pwned = 'owner'</script>"
HOSTILE_NAME = 'x" onmouseover="window.pwned = 1">.md'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The made-up guide set, plus one guide whose every value is hostile."""
    folder = write_guides(tmp_path)
    hostile = folder / "hostile"
    hostile.mkdir()
    (hostile / HOSTILE_NAME).write_text(
        "---\n"
        f"company: evil\ncompany_display: {json.dumps(HOSTILE_COMPANY)}\n"
        f"role: evil\nrole_display: {json.dumps(HOSTILE_ROLE)}\n"
        f"owner: {json.dumps(HOSTILE_OWNER)}\n"
        'next_review_due: "<b>soon</b>"\n'
        "---\n",
        encoding="utf-8",
    )
    return tmp_path


def audit(project: Path, *args: str) -> str:
    result = run_cli(
        ["audit", "--isolated", "--today", TODAY.isoformat(), *args, "guides"], cwd=project
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def page(project: Path) -> Path:
    """The page written with --output into its own folder (links go up from there)."""
    target = project / "site" / "freshness.html"
    target.parent.mkdir(exist_ok=True)
    assert audit(project, "--output-format", "html", "--output", str(target)) == ""
    return target


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(text)
    return parser.tags


# -- the page as written ----------------------------------------------------------


def test_page_is_self_contained(project: Path) -> None:
    text = page(project).read_text(encoding="utf-8")
    tags = elements(text)
    names = [tag for tag, _ in tags]
    assert names.count("script") == 1 and names.count("style") == 1
    assert not {"link", "img", "iframe", "object", "embed"} & set(names)
    for _, attrs in tags:
        assert "src" not in attrs
        assert not any(name.startswith("on") for name in attrs)
        link = attrs.get("href") or ""
        assert not urlparse(link).scheme and not link.startswith("/"), link
    # The one absolute URL is the SVG namespace, which is a name, not a request.
    assert text.count("://") == 1 and "http://www.w3.org/2000/svg" in text
    policy = next(a["content"] for t, a in tags if a.get("http-equiv") == "Content-Security-Policy")
    assert policy and policy.startswith("default-src 'none'; style-src 'sha256-")


def test_hostile_text_is_shown_as_text(project: Path) -> None:
    text = page(project).read_text(encoding="utf-8")
    for hostile in (HOSTILE_COMPANY, HOSTILE_ROLE, HOSTILE_OWNER):
        assert hostile not in text
    assert "&lt;script&gt;window.pwned = &#x27;company&#x27;&lt;/script&gt;" in text
    # In attributes too, the values read back exactly as the guide wrote them.
    companies = {a["data-company"] for t, a in elements(text) if t == "tr" and "data-company" in a}
    assert HOSTILE_COMPANY in companies


def test_owner_from_frontmatter_then_codeowners(project: Path) -> None:
    text = page(project).read_text(encoding="utf-8")
    owners = {
        a["href"].removeprefix("../guides/"): a_owner for a_owner, a in _links_with_owners(text)
    }
    assert owners == {
        "northwind/software-engineer.md": "@guides/editors",  # *.md
        "northwind/data-scientist.md": "@northwind/people-data",  # frontmatter
        "northwind/product-manager.md": "@guides/editors",
        "contoso/software-engineer.md": "@guides/contoso-desk",  # the last line that matches
        "contoso/security-engineer.md": "@guides/contoso-desk",
        "contoso/engineering-manager.md": "@guides/contoso-desk",
        "fabrikam/software-engineer.md": "@dana",
        "fabrikam/data-engineer.md": "@guides/editors",
        "globex/software-engineer.md": "@guides/editors",
        "globex/designer.md": "@guides/editors",
        "initech/software-engineer.md": "@guides/initech-desk",
        "initech/site-reliability-engineer.md": "@guides/initech-desk",
        "initech/director-of-engineering.md": "@guides/initech-desk",
        "roles/platform-engineer.md": "@guides/market-team",
        "roles/draft.md": "@guides/market-team",  # invalid, but still owned
        "hostile/x%22%20onmouseover%3D%22window.pwned%20%3D%201%22%3E.md": HOSTILE_OWNER,
    }


def _links_with_owners(text: str) -> list[tuple[str, dict[str, str | None]]]:
    """Each row's owner with its link's attributes."""
    pairs = []
    owner = ""
    for tag, attrs in elements(text):
        if tag == "tr" and "data-owner" in attrs:
            owner = attrs["data-owner"] or ""
        elif tag == "a":
            pairs.append((owner, attrs))
    return pairs


def test_links_lead_to_the_guides(project: Path) -> None:
    target = page(project)
    links = [a["href"] for t, a in elements(target.read_text(encoding="utf-8")) if t == "a"]
    files = {(target.parent / unquote(link)).resolve() for link in links if link}
    assert files == {path.resolve() for path in (project / "guides").rglob("*.md")}


def test_stdout_links_are_relative_to_the_current_folder(project: Path) -> None:
    text = audit(project, "--output-format", "html")
    links = {a["href"] for t, a in elements(text) if t == "a"}
    assert "guides/northwind/software-engineer.md" in links


# -- the page in a browser ----------------------------------------------------------


@pytest.fixture
def browser() -> Any:
    reason = absent()
    if reason:
        pytest.skip(reason)
    with Browser() as running:
        yield running


def _shown_column(browser: Browser, index: int) -> list[str]:
    return browser.texts(f"#guides tbody tr:not([hidden]) td:nth-child({index})")


def test_page_in_chromium(project: Path, browser: Browser) -> None:
    target = page(project)
    report = json.loads(audit(project, "--output-format", "json"))
    browser.open(target)

    # It loads with no console error, and nothing hostile ran.
    assert [entry for entry in browser.console() if entry["level"] == "SEVERE"] == []
    assert browser.run("return window.pwned === undefined") is True

    # The counts it shows are the JSON report's.
    summary = report["summary"]
    shown = {key: browser.texts(f"#count-{key.replace('_', '-')}") for key in summary}
    assert shown == {"guides": [str(summary["guides"])]} | {
        key: [str(n)] for key, n in summary.items() if key != "guides"
    }
    guides = report["guides"]
    assert _shown_column(browser, 2) == [row["path"] for row in guides]
    assert browser.texts("#shown") == [str(len(guides))]
    bars = browser.run(
        "return Array.from(document.querySelectorAll('#timeline rect'))"
        ".map(r => [r.dataset.status, Number(r.dataset.count)]);"
    )
    dated: dict[str, int] = {}
    for row in guides:
        if row["next_review_due"]:
            dated[row["status"]] = dated.get(row["status"], 0) + 1
    drawn: dict[str, int] = {}
    for status, count in bars:
        drawn[status] = drawn.get(status, 0) + count
    assert drawn == dated

    # Sorting: by company (empty last), then the other way; by days until due.
    browser.click("th button[data-col='2']")
    companies = _shown_column(browser, 3)
    named = sorted((row["company"] for row in guides if row["company"]), key=str.lower)
    assert companies == named + ["-"] * (len(guides) - len(named))
    browser.click("th button[data-col='2']")
    assert _shown_column(browser, 3)[: len(named)] == named[::-1]
    assert browser.texts("th[aria-sort='descending']") == ["Company"]
    browser.click("th button[data-col='7']")
    days = sorted(row["days_until_due"] for row in guides if row["days_until_due"] is not None)
    shown_paths = _shown_column(browser, 2)
    by_path = {row["path"]: row["days_until_due"] for row in guides}
    assert [by_path[p] for p in shown_paths[: len(days)]] == days

    # Filtering: by status, then owner on top of it; a card picks a status; reset.
    browser.click("#filter-status option[value='overdue']")
    overdue = [row["path"] for row in guides if row["status"] == "overdue"]
    assert sorted(_shown_column(browser, 2)) == sorted(overdue)
    assert browser.texts("#shown") == [str(summary["overdue"])]
    browser.click("#filter-owner option[value='@guides/editors']")
    assert set(_shown_column(browser, 6)) == {"@guides/editors"}
    assert set(_shown_column(browser, 1)) == {"overdue"}
    browser.click("#reset")
    assert len(_shown_column(browser, 2)) == len(guides)
    browser.click(".card[data-status='due soon']")
    assert set(_shown_column(browser, 1)) == {"due soon"}
    assert len(_shown_column(browser, 1)) == summary["due_soon"]
    browser.click("#filter-type option[value='role guide']")
    assert _shown_column(browser, 2) == []
    browser.click("#filter-status option[value='*']")
    assert _shown_column(browser, 5) == ["role guide"]
    browser.click("#filter-company option[value='Contoso']")
    assert _shown_column(browser, 2) == []
    assert [entry for entry in browser.console() if entry["level"] == "SEVERE"] == []


def test_timeline_shows_three_years_around_today() -> None:
    """Dates far off are counted in the first or the last bar, which say so."""
    rows = [
        AuditRow("old.md", "overdue", next_review_due=TODAY.replace(year=1990)),
        AuditRow("soon.md", "due soon", next_review_due=TODAY),
        AuditRow("far.md", "fresh", next_review_due=TODAY.replace(year=2099)),
    ]
    tags = elements(timeline(rows, TODAY))
    months = [a["data-month"] for t, a in tags if t == "rect"]
    assert months == ["2025-11", "2026-11", "2028-10"]
    svg = timeline(rows, TODAY)
    assert "<title>2025-11 or earlier: 1 overdue</title>" in svg
    assert "<title>2028-10 or later: 1 fresh</title>" in svg
    assert timeline([AuditRow("x.md", "undated")], TODAY).startswith('<p class="empty">')
