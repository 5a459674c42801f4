"""Reading and checking a run file by file, on every core, one group of files at a time.

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

status, report and export need the models but no positions: they get the models
of every file from the same engine, without the source maps.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from prestatie_cli.checking import (
    CheckOptions,
    CheckResult,
    RunFacts,
    check_loaded,
    declared_set,
    sorted_result,
)
from prestatie_cli.corpus import Corpus, Loaded, Progress, load_one
from prestatie_cli.loading import MAX_FILE_BYTES
from prestatie_cli.messages import Language
from prestatie_cli.model import AgreementSet, Monitor
from prestatie_cli.problems import Problem
from prestatie_cli.rendering import wording

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Runs with fewer bytes than this are checked in this process: starting workers
# costs more than it saves.
PARALLEL_FROM = 2 * 1024 * 1024

Kind = Literal["set", "monitor", "other"]

# A top-level `id:` or `set:` line; its value is read by ``_value`` (kept out of the
# pattern, where a lazy match of the value against trailing blanks took quadratic time).
_HEADER = re.compile(rb"^(id|set)[ \t]*:([^\r\n]*)", re.MULTILINE)
_COMMENT = re.compile(rb"(?:^|[ \t])#")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Forecast:
    """What a file seems to be from its top-level lines: a set (its id), a monitor (its set)."""

    kind: Kind
    ident: str = ""


def forecast(path: Path) -> Forecast:
    """Read ahead: a file with a top-level ``id:`` is a set, one with only ``set:`` a monitor."""
    raw = _head(path)
    found: dict[bytes, bytes | None] = {}
    for match in _HEADER.finditer(raw.removeprefix(_BOM)):
        found.setdefault(match.group(1), _value(match.group(2)))
    kinds: tuple[tuple[bytes, Kind], ...] = ((b"id", "set"), (b"set", "monitor"))
    for key, kind in kinds:
        value = found.get(key)
        if key in found:
            if value is None:
                break  # a value only the parser can read: make no guess
            try:
                return Forecast(kind, value.decode("utf-8"))
            except UnicodeDecodeError:
                break
    return Forecast("other")


def _head(path: Path) -> bytes:
    """The bytes of a regular file (at most the size loading accepts); nothing for the rest."""
    try:
        # Only a regular file is opened: a FIFO would block, a device may act on being
        # opened (loading says what they are); non-blocking in case one is swapped in.
        if not stat.S_ISREG(path.stat().st_mode):
            return b""
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return b""
        return os.read(descriptor, MAX_FILE_BYTES + 1)
    except OSError:
        return b""
    finally:
        os.close(descriptor)


def _value(written: bytes) -> bytes | None:
    """The value of a top-level line as written: plain or quoted without escapes, else None."""
    comment = _COMMENT.search(written)
    text = (written[: comment.start()] if comment else written).strip(b" \t")
    if len(text) >= 2 and text[:1] in (b'"', b"'") and text[-1:] == text[:1]:
        inner = text[1:-1]
        return None if text[:1] in inner or b"\\" in inner else inner
    if not text or text[:1] in b"\"'&*!|>{[%@`#":
        return None
    return text


@dataclass(frozen=True, slots=True)
class Job:
    """What to do with every file: check it (the rules run), keep its model, or both."""

    options: CheckOptions
    # The facts foreseen by ``plan``, which the rules of a group read.
    foreseen: RunFacts
    rules: bool = True
    models: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """One file done: what it turned out to be, the facts its rules saw, its problems."""

    path: str
    kind: Kind
    # The set id of a set, the set a monitor names, the id a file that is no valid set declares.
    ident: str
    # The facts the rules read, to compare with the run's (see ``_set_seen``).
    seen: tuple[object, ...]
    # Why the file could not be read or validated.
    loading: tuple[Problem, ...]
    found: tuple[Problem, ...] = ()
    waived: tuple[Problem, ...] = ()
    # Whether the file could be read at all, and its model when the job keeps models.
    readable: bool = True
    model: AgreementSet | Monitor | None = None
    # Where a set's id stands (line, column), for a set left out as a duplicate.
    id_at: tuple[int, int] = (1, 1)


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
    outcomes = _outcomes(files, options, on_file, rules=True, models=False)
    return _result(len(files), outcomes)


def load_checked(
    files: Sequence[Path], options: CheckOptions, on_file: Progress | None = None
) -> tuple[Corpus, CheckResult]:
    """The models of ``files`` (without their source maps) and what checking them finds."""
    outcomes = _outcomes(files, options, on_file, rules=True, models=True)
    return _corpus(len(files), outcomes, options.lang), _result(len(files), outcomes)


def load_models(files: Sequence[Path], lang: Language, on_file: Progress | None = None) -> Corpus:
    """The models of ``files`` without their source maps: ``load_files`` for reading only."""
    # Without rules the reference date plays no part; only the language does.
    options = CheckOptions(date.today(), lang)
    outcomes = _outcomes(files, options, on_file, rules=False, models=True)
    return _corpus(len(files), outcomes, lang)


def _result(files: int, outcomes: Sequence[Outcome]) -> CheckResult:
    problems = [problem for outcome in outcomes for problem in outcome.loading]
    problems += [problem for outcome in outcomes for problem in outcome.found]
    waived = [problem for outcome in outcomes for problem in outcome.waived]
    return sorted_result(files, problems, waived)


def _corpus(files: int, outcomes: Sequence[Outcome], lang: Language) -> Corpus:
    """The models of a run, and the problems that kept files (or sets) out of it."""
    loaded = [Loaded(item.path, item.model) for item in outcomes if item.readable]
    problems = [problem for item in outcomes for problem in item.loading]
    return Corpus.of(files, loaded, problems + _left_out(outcomes, lang))


def _left_out(outcomes: Sequence[Outcome], lang: Language) -> list[Problem]:
    """A set whose id an earlier file declares too is left out of status, report and export:
    said as an error at its id, so that nothing disappears without a word."""
    first: dict[str, str] = {}
    problems = []
    for item in outcomes:
        if item.kind != "set":
            continue
        if first.setdefault(item.ident, item.path) != item.path:
            params = {"id": item.ident, "first": first[item.ident]}
            message, hint = wording("P603", params, "left-out", lang)
            line, column = item.id_at
            problems.append(Problem(item.path, line, column, "P603", "error", message, hint))
    return problems


def _outcomes(
    files: Sequence[Path],
    options: CheckOptions,
    on_file: Progress | None,
    *,
    rules: bool,
    models: bool,
) -> list[Outcome]:
    """Every file done, in file order; where the rules saw other facts than the run's, again."""
    groups, foreseen = plan(files)
    names = [str(path) for path in files]
    tasks = [[names[index] for index in group] for group in groups]
    by_path: dict[str, Outcome] = {}
    done = 0
    for group in _run(tasks, Job(options, foreseen, rules, models)):
        for outcome in group:
            by_path[outcome.path] = outcome
            done += 1
            if on_file is not None:
                on_file(done, len(files))
    # A path given twice counts twice, as load_files has it (discover gives each once).
    ordered = [by_path[name] for name in names]
    if not rules:
        return ordered
    actual = _facts(ordered)
    return [
        _again(outcome, Job(options, actual, rules, models))
        if outcome.kind != "other" and outcome.seen != _actual_seen(outcome, actual)
        else outcome
        for outcome in ordered
    ]


