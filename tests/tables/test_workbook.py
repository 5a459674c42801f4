"""export --workbook and import: every example set and its monitor come back equal in content."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from prestatie_cli.load.parse import parse_file
from prestatie_cli.model.agreements import AgreementSet, Monitor
from tests.conftest import REPO, base_set, write_yaml
from tests.tables.commandline import run

SETS = sorted((REPO / "examples/afspraken").glob("*.yaml"))


def _model(path: Path) -> AgreementSet | Monitor:
    parsed = parse_file(path, "nl")
    assert not parsed.problems, parsed.problems
    assert isinstance(parsed.model, AgreementSet | Monitor)
    return parsed.model


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
@pytest.mark.parametrize("source", SETS, ids=lambda path: path.stem)
def test_the_workbook_round_trip_is_lossless(source: Path, suffix: str, tmp_path: Path) -> None:
    # Pins: every field of the set (id, title, period, basis, frame, parties, groups, bids,
    # agreements with their conditions, milestones, per-year values, split, amendments and
    # waivers, set amendments, signatures, waivers) and of its monitor (measurements, condition
    # records, waivers) survives export --workbook and import, in Excel and in ODS.
    monitor = REPO / "examples/monitor" / source.name
    given = [source, monitor] if monitor.exists() else [source]
    book = tmp_path / f"boek{suffix}"
    done = run("export", "--workbook", "-o", book, *given)
    assert done.returncode == 0, done.stderr
    original = _model(source)
    assert isinstance(original, AgreementSet)
    assert done.stderr.startswith(f"Werkboek van set {original.id} geschreven naar {book}:")
    back = run("import", book, "-o", tmp_path / "set.yaml", "--monitor", tmp_path / "mon.yaml")
    assert back.returncode == 0, back.stderr
    assert back.stderr == ""
    assert _model(tmp_path / "set.yaml") == original
    if monitor.exists():
        assert _model(tmp_path / "mon.yaml") == _model(monitor)
    else:
        # A set without a monitor comes back without one.
        assert not (tmp_path / "mon.yaml").exists()


def test_the_round_trip_keeps_signatures_valid(tmp_path: Path) -> None:
    # A signature's digest covers the content, so the imported set is still signed.
    source = REPO / "examples/afspraken/weidemeer-2026-2029.yaml"
    run("export", "--workbook", "-o", tmp_path / "b.xlsx", source)
    run("import", tmp_path / "b.xlsx", "-o", tmp_path / "s.yaml")
    checked = run("check", tmp_path / "s.yaml")
    assert "P616" not in checked.stdout
    original = _model(source)
    assert isinstance(original, AgreementSet) and original.signatures
    copy = _model(tmp_path / "s.yaml")
    assert isinstance(copy, AgreementSet) and copy.signatures == original.signatures


def test_a_workbook_with_measurements_needs_a_monitor_path(tmp_path: Path) -> None:
    book = tmp_path / "b.xlsx"
    run(
        "export", "--workbook", "-o", book,
        REPO / "examples/afspraken/lindeveen-2025-2028.yaml",
        REPO / "examples/monitor/lindeveen-2025-2028.yaml",
    )  # fmt: skip
    done = run("import", book, "-o", tmp_path / "s.yaml")
    assert done.returncode == 2
    assert done.stderr == (
        "prestatie: Het werkboek bevat ook een monitor (metingen); geef met --monitor "
        "BESTAND.yaml waar die heen moet. Er is niets geschreven.\n"
    )
    assert not (tmp_path / "s.yaml").exists()


def test_a_workbook_holds_one_set(tmp_path: Path) -> None:
    done = run("export", "--workbook", "-o", tmp_path / "b.xlsx", REPO / "examples/afspraken")
    assert done.returncode == 2
    assert "Een werkboek bevat één set, en hier zijn er 6 (" in done.stderr
    assert not (tmp_path / "b.xlsx").exists()


def test_a_workbook_is_not_csv(tmp_path: Path) -> None:
    done = run("export", "--workbook", "-o", tmp_path / "b.csv", SETS[0])
    assert done.returncode == 2
    assert done.stderr == (
        "prestatie: Een werkboek is xlsx of ods, niet csv: geef -o BESTAND.xlsx of -o "
        "BESTAND.ods.\n"
    )


def test_an_unreadable_cell_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "b.xlsx"
    run("export", "--workbook", "-o", book, REPO / "examples/afspraken/weidemeer-2027.yaml")
    workbook = load_workbook(book)
    workbook["Afspraken"]["AC2"] = "volgend jaar"  # the deadline column
    workbook.save(book)
    done = run("import", book, "-o", tmp_path / "s.yaml")
    assert done.returncode == 1
    assert done.stderr == (
        f"{book} is niet ingelezen; er is niets geschreven:\n"
        "  - Blad Afspraken, rij 2, kolom 'termijn': 'volgend jaar' is niet te lezen.\n"
    )
    assert not (tmp_path / "s.yaml").exists()


WEIDEMEER = REPO / "examples/afspraken/weidemeer-2026-2029.yaml"
SHEETS = [
    "Set", "Partijen", "Groepen", "Afspraken", "Voorbehouden", "Tussendoelen", "Per jaar",
    "Verdeling", "Wijzigingen", "Uitzonderingen", "Biedingen", "Ondertekening", "Metingen",
    "Voorbehouden gevolgd", "Uitzonderingen monitor",
]  # fmt: skip


def test_an_excel_workbook_has_dutch_dates_frozen_headers_and_row_heights(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "b.xlsx"
    done = run("export", "--workbook", "-o", book, WEIDEMEER, REPO / "examples/monitor")
    assert done.returncode == 0, done.stderr
    workbook = load_workbook(book)
    assert workbook.sheetnames == SHEETS
    assert workbook["Set"].freeze_panes == "A2"
    assert {workbook[name].freeze_panes for name in SHEETS[1:]} == {"B2"}
    start = workbook["Set"]["C2"]
    assert (start.value, start.number_format, start.is_date) == (
        datetime(2026, 1, 1), "dd-mm-yyyy", True,
    )  # fmt: skip
    sheet = workbook["Afspraken"]
    dates = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.is_date]
    assert dates and {cell.number_format for cell in dates} == {"dd-mm-yyyy"}
    heights = [sheet.row_dimensions[row].height for row in range(2, sheet.max_row + 1)]
    assert all(height is not None and height >= 15 and height % 15 == 0 for height in heights)
    assert max(heights) > 15  # long texts wrap over more lines


def _ods_xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


def test_an_ods_table_has_real_dates_shown_the_dutch_way_and_a_frozen_header(
    tmp_path: Path,
) -> None:
    table = tmp_path / "afspraken.ods"
    done = run("export", "--as-of", "2026-11-21", "-o", table, REPO / "examples/afspraken")
    assert done.returncode == 0, done.stderr
    content = _ods_xml(table, "content.xml")
    assert (
        '<table:table-cell office:value-type="date" office:date-value="2028-12-31" '
        'table:style-name="datum"><text:p>31-12-2028</text:p></table:table-cell>'
    ) in content
    assert (
        '<number:date-style style:name="DatumNL" style:display-name="DatumNL"><number:day '
        'number:style="long"/><number:text>-</number:text><number:month number:style="long"/>'
        '<number:text>-</number:text><number:year number:style="long"/></number:date-style>'
    ) in content
    assert 'style:row-height="105.0pt"' in content
    # The header stays in view: the view is split below the first row, beside two columns.
    settings = _ods_xml(table, "settings.xml")
    for name, kind, value in (
        ("VerticalSplitMode", "short", "2"),
        ("VerticalSplitPosition", "int", "1"),
        ("HorizontalSplitPosition", "int", "2"),
    ):
        assert f'config:name="{name}" config:type="{kind}">{value}<' in settings
    # The project's own reader gets the dates back as dates, the numbers as numbers.
    from prestatie_cli.tables.reading import read_sheets

    (rows,) = read_sheets(table).values()
    first = dict(zip(rows[0], rows[1], strict=False))
    assert {name: first[name] for name in ("nr", "streefwaarde", "nulmeting", "termijn")} == {
        "nr": "BT-01", "streefwaarde": 95, "nulmeting": 91, "termijn": date(2019, 12, 31),
    }  # fmt: skip


def test_an_ods_workbook_of_every_sheet_imports_back(tmp_path: Path) -> None:
    book = tmp_path / "b.ods"
    done = run("export", "--workbook", "-o", book, WEIDEMEER, REPO / "examples/monitor")
    assert done.returncode == 0, done.stderr
    content = _ods_xml(book, "content.xml")
    assert [f'table:name="{name}"' in content for name in SHEETS] == [True] * len(SHEETS)
    back = run("import", book, "-o", tmp_path / "s.yaml", "--monitor", tmp_path / "m.yaml")
    assert (back.returncode, back.stderr) == (0, "")
    assert back.stdout == (
        f"Set weidemeer-2026-2029 geschreven naar {tmp_path / 's.yaml'}: 26 afspraken.\n"
        f"Monitor geschreven naar {tmp_path / 'm.yaml'}: "
        f"{len(_monitor_of(WEIDEMEER).measurements)} metingen.\n"
    )


def _monitor_of(source: Path) -> Monitor:
    model = _model(REPO / "examples/monitor" / source.name)
    assert isinstance(model, Monitor)
    return model


def test_an_empty_optional_text_comes_back_absent(tmp_path: Path) -> None:
    # A known gap: a spreadsheet keeps no difference between an empty text and an empty
    # cell, so 'note: ""' comes back without a note. Everything else is equal.
    data = base_set()
    data["parties"][0]["note"] = ""
    source = write_yaml(tmp_path / "leeg.yaml", data)
    for suffix in (".xlsx", ".ods"):
        book = tmp_path / f"b{suffix}"
        assert run("export", "--workbook", "-o", book, source).returncode in (0, 1)
        back = tmp_path / f"terug{suffix}.yaml"
        done = run("import", book, "-o", back)
        assert (done.returncode, done.stderr) == (0, ""), suffix
        original, again = _model(source), _model(back)
        assert isinstance(original, AgreementSet) and isinstance(again, AgreementSet)
        assert (original.parties[0].note, again.parties[0].note) == ("", None)
        assert again.model_copy(update={"parties": original.parties}) == original
