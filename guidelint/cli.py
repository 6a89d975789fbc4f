"""The ``guidelint`` command: parse arguments and hand over to a subcommand.

Each subcommand is a module in :mod:`guidelint.commands` with ``add_parser``
and ``run``; user mistakes become a message on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import sys
from collections.abc import Sequence

from guidelint import __version__, patterns
from guidelint.config import ConfigError

COMMANDS = ("check", "sync", "audit", "rules", "rule", "clean", "lsp")
EXIT_USAGE = 2


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or (``only``) one with just that subcommand: start-up
    time is what pre-commit users feel, and each command imports what it needs."""
    parser = argparse.ArgumentParser(
        prog="guidelint",
        description="Lint salary-negotiation guides: schema, tables, freshness and claims.",
    )
    parser.add_argument("--version", action="version", version=f"guidelint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (only,) if only else COMMANDS:
        try:
            module = importlib.import_module(f"guidelint.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"guidelint.commands.{name}":
                raise
            continue
        module.add_parser(sub)
    return parser


def _chosen(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, when it is the first word."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in COMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(_chosen(sys.argv[1:] if argv is None else argv))
    args, extra = parser.parse_known_args(argv)
    if extra:
        _unrecognized(parser, args.command, extra)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    # The objects made at start-up (modules, compiled patterns, schemas) live as long
    # as the process: kept out of the collector's reach, they are not walked again on
    # every collection; a lint makes few cycles, so collections can be rarer.
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)
    try:
        return int(args.run(args))
    except ConfigError as exc:
        _say(f"guidelint: error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader left (`| head`) before the report was written
        _silence_stdout()
        return 0
    except OSError as exc:  # a full disk or a closed stream while writing the report
        _silence_stdout()
        _say(f"guidelint: error: cannot write: {exc.strerror or exc}")
        return EXIT_USAGE
    finally:
        patterns.save()  # for the next run, as Python keeps bytecode


def _unrecognized(parser: argparse.ArgumentParser, command: str | None, extra: list[str]) -> None:
    """Exit 2 with the subcommand's own usage (not the top-level one), and the
    nearest option it has for the first unknown one."""
    import difflib

    subparsers = next(
        (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None
    )
    target = parser
    if command is not None and subparsers is not None:
        target = subparsers.choices[command]
    message = f"unrecognized arguments: {' '.join(extra)}"
    unknown = next((word.split("=", 1)[0] for word in extra if word.startswith("-")), None)
    if unknown is not None:
        options = [option for option in target._option_string_actions if option.startswith("--")]
        close = difflib.get_close_matches(unknown, options, n=1, cutoff=0.6)
        if close:
            message += f"; did you mean {close[0]}?"
    target.error(message)


def _say(message: str) -> None:
    """A message on stderr, unless stderr itself is closed or broken."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(message, file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    from guidelint.commands.common import silence_stdout  # what every command writes with

    silence_stdout()


if __name__ == "__main__":
    raise SystemExit(main())
