"""What check says about the files of a run, as the editor's diagnostics.

A file is judged as ``check.runner`` judges it: a set together with the monitors naming
it (the first file declaring a set id leads), with the facts of the whole run. Every
problem keeps the finding it words, for a precise range and for the suggestion a code
action applies. A file is judged again only when its text or what its rules read of the
other files changed: typing in a monitor judges the monitor, not its set again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from lsprotocol import types

from prestatie_cli.check.judge import RunFacts, check_loaded
from prestatie_cli.check.result import CheckOptions
from prestatie_cli.errors import PrestatieError
from prestatie_cli.load.config import Settings, read_settings
from prestatie_cli.load.discover import find_config
from prestatie_cli.load.parse import parse
from prestatie_cli.load.yaml import Document, Span
from prestatie_cli.lsp.documents import Run, Workspace, stamp_of
from prestatie_cli.lsp.text import lines_of, span_range, token_end
from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import AgreementSet, Config
from prestatie_cli.model.findings import Finding
from prestatie_cli.model.problems import Problem
from prestatie_cli.rules import REGISTRY

SOURCE = "prestatie"
_SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True, slots=True)
class Judged:
    """The problems check shows for one file, each with the finding it words (None for a
    file that could not be read as YAML)."""

    problems: tuple[Problem, ...]
    findings: tuple[Finding | None, ...]
    document: Document | None


@dataclass(slots=True)
class Checker:
    """Judges files of runs and remembers each judgment with what it depended on."""

    workspace: Workspace
    # --lang or PRESTATIE_LANG, when the editor asked for one; else prestatie.yaml's.
    lang: Language | None = None
    as_of: date | None = None
    _settings: dict[Path, tuple[tuple[object, ...], Settings]] = field(default_factory=dict)
    _judged: dict[tuple[Path, str], tuple[tuple[object, ...], Judged]] = field(default_factory=dict)

    def options(self, run: Run) -> CheckOptions:
        """How check would judge the files of ``run``: its settings and language, today."""
        settings = self.settings(run)
        lang = self.lang or settings.lang
        run.lang = lang
        return CheckOptions(self.as_of or date.today(), lang, settings)

    def settings(self, run: Run) -> Settings:
        """The run's prestatie.yaml (its buffer when open); defaults when it cannot be used."""
        config = find_config(run.root)
        if config is None:
            return Settings()
        text = self.workspace.buffers.get(config)
        stamp: tuple[object, ...] = ("buffer", text) if text is not None else stamp_of(config)
        kept = self._settings.get(run.root)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        settings = _read_settings(config, text, run.root)
        self._settings[run.root] = (stamp, settings)
        return settings

    def group(self, run: Run, name: str) -> list[str]:
        """The files judged together with ``name``: its set (every file declaring the set's
        id) and the monitors naming it; ``name`` alone when it is neither."""
        buffers = self.workspace.buffers
        lang = self.options(run).lang
        _, ident = run.state(name, buffers, lang).what()
        if not ident:
            return [name]
        facts = run.facts(buffers)
        together = [*facts.set_paths.get(ident, ()), *facts.monitor_paths.get(ident, ())]
        return list(dict.fromkeys([*together, name]))

    def judge(self, run: Run, names: Sequence[str]) -> dict[str, Judged]:
        """The problems of ``names`` with the facts of the whole run."""
        buffers = self.workspace.buffers
        options = self.options(run)
        facts = run.facts(buffers)
        return {name: self._judge(run, name, facts, options) for name in names}

    def _judge(self, run: Run, name: str, facts: RunFacts, options: CheckOptions) -> Judged:
        buffers = self.workspace.buffers
        state = run.state(name, buffers, options.lang)
        parsed = state.parsed
        loaded = state.loaded
        kind, ident = state.what()
        # What the file's rules read of the run (as ``runner._set_seen`` and
        # ``_monitor_seen``), and the set a monitor is judged with.
        sets: dict[str, AgreementSet] = {}
        depends: tuple[object, ...] = (id(parsed), options)
        if kind == "set":
            depends += (
                tuple(facts.set_paths.get(ident, ())),
                ident in facts.monitored,
                tuple(facts.set_ids),
            )
        elif kind == "monitor":
            lead = facts.set_paths.get(ident)
            if lead:
                named = run.state(lead[0], buffers, options.lang)
                if isinstance(named.parsed.model, AgreementSet):
                    sets[ident] = named.parsed.model
                depends += (id(named.parsed),)
            depends += (
                tuple(facts.monitor_paths.get(ident, ())),
                tuple(facts.set_ids),
                facts.broken.get(ident),
            )
        key = (run.root, name)
        kept = self._judged.get(key)
        if kept is not None and kept[0] == depends:
            return kept[1]
        problems = list(parsed.problems)
        findings: list[Finding | None] = (
            list(parsed.findings) if parsed.document is not None else [None] * len(problems)
        )
        if loaded is not None and kind != "other":
            pairs: list[tuple[Finding, Problem]] = []
            check_loaded(loaded, options, replace(facts, sets=sets), pairs)
            for finding, problem in pairs:
                if problem.waived is None:
                    problems.append(problem)
                    findings.append(finding)
        # Sorted as check sorts them (stable: equal positions keep their order).
        order = sorted(range(len(problems)), key=lambda index: problems[index].sort_key)
        judged = Judged(
            tuple(problems[index] for index in order),
            tuple(findings[index] for index in order),
            parsed.document,
        )
        self._judged[key] = (depends, judged)
        return judged


