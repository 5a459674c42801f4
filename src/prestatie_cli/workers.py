"""Checking a run file by file, on every core, with one group of files in memory at a time.

A file's rules need a few facts about the other files of the run (``RunFacts``):
which files declare each set id, which sets the monitor files name, and for a
monitor the set it names. Those facts are read ahead from the top-level
``id:`` and ``set:`` lines of every file, so that each set can be checked
together with its monitors as soon as they are loaded, after which their source
maps are dropped. Groups are checked in worker processes, one per core, when
the run is large enough to pay for starting them.

What is read ahead is a forecast, not trusted: when every file is loaded, the
facts each file's rules saw are compared with the facts of the whole run, and a
file where they differ (a set written in flow style, a set id that is not what
its first line suggests) is checked again with the right facts. The result is
always the one ``check_corpus`` gives for the same files.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from prestatie_cli.checking import CheckOptions, CheckResult, RunFacts, check_loaded, sorted_result
from prestatie_cli.corpus import Loaded, Progress
from prestatie_cli.loading import MAX_FILE_BYTES, LoadError, load_file
from prestatie_cli.model import AgreementSet, Monitor
from prestatie_cli.problems import Problem
from prestatie_cli.rendering import from_finding, from_load_error
from prestatie_cli.validation import validate

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Runs with fewer bytes than this are checked in this process: starting workers
# costs more than it saves.
PARALLEL_FROM = 2 * 1024 * 1024

Kind = Literal["set", "monitor", "other"]

# A top-level `id:` or `set:` with a plain or quoted value and maybe a comment.
_HEADER = re.compile(
    rb"^(id|set)[ \t]*:[ \t]*"
    rb"(?:\"([^\"\\\r\n]*)\"|'([^'\r\n]*)'|([^\s#\"'&*!|>{\[%@`][^\r\n]*?))"
    rb"(?:[ \t]+#[^\r\n]*)?[ \t]*\r?$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Forecast:
    """What a file seems to be from its top-level lines: a set (its id), a monitor (its set)."""

    kind: Kind
    ident: str = ""


def forecast(path: Path) -> Forecast:
    """Read ahead: a file with a top-level ``id:`` is a set, one with only ``set:`` a monitor."""
    try:
        # Not blocking on a FIFO: only a regular file is read (loading says what the rest is).
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return Forecast("other")
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return Forecast("other")
        raw = os.read(descriptor, MAX_FILE_BYTES + 1)
    except OSError:
        return Forecast("other")
    finally:
        os.close(descriptor)
    found: dict[bytes, bytes] = {}
    for match in _HEADER.finditer(raw):
        found.setdefault(match.group(1), match.group(2) or match.group(3) or match.group(4))
    try:
        if b"id" in found:
            return Forecast("set", found[b"id"].decode("utf-8"))
        if b"set" in found:
            return Forecast("monitor", found[b"set"].decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return Forecast("other")


@dataclass(frozen=True, slots=True)
class Outcome:
    """One file checked: what it turned out to be, the facts its rules saw, its problems."""

    path: str
    kind: Kind
    # The set id of a set, the set a monitor names.
    ident: str
    # The facts the rules used, to compare with the run's (see ``_seen``).
    seen: tuple[object, ...]
    problems: tuple[Problem, ...]
    waived: tuple[Problem, ...]


def plan(files: Sequence[Path]) -> tuple[list[list[int]], RunFacts]:
    """Groups of file indices (a set first, then the monitors naming it) and the facts foreseen."""
    forecasts = [forecast(path) for path in files]
    set_paths: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    for index, (path, seen) in enumerate(zip(files, forecasts, strict=True)):
        if seen.kind == "set":
            set_paths.setdefault(seen.ident, []).append(str(path))
            first.setdefault(seen.ident, index)
    groups: dict[int, list[int]] = {index: [index] for index in first.values()}
    for index, seen in enumerate(forecasts):
        lead = first.get(seen.ident) if seen.kind == "monitor" else None
        if lead is not None:
            groups[lead].append(index)
        elif index not in groups:
            groups[index] = [index]
    monitored = {seen.ident for seen in forecasts if seen.kind == "monitor"}
    facts = RunFacts(set_paths, monitored, {}, list(set_paths))
    return [groups[lead] for lead in sorted(groups)], facts


def check_files(
    files: Sequence[Path], options: CheckOptions, on_file: Progress | None = None
) -> CheckResult:
    """Check ``files``: the same result as ``check_corpus(load_files(files))``, in less memory."""
    groups, foreseen = plan(files)
    names = [str(path) for path in files]
    tasks = [[names[index] for index in group] for group in groups]
    outcomes: dict[str, Outcome] = {}
    done = 0
    for group in _run(tasks, options, foreseen):
        for outcome in group:
            outcomes[outcome.path] = outcome
            done += 1
            if on_file is not None:
                on_file(done, len(files))
    ordered = [outcomes[name] for name in dict.fromkeys(names)]
    actual = _facts(ordered)
    problems: list[Problem] = []
    waived: list[Problem] = []
    for outcome in ordered:
        if outcome.kind != "other" and outcome.seen != _actual_seen(outcome, actual):
            outcome = _again(outcome, options, actual)
        problems.extend(outcome.problems)
        waived.extend(outcome.waived)
    return sorted_result(len(files), problems, waived)


def _run(
    tasks: list[list[str]], options: CheckOptions, foreseen: RunFacts
) -> Iterator[list[Outcome]]:
    """Check every group, in worker processes when that pays; results in the order of ``tasks``."""
    workers = _cores()
    size = sum(_size(path) for task in tasks for path in task)
    if workers < 2 or len(tasks) < 2 or size < PARALLEL_FROM:
        _start(options, foreseen)
        yield from map(_check_group, tasks)
        return
    # Imported here: a run small enough for one process does not pay for it.
    from concurrent.futures import ProcessPoolExecutor

    # Forking is quick and shares what is imported; it is only safe without other threads
    # (a progress bar draws from one), and on Linux.
    method = "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"
    with ProcessPoolExecutor(
        workers,
        mp_context=_context(method),
        initializer=_start,
        initargs=(options, foreseen, True),
    ) as pool:
        yield from pool.map(_check_group, tasks, chunksize=max(1, len(tasks) // (workers * 8)))


def _context(method: str) -> BaseContext:
    import multiprocessing

    return multiprocessing.get_context(method)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


_options: CheckOptions | None = None
_foreseen: RunFacts | None = None


def _start(options: CheckOptions, foreseen: RunFacts, worker: bool = False) -> None:
    """Set up a worker process (or this one) for ``_check_group``."""
    global _options, _foreseen
    _options, _foreseen = options, foreseen
    if worker:
        # Ctrl-C is for the main process, which stops the workers.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_group(paths: list[str]) -> list[Outcome]:
    """Load and check a set and the monitors naming it; nothing of them is kept but problems."""
    assert _options is not None and _foreseen is not None
    here: dict[str, tuple[str, AgreementSet]] = {}
    outcomes = []
    for path in paths:
        problems, item = _load(path, _options)
        model = item.model if item is not None else None
        if item is None or model is None:
            outcomes.append(Outcome(path, "other", "", (), tuple(problems), ()))
            continue
        if isinstance(model, AgreementSet):
            here.setdefault(model.id, (path, model))
        sets = {set_id: agreements for set_id, (_, agreements) in here.items()}
        facts = RunFacts(_foreseen.set_paths, _foreseen.monitored, sets, _foreseen.set_ids)
        found, waived = check_loaded(item, _options, facts)
        if isinstance(model, AgreementSet):
            kind: Kind = "set"
            ident = model.id
            seen = _set_seen(ident, facts)
        else:
            kind, ident = "monitor", model.set
            used = here.get(ident)
            seen = _monitor_seen(used[0] if used else None, facts)
        outcomes.append(Outcome(path, kind, ident, seen, (*problems, *found), tuple(waived)))
    return outcomes


def _set_seen(ident: str, facts: RunFacts) -> tuple[object, ...]:
    """What a set's rules read of the run: the files declaring its id, whether it is monitored."""
    return (tuple(facts.set_paths.get(ident, ())), ident in facts.monitored)


