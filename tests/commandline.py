"""prestatie's command line as the tests run it: in this process (fast, exit codes and
messages as main() gives them) or as a real process (as a user runs it)."""

from __future__ import annotations

import contextlib
import contextvars
import io
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from prestatie_cli.cli import main
from tests.conftest import REPO


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


def _main() -> int:
    try:
        main()
    except SystemExit as exit_:
        assert isinstance(exit_.code, int)
        return exit_.code
    raise AssertionError("main() always exits")


def in_process(*args: str | Path, cwd: Path = REPO) -> Done:
    """``prestatie ARGS`` in ``cwd``, run by main() in this process."""
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(cwd)
    try:
        with (
            mock.patch.object(sys, "argv", ["prestatie", *map(str, args)]),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            # In a context of its own: the language and --quiet it sets do not outlive the run.
            code = contextvars.copy_context().run(_main)
    finally:
        os.chdir(here)
    return Done(code, out.getvalue(), err.getvalue())


def in_subprocess(
    *args: str | Path,
    cwd: Path = REPO,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """``prestatie ARGS`` in ``cwd`` as a real process, with ``env`` added to the
    environment."""
    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, **(env or {})},
    )
