"""A Language Server Protocol server: guidelint's findings, fixes and docs in editors.

Built on pygls, which speaks the protocol, keeps the open buffers in sync and
negotiates the position encoding; this module only turns buffers into
diagnostics (with the command line's configuration discovery), fixes into
code actions and rule documentation into hovers.  Import it only when pygls
is installed (the ``lsp`` extra).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace.position_codec import ServerTextPosition

from guidelint import __version__, config
from guidelint.commands.rules import explain
from guidelint.config import ConfigError, Settings
from guidelint.diagnostics import Diagnostic, Fix, Severity, problem
from guidelint.doclinks import docs_base, rule_url
from guidelint.document import Guide, parse_guide
from guidelint.ends import ends_of
from guidelint.fixes import apply_fixes, collect, fix_bytes, unsafe_fixes
from guidelint.linter import Linter

SOURCE = "guidelint"
DEBOUNCE_SECONDS = 0.3
FIX_ALL = types.CodeActionKind.SourceFixAll + ".guidelint"

log = logging.getLogger(__name__)

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class Linted:
    """The last lint of one buffer: what hovers and code actions read."""

    __slots__ = ("diagnostics", "ends", "guide", "version")

    def __init__(self, version: int | None, guide: Guide, diagnostics: list[Diagnostic]) -> None:
        self.version = version
        self.guide = guide
        self.diagnostics = diagnostics
        self.ends = ends_of(diagnostics, guide)  # each has one once linted; GL001 may not


class GuideServer(LanguageServer):
    """Lints open guides; one :class:`Linter` per configuration file, rebuilt daily."""

    def __init__(self) -> None:
        super().__init__(SOURCE, __version__)
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.linters: dict[tuple[str, float, dt.date], Linter] = {}
        self.reported_errors: set[str] = set()
        self.docs_bases: dict[str, str] = {}  # docs-url setting to the page links point into

    # -- configuration -----------------------------------------------------

    def path_of(self, uri: str) -> str:
        """The file system path of a document, or a name under the workspace root."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return path
        root = self.workspace.root_path if self.protocol.workspace else None
        return str(Path(root or Path.cwd()) / (uri.rsplit("/", 1)[-1] or "untitled.md"))

    def linter_for(self, path: str) -> Linter:
        """The same settings the command line would use for ``path``."""
        try:
            source = config.discover(Path(path))
            stamp = source.stat().st_mtime if source else 0.0
        except OSError:
            source, stamp = None, 0.0
        key = (str(source), stamp, dt.date.today())
        linter = self.linters.get(key)
        if linter is None:
            try:
                settings = config.load(source)
            except ConfigError as exc:
                self.tell_once(f"guidelint: {exc}; using the default settings")
                settings = Settings()
            linter = Linter(settings, dt.date.today())
            self.linters = {key: linter} | {k: v for k, v in self.linters.items() if k[0] != key[0]}
        return linter

    def docs_for(self, path: str) -> str:
        """The rules page that diagnostics of ``path`` link into."""
        configured = self.linter_for(path).settings.docs_url
        if configured not in self.docs_bases:
            self.docs_bases[configured] = docs_base(configured)
        return self.docs_bases[configured]

    def tell_once(self, message: str) -> None:
        if message in self.reported_errors:
            return
        self.reported_errors.add(message)
        self.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Warning, message=message)
        )

    # -- linting -----------------------------------------------------------

    def lint(self, uri: str) -> Linted | None:
        """Lint the buffer as it is now; never raises."""
        try:
            document = self.workspace.get_text_document(uri)
            if not is_guide(uri, document.language_id):
                return None
            path = self.path_of(uri)
            linter = self.linter_for(path)
            raw = document.source.encode("utf-8", "surrogatepass")
            limit = linter.settings.max_file_size
            if linter.settings.exclusions().excludes(path):  # as `check --force-exclude`
                linted = Linted(document.version, Guide(path=path, readable=False), [])
            elif len(raw) > limit:  # a run past the limit would keep the server from answering
                guide = Guide(path=path, readable=False)
                message = f"document is {len(raw):,} bytes, above the {limit:,}-byte limit"
                found = [problem("GL001", 1, 1, f"{message} (max-file-size); not linted")]
                linted = Linted(document.version, guide, linter.finish(guide, found, path))
            else:
                guide = parse_guide(raw, path)
                linted = Linted(document.version, guide, linter.lint_guide(guide))
        except Exception as exc:  # a server that dies loses every open buffer
            log.exception("linting %s failed", uri)
            self.tell_once(f"guidelint: could not lint {uri}: {type(exc).__name__}: {exc}")
            return None
        self.linted[uri] = linted
        return linted

    def publish(self, uri: str) -> None:
        linted = self.lint(uri)
        if linted is None:
            return
        codec = self.workspace.position_codec
        docs = self.docs_for(linted.guide.path)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=linted.version,
                diagnostics=[to_lsp(d, linted, codec, docs, uri) for d in linted.diagnostics],
            )
        )

    def schedule(self, uri: str) -> None:
        """Lint after a pause in typing, not on every keystroke."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()

        async def later() -> None:
            await asyncio.sleep(DEBOUNCE_SECONDS)
            self.pending.pop(uri, None)
            self.publish(uri)

        self.pending[uri] = asyncio.ensure_future(later())

    def forget(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.linted.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )


def is_guide(uri: str, language_id: str | None) -> bool:
    """Markdown buffers only: a client may send every file it has open."""
    return language_id in (None, "", "markdown") or uri.lower().endswith(".md")


# -- positions -------------------------------------------------------------


def _position(lines: list[str], codec: object, line: int, column: int) -> types.Position:
    """A 1-based line and character column as an LSP position in the client's units."""
    if not lines:
        return types.Position(line=0, character=0)
    index = min(max(line - 1, 0), len(lines) - 1)
    if line - 1 >= len(lines):  # past the last line: its end
        column = len(lines[index]) + 1
    character = min(max(column - 1, 0), len(lines[index]))
    return codec.position_to_client_units(  # type: ignore[attr-defined]
        lines, ServerTextPosition(index, character)
    )


