"""``guidelint lsp`` end to end: a real server process spoken to over its pipes."""

from __future__ import annotations

import io
import json
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, REPO, guidelint_exe

pytest.importorskip("pygls")

TIMEOUT = 20.0
GUIDE = (FIXTURES / "fix" / "body-dates.md").read_text(encoding="utf-8")
# An emoji (two UTF-16 code units, one character) before the date on its line.
EMOJI_GUIDE = GUIDE.replace("**Last updated:** 2025", "\U0001f4c5 **Last updated:** 2025")
DATE_LINE = 46  # 0-based line of "**Last updated:** ..."


class Client:
    """A minimal LSP client: Content-Length framing and JSON-RPC over pipes."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [guidelint_exe(), "lsp"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.next_id = 0
        self.stderr = io.BytesIO()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    self.messages.put(None)
                    return
                header = header.strip()
                if not header:
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None, "a message without Content-Length"
            self.messages.put(json.loads(stream.read(length)))

    def _drain_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.write(line)

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def _next(self, deadline: float) -> dict[str, Any]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no answer in time; server stderr: {self.stderr.getvalue()!r}")
        try:
            message = self.messages.get(timeout=remaining)
        except queue.Empty:
            raise AssertionError(
                f"no answer in time; server stderr: {self.stderr.getvalue()!r}"
            ) from None
        if message is None:
            raise AssertionError(f"server closed its output: {self.stderr.getvalue()!r}")
        return message

    def request(self, method: str, params: dict[str, Any] | None) -> Any:
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._next(deadline)
            if message.get("id") == ident and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            self._keep(message)

    def _keep(self, message: dict[str, Any]) -> None:
        if "id" in message and "method" in message:  # a request from the server
            self.send({"id": message["id"], "result": None})
        else:
            self.notifications.append(message)

    def wait_for(self, method: str, test: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first notification (already seen or coming) that passes ``test``."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            for index, note in enumerate(self.notifications):
                if note.get("method") == method and test(note["params"]):
                    return self.notifications.pop(index)["params"]
            self._keep(self._next(deadline))

    def wait_for_error(self) -> dict[str, Any]:
        """The next error response that answers no request (``id`` null)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._next(deadline)
            if "error" in message and message.get("id") is None:
                return message
            self._keep(message)

    def close(self) -> int:
        try:
            if self.process.poll() is None:
                self.request("shutdown", None)
                self.notify("exit", {})
            return self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Callable[..., tuple[Client, dict[str, Any]]]]:
    clients: list[Client] = []

    def launch(encodings: list[str] | None = None) -> tuple[Client, dict[str, Any]]:
        client = Client(tmp_path)
        clients.append(client)
        general = {"positionEncodings": encodings} if encodings else {}
        result = client.request(
            "initialize",
            {
                "processId": None,
                "rootUri": tmp_path.as_uri(),
                "capabilities": {
                    "general": general,
                    "textDocument": {
                        "publishDiagnostics": {},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "codeAction": {
                            "codeActionLiteralSupport": {
                                "codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}
                            }
                        },
                    },
                },
            },
        )
        client.notify("initialized", {})
        return client, result

    yield launch
    for client in clients:
        if client.process.poll() is None:
            client.process.kill()
            client.process.wait()


