"""The language server: the editor's requests in, check's findings and the features out.

Every handler is guarded: a half-typed line is bad input on every keystroke, and an
error in a handler is logged to the editor while the server keeps running. Nothing is
ever written to a file; edits go to the editor, which applies them to its buffer.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NamedTuple, TypeVar
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from prestatie_cli import __version__
from prestatie_cli.load.yaml import LoadError, read_text
from prestatie_cli.lsp import actions, completion, hover, navigation
from prestatie_cli.lsp import words as _words  # noqa: F401 - the sentences, registered
from prestatie_cli.lsp.diagnostics import Checker, diagnostics
from prestatie_cli.lsp.documents import Run, Workspace
from prestatie_cli.lsp.scope import Scope, scope_of
from prestatie_cli.lsp.text import cursor, difference, lines_of
from prestatie_cli.messages import LANGUAGES, Language, current_language, text

# How long to wait after a change for the next one before judging: typing a word
# judges once, and a change is judged well within 100 ms.
DEBOUNCE = 0.03
_KIND = re.compile(
    r"^kind:[ \t]*['\"]?(agreements|monitor|config)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE
)

Result = TypeVar("Result")


class PrestatieServer(LanguageServer):
    """prestatie's language server, one per editor session."""

    def __init__(self) -> None:
        super().__init__("prestatie", __version__)
        self.files = Workspace()
        self.checker = Checker(self.files)
        self.debounce = DEBOUNCE
        self.dirty: dict[Path, set[str]] = {}
        self.waiting: dict[Path, asyncio.Task[None]] = {}
        self.published: set[Path] = set()

    # The editor's text of a file, else the file's.
    def text_of(self, path: Path) -> str:
        buffered = self.files.buffers.get(path)
        if buffered is not None:
            return buffered
        try:
            return read_text(path, str(path))
        except LoadError:
            return ""

    def log(self, message: str, level: types.MessageType = types.MessageType.Log) -> None:
        self.window_log_message(types.LogMessageParams(type=level, message=message))

    def lang_of(self, run: Run) -> Language:
        return self.checker.options(run).lang

    def publish(self, run: Run, names: list[str]) -> None:
        """Judge ``names`` and publish their diagnostics."""
        judged = self.checker.judge(run, names)
        for name, result in judged.items():
            path = run.path_of(name)
            shown = diagnostics(result, self.text_of(path))
            self.published.add(path)
            uri = path.as_uri()
            # The version of the buffer judged, so that an editor can drop a publication
            # that a later change has already overtaken (None for a file not open).
            document = self.workspace.text_documents.get(uri)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=uri,
                    diagnostics=shown,
                    version=document.version if document is not None else None,
                )
            )

    def changed(self, path: Path, *, now: bool = False) -> None:
        """Judge again what a change of ``path`` may change: its set and monitors, those of
        the set it named before, and everything when it is prestatie.yaml."""
        run = self.files.run_of(path)
        name = run.name_of(path)
        before = run.what(name, self.files.buffers) if name in run.names else ("other", "")
        names = set(self.checker.group(run, name))
        if before[1]:
            facts = run.facts(self.files.buffers)
            names.update(facts.set_paths.get(before[1], ()))
            names.update(facts.monitor_paths.get(before[1], ()))
        if path.name == "prestatie.yaml":
            names.update(run.name_of(open_path) for open_path in self._open_in(run))
        self.dirty.setdefault(run.root, set()).update(names)
        if now:
            self._flush(run)
        elif run.root not in self.waiting or self.waiting[run.root].done():
            self.waiting[run.root] = asyncio.ensure_future(self._later(run))

    def _open_in(self, run: Run) -> list[Path]:
        return [path for path in self.files.buffers if self.files.root_of(path) == run.root]

    async def _later(self, run: Run) -> None:
        await asyncio.sleep(self.debounce)
        guarded("judge", self, lambda: self._flush(run))

    def _flush(self, run: Run) -> None:
        names = self.dirty.pop(run.root, set())
        # Groups as they are now: a set's id may have changed since the change came in.
        for name in list(names):
            if name in run.names:
                names.update(self.checker.group(run, name))
        self.publish(run, [name for name in run.names if name in names])

    def place(self, uri: str) -> tuple[Path, Run, str, str, Scope] | None:
        """A document's file, run, name, kind of file and scope; None for a file not ours."""
        path = path_of(uri)
        if path is None:
            return None
        run = self.files.run_of(path)
        name = run.name_of(path)
        found = _KIND.search(self.text_of(path))
        kind = found.group(1) if found else ""
        return path, run, name, kind, scope_of(self.checker, run, name)

    def at(self, uri: str, position: types.Position) -> At | None:
        """Where a request points: its document's place, lines and cursor; None for a file
        not ours."""
        found = self.place(uri)
        if found is None:
            return None
        path, run, name, kind, scope = found
        lines = lines_of(self.text_of(path))
        line, index = cursor(lines, position)
        return At(run, name, kind, scope, lines, line, index)


