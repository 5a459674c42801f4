"""What a report shows, as plain values: built apart from rendering.

The templates (Markdown and HTML) only lay these values out; every number,
label and judgement is decided here, so that both formats say the same.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from prestatie_cli import __version__
from prestatie_cli.check.result import CheckResult
from prestatie_cli.load.corpus import Corpus
from prestatie_cli.messages import Language, number, text
from prestatie_cli.model.agreements import Agreement, AgreementSet, Monitor, Thresholds
from prestatie_cli.model.digest import digest, latest_signatures
from prestatie_cli.model.problems import Problem
from prestatie_cli.progress.calculation import Progress
from prestatie_cli.progress.status import EVERYTHING, Selection, set_status
from prestatie_cli.progress.statuses import LIGHTS, STATUSES, Light, Status
from prestatie_cli.reporting.status_formats import expected_cell, projected_cell

_SYMBOLS = {"at_least": "≥", "at_most": "≤", "exactly": "="}
# Units of rates, prices and durations: two municipalities' values do not add up.
_NOT_ADDITIVE = {
    "%",
    "procent",
    "percent",
    "procentpunt",
    "procentpunten",
    "euro",
    "€",
    "eur",
    "dagen",
    "weken",
    "maanden",
    "jaar",
    "jaren",
    "rapportcijfer",
    "cijfer",
}


@dataclass(frozen=True, slots=True)
class AmendmentView:
    date: str
    reason: str
    agreed_by: str
    summary: str


@dataclass(frozen=True, slots=True)
class AgreementView:
    id: str
    title: str
    text: str
    kind: str
    kind_label: str
    owner: str
    contributors: str
    target: str
    source: str
    deadline: str
    current: str
    measured_on: str
    expected: str
    status: Status
    status_label: str
    light: Light
    # Progress from baseline (0) to target (1), capped to 0..1 for drawing; None without numbers.
    bar: float | None
    marker: float | None
    percent: str
    expected_percent: str
    projected: str
    amendments: tuple[AmendmentView, ...]


@dataclass(frozen=True, slots=True)
class ThemeView:
    name: str
    agreements: tuple[AgreementView, ...]


@dataclass(frozen=True, slots=True)
class Tally:
    """How many agreements have each light, for one theme or party."""

    name: str
    green: int
    orange: int
    red: int
    grey: int

    @property
    def total(self) -> int:
        return self.green + self.orange + self.red + self.grey


@dataclass(frozen=True, slots=True)
class PartyView:
    id: str
    name: str
    role: str
    owns: str
    contributes: str
    owes_nothing: bool


@dataclass(frozen=True, slots=True)
class SignatureView:
    party: str
    signer: str
    date: str
    state: str  # valid, stale, unchecked (no digest), missing
    state_label: str


@dataclass(frozen=True, slots=True)
class FindingView:
    where: str
    code: str
    severity: str
    message: str


@dataclass(frozen=True, slots=True)
class SetView:
    id: str
    title: str
    period: str
    basis: str
    parties: tuple[PartyView, ...]
    statuses: tuple[tuple[str, str, int], ...]  # (status, label, count)
    by_theme: tuple[Tally, ...]
    by_party: tuple[Tally, ...]
    themes: tuple[ThemeView, ...]
    signatures: tuple[SignatureView, ...]
    findings: tuple[FindingView, ...]
    digest: str


@dataclass(frozen=True, slots=True)
class OverviewRow:
    """A target summed over several sets: same theme, metric, unit and comparison."""

    theme: str
    metric: str
    unit: str
    sets: int
    target: str
    current: str


@dataclass(frozen=True, slots=True)
class ReportView:
    title: str
    as_of: str
    lang: Language
    version: str
    sets: tuple[SetView, ...]
    overview: tuple[OverviewRow, ...] = ()
    problems: tuple[Problem, ...] = field(default=())


def _target(agreement: Agreement, lang: Language) -> str:
    target = agreement.target
    if target is None:
        return ""
    shown = (
        f"{_SYMBOLS[target.comparison]} {number(target.value, lang)} {target.unit or ''}".strip()
    )
    if target.recurring:
        shown += f" ({text(f'report.recurring.{target.recurring}', lang)})"
    return shown


def _current(row: Progress, lang: Language) -> str:
    if isinstance(row.current, bool):
        return text("value.done" if row.current else "value.not-done", lang)
    if row.current is None:
        return ""
    unit = row.agreement.target.unit if row.agreement.target else ""
    shown = f"{number(row.current, lang)} {unit or ''}".strip()
    if row.periods_missed:
        periods = {"missed": str(row.periods_missed), "measured": str(row.periods_measured)}
        shown += f" ({text('value.periods', lang, periods)})"
    return shown


def _percent(share: float | None) -> str:
    # A share of numbers too large to add up (1e308 twice) is no percentage at all.
    if share is None or not math.isfinite(share):
        return ""
    return f"{round(share * 100)} %"


def _clamp(share: float | None) -> float | None:
    if share is None or math.isnan(share):
        return None
    return min(max(share, 0.0), 1.0)


def _shown_path(path: str) -> str:
    """The file's folder and name (afspraken/x.yaml): enough to tell a set from its monitor."""
    parts = Path(path).parts
    return "/".join(parts[-2:])


