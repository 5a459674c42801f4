"""The committed JSON Schema equals the generated one and agrees with the examples."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from prestatie_cli.load.yaml import load_file
from prestatie_cli.messages import Language
from prestatie_cli.model import schema_text
from prestatie_cli.model.agreements import MODELS
from prestatie_cli.model.json_schema import plain, schema_files, schema_for
from tests.conftest import REPO, base_monitor, base_set

VALID_EXAMPLES = sorted((REPO / "examples" / "afspraken").glob("*.yaml")) + sorted(
    (REPO / "examples" / "monitor").glob("*.yaml")
)


def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _as_json(value: Any) -> Any:
    """YAML data as an editor's schema validator sees it: dates are strings."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("name", sorted(schema_files()))
def test_committed_schema_is_current(name: str) -> None:
    committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
    assert committed == schema_files()[name], "run: prestatie schema"


def test_there_are_valid_examples() -> None:
    assert len(VALID_EXAMPLES) >= 5


@pytest.mark.parametrize("path", VALID_EXAMPLES, ids=lambda path: path.name)
def test_valid_example_matches_schema(path: Path) -> None:
    data = _as_json(load_file(path).data)
    errors = list(_validator(data["kind"]).iter_errors(data))
    assert errors == []


@pytest.mark.parametrize("path", VALID_EXAMPLES, ids=lambda path: path.name)
def test_example_declares_its_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    kind = "monitor" if path.parent.name == "monitor" else "agreements"
    assert first == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"


def _mutate(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    target: Any = changed
    for part in path[:-1]:
        target = target[part]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "validator"),
    [
        (("kind",), "afspraken", "const"),
        (("version",), 2, "const"),
        (("title",), _DELETE, "required"),
        (("owners",), "gemeente", "additionalProperties"),
        (("period", "start"), "1-1-2016", "pattern"),
        (("period", "start"), "2016-02-30", "format"),
        (("parties", 0, "role"), "provincie", "enum"),
        (("parties",), [], "minItems"),
        (("agreements", 0, "id"), "BS 01", "pattern"),
        (("agreements", 0, "kind"), "resultaat", "enum"),
        (("agreements", 0, "target", "value"), "180", "type"),
        (("agreements", 0, "target", "comparison"), "minimaal", "enum"),
        (("agreements", 0, "deadline"), 2019, "type"),
        (("agreements", 0, "trekker"), "corp-a", "additionalProperties"),
        (("signatures", 0, "digest"), "md5:abc", "pattern"),
    ],
)
def test_invalid_shapes_are_rejected(
    path: tuple[str | int, ...], value: Any, validator: str
) -> None:
    data = _mutate(base_set(), path, value)
    errors = list(_validator("agreements").iter_errors(data))
    assert errors, f"{path} = {value!r} was accepted"
    assert validator in {error.validator for error in errors} | {
        sub.validator for error in errors for sub in error.context or ()
    }


def test_monitor_schema_rejects_text_value() -> None:
    data = base_monitor()
    data["measurements"] = [{"agreement": "BS-01", "date": "2017-12-31", "value": "veel"}]
    assert list(_validator("monitor").iter_errors(data))
    data["measurements"][0]["value"] = True
    assert list(_validator("monitor").iter_errors(data)) == []


def test_base_set_is_valid_for_the_schema() -> None:
    assert list(_validator("agreements").iter_errors(base_set())) == []