def utf16_apply(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP text edits (UTF-16 positions) to ``text``, last edit first."""
    lines = text.split("\n")

    def offset(position: dict[str, int]) -> int:
        line = lines[position["line"]]
        units = line.encode("utf-16-le")[: 2 * position["character"]]
        before = sum(len(x) + 1 for x in lines[: position["line"]])
        return before + len(units.decode("utf-16-le"))

    spans = sorted(
        ((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def codes(params: dict[str, Any]) -> list[str]:
    return [d["code"] for d in params["diagnostics"]]


def test_diagnostics_code_actions_and_hover(start: Any, tmp_path: Path) -> None:
    client, init = start(["utf-16"])
    capabilities = init["capabilities"]
    assert capabilities["positionEncoding"] == "utf-16"
    assert capabilities["hoverProvider"]
    assert "quickfix" in capabilities["codeActionProvider"]["codeActionKinds"]

    uri = (tmp_path / "guide.md").as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": EMOJI_GUIDE}},
    )
    published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    assert codes(published) == ["GL407", "GL407"]
    first = published["diagnostics"][0]
    # Character 18 (0-based) in Python is 19 in UTF-16: the emoji takes two units.
    assert first["range"] == {
        "start": {"line": DATE_LINE, "character": 21},
        "end": {"line": DATE_LINE, "character": 31},
    }
    assert first["severity"] == 2
    assert first["source"] == "guidelint"
    assert published["diagnostics"][1]["range"]["start"] == {"line": DATE_LINE + 2, "character": 39}

    hover = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": DATE_LINE, "character": 25}},
    )
    assert hover["contents"]["kind"] == "markdown"
    assert "# GL407 body-date-mismatch" in hover["contents"]["value"]
    assert "## How to fix" in hover["contents"]["value"]
    nothing = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 0}},
    )
    assert nothing is None

    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": first["range"],
            "context": {"diagnostics": [first], "only": ["quickfix"]},
        },
    )
    assert [a["kind"] for a in actions] == ["quickfix"]
    assert actions[0]["title"] == "write `2026-10-01` (the frontmatter's last_updated)"
    assert actions[0]["diagnostics"][0]["code"] == "GL407"
    edits = actions[0]["edit"]["changes"][uri]
    assert edits == [{"range": first["range"], "newText": "2026-10-01"}]

    text = utf16_apply(EMOJI_GUIDE, edits)
    assert "\U0001f4c5 **Last updated:** 2026-10-01" in text
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]},
    )
    after = client.wait_for(
        "textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p.get("version") == 2
    )
    assert codes(after) == ["GL407"]

    whole = {"start": {"line": 0, "character": 0}, "end": {"line": 60, "character": 0}}
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": []}},
    )
    fix_all = [a for a in actions if a["kind"] == "source.fixAll.guidelint"]
    assert len(fix_all) == 1
    text = utf16_apply(text, fix_all[0]["edit"]["changes"][uri])
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]},
    )
    cleared = client.wait_for(
        "textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p.get("version") == 3
    )
    assert cleared["diagnostics"] == []
    assert text == EMOJI_GUIDE.replace("2025-03-03", "2026-10-01").replace(
        "March 3, 2025", "October 1, 2026"
    )
    assert client.close() == 0


def test_utf32_positions_when_the_client_prefers_them(start: Any, tmp_path: Path) -> None:
    client, init = start(["utf-32", "utf-16"])
    assert init["capabilities"]["positionEncoding"] == "utf-32"
    uri = (tmp_path / "guide.md").as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": EMOJI_GUIDE}},
    )
    published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    assert published["diagnostics"][0]["range"]["start"] == {"line": DATE_LINE, "character": 20}
    assert client.close() == 0


def test_bad_input_never_kills_the_server(start: Any, tmp_path: Path) -> None:
    client, _ = start()
    uri = (tmp_path / "typing.md").as_uri()
    half_typed = GUIDE.replace("role: ml-ai-engineer", "role: [ml-ai-engineer")
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": half_typed}},
    )
    published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    assert codes(published) == ["GL003"]
    assert published["diagnostics"][0]["range"]["start"]["line"] >= 3

    for version, text in enumerate(["", "---\n", "\x00\ufffd---\n: :\n", "---\n- a\n---\n"], 2):
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )
    last = client.wait_for(
        "textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p.get("version") == 5
    )
    assert codes(last) == ["GL004"]

    untitled = "untitled:Untitled-1"
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": untitled, "languageId": "markdown", "version": 1, "text": "hi"}},
    )
    unnamed = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == untitled)
    assert codes(unnamed) == ["GL002"]
    # Still answering requests, including ones about positions far outside the buffer.
    assert client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 999, "character": 999}},
    ) is None  # fmt: skip
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 500, "character": 0}, "end": {"line": 900, "character": 4}},
            "context": {"diagnostics": []},
        },
    )
    assert actions is None
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    closed = client.wait_for(
        "textDocument/publishDiagnostics", lambda p: p["uri"] == uri and not p["diagnostics"]
    )
    assert closed["diagnostics"] == []
    assert client.close() == 0


def test_configuration_is_discovered_from_the_document(start: Any, tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "guidelint.toml").write_text('ignore = ["GL407"]\n', encoding="utf-8")
    client, _ = start()
    quiet, loud = (folder / "guide.md").as_uri(), (tmp_path / "guide.md").as_uri()
    for uri in (quiet, loud):
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": GUIDE}},
        )
    assert (
        codes(client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == quiet)) == []
    )
    assert codes(
        client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == loud)
    ) == ["GL407", "GL407"]
    # An edited configuration applies at the next lint, here on save.
    (folder / "guidelint.toml").write_text('select = ["GL407"]\n', encoding="utf-8")
    os.utime(folder / "guidelint.toml", (time.time() + 10, time.time() + 10))
    client.notify("textDocument/didSave", {"textDocument": {"uri": quiet}})
    saved = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == quiet)
    assert codes(saved) == ["GL407", "GL407"]
    assert client.close() == 0


def test_changes_are_debounced(start: Any, tmp_path: Path) -> None:
    client, _ = start()
    uri = (tmp_path / "guide.md").as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": GUIDE}},
    )
    client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    for version in range(2, 12):  # ten keystrokes in quick succession
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": GUIDE}]},
        )
    client.wait_for(
        "textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p.get("version") == 11
    )
    client.request("shutdown", None)  # flushes anything still queued before it
    versions = [
        n["params"].get("version")
        for n in client.notifications
        if n.get("method") == "textDocument/publishDiagnostics"
    ]
    assert versions == []  # nothing was published for versions 2 to 10
    client.notify("exit", {})
    assert client.process.wait(timeout=TIMEOUT) == 0


def test_missing_pygls_explains_how_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    import importlib.util

    from guidelint.commands import lsp

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pygls" else real(name, *a)
    )
    assert lsp.run(None) == 2  # type: ignore[arg-type]
    assert "install it with: python -m pip install pygls" in capsys.readouterr().err


def test_deleting_extra_rows_is_offered_but_never_preferred(start: Any, tmp_path: Path) -> None:
    client, _ = start()
    uri = (tmp_path / "guide.md").as_uri()
    text = (FIXTURES / "fix" / "extra-row.md").read_text(encoding="utf-8")
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )
    published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    extra = [d for d in published["diagnostics"] if d["code"] == "GL303"]
    assert [d["range"]["start"] for d in extra] == [{"line": 55, "character": 2}]
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": extra[0]["range"],
            "context": {"diagnostics": extra, "only": ["quickfix"]},
        },
    )
    # The safe rewrite keeps the row, so the row's finding offers only its deletion.
    assert [a["isPreferred"] for a in actions] == [False]
    dropped = utf16_apply(text, actions[0]["edit"]["changes"][uri])
    assert "| Berlin |" not in dropped
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": dropped}]},
    )
    after = client.wait_for(
        "textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p.get("version") == 2
    )
    # The rows are rewritten from the frontmatter, whose bonus has no high end: San
    # Francisco's total still counts the 15% the table showed (GL205).
    assert codes(after) == ["GL205", "GL407"]
    assert client.close() == 0


def test_other_languages_are_left_alone(start: Any, tmp_path: Path) -> None:
    client, _ = start()
    toml, guide = (tmp_path / "guidelint.toml").as_uri(), (tmp_path / "guide.md").as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": toml, "languageId": "toml", "version": 1, "text": "x = 1\n"}},
    )
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": guide, "languageId": "markdown", "version": 1, "text": GUIDE}},
    )
    client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == guide)
    client.request("shutdown", None)
    assert not [n for n in client.notifications if n.get("params", {}).get("uri") == toml]
    client.notify("exit", {})
    assert client.process.wait(timeout=TIMEOUT) == 0


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"Content-Length: 4\r\n\r\n\xff\xfe{}", -32700),
        (b"Content-Length: 2\r\n\r\n[]", -32600),
        (b"Content-Length: 17\r\n\r\n" + b'[{"jsonrpc":"2"}]', -32600),
        (b"Content-Length: -5\r\n\r\n", -32700),
        (b"Content-Length: x\r\n\r\n", -32700),
        (b"Content-Length: 99999999999\r\n\r\n", -32600),
        (b"Content-Length: 5\r\n\r\nnull!", -32700),
    ],
    ids=["not-utf8", "empty-batch", "batch", "negative", "not-a-number", "huge", "not-json"],
)
def test_malformed_messages_get_an_error_and_the_server_answers_on(
    start: Any, tmp_path: Path, raw: bytes, code: int
) -> None:
    client, _ = start()
    assert client.process.stdin is not None
    client.process.stdin.write(raw)
    client.process.stdin.flush()
    if b"99999999999" in raw:  # the server skips that many bytes; send them, then go on
        client.process.stdin.close()
        assert client.process.wait(timeout=TIMEOUT) is not None
        return
    error = client.wait_for_error()
    assert error["id"] is None and error["error"]["code"] == code
    uri = (tmp_path / "a.md").as_uri()
    answer = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": -3, "character": -7}},
    )
    assert answer is None
    assert client.close() == 0


def test_negative_positions_and_huge_documents_are_answered(start: Any, tmp_path: Path) -> None:
    client, _ = start()
    uri = (tmp_path / "huge.md").as_uri()
    text = GUIDE + "x" * (3 * 1024 * 1024)
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )
    published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    assert codes(published) == ["GL001"]
    hover = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": -1, "character": -1}},
    )
    assert "unreadable-file" in hover["contents"]["value"]
    assert client.close() == 0


def test_excluded_files_get_no_diagnostics(start: Any, tmp_path: Path) -> None:
    (tmp_path / "guidelint.toml").write_text('exclude = ["README.md", "docs"]\n', encoding="utf-8")
    client, _ = start()
    for name, expected in (
        ("README.md", []),
        ("docs/CONTRIBUTING.md", []),
        ("guides/guide.md", ["GL407", "GL407"]),
    ):
        uri = (tmp_path / name).as_uri()
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": GUIDE}},
        )
        published = client.wait_for(
            "textDocument/publishDiagnostics", lambda p, uri=uri: p["uri"] == uri
        )
        assert codes(published) == expected, name
    assert client.close() == 0


TABLE_GUIDE = (REPO / "examples" / "broken" / "table-mismatch.md").read_text(encoding="utf-8")
LONDON = 41  # 0-based line of the London row


def test_rule_links_ranges_in_a_row_and_quick_fix_titles(start: Any, tmp_path: Path) -> None:
    (tmp_path / "guidelint.toml").write_text(
        'docs-url = "https://docs.example.org/guidelint/rules.html"\n', encoding="utf-8"
    )
    client, _ = start()
    uri = (tmp_path / "guide.md").as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": TABLE_GUIDE}},
    )
    published = client.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    found = published["diagnostics"]
    assert [(d["code"], d["codeDescription"]["href"]) for d in found] == [
        (code, f"https://docs.example.org/guidelint/rules.html#{code.lower()}-{name}")
        for code, name in (
            ("GL302", "table-region-missing"),
            ("GL303", "table-region-extra"),
            ("GL306", "table-unbacked-figure"),
            ("GL305", "table-value-mismatch"),
        )
    ]
    row = [d["range"] for d in found if d["range"]["start"]["line"] == LONDON]
    line = TABLE_GUIDE.splitlines()[LONDON]
    # Each finding covers its figure's cell, not the rest of the line: `15%` and `£315K`.
    assert [line[r["start"]["character"] : r["end"]["character"]].strip() for r in row] == [
        "15%",
        "£315K",
    ]
    assert row[0]["end"]["character"] <= row[1]["start"]["character"]

    # Without London's bonus_pct, each figure of its `5–15%` cell can be written into the
    # frontmatter: two fixes alike, told apart by their titles; ranges stay apart.
    at = TABLE_GUIDE.index("    bonus_pct: 5\n", TABLE_GUIDE.index("- region: London"))
    text = TABLE_GUIDE[:at] + TABLE_GUIDE[at + len("    bonus_pct: 5\n") :]
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]},
    )
    published = client.wait_for(
        "textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p.get("version") == 2
    )
    row = [
        d["range"] for d in published["diagnostics"] if d["range"]["start"]["line"] == LONDON - 1
    ]
    line = text.splitlines()[LONDON - 1]
    assert [line[r["start"]["character"] : r["end"]["character"]] for r in row] == [
        "5",
        "15%",
        "£315K",
    ]
    # The preferred fix is the first for the finding at the start of the range.
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {
                "start": {"line": LONDON - 1, "character": 39},
                "end": {"line": LONDON - 1, "character": len(line)},
            },
            "context": {"diagnostics": [], "only": ["quickfix"]},
        },
    )
    assert [(a["title"], a.get("isPreferred", False)) for a in actions] == [
        (
            "write the figure the table shows into the frontmatter:"
            " bonus low is 5% in the table but bonus_pct is not set",
            True,
        ),
        (
            "write the figure the table shows into the frontmatter:"
            " bonus high is 15% in the table but bonus_pct_high is not set",
            False,
        ),
        ("rewrite the table rows from the frontmatter", False),
    ]
    assert client.close() == 0
