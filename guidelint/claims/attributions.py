"""Attributions: "according to X", "X reports", and unnamed authorities ("studies show")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from guidelint import patterns
from guidelint.claims.vocabulary import (
    CLAUSE,
    DATA,
    SENTENCE_END,
    TOKEN,
    WORDS,
    Family,
    alternation,
    dated,
    heads,
    last_words,
    phrases,
    word_class,
)
from guidelint.figures import CURRENCY_PREFIX, DIGIT, SYMBOL_SET
from guidelint.scan import Lazy, chars

_VAGUE_VERBS = alternation(WORDS["vague_verbs"])
_ACCORDING_LEADS = tuple(WORDS["attribution_leads"])
# Leads that attribute only where a clause begins; elsewhere "per" makes a rate.
_CLAUSE_INITIAL = frozenset(DATA["attribution_leads"]["clause_initial"])
# Leads that attribute only in a sentence stating a figure or a ranking.
_NEEDS_CLAIM = frozenset(DATA["attribution_leads"]["needs_claim"])


class Attribution(NamedTuple):
    """Where an attribution starts, the names it gives (or the vague phrase), whether
    it is vague, and whether it attributes only in a sentence with a claim."""

    offset: int
    names: list[str]
    vague: bool
    needs_claim: bool = False


_CLAUSE_OPENING = Lazy(r"(?:^|[,;:(\u2014\u2013\n]|[.!?]\s)[ \t\n]{0,3}$")
# The classes of verbs that may hand a claim to the name before them.
_VERB_CLASSES = ("attribution_verbs", "evidence_verbs", "naming_verbs")
VERB_WORDS = sorted({word for key in _VERB_CLASSES for word in WORDS[key]})


VAGUE = Family(
    rf"\b(?P<s>{phrases(WORDS['vague_subjects'])})"
    rf"(?:\s+(?!(?:{_VAGUE_VERBS})\b)[\w'’-]+){{0,4}}?\s+(?:{_VAGUE_VERBS})\b"
    rf"|\b(?P<n>{phrases(WORDS['vague_subjects'])})\s+"
    rf"(?:{alternation(WORDS['vague_naming_verbs'])})\b"
    rf"|\b{phrases(WORDS['vague_phrases'])}\b"
    rf"|\b(?P<d>{phrases(WORDS['vague_data_subjects'])})\s+"
    rf"(?:{alternation(WORDS['vague_data_verbs'])})\b(?!\s+up\b)",
    heads([*WORDS["vague_subjects"], *WORDS["vague_phrases"], *WORDS["vague_data_subjects"]]),
    word_starts=True,
)
_ACCORDING = Family(
    r"(?i:\b(?P<p>"
    + "|".join(r"\s+".join(map(re.escape, lead.split())) for lead in _ACCORDING_LEADS)
    # the name and what follows, up to the sentence's end: a full stop followed by a
    # space ends it ("Levels.fyi" and "Salary.com" do not).  It is looked at, not
    # consumed: a lead inside the text after a rate ("revenue per employee") is found
    # too (attributions skips one inside what an attribution reads)
    + r")\s+)(?=(?P<x>(?:[^;:!?()\[\]\n.]|\.(?!\s)){1,160}))",
    [(lead, chars(lead[0], nocase=True)) for lead in _ACCORDING_LEADS],
    word_starts=True,
)
_VERB = Family(
    rf"\b(?P<v>{alternation(VERB_WORDS)})\b",
    [(verb, verb.strip()[0]) for verb in VERB_WORDS if verb.strip()],
    word_starts=True,
)
# A closing note that names the paragraph's sources: "(Sources: X; Y)", "Source: X".
SOURCE_NOTE = patterns.compile(r"[(\[]?[ \t]{0,4}(?i:sources?)[ \t]{0,4}:")

VAGUE_TRIGGERS = last_words(
    WORDS["vague_verbs"],
    WORDS["vague_phrases"],
    WORDS["vague_data_verbs"],
    WORDS["vague_naming_verbs"],
)
_VERB_TRIGGERS = last_words(*(WORDS[key] for key in (*_VERB_CLASSES, "holding_verbs")))
# A company document after a lead names a kind of document: "call", "report", "10-k".
_DOCUMENT_TRIGGERS = word_class("company_documents") | frozenset(("10", "k", "q", "f"))

VAGUE_DETERMINERS = word_class("vague_determiners")
VAGUE_WORDS = word_class("vague_determiners") | frozenset(
    w for phrase in WORDS["vague_subjects"] for w in str(phrase).casefold().split()
)
ATTRIBUTION_VERBS = word_class("attribution_verbs")
_AUXILIARIES = word_class("attribution_auxiliaries")
EVIDENCE_VERBS = word_class("evidence_verbs")
_NAMING = word_class("naming_verbs")
_HOLDING = word_class("holding_verbs")
_OWN_REFERENCES = frozenset(DATA["company_documents"]["generic_owners"])  # "the company's 10-K"
# The rank a naming verb gives its object: "names Acme the leading platform", "ranked
# it among the best", "rated Acme as one of the top".
_RANKED = Lazy(
    r"(?:[ \t]{1,4}[\w'\u2019.&-]{1,30}){1,4}?[ \t]{1,4}(?:(?i:as)[ \t]{1,4})?"
    rf"(?i:the|a|an|one[ \t]{{1,4}}of|among|{alternation(DATA['rank_verbs']['places'])})(?![\w])"
)
_QUALIFIED = frozenset(DATA["source_nouns"]["qualified"])
_HOLDERS = _QUALIFIED | frozenset(DATA["holding_verbs"]["holders"])  # "the salary guide has"
AMBIGUOUS_VERBS = word_class("ambiguous_verbs")
COMPLEMENTS = word_class("complement_words")
PLACING_VERBS = word_class("placing_verbs")
SOURCE_NOUNS = word_class("source_nouns")
GENERIC = word_class("generic_subjects")
OPENERS = word_class("attribution_openers")
CONNECTORS = word_class("connector_words")
_FILLERS = word_class("attribution_fillers")
# Common words that may precede a name without being part of it ("Most Blind threads").
DETERMINERS = word_class("name_determiners")
WEAK_FIRST = word_class("weak_first_words")
_DATA_POINTERS = word_class("data_pointers")
ARTICLES = word_class("articles")
_SEPARATORS = word_class("name_separators")


def vague_subject_counts(masked: str, start: int) -> bool:
    """`studies show` is vague; `Gartner's studies show` and `this data shows` are not."""
    before = masked[max(0, start - 60) : start].rstrip()
    if not before:
        return True
    if before[-1] in ".!?:;,(\u2014\u2013-\n":
        return True
    word = before.split()[-1]
    lowered = word.casefold().replace("\u2019", "'")
    if lowered.endswith("'s") or lowered.endswith("s'"):
        return False
    if lowered in _DATA_POINTERS:
        return False
    # Anything else before the noun makes it part of a longer phrase: a name
    # ("Gartner research") or an object ("gaps between sources tell you ...").
    return lowered in VAGUE_DETERMINERS or lowered in OPENERS


# --- attributions ---------------------------------------------------------------------------


_TITLE_SMALL = word_class("function_words") | {"&"}  # "Bureau of Labor Statistics"
# A quoted title as the subject of a verb of saying: '"Port Automation Outlook 2026"
# expects ...', '"Smart Ports Index 2026" ranks Acme first'.
_QUOTED_TITLE = Lazy(
    r'["\u201c](?P<t>[^"\u201d\n]{3,100})["\u201d][ \t]{1,4}'
    rf"(?P<v>{alternation(VERB_WORDS)})\b"
)


def quoted_titles(text: str, masked: str) -> Iterator[tuple[int, int, str]]:
    """The titles in quotation marks that a verb of saying follows: where each stands
    in ``text`` (its quotation blanked in ``masked``) and the title.  A title is
    written as one, each word capitalised ('"Unlimited PTO" has a cost' is not), and
    its verb is the author's own text, not code or a comment."""
    if '"' not in text and "\u201c" not in text:
        return
    for match in _QUOTED_TITLE.finditer(text):
        verb = match.start("v")
        if masked[verb : match.end("v")] != match.group("v"):
            continue  # the verb is in code or a comment
        title = match.group("t").strip()
        words = [w for w in title.split() if w[:1].isalpha()]
        if len(words) < 2 or not all(w[:1].isupper() or w in _TITLE_SMALL for w in words):
            continue
        start = match.start("t") + match.group("t").index(title)
        yield start, start + len(title), title


