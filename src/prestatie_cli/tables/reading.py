"""A table file read within limits: a CSV file or the sheets of an XLSX or ODS workbook.

Tables come from other people's spreadsheets. Every limit is checked before the
work it guards, so that a small hostile file cannot take the memory or the time
of a large one: the size of the file and of what the workbook unpacks to, entity
declarations in its XML, the number of XML elements each part holds, the
dimension the sheet declares, and the rows, columns and characters per cell of
the table itself. A table over a limit is refused as a whole, never cut short.
"""

from __future__ import annotations

import csv
import io
import stat
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from prestatie_cli.errors import UsageError
from prestatie_cli.tables.columns import restored

MAX_ROWS = 10_000
MAX_COLUMNS = 200
MAX_CELL_CHARACTERS = 32_767  # what one Excel cell holds
MAX_FILE_MB = 20  # the CSV file or the XLSX file as it is on disk
MAX_UNPACKED_MB = 100  # everything an XLSX workbook (a zip archive) unpacks to
# XML elements in one part of a workbook. The sheets and the shared strings are read
# row by row, yet a single row is read whole; every other part (styles, workbook,
# relations) is read whole at once. openpyxl takes a few hundred bytes an element.
MAX_ELEMENTS_STREAMED = 1_000_000
MAX_ELEMENTS_WHOLE = 100_000
EXCEL_ROWS = 1_048_576  # the rows of any spreadsheet program's sheet

_MB = 1024 * 1024
_EMPTY = (None, "")


def read_table(path: Path) -> list[list[Any]]:
    """The cells of a CSV file or the first sheet of an XLSX or ODS workbook, row by row,
    without trailing empty cells; a UsageError naming the file and the limit when it is over
    one."""
    sheets = read_sheets(path)
    return next(iter(sheets.values()))


def read_sheets(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet of a workbook by name (a CSV file is one sheet named after the file)."""
    shown = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UsageError(key="import.missing", path=shown) from None
    except OSError as error:
        raise UsageError(key="import.unreadable", path=shown, detail=_reason(error)) from None
    if not stat.S_ISREG(info.st_mode):
        # A FIFO would block and a device never end: refused before it is opened.
        raise UsageError(key="import.not-a-file", path=shown)
    if info.st_size > MAX_FILE_MB * _MB:
        raise UsageError(key="import.too-large", path=shown, limit=str(MAX_FILE_MB))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_workbook(path, shown)
    if suffix == ".ods":
        return _read_opendocument(path, shown)
    return {path.stem: _read_csv(path, shown)}


def _reason(error: OSError) -> str:
    """What went wrong, without Python's '[Errno 13]' and the path repeated."""
    return error.strerror or type(error).__name__


def _read_csv(path: Path, shown: str) -> list[list[Any]]:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_MB * _MB + 1)
    except OSError as error:
        raise UsageError(key="import.unreadable", path=shown, detail=_reason(error)) from None
    if len(raw) > MAX_FILE_MB * _MB:  # grew since it was measured
        raise UsageError(key="import.too-large", path=shown, limit=str(MAX_FILE_MB))
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            content = raw.decode("cp1252")  # what Excel on Windows writes as "CSV"
        except UnicodeDecodeError as error:
            raise UsageError(key="import.unreadable", path=shown, detail=str(error)) from None
    lines = list(islice((line for line in io.StringIO(content) if line.strip()), 20))
    # The separator that splits the first lines most: ';' from Dutch Excel, ',' or tab.
    delimiter = max(";,\t", key=lambda mark: sum(line.count(mark) for line in lines))
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        # A cell that starts with a quote the export put before a formula start loses it.
        return _within_limits(([restored(cell) for cell in row] for row in reader), shown)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise _cell_too_large(shown, reader.line_num) from None
        raise UsageError(key="import.unreadable", path=shown, detail=str(error)) from None


def _within_limits(rows: Iterable[Sequence[Any]], shown: str) -> list[list[Any]]:
    """The rows, up to the last filled cell of each; refused at the first cell past a limit."""
    table: list[list[Any]] = []
    for number, row in enumerate(rows, start=1):
        if number > EXCEL_ROWS:  # openpyxl fills the rows a sheet skips: stop counting them
            raise UsageError(key="import.too-many-rows", path=shown, limit=str(MAX_ROWS))
        width = len(row)
        while width and row[width - 1] in _EMPTY:
            width -= 1
        if not width:
            if number <= MAX_ROWS:
                table.append([])
            continue
        if number > MAX_ROWS:
            raise UsageError(key="import.too-many-rows", path=shown, limit=str(MAX_ROWS))
        if width > MAX_COLUMNS:
            raise _too_many_columns(shown, number)
        for value in row[:width]:
            if isinstance(value, str) and len(value) > MAX_CELL_CHARACTERS:
                raise _cell_too_large(shown, number)
        table.append(list(row[:width]))
    return table


