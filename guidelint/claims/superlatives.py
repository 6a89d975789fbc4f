"""Superlatives: rankings and peacock words, and the uses of them that rank nothing."""

from __future__ import annotations

import itertools
import re
from functools import cache

from guidelint import patterns
from guidelint.claims.attributions import DETERMINERS, possessive
from guidelint.claims.vocabulary import (
    DATA,
    WORD,
    WORDS,
    Family,
    alternation,
    heads,
    last_words,
    phrases,
    word_class,
)
from guidelint.figures import SYMBOL_CHARS
from guidelint.places import known_place
from guidelint.scan import Lazy, chars, longest_first


def phrase_key(phrase: str) -> str:
    """How a configured superlative compares: case and runs of space aside."""
    return " ".join(phrase.casefold().split())


def _superlative_words(extend: tuple[str, ...], ignore: tuple[str, ...]) -> list[str]:
    dropped = {phrase_key(word) for word in ignore}
    words = [w for w in WORDS["superlatives"] if phrase_key(w) not in dropped]
    return words + [w for w in extend if phrase_key(w) not in dropped]


@cache
def superlative_triggers(extend: tuple[str, ...], ignore: tuple[str, ...]) -> frozenset[str]:
    """The last word of every superlative phrase: a block holding none of them
    cannot match, so the (costly) superlative pattern is not run on it."""
    return last_words(_superlative_words(extend, ignore))


@cache
def superlative_pattern(extend: tuple[str, ...], ignore: tuple[str, ...]) -> Family:
    """The superlative word list adjusted by `extend-superlatives` / `ignore-superlatives`.

    Every entry written with "the" ("the most", "the best") also counts after a
    possessive ("the industry's most", "its best"); group ``pw`` marks that form.
    """
    words = _superlative_words(extend, ignore)
    if not words:
        return Family(r"(?!x)x", [])
    rests = [" ".join(w.split()[1:]) for w in words if w.casefold().split()[0] == "the"]
    pattern = rf"(?<![\w#]){phrases(words)}(?![\w])"
    entries = heads(words)
    if any(rests):
        owners = WORDS["possessive_pronouns"]
        pattern += (
            rf"|(?:(?<=\w)['’]s|(?<=s)['’]|(?<![\w])(?i:{'|'.join(owners)}))"
            rf"\s+(?P<pw>{phrases(rests)})(?![\w])"
        )
        starts = "'’" + chars((o[0] for o in owners), nocase=True)
        entries += [(rest, starts) for rest in rests if rest.strip()]
    # Each letter that starts a match starts a word: (?<![\w#]) or (?<![\w]) says so.
    return Family(pattern, entries, word_starts=True)


SUPERLATIVE_EXCEPTIONS = Lazy(
    rf"(?i:(?<![\w])(?:{alternation(WORDS['superlative_exceptions'])})(?![\w]))"
)
# Idioms only where no word or figure follows in their clause: "three at the most".
_CLOSING_IDIOMS = Lazy(
    rf"(?i:(?<![\w])(?:{alternation(WORDS['closing_idioms'])})(?![ \t]*+[\w{SYMBOL_CHARS}]))"
)
# The exceptions written with "the", without it, for the possessive form:
# "the company's most recent round" is as harmless as "the most recent round".
_BARE_EXCEPTIONS = Lazy(
    rf"(?i:(?:{alternation(p.split(None, 1)[1] for p in WORDS['superlative_exceptions'] if p.casefold().startswith('the '))})(?![\w]))"
)
_CONTRACTIONS = word_class("possessive_contractions")
_OWNER = patterns.compile(r"[\w.&-]{1,40}$")
# Up to two capitalised words before it: "North America", "the Bay Area", "New York".
_NAME_OWNER = patterns.compile(r"(?<![\w.&-])(?:[A-Z][\w.&-]{0,30}[ \t]){1,2}[\w.&-]{1,40}$")


def _owner(masked: str, apostrophe: int) -> re.Match[str] | None:
    """The word that owns a possessive ending at ``apostrophe`` ("internet" of
    "internet's"), or the words of a place or field that several words name ("North
    America" of "North America's", "Bay Area" of "the Bay Area's")."""
    word = _OWNER.search(masked, max(0, apostrophe - 40), apostrophe)
    if word is None or not masked[word.start() : word.start() + 1].isupper():
        return word
    low = max(0, word.start() - 64)
    while (named := _NAME_OWNER.search(masked, low, apostrophe)) is not None:
        if _field(named.group(0).casefold()):
            return named
        low = named.start() + 1  # one word fewer
        if low >= word.start():
            break
    return word


