"""The result cache: hits, every reason to miss, damaged entries, and `guidelint clean`."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest

from conftest import TODAY, run_cli
from conftest import check_guides_json as check
from guidelint.cache import FORMAT, Cache
from guidelint.cache_rows import decode, encode
from guidelint.config import Settings
from guidelint.diagnostics import Diagnostic, Fix, Severity
from guidelint.files import Target
from guidelint.linter import Linter
from guidelint.selection import Selection

GUIDE = """\
---
company: example
company_display: Example
role: data-engineer
role_display: Data Engineer
role_type: standard
last_updated: 2026-10-01
data_quality: high
salary_data_quarter: 2026-Q3
next_review_due: 2026-12-15
compensation:
  - region: London
    base_low: 90000
    base_high: 120000
    stock_low: 40000
    stock_high: 80000
    bonus_pct: 10
    total_comp_low: 110000
    total_comp_high: 160000
    currency: GBP
level_mapping:
  internal: null
  raw: Example Data Engineer = Google L4
data_sources:
  - Levels.fyi
negotiation_dna_summary: Balanced package
---
### Data Engineer | Example

*Last updated: June 3, 2026*

| Region | Base Salary | Stock (RSU/4yr) | Bonus | Total Comp |
|--------|-------------|-----------------|-------|------------|
| London | £90K–£120K | £40K–£80K | 10% | £110K–£160K |
"""


class Counting(Linter):
    """A linter that counts how many guides it really linted."""

    linted: list[str]

    def lint_guide(self, guide):  # type: ignore[no-untyped-def]
        self.linted.append(guide.path)
        return super().lint_guide(guide)


def run(
    folder: Path,
    cache_dir: Path,
    *,
    settings: Settings | None = None,
    today: dt.date = TODAY,
    select: tuple[str, ...] = ("GL",),
) -> tuple[list[str], list[Diagnostic]]:
    """Lint every guide in ``folder`` with a cache; (files linted, diagnostics)."""
    settings = settings or Settings(root=folder)
    linter = Counting(settings, today, Selection(select))
    linter.linted = []
    linter.cache = Cache.open(settings, linter.selection, today, str(cache_dir))
    targets = [Target(str(p)) for p in sorted(folder.glob("*.md"))]
    found = [d for result in linter.run(targets, jobs=1) for d in result.diagnostics]
    return linter.linted, found


@pytest.fixture
def guides(tmp_path: Path) -> Path:
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "a.md").write_text(GUIDE, encoding="utf-8")
    (folder / "b.md").write_text(GUIDE.replace("role_type: standard\n", ""), encoding="utf-8")
    return folder


def cache_files(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / f"v{FORMAT}").glob("*.json"))


def test_second_run_hits_and_reports_the_same(guides: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    linted, first = run(guides, cache_dir)
    assert len(linted) == 2
    linted, second = run(guides, cache_dir)
    assert linted == []
    assert second == first
    assert any(d.code == "GL101" for d in second)


def test_fixes_round_trip_through_the_cache(guides: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    _, first = run(guides, cache_dir)
    fixed = [d for d in first if d.fix is not None]
    assert fixed, "the guide's stale body date should carry a fix"
    linted, second = run(guides, cache_dir)
    assert linted == []
    assert [d.fix for d in second if d.fix is not None] == [d.fix for d in fixed]


def test_encode_decode_keeps_every_field() -> None:
    diagnostic = Diagnostic(
        path="x.md",
        line=3,
        column=7,
        code="GL407",
        message="body says “June” — with unicode",
        end_line=3,
        end_column=19,
        name="body-date-mismatch",
        severity=Severity.WARNING,
        fix=Fix(3, 7, 3, 19, "October 1, 2026", "write the date"),
    )
    plain = diagnostic._replace(fix=None, end_line=None, end_column=None)
    stored = json.loads(json.dumps(encode([diagnostic, plain])))
    assert decode(stored, "x.md") == [diagnostic, plain]


def test_changed_bytes_miss_only_for_that_file(guides: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    run(guides, cache_dir)
    (guides / "a.md").write_text(GUIDE.replace("data_quality: high", "data_quality: low"))
    linted, _ = run(guides, cache_dir)
    assert [Path(p).name for p in linted] == ["a.md"]


def test_configuration_change_misses(guides: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    run(guides, cache_dir)
    linted, _ = run(guides, cache_dir, settings=Settings(root=guides, review_window_days=90))
    assert len(linted) == 2
    linted, _ = run(guides, cache_dir, select=("GL1",))
    assert len(linted) == 2


def test_today_change_misses(guides: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    run(guides, cache_dir)
    linted, _ = run(guides, cache_dir, today=TODAY + dt.timedelta(days=1))
    assert len(linted) == 2
    linted, _ = run(guides, cache_dir)  # the first day's results are still there
    assert linted == []


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        b'{"format": 99, "key": "x", "entries": {}}',
    ],
    ids=["empty", "bad-json", "binary", "list", "other-format"],
)
def test_corrupt_cache_file_is_ignored_and_rewritten(
    guides: Path, tmp_path: Path, damage: bytes
) -> None:
    cache_dir = tmp_path / "cache"
    _, first = run(guides, cache_dir)
    (stored,) = cache_files(cache_dir)
    stored.write_bytes(damage)
    linted, second = run(guides, cache_dir)
    assert len(linted) == 2
    assert second == first
    document = json.loads(stored.read_bytes())
    assert document["format"] == FORMAT and len(document["entries"]) == 2
    assert run(guides, cache_dir)[0] == []


def test_foreign_file_under_our_name_is_not_trusted(guides: Path, tmp_path: Path) -> None:
    """A file written for another configuration (its key differs) is ignored."""
    cache_dir = tmp_path / "cache"
    _, first = run(guides, cache_dir)
    (stored,) = cache_files(cache_dir)
    document = json.loads(stored.read_bytes())
    real_key = document["key"]
    document["key"] = "0" * 64
    stored.write_text(json.dumps(document))
    linted, second = run(guides, cache_dir)
    assert len(linted) == 2 and second == first
    assert json.loads(stored.read_bytes())["key"] == real_key


@pytest.mark.parametrize(
    "entry",
    [
        {"used": "2026-01-01", "d": "nonsense"},
        {"used": "2026-01-01", "d": [[1, 2, 3]]},
        {"used": "2026-01-01", "d": [[1, 1, None, None, "GL101", "x", 7, "m", None]]},
        {"used": "2026-01-01", "d": [[1, 1, None, None, "GL101", "x", 3, "m", [1, 2]]]},
        {"used": "2026-01-01", "d": [["1", 1, None, None, "GL101", "x", 3, "m", None]]},
        {"used": "2026-01-01"},
        ["not", "a", "mapping"],
    ],
    ids=["text", "short", "severity", "fix", "string-line", "no-diagnostics", "list"],
)
def test_malformed_entry_is_ignored_and_rewritten(
    guides: Path, tmp_path: Path, entry: object
) -> None:
    cache_dir = tmp_path / "cache"
    _, first = run(guides, cache_dir)
    (stored,) = cache_files(cache_dir)
    document = json.loads(stored.read_bytes())
    for key in document["entries"]:
        document["entries"][key] = entry
    stored.write_text(json.dumps(document))
    linted, second = run(guides, cache_dir)
    assert len(linted) == 2 and second == first
    rewritten = json.loads(stored.read_bytes())["entries"]
    assert all(
        isinstance(value, dict) and isinstance(value["n"], int) for value in rewritten.values()
    )
    assert run(guides, cache_dir)[0] == []


def test_entries_do_not_leak_between_paths(guides: Path, tmp_path: Path) -> None:
    """Same bytes under another name: linted again, reported under its own path."""
    cache_dir = tmp_path / "cache"
    run(guides, cache_dir)
    (guides / "c.md").write_bytes((guides / "b.md").read_bytes())
    linted, found = run(guides, cache_dir)
    assert [Path(p).name for p in linted] == ["c.md"]
    assert {Path(d.path).name for d in found if d.code == "GL101"} == {"b.md", "c.md"}


# ---------------------------------------------------------------- known by stat


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust a file's stat at once (a real run waits until it is two seconds old)."""
    import guidelint.cache

    monkeypatch.setattr(guidelint.cache, "SETTLED_NS", -1)


