"""prestatie import: the tables agreements live in before they are YAML, and the round trip."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from prestatie_cli.load.validate import validate
from prestatie_cli.load.yaml import load_file
from prestatie_cli.model.agreements import AgreementSet
from tests.commandline import Done
from tests.commandline import in_subprocess as run_process
from tests.conftest import REPO, base_set, write_yaml
from tests.tables.commandline import (
    AS_OF,
    V1_HEADER,
    run,
)

# --- Import: a messy table as a municipality keeps it -------------------------------------------

MESSY_HEADER = [
    "Nr.", "Thema", "Onderwerp", "Afspraak", "Trekker", "Betrokken partijen", "Streefwaarde",
    "Eenheid", "Nulmeting", "Datum nulmeting", "Gereed", "Opmerkingen",
]  # fmt: skip
MESSY: list[list[Any]] = [
    ["Monitor prestatieafspraken Lindeveen 2026-2029 (stand 1 november 2026)"],
    [],
    MESSY_HEADER,
    # 4: the unit written after the number as well
    ["1.1", "Beschikbaarheid", "Nieuwbouw sociale huur",
     "Woonstichting De Linde levert in de periode 2026-2029 180 nieuwe sociale huurwoningen op.",
     "Woonstichting De Linde", "Gemeente Lindeveen", "180 woningen", "woningen", 0,
     datetime(2026, 1, 1), datetime(2029, 12, 31), None],
    # 5: no title, a thousands point, a quarter for a deadline
    ["1.2", "Beschikbaarheid", None,
     "De gemeente verleent omgevingsvergunningen voor 3.000 woningen, waarvan een derde "
     "sociale huur.", "Gemeente Lindeveen", "Woonstichting De Linde", "3.000", "woningen", 0,
     datetime(2026, 1, 1), "Q3 2026", "zie raadsbesluit"],
    # 6: an approximate target
    ["1.3", "Betaalbaarheid", "Woningen voor starters",
     "Woonstichting De Linde wijst per jaar 200 vrijkomende woningen toe aan starters.",
     "Woonstichting De Linde", None, "ca. 200", "woningen", None, None,
     datetime(2027, 12, 31), "aantal nog afstemmen"],
    # 7: empty
    [],
    # 8: a number used twice
    ["1.3", "Proces", "Jaarlijkse evaluatie",
     "Partijen evalueren jaarlijks voor 1 juli samen de voortgang van de afspraken.",
     "Gemeente Lindeveen", "Woonstichting De Linde", None, None, None, None,
     datetime(2029, 6, 30), "nummer dubbel"],
    # 9: no number yet
    [None, "Leefbaarheid", "Wijkschouw Hoogeveld",
     "Gemeente en corporatie houden elk kwartaal een wijkschouw in Hoogeveld.",
     "Gemeente Lindeveen", "Woonstichting De Linde", 4, "schouwen per jaar", None, None,
     datetime(2029, 12, 31), "nr. volgt"],
    # 10: a decimal comma, a party whose role the name does not tell
    ["2.1", "Kwaliteit en duurzaamheid", "Isolatie Hoogeveld",
     "Woonstichting De Linde isoleert in Hoogeveld 12,5 procent van haar woningen; Stichting "
     "Welzijn Lindeveen is aanspreekpunt voor bewoners.", "Woonstichting De Linde",
     "Stichting Welzijn Lindeveen", 12.5, "%", 4, datetime(2025, 12, 31),
     datetime(2028, 12, 31), None],
    # 11: a baseline nobody knows yet
    ["3.1", "Wonen en zorg", "Geclusterd wonen voor ouderen",
     "Woonstichting De Linde realiseert 40 geclusterde woningen voor ouderen, één complex per "
     "kern.", "Woonstichting De Linde", "Gemeente Lindeveen", 40, "woningen", "onbekend", None,
     datetime(2029, 6, 30), None],
]  # fmt: skip
MESSY_PROBLEMS = [
    "Kolom L ('Opmerkingen') is niet overgenomen: onbekende kolomnaam. Koppel hem met --map "
    "'Opmerkingen=veld' als hij erbij hoort.",
    "Rij 5, kolom <kolom>: 'Q3 2026' is geen datum (schrijf 2026-12-31 of 31-12-2026) en is "
    "weggelaten.",
    "Rij 6, kolom Streefwaarde: 'ca. 200' is geen getal; het doel is weggelaten.",
    "Rij 8: nummer 1.3 komt al eerder voor; de rij is overgeslagen.",
    "Rij 9: geen nummer (nr); de rij is overgeslagen.",
    "Rij 10: de rol van 'Stichting Welzijn Lindeveen' is niet af te leiden uit de naam; "
    "'overig' gebruikt. Zet de juiste rol in de set.",
    "Rij 11, kolom Nulmeting: 'onbekend' is geen getal; de nulmeting is weggelaten.",
    "Geen partij met de rol huurdersorganisatie in de tabel; voeg die toe onder 'parties'.",
]
MESSY_ASSUMPTIONS = [
    "Rij 4: geen maat; de titel gebruikt als maat.",
    "Rij 5: geen titel; de eerste zin van de tekst gebruikt.",
    "Rij 5: geen maat; de titel gebruikt als maat.",
    "Rij 5, kolom Streefwaarde: '3.000' gelezen als 3000 (punt als duizendtal).",
    "Rij 10: geen maat; de titel gebruikt als maat.",
    "Rij 11: geen maat; de titel gebruikt als maat.",
]
SET_OPTIONS = ("--id", "lindeveen-2026-2029", "--title", "Prestatieafspraken Lindeveen 2026-2029")


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    """A workbook as people make them: a merged title above the header, real dates, text."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Monitor 2026"
    for row in rows:
        sheet.append(row)
    width = max(len(row) for row in rows)
    if len(rows[0]) == 1:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        sheet["A1"].font = Font(bold=True, size=14)
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, datetime):
                cell.number_format = "dd-mm-yyyy"
    book.save(path)
    return path


def _excel_text(value: Any) -> str:
    """A cell as Dutch Excel writes it to CSV: dd-mm-jjjj, a decimal comma."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float):
        return str(value).replace(".", ",")
    return str(value)


def write_csv(path: Path, rows: list[list[Any]], encoding: str, padded: bool = True) -> Path:
    """CSV as Dutch Excel saves it: ';', CRLF, every row as wide as the sheet."""
    width = max(len(row) for row in rows)
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        for row in rows:
            cells = [_excel_text(value) for value in row]
            writer.writerow(cells + [""] * (width - len(cells)) if padded else cells)
    return path


def messy_table(tmp_path: Path, kind: str) -> Path:
    if kind == "xlsx":
        return write_xlsx(tmp_path / "monitor-2026.xlsx", MESSY)
    encoding = {"csv-cp1252": "cp1252", "csv-utf8-bom": "utf-8-sig"}[kind]
    return write_csv(tmp_path / "monitor-2026.csv", MESSY, encoding)


def _reported(stderr: str) -> tuple[list[str], list[str]]:
    """The problems and the assumptions an import printed, as lists."""
    problems: list[str] = []
    assumptions: list[str] = []
    current: list[str] | None = None
    for line in stderr.splitlines():
        if line == "Niet overgenomen:":
            current = problems
        elif line == "Aannames (controleer):":
            current = assumptions
        else:
            assert current is not None, line
            assert line.startswith("  - "), line
            current.append(line[4:])
    return problems, assumptions


def _without_column(problems: list[str]) -> list[str]:
    """The deadline cell's column as <kolom>: how it should be named is tested on its own."""
    return [
        re.sub(r"^(Rij \d+, kolom )[^:]+:", r"\1<kolom>:", line) if "geen datum" in line else line
        for line in problems
    ]


