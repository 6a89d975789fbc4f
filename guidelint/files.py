"""Finding guides under the paths a user names, and replacing files safely."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator, Sequence
from typing import BinaryIO, NamedTuple

from guidelint import gitignore
from guidelint.exclusion import SKIPPED_DIRS, FileFilter


class Target(NamedTuple):
    """A file to lint: ``display`` is the path as reports show it.

    ``missing`` when there is nothing to read there; ``problem`` then says why
    when it is not simply absent (an unreadable folder, a link loop).
    """

    display: str
    missing: bool = False
    problem: str = ""


class NotRegular(OSError):
    """A path that names a FIFO, a device, a socket or a folder: never read."""


class TooLarge(OSError):
    """A file larger than the caller's limit."""


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, for messages; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular(path: str | os.PathLike[str], limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file of at most ``limit`` bytes, and its ``stat``.

    The file is opened without blocking (a FIFO's open would wait for a
    writer) and checked with ``fstat`` on the open descriptor, so what is
    checked is what is read.  Anything else raises :class:`NotRegular`, a
    larger file :class:`TooLarge`; both are ``OSError`` with a ``strerror``.
    """
    _refuse_special(os.stat(path).st_mode, limit, os.stat(path).st_size)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        _refuse_special(info.st_mode, limit, info.st_size)
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise TooLarge(errno.EFBIG, f"grew above the {limit:,}-byte limit while being read")
    return raw, info


def _refuse_special(mode: int, limit: int, size: int) -> None:
    kind = kind_of(mode)
    if kind is not None:
        raise NotRegular(errno.EINVAL, f"{kind}, not a regular file")
    if size > limit:
        raise TooLarge(errno.EFBIG, f"{size:,} bytes, above the {limit:,}-byte limit")


def display_path(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def iter_targets(paths: Sequence[str], exclusions: FileFilter | None = None) -> Iterator[Target]:
    """Named files as given, and ``*.md`` files under named folders, sorted.

    ``exclusions`` prunes the walks (and, with ``force-exclude``, named paths
    too).  Symbolic links to folders are followed once: a folder already
    visited (the same device and inode) is not entered again, so link loops
    end.  A file reached twice (``a.md ./a.md``, a relative and an absolute
    path, a link to a guide also linted) is linted once, under the first name;
    a folder that cannot be listed and a link that loops are reported.
    """
    exclusions = exclusions or FileFilter()
    seen: set[str] = set()
    for path in paths:
        if exclusions.force_exclude and exclusions.excludes(path):
            continue
        if os.path.isdir(path):
            found = sorted(_walk(path, exclusions))
        elif os.path.lexists(path):
            found = [(path, "", _real_name(path))]
        else:
            yield Target(display_path(path), missing=True)
            continue
        for item, problem, real in found:
            if real in seen:
                continue
            seen.add(real)
            yield Target(display_path(item), bool(problem), problem)


def _real_name(path: str) -> str:
    """The path with every link resolved, or the path itself when that fails."""
    try:
        return os.path.realpath(path, strict=False)
    except (OSError, ValueError):
        return os.path.abspath(path)


def _walk(top: str, exclusions: FileFilter) -> Iterator[tuple[str, str, str]]:
    """``*.md`` files under ``top`` with an empty problem, and folders that cannot
    be listed and links that loop with one; each folder entered once.  Each comes
    with its real name (every link resolved), which says when two are the same.

    ``os.scandir`` gives each entry's kind without a system call, so only
    folders and links cost one ``stat`` (which also follows a link to its target).
    An entry that is not a link is its folder's real name joined with its own,
    so only ``top`` and links are resolved.  Each folder carries the ``.gitignore``
    files that apply to it, each with the folder's path relative to it in parts
    (``gitignore.located`` for ``top``, then one more part per folder entered).
    """
    try:
        info = os.stat(top)
    except OSError:
        return
    visited = {(info.st_dev, info.st_ino)}
    outer = gitignore.outer_files(top) if exclusions.respect_gitignore else ()
    # Each folder goes with its real name ending in a separator, which an
    # entry's name completes, and with the ignore files above it, located.
    pending = [(top, os.path.join(_real_name(top), ""), gitignore.located(outer, top))]
    while pending:
        folder, real_folder, where = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            yield (
                _shown(folder, top),
                f"cannot list folder: {exc.strerror or exc}",
                _real_name(folder),
            )
            continue
        if exclusions.respect_gitignore and any(e.name == gitignore.GITIGNORE for e in entries):
            own = gitignore.read(os.path.join(folder, gitignore.GITIGNORE), folder)
            where = ((own, ()), *where) if own is not None else where
        # Else only SKIPPED_DIRS are left out; most ignore files hold only
        # folder lines ("build/"), which no file name need be checked against.
        dirs_filtered = bool(where or exclusions.patterns)
        files_filtered = bool(exclusions.patterns) or gitignore.names_files(where)
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
                if not is_dir and entry.is_symlink():
                    os.stat(entry.path)  # a loop raises here instead of passing for a file
            except OSError as exc:
                # A loop may hide a folder of guides; any other broken link matters
                # only when it is named like a guide.
                wanted = name.endswith(".md") or exc.errno == errno.ELOOP
                if wanted and not (
                    dirs_filtered and _skipped(exclusions, where, entry.path, name, False)
                ):
                    problem = f"cannot follow link: {exc.strerror or exc}"
                    yield _shown(entry.path, top), problem, _real_name(entry.path)
                continue
            if is_dir:
                if name in SKIPPED_DIRS or (
                    dirs_filtered and _skipped(exclusions, where, entry.path, name, True)
                ):
                    continue
                try:
                    info = entry.stat()
                except OSError:
                    continue
                if (info.st_dev, info.st_ino) not in visited:
                    visited.add((info.st_dev, info.st_ino))
                    real = _real_entry(entry, real_folder) + os.sep
                    pending.append((entry.path, real, gitignore.descend(where, name)))
            elif name.endswith(".md") and not (
                files_filtered and _skipped(exclusions, where, entry.path, name, False)
            ):
                yield _shown(entry.path, top), "", _real_entry(entry, real_folder)


def _real_entry(entry: os.DirEntry[str], real_folder: str) -> str:
    """An entry's real name, given its folder's (ending in a separator)."""
    if entry.is_symlink():
        return _real_name(entry.path)
    return real_folder + entry.name


def _skipped(
    exclusions: FileFilter,
    where: gitignore.Located,
    path: str,
    name: str,
    is_dir: bool,
) -> bool:
    if exclusions.patterns and exclusions.matches(path, name):
        return True
    return bool(where) and gitignore.ignored_name(where, name, is_dir)


def _shown(path: str, top: str) -> str:
    return path[2:] if path.startswith("./") and top != "./" else path


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
