"""What a report shows, as plain values: built apart from rendering.

The templates (Markdown and HTML) only lay these values out; every number,
label and judgement is decided here, so that both formats say the same.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import overload

from babel.dates import format_date
from babel.numbers import format_decimal

from prestatie_cli import __version__
from prestatie_cli.check.result import CheckResult
from prestatie_cli.load.corpus import Corpus
from prestatie_cli.messages import Language, has, number, text
from prestatie_cli.model.agreements import (
    Agreement,
    AgreementSet,
    ConditionRecord,
    Measurement,
    Monitor,
    MonitorWaiver,
    Party,
    SetAmendment,
    Target,
    Thresholds,
)
from prestatie_cli.model.digest import digest, latest_signatures
from prestatie_cli.model.problems import Problem
from prestatie_cli.model.structure import (
    condition_states,
    group_members,
    owner_parties,
    parties_of,
    withdrawals,
)
from prestatie_cli.progress.calculation import Progress, met
from prestatie_cli.progress.status import EVERYTHING, Selection, condition_records, set_status
from prestatie_cli.progress.statuses import LIGHTS, STATUSES, Light, Status

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
    iso: str = ""


@dataclass(frozen=True, slots=True)
class ConditionView:
    """A condition (voorbehoud) with its latest recorded state at the report's date."""

    text: str
    kind: str
    kind_label: str  # "goedkeuring door Raad van Commissarissen De Meerhof"
    state: str  # open, met, not_met
    state_label: str  # "vervuld op 10 maart 2026"
    note: str


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
    # Context frames the agreements: shown as a paragraph, without a status or light.
    is_context: bool = False
    # "Verzoek van X aan Y: aanvaard op 15 juni 2026 (note)"; empty for other kinds.
    request: str = ""
    parent: str = ""
    children: str = ""
    scope: str = ""
    per_event: str = ""
    timing: str = ""
    per_year: str = ""
    split: str = ""
    conditions: tuple[ConditionView, ...] = ()
    # "Ingetrokken op 1 september 2026: reason" when a set amendment withdrew it.
    withdrawn: str = ""
    theme: str = ""
    # "38 weken op 31 december 2015": where progress is counted from.
    baseline: str = ""
    # Every date that matters, oldest first; the chart's text alternative.
    history: tuple[HistoryRow, ...] = ()
    chart: ChartView | None = None
    # Why it was missed, or why a finding does not apply: the monitor's explanations.
    explanations: tuple[str, ...] = ()
    # Its deadline passed and nothing was measured: late, though there is no figure.
    late: str = ""
    # The light as a symbol that survives without colour, and progress in text.
    symbol: str = ""
    text_bar: str = ""


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
    # "gefuseerd tot Polderoever Wonen per 1 juli 2026", "partij per 1 september 2026", note.
    about: str = ""


@dataclass(frozen=True, slots=True)
class GroupView:
    """A group of parties that acts together; it never signs."""

    name: str
    members: str
    note: str


@dataclass(frozen=True, slots=True)
class SignatureView:
    party: str
    signer: str
    date: str
    # valid, stale, unchecked (no digest), missing; via: bound through a merger (P604)
    state: str
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
    # Built each time it is read (``Themes``): a country's agreements are never all held
    # as views at once.
    themes: Sequence[ThemeView]
    signatures: tuple[SignatureView, ...]
    findings: tuple[FindingView, ...]
    digest: str
    groups: tuple[GroupView, ...] = ()
    # "Jaarschijf bij kaderafspraak weidemeer-2026-2029" of a yearly slice.
    frame: str = ""
    # Of a frame: the yearly slices among the report's sets.
    slices: str = ""
    bids: tuple[str, ...] = ()
    # "Gewijzigd op 1 september 2026: ...; ingetrokken: SW-05 (akkoord: ...)".
    amendments: tuple[str, ...] = ()
    years: tuple[YearRow, ...] = ()


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
    key_points: tuple[KeyPoints, ...] = ()
    by_theme: tuple[Tally, ...] = ()
    # The light of every status, for the templates' colours.
    lights: dict[str, str] = field(default_factory=lambda: {str(k): v for k, v in LIGHTS.items()})


def _amount(value: float, unit: str | None, lang: Language) -> str:
    return f"{amount(value, lang)} {unit or ''}".strip()


def _joined(items: Sequence[str], lang: Language) -> str:
    """'A', 'A en B', 'A, B en C'."""
    if len(items) < 2:
        return "".join(items)
    return text("report.and", lang, {"first": ", ".join(items[:-1]), "last": items[-1]})


def _flat(value: str | None) -> str:
    return " ".join((value or "").split())


def _indexed(target: Target, lang: Language) -> str:
    """A target set against an outside index: 'ten hoogste inflatie (CPI) min 0,5 procent'."""
    index = target.index or ""

    def offset(value: float) -> str:
        if value == 0:
            return index
        amount = _amount(abs(value), target.unit, lang)
        key = "report.offset.minus" if value < 0 else "report.offset.plus"
        return text(key, lang, {"index": index, "amount": amount})

    if target.comparison == "between" and target.upper is not None:
        return text(
            "report.between", lang, {"low": offset(target.value), "high": offset(target.upper)}
        )
    return text(f"report.comparison.{target.comparison}", lang, {"value": offset(target.value)})