def _consent(agreed_by: Sequence[str], names: dict[str, str], lang: Language) -> str:
    if set(agreed_by) >= set(names):
        return text("report.all-parties", lang)
    return ", ".join(names.get(party, party) for party in agreed_by)


def _projected(row: Progress, lang: Language) -> str:
    shown = "" if row.status in ("achieved", "no_data") else projected_cell(row, lang)
    return "" if shown == "—" else shown


def _agreement(row: Progress, names: dict[str, str], lang: Language) -> AgreementView:
    agreement = row.agreement
    return AgreementView(
        id=agreement.id,
        title=agreement.title,
        text=" ".join((agreement.text or "").split()),
        kind=agreement.kind,
        kind_label=text(f"report.kind.{agreement.kind}", lang),
        owner=names.get(agreement.owner or "", agreement.owner or ""),
        contributors=", ".join(names.get(party, party) for party in agreement.contributors),
        target=_target(agreement, lang),
        source=agreement.target.source or "" if agreement.target else "",
        deadline=agreement.deadline.isoformat() if agreement.deadline else "",
        current=_current(row, lang),
        measured_on=row.measured_on.isoformat() if row.measured_on else "",
        expected="" if row.expected_value is None else expected_cell(row, lang),
        status=row.status,
        status_label=text(f"status.{row.status}", lang),
        light=row.light,
        bar=_clamp(row.share),
        marker=_clamp(row.expected_share),
        percent=_percent(row.share),
        expected_percent=_percent(row.expected_share),
        projected=_projected(row, lang),
        amendments=tuple(
            AmendmentView(
                amendment.date.isoformat(),
                " ".join(amendment.reason.split()),
                _consent(amendment.agreed_by, names, lang),
                " ".join((amendment.summary or "").split()),
            )
            for amendment in agreement.amendments
        ),
    )


def _tallies(rows: Sequence[Progress], keys: dict[str, list[str]]) -> tuple[Tally, ...]:
    counts: dict[str, Counter[Light]] = {}
    for row in rows:
        for key in keys[row.agreement.id]:
            counts.setdefault(key, Counter())[LIGHTS[row.status]] += 1
    return tuple(
        Tally(name, c["green"], c["orange"], c["red"], c["grey"]) for name, c in counts.items()
    )


def _signatures(agreements: AgreementSet, lang: Language) -> tuple[SignatureView, ...]:
    current = digest(agreements)
    latest = latest_signatures(agreements)
    views = []
    for party in agreements.parties:
        found = latest.get(party.id)
        if found is None:
            state = "missing"
            views.append(
                SignatureView(party.name, "", "", state, text(f"report.sign.{state}", lang))
            )
            continue
        signature = found[1]
        if signature.digest is None:
            state = "unchecked"
        else:
            state = "valid" if signature.digest == current else "stale"
        views.append(
            SignatureView(
                party.name,
                signature.name,
                signature.date.isoformat(),
                state,
                text(f"report.sign.{state}", lang),
            )
        )
    return tuple(views)


