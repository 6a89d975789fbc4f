"""The stored form of cached diagnostics, and how it is checked before use.

A diagnostic is stored as a row ``[line, column, end_line, end_column, code,
name, severity, message, fix, related]``.  :func:`encode` writes code, name
and message inline; that is what workers hand back and what :func:`decode`
reads.  The cache file itself names them by their index in its ``strings``
table, and leaves ``fix`` and ``related`` out when there are none: across
10,000 guides most codes, names and messages repeat, so the file is a third
of the size, loads without a per-object hook, and holds one copy of each
string in memory.

A loaded file is never trusted.  :func:`checked` looks at all its rows at once,
column by column, with builtins that run at C speed; only a file that fails
is then checked entry by entry, and only its damaged entries are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain, compress
from typing import Any

from guidelint.diagnostics import Diagnostic, Fix, Related, Severity

# [line, column, end_line, end_column, code, name, severity, message, fix, related]
Entry = list[Any]
SHORT = 8  # a stored row without fix and related findings
# code, severity, message, name and whether it is fixable: what the text report's words show
WordsKey = tuple[str, Severity, str, str, bool]
Words = Callable[[str, Severity, str, str, bool], str]

_SEVERITY = {int(level): level for level in Severity}
_CODE = re.compile(r"GL[0-9]{3}")
_NAME = re.compile(r"[a-z0-9]++(?:-[a-z0-9]++)*+")  # a rule's name: never shown escaped
_INTS = {int}
_OPTIONAL_INTS = {int, type(None)}


def _encode_fix(fix: Fix | None) -> list[Any] | None:
    if fix is None:
        return None
    return [fix.line, fix.column, fix.end_line, fix.end_column, fix.text, fix.description]


def encode(diagnostics: list[Diagnostic]) -> list[Entry]:
    out: list[Entry] = []
    for d in diagnostics:
        out.append(
            [
                d.line,
                d.column,
                d.end_line,
                d.end_column,
                d.code,
                d.name,
                int(d.severity),
                d.message,
                _encode_fix(d.fix),
                [[r.line, r.column, r.code, r.message, _encode_fix(r.fix)] for r in d.related],
            ]
        )
    return out


def _decode_fix(fix: Any) -> Fix | None:
    if fix is None:
        return None
    if type(fix) is not list or len(fix) != 6:
        raise ValueError("malformed fix")
    made = Fix(_int(fix[0]), _int(fix[1]), _int(fix[2]), _int(fix[3]), _str(fix[4]), _str(fix[5]))
    made.text.encode("utf-8")
    return made


def _decode_related(related: Any) -> tuple[Related, ...]:
    if type(related) is not list:
        raise ValueError("malformed related findings")
    found = []
    for item in related:
        if type(item) is not list or len(item) != 5:
            raise ValueError("malformed related finding")
        line, column, code, message, fix = item
        if not _CODE.fullmatch(_str(code)):
            raise ValueError("malformed related finding")
        _str(message).encode("utf-8")
        found.append(Related(_int(line), _int(column), code, message, _decode_fix(fix)))
    return tuple(found)


def _int(value: Any) -> int:
    if type(value) is not int:
        raise ValueError("not an integer")
    return value


def _str(value: Any) -> str:
    if type(value) is not str:
        raise ValueError("not a string")
    return value


def decode(entry: Any, path: str) -> list[Diagnostic]:
    """Diagnostics from an entry as :func:`encode` wrote it; ValueError when it
    is not exactly that."""
    if type(entry) is not list:
        raise ValueError("entry is not a list")
    found: list[Diagnostic] = []
    for item in entry:
        if type(item) is not list or len(item) != 10:
            raise ValueError("malformed diagnostic")
        line, column, end_line, end_column, code, name, severity, message, fix, related = item
        if not (
            type(line) is int
            and type(column) is int
            and (end_line is None or type(end_line) is int)
            and (end_column is None or type(end_column) is int)
            and type(code) is str
            and type(name) is str
            and type(message) is str
            and type(severity) is int
            and severity in _SEVERITY
            and _CODE.fullmatch(code)
            and _NAME.fullmatch(name)
        ):
            raise ValueError("malformed diagnostic")
        # A lone surrogate cannot be written to any report: UnicodeEncodeError
        # is a ValueError, so the entry is dropped as damaged.
        message.encode("utf-8")
        found.append(
            Diagnostic(
                path,
                line,
                column,
                code,
                message,
                end_line,
                end_column,
                name,
                _SEVERITY[severity],
                None if fix is None else _decode_fix(fix),
                () if type(related) is list and not related else _decode_related(related),
            )
        )
    return found


class Stored:
    """One file's findings as a checked cache file holds them: rows over its
    string table.  A warm run reports thousands of files, so the text report
    and the summary read the rows directly (:meth:`tally`, :meth:`text`)
    and Diagnostic objects are only built when asked for."""

    __slots__ = ("rows", "strings")

    def __init__(self, rows: list[Entry], strings: list[str]) -> None:
        self.rows = rows
        self.strings = strings  # the table as loaded; saving makes a new one

    def diagnostics(self, path: str) -> list[Diagnostic]:
        strings, severity = self.strings, _SEVERITY
        # Two literal calls, not one with a starred tail: most rows are short, and a
        # starred argument would build a tuple for every one of them.
        return [
            Diagnostic(
                path,
                r[0],
                r[1],
                strings[r[4]],
                strings[r[7]],
                r[2],
                r[3],
                strings[r[5]],
                severity[r[6]],
            )
            if len(r) == SHORT
            else Diagnostic(
                path,
                r[0],
                r[1],
                strings[r[4]],
                strings[r[7]],
                r[2],
                r[3],
                strings[r[5]],
                severity[r[6]],
                _decode_fix(r[8]),
                _decode_related(r[9]),
            )
            for r in self.rows
        ]

    def tally(self, by_severity: Counter[Severity], by_code: Counter[str]) -> int:
        """Count each finding's severity and code; return how many are fixable."""
        strings, severity = self.strings, _SEVERITY
        fixable = 0
        for r in self.rows:
            by_severity[severity[r[6]]] += 1
            by_code[strings[r[4]]] += 1
            if len(r) != SHORT and _fixable(r):
                fixable += 1
        return fixable

    def text(self, shown: str, words: Words, rendered: dict[WordsKey, str]) -> str:
        """The text report's lines, ``shown:line:column: words``, where ``words``
        renders a finding's code, severity, message, name and fixability, each
        distinct one once: ``rendered`` keeps them across files (cached results
        over thousands of guides repeat most findings word for word)."""
        strings, severity = self.strings, _SEVERITY
        lines = []
        for r in self.rows:
            key = (
                strings[r[4]],
                severity[r[6]],
                strings[r[7]],
                strings[r[5]],
                len(r) != SHORT and _fixable(r),
            )
            found = rendered.get(key)
            if found is None:
                found = rendered[key] = words(*key)
            lines.append(f"{shown}:{r[0]}:{r[1]}: {found}\n")
        return "".join(lines)