_EDITION = patterns.compile(r"[ \t]{1,4}[(\[](?:19|20)\d{2}[)\]][ \t]{0,4}\Z")


def attributions(
    masked: str, words: frozenset[str] | None = None, present: frozenset[str] | None = None
) -> Iterator[Attribution]:
    """(offset, names, vague) for "according to X" and "X says" forms in a block.

    ``words`` (the block's lower-cased words) lets blocks without any
    attribution verb skip the verb scan; ``present`` (see :func:`present_words`)
    narrows both scans to the phrases the block holds.
    """
    according = _ACCORDING.scan(present)
    read_to = -1  # the end of the last lead's name and what follows it
    for match in according.finditer(masked) if according is not None else ():
        if match.start() < read_to:
            continue  # inside what a lead before it names ("data from X and data from Y")
        opening = " ".join(match.group("p").casefold().split())
        if opening in _CLAUSE_INITIAL and not _CLAUSE_OPENING.search(
            masked, max(0, match.start() - 6), match.start()
        ):
            continue  # a rate ("revenue per employee"): a lead after it is still read
        read_to = match.end("x")
        tail = match.group("x")
        stop = SENTENCE_END.search(tail)
        if stop:
            tail = tail[: stop.start()]
        tokens = TOKEN.findall(tail)
        names = _names(tokens, leading_fillers=True, generic=False)
        if names:
            weak = opening in _NEEDS_CLAIM and not _says(tokens, names)
            yield Attribution(match.start(), names, False, weak)
        elif match.group("p").casefold().startswith("according"):
            first = _first_content(tokens)
            if first in VAGUE_WORDS:
                lead = tokens[:3]
                for cut, token in enumerate(lead):
                    if token.endswith((",", ";")):
                        lead = [*lead[:cut], token.rstrip(",;")]
                        break
                phrase = " ".join([*match.group("p").split(), *lead])
                yield Attribution(match.start(), [phrase], True)
    if words is None or not _DOCUMENT_TRIGGERS.isdisjoint(words):
        yield from _document_leads(masked)
    if words is not None and _VERB_TRIGGERS.isdisjoint(words):
        return
    verbs = _VERB.scan(present)
    found: Iterable[re.Match[str]] = verbs.finditer(masked) if verbs is not None else ()
    if (words is None or not _HOLDING.isdisjoint(words)) and DIGIT.search(masked):
        # "has", "have" only where a figure is held after them (holding_verbs)
        held = list(_HOLDING_VERB.finditer(masked))
        if held:
            found = sorted([*found, *held], key=lambda m: m.start())
    for match in found:
        verb = match.group("v")
        lowered = verb.casefold()
        holding = lowered in _HOLDING  # a figure is held after it ("has ... at $X")
        start = match.start()
        window_start = max(0, start - 160)
        before = masked[window_start:start]
        # A year in brackets after a name is its edition: "Glassdoor [2026] puts ...".
        if before.rstrip().endswith((")", "]")):
            edition = _EDITION.search(before)
            if edition is not None:
                before = before[: edition.start()]
        cut = max(
            (m.end() for m in CLAUSE.finditer(before)),
            default=0,
        )
        ends = [m.end() for m in SENTENCE_END.finditer(before)]
        newline = before.rfind("\n") + 1
        cut = max(cut, ends[-1] if ends else 0, newline)
        if cut == 0 and window_start > 0:
            continue  # the subject would be longer than any name
        subject = TOKEN.findall(before[cut:])
        while subject and subject[-1].casefold() in _AUXILIARIES:
            subject.pop()  # "Gartner has also reported": the name is before them
        # In a relative clause the name follows its pronoun: "a pillar that CEO Jane
        # Roe has described as central", "the premium which Mercer reports".
        relative = [i for i, token in enumerate(subject) if token.casefold() in _RELATIVES]
        if relative:
            subject = subject[relative[-1] + 1 :]
        # "As Wood Mackenzie notes, ...": a clause of "as" hands the sentence to its name.
        aside = len(subject) > 1 and subject[0].casefold() == "as"
        if subject and subject[0].casefold() in OPENERS:
            subject = subject[1:]
        if subject and subject[0].casefold() in ARTICLES:  # "A Carta analysis notes"
            subject = subject[1:]
        if not subject or len(subject) > 8:
            continue
        # "the 10-K shows", "Acme's 2026 proxy statement shows": a company's document,
        # named with its owner
        owner = possessive(subject[0]) if len(subject) > 1 else None
        owned = subject[1:] if owner else subject
        document = document_name(owned)
        if document is not None and len(document.split()) == len(owned):
            name = f"{owner} {document}" if owner else document
            yield Attribution(window_start + cut, [name], False, holding)
            continue
        while len(subject) > 1 and dated(subject[0].casefold()):
            subject = subject[1:]  # "The 2026 Mercer Total Remuneration Survey": an edition
        if len(subject) > 2 and subject[0].casefold() in SOURCE_NOUNS and subject[1] in _ON:
            subject = subject[2:]  # "Posts on Blind describe", "Data from Carta puts": the site
        if not _name_like_subject(subject):
            continue
        last = subject[-1].casefold().replace("\u2019", "'")
        owned_by = any(t.replace("\u2019", "'").endswith("'s") for t in subject)
        if holding:
            # "The Hays 2026 salary guide has ... at SGD 150K": after a noun of data only
            names = _names(subject, leading_fillers=False) if last in _HOLDERS else []
            if names:
                yield Attribution(window_start + cut, names, False, True)
            continue
        if lowered in _NAMING and lowered not in ATTRIBUTION_VERBS and last not in SOURCE_NOUNS:
            # "Gartner names Acme the leading platform": with its object ranked after
            # it, and only with the claim it names
            names = _names(subject, leading_fillers=False)
            if names and _RANKED.match(masked, match.end(), match.end() + 160):
                yield Attribution(window_start + cut, names, False, True)
            continue
        evidence_only = lowered in EVIDENCE_VERBS and lowered not in ATTRIBUTION_VERBS
        if evidence_only and last not in SOURCE_NOUNS and not owned_by:
            continue
        closes_aside = aside and masked[match.end() : match.end() + 1] == ","
        if lowered in AMBIGUOUS_VERBS and last not in SOURCE_NOUNS and not closes_aside:
            following = TOKEN.search(masked, match.end(), match.end() + 40)
            word = following.group(0).casefold().strip("~") if following else ""
            word = word.replace("\u2019", "'").split("'")[0]  # "it'll" is "it"
            placed = _PLACED_AT.match(masked, match.end(), match.end() + 80)  # "puts X at $Y"
            complement = word in COMPLEMENTS and lowered not in PLACING_VERBS
            # "Gartner expects claims automation to become a standard module"
            foretold = lowered in _FORECASTING and _FORETOLD.match(
                masked, match.end(), match.end() + 80
            )
            if not (
                word[:1].isdigit() or word[:1] in SYMBOL_SET or complement or placed or foretold
            ):
                continue
        names = _names(subject, leading_fillers=False)
        if names:
            yield Attribution(window_start + cut, names, False)


