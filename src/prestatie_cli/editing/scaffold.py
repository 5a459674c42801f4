"""prestatie init: a new repository of agreements, ready to check, with CI and editor support."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from prestatie_cli import __version__
from prestatie_cli.editing.insert import scalar
from prestatie_cli.errors import PrestatieError
from prestatie_cli.files import write_atomic
from prestatie_cli.load.parse import parse
from prestatie_cli.model.json_schema import schema_files


class ScaffoldError(PrestatieError):
    """The scaffold would overwrite files; nothing was written."""


@dataclass(frozen=True, slots=True)
class Scaffold:
    """What goes into the new repository."""

    set_id: str
    title: str
    municipality: str
    start_year: int
    end_year: int
    requirement: str = f"prestatie>={__version__}"


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


def _template(name: str) -> str:
    return (
        resources.files("prestatie_cli.editing")
        .joinpath("scaffold_files", name)
        .read_text(encoding="utf-8")
    )


def files(scaffold: Scaffold) -> dict[str, str]:
    """Relative path -> content of every file the scaffold writes."""
    start = date(scaffold.start_year, 1, 1)
    end = date(scaffold.end_year, 12, 31)
    middle = date((scaffold.start_year + scaffold.end_year) // 2, 12, 31)
    # Text from the command line goes in as YAML scalars, quoted where needed: a '#'
    # or ': ' in a title must stay part of the title.
    values = {
        "set_id": scalar(scaffold.set_id),
        "title": scalar(scaffold.title),
        "municipality": scalar(scaffold.municipality),
        "install": scalar(f"pip install {shlex.quote(scaffold.requirement)}"),
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
        "prestatie.yaml": _template("prestatie.yaml"),
        f"afspraken/{scaffold.set_id}.yaml": _template("set.yaml").format(**values),
        f"monitor/{scaffold.set_id}.yaml": _template("monitor.yaml").format(**values),
        ".pre-commit-config.yaml": _template("pre-commit-config.yaml"),
        ".github/workflows/prestatie.yml": _template("github-workflow.yml").format(**values),
        ".gitlab-ci.yml": _template("gitlab-ci.yml").format(**values),
    }
    plan.update({f"schemas/{name}": content for name, content in schema_files().items()})
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


def scaffold(directory: Path, plan: Scaffold) -> list[Path]:
    """Write the scaffold into ``directory``; refuse, writing nothing, if any file exists."""
    contents = files(plan)
    for name, content in contents.items():
        if name.endswith((".yaml", ".yml")):
            _valid(name, content, validated=not name.startswith("."))
    existing = [name for name in contents if (directory / name).exists()]
    if existing:
        raise ScaffoldError(
            key="init.exists", path=str(directory), files=", ".join(sorted(existing))
        )
    written = []
    for name, content in contents.items():
        target = directory / name
        write_atomic(target, content, parents=True)
        written.append(target)
    return written
