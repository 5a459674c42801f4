"""A table file read within limits: a CSV file or the first sheet of an XLSX workbook.

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
    """The cells of a CSV file or the first sheet of an XLSX workbook, row by row, without
    trailing empty cells; a UsageError naming the file and the limit when it is over one."""
    shown = str(path)
    try:
        info = path.stat()
    except OSError as error:
        raise UsageError(key="import.unreadable", path=shown, detail=str(error)) from None
    if not stat.S_ISREG(info.st_mode):
        # A FIFO would block and a device never end: refused before it is opened.
        raise UsageError(key="import.not-a-file", path=shown)
    if info.st_size > MAX_FILE_MB * _MB:
        raise UsageError(key="import.too-large", path=shown, limit=str(MAX_FILE_MB))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_workbook(path, shown)
    return _read_csv(path, shown)


def _read_csv(path: Path, shown: str) -> list[list[Any]]:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_MB * _MB + 1)
    except OSError as error:
        raise UsageError(key="import.unreadable", path=shown, detail=str(error)) from None
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


def _read_workbook(path: Path, shown: str) -> list[list[Any]]:
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


def _workbook_rows(path: Path, shown: str) -> list[list[Any]]:
    with zipfile.ZipFile(path) as archive:
        _check_archive(archive, shown)
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        if not workbook.worksheets:
            raise UsageError(key="import.no-sheet", path=shown)
        sheet = workbook.worksheets[0]
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
        return _within_limits(sheet.iter_rows(values_only=True), shown)
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
