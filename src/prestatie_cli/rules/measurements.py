"""P612-P614 and P627, monitor files: the measurements and the recorded states of conditions
are consistent, complete and sourced."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from prestatie_cli.model.agreements import ConditionRecord, Measurement
from prestatie_cli.model.structure import rolled_up_parts
from prestatie_cli.progress.calculation import missing_periods
from prestatie_cli.rules._judged import condition_failed, judged_kind
from prestatie_cli.rules._measured import measured
from prestatie_cli.rules.base import Finding, MonitorContext, Rule, Wording


class ConflictingMeasurements(Rule):
    """One agreement, one date, one value: two different values cannot both be true. So
    for a condition: one state on one date."""

    code = "P612"
    name = "conflicting-measurements"
    severity = "error"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Tegenstrijdige metingen", "en": "Conflicting measurements"},
        "message": {
            "nl": "{id} heeft op {date} twee verschillende waarden (de andere op regel {first}).",
            "en": "{id} has two different values on {date} (the other on line {first}).",
        },
        "message.condition": {
            "nl": "Voorbehoud '{condition}' van {id} heeft op {date} twee verschillende standen "
            "(de andere op regel {first}).",
            "en": "Condition '{condition}' of {id} has two different states on {date} (the other "
            "on line {first}).",
        },
        "hint.condition": {
            "nl": "Stel vast welke stand klopt en verwijder de andere, of geef ze verschillende "
            "datums.",
            "en": "Establish which state is right and remove the other, or give them different "
            "dates.",
        },
        "hint": {
            "nl": "Stel vast welke waarde klopt en verwijder de andere, of geef ze verschillende peildatums.",
            "en": "Establish which value is right and remove the other, or give them different reference dates.",
        },
        "rationale": {
            "nl": "Twee waarden voor één peildatum maken de voortgang onbepaald; partijen moeten het eens zijn "
            "over de feiten.",
            "en": "Two values for one reference date leave progress undetermined; the parties must agree on "
            "the facts.",
        },
    }
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, source: Jaarverslag 2017, reported_by: corp-a}
  - {agreement: BS-01, date: 2018-12-31, value: 50, source: Jaarverslag 2018, reported_by: corp-a}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, source: Jaarverslag 2017, reported_by: corp-a}
  - {agreement: BS-01, date: 2017-12-31, value: 54, source: Monitor gemeente, reported_by: gemeente}
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        seen: dict[tuple[str, str], tuple[int, Measurement]] = {}
        for index, measurement in enumerate(context.monitor.measurements):
            key = (measurement.agreement, measurement.date.isoformat())
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = (index, measurement)
                continue
            if earlier[1].value != measurement.value:
                line = context.document.span(("measurements", earlier[0])).line
                yield Finding(
                    self.code,
                    ("measurements", index, "value"),
                    {
                        "id": measurement.agreement,
                        "date": measurement.date.isoformat(),
                        "first": str(line),
                    },
                    agreement=measurement.agreement,
                )
        states: dict[tuple[str, str, str], tuple[int, ConditionRecord]] = {}
        for index, record in enumerate(context.monitor.conditions):
            written = (record.agreement, record.condition, record.date.isoformat())
            found = states.setdefault(written, (index, record))
            if found[1].state != record.state:
                line = context.document.span(("conditions", found[0])).line
                yield Finding(
                    self.code,
                    ("conditions", index, "state"),
                    {
                        "id": record.agreement,
                        "condition": record.condition,
                        "date": record.date.isoformat(),
                        "first": str(line),
                    },
                    variant="condition",
                    agreement=record.agreement,
                )


class MeasurementMissing(Rule):
    """An agreement measured monthly, quarterly, half-yearly or yearly has a measurement for
    each period.

    Nothing is due before the agreement's ``effective_from``, nor for what nobody owes
    (context, a request not accepted, a withdrawn agreement) or an agreement whose condition
    failed. A parent whose figure is the sum of its parts is measured by its parts'
    measurements. A period measured as ``false`` is not missing: the duty was missed, which
    the status shows.
    """

    code = "P613"
    name = "measurement-missing"
    severity = "warning"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Meting ontbreekt", "en": "Measurement missing"},
        "message": {
            "nl": "Voor {id} ontbreekt de meting over {start} tot en met {end}.",
            "en": "{id} has no measurement for {start} to {end}.",
        },
        "hint": {
            "nl": "Voeg de meting toe met: prestatie record {id} WAARDE --date {end} --source BRON",
            "en": "Add the measurement with: prestatie record {id} VALUE --date {end} --source SOURCE",
        },
        "rationale": {
            "nl": "Een afspraak die periodiek gemonitord wordt, heeft voor elke verstreken periode een meting; "
            "anders is de voortgang niet te volgen.",
            "en": "An agreement that is monitored periodically has a measurement for each past period; "
            "otherwise its progress cannot be followed.",
        },
    }
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2016-12-31, value: 30, source: Jaarverslag 2016, reported_by: corp-a}
  - {agreement: BS-01, date: 2017-12-31, value: 45, source: Jaarverslag 2017, reported_by: corp-a}
  - {agreement: BS-01, date: 2018-12-31, value: 60, source: Jaarverslag 2018, reported_by: corp-a}
  - {agreement: BS-01, date: 2019-12-31, value: 45, source: Jaarverslag 2019, reported_by: corp-a}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2016-12-31, value: 30, source: Jaarverslag 2016, reported_by: corp-a}
  - {agreement: BS-01, date: 2018-12-31, value: 105, source: Jaarverslag 2018, reported_by: corp-a}
  - {agreement: BS-01, date: 2019-12-31, value: 45, source: Jaarverslag 2019, reported_by: corp-a}
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        agreements = context.agreements
        if agreements is None:
            return
        # Only these may add up parts (rolled_up_parts looks through the whole set).
        parents = {agreement.parent for agreement in agreements.agreements if agreement.parent}
        for item in measured(context):
            agreement = item.agreement
            if agreement.frequency is None or judged_kind(agreement, context.withdrawn) is None:
                continue
            if condition_failed(agreement, context.monitor.conditions, context.as_of):
                continue
            measurements = item.measurements
            if not measurements and agreement.id in parents:
                for part in rolled_up_parts(agreements, agreement):
                    measurements.extend(item.measurements_of.get(part.id, []))
            for first, last in missing_periods(
                agreement,
                measurements,
                context.as_of,
                item.period,
                context.thresholds.grace_days,
                agreement_set=agreements,
            ):
                yield Finding(
                    self.code,
                    ("measurements",),
                    {"id": agreement.id, "start": first.isoformat(), "end": last.isoformat()},
                    at_key="measurements" in context.document.data,
                    agreement=agreement.id,
                )


class MissingEvidence(Rule):
    """Each measurement says where it comes from and who reported it, so it can be checked.

    A yes/no measurement (was the duty done?) needs only its source: the minutes or the
    mail show it; who reported a figure matters for figures. A recorded state of a condition
    (met or not met) says where it comes from too: the decision, the letter, the ruling.
    """

    code = "P614"
    name = "missing-evidence"
    severity = "warning"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Bron of melder ontbreekt", "en": "Evidence missing"},
        "message": {
            "nl": "De meting van {id} vermeldt geen {missing}.",
            "en": "The measurement of {id} does not give its {missing}.",
        },
        "message.condition": {
            "nl": "De stand van voorbehoud '{condition}' van {id} op {date} vermeldt geen bron "
            "(source).",
            "en": "The state of condition '{condition}' of {id} on {date} gives no source.",
        },
        "hint.condition": {
            "nl": "Vul 'source' in: het besluit, de brief of de uitspraak waaruit de stand blijkt.",
            "en": "Fill in 'source': the decision, letter or ruling that shows the state.",
        },
        "hint": {
            "nl": "Vul 'source' (document of link) en 'reported_by' (de partij die de meting aanlevert) in.",
            "en": "Fill in 'source' (a document or link) and 'reported_by' (the party supplying the measurement).",
        },
        "rationale": {
            "nl": "Een meting zonder bron en melder is niet na te gaan; partijen moeten elkaars cijfers kunnen "
            "controleren.",
            "en": "A measurement without source and reporter cannot be verified; the parties must be able to "
            "check each other's figures.",
        },
    }
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, source: Jaarverslag 2017, reported_by: corp-a}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45}
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        for index, measurement in enumerate(context.monitor.measurements):
            missing = [
                name
                for name, value in (
                    ("source", measurement.source),
                    ("reported_by", measurement.reported_by),
                )
                if not (value or "").strip()
                and not (name == "reported_by" and isinstance(measurement.value, bool))
            ]
            if missing:
                yield Finding(
                    self.code,
                    ("measurements", index),
                    {"id": measurement.agreement, "missing": ", ".join(missing)},
                    agreement=measurement.agreement,
                )
        for index, record in enumerate(context.monitor.conditions):
            # An open state claims nothing yet; met and not met rest on a document.
            if record.state != "open" and not (record.source or "").strip():
                yield Finding(
                    self.code,
                    ("conditions", index),
                    {
                        "id": record.agreement,
                        "condition": record.condition,
                        "date": record.date.isoformat(),
                    },
                    variant="condition",
                    agreement=record.agreement,
                )


class MeasurementIndex(Rule):
    """A measurement of a target set against an outside index (``index:``) records that
    index's value, without which it cannot be judged; a measurement of any other target
    records none."""

    code = "P627"
    name = "measurement-index"
    severity = "warning"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Index van een meting", "en": "Index of a measurement"},
        "message": {
            "nl": "De meting van {id} op {date} mist de stand van de index ({index}): het doel is "
            "een afwijking daarvan, dus de meting is niet te beoordelen.",
            "en": "The measurement of {id} on {date} lacks the value of the index ({index}): the "
            "target is an offset from it, so the measurement cannot be judged.",
        },
        "hint": {
            "nl": "Vul bij de meting 'index' in met de stand van {index} over dezelfde periode.",
            "en": "Fill in 'index' on the measurement with the value of {index} for the same "
            "period.",
        },
        "message.unexpected": {
            "nl": "De meting van {id} op {date} heeft een index, maar het doel van {id} is niet "
            "aan een index gekoppeld.",
            "en": "The measurement of {id} on {date} has an index, but the target of {id} is not "
            "set against one.",
        },
        "hint.unexpected": {
            "nl": "Verwijder 'index' bij de meting, of zet bij het doel 'index:' met de naam van "
            "de index als het doel een afwijking daarvan is.",
            "en": "Remove 'index' from the measurement, or give the target 'index:' with the "
            "index's name when the target is an offset from it.",
        },
        "rationale": {
            "nl": "Een doel als 'inflatie min 0,5 procentpunt' is alleen te toetsen met de stand "
            "van de inflatie erbij; een index bij een ander doel wijst op een vergissing.",
            "en": "A target such as 'inflation minus 0.5 point' can only be judged with the "
            "inflation beside it; an index on another target points at a mistake.",
        },
    }
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, source: Jaarverslag 2017, reported_by: corp-a}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, index: 2.5, source: Jaarverslag 2017,
     reported_by: corp-a}
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        agreements = context.agreements
        if agreements is None:
            return
        for index, measurement in enumerate(context.monitor.measurements):
            agreement = context.by_id.get(measurement.agreement)
            if agreement is None:
                continue  # P608
            outside = agreement.target.index if agreement.target is not None else None
            values = {"id": agreement.id, "date": measurement.date.isoformat()}
            if outside is None and measurement.index is not None:
                yield Finding(
                    self.code,
                    ("measurements", index, "index"),
                    values,
                    at_key=True,
                    variant="unexpected",
                    agreement=agreement.id,
                )
            elif (
                outside is not None
                and measurement.index is None
                and not isinstance(measurement.value, bool)
            ):
                yield Finding(
                    self.code,
                    ("measurements", index),
                    {**values, "index": outside},
                    agreement=agreement.id,
                )


RULES: tuple[Rule, ...] = (
    ConflictingMeasurements(),
    MeasurementMissing(),
    MissingEvidence(),
    MeasurementIndex(),
)
