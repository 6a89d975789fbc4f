"""The formats CI review tools read, checked against their published shapes
(written out here from each format's documentation): reviewdog's rdjson,
json-lines, and GitLab's Code Quality report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from conftest import REPO, run_cli

TABLE = REPO / "examples" / "broken" / "table-mismatch.md"

_POSITION = {
    "type": "object",
    "properties": {
        "line": {"type": "integer", "minimum": 1},
        "column": {"type": "integer", "minimum": 1},
    },
    "required": ["line"],
}
_RANGE = {
    "type": "object",
    "properties": {"start": _POSITION, "end": _POSITION},
    "required": ["start"],
}
_SOURCE = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "url": {"type": "string"}},
    "required": ["name"],
}
# reviewdog's DiagnosticResult (proto/rdf/reviewdog.proto, as JSON).
RDJSON = {
    "type": "object",
    "properties": {
        "source": _SOURCE,
        "severity": {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]},
        "diagnostics": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "message": {"type": "string", "minLength": 1},
                    "location": {
                        "type": "object",
                        "properties": {"path": {"type": "string"}, "range": _RANGE},
                        "required": ["path"],
                        "additionalProperties": False,
                    },
                    "severity": {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]},
                    "source": _SOURCE,
                    "code": {
                        "type": "object",
                        "properties": {"value": {"type": "string"}, "url": {"type": "string"}},
                        "required": ["value"],
                    },
                    "suggestions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"range": _RANGE, "text": {"type": "string"}},
                            "required": ["range", "text"],
                            "additionalProperties": False,
                        },
                    },
                    "original_output": {"type": "string"},
                    "related_locations": {"type": "array"},
                },
                "required": ["message", "location"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["diagnostics"],
    "additionalProperties": False,
}
# GitLab's Code Quality report: the required keys of each issue (CodeClimate's spec, as GitLab reads it).
GITLAB = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {
                        "type": "object",
                        "properties": {
                            "begin": {"type": "integer", "minimum": 1},
                            "end": {"type": "integer"},
                        },
                        "required": ["begin"],
                    },
                },
                "required": ["path", "lines"],
            },
        },
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
    },
}


def report(fmt: str, *paths: str, cwd: Path = REPO, env: dict[str, str] | None = None) -> str:
    result = run_cli(
        ["check", "--isolated", "--today", "2026-11-22", "--output-format", fmt, *paths],
        cwd=cwd,
        env=env,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def errors(schema: dict[str, Any], document: object) -> list[str]:
    return [error.message for error in Draft202012Validator(schema).iter_errors(document)]


def test_rdjson_has_reviewdogs_shape_with_byte_columns_and_suggestions() -> None:
    document = json.loads(report("rdjson", "examples/broken/", "tests/fixtures/fix/"))
    assert errors(RDJSON, document) == []
    by_code = {
        (d["location"]["path"].rsplit("/", 1)[-1], d["code"]["value"]): d
        for d in document["diagnostics"]
    }
    total = by_code[("table-mismatch.md", "GL305")]
    assert total["severity"] == "ERROR"
    assert total["location"]["path"] == "examples/broken/table-mismatch.md"
    # `£315K` starts at character 54; the £ and the dashes before it are two or three bytes.
    line = TABLE.read_text(encoding="utf-8").splitlines()[41]
    assert total["location"]["range"]["start"] == {
        "line": 42,
        "column": len(line[:53].encode("utf-8")) + 1,
    }
    assert total["code"]["url"].endswith("#gl305-table-value-mismatch")
    (suggestion,) = total["suggestions"]
    assert suggestion["text"].startswith("| London | £148K–£194K")
    assert by_code[("body-dates.md", "GL407")]["severity"] == "WARNING"


def test_json_lines_is_one_json_object_a_line_with_the_json_keys() -> None:
    lines = report("json-lines", "examples/broken/").splitlines()
    whole = json.loads(report("json", "examples/broken/"))
    assert [json.loads(line) for line in lines] == whole
    assert report("json-lines", "tests/fixtures/valid.md") == ""


def test_gitlab_code_quality_shape_and_severities() -> None:
    document = json.loads(report("gitlab", "examples/broken/"))
    assert errors(GITLAB, document) == []
    assert {issue["severity"] for issue in document} == {"major", "minor", "info"}
    fingerprints = [issue["fingerprint"] for issue in document]
    assert len(set(fingerprints)) == len(fingerprints)
    total = next(issue for issue in document if issue["check_name"] == "GL305")
    assert total["location"] == {
        "path": "examples/broken/table-mismatch.md",
        "lines": {"begin": 42, "end": 42},
    }
    assert total["description"].startswith("GL305 total comp high is £315K in the table")
    assert json.loads(report("gitlab", "tests/fixtures/valid.md")) == []


def test_gitlab_fingerprints_survive_lines_moving(tmp_path: Path) -> None:
    guide = tmp_path / "guide.md"
    shutil.copy(TABLE, guide)
    env = {"CI_PROJECT_DIR": str(tmp_path)}
    before = json.loads(report("gitlab", str(guide), cwd=REPO, env=env))
    assert {issue["location"]["path"] for issue in before} == {"guide.md"}
    text = guide.read_text(encoding="utf-8")
    guide.write_text(
        text.replace("### ML/AI Engineer", "Intro.\n\n### ML/AI Engineer"), encoding="utf-8"
    )
    after = json.loads(report("gitlab", str(guide), cwd=REPO, env=env))
    assert [i["location"]["lines"]["begin"] for i in after] == [
        i["location"]["lines"]["begin"] + 2 for i in before
    ]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


def test_rdjson_of_standard_input_reads_its_columns_from_the_text_linted() -> None:
    raw = TABLE.read_bytes()
    options = ["--isolated", "--today", "2026-11-22", "--output-format", "rdjson"]
    result = run_cli(["check", *options, "--stdin-filename", "elsewhere/guide.md", "-"], stdin=raw)
    (total,) = [
        d for d in json.loads(result.stdout)["diagnostics"] if d["code"]["value"] == "GL305"
    ]
    line = raw.decode("utf-8").splitlines()[41]
    assert total["location"]["range"]["start"] == {
        "line": 42,
        "column": len(line[:53].encode("utf-8")) + 1,
    }
