"""GitLab Code Quality: the subset of the Code Climate JSON that GitLab's merge requests read.

Each finding becomes ``description``, ``check_name``, ``fingerprint``, ``severity``
and ``location.path`` with ``location.lines.begin``. The fingerprint is a hash of the
file, the rule and the message (not the line), so a finding keeps its identity when
lines above it move; the same finding twice in one file is told apart by its order.
Waived findings are left out: GitLab has no place for a justification.
"""

from __future__ import annotations

from pathlib import PurePath, PurePosixPath
from typing import TYPE_CHECKING, Any

from prestatie_cli.messages import Language
from prestatie_cli.reporting.escape import json_text

if TYPE_CHECKING:  # types only: the command line imports the formats on every run
    from prestatie_cli.check.result import CheckResult
    from prestatie_cli.model.problems import Problem

# GitLab's scale is info, minor, major, critical, blocker: a file that cannot be read
# at all blocks everything after it.
_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def severity(problem: Problem) -> str:
    """The Code Quality severity of a finding."""
    return "blocker" if problem.unreadable else _SEVERITIES[problem.severity]


def _path(path: str) -> str:
    """Forward slashes, relative to where check ran, as GitLab looks them up in the repository."""
    parts = PurePath(path).parts
    return PurePosixPath(*parts).as_posix() if parts else path


def fingerprint(path: str, code: str, message: str, occurrence: int = 0) -> str:
    """A stable identity: the same file, rule and message give the same fingerprint."""
    # Imported here: the command line imports every format on each run, --version too.
    import hashlib

    key = "\0".join((path, code, message, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _issue(problem: Problem, occurrence: int) -> dict[str, Any]:
    path = _path(problem.path)
    return {
        "description": f"{problem.message} {problem.hint}".strip(),
        "check_name": problem.code,
        "fingerprint": fingerprint(path, problem.code, problem.message, occurrence),
        "severity": severity(problem),
        "location": {"path": path, "lines": {"begin": problem.line}},
    }


def render_check(result: CheckResult, lang: Language, *, quiet: bool) -> str:
    """Every finding that counts, --quiet or not: the merge request shows what it needs."""
    seen: dict[tuple[str, str, str], int] = {}
    issues = []
    for problem in result.problems:
        key = (problem.path, problem.code, problem.message)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        issues.append(_issue(problem, occurrence))
    return json_text(issues)
