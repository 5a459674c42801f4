"""prestatie init sets up VS Code: schema associations, the YAML extension, a check task
whose problem matchers read the real output of ``prestatie check``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from prestatie_cli.editing.scaffold import CHECK_ARGS, problem_matchers
from tests.conftest import REPO, REQUIREMENT
from tests.editing.test_scaffold import run, scaffolded
from tests.model.test_json_schema_editor import INSTALLED, SERVER, Client

# Severity as the JSON output names it -> the text's word in each language.
WORDS = {
    "nl": {"error": "fout", "warning": "waarschuwing", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_settings_associate_the_schemas_init_wrote(tmp_path: Path) -> None:
    demo = scaffolded(tmp_path, "--start-year", "2026")
    assert _json(demo / ".vscode" / "settings.json") == {
        "yaml.schemas": {
            "./schemas/agreements.schema.json": ["afspraken/**/*.yaml", "afspraken/**/*.yml"],
            "./schemas/monitor.schema.json": ["monitor/**/*.yaml", "monitor/**/*.yml"],
            "./schemas/config.schema.json": ["prestatie.yaml"],
        }
    }
    for schema, globs in _json(demo / ".vscode" / "settings.json")["yaml.schemas"].items():
        assert (demo / schema).is_file()
        # Every file of that kind init wrote is matched.
        assert [path.name for glob in globs for path in demo.glob(glob)]
    assert _json(demo / ".vscode" / "extensions.json") == {
        "recommendations": ["redhat.vscode-yaml"]
    }
    (task,) = _json(demo / ".vscode" / "tasks.json")["tasks"]
    assert (task["type"], task["command"], task["args"]) == (
        "process",
        "prestatie",
        ["check", "afspraken", "monitor"],
    )
    assert task["problemMatcher"] == problem_matchers()


def test_an_existing_vscode_settings_file_is_kept_and_named(tmp_path: Path) -> None:
    """A repository with VS Code settings of its own: init adds what is missing, leaves the
    settings as they were and says so."""
    settings = tmp_path / "demo" / ".vscode" / "settings.json"
    settings.parent.mkdir(parents=True)
    mine = b'{\n  "editor.tabSize": 4\n}\n'
    settings.write_bytes(mine)
    done = run("init", "demo", "--start-year", "2026", "--requirement", REQUIREMENT, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert "Bestaande bestanden ongemoeid gelaten: .vscode/settings.json.\n" in done.stdout
    assert ".vscode/extensions.json, .vscode/tasks.json" in done.stdout
    assert settings.read_bytes() == mine
    assert (settings.parent / "tasks.json").is_file()


def _check(lang: str, config: Path, output: str) -> str:
    done = subprocess.run(
        [
            sys.executable, "-m", "prestatie_cli", "check", "examples/invalid", "--lang", lang,
            "--config", str(config), "--as-of", "2026-11-21", "--format", output,
        ],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    return done.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_problem_matchers_read_every_line_of_a_real_check(tmp_path: Path, lang: str) -> None:
    """Each problem line of ``prestatie check`` is matched by exactly one matcher, which
    reads the file, line, column, code, severity and message the JSON output gives."""
    config = tmp_path / "prestatie.yaml"
    # Some findings as info, so that every severity is in the output.
    config.write_text("kind: config\nversion: 1\nrules:\n  T504: info\n", encoding="utf-8")
    expected = json.loads(_check(lang, config, "json"))["problems"]
    lines = [
        line
        for line in _check(lang, config, "text").splitlines()
        if not line.startswith("    ") and not re.match(r"^\d+ (bestand|file)", line)
    ]
    assert len(lines) == len(expected)
    assert {problem["severity"] for problem in expected} == {"error", "warning", "info"}
    matchers = problem_matchers()
    for line, problem in zip(lines, expected, strict=True):
        found = [
            (matcher, re.match(matcher["pattern"]["regexp"], line))
            for matcher in matchers
            if re.match(matcher["pattern"]["regexp"], line)
        ]
        assert len(found) == 1, line
        matcher, match = found[0]
        assert match is not None
        fields = matcher["pattern"]
        read = {
            "path": match[fields["file"]],
            "line": int(match[fields["line"]]),
            "column": int(match[fields["column"]]),
            "code": match[fields["code"]],
            "severity": matcher["severity"],
            "message": match[fields["message"]],
        }
        assert read == {key: problem[key] for key in read}
        assert f" {WORDS[lang][problem['severity']]} " in line


def test_the_task_runs_what_the_readme_says(tmp_path: Path) -> None:
    """The task's arguments are the check init's own next step names."""
    demo = scaffolded(tmp_path, "--start-year", "2026")
    done = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", *CHECK_ARGS],
        cwd=demo, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if not line.startswith("    ")]
    matched = [
        line
        for line in lines
        if any(re.match(matcher["pattern"]["regexp"], line) for matcher in problem_matchers())
    ]
    # The three missing signatures (P604), each a warning in the editor.
    assert len(matched) == 3
    assert all(" P604 waarschuwing " in line for line in matched)


@pytest.mark.skipif(INSTALLED is None, reason="yaml-language-server could not be installed")
def test_vscode_settings_give_the_schema_to_a_file_without_modeline(tmp_path: Path) -> None:
    """The association of .vscode/settings.json alone, in the YAML extension's server:
    a set without the '$schema' comment still has the Dutch hover."""
    demo = scaffolded(tmp_path, "--start-year", "2026")
    path = demo / "afspraken" / "demo-2026-2029.yaml"
    content = path.read_text(encoding="utf-8")
    first, _, rest = content.partition("\n")
    assert first.startswith("# yaml-language-server:")
    yaml_settings = {
        "schemas": _json(demo / ".vscode" / "settings.json")["yaml.schemas"],
        "hover": True,
        "schemaStore": {"enable": False},
    }
    client = Client([str(SERVER), "--stdio"], {"yaml": yaml_settings})
    try:
        client.request(
            "initialize",
            {
                "processId": None,
                "rootUri": demo.as_uri(),
                "workspaceFolders": [{"uri": demo.as_uri(), "name": "demo"}],
                "capabilities": {"workspace": {"configuration": True, "workspaceFolders": True}},
            },
        )
        client.notify("initialized", {})
        client.notify("workspace/didChangeConfiguration", {"settings": {}})
        uri = path.as_uri()
        opened = {"uri": uri, "languageId": "yaml", "version": 1, "text": rest}
        client.notify("textDocument/didOpen", {"textDocument": opened})
        line = next(
            number for number, text in enumerate(rest.splitlines()) if text.startswith("period:")
        )
        hover = None
        for _ in range(100):
            hover = client.request(
                "textDocument/hover",
                {"textDocument": {"uri": uri}, "position": {"line": line, "character": 2}},
            )
            if hover is not None:
                break
            time.sleep(0.1)
        assert hover is not None
        shown = hover["contents"]["value"]
        assert shown.startswith("#### Looptijd\n\nDe looptijd: `start` en `end`, de eerste en")
        # The schema init wrote, found through the relative path of the settings.
        schema = (demo / "schemas" / "agreements.schema.json").as_uri()
        assert shown.endswith(f"Source: [agreements.schema.json]({schema})")
    finally:
        client.close()
