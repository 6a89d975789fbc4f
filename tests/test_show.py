"""check's ruff-named options that show or steer rather than report:
--statistics, --fixable/--unfixable, --show-fixes, --show-files,
--show-settings and --exit-non-zero-on-fix, through the console script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURES, REPO, run_cli

DATES = FIXTURES / "fix" / "body-dates.md"  # two fixable GL407 warnings, nothing else
TABLE = REPO / "examples" / "broken" / "table-mismatch.md"


def check(*args: str, cwd: Path = REPO) -> tuple[int, str, str]:
    result = run_cli(["check", "--isolated", "--today", "2026-11-22", *args], cwd=cwd)
    return result.returncode, result.stdout, result.stderr


def test_statistics_table_marks_fixable_codes_and_exits_as_the_report_would() -> None:
    status, out, _ = check("--statistics", str(TABLE))
    assert out == (
        "1\tGL302\t[*] table-region-missing\n"
        "1\tGL303\t[ ] table-region-extra\n"
        "1\tGL305\t[*] table-value-mismatch\n"
        "1\tGL306\t[*] table-unbacked-figure\n"
    )
    assert status == 1


def test_statistics_as_json() -> None:
    _, out, _ = check("--statistics", "--output-format", "json", str(DATES))
    assert json.loads(out) == [
        {"code": "GL407", "name": "body-date-mismatch", "count": 2, "fixable": True}
    ]


def test_unfixable_codes_lose_their_fixes(tmp_path: Path) -> None:
    _, out, _ = check("--statistics", "--unfixable", "body-date-mismatch", str(DATES))
    assert out == "2\tGL407\t[ ] body-date-mismatch\n"
    status, out, err = check("--diff", "--fixable", "GL3", str(DATES))
    assert (status, out, err) == (0, "", "")
    (tmp_path / "guidelint.toml").write_text('unfixable = ["GL4"]\n', encoding="utf-8")
    copy = tmp_path / "guide.md"
    shutil.copy(DATES, copy)
    result = run_cli(["check", "--today", "2026-11-22", "--fix", "guide.md"], cwd=tmp_path)
    assert copy.read_bytes() == DATES.read_bytes()
    assert "fixable" not in result.stdout
    # --extend-fixable does not outrank a longer unfixable prefix; a full code does.
    result = run_cli(
        ["check", "--today", "2026-11-22", "--extend-fixable", "GL407", "--diff", "guide.md"],
        cwd=tmp_path,
    )
    assert result.returncode == 1 and result.stdout.startswith("--- a/guide.md")


def test_unfixable_table_codes_are_left_without_a_note(tmp_path: Path) -> None:
    copy = tmp_path / "guide.md"
    shutil.copy(TABLE, copy)
    status, out, err = check("--unfixable", "GL3", "--fix", "guide.md", cwd=tmp_path)
    assert copy.read_bytes() == TABLE.read_bytes()
    assert (status, err) == (1, "")
    assert "[*]" not in out


def test_show_fixes_and_exit_non_zero_on_fix(tmp_path: Path) -> None:
    copy = tmp_path / "guide.md"
    shutil.copy(DATES, copy)
    status, out, err = check("--fix", "--show-fixes", "guide.md", cwd=tmp_path)
    assert status == 0
    assert out == (
        "All clear: no problems in 1 file.\n"
        "Fixed 2 problems:\n"
        "- guide.md:\n"
        "    2 × GL407 (body-date-mismatch)\n"
    )
    assert err == "guidelint: fixed 2 problems in 1 file\n"
    shutil.copy(DATES, copy)
    status, _, _ = check("--fix", "--exit-non-zero-on-fix", "guide.md", cwd=tmp_path)
    assert status == 1
    # Nothing left to fix: the run is clean again.
    status, _, _ = check("--fix", "--exit-non-zero-on-fix", "guide.md", cwd=tmp_path)
    assert status == 0


def test_show_fixes_with_diff_says_what_would_be_fixed(tmp_path: Path) -> None:
    copy = tmp_path / "guide.md"
    shutil.copy(DATES, copy)
    _, out, _ = check("--diff", "--show-fixes", "guide.md", cwd=tmp_path)
    assert out.endswith("Would fix 2 problems:\n- guide.md:\n    2 × GL407 (body-date-mismatch)\n")
    assert copy.read_bytes() == DATES.read_bytes()


def test_show_files_names_what_would_be_unreadable_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    result = run_cli(["check", "--isolated", "--show-files", "."], cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "a.md\n")
    assert result.stderr == (
        "guidelint: dangling.md: cannot follow link: No such file or directory (GL001)\n"
    )


def test_show_files_lists_what_would_be_linted(tmp_path: Path) -> None:
    for name in ("guides/a.md", "guides/b.md", "guides/drafts/c.md", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    (tmp_path / "guidelint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    result = run_cli(["check", "--show-files", "."], cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "guides/a.md\nguides/b.md\n")


def test_show_settings_prints_the_effective_configuration(tmp_path: Path) -> None:
    (tmp_path / "guidelint.toml").write_text(
        'ignore = ["GL402"]\nfail-on = "warning"\n[severity]\nGL401 = "error"\n',
        encoding="utf-8",
    )
    result = run_cli(
        ["check", "--show-settings", "--unfixable", "GL3", "--extend-exclude", "old", "."],
        cwd=tmp_path,
    )
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == ["# settings for .", f"# from {tmp_path / 'guidelint.toml'}"]
    for expected in (
        'ignore = ["GL402"]',
        'unfixable = ["GL3"]',
        'severity = {"GL401": "error"}',
        'fail-on = "warning"',
        'extend-exclude = ["old"]',
        "respect-gitignore = true",
    ):
        assert expected in lines
