"""prestatie schema: write (or compare) the JSON Schema files."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from prestatie_cli.files import write_atomic
from prestatie_cli.model.json_schema import schema_files


def run(*, output_dir: Path, check_only: bool, out: TextIO, err: TextIO) -> int:
    stale = []
    for name, content in schema_files().items():
        target = output_dir / name
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == content:
            continue
        if check_only:
            stale.append(str(target))
            continue
        write_atomic(target, content)
        out.write(f"{target}\n")
    if stale:
        err.write("Out of date (run 'prestatie schema' to regenerate): " + ", ".join(stale) + "\n")
        return 1
    return 0
