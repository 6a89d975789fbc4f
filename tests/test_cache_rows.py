"""The cache file's string table and rows: what a run writes, reads back and refuses."""

from __future__ import annotations

import io
import json
from array import array
from pathlib import Path

import pytest

from conftest import TODAY
from guidelint.cache import FORMAT, Cache
from guidelint.cache_rows import STRIDE, checked, encode, rows_of, rows_text, salvaged, stored
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
    (stored,) = sorted((cache_dir / f"v{FORMAT}").glob("*.json"))
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


def _set(at: int, value: object):  # type: ignore[no-untyped-def]
    """Damage to the entry's first finding: its ``at``-th integer set to ``value``."""
    return lambda entry, rows, size: rows.__setitem__(entry["at"] * STRIDE + at, value)


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry, rows, size: rows.__setitem__(entry["at"] * STRIDE + 4, size),
        _set(7, -1),  # a negative index
        _set(2, -2),  # an end below "none"
        _set(6, 4),  # no such severity
        lambda entry, rows, size: rows.__setitem__(  # a message where the code belongs
            entry["at"] * STRIDE + 4, rows[entry["at"] * STRIDE + 7]
        ),
        lambda entry, rows, size: rows.__setitem__(  # a message where the name belongs
            entry["at"] * STRIDE + 5, rows[entry["at"] * STRIDE + 7]
        ),
        lambda entry, rows, size: entry.__setitem__("at", True),  # a place that is a boolean
        lambda entry, rows, size: entry.__setitem__("n", 1.0),  # a count with a point
        lambda entry, rows, size: entry.__setitem__("n", len(rows)),  # past the run's end
        lambda entry, rows, size: entry.__setitem__("at", -1),  # before its start
        lambda entry, rows, size: entry.__setitem__("x", [[0, [1, 2], []]]),  # a malformed fix
        lambda entry, rows, size: entry.__setitem__("x", [[99, None, []]]),  # no such finding
        lambda entry, rows, size: entry.__setitem__("d", [[1, 1]]),  # malformed rows inline
    ],
    ids=[
        "past-table",
        "negative",
        "end",
        "severity",
        "not-a-code",
        "not-a-name",
        "bool",
        "float",
        "past-run",
        "before-run",
        "fix",
        "extra-index",
        "inline",
    ],
)
def test_a_damaged_entry_drops_only_itself(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    folder, cache_dir = _guides(tmp_path), tmp_path / "cache"
    _, cold = _run(folder, cache_dir)
    stored, document = _document(cache_dir)
    rows = rows_of(document["rows"], document["ints"])
    assert rows is not None
    key, entry = next((k, v) for k, v in document["entries"].items() if v["n"])
    damage(entry, rows, len(document["strings"]))
    document["ints"], document["rows"] = rows_text(rows)
    assert checked(document["entries"], document["strings"], rows) is None
    assert key not in salvaged(document["entries"], document["strings"], rows)
    stored.write_text(json.dumps(document))
    linted, warm = _run(folder, cache_dir)
    assert len(linted) == 1
    assert [r.diagnostics for r in warm] == [r.diagnostics for r in cold]


@pytest.mark.parametrize(
    ("part", "damaged"),
    [
        ("rows", "not base64!"),
        ("rows", 12),
        ("rows", "AAAA"),
        ("ints", "8little"),
        ("strings", ["GL101", "\ud800"]),
        ("strings", "GL101"),
        ("strings", [["GL101"]]),
    ],
    ids=["rows-text", "rows-number", "rows-ragged", "ints", "surrogate", "text", "nested"],
)
def test_a_damaged_run_or_table_is_not_trusted(tmp_path: Path, part: str, damaged: object) -> None:
    folder, cache_dir = _guides(tmp_path), tmp_path / "cache"
    _, cold = _run(folder, cache_dir)
    stored, document = _document(cache_dir)
    document[part] = damaged
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
    entries, strings, rows = {"k": {"used": "2026-01-01", "d": encode(found)}}, [], array("i")
    kept = salvaged(entries, strings, rows)
    assert checked(kept, strings, rows) is kept
    assert (kept["k"]["at"], kept["k"]["n"], len(rows)) == (0, 3, 3 * STRIDE)
    assert [index for index, _, _ in kept["k"]["x"]] == [0, 1]
    assert stored(kept["k"], rows, strings).diagnostics("x.md") == found


def test_integers_too_wide_for_two_bytes_are_written_in_four() -> None:
    wide = array("i", [1, 40_000, -1, -1, 0, 1, 2, 3])
    ints, text = rows_text(wide)
    assert ints.startswith("4") and rows_of(text, ints) == wide
    narrow = array("i", [1, 7, -1, -1, 0, 1, 2, 3])
    ints, text = rows_text(narrow)
    assert ints.startswith("2") and rows_of(text, ints) == narrow


def _one_entry(tmp_path: Path) -> tuple[Path, Path, dict, list[FileResult]]:
    folder, cache_dir = _guides(tmp_path), tmp_path / "cache"
    _, cold = _run(folder, cache_dir)
    stored, document = _document(cache_dir)
    return folder, stored, document, cold


def test_entries_whose_places_overlap_are_not_trusted(tmp_path: Path) -> None:
    """A small file naming the same findings for many entries would stand for a
    report, and a rewritten file, of any size."""
    folder, stored, document, cold = _one_entry(tmp_path)
    entries = document["entries"]
    first = next(value for value in entries.values() if value["n"])
    for value in entries.values():
        value.update(at=first["at"], n=first["n"], x=first.get("x", []))
        if not value["x"]:
            del value["x"]
    rows = rows_of(document["rows"], document["ints"])
    assert rows is not None
    assert checked(entries, document["strings"], rows) is None
    assert len(salvaged(entries, document["strings"], array("i", rows))) == 1
    stored.write_text(json.dumps(document))
    linted, warm = _run(folder, tmp_path / "cache")
    assert len(linted) == 5
    assert [r.diagnostics for r in warm] == [r.diagnostics for r in cold]


@pytest.mark.parametrize(
    "row",
    [
        [2**40, 1, None, None, "GL502", "unsupported-superlative", 1, "m", None, []],
        [-7, -3, None, None, "GL502", "unsupported-superlative", 1, "m", None, []],
        [3, 1, -5, None, "GL502", "unsupported-superlative", 1, "m", None, []],
        [3, 1, None, None, "GL502", "x", 1, "m", [3, 1, 3, 2, "t", "d\ud800"], []],
        [3, 1, None, None, "GL502", "x", 1, "m", [0, 1, 3, 2, "t", "d"], []],
    ],
    ids=["too-wide", "negative", "negative-end", "surrogate-description", "fix-at-line-0"],
)
def test_an_inline_entry_out_of_range_is_dropped(tmp_path: Path, row: list) -> None:
    folder, stored, document, cold = _one_entry(tmp_path)
    key = next(iter(document["entries"]))
    document["entries"][key] = {"used": "2026-01-01", "d": [row]}
    assert salvaged(document["entries"], [], array("i")) == {}
    stored.write_text(json.dumps(document))
    linted, warm = _run(folder, tmp_path / "cache")
    assert len(linted) == 1
    assert [r.diagnostics for r in warm] == [r.diagnostics for r in cold]


def test_a_stored_position_below_one_is_not_trusted(tmp_path: Path) -> None:
    folder, stored, document, cold = _one_entry(tmp_path)
    rows = rows_of(document["rows"], document["ints"])
    assert rows is not None
    rows[0], rows[1] = -7, -3
    document["ints"], document["rows"] = rows_text(rows)
    assert checked(document["entries"], document["strings"], rows) is None
    stored.write_text(json.dumps(document))
    linted, warm = _run(folder, tmp_path / "cache")
    assert len(linted) == 1
    assert [r.diagnostics for r in warm] == [r.diagnostics for r in cold]