_COMPOUND = patterns.compile(r"-[^\W\d_]")
_SCOPES = word_class("superlative_scopes")
_CONTINENTS = frozenset(DATA["superlative_scopes"]["continents"])


def _field(owner: str) -> bool:
    """Whether a possessive's owner is a field or a place, against which a superlative
    ranks ("the industry's", "Toronto's"), rather than a company, a person or a thing."""
    return owner in _SCOPES or owner in _CONTINENTS or known_place(owner)


def possessive_superlative(masked: str, match: re.Match[str]) -> str | None:
    """The text of a possessive superlative ("industry's most"), or None when the
    "'s" is a contraction ("it's best to ...") or an exception follows."""
    if _BARE_EXCEPTIONS.match(masked, match.start("pw")):
        return None
    # "Vanta's highest-value deals" picks the owner's own top deals; "the
    # world's highest-paying employer" still ranks against everyone.
    compound = _COMPOUND.match(masked, match.end()) is not None
    if masked[match.start()] in "'’":
        owner = _owner(masked, match.start())
        if owner is None or owner.group(0).casefold() in _CONTRACTIONS:
            return None
        if compound and not _field(owner.group(0).casefold()):
            return None  # "Toronto's fastest-growing fintech" ranks in a place
        return masked[owner.start() : match.end()]
    if compound:
        return None
    return match.group(0)


# --- the check ------------------------------------------------------------------------------

_ADVICE_HEADS = word_class("advice_heads")
_PROCESS_HEADS = word_class("process_heads")
# Heads that rank the reader's options only in a negotiation: "the strongest negotiation
# position", "you are the strongest candidate"; not "the strongest market position".
_NEGOTIATION_HEADS = word_class("negotiation_heads")
_READER_HEADS = word_class("reader_heads")
_NEGOTIATING = word_class("negotiation_words")
_READER = patterns.compile(r"(?i:\byou(?:r)?\b)")
_ROLE_HEADS = word_class("role_heads")
_HIRING = Lazy(rf"[ \t]{{1,4}}(?i:{alternation(DATA['role_heads']['hiring_tails'])})\b")
_TOKEN = patterns.compile(r"\S+")
# A ranking against a field, not within the company: "in the industry", "in
# cybersecurity", "anywhere".
_FIELDS = alternation([*WORDS["superlative_scopes"], *WORDS["field_names"]])
# A field followed by the company ("the largest accounts in payments at Acme") is
# a pick within the company after all.
_WITHIN = (
    r"(?![ \t,]{1,4}(?:at|within|inside)[ \t]{1,4}(?:(?-i:[A-Z])|the[ \t]{1,4}(?:company|firm)\b))"
)
_FIELD = (
    rf"[ \t,]{{1,4}}(?:in|among|across)[ \t]{{1,4}}(?:the[ \t]{{1,4}})?(?:{_FIELDS})\b{_WITHIN}"
)
_WORLD = rf"(?:{_FIELD}|[ \t,]{{1,4}}(?:{alternation(WORDS['scope_adverbs'])})\b)"
_WORLD_SCOPE = Lazy(f"(?i:{_WORLD})")
# ... or a field after the rest of a role's noun phrase, two words at most and neither a
# pronoun nor a verb's helper: "the most impactful IC work in the world", not "the
# most impactful role you could ever take".
_PHRASE_FIELD = Lazy(
    rf"(?i:(?:[ \t]{{1,4}}+(?!{alternation(WORDS['phrase_stops'])}\b)[\w'\u2019-]{{1,30}}+)"
    rf"{{1,2}}?{_FIELD})"
)
_PAY_WORDS = word_class("pay_words")

# A clause ends at its punctuation or at a tag line's "|": "Telecom Leader | Strategy Owner".
_CLAUSE_STOP = patterns.compile(r"[.;:!?|](?!\d)")
_COMPARISON = word_class("comparison_words")


def _first_words(text: str, count: int = 3) -> list[str]:
    """The first ``count`` words of ``text``, folded, without the punctuation around them."""
    return [w.strip(".,;:!?()\"'") for w in text.casefold().split()[:count]]


