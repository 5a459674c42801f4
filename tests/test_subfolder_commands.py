"""check and export from a subfolder read the whole repository; export names a set with
errors instead of writing an empty table."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.commandline import in_subprocess
from tests.conftest import REPO

NAME = "bodegraven-reeuwijk-2016-2019.yaml"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return in_subprocess(*args, cwd=cwd)


def repository(tmp_path: Path) -> Path:
    root = tmp_path / "stad"
    for folder in ("afspraken", "monitor"):
        (root / folder).mkdir(parents=True)
        source = (REPO / "examples" / folder / NAME).read_text("utf-8")
        (root / folder / NAME).write_text(source, "utf-8")
    (root / "prestatie.yaml").write_text("kind: config\nversion: 1\n", encoding="utf-8")
    (root / "notities").mkdir()
    return root


def test_check_from_a_subfolder_reads_the_repository(tmp_path: Path) -> None:
    root = repository(tmp_path)
    here = run(root / "notities", "check", "--format", "json", "--as-of", "2019-06-30")
    assert here.returncode == 0, here.stderr
    # The set, its monitor and prestatie.yaml: the files a check at the root reads.
    assert json.loads(here.stdout)["files"] == 3
    at_root = run(root, "check", "--format", "json", "--as-of", "2019-06-30")
    # The same findings, with paths as seen from the subfolder.
    assert here.stdout == at_root.stdout.replace('"path": "', '"path": "../')
    assert '"path": "../monitor/' in here.stdout
    # A folder without YAML, checked from the root as a path, has nothing to check.
    empty = run(root, "check", "notities")
    assert empty.returncode == 2


def test_export_from_a_subfolder_reads_the_repository(tmp_path: Path) -> None:
    root = repository(tmp_path)
    at_root = run(root, "export", "--format", "json", "--as-of", "2019-06-30")
    here = run(root / "notities", "export", "--format", "json", "--as-of", "2019-06-30")
    assert at_root.returncode == here.returncode == 0, here.stderr
    assert len(json.loads(here.stdout)) == 16
    assert here.stdout == at_root.stdout


def test_export_refuses_when_the_only_set_has_errors(tmp_path: Path) -> None:
    root = repository(tmp_path)
    path = root / "afspraken" / NAME
    source = path.read_text("utf-8")
    assert "  end: 2019-12-31\n" in source
    path.write_text(source.replace("  end: 2019-12-31\n", "  end: 2019-13-31\n", 1), "utf-8")
    output = root / "tabel.csv"
    done = run(root, "export", "-o", str(output))
    assert done.returncode == 2
    # The error once, then the set named without repeating it.
    assert done.stderr.splitlines() == [
        f"afspraken/{NAME}:10:8: V003 fout Ongeldige waarde voor 'end': '2019-13-31' is "
        "geen bestaande datum.",
        "    tip: Schrijf datums als 2019-12-31 (jaar-maand-dag).",
        f"De set in afspraken/{NAME} heeft fouten (hierboven) en is niet gelezen. "
        f"Alle fouten: prestatie check afspraken/{NAME}",
    ]
    assert not output.exists()
    # To standard output: nothing, not a header-only table.
    shown = run(root, "export")
    assert shown.returncode == 2
    assert shown.stdout == ""
