"""The pre-commit hook of this repository, run by the real pre-commit in a scaffolded repository.

pre-commit installs this package (from the working tree) into an environment of its
own, from the package index; that takes a while the first time, hence the long timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from prestatie_cli.load.yaml import load_file

ROOT = Path(__file__).resolve().parent.parent


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("GIT_", "PRE_COMMIT")) and name != "SKIP"
    }
    env.update(
        {
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Test Gemeente",
            "GIT_AUTHOR_EMAIL": "test@gemeente.example",
            "GIT_COMMITTER_NAME": "Test Gemeente",
            "GIT_COMMITTER_EMAIL": "test@gemeente.example",
        }
    )
    return env


def _run(
    args: list[str], cwd: Path, env: dict[str, str], timeout: int = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def _try_repo(
    demo: Path, env: dict[str, str], hook: str = "prestatie-check"
) -> subprocess.CompletedProcess[str]:
    return _run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(ROOT),
            hook,
            "--all-files",
            "--color",
            "never",
        ],
        demo,
        env,
        timeout=300,
    )


def test_manifest_is_valid_for_pre_commit() -> None:
    done = _run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
        ROOT,
        dict(os.environ),
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    hooks = load_file(ROOT / ".pre-commit-hooks.yaml").data
    assert [
        (hook["id"], hook["entry"], hook["language"], hook["pass_filenames"]) for hook in hooks
    ] == [
        ("prestatie-check", "prestatie check", "python", False),
        ("prestatie-fmt", "prestatie fmt --check", "python", False),
    ]
    assert hooks[0]["verbose"] is True


def test_real_pre_commit_runs_the_hook_in_a_scaffolded_repository(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    year = date.today().year
    set_id = f"demo-{year + 1}-{year + 4}"
    requirement = "prestatie @ git+https://git.example.org/wonen/prestatie.git@v0.1.0"
    init = _run(
        [sys.executable, "-m", "prestatie_cli", "init", "demo", "--requirement", requirement],
        tmp_path,
        env,
    )
    assert init.returncode == 0, init.stderr
    demo = (tmp_path / "demo").resolve()
    for command in (
        ["git", "init", "--quiet", "--initial-branch", "main"],
        ["git", "add", "."],
        ["git", "commit", "--quiet", "--message", "Opzet prestatieafspraken"],
    ):
        done = _run(command, demo, env)
        assert done.returncode == 0, done.stderr

    clean = _try_repo(demo, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    lines = clean.stdout.splitlines()
    assert any(line.startswith("prestatie check.") and line.endswith("Passed") for line in lines)
    assert "- hook id: prestatie-check" in lines
    # The hook ran the check, and its warnings show although it passed (verbose: true in
    # the manifest, without --verbose here): the scaffold is only unsigned.
    assert (
        f"afspraken/{set_id}.yaml:16:9: P604 waarschuwing Partij 'gemeente' (Gemeente Demo) "
        "heeft de set niet ondertekend."
    ) in lines
    assert (
        "3 bestand(en) gecontroleerd: 0 fout(en), 3 waarschuwing(en), 0 info, 0 uitgezonderd."
    ) in lines

    # Break the set: the owner of BS-01 is no party. Stage it, or pre-commit stashes it away.
    path = demo / "afspraken" / f"{set_id}.yaml"
    content = path.read_text(encoding="utf-8")
    before = "    owner: corporatie               # de trekker"
    assert content.count(before) == 1
    broken = content.replace(before, "    owner: woonbedrijf              # de trekker")
    path.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index(
        "    owner: woonbedrijf              # de trekker: een id uit 'parties'"
    )
    assert _run(["git", "add", str(path)], demo, env).returncode == 0

    failed = _try_repo(demo, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    lines = failed.stdout.splitlines()
    assert any(line.startswith("prestatie check.") and line.endswith("Failed") for line in lines)
    assert "- exit code: 1" in lines
    assert (
        f"afspraken/{set_id}.yaml:{line + 1}:12: A302 fout De trekker 'woonbedrijf' "
        "van BS-01 is geen partij in deze set."
    ) in lines
    assert (
        "3 bestand(en) gecontroleerd: 1 fout(en), 3 waarschuwing(en), 0 info, 0 uitgezonderd."
    ) in lines


def test_real_pre_commit_runs_the_layout_hook(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    init = _run(
        [
            sys.executable,
            "-m",
            "prestatie_cli",
            "init",
            "demo",
            "--requirement",
            "prestatie @ git+https://git.example.org/wonen/prestatie.git@v0.1.0",
        ],
        tmp_path,
        env,
    )
    assert init.returncode == 0, init.stderr
    demo = (tmp_path / "demo").resolve()
    for command in (
        ["git", "init", "--quiet", "--initial-branch", "main"],
        ["git", "add", "."],
        ["git", "commit", "--quiet", "--message", "Opzet prestatieafspraken"],
    ):
        done = _run(command, demo, env)
        assert done.returncode == 0, done.stderr

    # What init writes is in the layout.
    clean = _try_repo(demo, env, "prestatie-fmt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    lines = clean.stdout.splitlines()
    assert any(line.startswith("prestatie fmt.") and line.endswith("Passed") for line in lines)

    # 'version' before 'kind' is out of order: the hook fails, names the file, writes nothing.
    path = demo / "prestatie.yaml"
    content = path.read_text(encoding="utf-8")
    assert content.count("kind: config\nversion: 1\n") == 1
    swapped = content.replace("kind: config\nversion: 1\n", "version: 1\nkind: config\n")
    path.write_text(swapped, encoding="utf-8")
    assert _run(["git", "add", str(path)], demo, env).returncode == 0

    failed = _try_repo(demo, env, "prestatie-fmt")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    lines = failed.stdout.splitlines()
    assert any(line.startswith("prestatie fmt.") and line.endswith("Failed") for line in lines)
    assert "- exit code: 1" in lines
    assert "prestatie.yaml: niet in de vaste opmaak" in lines
    assert path.read_text(encoding="utf-8") == swapped
