"""The freshness audit: one row per guide, sorted most overdue first, in four formats.

Rows are built from a parsed :class:`~guidelint.document.Guide`, the run's
date and settings; nothing here reads files, so a guide that cannot be read
or parsed still becomes a row (status ``invalid``) instead of an error.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import textwrap
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from guidelint import escape
from guidelint.columns import DEFAULT_WIDTH, Layout, fit
from guidelint.config import Settings
from guidelint.dates import Quarter, coerce_date, plural
from guidelint.diagnostics import Diagnostic
from guidelint.document import Guide
from guidelint.owners import CodeOwners

OVERDUE = "overdue"
DUE_SOON = "due soon"
FRESH = "fresh"
UNDATED = "undated"
INVALID = "invalid"
STATUSES = (OVERDUE, DUE_SOON, FRESH, UNDATED, INVALID)

DASH = "-"


class AuditRow(NamedTuple):
    """What the audit knows about one guide; None where a value is absent or unusable."""

    path: str
    status: str
    company: str | None = None
    role: str | None = None
    last_updated: dt.date | None = None
    next_review_due: dt.date | None = None
    days_until_due: int | None = None
    data_quarter: str | None = None
    data_age_quarters: int | None = None
    note: str = ""
    owner: str | None = None
    kind: str | None = None

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Dated guides by days until due (most overdue first), then undated, then invalid."""
        if self.status == INVALID:
            return (2, 0, self.path)
        if self.days_until_due is None:
            return (1, 0, self.path)
        return (0, self.days_until_due, self.path)

    def as_dict(self) -> dict[str, Any]:
        """The JSON row: ISO dates, integers, and null for missing values."""
        return {
            "path": escape.path(self.path),
            "status": self.status,
            "company": _one_line(self.company),
            "role": _one_line(self.role),
            "last_updated": _iso(self.last_updated),
            "next_review_due": _iso(self.next_review_due),
            "days_until_due": self.days_until_due,
            "data_quarter": _one_line(self.data_quarter),
            "data_age_quarters": self.data_age_quarters,
            "note": _one_line(self.note) or None,
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _text(data: dict[str, Any], *keys: str) -> str | None:
    """The first key holding non-empty text (display names before slugs)."""
    for key in keys:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def collect(
    guide: Guide, today: dt.date, settings: Settings, owners: CodeOwners | None = None
) -> AuditRow:
    """One audit row for ``guide`` as of ``today``; ``owners`` names the owner
    of a guide whose frontmatter has no ``owner``."""
    mapped = owners.owner_of(settings.relative(guide.path)) if owners else None
    if not guide.readable or guide.data is None:
        reason = _positioned(guide.problems[0]) if guide.problems else "frontmatter is unusable"
        return AuditRow(guide.path, INVALID, note=reason, owner=mapped)
    data = guide.data
    notes: list[str] = []
    updated = coerce_date(data.get("last_updated"))
    if updated is None and data.get("last_updated") is not None:
        notes.append(f"last_updated `{_shown(data['last_updated'])}` is not a YYYY-MM-DD date")
    due = coerce_date(data.get("next_review_due"))
    raw_due = data.get("next_review_due")
    if due is None:
        if raw_due is None:
            notes.append("no next_review_due")
        else:
            notes.append(f"next_review_due `{_shown(raw_due)}` is not a YYYY-MM-DD date")
    raw_quarter = data.get("salary_data_quarter")
    quarter = Quarter.parse(raw_quarter)
    age = Quarter.of(today) - quarter if quarter else None
    if quarter is None and raw_quarter is not None:
        notes.append(f"salary_data_quarter `{_shown(raw_quarter)}` is not a YYYY-Qn quarter")
    days = (due - today).days if due else None
    if days is None:
        status = UNDATED
    elif days < 0:
        status = OVERDUE
    elif days <= settings.review_window_days:
        status = DUE_SOON
    else:
        status = FRESH
    return AuditRow(
        path=guide.path,
        status=status,
        company=_text(data, "company_display", "company"),
        role=_text(data, "role_display", "role"),
        last_updated=updated,
        next_review_due=due,
        days_until_due=days,
        data_quarter=str(quarter) if quarter else (_shown(raw_quarter) if raw_quarter else None),
        data_age_quarters=age,
        note="; ".join(notes),
        owner=_text(data, "owner") or mapped,
        kind=_text(data, "role_type") or (None if "company" in data else "role guide"),
    )


def _positioned(problem: Diagnostic) -> str:
    """A parse problem's message, after its line and column unless it is about the
    whole file (1:1): "line 3, column 5: YAML syntax error: ..."."""
    if (problem.line, problem.column) == (1, 1):
        return problem.message
    return f"line {problem.line}, column {problem.column}: {problem.message}"


def missing(path: str) -> AuditRow:
    return AuditRow(path, INVALID, note="no such file or directory")


def sort_rows(rows: Iterable[AuditRow]) -> list[AuditRow]:
    return sorted(rows, key=lambda row: row.sort_key)


class AuditSummary(NamedTuple):
    today: dt.date
    counts: dict[str, int]

    @classmethod
    def of(cls, rows: Sequence[AuditRow], today: dt.date) -> AuditSummary:
        counts = dict.fromkeys(STATUSES, 0)
        for row in rows:
            counts[row.status] += 1
        return cls(today, counts)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        parts = ", ".join(f"{self.counts[s]} {s}" for s in STATUSES)
        return f"{plural(self.total, 'guide')}: {parts} (as of {self.today.isoformat()})"

    def as_dict(self) -> dict[str, int]:
        return {"guides": self.total, **{s.replace(" ", "_"): n for s, n in self.counts.items()}}


# ---------------------------------------------------------------------------
# Rendering

HEADERS = (
    "Status",
    "Guide",
    "Company",
    "Role",
    "Last updated",
    "Review due",
    "Due",
    "Data",
    "Data age",
    "Note",
)


def due_text(days: int | None) -> str:
    if days is None:
        return DASH
    if days < 0:
        return f"{plural(-days, 'day')} overdue"
    if days == 0:
        return "due today"
    return f"in {plural(days, 'day')}"


def _one_line(value: str | None) -> str | None:
    """Frontmatter text on one line of a report (see guidelint.escape)."""
    return None if value is None else escape.text(value)


def cells(row: AuditRow) -> list[str]:
    """The row as people read it: dashes for what is missing."""
    return [
        row.status,
        escape.path(row.path),
        _one_line(row.company) or DASH,
        _one_line(row.role) or DASH,
        _iso(row.last_updated) or DASH,
        _iso(row.next_review_due) or DASH,
        due_text(row.days_until_due),
        _one_line(row.data_quarter) or DASH,
        DASH if row.data_age_quarters is None else plural(row.data_age_quarters, "quarter"),
        escape.text(row.note),
    ]


def _table(rows: Sequence[AuditRow]) -> tuple[list[str], list[list[str]]]:
    """Headers and cells, without the note column when no row has a note."""
    body = [cells(row) for row in rows]
    if any(row.note for row in rows):
        return list(HEADERS), body
    return list(HEADERS[:-1]), [line[:-1] for line in body]


# How the text table gives way on a narrow terminal (see guidelint.columns).
TEXT_LAYOUT = Layout(
    short={"Last updated": "Updated", "Review due": "Review", "Data age": "Age"},
    comfortable={"Guide": 48, "Company": 12, "Role": 24, "Note": 30},
    minimum={"Guide": 32, "Company": 8, "Role": 12, "Note": 16},
    keep_end=frozenset({"Guide"}),
    drop=("Last updated", "Data age", "Review due", "Data", "Role", "Company", "Note"),
    blank=DASH,
)


def render_text(rows: Sequence[AuditRow], summary: AuditSummary, width: int = DEFAULT_WIDTH) -> str:
    """An aligned table for terminals, at most ``width`` columns, then the summary line."""
    headers, body = _table(rows)
    return _aligned(headers, body, summary, width)


def _aligned(headers: list[str], body: list[list[str]], summary: AuditSummary, width: int) -> str:
    if not body:
        return summary.line() + "\n"
    headers, body = fit(headers, body, width, TEXT_LAYOUT)
    widths = [max(len(line[i]) for line in [headers, *body]) for i in range(len(headers))]

    def format_line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    lines = [format_line(headers), format_line(["-" * w for w in widths])]
    lines += [format_line(line) for line in body]
    # The summary is a sentence: on a narrow terminal it wraps between words.
    return "\n".join([*lines, "", textwrap.fill(summary.line(), width)]) + "\n"


# The columns guides are grouped by in ``--summary``; a count follows the first.
_GROUPED = tuple(HEADERS.index(h) for h in ("Status", "Review due", "Due", "Data", "Data age"))


def render_groups(
    rows: Sequence[AuditRow], summary: AuditSummary, width: int = DEFAULT_WIDTH
) -> str:
    """One line per status, review date and data quarter shared by guides: a large
    guide set in one screen (``--summary``)."""
    groups: dict[tuple[str, ...], int] = {}
    for row in rows:
        line = cells(row)
        key = tuple(line[index] for index in _GROUPED)
        groups[key] = groups.get(key, 0) + 1
    first, *rest = (HEADERS[index] for index in _GROUPED)
    body = [[k[0], str(n), *k[1:]] for k, n in groups.items()]
    return _aligned([first, "Guides", *rest], body, summary, width)


def _md_cell(text: str) -> str:
    """A table cell of GitHub Markdown, which also reads HTML: a guide's `<b>` or a
    path's `&` is shown, not read as a tag or an entity."""
    text = html.escape(" ".join(text.split()), quote=False)
    return text.replace("\\", "\\\\").replace("|", "\\|") or " "


def render_markdown(rows: Sequence[AuditRow], summary: AuditSummary) -> str:
    """A GitHub-flavoured table for job summaries and pull-request comments."""
    headers, body = _table(rows)
    out = ["## Guide freshness", ""]
    if body:
        out.append("| " + " | ".join(headers) + " |")
        out.append("|" + "|".join("---" for _ in headers) + "|")
        for line in body:
            line[0] = f"**{line[0]}**" if line[0] == OVERDUE else line[0]
            out.append("| " + " | ".join(_md_cell(c) for c in line) + " |")
        out.append("")
    out.append(summary.line())
    return "\n".join(out) + "\n"


def render_json(rows: Sequence[AuditRow], summary: AuditSummary) -> str:
    document = {
        "today": summary.today.isoformat(),
        "summary": summary.as_dict(),
        "guides": [row.as_dict() for row in rows],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


CSV_FIELDS = (
    "path",
    "status",
    "company",
    "role",
    "last_updated",
    "next_review_due",
    "days_until_due",
    "data_quarter",
    "data_age_quarters",
    "note",
)


def render_csv(rows: Sequence[AuditRow], summary: AuditSummary) -> str:
    """One header line and one line per guide; empty cells for missing values."""
    del summary  # counts are easy to derive from the rows; a CSV holds only rows
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.as_dict().items()})
    return buffer.getvalue()


def render_html(rows: Sequence[AuditRow], summary: AuditSummary, base: Path | None = None) -> str:
    """The dashboard page (guidelint.dashboard); links are relative to ``base``."""
    from guidelint import dashboard

    return dashboard.render(rows, summary, base or Path.cwd())


RENDERERS: dict[str, Callable[[Sequence[AuditRow], AuditSummary], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "csv": render_csv,
    "html": render_html,
}
