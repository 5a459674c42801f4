"""prestatie record: append a measurement to the monitor file of its set."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from prestatie_cli.commands import Setup
from prestatie_cli.editing.record import Entry, record
from prestatie_cli.messages import number, text
from prestatie_cli.reporting.escape import visible


def run(
    entry: Entry,
    *,
    sets: Sequence[Path],
    monitor_file: Path | None,
    setup: Setup,
) -> int:
    lang = setup.lang
    done = record(entry, sets or [Path()], monitor_file, lang)
    if done.created:
        setup.out.write(visible(text("record.created", lang, {"path": str(done.path)})) + "\n")
    measurement = done.measurement
    value = measurement.value
    shown = (
        text("value.done" if value else "value.not-done", lang)
        if isinstance(value, bool)
        else number(value, lang)
    )
    params = {
        "path": str(done.path),
        "id": measurement.agreement,
        "value": shown,
        "date": date.isoformat(measurement.date),
    }
    setup.out.write(visible(text("record.done", lang, params)) + "\n")
    return 0
