"""The claims vocabulary: word classes and phrase patterns read from ``data/claims.json``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import product
from typing import Any

from guidelint import patterns
from guidelint.resources import data_file
from guidelint.scan import FOLD_UNSAFE, Lazy, Scan, chars, longest_first, phrase_heads

DATA: dict[str, Any] = data_file("claims.json")


def _phrases(value: Any) -> Any:
    """A class's words, and the phrases its ``sequences`` spell: each sequence is a list
    of word lists, and every choice of one word from each, in order, is a phrase
    (``[["hire", "win"], ["the best"]]`` is "hire the best" and "win the best")."""
    if not isinstance(value, dict) or "words" not in value:
        return value
    spelled = [
        " ".join(choice) for parts in value.get("sequences", ()) for choice in product(*parts)
    ]
    return [*value["words"], *spelled]


# Each class of the data file as its list of words or phrases.  A class is an object
# with its reason, the codes it applies to, its words (and sequences) and examples
# that pass and fail (tests/test_claims_vocabulary.py runs them).
WORDS: dict[str, list[str]] = {key: _phrases(value) for key, value in DATA.items()}


def word_class(key: str) -> frozenset[str]:
    return frozenset(str(word).casefold() for word in WORDS[key])


_DATE_WORDS = word_class("date_words")
_DIGIT_DATE = patterns.compile(
    r"(?:fy|q[1-4]|h[12])(?:19|20)?\d{2}|(?:19|20)\d{2}"
)  # "2026", "fy26"


def dated(token: str) -> bool:
    """Whether a lower-case word says when ("2026", "fy26", "q3", "march")."""
    return token in _DATE_WORDS or _DIGIT_DATE.fullmatch(token) is not None


def phrases(phrases: Iterable[str]) -> str:
    """A fast, case-tolerant alternation: each phrase as written in lower case or
    with a capital first letter, behind a look-ahead on the possible first
    characters (so the engine skips most positions at once), factored by leading
    words as :func:`alternation` is."""
    tree: dict[str, Any] = {}
    for phrase in {p.strip().casefold() for p in phrases if p.strip()}:
        node = tree
        for word in phrase.split():
            node = node.setdefault(word, {})
        node[""] = {}
    firsts = sorted({ch for word in tree for ch in (word[0], word[0].upper())})
    lead = "".join(re.escape(ch) for ch in firsts)
    return f"(?=[{lead}])(?:{_branches(tree, capital=True)})"


def alternation(phrases: Iterable[str]) -> str:
    """An alternation of phrases whose words are joined by any whitespace, factored by
    their leading words ("push", "push for", "push hard for" share "push"): a phrase
    list spelled from sequences holds many, and the engine compiles each branch
    anew.  At each word the longer continuation is tried first, so a match is the
    longest phrase there, as a flat alternation of the phrases, longest first, gives."""
    tree: dict[str, Any] = {}
    for phrase in {p.strip() for p in phrases if p.strip()}:
        node = tree
        for word in phrase.split():
            node = node.setdefault(word.replace("\u2019", "'"), {})  # ' and ’ match alike
        node[""] = {}  # a phrase ends here
    return _branches(tree)


def _branches(node: dict[str, Any], *, capital: bool = False) -> str:
    """The alternation of a node's words, each followed by its own; with ``capital``,
    a word's first letter is matched in either case."""
    alternatives = []
    for word in longest_first(w for w in node if w):
        child = node[word]
        rest = _branches(child)
        written = _apostrophes(re.escape(word))
        if capital and word[0].isalpha():
            written = f"[{word[0]}{word[0].upper()}]" + _apostrophes(re.escape(word[1:]))
        if rest:
            written += rf"(?:\s+{rest})" + ("?" if "" in child else "")
        alternatives.append(written)
    if len(alternatives) <= 1:
        return "".join(alternatives)
    return "(?:" + "|".join(alternatives) + ")"


_APOSTROPHE = patterns.compile("['\u2019]")


def _apostrophes(escaped: str) -> str:
    """A phrase written with ' matches the typographic ’ too ("it’s widely believed")."""
    return _APOSTROPHE.sub("['\u2019]", escaped)


WORD = patterns.compile(r"[\w#]+")
PLAIN_WORD = patterns.compile(r"\w+")


class Family:
    """A pattern whose matches each hold every word of one of its phrases.

    ``scan(present)`` gives a :class:`Scan` that starts only at the first
    characters of the phrases whose words are all present in the block, or
    None when none is: the other phrases cannot match there.
    """

    def __init__(
        self, source: str, phrases: Iterable[tuple[str, str]], *, word_starts: bool = False
    ) -> None:
        self.source = source
        # (words of the phrase, characters a match of it may start with)
        self.entries = tuple(
            (frozenset(PLAIN_WORD.findall(text.casefold())), found) for text, found in phrases
        )
        self.vocabulary = frozenset(word for words, _ in self.entries for word in words)
        # A phrase of one word is present when its word is; the others are looked up by
        # their longest word, then tested whole.
        self.singles = frozenset(next(iter(w)) for w, _ in self.entries if len(w) == 1)
        self.multiples: dict[str, list[frozenset[str]]] = {}
        for words in {w for w, _ in self.entries if len(w) > 1}:
            key = max(sorted(words), key=len)
            self.multiples.setdefault(key, []).append(words)
        self.whole = Scan(
            source, chars(found for _, found in self.entries), word_starts=word_starts
        )

    def scan(self, present: frozenset[str] | None) -> Scan | None:
        """The whole pattern, when one of its phrases has all its words in the block
        (or the block's words are unknown); None when none can match there.  One
        pattern per family, compiled once: nothing is compiled while guides are linted."""
        if present is None:
            return self.whole
        if self.vocabulary.isdisjoint(present):
            return None
        if not self.singles.isdisjoint(present):
            return self.whole
        for key in self.multiples.keys() & present:
            if any(words <= present for words in self.multiples[key]):
                return self.whole
        return None


def present_words(words: frozenset[str], lowered: str, masked: str) -> frozenset[str] | None:
    """The block's words as ``\\w+`` reads them, for :meth:`Family.scan`; None
    when the block holds a character whose folding moves word boundaries."""
    if FOLD_UNSAFE.search(masked) is not None:
        return None
    if "#" not in lowered:
        return words
    return words | {part for word in words if "#" in word for part in word.split("#") if part}


def heads(phrases: Iterable[str]) -> list[tuple[str, str]]:
    """(phrase, its first characters) for phrases written by :func:`phrases`."""
    return [(p, phrase_heads([p])) for p in phrases if str(p).strip()]


def last_words(*lists: Iterable[str]) -> frozenset[str]:
    """The last word of every phrase: a block holding none cannot match them."""
    return frozenset(
        WORD.findall(str(p).casefold())[-1]
        for phrases in lists
        for p in phrases
        if WORD.search(str(p))
    )


TOKEN = patterns.compile(r"\S+")
SENTENCE_END = patterns.compile(r"[.!?](?:\s|$)")
CLAUSE = Lazy(r"[,;:()|\u2014\u2013]|\s-\s")
