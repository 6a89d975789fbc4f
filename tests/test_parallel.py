"""`--jobs 2` reports exactly what `--jobs 1` reports, with and without the cache."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

import guidelint.linter as linter_module
from conftest import REPO, TODAY
from conftest import check_guides_json as check
from guidelint.config import Settings
from guidelint.files import Target
from guidelint.linter import PARALLEL_THRESHOLD, Linter

COUNT = 60


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("parallel")
    manifest = _generator().generate(COUNT, root / "guides", defects=0.6, today=TODAY)
    assert sum(1 for kinds in manifest.values() if kinds) >= 20
    return root


def test_generator_is_reproducible(tmp_path: Path) -> None:
    generate = _generator()
    first = generate.guide(7, today=TODAY)
    assert generate.guide(7, today=TODAY) == first
    assert generate.guide(8, today=TODAY) != first
    assert 3000 <= len(first[1].encode()) <= 9000


def test_two_jobs_report_exactly_what_one_job_reports(corpus: Path) -> None:
    one = check(corpus, "--no-cache", "--jobs", "1")
    two = check(corpus, "--no-cache", "--jobs", "2")
    assert '"code"' in one
    assert two == one


def test_parallel_run_fills_the_cache_for_a_serial_run(corpus: Path, tmp_path: Path) -> None:
    reference = check(corpus, "--no-cache", "--jobs", "1")
    cache = str(tmp_path / "cache")
    assert check(corpus, "--cache-dir", cache, "--jobs", "2") == reference
    assert check(corpus, "--cache-dir", cache, "--jobs", "1") == reference
    assert check(corpus, "--cache-dir", cache, "--jobs", "2") == reference


def test_results_stream_in_target_order(corpus: Path) -> None:
    targets = [Target(str(p)) for p in sorted((corpus / "guides").rglob("*.md"))]
    linter = Linter(Settings(root=corpus), TODAY)
    serial = list(linter.run(targets, jobs=1))
    parallel = list(linter.run(targets, jobs=2))
    assert [r.path for r in parallel] == [t.display for t in targets]
    assert parallel == serial


def test_small_runs_stay_in_one_process(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("a small run must not start worker processes")

    monkeypatch.setattr(linter_module, "_parallel", refuse)
    targets = [Target(str(p)) for p in sorted((corpus / "guides").rglob("*.md"))]
    linter = Linter(Settings(root=corpus), TODAY)
    assert (
        len(list(linter.run(targets[: PARALLEL_THRESHOLD - 1], jobs=2))) == PARALLEL_THRESHOLD - 1
    )


def test_partly_warm_cache_mixes_hits_and_worker_results(corpus: Path, tmp_path: Path) -> None:
    """Hits come from this process, misses from workers, all in target order."""
    work = tmp_path / "work"
    shutil.copytree(corpus / "guides", work / "guides")
    cache = str(tmp_path / "cache")
    check(work, "--cache-dir", cache, "--jobs", "1")
    for number, path in enumerate(sorted((work / "guides").rglob("*.md"))):
        if number % 3:  # two files in three change: enough misses for workers
            path.write_text(path.read_text() + "\nOne more closing line for the editors.\n")
    reference = check(work, "--no-cache", "--jobs", "1")
    assert check(work, "--cache-dir", cache, "--jobs", "2") == reference
    assert check(work, "--cache-dir", cache, "--jobs", "2") == reference
