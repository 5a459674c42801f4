"""prestatie fmt: give agreement, monitor and configuration files the canonical layout."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prestatie_cli.commands import Setup
from prestatie_cli.editing.layout import LayoutError, format_text
from prestatie_cli.errors import PrestatieError
from prestatie_cli.files import (
    WriteRefused,
    destination,
    locked,
    starts_with_bom,
    write_atomic,
)
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
    "fmt.skipped": {
        "nl": "{path}: overgeslagen, geen bestand van prestatie (het begint niet met 'kind: "
        "agreements', 'kind: monitor' of 'kind: config').",
        "en": "{path}: skipped, not a prestatie file (it does not start with 'kind: "
        "agreements', 'kind: monitor' or 'kind: config').",
    },
    "fmt.not-written": {
        "nl": "{path}: niet opgemaakt: {reason}",
        "en": "{path}: not formatted: {reason}",
    },
    "fmt.read-only": {
        "nl": "het bestand is alleen-lezen of u mag het niet schrijven",
        "en": "the file is read-only or you may not write it",
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
    safely is named with the reason and left as it is (exit code 2). Another tool's YAML
    (no prestatie ``kind``) is skipped and named; when nothing else is left, exit code 2."""
    lang = setup.lang
    files = discover(search_paths(paths))
    if not files:
        named = ", ".join(str(path) for path in paths) or "."
        setup.err.write(visible(text("ui.no-files", lang, {"paths": named})) + "\n")
        return 2
    changed = refused = skipped = 0
    for path in files:
        shown = str(path)
        try:
            layout = _layout(path, shown)
            differs = layout is not None
            if layout is not None and not check_only:
                # Read again under the lock, so that no other writer's change is lost. A
                # link stays a link: the file it leads to is locked and replaced.
                with locked(destination(path).parent):
                    differs = _write(path, shown, layout)
        except LoadError as error:
            write_problems(setup.err, [from_load_error(error, lang)], lang)
            refused += 1
            continue
        except LayoutError as error:
            if error.key == "fmt.refused.kind":
                setup.err.write(visible(text("fmt.skipped", lang, {"path": shown})) + "\n")
                skipped += 1
            elif error.load_error is not None:
                write_problems(setup.err, [from_load_error(error.load_error, lang)], lang)
                refused += 1
            else:
                setup.err.write(visible(error.render(lang)) + "\n")
                refused += 1
            continue
        except (PrestatieError, OSError) as error:
            # This file could not be written; the others are still formatted.
            setup.err.write(visible(_not_written(shown, error, lang)) + "\n")
            refused += 1
            continue
        if differs:
            changed += 1
            key = "fmt.would-change" if check_only else "fmt.changed"
            setup.out.write(visible(text(key, lang, {"path": shown})) + "\n")
    ours = len(files) - skipped
    counts = {"changed": str(changed), "files": str(ours), "refused": str(refused)}
    if changed:
        summary = "fmt.summary.check" if check_only else "fmt.summary.done"
    else:
        summary = "fmt.summary.clean" if refused < ours else ""
        counts["files"] = str(ours - refused)
    if summary and not setup.quiet:
        setup.out.write(text(summary, lang, counts) + "\n")
    if refused:
        setup.err.write(text("fmt.summary.refused", lang, counts) + "\n")
        return 2
    if not ours:
        return 2  # nothing of prestatie's among what was named
    return 1 if check_only and changed else 0


def _not_written(shown: str, error: PrestatieError | OSError, lang: Language) -> str:
    if isinstance(error, WriteRefused) and error.key == "write.read-only":
        reason = text("fmt.read-only", lang)
    elif isinstance(error, PrestatieError):
        return error.render(lang)
    else:
        reason = error.strerror or str(error)
    return text("fmt.not-written", lang, {"path": shown, "reason": reason})


def _layout(path: Path, shown: str) -> tuple[str, str] | None:
    """The file's text and its text in the layout; None when it is in the layout."""
    source = read_text(path, shown)
    formatted = format_text(source, name=shown)
    if formatted == source and not starts_with_bom(path):
        return None
    return source, formatted


def _write(path: Path, shown: str, layout: tuple[str, str]) -> bool:
    """Replace the file with its layout (in one step: a reader sees the old file or the
    new one); formatted again if it changed since ``layout`` was made. Whether it changed."""
    source, formatted = layout
    if read_text(path, shown) != source:
        again = _layout(path, shown)
        if again is None:
            return False
        formatted = again[1]
    write_atomic(path, formatted)
    return True
