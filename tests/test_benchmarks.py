"""The benchmark tools measure what they say (the benchmarks themselves run in benchmarks/)."""

from __future__ import annotations

import subprocess
import sys

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
