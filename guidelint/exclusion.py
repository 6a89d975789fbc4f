"""Which files a run leaves out: ``exclude``/``extend-exclude`` globs, folders
that never hold guides, and (``respect-gitignore``) what git ignores.

Globs are matched, as ruff matches them, against a path relative to the
configuration's folder and against the file or folder's own name, so
``drafts`` leaves out every folder named drafts and ``guides/old/*.md`` the
files of that one folder.  Folders met while walking are pruned, so what is
inside an excluded folder is never listed.  A file named on the command line
is linted whatever the globs say unless ``force-exclude`` is on (pre-commit
names every file it checks); ``.gitignore`` applies to folder walks only.
"""

from __future__ import annotations

import fnmatch
import os
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from guidelint.config import Settings

SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".guidelint_cache", ".venv", "venv"}
)


class FileFilter(NamedTuple):
    """The exclusions of one run."""

    roots: tuple[str, ...] = ()  # the configuration's folder, as written and resolved
    patterns: tuple[str, ...] = ()
    respect_gitignore: bool = False
    force_exclude: bool = False

    @classmethod
    def of(cls, settings: Settings) -> FileFilter:
        return cls(
            roots=_roots(str(settings.root)),
            patterns=settings.exclude + settings.extend_exclude,
            respect_gitignore=settings.respect_gitignore,
            force_exclude=settings.force_exclude,
        )

    def matches(self, path: str, name: str | None = None) -> bool:
        """Whether a glob names ``path`` (a file or a folder) or its own name."""
        if not self.patterns:
            return False
        name = name if name is not None else os.path.basename(path.rstrip("/\\"))
        return self._glob(self._relative(path), name)

    def _glob(self, rel: str, name: str) -> bool:
        return any(
            fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(rel, pattern)
            for pattern in self.patterns
        )

    def excludes(self, path: str) -> bool:
        """Whether a path named on its own (on the command line with
        ``force-exclude``, or by an editor) is left out: it, or a folder it is
        in below the configuration's folder, matches a glob or is a folder
        that never holds guides."""
        rel = self._relative(path)
        parts = rel.split("/")
        if any(part in SKIPPED_DIRS for part in parts[:-1]):
            return True
        if rel.startswith("../") or os.path.isabs(rel):
            return self.matches(path)
        return any(self._glob("/".join(parts[: end + 1]), parts[end]) for end in range(len(parts)))

    def _relative(self, path: str) -> str:
        """``path`` relative to the configuration's folder, with forward slashes
        (or as given, when it is outside that folder); no system call."""
        full = os.path.abspath(path)
        for root in self.roots:
            if full == root:
                return "."
            if full.startswith(root.rstrip(os.sep) + os.sep):
                return full[len(root.rstrip(os.sep)) + 1 :].replace(os.sep, "/")
        return path.replace(os.sep, "/")


def _roots(root: str) -> tuple[str, ...]:
    """The folder as written and with links resolved: a configuration found by
    walking up resolved paths, while the paths linted may not be."""
    written = os.path.abspath(root)
    real = os.path.realpath(root)
    return (written,) if written == real else (written, real)
