"""The history of one agreement as text, Markdown or JSON, newest commit first.

Commit messages and authors are as hostile as the files: escaped like their values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from prestatie_cli.messages import Language, text, written_date
from prestatie_cli.reporting.diff_formats import field_line
from prestatie_cli.reporting.escape import json_text, visible
from prestatie_cli.reporting.markup import markdown_text

if TYPE_CHECKING:  # types only: the command line imports the registries on every run
    from prestatie_cli.model.agreements import Amendment, SetAmendment
    from prestatie_cli.versions.history import AgreementHistory, HistoryEntry

OUTPUT_VERSION = 1


def _amendment(amendment: Amendment, lang: Language, shown: Callable[[str], str]) -> str:
    return text(
        "log.amendment",
        lang,
        {
            "date": amendment.date.isoformat(),
            "reason": shown(" ".join(amendment.reason.split())),
            "agreed_by": shown(", ".join(amendment.agreed_by)),
        },
    )


def _event(entry: HistoryEntry, lang: Language, shown: Callable[[str], str]) -> str:
    """'aangemaakt', 'verwijderd', 'hernoemd van BS-05', 'ingetrokken op 1 september 2026: reason (akkoord: ...)',
    or 'aangemaakt; ingetrokken op ...' for an agreement withdrawn in its first version."""
    # 'hernoemd van BS-05' in the history of BS-06, 'hernoemd naar BS-06' in that of BS-05.
    if entry.event == "renamed":
        return text("log.renamed-from", lang, {"id": shown(entry.renamed_from or "")})
    if entry.event == "renamed_away":
        return text("log.renamed-to", lang, {"id": shown(entry.renamed_to or "")})
    withdrawal: SetAmendment | None = entry.withdrawal
    if entry.event not in ("withdrawn", "created") or withdrawal is None:
        return text(f"log.{entry.event}", lang)
    params = {
        "date": written_date(withdrawal.date, lang),
        "reason": shown(" ".join(withdrawal.reason.split())),
        "agreed_by": shown(", ".join(withdrawal.agreed_by)),
    }
    withdrawn = text("log.withdrawn", lang, params)
    if entry.event == "created":
        return f"{text('log.created', lang)}; {withdrawn}"
    return withdrawn


def _lines(history: AgreementHistory, lang: Language, markdown: bool) -> list[str]:
    """Text and Markdown say the same: a heading, then per commit its head and changes."""
    shown = markdown_text if markdown else visible
    heading = text(
        "log.heading", lang, {"id": shown(history.agreement), "count": str(len(history.entries))}
    )
    lines = [f"### {heading}", ""] if markdown else [heading]
    prefix = "  - " if markdown else "    "
    for entry in reversed(history.entries):
        commit = entry.commit
        head = (
            f"{commit.short} {commit.date.date().isoformat()} "
            f"{shown(commit.author)}: {shown(commit.subject)}"
        )
        lines.append(f"- **{head}**" if markdown else head)
        if entry.event != "changed":
            lines.append(prefix + _event(entry, lang, shown))
        lines += [prefix + field_line(change, lang, markdown) for change in entry.fields]
        lines += [prefix + _amendment(amendment, lang, shown) for amendment in entry.amendments]
    return lines


def render_text(history: AgreementHistory, lang: Language) -> str:
    return "\n".join(_lines(history, lang, markdown=False)) + "\n"


def render_markdown(history: AgreementHistory, lang: Language) -> str:
    return "\n".join(_lines(history, lang, markdown=True)) + "\n"


def render_json(history: AgreementHistory, lang: Language) -> str:
    document: dict[str, Any] = {
        "version": OUTPUT_VERSION,
        "agreement": history.agreement,
        "commits": [
            {
                "commit": entry.commit.sha,
                "date": entry.commit.date.isoformat(),
                "author": entry.commit.author,
                "message": entry.commit.subject,
                "event": entry.event,
                "renamed": (
                    {"from": entry.renamed_from, "to": entry.renamed_to}
                    if entry.renamed_from
                    else None
                ),
                "changes": [asdict(change) for change in entry.fields],
                "amendments": [a.model_dump(mode="json") for a in entry.amendments],
                "withdrawn": (
                    entry.withdrawal.model_dump(mode="json") if entry.withdrawal else None
                ),
            }
            for entry in reversed(history.entries)
        ],
    }
    return json_text(document, default=str)


LOG_FORMATS: dict[str, Callable[[AgreementHistory, Language], str]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
}
