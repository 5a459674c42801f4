"""Code actions: take a finding's suggestion, write a Dutch date or number the format's
way, and record a waiver for a finding (in the monitor for a monitor's finding, else at
the agreement or the set), with a reason to fill in and an end date."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from lsprotocol import types

from prestatie_cli.editing.insert import EditError, append_item, scalar
from prestatie_cli.load.dutch import dutch_date, dutch_number
from prestatie_cli.load.yaml import Document, Span
from prestatie_cli.lsp.diagnostics import SOURCE
from prestatie_cli.lsp.place import place
from prestatie_cli.lsp.schema import is_type, schema
from prestatie_cli.lsp.text import difference, span_range
from prestatie_cli.messages import Language, text
from prestatie_cli.rules import REGISTRY

_QUICK_FIX = types.CodeActionKind.QuickFix
_VALUE = re.compile(
    r"""^(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ \t]*:[ \t]+(?P<value>"[^"]*"|'[^']*'|[^#]*?)[ \t]*(?:#.*)?$"""
)


def _edit(uri: str, where: types.Range, new: str) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(where, new)]})


def suggestions(
    uri: str, diagnostics: list[types.Diagnostic], lang: Language
) -> list[types.CodeAction]:
    """Replace what a finding points at with the name or value it suggests."""
    found = []
    for diagnostic in diagnostics:
        data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        meant = data.get("suggestion")
        if diagnostic.source != SOURCE or not isinstance(meant, str):
            continue
        found.append(
            types.CodeAction(
                title=text("lsp.action.suggestion", lang, {"meant": meant}),
                kind=_QUICK_FIX,
                diagnostics=[diagnostic],
                is_preferred=True,
                edit=_edit(uri, diagnostic.range, meant),
            )
        )
    return found


def spellings(
    uri: str, lines: list[str], line: int, kind: str, lang: Language
) -> list[types.CodeAction]:
    """A date or number on ``line`` written the Dutch way, written the format's way."""
    current = lines[line] if 0 <= line < len(lines) else ""
    indent = len(current) - len(current.lstrip(" -"))
    matched = _VALUE.match(current[indent:])
    if matched is None or not kind:
        return []
    written = matched.group("value")
    bare = written[1:-1] if written[:1] in "\"'" and len(written) >= 2 else written
    where = place(lines, line, indent + matched.end("key") + 1)
    path = (*where.path, matched.group("key"))
    root = schema(kind, lang)
    meant: str | None = None
    title = ""
    as_date = dutch_date(bare)
    if as_date is not None and as_date[0] != bare and is_type(root, path, "date"):
        meant, title = as_date[0], "lsp.action.date"
    number = dutch_number(bare)
    if meant is None and number is not None and number[0] != bare and is_type(root, path, "number"):
        meant, title = number[0], "lsp.action.number"
    if meant is None:
        return []
    start = indent + matched.start("value")
    where_range = span_range(lines, line, start, start + len(written))
    return [
        types.CodeAction(
            title=text(title, lang, {"meant": meant}),
            kind=_QUICK_FIX,
            edit=_edit(uri, where_range, meant),
        )
    ]


def waivers(
    uri: str,
    document: Document | None,
    diagnostics: list[types.Diagnostic],
    as_of: date,
    lang: Language,
) -> list[types.CodeAction]:
    """A waiver for each finding of a rule, where check looks for it."""
    if document is None or not isinstance(document.data, dict):
        return []
    found = []
    for diagnostic in diagnostics:
        code = diagnostic.code
        if diagnostic.source != SOURCE or not isinstance(code, str) or code not in REGISTRY:
            continue
        data: dict[str, Any] = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        new = _with_waiver(document, code, data, as_of, lang)
        if new is None:
            continue
        found.append(
            types.CodeAction(
                title=text("lsp.action.waiver", lang, {"code": code}),
                kind=_QUICK_FIX,
                diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(changes={uri: [difference(document.text, new)]}),
            )
        )
    return found


def _with_waiver(
    document: Document, code: str, data: dict[str, Any], as_of: date, lang: Language
) -> str | None:
    """The document's text with a waiver for ``code`` added, or None where none fits."""
    pairs = [
        ("rule", code),
        ("reason", scalar(text("lsp.waiver.reason", lang))),
        ("until", date(as_of.year, 12, 31).isoformat()),
    ]
    kind = document.data.get("kind")
    pointer = data.get("pointer") or []
    try:
        if kind == "monitor":
            agreement = data.get("agreement")
            if not isinstance(agreement, str):
                return None
            return append_item(
                document.text, document, "waivers", [("agreement", scalar(agreement)), *pairs]
            )
        if kind != "agreements":
            return None
        if len(pointer) >= 2 and pointer[0] == "agreements" and isinstance(pointer[1], int):
            return _agreement_waiver(document, pointer[1], pairs)
        return append_item(document.text, document, "waivers", pairs)
    except EditError:
        return None


def _last_line(document: Document, span: Span, lines: list[str]) -> int:
    """The last line (1-based) holding content of a value that ends at ``span``."""
    last = span.end_line - 1 if span.end_column == 1 else span.end_line
    while last > span.line and not lines[last - 1].strip():
        last -= 1
    return last


def _agreement_waiver(document: Document, index: int, pairs: list[tuple[str, str]]) -> str | None:
    """The text with a waiver added to the ``waivers:`` of agreement ``index``."""
    source = document.text
    newline = "\r\n" if "\r\n" in source else "\n"
    lines = source.splitlines(keepends=True)
    bare = [line.rstrip("\r\n") for line in lines]
    item = document.span(("agreements", index))
    if bare[item.line - 1][item.column - 1 : item.column] == "{":
        return None  # a flow mapping: not extended as text
    data = document.data["agreements"][index]
    present = data.get("waivers") if isinstance(data, dict) else None
    if isinstance(present, list) and present:
        last = document.span(("agreements", index, "waivers", len(present) - 1))
        line = bare[last.line - 1]
        dash = line.rfind("-", 0, last.column - 1)
        if dash < 0 or line[:dash].strip():
            return None
        indent = line[:dash]
        after = _last_line(document, last, bare)
    elif present is None or present == []:
        if "waivers" in data:
            return None  # an empty `waivers:` or `waivers: []`; rare, left to the user
        indent = " " * (item.column - 1) + "  "
        after = _last_line(document, item, bare)
        block = f"{' ' * (item.column - 1)}waivers:{newline}"
        return _insert(lines, after, block + _block(pairs, indent, newline), newline)
    else:
        return None
    return _insert(lines, after, _block(pairs, indent, newline), newline)


def _block(pairs: list[tuple[str, str]], indent: str, newline: str) -> str:
    first, *rest = pairs
    shown = [f"{indent}- {first[0]}: {first[1]}"]
    shown += [f"{indent}  {key}: {value}" for key, value in rest]
    return "".join(line + newline for line in shown)


def _insert(lines: list[str], after: int, block: str, newline: str) -> str:
    if after >= len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    lines.insert(after, block)
    return "".join(lines)
