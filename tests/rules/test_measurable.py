"""M205: a target's values per year, one for each year of the term."""

from __future__ import annotations

from pathlib import Path

from prestatie_cli.check.engine import check
from prestatie_cli.check.result import CheckOptions
from tests.rules.test_patterns import EVALUATION, FIRST, HEAD, SIGNED, TODAY, _run

CAPPED = """\
  - id: BT-02
    title: Huur bij mutatie ten hoogste de lage aftoppingsgrens
    text: Bij iedere mutatie verhuren de corporaties voor ten hoogste de lage aftoppingsgrens.
    theme: betaalbaarheid
    owner: corporaties
    target:
      metric: hoogste kale huur bij toewijzing
      unit: euro per maand
      value: 682.96
      comparison: at_most
      recurring: yearly
      per_year: [{year: 2031, value: 700}, {year: 2027, value: 700}, {year: 2027, value: 710},
                 {year: 2024, value: 1}]
    ongoing: true
"""
PER_YEAR = FIRST + 11


def test_a_year_twice_or_outside_the_term_is_named_at_its_entry(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(f"{HEAD}agreements:\n{EVALUATION}{CAPPED}{SIGNED}", encoding="utf-8")
    problems = check([path], CheckOptions(TODAY)).problems
    assert [(p.code, p.line, p.column, p.message) for p in problems] == [
        (
            "M205",
            PER_YEAR,
            25,
            "Het doel van BT-02 noemt in per_year het jaar 2031, buiten de looptijd 2026-01-01 "
            "tot en met 2029-12-31.",
        ),
        (
            "M205",
            PER_YEAR,
            77,
            f"Het doel van BT-02 noemt jaar 2027 twee keer in per_year (ook op regel {PER_YEAR}): "
            "welke waarde geldt, is niet te zeggen.",
        ),
        (
            "M205",
            PER_YEAR + 1,
            25,
            "Het doel van BT-02 noemt in per_year het jaar 2024, buiten de looptijd 2026-01-01 "
            "tot en met 2029-12-31.",
        ),
    ]


def test_beyond_term_allows_later_years_and_an_extended_term_counts(tmp_path: Path) -> None:
    beyond = CAPPED.replace("    ongoing: true\n", "    ongoing: true\n    beyond_term: true\n")
    assert _run(tmp_path, beyond) == [
        ("M205", PER_YEAR, 77),
        ("M205", PER_YEAR + 1, 25),
    ]
    amendment = """\
amendments:
  - date: 2026-05-01
    reason: De looptijd loopt door tot eind 2031.
    agreed_by: [gemeente, corp-a, corp-b, hv-a]
    extends_to: 2031-12-31
"""
    assert _run(tmp_path, CAPPED, tail=amendment + SIGNED) == [
        ("M205", PER_YEAR, 77),
        ("M205", PER_YEAR + 1, 25),
    ]