_ON = frozenset(("on", "from"))  # between a source noun and the site it is on
_SAYING = ATTRIBUTION_VERBS | EVIDENCE_VERBS
# A company document after "on", "in" or "during" and before a comma, where a clause
# begins: "On the Q4 call, management guided to 20% growth" (document_leads).
_DOCUMENT_LEAD = Lazy(
    rf"(?i:\b(?:{alternation(DATA['attribution_leads']['document_leads'])})[ \t]{{1,4}}"
    r"(?:the|last|latest)[ \t]{1,4})(?P<doc>[\w-]{1,30}(?:[ \t]{1,4}[\w-]{1,30}){0,4}?),"
)


_SPEAKER = Lazy(rf"[ \t]{{1,4}}(?i:{alternation(DATA['attribution_leads']['speakers'])})\b")
_PERIOD_CALL = patterns.compile(
    r"(?i:(?:q[1-4]|h[12]|fy)(?:(?:19|20)?\d{2})?(?:[ \t]+(?:19|20)\d{2})?[ \t]+call)"
)


def _document_leads(masked: str) -> Iterator[Attribution]:
    """Attributions to a company document named after a lead ("On the Q4 call, ...")."""
    if "," not in masked:
        return
    for match in _DOCUMENT_LEAD.finditer(masked):
        if not _CLAUSE_OPENING.search(masked, max(0, match.start() - 6), match.start()):
            continue
        words = match.group("doc").split()
        name = document_name(words)
        if (
            name is None
            and _SPEAKER.match(masked, match.end())
            and _PERIOD_CALL.fullmatch(" ".join(words))
        ):
            name = " ".join(words)  # "On the Q4 call, management guided ..."
        if name is not None and len(name) == len(" ".join(words)):
            yield Attribution(match.start("doc"), [name], False, True)


