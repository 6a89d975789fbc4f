"""The real console script: output format, JSON contract and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, run_cli

BROKEN = "tests/fixtures/schema/broken-lf.md"
JSON_KEYS = [
    "path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "fix",
    "related",
]  # fmt: skip


def check(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(["check", "--isolated", "--today", "2026-11-22", *args], cwd=REPO)


def test_text_output_is_exact() -> None:
    result = check("--select", "GL1", BROKEN)
    assert result.stdout == (
        f'{BROKEN}:8:15: GL103 error: `data_quality` is "excellent"; allowed values: high, medium, low [invalid-value]\n'
        f"{BROKEN}:21:5: GL101 error: missing required field `stock_high` in `compensation/1` [missing-field]\n"
        f"{BROKEN}:25:5: GL104 error: unknown field `stock_hgih`; did you mean `stock_high`? [unknown-field]\n"
        "Found 3 problems (3 errors) in 1 of 1 file.\n"
    )
    assert result.returncode == 1


def test_json_contract() -> None:
    result = check("--select", "GL1", "--format", "json", BROKEN)
    report = json.loads(result.stdout)
    assert [list(item) for item in report] == [JSON_KEYS] * 3
    assert report[2] == {
        "path": BROKEN,
        "line": 25,
        "column": 5,
        "end_line": 25,
        "end_column": 15,
        "code": "GL104",
        "name": "unknown-field",
        "severity": "error",
        "message": "unknown field `stock_hgih`; did you mean `stock_high`?",
        "fix": None,
        "related": [],
    }


def test_json_empty_report_is_an_array() -> None:
    result = check("--select", "GL1", "--format", "json", "tests/fixtures/valid.md")
    assert json.loads(result.stdout) == []
    assert result.returncode == 0


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = check("--select", "GL1", "--format", "json", "--output", str(out), BROKEN)
    assert result.stdout == ""
    assert len(json.loads(out.read_text())) == 3


def test_output_into_missing_folder_is_usage_error(tmp_path: Path) -> None:
    result = check("--output", str(tmp_path / "nope" / "r.txt"), BROKEN)
    assert result.returncode == 2
    assert "folder does not exist" in result.stderr


@pytest.mark.parametrize(
    ("fail_on", "status"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on(fail_on: str, status: int) -> None:
    assert check("--select", "GL1", "--fail-on", fail_on, BROKEN).returncode == status


def test_select_and_ignore_by_prefix() -> None:
    result = check("--select", "GL1", "--ignore", "GL104,GL101", BROKEN)
    assert [line.split()[1] for line in result.stdout.splitlines()[:-1]] == ["GL103"]


def test_a_file_not_checked_is_reported_whatever_the_selection(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.md")
    for select in ("GL5", ""):
        result = check("--select", select, missing)
        assert result.stdout.split()[:2] == [f"{missing}:1:1:", "GL001"]
        assert result.returncode == 1
    assert check("--select", "GL5", "--ignore", "GL0", missing).returncode == 0


def test_an_empty_select_option_selects_nothing() -> None:
    result = check("--select", "", BROKEN)
    assert (result.stdout, result.returncode) == ("All clear: no problems in 1 file.\n", 0)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--select", "GL77"], "`GL77` matches no rule code"),
        (["--today", "tomorrow"], "not a date written YYYY-MM-DD"),
        (["--format", "fancy"], "unknown format `fancy`"),
        (["--fail-on", "sometimes"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2(args: list[str], fragment: str) -> None:
    result = check(*args, BROKEN)
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_config_file_is_usage_error() -> None:
    result = run_cli(["check", "--config", "no-such.toml", BROKEN], cwd=REPO)
    assert result.returncode == 2
    assert "--config: no such file: no-such.toml" in result.stderr


def test_no_command_is_usage_error() -> None:
    assert run_cli([]).returncode == 2


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "guidelint", "rule", "GL005"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("# GL005 duplicate-key\n")


def test_rules_lists_every_rule() -> None:
    result = run_cli(["rules"])
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["GL000", "internal-error", "error"]
    assert any(line.split()[:2] == ["GL005", "duplicate-key"] for line in lines)


def test_rule_explains_by_code_and_name() -> None:
    by_code = run_cli(["rule", "GL005"]).stdout
    assert by_code == run_cli(["rule", "duplicate-key"]).stdout
    for heading in ("## What it does", "## Why it matters", "## Example", "## How to fix"):
        assert heading in by_code


def test_unknown_rule_is_usage_error() -> None:
    result = run_cli(["rule", "GL999x"])
    assert result.returncode == 2
    assert "no rule `GL999x`" in result.stderr


def test_unknown_rule_suggests_close_names() -> None:
    result = run_cli(["rule", "stale-data"])
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "guidelint: error: no rule `stale-data`; did you mean `stale-data-quarter` (GL403),"
        " `stale-year` (GL408) or `stale-guide` (GL410)? (`guidelint rules` lists them)\n"
    )
    assert run_cli(["rule", "Review-Overdue"]).stdout == run_cli(["rule", "GL401"]).stdout


def _usage(command: str) -> str:
    """The subcommand's usage lines, as its --help starts."""
    return run_cli([command, "--help"]).stdout.split("\n\n")[0] + "\n"


