"""Precision and recall of GL501, GL502 and GL504 on real writing.

The labelled sentences in tests/claims/realworld.yaml point, by line and
column, into the guides and articles of ``../shared/``; the tests skip when
that folder is absent.  Each file is linted once; a finding counts for the
labelled sentence whose span holds its start, and findings elsewhere are
ignored.  Run with ``-s`` to see the table and every mistake:
``python -m pytest tests/test_claims_realworld.py -q -s``.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml

from conftest import REPO, lint_text
from guidelint.document import load_guide
from guidelint.prose import extract

SHARED = REPO.parent / "shared"
LABELLED = Path(__file__).resolve().parent / "claims" / "realworld.yaml"
CODES = ("GL501", "GL502", "GL504")
LABELS = ("supported", "unsupported", "none")
MIN_PRECISION = 0.95
MIN_RECALL = 0.90

Position = tuple[int, int]


class Case(NamedTuple):
    file: str
    line: int
    column: int
    label: str
    codes: frozenset[str]
    why: str


class Score(NamedTuple):
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@pytest.fixture(scope="module")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present in this checkout")
    return SHARED


def load_cases() -> list[Case]:
    raw = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))["cases"]
    return [
        Case(c["file"], c["line"], c["column"], c["label"], frozenset(c["codes"]), c["why"])
        for c in raw
    ]


def lint_name(file: str) -> str:
    """The name a file is linted under: articles are linted as ``.md`` copies."""
    return Path(file).with_suffix(".md").name


@cache
def sentence_spans(path: Path) -> dict[Position, Position]:
    """Start -> end (exclusive) of every prose sentence in the file."""
    guide = load_guide(path, lint_name(str(path)))
    return {
        (s.line, s.column): (s.end_line, s.end_column)
        for block in extract(guide).prose_blocks
        for s in block.sentences
    }


def findings(shared: Path, cases: list[Case]) -> dict[Case, set[str]]:
    """The codes reported on each labelled sentence, each file linted once."""
    by_file: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_file[case.file].append(case)
    found: dict[Case, set[str]] = {case: set() for case in cases}
    for file, file_cases in by_file.items():
        path = shared / file
        spans = sentence_spans(path)
        ordered = sorted(file_cases, key=lambda c: (c.line, c.column))
        for diagnostic in lint_text(path.read_bytes(), select=CODES, path=lint_name(file)):
            start = (diagnostic.line, diagnostic.column)
            for case in ordered:
                begin = (case.line, case.column)
                if begin <= start < spans.get(begin, begin):
                    found[case].add(diagnostic.code)
                    break
    return found


def score(cases: list[Case], found: dict[Case, set[str]]) -> tuple[dict[str, Score], list[str]]:
    table: dict[str, Score] = {}
    mistakes: list[str] = []
    for code in CODES:
        tp = fp = fn = 0
        for case in cases:
            want = code in case.codes
            have = code in found[case]
            tp += want and have
            fp += have and not want
            fn += want and not have
            if want != have:
                kind = "missed" if want else "false alarm"
                where = f"{case.file}:{case.line}:{case.column}"
                mistakes.append(f"{code} {kind} {where} ({case.label}: {case.why})")
        table[code] = Score(tp, fp, fn)
    table["all"] = Score(*(sum(s[i] for s in table.values()) for i in range(3)))
    return table, mistakes


def report(table: dict[str, Score], mistakes: list[str]) -> None:
    print()
    print("real writing")
    print(f"{'code':6} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for code, s in table.items():
        print(f"{code:6} {s.precision:9.3f} {s.recall:7.3f} {s.tp:4} {s.fp:4} {s.fn:4}")
    for line in sorted(mistakes, key=lambda m: m.split(" ", 1)[1]):
        print("  " + line)


def test_labelled_set_is_well_formed() -> None:
    cases = load_cases()
    assert len(cases) >= 320
    assert len({(c.file, c.line, c.column) for c in cases}) == len(cases), "duplicate positions"
    assert all(c.label in LABELS for c in cases)
    assert all(bool(c.codes) == (c.label == "unsupported") for c in cases)
    assert all(c.codes <= set(CODES) for c in cases)
    assert sum(c.label == "unsupported" for c in cases) >= 60


def test_every_labelled_position_starts_a_sentence(shared: Path) -> None:
    drifted = [
        f"{c.file}:{c.line}:{c.column}"
        for c in load_cases()
        if (c.line, c.column) not in sentence_spans(shared / c.file)
    ]
    assert not drifted, f"labelled positions that no longer start a sentence: {drifted}"


def test_precision_and_recall_on_real_writing(shared: Path) -> None:
    cases = load_cases()
    table, mistakes = score(cases, findings(shared, cases))
    report(table, mistakes)
    combined = table["all"]
    assert combined.precision >= MIN_PRECISION and combined.recall >= MIN_RECALL, (
        f"GL501+GL502+GL504 precision {combined.precision:.3f} (min {MIN_PRECISION}), "
        f"recall {combined.recall:.3f} (min {MIN_RECALL})"
    )
