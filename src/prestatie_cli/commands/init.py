"""prestatie init: scaffold a new repository of agreements, or add what an existing one lacks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TextIO

from prestatie_cli.editing.scaffold import (
    CI_FILES,
    default,
    installed_origin,
    requirement_problem,
    scaffold,
)
from prestatie_cli.errors import UsageError
from prestatie_cli.messages import Language, text, use_language
from prestatie_cli.reporting.escape import visible
from prestatie_cli.reporting.terminal import info

FIRST_YEAR = 1990
LAST_YEAR = 2199


def _requirement(directory: Path, given: str | None) -> str | None:
    """What CI installs: the requirement given, else the installed copy's public origin.

    None only where CI needs nothing (the user's CI files are all there); a local
    install without --requirement is refused, since CI could not install it.
    """
    if given is not None:
        problem = requirement_problem(given)
        if problem is not None:
            raise UsageError(key=problem, requirement=visible(given))
        return given
    requirement, origin = installed_origin()
    if requirement is None and not all((directory / name).exists() for name in CI_FILES):
        raise UsageError(key="init.no-origin", origin=visible(origin))
    return requirement


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
    start = plan.start_year if start_year is None else start_year
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
        requirement=_requirement(directory, requirement),
        lang=lang,
    )
    done = scaffold(directory, plan)
    # The sentence has lines of its own; the folder's name is shown, never acted on.
    path = visible(str(directory))
    if not done.written:
        kept = ", ".join(visible(name) for name in done.kept)
        info(out, text("init.nothing", lang, {"path": path, "files": kept}), quiet)
        return 0
    count = str(len(done.written))
    if not (done.kept or done.had_sets):
        info(out, text("init.done", lang, {"path": path, "count": count}), quiet)
        return 0
    added = ", ".join(visible(target.relative_to(directory).as_posix()) for target in done.written)
    lines = [text("init.added", lang, {"path": path, "count": count, "files": added})]
    if done.had_sets:
        lines.insert(0, text("init.had-sets", lang))
    if done.kept:
        kept = ", ".join(visible(name) for name in done.kept)
        lines.append(text("init.kept", lang, {"files": kept}))
    here = directory.resolve() == Path.cwd().resolve()
    lines.append(text("init.next", lang) if here else text("init.next-in", lang, {"path": path}))
    info(out, "\n".join(lines), quiet)
    return 0
