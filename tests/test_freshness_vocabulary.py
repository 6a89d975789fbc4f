"""Every class of the freshness vocabulary (guidelint/data/freshness.json) is documented
and its examples hold: a `fail` example draws one of the codes the class applies to, a
`pass` example draws none of them.

A string example is the body of a guide updated 2026-02-23 with 2025-Q4 data from
Levels.fyi and Glassdoor, read on 2026-12-06; a mapping gives its own `data_sources`
(and optionally a body) for the same guide.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conftest import lint_text
from guidelint.resources import data_file

DATA = data_file("freshness.json")
TODAY = dt.date(2026, 12, 6)


def guide(example: str | dict[str, Any]) -> str:
    if isinstance(example, str):
        sources, body = ["Levels.fyi", "Glassdoor"], example
    else:
        sources, body = example["data_sources"], example.get("body", "")
    listed = "".join(f'  - "{name}"\n' for name in sources)
    return (
        "---\n"
        "company: acme\n"
        "role: data-engineer\n"
        "last_updated: 2026-02-23\n"
        "salary_data_quarter: 2025-Q4\n"
        "next_review_due: 2026-08-20\n"
        f"data_sources:\n{listed}"
        "---\n"
        "# Data Engineer at Acme\n\n" + body + "\n"
    )


def examples(kind: str) -> list[Any]:
    return [
        pytest.param(key, tuple(entry["applies"]), example, id=f"{key}: {str(example)[:40]}")
        for key, entry in DATA.items()
        for example in entry[kind]
    ]


def codes(example: str | dict[str, Any], applies: tuple[str, ...]) -> set[str]:
    return {d.code for d in lint_text(guide(example), select=list(applies), today=TODAY)}


@pytest.mark.parametrize("key", sorted(DATA))
def test_every_class_says_what_it_is_for(key: str) -> None:
    entry = DATA[key]
    assert entry["applies"] and set(entry["applies"]) <= {"GL407", "GL408", "GL409"}
    assert len(entry["reason"]) >= 30
    assert entry["fail"] and entry["pass"]
    assert entry.get("words") or entry.get("source_kind")


@pytest.mark.parametrize(("key", "applies", "example"), examples("fail"))
def test_fail_examples_are_reported(key: str, applies: tuple[str, ...], example: Any) -> None:
    assert codes(example, applies), f"{key}: expected one of {applies}"


@pytest.mark.parametrize(("key", "applies", "example"), examples("pass"))
def test_pass_examples_are_not_reported(key: str, applies: tuple[str, ...], example: Any) -> None:
    assert not codes(example, applies), f"{key}: expected none of {applies}"


def test_investor_documents_name_a_claims_source_kind() -> None:
    kinds = data_file("claims.json")["source_kinds"]["kinds"]
    entry = DATA["investor_documents"]
    assert entry["source_kind"] in kinds and entry["unless_kind"] in kinds
