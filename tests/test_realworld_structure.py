"""GL206, GL409 and GL601 over real guides: sections, plausible figures, source dates.

The 54 guides in ``../shared/realworld`` (skipped when absent) are written in
several house styles (`| ... Global Negotiation Guide` or `— ... Salary
Negotiation Guide` titles, bold labels or headings, blockquoted strategies);
each has every section the `guide` schema requires, figures inside the
plausible bands, and salary sources at least as recent as their data quarter.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import REPO, lint_file, positions

REALWORLD = REPO.parent / "shared" / "realworld"
TODAY = dt.date(2026, 12, 2)


def _guides() -> list[str]:
    if not REALWORLD.is_dir():
        return []
    return sorted(p.relative_to(REALWORLD).as_posix() for p in REALWORLD.glob("*/*.md"))


@pytest.mark.parametrize("name", _guides() or ["(absent)"])
def test_real_guides_have_their_sections_and_plausible_figures(name: str) -> None:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld is not present in this checkout")
    found = lint_file(REALWORLD / name, select=("GL601", "GL206", "GL409"), today=TODAY)
    assert positions(found) == []
