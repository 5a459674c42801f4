"""Files that prestatie writes and the configuration it applies, tried as an attacker would.

Group 1: ``-o`` (and every other output a user names) writes only a regular file or a
new path, never an input of the same run, through a link to its target, and into a
folder that exists unless ``--parents`` is given. Group 7: a ``prestatie.yaml`` above
the repository's root, or owned by another user, is never applied silently. Group 9
(writes): ``record`` and ``sign`` keep the byte-order mark, keep a link a link, keep
owner and permissions, and refuse a file that is read-only.

Each case runs the command line as a user does (a real process) and asserts the exit
code, the message and what is on disk afterwards.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, base_set, write_yaml
from tests.hostile.commandline import prestatie

BOM = b"\xef\xbb\xbf"
SET = "lindeveen-2025-2028.yaml"
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(
    not ROOT, reason="giving a file another owner (os.chown) needs root"
)
STRANGER = 65534  # nobody: the other user who owns a planted file


def _examples(tmp_path: Path) -> Path:
    """A working copy of one example set and its monitor, in afspraken/ and monitor/."""
    work = tmp_path / "werk"
    for folder in ("afspraken", "monitor"):
        (work / folder).mkdir(parents=True)
        shutil.copyfile(REPO / "examples" / folder / SET, work / folder / SET)
    return work


def _listing(folder: Path) -> list[str]:
    """The names in ``folder``, temporary files of a write included."""
    return sorted(path.name for path in folder.iterdir())


def _refused(path: str, reason: str) -> str:
    return f"prestatie: {path} {reason} Er is niets geschreven.\n"


SPECIAL = "is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pipe); prestatie vervangt het niet."
DIRECTORY = "is een map; geef de naam van een bestand."
INPUT = "is ook een invoerbestand van deze opdracht; kies een ander uitvoerbestand."
BROKEN_LINK = (
    "is een symbolische link die niet naar een bestaand bestand leidt; prestatie schrijft niet "
    "door zo'n link."
)
READ_ONLY = "is alleen-lezen of u mag het niet schrijven; prestatie vervangt het niet."
OUTPUTS = {
    "report": ("report", "--as-of", "2026-11-21"),
    "export": ("export", "--as-of", "2026-11-21"),
}
# A name each command writes (a name of another kind of file is refused).
NAMED = {"report": "md", "export": "csv"}


def _no_folder(path: str, folder: str) -> str:
    return (
        f"prestatie: De map {folder} voor {path} bestaat niet; maak hem eerst, of geef --parents "
        "om ontbrekende mappen te laten maken. Er is niets geschreven.\n"
    )


# --- Group 1: -o writes only a regular file or a new path --------------------------


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_output_to_a_fifo_is_refused_and_the_fifo_stays(tmp_path: Path, command: str) -> None:
    work = _examples(tmp_path)
    os.mkfifo(work / "uit.md")
    done = prestatie(*OUTPUTS[command], "-o", "uit.md", "afspraken", "monitor", cwd=work)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", _refused("uit.md", SPECIAL))
    assert stat.S_ISFIFO((work / "uit.md").lstat().st_mode)
    assert _listing(work) == ["afspraken", "monitor", "uit.md"]


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_output_to_a_device_is_refused_and_the_device_stays(tmp_path: Path, command: str) -> None:
    work = _examples(tmp_path)
    try:  # a copy of /dev/null, never /dev/null itself: the old code replaced it
        os.mknod(work / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root (CAP_MKNOD) on POSIX")
    done = prestatie(*OUTPUTS[command], "-o", "null", "afspraken", "monitor", cwd=work)
    assert (done.returncode, done.stderr) == (2, _refused("null", SPECIAL))
    assert stat.S_ISCHR((work / "null").lstat().st_mode)
    assert _listing(work) == ["afspraken", "monitor", "null"]


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_output_to_a_directory_is_refused(tmp_path: Path, command: str) -> None:
    work = _examples(tmp_path)
    (work / "uit").mkdir()
    done = prestatie(*OUTPUTS[command], "-o", "uit", "afspraken", "monitor", cwd=work)
    assert (done.returncode, done.stderr) == (2, _refused("uit", DIRECTORY))
    assert _listing(work / "uit") == []


@pytest.mark.parametrize("command", sorted(OUTPUTS))
@pytest.mark.parametrize("folder", ["afspraken", "monitor"])
def test_output_never_replaces_an_input_of_the_same_run(
    tmp_path: Path, command: str, folder: str
) -> None:
    work = _examples(tmp_path)
    target = f"{folder}/{SET}"
    before = (work / target).read_bytes()
    done = prestatie(*OUTPUTS[command], "-o", target, "afspraken", "monitor", cwd=work)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", _refused(target, INPUT))
    assert (work / target).read_bytes() == before
    assert _listing(work / folder) == [SET]


def test_output_through_a_link_to_an_input_is_refused_too(tmp_path: Path) -> None:
    work = _examples(tmp_path)
    (work / "rapport.md").symlink_to(f"afspraken/{SET}")
    before = (work / "afspraken" / SET).read_bytes()
    done = prestatie(*OUTPUTS["report"], "-o", "rapport.md", "afspraken", "monitor", cwd=work)
    assert (done.returncode, done.stderr) == (
        2,
        _refused(f"rapport.md → afspraken/{SET}", INPUT),
    )
    assert (work / "afspraken" / SET).read_bytes() == before
    assert (work / "rapport.md").is_symlink()


def test_output_never_replaces_the_configuration_it_read(tmp_path: Path) -> None:
    work = _examples(tmp_path)
    config = "kind: config\nversion: 1\nlang: nl\n"
    (work / "prestatie.yaml").write_text(config, encoding="utf-8")
    done = prestatie(*OUTPUTS["export"], "-o", "prestatie.yaml", "afspraken", cwd=work)
    assert (done.returncode, done.stderr) == (2, _refused("prestatie.yaml", INPUT))
    assert (work / "prestatie.yaml").read_text(encoding="utf-8") == config


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_a_missing_folder_is_an_error_unless_parents_is_given(tmp_path: Path, command: str) -> None:
    work = _examples(tmp_path)
    done = prestatie(
        *OUTPUTS[command], "-o", f"nieuw/map/uit.{NAMED[command]}", "afspraken", "monitor", cwd=work
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == _no_folder(f"nieuw/map/uit.{NAMED[command]}", "nieuw/map")
    assert _listing(work) == ["afspraken", "monitor"]
    done = prestatie(
        *OUTPUTS[command],
        "--parents",
        "-o",
        f"nieuw/map/uit.{NAMED[command]}",
        "afspraken",
        "monitor",
        cwd=work,
    )
    assert done.returncode == 0, done.stderr
    assert _listing(work / "nieuw" / "map") == [f"uit.{NAMED[command]}"]


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_output_to_a_link_writes_its_target_and_keeps_the_link(
    tmp_path: Path, command: str
) -> None:
    work = _examples(tmp_path)
    (work / "archief").mkdir()
    (work / "archief" / f"2026.{NAMED[command]}").write_text("vorige versie\n", encoding="utf-8")
    (work / f"laatste.{NAMED[command]}").symlink_to(f"archief/2026.{NAMED[command]}")
    done = prestatie(
        *OUTPUTS[command], "-o", f"laatste.{NAMED[command]}", "afspraken", "monitor", cwd=work
    )
    assert done.returncode == 0, done.stderr
    assert (
        work / f"laatste.{NAMED[command]}"
    ).readlink().as_posix() == f"archief/2026.{NAMED[command]}"
    written = (work / "archief" / f"2026.{NAMED[command]}").read_text(encoding="utf-8")
    assert written.startswith("# Rapportage" if command == "report" else "\ufeffset;nr;titel;")
    assert _listing(work) == ["afspraken", "archief", f"laatste.{NAMED[command]}", "monitor"]
    assert _listing(work / "archief") == [f"2026.{NAMED[command]}"]


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_output_to_a_link_that_leads_nowhere_is_refused(tmp_path: Path, command: str) -> None:
    work = _examples(tmp_path)
    (work / "uit.txt").symlink_to("weg/uit.txt")
    done = prestatie(*OUTPUTS[command], "-o", "uit.txt", "afspraken", "monitor", cwd=work)
    assert (done.returncode, done.stderr) == (2, _refused("uit.txt", BROKEN_LINK))
    assert (work / "uit.txt").readlink().as_posix() == "weg/uit.txt"
    assert _listing(work) == ["afspraken", "monitor", "uit.txt"]


@pytest.mark.parametrize("command", sorted(OUTPUTS))
def test_output_to_a_read_only_file_is_refused(tmp_path: Path, command: str) -> None:
    work = _examples(tmp_path)
    (work / "uit.txt").write_text("bewaard\n", encoding="utf-8")
    (work / "uit.txt").chmod(0o444)
    done = prestatie(*OUTPUTS[command], "-o", "uit.txt", "afspraken", "monitor", cwd=work)
    assert (done.returncode, done.stderr) == (2, _refused("uit.txt", READ_ONLY))
    assert (work / "uit.txt").read_text(encoding="utf-8") == "bewaard\n"
    assert stat.S_IMODE((work / "uit.txt").stat().st_mode) == 0o444


def _table(work: Path) -> Path:
    done = prestatie("export", "-o", "tabel.csv", "afspraken", cwd=work)
    assert done.returncode == 0, done.stderr
    return work / "tabel.csv"


def test_import_into_a_missing_folder_needs_parents(tmp_path: Path) -> None:
    work = _examples(tmp_path)
    _table(work)
    done = prestatie(
        "import", "tabel.csv", "-o", "nieuw/set.yaml", "--period", "2025-2028", cwd=work
    )
    assert (done.returncode, done.stderr) == (2, _no_folder("nieuw/set.yaml", "nieuw"))
    assert not (work / "nieuw").exists()
    done = prestatie(
        "import", "tabel.csv", "--parents", "-o", "nieuw/set.yaml", "--period", "2025-2028",
        cwd=work,
    )  # fmt: skip
    # 1: written, with a row it reports (a party whose role it could not tell).
    assert done.returncode == 1, done.stderr
    assert "geschreven naar nieuw/set.yaml" in done.stdout
    assert _listing(work / "nieuw") == ["set.yaml"]


def test_import_does_not_write_through_a_link_that_leads_nowhere(tmp_path: Path) -> None:
    work = _examples(tmp_path)
    _table(work)
    (work / "set.yaml").symlink_to("elders/set.yaml")
    done = prestatie("import", "tabel.csv", "-o", "set.yaml", "--period", "2025-2028", cwd=work)
    assert (done.returncode, done.stderr) == (
        2,
        "prestatie: set.yaml bestaat al; import overschrijft niets. Kies een ander -o.\n",
    )
    assert (work / "set.yaml").readlink().as_posix() == "elders/set.yaml"
    assert not (work / "elders").exists()


def test_schema_makes_its_folder_but_not_the_folders_above_unless_asked(tmp_path: Path) -> None:
    done = prestatie("schema", "--output-dir", "a/b/schemas", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, _no_folder("a/b/schemas", "a/b"))
    assert _listing(tmp_path) == []
    done = prestatie("schema", "--output-dir", "schemas", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    done = prestatie("schema", "--parents", "--output-dir", "a/b/schemas", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _listing(tmp_path / "a" / "b" / "schemas") == _listing(tmp_path / "schemas")


def test_schema_does_not_replace_a_fifo_in_its_folder(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    os.mkfifo(tmp_path / "schemas" / "agreements.schema.json")
    done = prestatie("schema", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == _refused("schemas/agreements.schema.json", SPECIAL)
    assert stat.S_ISFIFO((tmp_path / "schemas" / "agreements.schema.json").lstat().st_mode)


# --- Group 7: configuration from a stranger --------------------------------------

# Switches off the one error of the set below: applied, it turns exit 1 into exit 0.
LENIENT = 'kind: config\nversion: 1\nrules:\n  A302: "off"\n'


def _failing_set(folder: Path) -> None:
    data = base_set()
    data["agreements"][0]["owner"] = "corp-b"  # A302: no party has this id
    write_yaml(folder / "set.yaml", data)


def _check(cwd: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return prestatie("check", "--as-of", "2019-06-30", *options, "set.yaml", cwd=cwd)


@pytest.mark.parametrize("git_marker", ["folder", "file"])
def test_a_configuration_above_the_repository_root_is_not_applied(
    tmp_path: Path, git_marker: str
) -> None:
    (tmp_path / "prestatie.yaml").write_text(LENIENT, encoding="utf-8")
    repository = tmp_path / "repo"
    work = repository / "afspraken"
    work.mkdir(parents=True)
    if git_marker == "folder":
        subprocess.run(["git", "init", "-q", str(repository)], check=True, timeout=60)
    else:  # a worktree or submodule: .git is a file that names the real one
        (repository / ".git").write_text("gitdir: /elders/.git/worktrees/repo\n", encoding="utf-8")
    _failing_set(work)
    done = _check(work)
    assert done.returncode == 1
    assert re.search(r"^set\.yaml:\d+:\d+: A302 fout ", done.stdout, re.M)
    assert (tmp_path / "prestatie.yaml").read_text(encoding="utf-8") == LENIENT
    # The same file at the repository's root is the repository's own: it applies.
    shutil.move(tmp_path / "prestatie.yaml", repository / "prestatie.yaml")
    done = _check(work)
    assert (done.returncode, done.stderr) == (0, "")


def test_without_a_repository_the_search_goes_up_to_the_filesystem_root(tmp_path: Path) -> None:
    (tmp_path / "prestatie.yaml").write_text(LENIENT, encoding="utf-8")
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    _failing_set(work)
    assert _check(work).returncode == 0


def _owner_name(uid: int) -> str:
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


@needs_root
def test_a_configuration_owned_by_another_user_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "prestatie.yaml"
    config.write_text(LENIENT, encoding="utf-8")
    os.chown(config, STRANGER, STRANGER)
    _failing_set(tmp_path)
    done = _check(tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"prestatie: {config} is van een andere gebruiker ({_owner_name(STRANGER)}) en wordt "
        f"niet toegepast. Vertrouwt u het, geef het dan op met --config {config}; anders: "
        "verwijder het.\n"
    )
    english = _check(tmp_path, "--lang", "en")
    assert english.stderr.startswith(f"prestatie: {config} belongs to another user (")
    # Named with --config, it is the user's own choice: then it applies.
    done = _check(tmp_path, "--config", str(config))
    assert (done.returncode, done.stderr) == (0, "")
    assert config.stat().st_uid == STRANGER


# --- Group 9 (writes): record and sign keep what they promise to keep ----------------


def _with_bom(path: Path, newline: str) -> bytes:
    text = path.read_text(encoding="utf-8").replace("\n", newline)
    path.write_bytes(BOM + text.encode("utf-8"))
    return path.read_bytes()


def _record(work: Path, value: str = "200") -> subprocess.CompletedProcess[str]:
    return prestatie("record", "BS-01", value, "--date", "2026-10-01", cwd=work)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_record_keeps_the_byte_order_mark(tmp_path: Path, newline: str) -> None:
    work = _examples(tmp_path)
    monitor = work / "monitor" / SET
    before = _with_bom(monitor, newline)
    done = _record(work)
    assert done.returncode == 0, done.stderr
    added = f"  - agreement: BS-01{newline}    date: 2026-10-01{newline}    value: 200{newline}"
    assert monitor.read_bytes() == before + added.encode("utf-8")


_SIGNATURE = re.compile(
    rb"  - party: gemeente(\r?\n)    name: M\. Bakker\1    date: 2026-01-02\1"
    rb"    digest: \"sha256:[0-9a-f]{64}\"\1"
)


def _sign(work: Path, path: str) -> subprocess.CompletedProcess[str]:
    return prestatie(
        "sign", path, "--party", "gemeente", "--name", "M. Bakker", "--date", "2026-01-02",
        cwd=work,
    )  # fmt: skip


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_sign_keeps_the_byte_order_mark(tmp_path: Path, newline: str) -> None:
    work = _examples(tmp_path)
    path = work / "afspraken" / SET
    before = _with_bom(path, newline)
    done = _sign(work, f"afspraken/{SET}")
    assert done.returncode == 0, done.stderr
    after = path.read_bytes()
    assert after.startswith(before)
    assert _SIGNATURE.fullmatch(after[len(before) :])
    assert after[len(before) :].count(newline.encode()) == 4


def _linked(work: Path, folder: str) -> Path:
    """Move the example's file in ``folder`` to a shared folder and leave a link."""
    shared = work.parent / "gedeeld"
    shared.mkdir(exist_ok=True)
    target = shared / SET
    (work / folder / SET).rename(target)
    (work / folder / SET).symlink_to(f"../../gedeeld/{SET}")
    return target


