"""The command line run in this process, and the facts of the exported examples, for the table tests."""

from __future__ import annotations

import contextlib
import contextvars
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from unittest import mock

from prestatie_cli.cli import main
from tests.conftest import REPO

AS_OF = "2026-11-21"
EXAMPLES = ("examples/afspraken", "examples/monitor")
FIELDS = [
    "set", "id", "title", "theme", "kind", "owner", "contributors", "text", "metric", "unit",
    "comparison", "target", "cumulative", "recurring", "baseline", "baseline_date", "deadline",
    "frequency", "source", "latest", "measured_on", "status", "parent", "addressed_to", "answer",
    "answer_date", "answer_note", "scope", "per_event", "conditions", "effective_from", "ongoing",
    "beyond_term", "upper", "approximate", "index", "counting", "per_year", "split", "milestones",
]  # fmt: skip
# The columns of the first tables, which a table of before issue 13 has.
V1_HEADER = (
    "set;nr;titel;thema;soort;trekker;bijdragers;afspraak;maat;eenheid;vergelijking;streefwaarde;"
    "cumulatief;per periode;nulmeting;datum nulmeting;termijn;meetfrequentie;bron doel;"
    "laatste meting;gemeten op;status"
)
HEADER = (
    f"{V1_HEADER};onderdeel van;gevraagd aan;antwoord;datum antwoord;toelichting antwoord;"
    "geldt voor;per gebeurtenis;voorbehoud;ingangsdatum;doorlopend;na de looptijd;bovengrens;"
    "circa;index;telling;per jaar;verdeling;tussendoelen"
)
# Rows of the examples: the first three sets, and the Weidemeer frame with its two slices.
ROWS = 45 + 26 + 3 + 5
FILLS = {"green": "00D8F3DC", "orange": "00FFE8B3", "red": "00F8D0D3", "grey": "00E5E7EB"}


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


def run(*args: str | Path, cwd: Path = REPO) -> Done:
    """The command line in this process, as main() runs it (exit codes, messages); fast."""
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


def run_process(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """The command line as a user runs it: a real process."""
    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@cache
def exported(output_format: str) -> Done:
    return run("export", "--as-of", AS_OF, "--format", output_format, *EXAMPLES)
