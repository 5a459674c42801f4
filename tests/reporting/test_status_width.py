"""status on a real terminal of 80 and 120 columns: every agreement's id, title, value /
target and status readable, no column squeezed to nothing, what is left out said."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from datetime import date

import pytest

from prestatie_cli.check.runner import load_models
from prestatie_cli.load.config import Settings
from prestatie_cli.load.discover import discover
from prestatie_cli.messages import text
from prestatie_cli.progress.status import status
from prestatie_cli.reporting.status_formats import (
    COLUMNS,
    column_widths,
    render_text,
    status_label,
    value_cell,
)
from tests.conftest import REPO

EXAMPLES = [REPO / "examples" / "afspraken", REPO / "examples" / "monitor"]
LINDEVEEN_FILES = [folder / "lindeveen-2025-2028.yaml" for folder in EXAMPLES]
AS_OF = "2026-06-30"
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def on_terminal(columns: int, *args: str, lines: int = 50) -> str:
    """What prestatie writes to a terminal ``columns`` wide (its size set as a terminal's
    is, not through COLUMNS), colours taken out."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    process = subprocess.Popen(
        [sys.executable, "-m", "prestatie_cli", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=REPO,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    chunks: list[bytes] = []
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 60)
            if not ready:
                raise AssertionError("no output for 60 seconds")
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end closed: Linux says EIO
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
        assert process.wait(timeout=60) == 0
    shown = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return _ESCAPES.sub("", shown)


def table_rows(shown: str) -> list[dict[str, str]]:
    """The rows of every table in ``shown``, each cell's wrapped lines joined, by header."""
    rows: list[dict[str, str]] = []
    headers: list[str] = []
    for line in shown.splitlines():
        if line.startswith("┃"):
            headers = [cell.strip() for cell in line.strip("┃").split("┃")]
        elif line.startswith("│"):
            cells = [cell.strip() for cell in line.strip("│").split("│")]
            assert len(cells) == len(headers), line
            if cells[0]:
                rows.append(dict(zip(headers, cells, strict=True)))
            else:
                for header, cell in zip(headers, cells, strict=True):
                    if cell:
                        rows[-1][header] = f"{rows[-1][header]} {cell}".strip()
    return rows


def _same(shown: str, written: str) -> bool:
    """Equal but for where a line was broken (between words, or inside a long one)."""
    return shown.replace(" ", "") == written.replace(" ", "")


def _expected() -> list[tuple[str, str, str, str]]:
    corpus = load_models(discover(EXAMPLES), "nl")
    report = status(corpus, date.fromisoformat(AS_OF), Settings().thresholds)
    return [
        (row.agreement.id, row.agreement.title, value_cell(row, "nl"), status_label(row, "nl"))
        for block in report.sets
        for row in block.rows
    ]


def left_out_per_table(shown: str) -> list[tuple[list[str], str]]:
    """For each table: its headers, and the sentence under it ('' when there is none)."""
    found: list[tuple[list[str], str]] = []
    lines = shown.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("┃"):
            headers = [cell.strip() for cell in line.strip("┃").split("┃")]
        elif line.startswith("└"):
            said = []
            for after in lines[number + 1 :]:
                if after in ("Toelichting", "Per thema"):
                    break
                said.append(after)
            found.append((headers, " ".join(" ".join(said).split())))
    return found


@pytest.mark.parametrize(("columns", "always_left_out"), [(80, 4), (120, 0)])
def test_every_agreement_is_readable_at_the_terminal_width(
    columns: int, always_left_out: int
) -> None:
    shown = on_terminal(columns, "status", *map(str, EXAMPLES), "--as-of", AS_OF)
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= columns
    # No column squeezed to nothing: '┃┃', '││' or '╇╇' where two borders meet.
    for border in ("┃┃", "││", "╇╇", "┳┳", "┴┴"):
        assert border not in shown
    rows = table_rows(shown)
    expected = _expected()
    assert [row["Afspraak"] for row in rows] == [agreement for agreement, *_ in expected]
    for row, (_, title, value, label) in zip(rows, expected, strict=True):
        assert _same(row["Titel"], title), (row, title)
        assert _same(row["Stand / doel"], value), (row, value)
        assert row["Status"] == label
    # Under each table, the columns it leaves out, named in table order.
    tables = left_out_per_table(shown)
    assert len(tables) == len([line for line in lines if line.startswith("Per trekker")])
    names = [text(f"column.{column}", "nl") for column in COLUMNS]
    for headers, said in tables:
        assert {"Afspraak", "Titel", "Stand / doel", "Status"} <= set(headers)
        assert headers == [name for name in names if name in headers]
        missing = [name for name in names if name not in headers]
        assert len(missing) >= always_left_out
        assert said == (
            f"Weggelaten bij {columns} tekens breed: {', '.join(missing)}. Een breder venster, "
            "--format md of --format json toont alles."
            if missing
            else ""
        )
    if columns == 120:  # the owner and the projection fit beside the title
        assert all({"Trekker", "Prognose"} <= set(headers) for headers, _ in tables)


