"""``guidelint sync`` on guides without frontmatter: it writes the block from the guide."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, REALWORLD, TODAY, lint_text, run_cli
from guidelint.adopt import AdoptOptions, path_slugs, read_label, read_title
from guidelint.config import Settings
from guidelint.linter import Linter
from guidelint.resources import data_file
from guidelint.sync import sync_bytes

SYNC = FIXTURES / "sync"
POOL = REALWORLD.parent / "realworld-pool"
LINTER = Linter(Settings(), TODAY)
OPTIONS = AdoptOptions(
    last_updated=dt.date(2026, 2, 23),
    data_quarter="2025-Q4",
    values={"role_type": "standard", "data_quality": "high"},
    git_dates=False,
)
NAME = "examplecorp/data-engineer.md"


def sync(raw: bytes, name: str = NAME, options: AdoptOptions = OPTIONS) -> tuple[bytes, list]:
    outcome = sync_bytes(raw, name, LINTER, options)
    again = sync_bytes(outcome.synced, name, LINTER, options)
    assert again.synced == outcome.synced  # a second sync changes nothing
    return outcome.synced, [(d.code, d.line, d.column) for d in outcome.problems]


@pytest.mark.parametrize("line", sorted(data_file("adopt.json")["title"]["examples"]))
def test_title_examples(line: str) -> None:
    expected = data_file("adopt.json")["title"]["examples"][line]
    assert read_title(line) == (tuple(expected) if expected else None)


@pytest.mark.parametrize("line", sorted(data_file("adopt.json")["labels"]["examples"]))
def test_label_examples(line: str) -> None:
    expected = data_file("adopt.json")["labels"]["examples"][line]
    assert read_label(line) == (tuple(expected) if expected else None)


def test_slugs_come_from_the_path_pattern() -> None:
    assert path_slugs("guides/adyen/software-engineer.md", "{company}/{role}.md") == {
        "company": "adyen",
        "role": "software-engineer",
    }
    assert path_slugs("guides/adyen--software-engineer.md", "{company}--{role}.md") == {
        "company": "adyen",
        "role": "software-engineer",
    }
    assert path_slugs("guide.md", "{company}/{role}.md") == {}


BARE_FRONTMATTER = """\
---
company: examplecorp
company_display: Examplecorp
role: data-engineer
role_display: Data Engineer
role_type: standard
last_updated: 2026-02-23
data_quality: high
salary_data_quarter: "2025-Q4"
next_review_due: 2026-05-24
compensation:
  - region: San Francisco
    base_low: 150000
    base_high: 190000
    stock_low: 40000
    stock_high: 80000
    bonus_pct: 10
    bonus_pct_high: 15
    total_comp_low: 205000
    total_comp_high: 298000
    currency: USD
  - region: London
    base_low: 90000
    base_high: 120000
    stock_low: 20000
    stock_high: 40000
    bonus_pct: 10
    total_comp_low: 119000
    total_comp_high: 172000
    currency: GBP
level_mapping:
  internal: null
  raw: "Examplecorp L4 ~ Google L4 | Meta E4"
data_sources:
  - Levels.fyi Examplecorp data, 2025
  - Glassdoor Examplecorp salaries, 2025
