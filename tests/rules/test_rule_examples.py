"""Every rule's documented passing and failing example does what it says."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from prestatie_cli.check.engine import check
from prestatie_cli.check.result import CheckOptions
from prestatie_cli.load.yaml import load_text
from prestatie_cli.model.agreements import AgreementSet
from prestatie_cli.rules import REGISTRY, Rule
from tests.conftest import AS_OF, base_monitor, base_set, write_yaml


def _block(data: dict[str, Any], tail: str = "") -> str:
    """YAML text: one top-level key a line with a flow value, then ``tail`` verbatim.

    The example is appended as written, so that rules that look at how a value
    was written (M204) see it.
    """
    lines = [
        f"{key}: {json.dumps(value, default=str, ensure_ascii=False)}"
        for key, value in data.items()
    ]
    return "\n".join(lines) + "\n" + tail


def _case(rule: Rule, example: str, folder: Path) -> list[Path]:
    fragment: Any = load_text(example, "example").data
    agreements = base_set()
    if rule.scope == "agreement":
        assert isinstance(fragment, list)
        existing = agreements.pop("agreements")
        listing = "".join(f"- {json.dumps(item)}\n" for item in existing)
        text = _block(agreements, "agreements:\n" + listing + example)
        return [_write(folder / "set.yaml", text)]
    assert isinstance(fragment, dict)
    if rule.scope == "set":
        kept = {key: value for key, value in agreements.items() if key not in fragment}
        return [_write(folder / "set.yaml", _block(kept, example))]
    monitor = base_monitor()
    kept = {key: value for key, value in monitor.items() if key not in fragment}
    added = load_text(rule.example_agreements, "example").data if rule.example_agreements else []
    agreements["agreements"] += added
    paths = [write_yaml(folder / "set.yaml", agreements)]
    if example.splitlines()[0].startswith("#") and "beside" in example.splitlines()[0]:
        # An example that is a second monitor file of the set (P630): the first one too.
        paths.append(write_yaml(folder / "eerste-monitor.yaml", monitor))
    paths.append(_write(folder / "monitor.yaml", _block(kept, example)))
    return paths


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _codes(paths: list[Path], as_of: date = AS_OF) -> list[str]:
    # P615 compares with an earlier version: the base set stands in for it.
    previous = AgreementSet.model_validate(base_set())
    result = check(paths, CheckOptions(as_of, previous={previous.id: previous}, against="v1"))
    return [problem.code for problem in result.problems]


def test_base_case_is_clean(tmp_path: Path) -> None:
    paths = [
        write_yaml(tmp_path / "set.yaml", base_set()),
        write_yaml(tmp_path / "m.yaml", base_monitor()),
    ]
    assert _codes(paths) == []


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_failing_example_fires(code: str, tmp_path: Path) -> None:
    rule = REGISTRY[code]
    codes = _codes(_case(rule, rule.example_fail, tmp_path), rule.example_as_of or AS_OF)
    assert code in codes
    assert not [c for c in codes if c[0] in "VY"], codes


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_passing_example_does_not_fire(code: str, tmp_path: Path) -> None:
    rule = REGISTRY[code]
    codes = _codes(_case(rule, rule.example_pass, tmp_path), rule.example_as_of or AS_OF)
    assert code not in codes
    assert not [c for c in codes if c[0] in "VY"], codes


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_rule_is_documented(code: str) -> None:
    rule = REGISTRY[code]
    assert rule.code == code
    assert rule.__doc__ and rule.__doc__.strip()
    assert rule.severity in ("error", "warning", "info")
    assert rule.scope in ("agreement", "set", "monitor")
    assert rule.example_pass != rule.example_fail
