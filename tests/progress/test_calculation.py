"""Progress of one agreement at a date: exact expectations, computed by hand, and properties.

Day counts used throughout (2016, 2020, 2024 and 2028 are leap years):

- 2016-01-01 -> 2016-12-31: 365 days, -> 2017-12-31: 730, -> 2018-12-31: 1095, -> 2019-12-31: 1460
- 2025-01-01 -> 2026-01-01: 365 days, -> 2027-01-01: 730, -> 2028-12-31: 1460
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from prestatie_cli.model.agreements import (
    Agreement,
    AgreementSet,
    ConditionRecord,
    Measurement,
    Party,
    Period,
    Target,
    Thresholds,
)
from prestatie_cli.progress.calculation import (
    Progress,
    expected_at,
    judge,
    met,
    missing_periods,
    paces,
    period_bounds,
    progress,
)
from prestatie_cli.progress.statuses import LIGHTS, STATUSES, Status

DEFAULT = Thresholds()

# "In de periode 2016-2019 realiseren de corporaties 180 nieuwe sociale huurwoningen."
SET_2016 = Period(start=date(2016, 1, 1), end=date(2019, 12, 31))
# "Geen woningen meer met energielabel E, F of G na 2028."
SET_2025 = Period(start=date(2025, 1, 1), end=date(2028, 12, 31))

Value = int | float | bool


def agreement(target: dict[str, Any] | None = None, **fields: Any) -> Agreement:
    """An agreement with the required fields filled in; ``target`` gets a metric."""
    data: dict[str, Any] = {"id": "A-01", "title": "Afspraak", "theme": "beschikbaarheid"}
    if target is not None:
        data["target"] = {"metric": "woningen", **target}
    data.update(fields)
    return Agreement.model_validate(data)


def measured(*pairs: tuple[date, Value]) -> list[Measurement]:
    return [Measurement(agreement="A-01", date=day, value=value) for day, value in pairs]


def yearly(*counts: Value, year: int = 2016) -> list[Measurement]:
    """Counts for consecutive years, each dated 31 December."""
    return measured(*((date(year + i, 12, 31), count) for i, count in enumerate(counts)))


def homes_180(**fields: Any) -> Agreement:
    """180 new homes in 2016-2019, counted per year, from 0 on 2016-01-01."""
    target = {
        "value": 180,
        "cumulative": True,
        "baseline": {"value": 0, "date": date(2016, 1, 1)},
    }
    data: dict[str, Any] = {"deadline": date(2019, 12, 31), "frequency": "yearly"}
    data.update(fields)
    return agreement(target, **data)


def labels_efg(*, baseline: bool = True) -> Agreement:
    """1240 homes with label E/F/G on 2025-01-01, at most 0 by 2028-12-31 (a level)."""
    target: dict[str, Any] = {"value": 0, "comparison": "at_most"}
    if baseline:
        target["baseline"] = {"value": 1240, "date": date(2025, 1, 1)}
    return agreement(target, deadline=date(2028, 12, 31), theme="duurzaamheid")


# --- 1. Increasing cumulative target -------------------------------------------------------------

# Straight line from 0 on 2016-01-01 to 180 on 2019-12-31 (1460 days):
#   expected at 2016-12-31: 180 * 365/1460 = 45
#   expected at 2017-12-31: 180 * 730/1460 = 90
#   expected at 2018-12-31: 180 * 1095/1460 = 135
#   expected at 2019-12-31: 180
INCREASING = [
    # 30 of 45 expected: share 30/180 = 1/6, expected 45/180 = 1/4, ratio 2/3 < 0.7
    pytest.param([30], date(2017, 1, 15), "behind", 30, 45, 30 / 180, 45 / 180, id="2016-behind"),
    # 45 of 45: ratio 1
    pytest.param(
        [45], date(2017, 1, 15), "on_track", 45, 45, 45 / 180, 45 / 180, id="2016-on-track"
    ),
    # 40 of 45: ratio 8/9 = 0.889, between 0.7 and 0.9
    pytest.param([40], date(2017, 1, 15), "at_risk", 40, 45, 40 / 180, 45 / 180, id="2016-at-risk"),
    # 0 of 45: ratio 0
    pytest.param([0], date(2017, 1, 15), "behind", 0, 45, 0, 45 / 180, id="2016-nothing"),
    # 30 + 45 = 75 of 90: ratio 5/6 = 0.833
    pytest.param([30, 45], date(2018, 1, 10), "at_risk", 75, 90, 75 / 180, 0.5, id="2017-at-risk"),
    # 30 + 60 = 90 of 90
    pytest.param([30, 60], date(2018, 1, 10), "on_track", 90, 90, 0.5, 0.5, id="2017-on-track"),
    # 30 + 45 + 60 = 135 of 135
    pytest.param(
        [30, 45, 60], date(2019, 1, 15), "on_track", 135, 135, 0.75, 0.75, id="2018-on-track"
    ),
    # 30 + 45 + 60 + 45 = 180: met, after the deadline
    pytest.param(
        [30, 45, 60, 45], date(2020, 1, 15), "achieved", 180, 180, 1.0, 1.0, id="2019-achieved"
    ),
    # 30 + 45 + 60 + 30 = 165 < 180 and the deadline has passed
    pytest.param(
        [30, 45, 60, 30], date(2020, 1, 15), "overdue", 165, 180, 165 / 180, 1.0, id="2019-overdue"
    ),
    # Same 165 on the deadline itself (not yet passed): ratio (165/180) / 1 = 0.917 >= 0.9
    pytest.param(
        [30, 45, 60, 30],
        date(2019, 12, 31),
        "on_track",
        165,
        180,
        165 / 180,
        1.0,
        id="2019-on-deadline-day",
    ),
    # Overshoot: 100 + 100 = 200 > 180, share 200/180 = 10/9 > 1
    pytest.param([100, 100], date(2018, 1, 10), "achieved", 200, 90, 10 / 9, 0.5, id="overshoot"),
    # The 2018 measurement is after the as-of date: only 30 + 60 = 90 count
    pytest.param(
        [30, 60, 90], date(2018, 6, 30), "on_track", 90, 90, 0.5, 0.5, id="after-as-of-ignored"
    ),
]


@pytest.mark.parametrize(
    ("counts", "as_of", "status", "current", "expected_value", "share", "expected_share"),
    INCREASING,
)
def test_increasing_cumulative(
    counts: list[int],
    as_of: date,
    status: Status,
    current: float,
    expected_value: float,
    share: float,
    expected_share: float,
) -> None:
    found = progress(homes_180(), yearly(*counts), as_of, SET_2016, DEFAULT)
    assert found.status == status
    assert found.current == pytest.approx(current)
    assert found.expected_value == pytest.approx(expected_value)
    assert found.share == pytest.approx(share)
    assert found.expected_share == pytest.approx(expected_share)
    assert found.start_date == date(2016, 1, 1)
    assert found.start_value == 0
    if status == "achieved":
        assert found.projected is None


def test_cumulative_without_baseline_counts_from_zero_at_the_set_start() -> None:
    target = {"value": 180, "cumulative": True}
    found = progress(
        agreement(target, deadline=date(2019, 12, 31)),
        yearly(30, 60),
        date(2018, 1, 10),
        SET_2016,
        DEFAULT,
    )
    # Start: 0 on 2016-01-01 (the set start); 30 + 60 = 90 of 180 * 730/1460 = 90 expected.
    assert (found.start_date, found.start_value) == (date(2016, 1, 1), 0.0)
    assert (found.status, found.current, found.expected_value) == ("on_track", 90.0, 90.0)


def test_cumulative_baseline_is_added_to_the_counts() -> None:
    target = {
        "value": 500,
        "cumulative": True,
        "baseline": {"value": 300, "date": date(2016, 1, 1)},
    }
    found = progress(
        agreement(target, deadline=date(2019, 12, 31)),
        yearly(50, 50),
        date(2018, 1, 10),
        SET_2016,
        DEFAULT,
    )
    # current 300 + 50 + 50 = 400; expected 300 + 200 * 730/1460 = 400; share 100/200 = 0.5.
    assert (found.status, found.current, found.expected_value) == ("on_track", 400.0, 400.0)
    assert found.share == 0.5


def test_without_deadline_the_set_end_is_the_deadline() -> None:
    target = {"value": 180, "cumulative": True}
    # No deadline: the line runs to the set end 2019-12-31; 30 + 45 + 60 + 30 = 165 < 180 after it.
    found = progress(
        agreement(target), yearly(30, 45, 60, 30), date(2020, 1, 15), SET_2016, DEFAULT
    )
    assert found.status == "overdue"


# --- 2. Decreasing level target ------------------------------------------------------------------

# Straight line from 1240 on 2025-01-01 to 0 on 2028-12-31 (1460 days):
#   expected at 2026-01-01: 1240 - 1240 * 365/1460 = 930   (share 0.25)
#   expected at 2027-01-01: 1240 - 1240 * 730/1460 = 620   (share 0.5)
# share = (current - 1240) / (0 - 1240)
DECREASING = [
    # 930 of expected 930
    pytest.param([(date(2026, 1, 1), 930)], date(2026, 2, 1), "on_track", 930, 930, 0.25, 0.25),
    # 1000: share 240/1240 = 0.1935, ratio 0.774
    pytest.param(
        [(date(2026, 1, 1), 1000)], date(2026, 2, 1), "at_risk", 1000, 930, 240 / 1240, 0.25
    ),
    # 1050: share 190/1240 = 0.1532, ratio 0.613
    pytest.param(
        [(date(2026, 1, 1), 1050)], date(2026, 2, 1), "behind", 1050, 930, 190 / 1240, 0.25
    ),
    # 682: share 558/1240 = 0.45, ratio 0.45/0.5 = 0.9 exactly: on track
    pytest.param(
        [(date(2026, 1, 1), 930), (date(2027, 1, 1), 682)],
        date(2027, 2, 1),
        "on_track",
        682,
        620,
        0.45,
        0.5,
    ),
    # 800: share 440/1240 = 0.3548, ratio 0.710
    pytest.param([(date(2027, 1, 1), 800)], date(2027, 2, 1), "at_risk", 800, 620, 440 / 1240, 0.5),
    # 1000: share 240/1240 = 0.1935, ratio 0.387
    pytest.param(
        [(date(2027, 1, 1), 1000)], date(2027, 2, 1), "behind", 1000, 620, 240 / 1240, 0.5
    ),
    # Going backwards: 1300 > 1240, share -60/1240 < 0
    pytest.param(
        [(date(2027, 1, 1), 1300)], date(2027, 2, 1), "behind", 1300, 620, -60 / 1240, 0.5
    ),
    # 0 at the deadline: met
    pytest.param([(date(2028, 12, 31), 0)], date(2029, 1, 15), "achieved", 0, 0, 1.0, 1.0),
    # 12 left after the deadline: share 1228/1240
    pytest.param([(date(2028, 12, 31), 12)], date(2029, 1, 15), "overdue", 12, 0, 1228 / 1240, 1.0),
    # 0 measured after the as-of date does not count yet
    pytest.param(
        [(date(2026, 1, 1), 930), (date(2027, 1, 1), 0)],
        date(2026, 6, 30),
        "on_track",
        930,
        930,
        0.25,
        0.25,
    ),
]


@pytest.mark.parametrize(
    ("pairs", "as_of", "status", "current", "expected_value", "share", "expected_share"),
    DECREASING,
)
def test_decreasing_level(
    pairs: list[tuple[date, int]],
    as_of: date,
    status: Status,
    current: float,
    expected_value: float,
    share: float,
    expected_share: float,
) -> None:
    found = progress(labels_efg(), measured(*pairs), as_of, SET_2025, DEFAULT)
    assert found.status == status
    assert found.current == pytest.approx(current)
    assert found.expected_value == pytest.approx(expected_value)
    assert found.share == pytest.approx(share)
    assert found.expected_share == pytest.approx(expected_share)
    assert (found.start_date, found.start_value) == (date(2025, 1, 1), 1240.0)


def test_going_backwards_has_no_projection() -> None:
    found = progress(
        labels_efg(), measured((date(2027, 1, 1), 1300)), date(2027, 2, 1), SET_2025, DEFAULT
    )
    # Pace (1300 - 1240) / 730 > 0 while 0 - 1300 < 0 remains: never, so no date.
    assert found.share is not None and found.share < 0
    assert found.status == "behind"
    assert found.projected is None


# --- 3. Level target without baseline: the first measurement is the start ------------------------


def test_level_without_baseline_starts_at_first_measurement() -> None:
    found = progress(
        labels_efg(baseline=False),
        measured((date(2025, 1, 1), 1240), (date(2027, 1, 1), 620)),
        date(2027, 2, 1),
        SET_2025,
        DEFAULT,
    )
    # Start (2025-01-01, 1240); expected at 2027-01-01: 1240 - 1240 * 730/1460 = 620.
    assert (found.start_date, found.start_value) == (date(2025, 1, 1), 1240.0)
    assert (found.status, found.expected_value, found.share) == ("on_track", 620.0, 0.5)


def test_level_without_baseline_single_measurement() -> None:
    found = progress(
        labels_efg(baseline=False),
        measured((date(2026, 1, 1), 1000)),
        date(2026, 2, 1),
        SET_2025,
        DEFAULT,
    )
    # Start = the only measurement: share 0, nothing expected yet (0), so on track; no pace yet.
    assert (found.start_date, found.start_value) == (date(2026, 1, 1), 1000.0)
    assert (found.status, found.share, found.expected_share) == ("on_track", 0.0, 0.0)
    assert found.expected_value == 1000.0
    assert found.projected is None
    assert paces(found) is None


def test_level_without_baseline_standing_still() -> None:
    found = progress(
        labels_efg(baseline=False),
        measured((date(2026, 1, 1), 1000), (date(2027, 1, 1), 1000)),
        date(2027, 2, 1),
        SET_2025,
        DEFAULT,
    )
    # 2026-01-01 -> 2028-12-31: 1095 days; expected at 2027-01-01: 1000 - 1000 * 365/1095 = 666.67;
    # share 0, expected 1/3: behind; pace 0: no projection.
    assert found.expected_value == pytest.approx(1000 - 1000 * 365 / 1095)
    assert found.expected_share == pytest.approx(1 / 3)
    assert (found.status, found.share, found.projected) == ("behind", 0.0, None)


# --- 4. Recurring targets: each period judged alone ----------------------------------------------


def rent_cap() -> Agreement:
    """Rent increase at most 0 points above inflation, each year 2016-2019."""
    target = {"value": 0, "comparison": "at_most", "recurring": "yearly", "unit": "procentpunt"}
    return agreement(target, deadline=date(2019, 12, 31), theme="betaalbaarheid")


RENT = [
    # 2016: 0 (met), 2017: -0.5 (met)
    pytest.param([0, -0.5], date(2017, 12, 31), "on_track", -0.5, 2, 0, id="all-met"),
    # 2018: 0.4 above inflation: the latest year is missed
    pytest.param([0, -0.5, 0.4], date(2018, 12, 31), "behind", 0.4, 3, 1, id="latest-missed"),
    # 2019: 0 again: the latest year is met, 2018 still counts as missed: orange until the deadline
    pytest.param([0, -0.5, 0.4, 0], date(2019, 12, 31), "at_risk", 0, 4, 1, id="recovered"),
    # After the deadline with one missed year: overdue
    pytest.param([0, -0.5, 0.4, 0], date(2020, 3, 1), "overdue", 0, 4, 1, id="overdue"),
    # After the deadline, every year met: achieved
    pytest.param([0, -0.5, 0, 0], date(2020, 3, 1), "achieved", 0, 4, 0, id="achieved"),
    # 0.0001 above the cap is a miss: the cap is exact
    pytest.param([0.0001], date(2017, 1, 1), "behind", 0.0001, 1, 1, id="just-above"),
]


@pytest.mark.parametrize(("increases", "as_of", "status", "current", "measured_n", "missed"), RENT)
def test_recurring_yearly_upper_bound(
    increases: list[float],
    as_of: date,
    status: Status,
    current: float,
    measured_n: int,
    missed: int,
) -> None:
    ms = measured(*((date(2016 + i, 7, 1), v) for i, v in enumerate(increases)))
    found = progress(rent_cap(), ms, as_of, SET_2016, DEFAULT)
    assert found.status == status
    assert found.current == current
    assert (found.periods_measured, found.periods_missed) == (measured_n, missed)
    # No line towards a target for a recurring target.
    assert (found.share, found.expected_share, found.expected_value, found.projected) == (
        None,
        None,
        None,
        None,
    )
    assert paces(found) is None


def test_recurring_last_period_missed_after_deadline_is_overdue() -> None:
    ms = measured(*((date(2016 + i, 7, 1), v) for i, v in enumerate([0, 0, 0, 0.4])))
    found = progress(rent_cap(), ms, date(2020, 3, 1), SET_2016, DEFAULT)
    # The term is over and 2019 was missed: same as a missed 2018 (see "overdue" above).
    assert (found.periods_measured, found.periods_missed) == (4, 1)
    assert found.status == "overdue"


def quota() -> Agreement:
    """Status holders housed: 100 % of the half-yearly quota, in 2024-2025."""
    target = {"value": 100, "unit": "%", "recurring": "half-yearly"}
    return agreement(target, deadline=date(2025, 12, 31), frequency="half-yearly")


SET_2024 = Period(start=date(2024, 1, 1), end=date(2025, 12, 31))
HALVES = [date(2024, 6, 30), date(2024, 12, 31), date(2025, 6, 30), date(2025, 12, 31)]

QUOTA = [
    # H1 2024: 100 % (met); H2 2024: 85 % (missed, latest)
    pytest.param([100, 85], date(2025, 1, 10), "behind", 85, 2, 1, id="latest-missed"),
    # H1 2025: 110 % (met, more than the quota is fine)
    pytest.param([100, 85, 110], date(2025, 7, 15), "at_risk", 110, 3, 1, id="recovered"),
    pytest.param([100, 85, 110, 100], date(2026, 1, 15), "overdue", 100, 4, 1, id="overdue"),
    pytest.param([100, 100, 110, 100], date(2026, 1, 15), "achieved", 100, 4, 0, id="achieved"),
    # Exactly at the quota: 100 >= 100
    pytest.param([100], date(2024, 7, 1), "on_track", 100, 1, 0, id="exactly-100"),
]


@pytest.mark.parametrize(("shares", "as_of", "status", "current", "measured_n", "missed"), QUOTA)
def test_recurring_half_yearly_quota(
    shares: list[int],
    as_of: date,
    status: Status,
    current: float,
    measured_n: int,
    missed: int,
) -> None:
    found = progress(
        quota(), measured(*zip(HALVES, shares, strict=False)), as_of, SET_2024, DEFAULT
    )
    assert (found.status, found.current) == (status, current)
    assert (found.periods_measured, found.periods_missed) == (measured_n, missed)
    assert found.measured_on == HALVES[len(shares) - 1]


# --- 5. Exactly -----------------------------------------------------------------------------------


def exactly_100() -> Agreement:
    """A level of exactly 100, from 80 on 2025-01-01, by 2028-12-31."""
    target = {
        "value": 100,
        "comparison": "exactly",
        "baseline": {"value": 80, "date": date(2025, 1, 1)},
    }
    return agreement(target, deadline=date(2028, 12, 31))


# expected at 2027-01-01: 80 + 20 * 730/1460 = 90; share = (value - 80) / 20
EXACTLY = [
    pytest.param(date(2027, 1, 1), 100, date(2027, 2, 1), "achieved", 1.0, id="hit"),
    pytest.param(date(2027, 1, 1), 90, date(2027, 2, 1), "on_track", 0.5, id="halfway"),
    # 85: share 0.25, ratio 0.5
    pytest.param(date(2027, 1, 1), 85, date(2027, 2, 1), "behind", 0.25, id="behind"),
    # A level above an exact target may still come down before the deadline: the code judges
    # the share 1.5 >= 0.5 expected as on track (a convention, see the cumulative case below).
    pytest.param(date(2027, 1, 1), 110, date(2027, 2, 1), "on_track", 1.5, id="overshoot-level"),
    pytest.param(date(2028, 12, 31), 100.0, date(2029, 1, 2), "achieved", 1.0, id="late-hit"),
    pytest.param(date(2028, 12, 31), 99, date(2029, 1, 2), "overdue", 0.95, id="late-miss"),
    pytest.param(date(2028, 12, 31), 101, date(2029, 1, 2), "overdue", 1.05, id="late-over"),
]


@pytest.mark.parametrize(("day", "value", "as_of", "status", "share"), EXACTLY)
def test_exactly_level(day: date, value: float, as_of: date, status: Status, share: float) -> None:
    found = progress(exactly_100(), measured((day, value)), as_of, SET_2025, DEFAULT)
    assert found.status == status
    assert found.share == pytest.approx(share)


def test_exactly_cumulative_overshoot_is_not_green() -> None:
    # "Exactly 50 homes sold in 2016-2019": 20 + 40 = 60 sold by 2017 is already a miss.
    target = {"value": 50, "comparison": "exactly", "cumulative": True}
    found = progress(
        agreement(target, deadline=date(2019, 12, 31)),
        yearly(20, 40),
        date(2018, 1, 10),
        SET_2016,
        DEFAULT,
    )
    assert found.current == 60.0
    assert found.light != "green"


def test_exactly_recurring() -> None:
    target = {"value": 100, "comparison": "exactly", "recurring": "yearly"}
    ag = agreement(target, deadline=date(2019, 12, 31))
    # 100 (met), 101 (missed: not exactly 100)
    found = progress(ag, yearly(100, 101), date(2018, 1, 10), SET_2016, DEFAULT)
    assert (found.status, found.periods_missed) == ("behind", 1)
    found = progress(ag, yearly(100, 101, 100), date(2019, 1, 10), SET_2016, DEFAULT)
    assert (found.status, found.periods_missed) == ("at_risk", 1)


@pytest.mark.parametrize(
    ("comparison", "value", "ok"),
    [
        ("at_least", 100, True),
        ("at_least", 100.5, True),
        ("at_least", 99.999, False),
        ("at_most", 100, True),
        ("at_most", -3, True),
        ("at_most", 100.001, False),
        ("exactly", 100, True),
        ("exactly", 100.0, True),
        ("exactly", 99.999, False),
        ("exactly", 100.001, False),
    ],
)
def test_met(comparison: str, value: float, ok: bool) -> None:
    target = Target(metric="m", value=100, comparison=comparison)  # type: ignore[arg-type]
    assert met(target, value) is ok


# --- 6. Process agreements measured true / false ----------------------------------------------------


def evaluation() -> Agreement:
    """ "Partijen evalueren de jaarschijf voor 30 juni 2026": a deliverable, no number."""
    return agreement(None, kind="process", deadline=date(2026, 6, 30), theme="proces")


PROCESS = [
    # Nothing recorded and the deadline passed: not met, as check says (T504).
    pytest.param([], date(2026, 7, 1), "overdue", None, None, id="unmeasured"),
    pytest.param(
        [(date(2026, 5, 15), True)],
        date(2026, 7, 1),
        "achieved",
        True,
        date(2026, 5, 15),
        id="done",
    ),
    pytest.param(
        [(date(2026, 5, 15), False)],
        date(2026, 6, 30),
        "on_track",
        False,
        date(2026, 5, 15),
        id="not-yet-on-deadline-day",
    ),
    pytest.param(
        [(date(2026, 5, 15), False)],
        date(2026, 7, 1),
        "overdue",
        False,
        date(2026, 5, 15),
        id="not-done-after-deadline",
    ),
    # Done after the deadline: the code counts it as achieved (late, but done). A convention.
    pytest.param(
        [(date(2026, 8, 15), True)],
        date(2026, 9, 1),
        "achieved",
        True,
        date(2026, 8, 15),
        id="done-late",
    ),
    # The latest flag counts: done, then reported undone
    pytest.param(
        [(date(2026, 5, 15), True), (date(2026, 6, 15), False)],
        date(2026, 7, 1),
        "overdue",
        False,
        date(2026, 6, 15),
        id="latest-flag-counts",
    ),
    # A flag dated after the as-of date is ignored
    pytest.param([(date(2026, 8, 15), True)], date(2026, 8, 1), "overdue", None, None, id="future"),
    # Two flags on one date: the later in the file counts
    pytest.param(
        [(date(2026, 6, 1), True), (date(2026, 6, 1), False)],
        date(2026, 7, 1),
        "overdue",
        False,
        date(2026, 6, 1),
        id="same-date-later-wins",
    ),
]


@pytest.mark.parametrize(("pairs", "as_of", "status", "current", "measured_on"), PROCESS)
def test_process_agreement(
    pairs: list[tuple[date, bool]],
    as_of: date,
    status: Status,
    current: bool | None,
    measured_on: date | None,
) -> None:
    found = progress(evaluation(), measured(*pairs), as_of, SET_2025, DEFAULT)
    assert (found.status, found.current, found.measured_on) == (status, current, measured_on)
    assert found.share is None
    assert paces(found) is None


# --- 7. No measurements, no target ---------------------------------------------------------------


def test_no_measurements_is_no_data() -> None:
    found = progress(homes_180(), [], date(2018, 1, 1), SET_2016, DEFAULT)
    assert found.status == "no_data"
    assert found.light == "grey"
    assert (found.current, found.share, found.measured_on) == (None, None, None)
    assert paces(found) is None


def test_no_measurements_after_deadline_is_overdue() -> None:
    # Nothing shows the target met by its deadline: not met, as check says (T504).
    found = progress(homes_180(), [], date(2021, 1, 1), SET_2016, DEFAULT)
    assert (found.status, found.unmeasured, found.deadline_passed) == ("overdue", True, True)
    # Before the deadline a missing measurement is its own finding (P613), not a red light.
    before = progress(homes_180(), [], date(2019, 12, 31), SET_2016, DEFAULT)
    assert (before.status, before.unmeasured) == ("no_data", False)


def test_overdue_has_no_projection_before_the_as_of_date() -> None:
    # 165 of 180 by 2019: at that pace 180 on 2020-05-12, before the as-of date 2021-01-01.
    late = progress(homes_180(), yearly(30, 45, 60, 30), date(2021, 1, 1), SET_2016, DEFAULT)
    assert (late.status, late.projected) == ("overdue", None)
    soon = progress(homes_180(), yearly(30, 45, 60, 30), date(2020, 1, 15), SET_2016, DEFAULT)
    assert (soon.status, soon.projected) == ("overdue", date(2020, 5, 12))


def test_only_future_measurements_is_no_data() -> None:
    found = progress(homes_180(), yearly(30), date(2016, 12, 30), SET_2016, DEFAULT)
    assert found.status == "no_data"


def test_without_target_numbers_are_no_data() -> None:
    ag = agreement(None, kind="effort", theme="leefbaarheid")
    found = progress(ag, yearly(12, 14), date(2018, 1, 1), SET_2016, DEFAULT)
    assert (found.status, found.current) == ("no_data", None)


# --- 8. Two measurements on one date ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "status", "current"),
    [
        # expected at 2027-01-01: 620. Later value 620: ratio 1.
        ([800, 620], "on_track", 620.0),
        # Later value 800: share 440/1240, ratio 0.71.
        ([620, 800], "at_risk", 800.0),
    ],
)
def test_same_date_later_in_file_counts(values: list[int], status: Status, current: float) -> None:
    ms = measured(*((date(2027, 1, 1), v) for v in values))
    found = progress(labels_efg(), ms, date(2027, 2, 1), SET_2025, DEFAULT)
    assert (found.status, found.current) == (status, current)


def test_cumulative_same_date_duplicate_counts_once() -> None:
    # 2016: 30; 2017: 45, reported by the corporation and again by the municipality.
    ms = measured((date(2016, 12, 31), 30), (date(2017, 12, 31), 45), (date(2017, 12, 31), 45))
    found = progress(homes_180(), ms, date(2018, 1, 10), SET_2016, DEFAULT)
    # 30 + 45 = 75 of 90 expected: ratio 0.833, at risk (the code says 120: on track).
    assert found.current == 75.0
    assert found.status == "at_risk"


@pytest.mark.parametrize(
    "values",
    [
        pytest.param([0.4, 0.4], id="same-value-twice"),
        pytest.param([0.4, 0.0], id="corrected-later-in-file"),
    ],
)
def test_recurring_same_date_counts_once(values: list[float]) -> None:
    ms = measured((date(2016, 7, 1), 0), *((date(2017, 7, 1), v) for v in values))
    found = progress(rent_cap(), ms, date(2017, 12, 31), SET_2016, DEFAULT)
    # Two years measured; 2017 is judged by its later value.
    missed = 1 if values[-1] > 0 else 0
    assert (found.periods_measured, found.periods_missed) == (2, missed)


def test_level_without_baseline_start_uses_later_of_same_date() -> None:
    ms = measured((date(2025, 1, 1), 1300), (date(2025, 1, 1), 1240), (date(2027, 1, 1), 620))
    found = progress(labels_efg(baseline=False), ms, date(2027, 2, 1), SET_2025, DEFAULT)
    assert found.start_value == 1240.0


# --- 9. Milestones bend the expected line ------------------------------------------------------------

MILESTONES = [
    # Given out of order on purpose; also ignored: one before the start, one on the deadline and
    # one after it (the target value holds there).
    {"date": date(2018, 12, 31), "value": 120},
    {"date": date(2016, 12, 31), "value": 20},
    {"date": date(2017, 12, 31), "value": 60},
    {"date": date(2015, 12, 31), "value": 999},
    {"date": date(2019, 12, 31), "value": 170},
    {"date": date(2020, 6, 30), "value": 500},
]


@pytest.mark.parametrize(
    ("day", "with_milestones", "straight"),
    [
        pytest.param(date(2015, 6, 1), 0, 0, id="before-start"),
        pytest.param(date(2016, 1, 1), 0, 0, id="start"),
        # straight: 180 * 365/1460 = 45
        pytest.param(date(2016, 12, 31), 20, 45, id="first-milestone"),
        # 2017-03-14 is 73 days after 2016-12-31 (31 + 28 + 14):
        #   milestones: 20 + (60 - 20) * 73/365 = 28; straight: 180 * 438/1460 = 54
        pytest.param(date(2017, 3, 14), 28, 54, id="between-milestones"),
        pytest.param(date(2017, 12, 31), 60, 90, id="second-milestone"),
        pytest.param(date(2018, 12, 31), 120, 135, id="third-milestone"),
        # 2019-03-14 is 73 days after 2018-12-31: 120 + 60 * 73/365 = 132; straight 180 * 1168/1460 = 144
        pytest.param(date(2019, 3, 14), 132, 144, id="last-stretch"),
        pytest.param(date(2019, 12, 31), 180, 180, id="deadline"),
        pytest.param(date(2020, 12, 31), 180, 180, id="after-deadline"),
    ],
)
def test_expected_at_milestones_and_straight_line(
    day: date, with_milestones: float, straight: float
) -> None:
    bent = homes_180(milestones=MILESTONES)
    plain = homes_180()
    assert bent.target is not None and plain.target is not None
    args = (date(2016, 1, 1), 0.0, date(2019, 12, 31), day)
    assert expected_at(bent, bent.target, *args) == pytest.approx(with_milestones)
    assert expected_at(plain, plain.target, *args) == pytest.approx(straight)


def test_milestones_change_the_status() -> None:
    # 30 homes in 2016. Straight line: 45 expected, ratio 2/3: behind.
    # With the 2016 milestone of 20: share 30/180, expected 20/180, ratio 1.5: on track.
    plain = progress(homes_180(), yearly(30), date(2017, 1, 15), SET_2016, DEFAULT)
    bent = progress(
        homes_180(milestones=MILESTONES), yearly(30), date(2017, 1, 15), SET_2016, DEFAULT
    )
    assert (plain.status, plain.expected_value) == ("behind", 45.0)
    assert (bent.status, bent.expected_value) == ("on_track", 20.0)
    assert bent.expected_share == pytest.approx(20 / 180)


def test_expected_at_decreasing_through_a_milestone() -> None:
    # 1240 -> 900 on 2026-01-01 (365 days) -> 0 on 2028-12-31 (1095 days later).
    ag = agreement(
        {"value": 0, "comparison": "at_most"},
        deadline=date(2028, 12, 31),
        milestones=[{"date": date(2026, 1, 1), "value": 900}],
    )
    assert ag.target is not None
    line = (date(2025, 1, 1), 1240.0, date(2028, 12, 31))
    # 2025-07-02 is 182 days after 2025-01-01: 1240 - 340 * 182/365
    assert expected_at(ag, ag.target, *line, date(2025, 7, 2)) == pytest.approx(
        1240 - 340 * 182 / 365
    )
    assert expected_at(ag, ag.target, *line, date(2026, 1, 1)) == 900
    # 2027-01-01 is 365 of 1095 days after the milestone: 900 - 900 * 365/1095 = 600
    assert expected_at(ag, ag.target, *line, date(2027, 1, 1)) == pytest.approx(600)


# --- 10. Thresholds: the boundaries are inclusive ----------------------------------------------------


# 180 homes; one measurement on 2017-12-31 where 90 are expected: expected share 0.5,
# ratio = (value/180) / 0.5 = value / 90.
@pytest.mark.parametrize(
    ("on_track", "at_risk", "value", "status"),
    [
        (0.9, 0.7, 81, "on_track"),  # 81/90 = 0.9
        (0.9, 0.7, 80.9, "at_risk"),  # 0.8989
        (0.9, 0.7, 63, "at_risk"),  # 63/90 = 0.7
        (0.9, 0.7, 62.9, "behind"),  # 0.6989
        (0.8, 0.5, 72, "on_track"),  # 72/90 = 0.8
        (0.8, 0.5, 71, "at_risk"),  # 0.789
        (0.8, 0.5, 45, "at_risk"),  # 45/90 = 0.5
        (0.8, 0.5, 44, "behind"),  # 0.489
        (1.0, 1.0, 90, "on_track"),  # 1.0: nothing in between
        (1.0, 1.0, 89.99, "behind"),
    ],
)
def test_threshold_boundaries(
    on_track: float, at_risk: float, value: float, status: Status
) -> None:
    thresholds = Thresholds(on_track=on_track, at_risk=at_risk)
    found = progress(homes_180(), yearly(0, value), date(2018, 1, 10), SET_2016, thresholds)
    assert found.expected_value == 90.0
    assert found.status == status


def test_threshold_boundary_exact_in_decimal() -> None:
    # 100 homes; 2016-10-19 is 292 days after 2016-01-01: expected 100 * 292/1460 = 20.
    # 18 made: 18/20 = 0.9 = on_track threshold: green.
    target = {"value": 100, "cumulative": True, "baseline": {"value": 0, "date": date(2016, 1, 1)}}
    ag = agreement(target, deadline=date(2019, 12, 31))
    found = progress(ag, measured((date(2016, 10, 19), 18)), date(2016, 11, 1), SET_2016, DEFAULT)
    assert found.expected_value == 20.0
    assert found.status == "on_track"


def test_cumulative_decimal_sum_meets_target() -> None:
    target = {"value": 0.8, "cumulative": True, "unit": "mln euro"}
    ag = agreement(target, deadline=date(2019, 12, 31))
    found = progress(ag, yearly(0.1, 0.7), date(2020, 1, 15), SET_2016, DEFAULT)
    assert found.status == "achieved"


@pytest.mark.parametrize(
    ("share", "expected_share", "status"),
    [
        (0.45, 0.5, "on_track"),  # 0.9
        (0.449, 0.5, "at_risk"),  # 0.898
        (0.35, 0.5, "at_risk"),  # 0.7
        (0.349, 0.5, "behind"),  # 0.698
        (1.5, 0.5, "on_track"),  # ahead
        (-0.1, 0.5, "behind"),  # backwards
        (0.0, 0.0, "on_track"),  # nothing expected yet, nothing lost
        (-0.1, 0.0, "at_risk"),  # nothing expected yet, but lost ground
        (0.2, -0.1, "on_track"),
    ],
)
def test_judge(share: float, expected_share: float, status: Status) -> None:
    assert judge(share, expected_share, DEFAULT) == status


def test_lights() -> None:
    assert LIGHTS == {
        "achieved": "green",
        "on_track": "green",
        "at_risk": "orange",
        "behind": "red",
        "overdue": "red",
        "no_data": "grey",
        # Not judged, each for its own reason: grey.
        "context": "grey",
        "request_open": "grey",
        "request_declined": "grey",
        "not_yet": "grey",
        "lapsed": "grey",
        "suspended": "grey",
        "withdrawn": "grey",
    }
    assert tuple(LIGHTS) == STATUSES


# --- 11. Projections ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ag", "pairs", "as_of", "projected"),
    [
        # 45 in 365 days: 135 left at 45/365 a day = 1095 days after 2016-12-31 = 2019-12-31.
        pytest.param(
            homes_180(), [(date(2016, 12, 31), 45)], date(2017, 1, 15), date(2019, 12, 31)
        ),
        # 30 in 365 days: 150 left at 30/365 = 1825 days after 2016-12-31:
        #   +365 2017-12-31, +730 2018-12-31, +1095 2019-12-31, +1461 2020-12-31, +1825 2021-12-30.
        pytest.param(
            homes_180(), [(date(2016, 12, 31), 30)], date(2017, 1, 15), date(2021, 12, 30)
        ),
        # 1240 -> 930 in 365 days: 930 left at 310/365 = 1095 days after 2026-01-01 = 2028-12-31.
        pytest.param(labels_efg(), [(date(2026, 1, 1), 930)], date(2026, 2, 1), date(2028, 12, 31)),
        # 1240 -> 1085 in 365 days: 1085 left at 155/365 = 2555 days after 2026-01-01:
        #   7 years (with 2028 and 2032: 2557 days) would be 2033-01-01, so 2032-12-30.
        pytest.param(
            labels_efg(), [(date(2026, 1, 1), 1085)], date(2026, 2, 1), date(2032, 12, 30)
        ),
        # No progress at all: no date.
        pytest.param(homes_180(), [(date(2016, 12, 31), 0)], date(2017, 1, 15), None),
        # Backwards: no date.
        pytest.param(labels_efg(), [(date(2026, 1, 1), 1300)], date(2026, 2, 1), None),
        # Achieved: no projection needed.
        pytest.param(homes_180(), [(date(2016, 12, 31), 180)], date(2017, 1, 15), None),
        # Measured on the baseline date: no pace.
        pytest.param(labels_efg(), [(date(2025, 1, 1), 1200)], date(2025, 2, 1), None),
    ],
)
def test_projection(
    ag: Agreement, pairs: list[tuple[date, int]], as_of: date, projected: date | None
) -> None:
    period = SET_2016 if ag.deadline == date(2019, 12, 31) else SET_2025
    assert progress(ag, measured(*pairs), as_of, period, DEFAULT).projected == projected


# --- 12. Paces --------------------------------------------------------------------------------------


def test_paces_increasing() -> None:
    found = progress(homes_180(), yearly(30, 15), date(2018, 1, 10), SET_2016, DEFAULT)
    # Measured 2017-12-31: 730 days made, 730 left; 45 made, 135 to go.
    assert paces(found) == pytest.approx((135 / 730, 45 / 730))


def test_paces_decreasing_counted_towards_target() -> None:
    found = progress(
        labels_efg(), measured((date(2027, 1, 1), 682)), date(2027, 2, 1), SET_2025, DEFAULT
    )
    # 730 days made (1240 -> 682: 558 down), 730 left (682 -> 0): both positive towards the target.
    assert paces(found) == pytest.approx((682 / 730, 558 / 730))


def test_paces_going_backwards_is_negative() -> None:
    found = progress(
        labels_efg(), measured((date(2027, 1, 1), 1300)), date(2027, 2, 1), SET_2025, DEFAULT
    )
    # Needed 1300/730 a day down; measured -(1300 - 1240)/730 = -60/730 (away from the target).
    assert paces(found) == pytest.approx((1300 / 730, -60 / 730))


def test_paces_without_own_deadline_run_to_the_set_end() -> None:
    found = progress(
        agreement({"value": 180, "cumulative": True}),
        yearly(10),
        date(2017, 1, 10),
        SET_2016,
        DEFAULT,
    )
    # The set ends 2019-12-31: 1095 days left from 2016-12-31, 365 made; 170 to go, 10 made.
    assert paces(found) == pytest.approx((170 / 1095, 10 / 365))


@pytest.mark.parametrize(
    ("ag", "ms", "as_of", "period"),
    [
        pytest.param(homes_180(), yearly(100, 80), date(2018, 1, 10), SET_2016, id="achieved"),
        pytest.param(rent_cap(), yearly(0), date(2017, 1, 10), SET_2016, id="recurring"),
        pytest.param(homes_180(), [], date(2017, 1, 10), SET_2016, id="no-data"),
        pytest.param(
            homes_180(),
            measured((date(2016, 1, 1), 10)),
            date(2016, 2, 1),
            SET_2016,
            id="measured-on-start",
        ),
        pytest.param(
            homes_180(),
            yearly(10, 10, 10, 10),
            date(2020, 2, 1),
            SET_2016,
            id="measured-on-deadline",
        ),
        pytest.param(
            evaluation(), measured((date(2026, 1, 1), False)), date(2026, 2, 1), SET_2025, id="flag"
        ),
    ],
)
def test_paces_none(ag: Agreement, ms: list[Measurement], as_of: date, period: Period) -> None:
    assert paces(progress(ag, ms, as_of, period, DEFAULT)) is None


# --- 13. Period bounds -------------------------------------------------------------------------------


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("frequency", "start", "end", "bounds"),
    [
        pytest.param(
            "yearly",
            "2016-01-01",
            "2019-12-31",
            [
                ("2016-01-01", "2016-12-31"),
                ("2017-01-01", "2017-12-31"),
                ("2018-01-01", "2018-12-31"),
                ("2019-01-01", "2019-12-31"),
            ],
            id="yearly",
        ),
        pytest.param(
            "half-yearly",
            "2024-01-01",
            "2025-06-30",
            [
                ("2024-01-01", "2024-06-30"),
                ("2024-07-01", "2024-12-31"),
                ("2025-01-01", "2025-06-30"),
            ],
            id="half-yearly",
        ),
        pytest.param(
            "quarterly",
            "2024-01-01",
            "2024-12-31",
            [
                ("2024-01-01", "2024-03-31"),
                ("2024-04-01", "2024-06-30"),
                ("2024-07-01", "2024-09-30"),
                ("2024-10-01", "2024-12-31"),
            ],
            id="quarterly",
        ),
        # A term starting mid-year: the calendar periods that overlap it, whole.
        pytest.param(
            "yearly",
            "2024-07-01",
            "2026-06-30",
            [
                ("2024-01-01", "2024-12-31"),
                ("2025-01-01", "2025-12-31"),
                ("2026-01-01", "2026-12-31"),
            ],
            id="yearly-mid-year",
        ),
        pytest.param(
            "half-yearly",
            "2024-07-01",
            "2025-06-30",
            [("2024-07-01", "2024-12-31"), ("2025-01-01", "2025-06-30")],
            id="half-yearly-mid-year",
        ),
        pytest.param(
            "half-yearly",
            "2024-03-15",
            "2024-09-01",
            [("2024-01-01", "2024-06-30"), ("2024-07-01", "2024-12-31")],
            id="half-yearly-odd-days",
        ),
        pytest.param(
            "quarterly",
            "2024-11-01",
            "2025-02-01",
            [("2024-10-01", "2024-12-31"), ("2025-01-01", "2025-03-31")],
            id="quarterly-over-new-year",
        ),
        pytest.param(
            "quarterly",
            "2024-05-15",
            "2024-05-20",
            [("2024-04-01", "2024-06-30")],
            id="quarterly-within-one",
        ),
        pytest.param("yearly", "2025-01-01", "2024-12-31", [], id="empty"),
    ],
)
def test_period_bounds(frequency: str, start: str, end: str, bounds: list[tuple[str, str]]) -> None:
    expected = [(d(first), d(last)) for first, last in bounds]
    assert period_bounds(frequency, d(start), d(end)) == expected  # type: ignore[arg-type]


# --- 14. Missing periods, with grace days ---------------------------------------------------------------

YEAR_2017 = (d("2017-01-01"), d("2017-12-31"))


@pytest.mark.parametrize(
    ("grace", "as_of", "missing"),
    [
        # 2017-12-31 + 120 days = 2018-04-30 (31 + 28 + 31 + 30): not yet missing on that day
        pytest.param(120, "2018-04-30", [], id="just-inside-grace"),
        pytest.param(120, "2018-05-01", [YEAR_2017], id="just-outside-grace"),
        pytest.param(0, "2017-12-31", [], id="no-grace-last-day"),
        pytest.param(0, "2018-01-01", [YEAR_2017], id="no-grace-next-day"),
        # 2018 is measured, 2019 ends 2019-12-31 + 30 = 2020-01-30: on 2020-01-31 it is missing
        pytest.param(30, "2020-01-31", [YEAR_2017, (d("2019-01-01"), d("2019-12-31"))], id="later"),
    ],
)
def test_missing_periods_grace(grace: int, as_of: str, missing: list[tuple[date, date]]) -> None:
    # Measured in 2016 and 2018 only (a measurement anywhere in the year counts).
    ms = measured((d("2016-12-31"), 30), (d("2018-03-01"), 60))
    assert missing_periods(homes_180(), ms, d(as_of), SET_2016, grace) == missing


def test_missing_periods_none_without_frequency() -> None:
    assert missing_periods(homes_180(frequency=None), [], d("2030-01-01"), SET_2016, 0) == []


def test_missing_periods_stop_at_deadline() -> None:
    # Deadline 2017-06-30: the periods 2016 and 2017 only, whatever the as-of date.
    ag = homes_180(deadline=d("2017-06-30"))
    assert missing_periods(ag, [], d("2030-01-01"), SET_2016, 120) == [
        (d("2016-01-01"), d("2016-12-31")),
        YEAR_2017,
    ]


def test_missing_periods_half_yearly_edges() -> None:
    # 2024-06-30 belongs to H1 2024, 2024-07-01 to H2 2024; H1 2025 has nothing.
    ms = measured((d("2024-06-30"), 100), (d("2024-07-01"), 100))
    assert missing_periods(quota(), ms, d("2026-06-01"), SET_2024, 120) == [
        (d("2025-01-01"), d("2025-06-30")),
        (d("2025-07-01"), d("2025-12-31")),
    ]


def test_missing_periods_mid_year_term() -> None:
    # Term 2024-07-01..2026-06-30, yearly, nothing measured. On 2027-01-01 with 120 grace days:
    # 2024 (ends 2024-12-31) and 2025 are missing; 2026 ends 2026-12-31 + 120 > 2027-01-01.
    period = Period(start=d("2024-07-01"), end=d("2026-06-30"))
    ag = agreement({"value": 10}, frequency="yearly", deadline=d("2026-06-30"))
    assert missing_periods(ag, [], d("2027-01-01"), period, 120) == [
        (d("2024-01-01"), d("2024-12-31")),
        (d("2025-01-01"), d("2025-12-31")),
    ]


# --- 15. Overflow ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "values"),
    [
        pytest.param({"value": 180, "cumulative": True}, [1e308, 1e308], id="cumulative-sum"),
        pytest.param(
            {"value": 1.7e308, "baseline": {"value": 1.5e308, "date": date(2016, 1, 1)}},
            [-1.7e308],
            id="level-difference",
        ),
    ],
)
def test_huge_values_do_not_raise(target: dict[str, Any], values: list[float]) -> None:
    ag = agreement(target, deadline=date(2019, 12, 31))
    progress(ag, yearly(*values), date(2019, 1, 10), SET_2016, DEFAULT)


# --- 16. Statuses that are not judged, and why --------------------------------------------------

WEIDEMEER = Period(start=date(2026, 1, 1), end=date(2029, 12, 31))


def item(**fields: Any) -> dict[str, Any]:
    """An agreement of a set, as the file writes it."""
    return {"id": "A-01", "title": "Afspraak", "theme": "beschikbaarheid", **fields}


def agreement_set(*items: dict[str, Any], **fields: Any) -> AgreementSet:
    """A set 2026-2029: two corporations merge on 2026-07-01 into corp-ab, which works with
    corp-a in the federation 'scw'; 'corporaties' is every corporation."""
    data: dict[str, Any] = {
        "kind": "agreements",
        "version": 1,
        "id": "weidemeer",
        "title": "Weidemeer",
        "period": {"start": "2026-01-01", "end": "2029-12-31"},
        "parties": [
            {"id": "gemeente", "name": "Gemeente", "role": "gemeente"},
            {"id": "corp-a", "name": "A", "role": "corporatie"},
            {
                "id": "corp-b",
                "name": "B",
                "role": "corporatie",
                "left": "2026-07-01",
                "successor": "corp-ab",
            },
            {
                "id": "corp-c",
                "name": "C",
                "role": "corporatie",
                "left": "2026-07-01",
                "successor": "corp-ab",
            },
            {"id": "corp-ab", "name": "AB", "role": "corporatie", "joined": "2026-07-01"},
            {"id": "hv", "name": "Huurders", "role": "huurdersorganisatie"},
        ],
        "groups": [
            {"id": "scw", "name": "Samenwerkende corporaties", "members": ["corp-a", "corp-b"]},
            {"id": "corporaties", "name": "De corporaties", "members": "corporatie"},
        ],
        "agreements": list(items),
    }
    data.update(fields)
    return AgreementSet.model_validate(data)


def in_set(agreements: AgreementSet, as_of: date, *ms: Measurement, **kwargs: Any) -> Progress:
    """The progress of the set's first agreement with ``ms``, judged within the set."""
    first = agreements.agreements[0]
    own = [m for m in ms if m.agreement == first.id]
    everything: dict[str, list[Measurement]] = {}
    for measurement in ms:
        everything.setdefault(measurement.agreement, []).append(measurement)
    return progress(
        first,
        own,
        as_of,
        agreements.period,
        DEFAULT,
        agreement_set=agreements,
        measurements_of=everything,
        **kwargs,
    )


