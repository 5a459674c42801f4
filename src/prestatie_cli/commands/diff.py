"""prestatie diff: what changed in the agreements between two versions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from prestatie_cli.commands import Setup, say_if_cache_unused
from prestatie_cli.messages import Language, text
from prestatie_cli.reporting.diff_formats import DIFF_FORMATS
from prestatie_cli.reporting.text import write_problems
from prestatie_cli.versions.diff import diff_snapshots
from prestatie_cli.versions.git import HistoryError, Repository
from prestatie_cli.versions.snapshots import BlobCache, Snapshot, at_commit, from_files, in_worktree


def _versions(
    revisions: Sequence[str], paths: Sequence[Path], today: date, lang: Language
) -> tuple[Snapshot, Snapshot]:
    if len(revisions) > 2:
        raise HistoryError(key="history.too-many")
    if len(revisions) == 2 and any(
        Path(item).is_file() or item.endswith((".yaml", ".yml")) for item in revisions
    ):
        return from_files(Path(revisions[0]), Path(revisions[1]), today, lang)
    start = paths[0] if paths else Path.cwd()
    with Repository.find(start) as repository:
        relative = [repository.relative(path) for path in paths]
        cache = BlobCache()
        old = at_commit(
            repository, repository.commit(revisions[0] if revisions else "HEAD"), relative, cache
        )
        if len(revisions) == 2:
            new = at_commit(repository, repository.commit(revisions[1]), relative, cache)
        else:
            targets = list(paths) or [repository.root]
            new = in_worktree(targets, today, text("ui.worktree", lang), lang, repository.root)
    return old, new


def run(
    revisions: Sequence[str],
    paths: Sequence[Path],
    *,
    output_format: str,
    exit_code: bool,
    setup: Setup,
) -> int:
    say_if_cache_unused(setup)
    old, new = _versions(revisions, paths, date.today(), setup.lang)
    problems = [*old.problems, *new.problems]
    if problems:
        write_problems(setup.err, problems, setup.lang)
        return 2
    diff = diff_snapshots(old, new, setup.settings.thresholds)
    setup.out.write(DIFF_FORMATS[output_format](diff, setup.lang))
    return 1 if exit_code and not diff.empty else 0
