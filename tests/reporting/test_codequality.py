"""check --format codequality: GitLab's Code Quality report, the subset of Code Climate JSON."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from prestatie_cli.reporting.codequality import fingerprint
from tests.conftest import REPO

AS_OF = "2026-11-21"
A302 = REPO / "examples" / "invalid" / "A302-unknown-owner.yaml"
WAIVED = (
    "examples/afspraken/bodegraven-reeuwijk-2016-2019.yaml",
    "examples/monitor/bodegraven-reeuwijk-2016-2019.yaml",
)


def check(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "check", "--format", "codequality",
         "--as-of", AS_OF, *map(str, args)],
        cwd=cwd, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def issues(*args: str | Path, cwd: Path = REPO) -> list[dict[str, Any]]:
    done = check(*args, cwd=cwd)
    assert done.stderr == ""
    loaded: list[dict[str, Any]] = json.loads(done.stdout)
    return loaded


def _sha(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def test_each_finding_is_one_issue_with_the_fields_gitlab_reads(tmp_path: Path) -> None:
    shutil.copy(A302, tmp_path / "set.yaml")
    done = check("set.yaml", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (1, "")  # the exit code is the check's
    owner = "De trekker 'corporaties' van BS-01 is geen partij in deze set."
    deadline = (
        "De termijn van BS-02 (2026-07-01) is verstreken en er is geen meting die laat zien "
        "dat het doel is gehaald."
    )
    assert json.loads(done.stdout) == [
        {
            "description": f"{owner} Gebruik de id van een partij uit 'parties': gemeente, "
            "demarke, hv-demarke.",
            "check_name": "A302",
            "fingerprint": _sha("set.yaml", "A302", owner, "0"),
            "severity": "major",
            "location": {"path": "set.yaml", "lines": {"begin": 36}},
        },
        {
            "description": f"{deadline} Voeg de eindmeting toe (prestatie record BS-02 WAARDE "
            "--date DATUM), of leg de verklaring uit de evaluatie vast als waiver: in de "
            "monitor (agreement, rule: T504, reason), of bij de afspraak als er geen "
            "monitor is.",
            "check_name": "T504",
            "fingerprint": _sha("set.yaml", "T504", deadline, "0"),
            "severity": "minor",
            "location": {"path": "set.yaml", "lines": {"begin": 69}},
        },
    ]


def test_the_fingerprint_stays_when_lines_above_move(tmp_path: Path) -> None:
    (tmp_path / "set.yaml").write_bytes(A302.read_bytes())
    before = issues("set.yaml", cwd=tmp_path)
    (tmp_path / "set.yaml").write_bytes(b"# twee regels erbij\n#\n" + A302.read_bytes())
    after = issues("set.yaml", cwd=tmp_path)
    assert [issue["location"]["lines"]["begin"] for issue in after] == [38, 71]
    assert [issue["fingerprint"] for issue in after] == [issue["fingerprint"] for issue in before]


def test_the_same_finding_twice_in_a_file_has_two_fingerprints() -> None:
    assert fingerprint("a.yaml", "P604", "m", 0) != fingerprint("a.yaml", "P604", "m", 1)
    assert fingerprint("a.yaml", "P604", "m", 0) == _sha("a.yaml", "P604", "m", "0")


def test_an_unreadable_file_is_a_blocker(tmp_path: Path) -> None:
    (tmp_path / "kapot.yaml").write_text("kind: agreements\nid: [open\n", encoding="utf-8")
    done = check("kapot.yaml", cwd=tmp_path)
    assert done.returncode == 2
    [issue] = json.loads(done.stdout)
    assert (issue["check_name"][0], issue["severity"], issue["location"]["path"]) == (
        "Y",
        "blocker",
        "kapot.yaml",
    )


def test_waived_findings_are_left_out_and_a_clean_run_is_an_empty_list() -> None:
    done = check(*WAIVED)
    assert (done.returncode, done.stdout, done.stderr) == (0, "[]\n", "")


@pytest.mark.parametrize("quiet", [False, True])
def test_paths_are_relative_with_forward_slashes(quiet: bool) -> None:
    args = ("-q",) if quiet else ()
    done = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", *args, "check", "-f", "codequality",
         "--as-of", AS_OF, "examples/invalid/A302-unknown-owner.yaml"],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    paths = {issue["location"]["path"] for issue in json.loads(done.stdout)}
    assert paths == {"examples/invalid/A302-unknown-owner.yaml"}