def of(agreement_id: str, day: str, value: Value, index: float | None = None) -> Measurement:
    return Measurement(agreement=agreement_id, date=d(day), value=value, index=index)


def test_context_is_not_judged() -> None:
    # "Partijen streven naar een Weidemeer waarin iedereen een passende woning vindt."
    found = progress(
        agreement(None, kind="context"), measured((d("2026-06-30"), True)), d("2026-12-01"),
        WEIDEMEER, DEFAULT,
    )  # fmt: skip
    assert (found.status, found.light, found.current, found.owed_by) == (
        "context", "grey", None, (),
    )  # fmt: skip


REQUEST_TARGET = {"value": 20000, "comparison": "at_most", "unit": "euro"}


@pytest.mark.parametrize(
    ("answer", "status", "owed_by"),
    [
        pytest.param(None, "request_open", (), id="unanswered"),
        pytest.param({"state": "open", "date": "2026-03-01"}, "request_open", (), id="open"),
        # Accepted after the as-of date: still open on it.
        pytest.param(
            {"state": "accepted", "date": "2026-12-15"}, "request_open", (), id="accepted-later"
        ),
        pytest.param(
            {"state": "declined", "date": "2026-06-15", "note": "Past niet in de begroting"},
            "request_declined",
            (),
            id="declined",
        ),
        # Accepted: the asked party's commitment, judged as any other (18000 <= 20000).
        pytest.param(
            {"state": "accepted", "date": "2026-06-15"}, "achieved", ("gemeente",), id="accepted"
        ),
    ],
)
def test_request(answer: dict[str, Any] | None, status: Status, owed_by: tuple[str, ...]) -> None:
    request = item(
        kind="request",
        owner="scw",
        addressed_to="gemeente",
        target={"metric": "grondprijs", **REQUEST_TARGET},
        ongoing=True,
    )
    if answer is not None:
        request["answer"] = answer
    found = in_set(agreement_set(request), d("2026-12-01"), of("A-01", "2026-10-01", 18000))
    assert (found.status, found.owed_by) == (status, owed_by)
    assert found.light == ("green" if status == "achieved" else "grey")