class At(NamedTuple):
    """A request's document (its run, name, kind of file and scope) and cursor."""

    run: Run
    name: str
    kind: str
    scope: Scope
    lines: list[str]
    line: int
    character: int


def path_of(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


def guarded(method: str, server: PrestatieServer, work: Callable[[], Result]) -> Result | None:
    """``work()``, or None with the error logged to the editor: the server keeps running."""
    try:
        return work()
    except Exception as error:  # every keystroke is bad input: never let one end the server
        lang: Language = server.checker.lang or "nl"
        said = text(
            "lsp.error", lang, {"method": method, "error": f"{type(error).__name__}: {error}"}
        )
        server.log(f"{said}\n{traceback.format_exc()}", types.MessageType.Error)
        return None


def _options(params: types.InitializeParams, server: PrestatieServer) -> None:
    """The editor's options: asOf (a fixed reference date), lang, debounce (seconds)."""
    options = params.initialization_options
    if isinstance(options, dict):
        as_of = options.get("asOf")
        if isinstance(as_of, str):
            server.checker.as_of = date.fromisoformat(as_of)
        lang = options.get("lang")
        if lang in LANGUAGES:
            server.checker.lang = lang
        debounce = options.get("debounce")
        if isinstance(debounce, int | float) and 0 <= debounce <= 5:
            server.debounce = float(debounce)
    folders = [folder.uri for folder in params.workspace_folders or []]
    if not folders and params.root_uri:
        folders = [params.root_uri]
    server.files.folders = [path for path in map(path_of, folders) if path is not None]


def make_server(lang: Language | None = None) -> PrestatieServer:
    """The server with every feature; ``lang`` is the language asked for (--lang,
    PRESTATIE_LANG), else prestatie.yaml's."""
    server = PrestatieServer()
    server.checker.lang = lang

    @server.feature(types.INITIALIZE)
    def initialize(ls: PrestatieServer, params: types.InitializeParams) -> None:
        guarded("initialize", ls, lambda: _options(params, ls))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PrestatieServer, params: types.DidOpenTextDocumentParams) -> None:
        def work() -> None:
            path = path_of(params.text_document.uri)
            if path is not None:
                ls.files.buffers[path] = params.text_document.text
                ls.files.run_of(path).rediscover(ls.files.buffers)
                ls.changed(path, now=True)

        guarded("didOpen", ls, work)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PrestatieServer, params: types.DidChangeTextDocumentParams) -> None:
        def work() -> None:
            path = path_of(params.text_document.uri)
            if path is not None:
                document = ls.workspace.get_text_document(params.text_document.uri)
                ls.files.buffers[path] = document.source
                ls.changed(path)

        guarded("didChange", ls, work)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PrestatieServer, params: types.DidSaveTextDocumentParams) -> None:
        def work() -> None:
            path = path_of(params.text_document.uri)
            if path is not None:
                ls.files.run_of(path).rediscover(ls.files.buffers)

        guarded("didSave", ls, work)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PrestatieServer, params: types.DidCloseTextDocumentParams) -> None:
        def work() -> None:
            path = path_of(params.text_document.uri)
            if path is not None and ls.files.buffers.pop(path, None) is not None:
                ls.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
                )
                run = ls.files.run_of(path)
                run.rediscover(ls.files.buffers)
                name = run.name_of(path)
                others = [other for other in ls.checker.group(run, name) if other != name]
                opened = {run.name_of(item) for item in ls._open_in(run)}
                ls.publish(run, [other for other in others if other in opened])

        guarded("didClose", ls, work)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: PrestatieServer, params: types.DidChangeWatchedFilesParams) -> None:
        def work() -> None:
            for run in ls.files.runs.values():
                run.rediscover(ls.files.buffers)
                opened = {run.name_of(item) for item in ls._open_in(run)}
                names = {other for name in opened for other in ls.checker.group(run, name)}
                ls.publish(run, [name for name in run.names if name in names])

        guarded("didChangeWatchedFiles", ls, work)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=[":", " ", "[", ","]),
    )
    def complete(ls: PrestatieServer, params: types.CompletionParams) -> types.CompletionList:
        def work() -> types.CompletionList:
            at = ls.at(params.text_document.uri, params.position)
            if at is None:
                return types.CompletionList(is_incomplete=False, items=[])
            items = completion.complete(
                at.lines, at.line, at.character, at.kind, at.scope, ls.lang_of(at.run)
            )
            return types.CompletionList(is_incomplete=False, items=items)

        return guarded("completion", ls, work) or types.CompletionList(
            is_incomplete=False, items=[]
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: PrestatieServer, params: types.HoverParams) -> types.Hover | None:
        def work() -> types.Hover | None:
            at = ls.at(params.text_document.uri, params.position)
            if at is None:
                return None
            return hover.hover(
                at.lines, at.line, at.character, at.kind, at.scope, ls.lang_of(at.run)
            )

        return guarded("hover", ls, work)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: PrestatieServer, params: types.DefinitionParams) -> list[types.Location]:
        def work() -> list[types.Location]:
            at = ls.at(params.text_document.uri, params.position)
            if at is None:
                return []
            return navigation.definition(at.scope, at.name, at.lines, at.line, at.character)

        return guarded("definition", ls, work) or []

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: PrestatieServer, params: types.ReferenceParams) -> list[types.Location]:
        def work() -> list[types.Location]:
            at = ls.at(params.text_document.uri, params.position)
            if at is None:
                return []
            declaration = params.context.include_declaration
            return navigation.references(
                at.scope, at.name, at.lines, at.line, at.character, declaration
            )

        return guarded("references", ls, work) or []

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: PrestatieServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        def work() -> list[types.CodeAction]:
            uri = params.text_document.uri
            found = ls.place(uri)
            if found is None:
                return []
            path, run, name, kind, _ = found
            lang = ls.lang_of(run)
            lines = lines_of(ls.text_of(path))
            line, _ = cursor(lines, params.range.start)
            listed = list(params.context.diagnostics)
            state = run.state(name, ls.files.buffers, lang)
            as_of = ls.checker.options(run).as_of
            offered = [
                *actions.spellings(uri, lines, line, kind, lang),
                *actions.suggestions(uri, listed, lang),
                *actions.waivers(uri, state.parsed.document, listed, as_of, lang),
            ]
            # One action per edit: a Dutch date is both a finding's suggestion and a spelling.
            unique: dict[str, types.CodeAction] = {}
            for action in offered:
                unique.setdefault(repr(action.edit), action)
            return list(unique.values())

        return guarded("codeAction", ls, work) or []

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(
        ls: PrestatieServer, params: types.DocumentFormattingParams
    ) -> list[types.TextEdit]:
        def work() -> list[types.TextEdit]:
            path = path_of(params.text_document.uri)
            if path is None:
                return []
            return _format(ls, path)

        return guarded("formatting", ls, work) or []

    return server


