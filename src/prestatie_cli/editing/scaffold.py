"""prestatie init: a new repository of agreements, ready to check, with CI and editor support.

The CI files install prestatie from where this copy came from: the origin that pip
recorded for the installed distribution (PEP 610, ``direct_url.json``), or the
requirement the user gives. A name on the public package index is never assumed:
whoever holds that name there would have their code run in every CI.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from prestatie_cli.editing.insert import scalar
from prestatie_cli.errors import PrestatieError
from prestatie_cli.files import write_atomic
from prestatie_cli.load.parse import parse
from prestatie_cli.messages import LANGUAGES, Language, text
from prestatie_cli.model.json_schema import schema_files

# The actions the GitHub workflow uses, pinned by commit (a tag can be moved), with the
# release the commit is, for the reader and for tools that propose updates.
ACTIONS = {
    "checkout": ("actions/checkout", "3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"),
    "setup_python": ("actions/setup-python", "5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0"),
    "upload_artifact": (
        "actions/upload-artifact",
        "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f",
        "v7.0.0",
    ),
    "upload_sarif": (
        "github/codeql-action/upload-sarif",
        "8aad20d150bbac5944a9f9d289da16a4b0d87c1e",
        "v4.36.2",
    ),
}

CI_FILES = (".github/workflows/prestatie.yml", ".gitlab-ci.yml")

# Which schema each of the files init makes is checked against, as VS Code's YAML
# extension reads it (yaml.schemas: schema -> globs, relative to the workspace folder).
SCHEMA_GLOBS = {
    "./schemas/agreements.schema.json": ["afspraken/**/*.yaml", "afspraken/**/*.yml"],
    "./schemas/monitor.schema.json": ["monitor/**/*.yaml", "monitor/**/*.yml"],
    "./schemas/config.schema.json": ["prestatie.yaml"],
}
# What VS Code's task runs: the folders init makes.
CHECK_ARGS = ["check", "afspraken", "monitor"]


class ScaffoldError(PrestatieError):
    """The scaffold cannot be written as asked; nothing was written."""


@dataclass(frozen=True, slots=True)
class Scaffold:
    """What goes into the new repository."""

    set_id: str
    title: str
    municipality: str
    start_year: int
    end_year: int
    # What the CI files pip-install; None where no public origin is known.
    requirement: str | None = None
    lang: Language = "nl"


@dataclass(frozen=True, slots=True)
class Written:
    """What init did: the files it wrote and those it found and left as they were."""

    written: list[Path]
    kept: list[str]
    # True when the folder of agreements already held sets, so no example set was added.
    had_sets: bool = False


_NAME = re.compile(r"^\s*prestatie\s*(\[[A-Za-z0-9_,.\s-]*\])?\s*(?=[@<>=!~;]|$)", re.IGNORECASE)
_GIT_REQUIREMENT = re.compile(r"^prestatie\s*@\s*git\+(https://[^@#\s]+)@([^@#\s]+)$")


def slug(name: str) -> str:
    """A set id from a name: lower case letters, digits and hyphens."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return cleaned or "afspraken"


def default(directory: Path, today: date) -> Scaffold:
    """A four-year term starting next year, named after the directory."""
    name = directory.resolve().name
    start, end = today.year + 1, today.year + 4
    municipality = f"Gemeente {name.replace('-', ' ').title()}"
    return Scaffold(
        f"{slug(name)}-{start}-{end}",
        f"Prestatieafspraken {name.replace('-', ' ').title()} {start}-{end}",
        municipality,
        start,
        end,
    )


def _public(url: str) -> bool:
    """An address a CI runner can fetch from without this machine's files or secrets."""
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.hostname) and not parts.username


def requirement_from(direct_url: dict[str, Any]) -> str | None:
    """The pip requirement for the origin PEP 610 recorded, or None if it is not public.

    A git repository at a commit gives ``prestatie @ git+URL@COMMIT``; an archive at an
    https address gives ``prestatie @ URL`` with its hash. A local folder (editable or
    not) or local file has no public origin.
    """
    url = direct_url.get("url")
    if not isinstance(url, str) or not _public(url):
        return None
    subdirectory = direct_url.get("subdirectory")
    fragment = f"#subdirectory={subdirectory}" if isinstance(subdirectory, str) else ""
    vcs = direct_url.get("vcs_info")
    if isinstance(vcs, dict):
        commit = vcs.get("commit_id")
        kind = vcs.get("vcs")
        if not isinstance(commit, str) or kind not in ("git", "hg", "bzr", "svn"):
            return None
        return f"prestatie @ {kind}+{url}@{commit}{fragment}"
    archive = direct_url.get("archive_info")
    if isinstance(archive, dict):
        hashes = archive.get("hashes")
        if isinstance(hashes, dict) and isinstance(hashes.get("sha256"), str):
            fragment = f"#sha256={hashes['sha256']}"
        return f"prestatie @ {url}{fragment}"
    return None


