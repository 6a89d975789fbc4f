"""``guidelint check --stdin-filename PATH -``: unsaved text from an editor."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import FIXTURES, guidelint_exe, run_cli

VALID = (FIXTURES / "valid.md").read_bytes()
BAD = VALID.replace(b"data_quality: high", b"data_quality: great", 1)
TODAY = ["--today", "2026-11-22"]


def test_findings_are_reported_against_the_given_name(tmp_path: Path) -> None:
    result = run_cli(
        ["check", "--isolated", *TODAY, "--stdin-filename", "guides/x.md", "-"],
        cwd=tmp_path,
        stdin=BAD,
    )
    assert result.returncode == 1
    assert result.stdout == (
        'guides/x.md:8:15: GL103 error: `data_quality` is "great"; allowed values: high, medium, low'
        " [invalid-value]\n"
        "Found 1 problem (1 error) in 1 of 1 file.\n"
    )
    assert not (tmp_path / "guides").exists()  # nothing is read from or written to disk


def test_clean_text_exits_zero_in_any_format(tmp_path: Path) -> None:
    result = run_cli(
        ["check", "--isolated", *TODAY, "--format", "json", "--stdin-filename", "g.md", "-"],
        cwd=tmp_path,
        stdin=VALID,
    )
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def test_without_a_name_the_path_is_a_dash(tmp_path: Path) -> None:
    result = run_cli(["check", "--isolated", *TODAY, "--format", "json", "-"], stdin=BAD)
    assert [(d["path"], d["code"]) for d in json.loads(result.stdout)] == [("-", "GL103")]


def test_the_names_configuration_applies(tmp_path: Path) -> None:
    (tmp_path / "guidelint.toml").write_text(
        '[per-file-ignores]\n"drafts/*.md" = ["GL103"]\n', encoding="utf-8"
    )
    args = ["check", *TODAY, "--format", "json", "--stdin-filename"]
    draft = run_cli([*args, "drafts/x.md", "-"], cwd=tmp_path, stdin=BAD)
    assert (draft.returncode, json.loads(draft.stdout)) == (0, [])
    guide = run_cli([*args, "guides/x.md", "-"], cwd=tmp_path, stdin=BAD)
    assert [d["code"] for d in json.loads(guide.stdout)] == ["GL103"]
    assert guide.returncode == 1


def test_suppressions_work_on_stdin(tmp_path: Path) -> None:
    text = BAD.replace(b"data_quality: great", b"data_quality: great  # guidelint: disable=GL103")
    result = run_cli(
        ["check", "--isolated", *TODAY, "--stdin-filename", "g.md", "-"], cwd=tmp_path, stdin=text
    )
    assert (result.returncode, result.stdout) == (0, "All clear: no problems in 1 file.\n")


def test_stdin_that_is_not_utf8_is_gl001(tmp_path: Path) -> None:
    raw = b"---\ncompany: Z\xfcrich\n---\n"
    # run_cli sends text, and these bytes are not text: talk to the process directly.
    result = subprocess.run(
        [guidelint_exe(), "check", "--isolated", *TODAY, "--stdin-filename", "guides/z.md", "-"],
        input=raw,
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": ""},
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout.decode() == (
        "guides/z.md:2:11: GL001 error: not valid UTF-8 at byte offset 14 [unreadable-file]\n"
        "Found 1 problem (1 error) in 1 of 1 file.\n"
    )


def test_dash_cannot_be_combined_with_paths(tmp_path: Path) -> None:
    result = run_cli(["check", "--isolated", "-", "other.md"], cwd=tmp_path, stdin=VALID)
    assert result.returncode == 2
    assert "cannot be combined" in result.stderr


def test_fixable_findings_do_not_point_at_fix(tmp_path: Path) -> None:
    """--fix works on files, so the summary of standard input does not suggest it."""
    text = (FIXTURES.parent.parent / "examples" / "broken" / "table-mismatch.md").read_bytes()
    result = run_cli(["check", "--isolated", *TODAY, "-"], cwd=tmp_path, stdin=text)
    assert (
        result.stdout.splitlines()[-1] == "Found 4 problems (3 errors, 1 warning) in 1 of 1 file."
    )


def test_a_name_without_a_dash_is_ignored_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "g.md").write_bytes(VALID)
    result = run_cli(
        ["check", "--isolated", *TODAY, "--stdin-filename", "x.md", "g.md"], cwd=tmp_path
    )
    assert result.returncode == 0
    assert "--stdin-filename names standard input" in result.stderr
