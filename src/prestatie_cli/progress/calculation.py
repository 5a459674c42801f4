"""Progress of one agreement at a date: pure functions, no I/O.

The share of progress runs from 0 at the baseline to 1 at the target, in
either direction (180 new homes up from 0; 1240 homes with label E/F/G down to
0). What is expected at a date follows the milestones (year slices) when there
are any, and a straight line from the baseline to the target at the deadline
otherwise. The status compares the progress made with the progress expected at
the date of the latest measurement, so that a measurement that is simply not in
yet does not turn a light red (a missing measurement is its own finding).

Some agreements are not judged at all, and the status says why: context, a
request not (yet) accepted, a date before the agreement takes effect, a failed
condition, a withdrawal by a change of the set. Recurring targets and yes/no
duties with a frequency are judged period by period.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from prestatie_cli.model.agreements import (
    Agreement,
    AgreementSet,
    Condition,
    ConditionRecord,
    Frequency,
    Measurement,
    Period,
    SetAmendment,
    Target,
    Thresholds,
)
from prestatie_cli.model.structure import (
    condition_states,
    due_date,
    owner_parties,
    rolled_up_parts,
    term_end,
    withdrawals,
)
from prestatie_cli.progress.statuses import LIGHTS, Light, Status


@dataclass(frozen=True, slots=True)
class Progress:
    """Where one agreement stands at ``as_of``."""

    agreement: Agreement
    as_of: date
    status: Status
    # The value in the target's terms (the running total for a cumulative target; the
    # measured value minus the index for a target set against an outside index).
    current: float | bool | None = None
    measured_on: date | None = None
    share: float | None = None
    expected_share: float | None = None
    expected_value: float | None = None
    projected: date | None = None
    # Periods judged (with a measurement, or ended without one) and those missed.
    periods_measured: int = 0
    periods_missed: int = 0
    # Where progress is counted from: the baseline, or the first measurement.
    start_date: date | None = None
    start_value: float | None = None
    # The day it must be met: its deadline, else the end of the set's term.
    deadline: date | None = None
    # The target's value that applies to the latest measurement (a value per year).
    target_value: float | None = None
    # The outside index recorded with the latest measurement, for a target set against one.
    index_value: float | None = None
    # Dates of measurements that cannot be judged: no index recorded for an index target.
    unjudged: tuple[date, ...] = ()
    # The periods missed (first and last day), for recurring targets and duties.
    missed: tuple[tuple[date, date], ...] = ()
    # The children whose measurements were added up, for a parent without its own.
    rolled_up_from: tuple[str, ...] = ()
    # Why it is lapsed or suspended: the condition that was not met, and that record.
    condition: Condition | None = None
    condition_record: ConditionRecord | None = None
    # Why it is withdrawn: the set's amendment.
    withdrawal: SetAmendment | None = None
    # The party ids that owe it on ``as_of`` (groups expanded, a successor after a merger).
    owed_by: tuple[str, ...] = ()
    # Overdue without any measurement to judge: nothing shows the target met by its deadline.
    unmeasured: bool = False

    @property
    def light(self) -> Light:
        return LIGHTS[self.status]

    @property
    def deadline_passed(self) -> bool:
        return self.deadline is not None and self.as_of > self.deadline

    @property
    def projected_after_deadline(self) -> bool:
        """At the pace measured so far the target is reached only after its deadline: said
        with the projection whatever the status ('op koers' allows for some shortfall)."""
        return (
            self.projected is not None
            and self.deadline is not None
            and self.projected > self.deadline
        )


# Sums and ratios of decimals are not exact (0.1 + 0.7 < 0.8): compare with this slack.
_RELATIVE = 1e-9


def _slack(value: float) -> float:
    return _RELATIVE * max(1.0, abs(value))


def met(target: Target, value: float, goal: float | None = None) -> bool:
    """Whether ``value`` satisfies the target's comparison.

    ``goal`` is the value that applies where it differs from the target's own (a
    value per year); with ``between`` it is the lower bound.
    """
    lower = target.value if goal is None else goal
    slack = _slack(lower)
    if target.comparison == "at_least":
        return value >= lower - slack
    if target.comparison == "at_most":
        return value <= lower + slack
    if target.comparison == "between":
        upper = lower if target.upper is None else target.upper
        return lower - slack <= value <= upper + _slack(upper)
    return abs(value - lower) <= slack


def _aim(target: Target, start_value: float) -> float:
    """The value progress runs to: the target's, or the nearer bound of a range."""
    if target.comparison == "between" and target.upper is not None and start_value > target.upper:
        return float(target.upper)
    return float(target.value)


