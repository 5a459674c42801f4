"""prestatie export: one row per agreement, as CSV, XLSX or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from prestatie_cli.check.runner import load_models
from prestatie_cli.commands.settings import exit_code, settings_for, write_problems
from prestatie_cli.errors import UsageError
from prestatie_cli.files import write_atomic, write_atomic_with
from prestatie_cli.load.discover import discover
from prestatie_cli.messages import Language, text
from prestatie_cli.reporting.terminal import info
from prestatie_cli.tables.export import rows, to_csv, to_json, to_xlsx


def run(
    paths: Sequence[Path],
    *,
    output_format: str,
    output: Path | None,
    as_of: date,
    lang: Language | None,
    config: Path | None,
    out: TextIO,
    err: TextIO,
) -> int:
    settings, chosen = settings_for(config, lang, err)
    if settings is None:
        return 2
    if output_format == "xlsx" and output is None:
        raise UsageError(key="export.xlsx-needs-file")
    corpus = load_models(discover(paths or [Path()]), chosen)
    write_problems(err, corpus.problems, chosen)
    measurements = {set_id: corpus.measurements(set_id) for set_id in corpus.sets}
    found = rows(list(corpus.sets.values()), measurements, as_of, settings.thresholds, chosen)
    if output_format == "xlsx":
        assert output is not None
        write_atomic_with(output, lambda temporary: to_xlsx(found, chosen, temporary))
    else:
        content = (
            to_csv(found, chosen)
            if output_format == "csv"
            else json.dumps(to_json(found), indent=2, ensure_ascii=False) + "\n"
        )
        if output is None:
            out.write(content)
        else:
            write_atomic(output, content)
    if output is not None:
        info(err, text("export.written", chosen, {"count": str(len(found)), "path": str(output)}))
    return exit_code(corpus.problems)
