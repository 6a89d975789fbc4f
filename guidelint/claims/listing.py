"""What the guide's own source list names: ``data_sources`` and the references
section, normalised once per guide, and matching a source's name (in an
attribution, a closing source note) against them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from guidelint import patterns
from guidelint.claims.attributions import (
    GENERIC,
    SOURCE_NOUNS,
    WEAK_FIRST,
    compound,
    document_name,
    is_name,
    possessive,
)
from guidelint.claims.support import (
    COMMON_WORDS,
    DEFAULT_KINDS,
    source_kind_names,
    source_kinds,
)
from guidelint.claims.vocabulary import DATA, TOKEN, WORDS, alternation, dated, word_class
from guidelint.document import Guide
from guidelint.figures import FIGURE_START
from guidelint.places import known_place
from guidelint.prose import Prose
from guidelint.records import Record
from guidelint.scan import Lazy


class Sources(Record):
    """What attributions can match: data_sources and the references section, normalised."""

    __slots__ = ("texts", "names", "publishers", "stating", "own_words", "looked_up")

    def __init__(
        self,
        texts: list[str],
        # First words of the sources' names, normalised: those of data_sources count
        # wherever they are named; those of the source list before a source noun
        # ("Trustpilot rating"), since a list names employers and products too.
        names: frozenset[str] = frozenset(),
        publishers: frozenset[str] = frozenset(),
        stating: tuple[str, ...] = (),  # entries with an origin, for the figures they state
        # The words of the guide's company name, which a source note shares with many entries.
        own_words: frozenset[str] = frozenset(),
        looked_up: dict[tuple[str, bool], str | None] | None = None,
    ) -> None:
        self.texts = texts
        self.names = names
        self.publishers = publishers
        self.stating = stating
        self.own_words = own_words
        self.looked_up = {} if looked_up is None else looked_up

    def named_in(self, masked: str, start: int, end: int) -> str | None:
        """The first listed source a stretch of text names, if any."""
        if not self.names and not self.publishers:
            return None
        previous = ""
        raw = [match.group(0) for match in TOKEN.finditer(masked, start, end)]
        for index, written in enumerate(raw):
            token = written.strip(".,;:()[]!?\"'\u2019")
            stem = possessive(token)
            word = _normalise(stem if stem is not None else token)
            if word in self.names and is_name(token):
                return token
            if previous and word in SOURCE_NOUNS and not compound(written, raw, index):
                return previous
            previous = token if word in self.publishers and is_name(token) else ""
        return None

    def lists(self, name: str, *, note: bool = False) -> bool:
        return self.listing(name, note=note) is not None

    def listing(self, name: str, *, note: bool = False) -> str | None:
        """The listed text (normalised) that ``name`` matches, if any; each name is
        looked up once per guide.  A source ``note`` that names the guide's company
        ("[Source: Acme FY2026 Investor Report]") is matched on what else it names:
        every entry may share the company's name ("Acme Comp — Levels.fyi"), and a
        note of the company, dates and generic nouns ("Acme Team 2026") names no
        document."""
        if (name, note) not in self.looked_up:
            words = self._document_words(name) if note else None
            if words == [] and "company" in source_kind_names(name):
                words = None  # "Acme FY2025 10-K": the company's document, matched as one
            self.looked_up[name, note] = (
                self._listing(name) if words is None else self._naming(words)
            )
        return self.looked_up[name, note]

    def _document_words(self, name: str) -> list[str] | None:
        """The words a source note names a document with beyond the company's name,
        dates, common words and source nouns ("data", "team"), padded; None when the
        note does not name the company (it is matched as any source is)."""
        tokens = _normalise(name).split()
        if self.own_words.isdisjoint(tokens):
            return None
        return [
            f" {t} "
            for t in tokens
            if len(t) >= 3
            and t not in self.own_words
            and t not in COMMON_WORDS
            and t not in SOURCE_NOUNS
            and not dated(t)
        ]

    def _naming(self, words: list[str]) -> str | None:
        """The first entry holding every word a note names a document with ("Levels.fyi
        data for Acme" names "Acme Comp — Levels.fyi"), or else the listed source one
        of them names by its name, whatever topic words go with it ("Glassdoor Acme SRE
        data" names the listed Glassdoor), or None."""
        for text in self.texts if words else ():
            if all(word in text for word in words):
                return text
        for word in words:
            if word.strip() in self.names or word.strip() in self.publishers:
                return self._listing(word.strip())
        return None

    def _listing(self, name: str) -> str | None:
        normal = _normalise(name)
        tokens = normal.split()
        if not tokens:
            return None  # nothing a list could hold ("Росстат" normalises to nothing)
        if only_dates(tokens):
            return None  # a date or a number alone names no source ("[Source: Payscale, Q4 2025]")
        words = name.split()
        owner = (
            words[0] if len(words) > 1 and document_name(words[1:]) == " ".join(words[1:]) else None
        )
        if owner is not None or document_name(words) == name:
            # a company document is listed when an entry holds each of its words, a
            # fiscal year in any spelling ("FY2025 10-K" is "Form 10-K for fiscal 2025"),
            # and its owner unless that is the guide's company
            if owner is not None and _normalise(owner) in self.own_words:
                tokens = _normalise(" ".join(words[1:])).split()
            spellings = [_spellings(token) for token in tokens]
            return next(
                (t for t in self.texts if all(any(s in t for s in w) for w in spellings)), None
            )
        padded_name = f" {normal} "
        # no entry holds a run of words longer than itself: a note of thousands of
        # words is tried from the longest entry's length down, not from its own
        longest = max((text.count(" ") - 1 for text in self.texts), default=0)
        for size in range(min(len(tokens), longest), 0, -1):
            # One word alone names a source by its publisher, never by a place the
            # entry covers ("the Singapore salary guide" is not "Glassdoor salary
            # reports for Seattle and Singapore").
            if size == 1 and (
                tokens[0] in WEAK_FIRST or len(tokens[0]) < 3 or known_place(tokens[0])
            ):
                break
            probe = " " + " ".join(tokens[:size]) + " "
            for text in self.texts:
                if probe in text and (size > 1 or _second_agrees(tokens, text)):
                    return text
        for text in self.texts:
            if len(text.strip()) >= 3 and len(text.split()) <= 3 and text in padded_name:
                return text
        return None

    def unlisted_party(self, name: str) -> bool:
        """Whether a source note's part names, by its name, a source of a known kind
        that the guide does not list ("Payscale", "Bloomberg coverage of Acme"); a
        note that starts with the company's name ("Acme SWE Comp 2026", "Acme FY2026
        Investor Report") or names a kind of source alone ("news reports") is not read
        as one: editors read such notes as the company's own labels.  A name that is
        also a common word counts only in capitals ("FT", "Pave", not "hired
        engineers")."""
        tokens = _normalise(name).split()
        if not tokens or tokens[0] in self.own_words:
            return False
        padded = f" {' '.join(tokens)} "
        capitals = {  # "FT", '"Pave" data'
            _normalise(w) for w in name.split() if w.lstrip("\"'\u201c\u2018(")[:1].isupper()
        }
        named = any(
            phrase in padded
            and (phrase[1:-1] not in _PARTY_COMMON or phrase.split()[0] in capitals)
            for phrase in _PARTY_PHRASES
        ) or any(
            word in _PARTY_WORDS and (word not in _PARTY_COMMON or word in capitals)
            for word in tokens
        )
        return named and not self.lists(name, note=True)

    def kinds_of(self, name: str, said: str = "") -> frozenset[str]:
        """What a named source can back, from its name, what the sentence calls it
        ("'s market report") and the entry it matches."""
        return source_kinds(f"{name} {said} {self.listing(name) or ''}")


_FISCAL = patterns.compile(r"fy(?:20)?(\d{2})")


def _spellings(token: str) -> tuple[str, ...]:
    """How an entry may spell a word of a document's name, padded: a fiscal year as
    itself or as its year ("fy2025", "fy25": " 2025 ")."""
    fiscal = _FISCAL.fullmatch(token)
    return (f" {token} ", f" 20{fiscal.group(1)} ") if fiscal else (f" {token} ",)


_POSSESSIVE = patterns.compile(r"'s\b|s'(?=\s|$)")
_NOT_NAME = patterns.compile(r"[^\w.&+]+|_")  # letters of any script, digits, . & +


def only_dates(tokens: list[str]) -> bool:
    """Whether normalised words are dates and numbers only ("q4 2025", "fy2026 27")."""
    return all(dated(token) or not any(ch.isalpha() for ch in token) for token in tokens)


def names_nothing(name: str) -> bool:
    """Whether a name found as a source's is a date or a number only ("FY2026/27")."""
    return only_dates(_normalise(name).split())


@lru_cache(maxsize=8192)
def _normalise(text: str) -> str:
    text = text.casefold().replace("\u2019", "'")
    text = _POSSESSIVE.sub("", text)
    text = _NOT_NAME.sub(" ", text)
    return " ".join(token.strip(".") for token in text.split() if token.strip("."))


# The names of the sources of the known kinds (salary sites, outlets, analysts, review
# sites), normalised: their words less the kind nouns and the words of pay and documents.
_PARTY_NAMES = {
    _normalise(word)
    for name, kind in DATA["source_kinds"]["kinds"].items()
    if name != "company"
    for word in kind["words"]
} - set(DATA["source_kinds"]["kind_nouns"]["words"])
_NOT_NAMES = SOURCE_NOUNS | GENERIC | COMMON_WORDS | word_class("pay_words")
_PARTY_WORDS = frozenset(n for n in _PARTY_NAMES if " " not in n and n not in _NOT_NAMES)
_PARTY_PHRASES = tuple(f" {n} " for n in _PARTY_NAMES if " " in n)
_PARTY_COMMON = frozenset(DATA["source_kinds"]["kind_nouns"]["common_names"])


def read_sources(guide: Guide, prose: Prose) -> Sources:
    texts: list[str] = []
    names: list[str] = []
    own: set[str] = set()
    own_words: set[str] = set()
    # Texts whose figures count as sourced: entries that say where they come from.
    stating: list[str] = []
    if isinstance(guide.data, dict):
        for key in ("company", "company_display"):
            value = guide.data.get(key)
            if isinstance(value, str):
                words = _normalise(value.replace("-", " ")).split()
                distinctive = [w for w in words if w not in COMMON_WORDS]
                own.update((distinctive or words)[:1])  # "The Acme Group": "acme"
                # its distinctive words: "Acme AI Group" is "acme" and "group"
                own_words.update(w for w in words if len(w) >= 3 and w not in COMMON_WORDS)

    def origin(text: str) -> bool:
        return _origin(text, own)

    if isinstance(guide.data, dict):
        listed = guide.data.get("data_sources")
        for item in listed if isinstance(listed, list) else [listed] if listed else []:
            if isinstance(item, dict):
                values = [str(v) for v in item.values() if isinstance(v, str)]
                texts.extend(values)
                joined = " ".join(values)
                dated = any(item.get(key) for key in _ORIGIN_KEYS) or origin(joined)
                if isinstance(item.get("name"), str) and (dated or _known(joined)):
                    names.append(item["name"])
                if dated:
                    stating.extend(values)
            elif isinstance(item, (str, int, float)):
                text = str(item)
                texts.append(text)
                dated = origin(text)
                if dated or _known(text):
                    names.append(text)
                if dated:
                    stating.append(text)
    lines = guide.lines
    for entry in prose.entries:
        texts.append(entry.text)
        written = lines[entry.line - 1] if 0 < entry.line <= len(lines) else entry.text
        if origin(written):
            # as written: a quoted title states its figures ('"Acme buys Tidewell for
            # $340 million" (Finextra, 2026-06-03)'), which the entry's masked text blanks
            stating.append(written)
    publishers = [
        _publisher(entry.text)
        for entry in prose.entries
        if entry.kind == "named" and (origin(entry.text) or _known(entry.text))
    ]
    return Sources(
        [f" {_normalise(text)} " for text in texts if text],
        _first_words(names, own),
        _first_words(publishers, own),
        tuple(text for text in stating if text),
        frozenset(own_words),
    )


def _second_agrees(tokens: list[str], text: str) -> bool:
    """Whether an entry found by a name's first word alone may be that name: its second
    word, unless a source noun ("Glassdoor Reviews"), is in the entry too, in some form
    ("Steam Recommendations" and "Steam Recommendation System"); "Robert Walters" is not
    "Robert Half Salary Guide"."""
    if len(tokens) < 2 or tokens[1] in SOURCE_NOUNS or tokens[1].isdigit():
        return True
    stem = tokens[1][:6]
    return any(word.startswith(stem) for word in text.split())


def _known(text: str) -> bool:
    """Whether a source names a kind of source (a salary site, a filing, an outlet):
    "Block Inc $45B+ Market Cap" restates a claim and names none."""
    return source_kinds(text) != DEFAULT_KINDS


# What makes an entry a source rather than a headline restating a claim: a link, a
# date, or the kind of document it is ("S-1 filing", "earnings call", "press release").
_ORIGIN = Lazy(
    r"https?://|www\.|\]\(|(?<!\d)(?:19|20)\d{2}(?!\d)"
    rf"|(?i:(?<![\w-])(?:{alternation(WORDS['document_words'])})(?![\w-]))"
)
# ... or a site named by its domain: "(boku.com)", "sec.gov".  The suffix is found
# first, then the name before it, so that no other position tries the pattern.
_DOMAIN_SUFFIX = patterns.compile(rf"\.(?i:{alternation(WORDS['domain_suffixes'])})(?![\w-])")
_DOMAIN_NAME = patterns.compile(
    r"(?<![\w@.-])(?P<first>[A-Za-z0-9-]{1,63})(?:\.[A-Za-z0-9-]{1,63}){0,3}\Z"
)


def _domains(text: str) -> Iterator[tuple[int, str]]:
    """Where each domain an entry names starts, and its first label ("boku")."""
    for suffix in _DOMAIN_SUFFIX.finditer(text):
        low = max(0, suffix.start() - 256)
        name = _DOMAIN_NAME.search(text[low : suffix.start()])
        if name is not None:
            yield low + name.start(), name.group("first")


# ... or a publisher first: "PitchBook — Tipalti valuation estimate".
_PUBLISHER_FIRST = Lazy(
    r"\A[\s*+\-\d.)\[]{0,12}(?P<first>[A-Z][\w.&'’]{0,40})(?:\s{1,4}[A-Z][\w.&'’]{0,40}){0,3}"
    r"\s{0,4}(?:—|–|--|:)\s"
)


_FIGURE_NEXT = Lazy(rf"[ \t]{{0,4}}[~≈]?{FIGURE_START}")


def _origin(text: str, own: set[str]) -> bool:
    """Whether an entry says where it comes from.  A name before a dash, or a
    domain, is its publisher unless it is the guide's own company: "Acme Scale —
    240M+ Weekly Customers" is a topic with the claim it restates, not a source."""
    if _ORIGIN.search(text):
        return True
    lead = len(text) - len(text.lstrip(" \t*+-.)[0123456789"))
    for start, label in _domains(text):
        # the site the figures come from: "(boku.com)"; not the company's own name
        # opening the entry: "Acme.com Scale — 240M+ Weekly Customers"
        if start != lead or _normalise(label) not in own:
            return True
    first = _PUBLISHER_FIRST.match(text)  # "Acme.com Scale —" is named for "acme"
    if first is None or _normalise(first.group("first")).split(".")[0] in own:
        return False
    # A label whose figure follows at once restates a claim ("Platform Premium — 10-20%",
    # "DOD Drone Investment -- $50B+ Market Opportunity") unless it names a kind of
    # source ("Trustpilot Wise profile — 4.3 rating").
    return _FIGURE_NEXT.match(text, first.end()) is None or _known(text)


_ORIGIN_KEYS = ("url", "link", "date", "date_accessed", "accessed", "published", "publisher")


def _first_words(names: Iterable[str], own: set[str]) -> frozenset[str]:
    """The distinctive first word of each name: not the guide's own company, nor a common word."""
    firsts = {_normalise(name).split(" ", 1)[0] for name in names if _normalise(name)}
    return frozenset(
        word
        for word in firsts
        if len(word) >= 3
        and word not in own
        and word not in WEAK_FIRST
        and word not in GENERIC
        and word not in SOURCE_NOUNS
        and not word[:1].isdigit()
    )


_SEGMENTS = patterns.compile(r"\s[\u2014\u2013-]\s|[:(,;]")


_LONG_DASH = patterns.compile(r"\s[\u2014\u2013]\s")
_DASH = patterns.compile(r"\s[\u2014\u2013-]\s")


def _publisher(entry: str) -> str:
    """Who an entry of a bulleted source list names: its first segment
    ("Trustpilot profile — 4.3 rating"), or the last of a titled entry
    ("[Market Report — Region — Gartner, 2025]")."""
    text = entry.strip()
    titled = text.startswith("[") or len(_LONG_DASH.findall(text)) >= 2
    text = text.strip("[]")
    if titled:
        text = _DASH.split(text)[-1]
    return _SEGMENTS.split(text, 1)[0]


_SAID = patterns.compile(r"(?:['\u2019]s?)?(?:[ \t]{1,4}[\w-]{1,30}){0,3}")


def said_after(masked: str, end: int) -> str:
    """The words right after a source's name, which may say what it is: "'s market report"."""
    found = _SAID.match(masked, end)
    return found.group(0) if found else ""


_SPACES = frozenset(" \t\n")


def locate_name(masked: str, name: str, cursor: int) -> tuple[int, int] | None:
    """Where the words of ``name`` stand after ``cursor`` (within 200 characters): its
    first word at a word's start, the others after any spaces, the last at a word's
    end ("AI" is not found inside "OpenAI", "Labor  Statistics" is found)."""
    words = name.split()
    limit = min(len(masked), cursor + 200)
    at = cursor
    while words and (start := masked.find(words[0], at, limit)) >= 0:
        at = start + 1
        if start and (masked[start - 1].isalnum() or masked[start - 1] == "_"):
            continue
        end = start + len(words[0])
        for word in words[1:]:
            while end < limit and masked[end] in _SPACES:
                end += 1
            if not masked.startswith(word, end):
                break
            end += len(word)
        else:
            if end >= len(masked) or not masked[end].isalnum():
                return start, end
    return None
