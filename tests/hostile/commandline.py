"""The command line as a user runs it, for the adversarial corpus: a real process."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.commandline import in_subprocess


def prestatie(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``prestatie ARGS`` in ``cwd``, without the cache (each case reads its files afresh)."""
    return in_subprocess(*args, cwd=cwd, env={"PRESTATIE_NO_CACHE": "1"}, timeout=120)