def _too_many_columns(shown: str, row: int) -> UsageError:
    return UsageError(
        key="import.too-many-columns", path=shown, row=str(row), limit=str(MAX_COLUMNS)
    )


def _cell_too_large(shown: str, row: int) -> UsageError:
    return UsageError(
        key="import.cell-too-large", path=shown, row=str(row), limit=str(MAX_CELL_CHARACTERS)
    )


def _read_workbook(path: Path, shown: str) -> dict[str, list[list[Any]]]:
    # openpyxl warns about what it leaves out (a missing default style, an extension);
    # none of it is the user's to act on.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return _workbook_rows(path, shown)
        except UsageError:
            raise
        # zipfile, expat and openpyxl raise nearly every kind of error for a broken,
        # encrypted or malformed workbook; each is the file's fault, not a bug to report.
        except Exception as error:
            raise _unreadable(shown, error) from None


def _workbook_rows(path: Path, shown: str) -> dict[str, list[list[Any]]]:
    with zipfile.ZipFile(path) as archive:
        _check_archive(archive, shown)
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        if not workbook.worksheets:
            raise UsageError(key="import.no-sheet", path=shown)
        sheets: dict[str, list[list[Any]]] = {}
        for sheet in workbook.worksheets:
            rows, columns = sheet.max_row or 0, sheet.max_column or 0
            if rows > MAX_ROWS or columns > MAX_COLUMNS:
                first = f"{get_column_letter(sheet.min_column)}{sheet.min_row}"
                raise UsageError(
                    key="import.dimension",
                    path=shown,
                    dimension=f"{first}:{get_column_letter(columns)}{rows}",
                    rows=str(MAX_ROWS),
                    columns=str(MAX_COLUMNS),
                )
            # Read as the cells are, not as the dimension says: a dimension smaller than the
            # sheet would cut rows off unseen. Each row is as wide as its last cell.
            sheet.reset_dimensions()
            sheets[sheet.title] = _within_limits(sheet.iter_rows(values_only=True), shown)
        return sheets
    finally:
        workbook.close()


def _unreadable(shown: str, error: BaseException) -> UsageError:
    # openpyxl wraps what defusedxml raises for an entity in a ValueError of its own.
    if any(type(found).__module__.startswith("defusedxml") for found in (error, error.__cause__)):
        return UsageError(key="import.entities", path=shown)
    detail = (str(error) or type(error).__name__).splitlines()[0]
    return UsageError(key="import.unreadable", path=shown, detail=detail)


def _check_archive(archive: zipfile.ZipFile, shown: str) -> None:
    """Refuse a workbook before openpyxl reads it: by what it unpacks to, then part by part."""
    members = archive.infolist()
    if sum(member.file_size for member in members) > MAX_UNPACKED_MB * _MB:
        raise UsageError(key="import.unpacked", path=shown, limit=str(MAX_UNPACKED_MB))
    for member in members:
        if member.filename.lower().endswith((".xml", ".rels")):
            with archive.open(member) as part:
                _scan_part(part, member.filename, shown)


def _scan_part(part: IO[bytes], name: str, shown: str) -> None:
    """Count the elements of one XML part and refuse entity declarations, before openpyxl
    builds anything of it."""
    streamed = name.startswith("xl/worksheets/") or name.endswith("sharedStrings.xml")
    limit = MAX_ELEMENTS_STREAMED if streamed else MAX_ELEMENTS_WHOLE
    parser = expat.ParserCreate()
    count = rows = 0

    def start(tag: str, _: object) -> None:
        nonlocal count, rows
        count += 1
        rows += tag == "row" or tag.endswith(":row")
        if count > limit:
            if rows > MAX_ROWS:  # what a user can act on: a sheet of too many rows
                raise UsageError(key="import.too-many-rows", path=shown, limit=str(MAX_ROWS))
            raise UsageError(key="import.elements", path=shown, part=name, limit=str(limit))

    def entity(*_: object) -> None:
        # A spreadsheet never declares entities; a declaration is how an XML bomb starts.
        raise UsageError(key="import.entities", path=shown)

    parser.StartElementHandler = start
    parser.EntityDeclHandler = entity
    try:
        parser.ParseFile(part)
    except expat.ExpatError as error:
        raise UsageError(key="import.unreadable", path=shown, detail=f"{name}: {error}") from None


