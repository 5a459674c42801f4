"""The sets and monitors of one version: a commit, or the working tree.

Sets are matched across versions by their id, not their file name, so that a
renamed file is the same set. Files read from git are parsed once per blob id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from prestatie_cli.check import cache
from prestatie_cli.load.corpus import load_corpus
from prestatie_cli.load.parse import parse
from prestatie_cli.load.yaml import MAX_FILE_BYTES, LoadError, decode
from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import AgreementSet, Measurement, Monitor
from prestatie_cli.model.problems import Problem
from prestatie_cli.rules import REGISTRY
from prestatie_cli.versions.git import Commit, Repository

Parsed = AgreementSet | Monitor | None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What one version holds: sets (with their file) and measurements, by set id."""

    label: str
    as_of: date
    sets: dict[str, tuple[str, AgreementSet]] = field(default_factory=dict)
    measurements: dict[str, dict[str, list[Measurement]]] = field(default_factory=dict)
    commit: Commit | None = None
    # Files of the working tree that could not be read or validated.
    problems: tuple[Problem, ...] = ()
    # Files of a commit that could not be read or validated (their sets are unknown there).
    unreadable: tuple[str, ...] = ()


def _collect(
    label: str,
    as_of: date,
    items: Sequence[tuple[str, Parsed]],
    commit: Commit | None,
    problems: Sequence[Problem] = (),
) -> Snapshot:
    sets: dict[str, tuple[str, AgreementSet]] = {}
    measurements: dict[str, dict[str, list[Measurement]]] = {}
    for path, model in items:
        if isinstance(model, AgreementSet):
            sets.setdefault(model.id, (path, model))
        elif isinstance(model, Monitor):
            grouped = measurements.setdefault(model.set, {})
            for measurement in model.measurements:
                grouped.setdefault(measurement.agreement, []).append(measurement)
    return Snapshot(label, as_of, sets, measurements, commit, tuple(problems))


class BlobCache:
    """Parsed models by git blob id: a blob seen in many commits is parsed once per run,
    and once for all runs through the disk cache (a blob id never changes content)."""

    def __init__(self) -> None:
        self._parsed: dict[str, tuple[Parsed, bool]] = {}

    def get(self, repository: Repository, blob: str, path: str) -> tuple[Parsed, bool]:
        """The model (None for another kind of file) and whether the file could be read."""
        if blob not in self._parsed:
            stored = _stored(blob)
            if stored is None:
                raw = repository.blob(blob, limit=MAX_FILE_BYTES)
                # Too large to be a set: unreadable, as the working tree's check says (Y002).
                stored = (None, False) if raw is None else _parse(raw, path)
                cache.store_entry(f"blob-{blob}", _entry(stored))
            self._parsed[blob] = stored
        return self._parsed[blob]


def _entry(parsed: tuple[Parsed, bool]) -> dict[str, object]:
    model, readable = parsed
    return {
        "readable": readable,
        "kind": model.kind if model is not None else None,
        "model": model.model_dump(mode="json") if model is not None else None,
    }


def _stored(blob: str) -> tuple[Parsed, bool] | None:
    """A model kept from an earlier run, or None (not there, not readable, not ours)."""
    entry = cache.load_entry(f"blob-{blob}")
    if not isinstance(entry, dict):
        return None
    try:
        readable, kind, data = entry["readable"], entry["kind"], entry["model"]
        # Sealed by the cache, and still checked field by field, as the check's results are.
        if type(readable) is not bool or kind not in ("agreements", "monitor", None):
            return None
        if kind is None:
            return None, readable
        model: Parsed = (AgreementSet if kind == "agreements" else Monitor).model_validate(data)
    except (KeyError, TypeError, ValueError):  # pydantic's ValidationError is a ValueError
        return None
    return model, readable


def _parse(raw: bytes, path: str) -> tuple[Parsed, bool]:
    try:
        text = decode(raw, path)
    except LoadError:
        return None, False
    parsed = parse(text, path, rule_codes=REGISTRY.keys())
    if parsed.problems:
        return None, False
    model = parsed.model
    return (model if isinstance(model, AgreementSet | Monitor) else None), True


def at_commit(
    repository: Repository, commit: Commit, paths: list[str], cache: BlobCache
) -> Snapshot:
    """The sets and monitors under ``paths`` in ``commit``, dated at the commit."""
    snapshot = at_tree(repository, commit.sha, paths, cache)
    return replace(snapshot, label=commit.short, as_of=commit.date.date(), commit=commit)


def at_tree(repository: Repository, sha: str, paths: list[str], cache: BlobCache) -> Snapshot:
    """The sets and monitors under ``paths`` in the commit ``sha`` (one git call)."""
    items: list[tuple[str, Parsed]] = []
    unreadable: list[str] = []
    for entry in repository.files(sha, paths):
        model, readable = cache.get(repository, entry.blob, entry.path)
        items.append((entry.path, model))
        if not readable:
            unreadable.append(entry.path)
    snapshot = _collect(sha[:10], date.min, items, None)
    return replace(snapshot, unreadable=tuple(unreadable))


def in_worktree(
    paths: Sequence[Path],
    as_of: date,
    label: str,
    lang: Language = "nl",
    root: Path | None = None,
) -> Snapshot:
    """The sets and monitors under ``paths`` as they are on disk now.

    With ``root``, file names are shown relative to it, as they are for commits.
    """
    corpus = load_corpus(paths, lang, rule_codes=REGISTRY.keys())
    items = [(_shown(item.path, root), item.model) for item in corpus.loaded]
    return _collect(label, as_of, items, None, corpus.problems)


def _shown(path: str, root: Path | None) -> str:
    if root is None:
        return path
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path


def from_files(
    first: Path, second: Path, as_of: date, lang: Language = "nl"
) -> tuple[Snapshot, Snapshot]:
    """Two files compared outside git, each as a version of its own."""
    return (
        in_worktree([first], as_of, str(first), lang),
        in_worktree([second], as_of, str(second), lang),
    )
