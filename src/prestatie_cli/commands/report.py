"""prestatie report: a Markdown or self-contained HTML report of sets and their progress."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from prestatie_cli.commands.settings import exit_code, settings_for, write_problems
from prestatie_cli.files import write_atomic_with
from prestatie_cli.messages import Language, text
from prestatie_cli.progress.status import Selection
from prestatie_cli.reporting.report_formats import stream_report
from prestatie_cli.reporting.report_view import build_report
from prestatie_cli.reporting.terminal import info


def run(
    paths: Sequence[Path],
    *,
    output_format: str,
    output: Path | None,
    as_of: date,
    lang: Language | None,
    config: Path | None,
    themes: Sequence[str],
    parties: Sequence[str],
    template_dir: Path | None,
    out: TextIO,
    err: TextIO,
) -> int:
    settings, chosen = settings_for(config, lang, err)
    if settings is None:
        return 2
    selection = Selection(tuple(themes), tuple(parties))
    view = build_report(paths or [Path()], as_of, chosen, settings, selection)
    write_problems(err, view.problems, chosen)
    if not view.sets:
        shown = ", ".join(str(path) for path in paths) or "."
        err.write(text("report.no-sets", chosen, {"paths": shown}) + "\n")
        return 2
    pieces: Iterable[str] = stream_report(view, output_format, template_dir)
    if template_dir is not None:
        # A user's template may fail halfway: then nothing is written at all.
        pieces = ["".join(pieces)]
    if output is None:
        out.writelines(pieces)
    else:

        def write(temporary: Path) -> None:
            with temporary.open("w", encoding="utf-8", newline="") as stream:
                stream.writelines(pieces)

        # Written piece by piece into a file beside the target, which replaces it when whole.
        write_atomic_with(output, write)
        info(err, text("report.written", chosen, {"path": str(output)}))
    return exit_code(view.problems)
