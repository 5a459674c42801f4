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

import gc
import itertools
import os
import re
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from prestatie_cli.check.judge import FileKind, RunFacts, check_loaded, kind_of
from prestatie_cli.check.result import CheckOptions, CheckResult, sorted_result
from prestatie_cli.load.corpus import Corpus, Loaded, OnFile, load_one
from prestatie_cli.load.wording import wording
from prestatie_cli.load.yaml import LoadError, read_text
from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import AgreementSet, Monitor
from prestatie_cli.model.problems import Problem
from prestatie_cli.rules import REGISTRY

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Runs with fewer bytes than this are checked in this process: starting workers
# costs more than it saves.
PARALLEL_FROM = 2 * 1024 * 1024
# The threshold of the garbage collector's youngest generation during a run (Python's is
# 700). Reading a file makes hundreds of thousands of lists, dicts and tuples that live on
# while it is checked, and the collector went through them again every 700 of them: about
# 6 % of a check. Little of what a run makes is garbage in cycles; that waits a little longer.
FEWER_COLLECTIONS = 100_000

# A top-level `id:` or `set:` line; its value is read by ``_value`` (kept out of the
# pattern, where a lazy match of the value against trailing blanks took quadratic time).
# The first line is matched on its own and the others after their "\n" (what "^" means in
# multi-line mode): a pattern that starts with a character is searched for that character,
# eight times faster than trying "^" at every position.
_FIRST_HEADER = re.compile(r"(id|set)[ \t]*:([^\r\n]*)")
_HEADER = re.compile(r"\n(id|set)[ \t]*:([^\r\n]*)")
_COMMENT = re.compile(r"(?:^|[ \t])#")


@dataclass(frozen=True, slots=True)
class Forecast:
    """What a file seems to be from its top-level lines: a set (its id), a monitor (its set)."""

    kind: FileKind
    ident: str = ""


def forecast(path: Path) -> Forecast:
    """Read ahead: a file with a top-level ``id:`` is a set, one with only ``set:`` a monitor."""
    try:
        # Read as loading reads it: no FIFO or device is opened, the size is capped.
        text = read_text(path, str(path))
    except LoadError:
        return Forecast("other")  # loading says what is wrong with it
    found: dict[str, str | None] = {}
    first = _FIRST_HEADER.match(text)
    for match in itertools.chain((first,) if first else (), _HEADER.finditer(text)):
        found.setdefault(match.group(1), _value(match.group(2)))
    kinds: tuple[tuple[str, FileKind], ...] = (("id", "set"), ("set", "monitor"))
    for key, kind in kinds:
        if key in found:
            value = found[key]
            # A value only the parser can read: make no guess.
            return Forecast(kind, value) if value is not None else Forecast("other")
    return Forecast("other")


def _value(written: str) -> str | None:
    """The value of a top-level line as written: plain or quoted without escapes, else None."""
    comment = _COMMENT.search(written)
    text = (written[: comment.start()] if comment else written).strip(" \t")
    if len(text) >= 2 and text[0] in "\"'" and text[-1] == text[0]:
        inner = text[1:-1]
        return None if text[0] in inner or "\\" in inner else inner
    if not text or text[0] in "\"'&*!|>{[%@`#":
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
    kind: FileKind
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
    foreseen = RunFacts.of_files(
        [(str(path), seen.kind, seen.ident) for path, seen in zip(files, forecasts, strict=True)]
    )
    first: dict[str, int] = {}
    for index, seen in enumerate(forecasts):
        if seen.kind == "set":
            first.setdefault(seen.ident, index)
    groups: dict[int, list[int]] = {index: [index] for index in first.values()}
    for index, seen in enumerate(forecasts):
        lead = first.get(seen.ident) if seen.kind == "monitor" else None
        if lead is not None:
            groups[lead].append(index)
        elif index not in groups:
            groups[index] = [index]
    return [groups[lead] for lead in sorted(groups)], foreseen


def check_files(
    files: Sequence[Path], options: CheckOptions, on_file: OnFile | None = None
) -> CheckResult:
    """Check ``files``: the same result as ``check_corpus(load_files(files))``, in less memory."""
    outcomes = _outcomes(files, options, on_file, rules=True, models=False)
    return _result(len(files), outcomes)


