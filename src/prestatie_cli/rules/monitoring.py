"""P607-P611 and P625-P626, monitor files: measurements and the states of conditions belong to
a known set, agreement and condition, inside its term, reported by a party of the set, and
can count for the agreement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from prestatie_cli.model.agreements import AgreementSet, Measurement, Period
from prestatie_cli.model.findings import suggestion
from prestatie_cli.model.structure import term_end, withdrawals
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
    """A measurement, and a recorded state of a condition, refer to an agreement id of its set."""

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
        "message.condition": {
            "nl": "De stand van voorbehoud '{condition}' verwijst naar afspraak '{id}', die niet in "
            "set {set} staat.",
            "en": "The state of condition '{condition}' refers to agreement '{id}', which is not in "
            "set {set}.",
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

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        yield from super().check_monitor(context)
        agreements = context.agreements
        if agreements is None:
            return
        known = context.agreement_ids
        for index, record in enumerate(context.monitor.conditions):
            if record.agreement not in known:
                yield Finding(
                    self.code,
                    ("conditions", index, "agreement"),
                    {
                        "id": record.agreement,
                        "condition": record.condition,
                        "set": agreements.id,
                        "suggestion": suggestion(record.agreement, known),
                    },
                    variant="condition",
                )

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

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        # Each measurement in turn, against the term worked out once for the file.
        agreements = context.agreements
        if agreements is None:
            return
        term = Period(start=agreements.period.start, end=term_end(agreements))
        for index, measurement in enumerate(context.monitor.measurements):
            day = measurement.date
            if term.contains(day) or (day > term.end and self._beyond(agreements, measurement)):
                continue
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


class MeasurementNotCounted(Rule):
    """A measurement counts for its agreement: not of a context paragraph, a request that was
    not accepted, an agreement withdrawn on or before its date, or dated before the
    agreement's ``effective_from``. Such a measurement is kept, but never counts."""

    code = "P625"
    name = "measurement-not-counted"
    severity = "warning"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Meting telt niet mee", "en": "Measurement does not count"},
        "message": {
            "nl": "De meting van {id} op {date} telt niet mee: de afspraak geldt pas vanaf "
            "{effective_from} (effective_from).",
            "en": "The measurement of {id} on {date} does not count: the agreement applies only "
            "from {effective_from} (effective_from).",
        },
        "hint": {
            "nl": "Controleer de datum: wat vóór {effective_from} gebeurde, telt niet voor deze "
            "afspraak.",
            "en": "Check the date: what happened before {effective_from} does not count for this "
            "agreement.",
        },
        "message.context": {
            "nl": "De meting van {id} op {date} telt nooit mee: {id} is een toelichting "
            "(kind: context), geen afspraak die iemand nakomt.",
            "en": "The measurement of {id} on {date} never counts: {id} is context "
            "(kind: context), not an agreement anyone keeps.",
        },
        "hint.context": {
            "nl": "Meet de afspraak waar deze tekst bij hoort, of verwijder de meting.",
            "en": "Measure the agreement this text belongs to, or remove the measurement.",
        },
        "message.withdrawn": {
            "nl": "De meting van {id} op {date} telt niet mee: {id} is op {withdrawn} ingetrokken.",
            "en": "The measurement of {id} on {date} does not count: {id} was withdrawn on "
            "{withdrawn}.",
        },
        "hint.withdrawn": {
            "nl": "Verwijder de meting, of meet de afspraak die ervoor in de plaats kwam.",
            "en": "Remove the measurement, or measure the agreement that took its place.",
        },
        "message.request": {
            "nl": "De meting van {id} op {date} telt niet mee: het verzoek is niet aanvaard, dus "
            "niemand is het verschuldigd.",
            "en": "The measurement of {id} on {date} does not count: the request was not "
            "accepted, so nobody owes it.",
        },
        "hint.request": {
            "nl": "Aanvaardt de gevraagde partij het verzoek, leg dat dan vast onder 'answer' "
            "(state: accepted, met de datum); tot dan telt geen meting.",
            "en": "When the asked party accepts the request, record it under 'answer' "
            "(state: accepted, with the date); until then no measurement counts.",
        },
        "message.declined": {
            "nl": "De meting van {id} op {date} telt niet mee: het verzoek is afgewezen.",
            "en": "The measurement of {id} on {date} does not count: the request was declined.",
        },
        "hint.declined": {
            "nl": "Verwijder de meting; een afgewezen verzoek is niemands afspraak.",
            "en": "Remove the measurement; a declined request is nobody's agreement.",
        },
        "rationale": {
            "nl": "Een meting die nergens meetelt, wekt de indruk dat er voortgang is gemeten "
            "terwijl de status er niets mee doet.",
            "en": "A measurement that counts for nothing suggests progress was measured, while "
            "the status ignores it.",
        },
    }
    example_agreements = """\
- id: K-00
  title: Gezamenlijke ambitie
  text: Partijen streven naar zoveel mogelijk betaalbare woningen.
  theme: inleiding
  kind: context
"""
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, source: Jaarverslag 2017, reported_by: corp-a}
"""
    example_fail = """\
