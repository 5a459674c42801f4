"""P6xx, monitor files: measurements belong to a known set and agreement, inside its term."""

from __future__ import annotations

from collections.abc import Iterator

from prestatie_cli.model.findings import suggestion
from prestatie_cli.rules.base import Finding, MonitorContext, Rule


class UnknownSet(Rule):
    """A monitor file measures the agreements of a set that is checked with it."""

    code = "P607"
    name = "unknown-set"
    severity = "warning"
    scope = "monitor"
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
                {"set": wanted, "suggestion": suggestion(wanted, list(context.set_ids))},
            )


class UnknownAgreement(Rule):
    """A measurement refers to an agreement id of its set."""

    code = "P608"
    name = "unknown-agreement"
    severity = "error"
    scope = "monitor"
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, source: Jaarverslag 2017}
"""
    example_fail = """\
measurements:
  - {agreement: BS-1, date: 2017-12-31, value: 45, source: Jaarverslag 2017}
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        agreements = context.agreements
        if agreements is None:
            return
        known = [agreement.id for agreement in agreements.agreements]
        for index, measurement in enumerate(context.monitor.measurements):
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
    """A measurement dated outside the term does not count for it."""

    code = "P609"
    name = "measurement-outside-period"
    severity = "warning"
    scope = "monitor"
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, source: Jaarverslag 2017}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2071-12-31, value: 45, source: Jaarverslag 2017}
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        agreements = context.agreements
        if agreements is None:
            return
        period = agreements.period
        for index, measurement in enumerate(context.monitor.measurements):
            if not period.contains(measurement.date):
                yield Finding(
                    self.code,
                    ("measurements", index, "date"),
                    {
                        "date": measurement.date.isoformat(),
                        "start": period.start.isoformat(),
                        "end": period.end.isoformat(),
                    },
                )


class UnknownReporter(Rule):
    """Who reported a measurement is one of the parties of the set."""

    code = "P611"
    name = "unknown-reporter"
    severity = "warning"
    scope = "monitor"
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, reported_by: corp-a}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 45, reported_by: corporatie}
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        agreements = context.agreements
        if agreements is None:
            return
        known = [party.id for party in agreements.parties]
        for index, measurement in enumerate(context.monitor.measurements):
            if measurement.reported_by is not None and measurement.reported_by not in known:
                yield Finding(
                    self.code,
                    ("measurements", index, "reported_by"),
                    {
                        "party": measurement.reported_by,
                        "known": ", ".join(known),
                        "suggestion": suggestion(measurement.reported_by, known),
                    },
                )
