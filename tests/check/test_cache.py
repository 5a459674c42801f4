"""The result cache: the same answer from the cache, and no harm from a broken one."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pytest

from prestatie_cli.check import cache
from prestatie_cli.check.engine import CheckRun, Shown, check
from prestatie_cli.check.result import CheckOptions, CheckResult
from prestatie_cli.commands import check as commands_check
from prestatie_cli.load.discover import discover
from tests.conftest import AS_OF, REPO

EXAMPLES = [
    REPO / "examples" / "afspraken",
    REPO / "examples" / "monitor",
    REPO / "examples" / "invalid",
    REPO / "tests" / "bad_input",
]


def _run(
    cache_dir: Path | None, *args: str, quiet: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PRESTATIE_")}
    if cache_dir is None:
        env["PRESTATIE_NO_CACHE"] = "1"
    else:
        env["PRESTATIE_CACHE_DIR"] = str(cache_dir)
    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", *(["-q"] if quiet else []), "check",
         "--as-of", "2026-11-21", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("output_format", ["text", "json", "sarif"])
def test_output_identical_without_cache_cold_and_warm(output_format: str, tmp_path: Path) -> None:
    paths = [str(path) for path in EXAMPLES]
    plain = _run(None, "--format", output_format, *paths)
    cold = _run(tmp_path, "--format", output_format, *paths)
    warm = _run(tmp_path, "--format", output_format, *paths)
    assert plain.returncode == cold.returncode == warm.returncode == 2  # bad_input: unreadable
    assert plain.stdout == cold.stdout == warm.stdout
    # The result, and the text it was shown as.
    names = {path.name for path in tmp_path.glob("check-*.json")}
    (result,) = {name for name in names if not name.endswith(f"-{output_format}.json")}
    assert names == {result, result.replace(".json", f"-{output_format}.json")}


def test_a_changed_file_is_another_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "c"))
    target = tmp_path / "s.yaml"
    target.write_text((REPO / "examples" / "invalid" / "A302-unknown-owner.yaml").read_text())
    first = check([target], CheckOptions(AS_OF))
    target.write_text(target.read_text().replace("owner: corporaties", "owner: demarke"))
    second = check([target], CheckOptions(AS_OF))
    assert [p.code for p in first.problems].count("A302") == 1
    assert "A302" not in [p.code for p in second.problems]
    other_day = check([target], CheckOptions(AS_OF.replace(year=2020)))
    assert len(list((tmp_path / "c").glob("check-*.json"))) == 3
    assert other_day.files == 1


def test_corrupt_or_foreign_entries_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path))
    paths = [REPO / "examples" / "invalid" / "S101-vague-wording.yaml"]
    expected = check(paths, CheckOptions(AS_OF))
    (entry,) = tmp_path.glob("check-*.json")
    for content in (
        "{not json",
        "[" * 100_000 + "]" * 100_000,  # nested too deep for the JSON reader
        json.dumps({"format": 999, "result": {}}),
        # Without a seal: planted, or written by a version before entries were sealed.
        json.dumps({"format": 2, "code": None, "result": {"files": 1}}),
        json.dumps({"format": 1, "result": {"files": 1, "problems": [{"path": "x"}]}}),
    ):
        entry.write_text(content, encoding="utf-8")
        assert check(paths, CheckOptions(AS_OF)) == expected
    entry.write_bytes(b"\x00\xff")
    assert check(paths, CheckOptions(AS_OF)) == expected
    # Sealed, but not a result: what an entry holds is checked as well.
    run = entry.name.removeprefix("check-").removesuffix(".json")
    for result in (
        {"files": 1},
        {"files": 1, "problems": [[1]], "waived": []},
        ["files", 1],
    ):
        cache.store(run, result)
        assert check(paths, CheckOptions(AS_OF)) == expected


def test_an_unwritable_cache_folder_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(blocked / "cache"))
    paths = [REPO / "examples" / "invalid" / "S101-vague-wording.yaml"]
    before_deadlines = AS_OF.replace(year=2025, month=6, day=30)
    assert [p.code for p in check(paths, CheckOptions(before_deadlines)).problems] == ["S101"]


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESTATIE_NO_CACHE", "1")
    assert cache.folder() is None
    monkeypatch.delenv("PRESTATIE_NO_CACHE")
    monkeypatch.delenv("PRESTATIE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.folder() == tmp_path / "prestatie"


def test_history_blobs_are_parsed_once_across_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from prestatie_cli import cli
    from prestatie_cli.versions import snapshots as versions
    from tests.versions.test_history import BS01, SET_PATH, Git, Item, set_text

    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "cache"))
    git = Git(tmp_path / "repo")
    for number, value in enumerate((180, 190, 200), start=1):
        item = Item(BS01.id, BS01.title, BS01.text, value=value)
        git.write(SET_PATH, set_text([item]))
        git.commit(f"Stap {number}", f"2025-0{number}-01")
    parsed: list[str] = []
    real = versions._parse

    def counting(raw: bytes, path: str) -> tuple[versions.Parsed, bool]:
        parsed.append(path)
        return real(raw, path)

    monkeypatch.setattr(versions, "_parse", counting)
    monkeypatch.chdir(git.root)
    outputs = []
    for _ in range(2):
        monkeypatch.setattr(sys, "argv", ["prestatie", "log", "BS-01"])
        with pytest.raises(SystemExit) as done:
            cli.main()
        assert done.value.code == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].startswith("Geschiedenis van BS-01 (3 wijziging(en))")
    assert len(parsed) == 3  # three blobs, parsed in the first run only


# --- The index of file hashes ---------------------------------------------------------------------

LATER = 10**20  # a clock far ahead: every file has settled


def _sha(content: bytes) -> str:
    import hashlib

    return hashlib.sha256(content).hexdigest()


def _stored(folder: Path, name: str) -> Any:
    """What the cache in ``folder`` keeps under ``name``, its seal checked."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESTATIE_CACHE_DIR", str(folder))
        return cache._read(name, None)


