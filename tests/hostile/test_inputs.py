"""Hostile and odd input the loader, the model and record must refuse cleanly.

Each case runs the command line as a user does (a real process) and asserts the exit
code, the message and what is on disk afterwards. None may end in exit 70.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import base_monitor, base_set, write_yaml
from tests.hostile.commandline import prestatie


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def test_an_unknown_yaml_version_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "set.yaml").write_text("%YAML 1.3\n---\nkind: agreements\n", encoding="utf-8")
    done = prestatie("check", "set.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.splitlines()[:2] == [
        "set.yaml:1:1: Y005 fout Dit is geen geldige YAML: %YAML 1.3.",
        "    tip: prestatie leest YAML 1.1 en 1.2; laat de regel '%YAML' weg of schrijf "
        "'%YAML 1.2'.",
    ]


@pytest.mark.parametrize("year", ["9999", "26"])
def test_init_refuses_a_start_year_outside_the_era(tmp_path: Path, year: str) -> None:
    done = prestatie("init", "nieuw", "--start-year", year, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        f"prestatie: Het beginjaar {year} kan niet: kies een jaar van 1990 tot en met 2199, "
        "voluit geschreven (bijvoorbeeld 2026). Er is niets geschreven.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_term_to_the_end_of_the_calendar_is_checked_and_reported(tmp_path: Path) -> None:
    data = base_set()
    data["period"]["end"] = "9999-12-31"
    data["agreements"][0]["deadline"] = "9999-12-31"
    write_yaml(tmp_path / "afspraken" / "set.yaml", data)
    write_yaml(tmp_path / "monitor" / "set.yaml", base_monitor())
    for command in (["check"], ["status"], ["report", "-o", "rapport.md"]):
        done = prestatie(*command, "--as-of", "2026-11-21", "afspraken", "monitor", cwd=tmp_path)
        assert (command, done.returncode, "unexpected" in done.stderr) == (command, 0, False)
    assert (tmp_path / "rapport.md").is_file()


@pytest.mark.parametrize(("written", "shown"), [("true", "true"), ("1.0", "1.0")])
def test_only_the_integer_1_is_version_1(tmp_path: Path, written: str, shown: str) -> None:
    (tmp_path / "monitor.yaml").write_text(
        f"kind: monitor\nversion: {written}\nset: x\nmeasurements: []\n", encoding="utf-8"
    )
    done = prestatie("check", "monitor.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        f"monitor.yaml:2:10: V003 fout Ongeldige waarde voor 'version': '{shown}' is niet "
        "toegestaan; kies uit 1."
    )


def _recordable(tmp_path: Path) -> Path:
    write_yaml(tmp_path / "afspraken" / "set.yaml", base_set())
    monitor = tmp_path / "monitor" / "voorbeeld-2016-2019.yaml"
    monitor.parent.mkdir()
    monitor.write_text(
        "kind: monitor\nversion: 1\nset: voorbeeld-2016-2019\nmeasurements:\n"
        "  - {agreement: BS-01, date: 2016-12-31, value: 30}\n",
        encoding="utf-8",
    )
    return monitor


def test_record_refuses_a_whole_number_it_cannot_keep_exactly(tmp_path: Path) -> None:
    monitor = _recordable(tmp_path)
    before = monitor.read_bytes()
    done = prestatie("record", "BS-01", "99999999999999999", "--date", "2016-06-30", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "prestatie: '99999999999999999' is groter dan 9007199254740992 (2^53) en kan niet "
        "exact bewaard worden; er is niets geschreven.\n"
    )
    assert monitor.read_bytes() == before


def test_record_keeps_every_digit_of_a_large_whole_number(tmp_path: Path) -> None:
    monitor = _recordable(tmp_path)
    done = prestatie("record", "BS-01", "9007199254740991", "--date", "2016-06-30", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "value: 9007199254740991}\n" in monitor.read_text(encoding="utf-8")


def test_a_file_with_a_whole_number_beyond_2_53_is_refused(tmp_path: Path) -> None:
    data = base_set()
    data["agreements"][0]["target"]["value"] = 2**53 + 1
    path = tmp_path / "set.yaml"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    done = prestatie("check", "set.yaml", cwd=tmp_path)
    assert done.returncode == 1
    line = next(line for line in done.stdout.splitlines() if " V003 " in line)
    assert line.endswith(
        "Ongeldige waarde voor 'value': een geheel getal groter dan 9007199254740992 (2^53) "
        "kan niet exact bewaard worden."
    )


def test_numbers_too_large_to_add_up_do_not_break_the_report(tmp_path: Path) -> None:
    data = base_set()
    data["agreements"][0]["target"]["value"] = 1e308
    monitor = base_monitor()
    for measurement in monitor["measurements"]:
        measurement["value"] = 1e308
    write_yaml(tmp_path / "afspraken" / "set.yaml", data)
    write_yaml(tmp_path / "monitor" / "set.yaml", monitor)
    for output in ("rapport.html", "rapport.md"):
        done = prestatie(
            "report", "--as-of", "2026-11-21", "-o", output, "afspraken", "monitor", cwd=tmp_path
        )
        assert done.returncode == 0, done.stderr
        assert "∞ woningen" in (tmp_path / output).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "grace_days: -1",
            "Ongeldige waarde voor 'grace_days': moet minstens 0 zijn, gevonden -1.",
        ),
        (
            "grace_days: 400",
            "Ongeldige waarde voor 'grace_days': mag hoogstens 366 zijn, gevonden 400.",
        ),
        ("on_track: 0", "Ongeldige waarde voor 'on_track': moet groter zijn dan 0, gevonden 0."),
        (
            "grace_days: 1.5",
            "Ongeldige waarde voor 'grace_days': verwacht een geheel getal, gevonden het getal "
            "1.5.",
        ),
    ],
)
def test_the_validator_s_english_never_reaches_a_dutch_message(
    tmp_path: Path, line: str, message: str
) -> None:
    (tmp_path / "prestatie.yaml").write_text(
        f"kind: config\nversion: 1\nthresholds:\n  {line}\n", encoding="utf-8"
    )
    done = prestatie("check", "prestatie.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr + done.stdout
    assert "Input should" not in done.stderr + done.stdout


def _repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "afspraken").mkdir(parents=True)
    git(root, "init", "-q")
    git(root, "config", "user.email", "a@example.org")
    git(root, "config", "user.name", "A")
    write_yaml(root / "afspraken" / "set.yaml", base_set())
    git(root, "add", ".")
    git(root, "commit", "-qm", "set")
    return root


def test_a_commit_that_adds_an_invalid_set_is_a_change(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    (root / "afspraken" / "kapot.yaml").write_text(
        "kind: agreements\nversion: 1\nid: kapot\ntitel: x\n", encoding="utf-8"
    )
    git(root, "add", ".")
    git(root, "commit", "-qm", "kapot")
    done = prestatie("diff", "HEAD~1", "HEAD", "--exit-code", cwd=root)
    assert done.returncode == 1
    assert done.stdout.splitlines()[1] == (
        "Bestand afspraken/kapot.yaml: in de nieuwe versie geen geldige set of monitor; "
        "controleer het met 'prestatie check'"
    )


def test_a_blob_far_larger_than_a_set_is_passed_over_unread(tmp_path: Path) -> None:
    from prestatie_cli.versions.git import Repository

    root = _repository(tmp_path)
    # Larger than the 10 MB a file may have: a data dump committed by mistake.
    (root / "afspraken" / "dump.yaml").write_bytes(b"# " + b"x" * (11 << 20) + b"\n")
    git(root, "add", ".")
    git(root, "commit", "-qm", "dump")
    with Repository.find(root) as repository:
        files = {item.path: item.blob for item in repository.files("HEAD", ["afspraken"])}
        assert repository.blob(files["afspraken/dump.yaml"], limit=10 << 20) is None
        # The stream is left where the next object starts.
        after = repository.blob(files["afspraken/set.yaml"], limit=10 << 20)
        assert after == (root / "afspraken" / "set.yaml").read_bytes()
    done = prestatie("diff", "HEAD~1", "HEAD", "--exit-code", cwd=root)
    assert done.returncode == 1
    assert done.stdout.splitlines()[1] == (
        "Bestand afspraken/dump.yaml: in de nieuwe versie geen geldige set of monitor; "
        "controleer het met 'prestatie check'"
    )


def test_a_full_disk_names_the_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    from prestatie_cli.cli import main

    monitor = _recordable(tmp_path)
    before = monitor.read_bytes()

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "fsync", full)
    monkeypatch.setattr(sys, "argv", ["prestatie", "record", "BS-01", "45", "--date", "2017-12-31"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "prestatie: kan niet lezen of schrijven monitor/voorbeeld-2016-2019.yaml: "
        "No space left on device. Er is niets gewijzigd.\n"
    )
    assert monitor.read_bytes() == before
    assert sorted(path.name for path in monitor.parent.iterdir()) == [monitor.name]