def withdrawn_set() -> AgreementSet:
    amendment = {
        "date": "2026-09-01",
        "reason": "De regio pakt het onderzoek zelf op.",
        "agreed_by": ["gemeente", "corp-a", "corp-ab", "hv"],
        "withdraws": ["A-01"],
    }
    effort = item(kind="effort", owner="scw", deadline="2026-12-31")
    return agreement_set(effort, amendments=[amendment])


def test_withdrawn_from_the_amendment_on() -> None:
    before = in_set(withdrawn_set(), d("2026-08-31"), of("A-01", "2026-06-30", False))
    assert (before.status, before.withdrawal) == ("on_track", None)
    found = in_set(withdrawn_set(), d("2026-09-01"), of("A-01", "2026-06-30", False))
    assert found.status == "withdrawn"
    assert found.light == "grey"
    assert found.withdrawal is not None
    assert (found.withdrawal.date, found.withdrawal.reason) == (
        d("2026-09-01"), "De regio pakt het onderzoek zelf op.",
    )  # fmt: skip


def conditional(*kinds: str) -> AgreementSet:
    """48 homes by 2028, under conditions of ``kinds`` (ids c-<kind>)."""
    return agreement_set(
        item(
            owner="corp-a",
            conditions=[
                {"id": f"c-{kind}", "text": f"Voorwaarde {kind}.", "kind": kind} for kind in kinds
            ],
            target={
                "metric": "woningen",
                "value": 48,
                "cumulative": True,
                "baseline": {"value": 0, "date": "2026-01-01"},
            },
            deadline="2028-12-31",
        )
    )