def _monitor_seen(set_path: str | None, facts: RunFacts) -> tuple[object, ...]:
    """What a monitor's rules read of the run: its set (by file) or, without one, every set id."""
    return ("set", set_path) if set_path is not None else ("none", tuple(facts.set_ids))


def _load(path: str, options: CheckOptions) -> tuple[list[Problem], Loaded | None]:
    """What ``load_files`` does for one file: its problems and, when readable, the file."""
    try:
        document = load_file(Path(path))
    except LoadError as error:
        return [from_load_error(error, options.lang)], None
    model, findings = validate(document)
    problems = [from_finding(document, finding, "error", options.lang) for finding in findings]
    return problems, Loaded(document, model if isinstance(model, AgreementSet | Monitor) else None)


def _facts(outcomes: Sequence[Outcome]) -> RunFacts:
    """The facts of the run, from what every file turned out to be (models are not kept)."""
    set_paths: dict[str, list[str]] = {}
    for outcome in outcomes:
        if outcome.kind == "set":
            set_paths.setdefault(outcome.ident, []).append(outcome.path)
    monitored = {outcome.ident for outcome in outcomes if outcome.kind == "monitor"}
    return RunFacts(set_paths, monitored, {}, list(set_paths))


def _actual_seen(outcome: Outcome, actual: RunFacts) -> tuple[object, ...]:
    if outcome.kind == "set":
        return _set_seen(outcome.ident, actual)
    declared = actual.set_paths.get(outcome.ident)
    return _monitor_seen(declared[0] if declared else None, actual)


def _again(outcome: Outcome, options: CheckOptions, actual: RunFacts) -> Outcome:
    """Check a file again, now with the facts of the whole run."""
    problems, item = _load(outcome.path, options)
    if item is None or item.model is None:
        return Outcome(outcome.path, "other", "", (), tuple(problems), ())
    sets: dict[str, AgreementSet] = {}
    if isinstance(item.model, Monitor) and item.model.set in actual.set_paths:
        _, named = _load(actual.set_paths[item.model.set][0], options)
        if named is not None and isinstance(named.model, AgreementSet):
            sets[named.model.id] = named.model
    facts = RunFacts(actual.set_paths, actual.monitored, sets, actual.set_ids)
    found, waived = check_loaded(item, options, facts)
    return Outcome(
        outcome.path, outcome.kind, outcome.ident, (), (*problems, *found), tuple(waived)
    )
