"""The status of agreements as a terminal table, Markdown or JSON.

What the files say is shown, never acted on: control characters escaped on the terminal
(and no rich markup read in them), escaped for Markdown, exact in JSON as far as JSON can
be (``escape.json_text``).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from math import isfinite
from typing import TYPE_CHECKING, Any, Protocol

from prestatie_cli.messages import Language, number, text
from prestatie_cli.reporting.escape import json_text, visible
from prestatie_cli.reporting.markup import markdown_text

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.model.agreements import AgreementSet, Target
    from prestatie_cli.progress.calculation import Progress
    from prestatie_cli.progress.status import SetStatus, StatusReport
    from prestatie_cli.progress.statuses import Light

LIGHT_ORDER: tuple[Light, ...] = ("green", "orange", "red", "grey")
_STYLES: dict[Light, str] = {"green": "green", "orange": "yellow", "red": "red", "grey": "dim"}
_SYMBOLS = {"at_least": "≥ ", "at_most": "≤ ", "exactly": "= "}
OUTPUT_VERSION = 1


def goal_text(target: Target, lang: Language, value: float | None = None) -> str:
    """The target in words: '≥ 180 woningen', 'tussen 850 en 1.000 euro', '≤ inflatie min 0,5 procent'.

    ``value`` is the value that applies where it differs from the target's own (a
    value per year).
    """
    amount = target.value if value is None else value
    symbol = _SYMBOLS.get(target.comparison, "")
    if target.comparison == "between" and target.upper is not None:
        bounds = {"lower": number(amount, lang), "upper": number(target.upper, lang)}
        shown = text("value.range", lang, bounds)
    elif target.index is not None:
        key = "value.index-goal.minus" if amount < 0 else "value.index-goal.plus"
        shown = text(key, lang, {"index": target.index, "offset": number(abs(amount), lang)})
    else:
        shown = number(amount, lang)
    if target.approximate:
        shown = text("value.approximate", lang, {"value": shown})
    shown = f"{symbol}{shown} {target.unit or ''}".strip()
    if target.counting is not None:
        shown += f" ({text(f'report.counting.{target.counting}', lang)})"
    return shown


def _goal_of(row: Progress) -> float | None:
    """The target's value for the row: of its latest period, else of the as-of year."""
    target = row.agreement.target
    if target is None or target.recurring is None:
        return None
    if row.target_value is not None:
        return row.target_value
    return target.value_in(row.as_of.year)


def _added(value: float, index: float) -> float:
    """``value`` plus ``index``, exact in decimals: the measured value of an index target."""
    try:
        return float(Decimal(repr(value)) + Decimal(repr(index)))
    except (ArithmeticError, ValueError):
        return value + index


def value_cell(row: Progress, lang: Language) -> str:
    target = row.agreement.target
    if isinstance(row.current, bool):
        shown = text("value.done" if row.current else "value.not-done", lang)
        if row.periods_missed:
            periods = {"missed": str(row.periods_missed), "measured": str(row.periods_measured)}
            shown += f" ({text('value.periods', lang, periods)})"
        return shown
    if target is None:
        return "—"
    goal = goal_text(target, lang, _goal_of(row))
    if row.current is None:
        return f"— / {goal}"
    current = number(row.current, lang)
    if row.index_value is not None:
        measured = number(_added(row.current, row.index_value), lang)
        current = text(
            "value.with-index", lang, {"value": measured, "index": number(row.index_value, lang)}
        )
    shown = f"{current} / {goal}"
    if row.periods_missed:
        periods = {"missed": str(row.periods_missed), "measured": str(row.periods_measured)}
        shown += f" ({text('value.periods', lang, periods)})"
    return shown


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _then(sentence: str, note: str | None) -> str:
    """A sentence and the note that explains it, as written."""
    return f"{sentence}: {_one_line(note)}" if note and note.strip() else sentence


