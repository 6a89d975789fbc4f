"""Hostile input: every user mistake or attack is a diagnostic or exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, guidelint_exe, lint_text, positions, run_cli
from guidelint.document import parse_guide
from guidelint.files import NotRegular, TooLarge, read_regular

VALID = (FIXTURES / "valid.md").read_text(encoding="utf-8")
ISOLATED = ["check", "--isolated", "--no-cache", "--today", "2026-11-22"]


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ('n: !!int ""', ""),
        ("n: !!bool maybe", "maybe"),
        ("n: !!timestamp abc", "abc"),
        ("n: !!float x", "x"),
        ("n: !!binary aGVsbG8=", "aGVsbG8="),
        ("n: " + "9" * 5000, "9" * 5000),
        ("n: -" + "9" * 4000, "-" + "9" * 4000),
        ("n: 1.0e400", "1.0e400"),
    ],
)
def test_a_value_its_tag_cannot_hold_is_kept_as_text(line: str, value: str) -> None:
    guide = parse_guide(f"---\ncompany: x\n{line}\n---\nBody.\n".encode(), "x.md")
    assert guide.data == {"company": "x", "n": value}
    assert guide.problems == []


def test_a_figure_too_large_for_arithmetic_is_a_schema_finding() -> None:
    text = VALID.replace("base_low: 195000", "base_low: -" + "9" * 4000)
    assert ("GL102", 13, 15) in positions(lint_text(text))
    assert "GL000" not in {d.code for d in lint_text(text)}


def test_aliases_are_bounded_by_the_text_they_expand_to() -> None:
    laughs = 'x0: &a0 "' + "x" * 1000 + '"\n'
    for level in range(1, 5):
        laughs += f"x{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]\n"
    guide = parse_guide(f"---\ncompany: x\n{laughs}---\n".encode(), "x.md")
    assert positions(guide.problems) == [("GL006", 3, 5)]  # the text expanded too often


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(NotRegular, match="FIFO"):
        read_regular(fifo, 100)
    with pytest.raises(NotRegular, match="character device"):
        read_regular("/dev/zero", 100)
    (tmp_path / "big.md").write_bytes(b"x" * 101)
    with pytest.raises(TooLarge):
        read_regular(tmp_path / "big.md", 100)


def test_fifos_and_devices_are_diagnostics(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "link.md").symlink_to("pipe.md")
    result = run_cli([*ISOLATED, ".", "/dev/zero"], cwd=tmp_path)
    assert result.returncode == 1
    # The link and the FIFO are one file, linted once under the first name.
    assert [line.split(": GL")[0] for line in result.stdout.splitlines()[:-1]] == [
        "/dev/zero:1:1",
        "link.md:1:1",
    ]


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--baseline", "pipe"),
        ("--baseline", "/dev/zero"),
        ("--config", "pipe"),
        ("--output", "pipe"),
        ("--output", "/dev/full"),
    ],
)
def test_special_files_as_options_exit_2(tmp_path: Path, option: str, value: str) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "a.md").write_text(VALID, encoding="utf-8")
    args = [a for a in ISOLATED if a != "--isolated" or option != "--config"]
    result = run_cli([*args, option, value, "a.md"], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("guidelint: error: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ("true", "is a boolean"),
        # A short id: the test's id goes into the environment of the command it runs.
        pytest.param("[" * 100_000 + "]" * 100_000, "nested too deeply", id="deep-brackets"),
        ('{"x-guidelint-table": "columns"}', "must be an object"),
        ('{"properties": {"company": {"$ref": "#/nope"}}}', "points at nothing"),
        ("/dev/zero", "character device"),
    ],
)
def test_a_damaged_schema_is_a_configuration_error(
    tmp_path: Path, schema: str, message: str
) -> None:
    name = schema if schema.startswith("/") else "s.json"
    if name == "s.json":
        (tmp_path / name).write_text(schema, encoding="utf-8")
    (tmp_path / "guidelint.toml").write_text(f'[schema]\n"*.md" = "{name}"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(VALID, encoding="utf-8")
    result = run_cli(["check", "--no-cache", "a.md"], cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        pytest.param("x = " + "[" * 100_000 + "]" * 100_000, "nested too deeply", id="deep"),
        ("max-file-size = 1e300", "expected at most 67,108,864"),
        ("max-file-size = 99999999999999999999", "expected at most 67,108,864"),
    ],
)
def test_a_damaged_configuration_exits_2(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "guidelint.toml").write_text(toml + "\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(VALID, encoding="utf-8")
    result = run_cli(["check", "--no-cache", "a.md"], cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.parametrize("closed", ["stdin", "stdout"])
def test_a_closed_stream_exits_2(tmp_path: Path, closed: str) -> None:
    (tmp_path / "a.md").write_text(VALID, encoding="utf-8")
    path = "-" if closed == "stdin" else "a.md"
    done = subprocess.run(
        [guidelint_exe(), *ISOLATED, path],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL if closed == "stdout" else None,
        stdout=subprocess.PIPE if closed == "stdin" else None,
        stderr=subprocess.PIPE,
        timeout=60,
        pass_fds=(),
        close_fds=True,
        preexec_fn=lambda: os.close(0 if closed == "stdin" else 1),
    )
    assert done.returncode == 2
    assert done.stderr.decode().startswith("guidelint: error: ")


def test_standard_input_is_limited_by_max_file_size() -> None:
    result = run_cli([*ISOLATED, "-"], stdin=b"x" * (2 * 1024 * 1024 + 1))
    assert result.returncode == 1
    assert result.stdout.startswith(
        "-:1:1: GL001 error: standard input is above the 2,097,152-byte"
    )


def _entries(count: int) -> str:
    head, rest = VALID.split("  - region: San Francisco", 1)
    entry, tail = rest.split("  - region: London", 1)
    many = "".join(f"  - region: Region {i}{entry}" for i in range(count))
    return f"{head}{many}  - region: London{tail}"


def _rows(count: int) -> str:
    row = "| San Francisco | $195K–$255K | $175K–$315K | 5% | $248K–$346K |\n"
    many = "".join(row.replace("San Francisco", f"Region {i}") for i in range(count))
    return VALID.replace(row, many)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (_entries(1001), ("GL001", 9012, 5)),
        (_rows(1001), ("GL001", 1041, 1)),
        (VALID + "".join(f"\nParagraph {i}.\n" for i in range(20_001)), ("GL001", 40_041, 1)),
    ],
    ids=["entries", "rows", "blocks"],
)
def test_a_guide_past_a_work_limit_gets_one_diagnostic(text: str, where: tuple) -> None:
    assert positions(lint_text(text)) == [where]


def test_a_guide_at_the_limits_is_checked() -> None:
    assert "GL001" not in {d.code for d in lint_text(_entries(999))}


def test_walk_reports_link_loops_and_names_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(VALID, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "same.md").symlink_to("../a.md")
    (tmp_path / "sub" / "up").symlink_to("..")
    (tmp_path / "loop.md").symlink_to("loop.md")
    (tmp_path / "folder").symlink_to("folder")
    (tmp_path / "dangling").symlink_to("nowhere")
    result = run_cli([*ISOLATED, ".", "a.md", "./a.md", str(tmp_path / "a.md")], cwd=tmp_path)
    assert result.stdout.splitlines()[:-1] == [
        "folder:1:1: GL001 error: cannot follow link: Too many levels of symbolic links [unreadable-file]",
        "loop.md:1:1: GL001 error: cannot follow link: Too many levels of symbolic links"
        " [unreadable-file]",
    ]
    assert result.stdout.splitlines()[-1].endswith("in 2 of 3 files.")


def test_a_folder_that_cannot_be_listed_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from guidelint import files

    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if path.endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(files.os, "scandir", scandir)
    targets = list(files.iter_targets([str(tmp_path)]))
    assert targets == [
        files.Target(f"{tmp_path}/locked", True, "cannot list folder: Permission denied")
    ]


def test_jobs_are_capped_by_the_processors(tmp_path: Path) -> None:
    for index in range(40):
        (tmp_path / f"g{index}.md").write_text(VALID, encoding="utf-8")
    result = run_cli([*ISOLATED, "--jobs", "100000", "."], cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def _mismatched() -> str:
    return VALID.replace("| San Francisco | $195K", "| San Francisco | $190K")


@pytest.mark.parametrize(
    ("command", "text"),
    [
        (["check", "--fix"], _mismatched()),
        (["sync"], VALID.replace("    stock_low: 175000\n", "    stock_low: null\n", 1)),
    ],
    ids=["fix", "sync"],
)
def test_writes_never_follow_a_link_out_of_the_tree(
    tmp_path: Path, command: list[str], text: str
) -> None:
    (tmp_path / "tree").mkdir()
    (tmp_path / "outside").mkdir()
    target = tmp_path / "outside" / "target.md"
    target.write_text(text, encoding="utf-8")
    (tmp_path / "tree" / "link.md").symlink_to("../outside/target.md")
    result = run_cli([*command, "--isolated", "tree"], cwd=tmp_path)
    assert (
        f"guidelint: tree/link.md: is a link to {target}, outside the linted tree; not written\n"
        in result.stderr
    )
    assert target.read_text(encoding="utf-8") == text


def test_fix_keeps_hard_links(tmp_path: Path) -> None:
    first = tmp_path / "first.md"
    first.write_text(_mismatched(), encoding="utf-8")
    os.link(first, tmp_path / "second.md")
    inode = first.stat().st_ino
    result = run_cli([*ISOLATED, "--fix", "first.md"], cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert first.stat().st_ino == inode
    assert (tmp_path / "second.md").read_text(encoding="utf-8") == VALID


def test_a_sentence_of_thousands_of_figures_reads_a_bounded_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run such as "$1-$1-...-$1" is no prose: only the first figures of a sentence
    are read (each costs a look at its clause), and its one finding is still made."""
    from guidelint.claims import spans

    calls = []
    kind = spans.figure_kind

    def counting(*args: object) -> str:
        calls.append(1)
        return kind(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(spans, "figure_kind", counting)
    text = "---\ncompany: acme\n---\nAcme pays " + "-".join(["$1"] * 5000) + ".\n"
    found = lint_text(text, select=("GL501",))
    assert positions(found) == [("GL501", 4, 11)]
    assert found[0].message.startswith("figure `$1-$1` has no source")  # a range, shown whole
    assert len(calls) <= spans._MOST_FIGURES


def test_a_number_of_thousands_of_groups_is_one_figure() -> None:
    """Each group of "999,999,...,999" was once tried as a percentage's start."""
    text = "---\ncompany: acme\n---\nThe share is " + ",".join(["999"] * 4000) + "%.\n"
    found = lint_text(text, select=("GL501",))
    assert positions(found) == [("GL501", 4, 14)]
    # the message quotes the figure cut short; its range holds all of it
    assert found[0].message.startswith("figure `999,999,") and "\u2026`" in found[0].message
    assert found[0].end_column == 14 + 4000 * 4


def test_a_source_note_of_thousands_of_words_is_matched_in_bounded_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A note's name was tried against the sources list from its own length down, a
    join of every prefix of it: quadratic in a note of 40,000 words.  No entry holds
    a run longer than itself, so the tries stop at the longest entry's length."""
    from guidelint.claims import listing

    probes = []
    normalise = listing._normalise

    class Counted(str):
        def __contains__(self, probe: object) -> bool:
            probes.append(probe)
            return str.__contains__(self, probe)  # type: ignore[operator]

    sources = listing.Sources([Counted(f" {normalise('Levels.fyi comp data 2025')} ")])
    name = " ".join(["Word"] * 40_000)
    assert sources.listing(name, note=True) is None
    assert len(probes) <= 8
    found = lint_text(
        "---\ncompany: acme\ndata_sources:\n  - Levels.fyi\n---\nPay rose 5%. [Source: "
        + name
        + "]\n",
        select=("GL501",),
    )
    assert positions(found) == [("GL501", 6, 10)]
