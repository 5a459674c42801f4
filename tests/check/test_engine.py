"""The check engine: severities, waivers, sorting and exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prestatie_cli.check.engine import check
from prestatie_cli.check.result import CheckOptions
from prestatie_cli.load.config import Settings
from tests.conftest import DURING, base_monitor, base_set, write_yaml


def _without_unit() -> dict[str, object]:
    data = base_set()
    del data["agreements"][0]["target"]["unit"]
    return data


def test_clean_set_exits_zero(tmp_path: Path) -> None:
    result = check([write_yaml(tmp_path / "s.yaml", base_set())], CheckOptions(DURING))
    assert (result.files, result.problems, result.exit_code()) == (1, (), 0)


def test_error_exits_one_with_position(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "s.yaml", _without_unit())
    result = check([path], CheckOptions(DURING))
    assert [(p.code, p.severity, p.line, p.column) for p in result.problems] == [
        ("M202", "error", 39, 7)
    ]
    assert result.exit_code() == 1


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    data = base_set()
    del data["agreements"][0]["target"]["baseline"]
    result = check([write_yaml(tmp_path / "s.yaml", data)], CheckOptions(DURING))
    assert [p.code for p in result.problems] == ["M203"]
    assert (result.exit_code(), result.exit_code(strict=True)) == (0, 1)


def test_configured_severity_and_off(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "s.yaml", _without_unit())
    lowered = CheckOptions(DURING, settings=Settings(severities={"M202": "info"}))
    result = check([path], lowered)
    assert [(p.code, p.severity) for p in result.problems] == [("M202", "info")]
    assert result.exit_code(strict=True) == 0
    silenced = check([path], CheckOptions(DURING, settings=Settings(severities={"M202": "off"})))
    assert silenced.problems == ()


def test_waiver_suppresses_until_it_expires(tmp_path: Path) -> None:
    data = _without_unit()
    data["agreements"][0]["waivers"] = [
        {
            "rule": "M202",
            "reason": "Eenheid volgt uit de nationale afspraak.",
            "until": "2019-06-30",
        }
    ]
    path = write_yaml(tmp_path / "s.yaml", data)
    active = check([path], CheckOptions(date(2019, 6, 30)))
    assert active.problems == ()
    assert [(p.code, p.waived) for p in active.waived] == [
        ("M202", "Eenheid volgt uit de nationale afspraak.")
    ]
    assert active.exit_code() == 0
    expired = check([path], CheckOptions(date(2019, 7, 1)))
    assert [p.code for p in expired.problems] == ["M202"]
    assert expired.waived == ()


def test_waiver_of_other_agreement_does_not_apply(tmp_path: Path) -> None:
    data = _without_unit()
    other = dict(data["agreements"][0], id="BS-02", target=base_set()["agreements"][0]["target"])
    other["waivers"] = [{"rule": "M202", "reason": "Niet voor BS-01."}]
    data["agreements"].append(other)
    result = check([write_yaml(tmp_path / "s.yaml", data)], CheckOptions(DURING))
    assert [p.code for p in result.problems] == ["M202"]


def test_set_level_waiver_covers_set_findings(tmp_path: Path) -> None:
    data = base_set()
    data["parties"] = data["parties"][:2]
    data["signatures"] = data["signatures"][:2]
    data["agreements"][0]["contributors"] = ["gemeente"]
    data["waivers"] = [{"rule": "P601", "reason": "De huurdersvereniging tekent volgend jaar."}]
    result = check([write_yaml(tmp_path / "s.yaml", data)], CheckOptions(DURING))
    assert result.problems == ()
    assert [p.code for p in result.waived] == ["P601"]


def test_problems_sorted_by_path_then_position(tmp_path: Path) -> None:
    data = base_set()
    agreement = data["agreements"][0]
    del agreement["deadline"]
    agreement["owner"] = "corp-b"
    paths = [write_yaml(tmp_path / name, data) for name in ("b.yaml", "a.yaml")]
    result = check(paths, CheckOptions(DURING))
    keys = [(Path(p.path).name, p.line, p.column, p.code) for p in result.problems]
    assert keys == sorted(keys)
    assert [(name, line, code) for name, line, _, code in keys] == [
        ("a.yaml", 4, "P603"),
        ("a.yaml", 17, "P602"),
        ("a.yaml", 28, "T501"),
        ("a.yaml", 34, "A302"),
        ("b.yaml", 4, "P603"),
        ("b.yaml", 17, "P602"),
        ("b.yaml", 28, "T501"),
        ("b.yaml", 34, "A302"),
    ]
    assert result.problems[0].message.endswith(f"wordt ook gebruikt in {paths[0]}.")


def test_duplicate_set_id_across_files(tmp_path: Path) -> None:
    first = write_yaml(tmp_path / "a.yaml", base_set())
    second = write_yaml(tmp_path / "b.yaml", base_set())
    result = check([first, second], CheckOptions(DURING))
    assert [(Path(p.path).name, p.code, p.line) for p in result.problems] == [
        ("a.yaml", "P603", 4),
        ("b.yaml", "P603", 4),
    ]


def test_monitor_checked_against_its_set(tmp_path: Path) -> None:
    monitor = base_monitor()
    evidence = {"source": "Jaarverslag", "reported_by": "corp-a"}
    monitor["measurements"] += [
        {"agreement": "BS-1", "date": "2017-12-31", "value": 45, **evidence},
        {"agreement": "BS-01", "date": "2020-01-01", "value": 45, **evidence},
    ]
    paths = [write_yaml(tmp_path / "s.yaml", base_set()), write_yaml(tmp_path / "m.yaml", monitor)]
    result = check(paths, CheckOptions(DURING))
    assert [(Path(p.path).name, p.code, p.severity) for p in result.problems] == [
        ("m.yaml", "P608", "error"),
        ("m.yaml", "P609", "warning"),
    ]
    assert "Bedoelt u 'BS-01'?" in result.problems[0].hint


def test_monitor_alone_says_set_not_found(tmp_path: Path) -> None:
    result = check([write_yaml(tmp_path / "m.yaml", base_monitor())], CheckOptions(DURING))
    assert [(p.code, p.line) for p in result.problems] == [("P607", 4)]


def test_monitor_of_a_set_with_errors_points_to_that_set(tmp_path: Path) -> None:
    # Not "set not found" with another municipality's id as a suggestion: the set is
    # there, with an error of its own.
    broken = base_set()
    broken["agreements"][0]["owner"] = 7
    other = base_set()
    other["id"] = "voorbeeld-2016-2018"
    paths = [
        write_yaml(tmp_path / "a" / "kapot.yaml", broken),
        write_yaml(tmp_path / "b" / "ander.yaml", other),
        write_yaml(tmp_path / "m.yaml", base_monitor()),
    ]
    result = check(paths, CheckOptions(DURING))
    shown = [(Path(p.path).name, p.code, p.line) for p in result.problems]
    assert shown == [("kapot.yaml", "V003", 34), ("m.yaml", "P607", 4)]
    assert result.problems[1].message == (
        f"De set 'voorbeeld-2016-2019' staat in {paths[0]}, maar dat bestand is geen geldige "
        "set; deze metingen worden getoetst zodra het dat wel is."
    )
    assert (
        result.problems[1].hint
        == f"Los eerst de fouten in {paths[0]} op (prestatie check {paths[0]})."
    )


def test_config_file_in_scan_is_validated(tmp_path: Path) -> None:
    (tmp_path / "prestatie.yaml").write_text(
        "kind: config\nversion: 1\nrules:\n  M202: loud\n", encoding="utf-8"
    )
    result = check([tmp_path], CheckOptions(DURING))
    assert [(p.code, p.line, p.column) for p in result.problems] == [("V003", 4, 9)]


def test_english_messages(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "s.yaml", _without_unit())
    (problem,) = check([path], CheckOptions(DURING, lang="en")).problems
    assert problem.message == "The target of BS-01 has no unit."
    assert problem.hint == "Add 'unit:', for example woningen (homes), procent or euro."
