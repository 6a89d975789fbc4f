"""The top-level fields of a guide that has none, read from the guide itself.

``guidelint sync`` writes what a schema requires and the frontmatter lacks.
The compensation list comes from the table (:mod:`guidelint.sync`); the rest
comes from here, each from one place, never guessed:

- slugs from the file's path, matched against a pattern such as
  ``{company}/{role}.md`` (see :class:`AdoptOptions`);
- display names from the title line (``data/adopt.json``: ``title``);
- the summary and the level comparison from their bold-labelled lines;
- ``data_sources`` from the entries of the Evidence & Sources list;
- dates and the two judgements the page never states (``role_type``,
  ``data_quality``) from options, or dates from the file's last commit.

A field that cannot be read is a GL101 finding at the position looked at.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from guidelint import patterns
from guidelint.config import PATH_PATTERN
from guidelint.diagnostics import Diagnostic, problem
from guidelint.records import Record
from guidelint.resources import data_file

if TYPE_CHECKING:
    from guidelint.document import Guide

DEFAULT_PATH_PATTERN = PATH_PATTERN
DEFAULT_REVIEW_DAYS = 90
_SLUG = patterns.compile(r"[a-z0-9]++(?:-[a-z0-9]++)*+")
_PLACEHOLDER = patterns.compile(r"\{([a-z_]{1,40})\}")
_PLAIN = patterns.compile(r"[A-Za-z][\w .,&/()'+-]*+")


class AdoptOptions(Record, frozen=True):
    """What the page itself does not say, given on the command line."""

    __slots__ = (
        "path_pattern",
        "last_updated",
        "review_days",
        "data_quarter",
        "values",
        "partial",
        "git_dates",
    )

    def __init__(
        self,
        path_pattern: str = DEFAULT_PATH_PATTERN,
        last_updated: dt.date | None = None,
        review_days: int = DEFAULT_REVIEW_DAYS,
        data_quarter: str | None = None,
        values: dict[str, str] | None = None,  # role_type, data_quality
        partial: bool = False,
        git_dates: bool = True,
    ) -> None:
        self.path_pattern = path_pattern
        self.last_updated = last_updated
        self.review_days = review_days
        self.data_quarter = data_quarter
        self.values = {} if values is None else values
        self.partial = partial
        self.git_dates = git_dates


class Adoption(NamedTuple):
    """Frontmatter lines for the fields read, what could not be read, and notes."""

    blocks: dict[str, str]  # each field read: its ``key: value`` text
    problems: list[Diagnostic]
    notes: list[str]  # where a value came from when the page does not show it
    unread: frozenset[str]


def read_fields(
    guide: Guide, names: list[str], options: AdoptOptions, file_path: str | None
) -> Adoption:
    """The YAML text of each of ``names`` that can be read, in order."""
    reader = _Reader(guide, options, file_path)
    blocks: dict[str, str] = {}
    for name in names:
        value = reader.read(name)
        if value is not None:
            blocks[name] = _block(name, value)
    return Adoption(blocks, reader.problems, reader.notes, frozenset(reader.unread))


def _block(name: str, value: Any) -> str:
    if isinstance(value, dict):
        return f"{name}:" + "".join(f"\n  {k}: {yaml_scalar(v)}" for k, v in value.items())
    if isinstance(value, list):
        return f"{name}:" + "".join(f"\n  - {yaml_scalar(v)}" for v in value)
    return f"{name}: {yaml_scalar(value)}"


# Plain words YAML 1.1 reads as null or a boolean: written quoted to stay text.
_YAML_WORDS = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})


def yaml_scalar(value: Any) -> str:
    """A value as a YAML scalar: plain when it reads back as the same text, else quoted."""
    if value is None:
        return "null"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    plain = _PLAIN.fullmatch(text) and ": " not in text and not text.endswith(":")
    if plain and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


class _Reader:
    def __init__(self, guide: Guide, options: AdoptOptions, file_path: str | None) -> None:
        self.guide = guide
        self.options = options
        self.file_path = file_path
        self.problems: list[Diagnostic] = []
        self.notes: list[str] = []
        self.unread: set[str] = set()
        self._commit: dt.date | bool | None = False  # False: not looked up yet
        self._readers: dict[str, Callable[[], Any]] = {
            "company": lambda: self._slug("company"),
            "role": lambda: self._slug("role"),
            "company_display": lambda: self._title(1),
            "role_display": lambda: self._title(0),
            "negotiation_dna_summary": lambda: self._label("negotiation_dna_summary"),
            "level_mapping": self._level_mapping,
            "data_sources": self._sources,
            "last_updated": self._last_updated,
            "next_review_due": self._next_review,
            "salary_data_quarter": self._quarter,
        }

    def read(self, name: str) -> Any:
        reader = self._readers.get(name)
        if reader is not None:
            return reader()
        if name in self.options.values:
            return self.options.values[name]
        option = "--" + name.replace("_", "-")
        self.missing(name, 1, 1, f"the guide does not state it; give {option}")
        return None

    def missing(self, name: str, line: int, column: int, why: str) -> None:
        self.unread.add(name)
        self.problems.append(problem("GL101", line, column, f"`{name}` not read: {why}"))

    def _first_line(self) -> int:
        return self.guide.body_line(0)

    # --- the path -----------------------------------------------------------

    def _slug(self, name: str) -> str | None:
        # The full path: `guidelint sync .` run inside a company's folder still names it.
        where = os.path.abspath(self.file_path) if self.file_path else self.guide.path
        found = path_slugs(where, self.options.path_pattern)
        pattern = self.options.path_pattern
        if name not in found:
            why = f"the path `{self.guide.path}` does not match the pattern `{pattern}`"
            if f"{{{name}}}" not in pattern:
                why = f"the path pattern `{pattern}` has no `{{{name}}}`"
            self.missing(name, 1, 1, why)
            return None
        if not _SLUG.fullmatch(found[name]):
            self.missing(name, 1, 1, f"`{found[name]}` in the path is not a lower-case slug")
            return None
        return found[name]

    # --- the body -----------------------------------------------------------

    def _title(self, part: int) -> str | None:
        for line in self._body_lines():
            if line.startswith("#"):
                title = read_title(line)
                if title is not None:
                    return title[part]
        name = "company_display" if part else "role_display"
        self.missing(
            name, self._first_line(), 1, "no title line `# <Role> | <Company> Negotiation Guide`"
        )
        return None

    def _label(self, name: str) -> str | None:
        for line in self._body_lines():
            found = read_label(line)
            if found is not None and found[0] == name:
                return found[1]
        label = _labels()[name][0]
        self.missing(name, self._first_line(), 1, f"no line opening with `**{label}:**` and text")
        return None

    def _level_mapping(self) -> dict[str, str | None]:
        value: dict[str, str | None] = {"internal": None}
        for line in self._body_lines():
            found = read_label(line)
            if found is not None and found[0] == "level_mapping":
                value["raw"] = found[1]
                break
        return value

    def _sources(self) -> list[str] | None:
        from guidelint.markdown import plain_text

        names = []
        for entry in self.guide.prose.entries:
            if entry.kind == "footnote":
                continue
            line = self.guide.lines[entry.line - 1]
            text = plain_text(_without_marker(line)).strip()
            if entry.kind == "number" and text.startswith(f"[{entry.key}]"):
                text = text[len(entry.key) + 2 :].strip()
            if text:
                names.append(text)
        if not names:
            self.missing(
                "data_sources", self._first_line(), 1, "no entries under an Evidence & Sources list"
            )
            return None
        return names

    def _body_lines(self) -> list[str]:
        return self.guide.body.split("\n")

    # --- dates --------------------------------------------------------------

    def _base_date(self) -> dt.date | None:
        """``--last-updated``, or the file's last commit date (looked up once)."""
        if self.options.last_updated is not None:
            return self.options.last_updated
        if self._commit is False:
            found = commit_date(self.file_path) if self.options.git_dates else None
            self._commit = found
        return self._commit if isinstance(self._commit, dt.date) else None

    def _last_updated(self) -> dt.date | None:
        date = self._base_date()
        if date is None:
            why = "not stated in the guide and the file has no commit; give --last-updated"
            self.missing("last_updated", 1, 1, why)
            return None
        if self.options.last_updated is None:
            self.notes.append(f"last_updated {date} is the date of the file's last commit")
        return date

    def _next_review(self) -> dt.date | None:
        base = self._base_date()
        if base is None:
            self.missing("next_review_due", 1, 1, "no last_updated to count from")
            return None
        due = base + dt.timedelta(days=self.options.review_days)
        self.notes.append(f"next_review_due {due} is {self.options.review_days} days later")
        return due

    def _quarter(self) -> str | None:
        if self.options.data_quarter:
            return self.options.data_quarter
        base = self._base_date()
        if base is None:
            self.missing("salary_data_quarter", 1, 1, "give --data-quarter")
            return None
        quarter = f"{base.year}-Q{(base.month - 1) // 3 + 1}"
        self.notes.append(f"salary_data_quarter {quarter} is the quarter of last_updated")
        return quarter


