"""Precision and recall of the claims rules on the labelled set in tests/claims/.

Every case becomes one paragraph (or list item) of a single guide; each code
found on a case's lines counts for that case.  Run with ``-s`` to see the
table: ``python -m pytest tests/test_claims_quality.py -q -s``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import lint_text

LABELLED = Path(__file__).resolve().parent / "claims" / "labelled.yaml"
# Written apart from the rules and from labelled.yaml, to measure how they generalise.
HELDOUT = Path(__file__).resolve().parent / "claims" / "heldout.yaml"
# Written blind from the labelling criteria, measured, then tuned on (see its header).
BLIND_2 = Path(__file__).resolve().parent / "claims" / "blind-2.yaml"
BLIND_3 = Path(__file__).resolve().parent / "claims" / "blind-3.yaml"
BLIND_4 = Path(__file__).resolve().parent / "claims" / "blind-4.yaml"
BLIND_5 = Path(__file__).resolve().parent / "claims" / "blind-5.yaml"
BLIND_6 = Path(__file__).resolve().parent / "claims" / "blind-6.yaml"
BLIND_7 = Path(__file__).resolve().parent / "claims" / "blind-7.yaml"
BLIND_8 = Path(__file__).resolve().parent / "claims" / "blind-8.yaml"
BLIND_9 = Path(__file__).resolve().parent / "claims" / "blind-9.yaml"
BLIND_10 = Path(__file__).resolve().parent / "claims" / "blind-10.yaml"
BLIND_11 = Path(__file__).resolve().parent / "claims" / "blind-11.yaml"
# Being learned from: held to the floors of their first measures (see their headers)
# until they reach the blind thresholds.
BLIND_12 = Path(__file__).resolve().parent / "claims" / "blind-12.yaml"
BLIND_13 = Path(__file__).resolve().parent / "claims" / "blind-13.yaml"
BLIND_14 = Path(__file__).resolve().parent / "claims" / "blind-14.yaml"
BLIND_15 = Path(__file__).resolve().parent / "claims" / "blind-15.yaml"
BLIND_16 = Path(__file__).resolve().parent / "claims" / "blind-16.yaml"
BLIND_17 = Path(__file__).resolve().parent / "claims" / "blind-17.yaml"
BLIND_18 = Path(__file__).resolve().parent / "claims" / "blind-18.yaml"
BLIND_19 = Path(__file__).resolve().parent / "claims" / "blind-19.yaml"
BLIND_20 = Path(__file__).resolve().parent / "claims" / "blind-20.yaml"
BLIND_21 = Path(__file__).resolve().parent / "claims" / "blind-21.yaml"
BLIND_22 = Path(__file__).resolve().parent / "claims" / "blind-22.yaml"
BLIND_23 = Path(__file__).resolve().parent / "claims" / "blind-23.yaml"
BLIND_24 = Path(__file__).resolve().parent / "claims" / "blind-24.yaml"
BLIND_25 = Path(__file__).resolve().parent / "claims" / "blind-25.yaml"
BLIND_26 = Path(__file__).resolve().parent / "claims" / "blind-26.yaml"
BLIND_27 = Path(__file__).resolve().parent / "claims" / "blind-27.yaml"
BLIND_28 = Path(__file__).resolve().parent / "claims" / "blind-28.yaml"
BLIND_29 = Path(__file__).resolve().parent / "claims" / "blind-29.yaml"
BLIND_30 = Path(__file__).resolve().parent / "claims" / "blind-30.yaml"
BLIND_31 = Path(__file__).resolve().parent / "claims" / "blind-31.yaml"
BLIND_32 = Path(__file__).resolve().parent / "claims" / "blind-32.yaml"
BLIND_33 = Path(__file__).resolve().parent / "claims" / "blind-33.yaml"
BLIND_34 = Path(__file__).resolve().parent / "claims" / "blind-34.yaml"
# Each set's floors: its first measure's lowest precision and recall, rounded down.
LEARNING_FLOORS = {
    BLIND_12: (0.75, 0.60),
    BLIND_13: (0.80, 0.65),
    BLIND_14: (0.80, 0.55),
    BLIND_15: (0.85, 0.75),
    BLIND_16: (0.90, 0.80),
    BLIND_17: (0.90, 0.75),
    BLIND_18: (0.85, 0.75),
    BLIND_19: (0.80, 0.70),
    BLIND_20: (0.80, 0.60),
    BLIND_21: (0.85, 0.65),
    BLIND_22: (0.90, 0.45),
    BLIND_23: (0.80, 0.40),
    BLIND_24: (0.85, 0.75),
    BLIND_25: (0.80, 0.65),
    BLIND_26: (0.90, 0.85),
    BLIND_27: (0.90, 0.70),
    BLIND_28: (0.90, 0.65),
    BLIND_29: (0.90, 0.55),
    BLIND_30: (0.90, 0.50),
    BLIND_31: (0.85, 0.60),
    BLIND_32: (0.90, 0.75),
    BLIND_33: (0.85, 0.50),
    BLIND_34: (0.85, 0.70),
}
# Written blind after the others were tuned on, measured once and kept untuned.
BLIND_35 = Path(__file__).resolve().parent / "claims" / "blind-35.yaml"
CODES = ("GL501", "GL502", "GL503", "GL504", "GL505")
MIN_PRECISION = 0.95
MIN_RECALL = 0.90
# The blind sets are written to find what the rules miss, hard negatives first: each
# header gives its first measure and the gaps it still shows.
BLIND_MIN_PRECISION, BLIND_MIN_RECALL = 0.90, 0.80

FRONTMATTER = """\
---
company: anyscale
role: ml-ai-engineer
last_updated: 2026-10-01
salary_data_quarter: 2026-Q3
next_review_due: 2027-01-15
compensation:
  - region: San Francisco
    base_low: 195000
    base_high: 255000
    stock_low: 175000
    stock_high: 315000
    bonus_pct: 5
    total_comp_low: 270000
    total_comp_high: 400000
    currency: USD
  - region: New York
    base_low: 190000
    base_high: 250000
    total_comp_low: 265000
    total_comp_high: 393000
    currency: USD
  - region: London
    base_low: 148000
    base_high: 194000
    total_comp_low: 206000
    total_comp_high: 305000
    currency: GBP
