"""Where every agreement of a run stands at a date, with tallies per theme and party.

A group's agreement, or one owned jointly, counts for each party that owes it; after
a merger the successor carries the agreements of the parties it succeeded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from prestatie_cli.load.corpus import Corpus
from prestatie_cli.model.agreements import (
    AgreementSet,
    ConditionRecord,
    Measurement,
    Monitor,
    Thresholds,
)
from prestatie_cli.model.problems import Problem
from prestatie_cli.model.structure import parties_of
from prestatie_cli.progress.calculation import Progress, progress_in_set
from prestatie_cli.progress.statuses import LIGHTS, Light, Status


@dataclass(frozen=True, slots=True)
class SetStatus:
    """The progress of the (selected) agreements of one set."""

    agreements: AgreementSet
    rows: tuple[Progress, ...]

    def by_theme(self) -> dict[str, Counter[Light]]:
        return tally(self.rows, lambda row: [row.agreement.theme])

    def by_owner(self) -> dict[str, Counter[Light]]:
        """Lights per party that owes the agreement: a group's count for each member.

        What nobody owes (context, a request not accepted) is left out: it is no one's
        deliverable.
        """
        return tally(self.rows, lambda row: row.owed_by)


@dataclass(frozen=True, slots=True)
class StatusReport:
    """Every set of a run, and the problems that kept files out of it."""

    as_of: date
    files: int
    sets: tuple[SetStatus, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Selection:
    """Which agreements to show; empty means all.

    A party is involved in an agreement it owns, contributes to or is asked by, also
    through a group it is a member of, a joint ownership, or as the successor of a
    party that is. ``scope`` is a piece of the scope or of the 'per event' text, in
    any case.
    """

    themes: Collection[str] = ()
    parties: Collection[str] = ()
    statuses: Collection[Status] = ()
    scope: str | None = None

    def keeps(self, row: Progress, agreement_set: AgreementSet | None = None) -> bool:
        agreement = row.agreement
        return (
            (not self.themes or agreement.theme in self.themes)
            and (not self.parties or bool(involved(row, agreement_set) & set(self.parties)))
            and (not self.statuses or row.status in self.statuses)
            and (not self.scope or _in_scope(self.scope, agreement.scope, agreement.per_event))
        )


def involved(row: Progress, agreement_set: AgreementSet | None = None) -> set[str]:
    """The ids of the parties and groups an agreement involves, as written and expanded."""
    agreement = row.agreement
    written = [*agreement.owners, *agreement.contributors, *agreement.asked]
    found = set(written) | set(row.owed_by)
    if agreement_set is not None:
        found.update(parties_of(agreement_set, written))
        found.update(parties_of(agreement_set, written, on=row.as_of))
    return found


def _in_scope(wanted: str, *texts: str | None) -> bool:
    needle = wanted.casefold()
    return any(needle in text.casefold() for text in texts if text)


EVERYTHING = Selection()


def tally(
    rows: Sequence[Progress], keys: Callable[[Progress], Iterable[str]]
) -> dict[str, Counter[Light]]:
    """Count the lights of ``rows`` per key (``keys`` maps a row to its keys)."""
    counts: dict[str, Counter[Light]] = {}
    for row in rows:
        for key in keys(row):
            counts.setdefault(key, Counter())[LIGHTS[row.status]] += 1
    return dict(sorted(counts.items()))


def set_status(
    agreements: AgreementSet,
    measurements: Mapping[str, Sequence[Measurement]],
    as_of: date,
    thresholds: Thresholds,
    selection: Selection,
    conditions: Iterable[ConditionRecord] = (),
) -> SetStatus:
    """The progress of the selected agreements of one set; ``conditions`` are the
    monitors' records of the states of the agreements' conditions."""
    records = list(conditions)
    rows = []
    for agreement in agreements.agreements:
        row = progress_in_set(agreement, agreements, measurements, as_of, thresholds, records)
        if selection.keeps(row, agreements):
            rows.append(row)
    return SetStatus(agreements, tuple(rows))


def status(
    corpus: Corpus,
    as_of: date,
    thresholds: Thresholds,
    selection: Selection = EVERYTHING,
) -> StatusReport:
    """Progress of every (selected) agreement of every set of ``corpus`` at ``as_of``."""
    sets = tuple(
        set_status(
            agreements,
            corpus.measurements(set_id),
            as_of,
            thresholds,
            selection,
            condition_records(corpus, set_id),
        )
        for set_id, agreements in corpus.sets.items()
    )
    return StatusReport(as_of, corpus.files, sets, corpus.problems)


def condition_records(corpus: Corpus, set_id: str) -> list[ConditionRecord]:
    """The condition records of every monitor of a set, in file order."""
    return [
        record
        for item in corpus.loaded
        if isinstance(item.model, Monitor) and item.model.set == set_id
        for record in item.model.conditions
    ]
