"""A real editor's side of ``prestatie lsp``: the server started as a subprocess over stdio,
driven through pytest-lsp's client, with helpers that wait for diagnostics."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from tests.conftest import REPO

EXAMPLES = REPO / "examples"


def _publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.versions[params.uri] = params.version  # type: ignore[attr-defined]
    client.published[params.uri] = client.published.get(params.uri, 0) + 1  # type: ignore[attr-defined]


def _client() -> LanguageClient:
    """pytest-lsp's test client that also counts the publications per document."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = {}  # type: ignore[attr-defined]
    client.versions = {}  # type: ignore[attr-defined]
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _publish
    register_lsp_features(client, features)
    return client


def server(**environment: str) -> ClientServerConfig:
    """``prestatie lsp`` as the editor starts it, with ``environment`` added."""
    return ClientServerConfig(
        server_command=[sys.executable, "-m", "prestatie_cli", "lsp"],
        client_factory=_client,
        server_env={**os.environ, **environment},
    )


def repository(root: Path, files: Iterable[tuple[Path, str]]) -> Path:
    """A repository at ``root`` (with a .git folder, as check finds its root) holding
    copies of ``files``, each at its name relative to the root."""
    (root / ".git").mkdir(parents=True)
    for source, name in files:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return root


async def start(client: LanguageClient, roots: list[Path], **options: Any) -> None:
    """Initialize the session with workspace folders and initialization options."""
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            workspace_folders=[
                types.WorkspaceFolder(uri=root.as_uri(), name=root.name) for root in roots
            ],
            initialization_options=options,
        )
    )


async def published(
    client: LanguageClient, uri: str, after: int, version: int | None = None
) -> list[types.Diagnostic]:
    """The diagnostics of ``uri`` once a publication after the ``after``-th has arrived
    (of the buffer's ``version``, when given: an earlier one may still be on its way)."""
    for _ in range(400):
        if client.published.get(uri, 0) > after and (  # type: ignore[attr-defined]
            version is None or client.versions.get(uri) == version  # type: ignore[attr-defined]
        ):
            return list(client.diagnostics[uri])
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri}")


def count(client: LanguageClient, uri: str) -> int:
    return int(client.published.get(uri, 0))  # type: ignore[attr-defined]


async def open_file(
    client: LanguageClient, path: Path, text: str | None = None
) -> list[types.Diagnostic]:
    """Open ``path`` (with ``text`` in place of the file's) and wait for its diagnostics."""
    uri = path.as_uri()
    before = count(client, uri)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri,
                language_id="yaml",
                version=1,
                text=path.read_text(encoding="utf-8") if text is None else text,
            )
        )
    )
    return await published(client, uri, before, 1)


async def change(
    client: LanguageClient, path: Path, text: str, version: int
) -> list[types.Diagnostic]:
    """Replace the buffer's whole text and wait for the diagnostics of that text."""
    uri = path.as_uri()
    before = count(client, uri)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await published(client, uri, before, version)


def close(client: LanguageClient, path: Path) -> None:
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri())
        )
    )


def shown(diagnostics: Iterable[types.Diagnostic]) -> list[tuple[str, int, int, int, int, int]]:
    """Each diagnostic as (code, start line, start character, end line, end character,
    severity): what an editor underlines."""
    return [
        (
            str(item.code),
            item.range.start.line,
            item.range.start.character,
            item.range.end.line,
            item.range.end.character,
            int(item.severity or 0),
        )
        for item in diagnostics
    ]
