"""How the parts of a set relate: groups and their members, owners, the term, withdrawals.

Pure functions over the models, shared by the rules, progress, reports and diffs, so
that each counts a group's agreement for each of its members in the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from prestatie_cli.model.agreements import (
    Agreement,
    AgreementSet,
    ConditionRecord,
    Group,
    Party,
    SetAmendment,
)


def group_members(agreement_set: AgreementSet, group: Group) -> tuple[str, ...]:
    """The party ids of a group's members, in the order of the set's parties."""
    if isinstance(group.members, list):
        return tuple(group.members)
    return tuple(
        party.id
        for party in agreement_set.parties
        if group.members == "all" or party.role == group.members
    )


def parties_of(
    agreement_set: AgreementSet, references: Iterable[str], on: date | None = None
) -> tuple[str, ...]:
    """The party ids that ``references`` (party or group ids) stand for, each once.

    With ``on``, members that were no party that day are left out and a party that
    had left by then stands for its successor. Unknown ids are left out; the rules
    name them.
    """
    parties = {party.id: party for party in agreement_set.parties}
    groups = {group.id: group for group in agreement_set.groups}
    found: list[str] = []
    for reference in references:
        if reference in groups:
            ids: Sequence[str] = group_members(agreement_set, groups[reference])
        else:
            ids = (reference,)
        for party_id in ids:
            party = parties.get(party_id)
            if party is None:
                continue
            if on is not None:
                party = _carried_by(party, parties, on)
                if party is None:
                    continue
            if party.id not in found:
                found.append(party.id)
    return tuple(found)


def _carried_by(party: Party, parties: dict[str, Party], on: date) -> Party | None:
    """The party that carries ``party``'s agreements on ``on``: itself, or its successor."""
    seen: set[str] = set()
    current: Party | None = party
    while current is not None and current.id not in seen:
        seen.add(current.id)
        if current.active_on(on):
            return current
        if current.left is not None and on >= current.left and current.successor:
            current = parties.get(current.successor)
        else:
            return None
    return None


def owner_parties(
    agreement_set: AgreementSet, agreement: Agreement, on: date | None = None
) -> tuple[str, ...]:
    """The parties that owe ``agreement``: its owners, or for an accepted request the asked."""
    if agreement.kind == "request":
        return parties_of(agreement_set, agreement.asked, on) if agreement.is_commitment else ()
    if agreement.kind == "context":
        return ()
    return parties_of(agreement_set, agreement.owners, on)


def term_end(agreement_set: AgreementSet) -> date:
    """The last day of the term: the period's end, or later when an amendment extends it."""
    ends = [agreement_set.period.end]
    ends.extend(a.extends_to for a in agreement_set.amendments if a.extends_to is not None)
    return max(ends)


def due_date(agreement_set: AgreementSet, agreement: Agreement) -> date:
    """The day by which the agreement must be met: its deadline, else the term's end."""
    if agreement.deadline is not None and not agreement.ongoing:
        return agreement.deadline
    return term_end(agreement_set)


def withdrawals(agreement_set: AgreementSet) -> dict[str, SetAmendment]:
    """The id of each withdrawn agreement, with the amendment that withdrew it."""
    found: dict[str, SetAmendment] = {}
    for amendment in sorted(agreement_set.amendments, key=lambda a: a.date):
        for agreement_id in amendment.withdraws:
            found.setdefault(agreement_id, amendment)
    return found


def children(agreement_set: AgreementSet, parent_id: str) -> list[Agreement]:
    """The agreements that name ``parent_id`` as their parent, in file order."""
    return [a for a in agreement_set.agreements if a.parent == parent_id]


def condition_states(
    agreement: Agreement, records: Iterable[ConditionRecord], on: date
) -> dict[str, ConditionRecord | None]:
    """Each condition of ``agreement`` with its latest recorded state on ``on`` (None: open)."""
    states: dict[str, ConditionRecord | None] = {c.id: None for c in agreement.conditions}
    for record in sorted(records, key=lambda r: r.date):
        if record.agreement == agreement.id and record.condition in states and record.date <= on:
            states[record.condition] = record
    return states


def rolled_up_parts(agreement_set: AgreementSet, agreement: Agreement) -> list[Agreement]:
    """The children whose figures add up to ``agreement``'s; none when they do not.

    They add up when the parent has a target (not one set against an outside index)
    and every child with a target counts in the same unit, cumulative or not alike.
    Children without a target (a monthly list, a report) take no part.
    """
    target = agreement.target
    if target is None or target.index is not None:
        return []
    parts = [child for child in children(agreement_set, agreement.id) if child.target is not None]
    for part in parts:
        assert part.target is not None
        if part.target.unit != target.unit or part.target.cumulative != target.cumulative:
            return []
    return parts