def test_a_pipe_gets_every_column() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "prestatie_cli", "status", *map(str, EXAMPLES), "--as-of", AS_OF],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert "Weggelaten" not in done.stdout
    first = next(line for line in done.stdout.splitlines() if line.startswith("┃"))
    assert [cell.strip() for cell in first.strip("┃").split("┃")] == [
        text(f"column.{column}", "nl") for column in COLUMNS
    ]


def test_too_narrow_for_a_table_each_agreement_is_a_block() -> None:
    corpus = load_models(discover([EXAMPLES[0] / "bodegraven-reeuwijk-2016-2019.yaml"]), "en")
    report = status(corpus, date(2016, 6, 30), Settings().thresholds)
    shown = render_text(report, "en", color=False, width=40)
    lines = [line.rstrip() for line in shown.splitlines()]
    assert max(len(line) for line in lines) <= 40
    assert lines[3:9] == [
        "BT-01  no data",
        "  Passend toewijzen aan huishoudens met",
        "  recht op huurtoeslag",
        "  — / ≥ 95 %",
        "  Owner: corp-mozaiek",
        "BT-02  no data",
    ]
    assert "┃" not in shown
    # A block has room for every field: nothing is said to be left out.
    assert "Left out" not in shown


def test_a_block_shows_every_field_that_has_a_value() -> None:
    corpus = load_models(discover(LINDEVEEN_FILES), "nl")
    report = status(corpus, date(2026, 6, 30), Settings().thresholds)
    lines = [
        line.rstrip() for line in render_text(report, "nl", color=False, width=40).splitlines()
    ]
    start = lines.index("BS-01  achter")
    assert lines[start : start + 7] == [
        "BS-01  achter",
        "  960 nieuwe sociale huurwoningen",
        "  170 / ≥ 960 woningen",
        "  Trekker: corp-veenhuis",
        "  Gemeten: 2026-06-30",
        "  Verwacht: 299",
        "  Prognose: 2033-06-06 (na de termijn)",
    ]
    assert not any(line.startswith("Weggelaten") for line in lines)


def test_columns_are_left_out_in_the_stated_order() -> None:
    headers = {column: text(f"column.{column}", "nl") for column in COLUMNS}
    row = {
        "id": "BS-01",
        "title": "Nieuwe sociale huurwoningen in de kernen",
        "owner": "corp-veenhuis",
        "value": "170 / ≥ 960 woningen",
        "measured": "2026-06-30",
        "expected": "299,2",
        "status": "op koers",
        "projected": "2028-07-24",
    }
    shown = {
        width: list(widths) if (widths := column_widths(headers, [row], width)) else None
        for width in (118, 117, 107, 106, 94, 93, 81, 80, 65, 64)
    }
    everything = list(COLUMNS)
    no_expected = ["id", "title", "owner", "value", "measured", "status", "projected"]
    no_measured = ["id", "title", "owner", "value", "status", "projected"]
    no_projected = ["id", "title", "owner", "value", "status"]
    always = ["id", "title", "value", "status"]
    # id 8 (its header), title 20, owner 13, value 16, dates 10, expected 8 (its header),
    # status 8; and 3 for each column's borders and padding, plus 1.
    assert shown == {
        118: everything,
        117: no_expected,
        107: no_expected,
        106: no_measured,
        94: no_measured,
        93: no_projected,
        81: no_projected,
        80: always,
        65: always,
        64: None,
    }
