"""Quotations in prose: in these guides, text in quotation marks is a script for
the reader to say, not a statement of the author's."""

from __future__ import annotations

from guidelint import patterns

_OPENERS_BEFORE = frozenset(" \t\n([{—–-/:;")
_TERMINAL = frozenset(".!?")
_OPENING_MARK = patterns.compile("[\"\u201c\u2018']")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The inside of "…", “…”, ‘…’ and '…' quotations (a closing full stop is kept).

    Linear: once no closing mark of a kind is left, openers of that kind are
    no longer searched for.
    """
    size = len(text)
    exhausted: set[str] = set()
    spans: list[tuple[int, int]] = []
    i = 0
    while (opening := _OPENING_MARK.search(text, i)) is not None:
        i = opening.start()
        ch = text[i]
        close = -1
        if ch in exhausted:
            pass
        elif ch == '"':
            if i == 0 or text[i - 1] in _OPENERS_BEFORE:
                close = text.find('"', i + 1)
                if close < 0:
                    exhausted.add(ch)
        elif ch == "\u201c":
            close = text.find("\u201d", i + 1)
            if close < 0:
                exhausted.add(ch)
        elif ch == "'":
            # 'a script in straight quotes': opens after a space or an opener, before a
            # word; closes after a word, before no letter ("don't", "Acme's" go on).
            if (i == 0 or text[i - 1] in _OPENERS_BEFORE) and text[i + 1 : i + 2].isalnum():
                close = text.find("'", i + 1)
                while 0 <= close < size - 1 and (
                    text[close + 1].isalnum() or text[close - 1].isspace()
                ):
                    close = text.find("'", close + 1)
                if close < 0:
                    exhausted.add(ch)
        elif i == 0 or not text[i - 1].isalnum():
            close = text.find("\u2019", i + 1)
            while 0 <= close < size - 1 and text[close + 1].isalpha():
                close = text.find("\u2019", close + 1)
            if close < 0:
                exhausted.add(ch)
        if close < 0:
            i += 1
            continue
        terminal = close - 1 > i and text[close - 1] in _TERMINAL
        spans.append((i + 1, close - 1 if terminal else close))
        i = close + 1
    return spans
