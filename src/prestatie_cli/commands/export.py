"""prestatie export: one row per agreement, as CSV, XLSX or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from prestatie_cli.check.runner import load_models
from prestatie_cli.commands import Setup, inputs
from prestatie_cli.errors import UsageError
from prestatie_cli.files import destination, write_atomic, write_atomic_with
from prestatie_cli.load.discover import discover
from prestatie_cli.messages import text
from prestatie_cli.model.problems import exit_code
from prestatie_cli.progress.status import condition_records
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.export_formats import EXPORT_FORMATS
from prestatie_cli.reporting.terminal import info
from prestatie_cli.reporting.text import write_problems
from prestatie_cli.tables.export import rows


def run(
    paths: Sequence[Path],
    *,
    output_format: str,
    output: Path | None,
    as_of: date,
    parents: bool = False,
    setup: Setup,
) -> int:
    written_as = EXPORT_FORMATS[output_format]
    if written_as.text is None and output is None:
        raise UsageError(key="export.xlsx-needs-file")
    lang = setup.lang
    files = discover(paths or [Path()])
    if output is not None:
        # Refused before any work is done: a device, a folder, one of the files read.
        destination(output, parents=parents, inputs=inputs(files, setup))
    corpus = load_models(files, lang)
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
            write_atomic(output, content, parents=parents)
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
