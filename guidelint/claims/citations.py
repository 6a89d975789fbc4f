"""Citations: markers that resolve (or not, GL503), entries never cited (GL506), and
which sentences each citation covers, with the kinds of claim its source can back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from guidelint import patterns
from guidelint.claims.attributions import SOURCE_NOTE
from guidelint.claims.claim import Claim
from guidelint.claims.support import ANY, source_kinds
from guidelint.diagnostics import Diagnostic, problem
from guidelint.prose import Block, Prose

_NOTE_PARTS = patterns.compile(r"[;,|]|\s[\u2014\u2013-]\s|\band\b")
# What may follow a citation that ends its paragraph: punctuation, brackets, other markers.
_TRAILING = frozenset(" \t\n.,;:!?)]*_\u2019\"'")


class Cited(NamedTuple):
    """A citation in a block: where it starts and ends, and what its source can back."""

    start: int
    end: int
    kinds: frozenset[str]


def check_markers(prose: Prose) -> tuple[list[Diagnostic], dict[int, list[Cited]]]:
    """GL503 and GL506, and each block's resolving citations by block index."""
    numbered = prose.numbered()
    footnotes = prose.footnotes()
    problems: list[Diagnostic] = []
    cited_keys: set[tuple[str, str]] = set()
    citations: dict[int, list[Cited]] = {}
    for index, block in enumerate(prose.blocks):
        if block.kind == "reference":
            continue
        for marker in block.markers:
            table = footnotes if marker.kind == "footnote" else numbered
            missing = [key for key in marker.keys if key not in table]
            if missing and marker.kind == "number" and all(_year(key) for key in missing):
                continue  # "Pay Survey [2026]": a year in brackets, not a citation
            cited_keys.update((marker.kind, key) for key in marker.keys)
            found = [table[key].text for key in marker.keys if key in table]
            if found:
                kinds = frozenset().union(*(source_kinds(text) for text in found))
                citations.setdefault(index, []).append(Cited(marker.start, marker.end, kinds))
            if missing:
                line, column = block.position(marker.start)
                end_line, end_column = block.position(marker.end)
                problems.append(
                    problem(
                        "GL503",
                        line,
                        column,
                        _unresolved_message(marker.kind, marker.text, missing, table),
                        end_line=end_line,
                        end_column=end_column,
                    )
                )
    problems.extend(_never_cited(prose, cited_keys))
    return problems, citations


def _year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and 1900 <= int(key) <= 2199


def _never_cited(prose: Prose, cited: set[tuple[str, str]]) -> Iterator[Diagnostic]:
    # A body that cites no number at all numbers its source list only to list
    # it: the list is a bibliography of named sources, not numbered references.
    numbers_cited = any(kind == "number" for kind, _ in cited)
    for entry in prose.entries:
        if entry.kind == "number" and not numbers_cited:
            continue
        if entry.kind in ("number", "footnote") and (entry.kind, entry.key) not in cited:
            label = f"[^{entry.key}]" if entry.kind == "footnote" else f"[{entry.key}]"
            what = "footnote" if entry.kind == "footnote" else "reference"
            yield problem(
                "GL506",
                entry.line,
                entry.column,
                f"{what} {label} is never cited: expected a `{label}` marker in the text",
            )


def coverage(
    block: Block,
    cited: list[Cited],
    paragraph_scope: bool,
    lists: Callable[[str], bool],
    note: Note | None,
) -> list[frozenset[str]]:
    """For each sentence of ``block``, the kinds of claim its citations back.

    A marker or a link inside a sentence backs everything in it; one after its
    sentence's full stop only what its source can back.  With
    ``paragraph_scope``, a citation or a source note ending the block ("... [2].",
    "[Source: Levels.fyi comp data]") also covers the sentences before it, but
    only for the kinds of claim its source can back; a source note covers them
    only when it names a source the guide lists (``lists``).
    """
    sentences = block.sentences
    cover: list[frozenset[str]] = [frozenset()] * len(sentences)
    slot = 0
    backing = sorted([*((c.start, c.kinds) for c in cited), *((s, ANY) for s, _ in block.links)])
    for start, kinds in backing:
        while slot + 1 < len(sentences) and sentences[slot + 1].start <= start:
            slot += 1
        if sentences[slot].start <= start < sentences[slot].end:
            # after its sentence's full stop a marker closes the paragraph: it backs
            # what its source can back ("... signed in May. [1]"), as a note does
            after_stop = block.masked[sentences[slot].start : start].rstrip()[-1:] in ".!?"
            cover[slot] = cover[slot] | kinds if after_stop else ANY
    if not paragraph_scope or len(sentences) < 2:
        return cover
    closing = _closing_kinds(block, cited, lists, note)
    if closing:
        for earlier in range(len(sentences) - 1):
            cover[earlier] = cover[earlier] | closing
    return cover