# The amount or share an ambiguous verb gives its object, in its clause: "Payscale puts
# Toronto base at CAD 165K", "Bloomberg expects Acme to pass $1.5B", "... growth of 20%".
_PLACED_AT = Lazy(
    rf"[^.;:!?\n]{{0,60}}?[ \t](?i:at|to|of|by)[ \t]{{1,4}}(?:[\w-]{{1,30}}[ \t]{{1,4}})?~?"
    rf"(?:(?:{CURRENCY_PREFIX})[ \t]?\d|\d{{1,3}}(?:\.\d+)?%)"
)
# What a forecast says will happen: "expects claims automation to become ...".
# The object is no person ("expects new hires to grow into the role" is a wish).
_FORETOLD = Lazy(
    rf"(?![ \t]{{1,4}}(?:[\w-]{{1,30}}[ \t]{{1,4}}){{0,2}}(?i:{alternation(DATA['forecast_infinitives']['people'])})\b)"
    rf"[^.;:!?\n]{{0,60}}?[ \t]to[ \t]{{1,4}}(?i:{alternation(WORDS['forecast_infinitives'])})\b"
)
_FORECASTING = frozenset(DATA["forecast_infinitives"]["verbs"])
# A verb of holding with the figure it holds after it: "has ... at SGD 150K" ("has grown
# 40%", "has a risk section" hold nothing).
_HOLDING_VERB = Lazy(
    rf"\b(?P<v>(?i:{alternation(WORDS['holding_verbs'])}))\b(?={_PLACED_AT.pattern})"
)
_RELATIVES = word_class("relative_pronouns")
_FORM = patterns.compile(r"\d{1,3}-[A-Z]{1,2}|[A-Z]-\d")  # a filing's form: "10-K", "20-F", "S-1"
_DOCUMENTS = word_class("company_documents")
_ANCHORS = tuple(DATA["company_documents"]["anchors"])


