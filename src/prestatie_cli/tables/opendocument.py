"""The agreements table (one row per agreement) as an OpenDocument spreadsheet."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from prestatie_cli.messages import Language
from prestatie_cli.tables.sheets import write_ods

if TYPE_CHECKING:
    from prestatie_cli.tables.export import Row


def rows_to_ods(found: Sequence[Row], lang: Language, path: Path) -> None:
    from prestatie_cli.tables.export import table_sheet

    write_ods([table_sheet(found, lang)], path)
