"""Prose of a guide's body: blocks, sentences, citation markers and references.

Built from the guide's own body model (:mod:`guidelint.markdown`, never a
second parse).  Each :class:`Block` keeps its inline source text together with a
*masked* copy of the same length in which everything that is not a statement
of the author's is blanked out (:mod:`guidelint.masking`), and a quotation
that runs on over several blocks of a blockquote (in these guides a script
for the reader to say).  Offsets into the masked text are offsets into the
source text, so positions stay exact; sentences are split by
:mod:`guidelint.sentences`.

Every scan here is a single pass or a regular expression without nested
unbounded repetition, so a 100 KB single-line paragraph stays linear.
"""

from __future__ import annotations

import bisect
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from guidelint import patterns
from guidelint.headings import heading_key
from guidelint.masking import blanked, link_label, mask
from guidelint.records import Record
from guidelint.sentences import split_sentences

if TYPE_CHECKING:
    from guidelint.document import Guide
    from guidelint.markdown import Block as Section


# --- data -------------------------------------------------------------------


def _claims_data() -> dict[str, Any]:
    """Each class of ``claims.json`` as its list of words: the vocabulary's one reading."""
    from guidelint.claims.vocabulary import WORDS

    return WORDS


@cache
def reference_headings() -> frozenset[str]:
    names = _claims_data()["reference_headings"]
    return frozenset(heading_key(str(name)) for name in names)


@cache
def _heading_qualifiers() -> frozenset[str]:
    return frozenset(w.casefold() for w in _claims_data()["reference_heading_qualifiers"])


@cache
def _list_words() -> tuple[frozenset[str], frozenset[str]]:
    from guidelint.claims.vocabulary import DATA

    data = DATA["reference_headings"]
    return frozenset(data["list_words"]), frozenset(data["core_words"])


_HEADING_WORD = patterns.compile(r"[^\W\d_]+")


def is_reference_heading(text: str) -> bool:
    """Whether a heading opens the sources list: "Sources", "5. Evidence & Sources:",
    also after a qualifying word ("Extended Evidence & Sources") and in any order of a
    source list's words ("7. REFERENCES & SOURCES")."""
    if len(text) > 60:
        return False
    key = heading_key(text)
    first, _, rest = key.partition(" ")
    if key in reference_headings() or (
        first in _heading_qualifiers() and rest in reference_headings()
    ):
        return True
    words = _HEADING_WORD.findall(key)  # "and" is "&" in the key
    allowed, core = _list_words()
    return bool(words) and allowed.issuperset(words) and not core.isdisjoint(words)


# --- values -----------------------------------------------------------------


# Made often, never changed: a NamedTuple, as diagnostics.Fix is.
class Marker(NamedTuple):
    """A citation marker: ``[3]``, ``[1, 2]``, ``[1-3]`` (numbers) or ``[^id]``."""

    kind: str  # "number" or "footnote"
    keys: tuple[str, ...]
    text: str
    start: int  # offsets in the block's text
    end: int


class Entry(NamedTuple):
    """Something a citation can point at, or a source named in the reference list."""

    kind: str  # "number", "footnote" or "named"
    key: str  # the number, the footnote id, or "" for named entries
    text: str
    line: int
    column: int


