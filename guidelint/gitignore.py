"""Reading ``.gitignore`` files and matching paths against them, as git does.

The rules (gitignore(5)): a pattern with a slash before its end is anchored to
its file's folder, one without matches a name at any depth; a trailing slash
matches folders only; ``!`` re-includes; the last matching line of a file
wins, and a deeper file wins over the files above it.  ``*`` and ``?`` never
match a slash, ``[...]`` is a class, ``**`` as a whole segment matches any
number of folders, and ``\\`` escapes the next character.

Matching uses no regular expressions: a segment is matched by the wildcard
algorithm that remembers only its last ``*`` (time bounded by the product of
the two lengths, never exponential), and ``**`` by a set of reachable segment
positions, so each line costs at most its length times the path's.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

GITIGNORE = ".gitignore"
MAX_IGNORE_FILE_SIZE = 1 << 20  # a larger .gitignore is not read


class Rule(NamedTuple):
    """One pattern line: its segments (``**`` kept as its own segment)."""

    segments: tuple[str, ...]
    negated: bool
    folders_only: bool


def parse_line(line: str) -> Rule | None:
    """The rule a ``.gitignore`` line states, or None for a blank line or comment."""
    line = line.rstrip("\r\n")
    if not line or line.startswith("#"):
        return None
    line = _strip_trailing_spaces(line)
    negated = line.startswith("!")
    if negated or line.startswith(("\\!", "\\#")):
        line = line[1:]  # the `!`, or the backslash that makes `!` or `#` plain
    folders_only = line.endswith("/") and not line.endswith("\\/")
    line = line.rstrip("/") if folders_only else line
    if not line:
        return None
    anchored = "/" in line
    segments = tuple(part for part in line.split("/") if part)
    if not segments:
        return None
    if not anchored:
        segments = ("**", *segments)  # a bare name matches at any depth
    return Rule(segments, negated, folders_only)


def _strip_trailing_spaces(line: str) -> str:
    """Trailing spaces go unless the last of them is escaped with a backslash."""
    end = len(line)
    while end and line[end - 1] == " ":
        end -= 1
    if end < len(line) and end and line[end - 1] == "\\":
        return line[: end - 1] + " "
    return line[:end]


def rule_matches(rule: Rule, parts: Sequence[str], is_dir: bool) -> bool:
    """Whether ``parts`` (a path split on slashes, relative to the rule's file)
    is matched by ``rule``, ignoring negation."""
    if rule.folders_only and not is_dir:
        return False
    segments = rule.segments
    if len(segments) == 2 and segments[0] == "**" != segments[1]:
        return bool(parts) and glob_segment(segments[1], parts[-1])  # a bare name: the last part
    if len(segments) != len(parts) and "**" not in segments:
        return False  # without `**` each segment matches exactly one part
    # Positions in ``parts`` reachable after each pattern segment.
    reachable = {0}
    last = len(rule.segments) - 1
    for index, segment in enumerate(rule.segments):
        if not reachable:
            return False
        if segment == "**":
            # Zero or more folders; a trailing ``/**`` matches what is inside, not the folder.
            least = min(reachable) + (index == last and index > 0)
            reachable = set(range(least, len(parts) + 1))
            continue
        reachable = {
            at + 1 for at in reachable if at < len(parts) and glob_segment(segment, parts[at])
        }
    return len(parts) in reachable


def glob_segment(pattern: str, name: str) -> bool:
    """Whether ``name`` (no slash) matches ``pattern`` (``*``, ``?``, ``[...]``, ``\\``)."""
    kind, text = _shape(pattern)
    if kind == "name":
        return name == text
    if kind == "suffix":
        return name.endswith(text)
    p = n = 0
    star_p = star_n = -1
    while n < len(name):
        if p < len(pattern):
            char = pattern[p]
            if char == "*":
                while p < len(pattern) and pattern[p] == "*":
                    p += 1  # runs of stars inside a segment are one star
                star_p, star_n = p, n
                continue
            width = _match_one(pattern, p, name[n])
            if width:
                p += width
                n += 1
                continue
        if star_p < 0:
            return False
        star_n += 1  # let the last star take one more character
        p, n = star_p, star_n
    while p < len(pattern) and pattern[p] == "*":
        p += 1
    return p == len(pattern)


@lru_cache(maxsize=256)
def _shape(pattern: str) -> tuple[str, str]:
    """Most lines are plain names or ``*`` and a suffix, which need no walk:
    ("name", the name), ("suffix", the suffix), or ("glob", the pattern)."""
    star = pattern[:1] == "*"
    tail = pattern[1:] if star else pattern
    if any(char in tail for char in "*?[\\"):
        return "glob", pattern
    return ("suffix" if star else "name"), tail


def _match_one(pattern: str, p: int, char: str) -> int:
    """How many pattern characters at ``p`` matched ``char`` (0: no match)."""
    head = pattern[p]
    if head == "?":
        return 1
    if head == "\\" and p + 1 < len(pattern):
        return 2 if pattern[p + 1] == char else 0
    if head == "[":
        end, matched = _class(pattern, p, char)
        if end > 0:
            return end - p if matched else 0
    return 1 if head == char else 0


def _class(pattern: str, p: int, char: str) -> tuple[int, bool]:
    """A ``[...]`` class at ``p``: the index after it (0 when unclosed, and the
    bracket is then a plain character) and whether ``char`` is in it."""
    i = p + 1
    negate = i < len(pattern) and pattern[i] in "!^"
    if negate:
        i += 1
    matched = False
    first = True
    while i < len(pattern):
        c = pattern[i]
        if c == "]" and not first:
            return i + 1, matched != negate
        first = False
        if c == "\\" and i + 1 < len(pattern):
            i += 1
            c = pattern[i]
        if i + 2 < len(pattern) and pattern[i + 1] == "-" and pattern[i + 2] != "]":
            high = pattern[i + 2]
            matched = matched or c <= char <= high
            i += 3
            continue
        matched = matched or c == char
        i += 1
    return 0, False


class IgnoreFile(NamedTuple):
    """The rules of one ignore file and the folder they are relative to.

    Most lines are plain names ("build/", "__pycache__/") or a star and a
    suffix ("*.egg-info/", "*.log"); when no line re-includes, the order of
    lines does not matter, so those names are looked up in a set, the
    suffixes tried in one ``str.endswith``, and only the other lines are tried
    one by one.
    """

    base: str  # a folder path, as the walk spells it
    rules: tuple[Rule, ...]  # last line first, for folders: the first that matches decides
    file_rules: tuple[Rule, ...]  # the same without the folders-only lines
    folder_names: frozenset[str] = frozenset()  # plain names left out of ``rules``
    file_names: frozenset[str] = frozenset()  # ... and of ``file_rules``
    folder_suffixes: tuple[str, ...] = ()  # suffixes left out of ``rules``
    file_suffixes: tuple[str, ...] = ()  # ... and of ``file_rules``

    def verdict(self, parts: Sequence[str], is_dir: bool) -> bool | None:
        """True (ignored), False (re-included) or None (no line matches)."""
        if parts:
            if is_dir:
                names, suffixes = self.folder_names, self.folder_suffixes
            else:
                names, suffixes = self.file_names, self.file_suffixes
            if parts[-1] in names or (suffixes and parts[-1].endswith(suffixes)):
                return True
        for rule in self.rules if is_dir else self.file_rules:
            if rule_matches(rule, parts, is_dir):
                return not rule.negated
        return None


def parse(text: str, base: str) -> IgnoreFile:
    rules = [rule for rule in map(parse_line, text.splitlines()) if rule is not None]
    rules.reverse()
    plain: list[Rule] = []
    suffixed: list[Rule] = []
    if not any(rule.negated for rule in rules):
        tried: list[Rule] = []
        for rule in rules:
            shape = _bare_shape(rule)
            if shape == "name":
                plain.append(rule)
            elif shape == "suffix":
                suffixed.append(rule)
            else:
                tried.append(rule)
        rules = tried
    files = tuple(rule for rule in rules if not rule.folders_only)
    return IgnoreFile(
        base,
        tuple(rules),
        files,
        frozenset(rule.segments[1] for rule in plain),
        frozenset(rule.segments[1] for rule in plain if not rule.folders_only),
        tuple(_shape(rule.segments[1])[1] for rule in suffixed),
        tuple(_shape(rule.segments[1])[1] for rule in suffixed if not rule.folders_only),
    )


def _bare_shape(rule: Rule) -> str | None:
    """How a line that matches a name at any depth matches it: "name" (``build/``,
    ``notes.md``), "suffix" (``*.log``) or "glob"; None for any other line."""
    segments = rule.segments
    if len(segments) == 2 and segments[0] == "**":
        return _shape(segments[1])[0]
    return None


def read(path: str, base: str) -> IgnoreFile | None:
    """The ignore file at ``path`` (rules relative to ``base``), or None when
    it cannot be read as a regular text file of a sane size."""
    from guidelint.files import read_regular

    try:
        raw, _ = read_regular(path, MAX_IGNORE_FILE_SIZE)
    except OSError:
        return None
    ignore = parse(raw.decode("utf-8", "replace"), base)
    return ignore if ignore.rules or ignore.folder_names or ignore.folder_suffixes else None


def ignored(chain: Iterable[IgnoreFile], path: str, is_dir: bool) -> bool:
    """Whether ``path`` is ignored by ``chain`` (outermost file first): the
    deepest file with a matching line decides."""
    folder, name = os.path.split(path)
    return ignored_name(located(chain, folder or os.curdir), name, is_dir)


Located = tuple[tuple[IgnoreFile, tuple[str, ...]], ...]


def located(chain: Iterable[IgnoreFile], folder: str) -> Located:
    """The files of ``chain`` that ``folder`` is under, deepest first, each with
    the folder's path relative to it in parts: worked out once for a folder,
    then each name in it costs only its own matching."""
    found = []
    for ignore in reversed(tuple(chain)):
        rel = os.path.relpath(folder, ignore.base)
        if rel.startswith(".."):
            continue
        parts = () if rel == os.curdir else tuple(rel.replace(os.sep, "/").split("/"))
        found.append((ignore, parts))
    return tuple(found)


def descend(where: Located, name: str) -> Located:
    """:func:`located` for the folder ``name`` inside the folder of ``where``
    (before its own ignore file is read): no path arithmetic per folder."""
    return tuple([(ignore, (*parts, name)) for ignore, parts in where])


def names_files(where: Located) -> bool:
    """Whether any line of ``where`` can match a file (not only a folder)."""
    return any(
        ignore.file_rules or ignore.file_names or ignore.file_suffixes for ignore, _ in where
    )


def ignored_name(where: Located, name: str, is_dir: bool) -> bool:
    """Whether ``name`` in the folder of ``where`` (from :func:`located`) is ignored."""
    for ignore, parts in where:
        if not parts and name == "..":
            continue  # read as a path outside the file's folder, as a relative path would be
        verdict = ignore.verdict((*parts, name), is_dir)
        if verdict is not None:
            return verdict
    return False


def outer_files(folder: str) -> tuple[IgnoreFile, ...]:
    """The ignore files above ``folder`` that git would read for it: each
    ``.gitignore`` from the repository's top (the nearest folder holding
    ``.git``) down to ``folder``'s parent, after ``.git/info/exclude``.
    Outside a repository, none."""
    here = os.path.abspath(folder)
    above: list[str] = []
    top = None
    probe = here
    while True:
        if os.path.exists(os.path.join(probe, ".git")):
            top = probe
            break
        parent = os.path.dirname(probe)
        if parent == probe:
            return ()
        above.append(parent)
        probe = parent
    chain: list[IgnoreFile] = []
    exclude = read(os.path.join(top, ".git", "info", "exclude"), top)
    if exclude is not None:
        chain.append(exclude)
    ancestors = [top, *reversed(above[: above.index(top)])] if top != here else []
    for ancestor in ancestors:
        found = read(os.path.join(ancestor, GITIGNORE), ancestor)
        if found is not None:
            chain.append(found)
    return tuple(chain)
