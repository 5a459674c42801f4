"""Sheets of typed cells written as an Excel (XLSX) or OpenDocument (ODS) workbook, and read back.

Both formats get the same care: a bold frozen header, column widths, real dates
shown the Dutch way (dd-mm-jjjj), text wrapped where it is long, and each row as
high as its wrapped text, so that printed rows never overlap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from prestatie_cli.tables.columns import starts_formula

# How a date shows in a cell: 31-12-2026, as Dutch readers write it.
DATE_FORMAT = "dd-mm-yyyy"
LINE_POINTS = 15.0  # one line of 11-point text
MAX_ROW_POINTS = 409.0  # the highest row a spreadsheet program allows


@dataclass
class Sheet:
    """One sheet: a header row and rows of typed cells (text, numbers, dates, yes/no)."""

    name: str
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # in characters, per column
    wrapped: frozenset[int] = frozenset()  # the columns whose text wraps
    freeze_columns: int = 0  # columns kept in view beside the header


# Characters XML 1.0 cannot hold (openpyxl refuses them): shown as their control picture.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(value: str) -> str:
    return XML_INVALID.sub(lambda match: chr(0x2400 + ord(match.group())), value)


def _width(sheet: Sheet, column: int) -> float:
    return sheet.widths[column] if column < len(sheet.widths) else 14.0


def row_points(values: Sequence[Any], widths: Sequence[float], wrapped: frozenset[int]) -> float:
    """The height of a row in points: the most lines any of its cells takes.

    A wrapped cell takes a line for each stretch of its column's width in every
    line of its text; a cell that does not wrap takes a line for each of its lines.
    """
    lines = 1
    for column, value in enumerate(values):
        if not isinstance(value, str) or not value:
            continue
        width = max(1.0, (widths[column] if column < len(widths) else 14.0) - 1)
        parts = value.split("\n")
        if column in wrapped:
            count = sum(max(1, math.ceil(len(part) / width)) for part in parts)
        else:
            count = len(parts)
        lines = max(lines, count)
    return min(MAX_ROW_POINTS, lines * LINE_POINTS)


def write_xlsx(sheets: Sequence[Sheet], path: Path) -> None:
    """An Excel workbook of ``sheets``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    bold = Font(bold=True)
    for sheet in sheets:
        out = workbook.create_sheet(sheet.name)
        out.append(sheet.header)
        for cell in out[1]:
            cell.font = bold
            cell.fill = PatternFill("solid", fgColor="DDE6F0")
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        for number, values in enumerate(sheet.rows, start=2):
            for column, value in enumerate(values, start=1):
                cell = out.cell(row=number, column=column)
                if isinstance(value, str):
                    value = xml_safe(value)
                    cell.value = value
                    # Text stays text: never a formula ("=...") nor an error ("#N/A").
                    cell.data_type = "s"
                    cell.quotePrefix = starts_formula(value)
                else:
                    cell.value = value
                if isinstance(value, date):
                    cell.number_format = DATE_FORMAT
                cell.alignment = Alignment(vertical="top", wrap_text=column - 1 in sheet.wrapped)
            out.row_dimensions[number].height = row_points(values, sheet.widths, sheet.wrapped)
        for column in range(len(sheet.header)):
            out.column_dimensions[get_column_letter(column + 1)].width = _width(sheet, column)
        out.freeze_panes = f"{get_column_letter(sheet.freeze_columns + 1)}2"
        out.print_title_rows = "1:1"
        out.page_setup.orientation = "landscape"
    workbook.save(path)