# Every property at any depth of every schema, in both languages, says what it is; every
# enum says what each of its values means. An editor shows these texts on hover and
# completion.


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    found: Any = schema
    for part in ref.removeprefix("#/").split("/"):
        found = found[part]
    assert isinstance(found, dict)
    return found


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(path, property schema) of every property reachable from the root, through $ref,
    anyOf, oneOf and items."""
    found: list[tuple[str, dict[str, Any]]] = []
    seen: set[int] = set()

    def walk(node: dict[str, Any], path: str) -> None:
        node = _resolve(schema, node)
        if id(node) in seen:
            return
        seen.add(id(node))
        for name, prop in node.get("properties", {}).items():
            found.append((f"{path}.{name}", prop))
            walk(prop, f"{path}.{name}")
        for key in ("anyOf", "oneOf"):
            for option in node.get(key, []):
                walk(option, path)
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{path}[]")

    walk(schema, "")
    return found


def _enums(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [found for item in node for found in _enums(item)]
    if not isinstance(node, dict):
        return []
    own = [node] if "enum" in node else []
    return own + [found for item in node.values() for found in _enums(item)]


LANGUAGES: tuple[Language, ...] = ("nl", "en")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_property_is_described(kind: str, lang: Language) -> None:
    schema = schema_for(kind, lang)
    properties = _properties(schema)
    # Every property of every model is reached (each model once): 101 in a set, 23 in a
    # monitor, 10 in the configuration.
    models = [schema, *schema.get("$defs", {}).values()]
    assert len(properties) == sum(len(model["properties"]) for model in models)
    assert len(properties) == {"agreements": 101, "monitor": 23, "config": 10}[kind]
    for path, prop in properties:
        assert prop.get("description"), f"{kind} {lang}: {path} has no description"
        assert prop.get("markdownDescription"), f"{kind} {lang}: {path} has no markdown"
        assert prop["description"] == prop["markdownDescription"].replace("`", "")
    for definition in [schema, *schema.get("$defs", {}).values()]:
        assert definition["title"] and definition["description"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_enum_value_is_explained(kind: str, lang: Language) -> None:
    enums = _enums(schema_for(kind, lang))
    assert enums
    for enum in enums:
        for key in ("enumDescriptions", "markdownEnumDescriptions"):
            assert len(enum[key]) == len(enum["enum"]), f"{enum['enum']} lacks {key}"
            assert all(enum[key]), f"{enum['enum']}: an empty {key}"


def _words(node: Any, key: str) -> list[str]:
    if isinstance(node, list):
        return [found for item in node for found in _words(item, key)]
    if not isinstance(node, dict):
        return []
    own = [node[key]] if isinstance(node.get(key), str) else []
    # The snippets' descriptions name a snippet, not a field.
    items = [item for name, item in node.items() if name != "defaultSnippets"]
    return own + [found for item in items for found in _words(item, key)]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(MODELS))
def test_only_the_texts_of_the_language(kind: str, lang: Language) -> None:
    """Every title and description is one of schema_text's in ``lang``: none of pydantic's
    own English words reach a Dutch schema."""
    tables = [*schema_text.FIELDS.values(), schema_text.MODEL_TEXT]
    texts = {text[lang] for table in tables for text in table.values()}
    schema = schema_for(kind, lang)
    assert set(_words(schema, "markdownDescription")) <= texts
    assert set(_words(schema, "description")) <= {plain(text) for text in texts}
    titles = {title[lang] for title in schema_text.TITLES.values()}
    assert set(_words(schema, "title")) <= titles


def test_theme_has_the_known_themes_as_examples() -> None:
    theme = schema_for("agreements")["$defs"]["Agreement"]["properties"]["theme"]
    assert theme["examples"][:2] == ["beschikbaarheid", "betaalbaarheid"]
    assert "wonen-en-zorg" in theme["examples"]
    assert theme["markdownDescription"].startswith("Het thema (hoofdstuk) van de afspraak")


@pytest.mark.parametrize(
    ("kind", "lang", "expected"),
    [
        ("agreements", "nl", "urn:prestatie:schema:agreements:1"),
        ("monitor", "nl", "urn:prestatie:schema:monitor:1"),
        ("config", "en", "urn:prestatie:schema:config:1:en"),
    ],
)
def test_schema_id_and_title(kind: str, lang: Language, expected: str) -> None:
    schema = schema_for(kind, lang)
    assert list(schema)[:3] == ["$schema", "$id", "title"]
    assert schema["$id"] == expected


@pytest.mark.parametrize(
    ("model", "label", "first"),
    [
        ("Agreement", "nieuwe resultaatafspraak", "id"),
        ("Measurement", "nieuwe meting", "agreement"),
        ("Party", "nieuwe partij", "id"),
    ],
)
def test_snippets_are_valid_items(model: str, label: str, first: str) -> None:
    """Each snippet, its placeholders filled in with their defaults, is a valid item."""
    kind = "monitor" if model == "Measurement" else "agreements"
    schema = schema_for(kind)
    (snippet,) = schema["$defs"][model]["defaultSnippets"]
    assert snippet["label"] == label
    assert next(iter(snippet["body"])) == first
    filled = json.loads(re.sub(r"\$\{\d+:([^}]*)\}", r"\1", json.dumps(snippet["body"])))
    item = {**schema, "$ref": f"#/$defs/{model}"}
    for name in ("properties", "required", "additionalProperties", "type"):
        item.pop(name, None)
    errors = list(Draft202012Validator(item, format_checker=FormatChecker()).iter_errors(filled))
    assert errors == []


def test_english_schema_from_the_command_line(tmp_path: Path) -> None:
    for args in (["--lang", "en", "schema"], ["schema", "--lang", "en"]):
        folder = tmp_path / args[0]
        done = subprocess.run(
            [sys.executable, "-m", "prestatie_cli", *args, "--output-dir", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        for name, content in schema_files("en").items():
            assert (folder / name).read_text(encoding="utf-8") == content
    written = json.loads((folder / "agreements.schema.json").read_text(encoding="utf-8"))
    theme = written["$defs"]["Agreement"]["properties"]["theme"]
    assert theme["description"].startswith("The theme (chapter) of the agreement")
    stale = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "schema", "--check", "--output-dir", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert stale.returncode == 1
    assert stale.stderr.startswith(
        f"Verouderd (maak opnieuw met 'prestatie schema --output-dir {folder}'): "
    )
