"""The patterns of real agreements (issue 13), each with its exact check result.

The Weidemeer example uses every pattern: checked with its slices and its monitor, only
the findings a reviewer would agree with remain. Then one small set per pattern shows
what the rules ask of it, and what they do not.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from prestatie_cli.check.engine import check
from prestatie_cli.check.result import CheckOptions
from tests.conftest import REPO

TODAY = date(2026, 12, 1)
AFSPRAKEN = REPO / "examples" / "afspraken"
MONITOR = REPO / "examples" / "monitor"

# The Weidemeer findings at 2026-12-01 (the other examples' are pinned in test_examples).
WEIDEMEER = [
    # The 2026 slice was signed on 22 January 2026, after 15 December 2025.
    ("afspraken/weidemeer-2026.yaml", 90, 11, "P621"),
    # The monthly list of May 2026 (BS-03-B) was not sent.
    ("monitor/weidemeer-2026-2029.yaml", 8, 1, "P613"),
    # Oeverwonen's share went down by 4 in the first half year (demolition first), while
    # its one project (Dijkzicht) lapsed: 150 by 2029 needs a plan, as the finding says.
    ("monitor/weidemeer-2026-2029.yaml", 34, 5, "R402"),
]


def test_weidemeer_checks_clean_but_for_the_findings_a_reviewer_agrees_with(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "prestatie_cli",
            "check",
            "--format",
            "json",
            "--as-of",
            TODAY.isoformat(),
            str(AFSPRAKEN),
            str(MONITOR),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stderr == ""
    report = json.loads(done.stdout)
    found = [
        (str(Path(p["path"]).relative_to(REPO / "examples")), p["line"], p["column"], p["code"])
        for p in report["problems"]
        if "weidemeer" in p["path"]
    ]
    assert found == WEIDEMEER
    messages = [p["message"] for p in report["problems"] if p["code"] in ("P613", "P621")]
    assert messages == [
        "De jaarschijf is op 2026-01-22 getekend door 'gemeente', na 15 december 2025.",
        "Voor BS-03-B ontbreekt de meting over 2026-05-01 tot en met 2026-05-31.",
    ]
    # Warnings only: exit 0 without --strict.
    assert done.returncode == 0


def test_weidemeer_frame_and_slices_alone_need_no_monitor_for_their_structure() -> None:
    result = check([AFSPRAKEN / "weidemeer-2026-2029.yaml"], CheckOptions(TODAY))
    assert [(p.code, p.line) for p in result.problems] == []


def test_a_slice_checked_without_its_frame_says_so() -> None:
    result = check([AFSPRAKEN / "weidemeer-2027.yaml"], CheckOptions(TODAY))
    assert [(p.code, p.line, p.column) for p in result.problems] == [("P620", 8, 8)]
    assert result.problems[0].message == (
        "De kaderafspraak 'weidemeer-2026-2029' waar deze jaarschijf bij hoort is niet gevonden."
    )


# --- One small set per pattern ------------------------------------------------------------

HEAD = """\
kind: agreements
version: 1
id: proef-2026-2029
title: Prestatieafspraken Proef 2026-2029
period: {start: 2026-01-01, end: 2029-12-31}
parties:
  - {id: gemeente, name: Gemeente Proef, role: gemeente}
  - {id: corp-a, name: Woonstichting A, role: corporatie}
  - {id: corp-b, name: Woonstichting B, role: corporatie}
  - {id: hv-a, name: Huurdersvereniging A, role: huurdersorganisatie}
groups:
  - {id: corporaties, name: De corporaties, members: corporatie}
  - {id: partijen, name: Alle partijen, members: all}
"""
# Every party signs in time; the evaluation is owned by all parties, so that each owes one.
SIGNED = """\
signatures:
  - {party: gemeente, name: J. de Vries, date: 2025-12-10}
  - {party: corp-a, name: A. Jansen, date: 2025-12-10}
  - {party: corp-b, name: B. Smit, date: 2025-12-10}
  - {party: hv-a, name: M. Bakker, date: 2025-12-10}
"""
EVALUATION = """\
  - id: SW-01
    title: Jaarlijkse evaluatie
    text: Partijen evalueren de afspraken elk jaar voor 1 juni.
    theme: samenwerking
    kind: process
    owner: partijen
    ongoing: true
    frequency: yearly