# Made often, never changed: a NamedTuple, as diagnostics.Fix is.
class Sentence(NamedTuple):
    """A sentence of a block: offsets in its text and its span in the file."""

    start: int  # offsets in the block's text (end exclusive)
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class Block(Record):
    """The inline content of a paragraph, list item, heading or table cell."""

    __slots__ = (
        "kind",
        "text",
        "lines",
        "columns",
        "starts",
        "masked",
        "links",
        "markers",
        "quoted",
        "_sentences",
    )

    def __init__(
        self,
        kind: str,  # "paragraph", "item", "heading", "cell", "reference"
        text: str,
        lines: list[int],  # file line of each line of ``text``
        columns: list[int],  # 1-based file column where each line of ``text`` starts
        starts: list[int],  # offset in ``text`` where each line starts
        masked: str = "",
        links: list[tuple[int, int]] | None = None,
        markers: list[Marker] | None = None,
        quoted: bool = False,  # inside a blockquote (">"): in these guides, advice or a script
        _sentences: list[Sentence] | None = None,
    ) -> None:
        self.kind = kind
        self.text = text
        self.lines = lines
        self.columns = columns
        self.starts = starts
        self.masked = masked
        self.links = [] if links is None else links
        self.markers = [] if markers is None else markers
        self.quoted = quoted
        self._sentences = _sentences

    @property
    def prose(self) -> bool:
        """Whether claims in this block are checked (tables and headings are not)."""
        return self.kind in ("paragraph", "item")

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[index], self.columns[index] + offset - self.starts[index]

    def slot(self, offset: int) -> int:
        """The index of the sentence that holds ``offset`` (0 before the first)."""
        return max(0, bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1)

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            self._sentences = [
                Sentence(start, end, *self.position(start), *self.position(end))
                for start, end in split_sentences(self.text, self.masked)
            ]
        return self._sentences


class Prose(Record):
    """A guide's prose: its blocks and the entries of its reference lists."""

    __slots__ = ("blocks", "entries")

    def __init__(self, blocks: list[Block], entries: list[Entry]) -> None:
        self.blocks = blocks
        self.entries = entries

    @property
    def prose_blocks(self) -> list[Block]:
        return [block for block in self.blocks if block.prose]

    def numbered(self) -> dict[str, Entry]:
        return {e.key: e for e in self.entries if e.kind == "number"}

    def footnotes(self) -> dict[str, Entry]:
        return {e.key: e for e in self.entries if e.kind == "footnote"}


# --- extraction -------------------------------------------------------------

_FOOTNOTE_DEF = patterns.compile(r"^ {0,3}\[\^([^\]\s]{1,64})\]:[ \t]?(.*)$")
_LINK_DEF = patterns.compile(r"^ {0,3}\[([^\]\[]{1,200})\]:[ \t]*(\S.*)?$")
_NUMBERED_LINE = patterns.compile(r"^\s*\[?(\d{1,4})[\].):]?\s+(\S.*)$")
_QUOTE_PREFIX = patterns.compile(r"[ \t]{0,12}(?:(?:[-*+]|\d{1,9}[.)])[ \t]{1,4}){0,3}>")
_PSEUDO_REFERENCE_LIMIT = 300  # a longer paragraph ends an unmarked references section
# A one-line paragraph that is all bold and does not end like a sentence stands for a
# heading ("**Global Levers**", "**HPC Premium: $295K Average TC**"), as markdownlint's
# MD036 reads it; like a heading, it names what the text below argues.
_PSEUDO_HEADING = patterns.compile(r"(\*\*|__)(?!\s)[^\n]*?[^\s.,;:!?](\1)")


def extract(guide: Guide) -> Prose:
    """The guide's blocks and reference entries, computed once per guide (``Guide.prose``)."""
    return guide.prose


def read_prose(guide: Guide) -> Prose:
    return _Extractor(guide).run()


