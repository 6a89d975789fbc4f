"""How a heading or a bold label reads as a section's name, for every rule that
looks sections up by name (the sources list, the required sections).

``**5. Evidence and Sources:**``, ``## 📚 Evidence & Sources`` and
``### V. Evidence & sources`` all read ``evidence & sources``.
"""

from __future__ import annotations

from guidelint import patterns

# Emphasis, code and strike marks, and :shortcode: emoji.
_MARKS = patterns.compile(r"[*_#`~]|:[a-z0-9_+-]{1,40}:")
# Emoji, bullets and other symbols before the first word.
_LEADING_SYMBOLS = patterns.compile(r"^[^\w(]+")
# "5.", "2.1", "3)", "IV." before the words ("5.Sources" too, but not "3rd").
_NUMBERING = patterns.compile(r"^(?:\d+(?:\.\d+)*(?:[.)]\s*|\s+)|[IVX]+\.\s*)")
_AND = patterns.compile(r"\band\b")


def heading_key(text: str) -> str:
    """``**2. Evidence and Sources:**`` -> ``evidence & sources``."""
    text = _MARKS.sub(" ", text).strip()
    text = _LEADING_SYMBOLS.sub("", text)
    text = _NUMBERING.sub("", text)
    text = " ".join(text.casefold().split())
    return _AND.sub("&", text.rstrip(":").strip())
