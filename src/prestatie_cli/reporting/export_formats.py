"""The export's formats: one row per agreement as CSV, XLSX or JSON.

The tables stage writes the rows; this registry names each way of writing them
for ``--format`` and says whether it can go to standard output.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from prestatie_cli.messages import Language
from prestatie_cli.tables.export import Row, to_csv, to_json, to_xlsx


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """Rows as text (for standard output or a file), or, when binary, only into a file."""

    text: Callable[[Sequence[Row], Language], str] | None = None
    file: Callable[[Sequence[Row], Language, Path], None] | None = None


def _json(found: Sequence[Row], lang: Language) -> str:
    return json.dumps(to_json(found), indent=2, ensure_ascii=False) + "\n"


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat(text=to_csv),
    "xlsx": ExportFormat(file=to_xlsx),
    "json": ExportFormat(text=_json),
}
