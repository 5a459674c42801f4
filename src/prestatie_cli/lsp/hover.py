"""Hover: what a field means, what a rule checks, who a party is, what an agreement says."""

from __future__ import annotations

import re
from typing import Any

from lsprotocol import types

from prestatie_cli.lsp.names import AGREEMENT_KEYS, PARTY_KEYS
from prestatie_cli.lsp.place import ITEM, key_at, place
from prestatie_cli.lsp.schema import field_at, schema
from prestatie_cli.lsp.scope import Scope
from prestatie_cli.lsp.text import span_range, word_at
from prestatie_cli.messages import Language, text
from prestatie_cli.rules import REGISTRY

_CODE = re.compile(r"[A-Z][0-9]{3}")


def hover(
    lines: list[str], line: int, index: int, kind: str, scope: Scope, lang: Language
) -> types.Hover | None:
    """What the word at character ``index`` of ``line`` is, in a few lines of Markdown."""
    on_key = key_at(lines, line, index)
    current = lines[line] if 0 <= line < len(lines) else ""
    word = word_at(current, index)
    if word is None:
        return None
    start, end, name = word
    shown: str | None = None
    if on_key is not None and kind:
        path, key = on_key
        field = field_at(schema(kind, lang), (*path, key))
        if field is not None and (field.markdown or field.description):
            shown = f"**{key}**\n\n{field.markdown or field.description}"
    elif _CODE.fullmatch(name) and name in REGISTRY:
        shown = rule_text(name, lang)
    else:
        shown = _named(name, _context(lines, line, index), scope, lang)
    if shown is None:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=shown),
        range=span_range(lines, line, start, end),
    )


def rule_text(code: str, lang: Language) -> str:
    """A rule as ``prestatie rules CODE`` shows it: code, name, severity, title, rationale."""
    rule = REGISTRY[code]
    severity = text(f"report.severity.{rule.severity}", lang)
    return (
        f"**{code}** {rule.name} ({text('lsp.hover.severity', lang)}: {severity})\n\n"
        f"{text(f'{code}.title', lang)}. {text(f'{code}.rationale', lang)}"
    )


def _context(lines: list[str], line: int, index: int) -> str:
    """What the value under the cursor names: 'party', 'agreement' or '' (unknown)."""
    where = place(lines, line, index)
    key = where.key
    if key == "id" and where.path[:1] in (("parties",), ("groups",)) and where.path[1:] == (ITEM,):
        return "party"
    if key == "id" and where.path == ("agreements", ITEM):
        return "agreement"
    if key in PARTY_KEYS:
        return "party"
    if key in AGREEMENT_KEYS:
        return "agreement"
    return ""


def _named(name: str, context: str, scope: Scope, lang: Language) -> str | None:
    if context != "party" and name in scope.agreements:
        return _agreement(name, scope.agreements[name], lang)
    if context != "agreement" and name in scope.parties:
        item = scope.parties[name]
        role = item.get("role")
        suffix = f" ({role})" if isinstance(role, str) else ""
        return f"**{name}**: {text('lsp.hover.party', lang)} {_plain(item.get('name'))}{suffix}"
    if context != "agreement" and name in scope.groups:
        item = scope.groups[name]
        members = item.get("members")
        listed = ", ".join(map(str, members)) if isinstance(members, list) else _plain(members)
        return (
            f"**{name}**: {text('lsp.hover.group', lang)} {_plain(item.get('name'))}"
            f" ({text('lsp.hover.members', lang)}: {listed})"
        )
    return None


def _agreement(name: str, item: dict[str, Any], lang: Language) -> str:
    owner = item.get("owner")
    owners = ", ".join(map(str, owner)) if isinstance(owner, list) else _plain(owner)
    deadline = item.get("deadline")
    parts = [f"**{name}**: {text('lsp.hover.agreement', lang)} {_plain(item.get('title'))}"]
    details = []
    if owners:
        details.append(f"{text('lsp.hover.owner', lang)}: {owners}")
    if deadline is not None:
        details.append(f"{text('lsp.hover.deadline', lang)}: {_plain(deadline)}")
    if details:
        parts.append(" · ".join(details))
    return "\n\n".join(parts)


def _plain(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
