"""The benchmark tools measure what they say (the benchmarks themselves run in benchmarks/)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tests.conftest import REPO

TOOL = REPO / "benchmarks" / "peak_memory.py"
HOLD = (
    "import time; x = bytearray({mb} * 2**20); x[::4096] = b'1' * len(x[::4096]); time.sleep(0.5)"
)


def _peak(*command: str) -> tuple[int, int]:
    done = subprocess.run(
        [sys.executable, str(TOOL), *command], capture_output=True, text=True, check=True
    )
    total, largest = done.stdout.split()
    return int(total), int(largest)


def test_peak_memory_of_one_process() -> None:
    total, largest = _peak(sys.executable, "-c", HOLD.format(mb=120))
    assert 120 <= largest == total < 200


def test_peak_memory_adds_up_the_processes_a_command_starts() -> None:
    child = (
        f"import subprocess, sys; subprocess.run([sys.executable, '-c', {HOLD.format(mb=150)!r}])"
    )
    parent = f"import subprocess, sys; x = bytearray(100 * 2**20); x[::4096] = b'1' * len(x[::4096]); subprocess.run([sys.executable, '-c', {child!r}])"
    total, largest = _peak(sys.executable, "-c", parent)
    assert 150 <= largest < 200
    assert total >= 250


CLONE = REPO / "benchmarks" / "clone_examples.py"
SUMMARY = REPO / "benchmarks" / "summary.py"


def _clone(out: Path, sets: int) -> str:
    done = subprocess.run(
        [sys.executable, str(CLONE), str(out), "--sets", str(sets)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_cloned_examples_are_checked_with_many_findings(tmp_path: Path) -> None:
    assert _clone(tmp_path / "a", 8) == "8 sets, 718 agreements, 14 files, 0.7 MB\n"
    names = sorted(path.name for path in (tmp_path / "a" / "afspraken").iterdir())
    assert names[:2] == [
        "bodegraven-reeuwijk-2016-2019-n001.yaml",
        "bodegraven-reeuwijk-2016-2019-n005.yaml",
    ]
    assert len(names) == 8
    assert len(list((tmp_path / "a" / "monitor").iterdir())) == 6
    done = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "-q", "check", "--as-of", "2026-11-21", "a"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PRESTATIE_NO_CACHE": "1"},
    )
    assert done.returncode == 0
    codes = Counter(line.split()[1] for line in done.stdout.splitlines())
    # Every file is read and validated (no Y or V code); the repetitions carry findings.
    assert codes == {"T504": 74, "R402": 13, "P613": 3, "P621": 1}


def test_cloning_is_deterministic(tmp_path: Path) -> None:
    _clone(tmp_path / "a", 5)
    _clone(tmp_path / "b", 5)
    first = {
        p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*.yaml")
    }
    second = {
        p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*.yaml")
    }
    assert len(first) == 9  # 5 sets, 4 of them with a monitor
    assert first == second


def _hyperfine(path: Path, means: dict[str, float]) -> None:
    results = [{"command": name, "mean": mean} for name, mean in means.items()]
    path.write_text(json.dumps({"results": results}), encoding="utf-8")


def test_summary_takes_the_faster_floor_and_says_which_goals_are_met(tmp_path: Path) -> None:
    _hyperfine(
        tmp_path / "kloon.json",
        {
            "C parser event stream, clibz (prestatie's)": 1.5,
            "C parser event stream, clib (check-jsonschema's)": 1.4,
            "prestatie check, cold": 3.5,
            "prestatie check, warm": 0.3,
            "check-jsonschema, C loader (shape only)": 17.5,
            "yamllint (YAML style only)": 70.0,
        },
    )
    _hyperfine(tmp_path / "kloon-warm.json", {"prestatie check, warm": 0.25})
    (tmp_path / "memory.txt").write_text(
        "command | all | largest\n---|---:|---:\ncheck kloon, cold | 120 | 50\n"
        "status kloon | 501 | 400\nreport kloon | 450 | 400\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(SUMMARY), str(tmp_path)], capture_output=True, text=True, check=True
    )
    lines = done.stdout.splitlines()
    assert lines[2] == (
        "| examples cloned (clone_examples.py) | 1.40 s | 3.50 s | 2.50 x | 17.5 s | 5.0 x "
        "| 70 s | 20 x | 0.25 s |"
    )
    assert lines[-6:] == [
        "| kloon: `check` cold ≥ 5 x faster than check-jsonschema | 5.0 x | met |",
        "| kloon: `check` cold ≤ 2 x the floor | 2.50 x | **not met** |",
        "| kloon: `check` warm < 0.5 s | 0.25 s | met |",
        "| kloon: peak memory of `check` < 500 MB | 120 MB | met |",
        "| kloon: peak memory of `status` < 500 MB | 501 MB | **not met** |",
        "| kloon: peak memory of `report` < 500 MB | 450 MB | met |",
    ]
