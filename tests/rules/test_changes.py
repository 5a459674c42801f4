"""P615 in a real git repository: every change of what was promised needs an amendment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.rules.test_patterns import EVALUATION, FIRST, HEAD, SIGNED

AGREEMENTS = """\
  - id: BS-06
    title: Kantoor Dijkzicht wordt 36 jongerenwoningen
    text: Woonstichting B transformeert Dijkzicht tot 36 jongerenwoningen, mits de vergunning er komt.
    theme: beschikbaarheid
    kind: process
    owner: corp-b
    conditions:
      - {id: vergunning, text: De omgevingsvergunning wordt onherroepelijk., kind: decision}
    deadline: 2027-06-30
    frequency: quarterly
  - id: BT-03
    title: Middenhuur tussen 850 en 1.000 euro
    text: Woonstichting A verhuurt de 40 middenhuurwoningen voor 850 tot 1000 euro per maand.
    theme: betaalbaarheid
    owner: corp-a
    target: {metric: kale aanvangshuur, unit: euro per maand, value: 850, comparison: between,
             upper: 1000}
    deadline: 2027-12-31
  - id: LV-01
    title: Deelname aan het wijkoverleg
    text: De corporaties blijven deelnemen aan het wijkoverleg Oost, dat elk kwartaal bijeenkomt.
    theme: leefbaarheid
    kind: process
    owner: corporaties
    per_event: bij elk wijkoverleg
    ongoing: true
"""
# Each change of a promise that was missed before: when it applies, its conditions,
# where, how often, the range of a target, and that it is a duty for the whole term.
CHANGED = (
    AGREEMENTS.replace(
        "    kind: process\n    owner: corp-b\n",
        "    kind: process\n    owner: corp-b\n    scope: wijk Dijkzicht\n",
    )
    .replace("wordt onherroepelijk.,", "is verleend.,")
    .replace(
        "    deadline: 2027-06-30\n", "    effective_from: 2026-03-01\n    deadline: 2027-06-30\n"
    )
    .replace("frequency: quarterly", "frequency: half-yearly")
    .replace("upper: 1000}", "upper: 1100}")
    .replace("    ongoing: true\n", "    deadline: 2029-12-31\n")
)
ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_AUTHOR_DATE": "2026-01-05T12:00:00",
    "GIT_COMMITTER_DATE": "2026-01-05T12:00:00",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True)


def test_every_material_change_without_an_amendment_is_named(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(f"{HEAD}agreements:\n{EVALUATION}{AGREEMENTS}{SIGNED}", encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "set.yaml")
    _git(tmp_path, "commit", "-q", "-m", "Getekende afspraken")
    path.write_text(f"{HEAD}agreements:\n{EVALUATION}{CHANGED}{SIGNED}", encoding="utf-8")
    done = subprocess.run(
        [
            *(sys.executable, "-m", "prestatie_cli", "check"),
            *("--as-of", "2026-03-01", "--against", "HEAD", "set.yaml"),
        ],
        cwd=tmp_path,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (1, "")
    found = [line for line in done.stdout.splitlines() if "P615" in line]
    # Where BT-03 and LV-01 start in the changed file (BS-06 has two lines more).
    bt03 = FIRST + 12
    lv01 = bt03 + 8
    assert found == [
        f"set.yaml:{FIRST + 6}:5: P615 fout Bij BS-06 is scope, conditions, effective_from, "
        "frequency gewijzigd sinds HEAD, maar er is geen nieuw amendement.",
        f"set.yaml:{bt03 + 5}:5: P615 fout Bij BT-03 is target gewijzigd sinds HEAD, maar er "
        "is geen nieuw amendement.",
        # 'ongoing' is gone: the first change found is the new deadline.
        f"set.yaml:{lv01 + 7}:5: P615 fout Bij LV-01 is deadline, ongoing gewijzigd sinds "
        "HEAD, maar er is geen nieuw amendement.",
    ]
