"""``check``'s options that show something other than findings, named as in
ruff: ``--statistics``, ``--show-fixes``, ``--show-files``, ``--show-settings``,
and the fix options ``--fixable``/``--unfixable``/``--exit-non-zero-on-fix``."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from guidelint import escape
from guidelint.config import Settings, check_codes
from guidelint.files import Target
from guidelint.linter import FileResult
from guidelint.reporters import Reporter, Summary


def add_show_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--statistics",
        action="store_true",
        help="print only the number of findings per code (count, code, [*] when fixable, name)",
    )
    parser.add_argument(
        "--show-fixes",
        action="store_true",
        help="with --fix or --diff, list the fixed findings per file and code",
    )
    parser.add_argument(
        "--show-files",
        action="store_true",
        help="print the files that would be linted, after excludes, and exit",
    )
    parser.add_argument(
        "--show-settings",
        action="store_true",
        help="print the settings in effect for the first path and where they come from, and exit",
    )
    parser.add_argument(
        "--fixable",
        metavar="CODES",
        help="comma-separated codes, prefixes or names whose fixes apply (replaces `fixable`)",
    )
    parser.add_argument(
        "--extend-fixable",
        metavar="CODES",
        help="comma-separated codes, prefixes or names added to `fixable`",
    )
    parser.add_argument(
        "--unfixable",
        metavar="CODES",
        help="comma-separated codes, prefixes or names whose fixes never apply (adds to `unfixable`)",
    )
    parser.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="with --fix, exit 1 when a file was changed, even if nothing is left to report",
    )


def with_fix_options(args: argparse.Namespace, settings: Settings) -> Settings:
    """``settings`` with ``--fixable``, ``--extend-fixable`` and ``--unfixable`` applied."""

    def codes(text: str | None, option: str) -> tuple[str, ...]:
        return check_codes(text.split(","), option) if text else ()

    fixable = codes(args.fixable, "--fixable") if args.fixable is not None else settings.fixable
    return settings._replace(
        fixable=fixable + codes(args.extend_fixable, "--extend-fixable"),
        unfixable=settings.unfixable + codes(args.unfixable, "--unfixable"),
    )


def show_files(targets: Sequence[Target], stream: TextIO) -> int:
    """The files a run would lint, one per line; those it would report as unreadable
    (GL001: a broken or looping link, a missing path) are named on stderr."""
    for target in targets:
        if target.missing:
            why = target.problem or "no such file or directory"
            print(f"guidelint: {escape.path(target.display)}: {why} (GL001)", file=sys.stderr)
        else:
            stream.write(escape.path(target.display) + "\n")
    return 0


def show_settings(settings: Settings, path: str, stream: TextIO) -> int:
    """The settings in effect: the configuration's key names, values as JSON;
    ``docs-url`` as derived when it is not set."""
    from guidelint.doclinks import docs_base

    stream.write(f"# settings for {escape.path(path)}\n")
    stream.write(f"# from {escape.path(str(settings.source)) if settings.source else 'defaults'}\n")
    shown: dict[str, object] = {
        name: value for name, value in settings._asdict().items() if name not in ("root", "source")
    }
    shown.update(
        severity={code: level.label for code, level in settings.severity.items()},
        fail_on=settings.fail_on.label if settings.fail_on is not None else "never",
        per_file_ignores=dict(settings.per_file_ignores),
        schema=dict(settings.schema),
        docs_url=docs_base(settings.docs_url),
    )
    for name, value in shown.items():
        stream.write(f"{name.replace('_', '-')} = {json.dumps(value, ensure_ascii=False)}\n")
    return 0


def write_fixed(
    fixed: dict[str, Counter[str]], names: dict[str, str], stream: TextIO, *, written: bool = True
) -> None:
    """``--show-fixes``: what ``--fix`` repaired, or ``--diff`` (not ``written``)
    would repair, per file and code."""
    total = sum(sum(counts.values()) for counts in fixed.values())
    if not total:
        return
    verb = "Fixed" if written else "Would fix"
    stream.write(f"{verb} {total} problem{'s' if total != 1 else ''}:\n")
    for path, counts in fixed.items():
        stream.write(f"- {escape.path(path)}:\n")
        for code, count in sorted(counts.items()):
            stream.write(f"    {count} × {code} ({names.get(code, '')})\n")


class StatisticsReporter(Reporter):
    """``--statistics``: only the count of findings per code, as ruff prints it
    (``count  code  [*] name``, ``[*]`` when a finding of the code has a fix),
    or with ``json`` an array of objects with code, name, count and fixable."""

    def __init__(self, stream: TextIO, *, as_json: bool = False) -> None:
        super().__init__(stream)
        self.as_json = as_json

    def start(self) -> None:
        self.names: dict[str, str] = {}
        self.fixable: set[str] = set()

    def file(self, result: FileResult) -> None:
        for d in result.diagnostics:
            self.names[d.code] = d.name
            if d.fix is not None:
                self.fixable.add(d.code)

    def finish(self, summary: Summary) -> None:
        rows = [
            {
                "code": code,
                "name": self.names[code],
                "count": count,
                "fixable": code in self.fixable,
            }
            for code, count in sorted(summary.by_code.items(), key=lambda item: (-item[1], item[0]))
        ]
        if self.as_json:
            json.dump(rows, self.stream, indent=2)
            self.stream.write("\n")
            return
        width = max((len(str(row["count"])) for row in rows), default=1)
        for row in rows:
            mark = "[*]" if row["fixable"] else "[ ]"
            self.stream.write(f"{row['count']:>{width}}\t{row['code']}\t{mark} {row['name']}\n")
