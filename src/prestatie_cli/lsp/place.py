"""Where the cursor stands in a YAML text, read from indentation alone.

While a user types, the file is seldom valid YAML; the keys above the cursor still are
there. ``place`` reads them line by line, upwards, as a person would: the key that
holds the cursor's value, the mapping whose keys may be typed there, the word typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One step of a path: a key, or ITEM for "an item of the list above".
ITEM = "-"
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|$)")
_PARTIAL = re.compile(r"[A-Za-z0-9_.-]*$")


@dataclass(frozen=True, slots=True)
class Place:
    """The cursor in a YAML text.

    ``path`` leads to the mapping the cursor's line belongs to (keys and ITEM steps).
    ``key`` is the key whose value holds the cursor (None when a key is being typed);
    ``in_list`` says the cursor is an item of that value's list. ``typed`` is the word
    before the cursor, and ``start`` the character where it begins.
    """

    path: tuple[str, ...]
    key: str | None
    in_list: bool
    typed: str
    start: int

    @property
    def value_path(self) -> tuple[str, ...]:
        """The path of the value the cursor is in (for a key being typed, the mapping)."""
        if self.key is None:
            return self.path
        return (*self.path, self.key, *((ITEM,) if self.in_list else ()))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> str:
    """The line without indentation and without a trailing comment."""
    stripped = line.strip()
    return "" if stripped.startswith("#") else stripped


def parents(lines: list[str], line: int, indent: int) -> tuple[str, ...]:
    """The path of the mapping that holds a key written at ``indent`` on ``line``."""
    path: list[str] = []
    limit = indent
    for number in range(line - 1, -1, -1):
        if limit == 0:
            break
        raw = lines[number]
        content = _content(raw)
        if not content or content.startswith(("---", "...")):
            continue
        here = _indent(raw)
        if content == "-" or content.startswith("- "):
            inner = content[1:].lstrip(" ")
            item_indent = here + len(content) - len(inner)
            if here < limit and (item_indent >= limit or not inner):
                path.append(ITEM)
                limit = here
            continue
        if here < limit:
            key = _KEY.match(content)
            if key is None:
                continue  # a line of a folded text, or something half written
            path.append(key.group(1))
            limit = here
    return tuple(reversed(path))


def place(lines: list[str], line: int, index: int) -> Place:
    """The place of character ``index`` of 0-based ``line``."""
    text = lines[line] if 0 <= line < len(lines) else ""
    before = text[:index]
    typed_match = _PARTIAL.search(before)
    typed = typed_match.group(0) if typed_match else ""
    start = index - len(typed)
    indent = _indent(before) if before.strip() else index
    content = before[indent:]
    path = parents(lines, line, indent)
    # "- " items, perhaps several on one line ("- - x" is rare; one level is read).
    item_line = content == "-" or content.startswith("- ")
    if item_line:
        path = (*path, ITEM)
        content = content[1:].lstrip(" ")
    if content.startswith("{"):
        # A flow mapping ("- {id: x, owner: y"): the pair the cursor is in.
        pair = content[max(content.rfind("{"), content.rfind(",")) + 1 :].lstrip(" ")
        flow = _KEY.match(pair)
        if flow is None:
            return Place(path, None, False, typed, start)
        return Place(path, flow.group(1), False, typed, start)
    key = _KEY.match(content)
    if key is None:
        # No "key:" before the cursor: a key being typed, or an item of a list of values.
        if item_line:
            listed = path[:-1]
            if listed and not _looks_like_key(text[indent:]):
                return Place(listed[:-1], listed[-1], True, typed, start)
        return Place(path, None, False, typed, start)
    value = content[key.end() :]
    in_list = "[" in value and "]" not in value[value.rfind("[") :]
    return Place(path, key.group(1), in_list, typed, start)


def _looks_like_key(rest: str) -> bool:
    """Whether an item line holds a mapping (``- id: x``) rather than a single value."""
    content = rest.lstrip(" -")
    return _KEY.match(content) is not None


def key_at(lines: list[str], line: int, index: int) -> tuple[tuple[str, ...], str] | None:
    """The mapping path and the key when the cursor is on a key (``owner`` in ``owner: x``)."""
    text = lines[line] if 0 <= line < len(lines) else ""
    indent = _indent(text)
    content = text[indent:]
    path = parents(lines, line, indent)
    offset = indent
    if content == "-" or content.startswith("- "):
        path = (*path, ITEM)
        inner = content[1:].lstrip(" ")
        offset += len(content) - len(inner)
        content = inner
    key = _KEY.match(content)
    if key is None or not offset <= index <= offset + len(key.group(1)):
        return None
    return path, key.group(1)
