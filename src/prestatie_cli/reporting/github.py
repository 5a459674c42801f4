"""GitHub Actions workflow commands, which show as annotations on the changed lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prestatie_cli.messages import Language
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.text import summary

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.check.result import CheckResult

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    # Line breaks are encoded as the runner decodes them; every other control character
    # (ESC would reach the log) and lone surrogates are shown as escapes.
    return visible(value, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render_check(result: CheckResult, lang: Language, *, quiet: bool) -> str:
    lines = []
    for problem in result.problems:
        message = f"{problem.message} {problem.hint}".strip()
        lines.append(
            f"::{_LEVELS[problem.severity]} file={_property(problem.path)},"
            f"line={problem.line},col={problem.column},"
            f"title={_property(problem.code)}::{_data(message)}"
        )
    if not quiet:
        lines.append(summary(result, lang))
    if not lines:
        return ""
    return "\n".join(lines) + "\n"