def _read_settings(config: Path, text: str | None, root: Path) -> Settings:
    """Settings as the command line reads them; from the buffer when the file is open."""
    codes = REGISTRY.keys()
    try:
        if text is None:
            settings, _ = read_settings(None, root, "nl", codes)
            return settings or Settings()
    except PrestatieError:
        return Settings()  # another user's file: check refuses it, its diagnostics say why
    parsed = parse(text, str(config), "nl", rule_codes=codes)
    model = parsed.model
    if parsed.problems or not isinstance(model, Config):
        return Settings()
    return Settings(
        model.lang, dict(model.rules), model.thresholds, str(config), dict(model.themes)
    )


def diagnostics(judged: Judged, text: str) -> list[types.Diagnostic]:
    """The problems of one file as LSP diagnostics, on the lines of ``text``."""
    lines = lines_of(text)
    shown = []
    for problem, finding in zip(judged.problems, judged.findings, strict=True):
        shown.append(
            types.Diagnostic(
                range=problem_range(problem, finding, judged.document, lines),
                message=f"{problem.message}\n{problem.hint}" if problem.hint else problem.message,
                severity=_SEVERITIES[problem.severity],
                code=problem.code,
                source=SOURCE,
                data=_data(finding),
            )
        )
    return shown


def _data(finding: Finding | None) -> dict[str, Any] | None:
    """What a code action needs of a finding: the name meant, and the agreement it is about."""
    if finding is None:
        return None
    data: dict[str, Any] = {}
    suggestion = finding.params.get("suggestion")
    meant = finding.params.get("meant")
    if isinstance(suggestion, str) and suggestion:
        data["suggestion"] = suggestion
    elif isinstance(meant, str) and meant:
        data["suggestion"] = meant
    if finding.agreement:
        data["agreement"] = finding.agreement
    data["pointer"] = list(finding.pointer)
    return data


def problem_range(
    problem: Problem, finding: Finding | None, document: Document | None, lines: list[str]
) -> types.Range:
    """From the problem's position to the end of what it points at: the phrase, the key or
    the value (on its first line), else the word written there."""
    line = problem.line - 1
    start = problem.column - 1
    text = lines[line] if 0 <= line < len(lines) else ""
    end = token_end(text, start)
    if finding is not None and document is not None:
        where = _where(document, finding)
        if (where.line, where.column) == (problem.line, problem.column):
            end = _end(finding, where, text, start, end)
    return span_range(lines, line, start, end)


def _where(document: Document, finding: Finding) -> Span:
    if finding.needle:
        return document.locate(finding.pointer, finding.needle, finding.occurrence)
    if finding.at_key:
        return document.key_span(finding.pointer)
    return document.span(finding.pointer)


def _end(finding: Finding, where: Span, text: str, start: int, fallback: int) -> int:
    if finding.needle:
        words = [re.escape(word) for word in finding.needle.split()]
        found = re.compile(r"\s+".join(words), re.IGNORECASE).match(text, start)
        return found.end() if found else where.end_column - 1
    if where.end_line == where.line:
        return where.end_column - 1
    # A value over several lines (a mapping, a block of text): its first line.
    return max(len(text.rstrip()), fallback) if text.strip() else fallback
