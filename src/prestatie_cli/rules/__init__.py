"""The explicit registry of rules, keyed by code and sorted by it."""

from __future__ import annotations

from prestatie_cli.rules.assignable import MissingOwner, UnknownContributor, UnknownOwner
from prestatie_cli.rules.base import Finding, MonitorContext, Rule, SetContext
from prestatie_cli.rules.changes import StaleSignature, UnamendedChange
from prestatie_cli.rules.measurable import (
    MissingBaseline,
    MissingTarget,
    MissingUnit,
    ThousandsSeparator,
)
from prestatie_cli.rules.monitoring import (
    MeasurementOutsidePeriod,
    UnknownAgreement,
    UnknownReporter,
    UnknownSet,
)
from prestatie_cli.rules.parties import (
    AmendmentWithoutConsent,
    DuplicateId,
    MissingRole,
    NotSigned,
    OwesNothing,
    UnknownParty,
    UnknownWaiverRule,
)
from prestatie_cli.rules.progressing import (
    ConflictingMeasurements,
    DeadlinePassed,
    MeasurementMissing,
    MissingEvidence,
    UnrealisticPace,
)
from prestatie_cli.rules.realistic import MetAtBaseline
from prestatie_cli.rules.specific import MissingWording, VagueWording
from prestatie_cli.rules.timebound import (
    DeadlineOutsidePeriod,
    MilestoneOutOfRange,
    MissingDeadline,
)

_RULES: tuple[Rule, ...] = (
    VagueWording(),
    MissingWording(),
    MissingTarget(),
    MissingUnit(),
    MissingBaseline(),
    ThousandsSeparator(),
    MissingOwner(),
    UnknownOwner(),
    UnknownContributor(),
    MetAtBaseline(),
    MissingDeadline(),
    DeadlineOutsidePeriod(),
    MilestoneOutOfRange(),
    MissingRole(),
    OwesNothing(),
    DuplicateId(),
    NotSigned(),
    UnknownParty(),
    AmendmentWithoutConsent(),
    UnknownSet(),
    UnknownAgreement(),
    MeasurementOutsidePeriod(),
    UnknownWaiverRule(),
    UnknownReporter(),
    DeadlinePassed(),
    UnrealisticPace(),
    ConflictingMeasurements(),
    MeasurementMissing(),
    MissingEvidence(),
    UnamendedChange(),
    StaleSignature(),
)

REGISTRY: dict[str, Rule] = {rule.code: rule for rule in sorted(_RULES, key=lambda r: r.code)}

__all__ = ["REGISTRY", "Finding", "MonitorContext", "Rule", "SetContext"]
