"""model.structure: groups, owners, successors, the term and withdrawals of a real-shaped set."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prestatie_cli.load.parse import parse_file
from prestatie_cli.model.agreements import Agreement, AgreementSet, Monitor
from prestatie_cli.model.structure import (
    children,
    condition_states,
    due_date,
    group_members,
    owner_parties,
    parties_of,
    term_end,
    withdrawals,
)

REPO = Path(__file__).resolve().parents[2]
FRAME = REPO / "examples" / "afspraken" / "weidemeer-2026-2029.yaml"
MONITOR = REPO / "examples" / "monitor" / "weidemeer-2026-2029.yaml"


def _frame() -> AgreementSet:
    model = parse_file(FRAME).model
    assert isinstance(model, AgreementSet)
    return model


def _monitor() -> Monitor:
    model = parse_file(MONITOR).model
    assert isinstance(model, Monitor)
    return model


def _agreement(agreement_set: AgreementSet, agreement_id: str) -> Agreement:
    return next(a for a in agreement_set.agreements if a.id == agreement_id)


def test_a_group_by_role_holds_every_party_of_that_role_in_file_order() -> None:
    frame = _frame()
    groups = {group.id: group for group in frame.groups}
    assert group_members(frame, groups["corporaties"]) == (
        "corp-meerhof",
        "corp-polderrijk",
        "corp-oever",
        "corp-polderoever",
        "corp-jong",
    )
    assert group_members(frame, groups["huurdersorganisaties"]) == (
        "hv-meerhof",
        "hv-polderoever",
        "hv-weidemeer",
    )
    assert len(group_members(frame, groups["partijen"])) == len(frame.parties)


def test_after_a_merger_the_successor_stands_for_the_merged_parties() -> None:
    frame = _frame()
    assert parties_of(frame, ["scw"], on=date(2026, 3, 1)) == (
        "corp-meerhof",
        "corp-polderrijk",
        "corp-oever",
    )
    assert parties_of(frame, ["scw"], on=date(2026, 7, 1)) == ("corp-meerhof", "corp-polderoever")
    # Without a day every member counts, as written.
    assert parties_of(frame, ["scw"]) == (
        "corp-meerhof",
        "corp-polderrijk",
        "corp-oever",
        "corp-polderoever",
    )


def test_a_party_that_joined_later_is_no_member_before_it_joined() -> None:
    frame = _frame()
    assert "corp-jong" not in parties_of(frame, ["corporaties"], on=date(2026, 8, 31))
    assert "corp-jong" in parties_of(frame, ["corporaties"], on=date(2026, 9, 1))


def test_joint_owners_count_each_party_once() -> None:
    frame = _frame()
    assert owner_parties(frame, _agreement(frame, "BS-03"), on=date(2026, 12, 1)) == (
        "gemeente",
        "corp-meerhof",
        "corp-polderoever",
        "corp-jong",
    )


def test_a_request_is_owed_by_the_asked_once_accepted_and_by_nobody_before() -> None:
    frame = _frame()
    assert owner_parties(frame, _agreement(frame, "BS-04")) == ("gemeente",)
    assert owner_parties(frame, _agreement(frame, "LV-02")) == ()
    assert owner_parties(frame, _agreement(frame, "K-00")) == ()


def test_unknown_ids_are_left_to_the_rules() -> None:
    assert parties_of(_frame(), ["gemeente", "niemand"]) == ("gemeente",)


def test_the_term_and_due_dates() -> None:
    frame = _frame()
    assert term_end(frame) == date(2029, 12, 31)
    extended = frame.model_copy(
        update={
            "amendments": [
                frame.amendments[0].model_copy(update={"extends_to": date(2030, 12, 31)})
            ]
        }
    )
    assert term_end(extended) == date(2030, 12, 31)
    # Ongoing: the term's end; a deadline of its own otherwise, also past the term.
    assert due_date(frame, _agreement(frame, "LV-01")) == date(2029, 12, 31)
    assert due_date(frame, _agreement(frame, "KD-02")) == date(2030, 12, 31)
    assert due_date(frame, _agreement(frame, "BT-03")) == date(2027, 12, 31)


def test_withdrawals_name_the_amendment() -> None:
    withdrawn = withdrawals(_frame())
    assert list(withdrawn) == ["SW-05"]
    assert withdrawn["SW-05"].date == date(2026, 9, 1)


def test_children_in_file_order() -> None:
    assert [a.id for a in children(_frame(), "BS-01")] == ["BS-01-MH", "BS-01-PR", "BS-01-OW"]
    assert children(_frame(), "BT-01") == []


def test_condition_states_follow_the_monitor_by_date() -> None:
    frame, monitor = _frame(), _monitor()
    kerkpad = _agreement(frame, "BS-05")
    assert condition_states(kerkpad, monitor.conditions, date(2026, 3, 9)) == {"rvc-kerkpad": None}
    [record] = condition_states(kerkpad, monitor.conditions, date(2026, 3, 10)).values()
    assert record is not None and record.state == "met"
    dijkzicht = _agreement(frame, "BS-06")
    [record] = condition_states(dijkzicht, monitor.conditions, date(2026, 12, 1)).values()
    assert record is not None and (record.state, record.date) == ("not_met", date(2026, 9, 30))