def to_range(
    lines: list[str], codec: object, line: int, column: int, end_line: int, end_column: int
) -> types.Range:
    start = _position(lines, codec, line, column)
    return types.Range(start=start, end=_position(lines, codec, end_line, end_column))


def to_lsp(
    d: Diagnostic, linted: Linted, codec: object, docs: str, uri: str = ""
) -> types.Diagnostic:
    """``docs``: the rules page that ``codeDescription`` links into (doclinks);
    ``uri``: the document, where the findings folded into ``d`` are."""
    end_line, end_column = linted.ends[d]
    return types.Diagnostic(
        range=to_range(linted.guide.lines, codec, d.line, d.column, end_line, end_column),
        severity=_SEVERITY[d.severity],
        code=d.code,
        code_description=(
            types.CodeDescription(href=rule_url(docs, d.code, d.name)) if docs and d.name else None
        ),
        source=SOURCE,
        message=f"{d.message} [{d.name}]" if d.name else d.message,
        data={"fix": d.fix.as_dict()} if d.fix else None,
        related_information=_related(d, linted.guide.lines, codec, uri),
    )


def _line_end(lines: list[str], line: int) -> tuple[int, int]:
    return line, len(lines[line - 1]) + 1 if 0 < line <= len(lines) else 1


def _related(
    d: Diagnostic, lines: list[str], codec: object, uri: str
) -> list[types.DiagnosticRelatedInformation] | None:
    """The findings folded into ``d``, each where it is, in the same document."""
    if not d.related or not uri:
        return None
    return [
        types.DiagnosticRelatedInformation(
            location=types.Location(
                uri=uri, range=to_range(lines, codec, r.line, r.column, *_line_end(lines, r.line))
            ),
            message=f"{r.code} {r.message}",
        )
        for r in d.related
    ]


