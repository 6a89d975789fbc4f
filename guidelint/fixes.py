"""Apply the fixes that rules attach to diagnostics, touching only the bytes they must.

Rules describe each fix as a :class:`~guidelint.diagnostics.Fix` on the
LF-normalised, BOM-stripped ``Guide.text``.  Here those fixes are gathered,
deduplicated (several table diagnostics share one rewrite), checked for
overlaps, and spliced into the file's *original* text, so line endings, a BOM
and every byte outside the fixed ranges survive.  Fixing repeats until nothing
more applies, so a second ``--fix`` finds nothing to do.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from guidelint import escape
from guidelint.dates import plural
from guidelint.diagnostics import Diagnostic, Fix
from guidelint.document import BOM, Guide, decode, parse_guide
from guidelint.edits import CURRENCY_DESCRIPTION
from guidelint.files import TooLarge, display_path, read_regular, replacing
from guidelint.limits import MAX_FILE_SIZE_LIMIT
from guidelint.records import Record

if TYPE_CHECKING:
    from guidelint.context import Context
    from guidelint.linter import FileResult, Linter

#: Passes per file; each pass re-lints, so fixes that overlapped get their turn.
MAX_PASSES = 10


class FixWriteError(Exception):
    """The fixed text could not be written back; the message says why."""


def _table_codes() -> frozenset[str]:
    """The codes one table rewrite repairs (``tablefix.TABLE_CODES``), read when a fix
    runs: importing the table rewriter is left to the runs that rewrite."""
    from guidelint.tablefix import TABLE_CODES

    return TABLE_CODES


def fix_key(fix: Fix) -> tuple[int, int, int, int, str]:
    """Two fixes are the same when they replace the same range with the same text."""
    return (fix.line, fix.column, fix.end_line, fix.end_column, fix.text)


def collect(diagnostics: Iterable[Diagnostic], extra: Iterable[Fix] = ()) -> list[Fix]:
    """The distinct fixes, ``extra`` first (so they win overlaps), then in report order."""
    seen: set[tuple[int, int, int, int, str]] = set()
    fixes: list[Fix] = []
    for fix in [*extra, *(fix for d in diagnostics for fix in d.fixes)]:
        key = fix_key(fix)
        if key not in seen:
            seen.add(key)
            fixes.append(fix)
    return fixes


class LineMap:
    """Offsets of each line in a text that may use CRLF, LF or both.

    ``Guide.text`` turns every CRLF into LF and keeps lone CRs, so its line
    ``n`` (1-based) is the original's line ``n`` minus the CR before its LF;
    columns within a line are the same in both.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        ends: list[int] = []
        index = text.find("\n")
        while index != -1:
            ends.append(index - 1 if index and text[index - 1] == "\r" else index)
            starts.append(index + 1)
            index = text.find("\n", index + 1)
        ends.append(len(text))
        self.starts = starts
        self.ends = ends

    def offset(self, line: int, column: int) -> int | None:
        """The index of a 1-based position, or None when it is not in the text."""
        if not 1 <= line <= len(self.starts) or column < 1:
            return None
        offset = self.starts[line - 1] + column - 1
        return offset if offset <= self.ends[line - 1] else None


class Applied(Record):
    """The result of applying one batch of fixes to a text."""

    __slots__ = ("text", "applied", "overlapping", "invalid")

    def __init__(
        self,
        text: str,
        applied: list[Fix] | None = None,
        overlapping: list[Fix] | None = None,
        invalid: list[Fix] | None = None,
    ) -> None:
        self.text = text
        self.applied = [] if applied is None else applied
        self.overlapping = [] if overlapping is None else overlapping
        self.invalid = [] if invalid is None else invalid

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def apply_fixes(text: str, fixes: Sequence[Fix], newline: str = "\n") -> Applied:
    """Splice ``fixes`` into ``text`` (the original, BOM-stripped text).

    Fixes are taken in order; one that overlaps an accepted fix waits for the
    next pass, one whose range is not in the text is dropped, and one that
    would not change anything is ignored.  Replacement text gets ``newline``.
    """
    lines = LineMap(text)
    result = Applied(text)
    accepted: list[tuple[int, int, str, Fix]] = []
    for fix in fixes:
        start = lines.offset(fix.line, fix.column)
        end = lines.offset(fix.end_line, fix.end_column)
        if start is None or end is None or end < start:
            result.invalid.append(fix)
            continue
        replacement = fix.text.replace("\r\n", "\n")
        if newline != "\n":
            replacement = replacement.replace("\n", newline)
        if text[start:end] == replacement:
            continue
        if any(_overlaps(start, end, s, e) for s, e, _, _ in accepted):
            result.overlapping.append(fix)
            continue
        accepted.append((start, end, replacement, fix))
    if not accepted:
        return result
    accepted.sort(key=lambda item: (item[0], item[1]))
    pieces: list[str] = []
    cursor = 0
    for start, end, replacement, fix in accepted:
        pieces.append(text[cursor:start])
        pieces.append(replacement)
        cursor = end
        result.applied.append(fix)
    pieces.append(text[cursor:])
    result.text = "".join(pieces)
    return result


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    # Two insertions at one point overlap too: their order would be a guess.
    if start == end == other_start == other_end:
        return True
    return start < other_end and other_start < end


