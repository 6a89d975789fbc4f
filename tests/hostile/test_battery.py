"""Run the hostile battery through the installed console script.

Guides are linted together, a few processes for all of them; each other case
gets its own process.  Every run: no traceback, an exit status the README
documents (0, 1, or 2 for a usage or configuration error), every damaged
file named, nothing outside the case's folder changed.  The subprocess
timeout only detects a hang; the whole battery takes well under two minutes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guidelint import escape
from hostile.battery import (
    VALID,
    Content,
    Invocation,
    content_cases,
    invocation_cases,
)

HANG_SECONDS = 90
CONTENT = content_cases()
INVOCATIONS = invocation_cases()
EXE = str(Path(sys.executable).parent / "guidelint")


def test_the_battery_has_enough_cases() -> None:
    assert len(CONTENT) + len(INVOCATIONS) >= 300
    assert len({case.name for case in CONTENT}) == len(CONTENT)
    assert len({case.name for case in INVOCATIONS}) == len(INVOCATIONS)


def _run(
    args: list[str] | tuple[str, ...], cwd: Path, stdin: str = "empty"
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "HOME": str(cwd)}
    env.pop("GITHUB_ACTIONS", None)
    handle = None
    if stdin not in ("empty", "closed", "stdout", "reader-gone"):
        handle = open(cwd / stdin, "rb")  # noqa: SIM115
    stdout: int | None = None if stdin == "stdout" else subprocess.PIPE
    if stdin == "reader-gone":  # a pipe whose reader has left, as after `| head -1`
        reader, stdout = os.pipe()
        os.close(reader)
    try:
        return subprocess.run(
            [EXE, *args],
            cwd=cwd,
            env=env,
            stdin=handle if handle else subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=HANG_SECONDS,
            preexec_fn=_closer(stdin),
        )
    finally:
        if handle:
            handle.close()
        if stdin == "reader-gone" and stdout is not None:
            os.close(stdout)


def _closer(stdin: str) -> object:
    if stdin == "closed":
        return lambda: os.close(0)
    if stdin == "stdout":
        return lambda: os.close(1)
    return None


def _snapshot(root: Path, skip: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root`` but ``skip``: bytes and modification time."""
    found = {}
    for folder, dirs, files in os.walk(root):
        if Path(folder) == skip:
            dirs[:] = []
            continue
        for name in files:
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                found[str(path)] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


def _sane(done: subprocess.CompletedProcess[bytes], allowed: frozenset[int]) -> str:
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err[-3000:]
    assert done.returncode in allowed, (done.returncode, err[-2000:])
    if done.returncode == 2:  # a message, or argparse's usage and message
        assert err.startswith(("guidelint: ", "usage: guidelint")), err[-2000:]
    out = (done.stdout or b"").decode("utf-8")  # reports are valid UTF-8
    return out + err


@pytest.fixture(scope="module")
def guides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("battery")
    work = root / "work"
    (work / "guides").mkdir(parents=True)
    for case in CONTENT:
        with open(os.fsencode(work / "guides" / case.name), "wb") as handle:
            handle.write(case.raw)
    (root / "outside").mkdir()
    (root / "outside" / "target.md").write_text(VALID.replace("$195K", "$190K"))
    (work / "guides" / "to-outside.md").symlink_to("../../outside/target.md")
    return work


def _damaged(case: Content) -> str:
    return escape.path(f"guides/{case.name}")


def test_content_json_report_names_every_damaged_guide(guides: Path) -> None:
    before = _snapshot(guides.parent, guides)
    done = _run(
        ["check", "--isolated", "--no-cache", "--format", "json", "-j", "2", "guides"], guides
    )
    _sane(done, frozenset({1}))
    named = {item["path"] for item in json.loads(done.stdout)}
    missing = [case.name for case in CONTENT if case.damaged and _damaged(case) not in named]
    assert missing == []
    assert _snapshot(guides.parent, guides) == before


@pytest.mark.parametrize("fmt", ["text", "github", "junit", "sarif"])
def test_content_reports_in_every_format(guides: Path, fmt: str) -> None:
    done = _run(["check", "--isolated", "--no-cache", "--format", fmt, "guides"], guides)
    out = _sane(done, frozenset({1}))
    if fmt == "text":
        starts = {line.split(":", 1)[0] for line in out.splitlines()}
        for case in CONTENT:
            if case.damaged:
                assert _damaged(case).split(":", 1)[0] in starts, case.name


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--isolated", "--fix", "guides"],
        ["check", "--isolated", "--diff", "guides"],
        ["sync", "--isolated", "guides"],
        ["audit", "--isolated", "--format", "json", "guides"],
    ],
    ids=["fix", "diff", "sync", "audit"],
)
def test_content_fix_sync_and_audit(guides: Path, tmp_path: Path, command: list[str]) -> None:
    work = tmp_path / "work"
    shutil.copytree(guides, work, symlinks=True)
    (tmp_path / "outside").mkdir()
    target = tmp_path / "outside" / "target.md"
    target.write_text(VALID.replace("$195K", "$190K"))
    before = _snapshot(tmp_path, work)
    _sane(_run(command, work), frozenset({0, 1}))
    assert _snapshot(tmp_path, work) == before


@pytest.mark.parametrize("case", INVOCATIONS, ids=[case.name for case in INVOCATIONS])
def test_invocation(tmp_path: Path, case: Invocation) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "target.md").write_text(VALID.replace("$195K", "$190K"))
    case.setup(work)
    before = _snapshot(tmp_path, work)
    text = _sane(_run(case.args, work, case.stdin), case.exits)
    if case.named:
        assert case.named in text, text[-2000:]
    assert _snapshot(tmp_path, work) == before
