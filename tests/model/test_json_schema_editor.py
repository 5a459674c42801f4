"""The schemas in a real editor's language server: yaml-language-server, over LSP stdio.

The server is the one VS Code's YAML extension runs, installed by the test run into
``.ci/node`` from the npm registry; without Node and npm these tests are skipped.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from typing import IO, Any

import pytest

from prestatie_cli.model.json_schema import schema_for
from tests.conftest import REPO, YAML_LANGUAGE_SERVER, yaml_language_server

INSTALLED = yaml_language_server()
SERVER = YAML_LANGUAGE_SERVER

pytestmark = pytest.mark.skipif(
    INSTALLED is None or shutil.which("node") is None,
    reason="yaml-language-server could not be installed: these tests need Node and npm",
)

SET = """\
kind: agreements
version: 1
id: voorbeeld-2026-2029
title: Prestatieafspraken Voorbeeld 2026-2029
period: {start: 2026-01-01, end: 2029-12-31}
parties:
  - {id: gemeente, name: Gemeente Voorbeeld, role: gemeente}
agreements:
  - id: BS-01
    title: Nieuwe sociale huurwoningen
    theme: beschikbaarheid
    kind: result
    owner: gemeente
"""


class Client:
    """A small LSP client: Content-Length framed JSON-RPC over the server's stdio."""

    def __init__(self, command: list[str], settings: dict[str, Any]) -> None:
        # The settings of each section, as the server asks for them (workspace/configuration).
        self.settings = settings
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        assert self.process.stdout is not None
        self.reader = threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True)
        self.reader.start()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = 0
            while line := stream.readline().strip():
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if not length:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        asked = self.next_id
        self._send({"id": asked, "method": method, "params": params})
        while True:
            message = self.messages.get(timeout=30)
            if "method" in message and "id" in message:
                # A request of the server's: its settings, or an empty answer (registration).
                answer = None
                if message["method"] == "workspace/configuration":
                    items = message["params"]["items"]
                    answer = [self.settings.get(item.get("section")) for item in items]
                self._send({"id": message["id"], "result": answer})
            elif message.get("id") == asked:
                assert "error" not in message, message
                return message["result"]

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except (queue.Empty, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=10)
            self.reader.join(timeout=10)
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Client, str]]:
    """The server with the project's schema associated as VS Code's settings do it
    (``yaml.schemas``), and a set open in it."""
    folder = tmp_path_factory.mktemp("editor")
    path = folder / "afspraken" / "voorbeeld.yaml"
    path.parent.mkdir()
    path.write_text(SET, encoding="utf-8")
    schema = (REPO / "schemas" / "agreements.schema.json").as_uri()
    settings = {
        "schemas": {schema: ["afspraken/*.yaml"]},
        "hover": True,
        "completion": True,
        # Nothing from the network: only the project's schema.
        "schemaStore": {"enable": False},
    }
    client = Client([str(SERVER), "--stdio"], {"yaml": settings})
    client.request(
        "initialize",
        {
            "processId": None,
            "rootUri": folder.as_uri(),
            "capabilities": {
                "workspace": {"configuration": True},
                "textDocument": {
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "completion": {
                        "completionItem": {
                            "snippetSupport": True,
                            "documentationFormat": ["markdown", "plaintext"],
                        }
                    },
                },
            },
        },
    )
    client.notify("initialized", {})
    client.notify("workspace/didChangeConfiguration", {"settings": {}})
    uri = path.as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": SET}},
    )
    # The server reads its settings and the schema after the document is open: wait until
    # it knows the schema (a hover on a key says something).
    for _ in range(100):
        hover = client.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": _position(SET, "id")}
        )
        if hover is not None:
            break
        time.sleep(0.1)
    try:
        yield client, uri
    finally:
        client.close()


def _position(text: str, needle: str, offset: int = 0) -> dict[str, int]:
    """The LSP position of ``needle``'s first occurrence in ``text``, plus ``offset``."""
    before = text[: text.index(needle) + offset]
    return {"line": before.count("\n"), "character": len(before.rsplit("\n", 1)[-1])}


def _agreement_property(name: str) -> dict[str, Any]:
    prop = schema_for("agreements")["$defs"]["Agreement"]["properties"][name]
    assert isinstance(prop, dict)
    return prop


def test_hover_on_theme_is_dutch(document: tuple[Client, str]) -> None:
    client, uri = document
    hover = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": _position(SET, "theme:", 2)},
    )
    shown = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    # The model's title, then the property's text exactly as the schema writes it.
    assert shown.startswith("#### Afspraak\n\n")
    assert _agreement_property("theme")["markdownDescription"] in shown
    assert "Het thema (hoofdstuk) van de afspraak, als kort woord met streepjes" in shown


def test_theme_values_are_completed(document: tuple[Client, str]) -> None:
    client, uri = document
    completion = client.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": _position(SET, "beschikbaarheid")},
    )
    labels = [item["label"] for item in completion["items"]]
    for theme in ("beschikbaarheid", "betaalbaarheid", "wonen-en-zorg", "leefbaarheid"):
        assert theme in labels


def test_kind_values_are_completed_with_their_meaning(document: tuple[Client, str]) -> None:
    client, uri = document
    completion = client.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": _position(SET, "kind: result", 6)},
    )
    items = {item["label"]: item for item in completion["items"]}
    assert {"result", "effort", "process", "request", "context"} <= set(items)
    documentation = items["effort"]["documentation"]
    assert documentation["value"] == (
        "inspanningsafspraak: de partij spant zich in, zonder gegarandeerd resultaat"
    )


def test_a_new_agreement_from_its_snippet(document: tuple[Client, str]) -> None:
    client, uri = document
    text = SET + "  - \n"
    new = uri.replace("voorbeeld.yaml", "nieuw.yaml")
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": new, "languageId": "yaml", "version": 1, "text": text}},
    )
    completion = client.request(
        "textDocument/completion",
        {"textDocument": {"uri": new}, "position": _position(text, "  - \n", 4)},
    )
    client.notify("textDocument/didClose", {"textDocument": {"uri": new}})
    items = {item["label"]: item for item in completion["items"]}
    snippet = items["nieuwe resultaatafspraak"]
    assert snippet["documentation"] == (
        "Een afspraak met trekker, meetbaar doel met nulmeting en termijn."
    )
    assert snippet["insertText"].startswith(
        "id: ${1:BS-01}\n  title: ${2:Nieuwe sociale huurwoningen}\n"
    )
    assert "\n  deadline: ${10:2029-12-31}\n" in snippet["insertText"]
    # A field left out means no value: completing it writes no 'null'.
    assert items["scope"]["insertText"] == "scope: "