"""
# The line of the first agreement written after the evaluation.
FIRST = HEAD.count("\n") + 1 + EVALUATION.count("\n") + 1


def _run(
    tmp_path: Path,
    agreements: str,
    *,
    head: str = HEAD,
    tail: str = SIGNED,
    monitor: str | None = None,
    as_of: date = TODAY,
) -> list[tuple[str, int, int]]:
    """(code, line, column) of each finding in the set (and its monitor), in order."""
    path = tmp_path / "set.yaml"
    path.write_text(f"{head}agreements:\n{EVALUATION}{agreements}{tail}", encoding="utf-8")
    paths = [path]
    if monitor is not None:
        paths.append(tmp_path / "monitor.yaml")
        paths[1].write_text(
            f"kind: monitor\nversion: 1\nset: proef-2026-2029\n{monitor}", encoding="utf-8"
        )
    return [(p.code, p.line, p.column) for p in check(paths, CheckOptions(as_of)).problems]


def test_the_base_of_the_pattern_sets_is_clean(tmp_path: Path) -> None:
    assert _run(tmp_path, "") == []


# 1. Joint and group ownership --------------------------------------------------------------


def test_a_group_or_several_parties_own_an_agreement_and_each_member_owes_it(
    tmp_path: Path,
) -> None:
    agreements = """\
  - id: BS-01
    title: Samen de taakstelling statushouders
    text: Gemeente en corporaties zorgen samen dat de taakstelling elk jaar wordt gehaald.
    theme: wonen-en-zorg
    kind: process
    owner: [gemeente, corporaties]
    contributors: [hv-a]
    ongoing: true
"""
    assert _run(tmp_path, agreements) == []


def test_each_unknown_one_of_several_owners_is_named_where_it_stands(tmp_path: Path) -> None:
    agreements = """\
  - id: BS-01
    title: Samen de taakstelling statushouders
    text: Gemeente en corporaties zorgen samen dat de taakstelling elk jaar wordt gehaald.
    theme: wonen-en-zorg
    kind: process
    owner: [gemeente, coporaties, provincie]
    contributors: [corporatie]
    ongoing: true
"""
    assert _run(tmp_path, agreements) == [
        ("A302", FIRST + 5, 23),
        ("A302", FIRST + 5, 35),
        ("A303", FIRST + 6, 20),
    ]


def test_a_party_that_owes_only_through_its_group_owes_something(tmp_path: Path) -> None:
    head = HEAD.replace("  - {id: partijen, name: Alle partijen, members: all}\n", "")
    agreements = """\
  - id: BS-01
    title: Nieuwbouw
    text: De corporaties bouwen samen 100 sociale huurwoningen.
    theme: beschikbaarheid
    kind: process
    owner: corporaties
    contributors: [gemeente]
    deadline: 2029-12-31
"""
    # SW-01 names 'partijen', which this head has not: hv-a owes nothing.
    assert _run(tmp_path, agreements, head=head) == [
        ("P602", 10, 10),
        ("A302", 19, 12),
    ]


# 2. Requests and context -------------------------------------------------------------------

REQUEST = """\
  - id: BS-04
    title: Verzoek aan de gemeente - lagere grondprijs
    text: De corporaties vragen de gemeente de grondprijs voor sociale huur te verlagen.
    theme: beschikbaarheid
    kind: request
    owner: corporaties
    addressed_to: gemeente
    target: {metric: grondprijs per woning, value: 20000, comparison: at_most}
"""


def test_a_request_not_accepted_is_judged_by_no_smart_rule(tmp_path: Path) -> None:
    # No unit, no deadline, no baseline: nobody owes it yet.
    assert _run(tmp_path, REQUEST) == []


def test_an_accepted_request_is_the_asked_partys_result(tmp_path: Path) -> None:
    accepted = REQUEST + "    answer: {state: accepted, date: 2026-06-15}\n"
    # A cap with no deadline: a level to hold, not counted from a baseline (no M203).
    assert _run(tmp_path, accepted) == [("T501", FIRST, 5), ("M202", FIRST + 7, 5)]


def test_a_request_to_a_group_the_asker_belongs_to_is_a_request_to_itself(
    tmp_path: Path,
) -> None:
    agreements = REQUEST.replace("owner: corporaties", "owner: [corp-a, gemeente]")
    assert _run(tmp_path, agreements.replace("addressed_to: gemeente", "addressed_to: partijen"))[
        :1
    ] == [("A304", FIRST + 6, 19)]


def test_a_context_paragraph_is_judged_by_no_smart_rule(tmp_path: Path) -> None:
    agreements = """\
  - id: K-00
    title: Gezamenlijke ambitie
    text: Partijen streven naar zoveel mogelijk betaalbare woningen.
    theme: inleiding
    kind: context