def _from_client(lines: list[str], codec: object, position: types.Position) -> tuple[int, int]:
    """A client position as a 1-based (line, column) in characters."""
    if not lines:
        return 1, 1
    # A client may send any integers: a negative or past-the-end position is clamped.
    line = min(max(position.line, 0), len(lines) - 1)
    clamped = types.Position(line=line, character=max(position.character, 0))
    server = codec.position_from_client_units(lines, clamped)  # type: ignore[attr-defined]
    return server.line + 1, min(server.character, len(lines[line])) + 1


def _overlaps(d: Diagnostic, linted: Linted, start: tuple[int, int], end: tuple[int, int]) -> bool:
    """Whether a finding's range (as shown in the editor) meets ``start``..``end``."""
    return (d.line, d.column) <= end and start <= linted.ends[d]


def _edit(fix: Fix, lines: list[str], codec: object, newline: str) -> types.TextEdit:
    text = fix.text.replace("\r\n", "\n")
    if newline != "\n":
        text = text.replace("\n", newline)
    return types.TextEdit(
        range=to_range(lines, codec, fix.line, fix.column, fix.end_line, fix.end_column),
        new_text=text,
    )


# -- the server --------------------------------------------------------------


def build_server() -> GuideServer:
    server = GuideServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: GuideServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: GuideServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: GuideServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.rsplit("/", 1)[-1] in config.CONFIG_FILES:
            # A saved configuration changes every open guide's findings.
            ls.linters.clear()
            ls.reported_errors.clear()
            for other in list(ls.linted):
                ls.publish(other)
            return
        ls.publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GuideServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=False
        ),
    )
    def code_action(
        ls: GuideServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        return code_actions(ls, params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: GuideServer, params: types.HoverParams) -> types.Hover | None:
        return hover_for(ls, params)

    return server


def code_actions(ls: GuideServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    """Quick fixes for the findings in the requested range, and a fix-all action."""
    uri = params.text_document.uri
    linted = ls.lint(uri)  # fresh, so edits match the buffer the client holds
    if linted is None:
        return None
    guide, codec = linted.guide, ls.workspace.position_codec
    lines = guide.lines
    start = _from_client(lines, codec, params.range.start)
    end = _from_client(lines, codec, params.range.end)
    wanted = params.context.only
    actions: list[types.CodeAction] = []
    fixable = [d for d in linted.diagnostics if d.fix is not None]
    if not wanted or any(
        k == types.CodeActionKind.QuickFix or types.CodeActionKind.QuickFix.startswith(k)
        for k in wanted
    ):
        docs = ls.docs_for(guide.path)
        fixes = collect(d for d in fixable if _overlaps(d, linted, start, end))
        covering = [[d for d in fixable if d.fix == fix] for fix in fixes]
        titles = _titles(fixes, covering)
        # One preferred fix: the first for a finding under the cursor (or the first).
        preferred = next(
            (
                i
                for i, found in enumerate(covering)
                if any(_overlaps(d, linted, start, start) for d in found)
            ),
            0,
        )
        for index, (fix, covered) in enumerate(zip(fixes, covering, strict=True)):
            actions.append(
                types.CodeAction(
                    title=titles[index],
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[to_lsp(d, linted, codec, docs) for d in covered],
                    is_preferred=index == preferred,
                    edit=types.WorkspaceEdit(
                        changes={uri: [_edit(fix, lines, codec, guide.newline)]}
                    ),
                )
            )
        extra_rows = [
            d for d in linted.diagnostics if d.code == "GL303" and _overlaps(d, linted, start, end)
        ]
        if extra_rows:
            action = drop_rows(ls, uri, linted, extra_rows)
            if action is not None:
                actions.append(action)
    if fixable and (
        not wanted or any(FIX_ALL.startswith(k) or k.startswith(FIX_ALL) for k in wanted)
    ):
        action = fix_all(ls, uri, linted)
        if action is not None:
            actions.append(action)
    return actions or None


def _titles(fixes: list[Fix], covering: list[list[Diagnostic]]) -> list[str]:
    """A title per fix, told apart: fixes that describe themselves alike (one
    per cell of a row) add the finding each one answers."""
    plain = [
        fix.description or f"Fix {', '.join(d.code for d in found)}"
        for fix, found in zip(fixes, covering, strict=True)
    ]
    titles = [
        f"{title}: {found[0].message}" if plain.count(title) > 1 else title
        for title, found in zip(plain, covering, strict=True)
    ]
    seen: dict[str, int] = {}
    for index, title in enumerate(titles):
        seen[title] = seen.get(title, 0) + 1
        if seen[title] > 1:
            titles[index] = f"{title} ({seen[title]})"
    return titles


def drop_rows(
    ls: GuideServer, uri: str, linted: Linted, found: list[Diagnostic]
) -> types.CodeAction | None:
    """The unsafe table fix (``--unsafe-fixes``): never preferred, chosen by a person."""
    fixes = unsafe_fixes(linted.guide, ls.linter_for(linted.guide.path))
    if not fixes or not apply_fixes(linted.guide.text, fixes).changed:
        return None
    codec, lines = ls.workspace.position_codec, linted.guide.lines
    return types.CodeAction(
        title="Rewrite the table and delete rows that no frontmatter item backs",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[to_lsp(d, linted, codec, ls.docs_for(linted.guide.path)) for d in found],
        is_preferred=False,
        edit=types.WorkspaceEdit(
            changes={uri: [_edit(fixes[0], lines, codec, linted.guide.newline)]}
        ),
    )


def fix_all(ls: GuideServer, uri: str, linted: Linted) -> types.CodeAction | None:
    """One edit that applies every safe fix, as ``guidelint check --fix`` would."""
    document = ls.workspace.get_text_document(uri)
    raw = document.source.encode("utf-8", "surrogatepass")
    outcome = fix_bytes(raw, linted.guide.path, ls.linter_for(linted.guide.path))
    if not outcome.changed:
        return None
    source = document.source
    lines = source.split("\n")
    codec = ls.workspace.position_codec
    end = codec.position_to_client_units(lines, ServerTextPosition(len(lines) - 1, len(lines[-1])))
    return types.CodeAction(
        title="Fix all auto-fixable guidelint problems",
        kind=FIX_ALL,
        edit=types.WorkspaceEdit(
            changes={
                uri: [
                    types.TextEdit(
                        range=types.Range(start=types.Position(line=0, character=0), end=end),
                        new_text=outcome.fixed.decode("utf-8", "surrogatepass"),
                    )
                ]
            }
        ),
    )


def hover_for(ls: GuideServer, params: types.HoverParams) -> types.Hover | None:
    """The documentation of every rule whose finding lies under the cursor."""
    linted = ls.linted.get(params.text_document.uri)
    if linted is None:
        return None
    lines = linted.guide.lines
    line, column = _from_client(lines, ls.workspace.position_codec, params.position)
    rules = linted_rules(ls, linted, line, column)
    if not rules:
        return None
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(rules)
        )
    )