def _keep(folder: Path, name: str, value: object) -> None:
    """Keep ``value`` under ``name`` in the cache in ``folder``, sealed as the cache does."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESTATIE_CACHE_DIR", str(folder))
        cache._write(name, value, None)


def _index(folder: Path) -> dict[str, list[object]]:
    files: dict[str, list[object]] = _stored(folder, "files.json")
    assert isinstance(files, dict)
    return files


@pytest.fixture
def target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small file, with the cache in tmp_path/c."""
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "c"))
    path = tmp_path / "s.yaml"
    path.write_bytes(b"id: a\n")
    return path


def test_a_settled_file_is_not_read_again(target: Path, tmp_path: Path) -> None:
    assert cache.file_hashes([target], now_ns=LATER) == [_sha(b"id: a\n")]
    index = _index(tmp_path / "c")
    assert list(index) == [str(target)]
    # Changed in the index (sealed): served from there, so the file was not read.
    index[str(target)][5] = "0" * 64
    _keep(tmp_path / "c", "files.json", index)
    assert cache.file_hashes([target], now_ns=LATER) == ["0" * 64]
    # The same size, the old modification time: the change time still tells.
    before = target.stat()
    target.write_bytes(b"id: b\n")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert cache.file_hashes([target], now_ns=LATER) == [_sha(b"id: b\n")]
    assert _index(tmp_path / "c")[str(target)][5] == _sha(b"id: b\n")


def test_a_file_replaced_by_another_is_read(target: Path, tmp_path: Path) -> None:
    other = tmp_path / "t.yaml"
    cache.file_hashes([target], now_ns=LATER)
    other.write_bytes(b"id: b\n")
    before = target.stat()
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    other.replace(target)
    assert cache.file_hashes([target], now_ns=LATER) == [_sha(b"id: b\n")]


