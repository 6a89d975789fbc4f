"""File names and messages are shown on one line, as valid UTF-8, in every format."""

from __future__ import annotations

import json
import os
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import run_cli
from guidelint import escape

FORGED = "fake.md:1:1: GL999 forged [x]\nreal.md"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain/ok.md", "plain/ok.md"),
        ("a\nb.md", "a\\x0ab.md"),
        ("a\rb\x1b.md", "a\\x0db\\x1b.md"),
        (os.fsdecode(b"bad\xff.md"), "bad\\xff.md"),
        ("back\\slash.md", "back\\\\slash.md"),
        ("line\u2028sep.md", "line\\u2028sep.md"),
        ("tab\tand ünïcode.md", "tab\tand ünïcode.md"),
    ],
)
def test_path_escapes(name: str, shown: str) -> None:
    assert escape.path(name) == shown


def test_text_keeps_backslashes() -> None:
    assert escape.text("a\\b\nc") == "a\\b\\x0ac"


@pytest.fixture
def hostile_names(tmp_path: Path) -> Path:
    for name in (FORGED.encode(), b"bad\xff.md"):
        (tmp_path / os.fsdecode(name)).write_bytes(b"no frontmatter\n")
    return tmp_path


def _check(folder: Path, fmt: str) -> str:
    result = run_cli(["check", "--isolated", "--no-cache", "--format", fmt, "."], cwd=folder)
    assert result.returncode == 1, result.stderr
    return result.stdout


def test_text_report_has_one_line_per_finding(hostile_names: Path) -> None:
    assert _check(hostile_names, "text").splitlines() == [
        "bad\\xff.md:1:1: GL002 error: no frontmatter: the file must start with a `---` line"
        " [missing-frontmatter]",
        "fake.md:1:1: GL999 forged [x]\\x0areal.md:1:1: GL002 error: no frontmatter: the file must"
        " start with a `---` line [missing-frontmatter]",
        "Found 2 problems (2 errors) in 2 of 2 files.",
    ]


def test_github_report_has_one_command_per_finding(hostile_names: Path) -> None:
    lines = _check(hostile_names, "github").splitlines()
    assert [line.split(",")[0] for line in lines[:2]] == [
        "::error file=bad\\xff.md",
        "::error file=fake.md%3A1%3A1%3A GL999 forged [x]\\x0areal.md",
    ]


def test_json_report_is_valid_utf8(hostile_names: Path) -> None:
    found = json.loads(_check(hostile_names, "json"))
    assert [item["path"] for item in found] == ["bad\\xff.md", FORGED.replace("\n", "\\x0a")]


def test_sarif_uris_quote_the_name_bytes(hostile_names: Path) -> None:
    log = json.loads(_check(hostile_names, "sarif"))
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    ]
    assert uris == ["bad%FF.md", "fake.md%3A1%3A1%3A%20GL999%20forged%20%5Bx%5D%0Areal.md"]


def test_junit_report_is_well_formed(hostile_names: Path) -> None:
    root = ElementTree.fromstring(_check(hostile_names, "junit"))
    assert [suite.get("name") for suite in root] == ["bad\\xff.md", FORGED.replace("\n", "\\x0a")]


def test_gitlab_report_is_valid_utf8(hostile_names: Path) -> None:
    found = json.loads(_check(hostile_names, "gitlab"))
    assert [item["location"]["path"] for item in found] == [
        "bad\\xff.md",
        FORGED.replace("\n", "\\x0a"),
    ]