"""
    assert _run(tmp_path, agreements) == []


# 3. Recurring and ongoing duties -----------------------------------------------------------

DUTIES = """\
  - id: BS-03-B
    title: Maandelijkse lijst te huisvesten statushouders
    text: De gemeente stuurt de corporaties elke maand de lijst van te huisvesten statushouders.
    theme: wonen-en-zorg
    kind: process
    owner: gemeente
    contributors: [corporaties]
    ongoing: true
    frequency: monthly
  - id: BT-02
    title: Huur bij mutatie ten hoogste de lage aftoppingsgrens
    text: Bij iedere mutatie verhuren de corporaties voor ten hoogste de lage aftoppingsgrens.
    theme: betaalbaarheid
    owner: corporaties
    per_event: bij iedere mutatie
    target:
      metric: hoogste kale huur bij toewijzing
      unit: euro per maand
      value: 682.96
      comparison: at_most
      recurring: yearly
      per_year: [{year: 2027, value: 700.72}]
    frequency: yearly
"""


def test_duties_for_the_whole_term_need_no_deadline_and_no_baseline(tmp_path: Path) -> None:
    assert _run(tmp_path, DUTIES) == []


def test_a_monthly_duty_is_missing_only_where_nothing_was_recorded(tmp_path: Path) -> None:
    months = [1, 2, 4, 5, 6, 7]
    monitor = "measurements:\n" + "".join(
        f"  - {{agreement: BS-03-B, date: 2026-{month:02}-05, value: {str(month != 5).lower()},"
        " source: mail}\n"
        for month in months
    )
    # March has no measurement: missing. May's is false: a missed duty, not a missing one.
    assert _run(tmp_path, DUTIES, monitor=monitor) == [("P613", 4, 1)]


# 4. Targets that start later or end later --------------------------------------------------


def test_nothing_is_due_before_effective_from_and_beyond_term_may_run_past_the_term(
    tmp_path: Path,
) -> None:
    agreements = """\
  - id: KD-01
    title: Vanaf 2029 geen woningen met label E, F of G
    text: Vanaf 1 januari 2029 hebben de corporaties geen woningen met label E, F of G.
    theme: duurzaamheid
    owner: corporaties
    target: {metric: woningen met label EFG, unit: woningen, value: 0, comparison: at_most}
    effective_from: 2029-01-01
    ongoing: true
    frequency: yearly
  - id: KD-02
    title: Isolatie tot 2030
    text: De corporaties isoleren uiterlijk eind 2030 de 900 woningen die dat nog nodig hebben.
    theme: duurzaamheid
    owner: corporaties
    target:
      metric: geïsoleerde woningen
      unit: woningen
      value: 900
      cumulative: true
      baseline: {value: 0, date: 2026-01-01}
    deadline: 2030-12-31
    beyond_term: true
    frequency: yearly
    milestones: [{date: 2030-06-30, value: 800}]
"""
    rows = [("SW-01", f"{year}-05-20", "true") for year in range(2026, 2030)]
    rows += [("KD-01", "2029-12-31", "0")]
    rows += [("KD-02", f"{year}-12-31", "225") for year in range(2026, 2031)]
    monitor = "measurements:\n" + "".join(
        f"  - {{agreement: {agreement}, date: {day}, value: {value}, source: rapportage,"
        " reported_by: corp-a}\n"
        for agreement, day, value in rows
    )
    # No measurement of KD-01 before 2029; KD-02's deadline, milestone and measurements of
    # 2030 lie past the term, as agreed.
    assert _run(tmp_path, agreements, monitor=monitor, as_of=date(2031, 5, 1)) == []


def test_without_beyond_term_a_deadline_after_the_term_is_wrong(tmp_path: Path) -> None:
    agreements = """\
  - id: KD-02
    title: Isolatie tot 2030
    text: De corporaties isoleren uiterlijk eind 2030 de 900 woningen die dat nog nodig hebben.
    theme: duurzaamheid
    kind: process
    owner: corporaties
    deadline: 2030-12-31
