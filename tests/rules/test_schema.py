"""GL1xx: the frontmatter against schemas/guide.schema.json."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, edited, lint_text, positions

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
            "bonus_pct: 5\n    total_comp_low: 188000",
            "bonus_pct: five\n    total_comp_low: 188000",
            ("GL102", 26, 16),
            None,
        ),
        (
            "bonus_pct: 5\n    total_comp_low: 188000",
            "bonus_pct: 5%\n    total_comp_low: 188000",
            ("GL102", 26, 16),
            "10 for 10%",
        ),
        (
            "bonus_pct: 5\n    total_comp_low: 188000",
            "bonus_pct: .nan\n    total_comp_low: 188000",
            ("GL102", 26, 16),
            "is NaN (YAML's `.nan`, not a number)",
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
        # year 0 is no calendar's: a date in it could never be compared with today
        ("last_updated: 2026-10-01", "last_updated: 0000-01-01", ("GL103", 7, 15), "YYYY-MM-DD"),
        (
            "salary_data_quarter: 2026-Q3",
            "salary_data_quarter: 0000-Q1",
            ("GL103", 9, 22),
            "YYYY-Qn",
        ),
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
            "bonus_pct: 5\n    total_comp_low: 188000",
            "bonus_pct: 101\n    total_comp_low: 188000",
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
    text = PARTIAL.replace("    total_comp_low: 188000\n    total_comp_high: 263000\n", "")
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


# -- the real guides' format: tests/fixtures/schema/real-format*.md ------------------

REAL = (FIXTURES / "schema" / "real-format.md").read_text(encoding="utf-8")


def real(*pairs: tuple[str, str], schema_name: str = "guide") -> list[tuple[str, int, int]]:
    from guidelint.config import Settings

    settings = Settings(schema=(("*.md", schema_name),))
    return positions(lint_text(edited(REAL, *pairs), select=("GL1",), settings=settings))


@pytest.mark.parametrize("schema_name", ["guide", "partial-guide"])
def test_real_format_is_clean(schema_name: str) -> None:
    # null figures, bonus_low/bonus_high, signing bonus, stock_type and
    # stock_vest_years, role_type specialty, peer-company level keys and
    # sources given as mappings
    assert real(schema_name=schema_name) == []


@pytest.mark.parametrize(
    "field",
    ["base_low", "stock_high", "bonus_low", "signing_bonus_high", "total_comp_low"],
)
def test_every_figure_may_be_null(field: str) -> None:
    line = next(x for x in REAL.splitlines() if x.startswith(f"    {field}: "))
    assert real((line, f"    {field}: null")) == []


def test_null_bonus_percentage_and_vesting_are_not_known() -> None:
    assert real(("    bonus_pct_high: 15\n", "    bonus_pct_high: null\n")) == []
    assert real(("    stock_vest_years: 4\n", "    stock_vest_years: null\n")) == []


def test_null_is_not_a_string() -> None:
    assert real(("    base_low: 80000\n", '    base_low: "null"\n')) == [("GL102", 13, 15)]


def test_both_bonus_kinds_are_reported_at_the_later() -> None:
    both = (
        "    bonus_pct: 10\n    bonus_pct_high: 15\n",
        "    bonus_low: 6000\n    bonus_high: 9000\n    bonus_pct: 10\n    bonus_pct_high: 15\n",
    )
    assert real(both) == [("GL103", 33, 5)]
    assert real(both, schema_name="partial-guide") == [("GL103", 33, 5)]


def test_an_entry_needs_one_bonus_kind() -> None:
    # the guide schema needs one of them; a partial guide gives only what it knows
    gone = ("    bonus_pct: 10\n    bonus_pct_high: 15\n", "")
    assert real(gone) == [("GL101", 26, 5)]
    assert real(gone, schema_name="partial-guide") == []


def test_absolute_bonus_and_signing_bonus_come_in_pairs() -> None:
    assert real(("    bonus_high: 20000\n", "")) == [("GL101", 12, 5)]
    assert real(("    signing_bonus_low: 10000\n", "")) == [("GL101", 12, 5)]


def test_vesting_years_are_bounded() -> None:
    assert real(("stock_vest_years: 4", "stock_vest_years: 10")) == []
    assert real(("stock_vest_years: 4", "stock_vest_years: 11")) == [("GL103", 18, 23)]
    assert real(("stock_vest_years: 4", "stock_vest_years: 0")) == [("GL103", 18, 23)]


@pytest.mark.parametrize(
    ("role_type", "expected"),
    [("standard", []), ("specialty", []), ("speciality", [("GL103", 6, 12)])],
)
def test_role_type(role_type: str, expected: list[tuple[str, int, int]]) -> None:
    assert real(("role_type: specialty", f"role_type: {role_type}")) == expected


LEVELS = "level_mapping:\n  internal: null\n  raw: L4-L5 at Google, E4-E5 at Meta\n  meta: E4-E5\n"


@pytest.mark.parametrize(
    ("mapping", "expected"),
    [
        ("  internal: null\n", []),
        ("  internal: L4\n", []),
        ("  internal: null\n  raw: L4 at Google\n", []),
        ("  internal: IC3\n  meta: E3-E4\n  google: L4\n", []),
        ("  raw: L4 at Google\n", [("GL101", 45, 1)]),
        ("  internal: null\n  Meta: E3-E4\n", [("GL103", 47, 3)]),
        ("  internal: null\n  meta: 4\n", [("GL102", 47, 9)]),
        ("  internal: null\n  raw: null\n", [("GL102", 47, 8)]),
        ("  internal: ''\n", [("GL103", 46, 13)]),
    ],
)
def test_level_mapping_shapes(mapping: str, expected: list[tuple[str, int, int]]) -> None:
    assert real((LEVELS, "level_mapping:\n" + mapping)) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"| Acme | Google | Meta |"', [("GL105", 47, 8)]),
        ('"  |---|---|  "', [("GL105", 47, 8)]),
        ('"| Acme | Google"', []),  # no closing pipe: not a table row
        ('"IC3 | Band 3 | Google L4"', []),  # pipes as separators in text
    ],
)
def test_raw_table_row(raw: str, expected: list[tuple[str, int, int]]) -> None:
    assert real(("raw: L4-L5 at Google, E4-E5 at Meta", f"raw: {raw}")) == expected


def test_table_row_in_internal_or_peer_key() -> None:
    assert real(("internal: null", 'internal: "| IC3 |"')) == [("GL105", 46, 13)]
    assert real(("meta: E4-E5", 'meta: "| E4 | E5 |"')) == [("GL105", 48, 9)]


def test_table_row_message() -> None:
    text = REAL.replace("raw: L4-L5 at Google, E4-E5 at Meta", 'raw: "| Acme | Google |"')
    found = lint_text(text, select=("GL105",))
    assert [d.message for d in found] == [
        '`level_mapping/raw` is the string "| Acme | Google |", a Markdown table row;'
        " expected the mapping written as text, such as `L4-L5 at Google, E4-E5 at Meta`"
    ]


SOURCE = "  - name: Team interviews\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("  - name: Team interviews\n", []),
        ("  - name: Blind\n    url: http://teamblind.com\n", []),
        ("  - name: Blind\n    date_accessed: 2026-09-15\n", []),
        ("  - name: Blind\n    date_accessed: '2026-09-15'\n", []),
        ("  - url: https://teamblind.com\n", [("GL101", 54, 5)]),
        ("  - name: Blind\n    url: teamblind.com\n", [("GL103", 55, 10)]),
        ("  - name: Blind\n    date_accessed: 2026-09-31\n", [("GL103", 55, 20)]),
        ("  - name: Blind\n    link: https://teamblind.com\n", [("GL104", 55, 5)]),
        ("  - 2026\n", [("GL102", 54, 5)]),
        ("  - ''\n", [("GL103", 54, 5)]),
    ],
)
def test_data_source_shapes(source: str, expected: list[tuple[str, int, int]]) -> None:
    assert real((SOURCE, source)) == expected


def test_real_format_defects_fixture() -> None:
    found = lint_text(
        (FIXTURES / "schema" / "real-format-defects.md").read_text(encoding="utf-8"),
        select=("GL1", "GL2"),
    )
    assert positions(found) == [
        ("GL103", 19, 5),  # bonus_low beside bonus_pct
        ("GL205", 30, 21),  # total_comp_low equals base_low
        ("GL105", 35, 8),  # raw holds the table's header row
        ("GL103", 39, 10),  # url without its scheme
    ]