def test_record_through_a_link_keeps_the_link(tmp_path: Path) -> None:
    work = _examples(tmp_path)
    target = _linked(work, "monitor")
    before = target.read_bytes()
    done = _record(work)
    assert done.returncode == 0, done.stderr
    assert (work / "monitor" / SET).readlink().as_posix() == f"../../gedeeld/{SET}"
    assert (
        target.read_bytes()
        == before + b"  - agreement: BS-01\n    date: 2026-10-01\n    value: 200\n"
    )
    assert _listing(work / "monitor") == [SET]
    assert _listing(target.parent) == [SET]


def test_sign_through_a_link_keeps_the_link(tmp_path: Path) -> None:
    work = _examples(tmp_path)
    target = _linked(work, "afspraken")
    before = target.read_bytes()
    done = _sign(work, f"afspraken/{SET}")
    assert done.returncode == 0, done.stderr
    assert (work / "afspraken" / SET).readlink().as_posix() == f"../../gedeeld/{SET}"
    assert _SIGNATURE.fullmatch(target.read_bytes()[len(before) :])
    assert _listing(work / "afspraken") == [SET]
    assert _listing(target.parent) == [SET]


def _read_only(path: Path, stranger: bool) -> os.stat_result:
    if stranger:
        os.chown(path, STRANGER, STRANGER)
    path.chmod(0o444)
    return path.stat()