def _target(agreement: Agreement, lang: Language) -> str:
    """The target as the document words it: '≥ 180 woningen (per jaar)', 'tussen 850 en
    1.000 euro per maand', '≥ circa 600 woningen (netto)'."""
    target = agreement.target
    if target is None:
        return ""
    if target.index is not None:
        shown = _indexed(target, lang)
    else:
        value = amount(target.value, lang)
        if target.approximate:
            value = text("report.approximate", lang, {"value": value})
        if target.comparison == "between" and target.upper is not None:
            bounds = {"low": value, "high": amount(target.upper, lang)}
            shown = f"{text('report.between', lang, bounds)} {target.unit or ''}".strip()
        else:
            shown = f"{_SYMBOLS[target.comparison]} {value} {target.unit or ''}".strip()
    extras = []
    if target.counting:
        extras.append(text(f"report.counting.{target.counting}", lang))
    if target.recurring:
        extras.append(text(f"report.recurring.{target.recurring}", lang))
    if extras:
        shown += f" ({'; '.join(extras)})"
    return shown


def _per_year(target: Target | None, lang: Language) -> str:
    if target is None:
        return ""
    return "; ".join(
        f"{entry.year}: {_amount(entry.value, target.unit, lang)}"
        + (f" ({_flat(entry.note)})" if entry.note else "")
        for entry in target.per_year
    )


def _split(target: Target | None, lang: Language) -> str:
    if target is None:
        return ""
    return ", ".join(
        f"{share.category} {amount(share.share, lang)} %"
        + (f" ({_amount(share.value, target.unit, lang)})" if share.value is not None else "")
        for share in target.split
    )


def _timing(agreements: AgreementSet, agreement: Agreement, lang: Language) -> str:
    """When the agreement applies: 'vanaf 1 januari 2029, doorlopend, elk jaar'."""
    parts = []
    if agreement.effective_from is not None:
        day = long_date(agreement.effective_from, lang)
        parts.append(text("report.effective-from", lang, {"date": day}))
    if agreement.ongoing:
        parts.append(text("report.ongoing", lang))
    if agreement.beyond_term:
        if agreement.deadline is not None and agreement.deadline > agreements.period.end:
            day = long_date(agreement.deadline, lang)
            parts.append(text("report.beyond-term", lang, {"date": day}))
        else:
            parts.append(text("report.beyond-term.open", lang))
    if parts and agreement.frequency:
        parts.append(text(f"report.frequency.{agreement.frequency}", lang))
    return ", ".join(parts)


def _request(agreement: Agreement, names: dict[str, str], lang: Language) -> str:
    """'Verzoek van X aan Y: aanvaard op 15 juni 2026 (note)'."""
    if agreement.kind != "request":
        return ""
    who = {
        "by": _joined([names.get(i, i) for i in agreement.owners], lang) or "—",
        "to": _joined([names.get(i, i) for i in agreement.asked], lang) or "—",
    }
    answer = agreement.answer
    if answer is None:
        state = text("report.answer.none", lang)
    else:
        day = long_date(answer.date, lang)
        state = text(f"report.answer.{answer.state}", lang, {"date": day})
        if answer.note:
            state += f" ({_flat(answer.note)})"
    return f"{text('report.request', lang, who)}: {state}"


def _conditions(
    agreement: Agreement, records: Sequence[ConditionRecord], as_of: date, lang: Language
) -> tuple[ConditionView, ...]:
    states = condition_states(agreement, records, as_of)
    views = []
    for condition in agreement.conditions:
        kind = text(f"report.condition.{condition.kind}", lang)
        if condition.by:
            kind = text("report.condition.by", lang, {"kind": kind, "by": _flat(condition.by)})
        record = states.get(condition.id)
        if record is None or record.state == "open":
            state, label = "open", text("report.condition.open", lang)
        else:
            state = record.state
            day = long_date(record.date, lang)
            label = text(f"report.condition.{state}", lang, {"date": day})
        note = _flat(record.note) if record is not None else ""
        views.append(ConditionView(_flat(condition.text), condition.kind, kind, state, label, note))
    return tuple(views)


def _current(row: Progress, lang: Language) -> str:
    if isinstance(row.current, bool):
        return text("value.done" if row.current else "value.not-done", lang)
    if row.current is None:
        return ""
    unit = row.agreement.target.unit if row.agreement.target else ""
    shown = f"{amount(row.current, lang)} {unit or ''}".strip()
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


def _consent(agreed_by: Sequence[str], parties: Sequence[Party], day: date, lang: Language) -> str:
    """Who agreed to a change: 'alle partijen' when every party of that day did."""
    if set(agreed_by) >= {party.id for party in parties if party.active_on(day)}:
        return text("report.all-parties", lang)
    names = {party.id: party.name for party in parties}
    return ", ".join(names.get(party, party) for party in agreed_by)


def _projected(row: Progress, lang: Language) -> str:
    if row.status in ("achieved", "no_data"):
        return ""
    if row.projected is not None:
        return long_date(row.projected, lang)
    if row.status in ("on_track", "at_risk", "behind") and row.share is not None:
        return text("projection.never", lang)
    return ""


# ---- Dates, numbers and themes as a Dutch (or English) reader writes them -------------

# Babel formats by the CLDR: "31 december 2019", "1.234,5"; en_GB keeps day before month.
_LOCALES: dict[Language, str] = {"nl": "nl_NL", "en": "en_GB"}


# Babel looks the locale up again on every call, and a country's report formats the same
# dates and numbers hundreds of thousands of times: each is formatted once.
@lru_cache(maxsize=8192)
def long_date(day: date, lang: Language) -> str:
    """'31 december 2019', '31 December 2019'."""
    return format_date(day, format="long", locale=_LOCALES[lang])