"""
    assert _run(tmp_path, agreements) == [("T502", FIRST + 6, 15)]


def test_an_agreement_that_takes_effect_after_its_deadline_cannot_be_kept(
    tmp_path: Path,
) -> None:
    agreements = """\
  - id: KD-03
    title: Warmtepompen
    text: De corporaties plaatsen bij elke vervanging van een cv-ketel een warmtepomp.
    theme: duurzaamheid
    kind: process
    owner: corporaties
    effective_from: 2030-01-01
    ongoing: true
"""
    assert _run(tmp_path, agreements) == [("T505", FIRST + 6, 21)]


# 5. Conditions -----------------------------------------------------------------------------

CONDITIONAL = """\
  - id: BS-06
    title: Kantoor Dijkzicht wordt 36 jongerenwoningen
    text: Woonstichting B transformeert Dijkzicht tot 36 jongerenwoningen, mits de vergunning er komt.
    theme: beschikbaarheid
    kind: process
    owner: corp-b
    conditions:
      - {id: vergunning, text: De omgevingsvergunning wordt onherroepelijk., kind: decision}
    deadline: 2026-06-30
    frequency: quarterly
"""


def test_a_failed_condition_lapses_the_agreement_instead_of_reddening_it(
    tmp_path: Path,
) -> None:
    monitor = """\
measurements: []
conditions:
  - {agreement: BS-06, condition: vergunning, date: 2026-03-30, state: not_met, source: rechtbank}
"""
    assert _run(tmp_path, CONDITIONAL, monitor=monitor) == []


def test_while_the_condition_holds_the_agreement_is_judged(tmp_path: Path) -> None:
    monitor = """\
measurements: []
conditions:
  - {agreement: BS-06, condition: vergunning, date: 2026-03-30, state: met, source: rechtbank}
"""
    # Both quarters up to the deadline lack a measurement, and the deadline passed without one.
    assert _run(tmp_path, CONDITIONAL, monitor=monitor) == [
        ("T504", 3, 6),
        ("P613", 4, 1),
        ("P613", 4, 1),
    ]


# 6. Parts of a whole -----------------------------------------------------------------------

WHOLE = """\
  - id: BS-01
    title: Netto circa 600 sociale huurwoningen erbij
    text: In 2026-2029 groeit de sociale huurvoorraad met netto circa 600 woningen.
    theme: beschikbaarheid
    owner: corporaties
    target:
      metric: netto toevoeging
      unit: woningen
      value: 600
      approximate: true
      cumulative: true
      baseline: {value: 0, date: 2026-01-01}
    deadline: 2029-12-31
"""


def _part(ident: str, owner: str, value: int, parent: str = "BS-01") -> str:
    return f"""\
  - id: {ident}
    title: Aandeel {owner}
    parent: {parent}
    theme: beschikbaarheid
    owner: {owner}
    target:
      metric: netto toevoeging
      unit: woningen
      value: {value}
      cumulative: true
      baseline: {{value: 0, date: 2026-01-01}}
    deadline: 2029-12-31