def load_checked(
    files: Sequence[Path], options: CheckOptions, on_file: OnFile | None = None
) -> tuple[Corpus, CheckResult]:
    """The models of ``files`` (without their source maps) and what checking them finds."""
    outcomes = _outcomes(files, options, on_file, rules=True, models=True)
    return _corpus(len(files), outcomes, options.lang), _result(len(files), outcomes)


def load_models(files: Sequence[Path], lang: Language, on_file: OnFile | None = None) -> Corpus:
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
    on_file: OnFile | None,
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
    with fewer_collections():
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


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Within: what exists already (imports, the models' validators) is left out of the
    garbage collector's passes, and its passes come ``FEWER_COLLECTIONS`` objects apart.
    Worker processes forked within keep it for their life."""
    threshold = _collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _collect_less() -> tuple[int, int, int]:
    """Freeze what exists and space the collector's passes; the threshold it had."""
    threshold = gc.get_threshold()
    gc.freeze()
    if threshold[0]:  # 0: collection turned off, and left so
        gc.set_threshold(max(threshold[0], FEWER_COLLECTIONS), threshold[1], threshold[2])
    return threshold


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
    # A spawned process did not inherit the fewer collections of its parent.
    _collect_less()
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
        loading, item = load_one(Path(path), job.options.lang, rule_codes=REGISTRY.keys())
        if item is None:
            outcomes.append(Outcome(path, "other", "", (), tuple(loading), readable=False))
            continue
        kind, ident = kind_of(item)
        if isinstance(item.model, AgreementSet):
            here.setdefault(ident, (path, item.model))
        if kind == "other":
            seen: tuple[object, ...] = ()
        elif kind == "set":
            seen = _set_seen(ident, foreseen)
        else:
            used = here.get(ident)
            seen = _monitor_seen(ident, used[0] if used else None, foreseen)
        found: list[Problem] = []
        waived: list[Problem] = []
        if job.rules and kind != "other":
            sets = {set_id: agreements for set_id, (_, agreements) in here.items()}
            found, waived = check_loaded(item, job.options, replace(foreseen, sets=sets))
        outcomes.append(_outcome(path, kind, ident, seen, loading, found, waived, item, job))
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
    monitors = tuple(facts.monitor_paths.get(ident, ()))
    if set_path is not None:
        return ("set", set_path, monitors)
    return ("none", tuple(facts.set_ids), facts.broken.get(ident), monitors)


def _facts(outcomes: Sequence[Outcome]) -> RunFacts:
    """The facts of the run, from what every file turned out to be."""
    return RunFacts.of_files([(outcome.path, outcome.kind, outcome.ident) for outcome in outcomes])


def _actual_seen(outcome: Outcome, actual: RunFacts) -> tuple[object, ...]:
    if outcome.kind == "set":
        return _set_seen(outcome.ident, actual)
    declared = actual.set_paths.get(outcome.ident)
    return _monitor_seen(outcome.ident, declared[0] if declared else None, actual)


def _again(outcome: Outcome, job: Job) -> Outcome:
    """Do a file again, now with the facts of the whole run (``job.foreseen``)."""
    actual = job.foreseen
    loading, item = load_one(Path(outcome.path), job.options.lang, rule_codes=REGISTRY.keys())
    if item is None:
        return Outcome(outcome.path, "other", "", (), tuple(loading), readable=False)
    kind, ident = kind_of(item)
    if kind == "other":
        return _outcome(outcome.path, kind, ident, (), loading, [], [], item, job)
    sets: dict[str, AgreementSet] = {}
    if kind == "monitor" and ident in actual.set_paths:
        _, named = load_one(
            Path(actual.set_paths[ident][0]), job.options.lang, rule_codes=REGISTRY.keys()
        )
        if named is not None and isinstance(named.model, AgreementSet):
            sets[named.model.id] = named.model
    found, waived = check_loaded(item, job.options, replace(actual, sets=sets))
    return _outcome(outcome.path, kind, ident, (), loading, found, waived, item, job)


def _outcome(
    path: str,
    kind: FileKind,
    ident: str,
    seen: tuple[object, ...],
    loading: list[Problem],
    found: list[Problem],
    waived: list[Problem],
    item: Loaded,
    job: Job,
) -> Outcome:
    """A readable file done; its model is kept when the job keeps models."""
    model = item.model if job.models else None
    return Outcome(
        path,
        kind,
        ident,
        seen,
        tuple(loading),
        tuple(found),
        tuple(waived),
        True,
        model,
        _id_at(item),
    )
