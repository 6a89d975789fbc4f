"""``guidelint audit``: which guides are overdue, due soon or fresh."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from guidelint.audit import (
    OVERDUE,
    RENDERERS,
    AuditRow,
    AuditSummary,
    collect,
    missing,
    render_groups,
    render_html,
    render_text,
    sort_rows,
)
from guidelint.columns import terminal_width
from guidelint.commands.common import add_common, output_stream, settings_for, today
from guidelint.config import ConfigError
from guidelint.document import load_guide
from guidelint.files import iter_targets
from guidelint.owners import CodeOwners


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "audit",
        help="report each guide's review status, most overdue first",
        description=(
            "One row per guide: status (overdue, due soon, fresh, undated, invalid),"
            " company, role, dates, days until or since the review is due, and the"
            " data quarter's age."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders of *.md")
    parser.add_argument(
        "--output-format",
        "--format",
        dest="format",
        choices=tuple(RENDERERS),
        default="text",
        help="report format (default: text, fitted to the terminal; html: a page of counts,"
        " due dates and a table to sort and filter)",
    )
    parser.add_argument(
        "--fail-on-overdue",
        action="store_true",
        help="exit 1 when any guide is overdue (for scheduled jobs)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="one line per status, review date and data quarter instead of one per guide",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    add_common(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.summary and args.format != "text":
        raise ConfigError(f"--summary works with the text format only, not `{args.format}`")
    paths = list(args.paths) or ["."]
    settings = settings_for(args, paths)
    day = today(args)
    owners = CodeOwners.find(settings.root) if args.format == "html" else None
    rows = []
    for target in iter_targets(paths, settings.exclusions()):
        if target.missing:
            rows.append(missing(target.display))
            continue
        guide = load_guide(target.display, target.display, settings.max_file_size)
        rows.append(collect(guide, day, settings, owners))
    if not rows:
        print(
            f"guidelint: warning: no guides (*.md) found under {', '.join(paths)}", file=sys.stderr
        )
    rows = sort_rows(rows)
    summary = AuditSummary.of(rows, day)
    with output_stream(args.output) as stream:
        stream.write(_report(args, rows, summary))
    return 1 if args.fail_on_overdue and summary.counts[OVERDUE] else 0


def _report(args: argparse.Namespace, rows: Sequence[AuditRow], summary: AuditSummary) -> str:
    to_stdout = args.output in (None, "-")
    if args.summary:
        return render_groups(rows, summary, terminal_width(to_stdout))
    if args.format == "text":
        return render_text(rows, summary, terminal_width(to_stdout))
    if args.format == "html":
        folder = Path.cwd() if to_stdout else Path(os.path.dirname(os.path.abspath(args.output)))
        return render_html(rows, summary, folder)
    return RENDERERS[args.format](rows, summary)