def record(condition: str, day: str, state: str, note: str | None = None) -> ConditionRecord:
    return ConditionRecord(
        agreement="A-01",
        condition=condition,
        date=d(day),
        state=state,
        note=note,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        ("approval", "lapsed"),
        ("decision", "lapsed"),
        ("other", "lapsed"),
        ("assumption", "suspended"),
    ],
)
def test_condition_not_met(kind: str, status: Status) -> None:
    failed = record(f"c-{kind}", "2026-09-30", "not_met", "De rechtbank vernietigde de vergunning.")
    ms = of("A-01", "2026-06-30", 10)
    found = in_set(conditional(kind), d("2026-12-01"), ms, conditions=[failed])
    assert (found.status, found.light, found.current) == (status, "grey", None)
    assert found.condition is not None
    assert (found.condition.id, found.condition.text) == (f"c-{kind}", f"Voorwaarde {kind}.")
    assert found.condition_record == failed
    # The day before it was recorded, the agreement is judged as usual:
    # 10 of 48 on 2026-06-30, 48 * 180 / 1095 = 7.9 expected.
    before = in_set(conditional(kind), d("2026-09-29"), ms, conditions=[failed])
    assert (before.status, before.current, before.condition) == ("on_track", 10, None)


def test_condition_met_or_met_again_is_judged() -> None:
    ms = of("A-01", "2026-06-30", 10)
    met_only = [record("c-approval", "2026-03-10", "met")]
    assert in_set(conditional("approval"), d("2026-12-01"), ms, conditions=met_only).status == (
        "on_track"
    )
    # The assumption failed in September and holds again from November.
    again = [
        record("c-assumption", "2026-11-01", "met"),
        record("c-assumption", "2026-09-01", "not_met"),
    ]
    found = in_set(conditional("assumption"), d("2026-12-01"), ms, conditions=again)
    assert found.status == "on_track"
    found = in_set(conditional("assumption"), d("2026-10-01"), ms, conditions=again)
    assert found.status == "suspended"


