"""CODEOWNERS as GitHub reads it: where the file is, pattern forms, last match wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidelint.owners import CodeOwners

# GitHub's own examples of each pattern form, and what each owns.
EXAMPLE = """\
# comment lines and blank lines are skipped

*       @global-owner
*.js    @js-owner  # an inline comment
/build/logs/ @doctocat
docs/*  docs@example.com
apps/   @octocat
**/logs @logs-owner
/scripts/ @doctocat @octocat
/apps/ @apps-owner
/apps/github
\\#notes.md @hash-owner
"""


@pytest.mark.parametrize(
    ("path", "owner"),
    [
        ("README.md", "@global-owner"),
        ("src/app.js", "@js-owner"),
        ("build/logs/today.md", "@logs-owner"),  # **/logs comes later than /build/logs/
        ("build/logs", "@logs-owner"),
        ("docs/getting-started.md", "docs@example.com"),
        ("docs/build-app/troubleshooting.md", "@global-owner"),  # docs/* is one level deep
        ("nested/apps/x.md", "@octocat"),  # apps/ matches at any depth
        ("apps/x.md", "@apps-owner"),
        ("apps/github/x.md", None),  # a line with no owners leaves the path without one
        ("deeply/nested/logs/x.md", "@logs-owner"),
        ("scripts/run.md", "@doctocat @octocat"),
        ("#notes.md", "@hash-owner"),
    ],
)
def test_last_matching_line_names_the_owner(path: str, owner: str | None) -> None:
    assert CodeOwners.parse(EXAMPLE).owner_of(path) == owner


def test_a_folder_pattern_does_not_own_a_file_of_that_name() -> None:
    owners = CodeOwners.parse("guides/ @team\n")
    assert owners.owner_of("guides") is None
    assert owners.owner_of("guides/a.md") == "@team"


@pytest.mark.parametrize(
    ("pattern", "path", "owned"),
    [
        ("/guides/*.md", "guides/a.md", True),
        ("/guides/*.md", "x/guides/a.md", False),  # anchored at the project's folder
        ("guides/**/a.md", "guides/a.md", True),  # ** spans no folder too
        ("guides/**/a.md", "guides/x/y/a.md", True),
        ("g?ides/", "guides/a.md", True),
        ("*.md", "a/b/c.md", True),
        ("*.md", "a/b/c.txt", False),
    ],
)
def test_pattern_forms(pattern: str, path: str, owned: bool) -> None:
    assert (CodeOwners.parse(f"{pattern} @o\n").owner_of(path) == "@o") is owned


def test_file_locations_in_githubs_order(tmp_path: Path) -> None:
    assert CodeOwners.find(tmp_path) is None
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "CODEOWNERS").write_text("* @docs\n")
    (tmp_path / "CODEOWNERS").write_text("* @root\n")
    found = CodeOwners.find(tmp_path)
    assert found and found.owner_of("a.md") == "@root"
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CODEOWNERS").write_text("* @github\n")
    found = CodeOwners.find(tmp_path)
    assert found and found.owner_of("a.md") == "@github"