negotiation_dna_summary: "`Data Platform` `RSU/4yr`"
---
"""


def test_a_bare_guide_gets_its_frontmatter() -> None:
    body = (SYNC / "bare.md").read_bytes()
    after, problems = sync(body)
    assert problems == []
    assert after == BARE_FRONTMATTER.encode() + body
    assert lint_text(after, select=("GL0", "GL1", "GL3"), path=NAME) == []


def test_crlf_and_bom_are_kept_and_the_body_is_untouched() -> None:
    body = (SYNC / "bare.md").read_bytes().replace(b"\n", b"\r\n")
    after, problems = sync(b"\xef\xbb\xbf" + body)
    assert problems == []
    assert after == b"\xef\xbb\xbf" + BARE_FRONTMATTER.replace("\n", "\r\n").encode() + body


@pytest.mark.parametrize("name", ["empty.md", "null-list.md", "empty-list.md"])
def test_an_empty_block_or_list_is_filled(name: str) -> None:
    after, problems = sync((SYNC / name).read_bytes())
    assert problems == []
    data = yaml.safe_load(after.decode().split("---\n")[1])
    assert data == yaml.safe_load(BARE_FRONTMATTER.split("---\n")[1])
    assert after.endswith((SYNC / "bare.md").read_bytes())


def test_flow_style_is_rewritten_in_block_style_keeping_its_keys() -> None:
    after, problems = sync((SYNC / "flow.md").read_bytes())
    assert problems == []
    assert after.startswith(b"---\ncompany: examplecorp\nrole_type: standard\ncompany_display:")
    assert lint_text(after, select=("GL0", "GL1"), path=NAME) == []


def test_flow_style_with_a_tab_is_read_as_the_guide_was() -> None:
    # libyaml, which read the guide, takes a tab after a comma; so does the round trip
    raw = (
        (SYNC / "flow.md")
        .read_bytes()
        .replace(b"examplecorp, role_type", b"examplecorp,\trole_type")
    )
    after, problems = sync(raw)
    assert problems == []
    assert after.startswith(b"---\ncompany: examplecorp\nrole_type: standard\n")


def test_flow_style_with_comments_is_refused() -> None:
    raw = (SYNC / "flow-comment.md").read_bytes()
    assert sync(raw) == (raw, [("GL003", 2, 25)])


def test_a_guide_without_a_table_is_not_written() -> None:
    raw = (SYNC / "no-table.md").read_bytes()
    # `level_mapping` needs no line: `internal` is null when the guide names none.
    assert sync(raw) == (raw, [("GL301", 1, 1)])


def test_what_the_page_does_not_state_is_a_finding() -> None:
    raw = (SYNC / "bare.md").read_bytes()
    bare = AdoptOptions(git_dates=False)
    assert sync(raw, options=bare) == (
        raw,
        [("GL101", 1, 1)] * 5,  # role_type, last_updated, data_quality, quarter, review
    )
    written, problems = sync(raw, options=AdoptOptions(git_dates=False, partial=True))
    assert problems == [("GL101", 1, 1)] * 5
    assert written.startswith(b"---\ncompany: examplecorp\n") and written.endswith(raw)


# What the page does not state, given on the command line.
STATED = [
    "--last-updated=2026-02-23",
    "--data-quarter=2025-Q4",
    "--role-type=standard",
    "--data-quality=high",
]


def test_the_command_checks_diffs_and_writes(tmp_path: Path) -> None:
    folder = tmp_path / "examplecorp"
    folder.mkdir()
    guide = folder / "data-engineer.md"
    guide.write_bytes((SYNC / "bare.md").read_bytes())
    options = ["--isolated", *STATED]
    checked = run_cli(["sync", "--check", *options, "."], cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (
        1,
        "examplecorp/data-engineer.md: not in sync\n",
    )
    shown = run_cli(["sync", "--diff", *options, "."], cwd=tmp_path)
    assert shown.returncode == 1
    assert shown.stdout.startswith("--- a/examplecorp/data-engineer.md\n")
    assert "next_review_due 2026-05-24 is 90 days later" in shown.stderr
    written = run_cli(["sync", *options, "."], cwd=tmp_path)
    assert (written.returncode, written.stdout) == (0, "")
    assert guide.read_bytes() == BARE_FRONTMATTER.encode() + (SYNC / "bare.md").read_bytes()
    again = run_cli(["sync", "--check", *options, "."], cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")


def test_a_row_that_shows_no_figure_is_no_entry() -> None:
    raw = (SYNC / "bare.md").read_bytes()
    note = "| London (HQ) | £90,000-£120,000 | £20,000-£40,000 | 10% | £119,000-£172,000 |\n"
    raw = raw.replace(
        note.encode(), (note + "| N/A — no remote roles | — | — | — | — |\n").encode()
    )
    written, problems = sync(raw)
    assert problems == [] and written.endswith(raw)
    assert written.count(b"- region:") == 2 and b"N/A" not in written.split(b"\n---\n")[0]
    assert lint_text(written, select=("GL3",), path=NAME) == []


def test_the_configured_path_pattern_is_read_and_the_flag_overrides_it(tmp_path: Path) -> None:
    (tmp_path / "guidelint.toml").write_text('path-pattern = "{company}--{role}.md"\n')
    guide = tmp_path / "examplecorp--data-engineer.md"
    guide.write_bytes((SYNC / "bare.md").read_bytes())
    options = STATED
    assert run_cli(["sync", *options, "."], cwd=tmp_path).returncode == 0
    assert guide.read_bytes() == BARE_FRONTMATTER.encode() + (SYNC / "bare.md").read_bytes()
    guide.write_bytes((SYNC / "bare.md").read_bytes())
    flagged = run_cli(["sync", "--path-pattern={role}.md", *options, "."], cwd=tmp_path)
    assert flagged.returncode == 1  # no `{company}` in the flag's pattern: nothing written
    assert guide.read_bytes() == (SYNC / "bare.md").read_bytes()


# --- real guides, synced from bare ----------------------------------------------

_FIGURE = re.compile(
    r"(\d{1,3}(?:,\d{2,3})++(?:\.\d+)?+|\d++(?:\.\d+)?+)\s?+(K|k|M|m|L|Cr|lakh)?+(?![\d%])"
)
_UNITS = {"K": 1000, "k": 1000, "M": 10**6, "m": 10**6, "L": 10**5, "lakh": 10**5, "Cr": 10**7}
_PERCENT = re.compile(r"(\d++(?:\.\d+)?+)\s?+%")


def shown_figures(text: str) -> set[Decimal]:
    """Every amount a piece of table text shows, read here without guidelint's parser."""
    found = {
        Decimal(number.replace(",", "")) * _UNITS.get(unit or "", 1)
        for number, unit in _FIGURE.findall(text)
    }
    return found | {Decimal(p) for p in _PERCENT.findall(text)}