"""


def test_parts_worded_by_their_parent_that_add_up_within_ten_percent(tmp_path: Path) -> None:
    # 300 + 250 = 550: within 10 percent of 'circa 600'.
    parts = _part("BS-01-A", "corp-a", 300) + _part("BS-01-B", "corp-b", 250)
    assert _run(tmp_path, WHOLE + parts) == []


def test_parts_that_fall_short_of_the_whole(tmp_path: Path) -> None:
    parts = _part("BS-01-A", "corp-a", 300) + _part("BS-01-B", "corp-b", 200)
    exact = WHOLE.replace("      approximate: true\n", "").replace("circa ", "")
    assert _run(tmp_path, WHOLE + parts) == [("P618", FIRST + 8, 14)]
    assert _run(
        tmp_path, exact + _part("BS-01-A", "corp-a", 300) + _part("BS-01-B", "corp-b", 290)
    ) == [("P618", FIRST + 8, 14)]


def test_a_part_of_an_unknown_whole_of_itself_or_of_a_circle(tmp_path: Path) -> None:
    parts = (
        _part("BS-01-A", "corp-a", 300, parent="BS-1")
        + _part("BS-01-B", "corp-b", 300, parent="BS-01-B")
        + _part("BS-02", "corp-a", 1, parent="BS-03")
        + _part("BS-03", "corp-b", 1, parent="BS-02")
    )
    start = FIRST + WHOLE.count("\n")
    size = _part("X", "corp-a", 1).count("\n")
    # Each P617 at its 'parent:'; the circle of BS-02 and BS-03 once, at the first. Parts
    # without a known whole have no wording of their own either (S102).
    assert _run(tmp_path, WHOLE + parts) == [
        ("S102", start, 5),
        ("P617", start + 2, 13),
        ("S102", start + size, 5),
        ("P617", start + size + 2, 13),
        ("S102", start + 2 * size, 5),
        ("P617", start + 2 * size + 2, 13),
        ("S102", start + 3 * size, 5),
    ]


# 7. Targets as documents state them --------------------------------------------------------


def test_ranges_index_offsets_and_splits_need_no_baseline(tmp_path: Path) -> None:
    agreements = """\
  - id: BT-01
    title: Huurverhoging ten hoogste inflatie min 0,5 procentpunt
    text: De gemiddelde huurverhoging is elk jaar ten hoogste de inflatie min 0,5 procentpunt.
    theme: betaalbaarheid
    owner: corporaties
    target:
      metric: gemiddelde huurverhoging
      unit: procent
      value: -0.5
      comparison: at_most
      index: inflatie (CPI)
    deadline: 2029-12-31
  - id: BT-03
    title: Middenhuur tussen 850 en 1.000 euro
    text: Woonstichting A verhuurt de 40 middenhuurwoningen voor 850 tot 1000 euro per maand.
    theme: betaalbaarheid
    owner: corp-a
    target: {metric: kale aanvangshuur, unit: euro per maand, value: 850, comparison: between,
             upper: 1000}
    deadline: 2027-12-31
  - id: BS-02
    title: Woningbouwprogramma 60 / 20 / 20
    text: De gemeente programmeert ten minste 1200 woningen, 60 / 20 / 20 verdeeld.
    theme: beschikbaarheid
    owner: gemeente
    target:
      metric: woningen in bouwplannen
      unit: woningen
      value: 1200
      cumulative: true
      baseline: {value: 0, date: 2026-01-01}
      split:
        - {category: sociale huur, share: 60}
        - {category: middenhuur, share: 20}
        - {category: betaalbare koop, share: 19.6}
    deadline: 2029-12-31
"""
    # 99.6 percent is rounding; 90 would not be.
    assert _run(tmp_path, agreements) == []
    assert _run(tmp_path, agreements.replace("share: 19.6", "share: 10")) == [
        ("P622", FIRST + 31, 7)
    ]


# 8. Scope ----------------------------------------------------------------------------------


def test_scope_and_per_event_are_recorded_without_findings(tmp_path: Path) -> None:
    agreements = """\
  - id: LV-01
    title: Deelname aan het wijkoverleg
    text: De corporaties blijven deelnemen aan het wijkoverleg Oost, dat elk kwartaal bijeenkomt.
    theme: leefbaarheid
    kind: process
    owner: corporaties
    scope: wijk Oost
    per_event: bij elk wijkoverleg
    ongoing: true
"""
    assert _run(tmp_path, agreements) == []


# 9. Parties over time ----------------------------------------------------------------------

MERGER_HEAD = HEAD.replace(
    "  - {id: corp-b, name: Woonstichting B, role: corporatie}\n",
    "  - {id: corp-b, name: Woonstichting B, role: corporatie, left: 2026-07-01, successor: corp-ab}\n"
    "  - {id: corp-ab, name: Woonstichting AB, role: corporatie, joined: 2026-07-01}\n"
    "  - {id: corp-c, name: Jongerenhuisvesting C, role: corporatie, joined: 2026-09-01}\n",
)


def test_a_successor_carries_signature_and_duties_and_a_party_that_joins_signs(
    tmp_path: Path,
) -> None:
    agreements = """\
  - id: SW-04
    title: Jongeren bemiddeld naar een woning
    text: Jongerenhuisvesting C bemiddelt vanaf september 2026 elk jaar 20 jongeren.
    theme: wonen-en-zorg
    owner: corp-c
    target: {metric: bemiddelde jongeren, unit: personen, value: 20, recurring: yearly}
    effective_from: 2026-09-01
    ongoing: true
"""
    amendment = """\
