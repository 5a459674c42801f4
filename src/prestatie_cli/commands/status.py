"""prestatie status: progress per agreement at a date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from prestatie_cli.check.runner import load_models
from prestatie_cli.commands import Setup
from prestatie_cli.load.broken import broken_sets, explain
from prestatie_cli.load.discover import discover, search_paths
from prestatie_cli.messages import text
from prestatie_cli.model.problems import exit_code
from prestatie_cli.progress.status import Selection, status
from prestatie_cli.progress.statuses import Status
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.status_formats import STATUS_FORMATS
from prestatie_cli.reporting.text import write_problems


def run(
    paths: Sequence[Path],
    *,
    output_format: str,
    as_of: date,
    themes: Sequence[str],
    parties: Sequence[str],
    statuses: Sequence[Status],
    scope: str | None = None,
    color: bool,
    width: int,
    setup: Setup,
) -> int:
    selection = Selection(tuple(themes), tuple(parties), tuple(statuses), scope)
    corpus = load_models(discover(search_paths(paths)), setup.lang)
    report = status(corpus, as_of, setup.settings.thresholds, selection)
    write_problems(setup.err, report.problems, setup.lang)
    broken = explain(broken_sets(corpus), setup.lang, listed=True)
    for line in broken:
        setup.err.write(visible(line) + "\n")
    if not report.sets:
        if broken:
            return 2
        shown = ", ".join(str(path) for path in paths) or "."
        setup.err.write(visible(text("ui.status.no-sets", setup.lang, {"paths": shown})) + "\n")
        return 2
    # Written a set at a time: a country's status is never held as one text.
    render = STATUS_FORMATS[output_format]
    setup.out.writelines(render(report, setup.lang, color=color, width=width))
    return exit_code(report.problems)
