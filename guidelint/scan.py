"""Regular-expression scans that skip text no match can start in.

Python's engine scans fast only for patterns that start with a literal or a
character class: it then jumps from one possible first character to the next
in C.  The claim patterns start with look-behinds and long alternations, so
every position of every block ran the whole pattern.  A :class:`Scan` puts the
class of the characters a match can start with in front of the pattern and
checks the pattern itself from there in a look-ahead; it yields exactly the
matches of ``pattern.finditer``.  Both forms are compiled the first time a
scan needs them, so a run that never needs one (a guide without prose, a run
of other rules) does not pay for compiling it.

The skipping form repeats the whole pattern, so compiling it costs as much
again, which a short run never earns back: for the scans one generated guide
runs, compiling the skipping forms takes about 7 ms, and they save about half
a millisecond a guide.  A scan therefore runs the plain pattern until it has
read :data:`SKIP_AFTER` characters, and only then compiles and uses the
skipping form; both yield the same matches.

A :class:`Lazy` is a plain pattern compiled on first use: the rules' patterns that
few guides reach wait for a guide that needs them.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator

from guidelint import patterns

# Characters a case-insensitive pattern equates with an ASCII letter.
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}

# Characters whose case folding changes whether they are word characters, and
# U+0131, which a case-insensitive "i" matches but which folds to itself.  Word
# gates read the folded text; a block holding one of these is scanned whole.
FOLD_UNSAFE = patterns.compile(
    "[\u0130\u0131\u01f0\u0345\u0390\u03b0\u1e96-\u1e99\u1f50\u1f52\u1f54\u1f56"
    "\u1fb6\u1fb7\u1fc6\u1fc7\u1fd2\u1fd3\u1fd6\u1fd7\u1fe2-\u1fe4\u1fe6\u1fe7\u1ff6\u1ff7]"
)


def chars(found: Iterable[str], *, nocase: bool = False) -> str:
    """The distinct characters of ``found`` (with ``nocase``, also every character
    a case-insensitive pattern equates with one of them), sorted."""
    out: set[str] = set()
    for text in found:
        for ch in text:
            out.add(ch)
            if nocase:
                out.update((*ch.lower(), *ch.upper(), *_FOLDS.get(ch.lower(), "")))
    return "".join(sorted(out))


def longest_first(words: Iterable[str]) -> list[str]:
    """Distinct ``words``, longest first and, among equals, in code-point order: an
    alternation built from them prefers the longest word at a position and is the
    same pattern in every process (a set's order changes with the hash seed)."""
    return sorted(set(words), key=lambda word: (-len(word), word))


def phrase_heads(phrases: Iterable[str]) -> str:
    """First characters of phrases as ``claims.vocabulary.phrases`` writes them: the
    folded first character, a letter in either case."""
    heads = {p.strip().casefold()[0] for p in phrases if p.strip()}
    return chars(ch for head in heads for ch in (head, head.upper()))


class Lazy:
    """A regular expression compiled the first time it runs.

    For the patterns few guides reach (a rare construction, an exception, an idiom):
    a run over one guide then compiles only what its text needs, at about a
    microsecond per character of pattern.  It answers the methods the rules call,
    with ``re.Pattern``'s arguments.  A run about to fork workers compiles them all
    first (:func:`compile_lazy`), so that each worker does not compile them again.
    """

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __repr__(self) -> str:
        return f"Lazy({self.pattern!r}, {self.flags!r})"

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = patterns.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)


def compile_lazy() -> None:
    """Compile now every lazy pattern the loaded modules of guidelint hold as constants:
    before workers fork, so that they inherit them compiled."""
    for name, module in list(sys.modules.items()):
        if name.startswith("guidelint.") and module is not None:
            for value in list(vars(module).values()):
                if isinstance(value, Lazy):
                    value.compiled  # noqa: B018


SKIP_AFTER = 1 << 16  # characters a scan reads with its plain pattern first


@functools.cache
def compiled(source: str) -> re.Pattern[str]:
    """A pattern compiled once per process, on first use."""
    return patterns.compile(source)


class Scan:
    """``pattern.finditer`` for a pattern whose matches all start with one of
    ``firsts`` (or, with ``digits``, a decimal digit).  Both forms are compiled
    on first use (by :func:`compiled`), so a run compiles only the scans it
    runs, and each once; the skipping form only once ``read`` passes
    :data:`SKIP_AFTER`."""

    __slots__ = ("firsts", "read", "source", "starts_source")

    def __init__(
        self, source: str, firsts: str, *, digits: bool = False, word_starts: bool = False
    ) -> None:
        self.source = source
        self.read = 0  # characters scanned with the plain pattern so far
        self.firsts = ("\\d" if digits else "") + "".join(re.escape(ch) for ch in firsts)
        # With ``word_starts`` (every match that starts with a letter starts a
        # word: the pattern puts ``\b`` or ``(?<!\w)`` before it), a letter inside
        # a word is passed over before the pattern is tried there.
        letters = "".join(re.escape(ch) for ch in firsts if ch.isalpha())
        gate = f"(?<!\\w[{letters}])" if word_starts and letters else ""
        # A look-behind of width one that holds a look-ahead: the class makes
        # the engine skip ahead, the look-ahead runs the pattern from the
        # character the class matched.
        self.starts_source = (
            f"[{self.firsts}]{gate}(?<=(?={source})[\\s\\S])" if self.firsts else ""
        )

    @property
    def pattern(self) -> re.Pattern[str]:
        return compiled(self.source)

    @property
    def starts(self) -> re.Pattern[str] | None:
        return compiled(self.starts_source) if self.starts_source else None

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        starts = self.starts if self.read >= SKIP_AFTER else None
        if starts is None:
            self.read += len(text) - pos
            yield from self.pattern.finditer(text, pos)
            return
        match = self.pattern.match
        end = -1
        for hit in starts.finditer(text, pos):
            at = hit.start()
            if at < end:
                continue  # inside the previous match, which finditer would have skipped
            found = match(text, at)
            if found is not None:
                end = found.end()
                yield found

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if endpos is None:
            return self.pattern.search(text, pos)
        return self.pattern.search(text, pos, endpos)
