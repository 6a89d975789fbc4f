"""``guidelint lsp``: the language server, for editors (needs the ``lsp`` extra)."""

from __future__ import annotations

import argparse
import importlib.util
import sys

# guidelint is installed from a copy of its repository, not the package index: the
# extra's one package, pygls, is on the index.
INSTALL_HINT = "python -m pip install pygls"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "lsp",
        help="run the Language Server Protocol server on stdio (needs the `lsp` extra, pygls)",
    )
    # Many editor clients pass --stdio; stdio is the only transport, so accept it.
    parser.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (default)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # pygls is imported only here, so the linter itself never needs it.
    if importlib.util.find_spec("pygls") is None:
        print(
            "guidelint: error: the language server needs pygls (the `lsp` extra);"
            f" install it with: {INSTALL_HINT}",
            file=sys.stderr,
        )
        return 2
    from guidelint.lsp import serve

    serve()
    return 0
