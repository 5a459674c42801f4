"""A semantic diff as text, Markdown or JSON.

Values from the files and revision names are escaped for each: control characters shown
in text, markup shown in Markdown, exact in JSON as far as JSON can be.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from prestatie_cli.messages import Language, number, text, written_date
from prestatie_cli.reporting.escape import json_text, visible
from prestatie_cli.reporting.markup import markdown_text

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.versions.diff import AgreementChange, Diff, FieldChange, SetDiff

OUTPUT_VERSION = 1
_MARKS = {"added": "+", "removed": "-", "withdrawn": "-", "renamed": ">", "changed": "~"}


def _value(value: Any, lang: Language) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(value, lang)
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return ", ".join(value)  # several owners, members, ids
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


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
        f"{shown(change.field)}: {shown(_value(change.old, lang))} → "
        f"{shown(_value(change.new, lang))}"
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
    return f"{_MARKS[change.kind]} {shown(change.id)} {shown(change.title)} ({label})"


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


def render_json(diff: Diff, lang: Language) -> str:
    document = {
        "version": OUTPUT_VERSION,
        "old": diff.old,
        "new": diff.new,
        "changed": not diff.empty,
        "sets": [asdict(item) for item in diff.sets if not item.empty or item.agreements],
    }
    return json_text(document, default=str)


DIFF_FORMATS: dict[str, Callable[[Diff, Language], str]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
}
