"""``guidelint audit``: rows, statuses, sorting and each output format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import struct
import subprocess
from pathlib import Path

import pyromark
import pytest

from conftest import FIXTURES, TODAY, guidelint_exe, run_cli
from guidelint.audit import (
    AuditRow,
    AuditSummary,
    collect,
    due_text,
    render_markdown,
    render_text,
    sort_rows,
)
from guidelint.config import Settings
from guidelint.document import parse_guide
from guidelint.markdown import parse_body

D = dt.date
HERE = FIXTURES / "freshness"


def make(
    due: str | None = "2027-01-15",
    last: str | None = "2026-10-01",
    quarter: str | None = "2026-Q3",
    company: str | None = "acme",
    extra: str = "",
) -> str:
    lines = ["---"]
    if company:
        lines.append(f"company: {company}")
    lines.append("role: data-engineer")
    for key, value in (
        ("last_updated", last),
        ("salary_data_quarter", quarter),
        ("next_review_due", due),
    ):
        if value is not None:
            lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n" + extra + "---\n# Guide\n"


def row_for(text: str, today: dt.date = TODAY, settings: Settings | None = None) -> AuditRow:
    guide = parse_guide(text.encode(), "g.md")
    return collect(guide, today, settings or Settings())


# -- rows ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "status", "days"),
    [
        ("2026-11-21", "overdue", -1),
        ("2026-11-22", "due soon", 0),
        ("2026-11-23", "due soon", 1),
        ("2026-12-22", "due soon", 30),
        ("2026-12-23", "fresh", 31),
    ],
)
def test_status_boundaries(due: str, status: str, days: int) -> None:
    row = row_for(make(due=due))
    assert (row.status, row.days_until_due) == (status, days)


def test_window_comes_from_settings() -> None:
    settings = Settings()._replace(review_window_days=60)
    assert row_for(make(due="2027-01-15"), settings=settings).status == "due soon"


def test_row_fields() -> None:
    row = row_for(
        make(
            due="2026-05-23",
            last="2026-02-23",
            quarter="2025-Q4",
            extra="company_display: Acme Corp\n",
        )
    )
    assert row == AuditRow(
        path="g.md",
        status="overdue",
        company="Acme Corp",
        role="data-engineer",
        last_updated=D(2026, 2, 23),
        next_review_due=D(2026, 5, 23),
        days_until_due=-183,
        data_quarter="2025-Q4",
        data_age_quarters=4,
    )


def test_role_guide_has_no_company() -> None:
    row = row_for(make(company=None, extra="role_display: Staff Engineer\n"))
    assert (row.company, row.role) == (None, "Staff Engineer")
    text = render_text([row], AuditSummary.of([row], TODAY))
    assert "fresh   g.md   -        Staff Engineer" in text


@pytest.mark.parametrize(
    ("text", "status", "note"),
    [
        (make(due=None), "undated", "no next_review_due"),
        (
            make(due='"23 Feb 2026"'),
            "undated",
            "next_review_due `23 Feb 2026` is not a YYYY-MM-DD date",
        ),
        (
            make(due="2026-02-30"),
            "undated",
            "next_review_due `2026-02-30` is not a YYYY-MM-DD date",
        ),
        (
            make(quarter="Q4 2025"),
            "fresh",
            "salary_data_quarter `Q4 2025` is not a YYYY-Qn quarter",
        ),
        (
            make(quarter="2025-Q5"),
            "fresh",
            "salary_data_quarter `2025-Q5` is not a YYYY-Qn quarter",
        ),
        (
            "---\n- a list\n---\n",
            "invalid",
            "line 2, column 1: frontmatter is a list: expected a mapping of keys",
        ),
        ("no frontmatter\n", "invalid", "no frontmatter: the file must start with a `---` line"),
        (b"\xff\xfe".decode("latin-1"), "invalid", None),
    ],
)
def test_undated_and_invalid(text: str, status: str, note: str | None) -> None:
    row = row_for(text)
    assert row.status == status
    if note is not None:
        assert row.note == note


def test_timezone_timestamps() -> None:
    row = row_for(make(due="2026-11-23T01:00:00+09:00", last="2026-02-23T23:30:00-05:00"))
    assert (row.last_updated, row.next_review_due, row.status) == (
        D(2026, 2, 23),
        D(2026, 11, 23),
        "due soon",
    )


def test_sorting_most_overdue_first() -> None:
    rows = [
        AuditRow("e.md", "invalid"),
        AuditRow("d.md", "undated"),
        AuditRow("c.md", "fresh", days_until_due=90),
        AuditRow("b.md", "overdue", days_until_due=-3),
        AuditRow("a.md", "overdue", days_until_due=-200),
        AuditRow("f.md", "due soon", days_until_due=4),
        AuditRow("a2.md", "overdue", days_until_due=-3),
    ]
    assert [r.path for r in sort_rows(rows)] == [
        "a.md",
        "a2.md",
        "b.md",
        "f.md",
        "c.md",
        "d.md",
        "e.md",
    ]


def test_due_text() -> None:
    assert [due_text(d) for d in (-2, -1, 0, 1, 5, None)] == [
        "2 days overdue",
        "1 day overdue",
        "due today",
        "in 1 day",
        "in 5 days",
        "-",
    ]


def test_summary_line() -> None:
    rows = [AuditRow("a", "overdue"), AuditRow("b", "overdue"), AuditRow("c", "fresh")]
    summary = AuditSummary.of(rows, TODAY)
    assert summary.line() == (
        "3 guides: 2 overdue, 0 due soon, 1 fresh, 0 undated, 0 invalid (as of 2026-11-22)"
    )
    assert summary.as_dict() == {
        "guides": 3,
        "overdue": 2,
        "due_soon": 0,
        "fresh": 1,
        "undated": 0,
        "invalid": 0,
    }


# -- the command and its formats ---------------------------------------------------


@pytest.fixture
def guides(tmp_path: Path) -> Path:
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "overdue.md").write_bytes((HERE / "overdue.md").read_bytes())
    (folder / "fresh.md").write_text(make(due="2027-03-01", extra="company_display: Acme | Co\n"))
    (folder / "soon.md").write_text(make(due="2026-12-01", company=None))
    (folder / "undated.md").write_text(make(due='"23 Feb 2026"'))
    (folder / "broken.md").write_bytes(b"---\ncompany: [unclosed\n---\n")
    (folder / "notes.txt").write_text("not a guide")
    return folder


def audit(folder: Path, *args: str, columns: str = "") -> tuple[int, str, str]:
    """The audit of ``folder`` as of 2026-11-22, with ``COLUMNS`` set as given
    (empty: a report that is not a terminal, 100 columns)."""
    result = run_cli(
        ["audit", "--isolated", "--today", "2026-11-22", *args, str(folder)],
        env={"COLUMNS": columns},
    )
    return result.returncode, result.stdout, result.stderr


ORDER = ["overdue.md", "soon.md", "fresh.md", "undated.md", "broken.md"]


def test_text_format(guides: Path) -> None:
    code, out, err = audit(guides, columns="200")  # wide enough for every column
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["Status", "Guide", "Company", "Role"]
    assert set(lines[1]) == {"-", " "}
    assert [line.split()[0] for line in lines[2:7]] == [
        "overdue",
        "due",
        "fresh",
        "undated",
        "invalid",
    ]
    # Every column starts at the same offset on every line.
    guide_column = lines[0].index("Guide")
    assert all(line[guide_column:].split()[0].endswith(".md") for line in lines[2:7])
    assert (
        lines[-1]
        == "5 guides: 1 overdue, 1 due soon, 1 fresh, 1 undated, 1 invalid (as of 2026-11-22)"
    )
    overdue = lines[2]
    for cell in (
        "Anyscale",
        "ML/AI Engineer",
        "2026-02-23",
        "2026-05-23",
        "183 days overdue",
        "2025-Q4",
        "4 quarters",
    ):
        assert cell in overdue


def test_json_format(guides: Path) -> None:
    code, out, _ = audit(guides, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["today"] == "2026-11-22"
    assert document["summary"] == {
        "guides": 5,
        "overdue": 1,
        "due_soon": 1,
        "fresh": 1,
        "undated": 1,
        "invalid": 1,
    }
    rows = document["guides"]
    assert [Path(r["path"]).name for r in rows] == ORDER
    assert rows[0] == {
        "path": rows[0]["path"],
        "status": "overdue",
        "company": "Anyscale",
        "role": "ML/AI Engineer",
        "last_updated": "2026-02-23",
        "next_review_due": "2026-05-23",
        "days_until_due": -183,
        "data_quarter": "2025-Q4",
        "data_age_quarters": 4,
        "note": None,
    }
    assert rows[1]["company"] is None
    assert rows[4]["status"] == "invalid" and rows[4]["note"].startswith(
        "line 3, column 1: YAML syntax error"
    )


def test_csv_format(guides: Path) -> None:
    code, out, _ = audit(guides, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [Path(r["path"]).name for r in rows] == ORDER
    assert rows[0]["days_until_due"] == "-183"
    assert rows[0]["data_age_quarters"] == "4"
    assert rows[1]["company"] == ""
    assert rows[2]["company"] == "Acme | Co"
    assert rows[3]["next_review_due"] == "" and rows[3]["status"] == "undated"


def test_markdown_format_renders_as_a_table(guides: Path) -> None:
    code, out, _ = audit(guides, "--format", "markdown")
    assert code == 0
    tables = [block.table for block in parse_body(out) if block.table is not None]
    assert len(tables) == 1
    # GFM reads `\|` inside a cell as a literal pipe.
    rows = [[cell.raw.replace("\\|", "|") for cell in row.cells] for row in tables[0].rows]
    header, body = rows[0], rows[1:]
    assert header == [
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
    ]
    assert len(body) == 5 and all(len(r) == len(header) for r in body)
    assert [Path(r[1]).name for r in body] == ORDER
    assert body[0][0] == "**overdue**"
    # A pipe inside a value stays inside its cell.
    assert body[2][2] == "Acme | Co"
    assert body[1][2] == "-"
    html = pyromark.html(out, options=pyromark.Options.ENABLE_TABLES)
    assert "<td>Acme | Co</td>" in html
    assert out.rstrip().endswith("(as of 2026-11-22)")


def test_markdown_without_notes_has_no_note_column() -> None:
    row = AuditRow("a.md", "fresh", days_until_due=40)
    out = render_markdown([row], AuditSummary.of([row], TODAY))
    assert "Note" not in out
    assert "| fresh | a.md | - | - | - | - | in 40 days | - | - |" in out


def test_markdown_shows_html_as_text() -> None:
    """GitHub reads HTML in Markdown: a tag in a guide's text or a name stays text."""
    row = AuditRow("a<b>&.md", "fresh", company="<script>x</script>", days_until_due=40)
    out = render_markdown([row], AuditSummary.of([row], TODAY))
    assert "| fresh | a&lt;b&gt;&amp;.md | &lt;script&gt;x&lt;/script&gt; |" in out


