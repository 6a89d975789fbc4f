"""Programs kept between runs (guidelint.patterns) are the programs ``re`` makes.

``re.Pattern`` objects compare equal when their source, flags and compiled code
are the same, so each of the package's patterns, compiled through a store and
then read back from the file the store wrote, must equal ``re.compile``'s.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_regex_linearity import PATTERNS

from guidelint import patterns
from guidelint.patterns import Store

SOURCES = sorted({(p.pattern, p.flags & ~re.UNICODE) for p in PATTERNS.values()})


@pytest.fixture(autouse=True)
def bytecode_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a shell without PYTHONDONTWRITEBYTECODE, whatever this one has."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def test_every_pattern_of_the_package_is_compiled_as_re_compiles_it(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    first = Store(path)
    for source, flags in SOURCES:
        assert first.compile(source, flags) == re.compile(source, flags), source
    first.save()
    assert path.is_file()
    again = Store(path)  # every pattern read back from the file
    for source, flags in SOURCES:
        assert again.compile(source, flags) == re.compile(source, flags), source
    again.save()
    assert not again._added, "a run that compiled nothing new rewrites nothing"


def test_a_stored_program_matches_as_the_compiled_one_does(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    source = r"(?P<sym>US\$|\$)\s?(?P<n>\d+(?:\.\d+)?)(?P<unit>[KMB])?"
    written = Store(path)
    written.compile(source)
    written.save()
    store = Store(path)
    found = store.compile(source).search("a base of US$ 185.5K in Austin")
    assert found is not None
    assert found.groupdict() == {"sym": "US$", "n": "185.5", "unit": "K"}
    assert found.span() == (10, 20)


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01not marshal", b"\xe9" * 64, b")\x04abcd"],
    ids=["empty", "garbage", "high bytes", "truncated"],
)
def test_a_damaged_file_costs_only_the_compiling(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "patterns.bin"
    path.write_bytes(content)
    store = Store(path)
    assert store.compile(r"\d{4}-\d{2}") == re.compile(r"\d{4}-\d{2}")
    store.save()
    assert Store(path).compile(r"\d{4}-\d{2}") == re.compile(r"\d{4}-\d{2}")


def test_a_program_the_engine_refuses_is_compiled_anew(tmp_path: Path) -> None:
    path = tmp_path / "patterns.bin"
    store = Store(path)
    store.compile("abc")
    entries = store._load()
    final, _code, groups, groupindex, indexgroup = entries[("abc", 0)]
    entries[("abc", 0)] = (final, b"\xff\xff\xff\x7f" * 3, groups, groupindex, indexgroup)
    assert store.compile("abc") == re.compile("abc")


def test_nothing_is_written_where_bytecode_would_not_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = tmp_path / "patterns.bin"
    store = Store(path)
    store.compile("abc")
    store.save()
    assert not path.exists()


def test_an_unwritable_folder_is_no_error(tmp_path: Path) -> None:
    store = Store(tmp_path / "missing" / "deeper" / "patterns.bin")
    store.compile("abc")
    store.save()  # the folder's parent does not exist: nothing written, nothing raised
    assert not (tmp_path / "missing").exists()


def test_the_patterns_are_the_same_in_every_process() -> None:
    """Alternations are built longest first and then in code-point order, never in a
    set's order, which changes with the hash seed: the store finds them, and a
    pattern means the same in every run."""
    script = (
        "import hashlib, sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from test_regex_linearity import PATTERNS\n"
        "text = '\\n'.join(sorted(f'{k} {p.pattern!r} {p.flags}' for k, p in PATTERNS.items()))\n"
        "print(hashlib.sha256(text.encode()).hexdigest())\n"
    )
    root = Path(__file__).resolve().parent.parent
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


def test_a_full_file_keeps_only_what_its_last_run_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(patterns, "_MAX_ENTRIES", 3)
    path = tmp_path / "patterns.bin"
    old = Store(path)
    for source in ("a", "b", "c"):
        old.compile(source)
    old.save()
    run = Store(path)
    run.compile("a")
    run.compile("d")  # four entries now: past the limit
    run.save()
    assert set(Store(path)._load()) == {("a", 0), ("d", 0)}
