"""prestatie schema: write (or compare) the JSON Schema files."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from prestatie_cli.files import WriteRefused, write_atomic
from prestatie_cli.messages import Language, register, text
from prestatie_cli.model.json_schema import schema_files

register(
    {
        "schema.stale": {
            "nl": "Verouderd (maak opnieuw met '{command}'): {files}",
            "en": "Out of date (regenerate with '{command}'): {files}",
        },
    }
)


def run(
    *,
    output_dir: Path,
    check_only: bool,
    parents: bool = False,
    lang: Language = "nl",
    out: TextIO,
    err: TextIO,
) -> int:
    """Write the schemas, with their texts in ``lang``, that differ from those in
    ``output_dir``; with ``check_only`` write nothing and return 1 if any differ."""
    stale = []
    for name, content in schema_files(lang).items():
        target = output_dir / name
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == content:
            continue
        if check_only:
            stale.append(str(target))
            continue
        if not output_dir.is_dir():
            # The folder named is made; the folders above it only when asked for.
            if not parents and not output_dir.parent.is_dir():
                folder = str(output_dir.parent)
                raise WriteRefused(key="write.no-folder", path=str(output_dir), folder=folder)
            output_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(target, content)
        out.write(f"{target}\n")
    if stale:
        command = "prestatie schema"
        if output_dir != Path("schemas"):
            command += f" --output-dir {output_dir}"
        if lang != "nl":
            command += f" --lang {lang}"
        files = ", ".join(stale)
        err.write(text("schema.stale", lang, {"command": command, "files": files}) + "\n")
        return 1
    return 0
