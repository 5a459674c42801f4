"""The statuses of an agreement's progress and their traffic lights.

Apart from the calculation so that the command line can offer the statuses as
choices without loading the format's models.
"""

from __future__ import annotations

from typing import Literal

Status = Literal["achieved", "on_track", "at_risk", "behind", "overdue", "no_data"]
Light = Literal["green", "orange", "red", "grey"]

STATUSES: tuple[Status, ...] = ("achieved", "on_track", "at_risk", "behind", "overdue", "no_data")
LIGHTS: dict[Status, Light] = {
    "achieved": "green",
    "on_track": "green",
    "at_risk": "orange",
    "behind": "red",
    "overdue": "red",
    "no_data": "grey",
}
