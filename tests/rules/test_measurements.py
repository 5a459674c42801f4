"""P627: a measurement of a target set against an index records the index, and only then."""

from __future__ import annotations

from pathlib import Path

from prestatie_cli.check.engine import check
from prestatie_cli.check.result import CheckOptions
from tests.rules.test_patterns import EVALUATION, HEAD, SIGNED, TODAY

INDEXED = """\
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
      recurring: yearly
    ongoing: true
  - id: BT-02
    title: Huur bij mutatie ten hoogste 700 euro
    text: Bij iedere mutatie verhuren de corporaties voor ten hoogste 700 euro per maand.
    theme: betaalbaarheid
    owner: corporaties
    target: {metric: kale huur, unit: euro per maand, value: 700, comparison: at_most}
    ongoing: true
"""
MEASUREMENTS = """\
measurements:
  - {agreement: BT-01, date: 2026-07-01, value: 2.8, index: 3.3, source: x, reported_by: corp-a}
  - {agreement: BT-01, date: 2026-08-01, value: 2.9, source: x, reported_by: corp-a}
  - {agreement: BT-02, date: 2026-10-01, value: 690, index: 3.3, source: x, reported_by: corp-a}
  - {agreement: BT-02, date: 2026-11-01, value: 695, source: x, reported_by: corp-a}
"""


def test_a_missing_index_and_an_index_without_use_are_both_named(tmp_path: Path) -> None:
    (tmp_path / "set.yaml").write_text(
        f"{HEAD}agreements:\n{EVALUATION}{INDEXED}{SIGNED}", encoding="utf-8"
    )
    (tmp_path / "monitor.yaml").write_text(
        f"kind: monitor\nversion: 1\nset: proef-2026-2029\n{MEASUREMENTS}", encoding="utf-8"
    )
    result = check([tmp_path / "set.yaml", tmp_path / "monitor.yaml"], CheckOptions(TODAY))
    assert [(p.code, p.line, p.column, p.message, p.hint) for p in result.problems] == [
        (
            "P627",
            6,
            5,
            "De meting van BT-01 op 2026-08-01 mist de stand van de index (inflatie (CPI)): het "
            "doel is een afwijking daarvan, dus de meting is niet te beoordelen.",
            "Vul bij de meting 'index' in met de stand van inflatie (CPI) over dezelfde periode.",
        ),
        (
            "P627",
            7,
            54,
            "De meting van BT-02 op 2026-10-01 heeft een index, maar het doel van BT-02 is niet "
            "aan een index gekoppeld.",
            "Verwijder 'index' bij de meting, of zet bij het doel 'index:' met de naam van de "
            "index als het doel een afwijking daarvan is.",
        ),
    ]
