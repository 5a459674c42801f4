"""The editor's diagnostics are what ``prestatie check --format json`` says, for every
example file: the valid sets with their monitors, and each failing example with the
files its test checks it with (see tests/test_invalid_examples.py)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient
from typer.testing import CliRunner

from prestatie_cli.cli import app
from prestatie_cli.lsp.text import units
from tests.lsp.client import EXAMPLES, open_file, repository, server, start
from tests.test_invalid_examples import _WITH, FILES, INVALID, as_of, is_monitor, sets_for

VALID_AS_OF = "2026-11-21"

Seen = tuple[str, int, int, int, str]


def _cli(root: Path, day: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """``prestatie check --format json --as-of DAY`` started in ``root`` without paths."""
    monkeypatch.chdir(root)
    done = CliRunner().invoke(app, ["check", "--format", "json", "--as-of", day])
    assert done.exit_code in (0, 1, 2), done.output
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def _expected(root: Path, report: dict[str, Any]) -> dict[str, list[Seen]]:
    """Per file (absolute), each problem as the editor must show it: 0-based, in UTF-16."""
    found: dict[str, list[Seen]] = defaultdict(list)
    for problem in report["problems"]:
        path = root / problem["path"]
        lines = path.read_text(encoding="utf-8").splitlines() or [""]
        line = problem["line"] - 1
        text = lines[line] if line < len(lines) else ""
        message = problem["message"]
        if problem["hint"]:
            message += "\n" + problem["hint"]
        severity = {"error": 1, "warning": 2, "info": 3}[problem["severity"]]
        found[str(path)].append(
            (problem["code"], line, units(text, problem["column"] - 1), severity, message)
        )
    return found


def _seen(diagnostics: list[types.Diagnostic]) -> list[Seen]:
    return [
        (
            str(item.code),
            item.range.start.line,
            item.range.start.character,
            int(item.severity or 0),
            item.message,
        )
        for item in diagnostics
    ]


@pytest_lsp.fixture(config=server(PRESTATIE_LANG=""))
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    yield
    await lsp_client.shutdown_session()


def _valid(root: Path) -> Path:
    files = [(path, f"afspraken/{path.name}") for path in (EXAMPLES / "afspraken").glob("*.yaml")]
    files += [(path, f"monitor/{path.name}") for path in (EXAMPLES / "monitor").glob("*.yaml")]
    return repository(root, files)


def _invalid(root: Path, example: Path) -> Path:
    """A repository with the example and what its test checks it with."""
    text = example.read_text(encoding="utf-8")
    files = [(INVALID / name, name) for name in _WITH.findall(text)]
    files.append((example, example.name))
    if is_monitor(example):
        for found in sets_for(example):
            listed = sorted(found.glob("*.yaml")) if found.is_dir() else [found]
            files += [(path, f"sets/{path.name}") for path in listed]
    return repository(root, files)


async def _compare(
    client: LanguageClient, roots: list[Path], day: str, monkeypatch: pytest.MonkeyPatch
) -> int:
    """Open every file of every root; each one's diagnostics must be check's. The number
    of problems compared."""
    compared = 0
    for root in roots:
        expected = _expected(root, _cli(root, day, monkeypatch))
        for path in sorted(root.rglob("*.yaml")):
            diagnostics = await open_file(client, path)
            assert _seen(diagnostics) == expected.get(str(path), []), path
            compared += len(diagnostics)
    return compared


@pytest.mark.asyncio
async def test_the_valid_examples_as_check_sees_them(
    client: LanguageClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _valid(tmp_path / "voorbeelden")
    await start(client, [root], asOf=VALID_AS_OF)
    assert await _compare(client, [root], VALID_AS_OF, monkeypatch) == 7
    assert client.log_messages == []


_DAYS = sorted({as_of(path) for path in FILES})


@pytest.mark.parametrize("day", _DAYS)
@pytest.mark.asyncio
async def test_every_failing_example_as_check_sees_it(
    client: LanguageClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, day: str
) -> None:
    examples = [path for path in FILES if as_of(path) == day]
    roots = [_invalid(tmp_path / path.stem, path) for path in examples]
    await start(client, roots, asOf=day)
    assert await _compare(client, roots, day, monkeypatch) >= len(examples)
    assert client.log_messages == []


def test_the_failing_examples_are_all_compared() -> None:
    assert sum(1 for path in FILES if as_of(path) in _DAYS) == len(FILES)
    assert all(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", day) for day in _DAYS)
