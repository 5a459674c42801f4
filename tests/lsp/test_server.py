"""prestatie lsp as an editor drives it: one server for the module, on a copy of the
examples, typing into the Bodegraven-Reeuwijk set and its monitor."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from prestatie_cli.editing.layout import format_text
from prestatie_cli.lsp.text import difference
from prestatie_cli.messages import text
from prestatie_cli.model.json_schema import schema_for
from prestatie_cli.rules import REGISTRY
from tests.lsp.client import (
    EXAMPLES,
    change,
    close,
    count,
    open_file,
    repository,
    server,
    shown,
    start,
)

SET = "afspraken/bodegraven-reeuwijk-2016-2019.yaml"
MONITOR = "monitor/bodegraven-reeuwijk-2016-2019.yaml"
ORIGINAL = (EXAMPLES / SET).read_text(encoding="utf-8")
OWNER = "    owner: corp-mozaiek\n    contributors: [corp-wbvr]"
WORDING = """      De corporaties wijzen jaarlijks ten minste 95 procent van de vrijkomende sociale
      huurwoningen aan huishoudens met recht op huurtoeslag toe met een huur onder de
      voor hen geldende aftoppingsgrens."""
BETAALBAARHEID = "agreements:\n  # --- Betaalbaarheid ---\n"


class Editor:
    """The client, the repository and a version counter for the set's buffer."""

    def __init__(self, client: LanguageClient, root: Path) -> None:
        self.client = client
        self.root = root
        self.version = 1

    @property
    def set(self) -> Path:
        return self.root / SET

    @property
    def monitor(self) -> Path:
        return self.root / MONITOR

    async def type(self, old: str, new: str) -> list[types.Diagnostic]:
        """The set's text with ``old`` (once) replaced by ``new``, and its diagnostics."""
        assert ORIGINAL.count(old) >= 1
        self.version += 1
        return await change(self.client, self.set, ORIGINAL.replace(old, new, 1), self.version)

    async def monitor_shows(
        self, expected: list[tuple[str, int, int, int, int, int]]
    ) -> list[tuple[str, int, int, int, int, int]]:
        """What the monitor shows once it shows ``expected`` (or after 4 s). The monitor is
        judged again with its set and published after it, and a publication of an earlier
        change (its opening, say) may still be on its way: wait for the content itself."""
        uri = self.monitor.as_uri()
        for _ in range(400):
            found = shown(self.client.diagnostics.get(uri, []))
            if found == expected:
                break
            await asyncio.sleep(0.01)
        return found

    def document(self, path: Path) -> types.TextDocumentIdentifier:
        return types.TextDocumentIdentifier(uri=path.as_uri())


@pytest_lsp.fixture(config=server(PRESTATIE_LANG=""), scope="module")
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await lsp_client.shutdown_session()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def editor(client: LanguageClient, tmp_path_factory: pytest.TempPathFactory) -> Editor:
    files = [(path, f"afspraken/{path.name}") for path in (EXAMPLES / "afspraken").glob("*.yaml")]
    files += [(path, f"monitor/{path.name}") for path in (EXAMPLES / "monitor").glob("*.yaml")]
    root = repository(tmp_path_factory.mktemp("lsp") / "repo", files)
    await start(client, [root], asOf="2026-11-21", debounce=0.01)
    opened = Editor(client, root)
    assert await open_file(client, opened.set) == []
    assert await open_file(client, opened.monitor) == []
    return opened


@pytest_asyncio.fixture(loop_scope="module")
async def fresh(editor: Editor) -> AsyncIterator[Editor]:
    """The editor with the set's buffer as on disk again after the test."""
    yield editor
    assert await editor.type(ORIGINAL, ORIGINAL) == []
    assert await editor.monitor_shows([]) == []


def _range(line: int, start: int, end: int) -> types.Range:
    return types.Range(types.Position(line, start), types.Position(line, end))


