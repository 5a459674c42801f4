"""P608 and P625-P626 on the Weidemeer example: what a monitor records refers to the set,
and counts for it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from prestatie_cli.check.engine import check
from prestatie_cli.check.result import CheckOptions
from tests.conftest import REPO

TODAY = date(2026, 12, 1)
SET = REPO / "examples" / "afspraken" / "weidemeer-2026-2029.yaml"
MONITOR = REPO / "examples" / "monitor" / "weidemeer-2026-2029.yaml"
# The findings of the example as it is (pinned in test_patterns), left out below.
KNOWN = {("P613", 8, 1), ("R402", 34, 5)}


def _weidemeer(
    tmp_path: Path, measurements: str = "", conditions: str = ""
) -> list[tuple[str, int, int, str]]:
    """The new findings in the monitor after adding ``measurements`` (at the end of its
    measurements, line 138 on) and ``conditions`` (at the end of the file, line 152 on)."""
    shutil.copy(SET, tmp_path / "set.yaml")
    text = MONITOR.read_text(encoding="utf-8")
    assert text.count("\nconditions:\n") == 1 and text.endswith("\n")
    text = text.replace("\nconditions:\n", f"\n{measurements}conditions:\n") + conditions
    (tmp_path / "monitor.yaml").write_text(text, encoding="utf-8")
    result = check([tmp_path / "set.yaml", tmp_path / "monitor.yaml"], CheckOptions(TODAY))
    return [
        (p.code, p.line, p.column, p.message)
        for p in result.problems
        if p.path.endswith("monitor.yaml") and (p.code, p.line, p.column) not in KNOWN
    ]


def test_the_example_as_it_is_has_only_its_known_findings(tmp_path: Path) -> None:
    assert _weidemeer(tmp_path) == []


def test_each_wrong_record_of_a_condition_is_named_where_it_stands(tmp_path: Path) -> None:
    conditions = """\
  - {agreement: BS-05, condition: rvc-kerkpadd, date: 2026-04-01, state: not_met, source: x}
  - {agreement: BS-01, condition: rvc-kerkpad, date: 2026-04-01, state: met, source: x}
  - {agreement: XX-99, condition: foo, date: 2026-04-01, state: met}
  - {agreement: BS-06, condition: vergunning-dijkzicht, date: 2026-09-30, state: met}
  - {agreement: BS-05, condition: rvc-kerkpad, date: 2026-10-01, state: open}
"""
    shutil.copy(SET, tmp_path / "set.yaml")
    assert _weidemeer(tmp_path, conditions=conditions) == [
        ("P626", 152, 35, "Afspraak BS-05 heeft geen voorbehoud 'rvc-kerkpadd'."),
        (
            "P626",
            153,
            35,
            "Afspraak BS-01 heeft geen voorbehouden (conditions), dus ook geen 'rvc-kerkpad'.",
        ),
        (
            "P614",
            154,
            5,
            "De stand van voorbehoud 'foo' van XX-99 op 2026-04-01 vermeldt geen bron (source).",
        ),
        (
            "P608",
            154,
            17,
            "De stand van voorbehoud 'foo' verwijst naar afspraak 'XX-99', die niet in set "
            "weidemeer-2026-2029 staat.",
        ),
        (
            "P614",
            155,
            5,
            "De stand van voorbehoud 'vergunning-dijkzicht' van BS-06 op 2026-09-30 vermeldt "
            "geen bron (source).",
        ),
        (
            "P612",
            155,
            82,
            "Voorbehoud 'vergunning-dijkzicht' van BS-06 heeft op 2026-09-30 twee verschillende "
            "standen (de andere op regel 144).",
        ),
    ]


def test_a_typo_in_a_condition_gets_a_did_you_mean(tmp_path: Path) -> None:
    conditions = (
        "  - {agreement: BS-05, condition: rvc-kerkpadd, date: 2026-04-01, state: met, source: x}\n"
    )
    shutil.copy(SET, tmp_path / "set.yaml")
    text = MONITOR.read_text(encoding="utf-8") + conditions
    (tmp_path / "monitor.yaml").write_text(text, encoding="utf-8")
    options = CheckOptions(TODAY, lang="en")
    result = check([tmp_path / "set.yaml", tmp_path / "monitor.yaml"], options)
    [problem] = [p for p in result.problems if p.code == "P626"]
    assert (problem.message, problem.hint) == (
        "Agreement BS-05 has no condition 'rvc-kerkpadd'.",
        "Did you mean 'rvc-kerkpad'? Use the id of a condition of BS-05: rvc-kerkpad.",
    )


def test_measurements_that_can_never_count_are_warned_about(tmp_path: Path) -> None:
    measurements = """\
  - {agreement: K-00, date: 2026-06-30, value: 1, source: x, reported_by: scw}
  - {agreement: SW-05, date: 2026-08-31, value: true, source: x}
  - {agreement: SW-05, date: 2026-09-01, value: true, source: x}
  - {agreement: LV-02, date: 2026-10-01, value: true, source: x}
  - {agreement: BS-04, date: 2026-11-30, value: 22000, source: x, reported_by: gemeente}
  - {agreement: BS-04, date: 2027-01-01, value: 20000, source: x, reported_by: gemeente}
  - {agreement: KD-01, date: 2026-10-01, value: 120, source: x, reported_by: scw}
