"""``audit --output-format html``: one self-contained page about the guides' freshness.

The page is built from the audit's rows and nothing else: counts by status,
a timeline of review due dates by month (inline SVG), and a table that its
own small script sorts and filters by status, owner, company and type.  It
loads nothing from the network: the stylesheet and the script
(``templates/dashboard.css`` and ``.js``) are written inline, and the page's
content security policy lets only those two run, by their hashes, and
nothing load from anywhere.  Every value from a guide passes through
:func:`guidelint.escape.text` (one line) and :func:`html.escape` before it
is written into the page, and links are percent-encoded relative paths, so
a guide's text can show up only as text.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from guidelint import escape, patterns
from guidelint.audit import DASH, STATUSES, AuditRow, AuditSummary, due_text
from guidelint.resources import PACKAGE_DIR

TEMPLATES = PACKAGE_DIR / "templates"
_SLOT = patterns.compile(r"\{\{([a-z_]++)\}\}")
ALL = "*"  # the filter value that shows every row; "" picks rows without a value

# The timeline: one bar per month, stacked by status.
MAX_MONTHS = 36
BAR = 24
GAP = 6
PLOT_HEIGHT = 120
TOP = 10
LABEL_SPACE = 24
LEFT = 30
LABEL_WIDTH = 52  # pixels a month's label needs


def _h(value: str | None) -> str:
    """Guide text as HTML: one line, markup escaped (quotes too, for attributes)."""
    return html.escape(escape.text(value or ""), quote=True)


def _slug(status: str) -> str:
    return status.replace(" ", "-")


def href(path: str, base: Path) -> str:
    """A relative link from ``base`` to the guide, percent-encoded byte by byte
    (a colon or a quote in a file name stays part of the path)."""
    try:
        relative = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive: no relative path exists
        relative = os.path.abspath(path)
    return quote(os.fsencode(relative.replace(os.sep, "/")), safe="/")


def _cards(summary: AuditSummary) -> str:
    cards = [
        f'<button type="button" class="card" data-status="{ALL}">'
        f'<span class="count" id="count-guides">{summary.total}</span>'
        '<span class="label">guides</span></button>'
    ]
    for status in STATUSES:
        slug = _slug(status)
        cards.append(
            f'<button type="button" class="card s-{slug}" data-status="{status}">'
            f'<span class="count" id="count-{slug}">{summary.counts[status]}</span>'
            f'<span class="label">{status}</span></button>'
        )
    return "\n".join(cards)


def _month(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def timeline(rows: Sequence[AuditRow], today: dt.date) -> str:
    """Review due dates as bars per month, stacked by status, with today marked.

    A set whose dates span more than three years shows the three around
    today; guides due earlier or later are counted in the first or last bar.
    """
    dated = [row for row in rows if row.next_review_due]
    if not dated:
        return '<p class="empty">No guide has a usable next_review_due.</p>'
    now = _month(today)
    months = [_month(row.next_review_due) for row in dated if row.next_review_due]
    first, last = min(*months, now), max(*months, now)
    if last - first >= MAX_MONTHS:
        first = max(first, min(now - 12, last - MAX_MONTHS + 1))
        last = first + MAX_MONTHS - 1
    stacks: dict[int, dict[str, int]] = {}
    for row, month in zip(dated, months, strict=True):
        slot = min(max(month, first), last)
        stack = stacks.setdefault(slot, {})
        stack[row.status] = stack.get(row.status, 0) + 1
    tallest = max(sum(stack.values()) for stack in stacks.values())
    scale = PLOT_HEIGHT / tallest
    count = last - first + 1
    width = LEFT + count * (BAR + GAP)
    height = TOP + PLOT_HEIGHT + LABEL_SPACE
    baseline = TOP + PLOT_HEIGHT
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="timeline" role="img"'
        f' viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        ' aria-label="Guides by month their review is due">',
        f'<text x="{LEFT - 6}" y="{TOP + 8}" class="axis" text-anchor="end">{tallest}</text>',
        f'<text x="{LEFT - 6}" y="{baseline}" class="axis" text-anchor="end">0</text>',
        f'<line x1="{LEFT}" x2="{width}" y1="{baseline}" y2="{baseline}" class="base"/>',
    ]
    step = -(-LABEL_WIDTH // (BAR + GAP))
    for offset in range(count):
        month = first + offset
        x = LEFT + offset * (BAR + GAP)
        label = _month_name(month)
        title = label
        if month == first and month > min(months):
            title = f"{label} or earlier"
        if month == last and month < max(months):
            title = f"{label} or later"
        y = float(baseline)
        stack = stacks.get(month, {})
        for status in STATUSES:
            n = stack.get(status, 0)
            if not n:
                continue
            y -= n * scale
            parts.append(
                f'<rect class="bar s-{_slug(status)}" x="{x}" y="{y:.1f}" width="{BAR}"'
                f' height="{n * scale:.1f}" data-month="{_month_name(month)}"'
                f' data-status="{status}" data-count="{n}">'
                f"<title>{title}: {n} {status}</title></rect>"
            )
        if month == now:
            middle = x + BAR / 2
            parts.append(
                f'<line class="today" x1="{middle}" x2="{middle}" y1="{TOP - 6}" y2="{baseline}"/>'
            )
        if (month - now) % step == 0:
            parts.append(
                f'<text class="axis{" now" if month == now else ""}" x="{x + BAR / 2}"'
                f' y="{baseline + 14}" text-anchor="middle">{label}</text>'
            )
    parts.append("</svg>")
    shown = [status for status in STATUSES if any(status in stack for stack in stacks.values())]
    legend = "".join(
        f'<span><i class="swatch s-{_slug(status)}"></i>{status}</span>' for status in shown
    )
    parts.append(f'<p class="legend">{legend}<span><i class="swatch today"></i>today</span></p>')
    return "\n".join(parts)


# The table: (heading, filter key or "", how the script compares the column)
COLUMNS = (
    ("Status", "status", "number"),
    ("Guide", "", "text"),
    ("Company", "company", "text"),
    ("Role", "", "text"),
    ("Type", "type", "text"),
    ("Owner", "owner", "text"),
    ("Review due", "", "text"),
    ("Due", "", "number"),
    ("Data", "", "text"),
    ("Note", "", "text"),
)


def _facets(row: AuditRow) -> dict[str, str]:
    """The values the filters compare, as the page writes them."""
    return {
        "status": row.status,
        "company": _h(row.company),
        "type": _h(row.kind),
        "owner": _h(row.owner),
    }


def _cell(text: str, sort: str | int, *, raw: bool = False, short: bool = False) -> str:
    """A table cell; ``sort`` is what the script compares, ``short`` cells never wrap."""
    attribute = ' class="short"' if short else ""
    return f'<td data-sort="{sort}"{attribute}>{text if raw else (text or DASH)}</td>'


def _row(row: AuditRow, base: Path) -> str:
    facets = _facets(row)
    data = " ".join(f'data-{key}="{value}"' for key, value in facets.items())
    due = row.next_review_due.isoformat() if row.next_review_due else ""
    days = "" if row.days_until_due is None else row.days_until_due
    path = html.escape(escape.path(row.path), quote=True)
    tag = f'<span class="tag s-{_slug(row.status)}">{row.status}</span>'
    # A path may break after each slash, never inside a name.
    link = f'<a href="{href(row.path, base)}">{path.replace("/", "/<wbr>")}</a>'
    cells = [
        _cell(tag, STATUSES.index(row.status), raw=True, short=True),
        _cell(link, path, raw=True),
        _cell(facets["company"], facets["company"]),
        _cell(_h(row.role), _h(row.role)),
        _cell(facets["type"], facets["type"], short=True),
        _cell(facets["owner"], facets["owner"]),
        _cell(due, due, short=True),
        _cell(due_text(row.days_until_due) if due else "", days, short=True),
        _cell(_h(row.data_quarter), _h(row.data_quarter), short=True),
        _cell(_h(row.note), _h(row.note)),
    ]
    return f"<tr {data}>{''.join(cells)}</tr>"


def _options(values: Sequence[str], ordered: bool = False) -> str:
    """A filter's choices: all, each value (sorted unless ``ordered``), and
    "(none)" when some row has no value."""
    present = set(values)
    known = list(values) if ordered else sorted(present - {""})
    options = [f'<option value="{ALL}">all</option>']
    options += [f'<option value="{value}">{value}</option>' for value in known]
    if "" in present:
        options.append('<option value="">(none)</option>')
    return "".join(options)


def _filters(rows: Sequence[AuditRow]) -> str:
    facets = [_facets(row) for row in rows]
    selects = []
    for heading, key, _ in COLUMNS:
        if key:
            choices = (
                _options(STATUSES, ordered=True)
                if key == "status"
                else _options([row[key] for row in facets])
            )
            selects.append(
                f'<label>{heading} <select id="filter-{key}" data-filter="{key}">'
                f"{choices}</select></label>"
            )
    return "\n".join(selects)


def _headings() -> str:
    return "".join(
        f'<th scope="col" aria-sort="none"><button type="button" data-col="{index}"'
        f' data-type="{kind}">{heading}</button></th>'
        for index, (heading, _, kind) in enumerate(COLUMNS)
    )


def _digest(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def render(rows: Sequence[AuditRow], summary: AuditSummary, base: Path) -> str:
    """The page, with links relative to the folder ``base``."""
    style = (TEMPLATES / "dashboard.css").read_text(encoding="utf-8")
    script = (TEMPLATES / "dashboard.js").read_text(encoding="utf-8")
    policy = (
        f"default-src 'none'; style-src {_digest(style)}; script-src {_digest(script)};"
        " base-uri 'none'; form-action 'none'"
    )
    slots = {
        "policy": policy,
        "style": style,
        "script": script,
        "today": summary.today.isoformat(),
        "summary": html.escape(summary.line()),
        "total": str(summary.total),
        "cards": _cards(summary),
        "timeline": timeline(rows, summary.today),
        "filters": _filters(rows),
        "headings": _headings(),
        "rows": "\n".join(_row(row, base) for row in rows),
    }
    template = (TEMPLATES / "dashboard.html").read_text(encoding="utf-8")
    return _SLOT.sub(lambda match: slots[match.group(1)], template)