def test_a_recent_file_is_hashed_on_every_run(target: Path, tmp_path: Path) -> None:
    # Changed a second ago: a second change in the same clock tick would keep its times.
    just_after = target.stat().st_ctime_ns + 1_000_000_000
    assert cache.file_hashes([target], now_ns=just_after) == [_sha(b"id: a\n")]
    assert not (tmp_path / "c" / "files.json").exists()


def test_a_file_changed_while_read_is_not_kept(
    target: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_read = Path.read_bytes

    def read_then_change(path: Path) -> bytes:
        content = real_read(path)
        path.write_bytes(b"id: bb\n")
        return content

    monkeypatch.setattr(Path, "read_bytes", read_then_change)
    assert cache.file_hashes([target], now_ns=LATER) == [_sha(b"id: a\n")]
    assert not (tmp_path / "c" / "files.json").exists()


@pytest.mark.parametrize(
    ("content", "sealed"),
    [
        ("{not json", False),
        ('["x"]', True),
        ('{"NAME": [1, 2, 3]}', True),
        (json.dumps({"format": 999, "code": None, "result": {"NAME": "SIGNATURE"}}), False),
        # Planted: the format of before the seal, which was read as it stood.
        (json.dumps({"format": 2, "code": None, "result": {"NAME": "SIGNATURE"}}), False),
    ],
)
def test_a_corrupt_or_foreign_index_is_ignored(
    content: str, sealed: bool, target: Path, tmp_path: Path
) -> None:
    info = target.stat()
    # A foreign index may even carry the file's own signature with a wrong hash.
    signature = [
        info.st_size,
        info.st_mtime_ns,
        info.st_ctime_ns,
        info.st_ino,
        info.st_dev,
        "0" * 64,
    ]
    content = content.replace('"NAME"', json.dumps(str(target))).replace(
        '"SIGNATURE"', json.dumps(signature)
    )
    if sealed:
        _keep(tmp_path / "c", "files.json", json.loads(content))
    else:
        (tmp_path / "c").mkdir(mode=0o700)
        (tmp_path / "c" / "files.json").write_text(content, encoding="utf-8")
    assert cache.file_hashes([target], now_ns=LATER) == [_sha(b"id: a\n")]
    assert _index(tmp_path / "c") == {str(target): [*signature[:5], _sha(b"id: a\n")]}


def test_the_index_keeps_the_newest_entries_of_other_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "_INDEX_LIMIT", 2)
    files = []
    for name in "abcd":
        files.append(tmp_path / f"{name}.yaml")
        files[-1].write_bytes(name.encode())
        cache.file_hashes([files[-1]], now_ns=LATER)
    assert list(_index(tmp_path / "c")) == [str(files[1]), str(files[2]), str(files[3])]


def test_a_missing_or_special_file_gives_no_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "c"))
    assert cache.key([tmp_path / "missing.yaml"], "") is None
    assert cache.key([tmp_path], "") is None  # a folder named as a file
    monkeypatch.setenv("PRESTATIE_NO_CACHE", "1")
    (tmp_path / "s.yaml").write_bytes(b"id: a\n")
    assert cache.key([tmp_path / "s.yaml"], "") is None  # nothing hashed when nothing is kept


