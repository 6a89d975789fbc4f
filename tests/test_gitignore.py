"""The .gitignore matcher against gitignore(5)'s rules, one example a rule."""

from __future__ import annotations

import pytest

from guidelint.gitignore import (
    IgnoreFile,
    glob_segment,
    ignored,
    parse,
    parse_line,
    rule_matches,
)

# (pattern line, path relative to the .gitignore's folder, is a folder, ignored?)
CASES = [
    # A name without a slash matches at any depth, files and folders alike.
    ("build", "build", True, True),
    ("build", "docs/build", True, True),
    ("out.md", "a/b/out.md", False, True),
    ("out.md", "a/b/out.mdx", False, False),
    # A trailing slash matches folders only.
    ("build/", "build", True, True),
    ("build/", "build", False, False),
    # A slash at the start or in the middle anchors to the file's folder.
    ("/build", "build", True, True),
    ("/build", "docs/build", True, False),
    ("doc/frotz", "doc/frotz", True, True),
    ("doc/frotz", "a/doc/frotz", True, False),
    # `*` and `?` never cross a slash.
    ("*.md", "guides/a.md", False, True),
    ("guides/*.md", "guides/a.md", False, True),
    ("guides/*.md", "guides/x/a.md", False, False),
    ("a?c.md", "abc.md", False, True),
    ("a?c.md", "a/c.md", False, False),
    # `**` as a whole segment: any number of folders.
    ("**/foo", "foo", False, True),
    ("**/foo", "x/y/foo", False, True),
    ("a/**/b", "a/b", False, True),
    ("a/**/b", "a/x/y/b", False, True),
    ("a/**", "a/x/y.md", False, True),
    ("a/**", "a", True, False),
    # Other runs of stars are plain stars.
    ("a**b.md", "axxb.md", False, True),
    # Classes, ranges, negated classes, escapes.
    ("[ab].md", "b.md", False, True),
    ("[a-c]x.md", "cx.md", False, True),
    ("[!a-c]x.md", "cx.md", False, False),
    ("[!a-c]x.md", "dx.md", False, True),
    ("[]]x", "]x", False, True),
    ("\\*.md", "*.md", False, True),
    ("\\*.md", "a.md", False, False),
    ("\\!important", "!important", False, True),
    ("\\#note", "#note", False, True),
    ("trail\\ ", "trail ", False, True),
    ("trail   ", "trail", False, True),
    ("[unclosed", "[unclosed", False, True),
]


@pytest.mark.parametrize(("pattern", "path", "is_dir", "expected"), CASES)
def test_pattern_rules(pattern: str, path: str, is_dir: bool, expected: bool) -> None:
    rule = parse_line(pattern)
    assert rule is not None
    assert rule_matches(rule, path.split("/"), is_dir) is expected


@pytest.mark.parametrize("line", ["", "# a comment", "   ", "/", "!"])
def test_blank_lines_and_comments_state_no_rule(line: str) -> None:
    assert parse_line(line) is None


def test_last_matching_line_wins_and_negation_reincludes() -> None:
    ignore = parse("*.md\n!keep.md\n", "repo")
    assert ignore.verdict(["drop.md"], False) is True
    assert ignore.verdict(["keep.md"], False) is False
    assert ignore.verdict(["notes.txt"], False) is None


def test_a_deeper_file_overrides_the_files_above() -> None:
    outer = parse("*.md\n", "repo")
    inner = parse("!keep.md\n", "repo/guides")
    assert ignored((outer, inner), "repo/guides/keep.md", False) is False
    assert ignored((outer, inner), "repo/guides/drop.md", False) is True
    assert ignored((outer, inner), "repo/other.md", False) is True


def test_matching_stays_fast_on_patterns_that_backtrack_in_naive_matchers() -> None:
    # A naive recursive matcher takes exponential time here; this one is quadratic at worst.
    name = "a" * 2000
    assert not glob_segment("*a" * 30 + "b", name)
    rule = parse_line("/" + "**/" * 30 + "b")
    assert rule is not None and not rule_matches(rule, ["a"] * 500, False)


@pytest.mark.parametrize(
    "pattern", ["", "*", "*.md", "*md", "guide.md", "bench", "a*", "*.m?", "[ab]c"]
)
@pytest.mark.parametrize("name", ["", "guide.md", "md", "bench", "ac", "a", "x.mdx", "*.md"])
def test_plain_names_and_suffixes_match_as_the_wildcard_walk_does(pattern: str, name: str) -> None:
    import fnmatch

    assert glob_segment(pattern, name) is fnmatch.fnmatchcase(name, pattern)


@pytest.mark.parametrize(
    "text",
    [
        "build/\n__pycache__/\n*.egg-info/\nnotes.md\n/dist\ndocs/out/\n",
        "build/\nnotes.md\n*.md\n!keep.md\nkeep.md/\n",
    ],
)
def test_plain_names_looked_up_in_a_set_agree_with_the_lines_in_order(text: str) -> None:
    paths = ["build", "a/build", "__pycache__", "x.egg-info", "notes.md", "a/notes.md", "dist"]
    paths += ["a/dist", "docs/out", "keep.md", "drop.md", "a/keep.md"]
    agrees_with_the_lines_in_order(parse(text, "repo"), text, paths)


def agrees_with_the_lines_in_order(ignore: IgnoreFile, text: str, paths: list[str]) -> None:
    """The verdicts of ``ignore`` are those of its lines tried last first, one by one."""
    ordered = [rule for rule in map(parse_line, text.splitlines()) if rule is not None]
    for path in paths:
        for is_dir in (False, True):
            parts = path.split("/")
            matching = [rule for rule in ordered if rule_matches(rule, parts, is_dir)]
            expected = not matching[-1].negated if matching else None
            assert ignore.verdict(parts, is_dir) is expected, (path, is_dir)


@pytest.mark.parametrize(
    "text",
    ["*.log\n*.egg-info/\nbuild/\n", "*\n", "*.md\n/docs/*.md\n*.m?\n"],
)
def test_suffix_lines_tried_at_once_agree_with_the_lines_in_order(text: str) -> None:
    ignore = parse(text, "repo")
    assert ignore.folder_suffixes, "the suffix lines leave the list tried one by one"
    paths = ["x.log", "a/x.log", "x.egg-info", "a/b/x.egg-info", "build", "guide.md"]
    paths += ["docs/guide.md", "a/guide.mdx", "guide.mx", "log", ".log"]
    agrees_with_the_lines_in_order(ignore, text, paths)


def test_a_name_that_starts_with_two_dots_is_matched_like_any_other() -> None:
    ignore = parse("*.md\n", "repo")
    assert ignored((ignore,), "repo/..draft.md", False) is True
    assert ignored((ignore,), "repo/notes.txt", False) is False