def amount(value: float, lang: Language, *, whole: bool = False) -> str:
    """A number grouped by thousands with at most two decimals, or none for a count."""
    if not math.isfinite(value) or abs(value) >= 1e15:
        return number(value, lang)
    return _decimal(value, lang, whole)


@lru_cache(maxsize=8192, typed=True)  # typed: 1, 1.0 and True are formatted each their own way
def _decimal(value: float, lang: Language, whole: bool) -> str:
    shown = format_decimal(value, format="#,##0" if whole else "#,##0.##", locale=_LOCALES[lang])
    return "0" if shown == "-0" else shown


def theme_label(slug: str, lang: Language, labels: Mapping[str, str] | None = None) -> str:
    """The theme as a heading: the user's label (prestatie.yaml's themes), else the
    catalogue's, else its slug with spaces and a capital."""
    if labels and slug in labels:
        return labels[slug]
    key = f"report.theme.{slug}"
    if has(key):
        return text(key, lang)
    words = slug.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def counts_things(target: Target) -> bool:
    """Whether the target counts things (homes, households): shown as whole numbers."""
    whole = float(target.value).is_integer() and (
        target.baseline is None or float(target.baseline.value).is_integer()
    )
    return whole and (target.unit or "").lower() not in _NOT_ADDITIVE


def _with_unit(value: float, target: Target, lang: Language, *, whole: bool = False) -> str:
    return f"{amount(value, lang, whole=whole)} {target.unit or ''}".strip()


# ---- The agreement over time: what was agreed, what was measured ----------------------


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One date in an agreement's history: the baseline, a milestone, the deadline, a
    measurement, or several of these on one day."""

    date: str
    iso: str
    agreed: str
    measured: str
    note: str


@dataclass(frozen=True, slots=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True, slots=True)
class ChartView:
    """A small line chart, laid out here so that the template only draws it."""

    label: str
    measured: str  # polyline points "x,y x,y"
    dots: tuple[Tick, ...]  # at: x; label: y (as text, for the template)
    expected: str
    targets: tuple[float, ...]  # y of each target line
    today: float | None
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    width: int = 320
    height: int = 150
    left: int = 52
    right: int = 312
    top: int = 10
    bottom: int = 126


def _numbers(measurements: Sequence[Measurement], as_of: date) -> list[Measurement]:
    """Measurements with a number up to ``as_of``, oldest first, the later of one date."""
    latest: dict[date, Measurement] = {}
    for measurement in measurements:
        if measurement.date <= as_of:
            latest[measurement.date] = measurement
    return [latest[day] for day in sorted(latest)]


def _levels(
    target: Target, numbers: Sequence[Measurement], start: float
) -> list[tuple[date, float]]:
    """The value at each measurement: a running total from the baseline when cumulative."""
    shown: list[tuple[date, float]] = []
    total = start
    for measurement in numbers:
        value = measurement.value
        if isinstance(value, bool) or value is None:
            continue
        if target.cumulative:
            total += float(value)
            shown.append((measurement.date, total))
        else:
            shown.append((measurement.date, float(value)))
    return shown


def _value_on(levels: Sequence[tuple[date, float]], day: date) -> float | None:
    """The latest value measured on or before ``day``."""
    found = None
    for when, value in levels:
        if when <= day:
            found = value
    return found


def _judged_point(
    target: Target, goal: float, levels: Sequence[tuple[date, float]], day: date, lang: Language
) -> str:
    """'gehaald' or 'niet gehaald' for a milestone or the deadline, once measured."""
    value = _value_on(levels, day)
    if value is None:
        return ""
    return text("report.point.met" if met(target, value, goal) else "report.point.missed", lang)


def _history(
    agreement: Agreement,
    row: Progress,
    measurements: Sequence[Measurement],
    lang: Language,
) -> tuple[HistoryRow, ...]:
    """Every date that matters, oldest first: the baseline, the milestones, the deadline
    and each measurement, with its note."""
    target = agreement.target
    numbers = _numbers(measurements, row.as_of)
    whole = target is not None and counts_things(target)
    agreed: dict[date, list[str]] = {}
    measured: dict[date, str] = {}
    notes: dict[date, list[str]] = {}
    levels: list[tuple[date, float]] = []
    if target is not None:
        start = float(target.baseline.value) if target.baseline else 0.0
        levels = _levels(target, numbers, start)
        if target.baseline is not None:
            shown = _with_unit(target.baseline.value, target, lang, whole=whole)
            agreed.setdefault(target.baseline.date, []).append(
                text("report.point.baseline", lang, {"value": shown})
            )
        for milestone in sorted(agreement.milestones, key=lambda m: m.date):
            shown = _with_unit(milestone.value, target, lang, whole=whole)
            line = text("report.point.milestone", lang, {"value": shown})
            outcome = _judged_point(target, float(milestone.value), levels, milestone.date, lang)
            if outcome:
                line += f" ({outcome})"
            agreed.setdefault(milestone.date, []).append(line)
            if milestone.note:
                notes.setdefault(milestone.date, []).append(_flat(milestone.note))
        if row.deadline is not None and not target.recurring:
            line = text("report.point.target", lang, {"value": _target(agreement, lang)})
            if row.deadline_passed and target.index is None:
                outcome = _judged_point(target, float(target.value), levels, row.deadline, lang)
                line += f" ({outcome or text('report.point.unmeasured', lang)})"
            agreed.setdefault(row.deadline, []).append(line)
    elif row.deadline is not None:
        agreed.setdefault(row.deadline, []).append(text("report.point.deadline", lang))
    by_date = dict(levels)
    for measurement in numbers:
        value = measurement.value
        if isinstance(value, bool):
            shown = text("value.done" if value else "value.not-done", lang)
        elif value is None or target is None:
            shown = "—" if value is None else amount(float(value), lang)
        else:
            shown = _with_unit(by_date.get(measurement.date, float(value)), target, lang)
            if target.cumulative:
                step = amount(float(value), lang)
                shown += " " + text("report.point.added", lang, {"value": step})
            if target.index is not None and measurement.index is not None:
                index = {"index": target.index, "value": amount(measurement.index, lang)}
                shown += f" ({text('report.point.index', lang, index)})"
        measured[measurement.date] = shown
        if measurement.note:
            notes.setdefault(measurement.date, []).append(_flat(measurement.note))
    return tuple(
        HistoryRow(
            long_date(day, lang),
            day.isoformat(),
            "; ".join(agreed.get(day, [])),
            measured.get(day, ""),
            " ".join(notes.get(day, [])),
        )
        for day in sorted({*agreed, *measured, *notes})
    )


def _step(span: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) for about four intervals."""
    rough = span / 4
    power: float = 10.0 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return factor * power
    return 10 * power


