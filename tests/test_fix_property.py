"""Property: whatever damage a table takes, one ``--fix`` repairs it and only it;
and it never copies into the table the figures of an entry with a consistency finding.

The frontmatter changes only where the table shows what it lacks: a bonus
range's high end becomes a `bonus_pct_high` line after `bonus_pct`, and a
`null` figure the table shows is filled with that figure.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import TODAY
from guidelint.config import Settings
from guidelint.files import Target
from guidelint.fixes import Fixer, fix_bytes
from guidelint.linter import Linter
from guidelint.tablefix import TABLE_CODES

FIXED_CODES = TABLE_CODES | {"GL407"}
REGIONS = {
    "San Francisco": "USD",
    "New York": "USD",
    "Seattle": "USD",
    "London": "GBP",
    "Berlin": "EUR",
    "Dublin": "EUR",
}
SYMBOL = {"USD": "$", "GBP": "£", "EUR": "€"}
HEADER = (
    "| Region | Base Salary | Stock (RSU/4yr) | Bonus | Total Comp |\n"
    "|:-------|------------:|:---------------:|-------|------------|\n"
)
FRONT = """---
company: anyscale
company_display: Anyscale
role: ml-ai-engineer
role_display: ML/AI Engineer
role_type: standard
last_updated: 2026-10-01  # reviewed with the hiring team
data_quality: high
salary_data_quarter: 2026-Q3
next_review_due: 2027-01-15
level_mapping:
  internal: null
  raw: Anyscale ML/AI Engineer
data_sources:
  - Levels.fyi
