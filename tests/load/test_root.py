"""One repository root from any subfolder; honest refusals for a set with errors; the lock."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from prestatie_cli.files import LOCK_NAME, locked
from prestatie_cli.load.discover import repository_root, search_paths
from tests.commandline import in_subprocess
from tests.conftest import REQUIREMENT


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return in_subprocess(*args, cwd=cwd)


def scaffold(tmp_path: Path) -> Path:
    root = tmp_path / "stad"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    done = run(root, "init", "--requirement", REQUIREMENT)
    assert done.returncode == 0, done.stderr
    (found,) = (root / "afspraken").glob("stad-*.yaml")
    found.rename(root / "afspraken" / "stad-2027-2030.yaml")
    monitor = root / "monitor" / found.name
    monitor.rename(root / "monitor" / "stad-2027-2030.yaml")
    for path in (
        root / "afspraken" / "stad-2027-2030.yaml",
        root / "monitor" / "stad-2027-2030.yaml",
    ):
        path.write_text(path.read_text("utf-8").replace(found.stem, "stad-2027-2030"), "utf-8")
    return root


def test_root_is_the_nearest_config_else_the_git_root(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert repository_root(deep) == tmp_path
    assert search_paths([], deep) == [Path("../..")]
    (tmp_path / "a" / "prestatie.yaml").write_text("kind: config\nversion: 1\n", encoding="utf-8")
    assert repository_root(deep) == tmp_path / "a"
    assert search_paths([], deep) == [Path("..")]
    assert search_paths([], tmp_path / "a") == [Path()]
    assert search_paths([Path("x")], deep) == [Path("x")]


def test_record_from_a_subfolder_writes_the_same_monitor_file(tmp_path: Path) -> None:
    root = scaffold(tmp_path)
    done = run(root / "afspraken", "record", "BS-01", "30", "--date", "2027-12-31")
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout
        == "Meting toegevoegd aan ../monitor/stad-2027-2030.yaml: BS-01 = 30 op 2027-12-31.\n"
    )
    assert not (root / "afspraken" / "monitor").exists()
    assert sorted(path.name for path in (root / "monitor").iterdir()) == ["stad-2027-2030.yaml"]
    # status from the subfolder reads the whole repository: the set and its one monitor.
    status = run(root / "afspraken", "status", "--as-of", "2028-01-01", "--format", "json")
    assert status.returncode == 0, status.stderr
    assert '"stad-2027-2030"' in status.stdout


def test_second_monitor_file_is_flagged(tmp_path: Path) -> None:
    root = scaffold(tmp_path)
    (root / "afspraken" / "monitor").mkdir()
    second = root / "afspraken" / "monitor" / "stad-2027-2030.yaml"
    second.write_text((root / "monitor" / "stad-2027-2030.yaml").read_text("utf-8"), "utf-8")
    done = run(root, "check", "--format", "json")
    found = [line for line in done.stdout.splitlines() if "P630" in line]
    assert len(found) == 1
    assert '"path": "monitor/stad-2027-2030.yaml"' in done.stdout


def _break(root: Path) -> Path:
    path = root / "afspraken" / "stad-2027-2030.yaml"
    source = path.read_text("utf-8")
    path.write_text(source.replace("deadline: 2030-12-31", "deadline: 2030-13-31", 1), "utf-8")
    return path


def test_a_set_with_errors_is_named_by_status_report_and_record(tmp_path: Path) -> None:
    root = scaffold(tmp_path)
    _break(root)
    line = next(
        number
        for number, text in enumerate(
            (root / "afspraken" / "stad-2027-2030.yaml").read_text("utf-8").splitlines(), 1
        )
        if "2030-13-31" in text
    )
    where = f"afspraken/stad-2027-2030.yaml:{line}:15"
    named = (
        "De set in afspraken/stad-2027-2030.yaml heeft fouten en is niet gelezen. "
        f"Eerste fout: {where}: V003 Ongeldige waarde voor 'deadline': '2030-13-31' is geen "
        "bestaande datum. Alle fouten: prestatie check afspraken/stad-2027-2030.yaml"
    )
    for command in ("status", "report"):
        done = run(root, command)
        assert done.returncode == 2
        # The error once, then the set named without repeating it.
        assert done.stderr.splitlines() == [
            f"{where}: V003 fout Ongeldige waarde voor 'deadline': '2030-13-31' is geen "
            "bestaande datum.",
            "    tip: Schrijf datums als 2019-12-31 (jaar-maand-dag).",
            "De set in afspraken/stad-2027-2030.yaml heeft fouten (hierboven) en is niet "
            "gelezen. Alle fouten: prestatie check afspraken/stad-2027-2030.yaml",
        ]
    before = (root / "monitor" / "stad-2027-2030.yaml").read_bytes()
    done = run(root, "record", "BS-01", "30", "--date", "2027-12-31")
    assert done.returncode == 2
    assert done.stderr == (
        "prestatie: Er is geen afspraak met id 'BS-01' in de sets die te lezen zijn; mogelijk "
        "staat zij in een set met fouten. Er is niets geschreven. " + named + "\n"
    )
    assert (root / "monitor" / "stad-2027-2030.yaml").read_bytes() == before


def test_sign_refuses_twice_future_and_too_early(tmp_path: Path) -> None:
    root = scaffold(tmp_path)
    path = "afspraken/stad-2027-2030.yaml"
    first = run(
        root, "sign", path, "--party", "gemeente", "--name", "J. de Vries", "--date", "2026-12-01"
    )
    assert first.returncode == 0, first.stderr
    again = run(
        root, "sign", path, "--party", "gemeente", "--name", "J. de Vries", "--date", "2026-12-01"
    )
    assert again.returncode == 2
    assert again.stderr == (
        "prestatie: Partij 'gemeente' heeft deze versie van de set al ondertekend "
        "(J. de Vries, 2026-12-01). Er is niets geschreven.\n"
    )
    future = run(
        root, "sign", path, "--party", "huurders", "--name", "M. Bakker", "--date", "2099-01-01"
    )
    assert future.returncode == 2
    assert future.stderr.startswith("prestatie: De datum 2099-01-01 ligt na vandaag (")
    early = run(
        root, "sign", path, "--party", "huurders", "--name", "M. Bakker", "--date", "2025-12-31"
    )
    assert early.returncode == 2
    assert early.stderr.startswith("prestatie: De datum 2025-12-31 ligt voor 2026-01-01, ")


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from prestatie_cli.files import locked
    with locked(Path(sys.argv[1])):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def test_lock_is_held_across_processes_and_leaves_no_file(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path), "5"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "held\n"
        waiter = subprocess.run(
            [sys.executable, "-c", _REFUSED, str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert waiter.stdout == "refused write.locked\n", waiter.stderr
    finally:
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
    # Free again once the other process is done; no lock file is left behind.
    with locked(tmp_path, wait=1):
        pass
    assert not (tmp_path / LOCK_NAME).exists()


_REFUSED = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from prestatie_cli.files import LockBusy, locked
    try:
        with locked(Path(sys.argv[1]), wait=0.5):
            print("taken")
    except LockBusy as error:
        print("refused", error.key)
    """
)