def _chart(
    agreement: Agreement,
    row: Progress,
    measurements: Sequence[Measurement],
    period_start: date,
    lang: Language,
) -> ChartView | None:
    """The measurements against the line through the milestones, the target and today.

    None where a line says nothing: no numbers, a yes/no duty, a target set against an
    outside index (its measurements are not in the target's terms).
    """
    target = agreement.target
    if target is None or target.index is not None or row.deadline is None:
        return None
    numbers = _numbers(measurements, row.as_of)
    start_value = float(target.baseline.value) if target.baseline else None
    start_date = target.baseline.date if target.baseline else None
    if target.cumulative and start_value is None:
        start_value, start_date = 0.0, agreement.effective_from or period_start
    levels = _levels(target, numbers, start_value or 0.0)
    if not levels or any(not math.isfinite(value) for _, value in levels):
        return None
    if start_value is None or start_date is None:
        start_date, start_value = levels[0]
    aim = float(target.value)
    if target.comparison == "between" and target.upper is not None and start_value > target.upper:
        aim = float(target.upper)  # progress runs to the nearer bound of a range
    expected: list[tuple[date, float]] = []
    if not target.recurring:
        expected.append((start_date, start_value))
        for milestone in sorted(agreement.milestones, key=lambda m: m.date):
            if start_date < milestone.date < row.deadline:
                expected.append((milestone.date, float(milestone.value)))
        expected.append((max(row.deadline, start_date), aim))
    goals = [float(target.value)]
    if target.comparison == "between" and target.upper is not None:
        goals.append(float(target.upper))
    first = min(start_date, levels[0][0])
    last = max(row.deadline, levels[-1][0])
    today: date | None = row.as_of
    if row.as_of > last:
        # A report years after the term draws no empty years up to today.
        today = row.as_of if (row.as_of - last).days <= 400 else None
        last = today or last
    if today is not None and today < first:
        today = None
    values = [value for _, value in levels] + [value for _, value in expected] + goals
    low, high = min(values), max(values)
    if min(values) >= 0 and low <= 0.35 * high:
        low = 0.0  # counts from nothing read best from a zero line
    if high - low <= 0:
        high, low = high + 1, low - 1
    step = _step(high - low)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    view = ChartView("", "", (), "", (), None, (), ())
    days = max((last - first).days, 1)

    def x(day: date) -> float:
        return round(view.left + (day - first).days / days * (view.right - view.left), 1)

    def y(value: float) -> float:
        share = (value - low) / (high - low)
        return round(view.bottom - share * (view.bottom - view.top), 1)

    whole = counts_things(target)
    years = list(range(first.year + 1, last.year + 1))
    if len(years) > 6:
        years = years[:: math.ceil(len(years) / 6)]
    count = round((high - low) / step)
    measured_text = "; ".join(
        f"{long_date(day, lang)}: {_with_unit(value, target, lang)}" for day, value in levels
    )
    parts = [text("report.chart.measured", lang, {"values": measured_text})]
    if expected:
        line = "; ".join(
            f"{long_date(day, lang)}: {_with_unit(value, target, lang, whole=whole)}"
            for day, value in expected
        )
        parts.append(text("report.chart.expected", lang, {"values": line}))
    if today is not None:
        parts.append(text("report.chart.today", lang, {"date": long_date(today, lang)}))
    return ChartView(
        label=text("report.chart", lang, {"id": agreement.id}) + " " + ". ".join(parts) + ".",
        measured=" ".join(f"{x(day)},{y(value)}" for day, value in levels),
        dots=tuple(Tick(x(day), str(y(value))) for day, value in levels),
        expected=" ".join(f"{x(day)},{y(value)}" for day, value in expected),
        targets=tuple(y(goal) for goal in goals),
        today=x(today) if today is not None else None,
        x_ticks=tuple(Tick(x(date(year, 1, 1)), str(year)) for year in years),
        y_ticks=tuple(
            Tick(y(low + i * step), amount(low + i * step, lang)) for i in range(count + 1)
        ),
    )


def _expected(row: Progress, lang: Language) -> str:
    """The value expected at the latest measurement, rounded as people count."""
    target = row.agreement.target
    if row.expected_value is None or target is None:
        return ""
    if not math.isfinite(row.expected_value):  # beyond the float range: shown as ∞
        return _with_unit(row.expected_value, target, lang)
    if counts_things(target):
        return _with_unit(round(row.expected_value), target, lang, whole=True)
    return _with_unit(round(row.expected_value, 1), target, lang)


_MARKERS: dict[Light, str] = {"green": "🟢", "orange": "🟠", "red": "🔴", "grey": "⚪"}


