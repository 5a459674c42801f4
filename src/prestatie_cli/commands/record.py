"""prestatie record: append a measurement, or the state of a condition, to the monitor file of
its set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from prestatie_cli.commands import Setup
from prestatie_cli.editing.record import ConditionEntry, Entry, record, record_condition
from prestatie_cli.errors import UsageError
from prestatie_cli.load.discover import search_paths
from prestatie_cli.messages import number, text
from prestatie_cli.reporting.escape import visible


@dataclass(frozen=True, slots=True)
class Asked:
    """What the command line was given: a measurement, or a condition's state."""

    agreement: str
    value: str | None
    day: date
    source: str | None = None
    reported_by: str | None = None
    note: str | None = None
    index: str | None = None
    condition: str | None = None
    state: str | None = None


def _entry(asked: Asked) -> Entry | ConditionEntry:
    """The one thing to record; options that belong to the other are refused."""
    if asked.condition is None:
        if asked.state is not None:
            raise UsageError(key="record.exclusive", first="--state", second="VALUE")
        if asked.value is None:
            raise UsageError(key="record.value-missing")
        return Entry(
            asked.agreement,
            asked.value,
            asked.day,
            asked.source,
            asked.reported_by,
            asked.note,
            asked.index,
        )
    for given, name in (
        (asked.value, f"'{asked.value}'"),
        (asked.index, "--index"),
        (asked.reported_by, "--reported-by"),
    ):
        if given is not None:
            raise UsageError(key="record.exclusive", first=name, second="--condition")
    if asked.state is None:
        raise UsageError(key="record.state-missing")
    return ConditionEntry(
        asked.agreement, asked.condition, asked.state, asked.day, asked.source, asked.note
    )


def run(
    asked: Asked,
    *,
    sets: Sequence[Path],
    monitor_file: Path | None,
    setup: Setup,
) -> int:
    lang = setup.lang
    entry = _entry(asked)
    if isinstance(entry, ConditionEntry):
        done = record_condition(entry, search_paths(sets), monitor_file, lang)
        if done.created:
            setup.out.write(visible(text("record.created", lang, {"path": str(done.path)})) + "\n")
        written = done.record
        params = {
            "path": str(done.path),
            "id": written.agreement,
            "condition": written.condition,
            "state": written.state,
            "date": written.date.isoformat(),
        }
        setup.out.write(visible(text("record.condition-done", lang, params)) + "\n")
        return 0
    recorded = record(entry, search_paths(sets), monitor_file, lang)
    if recorded.created:
        setup.out.write(visible(text("record.created", lang, {"path": str(recorded.path)})) + "\n")
    measurement = recorded.measurement
    value = measurement.value
    shown = (
        text("value.done" if value else "value.not-done", lang)
        if isinstance(value, bool)
        else number(value, lang)
    )
    if measurement.index is not None:
        shown += " " + text("record.with-index", lang, {"index": number(measurement.index, lang)})
    params = {
        "path": str(recorded.path),
        "id": measurement.agreement,
        "value": shown,
        "date": date.isoformat(measurement.date),
    }
    setup.out.write(visible(text("record.done", lang, params)) + "\n")
    return 0
