"""The command line as a user runs it: a real process, exit codes and output."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from prestatie_cli import __version__
from tests.commandline import in_subprocess as run
from tests.conftest import REPO, base_set, write_yaml

# Inside the example set's term: checked without a monitor, no deadline has passed yet.
DURING = ("--as-of", "2019-06-30")


def _broken(tmp_path: Path) -> Path:
    data = base_set()
    data["agreements"][0]["owner"] = "corp-b"
    data["agreements"][0]["title"] = "Wij streven naar nieuwe woningen"
    return write_yaml(tmp_path / "set.yaml", data)


def test_version() -> None:
    done = run("--version")
    assert (done.returncode, done.stdout) == (0, f"prestatie {__version__}\n")


def test_help_of_every_command_shows_an_example() -> None:
    commands = (
        "init", "check", "status", "record", "report", "diff", "log", "sign", "export",
        "import", "rules", "schema",
    )  # fmt: skip
    listing = run("--help").stdout
    for command in commands:
        assert f"│ {command} " in listing
    for command in commands:
        done = run(command, "--help")
        assert done.returncode == 0
        # An example below the usage line (rich may wrap it over two lines).
        body = done.stdout.split("Gebruik:", 1)[1].split("\n", 1)[1]
        assert f"prestatie {command}" in " ".join(body.split()), command


def _registries() -> list[tuple[str, str, Iterable[str]]]:
    from prestatie_cli.messages import LANGUAGES
    from prestatie_cli.reporting.check_formats import CHECK_FORMATS
    from prestatie_cli.reporting.diff_formats import DIFF_FORMATS
    from prestatie_cli.reporting.export_formats import EXPORT_FORMATS
    from prestatie_cli.reporting.log_formats import LOG_FORMATS
    from prestatie_cli.reporting.report_formats import REPORT_FORMATS
    from prestatie_cli.reporting.rules_formats import RULES_FORMATS
    from prestatie_cli.reporting.status_formats import STATUS_FORMATS

    return [
        ("check", "--format", CHECK_FORMATS),
        ("status", "--format", STATUS_FORMATS),
        ("report", "--format", REPORT_FORMATS),
        ("diff", "--format", DIFF_FORMATS),
        ("log", "--format", LOG_FORMATS),
        ("export", "--format", EXPORT_FORMATS),
        ("rules", "--format", RULES_FORMATS),
        ("rules", "--lang", LANGUAGES),
    ]


@pytest.mark.parametrize(("command", "option", "names"), _registries())
def test_the_choices_of_an_option_are_the_names_it_is_defined_by(
    command: str, option: str, names: Iterable[str]
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", command, "--help"],
        env={**os.environ, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    # The option's row in the table of options and the rows its help goes on over: its
    # help ends with the choices.
    lines = done.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"│ {option} "))
    cell = [lines[start]]
    cell += itertools.takewhile(lambda line: line.startswith("│  "), lines[start + 1 :])
    shown = re.search(r"Keuze uit: ([\w, ]+)\.", " ".join(" ".join(cell).split()))
    assert shown is not None
    assert shown.group(1).split(", ") == list(names)


def test_check_text_output(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    done = run("check", *DURING, path, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0] == (
        f"{path}:17:13: P602 waarschuwing Partij 'corp-a' is bij geen enkele afspraak trekker of "
        "bijdrager."
    )
    assert lines[2] == (
        f"{path}:30:21: S101 waarschuwing Resultaatafspraak BS-01 gebruikt de vage formulering "
        "'streven naar'."
    )
    assert lines[4] == (
        f"{path}:34:16: A302 fout De trekker 'corp-b' van BS-01 is geen partij in deze set."
    )
    assert lines[5] == (
        "    tip: Bedoelt u 'corp-a'? Gebruik de id van een partij uit 'parties': "
        "gemeente, corp-a, hv-a."
    )
    assert lines[6] == (
        "1 bestand(en) gecontroleerd: 1 fout(en), 2 waarschuwing(en), 0 info, 0 uitgezonderd."
    )
    assert len(lines) == 7


def test_check_json_output(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    done = run("check", *DURING, "--format", "json", "--lang", "en", path, cwd=tmp_path)
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["version"] == 1
    assert report["files"] == 1
    assert report["summary"] == {"errors": 1, "warnings": 2, "infos": 0, "waived": 0}
    assert [(p["code"], p["line"], p["column"], p["severity"]) for p in report["problems"]] == [
        ("P602", 17, 13, "warning"),
        ("S101", 30, 21, "warning"),
        ("A302", 34, 16, "error"),
    ]
    assert report["waived"] == []
    first = report["problems"][1]
    assert set(first) == {"path", "line", "column", "code", "severity", "message", "hint"}
    assert first["path"] == str(path)
    assert first["message"] == "Result agreement BS-01 uses the vague phrase 'streven naar'."


def test_check_github_output(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    done = run("check", *DURING, "--format", "github", path, cwd=tmp_path)
    assert done.returncode == 1
    first = done.stdout.splitlines()[0]
    assert first.startswith(f"::warning file={path},line=17,col=13,title=P602::Partij 'corp-a'")


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    data = base_set()
    del data["agreements"][0]["target"]["baseline"]
    path = write_yaml(tmp_path / "set.yaml", data)
    assert run("check", *DURING, path, cwd=tmp_path).returncode == 0
    assert run("check", *DURING, "--strict", path, cwd=tmp_path).returncode == 1


def test_config_sets_language_and_severity(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    (tmp_path / "prestatie.yaml").write_text(
        "kind: config\nversion: 1\nlang: en\nrules:\n  A302: warning\n  S101: 'off'\n",
        encoding="utf-8",
    )
    done = run("check", *DURING, "--format", "json", path, cwd=tmp_path)
    report = json.loads(done.stdout)
    assert done.returncode == 0
    assert [(p["code"], p["severity"]) for p in report["problems"]] == [
        ("P602", "warning"),
        ("A302", "warning"),
    ]
    assert report["problems"][1]["message"].startswith("The owner 'corp-b'")
    # --lang on the command line wins over the file.
    dutch = run("check", *DURING, "--format", "json", "--lang", "nl", path, cwd=tmp_path)
    assert json.loads(dutch.stdout)["problems"][1]["message"].startswith("De trekker")


def test_broken_config_is_reported_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "prestatie.yaml").write_text(
        "kind: config\nversion: 1\nlnag: en\n", encoding="utf-8"
    )
    done = run("check", write_yaml(tmp_path / "s.yaml", base_set()), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(
        f"{tmp_path / 'prestatie.yaml'}:3:1: V001 fout Onbekend veld 'lnag'."
    )
    assert "Bedoelt u 'lang'?" in done.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (
            ["check", "--as-of", "21-11-2026", "x.yaml"],
            "geen datum als JJJJ-MM-DD; schrijf 2026-11-21",
        ),
        (["check", "--format", "xml", "x.yaml"], "xml"),
        (["check", "--lang", "de", "x.yaml"], "de"),
        (["nonsense"], "nonsense"),
    ],
)
def test_usage_errors_exit_2(args: list[str], needle: str, tmp_path: Path) -> None:
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert needle in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_path_exits_2(tmp_path: Path) -> None:
    done = run("check", "nergens.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.startswith("nergens.yaml:1:1: Y001 fout Het bestand bestaat niet.")


def test_directory_without_yaml_exits_2(tmp_path: Path) -> None:
    done = run("check", tmp_path, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"Geen YAML-bestanden gevonden in {tmp_path}.\n"


def test_rules_lists_every_rule() -> None:
    from prestatie_cli.rules import REGISTRY

    done = run("rules", "--format", "json", "--lang", "en")
    listing = json.loads(done.stdout)
    assert [rule["code"] for rule in listing] == sorted(REGISTRY)
    s101 = next(rule for rule in listing if rule["code"] == "S101")
    assert s101["severity"] == "warning"
    assert s101["title"] == "Vague wording"
    assert "streeft naar" in s101["example_fail"]
    text = run("rules").stdout
    assert "S101  vague-wording  (standaard ernst: waarschuwing)" in text
    assert "  Goed:\n" in text and "  Fout:\n" in text


def test_schema_check_detects_stale_file(tmp_path: Path) -> None:
    written = run("schema", "--output-dir", tmp_path / "schemas", cwd=tmp_path)
    assert written.returncode == 0
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == [
        "agreements.schema.json",
        "config.schema.json",
        "monitor.schema.json",
    ]
    assert run("schema", "--check", "--output-dir", tmp_path / "schemas").returncode == 0
    (tmp_path / "schemas" / "monitor.schema.json").write_text("{}\n", encoding="utf-8")
    stale = run("schema", "--check", "--output-dir", tmp_path / "schemas")
    assert stale.returncode == 1
    assert "monitor.schema.json" in stale.stderr


def test_severities_are_words_of_the_language(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    english = run("check", *DURING, "--lang", "en", path, cwd=tmp_path).stdout.splitlines()
    assert english[0].startswith(f"{path}:17:13: P602 warning Party 'corp-a'")
    assert english[4].startswith(f"{path}:34:16: A302 error The owner 'corp-b'")


@pytest.mark.parametrize(
    "args",
    [
        ["-q", "--no-color", "--lang", "en", "check"],
        ["check", "-q", "--no-color", "--lang", "en"],
        ["--quiet", "check", "--no-color", "--lang=en"],
        ["--lang", "en", "-q", "check", "--no-color"],
    ],
)
def test_global_options_go_before_or_after_the_command(args: list[str], tmp_path: Path) -> None:
    path = _broken(tmp_path)
    done = run(*args, *DURING, path, cwd=tmp_path)
    assert done.returncode == 1
    # Quiet: the problems without their hints and summary; English.
    assert [line.split(": ", 1)[1][:13] for line in done.stdout.splitlines()] == [
        "P602 warning ",
        "S101 warning ",
        "A302 error Th",
    ]


def test_the_environment_chooses_the_language(tmp_path: Path) -> None:
    path = _broken(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "check", *DURING, "-q", str(path)],
        env={**os.environ, "PRESTATIE_LANG": "en"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.splitlines()[2].endswith(
        "A302 error The owner 'corp-b' of BS-01 is not a party to this set."
    )
    # --lang wins over the environment.
    dutch = run("check", *DURING, "-q", "--lang", "nl", path, cwd=tmp_path)
    assert " A302 fout De trekker " in dutch.stdout


def test_short_version() -> None:
    done = run("-V")
    assert (done.returncode, done.stdout) == (0, f"prestatie {__version__}\n")


def test_rules_shows_the_rules_asked_for() -> None:
    one = run("rules", "s101", "--lang", "en")
    assert one.returncode == 0
    assert one.stdout.startswith("S101  vague-wording  (default severity: warning)\n")
    assert [line[:4] for line in one.stdout.splitlines() if line[:1].isupper()] == ["S101"]
    two = json.loads(run("rules", "S101", "T504", "--format", "json").stdout)
    assert [rule["code"] for rule in two] == ["S101", "T504"]
    unknown = run("rules", "S1O1")
    assert (unknown.returncode, unknown.stdout) == (2, "")
    assert unknown.stderr == (
        "prestatie: Er is geen regel S1O1 (dichtbij: S101); 'prestatie rules' toont ze alle.\n"
    )
    far = run("rules", "X999")
    assert (far.returncode, far.stderr) == (
        2,
        "prestatie: Er is geen regel X999; 'prestatie rules' toont ze alle.\n",
    )


def test_status_takes_a_dutch_status() -> None:
    examples = REPO / "examples"
    dutch = run(
        "status",
        "--status",
        "vervallen",
        "--format",
        "json",
        examples / "afspraken",
        examples / "monitor",
    )
    english = run(
        "status",
        "--status",
        "lapsed",
        "--format",
        "json",
        examples / "afspraken",
        examples / "monitor",
    )
    assert dutch.returncode == english.returncode == 0
    assert dutch.stdout == english.stdout
