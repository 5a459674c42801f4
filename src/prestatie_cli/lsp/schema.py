"""The JSON Schema of each kind of file, read for an editor: the fields of a mapping, what
each means, and the values a field takes."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from prestatie_cli.lsp.place import ITEM
from prestatie_cli.messages import Language
from prestatie_cli.model import json_schema

Node = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Field:
    """A field of a mapping: its name, what it means and the values it takes."""

    name: str
    description: str
    markdown: str
    values: tuple[tuple[str, str], ...]  # (value, what it means) for an enumeration


@functools.cache
def schema(kind: str, lang: Language) -> Node:
    """The schema of ``kind`` (agreements, monitor, config), in ``lang`` where it says."""
    maker: Callable[..., Node] = json_schema.schema_for
    try:
        return maker(kind, lang)
    except TypeError:  # a schema in one language only
        return maker(kind)


def _resolve(root: Node, node: Any) -> Iterator[Node]:
    """``node`` and every alternative it stands for: a $ref followed, anyOf, oneOf, allOf."""
    if not isinstance(node, dict):
        return
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        target = root.get("$defs", {}).get(reference.removeprefix("#/$defs/"))
        yield node
        yield from _resolve(root, target)
        return
    yield node
    for combined in ("anyOf", "oneOf", "allOf"):
        for option in node.get(combined, ()):
            yield from _resolve(root, option)


def node_at(root: Node, path: tuple[str, ...]) -> list[Node]:
    """Every schema node that may describe the value at ``path`` (keys and ITEM steps)."""
    nodes = [root]
    for step in path:
        found: list[Node] = []
        for node in nodes:
            for option in _resolve(root, node):
                if step == ITEM:
                    items = option.get("items")
                    if isinstance(items, dict):
                        found.append(items)
                else:
                    properties = option.get("properties")
                    if isinstance(properties, dict) and step in properties:
                        found.append(properties[step])
                    extra = option.get("additionalProperties")
                    if isinstance(extra, dict) and not properties:
                        found.append(extra)
        nodes = found
    return nodes


def _text(node: Node, root: Node, name: str) -> str:
    for option in _resolve(root, node):
        value = option.get(name)
        if isinstance(value, str) and value:
            return value
    return ""


def field_at(root: Node, path: tuple[str, ...]) -> Field | None:
    """The field the last key of ``path`` names, when the schema knows it."""
    nodes = node_at(root, path)
    if not nodes or not path or path[-1] == ITEM:
        return None
    node = nodes[0]
    return Field(
        path[-1],
        _text(node, root, "description"),
        _text(node, root, "markdownDescription"),
        values(root, nodes),
    )


def fields(root: Node, path: tuple[str, ...]) -> list[Field]:
    """The fields a mapping at ``path`` may hold, in the schema's order."""
    named: dict[str, Field] = {}
    for node in node_at(root, path):
        for option in _resolve(root, node):
            properties = option.get("properties")
            if not isinstance(properties, dict):
                continue
            for name, child in properties.items():
                if name not in named:
                    named[name] = Field(
                        name,
                        _text(child, root, "description"),
                        _text(child, root, "markdownDescription"),
                        values(root, [child]),
                    )
    return list(named.values())


def values(root: Node, nodes: list[Node]) -> tuple[tuple[str, str], ...]:
    """The values of an enumeration (or a constant) among ``nodes``, with what each means."""
    found: dict[str, str] = {}
    for node in nodes:
        for option in _resolve(root, node):
            listed = option.get("enum")
            if "const" in option:
                listed = [option["const"]]
            if not isinstance(listed, list):
                continue
            meanings = option.get("markdownEnumDescriptions") or []
            for index, value in enumerate(listed):
                if isinstance(value, str | int) and not isinstance(value, bool):
                    meaning = meanings[index] if index < len(meanings) else ""
                    found.setdefault(str(value), str(meaning))
    return tuple(found.items())


def is_type(root: Node, path: tuple[str, ...], wanted: str) -> bool:
    """Whether the value at ``path`` may be of JSON type ``wanted`` (or format, for date)."""
    for node in node_at(root, path):
        for option in _resolve(root, node):
            if wanted == "date" and option.get("format") == "date":
                return True
            kind = option.get("type")
            if kind == wanted or (isinstance(kind, list) and wanted in kind):
                return True
    return False