def _text_bar(bar: float | None, marker: float | None, cells: int = 20) -> str:
    """'██████░░░░┃░░░░░░░░░': progress in blocks, the expected point as a bar."""
    if bar is None:
        return ""
    filled = round(bar * cells)
    shown = ["█"] * filled + ["░"] * (cells - filled)
    if marker is not None:
        shown[min(round(marker * cells), cells - 1)] = "┃"
    return "".join(shown)


@dataclass(frozen=True, slots=True)
class _Structure:
    """How the agreements of one set relate, worked out once per set."""

    agreements: AgreementSet
    by_id: dict[str, Agreement]
    parts: dict[str, list[str]]
    withdrawn: dict[str, SetAmendment]

    @classmethod
    def of(cls, agreements: AgreementSet) -> _Structure:
        parts: dict[str, list[str]] = {}
        for agreement in agreements.agreements:
            if agreement.parent:
                parts.setdefault(agreement.parent, []).append(agreement.id)
        by_id = {agreement.id: agreement for agreement in reversed(agreements.agreements)}
        return cls(agreements, by_id, parts, withdrawals(agreements))


class Themes(Sequence[ThemeView]):
    """A set's agreements by theme, in the order of their first agreement, built from its
    progress each time they are read and not kept: a report holds the views of one set
    at a time while it is written, not those of the whole country."""

    __slots__ = (
        "_agreements",
        "_count",
        "_labels",
        "_lang",
        "_measurements",
        "_records",
        "_rows",
        "_waivers",
    )

    def __init__(
        self,
        agreements: AgreementSet,
        rows: tuple[Progress, ...],
        records: tuple[ConditionRecord, ...],
        waivers: tuple[MonitorWaiver, ...],
        measurements: Mapping[str, Sequence[Measurement]],
        lang: Language,
        labels: Mapping[str, str],
    ) -> None:
        self._agreements = agreements
        self._rows = rows
        self._records = records
        self._waivers = waivers
        self._measurements = measurements
        self._lang = lang
        self._labels = labels
        self._count = len({row.agreement.theme for row in rows})

    def rows(self) -> list[Progress]:
        """The set's rows in the order the themes show them: by theme, each theme where
        its first agreement is."""
        by_theme: dict[str, list[Progress]] = {}
        for row in self._rows:
            by_theme.setdefault(row.agreement.theme, []).append(row)
        return [row for rows in by_theme.values() for row in rows]

    def views(self, rows: Sequence[Progress]) -> list[AgreementView]:
        """The views of some of the set's rows, in their order."""
        return [view for _, view in self._views(rows)]

    def _views(self, rows: Sequence[Progress]) -> list[tuple[str, AgreementView]]:
        agreements = self._agreements
        names = {party.id: party.name for party in agreements.parties}
        names.update({group.id: group.name for group in agreements.groups})
        structure = _Structure.of(agreements)
        return [
            (
                row.agreement.theme,
                _agreement(
                    row,
                    structure,
                    self._records,
                    names,
                    self._measurements.get(row.agreement.id, []),
                    self._waivers,
                    self._lang,
                    self._labels,
                ),
            )
            for row in rows
        ]

    def _built(self) -> tuple[ThemeView, ...]:
        themes: dict[str, list[AgreementView]] = {}
        for theme, view in self._views(self._rows):
            themes.setdefault(theme, []).append(view)
        return tuple(
            ThemeView(theme_label(name, self._lang, self._labels), tuple(items))
            for name, items in themes.items()
        )

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[ThemeView]:
        return iter(self._built())

    @overload
    def __getitem__(self, index: int) -> ThemeView: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[ThemeView, ...]: ...

    def __getitem__(self, index: int | slice) -> ThemeView | tuple[ThemeView, ...]:
        return self._built()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Themes | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"Themes({self._agreements.id!r}, {self._count} themes)"


