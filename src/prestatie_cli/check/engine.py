"""The check engine: find files, load, validate, run rules, apply severities and waivers."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import astuple, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from prestatie_cli.check import cache
from prestatie_cli.load.config import Settings
from prestatie_cli.load.corpus import Corpus, Loaded, Progress, discover
from prestatie_cli.load.wording import from_finding
from prestatie_cli.load.yaml import Document
from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import AgreementSet, Monitor, MonitorWaiver, Waiver
from prestatie_cli.model.problems import Level, Problem
from prestatie_cli.rules import REGISTRY
from prestatie_cli.rules.base import Finding, MonitorContext, SetContext


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """How to check: the reference date, the language and the configured severities."""

    as_of: date
    lang: Language = "nl"
    settings: Settings = field(default_factory=Settings)
    # The sets at the revision of --against, by id, and the revision as the user wrote it.
    previous: Mapping[str, AgreementSet] = field(default_factory=dict)
    against: str = ""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """All problems of a run, sorted by position, and those explicitly waived."""

    files: int
    problems: tuple[Problem, ...]
    waived: tuple[Problem, ...]

    def count(self, severity: Level) -> int:
        return sum(1 for problem in self.problems if problem.severity == severity)

    def exit_code(self, strict: bool = False) -> int:
        """2 when a file could not be read, 1 for errors (or warnings when strict), else 0."""
        if any(problem.unreadable for problem in self.problems):
            return 2
        if self.count("error") or (strict and self.count("warning")):
            return 1
        return 0


def check(
    paths: Sequence[Path], options: CheckOptions, on_file: Progress | None = None
) -> CheckResult:
    """Check every file below ``paths`` and return all problems found.

    A run over the same files with the same options is answered from the cache.
    """
    files = discover(paths)
    return _checked(files, _run_key(files, options), options, on_file)


@dataclass(frozen=True, slots=True)
class Shown:
    """A check as shown: the number of files, the text, the exit code (plain and --strict)."""

    files: int
    text: str
    exit_codes: tuple[int, int]

    def exit_code(self, strict: bool = False) -> int:
        return self.exit_codes[1] if strict else self.exit_codes[0]


def check_shown(
    paths: Sequence[Path],
    options: CheckOptions,
    show: Callable[[CheckResult], str],
    shown_as: str,
    on_file: Progress | None = None,
) -> Shown:
    """``check``, shown by ``show``; ``shown_as`` names the way of showing (format, quiet).

    A run over the same files, with the same options, shown the same way, is
    answered with the text it showed before: nothing is loaded or rendered.
    """
    files = discover(paths)
    run = _run_key(files, options)
    entry = f"{run}-{shown_as}" if run is not None else None
    if entry is not None:
        stored = _shown_from(cache.load(entry))
        if stored is not None:
            return stored
    result = _checked(files, run, options, on_file)
    shown = Shown(result.files, show(result), (result.exit_code(), result.exit_code(strict=True)))
    if entry is not None:
        cache.store(entry, [shown.files, shown.text, list(shown.exit_codes)])
    return shown


def _shown_from(stored: Any) -> Shown | None:
    if not (isinstance(stored, list) and len(stored) == 3):
        return None
    files, text, codes = stored
    if (
        type(files) is int
        and isinstance(text, str)
        and isinstance(codes, list)
        and len(codes) == 2
        and all(code in (0, 1, 2) and type(code) is int for code in codes)
    ):
        return Shown(files, text, (codes[0], codes[1]))
    return None


def _run_key(files: Sequence[Path], options: CheckOptions) -> str | None:
    # A comparison with a git revision depends on more than the files: not cached.
    return None if options.previous else cache.key(files, _options(options))


def _checked(
    files: Sequence[Path], run: str | None, options: CheckOptions, on_file: Progress | None
) -> CheckResult:
    if run is not None:
        stored = cache.load(run)
        if stored is not None:
            with contextlib.suppress(KeyError, TypeError, ValueError):
                return _result_from(stored)
    # The file-by-file engine builds on this module's check_loaded.
    from prestatie_cli.check.runner import check_files

    result = check_files(files, options, on_file)
    if run is not None:
        cache.store(run, _result_to(result))
    return result


def _options(options: CheckOptions) -> str:
    settings = options.settings
    return json.dumps(
        {
            "as_of": options.as_of.isoformat(),
            "lang": options.lang,
            "severities": sorted(settings.severities.items()),
            "thresholds": settings.thresholds.model_dump(),
        },
        sort_keys=True,
    )


def _result_to(result: CheckResult) -> dict[str, Any]:
    # Rows rather than objects: a tenth of the country's result is read back twice as fast.
    return {
        "files": result.files,
        "problems": [astuple(problem) for problem in result.problems],
        "waived": [astuple(problem) for problem in result.waived],
    }


def _result_from(stored: dict[str, Any]) -> CheckResult:
    return CheckResult(
        int(stored["files"]),
        tuple(Problem(*row) for row in stored["problems"]),
        tuple(Problem(*row) for row in stored["waived"]),
    )


# What a file of a run is, for the rules of the others.
Kind = Literal["set", "monitor", "other"]


@dataclass(frozen=True, slots=True)
class RunFacts:
    """What the rules of one file know of the other files of the run."""

    # Every set id of the run with the files that declare it, in file order.
    set_paths: Mapping[str, Sequence[str]]
    # The set ids that a monitor file of the run names.
    monitored: AbstractSet[str]
    # The sets at hand, by id (the first file declaring an id), for monitors.
    sets: Mapping[str, AgreementSet]
    # Every set id of the run in file order, for a did-you-mean.
    set_ids: Sequence[str]
    # Set ids declared only by files that are no valid set, with the first such file.
    broken: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, corpus: Corpus) -> RunFacts:
        """The facts of files loaded already, with their sets at hand."""
        return cls.of_files([(item.path, *kind_of(item)) for item in corpus.loaded], corpus.sets)

    @classmethod
    def of_files(
        cls,
        files: Sequence[tuple[str, Kind, str]],
        sets: Mapping[str, AgreementSet] | None = None,
    ) -> RunFacts:
        """The facts of files known by what they are, in file order: ``(path, kind, ident)``
        as ``kind_of`` gives them, or as foreseen before loading."""
        set_paths: dict[str, list[str]] = {}
        for path, kind, ident in files:
            if kind == "set":
                set_paths.setdefault(ident, []).append(path)
        monitored = {ident for _, kind, ident in files if kind == "monitor"}
        broken: dict[str, str] = {}
        for path, kind, ident in files:
            if kind == "other" and ident and ident not in set_paths:
                broken.setdefault(ident, path)
        return cls(set_paths, monitored, sets or {}, list(set_paths), broken)


def kind_of(item: Loaded) -> tuple[Kind, str]:
    """What a loaded file is: a set (and its id), a monitor (and the set it names), or
    something else (and the set id it declares without being a valid set, or '')."""
    if isinstance(item.model, AgreementSet):
        return "set", item.model.id
    if isinstance(item.model, Monitor):
        return "monitor", item.model.set
    return "other", declared_set(item)


def declared_set(item: Loaded) -> str:
    """The id a file declares as a set without being a valid one ('' when it does not)."""
    if item.model is not None or item.document is None:
        return ""
    data = item.document.data
    if isinstance(data, dict) and data.get("kind") == "agreements":
        declared = data.get("id")
        return declared if isinstance(declared, str) else ""
    return ""


def check_corpus(corpus: Corpus, options: CheckOptions) -> CheckResult:
    """Check files that are loaded already (the report shows what check finds)."""
    problems = list(corpus.problems)
    waived: list[Problem] = []
    facts = RunFacts.of(corpus)
    for item in corpus.loaded:
        found, excused = check_loaded(item, options, facts)
        problems.extend(found)
        waived.extend(excused)
    return sorted_result(corpus.files, problems, waived)


def sorted_result(files: int, problems: list[Problem], waived: list[Problem]) -> CheckResult:
    """A result with its problems sorted by position (stable: equal positions keep their order)."""
    problems.sort(key=lambda problem: problem.sort_key)
    waived.sort(key=lambda problem: problem.sort_key)
    return CheckResult(files, tuple(problems), tuple(waived))


def check_loaded(
    item: Loaded, options: CheckOptions, facts: RunFacts
) -> tuple[list[Problem], list[Problem]]:
    """The problems the rules find in one loaded file, and those its waivers cover."""
    found: list[Problem] = []
    waived: list[Problem] = []
    document = item.document
    if document is None:
        raise ValueError(f"{item.path}: the rules need the file's source map")
    for finding, waivers in _run_rules(document, item.model, options, facts):
        problem = _judge(document, finding, waivers, options)
        if problem is not None:
            (waived if problem.waived is not None else found).append(problem)
    return found, waived


def _run_rules(
    document: Document,
    model: AgreementSet | Monitor | None,
    options: CheckOptions,
    facts: RunFacts,
) -> Iterator[tuple[Finding, Sequence[Waiver | MonitorWaiver]]]:
    if isinstance(model, AgreementSet):
        context = SetContext(
            document,
            model,
            options.as_of,
            facts.set_paths,
            options.previous.get(model.id),
            options.against,
            monitored=model.id in facts.monitored,
        )
        for rule in REGISTRY.values():
            for finding in rule.check_set(context):
                yield finding, _waivers_for(model, finding)
    elif isinstance(model, Monitor):
        monitor_context = MonitorContext(
            document,
            model,
            facts.sets.get(model.set),
            facts.set_ids,
            options.as_of,
            options.settings.thresholds,
            facts.broken.get(model.set),
        )
        for rule in REGISTRY.values():
            for finding in rule.check_monitor(monitor_context):
                yield finding, [w for w in model.waivers if w.agreement == finding.agreement]


def _waivers_for(agreements: AgreementSet, finding: Finding) -> Sequence[Waiver]:
    """The waivers that may cover a finding: its agreement's, else the set's."""
    pointer = finding.pointer
    if len(pointer) >= 2 and pointer[0] == "agreements" and isinstance(pointer[1], int):
        return agreements.agreements[pointer[1]].waivers
    return agreements.waivers


def _judge(
    document: Document,
    finding: Finding,
    waivers: Sequence[Waiver | MonitorWaiver],
    options: CheckOptions,
) -> Problem | None:
    rule = REGISTRY[finding.code]
    configured = options.settings.severities.get(finding.code, rule.severity)
    if configured == "off":
        return None
    waiver = next(
        (
            waiver
            for waiver in waivers
            if waiver.rule == finding.code
            and (waiver.until is None or options.as_of <= waiver.until)
        ),
        None,
    )
    return from_finding(
        document, finding, configured, options.lang, waiver.reason if waiver else None
    )
