"""Files shipped inside the package: schemas and data tables."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent


def schema_path(name: str) -> Path:
    return PACKAGE_DIR / "schemas" / f"{name}.schema.json"


@cache
def data_file(name: str) -> Any:
    """A JSON table from ``guidelint/data/``, parsed once per process."""
    return json.loads((PACKAGE_DIR / "data" / name).read_text(encoding="utf-8"))
