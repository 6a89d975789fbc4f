"""``guidelint rule CODE``: explain one rule."""

from __future__ import annotations

import argparse

from guidelint.commands.rules import explain
from guidelint.config import ConfigError
from guidelint.registry import did_you_mean, load_families


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("rule", help="explain one rule (by code or name)")
    parser.add_argument("code", metavar="CODE", help="a rule code such as GL005, or its name")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    registry = load_families()
    rule = registry.by_name_or_code(args.code)
    if rule is None:
        hint = did_you_mean(registry.suggest(args.code))
        raise ConfigError(f"no rule `{args.code}`{hint} (`guidelint rules` lists them)")
    print(explain(rule), end="")
    return 0