def notes(row: Progress, lang: Language) -> list[str]:
    """What the table cannot say about a row: where it applies, why it is not judged,
    what it adds up, which periods were missed."""
    agreement = row.agreement
    found: list[str] = []
    if agreement.scope:
        found.append(text("status.note.scope", lang, {"scope": _one_line(agreement.scope)}))
    if agreement.per_event:
        event = _one_line(agreement.per_event)
        found.append(text("status.note.per-event", lang, {"event": event}))
    if row.rolled_up_from:
        parts = ", ".join(row.rolled_up_from)
        found.append(text("status.note.rolled-up", lang, {"parts": parts}))
    if agreement.effective_from is not None:
        key = "status.note.not-yet" if row.status == "not_yet" else "status.note.effective-from"
        found.append(text(key, lang, {"date": agreement.effective_from.isoformat()}))
    if agreement.beyond_term and row.deadline is not None:
        found.append(text("status.note.beyond-term", lang, {"date": row.deadline.isoformat()}))
    if row.unmeasured and row.deadline is not None:
        found.append(text("status.note.unmeasured", lang, {"date": row.deadline.isoformat()}))
    found += _why(row, lang)
    target = agreement.target
    if target is not None and target.recurring is not None and target.per_year:
        years = "; ".join(
            f"{entry.year}: {number(entry.value, lang)}"
            for entry in sorted(target.per_year, key=lambda entry: entry.year)
        )
        found.append(
            text(
                "status.note.per-year", lang, {"years": years, "value": number(target.value, lang)}
            )
        )
    if target is not None and target.split:
        shares = ", ".join(
            f"{share.category} {number(share.share, lang)} %"
            + (f" ({number(share.value, lang)})" if share.value is not None else "")
            for share in target.split
        )
        found.append(text("status.note.split", lang, {"split": _one_line(shares)}))
    if target is not None and target.index is not None and row.unjudged:
        dates = ", ".join(day.isoformat() for day in row.unjudged)
        found.append(text("status.note.no-index", lang, {"index": target.index, "dates": dates}))
    if row.missed:
        periods = "; ".join(
            text("status.note.period", lang, {"start": start.isoformat(), "end": end.isoformat()})
            for start, end in row.missed
        )
        found.append(text("status.note.missed", lang, {"periods": periods}))
    return found


def _why(row: Progress, lang: Language) -> list[str]:
    """Why a row is not judged: a failed condition, a withdrawal, a request's answer."""
    agreement = row.agreement
    found: list[str] = []
    if row.condition is not None and row.condition_record is not None:
        record = row.condition_record
        key = "status.note.suspended" if row.status == "suspended" else "status.note.lapsed"
        sentence = text(
            key,
            lang,
            {"date": record.date.isoformat(), "condition": _one_line(row.condition.text)},
        )
        found.append(f"{sentence} {_one_line(record.note)}" if record.note else sentence)
    if row.withdrawal is not None:
        found.append(
            text(
                "status.note.withdrawn",
                lang,
                {
                    "date": row.withdrawal.date.isoformat(),
                    "reason": _one_line(row.withdrawal.reason),
                },
            )
        )
    if agreement.kind == "request":
        asked = ", ".join(agreement.asked) or "—"
        answer = agreement.answer
        if answer is None or answer.state == "open" or answer.date > row.as_of:
            found.append(text("status.note.request-open", lang, {"asked": asked}))
        else:
            key = f"status.note.request-{answer.state}"
            sentence = text(key, lang, {"asked": asked, "date": answer.date.isoformat()})
            found.append(_then(sentence, answer.note))
    return found


def owner_cell(row: Progress) -> str:
    """The owner as written: a party, a group, or several joined with ', '."""
    return ", ".join(row.agreement.owners) or "—"


