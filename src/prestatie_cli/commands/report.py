"""prestatie report: a Markdown, self-contained HTML or PDF report of sets and their progress."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from prestatie_cli.check.result import CheckOptions
from prestatie_cli.check.runner import load_checked
from prestatie_cli.commands import Setup, inputs
from prestatie_cli.errors import UsageError
from prestatie_cli.files import destination, write_atomic_with
from prestatie_cli.load.broken import broken_sets, explain
from prestatie_cli.load.discover import discover, search_paths
from prestatie_cli.messages import text
from prestatie_cli.model.problems import exit_code
from prestatie_cli.progress.status import Selection
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.pdf import PDF_VARIANTS, write_pdf
from prestatie_cli.reporting.report_formats import REPORT_FORMATS, SUFFIXES
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
    pdf_variant: str | None = None,
    setup: Setup,
) -> int:
    output_format = chosen_format(output_format, output)
    if pdf_variant is not None and pdf_variant not in PDF_VARIANTS:
        choices = ", ".join(PDF_VARIANTS)
        raise UsageError(key="report.pdf-variant", variant=pdf_variant, choices=choices)
    if pdf_variant is not None and output_format != "pdf":
        raise UsageError(key="report.pdf-variant-not-pdf")
    if output_format == "pdf" and output is None:
        raise UsageError(key="report.pdf-needs-file")
    options = CheckOptions(as_of, setup.lang, setup.settings)
    files = discover(search_paths(paths))
    if output is not None:
        # Refused before any work is done: a device, a folder, one of the files read.
        templates = sorted(template_dir.glob("report.*")) if template_dir is not None else []
        destination(output, parents=parents, inputs=[*inputs(files, setup), *templates])
        known_suffix(output)
    corpus, checked = load_checked(files, options)
    selection = Selection(tuple(themes), tuple(parties))
    view = build_report(
        corpus,
        checked,
        as_of,
        setup.lang,
        setup.settings.thresholds,
        selection,
        setup.settings.themes,
    )
    write_problems(setup.err, view.problems, setup.lang)
    broken = explain(broken_sets(corpus), setup.lang, listed=True)
    for line in broken:
        setup.err.write(visible(line) + "\n")
    if not view.sets:
        if broken:
            return 2
        shown = ", ".join(str(path) for path in paths) or "."
        setup.err.write(visible(text("report.no-sets", setup.lang, {"paths": shown})) + "\n")
        return 2
    pieces: Iterable[str] = REPORT_FORMATS[output_format](view, template_dir)
    if output_format == "pdf" and output is not None:
        html = "".join(pieces)
        write_atomic_with(
            output, lambda temporary: write_pdf(html, temporary, pdf_variant), parents=parents
        )
        info(
            setup.err,
            visible(text("report.written", setup.lang, {"path": str(output)})),
            setup.quiet,
        )
        return exit_code(view.problems)
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


def chosen_format(output_format: str | None, output: Path | None) -> str:
    """--format, else the format -o's suffix names, else Markdown. A suffix that names
    another format than --format is refused: the file would not hold what its name says."""
    named = SUFFIXES.get(output.suffix.lower()) if output is not None else None
    if output_format is not None and named is not None and named != output_format:
        assert output is not None
        raise UsageError(
            key="report.suffix-mismatch",
            path=str(output),
            format=output_format,
            suffix=next(suffix for suffix, name in SUFFIXES.items() if name == output_format),
        )
    return output_format or named or "md"


def known_suffix(output: Path) -> None:
    """Refuse a file whose name says another kind of file (r.docx, r.txt, r): it would not
    hold what its name says. Checked after what -o may replace at all (a folder, a device)."""
    if output.suffix.lower() not in SUFFIXES:
        suffixes = " ".join(dict.fromkeys(SUFFIXES))
        raise UsageError(key="report.suffix-unknown", path=str(output), suffixes=suffixes)
