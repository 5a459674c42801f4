"""Shared helpers: a small valid set and monitor to build test cases from."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
# The tests (and the processes they start) keep their cache to themselves.
os.environ["PRESTATIE_CACHE_DIR"] = tempfile.mkdtemp(prefix="prestatie-test-cache-")
AS_OF = date(2026, 11, 21)
# What init writes into CI when prestatie was installed from a local folder (as here).
REQUIREMENT = "prestatie @ git+https://git.example.org/wonen/prestatie.git@v0.1.0"
# The language server of VS Code's YAML extension, in which the schemas are tested. The test
# run installs it from the npm registry once (it needs Node); CI has Node from .ci/run.
YAML_LANGUAGE_SERVER_VERSION = "1.25.0"
YAML_LANGUAGE_SERVER = REPO / ".ci" / "node" / "node_modules" / ".bin" / "yaml-language-server"


def yaml_language_server() -> Path | None:
    """The installed yaml-language-server, installed now when npm is there; else None."""
    npm = shutil.which("npm")
    if not YAML_LANGUAGE_SERVER.exists() and npm is not None and shutil.which("node"):
        package = f"yaml-language-server@{YAML_LANGUAGE_SERVER_VERSION}"
        quiet = ["--no-save", "--no-audit", "--no-fund", "--silent"]
        subprocess.run(
            [npm, "install", "--prefix", str(REPO / ".ci" / "node"), *quiet, package],
            check=False,
            capture_output=True,
            timeout=600,
        )
    return YAML_LANGUAGE_SERVER if YAML_LANGUAGE_SERVER.exists() else None


# Inside the base set's term, before its deadline: a set checked without its monitor
# has no passed deadline to account for (T504).
DURING = date(2019, 6, 30)

_BASE_SET: dict[str, Any] = {
    "kind": "agreements",
    "version": 1,
    "id": "voorbeeld-2016-2019",
    "title": "Prestatieafspraken Voorbeeld 2016-2019",
    "period": {"start": "2016-01-01", "end": "2019-12-31"},
    "parties": [
        {"id": "gemeente", "name": "Gemeente Voorbeeld", "role": "gemeente"},
        {"id": "corp-a", "name": "Woonstichting A", "role": "corporatie"},
        {"id": "hv-a", "name": "Huurdersvereniging A", "role": "huurdersorganisatie"},
    ],
    "agreements": [
        {
            "id": "BS-01",
            "title": "Nieuwe sociale huurwoningen",
            "text": "In de periode 2016-2019 levert Woonstichting A 180 nieuwe sociale huurwoningen op.",
            "theme": "beschikbaarheid",
            "kind": "result",
            "owner": "corp-a",
            "contributors": ["gemeente", "hv-a"],
            "target": {
                "metric": "sociale huurwoningen opgeleverd",
                "unit": "woningen",
                "value": 180,
                "cumulative": True,
                "baseline": {"value": 0, "date": "2016-01-01"},
            },
            "deadline": "2019-12-31",
            "frequency": "yearly",
        }
    ],
    "signatures": [
        {"party": "gemeente", "name": "J. de Vries", "date": "2016-03-15"},
        {"party": "corp-a", "name": "A. Jansen", "date": "2016-03-15"},
        {"party": "hv-a", "name": "M. Bakker", "date": "2016-03-20"},
    ],
}
_BASE_MONITOR: dict[str, Any] = {
    "kind": "monitor",
    "version": 1,
    "set": "voorbeeld-2016-2019",
    "measurements": [
        {
            "agreement": "BS-01",
            "date": f"{year}-12-31",
            "value": value,
            "source": f"Jaarverslag {year}",
            "reported_by": "corp-a",
        }
        for year, value in ((2016, 30), (2017, 45), (2018, 60), (2019, 45))
    ],
}


def base_set() -> dict[str, Any]:
    """A small agreement set that passes every rule."""
    return copy.deepcopy(_BASE_SET)


def base_monitor() -> dict[str, Any]:
    """A monitor file for base_set(): a measurement a year, together meeting the target."""
    return copy.deepcopy(_BASE_MONITOR)


def write_yaml(path: Path, data: Any) -> Path:
    """Write data as YAML (JSON is YAML) with dates as text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, default=str, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def repo() -> Path:
    return REPO


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files under tests/golden/ from the current output.",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME; with --update-golden, write it instead."""
    update = bool(request.config.getoption("--update-golden"))

    def compare(name: str, actual: str) -> None:
        path = REPO / "tests" / "golden" / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert path.is_file(), (
            f"no golden file {name}: run pytest --update-golden and review the diff"
        )
        assert actual == path.read_text(encoding="utf-8"), (
            f"{name} differs: review, then --update-golden"
        )

    return compare