def _cells(line: str) -> list[str]:
    return line.strip().strip("|").split("|")


def _bare(raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip(b"\r") == b"---")
    return b"\n".join(lines[closing + 1 :])


def _tune_guides() -> list[Path]:
    if not POOL.is_dir():
        return []
    split = yaml.safe_load((Path(__file__).parent / "pool" / "split.yaml").read_text())
    return [p for company in split["tune"] for p in sorted((POOL / company).glob("*.md"))]


def _real_guides() -> list[Path]:
    found = sorted(REALWORLD.glob("*/*.md")) if REALWORLD.is_dir() else []
    return found + _tune_guides()


# What `check` still reports after a sync from bare, each a conflict in the table
# itself that no frontmatter can settle: a cell whose figures are in another
# currency than the rest of its row (left null, GL304 from sync), so the table
# shows figures no field holds (GL306) in a currency the entry does not have (GL304).
# Each is one root cause: the GL306 of the figures the mixed cell kept from being
# filled are folded into its GL304.
CONFLICTS = {
    # `$155,000-£255,000`: a total mixing dollars and pounds
    "boku/product-designer.md": ["GL304"],
    # `$175,000 - S$245,000`: a base mixing US and Singapore dollars
    "nium/technical-program-manager.md": ["GL304"],
    # `$305K–SGD 470K`: a total mixing US and Singapore dollars
    "sea-group/staff-software-engineer.md": ["GL304"],
    # Tel Aviv: base in shekels, stock and total in dollars
    "vast-data/ml-ai-engineer.md": ["GL304"],
    # a `Secondary Access Value` column of amounts that no field holds
    "sequoia/data-scientist.md": ["GL306"],
}
# Guides whose page does not state a field the schema requires: nothing is written.
UNREAD = {
    "microsoft/product-manager.md": "negotiation_dna_summary",  # a heading, no labelled line
}


def test_real_guides_synced_from_bare() -> None:
    guides = _real_guides()
    if not guides:
        pytest.skip("../shared/realworld and ../shared/realworld-pool are not present")
    for path in guides:
        name = "/".join(path.parts[-2:])
        body = _bare(path.read_bytes())
        outcome = sync_bytes(body, name, LINTER, OPTIONS)
        if name in UNREAD:
            assert not outcome.changed, name
            assert any(f"`{UNREAD[name]}` not read" in d.message for d in outcome.problems)
            continue
        assert outcome.changed, (name, outcome.problems)
        synced = outcome.synced
        assert synced.endswith(body), name  # the body is byte-identical
        assert sync_bytes(synced, name, LINTER, OPTIONS).synced == synced, name
        assert lint_text(synced, select=("GL0", "GL1"), path=name) == [], name
        codes = sorted(d.code for d in lint_text(synced, select=("GL3",), path=name))
        assert codes == CONFLICTS.get(name, []), name
        _figures_are_the_tables(synced, body, name)