measurements:
  - {agreement: K-00, date: 2017-12-31, value: 45, source: Jaarverslag 2017, reported_by: corp-a}
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        agreements = context.agreements
        if agreements is None:
            return
        withdrawn = withdrawals(agreements)
        for index, measurement in enumerate(context.monitor.measurements):
            agreement = context.by_id.get(measurement.agreement)
            if agreement is None:
                continue  # P608
            day = measurement.date
            values = {"id": agreement.id, "date": day.isoformat()}
            withdrawal = withdrawn.get(agreement.id)
            variant: str | None = None
            pointer: tuple[str | int, ...] = ("measurements", index, "agreement")
            if withdrawal is not None and withdrawal.date <= day:
                variant = "withdrawn"
                values["withdrawn"] = withdrawal.date.isoformat()
            elif agreement.kind == "context":
                variant = "context"
            elif agreement.kind == "request" and not agreement.is_commitment:
                answer = agreement.answer
                variant = (
                    "declined" if answer is not None and answer.state == "declined" else ("request")
                )
            elif agreement.effective_from is not None and day < agreement.effective_from:
                variant = ""
                values["effective_from"] = agreement.effective_from.isoformat()
                pointer = ("measurements", index, "date")
            if variant is not None:
                yield Finding(self.code, pointer, values, variant=variant, agreement=agreement.id)


class UnknownCondition(Rule):
    """A recorded state of a condition names a condition of that agreement (its ``id`` under
    the agreement's ``conditions`` in the set)."""

    code = "P626"
    name = "unknown-condition"
    severity = "error"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Onbekend voorbehoud", "en": "Unknown condition"},
        "message": {
            "nl": "Afspraak {id} heeft geen voorbehoud '{condition}'.",
            "en": "Agreement {id} has no condition '{condition}'.",
        },
        "hint": {
            "nl": "Gebruik de id van een voorbehoud van {id}: {known}.",
            "en": "Use the id of a condition of {id}: {known}.",
        },
        "message.none": {
            "nl": "Afspraak {id} heeft geen voorbehouden (conditions), dus ook geen '{condition}'.",
            "en": "Agreement {id} has no conditions, so no '{condition}' either.",
        },
        "hint.none": {
            "nl": "Leg het voorbehoud vast onder 'conditions' van {id} in de set, of verwijs naar "
            "de afspraak waar het bij hoort.",
            "en": "Record the condition under 'conditions' of {id} in the set, or refer to the "
            "agreement it belongs to.",
        },
        "rationale": {
            "nl": "De stand van een voorbehoud dat de afspraak niet kent, telt nergens mee: de "
            "afspraak lijkt onvoorwaardelijk door te lopen.",
            "en": "The state of a condition the agreement does not have counts for nothing: the "
            "agreement seems to go on unconditionally.",
        },
    }
    example_pass = """\
conditions: []
"""
    example_fail = """\
conditions:
  - {agreement: BS-01, condition: vergunning, date: 2017-03-01, state: met, source: Besluit}
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        agreements = context.agreements
        if agreements is None:
            return
        for index, record in enumerate(context.monitor.conditions):
            agreement = context.by_id.get(record.agreement)
            if agreement is None:
                continue  # P608
            known = [condition.id for condition in agreement.conditions]
            if record.condition in known:
                continue
            yield Finding(
                self.code,
                ("conditions", index, "condition"),
                {
                    "id": agreement.id,
                    "condition": record.condition,
                    "known": ", ".join(known),
                    "suggestion": suggestion(record.condition, known),
                },
                variant="" if known else "none",
                agreement=agreement.id,
            )


RULES: tuple[Rule, ...] = (
    UnknownSet(),
    UnknownAgreement(),
    MeasurementOutsidePeriod(),
    UnknownReporter(),
    MeasurementNotCounted(),
    UnknownCondition(),
)
