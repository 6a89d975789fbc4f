"""Options and helpers shared by the subcommands that read guides."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from guidelint import config
from guidelint.config import ConfigError, Settings


def parse_today(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
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


def settings_for(args: argparse.Namespace, paths: list[str]) -> Settings:
    if args.isolated:
        return Settings()
    if args.config:
        path = Path(args.config)
        if not path.is_file():
            raise ConfigError(f"--config: no such file: {args.config}")
        return config.load(path)
    start = Path(paths[0]) if paths else Path.cwd()
    if not start.exists():
        start = Path.cwd()
    return config.load(config.discover(start))


def today(args: argparse.Namespace) -> dt.date:
    return args.today or dt.date.today()


@contextlib.contextmanager
def output_stream(target: str | None) -> Iterator[TextIO]:
    """stdout, or a file written atomically (temporary file, then rename)."""
    if not target or target == "-":
        yield sys.stdout
        return
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise ConfigError(f"--output: folder does not exist: {os.path.dirname(target) or '.'}")
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".guidelint-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