def test_runs_at_once_share_the_cache_safely(tmp_path: Path) -> None:
    paths = [str(path) for path in EXAMPLES]
    plain = _run(None, "--format", "json", *paths)
    files = {str(path.absolute()): path.stat() for path in discover(EXAMPLES)}
    started = time.time_ns() - 2 * 10**9
    settled = {
        name for name, info in files.items() if max(info.st_mtime_ns, info.st_ctime_ns) <= started
    }
    env = {key: value for key, value in os.environ.items() if not key.startswith("PRESTATIE_")}
    env["PRESTATIE_CACHE_DIR"] = str(tmp_path)
    command = [sys.executable, "-m", "prestatie_cli", "check", "--as-of", "2026-11-21"]
    for _ in range(3):
        runs = [
            subprocess.Popen(
                [*command, "--format", "json", *paths],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        for run in runs:
            out, _ = run.communicate(timeout=120)
            assert (run.returncode, out) == (2, plain.stdout)
    # Every file settled before the runs is in the index, and nothing else.
    indexed = set(_index(tmp_path)) if (tmp_path / "files.json").exists() else set()
    assert settled <= indexed <= set(files)
    assert not list(tmp_path.glob(".*.tmp"))


# --- The text a check was shown as ----------------------------------------------------------------


def check_shown(
    paths: list[Path], options: CheckOptions, show: Callable[[CheckResult], str], shown_as: str
) -> Shown:
    """A check shown by the check command's own step: the kept text, else rendered and kept."""
    return commands_check.show(CheckRun.of(paths, options), shown_as, show, nullcontext)


def test_a_check_is_shown_again_without_loading_or_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prestatie_cli.check import runner as workers

    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path))
    paths = [REPO / "examples" / "invalid" / "S101-vague-wording.yaml"]
    shown_as: list[str] = []

    def show(result: CheckResult) -> str:
        shown_as.append("text")
        return f"{len(result.problems)} problem(s)\n"

    first = check_shown(paths, CheckOptions(AS_OF), show, "text")
    assert (first.files, first.text, first.exit_codes) == (1, "2 problem(s)\n", (0, 1))

    def no_check(*args: object) -> None:
        raise AssertionError("checked again")

    monkeypatch.setattr(workers, "check_files", no_check)
    assert check_shown(paths, CheckOptions(AS_OF), show, "text") == first
    assert shown_as == ["text"]
    # Another way of showing: rendered again from the stored result, not checked again.
    other = check_shown(paths, CheckOptions(AS_OF), lambda result: "other\n", "json")
    assert (other.files, other.text, other.exit_codes) == (1, "other\n", (0, 1))


@pytest.mark.parametrize(
    "stored",
    [
        [1, "planted\n"],
        [1, "planted\n", [0]],
        [1, "planted\n", [0, 3]],
        ["1", "planted\n", [0, 0]],
        [1, None, [0, 0]],
        [1, "planted\n", [False, 0]],
        {"files": 1},
    ],
)
def test_a_corrupt_shown_entry_is_ignored(
    stored: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path))
    paths = [REPO / "examples" / "invalid" / "S101-vague-wording.yaml"]
    first = check_shown(paths, CheckOptions(AS_OF), lambda result: "shown\n", "text")
    (entry,) = tmp_path.glob("check-*-text.json")
    # Sealed as the cache seals what it keeps: the content is what is checked here.
    cache.store(entry.name.removeprefix("check-").removesuffix(".json"), stored)
    assert check_shown(paths, CheckOptions(AS_OF), lambda result: "shown\n", "text") == first


def test_quiet_output_is_kept_apart(tmp_path: Path) -> None:
    paths = [str(REPO / "examples" / "invalid" / "S101-vague-wording.yaml")]
    plain, quiet = _run(None, *paths), _run(None, *paths, quiet=True)
    for _ in range(2):
        assert _run(tmp_path, *paths).stdout == plain.stdout
        assert _run(tmp_path, *paths, quiet=True).stdout == quiet.stdout
    # Two problems: without --quiet each has its hint, and a summary follows.
    assert (plain.stdout.count("\n"), quiet.stdout.count("\n")) == (5, 2)


# --- Keeping the cache small ----------------------------------------------------------------------


def _entry(folder: Path, name: str, size: int, age_s: int) -> Path:
    path = folder / name
    path.write_bytes(b"x" * size)
    when = 1_700_000_000 * 10**9 - age_s * 10**9
    os.utime(path, ns=(when, when))
    return path