def _figures_are_the_tables(synced: bytes, body: bytes, name: str) -> None:
    text = synced.decode("utf-8-sig").replace("\r\n", "\n")
    data = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    lines = body.decode("utf-8-sig").split("\n")
    table_lines = [line for line in lines if line.lstrip().startswith("|")]
    # the note in italics right under a table states figures of every entry (a bonus)
    notes = [
        line
        for number, line in enumerate(lines)
        if line.startswith("*")
        and not line.startswith("**")
        and any(lines[n].startswith("|") for n in range(max(0, number - 2), number))
    ]
    for entry in data["compensation"]:
        region = entry["region"]
        rows = [line for line in table_lines if region in _cells(line)[0]]
        if rows:
            shown = shown_figures("\n".join(rows))
        else:  # pivoted: the region heads a column
            headers = [_cells(line) for line in table_lines if region in line]
            column = next(i for i, cell in enumerate(headers[0]) if region in cell)
            cells = [_cells(line) for line in table_lines]
            shown = shown_figures("\n".join(c[column] for c in cells if len(c) > column))
        shown = shown | shown_figures("\n".join(notes))
        for field, value in entry.items():
            if field in ("region", "currency") or value is None:
                continue
            assert Decimal(str(value)) in shown, (name, region, field, value)


@pytest.mark.parametrize("header", ["Phantom Units/4yr", "Profit Interest RSU", "Carry"])
def test_a_stock_header_may_name_another_instrument(header: str) -> None:
    body = (SYNC / "bare.md").read_text().replace("| Stock (RSU/4yr) |", f"| {header} |")
    after, problems = sync(body.encode())
    assert problems == []
    assert b"    stock_low: 40000\n    stock_high: 80000\n" in after


@pytest.mark.parametrize("cell", sorted(data_file("figures.json")["periods"]["examples"]))
def test_period_examples(cell: str) -> None:
    from guidelint.money import parse_figure
    from guidelint.periods import yearly

    assert yearly(parse_figure(cell))[1] == data_file("figures.json")["periods"]["examples"][cell]


def test_monthly_pay_is_written_yearly_and_the_table_then_agrees() -> None:
    body = (
        (SYNC / "bare.md")
        .read_text()
        .replace("| London (HQ) | £90,000-£120,000 |", "| Oslo | NOK 45K–55K/mo |")
    )
    body = body.replace("£", "NOK ")
    outcome = sync_bytes(body.encode(), NAME, LINTER, OPTIONS)
    assert [(d.code, d.line, d.column) for d in outcome.problems] == []
    after = outcome.synced.decode()
    assert "  - region: Oslo\n    base_low: 540000\n    base_high: 660000\n" in after
    assert (
        "`NOK 45K–55K/mo` is pay for 1/12 of a year: written 12 times over, as yearly figures"
    ) in outcome.notes
    assert lint_text(after, select=("GL3",), path=NAME) == []


def test_a_column_for_two_currencies_reads_each_cell_by_its_symbol() -> None:
    raw = (SYNC / "pivot-two-currencies.md").read_bytes()
    after, problems = sync(raw)
    # `DKK 700K–900K` is not folded into the SEK range: it is reported.
    assert problems == [("GL304", 43, 37)]
    assert (
        b"  - region: Nordics\n    base_low: null\n    base_high: null\n    stock_low: null\n"
        b"    stock_high: null\n    bonus_pct: null\n    total_comp_low: 650000\n"
        b"    total_comp_high: 850000\n    currency: SEK\n"
    ) in after


def test_slugs_are_read_from_the_full_path_inside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "examplecorp"
    folder.mkdir()
    (folder / "data-engineer.md").write_bytes((SYNC / "bare.md").read_bytes())
    options = ["--isolated", "--last-updated=2026-02-23", "--role-type=standard"]
    done = run_cli(["sync", *options, "--data-quality=high", "data-engineer.md"], cwd=folder)
    assert (done.returncode, done.stdout) == (0, "")
    text = (folder / "data-engineer.md").read_text()
    assert text.startswith("---\ncompany: examplecorp\ncompany_display: Examplecorp\nrole: data-")
