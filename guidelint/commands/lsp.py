"""``guidelint lsp``: the language server, for editors (needs ``guidelint[lsp]``)."""

from __future__ import annotations

import argparse
import importlib.util
import sys

INSTALL_HINT = "pip install 'guidelint[lsp]'"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "lsp", help=f"run the Language Server Protocol server on stdio ({INSTALL_HINT})"
    )
    # Many editor clients pass --stdio; stdio is the only transport, so accept it.
    parser.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (default)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # pygls is imported only here, so the linter itself never needs it.
    if importlib.util.find_spec("pygls") is None:
        print(
            f"guidelint: error: the language server needs pygls; install it with: {INSTALL_HINT}",
            file=sys.stderr,
        )
        return 2
    from guidelint.lsp import serve

    serve()
    return 0
