"""Finding guides under the paths a user names, and replacing files safely."""

from __future__ import annotations

import contextlib
import fnmatch
import os
from collections.abc import Iterator, Sequence
from typing import BinaryIO, NamedTuple

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
    (the same device and inode) is not entered again, so link loops end.
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
    """``*.md`` files under ``top``; each folder entered once, by device and inode.

    ``os.scandir`` gives each entry's kind without a system call, so only
    folders cost one ``stat`` (which also follows a link to its target).
    """
    try:
        info = os.stat(top)
    except OSError:
        return
    visited = {(info.st_dev, info.st_ino)}
    pending = [top]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                if name in SKIPPED_DIRS or (
                    exclude and _excluded(display_path(entry.path), name, exclude)
                ):
                    continue
                try:
                    info = entry.stat()
                except OSError:
                    continue
                if (info.st_dev, info.st_ino) not in visited:
                    visited.add((info.st_dev, info.st_ino))
                    pending.append(entry.path)
            elif name.endswith(".md"):
                full = entry.path
                if full.startswith("./") and top != "./":
                    full = full[2:]
                if not exclude or not _excluded(display_path(full), name, exclude):
                    yield full


@contextlib.contextmanager
def replacing(
    path: str | os.PathLike[str], *, mode: int | None = None, durable: bool = False
) -> Iterator[BinaryIO]:
    """A binary handle whose bytes replace the file at ``path`` once the block ends.

    They go to a temporary file in the same folder (a rename within one file
    system is atomic), which gets ``mode`` if given, is flushed to disk first if
    ``durable``, and is then renamed over ``path``: readers see the old file or
    the new one, never half of one.  On any error the temporary file is removed
    and ``path`` is untouched.  Making the temporary file raises ``OSError``
    before the block runs.
    """
    import tempfile  # only runs that write a file need it

    folder, name = os.path.split(os.fspath(path))
    fd, temp = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
