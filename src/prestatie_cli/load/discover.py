"""Which files a run reads: the ones named, and the YAML files below named folders."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")
CONFIG_NAME = "prestatie.yaml"


def repository_root(start: Path) -> Path | None:
    """The folder a repository of agreements starts in, seen from ``start``: the nearest
    folder (``start`` or above) that holds prestatie.yaml, else the root of the git
    repository; None when there is neither. Nothing above a git root is looked at."""
    start = start.absolute()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file() or (folder / ".git").exists():
            return folder
    return None


def find_config(start: Path) -> Path | None:
    """The nearest prestatie.yaml in ``start`` or one of its parents, up to the root of
    the repository (the nearest folder holding ``.git``; the filesystem's root if none):
    a file above it belongs to no one who works in it."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def foreign_owner(path: Path) -> str | None:
    """The name of the user a configuration file belongs to when that is somebody else,
    whose settings are not applied by finding them; None when it is the user's own.

    Root's files are applied: who can write them can replace prestatie itself. Where
    files have no POSIX owner (Windows), there is nothing to compare.
    """
    if not hasattr(os, "geteuid"):  # pragma: no cover - not POSIX
        return None
    owner = path.stat().st_uid
    if owner in (os.geteuid(), 0):
        return None
    try:
        import pwd  # POSIX only, and only for this message

        return pwd.getpwuid(owner).pw_name
    except (ImportError, KeyError):
        return str(owner)


def search_paths(paths: Sequence[Path], cwd: Path | None = None) -> list[Path]:
    """The paths a command reads: those given, else the repository's root, so that a
    command run from a subfolder sees the same files as from the root (``.`` when there
    is no repository). The root is shown relative to ``cwd`` where it can be."""
    if paths:
        return list(paths)
    here = cwd if cwd is not None else Path.cwd()
    root = repository_root(here)
    if root is None or root == here.absolute():
        return [Path()]
    try:
        return [Path(os.path.relpath(root, here.absolute()))]
    except ValueError:  # pragma: no cover - another drive on Windows
        return [root]


def discover(paths: Sequence[Path]) -> list[Path]:
    """Files named directly, and the YAML files below named directories.

    Hidden files and directories (such as .git and .github) are skipped, as
    they hold other tools' YAML. Missing paths are kept so that loading
    reports them.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(_yaml_below(path)))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def read_below(root: Path, path: Path) -> bool:
    """Whether discovering ``root`` reads ``path``: a YAML file below it, in no hidden
    folder (such as .github) and not hidden itself (.pre-commit-config.yaml)."""
    if not path.name.endswith(YAML_SUFFIXES) or not path.is_relative_to(root):
        return False
    return not any(_hidden(part) for part in path.relative_to(root).parts)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _yaml_below(folder: Path) -> Iterator[Path]:
    """The YAML files in ``folder`` and its subfolders, hidden ones left out.

    Hidden folders are not entered at all: a .git folder may hold many thousands
    of files. Linked folders are not followed (a link may point back up).
    """
    try:
        entries = list(os.scandir(folder))
    except OSError:  # unreadable: as if empty, like a glob
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _yaml_below(folder / entry.name)
            # Any link is kept, before its target is looked at: loading says what is wrong
            # with a dangling one, a loop or a target it may not read.
            elif entry.name.endswith(YAML_SUFFIXES) and (entry.is_symlink() or entry.is_file()):
                yield folder / entry.name
        except OSError:
            continue
