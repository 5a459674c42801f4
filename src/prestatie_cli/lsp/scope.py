"""What a file may refer to: the parties, groups and agreements of its set (and of the
frame a slice works out), the set ids of the run and the themes.

Read from the data of the last text of each file that was YAML, not from the models:
while a key is misspelled the set is no valid model, and its parties are still there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prestatie_cli.load.yaml import Document
from prestatie_cli.lsp.diagnostics import Checker
from prestatie_cli.lsp.documents import Run
from prestatie_cli.messages import CATALOGUE

_THEME_KEY = "report.theme."


@dataclass(slots=True)
class Scope:
    """The ids a file may name, each with its mapping as written."""

    run: Run
    documents: list[Document] = field(default_factory=list)
    parties: dict[str, dict[str, Any]] = field(default_factory=dict)
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    agreements: dict[str, dict[str, Any]] = field(default_factory=dict)
    set_ids: list[str] = field(default_factory=list)
    themes: dict[str, str] = field(default_factory=dict)


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    listed = data.get(key) if isinstance(data, dict) else None
    if not isinstance(listed, list):
        return []
    return [item for item in listed if isinstance(item, dict) and isinstance(item.get("id"), str)]


def scope_of(checker: Checker, run: Run, name: str) -> Scope:
    """The scope of file ``name``: its set and monitors, and a slice's frame with its own."""
    buffers = checker.workspace.buffers
    lang = checker.options(run).lang
    scope = Scope(run)
    names = checker.group(run, name)
    for listed in list(names):
        document = run.state(listed, buffers, lang).document
        data = document.data if document is not None else None
        frame = data.get("frame") if isinstance(data, dict) else None
        facts = run.facts(buffers)
        if isinstance(frame, str):
            names += [*facts.set_paths.get(frame, ()), *facts.monitor_paths.get(frame, ())]
    for listed in dict.fromkeys(names):
        document = run.state(listed, buffers, lang).document
        if document is None:
            continue
        scope.documents.append(document)
        data = document.data
        if not (isinstance(data, dict) and data.get("kind") == "agreements"):
            continue
        for key, table in (
            ("parties", scope.parties),
            ("groups", scope.groups),
            ("agreements", scope.agreements),
        ):
            for item in _items(data, key):
                table.setdefault(item["id"], item)
        for item in _items(data, "agreements"):
            theme = item.get("theme")
            if isinstance(theme, str):
                scope.themes.setdefault(theme, "")
    scope.set_ids = list(run.facts(buffers).set_ids)
    for key, words in CATALOGUE.items():
        if key.startswith(_THEME_KEY):
            scope.themes[key.removeprefix(_THEME_KEY)] = words[lang]
    scope.themes.update(checker.settings(run).themes)
    return scope


def path_of(scope: Scope, shown: str) -> Path:
    """The file a document of the scope was read from."""
    return scope.run.path_of(shown)