def _total(values: Iterable[float]) -> float:
    """An exact sum of decimals (0.1 + 0.7 is 0.8), or infinity past the float range."""
    listed = list(values)
    try:
        return math.fsum(listed)
    except OverflowError:
        return sum(listed)


def offset(value: float, index: float) -> float:
    """``value`` minus ``index``, exact in decimals (2.8 - 3.3 is -0.5)."""
    try:
        return float(Decimal(repr(value)) - Decimal(repr(index)))
    except (ArithmeticError, ValueError):  # beyond what decimals hold
        return value - index


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
    *,
    agreement_set: AgreementSet | None = None,
    measurements_of: Mapping[str, Sequence[Measurement]] | None = None,
    conditions: Iterable[ConditionRecord] = (),
    owners: bool = True,
) -> Progress:
    """The progress of ``agreement`` at ``as_of`` from the measurements dated on or before it.

    With ``agreement_set`` the set's term as amended counts, its withdrawals, and who
    owes the agreement after a merger; with ``measurements_of`` (every agreement's
    measurements) a parent without its own adds up its children's; ``conditions`` are
    the monitor's records of the agreement's conditions. Without ``owners`` who owes it
    is not worked out (``owed_by`` stays empty): the rules judge progress, not parties.
    """
    deadline = _due(agreement, period, agreement_set)
    found = _judged(
        agreement,
        measurements,
        as_of,
        period,
        thresholds,
        agreement_set,
        measurements_of,
        conditions,
        deadline,
    )
    if not owners:
        return found
    owed_by = _owed_by(agreement, agreement_set, as_of)
    return replace(found, owed_by=owed_by) if owed_by else found


def progress_in_set(
    agreement: Agreement,
    agreements: AgreementSet,
    measurements_of: Mapping[str, Sequence[Measurement]],
    as_of: date,
    thresholds: Thresholds,
    conditions: Iterable[ConditionRecord] = (),
) -> Progress:
    """The progress of ``agreement`` of the set ``agreements``, from ``measurements_of`` (every
    agreement's measurements): the set's term, withdrawals, mergers and parts all count."""
    return progress(
        agreement,
        measurements_of.get(agreement.id, ()),
        as_of,
        agreements.period,
        thresholds,
        agreement_set=agreements,
        measurements_of=measurements_of,
        conditions=conditions,
    )


def _due(agreement: Agreement, period: Period, agreement_set: AgreementSet | None) -> date:
    """The day by which it must be met: its own deadline, else the end of the term."""
    if agreement_set is not None:
        return due_date(agreement_set, agreement)
    if agreement.deadline is not None and not agreement.ongoing:
        return agreement.deadline
    return period.end


def _owed_by(
    agreement: Agreement, agreement_set: AgreementSet | None, as_of: date
) -> tuple[str, ...]:
    """Who owes it on ``as_of``; an owner the set does not know is kept as written.

    When nobody owes it that day (its owner joins the set later, or left without a
    successor) it is owed by its owners as written, groups expanded: an agreement is
    always somebody's.
    """
    if not agreement.is_commitment:
        return ()
    if agreement.answer is not None and agreement.answer.date > as_of:
        return ()  # a request accepted after the day
    written = agreement.asked if agreement.kind == "request" else agreement.owners
    if agreement_set is None:
        return written
    known = {party.id for party in agreement_set.parties} | {g.id for g in agreement_set.groups}
    unknown = tuple(reference for reference in written if reference not in known)
    on_the_day = owner_parties(agreement_set, agreement, as_of)
    return (on_the_day or owner_parties(agreement_set, agreement)) + unknown


