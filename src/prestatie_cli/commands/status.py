"""prestatie status: progress per agreement at a date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from prestatie_cli.commands.settings import exit_code, settings_for, write_problems
from prestatie_cli.messages import Language, text
from prestatie_cli.progress.calculation import Status
from prestatie_cli.progress.status import Selection, status
from prestatie_cli.reporting.status_formats import render_json, render_markdown, render_text


def run(
    paths: Sequence[Path],
    *,
    output_format: str,
    as_of: date,
    lang: Language | None,
    config: Path | None,
    themes: Sequence[str],
    parties: Sequence[str],
    statuses: Sequence[Status],
    color: bool,
    width: int,
    out: TextIO,
    err: TextIO,
) -> int:
    settings, chosen = settings_for(config, lang, err)
    if settings is None:
        return 2
    selection = Selection(tuple(themes), tuple(parties), tuple(statuses))
    report = status(paths or [Path()], as_of, chosen, settings.thresholds, selection)
    write_problems(err, report.problems, chosen)
    if not report.sets:
        shown = ", ".join(str(path) for path in paths) or "."
        err.write(text("ui.status.no-sets", chosen, {"paths": shown}) + "\n")
        return 2
    if output_format == "json":
        out.write(render_json(report, chosen))
    elif output_format == "md":
        out.write(render_markdown(report, chosen))
    else:
        out.write(render_text(report, chosen, color=color, width=width))
    return exit_code(report.problems)
