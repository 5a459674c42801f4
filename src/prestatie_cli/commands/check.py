"""prestatie check: validate agreement and monitor files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path

from prestatie_cli.check.engine import CheckRun, Shown
from prestatie_cli.check.result import CheckOptions, CheckResult
from prestatie_cli.commands import Setup, say_if_cache_unused
from prestatie_cli.load.corpus import OnFile
from prestatie_cli.load.discover import search_paths
from prestatie_cli.messages import text
from prestatie_cli.model.agreements import AgreementSet
from prestatie_cli.reporting.check_formats import CHECK_FORMATS
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.terminal import progress_bar


def _previous(paths: Sequence[Path], revision: str) -> dict[str, AgreementSet]:
    """The sets under ``paths`` as they were at ``revision``, by id."""
    # Only --against reads git: a plain check does not pay for importing it.
    from prestatie_cli.versions.git import Repository
    from prestatie_cli.versions.snapshots import BlobCache, at_commit

    with Repository.find(paths[0]) as repository:
        commit = repository.commit(revision)
        relative = [repository.relative(path) for path in paths]
        snapshot = at_commit(repository, commit, relative, BlobCache())
    return {set_id: model for set_id, (_, model) in snapshot.sets.items()}


def show(
    run: CheckRun,
    shown_as: str,
    render: Callable[[CheckResult], str],
    progress: Callable[[], AbstractContextManager[OnFile | None]],
) -> Shown:
    """The text kept for ``run`` shown as ``shown_as``; else the run checked (with the
    progress ``progress`` makes), rendered and kept for the next identical run."""
    shown = run.recall(shown_as)
    if shown is None:
        with progress() as on_file:
            result = run.result(on_file)
        shown = Shown.of(result, render(result))
        run.remember(shown_as, shown)
    return shown


def run(
    paths: Sequence[Path],
    *,
    output_format: str,
    strict: bool,
    as_of: date,
    against: str | None,
    setup: Setup,
) -> int:
    say_if_cache_unused(setup)
    targets = search_paths(paths)
    previous = _previous(targets, against) if against else {}
    options = CheckOptions(as_of, setup.lang, setup.settings, previous, against or "")
    render = CHECK_FORMATS[output_format]
    # The text kept with a run is per format and --quiet: both change what is shown.
    shown_as = f"{output_format}-quiet" if setup.quiet else output_format
    shown = show(
        CheckRun.of(targets, options),
        shown_as,
        lambda result: render(result, setup.lang, quiet=setup.quiet),
        lambda: progress_bar(setup.err, setup.quiet),
    )
    if shown.files == 0:
        named = ", ".join(str(path) for path in paths) or "."
        setup.err.write(visible(text("ui.no-files", setup.lang, {"paths": named})) + "\n")
        return 2
    setup.out.write(shown.text)
    return shown.exit_code(strict)
