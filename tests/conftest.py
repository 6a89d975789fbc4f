"""Shared helpers: lint in-process for exact positions, or run the real console script."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from guidelint.config import Settings
from guidelint.diagnostics import Diagnostic
from guidelint.linter import Linter
from guidelint.selection import Selection

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
REPO = TESTS.parent
SEEDS = REPO.parent / "shared" / "seeds"
# Real guides as a content team wrote them; a user's clone has no ../shared.
REALWORLD = REPO.parent / "shared" / "realworld"
TODAY = dt.date(2026, 11, 22)


def lint_text(
    text: str | bytes,
    *,
    select: Sequence[str] = ("GL",),
    ignore: Sequence[str] = (),
    settings: Settings | None = None,
    today: dt.date = TODAY,
    path: str = "guide.md",
) -> list[Diagnostic]:
    """Lint a guide given as text, with the built-in defaults unless told otherwise."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    linter = Linter(settings or Settings(), today, Selection(tuple(select), tuple(ignore)))
    return linter.lint_bytes(raw, path).diagnostics


def lint_file(path: Path, **kwargs: object) -> list[Diagnostic]:
    return lint_text(path.read_bytes(), path=path.name, **kwargs)  # type: ignore[arg-type]


def edited(text: str, *pairs: tuple[str, str]) -> str:
    """``text`` with each (old, new) replaced; each old must occur exactly once."""
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def positions(diagnostics: Sequence[Diagnostic]) -> list[tuple[str, int, int]]:
    """(code, line, column) of each diagnostic: what tests compare."""
    return [(d.code, d.line, d.column) for d in diagnostics]


def guidelint_exe() -> str:
    """The installed console script, next to the running interpreter when possible."""
    beside = Path(sys.executable).with_name("guidelint")
    if beside.exists():
        return str(beside)
    found = shutil.which("guidelint")
    if not found:
        pytest.skip("the guidelint console script is not installed")
    return found


def run_cli(
    args: Sequence[str],
    *,
    cwd: Path | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the real ``guidelint`` console script and capture its output."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    environment.pop("GITHUB_ACTIONS", None)
    done = subprocess.run(
        [guidelint_exe(), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def check_guides_json(cwd: Path, *extra: str) -> str:
    """The JSON report of ``guidelint check guides`` run in ``cwd`` on the pinned date."""
    result = run_cli(
        ["check", "--isolated", "--today", TODAY.isoformat(), "--format", "json", *extra, "guides"],
        cwd=cwd,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present in this checkout")
    return SEEDS


def realworld_guides() -> list[str]:
    """The real guides, as paths relative to REALWORLD; empty when it is absent."""
    if not REALWORLD.is_dir():
        return []
    return sorted(p.relative_to(REALWORLD).as_posix() for p in REALWORLD.glob("*/*.md"))


@pytest.fixture
def realworld() -> Path:
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld is not present in this checkout")
    return REALWORLD


@pytest.fixture(scope="module")
def shared() -> Path:
    """``../shared``, for tests that read the pool (``../shared/realworld-pool``)."""
    if not (REPO.parent / "shared" / "realworld-pool").is_dir():
        pytest.skip("../shared/realworld-pool is not present in this checkout")
    return REPO.parent / "shared"
