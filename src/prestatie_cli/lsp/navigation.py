"""Go to definition and find references: where a party, an agreement or a set is declared,
and every place that names it, in the set, its monitors and a slice's frame."""

from __future__ import annotations

from lsprotocol import types

from prestatie_cli.load.yaml import Span
from prestatie_cli.lsp.names import Occurrence, occurrences
from prestatie_cli.lsp.scope import Scope, path_of
from prestatie_cli.lsp.text import lines_of, span_range, word_at


def _all(scope: Scope) -> list[Occurrence]:
    return [found for document in scope.documents for found in occurrences(document)]


def _under_cursor(scope: Scope, shown: str, line: int, index: int) -> Occurrence | None:
    """The id written where the cursor is in file ``shown``."""
    for found in _all(scope):
        span = found.span
        if (
            found.path == shown
            and span.line == line + 1
            and span.column - 1 <= index <= span.end_column - 1
        ):
            return found
    return None


def _target(scope: Scope, shown: str, lines: list[str], line: int, index: int) -> Occurrence | None:
    found = _under_cursor(scope, shown, line, index)
    if found is not None:
        return found
    # Not where the last valid text had it (a line being typed): the word, if it is an id.
    current = lines[line] if 0 <= line < len(lines) else ""
    word = word_at(current, index)
    if word is None:
        return None
    for candidate in _all(scope):
        if candidate.declares and candidate.name == word[2]:
            return candidate
    return None


def _location(scope: Scope, found: Occurrence) -> types.Location:
    document = next(item for item in scope.documents if item.path == found.path)
    return types.Location(
        uri=path_of(scope, found.path).as_uri(), range=_range(lines_of(document.text), found.span)
    )


def _range(lines: list[str], span: Span) -> types.Range:
    end = span.end_column - 1 if span.end_line == span.line else len(lines[span.line - 1])
    return span_range(lines, span.line - 1, span.column - 1, end)


def definition(
    scope: Scope, shown: str, lines: list[str], line: int, index: int
) -> list[types.Location]:
    """Where the id under the cursor is declared."""
    target = _target(scope, shown, lines, line, index)
    if target is None:
        return []
    return [
        _location(scope, found)
        for found in _all(scope)
        if found.declares and found.kind == target.kind and found.name == target.name
    ]


def references(
    scope: Scope, shown: str, lines: list[str], line: int, index: int, declaration: bool
) -> list[types.Location]:
    """Every place that names the id under the cursor (and declares it, if asked)."""
    target = _target(scope, shown, lines, line, index)
    if target is None:
        return []
    return [
        _location(scope, found)
        for found in _all(scope)
        if found.kind == target.kind
        and found.name == target.name
        and (declaration or not found.declares)
    ]