amendments:
  - date: 2026-09-01
    reason: Jongerenhuisvesting C sluit aan.
    agreed_by: [gemeente, corp-a, corp-ab, corp-c, hv-a]
"""
    joined = "  - {party: corp-c, name: R. Kramer, date: 2026-09-01}\n"
    assert _run(tmp_path, agreements, head=MERGER_HEAD, tail=amendment + SIGNED + joined) == []
    # Without corp-c's signature and consent: not signed, and the amendment lacks it.
    lacking = amendment.replace(", corp-c, hv-a]", ", hv-a]")
    assert _run(tmp_path, agreements, head=MERGER_HEAD, tail=lacking + SIGNED) == [
        ("P604", 11, 10),
        ("P623", 36, 16),
    ]


def test_a_group_never_signs(tmp_path: Path) -> None:
    tail = SIGNED.replace("party: corp-b,", "party: corporaties,").replace(
        "  - {party: corp-a, name: A. Jansen, date: 2025-12-10}\n", ""
    )
    # One finding for one mistake: the members that did not sign are not named again.
    assert _run(tmp_path, "", tail=tail) == [("P619", 25, 13)]


def test_group_ids_are_not_party_ids(tmp_path: Path) -> None:
    head = HEAD + "  - {id: hv-a, name: De huurders, members: huurdersorganisatie}\n"
    assert _run(tmp_path, "", head=head) == [("P603", 14, 10)]


# 10. The yearly cycle ----------------------------------------------------------------------

# The first yearly slice of the frame; its dates lie in the past, so that no signature is
# ever in the future (P629), whenever the test runs.
SLICE_HEAD = (
    HEAD.replace("id: proef-2026-2029\n", "id: proef-2026\nframe: proef-2026-2029\n").replace(
        "period: {start: 2026-01-01, end: 2029-12-31}",
        "period: {start: 2026-01-01, end: 2026-12-31}",
    )
    + "bids:\n  - {party: corp-a, date: 2025-06-28}\n  - {party: corporaties, date: 2025-07-14}\n"
)


def test_a_slice_with_a_late_bid_and_a_late_signature(tmp_path: Path) -> None:
    frame = tmp_path / "frame.yaml"
    frame.write_text(f"{HEAD}agreements:\n{EVALUATION}{SIGNED}", encoding="utf-8")
    tail = SIGNED.replace(
        "{party: hv-a, name: M. Bakker, date: 2025-12-10}",
        "{party: hv-a, name: M. Bakker, date: 2026-01-08}",
    )
    slice_path = tmp_path / "slice.yaml"
    slice_path.write_text(f"{SLICE_HEAD}agreements:\n{EVALUATION}{tail}", encoding="utf-8")
    problems = check([frame, slice_path], CheckOptions(TODAY)).problems
    assert [(Path(p.path).name, p.code, p.line, p.column) for p in problems] == [
        ("slice.yaml", "P621", 17, 32),
        ("slice.yaml", "P621", 31, 42),
    ]
    assert [p.message for p in problems] == [
        "Het bod van 'corporaties' is van 2025-07-14, na 1 juli 2025.",
        "De jaarschijf is op 2026-01-08 getekend door 'hv-a', na 15 december 2025.",
    ]


# 11. Set-level changes ---------------------------------------------------------------------


def test_a_withdrawn_agreement_is_judged_no_more_and_an_extended_term_counts(
    tmp_path: Path,
) -> None:
    agreements = """\
  - id: SW-05
    title: Onderzoek woonruimteverdeling
    text: De corporaties leggen in 2026 een ontwerp voor een gezamenlijke woonruimteverdeling voor.
    theme: samenwerking
    owner: corporaties
    deadline: 2026-06-30
  - id: KD-02
    title: Isolatie tot 2030
    text: De corporaties isoleren uiterlijk eind 2030 de 900 woningen die dat nog nodig hebben.
    theme: duurzaamheid
    kind: process
    owner: corporaties
    deadline: 2030-12-31
"""
    amendment = """\
amendments:
  - date: 2026-05-01
    reason: De regio pakt het onderzoek zelf op; de looptijd loopt door tot eind 2030.
    agreed_by: [gemeente, corp-a, corp-b, hv-a]
    extends_to: 2030-12-31
    withdraws: [SW-05]
