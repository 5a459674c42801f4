"""Every rule has one realistic failing example in examples/invalid/ that fires as documented.

Each example starts with ``# expect: CODE LINE:COLUMN`` lines: exactly the findings
``prestatie check`` must report for it, at those positions; a ``# expect-tip: CODE
LINE:COLUMN TIP`` line pins a finding's tip where the tip is the point (the date or
number meant, the word meant). Monitor examples are checked together with the clean
set(s) in examples/invalid/sets/. Examples of a wrong shape (V codes) sit beside them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from prestatie_cli.rules import REGISTRY

REPO = Path(__file__).resolve().parent.parent
INVALID = REPO / "examples" / "invalid"
SETS = INVALID / "sets"
FILES = sorted(INVALID.glob("*.yaml"))
# Before the first deadline of the example sets, so that only each file's own rule fires;
# a file that needs a later date says so in its header (`prestatie check --as-of DATE`).
AS_OF = "2025-06-30"
_AS_OF = re.compile(r"^#.*--as-of ([0-9]{4}-[0-9]{2}-[0-9]{2})", re.MULTILINE)

_EXPECT = re.compile(r"^# expect: ([A-Z][0-9]{3}) ([0-9]+):([0-9]+)[ \t]*$", re.MULTILINE)
# The tip a finding must give, where the tip is the point (the value meant, the word meant).
_TIP = re.compile(r"^# expect-tip: ([A-Z][0-9]{3}) ([0-9]+):([0-9]+) (.+)$", re.MULTILINE)
# Files checked before the example in the same run (a first monitor file of the same set).
_WITH = re.compile(r"^# with: (\S+)$", re.MULTILINE)
_MONITOR = re.compile(r"^kind:[ \t]*monitor[ \t]*$", re.MULTILINE)

Position = tuple[str, int, int]


def expected(path: Path) -> list[Position]:
    """The (code, line, column) of every ``# expect:`` line of an example."""
    text = path.read_text(encoding="utf-8")
    return [(code, int(line), int(column)) for code, line, column in _EXPECT.findall(text)]


def expected_tips(path: Path) -> dict[Position, str]:
    """The tip pinned for a finding with a ``# expect-tip: CODE LINE:COLUMN TIP`` line."""
    text = path.read_text(encoding="utf-8")
    return {(code, int(line), int(column)): tip for code, line, column, tip in _TIP.findall(text)}


def is_monitor(path: Path) -> bool:
    return _MONITOR.search(path.read_text(encoding="utf-8")) is not None


def sets_for(monitor: Path) -> list[Path]:
    """The clean set a monitor example measures (all of them when it names none of them)."""
    wanted = re.search(r"^set: (\S+)$", monitor.read_text(encoding="utf-8"), re.MULTILINE)
    found = [
        path
        for path in sorted(SETS.glob("*.yaml"))
        if wanted and f"\nid: {wanted.group(1)}\n" in path.read_text(encoding="utf-8")
    ]
    return found or [SETS]


def as_of(path: Path) -> str:
    found = _AS_OF.search(path.read_text(encoding="utf-8"))
    return found.group(1) if found else AS_OF


def check(*paths: Path, cwd: Path, day: str = AS_OF) -> tuple[int, dict[str, Any]]:
    """Run the real CLI; --strict so that warnings fail the check as errors do."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "prestatie_cli",
            "check",
            "--format",
            "json",
            "--strict",
            "--as-of",
            day,
            *map(str, paths),
        ],
        # Outside the repository, so that no prestatie.yaml changes the severities.
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stderr == ""
    return done.returncode, json.loads(done.stdout)


def test_there_are_examples() -> None:
    assert FILES, f"no examples in {INVALID}"


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_example_reports_exactly_its_expected_findings(path: Path, tmp_path: Path) -> None:
    wanted = expected(path)
    assert wanted, f"{path.name} has no '# expect: CODE LINE:COLUMN' line"
    assert path.name.split("-", 1)[0] in {code for code, _, _ in wanted}

    before = [INVALID / name for name in _WITH.findall(path.read_text(encoding="utf-8"))]
    paths = (*before, path, *sets_for(path)) if is_monitor(path) else (path,)
    code, report = check(*paths, cwd=tmp_path, day=as_of(path))

    assert code == 1
    found: list[Position] = [
        (problem["code"], problem["line"], problem["column"])
        for problem in report["problems"]
        if problem["path"] == str(path)
    ]
    assert set(found) == set(wanted)
    tips = {
        (problem["code"], problem["line"], problem["column"]): problem["hint"]
        for problem in report["problems"]
        if problem["path"] == str(path)
    }
    for position, tip in expected_tips(path).items():
        assert tips[position] == tip, position
    # The same finding is not reported twice at one place.
    assert [item for item, count in Counter(found).items() if count > 1] == []
    # Monitor examples refer to sets that are clean themselves.
    assert [problem for problem in report["problems"] if problem["path"] != str(path)] == []


# Examples of files whose shape is wrong (a schema problem, not a rule): any number each.
SCHEMA_CODES = {"V001", "V002", "V003"}

# P615 compares a set with an earlier commit (check --against): one file cannot show it.
# tests/versions/test_history.py shows it fire in real git repositories.
NEEDS_HISTORY = {"P615"}


def test_every_rule_has_exactly_one_example() -> None:
    names = [path.name for path in FILES]
    for code, rule in REGISTRY.items():
        if code in NEEDS_HISTORY:
            assert not [name for name in names if name.startswith(code)]
            continue
        matching = [name for name in names if name.startswith(code)]
        assert matching == [f"{code}-{rule.name}.yaml"], code
    codes = {name.split("-", 1)[0] for name in names}
    assert codes <= set(REGISTRY) | SCHEMA_CODES, sorted(codes - set(REGISTRY) - SCHEMA_CODES)


def test_sets_for_monitor_examples_are_clean(tmp_path: Path) -> None:
    code, report = check(SETS, cwd=tmp_path)
    assert report["files"] >= 1
    assert report["problems"] == []
    assert code == 0