def _at(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_typo_in_a_key_and_its_fix(fresh: Editor) -> None:
    diagnostics = await fresh.type(OWNER, OWNER.replace("owner:", "ownr:"))
    assert shown(diagnostics) == [("V001", 44, 4, 44, 8, 1)]
    assert diagnostics[0].message == (
        "Onbekend veld 'ownr'.\nBedoelt u 'owner'? Toegestane velden hier: id, title, text, "
        "theme, kind, owner, contributors, addressed_to, answer, parent, scope, per_event, "
        "conditions, target, effective_from, deadline, ongoing, beyond_term, frequency, "
        "milestones, amendments, waivers."
    )
    # The monitor is judged again with its set: check says the same of it.
    assert await fresh.monitor_shows([("P607", 3, 5, 3, 34, 2)]) == [("P607", 3, 5, 3, 34, 2)]
    actions = await fresh.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=fresh.document(fresh.set),
            range=diagnostics[0].range,
            context=types.CodeActionContext(diagnostics=diagnostics),
        )
    )
    assert [(action.title, action.edit) for action in actions or []] == [
        (
            "Vervang door 'owner'",
            types.WorkspaceEdit(
                changes={fresh.set.as_uri(): (types.TextEdit(_range(44, 4, 8), "owner"),)}
            ),
        )
    ]


@pytest.mark.asyncio(loop_scope="module")
async def test_an_unknown_owner(fresh: Editor) -> None:
    diagnostics = await fresh.type(OWNER, OWNER.replace("corp-mozaiek", "corp-mozaik"))
    assert shown(diagnostics) == [("A302", 44, 11, 44, 22, 1)]
    assert diagnostics[0].message == (
        "De trekker 'corp-mozaik' van BT-01 is geen partij in deze set.\nBedoelt u "
        "'corp-mozaiek'? Gebruik de id van een partij uit 'parties': gemeente, corp-mozaiek, "
        "corp-wbvr, hv-bodegraven, hv-reeuwijk."
    )
    assert diagnostics[0].data == {
        "suggestion": "corp-mozaiek",
        "pointer": ["agreements", 0, "owner"],
    }


@pytest.mark.asyncio(loop_scope="module")
async def test_a_vague_phrase_and_a_waiver_for_it(fresh: Editor) -> None:
    vague = "      We streven naar circa 95 procent passende toewijzingen per jaar."
    diagnostics = await fresh.type(WORDING, vague)
    assert shown(diagnostics) == [("S101", 39, 9, 39, 21, 2), ("S101", 39, 22, 39, 27, 2)]
    assert diagnostics[0].message.split("\n")[0] == (
        "Resultaatafspraak BT-01 gebruikt de vage formulering 'streven naar'."
    )
    assert diagnostics[1].message.split("\n")[0] == (
        "Resultaatafspraak BT-01 noemt een aantal bij benadering: 'circa'."
    )
    actions = await fresh.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=fresh.document(fresh.set),
            range=diagnostics[0].range,
            context=types.CodeActionContext(diagnostics=diagnostics[:1]),
        )
    )
    waiver = (
        "    waivers:\n      - rule: S101\n"
        "        reason: Vul hier in waarom deze melding bewust zo is afgesproken.\n"
        "        until: 2026-12-31\n"
    )
    assert [(action.title, action.edit) for action in actions or []] == [
        (
            "Leg een uitzondering op S101 vast (waiver)",
            types.WorkspaceEdit(
                changes={fresh.set.as_uri(): (types.TextEdit(_range(64, 0, 0), waiver),)}
            ),
        )
    ]
    # The waiver applied: check no longer shows rule S101 in this agreement.
    lines = ORIGINAL.replace(WORDING, vague, 1).splitlines(keepends=True)
    lines.insert(64, waiver)
    fresh.version += 1
    waived = await change(fresh.client, fresh.set, "".join(lines), fresh.version)
    assert waived == []


