"""Every class of the claims vocabulary (guidelint/data/claims.json) is documented and
its examples hold: a `fail` sentence draws one of the codes the class applies to, a
`pass` sentence draws none of them.  Each example is linted as the one paragraph of
a guide whose frontmatter lists Levels.fyi and Glassdoor and holds San Francisco pay.
"""

from __future__ import annotations

import pytest

from conftest import lint_text
from guidelint.config import Settings
from guidelint.resources import data_file

CLAIM_CODES = ("GL501", "GL502", "GL503", "GL504", "GL505", "GL506", "GL507")
FRONT = """\
---
company: acme
role: data-engineer
compensation:
  - region: San Francisco
    base_low: 195000
    base_high: 255000
    currency: USD
data_sources:
  - Levels.fyi
  - Glassdoor
---

"""
DATA = data_file("claims.json")


def examples(kind: str) -> list[tuple[str, tuple[str, ...], str]]:
    return [
        pytest.param(key, tuple(entry["applies"]), text, id=f"{key}: {text[:40]}")
        for key, entry in DATA.items()
        for text in entry.get(kind, ())
    ]


# Every optional reading is on, so that the classes it reads are exercised too.
SETTINGS = Settings(count_magnitudes=True)


def codes(text: str) -> set[str]:
    return {d.code for d in lint_text(FRONT + text + "\n", select=CLAIM_CODES, settings=SETTINGS)}


@pytest.mark.parametrize("key", sorted(DATA))
def test_every_class_says_what_it_is_for(key: str) -> None:
    entry = DATA[key]
    assert isinstance(entry, dict), f"{key} is a bare list: give it applies, reason and examples"
    assert entry["applies"] and isinstance(entry["applies"], list)
    assert len(entry["reason"]) >= 30
    assert "fail" in entry and "pass" in entry


@pytest.mark.parametrize(("key", "applies", "text"), examples("fail"))
def test_fail_examples_are_reported(key: str, applies: tuple[str, ...], text: str) -> None:
    assert codes(text) & set(applies), f"{key}: expected one of {applies}"


@pytest.mark.parametrize(("key", "applies", "text"), examples("pass"))
def test_pass_examples_are_not_reported(key: str, applies: tuple[str, ...], text: str) -> None:
    assert not codes(text) & set(applies), f"{key}: expected none of {applies}"


def test_pay_components_group_their_words() -> None:
    """Each word of `pay_components` names one component, and the words that name
    frontmatter fields are among them: the sentence pattern and the field lookup
    read the one class."""
    entry = DATA["pay_components"]
    grouped = [word for words in entry["components"].values() for word in words]
    assert sorted(grouped) == sorted(entry["words"])
    assert len(set(grouped)) == len(grouped)
    assert set(entry["fields"]) <= set(grouped)
