"""A monitor's measurements per agreement of its set, for the rules that judge progress."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple, cast

from prestatie_cli.model.agreements import Agreement, AgreementSet, Measurement, Period
from prestatie_cli.model.findings import Pointer
from prestatie_cli.progress.calculation import Progress, progress
from prestatie_cli.rules.base import MonitorContext


class Measured(NamedTuple):
    """One agreement of a monitor's set and its measurements in the monitor (a tuple: one
    is made for every agreement of a run, by each rule that judges progress)."""

    agreement: Agreement
    # The term of the set.
    period: Period
    # Each measurement with its index in the monitor, in the monitor's order.
    indexed: Sequence[tuple[int, Measurement]]
    # The set, and every agreement's measurements (shared by all items of one monitor):
    # a parent adds up its parts', and the set's amendments and conditions count.
    agreement_set: AgreementSet
    measurements_of: Mapping[str, Sequence[Measurement]]

    @property
    def measurements(self) -> list[Measurement]:
        return [measurement for _, measurement in self.indexed]

    @property
    def latest(self) -> Pointer:
        """Where a finding about the agreement points: its latest measurement, or the
        monitor's set key when there is none."""
        if not self.indexed:
            return ("set",)
        index, _ = max(self.indexed, key=lambda pair: (pair[1].date, pair[0]))
        return ("measurements", index)

    def progress(self, context: MonitorContext) -> Progress:
        """Where the agreement stands at the run's date (worked out once per monitor: R402 and
        T504 both ask)."""
        made = context.progress_made.get(id(self.agreement))
        if isinstance(made, Progress):
            return made
        found = progress(
            self.agreement,
            self.measurements,
            context.as_of,
            self.period,
            context.thresholds,
            agreement_set=self.agreement_set,
            measurements_of=self.measurements_of,
            conditions=context.monitor.conditions,
            owners=False,  # who owes it: no rule asks
        )
        context.progress_made[id(self.agreement)] = found
        return found


def measured(context: MonitorContext) -> Iterator[Measured]:
    """Every agreement of the monitor's set, in order; none when the run has no such set.
    Made once per monitor (R402, T504 and P613 all ask)."""
    made = cast("list[Measured]", context.measured_made)
    if not made:
        made.extend(_measured(context))
    yield from made


def _measured(context: MonitorContext) -> Iterator[Measured]:
    agreements = context.agreements
    if agreements is None:
        return
    grouped: dict[str, list[tuple[int, Measurement]]] = defaultdict(list)
    for index, measurement in enumerate(context.monitor.measurements):
        grouped[measurement.agreement].append((index, measurement))
    measurements_of = {
        agreement: [measurement for _, measurement in pairs] for agreement, pairs in grouped.items()
    }
    for agreement in agreements.agreements:
        indexed = grouped.get(agreement.id, [])
        yield Measured(agreement, agreements.period, indexed, agreements, measurements_of)