"""
    # SW-05 (a result without a target, deadline passed) is withdrawn: no M201, no T504.
    assert _run(tmp_path, agreements, tail=amendment + SIGNED) == []
    assert _run(tmp_path, agreements) == [
        ("M201", FIRST, 5),
        ("T504", FIRST + 5, 15),
        ("T502", FIRST + 12, 15),
    ]


# The wording of the findings about the new fields ---------------------------------------


def test_messages_name_what_is_wrong(tmp_path: Path) -> None:
    agreements = """\
  - id: LV-02
    title: Verzoek om een wijkbudget
    text: De corporaties vragen de provincie een jaarlijks wijkbudget van 25000 euro.
    theme: leefbaarheid
    kind: request
    owner: corporaties
    addressed_to: [gemeente, provincie]
  - id: BS-02
    title: Deel van BS-03
    text: Dit deel hoort bij BS-03, dat weer deel is van dit deel.
    theme: beschikbaarheid
    kind: process
    owner: gemeente
    parent: BS-03
    ongoing: true
  - id: BS-03
    title: Deel van BS-02
    text: Dit deel hoort bij BS-02, dat weer deel is van dit deel.
    theme: beschikbaarheid
    kind: process
    owner: gemeente
    parent: BS-02
    effective_from: 2030-01-01
    ongoing: true
"""
    path = tmp_path / "set.yaml"
    path.write_text(f"{HEAD}agreements:\n{EVALUATION}{agreements}{SIGNED}", encoding="utf-8")
    problems = check([path], CheckOptions(TODAY)).problems
    assert [(p.code, p.line, p.column, p.message) for p in problems] == [
        (
            "A302",
            FIRST + 6,
            30,
            "Verzoek LV-02 is gericht aan 'provincie', geen partij of groep in deze set.",
        ),
        (
            "P617",
            FIRST + 13,
            13,
            "Afspraak BS-02 is via BS-02 → BS-03 → BS-02 een deel van zichzelf.",
        ),
        (
            "T505",
            FIRST + 22,
            21,
            "Afspraak BS-03 gaat pas in op 2030-01-01 (effective_from), na het einde van de "
            "looptijd 2029-12-31.",
        ),
    ]


def test_a_party_that_left_before_the_signing_is_represented_by_its_successor(
    tmp_path: Path,
) -> None:
    head = HEAD.replace(
        "  - {id: corp-b, name: Woonstichting B, role: corporatie}\n",
        "  - {id: corp-b, name: Woonstichting B, role: corporatie, left: 2025-11-01,"
        " successor: corp-a}\n",
    )
    tail = SIGNED.replace("  - {party: corp-b, name: B. Smit, date: 2025-12-10}\n", "")
    # corp-b neither signs nor owes: corp-a signed and owes for it.
    assert _run(tmp_path, "", head=head, tail=tail) == []


# A half-yearly quota whose backlog carries over (statushouders): one running total with
# a milestone per half year, not one agreement per half year with its own deadline.
QUOTA = """\
  - id: WZ-01
    title: Huisvesting statushouders
    text: >-
      Gemeente en corporaties huisvesten elk halfjaar de taakstelling statushouders; een
      achterstand in het ene halfjaar wordt in het volgende ingehaald.
    theme: wonen-en-zorg
    owner: [gemeente, corporaties]
    target:
      metric: gehuisveste statushouders
      unit: personen
      value: 160
      cumulative: true
      baseline: {value: 0, date: 2026-01-01}
    deadline: 2027-12-31
    frequency: half-yearly
    milestones:
      - {date: 2026-06-30, value: 40}
      - {date: 2026-12-31, value: 80}
      - {date: 2027-06-30, value: 120}
"""
QUOTA_MONITOR = """\
measurements:
  - {agreement: SW-01, date: 2026-05-20, value: true, source: verslag evaluatie}
  - {agreement: WZ-01, date: 2026-06-30, value: 31, source: monitor, reported_by: gemeente}
  - {agreement: WZ-01, date: 2026-12-31, value: 52, source: monitor, reported_by: gemeente}
"""


def test_a_backlog_that_carries_over_is_behind_the_milestone_not_past_a_deadline(
    tmp_path: Path,
) -> None:
    # 31 of 40 in the first half year and 83 of 80 after the second: the backlog was made
    # up. Nothing is due before the deadline, so no T504 and no missing measurement.
    assert _run(tmp_path, QUOTA, monitor=QUOTA_MONITOR, as_of=date(2027, 3, 1)) == []
