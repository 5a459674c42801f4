"""The bundled examples: clean for check, and the status of every agreement pinned by date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from prestatie_cli.check.engine import check
from prestatie_cli.check.result import CheckOptions
from prestatie_cli.check.runner import load_models
from prestatie_cli.load.discover import discover
from prestatie_cli.model.agreements import Thresholds
from prestatie_cli.progress.status import status
from tests.conftest import REPO

VALID = [REPO / "examples" / "afspraken", REPO / "examples" / "monitor"]
BODEGRAVEN = REPO / "examples" / "afspraken" / "bodegraven-reeuwijk-2016-2019.yaml"
LINDEVEEN = REPO / "examples" / "afspraken" / "lindeveen-2025-2028.yaml"
MONITORS = REPO / "examples" / "monitor"


@pytest.mark.parametrize("as_of", [date(2016, 6, 30), date(2026, 11, 21), date(2030, 1, 1)])
def test_valid_examples_have_no_errors(as_of: date) -> None:
    result = check(VALID, CheckOptions(as_of))
    assert result.files == 10
    assert result.count("error") == 0
    assert result.exit_code() == 0


def test_findings_of_the_examples_today() -> None:
    result = check(VALID, CheckOptions(date(2026, 11, 21)))
    monitor = str(MONITORS / "lindeveen-2025-2028.yaml")
    region = str(REPO / "examples" / "afspraken" / "regio-hofstreek-2024-2027.yaml")
    # The regional set has no monitor: its passed deadlines show no result (T504).
    # Weidemeer's findings are pinned in tests/rules/test_patterns.py.
    assert [(p.path, p.line, p.code) for p in result.problems if "weidemeer" not in p.path] == [
        (region, 122, "T504"),
        (region, 161, "T504"),
        (region, 262, "T504"),
        (monitor, 35, "R402"),
    ]
    assert [p for p in result.problems if "lindeveen" in p.path][-1].message == (
        "Voor BS-01 is nog 315,1 per jaar nodig, terwijl tot nu toe 113,9 per jaar is gehaald "
        "(meer dan 2 keer zo snel)."
    )
    # The final evaluation explained what was not achieved: waivers in the monitor.
    assert [(Path(p.path).name, p.line, p.code) for p in result.waived] == [
        ("bodegraven-reeuwijk-2016-2019.yaml", 4, "T504"),
        ("bodegraven-reeuwijk-2016-2019.yaml", 116, "T504"),
        # BS-05, an effort agreement, judged as status judges it: 18 % of the 20 % aimed at.
        ("bodegraven-reeuwijk-2016-2019.yaml", 137, "T504"),
        ("bodegraven-reeuwijk-2016-2019.yaml", 203, "T504"),
        ("bodegraven-reeuwijk-2016-2019.yaml", 251, "T504"),
    ]


def _statuses(path: Path, as_of: date) -> dict[str, str]:
    report = status(load_models(discover([path, MONITORS]), "nl"), as_of, Thresholds())
    (block,) = report.sets
    return {row.agreement.id: row.status for row in block.rows}


BODEGRAVEN_STATUS = {
    date(2017, 6, 30): {
        "BT-01": "on_track", "BT-02": "on_track", "BS-01": "on_track", "BS-02": "on_track",
        "BS-03": "achieved", "BS-04": "behind", "BS-05": "behind", "KD-01": "on_track",
        "KD-02": "on_track", "KD-03": "behind", "WZ-01": "on_track", "BD-01": "on_track",
        "BD-02": "no_data", "LB-01": "on_track", "PR-01": "achieved", "PR-02": "achieved",
    },
    date(2018, 6, 30): {
        "BT-01": "on_track", "BT-02": "on_track", "BS-01": "on_track", "BS-02": "at_risk",
        "BS-03": "achieved", "BS-04": "behind", "BS-05": "on_track", "KD-01": "on_track",
        "KD-02": "on_track", "KD-03": "behind", "WZ-01": "on_track", "BD-01": "on_track",
        "BD-02": "no_data", "LB-01": "behind", "PR-01": "achieved", "PR-02": "achieved",
    },
    date(2020, 6, 30): {
        "BT-01": "achieved", "BT-02": "achieved", "BS-01": "achieved", "BS-02": "achieved",
        "BS-03": "achieved", "BS-04": "overdue", "BS-05": "overdue", "KD-01": "achieved",
        "KD-02": "achieved", "KD-03": "overdue", "WZ-01": "achieved", "BD-01": "overdue",
        "BD-02": "overdue", "LB-01": "achieved", "PR-01": "achieved", "PR-02": "achieved",
    },
}  # fmt: skip

LINDEVEEN_STATUS = {
    date(2025, 6, 30): {
        "BT-01": "no_data", "BT-02": "no_data", "BS-01": "no_data", "BS-02": "no_data",
        "BS-03": "no_data", "KD-01": "no_data", "KD-02": "no_data", "KD-03": "at_risk",
        "WZ-01": "no_data", "WZ-02": "no_data", "BD-01": "behind", "BD-02": "no_data",
        "LB-01": "no_data", "PR-01": "no_data", "PR-02": "achieved", "J26-01": "no_data",
        "J26-02": "no_data", "J26-03": "no_data",
    },
    date(2026, 11, 21): {
        "BT-01": "at_risk", "BT-02": "no_data", "BS-01": "behind", "BS-02": "achieved",
        "BS-03": "achieved", "KD-01": "on_track", "KD-02": "on_track", "KD-03": "achieved",
        "WZ-01": "on_track", "WZ-02": "on_track", "BD-01": "behind", "BD-02": "on_track",
        "LB-01": "at_risk", "PR-01": "achieved", "PR-02": "achieved", "J26-01": "on_track",
        "J26-02": "at_risk", "J26-03": "achieved",
    },
}  # fmt: skip


@pytest.mark.parametrize("as_of", sorted(BODEGRAVEN_STATUS))
def test_bodegraven_status(as_of: date) -> None:
    assert _statuses(BODEGRAVEN, as_of) == BODEGRAVEN_STATUS[as_of]


@pytest.mark.parametrize("as_of", sorted(LINDEVEEN_STATUS))
def test_lindeveen_status(as_of: date) -> None:
    assert _statuses(LINDEVEEN, as_of) == LINDEVEEN_STATUS[as_of]


def test_examples_show_every_status() -> None:
    seen = {
        value
        for table in (BODEGRAVEN_STATUS, LINDEVEEN_STATUS)
        for statuses in table.values()
        for value in statuses.values()
    }
    assert seen == {"achieved", "on_track", "at_risk", "behind", "overdue", "no_data"}


def test_the_readme_says_what_the_quick_start_check_finds() -> None:
    result = check(VALID, CheckOptions(date(2026, 11, 21)))
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert (result.files, len(result.problems), len(result.waived)) == (10, 7, 5)
    assert "(zes sets en vier monitorbestanden)" in readme
    assert "geen fouten, wel zeven eerlijke waarschuwingen" in readme
    assert "Vijf afspraken uit Bodegraven-Reeuwijk zijn niet gehaald" in readme