def expected_cell(row: Progress, lang: Language) -> str:
    """Interpolated, so only roughly this exact: one decimal is plenty, and a target that
    counts things (homes) expects whole ones, as the report shows it."""
    if row.expected_value is None:
        return "—"
    from prestatie_cli.reporting.report_view import counts_things

    target = row.agreement.target
    whole = target is not None and counts_things(target) and isfinite(row.expected_value)
    return number(round(row.expected_value, None if whole else 1), lang)


def projected_cell(row: Progress, lang: Language) -> str:
    """The projected date, marked when it falls after the deadline (also when on track)."""
    if row.projected is not None:
        if row.projected_after_deadline:
            return text("projection.late", lang, {"date": row.projected.isoformat()})
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


# The columns of the terminal table, and the order in which they are left out when the
# terminal is too narrow for all of them: the least needed first. The id, title, value /
# target and status are always shown; below the width they need, each agreement is
# shown as a short block of lines instead.
COLUMNS = ("id", "title", "owner", "value", "measured", "expected", "status", "projected")
LEFT_OUT_FIRST = ("expected", "measured", "projected", "owner")
# The narrowest the columns that wrap may become: a title is still readable at 20.
_NARROWEST = {"title": 20, "value": 16, "status": 13, "owner": 14}
_WRAPPING = ("status", "title", "value", "owner")


def _cells(row: Progress, lang: Language) -> dict[str, str]:
    """The text of each column of a row, made visible."""
    return {
        column: visible(cell)
        for column, cell in (
            ("id", row.agreement.id),
            ("title", row.agreement.title),
            ("owner", owner_cell(row)),
            ("value", value_cell(row, lang)),
            ("measured", _day(row.measured_on)),
            ("expected", expected_cell(row, lang)),
            ("status", status_label(row, lang)),
            ("projected", projected_cell(row, lang)),
        )
    }


def _frame(count: int) -> int:
    """The width a table's borders and padding take: one space either side of each cell."""
    return 3 * count + 1


