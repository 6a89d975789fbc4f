"""Findings per code and findings per true root cause on the real guides.

    python bench/rootcause.py [--checkout DIR] [--label NAME] [PATH ...]

Runs the guidelint of ``--checkout`` (default: this one) over PATH (default:
``../shared/realworld-pool`` and ``../shared/realworld``) with the data rules
(GL1-GL4), ``--isolated --no-cache --today 2026-03-01``, reads its JSON report
and prints the findings per code, the true root causes and their ratio.  To
measure another version, point ``--checkout`` at a copy of it, for instance
``git archive main | tar -x -C /tmp/main`` then ``--checkout /tmp/main``.

A **finding** is one entry of the report as a reader sees it.  The **root
causes** are counted from every underlying finding: the report's entries and,
where a version folds findings into one another, the findings it folded in
(the JSON report's ``related`` list).  Each underlying finding belongs to
exactly one root cause:

1. a region whose currency is wrong: every GL203, GL304, GL206 and GL307
   finding on that region's frontmatter entry or table row, and every GL306
   there that carries no fix (the currency kept the figure from being filled),
   when one of them is a GL203 or a GL304, is one root cause;
2. a field no frontmatter entry sets while the table shows it in two or more
   rows (the migration that dropped every bonus's high end): the GL306
   findings naming that field in one table column are one root cause;
3. a total that fails the same way in several entries of one guide (GL205
   findings naming the same slip: "it counts the whole grant ...", "it leaves
   out the bonus") is one root cause; a total no slip explains is one of its own;
4. every other finding is a root cause of its own.

Regions and columns are read with this checkout's table reader, so both
versions are measured against the same grouping.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from guidelint.config import Settings  # noqa: E402
from guidelint.document import load_guide  # noqa: E402
from guidelint.linter import Linter  # noqa: E402
from guidelint.rules.totals import UNEXPLAINED  # noqa: E402
from guidelint.tablecompare import compare  # noqa: E402

CURRENCY_ROOTS = {"GL203", "GL304"}
REGION_CODES = {"GL203", "GL304", "GL306", "GL206", "GL307"}
MISSING_FIELD = re.compile(r"but (\w+) is not set$")
TODAY = "2026-03-01"


def report(checkout: Path, paths: list[str]) -> list[dict]:
    command = [sys.executable, "-m", "guidelint", "check", "--isolated", "--no-cache"]
    command += ["--select", "GL1,GL2,GL3,GL4", "--output-format", "json", "--today", TODAY]
    env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [*command, *paths], cwd=checkout, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"guidelint failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(done.stdout)


Finding = tuple[str, int, int, str, bool]  # code, line, column, message, has a fix


def underlying(entry: dict) -> list[Finding]:
    """The findings an entry stands for: itself, or those folded into it."""
    # Folded findings do not say whether they carry a fix: a folded GL306 either
    # follows from its region's currency (no fix) or fills a column (a fix).
    related = [
        (r["code"], r["line"], r["column"], r["message"], entry["code"] == "GL306")
        for r in entry.get("related", [])
    ]
    own = (entry["code"], entry["line"], entry["column"], entry["message"], bool(entry["fix"]))
    # A column-wide finding sits on the header and only gathers its rows.
    if related and all(r[0] == "GL306" for r in related) and entry["code"] == "GL306":
        return related
    return [own, *related]


def slip_of(message: str) -> str | None:
    """The slip a GL205 message names, without its figures ("it leaves out the
    bonus"); None when no slip explains the total."""
    reason = message.split("; ")[0].rpartition("): ")[2]
    return None if reason in UNEXPLAINED else re.sub(r"\d[\d,.]*", "N", reason)


def root_causes(path: str, findings: list[Finding], linter: Linter) -> int:
    """How many root causes ``findings`` (one file's) have, by the docstring's rules."""
    if not any(found[0] in REGION_CODES for found in findings):
        slips = {slip_of(message) for code, _, _, message, _ in findings if code == "GL205"}
        return len(slips - {None}) + sum(
            found[0] != "GL205" or slip_of(found[3]) is None for found in findings
        )
    guide = load_guide(path, path, linter.settings.max_file_size)
    comparison = compare(guide, linter.context(path)) if guide.data is not None else None
    table = comparison.table if comparison is not None else None
    if comparison is None or table is None:
        return len(findings)
    regions = []
    for row, path in comparison.shown_entries():
        span = guide.value_span(path)
        cells = {(cell.line, cell.column, cell.end_column) for cell in row.cells}
        regions.append((range(span.line, span.end_line + 1), row.line, cells))

    def region_of(line: int, column: int) -> int | None:
        for index, (lines, row_line, cells) in enumerate(regions):
            in_row = line == row_line and table.layout == "rows"
            in_cell = any(line == ln and start <= column <= end for ln, start, end in cells)
            if line in lines or in_row or in_cell:
                return index
        return None

    def column_of(line: int, column: int) -> int | None:
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                if cell.line == line and cell.column <= column <= cell.end_column:
                    return index
        return None

    items = [item for _, item in comparison.items]
    wrong_currency = {
        region_of(line, column) for code, line, column, _, _ in findings if code in CURRENCY_ROOTS
    } - {None}
    keys: set[tuple] = set()
    column_members: Counter[tuple] = Counter()
    pending: list[tuple] = []
    for index, (code, line, column, message, fixable) in enumerate(findings):
        if code == "GL205":
            slip = slip_of(message)
            keys.add(("slip", slip) if slip is not None else ("finding", index))
            continue
        region = region_of(line, column)
        follows = code in REGION_CODES and not (code == "GL306" and fixable)
        if follows and region in wrong_currency:
            keys.add(("region", region))
            continue
        missing = MISSING_FIELD.search(message) if code == "GL306" else None
        if missing and all(item.get(missing.group(1)) is None for item in items):
            key = ("column", column_of(line, column))
            column_members[key] += 1
            pending.append((key, index))
            continue
        keys.add(("finding", index))
    for key, index in pending:
        keys.add(key if column_members[key] >= 2 else ("finding", index))
    return len(keys)


def measure(checkout: Path, paths: list[str]) -> tuple[Counter[str], int, int]:
    entries = report(checkout, paths)
    by_code = Counter(entry["code"] for entry in entries)
    by_file: dict[str, list[Finding]] = {}
    for entry in entries:
        by_file.setdefault(entry["path"], []).extend(underlying(entry))
    linter = Linter(Settings(), dt.date.fromisoformat(TODAY))
    roots = sum(root_causes(path, found, linter) for path, found in by_file.items())
    return by_code, len(entries), roots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkout", type=Path, default=REPO, help="the guidelint to run")
    parser.add_argument("--label", default=None, help="a name for the checkout in the output")
    parser.add_argument("paths", nargs="*", help="guides or folders (default: the real pool)")
    args = parser.parse_args(argv)
    shared = REPO.parent / "shared"
    paths = args.paths or [str(shared / "realworld-pool"), str(shared / "realworld")]
    paths = [str(Path(p).resolve()) for p in paths]
    by_code, findings, roots = measure(args.checkout.resolve(), paths)
    print(f"# {args.label or args.checkout}")
    for code, count in sorted(by_code.items()):
        print(f"{count:7d}  {code}")
    ratio = findings / roots if roots else 0.0
    print(f"findings {findings}, root causes {roots}, findings per root cause {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