negotiation_dna_summary: "Strong base, growth-stage equity"
compensation:
"""
LINTER = Linter(Settings(), TODAY)


@dataclass
class Item:
    region: str
    base: tuple[int, int]
    stock: tuple[int, int]
    bonus: int
    total: tuple[int, int]
    unknown_stock: bool = False  # the frontmatter writes `stock_low: null`

    @property
    def currency(self) -> str:
        return REGIONS[self.region]

    def yaml(self) -> str:
        return (
            f"  - region: {self.region}\n"
            f"    base_low: {self.base[0] * 1000}\n    base_high: {self.base[1] * 1000}\n"
            f"    stock_low: {'null' if self.unknown_stock else self.stock[0] * 1000}\n"
            f"    stock_high: {self.stock[1] * 1000}\n"
            f"    bonus_pct: {self.bonus}\n"
            f"    total_comp_low: {self.total[0] * 1000}\n"
            f"    total_comp_high: {self.total[1] * 1000}\n"
            f"    currency: {self.currency}\n"
        )

    def cells(self) -> list[str]:
        s = SYMBOL[self.currency]
        return [
            self.region,
            f"{s}{self.base[0]}K–{s}{self.base[1]}K",
            f"{s}{self.stock[0]}K–{s}{self.stock[1]}K",
            f"{self.bonus}%",
            f"{s}{self.total[0]}K–{s}{self.total[1]}K",
        ]


@st.composite
def ranges(draw: st.DrawFn, low: int, high: int) -> tuple[int, int]:
    start = draw(st.integers(low, high))
    return start, start + draw(st.integers(1, 120))


@st.composite
def items(draw: st.DrawFn) -> list[Item]:
    regions = draw(st.lists(st.sampled_from(sorted(REGIONS)), min_size=1, max_size=4, unique=True))
    found = []
    for region in regions:
        base = draw(ranges(90, 300))
        stock = draw(ranges(20, 300))
        bonus = draw(st.integers(0, 25))
        # totals that add up (GL205): base, a year of the 4-year grant and the bonus,
        # the high end rounded up by at most 4% (the tolerance is 5%)
        high = base[1] + stock[1] // 4 + base[1] * bonus // 100
        total = (
            base[0] + stock[0] // 4 + base[0] * bonus // 100,
            high + draw(st.integers(0, min(5, high // 25))),
        )
        found.append(Item(region, base, stock, bonus, total, draw(st.booleans())))
    return found


def row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |\n"


@st.composite
def damaged_rows(draw: st.DrawFn, data: list[Item]) -> tuple[list[list[str]], bool]:
    """Correct rows, then 1-4 random injuries; True if an extra row was added."""
    rows = [item.cells() for item in data]
    extra = False
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(["number", "currency", "drop", "bonus", "swap", "extra", "bold"])
        )
        if not rows and kind != "extra":
            continue
        index = draw(st.integers(0, max(len(rows) - 1, 0)))
        if kind == "number":
            column = draw(st.sampled_from([1, 2, 4]))
            old = rows[index][column]
            low, _, high = old.partition("–")
            bumped = str(int(high[1:-1]) + draw(st.integers(1, 40)))
            rows[index][column] = f"{low}–{high[0]}{bumped}K"
        elif kind == "currency":
            column = draw(st.sampled_from([1, 2, 4]))
            symbol = rows[index][column][0]
            other = draw(st.sampled_from(sorted(set(SYMBOL.values()) - {symbol})))
            rows[index][column] = rows[index][column].replace(symbol, other)
        elif kind == "drop":
            del rows[index]
        elif kind == "bonus":
            rows[index][3] = rows[index][3][:-1] + "–" + str(draw(st.integers(26, 40))) + "%"
        elif kind == "swap" and len(rows) > 1:
            rows[0], rows[-1] = rows[-1], rows[0]
        elif kind == "extra":
            rows.append(["Atlantis", "$1K–$2K", "$1K–$2K", "1%", "$2K–$3K"])
            extra = True
        elif kind == "bold":
            rows[index][0] = f"**{rows[index][0]}**"
    return rows, extra


COMPONENTS = ("Base Salary", "Stock (RSU/4yr)", "Annual Bonus", "Total Comp")


def pivot_header(data: list[Item]) -> str:
    """A table pivoted by component: one column per region, named with its currency."""
    names = [f"{i.region} ({i.currency})" for i in data]
    return row(["Component", *names]) + "|" + "---|" * (len(names) + 1) + "\n"


@st.composite
def damaged_columns(draw: st.DrawFn, data: list[Item]) -> list[list[str]]:
    """The pivoted table's rows (one per component), then 1-3 injuries to single cells."""
    columns = [item.cells()[1:] for item in data]
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["number", "currency", "bonus"]))
        column = draw(st.integers(0, len(columns) - 1))
        if kind == "bonus":
            columns[column][2] = (
                columns[column][2][:-1] + "–" + str(draw(st.integers(26, 40))) + "%"
            )
            continue
        component = draw(st.sampled_from([0, 1, 3]))
        old = columns[column][component]
        if kind == "number":
            low, _, high = old.partition("–")
            bumped = str(int(high[1:-1]) + draw(st.integers(1, 40)))
            columns[column][component] = f"{low}–{high[0]}{bumped}K"
        else:
            symbol = old[0]
            other = draw(st.sampled_from(sorted(set(SYMBOL.values()) - {symbol})))
            columns[column][component] = old.replace(symbol, other)
    return [[name, *(c[n] for c in columns)] for n, name in enumerate(COMPONENTS)]


prose = st.text(
    alphabet=st.sampled_from([*"abcdefghij klmnop qrstuvwxyz,.é😀", "\n"]),
    max_size=200,
).map(lambda s: s.strip() or "Some words.")


@st.composite
def guides(draw: st.DrawFn) -> tuple[bytes, bytes, bytes, bool]:
    """(file bytes, bytes before the table's rows with every figure known, bytes after them,
    unsafe?)."""
    data = draw(items())
    pivoted = draw(st.booleans())
    if pivoted:
        rows, extra = draw(damaged_columns(data)), False
        header = pivot_header(data)
        table = "".join(row(r) for r in rows)
    else:
        rows, extra = draw(damaged_rows(data))
        header = HEADER
        table = "".join(row(r) for r in rows)
    known = [Item(i.region, i.base, i.stock, i.bonus, i.total) for i in data]
    heading = "### ML/AI Engineer at Anyscale\n\n" + draw(prose) + "\n\n" + header
    before = FRONT + "".join(i.yaml() for i in data) + "---\n" + heading
    complete = FRONT + "".join(i.yaml() for i in known) + "---\n" + heading
    after = "\n" + draw(prose) + "\n"
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = "\ufeff" if draw(st.booleans()) else ""

    def encode(text: str) -> bytes:
        return text.replace("\n", newline).encode("utf-8")

    raw = (bom + before).encode("utf-8").replace(b"\n", newline.encode()) + encode(table)
    raw += encode(after)
    return raw, encode(bom + complete), encode(after), extra