def _fixable(row: Entry) -> bool:
    """Whether a long row carries a fix, its own or one folded into it."""
    return row[8] is not None or any(item[4] is not None for item in row[9])


# ---------------------------------------------------------------- checking a loaded file


def table_ok(strings: Any) -> bool:
    """A list of strings that every report can hold (no lone surrogate)."""
    if type(strings) is not list or not set(map(type, strings)) <= {str}:
        return False
    try:
        "".join(strings).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def checked(entries: dict[str, Any], strings: list[str]) -> dict[str, Any] | None:
    """``entries`` when every one is a well-formed stored entry, else None.

    All rows are gathered and looked at column by column: each column's types
    as a set, indices by their least and greatest, each distinct code and rule
    name once.
    """
    try:
        lists = [value["d"] for value in entries.values()]
    except (TypeError, KeyError, IndexError):
        return None
    if not set(map(type, lists)) <= {list}:
        return None
    rows = list(chain.from_iterable(lists))
    if not set(map(type, rows)) <= {list}:
        return None
    lengths = list(map(len, rows))
    if not set(lengths) <= {SHORT, 10} or not _columns_ok(rows, len(strings), strings):
        return None
    try:
        for row in compress(rows, map(SHORT.__ne__, lengths)):
            _decode_fix(row[8])
            _decode_related(row[9])
    except ValueError:
        return None
    return entries