def _run(tasks: list[list[str]], job: Job) -> Iterator[list[Outcome]]:
    """Do every group, in worker processes when that pays; results in the order of ``tasks``."""
    workers = _cores()
    size = sum(_size(path) for task in tasks for path in task)
    if workers < 2 or len(tasks) < 2 or size < PARALLEL_FROM:
        yield from (_check_group(task, job) for task in tasks)
        return
    # Imported here: a run small enough for one process does not pay for it.
    from concurrent.futures import ProcessPoolExecutor

    # Forking is quick and shares what is imported; it is only safe on Linux and while no
    # other Python thread runs (one holding a lock at the fork would leave it held).
    method = "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"
    pool = ProcessPoolExecutor(
        workers, mp_context=_context(method), initializer=_start, initargs=(job,)
    )
    try:
        # Small chunks: on Ctrl-C only the few groups already handed out are finished.
        yield from pool.map(_check_group, tasks, chunksize=4)
    finally:
        pool.shutdown(cancel_futures=True)


def _context(method: str) -> BaseContext:
    import multiprocessing

    return multiprocessing.get_context(method)


def _cores() -> int:
    """The cores this process may use; at most 32 (Windows takes at most 61 workers, and
    342 sets keep no more busy)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return min(cores, 32)


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


# The job of a worker process (which does one job in its life).
_job: Job | None = None


def _start(job: Job) -> None:
    """Set up a worker process for ``_check_group``."""
    global _job
    _job = job
    # Ctrl-C is for the main process, which stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_group(paths: list[str], job: Job | None = None) -> list[Outcome]:
    """Load and check a set and the monitors naming it; nothing of them is kept but problems
    (and models, when the job keeps them). A worker process finds its job set by ``_start``."""
    job = job or _job
    assert job is not None
    foreseen = job.foreseen
    here: dict[str, tuple[str, AgreementSet]] = {}
    outcomes = []
    for path in paths:
        loading, item = load_one(Path(path), job.options.lang)
        model = item.model if item is not None else None
        if item is None or model is None:
            outcomes.append(
                Outcome(
                    path, "other", _declared(item), (), tuple(loading), readable=item is not None
                )
            )
            continue
        if isinstance(model, AgreementSet):
            here.setdefault(model.id, (path, model))
            kind: Kind = "set"
            ident = model.id
            seen = _set_seen(ident, foreseen)
        else:
            kind, ident = "monitor", model.set
            used = here.get(ident)
            seen = _monitor_seen(ident, used[0] if used else None, foreseen)
        found: list[Problem] = []
        waived: list[Problem] = []
        if job.rules:
            sets = {set_id: agreements for set_id, (_, agreements) in here.items()}
            facts = replace(foreseen, sets=sets)
            found, waived = check_loaded(item, job.options, facts)
        outcomes.append(
            Outcome(
                path,
                kind,
                ident,
                seen,
                tuple(loading),
                tuple(found),
                tuple(waived),
                True,
                model if job.models else None,
                _id_at(item),
            )
        )
    return outcomes


def _id_at(item: Loaded) -> tuple[int, int]:
    where = item.document.span(("id",)) if item.document is not None else None
    return (where.line, where.column) if where is not None else (1, 1)


def _set_seen(ident: str, facts: RunFacts) -> tuple[object, ...]:
    """What a set's rules read of the run: the files declaring its id, whether it is monitored."""
    return (tuple(facts.set_paths.get(ident, ())), ident in facts.monitored)


