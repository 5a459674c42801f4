"""Hostile tables: what `import` reads within limits, and what `export` writes as text only.

Group 2 of "safe with hostile files": a table over a limit is refused before the work
it guards, with a Dutch message naming the file and the limit, exit 2, nothing written.
Each such case runs as a real process with a cap on its memory and time, so that a
regression fails the test instead of exhausting the machine.

Group 3: a text that a spreadsheet program would run as a formula (CWE-1236) is
exported as text: a quote before it in CSV, a string cell in XLSX, never a formula;
numbers stay numbers, and `import` reads the text back as it was.
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from ruamel.yaml import YAML

from tests.conftest import base_set, write_yaml
from tests.tables.commandline import run

NOTHING = " Er is niets geschreven.\n"


def _capped() -> None:
    # 2 GB of address space: far more than any of these tables needs, far less than
    # the 24 GB one took before it had limits.
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def imported(source: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`prestatie import SOURCE -o set.yaml` as a user runs it, within 2 GB and 60 s."""
    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "import", source, "-o", "set.yaml"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=_capped,
    )


def listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# --- Workbooks made by hand: the smallest parts openpyxl reads, and a sheet as XML ------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {
    "[Content_Types].xml": f'<Types xmlns="{_PACKAGE}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": f'<Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>",
    "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_OFFICE}"><sheets>'
    '<sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>",
}
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>nr</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>titel</t></is></c></row>'
)


