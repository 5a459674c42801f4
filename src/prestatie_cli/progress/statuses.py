"""The statuses of an agreement's progress and their traffic lights.

Apart from the calculation so that the command line can offer the statuses as
choices without loading the format's models.

The first six judge progress; the others say why an agreement is not judged:
``context`` (a framing paragraph), ``request_open`` and ``request_declined`` (a
request not, or not yet, accepted), ``not_yet`` (before its effective-from date),
``lapsed`` (an approval, decision or other condition was not met), ``suspended``
(an assumed reference level no longer holds) and ``withdrawn`` (by a change of the set).
"""

from __future__ import annotations

from typing import Literal

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

STATUSES: tuple[Status, ...] = (
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
)
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