def _covers(outer: Fix, inner: Fix) -> bool:
    return (outer.line, outer.column) <= (inner.line, inner.column) and (
        inner.end_line,
        inner.end_column,
    ) <= (outer.end_line, outer.end_column)


class Outcome(Record):
    """What fixing one file did; ``fixed`` is the new bytes (same as ``original`` if none)."""

    __slots__ = ("path", "original", "fixed", "diagnostics", "fixed_codes", "notes")

    def __init__(
        self,
        path: str,
        original: bytes,
        fixed: bytes,
        diagnostics: list[Diagnostic],
        fixed_codes: Counter[str] | None = None,  # findings repaired, per code
        notes: list[str] | None = None,
    ) -> None:
        self.path = path
        self.original = original
        self.fixed = fixed
        self.diagnostics = diagnostics
        self.fixed_codes = Counter() if fixed_codes is None else fixed_codes
        self.notes = [] if notes is None else notes

    @property
    def fixed_count(self) -> int:
        return sum(self.fixed_codes.values())

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def unsafe_fixes(guide: Guide, linter: Linter) -> list[Fix]:
    """Fixes that delete reader-facing content or overrule the frontmatter's own data
    (an entry's currency set from its row): only on ``--unsafe-fixes``."""
    if guide.data is None:
        return []
    try:
        from guidelint.tablecompare import compare
        from guidelint.tablefix import rewrite_fix
    except ImportError:
        return []
    comparison = compare(guide, linter.context(guide.path, guide))
    if comparison is None:
        return []
    allowed = linter.fixable.enabled
    fix = rewrite_fix(comparison, drop_extra_rows=True) if allowed("GL303") else None
    currencies = comparison.currency_fixes() if allowed("GL304") else []
    return [*([fix] if fix is not None else []), *currencies]


def fix_bytes(raw: bytes, display: str, linter: Linter, *, unsafe: bool = False) -> Outcome:
    """Lint, fix and re-lint until nothing more applies; never touches the disk."""
    guide = parse_guide(raw, display)
    diagnostics = linter.lint_guide(guide)
    outcome = Outcome(display, raw, raw, diagnostics)
    if not guide.readable:
        return outcome
    seen = {raw}
    current = raw
    repaired: list[Diagnostic] = []
    for _ in range(MAX_PASSES):
        extra = unsafe_fixes(guide, linter) if unsafe else []
        fixes = collect(diagnostics, extra)
        if not fixes:
            break
        text, bom = decode(current)
        assert isinstance(text, str)  # parse_guide already decoded these bytes
        result = apply_fixes(text, fixes, guide.newline)
        for fix in result.invalid:
            outcome.notes.append(
                f"a fix for {fix.line}:{fix.column}-{fix.end_line}:{fix.end_column}"
                " lies outside the file and was skipped"
            )
        if not result.changed:
            break
        following = ((BOM if bom else "") + result.text).encode("utf-8")
        if following in seen:  # fixes that undo each other: stop rather than cycle
            break
        following_guide = parse_guide(following, display)
        broken = _newly_unreadable(guide, following_guide)
        if broken:  # never a file that reads worse than before: keep the last good text
            outcome.notes.append(f"fixes stopped: applying them would have added {broken}")
            break
        repaired.extend(_repaired(diagnostics, result.applied, extra))
        current = following
        seen.add(current)
        guide = following_guide
        diagnostics = linter.lint_guide(guide)
    outcome.fixed = current
    outcome.diagnostics = diagnostics
    # A finding whose fix went in but which is still reported (an extra table
    # row kept by the safe table fix) does not count as fixed.
    remaining = Counter((d.code, d.message) for d in diagnostics)
    for d in repaired:
        if remaining[(d.code, d.message)] > 0:
            remaining[(d.code, d.message)] -= 1
        else:
            outcome.fixed_codes[d.code] += 1
    note = _why_not_fixed(guide, diagnostics, linter, unsafe)
    if note:
        outcome.notes.append(note)
    if guide.aliased and any(linter.registry.rules[d.code].fixable for d in diagnostics):
        outcome.notes.append(
            "frontmatter not edited: it reuses values through YAML aliases (`*name`), so"
            " one place in its text may stand for several values; edit it by hand"
        )
    return outcome


