"""The result cache: the same answer from the cache, and no harm from a broken one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from prestatie_cli import cache
from prestatie_cli.checking import CheckOptions, check
from tests.conftest import AS_OF, REPO

EXAMPLES = [
    REPO / "examples" / "afspraken",
    REPO / "examples" / "monitor",
    REPO / "examples" / "invalid",
    REPO / "tests" / "bad_input",
]


def _run(cache_dir: Path | None, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PRESTATIE_")}
    if cache_dir is None:
        env["PRESTATIE_NO_CACHE"] = "1"
    else:
        env["PRESTATIE_CACHE_DIR"] = str(cache_dir)
    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "check", "--as-of", "2026-11-21", *args],
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
    assert len(list(tmp_path.glob("check-*.json"))) == 1


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
        json.dumps({"format": 999, "result": {}}),
        json.dumps({"format": cache.FORMAT, "result": {"files": 1}}),
        json.dumps(
            {"format": cache.FORMAT, "result": {"files": 1, "problems": [[1]], "waived": []}}
        ),
        # A result of an older format (problems as objects) is another key's business.
        json.dumps({"format": 1, "result": {"files": 1, "problems": [{"path": "x"}]}}),
    ):
        entry.write_text(content, encoding="utf-8")
        assert check(paths, CheckOptions(AS_OF)) == expected
    entry.write_bytes(b"\x00\xff")
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
    from prestatie_cli import cli, versions
    from tests.test_history import BS01, SET_PATH, Git, Item, set_text

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
