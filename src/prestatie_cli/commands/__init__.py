"""One module per subcommand; each returns an exit code and prints only through its streams."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from prestatie_cli.messages import Language

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
