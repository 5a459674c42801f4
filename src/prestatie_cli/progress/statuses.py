"""The statuses of an agreement's progress and their traffic lights.

Apart from the calculation so that the command line can offer the statuses as
choices without loading the format's models.

The first six judge progress; the others say why an agreement is not judged:
``context`` (a framing paragraph), ``request_open`` and ``request_declined`` (a
request not, or not yet, accepted), ``not_yet`` (before its effective-from date),
``lapsed`` (an approval, decision or other condition was not met), ``suspended``
(an assumed reference level no longer holds) and ``withdrawn`` (by a change of the set).

A status may be named by its code or by its label in either language (``status_named``).
"""

from __future__ import annotations

from typing import Literal, get_args

from prestatie_cli.messages import Language, text

Status = Literal[
    "achieved",
    "on_track",
    "at_risk",
    "behind",
    "overdue",
    "no_data",
    "context",
    "request_open",
    "request_declined",
    "not_yet",
    "lapsed",
    "suspended",
    "withdrawn",
]
Light = Literal["green", "orange", "red", "grey"]

# Every status, in the order they are shown.
STATUSES: tuple[Status, ...] = get_args(Status)
LIGHTS: dict[Status, Light] = {
    "achieved": "green",
    "on_track": "green",
    "at_risk": "orange",
    "behind": "red",
    "overdue": "red",
    "no_data": "grey",
    "context": "grey",
    "request_open": "grey",
    "request_declined": "grey",
    "not_yet": "grey",
    "lapsed": "grey",
    "suspended": "grey",
    "withdrawn": "grey",
}


def _plain(value: str) -> str:
    """A status as typed: any case, '-' or '_' for a space, commas and spaces left out."""
    for mark in "-_,":
        value = value.replace(mark, " ")
    return " ".join(value.casefold().split())


def status_named(value: str) -> Status | None:
    """The status ``value`` names: its code (on_track) or its label in Dutch or English
    (op koers, on track), in any case and with '-' or '_' for a space; None if none."""
    wanted = _plain(value)
    for status in STATUSES:
        names = [status, *(text(f"status.{status}", lang) for lang in ("nl", "en"))]
        if wanted in {_plain(name) for name in names}:
            return status
    return None


# The colour of a light as typed, in either language: it names every status of that light.
LIGHT_WORDS: dict[str, Light] = {
    "groen": "green",
    "green": "green",
    "oranje": "orange",
    "orange": "orange",
    "rood": "red",
    "red": "red",
    "grijs": "grey",
    "grey": "grey",
    "gray": "grey",
}


def statuses_named(value: str) -> list[Status]:
    """The statuses ``value`` names: one status, or every status of a light's colour
    (groen, rood, green, red); empty if none."""
    light = LIGHT_WORDS.get(_plain(value))
    if light is not None:
        return [status for status in STATUSES if LIGHTS[status] == light]
    status = status_named(value)
    return [] if status is None else [status]


def status_choices(lang: Language) -> str:
    """Every status as it may be chosen: 'behaald (achieved); op koers (on_track); ...'
    (a label may hold a comma);
    the name only where the label says no more ('context', 'behind')."""
    shown = []
    for status in STATUSES:
        label = text(f"status.{status}", lang)
        shown.append(label if _plain(label) == _plain(status) else f"{label} ({status})")
    return "; ".join(shown)
