"""Which files a run reads."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from prestatie_cli.load.discover import discover


def test_discover_skips_hidden_and_non_yaml(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yml", "c.txt", ".hidden.yaml", ".github/ci.yml", "sub/d.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    found = discover([tmp_path, tmp_path / "a.yaml"])
    assert [path.relative_to(tmp_path).as_posix() for path in found] == [
        "a.yaml",
        "b.yml",
        "sub/d.yaml",
    ]


def test_discover_keeps_links_and_enters_no_hidden_or_linked_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a/x.yaml", "b/z.yml", ".git/objects/o.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "a" / "dangling.yaml").symlink_to("nowhere.yaml")
    (tmp_path / "a" / "loop.yaml").symlink_to("loop.yaml")
    (tmp_path / "a" / "up").symlink_to("..")  # a loop if it were followed
    entered: list[str] = []
    real_scandir = os.scandir

    def scandir(folder: Path) -> Any:
        entered.append(Path(folder).relative_to(tmp_path).as_posix())
        return real_scandir(folder)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover([tmp_path])
    assert [path.relative_to(tmp_path).as_posix() for path in found] == [
        "a/dangling.yaml",  # kept, so that loading says it is missing
        "a/loop.yaml",  # kept, so that loading says it cannot be opened
        "a/x.yaml",
        "b/z.yml",
    ]
    assert sorted(entered) == [".", "a", "b"]
