"""``guidelint sync``: complete each guide's frontmatter from its compensation table."""

from __future__ import annotations

import argparse
import sys

from guidelint import patterns
from guidelint.adopt import DEFAULT_PATH_PATTERN, DEFAULT_REVIEW_DAYS, AdoptOptions
from guidelint.commands.common import add_common, parse_today, settings_for, today
from guidelint.config import ConfigError

_DAYS = patterns.compile(r"([0-9]{1,4})([dw]?)")
_QUARTER = patterns.compile(r"[0-9]{4}-Q[1-4]")


def _days(text: str) -> int:
    found = _DAYS.fullmatch(text.strip())
    if found is None:
        raise argparse.ArgumentTypeError(f"`{text}` is not a number of days such as 90d or 12w")
    if int(found.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"`{text}`: a review interval is at least one day")
    return int(found.group(1)) * (7 if found.group(2) == "w" else 1)


def _quarter(text: str) -> str:
    if _QUARTER.fullmatch(text.strip()) is None:
        raise argparse.ArgumentTypeError(f"`{text}` is not a quarter written YYYY-Qn")
    return text.strip()


def options_from(args: argparse.Namespace, configured: str = DEFAULT_PATH_PATTERN) -> AdoptOptions:
    """Sync's options for guides without frontmatter; ``configured``: the
    `path-pattern` setting, which ``--path-pattern`` overrides."""
    values = {
        name: value
        for name, value in (("role_type", args.role_type), ("data_quality", args.data_quality))
        if value
    }
    return AdoptOptions(
        path_pattern=args.path_pattern or configured,
        last_updated=args.last_updated,
        review_days=args.review_every,
        data_quarter=args.data_quarter,
        values=values,
        partial=args.partial,
    )


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "sync",
        help="write what the frontmatter lacks (figures, currencies, entries) from the table",
        description=(
            "Complete each guide's frontmatter from its compensation table: figures the"
            " table shows where the frontmatter has none or null, an entry's missing"
            " currency, entries for rows the list lacks, the list itself, and for a guide"
            " without frontmatter the whole block, read from the guide. Figures"
            " that disagree are left to `guidelint check`; cells that cannot be read"
            " stay null and are reported."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="guides or folders (default: .)")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument(
        "--diff",
        action="store_true",
        help="print what sync would write as a unified diff (findings go to stderr); write nothing",
    )
    shown.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when sync would change a file or cannot sync one, 0 when all"
        " are in sync",
    )
    parser.add_argument(
        "--partial",
        action="store_true",
        help="write the fields that can be read even when a required one cannot",
    )
    adopt = parser.add_argument_group(
        "guides without frontmatter", "values the page itself does not state"
    )
    adopt.add_argument(
        "--path-pattern",
        metavar="PATTERN",
        help=f"where the slugs are in a guide's path (default: `path-pattern`, else {DEFAULT_PATH_PATTERN})",
    )
    adopt.add_argument(
        "--last-updated",
        type=parse_today,
        metavar="YYYY-MM-DD",
        help="last_updated (default: the date of the file's last git commit)",
    )
    adopt.add_argument(
        "--review-every",
        type=_days,
        default=DEFAULT_REVIEW_DAYS,
        metavar="DAYS",
        help="next_review_due is this long after last_updated: 90d, 12w (default: 90d)",
    )
    adopt.add_argument(
        "--data-quarter",
        type=_quarter,
        metavar="YYYY-Qn",
        help="salary_data_quarter (default: the quarter of last_updated)",
    )
    adopt.add_argument("--role-type", metavar="TYPE", help="role_type, such as standard")
    adopt.add_argument("--data-quality", metavar="LEVEL", help="data_quality: high, medium or low")
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
    options = options_from(args, settings.path_pattern)
    changed = problems = failures = refused = 0
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
        outcome = sync_bytes(raw, target.display, linter, options, path)
        report = sys.stderr if args.diff else sys.stdout
        for d in outcome.problems:
            problems += 1
            print(f"{shown}:{d.line}:{d.column}: {d.code} {escape.text(d.message)}", file=report)
        if outcome.refused and args.check:
            refused += 1
            print(f"{shown}: not in sync: not written (see above)", file=report)
        if not outcome.changed:
            continue
        for note in outcome.notes:
            print(f"{shown}: {escape.text(note)}", file=sys.stderr)
        if args.diff or args.check:
            changed += 1
            if args.diff:
                sys.stdout.write(unified_diff(shown, raw, outcome.synced))
            else:
                print(f"{shown}: not in sync", file=report)
            continue
        try:
            write_atomic(path, outcome.synced, digest(raw), roots)
        except FixWriteError as exc:
            failures += 1
            print(f"guidelint: {shown}: {exc}", file=sys.stderr)
            continue
        changed += 1  # counted once written: a read-only file is not completed
    verb = "would complete" if args.diff or args.check else "completed"
    print(f"guidelint: {verb} the frontmatter of {plural(changed, 'file')}", file=sys.stderr)
    if args.check:
        return 1 if changed or refused or failures else 0
    if args.diff and changed:
        return 1
    return 1 if problems or failures else 0
