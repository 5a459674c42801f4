"""What changed between two versions of agreement sets, by agreement id.

Values only: the comparison says which agreements were added, removed,
withdrawn (by a set amendment, with its date and reason) or renamed (an id gone
and a new one with content alike, see ``similarity``, with what else changed)
and, for the others, which fields changed from what
to what, with the direction of a change that matters (a target raised or
lowered, a deadline moved later or earlier, the term extended and why) and the
wording compared word by word.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from prestatie_cli.model.agreements import (
    Agreement,
    AgreementSet,
    Measurement,
    SetAmendment,
    Thresholds,
)
from prestatie_cli.model.structure import term_end, withdrawals
from prestatie_cli.progress.calculation import progress_in_set
from prestatie_cli.progress.statuses import Status
from prestatie_cli.versions.snapshots import Snapshot

ChangeKind = Literal["added", "removed", "withdrawn", "renamed", "changed", "unreadable", "broken"]
# Lists compared item by item, with the field that identifies an item (None: the item itself).
_KEYED: dict[str, str | None] = {
    "contributors": None,
    "conditions": "id",
    "milestones": "date",
    "amendments": "date",
    "waivers": "rule",
    "target.per_year": "year",
    "target.split": "category",
}
_COMPARED = (
    "title",
    "text",
    "theme",
    "kind",
    "owner",
    "contributors",
    "addressed_to",
    "answer",
    "parent",
    "scope",
    "per_event",
    "conditions",
    "target",
    "effective_from",
    "deadline",
    "ongoing",
    "beyond_term",
    "frequency",
    "milestones",
    "amendments",
    "waivers",
)
# Dates of an agreement whose move says how many days later or earlier it is.
_DATES = ("effective_from", "deadline")
# Numbers of a target whose change says by how much it was raised or lowered.
_NUMBERS = ("value", "upper")
# Lists of a set compared item by item, with the field that identifies an item.
_SET_KEYED: dict[str, str] = {
    "parties": "id",
    "groups": "id",
    "bids": "party",
    "amendments": "date",
    "waivers": "rule",
    "signatures": "party",
}
# Keyed lists whose changed item is shown whole (a signature reads as one sentence).
_WHOLE_ITEMS = ("signatures",)


@dataclass(frozen=True, slots=True)
class Words:
    """One run of a word-level comparison: equal, removed or inserted words."""

    op: Literal["equal", "delete", "insert"]
    text: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of an agreement, before and after.

    ``direction`` says how a number or date moved ("raised", "lowered",
    "later", "earlier") and ``amount`` by how much (in the unit, or days).
    """

    field: str
    old: Any
    new: Any
    direction: str = ""
    amount: float | None = None
    words: tuple[Words, ...] = ()
    # Why, where the files say so: the reason of the amendment that extended the term.
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """The set amendment that withdrew an agreement."""

    date: date
    reason: str
    agreed_by: tuple[str, ...]
    summary: str | None = None

    @classmethod
    def of(cls, amendment: SetAmendment) -> Withdrawal:
        reason = " ".join(amendment.reason.split())
        return cls(amendment.date, reason, tuple(amendment.agreed_by), amendment.summary)


@dataclass(frozen=True, slots=True)
class AgreementChange:
    id: str
    title: str
    kind: ChangeKind
    old_id: str | None = None
    fields: tuple[FieldChange, ...] = ()
    # Of a withdrawn agreement: the amendment's date, reason and consent.
    withdrawn: Withdrawal | None = None

    @property
    def substantive(self) -> bool:
        """A change of the text itself, not only of the measured status over time."""
        return self.kind != "changed" or any(change.field != "status" for change in self.fields)


@dataclass(frozen=True, slots=True)
class SetDiff:
    id: str
    title: str
    path: str
    kind: ChangeKind
    agreements: tuple[AgreementChange, ...] = ()
    fields: tuple[FieldChange, ...] = ()

    @property
    def empty(self) -> bool:
        """Nothing changed in the files (a status that moved with time alone does not count)."""
        return (
            self.kind == "changed"
            and not self.fields
            and not any(change.substantive for change in self.agreements)
        )


@dataclass(frozen=True, slots=True)
class Diff:
    old: str
    new: str
    sets: tuple[SetDiff, ...]

    @property
    def empty(self) -> bool:
        return all(item.empty for item in self.sets)