def _columns_ok(rows: list[Entry], size: int, strings: list[str]) -> bool:
    if not rows:
        return True
    # zip stops at the shortest row: the columns every row has
    line, column, end_line, end_column, code, name, severity, message = list(
        zip(*rows, strict=False)
    )[:SHORT]
    return (
        set(map(type, line)) == _INTS
        and set(map(type, column)) == _INTS
        and set(map(type, end_line)) <= _OPTIONAL_INTS
        and set(map(type, end_column)) <= _OPTIONAL_INTS
        and set(map(type, severity)) == _INTS
        and set(severity) <= _SEVERITY.keys()
        and all(_indices_ok(column, size) for column in (code, name, message))
        and all(_CODE.fullmatch(strings[index]) for index in set(code))
        and all(_NAME.fullmatch(strings[index]) for index in set(name))
    )


def _indices_ok(column: tuple[Any, ...], size: int) -> bool:
    return set(map(type, column)) == _INTS and min(column) >= 0 and max(column) < size


def salvaged(entries: Any, strings: list[str]) -> dict[str, Any]:
    """The well-formed entries of a file that failed :func:`checked`, one by one;
    entries written inline (by :func:`encode`) are stored form once read."""
    index = {text: at for at, text in enumerate(strings)}
    kept: dict[str, Any] = {}
    for key, value in entries.items():
        if type(value) is not dict or type(value.get("d")) is not list:
            continue
        try:
            rows = [_inline(row, strings) for row in value["d"]]
            decode(rows, "")
        except (ValueError, TypeError, IndexError):
            continue
        kept[key] = {**value, "d": [_stored(row, index, strings) for row in rows]}
    return kept


def _inline(row: Any, strings: list[str]) -> Any:
    """A stored row with its code, name and message written out (other values
    are left for :func:`decode` to refuse)."""
    if type(row) is not list or len(row) not in (SHORT, 10):
        return row
    line, column, end_line, end_column, code, name, severity, message, *rest = row
    fix, related = rest or (None, [])
    code, name, message = (_text(value, strings) for value in (code, name, message))
    return [line, column, end_line, end_column, code, name, severity, message, fix, related]


def _text(value: Any, strings: list[str]) -> Any:
    if type(value) is not int:
        return value
    if not 0 <= value < len(strings):
        raise ValueError("string index out of range")
    return strings[value]


def _stored(row: Entry, index: dict[str, int], strings: list[str]) -> Entry:
    """An inline row in the stored form, adding new strings to ``strings``."""

    def at(text: str) -> int:
        found = index.get(text)
        if found is None:
            found = index[text] = len(strings)
            strings.append(text)
        return found

    line, column, end_line, end_column, code, name, severity, message, fix, related = row
    stored = [line, column, end_line, end_column, at(code), at(name), severity, at(message)]
    return stored if fix is None and not related else [*stored, fix, related]


def packed(
    entries: Iterable[tuple[str, dict[str, Any]]], strings: list[str]
) -> tuple[dict[str, Any], list[str]]:
    """Entries in the stored form over a new table holding only the strings they
    use; their rows may be inline or refer to ``strings``."""
    table: list[str] = []
    index: dict[str, int] = {}
    out: dict[str, Any] = {}
    for key, value in entries:
        rows = [row if type(row[4]) is str else _inline(row, strings) for row in value["d"]]
        out[key] = {**value, "d": [_stored(row, index, table) for row in rows]}
    return out, table
