"""Plain text for terminals and editors: ``path:line:col: CODE severity message``, the
severity in the run's language (fout, waarschuwing, info); JSON and SARIF keep the names.

What comes from a file (its name, the values quoted in a message) is shown with its
control characters escaped: a value cannot start a line of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from prestatie_cli.messages import Language, text
from prestatie_cli.reporting.escape import visible

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.check.result import CheckResult
    from prestatie_cli.model.problems import Problem


def problem_line(problem: Problem, lang: Language) -> str:
    severity = text(f"report.severity.{problem.severity}", lang)
    return (
        f"{visible(problem.path)}:{problem.line}:{problem.column}: "
        f"{problem.code} {severity} {visible(problem.message)}"
    )


def write_problems(stream: TextIO, problems: Iterable[Problem], lang: Language) -> None:
    """Problems that kept files out of a command's result, by file and line, with hints."""
    hint = text("ui.hint", lang)
    for problem in sorted(problems, key=lambda problem: problem.sort_key):
        stream.write(f"{problem_line(problem, lang)}\n    {hint}: {visible(problem.hint)}\n")


def render_check(result: CheckResult, lang: Language, *, quiet: bool) -> str:
    """Every problem with its hint on the next line, then a summary; --quiet keeps the problems."""
    lines: list[str] = []
    hint = text("ui.hint", lang)
    for problem in result.problems:
        lines.append(problem_line(problem, lang))
        if problem.hint and not quiet:
            lines.append(f"    {hint}: {visible(problem.hint)}")
    if not quiet:
        lines.append(summary(result, lang))
    if not lines:
        return ""
    return "\n".join(lines) + "\n"


def summary(result: CheckResult, lang: Language) -> str:
    if not result.problems and not result.waived:
        return text("ui.clean", lang, {"files": str(result.files)})
    counts = {
        "files": str(result.files),
        "errors": str(result.count("error")),
        "warnings": str(result.count("warning")),
        "infos": str(result.count("info")),
        "waived": str(len(result.waived)),
    }
    return text("ui.summary", lang, counts)