"""
    assert _weidemeer(tmp_path, measurements=measurements) == [
        (
            "P625",
            138,
            17,
            "De meting van K-00 op 2026-06-30 telt nooit mee: K-00 is een toelichting "
            "(kind: context), geen afspraak die iemand nakomt.",
        ),
        # Before the withdrawal it counted; from the day of the withdrawal on it cannot.
        (
            "P625",
            140,
            17,
            "De meting van SW-05 op 2026-09-01 telt niet mee: SW-05 is op 2026-09-01 ingetrokken.",
        ),
        (
            "P625",
            141,
            17,
            "De meting van LV-02 op 2026-10-01 telt niet mee: het verzoek is niet aanvaard, dus "
            "niemand is het verschuldigd.",
        ),
        (
            "P625",
            142,
            30,
            "De meting van BS-04 op 2026-11-30 telt niet mee: de afspraak geldt pas vanaf "
            "2027-01-01 (effective_from).",
        ),
        (
            "P625",
            144,
            30,
            "De meting van KD-01 op 2026-10-01 telt niet mee: de afspraak geldt pas vanaf "
            "2029-01-01 (effective_from).",
        ),
    ]


def test_a_declined_request_says_so(tmp_path: Path) -> None:
    shutil.copy(SET, tmp_path / "set.yaml")
    text = SET.read_text(encoding="utf-8")
    old = "    addressed_to: gemeente\n    scope: wijk Weidemeer-Oost\n"
    assert text.count(old) == 1
    declined = old + "    answer: {state: declined, date: 2026-06-15}\n"
    (tmp_path / "set.yaml").write_text(text.replace(old, declined), encoding="utf-8")
    measurement = "  - {agreement: LV-02, date: 2026-10-01, value: true, source: x}\n"
    text = MONITOR.read_text(encoding="utf-8").replace(
        "\nconditions:\n", f"\n{measurement}conditions:\n"
    )
    (tmp_path / "monitor.yaml").write_text(text, encoding="utf-8")
    result = check([tmp_path / "set.yaml", tmp_path / "monitor.yaml"], CheckOptions(TODAY))
    assert [(p.code, p.line, p.column, p.message, p.hint) for p in result.problems][-1:] == [
        (
            "P625",
            138,
            17,
            "De meting van LV-02 op 2026-10-01 telt niet mee: het verzoek is afgewezen.",
            "Verwijder de meting; een afgewezen verzoek is niemands afspraak.",
        )
    ]
