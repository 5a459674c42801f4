"""Agreements as a table: rows with their latest status, as CSV, JSON, XLSX or ODS."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from prestatie_cli.messages import Language, text
from prestatie_cli.model.agreements import AgreementSet, ConditionRecord, Measurement, Thresholds
from prestatie_cli.progress.status import EVERYTHING, set_status
from prestatie_cli.progress.statuses import Light
from prestatie_cli.tables.columns import (
    ANSWER_WORDS,
    COLUMNS,
    COMPARISON_WORDS,
    COUNTING_WORDS,
    FREQUENCY_WORDS,
    KIND_WORDS,
    conditions_text,
    headers,
    milestones_text,
    neutralised,
    per_year_text,
    split_text,
    starts_formula,
)
from prestatie_cli.tables.import_table import party_cell
from prestatie_cli.tables.sheets import DATE_FORMAT, Sheet, row_points


@dataclass(frozen=True, slots=True)
class Row:
    """One agreement as table cells (typed: numbers, dates, text)."""

    cells: dict[str, Any]
    light: Light


def rows(
    sets: Sequence[AgreementSet],
    measurements: dict[str, dict[str, list[Measurement]]],
    as_of: date,
    thresholds: Thresholds,
    lang: Language,
    conditions: Mapping[str, Sequence[ConditionRecord]] | None = None,
) -> list[Row]:
    """One row per agreement of every set, with its latest value and status at ``as_of``.

    The status is the one ``prestatie status`` gives: with the set's withdrawals and
    amended term, a parent's roll-up of its children, and ``conditions`` (the monitors'
    records of the states of conditions, per set id).
    """
    found = []
    for agreements in sets:
        # Parties and groups by name, as people read them; the import finds them back.
        # 'Naam [id]' when the id is not made from the name: the import keeps the id.
        names = {party.id: party_cell(party.name, party.id) for party in agreements.parties}
        names |= {group.id: party_cell(group.name, group.id) for group in agreements.groups}
        measured = measurements.get(agreements.id, {})
        records = (conditions or {}).get(agreements.id, ())
        judged = set_status(agreements, measured, as_of, thresholds, EVERYTHING, records)
        for state in judged.rows:
            agreement = state.agreement
            target = agreement.target
            baseline = target.baseline if target else None
            latest: Any = state.current
            if isinstance(latest, bool):
                latest = text("value.done" if latest else "value.not-done", lang)
            answer = agreement.answer
            cells: dict[str, Any] = {
                "set": agreements.id,
                "id": agreement.id,
                "title": agreement.title,
                "theme": agreement.theme,
                "kind": KIND_WORDS[agreement.kind],
                "owner": ", ".join(names.get(p, p) for p in agreement.owners),
                "contributors": ", ".join(names.get(p, p) for p in agreement.contributors),
                "text": " ".join((agreement.text or "").split()),
                "metric": target.metric if target else None,
                "unit": target.unit if target else None,
                "comparison": COMPARISON_WORDS[target.comparison] if target else None,
                "target": target.value if target else None,
                "cumulative": ("ja" if target.cumulative else "nee") if target else None,
                "recurring": FREQUENCY_WORDS[target.recurring]
                if target and target.recurring
                else None,
                "baseline": baseline.value if baseline else None,
                "baseline_date": baseline.date if baseline else None,
                "deadline": agreement.deadline,
                "frequency": FREQUENCY_WORDS[agreement.frequency] if agreement.frequency else None,
                "source": target.source if target else None,
                "latest": latest,
                "measured_on": state.measured_on,
                "status": text(f"status.{state.status}", lang),
                "parent": agreement.parent,
                "addressed_to": ", ".join(names.get(p, p) for p in agreement.asked) or None,
                "answer": ANSWER_WORDS[answer.state] if answer else None,
                "answer_date": answer.date if answer else None,
                "answer_note": answer.note if answer else None,
                "scope": agreement.scope,
                "per_event": agreement.per_event,
                "conditions": conditions_text(agreement.conditions) or None,
                "effective_from": agreement.effective_from,
                "ongoing": "ja" if agreement.ongoing else None,
                "beyond_term": "ja" if agreement.beyond_term else None,
                "upper": target.upper if target else None,
                "approximate": "ja" if target and target.approximate else None,
                "index": target.index if target else None,
                "counting": COUNTING_WORDS[target.counting] if target and target.counting else None,
                "per_year": (per_year_text(target.per_year, lang) or None) if target else None,
                "split": (split_text(target.split, lang) or None) if target else None,
                "milestones": milestones_text(agreement.milestones, lang) or None,
            }
            found.append(Row(cells, state.light))
    return found


def _cell_text(value: Any, lang: Language) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float) and lang == "nl":
        return repr(value).replace(".", ",")  # a decimal comma, as Dutch spreadsheets read it
    if isinstance(value, str):
        return neutralised(value)  # a number stays a number, "-5" included; text stays text
    return str(value)


def _csv_field(value: str) -> str:
    # Quoted when it holds the separator, a quote or a line break of either kind: the csv
    # module quotes only the characters of its own line terminator ('\n'), so a lone CR
    # in a name would end the row for a reader.
    if any(mark in value for mark in ';"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def to_csv(found: Sequence[Row], lang: Language) -> str:
    """CSV with a header row; ';' as Dutch spreadsheet programs expect it."""
    lines = [headers(lang)]
    lines += [[_cell_text(row.cells[name], lang) for name, _, _ in COLUMNS] for row in found]
    return "".join(";".join(map(_csv_field, line)) + "\n" for line in lines)


def to_json(found: Sequence[Row]) -> list[dict[str, Any]]:
    return [
        {
            name: (value.isoformat() if isinstance(value, date) else value)
            for name, value in row.cells.items()
        }
        | {"light": row.light}
        for row in found
    ]


_FILLS: dict[Light, str] = {
    "green": "D8F3DC",
    "orange": "FFE8B3",
    "red": "F8D0D3",
    "grey": "E5E7EB",
}


_WIDTHS = {
    "set": 22, "id": 8, "title": 34, "theme": 18, "kind": 12, "owner": 22, "contributors": 30,
    "text": 60, "metric": 30, "unit": 12, "comparison": 12, "target": 12, "cumulative": 10,
    "recurring": 12, "baseline": 11, "baseline_date": 14, "deadline": 12, "frequency": 14,
    "source": 30, "latest": 12, "measured_on": 12, "status": 16, "parent": 10,
    "addressed_to": 22, "answer": 11, "answer_date": 12, "answer_note": 30, "scope": 24,
    "per_event": 24, "conditions": 50, "effective_from": 12, "ongoing": 11, "beyond_term": 11,
    "upper": 12, "approximate": 8, "index": 24, "counting": 9, "per_year": 30, "split": 34,
    "milestones": 30,
}  # fmt: skip
_WRAPPED = (
    "title",
    "text",
    "contributors",
    "conditions",
    "per_year",
    "split",
    "answer_note",
    "milestones",
)


# Characters XML 1.0 cannot hold (openpyxl refuses them): shown as their control picture.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _control_picture(match: re.Match[str]) -> str:
    return chr(0x2400 + ord(match.group()))


def to_xlsx(found: Sequence[Row], lang: Language, path: Path) -> None:
    """An Excel workbook: frozen bold header, widths, real dates, a status that prints well."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Afspraken" if lang == "nl" else "Agreements"
    sheet.append(headers(lang))
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    thin = Side(style="thin", color="999999")
    names = [name for name, _, _ in COLUMNS]
    widths = [float(_WIDTHS[name]) for name in names]
    wrapped = frozenset(number for number, name in enumerate(names) if name in _WRAPPED)
    for number, row in enumerate(found, start=2):
        for column, name in enumerate(names, start=1):
            value = row.cells[name]
            cell = sheet.cell(row=number, column=column)
            if isinstance(value, str):
                value = _XML_INVALID.sub(_control_picture, value)
                cell.value = value
                # Text is a string cell, never a formula ("=...") or an error ("#N/A"); a
                # quote prefix keeps it text when someone edits the cell in Excel.
                cell.data_type = "s"
                cell.quotePrefix = starts_formula(value)
            else:
                cell.value = value
            cell.alignment = Alignment(vertical="top", wrap_text=name in _WRAPPED)
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
            if name == "status":
                # The words carry the meaning; the fill only helps, and prints as a light tint.
                cell.fill = PatternFill("solid", fgColor=_FILLS[row.light])
                cell.font = bold
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        # As high as its wrapped text: rows that print over each other help no one.
        values = [row.cells[name] for name in names]
        sheet.row_dimensions[number].height = row_points(values, widths, wrapped)
    for column, name in enumerate(names, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS[name]
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    workbook.save(path)


def table_sheet(found: Sequence[Row], lang: Language) -> Sheet:
    """The rows as one sheet of typed cells (for the OpenDocument spreadsheet)."""
    names = [name for name, _, _ in COLUMNS]
    return Sheet(
        name="Afspraken" if lang == "nl" else "Agreements",
        header=headers(lang),
        rows=[[row.cells[name] for name in names] for row in found],
        widths=[float(_WIDTHS[name]) for name in names],
        wrapped=frozenset(number for number, name in enumerate(names) if name in _WRAPPED),
        freeze_columns=2,
    )
