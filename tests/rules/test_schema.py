"""GL1xx: the frontmatter against schemas/guide.schema.json."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, lint_text, positions

VALID = (FIXTURES / "valid.md").read_text(encoding="utf-8")


def schema(text: str) -> list[tuple[str, int, int]]:
    return positions(lint_text(text, select=("GL1",)))


def messages(text: str) -> list[str]:
    return [d.message for d in lint_text(text, select=("GL1",))]


def test_valid_guide_is_clean() -> None:
    assert schema(VALID) == []


def test_missing_top_level_field_points_at_frontmatter_start() -> None:
    text = VALID.replace("role_type: standard\n", "")
    assert schema(text) == [("GL101", 2, 1)]
    assert messages(text) == ["missing required field `role_type` at the top level"]


def test_missing_nested_field_points_at_parent() -> None:
    text = VALID.replace("    currency: GBP\n", "")
    assert schema(text) == [("GL101", 21, 5)]
    assert messages(text) == ["missing required field `currency` in `compensation/1`"]


@pytest.mark.parametrize(
    ("old", "new", "expected", "hint"),
    [
        ("base_low: 148000", "base_low: 148K", ("GL102", 22, 15), "175000 for 175K"),
        ("role_display: ML/AI Engineer", "role_display: yes", ("GL102", 5, 15), "yes/no/on/off"),
        ("base_low: 148000", "base_low: 2026-01-01", ("GL102", 22, 15), "unquoted YYYY-MM-DD"),
        (
            "bonus_pct: 5\n    total_comp_low: 206000",
            "bonus_pct: five\n    total_comp_low: 206000",
            ("GL102", 26, 16),
            None,
        ),
        (
            "data_sources:\n  - Levels.fyi\n  - Glassdoor",
            "data_sources: Levels.fyi",
            ("GL102", 33, 15),
            None,
        ),
    ],
)
def test_wrong_type(old: str, new: str, expected: tuple[str, int, int], hint: str | None) -> None:
    text = VALID.replace(old, new, 1)
    found = lint_text(text, select=("GL1",))
    assert positions(found)[:1] == [expected]
    if hint:
        assert hint in found[0].message


def test_date_normalised_before_validation() -> None:
    # an unquoted date is a date, not an error, in a date field and in a text field
    assert schema(VALID.replace("last_updated: 2026-10-01", "last_updated: '2026-10-01'")) == []
    assert schema(VALID.replace("company_display: Anyscale", "company_display: 2026-01-01")) == []


@pytest.mark.parametrize(
    ("old", "new", "expected", "fragment"),
    [
        (
            "data_quality: high",
            "data_quality: excellent",
            ("GL103", 8, 15),
            "allowed values: high, medium, low",
        ),
        ("last_updated: 2026-10-01", 'last_updated: "23 Feb 2026"', ("GL103", 7, 15), "YYYY-MM-DD"),
        ("last_updated: 2026-10-01", "last_updated: 2026-02-30", ("GL103", 7, 15), "YYYY-MM-DD"),
        (
            "salary_data_quarter: 2026-Q3",
            "salary_data_quarter: 2025-Q5",
            ("GL103", 9, 22),
            "YYYY-Qn",
        ),
        (
            "salary_data_quarter: 2026-Q3",
            "salary_data_quarter: Q4 2025",
            ("GL103", 9, 22),
            "YYYY-Qn",
        ),
        ("currency: GBP", "currency: pounds", ("GL103", 29, 15), "ISO 4217"),
        (
            "bonus_pct: 5\n    total_comp_low: 206000",
            "bonus_pct: 101\n    total_comp_low: 206000",
            ("GL103", 26, 16),
            "maximum is 100",
        ),
        ("base_low: 148000", "base_low: -1", ("GL103", 22, 15), "minimum is 0"),
        ("company: anyscale", "company: Any Scale", ("GL103", 2, 10), "slug"),
    ],
)
def test_invalid_value(old: str, new: str, expected: tuple[str, int, int], fragment: str) -> None:
    found = lint_text(VALID.replace(old, new, 1), select=("GL1",))
    assert positions(found) == [expected]
    assert fragment in found[0].message


def test_empty_compensation_list() -> None:
    start = VALID.index("compensation:")
    end = VALID.index("level_mapping:")
    text = VALID[:start] + "compensation: []\n" + VALID[end:]
    assert schema(text) == [("GL103", 11, 15)]


def test_unknown_field_with_suggestion() -> None:
    text = VALID.replace("    stock_high: 236000\n", "    stock_hgih: 236000\n")
    found = lint_text(text, select=("GL104",))
    assert positions(found) == [("GL104", 25, 5)]
    assert found[0].message == "unknown field `stock_hgih`; did you mean `stock_high`?"


def test_unknown_field_without_suggestion() -> None:
    text = VALID.replace("data_quality: high\n", "data_quality: high\nfavourite_colour: blue\n")
    found = lint_text(text, select=("GL104",))
    assert positions(found) == [("GL104", 9, 1)]
    assert found[0].message == "unknown field `favourite_colour`"


def test_null_where_text_required() -> None:
    text = VALID.replace("company_display: Anyscale", "company_display:")
    assert schema(text) == [("GL102", 3, 17)]


def test_schema_rules_skip_unusable_frontmatter() -> None:
    assert schema("---\n- a\n---\n") == []


PARTIAL = VALID.replace(
    "    stock_low: 131000\n    stock_high: 236000\n", "    stock_low: 131000\n"
).replace("    base_low: 148000\n    base_high: 194000\n", "")


def test_field_pairs_and_alternatives_read_as_missing_fields() -> None:
    from guidelint.config import Settings

    settings = Settings(schema=(("*.md", "partial-guide"),))
    text = PARTIAL.replace("    total_comp_low: 206000\n    total_comp_high: 305000\n", "")
    found = lint_text(text, select=("GL1",), settings=settings)
    assert positions(found) == [("GL101", 21, 5), ("GL101", 21, 5)]
    assert sorted(d.message for d in found) == [
        "`compensation/1` needs `base_low` and `base_high`; or `total_comp_low` and `total_comp_high`",
        "missing field `stock_high` in `compensation/1`: required with `stock_low`",
    ]


def test_boolean_in_an_enum_explains_yaml() -> None:
    found = lint_text(VALID.replace("data_quality: high", "data_quality: yes"), select=("GL1",))
    assert positions(found) == [("GL103", 8, 15)]
    assert found[0].message.startswith("`data_quality` is the boolean true; allowed values:")
    assert "yes/no/on/off" in found[0].message
