"""A problem found in a file: a frozen value with a 1-based position."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding, ready to show: where, which rule, how bad, what to do."""

    path: str
    line: int
    column: int
    code: str
    severity: Level
    message: str
    hint: str = ""
    # The waiver's reason when the finding is suppressed explicitly.
    waived: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    @property
    def unreadable(self) -> bool:
        """True for a file that could not be read or parsed at all (exit code 2)."""
        return self.code.startswith("Y")


def exit_code(problems: Sequence[Problem]) -> int:
    """For problems that kept files out: 2 when one could not be read, 1 for a wrong shape, else 0."""
    if any(problem.unreadable for problem in problems):
        return 2
    return 1 if problems else 0