def _closing_kinds(
    block: Block, cited: list[Cited], lists: Callable[[str], bool], note: Note | None
) -> frozenset[str]:
    """What a citation or a source note (``note``) that ends the block can back, if one
    does: a note, what the sources it names that the guide lists can back."""
    last = block.sentences[-1]
    text = block.masked
    if note is not None and note.closes:
        return frozenset().union(*(source_kinds(n) for _, _, n in note.names if lists(n)))
    if cited and cited[-1].start >= last.start and _only_trailing(text, cited[-1].end, last.end):
        return cited[-1].kinds
    for start, end in reversed(block.links):
        if start >= last.start and _only_trailing(text, end, last.end):
            return source_kinds(block.text[start:end])
    return frozenset()


class Note(NamedTuple):
    """A source note opening a block's last sentence: its names, each with where it
    stands, and whether it closes the block."""

    names: list[tuple[int, int, str]]
    closes: bool


def source_note(block: Block) -> Note | None:
    """The names a source note in ``block``'s last sentence gives ("[Source: Levels.fyi;
    Payscale, 2026]"), each with where it stands and its runs of space made one, and
    whether the note closes the block (no word follows its bracket: "[Source: ...]
    Churn is low" closes nothing); None when the sentence opens on no note."""
    last = block.sentences[-1]
    note = SOURCE_NOTE.match(block.masked, last.start)
    if note is None:
        return None
    end = last.end
    closer = _CLOSERS.get(note.group(0)[:1])
    if closer is not None:
        close = block.text.rfind(closer, note.end(), last.end)
        end = close if close >= 0 else end
    closes = not any(ch.isalpha() for ch in block.text[end : last.end])
    names = []
    cursor = note.end()
    for part in _NOTE_PARTS.split(block.text[note.end() : end]):
        name = part.strip(" \t\n*_[]().")
        start = block.text.find(name, cursor, end) if name else -1
        if start >= 0:
            cursor = start + len(name)
            names.append((start, cursor, " ".join(name.split())))
    return Note(names, closes)


_CLOSERS = {"[": "]", "(": ")"}
_NOTE_GROUP = 1 << 30  # after every attribution the sentence's own words make


def unlisted_notes(note: Note | None, names_party: Callable[[str], bool]) -> list[Claim]:
    """The names of a source note (:func:`source_note`) that name a source the guide
    does not list ("[Source: Payscale, 2026]"; ``names_party``): GL504, one finding for
    all of them, reported only when the note's sentence names no other unlisted source."""
    return [
        Claim("GL504", start, end, name, group=_NOTE_GROUP)
        for start, end, name in (note.names if note else ())
        if names_party(name)
    ]


def _only_trailing(text: str, start: int, end: int) -> bool:
    return all(ch in _TRAILING or ch.isdigit() for ch in text[start:end])


def _unresolved_message(kind: str, text: str, missing: list[str], table: dict[str, Any]) -> str:
    if kind == "footnote":
        return f"footnote `{text}` has no definition: expected a line `[^{missing[0]}]: ...`"
    if not table:
        return f"citation `{text}` has no numbered references: expected a references list"
    keys = sorted(table, key=lambda k: int(k) if k.isdigit() else 0)
    listed = f"[{keys[0]}]" if len(keys) == 1 else f"[{keys[0]}]-[{keys[-1]}]"
    numbers = ", ".join(missing[:5])
    return f"citation `{text}` points at no reference ({numbers}): the references list has {listed}"