data_sources:
  - Levels.fyi
  - Glassdoor
  - Blind
---
# ML/AI Engineer at Anyscale

"""

REFERENCES = """
#### Sources

1. Levels.fyi, ML engineer offers at AI companies, 2025-2026
2. Glassdoor, salaries for the role
3. Blind, verified offer threads
4. Robert Half Technology Salary Guide 2026
5. Ray project documentation

[^lv]: Levels.fyi offer data, October 2026
"""


def load_cases(path: Path = LABELLED) -> list[dict[str, object]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def load_references(path: Path) -> str:
    """The Sources section a set's cases are labelled against: its own, or the default."""
    return yaml.safe_load(path.read_text(encoding="utf-8")).get("references") or REFERENCES


def load_frontmatter(path: Path) -> str:
    """The guide start (frontmatter and title) a set's cases are labelled against:
    its own, or the default."""
    return yaml.safe_load(path.read_text(encoding="utf-8")).get("frontmatter") or FRONTMATTER


def build(
    cases: list[dict[str, object]], references: str = REFERENCES, start: str = FRONTMATTER
) -> tuple[str, list[tuple[int, int]]]:
    """The guide text and the (first, last) file line of each case."""
    parts = [start]
    line = start.count("\n") + 1
    spans = []
    for case in cases:
        text = str(case["text"])
        if case.get("kind") == "item":
            text = "- " + text
        parts.append(text + "\n\n")
        spans.append((line, line + text.count("\n")))
        line += text.count("\n") + 2
    parts.append(references)
    return "".join(parts), spans


def expected(case: dict[str, object]) -> set[str]:
    value = case.get("expect")
    if value is None:
        return set()
    return {value} if isinstance(value, str) else set(value)  # type: ignore[arg-type]