def _agreement(
    row: Progress,
    structure: _Structure,
    records: Sequence[ConditionRecord],
    names: dict[str, str],
    measurements: Sequence[Measurement],
    waivers: Sequence[MonitorWaiver],
    lang: Language,
    labels: Mapping[str, str],
) -> AgreementView:
    agreement = row.agreement
    agreements = structure.agreements
    target = agreement.target
    late = ""
    if row.unmeasured and row.deadline is not None:
        late = text("report.late-no-data", lang, {"date": long_date(row.deadline, lang)})
    bar = _clamp(row.share)
    marker = _clamp(row.expected_share)
    parent = structure.by_id.get(agreement.parent) if agreement.parent else None
    withdrawn = structure.withdrawn.get(agreement.id)
    return AgreementView(
        id=agreement.id,
        title=agreement.title,
        text=" ".join((agreement.text or "").split()),
        kind=agreement.kind,
        kind_label=text(f"report.kind.{agreement.kind}", lang),
        owner=_joined([names.get(owner, owner) for owner in agreement.owners], lang),
        contributors=", ".join(names.get(party, party) for party in agreement.contributors),
        target=_target(agreement, lang),
        source=agreement.target.source or "" if agreement.target else "",
        deadline=long_date(agreement.deadline, lang) if agreement.deadline else "",
        current=_current(row, lang),
        measured_on=long_date(row.measured_on, lang) if row.measured_on else "",
        expected=_expected(row, lang),
        status=row.status,
        status_label=text(f"status.{row.status}", lang),
        light=row.light,
        bar=bar,
        marker=marker,
        percent=_percent(row.share),
        expected_percent=_percent(row.expected_share),
        projected=_projected(row, lang),
        amendments=tuple(
            AmendmentView(
                long_date(amendment.date, lang),
                " ".join(amendment.reason.split()),
                _consent(amendment.agreed_by, agreements.parties, amendment.date, lang),
                " ".join((amendment.summary or "").split()),
                amendment.date.isoformat(),
            )
            for amendment in agreement.amendments
        ),
        is_context=agreement.kind == "context",
        request=_request(agreement, names, lang),
        parent=(
            text(
                "report.parent",
                lang,
                {"id": agreement.parent, "title": parent.title if parent else ""},
            ).strip()
            if agreement.parent
            else ""
        ),
        children=_children(structure.parts.get(agreement.id, []), bool(row.rolled_up_from), lang),
        scope=_flat(agreement.scope),
        per_event=_flat(agreement.per_event),
        timing=_timing(agreements, agreement, lang),
        per_year=_per_year(agreement.target, lang),
        split=_split(agreement.target, lang),
        conditions=_conditions(agreement, records, row.as_of, lang),
        withdrawn=(
            text(
                "report.withdrawn",
                lang,
                {"date": long_date(withdrawn.date, lang), "reason": _flat(withdrawn.reason)},
            )
            if withdrawn is not None
            else ""
        ),
        theme=theme_label(agreement.theme, lang, labels),
        baseline=(
            text(
                "report.baseline-on",
                lang,
                {
                    "value": _with_unit(target.baseline.value, target, lang),
                    "date": long_date(target.baseline.date, lang),
                },
            )
            if target is not None and target.baseline is not None
            else ""
        ),
        history=_history(agreement, row, measurements, lang),
        chart=_chart(agreement, row, measurements, agreements.period.start, lang),
        explanations=tuple(
            _flat(waiver.reason) for waiver in waivers if waiver.agreement == agreement.id
        ),
        late=late,
        symbol=_MARKERS[row.light],
        text_bar=_text_bar(bar, marker),
    )


def _children(parts: Sequence[str], rolled_up: bool, lang: Language) -> str:
    """'Bestaat uit BS-01-MH, BS-01-PR', and whether its figure is theirs added up."""
    if not parts:
        return ""
    key = "report.children.rolled-up" if rolled_up else "report.children"
    return text(key, lang, {"ids": ", ".join(parts)})


def _about(party: Party, names: dict[str, str], lang: Language) -> str:
    """A party over time: when it joined, whom it merged into, its note."""
    parts = []
    if party.joined is not None:
        parts.append(text("report.party.joined", lang, {"date": long_date(party.joined, lang)}))
    if party.left is not None:
        day = long_date(party.left, lang)
        if party.successor:
            successor = names.get(party.successor, party.successor)
            parts.append(text("report.party.merged", lang, {"successor": successor, "date": day}))
        else:
            parts.append(text("report.party.left", lang, {"date": day}))
    if party.note:
        parts.append(_flat(party.note))
    return "; ".join(parts)


def _set_amendments(agreements: AgreementSet, lang: Language) -> tuple[str, ...]:
    """'Gewijzigd op 1 september 2026 (ingetrokken: SW-05): reason (akkoord: alle partijen)'."""
    shown = []
    for amendment in sorted(agreements.amendments, key=lambda a: a.date):
        changes = []
        if amendment.extends_to is not None:
            day = long_date(amendment.extends_to, lang)
            changes.append(text("report.extends", lang, {"date": day}))
        if amendment.withdraws:
            ids = ", ".join(amendment.withdraws)
            changes.append(text("report.withdraws", lang, {"ids": ids}))
        params = {
            "date": long_date(amendment.date, lang),
            "reason": _flat(amendment.reason),
            "changes": "; ".join(changes),
        }
        key = "report.set-amendment.changes" if changes else "report.set-amendment"
        line = text(key, lang, params)
        if amendment.summary:
            line += f" {_flat(amendment.summary)}"
        consent = _consent(amendment.agreed_by, agreements.parties, amendment.date, lang)
        shown.append(f"{line} ({text('report.agreed-by', lang)}: {consent})")
    return tuple(shown)


def _tallies(rows: Sequence[Progress], keys: dict[str, list[str]]) -> tuple[Tally, ...]:
    counts: dict[str, Counter[Light]] = {}
    for row in rows:
        for key in keys[row.agreement.id]:
            counts.setdefault(key, Counter())[LIGHTS[row.status]] += 1
    return tuple(
        Tally(name, c["green"], c["orange"], c["red"], c["grey"]) for name, c in counts.items()
    )


def _signed_otherwise(
    agreements: AgreementSet, party: Party, signed: Collection[str], lang: Language
) -> SignatureView | None:
    """How a party that did not sign itself is bound all the same, as check (P604) sees it:
    through the parties it succeeded, or by the successor it merged into before anyone
    signed. None when it is not bound."""
    names = {other.id: other.name for other in agreements.parties}
    predecessors = [
        other.name
        for other in agreements.parties
        if other.successor == party.id and other.id in signed
    ]
    if predecessors:
        label = text("report.sign.via", lang, {"parties": _joined(predecessors, lang)})
        return SignatureView(party.name, "", "", "via", label)
    first = min((signature.date for signature in agreements.signatures), default=None)
    left_first = party.left is not None and (first is None or party.left <= first)
    if left_first and party.successor is not None and party.successor in signed:
        successor = names.get(party.successor, party.successor)
        label = text("report.sign.by-successor", lang, {"successor": successor})
        return SignatureView(party.name, "", "", "via", label)
    return None


