"""Add an item to a list in a YAML file as text, leaving every other byte as it was.

The new item goes right after the last item of the list, in the style (block
or flow) and indentation of the items before it. Callers parse and validate
the result before they write it.
"""

from __future__ import annotations

import json
import re
import textwrap
from datetime import date
from typing import Any

from prestatie_cli.errors import PrestatieError
from prestatie_cli.load.yaml import Document, load_text

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ._/()-]*$")
# Lines with their breaks, broken where YAML breaks them (not at U+2028 or U+0085).
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class EditError(PrestatieError):
    """The list cannot be extended safely as text (for example a flow list)."""


def scalar(value: object) -> str:
    """A value as YAML text: plain where that reads back the same, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    shown = str(value)
    if _PLAIN.match(shown) and load_text(f"x: {shown}\n", "-").data == {"x": shown}:
        return shown
    # JSON strings are valid YAML double-quoted scalars.
    return json.dumps(shown, ensure_ascii=False)


def append_item(source: str, document: Document, key: str, pairs: list[tuple[str, str]]) -> str:
    """``source`` with a mapping of ``pairs`` (YAML text values) added to the top-level list ``key``."""
    newline = "\r\n" if "\r\n" in source else "\n"
    lines = _LINES.findall(source)
    data = document.data
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(data, dict) or key not in data:
        body = source if source.endswith(("\n", "\r")) or not source else source + newline
        return body + f"{key}:" + newline + _block(pairs, "  ", newline)
    if not items:
        # `key:` with nothing, or `key: []`: write a block list under the key.
        where = document.key_span((key,))
        line = lines[where.line - 1]
        head = line[: where.column - 1] + f"{key}:"
        indent = " " * (where.column - 1) + "  "
        lines[where.line - 1] = (
            head + _trailing_comment(line) + newline + _block(pairs, indent, newline)
        )
        return "".join(lines)
    last = document.span((key, len(items) - 1))
    dash_line = lines[last.line - 1]
    dash = dash_line.rfind("-", 0, last.column - 1)
    if dash < 0 or dash_line[:dash].strip():
        raise EditError(f"'{key}' in {document.path} is not a list of lines starting with '- '.")
    indent = dash_line[:dash]
    end_line = _content_end(document, (key, len(items) - 1), lines)
    flow = dash_line[last.column - 1 : last.column] == "{"
    entry = (
        indent + "- {" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}" + newline
        if flow
        else _block(pairs, indent, newline)
    )
    if end_line >= len(lines) and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    lines.insert(end_line, entry)
    return "".join(lines)


def _block(pairs: list[tuple[str, str]], indent: str, newline: str) -> str:
    first, *rest = pairs
    out = f"{indent}- {first[0]}: {first[1]}{newline}"
    return out + "".join(f"{indent}  {k}: {v}{newline}" for k, v in rest)


def _trailing_comment(line: str) -> str:
    found = re.search(r"\s+#.*$", line.rstrip("\r\n"))
    return found.group(0) if found else ""


def _content_end(document: Document, pointer: tuple[str | int, ...], lines: list[str]) -> int:
    """The number of the last line holding content of the value at ``pointer`` (1-based).

    Block collections are skipped: the parser ends them at the next token, which
    may lie past blank lines and comments that belong to what follows.
    """
    last = 0
    for key, packed in document.values.items():
        if key[: len(pointer)] != pointer:
            continue
        span = document.at(packed)
        opening = lines[span.line - 1][span.column - 1 : span.column]
        if _is_collection(document.data, key) and opening not in ("{", "["):
            continue
        # A block scalar ends at the start of the line after its text.
        folded = span.end_column == 1 and span.end_line > span.line
        last = max(last, span.end_line - 1 if folded else span.end_line)
    return last


def _is_collection(data: object, pointer: tuple[str | int, ...]) -> bool:
    value = data
    for part in pointer:
        if isinstance(value, dict) and isinstance(part, str):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            return False
    return isinstance(value, dict | list)


_FOLD_WIDTH = 84


def dump(data: dict[str, Any], header: str = "") -> str:
    """Plain data as block-style YAML, as a person would write it; long text folded."""
    lines = [header.rstrip("\n")] if header else []
    _mapping(data, "", lines)
    return "\n".join(lines) + "\n"


def _mapping(
    data: dict[str, Any], indent: str, lines: list[str], first_prefix: str | None = None
) -> None:
    for number, (key, value) in enumerate(data.items()):
        prefix = first_prefix if number == 0 and first_prefix is not None else indent
        _entry(f"{prefix}{key}:", value, indent, lines)


def _entry(head: str, value: Any, indent: str, lines: list[str]) -> None:
    if isinstance(value, dict):
        if not value:
            lines.append(f"{head} {{}}")
            return
        lines.append(head)
        _mapping(value, indent + "  ", lines)
    elif isinstance(value, list):
        if not value:
            lines.append(f"{head} []")
            return
        if all(not isinstance(item, dict | list) for item in value):
            lines.append(f"{head} [{', '.join(scalar(item) for item in value)}]")
            return
        lines.append(head)
        for item in value:
            if isinstance(item, dict):
                _mapping(item, indent + "    ", lines, first_prefix=indent + "  - ")
            else:
                lines.append(f"{indent}  - {scalar(item)}")
    elif isinstance(value, str) and len(value) > _FOLD_WIDTH and _foldable(value):
        lines.append(f"{head} >-")
        lines.extend(
            f"{indent}  {line}"
            for line in textwrap.wrap(
                value, _FOLD_WIDTH, break_long_words=False, break_on_hyphens=False
            )
        )
    else:
        lines.append(f"{head} {scalar(value)}")


def _foldable(value: str) -> bool:
    """Text that reads back the same from a folded block: single spaces, printable."""
    return value == " ".join(value.split()) and value.isprintable()
