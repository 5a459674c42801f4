"""A semantic diff as text, Markdown or JSON.

Values from the files and revision names are escaped for each: control characters shown
in text, markup shown in Markdown, exact in JSON as far as JSON can be.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from prestatie_cli.messages import Language, number, text, written_date
from prestatie_cli.reporting.escape import json_text, visible
from prestatie_cli.reporting.markup import markdown_text

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.versions.diff import AgreementChange, Diff, FieldChange, SetDiff

OUTPUT_VERSION = 1
_MARKS = {"added": "+", "removed": "-", "withdrawn": "-", "renamed": ">", "changed": "~"}


_SYMBOLS = {"at_least": "≥ ", "at_most": "≤ ", "exactly": "= "}


def _value(value: Any, lang: Language, field: str = "") -> str:
    """A value in words: a number as people write it, a list joined, an item of a list
    (an amendment, an answer, a condition, a party) as a sentence; never raw JSON.

    ``field`` is the changed field (``amendments[2026-11-20]``): it says what an item is.
    """
    if value is None or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(value, lang)
    if isinstance(value, dict):
        kind = re.sub(r"\[[^\]]*\]", "", field)
        render = _ITEMS.get(kind)
        if kind == "signatures" and field != kind:
            render = _signed_item  # the party is in the field's name already
        if render is not None:
            try:
                return render(value, lang)
            except (KeyError, TypeError, ValueError):  # not the shape it has in the files
                pass
        return "; ".join(
            f"{key}: {_value(item, lang)}" for key, item in value.items() if item not in _EMPTY
        )
    if isinstance(value, str) and field.rsplit(".", 1)[-1] in _DATE_FIELDS:
        try:
            return _day(value, lang)
        except ValueError:  # not a date as the files write it
            return value
    if isinstance(value, list):
        # Owners, members, ids joined with commas; items that are sentences with semicolons.
        joint = "; " if any(isinstance(item, dict) for item in value) else ", "
        return joint.join(_value(item, lang, field) for item in value)
    return str(value)


_EMPTY: tuple[Any, ...] = (None, [], "", {})
# Fields whose value is a date: written as people write one ('31 december 2027'), as the
# items of a list are; JSON keeps the date as the files write it.
_DATE_FIELDS = ("deadline", "effective_from", "term", "date", "joined", "left", "until")


def _flat(value: Any) -> str:
    return " ".join(str(value or "").split())


def _day(value: str, lang: Language) -> str:
    """A date from the files ('2026-11-20') as a sentence writes it: '20 november 2026'."""
    return written_date(date.fromisoformat(value), lang)


def _noted(shown: str, note: Any) -> str:
    return f"{shown} ({_flat(note)})" if note else shown


def _amendment_item(item: dict[str, Any], lang: Language) -> str:
    """'wijziging van 20 november 2026: reason; ingetrokken: A-13 (akkoord: a, b)'."""
    parts = [
        text(
            "diff.value.amendment",
            lang,
            {"date": _day(item["date"], lang), "reason": _flat(item["reason"])},
        )
    ]
    if item.get("summary"):
        parts[0] += f" ({_flat(item['summary'])})"
    if item.get("withdraws"):
        parts.append(text("report.withdraws", lang, {"ids": ", ".join(item["withdraws"])}))
    if item.get("extends_to"):
        parts.append(text("report.extends", lang, {"date": _day(item["extends_to"], lang)}))
    shown = "; ".join(parts)
    if item.get("agreed_by"):
        shown += f" ({text('report.agreed-by', lang)}: {', '.join(item['agreed_by'])})"
    return shown


def _answer_item(item: dict[str, Any], lang: Language) -> str:
    """'verzoek aanvaard op 1 november 2026 (Collegebesluit)'."""
    shown = text(f"diff.value.answer.{item['state']}", lang, {"date": _day(item["date"], lang)})
    return _noted(shown, item.get("note"))


def _condition_item(item: dict[str, Any], lang: Language) -> str:
    """'goedkeuring door Raad van Commissarissen: Goedkeuring van de investering.'."""
    kind = text(f"report.condition.{item.get('kind') or 'other'}", lang)
    if item.get("by"):
        kind = text("report.condition.by", lang, {"kind": kind, "by": _flat(item["by"])})
    return f"{kind}: {_flat(item['text'])}"


def _dated_item(item: dict[str, Any], lang: Language) -> str:
    """A milestone or a baseline: '400 op 31 december 2027'."""
    params = {"value": number(item["value"], lang), "date": _day(item["date"], lang)}
    return _noted(text("diff.value.dated", lang, params), item.get("note"))


def _year_item(item: dict[str, Any], lang: Language) -> str:
    return _noted(f"{item['year']}: {number(item['value'], lang)}", item.get("note"))


def _share_item(item: dict[str, Any], lang: Language) -> str:
    shown = f"{_flat(item['category'])} {number(item['share'], lang)} %"
    return _noted(shown, number(item["value"], lang) if item.get("value") is not None else None)


def _target_item(item: dict[str, Any], lang: Language) -> str:
    """'netto toevoeging sociale huurwoningen: ≥ 600 woningen'."""
    value = number(item["value"], lang)
    if item.get("comparison") == "between" and item.get("upper") is not None:
        goal = text("value.range", lang, {"lower": value, "upper": number(item["upper"], lang)})
    else:
        goal = _SYMBOLS.get(item.get("comparison") or "", "") + value
    return f"{_flat(item['metric'])}: {goal} {_flat(item.get('unit'))}".strip()


def _party_item(item: dict[str, Any], lang: Language) -> str:
    """'Polderoever Wonen (woningcorporatie; partij per 1 juli 2026)'."""
    about = [text(f"report.role.{item['role']}", lang)]
    if item.get("joined"):
        about.append(text("report.party.joined", lang, {"date": _day(item["joined"], lang)}))
    if item.get("left"):
        day = _day(item["left"], lang)
        if item.get("successor"):
            params = {"successor": item["successor"], "date": day}
            about.append(text("report.party.merged", lang, params))
        else:
            about.append(text("report.party.left", lang, {"date": day}))
    if item.get("note"):
        about.append(_flat(item["note"]))
    return f"{_flat(item['name'])} ({'; '.join(about)})"


def _group_item(item: dict[str, Any], lang: Language) -> str:
    """'Samenwerkende Corporaties: corp-a, corp-b'."""
    members = item["members"]
    shown = ", ".join(members) if isinstance(members, list) else str(members)
    return _noted(f"{_flat(item['name'])}: {shown}", item.get("note"))


def _bid_item(item: dict[str, Any], lang: Language) -> str:
    params = {"party": item["party"], "date": _day(item["date"], lang)}
    return _noted(text("report.bid", lang, params), item.get("note"))


def _waiver_item(item: dict[str, Any], lang: Language) -> str:
    shown = f"{item['rule']}: {_flat(item['reason'])}"
    if item.get("until"):
        shown += f" ({text('diff.value.until', lang, {'date': _day(item['until'], lang)})})"
    return shown


def _period_item(item: dict[str, Any], lang: Language) -> str:
    return text("status.note.period", lang, {"start": item["start"], "end": item["end"]})


def _signature_item(item: dict[str, Any], lang: Language) -> str:
    params = {"party": item["party"], "name": _flat(item["name"]), "date": _day(item["date"], lang)}
    return text("diff.value.signature", lang, params)


def _signed_item(item: dict[str, Any], lang: Language) -> str:
    params = {"name": _flat(item["name"]), "date": _day(item["date"], lang)}
    return text("diff.value.signed", lang, params)


_ITEMS: dict[str, Callable[[dict[str, Any], Language], str]] = {
    "amendments": _amendment_item,
    "answer": _answer_item,
    "conditions": _condition_item,
    "milestones": _dated_item,
    "target.baseline": _dated_item,
    "target.per_year": _year_item,
    "target.split": _share_item,
    "target": _target_item,
    "parties": _party_item,
    "groups": _group_item,
    "bids": _bid_item,
    "waivers": _waiver_item,
    "period": _period_item,
    "signatures": _signature_item,
}


def field_line(change: FieldChange, lang: Language, markdown: bool = False) -> str:
    """One changed field: ``target.value: 180 → 200 (raised by 20)``, words marked for text.

    Every value from the YAML is escaped here, around the markup added: for Markdown its
    markup, for text its control characters.
    """
    shown = markdown_text if markdown else visible
    if change.words:
        parts = []
        for run in change.words:
            words = shown(run.text)
            if run.op == "equal":
                parts.append(words)
            elif markdown:
                parts.append(f"~~{words}~~" if run.op == "delete" else f"**{words}**")
            else:
                parts.append(f"[-{words}-]" if run.op == "delete" else f"{{+{words}+}}")
        return f"{shown(change.field)}: {' '.join(parts)}"
    if change.field == "status":
        old, new = (text(f"status.{value}", lang) for value in (change.old, change.new))
        return f"{change.field}: {old} → {new}"
    line = (
        f"{shown(change.field)}: {shown(_value(change.old, lang, change.field))} → "
        f"{shown(_value(change.new, lang, change.field))}"
    )
    notes = []
    if change.direction:
        amount = number(change.amount or 0, lang)
        notes.append(text(f"diff.{change.direction}", lang, {"amount": amount}))
    if change.reason:
        notes.append(text("diff.reason", lang, {"reason": shown(change.reason)}))
    if notes:
        line += f" ({'; '.join(notes)})"
    return line


def _agreement_line(
    change: AgreementChange, lang: Language, shown: Callable[[str], str] = visible
) -> str:
    params = {"old_id": shown(change.old_id or "")}
    if change.withdrawn is not None:
        params["date"] = written_date(change.withdrawn.date, lang)
        params["reason"] = shown(change.withdrawn.reason)
    label = text(f"diff.agreement.{change.kind}", lang, params)
    agreement = shown(change.id)
    if change.kind == "renamed" and change.old_id:
        # 'BS-05 → BS-06 Title (hernoemd)', then what else changed, field by field.
        agreement = f"{shown(change.old_id)} → {agreement}"
    return f"{_MARKS[change.kind]} {agreement} {shown(change.title)} ({label})"


def _set_heading(item: SetDiff, lang: Language) -> str:
    return text(f"diff.set.{item.kind}", lang, {"id": item.id, "path": item.path})


def render_text(diff: Diff, lang: Language) -> str:
    lines = [visible(text("diff.heading", lang, {"old": diff.old, "new": diff.new}))]
    shown = [item for item in diff.sets if not item.empty or item.agreements]
    if not shown:
        lines.append(text("diff.none", lang))
    for item in shown:
        lines.append(visible(_set_heading(item, lang)))
        lines += [f"    {field_line(change, lang)}" for change in item.fields]
        for change in item.agreements:
            lines.append(f"  {_agreement_line(change, lang)}")
            lines += [f"      {field_line(field, lang)}" for field in change.fields]
    return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    return markdown_text(value)


def render_markdown(diff: Diff, lang: Language) -> str:
    lines = [f"### {_escape(text('diff.heading', lang, {'old': diff.old, 'new': diff.new}))}", ""]
    shown = [item for item in diff.sets if not item.empty or item.agreements]
    if not shown:
        lines.append(text("diff.none", lang))
    for item in shown:
        lines += [f"**{_escape(_set_heading(item, lang))}**", ""]
        lines += [f"- {field_line(change, lang, True)}" for change in item.fields]
        for change in item.agreements:
            lines.append(f"- `{_MARKS[change.kind]}` {_agreement_line(change, lang, _escape)[2:]}")
            lines += [f"  - {field_line(field, lang, True)}" for field in change.fields]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _set_json(item: SetDiff) -> dict[str, Any]:
    """A set's changes as values; a renamed agreement also says from which id to which."""
    document = asdict(item)
    for change in document["agreements"]:
        if change["kind"] == "renamed":
            change["from"], change["to"] = change["old_id"], change["id"]
    return document


def render_json(diff: Diff, lang: Language) -> str:
    document = {
        "version": OUTPUT_VERSION,
        "old": diff.old,
        "new": diff.new,
        "changed": not diff.empty,
        "sets": [_set_json(item) for item in diff.sets if not item.empty or item.agreements],
    }
    return json_text(document, default=str)


DIFF_FORMATS: dict[str, Callable[[Diff, Language], str]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
}
