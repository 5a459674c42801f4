"""The command line as a user runs it, for the adversarial corpus: a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def prestatie(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``prestatie ARGS`` in ``cwd``, without the cache (each case reads its files afresh)."""
    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PRESTATIE_NO_CACHE": "1"},
    )