def _judged(
    agreement: Agreement,
    measurements: Iterable[Measurement],
    as_of: date,
    period: Period,
    thresholds: Thresholds,
    agreement_set: AgreementSet | None,
    measurements_of: Mapping[str, Sequence[Measurement]] | None,
    conditions: Iterable[ConditionRecord],
    deadline: date,
) -> Progress:
    if agreement_set is not None:
        withdrawal = withdrawals(agreement_set).get(agreement.id)
        if withdrawal is not None and withdrawal.date <= as_of:
            return Progress(agreement, as_of, "withdrawn", deadline=deadline, withdrawal=withdrawal)
    if agreement.kind == "context":
        return Progress(agreement, as_of, "context", deadline=deadline)
    if agreement.kind == "request":
        answer = agreement.answer
        if answer is None or answer.date > as_of or answer.state == "open":
            return Progress(agreement, as_of, "request_open", deadline=deadline)
        if answer.state == "declined":
            return Progress(agreement, as_of, "request_declined", deadline=deadline)
    failed = failed_condition(agreement, conditions, as_of)
    if failed is not None:
        condition, record = failed
        status: Status = "suspended" if condition.kind == "assumption" else "lapsed"
        return Progress(
            agreement,
            as_of,
            status,
            deadline=deadline,
            condition=condition,
            condition_record=record,
        )
    start = agreement.effective_from
    if start is not None and as_of < start:
        return Progress(agreement, as_of, "not_yet", deadline=deadline)
    counted = _one_per_date((m for m in measurements if start is None or m.date >= start), as_of)
    rolled_up: tuple[str, ...] = ()
    if not counted and agreement_set is not None and measurements_of is not None:
        parts = rolled_up_parts(agreement_set, agreement)
        counted = _added_up(agreement, parts, measurements_of, as_of)
        if counted:
            rolled_up = tuple(part.id for part in parts)
    found = _measured(agreement, counted, as_of, period, deadline, thresholds)
    return replace(found, rolled_up_from=rolled_up) if rolled_up else found


def failed_condition(
    agreement: Agreement, records: Iterable[ConditionRecord], as_of: date
) -> tuple[Condition, ConditionRecord] | None:
    """The condition recorded as not met on ``as_of``, with its record; None if there is none.

    A failed approval, decision or other condition (the agreement lapses) goes before
    a failed assumption (the agreement is suspended while it does not hold).
    """
    if not agreement.conditions:
        return None
    states = condition_states(agreement, records, as_of)
    failed = [
        (condition, record)
        for condition in agreement.conditions
        if (record := states.get(condition.id)) is not None and record.state == "not_met"
    ]
    failed.sort(key=lambda pair: pair[0].kind == "assumption")
    return failed[0] if failed else None


def _added_up(
    parent: Agreement,
    parts: Sequence[Agreement],
    measurements_of: Mapping[str, Sequence[Measurement]],
    as_of: date,
) -> list[Measurement]:
    """The parent's figures as the sum of its parts' (counts added; levels at each date)."""
    if not parts or parent.target is None:
        return []
    per_part = [
        [m for m in _one_per_date(measurements_of.get(part.id, ()), as_of) if _is_number(m)]
        for part in parts
    ]
    if parent.target.cumulative:
        counts: dict[date, list[float]] = {}
        for numbers in per_part:
            for measurement in numbers:
                counts.setdefault(measurement.date, []).append(float(measurement.value))
        totals = {day: _total(values) for day, values in counts.items()}
    else:
        totals = {}
        for day in sorted({m.date for numbers in per_part for m in numbers}):
            levels = [_latest_on(numbers, day) for numbers in per_part]
            totals[day] = _total(level for level in levels if level is not None)
    return [
        # Constructed, not validated: a sum of valid figures is one too (or infinite).
        Measurement.model_construct(agreement=parent.id, date=day, value=totals[day])
        for day in sorted(totals)
    ]


