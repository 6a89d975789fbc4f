"""Guide loading: every kind of bad input ends in a positioned GL00x diagnostic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import FIXTURES, lint_file, lint_text, positions, run_cli
from guidelint.document import load_guide, parse_guide

PARSE = FIXTURES / "parse"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.md", [("GL002", 1, 1)]),
        ("only-fence.md", [("GL002", 1, 1)]),
        ("unterminated.md", [("GL002", 1, 1)]),
        ("no-frontmatter.md", [("GL002", 1, 1)]),
        ("list.md", [("GL004", 2, 1)]),
        ("scalar.md", [("GL004", 2, 1)]),
        ("tabs.md", [("GL003", 4, 1)]),
        ("syntax-last-line.md", [("GL003", 5, 1)]),
        ("duplicates.md", [("GL005", 7, 1), ("GL005", 25, 5)]),
        ("python-tag.md", [("GL006", 2, 10)]),
        ("alias-bomb.md", [("GL006", 6, 1)]),  # the key whose value crosses the budget
        ("recursive-alias.md", [("GL006", 2, 4)]),
        ("latin1.md", [("GL001", 12, 14)]),
        # YAML breaks a line at a lone CR; the file does not: the position is the file's
        ("lone-cr.md", [("GL003", 3, 9)]),
        # the C reader counts bytes; the position counts characters
        ("control-after-accents.md", [("GL003", 3, 8)]),
    ],
)
def test_parse_problems(name: str, expected: list[tuple[str, int, int]]) -> None:
    assert positions(lint_file(PARSE / name, select=("GL0",))) == expected


def test_duplicate_key_names_first_occurrence() -> None:
    found = lint_file(PARSE / "duplicates.md", select=("GL005",))
    assert [d.message for d in found] == [
        "duplicate key `company`: first defined on line 2; only the last value would be kept",
        "duplicate key `base_low`: first defined on line 23; only the last value would be kept",
    ]


def test_invalid_utf8_names_byte_offset() -> None:
    (found,) = lint_file(PARSE / "latin1.md")
    assert found.message == "not valid UTF-8 at byte offset 246"


def test_carriage_return_line_endings_are_named() -> None:
    """Lines that end with CR alone read as one line: the message says why."""
    guide = parse_guide(b"---\rcompany: acme\r---\r# Acme\r", "cr.md")
    assert [(d.code, d.line, d.column) for d in guide.problems] == [("GL002", 1, 1)]
    assert "carriage return alone" in guide.problems[0].message


def test_tab_message_explains() -> None:
    (found,) = lint_file(PARSE / "tabs.md")
    assert "a tab" in found.message


def test_control_character_is_positioned() -> None:
    found = lint_text('---\na: "\x01"\n---\n', select=("GL0",))
    assert positions(found) == [("GL003", 2, 5)]


def test_alias_bomb_refused_quickly() -> None:
    guide = parse_guide((PARSE / "alias-bomb.md").read_bytes(), "bomb.md")
    assert guide.data is None
    assert [p.code for p in guide.problems] == ["GL006"]


def test_python_tag_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f'---\na: !!python/object/apply:os.system ["touch {marker}"]\n---\n'
    assert positions(lint_text(text, select=("GL0",))) == [("GL006", 2, 4)]
    assert not marker.exists()


def test_bom_and_crlf_match_lf_twin() -> None:
    lf = lint_file(FIXTURES / "schema" / "broken-lf.md", select=("GL0", "GL1"))
    crlf = lint_file(FIXTURES / "schema" / "broken-crlf-bom.md", select=("GL0", "GL1"))
    assert [(d.code, d.line, d.column, d.message) for d in crlf] == [
        (d.code, d.line, d.column, d.message) for d in lf
    ]
    assert positions(lf) == [("GL103", 8, 15), ("GL101", 21, 5), ("GL104", 25, 5)]


def test_bom_and_newline_recorded() -> None:
    guide = parse_guide((FIXTURES / "schema" / "broken-crlf-bom.md").read_bytes(), "x.md")
    assert guide.bom and guide.newline == "\r\n"
    assert "\r" not in guide.text


def test_line_map_points_at_keys_and_values() -> None:
    guide = parse_guide((FIXTURES / "valid.md").read_bytes(), "valid.md")
    assert guide.key_position("compensation/1/currency") == (29, 5)
    assert guide.value_position("compensation/1/currency") == (29, 15)
    assert guide.value_position("last_updated") == (7, 15)
    assert guide.key_position("compensation/1") == (21, 5)
    # an unknown path falls back to its nearest known ancestor
    assert guide.key_position("compensation/1/nothing") == (21, 5)


def test_unquoted_impossible_date_kept_as_text() -> None:
    guide = parse_guide(b"---\nlast_updated: 2026-02-30\n---\n", "x.md")
    assert guide.data == {"last_updated": "2026-02-30"}


@pytest.mark.parametrize(
    ("text", "value"), [("\u00b2", "\u00b2"), ("\u0663", 3), ("12", 12), ("007", 7)]
)
def test_explicit_int_tag_reads_as_the_yaml_constructor_does(text: str, value: object) -> None:
    """A superscript two is a digit to ``str.isdigit`` but not to ``int``: kept as text."""
    raw = f"---\ncompany: x\nn: !!int {text}\n---\nBody.\n".encode()
    guide = parse_guide(raw, "x.md")
    assert guide.data == {"company": "x", "n": value}
    assert guide.problems == []


def test_body_only_rules_still_get_a_body() -> None:
    guide = parse_guide((PARSE / "no-frontmatter.md").read_bytes(), "x.md")
    assert guide.data is None and guide.body.startswith("# A guide")


def test_file_above_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with open(big, "wb") as handle:
        handle.write(b"---\ncompany: x\n---\n")
        handle.truncate(50 * 1024 * 1024)
    guide = load_guide(big, "big.md")
    assert positions(guide.problems) == [("GL001", 1, 1)]
    assert "52,428,800 bytes" in guide.problems[0].message
    assert "2,097,152-byte limit" in guide.problems[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text("---\na: 1\n---\n")
    path.chmod(0)
    guide = load_guide(path, "secret.md")
    assert positions(guide.problems) == [("GL001", 1, 1)]
    assert "permission denied" in guide.problems[0].message.lower()


def test_directory_unreadable_as_file(tmp_path: Path) -> None:
    guide = load_guide(tmp_path, "folder.md")
    assert positions(guide.problems) == [("GL001", 1, 1)]


def test_cli_other_files_still_linted(tmp_path: Path) -> None:
    for name in ("empty.md", "alias-bomb.md", "latin1.md"):
        (tmp_path / name).write_bytes((PARSE / name).read_bytes())
    (tmp_path / "ok.md").write_bytes((FIXTURES / "valid.md").read_bytes())
    result = run_cli(
        ["check", "--isolated", "--select", "GL0,GL1", "--today", "2026-11-22", "."], cwd=tmp_path
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[:-1] == [
        "alias-bomb.md:6:1: GL006 error: aliases expand to more than 20,000 values (a YAML alias bomb?); frontmatter refused [unsafe-yaml]",
        "empty.md:1:1: GL002 error: file is empty: expected a `---` frontmatter block [missing-frontmatter]",
        "latin1.md:12:14: GL001 error: not valid UTF-8 at byte offset 246 [unreadable-file]",
    ]
    assert result.stdout.splitlines()[-1] == "Found 3 problems (3 errors) in 3 of 4 files."
    assert "Traceback" not in result.stderr


def test_cli_symlink_loop_and_missing_path(tmp_path: Path) -> None:
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "ok.md").write_bytes((FIXTURES / "valid.md").read_bytes())
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    result = run_cli(
        ["check", "--isolated", "--select", "GL0,GL1", "guides", "missing.md"], cwd=tmp_path
    )
    assert result.stdout.splitlines() == [
        "missing.md:1:1: GL001 error: no such file or directory [unreadable-file]",
        "Found 1 problem (1 error) in 1 of 2 files.",
    ]
    assert result.returncode == 1


def test_cli_directory_without_guides(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing here")
    result = run_cli(["check", "--isolated", "."], cwd=tmp_path)
    assert result.returncode == 0
    assert "no guides (*.md) found" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\na: " + "[" * 900 + "]" * 900 + "\n---\n", [("GL006", 2, 103)]),
        ("---\na: " + "{a: " * 900 + "1" + "}" * 900 + "\n---\n", [("GL006", 2, 400)]),
        (
            "---\n" + "".join("  " * i + "a:\n" for i in range(900)) + "---\n",
            [("GL006", 102, 201)],
        ),
    ],
)
def test_deep_nesting_is_refused_not_crashed(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert positions(lint_text(text, select=("GL0",))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "---\na: " + "[" * 5000 + "]" * 5000 + "\n---\n",
        "---\n" + "".join("  " * i + "a:\n" for i in range(1200)) + "---\n",
    ],
)
def test_nesting_beyond_the_yaml_readers_own_limit_is_refused_too(text: str) -> None:
    # PyYAML 6.0.4 and later refuse more than 1,000 levels while reading, older
    # releases leave it to guidelint's own limit: either way one GL006.
    found = lint_text(text, select=("GL0",))
    assert [d.code for d in found] == ["GL006"]
    assert "nested deeper than 100 levels" in found[0].message
    if text.startswith("---\na: ["):  # at the bracket that went deeper, as with fewer
        assert positions(found) == [("GL006", 2, 103)]


def test_large_plain_frontmatter_is_not_an_alias_bomb() -> None:
    items = "".join(f"  - source {i}\n" for i in range(21_000))
    assert positions(lint_text(f"---\ndata_sources:\n{items}---\n", select=("GL0",))) == []


def test_a_key_written_beside_a_merge_keeps_its_own_position() -> None:
    # `x: 3` overrides the merged `x: 1` in value and in position, before or after `<<`.
    for body in ("  <<: *b\n  x: 3\n", "  x: 3\n  <<: *b\n"):
        guide = parse_guide(f"---\nbase: &b {{x: 1, y: 2}}\no:\n{body}---\n".encode(), "m.md")
        assert guide.data == {"base": {"x": 1, "y": 2}, "o": {"x": 3, "y": 2}}
        line = 4 + body.split("\n").index("  x: 3")
        assert guide.key_spans["o/x"][:2] == (line, 3)


def test_keys_that_read_as_one_text_are_duplicates() -> None:
    # A schema sees keys as text: `1` and `"1"` would be one key, and one value lost.
    found = lint_text('---\ncompany: acme\nextra:\n  1: a\n  "1": b\n---\n', select=("GL0",))
    assert positions(found) == [("GL005", 5, 3)]


def test_a_parser_bug_becomes_gl000_for_its_file_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from guidelint import document

    def explode(guide: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(document, "_split", explode)
    guide = parse_guide(b"---\na: 1\n---\n", "g.md")
    assert not guide.readable
    assert [(p.code, p.line, p.column) for p in guide.problems] == [("GL000", 1, 1)]
    assert guide.problems[0].message.startswith(
        "internal error while parsing: IndexError: list index out of range"
    )


def test_keys_after_a_lone_cr_keep_the_files_lines() -> None:
    """YAML breaks `company: acme\\rrole: x` into two lines; the file does not, so the
    keys after it are found on the file's lines."""
    found = lint_file(PARSE / "lone-cr-keys.md", select=("GL104",))
    assert positions(found) == [("GL104", 3, 1), ("GL104", 4, 1)]