def score(
    path: Path = LABELLED,
) -> tuple[dict[str, tuple[float, float, int, int, int]], list[str]]:
    cases = load_cases(path)
    text, spans = build(cases, load_references(path), load_frontmatter(path))
    diagnostics = lint_text(text, select=CODES)
    found: list[set[str]] = [set() for _ in cases]
    starts = [first for first, _ in spans]
    import bisect

    for diagnostic in diagnostics:
        index = bisect.bisect_right(starts, diagnostic.line) - 1
        if index >= 0 and diagnostic.line <= spans[index][1]:
            found[index].add(diagnostic.code)
    table: dict[str, tuple[float, float, int, int, int]] = {}
    mistakes: list[str] = []
    for code in CODES:
        tp = fp = fn = 0
        for case, got in zip(cases, found, strict=True):
            want = code in expected(case)
            have = code in got
            tp += want and have
            fp += have and not want
            fn += want and not have
            if want != have:
                mistakes.append(f"{code} {'missed' if want else 'false alarm'}: {case['text']}")
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        table[code] = (precision, recall, tp, fp, fn)
    return table, mistakes


def test_labelled_set_is_large_enough() -> None:
    cases = load_cases()
    assert len(cases) >= 150
    assert all(expected(case) <= set(CODES) for case in cases)


def report(
    title: str, table: dict[str, tuple[float, float, int, int, int]], mistakes: list[str]
) -> None:
    print()
    print(title)
    print(f"{'code':6} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for code, (precision, recall, tp, fp, fn) in table.items():
        print(f"{code:6} {precision:9.3f} {recall:7.3f} {tp:4} {fp:4} {fn:4}")
    for line in mistakes:
        print("  " + line)


def held_to_thresholds(
    title: str, path: Path, floors: tuple[float, float] = (MIN_PRECISION, MIN_RECALL)
) -> None:
    """Print a set's table and hold every code to the thresholds."""
    table, mistakes = score(path)
    report(title, table, mistakes)
    precision, recall = floors
    failing = {
        code: values[:2]
        for code, values in table.items()
        if values[0] < precision or values[1] < recall
    }
    assert not failing, f"below precision {precision} or recall {recall}: {failing}"


def test_precision_and_recall_per_code() -> None:
    held_to_thresholds("labelled set", LABELLED)


def test_heldout_set_meets_the_thresholds() -> None:
    """The held-out set is the honest measure: the same thresholds as the labelled set."""
    cases = load_cases(HELDOUT)
    assert len(cases) >= 120
    assert all(expected(case) <= set(CODES) for case in cases)
    held_to_thresholds("held-out set", HELDOUT)


@pytest.mark.parametrize(
    "path",
    [BLIND_2, BLIND_3, BLIND_4, BLIND_5, BLIND_6, BLIND_7, BLIND_8, BLIND_9, BLIND_10, BLIND_11],
    ids=[f"blind-{n}" for n in range(2, 12)],
)
def test_blind_sets_meet_the_thresholds(path: Path) -> None:
    """The blind sets, each labelled against its own guide start and Sources section."""
    title = f"{path.stem} (tuned since its first measure; see its header)"
    held_to_thresholds(title, path, (BLIND_MIN_PRECISION, BLIND_MIN_RECALL))


@pytest.mark.parametrize("path", list(LEARNING_FLOORS), ids=[p.stem for p in LEARNING_FLOORS])
def test_blind_sets_being_learned_keep_their_floors(path: Path) -> None:
    """The sets learned from since newer ones were written do not fall back."""
    title = f"{path.stem} (being learned from; see its header)"
    held_to_thresholds(title, path, LEARNING_FLOORS[path])


def test_untuned_blind_set_is_measured() -> None:
    """The last blind set is a measure, not a target: printed with ``-s``, never tuned on."""
    cases = load_cases(BLIND_35)
    assert len(cases) >= 250
    assert all(expected(case) <= set(CODES) for case in cases)
    table, _ = score(BLIND_35)
    # Its mistakes are not printed: read, they would be tuned on.
    report("blind-35 (untuned: the measure of how the classes generalise)", table, [])
