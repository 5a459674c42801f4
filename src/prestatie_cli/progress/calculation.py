"""Progress of one agreement at a date: pure functions, no I/O.

The share of progress runs from 0 at the baseline to 1 at the target, in
either direction (180 new homes up from 0; 1240 homes with label E/F/G down to
0). What is expected at a date follows the milestones (year slices) when there
are any, and a straight line from the baseline to the target at the deadline
otherwise. The status compares the progress made with the progress expected at
the date of the latest measurement, so that a measurement that is simply not in
yet does not turn a light red (a missing measurement is its own finding).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from prestatie_cli.model.agreements import (
    Agreement,
    Frequency,
    Measurement,
    Period,
    Target,
    Thresholds,
)
from prestatie_cli.progress.statuses import LIGHTS, Light, Status


@dataclass(frozen=True, slots=True)
class Progress:
    """Where one agreement stands at ``as_of``."""

    agreement: Agreement
    as_of: date
    status: Status
    # The value in the target's terms (the running total for a cumulative target).
    current: float | bool | None = None
    measured_on: date | None = None
    share: float | None = None
    expected_share: float | None = None
    expected_value: float | None = None
    projected: date | None = None
    periods_measured: int = 0
    periods_missed: int = 0
    # Where progress is counted from: the baseline, or the first measurement.
    start_date: date | None = None
    start_value: float | None = None
    # The agreement's deadline, or the end of the set's period when it has none.
    deadline: date | None = None

    @property
    def light(self) -> Light:
        return LIGHTS[self.status]

    @property
    def deadline_passed(self) -> bool:
        return self.deadline is not None and self.as_of > self.deadline


# Sums and ratios of decimals are not exact (0.1 + 0.7 < 0.8): compare with this slack.
_RELATIVE = 1e-9


def _slack(value: float) -> float:
    return _RELATIVE * max(1.0, abs(value))


def met(target: Target, value: float) -> bool:
    """Whether ``value`` satisfies the target's comparison."""
    slack = _slack(target.value)
    if target.comparison == "at_least":
        return value >= target.value - slack
    if target.comparison == "at_most":
        return value <= target.value + slack
    return abs(value - target.value) <= slack


def _total(values: Iterable[float]) -> float:
    """An exact sum of decimals (0.1 + 0.7 is 0.8), or infinity past the float range."""
    listed = list(values)
    try:
        return math.fsum(listed)
    except OverflowError:
        return sum(listed)


def _one_per_date(measurements: Iterable[Measurement], as_of: date) -> list[Measurement]:
    """Measurements up to ``as_of``, oldest first; of two on one date the later in the file counts."""
    latest: dict[date, Measurement] = {}
    for measurement in measurements:
        if measurement.date <= as_of:
            latest[measurement.date] = measurement
    return [latest[day] for day in sorted(latest)]


def progress(
    agreement: Agreement,
    measurements: Iterable[Measurement],
    as_of: date,
    period: Period,
    thresholds: Thresholds,
) -> Progress:
    """The progress of ``agreement`` at ``as_of`` from the measurements dated on or before it."""
    counted = _one_per_date(measurements, as_of)
    deadline = agreement.deadline or period.end
    flags = [m for m in counted if isinstance(m.value, bool)]
    if flags:
        done = flags[-1].value is True
        status: Status = "achieved" if done else ("overdue" if as_of > deadline else "on_track")
        return Progress(agreement, as_of, status, done, flags[-1].date, deadline=deadline)
    numbers = [m for m in counted if not isinstance(m.value, bool)]
    target = agreement.target
    if target is None or not numbers:
        return Progress(agreement, as_of, "no_data", deadline=deadline)
    if target.recurring is not None:
        return _recurring(agreement, target, numbers, as_of, deadline)
    return _towards(agreement, target, numbers, as_of, period, deadline, thresholds)


def _recurring(
    agreement: Agreement,
    target: Target,
    numbers: Sequence[Measurement],
    as_of: date,
    deadline: date,
) -> Progress:
    """Each period is judged on its own (a yearly cap, a half-year quota).

    Within a period the latest measurement counts. A period missed earlier makes
    the light orange until the deadline; the latest period missed makes it red.
    """
    assert target.recurring is not None
    bounds = period_bounds(target.recurring, numbers[0].date, numbers[-1].date)
    per_period: dict[date, Measurement] = {}
    for measurement in numbers:  # oldest first: a later one in a period replaces it
        first = next(start for start, end in bounds if start <= measurement.date <= end)
        per_period[first] = measurement
    judged = [met(target, float(m.value)) for m in per_period.values()]
    missed = judged.count(False)
    latest = numbers[-1]
    if as_of > deadline:
        status: Status = "achieved" if missed == 0 else "overdue"
    elif not judged[-1]:
        status = "behind"
    elif missed:
        status = "at_risk"
    else:
        status = "on_track"
    return Progress(
        agreement,
        as_of,
        status,
        float(latest.value),
        latest.date,
        periods_measured=len(judged),
        periods_missed=missed,
        deadline=deadline,
    )


