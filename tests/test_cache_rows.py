"""The cache file's string table and rows: what a run writes, reads back and refuses."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from conftest import TODAY
from guidelint.cache import Cache
from guidelint.cache_rows import Stored, checked, encode, salvaged
from guidelint.config import Settings
from guidelint.diagnostics import Diagnostic, Fix, Related, Severity
from guidelint.files import Target
from guidelint.linter import FileResult, Linter
from guidelint.reporters import Summary, TextReporter
from guidelint.selection import Selection

FIXTURE = Path(__file__).parent / "fixtures"


def _guides(tmp_path: Path) -> Path:
    folder = tmp_path / "guides"
    folder.mkdir()
    for source in sorted(FIXTURE.glob("table/*.md"))[:6]:
        (folder / source.name).write_bytes(source.read_bytes())
    return folder


def _run(folder: Path, cache_dir: Path) -> tuple[list[str], list[FileResult]]:
    """(files linted, results) of a cached run over ``folder``."""
    linted: list[str] = []

    class Counting(Linter):
        def lint_guide(self, guide):  # type: ignore[no-untyped-def]
            linted.append(guide.path)
            return super().lint_guide(guide)

    settings = Settings(root=folder)
    linter = Counting(settings, TODAY, Selection(("GL",)))
    linter.cache = Cache.open(settings, linter.selection, TODAY, str(cache_dir))
    targets = [Target(str(p)) for p in sorted(folder.glob("*.md"))]
    return linted, list(linter.run(targets, jobs=1))


def _report(results: list[FileResult]) -> str:
    stream = io.StringIO()
    reporter = TextReporter(stream, fail_on=Severity.ERROR)
    summary = Summary()
    reporter.start()
    for result in results:
        summary.add(result)
        reporter.file(result)
    reporter.finish(summary)
    return stream.getvalue()


def _document(cache_dir: Path) -> tuple[Path, dict]:
    (stored,) = sorted((cache_dir / "v2").glob("*.json"))
    return stored, json.loads(stored.read_bytes())


def test_a_warm_run_reports_from_the_stored_rows_what_a_cold_run_reported(
    tmp_path: Path,
) -> None:
    folder, cache_dir = _guides(tmp_path), tmp_path / "cache"
    linted, cold = _run(folder, cache_dir)
    assert len(linted) == 6 and all(result.stored is None for result in cold)
    linted, warm = _run(folder, cache_dir)
    assert linted == [] and all(result.stored is not None for result in warm)
    assert _report(warm) == _report(cold)
    assert [r.diagnostics for r in warm] == [r.diagnostics for r in cold]
    _, document = _document(cache_dir)
    strings = document["strings"]
    assert len(strings) == len(set(strings)), "each string is stored once"


@pytest.mark.parametrize(
    "damage",
    [
        lambda row, size: row.__setitem__(4, size),  # an index past the table
        lambda row, size: row.__setitem__(7, -1),  # a negative index
        lambda row, size: row.__setitem__(0, True),  # a line that is a boolean
        lambda row, size: row.__setitem__(1, 1.0),  # a column that is a number with a point
        lambda row, size: row.__setitem__(6, 4),  # no such severity
        lambda row, size: row.__setitem__(4, row[7]),  # a message where the code belongs
        lambda row, size: row.__setitem__(5, row[7]),  # a message where the name belongs
        lambda row, size: row.append(None),  # nine values
        lambda row, size: row.extend([[1, 2], []]),  # a malformed fix
    ],
    ids=[
        "past-table",
        "negative",
        "bool",
        "float",
        "severity",
        "not-a-code",
        "not-a-name",
        "nine",
        "fix",
    ],
)
def test_a_damaged_row_drops_only_its_entry(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    folder, cache_dir = _guides(tmp_path), tmp_path / "cache"
    _, cold = _run(folder, cache_dir)
    stored, document = _document(cache_dir)
    key, entry = next((k, v) for k, v in document["entries"].items() if v["d"])
    damage(entry["d"][0], len(document["strings"]))
    assert checked(document["entries"], document["strings"]) is None
    assert key not in salvaged(document["entries"], document["strings"])
    stored.write_text(json.dumps(document))
    linted, warm = _run(folder, cache_dir)
    assert len(linted) == 1
    assert [r.diagnostics for r in warm] == [r.diagnostics for r in cold]


@pytest.mark.parametrize(
    "table", [["GL101", "\ud800"], "GL101", [["GL101"]]], ids=["surrogate", "text", "nested"]
)
def test_a_damaged_table_is_not_trusted(tmp_path: Path, table: object) -> None:
    folder, cache_dir = _guides(tmp_path), tmp_path / "cache"
    _, cold = _run(folder, cache_dir)
    stored, document = _document(cache_dir)
    document["strings"] = table
    stored.write_text(json.dumps(document))
    linted, warm = _run(folder, cache_dir)
    assert len(linted) == 6
    assert [r.diagnostics for r in warm] == [r.diagnostics for r in cold]


def test_rows_written_inline_are_read_and_stored_in_the_table(tmp_path: Path) -> None:
    """An entry with its strings inline (as encode() writes them) is still an answer."""
    folder, cache_dir = _guides(tmp_path), tmp_path / "cache"
    _, cold = _run(folder, cache_dir)
    stored, document = _document(cache_dir)
    settings = Settings(root=folder)
    cache = Cache.open(settings, Selection(("GL",)), TODAY, str(cache_dir))
    for result in cold:
        key = cache.entry_key(Path(result.path).read_bytes(), result.path)
        document["entries"][key]["d"] = encode(result.diagnostics)
    document["strings"] = []
    stored.write_text(json.dumps(document))
    linted, warm = _run(folder, cache_dir)
    assert linted == []
    assert [r.diagnostics for r in warm] == [r.diagnostics for r in cold]
    assert _report(warm) == _report(cold)


def test_fixes_and_folded_findings_round_trip_through_a_long_row() -> None:
    fix = Fix(3, 7, 3, 19, "October 1, 2026", "write the date")
    folded = Related(5, 1, "GL306", "total is off", Fix(5, 1, 5, 4, "x", "y"))
    found = [
        Diagnostic("x.md", 3, 7, "GL407", "body date", 3, 19, "body-date", Severity.WARNING, fix),
        Diagnostic(
            "x.md", 4, 1, "GL305", "mismatch", None, None, "t", Severity.ERROR, None, (folded,)
        ),
        Diagnostic("x.md", 9, 2, "GL101", "plain", None, None, "s", Severity.INFO),
    ]
    rows = encode(found)
    entries, strings = {"k": {"used": "2026-01-01", "d": rows}}, []
    kept = salvaged(entries, strings)
    assert checked(kept, strings) is kept
    assert [len(row) for row in kept["k"]["d"]] == [10, 10, 8]
    assert Stored(kept["k"]["d"], strings).diagnostics("x.md") == found