@pytest.mark.asyncio(loop_scope="module")
async def test_a_half_written_agreement(fresh: Editor) -> None:
    diagnostics = await fresh.type(BETAALBAARHEID, BETAALBAARHEID + "  - id: BS-0\n")
    assert shown(diagnostics) == [("V002", 36, 4, 36, 12, 1), ("V002", 36, 4, 36, 12, 1)]
    assert [item.message for item in diagnostics] == [
        "Het verplichte veld 'title' ontbreekt.\nVoeg 'title:' toe aan dit blok.",
        "Het verplichte veld 'theme' ontbreekt.\nVoeg 'theme:' toe aan dit blok.",
    ]
    half = BETAALBAARHEID + '  - id: BS-0\n    title: "unterminated\n'
    diagnostics = await fresh.type(BETAALBAARHEID, half)
    assert shown(diagnostics) == [("Y005", 50, 13, 50, 15, 1)]
    assert diagnostics[0].message.startswith("Dit is geen geldige YAML: ")
    # Completion and hover still answer on the broken text, from the last YAML it was.
    hover = await fresh.client.text_document_hover_async(
        types.HoverParams(text_document=fresh.document(fresh.set), position=_at(46, 12))
    )
    assert hover is not None
    assert fresh.client.log_messages == []


@pytest.mark.asyncio(loop_scope="module")
async def test_party_ids_complete_an_owner(fresh: Editor) -> None:
    await fresh.type(OWNER, OWNER.replace("corp-mozaiek", ""))
    completion = await fresh.client.text_document_completion_async(
        types.CompletionParams(text_document=fresh.document(fresh.set), position=_at(44, 11))
    )
    assert completion is not None and not isinstance(completion, list)
    assert [(item.label, item.detail, item.text_edit) for item in completion.items] == [
        (ident, f"partij: {name}", types.TextEdit(_range(44, 11, 11), ident))
        for ident, name in (
            ("gemeente", "Gemeente Bodegraven-Reeuwijk (gemeente)"),
            ("corp-mozaiek", "Mozaiek Wonen (corporatie)"),
            ("corp-wbvr", "Woningbouwvereniging Reeuwijk (corporatie)"),
            ("hv-bodegraven", "Huurdersvereniging Bodegraven (huurdersorganisatie)"),
            ("hv-reeuwijk", "Huurdersvereniging Reeuwijk (huurdersorganisatie)"),
        )
    ]


async def _labels(editor: Editor, path: Path, line: int, character: int) -> list[str]:
    completion = await editor.client.text_document_completion_async(
        types.CompletionParams(text_document=editor.document(path), position=_at(line, character))
    )
    assert completion is not None and not isinstance(completion, list)
    return [item.label for item in completion.items]


@pytest.mark.asyncio(loop_scope="module")
async def test_kind_theme_agreement_and_field_names_complete(fresh: Editor) -> None:
    assert await _labels(fresh, fresh.set, 43, 10) == [
        "result", "effort", "process", "request", "context",
    ]  # fmt: skip
    themes = await _labels(fresh, fresh.set, 42, 11)
    assert themes[:3] == ["betaalbaarheid", "beschikbaarheid", "kwaliteit-en-duurzaamheid"]
    agreements = await _labels(fresh, fresh.monitor, 8, 15)
    assert agreements[:3] == ["BT-01", "BT-02", "BS-01"]
    await fresh.type("    theme: betaalbaarheid\n", "    theme: betaalbaarheid\n    \n")
    completion = await fresh.client.text_document_completion_async(
        types.CompletionParams(text_document=fresh.document(fresh.set), position=_at(43, 4))
    )
    assert completion is not None and not isinstance(completion, list)
    schema = schema_for("agreements")["$defs"]["Agreement"]["properties"]
    assert [item.label for item in completion.items] == list(schema)
    owner = next(item for item in completion.items if item.label == "owner")
    assert owner.detail == schema["owner"]["description"]
    assert owner.text_edit == types.TextEdit(_range(43, 4, 4), "owner: ")