def workbook(
    path: Path, rows: str, *, dimension: str | None = None, prolog: str = "", **parts: str
) -> Path:
    """An XLSX file whose first sheet holds ``rows`` (XML) and, if given, a dimension."""
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{_MAIN}">'
        f"{declared}<sheetData>{rows}</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in (_PARTS | parts).items():
            archive.writestr(name, content)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def inline(reference: str, value: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{value}</t></is></c>'


# --- Group 2: import reads within limits ----------------------------------------------


def test_a_declared_dimension_of_the_whole_sheet_is_refused_before_reading(
    tmp_path: Path,
) -> None:
    # The file of the issue: 4.9 KB, a dimension of A1:XFD1048576, one cell far away.
    source = workbook(
        tmp_path / "hoek.xlsx",
        HEADER_ROW + f'<row r="1048576">{inline("XFD1048576", "x")}</row>',
        dimension="A1:XFD1048576",
    )
    assert source.stat().st_size < 5000
    done = imported("hoek.xlsx", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: hoek.xlsx: het eerste werkblad zegt A1:XFD1048576 te beslaan; prestatie "
        "leest tabellen tot 10000 rijen en 200 kolommen." + NOTHING
    )
    assert listing(tmp_path) == ["hoek.xlsx"]


def test_a_far_cell_without_a_dimension_is_found_without_filling_the_sheet(
    tmp_path: Path,
) -> None:
    workbook(
        tmp_path / "hoek.xlsx", HEADER_ROW + f'<row r="1048576">{inline("XFD1048576", "x")}</row>'
    )
    done = imported("hoek.xlsx", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: hoek.xlsx heeft meer dan 10000 rijen; prestatie leest tabellen tot 10000 "
        "rijen. Splits de tabel." + NOTHING
    )
    assert listing(tmp_path) == ["hoek.xlsx"]


def test_a_row_number_past_any_sheet_is_refused_not_counted_up_to(tmp_path: Path) -> None:
    # openpyxl fills the rows a sheet skips; a row numbered in the billions must not be.
    workbook(tmp_path / "ver.xlsx", HEADER_ROW + '<row r="9999999999"/><row><c><v>1</v></c></row>')
    done = imported("ver.xlsx", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: ver.xlsx heeft meer dan 10000 rijen; prestatie leest tabellen tot 10000 "
        "rijen. Splits de tabel." + NOTHING
    )
    assert listing(tmp_path) == ["ver.xlsx"]


def test_a_cell_in_a_far_column_is_refused(tmp_path: Path) -> None:
    workbook(tmp_path / "breed.xlsx", HEADER_ROW + '<row r="2"><c r="XFD2"><v>1</v></c></row>')
    done = imported("breed.xlsx", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: breed.xlsx, rij 2: meer dan 200 kolommen; prestatie leest tabellen tot 200 "
        "kolommen." + NOTHING
    )
    assert listing(tmp_path) == ["breed.xlsx"]


def test_a_row_of_a_million_cells_is_refused_before_openpyxl_builds_it(tmp_path: Path) -> None:
    source = workbook(tmp_path / "rij.xlsx", '<row r="1">' + "<c/>" * 1_000_000 + "</row>")
    assert source.stat().st_size < 10_000
    done = imported("rij.xlsx", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: rij.xlsx: onderdeel xl/worksheets/sheet1.xml van de werkmap heeft meer dan "
        "1000000 XML-elementen; prestatie leest onderdelen tot 1000000 elementen." + NOTHING
    )
    assert listing(tmp_path) == ["rij.xlsx"]


def test_styles_of_many_elements_are_refused(tmp_path: Path) -> None:
    styles = f'<styleSheet xmlns="{_MAIN}"><fonts>' + "<font/>" * 100_000 + "</fonts></styleSheet>"
    workbook(tmp_path / "stijl.xlsx", HEADER_ROW, **{"xl/styles.xml": styles})
    done = imported("stijl.xlsx", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: stijl.xlsx: onderdeel xl/styles.xml van de werkmap heeft meer dan 100000 "
        "XML-elementen; prestatie leest onderdelen tot 100000 elementen." + NOTHING
    )
    assert listing(tmp_path) == ["stijl.xlsx"]


def test_a_million_rows_are_refused_at_the_limit_not_after_reading_them(
    tmp_path: Path,
) -> None:
    rows = "".join(f"<row><c><v>{number}</v></c><c><v>1</v></c></row>" for number in range(10**6))
    workbook(tmp_path / "miljoen.xlsx", HEADER_ROW + rows)
    done = imported("miljoen.xlsx", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: miljoen.xlsx heeft meer dan 10000 rijen; prestatie leest tabellen tot "
        "10000 rijen. Splits de tabel." + NOTHING
    )
    assert listing(tmp_path) == ["miljoen.xlsx"]


def test_a_million_row_csv_is_refused_at_the_limit(tmp_path: Path) -> None:
    lines = ["nr;titel"] + [f"{number};x" for number in range(10**6)]
    (tmp_path / "miljoen.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = imported("miljoen.csv", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: miljoen.csv heeft meer dan 10000 rijen; prestatie leest tabellen tot "
        "10000 rijen. Splits de tabel." + NOTHING
    )
    assert listing(tmp_path) == ["miljoen.csv"]


@pytest.mark.parametrize("size", [32_768, 131_073])  # past Excel's cell, past csv's field limit
def test_a_csv_cell_longer_than_an_excel_cell_is_refused(tmp_path: Path, size: int) -> None:
    text = "nr;titel;thema\n1;" + "a" * size + ";wonen\n"
    (tmp_path / "lang.csv").write_text(text, encoding="utf-8")
    done = imported("lang.csv", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: lang.csv, rij 2: een cel heeft meer dan 32767 tekens; prestatie leest cellen "
        "tot 32767 tekens (wat in één Excel-cel past)." + NOTHING
    )
    assert listing(tmp_path) == ["lang.csv"]


def test_a_workbook_cell_longer_than_an_excel_cell_is_refused(tmp_path: Path) -> None:
    workbook(tmp_path / "lang.xlsx", HEADER_ROW + f'<row r="2">{inline("B2", "a" * 40_000)}</row>')
    done = imported("lang.xlsx", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: lang.xlsx, rij 2: een cel heeft meer dan 32767 tekens; prestatie leest "
        "cellen tot 32767 tekens (wat in één Excel-cel past)." + NOTHING
    )
    assert listing(tmp_path) == ["lang.xlsx"]


def _laughs(levels: int) -> str:
    entities = ['<!ENTITY lol0 "lol">']
    entities += [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, levels + 1)
    ]
    return f"<!DOCTYPE worksheet [{''.join(entities)}]>"


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
def test_an_entity_bomb_is_refused_before_it_expands(tmp_path: Path, part: str) -> None:
    bomb = _laughs(9)  # a billion times "lol"
    if part == "xl/sharedStrings.xml":
        strings = f'<?xml version="1.0"?>{bomb}<sst xmlns="{_MAIN}"><si><t>&lol9;</t></si></sst>'
        workbook(tmp_path / "bom.xlsx", HEADER_ROW, **{part: strings})
    else:
        workbook(tmp_path / "bom.xlsx", HEADER_ROW + inline("C1", "&lol9;"), prolog=bomb)
    done = imported("bom.xlsx", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: bom.xlsx declareert XML-entiteiten (<!ENTITY>); een werkmap uit Excel of "
        "LibreOffice doet dat nooit en prestatie leest ze niet." + NOTHING
    )
    assert listing(tmp_path) == ["bom.xlsx"]


def test_openpyxl_parses_with_defusedxml() -> None:
    # The second guard behind the scan: openpyxl uses defusedxml when it is installed.
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_a_workbook_that_unpacks_to_more_than_the_limit_is_refused(tmp_path: Path) -> None:
    padding = " " * (101 * 1024 * 1024)  # spaces compress a thousandfold
    source = workbook(tmp_path / "zip.xlsx", HEADER_ROW, **{"docProps/padding.bin": padding})
    assert source.stat().st_size < 1024 * 1024
    done = imported("zip.xlsx", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: zip.xlsx pakt uit tot meer dan 100 MB (een XLSX-bestand is een zip-archief); "
        "prestatie leest werkmappen tot 100 MB uitgepakt." + NOTHING
    )
    assert listing(tmp_path) == ["zip.xlsx"]


