"""The registry: every family's rules once, in code order, and the codes a configuration may name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from prestatie_cli.check.engine import check
from prestatie_cli.check.result import CheckOptions
from prestatie_cli.load.config import load_settings
from prestatie_cli.load.validate import validate
from prestatie_cli.load.yaml import load_text
from prestatie_cli.messages import CATALOGUE
from prestatie_cli.model.agreements import Config
from prestatie_cli.model.problems import Problem
from prestatie_cli.rules import (
    FAMILIES,
    REGISTRY,
    assignable,
    changes,
    cycle,
    measurable,
    measurements,
    monitor_files,
    monitoring,
    parties,
    parts,
    realistic,
    specific,
    timebound,
)
from prestatie_cli.rules.base import Rule
from tests.conftest import DURING, base_set, write_yaml

# Each family module and the first two characters of its codes.
PREFIXES = [
    (specific, "S1"),
    (measurable, "M2"),
    (assignable, "A3"),
    (realistic, "R4"),
    (timebound, "T5"),
    (parties, "P6"),
    (monitoring, "P6"),
    (measurements, "P6"),
    (changes, "P6"),
    (parts, "P6"),
    (cycle, "P6"),
    (monitor_files, "P6"),
]
PARTS = ("title", "rationale", "message", "hint")
# A configuration that sets a severity for a rule that does not exist (on line 5).
UNKNOWN_RULE = 'kind: config\nversion: 1\nrules:\n  A302: warning\n  M233: "off"\n'
NL = (
    "Ongeldige waarde voor 'rules': onbekende regelcode 'M233'; 'prestatie rules' toont alle codes.",
    "Gebruik een regelcode zoals R401; 'prestatie rules' toont alle codes.",
)


@pytest.mark.parametrize(("module", "prefix"), PREFIXES, ids=lambda m: getattr(m, "__name__", m))
def test_a_family_lists_its_own_codes_in_order(module: ModuleType, prefix: str) -> None:
    rules: tuple[Rule, ...] = module.RULES
    codes = [rule.code for rule in rules]
    assert codes == sorted(codes)
    assert codes and all(code.startswith(prefix) for code in codes)
    assert rules in FAMILIES


def test_the_registry_holds_every_rule_of_every_family_once_by_code() -> None:
    every = [rule for family in FAMILIES for rule in family]
    assert len(FAMILIES) == len(PREFIXES)
    assert len(REGISTRY) == len(every)
    assert list(REGISTRY) == sorted(rule.code for rule in every)
    assert all(REGISTRY[rule.code] is rule for rule in every)


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_a_rule_brings_its_wording_into_the_catalogue(code: str) -> None:
    wording = REGISTRY[code].wording
    assert set(PARTS) <= set(wording)
    # Variants of a message or hint only, picked by a finding's ``variant``.
    assert all(part in PARTS or part.startswith(("message.", "hint.")) for part in wording)
    assert {f"{code}.{part}": dict(entry) for part, entry in wording.items()} == {
        key: entry for key, entry in CATALOGUE.items() if key.startswith(f"{code}.")
    }


def test_without_rule_codes_a_configuration_is_checked_for_form_only() -> None:
    model, findings = validate(load_text(UNKNOWN_RULE, "prestatie.yaml"))
    assert findings == []
    assert isinstance(model, Config)
    assert sorted(model.rules) == ["A302", "M233"]


def test_settings_name_only_registered_rules(tmp_path: Path) -> None:
    path = tmp_path / "prestatie.yaml"
    path.write_text(UNKNOWN_RULE, encoding="utf-8")
    settings, problems = load_settings(path, "nl", REGISTRY.keys())
    assert settings is None
    assert problems == [Problem(str(path), 4, 3, "V003", "error", *NL)]


def test_a_configuration_among_the_checked_files_names_only_registered_rules(
    tmp_path: Path,
) -> None:
    (tmp_path / "prestatie.yaml").write_text(UNKNOWN_RULE, encoding="utf-8")
    write_yaml(tmp_path / "set.yaml", base_set())
    result = check([tmp_path], CheckOptions(DURING))
    assert [(p.path, p.line, p.column, p.code, p.message, p.hint) for p in result.problems] == [
        (str(tmp_path / "prestatie.yaml"), 4, 3, "V003", *NL)
    ]


def test_the_command_line_refuses_settings_for_unknown_rules(tmp_path: Path) -> None:
    (tmp_path / "prestatie.yaml").write_text(UNKNOWN_RULE, encoding="utf-8")
    set_file = write_yaml(tmp_path / "afspraken" / "set.yaml", base_set())
    done = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "check", "--as-of", "2019-06-30", str(set_file)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"{tmp_path / 'prestatie.yaml'}:4:3: V003 fout {NL[0]}\n    tip: {NL[1]}\n"
    )