def _newly_unreadable(before: Guide, after: Guide) -> str:
    """The frontmatter problems (GL00x: syntax, duplicate keys...) ``after`` has and
    ``before`` had not, named for a note; empty when there are none."""
    had = Counter(d.code for d in before.problems)
    new = Counter(d.code for d in after.problems if d.code.startswith("GL00")) - had
    return ", ".join(f"{count} {code}" for code, count in sorted(new.items()))


def _repaired(
    diagnostics: list[Diagnostic], applied: list[Fix], extra: list[Fix]
) -> list[Diagnostic]:
    """Diagnostics this pass addressed: their own fix, or one covering it, went in."""
    keys = {fix_key(f) for f in applied}
    unsafe_applied = [f for f in extra if fix_key(f) in keys]
    table_codes = _table_codes()

    def addressed(d: Diagnostic) -> bool:
        if d.fixes:
            return any(
                fix_key(own) in keys or any(_covers(f, own) for f in applied) for own in d.fixes
            )
        if d.code == "GL304" and any(f.description == CURRENCY_DESCRIPTION for f in unsafe_applied):
            return True
        return d.code in table_codes and any(f.line <= d.line < f.end_line for f in unsafe_applied)

    return [d for d in diagnostics if addressed(d)]


def _why_not_fixed(
    guide: Guide, diagnostics: list[Diagnostic], linter: Linter, unsafe: bool
) -> str | None:
    """Explain table findings that ``--fix`` left in place (not those whose
    codes are ``unfixable``: leaving them was asked for)."""
    table_codes = _table_codes()
    table = [d for d in diagnostics if d.code in table_codes and linter.fixable.enabled(d.code)]
    if not table:
        return None
    if guide.data is None:
        return "table not rewritten: the frontmatter could not be read (see the GL00x findings)"
    try:
        from guidelint.tablefix import regenerate_rows, table_fix
    except ImportError:
        return None
    ctx = linter.context(guide.path, guide)
    doubted = _doubted_rows(guide, ctx, table)
    if doubted:
        return doubted
    if regenerate_rows(guide, ctx) is None:
        schema = sorted({d.code for d in diagnostics if d.code.startswith("GL1")})
        reason = (
            f"the frontmatter fails the schema ({', '.join(schema)})"
            if schema
            else "the frontmatter lacks figures the table needs, or holds some in a currency"
            " a table cell cannot show"
        )
        return f"table not rewritten: {reason}; correct the data first, then run --fix again"
    if not unsafe and any(d.code == "GL303" for d in table):
        drop = table_fix(guide, ctx, drop_extra_rows=True)
        if drop is not None and apply_fixes(guide.text, [drop]).changed:
            return (
                "kept table rows that no frontmatter item backs (GL303);"
                " --unsafe-fixes deletes them"
            )
    return None


def _doubted_rows(guide: Guide, ctx: Context, table: list[Diagnostic]) -> str | None:
    """Name the entries whose table cells were left alone because their figures are doubtful."""
    from guidelint.rules.consistency import doubtful_entries
    from guidelint.tablecompare import compare

    doubtful = doubtful_entries(guide, ctx)
    comparison = compare(guide, ctx) if doubtful else None
    if comparison is None:
        return None
    left = [d for d in table if comparison.shows_doubtful(doubtful, d.line, d.column)]
    if not left:
        return None
    named = "; ".join(f"`{path}` ({', '.join(codes)})" for path, codes in doubtful.items())
    return (
        f"not fixed: {len(left)} table finding{'s' if len(left) != 1 else ''} of entries whose"
        f" figures have a consistency finding, which the table would copy: {named};"
        " correct those figures first, then run --fix again"
    )


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_roots(paths: Sequence[str]) -> tuple[str, ...]:
    """The real folders a run lints: each named folder, and each named file's folder."""
    return tuple(
        os.path.realpath(path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path)))
        for path in paths
    )