def document_name(tokens: list[str]) -> str | None:
    """The company document the words open with, named by kind and period ("Q3 2026
    earnings call", "2025 Form 10-K", "10-Q"), or None (see company_documents)."""
    taken: list[str] = []
    documents = 0
    for token in tokens[:8]:
        bare = token.rstrip(",;")
        word = bare.casefold()
        if word in _DOCUMENTS or _FORM.fullmatch(bare):
            documents += 1
        elif not dated(word):
            break
        taken.append(bare)
        if bare != token:
            break  # a comma ends the name
    name = " ".join(taken)
    lowered = name.casefold()
    if any(_FORM.fullmatch(t) for t in taken) or any(a in lowered for a in _ANCHORS):
        return name if documents else None
    return None


def _counted(window: list[str], position: int) -> bool:
    """Whether a token that starts with a digit counts something ("240M+ customers",
    "240M weekly customers") rather than naming it ("3M reported", "6figr data")."""
    token = window[position]
    if not token[:1].isdigit() or _FORM.fullmatch(token.rstrip(".,;:")):
        return False  # "10-K", "20-F": a filing's form names a document
    if "+" in token:
        return True
    following = window[position + 1].strip(".,;:") if position + 1 < len(window) else ""
    lowered = following.casefold()
    return following[:1].islower() and lowered not in _SAYING


