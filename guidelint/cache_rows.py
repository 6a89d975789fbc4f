"""The stored form of cached diagnostics, and how it is checked before use.

:func:`encode` writes a diagnostic as a row ``[line, column, end_line,
end_column, code, name, severity, message, fix, related]`` with its strings
inline; that is what workers hand back.  :func:`decode` checks such rows
(and reads them back as diagnostics) before they are packed into the file.

The cache file stores findings more compactly.  All its findings are one run
of integers (``"rows"``, base64 of a native ``array``), :data:`STRIDE` per
finding: line, column, end line, end column, code, rule name, severity and
message (a missing end is -1; code, name and message index the file's
``strings`` table).  An entry is ``{"used": day, "at": first, "n": count}``,
the findings ``first`` to ``first + count`` of the run, and, only when some of
them has one, ``"x": [[index, fix, related], ...]`` for those carrying a fix
or folded-in findings.  Across 10,000 guides most codes, names and messages
repeat, and the integers load as one object: the file loads fast and holds
one copy of each string in memory.

A loaded file is never trusted.  :func:`checked` looks at all its integers at
once, column by column, with builtins that run at C speed; only a file that
fails is then checked entry by entry, and only its damaged entries are
dropped.
"""

from __future__ import annotations

import base64
import binascii
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from guidelint import patterns
from guidelint.diagnostics import Diagnostic, Fix, Related, Severity

# [line, column, end_line, end_column, code, name, severity, message, fix, related]
Entry = list[Any]
STRIDE = 8  # integers a stored finding takes in the file's "rows"
NO_END = -1  # a finding without an end, as stored
POSITION_MAX = (1 << 31) - 1  # the greatest line or column the stored form holds
# How "rows" may be written: bytes per integer and byte order, and the array type
# read with; two bytes each when every integer fits (most guides' do), else four.
_NARROW, _WIDE = array("h"), array("i")
_TYPECODES = {f"{a.itemsize}{sys.byteorder}": a.typecode for a in (_NARROW, _WIDE)}
_NARROW_RANGE = (-(1 << (8 * _NARROW.itemsize - 1)), (1 << (8 * _NARROW.itemsize - 1)) - 1)
RENDERED_LIMIT = 4096  # distinct findings whose report words a warm run keeps for reuse
# code, severity, message, name and whether it is fixable: what the text report's words show
WordsKey = tuple[str, Severity, str, str, bool]
Words = Callable[[str, Severity, str, str, bool], str]

_SEVERITY = {int(level): level for level in Severity}
_CODE = patterns.compile(r"GL[0-9]{3}")
_NAME = patterns.compile(r"[a-z0-9]++(?:-[a-z0-9]++)*+")  # a rule's name: never shown escaped
_INTS = {int}


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
    line, column, end_line, end_column = map(_position, fix[:4])
    made = Fix(line, column, end_line, end_column, _str(fix[4]), _str(fix[5]))
    # A lone surrogate cannot be written to any report or file: UnicodeEncodeError
    # is a ValueError, so the entry is dropped as damaged.
    made.text.encode("utf-8")
    made.description.encode("utf-8")
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
        found.append(Related(_position(line), _position(column), code, message, _decode_fix(fix)))
    return tuple(found)


def _position(value: Any) -> int:
    """A line or column: an integer from 1 to what the stored form can hold."""
    if type(value) is not int or not 1 <= value <= POSITION_MAX:
        raise ValueError("not a line or column")
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
        line, column, end_line, end_column, code, name, severity, message, _, related = item
        for value in (line, column, *(end for end in (end_line, end_column) if end is not None)):
            _position(value)
        if not (
            type(code) is str
            and type(name) is str
            and type(message) is str
            and type(severity) is int
            and severity in _SEVERITY
            and _CODE.fullmatch(code)
            and _NAME.fullmatch(name)
        ):
            raise ValueError("malformed diagnostic")
        message.encode("utf-8")  # a lone surrogate drops the entry, as in _decode_fix
        if type(related) is not list:
            raise ValueError("malformed related findings")
        found.append(_diagnostic(path, item))
    return found


def _diagnostic(path: str, row: Entry) -> Diagnostic:
    """The diagnostic of an inline row whose values are known to be well formed
    (its fix and folded-in findings are checked here)."""
    line, column, end_line, end_column, code, name, severity, message, fix, related = row
    return Diagnostic(
        path,
        line,
        column,
        code,
        message,
        end_line,
        end_column,
        name,
        _SEVERITY[severity],
        _decode_fix(fix),
        _decode_related(related) if related else (),
    )


