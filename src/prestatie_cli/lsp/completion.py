"""Completion: the fields a mapping may hold (with what each means), and the values a
field takes: the ids of parties, groups, agreements and sets, themes, rule codes and the
words of an enumeration."""

from __future__ import annotations

from lsprotocol import types

from prestatie_cli.lsp.names import AGREEMENT_KEYS, PARTY_KEYS
from prestatie_cli.lsp.place import Place, place
from prestatie_cli.lsp.schema import fields, node_at, schema, values
from prestatie_cli.lsp.scope import Scope
from prestatie_cli.lsp.text import span_range
from prestatie_cli.messages import Language, text
from prestatie_cli.rules import REGISTRY

_VALUE = types.CompletionItemKind.Value
_FIELD = types.CompletionItemKind.Field


def complete(
    lines: list[str], line: int, index: int, kind: str, scope: Scope, lang: Language
) -> list[types.CompletionItem]:
    """What may be written at character ``index`` of ``line`` of a file of ``kind``."""
    if not kind:
        return []
    where = place(lines, line, index)
    edit = span_range(lines, line, where.start, index)
    root = schema(kind, lang)
    if where.key is None:
        if kind == "config" and where.path == ("rules",):
            return _rules(edit, lang, suffix=": ")
        return [
            types.CompletionItem(
                label=field.name,
                kind=_FIELD,
                detail=field.description or None,
                documentation=_markdown(field.markdown or field.description),
                text_edit=types.TextEdit(edit, f"{field.name}: "),
            )
            for field in fields(root, where.path)
        ]
    if where.key == "rule":
        return _rules(edit, lang)
    found = _ids(where, scope, lang)
    if found is None:
        listed = values(root, node_at(root, where.value_path))
        found = [(value, meaning or None, _VALUE) for value, meaning in listed]
    return [
        types.CompletionItem(
            label=label, kind=item_kind, detail=detail, text_edit=types.TextEdit(edit, label)
        )
        for label, detail, item_kind in found
    ]


def _markdown(value: str) -> types.MarkupContent | None:
    if not value:
        return None
    return types.MarkupContent(kind=types.MarkupKind.Markdown, value=value)


def _rules(edit: types.Range, lang: Language, suffix: str = "") -> list[types.CompletionItem]:
    return [
        types.CompletionItem(
            label=code,
            kind=types.CompletionItemKind.EnumMember,
            detail=text(f"{code}.title", lang),
            text_edit=types.TextEdit(edit, code + suffix),
        )
        for code in REGISTRY
    ]


Found = list[tuple[str, str | None, types.CompletionItemKind]]


def _ids(where: Place, scope: Scope, lang: Language) -> Found | None:
    """The ids the field at ``where`` names, each with what it is; None for other fields."""
    key = where.key
    reference = types.CompletionItemKind.Reference
    if key in PARTY_KEYS and where.path[:1] != ("conditions",):
        party, group = text("lsp.completion.party", lang), text("lsp.completion.group", lang)
        found: Found = [
            (ident, f"{party}: {_name(item)}", reference) for ident, item in scope.parties.items()
        ]
        found += [
            (ident, f"{group}: {_name(item)}", reference) for ident, item in scope.groups.items()
        ]
        return found
    if key in AGREEMENT_KEYS:
        word = text("lsp.completion.agreement", lang)
        return [
            (ident, f"{word}: {_name(item, 'title')}", reference)
            for ident, item in scope.agreements.items()
        ]
    if key in ("set", "frame") and len(where.path) == 0:
        word = text("lsp.completion.set", lang)
        return [(ident, word, reference) for ident in scope.set_ids]
    if key == "theme":
        word = text("lsp.completion.theme", lang)
        return [
            (slug, f"{word}: {label}" if label else word, _VALUE)
            for slug, label in scope.themes.items()
        ]
    return None


def _name(item: dict[str, object], key: str = "name") -> str:
    name = item.get(key)
    role = item.get("role")
    shown = str(name) if name is not None else ""
    return f"{shown} ({role})" if isinstance(role, str) else shown
