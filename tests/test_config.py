"""Configuration: discovery walking up, validation against the schema, and its effects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli
from guidelint.config import ConfigError, Settings, discover, key_path, load
from guidelint.diagnostics import Severity
from guidelint.resources import schema_path

OVERDUE = (FIXTURES / "freshness" / "overdue.md").read_text(encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """project/guides/team/guide.md, an overdue guide with stale data (GL401, GL403)."""
    folder = tmp_path / "project" / "guides" / "team"
    folder.mkdir(parents=True)
    (folder / "guide.md").write_text(OVERDUE, encoding="utf-8")
    return tmp_path / "project"


def check(root: Path, *args: str, path: str = "guides") -> tuple[int, list[dict[str, object]], str]:
    result = run_cli(
        ["check", "--today", "2026-11-22", "--select", "GL4", "--format", "json", *args, path],
        cwd=root,
    )
    rows = json.loads(result.stdout) if result.stdout.strip() else []
    return result.returncode, rows, result.stderr


def check_all_codes(root: Path, *args: str) -> tuple[int, list[dict[str, object]], str]:
    """Like :func:`check` but leaves ``select`` to the configuration."""
    result = run_cli(
        ["check", "--today", "2026-11-22", "--format", "json", *args, "guides"], cwd=root
    )
    rows = json.loads(result.stdout) if result.stdout.strip() else []
    return result.returncode, rows, result.stderr


# -- discovery -----------------------------------------------------------------


def test_discovery_walks_up_from_the_file(tree: Path) -> None:
    (tree / "guidelint.toml").write_text("review-window-days = 10\n")
    guide = tree / "guides" / "team" / "guide.md"
    assert discover(guide) == (tree / "guidelint.toml").resolve()
    assert discover(guide.parent) == (tree / "guidelint.toml").resolve()


def test_nearest_file_wins(tree: Path) -> None:
    (tree / "guidelint.toml").write_text("review-window-days = 10\n")
    (tree / "guides" / "pyproject.toml").write_text("[tool.guidelint]\nreview-window-days = 20\n")
    assert discover(tree / "guides" / "team") == (tree / "guides" / "pyproject.toml").resolve()
    assert load(discover(tree / "guides" / "team")).review_window_days == 20


def test_guidelint_toml_beats_pyproject_in_the_same_folder(tree: Path) -> None:
    (tree / "pyproject.toml").write_text("[tool.guidelint]\nreview-window-days = 20\n")
    (tree / "guidelint.toml").write_text("review-window-days = 10\n")
    assert discover(tree / "guides") == (tree / "guidelint.toml").resolve()


def test_pyproject_without_the_table_is_passed_over(tree: Path) -> None:
    (tree / "guides" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tree / "pyproject.toml").write_text("[tool.guidelint]\nmax-data-age-quarters = 9\n")
    found = discover(tree / "guides" / "team" / "guide.md")
    assert found == (tree / "pyproject.toml").resolve()
    assert load(found).max_data_age_quarters == 9


def test_no_configuration_means_defaults(tree: Path) -> None:
    found = discover(tree / "guides")
    assert found is None or tree.resolve() not in found.parents
    assert load(None) == Settings(root=load(None).root)


# -- values --------------------------------------------------------------------


def test_every_key_is_read(tmp_path: Path) -> None:
    """Each key of the configuration schema changes the settings it names."""
    path = tmp_path / "guidelint.toml"
    path.write_text(
        """
select = ["GL1", "GL4"]
ignore = ["GL402"]
fixable = ["GL3"]
unfixable = ["GL306"]
fail-on = "warning"
exclude = ["drafts/**"]
extend-exclude = ["build"]
respect-gitignore = false
force-exclude = true
docs-url = "https://docs.example.org/rules.html"
max-file-size = 1000
review-window-days = 14
max-data-age-quarters = 3
max-review-interval-days = 92
stale-after-days = 120
expired-after-days = 240
max-source-age-days = 365
min-regions = 3
citation-scope = "paragraph"
extend-superlatives = ["peerless"]
ignore-superlatives = ["best"]
cache-dir = ".cache/gl"
region-currency = "local"
total-tolerance = 0.05
unrecorded-share = 0.4
count-magnitudes = true
path-pattern = "{company}--{role}.md"

