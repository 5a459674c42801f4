"""prestatie record on copies of the examples: the new lines and nothing else change.

Most runs call the command line in-process (the same entry point as the installed
script, much faster than a new interpreter); the concurrency test starts real
processes at the same time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import pytest

from prestatie_cli.cli import main
from prestatie_cli.editing.record import Entry, record
from prestatie_cli.load.validate import validate
from prestatie_cli.load.yaml import load_file
from prestatie_cli.model.agreements import Monitor
from tests.commandline import in_subprocess as run
from tests.conftest import REPO, base_set, write_yaml

LINDEVEEN = "lindeveen-2025-2028"
BODEGRAVEN = "bodegraven-reeuwijk-2016-2019"
HOFSTREEK = "regio-hofstreek-2024-2027"
VOORBEELD = "voorbeeld-2016-2019"
LINDEVEEN_MONITOR = Path("monitor") / f"{LINDEVEEN}.yaml"
BODEGRAVEN_MONITOR = Path("monitor") / f"{BODEGRAVEN}.yaml"
ONLY_LINDEVEEN = ["--sets", f"afspraken/{LINDEVEEN}.yaml", "--sets", str(LINDEVEEN_MONITOR)]
ONLY_BODEGRAVEN = ["--sets", f"afspraken/{BODEGRAVEN}.yaml", "--sets", str(BODEGRAVEN_MONITOR)]
HEADER = f"kind: monitor\nversion: 1\nset: {VOORBEELD}\n"


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """A copy of examples/afspraken and examples/monitor, side by side."""
    shutil.copytree(REPO / "examples" / "afspraken", tmp_path / "afspraken")
    shutil.copytree(REPO / "examples" / "monitor", tmp_path / "monitor")
    return tmp_path


class Cli(Protocol):
    def __call__(self, cwd: Path, *args: str) -> tuple[int, str, str]: ...


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``prestatie ARGS`` in-process in ``cwd``: (exit code, stdout, stderr)."""

    def invoke(cwd: Path, *args: str) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["prestatie", *args])
        capsys.readouterr()
        with pytest.raises(SystemExit) as exited:
            main()
        out, err = capsys.readouterr()
        code = exited.value.code
        return (code if isinstance(code, int) else 1), out, err

    return invoke


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` (hidden ones too) with its bytes."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def voorbeeld(tmp_path: Path, monitor: str | bytes) -> Path:
    """The small set of conftest with a monitor file of exactly the given text."""
    write_yaml(tmp_path / "afspraken" / f"{VOORBEELD}.yaml", base_set())
    path = tmp_path / "monitor" / f"{VOORBEELD}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(monitor if isinstance(monitor, bytes) else monitor.encode("utf-8"))
    return path


def inserted_at(before: bytes, after: bytes, at: int, new: bytes) -> None:
    """``after`` is ``before`` with exactly ``new`` inserted at byte offset ``at``."""
    assert after[:at] == before[:at]
    assert after[at : at + len(new)] == new
    assert after[at + len(new) :] == before[at:]
    assert len(after) == len(before) + len(new)


def last_measurement(path: Path) -> dict[str, object]:
    data = load_file(path).data
    assert isinstance(data, dict)
    return dict(data["measurements"][-1])


def valid_monitor(path: Path) -> Monitor:
    model, findings = validate(load_file(path))
    assert findings == []
    assert isinstance(model, Monitor)
    return model


def end_of_content(text: bytes, before: bytes) -> int:
    """Offset just after the last line before ``before`` that is neither blank nor a comment."""
    head = text[: text.index(before)]
    lines = head.splitlines(keepends=True)
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith(b"#")):
        lines.pop()
    return len(b"".join(lines))


# --- The new lines, and nothing else -------------------------------------------------


def test_block_monitor_ending_in_a_folded_scalar(examples: Path, cli: Cli) -> None:
    path = examples / LINDEVEEN_MONITOR
    before = path.read_bytes()
    # The last measurement ends the file with a folded block scalar.
    assert before.endswith(
        b"    note: >-\n"
        b"      Ontwerp ligt ter inzage tot 15 september 2026; vaststelling door de raad gepland in\n"
        b"      december.\n"
    )
    code, out, err = cli(
        examples,
        "record",
        "BS-01",
        "80",
        "--date",
        "2026-09-30",
        "--source",
        "Kwartaalrapportage projecten corporaties derde kwartaal 2026",
        "--reported-by",
        "corp-veenhuis",
        *ONLY_LINDEVEEN,
    )
    assert (code, err) == (0, "")
    assert out == f"Meting toegevoegd aan {LINDEVEEN_MONITOR}: BS-01 = 80 op 2026-09-30.\n"
    after = path.read_bytes()
    new = (
        b"  - agreement: BS-01\n"
        b"    date: 2026-09-30\n"
        b"    value: 80\n"
        b"    source: Kwartaalrapportage projecten corporaties derde kwartaal 2026\n"
        b"    reported_by: corp-veenhuis\n"
    )
    # The last measurement (with its folded note) ends the file.
    inserted_at(before, after, len(before), new)
    model = valid_monitor(path)
    assert model.measurements[-2].note == (
        "Ontwerp ligt ter inzage tot 15 september 2026; vaststelling door de raad gepland in "
        "december."
    )
    assert (model.measurements[-1].agreement, model.measurements[-1].value) == ("BS-01", 80)


def test_bodegraven_monitor_with_comments_and_waivers_after(examples: Path, cli: Cli) -> None:
    path = examples / BODEGRAVEN_MONITOR
    before = path.read_bytes()
    others = snapshot(examples)
    code, out, err = cli(
        examples,
        "record",
        "BD-02",
        "10",
        "--date",
        "2019-12-31",
        "--source",
        "Registratie uitstroom beschermd wonen 2019",
        "--reported-by",
        "corp-wbvr",
        *ONLY_BODEGRAVEN,
    )
    assert (code, err) == (0, "")
    assert out == f"Meting toegevoegd aan {BODEGRAVEN_MONITOR}: BD-02 = 10 op 2019-12-31.\n"
    after = path.read_bytes()
    new = (
        b"  - agreement: BD-02\n"
        b"    date: 2019-12-31\n"
        b"    value: 10\n"
        b"    source: Registratie uitstroom beschermd wonen 2019\n"
        b"    reported_by: corp-wbvr\n"
    )
    # Right after the last line of the last measurement, before the blank line and the
    # comments that introduce the waivers.
    inserted_at(before, after, end_of_content(before, b"\nwaivers:"), new)
    assert snapshot(examples) == {**others, str(BODEGRAVEN_MONITOR): after}
    model = valid_monitor(path)
    assert [waiver.agreement for waiver in model.waivers] == [
        "BD-01",
        "BS-04",
        "BS-05",
        "KD-03",
        "BD-02",
    ]


def test_bodegraven_monitor_keeps_every_other_byte(examples: Path, cli: Cli) -> None:
    """Whatever the insertion point, the file is the old one plus the new lines."""
    path = examples / BODEGRAVEN_MONITOR
    before = path.read_bytes()
    code, _, _ = cli(examples, "record", "BD-02", "10", "--date", "2019-12-31", *ONLY_BODEGRAVEN)
    assert code == 0
    after = path.read_bytes()
    new = b"  - agreement: BD-02\n    date: 2019-12-31\n    value: 10\n"
    at = after.index(new)
    inserted_at(before, after, at, new)
    model = valid_monitor(path)
    assert len(model.waivers) == 5
    assert (model.measurements[-1].agreement, model.measurements[-1].value) == ("BD-02", 10)


def test_blank_line_before_the_next_key_stays_after_the_new_entry(tmp_path: Path, cli: Cli) -> None:
    text = (
        HEADER + "measurements:\n"
        "  - agreement: BS-01\n    date: 2016-12-31\n    value: 30\n"
        "\n"
        "waivers: []\n"
    )
    path = voorbeeld(tmp_path, text)
    code, _, err = cli(tmp_path, "record", "BS-01", "45", "--date", "2017-12-31")
    assert (code, err) == (0, "")
    new = b"  - agreement: BS-01\n    date: 2017-12-31\n    value: 45\n"
    inserted_at(text.encode(), path.read_bytes(), text.index("\nwaivers:"), new)


def test_flow_style_items_get_a_flow_style_item(tmp_path: Path, cli: Cli) -> None:
    text = (
        "# Metingen, een per regel.\n" + HEADER + "measurements:\n"
        "  - {agreement: BS-01, date: 2016-12-31, value: 30, source: Jaarverslag 2016}\n"
        "  - {agreement: BS-01, date: 2017-12-31, value: 45}\n"
        "waivers: []  # geen\n"
    )
    path = voorbeeld(tmp_path, text)
    code, out, err = cli(
        tmp_path,
        "record",
        "BS-01",
        "60",
        "--date",
        "2018-12-31",
        "--source",
        "Jaarverslag 2018",
        "--reported-by",
        "corp-a",
    )
    assert (code, err) == (0, "")
    # Found below the current directory: shown relative to it.
    shown = path.relative_to(tmp_path)
    assert out == f"Meting toegevoegd aan {shown}: BS-01 = 60 op 2018-12-31.\n"
    new = (
        b"  - {agreement: BS-01, date: 2018-12-31, value: 60, source: Jaarverslag 2018, "
        b"reported_by: corp-a}\n"
    )
    inserted_at(text.encode(), path.read_bytes(), text.index("waivers:"), new)
    assert [m.value for m in valid_monitor(path).measurements] == [30, 45, 60]


def test_crlf_file_gets_crlf_lines(tmp_path: Path, cli: Cli) -> None:
    text = (
        "# Gemaakt op Windows.\n" + HEADER + "measurements:\n"
        "  - agreement: BS-01\n    date: 2016-12-31\n    value: 30\n"
        "  - agreement: BS-01\n    date: 2017-12-31\n    value: 45\n"
        "    note: Twee projecten\n"
    ).replace("\n", "\r\n")
    path = voorbeeld(tmp_path, text)
    code, _, err = cli(
        tmp_path, "record", "BS-01", "60", "--date", "2018-12-31", "--note", "Nieuwbouw Noord"
    )
    assert (code, err) == (0, "")
    after = path.read_bytes()
    new = (
        b"  - agreement: BS-01\r\n    date: 2018-12-31\r\n    value: 60\r\n"
        b"    note: Nieuwbouw Noord\r\n"
    )
    inserted_at(text.encode(), after, len(text.encode()), new)
    assert after.count(b"\n") == after.count(b"\r\n")
    assert [m.value for m in valid_monitor(path).measurements] == [30, 45, 60]


def test_file_without_trailing_newline(tmp_path: Path, cli: Cli) -> None:
    text = HEADER + "measurements:\n  - agreement: BS-01\n    date: 2016-12-31\n    value: 30"
    path = voorbeeld(tmp_path, text)
    code, _, err = cli(tmp_path, "record", "BS-01", "45", "--date", "2017-12-31")
    assert (code, err) == (0, "")
    # The old last line gets its line break; then the new lines follow.
    assert path.read_bytes() == (
        text.encode() + b"\n" + b"  - agreement: BS-01\n    date: 2017-12-31\n    value: 45\n"
    )
    assert [m.value for m in valid_monitor(path).measurements] == [30, 45]


def test_empty_flow_list_becomes_a_block_list(tmp_path: Path, cli: Cli) -> None:
    text = HEADER + "measurements: []\nwaivers: []\n"
    path = voorbeeld(tmp_path, text)
    code, _, err = cli(tmp_path, "record", "BS-01", "30", "--date", "2016-12-31")
    assert (code, err) == (0, "")
    assert path.read_bytes() == (
        HEADER + "measurements:\n"
        "  - agreement: BS-01\n    date: 2016-12-31\n    value: 30\n"
        "waivers: []\n"
    ).encode("utf-8")
    assert [m.value for m in valid_monitor(path).measurements] == [30]


def test_measurements_key_without_value_becomes_a_block_list(tmp_path: Path, cli: Cli) -> None:
    text = HEADER + "measurements:\nwaivers: []\n"
    path = voorbeeld(tmp_path, text)
    code, _, err = cli(tmp_path, "record", "BS-01", "30", "--date", "2016-12-31")
    assert (code, err) == (0, "")
    assert path.read_bytes() == (
        HEADER + "measurements:\n"
        "  - agreement: BS-01\n    date: 2016-12-31\n    value: 30\n"
        "waivers: []\n"
    ).encode("utf-8")


def test_no_measurements_key_adds_one_at_the_end(tmp_path: Path, cli: Cli) -> None:
    text = HEADER + "# Nog geen metingen.\n"
    path = voorbeeld(tmp_path, text)
    code, _, err = cli(tmp_path, "record", "BS-01", "30", "--date", "2016-12-31")
    assert (code, err) == (0, "")
    new = b"measurements:\n  - agreement: BS-01\n    date: 2016-12-31\n    value: 30\n"
    inserted_at(text.encode(), path.read_bytes(), len(text.encode()), new)
    assert [m.value for m in valid_monitor(path).measurements] == [30]


@pytest.mark.parametrize(
    ("source", "note"),
    [
        ("Jaarverslag: deel 2", "# geen opmerking"),
        ("Brief van 'de' \"gemeente\"", "- eerst Noord, dan Zuid"),
        ("Rapportage Reeuwijk-Brug (België)", "ëën: 'één' #1 - \"twee\""),
        ("yes", "null"),
        ("2017", " spatie vooraf en achteraf "),
    ],
)
def test_awkward_text_reads_back_exactly(
    tmp_path: Path,
    cli: Cli,
    source: str,
    note: str,
) -> None:
    path = voorbeeld(tmp_path, HEADER + "measurements: []\n")
    code, _, err = cli(
        tmp_path,
        "record",
        "BS-01",
        "30",
        "--date",
        "2016-12-31",
        "--source",
        source,
        "--note",
        note,
        "--reported-by",
        "hv-a",
    )
    assert (code, err) == (0, "")
    assert last_measurement(path) == {
        "agreement": "BS-01",
        "date": date(2016, 12, 31),
        "value": 30,
        "source": source,
        "reported_by": "hv-a",
        "note": note,
    }
    valid_monitor(path)


# --- Values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("agreement", "written", "expected", "shown", "line"),
    [
        ("BS-01", "12,5", 12.5, "12,5", "    value: 12.5\n"),
        ("BS-01", "12.5", 12.5, "12,5", "    value: 12.5\n"),
        ("BS-01", "7", 7, "7", "    value: 7\n"),
        ("PR-01", "ja", True, "gedaan", "    value: true\n"),
        ("PR-01", "nee", False, "nog niet", "    value: false\n"),
        ("PR-01", "Gedaan", True, "gedaan", "    value: true\n"),
    ],
)
def test_values_are_typed(
    examples: Path,
    cli: Cli,
    agreement: str,
    written: str,
    expected: object,
    shown: str,
    line: str,
) -> None:
    path = examples / LINDEVEEN_MONITOR
    code, out, err = cli(
        examples, "record", agreement, written, "--date", "2026-10-01", *ONLY_LINDEVEEN
    )
    assert (code, err) == (0, "")
    assert (
        out == f"Meting toegevoegd aan {LINDEVEEN_MONITOR}: {agreement} = {shown} op 2026-10-01.\n"
    )
    assert path.read_text(encoding="utf-8").endswith(
        f"  - agreement: {agreement}\n    date: 2026-10-01\n{line}"
    )
    recorded = last_measurement(path)["value"]
    assert recorded == expected
    assert type(recorded) is type(expected)


def test_large_value_is_confirmed_in_full(examples: Path, cli: Cli) -> None:
    code, out, _ = cli(
        examples, "record", "BS-03", "1234567", "--date", "2026-10-01", *ONLY_LINDEVEEN
    )
    assert code == 0
    assert last_measurement(examples / LINDEVEEN_MONITOR)["value"] == 1234567
    assert out == f"Meting toegevoegd aan {LINDEVEEN_MONITOR}: BS-03 = 1.234.567 op 2026-10-01.\n"


# --- Afterwards ---------------------------------------------------------------------


def _row(report: dict[str, Any], set_id: str, agreement: str) -> dict[str, Any]:
    (block,) = [block for block in report["sets"] if block["id"] == set_id]
    (row,) = [row for row in block["agreements"] if row["id"] == agreement]
    return dict(row)


def test_new_value_shows_in_status(examples: Path) -> None:
    status = ("status", "--format", "json", "--as-of", "2026-11-21", "afspraken", "monitor")
    old = _row(json.loads(run(*status, cwd=examples).stdout), LINDEVEEN, "BS-01")
    assert (old["current"], old["measured_on"]) == (170, "2026-06-30")
    done = run("record", "BS-01", "80", "--date", "2026-09-30", *ONLY_LINDEVEEN, cwd=examples)
    assert (done.returncode, done.stderr) == (0, "")
    shown = run(*status, cwd=examples)
    assert (shown.returncode, shown.stderr) == (0, "")
    new = _row(json.loads(shown.stdout), LINDEVEEN, "BS-01")
    # Cumulative: 110 + 60 + 80.
    assert (new["current"], new["measured_on"]) == (250, "2026-09-30")


def test_set_without_monitor_gets_a_new_file(examples: Path) -> None:
    created = examples / "monitor" / f"{HOFSTREEK}.yaml"
    assert not created.exists()
    before = snapshot(examples)
    done = run(
        "record",
        "RG-01",
        "500",
        "--date",
        "2025-12-31",
        "--source",
        "Regionale woonmonitor 2025",
        "--reported-by",
        "corp-hofstede",
        "--sets",
        f"afspraken/{HOFSTREEK}.yaml",
        cwd=examples,
    )
    shown = Path("monitor") / f"{HOFSTREEK}.yaml"
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        f"Nieuw monitorbestand {shown} gemaakt.\n"
        f"Meting toegevoegd aan {shown}: RG-01 = 500 op 2025-12-31.\n"
    )
    assert created.read_bytes() == (
        b"# yaml-language-server: $schema=../schemas/monitor.schema.json\n"
        b"kind: monitor\n"
        b"version: 1\n"
        b"set: regio-hofstreek-2024-2027\n"
        b"measurements:\n"
        b"  - agreement: RG-01\n"
        b"    date: 2025-12-31\n"
        b"    value: 500\n"
        b"    source: Regionale woonmonitor 2025\n"
        b"    reported_by: corp-hofstede\n"
    )
    assert snapshot(examples) == {**before, str(shown): created.read_bytes()}
    checked = run(
        "check",
        "--format",
        "json",
        "--as-of",
        "2026-11-21",
        f"afspraken/{HOFSTREEK}.yaml",
        str(shown),
        cwd=examples,
    )
    assert checked.returncode == 0
    report = json.loads(checked.stdout)
    assert report["summary"]["errors"] == 0
    # Only progress warnings: deadlines passed without measurements, and the pace of RG-01.
    assert {(p["code"], p["severity"]) for p in report["problems"]} <= {
        ("T504", "warning"),
        ("R402", "warning"),
        ("P613", "warning"),
        ("P614", "warning"),
    }
    assert ("R402", str(shown)) in {(p["code"], p["path"]) for p in report["problems"]}


# --- Refusals -----------------------------------------------------------------------

TAB_INDENTED = f"kind: monitor\nversion: 1\nset: {LINDEVEEN}\nmeasurements:\n\t- agreement: BS-01\n"
WRONG_SHAPE = f"kind: monitor\nversion: 1\nset: {LINDEVEEN}\nmeasurements:\n  agreement: BS-01\n"
NOTHING = "Er is niets geschreven."


@pytest.mark.parametrize(
    ("monitor", "args", "message"),
    [
        pytest.param(
            None,
            ["BS01", "5", "--date", "2026-09-30", *ONLY_LINDEVEEN],
            "Er is geen afspraak met id 'BS01' in de gevonden sets. Bedoelt u 'BS-01'?",
            id="unknown-agreement",
        ),
        pytest.param(
            None,
            ["BS-01", "5", "--date", "2026-09-30"],
            "De id 'BS-01' komt voor in meer dan één set (bodegraven-reeuwijk-2016-2019, "
            "lindeveen-2025-2028, weidemeer-2026-2029); kies de set met --sets PAD.",
            id="ambiguous",
        ),
        pytest.param(
            None,
            ["BS-01", "5", "--date", "2029-01-01", *ONLY_LINDEVEEN],
            "De datum 2029-01-01 valt buiten de looptijd 2025-01-01 tot en met 2028-12-31; "
            "er is niets geschreven.",
            id="outside-period",
        ),
        pytest.param(
            None,
            ["BS-01", "5", "--date", "2024-12-31", *ONLY_LINDEVEEN],
            "De datum 2024-12-31 valt buiten de looptijd 2025-01-01 tot en met 2028-12-31; "
            "er is niets geschreven.",
            id="before-period",
        ),
        pytest.param(
            None,
            ["BS-01", "veel", "--date", "2026-09-30", *ONLY_LINDEVEEN],
            "'veel' is geen getal, en BS-01 wordt gemeten in woningen; er is niets geschreven.",
            id="not-a-number",
        ),
        pytest.param(
            None,
            ["BS-01", "3.000", "--date", "2026-09-30", *ONLY_LINDEVEEN],
            "'3.000' is dubbelzinnig: bedoelt u 3000? Schrijf getallen zonder scheidingsteken "
            f"voor duizendtallen. {NOTHING}",
            id="thousands",
        ),
        pytest.param(
            None,
            ["PR-01", "misschien", "--date", "2026-09-30", *ONLY_LINDEVEEN],
            "PR-01 heeft geen streefwaarde; geef 'ja' (gedaan) of 'nee' (nog niet), niet "
            f"'misschien'. {NOTHING}",
            id="not-yes-or-no",
        ),
        pytest.param(
            None,
            ["BS-01", "5", "--date", "2026-09-30", "--reported-by", "corp-a", *ONLY_LINDEVEEN],
            "'corp-a' is geen partij van de set; kies uit gemeente, corp-veenhuis, "
            f"corp-woonlinde, corp-thuisbaak, hv-veenhuis, hv-woonlinde, hv-thuisbaak. {NOTHING}",
            id="unknown-party",
        ),
        pytest.param(
            None,
            ["BS-01", "61", "--date", "2026-06-30", *ONLY_LINDEVEEN],
            f"{LINDEVEEN_MONITOR} heeft al een meting van BS-01 op 2026-06-30 (waarde 60); "
            f"pas die zo nodig in het bestand aan. {NOTHING}",
            id="duplicate",
        ),
        pytest.param(
            TAB_INDENTED,
            ["BS-01", "5", "--date", "2026-09-30", *ONLY_LINDEVEEN],
            f"Het monitorbestand {LINDEVEEN_MONITOR}:5:1 is niet te lezen: Dit is geen geldige "
            "YAML: een teken waarmee in YAML niets kan beginnen (bijvoorbeeld een tab of '@'). "
            f"{NOTHING}",
            id="tab-indentation",
        ),
        pytest.param(
            WRONG_SHAPE,
            ["BS-01", "5", "--date", "2026-09-30", *ONLY_LINDEVEEN],
            f"Het monitorbestand {LINDEVEEN_MONITOR}:5:3 is niet geldig: Ongeldige waarde voor "
            "'measurements': verwacht een lijst (regels die beginnen met '- '), gevonden een "
            f"blok met velden. Los dat eerst op ('prestatie check {LINDEVEEN_MONITOR}'). {NOTHING}",
            id="wrong-shape",
        ),
        pytest.param(
            None,
            [
                "BS-01",
                "5",
                "--date",
                "2026-09-30",
                "--file",
                str(BODEGRAVEN_MONITOR),
                *ONLY_LINDEVEEN,
            ],
            f"Het monitorbestand {BODEGRAVEN_MONITOR} hoort bij set "
            f"'bodegraven-reeuwijk-2016-2019', niet bij 'lindeveen-2025-2028'. {NOTHING}",
            id="other-set",
        ),
    ],
)
def test_refusals_write_nothing(
    examples: Path,
    cli: Cli,
    monitor: str | None,
    args: list[str],
    message: str,
) -> None:
    if monitor is not None:
        (examples / LINDEVEEN_MONITOR).write_text(monitor, encoding="utf-8")
    before = snapshot(examples)
    code, out, err = cli(examples, "record", *args)
    assert (code, out, err) == (2, "", f"prestatie: {message}\n")
    assert snapshot(examples) == before


def test_an_id_twice_in_one_set_is_refused_as_such(examples: Path, cli: Cli) -> None:
    twice = REPO / "examples" / "invalid" / "P603-duplicate-id.yaml"
    shutil.copy(twice, examples / "twice.yaml")
    before = snapshot(examples)
    code, out, err = cli(
        examples, "record", "BS-01", "5", "--date", "2026-09-30", "--sets", "twice.yaml"
    )
    assert (code, out) == (2, "")
    assert err == (
        "prestatie: De id 'BS-01' staat meer dan eens in set wolderveen-2025-2028-p603, dus het "
        "is niet duidelijk welke afspraak u bedoelt. Geef elke afspraak een eigen id ('prestatie "
        "check' wijst de dubbele aan) en probeer het opnieuw; er is niets geschreven.\n"
    )
    assert snapshot(examples) == before


def test_bad_date_is_a_usage_error(examples: Path, cli: Cli) -> None:
    before = snapshot(examples)
    code, out, err = cli(examples, "record", "BS-01", "5", "--date", "31-12-2019", *ONLY_LINDEVEEN)
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        "prestatie: '31-12-2019' is geen datum als JJJJ-MM-DD; schrijf 2019-12-31. "
        "Er is niets geschreven."
    )
    assert "Traceback" not in err
    assert snapshot(examples) == before


def test_bad_date_of_a_signature_is_refused_and_nothing_written(examples: Path, cli: Cli) -> None:
    before = snapshot(examples)
    code, out, err = cli(
        examples, "sign", "--lang", "en", "--party", "gemeente", "--name", "A. B",
        "--date", "12/31/2019", "afspraken/lindeveen-2025-2028.yaml",
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        "prestatie: '12/31/2019' is not a date written as YYYY-MM-DD, for example 2026-12-31. "
        "Nothing was written."
    )
    assert snapshot(examples) == before


def test_bad_as_of_date_ends_in_a_full_stop(examples: Path, cli: Cli) -> None:
    code, out, err = cli(examples, "status", "--as-of", "31-12-2019", "afspraken")
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == (
        "prestatie: '31-12-2019' is geen datum als JJJJ-MM-DD; schrijf 2019-12-31."
    )


def test_unsafe_refusal_speaks_the_language_asked(tmp_path: Path, cli: Cli) -> None:
    text = HEADER + "measurements: [{agreement: BS-01, date: 2016-12-31, value: 30}]\n"
    path = voorbeeld(tmp_path, text)
    before = snapshot(tmp_path)
    code, out, err = cli(tmp_path, "record", "BS-01", "45", "--date", "2017-12-31")
    assert (code, out) == (2, "")
    assert err == (
        f"prestatie: De meting kon niet veilig aan {path.relative_to(tmp_path)} worden toegevoegd (schrijf "
        "'measurements' als lijst met regels die met '- ' beginnen). Er is niets geschreven.\n"
    )
    assert snapshot(tmp_path) == before


def test_flow_sequence_is_refused_and_left_alone(tmp_path: Path, cli: Cli) -> None:
    text = HEADER + "measurements: [{agreement: BS-01, date: 2016-12-31, value: 30}]\n"
    path = voorbeeld(tmp_path, text)
    before = snapshot(tmp_path)
    code, out, err = cli(tmp_path, "record", "BS-01", "45", "--date", "2017-12-31", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == (
        f"prestatie: The measurement could not be added to {path.relative_to(tmp_path)} safely (write "
        "'measurements' as a list of lines starting with '- '). Nothing was written.\n"
    )
    assert snapshot(tmp_path) == before


# --- Two writers at once; a write that fails half-way ------------------------------


def test_concurrent_writers_all_land(examples: Path) -> None:
    path = examples / LINDEVEEN_MONITOR
    original = valid_monitor(path).measurements
    folder = sorted(p.name for p in path.parent.iterdir())
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    wanted: list[tuple[str, date, int]] = []
    for round_ in range(2):
        batch = [
            (agreement, date(2027, 3 + round_, day), 10 * round_ + index)
            for index, (agreement, day) in enumerate(
                [("BS-01", 1), ("BS-02", 2), ("KD-01", 3), ("KD-02", 4)]
            )
        ]
        processes = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "prestatie_cli",
                    "record",
                    agreement,
                    str(value),
                    "--date",
                    day.isoformat(),
                    *ONLY_LINDEVEEN,
                ],
                cwd=examples,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for agreement, day, value in batch
        ]
        for process in processes:
            out, err = process.communicate(timeout=60)
            assert (process.returncode, err) == (0, ""), out
        wanted += batch
    measurements = valid_monitor(path).measurements
    assert measurements[: len(original)] == original
    assert sorted((m.agreement, m.date, m.value) for m in measurements[len(original) :]) == sorted(
        wanted
    )
    assert sorted(p.name for p in path.parent.iterdir()) == folder


@pytest.mark.parametrize(
    ("target", "name", "error"),
    [
        ("prestatie_cli.files.os", "fsync", OSError(28, "No space left on device")),
        ("prestatie_cli.files.os", "fsync", KeyboardInterrupt()),
        ("pathlib.Path", "replace", OSError(13, "Permission denied")),
    ],
)
def test_interrupted_write_leaves_the_original(
    examples: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    name: str,
    error: BaseException,
) -> None:
    before = snapshot(examples)

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(f"{target}.{name}", fail)
    entry = Entry("BS-01", "80", date(2026, 9, 30), "Kwartaalrapportage", "corp-veenhuis")
    search = [examples / "afspraken" / f"{LINDEVEEN}.yaml", examples / LINDEVEEN_MONITOR]
    with pytest.raises(type(error)):
        record(entry, search, None, "nl")
    monkeypatch.undo()
    assert snapshot(examples) == before


# --- The state of a condition (voorbehoud), and the value of an outside index ----------------

WEIDEMEER = "weidemeer-2026-2029"
WEIDEMEER_MONITOR = Path("monitor") / f"{WEIDEMEER}.yaml"
ONLY_WEIDEMEER = ["--sets", f"afspraken/{WEIDEMEER}.yaml", "--sets", str(WEIDEMEER_MONITOR)]


# The format's words for a state, Dutch ones too, are what record accepts: it writes the name.
@pytest.mark.parametrize("word", ["not_met", "niet vervuld", "Niet-gehaald", "niet_vervuld"])
def test_condition_state_is_added_after_the_last_one(examples: Path, cli: Cli, word: str) -> None:
    path = examples / WEIDEMEER_MONITOR
    before = path.read_bytes()
    others = snapshot(examples)
    # The last condition ends the file with a folded note.
    assert before.endswith(b"      transformatie.\n")
    code, out, err = cli(
        examples, "record", "BS-05", "--condition", "rvc-kerkpad", "--state", word,
        "--date", "2026-10-15", "--source", "Besluit RvC De Meerhof, 15 oktober 2026",
        "--note", "De investering in het Kerkpad is ingetrokken.", *ONLY_WEIDEMEER,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        f"Stand van voorbehoud toegevoegd aan {WEIDEMEER_MONITOR}: BS-05 rvc-kerkpad = not_met "
        "op 2026-10-15.\n"
    )
    after = path.read_bytes()
    new = (
        b"  - agreement: BS-05\n"
        b"    condition: rvc-kerkpad\n"
        b"    date: 2026-10-15\n"
        b"    state: not_met\n"
        b'    source: "Besluit RvC De Meerhof, 15 oktober 2026"\n'
        b"    note: De investering in het Kerkpad is ingetrokken.\n"
    )
    inserted_at(before, after, len(before), new)
    assert snapshot(examples) == {**others, str(WEIDEMEER_MONITOR): after}
    model = valid_monitor(path)
    assert [(c.agreement, c.condition, c.state) for c in model.conditions] == [
        ("BS-05", "rvc-kerkpad", "met"),
        ("BS-06", "vergunning-dijkzicht", "not_met"),
        ("BS-05", "rvc-kerkpad", "not_met"),
    ]


CONDITIONAL = {
    "id": "BS-02",
    "title": "Woningen Kerkpad",
    "theme": "beschikbaarheid",
    "kind": "process",
    "owner": "corp-a",
    "deadline": "2018-12-31",
    "conditions": [
        {"id": "rvc", "text": "Goedkeuring door de RvC.", "kind": "approval"},
        {"id": "subsidie", "text": "Het rijk kent de subsidie toe.", "kind": "decision"},
    ],
}


def voorbeeld_with_conditions(tmp_path: Path, monitor: str) -> Path:
    data = base_set()
    data["agreements"].append(CONDITIONAL)
    path = voorbeeld(tmp_path, monitor)
    write_yaml(tmp_path / "afspraken" / f"{VOORBEELD}.yaml", data)
    return path


def test_a_monitor_without_conditions_gets_the_key_at_the_end(tmp_path: Path, cli: Cli) -> None:
    text = HEADER + "measurements: []\n# Nog geen voorbehouden.\n"
    path = voorbeeld_with_conditions(tmp_path, text)
    code, out, err = cli(
        tmp_path, "record", "BS-02", "--condition", "subsidie", "--state", "met",
        "--date", "2017-03-01",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        f"Stand van voorbehoud toegevoegd aan monitor/{VOORBEELD}.yaml: BS-02 subsidie = met op "
        "2017-03-01.\n"
    )
    assert path.read_text(encoding="utf-8") == (
        text + "conditions:\n"
        "  - agreement: BS-02\n    condition: subsidie\n    date: 2017-03-01\n    state: met\n"
    )
    assert [c.condition for c in valid_monitor(path).conditions] == ["subsidie"]


def test_a_condition_state_goes_into_an_empty_conditions_list(tmp_path: Path, cli: Cli) -> None:
    text = HEADER + "measurements: []\nconditions: []  # nog niets\nwaivers: []\n"
    path = voorbeeld_with_conditions(tmp_path, text)
    code, _, err = cli(
        tmp_path, "record", "BS-02", "--condition", "rvc", "--state", "open",
        "--date", "2017-01-15", "--lang", "en",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert path.read_text(encoding="utf-8") == (
        HEADER + "measurements: []\nconditions:  # nog niets\n"
        "  - agreement: BS-02\n    condition: rvc\n    date: 2017-01-15\n    state: open\n"
        "waivers: []\n"
    )


def test_a_measurement_against_an_index_records_the_index(examples: Path, cli: Cli) -> None:
    path = examples / WEIDEMEER_MONITOR
    before = path.read_bytes()
    code, out, err = cli(
        examples, "record", "BT-01", "2,9", "--index", "3,1", "--date", "2027-07-01",
        "--source", "Huurbeleid 2027; CBS, CPI 2026", "--reported-by", "scw", *ONLY_WEIDEMEER,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        f"Meting toegevoegd aan {WEIDEMEER_MONITOR}: BT-01 = 2,9 (index 3,1) op 2027-07-01.\n"
    )
    new = (
        b"  - agreement: BT-01\n"
        b"    date: 2027-07-01\n"
        b"    value: 2.9\n"
        b"    index: 3.1\n"
        b'    source: "Huurbeleid 2027; CBS, CPI 2026"\n'
        b"    reported_by: scw\n"
    )
    # After the last measurement, before the comment that opens the conditions.
    inserted_at(before, path.read_bytes(), end_of_content(before, b"\nconditions:"), new)
    last = valid_monitor(path).measurements[-1]
    assert (last.agreement, last.value, last.index) == ("BT-01", 2.9, 3.1)


CONDITION = ["--date", "2026-10-15", *ONLY_WEIDEMEER]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["BS-06", "--condition", "vergunning", "--state", "met", *CONDITION],
            "BS-06 heeft geen voorbehoud 'vergunning'; kies uit vergunning-dijkzicht. Bedoelt u "
            f"'vergunning-dijkzicht'? {NOTHING}",
            id="unknown-condition",
        ),
        pytest.param(
            ["BS-02", "--condition", "rvc", "--state", "met", *CONDITION],
            f"BS-02 heeft geen voorbehoud (conditions); er is geen stand vast te leggen. {NOTHING}",
            id="no-conditions",
        ),
        pytest.param(
            ["BS-06", "--condition", "vergunning-dijkzicht", "--state", "OPEN", *CONDITION],
            "'OPEN' is geen stand van een voorbehoud; kies open, met (vervuld) of not_met "
            f"(niet vervuld). Bedoelt u 'open'? {NOTHING}",
            id="upper-case",
        ),
        pytest.param(
            ["BS-06", "--condition", "vergunning-dijkzicht", "--state", "misschien", *CONDITION],
            "'misschien' is geen stand van een voorbehoud; kies open, met (vervuld) of not_met "
            f"(niet vervuld). {NOTHING}",
            id="no-suggestion",
        ),
        pytest.param(
            ["BS-06", "--condition", "vergunning-dijkzicht", "--state", "not_met",
             "--date", "2026-09-30", *ONLY_WEIDEMEER],
            f"{WEIDEMEER_MONITOR} heeft al een stand van voorbehoud vergunning-dijkzicht van "
            f"BS-06 op 2026-09-30 (not_met); pas die zo nodig in het bestand aan. {NOTHING}",
            id="duplicate",
        ),
        pytest.param(
            ["BS-06", "12", "--condition", "vergunning-dijkzicht", "--state", "met", *CONDITION],
            "'12' en --condition gaan niet samen: een meting heeft een waarde (met eventueel "
            "--index en --reported-by), de stand van een voorbehoud heeft --condition en "
            f"--state. {NOTHING}",
            id="value-and-condition",
        ),
        pytest.param(
            ["BS-06", "--index", "3", "--condition", "vergunning-dijkzicht", "--state", "met",
             *CONDITION],
            "--index en --condition gaan niet samen: een meting heeft een waarde (met eventueel "
            "--index en --reported-by), de stand van een voorbehoud heeft --condition en "
            f"--state. {NOTHING}",
            id="index-and-condition",
        ),
        pytest.param(
            ["BS-06", "--reported-by", "gemeente", "--condition", "vergunning-dijkzicht",
             "--state", "met", *CONDITION],
            "--reported-by en --condition gaan niet samen: een meting heeft een waarde (met "
            "eventueel --index en --reported-by), de stand van een voorbehoud heeft --condition "
            f"en --state. {NOTHING}",
            id="reported-by-and-condition",
        ),
        pytest.param(
            ["BS-06", "12", "--state", "met", *CONDITION],
            "--state en VALUE gaan niet samen: een meting heeft een waarde (met eventueel "
            "--index en --reported-by), de stand van een voorbehoud heeft --condition en "
            f"--state. {NOTHING}",
            id="state-without-condition",
        ),
        pytest.param(
            ["BS-06", "--condition", "vergunning-dijkzicht", *CONDITION],
            f"Geef bij --condition ook --state: open, met (vervuld) of not_met (niet vervuld). "
            f"{NOTHING}",
            id="condition-without-state",
        ),
        pytest.param(
            ["BS-06", *CONDITION],
            "Geef de gemeten waarde (bijvoorbeeld: prestatie record BS-01 45 --date 2026-12-31), "
            f"of --condition en --state voor de stand van een voorbehoud. {NOTHING}",
            id="no-value",
        ),
        pytest.param(
            ["BT-01", "2,9", *CONDITION],
            "De streefwaarde van BT-01 is gesteld ten opzichte van inflatie (CPI voorgaand "
            "kalenderjaar); geef de waarde van die index bij de meting met --index (bijvoorbeeld "
            f"--index 3,3). {NOTHING}",
            id="index-missing",
        ),
        pytest.param(
            ["BS-02", "400", "--index", "3,1", *CONDITION],
            "De streefwaarde van BS-02 is niet gesteld ten opzichte van een index; laat --index "
            f"weg. {NOTHING}",
            id="index-unused",
        ),
        pytest.param(
            ["BT-01", "2,9", "--index", "hoog", *CONDITION],
            "--index 'hoog' is geen getal; geef de waarde van inflatie (CPI voorgaand "
            f"kalenderjaar). {NOTHING}",
            id="index-not-a-number",
        ),
    ],
)  # fmt: skip
def test_condition_and_index_refusals_write_nothing(
    examples: Path, cli: Cli, args: list[str], message: str
) -> None:
    before = snapshot(examples)
    code, out, err = cli(examples, "record", *args)
    assert (code, out, err) == (2, "", f"prestatie: {message}\n")
    assert snapshot(examples) == before


# --- Measurements that can never count, and the time an agreement runs ------------------------

WITHDRAWN_REASON = (
    "Addendum: Stichting Jongerenhuisvesting Regio sluit aan (SW-04). Het onderzoek naar een "
    "gezamenlijk woonruimteverdeelsysteem (SW-05) vervalt, omdat de regio dit in 2026 zelf "
    "oppakt"
)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["K-00", "ja", "--date", "2026-10-01"],
            "K-00 is context (een inleiding of kader, kind: context), geen afspraak die iemand "
            f"nakomt; daarvan wordt niets gemeten. {NOTHING}",
            id="context",
        ),
        pytest.param(
            ["LV-02", "ja", "--date", "2026-10-01"],
            "LV-02 is een verzoek dat (nog) niet is aanvaard; een meting telt pas als het "
            f"antwoord in de set staat (answer: state: accepted). {NOTHING}",
            id="open-request",
        ),
        pytest.param(
            ["SW-05", "ja", "--date", "2026-09-01"],
            f"SW-05 is ingetrokken per 2026-09-01 ({WITHDRAWN_REASON}); een meting van "
            f"2026-09-01 telt niet mee. {NOTHING}",
            id="withdrawn",
        ),
        pytest.param(
            ["KD-01", "3", "--date", "2028-12-31"],
            "KD-01 geldt pas vanaf 2029-01-01 (effective_from); een meting van 2028-12-31 telt "
            f"niet mee. {NOTHING}",
            id="before-effective-from",
        ),
        pytest.param(
            ["KD-02", "300", "--date", "2031-01-01"],
            "De datum 2031-01-01 valt na 2030-12-31, de termijn van KD-02 (die na de looptijd "
            "doorloopt); er is niets geschreven.",
            id="after-its-own-deadline",
        ),
        pytest.param(
            ["BS-02", "300", "--date", "2030-01-01"],
            "De datum 2030-01-01 valt buiten de looptijd 2026-01-01 tot en met 2029-12-31; "
            "er is niets geschreven.",
            id="after-the-term",
        ),
        pytest.param(
            ["KD-02", "300", "--date", "2025-12-31"],
            "De datum 2025-12-31 valt buiten de looptijd 2026-01-01 tot en met 2030-12-31; "
            "er is niets geschreven.",
            id="beyond-term-before-the-start",
        ),
    ],
)
def test_measurements_that_never_count_are_refused(
    examples: Path, cli: Cli, args: list[str], message: str
) -> None:
    before = snapshot(examples)
    code, out, err = cli(examples, "record", *args, "--source", "x", *ONLY_WEIDEMEER)
    assert (code, out, err) == (2, "", f"prestatie: {message}\n")
    assert snapshot(examples) == before


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        # beyond_term: KD-02 runs to its own deadline, 2030-12-31, a year after the term.
        pytest.param(["KD-02", "300", "--date", "2030-12-31"], "KD-02 = 300 op 2030-12-31", id="beyond-term"),
        # Withdrawn on 2026-09-01: what was done before still shows in its history.
        pytest.param(["SW-05", "ja", "--date", "2026-08-31"], "SW-05 = gedaan op 2026-08-31", id="before-withdrawal"),
        pytest.param(["KD-01", "3", "--date", "2029-01-01"], "KD-01 = 3 op 2029-01-01", id="effective-from"),
        # An accepted request is the asked party's deliverable.
        pytest.param(["BS-04", "18000", "--date", "2027-03-01"], "BS-04 = 18.000 op 2027-03-01", id="accepted-request"),
    ],
)  # fmt: skip
def test_measurements_that_count_are_recorded(
    examples: Path, cli: Cli, args: list[str], shown: str
) -> None:
    code, out, err = cli(examples, "record", *args, "--source", "x", *ONLY_WEIDEMEER)
    assert (code, out, err) == (0, f"Meting toegevoegd aan {WEIDEMEER_MONITOR}: {shown}.\n", "")
    last = valid_monitor(examples / WEIDEMEER_MONITOR).measurements[-1]
    assert (last.agreement, last.date.isoformat()) == (args[0], args[-1])


def _amended(tmp_path: Path, **amendment: Any) -> None:
    data = base_set()
    data["amendments"] = [
        {
            "date": "2019-06-01",
            "reason": "De looptijd wordt verlengd tot de nieuwe afspraken er zijn.",
            "agreed_by": ["gemeente", "corp-a", "hv-a"],
            **amendment,
        }
    ]
    data["agreements"].append(
        {
            "id": "VZ-01",
            "title": "Verzoek grondprijs",
            "text": "Verzoek aan de gemeente: een lagere grondprijs voor sociale huurwoningen.",
            "theme": "beschikbaarheid",
            "kind": "request",
            "owner": "corp-a",
            "addressed_to": "gemeente",
            "answer": {"state": "declined", "date": "2017-02-01", "note": "Geen budget."},
        }
    )
    voorbeeld(tmp_path, HEADER + "measurements: []\n")
    write_yaml(tmp_path / "afspraken" / f"{VOORBEELD}.yaml", data)


def test_a_term_extended_by_an_amendment_takes_measurements_to_its_new_end(
    tmp_path: Path, cli: Cli
) -> None:
    _amended(tmp_path, extends_to="2020-06-30")
    code, out, err = cli(tmp_path, "record", "BS-01", "190", "--date", "2020-06-30")
    assert (code, err) == (0, "")
    assert out == f"Meting toegevoegd aan monitor/{VOORBEELD}.yaml: BS-01 = 190 op 2020-06-30.\n"
    before = snapshot(tmp_path)
    code, out, err = cli(tmp_path, "record", "BS-01", "190", "--date", "2020-07-01")
    assert (code, out) == (2, "")
    assert err == (
        "prestatie: De datum 2020-07-01 valt buiten de looptijd 2016-01-01 tot en met "
        "2020-06-30; er is niets geschreven.\n"
    )
    assert snapshot(tmp_path) == before


def test_a_declined_request_is_refused(tmp_path: Path, cli: Cli) -> None:
    _amended(tmp_path)
    before = snapshot(tmp_path)
    code, out, err = cli(tmp_path, "record", "VZ-01", "ja", "--date", "2017-03-01")
    assert (code, out) == (2, "")
    assert err == (
        "prestatie: VZ-01 is een verzoek dat op 2017-02-01 is afgewezen; daarvan wordt niets "
        f"gemeten. {NOTHING}\n"
    )
    assert snapshot(tmp_path) == before
