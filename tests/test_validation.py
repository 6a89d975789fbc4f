"""The fast validator (jsonschema-rs) and jsonschema agree on valid and invalid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, REPO
from guidelint.document import jsonable, load_guide
from guidelint.validation import load_schema

SCHEMAS = ("guide", "partial-guide", "role-guide")


def _documents() -> list[Path]:
    folders = [FIXTURES, REPO / "examples", REPO / "guides"]
    return sorted(p for folder in folders for p in folder.rglob("*.md"))


def _agree(paths: list[Path]) -> None:
    checked = 0
    for name in SCHEMAS:
        info = load_schema(name, REPO)
        assert info.fast is not None, "jsonschema-rs did not compile a built-in schema"
        for path in paths:
            guide = load_guide(path, str(path))
            if guide.data is None:
                continue
            instance = jsonable(guide.data)
            detailed = not any(True for _ in info.validator.iter_errors(instance))
            assert info.fast.is_valid(instance) == detailed, (name, str(path))
            checked += 1
    assert checked


def test_validators_agree_on_every_fixture() -> None:
    _agree(_documents())


def test_validators_agree_on_real_guides(realworld: Path) -> None:
    _agree(sorted(realworld.rglob("*.md")))


def test_a_valid_guide_never_imports_jsonschema() -> None:
    code = (
        "import sys, datetime\n"
        "from guidelint.config import Settings\n"
        "from guidelint.linter import Linter\n"
        "from guidelint.selection import Selection\n"
        "linter = Linter(Settings(), datetime.date(2026, 11, 22), Selection(('GL',), ()))\n"
        f"result = linter.lint_bytes(open({str(FIXTURES / 'valid.md')!r}, 'rb').read(), 'v.md')\n"
        "assert not [d for d in result.diagnostics if d.code.startswith('GL1')]\n"
        "print('jsonschema' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_schema_is_compiled_again_once_its_file_changes(tmp_path: Path) -> None:
    # An editor's server lints for hours: a schema edited meanwhile is read again.
    path = tmp_path / "custom.json"
    shape = '{"type": "object", "required": [%s]}'
    path.write_text(shape % '"company"', encoding="utf-8")
    first = load_schema("custom.json", tmp_path)
    assert load_schema("custom.json", tmp_path) is first  # unchanged: compiled once
    path.write_text(shape % '"company", "role"', encoding="utf-8")
    assert load_schema("custom.json", tmp_path).schema["required"] == ["company", "role"]
