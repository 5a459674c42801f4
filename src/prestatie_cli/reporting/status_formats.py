"""The status of agreements as a terminal table, Markdown or JSON.

What the files say is shown, never acted on: control characters escaped on the terminal
(and no rich markup read in them), escaped for Markdown, exact in JSON as far as JSON can
be (``escape.json_text``).
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from prestatie_cli.messages import Language, number, text
from prestatie_cli.reporting.escape import json_text, visible
from prestatie_cli.reporting.markup import markdown_text

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.progress.calculation import Progress
    from prestatie_cli.progress.status import SetStatus, StatusReport
    from prestatie_cli.progress.statuses import Light

LIGHT_ORDER: tuple[Light, ...] = ("green", "orange", "red", "grey")
_STYLES: dict[Light, str] = {"green": "green", "orange": "yellow", "red": "red", "grey": "dim"}
_SYMBOLS = {"at_least": "≥ ", "at_most": "≤ ", "exactly": "= "}
OUTPUT_VERSION = 1
_NO_WRAP = {"id", "owner", "measured", "expected", "status", "projected"}
# Share of the free width for the columns that wrap.
_RATIOS = {"title": 3, "value": 2}


def value_cell(row: Progress, lang: Language) -> str:
    target = row.agreement.target
    if isinstance(row.current, bool):
        return text("value.done" if row.current else "value.not-done", lang)
    if target is None:
        return "—"
    goal = f"{_SYMBOLS[target.comparison]}{number(target.value, lang)} {target.unit or ''}".strip()
    if row.current is None:
        return f"— / {goal}"
    shown = f"{number(row.current, lang)} / {goal}"
    if row.periods_missed:
        periods = {"missed": str(row.periods_missed), "measured": str(row.periods_measured)}
        shown += f" ({text('value.periods', lang, periods)})"
    return shown


def expected_cell(row: Progress, lang: Language) -> str:
    # Interpolated, so only roughly this exact: one decimal is plenty.
    return "—" if row.expected_value is None else number(round(row.expected_value, 1), lang)


def projected_cell(row: Progress, lang: Language) -> str:
    if row.projected is not None:
        return row.projected.isoformat()
    if row.status in ("on_track", "at_risk", "behind") and row.share is not None:
        return text("projection.never", lang)
    return "—"


def status_label(row: Progress, lang: Language) -> str:
    """The status in words; the light's colour, where shown, only adds to it."""
    return text(f"status.{row.status}", lang)


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


def _tally_line(counts: Counter[Light], lang: Language) -> str:
    return ", ".join(f"{counts[light]} {text(f'light.{light}', lang)}" for light in LIGHT_ORDER)


def _heading(block: SetStatus, report: StatusReport, lang: Language) -> str:
    agreements = block.agreements
    return text(
        "ui.status.heading",
        lang,
        {
            "title": agreements.title,
            "start": agreements.period.start.isoformat(),
            "end": agreements.period.end.isoformat(),
            "as_of": report.as_of.isoformat(),
        },
    )


def render_text(report: StatusReport, lang: Language, *, color: bool, width: int) -> str:
    """Rich tables, one per set; the status is always spelled out, colour only adds to it."""
    # Imported here: only this format draws tables, and start-up does not pay for rich.
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )
    columns = ("id", "title", "owner", "value", "measured", "expected", "status", "projected")
    for block in report.sets:
        console.print(Text(visible(_heading(block, report, lang)), style="bold"))
        if not block.rows:
            console.print(text("ui.status.none", lang))
            console.print()
            continue
        table = Table(show_lines=False, header_style="bold", expand=True)
        for column in columns:
            table.add_column(
                text(f"column.{column}", lang),
                overflow="fold",
                no_wrap=column in _NO_WRAP,
                ratio=_RATIOS.get(column),
            )
        for row in block.rows:
            # Text, not str: rich would read '[link=…]' or '[/]' in a title as markup.
            table.add_row(
                *(
                    Text(visible(cell))
                    for cell in (
                        row.agreement.id,
                        row.agreement.title,
                        row.agreement.owner or "—",
                        value_cell(row, lang),
                        _day(row.measured_on),
                        expected_cell(row, lang),
                    )
                ),
                Text(status_label(row, lang), style=_STYLES[row.light]),
                Text(projected_cell(row, lang)),
            )
        console.print(table)
        for heading, counts in (
            ("ui.status.by-theme", block.by_theme()),
            ("ui.status.by-owner", block.by_owner()),
        ):
            console.print(Text(text(heading, lang), style="bold"))
            for key, tally in counts.items():
                console.print(Text(f"  {visible(key)}: {_tally_line(tally, lang)}"))
        console.print()
    return buffer.getvalue()