def test_a_csv_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    with (tmp_path / "groot.csv").open("w", encoding="utf-8") as stream:
        stream.write("nr;titel;thema\n")
        stream.truncate(20 * 1024 * 1024 + 1)  # sparse: no need to write 20 MB
    done = imported("groot.csv", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: groot.csv is groter dan 20 MB; prestatie leest tabellen tot 20 MB. Splits "
        "de tabel." + NOTHING
    )
    assert listing(tmp_path) == ["groot.csv"]


def test_a_fifo_as_the_table_is_refused_without_waiting_for_it(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pijp.csv")
    done = imported("pijp.csv", tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "prestatie: pijp.csv is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); "
        "prestatie leest een tabel alleen uit een CSV- of XLSX-bestand." + NOTHING
    )
    assert listing(tmp_path) == ["pijp.csv"]


def test_a_dimension_smaller_than_the_sheet_cuts_no_row_off(tmp_path: Path) -> None:
    # The dimension says A1:B2; the sheet has three agreements. All three are read.
    rows = (
        '<row r="1">'
        + "".join(
            inline(f"{column}1", name)
            for column, name in zip(
                "ABCDE", ["nr", "titel", "thema", "trekker", "afspraak"], strict=True
            )
        )
        + "</row>"
    )
    for number in (2, 3, 4):
        rows += f'<row r="{number}">' + "".join(
            inline(f"{column}{number}", value)
            for column, value in zip(
                "ABCDE",
                [f"A-0{number}", f"Afspraak {number}", "wonen", "Gemeente Lindeveen",
                 f"De gemeente bouwt {number} woningen."],
                strict=True,
            )
        ) + "</row>"  # fmt: skip
    workbook(tmp_path / "klein.xlsx", rows, dimension="A1:B2")
    done = imported("klein.xlsx", tmp_path)
    assert done.returncode == 1, done.stderr  # parties without roles: reported, not guessed
    assert done.stdout.startswith("3 afspraken geschreven naar set.yaml;")
    assert listing(tmp_path) == ["klein.xlsx", "set.yaml"]


# --- Group 3: export writes text as text ------------------------------------------------

HYPERLINK = '=HYPERLINK("http://evil","klik")'
DDE = "=cmd|' /C notepad'!'A1'"
# Text that begins as a formula would, with the cell of the export it goes to.
HOSTILE: dict[str, str] = {
    "title": HYPERLINK,
    "text": "+1+1 levert voor 2028 tien woningen op, zegt de corporatie.",
    "theme": "-thema",
    "metric": "@SUM(A1:A9)",
    "unit": "\twoningen",
    "source": "\r=1+1",
}
PARTIES = [
    {"id": "gemeente", "name": DDE + " Gemeente", "role": "gemeente"},
    {"id": "corporatie", "name": "Woon\rstichting", "role": "corporatie"},
    {"id": "huurders", "name": "@Huurders", "role": "huurdersorganisatie"},
]
# Texts that only look like it, and what must not change about them.
HARMLESS = {"'s-Hertogenbosch": "'s-Hertogenbosch", "'=al geciteerd": "''=al geciteerd"}


def hostile_set(tmp_path: Path) -> Path:
    data = base_set()
    data["parties"] = PARTIES
    first = data["agreements"][0]
    first.update(
        id="A-01",
        title=HOSTILE["title"],
        text=HOSTILE["text"],
        theme=HOSTILE["theme"],
        owner="gemeente",
        contributors=["corporatie", "huurders"],
    )
    first["target"] |= {
        "metric": HOSTILE["metric"],
        "unit": HOSTILE["unit"],
        "source": HOSTILE["source"],
        "value": -5,
        "comparison": "at_most",
    }
    first["target"].pop("baseline", None)
    second = json.loads(json.dumps(first))
    second.update(id="A-02", title=DDE, text="#N/A", theme="'s-Hertogenbosch", owner="huurders")
    second["target"] |= {"metric": "'=al geciteerd", "unit": "-", "source": "@"}
    data["agreements"] = [first, second]
    return write_yaml(tmp_path / "vijandig.yaml", data)


def _exported(tmp_path: Path, output_format: str) -> Path:
    target = tmp_path / f"vijandig.{output_format}"
    done = run("export", "-f", output_format, "-o", target, hostile_set(tmp_path))
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.endswith(f"2 afspraken geschreven naar {target}.\n")
    return target


def test_an_exported_workbook_of_hostile_text_holds_no_formula(tmp_path: Path) -> None:
    target = _exported(tmp_path, "xlsx")
    sheet = load_workbook(target)["Afspraken"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert {cell.data_type for cell in cells} == {"s", "n", "d"}
    headers = [cell.value for cell in sheet[1]]
    first, second = (dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(min_row=2))
    # Every hostile text reads back as the very text, in a string cell marked as text.
    for cell, text in [
        (first["titel"], HYPERLINK),
        (first["thema"], "-thema"),
        (first["afspraak"], HOSTILE["text"]),
        (first["maat"], "@SUM(A1:A9)"),
        (first["eenheid"], "\twoningen"),
        (first["trekker"], DDE + " Gemeente [gemeente]"),
        (second["titel"], DDE),
        (second["eenheid"], "-"),
        (second["bron doel"], "@"),
    ]:
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    # XML keeps no lone CR: it reads back as a line break, still text.
    assert (first["bron doel"].value, first["bron doel"].data_type) == ("\n=1+1", "s")
    assert (second["afspraak"].value, second["afspraak"].data_type) == ("#N/A", "s")
    assert (second["thema"].value, second["thema"].quotePrefix) == ("'s-Hertogenbosch", False)
    # A negative number stays a number.
    assert (first["streefwaarde"].value, first["streefwaarde"].data_type) == (-5, "n")


def test_an_exported_csv_of_hostile_text_quotes_every_formula_start(tmp_path: Path) -> None:
    target = _exported(tmp_path, "csv")
    raw = target.read_bytes().decode("utf-8")  # as written: read_text would turn CR into LF
    assert raw.startswith("\ufeff")  # the byte order mark Excel needs to read UTF-8
    raw = raw.removeprefix("\ufeff")
    # One header and two rows: the CR in a party name is inside a quoted field.
    rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter=";"))
    assert [len(row) for row in rows] == [40, 40, 40]
    first, second = (dict(zip(rows[0], row, strict=True)) for row in rows[1:])
    assert first["titel"] == "'" + HYPERLINK
    assert first["thema"] == "'-thema"
    assert first["afspraak"] == "'" + HOSTILE["text"]
    assert first["maat"] == "'@SUM(A1:A9)"
    assert first["eenheid"] == "'\twoningen"
    assert first["bron doel"] == "'\r=1+1"
    assert first["trekker"] == "'" + DDE + " Gemeente [gemeente]"
    assert first["bijdragers"] == "Woon\rstichting [corporatie], @Huurders"
    assert '"Woon\rstichting [corporatie], @Huurders"' in raw
    assert (second["titel"], second["eenheid"], second["bron doel"]) == ("'" + DDE, "'-", "'@")
    assert (second["thema"], second["maat"]) == ("'s-Hertogenbosch", HARMLESS["'=al geciteerd"])
    assert first["streefwaarde"] == "-5"  # a number, not text: no quote


