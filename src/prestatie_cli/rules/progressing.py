"""Rules on measured progress, in monitor files: late, unrealistic, contradictory, missing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from prestatie_cli.model.agreements import Agreement, AgreementSet, Measurement
from prestatie_cli.progress.calculation import Progress, missing_periods, paces, progress
from prestatie_cli.rules.base import Finding, MonitorContext, Rule, SetContext

Indexed = list[tuple[int, Measurement]]


def by_agreement(context: MonitorContext) -> tuple[AgreementSet | None, dict[str, Indexed]]:
    """The monitor's set and its measurements per agreement id, with their index."""
    grouped: dict[str, Indexed] = defaultdict(list)
    for index, measurement in enumerate(context.monitor.measurements):
        grouped[measurement.agreement].append((index, measurement))
    return context.agreements, grouped


def _where(indexed: Indexed) -> tuple[str | int, ...]:
    """The latest measurement of an agreement, or the monitor's set key when there is none."""
    if not indexed:
        return ("set",)
    index, _ = max(indexed, key=lambda pair: (pair[1].date, pair[0]))
    return ("measurements", index)


def _progress_of(
    agreement: Agreement, indexed: Indexed, agreements: AgreementSet, context: MonitorContext
) -> Progress:
    """Where ``agreement`` stands at the run's date, from its measurements in the monitor."""
    return progress(
        agreement,
        (m for _, m in indexed),
        context.as_of,
        agreements.period,
        context.thresholds,
    )


class DeadlinePassed(Rule):
    """A deadline that passed without the target met needs an explanation (rood)."""

    code = "T504"
    name = "deadline-passed"
    severity = "warning"
    scope = "monitor"
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2019-12-31, value: 180, source: Jaarverslag 2019, reported_by: corp-a}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2019-12-31, value: 120, source: Jaarverslag 2019, reported_by: corp-a}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        # Without any monitor file nothing shows a target met: say so at each passed deadline.
        if context.monitored:
            return
        for index, agreement in enumerate(context.agreements.agreements):
            deadline = agreement.deadline
            if agreement.kind != "effort" and deadline is not None and context.as_of > deadline:
                yield Finding(
                    self.code,
                    ("agreements", index, "deadline"),
                    {"id": agreement.id, "deadline": deadline.isoformat()},
                    variant="unmeasured",
                )

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        agreements, grouped = by_agreement(context)
        if agreements is None:
            return
        for agreement in agreements.agreements:
            if agreement.kind == "effort" or agreement.deadline is None:
                continue
            if context.as_of <= agreement.deadline:
                continue
            indexed = grouped.get(agreement.id, [])
            found = _progress_of(agreement, indexed, agreements, context)
            if found.status in ("overdue", "no_data"):
                variant = "unmeasured" if found.status == "no_data" else ""
                if found.periods_missed:
                    variant = "periods"
                yield Finding(
                    self.code,
                    _where(indexed),
                    {
                        "id": agreement.id,
                        "deadline": agreement.deadline.isoformat(),
                        "missed": str(found.periods_missed),
                        "measured": str(found.periods_measured),
                    },
                    variant=variant,
                    agreement=agreement.id,
                )


class UnrealisticPace(Rule):
    """When the pace still needed is a multiple of the pace so far, steer now, not at the end."""

    code = "R402"
    name = "unrealistic-pace"
    severity = "warning"
    scope = "monitor"
    example_as_of = date(2018, 6, 30)
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 90, source: Jaarverslag 2017, reported_by: corp-a}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 10, source: Jaarverslag 2017, reported_by: corp-a}
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        agreements, grouped = by_agreement(context)
        if agreements is None:
            return
        factor = context.thresholds.pace_factor
        for agreement in agreements.agreements:
            indexed = grouped.get(agreement.id, [])
            found = _progress_of(agreement, indexed, agreements, context)
            pace = paces(found)
            if pace is None or found.deadline_passed:
                continue
            needed, measured = pace
            if needed > 0 and (measured <= 0 or needed > factor * measured):
                yield Finding(
                    self.code,
                    _where(indexed),
                    {
                        "id": agreement.id,
                        "needed": round(needed * 365, 1),
                        "measured": round(measured * 365, 1),
                        "factor": float(factor),
                    },
                    variant="" if measured > 0 else "stalled",
                    agreement=agreement.id,
                )


class ConflictingMeasurements(Rule):
    """One agreement, one date, one value: two different values cannot both be true."""

    code = "P612"
    name = "conflicting-measurements"
    severity = "error"
    scope = "monitor"
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


class MeasurementMissing(Rule):
    """An agreement measured yearly (or half-yearly, quarterly) has a measurement for each period."""

    code = "P613"
    name = "measurement-missing"
    severity = "warning"
    scope = "monitor"
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
        agreements, grouped = by_agreement(context)
        if agreements is None:
            return
        for agreement in agreements.agreements:
            indexed = grouped.get(agreement.id, [])
            for first, last in missing_periods(
                agreement,
                (m for _, m in indexed),
                context.as_of,
                agreements.period,
                context.thresholds.grace_days,
            ):
                yield Finding(
                    self.code,
                    ("measurements",),
                    {"id": agreement.id, "start": first.isoformat(), "end": last.isoformat()},
                    at_key="measurements" in context.document.data,
                    agreement=agreement.id,
                )


class MissingEvidence(Rule):
    """Each measurement says where it comes from and who reported it, so it can be checked."""

    code = "P614"
    name = "missing-evidence"
    severity = "warning"
    scope = "monitor"
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
            ]
            if missing:
                yield Finding(
                    self.code,
                    ("measurements", index),
                    {"id": measurement.agreement, "missing": ", ".join(missing)},
                    agreement=measurement.agreement,
                )