def test_a_failed_approval_goes_before_a_failed_assumption() -> None:
    both = [
        record("c-assumption", "2026-05-01", "not_met"),
        record("c-approval", "2026-06-01", "not_met"),
    ]
    found = in_set(conditional("assumption", "approval"), d("2026-12-01"), conditions=both)
    assert found.status == "lapsed"
    assert found.condition is not None
    assert found.condition.id == "c-approval"


def test_records_of_other_agreements_do_not_count() -> None:
    other = ConditionRecord(
        agreement="B-01", condition="c-approval", date=d("2026-05-01"), state="not_met"
    )
    found = in_set(conditional("approval"), d("2026-12-01"), conditions=[other])
    assert found.status == "no_data"


def labels_from_2029() -> Agreement:
    """'Vanaf 1 januari 2029 geen woningen met label E, F of G': at most 0, from 2029 on."""
    return agreement(
        {"value": 0, "comparison": "at_most"}, effective_from=d("2029-01-01"), ongoing=True
    )


def test_not_yet_before_effective_from() -> None:
    ms = measured((d("2028-06-30"), 40), (d("2029-06-30"), 0))
    found = progress(labels_from_2029(), ms, d("2028-12-31"), WEIDEMEER, DEFAULT)
    assert (found.status, found.light, found.current) == ("not_yet", "grey", None)
    # From the day on it is judged, and only what was measured from then on counts.
    found = progress(labels_from_2029(), ms, d("2029-01-01"), WEIDEMEER, DEFAULT)
    assert (found.status, found.current) == ("no_data", None)
    found = progress(labels_from_2029(), ms, d("2029-07-01"), WEIDEMEER, DEFAULT)
    assert (found.status, found.current, found.start_value) == ("achieved", 0, 0)
    # An ongoing agreement runs to the end of the term.
    assert found.deadline == d("2029-12-31")