def test_prune_removes_the_least_recently_used_entries_only(tmp_path: Path) -> None:
    check = "check-" + "a" * 64
    oldest = _entry(tmp_path, f"{check}.json", 400, age_s=50)
    older = _entry(tmp_path, "blob-" + "b" * 40 + ".json", 300, age_s=40)
    newer = _entry(tmp_path, f"{check}-text-quiet.json", 200, age_s=30)
    newest = _entry(tmp_path, f"{check}-json.json", 100, age_s=20)
    index = _entry(tmp_path, "files.json", 500, age_s=99)
    foreign = _entry(tmp_path, "notes.json", 500, age_s=99)  # not ours: never removed
    killed = _entry(tmp_path, f".{check}.json.k3x9.tmp", 10, age_s=7200)
    writing = _entry(tmp_path, ".files.json.p2q8.tmp", 10, age_s=60)
    now = 1_700_000_000 * 10**9
    cache.prune(tmp_path, limit=1000, now_ns=now)  # 1,000 bytes of entries: at the limit
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        path.name for path in (oldest, older, newer, newest, index, foreign, writing)
    )
    cache.prune(tmp_path, limit=800, now_ns=now)  # down to 600: the oldest goes
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        path.name for path in (older, newer, newest, index, foreign, writing)
    )
    cache.prune(tmp_path, limit=400, now_ns=now)  # 600 down to 300: the oldest left goes
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        path.name for path in (newer, newest, index, foreign, writing)
    )
    assert not killed.exists()


def test_reading_an_entry_counts_as_using_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path))
    run = "c" * 64
    cache.store(run, {"files": 0})
    entry = tmp_path / f"check-{run}.json"
    os.utime(entry, ns=(0, 0))
    assert cache.load(run) == {"files": 0}
    assert entry.stat().st_mtime_ns > 0


def test_a_run_prunes_the_cache_when_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "LIMIT_BYTES", 1000)
    stale = _entry(tmp_path, "check-" + "d" * 64 + ".json", 2000, age_s=10**6)
    paths = [REPO / "examples" / "invalid" / "S101-vague-wording.yaml"]
    check(paths, CheckOptions(AS_OF))
    assert not stale.exists()
    assert len(list(tmp_path.glob("check-*.json"))) == 1  # this run's result stays


# --- Trust: the folder, the files in it, the seal ---------------------------------------------


def test_entries_are_sealed_with_a_private_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "c"))
    cache.store("a" * 64, {"files": 0})
    assert cache.load("a" * 64) == {"files": 0}
    folder = tmp_path / "c"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "secret").stat().st_mode) == 0o600
    assert len((folder / "secret").read_bytes()) == 32
    entry = folder / f"check-{'a' * 64}.json"
    header, payload = entry.read_bytes().split(b"\n", 1)
    assert json.loads(header)["key"] == entry.name
    assert json.loads(payload) == {"files": 0}
    # The same bytes under another name, torn, changed, or under another secret: not used.
    (folder / f"check-{'b' * 64}.json").write_bytes(entry.read_bytes())
    assert cache.load("b" * 64) is None
    entry.write_bytes(entry.read_bytes()[:-3])
    assert cache.load("a" * 64) is None
    entry.write_bytes(header + b"\n" + b'{"files": 1}')
    assert cache.load("a" * 64) is None
    cache.store("a" * 64, {"files": 0})
    (folder / "secret").write_bytes(bytes(32))
    assert cache.load("a" * 64) is None


def test_an_oversized_entry_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", 2000)
    cache.store("a" * 64, ["x" * 100])
    assert cache.load("a" * 64) == ["x" * 100]
    cache.store("a" * 64, ["x" * 1500])  # too large to keep: the entry before stays
    assert cache.load("a" * 64) == ["x" * 100]
    with (tmp_path / f"check-{'a' * 64}.json").open("ab") as entry:
        entry.truncate(2001)
    assert cache.load("a" * 64) is None


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        (0o770, ("cache.reason.writable", {"mode": "770"})),
        (0o757, ("cache.reason.writable", {"mode": "757"})),
        (0o755, None),
        (0o700, None),
    ],
)
def test_a_folder_others_may_write_in_is_distrusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int, reason: object
) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "c"))
    cache.store("a" * 64, {"files": 0})
    (tmp_path / "c").chmod(mode)
    assert cache.distrust() == reason
    assert cache.load("a" * 64) == (None if reason else {"files": 0})
    (tmp_path / "s.yaml").write_bytes(b"id: a\n")
    assert (cache.key([tmp_path / "s.yaml"], "") is None) == bool(reason)


