"""Inline suppressions, applied once by the linter after every rule ran.

Forms (codes are rule codes, prefixes such as ``GL3``, or rule names; none
means every rule):

* ``<!-- guidelint-disable-next-line GL501 -->``: the line after the comment;
* ``<!-- guidelint-disable GL3 -->`` ... ``<!-- guidelint-enable GL3 -->``: the
  lines in between (to the end of the file when never enabled again);
* ``<!-- guidelint-disable-file GL401 -->``: the whole file;
* ``# guidelint: disable=GL203`` in the frontmatter: that line, or the next one
  when the comment stands alone (``disable-file=`` covers the whole file).

Each may end with ``until=YYYY-MM-DD`` (no longer applies after that day) and
``-- reason``.  Problems with the suppressions themselves become GL90x.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator

from guidelint import patterns
from guidelint.context import Context
from guidelint.diagnostics import Diagnostic, problem
from guidelint.document import Guide
from guidelint.records import Record
from guidelint.scan import Lazy
from guidelint.selection import Selection

META = "GL90"
END = 1 << 30  # "to the end of the file"

# ``(?:(?!-->).)*`` cannot backtrack badly: it stops at the first ``-->``.
_HTML = Lazy(
    r"<!--\s*guidelint-(disable-next-line|disable-file|disable|enable|[a-z-]*)"
    r"(?=\s|-->)((?:(?!-->).)*)-->",
    re.DOTALL,
)
_YAML = patterns.compile(r"(?:^|\s)(#\s*guidelint:\s*(disable-file|disable)=)([^\n]*)$")
_WORD = patterns.compile(r"[^\s,]+")
_REASON = patterns.compile(r"(?:^|\s)--(?:\s|$)")


class Entry(Record):
    """One code (or prefix) named by one suppression comment, and where it applies."""

    __slots__ = ("token", "code", "line", "column", "first", "last", "used")

    def __init__(
        self,
        token: str,  # as written
        code: str,  # resolved code or prefix; "" for unknown
        line: int,
        column: int,
        first: int = 0,
        last: int = 0,
        used: bool = False,
    ) -> None:
        self.token = token
        self.code = code
        self.line = line
        self.column = column
        self.first = first
        self.last = last
        self.used = used


class Suppression(Record):
    """One suppression comment: its kind, its place, the codes it names, its expiry."""

    __slots__ = (
        "kind",
        "line",
        "column",
        "end_line",
        "end_column",
        "entries",
        "until",
        "until_at",
        "reason",
        "expired",
    )

    def __init__(
        self,
        kind: str,  # next-line | block | file
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        entries: list[Entry] | None = None,
        until: dt.date | None = None,
        until_at: tuple[int, int] = (0, 0),
        reason: str = "",
        expired: bool = False,
    ) -> None:
        self.kind = kind
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.entries = [] if entries is None else entries
        self.until = until
        self.until_at = until_at
        self.reason = reason
        self.expired = expired


class _Collector:
    """Parses the comments of one guide into suppressions and GL90x findings."""

    def __init__(self, guide: Guide, today: dt.date, known: Callable[[str], str | None]) -> None:
        self.guide = guide
        self.today = today
        self.known = known
        self.starts = _line_starts(guide.text)
        self.suppressions: list[Suppression] = []
        self.findings: list[Diagnostic] = []
        # Blocks not yet closed, by the code each names: an enable closes those whose
        # code starts with its own, looking at each code once.
        self.open: dict[str, list[tuple[Entry, Suppression]]] = {}

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def parse_arguments(self, text: str, offset: int, sup: Suppression) -> None:
        """Codes, ``until=`` and ``-- reason`` from ``text`` found at ``offset``."""
        cut = _REASON.search(text)
        if cut:
            sup.reason = text[cut.end() :].strip()
            text = text[: cut.start()]
        for word in _WORD.finditer(text):
            token = word.group()
            line, column = self.position(offset + word.start())
            if token.lower().startswith("until="):
                sup.until_at = (line, column)
                try:
                    sup.until = dt.date.fromisoformat(token[6:])
                except ValueError:
                    self.report(
                        "GL903",
                        line,
                        column,
                        f"`{token}` is not a date: expected until=YYYY-MM-DD",
                        len(token),
                    )
                continue
            code = self.known(token)
            if code is None:
                self.report(
                    "GL903",
                    line,
                    column,
                    f"suppression names `{token}`, which matches no rule code, prefix or name",
                    len(token),
                )
            sup.entries.append(Entry(token, code or "", line, column))
        if not sup.entries:  # no codes: every rule
            sup.entries.append(Entry("", "GL", sup.line, sup.column))
        if sup.until is not None and sup.until < self.today:
            sup.expired = True

    def report(
        self,
        code: str,
        line: int,
        column: int,
        message: str,
        width: int,
        end: tuple[int, int] | None = None,
    ) -> None:
        """A finding ``width`` characters long on its line, or up to ``end``."""
        end_line, end_column = end or (line, column + width)
        self.findings.append(
            problem(code, line, column, message, end_line=end_line, end_column=end_column)
        )

    def html(self) -> None:
        for start, end, inline in _html_regions(self.guide):
            if end <= start:
                continue
            low = self.starts[start - 1]
            high = self.starts[end - 1] if end - 1 < len(self.starts) else len(self.guide.text)
            for match in _HTML.finditer(self.guide.text, low, high):
                if inline is not None and _squash(match.group()) not in inline:
                    continue  # inside a code span, not a real comment
                self.comment(match)

    def comment(self, match: re.Match[str]) -> None:
        line, column = self.position(match.start())
        end_line, end_column = self.position(match.end())
        directive = match.group(1)
        if directive not in ("disable-next-line", "disable-file", "disable", "enable"):
            self.report(
                "GL903",
                line,
                column,
                f"unknown directive `guidelint-{directive}`: expected disable-next-line,"
                " disable, enable or disable-file",
                0,
                end=(end_line, end_column),  # the comment, over as many lines as it spans
            )
            return
        kind = {"disable-next-line": "next-line", "disable-file": "file"}.get(directive, "block")
        sup = Suppression(kind, line, column, end_line, end_column)
        self.parse_arguments(match.group(2), match.start(2), sup)
        if directive == "enable":
            self.enable(sup)
            return
        self.add(sup, next_line=end_line + 1)

    def add(self, sup: Suppression, next_line: int) -> None:
        for entry in sup.entries:
            if sup.kind == "next-line":
                entry.first = entry.last = next_line
            elif sup.kind == "file":
                entry.first, entry.last = 1, END
            else:
                entry.first, entry.last = sup.line, END
                self.open.setdefault(entry.code, []).append((entry, sup))
        self.suppressions.append(sup)

    def enable(self, sup: Suppression) -> None:
        for wanted in sup.entries:
            codes = [code for code in self.open if wanted.code and code.startswith(wanted.code)]
            if not codes:
                if wanted.code:
                    named = f"`{wanted.token}`" if wanted.token else "any rule"
                    self.report(
                        "GL903",
                        wanted.line,
                        wanted.column,
                        f"`guidelint-enable` for {named} has no open `guidelint-disable` to close",
                        max(1, len(wanted.token)) if wanted.token else sup.end_column - sup.column,
                    )
                continue
            for code in codes:
                for entry, _owner in self.open.pop(code):
                    entry.last = sup.line

    def yaml(self) -> None:
        guide = self.guide
        if not guide.has_frontmatter:
            return
        for number in range(guide.frontmatter_start + 1, guide.frontmatter_end):
            text = guide.lines[number - 1]
            if "guidelint" not in text:
                continue
            match = _YAML.search(text)
            if match is None:
                continue
            column = match.start(1) + 1
            alone = not text[: match.start(1)].strip()
            kind = "file" if match.group(2) == "disable-file" else "next-line"
            sup = Suppression(kind, number, column, number, len(text) + 1)
            self.parse_arguments(match.group(3), self.starts[number - 1] + match.start(3), sup)
            self.add(sup, next_line=number + 1 if alone else number)

    def unterminated(self) -> None:
        # One finding per comment, however many of its codes are still open.
        left = {(sup.line, sup.column): sup for pairs in self.open.values() for _, sup in pairs}
        for _, sup in sorted(left.items()):
            codes = " ".join(e.token for e in sup.entries) or "every rule"
            self.findings.append(
                problem(
                    "GL904",
                    sup.line,
                    sup.column,
                    f"`guidelint-disable {codes}` is never closed by `guidelint-enable`;"
                    " it applies to the end of the file",
                    end_line=sup.end_line,
                    end_column=sup.end_column,
                )
            )


_NEWLINE = patterns.compile("\n")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in _NEWLINE.finditer(text))
    return starts


def _squash(text: str) -> str:
    return " ".join(text.split())


def _html_regions(guide: Guide) -> Iterator[tuple[int, int, set[str] | None]]:
    """File line ranges [start, end) that hold HTML, with the inline comments' texts.

    Only HTML blocks and inline HTML count, so a directive shown in a code
    block or a code span does not act.
    """
    if "guidelint-" not in guide.body:
        return
    for block in guide.blocks:
        if block.kind == "html" and "guidelint-" in block.text:
            yield block.line, block.end_line, None
        else:
            regions: dict[tuple[int, int], set[str]] = {}
            for line, end_line, html in block.html:
                if "guidelint-" in html:
                    regions.setdefault((line, end_line), set()).add(_squash(html))
            for (line, end_line), texts in regions.items():
                yield line, end_line, texts


def _resolver() -> Callable[[str], str | None]:
    from guidelint.registry import load_families

    rules = load_families().rules

    def known(token: str) -> str | None:
        upper = token.upper()
        if any(code.startswith(upper) for code in rules) and upper.startswith("GL"):
            return upper
        for rule in rules.values():
            if rule.name == token.lower():
                return rule.code
        return None

    return known


def collect(guide: Guide, today: dt.date) -> tuple[list[Suppression], list[Diagnostic]]:
    """Every suppression in ``guide`` and the GL903/GL904 findings about their syntax."""
    collector = _Collector(guide, today, _resolver())
    if guide.readable:
        collector.yaml()
        collector.html()
        collector.unterminated()
    return collector.suppressions, collector.findings


def apply(
    guide: Guide,
    diagnostics: list[Diagnostic],
    ctx: Context,
    enabled: Callable[[str], bool] | None = None,
) -> list[Diagnostic]:
    """Drop suppressed diagnostics and add GL90x findings about the suppressions.

    ``enabled`` tells which codes ran, so a suppression of a deselected rule is
    not called unused; without it the configuration's selection is used.
    """
    if "guidelint" not in guide.text:
        return diagnostics
    sups, findings = collect(guide, ctx.today)
    if not sups and not findings:
        return diagnostics
    if enabled is None:
        from guidelint.registry import load_families

        opt_in = load_families().opt_in_codes()
        enabled = Selection(ctx.settings.select, ctx.settings.ignore, opt_in).enabled
    active = [entry for sup in sups if not sup.expired for entry in sup.entries if entry.code]
    hidden = _covered(active, diagnostics, mark=True)
    kept = [d for d, hide in zip(diagnostics, hidden, strict=True) if not hide]
    findings.extend(_about(sups, enabled))
    # Findings about suppressions can themselves be suppressed (``disable-file GL901``).
    hidden = _covered(active, findings, mark=False)
    kept.extend(d for d, hide in zip(findings, hidden, strict=True) if not hide)
    return kept


def _covered(entries: list[Entry], found: list[Diagnostic], *, mark: bool) -> list[bool]:
    """Whether an entry covers each finding (its lines, a code it names or a prefix of
    it); with ``mark``, every entry that covers one is marked used.

    One sweep down the lines, so the work grows with the entries plus the findings
    (times the length of a code), not with their product: entries start in line
    order, ``reach`` keeps how far the started entries of each code reach, and an
    entry leaves ``pending`` once it is used or once the sweep has passed its end.
    """
    starts = sorted(entries, key=lambda e: e.first)
    reach: dict[str, int] = {}
    pending: dict[str, list[Entry]] = {}
    hidden = [False] * len(found)
    begun = 0
    for index in sorted(range(len(found)), key=lambda i: found[i].line):
        d = found[index]
        line = d.line
        while begun < len(starts) and starts[begun].first <= line:
            entry = starts[begun]
            begun += 1
            reach[entry.code] = max(reach.get(entry.code, 0), entry.last)
            if not entry.used:
                pending.setdefault(entry.code, []).append(entry)
        for size in range(2, len(d.code) + 1):
            code = d.code[:size]
            if reach.get(code, 0) < line:
                continue
            hidden[index] = True
            if not mark:
                break
            for entry in pending.pop(code, ()):
                if entry.last >= line:  # before ``line`` it has ended for good
                    entry.used = True
    return hidden


def _about(sups: list[Suppression], enabled: Callable[[str], bool]) -> Iterator[Diagnostic]:
    from guidelint.registry import REGISTRY

    for sup in sups:
        if sup.expired:
            line, column = sup.until_at
            assert sup.until is not None
            yield problem(
                "GL902",
                line,
                column,
                f"suppression expired on {sup.until.isoformat()}: the findings it hid are"
                " reported again",
                end_line=line,
                end_column=column + len("until=") + 10,
            )
            continue
        for entry in sup.entries:
            if entry.used or not entry.code or entry.code.startswith(META):
                continue
            if not any(enabled(code) for code in REGISTRY.rules if code.startswith(entry.code)):
                continue  # the rule did not run, so silence proves nothing
            what = f"`{entry.token}` " if entry.token else ""  # bare: no finding at all
            where = {
                "next-line": f"on line {entry.first}",
                "file": "in this file",
                "block": "in its block",
            }[sup.kind]
            width = len(entry.token) if entry.token else sup.end_column - sup.column
            yield problem(
                "GL901",
                entry.line,
                entry.column,
                f"unused suppression: no {what}finding {where}",
                end_line=entry.line,
                end_column=entry.column + width,
            )
