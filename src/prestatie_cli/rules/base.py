"""The contract every rule follows.

A rule looks at one validated file (with the other sets of the same run at hand
for cross-file rules) and yields findings: a code, a pointer into the document
and the values for its message. Its severity is a default that configuration
may change, it never fills in text itself (the message catalogue does, from the
wording the rule carries) and never knows about line numbers (the engine looks
the pointer up in the source map).

Most rules judge one agreement at a time: they implement ``check_agreement``,
which ``check_set`` calls for each agreement of the set in order. Rules about a
set as a whole override ``check_set``. Monitor rules work the same way with
``check_measurement``, which ``check_monitor`` calls for each measurement in order
when the run has the monitor's set; those that need all measurements at once, or
run without the set, override ``check_monitor``.

Each rule class carries its own wording in Dutch and English (``wording``) and a
passing and a failing example for ``prestatie rules``. Agreement-scope examples
are one agreement, added to a small valid set with parties ``gemeente``,
``corp-a`` and ``hv-a``; set-scope examples replace top-level keys of that set;
monitor-scope examples replace the measurements of a monitor file for it (and
may add agreements to the set, ``example_agreements``, when what they measure
is not in it). The test suite runs every example through the engine, at
``example_as_of`` when a rule sets it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Literal

from prestatie_cli.load.yaml import Document
from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import Agreement, AgreementSet, Measurement, Monitor, Thresholds
from prestatie_cli.model.findings import Finding
from prestatie_cli.model.problems import Level
from prestatie_cli.model.structure import withdrawals

__all__ = ["Finding", "MonitorContext", "Rule", "SetContext", "Wording"]

Scope = Literal["agreement", "set", "monitor"]

# A rule's sentences by part ("title", "rationale", "message", "hint", and variants such
# as "message.file"), each in every language; the catalogue knows them as "CODE.part".
Wording = Mapping[str, Mapping[Language, str]]


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
    # Every rule code there is, for waivers that name one. Given by the engine, which
    # holds the registry: a rule cannot import the registry that imports it.
    rule_codes: AbstractSet[str] = field(kw_only=True)
    # Made once per set rather than for each agreement: the ids of the parties in order,
    # the ids of the groups in order, the ids of the agreements a set amendment withdrew,
    # the agreements by id (the first one of a duplicate id), the parts of each agreement
    # that has any (in file order), and the agreements of ``previous`` by id (the last
    # one of a duplicate id).
    party_ids: Sequence[str] = field(init=False, repr=False, compare=False)
    group_ids: Sequence[str] = field(init=False, repr=False, compare=False)
    withdrawn: AbstractSet[str] = field(init=False, repr=False, compare=False)
    by_id: Mapping[str, Agreement] = field(init=False, repr=False, compare=False)
    parts_of: Mapping[str, Sequence[Agreement]] = field(init=False, repr=False, compare=False)
    earlier: Mapping[str, Agreement] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        previous = self.previous.agreements if self.previous is not None else []
        # A frozen dataclass sets fields of its own making this way.
        object.__setattr__(self, "party_ids", [party.id for party in self.agreements.parties])
        object.__setattr__(self, "group_ids", [group.id for group in self.agreements.groups])
        object.__setattr__(self, "withdrawn", frozenset(withdrawals(self.agreements)))
        by_id: dict[str, Agreement] = {}
        parts_of: dict[str, list[Agreement]] = {}
        for agreement in self.agreements.agreements:
            by_id.setdefault(agreement.id, agreement)
            if agreement.parent is not None:
                parts_of.setdefault(agreement.parent, []).append(agreement)
        object.__setattr__(self, "by_id", by_id)
        object.__setattr__(self, "parts_of", parts_of)
        object.__setattr__(self, "earlier", {agreement.id: agreement for agreement in previous})

    @property
    def references(self) -> list[str]:
        """The ids an owner or contributor may name: every party and group."""
        return [*self.party_ids, *self.group_ids]


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
    # Every monitor file of the run that names the same set, this one among them, in file order.
    monitor_paths: Sequence[str] = ()
    # Made once per file rather than for each measurement: the ids of the set's agreements
    # (a frozenset: looked up for each measurement, and indexed once for a did-you-mean),
    # of its parties and of its groups, in order, and of the agreements a set amendment
    # withdrew (none without the set); and the agreements by id (the first one of a
    # duplicate id).
    agreement_ids: AbstractSet[str] = field(init=False, repr=False, compare=False)
    party_ids: Sequence[str] = field(init=False, repr=False, compare=False)
    group_ids: Sequence[str] = field(init=False, repr=False, compare=False)
    withdrawn: AbstractSet[str] = field(init=False, repr=False, compare=False)
    by_id: Mapping[str, Agreement] = field(init=False, repr=False, compare=False)
    # The progress of each agreement of the set at the run's date, by the agreement's
    # identity, made by the first rule that asks (``_measured.Measured.progress``).
    progress_made: dict[int, object] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    # Each agreement of the set with its measurements, made by the first rule that asks
    # (``_measured.measured``): three rules go through them.
    measured_made: list[object] = field(init=False, repr=False, compare=False, default_factory=list)

    def __post_init__(self) -> None:
        found = self.agreements
        agreements = found.agreements if found is not None else []
        parties = found.parties if found is not None else []
        groups = found.groups if found is not None else []
        object.__setattr__(self, "agreement_ids", frozenset(item.id for item in agreements))
        object.__setattr__(self, "party_ids", [party.id for party in parties])
        object.__setattr__(self, "group_ids", [group.id for group in groups])
        withdrawn = frozenset(withdrawals(found)) if found is not None else frozenset()
        object.__setattr__(self, "withdrawn", withdrawn)
        by_id: dict[str, Agreement] = {}
        for agreement in agreements:
            by_id.setdefault(agreement.id, agreement)
        object.__setattr__(self, "by_id", by_id)


class Rule:
    """Base of all rules: subclasses set the class attributes and one check method."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Level]
    scope: ClassVar[Scope]
    wording: ClassVar[Wording]
    example_pass: ClassVar[str]
    example_fail: ClassVar[str]
    # The reference date the examples are meant for, when it matters.
    example_as_of: ClassVar[date | None] = None
    # Of a monitor rule: agreements (a YAML list) added to the small set its examples
    # measure, when they measure what that set does not have.
    example_agreements: ClassVar[str] = ""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        """The findings in a set: those of each of its agreements, in their order."""
        # Rules of monitors and of the set as a whole judge no single agreement.
        if type(self).check_agreement is Rule.check_agreement:
            return
        for index, agreement in enumerate(context.agreements.agreements):
            yield from self.check_agreement(context, index, agreement)

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        """The findings in the agreement at ``agreements[index]`` of the set."""
        return iter(())

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        """The findings in a monitor file: those of each of its measurements, in their
        order, when the run has the monitor's set."""
        agreements = context.agreements
        # Most rules judge no single measurement: spare them a call for each one (a cold
        # check of the benchmark corpus was 2 % slower with the loop run for every rule).
        if agreements is None or type(self).check_measurement is Rule.check_measurement:
            return
        for index, measurement in enumerate(context.monitor.measurements):
            yield from self.check_measurement(context, agreements, index, measurement)

    def check_measurement(
        self,
        context: MonitorContext,
        agreements: AgreementSet,
        index: int,
        measurement: Measurement,
    ) -> Iterator[Finding]:
        """The findings in the measurement at ``measurements[index]`` of the monitor, whose
        set is ``agreements``."""
        return iter(())
