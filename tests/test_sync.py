"""``guidelint sync``: the frontmatter completed from the guide's own table."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, TODAY, lint_text, positions, run_cli
from guidelint.config import Settings
from guidelint.linter import Linter
from guidelint.sync import sync_bytes

LAYOUTS = FIXTURES / "layouts"
LINTER = Linter(Settings(), TODAY)


def sync(text: str | bytes) -> tuple[str, list[tuple[str, int, int]]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    outcome = sync_bytes(raw, "guide.md", LINTER)
    again = sync_bytes(outcome.synced, "guide.md", LINTER)
    assert again.synced == outcome.synced  # a second sync changes nothing
    return outcome.synced.decode("utf-8"), [(d.code, d.line, d.column) for d in outcome.problems]


def edited(name: str, *changes: tuple[str, str]) -> str:
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_a_complete_guide_is_left_alone() -> None:
    for path in sorted(LAYOUTS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert sync(text) == (text, [])


def test_nulls_and_missing_high_ends_are_filled_and_the_table_is_untouched() -> None:
    text = edited(
        "components.md",
        ("    stock_low: 55000\n    stock_high: 110000", "    stock_low: null\n    stock_high: ~"),
        ("    bonus_pct: 10\n    bonus_pct_high: 12\n", "    bonus_pct: 10  # target\n"),
    )
    after, problems = sync(text)
    assert problems == []
    assert after == (LAYOUTS / "components.md").read_text(encoding="utf-8").replace(
        "    bonus_pct: 10\n", "    bonus_pct: 10  # target\n", 1
    )
    assert lint_text(after, select=("GL1", "GL2", "GL3")) == []


def test_a_row_without_an_entry_becomes_one() -> None:
    text = edited(
        "real-cells.md",
        (
            "  - region: Hong Kong\n    base_low: 900000\n    base_high: 1290000\n"
            "    stock_low: null\n    stock_high: null\n    bonus_pct: 10\n"
            "    total_comp_low: 1000000\n    total_comp_high: 1500000\n    currency: HKD\n",
            "",
        ),
    )
    after, problems = sync(text)
    assert problems == []
    # `Included` shows no figure: the schema's required stock fields are written null.
    assert (
        "  - region: Hong Kong\n    base_low: 900000\n    base_high: 1290000\n"
        "    stock_low: null\n    stock_high: null\n    bonus_pct: 10\n"
        "    total_comp_low: 1000000\n    total_comp_high: 1500000\n    currency: HKD\n"
        "level_mapping:"
    ) in after
    assert lint_text(after, select=("GL3",)) == []


def test_an_entry_without_a_currency_gets_the_rows() -> None:
    text = edited("real-cells.md", ("    currency: HKD\n", ""))
    after, _ = sync(text)
    assert "    total_comp_high: 1500000\n    currency: HKD\nlevel_mapping:" in after


def test_an_unreadable_cell_stays_null_and_is_reported() -> None:
    text = edited(
        "components.md",
        ("  - region: London\n", "  - region: Leeds\n"),
        ("| £78,000 – £105,000 |", "| £78,000 – TBD |"),
    )
    after, problems = sync(text)
    # Positions are in the synced file: the new entry's ten lines come first.
    assert problems == [("GL307", 56, 39)]
    # The name is written without its flag and currency, which go to `currency`.
    assert "  - region: London\n    base_low: null\n    base_high: null\n" in after


def test_a_cell_of_words_alone_shows_no_figure() -> None:
    text = edited(
        "components.md",
        ("  - region: London\n", "  - region: Leeds\n"),
        ("| £78,000 – £105,000 |", "| Competitive |"),
    )
    after, problems = sync(text)
    assert problems == []
    assert "  - region: London\n    base_low: null\n    base_high: null\n" in after


def test_a_missing_list_is_written_from_the_table() -> None:
    text = (LAYOUTS / "level-rows.md").read_text(encoding="utf-8")
    start = text.index("compensation:\n")
    end = text.index("level_mapping:")
    after, problems = sync(text[:start] + text[end:])
    assert problems == []
    # With no entries to recognise, the first key column (`Level`) names them.
    assert 'data_sources:\n  - Levels.fyi\ncompensation:\n  - region: "59-60"\n' in after
    assert positions(lint_text(after, select=("GL3",))) == []


def test_figures_that_disagree_are_left_for_check() -> None:
    text = edited("components.md", ("£78,000 – £105,000", "£78,000 – £106,000"))
    assert sync(text) == (text, [])


def test_crlf_bom_and_comments_survive() -> None:
    text = edited("components.md", ("    stock_low: 55000", "    stock_low: null  # unknown"))
    raw = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    outcome = sync_bytes(raw, "guide.md", LINTER)
    assert outcome.synced == raw.replace(
        b"stock_low: null  # unknown", b"stock_low: 55000  # unknown"
    )


def test_an_empty_file_is_reported() -> None:
    assert sync("") == ("", [("GL002", 1, 1)])


def test_the_command_shows_a_diff_then_writes(tmp_path: Path) -> None:
    guide = tmp_path / "guide.md"
    guide.write_text(edited("components.md", ("    stock_low: 55000", "    stock_low: null")))
    shown = run_cli(["sync", "--isolated", "--diff", "guide.md"], cwd=tmp_path)
    assert shown.returncode == 1
    assert "-    stock_low: null\n+    stock_low: 55000\n" in shown.stdout
    assert "would complete the frontmatter of 1 file" in shown.stderr
    written = run_cli(["sync", "--isolated", "guide.md"], cwd=tmp_path)
    assert (written.returncode, written.stdout) == (0, "")
    assert guide.read_text() == (LAYOUTS / "components.md").read_text(encoding="utf-8")
    again = run_cli(["sync", "--isolated", "--diff", "guide.md"], cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")


def test_a_read_only_guide_is_not_counted_as_completed(tmp_path: Path) -> None:
    guide = tmp_path / "guide.md"
    guide.write_text(edited("components.md", ("    stock_low: 55000", "    stock_low: null")))
    guide.chmod(0o444)  # its mode says read-only, whoever runs the command
    result = run_cli(["sync", "--isolated", "guide.md"], cwd=tmp_path)
    assert result.returncode == 1
    assert "guide.md: file is read-only; not written" in result.stderr
    assert "completed the frontmatter of 0 files" in result.stderr


# Conflicts a sync cannot settle: rows whose currency is not the entry's
# (the frontmatter says USD for a row in SGD or ILS, SGD for one in USD), and
# a typo in a total (`$305K–SGD 470K`). A row's figures its currency kept from
# being filled (GL306) are folded into its GL304.
CONFLICTS = {
    "alibaba/alibaba-cloud-engineer.md": ["GL304"],
    "alibaba/staff-software-engineer.md": ["GL304"],
    "bytedance/security-engineer.md": ["GL304"],
    "bytedance/tiktok-recommendation-engineer.md": ["GL304"],
    "nium/technical-program-manager.md": ["GL304"],
    "sea-group/staff-software-engineer.md": ["GL304", "GL304"],
    "tipalti/senior-software-engineer.md": ["GL304"],
    "vast-data/ml-ai-engineer.md": ["GL304"],
    "sequoia/data-scientist.md": ["GL306"],  # a column of amounts no field holds
}


def test_real_guides_synced_keep_only_real_conflicts(realworld: Path) -> None:
    for source in sorted(realworld.glob("*/*.md")):
        name = source.relative_to(realworld).as_posix()
        raw = source.read_bytes()
        outcome = sync_bytes(raw, name, LINTER)
        assert sync_bytes(outcome.synced, name, LINTER).synced == outcome.synced, name
        codes = [d.code for d in lint_text(outcome.synced, select=("GL3",), path=name)]
        assert codes == CONFLICTS.get(name, []), name


def test_a_finding_the_file_already_had_does_not_stop_the_fill() -> None:
    text = edited(
        "components.md",
        ("    stock_low: 55000", "    stock_low: null"),
        ("level_mapping:", "owner: pay-team\nlevel_mapping:"),
    )
    after, problems = sync(text)
    assert problems == []
    assert "    stock_low: 55000\n" in after and "owner: pay-team\n" in after


def test_the_bonus_the_note_under_the_table_states_fills_every_entry() -> None:
    row = "| Staff+ (L6+) | $285,000–$370,000 | $268,000–$348,000 | ₹62,00,000–₹98,00,000 |\n"
    note = "*Total compensation includes base salary, RSUs and a 10–15% performance bonus.*\n"
    text = edited("levels.md", (row, row + "\n" + note))
    found = lint_text(text, select=("GL306",))
    assert [(d.code, d.line, d.column, d.end_column) for d in found] == [("GL306", 55, 54, 60)]
    assert found[0].message == (
        "the note under the table gives a 10–15% bonus, but no entry sets bonus_pct"
    )
    after, problems = sync(text)
    assert problems == []
    assert after.count("    bonus_pct: 10\n    bonus_pct_high: 15\n") == 3
    assert lint_text(after, select=("GL306",)) == []
    # a note that is not in italics, or not right under the table, says nothing
    plain = edited("levels.md", (row, row + "\n" + note.strip("*\n") + "\n"))
    assert lint_text(plain, select=("GL306",)) == []
    # a word of hedging may open the parentheses the percentage is in
    hedged = (
        "*Total compensation includes base salary, RSUs and performance bonus (typically 10%).*\n"
    )
    found = lint_text(edited("levels.md", (row, row + "\n" + hedged)), select=("GL306",))
    assert [(d.line, d.column, d.end_column) for d in found] == [(55, 81, 84)]
    assert (
        found[0].message
        == "the note under the table gives a 10% bonus, but no entry sets bonus_pct"
    )
