"""Which files a run reads: excludes, .gitignore and --force-exclude, through
the console script and the language server."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, run_cli

BROKEN = (FIXTURES / "schema" / "broken-lf.md").read_text(encoding="utf-8")


def project(tmp_path: Path, config: str = "") -> Path:
    """A repository with guides, prose that is not a guide, drafts and a build folder."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "guidelint.toml").write_text(config, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("# generated\nbuild/\n*.tmp.md\n", encoding="utf-8")
    for name in (
        "guides/acme/engineer.md",
        "guides/acme/scratch.tmp.md",
        "guides/drafts/new.md",
        "README.md",
        "docs/CONTRIBUTING.md",
        "build/out.md",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BROKEN, encoding="utf-8")
    (tmp_path / "guides" / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    return tmp_path


def linted(root: Path, *args: str) -> list[str]:
    result = run_cli(["check", "--output-format", "json", "--select", "GL1", *args], cwd=root)
    assert result.returncode in (0, 1), result.stderr
    return sorted({finding["path"] for finding in json.loads(result.stdout)})


CONFIG = 'exclude = ["README.md", "docs"]\n'


def test_walks_leave_out_excludes_and_what_git_ignores(tmp_path: Path) -> None:
    root = project(tmp_path, CONFIG)
    assert linted(root, ".") == ["guides/acme/engineer.md"]
    # The repository's .gitignore applies to a walk that starts below it.
    assert linted(root, "guides") == ["guides/acme/engineer.md"]
    assert linted(root, "--no-respect-gitignore", ".") == [
        "build/out.md",
        "guides/acme/engineer.md",
        "guides/acme/scratch.tmp.md",
        "guides/drafts/new.md",
    ]


def test_exclude_on_the_command_line_replaces_and_extend_exclude_adds(tmp_path: Path) -> None:
    root = project(tmp_path, CONFIG + 'extend-exclude = ["acme"]\n')
    assert linted(root, ".") == []
    assert linted(root, "--exclude", "docs", ".") == ["README.md"]
    assert linted(root, "--exclude", "", "--extend-exclude", "README.md", ".") == [
        "docs/CONTRIBUTING.md"
    ]


def test_named_files_are_linted_unless_force_exclude(tmp_path: Path) -> None:
    root = project(tmp_path, CONFIG)
    named = ["README.md", "docs/CONTRIBUTING.md", "guides/acme/engineer.md", "build/out.md"]
    assert linted(root, *named) == sorted(named)
    # As pre-commit passes them: the globs apply to each file and the folders above it;
    # .gitignore does not (git does not hand ignored files to hooks).
    assert linted(root, "--force-exclude", *named) == ["build/out.md", "guides/acme/engineer.md"]
    (root / "guidelint.toml").write_text(CONFIG + "force-exclude = true\n", encoding="utf-8")
    assert linted(root, *named) == ["build/out.md", "guides/acme/engineer.md"]
    assert linted(root, "--no-force-exclude", *named) == sorted(named)


def test_an_excluded_named_folder_is_not_walked_with_force_exclude(tmp_path: Path) -> None:
    root = project(tmp_path, CONFIG)
    assert linted(root, "docs") == ["docs/CONTRIBUTING.md"]
    result = run_cli(["check", "--force-exclude", "docs"], cwd=root)
    assert result.returncode == 0
    assert "no guides (*.md) found under docs" in result.stderr


def test_exclude_globs_are_relative_to_the_configuration(tmp_path: Path) -> None:
    root = project(tmp_path, 'exclude = ["guides/acme/*.md"]\n')
    assert linted(root / "guides", ".", "--no-respect-gitignore") == ["drafts/new.md"]
    assert linted(root / "guides", "--force-exclude", "acme/engineer.md") == []


def test_bad_values_are_configuration_errors(tmp_path: Path) -> None:
    root = project(tmp_path, 'respect-gitignore = "yes"\n')
    result = run_cli(["check", "."], cwd=root)
    assert result.returncode == 2
    assert result.stderr.endswith(
        'bad value for `respect-gitignore`: "yes"; expected true or false\n'
    )