def _signatures(agreements: AgreementSet, lang: Language) -> tuple[SignatureView, ...]:
    current = digest(agreements)
    latest = latest_signatures(agreements)
    views = []
    for party in agreements.parties:
        found = latest.get(party.id)
        if found is None:
            otherwise = _signed_otherwise(agreements, party, latest, lang)
            if otherwise is not None:
                views.append(otherwise)
                continue
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
                long_date(signature.date, lang),
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
    labels: Mapping[str, str],
) -> tuple[SetView, tuple[Progress, ...]]:
    records = condition_records(corpus, agreements.id)
    rows = set_status(
        agreements, corpus.measurements(agreements.id), as_of, thresholds, selection, records
    ).rows
    party_names = {party.id: party.name for party in agreements.parties}
    measurements = corpus.measurements(agreements.id)
    waivers = tuple(
        waiver
        for item in corpus.loaded
        if isinstance(item.model, Monitor) and item.model.set == agreements.id
        for waiver in item.model.waivers
    )
    themes = Themes(agreements, tuple(rows), tuple(records), waivers, measurements, lang, labels)
    # Context is judged by nothing: it is left out of the counts and tallies.
    judged = [row for row in rows if row.agreement.kind != "context"]
    owners = {row.agreement.id: _owner_keys(row, party_names) for row in judged}
    by_theme = {
        row.agreement.id: [theme_label(row.agreement.theme, lang, labels)] for row in judged
    }
    counts = Counter(row.status for row in judged)
    # Who owes and who helps with each agreement, its groups expanded to their members.
    owing = [(a.id, set(owner_parties(agreements, a))) for a in agreements.agreements]
    helping = [(a.id, set(parties_of(agreements, a.contributors))) for a in agreements.agreements]
    parties = []
    for party in agreements.parties:
        owns = [key for key, owners in owing if party.id in owners]
        contributes = [key for key, helpers in helping if party.id in helpers]
        parties.append(
            PartyView(
                party.id,
                party.name,
                text(f"report.role.{party.role}", lang),
                ", ".join(owns),
                ", ".join(contributes),
                not owns and not contributes,
                _about(party, party_names, lang),
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
                "start": long_date(agreements.period.start, lang),
                "end": long_date(agreements.period.end, lang),
            },
        ),
        basis=" ".join((agreements.basis or "").split()),
        parties=tuple(parties),
        statuses=tuple(
            (status, text(f"status.{status}", lang), counts[status])
            for status in STATUSES
            if counts[status]
        ),
        by_theme=_tallies(judged, by_theme),
        by_party=_tallies(judged, owners),
        themes=themes,
        signatures=_signatures(agreements, lang),
        findings=findings,
        digest=digest(agreements),
        groups=tuple(
            GroupView(
                group.name,
                ", ".join(
                    party_names.get(member, member) for member in group_members(agreements, group)
                ),
                _flat(group.note),
            )
            for group in agreements.groups
        ),
        frame=_frame(agreements, corpus, lang),
        slices=", ".join(
            other.id for other in corpus.sets.values() if other.frame == agreements.id
        ),
        bids=tuple(
            text(
                "report.bid",
                lang,
                {
                    "party": party_names.get(bid.party, bid.party),
                    "date": long_date(bid.date, lang),
                },
            )
            + (f" ({_flat(bid.note)})" if bid.note else "")
            for bid in agreements.bids
        ),
        amendments=_set_amendments(agreements, lang),
        years=_years(agreements, rows, measurements, as_of),
    )
    return view, rows


def _owner_keys(row: Progress, names: dict[str, str]) -> list[str]:
    """Whom an agreement counts for in the tally per owner: each party that owes it at the
    report's date (every member of a group, the successor of a merged party, the owner
    that joins later); nobody for a request that is not accepted."""
    return [names.get(party, party) for party in row.owed_by]


def _frame(agreements: AgreementSet, corpus: Corpus, lang: Language) -> str:
    if agreements.frame is None:
        return ""
    shown = text("report.frame", lang, {"frame": agreements.frame})
    frame = corpus.sets.get(agreements.frame)
    return f"{shown}: {frame.title}" if frame is not None else shown


def _overview(
    all_rows: Sequence[tuple[Progress, str, str]], lang: Language, labels: Mapping[str, str]
) -> tuple[OverviewRow, ...]:
    """Targets that can be added up across sets: counts (not shares, not per-period caps,
    not ranges), of sets with the same term (2016-2019 and 2025-2028 do not add up)."""
    groups: dict[tuple[str, str, str, str, str], list[Progress]] = {}
    sets: dict[tuple[str, str, str, str, str], set[str]] = {}
    for row, term, set_id in all_rows:
        target = row.agreement.target
        if target is None or target.recurring or (target.unit or "").lower() in _NOT_ADDITIVE:
            continue
        if target.comparison == "between":
            continue  # a band each set stays within (a rent): its bounds do not add up
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
            current = amount(sum(measured), lang)
            if len(measured) < len(rows):
                counts = {"measured": str(len(measured)), "count": str(len(rows))}
                current += " " + text("report.partly-measured", lang, counts)
        first = targets[0]
        metric = first.metric if first is not None else ""
        overview.append(
            OverviewRow(
                theme_label(theme, lang, labels),
                metric,
                unit,
                len(sets[group]),
                f"{_SYMBOLS[comparison]} {amount(total_target, lang)}",
                current,
            )
        )
    return tuple(overview)


# ---- The first page: what was promised, what was delivered, what is late and why ------


@dataclass(frozen=True, slots=True)
class LateView:
    """An agreement missed, behind, or past its deadline without a figure, and why."""

    id: str
    title: str
    status_label: str
    light: str
    symbol: str
    reason: str
    anchor: str


