"""A cache folder that others wrote in: no entry may change a verdict, hang or exhaust a run.

Each case runs ``prestatie check`` as a user does (a real process) over a file with an
error, with the cache in ``tmp_path``, and asserts the exit code, what is shown and what
the cache folder holds afterwards. The entries are planted the way an attacker would:
in the format the cache used to read as it stood, or copied from another run.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DURING, REPO, base_set, write_yaml

# A set with an error (A302), checked where it lies: its times have long settled, so a run
# keeps its hash in the cache's file index (files.json) and writes that index.
FAILING = REPO / "examples" / "invalid" / "A302-unknown-owner.yaml"
AS_OF = ["--as-of", DURING.isoformat()]
CLEAN = "1 bestand(en) gecontroleerd: geen problemen gevonden.\n"
# What the forged entries claim.
FORGED_TEXT = [1, CLEAN, [0, 0]]
FORGED_RESULT = {"files": 1, "problems": [], "waived": []}


def check(cache: Path, *paths: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PRESTATIE_")}
    env["PRESTATIE_CACHE_DIR"] = str(cache)

    def bounded() -> None:
        # A run that reads /dev/zero as an entry would take all memory: stop it at 2 GB.
        resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))

    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "check", *AS_OF, *map(str, paths)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=bounded,
    )


@pytest.fixture(scope="module")
def honest() -> subprocess.CompletedProcess[str]:
    """The failing set checked without a cache: the verdict every case must show."""
    done = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "check", *AS_OF, str(FAILING)],
        cwd=REPO,
        env={**os.environ, "PRESTATIE_NO_CACHE": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.startswith(f"{FAILING}:36:12: A302 fout De trekker 'corporaties'")
    assert done.stdout.endswith("1 fout(en), 0 waarschuwing(en), 0 info, 0 uitgezonderd.\n")
    return done


def entries(cache: Path) -> tuple[Path, Path]:
    """The result entry and the text entry of the one run kept in ``cache``."""
    (text,) = cache.glob("check-*-text.json")
    return cache / text.name.replace("-text.json", ".json"), text


def plant(path: Path, result: object) -> None:
    """An entry as the cache wrote them before they were sealed (and read them as they stood)."""
    path.write_text(json.dumps({"format": 2, "code": None, "result": result}), encoding="utf-8")


def test_a_planted_entry_does_not_change_the_verdict(
    tmp_path: Path, honest: subprocess.CompletedProcess[str]
) -> None:
    cache = tmp_path / "cache"
    assert check(cache, FAILING).stdout == honest.stdout
    result, text = entries(cache)
    plant(text, FORGED_TEXT)
    plant(result, FORGED_RESULT)
    done = check(cache, FAILING)
    assert (done.returncode, done.stdout, done.stderr) == (1, honest.stdout, "")
    # The planted entries were replaced by this run's own.
    assert CLEAN not in text.read_text(encoding="utf-8")
    assert sorted(path.name for path in cache.iterdir()) == sorted(
        ["files.json", "secret", result.name, text.name]
    )
    assert stat.S_IMODE((cache / "secret").stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_the_entry_of_another_run_copied_under_this_runs_name_is_not_used(
    tmp_path: Path, honest: subprocess.CompletedProcess[str]
) -> None:
    cache = tmp_path / "cache"
    clean = write_yaml(tmp_path / "clean.yaml", base_set())
    assert check(cache, clean).stdout == CLEAN
    clean_entries = entries(cache)
    for path in clean_entries:
        path.rename(tmp_path / path.name)
    assert check(cache, FAILING).returncode == 1
    # Entries written by prestatie itself, for another file: what a planted copy would be.
    for kept, taken in zip(entries(cache), clean_entries, strict=True):
        shutil.copyfile(tmp_path / taken.name, kept)
    done = check(cache, FAILING)
    assert (done.returncode, done.stdout, done.stderr) == (1, honest.stdout, "")
    assert all(CLEAN not in path.read_text(encoding="utf-8") for path in entries(cache))


def test_a_cache_folder_others_may_write_in_is_not_used(
    tmp_path: Path, honest: subprocess.CompletedProcess[str]
) -> None:
    cache = tmp_path / "shared"
    check(cache, FAILING)
    result, text = entries(cache)
    # Another user of a shared folder plants the entries (as root: owned by "nobody").
    plant(text, FORGED_TEXT)
    plant(result, FORGED_RESULT)
    cache.chmod(0o777)
    if os.geteuid() == 0:
        for path in (result, text):
            os.chown(path, 65534, 65534)
    before = {path.name: path.read_bytes() for path in cache.iterdir()}
    done = check(cache, FAILING)
    assert (done.returncode, done.stdout) == (1, honest.stdout)
    assert done.stderr == (
        f"prestatie: de cachemap {cache} wordt niet gebruikt, want anderen mogen erin "
        "schrijven (rechten 777); er wordt zonder cache gewerkt. Gebruik een eigen map "
        "(chmod 700) of zet PRESTATIE_CACHE_DIR.\n"
    )
    # Nothing in it was used, replaced or added.
    assert {path.name: path.read_bytes() for path in cache.iterdir()} == before


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another user")
def test_a_cache_folder_of_another_user_is_not_used(
    tmp_path: Path, honest: subprocess.CompletedProcess[str]
) -> None:
    cache = tmp_path / "theirs"
    check(cache, FAILING)
    result, text = entries(cache)
    plant(text, FORGED_TEXT)
    plant(result, FORGED_RESULT)
    for path in (cache, *cache.iterdir()):
        os.chown(path, 65534, 65534)
    done = check(cache, FAILING)
    assert (done.returncode, done.stdout) == (1, honest.stdout)
    assert done.stderr.startswith(
        f"prestatie: de cachemap {cache} wordt niet gebruikt, want hij is van een andere "
        "gebruiker (uid 65534); er wordt zonder cache gewerkt."
    )
    assert json.loads(text.read_text(encoding="utf-8"))["result"] == FORGED_TEXT


def test_a_fifo_in_the_cache_does_not_hang_a_run(
    tmp_path: Path, honest: subprocess.CompletedProcess[str]
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    os.mkfifo(cache / "files.json")
    done = check(cache, FAILING, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (1, honest.stdout, "")
    # Not opened for reading; replaced by the run's own index of file hashes.
    assert stat.S_ISREG((cache / "files.json").lstat().st_mode)


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_a_link_in_the_cache_to_an_endless_device_is_not_read(
    tmp_path: Path, honest: subprocess.CompletedProcess[str], target: str
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    (cache / "files.json").symlink_to(target)
    done = check(cache, FAILING)
    assert (done.returncode, done.stdout, done.stderr) == (1, honest.stdout, "")
    # The link itself was replaced by the run's index; the device is as it was.
    assert stat.S_ISREG((cache / "files.json").lstat().st_mode)
    assert stat.S_ISCHR(Path(target).stat().st_mode)


@pytest.mark.parametrize(
    "row",
    [
        ["x", None, None, "Z999", "error", "planted", "", None],
        ["x", 0, 1, "S101", "error", "planted", "", None],
        ["x", 1, 1, "S101", "fatal", "planted", "", None],
        ["x", 1, 1, "<script>", "error", "planted", "", None],
        ["x", 1],
    ],
)
def test_a_malformed_problem_row_in_the_cache_is_not_shown(
    tmp_path: Path, honest: subprocess.CompletedProcess[str], row: list[object]
) -> None:
    cache = tmp_path / "cache"
    check(cache, FAILING)
    result, text = entries(cache)
    text.unlink()  # the result is rendered again, from the (planted) result
    plant(result, {"files": 1, "problems": [row], "waived": []})
    done = check(cache, FAILING)
    assert (done.returncode, done.stdout, done.stderr) == (1, honest.stdout, "")
    assert "planted" not in result.read_text(encoding="utf-8")
