"""What a rule or the validator found, before it gets a position, severity and wording."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
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


def suggestion(name: str, known: Collection[str]) -> str:
    """The closest known name (the first in sorted order on a tie), or an empty string.

    Closeness is difflib's ratio, at least 0.6. Among more than ``COMPARED`` known names
    only the few that share the most trigrams with ``name`` are compared (see ``_Index``):
    a suggestion costs as much against 50,000 names as against 500, where comparing with
    each of them made a check of a large set take hours. A tie may then go to another
    name as close as the first in sorted order.
    """
    if len(known) <= COMPARED:
        return _closest(name, sorted(known))
    return _index(known).closest(name)


# Up to this many known names, each is compared with the name: the exact answer.
COMPARED = 64
# Positions read from the index for one name, rarest trigram first.
_READ = 1024
# Names compared with a name among many, those sharing the most trigrams with it.
_CANDIDATES = 32
_THRESHOLD = 0.6


def _closest(name: str, candidates: Sequence[str]) -> str:
    """The first of ``candidates`` (sorted) with the highest ratio of at least 0.6, or ""."""
    # One matcher for the name (difflib's ``a``); the candidate is its ``b``, as it always was.
    matcher = difflib.SequenceMatcher(None, name, "")
    best, best_ratio = "", -1.0
    for candidate in candidates:
        matcher.set_seq2(candidate)
        # Upper bounds first, as difflib.get_close_matches does: only a candidate that could
        # beat the best so far (strictly: the first one wins a tie) is compared in full.
        floor = max(best_ratio, _THRESHOLD)
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = candidate, ratio
    return best if best_ratio >= _THRESHOLD else ""


def _trigrams(name: str) -> set[str]:
    padded = f"\0\0{name}\0\0"
    return {padded[start : start + 3] for start in range(len(padded) - 2)}


@dataclass(frozen=True, slots=True)
class _Index:
    """Known names by the trigrams they hold, to find the few worth comparing with a name.

    A name's trigrams are looked up rarest first, ``_READ`` positions in all; the
    ``_CANDIDATES`` names seen most often are compared in full. A typo keeps most trigrams
    of the name it was meant to be, so that name is among them; a name sharing none is
    no suggestion anyway. The same name gets the same answer in every run.
    """

    names: list[str]
    positions: dict[str, list[int]]
    answers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, known: Collection[str]) -> _Index:
        names = sorted(known)
        positions: dict[str, list[int]] = {}
        for position, known_name in enumerate(names):
            for trigram in _trigrams(known_name):
                positions.setdefault(trigram, []).append(position)
        return cls(names, positions)

    def closest(self, name: str) -> str:
        if name not in self.answers:
            # Rarest first, and in the same order in every run (a set's order is not).
            found = sorted(
                (len(positions), trigram, positions)
                for trigram in _trigrams(name)
                if (positions := self.positions.get(trigram))
            )
            seen: Counter[int] = Counter()
            budget = _READ
            for _, _, positions in found:
                if budget <= 0:
                    break
                seen.update(positions[:budget])
                budget -= len(positions)
            # On a tie the name seen first wins: the one sharing the rarest trigram.
            chosen = sorted(position for position, _ in seen.most_common(_CANDIDATES))
            self.answers[name] = _closest(name, [self.names[position] for position in chosen])
        return self.answers[name]


# The last few indexes made, by the identity of their collection of names, which they hold.
_INDEXES: dict[int, tuple[Collection[str], _Index]] = {}
_KEPT = 8


def _index(known: Collection[str]) -> _Index:
    """The index of ``known``, made once for a collection that cannot change (a frozenset
    or tuple, as the rules pass for every measurement of a file) and looked up by identity:
    comparing two equal sets of 50,000 names for each unknown one is what made it slow."""
    if not isinstance(known, frozenset | tuple):
        return _Index.of(known)
    kept = _INDEXES.get(id(known))
    if kept is None or kept[0] is not known:
        kept = (known, _Index.of(known))
        _INDEXES[id(known)] = kept
        while len(_INDEXES) > _KEPT:
            del _INDEXES[next(iter(_INDEXES))]
    return kept[1]