def _towards(
    agreement: Agreement,
    target: Target,
    numbers: Sequence[Measurement],
    as_of: date,
    period: Period,
    deadline: date,
    thresholds: Thresholds,
) -> Progress:
    latest = numbers[-1]
    if target.cumulative:
        start_value = float(target.baseline.value) if target.baseline else 0.0
        start_date = target.baseline.date if target.baseline else period.start
        current = start_value + _total(float(m.value) for m in numbers)
    else:
        first = numbers[0]
        start_value = float(target.baseline.value if target.baseline else first.value)
        start_date = target.baseline.date if target.baseline else first.date
        current = float(latest.value)
    expected_value = expected_at(agreement, target, start_date, start_value, deadline, latest.date)
    span = target.value - start_value
    if span == 0:
        share, expected_share = (1.0 if met(target, current) else 0.0), 1.0
    else:
        share = (current - start_value) / span
        expected_share = (expected_value - start_value) / span
    projected = _projection(start_date, start_value, latest.date, current, target.value)
    if met(target, current):
        status: Status = "achieved"
    elif as_of > deadline:
        status = "overdue"
    elif target.cumulative and target.comparison == "exactly" and share > 1:
        # A running total past an exact target cannot come back to it.
        status = "behind"
    else:
        status = judge(share, expected_share, thresholds)
    return Progress(
        agreement,
        as_of,
        status,
        current,
        latest.date,
        share,
        expected_share,
        expected_value,
        None if status == "achieved" else projected,
        start_date=start_date,
        start_value=start_value,
        deadline=deadline,
    )


def judge(share: float, expected_share: float, thresholds: Thresholds) -> Status:
    """On track, at risk or behind: the progress made against the progress expected."""
    if expected_share <= 0:
        return "on_track" if share >= 0 else "at_risk"
    ratio = share / expected_share
    if ratio >= thresholds.on_track - _RELATIVE:
        return "on_track"
    if ratio >= thresholds.at_risk - _RELATIVE:
        return "at_risk"
    return "behind"


def expected_at(
    agreement: Agreement,
    target: Target,
    start_date: date,
    start_value: float,
    deadline: date,
    day: date,
) -> float:
    """The value expected at ``day``: through the milestones, else a straight line."""
    points = [(start_date, start_value)]
    for milestone in sorted(agreement.milestones, key=lambda m: m.date):
        if start_date < milestone.date < deadline:
            points.append((milestone.date, float(milestone.value)))
    points.append((max(deadline, start_date), float(target.value)))
    if day <= points[0][0]:
        return points[0][1]
    for (left_day, left), (right_day, right) in itertools.pairwise(points):
        if day <= right_day:
            length = (right_day - left_day).days
            if length == 0:
                return right
            return left + (right - left) * (day - left_day).days / length
    return points[-1][1]


def _projection(
    start_date: date, start_value: float, day: date, value: float, target: float
) -> date | None:
    """When the target is reached if the pace measured so far goes on; None if never."""
    days = (day - start_date).days
    if days <= 0:
        return None
    pace = (value - start_value) / days
    remaining = target - value
    if pace == 0 or remaining / pace < 0:
        return None
    try:
        return day + timedelta(days=round(remaining / pace))
    except (OverflowError, ValueError):  # beyond the calendar, or not a number at all
        return None


def paces(progress_now: Progress) -> tuple[float, float] | None:
    """(pace still needed, pace measured so far) per day, both counted towards the target.

    None when there is no pace to speak of: a target met, recurring or without
    measurements, or a deadline already reached.
    """
    target = progress_now.agreement.target
    deadline = progress_now.deadline
    if (
        target is None
        or deadline is None
        or target.recurring is not None
        or progress_now.status == "achieved"
        or not isinstance(progress_now.current, float)
        or progress_now.measured_on is None
        or progress_now.start_date is None
        or progress_now.start_value is None
    ):
        return None
    left = (deadline - progress_now.measured_on).days
    made = (progress_now.measured_on - progress_now.start_date).days
    direction = 1.0 if target.value >= progress_now.start_value else -1.0
    if left <= 0 or made <= 0:
        return None
    needed = (target.value - progress_now.current) / left * direction
    measured = (progress_now.current - progress_now.start_value) / made * direction
    return needed, measured


def period_bounds(frequency: Frequency, start: date, end: date) -> list[tuple[date, date]]:
    """The calendar periods (years, half years or quarters) that overlap ``start``..``end``."""
    months = {"yearly": 12, "half-yearly": 6, "quarterly": 3}[frequency]
    bounds: list[tuple[date, date]] = []
    year, month = start.year, 1 + ((start.month - 1) // months) * months
    while date(year, month, 1) <= end:
        first = date(year, month, 1)
        next_month = month + months
        next_year = year + (next_month - 1) // 12
        if next_year > date.max.year:  # the calendar's last period ends with it
            bounds.append((first, date.max))
            break
        next_first = date(next_year, (next_month - 1) % 12 + 1, 1)
        bounds.append((first, next_first - timedelta(days=1)))
        year, month = next_first.year, next_first.month
    return bounds


def missing_periods(
    agreement: Agreement,
    measurements: Iterable[Measurement],
    as_of: date,
    period: Period,
    grace_days: int,
) -> list[tuple[date, date]]:
    """Reporting periods that have ended (plus the grace days) without a measurement."""
    if agreement.frequency is None:
        return []
    # No period that starts after the as-of date has ended: a term that runs for
    # centuries is not walked to its end.
    last = min(agreement.deadline or period.end, period.end, as_of)
    dates = [m.date for m in measurements]
    return [
        (first, final)
        for first, final in period_bounds(agreement.frequency, period.start, last)
        if final + timedelta(days=grace_days) < as_of
        and not any(first <= day <= final for day in dates)
    ]