@pytest.mark.parametrize("output_format", ["csv", "xlsx"])
def test_hostile_text_survives_export_and_import_unchanged(
    tmp_path: Path, output_format: str
) -> None:
    table = _exported(tmp_path, output_format)
    done = run("import", table, "-o", tmp_path / "terug.yaml", "--period", "2016-2019")
    assert done.returncode in (0, 1), done.stderr
    back: dict[str, Any] = {
        agreement["id"]: agreement for agreement in _yaml(tmp_path / "terug.yaml")["agreements"]
    }
    assert back["A-01"]["title"] == HYPERLINK
    assert back["A-01"]["text"] == HOSTILE["text"]
    assert back["A-01"]["theme"] == "-thema"
    assert back["A-01"]["target"]["metric"] == "@SUM(A1:A9)"
    assert back["A-01"]["target"]["value"] == -5
    assert back["A-02"]["title"] == DDE
    assert back["A-02"]["text"] == "#N/A"
    assert back["A-02"]["theme"] == "'s-hertogenbosch"
    assert back["A-02"]["target"]["metric"] == "'=al geciteerd"
    assert listing(tmp_path) == ["terug.yaml", table.name, "vijandig.yaml"]


def _yaml(path: Path) -> dict[str, Any]:
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_a_control_character_xlsx_cannot_hold_is_shown_as_its_symbol(tmp_path: Path) -> None:
    data = base_set()
    data["agreements"][0]["title"] = "Wissen\x1b[2J en bellen\x07"
    source = write_yaml(tmp_path / "stuur.yaml", data)
    target = tmp_path / "stuur.xlsx"
    done = run("export", "-f", "xlsx", "-o", target, source)
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.endswith(f"afspraken geschreven naar {target}.\n")
    sheet = load_workbook(target)["Afspraken"]
    assert sheet["C2"].value == "Wissen\u241b[2J en bellen\u2407"
    assert listing(tmp_path) == ["stuur.xlsx", "stuur.yaml"]