def write_ods(sheets: Sequence[Sheet], path: Path) -> None:
    """An OpenDocument spreadsheet of ``sheets``."""
    from odf import teletype  # type: ignore[import-untyped]
    from odf.config import (  # type: ignore[import-untyped]
        ConfigItem,
        ConfigItemMapEntry,
        ConfigItemMapIndexed,
        ConfigItemMapNamed,
        ConfigItemSet,
    )
    from odf.number import DateStyle, Day, Month, Text, Year  # type: ignore[import-untyped]
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.style import (  # type: ignore[import-untyped]
        ParagraphProperties,
        Style,
        TableCellProperties,
        TableColumnProperties,
        TableRowProperties,
        TextProperties,
    )
    from odf.table import Table, TableCell, TableColumn, TableRow  # type: ignore[import-untyped]
    from odf.text import P  # type: ignore[import-untyped]

    document = OpenDocumentSpreadsheet()
    styles = document.automaticstyles
    dutch_date = DateStyle(name="DatumNL")
    dutch_date.addElement(Day(style="long"))
    dutch_date.addElement(Text(text="-"))
    dutch_date.addElement(Month(style="long"))
    dutch_date.addElement(Text(text="-"))
    dutch_date.addElement(Year(style="long"))
    styles.addElement(dutch_date)

    def cell_style(name: str, *, wrap: bool, bold: bool = False, data: str = "") -> Style:
        style = Style(name=name, family="table-cell", **({"datastylename": data} if data else {}))
        style.addElement(
            TableCellProperties(
                verticalalign="top",
                wrapoption="wrap" if wrap else "no-wrap",
                **({"backgroundcolor": "#dde6f0"} if bold else {}),
            )
        )
        if bold:
            style.addElement(TextProperties(fontweight="bold"))
            style.addElement(ParagraphProperties())
        styles.addElement(style)
        return style

    header_style = cell_style("kop", wrap=True, bold=True)
    plain = cell_style("tekst", wrap=False)
    wrapping = cell_style("omloop", wrap=True)
    dated = cell_style("datum", wrap=False, data="DatumNL")
    row_styles: dict[float, Style] = {}

    def row_style(points: float) -> Style:
        if points not in row_styles:
            style = Style(name=f"rij{len(row_styles) + 1}", family="table-row")
            style.addElement(
                TableRowProperties(rowheight=f"{points:.1f}pt", useoptimalrowheight="false")
            )
            styles.addElement(style)
            row_styles[points] = style
        return row_styles[points]

    settings = ConfigItemSet(name="ooo:view-settings")
    views = ConfigItemMapIndexed(name="Views")
    view = ConfigItemMapEntry()
    view.addElement(ConfigItem(name="ViewId", type="string", text="view1"))
    tables = ConfigItemMapNamed(name="Tables")
    view.addElement(tables)
    views.addElement(view)
    settings.addElement(views)
    document.settings.addElement(settings)

    for number, sheet in enumerate(sheets):
        table = Table(name=sheet.name)
        for column in range(len(sheet.header)):
            style = Style(name=f"k{number}-{column}", family="table-column")
            style.addElement(
                TableColumnProperties(columnwidth=f"{_width(sheet, column) * 0.2:.2f}cm")
            )
            styles.addElement(style)
            table.addElement(TableColumn(stylename=style))
        header = TableRow(
            stylename=row_style(
                row_points(sheet.header, sheet.widths, frozenset(range(len(sheet.header))))
            )
        )
        for title in sheet.header:
            cell = TableCell(valuetype="string", stylename=header_style)
            cell.addElement(P(text=xml_safe(title)))
            header.addElement(cell)
        table.addElement(header)
        for values in sheet.rows:
            row = TableRow(stylename=row_style(row_points(values, sheet.widths, sheet.wrapped)))
            for column, value in enumerate(values):
                row.addElement(
                    _ods_cell(
                        value,
                        column in sheet.wrapped,
                        plain,
                        wrapping,
                        dated,
                        teletype,
                        TableCell,
                        P,
                    )
                )
            table.addElement(row)
        document.spreadsheet.addElement(table)
        # The header stays in view: the sheet's view is split below its first row.
        entry = ConfigItemMapEntry(name=sheet.name)
        for name, kind, value in (
            ("HorizontalSplitMode", "short", "2" if sheet.freeze_columns else "0"),
            ("HorizontalSplitPosition", "int", str(sheet.freeze_columns)),
            ("VerticalSplitMode", "short", "2"),
            ("VerticalSplitPosition", "int", "1"),
            ("ActiveSplitRange", "short", "2"),
            ("PositionRight", "int", str(sheet.freeze_columns)),
            ("PositionBottom", "int", "1"),
        ):
            entry.addElement(ConfigItem(name=name, type=kind, text=value))
        tables.addElement(entry)
    document.save(str(path))


def _ods_cell(
    value: Any,
    wrap: bool,
    plain: Any,
    wrapping: Any,
    dated: Any,
    teletype: Any,
    cell_type: Any,
    paragraph: Any,
) -> Any:
    if value is None or value == "":
        return cell_type()
    if isinstance(value, bool):
        cell = cell_type(valuetype="boolean", booleanvalue="true" if value else "false")
        cell.addElement(paragraph(text="WAAR" if value else "ONWAAR"))
        return cell
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        cell = cell_type(valuetype="date", datevalue=value.isoformat(), stylename=dated)
        cell.addElement(paragraph(text=value.strftime("%d-%m-%Y")))
        return cell
    if isinstance(value, int | float):
        cell = cell_type(valuetype="float", value=repr(value), stylename=plain)
        cell.addElement(paragraph(text=str(value)))
        return cell
    cell = cell_type(valuetype="string", stylename=wrapping if wrap else plain)
    for line in xml_safe(str(value)).split("\n"):
        shown = paragraph()
        teletype.addTextToElement(shown, line)
        cell.addElement(shown)
    return cell