def _import_messy(tmp_path: Path, kind: str) -> tuple[Done, Path]:
    source = messy_table(tmp_path, kind)
    done = run(
        "import", source.name, "--parents", "-o", "afspraken/lindeveen-2026-2029.yaml",
        *SET_OPTIONS,
        "--period", "2026-2029", cwd=tmp_path,
    )  # fmt: skip
    return done, source


@pytest.mark.parametrize("kind", ["xlsx", "csv-cp1252", "csv-utf8-bom"])
def test_import_messy_table_reports_every_row_it_could_not_take_over(
    tmp_path: Path, kind: str
) -> None:
    done, source = _import_messy(tmp_path, kind)
    raw = source.read_bytes()
    if kind == "csv-cp1252":
        assert "één".encode("cp1252") in raw  # not valid UTF-8: the import falls back
    elif kind == "csv-utf8-bom":
        assert raw.startswith(b"\xef\xbb\xbf")
    else:
        assert raw.startswith(b"PK")
    assert done.returncode == 1, done.stderr
    assert done.stdout == (
        "5 afspraken geschreven naar afspraken/lindeveen-2026-2029.yaml; 8 rij(en) of cel(len) "
        "niet overgenomen, 6 aanname(s).\n"
    )
    problems, assumptions = _reported(done.stderr)
    assert _without_column(problems) == MESSY_PROBLEMS
    assert assumptions == MESSY_ASSUMPTIONS

    written = tmp_path / "afspraken" / "lindeveen-2026-2029.yaml"
    assert written.read_text(encoding="utf-8").splitlines()[:2] == [
        "# yaml-language-server: $schema=../schemas/agreements.schema.json",
        f"# Geïmporteerd uit {source.name} met prestatie import; controleer met prestatie check.",
    ]
    data = load_file(written).data
    assert {name: data[name] for name in ("kind", "version", "id", "title", "period")} == {
        "kind": "agreements",
        "version": 1,
        "id": "lindeveen-2026-2029",
        "title": "Prestatieafspraken Lindeveen 2026-2029",
        "period": {"start": date(2026, 1, 1), "end": date(2029, 12, 31)},
    }
    assert data["parties"] == [
        {"id": "woonstichting-de-linde", "name": "Woonstichting De Linde", "role": "corporatie"},
        {"id": "gemeente-lindeveen", "name": "Gemeente Lindeveen", "role": "gemeente"},
        {"id": "stichting-welzijn-lindeveen", "name": "Stichting Welzijn Lindeveen", "role": "overig"},
    ]  # fmt: skip
    assert data["signatures"] == []
    agreements = {agreement["id"]: agreement for agreement in data["agreements"]}
    assert list(agreements) == ["1.1", "1.2", "1.3", "2.1", "3.1"]
    assert agreements["1.1"] == {
        "id": "1.1",
        "title": "Nieuwbouw sociale huur",
        "text": "Woonstichting De Linde levert in de periode 2026-2029 180 nieuwe sociale "
        "huurwoningen op.",
        "theme": "beschikbaarheid",
        "owner": "woonstichting-de-linde",
        "contributors": ["gemeente-lindeveen"],
        "target": {
            "metric": "Nieuwbouw sociale huur",
            "value": 180,
            "unit": "woningen",
            "baseline": {"value": 0, "date": date(2026, 1, 1)},
        },
        "deadline": date(2029, 12, 31),
    }
    # The first sentence whole: the point of '3.000' does not end it.
    assert agreements["1.2"]["title"] == (
        "De gemeente verleent omgevingsvergunningen voor 3.000 woningen, waarvan een derde "
        "sociale huur"
    )
    assert agreements["1.2"]["target"]["value"] == 3000
    assert type(agreements["1.2"]["target"]["value"]) is int
    assert "deadline" not in agreements["1.2"]
    assert "target" not in agreements["1.3"]
    assert agreements["1.3"]["deadline"] == date(2027, 12, 31)
    assert agreements["1.3"]["title"] == "Woningen voor starters"  # the first 1.3, not the second
    assert agreements["2.1"]["target"]["value"] == 12.5
    assert agreements["2.1"]["target"]["unit"] == "%"
    assert agreements["2.1"]["theme"] == "kwaliteit en duurzaamheid"
    assert agreements["2.1"]["contributors"] == ["stichting-welzijn-lindeveen"]
    assert agreements["3.1"]["text"] == (
        "Woonstichting De Linde realiseert 40 geclusterde woningen voor ouderen, één complex "
        "per kern."
    )
    assert "baseline" not in agreements["3.1"]["target"]
    assert agreements["3.1"]["deadline"] == date(2029, 6, 30)


def test_check_after_import_reports_only_what_the_reported_rows_explain(tmp_path: Path) -> None:
    done, _ = _import_messy(tmp_path, "xlsx")
    assert done.returncode == 1
    problems, _ = _reported(done.stderr)
    checked = run(
        "check", "--as-of", AS_OF, "--format", "json", "afspraken/lindeveen-2026-2029.yaml",
        cwd=tmp_path,
    )  # fmt: skip
    assert checked.returncode == 1
    report = json.loads(checked.stdout)
    findings = [(problem["code"], problem["message"]) for problem in report["problems"]]
    assert findings == [
        ("P601", "Er is geen partij met de rol 'huurdersorganisatie'."),
        ("P604", "Partij 'woonstichting-de-linde' (Woonstichting De Linde) heeft de set niet "
                 "ondertekend."),
        ("P604", "Partij 'gemeente-lindeveen' (Gemeente Lindeveen) heeft de set niet "
                 "ondertekend."),
        ("P604", "Partij 'stichting-welzijn-lindeveen' (Stichting Welzijn Lindeveen) heeft de "
                 "set niet ondertekend."),
        ("T501", "Afspraak 1.2 heeft geen termijn (deadline)."),
        ("M201", "Resultaatafspraak 1.3 heeft geen meetbare streefwaarde."),
        ("M203", "De streefwaarde van 3.1 heeft geen nulmeting."),
    ]  # fmt: skip
    # Each finding follows from a line the import printed about the agreement's row ...
    first_row: dict[str, int] = {}
    for line_number, cells in enumerate(MESSY, start=1):
        if line_number > 3 and cells and cells[0]:
            first_row.setdefault(cells[0], line_number)
    explained = {
        "T501": ("1.2", "'Q3 2026' is geen datum"),  # the deadline was left out
        "M201": ("1.3", "'ca. 200' is geen getal"),  # the target was left out
        "M203": ("3.1", "'onbekend' is geen getal; de nulmeting"),  # the baseline was left out
    }
    for code, message in findings:
        if code in explained:
            agreement, cause = explained[code]
            assert f" {agreement} " in message
            row = first_row[agreement]
            assert [line for line in problems if re.match(rf"Rij {row}\b", line) and cause in line]
    assert (first_row["1.2"], first_row["1.3"], first_row["3.1"]) == (5, 6, 11)
    # ... or from the set as a whole: no tenants' organisation in the table, no signatures.
    assert problems[-1] == (
        "Geen partij met de rol huurdersorganisatie in de tabel; voeg die toe onder 'parties'."
    )
    data = load_file(tmp_path / "afspraken" / "lindeveen-2026-2029.yaml").data
    assert data["signatures"] == []
    p604 = {message.split("'")[1] for code, message in findings if code == "P604"}
    assert p604 == {party["id"] for party in data["parties"]}