def column_widths(
    headers: dict[str, str], rows: list[dict[str, str]], width: int
) -> dict[str, int] | None:
    """The columns shown at ``width`` with their widths, in table order; None when even
    the id, title, value and status do not fit (each agreement is then a block of lines).

    A column that does not wrap is as wide as its widest cell; those that wrap get at
    least their narrowest, the status up to its widest label, then title and value share
    the rest three to two, and what they do not need goes to the owners. Columns are left out in the order of ``LEFT_OUT_FIRST``.
    """
    from rich.cells import cell_len

    # A header that wraps needs room for its longest word; one that does not, for itself.
    header = {
        column: max(map(cell_len, headers[column].split()), default=1)
        if column in _WRAPPING
        else cell_len(headers[column])
        for column in COLUMNS
    }
    widest = {
        column: max(header[column], *(cell_len(row[column]) for row in rows)) for column in COLUMNS
    }
    narrowest = {
        column: min(widest[column], max(_NARROWEST.get(column, widest[column]), header[column]))
        for column in COLUMNS
    }
    shown = list(COLUMNS)
    for column in (None, *LEFT_OUT_FIRST):
        if column is not None:
            shown.remove(column)
        if sum(narrowest[c] for c in shown) + _frame(len(shown)) <= width:
            break
    else:
        return None
    widths = {column: narrowest[column] for column in shown}
    spare = width - sum(widths.values()) - _frame(len(shown))
    grow = min(spare, widest["status"] - widths["status"])
    widths["status"] += grow
    spare -= grow
    title_room = widest["title"] - widths["title"]
    value_room = widest["value"] - widths["value"]
    title_grow = min(title_room, spare * 3 // 5)
    value_grow = min(value_room, spare - title_grow)
    title_grow = min(title_room, spare - value_grow)
    widths["title"] += title_grow
    widths["value"] += value_grow
    if "owner" in widths:  # several owners wrap, one to a line where they must
        widths["owner"] += min(spare - title_grow - value_grow, widest["owner"] - widths["owner"])
    return widths


def render_text(report: StatusReport, lang: Language, *, color: bool, width: int) -> str:
    """Rich tables, one per set; the status is always spelled out, colour only adds to it.

    On a narrow terminal the least needed columns are left out (``LEFT_OUT_FIRST``), and
    said so under the table; narrower still, each agreement is a block of lines, which
    shows every field that has a value.
    """
    return "".join(stream_text(report, lang, color=color, width=width))


def stream_text(report: StatusReport, lang: Language, *, color: bool, width: int) -> Iterator[str]:
    """``render_text`` a set at a time: a country's tables are never one string."""
    # Imported here: only this format draws tables, and start-up does not pay for rich.
    from rich.console import Console
    from rich.padding import Padding
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
    headers = {column: text(f"column.{column}", lang) for column in COLUMNS}
    for block in report.sets:
        console.print(Text(visible(_heading(block, report, lang)), style="bold"))
        if not block.rows:
            console.print(text("ui.status.none", lang))
            console.print()
            continue
        cells = [_cells(row, lang) for row in block.rows]
        widths = column_widths(headers, cells, width)
        if widths is None:
            for row, shown in zip(block.rows, cells, strict=True):
                first = Text(shown["id"], style="bold")
                first.append("  ")
                first.append(shown["status"], style=_STYLES[row.light])
                console.print(first)
                for column in ("title", "value"):
                    console.print(
                        Padding(Text(shown[column]), (0, 0, 0, 2), expand=False), overflow="fold"
                    )
                # A block has room for the rest, each on a line of its own with its name.
                for column in ("owner", "measured", "expected", "projected"):
                    if shown[column] != "—":
                        labelled = Text(f"{headers[column]}: {shown[column]}")
                        console.print(
                            Padding(labelled, (0, 0, 0, 2), expand=False), overflow="fold"
                        )
            left_out = []
        else:
            table = Table(show_lines=False, header_style="bold", expand=False)
            for column, column_width in widths.items():
                table.add_column(
                    headers[column],
                    overflow="fold",
                    no_wrap=column not in _WRAPPING,
                    width=column_width,
                )
            for row, shown in zip(block.rows, cells, strict=True):
                # Text, not str: rich would read '[link=…]' or '[/]' in a title as markup.
                table.add_row(
                    *(
                        Text(shown[column], style=_STYLES[row.light])
                        if column == "status"
                        else Text(shown[column])
                        for column in widths
                    )
                )
            console.print(table)
            left_out = [column for column in COLUMNS if column not in widths]
        if left_out:
            named = ", ".join(headers[column] for column in left_out)
            said = text("ui.status.left-out", lang, {"width": str(width), "columns": named})
            console.print(Text(said, style="dim"))
        explained = _explained(block, lang)
        if explained:
            console.print(Text(text("ui.status.notes", lang), style="bold"))
            for line in explained:
                console.print(Text(f"  {visible(line)}"))
        for heading, counts in (
            ("ui.status.by-theme", block.by_theme()),
            ("ui.status.by-owner", block.by_owner()),
        ):
            console.print(Text(text(heading, lang), style="bold"))
            for key, tally in counts.items():
                console.print(Text(f"  {visible(key)}: {_tally_line(tally, lang)}"))
        console.print()
        yield from _emptied(buffer)
    yield from _emptied(buffer)


def _emptied(buffer: io.StringIO) -> Iterator[str]:
    """What the console wrote so far, if anything; the buffer is emptied for the next set."""
    written = buffer.getvalue()
    if written:
        buffer.seek(0)
        buffer.truncate()
        yield written


def _explained(block: SetStatus, lang: Language) -> list[str]:
    """One line per row that has notes: its id, then its notes."""
    return [
        f"{row.agreement.id}: {'; '.join(found)}"
        for row in block.rows
        if (found := notes(row, lang))
    ]


def _cell(value: str) -> str:
    """Markdown table cell text: markup, HTML, pipes and line breaks are shown, not read."""
    return markdown_text(value)


def render_markdown(report: StatusReport, lang: Language, *, color: bool, width: int) -> str:
    """A table per set; colour and width are the reader's (Markdown has neither)."""
    return "".join(stream_markdown(report, lang, color=color, width=width))


def stream_markdown(
    report: StatusReport, lang: Language, *, color: bool, width: int
) -> Iterator[str]:
    """``render_markdown`` a set at a time, its lines joined by line breaks."""
    for index, block in enumerate(report.sets):
        yield ("\n" if index else "") + "\n".join(_markdown_set(block, report, lang))


def _markdown_set(block: SetStatus, report: StatusReport, lang: Language) -> list[str]:
    """The lines of one set's heading, table, notes and tallies."""
    lines: list[str] = []
    lines += [f"## {_cell(_heading(block, report, lang))}", ""]
    if not block.rows:
        lines += [text("ui.status.none", lang), ""]
        return lines
    lines.append("| " + " | ".join(text(f"column.{c}", lang) for c in COLUMNS) + " |")
    lines.append("|" + "---|" * len(COLUMNS))
    for row in block.rows:
        cells = (
            _cell(row.agreement.id),
            _cell(row.agreement.title),
            _cell(owner_cell(row)),
            _cell(value_cell(row, lang)),
            _day(row.measured_on),
            expected_cell(row, lang),
            f"**{status_label(row, lang)}**",
            projected_cell(row, lang),
        )
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    explained = _explained(block, lang)
    if explained:
        lines += [f"**{text('ui.status.notes', lang)}**", ""]
        lines += [f"- {_cell(line)}" for line in explained]
        lines.append("")
    for heading, counts in (
        ("ui.status.by-theme", block.by_theme()),
        ("ui.status.by-owner", block.by_owner()),
    ):
        lines += [f"**{text(heading, lang)}**", ""]
        lines += [f"- {_cell(key)}: {_tally_line(tally, lang)}" for key, tally in counts.items()]
        lines.append("")
    return lines


def _target_json(row: Progress) -> dict[str, Any] | None:
    """The target as numbers; what only some targets have only where they have it."""
    target = row.agreement.target
    if target is None:
        return None
    found: dict[str, Any] = {
        "value": target.value,
        "unit": target.unit,
        "comparison": target.comparison,
    }
    if target.upper is not None:
        found["upper"] = target.upper
    if target.index is not None:
        found["index"] = target.index
    if target.approximate:
        found["approximate"] = True
    if target.counting is not None:
        found["counting"] = target.counting
    if target.recurring is not None:
        found["recurring"] = target.recurring
    if target.per_year:
        found["per_year"] = {str(entry.year): entry.value for entry in target.per_year}
    if target.split:
        found["split"] = [
            {"category": share.category, "share": share.share, "value": share.value}
            for share in target.split
        ]
    return found


def _names(agreements: AgreementSet) -> dict[str, str]:
    """The name of every party and group of a set, by id."""
    names = {party.id: party.name for party in agreements.parties}
    names.update({group.id: group.name for group in agreements.groups})
    return names


def _why_json(row: Progress) -> dict[str, Any]:
    """The condition, withdrawal and request behind a status, each None where there is none."""
    agreement = row.agreement
    condition = None
    if row.condition is not None and row.condition_record is not None:
        record = row.condition_record
        condition = {
            "id": row.condition.id,
            "text": row.condition.text,
            "kind": row.condition.kind,
            "by": row.condition.by,
            "state": record.state,
            "date": record.date.isoformat(),
            "source": record.source,
            "note": record.note,
        }
    withdrawal = None
    if row.withdrawal is not None:
        withdrawal = {
            "date": row.withdrawal.date.isoformat(),
            "reason": row.withdrawal.reason,
            "summary": row.withdrawal.summary,
        }
    request = None
    if agreement.kind == "request":
        answer = agreement.answer
        answered = answer is not None and answer.date <= row.as_of
        request = {
            "addressed_to": list(agreement.asked),
            "state": answer.state if answer is not None and answered else "open",
            "date": answer.date.isoformat() if answer is not None and answered else None,
            "note": answer.note if answer is not None and answered else None,
        }
    return {"condition": condition, "withdrawal": withdrawal, "request": request}


def _row_json(row: Progress, names: dict[str, str]) -> dict[str, Any]:
    agreement = row.agreement
    return {
        "id": agreement.id,
        "title": agreement.title,
        "theme": agreement.theme,
        "kind": agreement.kind,
        "owner": agreement.owner,
        "contributors": list(agreement.contributors),
        "deadline": _day(agreement.deadline) if agreement.deadline else None,
        "status": row.status,
        "light": row.light,
        "unmeasured": row.unmeasured,
        "current": row.current,
        "measured_on": row.measured_on.isoformat() if row.measured_on else None,
        "target": _target_json(row),
        "share": row.share,
        "expected_share": row.expected_share,
        "expected_value": row.expected_value,
        "projected": row.projected.isoformat() if row.projected else None,
        "projected_after_deadline": row.projected_after_deadline,
        "periods_measured": row.periods_measured,
        "periods_missed": row.periods_missed,
        "owners": list(agreement.owners),
        "owner_names": [names.get(owner, owner) for owner in agreement.owners],
        "owed_by": list(row.owed_by),
        "scope": agreement.scope,
        "per_event": agreement.per_event,
        "parent": agreement.parent,
        "effective_from": _day(agreement.effective_from) if agreement.effective_from else None,
        "due": _day(row.deadline) if row.deadline else None,
        "target_value": row.target_value,
        "index_value": row.index_value,
        "unjudged": [day.isoformat() for day in row.unjudged],
        "missed_periods": [
            {"start": start.isoformat(), "end": end.isoformat()} for start, end in row.missed
        ],
        "rolled_up_from": list(row.rolled_up_from),
        **_why_json(row),
    }


def render_json(report: StatusReport, lang: Language, *, color: bool, width: int) -> str:
    """Every row with its numbers; colour and width play no part."""
    return "".join(stream_json(report, lang, color=color, width=width))


def stream_json(report: StatusReport, lang: Language, *, color: bool, width: int) -> Iterator[str]:
    """``render_json`` a set at a time: the same text, but a country's document is never
    held whole (as values or as one string)."""
    head = {"version": OUTPUT_VERSION, "as_of": report.as_of.isoformat()}
    yield "{\n" + "".join(
        f'  "{key}": {json_text(value).rstrip()},\n' for key, value in head.items()
    )
    yield '  "sets": ['
    for index, block in enumerate(report.sets):
        # Each set as json_text writes it, moved in to where it stands in the document.
        shown = json_text(_set_json(block)).rstrip("\n").replace("\n", "\n    ")
        yield ("," if index else "") + "\n    " + shown
    yield "\n  ]\n}\n" if report.sets else "]\n}\n"


def _set_json(block: SetStatus) -> dict[str, Any]:
    """One set of the status document, with every row."""
    names = _names(block.agreements)
    return {
        "id": block.agreements.id,
        "title": block.agreements.title,
        "period": {
            "start": block.agreements.period.start.isoformat(),
            "end": block.agreements.period.end.isoformat(),
        },
        "agreements": [_row_json(row, names) for row in block.rows],
        "by_theme": {key: dict(value) for key, value in block.by_theme().items()},
        "by_owner": {key: dict(value) for key, value in block.by_owner().items()},
    }


class StatusFormat(Protocol):
    def __call__(
        self, report: StatusReport, lang: Language, *, color: bool, width: int
    ) -> Iterator[str]: ...


# Each format in pieces, a set at a time; render_text, render_json and render_markdown
# give the same text whole.
STATUS_FORMATS: dict[str, StatusFormat] = {
    "text": stream_text,
    "json": stream_json,
    "md": stream_markdown,
}