def _is_number(measurement: Measurement) -> bool:
    return not isinstance(measurement.value, bool)


def _latest_on(numbers: Sequence[Measurement], day: date) -> float | None:
    """The latest of ``numbers`` (oldest first) dated on or before ``day``."""
    found = None
    for measurement in numbers:
        if measurement.date > day:
            break
        found = float(measurement.value)
    return found


def _measured(
    agreement: Agreement,
    counted: Sequence[Measurement],
    as_of: date,
    period: Period,
    deadline: date,
    thresholds: Thresholds,
) -> Progress:
    """The judgement of what was measured, one measurement per date, oldest first."""
    flags = [m for m in counted if isinstance(m.value, bool)]
    if flags:
        if agreement.frequency is not None and (agreement.ongoing or agreement.kind == "process"):
            first = max(period.start, agreement.effective_from or period.start)
            return _duty(agreement, flags, as_of, first, deadline, thresholds.grace_days)
        done = flags[-1].value is True
        status: Status = "achieved" if done else ("overdue" if as_of > deadline else "on_track")
        return Progress(agreement, as_of, status, done, flags[-1].date, deadline=deadline)
    numbers = [m for m in counted if _is_number(m)]
    target = agreement.target
    first = max(period.start, agreement.effective_from or period.start)
    if target is None or not numbers:
        return _unmeasured(agreement, as_of, (first, deadline), thresholds.grace_days)
    unjudged: tuple[date, ...] = ()
    index_value: float | None = None
    if target.index is not None:
        unjudged = tuple(m.date for m in numbers if m.index is None)
        indexed = [m for m in numbers if m.index is not None]
        if not indexed:
            return _unmeasured(agreement, as_of, (first, deadline), thresholds.grace_days, unjudged)
        index_value = float(indexed[-1].index or 0)
        numbers = [
            m.model_copy(update={"value": offset(float(m.value), float(m.index or 0))})
            for m in indexed
        ]
    if target.recurring is not None:
        found = _recurring(
            agreement, target, numbers, as_of, (first, deadline), thresholds.grace_days, unjudged
        )
    else:
        found = _towards(agreement, target, numbers, as_of, period, deadline, thresholds)
    if not unjudged and index_value is None:
        return found  # what the replacement would set, the defaults, it has already
    return replace(found, unjudged=unjudged, index_value=index_value)


def _unmeasured(
    agreement: Agreement,
    as_of: date,
    term: tuple[date, date],
    grace_days: int,
    unjudged: tuple[date, ...] = (),
) -> Progress:
    """Nothing measured that can be judged: no data, or overdue once the deadline passed
    (as ``prestatie check`` says, T504). An agreement judged period by period (a recurring
    target, a duty with a frequency) has missed each period that ended (plus the grace
    days) without a measurement, as check counts them (P613); a period with only
    ``unjudged`` measurements (no index recorded) is not judged.
    """
    first, deadline = term
    missed: tuple[tuple[date, date], ...] = ()
    if agreement.frequency is not None and _per_period(agreement):
        missed = tuple(
            (start, end)
            for start, end in period_bounds(agreement.frequency, first, min(deadline, as_of))
            if end + timedelta(days=grace_days) < as_of
            and not any(start <= day <= end for day in unjudged)
        )
    late = as_of > deadline
    return Progress(
        agreement,
        as_of,
        "overdue" if late else "no_data",
        periods_measured=len(missed),
        periods_missed=len(missed),
        deadline=deadline,
        unjudged=unjudged,
        missed=missed,
        unmeasured=late,
    )


