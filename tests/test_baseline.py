"""``--write-baseline`` / ``--baseline``: adopt guidelint on a repository with old findings."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli

VALID = (FIXTURES / "valid.md").read_text(encoding="utf-8")
OLD_DEFECTS = VALID.replace("data_quality: high", "data_quality: great").replace(
    "    base_low: 148000\n", "    base_low: 148K\n"
)


def check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(
        ["check", "--isolated", "--today", "2026-11-22", "--format", "json", *args, "guides"],
        cwd=folder,
    )


def codes(result: subprocess.CompletedProcess[str]) -> list[tuple[str, int]]:
    return [(d["code"], d["line"]) for d in json.loads(result.stdout)]


def test_round_trip(tmp_path: Path) -> None:
    guide = tmp_path / "guides" / "acme.md"
    guide.parent.mkdir()
    guide.write_text(OLD_DEFECTS, encoding="utf-8")

    written = check(tmp_path, "--write-baseline", "baseline.json")
    assert written.returncode == 0  # recording is not failing
    assert codes(written) == [("GL103", 8), ("GL102", 22)]
    assert written.stderr == "guidelint: recorded 2 findings in baseline.json\n"
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert recorded["guidelint-baseline"] == 1
    assert [(f["path"], f["code"], f["count"]) for f in recorded["findings"]] == [
        ("guides/acme.md", "GL102", 1),
        ("guides/acme.md", "GL103", 1),
    ]
    assert all(len(f["fingerprint"]) == 16 for f in recorded["findings"])

    quiet = check(tmp_path, "--baseline", "baseline.json")
    assert (quiet.returncode, codes(quiet)) == (0, [])
    assert quiet.stderr == "guidelint: 2 findings hidden by baseline.json\n"

    # A new defect, plus lines inserted above the old ones so every line number moves.
    text = OLD_DEFECTS.replace("role_type: standard", "role_type: standard\n\n\n")
    text = text.replace("    stock_high: 236000\n", "    stock_hgih: 236000\n")
    guide.write_text(text, encoding="utf-8")
    new = check(tmp_path, "--baseline", "baseline.json")
    assert new.returncode == 1
    assert [c for c, _ in codes(new)] == ["GL101", "GL104"]  # stock_high missing, typo found
    assert new.stderr == "guidelint: 2 findings hidden by baseline.json\n"

    # Fixing an old defect is noticed, so the baseline can shrink.
    guide.write_text(text.replace("data_quality: great", "data_quality: high"), encoding="utf-8")
    fixed = check(tmp_path, "--baseline", "baseline.json")
    assert [c for c, _ in codes(fixed)] == ["GL101", "GL104"]
    assert fixed.stderr == (
        "guidelint: 1 baselined finding no longer occurs; to drop it, run the same command"
        " with --write-baseline baseline.json in place of --baseline"
        " (entries of files it does not lint are kept)\n"
        "guidelint: 1 finding hidden by baseline.json\n"
    )


def test_a_second_copy_of_a_baselined_finding_is_new(tmp_path: Path) -> None:
    guides = tmp_path / "guides"
    guides.mkdir()
    one = VALID.replace(
        "  - region: London\n    base_low: 148000", "  - region: London\n    base_low: 1K"
    )
    (guides / "a.md").write_text(one, encoding="utf-8")
    check(tmp_path, "--write-baseline", "base.json")
    two = one.replace("    base_low: 195000\n", "    base_low: 1K\n")
    (guides / "a.md").write_text(two, encoding="utf-8")
    result = check(tmp_path, "--baseline", "base.json")
    # Same code, same line text: the count tells them apart; the first one stays hidden.
    assert codes(result) == [("GL102", 22)]


def test_baselines_are_per_file(tmp_path: Path) -> None:
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "a.md").write_text(OLD_DEFECTS, encoding="utf-8")
    check(tmp_path, "--write-baseline", "base.json")
    (guides / "b.md").write_text(OLD_DEFECTS, encoding="utf-8")
    result = check(tmp_path, "--baseline", "base.json")
    assert {d["path"] for d in json.loads(result.stdout)} == {"guides/b.md"}


def test_missing_or_malformed_baseline_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "a.md").write_text(VALID, encoding="utf-8")
    missing = check(tmp_path, "--baseline", "nope.json")
    assert missing.returncode == 2
    assert missing.stderr == (
        "guidelint: error: --baseline: no such file: nope.json (create it with --write-baseline)\n"
    )
    (tmp_path / "other.json").write_text('{"findings": []}', encoding="utf-8")
    other = check(tmp_path, "--baseline", "other.json")
    assert other.returncode == 2
    assert "is not a guidelint baseline" in other.stderr
    both = check(tmp_path, "--baseline", "a.json", "--write-baseline", "b.json")
    assert both.returncode == 2
    assert "not allowed with argument" in both.stderr


@pytest.mark.parametrize("count", ["1e400", "-1e400", "NaN", '"two"'])
def test_a_count_that_is_no_whole_number_is_a_usage_error(tmp_path: Path, count: str) -> None:
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "a.md").write_text(VALID, encoding="utf-8")
    entry = f'{{"path": "guides/a.md", "code": "GL101", "fingerprint": "0", "count": {count}}}'
    (tmp_path / "b.json").write_text(
        f'{{"guidelint-baseline": 1, "findings": [{entry}]}}', encoding="utf-8"
    )
    result = check(tmp_path, "--baseline", "b.json")
    assert result.returncode == 2
    assert result.stderr == "guidelint: error: --baseline: b.json has a malformed finding entry\n"


def test_write_baseline_into_missing_folder_fails_before_reporting(tmp_path: Path) -> None:
    (tmp_path / "g.md").write_text("---\na: 1\n---\n")
    result = run_cli(
        ["check", "--isolated", "--write-baseline", "nope/base.json", "g.md"], cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--write-baseline: folder does not exist: nope" in result.stderr


def _recorded(path: Path) -> list[tuple[str, str, int]]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return [(f["path"], f["code"], f["count"]) for f in document["findings"]]


def test_writing_for_a_few_files_keeps_the_entries_of_the_others(tmp_path: Path) -> None:
    guides = tmp_path / "guides"
    guides.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (guides / name).write_text(OLD_DEFECTS, encoding="utf-8")
    check(tmp_path, "--write-baseline", "base.json")
    assert len(_recorded(tmp_path / "base.json")) == 6

    # a.md is fixed; a run over a.md alone (as pre-commit runs) rewrites its entries only.
    (guides / "a.md").write_text(VALID, encoding="utf-8")
    one = run_cli(
        ["check", "--isolated", "--today", "2026-11-22", "--write-baseline", "base.json",
         "guides/a.md"],
        cwd=tmp_path,
    )  # fmt: skip
    assert one.returncode == 0
    assert one.stderr == (
        "guidelint: recorded 0 findings in base.json;"
        " kept 4 earlier findings of files or codes this run did not lint\n"
    )
    assert _recorded(tmp_path / "base.json") == [
        ("guides/b.md", "GL102", 1),
        ("guides/b.md", "GL103", 1),
        ("guides/c.md", "GL102", 1),
        ("guides/c.md", "GL103", 1),
    ]
    # Nothing the others recorded comes back.
    assert codes(check(tmp_path, "--baseline", "base.json")) == []


def test_writing_with_a_narrower_selection_keeps_the_other_codes(tmp_path: Path) -> None:
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "a.md").write_text(OLD_DEFECTS, encoding="utf-8")
    check(tmp_path, "--write-baseline", "base.json")
    (guides / "a.md").write_text(OLD_DEFECTS.replace("data_quality: great", "data_quality: high"))
    narrow = check(tmp_path, "--select", "GL103", "--write-baseline", "base.json")
    assert narrow.stderr == (
        "guidelint: recorded 0 findings in base.json;"
        " kept 1 earlier finding of files or codes this run did not lint\n"
    )
    assert _recorded(tmp_path / "base.json") == [("guides/a.md", "GL102", 1)]


def test_writing_over_a_file_that_is_not_a_baseline_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "a.md").write_text(OLD_DEFECTS, encoding="utf-8")
    (tmp_path / "notes.json").write_text('{"findings": []}', encoding="utf-8")
    result = check(tmp_path, "--write-baseline", "notes.json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "guidelint: error: --write-baseline: notes.json is not a guidelint baseline (version 1)\n"
    )
    assert (tmp_path / "notes.json").read_text(encoding="utf-8") == '{"findings": []}'
    (tmp_path / "empty.json").write_text("", encoding="utf-8")
    assert check(tmp_path, "--write-baseline", "empty.json").returncode == 0
    assert len(_recorded(tmp_path / "empty.json")) == 2
