"""The contract every rule follows.

A rule looks at one validated file (with the other sets of the same run at hand
for cross-file rules) and yields findings: a code, a pointer into the document
and the values for its message. It never chooses its severity (configuration
does that), never formats text (the message catalogue does) and never knows
about line numbers (the engine looks the pointer up in the source map).

Each rule class carries a passing and a failing example for ``prestatie rules``.
Agreement-scope examples are one agreement, added to a small valid set with
parties ``gemeente``, ``corp-a`` and ``hv-a``; set-scope examples replace
top-level keys of that set; monitor-scope examples replace the measurements of
a monitor file for it. The test suite runs every example through the engine,
at ``example_as_of`` when a rule sets it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal

from prestatie_cli.load.yaml import Document
from prestatie_cli.model.agreements import AgreementSet, Monitor, Thresholds
from prestatie_cli.model.findings import Finding
from prestatie_cli.model.problems import Level

__all__ = ["Finding", "MonitorContext", "Rule", "SetContext"]

Scope = Literal["agreement", "set", "monitor"]


@dataclass(frozen=True, slots=True)
class SetContext:
    """One validated agreement set."""

    document: Document
    agreements: AgreementSet
    as_of: date
    # Every set id of the run with the files that declare it, for duplicates across files.
    set_paths: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # The same set at the revision given with --against, and that revision's name.
    previous: AgreementSet | None = None
    against: str = ""
    # Whether a monitor file for this set is part of the run (progress rules run there).
    monitored: bool = True


@dataclass(frozen=True, slots=True)
class MonitorContext:
    """One validated monitor file, the set it names (None when the run has no such set)
    and every set id of the run, for a did-you-mean when it names another."""

    document: Document
    monitor: Monitor
    agreements: AgreementSet | None
    set_ids: Sequence[str]
    as_of: date
    thresholds: Thresholds = field(default_factory=Thresholds)
    # Without its set: the file that declares the set's id but is no valid set, if any.
    broken_set: str | None = None


class Rule:
    """Base of all rules: subclasses set the class attributes and one check method."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Level]
    scope: ClassVar[Scope]
    example_pass: ClassVar[str]
    example_fail: ClassVar[str]
    # The reference date the examples are meant for, when it matters.
    example_as_of: ClassVar[date | None] = None

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        return iter(())

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        return iter(())