def _per_period(agreement: Agreement) -> bool:
    """Whether progress is judged period by period: a recurring target, or a yes/no duty
    (no target) that is ongoing or a process."""
    target = agreement.target
    if target is not None:
        return target.recurring is not None
    return agreement.ongoing or agreement.kind == "process"


def _duty(
    agreement: Agreement,
    flags: Sequence[Measurement],
    as_of: date,
    first: date,
    deadline: date,
    grace_days: int,
) -> Progress:
    """A yes/no duty with a frequency, judged period by period.

    Within a period the latest flag counts; a period whose flag is false, or that
    ended (plus the grace days) without one, is missed. A period missed earlier
    makes the light orange until the deadline; the latest period judged missed
    makes it red.
    """
    assert agreement.frequency is not None
    bounds = period_bounds(agreement.frequency, first, min(deadline, as_of))
    per_period: dict[date, Measurement] = {}
    for measurement in flags:  # oldest first: a later one in a period replaces it
        for start, end in bounds:
            if start <= measurement.date <= end and measurement.date >= first:
                per_period[start] = measurement
    judged: list[bool] = []
    missed: list[tuple[date, date]] = []
    for start, end in bounds:
        flag = per_period.get(start)
        if flag is not None:
            done = flag.value is True
        elif end + timedelta(days=grace_days) < as_of:
            done = False
        else:  # running, or within its grace days
            continue
        judged.append(done)
        if not done:
            missed.append((start, end))
    status: Status
    if as_of > deadline:
        status = "overdue" if missed else "achieved"
    elif judged and not judged[-1]:
        status = "behind"
    elif missed:
        status = "at_risk"
    else:
        status = "on_track"
    latest = flags[-1]
    return Progress(
        agreement,
        as_of,
        status,
        latest.value is True,
        latest.date,
        periods_measured=len(judged),
        periods_missed=len(missed),
        deadline=deadline,
        missed=tuple(missed),
    )