[severity]
GL401 = "error"

[per-file-ignores]
"guides/legacy/*.md" = ["GL4"]

[schema]
"roles/*.md" = "role-guide"

[currency-symbols]
"S$" = "SGD"

[regions]
Zurich = "CHF"

[plausible-ranges]
USD = { base = [20000, 1500000] }
"""
    )
    schema = json.loads(schema_path("config").read_text(encoding="utf-8"))
    settings = load(path)
    assert settings.source == path and settings.root == tmp_path
    assert settings.select == ("GL1", "GL4")
    assert settings.ignore == ("GL402",)
    assert (settings.fixable, settings.unfixable) == (("GL3",), ("GL306",))
    assert settings.fail_on is Severity.WARNING
    assert settings.exclude == ("drafts/**",)
    assert settings.extend_exclude == ("build",)
    assert (settings.respect_gitignore, settings.force_exclude) == (False, True)
    assert settings.docs_url == "https://docs.example.org/rules.html"
    assert settings.max_file_size == 1000
    assert settings.review_window_days == 14
    assert settings.max_data_age_quarters == 3
    assert settings.max_review_interval_days == 92
    assert (settings.stale_after_days, settings.expired_after_days) == (120, 240)
    assert settings.max_source_age_days == 365
    assert settings.min_regions == 3
    assert settings.plausible_ranges == {"USD": {"base": (20000, 1500000)}}
    assert settings.citation_scope == "paragraph"
    assert settings.extend_superlatives == ("peerless",)
    assert settings.ignore_superlatives == ("best",)
    assert settings.cache_dir == ".cache/gl"
    assert settings.severity == {"GL401": Severity.ERROR}
    assert settings.per_file_ignores == (("guides/legacy/*.md", ("GL4",)),)
    assert settings.schema == (("roles/*.md", "role-guide"),)
    assert settings.currency_symbols == {"S$": "SGD"}
    assert settings.regions == {"Zurich": "CHF"}
    assert settings.region_currency == "local"
    assert settings.total_tolerance == 0.05
    assert settings.unrecorded_share == 0.4
    assert settings.count_magnitudes is True
    assert settings.path_pattern == "{company}--{role}.md"
    text = path.read_text()
    assert all(f"{key} =" in text or f"[{key}]" in text for key in schema["properties"])


def test_whole_floats_become_integers(tmp_path: Path) -> None:
    path = tmp_path / "guidelint.toml"
    path.write_text("review-window-days = 30.0\n")
    value = load(path).review_window_days
    assert value == 30 and isinstance(value, int)


def test_fail_on_never(tmp_path: Path) -> None:
    path = tmp_path / "guidelint.toml"
    path.write_text('fail-on = "never"\n')
    assert load(path).fail_on is None


def test_empty_select_enables_nothing(tree: Path) -> None:
    (tree / "guidelint.toml").write_text("select = []\n")
    code, rows, _ = check_all_codes(tree)
    assert (code, rows) == (0, [])


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        (["select", 0], "select[0]"),
        (["severity", "GL401"], "severity.GL401"),
        (["per-file-ignores", "guides/*.md", 1], 'per-file-ignores."guides/*.md"[1]'),
        ([], ""),
    ],
)
def test_key_path(parts: list[object], text: str) -> None:
    assert key_path(parts) == text


# -- errors name the key -------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "review_window_days = 3",
            "unknown key `review_window_days`; did you mean `review-window-days`?",
        ),
        ("colour = 3", "unknown key `colour`; known keys: cache-dir,"),
        ("review-window-days = -1", "bad value for `review-window-days`: -1; expected at least 0"),
        (
            "review-window-days = true",
            "bad value for `review-window-days`: true; expected a whole number",
        ),
        (
            'review-window-days = "30"',
            'bad value for `review-window-days`: "30"; expected a whole number',
        ),
        (
            "review-window-days = 2.5",
            "bad value for `review-window-days`: 2.5; expected a whole number",
        ),
        (
            "max-data-age-quarters = -1",
            "bad value for `max-data-age-quarters`: -1; expected at least 0",
        ),
        (
            "max-review-interval-days = 0",
            "bad value for `max-review-interval-days`: 0; expected at least 1",
        ),
        ('select = "GL4"', 'bad value for `select`: "GL4"; expected a list such as ["GL4"]'),
        (
            f'extend-superlatives = ["{"a " * 60}"]',
            "; expected at most 100 characters",  # a phrase, not a paragraph
        ),
        (
            'select = ["gl4"]',
            'bad value for `select[0]`: "gl4"; expected a rule code or prefix such as GL4',
        ),
        ('select = ["GL999"]', "bad value for `select[0]`: `GL999` matches no rule code"),
        ('ignore = ["GL4", "GL88"]', "bad value for `ignore[1]`: `GL88` matches no rule code"),
        (
            'fail-on = "warnings"',
            'bad value for `fail-on`: "warnings"; expected one of "error", "warning", "info", "never"',
        ),
        (
            'severity = {GL401 = "loud"}',
            'bad value for `severity.GL401`: "loud"; expected one of "error", "warning", "info"',
        ),
        ('severity = {GL4 = "info"}', "bad key `severity.GL4`: expected a rule code such as GL401"),
        ('severity = {GL499 = "info"}', "bad key `severity.GL499`: no rule has this code"),
        (
            'per-file-ignores = {"*.md" = "GL401"}',
            'bad value for `per-file-ignores."*.md"`: "GL401"; expected a list',
        ),
        (
            'per-file-ignores = {"a/*.md" = ["GL8"]}',
            'bad value for `per-file-ignores."a/*.md"[0]`: `GL8` matches no rule code',
        ),
        (
            'citation-scope = "page"',
            'bad value for `citation-scope`: "page"; expected one of "sentence", "paragraph"',
        ),
        (
            'region-currency = "country"',
            'bad value for `region-currency`: "country"; expected one of "local", "stated"',
        ),
        (
            'regions = {Zurich = "chf"}',
            'bad value for `regions.Zurich`: "chf"; expected an ISO 4217 currency code',
        ),
        ('cache-dir = ""', 'bad value for `cache-dir`: ""; expected non-empty text'),
        ("schema = 3", "bad value for `schema`: 3; expected a table"),
        ("min-regions = -1", "bad value for `min-regions`: -1; expected at least 0"),
        ("stale-after-days = -5", "bad value for `stale-after-days`: -5; expected at least 0"),
        (
            "stale-after-days = 240\nexpired-after-days = 120",
            "bad value for `expired-after-days`: 120; expected more than `stale-after-days` (240)",
        ),
        (
            'max-source-age-days = "1y"',
            'bad value for `max-source-age-days`: "1y"; expected a whole number',
        ),
        (
            "plausible-ranges = {usd = {base = [1, 2]}}",
            "bad key `plausible-ranges.usd`: expected an ISO 4217 currency code such as GBP",
        ),
        (
            "plausible-ranges = {USD = {base = [900000, 15000]}}",
            "bad value for `plausible-ranges.USD.base`: [900000, 15000]; expected the lower bound",
        ),
        (
            "plausible-ranges = {USD = {base = [-1, 15000]}}",
            "bad value for `plausible-ranges.USD.base[0]`: -1; expected at least 0",
        ),
        (
            "plausible-ranges = {USD = {wage = [1, 2]}}",
            "unknown key `plausible-ranges.USD.wage`; known keys: base, parts, total",
        ),
        (
            "plausible-ranges = {USD = {base = [1]}}",
            "bad value for `plausible-ranges.USD.base`: [1]; expected a list of 2 items",
        ),
        (
            "plausible-ranges = {USD = {bse = [1, 2]}}",
            "unknown key `plausible-ranges.USD.bse`; did you mean `base`?",
        ),
        ("total-tolerance = 5", "bad value for `total-tolerance`: 5; expected less than 1"),
        ("select = [", "invalid TOML"),
    ],
)
def test_bad_configuration(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "guidelint.toml"
    path.write_text(toml + "\n")
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[tool.guidelint]\nfoo = 1\n", "[tool.guidelint]: unknown key `foo`"),
        ("[tool]\nguidelint = 3\n", "[tool.guidelint]: expected a table, found int"),
        ("[tool.guidelint\n", "invalid TOML"),
    ],
)
def test_bad_pyproject(tree: Path, toml: str, message: str) -> None:
    (tree / "pyproject.toml").write_text(toml)
    code, rows, err = check(tree)
    assert code == 2 and rows == []
    assert "pyproject.toml" in err and message in err


def test_pyproject_with_a_scalar_tool_is_passed_over(tree: Path) -> None:
    (tree / "pyproject.toml").write_text("tool = 3\n")
    assert (
        discover(tree / "guides") is None or tree.resolve() not in discover(tree / "guides").parents
    )


def test_bad_value_exits_2_naming_the_key(tree: Path) -> None:
    (tree / "guidelint.toml").write_text("review-window-days = -5\n")
    code, _, err = check(tree)
    assert code == 2
    assert err.startswith("guidelint: error: ")
    assert "`review-window-days`" in err and "Traceback" not in err


def test_audit_reports_configuration_errors_too(tree: Path) -> None:
    (tree / "guidelint.toml").write_text("unknown-thing = 1\n")
    result = run_cli(["audit", "--today", "2026-11-22", "guides"], cwd=tree)
    assert result.returncode == 2 and "`unknown-thing`" in result.stderr


# -- effects on a run ----------------------------------------------------------------


def test_thresholds_from_configuration(tree: Path) -> None:
    code, rows, _ = check(tree)
    assert code == 0 and [r["code"] for r in rows] == ["GL403", "GL401"]
    (tree / "guidelint.toml").write_text("max-data-age-quarters = 4\n")
    assert [r["code"] for r in check(tree)[1]] == ["GL401"]
    (tree / "guidelint.toml").write_text("max-data-age-quarters = 3\n")
    assert [r["code"] for r in check(tree)[1]] == ["GL403", "GL401"]


def test_pyproject_table_is_read(tree: Path) -> None:
    (tree / "pyproject.toml").write_text(
        '[project]\nname = "guides"\n\n[tool.guidelint]\nmax-data-age-quarters = 4\n'
    )
    assert [r["code"] for r in check(tree)[1]] == ["GL401"]


def test_severity_override_and_fail_on(tree: Path) -> None:
    code, rows, _ = check(tree)
    assert code == 0 and {r["severity"] for r in rows} == {"warning"}
    (tree / "guidelint.toml").write_text('[severity]\nGL401 = "error"\n')
    code, rows, _ = check(tree)
    assert code == 1
    assert [(r["code"], r["severity"]) for r in rows] == [("GL403", "warning"), ("GL401", "error")]
    (tree / "guidelint.toml").write_text('fail-on = "warning"\n')
    assert check(tree)[0] == 1
    (tree / "guidelint.toml").write_text('fail-on = "never"\n[severity]\nGL401 = "error"\n')
    assert check(tree)[0] == 0
    # The command line's --fail-on wins over the configuration.
    assert check(tree, "--fail-on", "warning")[0] == 1


def test_per_file_ignores_are_relative_to_the_configuration(tree: Path) -> None:
    (tree / "guidelint.toml").write_text('[per-file-ignores]\n"guides/team/*.md" = ["GL401"]\n')
    assert [r["code"] for r in check(tree)[1]] == ["GL403"]
    # Run from another folder: the glob still matches relative to the file's configuration.
    result = run_cli(
        [
            "check",
            "--today",
            "2026-11-22",
            "--select",
            "GL4",
            "--format",
            "json",
            str(tree / "guides"),
        ],
        cwd=tree.parent,
    )
    assert [r["code"] for r in json.loads(result.stdout)] == ["GL403"]
    (tree / "guidelint.toml").write_text('[per-file-ignores]\n"other/*.md" = ["GL4"]\n')
    assert [r["code"] for r in check(tree)[1]] == ["GL403", "GL401"]


def test_command_line_select_replaces_and_ignore_adds(tree: Path) -> None:
    (tree / "guidelint.toml").write_text('select = ["GL401"]\nignore = ["GL403"]\n')
    assert [r["code"] for r in check_all_codes(tree)[1]] == ["GL401"]
    # --select replaces the configured select (GL403 stays ignored by the configuration).
    assert [r["code"] for r in check_all_codes(tree, "--select", "GL4")[1]] == ["GL401"]
    (tree / "guidelint.toml").write_text('select = ["GL403"]\n')
    assert [r["code"] for r in check_all_codes(tree, "--select", "GL401")[1]] == ["GL401"]
    # --ignore adds to the configured ignore.
    (tree / "guidelint.toml").write_text('select = ["GL4"]\nignore = ["GL401"]\n')
    assert [r["code"] for r in check_all_codes(tree)[1]] == ["GL403"]
    assert check_all_codes(tree, "--ignore", "GL403")[1] == []


def test_explicit_config_and_isolated(tree: Path, tmp_path: Path) -> None:
    (tree / "guidelint.toml").write_text("max-data-age-quarters = 9\n")
    other = tmp_path / "strict.toml"
    other.write_text('[severity]\nGL403 = "info"\n')
    assert [r["code"] for r in check(tree)[1]] == ["GL401"]
    rows = check(tree, "--config", str(other))[1]
    assert [(r["code"], r["severity"]) for r in rows] == [("GL403", "info"), ("GL401", "warning")]
    assert [r["code"] for r in check(tree, "--isolated")[1]] == ["GL403", "GL401"]
    code, _, err = check(tree, "--config", str(tmp_path / "absent.toml"))
    assert code == 2 and "--config" in err
    # the two contradict each other: one names a file, the other ignores them all
    code, _, err = check(tree, "--config", str(other), "--isolated")
    assert code == 2 and "--config and --isolated cannot be used together" in err


def test_readme_examples_are_valid(tmp_path: Path) -> None:
    """The pyproject.toml and guidelint.toml examples in the README load and agree."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- section: configuration -->")
    section = readme[start : readme.index("<!-- /section: configuration -->")]
    blocks = section.split("```toml\n")[1:]
    assert len(blocks) == 2
    loaded = []
    for name, block in zip(("pyproject.toml", "guidelint.toml"), blocks, strict=True):
        folder = tmp_path / name.split(".")[0]
        folder.mkdir()
        (folder / name).write_text(block.split("```")[0], encoding="utf-8")
        settings = load(discover(folder))
        loaded.append({k: v for k, v in settings._asdict().items() if k not in ("root", "source")})
    assert loaded[0] == loaded[1]
    assert loaded[0]["severity"] == {"GL401": Severity.ERROR}


def test_empty_table_key_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "guidelint.toml").write_text('[currency-symbols]\n"" = "CAD"\n')
    (tmp_path / "g.md").write_text("---\na: 1\n---\n")
    result = run_cli(["check", "g.md"], cwd=tmp_path)
    assert result.returncode == 2
    assert "empty key in `currency-symbols`" in result.stderr
