"""Names and messages made safe to print on one report line.

A file name is chosen by whoever wrote the pull request: it can hold a
newline (which would start a forged report line), other control characters,
or bytes that are not UTF-8 (which Python carries as lone surrogates, and no
UTF-8 report can hold).  Every reporter shows names and messages through
:func:`path` and :func:`text`, which write each such character as an escape:

* an undecodable byte ``0xFF`` of a file name as ``\\xff``;
* a control character (C0, DEL, C1) as ``\\xNN``, e.g. a newline as ``\\x0a``;
* a line or paragraph separator, or any other lone surrogate, as ``\\uXXXX``;
* in a file name, a backslash as ``\\\\``, so that an escape is never ambiguous.

Everything else, tabs and printable Unicode included, is shown as it is.
"""

from __future__ import annotations

import re

from guidelint.scan import Lazy

_UNSAFE = Lazy("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_UNSAFE_IN_PATH = Lazy("[\\\\\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    point = ord(char)
    if char == "\\":
        return "\\\\"
    if 0xDC80 <= point <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{point - 0xDC00:02x}"
    if point <= 0xFF:
        return f"\\x{point:02x}"
    return f"\\u{point:04x}"


def path(name: str) -> str:
    """A file name as reports show it: one line, valid UTF-8, unambiguous."""
    if name.isprintable() and "\\" not in name:  # most names: nothing to escape
        return name
    return _UNSAFE_IN_PATH.sub(_escaped, name)


def text(message: str) -> str:
    """A message as reports show it: one line, valid UTF-8."""
    if message.isprintable():  # no control character, separator or surrogate
        return message
    return _UNSAFE.sub(_escaped, message)