def words(old: str, new: str) -> tuple[Words, ...]:
    """The word-level difference between two texts."""
    before, after = old.split(), new.split()
    runs: list[Words] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, first, last, start, end in matcher.get_opcodes():
        if op == "equal":
            runs.append(Words("equal", " ".join(before[first:last])))
            continue
        if op in ("delete", "replace"):
            runs.append(Words("delete", " ".join(before[first:last])))
        if op in ("insert", "replace"):
            runs.append(Words("insert", " ".join(after[start:end])))
    return tuple(runs)


def _dump(agreement: Agreement) -> dict[str, Any]:
    return agreement.model_dump(mode="json")


def field_changes(
    old: Agreement,
    new: Agreement,
    statuses: tuple[Status | None, Status | None] = (None, None),
) -> tuple[FieldChange, ...]:
    """Every compared field that differs between two versions of one agreement."""
    before, after = _dump(old), _dump(new)
    changes: list[FieldChange] = []
    for name in _COMPARED:
        if before[name] == after[name]:
            continue
        if name == "target" and before[name] and after[name]:
            changes.extend(_target_changes(before[name], after[name]))
        elif name in _DATES and before[name] and after[name]:
            days = (date.fromisoformat(after[name]) - date.fromisoformat(before[name])).days
            direction = "later" if days > 0 else "earlier"
            changes.append(FieldChange(name, before[name], after[name], direction, abs(days)))
        elif name == "text":
            changes.append(
                FieldChange(name, old.text, new.text, words=words(old.text or "", new.text or ""))
            )
        elif name in _KEYED:
            changes.extend(_keyed_changes(name, before[name], after[name]))
        elif isinstance(before[name], dict) and isinstance(after[name], dict):
            # A request's answer: part by part (answer.state: open → accepted).
            changes.extend(
                FieldChange(f"{name}.{part}", before[name].get(part), after[name].get(part))
                for part in after[name]
                if before[name].get(part) != after[name].get(part)
            )
        else:
            changes.append(FieldChange(name, _shown(before[name]), _shown(after[name])))
    if statuses[0] != statuses[1] and None not in statuses:
        changes.append(FieldChange("status", statuses[0], statuses[1]))
    return tuple(changes)


def _keyed_changes(
    name: str, before: list[Any], after: list[Any], key: str | None = None
) -> list[FieldChange]:
    """Changes of a list, item by item: by date for milestones, by value for the rest."""
    key = key or _KEYED[name]

    def labelled(items: list[Any]) -> dict[str, Any]:
        """Each item by its key; a second item with the same key (a party that signed
        twice) as ``key#2``."""
        found: dict[str, Any] = {}
        for item in items:
            label = str(item[key]) if key else str(item)
            counted, number = label, 1
            while counted in found:
                number += 1
                counted = f"{label}#{number}"
            found[counted] = item
        return found

    old = labelled(before)
    new = labelled(after)
    changes = []
    for item_key in dict.fromkeys([*old, *new]):
        was, now = old.get(item_key), new.get(item_key)
        if was == now:
            continue
        field = f"{name}[{item_key}]" if key else name
        if key and was is not None and now is not None and name not in _WHOLE_ITEMS:
            for part in now:
                if was.get(part) != now.get(part):
                    amount = None
                    direction = ""
                    if (
                        part == "value"
                        and isinstance(now[part], int | float)
                        and isinstance(was[part], int | float)
                    ):
                        amount = abs(now[part] - was[part])
                        direction = "raised" if now[part] > was[part] else "lowered"
                    changes.append(
                        FieldChange(
                            f"{field}.{part}", was.get(part), now.get(part), direction, amount
                        )
                    )
        else:
            changes.append(FieldChange(field, _shown(was), _shown(now)))
    return changes


def _shown(item: Any) -> Any:
    """A list item for display: a mapping without its empty fields."""
    if isinstance(item, dict):
        return {key: value for key, value in item.items() if value not in (None, [], "")}
    return item