def ranks_advice(masked: str, start: int, end: int) -> bool:
    """Whether a superlative ranks the reader's options or the role, its noun within
    three words: "the strongest lever", "the highest-leverage hires" (not "the
    highest-paying role", which ranks pay, nor "the best card issuing platform", whose
    option word only qualifies a market's noun, nor a ranking in the company's history)."""
    clause = _CLAUSE_STOP.split(masked[end : end + 80], maxsplit=1)[0]
    if _HISTORY.search(masked, end, end + len(clause)) is not None:
        return False  # "the largest strategic bet in the company's history"
    following = _first_words(clause[:60])  # the noun is in its clause
    for index, word in enumerate(following):
        if word in _NEGOTIATING:
            return True  # "the strongest negotiation position"
        if word in _ROLE_HEADS:
            # "the highest-leverage hires" is opinion; "the highest-paying role" ranks
            # pay, "the most demanding roles in the industry" ranks against a field and
            # "the hardest role to fill" ranks the hiring market.
            ranked = WORD.findall(masked[start:end].casefold()) + following[:index]
            pay = not _PAY_WORDS.isdisjoint(
                w.strip("-") for part in ranked for w in part.split("-")
            )
            hiring = _HIRING.match(masked, _head(masked, end, index)) is not None
            return not (_scoped(masked, end, index) or pay or hiring)
        if word in _PROCESS_HEADS:
            # "the highest-risk moments in the cutover"; not "the most important phase
            # of Acme's growth" nor "the company's most transformative period", a time
            # in the company's life
            head = _head(masked, end, index)
            return not (
                _WORLD_SCOPE.match(masked, head)
                or _COMPANY_TIME.match(masked, head)
                or company_owned(masked, start, end)
            )
        if word not in _ADVICE_HEADS or not _MARKET_HEADS.isdisjoint(following[index + 1 :]):
            continue  # "the best corporate card platform": the card names a product
        if company_owned(masked, start, end) or _scoped(masked, end, index):
            # "the company's most ambitious bet", "the most complex needs in payments"
            return False
        if word in _NEGOTIATION_HEADS:
            return index > 0 and following[index - 1] in _NEGOTIATING
        if word in _READER_HEADS:
            return _READER.search(masked, max(0, start - 40), start) is not None
        return True
    return False


# The owners a company's ranking may have: a generic owner ("the company's"), a
# possessive pronoun, a name's possessive ("Verizon's").
_GENERIC_OWNERS = alternation(DATA["company_documents"]["generic_owners"])
_PRONOUN_OWNERS = r"(?i:its|their)"
_NAME = r"[A-Z][\w.&-]{0,30}"
_POSSESSIVE = r"['\u2019]s"
# An owner other than the reader right before the superlative's word: "the company's
# most", "its best", "Verizon's top".
_OWNER_BEFORE = Lazy(
    rf"(?:\b(?i:the)[ \t]{{1,4}}(?i:{_GENERIC_OWNERS}){_POSSESSIVE}|\b{_PRONOUN_OWNERS}"
    rf"|(?<![\w'\u2019])(?P<name>{_NAME}){_POSSESSIVE})[ \t]{{1,4}}$"
)
_TIME_OWNERS = word_class("time_owners") | word_class("date_words")


def company_owned(masked: str, start: int, end: int) -> bool:
    """Whether the superlative at ``start:end`` is owned by the company or another
    name, right before its word ("the company's most", "its best"), not by the reader
    or a time ("Today's strongest lever")."""
    word = end - len(masked[start:end].rsplit(None, 1)[-1])
    found = _OWNER_BEFORE.search(masked, max(0, word - 48), word)
    if found is None:
        return False
    name = found.group("name")
    return name is None or name.casefold() not in _TIME_OWNERS


_POSITIONS = tuple(DATA["market_heads"]["positions"])
_MARKET_HEADS = word_class("market_heads")
_PEOPLE = frozenset(DATA["market_heads"]["people"])
_NEEDS_LEAD = tuple(DATA["market_heads"]["needs_lead"])
_LEADS = frozenset(DATA["market_heads"]["leads"])