class Stored:
    """One file's findings as a checked cache file holds them: integers over its
    string table.  A warm run reports thousands of files, so the text report
    and the summary read them directly (:meth:`tally`, :meth:`text`) and
    Diagnostic objects are only built when asked for."""

    __slots__ = ("extras", "flat", "strings")

    def __init__(self, flat: array[int], strings: list[str], extras: Any = None) -> None:
        self.flat = flat  # this file's integers
        self.strings = strings  # the table as loaded; saving makes a new one
        self.extras = _extras(extras)

    def __len__(self) -> int:
        return len(self.flat) // STRIDE

    def diagnostics(self, path: str) -> list[Diagnostic]:
        return [_diagnostic(path, row) for row in _rows(self.flat, self.extras, self.strings)]

    def tally(self, by_severity: Counter[Severity], by_code: Counter[str]) -> int:
        """Count each finding's severity and code; return how many are fixable."""
        flat = self.flat
        by_severity.update(map(_SEVERITY.__getitem__, flat[6::STRIDE]))
        by_code.update(map(self.strings.__getitem__, flat[4::STRIDE]))
        return sum(_fixable(*extra) for extra in self.extras.values())

    def text(self, shown: str, words: Words, rendered: dict[WordsKey, str]) -> str:
        """The text report's lines, ``shown:line:column: words``, where ``words``
        renders a finding's code, severity, message, name and fixability, each
        distinct one once: ``rendered`` keeps them across files (cached results
        over thousands of guides repeat most findings word for word), up to
        :data:`RENDERED_LIMIT` of them, so that messages only one guide has
        (a total's arithmetic) do not pile up."""
        strings, severity, flat, extras = self.strings, _SEVERITY, self.flat, self.extras
        lines = []
        for index, at in enumerate(range(0, len(flat), STRIDE)):
            extra = extras.get(index) if extras else None
            key = (
                strings[flat[at + 4]],
                severity[flat[at + 6]],
                strings[flat[at + 7]],
                strings[flat[at + 5]],
                extra is not None and _fixable(*extra),
            )
            found = rendered.get(key)
            if found is None:
                found = words(*key)
                if len(rendered) < RENDERED_LIMIT:
                    rendered[key] = found
            lines.append(f"{shown}:{flat[at]}:{flat[at + 1]}: {found}\n")
        return "".join(lines)


def stored(entry: dict[str, Any], rows: array[int], strings: list[str]) -> Stored:
    """The findings of a checked entry."""
    return Stored(_slice(rows, entry["at"], entry["n"]), strings, entry.get("x"))


def _extras(extras: Any) -> dict[int, tuple[Any, Any]]:
    """Finding index -> (fix, related), for the few findings that carry either."""
    return {item[0]: (item[1], item[2]) for item in extras} if extras else {}


def _slice(rows: array[int], start: int, count: int) -> array[int]:
    """The integers of findings ``start`` to ``start + count``."""
    return rows[start * STRIDE : (start + count) * STRIDE]


def _rows(
    flat: array[int], extras: dict[int, tuple[Any, Any]], strings: list[str]
) -> Iterator[Entry]:
    """Stored findings as rows with their strings written out (as :func:`encode`
    writes them)."""
    for number, at in enumerate(range(0, len(flat), STRIDE)):
        line, column, end_line, end_column, code, name, level, message = flat[at : at + STRIDE]
        fix, related = extras.get(number, (None, [])) if extras else (None, [])
        yield [
            line,
            column,
            None if end_line == NO_END else end_line,
            None if end_column == NO_END else end_column,
            strings[code],
            strings[name],
            level,
            strings[message],
            fix,
            related,
        ]


def _fixable(fix: Any, related: Any) -> bool:
    """Whether a finding carries a fix, its own or one folded into it."""
    return fix is not None or any(item[4] is not None for item in related)


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


def rows_of(text: Any, ints: Any) -> array[int] | None:
    """The integers a file's ``"rows"`` holds, written as ``ints`` says, or None
    when it is not such a run."""
    typecode = _TYPECODES.get(ints) if type(ints) is str else None
    if typecode is None or type(text) is not str:
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    rows = array(typecode)
    if len(raw) % (rows.itemsize * STRIDE):
        return None
    rows.frombytes(raw)
    return rows


def rows_text(rows: array[int]) -> tuple[str, str]:
    """How a run of integers is written (the file's ``"ints"``) and the run as
    the file's ``"rows"`` holds it."""
    low, high = _NARROW_RANGE
    if rows and (min(rows) < low or max(rows) > high):
        written = array(_WIDE.typecode, rows)
    else:
        written = array(_NARROW.typecode, rows)
    label = next(label for label, code in _TYPECODES.items() if code == written.typecode)
    return label, base64.b64encode(written.tobytes()).decode("ascii")


def checked(entries: dict[str, Any], strings: list[str], rows: array[int]) -> dict[str, Any] | None:
    """``entries`` when every one is a well-formed stored entry over ``rows`` and
    ``strings``, else None.

    Every integer of ``rows`` is looked at, column by column (each by its least
    and greatest, each distinct code and rule name once), and each entry's
    place in it, so that an entry is trusted only when all of them are.
    """
    try:
        spans = [(value["at"], value["n"]) for value in entries.values() if "d" not in value]
    except (TypeError, KeyError, IndexError):
        return None
    if len(spans) != len(entries):
        return None  # an entry written inline is read by salvaged()
    starts, counts = zip(*spans, strict=True) if spans else ((), ())
    if not set(map(type, starts)) | set(map(type, counts)) <= _INTS:
        return None
    # Each entry has findings of its own: places that overlap would let a small
    # file stand for a report, and a rewritten file, of any size.
    end = 0
    for start, count in sorted(spans):
        if start < end or count < 0:
            return None
        end = start + count
    if end > len(rows) // STRIDE:
        return None
    if not _columns_ok(rows, strings):
        return None
    try:
        for value in entries.values():
            if "x" in value:
                _check_extras(value["x"], value["n"])
    except (ValueError, TypeError, IndexError):
        return None
    return entries