async def _hover(editor: Editor, path: Path, line: int, character: int) -> str | None:
    found = await editor.client.text_document_hover_async(
        types.HoverParams(text_document=editor.document(path), position=_at(line, character))
    )
    if found is None:
        return None
    assert isinstance(found.contents, types.MarkupContent)
    return found.contents.value


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_on_ids_fields_and_rules(editor: Editor) -> None:
    assert await _hover(editor, editor.monitor, 8, 16) == (
        "**BT-01**: Afspraak Passend toewijzen aan huishoudens met recht op huurtoeslag\n\n"
        "trekker: corp-mozaiek · termijn: 2019-12-31"
    )
    assert await _hover(editor, editor.monitor, 12, 20) == (
        "**corp-mozaiek**: Partij Mozaiek Wonen (corporatie)"
    )
    described = schema_for("monitor")["$defs"]["Measurement"]["properties"]["reported_by"]
    assert await _hover(editor, editor.monitor, 12, 6) == (
        f"**reported_by**\n\n{described['markdownDescription']}"
    )
    lines = editor.monitor.read_text(encoding="utf-8").splitlines()
    waiver = next(number for number, line in enumerate(lines) if line.strip() == "rule: T504")
    assert await _hover(editor, editor.monitor, waiver, lines[waiver].index("T504") + 1) == (
        f"**T504** {REGISTRY['T504'].name} (standaard ernst: waarschuwing)\n\n"
        f"{text('T504.title', 'nl')}. {text('T504.rationale', 'nl')}"
    )


@pytest.mark.asyncio(loop_scope="module")
async def test_definition_and_references(editor: Editor) -> None:
    found = await editor.client.text_document_definition_async(
        types.DefinitionParams(text_document=editor.document(editor.monitor), position=_at(12, 20))
    )
    assert found == [types.Location(uri=editor.set.as_uri(), range=_range(21, 8, 20))]
    references = await editor.client.text_document_references_async(
        types.ReferenceParams(
            text_document=editor.document(editor.monitor),
            position=_at(8, 16),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    monitor = editor.monitor.read_text(encoding="utf-8").splitlines()
    named = [
        types.Location(uri=editor.monitor.as_uri(), range=_range(number, 15, 20))
        for number, line in enumerate(monitor)
        if line in ("  - agreement: BT-01", "  - {agreement: BT-01")
    ]
    assert list(references or []) == [
        types.Location(uri=editor.set.as_uri(), range=_range(36, 8, 13)),
        *named,
    ]
    assert len(named) == 4


@pytest.mark.asyncio(loop_scope="module")
async def test_a_dutch_date_is_written_the_format_s_way(fresh: Editor) -> None:
    diagnostics = await fresh.type("    deadline: 2019-12-31\n", "    deadline: 31-12-2019\n")
    assert shown(diagnostics) == [("V003", 56, 14, 56, 24, 1)]
    actions = await fresh.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=fresh.document(fresh.set),
            range=diagnostics[0].range,
            context=types.CodeActionContext(diagnostics=diagnostics),
        )
    )
    assert [(action.title, action.edit) for action in actions or []] == [
        (
            "Schrijf de datum als 2019-12-31",
            types.WorkspaceEdit(
                changes={fresh.set.as_uri(): (types.TextEdit(_range(56, 14, 24), "2019-12-31"),)}
            ),
        )
    ]


@pytest.mark.asyncio(loop_scope="module")
async def test_bad_requests_are_answered_and_the_server_keeps_running(fresh: Editor) -> None:
    await fresh.type(ORIGINAL, "[[[")
    assert await _labels(fresh, fresh.set, 999, 999) == []
    assert await _hover(fresh, fresh.set, 0, 1) is None
    outside = types.TextDocumentIdentifier(uri="untitled:Naamloos-1")
    assert (
        await fresh.client.text_document_hover_async(
            types.HoverParams(text_document=outside, position=_at(0, 0))
        )
        is None
    )
    assert fresh.client.log_messages == []