def _format(server: PrestatieServer, path: Path) -> list[types.TextEdit]:
    """The edit that lays the file out as ``prestatie`` lays it out; none when it cannot
    do so safely (then the editor shows why)."""
    from prestatie_cli.editing.layout import format_text
    from prestatie_cli.errors import PrestatieError

    source = server.text_of(path)
    run = server.files.run_of(path)
    if not run.reads(path):
        return []  # a file check does not read (.gitlab-ci.yml, .github/…): not ours
    lang = server.lang_of(run)
    try:
        formatted: str = format_text(source, name=run.name_of(path))
    except PrestatieError as error:
        if error.key == "fmt.refused.kind":
            return []  # another tool's YAML: formatting on save says nothing
        reason = error.render(lang)
        server.window_show_message(
            types.ShowMessageParams(
                type=types.MessageType.Warning,
                message=text("lsp.format.refused", lang, {"reason": reason}),
            )
        )
        return []
    if formatted == source:
        return []
    return [difference(source, formatted)]


def serve(lang: Language | None = None) -> None:
    """Serve one editor over stdin and stdout until it says exit, its input ends, or Ctrl-C."""
    signal.signal(signal.SIGINT, _interrupted)
    make_server(lang).start_io()


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C: end at once. pygls reads stdin in a worker thread that an interrupt does not
    wake, and would wait for the editor's next line. The server writes no files (an edit
    goes back to the editor, which saves it), so nothing is left half-done."""
    sys.stderr.write(text("cli.error.aborted", current_language()) + "\n")
    sys.stderr.flush()
    os._exit(130)


__all__ = ["make_server", "serve"]
