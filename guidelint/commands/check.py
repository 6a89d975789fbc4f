"""``guidelint check``: lint guides and report."""

from __future__ import annotations

import argparse
import os
import sys

from guidelint.commands.common import (
    add_common,
    add_file_selection,
    output_stream,
    settings_for,
    silence_stdout,
    today,
    with_file_selection,
)
from guidelint.commands.show import (
    StatisticsReporter,
    add_show_options,
    show_files,
    show_settings,
    with_fix_options,
    write_fixed,
)
from guidelint.config import ConfigError, check_codes, parse_fail_on
from guidelint.diagnostics import problem
from guidelint.files import Target, display_path, iter_targets
from guidelint.linter import FileResult, Linter
from guidelint.reporters import (
    COLOR_CHOICES,
    REPORTERS,
    Reporter,
    Summary,
    resolve_format,
    wants_color,
)
from guidelint.selection import Selection

FAIL_ON = ("error", "warning", "info", "never")
MAX_JOBS = 61  # what Windows allows a process pool; far more than linting needs


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help="lint guides (files or folders of *.md)")
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders; `-` reads stdin"
    )
    parser.add_argument(
        "--select",
        metavar="CODES",
        help="comma-separated codes, prefixes or rule names to enable (replaces `select`)",
    )
    parser.add_argument(
        "--extend-select",
        metavar="CODES",
        help="comma-separated codes, prefixes or names to enable on top of the selection",
    )
    parser.add_argument(
        "--ignore",
        metavar="CODES",
        help="comma-separated codes, prefixes or rule names to disable (adds to `ignore`)",
    )
    parser.add_argument(
        "--fail-on", choices=FAIL_ON, help="lowest severity that exits 1 (default: error)"
    )
    parser.add_argument(
        "--output-format",
        "--format",
        dest="format",
        action=_Spelled,
        default="auto",
        metavar="NAME",
        help="report format: auto, " + ", ".join(REPORTERS) + " (--format is the same option)",
    )
    parser.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="text format: print only the closing summary, and nothing when no problem is found",
    )
    parser.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour the text report: auto (a terminal; honours NO_COLOR and FORCE_COLOR),"
        " always or never",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    parser.add_argument(
        "--show-cascade",
        action="store_true",
        help="text format: list under each finding the findings folded into it",
    )
    parser.add_argument(
        "--stdin-filename", metavar="PATH", help="name and configure stdin (`-`) as PATH"
    )
    parser.add_argument(
        "--jobs", "-j", type=int, default=None, metavar="N", help="worker processes (default: CPUs)"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="lint every file again; read and write no cache"
    )
    parser.add_argument(
        "--cache-dir", metavar="DIR", help="cache folder (default: .guidelint_cache)"
    )
    parser.add_argument(
        "--fix", action="store_true", help="rewrite files to repair the problems marked [*]"
    )
    parser.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; write nothing"
    )
    parser.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix/--diff, also delete table rows whose region is not in the frontmatter",
    )
    baseline = parser.add_mutually_exclusive_group()
    baseline.add_argument(
        "--baseline", metavar="FILE", help="report only findings not recorded in FILE"
    )
    baseline.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record the current findings in FILE, keeping the entries of files not linted; exit 0",
    )
    add_file_selection(parser)
    add_show_options(parser)
    add_common(parser)
    parser.set_defaults(run=run)


