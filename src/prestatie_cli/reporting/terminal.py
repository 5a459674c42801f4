"""How much to say, and in colour or not: the terminal habits of a run.

The command line decides them (``--quiet``, ``--no-color``, ``NO_COLOR``) and passes
``quiet`` to whatever prints.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from typing import TextIO


def info(stream: TextIO, message: str, quiet: bool) -> None:
    """A message that only informs (a summary, a file written): left out with --quiet."""
    if not quiet:
        stream.write(message + "\n")


def colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


# Below this many files a run is over before a bar would be worth showing.
_BAR_FROM = 200
# Seconds between two drawings of the bar.
_REDRAW = 0.1


@contextlib.contextmanager
def progress_bar(stream: TextIO, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback drawing a bar on ``stream`` for large runs on a terminal, else None."""
    if quiet or not stream.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(file=stream, no_color=bool(os.environ.get("NO_COLOR")))
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        # Drawn when updated (at most ten times a second) rather than by a thread of its
        # own: check can then fork its worker processes safely.
        auto_refresh=False,
    ) as bar:
        task = None
        drawn = 0.0

        def advance(done: int, total: int) -> None:
            nonlocal task, drawn
            if total < _BAR_FROM:
                return
            if task is None:
                task = bar.add_task("prestatie", total=total)
            # Drawing costs about a millisecond: ten times a second is enough for the eye.
            now = time.monotonic()
            bar.update(task, completed=done, refresh=now - drawn >= _REDRAW or done == total)
            if now - drawn >= _REDRAW:
                drawn = now

        yield advance
