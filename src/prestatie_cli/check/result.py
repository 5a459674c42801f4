"""What a check gives: its options in, its problems out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from prestatie_cli.load.config import Settings
from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import AgreementSet
from prestatie_cli.model.problems import Level, Problem


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """How to check: the reference date, the language and the configured severities."""

    as_of: date
    lang: Language = "nl"
    settings: Settings = field(default_factory=Settings)
    # The sets at the revision of --against, by id, and the revision as the user wrote it.
    previous: Mapping[str, AgreementSet] = field(default_factory=dict)
    against: str = ""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """All problems of a run, sorted by position, and those explicitly waived."""

    files: int
    problems: tuple[Problem, ...]
    waived: tuple[Problem, ...]

    def count(self, severity: Level) -> int:
        return sum(1 for problem in self.problems if problem.severity == severity)

    def exit_code(self, strict: bool = False) -> int:
        """2 when a file could not be read, 1 for errors (or warnings when strict), else 0."""
        if any(problem.unreadable for problem in self.problems):
            return 2
        if self.count("error") or (strict and self.count("warning")):
            return 1
        return 0


def sorted_result(files: int, problems: list[Problem], waived: list[Problem]) -> CheckResult:
    """A result with its problems sorted by position (stable: equal positions keep their order)."""
    problems.sort(key=lambda problem: problem.sort_key)
    waived.sort(key=lambda problem: problem.sort_key)
    return CheckResult(files, tuple(problems), tuple(waived))
