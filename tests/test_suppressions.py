"""Inline suppressions: every comment form, their scopes, and the GL90x findings about them.

Most tests feed hand-placed diagnostics through :func:`suppressions.apply`, so
they pin the suppression logic to exact lines whatever the rule families
report; the end-to-end tests at the bottom go through the real linter.
"""

from __future__ import annotations

import datetime as dt

from conftest import FIXTURES, TODAY, lint_text, positions
from guidelint import suppressions
from guidelint.config import Settings
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import parse_guide
from guidelint.linter import Linter
from guidelint.selection import Selection

FRONT = "---\ncompany: acme\nrole: analyst\n---\n"  # the body starts on line 5


def run(
    body: str,
    found: list[tuple[str, int]],
    *,
    today: dt.date = TODAY,
    front: str = FRONT,
    enabled: object = None,
) -> list[tuple[str, int, int]]:
    """Apply the suppressions of ``front + body`` to diagnostics at (code, line)."""
    guide = parse_guide((front + body).encode(), "guide.md")
    ctx = Linter(Settings(), today).context("guide.md")
    diagnostics = [problem(code, line, 1, "found") for code, line in found]
    kept = suppressions.apply(guide, diagnostics, ctx, enabled)  # type: ignore[arg-type]
    return sorted(positions(kept), key=lambda p: (p[1], p[2], p[0]))


def messages(body: str, found: list[tuple[str, int]], **kwargs: object) -> list[Diagnostic]:
    guide = parse_guide((FRONT + body).encode(), "guide.md")
    ctx = Linter(Settings(), TODAY).context("guide.md")
    diagnostics = [problem(code, line, 1, "found") for code, line in found]
    return [d for d in suppressions.apply(guide, diagnostics, ctx) if d.code.startswith("GL9")]


# -- disable-next-line -------------------------------------------------------


def test_next_line_hides_only_the_following_line() -> None:
    body = "<!-- guidelint-disable-next-line GL101 -->\nline six\nline seven\n"
    assert run(body, [("GL101", 6), ("GL101", 7), ("GL102", 6)]) == [
        ("GL102", 6, 1),
        ("GL101", 7, 1),
    ]


def test_next_line_inline_comment_at_end_of_a_paragraph_line() -> None:
    body = "Some prose <!-- guidelint-disable-next-line GL101 -->\nmore prose\n"
    assert run(body, [("GL101", 6)]) == []


def test_next_line_in_a_table_cell() -> None:
    body = (
        "| Region | Base <!-- guidelint-disable-next-line GL102 --> |\n|---|---|\n| London | £1 |\n"
    )
    assert run(body, [("GL102", 6), ("GL102", 7)]) == [("GL102", 7, 1)]


def test_several_codes_commas_and_spaces() -> None:
    body = "<!-- guidelint-disable-next-line GL101, GL102 GL103 -->\nx\n"
    assert run(body, [("GL101", 6), ("GL102", 6), ("GL103", 6)]) == []


def test_prefix_covers_every_code_below_it() -> None:
    body = "<!-- guidelint-disable-next-line GL1 -->\nx\n"
    assert run(body, [("GL101", 6), ("GL104", 6), ("GL005", 6)]) == [("GL005", 6, 1)]


def test_rule_name_is_accepted_like_its_code() -> None:
    body = "<!-- guidelint-disable-next-line wrong-type -->\nx\n"
    assert run(body, [("GL102", 6)]) == []


def test_no_codes_means_every_rule() -> None:
    body = "<!-- guidelint-disable-next-line -->\nx\n"
    assert run(body, [("GL101", 6), ("GL005", 6)]) == []


def test_multi_line_comment_counts_from_its_last_line() -> None:
    body = "<!--\n  guidelint-disable-next-line GL101\n-->\nx\n"
    assert run(body, [("GL101", 8), ("GL101", 6)]) == [("GL101", 6, 1)]


def test_reason_after_double_dash_is_not_a_code() -> None:
    body = "<!-- guidelint-disable-next-line GL101 -- GL999 is only mentioned here -->\nx\n"
    assert run(body, [("GL101", 6)]) == []
    guide = parse_guide((FRONT + body).encode(), "guide.md")
    (sup,) = suppressions.collect(guide, TODAY)[0]
    assert sup.reason == "GL999 is only mentioned here"
    assert [e.code for e in sup.entries] == ["GL101"]


def test_directive_in_code_is_not_a_suppression() -> None:
    body = (
        "`<!-- guidelint-disable-next-line GL101 -->`\nx\n"
        "```\n<!-- guidelint-disable-next-line GL101 -->\n```\ny\n"
    )
    assert run(body, [("GL101", 6), ("GL101", 10)]) == [("GL101", 6, 1), ("GL101", 10, 1)]


# -- blocks ------------------------------------------------------------------


def test_block_covers_the_lines_between_disable_and_enable() -> None:
    body = (
        "before\n"  # 5
        "<!-- guidelint-disable GL1 -->\n"  # 6
        "inside\n"  # 7
        "<!-- guidelint-enable GL1 -->\n"  # 8
        "after\n"  # 9
    )
    found = [("GL101", 5), ("GL101", 7), ("GL102", 7), ("GL005", 7), ("GL101", 9)]
    assert run(body, found) == [("GL101", 5, 1), ("GL005", 7, 1), ("GL101", 9, 1)]


