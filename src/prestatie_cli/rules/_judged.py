"""Which agreements the SMART and progress rules judge, and as what kind.

A context paragraph promises nothing, a request promises nothing until the asked
party accepts it, and a withdrawn agreement promises nothing any more: no rule
asks them for a target, a deadline or a measurement. An accepted request is the
asked party's commitment: judged as a result when it has a target, else as a
process agreement. An agreement whose condition failed (recorded ``not_met`` in
the monitor) has lapsed or is suspended: no measurement is due and a passed
deadline is no failure.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Literal

from prestatie_cli.model.agreements import Agreement, ConditionRecord
from prestatie_cli.model.structure import condition_states

JudgedKind = Literal["result", "effort", "process"]


def judged_kind(agreement: Agreement, withdrawn: AbstractSet[str]) -> JudgedKind | None:
    """The kind the SMART rules judge ``agreement`` as; None when they judge it not at all."""
    if agreement.id in withdrawn or not agreement.is_commitment:
        return None
    if agreement.kind == "request":
        return "result" if agreement.target is not None else "process"
    if agreement.kind == "context":  # is_commitment says so already; for the type checker
        return None
    return agreement.kind


def condition_failed(agreement: Agreement, records: Iterable[ConditionRecord], on: date) -> bool:
    """Whether a condition of ``agreement`` is recorded as not met on ``on``."""
    if not agreement.conditions:
        return False
    states = condition_states(agreement, records, on)
    return any(record is not None and record.state == "not_met" for record in states.values())
