"""SARIF 2.1.0, the format code-scanning dashboards (GitHub, GitLab, Azure) read.

Valid JSON and valid UTF-8 whatever the files hold (see ``escape.json_text``); a file
name that is not UTF-8 becomes a URI with its bytes percent-encoded.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from prestatie_cli import __version__
from prestatie_cli.messages import Language, text
from prestatie_cli.reporting.escape import json_text

if TYPE_CHECKING:  # types only: the command line imports the formats on every run
    from prestatie_cli.check.result import CheckResult
    from prestatie_cli.model.problems import Problem
    from prestatie_cli.rules.base import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    shown = Path(path)
    if shown.is_absolute():
        return shown.as_uri()
    relative = PurePosixPath(*shown.parts).as_posix()
    try:
        # The bytes of the name as the file system has them: a name that is not UTF-8
        # (byte 0xFF kept by Python as a surrogate) is percent-encoded byte for byte.
        return quote(os.fsencode(relative))
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return quote(relative.encode("utf-8", "backslashreplace"))


def _rules(rules: list[Rule], lang: Language) -> list[dict[str, Any]]:
    return [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": text(f"{rule.code}.title", lang)},
            "fullDescription": {"text": text(f"{rule.code}.rationale", lang)},
            "defaultConfiguration": {"level": _LEVELS[rule.severity]},
            # The hint of a finding names its values; the rule's help is its rationale.
            "help": {
                "text": f"{text(f'{rule.code}.title', lang)}: {text(f'{rule.code}.rationale', lang)}"
            },
        }
        for rule in rules
    ]


def _result(problem: Problem, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": problem.code,
        "level": _LEVELS[problem.severity],
        "message": {"text": f"{problem.message} {problem.hint}".strip()},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(problem.path)},
                    "region": {"startLine": problem.line, "startColumn": problem.column},
                }
            }
        ],
    }
    if problem.code in index:
        result["ruleIndex"] = index[problem.code]
    if problem.waived is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": problem.waived}]
    return result


def render_check(result: CheckResult, lang: Language, *, quiet: bool) -> str:
    """Every finding and every rule, --quiet or not: a dashboard shows what it needs."""
    # Imported here: a check answered from the cache does not load the rules.
    from prestatie_cli.rules import REGISTRY

    rules = list(REGISTRY.values())
    index = {rule.code: position for position, rule in enumerate(rules)}
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "prestatie",
                        "version": __version__,
                        "rules": _rules(rules, lang),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(problem, index) for problem in (*result.problems, *result.waived)
                ],
            }
        ],
    }
    return json_text(document)