def test_a_yaml_error_is_positioned_in_its_note() -> None:
    row = row_for("---\ncompany: [a, b\nrole: x\n---\nbody\n")
    assert row.status == "invalid"
    assert row.note.startswith("line 3, column 5: YAML syntax error")


def test_fail_on_overdue(guides: Path, tmp_path: Path) -> None:
    code, _, _ = audit(guides, "--fail-on-overdue")
    assert code == 1
    calm = tmp_path / "calm"
    calm.mkdir()
    (calm / "fresh.md").write_text(make(due="2027-03-01"))
    (calm / "soon.md").write_text(make(due="2026-12-01"))
    assert audit(calm, "--fail-on-overdue")[0] == 0
    # Without the flag an overdue guide is only reported.
    assert audit(guides)[0] == 0


def test_today_moves_statuses(guides: Path) -> None:
    result = run_cli(
        [
            "audit",
            "--isolated",
            "--today",
            "2026-05-01",
            "--format",
            "json",
            str(guides / "overdue.md"),
        ]
    )
    (row,) = json.loads(result.stdout)["guides"]
    assert (row["status"], row["days_until_due"]) == ("due soon", 22)


def test_output_file(guides: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    code, out, _ = audit(guides, "--format", "csv", "--output", str(target))
    assert code == 0 and out == ""
    assert target.read_text().startswith("path,status,company,role,")


def test_missing_path_and_bad_arguments(tmp_path: Path) -> None:
    result = run_cli(["audit", "--isolated", "--today", "2026-11-22", str(tmp_path / "absent.md")])
    assert result.returncode == 0
    assert "invalid" in result.stdout and "no such file or directory" in result.stdout
    assert run_cli(["audit", "--today", "someday", str(tmp_path)]).returncode == 2
    impossible = run_cli(["audit", "--today", "2026-02-30", str(tmp_path)])
    assert impossible.returncode == 2
    assert "`2026-02-30` is no day of the calendar" in impossible.stderr
    assert run_cli(["audit", "--format", "xml", str(tmp_path)]).returncode == 2


def test_empty_folder_warns(tmp_path: Path) -> None:
    result = run_cli(["audit", "--isolated", "--today", "2026-11-22", str(tmp_path)])
    assert result.returncode == 0
    assert "no guides" in result.stderr
    assert (
        result.stdout.strip()
        == "0 guides: 0 overdue, 0 due soon, 0 fresh, 0 undated, 0 invalid (as of 2026-11-22)"
    )


def test_audit_reads_configured_window(guides: Path) -> None:
    (guides / "guidelint.toml").write_text("review-window-days = 120\n")
    result = run_cli(["audit", "--today", "2026-11-22", "--format", "json", str(guides)])
    assert result.returncode == 0, result.stderr
    statuses = [r["status"] for r in json.loads(result.stdout)["guides"]]
    assert statuses.count("due soon") == 2


def test_summary_groups_guides_that_share_their_dates(guides: Path) -> None:
    (guides / "overdue-too.md").write_bytes((HERE / "overdue.md").read_bytes())
    code, out, _ = audit(guides, "--summary")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Status", "Guides", "Review", "due", "Due", "Data", "Data", "age"]
    assert lines[2].split()[:3] == ["overdue", "2", "2026-05-23"]
    assert [line.split()[:2] for line in lines[3:6]] == [
        ["due", "soon"],
        ["fresh", "1"],
        ["undated", "1"],
    ]
    assert lines[-1].startswith("6 guides: 2 overdue")


def test_summary_is_text_only(guides: Path) -> None:
    code, _, err = audit(guides, "--summary", "--format", "json")
    assert code == 2
    assert "--summary works with the text format only, not `json`" in err


# -- the text table's width -------------------------------------------------------------


@pytest.fixture
def wordy(guides: Path) -> Path:
    """The guides, one of them with a long company, role and file name."""
    long_name = guides / "a-guide-with-a-rather-long-file-name-for-its-folder.md"
    long_name.write_text(
        make(
            company="globex",
            extra="company_display: Globex Corporation International Holdings\n"
            "role_display: Senior Staff Machine Learning Infrastructure Engineer\n",
        )
    )
    return guides


def test_text_fits_100_columns_off_a_terminal(wordy: Path) -> None:
    code, out, _ = audit(wordy)
    assert code == 0
    lines = out.splitlines()
    assert max(map(len, lines)) <= 100
    # Columns go, least needed first, and long cells are cut with an ellipsis.
    assert lines[0].split() == ["Status", "Guide", "Company", "Due", "Note"]
    (line,) = [line for line in lines if "for-its-folder.md" in line]
    company = [cell.strip() for cell in line.split("  ") if cell.strip()][2]
    assert company.startswith("Globex C") and company.endswith("…")
    assert "/guides/overdue.md  " in out and "\n" + "overdue   …" in out  # paths keep their ends
    assert "183 days overdue" in out
    assert lines[-1].startswith("6 guides: 1 overdue")


@pytest.mark.parametrize("columns", ["60", "80", "140"])
def test_text_follows_columns(wordy: Path, columns: str) -> None:
    _, out, _ = audit(wordy, columns=columns)
    assert max(map(len, out.splitlines())) <= int(columns)
    assert out.splitlines()[0].split()[:2] == ["Status", "Guide"]


def test_summary_table_fits_too(wordy: Path) -> None:
    _, out, _ = audit(wordy, "--summary", columns="50")
    assert max(map(len, out.splitlines()[:-1])) <= 50


def test_text_follows_the_terminal_width(wordy: Path) -> None:
    """On a terminal 72 columns wide, with no COLUMNS, the table is at most 72 wide."""
    pty = pytest.importorskip("pty")
    fcntl = pytest.importorskip("fcntl")
    termios = pytest.importorskip("termios")
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 72, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    with subprocess.Popen(
        [guidelint_exe(), "audit", "--isolated", "--today", "2026-11-22", str(wordy)],
        stdout=child,
        env={**environment, "NO_COLOR": "1"},
    ) as process:
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal is closed once the process has exited
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait() == 0
    os.close(main)
    lines = b"".join(chunks).decode().replace("\r\n", "\n").splitlines()
    assert lines[0].split()[:2] == ["Status", "Guide"]
    assert 60 < max(map(len, lines[:-2])) <= 72
