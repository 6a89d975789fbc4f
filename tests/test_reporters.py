"""Every ``--format``: exact output, the JSON contract, SARIF validity, escaping, auto."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from jsonschema.validators import validator_for

from conftest import FIXTURES, REPO, TESTS, guidelint_exe, run_cli
from guidelint.diagnostics import Diagnostic, Fix, Severity
from guidelint.linter import FileResult
from guidelint.registry import load_families
from guidelint.reporters import (
    REPORTERS,
    GithubReporter,
    SarifReporter,
    Summary,
    _escape_data,
    _escape_property,
    resolve_format,
)

META = "tests/fixtures/meta/suppressions.md"
TODAY = ["--today", "2026-11-22"]
SARIF_SCHEMA = json.loads((TESTS / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def check(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(["check", *TODAY, *args], cwd=REPO, env=env)


def validate_sarif(log: object) -> None:
    """Validate with the draft the official schema declares in ``$schema``."""
    cls = validator_for(SARIF_SCHEMA)
    cls.check_schema(SARIF_SCHEMA)
    errors = sorted(cls(SARIF_SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


# -- text and json -----------------------------------------------------------


def test_text_format_exact_output() -> None:
    result = check(META, "--format", "text")
    assert result.returncode == 0  # warnings and infos do not fail by default
    assert result.stdout.splitlines() == [
        f"{META}:22:44: GL901 warning: unused suppression: no `GL102` finding on line 22"
        " [unused-suppression]",
        f"{META}:47:40: GL902 warning: suppression expired on 2026-01-31: the findings it hid are"
        " reported again [expired-suppression]",
        f"{META}:50:34: GL903 warning: suppression names `GL999`, which matches no rule code, prefix"
        " or name [invalid-suppression]",
        f"{META}:51:1: GL904 info: `guidelint-disable GL10` is never closed by `guidelint-enable`;"
        " it applies to the end of the file [unterminated-suppression]",
        f"{META}:51:24: GL901 warning: unused suppression: no `GL10` finding in its block"
        " [unused-suppression]",
        "Found 5 problems (4 warnings, 1 info) in 1 of 1 file.",
    ]


ESC = "\033["
COLORED_FIRST_LINE = (
    f"{ESC}1m{META}:22:44:{ESC}0m {ESC}33mGL901{ESC}0m {ESC}33mwarning:{ESC}0m"
    " unused suppression: no `GL102` finding on line 22 [unused-suppression]"
)


@pytest.mark.parametrize(
    ("args", "env", "colored"),
    [
        ([], {"NO_COLOR": ""}, False),  # a pipe is not a terminal
        ([], {"NO_COLOR": "", "FORCE_COLOR": "1"}, True),
        ([], {"NO_COLOR": "", "FORCE_COLOR": "0"}, False),
        ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins in auto
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        (["--color", "never"], {"NO_COLOR": "", "FORCE_COLOR": "1"}, False),
        (["--color", "auto"], {"NO_COLOR": "", "FORCE_COLOR": "true"}, True),
    ],
)
def test_color_choice(args: list[str], env: dict[str, str], colored: bool) -> None:
    result = check(META, *args, env=env)
    first = result.stdout.splitlines()[0]
    assert first == (COLORED_FIRST_LINE if colored else first.replace(ESC, "!"))
    assert (ESC in result.stdout) is colored
    assert result.stdout.splitlines()[-1] == "Found 5 problems (4 warnings, 1 info) in 1 of 1 file."


def test_color_is_text_only_and_checked() -> None:
    json_report = check(META, "--format", "json", "--color", "always")
    assert ESC not in json_report.stdout
    wrong = check(META, "--color", "sometimes")
    assert wrong.returncode == 2
    assert "argument --color: invalid choice: 'sometimes'" in wrong.stderr


def test_readme_problem_matcher_reads_every_line() -> None:
    """The VS Code pattern in the README matches each finding, severity included."""
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r'"regexp": "(.*)",', readme)
    assert found
    pattern = re.compile(json.loads(f'"{found.group(1)}"'))
    older = re.compile(r"^(.+?):(\d+):(\d+): (GL\d{3}) (.*) \[[a-z0-9-]+\](?: \[\*\])?$")
    lines = check(META, "examples/broken/table-mismatch.md").stdout.splitlines()[:-1]
    matched = [pattern.match(line) for line in lines]
    assert all(matched) and all(older.match(line) for line in lines)
    assert [(m.group(4), m.group(5)) for m in matched if m][:2] == [
        ("GL302", "error"),
        ("GL303", "error"),
    ]


def test_json_keeps_its_contract() -> None:
    result = check(META, "--format", "json")
    rows = json.loads(result.stdout)
    assert [list(row) for row in rows] == [
        [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "code",
            "name",
            "severity",
            "message",
            "fix",
            "related",
        ]
    ] * 5
    assert rows[0] == {
        "path": META,
        "line": 22,
        "column": 44,
        "end_line": 22,
        "end_column": 49,
        "code": "GL901",
        "name": "unused-suppression",
        "severity": "warning",
        "message": "unused suppression: no `GL102` finding on line 22",
        "fix": None,
        "related": [],
    }


# -- sarif -------------------------------------------------------------------


def every_rule_fires() -> list[Diagnostic]:
    """One diagnostic per registered rule, with and without ends and fixes."""
    found = []
    for number, rule in enumerate(load_families(), start=1):
        fix = Fix(number, 1, number, 4, "new", "replace it") if number % 3 == 0 else None
        end = (number, 9) if number % 2 else (None, None)
        found.append(
            Diagnostic(
                path=f"guides/sub dir/{rule.family}.md",
                line=number,
                column=2,
                code=rule.code,
                message=f"{rule.name} found",
                end_line=end[0],
                end_column=end[1],
                name=rule.name,
                severity=rule.severity,
                fix=fix,
            )
        )
    return found


def test_sarif_with_every_rule_firing_is_valid() -> None:
    stream = io.StringIO()
    reporter = SarifReporter(stream)
    found = every_rule_fires()
    reporter.start()
    summary = Summary()
    for path in sorted({d.path for d in found}):
        result = FileResult(path, [d for d in found if d.path == path])
        summary.add(result)
        reporter.file(result)
    reporter.finish(summary)
    log = json.loads(stream.getvalue())
    validate_sarif(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    registry = load_families()
    assert [r["id"] for r in rules] == sorted(registry.rules)
    for entry in rules:
        documented = registry.rules[entry["id"]]
        assert entry["name"] == documented.name
        assert entry["shortDescription"]["text"] == documented.summary
        assert entry["fullDescription"]["text"] == documented.what
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert {levels[c] for c, r in registry.rules.items() if r.severity == Severity.INFO} <= {"note"}
    assert levels["GL001"] == "error"
    assert levels["GL901"] == "warning"
    first = next(r for r in run["results"] if r["ruleId"] == "GL000")
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "guides/sub%20dir/parse.md",
        "uriBaseId": "SRCROOT",
    }
    assert location["region"] == {"startLine": 1, "startColumn": 2, "endLine": 1, "endColumn": 9}
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    second = next(r for r in run["results"] if r["ruleId"] == "GL001")
    region = second["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 2, "endLine": 2, "endColumn": 3}


def test_sarif_of_a_real_run_over_every_fixture_is_valid() -> None:
    result = check("tests/fixtures", "--format", "sarif")
    log = json.loads(result.stdout)
    validate_sarif(log)
    (run,) = log["runs"]
    fired = {r["ruleId"] for r in run["results"]}
    assert {"GL001", "GL101", "GL901", "GL902", "GL903", "GL904"} <= fired
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == sorted(fired)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert f"{META}" in uris
    assert all(not uri.startswith("/") and "\\" not in uri for uri in uris)


def test_sarif_outside_the_working_folder_uses_file_uris(tmp_path: Path) -> None:
    guide = tmp_path / "g.md"
    guide.write_text("no frontmatter\n", encoding="utf-8")
    result = check(str(guide), "--format", "sarif")
    log = json.loads(result.stdout)
    validate_sarif(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": guide.as_uri()}


# -- github ------------------------------------------------------------------


def test_github_workflow_commands() -> None:
    result = check(META, "--format", "github")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"::warning file={META},line=22,col=44,endLine=22,endColumn=49,title=GL901::"
        "unused suppression: no `GL102` finding on line 22 [unused-suppression]"
    )
    assert lines[3].startswith(f"::notice file={META},line=51,col=1,")
    assert lines[-1] == "Found 5 problems (4 warnings, 1 info) in 1 of 1 file."


def test_github_error_level_and_escaping() -> None:
    stream = io.StringIO()
    reporter = GithubReporter(stream)
    d = Diagnostic(
        path="guides/a,b:c.md",
        line=3,
        column=7,
        code="GL101",
        message="100% sure\r\nsecond line",
        name="missing-field",
        severity=Severity.ERROR,
    )
    reporter.file(FileResult(d.path, [d]))
    assert stream.getvalue() == (
        "::error file=guides/a%2Cb%3Ac.md,line=3,col=7,title=GL101::"
        "100%25 sure%0D%0Asecond line [missing-field]\n"
    )
    assert _escape_data("a%b\nc\rd") == "a%25b%0Ac%0Dd"
    assert _escape_property("x:y,z%") == "x%3Ay%2Cz%25"


# -- junit -------------------------------------------------------------------


def test_junit_one_testsuite_per_file() -> None:
    result = check(META, "tests/fixtures/valid.md", "--format", "junit")
    assert result.returncode == 0
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("6", "0")  # exit 0: nothing failed
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == [META, "tests/fixtures/valid.md"]
    meta = suites[META]
    assert (meta.get("tests"), meta.get("failures")) == ("5", "0")
    # Names carry no position (CI history survives moved lines); repeats are numbered.
    assert [case.get("name") for case in meta.findall("testcase")] == [
        "GL901 unused-suppression",
        "GL902 expired-suppression",
        "GL903 invalid-suppression",
        "GL904 unterminated-suppression",
        "GL901 unused-suppression #2",
    ]
    first = meta.find("testcase")
    assert first is not None
    assert first.find("failure") is None
    assert first.findtext("system-out") == (
        f"{META}:22:44: GL901 warning: unused suppression: no `GL102` finding on line 22"
        " [unused-suppression]"
    )
    clean = suites["tests/fixtures/valid.md"]
    assert (clean.get("tests"), clean.get("failures")) == ("1", "0")
    assert clean.find("testcase/failure") is None


def test_junit_failures_follow_fail_on() -> None:
    result = check(META, "--format", "junit", "--fail-on", "warning")
    assert result.returncode == 1
    root = ET.fromstring(result.stdout)
    assert root.get("failures") == "4"  # the four warnings; GL904 is info and passes
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert (failure.get("type"), failure.get("message")) == (
        "warning",
        "unused suppression: no `GL102` finding on line 22",
    )
    assert failure.text == (
        f"{META}:22:44: GL901 warning: unused suppression: no `GL102` finding on line 22"
        " [unused-suppression]"
    )
    assert root.find("testsuite/testcase[@name='GL904 unterminated-suppression']/failure") is None


def test_junitparser_reads_a_clean_exit_as_all_passed() -> None:
    junitparser = pytest.importorskip("junitparser")
    passing = check(META, "--format", "junit")
    assert passing.returncode == 0
    cases = [case for suite in junitparser.JUnitXml.fromstring(passing.stdout) for case in suite]
    assert len(cases) == 5
    assert all(case.is_passed and not case.is_skipped for case in cases)
    assert cases[0].system_out.startswith(f"{META}:22:44: GL901 warning: ")

    failing = check(META, "--format", "junit", "--fail-on", "warning")
    cases = [case for suite in junitparser.JUnitXml.fromstring(failing.stdout) for case in suite]
    assert sum(not case.is_passed for case in cases) == 4
    assert failing.returncode == 1


# -- choosing and writing ----------------------------------------------------


def test_auto_is_github_inside_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert resolve_format("auto") == "github"
    assert resolve_format("json") == "json"
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert resolve_format("auto") == "text"
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert resolve_format("auto") == "text"


def test_auto_through_the_command_line() -> None:
    env = {**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": "true"}
    actions = subprocess.run(
        [guidelint_exe(), "check", *TODAY, META],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert actions.stdout.startswith(f"::warning file={META},line=22,")
    assert check(META).stdout.startswith(f"{META}:22:44: GL901 ")


def test_unknown_format_lists_the_names() -> None:
    result = check(META, "--format", "xml")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "guidelint: error: --format: unknown format `xml`; choose from auto, "
        + ", ".join(REPORTERS)
        + "\n"
    )
    assert {"text", "json", "sarif", "github", "junit"} <= set(REPORTERS)


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.sarif"
    result = check(META, "--format", "sarif", "--output", str(target))
    assert result.returncode == 2
    assert "--output: folder does not exist" in result.stderr
    assert not target.parent.exists()


def test_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    result = check(META, "--format", "sarif", "--output", str(target))
    assert result.returncode == 0
    assert result.stdout == ""
    validate_sarif(json.loads(target.read_text(encoding="utf-8")))
    assert [p.name for p in tmp_path.iterdir()] == ["report.sarif"]


def test_statistics_prints_only_the_table() -> None:
    result = check(META, "--statistics", "--format", "text")
    assert result.stdout == (
        "2\tGL901\t[ ] unused-suppression\n"
        "1\tGL902\t[ ] expired-suppression\n"
        "1\tGL903\t[ ] invalid-suppression\n"
        "1\tGL904\t[ ] unterminated-suppression\n"
    )


def test_fixture_folder_exists() -> None:
    assert (FIXTURES / "meta" / "suppressions.md").is_file()


def test_force_color_leaves_a_report_file_plain(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    check(META, "--output", str(target), env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert ESC not in target.read_text(encoding="utf-8")
    check(META, "--output", str(target), "--color", "always")
    assert target.read_text(encoding="utf-8").startswith(COLORED_FIRST_LINE)


def test_grouped_names_each_path_once() -> None:
    broken = "tests/fixtures/schema/broken-lf.md"
    result = check(
        "--select", "GL1", "--output-format", "grouped", broken, "tests/fixtures/valid.md"
    )
    assert result.stdout == (
        f"{broken}:\n"
        '  8:15 GL103 error: `data_quality` is "excellent"; allowed values: high, medium, low [invalid-value]\n'
        "  21:5 GL101 error: missing required field `stock_high` in `compensation/1` [missing-field]\n"
        "  25:5 GL104 error: unknown field `stock_hgih`; did you mean `stock_high`? [unknown-field]\n"
        "\n"
        "Found 3 problems (3 errors) in 1 of 2 files.\n"
    )
    assert result.returncode == 1