def _recurring(
    agreement: Agreement,
    target: Target,
    numbers: Sequence[Measurement],
    as_of: date,
    term: tuple[date, date],
    grace_days: int,
    unjudged: Sequence[date] = (),
) -> Progress:
    """Each period is judged on its own (a yearly cap, a half-year quota).

    Within a period the latest measurement counts, against the target's value for
    that period's year. With a reporting frequency, the periods are counted from
    the first day of ``term`` (the term's start, or the day it takes effect) to its
    last (the deadline) as ``prestatie check`` counts them (P613): one that ended (plus
    the grace days) without a measurement is missed too; one with only ``unjudged``
    measurements (no index recorded) is not judged at all. A period missed earlier
    makes the light orange until the deadline; the latest period missed makes it red.
    """
    assert target.recurring is not None
    first, deadline = term
    counted_from = numbers[0].date
    if agreement.frequency is not None:
        counted_from = min(counted_from, first)
    last = max(numbers[-1].date, min(deadline, as_of))
    bounds = period_bounds(target.recurring, counted_from, last)
    per_period: dict[tuple[date, date], Measurement] = {}
    for measurement in numbers:  # oldest first: a later one in a period replaces it
        found = next(pair for pair in bounds if pair[0] <= measurement.date <= pair[1])
        per_period[found] = measurement
    judged: list[tuple[tuple[date, date], bool]] = []
    for pair in bounds:
        measured = per_period.get(pair)
        if measured is not None:
            judged.append((pair, met(target, float(measured.value), target.value_in(pair[0].year))))
        elif (
            agreement.frequency is not None
            and pair[1] + timedelta(days=grace_days) < as_of
            and not any(pair[0] <= day <= pair[1] for day in unjudged)
        ):
            judged.append((pair, False))  # ended without a measurement
    missed = tuple(pair for pair, ok in judged if not ok)
    latest = numbers[-1]
    if as_of > deadline:
        status: Status = "achieved" if not missed else "overdue"
    elif not judged[-1][1]:
        status = "behind"
    elif missed:
        status = "at_risk"
    else:
        status = "on_track"
    last_start = next(iter(reversed(per_period)))[0]
    return Progress(
        agreement,
        as_of,
        status,
        float(latest.value),
        latest.date,
        periods_measured=len(judged),
        periods_missed=len(missed),
        deadline=deadline,
        target_value=float(target.value_in(last_start.year)),
        missed=missed,
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
    aim = _aim(target, start_value)
    expected_value = expected_at(
        agreement, target, start_date, start_value, deadline, latest.date, goal=aim
    )
    span = aim - start_value
    if span == 0:
        share, expected_share = (1.0 if met(target, current) else 0.0), 1.0
    else:
        share = (current - start_value) / span
        expected_share = (expected_value - start_value) / span
    projected = _projection(start_date, start_value, latest.date, current, aim)
    if met(target, current):
        status: Status = "achieved"
    elif as_of > deadline:
        status = "overdue"
        if projected is not None and projected < as_of:
            # Reached by now at that pace, were it measured: no projection to speak of.
            projected = None
    elif target.cumulative and target.comparison in ("exactly", "between") and share > 1:
        # A running total past an exact target (or a range) cannot come back to it.
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
        target_value=float(target.value),
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
    *,
    goal: float | None = None,
) -> float:
    """The value expected at ``day``: through the milestones, else a straight line.

    The line ends at ``goal`` when given (the nearer bound of a range), else at the
    target's value.
    """
    points = [(start_date, start_value)]
    for milestone in sorted(agreement.milestones, key=lambda m: m.date):
        if start_date < milestone.date < deadline:
            points.append((milestone.date, float(milestone.value)))
    points.append((max(deadline, start_date), float(target.value if goal is None else goal)))
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
    measurements, or a deadline already reached. A range is headed for its nearer bound.
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
    aim = _aim(target, progress_now.start_value)
    direction = 1.0 if aim >= progress_now.start_value else -1.0
    if left <= 0 or made <= 0:
        return None
    needed = (aim - progress_now.current) / left * direction
    measured = (progress_now.current - progress_now.start_value) / made * direction
    return needed, measured


def period_bounds(frequency: Frequency, start: date, end: date) -> list[tuple[date, date]]:
    """The calendar periods (years, half years, quarters or months) that overlap ``start``..``end``."""
    months = {"yearly": 12, "half-yearly": 6, "quarterly": 3, "monthly": 1}[frequency]
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
    *,
    agreement_set: AgreementSet | None = None,
) -> list[tuple[date, date]]:
    """Reporting periods that have ended (plus the grace days) without a measurement.

    Only from the day the agreement takes effect; none for what nobody owes (context,
    a request not accepted); with ``agreement_set`` none after a withdrawal, and a term
    as amended.
    """
    if agreement.frequency is None or not agreement.is_commitment:
        return []
    end = period.end if agreement_set is None else term_end(agreement_set)
    due = _due(agreement, period, agreement_set)
    # No period that starts after the as-of date has ended: a term that runs for
    # centuries is not walked to its end.
    last = min(due if agreement.beyond_term else min(due, end), as_of)
    # Only periods that ended before the agreement was withdrawn.
    withdrawn = date.max
    if agreement_set is not None:
        withdrawal = withdrawals(agreement_set).get(agreement.id)
        if withdrawal is not None:
            withdrawn = withdrawal.date
            last = min(last, withdrawn)
    first = max(period.start, agreement.effective_from or period.start)
    dates = [m.date for m in measurements]
    return [
        (start, final)
        for start, final in period_bounds(agreement.frequency, first, last)
        if final < withdrawn
        and final + timedelta(days=grace_days) < as_of
        and not any(start <= day <= final for day in dates)
    ]