def test_enable_without_codes_closes_every_open_block() -> None:
    body = (
        "<!-- guidelint-disable GL101 -->\n"  # 5
        "<!-- guidelint-disable GL102 -->\n"  # 6
        "x\n"  # 7
        "<!-- guidelint-enable -->\n"  # 8
        "y\n"  # 9
    )
    assert run(body, [("GL101", 7), ("GL102", 7), ("GL101", 9), ("GL102", 9)]) == [
        ("GL101", 9, 1),
        ("GL102", 9, 1),
    ]


def test_enable_of_a_prefix_closes_the_codes_below_it() -> None:
    body = "<!-- guidelint-disable GL101 GL102 -->\nx\n<!-- guidelint-enable GL1 -->\ny\n"
    assert run(body, [("GL101", 6), ("GL102", 6), ("GL101", 8)]) == [("GL101", 8, 1)]


def test_unterminated_block_runs_to_the_end_and_is_reported_as_info() -> None:
    body = "x\n<!-- guidelint-disable GL101 -->\nx\n\n\nlast\n"
    assert run(body, [("GL101", 7), ("GL101", 10)]) == [("GL904", 6, 1)]
    (note,) = messages(body, [("GL101", 10)])
    assert note.message == (
        "`guidelint-disable GL101` is never closed by `guidelint-enable`;"
        " it applies to the end of the file"
    )
    assert (note.end_line, note.end_column) == (6, 33)


def test_many_blocks_each_cover_their_own_lines() -> None:
    # Thousands of comments are read in one sweep down the lines: each block hides
    # the finding inside it and none outside, and each is used.
    blocks = 1500
    body = "".join(
        f"<!-- guidelint-disable GL10{1 + i % 3} -->\nx\n<!-- guidelint-enable GL10{1 + i % 3} -->\ny\n"
        for i in range(blocks)
    )
    inside = [(f"GL10{1 + i % 3}", 6 + 4 * i) for i in range(blocks)]
    outside = [(f"GL10{1 + i % 3}", 8 + 4 * i) for i in range(blocks)]
    assert run(body, inside + outside) == sorted(
        ((code, line, 1) for code, line in outside), key=lambda p: (p[1], p[2], p[0])
    )


def test_a_bare_unused_suppression_says_no_finding() -> None:
    (note,) = messages("<!-- guidelint-disable-next-line -->\nx\n", [])
    assert note.message == "unused suppression: no finding on line 6"


def test_enable_with_nothing_open_is_invalid() -> None:
    body = "x\n<!-- guidelint-enable GL101 -->\n"
    assert run(body, []) == [("GL903", 6, 23)]


# -- disable-file ------------------------------------------------------------


def test_disable_file_covers_frontmatter_and_body_anywhere() -> None:
    body = "x\ny\n<!-- guidelint-disable-file GL101 -- legacy guide -->\n"
    assert run(body, [("GL101", 2), ("GL101", 6), ("GL102", 6)]) == [("GL102", 6, 1)]


# -- frontmatter comments ----------------------------------------------------


def test_yaml_trailing_comment_covers_its_own_line() -> None:
    front = "---\ncompany: acme  # guidelint: disable=GL102\nrole: analyst\n---\n"
    assert run("x\n", [("GL102", 2), ("GL102", 3)], front=front) == [("GL102", 3, 1)]


def test_yaml_comment_alone_covers_the_next_line() -> None:
    front = "---\n# guidelint: disable=GL102,GL103 -- pending\ncompany: acme\n---\n"
    found = [("GL102", 3), ("GL103", 3), ("GL102", 2)]
    assert run("x\n", found, front=front) == [("GL102", 2, 1)]


def test_yaml_disable_file() -> None:
    front = "---\n# guidelint: disable-file=GL1\ncompany: acme\n---\n"
    assert run("x\n", [("GL101", 5), ("GL104", 3)], front=front) == []


def test_hash_inside_a_word_is_not_a_comment() -> None:
    front = "---\ncompany: acme#guidelint: disable=GL102\n---\n"
    assert run("x\n", [("GL102", 2)], front=front) == [("GL102", 2, 1)]


# -- unused, expired, unknown -----------------------------------------------


def test_unused_suppression_is_reported_at_the_code() -> None:
    body = "<!-- guidelint-disable-next-line GL101 GL102 -->\nx\n"
    assert run(body, [("GL101", 6)]) == [("GL901", 5, 40)]
    (unused,) = messages(body, [("GL101", 6)])
    assert unused.message == "unused suppression: no `GL102` finding on line 6"
    assert (unused.end_line, unused.end_column) == (5, 45)


