"""prestatie fmt: give agreement, monitor and configuration files the canonical layout."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prestatie_cli.commands import Setup
from prestatie_cli.editing.layout import LayoutError, format_text
from prestatie_cli.files import destination, locked, starts_with_bom, write_atomic
from prestatie_cli.load.discover import discover, search_paths
from prestatie_cli.load.wording import from_load_error
from prestatie_cli.load.yaml import LoadError, read_text
from prestatie_cli.messages import Language, register, text
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.text import write_problems

MESSAGES: dict[str, dict[Language, str]] = {
    "fmt.would-change": {
        "nl": "{path}: niet in de vaste opmaak",
        "en": "{path}: not in the canonical layout",
    },
    "fmt.changed": {"nl": "{path}: opgemaakt", "en": "{path}: formatted"},
    "fmt.summary.check": {
        "nl": "{changed} van {files} bestand(en) niet in de vaste opmaak; 'prestatie fmt' "
        "maakt ze op.",
        "en": "{changed} of {files} file(s) not in the canonical layout; 'prestatie fmt' "
        "formats them.",
    },
    "fmt.summary.clean": {
        "nl": "{files} bestand(en) in de vaste opmaak.",
        "en": "{files} file(s) in the canonical layout.",
    },
    "fmt.summary.done": {
        "nl": "{changed} van {files} bestand(en) opgemaakt.",
        "en": "{changed} of {files} file(s) formatted.",
    },
    "fmt.summary.refused": {
        "nl": "{refused} bestand(en) niet opgemaakt; die blijven zoals ze zijn.",
        "en": "{refused} file(s) not formatted; they are left as they are.",
    },
}
register(MESSAGES)


def run(paths: Sequence[Path], *, check_only: bool, setup: Setup) -> int:
    """Format the files below ``paths`` (default: the repository's); with ``check_only``
    write nothing and exit 1 when a file would change. A file that cannot be formatted
    safely is named with the reason and left as it is (exit code 2)."""
    lang = setup.lang
    files = discover(search_paths(paths))
    if not files:
        named = ", ".join(str(path) for path in paths) or "."
        setup.err.write(visible(text("ui.no-files", lang, {"paths": named})) + "\n")
        return 2
    changed = refused = 0
    for path in files:
        shown = str(path)
        try:
            if check_only:
                differs = _differs(path, shown)
            else:
                # A link stays a link: the file it leads to is locked and replaced.
                with locked(destination(path).parent):
                    differs = _differs(path, shown, write=True)
        except LoadError as error:
            write_problems(setup.err, [from_load_error(error, lang)], lang)
            refused += 1
            continue
        except LayoutError as error:
            if error.load_error is not None:
                write_problems(setup.err, [from_load_error(error.load_error, lang)], lang)
            else:
                setup.err.write(visible(error.render(lang)) + "\n")
            refused += 1
            continue
        if differs:
            changed += 1
            key = "fmt.would-change" if check_only else "fmt.changed"
            setup.out.write(visible(text(key, lang, {"path": shown})) + "\n")
    counts = {"changed": str(changed), "files": str(len(files)), "refused": str(refused)}
    if changed:
        summary = "fmt.summary.check" if check_only else "fmt.summary.done"
    else:
        summary = "fmt.summary.clean" if refused < len(files) else ""
        counts["files"] = str(len(files) - refused)
    if summary and not setup.quiet:
        setup.out.write(text(summary, lang, counts) + "\n")
    if refused:
        setup.err.write(text("fmt.summary.refused", lang, counts) + "\n")
        return 2
    return 1 if check_only and changed else 0


def _differs(path: Path, shown: str, *, write: bool = False) -> bool:
    """Whether the file at ``path`` is not in the layout; with ``write`` it is then replaced
    (in one step: a reader sees the old file or the new one)."""
    source = read_text(path, shown)
    formatted = format_text(source, name=shown)
    if formatted == source and not starts_with_bom(path):
        return False
    if write:
        write_atomic(path, formatted)
    return True