def _target_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    changes: list[FieldChange] = []
    for name in before:
        if before[name] == after[name]:
            continue
        if name in _NUMBERS and before[name] is not None and after[name] is not None:
            amount = after[name] - before[name]
            direction = "raised" if amount > 0 else "lowered"
            changes.append(
                FieldChange(f"target.{name}", before[name], after[name], direction, abs(amount))
            )
        elif f"target.{name}" in _KEYED:
            changes.extend(_keyed_changes(f"target.{name}", before[name], after[name]))
        else:
            changes.append(FieldChange(f"target.{name}", before[name], after[name]))
    return changes


def _without_id(agreement: Agreement) -> dict[str, Any]:
    dumped = _dump(agreement)
    dumped.pop("id")
    return dumped


# Two agreements are one renamed when their title and text, word for word, are at least
# this alike (difflib's ratio, 0 to 1)...
RENAME_SIMILARITY = 0.6
# ... or when they measure the same metric and their titles, letter for letter, are this alike.
RENAME_TITLE_SIMILARITY = 0.8


def _ratio(old: Sequence[str] | str, new: Sequence[str] | str) -> float:
    return difflib.SequenceMatcher(a=old, b=new, autojunk=False).ratio()


def _plain(value: str | None) -> str:
    return " ".join((value or "").casefold().split())


def similarity(old: Agreement, new: Agreement) -> float:
    """How alike two agreements are, apart from their ids: 1 for the same content.

    The words of title and text compared in order (difflib's ratio); for two agreements
    that measure the same metric, the letters of their titles when those are more alike.
    """
    if _without_id(old) == _without_id(new):
        return 1.0
    score = _ratio(
        f"{_plain(old.title)} {_plain(old.text)}".split(),
        f"{_plain(new.title)} {_plain(new.text)}".split(),
    )
    metric = old.target.metric if old.target is not None else None
    if metric and new.target is not None and _plain(new.target.metric) == _plain(metric):
        titles = _ratio(_plain(old.title), _plain(new.title))
        if titles >= RENAME_TITLE_SIMILARITY:
            score = max(score, titles)
    return score


def renames(
    removed: Sequence[Agreement], added: Sequence[Agreement]
) -> list[tuple[Agreement, Agreement]]:
    """Pairs (old, new) of an agreement gone and one new that are alike enough to be one
    renamed: the most alike pair first, each agreement in one pair at most."""
    scored = []
    for first, old in enumerate(removed):
        for second, new in enumerate(added):
            score = similarity(old, new)
            if score >= RENAME_SIMILARITY:
                scored.append((-score, first, second))
    pairs: list[tuple[Agreement, Agreement]] = []
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for _, first, second in sorted(scored):
        if first in taken_old or second in taken_new:
            continue
        taken_old.add(first)
        taken_new.add(second)
        pairs.append((removed[first], added[second]))
    return pairs


def diff_set(
    old: AgreementSet | None,
    new: AgreementSet | None,
    path: str,
    statuses: Mapping[str, tuple[Status | None, Status | None]] | None = None,
) -> SetDiff:
    """The changes of one set between two versions (either may be absent)."""
    if old is None and new is not None:
        return SetDiff(new.id, new.title, path, "added")
    if new is None and old is not None:
        return SetDiff(old.id, old.title, path, "removed")
    assert old is not None and new is not None
    statuses = statuses or {}
    before = {agreement.id: agreement for agreement in old.agreements}
    after = {agreement.id: agreement for agreement in new.agreements}
    removed = [agreement for key, agreement in before.items() if key not in after]
    added = [agreement for key, agreement in after.items() if key not in before]
    changes: list[AgreementChange] = []
    withdrawn_before, withdrawn_now = withdrawals(old), withdrawals(new)
    # An agreement withdrawn by an amendment of the new version is withdrawn, not renamed.
    candidates = [agreement for agreement in removed if agreement.id not in withdrawn_now]
    for was, agreement in renames(candidates, added):
        removed.remove(was)
        added.remove(agreement)
        found = field_changes(was, agreement, statuses.get(agreement.id, (None, None)))
        changes.append(AgreementChange(agreement.id, agreement.title, "renamed", was.id, found))
    for agreement in new.agreements:
        if agreement.id in before:
            found = field_changes(
                before[agreement.id], agreement, statuses.get(agreement.id, (None, None))
            )
            withdrawal = withdrawn_now.get(agreement.id)
            if withdrawal is not None and agreement.id not in withdrawn_before:
                # Still in the file, but withdrawn by an amendment of this version.
                changes.append(
                    AgreementChange(
                        agreement.id,
                        agreement.title,
                        "withdrawn",
                        None,
                        found,
                        Withdrawal.of(withdrawal),
                    )
                )
            elif found:
                changes.append(
                    AgreementChange(agreement.id, agreement.title, "changed", None, found)
                )
    changes += [AgreementChange(a.id, a.title, "added") for a in added]
    for gone in removed:
        withdrawal = withdrawn_now.get(gone.id)
        if withdrawal is None:
            changes.append(AgreementChange(gone.id, gone.title, "removed"))
        else:
            changes.append(
                AgreementChange(
                    gone.id, gone.title, "withdrawn", None, (), Withdrawal.of(withdrawal)
                )
            )
    order = {agreement.id: index for index, agreement in enumerate(new.agreements)}
    changes.sort(key=lambda change: (order.get(change.id, len(order)), change.id))
    set_fields = _set_fields(old, new)
    return SetDiff(new.id, new.title, path, "changed", tuple(changes), set_fields)


