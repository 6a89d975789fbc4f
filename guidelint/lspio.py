"""The language server's input, framed and checked before pygls sees it.

pygls reads ``Content-Length`` frames and hands each body to ``json.loads``;
a client (or anything writing to the server's pipe) can send a body that is
not UTF-8, a JSON-RPC batch array, a missing, malformed, negative or huge
``Content-Length``.  :class:`Frames` reads the stream itself, answers such a
message with a JSON-RPC error (``id`` null) and passes on only single JSON
objects, re-framed, so the server keeps answering whatever came before.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import Executor
from typing import BinaryIO

MAX_MESSAGE_BYTES = 16 * 1024 * 1024  # a larger message is skipped and answered with an error
MAX_HEADER_BYTES = 8192  # one header line
PARSE_ERROR = -32700
INVALID_REQUEST = -32600
_LENGTH = b"content-length:"


class Frames:
    """The ``readline``/``readexactly`` pygls's reading loop calls, over checked frames."""

    def __init__(self, stdin: BinaryIO, stdout: BinaryIO, executor: Executor | None) -> None:
        self.stdin, self.stdout, self.executor = stdin, stdout, executor
        self.pending: list[bytes] = []
        self.body = b""

    async def readline(self) -> bytes:
        if not self.pending:
            loop = asyncio.get_running_loop()
            while True:
                body, error = await loop.run_in_executor(self.executor, self._read_message)
                if error:
                    self._answer(error)  # written from the loop's thread, as pygls writes
                    continue
                break
            if body is None:
                return b""
            self.body = body
            self.pending = [b"Content-Length: %d\r\n" % len(body), b"\r\n"]
        return self.pending.pop(0)

    async def readexactly(self, n: int) -> bytes:
        body, self.body = self.body, b""
        return body[:n]

    def _answer(self, error: tuple[int, str]) -> None:
        code, message = error
        body = json.dumps(
            {"jsonrpc": "2.0", "id": None, "error": {"code": code, "message": message}}
        ).encode()
        self.stdout.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.stdout.flush()

    def _read_message(self) -> tuple[bytes | None, tuple[int, str] | None]:
        """One checked body; (None, None) at the end of input, or an error to answer."""
        length = self._read_headers()
        if length is None:
            return None, None
        if isinstance(length, str):
            return b"", (PARSE_ERROR, length)
        if length > MAX_MESSAGE_BYTES:
            self._skip(length)
            return b"", (INVALID_REQUEST, f"message of {length:,} bytes is above the limit")
        body = self.stdin.read(length)
        if len(body) < length:
            return None, None
        return check(body)

    def _read_headers(self) -> int | str | None:
        """The message's Content-Length, a reason it has none, or None at the end."""
        length: int | str = "a message without a valid Content-Length header"
        seen = False
        while True:
            line = self.stdin.readline(MAX_HEADER_BYTES)
            if not line:
                return None
            if not line.strip():
                if seen:
                    return length
                continue  # blank lines between messages
            start = line.lower().find(_LENGTH)
            if start < 0:
                seen = True  # another header (Content-Type) or stray bytes
                continue
            seen = True
            value = line[start + len(_LENGTH) :].strip()
            length = int(value) if value.isdigit() and len(value) <= 12 else f"bad {line!r}"

    def _skip(self, length: int) -> None:
        while length > 0:
            chunk = self.stdin.read(min(length, 1 << 16))
            if not chunk:
                return
            length -= len(chunk)


def check(body: bytes) -> tuple[bytes, tuple[int, str] | None]:
    """The body to hand to pygls, or why it cannot be: it must be one JSON object.

    A negative ``line`` or ``character`` (which pygls would refuse without an
    answer) becomes 0, so the request is answered for the buffer's start.
    """
    try:
        message = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return body, (PARSE_ERROR, f"message is not UTF-8 (byte offset {exc.start})")
    except (ValueError, RecursionError):
        return body, (PARSE_ERROR, "message is not valid JSON")
    if isinstance(message, list):
        return body, (INVALID_REQUEST, "batch messages are not supported by the protocol")
    if not isinstance(message, dict):
        return body, (INVALID_REQUEST, "a message must be a JSON object")
    if _clamp_positions(message.get("params")):
        body = json.dumps(message).encode()
    return body, None


def _clamp_positions(params: object) -> bool:
    """Set negative positions to 0 in place; whether any was."""
    changed = False
    pending = [params]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in ("line", "character") and type(value) is int and value < 0:
                    item[key] = 0
                    changed = True
                elif isinstance(value, (dict, list)):
                    pending.append(value)
        elif isinstance(item, list):
            pending.extend(item)
    return changed