def _monitor_seen(ident: str, set_path: str | None, facts: RunFacts) -> tuple[object, ...]:
    """What a monitor's rules read of the run: its set (by file) or, without one, every set id
    and the file declaring its set without being a valid one."""
    if set_path is not None:
        return ("set", set_path)
    return ("none", tuple(facts.set_ids), facts.broken.get(ident))


def _facts(outcomes: Sequence[Outcome]) -> RunFacts:
    """The facts of the run, from what every file turned out to be."""
    set_paths: dict[str, list[str]] = {}
    for outcome in outcomes:
        if outcome.kind == "set":
            set_paths.setdefault(outcome.ident, []).append(outcome.path)
    monitored = {outcome.ident for outcome in outcomes if outcome.kind == "monitor"}
    broken: dict[str, str] = {}
    for outcome in outcomes:
        if outcome.kind == "other" and outcome.ident and outcome.ident not in set_paths:
            broken.setdefault(outcome.ident, outcome.path)
    return RunFacts(set_paths, monitored, {}, list(set_paths), broken)


def _declared(item: Loaded | None) -> str:
    """For a file that is no valid set, the set id it declares, if any."""
    return declared_set(item) if item is not None else ""


def _actual_seen(outcome: Outcome, actual: RunFacts) -> tuple[object, ...]:
    if outcome.kind == "set":
        return _set_seen(outcome.ident, actual)
    declared = actual.set_paths.get(outcome.ident)
    return _monitor_seen(outcome.ident, declared[0] if declared else None, actual)


def _again(outcome: Outcome, job: Job) -> Outcome:
    """Do a file again, now with the facts of the whole run (``job.foreseen``)."""
    actual = job.foreseen
    loading, item = load_one(Path(outcome.path), job.options.lang)
    if item is None or item.model is None:
        return Outcome(
            outcome.path, "other", _declared(item), (), tuple(loading), readable=item is not None
        )
    sets: dict[str, AgreementSet] = {}
    if isinstance(item.model, Monitor) and item.model.set in actual.set_paths:
        _, named = load_one(Path(actual.set_paths[item.model.set][0]), job.options.lang)
        if named is not None and isinstance(named.model, AgreementSet):
            sets[named.model.id] = named.model
    facts = replace(actual, sets=sets)
    found, waived = check_loaded(item, job.options, facts)
    return Outcome(
        outcome.path,
        outcome.kind,
        outcome.ident,
        (),
        tuple(loading),
        tuple(found),
        tuple(waived),
        True,
        item.model if job.models else None,
        _id_at(item),
    )