def _says(tokens: list[str], names: list[str]) -> bool:
    """Whether a verb of saying follows the names: "data from Built In suggests"."""
    after = len(" ".join(names).split())
    following = [t.casefold().strip(".,;:") for t in tokens[after : after + 2]]
    return any(word in ATTRIBUTION_VERBS or word in EVIDENCE_VERBS for word in following)


def _first_content(tokens: list[str]) -> str:
    for token in tokens:
        word = token.casefold().strip(".,")
        if word not in ARTICLES:
            return word
    return ""


def is_name(token: str) -> bool:
    core = token.strip(".,'\u2019\"")
    if not core:
        return False
    if core[0].isupper():
        return True
    if core[0].isdigit():
        return any(ch.isalpha() for ch in core)  # "6figr", "3M"
    return "." in core.strip(".") and core.replace(".", "").isalnum()  # "levels.fyi"


def possessive(token: str) -> str | None:
    plain = token.replace("\u2019", "'")
    for ending in ("'s", "s'"):
        if plain.endswith(ending):
            return plain[: -len(ending)] + ("s" if ending == "s'" else "")
    return None


def _name_like_subject(tokens: list[str]) -> bool:
    """Whether the words before a verb form a source's name (and nothing else).

    Allowed: capitalised or dotted words joined by connectors, then source nouns
    ("Levels.fyi data", "Bureau of Labor Statistics"); after a possessive, any
    few words that end in a source noun ("Stack Overflow's developer survey").  A
    date names no source ("The March report shows ...").
    """
    if not is_name(tokens[0]) or (dated(tokens[0].casefold()) and not _capitalised_next(tokens, 0)):
        return False
    if tokens[0].casefold().strip(".,") in GENERIC and not _opens_name(tokens, 0):
        return False
    for position, token in enumerate(tokens):
        word = token.casefold().replace("\u2019", "'")
        rest = tokens[position + 1 :]
        if possessive(token) is not None:
            # "Mercer's 2026 energy-tech pay survey"
            return not rest or (len(rest) <= 4 and rest[-1].casefold() in SOURCE_NOUNS)
        if is_name(token) or word in CONNECTORS or word in SOURCE_NOUNS or word.isdigit():
            continue
        # After the name, at most two words that qualify the source noun that ends
        # the subject: "LinkedIn talent data", "Carta equity benchmarks".
        return position > 0 and 0 < len(rest) <= 2 and rest[-1].casefold() in _QUALIFIED
    return True


def _opens_name(tokens: list[str], index: int) -> bool:
    """Whether a common word ("People", "Built") starts a multi-word name: the
    next word is capitalised and not itself a common word ("People In AI",
    not "Most engineers" or "Many AI engineers")."""
    if index + 1 >= len(tokens) or tokens[index].endswith((",", ";")):
        return False
    following = tokens[index + 1].rstrip(",;")
    stem = possessive(following)
    word = (stem if stem is not None else following).casefold().strip(".")
    return is_name(following) and word not in GENERIC and word not in SOURCE_NOUNS


def _subject_after(window: list[str], position: int) -> bool:
    """Whether the name at ``position``, after a comma, opens the clause the attribution
    leads to rather than going on with its list: it is a possessive ("Acme's revenue"),
    or a lower-case word that joins no names follows the name ("Acme Corp has 400
    employees")."""
    token = window[position].rstrip(",;")
    if possessive(token) is not None:
        return True
    after = position + 1  # past the rest of the name: "Acme Corp has ..."
    while after < len(window) and is_name(window[after]) and not window[after - 1].endswith(","):
        if possessive(window[after].rstrip(",;")) is not None:
            return True
        after += 1
    following = window[after] if after < len(window) else ""
    word = following.strip(".,;:").casefold()
    if word in SOURCE_NOUNS:  # "Acme data shows" names; "Acme data engineers earn" opens
        return compound(following, window, after)
    return following[:1].islower() and word not in CONNECTORS and word not in _SEPARATORS


