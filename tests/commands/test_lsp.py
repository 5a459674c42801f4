"""prestatie lsp started by a person at a terminal rather than by an editor."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from prestatie_cli.messages import text
from tests.conftest import REPO


@pytest.mark.parametrize(("args", "lang"), [((), "nl"), (("--lang", "en"), "en")])
def test_a_terminal_is_told_what_the_server_waits_for(args: tuple[str, ...], lang: str) -> None:
    typed, terminal = pty.openpty()  # the terminal, and its other end to type into
    try:
        with subprocess.Popen(
            [sys.executable, "-m", "prestatie_cli", "lsp", *args],
            cwd=REPO,
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PRESTATIE_LANG": ""},
        ) as started:
            os.write(typed, b"\x04")  # Ctrl-D: the end of the input, read when it reads
            out, err = started.communicate(timeout=30)
    finally:
        os.close(typed)
        os.close(terminal)
    assert (started.returncode, out) == (0, b"")
    assert err.decode("utf-8") == text("lsp.terminal", "en" if lang == "en" else "nl") + "\n"


def test_an_editor_is_not_told() -> None:
    # Started by an editor (a pipe, not a terminal): stderr stays empty.
    done = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "lsp"],
        cwd=REPO,
        input=b"",
        capture_output=True,
        timeout=30,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")
