"""P607-P611, monitor files: measurements belong to a known set and agreement, inside its term,
reported by a party of the set."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from prestatie_cli.model.agreements import AgreementSet, Measurement, Period
from prestatie_cli.model.findings import suggestion
from prestatie_cli.model.structure import term_end
from prestatie_cli.rules._term import term_values
from prestatie_cli.rules._unknown import unknown_party
from prestatie_cli.rules.base import Finding, MonitorContext, Rule, Wording


class UnknownSet(Rule):
    """A monitor file measures the agreements of a set that is checked with it."""

    code = "P607"
    name = "unknown-set"
    severity = "warning"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Onbekende set", "en": "Unknown set"},
        "message": {
            "nl": "De set '{set}' waar deze monitor bij hoort is niet gevonden.",
            "en": "The set '{set}' that this monitor belongs to was not found.",
        },
        "message.broken": {
            "nl": "De set '{set}' staat in {file}, maar dat bestand is geen geldige set; "
            "deze metingen worden getoetst zodra het dat wel is.",
            "en": "The set '{set}' is in {file}, but that file is not a valid set; "
            "these measurements are checked once it is.",
        },
        "hint.broken": {
            "nl": "Los eerst de fouten in {file} op (prestatie check {file}).",
            "en": "Fix the errors in {file} first (prestatie check {file}).",
        },
        "hint": {
            "nl": "Controleer de set-id en controleer de monitor samen met zijn afspraken, "
            "bijvoorbeeld: prestatie check afspraken/ monitor/",
            "en": "Check the set id and check the monitor together with its agreements, "
            "for example: prestatie check afspraken/ monitor/",
        },
        "rationale": {
            "nl": "Metingen zijn alleen te controleren tegen de afspraken waar ze over gaan.",
            "en": "Measurements can only be checked against the agreements they are about.",
        },
    }
    example_pass = """\
set: voorbeeld-2016-2019
"""
    example_fail = """\
set: voorbeeld-2016-2091
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        wanted = context.monitor.set
        if context.agreements is None and context.broken_set is not None:
            # The set is there but has errors of its own: no other set is meant.
            yield Finding(
                self.code, ("set",), {"set": wanted, "file": context.broken_set}, variant="broken"
            )
        elif context.agreements is None:
            yield Finding(
                self.code,
                ("set",),
                {"set": wanted, "suggestion": suggestion(wanted, context.set_ids)},
            )


class UnknownAgreement(Rule):
    """A measurement refers to an agreement id of its set."""

    code = "P608"
    name = "unknown-agreement"
    severity = "error"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Onbekende afspraak", "en": "Unknown agreement"},
        "message": {
            "nl": "De meting verwijst naar afspraak '{id}', die niet in set {set} staat.",
            "en": "The measurement refers to agreement '{id}', which is not in set {set}.",
        },
        "hint": {
            "nl": "Gebruik de id van een afspraak uit de set.",
            "en": "Use the id of an agreement of the set.",
        },
        "rationale": {
            "nl": "Een meting bij een verkeerde id telt nergens mee, en de echte afspraak lijkt "
            "ongemeten.",
            "en": "A measurement under a wrong id counts for nothing, and the real agreement looks "
            "unmeasured.",
        },
    }
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, source: Jaarverslag 2017}
"""
    example_fail = """\
measurements:
  - {agreement: BS-1, date: 2017-12-31, value: 45, source: Jaarverslag 2017}
"""

    def check_measurement(
        self,
        context: MonitorContext,
        agreements: AgreementSet,
        index: int,
        measurement: Measurement,
    ) -> Iterator[Finding]:
        known = context.agreement_ids
        if measurement.agreement not in known:
            yield Finding(
                self.code,
                ("measurements", index, "agreement"),
                {
                    "id": measurement.agreement,
                    "set": agreements.id,
                    "suggestion": suggestion(measurement.agreement, known),
                },
            )


class MeasurementOutsidePeriod(Rule):
    """A measurement dated outside the term does not count for it.

    The term ends at the period's end, or later when a set amendment extends it; a
    measurement of an agreement marked ``beyond_term`` may fall after it.
    """

    code = "P609"
    name = "measurement-outside-period"
    severity = "warning"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Meting buiten de looptijd", "en": "Measurement outside period"},
        "message": {
            "nl": "De meting van {date} valt buiten de looptijd {start} tot en met {end}.",
            "en": "The measurement of {date} lies outside the period {start} to {end}.",
        },
        "hint": {
            "nl": "Controleer de datum; een meting voor een andere periode hoort bij een andere set.",
            "en": "Check the date; a measurement for another period belongs to another set.",
        },
        "rationale": {
            "nl": "Alleen metingen binnen de looptijd zeggen iets over deze afspraken.",
            "en": "Only measurements inside the period say something about these agreements.",
        },
    }
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, source: Jaarverslag 2017}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2071-12-31, value: 45, source: Jaarverslag 2017}
"""

    def check_measurement(
        self,
        context: MonitorContext,
        agreements: AgreementSet,
        index: int,
        measurement: Measurement,
    ) -> Iterator[Finding]:
        term = Period(start=agreements.period.start, end=term_end(agreements))
        day = measurement.date
        if term.contains(day) or (day > term.end and self._beyond(agreements, measurement)):
            return
        yield Finding(
            self.code,
            ("measurements", index, "date"),
            {"date": day.isoformat(), **term_values(term)},
        )

    @staticmethod
    def _beyond(agreements: AgreementSet, measurement: Measurement) -> bool:
        """Whether the measured agreement runs past the term on purpose."""
        return any(
            agreement.beyond_term
            for agreement in agreements.agreements
            if agreement.id == measurement.agreement
        )


class UnknownReporter(Rule):
    """Who reported a measurement is one of the parties of the set, or one of its groups
    (a federation reporting for its members)."""

    code = "P611"
    name = "unknown-reporter"
    severity = "warning"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Onbekende melder", "en": "Unknown reporter"},
        "message": {
            "nl": "De meting is gemeld door '{party}', geen partij in de set.",
            "en": "The measurement was reported by '{party}', not a party to the set.",
        },
        "hint": {
            "nl": "Gebruik bij 'reported_by' de id van een partij: {known}.",
            "en": "Use the id of a party for 'reported_by': {known}.",
        },
        "hint.groups": {
            "nl": "Gebruik bij 'reported_by' de id van een partij of groep: {known}.",
            "en": "Use the id of a party or group for 'reported_by': {known}.",
        },
        "rationale": {
            "nl": "Bij elke meting hoort wie hem heeft aangeleverd, zodat partijen elkaar kunnen "
            "bevragen.",
            "en": "Every measurement names who supplied it, so that the parties can ask each other.",
        },
    }
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, reported_by: corp-a}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, reported_by: corporatie}
"""

    def check_measurement(
        self,
        context: MonitorContext,
        agreements: AgreementSet,
        index: int,
        measurement: Measurement,
    ) -> Iterator[Finding]:
        known = [*context.party_ids, *context.group_ids]
        if measurement.reported_by is not None and measurement.reported_by not in known:
            yield Finding(
                self.code,
                ("measurements", index, "reported_by"),
                unknown_party(measurement.reported_by, known),
                variant="groups" if context.group_ids else "",
            )


RULES: tuple[Rule, ...] = (
    UnknownSet(),
    UnknownAgreement(),
    MeasurementOutsidePeriod(),
    UnknownReporter(),
)