class _Spelled(argparse.Action):
    """Store the value and the option's spelling, so errors echo what was typed."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)
        setattr(namespace, f"{self.dest}_option", option_string or self.option_strings[0])


def _codes(text: str | None, option: str) -> tuple[str, ...]:
    """The codes of a comma-separated option; empty items are skipped, so
    ``--select ''`` selects nothing, as ``select = []`` does."""
    items = [item for item in (text or "").split(",") if item.strip()]
    return check_codes(items, option) if items else ()


def _lint_stdin(linter: Linter, name: str) -> FileResult:
    """Standard input, read up to max-file-size (like a file; a larger one is GL001)."""
    if sys.stdin is None:
        raise ConfigError("standard input is closed: nothing to read for `-`")
    limit = linter.settings.max_file_size
    raw = sys.stdin.buffer.read(limit + 1)
    if len(raw) > limit:
        message = f"standard input is above the {limit:,}-byte limit (max-file-size); skipped"
        return FileResult(name, linter.finish(None, [problem("GL001", 1, 1, message)], name))
    from guidelint.document import parse_guide

    guide = parse_guide(raw, name)
    return FileResult(name, linter.lint_guide(guide), lines=guide.lines)


def run(args: argparse.Namespace) -> int:
    paths = list(args.paths) or ["."]
    stdin = "-" in paths
    if stdin and len(paths) > 1:
        raise ConfigError("`-` (standard input) cannot be combined with other paths")
    if args.stdin_filename and not stdin:
        print(
            "guidelint: warning: --stdin-filename names standard input, which is read only"
            " with `-` among the paths; ignored",
            file=sys.stderr,
        )
    settings = settings_for(args, [args.stdin_filename] if stdin and args.stdin_filename else paths)
    settings = with_fix_options(args, with_file_selection(args, settings))
    if args.show_settings:
        return show_settings(settings, paths[0], sys.stdout)
    fmt = resolve_format(args.format)
    if fmt not in REPORTERS:
        raise ConfigError(
            f"{getattr(args, 'format_option', '--output-format')}: unknown format"
            f" `{args.format}`; choose from auto, {', '.join(REPORTERS)}"
        )
    select = settings.select if args.select is None else _codes(args.select, "--select")
    select += _codes(args.extend_select, "--extend-select")
    ignore = settings.ignore + _codes(args.ignore, "--ignore")
    fail_on = parse_fail_on(args.fail_on) if args.fail_on else settings.fail_on
    linter = Linter(settings, today(args), Selection(select, ignore))
    if not stdin and not args.no_cache:
        from guidelint.cache import Cache

        linter.cache = Cache.open(settings, linter.selection, linter.today, args.cache_dir)
        # The command runs once, so what is loaded by now (modules, the cache's
        # document) is kept to its end: no later collection need walk it again.
        import gc

        gc.freeze()

    if stdin:
        name = display_path(args.stdin_filename or "-")
        results = iter([_lint_stdin(linter, name)])
        targets: list[Target] = []
    else:
        targets = sorted(iter_targets(paths, settings.exclusions()), key=lambda t: t.display)
        if args.show_files:
            return show_files(targets, sys.stdout)
        if not targets:
            print(
                f"guidelint: warning: no guides (*.md) found under {', '.join(paths)}",
                file=sys.stderr,
            )
        if args.jobs is not None and args.jobs < 1:
            raise ConfigError(
                f"--jobs: expected a number of processes of 1 or more, not {args.jobs}"
            )
        # More workers than the processors this process may run on only costs
        # start-up time and memory.
        jobs = min(args.jobs or MAX_JOBS, _usable_cpus(), MAX_JOBS)
        results = linter.run(targets, jobs)

    if args.fix or args.diff or args.unsafe_fixes:
        from guidelint.fixes import Fixer, tree_roots

        if not (args.fix or args.diff):
            raise ConfigError("--unsafe-fixes works with --fix or --diff")
        if stdin:
            raise ConfigError("--fix and --diff work on files, not standard input")
        fixer = Fixer(
            linter, unsafe=args.unsafe_fixes, write=not args.diff, within=tree_roots(paths)
        )
        if args.diff:
            with output_stream(args.output) as stream:
                status = fixer.show_diffs(results, stream)
                if args.show_fixes:
                    write_fixed(fixer.fixed_by_file, _names(linter), stream, written=not args.diff)
            return status
        results = fixer.process(results)

    # Baselines: hide recorded findings, or record them all (guidelint.baseline).
    if args.baseline:
        from guidelint.baseline import Baseline

        known = Baseline(args.baseline)
        results = known.filter(results)
    elif args.write_baseline:
        from guidelint.baseline import Recorder

        recorder = Recorder(args.write_baseline, linter.selection)
        results = recorder.watch(results)

    summary = Summary(fix_hint=not stdin)  # --fix works on files only
    try:
        with output_stream(args.output) as stream:
            # A report file is coloured only when asked for by name (--color always).
            color = wants_color(args.color, stream) and (
                stream is sys.stdout or args.color == "always"
            )
            reporter: Reporter
            if args.statistics:
                reporter = StatisticsReporter(stream, as_json=fmt == "json")
            else:
                reporter = REPORTERS[fmt](
                    stream,
                    color=color,
                    fail_on=None if args.write_baseline else fail_on,
                    quiet=args.quiet,
                    docs_url=settings.docs_url,
                    show_cascade=args.show_cascade,
                )
            reporter.start()
            for result in results:
                summary.add(result)
                reporter.file(result)
            reporter.finish(summary)
            if args.show_fixes and (args.fix or args.diff):
                write_fixed(fixer.fixed_by_file, _names(linter), stream)
    except BrokenPipeError:
        # The reader left (`| head -1`): the files not yet reported are still linted,
        # unseen, so that their fixes and the baseline are written and the exit status
        # says what the whole run found.
        silence_stdout()
        for result in results:
            summary.add(result)
    if args.baseline:
        known.report()
    elif args.write_baseline:
        recorder.write()
        print(f"guidelint: {recorder.outcome()}", file=sys.stderr)
        return 0
    if args.exit_non_zero_on_fix and args.fix and fixer.files_changed:
        return 1
    worst = summary.worst()
    return 1 if fail_on is not None and worst is not None and worst >= fail_on else 0


def _names(linter: Linter) -> dict[str, str]:
    return {code: rule.name for code, rule in linter.registry.rules.items()}


def _usable_cpus() -> int:
    """The processors this process may run on (its affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
