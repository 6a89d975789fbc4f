"""A made-up guide set for the dashboard's tests and its screenshot: every
status, owners from frontmatter and from CODEOWNERS, several companies and
types, review dates spread over a year around 2026-11-22."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

TODAY = dt.date(2026, 11, 22)

# (company slug, display name, role, role_type, days until the review is due, owner)
GUIDES = (
    ("northwind", "Northwind", "software-engineer", "standard", -120, None),
    ("northwind", "Northwind", "data-scientist", "specialty", -40, "@northwind/people-data"),
    ("northwind", "Northwind", "product-manager", "standard", 75, None),
    ("contoso", "Contoso", "software-engineer", "standard", -10, None),
    ("contoso", "Contoso", "security-engineer", "specialty", 12, None),
    ("contoso", "Contoso", "engineering-manager", "leadership", 160, None),
    ("fabrikam", "Fabrikam", "software-engineer", "standard", 25, "@dana"),
    ("fabrikam", "Fabrikam", "data-engineer", "specialty", 100, None),
    ("globex", "Globex", "software-engineer", "standard", -200, None),
    ("globex", "Globex", "designer", "standard", 45, None),
    ("initech", "Initech", "software-engineer", "standard", 130, None),
    ("initech", "Initech", "site-reliability-engineer", "standard", 3, None),
    ("initech", "Initech", "director-of-engineering", "executive", 220, None),
)

CODEOWNERS = """\
# Owners of the guide set: the last matching line wins.
*.md            @guides/editors
/guides/contoso/ @guides/contoso-desk
/guides/initech/ @guides/initech-desk
/guides/roles/  @guides/market-team
"""


def _guide(company: str, display: str, role: str, kind: str, days: int, owner: str | None) -> str:
    due = TODAY + dt.timedelta(days=days)
    updated = due - dt.timedelta(days=90)
    lines = [
        "---",
        f"company: {company}",
        f"company_display: {display}",
        f"role: {role}",
        f"role_display: {role.replace('-', ' ').title()}",
        f"role_type: {kind}",
        f"last_updated: {updated.isoformat()}",
        f"next_review_due: {due.isoformat()}",
        "salary_data_quarter: 2026-Q2",
    ]
    if owner:
        lines.append(f'owner: "{owner}"')
    return "\n".join([*lines, "---", f"# {display} {role} Negotiation Guide", ""])


def write_guides(root: Path) -> Path:
    """The guide set under ``root/guides``, with ``root/.github/CODEOWNERS``."""
    folder = root / "guides"
    for company, display, role, kind, days, owner in GUIDES:
        path = folder / company / f"{role}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_guide(company, display, role, kind, days, owner), encoding="utf-8")
    roles = folder / "roles"
    roles.mkdir()
    (roles / "platform-engineer.md").write_text(
        "---\nrole: platform-engineer\nrole_display: Platform Engineer\n"
        "last_updated: 2026-09-01\nsalary_data_quarter: 2026-Q3\n---\n# Platform Engineer\n",
        encoding="utf-8",
    )
    (roles / "draft.md").write_text("---\nrole: [unclosed\n---\n", encoding="utf-8")
    (root / ".github").mkdir()
    (root / ".github" / "CODEOWNERS").write_text(CODEOWNERS, encoding="utf-8")
    return folder