def _set_fields(old: AgreementSet, new: AgreementSet) -> tuple[FieldChange, ...]:
    before = old.model_dump(mode="json", exclude={"agreements"})
    after = new.model_dump(mode="json", exclude={"agreements"})
    changes: list[FieldChange] = []
    for name in before:
        if before[name] == after[name]:
            continue
        if name in _SET_KEYED:
            changes.extend(_keyed_changes(name, before[name], after[name], _SET_KEYED[name]))
        else:
            changes.append(FieldChange(name, before[name], after[name]))
    old_end, new_end = term_end(old), term_end(new)
    if old_end != new_end and new_end != new.period.end:
        # Extended (or shortened) by a set amendment: say by how much, and why.
        days = (new_end - old_end).days
        extension = next((a for a in reversed(new.amendments) if a.extends_to == new_end), None)
        reason = " ".join(extension.reason.split()) if extension is not None else ""
        changes.append(
            FieldChange(
                "term",
                old_end.isoformat(),
                new_end.isoformat(),
                "later" if days > 0 else "earlier",
                abs(days),
                reason=reason,
            )
        )
    return tuple(changes)


def _status_at(
    agreement: Agreement | None,
    agreements: AgreementSet | None,
    measurements: Mapping[str, list[Measurement]],
    as_of: date,
    thresholds: Thresholds,
) -> Status | None:
    if agreement is None or agreements is None:
        return None
    return progress_in_set(agreement, agreements, measurements, as_of, thresholds).status


def diff_snapshots(old: Snapshot, new: Snapshot, thresholds: Thresholds) -> Diff:
    """Every set of either version, matched by id, with the status at each version's date."""
    results = []
    for set_id in dict.fromkeys([*old.sets, *new.sets]):
        old_entry, new_entry = old.sets.get(set_id), new.sets.get(set_id)
        old_set = old_entry[1] if old_entry else None
        new_set = new_entry[1] if new_entry else None
        path = (new_entry or old_entry or ("", None))[0]
        missing_from = old if old_set is None else new if new_set is None else None
        if missing_from is not None and path in missing_from.unreadable:
            # Its file is there but broken in that version: not a removal or an addition.
            known = new_set or old_set
            title = known.title if known is not None else ""
            results.append(SetDiff(set_id, title, path, "unreadable"))
            continue
        statuses: dict[str, tuple[Status | None, Status | None]] = {}
        if old_set is not None and new_set is not None:
            old_measured = old.measurements.get(set_id, {})
            new_measured = new.measurements.get(set_id, {})
            old_by_id = {a.id: a for a in old_set.agreements}
            for agreement in new_set.agreements:
                statuses[agreement.id] = (
                    _status_at(
                        old_by_id.get(agreement.id), old_set, old_measured, old.as_of, thresholds
                    ),
                    _status_at(agreement, new_set, new_measured, new.as_of, thresholds),
                )
        results.append(diff_set(old_set, new_set, path, statuses))
    # A file that became unreadable or invalid and belongs to no set of either version
    # (a new file with a typo in it, a broken monitor) is a change too, not silence.
    named = {item.path for item in results}
    for path in new.unreadable:
        if path not in old.unreadable and path not in named:
            results.append(SetDiff("", "", path, "broken"))
    return Diff(old.label, new.label, tuple(results))
