"""The house: every import goes down the pipeline, and no module imports itself back.

The stages, top to bottom, are listed in docs/architecture.md. A module may import
modules of its own stage and of the stages below it; stages on one line are
independent of each other. Imports inside functions count too: an import that is
only deferred (for start-up time) still may not close a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "src" / "prestatie_cli"

# Top to bottom. Within a line, the stages do not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__main__",),
    ("cli",),
    ("commands",),
    ("lsp",),
    ("reporting",),
    ("tables", "versions"),
    ("check",),
    ("rules",),
    ("progress", "editing"),
    ("load",),
    ("model",),
    ("files",),
    ("errors",),
    ("messages",),
    ("__init__",),
)
LEVEL = {stage: level for level, stages in enumerate(LAYERS) for stage in stages}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules that ``name`` imports, at any depth of its code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from package import module`` names a module; ``from module import name`` not.
            targets = [node.module]
            targets += [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(target for target in targets if target in MODULES and target != name)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


def test_every_module_belongs_to_a_stage() -> None:
    assert sorted({_stage(module) for module in MODULES} - set(LEVEL)) == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_pipeline(module: str) -> None:
    stage = _stage(module)
    upward = [
        imported
        for imported in sorted(GRAPH[module])
        if _stage(imported) != stage
        and LEVEL[_stage(imported)] <= LEVEL[stage]
        # A package's __init__ is imported with any of its modules; it holds no code here.
        and imported != "prestatie_cli"
    ]
    assert upward == []


def _cycle() -> list[str]:
    """One import circle among the modules, or [] when there is none."""
    state: dict[str, int] = {}
    trail: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = 1
        trail.append(module)
        for imported in sorted(GRAPH[module]):
            if state.get(imported) == 1:
                return [*trail[trail.index(imported) :], imported]
            if imported not in state:
                found = visit(imported)
                if found:
                    return found
        trail.pop()
        state[module] = 2
        return []

    for module in sorted(GRAPH):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return []


def test_no_import_circle() -> None:
    assert _cycle() == []


def test_the_graph_is_read() -> None:
    # The contract above would pass on an empty graph: make sure imports are seen.
    assert "prestatie_cli.model.agreements" in GRAPH["prestatie_cli.load.validate"]
    assert "prestatie_cli.rules" in GRAPH["prestatie_cli.check.judge"]


def test_the_command_line_starts_without_the_format_or_the_rules() -> None:
    # --version and --help must not pay for pydantic models, the rules or YAML: the format
    # registries the command line takes its choices from import those only when used.
    import subprocess
    import sys

    code = (
        "import sys, prestatie_cli.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('prestatie_cli.', 'pydantic', "
        "'ruamel'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = done.stdout
    for heavy in ("prestatie_cli.model.agreements", "prestatie_cli.rules", "pydantic", "ruamel"):
        assert f"'{heavy}" not in loaded
