"""prestatie log: the history of one agreement across commits."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prestatie_cli.commands import Setup, say_if_cache_unused
from prestatie_cli.messages import text
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.log_formats import LOG_FORMATS
from prestatie_cli.versions.history import agreement_history


def run(
    agreement_id: str,
    paths: Sequence[Path],
    *,
    set_id: str | None,
    output_format: str,
    setup: Setup,
) -> int:
    say_if_cache_unused(setup)
    history = agreement_history(agreement_id, paths, set_id, setup.lang)
    if not history.entries:
        shown = ", ".join(str(path) for path in paths) or str(history.root)
        setup.err.write(
            visible(text("log.none", setup.lang, {"id": agreement_id, "paths": shown})) + "\n"
        )
        return 1
    setup.out.write(LOG_FORMATS[output_format](history, setup.lang))
    return 0
