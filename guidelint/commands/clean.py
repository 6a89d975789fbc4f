"""``guidelint clean``: remove the cache folder."""

from __future__ import annotations

import argparse
import sys

from guidelint.cache import cache_dir, clear
from guidelint.commands.common import settings_for
from guidelint.config import ConfigError


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("clean", help="remove the cache folder (.guidelint_cache)")
    parser.add_argument(
        "--cache-dir", metavar="DIR", help="cache folder to remove (default: .guidelint_cache)"
    )
    parser.add_argument(
        "--config", metavar="FILE", help="read this configuration file instead of searching for one"
    )
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = cache_dir(settings_for(args, []), args.cache_dir)
    try:
        removed = clear(folder)
    except OSError as exc:
        raise ConfigError(str(exc)) from None
    print(f"removed {folder}" if removed else f"no cache at {folder}", file=sys.stderr)
    return 0
