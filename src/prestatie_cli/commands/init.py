"""prestatie init: scaffold a new repository of agreements."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TextIO

from prestatie_cli.editing.scaffold import default, scaffold
from prestatie_cli.errors import UsageError
from prestatie_cli.messages import Language, text, use_language
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.terminal import info

FIRST_YEAR = 1990
LAST_YEAR = 2199


def run(
    directory: Path,
    *,
    set_id: str | None,
    title: str | None,
    municipality: str | None,
    start_year: int | None,
    years: int,
    requirement: str | None,
    lang: Language,
    quiet: bool,
    out: TextIO,
) -> int:
    use_language(lang)
    plan = default(directory, date.today())
    start = start_year or plan.start_year
    end = start + years - 1
    # Agreements under the Woningwet are of this era; "26" for 2026 is the usual slip, and
    # a year near 9999 would run the term's dates past the calendar.
    if not (start >= FIRST_YEAR and end <= LAST_YEAR):
        raise UsageError(
            key="init.start-year", year=str(start), first=str(FIRST_YEAR), last=str(LAST_YEAR)
        )
    plan = replace(
        plan,
        start_year=start,
        end_year=end,
        set_id=set_id or plan.set_id.rsplit("-", 2)[0] + f"-{start}-{end}",
        title=title or plan.title.rsplit(" ", 1)[0] + f" {start}-{end}",
        municipality=municipality or plan.municipality,
        requirement=requirement or plan.requirement,
    )
    written = scaffold(directory, plan)
    # The sentence has lines of its own; the folder's name is shown, never acted on.
    shown = {"path": visible(str(directory)), "count": str(len(written))}
    info(out, text("init.done", lang, shown), quiet)
    return 0
