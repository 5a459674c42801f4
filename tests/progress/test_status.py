"""prestatie status through the real command line, on the examples at a fixed date."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, base_monitor, base_set, write_yaml

AS_OF = "2026-11-21"
EXAMPLES = [REPO / "examples" / "afspraken", REPO / "examples" / "monitor"]
LINDEVEEN = [
    REPO / "examples" / "afspraken" / "lindeveen-2025-2028.yaml",
    REPO / "examples" / "monitor" / "lindeveen-2025-2028.yaml",
]
LINDEVEEN_HEADING = (
    "Prestatieafspraken Lindeveen 2025-2028 (kaderafspraak) (2025-01-01 t/m 2028-12-31), "
    "stand per 2026-11-21"
)
BODEGRAVEN_HEADING = (
    "Prestatieafspraken Bodegraven-Reeuwijk 2016-2019 (2016-01-01 t/m 2019-12-31), "
    "stand per 2026-11-21"
)
HOFSTREEK_HEADING = (
    "Regionale prestatieafspraken Hofstreek 2024-2027 (2024-01-01 t/m 2027-12-31), "
    "stand per 2026-11-21"
)
WEIDEMEER_HEADINGS = [
    "Prestatieafspraken Weidemeer 2026-2029 (kaderafspraak) (2026-01-01 t/m 2029-12-31), "
    "stand per 2026-11-21",
    "Jaarschijf 2026 bij de prestatieafspraken Weidemeer 2026-2029 (2026-01-01 t/m "
    "2026-12-31), stand per 2026-11-21",
    "Jaarschijf 2027 bij de prestatieafspraken Weidemeer 2026-2029 (2027-01-01 t/m "
    "2027-12-31), stand per 2026-11-21",
]
COLUMNS_NL = [
    "Afspraak",
    "Titel",
    "Trekker",
    "Stand / doel",
    "Gemeten",
    "Verwacht",
    "Status",
    "Prognose",
]
STATUS_WORDS_NL = {"behaald", "op koers", "risico", "achter", "niet gehaald", "geen gegevens"}
# What Weidemeer adds: the statuses of agreements that are not judged, and why.
UNJUDGED_WORDS_NL = {
    "context", "verzoek, nog niet aanvaard", "nog niet van kracht", "vervallen", "ingetrokken",
}  # fmt: skip
LINDEVEEN_IDS = [
    "BT-01", "BT-02", "BS-01", "BS-02", "BS-03", "KD-01", "KD-02", "KD-03", "WZ-01",
    "WZ-02", "BD-01", "BD-02", "LB-01", "PR-01", "PR-02", "J26-01", "J26-02", "J26-03",
]  # fmt: skip
LINDEVEEN_STATUS_NL = {
    "BT-01": "risico", "BT-02": "geen gegevens", "BS-01": "achter", "BS-02": "behaald",
    "BS-03": "behaald", "KD-01": "op koers", "KD-02": "op koers", "KD-03": "behaald",
    "WZ-01": "op koers", "WZ-02": "op koers", "BD-01": "achter", "BD-02": "op koers",
    "LB-01": "risico", "PR-01": "behaald", "PR-02": "behaald", "J26-01": "op koers",
    "J26-02": "risico", "J26-03": "behaald",
}  # fmt: skip
LINDEVEEN_BY_THEME_NL = [
    "Per thema",
    "  beschikbaarheid: 2 groen, 1 oranje, 1 rood, 0 grijs",
    "  betaalbaarheid: 0 groen, 1 oranje, 0 rood, 1 grijs",
    "  bijzondere-doelgroepen: 1 groen, 0 oranje, 1 rood, 0 grijs",
    "  kwaliteit-en-duurzaamheid: 4 groen, 0 oranje, 0 rood, 0 grijs",
    "  leefbaarheid: 0 groen, 1 oranje, 0 rood, 0 grijs",
    "  proces: 3 groen, 0 oranje, 0 rood, 0 grijs",
    "  wonen-en-zorg: 2 groen, 0 oranje, 0 rood, 0 grijs",
]
LINDEVEEN_BY_OWNER_NL = [
    "Per trekker",
    "  corp-thuisbaak: 1 groen, 1 oranje, 0 rood, 0 grijs",
    "  corp-veenhuis: 3 groen, 1 oranje, 1 rood, 1 grijs",
    "  corp-woonlinde: 3 groen, 0 oranje, 0 rood, 0 grijs",
    "  gemeente: 4 groen, 1 oranje, 1 rood, 0 grijs",
    "  hv-woonlinde: 1 groen, 0 oranje, 0 rood, 0 grijs",
]


def run(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prestatie_cli", *map(str, args)],
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def status(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run("status", "--as-of", AS_OF, *args, cwd=cwd)


def status_json(*args: str | Path, cwd: Path) -> dict[str, Any]:
    done = status("--format", "json", *args, cwd=cwd)
    assert (done.returncode, done.stderr) == (0, "")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def blocks(output: str) -> dict[str, list[str]]:
    """The lines of the text output per set, by heading (sets end with a blank line)."""
    found: dict[str, list[str]] = {}
    for block in output.split("\n\n"):
        lines = block.strip("\n").splitlines()
        if lines:
            found[lines[0]] = lines[1:]
    return found


def table(lines: list[str]) -> dict[str, list[str]]:
    """Rows of a rich table by their first cell; wrapped cells are joined with a space."""
    rows: dict[str, list[str]] = {}
    last: list[str] | None = None
    for line in lines:
        if not line.startswith(("│", "┃")):
            continue
        cells = [cell.strip() for cell in line.strip("│┃").split("│" if "│" in line else "┃")]
        if cells[0]:
            last = rows.setdefault(cells[0], cells)
        elif last is not None:
            for index, cell in enumerate(cells):
                if cell:
                    last[index] = f"{last[index]} {cell}"
    return rows


# --- Text ---------------------------------------------------------------------------


def test_text_spells_out_every_status(tmp_path: Path) -> None:
    done = status(*EXAMPLES, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert "\x1b" not in done.stdout
    sets = blocks(done.stdout)
    assert list(sets) == [
        BODEGRAVEN_HEADING, LINDEVEEN_HEADING, HOFSTREEK_HEADING, *WEIDEMEER_HEADINGS,
    ]  # fmt: skip
    rows = table(sets[LINDEVEEN_HEADING])
    assert rows.pop("Afspraak") == COLUMNS_NL
    assert list(rows) == LINDEVEEN_IDS
    assert {key: row[6] for key, row in rows.items()} == LINDEVEEN_STATUS_NL
    assert rows["BS-01"] == [
        "BS-01", "960 nieuwe sociale huurwoningen", "corp-veenhuis", "170 / ≥ 960 woningen",
        "2026-06-30", "299", "achter", "2033-06-06 (na de termijn)",
    ]  # fmt: skip
    assert rows["BT-01"] == [
        "BT-01", "Huurverhoging lage inkomens ten hoogste gelijk aan de inflatie",
        "corp-veenhuis", "0 / ≤ 0 procentpunt (1 van 2 perioden gemist)", "2026-05-01", "—",
        "risico", "—",
    ]  # fmt: skip
    assert rows["J26-01"][3:7] == ["nog niet", "2026-06-30", "—", "op koers"]
    assert rows["PR-01"][3:7] == ["gedaan", "2026-06-23", "—", "behaald"]
    bodegraven = table(sets[BODEGRAVEN_HEADING])
    assert bodegraven["BS-04"][3:] == [
        "45 / ≤ 26 weken", "2019-12-31", "26", "niet gehaald", "—",
    ]  # fmt: skip
    hofstreek = table(sets[HOFSTREEK_HEADING])
    # No monitor: a passed deadline is not met, as check says (T504); the rest has no data.
    overdue = {key for key, row in hofstreek.items() if row[6] == "niet gehaald"}
    assert overdue == {"RG-02", "RG-04", "RG-08"}
    assert {row[6] for key, row in hofstreek.items() if key not in overdue | {"Afspraak"}} == {
        "geen gegevens"
    }
    words = {row[6] for block in sets.values() for row in table(block).values()}
    assert words - {"Status"} == STATUS_WORDS_NL | UNJUDGED_WORDS_NL
    # The tallies follow each table.
    tail = sets[LINDEVEEN_HEADING][-len(LINDEVEEN_BY_THEME_NL) - len(LINDEVEEN_BY_OWNER_NL) :]
    assert tail == LINDEVEEN_BY_THEME_NL + LINDEVEEN_BY_OWNER_NL


def in_terminal(*args: str | Path, cwd: Path, no_color: bool) -> str:
    """Output of prestatie run with a terminal as its stdout."""
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env["COLUMNS"] = "200"
    if no_color:
        env["NO_COLOR"] = "1"
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "prestatie_cli", *map(str, args)],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
    )
    os.close(slave)
    chunks: list[bytes] = []
    try:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
        process.wait(timeout=60)
    assert process.returncode == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("no_color", [True, False])
def test_colour_only_adds_to_the_words(tmp_path: Path, no_color: bool) -> None:
    args: list[str | Path] = [
        "status",
        "--as-of",
        AS_OF,
        "--status",
        "behind",
        "--status",
        "at_risk",
    ]
    output = in_terminal(*args, *LINDEVEEN, cwd=tmp_path, no_color=no_color)
    assert ("\x1b[" in output) is not no_color
    plain = output
    while "\x1b[" in plain:
        start = plain.index("\x1b[")
        plain = plain[:start] + plain[plain.index("m", start) + 1 :]
    rows = table(plain.splitlines())
    assert {key: row[6] for key, row in rows.items() if key != "Afspraak"} == {
        "BT-01": "risico",
        "BS-01": "achter",
        "BD-01": "achter",
        "LB-01": "risico",
        "J26-02": "risico",
    }


def test_english_labels(tmp_path: Path) -> None:
    done = status(
        "--lang", "en", "--status", "behind", "--status", "at_risk", *LINDEVEEN, cwd=tmp_path
    )
    assert (done.returncode, done.stderr) == (0, "")
    ((heading, lines),) = blocks(done.stdout).items()
    assert heading == (
        "Prestatieafspraken Lindeveen 2025-2028 (kaderafspraak) (2025-01-01 to 2028-12-31), "
        "as of 2026-11-21"
    )
    rows = table(lines)
    assert rows.pop("Agreement") == [
        "Agreement", "Title", "Owner", "Value / target", "Measured", "Expected", "Status",
        "Projection",
    ]  # fmt: skip
    assert rows == {
        "BT-01": [
            "BT-01", "Huurverhoging lage inkomens ten hoogste gelijk aan de inflatie",
            "corp-veenhuis", "0 / ≤ 0 procentpunt (1 of 2 periods missed)", "2026-05-01", "—",
            "at risk", "—",
        ],
        "BS-01": [
            "BS-01", "960 nieuwe sociale huurwoningen", "corp-veenhuis", "170 / ≥ 960 woningen",
            "2026-06-30", "299", "behind", "2033-06-06 (after the deadline)",
        ],
        "BD-01": [
            "BD-01", "Huisvesting vergunninghouders volgens de halfjaarlijkse taakstelling",
            "gemeente", "66 / ≥ 100 % (3 of 3 periods missed)", "2026-06-30", "—", "behind", "—",
        ],
        "LB-01": [
            "LB-01", "Wijkaanpak Hoogeveld en De Linde", "gemeente", "73 / ≥ 80 %", "2025-12-31",
            "73.2", "at risk", "2029-07-01 (after the deadline)",
        ],
        "J26-02": [
            "J26-02", "60 flexwoningen aan de Stationsweg-Oost", "corp-thuisbaak",
            "24 / ≥ 60 woningen", "2026-06-30", "30", "at risk",
            "2027-03-27 (after the deadline)",
        ],
    }  # fmt: skip
    assert lines[-9:] == [
        "By theme",
        "  beschikbaarheid: 0 green, 1 orange, 1 red, 0 grey",
        "  betaalbaarheid: 0 green, 1 orange, 0 red, 0 grey",
        "  bijzondere-doelgroepen: 0 green, 0 orange, 1 red, 0 grey",
        "  leefbaarheid: 0 green, 1 orange, 0 red, 0 grey",
        "By owner",
        "  corp-thuisbaak: 0 green, 1 orange, 0 red, 0 grey",
        "  corp-veenhuis: 0 green, 1 orange, 1 red, 0 grey",
        "  gemeente: 0 green, 1 orange, 1 red, 0 grey",
    ]


def test_selection_without_matches_says_so(tmp_path: Path) -> None:
    done = status("--theme", "nergens", *LINDEVEEN, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"{LINDEVEEN_HEADING}\nGeen afspraken die aan de selectie voldoen.\n\n"


# --- JSON ---------------------------------------------------------------------------


def test_json_structure_and_values(tmp_path: Path) -> None:
    report = status_json(*LINDEVEEN, cwd=tmp_path)
    assert set(report) == {"version", "as_of", "sets"}
    assert (report["version"], report["as_of"]) == (1, AS_OF)
    (block,) = report["sets"]
    assert set(block) == {"id", "title", "period", "agreements", "by_theme", "by_owner"}
    assert block["id"] == "lindeveen-2025-2028"
    assert block["title"] == "Prestatieafspraken Lindeveen 2025-2028 (kaderafspraak)"
    assert block["period"] == {"start": "2025-01-01", "end": "2028-12-31"}
    rows = {row["id"]: row for row in block["agreements"]}
    assert list(rows) == LINDEVEEN_IDS
    assert {
        "id", "title", "theme", "kind", "owner", "contributors", "deadline", "status", "light",
        "current", "measured_on", "target", "share", "expected_share", "expected_value",
        "projected", "periods_measured", "periods_missed",
        # Added with groups, conditions, parts, requests and recurring duties.
        "owners", "owner_names", "owed_by", "scope", "per_event", "parent", "effective_from",
        "due", "target_value", "index_value", "unjudged", "missed_periods", "rolled_up_from",
        "condition", "withdrawal", "request",
        # Overdue with nothing measured (as check's T504 says).
        "unmeasured",
        # The projection falls after the deadline, whatever the status.
        "projected_after_deadline",
    } == set(rows["BS-01"])  # fmt: skip

    def pick(agreement: str) -> tuple[Any, ...]:
        row = rows[agreement]
        expected = row["expected_value"]
        return (
            row["status"],
            row["light"],
            row["current"],
            row["measured_on"],
            None if expected is None else round(expected, 1),
            row["projected"],
            row["projected_after_deadline"],
        )

    assert pick("BS-01") == ("behind", "red", 170, "2026-06-30", 299.0, "2033-06-06", True)
    assert pick("KD-01") == ("on_track", "green", 720, "2026-06-30", 731.4, "2028-07-24", False)
    assert pick("LB-01") == ("at_risk", "orange", 73, "2025-12-31", 73.2, "2029-07-01", True)
    assert pick("J26-02") == ("at_risk", "orange", 24, "2026-06-30", 29.7, "2027-03-27", True)
    assert pick("BS-02") == ("achieved", "green", 310, "2026-06-30", 299.2, None, False)
    assert pick("BT-02") == ("no_data", "grey", None, None, None, None, False)
    assert pick("PR-01") == ("achieved", "green", True, "2026-06-23", None, None, False)
    assert pick("J26-01") == ("on_track", "green", False, "2026-06-30", None, None, False)
    assert (rows["BD-01"]["periods_measured"], rows["BD-01"]["periods_missed"]) == (3, 3)
    assert rows["BS-01"]["target"] == {"value": 960, "unit": "woningen", "comparison": "at_least"}
    assert rows["BS-01"]["owner"] == "corp-veenhuis"
    assert rows["BS-01"]["contributors"] == ["corp-woonlinde", "corp-thuisbaak", "gemeente"]
    assert rows["BS-01"]["deadline"] == "2028-12-31"
    assert rows["PR-01"]["target"] is None
    assert block["by_theme"] == {
        "beschikbaarheid": {"green": 2, "orange": 1, "red": 1},
        "betaalbaarheid": {"orange": 1, "grey": 1},
        "bijzondere-doelgroepen": {"green": 1, "red": 1},
        "kwaliteit-en-duurzaamheid": {"green": 4},
        "leefbaarheid": {"orange": 1},
        "proces": {"green": 3},
        "wonen-en-zorg": {"green": 2},
    }
    assert block["by_owner"] == {
        "corp-thuisbaak": {"green": 1, "orange": 1},
        "corp-veenhuis": {"green": 3, "orange": 1, "red": 1, "grey": 1},
        "corp-woonlinde": {"green": 3},
        "gemeente": {"green": 4, "orange": 1, "red": 1},
        "hv-woonlinde": {"green": 1},
    }


# --- Markdown -----------------------------------------------------------------------


def test_markdown_is_a_github_table(tmp_path: Path) -> None:
    done = status("--format", "md", *LINDEVEEN, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert lines[:4] == [
        f"## {LINDEVEEN_HEADING}",
        "",
        "| Afspraak | Titel | Trekker | Stand / doel | Gemeten | Verwacht | Status | Prognose |",
        "|---|---|---|---|---|---|---|---|",
    ]
    end = lines.index("", 4)
    rows = lines[4:end]
    assert [row.split(" | ")[0] for row in rows] == [f"| {key}" for key in LINDEVEEN_IDS]
    assert all(row.startswith("| ") and row.endswith(" |") for row in rows)
    assert all(row.count(" | ") == 7 for row in rows)
    assert rows[2] == (
        "| BS-01 | 960 nieuwe sociale huurwoningen | corp-veenhuis | 170 / ≥ 960 woningen | "
        "2026-06-30 | 299 | **achter** | 2033-06-06 (na de termijn) |"
    )
    assert rows[12] == (
        "| LB-01 | Wijkaanpak Hoogeveld en De Linde | gemeente | 73 / ≥ 80 % | 2025-12-31 | "
        "73,2 | **risico** | 2029-07-01 (na de termijn) |"
    )
    assert lines[end:] == [
        "",
        "**Toelichting**",
        "",
        # Recurring targets list the periods they missed.
        "- BT-01: gemist: 2025-01-01 t/m 2025-12-31",
        "- BD-01: gemist: 2025-01-01 t/m 2025-06-30; 2025-07-01 t/m 2025-12-31; "
        "2026-01-01 t/m 2026-06-30",
        "",
        "**Per thema**",
        "",
        *(f"- {line.strip()}" for line in LINDEVEEN_BY_THEME_NL[1:]),
        "",
        "**Per trekker**",
        "",
        *(f"- {line.strip()}" for line in LINDEVEEN_BY_OWNER_NL[1:]),
    ]
    assert done.stdout.endswith(" 0 grijs\n")


def test_markdown_escapes_a_pipe_in_a_title(tmp_path: Path) -> None:
    data = base_set()
    data["agreements"][0]["title"] = "Nieuwe sociale huurwoningen | incl. transformatie"
    write_yaml(tmp_path / "afspraken" / "set.yaml", data)
    write_yaml(tmp_path / "monitor" / "monitor.yaml", base_monitor())
    done = status("--format", "md", "afspraken", "monitor", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[4] == (
        "| BS-01 | Nieuwe sociale huurwoningen \\| incl. transformatie | corp-a | "
        "180 / ≥ 180 woningen | 2019-12-31 | 180 | **behaald** | — |"
    )
    # Eight cells: the escaped pipe does not split the title.
    assert done.stdout.splitlines()[4].replace("\\|", "").count("|") == 9


# --- Filters ------------------------------------------------------------------------


def _ids_and_tallies(report: dict[str, Any]) -> tuple[list[str], dict[str, Any], dict[str, Any]]:
    (block,) = report["sets"]
    return [row["id"] for row in block["agreements"]], block["by_theme"], block["by_owner"]


def test_filter_by_theme_repeatable(tmp_path: Path) -> None:
    report = status_json("--theme", "proces", "--theme", "leefbaarheid", *LINDEVEEN, cwd=tmp_path)
    assert _ids_and_tallies(report) == (
        ["LB-01", "PR-01", "PR-02", "J26-01"],
        {"leefbaarheid": {"orange": 1}, "proces": {"green": 3}},
        {"corp-veenhuis": {"green": 1}, "gemeente": {"orange": 1, "green": 2}},
    )


def test_filter_by_party_owner_or_contributor(tmp_path: Path) -> None:
    # hv-woonlinde owns J26-03 and contributes to the others.
    report = status_json("--party", "hv-woonlinde", *LINDEVEEN, cwd=tmp_path)
    ids, by_theme, by_owner = _ids_and_tallies(report)
    assert ids == ["BT-01", "KD-01", "LB-01", "PR-01", "J26-01", "J26-03"]
    assert by_owner == {
        "corp-veenhuis": {"green": 1, "orange": 1},
        "gemeente": {"green": 2, "orange": 1},
        "hv-woonlinde": {"green": 1},
    }
    assert by_theme == {
        "betaalbaarheid": {"orange": 1},
        "kwaliteit-en-duurzaamheid": {"green": 2},
        "leefbaarheid": {"orange": 1},
        "proces": {"green": 2},
    }


def test_filter_by_status_repeatable_and_with_party(tmp_path: Path) -> None:
    both = status_json("--status", "behind", "--status", "at_risk", *LINDEVEEN, cwd=tmp_path)
    assert _ids_and_tallies(both)[0] == ["BT-01", "BS-01", "BD-01", "LB-01", "J26-02"]
    # gemeente owns LB-01 and contributes to J26-02.
    narrowed = status_json("--party", "gemeente", "--status", "at_risk", *LINDEVEEN, cwd=tmp_path)
    assert _ids_and_tallies(narrowed) == (
        ["LB-01", "J26-02"],
        {"beschikbaarheid": {"orange": 1}, "leefbaarheid": {"orange": 1}},
        {"corp-thuisbaak": {"orange": 1}, "gemeente": {"orange": 1}},
    )


def test_unknown_status_is_a_usage_error(tmp_path: Path) -> None:
    done = status("--status", "misschien", *LINDEVEEN, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    words = " ".join(done.stderr.replace("│", " ").replace("╭", " ").replace("╰", " ").split())
    assert words.startswith("prestatie: Ongeldige waarde bij --status: 'misschien' is geen")
    assert (
        "'misschien' is geen status of kleur; kies een kleur (groen, oranje, rood, grijs) of een "
        "status: behaald (achieved); op koers (on_track); risico (at_risk); achter (behind); "
        "niet gehaald (overdue); geen gegevens (no_data); context; verzoek, nog niet aanvaard "
        "(request_open); verzoek afgewezen (request_declined); nog niet van kracht (not_yet); "
        "vervallen (lapsed); opgeschort (suspended); ingetrokken (withdrawn)" in words
    )
    assert "Traceback" not in done.stderr
    english = status("--lang", "en", "--status", "maybe", *LINDEVEEN, cwd=tmp_path)
    words = " ".join(english.stderr.replace("│", " ").replace("╭", " ").replace("╰", " ").split())
    assert english.returncode == 2
    assert (
        "'maybe' is not a status or colour; choose a colour (green, orange, red, grey) or a "
        "status: achieved; on track; at risk; behind; overdue; no data; context; request, not "
        "yet accepted (request_open); request declined; not yet in effect (not_yet); lapsed; "
        "suspended; withdrawn" in words
    )


@pytest.mark.parametrize(("colour", "statuses"), [("rood", ("behind", "overdue")),
                         ("Red", ("behind", "overdue")), ("oranje", ("at_risk",)),
                         ("groen", ("achieved", "on_track"))])  # fmt: skip
def test_a_colour_selects_every_status_of_its_light(
    tmp_path: Path, colour: str, statuses: tuple[str, ...]
) -> None:
    by_colour = status_json("--status", colour, *LINDEVEEN, cwd=tmp_path)
    named = [option for name in statuses for option in ("--status", name)]
    by_name = status_json(*named, *LINDEVEEN, cwd=tmp_path)
    assert _ids_and_tallies(by_colour) == _ids_and_tallies(by_name)
    assert _ids_and_tallies(by_colour)[0]


GREEN_OR_ORANGE = [
    *("BT-01", "BT-02", "BS-01", "BS-01-MH", "BS-01-PR", "BS-02", "BS-03-B", "BS-03-C"),
    *("KD-02", "LV-01", "SW-01", "SW-02", "SW-03"),
]


@pytest.mark.parametrize(
    ("named", "ids"),
    [
        (["vervallen"], ["BS-06"]),
        (["VERVALLEN"], ["BS-06"]),
        (["lapsed"], ["BS-06"]),
        (["nog-niet-van-kracht"], ["BS-04", "KD-01"]),
        (["nog_niet_van_kracht"], ["BS-04", "KD-01"]),
        (["not yet in effect"], ["BS-04", "KD-01"]),
        (["verzoek, nog niet aanvaard"], ["LV-02"]),
        (["verzoek nog niet aanvaard"], ["LV-02"]),
        (["ingetrokken", "context"], ["K-00", "SW-05"]),
        (["Op Koers", "risico"], GREEN_OR_ORANGE),
    ],
)
def test_a_status_is_named_by_its_code_or_its_label_in_either_language(
    named: list[str], ids: list[str]
) -> None:
    options = [part for name in named for part in ("--status", name)]
    found = status_json("--as-of", WEIDEMEER_AS_OF, *options, *WEIDEMEER, cwd=REPO)
    assert [row["id"] for row in found["sets"][0]["agreements"]] == ids


# --- No sets, broken files -----------------------------------------------------------


def test_directory_without_sets_exits_2(tmp_path: Path) -> None:
    shutil.copytree(REPO / "examples" / "monitor", tmp_path / "monitor")
    (tmp_path / "leeg").mkdir()
    only_monitors = status("monitor", cwd=tmp_path)
    assert (only_monitors.returncode, only_monitors.stdout) == (2, "")
    assert only_monitors.stderr == "Geen sets afspraken gevonden in monitor.\n"
    empty = run("status", "--lang", "en", tmp_path / "leeg", cwd=tmp_path)
    assert (empty.returncode, empty.stdout) == (2, "")
    assert empty.stderr == f"No agreement sets found in {tmp_path / 'leeg'}.\n"


@pytest.mark.parametrize(
    ("text", "code", "problem"),
    [
        (
            "kind: monitor\nversion: 1\nset: x\nmeasurements:\n\t- agreement: BS-01\n",
            2,
            "5:1: Y005 fout Dit is geen geldige YAML: een teken waarmee in YAML niets kan "
            "beginnen (bijvoorbeeld een tab of '@').\n"
            "    tip: YAML staat geen tabs toe om in te springen; gebruik spaties.\n",
        ),
        (
            "kind: monitor\nversion: 1\nset: x\nmeasurements: {}\n",
            1,
            "4:15: V003 fout Ongeldige waarde voor 'measurements': verwacht een lijst (regels "
            "die beginnen met '- '), gevonden een blok met velden.\n"
            "    tip: Pas de waarde aan; 'prestatie schema' beschrijft elk veld.\n",
        ),
        (
            # Validation finds the bad date before the unknown key; they are shown by line.
            "kind: monitor\nversion: 1\nset: x\nextra: 1\nmeasurements:\n"
            "  - {agreement: BS-01, date: 2025-13-01, value: 1}\n",
            1,
            "4:1: V001 fout Onbekend veld 'extra'.\n"
            "    tip: Toegestane velden hier: kind, version, set, measurements, conditions, "
            "waivers.\n"
            "kapot.yaml:6:30: V003 fout Ongeldige waarde voor 'date': '2025-13-01' is geen "
            "bestaande datum.\n"
            "    tip: Schrijf datums als 2019-12-31 (jaar-maand-dag).\n",
        ),
    ],
    ids=["unreadable", "wrong-shape", "by-line"],
)
def test_broken_file_next_to_a_valid_set(
    tmp_path: Path, text: str, code: int, problem: str
) -> None:
    for path in LINDEVEEN:
        shutil.copy(path, tmp_path / path.name.replace(".yaml", f"-{path.parent.name}.yaml"))
    (tmp_path / "kapot.yaml").write_text(text, encoding="utf-8")
    done = status("--format", "md", ".", cwd=tmp_path)
    assert done.returncode == code
    assert done.stderr == f"kapot.yaml:{problem}"
    lines = done.stdout.splitlines()
    assert lines[0] == f"## {LINDEVEEN_HEADING}"
    assert len([line for line in lines if line.startswith("| ") and "**" in line]) == 18


def test_a_second_set_with_the_same_id_is_named_not_dropped_silently(tmp_path: Path) -> None:
    write_yaml(tmp_path / "a.yaml", base_set())
    second = base_set()
    second["title"] = "Een andere set met dezelfde id"
    write_yaml(tmp_path / "b.yaml", second)
    done = status("--format", "json", "a.yaml", "b.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "b.yaml:4:9: P603 fout De set-id 'voorbeeld-2016-2019' wordt ook gebruikt in "
        "a.yaml; deze set is weggelaten.\n"
        "    tip: Geef elke afspraak, partij, groep en set een eigen id die niet meer verandert; "
        "een groep heeft een andere id dan elke partij.\n"
    )
    assert [entry["title"] for entry in json.loads(done.stdout)["sets"]] == [
        "Prestatieafspraken Voorbeeld 2016-2019"
    ]


# --- The status of a corpus, without the command line -------------------------------

STATUS_NAMES = {
    "behaald": "achieved",
    "op koers": "on_track",
    "risico": "at_risk",
    "achter": "behind",
    "niet gehaald": "overdue",
    "geen gegevens": "no_data",
}


def test_status_of_a_corpus_loaded_before() -> None:
    from datetime import date

    from prestatie_cli.load.corpus import load_corpus
    from prestatie_cli.model.agreements import Thresholds
    from prestatie_cli.progress.status import Selection, status

    corpus = load_corpus(LINDEVEEN, "nl")
    report = status(corpus, date(2026, 11, 21), Thresholds())
    (block,) = report.sets
    assert (report.files, report.problems) == (2, ())
    assert {row.agreement.id: row.status for row in block.rows} == {
        agreement: STATUS_NAMES[word] for agreement, word in LINDEVEEN_STATUS_NL.items()
    }
    behind = status(corpus, date(2026, 11, 21), Thresholds(), Selection(statuses=("behind",)))
    assert [row.agreement.id for row in behind.sets[0].rows] == ["BS-01", "BD-01"]


# --- Weidemeer: groups, conditions, parts, requests, recurring duties ----------------

WEIDEMEER = [
    REPO / "examples" / "afspraken" / "weidemeer-2026-2029.yaml",
    REPO / "examples" / "monitor" / "weidemeer-2026-2029.yaml",
]
WEIDEMEER_AS_OF = "2026-12-01"
WEIDEMEER_STATUS = {
    "K-00": "context",
    # 2.8 with inflation 3.3: -0.5, at the cap of inflation minus 0.5 point.
    "BT-01": "on_track",
    # 679.50 under 2026's 682.96.
    "BT-02": "on_track",
    "BT-03": "no_data",
    # Added up from its parts: 58 + 30 - 4 = 84 of 600, 74 expected on 2026-06-30.
    "BS-01": "on_track",
    "BS-01-MH": "on_track",
    "BS-01-PR": "on_track",
    "BS-01-OW": "behind",
    "BS-02": "on_track",
    # Its parts count in other units (a percentage, lists, overviews): nothing to add up.
    "BS-03": "no_data",
    "BS-03-A": "no_data",
    # May 2026's list was not sent.
    "BS-03-B": "at_risk",
    # Dated on the last day of the quarter each covers: none missed.
    "BS-03-C": "on_track",
    # Accepted on 2026-06-15, in effect from 2027-01-01.
    "BS-04": "not_yet",
    # Its condition was met; nothing measured yet.
    "BS-05": "no_data",
    # The court quashed the permit on 2026-09-30.
    "BS-06": "lapsed",
    "KD-01": "not_yet",
    # 130 of 900 on 2026-06-30, 98.8 expected towards the milestone of 400 by 2027-12-31.
    "KD-02": "on_track",
    "KD-03": "no_data",
    # The second quarter: none of the corporations was at the meeting.
    "LV-01": "at_risk",
    "LV-02": "request_open",
    "SW-01": "on_track",
    "SW-02": "on_track",
    "SW-03": "on_track",
    # In effect since 2026-09-01; nothing measured yet.
    "SW-04": "no_data",
    "SW-05": "withdrawn",
}


def weidemeer_json(*args: str) -> dict[str, Any]:
    done = run(
        "status", "--as-of", WEIDEMEER_AS_OF, "--format", "json", *args, *WEIDEMEER, cwd=REPO
    )
    assert (done.returncode, done.stderr) == (0, "")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def test_weidemeer_status_of_every_agreement() -> None:
    (block,) = weidemeer_json()["sets"]
    rows = {row["id"]: row for row in block["agreements"]}
    assert {key: row["status"] for key, row in rows.items()} == WEIDEMEER_STATUS
    assert {key for key, row in rows.items() if row["light"] == "grey"} == {
        key
        for key, status in WEIDEMEER_STATUS.items()
        if status not in ("on_track", "at_risk", "behind")
    }
    bt01 = rows["BT-01"]
    assert (bt01["current"], bt01["index_value"], bt01["target"]) == (
        -0.5,
        3.3,
        {
            "value": -0.5,
            "unit": "procent",
            "comparison": "at_most",
            "index": "inflatie (CPI voorgaand kalenderjaar)",
            "recurring": "yearly",
        },
    )
    assert (rows["BT-02"]["target_value"], rows["BT-02"]["per_event"]) == (
        682.96, "bij iedere mutatie",
    )  # fmt: skip
    assert rows["BT-02"]["target"]["per_year"] == {"2027": 700.72, "2028": 718.24, "2029": 736.2}
    assert rows["BT-03"]["target"] == {
        "value": 850, "unit": "euro per maand", "comparison": "between", "upper": 1000,
    }  # fmt: skip
    bs01 = rows["BS-01"]
    assert (bs01["current"], bs01["rolled_up_from"], round(bs01["expected_value"], 1)) == (
        84, ["BS-01-MH", "BS-01-PR", "BS-01-OW"], 74.0,
    )  # fmt: skip
    assert (bs01["owners"], bs01["owner_names"]) == (["corporaties"], ["De corporaties"])
    # Every corporation on 2026-12-01: the merged Polderoever, and the one that joined.
    assert bs01["owed_by"] == ["corp-meerhof", "corp-polderoever", "corp-jong"]
    assert [(row["periods_measured"], row["periods_missed"]) for row in (
        rows["BS-03-B"], rows["BS-03-C"], rows["LV-01"],
    )] == [(10, 1), (3, 0), (3, 1)]  # fmt: skip
    assert rows["BS-03-B"]["missed_periods"] == [{"start": "2026-05-01", "end": "2026-05-31"}]
    assert rows["LV-01"]["missed_periods"] == [{"start": "2026-04-01", "end": "2026-06-30"}]
    assert rows["BS-04"]["effective_from"] == "2027-01-01"
    assert rows["BS-04"]["request"] == {
        "addressed_to": ["gemeente"],
        "state": "accepted",
        "date": "2026-06-15",
        "note": "Grondprijzenbrief 2027, vastgesteld door het college",
    }
    assert rows["LV-02"]["request"] == {
        "addressed_to": ["gemeente"], "state": "open", "date": None, "note": None,
    }  # fmt: skip
    assert rows["LV-02"]["owed_by"] == []
    assert rows["BS-06"]["condition"] == {
        "id": "vergunning-dijkzicht",
        "text": "De omgevingsvergunning voor de transformatie wordt onherroepelijk.",
        "kind": "decision",
        "by": "Rechtbank / gemeente (bezwaar en beroep)",
        "state": "not_met",
        "date": "2026-09-30",
        "source": "Uitspraak rechtbank, 30 september 2026",
        "note": "De rechtbank vernietigde de omgevingsvergunning; Polderoever Wonen ziet af "
        "van de transformatie.",
    }
    # Oeverwonen's agreement is carried by Polderoever Wonen after the merger.
    assert rows["BS-06"]["owed_by"] == ["corp-polderoever"]
    assert rows["SW-05"]["withdrawal"]["date"] == "2026-09-01"
    assert rows["SW-05"]["withdrawal"]["reason"].endswith("omdat de regio dit in 2026 zelf oppakt.")
    assert (rows["KD-02"]["deadline"], rows["KD-02"]["due"]) == ("2030-12-31", "2030-12-31")
    assert (rows["SW-01"]["deadline"], rows["SW-01"]["due"]) == (None, "2029-12-31")
    assert rows["BS-03"]["owners"] == ["gemeente", "corporaties"]
    assert rows["BS-03"]["owner"] == ["gemeente", "corporaties"]
    # A group's agreement counts for each member; context and the open request for none.
    assert block["by_owner"] == {
        "corp-jong": {"green": 4, "grey": 5},
        "corp-meerhof": {"green": 7, "orange": 1, "grey": 7},
        "corp-polderoever": {"green": 7, "orange": 1, "red": 1, "grey": 6},
        "gemeente": {"green": 3, "orange": 1, "grey": 2},
        "hv-meerhof": {"green": 2},
        "hv-polderoever": {"green": 2},
        "hv-weidemeer": {"green": 2},
    }


def test_weidemeer_markdown_says_why() -> None:
    done = run("status", "--as-of", WEIDEMEER_AS_OF, "--format", "md", *WEIDEMEER, cwd=REPO)
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    rows = {line.split(" | ")[0][2:]: line for line in lines if line.startswith("| ")}
    assert rows["BT-01"] == (
        "| BT-01 | Huurverhoging ten hoogste inflatie min 0,5 procentpunt | scw | "
        "2,8 (index 3,3) / ≤ inflatie (CPI voorgaand kalenderjaar) min 0,5 procent | "
        "2026-07-01 | — | **op koers** | — |"
    )
    assert rows["BT-03"].split(" | ")[3] == "— / tussen 850 en 1.000 euro per maand"
    assert rows["BS-01"].split(" | ")[3] == "84 / ≥ circa 600 woningen (netto)"
    assert rows["BS-03"].split(" | ")[2:4] == ["gemeente, corporaties", "— / ≥ 84 personen"]
    assert rows["BS-03-B"].split(" | ")[3:7] == [
        "gedaan (1 van 10 perioden gemist)", "2026-10-05", "—", "**risico**",
    ]  # fmt: skip
    statuses = {key: row.split(" | ")[6] for key, row in rows.items()}
    assert [statuses[key] for key in ("K-00", "BS-04", "BS-06", "LV-02", "SW-05")] == [
        "**context**",
        "**nog niet van kracht**",
        "**vervallen**",
        "**verzoek, nog niet aanvaard**",
        "**ingetrokken**",
    ]
    start = lines.index("**Toelichting**")
    assert lines[start : lines.index("**Per thema**")] == [
        "**Toelichting**",
        "",
        "- BT-02: telkens: bij iedere mutatie; doel per jaar: 2027: 700,72; 2028: 718,24; "
        "2029: 736,2; andere jaren 682,96",
        "- BT-03: geldt voor nieuwbouwproject De Weidepoort",
        "- BS-01: opgeteld uit BS-01-MH, BS-01-PR, BS-01-OW",
        "- BS-02: verdeling: sociale huur 60 %, middenhuur 20 %, betaalbare koop 20 %",
        "- BS-03: doel per jaar: 2027: 90; andere jaren 84",
        "- BS-03-A: geldt voor vrijkomende sociale huurwoningen",
        "- BS-03-B: gemist: 2026-05-01 t/m 2026-05-31",
        "- BS-04: van kracht vanaf 2027-01-01; verzoek aan gemeente, aanvaard op 2026-06-15: "
        "Grondprijzenbrief 2027, vastgesteld door het college",
        "- BS-05: geldt voor complex Kerkpad",
        "- BS-06: geldt voor complex Dijkzicht; voorwaarde niet vervuld op 2026-09-30: De "
        "omgevingsvergunning voor de transformatie wordt onherroepelijk. De rechtbank "
        "vernietigde de omgevingsvergunning; Polderoever Wonen ziet af van de transformatie.",
        "- KD-01: van kracht vanaf 2029-01-01",
        "- KD-02: loopt door na de termijn, tot 2030-12-31",
        "- KD-03: telkens: bij elke vervanging van een cv-ketel",
        "- LV-01: geldt voor wijk Weidemeer-Oost; gemist: 2026-04-01 t/m 2026-06-30",
        "- LV-02: geldt voor wijk Weidemeer-Oost; verzoek aan gemeente, nog niet beantwoord",
        "- SW-04: van kracht sinds 2026-09-01",
        "- SW-05: ingetrokken op 2026-09-01: Addendum: Stichting Jongerenhuisvesting Regio "
        "sluit aan (SW-04). Het onderzoek naar een gezamenlijk woonruimteverdeelsysteem "
        "(SW-05) vervalt, omdat de regio dit in 2026 zelf oppakt.",
        "",
    ]


def test_weidemeer_text_in_english() -> None:
    done = run(
        "status", "--as-of", WEIDEMEER_AS_OF, "--lang", "en", "--theme", "beschikbaarheid",
        *WEIDEMEER, cwd=REPO,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    ((_, lines),) = blocks(done.stdout).items()
    rows = table(lines)
    assert {key: row[6] for key, row in rows.items() if key != "Agreement"} == {
        "BS-01": "on track", "BS-01-MH": "on track",
        "BS-01-PR": "on track", "BS-01-OW": "behind", "BS-02": "on track",
        "BS-04": "not yet in effect", "BS-05": "no data", "BS-06": "lapsed",
    }  # fmt: skip
    start = lines.index("Notes")
    assert lines[start : start + 5] == [
        "Notes",
        "  BS-01: added up from BS-01-MH, BS-01-PR, BS-01-OW",
        "  BS-02: split: sociale huur 60 %, middenhuur 20 %, betaalbare koop 20 %",
        "  BS-04: in effect from 2027-01-01; request to gemeente, accepted on 2026-06-15: "
        "Grondprijzenbrief 2027, vastgesteld door het college",
        "  BS-05: applies to complex Kerkpad",
    ]


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        # A member of scw and of 'de corporaties', and the owner of its own agreements.
        pytest.param(
            ["--party", "corp-meerhof", "--theme", "betaalbaarheid"],
            ["BT-01", "BT-02", "BT-03"],
            id="party-through-groups",
        ),
        # After the merger Polderoever Wonen carries Oeverwonen's agreements.
        pytest.param(
            ["--party", "corp-polderoever", "--theme", "beschikbaarheid"],
            ["BS-01", "BS-01-PR", "BS-01-OW", "BS-02", "BS-04", "BS-06"],
            id="successor",
        ),
        # The asked party of a request, and a party of a joint ownership.
        pytest.param(
            ["--party", "gemeente", "--theme", "leefbaarheid"], ["LV-01", "LV-02"], id="asked"
        ),
        pytest.param(
            ["--party", "hv-weidemeer", "--theme", "wonen-en-zorg"], [], id="not-involved"
        ),
        # Any case, in scope or in 'per event'.
        pytest.param(["--scope", "WEIDEMEER-OOST"], ["LV-01", "LV-02"], id="scope"),
        pytest.param(["--scope", "mutatie"], ["BT-02"], id="per-event"),
        pytest.param(
            ["--scope", "complex", "--status", "lapsed"], ["BS-06"], id="scope-and-status"
        ),
    ],
)
def test_weidemeer_selection(args: list[str], ids: list[str]) -> None:
    (block,) = weidemeer_json(*args)["sets"]
    assert [row["id"] for row in block["agreements"]] == ids


def test_status_and_check_name_the_same_missed_period(tmp_path: Path) -> None:
    """A yearly duty from 2026 with only a 2027 figure: 2026 is missed in both."""
    shutil.copy(WEIDEMEER[0], tmp_path / "afspraken.yaml")
    (tmp_path / "monitor.yaml").write_text(
        "kind: monitor\nversion: 1\nset: weidemeer-2026-2029\nmeasurements:\n"
        "  - {agreement: SW-03, date: 2027-04-01, value: 5000, source: Beschikking 2027,"
        " reported_by: gemeente}\n",
        encoding="utf-8",
    )
    found = run("status", "--as-of", "2027-12-01", "--format", "md", ".", cwd=tmp_path)
    lines = found.stdout.splitlines()
    [row] = [line for line in lines if line.startswith("| SW-03 ")]
    assert row.split(" | ")[3:7] == [
        "5.000 / ≥ 5.000 euro (1 van 2 perioden gemist)", "2027-04-01", "—", "**risico**",
    ]  # fmt: skip
    assert "- SW-03: gemist: 2026-01-01 t/m 2026-12-31" in lines
    checked = run("check", "--as-of", "2027-12-01", ".", cwd=tmp_path)
    assert [line for line in checked.stdout.splitlines() if "SW-03" in line and "P613" in line] == [
        "monitor.yaml:4:1: P613 waarschuwing Voor SW-03 ontbreekt de meting over 2026-01-01 tot en met "
        "2026-12-31."
    ]


def test_an_owner_that_joins_later_is_in_the_tally_and_nobody_is_dash(tmp_path: Path) -> None:
    data = base_set()
    data["parties"].append(
        {"id": "kustwonen", "name": "Kustwonen", "role": "corporatie", "joined": "2017-01-01"}
    )
    data["signatures"].append({"party": "kustwonen", "name": "K. Kust", "date": "2017-01-01"})
    first = data["agreements"][0]
    data["agreements"] = [
        {**first, "owner": "kustwonen"},
        {"id": "K-00", "title": "Ambitie", "text": "Samen.", "theme": "inleiding",
         "kind": "context", "owner": "gemeente"},
        {"id": "V-01", "title": "Verzoek", "text": "Graag.", "theme": "beschikbaarheid",
         "kind": "request", "owner": "corp-a", "addressed_to": "gemeente"},
    ]  # fmt: skip
    write_yaml(tmp_path / "set.yaml", data)
    report = status_json("--as-of", "2016-06-30", "set.yaml", cwd=tmp_path)
    [block] = report["sets"]
    rows = {row["id"]: row for row in block["agreements"]}
    assert [rows[key]["owed_by"] for key in ("BS-01", "K-00", "V-01")] == [["kustwonen"], [], []]
    # Context and the open request are nobody's deliverable: not in the tally per owner.
    assert block["by_owner"] == {"kustwonen": {"grey": 1}}
    text_lines = run("status", "--as-of", "2016-06-30", "set.yaml", cwd=tmp_path).stdout
    assert "  kustwonen: 0 groen, 0 oranje, 0 rood, 1 grijs" in text_lines.splitlines()
    assert "  -:" not in text_lines


def test_split_and_counting_in_every_format() -> None:
    report = status_json("--as-of", WEIDEMEER_AS_OF, "--theme", "beschikbaarheid", *WEIDEMEER,
                         cwd=REPO)  # fmt: skip
    rows = {row["id"]: row for row in report["sets"][0]["agreements"]}
    assert rows["BS-02"]["target"]["split"] == [
        {"category": "sociale huur", "share": 60, "value": None},
        {"category": "middenhuur", "share": 20, "value": None},
        {"category": "betaalbare koop", "share": 20, "value": None},
    ]
    assert rows["BS-01"]["target"]["counting"] == "net"
    assert "split" not in rows["BS-01"]["target"]
    markdown = run("status", "--as-of", WEIDEMEER_AS_OF, "--lang", "en", "--format", "md",
                   "--theme", "beschikbaarheid", *WEIDEMEER, cwd=REPO).stdout  # fmt: skip
    rows_md = {
        line.split(" | ")[0][2:]: line for line in markdown.splitlines() if line.startswith("| ")
    }
    assert rows_md["BS-01"].split(" | ")[3] == "84 / ≥ about 600 woningen (net)"
    assert "- BS-02: split: sociale huur 60 %, middenhuur 20 %, betaalbare koop 20 %" in (
        markdown.splitlines()
    )


def test_expected_homes_are_whole_homes_in_text_and_markdown(tmp_path: Path) -> None:
    """A target that counts things expects whole ones (as the report shows); a share keeps a
    decimal, and JSON keeps the value as computed."""
    markdown = status("--format", "md", *LINDEVEEN, cwd=tmp_path)
    rows = {
        cells[1].strip(): cells[6].strip()
        for cells in (line.split("|") for line in markdown.stdout.splitlines())
        if len(cells) > 7
    }
    assert {key: rows[key] for key in ("BS-01", "WZ-02", "LB-01", "J26-02")} == {
        "BS-01": "299",
        "WZ-02": "41",
        "LB-01": "73,2",
        "J26-02": "30",
    }
    found = status_json(*LINDEVEEN, cwd=tmp_path)
    (lindeveen,) = found["sets"]
    expected = {row["id"]: row["expected_value"] for row in lindeveen["agreements"]}
    assert round(expected["J26-02"], 2) == 29.67