_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _read_opendocument(path: Path, shown: str) -> dict[str, list[list[Any]]]:
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, shown)
            with archive.open("content.xml") as content:
                return _opendocument_sheets(content, shown)
    except UsageError:
        raise
    except Exception as error:  # a broken archive or XML: the file's fault
        raise _unreadable(shown, error) from None


def _opendocument_sheets(content: IO[bytes], shown: str) -> dict[str, list[list[Any]]]:
    """The sheets of an ODS content.xml, read as it streams by.

    Repeated rows and cells (how a spreadsheet program writes empty stretches) take
    no room until something follows them; a sheet over a limit is refused.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    sheets: dict[str, list[list[Any]]] = {}
    state: dict[str, Any] = {"sheet": None, "row": None, "cell": None, "text": None}
    pending_rows = 0

    def attribute(attributes: dict[str, str], space: str, name: str) -> str | None:
        return attributes.get(f"{space} {name}")

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal pending_rows
        if tag == f"{_TABLE} table":
            name = attribute(attributes, _TABLE, "name") or str(len(sheets) + 1)
            state["sheet"] = sheets.setdefault(name, [])
            pending_rows = 0
        elif tag == f"{_TABLE} table-row" and state["sheet"] is not None:
            repeat = int(attribute(attributes, _TABLE, "number-rows-repeated") or "1")
            state["row"] = {"cells": [], "empty": 0, "repeat": repeat}
        elif tag in (f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell") and state["row"]:
            repeat = int(attribute(attributes, _TABLE, "number-columns-repeated") or "1")
            state["cell"] = {"attributes": attributes, "lines": [], "repeat": repeat}
        elif tag == f"{_TEXT} p" and state["cell"] is not None:
            state["text"] = []
        elif state["text"] is not None:
            if tag == f"{_TEXT} s":
                state["text"].append(" " * int(attribute(attributes, _TEXT, "c") or "1"))
            elif tag == f"{_TEXT} tab":
                state["text"].append("\t")
            elif tag == f"{_TEXT} line-break":
                state["text"].append("\n")

    def characters(data: str) -> None:
        if state["text"] is not None:
            state["text"].append(data)

    def end(tag: str) -> None:
        nonlocal pending_rows
        if tag == f"{_TEXT} p" and state["text"] is not None and state["cell"] is not None:
            state["cell"]["lines"].append("".join(state["text"]))
            state["text"] = None
        elif tag in (f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell") and state["cell"]:
            cell, row = state["cell"], state["row"]
            value = _opendocument_value(cell["attributes"], cell["lines"])
            if value in _EMPTY:
                row["empty"] += cell["repeat"]
            else:
                width = len(row["cells"]) + row["empty"] + cell["repeat"]
                if width > MAX_COLUMNS:
                    raise _too_many_columns(shown, len(state["sheet"]) + pending_rows + 1)
                row["cells"] += [None] * row["empty"] + [value] * cell["repeat"]
                row["empty"] = 0
            state["cell"] = None
        elif tag == f"{_TABLE} table-row" and state["row"] is not None:
            row, sheet = state["row"], state["sheet"]
            if not row["cells"]:
                pending_rows += row["repeat"]
            else:
                if len(sheet) + pending_rows + row["repeat"] > MAX_ROWS:
                    raise UsageError(key="import.too-many-rows", path=shown, limit=str(MAX_ROWS))
                for cell in row["cells"]:
                    if isinstance(cell, str) and len(cell) > MAX_CELL_CHARACTERS:
                        raise _cell_too_large(shown, len(sheet) + pending_rows + 1)
                sheet.extend([] for _ in range(pending_rows))
                sheet.extend(list(row["cells"]) for _ in range(row["repeat"]))
                pending_rows = 0
            state["row"] = None

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.ParseFile(content)
    if not sheets:
        raise UsageError(key="import.no-sheet", path=shown)
    return sheets


def _opendocument_value(attributes: dict[str, str], lines: list[str]) -> Any:
    """A cell's value as its type says: a number, a date, yes or no, or its text."""
    kind = attributes.get(f"{_OFFICE} value-type")
    if kind in ("float", "percentage", "currency"):
        number = float(attributes.get(f"{_OFFICE} value", "0"))
        return (
            int(number)
            if number.is_integer()
            and "." not in attributes.get(f"{_OFFICE} value", "")
            and "e" not in attributes.get(f"{_OFFICE} value", "").lower()
            else number
        )
    if kind == "date":
        written = attributes.get(f"{_OFFICE} date-value", "")
        try:
            return (
                datetime.fromisoformat(written) if "T" in written else date.fromisoformat(written)
            )
        except ValueError:
            return written
    if kind == "boolean":
        return attributes.get(f"{_OFFICE} boolean-value") == "true"
    return "\n".join(lines)
