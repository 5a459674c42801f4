"""Where every agreement of a run stands at a date, with tallies per theme and party."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from prestatie_cli.load.corpus import Corpus
from prestatie_cli.model.agreements import AgreementSet, Measurement, Thresholds
from prestatie_cli.model.problems import Problem
from prestatie_cli.progress.calculation import Progress, progress
from prestatie_cli.progress.statuses import LIGHTS, Light, Status


@dataclass(frozen=True, slots=True)
class SetStatus:
    """The progress of the (selected) agreements of one set."""

    agreements: AgreementSet
    rows: tuple[Progress, ...]

    def by_theme(self) -> dict[str, Counter[Light]]:
        return tally(self.rows, lambda row: [row.agreement.theme])

    def by_owner(self) -> dict[str, Counter[Light]]:
        return tally(self.rows, lambda row: [row.agreement.owner or "-"])


@dataclass(frozen=True, slots=True)
class StatusReport:
    """Every set of a run, and the problems that kept files out of it."""

    as_of: date
    files: int
    sets: tuple[SetStatus, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Selection:
    """Which agreements to show; empty means all."""

    themes: Collection[str] = ()
    parties: Collection[str] = ()
    statuses: Collection[Status] = ()

    def keeps(self, row: Progress) -> bool:
        agreement = row.agreement
        involved = {agreement.owner, *agreement.contributors}
        return (
            (not self.themes or agreement.theme in self.themes)
            and (not self.parties or bool(involved & set(self.parties)))
            and (not self.statuses or row.status in self.statuses)
        )


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
) -> SetStatus:
    rows = []
    for agreement in agreements.agreements:
        row = progress(
            agreement,
            measurements.get(agreement.id, ()),
            as_of,
            agreements.period,
            thresholds,
        )
        if selection.keeps(row):
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
        set_status(agreements, corpus.measurements(set_id), as_of, thresholds, selection)
        for set_id, agreements in corpus.sets.items()
    )
    return StatusReport(as_of, corpus.files, sets, corpus.problems)