def test_unknown_flag_shows_the_subcommands_usage_and_a_suggestion() -> None:
    result = check("--selcet", "GL1", BROKEN)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == _usage("check") + (
        "guidelint check: error: unrecognized arguments: --selcet; did you mean --select?\n"
    )
    with_value = check("--fail_on=warning", BROKEN)
    assert with_value.stderr.endswith(
        "error: unrecognized arguments: --fail_on=warning; did you mean --fail-on?\n"
    )
    far = run_cli(["rules", "--zzz"])
    assert (far.returncode, far.stderr) == (
        2,
        _usage("rules") + "guidelint rules: error: unrecognized arguments: --zzz\n",
    )


def test_select_and_ignore_accept_rule_names() -> None:
    by_name = check("--select", "invalid-value,Unknown-Field", BROKEN)
    by_code = check("--select", "GL103,GL104", BROKEN)
    assert by_name.stdout == by_code.stdout
    assert [line.split()[1] for line in by_name.stdout.splitlines()[:-1]] == ["GL103", "GL104"]
    ignored = check("--select", "GL1", "--ignore", "missing-field,unknown-field", BROKEN)
    assert [line.split()[1] for line in ignored.stdout.splitlines()[:-1]] == ["GL103"]


def test_unknown_selection_echoes_the_users_spelling() -> None:
    result = check("--select", "review-overdu", BROKEN)
    assert result.returncode == 2
    assert result.stderr == (
        "guidelint: error: --select: `review-overdu` matches no rule code, prefix or name;"
        " did you mean `review-overdue` (GL401) or `review-due-soon` (GL402)?\n"
    )
    lower = check("--ignore", "gl77", BROKEN)
    assert (
        lower.stderr == "guidelint: error: --ignore: `gl77` matches no rule code, prefix or name\n"
    )


