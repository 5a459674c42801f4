"""prestatie check: validate agreement and monitor files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from prestatie_cli.check.engine import check_shown
from prestatie_cli.check.result import CheckOptions, CheckResult
from prestatie_cli.commands.settings import settings_for
from prestatie_cli.messages import Language, text
from prestatie_cli.model.agreements import AgreementSet
from prestatie_cli.reporting import CHECK_REPORTERS
from prestatie_cli.reporting.terminal import progress_bar, quiet


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


def run(
    paths: Sequence[Path],
    *,
    output_format: str,
    strict: bool,
    as_of: date,
    lang: Language | None,
    config: Path | None,
    out: TextIO,
    err: TextIO,
    against: str | None = None,
) -> int:
    settings, chosen = settings_for(config, lang, err)
    if settings is None:
        return 2
    targets = list(paths) or [Path()]
    previous = _previous(targets, against) if against else {}
    options = CheckOptions(as_of, chosen, settings, previous, against or "")
    reporter = CHECK_REPORTERS[output_format]

    def show(result: CheckResult) -> str:
        return reporter(result, chosen)

    shown_as = f"{output_format}-quiet" if quiet() else output_format
    with progress_bar(err) as on_file:
        shown = check_shown(targets, options, show, shown_as, on_file)
    if shown.files == 0:
        named = ", ".join(str(path) for path in paths) or "."
        err.write(text("ui.no-files", chosen, {"paths": named}) + "\n")
        return 2
    out.write(shown.text)
    return shown.exit_code(strict)
