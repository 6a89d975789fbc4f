"""Finding guides under the paths a user names."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from typing import NamedTuple

SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".guidelint_cache", ".venv", "venv"}
)


class Target(NamedTuple):
    """A file to lint: ``display`` is the path as reports show it, ``missing`` if absent."""

    display: str
    missing: bool = False


def display_path(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def iter_targets(paths: Sequence[str], exclude: Sequence[str] = ()) -> Iterator[Target]:
    """Named files as given, and ``*.md`` files under named folders, sorted.

    Symbolic links to folders are followed once: a folder already visited
    (by its real path) is not entered again, so link loops end.
    """
    seen_files: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            found = sorted(_walk(path, exclude))
        elif os.path.lexists(path):
            found = [path]
        else:
            yield Target(display_path(path), missing=True)
            continue
        for item in found:
            shown = display_path(item)
            if shown not in seen_files:
                seen_files.add(shown)
                yield Target(shown)


def _excluded(rel: str, name: str, exclude: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(name, pat) for pat in exclude)


def _walk(top: str, exclude: Sequence[str]) -> Iterator[str]:
    visited: set[str] = set()
    for folder, dirs, files in os.walk(top, followlinks=True):
        real = os.path.realpath(folder)
        if real in visited:
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIPPED_DIRS
            and not _excluded(display_path(os.path.join(folder, d)), d, exclude)
        )
        for name in files:
            if not name.endswith(".md"):
                continue
            full = os.path.join(folder, name)
            if full.startswith("./") and top != "./":
                full = full[2:]
            if not _excluded(display_path(full), name, exclude):
                yield full
