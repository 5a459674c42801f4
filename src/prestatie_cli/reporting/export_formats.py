"""The export's formats: one row per agreement as CSV, XLSX, ODS or JSON.

The tables stage writes the rows; this registry names each way of writing them
for ``--format`` and says whether it can go to standard output.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from prestatie_cli.messages import Language
from prestatie_cli.reporting.escape import json_text

if TYPE_CHECKING:  # types only: the command line imports the formats on every run
    from prestatie_cli.tables.export import Row


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """Rows as text (for standard output or a file), or, when binary, only into a file."""

    text: Callable[[Sequence[Row], Language], str] | None = None
    file: Callable[[Sequence[Row], Language, Path], None] | None = None


# The writers are imported when used: the tables stage loads the format's models.


def _csv(found: Sequence[Row], lang: Language) -> str:
    from prestatie_cli.tables.export import to_csv

    return to_csv(found, lang)


def _xlsx(found: Sequence[Row], lang: Language, path: Path) -> None:
    from prestatie_cli.tables.export import to_xlsx

    to_xlsx(found, lang, path)


def _ods(found: Sequence[Row], lang: Language, path: Path) -> None:
    from prestatie_cli.tables.opendocument import rows_to_ods

    rows_to_ods(found, lang, path)


def _json(found: Sequence[Row], lang: Language) -> str:
    from prestatie_cli.tables.export import to_json

    return json_text(to_json(found))


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat(text=_csv),
    "xlsx": ExportFormat(file=_xlsx),
    "ods": ExportFormat(file=_ods),
    "json": ExportFormat(text=_json),
}


# The file name's suffix that names a format, as in ``export -o afspraken.xlsx``.
SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".ods": "ods", ".json": "json"}

# The formats that hold a workbook of one set (``export --workbook``).
WORKBOOK_FORMATS = ("xlsx", "ods")