def installed_origin() -> tuple[str | None, str]:
    """The requirement for the installed prestatie, and the origin as recorded (for a message).

    Without ``direct_url.json`` prestatie came from a package index; which index is not
    recorded, and the public one does not hold this program under that name.
    """
    try:
        recorded = metadata.distribution("prestatie").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None, "?"
    if not recorded:
        return None, "pakketindex / package index"
    try:
        direct_url = json.loads(recorded)
    except ValueError:
        return None, "?"
    if not isinstance(direct_url, dict):
        return None, "?"
    shown = str(direct_url.get("url", "?"))
    return requirement_from(direct_url), shown


def requirement_problem(requirement: str) -> str | None:
    """Why a requirement cannot go into CI (a message key), or None if it can.

    One line, safe in YAML, a shell and an Actions run (no control characters, no
    ``${{``, which GitHub would evaluate), for prestatie itself, from an address: a
    name (and version) alone would install whatever a package index holds by that name.
    """
    if any(ord(character) < 0x20 or ord(character) == 0x7F for character in requirement):
        return "init.requirement-invalid"
    if "${{" in requirement or "{{" in requirement:
        return "init.requirement-invalid"
    named = _NAME.match(requirement)
    if named is None:
        return "init.requirement-invalid"
    if not requirement[named.end() :].lstrip().startswith("@"):
        return "init.requirement-index"
    return None


def _template(name: str, lang: Language) -> str:
    folder = resources.files("prestatie_cli.editing").joinpath("scaffold_files")
    if lang == "en":
        folder = folder.joinpath("en")
    return folder.joinpath(name).read_text(encoding="utf-8")


def _uses(name: str) -> str:
    action, commit, tag = ACTIONS[name]
    return f"{action}@{commit} # {tag}"


def _pre_commit(scaffold: Scaffold) -> str:
    """From prestatie's own repository at the same commit as CI where that is known;
    else a local hook that runs the prestatie installed beside git."""
    source = _GIT_REQUIREMENT.match(scaffold.requirement or "")
    if source is None:
        return _template("pre-commit-config.yaml", scaffold.lang)
    values = {"repo": scalar(source[1]), "rev": scalar(source[2])}
    return _template("pre-commit-config-repo.yaml", scaffold.lang).format(**values)


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def problem_matchers() -> list[dict[str, Any]]:
    """VS Code problem matchers for the text of ``prestatie check``
    (``path:line:col: CODE fout message``): one per word a severity has in either language
    (fout, waarschuwing, info, error, warning), so that the task follows the language of
    ``prestatie.yaml``. The regular expressions are JavaScript's and Python's alike."""
    words = {
        text(f"report.severity.{severity}", lang): severity
        for lang in LANGUAGES
        for severity in ("error", "warning", "info")
    }
    matchers = []
    for shown, severity in words.items():
        word = re.escape(shown)
        matchers.append(
            {
                "owner": "prestatie",
                "source": "prestatie",
                "fileLocation": ["relative", "${workspaceFolder}"],
                "severity": severity,
                "pattern": {
                    "regexp": rf"^(.+?):(\d+):(\d+): ([A-Z][0-9]{{3}}) {word} (.*)$",
                    "file": 1,
                    "line": 2,
                    "column": 3,
                    "code": 4,
                    "message": 5,
                },
            }
        )
    return matchers


def editor_files() -> dict[str, str]:
    """VS Code's settings (the schemas of each folder), its recommended extension (YAML,
    which reads them) and a task that runs ``prestatie check`` with its findings shown in
    the editor."""
    task = {
        "label": "prestatie check",
        "type": "process",
        "command": "prestatie",
        "args": CHECK_ARGS,
        "group": {"kind": "build", "isDefault": True},
        "presentation": {"reveal": "silent", "clear": True},
        "problemMatcher": problem_matchers(),
    }
    return {
        ".vscode/settings.json": _json({"yaml.schemas": SCHEMA_GLOBS}),
        ".vscode/extensions.json": _json({"recommendations": ["redhat.vscode-yaml"]}),
        ".vscode/tasks.json": _json({"version": "2.0.0", "tasks": [task]}),
    }