def test_missing_periods_only_from_effective_from() -> None:
    ag = agreement({"value": 20, "recurring": "quarterly"}, frequency="quarterly", ongoing=True)
    later = agreement(
        {"value": 20, "recurring": "quarterly"},
        frequency="quarterly",
        ongoing=True,
        effective_from=d("2026-09-01"),
    )
    as_of = d("2027-04-01")
    assert missing_periods(ag, [], as_of, WEIDEMEER, 0) == [
        (d("2026-01-01"), d("2026-03-31")),
        (d("2026-04-01"), d("2026-06-30")),
        (d("2026-07-01"), d("2026-09-30")),
        (d("2026-10-01"), d("2026-12-31")),
        (d("2027-01-01"), d("2027-03-31")),
    ]
    assert missing_periods(later, [], as_of, WEIDEMEER, 0) == [
        (d("2026-07-01"), d("2026-09-30")),
        (d("2026-10-01"), d("2026-12-31")),
        (d("2027-01-01"), d("2027-03-31")),
    ]


def test_missing_periods_none_for_context_and_open_requests() -> None:
    context = agreement(None, kind="context", frequency="yearly")
    request = agreement(None, kind="request", frequency="yearly", addressed_to="gemeente")
    for ag in (context, request):
        assert missing_periods(ag, [], d("2029-01-01"), WEIDEMEER, 0) == []


def test_missing_periods_stop_at_a_withdrawal() -> None:
    agreements = agreement_set(
        item(owner="scw", kind="process", ongoing=True, frequency="yearly"),
        amendments=[
            {
                "date": "2027-03-01",
                "reason": "Vervalt.",
                "agreed_by": ["gemeente"],
                "withdraws": ["A-01"],
            }
        ],
    )
    ag = agreements.agreements[0]
    assert missing_periods(ag, [], d("2029-06-01"), WEIDEMEER, 0, agreement_set=agreements) == [
        (d("2026-01-01"), d("2026-12-31")),
    ]


# --- 17. The term: ongoing, extended, beyond it ---------------------------------------------------


def test_ongoing_runs_to_the_term_as_amended() -> None:
    duty = item(owner="gemeente", kind="process", ongoing=True, deadline="2026-06-30")
    plain = in_set(agreement_set(duty), d("2026-12-01"))
    assert plain.deadline == d("2029-12-31")
    extended = agreement_set(
        duty,
        amendments=[
            {
                "date": "2027-05-01",
                "reason": "Verlengd.",
                "agreed_by": ["gemeente"],
                "extends_to": "2030-12-31",
            }
        ],
    )
    assert in_set(extended, d("2026-12-01")).deadline == d("2030-12-31")


def test_beyond_term_keeps_its_own_deadline() -> None:
    # 900 homes insulated by 2030-12-31 (past the term 2026-2029); 800 by 2030-06-30.
    # Expected: 900 * 1641 / 1825 = 809.3 (2026-01-01 -> 2030-06-30 is 1641 days).
    insulation = item(
        owner="corporaties",
        target={
            "metric": "woningen",
            "value": 900,
            "cumulative": True,
            "baseline": {"value": 0, "date": "2026-01-01"},
        },
        deadline="2030-12-31",
        beyond_term=True,
    )
    found = in_set(agreement_set(insulation), d("2030-07-01"), of("A-01", "2030-06-30", 800))
    assert (found.deadline, found.status, found.deadline_passed) == (
        d("2030-12-31"), "on_track", False,
    )  # fmt: skip
    assert found.expected_value == pytest.approx(900 * 1641 / 1825)


# --- 18. Recurring targets: a value per year, months, ranges, an index --------------------------


def mutation_rent(**target: Any) -> Agreement:
    """At most the low capping limit at each letting: 682.96 in 2026, 700.72 in 2027."""
    goal = {
        "value": 682.96,
        "comparison": "at_most",
        "recurring": "yearly",
        "per_year": [{"year": 2027, "value": 700.72}],
        **target,
    }
    return agreement(goal, ongoing=True, frequency="yearly")


@pytest.mark.parametrize(
    ("rent_2027", "status", "missed"),
    [
        # Above 2026's cap, below 2027's: met.
        pytest.param(690, "on_track", (), id="within-2027-cap"),
        pytest.param(705, "behind", ((d("2027-01-01"), d("2027-12-31")),), id="above-2027-cap"),
    ],
)
def test_recurring_value_per_year(
    rent_2027: float, status: Status, missed: tuple[tuple[date, date], ...]
) -> None:
    ms = measured((d("2026-10-01"), 679.5), (d("2027-10-01"), rent_2027))
    found = progress(mutation_rent(), ms, d("2027-12-01"), WEIDEMEER, DEFAULT)
    assert (found.status, found.current, found.target_value, found.missed) == (
        status, rent_2027, 700.72, missed,
    )  # fmt: skip
    assert (found.periods_measured, found.periods_missed) == (2, len(missed))
    # 2026 on its own: 679.50 under 682.96.
    found = progress(mutation_rent(), ms[:1], d("2026-12-01"), WEIDEMEER, DEFAULT)
    assert (found.status, found.target_value) == ("on_track", 682.96)


def test_recurring_monthly() -> None:
    ag = agreement({"value": 10, "recurring": "monthly"}, ongoing=True, frequency="monthly")
    ms = measured((d("2026-01-31"), 12), (d("2026-02-28"), 8), (d("2026-03-31"), 11))
    found = progress(ag, ms, d("2026-04-15"), WEIDEMEER, DEFAULT)
    assert (found.status, found.periods_measured, found.periods_missed) == ("at_risk", 3, 1)
    assert found.missed == ((d("2026-02-01"), d("2026-02-28")),)


def test_period_bounds_monthly() -> None:
    assert period_bounds("monthly", d("2026-11-15"), d("2027-02-01")) == [
        (d("2026-11-01"), d("2026-11-30")),
        (d("2026-12-01"), d("2026-12-31")),
        (d("2027-01-01"), d("2027-01-31")),
        (d("2027-02-01"), d("2027-02-28")),
    ]


@pytest.mark.parametrize(
    ("value", "ok"),
    [(849.99, False), (850, True), (925, True), (1000, True), (1000.01, False)],
)
def test_met_between(value: float, ok: bool) -> None:
    target = Target(metric="huur", value=850, comparison="between", upper=1000)
    assert met(target, value) is ok


def middle_rent() -> Agreement:
    """The 40 mid-rent homes let for between 850 and 1000 euro, by 2027-12-31."""
    return agreement(
        {"value": 850, "comparison": "between", "upper": 1000, "unit": "euro"},
        deadline=d("2027-12-31"),
    )


@pytest.mark.parametrize(
    ("rents", "status"),
    [
        pytest.param([925], "achieved", id="inside"),
        # From 1100 down towards the upper bound 1000: 1050 on 2026-12-31 is half of the way.
        pytest.param([1100, 1050], "on_track", id="coming-down"),
        pytest.param([800, 790], "behind", id="going-away"),
    ],
)
def test_range_level(rents: list[float], status: Status) -> None:
    days = [d("2026-01-01"), d("2026-12-31")]
    found = progress(
        middle_rent(),
        measured(*zip(days, rents, strict=False)),
        d("2027-01-01"),
        WEIDEMEER,
        DEFAULT,
    )
    assert found.status == status


def test_range_level_heads_for_the_nearer_bound() -> None:
    ms = measured((d("2026-01-01"), 1100), (d("2026-12-31"), 1050))
    found = progress(middle_rent(), ms, d("2027-01-01"), WEIDEMEER, DEFAULT)
    # 1100 -> 1000 over 2026-01-01..2027-12-31 (729 days); at 2026-12-31 (364 days):
    # 1100 - 100 * 364 / 729 = 1050.07 expected; 1050 made: a share of 0.5.
    assert found.expected_value == pytest.approx(1100 - 100 * 364 / 729)
    assert found.share == pytest.approx(0.5)


def rent_increase() -> Agreement:
    """Rent increase at most inflation minus 0.5 point, each year."""
    target = {
        "value": -0.5,
        "comparison": "at_most",
        "index": "inflatie (CPI)",
        "recurring": "yearly",
        "unit": "procent",
    }
    return agreement(target, ongoing=True, frequency="yearly")


@pytest.mark.parametrize(
    ("increase", "status", "current"),
    [
        # 2.8 with inflation 3.3: -0.5, exactly the cap (and exact in decimals).
        pytest.param(2.8, "on_track", -0.5, id="at-the-cap"),
        pytest.param(3.0, "behind", -0.3, id="above-the-cap"),
    ],
)
def test_index_offset(increase: float, status: Status, current: float) -> None:
    ms = [Measurement(agreement="A-01", date=d("2026-07-01"), value=increase, index=3.3)]
    found = progress(rent_increase(), ms, d("2026-12-01"), WEIDEMEER, DEFAULT)
    assert (found.status, found.current, found.index_value, found.unjudged) == (
        status, current, 3.3, (),
    )  # fmt: skip


def test_index_target_without_index_cannot_be_judged() -> None:
    without = measured((d("2026-07-01"), 2.8))
    found = progress(rent_increase(), without, d("2026-12-01"), WEIDEMEER, DEFAULT)
    assert (found.status, found.current, found.unjudged) == ("no_data", None, (d("2026-07-01"),))
    # Next to a measurement with its index, the one without is left out.
    both = [*without, Measurement(agreement="A-01", date=d("2027-07-01"), value=2.5, index=3.0)]
    found = progress(rent_increase(), both, d("2027-12-01"), WEIDEMEER, DEFAULT)
    assert (found.status, found.current, found.periods_measured) == ("on_track", -0.5, 1)
    assert found.unjudged == (d("2026-07-01"),)


