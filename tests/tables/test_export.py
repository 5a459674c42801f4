"""prestatie export: the agreements as CSV, XLSX and JSON tables."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from prestatie_cli.messages import text
from tests.commandline import in_subprocess as run_process
from tests.conftest import REPO, base_set, write_yaml
from tests.tables.commandline import (
    AS_OF,
    EXAMPLES,
    FIELDS,
    FILLS,
    HEADER,
    ROWS,
    exported,
    run,
)

# The separators of the new columns, which a row of the first three sets leaves empty.
NO_NEW = ";" * (len(FIELDS) - FIELDS.index("parent"))

# --- Export -----------------------------------------------------------------------------------


def test_export_csv() -> None:
    done = exported("csv")
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.split("\n")
    assert lines[0] == HEADER
    assert lines[-1] == ""  # newline-terminated, '\n' only
    assert "\r" not in done.stdout
    assert not done.stdout.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(done.stdout), delimiter=";"))
    assert len(rows) == 1 + ROWS
    assert {len(row) for row in rows} == {len(FIELDS)}
    assert (
        "lindeveen-2025-2028;BS-01;960 nieuwe sociale huurwoningen;beschikbaarheid;resultaat;"
        "Veenhuis Wonen [corp-veenhuis];Woonlinde [corp-woonlinde], Stichting Thuisbaak "
        "[corp-thuisbaak], Gemeente Lindeveen [gemeente];In de periode "
        "2025-2028 voegen de corporaties samen 960 nieuwe sociale huurwoningen toe aan de "
        "voorraad in Lindeveen, door nieuwbouw en transformatie, gemiddeld 240 per jaar. Ten "
        "minste 30 procent daarvan zijn eengezinswoningen.;opgeleverde nieuwe sociale "
        "huurwoningen;woningen;minimaal;960;ja;;0;2025-01-01;2028-12-31;jaarlijks;"
        '"Nationale prestatieafspraken 2022 (250.000 sociale huurwoningen in 2022-2030) en de '
        'actualisatie 2024 (30.000 per jaar vanaf 2029); Regionale Woondeal";170;2026-06-30;'
        f'achter{NO_NEW}"2025-12-31: 180; 2026-12-31: 420 (Jaarschijf 2026, onder meer De Linde '
        'fase 2 (96) en Kanaalzone-Noord (88)); 2027-12-31: 690; 2028-12-31: 960"'
    ) in lines
    assert (
        "lindeveen-2025-2028;PR-01;Jaarlijkse evaluatie van de jaarschijf;proces;proces;"
        "Gemeente Lindeveen [gemeente];Veenhuis Wonen [corp-veenhuis], Woonlinde [corp-woonlinde], "
        "Stichting Thuisbaak [corp-thuisbaak], Huurdersvereniging Veenhuis [hv-veenhuis], "
        "Huurdersraad Woonlinde [hv-woonlinde], Bewonersraad Thuisbaak [hv-thuisbaak];Partijen evalueren jaarlijks "
        "voor 30 juni gezamenlijk de jaarschijf van het voorgaande jaar, per afspraak met een "
        "stand van zaken en een verkeerslicht. De gemeente nodigt uit en legt de uitkomst vast.;"
        f";;;;;;;;2028-06-30;;;gedaan;2026-06-23;behaald{NO_NEW}"
    ) in lines
    assert (
        "bodegraven-reeuwijk-2016-2019;BT-02;Gematigde huurverhoging;betaalbaarheid;resultaat;"
        "Woningbouwvereniging Reeuwijk [corp-wbvr];Mozaiek Wonen [corp-mozaiek], Huurdersvereniging "
        "Bodegraven [hv-bodegraven], Huurdersvereniging Reeuwijk [hv-reeuwijk];De gemiddelde jaarlijkse huurverhoging (huursomstijging) "
        "per corporatie is in elk jaar van de looptijd ten hoogste 1 procentpunt hoger dan de "
        "inflatie van het voorgaande jaar.;huursomstijging boven de inflatie;procentpunt;"
        f"maximaal;1;nee;jaarlijks;1,6;2015-07-01;2019-12-31;;;0,8;2019-07-01;behaald{NO_NEW}"
    ) in lines
    assert (
        "regio-hofstreek-2024-2027;RG-05;Zoektijd van urgente woningzoekenden;"
        "bijzondere-doelgroepen;resultaat;Stichting Kustwonen [corp-kustwonen];Hofstede Wonen "
        "[corp-hofstede], Duinwaard [corp-duinwaard], Woonstichting Polderhuis [corp-polderhuis];De corporaties huisvesten woningzoekenden met een "
        "urgentieverklaring binnen gemiddeld 6 maanden na de verklaring, in de gemeente van hun "
        "voorkeur of elders in de regio.;gemiddelde zoektijd van urgent woningzoekenden;maanden;"
        f"maximaal;6;nee;;9,5;2023-12-31;2027-12-31;;;;;geen gegevens{NO_NEW}"
        '"2025-12-31: 8; 2026-12-31: 7"'
    ) in lines


def test_export_csv_to_a_file_says_so_on_stderr(tmp_path: Path) -> None:
    target = tmp_path / "afspraken.csv"
    done = run("export", "--as-of", AS_OF, "-o", target, *EXAMPLES)
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == f"{ROWS} afspraken geschreven naar {target}.\n"
    # A file starts with a byte order mark, so that Excel reads "één" and "€" as UTF-8;
    # the terminal's output does not (see test_export_csv).
    assert target.read_bytes() == b"\xef\xbb\xbf" + exported("csv").stdout.encode("utf-8")


def _json_rows() -> list[dict[str, Any]]:
    done = exported("json")
    assert (done.returncode, done.stderr) == (0, "")
    rows: list[dict[str, Any]] = json.loads(done.stdout)
    return rows


def test_export_json() -> None:
    rows = _json_rows()
    assert len(rows) == ROWS
    assert {tuple(row) for row in rows} == {(*FIELDS, "light")}
    by_id = {(row["set"], row["id"]): row for row in rows}
    assert by_id["lindeveen-2025-2028", "BS-01"] == {
        "set": "lindeveen-2025-2028",
        "id": "BS-01",
        "title": "960 nieuwe sociale huurwoningen",
        "theme": "beschikbaarheid",
        "kind": "resultaat",
        "owner": "Veenhuis Wonen [corp-veenhuis]",
        "contributors": "Woonlinde [corp-woonlinde], Stichting Thuisbaak [corp-thuisbaak], "
        "Gemeente Lindeveen [gemeente]",
        "text": "In de periode 2025-2028 voegen de corporaties samen 960 nieuwe sociale "
        "huurwoningen toe aan de voorraad in Lindeveen, door nieuwbouw en transformatie, "
        "gemiddeld 240 per jaar. Ten minste 30 procent daarvan zijn eengezinswoningen.",
        "metric": "opgeleverde nieuwe sociale huurwoningen",
        "unit": "woningen",
        "comparison": "minimaal",
        "target": 960,
        "cumulative": "ja",
        "recurring": None,
        "baseline": 0,
        "baseline_date": "2025-01-01",
        "deadline": "2028-12-31",
        "frequency": "jaarlijks",
        "source": "Nationale prestatieafspraken 2022 (250.000 sociale huurwoningen in "
        "2022-2030) en de actualisatie 2024 (30.000 per jaar vanaf 2029); Regionale Woondeal",
        "latest": 170,
        "measured_on": "2026-06-30",
        "status": "achter",
        **dict.fromkeys(FIELDS[FIELDS.index("parent") : -1]),
        "milestones": "2025-12-31: 180; 2026-12-31: 420 (Jaarschijf 2026, onder meer De Linde "
        "fase 2 (96) en Kanaalzone-Noord (88)); 2027-12-31: 690; 2028-12-31: 960",
        "light": "red",
    }
    process = by_id["lindeveen-2025-2028", "J26-01"]
    assert {name: process[name] for name in ("target", "latest", "status", "light")} == {
        "target": None,
        "latest": "nog niet",
        "status": "op koers",
        "light": "green",
    }
    assert by_id["bodegraven-reeuwijk-2016-2019", "BT-02"]["baseline"] == 1.6
    assert by_id["regio-hofstreek-2024-2027", "RG-01"]["status"] == "geen gegevens"
    assert by_id["regio-hofstreek-2024-2027", "RG-01"]["light"] == "grey"
    assert by_id["lindeveen-2025-2028", "LB-01"]["light"] == "orange"
    assert {row["light"] for row in rows} == set(FILLS)


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("xlsx") / "afspraken.xlsx"
    done = run("export", "--as-of", AS_OF, "--format", "xlsx", "-o", target, *EXAMPLES)
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == f"{ROWS} afspraken geschreven naar {target}.\n"
    return target


def _cells(sheet: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """(set, id) -> header -> cell."""
    headers = [cell.value for cell in sheet[1]]
    found = {}
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(headers, row, strict=True))
        found[cells["set"].value, cells["nr"].value] = cells
    return found


def test_export_xlsx_layout(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    assert book.sheetnames == ["Afspraken"]
    sheet = book["Afspraken"]
    assert [cell.value for cell in sheet[1]] == HEADER.split(";")
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.max_row == ROWS + 1
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:AN{ROWS + 1}"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    setup = sheet.sheet_properties.pageSetUpPr
    assert setup is not None
    assert setup.fitToPage is True


def test_export_xlsx_cells_are_typed(workbook_path: Path) -> None:
    cells = _cells(load_workbook(workbook_path)["Afspraken"])
    assert len(cells) == ROWS
    bs01 = cells["lindeveen-2025-2028", "BS-01"]
    expected = next(
        row for row in _json_rows() if row["id"] == "BS-01" and row["set"] == "lindeveen-2025-2028"
    )
    assert {name: cell.value for name, cell in bs01.items()} == {
        "set": "lindeveen-2025-2028",
        "nr": "BS-01",
        "titel": "960 nieuwe sociale huurwoningen",
        "thema": "beschikbaarheid",
        "soort": "resultaat",
        "trekker": "Veenhuis Wonen [corp-veenhuis]",
        "bijdragers": "Woonlinde [corp-woonlinde], Stichting Thuisbaak [corp-thuisbaak], "
        "Gemeente Lindeveen [gemeente]",
        "afspraak": expected["text"],
        "maat": "opgeleverde nieuwe sociale huurwoningen",
        "eenheid": "woningen",
        "vergelijking": "minimaal",
        "streefwaarde": 960,
        "cumulatief": "ja",
        "per periode": None,
        "nulmeting": 0,
        "datum nulmeting": datetime(2025, 1, 1),
        "termijn": datetime(2028, 12, 31),
        "meetfrequentie": "jaarlijks",
        "bron doel": expected["source"],
        "laatste meting": 170,
        "gemeten op": datetime(2026, 6, 30),
        "status": "achter",
        **dict.fromkeys(HEADER.split(";")[FIELDS.index("parent") : -1]),
        "tussendoelen": expected["milestones"],
    }
    for name in ("datum nulmeting", "termijn", "gemeten op"):
        assert bs01[name].is_date
        assert bs01[name].number_format == "dd-mm-yyyy"
    for name in ("streefwaarde", "nulmeting", "laatste meting"):
        assert bs01[name].data_type == "n"
    bt02 = cells["bodegraven-reeuwijk-2016-2019", "BT-02"]
    assert (bt02["nulmeting"].value, bt02["laatste meting"].value) == (1.6, 0.8)
    assert (bt02["nulmeting"].data_type, bt02["laatste meting"].data_type) == ("n", "n")
    process = cells["lindeveen-2025-2028", "PR-01"]
    assert (process["streefwaarde"].value, process["laatste meting"].value) == (None, "gedaan")
    # Every date is a real date, every target a number.
    for row in cells.values():
        for name in ("datum nulmeting", "termijn", "gemeten op"):
            assert row[name].value is None or (
                isinstance(row[name].value, datetime) and row[name].number_format == "dd-mm-yyyy"
            )
        value = row["streefwaarde"].value
        assert value is None or (isinstance(value, int | float) and not isinstance(value, bool))


def test_export_xlsx_status_is_filled_by_light(workbook_path: Path) -> None:
    cells = _cells(load_workbook(workbook_path)["Afspraken"])
    lights = {(row["set"], row["id"]): row["light"] for row in _json_rows()}
    for key, row in cells.items():
        status = row["status"]
        assert status.fill.fill_type == "solid"
        assert status.fill.fgColor.rgb == FILLS[lights[key]], key
        assert status.font.b
    assert cells["lindeveen-2025-2028", "LB-01"]["status"].value == "risico"


def test_export_xlsx_in_english(tmp_path: Path) -> None:
    target = tmp_path / "agreements.xlsx"
    done = run("export", "--as-of", AS_OF, "-f", "xlsx", "--lang", "en", "-o", target, *EXAMPLES)
    assert done.returncode == 0
    assert done.stderr == f"{ROWS} agreements written to {target}.\n"
    sheet = load_workbook(target)["Agreements"]
    assert [cell.value for cell in sheet[1]][:6] == ["set", "id", "title", "theme", "kind", "owner"]
    assert sheet["V1"].value == "status"
    assert {sheet.cell(row, 22).value for row in range(2, ROWS + 2)} >= {"achieved", "behind"}


def test_export_xlsx_needs_an_output_file(tmp_path: Path) -> None:
    done = run_process("export", "--format", "xlsx", REPO / "examples" / "afspraken", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "prestatie: Een Excel-bestand kan niet naar de terminal: geef -o BESTAND.xlsx.\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["x.docx", "x.txt", "x"])
def test_export_to_a_file_of_another_kind_is_refused(tmp_path: Path, name: str) -> None:
    done = run_process("export", "-o", name, REPO / "examples" / "afspraken", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"prestatie: -o {name}: een export is CSV, Excel, OpenDocument of JSON; "
        "laat de naam eindigen op .csv .xlsx .ods .json.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_export_ods_needs_an_output_file(tmp_path: Path) -> None:
    done = run_process("export", "--format", "ods", REPO / "examples" / "afspraken", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "prestatie: Een OpenDocument-bestand kan niet naar de terminal: geef -o BESTAND.ods.\n"
    )
    assert list(tmp_path.iterdir()) == []


# --- The columns of issue 13, on the Weidemeer frame -------------------------------------------

# Where an agreement stands changes with the progress rules; what was agreed does not.
_STANDING = ("latest", "measured_on", "status", "light")


def _agreed(set_id: str, agreement_id: str) -> dict[str, Any]:
    row = next(row for row in _json_rows() if (row["set"], row["id"]) == (set_id, agreement_id))
    return {name: value for name, value in row.items() if name not in _STANDING and value}


FRAME = "weidemeer-2026-2029"


def test_export_writes_the_new_fields_as_a_municipal_officer_reads_them() -> None:
    assert _agreed(FRAME, "BS-03") == {
        "set": FRAME, "id": "BS-03", "title": "Samen de taakstelling statushouders",
        "theme": "wonen-en-zorg", "kind": "resultaat",
        "owner": "Gemeente Weidemeer [gemeente], De corporaties [corporaties]",
        "text": "Gemeente en corporaties zorgen samen dat Weidemeer elk jaar zijn taakstelling "
        "voor de huisvesting van statushouders haalt: 84 personen in 2026 en 90 in 2027.",
        "metric": "gehuisveste statushouders", "unit": "personen", "comparison": "minimaal",
        "target": 84, "cumulative": "nee", "recurring": "jaarlijks", "frequency": "jaarlijks",
        "source": "Halfjaarlijkse taakstelling van het Rijk", "ongoing": "ja",
        "per_year": "2027: 90",
    }  # fmt: skip
    request = _agreed(FRAME, "BS-04")
    assert {name: request[name] for name in request if name not in ("title", "text")} == {
        "set": FRAME, "id": "BS-04", "theme": "beschikbaarheid", "kind": "verzoek",
        "owner": "Samenwerkende Corporaties Weidemeer [scw]",
        "addressed_to": "Gemeente Weidemeer [gemeente]",
        "answer": "aanvaard", "answer_date": "2026-06-15",
        "answer_note": "Grondprijzenbrief 2027, vastgesteld door het college",
        "metric": "grondprijs per sociale huurwoning, exclusief btw", "unit": "euro",
        "comparison": "maximaal", "target": 20000, "cumulative": "nee",
        "effective_from": "2027-01-01", "ongoing": "ja",
    }  # fmt: skip
    assert _agreed(FRAME, "BS-06")["conditions"] == (
        "vergunning-dijkzicht: De omgevingsvergunning voor de transformatie wordt onherroepelijk. "
        "(besluit, Rechtbank / gemeente (bezwaar en beroep))"
    )
    assert _agreed(FRAME, "BS-03-A")["conditions"] == (
        "mutaties-2025: Het aantal vrijkomende sociale huurwoningen blijft op het niveau van "
        "2025. (aanname)"
    )
    assert _agreed(FRAME, "BS-03-A")["parent"] == "BS-03"
    assert _agreed(FRAME, "BT-02")["per_year"] == (
        "2027: 700,72; 2028: 718,24; 2029: 736,2 (Geïndexeerd met de huurtoeslagparameters)"
    )
    assert _agreed(FRAME, "BT-02")["per_event"] == "bij iedere mutatie"
    assert {k: _agreed(FRAME, "BT-03")[k] for k in ("comparison", "target", "upper", "scope")} == {
        "comparison": "tussen", "target": 850, "upper": 1000,
        "scope": "nieuwbouwproject De Weidepoort",
    }  # fmt: skip
    assert _agreed(FRAME, "BT-01")["index"] == "inflatie (CPI voorgaand kalenderjaar)"
    assert {k: _agreed(FRAME, "BS-01")[k] for k in ("approximate", "counting")} == {
        "approximate": "ja", "counting": "netto",
    }  # fmt: skip
    assert _agreed(FRAME, "BS-02")["split"] == (
        "sociale huur 60 %; middenhuur 20 %; betaalbare koop 20 %"
    )
    assert {k: _agreed(FRAME, "KD-02")[k] for k in ("deadline", "beyond_term", "milestones")} == {
        "deadline": "2030-12-31", "beyond_term": "ja",
        "milestones": "2027-12-31: 400; 2029-12-31: 750",
    }  # fmt: skip
    assert _agreed(FRAME, "BS-03-B")["frequency"] == "maandelijks"
    assert _agreed(FRAME, "K-00")["kind"] == "context"


def test_export_xlsx_types_the_new_dates_and_numbers(workbook_path: Path) -> None:
    cells = _cells(load_workbook(workbook_path)["Afspraken"])
    request = cells[FRAME, "BS-04"]
    for name in ("datum antwoord", "ingangsdatum"):
        assert request[name].is_date
        assert request[name].number_format == "dd-mm-yyyy"
    assert (request["datum antwoord"].value, request["ingangsdatum"].value) == (
        datetime(2026, 6, 15),
        datetime(2027, 1, 1),
    )
    assert (
        cells[FRAME, "BT-03"]["bovengrens"].value,
        cells[FRAME, "BT-03"]["bovengrens"].data_type,
    ) == (1000, "n")
    assert cells[FRAME, "BS-06"]["voorbehoud"].alignment.wrap_text


# --- The status column is the status of `prestatie status` -------------------------------------

_WEIDEMEER = (
    "examples/afspraken/weidemeer-2026-2029.yaml",
    "examples/monitor/weidemeer-2026-2029.yaml",
)


def test_export_status_is_the_status_of_the_status_command() -> None:
    done = run("export", "--as-of", "2026-12-01", "--format", "json", *_WEIDEMEER)
    assert (done.returncode, done.stderr) == (0, "")
    exported_rows = json.loads(done.stdout)
    assert {row["id"]: (row["status"], row["light"]) for row in exported_rows} == {
        "K-00": ("context", "grey"),
        "BT-01": ("op koers", "green"),
        "BT-02": ("op koers", "green"),
        "BT-03": ("geen gegevens", "grey"),
        "BS-01": ("op koers", "green"),  # the roll-up of its three children
        "BS-01-MH": ("op koers", "green"),
        "BS-01-PR": ("op koers", "green"),
        "BS-01-OW": ("achter", "red"),
        "BS-02": ("op koers", "green"),
        "BS-03": ("geen gegevens", "grey"),
        "BS-03-A": ("geen gegevens", "grey"),
        "BS-03-B": ("risico", "orange"),
        "BS-03-C": ("op koers", "green"),
        "BS-04": ("nog niet van kracht", "grey"),
        "BS-05": ("geen gegevens", "grey"),
        "BS-06": ("vervallen", "grey"),  # its permit condition recorded not met
        "KD-01": ("nog niet van kracht", "grey"),
        "KD-02": ("op koers", "green"),
        "KD-03": ("geen gegevens", "grey"),
        "LV-01": ("risico", "orange"),
        "LV-02": ("verzoek, nog niet aanvaard", "grey"),
        "SW-01": ("op koers", "green"),
        "SW-02": ("op koers", "green"),
        "SW-03": ("op koers", "green"),
        "SW-04": ("geen gegevens", "grey"),
        "SW-05": ("ingetrokken", "grey"),  # withdrawn by a set amendment
    }
    assert next(row for row in exported_rows if row["id"] == "BS-01")["latest"] == 84
    shown = run("status", "--as-of", "2026-12-01", "--format", "json", *_WEIDEMEER)
    assert shown.returncode == 0
    (judged,) = json.loads(shown.stdout)["sets"]
    # The same status, in the words the status command prints.
    assert {
        row["id"]: (text(f"status.{row['status']}", "nl"), row["light"])
        for row in judged["agreements"]
    } == {row["id"]: (row["status"], row["light"]) for row in exported_rows}


def test_export_status_of_an_agreement_whose_assumption_failed_is_suspended(
    tmp_path: Path,
) -> None:
    monitor = tmp_path / "monitor.yaml"
    monitor.write_text(
        (REPO / _WEIDEMEER[1]).read_text(encoding="utf-8") + "  - agreement: BS-03-A\n"
        "    condition: mutaties-2025\n"
        "    date: 2026-10-01\n"
        "    state: not_met\n"
        "    source: Jaarcijfers woonruimteverdeling\n",
        encoding="utf-8",
    )
    done = run("export", "--as-of", "2026-12-01", "-f", "json", REPO / _WEIDEMEER[0], monitor)
    assert (done.returncode, done.stderr) == (0, "")
    row = next(row for row in json.loads(done.stdout) if row["id"] == "BS-03-A")
    assert (row["status"], row["light"]) == ("opgeschort", "grey")


# --- The file's name says its format; a CSV file carries a byte order mark ----------------------

LINDEVEEN = REPO / "examples" / "afspraken" / "lindeveen-2025-2028.yaml"


def test_export_takes_the_format_from_the_file_name(tmp_path: Path) -> None:
    # Pins surprise 4: '-o afspraken.xlsx' wrote CSV into the .xlsx file.
    for suffix, starts in ((".xlsx", b"PK\x03\x04"), (".ods", b"PK\x03\x04"), (".json", b"[")):
        target = tmp_path / f"afspraken{suffix}"
        done = run("export", "--as-of", AS_OF, "-o", target, LINDEVEEN)
        assert (done.returncode, done.stdout) == (0, "")
        assert done.stderr == f"18 afspraken geschreven naar {target}.\n"
        assert target.read_bytes().startswith(starts), suffix
    assert load_workbook(tmp_path / "afspraken.xlsx").sheetnames == ["Afspraken"]
    assert len(json.loads((tmp_path / "afspraken.json").read_text(encoding="utf-8"))) == 18


@pytest.mark.parametrize(
    ("name", "given", "lang", "message"),
    [
        ("afspraken.xlsx", "csv", "nl",
         "prestatie: {path} eindigt op .xlsx, maar --format is csv: kies een van beide (of laat "
         "--format weg; het formaat volgt dan uit de naam).\n"),
        ("afspraken.CSV", "json", "en",
         "prestatie: {path} ends in .CSV, but --format is json: choose one (or leave out "
         "--format; the format then follows from the name).\n"),
    ],
)  # fmt: skip
def test_a_suffix_that_names_another_format_is_refused(
    tmp_path: Path, name: str, given: str, lang: str, message: str
) -> None:
    target = tmp_path / name
    done = run("export", "--lang", lang, "--format", given, "-o", target, LINDEVEEN)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == message.format(path=target)
    assert list(tmp_path.iterdir()) == []


def test_a_suffix_no_format_names_is_refused_also_with_format(tmp_path: Path) -> None:
    target = tmp_path / "tabel.dat"
    done = run("export", "--as-of", AS_OF, "-f", "xlsx", "-o", target, LINDEVEEN)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"prestatie: -o {target}: een export is CSV, Excel, OpenDocument of JSON; "
        "laat de naam eindigen op .csv .xlsx .ods .json.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_csv_file_starts_with_a_byte_order_mark_and_the_terminal_gets_none(
    tmp_path: Path,
) -> None:
    data = base_set()
    data["agreements"][0]["title"] = "Eén huurverlaging van € 50"
    source = write_yaml(tmp_path / "een.yaml", data)
    target = tmp_path / "een.csv"
    assert run("export", "--as-of", "2017-06-30", "-o", target, source).returncode in (0, 1)
    raw = target.read_bytes()
    assert raw[:3] == b"\xef\xbb\xbf"
    assert raw.count(b"\xef\xbb\xbf") == 1
    assert "Eén huurverlaging van € 50".encode() in raw
    shown = run("export", "--as-of", "2017-06-30", source)
    assert shown.stdout.startswith("set;nr;titel;")
    assert raw == b"\xef\xbb\xbf" + shown.stdout.encode("utf-8")
    # JSON has no byte order mark, in a file or not.
    assert run("export", "-o", tmp_path / "een.json", source).returncode in (0, 1)
    assert (tmp_path / "een.json").read_bytes()[:1] == b"["


def test_xlsx_rows_are_as_high_as_their_wrapped_text(workbook_path: Path) -> None:
    # Pins surprise 8: rows had no height, and printed wrapped text overlapped.
    sheet = load_workbook(workbook_path)["Afspraken"]
    cells = _cells(sheet)
    heights = {key: sheet.row_dimensions[row["nr"].row].height for key, row in cells.items()}
    # 185 characters of contributors in a column of 30 (29 a line): seven lines of 15 points.
    assert len(cells["lindeveen-2025-2028", "BT-01"]["bijdragers"].value) == 185
    assert heights["lindeveen-2025-2028", "BT-01"] == 105.0
    # 142 characters of milestones in a column of 30: five lines, more than the text's four.
    assert len(cells["lindeveen-2025-2028", "BS-01"]["tussendoelen"].value) == 142
    assert heights["lindeveen-2025-2028", "BS-01"] == 75.0
    assert all(height is not None and height % 15 == 0 for height in heights.values())
    assert sheet.freeze_panes == "C2"  # the header and the set and number stay in view
    assert cells["lindeveen-2025-2028", "BS-01"]["afspraak"].alignment.wrap_text


def test_the_height_of_a_row_counts_the_lines_of_its_tallest_cell() -> None:
    from prestatie_cli.tables.sheets import row_points

    # 118 characters in a wrapped column of 60 (59 a line): two lines; a line break: three.
    assert row_points(["x" * 118], [60.0], frozenset({0})) == 30.0
    assert row_points(["x" * 119], [60.0], frozenset({0})) == 45.0
    assert row_points(["a\nb", "kort"], [60.0, 10.0], frozenset()) == 30.0
    assert row_points([960, None, ""], [10.0], frozenset({0})) == 15.0
    assert row_points(["x" * 100_000], [10.0], frozenset({0})) == 409.0  # the highest row