def unplaced(masked: str, start: int, end: int) -> bool:
    """Whether a market position ("is the default", "has become the preferred", "was
    the only") names no market in the three words after it (an adverb right after it
    aside: "the only truly multi-protocol platform"): "the default observability
    platform" places a company, "the default focus", "the preferred channel" and "the
    first platform engineer" (a market's noun qualifying a person) do not; "the only"
    and "the first" place only after a verb of being or "as", and after an owner only
    when it is a field or a place ("the world's only", "Canada's first"), not the
    owner's own first or only one ("its first review", "the recruiter's first line")."""
    phrase = masked[start:end].casefold()
    owner, _, rest = phrase.rpartition(" ")
    if f"the {rest}" in _NEEDS_LEAD and owner != "the":
        if owner[:1] in "'\u2019":  # "'s only": the owner is before it, read whole
            found = _owner(masked, start)  # "the Bay Area's only"
            return found is None or not _field(found.group(0).casefold())
        return not _field(owner.replace("\u2019", "'").removesuffix("'s").rsplit(" ", 1)[-1])
    if not phrase.endswith(_POSITIONS):
        return False
    if phrase.startswith(_NEEDS_LEAD):
        before = _WORDS_BEFORE.search(masked, max(0, start - 46), start)
        if before is None or before.group(1).casefold() not in _LEADS:
            return True  # "The first product review happens ...": no place is claimed
    following = _first_words(masked[end : end + 80], 5)
    if following and following[0].endswith("ly"):
        following = following[1:]  # "the only truly multi-protocol platform"
    head = next((i for i, word in enumerate(following[:3]) if word in _MARKET_HEADS), None)
    if head is None:
        return True
    return following[head + 1] in _PEOPLE if head + 1 < len(following) else False


def _head(masked: str, end: int, index: int) -> int:
    """Where the ``index``-th word after ``end`` ends."""
    heads = _TOKEN.finditer(masked, end, min(len(masked), end + 60))
    return next(itertools.islice(heads, index, None)).end()


def _scoped(masked: str, end: int, index: int) -> bool:
    """Whether the ``index``-th word after ``end``, or the two words after it, is
    followed by a field ("roles in the industry", "IC work in the world")."""
    head = _head(masked, end, index)
    return (_WORLD_SCOPE.match(masked, head) or _PHRASE_FIELD.match(masked, head)) is not None


# A time in the company's life after a process noun: "phase of Acme's growth".
_COMPANY_TIME = Lazy(
    r"(?:[ \t]{1,4}[\w'\u2019-]{1,30}){0,3}?[ \t]{1,4}"
    rf"(?i:{alternation(WORDS['company_times'])})\b"
)


def excepted(masked: str, start: int, end: int) -> bool:
    """Whether an exception phrase ("leading a", "the best way", "three at the most.")
    covers the match."""
    low, high = max(0, start - 30), min(len(masked), end + 30)
    for pattern in (SUPERLATIVE_EXCEPTIONS, _CLOSING_IDIOMS):
        for match in pattern.finditer(masked, low, high):
            if match.start() <= start < match.end() or match.start() < end <= match.end():
                return True
    return False


_PREVIOUS_WORD = patterns.compile(r"([\w'’]{1,40},?)[ \t]{1,4}$")
# Words before "leading" that make it the verb ("while leading the migration").
_VERB_LEADS = word_class("participle_leads")


# Words before "leading" that make it the adjective even before a possessive: "a
# leading bank's", "Europe's leading insurer's".
_NOT_VERB_LEADS = DETERMINERS
# Short words ending in "s" that are not plural nouns ("as", "its", "across").
_NOT_PLURALS = DETERMINERS | word_class("not_plurals")


# The plural of an abbreviation names people doing something: "PMs", "SREs", "VPs".
_ACRONYM_PLURAL = patterns.compile(r"[A-Z]{2,6}s")
_CLAUSE_OPENERS = frozenset("\u2014\u2013;:(")
_NEXT_WORD = patterns.compile(r"[ \t]{1,4}([\w'\u2019]{1,40})")


