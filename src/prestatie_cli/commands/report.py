"""prestatie report: a Markdown or self-contained HTML report of sets and their progress."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from prestatie_cli.check.result import CheckOptions
from prestatie_cli.check.runner import load_checked
from prestatie_cli.commands import Setup, inputs
from prestatie_cli.files import destination, write_atomic_with
from prestatie_cli.load.discover import discover
from prestatie_cli.messages import text
from prestatie_cli.model.problems import exit_code
from prestatie_cli.progress.status import Selection
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.report_formats import REPORT_FORMATS
from prestatie_cli.reporting.report_view import build_report
from prestatie_cli.reporting.terminal import info
from prestatie_cli.reporting.text import write_problems


def run(
    paths: Sequence[Path],
    *,
    output_format: str | None,
    output: Path | None,
    as_of: date,
    themes: Sequence[str],
    parties: Sequence[str],
    template_dir: Path | None,
    parents: bool = False,
    setup: Setup,
) -> int:
    if output_format is None:
        output_format = "html" if output and output.suffix.lower() in (".html", ".htm") else "md"
    options = CheckOptions(as_of, setup.lang, setup.settings)
    files = discover(paths or [Path()])
    if output is not None:
        # Refused before any work is done: a device, a folder, one of the files read.
        templates = sorted(template_dir.glob("report.*")) if template_dir is not None else []
        destination(output, parents=parents, inputs=[*inputs(files, setup), *templates])
    corpus, checked = load_checked(files, options)
    selection = Selection(tuple(themes), tuple(parties))
    view = build_report(corpus, checked, as_of, setup.lang, setup.settings.thresholds, selection)
    write_problems(setup.err, view.problems, setup.lang)
    if not view.sets:
        shown = ", ".join(str(path) for path in paths) or "."
        setup.err.write(visible(text("report.no-sets", setup.lang, {"paths": shown})) + "\n")
        return 2
    pieces: Iterable[str] = REPORT_FORMATS[output_format](view, template_dir)
    if template_dir is not None:
        # A user's template may fail halfway: then nothing is written at all.
        pieces = ["".join(pieces)]
    if output is None:
        setup.out.writelines(pieces)
    else:

        def write(temporary: Path) -> None:
            with temporary.open("w", encoding="utf-8", newline="") as stream:
                stream.writelines(pieces)

        # Written piece by piece into a file beside the target, which replaces it when whole.
        write_atomic_with(output, write, parents=parents)
        written = text("report.written", setup.lang, {"path": str(output)})
        info(setup.err, visible(written), setup.quiet)
    return exit_code(view.problems)