def _columns_ok(rows: array[int], strings: list[str]) -> bool:
    if not rows:
        return True
    size = len(strings)
    if min(rows[0::STRIDE]) < 1 or min(rows[1::STRIDE]) < 1:
        return False
    ends = set(rows[2::STRIDE] + rows[3::STRIDE])
    ends.discard(NO_END)
    if (ends and min(ends) < 1) or not set(rows[6::STRIDE]) <= _SEVERITY.keys():
        return False
    for at, pattern in ((4, _CODE), (5, _NAME), (7, None)):
        indices = set(rows[at::STRIDE])
        if min(indices) < 0 or max(indices) >= size:
            return False
        if pattern is not None and not all(pattern.fullmatch(strings[i]) for i in indices):
            return False
    return True


def _check_extras(extras: Any, count: int) -> None:
    """ValueError unless ``extras`` is a list of ``[index, fix, related]`` for
    distinct findings of the entry."""
    if type(extras) is not list or not extras:
        raise ValueError("malformed extras")
    seen = set()
    for item in extras:
        if type(item) is not list or len(item) != 3:
            raise ValueError("malformed extra")
        index, fix, related = item
        if type(index) is not int or not 0 <= index < count or index in seen:
            raise ValueError("malformed extra")
        seen.add(index)
        _decode_fix(fix)
        _decode_related(related)


def salvaged(entries: Any, strings: list[str], rows: array[int]) -> dict[str, Any]:
    """The well-formed entries of a file that failed :func:`checked`, one by one.

    An entry's own findings are checked as a run of their own, and an entry
    whose place overlaps one kept before it is dropped.  Entries written inline
    (``"d"``, as :func:`encode` writes them) are stored form once read: their
    integers are added to ``rows`` (which must hold four bytes each) and their
    new strings to ``strings``.
    """
    index = {text: at for at, text in enumerate(strings)}
    total = len(rows) // STRIDE
    kept: dict[str, Any] = {}
    places = []
    for key, value in entries.items():
        if type(value) is not dict:
            continue
        if type(value.get("d")) is list:
            try:
                decode(value["d"], "")
            except (ValueError, TypeError, IndexError):
                continue
            kept[key] = {"used": value.get("used"), **_store(value["d"], index, strings, rows)}
            continue
        start, count = value.get("at"), value.get("n")
        if type(start) is int and type(count) is int and 0 <= start <= start + count <= total:
            places.append((start, count, key, value))
    end = 0
    for start, count, key, value in sorted(places, key=lambda place: place[:2]):
        if start >= end and checked({key: {**value, "at": 0}}, strings, _slice(rows, start, count)):
            kept[key] = value
            end = start + count
    return kept


def _store(
    found: list[Entry], index: dict[str, int], strings: list[str], rows: array[int]
) -> dict[str, Any]:
    """Inline rows appended to ``rows`` in the stored form, new strings to
    ``strings``; the entry's place in ``rows``."""

    def at(text: str) -> int:
        known = index.get(text)
        if known is None:
            known = index[text] = len(strings)
            strings.append(text)
        return known

    first = len(rows) // STRIDE
    extras = []
    for number, row in enumerate(found):
        line, column, end_line, end_column, code, name, level, message, fix, related = row
        rows.extend(
            (
                line,
                column,
                NO_END if end_line is None else end_line,
                NO_END if end_column is None else end_column,
                at(code),
                at(name),
                level,
                at(message),
            )
        )
        if fix is not None or related:
            extras.append([number, fix, related])
    place: dict[str, Any] = {"at": first, "n": len(found)}
    if extras:
        place["x"] = extras
    return place


def packed(
    entries: Iterable[tuple[str, dict[str, Any]]], strings: list[str], rows: array[int]
) -> tuple[dict[str, Any], list[str], array[int]]:
    """Entries in the stored form over a new table and a new run of integers,
    holding only what they use; each entry
    is either inline (``"d"``, as :func:`encode` writes it) or stored over
    ``strings`` and ``rows``."""
    table: list[str] = []
    index: dict[str, int] = {}
    run = array("i")
    out: dict[str, Any] = {}
    for key, value in entries:
        found = value.get("d")
        if found is None:
            own = _slice(rows, value["at"], value["n"])
            found = list(_rows(own, _extras(value.get("x")), strings))
        out[key] = {"used": value["used"], **_store(found, index, table, run)}
    return out, table, run
