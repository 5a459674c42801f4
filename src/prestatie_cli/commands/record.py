"""prestatie record: append a measurement to the monitor file of its set."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from prestatie_cli.commands.settings import settings_for
from prestatie_cli.editing.record import Entry, record
from prestatie_cli.messages import Language, number, text


def run(
    entry: Entry,
    *,
    sets: Sequence[Path],
    monitor_file: Path | None,
    lang: Language | None,
    config: Path | None,
    out: TextIO,
    err: TextIO,
) -> int:
    settings, chosen = settings_for(config, lang, err)
    if settings is None:
        return 2
    done = record(entry, sets or [Path()], monitor_file, chosen)
    if done.created:
        out.write(text("record.created", chosen, {"path": str(done.path)}) + "\n")
    measurement = done.measurement
    value = measurement.value
    shown = (
        text("value.done" if value else "value.not-done", chosen)
        if isinstance(value, bool)
        else number(value, chosen)
    )
    params = {
        "path": str(done.path),
        "id": measurement.agreement,
        "value": shown,
        "date": date.isoformat(measurement.date),
    }
    out.write(text("record.done", chosen, params) + "\n")
    return 0
