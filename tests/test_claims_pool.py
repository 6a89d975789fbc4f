"""Precision and recall of GL501, GL502 and GL504 on both halves of the pool.

The pool (``../shared/realworld-pool/``) is split by company in
``tests/pool/split.yaml``; the labels in ``tests/pool/labels-*.yaml`` were written
blind, from each guide, before the claims rules ran on it (see
``tests/pool/LABELLING.md``).  The claims rules are tuned on the tuning half only;
the measuring half is measured.  Print the tables, and the tuning half's mistakes, with
``python -m pytest tests/test_claims_pool.py -q -s``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_claims_realworld import CODES, Case, Score, findings, lint_name, score, sentence_spans

from conftest import lint_text

POOL = Path(__file__).resolve().parent / "pool"
LABELS = ("supported", "unsupported", "none")
LABELLED_CODES = {*CODES, "GL505"}
# The targets set for the claims rules on the measuring half, printed beside the
# scores, and the floors the tests keep: what the rules reached when the measuring
# half was last scored (a code is held to its floor once it fires five times).
TARGET_PRECISION, TARGET_RECALL = 0.92, 0.85
FLOORS = {
    # the tuning half's later labellings count magnitudes ("millions of users"), of
    # which GL501 reads user bases, rates and money without count-magnitudes: its
    # recall floor is 0.70; its
    # precision floors are what the rules reach with the labellings of seeds
    # 20261222-23 added (0.936 and 0.938)
    "tune": ({"GL501": 0.93, "GL502": 0.93, "GL504": 0.90}, 0.70),
    # the measuring half's recall floor is 0.70 since the labelling of seed 20261303
    # (199 sentences of 12 guides no label had covered) brought it to 0.745
    "measure": ({"GL501": 0.85, "GL502": 0.70, "GL504": 0.90}, 0.70),
}


def load(half: str) -> list[Case]:
    cases = []
    for path in sorted(POOL.glob(f"labels-{half}*.yaml")):
        for c in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            codes = frozenset(c["codes"])
            cases.append(Case(c["file"], c["line"], c["column"], c["label"], codes, c["why"]))
    return cases


def scored(shared: Path, half: str, *, show_mistakes: bool) -> dict[str, Score]:
    cases = load(half)
    table, mistakes = score(cases, findings(shared, cases))
    print(f"\npool, {half} half: {len(cases)} sentences")
    print(f"{'code':6} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for code, s in table.items():
        print(f"{code:6} {s.precision:9.3f} {s.recall:7.3f} {s.tp:4} {s.fp:4} {s.fn:4}")
    # The measuring half's mistakes are not shown: reading them would tune on it.
    for line in sorted(mistakes, key=lambda m: m.split(" ", 1)[1]) if show_mistakes else ():
        print("  " + line)
    return table


@pytest.mark.parametrize("half", ["tune", "measure"])
def test_labels_are_well_formed(half: str) -> None:
    cases = load(half)
    split = yaml.safe_load((POOL / "split.yaml").read_text(encoding="utf-8"))
    assert len({(c.file, c.line, c.column) for c in cases}) == len(cases), "duplicate positions"
    assert all(c.label in LABELS for c in cases)
    assert all(bool(c.codes) == (c.label == "unsupported") for c in cases)
    assert all(c.codes <= LABELLED_CODES for c in cases)
    # the tuning half may also label ../shared/realworld/, which tuning may read
    pooled = {c.file.split("/")[1] for c in cases if c.file.startswith("realworld-pool/")}
    assert pooled <= set(split[half])
    assert all(c.file.startswith("realworld-pool/") or half == "tune" for c in cases)
    assert len(cases) >= (400 if half == "measure" else 200)


@pytest.mark.parametrize("half", ["tune", "measure"])
def test_every_labelled_position_starts_a_sentence(shared: Path, half: str) -> None:
    drifted = [
        f"{c.file}:{c.line}:{c.column}"
        for c in load(half)
        if (c.line, c.column) not in sentence_spans(shared / c.file)
    ]
    assert not drifted, f"labelled positions that no longer start a sentence: {drifted}"


def held_to_floors(table: dict[str, Score], half: str) -> None:
    precision, recall = FLOORS[half]
    fired = {code for code in precision if table[code].tp + table[code].fp >= 5}
    low = {c: round(table[c].precision, 3) for c in fired if table[c].precision < precision[c]}
    print(f"targets: precision {TARGET_PRECISION} per code, recall {TARGET_RECALL} together")
    assert not low, f"precision under the floor on the {half} half: {low}"
    assert table["all"].recall >= recall, f"recall {table['all'].recall:.3f} on the {half} half"


def test_tuning_half(shared: Path) -> None:
    held_to_floors(scored(shared, "tune", show_mistakes=True), "tune")


def test_measuring_half(shared: Path) -> None:
    held_to_floors(scored(shared, "measure", show_mistakes=False), "measure")


def test_labellers_agree_on_the_doubly_labelled_sentences() -> None:
    """A second labeller, blind to the first and to guidelint, labelled measuring parts
    1-2 again: scored against the first labeller, the second shows how far people
    agree, the ceiling against which the rules' scores on this half are read."""
    first = {(c.file, c.line, c.column): c.codes for c in load("measure")}
    second = []
    for path in sorted((POOL / "agreement").glob("*.yaml")):
        second += yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert len(second) >= 150
    print("\nsecond labeller against the first, measuring parts 1-2")
    for code in CODES:
        pairs = [
            (code in first[(c["file"], c["line"], c["column"])], code in c["codes"]) for c in second
        ]
        tp = sum(a and b for a, b in pairs)
        fp = sum(b and not a for a, b in pairs)
        fn = sum(a and not b for a, b in pairs)
        print(f"{code:6} {Score(tp, fp, fn).precision:9.3f} {Score(tp, fp, fn).recall:7.3f}")


@pytest.mark.parametrize("half", ["tune", "measure"])
def test_judged_findings(shared: Path, half: str) -> None:
    """Claim findings drawn at random and judged right or wrong by reading the guide
    (``tests/pool/claims-findings-<half>*.yaml``): the share right among those still
    reported, as an editor reading a report would count it."""
    drawn_in = [
        finding
        for path in sorted(POOL.glob(f"claims-findings-{half}*.yaml"))
        for finding in yaml.safe_load(path.read_text(encoding="utf-8"))["findings"]
    ]
    by_file: dict[str, list[dict]] = {}
    for finding in drawn_in:
        by_file.setdefault(finding["at"].split(":")[0], []).append(finding)
    right: dict[str, list[bool]] = {}
    for file, drawn in by_file.items():
        reported = {
            (d.code, d.line, d.column)
            for d in lint_text((shared / file).read_bytes(), select=("GL5",), path=lint_name(file))
        }
        for finding in drawn:
            _, line, column = finding["at"].split(":")
            if (finding["code"], int(line), int(column)) in reported:
                right.setdefault(finding["code"], []).append(finding["right"])
    print(f"\n{half} half: judged claim findings still reported, of {len(drawn_in)} drawn")
    for code, marks in sorted(right.items()):
        print(f"{code:6} {sum(marks) / len(marks):6.3f} {sum(marks):4}/{len(marks)}")
    every = [mark for marks in right.values() for mark in marks]
    assert sum(every) / len(every) >= 0.85