def linted_rules(ls: GuideServer, linted: Linted, line: int, column: int) -> list[str]:
    registry = ls.linter_for(linted.guide.path).registry
    seen: list[str] = []
    docs: list[str] = []
    for d in linted.diagnostics:
        if d.code in seen or d.code not in registry.rules:
            continue
        if _overlaps(d, linted, (line, column), (line, column)):
            seen.append(d.code)
            docs.append(f"**{d.message}**\n\n" + explain(registry.rules[d.code]))
    return docs


def serve() -> None:
    """Run the server on stdin and stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="guidelint lsp: %(levelname)s %(message)s")
    start_io(build_server())


def start_io(server: GuideServer) -> None:
    """pygls's standard-streams loop, reading through :class:`guidelint.lspio.Frames`."""
    import sys
    import threading

    from pygls.io_ import StdoutWriter, run_async

    from guidelint.lspio import Frames

    server._stop_event = threading.Event()
    stdout = sys.stdout.buffer
    server.protocol.set_writer(StdoutWriter(stdout))
    frames = Frames(sys.stdin.buffer, stdout, server.thread_pool)
    try:
        asyncio.run(
            run_async(
                stop_event=server._stop_event,
                reader=frames,
                protocol=server.protocol,
                logger=log,
                error_handler=server.report_server_error,
            )
        )
    except BrokenPipeError:
        log.error("the client closed the connection; stopping")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()
