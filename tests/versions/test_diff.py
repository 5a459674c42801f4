"""The semantic diff as pure functions: words, fields, agreements and sets."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from prestatie_cli.model.agreements import Agreement, AgreementSet
from prestatie_cli.reporting.diff_formats import field_line
from prestatie_cli.versions.diff import (
    AgreementChange,
    Diff,
    FieldChange,
    SetDiff,
    Withdrawal,
    Words,
    diff_set,
    field_changes,
    words,
)
from tests.conftest import base_set


def _agreement(**changes: Any) -> Agreement:
    data = base_set()["agreements"][0]
    data.update(changes)
    return Agreement.model_validate(data)


def _set(agreements: list[dict[str, Any]], **changes: Any) -> AgreementSet:
    data = base_set()
    data["agreements"] = agreements
    data.update(changes)
    return AgreementSet.model_validate(data)


def _item(**changes: Any) -> dict[str, Any]:
    data = base_set()["agreements"][0]
    data.update(changes)
    return data


def test_words_marks_deleted_and_inserted_runs() -> None:
    assert words("a b c d", "a x c d e") == (
        Words("equal", "a"),
        Words("delete", "b"),
        Words("insert", "x"),
        Words("equal", "c d"),
        Words("insert", "e"),
    )
    assert words("zelfde  tekst\n", "zelfde tekst") == (Words("equal", "zelfde tekst"),)
    assert words("", "nieuw") == (Words("insert", "nieuw"),)
    assert words("weg", "") == (Words("delete", "weg"),)


def test_target_value_raised_and_lowered() -> None:
    old = _agreement()
    raised = _agreement(target={**_item()["target"], "value": 200.5})
    assert field_changes(old, raised) == (FieldChange("target.value", 180, 200.5, "raised", 20.5),)
    assert field_changes(raised, old) == (FieldChange("target.value", 200.5, 180, "lowered", 20.5),)
    assert field_line(field_changes(old, raised)[0], "nl") == (
        "target.value: 180 → 200,5 (verhoogd met 20,5)"
    )
    assert field_line(field_changes(old, raised)[0], "en") == (
        "target.value: 180 → 200.5 (raised by 20.5)"
    )


def test_other_target_fields_have_no_direction() -> None:
    old = _agreement()
    new = _agreement(target={**_item()["target"], "comparison": "at_most", "unit": "huizen"})
    assert field_changes(old, new) == (
        FieldChange("target.unit", "woningen", "huizen"),
        FieldChange("target.comparison", "at_least", "at_most"),
    )


def test_deadline_later_earlier_and_added() -> None:
    old = _agreement()
    assert field_changes(old, _agreement(deadline="2020-01-01")) == (
        FieldChange("deadline", "2019-12-31", "2020-01-01", "later", 1),
    )
    assert field_changes(old, _agreement(deadline="2018-12-31")) == (
        FieldChange("deadline", "2019-12-31", "2018-12-31", "earlier", 365),
    )
    assert field_changes(_agreement(deadline=None), old) == (
        FieldChange("deadline", None, "2019-12-31"),
    )


def test_text_is_compared_word_by_word() -> None:
    old = _agreement(text="Corporatie A levert 180 woningen op.")
    new = _agreement(text="Corporatie A levert 200 woningen op.")
    [change] = field_changes(old, new)
    assert change.field == "text"
    assert (change.old, change.new) == (old.text, new.text)
    assert change.words == (
        Words("equal", "Corporatie A levert"),
        Words("delete", "180"),
        Words("insert", "200"),
        Words("equal", "woningen op."),
    )
    assert field_line(change, "nl") == "text: Corporatie A levert [-180-] {+200+} woningen op."
    assert field_line(change, "nl", markdown=True) == (
        "text: Corporatie A levert ~~180~~ **200** woningen op."
    )


def test_milestones_are_matched_by_date() -> None:
    old = _agreement(
        milestones=[{"date": "2017-12-31", "value": 60}, {"date": "2018-12-31", "value": 120}]
    )
    new = _agreement(
        milestones=[
            {"date": "2018-12-31", "value": 100, "note": "Vertraagd"},
            {"date": "2019-06-30", "value": 150},
        ]
    )
    assert field_changes(old, new) == (
        FieldChange("milestones[2017-12-31]", {"date": "2017-12-31", "value": 60}, None),
        FieldChange("milestones[2018-12-31].value", 120, 100, "lowered", 20),
        FieldChange("milestones[2018-12-31].note", None, "Vertraagd"),
        FieldChange("milestones[2019-06-30]", None, {"date": "2019-06-30", "value": 150}),
    )


def test_contributors_owner_and_title() -> None:
    old = _agreement()
    new = _agreement(title="Meer woningen", owner="gemeente", contributors=["corp-a"])
    assert field_changes(old, new) == (
        FieldChange("title", old.title, "Meer woningen"),
        FieldChange("owner", "corp-a", "gemeente"),
        FieldChange("contributors", "gemeente", None),
        FieldChange("contributors", "hv-a", None),
        FieldChange("contributors", None, "corp-a"),
    )


def test_status_change_only_when_both_known_and_different() -> None:
    same = _agreement()
    assert field_changes(same, same, ("no_data", "on_track")) == (
        FieldChange("status", "no_data", "on_track"),
    )
    assert field_changes(same, same, ("behind", "behind")) == ()
    assert field_changes(same, same, (None, "behind")) == ()


def test_diff_set_added_removed_renamed_changed() -> None:
    first = _item(id="BS-01")
    second = _item(id="BS-02", title="Tweede", text="Iets anders dan de eerste afspraak.")
    third = _item(id="BS-03", title="Derde")
    old = _set([first, second, third])
    renamed = {**second, "id": "BS-22"}
    changed_and_renamed = {**third, "id": "BS-33", "title": "Derde, gewijzigd"}
    new = _set(
        [{**first, "deadline": "2019-06-30"}, renamed, changed_and_renamed, _item(id="BS-04")],
        title="Nieuwe titel",
    )
    result = diff_set(old, new, "set.yaml")
    assert result.kind == "changed"
    assert result.fields == (FieldChange("title", old.title, "Nieuwe titel"),)
    assert [(c.id, c.kind, c.old_id) for c in result.agreements] == [
        ("BS-01", "changed", None),
        ("BS-22", "renamed", "BS-02"),
        ("BS-33", "added", None),
        ("BS-04", "added", None),
        ("BS-03", "removed", None),
    ]
    assert result.agreements[0].fields == (
        FieldChange("deadline", "2019-12-31", "2019-06-30", "earlier", 184),
    )
    assert not result.empty


def test_diff_set_of_a_set_on_one_side_only() -> None:
    model = _set([_item()])
    assert diff_set(None, model, "a.yaml") == SetDiff(model.id, model.title, "a.yaml", "added")
    assert diff_set(model, None, "a.yaml") == SetDiff(model.id, model.title, "a.yaml", "removed")
    assert not diff_set(None, model, "a.yaml").empty


@pytest.mark.parametrize(
    ("fields", "empty"),
    [
        ((), True),
        ((FieldChange("status", "no_data", "behind"),), True),
        ((FieldChange("status", "no_data", "behind"), FieldChange("owner", "a", "b")), False),
    ],
)
def test_a_status_alone_is_not_a_change_of_the_files(
    fields: tuple[FieldChange, ...], empty: bool
) -> None:
    change = AgreementChange("BS-01", "Titel", "changed", None, fields)
    assert change.substantive is not empty
    item = SetDiff("s", "S", "s.yaml", "changed", (change,) if fields else ())
    assert item.empty is empty
    assert Diff("a", "b", (item,)).empty is empty


def test_answer_is_compared_part_by_part_and_conditions_by_id() -> None:
    request = {"kind": "request", "addressed_to": "gemeente"}
    old = _agreement(**request, answer={"state": "open", "date": "2016-03-01"})
    new = _agreement(
        **request,
        answer={"state": "accepted", "date": "2016-06-15", "note": "Collegebesluit"},
        conditions=[{"id": "rvc", "text": "Goedkeuring RvC", "kind": "approval"}],
    )
    changes = field_changes(old, new)
    assert changes == (
        FieldChange("answer.state", "open", "accepted"),
        FieldChange("answer.date", "2016-03-01", "2016-06-15"),
        FieldChange("answer.note", None, "Collegebesluit"),
        FieldChange(
            "conditions[rvc]",
            None,
            {"id": "rvc", "text": "Goedkeuring RvC", "kind": "approval"},
        ),
    )
    assert field_line(changes[0], "en") == "answer.state: open → accepted"


def test_joint_owners_and_target_lists() -> None:
    old = _agreement(
        target={**_item()["target"], "per_year": [{"year": 2017, "value": 60}]},
    )
    new = _agreement(
        owner=["corp-a", "gemeente"],
        target={
            **_item()["target"],
            "per_year": [{"year": 2017, "value": 50}, {"year": 2018, "value": 70}],
            "split": [{"category": "sociale huur", "share": 100}],
        },
    )
    changes = field_changes(old, new)
    assert [field_line(change, "nl") for change in changes] == [
        "owner: corp-a → corp-a, gemeente",
        "target.per_year[2017].value: 60 → 50 (verlaagd met 10)",
        'target.per_year[2018]: — → {"year": 2018, "value": 70}',
        'target.split[sociale huur]: — → {"category": "sociale huur", "share": 100}',
    ]


def test_diff_set_names_a_withdrawn_agreement_with_its_amendment() -> None:
    first, second = _item(id="BS-01"), _item(id="BS-02", title="Tweede")
    old = _set([first, second])
    amendment = {
        "date": "2017-05-01",
        "reason": "Niet meer nodig.",
        "agreed_by": ["gemeente", "corp-a", "hv-a"],
        "withdraws": ["BS-01", "BS-02"],
    }
    # BS-01 leaves the file, BS-02 stays in it: both are withdrawn, neither removed.
    new = _set([second], amendments=[amendment])
    result = diff_set(old, new, "set.yaml")
    withdrawal = Withdrawal(date(2017, 5, 1), "Niet meer nodig.", ("gemeente", "corp-a", "hv-a"))
    assert [(c.id, c.kind, c.withdrawn) for c in result.agreements] == [
        ("BS-02", "withdrawn", withdrawal),
        ("BS-01", "withdrawn", withdrawal),
    ]
    # Already withdrawn in the old version: nothing new to say about BS-02.
    again = diff_set(new, new, "set.yaml")
    assert again.agreements == () and again.empty


def test_request_ongoing_and_term_flags() -> None:
    old = _agreement()
    new = _agreement(
        kind="request", addressed_to=["gemeente", "hv-a"], ongoing=True, beyond_term=True
    )
    assert [field_line(change, "nl") for change in field_changes(old, new)] == [
        "kind: result → request",
        "addressed_to: — → gemeente, hv-a",
        "ongoing: false → true",
        "beyond_term: false → true",
    ]