def participle(masked: str, match: re.Match[str]) -> bool:
    """Whether a bare "leading" is the verb: after a plural noun ("managers leading
    SOC 2 teams", "PMs leading workstreams"), a conjunction ("while leading"), a comma, a dash or a colon
    ("setting direction, leading reviews"), not after a determiner or a possessive ("a leading vendor",
    "Europe's leading bank")."""
    if match.group(0).casefold() != "leading":
        return False
    following = _NEXT_WORD.match(masked, match.end())
    if following is not None and following.group(1).casefold() in DETERMINERS:
        return True  # "leading this transformation", "leading the migration"
    previous = _PREVIOUS_WORD.search(masked, max(0, match.start() - 30), match.start())
    if (
        following is not None
        and possessive(following.group(1)) is not None
        and not (
            previous is not None
            and (
                previous.group(1).casefold() in _NOT_VERB_LEADS
                or possessive(previous.group(1)) is not None
            )
        )
    ):
        return True  # "the team is leading Acme's shift", not "a leading bank's"
    before = masked[max(0, match.start() - 30) : match.start()].rstrip()
    if before[-1:] in _CLAUSE_OPENERS:
        return True  # "— leading technical design", "(leading the migration)"
    if previous is None:
        return False
    written = previous.group(1)
    word = written.casefold()
    if word.endswith(",") or word in _VERB_LEADS or _ACRONYM_PLURAL.fullmatch(written):
        return True  # "PMs leading Toast IQ workstreams", "SREs leading incident reviews"
    return len(word) > 3 and word.endswith("s") and word.isalpha() and word not in _NOT_PLURALS


# Any -est word after "the" or a possessive ranks ("the broadest coverage", "Europe's
# richest"), beside the listed words; group ``sw`` holds the word.
_SUFFIX_EXCEPTIONS = word_class("superlative_suffix_exceptions")
SUFFIX_SUPERLATIVE = Lazy(
    rf"(?:(?<![\w])(?i:the|{alternation(WORDS['possessive_pronouns'])})[ \t]+|(?<=\w)['’]s[ \t]+)"
    r"(?P<sw>[a-z]{3,}est)(?![\w'’])"
)


def suffix_superlative(masked: str, match: re.Match[str]) -> bool:
    """Whether a SUFFIX_SUPERLATIVE match ranks: not "the latest" or "its interest",
    nor an owner's own items ("Vanta's highest-value deals"; see possessive_superlative)."""
    if match.group("sw").casefold() in _SUFFIX_EXCEPTIONS:
        return False
    if masked[match.start()] not in "'\u2019" or _COMPOUND.match(masked, match.end()) is None:
        return True
    owner = _owner(masked, match.start())
    return owner is not None and _field(owner.group(0).casefold())


_PHRASE_TAIL = patterns.compile(  # after an adverb, its word too: "the most technically hard"
    r"(?:-\w{1,30}){0,4}(?:[ \t]{1,4}(?P<w>[A-Za-z][\w-]{0,40}+(?:(?<=ly)[ \t]{1,4}[A-Za-z][\w-]{0,40}+)?))?"
)
_FUNCTION_WORDS = word_class("function_words")


def _compound_start(masked: str, start: int) -> int:
    """Where the words a hyphen joins a superlative to before it start: "second-" of
    "second-largest"; three words of 30 characters at most, so each superlative costs
    a bounded look back."""
    for _ in range(3):
        if start < 2 or masked[start - 1] != "-":
            break
        head = start - 1
        while head > 0 and start - head <= 30 and masked[head - 1].isalnum():
            head -= 1
        if head == start - 1 or (head > 0 and masked[head - 1].isalnum()):
            break  # no word before the hyphen, or one longer than any compound's part
        start = head
    return start


def phrase_at(masked: str, start: int, end: int) -> tuple[str, int, int]:
    """The checkable phrase of a superlative, where it starts and where it ends: its
    hyphenated compound, before and after it, and the word it ranks ("the
    highest-paying employer", not "the highest"; "second-largest product", not
    "largest product")."""
    start = _compound_start(masked, start)
    tail = _PHRASE_TAIL.match(masked, end)
    stop = end
    if tail is not None:
        word = tail.group("w")
        ranked = word and word.casefold() not in _FUNCTION_WORDS
        stop = tail.end() if ranked or not word else tail.start("w")
    return " ".join(masked[start:stop].split()).rstrip(".,;:!?"), start, stop


def owner_start(masked: str, start: int) -> int:
    """Where the owner of a possessive superlative starts: "the internet's largest"."""
    return owner.start() if (owner := _owner(masked, start)) else start


