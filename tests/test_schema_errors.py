"""GL1xx findings read from jsonschema-rs's errors are jsonschema's, on every guide.

A guide that fails its schema is explained from jsonschema-rs's errors where
they are exact, and by jsonschema otherwise: both ways must give the same
findings, message for message and position for position.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, REALWORLD, REPO
from guidelint.document import jsonable, load_guide
from guidelint.rules.schema import diagnostics
from guidelint.schemaerrors import from_fast
from guidelint.validation import load_schema

SCHEMAS = ("guide", "partial-guide", "role-guide")
POOL = REALWORLD.parent / "realworld-pool"


def _compare(paths: list[Path]) -> tuple[int, int]:
    """(invalid guide and schema pairs, of them told from jsonschema-rs alone)."""
    invalid = fast_only = 0
    for name in SCHEMAS:
        info = load_schema(name, REPO)
        for path in paths:
            guide = load_guide(path, str(path))
            if guide.data is None:
                continue
            instance = jsonable(guide.data)
            expected = sorted(
                d.sort_key for d in diagnostics(guide, info.detailed_errors(instance))
            )
            found = sorted(d.sort_key for d in diagnostics(guide, info.iter_errors(instance)))
            assert found == expected, (name, str(path))
            if expected:
                invalid += 1
                fast_only += (
                    from_fast(list(info.fast.iter_errors(instance)), info.schema) is not None
                )
    return invalid, fast_only


def test_every_fixture_gets_jsonschemas_findings() -> None:
    folders = [FIXTURES, REPO / "examples", REPO / "guides", REPO / "tests" / "hostile"]
    invalid, fast_only = _compare(sorted(p for f in folders for p in f.rglob("*.md")))
    assert invalid and fast_only


@pytest.mark.parametrize("folder", [REALWORLD, POOL], ids=["realworld", "pool"])
def test_every_real_guide_gets_jsonschemas_findings(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is not present in this checkout")
    invalid, fast_only = _compare(sorted(folder.rglob("*.md")))
    assert invalid and fast_only