# --- 19. Yes/no duties with a frequency: judged per period --------------------------------------


def monthly_list() -> Agreement:
    """'De gemeente stuurt de corporaties elke maand de lijst van te huisvesten statushouders.'"""
    return agreement(None, kind="process", ongoing=True, frequency="monthly")


# Sent on the 5th of each month of 2026 up to October, except May.
MONTHLY = measured(*((date(2026, month, 5), True) for month in range(1, 11) if month != 5))
MAY = (d("2026-05-01"), d("2026-05-31"))


def test_duty_a_missed_month_is_orange() -> None:
    found = progress(monthly_list(), MONTHLY, d("2026-12-01"), WEIDEMEER, DEFAULT)
    # November ended on 2026-11-30 and is within its 120 grace days: not judged yet.
    assert (found.status, found.light) == ("at_risk", "orange")
    assert (found.periods_measured, found.periods_missed, found.missed) == (10, 1, (MAY,))
    assert (found.current, found.measured_on) == (True, d("2026-10-05"))


def test_duty_the_latest_month_missed_is_red() -> None:
    no_grace = Thresholds(grace_days=0)
    found = progress(monthly_list(), MONTHLY, d("2026-12-01"), WEIDEMEER, no_grace)
    assert (found.status, found.light) == ("behind", "red")
    assert found.missed == (MAY, (d("2026-11-01"), d("2026-11-30")))
    assert (found.periods_measured, found.periods_missed) == (11, 2)


def neighbourhood_meeting() -> Agreement:
    """'De corporaties blijven deelnemen aan het wijkoverleg, dat elk kwartaal bijeenkomt.'"""
    return agreement(None, kind="process", ongoing=True, frequency="quarterly")


@pytest.mark.parametrize(
    ("flags", "as_of", "status", "missed"),
    [
        pytest.param([True, True, True], "2026-12-01", "on_track", 0, id="every-quarter"),
        # Q2: the meeting was held without them.
        pytest.param([True, False, True], "2026-12-01", "at_risk", 1, id="q2-false"),
        pytest.param([True, True, False], "2026-12-01", "behind", 1, id="latest-false"),
        # After the term, all four years of quarters done: achieved; one missed: overdue.
        pytest.param([True] * 16, "2030-02-01", "achieved", 0, id="after-term"),
        pytest.param(
            [True, False] + [True] * 14, "2030-02-01", "overdue", 1, id="after-term-missed"
        ),
    ],
)
def test_duty_per_quarter(flags: list[bool], as_of: str, status: Status, missed: int) -> None:
    days = [date(2026 + i // 4, 3 * (i % 4) + 2, 11) for i in range(len(flags))]
    found = progress(
        neighbourhood_meeting(),
        measured(*zip(days, flags, strict=True)),
        d(as_of),
        WEIDEMEER,
        DEFAULT,
    )
    assert (found.status, found.periods_missed, found.periods_measured) == (
        status, missed, len(flags),
    )  # fmt: skip


def test_a_done_duty_without_frequency_is_achieved_as_before() -> None:
    ag = agreement(None, kind="process", deadline=d("2026-06-30"))
    found = progress(ag, measured((d("2026-05-15"), True)), d("2026-12-01"), WEIDEMEER, DEFAULT)
    assert (found.status, found.periods_measured, found.missed) == ("achieved", 0, ())


# --- 20. A parent adds up its parts ---------------------------------------------------------------


def share(part_id: str, value: int, **target: Any) -> dict[str, Any]:
    return item(
        id=part_id,
        parent="BS-01",
        owner="corp-a",
        target={
            "metric": "woningen",
            "unit": "woningen",
            "value": value,
            "cumulative": True,
            **target,
        },
        deadline="2029-12-31",
    )


def whole(**target: Any) -> dict[str, Any]:
    return item(
        id="BS-01",
        owner="corporaties",
        target={
            "metric": "woningen",
            "unit": "woningen",
            "value": 600,
            "cumulative": True,
            "baseline": {"value": 0, "date": "2026-01-01"},
            **target,
        },
        deadline="2029-12-31",
    )


PARTS = (
    of("BS-01-MH", "2026-06-30", 58),
    of("BS-01-PR", "2026-06-30", 30),
    of("BS-01-OW", "2026-06-30", -4),
)


def test_parent_adds_up_its_parts() -> None:
    agreements = agreement_set(
        whole(), share("BS-01-MH", 250), share("BS-01-PR", 200), share("BS-01-OW", 150)
    )
    found = in_set(agreements, d("2026-12-01"), *PARTS)
    assert found.rolled_up_from == ("BS-01-MH", "BS-01-PR", "BS-01-OW")
    # 58 + 30 - 4 = 84 of 600; expected 600 * 180 / 1460 = 74.0 on 2026-06-30.
    assert (found.status, found.current, found.measured_on) == ("on_track", 84, d("2026-06-30"))
    assert found.expected_value == pytest.approx(600 * 180 / 1460)


def test_parent_with_its_own_measurement_keeps_it() -> None:
    agreements = agreement_set(whole(), share("BS-01-MH", 250))
    found = in_set(agreements, d("2026-12-01"), of("BS-01", "2026-06-30", 100), *PARTS)
    assert (found.current, found.rolled_up_from) == (100, ())


@pytest.mark.parametrize(
    "odd",
    [
        pytest.param(share("BS-01-PR", 200, unit="procent"), id="another-unit"),
        pytest.param(share("BS-01-PR", 200, cumulative=False), id="a-level"),
    ],
)
def test_parts_that_do_not_match_are_not_added_up(odd: dict[str, Any]) -> None:
    agreements = agreement_set(whole(), share("BS-01-MH", 250), odd)
    found = in_set(agreements, d("2026-12-01"), *PARTS)
    assert (found.status, found.current, found.rolled_up_from) == ("no_data", None, ())


def test_parts_without_a_target_take_no_part() -> None:
    monthly = item(id="BS-01-L", parent="BS-01", kind="process", owner="gemeente")
    agreements = agreement_set(whole(), share("BS-01-MH", 250), monthly)
    found = in_set(agreements, d("2026-12-01"), *PARTS, of("BS-01-L", "2026-06-30", True))
    assert (found.current, found.rolled_up_from) == (58, ("BS-01-MH",))


def test_levels_add_up_the_latest_of_each_part() -> None:
    level = {"cumulative": False, "baseline": {"value": 0, "date": "2026-01-01"}}
    agreements = agreement_set(
        whole(**level),
        share("A", 250, cumulative=False),
        share("B", 200, cumulative=False),
    )
    agreements = agreements.model_copy(
        update={
            "agreements": [
                agreements.agreements[0],
                *(a.model_copy(update={"parent": "BS-01"}) for a in agreements.agreements[1:]),
            ]
        }
    )
    ms = (of("A", "2026-03-31", 10), of("A", "2026-06-30", 12), of("B", "2026-06-30", 5))
    found = in_set(agreements, d("2026-12-01"), *ms)
    # On 2026-03-31 only A: 10; on 2026-06-30 A's 12 and B's 5.
    assert (found.current, found.measured_on, found.rolled_up_from) == (
        17,
        d("2026-06-30"),
        ("A", "B"),
    )


def test_without_the_set_nothing_is_added_up() -> None:
    agreements = agreement_set(whole(), share("BS-01-MH", 250))
    found = progress(agreements.agreements[0], [], d("2026-12-01"), WEIDEMEER, DEFAULT)
    assert (found.status, found.rolled_up_from) == ("no_data", ())


# --- 21. Who owes it ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("owner", "as_of", "owed_by"),
    [
        pytest.param("corp-a", "2026-12-01", ("corp-a",), id="one-party"),
        pytest.param("scw", "2026-03-01", ("corp-a", "corp-b"), id="group-before-merger"),
        # After the merger corp-ab carries corp-b's part.
        pytest.param("scw", "2026-12-01", ("corp-a", "corp-ab"), id="group-after-merger"),
        pytest.param(
            ["gemeente", "corporaties"],
            "2026-12-01",
            ("gemeente", "corp-a", "corp-ab"),
            id="joint",
        ),
        pytest.param("corp-x", "2026-12-01", ("corp-x",), id="unknown-kept-as-written"),
    ],
)
def test_owed_by(owner: str | list[str], as_of: str, owed_by: tuple[str, ...]) -> None:
    found = in_set(agreement_set(item(owner=owner)), d(as_of))
    assert found.owed_by == owed_by


def test_without_owners_the_same_but_who_owes_it() -> None:
    # The rules ask without owners: every other field as with them.
    agreements = agreement_set(item(owner="scw"))
    with_owners = in_set(agreements, d("2026-12-01"))
    without = in_set(agreements, d("2026-12-01"), owners=False)
    assert (with_owners.owed_by, without.owed_by) == (("corp-a", "corp-ab"), ())
    assert replace(without, owed_by=with_owners.owed_by) == with_owners


# --- Properties --------------------------------------------------------------------------------------

PERIOD = Period(start=date(2020, 1, 1), end=date(2027, 12, 31))
DAYS = st.dates(min_value=PERIOD.start, max_value=PERIOD.end)
# Finite values; bounded so that sums and differences stay finite (see the overflow test above).
NUMBERS = st.integers(-(10**6), 10**6) | st.floats(
    min_value=-1e100, max_value=1e100, allow_nan=False, allow_infinity=False
)
BOOLEANS = st.booleans()
NONE = st.none()
COMPARISONS = st.sampled_from(["at_least", "at_most", "exactly"])
FREQUENCIES = st.sampled_from([None, "yearly", "half-yearly", "quarterly", "monthly"])
RANK: dict[Status, int] = {"achieved": 4, "on_track": 3, "at_risk": 2, "behind": 1, "overdue": 1}


@st.composite
def thresholds(draw: st.DrawFn) -> Thresholds:
    on_track = draw(st.floats(min_value=0.01, max_value=1.0))
    at_risk = draw(st.floats(min_value=0.01, max_value=on_track))
    return Thresholds(on_track=on_track, at_risk=at_risk)


@st.composite
def numeric_agreements(
    draw: st.DrawFn,
    *,
    comparison: st.SearchStrategy[str] = COMPARISONS,
    cumulative: st.SearchStrategy[bool] = BOOLEANS,
    recurring: st.SearchStrategy[str | None] = NONE,
    numbers: st.SearchStrategy[int | float] = NUMBERS,
) -> Agreement:
    target: dict[str, Any] = {
        "value": draw(numbers),
        "comparison": draw(comparison),
        "cumulative": draw(cumulative),
        "recurring": draw(recurring),
    }
    if draw(st.booleans()):
        target["baseline"] = {"value": draw(numbers), "date": draw(DAYS)}
    milestones = draw(st.lists(st.fixed_dictionaries({"date": DAYS, "value": numbers}), max_size=3))
    return agreement(
        target,
        deadline=draw(st.none() | DAYS),
        milestones=milestones,
        frequency=draw(FREQUENCIES),
    )


def numeric_measurements(
    numbers: st.SearchStrategy[int | float] = NUMBERS, min_size: int = 0
) -> st.SearchStrategy[list[Measurement]]:
    pair = st.tuples(DAYS, numbers)
    return st.lists(pair, min_size=min_size, max_size=6).map(lambda pairs: measured(*pairs))


@settings(max_examples=200, deadline=None)
@given(numeric_agreements(), numeric_measurements(), DAYS, thresholds())
def test_never_achieved_unless_met(
    ag: Agreement, ms: list[Measurement], as_of: date, limits: Thresholds
) -> None:
    found = progress(ag, ms, as_of, PERIOD, limits)
    assert ag.target is not None
    if found.status == "achieved":
        assert isinstance(found.current, float)
        assert met(ag.target, found.current)


@settings(max_examples=200, deadline=None)
@given(numeric_agreements(), numeric_measurements(min_size=1), DAYS, thresholds())
def test_achieved_whenever_met(
    ag: Agreement, ms: list[Measurement], as_of: date, limits: Thresholds
) -> None:
    assume(any(m.date <= as_of for m in ms))
    found = progress(ag, ms, as_of, PERIOD, limits)
    assert ag.target is not None
    assert isinstance(found.current, float)
    assert (found.status == "achieved") == met(ag.target, found.current)


@st.composite
def raised(draw: st.DrawFn) -> tuple[Agreement, list[Measurement], list[Measurement], date]:
    """An at_least cumulative target, its measurements, the same with one value raised, as-of."""
    start = draw(st.integers(0, 500))
    target: dict[str, Any] = {"value": start + draw(st.integers(1, 10**4)), "cumulative": True}
    if start or draw(st.booleans()):
        target["baseline"] = {"value": start, "date": draw(DAYS)}
    # Milestones between the start and the target, as a real jaarschijf would be.
    milestones = draw(
        st.lists(
            st.fixed_dictionaries({"date": DAYS, "value": st.integers(start, target["value"])}),
            max_size=3,
        )
    )
    ag = agreement(target, deadline=draw(st.none() | DAYS), milestones=milestones)
    ms = draw(numeric_measurements(st.integers(-100, 2000) | st.floats(-100, 2000), min_size=1))
    index = draw(st.integers(0, len(ms) - 1))
    more = ms[index].value + draw(st.integers(1, 2000) | st.floats(1e-6, 2000))
    higher = [*ms[:index], ms[index].model_copy(update={"value": more}), *ms[index + 1 :]]
    # Mostly an as-of date after the first measurement, so that something counts.
    as_of = draw(st.dates(min_value=min(m.date for m in ms), max_value=date(2029, 12, 31)) | DAYS)
    return ag, ms, higher, as_of


@settings(max_examples=200, deadline=None)
@given(raised(), thresholds())
def test_raising_a_value_never_makes_it_worse(
    case: tuple[Agreement, list[Measurement], list[Measurement], date], limits: Thresholds
) -> None:
    ag, ms, higher, as_of = case
    before = progress(ag, ms, as_of, PERIOD, limits)
    after = progress(ag, higher, as_of, PERIOD, limits)
    if before.status == "no_data":
        # Nothing measured by the as-of date: raising a value cannot change that.
        assert after.status == "no_data"
        return
    assert RANK[after.status] >= RANK[before.status], (before, after)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(-(10**6), 10**6) | st.floats(-1e12, 1e12),
    st.integers(-(10**6), 10**6) | st.floats(-1e12, 1e12),
    COMPARISONS,
    st.dates(min_value=date(2020, 1, 1), max_value=date(2022, 12, 31)),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2027, 12, 31)),
)
def test_share_zero_at_baseline_one_at_target(
    base: float, goal: float, comparison: str, baseline_day: date, day: date
) -> None:
    assume(base != goal)
    target = {
        "value": goal,
        "comparison": comparison,
        "baseline": {"value": base, "date": baseline_day},
    }
    ag = agreement(target, deadline=date(2027, 12, 31))
    at_base = progress(ag, measured((day, base)), day, PERIOD, DEFAULT)
    at_goal = progress(ag, measured((day, goal)), day, PERIOD, DEFAULT)
    assert at_base.share == 0.0
    assert at_goal.share == 1.0
    assert at_goal.status == "achieved"