_LEADERS = word_class("leader_nouns")
_PERSON_WORDS = word_class("person_leader_words")
_WHO = patterns.compile(r"\s{1,4}(?i:who|whose)\b")
_QUALITY = patterns.compile(rf"[a-z]{{1,30}}-(?:{alternation(WORDS['quality_suffixes'])})$")
_WORDS_BEFORE = patterns.compile(r"([\w-]{1,40})[ \t]{1,4}$")

_GOAL_VERBS = word_class("goal_verbs")
_WORD_AT = patterns.compile(r"[\w'\u2019-]{1,40}")
_NAMED_WITH = patterns.compile(
    r"(?<![\w])(?i:with)[ \t]{1,4}(?:[A-Z][\w.&'\u2019-]{0,30}[ \t]{1,4}){1,4}$"
)
_WORDS_BEFORE_AIM = Lazy(r"((?:[\w'’-]{1,40}[ \t]{1,4}){1,4})$")


def aim(masked: str, start: int, end: int) -> bool:
    """Whether a peacock word without "the" is the aim of a verb of work within four
    words before it: "maintain world-class reliability", "making pgvector world-class".
    A phrase that compares with others ("products competitors cannot match", "builds
    faster than any other": comparison_words) ranks whatever verb comes before it."""
    words = WORD.findall(masked[start:end].casefold())
    if "the" in words or not _COMPARISON.isdisjoint(words):
        return False  # "builds the world's largest ...", "defines the state of the art"
    before = _WORDS_BEFORE_AIM.search(masked, max(0, start - 120), start)
    if before is None:
        return False
    verbs = [
        w
        for w in _WORD_AT.finditer(masked, before.start(), start)
        if w[0].casefold() in _GOAL_VERBS
    ]
    # "With VCF achieving market dominance": a named subject's state, not an aim
    return any(
        _NAMED_WITH.search(masked, max(0, verb.start() - 80), verb.start()) is None
        for verb in verbs
    )


# Words of intent before a ranking make it the company's goal: "toward becoming the
# definitive platform", "its ambition to be the leading bank" (aspiration_leads).
_ASPIRATION = Lazy(
    rf"(?i:\b(?:{alternation(WORDS['aspiration_leads'])})(?:[ \t]{{1,4}}[\w'\u2019-]{{1,30}}){{0,2}}"
    r"[ \t]{1,4})$"
)


def aspiration(masked: str, start: int) -> bool:
    """Whether a superlative is where the company aims to be, not where it is."""
    return _ASPIRATION.search(masked, max(0, start - 80), start) is not None


# "the leader of the remote-monitoring group": a unit of the company, not a word of a
# market's name ("the leader of the legal practice management market").
_UNIT_OF = Lazy(
    rf"[ \t]{{1,4}}(?i:of)[ \t]{{1,4}}(?i:{alternation(WORDS['possessive_pronouns'])}|the)"
    r"(?:[ \t]{1,4}[\w-]{1,30}){0,3}?"
    rf"[ \t]{{1,4}}(?i:{alternation(WORDS['leader_units'])})(?![\w-])"
    rf"(?!(?:[ \t]{{1,4}}[\w-]{{1,30}}){{0,3}}?[ \t]{{1,4}}(?i:{alternation(DATA['leader_units']['markets'])})\b)"
)
_UNIT_OWNER = Lazy(rf"(?i:\b(?:{alternation(WORDS['leader_units'])})['\u2019]s[ \t]{{1,4}}$)")
_PERSON_VERB = Lazy(rf"[ \t]{{1,4}}(?i:{alternation(DATA['leader_units']['person_verbs'])})\b")
_PERSON_LEAD = Lazy(
    rf"(?i:\b(?:{alternation(DATA['leader_units']['person_leads'])}))"
    r"(?:[ \t]{1,4}[\w'\u2019-]{1,30}){0,3}[ \t]{1,4}$"
)


def person_leader(masked: str, start: int, end: int) -> bool:
    """Whether "leader" names a job ("an outcome-focused leader", "a leader who
    ships", "the leader of the data group", "the data group's leader", "reporting to
    the platform leader") rather than a ranking ("the market leader")."""
    word = masked[start:end].casefold()
    if word not in _LEADERS:
        return False
    if _WHO.match(masked, end) is not None or _UNIT_OF.match(masked, end) is not None:
        return True
    if _PERSON_VERB.match(masked, end) is not None:
        return True  # "the hub leader reports to the CTO"
    if _PERSON_LEAD.search(masked, max(0, start - 80), start) is not None:
        return True
    if _UNIT_OWNER.search(masked, max(0, start - 40), start) is not None:
        return True  # "the data platform group's leader"
    before = _WORDS_BEFORE.search(masked, max(0, start - 40), start)
    if before is None:
        return False
    previous = before.group(1).casefold()
    return previous in _PERSON_WORDS or _QUALITY.match(previous) is not None


