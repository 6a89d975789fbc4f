"""Options and helpers shared by the subcommands that read guides."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from guidelint import config
from guidelint.config import ConfigError, Settings
from guidelint.files import replacing


def silence_stdout() -> None:
    """Point stdout at the null device, so that nothing more written to it (and not
    the interpreter's final flush of what could not be written) raises."""
    if sys.stdout is None:
        return
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def parse_today(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        if len(text) == 10 and text[4] == text[7] == "-" and text.replace("-", "").isdigit():
            # written right, but no such day: "2026-02-30"
            raise argparse.ArgumentTypeError(f"`{text}` is no day of the calendar: {exc}") from None
        raise argparse.ArgumentTypeError(f"`{text}` is not a date written YYYY-MM-DD") from None


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=parse_today,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date that freshness rules measure against (default: today's local date)",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="read this configuration file instead of searching for one"
    )
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")


def add_file_selection(parser: argparse.ArgumentParser) -> None:
    """ruff's options for which files a run reads (see guidelint.exclusion)."""
    parser.add_argument(
        "--exclude",
        metavar="GLOBS",
        help="comma-separated globs of files and folders to leave out (replaces `exclude`)",
    )
    parser.add_argument(
        "--extend-exclude",
        metavar="GLOBS",
        help="comma-separated globs to leave out in addition to `exclude`",
    )
    parser.add_argument(
        "--respect-gitignore",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="leave out what .gitignore files ignore while walking folders (default: on)",
    )
    parser.add_argument(
        "--force-exclude",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="apply the excludes to files named on the command line too, as pre-commit names them",
    )


def with_file_selection(args: argparse.Namespace, settings: Settings) -> Settings:
    """``settings`` with the command line's file-selection options applied."""

    def globs(text: str) -> tuple[str, ...]:
        return tuple(glob.strip() for glob in text.split(",") if glob.strip())

    return settings._replace(
        exclude=settings.exclude if args.exclude is None else globs(args.exclude),
        extend_exclude=settings.extend_exclude + globs(args.extend_exclude or ""),
        respect_gitignore=_either(args.respect_gitignore, settings.respect_gitignore),
        force_exclude=_either(args.force_exclude, settings.force_exclude),
    )


def _either(flag: bool | None, configured: bool) -> bool:
    return configured if flag is None else flag


def settings_for(args: argparse.Namespace, paths: list[str]) -> Settings:
    if args.isolated and args.config:
        raise ConfigError(
            "--config and --isolated cannot be used together:"
            " --isolated ignores every configuration file"
        )
    if args.isolated:
        return Settings()
    if args.config:
        path = Path(args.config)
        if not path.exists():
            raise ConfigError(f"--config: no such file: {args.config}")
        return config.load(path)
    start = Path(paths[0]).absolute() if paths else Path.cwd()
    # A path that does not exist yet (an editor's unsaved buffer named with
    # --stdin-filename) is configured by its nearest existing folder.
    while not start.exists() and start != start.parent:
        start = start.parent
    return config.load(config.discover(start))


def today(args: argparse.Namespace) -> dt.date:
    return args.today or dt.date.today()


@contextlib.contextmanager
def output_stream(target: str | None, option: str = "--output") -> Iterator[TextIO]:
    """stdout, or a report file.

    A regular file (or a link to one) is replaced atomically: written beside
    its real path, then renamed, keeping the old file's mode. Anything else
    that is not a folder (``/dev/stdout``, a pipe) is written through.
    """
    if not target or target == "-":
        if sys.stdout is None:
            raise ConfigError("cannot write the report: standard output is closed")
        yield sys.stdout
        sys.stdout.flush()  # a full disk is reported here, with exit status 2
        return
    if os.path.isdir(target):
        raise ConfigError(f"{option}: {target} is a folder, not a file")
    if os.path.exists(target) and not os.path.isfile(target):
        with _open_special(target, option) as handle:
            yield handle
        return
    real = os.path.realpath(target)
    folder = os.path.dirname(real)
    if not os.path.isdir(folder):
        raise ConfigError(f"{option}: folder does not exist: {os.path.dirname(target) or '.'}")
    with contextlib.ExitStack() as stack:
        try:
            raw = stack.enter_context(replacing(real, mode=_mode_for(real)))
        except OSError as exc:
            raise ConfigError(f"{option}: cannot write in {folder}: {exc.strerror}") from None
        handle = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        try:
            yield handle
        finally:
            handle.detach()  # flushed into the temporary file, which replacing() closes


def _open_special(target: str, option: str) -> TextIO:
    """A pipe or a device, opened for writing without waiting: a FIFO that no
    one reads is refused at once instead of hanging the run."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        reason = "nothing reads from it" if exc.errno == errno.ENXIO else exc.strerror
        raise ConfigError(f"{option}: cannot write {target}: {reason}") from None
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)  # once open, a slow reader is waited for
    return open(fd, "w", encoding="utf-8")


def _mode_for(path: str) -> int:
    """The existing file's mode, or what a new file gets under the umask."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
