"""The committed JSON Schema equals the generated one and agrees with the examples."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from prestatie_cli.load.yaml import load_file
from prestatie_cli.model.json_schema import schema_files
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
