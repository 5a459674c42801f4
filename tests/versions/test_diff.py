"""The semantic diff as pure functions: words, fields, agreements and sets."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from prestatie_cli.model.agreements import Agreement, AgreementSet
from prestatie_cli.reporting.diff_formats import field_line
from prestatie_cli.versions.diff import (
    RENAME_SIMILARITY,
    AgreementChange,
    Diff,
    FieldChange,
    SetDiff,
    Withdrawal,
    Words,
    diff_set,
    field_changes,
    renames,
    similarity,
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
    # BS-33 is BS-03 with a new title: a rename with its change, though BS-04 (the same
    # text under the first agreement's title) came in too.
    assert [(c.id, c.kind, c.old_id) for c in result.agreements] == [
        ("BS-01", "changed", None),
        ("BS-22", "renamed", "BS-02"),
        ("BS-33", "renamed", "BS-03"),
        ("BS-04", "added", None),
    ]
    assert result.agreements[0].fields == (
        FieldChange("deadline", "2019-12-31", "2019-06-30", "earlier", 184),
    )
    assert result.agreements[1].fields == ()
    assert result.agreements[2].fields == (FieldChange("title", "Derde", "Derde, gewijzigd"),)
    assert not result.empty


def test_similarity_of_renamed_edited_and_unrelated_agreements() -> None:
    old = _agreement(title="Nieuwe sociale huurwoningen", text="Corporatie A levert 180 woningen.")
    assert similarity(old, old.model_copy(update={"id": "X"})) == 1.0
    # Title and text word for word (another metric, so the title alone does not count):
    # six words in common, eight before and nine after.
    edited = _agreement(
        title="Nieuwe sociale huurwoningen",
        text="Corporatie A levert 200 sociale huurwoningen.",
        target={**_item()["target"], "metric": "sociale huurwoningen"},
    )
    assert similarity(old, edited) == pytest.approx(2 * 6 / 17)
    assert similarity(old, edited) >= RENAME_SIMILARITY
    # Another text altogether, but the same metric and nearly the same title.
    retold = _agreement(title="Nieuwe sociale huurwoning", text="Er komen er 200 bij, in de wijk.")
    assert similarity(old, retold) == pytest.approx(2 * 25 / 52)
    other = _agreement(title="Woningen voor statushouders", text="Corporatie A huisvest er 30.")
    assert similarity(old, other) < RENAME_SIMILARITY
    assert [(a.title, b.title) for a, b in renames([old], [other, edited])] == [
        (old.title, edited.title)
    ]
    assert renames([old], [other]) == []


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
        "target.per_year[2018]: — → 2018: 70",
        "target.split[sociale huur]: — → sociale huur 100 %",
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


def _lines(changes: tuple[FieldChange, ...], lang: str, markdown: bool = False) -> list[str]:
    return [field_line(change, lang, markdown) for change in changes]  # type: ignore[arg-type]


def test_an_answer_given_reads_as_a_sentence() -> None:
    request = {"kind": "request", "addressed_to": "gemeente"}
    old = _agreement(**request)
    new = _agreement(
        **request, answer={"state": "accepted", "date": "2026-11-01", "note": "Collegebesluit"}
    )
    changes = field_changes(old, new)
    assert _lines(changes, "nl") == [
        "answer: — → verzoek aanvaard op 1 november 2026 (Collegebesluit)"
    ]
    assert _lines(changes, "en") == [
        "answer: — → request accepted on 1 November 2026 (Collegebesluit)"
    ]
    back = field_changes(new, _agreement(**request, answer={"state": "open", "date": "2026-10-01"}))
    assert _lines(back, "nl") == [
        "answer.state: accepted → open",
        "answer.date: 1 november 2026 → 1 oktober 2026",
        "answer.note: Collegebesluit → —",
    ]


def test_every_new_list_item_of_an_agreement_reads_as_words() -> None:
    old = _agreement(target=None)
    new = _agreement(
        conditions=[
            {"id": "rvc", "text": "Goedkeuring door de RvC.", "kind": "approval", "by": "RvC A"},
            {"id": "peil", "text": "Het peil van 2025 blijft.", "kind": "assumption"},
        ],
        target={
            "metric": "sociale huurwoningen",
            "unit": "woningen",
            "value": 1200,
            "split": [{"category": "sociale huur", "share": 60, "value": 720}],
            "per_year": [{"year": 2027, "value": 300, "note": "Jaarschijf"}],
            "baseline": {"value": 0, "date": "2016-01-01"},
        },
        milestones=[{"date": "2017-12-31", "value": 400, "note": "Tussenstand"}],
        waivers=[{"rule": "P613", "reason": "Telling volgt later.", "until": "2017-06-30"}],
    )
    changes = field_changes(old, new)
    expected_nl = [
        "conditions[rvc]: — → goedkeuring door RvC A: Goedkeuring door de RvC.",
        "conditions[peil]: — → aanname: Het peil van 2025 blijft.",
        "target: — → sociale huurwoningen: ≥ 1.200 woningen",
        "milestones[2017-12-31]: — → 400 op 31 december 2017 (Tussenstand)",
        "waivers[P613]: — → P613: Telling volgt later. (tot 30 juni 2017)",
    ]
    assert _lines(changes, "nl") == expected_nl
    assert _lines(changes, "en")[1:3] == [
        "conditions[peil]: — → assumption: Het peil van 2025 blijft.",
        "target: — → sociale huurwoningen: ≥ 1,200 woningen",
    ]
    # Within a target, its lists item by item.
    with_target = _agreement(
        target={**_item()["target"], "split": [], "per_year": []},
    )
    inner = field_changes(
        with_target, new.model_copy(update={"conditions": [], "milestones": [], "waivers": []})
    )
    assert _lines(inner, "nl") == [
        "target.metric: sociale huurwoningen opgeleverd → sociale huurwoningen",
        "target.value: 180 → 1.200 (verhoogd met 1.020)",
        "target.per_year[2027]: — → 2027: 300 (Jaarschijf)",
        "target.split[sociale huur]: — → sociale huur 60 % (720)",
        "target.cumulative: true → false",
    ]
    removed = field_changes(new, old)
    assert _lines(removed, "nl")[0] == (
        "conditions[rvc]: goedkeuring door RvC A: Goedkeuring door de RvC. → —"
    )
    for line in [*_lines(changes, "nl", True), *_lines(inner, "nl", True)]:
        assert "{" not in line and '"' not in line, line


def test_every_new_part_of_a_set_reads_as_words() -> None:
    item = _item()
    old = _set([item])
    new = _set(
        [item],
        parties=[
            *base_set()["parties"],
            {
                "id": "corp-b",
                "name": "Woonstichting B",
                "role": "corporatie",
                "joined": "2017-01-01",
                "note": "Sluit aan met een addendum.",
            },
            {
                "id": "corp-c",
                "name": "Woonstichting C",
                "role": "corporatie",
                "left": "2017-07-01",
                "successor": "corp-b",
            },
        ],
        groups=[{"id": "corporaties", "name": "De corporaties", "members": "corporatie"}],
        bids=[{"party": "corp-a", "date": "2015-06-30", "note": "Met advies"}],
        amendments=[
            {
                "date": "2026-11-20",
                "reason": "A-13 vervalt.",
                "agreed_by": ["gemeente", "corp-a"],
                "withdraws": ["A-13"],
                "extends_to": "2020-12-31",
            }
        ],
        period={"start": "2016-01-01", "end": "2020-06-30"},
        waivers=[{"rule": "P604", "reason": "Tekent later."}],
    )
    result = diff_set(old, new, "set.yaml")
    lines = _lines(result.fields, "nl")
    assert lines == [
        "period: 2016-01-01 t/m 2019-12-31 → 2016-01-01 t/m 2020-06-30",
        "parties[corp-b]: — → Woonstichting B (woningcorporatie; partij per 1 januari 2017; "
        "Sluit aan met een addendum.)",
        "parties[corp-c]: — → Woonstichting C (woningcorporatie; gefuseerd tot corp-b per 1 juli "
        "2017)",
        "groups[corporaties]: — → De corporaties: corporatie",
        "bids[corp-a]: — → corp-a op 30 juni 2015 (Met advies)",
        "amendments[2026-11-20]: — → wijziging van 20 november 2026: A-13 vervalt.; ingetrokken: "
        "A-13; termijn verlengd tot 31 december 2020 (akkoord: gemeente, corp-a)",
        "waivers[P604]: — → P604: Tekent later.",
        "term: 31 december 2019 → 31 december 2020 (366 dagen later; reden: A-13 vervalt.)",
    ]
    assert _lines(result.fields, "en")[5] == (
        "amendments[2026-11-20]: — → amendment of 20 November 2026: A-13 vervalt.; withdrawn: "
        "A-13; term extended to 31 December 2020 (agreed: gemeente, corp-a)"
    )
    signed = _set(
        [item], signatures=[{"party": "gemeente", "name": "J. de Vries", "date": "2016-03-15"}]
    )
    assert _lines(diff_set(old, signed, "set.yaml").fields, "nl") == [
        "signatures[corp-a]: getekend door A. Jansen op 15 maart 2016 → —",
        "signatures[hv-a]: getekend door M. Bakker op 20 maart 2016 → —",
    ]
    for line in _lines(result.fields, "nl", True):
        assert "{" not in line and '"' not in line, line


def test_a_value_of_an_unknown_shape_is_still_no_json() -> None:
    change = FieldChange("something", {"a": 1, "b": [1, 2], "c": None}, ["x", {"y": "z"}])
    assert field_line(change, "nl") == "something: a: 1; b: 1, 2 → x; y: z"
    assert field_line(FieldChange("contributors", ["a"], []), "nl") == "contributors: a → —"


def test_one_changed_signature_is_one_line_and_the_others_none() -> None:
    item = _item()
    signatures = [dict(signature) for signature in base_set()["signatures"]]
    signatures[0].update(name="R. Koster", date="2016-03-16")
    changed = diff_set(_set([item]), _set([item], signatures=signatures), "set.yaml")
    assert _lines(changed.fields, "nl") == [
        "signatures[gemeente]: getekend door J. de Vries op 15 maart 2016 → getekend door "
        "R. Koster op 16 maart 2016"
    ]
    assert _lines(changed.fields, "en") == [
        "signatures[gemeente]: signed by J. de Vries on 15 March 2016 → signed by "
        "R. Koster on 16 March 2016"
    ]


def test_a_moved_deadline_reads_as_long_dates_in_text_and_iso_in_json() -> None:
    changed = diff_set(_set([_item()]), _set([_item(deadline="2019-06-30")]), "set.yaml")
    (change,) = changed.agreements
    assert _lines(change.fields, "nl") == [
        "deadline: 31 december 2019 → 30 juni 2019 (184 dagen eerder)"
    ]
    assert _lines(change.fields, "en") == [
        "deadline: 31 December 2019 → 30 June 2019 (184 days earlier)"
    ]
    assert (change.fields[0].old, change.fields[0].new) == ("2019-12-31", "2019-06-30")