def files(scaffold: Scaffold) -> dict[str, str]:
    """Relative path -> content of every file the scaffold writes.

    Without a requirement the CI files are left out: they could not install prestatie.
    """
    start = date(scaffold.start_year, 1, 1)
    end = date(scaffold.end_year, 12, 31)
    middle = date((scaffold.start_year + scaffold.end_year) // 2, 12, 31)
    lang = scaffold.lang
    # Text from the command line goes in as YAML scalars, quoted where needed: a '#'
    # or ': ' in a title must stay part of the title.
    values = {
        "set_id": scalar(scaffold.set_id),
        "title": scalar(scaffold.title),
        "municipality": scalar(scaffold.municipality),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "mid": middle.isoformat(),
        "start_year": str(scaffold.start_year),
        "prior_year": str(scaffold.start_year - 1),
        "end_year": str(scaffold.end_year),
        "next_year": str(scaffold.end_year + 1),
        "first_year": str(scaffold.start_year),
    }
    plan = {
        "prestatie.yaml": _template("prestatie.yaml", lang),
        f"afspraken/{scaffold.set_id}.yaml": _template("set.yaml", lang).format(**values),
        f"monitor/{scaffold.set_id}.yaml": _template("monitor.yaml", lang).format(**values),
        ".pre-commit-config.yaml": _pre_commit(scaffold),
    }
    if scaffold.requirement is not None:
        ci = {
            "install": scalar(f"pip install {shlex.quote(scaffold.requirement)}"),
            **{name: _uses(name) for name in ACTIONS},
        }
        plan[CI_FILES[0]] = _template("github-workflow.yml", lang).format(**ci)
        plan[CI_FILES[1]] = _template("gitlab-ci.yml", lang).format(**ci)
    plan.update({f"schemas/{name}": content for name, content in schema_files(lang).items()})
    plan.update(editor_files())
    return plan


def _valid(name: str, content: str, validated: bool) -> None:
    """The generated files must be valid: a bad --id or name is refused before writing."""
    parsed = parse(content, name)
    if parsed.unreadable:
        raise ScaffoldError(key="init.invalid", file=name, problem=parsed.problems[0].code)
    if validated and parsed.findings:
        first = parsed.findings[0]
        field = ".".join(str(part) for part in first.pointer)
        raise ScaffoldError(key="init.invalid", file=name, problem=f"{first.code} {field}")


# What makes the folder of monitors exist in git before it holds a monitor.
MONITOR_KEEP = "monitor/.gitkeep"


def has_sets(directory: Path) -> bool:
    """Whether the folder of agreements already holds YAML files (sets of the user's)."""
    folder = directory / "afspraken"
    return folder.is_dir() and any(
        path.suffix in (".yaml", ".yml") for path in folder.iterdir() if path.is_file()
    )


def planned(directory: Path, plan: Scaffold) -> tuple[dict[str, str], list[str], bool]:
    """What init would write into ``directory`` (validated), what it keeps, and whether
    the user's sets made it leave the example set and its monitor out."""
    contents = files(plan)
    for name, content in contents.items():
        if name.endswith((".yaml", ".yml")):
            _valid(name, content, validated=not name.startswith("."))
    example = (f"afspraken/{plan.set_id}.yaml", f"monitor/{plan.set_id}.yaml")
    had_sets = not (directory / example[0]).exists() and has_sets(directory)
    if had_sets:
        contents = {name: text for name, text in contents.items() if name not in example}
        if not (directory / "monitor").exists():
            # An empty folder for the monitors, so that the next step's check finds it.
            contents[MONITOR_KEEP] = ""
    # Without a requirement the CI files are not planned; those the user has are kept.
    unplanned = CI_FILES if plan.requirement is None else ()
    kept = sorted(name for name in (*contents, *unplanned) if (directory / name).exists())
    missing = {name: text for name, text in contents.items() if name not in kept}
    return missing, kept, had_sets


def scaffold(directory: Path, plan: Scaffold) -> Written:
    """Write the files of the scaffold that ``directory`` lacks; existing ones stay as they are.

    The user's sets in ``afspraken/`` mean no example set (and monitor) is added.
    """
    missing, kept, had_sets = planned(directory, plan)
    written = []
    for name, content in missing.items():
        target = directory / name
        write_atomic(target, content, parents=True)
        written.append(target)
    return Written(written, kept, had_sets)