def codes(raw: bytes) -> set[str]:
    return {d.code for d in LINTER.lint_bytes(raw, "guide.md").diagnostics}


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(guides())
def test_fix_repairs_table_damage_and_nothing_else(case: tuple[bytes, bytes, bytes, bool]) -> None:
    raw, before, after, unsafe = case
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "guide.md")
        Path(path).write_bytes(raw)
        fixer = Fixer(LINTER, unsafe=unsafe, err=io.StringIO())
        list(fixer.process([LINTER.lint_target(Target(path))]))
        fixed = Path(path).read_bytes()
    assert fixer.failures == 0
    # Nothing a fix repairs is still reported.
    assert not codes(fixed) & FIXED_CODES, LINTER.lint_bytes(fixed, "guide.md").diagnostics
    # Bytes outside the table's rows, BOM and line endings included, are untouched,
    # but for frontmatter figures filled from the table.
    newline = b"\r\n" if b"\r\n" in raw else b"\n"
    head = fixed[: len(fixed) - len(after)].split(newline)
    expected_head = before.split(newline)
    head = [line for line in head if not line.startswith(b"    bonus_pct_high: ")]
    assert len(head) >= len(expected_head) - 1
    for got, want in zip(head, expected_head[:-1], strict=False):
        # A `null` stays when the table does not show the figure either.
        assert got == want or (got == b"    stock_low: null" and want.startswith(b"    stock_low:"))
    assert fixed.endswith(after)
    # A second fix has nothing to do.
    again = fix_bytes(fixed, "guide.md", LINTER, unsafe=unsafe)
    assert again.fixed == fixed
    assert again.fixed_count == 0


@st.composite
def doubted(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    """A guide whose table needs fixing, where one entry's `base_high` lost a digit
    (GL201): (file bytes, that entry's table row as written)."""
    data = draw(items().filter(lambda found: len(found) > 1))
    rows = [item.cells() for item in data]
    for index in range(len(rows)):  # every row's base high is off by some thousands
        low, _, high = rows[index][1].partition("–")
        rows[index][1] = f"{low}–{high[0]}{int(high[1:-1]) + draw(st.integers(1, 40))}K"
    typo = draw(st.integers(0, len(data) - 1))
    yaml = [item.yaml() for item in data]
    wrong = data[typo].base[1] * 1000
    yaml[typo] = yaml[typo].replace(f"base_high: {wrong}\n", f"base_high: {wrong // 10}\n")
    text = FRONT + "".join(yaml) + "---\n### Pay\n\n" + HEADER + "".join(row(r) for r in rows)
    return text.encode("utf-8"), rows[typo]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doubted())
def test_fix_never_copies_a_doubtful_figure_into_the_table(
    case: tuple[bytes, list[str]],
) -> None:
    raw, typo_row = case
    outcome = fix_bytes(raw, "guide.md", LINTER)
    fixed = outcome.fixed.decode("utf-8")
    # The row of the entry with GL201 keeps what it showed; `base_high: 25500` is not copied.
    assert row(typo_row).rstrip("\n") in fixed.split("\n")
    assert any("not fixed" in note and "GL201" in note for note in outcome.notes)
    # The other rows are rewritten from their entries: only the doubtful one is left.
    left = [d for d in outcome.diagnostics if d.code in TABLE_CODES]
    assert {d.line for d in left} == {fixed.split("\n").index(row(typo_row).rstrip("\n")) + 1}
