"""prestatie export: one row per agreement (CSV, XLSX, ODS or JSON), or one set as a workbook."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from prestatie_cli.check.runner import load_models
from prestatie_cli.commands import Setup, inputs
from prestatie_cli.errors import UsageError
from prestatie_cli.files import destination, write_atomic, write_atomic_with
from prestatie_cli.load.broken import broken_sets, explain
from prestatie_cli.load.corpus import Corpus
from prestatie_cli.load.discover import discover, search_paths
from prestatie_cli.messages import text
from prestatie_cli.model.agreements import Monitor
from prestatie_cli.model.problems import exit_code
from prestatie_cli.progress.status import condition_records
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.export_formats import EXPORT_FORMATS, SUFFIXES, WORKBOOK_FORMATS
from prestatie_cli.reporting.terminal import info
from prestatie_cli.reporting.text import write_problems
from prestatie_cli.tables.export import rows


def chosen_format(output_format: str | None, output: Path | None, workbook: bool) -> str:
    """The format asked for: --format, else the output's suffix, else csv (xlsx for a
    workbook). A suffix that names another format than --format is refused: the file
    would hold something else than its name says."""
    named = SUFFIXES.get(output.suffix.lower()) if output is not None else None
    if output_format is not None and named is not None and named != output_format:
        assert output is not None
        raise UsageError(
            key="export.suffix-conflict",
            path=str(output),
            suffix=output.suffix,
            format=output_format,
        )
    return output_format or named or ("xlsx" if workbook else "csv")


def run(
    paths: Sequence[Path],
    *,
    output_format: str | None,
    output: Path | None,
    as_of: date,
    workbook: bool = False,
    parents: bool = False,
    setup: Setup,
) -> int:
    chosen = chosen_format(output_format, output, workbook)
    if workbook and chosen not in WORKBOOK_FORMATS:
        raise UsageError(key="export.workbook-format", format=chosen)
    written_as = EXPORT_FORMATS[chosen]
    if (workbook or written_as.text is None) and output is None:
        raise UsageError(
            key="export.ods-needs-file" if chosen == "ods" else "export.xlsx-needs-file"
        )
    lang = setup.lang
    files = discover(search_paths(paths))
    if output is not None:
        # Refused before any work is done: a device, a folder, one of the files read.
        destination(output, parents=parents, inputs=inputs(files, setup))
        known_suffix(output)
    corpus = load_models(files, lang)
    broken = explain(broken_sets(corpus), lang, listed=True) if not corpus.sets else []
    if broken:
        # Nothing to export but sets that could not be read: say which, write nothing.
        write_problems(setup.err, corpus.problems, lang)
        for line in broken:
            setup.err.write(visible(line) + "\n")
        return 2
    if workbook:
        assert output is not None
        return _workbook(corpus, chosen, output, parents, setup)
    write_problems(setup.err, corpus.problems, lang)
    measurements = {set_id: corpus.measurements(set_id) for set_id in corpus.sets}
    conditions = {set_id: condition_records(corpus, set_id) for set_id in corpus.sets}
    found = rows(
        list(corpus.sets.values()),
        measurements,
        as_of,
        setup.settings.thresholds,
        lang,
        conditions,
    )
    if written_as.text is not None:
        content = written_as.text(found, lang)
        if output is None:
            setup.out.write(content)
        else:
            # A file gets a byte order mark: Excel then reads it as UTF-8 ("één", "€").
            bom = "\ufeff" if chosen == "csv" else ""
            write_atomic(output, bom + content, parents=parents)
    else:
        write_file = written_as.file
        assert write_file is not None and output is not None
        write_atomic_with(
            output, lambda temporary: write_file(found, lang, temporary), parents=parents
        )
    if output is not None:
        written = {"count": str(len(found)), "path": str(output)}
        info(setup.err, visible(text("export.written", lang, written)), setup.quiet)
    return exit_code(corpus.problems)


def _workbook(corpus: Corpus, chosen: str, output: Path, parents: bool, setup: Setup) -> int:
    """One set and its monitor as a workbook that import reads back unchanged."""
    from prestatie_cli.tables.sheets import write_ods, write_xlsx
    from prestatie_cli.tables.workbook import sheets

    lang = setup.lang
    write_problems(setup.err, corpus.problems, lang)
    if len(corpus.sets) != 1:
        listed = ", ".join(corpus.sets) or "-"
        raise UsageError(key="export.workbook-one-set", count=str(len(corpus.sets)), sets=listed)
    (agreements,) = corpus.sets.values()
    monitors = [
        item
        for item in corpus.loaded
        if isinstance(item.model, Monitor) and item.model.set == agreements.id
    ]
    if len(monitors) > 1:
        raise UsageError(
            key="export.workbook-monitors",
            set=agreements.id,
            count=str(len(monitors)),
            paths=", ".join(item.path for item in monitors),
        )
    monitor = monitors[0].model if monitors else None
    assert monitor is None or isinstance(monitor, Monitor)
    found = sheets(agreements, monitor, lang)
    write = write_xlsx if chosen == "xlsx" else write_ods
    write_atomic_with(output, lambda temporary: write(found, temporary), parents=parents)
    said = {
        "set": agreements.id,
        "path": str(output),
        "agreements": str(len(agreements.agreements)),
        "measurements": str(len(monitor.measurements) if monitor else 0),
    }
    info(setup.err, visible(text("export.workbook-written", lang, said)), setup.quiet)
    return exit_code(corpus.problems)


def known_suffix(output: Path) -> None:
    """Refuse a file whose name says another kind of file (r.docx, r.txt, r): it would not
    hold what its name says. Checked after what -o may replace at all (a folder, a device)."""
    if output.suffix.lower() not in SUFFIXES:
        suffixes = " ".join(SUFFIXES)
        raise UsageError(key="export.suffix-unknown", path=str(output), suffixes=suffixes)