def test_import_reads_a_csv_with_a_title_line_above_the_header(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Overzicht prestatieafspraken Lindeveen 2026"],
        [],
        ["Nr.", "Thema", "Onderwerp", "Trekker", "Streefwaarde", "Eenheid", "Gereed"],
        ["1.1", "Beschikbaarheid", "Nieuwbouw sociale huur", "Woonstichting De Linde", 180,
         "woningen", datetime(2029, 12, 31)],
        ["1.2", "Proces", "Jaarlijkse evaluatie", "Gemeente Lindeveen", None, None,
         datetime(2027, 6, 30)],
    ]  # fmt: skip
    # Excel pads every row with ';' to the width of the sheet; other programs do not.
    padded = write_csv(tmp_path / "padded.csv", rows, "utf-8-sig")
    unpadded = write_csv(tmp_path / "unpadded.csv", rows, "utf-8-sig", padded=False)
    assert unpadded.read_text(encoding="utf-8-sig").splitlines()[:2] == [
        "Overzicht prestatieafspraken Lindeveen 2026",
        "",
    ]
    expected = run("import", padded, "-o", tmp_path / "a.yaml", "--period", "2026-2029")
    assert expected.returncode == 1
    assert _reported(expected.stderr) == (
        ["Geen partij met de rol huurdersorganisatie in de tabel; voeg die toe onder 'parties'."],
        ["Rij 4: geen maat; de titel gebruikt als maat."],
    )
    done = run("import", unpadded, "-o", tmp_path / "b.yaml", "--period", "2026-2029")
    assert (done.returncode, done.stderr) == (expected.returncode, expected.stderr)
    assert (
        load_file(tmp_path / "b.yaml").data["agreements"]
        == (load_file(tmp_path / "a.yaml").data["agreements"])
    )


def test_import_names_the_column_of_a_cell_as_the_table_does(tmp_path: Path) -> None:
    done, _ = _import_messy(tmp_path, "xlsx")
    problems, _ = _reported(done.stderr)
    [line] = [line for line in problems if "'Q3 2026'" in line]
    assert line.startswith("Rij 5, kolom ")
    assert "Gereed" in line


def test_import_without_period_derives_it_and_says_so(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "monitor.xlsx", MESSY)
    done = run("import", source, "-o", tmp_path / "set.yaml", cwd=tmp_path)
    assert done.returncode == 1
    _, assumptions = _reported(done.stderr)
    assert assumptions[-1] == (
        "Looptijd 2027-01-01 tot en met 2029-12-31 afgeleid uit de termijnen; geef --period om "
        "die vast te leggen."
    )
    data = load_file(tmp_path / "set.yaml").data
    assert (data["id"], data["title"]) == ("set", "set")
    assert data["period"] == {"start": date(2027, 1, 1), "end": date(2029, 12, 31)}


