"""What every command does first and last: the settings, and problems that kept files out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from prestatie_cli.load.config import Settings, find_config, load_settings
from prestatie_cli.messages import Language, text, use_language
from prestatie_cli.model.problems import Problem
from prestatie_cli.reporting.text import problem_line


def settings_for(
    config: Path | None, lang: Language | None, err: TextIO
) -> tuple[Settings | None, Language]:
    """Load the configuration (named, or the nearest prestatie.yaml); None if it is broken."""
    path = config if config is not None else find_config(Path.cwd())
    shown_lang: Language = lang or "nl"
    use_language(shown_lang)
    if path is None:
        return Settings(), shown_lang
    settings, problems = load_settings(path, shown_lang)
    if settings is None:
        write_problems(err, problems, shown_lang)
        return None, shown_lang
    use_language(lang or settings.lang)
    return settings, lang or settings.lang


def write_problems(err: TextIO, problems: Sequence[Problem], lang: Language) -> None:
    """Problems that kept files out of a command's result, by file and line, with hints."""
    hint = text("ui.hint", lang)
    for problem in sorted(problems, key=lambda problem: problem.sort_key):
        err.write(f"{problem_line(problem)}\n    {hint}: {problem.hint}\n")


def exit_code(problems: Sequence[Problem]) -> int:
    """2 when a file could not be read, 1 when one had the wrong shape, else 0."""
    if any(problem.unreadable for problem in problems):
        return 2
    return 1 if problems else 0
