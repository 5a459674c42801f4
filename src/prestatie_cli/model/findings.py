"""What a rule or the validator found, before it gets a position, severity and wording."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field

# A path into a YAML document: mapping keys and list indexes.
Pointer = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found, before it gets a position, severity and wording."""

    code: str
    pointer: Pointer
    params: Mapping[str, str | float] = field(default_factory=dict)
    # Text to find inside the scalar at ``pointer``, for an exact column, and
    # which of its occurrences is meant.
    needle: str | None = None
    occurrence: int = 0
    # Point at the key rather than its value (e.g. an unknown name of a field).
    at_key: bool = False
    # Picks one of several wordings of the code's message (``CODE.message.VARIANT``).
    variant: str = ""
    # The agreement a monitor finding is about, for the monitor's waivers.
    agreement: str | None = None


def suggestion(name: str, known: list[str]) -> str:
    """The closest known name (the first in sorted order on a tie), or an empty string."""
    scored = [
        (difflib.SequenceMatcher(None, name, candidate).ratio(), candidate)
        for candidate in sorted(known)
    ]
    best = max(scored, key=lambda pair: pair[0], default=(0.0, ""))
    return best[1] if best[0] >= 0.6 else ""