def test_import_with_map_takes_a_column_of_its_own(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Code", "Wat", "Wie", "Klaar in", "Thema"],
        ["PR-1", "Jaarlijkse evaluatie", "Gemeente Lindeveen", "30-06-2027", "proces"],
        ["PR-2", "Jaarlijks bod", "Woonstichting De Linde", "01-07-2027", "proces"],
        ["PR-3", "Eigen advies", "Huurdersvereniging Lindeveen", "01-06-2027", "proces"],
    ]
    source = write_csv(tmp_path / "planning.csv", rows, "utf-8-sig")
    done = run(
        "import", source, "-o", tmp_path / "set.yaml", "--period", "2026-2029",
        "--map", "Wat=title", "--map", "wie=owner", "--map", "Klaar in=deadline", cwd=tmp_path,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    data = load_file(tmp_path / "set.yaml").data
    assert [
        (agreement["id"], agreement["title"], agreement["owner"], agreement["deadline"])
        for agreement in data["agreements"]
    ] == [
        ("PR-1", "Jaarlijkse evaluatie", "gemeente-lindeveen", date(2027, 6, 30)),
        ("PR-2", "Jaarlijks bod", "woonstichting-de-linde", date(2027, 7, 1)),
        ("PR-3", "Eigen advies", "huurdersvereniging-lindeveen", date(2027, 6, 1)),
    ]
    assert [party["role"] for party in data["parties"]] == [
        "gemeente",
        "corporatie",
        "huurdersorganisatie",
    ]


# --- Import: what it must refuse ---------------------------------------------------------------

FIELD_LIST = (
    "addressed_to, answer, answer_date, answer_note, approximate, baseline, baseline_date, "
    "beyond_term, comparison, conditions, contributors, counting, cumulative, deadline, "
    "effective_from, frequency, id, index, kind, metric, milestones, ongoing, owner, parent, "
    "per_event, per_year, recurring, scope, source, split, target, text, theme, title, unit, upper"
)


def test_import_refuses_an_existing_output(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "monitor.xlsx", MESSY)
    target = tmp_path / "set.yaml"
    target.write_text("# al bewerkt\n", encoding="utf-8")
    done = run("import", source, "-o", target, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"prestatie: {target} bestaat al; import overschrijft niets. Kies een ander -o.\n"
    )
    assert target.read_text(encoding="utf-8") == "# al bewerkt\n"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--map", "Wie", f"--map 'Wie' moet de vorm KOLOM=veld hebben, met veld een van: "
                         f"{FIELD_LIST}."),
        ("--map", "Wie=eigenaar", f"--map 'Wie=eigenaar' moet de vorm KOLOM=veld hebben, met "
                                  f"veld een van: {FIELD_LIST}."),
        ("--map", "=owner", f"--map '=owner' moet de vorm KOLOM=veld hebben, met veld een van: "
                            f"{FIELD_LIST}."),
        ("--period", "2025/2028", "--period '2025/2028' moet de vorm 2025-2028 of "
                                  "2025-01-01:2028-12-31 hebben."),
        ("--period", "2025-13-01:2028-12-31", "--period '2025-13-01:2028-12-31' moet de vorm "
                                              "2025-2028 of 2025-01-01:2028-12-31 hebben."),
    ],
)  # fmt: skip
def test_import_refuses_bad_options_and_writes_nothing(
    tmp_path: Path, option: str, value: str, message: str
) -> None:
    source = write_xlsx(tmp_path / "monitor.xlsx", MESSY)
    done = run("import", source, "-o", tmp_path / "set.yaml", option, value, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"prestatie: {message}\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["monitor.xlsx"]


def test_import_refuses_a_period_that_ends_before_it_starts(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "monitor.xlsx", MESSY)
    done = run("import", source, "-o", tmp_path / "set.yaml", "--period", "2029-2026")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("prestatie: De geïmporteerde set is niet geldig: ")
    assert "de periode eindigt (2026-12-31) voordat ze begint" in done.stderr
    assert done.stderr.endswith(" Er is niets geschreven.\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["monitor.xlsx"]


def test_import_refuses_a_missing_source(tmp_path: Path) -> None:
    done = run("import", "weg.csv", "-o", "set.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "prestatie: weg.csv bestaat niet.\n"
    assert list(tmp_path.iterdir()) == []
    done = run("import", "--lang", "en", "weg.ods", "-o", "set.yaml", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, "prestatie: weg.ods does not exist.\n")
    assert list(tmp_path.iterdir()) == []


def test_import_refuses_a_table_without_a_header(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "lijst.csv", [["a", "b"], ["1", "2"]], "utf-8")
    done = run("import", source, "-o", tmp_path / "set.yaml")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "Geen kopregel gevonden: de eerste tien rijen hebben geen twee bekende kolomnamen (zoals "
        "nr, afspraak, trekker, doel, eenheid, termijn, thema). Gebruik --map 'KOLOM=veld'.\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["lijst.csv"]


def test_import_refuses_a_file_that_is_no_workbook(tmp_path: Path) -> None:
    fake = tmp_path / "afspraken.xlsx"
    fake.write_text("Nr.;Afspraak;Trekker\n1;Bouwen;Gemeente\n", encoding="utf-8")
    done = run_process("import", fake.name, "-o", "set.yaml", cwd=tmp_path)
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith("prestatie: afspraken.xlsx is niet te lezen als tabel: ")
    assert done.returncode == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["afspraken.xlsx"]


# --- Import: guesses that must not be silent -------------------------------------------------


def test_a_skipped_duplicate_row_leaves_no_trace(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Nr.", "Thema", "Afspraak", "Trekker", "Betrokken partijen", "Gereed"],
        ["1.1", "Proces", "Partijen evalueren jaarlijks de afspraken.", "Gemeente Lindeveen",
         "Woonstichting De Linde", "30-06-2028"],
        ["1.1", "Proces", "De corporatie brengt jaarlijks een bod uit.", "Woonbedrijf Veenstra",
         "Huurdersvereniging Lindeveen", "01-07-2028"],
    ]  # fmt: skip
    source = write_csv(tmp_path / "tabel.csv", rows, "utf-8-sig")
    done = run("import", source, "-o", tmp_path / "set.yaml", "--period", "2026-2029")
    problems, assumptions = _reported(done.stderr)
    assert problems == [
        "Rij 3: nummer 1.1 komt al eerder voor; de rij is overgeslagen.",
        "Geen partij met de rol huurdersorganisatie in de tabel; voeg die toe onder 'parties'.",
    ]
    assert assumptions == ["Rij 2: geen titel; de eerste zin van de tekst gebruikt."]
    data = load_file(tmp_path / "set.yaml").data
    assert [party["name"] for party in data["parties"]] == [
        "Gemeente Lindeveen",
        "Woonstichting De Linde",
    ]


@pytest.mark.parametrize(
    ("written", "unit", "lost"),
    [
        ("120 (waarvan 40 in 2026)", "", "(waarvan 40 in 2026)"),
        ("60 per jaar", "woningen", "per jaar"),
    ],
)
def test_text_next_to_a_target_number_is_reported(
    tmp_path: Path, written: str, unit: str, lost: str
) -> None:
    rows: list[list[Any]] = [
        ["Nr.", "Thema", "Onderwerp", "Trekker", "Streefwaarde", "Eenheid", "Gereed"],
        ["1.1", "Beschikbaarheid", "Flexwoningen", "Woonstichting De Linde", written, unit,
         "31-12-2028"],
    ]  # fmt: skip
    source = write_csv(tmp_path / "tabel.csv", rows, "utf-8-sig")
    done = run("import", source, "-o", tmp_path / "set.yaml", "--period", "2026-2029")
    problems, assumptions = _reported(done.stderr)
    assert [line for line in problems + assumptions if line.startswith("Rij 2") and lost in line]


def test_words_the_import_cannot_map_are_reported_per_cell(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Nr.", "Thema", "Onderwerp", "Soort", "Trekker", "Vergelijking", "Streefwaarde",
         "Eenheid", "Per periode", "Meetfrequentie", "Gereed"],
        ["1.1", "Beschikbaarheid", "Flexwoningen", "belofte", "Woonstichting De Linde",
         "ongeveer", "40", "woningen", "soms", "af en toe", "31-12-2028"],
        ["1.2", "Beschikbaarheid", "Sociale huur", "resultaat", "Woonstichting De Linde",
         "minimaal", "60", "woningen", "jaarlijks", "jaarlijks", "31-12-2028"],
    ]  # fmt: skip
    source = write_csv(tmp_path / "tabel.csv", rows, "utf-8-sig")
    done = run("import", source, "-o", tmp_path / "set.yaml", "--period", "2026-2029")
    problems, _ = _reported(done.stderr)
    assert [line for line in problems if line.startswith("Rij ")] == [
        "Rij 2, kolom Soort: 'belofte' is niet te lezen en is weggelaten.",
        "Rij 2, kolom Vergelijking: 'ongeveer' is niet te lezen en is weggelaten.",
        "Rij 2, kolom Per periode: 'soms' is niet te lezen en is weggelaten.",
        "Rij 2, kolom Meetfrequentie: 'af en toe' is niet te lezen en is weggelaten.",
    ]
    first, second = load_file(tmp_path / "set.yaml").data["agreements"]
    assert not {"kind", "frequency"} & set(first)
    assert not {"comparison", "recurring"} & set(first["target"])
    assert (second["kind"], second["frequency"]) == ("result", "yearly")
    assert (second["target"]["comparison"], second["target"]["recurring"]) == ("at_least", "yearly")


def test_thousands_point_in_a_baseline_is_reported(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Nr.", "Thema", "Onderwerp", "Trekker", "Streefwaarde", "Eenheid", "Nulmeting",
         "Datum nulmeting", "Gereed"],
        ["KD-1", "Duurzaamheid", "Woningen met label E, F of G", "Woonstichting De Linde", "0",
         "woningen", "1.240", "01-01-2026", "31-12-2028"],
    ]  # fmt: skip
    source = write_csv(tmp_path / "tabel.csv", rows, "utf-8-sig")
    done = run("import", source, "-o", tmp_path / "set.yaml", "--period", "2026-2029")
    _, assumptions = _reported(done.stderr)
    assert "Rij 2, kolom Nulmeting: '1.240' gelezen als 1240 (punt als duizendtal)." in assumptions


# --- Round trip: export, then import, keeps every field the table holds ---------------------------


def _model(path: Path) -> AgreementSet:
    model, findings = validate(load_file(path))
    assert findings == []
    assert isinstance(model, AgreementSet)
    return model


def _table_fields(agreements: AgreementSet) -> dict[str, dict[str, Any]]:
    """Per agreement, every field the exported table holds, with parties by name."""
    names = {party.id: party.name for party in agreements.parties}
    found = {}
    for agreement in agreements.agreements:
        target = agreement.target
        found[agreement.id] = {
            "title": agreement.title,
            "text": " ".join(agreement.text.split()) if agreement.text else None,
            "theme": agreement.theme,
            "kind": agreement.kind,
            "owner": names.get(agreement.owner or ""),
            "contributors": [names[party] for party in agreement.contributors],
            "deadline": agreement.deadline,
            "frequency": agreement.frequency,
            "target": None
            if target is None
            else {
                "metric": target.metric,
                "unit": target.unit,
                "value": (target.value, type(target.value)),
                "comparison": target.comparison,
                "cumulative": target.cumulative,
                "recurring": target.recurring,
                "source": target.source,
                "baseline": None
                if target.baseline is None
                else (
                    target.baseline.value,
                    type(target.baseline.value),
                    target.baseline.date,
                ),
            },
        }
    return found


@pytest.mark.parametrize(
    ("name", "output_format"),
    [
        ("lindeveen-2025-2028", "csv"),
        ("lindeveen-2025-2028", "xlsx"),
        ("bodegraven-reeuwijk-2016-2019", "csv"),
        ("bodegraven-reeuwijk-2016-2019", "xlsx"),
        ("regio-hofstreek-2024-2027", "csv"),
        ("regio-hofstreek-2024-2027", "xlsx"),
        ("lindeveen-2025-2028", "ods"),
        ("bodegraven-reeuwijk-2016-2019", "ods"),
        ("regio-hofstreek-2024-2027", "ods"),
    ],
)
def test_round_trip_keeps_every_field_the_table_holds(
    tmp_path: Path, name: str, output_format: str
) -> None:
    original = REPO / "examples" / "afspraken" / f"{name}.yaml"
    table = tmp_path / f"{name}.{output_format}"
    done = run("export", "--as-of", AS_OF, "-f", output_format, "-o", table, original)
    assert done.returncode == 0, done.stderr
    model = _model(original)
    start, end = model.period.start.isoformat(), model.period.end.isoformat()
    back = tmp_path / f"{name}.yaml"
    imported = run(
        "import", table, "-o", back, "--id", model.id, "--title", model.title,
        "--period", f"{start}:{end}",
    )  # fmt: skip
    assert imported.returncode in (0, 1), imported.stderr
    assert "Aannames" not in imported.stderr  # the export's own table needs no guessing
    again = _model(back)
    assert (again.id, again.title, again.period) == (model.id, model.title, model.period)
    assert _table_fields(again) == _table_fields(model)
    if name == "lindeveen-2025-2028":
        assert imported.stdout == (
            f"18 afspraken geschreven naar {back}; 1 rij(en) of cel(len) niet overgenomen, "
            "0 aanname(s).\n"
        )
        assert imported.stderr == (
            "Niet overgenomen:\n"
            "  - Rij 2: de rol van 'Stichting Thuisbaak' is niet af te leiden uit de naam; "
            "'overig' gebruikt. Zet de juiste rol in de set.\n"
        )


def test_csv_round_trip_keeps_a_decimal_with_three_digits(tmp_path: Path) -> None:
    data = base_set()
    agreement = data["agreements"][0]
    agreement.update(
        id="KD-01",
        title="Gemiddelde Energie-Index omlaag",
        text="Woonstichting A verlaagt de gemiddelde Energie-Index van haar woningen van "
        "1,625 naar 1,25.",
        theme="duurzaamheid",
        target={
            "metric": "gemiddelde Energie-Index",
            "unit": "EI",
            "value": 1.25,
            "comparison": "at_most",
            "baseline": {"value": 1.625, "date": "2016-01-01"},
        },
    )
    original = write_yaml(tmp_path / "ei.yaml", data)
    table = tmp_path / "ei.csv"
    assert run("export", "-o", table, original).returncode == 0
    imported = run("import", table, "-o", tmp_path / "terug.yaml", "--period", "2016-2019")
    assert imported.returncode in (0, 1), imported.stderr
    assert _table_fields(_model(tmp_path / "terug.yaml")) == _table_fields(_model(original))


# --- Round trip of the format of issue 13: every field of an agreement, with its set's parties ---

WEIDEMEER = ("weidemeer-2026-2029", "weidemeer-2026", "weidemeer-2027")
RESIGN = (
    "Een handtekening hoort bij de tekst zoals die is ondertekend, niet bij deze nieuwe inhoud: "
    "laat de partijen opnieuw tekenen (prestatie sign)."
)
# What a set holds beyond its agreements, parties and groups, which a table does not carry.
LEFT_OUT = {
    "weidemeer-2026-2029": [
        "1 wijziging(en) van de hele set (amendments)",
        "8 handtekening(en) (signatures)",
        "de grondslag (basis)",
    ],
    "weidemeer-2026": [
        "7 handtekening(en) (signatures)",
        "3 bod(en) (bids)",
        "de kaderafspraak weidemeer-2026-2029 (frame)",
    ],
    "weidemeer-2027": [
        "7 handtekening(en) (signatures)",
        "3 bod(en) (bids)",
        "de kaderafspraak weidemeer-2026-2029 (frame)",
    ],
}


def _left_out(path: Path, lines: list[str]) -> str:
    return (
        f"Niet overgenomen uit {path}, want een tabel bevat alleen de afspraken:\n"
        + "".join(f"  - {line}\n" for line in lines)
        + f"{RESIGN} Neem de rest zo nodig zelf over uit {path}.\n"
    )


@pytest.mark.parametrize("output_format", ["csv", "xlsx", "ods"])
@pytest.mark.parametrize("name", WEIDEMEER)
def test_round_trip_with_the_sets_parties_gives_the_same_agreements(
    tmp_path: Path, name: str, output_format: str
) -> None:
    original = REPO / "examples" / "afspraken" / f"{name}.yaml"
    table = tmp_path / f"{name}.{output_format}"
    done = run("export", "--as-of", "2026-12-01", "-f", output_format, "-o", table, original)
    assert done.returncode == 0, done.stderr
    model = _model(original)
    start, end = model.period.start.isoformat(), model.period.end.isoformat()
    back = tmp_path / f"{name}.yaml"
    imported = run(
        "import", table, "-o", back, "--id", model.id, "--title", model.title,
        "--period", f"{start}:{end}", "--parties", original,
    )  # fmt: skip
    assert (imported.returncode, imported.stderr) == (0, _left_out(original, LEFT_OUT[name]))
    count = len(model.agreements)
    assert imported.stdout == (
        f"{count} afspraken geschreven naar {back}; 0 rij(en) of cel(len) niet overgenomen, "
        "0 aanname(s).\n"
    )
    again = _model(back)
    # Every field of every agreement, its groups and its parties over time included.
    assert again.agreements == model.agreements
    assert (again.parties, again.groups) == (model.parties, model.groups)
    assert (again.id, again.title, again.period) == (model.id, model.title, model.period)
    # A table holds the agreements only: the set-level parts stay behind, said so above.
    assert (again.amendments, again.signatures, again.bids, again.frame) == ([], [], [], None)


def _with_parties(tmp_path: Path, **extra: Any) -> Path:
    data = base_set()
    data.update(extra)
    return write_yaml(tmp_path / "partijen.yaml", data)


def _import_with_parties(tmp_path: Path, parties: Path, *args: str) -> Any:
    table = tmp_path / "t.csv"
    assert run("export", "--as-of", "2017-06-30", "-o", table, parties).returncode == 0
    return run("import", table, "-o", tmp_path / "nieuw.yaml", "--period", "2016-2019",
               "--parties", parties, *args)  # fmt: skip


def test_import_says_the_signatures_of_the_parties_set_stay_behind(tmp_path: Path) -> None:
    parties = _with_parties(tmp_path)
    done = _import_with_parties(tmp_path, parties)
    assert done.returncode == 0
    assert done.stderr == (
        f"Niet overgenomen uit {parties}, want een tabel bevat alleen de afspraken:\n"
        f"  - 3 handtekening(en) (signatures)\n{RESIGN}\n"
    )
    assert _model(tmp_path / "nieuw.yaml").signatures == []


def test_import_says_the_amendments_of_the_parties_set_stay_behind(tmp_path: Path) -> None:
    amendment = {
        "date": "2018-03-01", "reason": "De looptijd wordt met een jaar verlengd.",
        "agreed_by": ["gemeente", "corp-a", "hv-a"], "extends_to": "2020-12-31",
    }  # fmt: skip
    parties = _with_parties(tmp_path, signatures=[], amendments=[amendment])
    done = _import_with_parties(tmp_path, parties, "--lang", "en")
    assert done.returncode == 0
    assert done.stderr == (
        f"Not taken over from {parties}, as a table holds the agreements only:\n"
        "  - 1 amendment(s) of the whole set (amendments)\n"
        f"Copy the rest over from {parties} where needed.\n"
    )
    assert _model(tmp_path / "nieuw.yaml").amendments == []


def test_import_with_a_parties_set_of_agreements_only_says_nothing_more(tmp_path: Path) -> None:
    parties = _with_parties(tmp_path, signatures=[])
    done = _import_with_parties(tmp_path, parties)
    assert (done.returncode, done.stderr) == (0, "")


def test_round_trip_without_the_sets_parties_names_groups_as_parties(tmp_path: Path) -> None:
    original = REPO / "examples" / "afspraken" / "weidemeer-2026-2029.yaml"
    table = tmp_path / "weidemeer.csv"
    assert run("export", "--as-of", "2026-12-01", "-o", table, original).returncode == 0
    done = run("import", table, "-o", tmp_path / "terug.yaml", "--period", "2026-2029")
    assert done.returncode == 1
    assert _reported(done.stderr) == (
        [
            "Rij 2: de rol van 'Alle partijen' is niet af te leiden uit de naam; 'overig' "
            "gebruikt. Zet de juiste rol in de set.",
            "Rij 26: de rol van 'Stichting Jongerenhuisvesting Regio' is niet af te leiden uit "
            "de naam; 'overig' gebruikt. Zet de juiste rol in de set.",
        ],
        [],
    )
    model = _model(tmp_path / "terug.yaml")
    # The export wrote 'Naam [id]' where the id is not made from the name: the ids come back.
    assert [(party.id, party.name, party.role) for party in model.parties] == [
        ("partijen", "Alle partijen", "overig"),
        ("scw", "Samenwerkende Corporaties Weidemeer", "corporatie"),
        ("huurdersorganisaties", "De huurdersorganisaties", "huurdersorganisatie"),
        ("corporaties", "De corporaties", "corporatie"),
        ("corp-meerhof", "Woonstichting De Meerhof", "corporatie"),
        ("gemeente", "Gemeente Weidemeer", "gemeente"),
        ("corp-polderrijk", "Polderrijk Wonen", "corporatie"),
        ("corp-oever", "Oeverwonen", "corporatie"),
        ("hv-weidemeer", "Bewonersplatform Weidemeer", "huurdersorganisatie"),
        ("corp-jong", "Stichting Jongerenhuisvesting Regio", "overig"),
    ]
    agreements = {a.id: a for a in model.agreements}
    assert agreements["BS-03"].owner == ["gemeente", "corporaties"]
    assert agreements["LV-02"].addressed_to == "gemeente"
    assert agreements["BT-01"].contributors == ["huurdersorganisaties"]


def test_a_table_of_before_the_new_columns_imports_exactly_as_before(tmp_path: Path) -> None:
    # The lindeveen export of before issue 13, and the set its import wrote then.
    v1 = Path(__file__).parent / "v1"
    source = tmp_path / "lindeveen-2025-2028.csv"
    source.write_bytes((v1 / "lindeveen-2025-2028.csv").read_bytes())
    assert source.read_text(encoding="utf-8").splitlines()[0] == V1_HEADER
    done = run(
        "import", source.name, "-o", "set.yaml", "--id", "lindeveen-2025-2028",
        "--title", "Prestatieafspraken Lindeveen 2025-2028", "--period", "2025-2028",
        cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stdout == (
        "18 afspraken geschreven naar set.yaml; 1 rij(en) of cel(len) niet overgenomen, "
        "0 aanname(s).\n"
    )
    written = (tmp_path / "set.yaml").read_bytes()
    assert written == (v1 / "lindeveen-2025-2028.yaml").read_bytes()


NEW_HEADER = [
    "Nr.", "Thema", "Titel", "Soort", "Trekker", "Gevraagd aan", "Antwoord", "Datum antwoord",
    "Onderdeel van", "Geldt voor", "Per gebeurtenis", "Voorbehoud", "Vergelijking",
    "Streefwaarde", "Bovengrens", "Eenheid", "Circa", "Index", "Telling", "Per jaar",
    "Verdeling", "Ingangsdatum", "Doorlopend", "Na de looptijd", "Meetfrequentie",
]  # fmt: skip


def _new_row(**cells: Any) -> list[Any]:
    """A row under NEW_HEADER: a number, a theme and a title, and the cells given."""
    row: list[Any] = [None] * len(NEW_HEADER)
    row[:3] = [cells.pop("nr"), "wonen", cells.pop("titel", "Afspraak")]
    for name, value in cells.items():
        row[NEW_HEADER.index(name.replace("_", " ").capitalize())] = value
    return row


def test_import_reads_the_new_columns_in_dutch_words(tmp_path: Path) -> None:
    rows = [
        NEW_HEADER,
        _new_row(nr="V-1", soort="verzoek", trekker="Woonstichting De Linde; Woonbedrijf Veen",
                 gevraagd_aan="Gemeente Lindeveen", antwoord="aanvaard",
                 datum_antwoord="15-06-2026", streefwaarde="20.000", eenheid="euro",
                 vergelijking="maximaal", ingangsdatum="01-01-2027", doorlopend="ja"),
        _new_row(nr="K-0", soort="context", trekker="Gemeente Lindeveen"),
        _new_row(nr="H-1", trekker="Woonbedrijf Veen", vergelijking="tussen", streefwaarde=850,
                 bovengrens=1000, eenheid="euro per maand", geldt_voor="complex Kerkpad",
                 per_gebeurtenis="bij iedere mutatie", meetfrequentie="maandelijks",
                 voorbehoud="rvc: Goedkeuring door de RvC (goedkeuring, RvC Veen); "
                 "Het rijk geeft subsidie (2026)"),
        _new_row(nr="H-2", trekker="Woonbedrijf Veen", onderdeel_van="H-1", streefwaarde="circa",
                 circa="ja"),
        _new_row(nr="H-3", trekker="Woonbedrijf Veen", streefwaarde="600", circa="ja",
                 telling="netto", per_jaar="2027: 650; 2028: 700,5 (geïndexeerd)",
                 verdeling="sociale huur 60 %; middenhuur 40 % (240)", na_de_looptijd="ja",
                 index="inflatie (CPI)", eenheid="woningen", meetfrequentie="per kwartaal"),
        _new_row(nr="H-4", trekker="Huurdersvereniging Lindeveen", streefwaarde=10),
    ]  # fmt: skip
    source = write_xlsx(tmp_path / "tabel.xlsx", rows)
    done = run("import", source, "-o", tmp_path / "set.yaml", "--period", "2026-2029")
    assert done.returncode == 1
    assert _reported(done.stderr) == (
        ["Rij 5, kolom Streefwaarde: 'circa' is geen getal; het doel is weggelaten."],
        [
            "Rij 2: geen maat; de titel gebruikt als maat.",
            "Rij 2, kolom Streefwaarde: '20.000' gelezen als 20000 (punt als duizendtal).",
            "Rij 4: voorbehoud 'Het rijk geeft subsidie (2026)' heeft geen id (schrijf 'id: "
            "tekst'); 'voorbehoud-2' gebruikt.",
            "Rij 4: geen maat; de titel gebruikt als maat.",
            "Rij 6: geen maat; de titel gebruikt als maat.",
            "Rij 7: geen maat; de titel gebruikt als maat.",
        ],
    )
    agreements = load_file(tmp_path / "set.yaml").data["agreements"]
    assert agreements[0] == {
        "id": "V-1", "title": "Afspraak", "theme": "wonen", "kind": "request",
        "owner": ["woonstichting-de-linde", "woonbedrijf-veen"],
        "addressed_to": "gemeente-lindeveen",
        "answer": {"state": "accepted", "date": date(2026, 6, 15)},
        "target": {"metric": "Afspraak", "value": 20000, "unit": "euro", "comparison": "at_most"},
        "effective_from": date(2027, 1, 1), "ongoing": True,
    }  # fmt: skip
    assert agreements[1] == {
        "id": "K-0", "title": "Afspraak", "theme": "wonen", "kind": "context",
        "owner": "gemeente-lindeveen",
    }  # fmt: skip
    assert agreements[2] == {
        "id": "H-1", "title": "Afspraak", "theme": "wonen", "owner": "woonbedrijf-veen",
        "scope": "complex Kerkpad", "per_event": "bij iedere mutatie",
        "conditions": [
            {"id": "rvc", "text": "Goedkeuring door de RvC", "kind": "approval", "by": "RvC Veen"},
            {"id": "voorbehoud-2", "text": "Het rijk geeft subsidie (2026)"},
        ],
        "target": {"metric": "Afspraak", "value": 850, "unit": "euro per maand",
                   "comparison": "between", "upper": 1000},
        "frequency": "monthly",
    }  # fmt: skip
    assert agreements[3] == {
        "id": "H-2", "title": "Afspraak", "theme": "wonen", "owner": "woonbedrijf-veen",
        "parent": "H-1",
    }  # fmt: skip
    assert agreements[4] == {
        "id": "H-3", "title": "Afspraak", "theme": "wonen", "owner": "woonbedrijf-veen",
        "target": {
            "metric": "Afspraak", "value": 600, "unit": "woningen", "approximate": True,
            "index": "inflatie (CPI)", "counting": "net",
            "per_year": [{"year": 2027, "value": 650},
                         {"year": 2028, "value": 700.5, "note": "geïndexeerd"}],
            "split": [{"category": "sociale huur", "share": 60},
                      {"category": "middenhuur", "share": 40, "value": 240}],
        },
        "beyond_term": True, "frequency": "quarterly",
    }  # fmt: skip


def test_bad_cells_of_the_new_columns_name_row_and_column(tmp_path: Path) -> None:
    rows = [
        NEW_HEADER,
        _new_row(nr="A-1", trekker="Gemeente Lindeveen", antwoord="misschien",
                 datum_antwoord="gisteren", ingangsdatum="Q1 2027", doorlopend="soms"),
        _new_row(nr="A-2", trekker="Woonbedrijf Veen", streefwaarde=850, bovengrens=800,
                 vergelijking="tussen", telling="ongeveer"),
        _new_row(nr="A-3", trekker="Woonbedrijf Veen", streefwaarde=850, bovengrens="veel"),
        _new_row(nr="A-4", trekker="Woonbedrijf Veen", streefwaarde=10,
                 per_jaar="2027 = 650", verdeling="sociale huur zestig procent",
                 na_de_looptijd="misschien", circa="2"),
        _new_row(nr="A-5", trekker="Woonbedrijf Veen", streefwaarde=10, vergelijking="tussen",
                 antwoord="afgewezen"),
        _new_row(nr="A-6", trekker="Huurdersvereniging Lindeveen", streefwaarde=10,
                 per_jaar="1066: 5", verdeling="koop 120 %"),
    ]  # fmt: skip
    source = write_csv(tmp_path / "tabel.csv", rows, "utf-8-sig")
    done = run_process("import", source.name, "-o", "set.yaml", "--period", "2026-2029",
                       cwd=tmp_path)  # fmt: skip
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    problems, _ = _reported(done.stderr)
    assert problems == [
        "Rij 2, kolom Antwoord: 'misschien' is niet te lezen en is weggelaten.",
        "Rij 2, kolom Datum antwoord: 'gisteren' is geen datum (schrijf 2026-12-31 of "
        "31-12-2026) en is weggelaten.",
        "Rij 2, kolom Ingangsdatum: 'Q1 2027' is geen datum (schrijf 2026-12-31 of 31-12-2026) en "
        "is weggelaten.",
        "Rij 2, kolom Doorlopend: 'soms' is niet te lezen en is weggelaten.",
        "Rij 3: een bereik heeft de vergelijking 'tussen' en een bovengrens die niet onder de "
        "streefwaarde ligt; vergelijking en bovengrens zijn weggelaten.",
        "Rij 3, kolom Telling: 'ongeveer' is niet te lezen en is weggelaten.",
        "Rij 4, kolom Bovengrens: 'veel' is niet te lezen en is weggelaten.",
        "Rij 5, kolom Circa: '2' is niet te lezen en is weggelaten.",
        "Rij 5, kolom Per jaar: '2027 = 650' is niet te lezen als waarden per jaar (schrijf "
        "bijvoorbeeld '2027: 700,72; 2028: 718,24') en is weggelaten.",
        "Rij 5, kolom Verdeling: 'sociale huur zestig procent' is niet te lezen als verdeling "
        "(schrijf bijvoorbeeld 'sociale huur 60 %; middenhuur 20 %; koop 20 %') en is "
        "weggelaten.",
        "Rij 5, kolom Na de looptijd: 'misschien' is niet te lezen en is weggelaten.",
        "Rij 6: een antwoord op een verzoek heeft een stand (open, aanvaard of afgewezen) en een "
        "datum; het antwoord is weggelaten.",
        "Rij 6: een bereik heeft de vergelijking 'tussen' en een bovengrens die niet onder de "
        "streefwaarde ligt; vergelijking en bovengrens zijn weggelaten.",
        "Rij 7, kolom Per jaar: '1066: 5' is niet te lezen als waarden per jaar (schrijf "
        "bijvoorbeeld '2027: 700,72; 2028: 718,24') en is weggelaten.",
        "Rij 7, kolom Verdeling: 'koop 120 %' is niet te lezen als verdeling (schrijf "
        "bijvoorbeeld 'sociale huur 60 %; middenhuur 20 %; koop 20 %') en is weggelaten.",
    ]
    # What was left out leaves a valid set: it checks, with the rules' findings only.
    assert _model(tmp_path / "set.yaml").agreements[1].target is not None


def test_import_refuses_parties_from_a_file_that_is_no_set(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "tabel.csv", [NEW_HEADER, _new_row(nr="A-1")], "utf-8-sig")
    monitor = REPO / "examples" / "monitor" / "weidemeer-2026-2029.yaml"
    done = run("import", source, "-o", tmp_path / "set.yaml", "--parties", monitor)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"prestatie: --parties {monitor} is geen geldige set afspraken: kind: monitor. "
        "Er is niets geschreven.\n"
    )
    broken = tmp_path / "kapot.yaml"
    broken.write_text("kind: agreements\nversion: 1\nid: x\n", encoding="utf-8")
    done = run("import", source, "-o", tmp_path / "set.yaml", "--parties", broken)
    assert done.returncode == 2
    assert done.stderr.startswith(
        f"prestatie: --parties {broken} is geen geldige set afspraken: 1:1 "
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kapot.yaml", "tabel.csv"]


# --- Import: ids in plain letters, roles from names, every assumption said -----------------------


def test_import_says_what_it_assumed_and_never_cuts_a_title(tmp_path: Path) -> None:
    # Pins surprise 8: 'Eén' made 'woonstichting-e-n', a baseline without a date was dropped,
    # a title was cut mid-phrase, '3.000' was reported twice.
    rows: list[list[Any]] = [
        ["Nr.", "Thema", "Afspraak", "Trekker", "Betrokken partijen", "Streefwaarde", "Eenheid",
         "Nulmeting", "Gereed"],
        ["1.1", "Beschikbaarheid",
         "Woonstichting Eén bouwt o.a. in Noord ca. 3.000 woningen, waarvan 40 procent "
         "sociale huur. De gemeente levert de grond.",
         "Woonstichting Eén", "Gemeente Lindeveen / Huurdersvereniging Lindeveen", "3.000",
         "woningen", "0", "31-12-2029"],
        ["1.2", "Betaalbaarheid", "Woonstichting Een houdt de huren laag! Dat is afgesproken.",
         "Woonstichting Een", "Huurdersvereniging Lindeveen", "100", "procent", "95",
         "31-12-2029"],
    ]  # fmt: skip
    source = write_csv(tmp_path / "tabel.csv", rows, "utf-8-sig")
    done = run("import", source, "-o", tmp_path / "set.yaml", "--period", "2026-2029")
    assert (done.returncode, done.stdout) == (
        0,
        f"2 afspraken geschreven naar {tmp_path / 'set.yaml'}; 0 rij(en) of cel(len) niet "
        "overgenomen, 7 aanname(s).\n",
    )
    problems, assumptions = _reported(done.stderr)
    assert problems == []
    assert assumptions == [
        "Rij 2: geen titel; de eerste zin van de tekst gebruikt.",
        "Rij 2: geen maat; de titel gebruikt als maat.",
        "Rij 2, kolom Streefwaarde: '3.000' gelezen als 3000 (punt als duizendtal).",
        "Rij 3: geen titel; de eerste zin van de tekst gebruikt.",
        "Rij 3: geen maat; de titel gebruikt als maat.",
        "Rij 2: nulmeting 0 zonder datum; het begin van de looptijd (2026-01-01) als datum "
        "genomen.",
        "Rij 3: nulmeting 95 zonder datum; het begin van de looptijd (2026-01-01) als datum "
        "genomen.",
    ]
    data = load_file(tmp_path / "set.yaml").data
    # Ids in plain letters; another name that makes the same id gets a number.
    assert data["parties"] == [
        {"id": "woonstichting-een", "name": "Woonstichting Eén", "role": "corporatie"},
        {"id": "gemeente-lindeveen", "name": "Gemeente Lindeveen", "role": "gemeente"},
        {"id": "huurdersvereniging-lindeveen", "name": "Huurdersvereniging Lindeveen",
         "role": "huurdersorganisatie"},
        {"id": "woonstichting-een-2", "name": "Woonstichting Een", "role": "corporatie"},
    ]  # fmt: skip
    first, second = data["agreements"]
    # The first sentence whole: the points of 'o.a.', 'ca.' and '3.000' do not end it.
    assert first["title"] == (
        "Woonstichting Eén bouwt o.a. in Noord ca. 3.000 woningen, waarvan 40 procent sociale huur"
    )
    assert first["target"]["value"] == 3000
    assert first["target"]["baseline"] == {"value": 0, "date": date(2026, 1, 1)}
    assert (first["owner"], first["contributors"]) == (
        "woonstichting-een",
        ["gemeente-lindeveen", "huurdersvereniging-lindeveen"],
    )
    assert second["title"] == "Woonstichting Een houdt de huren laag!"
    assert second["owner"] == "woonstichting-een-2"
    assert second["target"]["baseline"] == {"value": 95, "date": date(2026, 1, 1)}


def test_a_baseline_cell_that_cannot_be_read_gets_one_message(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Nr.", "Thema", "Onderwerp", "Trekker", "Streefwaarde", "Eenheid", "Nulmeting",
         "Datum nulmeting", "Gereed"],
        ["1", "Wonen", "Label A", "Gemeente Lindeveen", "10", "woningen", "veel", "", "31-12-2029"],
        ["2", "Wonen", "Label B", "Gemeente Lindeveen", "10", "woningen", "4", "begin", "31-12-2029"],
        ["3", "Wonen", "Label C", "Gemeente Lindeveen", "10", "woningen", "?", "?", "31-12-2029"],
    ]  # fmt: skip
    source = write_csv(tmp_path / "tabel.csv", rows, "utf-8-sig")
    done = run("import", source, "-o", tmp_path / "set.yaml", "--period", "2026-2029")
    problems, _ = _reported(done.stderr)
    assert [line for line in problems if line.startswith("Rij")] == [
        "Rij 2, kolom Nulmeting: 'veel' is geen getal; de nulmeting is weggelaten.",
        "Rij 3, kolom Datum nulmeting: 'begin' is geen datum (schrijf 2026-12-31 of 31-12-2026); "
        "de nulmeting is weggelaten.",
        "Rij 4, kolom Nulmeting: '?' is geen getal; de nulmeting is weggelaten.",
        "Rij 4, kolom Datum nulmeting: '?' is geen datum (schrijf 2026-12-31 of 31-12-2026); "
        "de nulmeting is weggelaten.",
    ]
    agreements = load_file(tmp_path / "set.yaml").data["agreements"]
    assert ["baseline" in agreement["target"] for agreement in agreements] == [False] * 3


def test_party_ids_survive_export_import_and_export_again(tmp_path: Path) -> None:
    # 'Naam [id]' where the id is not made from the name; the name alone where it is.
    original = REPO / "examples" / "afspraken" / "weidemeer-2026-2029.yaml"
    first = tmp_path / "eerst.csv"
    assert run("export", "--as-of", "2026-12-01", "-o", first, original).returncode == 0
    back = tmp_path / "terug.yaml"
    assert run("import", first, "-o", back, "--period", "2026-2029").returncode == 1
    second = tmp_path / "daarna.csv"
    assert run("export", "--as-of", "2026-12-01", "-o", second, back).returncode in (0, 1)

    def parties(path: Path) -> list[tuple[str, str, str]]:
        content = path.read_text(encoding="utf-8-sig")
        table = list(csv.DictReader(content.splitlines(), delimiter=";"))
        return [(row["trekker"], row["bijdragers"], row["gevraagd aan"]) for row in table]

    assert parties(second) == parties(first)
    owners = {row[0] for row in parties(first)}
    assert {"Gemeente Weidemeer [gemeente]", "Samenwerkende Corporaties Weidemeer [scw]"} <= owners
    model = _model(back)
    assert {party.id for party in model.parties} <= {
        party.id for party in _model(original).parties
    } | {group.id for group in _model(original).groups}


# --- A flat export of several sets: one set at a time -----------------------------------------

SETS_OF_EXAMPLES = (
    "bodegraven-reeuwijk-2016-2019, lindeveen-2025-2028, regio-hofstreek-2024-2027, "
    "weidemeer-2026-2029, weidemeer-2026, weidemeer-2027"
)


@pytest.fixture(scope="module")
def all_sets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    table = tmp_path_factory.mktemp("alle") / "alle.csv"
    assert run("export", "--as-of", AS_OF, "-o", table, REPO / "examples/afspraken").returncode == 0
    return table


def test_import_of_a_table_of_several_sets_is_refused(all_sets: Path, tmp_path: Path) -> None:
    done = run("import", all_sets, "-o", tmp_path / "x.yaml")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"De kolom set van deze tabel bevat 6 sets ({SETS_OF_EXAMPLES}); een import maakt één "
        "set. Kies er een met --set, bijvoorbeeld --set bodegraven-reeuwijk-2016-2019, of "
        "exporteer één set als werkboek (prestatie export --workbook) en importeer dat. "
        "Er is niets geschreven.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_import_set_takes_the_rows_of_one_set(all_sets: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    done = run("import", all_sets, "-o", target, "--set", "lindeveen-2025-2028")
    assert done.returncode in (0, 1), done.stderr
    original = _model(REPO / "examples/afspraken/lindeveen-2025-2028.yaml")
    assert [item.id for item in _model(target).agreements] == [
        item.id for item in original.agreements
    ]


def test_import_set_that_the_table_lacks_is_refused(all_sets: Path, tmp_path: Path) -> None:
    done = run("import", all_sets, "-o", tmp_path / "x.yaml", "--set", "nergens")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"De kolom set van deze tabel bevat geen set nergens, wel: {SETS_OF_EXAMPLES}. "
        "Er is niets geschreven.\n"
    )
    assert list(tmp_path.iterdir()) == []