def _cell(value: str) -> str:
    """Markdown table cell text: markup, HTML, pipes and line breaks are shown, not read."""
    return markdown_text(value)


def render_markdown(report: StatusReport, lang: Language, *, color: bool, width: int) -> str:
    """A table per set; colour and width are the reader's (Markdown has neither)."""
    lines: list[str] = []
    columns = ("id", "title", "owner", "value", "measured", "expected", "status", "projected")
    for block in report.sets:
        lines += [f"## {_cell(_heading(block, report, lang))}", ""]
        if not block.rows:
            lines += [text("ui.status.none", lang), ""]
            continue
        lines.append("| " + " | ".join(text(f"column.{c}", lang) for c in columns) + " |")
        lines.append("|" + "---|" * len(columns))
        for row in block.rows:
            cells = (
                _cell(row.agreement.id),
                _cell(row.agreement.title),
                _cell(row.agreement.owner or "—"),
                _cell(value_cell(row, lang)),
                _day(row.measured_on),
                expected_cell(row, lang),
                f"**{status_label(row, lang)}**",
                projected_cell(row, lang),
            )
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
        for heading, counts in (
            ("ui.status.by-theme", block.by_theme()),
            ("ui.status.by-owner", block.by_owner()),
        ):
            lines += [f"**{text(heading, lang)}**", ""]
            lines += [
                f"- {_cell(key)}: {_tally_line(tally, lang)}" for key, tally in counts.items()
            ]
            lines.append("")
    return "\n".join(lines)


def _row_json(row: Progress) -> dict[str, Any]:
    target = row.agreement.target
    return {
        "id": row.agreement.id,
        "title": row.agreement.title,
        "theme": row.agreement.theme,
        "kind": row.agreement.kind,
        "owner": row.agreement.owner,
        "contributors": list(row.agreement.contributors),
        "deadline": _day(row.agreement.deadline) if row.agreement.deadline else None,
        "status": row.status,
        "light": row.light,
        "current": row.current,
        "measured_on": row.measured_on.isoformat() if row.measured_on else None,
        "target": None
        if target is None
        else {"value": target.value, "unit": target.unit, "comparison": target.comparison},
        "share": row.share,
        "expected_share": row.expected_share,
        "expected_value": row.expected_value,
        "projected": row.projected.isoformat() if row.projected else None,
        "periods_measured": row.periods_measured,
        "periods_missed": row.periods_missed,
    }


def render_json(report: StatusReport, lang: Language, *, color: bool, width: int) -> str:
    """Every row with its numbers; colour and width play no part."""
    document = {
        "version": OUTPUT_VERSION,
        "as_of": report.as_of.isoformat(),
        "sets": [
            {
                "id": block.agreements.id,
                "title": block.agreements.title,
                "period": {
                    "start": block.agreements.period.start.isoformat(),
                    "end": block.agreements.period.end.isoformat(),
                },
                "agreements": [_row_json(row) for row in block.rows],
                "by_theme": {key: dict(value) for key, value in block.by_theme().items()},
                "by_owner": {key: dict(value) for key, value in block.by_owner().items()},
            }
            for block in report.sets
        ],
    }
    return json_text(document)


class StatusFormat(Protocol):
    def __call__(self, report: StatusReport, lang: Language, *, color: bool, width: int) -> str: ...


STATUS_FORMATS: dict[str, StatusFormat] = {
    "text": render_text,
    "json": render_json,
    "md": render_markdown,
}