class _Extractor:
    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        self.lines = guide.lines
        self.blocks: list[Block] = []
        self.entries: list[Entry] = []
        self.code_lines: set[int] = set()  # file lines inside code or HTML blocks
        self.link_labels: set[str] = set()

    def run(self) -> Prose:
        blocks = self.guide.blocks
        for block in blocks:
            if block.kind in ("code", "html"):
                self.code_lines.update(range(block.line, block.end_line))
        self._definitions()
        self._walk(blocks)
        return Prose(self.blocks, self.entries)

    def _definitions(self) -> None:
        """Footnote definitions and ``[label]: url`` lines, read from the source lines."""
        first = self.guide.body_line(0)
        for index, text in enumerate(self.guide.body.split("\n")):
            line = first + index
            if line in self.code_lines or "]:" not in text:
                continue
            footnote = _FOOTNOTE_DEF.match(text)
            if footnote:
                column = text.index("[") + 1
                self.entries.append(
                    Entry("footnote", footnote.group(1), footnote.group(2).strip(), line, column)
                )
                continue
            link = _LINK_DEF.match(text)
            if link and link.group(2):
                label = link_label(link.group(1))
                self.link_labels.add(label)
                if label.isdigit():
                    column = text.index("[") + 1
                    self.entries.append(Entry("number", label, link.group(2).strip(), line, column))

    def _walk(self, blocks: list[Section]) -> None:
        refs_level = 0  # heading level of the open references section; 7 for a pseudo-heading
        quoting = False  # a quotation opened in a blockquote and not yet closed
        for source in blocks:
            kind = source.kind
            if kind != "paragraph":
                quoting = False
            if kind == "heading":
                level = source.level
                if (refs_level and level <= refs_level) or refs_level == 7:
                    refs_level = 0
                if is_reference_heading(source.text):
                    refs_level = level
                self._block("heading", source.text, source.lines, source.columns)
            elif kind == "rule" and source.depth == 0:
                refs_level = 0
            elif kind == "table" and source.table is not None:
                if refs_level == 7:
                    refs_level = 0
                width = len(source.table.header.cells)
                for row in source.table.rows:
                    for cell in row.cells[:width]:
                        self._block("cell", cell.raw, [cell.line], [cell.column])
                    for _ in range(width - len(row.cells)):  # GFM pads short rows
                        self._block("cell", "", [row.line], [row.end_column])
            elif kind == "paragraph":
                content = source.text
                top = source.depth == 0
                if top and is_reference_heading(content):
                    refs_level = refs_level or 7
                    self._block("heading", content, source.lines, source.columns)
                    continue
                if refs_level == 7 and top and len(content) > _PSEUDO_REFERENCE_LIMIT:
                    refs_level = 0
                first, _, rest = content.partition("\n")
                if top and _pseudo_heading(first):
                    # "**HPC Premium: $420K+ Top 10%**" on its own line heads the text below it.
                    self._block("heading", first, source.lines[:1], source.columns[:1])
                    if refs_level == 7:
                        refs_level = 0  # like a heading, it ends an unmarked references section
                    if is_reference_heading(first):
                        refs_level = refs_level or 7
                    if not rest:
                        continue
                    content = rest
                    source_lines, source_columns = source.lines[1:], source.columns[1:]
                else:
                    source_lines, source_columns = source.lines, source.columns
                if _FOOTNOTE_DEF.match(content.split("\n", 1)[0]):
                    self._block("reference", content, source_lines, source_columns)
                    continue
                if refs_level:
                    block = self._block("reference", content, source_lines, source_columns)
                    self._reference_entries(block, source)
                    continue
                kind = "item" if source.in_item else "paragraph"
                block = self._block(kind, content, source_lines, source_columns)
                block.quoted = not top and self._quoted(source.line)
                quoting = block.quoted and _continue_quotation(block, quoting)
            elif refs_level == 7 and source.depth == 0 and kind == "code":
                refs_level = 0

    def _quoted(self, line: int) -> bool:
        """Whether a block's first line sits in a blockquote (``>``, maybe inside a list)."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return _QUOTE_PREFIX.match(text) is not None

    def _reference_entries(self, block: Block, source: Section) -> None:
        """Entries of a references section: numbered items, numbered lines, named sources."""
        masked_lines = _split_lines(block.masked, block.starts)
        if source.in_item and source.line == source.item_line:
            line = source.item_line
            text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            column = len(text) - len(text.lstrip()) + 1
            first = " ".join(masked_lines[0].split())
            numbered = _NUMBERED_LINE.match(masked_lines[0]) if "[" in first[:1] else None
            if source.item_number:
                key = str(int(source.item_number))
                self.entries.append(Entry("number", key, first, line, column))
            elif numbered:
                self.entries.append(
                    Entry("number", str(int(numbered.group(1))), numbered.group(2), line, column)
                )
            else:
                self.entries.append(Entry("named", "", first, line, column))
            return
        for offset, text in zip(block.starts, masked_lines, strict=True):
            clean = " ".join(text.split())
            if not clean:
                continue
            line, column = block.position(offset)
            numbered = _NUMBERED_LINE.match(clean)
            if numbered:
                key = str(int(numbered.group(1)))
                self.entries.append(Entry("number", key, numbered.group(2), line, column))
            else:
                self.entries.append(Entry("named", "", clean, line, column))

    def _block(self, kind: str, text: str, lines: list[int], columns: list[int]) -> Block:
        starts = [0]
        if "\n" in text:
            starts += [m.end() for m in _NEWLINE.finditer(text)]
        block = Block(kind, text, list(lines), list(columns), starts)
        block.masked, block.links = mask(text, self.link_labels)
        block.markers = find_markers(block.masked)
        self.blocks.append(block)
        return block


_NEWLINE = patterns.compile("\n")


def _split_lines(text: str, starts: list[int]) -> list[str]:
    ends = [*starts[1:], len(text) + 1]
    return [text[start : end - 1] for start, end in zip(starts, ends, strict=True)]


_QUOTE_MARK = patterns.compile('["\u201c\u201d]')


def _continue_quotation(block: Block, quoting: bool) -> bool:
    """Blank a script that runs on over several blocks of one blockquote (its lines,
    its list items) from its opening mark to its closing one; whether it is still open.

    ``> "I want to be direct. I'm accepting:`` then ``> - a $5B valuation`` ...
    """
    text = block.text
    start = 0
    if quoting:
        close = _first_closing_mark(text)
        start = len(text) if close < 0 else close + 1
        block.masked = blanked(block.masked, [(0, close if close >= 0 else len(text))])
        if close < 0:
            block.markers = find_markers(block.masked)
            return True
    opener = -1
    for found in _QUOTE_MARK.finditer(text, start):
        index = found.start()
        ch = text[index]
        if ch == '"' and index and text[index - 1].isdigit():
            continue  # an inch mark: `a 27" monitor`
        if ch == "\u201c" or (ch == '"' and opener < 0):
            opener = index
        elif ch in '"\u201d':
            opener = -1
    if opener >= 0:
        block.masked = blanked(block.masked, [(opener + 1, len(text))])
    if quoting or opener >= 0:
        block.markers = find_markers(block.masked)
    return opener >= 0


def _first_closing_mark(text: str) -> int:
    closes = [index for index in (text.find('"'), text.find("\u201d")) if index >= 0]
    return min(closes) if closes else -1


def _pseudo_heading(line: str) -> bool:
    """Whether a line is all bold, once, and stands for a heading."""
    text = line.strip()
    found = _PSEUDO_HEADING.fullmatch(text)
    return found is not None and found.group(1) not in text[2:-2]


# --- citation markers -------------------------------------------------------

_MARKER = patterns.compile(r"\[(\^[^\]\[\s]{1,64}|\d{1,4}(?:[ \t]*[-–,][ \t]*\d{1,4}){0,30})\]")
_MAX_RANGE = 200
_DASH = patterns.compile(r"[ \t]{0,8}[-–][ \t]{0,8}")


def find_markers(masked: str) -> list[Marker]:
    """Citation markers; a bracket at the very start of a block is a label, not a citation,
    and ``[n]:`` or ``[n](`` is a definition or a link."""
    if "[" not in masked:
        return []
    first = len(masked) - len(masked.lstrip())
    found: list[Marker] = []
    for match in _MARKER.finditer(masked):
        start, end = match.span()
        if start == first:
            continue
        after = masked[end : end + 1]
        if after in (":", "("):
            continue
        body = match.group(1)
        if body.startswith("^"):
            found.append(Marker("footnote", (body[1:],), match.group(0), start, end))
            continue
        keys: list[str] = []
        for part in body.split(","):
            ends = _DASH.split(part.strip())
            if len(ends) == 2 and 0 <= int(ends[1]) - int(ends[0]) <= _MAX_RANGE:
                keys.extend(str(n) for n in range(int(ends[0]), int(ends[1]) + 1))
            else:
                keys.extend(str(int(n)) for n in ends)
        found.append(Marker("number", tuple(keys), match.group(0), start, end))
    return found
