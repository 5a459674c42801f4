"""Positions in a text as the editor counts them and as prestatie counts them.

prestatie counts lines and columns from 1, in characters; the Language Server Protocol
counts from 0, in UTF-16 code units. Converted here and nowhere else.
"""

from __future__ import annotations

import re

from lsprotocol import types

from prestatie_cli.load.yaml import source_lines

# What an id, a key or a code is made of, for the word under the cursor.
_WORD = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` as the YAML parser counts them."""
    return source_lines(text)


def units(line: str, index: int) -> int:
    """The UTF-16 offset of the character at ``index`` of ``line``."""
    head = line[:index]
    return len(head) + sum(1 for char in head if ord(char) > 0xFFFF)


def index_of(line: str, offset: int) -> int:
    """The character index in ``line`` of the UTF-16 ``offset`` (clamped to the line)."""
    counted = 0
    for index, char in enumerate(line):
        if counted >= offset:
            return index
        counted += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def position(lines: list[str], line: int, index: int) -> types.Position:
    """The LSP position of 0-based ``line`` and character ``index``."""
    text = lines[line] if 0 <= line < len(lines) else ""
    return types.Position(line=line, character=units(text, index))


def span_range(lines: list[str], line: int, start: int, end: int) -> types.Range:
    """The range of characters ``start`` to ``end`` of 0-based ``line``."""
    return types.Range(position(lines, line, start), position(lines, line, end))


def cursor(lines: list[str], at: types.Position) -> tuple[int, int]:
    """The 0-based line and character index of an LSP position."""
    line = min(max(at.line, 0), max(len(lines) - 1, 0))
    text = lines[line] if lines else ""
    return line, index_of(text, at.character)


def word_at(line: str, index: int) -> tuple[int, int, str] | None:
    """The id, key or code under (or just before) ``index``: start, end and the word."""
    for match in _WORD.finditer(line):
        if match.start() <= index <= match.end():
            return match.start(), match.end(), match.group(0)
    return None


def token_end(line: str, start: int) -> int:
    """Where the value or key written from ``start`` ends: a quoted scalar at its closing
    quote, else at a blank, a comma, a bracket or the colon of a key."""
    if start >= len(line):
        return start
    quote = line[start]
    if quote in "\"'":
        close = line.find(quote, start + 1)
        return close + 1 if close > 0 else len(line.rstrip())
    end = start
    while end < len(line) and line[end] not in " \t,[]{}#":
        if line[end] == ":" and (end + 1 == len(line) or line[end + 1] in " \t"):
            break
        end += 1
    return max(end, min(start + 1, len(line)))


def offset_position(text: str, offset: int) -> types.Position:
    """The LSP position of character ``offset`` of ``text``."""
    lines = lines_of(text[:offset])
    return types.Position(line=len(lines) - 1, character=units(lines[-1], len(lines[-1])))


def difference(old: str, new: str) -> types.TextEdit:
    """One edit that turns ``old`` into ``new``: the part between what they share at the
    start and at the end."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    # Never split a line break "\r\n" in two.
    while start > 0 and old[start - 1] == "\r":
        start -= 1
    return types.TextEdit(
        types.Range(offset_position(old, start), offset_position(old, len(old) - end)),
        new[start : len(new) - end],
    )