@pytest.mark.parametrize("stranger", [False, pytest.param(True, marks=needs_root)])
@pytest.mark.parametrize("command", ["record", "sign"])
def test_a_read_only_file_is_not_replaced(tmp_path: Path, command: str, stranger: bool) -> None:
    work = _examples(tmp_path)
    shown = f"monitor/{SET}" if command == "record" else f"afspraken/{SET}"
    path = work / shown
    before = path.read_bytes()
    info = _read_only(path, stranger)
    done = _record(work) if command == "record" else _sign(work, shown)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", _refused(shown, READ_ONLY))
    after = path.stat()
    assert path.read_bytes() == before
    assert (after.st_ino, after.st_mode, after.st_uid) == (info.st_ino, info.st_mode, info.st_uid)
    assert _listing(path.parent) == [SET]


@needs_root
@pytest.mark.parametrize("command", ["record", "sign"])
def test_a_shared_file_keeps_its_owner_group_and_permissions(tmp_path: Path, command: str) -> None:
    work = _examples(tmp_path)
    shown = f"monitor/{SET}" if command == "record" else f"afspraken/{SET}"
    path = work / shown
    os.chown(path, STRANGER, STRANGER)
    path.chmod(0o664)
    done = _record(work) if command == "record" else _sign(work, shown)
    assert done.returncode == 0, done.stderr
    after = path.stat()
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (
        STRANGER,
        STRANGER,
        0o664,
    )