def test_a_secret_that_is_not_private_or_not_a_file_distrusts_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "c"))
    cache.store("a" * 64, {"files": 0})
    secret = tmp_path / "c" / "secret"
    secret.chmod(0o644)
    assert cache.distrust() == ("cache.reason.secret", {"name": "secret"})
    assert cache.load("a" * 64) is None
    secret.unlink()
    secret.symlink_to(tmp_path / "elsewhere")
    assert cache.distrust() == ("cache.reason.secret", {"name": "secret"})
    cache.store("b" * 64, {"files": 0})  # not made anew through the link
    assert not (tmp_path / "elsewhere").exists()
    assert cache.load("b" * 64) is None


def test_a_cache_path_that_is_no_folder_is_distrusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "file"))
    assert cache.distrust() == ("cache.reason.not-folder", {})
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path / "not-yet"))
    assert cache.distrust() is None  # made, private, at the first write


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_an_entry_of_another_user_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path))
    cache.store("a" * 64, {"files": 0})
    os.chown(tmp_path / f"check-{'a' * 64}.json", 65534, 65534)
    assert cache.load("a" * 64) is None
    os.chown(tmp_path / "secret", 65534, 65534)
    assert cache.distrust() == ("cache.reason.secret", {"name": "secret"})


@pytest.mark.parametrize(
    "row",
    [
        ["x", None, 1, "S101", "warning", "m", "h", None],
        ["x", 1, 0, "S101", "warning", "m", "h", None],
        ["x", True, 1, "S101", "warning", "m", "h", None],
        ["x", 1, 1, "Z99", "warning", "m", "h", None],
        ["x", 1, 1, "S101\n", "warning", "m", "h", None],
        ["x", 1, 1, "S101", "fatal", "m", "h", None],
        ["x", 1, 1, "S101", "warning", None, "h", None],
        ["x", 1, 1, "S101", "warning", "m", "h", 3],
        [None, 1, 1, "S101", "warning", "m", "h", None],
        ["x", 1, 1, "S101", "warning", "m", "h"],
        {"path": "x"},
    ],
)
def test_a_sealed_result_with_a_malformed_row_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, row: object
) -> None:
    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path))
    paths = [REPO / "examples" / "invalid" / "S101-vague-wording.yaml"]
    expected = check(paths, CheckOptions(AS_OF))
    run = CheckRun.of(paths, CheckOptions(AS_OF))
    assert run.key is not None
    cache.store(run.key, {"files": 1, "problems": [row], "waived": []})
    assert check(paths, CheckOptions(AS_OF)) == expected
    cache.store(run.key, {"files": -1, "problems": [], "waived": []})
    assert check(paths, CheckOptions(AS_OF)) == expected


@pytest.mark.parametrize(
    "entry",
    [
        {"readable": "yes", "kind": None, "model": None},
        {"readable": True, "kind": "script", "model": {}},
        {"readable": True, "kind": "agreements", "model": {"kind": "monitor"}},
        {"readable": True, "kind": "agreements"},
        ["readable", True],
    ],
)
def test_a_sealed_blob_entry_that_is_no_parsed_file_is_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: object
) -> None:
    from prestatie_cli.versions import snapshots

    monkeypatch.setenv("PRESTATIE_CACHE_DIR", str(tmp_path))
    cache.store_entry("blob-" + "e" * 40, entry)
    assert cache.load_entry("blob-" + "e" * 40) == entry
    assert snapshots._stored("e" * 40) is None
    cache.store_entry("blob-" + "e" * 40, {"readable": False, "kind": None, "model": None})
    assert snapshots._stored("e" * 40) == (None, False)