def _set_view(
    agreements: AgreementSet,
    corpus: Corpus,
    problems: Sequence[Problem],
    as_of: date,
    thresholds: Thresholds,
    selection: Selection,
    lang: Language,
) -> tuple[SetView, tuple[Progress, ...]]:
    rows = set_status(
        agreements, corpus.measurements(agreements.id), as_of, thresholds, selection
    ).rows
    names = {party.id: party.name for party in agreements.parties}
    themes: dict[str, list[AgreementView]] = {}
    for row in rows:
        themes.setdefault(row.agreement.theme, []).append(_agreement(row, names, lang))
    owners = {row.agreement.id: [names.get(row.agreement.owner or "", "-")] for row in rows}
    by_theme = {row.agreement.id: [row.agreement.theme] for row in rows}
    counts = Counter(row.status for row in rows)
    parties = []
    for party in agreements.parties:
        owns = [a.id for a in agreements.agreements if a.owner == party.id]
        contributes = [a.id for a in agreements.agreements if party.id in a.contributors]
        parties.append(
            PartyView(
                party.id,
                party.name,
                text(f"report.role.{party.role}", lang),
                ", ".join(owns),
                ", ".join(contributes),
                not owns and not contributes,
            )
        )
    files = {
        *corpus.set_paths.get(agreements.id, []),
        *(
            item.path
            for item in corpus.loaded
            if isinstance(item.model, Monitor) and item.model.set == agreements.id
        ),
    }
    findings = tuple(
        FindingView(
            f"{_shown_path(problem.path)}:{problem.line}:{problem.column}",
            problem.code,
            text(f"report.severity.{problem.severity}", lang),
            problem.message,
        )
        for problem in problems
        if problem.path in files
    )
    view = SetView(
        id=agreements.id,
        title=agreements.title,
        period=text(
            "report.period",
            lang,
            {
                "start": agreements.period.start.isoformat(),
                "end": agreements.period.end.isoformat(),
            },
        ),
        basis=" ".join((agreements.basis or "").split()),
        parties=tuple(parties),
        statuses=tuple(
            (status, text(f"status.{status}", lang), counts[status])
            for status in STATUSES
            if counts[status]
        ),
        by_theme=_tallies(rows, by_theme),
        by_party=_tallies(rows, owners),
        themes=tuple(ThemeView(name, tuple(items)) for name, items in themes.items()),
        signatures=_signatures(agreements, lang),
        findings=findings,
        digest=digest(agreements),
    )
    return view, rows


def _overview(
    all_rows: Sequence[tuple[Progress, str, str]], lang: Language
) -> tuple[OverviewRow, ...]:
    """Targets that can be added up across sets: counts (not shares, not per-period caps),
    of sets with the same term (2016-2019 and 2025-2028 do not add up)."""
    groups: dict[tuple[str, str, str, str, str], list[Progress]] = {}
    sets: dict[tuple[str, str, str, str, str], set[str]] = {}
    for row, term, set_id in all_rows:
        target = row.agreement.target
        if target is None or target.recurring or (target.unit or "").lower() in _NOT_ADDITIVE:
            continue
        key = (
            row.agreement.theme,
            target.metric.casefold(),
            target.unit or "",
            target.comparison,
            term,
        )
        groups.setdefault(key, []).append(row)
        sets.setdefault(key, set()).add(set_id)
    overview = []
    for group, rows in sorted(groups.items()):
        theme, _, unit, comparison, _ = group
        # A set may hold several agreements on one metric: the count is of sets.
        if len(sets[group]) < 2:
            continue
        targets = [row.agreement.target for row in rows]
        total_target = sum(t.value for t in targets if t is not None)
        measured = [row.current for row in rows if isinstance(row.current, float)]
        current = ""
        if measured:
            current = number(sum(measured), lang)
            if len(measured) < len(rows):
                counts = {"measured": str(len(measured)), "count": str(len(rows))}
                current += " " + text("report.partly-measured", lang, counts)
        first = targets[0]
        metric = first.metric if first is not None else ""
        overview.append(
            OverviewRow(
                theme,
                metric,
                unit,
                len(sets[group]),
                f"{_SYMBOLS[comparison]} {number(total_target, lang)}",
                current,
            )
        )
    return tuple(overview)


def build_report(
    corpus: Corpus,
    checked: CheckResult,
    as_of: date,
    lang: Language,
    thresholds: Thresholds,
    selection: Selection = EVERYTHING,
) -> ReportView:
    """Everything a report shows for the sets (and their monitors) of ``corpus``.

    ``checked`` is what checking the same files found: each set lists its files' findings.
    """
    sets = []
    all_rows: list[tuple[Progress, str, str]] = []
    for agreements in corpus.sets.values():
        view, rows = _set_view(
            agreements, corpus, checked.problems, as_of, thresholds, selection, lang
        )
        sets.append(view)
        all_rows += [(row, view.period, agreements.id) for row in rows]
    title = (
        sets[0].title
        if len(sets) == 1
        else text("report.title.many", lang, {"count": str(len(sets))})
    )
    return ReportView(
        title=title,
        as_of=as_of.isoformat(),
        lang=lang,
        version=__version__,
        sets=tuple(sets),
        overview=_overview(all_rows, lang) if len(sets) > 1 else (),
        problems=corpus.problems,
    )
