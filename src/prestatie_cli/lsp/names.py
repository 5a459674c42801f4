"""The ids of a set and its monitors: parties, groups, agreements and sets, where each is
declared and where it is named."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from prestatie_cli.load.yaml import Document, Span
from prestatie_cli.model.findings import Pointer

NameKind = Literal["party", "agreement", "set"]

# The keys whose values name a party (or group), an agreement, a set.
PARTY_KEYS = frozenset(
    {"owner", "contributors", "addressed_to", "agreed_by", "party", "members", "reported_by"}
    | {"successor"}
)
AGREEMENT_KEYS = frozenset({"agreement", "parent", "withdraws"})
SET_KEYS = frozenset({"set", "frame"})


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place an id is written: in which file, where, and whether it declares the id."""

    kind: NameKind
    name: str
    path: str
    span: Span
    declares: bool


def _scalars(data: Any, pointer: Pointer) -> Iterator[tuple[Pointer, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _scalars(value, (*pointer, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _scalars(value, (*pointer, index))
    elif isinstance(data, str):
        yield pointer, data


def _kind(pointer: Pointer, file_kind: str) -> tuple[NameKind, bool] | None:
    """What the string at ``pointer`` names, and whether it declares it there."""
    keys = [part for part in pointer if isinstance(part, str)]
    if not keys:
        return None
    last = keys[-1]
    if file_kind == "agreements" and len(pointer) == 3 and last == "id":
        if pointer[0] in ("parties", "groups"):
            return "party", True
        if pointer[0] == "agreements":
            return "agreement", True
    if pointer == ("id",) and file_kind == "agreements":
        return "set", True
    if last in PARTY_KEYS and pointer[0] != "conditions":
        return "party", False
    if last in AGREEMENT_KEYS:
        return "agreement", False
    if last in SET_KEYS and len(pointer) == 1:
        return "set", False
    return None


def occurrences(document: Document) -> Iterator[Occurrence]:
    """Every id declared or named in ``document``."""
    data = document.data
    file_kind = data.get("kind") if isinstance(data, dict) else None
    for pointer, value in _scalars(data, ()):
        found = _kind(pointer, str(file_kind))
        where = document.values.get(pointer)
        if found is not None and where is not None:
            kind, declares = found
            yield Occurrence(kind, value, document.path, document.at(where), declares)