def test_configuration_error_names_key(tmp_path: Path) -> None:
    (tmp_path / "guidelint.toml").write_text('select = ["GL1"]\nfail_on = "error"\n')
    (tmp_path / "g.md").write_bytes((FIXTURES / "valid.md").read_bytes())
    result = run_cli(["check", "g.md"], cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown key `fail_on`" in result.stderr


@pytest.mark.parametrize(
    ("schema", "fragment"),
    [
        ({"type": 5}, "is not a valid JSON Schema"),
        ({"$ref": "https://example.com/guide.json"}, "guidelint never fetches schemas"),
        ({"properties": {"a": {"$ref": "other.json#/x"}}}, "refers to `other.json#/x`"),
    ],
)
def test_user_schema_problems_are_configuration_errors(
    tmp_path: Path, schema: dict[str, object], fragment: str
) -> None:
    (tmp_path / "bad.json").write_text(json.dumps(schema))
    (tmp_path / "guidelint.toml").write_text('[schema]\n"*.md" = "bad.json"\n')
    (tmp_path / "g.md").write_bytes((FIXTURES / "valid.md").read_bytes())
    result = run_cli(["check", "--no-cache", "g.md"], cwd=tmp_path)
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_output_through_a_link_keeps_the_link_and_mode(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    real.chmod(0o644)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result = check("--select", "GL1", "--format", "json", "--output", str(link), BROKEN)
    assert result.returncode == 1
    assert link.is_symlink()
    assert len(json.loads(real.read_text())) == 3
    assert real.stat().st_mode & 0o777 == 0o644


def test_output_to_a_device_is_written_through() -> None:
    result = check("--select", "GL1", "--format", "json", "--output", "/dev/stdout", BROKEN)
    assert len(json.loads(result.stdout)) == 3
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").is_file()


def test_output_to_a_folder_is_usage_error(tmp_path: Path) -> None:
    result = check("--output", str(tmp_path), BROKEN)
    assert result.returncode == 2
    assert "is a folder, not a file" in result.stderr


def test_config_that_is_not_utf8_is_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "guidelint.toml").write_bytes(b"\xff\xfe")
    (tmp_path / "g.md").write_bytes((FIXTURES / "valid.md").read_bytes())
    result = run_cli(["check", "g.md"], cwd=tmp_path)
    assert result.returncode == 2
    assert "not valid UTF-8 at byte offset 0" in result.stderr


@pytest.mark.parametrize("jobs", ["0", "-3"])
def test_jobs_below_one_is_usage_error(jobs: str) -> None:
    result = check("--jobs", jobs, BROKEN)
    assert result.returncode == 2
    assert "--jobs" in result.stderr


def test_stdin_filename_takes_configuration_of_an_absolute_unsaved_path(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "guidelint.toml").write_text('select = ["GL1"]\nignore = ["GL104"]\n')
    name = project / "guides" / "new-guide.md"
    result = run_cli(
        ["check", "--no-cache", "--stdin-filename", str(name), "-"],
        cwd=tmp_path,
        stdin=(REPO / BROKEN).read_bytes(),
    )
    codes = [line.split()[1] for line in result.stdout.splitlines()[:-1]]
    assert codes == ["GL103", "GL101"]


def test_output_format_is_the_name_and_format_its_alias() -> None:
    new = check("--select", "GL1", "--output-format", "json", BROKEN)
    assert new.stdout == check("--select", "GL1", "--format", "json", BROKEN).stdout
    assert [d["code"] for d in json.loads(new.stdout)] == ["GL103", "GL101", "GL104"]
    assert "--output-format NAME" in run_cli(["check", "--help"]).stdout
    wrong = check("--output-format=xml", BROKEN)
    assert (wrong.returncode, wrong.stderr) == (
        2,
        "guidelint: error: --output-format: unknown format `xml`; choose from auto, text,"
        " json, sarif, github, junit, grouped, json-lines, rdjson, gitlab\n",
    )
    assert run_cli(["rules", "--output-format", "json"]).stdout == (
        run_cli(["rules", "--format", "json"]).stdout
    )


def test_extend_select_adds_to_the_selection() -> None:
    result = check("--select", "GL101", "--extend-select", "invalid-value,GL104", BROKEN)
    assert [line.split()[1] for line in result.stdout.splitlines()[:-1]] == [
        "GL103",
        "GL101",
        "GL104",
    ]
    wrong = check("--extend-select", "GL77", BROKEN)
    assert (wrong.returncode, wrong.stderr) == (
        2,
        "guidelint: error: --extend-select: `GL77` matches no rule code, prefix or name\n",
    )


def test_quiet_prints_only_the_summary_and_nothing_when_clean() -> None:
    failing = check("--select", "GL1", "-q", BROKEN)
    assert (failing.returncode, failing.stdout) == (
        1,
        "Found 3 problems (3 errors) in 1 of 1 file.\n",
    )
    clean = check("--quiet", "tests/fixtures/valid.md")
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")
    machine = check("--select", "GL1", "-q", "--output-format", "json", BROKEN)
    assert len(json.loads(machine.stdout)) == 3


def test_readme_describes_every_option_of_check() -> None:
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", run_cli(["check", "--help"]).stdout))
    missing = sorted(
        o for o in options - {"--help"} if not re.search(rf"`[^`\n]*{o}(?![\w-])", readme)
    )
    assert missing == []
