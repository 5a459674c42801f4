"""prestatie import: a set of agreements from the table in which they live today."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TextIO

from prestatie_cli.editing.insert import dump
from prestatie_cli.errors import UsageError
from prestatie_cli.files import destination, write_atomic
from prestatie_cli.load.parse import parse, parse_file
from prestatie_cli.messages import Language, text, use_language
from prestatie_cli.model.agreements import AgreementSet
from prestatie_cli.reporting.escape import visible
from prestatie_cli.tables.columns import COLUMNS
from prestatie_cli.tables.import_table import SetFacts, from_table, normalise
from prestatie_cli.tables.reading import read_sheets

_FIELDS = sorted({name for name, _, _ in COLUMNS} - {"set", "latest", "measured_on", "status"})


def _period(value: str | None, lang: Language) -> tuple[date | None, date | None]:
    if value is None:
        return None, None
    years = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", value.strip())
    if years:
        return date(int(years.group(1)), 1, 1), date(int(years.group(2)), 12, 31)
    days = re.fullmatch(r"(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})", value.strip())
    if days:
        try:
            return date.fromisoformat(days.group(1)), date.fromisoformat(days.group(2))
        except ValueError:
            pass
    raise UsageError(key="import.bad-period", value=value)


def _overrides(values: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for value in values:
        column, _, name = value.partition("=")
        if not column.strip() or name.strip() not in _FIELDS:
            raise UsageError(key="import.bad-map", value=value, fields=", ".join(_FIELDS))
        mapping[normalise(column)] = name.strip()
    return mapping


def _parties_of(path: Path | None, lang: Language) -> AgreementSet | None:
    """The set whose parties and groups the table's names refer to (--parties)."""
    if path is None:
        return None
    parsed = parse_file(path, lang)
    if parsed.problems:
        problem = parsed.problems[0]
        where = f"{problem.line}:{problem.column} {problem.message}"
        raise UsageError(key="import.parties", path=str(path), problem=where)
    if not isinstance(parsed.model, AgreementSet):
        kind = parsed.model.kind if parsed.model is not None else ""
        raise UsageError(key="import.parties", path=str(path), problem=f"kind: {kind}.")
    return parsed.model


def _say_left_out(known: AgreementSet, path: Path, lang: Language, err: TextIO) -> None:
    """Name what the set of --parties holds beyond its agreements, parties and groups: a table
    does not carry it, so the new set does not have it (a signature would not even fit)."""
    counted = (
        ("amendments", len(known.amendments)),
        ("signatures", len(known.signatures)),
        ("bids", len(known.bids)),
        ("waivers", len(known.waivers)),
    )
    lines = [
        text(f"import.left-out.{name}", lang, {"count": str(count)})
        for name, count in counted
        if count
    ]
    if known.frame is not None:
        lines.append(text("import.left-out.frame", lang, {"frame": known.frame}))
    if known.basis:
        lines.append(text("import.left-out.basis", lang))
    if not lines:
        return
    err.write(visible(text("import.left-out", lang, {"path": str(path)})) + "\n")
    err.writelines(f"  - {visible(line)}\n" for line in lines)
    advice = []
    if known.signatures:
        advice.append(text("import.left-out.resign", lang))
    if len(lines) > (1 if known.signatures else 0):
        advice.append(text("import.left-out.copy", lang, {"path": str(path)}))
    err.write(visible(" ".join(advice)) + "\n")