def _inside(real: str, roots: Sequence[str]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def write_atomic(path: str, data: bytes, expected: str, within: Sequence[str] = ()) -> None:
    """Replace the file at ``path`` with ``data`` if its bytes still hash to ``expected``.

    The new content goes to a temporary file in the same folder, is flushed to
    disk, given the old file's mode, then renamed over the old file, so readers
    see either the old or the new file, never half of one.  A file with other
    hard links is rewritten in place instead, so every name keeps seeing it.
    A path that reaches its file through a link is written only when the file
    lies inside one of the real folders ``within`` (see :func:`tree_roots`).
    """
    real = os.path.realpath(path)  # rewrite a symlink's target, not the link
    if within and real != os.path.abspath(path) and not _inside(real, within):
        shown = escape.path(display_path(real))
        raise FixWriteError(f"is a link to {shown}, outside the linted tree; not written")
    try:
        current, info = read_regular(real, MAX_FILE_SIZE_LIMIT)
        if not os.access(real, os.W_OK) or not info.st_mode & 0o222:
            raise FixWriteError("file is read-only; not written")
    except OSError as exc:
        raise FixWriteError(f"cannot read file again: {exc.strerror or exc}") from None
    if digest(current) != expected:
        raise FixWriteError("file changed on disk while it was being fixed; not overwritten")
    try:
        if info.st_nlink > 1:
            _write_in_place(real, data)
            return
        with replacing(real, mode=stat.S_IMODE(info.st_mode), durable=True) as handle:
            handle.write(data)
    except OSError as exc:
        raise FixWriteError(f"cannot write fixes: {exc.strerror or exc}") from None


def _write_in_place(real: str, data: bytes) -> None:
    """Overwrite the file's own inode: a rename would leave its other hard links behind."""
    with open(real, "r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def read_within(path: str, max_size: int) -> bytes | None:
    """A regular file's bytes; None when it is larger than ``max_size``.  Raises OSError."""
    try:
        return read_regular(path, max_size)[0]
    except TooLarge:
        return None


def unified_diff(path: str, original: bytes, changed: bytes) -> str:
    """A unified diff of a file's change, marking a missing final newline as git does."""
    before = original.decode("utf-8", "replace").splitlines(keepends=True)
    after = changed.decode("utf-8", "replace").splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(before, after, fromfile=f"a/{path}", tofile=f"b/{path}"):
        if line.endswith("\n"):
            lines.append(line)
        else:
            lines.append(line + "\n\\ No newline at end of file\n")
    return "".join(lines)


class Fixer:
    """Fix the files of a ``check`` run: ``--fix`` writes, ``--diff`` only shows."""

    def __init__(
        self,
        linter: Linter,
        *,
        unsafe: bool = False,
        write: bool = True,
        max_size: int | None = None,
        err: TextIO | None = None,
        within: Sequence[str] = (),
    ) -> None:
        self.linter = linter
        self.within = tuple(within)
        self.unsafe = unsafe
        self.write = write
        self.max_size = max_size or linter.settings.max_file_size
        self.err = err or sys.stderr
        self.fixed = 0
        self.files_changed = 0
        self.failures = 0
        self.outcomes: list[Outcome] = []
        self.fixed_by_file: dict[str, Counter[str]] = {}  # for --show-fixes

    def wants(self, result: FileResult) -> bool:
        # Table findings without a fix still get a look, so the user is told why.
        table_codes = _table_codes()
        return any(
            d.fixes or (d.code in table_codes and self.linter.fixable.enabled(d.code))
            for d in result.diagnostics
        )

    def note(self, path: str, message: str) -> None:
        print(f"guidelint: {escape.path(path)}: {message}", file=self.err)

    def process(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        """Fix each file that has fixes, and pass on what its check now reports."""
        from guidelint.linter import FileResult

        for result in results:
            if not self.wants(result):
                yield result
                continue
            outcome = self.fix_path(result.path)
            if outcome is None:
                yield result
                continue
            if not self.write:
                self.outcomes.append(outcome)
            yield FileResult(result.path, outcome.diagnostics)
        if self.write and self.fixed:
            files, problems = plural(self.files_changed, "file"), plural(self.fixed, "problem")
            print(f"guidelint: fixed {problems} in {files}", file=self.err)

    def fix_path(self, path: str) -> Outcome | None:
        """Fix one file; None (after a note on stderr) when it could not be done."""
        try:
            raw = read_within(path, self.max_size)
            if raw is None:
                return None
        except OSError as exc:
            self.failures += 1
            self.note(path, f"cannot read file: {exc.strerror or exc}; not fixed")
            return None
        outcome = fix_bytes(raw, path, self.linter, unsafe=self.unsafe)
        for message in outcome.notes:
            self.note(path, message)
        if not outcome.changed:
            return outcome
        if self.write:
            try:
                write_atomic(path, outcome.fixed, digest(raw), self.within)
            except FixWriteError as exc:
                self.failures += 1
                self.note(path, str(exc))
                return None
        self.fixed += outcome.fixed_count
        self.fixed_by_file[path] = outcome.fixed_codes
        self.files_changed += 1
        return outcome

    def show_diffs(self, results: Iterable[FileResult], stream: TextIO) -> int:
        """Print every would-be fix as a unified diff; 1 if there is any, else 0."""
        for _ in self.process(results):
            pass
        for outcome in self.outcomes:
            if outcome.changed:
                shown = escape.path(outcome.path)
                stream.write(unified_diff(shown, outcome.original, outcome.fixed))
        if self.files_changed:
            files, problems = plural(self.files_changed, "file"), plural(self.fixed, "problem")
            print(f"guidelint: would fix {problems} in {files}", file=self.err)
            return 1
        return 0