def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    original = Linter._read

    def counting(self: Linter, path: str):  # type: ignore[no-untyped-def]
        read.append(Path(path).name)
        return original(self, path)

    monkeypatch.setattr(Linter, "_read", counting)
    return read


def test_an_unchanged_stat_answers_without_reading(
    guides: Path, tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir = tmp_path / "cache"
    _, first = run(guides, cache_dir)
    (stored,) = cache_files(cache_dir)
    assert sorted(Path(p).name for p in json.loads(stored.read_bytes())["paths"]) == [
        "a.md",
        "b.md",
    ]
    read = reads(monkeypatch)
    linted, second = run(guides, cache_dir)
    assert (linted, read) == ([], [])
    assert second == first


def test_new_bytes_behind_the_old_size_and_mtime_are_read(
    guides: Path, tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The change time moves on any write and cannot be set back: the file is read."""
    cache_dir = tmp_path / "cache"
    run(guides, cache_dir)
    target = guides / "a.md"
    before = target.stat()
    time.sleep(0.05)  # past the file system's timestamp granularity
    target.write_text(GUIDE.replace("London", "Lisbon"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    read = reads(monkeypatch)
    linted, _ = run(guides, cache_dir)
    assert read == ["a.md"] and [Path(p).name for p in linted] == ["a.md"]


def test_a_freshly_written_file_is_not_known_by_stat(guides: Path, tmp_path: Path) -> None:
    """Within two seconds of a write, a same-tick rewrite could share its stat."""
    cache_dir = tmp_path / "cache"
    run(guides, cache_dir)
    (stored,) = cache_files(cache_dir)
    assert json.loads(stored.read_bytes())["paths"] == {}
    assert run(guides, cache_dir)[0] == []  # still answered, by the bytes' digest


@pytest.mark.parametrize(
    "known",
    [["1:2:3:4", "key"], "1:2:3:4", 7, "x unknown-key", {"x": "y"}],
    ids=["list", "no-key", "number", "unknown-key", "mapping"],
)
def test_malformed_stat_records_are_ignored(
    guides: Path, tmp_path: Path, settled: None, known: object
) -> None:
    cache_dir = tmp_path / "cache"
    _, first = run(guides, cache_dir)
    (stored,) = cache_files(cache_dir)
    document = json.loads(stored.read_bytes())
    document["paths"] = {path: known for path in document["paths"]}
    stored.write_text(json.dumps(document))
    linted, second = run(guides, cache_dir)
    assert linted == [] and second == first  # found by reading the bytes instead


# ---------------------------------------------------------------- command line


def test_cli_cache_folder_gitignore_and_clean(guides: Path, tmp_path: Path) -> None:
    first = check(tmp_path)
    folder = tmp_path / ".guidelint_cache"
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    assert cache_files(folder)
    assert check(tmp_path) == first
    result = run_cli(["clean", "--isolated"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not folder.exists()
    result = run_cli(["clean", "--isolated"], cwd=tmp_path)
    assert result.returncode == 0 and "no cache" in result.stderr


def test_cli_no_cache_writes_nothing(guides: Path, tmp_path: Path) -> None:
    check(tmp_path, "--no-cache")
    assert not (tmp_path / ".guidelint_cache").exists()


def test_cli_cache_dir_option(guides: Path, tmp_path: Path) -> None:
    first = check(tmp_path, "--cache-dir", "elsewhere")
    assert not (tmp_path / ".guidelint_cache").exists()
    assert (tmp_path / "elsewhere" / ".gitignore").is_file()
    assert check(tmp_path, "--cache-dir", "elsewhere") == first
    result = run_cli(["clean", "--isolated", "--cache-dir", "elsewhere"], cwd=tmp_path)
    assert result.returncode == 0 and not (tmp_path / "elsewhere").exists()


def test_clean_refuses_a_folder_that_is_not_a_cache(tmp_path: Path) -> None:
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "notes.md").write_text("keep me")
    result = run_cli(["clean", "--isolated", "--cache-dir", "precious"], cwd=tmp_path)
    assert result.returncode == 2
    assert (tmp_path / "precious" / "notes.md").is_file()


# ------------------------------------------------------- folders it does not own


def test_a_cache_dir_holding_other_files_is_never_written(guides: Path, tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "notes.txt").write_text("keep me")
    result = run_cli(["check", "--isolated", "--cache-dir", "home", "guides"], cwd=tmp_path)
    assert result.returncode in (0, 1)
    assert "holds files guidelint did not make; the cache is not written there" in result.stderr
    assert sorted(p.name for p in (tmp_path / "home").iterdir()) == ["notes.txt"]


def test_a_cache_dir_that_cannot_be_made_is_a_warning(guides: Path, tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("a file, not a folder")
    result = run_cli(["check", "--isolated", "--cache-dir", "plain/cache", "guides"], cwd=tmp_path)
    assert result.returncode in (0, 1)
    assert "guidelint: warning: the cache cannot be written in plain/cache: " in result.stderr


def test_clean_removes_nothing_when_one_file_is_foreign(guides: Path, tmp_path: Path) -> None:
    check(tmp_path)
    folder = tmp_path / ".guidelint_cache"
    stray = folder / f"v{FORMAT}" / "stray.json"
    stray.write_text("{}")
    result = run_cli(["clean", "--isolated"], cwd=tmp_path)
    assert result.returncode == 2
    assert "stray.json, which guidelint did not make; not removed" in result.stderr
    assert stray.is_file() and cache_files(folder)


def test_pruning_removes_only_old_entry_files(guides: Path, tmp_path: Path) -> None:
    check(tmp_path)
    entries = tmp_path / ".guidelint_cache" / f"v{FORMAT}"
    old = entries / ("0" * 32 + ".json")
    foreign = entries / "mine.json"
    for path in (old, foreign):
        path.write_text("{}")
        os.utime(path, (0, 0))
    (guides / "a.md").write_text(GUIDE.replace("London", "Lisbon"), encoding="utf-8")
    check(tmp_path)
    assert not old.exists() and foreign.is_file()


def test_an_empty_folder_is_adopted_and_marked(guides: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    check(tmp_path, "--cache-dir", "empty")
    assert sorted(p.name for p in (tmp_path / "empty").iterdir()) == [
        ".gitignore",
        ".guidelint-cache",
        "CACHEDIR.TAG",
        f"v{FORMAT}",
    ]


def test_clean_removes_an_earlier_format_folder_too(guides: Path, tmp_path: Path) -> None:
    check(tmp_path)
    folder = tmp_path / ".guidelint_cache"
    earlier = folder / "v2"
    earlier.mkdir()
    (earlier / ("0" * 32 + ".json")).write_text("{}")
    result = run_cli(["clean", "--isolated"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not folder.exists()