def run(
    source: Path,
    *,
    output: Path,
    set_id: str | None,
    title: str | None,
    period: str | None,
    mappings: Sequence[str],
    parties: Path | None = None,
    monitor: Path | None = None,
    parents: bool = False,
    only_set: str | None = None,
    lang: Language,
    out: TextIO,
    err: TextIO,
) -> int:
    use_language(lang)
    for path in (output, monitor):
        # lexists: a link is something that exists too, even one that leads nowhere.
        if path is not None and os.path.lexists(path):
            raise UsageError(key="import.exists", path=str(path))
        if path is not None:
            destination(path, parents=parents)
    start, end = _period(period, lang)
    overrides = _overrides(mappings)
    known = _parties_of(parties, lang)
    sheets = read_sheets(source)  # within the limits of tables.reading, or refused
    from prestatie_cli.tables.workbook import is_workbook

    if is_workbook(sheets):
        return _from_workbook(
            sheets, source, output, monitor, set_id, title, start, end, parents, lang, out, err
        )
    table = next(iter(sheets.values()))
    facts = SetFacts(set_id or output.stem, title, start, end, only_set=only_set)
    if known is not None:
        facts = replace(
            facts,
            parties=tuple(party.model_dump(exclude_none=True) for party in known.parties),
            groups=tuple(group.model_dump(exclude_none=True) for group in known.groups),
        )
    imported = from_table(table, facts, overrides, lang)
    if not imported.data:
        for line in imported.problems:
            err.write(f"{visible(line)}\n")
        return 2
    header = (
        "# yaml-language-server: $schema=../schemas/agreements.schema.json\n"
        f"# Geïmporteerd uit {source.name} met prestatie import; controleer met prestatie check."
    )
    content = dump(imported.data, header)
    parsed = parse(content, str(output), lang)
    if parsed.problems:
        problem = parsed.problems[0]
        raise UsageError(
            key="import.invalid", problem=f"{problem.line}:{problem.column} {problem.message}"
        )
    write_atomic(output, content, parents=parents)
    if imported.problems:
        err.write(text("import.problems", lang) + "\n")
        err.writelines(f"  - {visible(line)}\n" for line in imported.problems)
    if imported.assumptions:
        err.write(text("import.assumptions", lang) + "\n")
        err.writelines(f"  - {visible(line)}\n" for line in imported.assumptions)
    if known is not None and parties is not None:
        _say_left_out(known, parties, lang, err)
    summary = {
        "count": str(len(imported.data["agreements"])),
        "path": str(output),
        "problems": str(len(imported.problems)),
        "assumptions": str(len(imported.assumptions)),
    }
    out.write(visible(text("import.summary", lang, summary)) + "\n")
    return 1 if imported.problems else 0


def _from_workbook(
    sheets: dict[str, list[list[object]]],
    source: Path,
    output: Path,
    monitor: Path | None,
    set_id: str | None,
    title: str | None,
    start: date | None,
    end: date | None,
    parents: bool,
    lang: Language,
    out: TextIO,
    err: TextIO,
) -> int:
    """A workbook of ``export --workbook``: the set and its monitor, as they were exported."""
    from prestatie_cli.tables.workbook import read_workbook

    found = read_workbook(sheets, lang)
    if found.problems:
        err.write(visible(text("import.workbook-refused", lang, {"path": str(source)})) + "\n")
        err.writelines(f"  - {visible(line)}\n" for line in found.problems)
        return 1
    data = found.agreements
    # What --id, --title and --period say goes before what the workbook holds.
    if set_id is not None:
        data["id"] = set_id
    if title is not None:
        data["title"] = title
    if start is not None and end is not None:
        data["period"] = {"start": start, "end": end}
    if found.monitor is not None and monitor is None:
        raise UsageError(key="import.workbook-monitor")
    made = f"# Geïmporteerd uit {source.name} met prestatie import; controleer met prestatie check."
    writes = [(output, "agreements", data)]
    if found.monitor is not None and monitor is not None:
        found.monitor["set"] = data["id"]
        writes.append((monitor, "monitor", found.monitor))
    contents = []
    for path, kind, content in writes:
        header = f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n{made}"
        written = dump(content, header)
        parsed = parse(written, str(path), lang)
        if parsed.problems:
            problem = parsed.problems[0]
            where = f"{problem.line}:{problem.column} {problem.message}"
            raise UsageError(key="import.workbook-invalid", what=kind, problem=where)
        contents.append((path, written))
    for path, written in contents:
        write_atomic(path, written, parents=parents)
    said = {"set": str(data["id"]), "path": str(output), "agreements": str(len(data["agreements"]))}
    out.write(visible(text("import.workbook-summary", lang, said)) + "\n")
    if found.monitor is not None and monitor is not None:
        counted = {"path": str(monitor), "measurements": str(len(found.monitor["measurements"]))}
        out.write(visible(text("import.workbook-monitor-summary", lang, counted)) + "\n")
    return 0
