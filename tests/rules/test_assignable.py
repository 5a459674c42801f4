"""A306: owners, asked parties and contributors name each party or group once."""

from __future__ import annotations

from pathlib import Path

from prestatie_cli.check.engine import check
from prestatie_cli.check.result import CheckOptions
from tests.rules.test_patterns import EVALUATION, FIRST, HEAD, SIGNED, TODAY

TWICE = """\
  - id: BS-01
    title: Samen de taakstelling statushouders
    text: Gemeente en corporaties zorgen samen dat de taakstelling elk jaar wordt gehaald.
    theme: wonen-en-zorg
    kind: process
    owner: [gemeente, gemeente, corporaties]
    contributors: [hv-a, corp-a, hv-a]
    ongoing: true
  - id: LV-02
    title: Verzoek om een wijkbudget
    text: De corporaties vragen de gemeente een jaarlijks wijkbudget van 25000 euro.
    theme: leefbaarheid
    kind: request
    owner: corporaties
    addressed_to: [gemeente, gemeente]
"""


def test_each_name_given_twice_is_named_at_its_second_place(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(f"{HEAD}agreements:\n{EVALUATION}{TWICE}{SIGNED}", encoding="utf-8")
    problems = check([path], CheckOptions(TODAY)).problems
    assert [(p.code, p.line, p.column, p.message) for p in problems] == [
        ("A306", FIRST + 5, 23, "BS-01 noemt 'gemeente' twee keer bij 'owner'."),
        ("A306", FIRST + 6, 34, "BS-01 noemt 'hv-a' twee keer bij 'contributors'."),
        ("A306", FIRST + 14, 30, "LV-02 noemt 'gemeente' twee keer bij 'addressed_to'."),
    ]