def test_unused_forms_name_their_scope() -> None:
    body = (
        "<!-- guidelint-disable-file GL101 -->\n"
        "<!-- guidelint-disable GL102 -->\n"
        "<!-- guidelint-enable GL102 -->\n"
    )
    found = messages(body, [])
    assert [(d.code, d.line, d.column, d.message) for d in found] == [
        ("GL901", 5, 29, "unused suppression: no `GL101` finding in this file"),
        ("GL901", 6, 24, "unused suppression: no `GL102` finding in its block"),
    ]


def test_unused_yaml_suppression() -> None:
    front = "---\ncompany: acme  # guidelint: disable=GL102\n---\n"
    assert run("x\n", [], front=front) == [("GL901", 2, 37)]


def test_suppression_of_a_rule_that_did_not_run_is_not_unused() -> None:
    body = "<!-- guidelint-disable-next-line GL102 -->\nx\n"
    assert run(body, [], enabled=lambda code: not code.startswith("GL102")) == []
    settings = Settings(ignore=("GL102",))
    guide = parse_guide((FRONT + body).encode(), "guide.md")
    ctx = Linter(settings, TODAY).context("guide.md")
    assert suppressions.apply(guide, [], ctx) == []


def test_unused_can_itself_be_suppressed() -> None:
    body = "<!-- guidelint-disable-file GL901 -->\n<!-- guidelint-disable-next-line GL101 -->\nx\n"
    assert run(body, []) == []


def test_expiry_on_the_day_still_applies() -> None:
    body = "<!-- guidelint-disable-next-line GL101 until=2026-11-22 -- asked HR -->\nx\n"
    assert run(body, [("GL101", 6)], today=dt.date(2026, 11, 22)) == []


def test_expired_suppression_no_longer_applies_and_is_reported() -> None:
    body = "<!-- guidelint-disable-next-line GL101 until=2026-11-21 -- asked HR -->\nx\n"
    assert run(body, [("GL101", 6)]) == [("GL902", 5, 40), ("GL101", 6, 1)]
    (expired,) = messages(body, [("GL101", 6)])
    assert expired.message == (
        "suppression expired on 2026-11-21: the findings it hid are reported again"
    )
    assert (expired.end_line, expired.end_column) == (5, 56)


def test_expired_suppression_is_not_also_unused() -> None:
    body = "<!-- guidelint-disable-file GL101 until=2020-01-01 -->\n"
    assert run(body, []) == [("GL902", 5, 35)]


def test_bad_until_date_is_invalid_but_the_suppression_applies() -> None:
    body = "<!-- guidelint-disable-next-line GL101 until=31/03/2027 -->\nx\n"
    assert run(body, [("GL101", 6)]) == [("GL903", 5, 40)]


def test_unknown_code_is_reported_and_suppresses_nothing() -> None:
    body = "<!-- guidelint-disable-next-line GL999 -->\nx\n"
    assert run(body, [("GL101", 6)]) == [("GL903", 5, 34), ("GL101", 6, 1)]
    (unknown,) = messages(body, [])
    assert unknown.message == (
        "suppression names `GL999`, which matches no rule code, prefix or name"
    )


def test_unknown_directive_is_reported() -> None:
    body = "<!-- guidelint-disable-line GL101 -->\nx\n"
    assert run(body, [("GL101", 5)]) == [("GL101", 5, 1), ("GL903", 5, 1)]


def test_an_unknown_directive_over_two_lines_spans_its_comment() -> None:
    (found,) = messages("<!-- guidelint-bogus GL5\nmore text -->\n\nBody.\n", [])
    assert (found.code, found.line, found.column, found.end_line, found.end_column) == (
        "GL903",
        5,
        1,
        6,
        14,
    )


def test_text_without_directives_is_left_alone() -> None:
    body = "<!-- a comment about guidelint -->\n"
    found = [("GL101", 5)]
    assert run(body, found) == [("GL101", 5, 1)]


# -- through the linter ------------------------------------------------------


def test_end_to_end_with_schema_findings() -> None:
    text = (FIXTURES / "valid.md").read_text(encoding="utf-8")
    bad = text.replace("    base_low: 148000\n", "    base_low: 148K\n", 1)
    assert [c for c, _, _ in positions(lint_text(bad))] == ["GL102"]
    line = next(i for i, s in enumerate(bad.split("\n"), 1) if "148K" in s)
    quiet = bad.replace("148K\n", "148K  # guidelint: disable=GL102 -- in review\n", 1)
    assert positions(lint_text(quiet)) == []
    assert positions(lint_text(quiet, select=("GL1", "GL9"))) == []
    stale = text.replace(
        "    base_low: 148000\n", "    base_low: 148000  # guidelint: disable=GL102\n"
    )
    assert positions(lint_text(stale)) == [("GL901", line, 44)]


def test_meta_findings_obey_selection() -> None:
    text = (FIXTURES / "valid.md").read_text(encoding="utf-8")
    text += "\n<!-- guidelint-disable-next-line GL101 -->\n"
    assert [c for c, _, _ in positions(lint_text(text))] == ["GL901"]
    assert positions(lint_text(text, ignore=("GL901",))) == []
    linter = Linter(Settings(), TODAY, Selection(("GL",), ("GL9",)))
    assert linter.lint_bytes(text.encode(), "g.md").diagnostics == []
