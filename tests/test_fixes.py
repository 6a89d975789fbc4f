"""``check --fix`` and ``--diff``: whole fixed files, byte preservation and safe writes."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, TODAY, run_cli
from guidelint import fixes
from guidelint.config import Settings
from guidelint.diagnostics import Diagnostic, Fix, problem
from guidelint.document import Guide
from guidelint.fixes import Fixer, apply_fixes, collect, fix_bytes
from guidelint.linter import FileResult, Linter

FIX = FIXTURES / "fix"
CASES = sorted(p for p in FIX.glob("*.md") if not p.name.endswith(".fixed.md"))


def check(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(["check", "--isolated", "--today", TODAY.isoformat(), *args], cwd=tmp)


def copy(case: Path, tmp: Path, name: str | None = None) -> Path:
    target = tmp / (name or case.name)
    shutil.copyfile(case, target)
    return target


def expected(case: Path) -> bytes:
    return case.with_name(case.name[: -len(".md")] + ".fixed.md").read_bytes()


# -- whole files -------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_fix_produces_the_expected_file(case: Path, tmp_path: Path) -> None:
    """``unsafe-*.md`` cases run with ``--unsafe-fixes``; a second run changes nothing."""
    target = copy(case, tmp_path)
    options = ["--fix", "--unsafe-fixes"] if case.name.startswith("unsafe-") else ["--fix"]
    first = check(tmp_path, *options, target.name)
    assert target.read_bytes() == expected(case), first.stdout + first.stderr
    assert "fixed " in first.stderr
    second = check(tmp_path, *options, target.name)
    assert target.read_bytes() == expected(case)
    assert "fixed" not in second.stderr
    assert "[*]" not in second.stdout


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_fixed_files_need_no_fix(case: Path, tmp_path: Path) -> None:
    fixed = tmp_path / case.name
    fixed.write_bytes(expected(case))
    unsafe = ["--unsafe-fixes"] if case.name.startswith("unsafe-") else []
    result = check(tmp_path, "--diff", *unsafe, case.name)
    assert (result.stdout, result.returncode) == ("", 0)


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    case = FIX / "body-dates.md"
    crlf = b"\xef\xbb\xbf" + case.read_bytes().replace(b"\n", b"\r\n")
    target = tmp_path / "crlf.md"
    target.write_bytes(crlf)
    result = check(tmp_path, "--fix", "crlf.md")
    assert result.stdout == "All clear: no problems in 1 file.\n"
    assert target.read_bytes() == b"\xef\xbb\xbf" + expected(case).replace(b"\n", b"\r\n")


def test_mixed_line_endings_outside_the_fix_stay_as_they_were(tmp_path: Path) -> None:
    text = (FIX / "body-dates.md").read_bytes()
    head, _, tail = text.partition(b"\n---\n")  # frontmatter keeps LF, body gets CRLF
    target = tmp_path / "mixed.md"
    target.write_bytes(head + b"\n---\n" + tail.replace(b"\n", b"\r\n"))
    check(tmp_path, "--fix", "mixed.md")
    fixed_head, _, fixed_tail = expected(FIX / "body-dates.md").partition(b"\n---\n")
    assert target.read_bytes() == fixed_head + b"\n---\n" + fixed_tail.replace(b"\n", b"\r\n")


def test_report_after_fix_shows_only_what_remains(tmp_path: Path) -> None:
    text = (FIX / "body-dates.md").read_text(encoding="utf-8")
    target = tmp_path / "guide.md"
    target.write_text(text.replace("data_quality: high", "data_quality: great"), encoding="utf-8")
    result = check(tmp_path, "--fix", "guide.md")
    assert result.stdout.splitlines()[0].startswith("guide.md:8:15: GL103 error: ")
    assert "GL407" not in result.stdout
    assert "guidelint: fixed 2 problems in 1 file" in result.stderr
    assert result.returncode == 1


# -- --diff ------------------------------------------------------------------


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    target = copy(FIX / "body-dates.md", tmp_path, "guide.md")
    before = target.read_bytes()
    result = check(tmp_path, "--diff", "guide.md")
    assert target.read_bytes() == before
    assert result.returncode == 1
    assert result.stdout == (
        "--- a/guide.md\n"
        "+++ b/guide.md\n"
        "@@ -44,6 +44,6 @@\n"
        " \n"
        " Engineers in this team work on distributed training and serving.\n"
        " \n"
        "-**Last updated:** 2025-03-03\n"
        "+**Last updated:** 2026-10-01\n"
        " \n"
        "-> Compensation figures last updated on March 3, 2025 by the guide's editors.\n"
        "+> Compensation figures last updated on October 1, 2026 by the guide's editors.\n"
    )
    assert "would fix 2 problems in 1 file" in result.stderr


def test_diff_marks_a_missing_final_newline(tmp_path: Path) -> None:
    target = tmp_path / "guide.md"
    target.write_bytes((FIX / "body-dates.md").read_bytes().rstrip(b"\n"))
    result = check(tmp_path, "--diff", "guide.md")
    assert result.stdout.endswith(
        "+> Compensation figures last updated on October 1, 2026 by the guide's editors.\n"
        "\\ No newline at end of file\n"
    )


def test_diff_to_an_output_file(tmp_path: Path) -> None:
    copy(FIX / "body-dates.md", tmp_path, "guide.md")
    result = check(tmp_path, "--diff", "--output", "fix.diff", "guide.md")
    assert result.stdout == ""
    assert (tmp_path / "fix.diff").read_text(encoding="utf-8").startswith("--- a/guide.md\n")


# -- safe writing --------------------------------------------------------------


def test_read_only_file_is_reported_and_others_are_still_fixed(tmp_path: Path) -> None:
    locked = copy(FIX / "body-dates.md", tmp_path, "a-locked.md")
    free = copy(FIX / "body-dates.md", tmp_path, "b-free.md")
    locked.chmod(0o444)
    before = locked.read_bytes()
    result = check(tmp_path, "--fix", "a-locked.md", "b-free.md")
    assert "guidelint: a-locked.md: file is read-only; not written" in result.stderr
    assert locked.read_bytes() == before
    assert free.read_bytes() == expected(FIX / "body-dates.md")
    # The locked file's findings are still reported, so the run does not pass silently.
    assert "a-locked.md:47:19: GL407" in result.stdout
    assert "b-free.md" not in result.stdout


def test_file_mode_is_kept(tmp_path: Path) -> None:
    target = copy(FIX / "body-dates.md", tmp_path)
    target.chmod(0o640)
    check(tmp_path, "--fix", target.name)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == expected(FIX / "body-dates.md")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_symlink_is_followed_not_replaced(tmp_path: Path) -> None:
    real = copy(FIX / "body-dates.md", tmp_path, "real.md")
    link = tmp_path / "link.md"
    link.symlink_to("real.md")
    check(tmp_path, "--fix", "link.md")
    assert link.is_symlink()
    assert real.read_bytes() == expected(FIX / "body-dates.md")


def test_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    target = copy(FIX / "body-dates.md", tmp_path)
    linter = Linter(Settings(), TODAY)
    edited = b"edited by someone else meanwhile\n"
    real_lint = linter.lint_guide

    def lint_and_meddle(guide: Guide) -> list[Diagnostic]:
        target.write_bytes(edited)  # another program saves while we fix
        return real_lint(guide)

    linter.lint_guide = lint_and_meddle  # type: ignore[method-assign]
    err = io.StringIO()
    fixer = Fixer(linter, err=err)
    result = FileResult(str(target), real_lint(_load(target)))
    out = list(fixer.process([result]))
    assert target.read_bytes() == edited
    assert "changed on disk while it was being fixed; not overwritten" in err.getvalue()
    assert out == [result]
    assert fixer.failures == 1


def _load(path: Path) -> Guide:
    from guidelint.document import load_guide

    return load_guide(path, str(path))


def test_unsafe_fixes_alone_and_stdin_are_usage_errors(tmp_path: Path) -> None:
    copy(FIX / "body-dates.md", tmp_path, "guide.md")
    alone = check(tmp_path, "--unsafe-fixes", "guide.md")
    assert alone.returncode == 2
    assert "--unsafe-fixes works with --fix or --diff" in alone.stderr
    piped = run_cli(["check", "--isolated", "--fix", "-"], cwd=tmp_path, stdin=b"---\n")
    assert piped.returncode == 2
    assert "not standard input" in piped.stderr


def test_json_report_describes_each_fix(tmp_path: Path) -> None:
    copy(FIX / "body-dates.md", tmp_path, "guide.md")
    report = json.loads(check(tmp_path, "--format", "json", "guide.md").stdout)
    assert report[0]["fix"] == {
        "description": "write `2026-10-01` (the frontmatter's last_updated)",
        "line": 47,
        "column": 19,
        "end_line": 47,
        "end_column": 29,
        "text": "2026-10-01",
    }


# -- the splice itself, with fixes made up for the test -------------------------


def fix(line: int, column: int, end_line: int, end_column: int, text: str) -> Fix:
    return Fix(line, column, end_line, end_column, text, "test fix")


def test_apply_replaces_inserts_and_deletes() -> None:
    text = "alpha\nbeta\ngamma\n"
    result = apply_fixes(text, [fix(2, 1, 2, 5, "BETA"), fix(1, 6, 1, 6, "!"), fix(3, 1, 4, 1, "")])
    assert result.text == "alpha!\nBETA\n"
    assert len(result.applied) == 3


def test_apply_maps_lf_positions_onto_crlf_text() -> None:
    text = "one\r\ntwo\r\nthree\r\n"
    result = apply_fixes(text, [fix(2, 1, 3, 6, "2\n3")], "\r\n")
    assert result.text == "one\r\n2\r\n3\r\n"


def test_apply_counts_columns_in_characters() -> None:
    text = "café 😀 x\n"
    result = apply_fixes(text, [fix(1, 8, 1, 9, "y")])
    assert result.text == "café 😀 y\n"


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    result = apply_fixes("aaa\n", [fix(1, 1, 1, 3, "b"), fix(1, 2, 1, 4, "c")])
    assert result.text == "ba\n"
    assert result.overlapping == [fix(1, 2, 1, 4, "c")]


def test_two_insertions_at_one_point_overlap() -> None:
    result = apply_fixes("ab\n", [fix(1, 2, 1, 2, "X"), fix(1, 2, 1, 2, "Y")])
    assert result.text == "aXb\n"
    assert len(result.overlapping) == 1


def test_fixes_outside_the_text_are_dropped() -> None:
    result = apply_fixes("ab\n", [fix(1, 4, 1, 5, "x"), fix(9, 1, 9, 1, "x"), fix(1, 2, 1, 1, "")])
    assert result.text == "ab\n"
    assert len(result.invalid) == 3


def test_a_fix_that_changes_nothing_is_not_applied() -> None:
    result = apply_fixes("ab\n", [fix(1, 1, 1, 2, "a")])
    assert not result.changed


def test_identical_fixes_are_collected_once() -> None:
    shared = fix(3, 1, 5, 1, "rows\n")
    found = [
        problem("GL302", 3, 1, "x", fix=shared),
        problem("GL303", 4, 1, "y", fix=shared._replace(description="other words")),
        problem("GL101", 1, 1, "z"),
    ]
    assert collect(found) == [shared]


class PatternLinter:
    """A stand-in linter whose one 'rule' wants every ``old`` written as ``new``."""

    settings = Settings()

    def __init__(self, old: str = "aa", new: str = "b") -> None:
        self.old, self.new = old, new

    def lint_guide(self, guide: Guide) -> list[Diagnostic]:
        found = []
        for number, line in enumerate(guide.lines, 1):
            for index in range(len(line) - len(self.old) + 1):
                if line.startswith(self.old, index):
                    end = index + len(self.old) + 1
                    change = fix(number, index + 1, number, end, self.new)
                    found.append(problem("GL999", number, index + 1, "x", fix=change))
        return found


def test_overlapping_fixes_are_settled_in_one_run() -> None:
    raw = "\ufeffaaaaa\r\nkeep\n".encode()
    outcome = fix_bytes(raw, "t.md", PatternLinter())  # type: ignore[arg-type]
    assert outcome.fixed == "\ufeffbba\r\nkeep\n".encode()
    assert outcome.diagnostics == []
    assert outcome.fixed_count == 2


def test_fixing_repeats_until_nothing_applies() -> None:
    outcome = fix_bytes(b"abbb\n", "t.md", PatternLinter("ab", "a"))  # type: ignore[arg-type]
    assert outcome.fixed == b"a\n"  # abbb, abb, ab, a
    assert outcome.fixed_count == 3


def test_fixes_that_undo_each_other_stop() -> None:
    class Flip(PatternLinter):
        def lint_guide(self, guide: Guide) -> list[Diagnostic]:
            other = "y" if guide.lines[0] == "x" else "x"
            return [problem("GL999", 1, 1, "flip", fix=fix(1, 1, 1, 2, other))]

    outcome = fix_bytes(b"x\n", "t.md", Flip())  # type: ignore[arg-type]
    assert outcome.fixed == b"y\n"


def test_unfixed_files_pass_through_untouched(tmp_path: Path) -> None:
    linter = Linter(Settings(), dt.date(2026, 11, 22))
    result = FileResult("x.md", [])
    assert list(Fixer(linter).process([result])) == [result]
    assert fixes.MAX_PASSES >= 2
    assert os.listdir(tmp_path) == []


# -- tables ----------------------------------------------------------------------


def test_a_guide_with_every_fixable_defect_comes_back_clean(tmp_path: Path) -> None:
    target = copy(FIX / "every-defect.md", tmp_path)
    before = check(tmp_path, target.name)
    assert sorted({line.split()[1] for line in before.stdout.splitlines()[:-1]}) == [
        "GL302", "GL304", "GL305", "GL306", "GL407",
    ]  # fmt: skip
    result = check(tmp_path, "--fix", target.name)
    assert result.stdout == "All clear: no problems in 1 file.\n"
    assert result.stderr == "guidelint: fixed 5 problems in 1 file\n"
    assert result.returncode == 0


def test_only_the_table_rows_change(tmp_path: Path) -> None:
    """Header, alignment row, frontmatter comments and prose stay byte-for-byte.

    The one frontmatter change is the field that backs the table's `5–15%`
    bonus (GL306 fills the frontmatter rather than deleting what readers see).
    """
    before = (FIX / "every-defect.md").read_text(encoding="utf-8").split("\n")
    after = expected(FIX / "every-defect.md").decode("utf-8").split("\n")
    assert after[18] == "    bonus_pct_high: 15" and after[17] == before[17]
    del after[18]
    changed = [n for n, (a, b) in enumerate(zip(before[:55], after[:55], strict=True), 1) if a != b]
    assert changed == [50, 54, 55]  # the date line and the two rows that disagreed
    assert after[54] == "| London | £148K–£194K | £131K–£236K | 5% | £188K–£263K |"
    assert after[55] == "| New York | $190K–$250K | $175K–$315K | 5% | $243K–$341K |"
    assert after[:49] == before[:49] and after[50:53] == before[50:53]
    assert after[56:] == before[55:]


def test_schema_failure_leaves_the_table_and_says_why(tmp_path: Path) -> None:
    target = copy(FIX / "schema-fails.md", tmp_path)
    result = check(tmp_path, "--fix", target.name)
    assert (
        "guidelint: schema-fails.md: table not rewritten: the frontmatter fails the schema"
        " (GL102); correct the data first, then run --fix again\n"
    ) in result.stderr
    assert "schema-fails.md:52:3: GL302 error: " in result.stdout
    assert "[*]" not in result.stdout


def test_a_row_the_table_could_not_read_back_is_not_written(tmp_path: Path) -> None:
    """An entry in a currency no cell can show (`BTC`): its row would be malformed."""
    target = copy(FIXTURES / "fix-refused" / "unknown-currency.md", tmp_path)
    before = target.read_bytes()
    result = check(tmp_path, "--fix", target.name)
    assert target.read_bytes() == before
    assert (
        "guidelint: unknown-currency.md: table not rewritten: the frontmatter lacks figures"
        " the table needs, or holds some in a currency a table cell cannot show; correct the"
        " data first, then run --fix again\n"
    ) in result.stderr
    assert "unknown-currency.md:28:3: GL302 error: " in result.stdout


def test_kept_extra_rows_are_explained(tmp_path: Path) -> None:
    target = copy(FIX / "extra-row.md", tmp_path)
    result = check(tmp_path, "--fix", target.name)
    assert result.stdout.startswith("extra-row.md:57:3: GL303 error: `Berlin` is not a `region`")
    assert (
        "kept table rows that no frontmatter item backs (GL303); --unsafe-fixes deletes them"
        in (result.stderr)
    )
    assert "fixed 3 problems in 1 file" in result.stderr


def test_unsafe_diff_shows_the_deleted_row(tmp_path: Path) -> None:
    copy(FIX / "extra-row.md", tmp_path, "guide.md")
    safe = check(tmp_path, "--diff", "guide.md").stdout
    unsafe = check(tmp_path, "--diff", "--unsafe-fixes", "guide.md").stdout
    assert "-| Berlin |" not in safe
    assert "-| Berlin | €95K–€125K | €60K–€90K | 5% | €160K–€220K |\n" in unsafe


def test_diff_also_says_why_the_table_is_left(tmp_path: Path) -> None:
    text = (REPO / "examples" / "broken" / "table-mismatch.md").read_text(encoding="utf-8")
    target = tmp_path / "typed.md"
    target.write_text(
        text.replace("    base_low: 148000", '    base_low: "148K"'), encoding="utf-8"
    )
    result = check(tmp_path, "--diff", target.name)
    assert result.stdout == ""
    assert (
        "guidelint: typed.md: table not rewritten: the frontmatter fails the schema (GL102)"
        in result.stderr
    )


def test_a_pass_that_would_break_the_frontmatter_is_not_applied() -> None:
    class Duplicate(PatternLinter):
        """Wants `key: 2` inserted after `key: 1`: a duplicate key (GL005)."""

        def lint_guide(self, guide: Guide) -> list[Diagnostic]:
            return [problem("GL999", 2, 1, "dup", fix=fix(3, 1, 3, 1, "key: 2\n"))]

    raw = b"---\nkey: 1\n---\nbody\n"
    outcome = fix_bytes(raw, "t.md", Duplicate())  # type: ignore[arg-type]
    assert outcome.fixed == raw
    assert outcome.notes == ["fixes stopped: applying them would have added 1 GL005"]


def test_a_frontmatter_with_aliases_is_not_edited(tmp_path: Path) -> None:
    # The bonus range the table shows would go into the entry whose `bonus_pct` is
    # the anchor, and the aliased entry would ask for it again on every pass.
    target = copy(FIX / "aliased.md", tmp_path)
    before = check(tmp_path, target.name)
    (unbacked,) = [line for line in before.stdout.splitlines() if " GL306 " in line]
    assert not unbacked.endswith("[*]")  # the body's date fixes keep theirs
    result = check(tmp_path, "--fix", target.name)
    assert target.read_bytes() == expected(FIX / "aliased.md")
    assert "frontmatter not edited: it reuses values through YAML aliases" in result.stderr


def test_an_entry_with_a_consistency_finding_is_not_copied(tmp_path: Path) -> None:
    """`bonus_high: 5` (GL201, GL206) must not become `$25K–$5` in the table."""
    target = copy(FIXTURES / "fix-refused" / "inverted-range.md", tmp_path)
    before = target.read_bytes()
    result = check(tmp_path, "--fix", target.name)
    assert target.read_bytes() == before
    assert "inverted-range.md:28:3: GL302 error: " in result.stdout
