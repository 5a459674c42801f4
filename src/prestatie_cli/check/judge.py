"""The judge of one file: run the rules on it, then apply severities and waivers."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Literal

from prestatie_cli.check.result import CheckOptions, CheckResult, sorted_result
from prestatie_cli.load.corpus import Corpus, Loaded
from prestatie_cli.load.wording import from_finding
from prestatie_cli.load.yaml import Document
from prestatie_cli.model.agreements import AgreementSet, Monitor, MonitorWaiver, Waiver
from prestatie_cli.model.problems import Problem
from prestatie_cli.rules import REGISTRY
from prestatie_cli.rules.base import Finding, MonitorContext, SetContext

# What a file of a run is, for the rules of the others.
FileKind = Literal["set", "monitor", "other"]


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
    # Every set id that monitor files name, with those files in file order.
    monitor_paths: Mapping[str, Sequence[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, corpus: Corpus) -> RunFacts:
        """The facts of files loaded already, with their sets at hand."""
        return cls.of_files([(item.path, *kind_of(item)) for item in corpus.loaded], corpus.sets)

    @classmethod
    def of_files(
        cls,
        files: Sequence[tuple[str, FileKind, str]],
        sets: Mapping[str, AgreementSet] | None = None,
    ) -> RunFacts:
        """The facts of files known by what they are, in file order: ``(path, kind, ident)``
        as ``kind_of`` gives them, or as foreseen before loading."""
        set_paths: dict[str, list[str]] = {}
        for path, kind, ident in files:
            if kind == "set":
                set_paths.setdefault(ident, []).append(path)
        monitor_paths: dict[str, list[str]] = {}
        for path, kind, ident in files:
            if kind == "monitor":
                monitor_paths.setdefault(ident, []).append(path)
        monitored = set(monitor_paths)
        broken: dict[str, str] = {}
        for path, kind, ident in files:
            if kind == "other" and ident and ident not in set_paths:
                broken.setdefault(ident, path)
        return cls(set_paths, monitored, sets or {}, list(set_paths), broken, monitor_paths)


def kind_of(item: Loaded) -> tuple[FileKind, str]:
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


def check_loaded(
    item: Loaded,
    options: CheckOptions,
    facts: RunFacts,
    pairs: list[tuple[Finding, Problem]] | None = None,
) -> tuple[list[Problem], list[Problem]]:
    """The problems the rules find in one loaded file, and those its waivers cover.

    ``pairs``, when given, receives each problem with the finding it words (for an editor,
    which needs the finding's pointer and suggestion as data).
    """
    found: list[Problem] = []
    waived: list[Problem] = []
    document = item.document
    if document is None:
        raise ValueError(f"{item.path}: the rules need the file's source map")
    for finding, waivers in _run_rules(document, item.model, options, facts):
        problem = _judge(document, finding, waivers, options)
        if problem is not None:
            (waived if problem.waived is not None else found).append(problem)
            if pairs is not None:
                pairs.append((finding, problem))
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
            rule_codes=REGISTRY.keys(),
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
            tuple(facts.monitor_paths.get(model.set, ())),
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
