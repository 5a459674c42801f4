"""JSON for other programs; the keys are stable across versions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from prestatie_cli.messages import Language
from prestatie_cli.reporting.escape import json_text

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.check.result import CheckResult
    from prestatie_cli.model.problems import Problem

OUTPUT_VERSION = 1


def _problem(problem: Problem) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "code": problem.code,
        "severity": problem.severity,
        "message": problem.message,
        "hint": problem.hint,
    }
    if problem.waived is not None:
        shown["waiver_reason"] = problem.waived
    return shown


def render_check(result: CheckResult, lang: Language, *, quiet: bool) -> str:
    """Every field, --quiet or not: a program reads what it needs."""
    document = {
        "version": OUTPUT_VERSION,
        "files": result.files,
        "summary": {
            "errors": result.count("error"),
            "warnings": result.count("warning"),
            "infos": result.count("info"),
            "waived": len(result.waived),
        },
        "problems": [_problem(problem) for problem in result.problems],
        "waived": [_problem(problem) for problem in result.waived],
    }
    return json_text(document)