COMPOUND_HEADS = word_class("compound_heads")


def compound(written: str, tokens: list[str], index: int) -> bool:
    """Whether a source noun starts a compound ("TikTok data privacy", "market share")
    rather than naming a source ("TikTok data shows")."""
    if index + 1 >= len(tokens) or written[-1:] in ".,;:)]!?":
        return False
    return tokens[index + 1].strip(".,;:()[]!?\"'\u2019").casefold() in COMPOUND_HEADS


def _capitalised_next(window: list[str], position: int) -> bool:
    following = window[position + 1] if position + 1 < len(window) else ""
    return following[:1].isupper()


def _names(tokens: list[str], *, leading_fillers: bool, generic: bool = True) -> list[str]:
    """Names in a run of words: capitalised runs joined by "of", "&" or "for".

    The run must start with a name; "and"/"or" separate names; a word that is
    neither a name nor a source noun ("research", "data") ends the list.
    """
    index = 0
    if leading_fillers:
        while index < len(tokens) and tokens[index].casefold().strip(".,") in _FILLERS:
            if tokens[index].endswith((",", ";")):
                return []  # "according to recent surveys, Gartner's ...": the phrase ended
            index += 1
    names: list[str] = []
    current: list[str] = []

    def flush() -> None:
        while current and current[-1].casefold() in CONNECTORS:
            current.pop()
        if current:
            names.append(" ".join(current))
        current.clear()

    window = tokens[index : index + 20]
    # "per the 10-K", "per the company's 2023 proxy statement": a company document
    owner = possessive(window[0]) if len(window) > 1 else None
    document = document_name(window[1:] if owner else window)
    if document is not None:
        generic = owner is not None and owner.casefold() in _OWN_REFERENCES
        return [f"{owner} {document}" if owner and not generic else document]
    listing = False  # the name before ended on a comma
    for position, token in enumerate(window):
        bare = token.rstrip(",;")
        comma = bare != token
        word = bare.casefold()
        if listing and names and not current and _subject_after(window, position):
            break  # "according to Glassdoor, Acme has ...": the clause's own subject
        listing = comma
        if not current and generic and word in GENERIC and _opens_name(window, position):
            if word not in DETERMINERS:
                current.append(bare)
            continue
        stem = possessive(bare)
        if stem is not None and is_name(stem):
            current.append(stem)
            flush()
            continue
        if _counted(window, position):
            break  # "data from 240M+ weekly customers": a figure, not a source's name
        if (
            not current
            and word[:1].isalpha()
            and dated(word)
            and not _capitalised_next(window, position)
        ):
            continue  # "Glassdoor's March data": a date opens no name ("April Dunford" does)
        if is_name(bare) and (current or not generic or word not in GENERIC):
            current.append(bare.rstrip("."))
            if comma:
                flush()
            continue
        if current and word in CONNECTORS and word not in ("and", "or"):
            current.append(bare)
            continue
        flush()
        if not names:
            break
        if word in _SEPARATORS or word in SOURCE_NOUNS or word.isdigit():
            continue
        break
    flush()
    return names


# The object an unnamed authority ranks or names: a name or a pronoun, then its rank
# ("Analysts call Acme the most advanced engine", "observers rank it among the top").
NAMED_OBJECT = Lazy(
    r"[ \t]{1,4}(?:(?-i:[A-Z])[\w'\u2019.&-]{0,30}|(?i:it|them))"
    rf"(?:[ \t]{{1,4}}[\w'\u2019.&-]{{1,30}}){{0,2}}?[ \t]{{1,4}}(?:(?i:as)[ \t]{{1,4}})?"
    rf"(?i:the|a|an|one[ \t]{{1,4}}of|among|{alternation(DATA['rank_verbs']['places'])})(?![\w])"
)