@settings(max_examples=200, deadline=None)
@given(st.integers(-(10**6), 10**6), st.integers(-(10**6), 10**6), st.integers(1, 5))
def test_share_cumulative_zero_at_baseline_one_at_target(base: int, goal: int, parts: int) -> None:
    assume(base != goal)
    target = {
        "value": goal,
        "cumulative": True,
        "baseline": {"value": base, "date": date(2020, 1, 1)},
    }
    ag = agreement(target, deadline=date(2027, 12, 31))
    # Counts adding up to goal - base, in ``parts`` years; and counts that cancel out.
    rest = goal - base
    counts = [rest // parts] * (parts - 1) + [rest - (rest // parts) * (parts - 1)]
    at_goal = progress(ag, yearly(*counts, year=2020), date(2026, 1, 1), PERIOD, DEFAULT)
    at_base = progress(ag, yearly(rest, -rest, year=2020), date(2026, 1, 1), PERIOD, DEFAULT)
    assert at_goal.share == 1.0
    assert at_base.share == 0.0


@st.composite
def lines(draw: st.DrawFn) -> tuple[Agreement, date, float, date, list[date]]:
    """A target with monotone milestones between the start and the target value."""
    start_value = draw(st.integers(-(10**6), 10**6))
    goal = draw(st.integers(-(10**6), 10**6))
    start_day = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2023, 12, 31)))
    deadline = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2028, 12, 31)))
    low, high = sorted((start_value, goal))
    days = draw(st.lists(DAYS, max_size=4, unique=True))
    values = sorted(draw(st.lists(st.integers(low, high), min_size=len(days), max_size=len(days))))
    if goal < start_value:
        values.reverse()
    milestones = [
        {"date": day, "value": value} for day, value in zip(sorted(days), values, strict=True)
    ]
    ag = agreement(
        {"value": goal, "comparison": draw(COMPARISONS)}, deadline=deadline, milestones=milestones
    )
    probes = draw(st.lists(st.dates(date(2019, 1, 1), date(2029, 12, 31)), min_size=2, max_size=6))
    return ag, start_day, float(start_value), deadline, sorted(probes)


@settings(max_examples=200, deadline=None)
@given(lines())
def test_expected_at_between_and_monotone(
    case: tuple[Agreement, date, float, date, list[date]],
) -> None:
    ag, start_day, start_value, deadline, probes = case
    assert ag.target is not None
    goal = float(ag.target.value)
    low, high = sorted((start_value, goal))
    values = [expected_at(ag, ag.target, start_day, start_value, deadline, day) for day in probes]
    assert all(low <= value <= high for value in values)
    steps = list(itertools.pairwise(values))
    if goal >= start_value:
        assert all(a <= b for a, b in steps)
    else:
        assert all(a >= b for a, b in steps)


@st.composite
def any_agreements(draw: st.DrawFn) -> Agreement:
    if draw(st.integers(0, 3)):
        return draw(numeric_agreements(recurring=FREQUENCIES))
    return agreement(
        None,
        kind=draw(st.sampled_from(["result", "effort", "process"])),
        deadline=draw(st.none() | DAYS),
        frequency=draw(FREQUENCIES),
        ongoing=draw(st.booleans()),
        effective_from=draw(st.none() | DAYS),
    )


@settings(max_examples=200, deadline=None)
@given(
    any_agreements(),
    numeric_measurements(NUMBERS | st.booleans()),
    st.dates(min_value=date(2019, 1, 1), max_value=date(2029, 12, 31)),
    thresholds(),
    st.integers(0, 366),
)
def test_progress_never_raises(
    ag: Agreement, ms: list[Measurement], as_of: date, limits: Thresholds, grace: int
) -> None:
    found = progress(ag, ms, as_of, PERIOD, limits)
    assert found.status in LIGHTS
    paces(found)
    missing_periods(ag, ms, as_of, PERIOD, grace)


# --- Missed periods counted as check counts them (P613) ------------------------------------------


def scholing(**fields: Any) -> Agreement:
    """5,000 euro each year from 2026, ongoing, measured yearly."""
    target = {"value": 5000, "unit": "euro", "recurring": "yearly"}
    return agreement(target, **{"ongoing": True, "frequency": "yearly", **fields})


@pytest.mark.parametrize(
    ("value", "status", "missed"),
    [
        # 2026 ended without a measurement; 2027's met the target: missed earlier, orange.
        (5000, "at_risk", ((d("2026-01-01"), d("2026-12-31")),)),
        # And 2027's missed it too: the latest period missed, red.
        (4000, "behind", ((d("2026-01-01"), d("2026-12-31")), (d("2027-01-01"), d("2027-12-31")))),
    ],
)
def test_recurring_periods_count_from_the_term_start_like_check(
    value: float, status: Status, missed: tuple[tuple[date, date], ...]
) -> None:
    ag = scholing()
    ms = measured((d("2027-04-01"), value))
    found = progress(ag, ms, d("2027-12-01"), WEIDEMEER, DEFAULT)
    assert (found.status, found.periods_measured, found.periods_missed, found.missed) == (
        status, 2, len(missed), missed,
    )  # fmt: skip
    # The period without a measurement is the one check names.
    assert missing_periods(ag, ms, d("2027-12-01"), WEIDEMEER, DEFAULT.grace_days) == [
        (d("2026-01-01"), d("2026-12-31"))
    ]


def test_recurring_periods_count_from_effective_from_and_within_the_grace_days() -> None:
    ag = scholing(effective_from="2027-01-01")
    found = progress(ag, measured((d("2027-04-01"), 5000)), d("2027-12-01"), WEIDEMEER, DEFAULT)
    assert (found.status, found.periods_measured, found.periods_missed) == ("on_track", 1, 0)
    # 2026 is still within its grace days on 2027-02-01: not missed yet.
    early = progress(scholing(), measured((d("2027-01-15"), 5000)), d("2027-02-01"), WEIDEMEER,
                     DEFAULT)  # fmt: skip
    assert (early.status, early.periods_measured, early.periods_missed) == ("on_track", 1, 0)
    # Without a reporting frequency nothing is owed per period: from the first measurement.
    loose = progress(scholing(frequency=None), measured((d("2027-04-01"), 5000)), d("2027-12-01"),
                     WEIDEMEER, DEFAULT)  # fmt: skip
    assert (loose.status, loose.periods_measured, loose.periods_missed) == ("on_track", 1, 0)


def test_an_owner_that_joins_later_owes_its_agreement_all_the_same() -> None:
    later = {"id": "corp-d", "name": "D", "role": "corporatie", "joined": "2027-01-01"}
    agreements = agreement_set(item(owner="corp-d"), item(id="A-02", owner=["corp-d", "hv"]))
    agreements = agreements.model_copy(
        update={"parties": [*agreements.parties, Party.model_validate(later)]}
    )
    first, second = agreements.agreements
    own = progress(first, [], d("2026-12-01"), WEIDEMEER, DEFAULT, agreement_set=agreements)
    joint = progress(second, [], d("2026-12-01"), WEIDEMEER, DEFAULT, agreement_set=agreements)
    # Nobody owes A-01 on the day by the calendar: its owner as written does.
    assert own.owed_by == ("corp-d",)
    # Somebody owes A-02 that day: the owner that is a party already.
    assert joint.owed_by == ("hv",)
