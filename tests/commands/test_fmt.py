"""prestatie fmt on the command line: --check, writing, refusals, default paths."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

OUT_OF_ORDER = "version: 1\nkind: monitor  # soort\nset: abc\nmeasurements: []\n"
IN_ORDER = "kind: monitor  # soort\nversion: 1\nset: abc\nmeasurements: []\n"
REQUIREMENT = "prestatie @ git+https://example.org/gemeente/prestatie@v0.1.0"


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "fmt", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(cwd)},
    )


def test_examples_are_in_the_layout() -> None:
    done = run("--check", "examples/afspraken", "examples/monitor")
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "10 bestand(en) in de vaste opmaak.\n",
        "",
    )


def test_check_lists_what_would_change_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "monitor").mkdir()
    changed = tmp_path / "monitor" / "a.yaml"
    changed.write_text(OUT_OF_ORDER, encoding="utf-8")
    (tmp_path / "monitor" / "b.yaml").write_text(IN_ORDER, encoding="utf-8")
    done = run("--check", "monitor", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        1,
        "monitor/a.yaml: niet in de vaste opmaak\n"
        "1 van 2 bestand(en) niet in de vaste opmaak; 'prestatie fmt' maakt ze op.\n",
        "",
    )
    assert changed.read_text(encoding="utf-8") == OUT_OF_ORDER
    english = run("--check", "--lang", "en", "monitor", cwd=tmp_path)
    assert (english.returncode, english.stdout) == (
        1,
        "monitor/a.yaml: not in the canonical layout\n"
        "1 of 2 file(s) not in the canonical layout; 'prestatie fmt' formats them.\n",
    )


def test_fmt_rewrites_only_what_changes_and_keeps_crlf(tmp_path: Path) -> None:
    changed = tmp_path / "a.yaml"
    changed.write_bytes(OUT_OF_ORDER.replace("\n", "\r\n").encode())
    same = tmp_path / "b.yaml"
    same.write_text(IN_ORDER, encoding="utf-8")
    before = same.stat().st_mtime_ns
    # Without paths: the repository's files (here the folder with prestatie.yaml).
    (tmp_path / "prestatie.yaml").write_text("kind: config\nversion: 1\n", encoding="utf-8")
    done = run(cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "a.yaml: opgemaakt\n1 van 3 bestand(en) opgemaakt.\n",
        "",
    )
    assert changed.read_bytes() == IN_ORDER.replace("\n", "\r\n").encode()
    assert same.stat().st_mtime_ns == before
    again = run("--check", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "3 bestand(en) in de vaste opmaak.\n")


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + IN_ORDER.encode())
    assert run("--check", path).returncode == 1
    assert run(path).returncode == 0
    assert path.read_bytes() == IN_ORDER.encode()


def test_broken_yaml_is_named_with_its_position_and_left_alone(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yaml"
    text = "kind: monitor\nversion: 1\nset: abc\nmeasurements: [a\n"
    broken.write_text(text, encoding="utf-8")
    fine = tmp_path / "goed.yaml"
    fine.write_text(OUT_OF_ORDER, encoding="utf-8")
    done = run(tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        f"{broken}:4:15: Y005 fout Dit is geen geldige YAML: een lijst tussen [ ] is niet goed "
        "afgesloten of mist een komma.\n"
        "    tip: Kijk op deze regel en de regel erboven naar inspringing, dubbele punten en "
        "aanhalingstekens.\n"
        "1 bestand(en) niet opgemaakt; die blijven zoals ze zijn.\n"
    )
    assert done.stdout == f"{fine}: opgemaakt\n1 van 2 bestand(en) opgemaakt.\n"
    assert broken.read_text(encoding="utf-8") == text
    assert fine.read_text(encoding="utf-8") == IN_ORDER


def test_a_tag_is_refused_and_the_file_left_intact(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    text = "version: 1\nkind: monitor\nset: !!str abc\n"
    path.write_text(text, encoding="utf-8")
    done = run(path)
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        f"{path}:3:6: de YAML-tag !!str wordt niet opgemaakt; het bestand blijft zoals het "
        "is.\n1 bestand(en) niet opgemaakt; die blijven zoals ze zijn.\n",
    )
    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_no_files_is_exit_2(tmp_path: Path) -> None:
    done = run("--check", tmp_path)
    assert (done.returncode, done.stderr) == (2, f"Geen YAML-bestanden gevonden in {tmp_path}.\n")


def test_a_new_repository_is_in_the_layout_and_its_ci_files_are_not_touched(
    tmp_path: Path,
) -> None:
    made = subprocess.run(
        [
            *(sys.executable, "-m", "prestatie_cli", "init", "--id", "lindeveen-2027-2030"),
            *("--start-year", "2027", "--requirement", REQUIREMENT, str(tmp_path)),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert made.returncode == 0, made.stderr
    other = {
        name: (tmp_path / name).read_bytes()
        for name in (".pre-commit-config.yaml", ".gitlab-ci.yml", ".github/workflows/prestatie.yml")
    }
    done = run("--check", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "3 bestand(en) in de vaste opmaak.\n",
        "",
    )
    # Named on purpose, another tool's YAML is skipped and said to be.
    done = run(*other, cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        "".join(
            f"{name}: overgeslagen, geen bestand van prestatie (het begint niet met 'kind: "
            "agreements', 'kind: monitor' of 'kind: config').\n"
            for name in other
        ),
    )
    assert {name: (tmp_path / name).read_bytes() for name in other} == other


def test_another_tool_s_yaml_is_skipped_and_the_rest_formatted(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    compose = "services:\n    web:\n        image: 'nginx'\n"
    (tmp_path / "docker-compose.yml").write_text(compose, encoding="utf-8")
    (tmp_path / "monitor.yaml").write_text(OUT_OF_ORDER, encoding="utf-8")
    skipped = (
        "docker-compose.yml: skipped, not a prestatie file (it does not start with 'kind: "
        "agreements', 'kind: monitor' or 'kind: config').\n"
    )
    done = run("--check", "--lang", "en", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        1,
        "monitor.yaml: not in the canonical layout\n"
        "1 of 1 file(s) not in the canonical layout; 'prestatie fmt' formats them.\n",
        skipped,
    )
    done = run("--lang", "en", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "monitor.yaml: formatted\n1 of 1 file(s) formatted.\n",
        skipped,
    )
    assert (tmp_path / "docker-compose.yml").read_text(encoding="utf-8") == compose
    assert (tmp_path / "monitor.yaml").read_text(encoding="utf-8") == IN_ORDER


def test_a_read_only_file_is_named_and_the_others_still_formatted(tmp_path: Path) -> None:
    locked_file = tmp_path / "a.yaml"
    locked_file.write_text(OUT_OF_ORDER, encoding="utf-8")
    locked_file.chmod(0o444)
    settled = tmp_path / "b.yaml"
    settled.write_text(IN_ORDER, encoding="utf-8")
    settled.chmod(0o444)  # in the layout already: read-only does not matter
    free = tmp_path / "c.yaml"
    free.write_text(OUT_OF_ORDER, encoding="utf-8")
    done = run(tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        f"{free}: opgemaakt\n1 van 3 bestand(en) opgemaakt.\n",
        f"{locked_file}: niet opgemaakt: het bestand is alleen-lezen of u mag het niet "
        "schrijven\n1 bestand(en) niet opgemaakt; die blijven zoals ze zijn.\n",
    )
    assert locked_file.read_text(encoding="utf-8") == OUT_OF_ORDER
    assert free.read_text(encoding="utf-8") == IN_ORDER
