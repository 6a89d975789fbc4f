"""GL206, GL409 and GL601 over real guides: sections, plausible figures, source dates.

The 54 guides in ``../shared/realworld`` (skipped when absent) are written in
several house styles (`| ... Global Negotiation Guide` or `— ... Salary
Negotiation Guide` titles, bold labels or headings, blockquoted strategies);
each has every section the `guide` schema requires, figures inside the
plausible bands, and salary sources at least as recent as their data quarter.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import lint_file, positions, realworld_guides

TODAY = dt.date(2026, 12, 2)


@pytest.mark.parametrize("name", realworld_guides() or ["(absent)"])
def test_real_guides_have_their_sections_and_plausible_figures(realworld: Path, name: str) -> None:
    found = lint_file(realworld / name, select=("GL601", "GL206", "GL409"), today=TODAY)
    assert positions(found) == []
