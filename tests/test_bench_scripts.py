"""The measuring scripts in bench/ still run against this checkout: the root-cause
count and the claims stage timer, each on one real guide folder (no timing is
asserted; bench/ measures, tests only keep the scripts working)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / script), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_rootcause_prints_findings_per_root_cause(realworld: Path) -> None:
    assert "findings per root cause" in run("rootcause.py", str(realworld / "asml"))


def test_stages_prints_the_claims_cost_against_the_floor(realworld: Path) -> None:
    assert "claims + prose" in run("stages.py", str(realworld / "asml"), "--passes", "1")
