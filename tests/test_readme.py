"""The README stays true: its commands are the ones CI runs, its rule table is complete."""

from __future__ import annotations

import re

from prestatie_cli.rules import REGISTRY
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.startswith("python3 ")]


def test_readme_has_exactly_two_setup_commands() -> None:
    assert len(_commands()) == 2


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(command for command in _commands() if "pytest" in command)
    assert test_command in ci.splitlines()


def test_rule_table_lists_every_rule_with_its_severity() -> None:
    rows = {
        code: (name, severity)
        for code, name, severity in re.findall(
            r"^\| ([A-Z]\d{3}) \| ([a-z-]+) \| (\w+) \|", README, re.M
        )
    }
    assert rows == {code: (rule.name, rule.severity) for code, rule in REGISTRY.items()}


def test_every_yaml_example_in_the_readme_is_valid_yaml() -> None:
    from prestatie_cli.load.yaml import load_text

    blocks = re.findall(r"```yaml\n(.*?)```", README, flags=re.S)
    assert len(blocks) >= 6
    for block in blocks:
        if block.strip().startswith("#") and len(block.strip().splitlines()) == 1:
            continue  # a lone modeline, shown on its own
        load_text(block, "README.md")


def test_the_config_example_is_a_valid_configuration() -> None:
    from prestatie_cli.load.validate import validate
    from prestatie_cli.load.yaml import load_text
    from prestatie_cli.model.agreements import Config
    from prestatie_cli.rules import REGISTRY

    block = next(
        b for b in re.findall(r"```yaml\n(.*?)```", README, flags=re.S) if "kind: config" in b
    )
    model, findings = validate(load_text(block, "README.md"), REGISTRY.keys())
    assert findings == []
    assert isinstance(model, Config)
    assert model.thresholds.pace_factor == 2
