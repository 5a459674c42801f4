"""One module per subcommand; each returns an exit code and prints only through its streams."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from prestatie_cli.messages import Language, text

if TYPE_CHECKING:  # types only: the command line imports this package on every run
    from prestatie_cli.load.config import Settings


@dataclass(frozen=True, slots=True)
class Setup:
    """What the command line gives a command that reads prestatie.yaml, read once.

    The settings, the language (--lang, else the configuration's, else nl), the
    streams for results (``out``) and for everything else (``err``), and --quiet.
    """

    settings: Settings
    lang: Language
    out: TextIO
    err: TextIO
    quiet: bool = False


def inputs(files: Sequence[Path], setup: Setup) -> list[Path]:
    """The files a command reads: ``files`` and the configuration; no output may replace one."""
    config = [Path(setup.settings.path)] if setup.settings.path else []
    return [*files, *config]


def say_if_cache_unused(setup: Setup) -> None:
    """Say on ``err``, once for the command, that the cache folder is not used, and why."""
    # Imported here: this package is imported on every run, and most commands use no cache.
    from prestatie_cli.check.cache import distrust, folder
    from prestatie_cli.reporting.escape import visible

    found = distrust()
    if found is not None:
        reason, params = found
        said = {"folder": str(folder()), "reason": text(reason, setup.lang, params)}
        setup.err.write(visible(text("ui.cache-unused", setup.lang, said)) + "\n")