async def _format(editor: Editor) -> list[types.TextEdit]:
    found = await editor.client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=editor.document(editor.set),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    return list(found or [])


@pytest.mark.asyncio(loop_scope="module")
async def test_formatting_lays_the_buffer_out_or_says_why_not(fresh: Editor) -> None:
    untidy = ORIGINAL.replace("kind: agreements\n", "kind:    agreements\n", 1)
    await fresh.type(ORIGINAL, untidy)
    assert await _format(fresh) == [difference(untidy, format_text(untidy, name=SET))]
    assert await _format(fresh) != []
    await fresh.type(ORIGINAL, ORIGINAL)
    assert await _format(fresh) == []
    # An anchor cannot be laid out safely: no edit, and the editor says why.
    await fresh.type("    owner: corp-mozaiek\n", "    owner: &trekker corp-mozaiek\n")
    assert await _format(fresh) == []
    assert [message.message.split(":")[0:2] for message in fresh.client.messages] == [
        ["prestatie", " niet opgemaakt"]
    ]
    assert fresh.client.log_messages == []


@pytest.mark.asyncio(loop_scope="module")
async def test_other_tools_yaml_is_judged_as_check_judges_it_and_never_formatted(
    editor: Editor,
) -> None:
    workflow = "on: push\njobs:\n    check:\n        runs-on: ubuntu-latest\n"
    hidden = [editor.root / ".github" / "workflows" / "prestatie.yml"]
    hidden.append(editor.root / ".gitlab-ci.yml")
    mkdocs = editor.root / "mkdocs.yml"
    for path in [*hidden, mkdocs]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(workflow, encoding="utf-8")
    messages = len(editor.client.messages)
    for path in hidden:
        editor.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=path.as_uri(), language_id="yaml", version=1, text=workflow
                )
            )
        )
    # check reads mkdocs.yml (and says what it lacks), never a hidden file or folder.
    assert shown(await open_file(editor.client, mkdocs)) == [("V004", 0, 0, 0, 8, 1)]
    assert [count(editor.client, path.as_uri()) for path in hidden] == [0, 0]
    for path in [*hidden, mkdocs]:
        found = await editor.client.text_document_formatting_async(
            types.DocumentFormattingParams(
                text_document=editor.document(path),
                options=types.FormattingOptions(tab_size=2, insert_spaces=True),
            )
        )
        assert list(found or []) == []
        close(editor.client, path)
        path.unlink()
    assert len(editor.client.messages) == messages
    assert editor.client.log_messages == []


def test_other_commands_start_without_the_language_server() -> None:
    code = "import sys, prestatie_cli.cli; print(sorted(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    for module in ("pygls", "lsprotocol", "prestatie_cli.lsp", "prestatie_cli.commands.lsp"):
        assert f"'{module}'" not in done.stdout


def test_ctrl_c_ends_the_server_at_once() -> None:
    # pygls reads stdin in a thread an interrupt does not wake: without a handler of our
    # own the server waited for the editor's next line.
    import json
    import os
    import signal

    request = json.dumps(
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
    ).encode()
    with subprocess.Popen(
        [sys.executable, "-m", "prestatie_cli", "lsp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PRESTATIE_LANG": ""},
    ) as started:
        assert started.stdin is not None and started.stdout is not None
        # Serving once it answers: then it waits for the next request.
        started.stdin.write(b"Content-Length: %d\r\n\r\n" % len(request) + request)
        started.stdin.flush()
        assert started.stdout.readline().startswith(b"Content-Length:")
        started.send_signal(signal.SIGINT)
        _, err = started.communicate(timeout=30)
    assert started.returncode == 130
    assert err.decode("utf-8") == text("cli.error.aborted", "nl") + "\n"
