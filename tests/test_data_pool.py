"""Recall and precision of the data rules (GL1xx-GL4xx) on both halves of the pool.

Two blind labellings of guides of each half (``tests/pool/split.yaml``):

- ``data-defects-<half>*.yaml``: every data defect an editor listed in guides drawn
  at random (the seed is in the file) before guidelint ran on them, each with its
  family (schema, consistency, table, freshness) and the line where a fixer would
  look first.  A defect is found when a finding of its family's codes (or one folded
  into it) sits on that line, on a line of the same table, in the frontmatter entry of
  the defect's region, or on the table row showing that region.
- ``data-findings-<half>*.yaml``: findings drawn at random, stratified by code (or,
  in a later file, every finding a change added), and judged against the guide
  without their messages, each ``right`` or not.

Print the tables with ``python -m pytest tests/test_data_pool.py -q -s``.  The
labels were written for 2026-12-06, the date the run is pinned to.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from conftest import lint_text

POOL = Path(__file__).resolve().parent / "pool"
LABELLED_ON = dt.date(2026, 12, 6)
FAMILIES = {"schema": "GL1", "consistency": "GL2", "table": "GL3", "freshness": "GL4"}
# Recall targets for the data rules on the measuring half.
TARGET_RECALL = {"consistency": 0.85, "table": 0.95}


def table_lines(lines: list[str], line: int) -> range:
    """The lines of the Markdown table holding ``line`` (1-based), or just ``line``."""
    if not lines[line - 1].lstrip().startswith("|"):
        return range(line, line + 1)
    first = last = line
    while first > 1 and lines[first - 2].lstrip().startswith("|"):
        first -= 1
    while last < len(lines) and lines[last].lstrip().startswith("|"):
        last += 1
    return range(first, last + 1)


def entry_lines(lines: list[str], region: str | None) -> range:
    """The frontmatter lines of the compensation entry whose region is ``region``."""
    if not region:
        return range(0)
    for index, text in enumerate(lines):
        key, _, value = text.strip().lstrip("- ").partition(":")
        if key == "region" and value.strip().strip("'\"") == region:
            indent = len(text) - len(text.lstrip())
            end = index + 1
            while (
                end < len(lines)
                and lines[end].strip() != "---"
                and (len(lines[end]) - len(lines[end].lstrip()) > indent)
            ):
                end += 1
            return range(index + 1, end + 1)
    return range(0)


def region_rows(lines: list[str], region: str | None) -> list[int]:
    """The table rows (1-based) whose first cell names ``region``: a defect listed at a
    frontmatter entry is found by a finding on the row that shows that entry."""
    if not region:
        return []
    return [
        number
        for number, text in enumerate(lines, 1)
        if text.lstrip().startswith("|")
        and text.strip().strip("|").split("|")[0].strip().strip("*") == region
    ]


def data_findings(path: Path) -> list[tuple[str, int, int]]:
    """Each finding's code and position, and those of the findings folded into it."""
    found = lint_text(path.read_bytes(), select=tuple(FAMILIES.values()), today=LABELLED_ON)
    return [
        (code, line, column)
        for d in found
        for code, line, column in [
            (d.code, d.line, d.column),
            *((r.code, r.line, r.column) for r in d.related),
        ]
    ]


@pytest.mark.parametrize("half", ["tune", "measure"])
def test_recall_of_listed_defects(shared: Path, half: str) -> None:
    files = sorted(POOL.glob(f"data-defects-{half}*.yaml"))
    if not files:
        pytest.skip(f"no defects listed on the {half} half")
    listings = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in files]
    guides = [name for listed in listings for name in listed["guides"]]
    defects = [defect for listed in listings for defect in listed["defects"]]
    found_by_file = {name: data_findings(shared / name) for name in guides}
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    missed = []
    for defect in defects:
        family = defect["family"]
        lines = (shared / defect["file"]).read_text(encoding="utf-8").split("\n")
        region = defect.get("region")
        near = [
            *table_lines(lines, defect["line"]),
            *entry_lines(lines, region),
            *region_rows(lines, region),
        ]
        prefix = FAMILIES[family]
        totals[family] += 1
        if any(
            code.startswith(prefix) and line in near
            for code, line, _ in found_by_file[defect["file"]]
        ):
            hits[family] += 1
        else:
            missed.append(f"{family} {defect['file']}:{defect['line']}: {defect['what']}")
    print(f"\n{half} half, {len(guides)} guides: recall of listed defects")
    for family in FAMILIES:
        if totals[family]:
            target = f"  (target {TARGET_RECALL[family]})" if family in TARGET_RECALL else ""
            share = hits[family] / totals[family]
            print(f"{family:12} {share:6.3f} {hits[family]:4}/{totals[family]}{target}")
    # The measuring half's misses are not shown: reading them would tune on it.
    for line in missed if half == "tune" else ():
        print("  missed " + line)
    assert sum(totals.values()) == len(defects)


@pytest.mark.parametrize("half", ["tune", "measure"])
def test_precision_of_judged_findings(shared: Path, half: str) -> None:
    """The share right among the judged findings still reported, as an editor reading a
    report would count it (a finding judged wrong that a later change removed no
    longer counts)."""
    paths = sorted(POOL.glob(f"data-findings-{half}*.yaml"))
    if not paths:
        pytest.skip(f"no judged findings on the {half} half")
    judged = [
        finding
        for path in paths
        for finding in yaml.safe_load(path.read_text(encoding="utf-8"))["findings"]
    ]
    reported = {
        file: set(data_findings(shared / file)) for file in {finding["file"] for finding in judged}
    }
    right: dict[str, list[bool]] = defaultdict(list)
    for finding in judged:
        if (finding["code"], finding["line"], finding["column"]) in reported[finding["file"]]:
            right[finding["code"]].append(finding["right"])
    print(f"\n{half} half: precision of the {len(judged)} judged findings still reported")
    for code in sorted(right):
        marks = right[code]
        print(f"{code:6} {sum(marks) / len(marks):6.3f} {sum(marks):4}/{len(marks)}")
    assert sum(len(marks) for marks in right.values()) >= 1
