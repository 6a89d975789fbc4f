"""Who owns a guide, from a CODEOWNERS file as GitHub reads it.

The file is the first of ``.github/CODEOWNERS``, ``CODEOWNERS`` and
``docs/CODEOWNERS`` found in the project's folder (where the configuration
file is, else the current folder).  Each line is a pattern and the owners
after it; ``#`` starts a comment.  The last line whose pattern matches a
guide's path names its owners (a line with no owners leaves it without one).
Patterns follow GitHub's rules: ``*`` and ``?`` stay within a folder, ``**``
spans folders, a pattern with no slash but a trailing one matches at any
depth, a leading or inner slash anchors it at the project's folder, and a
pattern naming a folder covers everything under it, except that a last
segment with a wildcard matches only at its own depth (``docs/*`` owns
``docs/a.md``, not ``docs/old/a.md``).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

LOCATIONS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")
MAX_SIZE = 3 * 1024 * 1024  # GitHub ignores a larger CODEOWNERS file too


class Entry(NamedTuple):
    parts: tuple[str, ...]  # pattern segments; "**" spans any number of folders
    folder_only: bool  # a trailing slash: matches folders, so only what is under them
    owners: str

    def ends(self, depth: int) -> range:
        """The lengths of the leading parts of a path of ``depth`` segments that
        this entry may match: the whole path, and any folder above it unless
        the last segment is a wildcard."""
        last = depth - 1 if self.folder_only else depth
        if any(mark in self.parts[-1] for mark in "*?["):
            return range(last, last + 1)
        return range(1, last + 1)


def _entry(line: str) -> Entry | None:
    words = line.split()
    if not words or words[0].startswith("#"):
        return None
    pattern = words[0].replace("\\#", "#")
    owners = []
    for word in words[1:]:
        if word.startswith("#"):
            break
        owners.append(word)
    anchored = "/" in pattern.rstrip("/")
    parts = tuple(part for part in pattern.strip("/").split("/") if part)
    if not parts:
        return None
    if not anchored:
        parts = ("**", *parts)
    return Entry(parts, pattern.endswith("/"), " ".join(owners))


def _match(parts: Sequence[str], segments: Sequence[str]) -> bool:
    """Whether the pattern segments match the path segments exactly."""
    # reachable[j]: the parts seen so far can end after segments[:j]
    reachable = [True] + [False] * len(segments)
    for part in parts:
        if part == "**":
            seen = False
            for j, ok in enumerate(reachable):
                seen = seen or ok
                reachable[j] = seen
            continue
        following = [False] * len(reachable)
        for j in range(len(segments)):
            following[j + 1] = reachable[j] and fnmatch.fnmatchcase(segments[j], part)
        reachable = following
    return reachable[-1]


class CodeOwners(NamedTuple):
    entries: tuple[Entry, ...]

    @classmethod
    def parse(cls, text: str) -> CodeOwners:
        return cls(tuple(entry for line in text.splitlines() if (entry := _entry(line))))

    @classmethod
    def find(cls, root: Path) -> CodeOwners | None:
        """The project's CODEOWNERS file, or None when it has none that can be read."""
        for location in LOCATIONS:
            path = root / location
            try:
                if path.is_file() and path.stat().st_size <= MAX_SIZE:
                    return cls.parse(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                continue
        return None

    def owner_of(self, relative_path: str) -> str | None:
        """The owners of a path relative to the project's folder (forward slashes)."""
        segments = [part for part in relative_path.split("/") if part not in ("", ".")]
        for entry in reversed(self.entries):
            if any(_match(entry.parts, segments[:end]) for end in entry.ends(len(segments))):
                return entry.owners or None
        return None
