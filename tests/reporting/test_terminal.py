"""Terminal habits: --quiet, colour only on a terminal and never with NO_COLOR, a progress bar.

A pseudo-terminal (pty) stands in for a real one, so that isatty() is true where it should be.
"""

from __future__ import annotations

import errno
import json
import os
import pty
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, REQUIREMENT, base_set, write_yaml

AS_OF = "2026-11-21"
# Inside the term of tests.conftest.base_set(), before its deadline: nothing is overdue yet.
DURING = "2019-06-30"
EXAMPLES = ("examples/afspraken", "examples/monitor")
_SGR = re.compile(r"\x1b\[[0-9;]*m")  # colour and style


def _environment(**extra: str) -> dict[str, str]:
    """A plain terminal environment; none of the variables that switch colour on or off."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"}
    }
    # No cached results: a bar is drawn while files are read, and a cached run reads none.
    env.update(
        {"TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40", "PRESTATIE_NO_CACHE": "1"}
    )
    env.update(extra)
    return env


def run(
    *args: str | Path, cwd: Path = REPO, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", *map(str, args)],
        cwd=cwd,
        env=env or _environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@dataclass(frozen=True)
class Terminal:
    returncode: int
    terminal: str  # what the pseudo-terminal showed
    piped: str  # the other stream, through a pipe (a file)


def on_terminal(
    *args: str | Path, stream: str, tmp_path: Path, env: dict[str, str], cwd: Path = REPO
) -> Terminal:
    """Run with ``stream`` ('stdout' or 'stderr') on a pseudo-terminal, the other to a file."""
    leader, follower = pty.openpty()
    other = tmp_path / f"piped-{stream}.txt"
    with other.open("wb") as piped:
        streams = {"stdout": piped, "stderr": piped} | {stream: follower}
        process = subprocess.Popen(
            [sys.executable, "-m", "prestatie_cli", *map(str, args)],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=streams["stdout"],
            stderr=streams["stderr"],
        )
        os.close(follower)
        shown = bytearray()
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError as error:  # EIO: the process closed its end
                assert error.errno == errno.EIO
                break
            if not chunk:
                break
            shown += chunk
        os.close(leader)
        code = process.wait(timeout=60)
    return Terminal(code, shown.decode("utf-8"), other.read_text(encoding="utf-8"))


# --- --quiet ------------------------------------------------------------------------------------


def _broken(tmp_path: Path) -> Path:
    data = base_set()
    data["agreements"][0]["owner"] = "corp-b"
    data["agreements"][0]["title"] = "Wij streven naar nieuwe woningen"
    return write_yaml(tmp_path / "set.yaml", data)


def test_quiet_leaves_out_hints_and_summary(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    problems = [
        f"{path}:17:13: P602 waarschuwing Partij 'corp-a' is bij geen enkele afspraak trekker of "
        "bijdrager.",
        f"{path}:30:21: S101 waarschuwing Resultaatafspraak BS-01 gebruikt de vage formulering "
        "'streven naar'.",
        f"{path}:34:16: A302 fout De trekker 'corp-b' van BS-01 is geen partij in deze set.",
    ]
    loud = run("check", "--as-of", DURING, path, cwd=tmp_path)
    assert loud.returncode == 1
    lines = loud.stdout.splitlines()
    assert [line for line in lines if not line.startswith("    tip: ")][:-1] == problems
    assert len(lines) == 7
    assert lines[-1] == (
        "1 bestand(en) gecontroleerd: 1 fout(en), 2 waarschuwing(en), 0 info, 0 uitgezonderd."
    )
    for option in ("--quiet", "-q"):
        quiet = run(option, "check", "--as-of", DURING, path, cwd=tmp_path)
        assert (quiet.returncode, quiet.stderr) == (1, "")
        assert quiet.stdout == "".join(f"{line}\n" for line in problems)


@pytest.mark.parametrize(
    ("output_format", "loud", "quiet"),
    [
        (
            "text",
            [
                "set.yaml:30:21: S101 waarschuwing Vage formulering.",
                "    tip: Schrijf wat er gebeurt.",
                "1 bestand(en) gecontroleerd: 0 fout(en), 1 waarschuwing(en), 0 info, "
                "0 uitgezonderd.",
            ],
            ["set.yaml:30:21: S101 waarschuwing Vage formulering."],
        ),
        (
            "github",
            [
                "::warning file=set.yaml,line=30,col=21,title=S101::Vage formulering. "
                "Schrijf wat er gebeurt.",
                "1 bestand(en) gecontroleerd: 0 fout(en), 1 waarschuwing(en), 0 info, "
                "0 uitgezonderd.",
            ],
            [
                "::warning file=set.yaml,line=30,col=21,title=S101::Vage formulering. "
                "Schrijf wat er gebeurt."
            ],
        ),
    ],
)
def test_quiet_is_an_argument_of_a_check_format(
    output_format: str, loud: list[str], quiet: list[str]
) -> None:
    from prestatie_cli.check.result import CheckResult
    from prestatie_cli.model.problems import Problem
    from prestatie_cli.reporting.check_formats import CHECK_FORMATS

    problem = Problem(
        "set.yaml", 30, 21, "S101", "warning", "Vage formulering.", "Schrijf wat er gebeurt."
    )
    result = CheckResult(1, (problem,), ())
    render = CHECK_FORMATS[output_format]
    assert render(result, "nl", quiet=False).splitlines() == loud
    assert render(result, "nl", quiet=True).splitlines() == quiet


def test_quiet_github_format_has_only_the_annotations(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    quiet = run("-q", "check", "--format", "github", "--as-of", DURING, path, cwd=tmp_path)
    assert quiet.returncode == 1
    lines = quiet.stdout.splitlines()
    assert len(lines) == 3
    assert all(line.startswith(("::warning file=", "::error file=")) for line in lines)


def test_quiet_clean_check_prints_nothing(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "set.yaml", base_set())
    done = run("-q", "check", "--as-of", DURING, path, cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    loud = run("check", "--as-of", DURING, path, cwd=tmp_path)
    assert loud.stdout == "1 bestand(en) gecontroleerd: geen problemen gevonden.\n"


def test_quiet_leaves_out_what_init_and_report_say_they_wrote(tmp_path: Path) -> None:
    init = run(
        "-q", "init", "demo", "--start-year", "2026", "--requirement", REQUIREMENT, cwd=tmp_path
    )
    assert (init.returncode, init.stdout, init.stderr) == (0, "", "")
    assert (tmp_path / "demo" / "afspraken" / "demo-2026-2029.yaml").is_file()
    report = run("-q", "report", "-o", tmp_path / "rapport.md", *EXAMPLES)
    assert (report.returncode, report.stdout, report.stderr) == (0, "", "")
    assert (tmp_path / "rapport.md").stat().st_size > 0


def test_quiet_leaves_out_what_export_says_it_wrote(tmp_path: Path) -> None:
    done = run("-q", "export", "--as-of", AS_OF, "-o", tmp_path / "afspraken.csv", *EXAMPLES)
    assert done.returncode == 0
    assert (tmp_path / "afspraken.csv").is_file()
    assert (done.stdout, done.stderr) == ("", "")


# --- Colour --------------------------------------------------------------------------------------

STATUS = ("status", "--as-of", AS_OF, *EXAMPLES)


def test_status_is_coloured_on_a_terminal(tmp_path: Path) -> None:
    shown = on_terminal(*STATUS, stream="stdout", tmp_path=tmp_path, env=_environment())
    assert shown.returncode == 0
    assert "\x1b[" in shown.terminal
    assert "behaald" in shown.terminal
    assert shown.piped == ""


@pytest.mark.parametrize(
    ("options", "extra"),
    [((), {"NO_COLOR": "1"}), (("--no-color",), {}), (("--no-color",), {"NO_COLOR": "1"})],
    ids=["NO_COLOR", "--no-color", "both"],
)
def test_no_colour_on_a_terminal_when_asked(
    tmp_path: Path, options: tuple[str, ...], extra: dict[str, str]
) -> None:
    shown = on_terminal(
        *options, *STATUS, stream="stdout", tmp_path=tmp_path, env=_environment(**extra)
    )
    assert shown.returncode == 0
    assert "\x1b[" not in shown.terminal
    # The status is in words all the same.
    assert "behaald" in shown.terminal
    assert "achter" in shown.terminal


def test_no_colour_through_a_pipe() -> None:
    done = run(*STATUS)
    assert done.returncode == 0
    assert "\x1b[" not in done.stdout
    assert "behaald" in done.stdout


# --- Progress bar ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """250 small sets, each valid and with an id of its own."""
    folder = tmp_path_factory.mktemp("many")
    for number in range(250):
        data = base_set()
        data["id"] = f"set-{number:03d}-2016-2019"
        write_yaml(folder / f"set-{number:03d}.yaml", data)
    return folder


CLEAN_250 = "250 bestand(en) gecontroleerd: geen problemen gevonden.\n"


def test_progress_bar_on_a_terminal_for_many_files(tmp_path: Path, many: Path) -> None:
    shown = on_terminal(
        "check", "--as-of", DURING, ".", stream="stderr", tmp_path=tmp_path, env=_environment(),
        cwd=many,
    )  # fmt: skip
    assert shown.returncode == 0
    assert shown.piped == CLEAN_250  # stdout is the same as without a bar
    assert "prestatie" in shown.terminal
    assert "250/250" in shown.terminal
    assert "━" in shown.terminal


def test_no_progress_bar_through_a_pipe(many: Path) -> None:
    done = run("check", "--as-of", DURING, ".", cwd=many)
    assert (done.returncode, done.stdout, done.stderr) == (0, CLEAN_250, "")


def test_progress_bar_without_colour_with_no_color(tmp_path: Path, many: Path) -> None:
    shown = on_terminal(
        "check", "--as-of", DURING, ".", stream="stderr", tmp_path=tmp_path,
        env=_environment(NO_COLOR="1"), cwd=many,
    )  # fmt: skip
    assert shown.returncode == 0
    assert shown.piped == CLEAN_250
    assert "250/250" in shown.terminal
    assert _SGR.findall(shown.terminal) == []


def test_no_progress_bar_when_quiet(tmp_path: Path, many: Path) -> None:
    shown = on_terminal(
        "-q", "check", "--as-of", DURING, ".", stream="stderr", tmp_path=tmp_path,
        env=_environment(), cwd=many,
    )  # fmt: skip
    assert (shown.returncode, shown.terminal, shown.piped) == (0, "", "")


def test_no_progress_bar_for_fewer_than_200_files(tmp_path: Path, many: Path) -> None:
    files = sorted(path.name for path in many.iterdir())[:199]
    shown = on_terminal(
        "check", "--as-of", DURING, *files, stream="stderr", tmp_path=tmp_path,
        env=_environment(), cwd=many,
    )  # fmt: skip
    assert shown.returncode == 0
    assert shown.piped == "199 bestand(en) gecontroleerd: geen problemen gevonden.\n"
    assert "/199" not in shown.terminal
    assert "━" not in shown.terminal


def test_progress_bar_leaves_json_output_alone(tmp_path: Path, many: Path) -> None:
    shown = on_terminal(
        "check", "--as-of", DURING, "--format", "json", ".", stream="stderr", tmp_path=tmp_path,
        env=_environment(), cwd=many,
    )  # fmt: skip
    assert shown.returncode == 0
    assert "250/250" in shown.terminal
    report = json.loads(shown.piped)
    assert (report["files"], report["problems"]) == (250, [])
    assert shown.piped == run("check", "--as-of", DURING, "--format", "json", ".", cwd=many).stdout
