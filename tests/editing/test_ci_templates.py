"""The CI files prestatie init writes: as GitHub's and GitLab's own checkers read them.

actionlint, zizmor (offline: no network in tests) and check-jsonschema's vendored schemas
run on the generated files, in both languages and for both kinds of origin; none may
find anything. Where prestatie is installed from comes from PEP 610 or --requirement.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from prestatie_cli.editing.scaffold import ACTIONS, requirement_from
from prestatie_cli.load.yaml import load_file
from tests.editing.test_scaffold import run

BIN = Path(sys.executable).parent
GIT = "prestatie @ git+https://git.example.org/wonen/prestatie.git@0123456789abcdef0123456789abcdef01234567"
WHEEL = "prestatie @ https://files.example.org/prestatie-0.1.0-py3-none-any.whl#sha256=" + "ab" * 32
WORKFLOW = ".github/workflows/prestatie.yml"
SHA = re.compile(r"^[0-9a-f]{40}$")


def _scaffold(tmp_path: Path, requirement: str, lang: str) -> Path:
    done = run("init", "demo", "--start-year", "2026", "--lang", lang, "--requirement",
               requirement, cwd=tmp_path)  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    return tmp_path / "demo"


@pytest.fixture(
    scope="module",
    params=[("nl", GIT), ("en", GIT), ("nl", WHEEL)],
    ids=["nl-git", "en-git", "nl-wheel"],
)
def scaffold(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    lang, requirement = request.param
    return _scaffold(tmp_path_factory.mktemp("ci"), requirement, lang)


def _tool(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / args[0]), *args[1:]],
        cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_actionlint_finds_nothing(scaffold: Path) -> None:
    done = _tool("actionlint", "-no-color", WORKFLOW, cwd=scaffold)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


@pytest.mark.parametrize("persona", ["regular", "pedantic", "auditor"])
def test_zizmor_finds_nothing(scaffold: Path, persona: str) -> None:
    # Without colour also where CI=true, in which zizmor colours its output by default.
    done = _tool("zizmor", "--offline", "--no-progress", "--color", "never", "--persona",
                 persona, "--format", "plain", WORKFLOW, cwd=scaffold)  # fmt: skip
    assert done.returncode == 0, done.stdout
    assert done.stdout == "No findings to report. Good job!\n"


@pytest.mark.parametrize(
    ("schema", "path"),
    [("vendor.github-workflows", WORKFLOW), ("vendor.gitlab-ci", ".gitlab-ci.yml")],
    ids=["github", "gitlab"],
)
def test_the_vendored_schemas_accept_the_ci_files(scaffold: Path, schema: str, path: str) -> None:
    done = _tool("check-jsonschema", "--builtin-schema", schema, path, cwd=scaffold)
    assert (done.returncode, done.stdout.strip()) == (0, "ok -- validation done")


def _steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = workflow["jobs"][job]["steps"]
    return steps


def test_github_workflow_has_least_privilege_and_pinned_actions(tmp_path: Path) -> None:
    demo = _scaffold(tmp_path, GIT, "nl")
    workflow = load_file(demo / WORKFLOW).data
    assert workflow["on"] == ["push", "pull_request"]
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["check"]["permissions"] == {"contents": "read"}
    assert jobs["code-scanning"]["permissions"] == {
        "contents": "read",
        "security-events": "write",
    }
    text = (demo / WORKFLOW).read_text(encoding="utf-8")
    uses = re.findall(r"^\s+- uses: (\S+)@(\S+) # (v[\d.]+)$", text, flags=re.MULTILINE)
    assert [action for action, _, _ in uses] == [
        "actions/checkout", "actions/setup-python", "actions/upload-artifact",
        "actions/checkout", "actions/setup-python", "github/codeql-action/upload-sarif",
    ]  # fmt: skip
    for action, commit, tag in uses:
        assert SHA.match(commit), action
        assert (action, commit, tag) in ACTIONS.values()
    for job in ("check", "code-scanning"):
        checkout = _steps(workflow, job)[0]
        assert checkout["with"]["persist-credentials"] is False
    assert _steps(workflow, "check")[0]["with"]["fetch-depth"] == 0


def test_github_workflow_checks_summarises_scans_and_keeps_the_report(tmp_path: Path) -> None:
    demo = _scaffold(tmp_path, GIT, "nl")
    workflow = load_file(demo / WORKFLOW).data
    check = {step.get("name", step.get("uses", "")).split("@")[0]: step
             for step in _steps(workflow, "check")}  # fmt: skip
    assert shlex.split(check["prestatie installeren"]["run"]) == ["pip", "install", GIT]
    assert check["Controleren"]["run"] == "prestatie check --format github afspraken monitor"
    assert check["Samenvatting"]["if"] == "always()"
    assert check["Samenvatting"]["run"] == (
        "{\n"
        "  prestatie status --format md afspraken monitor || true\n"
        "  echo\n"
        '  echo "## Meldingen"\n'
        "  echo\n"
        "  echo '```text'\n"
        "  prestatie check afspraken monitor || true\n"
        "  echo '```'\n"
        '} >> "$GITHUB_STEP_SUMMARY"\n'
    )
    assert check["HTML-rapport"] == {
        "name": "HTML-rapport",
        "if": "always()",
        "run": "prestatie report --format html -o rapport.html afspraken monitor",
    }
    assert check["actions/upload-artifact"]["with"] == {
        "name": "prestatie-rapport",
        "path": "rapport.html",
    }
    scanning = _steps(workflow, "code-scanning")
    assert scanning[3]["run"] == (
        "prestatie check --format sarif afspraken monitor > prestatie.sarif || true"
    )
    assert scanning[4]["uses"].startswith("github/codeql-action/upload-sarif@")
    assert scanning[4]["with"] == {"sarif_file": "prestatie.sarif", "category": "prestatie"}


def test_gitlab_ci_has_code_quality_junit_and_the_report(tmp_path: Path) -> None:
    job = load_file(_scaffold(tmp_path, GIT, "nl") / ".gitlab-ci.yml").data["prestatie"]
    assert shlex.split(job["script"][0]) == ["pip", "install", GIT]
    assert job["script"][1:] == [
        "prestatie check --format codequality afspraken monitor > prestatie-codequality.json "
        "|| true",
        "prestatie check --format junit afspraken monitor > prestatie-junit.xml || true",
        "prestatie report --format html -o rapport.html afspraken monitor || true",
        "prestatie check afspraken monitor",
    ]
    assert job["artifacts"] == {
        "when": "always",
        "paths": ["rapport.html"],
        "reports": {
            "codequality": "prestatie-codequality.json",
            "junit": "prestatie-junit.xml",
        },
    }
    assert job["variables"] == {"GIT_DEPTH": "0"}


def test_the_ci_steps_run_as_written_in_the_scaffold(tmp_path: Path) -> None:
    """The commands of the GitLab job, run here (not the install): files and exit codes."""
    demo = _scaffold(tmp_path, GIT, "nl")
    job = load_file(demo / ".gitlab-ci.yml").data["prestatie"]
    for line in job["script"][1:3]:
        command, _, output = line.removesuffix(" || true").partition(" > ")
        args = shlex.split(command)[1:]
        done = subprocess.run(
            [sys.executable, "-m", "prestatie_cli", *args],
            cwd=demo, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert (done.returncode, done.stderr) == (0, "")
        (demo / output).write_text(done.stdout, encoding="utf-8")
    issues = load_file(demo / "prestatie-codequality.json").data
    assert [(issue["check_name"], issue["severity"]) for issue in issues] == [("P604", "minor")] * 3


# --- Where prestatie comes from: PEP 610 ---------------------------------------------------------


@pytest.mark.parametrize(
    ("direct_url", "expected"),
    [
        (
            {"url": "https://github.com/wonen/prestatie.git",
             "vcs_info": {"vcs": "git", "commit_id": "a" * 40, "requested_revision": "v0.1.0"}},
            f"prestatie @ git+https://github.com/wonen/prestatie.git@{'a' * 40}",
        ),
        (
            {"url": "https://github.com/wonen/mono.git", "subdirectory": "cli",
             "vcs_info": {"vcs": "git", "commit_id": "b" * 40}},
            f"prestatie @ git+https://github.com/wonen/mono.git@{'b' * 40}#subdirectory=cli",
        ),
        (
            {"url": "https://files.example.org/prestatie-0.1.0.tar.gz",
             "archive_info": {"hashes": {"sha256": "c" * 64}}},
            f"prestatie @ https://files.example.org/prestatie-0.1.0.tar.gz#sha256={'c' * 64}",
        ),
        ({"url": "file:///home/ambtenaar/prestatie", "dir_info": {"editable": True}}, None),
        ({"url": "file:///home/ambtenaar/prestatie", "dir_info": {}}, None),
        ({"url": "file:///tmp/prestatie-0.1.0.whl", "archive_info": {}}, None),
        ({"url": "ssh://git@github.com/wonen/prestatie.git",
          "vcs_info": {"vcs": "git", "commit_id": "a" * 40}}, None),
        ({"url": "https://token@github.com/wonen/prestatie.git",
          "vcs_info": {"vcs": "git", "commit_id": "a" * 40}}, None),
        ({"url": "https://github.com/wonen/prestatie.git", "vcs_info": {"vcs": "git"}}, None),
    ],
    ids=["git", "subdirectory", "archive", "editable", "folder", "local-wheel", "ssh",
         "credentials", "no-commit"],
)  # fmt: skip
def test_the_requirement_follows_the_recorded_origin(
    direct_url: dict[str, Any], expected: str | None
) -> None:
    assert requirement_from(direct_url) == expected
