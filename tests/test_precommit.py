"""The pre-commit hook, run by the real ``pre-commit try-repo`` against this checkout.

pre-commit builds the hook's environment from the package index, as it would
for a content repository; the environments are cached in one folder for the
whole test session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent  # the checkout that provides the hook

pytestmark = pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None,
    reason="pre-commit and git are needed to run the hook",
)

GOOD = """\
---
company: acme
company_display: Acme
role: data-engineer
role_display: Data Engineer
role_type: standard
last_updated: 2026-11-01
data_quality: high
salary_data_quarter: 2026-Q3
next_review_due: 2027-03-01
compensation:
  - region: London
    base_low: 90000
    base_high: 120000
    stock_low: 10000
    stock_high: 30000
    bonus_pct: 10
    total_comp_low: 109000
    total_comp_high: 162000
    currency: GBP
level_mapping:
  internal: null
  raw: Acme Data Engineer II
data_sources:
  - Levels.fyi
negotiation_dna_summary: "Base-heavy offers with a yearly bonus"
---
### Data Engineer at Acme

| Region | Base Salary | Stock (RSU/yr) | Bonus | Total Comp |
|--------|-------------|----------------|-------|------------|
| London | £90K–£120K | £10K–£30K | 10% | £109K–£162K |

Offers are usually negotiated on the base salary and the signing bonus.
"""
BAD = GOOD.replace("company_display: Acme\n", "")


def _clean_env(home: Path) -> dict[str, str]:
    """No inherited git state (tests may run from a git hook) and a shared cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.pop("GITHUB_ACTIONS", None)
    env.update(PRE_COMMIT_HOME=str(home), NO_COLOR="1", PRE_COMMIT_COLOR="never")
    return env


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def content_repo(tmp_path: Path, pre_commit_home: Path) -> Path:
    repo = tmp_path / "content"
    (repo / "guides").mkdir(parents=True)
    (repo / "guides" / "good.md").write_text(GOOD, encoding="utf-8")
    (repo / "guides" / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "README.md").write_text(BAD, encoding="utf-8")  # not under guides/: not linted
    env = _clean_env(pre_commit_home)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    return repo


def try_repo(repo: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), "guidelint", "--verbose", "--files", *files],
        cwd=repo,
        env=_clean_env(home),
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_manifest_declares_the_hook() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "guidelint"
    assert hook["entry"] == "guidelint check --force-exclude"
    assert hook["require_serial"] is True
    assert hook["language"] == "python"
    assert hook["types"] == ["markdown"]
    assert hook["files"] == "^guides/"


def test_hook_passes_on_a_good_guide_and_fails_on_a_bad_one(
    content_repo: Path, pre_commit_home: Path
) -> None:
    good = try_repo(content_repo, pre_commit_home, "guides/good.md", "README.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    bad = try_repo(content_repo, pre_commit_home, "guides/good.md", "guides/bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert (
        "guides/bad.md:2:1: GL101 error: missing required field `company_display` at the top level"
        " [missing-field]"
    ) in bad.stdout
    assert "guides/good.md:" not in bad.stdout


def test_one_summary_per_run_and_excludes_apply_to_named_files(
    content_repo: Path, pre_commit_home: Path
) -> None:
    names = [f"guides/team{index}/bad.md" for index in range(12)]
    for name in names:
        (content_repo / name).parent.mkdir(parents=True, exist_ok=True)
        (content_repo / name).write_text(BAD, encoding="utf-8")
    (content_repo / "guides" / "drafts").mkdir()
    (content_repo / "guides" / "drafts" / "wip.md").write_text(BAD, encoding="utf-8")
    (content_repo / "guidelint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    env = _clean_env(pre_commit_home)
    subprocess.run(["git", "add", "."], cwd=content_repo, check=True, env=env)
    done = subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), "guidelint", "--verbose", "--all-files"],
        cwd=content_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    summaries = [line for line in done.stdout.splitlines() if line.startswith("Found ")]
    assert summaries == ["Found 13 problems (13 errors) in 13 of 14 files."]
    assert "guides/drafts/wip.md" not in done.stdout