def _without_marker(line: str) -> str:
    """A list item's line without its ``-`` or ``1.`` marker."""
    text = line.strip()
    head, _, rest = text.partition(" ")
    if head in ("-", "*", "+") or (head[:-1].isdigit() and head[-1:] in (".", ")")):
        return rest.strip()
    return text


def path_slugs(path: str, pattern: str) -> dict[str, str]:
    """The names the pattern's placeholders take in the last parts of ``path``."""
    wanted = pattern.replace("\\", "/").split("/")
    parts = path.replace("\\", "/").split("/")
    if len(parts) < len(wanted):
        return {}
    found: dict[str, str] = {}
    for want, part in zip(wanted, parts[-len(wanted) :], strict=True):
        names = _PLACEHOLDER.findall(want)
        pieces = _PLACEHOLDER.split(want)[::2]
        regex = "".join(
            re.escape(piece) + ("([^/]+?)" if i < len(names) else "")
            for i, piece in enumerate(pieces)
        )
        match = re.fullmatch(regex, part)
        if match is None:
            return {}
        found.update(zip(names, match.groups(), strict=True))
    return found


def read_title(line: str) -> tuple[str, str] | None:
    """The role and company a title line names, or None."""
    spec = data_file("adopt.json")["title"]
    text = line.lstrip("#").strip()
    for ending in spec["endings"]:
        if text.endswith(ending):
            text = text[: -len(ending)].strip()
            break
    else:
        return None
    for separator in spec["separators"]:
        role, sep, company = text.partition(separator)
        if sep and role.strip() and company.strip():
            return role.strip(), company.strip()
    return None


@cache
def _labels() -> dict[str, list[str]]:
    spec = data_file("adopt.json")["labels"]
    return {k: v for k, v in spec.items() if isinstance(v, list)}


def read_label(line: str) -> tuple[str, str] | None:
    """The field a bold-labelled line states and its text, or None."""
    text = line.strip()
    if not text.startswith("**"):
        return None
    for name, labels in _labels().items():
        for label in labels:
            for opening in (f"**{label}:**", f"**{label}**:"):
                if text.startswith(opening):
                    rest = text[len(opening) :].strip()
                    if rest and not rest.startswith("|"):
                        return name, rest
    return None


def commit_date(path: str | None) -> dt.date | None:
    """The committer date of the file's last commit, or None outside git."""
    if not path:
        return None
    folder = os.path.dirname(os.path.abspath(path))
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", os.path.basename(path)],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return dt.date.fromisoformat(done.stdout.strip()) if done.returncode == 0 else None
    except ValueError:
        return None
