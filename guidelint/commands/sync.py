"""``guidelint sync``: complete each guide's frontmatter from its compensation table."""

from __future__ import annotations

import argparse
import sys

from guidelint.commands.common import add_common, settings_for, today
from guidelint.config import ConfigError


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "sync",
        help="write what the frontmatter lacks (figures, currencies, entries) from the table",
        description=(
            "Complete each guide's frontmatter from its compensation table: figures the"
            " table shows where the frontmatter has none or null, an entry's missing"
            " currency, entries for rows the list lacks, and the list itself. Figures"
            " that disagree are left to `guidelint check`; cells that cannot be read"
            " stay null and are reported."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="guides or folders (default: .)")
    parser.add_argument(
        "--diff",
        action="store_true",
        help="print what would change as a unified diff; write nothing",
    )
    add_common(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from guidelint import escape
    from guidelint.dates import plural
    from guidelint.files import iter_targets
    from guidelint.fixes import (
        FixWriteError,
        digest,
        read_within,
        tree_roots,
        unified_diff,
        write_atomic,
    )
    from guidelint.linter import Linter
    from guidelint.sync import sync_bytes

    paths = list(args.paths) or ["."]
    settings = settings_for(args, paths)
    linter = Linter(settings, today(args))
    targets = sorted(iter_targets(paths, settings.exclusions()), key=lambda t: t.display)
    if not targets:
        raise ConfigError(f"no guides (*.md) found under {', '.join(paths)}")
    roots = tree_roots(paths)
    changed = problems = failures = 0
    for target in targets:
        path = target.display
        shown = escape.path(path)
        if target.missing:
            failures += 1
            print(f"guidelint: {shown}: {target.problem or 'no such file'}", file=sys.stderr)
            continue
        try:
            raw = read_within(path, settings.max_file_size)
            if raw is None:
                print(f"guidelint: {shown}: larger than max-file-size; skipped", file=sys.stderr)
                continue
        except OSError as exc:
            failures += 1
            print(
                f"guidelint: {shown}: cannot read file: {exc.strerror or exc}",
                file=sys.stderr,
            )
            continue
        outcome = sync_bytes(raw, target.display, linter)
        for d in outcome.problems:
            problems += 1
            print(f"{shown}:{d.line}:{d.column}: {d.code} {escape.text(d.message)}")
        if not outcome.changed:
            continue
        changed += 1
        if args.diff:
            sys.stdout.write(unified_diff(shown, raw, outcome.synced))
            continue
        try:
            write_atomic(path, outcome.synced, digest(raw), roots)
        except FixWriteError as exc:
            failures += 1
            print(f"guidelint: {shown}: {exc}", file=sys.stderr)
    verb = "would complete" if args.diff else "completed"
    print(f"guidelint: {verb} the frontmatter of {plural(changed, 'file')}", file=sys.stderr)
    if args.diff and changed:
        return 1
    return 1 if problems or failures else 0