@dataclass(frozen=True, slots=True)
class KeyPoints:
    set_id: str
    title: str
    period: str
    promised: int
    delivered: int
    on_course: int
    at_risk: int
    not_judged: int
    late: tuple[LateView, ...]


@dataclass(frozen=True, slots=True)
class YearRow:
    """The milestones and deadlines of one year: met, missed, not (yet) known."""

    year: int
    due: int
    met: int
    missed: int
    unknown: int


_LATE: tuple[Status, ...] = ("overdue", "behind")


def _reason(agreement: AgreementView, lang: Language) -> str:
    """Why it is late: the monitor's explanation, else the latest note, else that none is."""
    if agreement.explanations:
        return " ".join(agreement.explanations)
    for row in reversed(agreement.history):
        if row.note and row.measured:
            return row.note
    for condition in agreement.conditions:
        if condition.note:
            return condition.note
    return text("report.no-reason", lang)


def _key_points(view: SetView, themes: Themes, lang: Language) -> KeyPoints:
    """The first page's figures of a set; only its late agreements are viewed for them."""
    judged = [row for row in themes.rows() if row.agreement.kind != "context"]
    late_rows = [
        row
        for row in judged
        if row.status in _LATE or (row.unmeasured and row.deadline is not None)
    ]
    late = tuple(
        LateView(
            a.id,
            a.title,
            a.status_label if not a.late else a.late,
            a.light if not a.late else "red",
            a.symbol if not a.late else _MARKERS["red"],
            _reason(a, lang),
            f"a-{view.id}-{a.id}",
        )
        for a in themes.views(late_rows)
    )
    commitments = [a for a in judged if a.status not in _NOT_OWED]
    return KeyPoints(
        set_id=view.id,
        title=view.title,
        period=view.period,
        promised=len(commitments),
        delivered=sum(a.status == "achieved" for a in judged),
        on_course=sum(a.status == "on_track" for a in judged),
        at_risk=sum(a.status == "at_risk" for a in judged),
        not_judged=len(commitments)
        - sum(a.status in ("achieved", "on_track", "at_risk") for a in judged)
        - len(late),
        late=late,
    )


# Not owed (any more) at the report's date: not counted as promised.
_NOT_OWED: tuple[Status, ...] = ("request_open", "request_declined", "withdrawn", "lapsed")


def _years(
    agreements: AgreementSet,
    rows: Sequence[Progress],
    measurements: dict[str, list[Measurement]],
    as_of: date,
) -> tuple[YearRow, ...]:
    """Per year of the term, how the milestones and deadlines that fell in it went."""
    counts: dict[int, Counter[str]] = {
        year: Counter()
        for year in range(agreements.period.start.year, agreements.period.end.year + 1)
    }
    for row in rows:
        agreement, target = row.agreement, row.agreement.target
        if target is None or target.recurring or target.index is not None:
            continue
        if row.status in ("context", *_NOT_OWED):
            continue
        start = float(target.baseline.value) if target.baseline else 0.0
        levels = _levels(target, _numbers(measurements.get(agreement.id, []), as_of), start)
        points = [(m.date, float(m.value)) for m in agreement.milestones]
        if row.deadline is not None:
            points.append((row.deadline, float(target.value)))
        for day, goal in points:
            if day.year not in counts:
                continue
            tally = counts[day.year]
            tally["due"] += 1
            value = _value_on(levels, day) if day <= as_of else None
            if value is None:
                tally["unknown"] += 1
            elif met(target, value, goal):
                tally["met"] += 1
            else:
                tally["missed"] += 1
    return tuple(
        YearRow(year, c["due"], c["met"], c["missed"], c["unknown"])
        for year, c in counts.items()
        if c["due"]
    )


def _all_themes(sets: Sequence[SetView]) -> tuple[Tally, ...]:
    """The tally per theme over every set of the report."""
    totals: dict[str, Counter[str]] = {}
    for view in sets:
        for tally in view.by_theme:
            counts = totals.setdefault(tally.name, Counter())
            counts.update(green=tally.green, orange=tally.orange, red=tally.red, grey=tally.grey)
    return tuple(
        Tally(name, c["green"], c["orange"], c["red"], c["grey"]) for name, c in totals.items()
    )


def build_report(
    corpus: Corpus,
    checked: CheckResult,
    as_of: date,
    lang: Language,
    thresholds: Thresholds,
    selection: Selection = EVERYTHING,
    themes: Mapping[str, str] | None = None,
) -> ReportView:
    """Everything a report shows for the sets (and their monitors) of ``corpus``.

    ``checked`` is what checking the same files found: each set lists its files' findings.
    """
    sets = []
    key_points = []
    all_rows: list[tuple[Progress, str, str]] = []
    for agreements in corpus.sets.values():
        view, rows = _set_view(
            agreements, corpus, checked.problems, as_of, thresholds, selection, lang, themes or {}
        )
        sets.append(view)
        assert isinstance(view.themes, Themes)
        key_points.append(_key_points(view, view.themes, lang))
        all_rows += [(row, view.period, agreements.id) for row in rows]
    title = (
        sets[0].title
        if len(sets) == 1
        else text("report.title.many", lang, {"count": str(len(sets))})
    )
    return ReportView(
        title=title,
        as_of=long_date(as_of, lang),
        lang=lang,
        version=__version__,
        sets=tuple(sets),
        overview=_overview(all_rows, lang, themes or {}) if len(sets) > 1 else (),
        problems=corpus.problems,
        key_points=tuple(key_points),
        by_theme=_all_themes(sets),
    )