_OWN_ITEMS = word_class("own_items")
# Compared word by word: "highest-value" is the words "highest value".
_OWN_ITEM_RANKS = tuple(
    longest_first(rank.replace("-", " ") for rank in word_class("own_item_superlatives"))
)
_FIELD_SCOPE = Lazy(
    r"(?i:[ \t,]{1,4}(?:in|of|among|across)[ \t]{1,4}(?:the|all|any|its|global|their)\b"
    f"|{_WORLD})"
)


# A pick ranked against the company's past is a record, not a pick among its items:
# "the most complex launch in Acme's history", "its largest deal in company history".
_HISTORY = Lazy(
    r"[ \t,]{1,4}(?i:in)[ \t]{1,4}(?:(?i:the)[ \t]{1,4})?"
    rf"(?:(?i:{_GENERIC_OWNERS})(?:{_POSSESSIVE})?|{_PRONOUN_OWNERS}|{_NAME}{_POSSESSIVE})"
    r"[ \t]{1,4}(?i:history)\b"
)
_JOINERS = frozenset(("and", "or"))  # "the largest and most complex seller accounts"
# The ranked noun is before them: a bracket, a semicolon, a colon or a dash.
_PHRASE_ENDS = patterns.compile(r"[();:\u2014\u2013]|\s-\s")


_ONE_OF = patterns.compile(
    rf"(?i:\b(?:{alternation(WORDS['one_of_leads'])})[ \t]{{1,4}}(?:of[ \t]{{1,4}})?)$"
)


def own_selection(masked: str, start: int, stop: int) -> bool:
    """Whether a superlative picks the company's own items by size ("Square's largest
    seller accounts") rather than ranking it ("the largest deals in the industry")."""
    words = [w.casefold() for w in WORD.findall(masked[start:stop].replace("\u2019", "'"))]
    padded = f" {' '.join(words)} "
    if not any(f" {rank} " in padded for rank in _OWN_ITEM_RANKS):
        return False
    if not _SCOPES.isdisjoint(words):
        return False  # "the world's largest merchants" ranks against everyone
    if _ONE_OF.search(masked, max(0, start - 12), start):
        return False  # "one of the most complex systems" places one thing among all
    end = stop if not _OWN_ITEMS.isdisjoint(words) else -1
    last = stop
    for count, word in enumerate(WORD.finditer(masked, stop, stop + 80)):
        lowered = word.group(0).casefold()
        if end >= 0 or count == 5 or (lowered in _FUNCTION_WORDS and lowered not in _JOINERS):
            break  # the ranked noun comes before "of" ("the largest repositories of ...")
        if _PHRASE_ENDS.search(masked, last, word.start()):
            break  # "Ads (the largest revenue engine), Maps Infrastructure": another phrase
        if lowered in _OWN_ITEMS:
            end = word.end()
        last = word.end()
    return (
        end >= 0
        and _FIELD_SCOPE.search(masked, end, end + 60) is None
        and _HISTORY.search(masked, end, end + 60) is None
    )


# A superlative with no noun after it, opening a clause ("; the weakest is", ", the
# worst:") leaves its noun to the one before it in its sentence: "The strongest lever
# you have is a competing offer; the weakest is a general claim" ranks levers twice.
_ELLIPTIC = Lazy(rf"(?:[ \t]{{0,4}}[,;:)]|[ \t]{{1,4}}(?i:{alternation(WORDS['copulas'])})\b)")
_CLAUSE_OPENING = patterns.compile(r"(?:[,;:\u2014\u2013]|\b(?i:and|but|while))[ \t]{0,4}$")


def elliptic(masked: str, start: int, end: int) -> bool:
    """Whether a superlative has no noun after it and opens a clause."""
    return (
        _ELLIPTIC.match(masked, end) is not None
        and _CLAUSE_OPENING.search(masked, max(0, start - 12), start) is not None
    )
