"""T5xx: is the agreement time-bound? A deadline inside the term, and met when it passed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from prestatie_cli.model.agreements import Agreement, AgreementSet, Period
from prestatie_cli.model.structure import due_date, term_end
from prestatie_cli.rules._judged import condition_failed, judged_kind
from prestatie_cli.rules._measured import measured
from prestatie_cli.rules._term import term_values
from prestatie_cli.rules.base import Finding, MonitorContext, Rule, SetContext, Wording


class MissingDeadline(Rule):
    """A result or process agreement says by when it is done.

    Not asked of a duty for the whole term: an agreement marked ``ongoing``, a recurring
    target (judged per period), or a duty with a frequency and no target (a monthly
    report). Their deadline is the end of the term.
    """

    code = "T501"
    name = "missing-deadline"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Termijn ontbreekt", "en": "Deadline missing"},
        "message": {
            "nl": "Afspraak {id} heeft geen termijn (deadline).",
            "en": "Agreement {id} has no deadline.",
        },
        "hint": {
            "nl": "Voeg 'deadline: JJJJ-MM-DD' toe, binnen de looptijd van de set; of, voor een "
            "taak die de hele looptijd doorloopt, 'ongoing: true'.",
            "en": "Add 'deadline: YYYY-MM-DD', within the period of the set; or, for a duty that "
            "runs for the whole term, 'ongoing: true'.",
        },
        "rationale": {
            "nl": "Zonder datum is een afspraak nooit te laat en dus nooit af te rekenen.",
            "en": "Without a date an agreement is never late, so it can never be held to account.",
        },
    }
    example_pass = """\
- id: PR-01
  title: Jaarlijkse evaluatie
  theme: proces
  kind: process
  deadline: 2019-06-30
"""
    example_fail = """\
- id: PR-01
  title: Jaarlijkse evaluatie
  theme: proces
  kind: process
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        kind = judged_kind(agreement, context.withdrawn)
        if kind in (None, "effort") or agreement.deadline is not None or _standing(agreement):
            return
        yield Finding(self.code, ("agreements", index), {"id": agreement.id})


class DeadlineOutsidePeriod(Rule):
    """A deadline after the term cannot be monitored or held to account within it.

    The term ends at the period's end, or later when a set amendment extends it. An
    agreement marked ``beyond_term`` runs past the term on purpose: only a deadline
    before the term starts is wrong then.
    """

    code = "T502"
    name = "deadline-outside-period"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Termijn buiten de looptijd", "en": "Deadline outside period"},
        "message": {
            "nl": "De termijn van {id} ({deadline}) valt buiten de looptijd {start} tot en met {end}.",
            "en": "The deadline of {id} ({deadline}) lies outside the period {start} to {end}.",
        },
        "hint": {
            "nl": "Kies een datum binnen de looptijd, of leg de afspraak vast in de volgende set. "
            "Loopt de afspraak bewust door na de looptijd, zet er dan 'beyond_term: true' bij.",
            "en": "Choose a date inside the period, or record the agreement in the next set. When "
            "the agreement runs past the term on purpose, add 'beyond_term: true'.",
        },
        "rationale": {
            "nl": "Na de looptijd evalueert niemand de afspraak meer: ze verdwijnt uit beeld.",
            "en": "After the period nobody evaluates the agreement any more: it drops out of sight.",
        },
    }
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  deadline: 2019-12-31
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  deadline: 2021-12-31
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        deadline = agreement.deadline
        if deadline is None or judged_kind(agreement, context.withdrawn) is None:
            return
        start, end = _window(context.agreements, agreement)
        if not start <= deadline <= (end or deadline):
            yield Finding(
                self.code,
                ("agreements", index, "deadline"),
                {
                    "id": agreement.id,
                    "deadline": deadline.isoformat(),
                    **term_values(_term(context.agreements)),
                },
            )


class MilestoneOutOfRange(Rule):
    """Year slices fall inside the term and no later than the deadline."""

    code = "T503"
    name = "milestone-out-of-range"
    severity = "warning"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Jaarschijf buiten bereik", "en": "Milestone out of range"},
        "message": {
            "nl": "De jaarschijf van {id} op {date} valt buiten {start} tot en met {end}.",
            "en": "The milestone of {id} on {date} lies outside {start} to {end}.",
        },
        "hint": {
            "nl": "Een tussendoel ligt binnen de looptijd en niet na de termijn van de afspraak.",
            "en": "An intermediate target lies inside the period and not after the agreement's deadline.",
        },
        "rationale": {
            "nl": "Een jaarschijf na de termijn of buiten de looptijd kan niet als tussenstap dienen.",
            "en": "A milestone after the deadline or outside the period cannot serve as a step.",
        },
    }
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  deadline: 2019-12-31
  milestones:
    - {date: 2017-12-31, value: 90}
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  deadline: 2018-12-31
  milestones:
    - {date: 2019-12-31, value: 90}
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        if not agreement.milestones or judged_kind(agreement, context.withdrawn) is None:
            return
        start, end = _window(context.agreements, agreement)
        deadline = None if agreement.ongoing else agreement.deadline
        ends = [day for day in (end, deadline) if day is not None]
        last = min(ends) if ends else None
        for position, milestone in enumerate(agreement.milestones):
            if not start <= milestone.date <= (last or milestone.date):
                yield Finding(
                    self.code,
                    ("agreements", index, "milestones", position, "date"),
                    {
                        "id": agreement.id,
                        "date": milestone.date.isoformat(),
                        "start": start.isoformat(),
                        "end": (last or date.max).isoformat(),
                    },
                )


class DeadlinePassed(Rule):
    """A deadline that passed without the target met needs an explanation (rood).

    Of result, process and effort agreements alike: an effort whose deadline passed with
    nothing to show that it was made is 'niet gehaald' in status, and asks the same
    explanation here. Not for what nobody owes (context, a request not accepted, a withdrawn agreement) nor
    for an agreement whose condition failed (lapsed or suspended, recorded in the monitor).
    An ongoing agreement's deadline is the end of the term.
    """

    code = "T504"
    name = "deadline-passed"
    severity = "warning"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {
            "nl": "Termijn verstreken, doel niet gehaald",
            "en": "Deadline passed, target not met",
        },
        "message": {
            "nl": "De termijn van {id} ({deadline}) is verstreken en de laatste meting haalt het doel niet.",
            "en": "The deadline of {id} ({deadline}) has passed and the latest measurement does not meet the target.",
        },
        "message.unmeasured": {
            "nl": "De termijn van {id} ({deadline}) is verstreken en er is geen meting die laat zien dat het doel is gehaald.",
            "en": "The deadline of {id} ({deadline}) has passed and no measurement shows that the target was met.",
        },
        "message.unmeasured-effort": {
            "nl": "De termijn van {id} ({deadline}) is verstreken en er is geen meting die laat zien dat de inspanning is geleverd.",
            "en": "The deadline of {id} ({deadline}) has passed and no measurement shows that the effort was made.",
        },
        "message.periods": {
            "nl": "De termijn van {id} ({deadline}) is verstreken en in {missed} van de {measured} "
            "gemeten perioden is het doel niet gehaald.",
            "en": "The deadline of {id} ({deadline}) has passed and the target was missed in {missed} "
            "of the {measured} periods measured.",
        },
        "hint": {
            "nl": "Voeg de eindmeting toe (prestatie record {id} WAARDE --date DATUM), of leg de verklaring "
            "uit de evaluatie vast als waiver: in de monitor (agreement, rule: T504, reason), of bij de "
            "afspraak als er geen monitor is.",
            "en": "Add the final measurement (prestatie record {id} VALUE --date DATE), or record the "
            "explanation from the evaluation as a waiver: in the monitor (agreement, rule: T504, reason), "
            "or on the agreement when there is no monitor.",
        },
        "rationale": {
            "nl": "Rood betekent: niet gerealiseerd, toelichting vereist. Een gemiste afspraak verdwijnt niet "
            "stilletjes uit beeld.",
            "en": "Red means: not achieved, explanation required. A missed agreement does not quietly drop out "
            "of sight.",
        },
    }
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2019-12-31, value: 180, source: Jaarverslag 2019, reported_by: corp-a}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2019-12-31, value: 120, source: Jaarverslag 2019, reported_by: corp-a}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        # With a monitor file, check_monitor judges the progress there. Without one nothing
        # shows a target met: say so at each passed deadline of the set.
        if context.monitored:
            return iter(())
        return super().check_set(context)

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        kind = judged_kind(agreement, context.withdrawn)
        if kind is None:
            return
        deadline = _due(context.agreements, agreement)
        if deadline is not None and context.as_of > deadline:
            yield Finding(
                self.code,
                ("agreements", index, "deadline" if agreement.deadline else "ongoing"),
                {"id": agreement.id, "deadline": deadline.isoformat()},
                variant=_unmeasured(kind),
            )

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        agreements = context.agreements
        if agreements is None:
            return
        records = context.monitor.conditions
        for item in measured(context):
            agreement = item.agreement
            kind = judged_kind(agreement, context.withdrawn)
            if kind is None:
                continue
            deadline = _due(agreements, agreement)
            if deadline is None or context.as_of <= deadline:
                continue
            if condition_failed(agreement, records, context.as_of):
                continue
            found = item.progress(context)
            if found.status in ("overdue", "no_data"):
                variant = _unmeasured(kind) if found.status == "no_data" or found.unmeasured else ""
                if found.periods_missed:
                    variant = "periods"
                yield Finding(
                    self.code,
                    item.latest,
                    {
                        "id": agreement.id,
                        "deadline": deadline.isoformat(),
                        "missed": str(found.periods_missed),
                        "measured": str(found.periods_measured),
                    },
                    variant=variant,
                    agreement=agreement.id,
                )


class EffectiveAfterDeadline(Rule):
    """An agreement takes effect before it is due: otherwise nothing can ever be done in time."""

    code = "T505"
    name = "effective-after-deadline"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Van kracht na de termijn", "en": "Effective after the deadline"},
        "message": {
            "nl": "Afspraak {id} gaat pas in op {effective} (effective_from), na haar termijn "
            "{deadline}.",
            "en": "Agreement {id} takes effect only on {effective} (effective_from), after its "
            "deadline {deadline}.",
        },
        "message.term": {
            "nl": "Afspraak {id} gaat pas in op {effective} (effective_from), na het einde van de "
            "looptijd {deadline}.",
            "en": "Agreement {id} takes effect only on {effective} (effective_from), after the end "
            "of the term {deadline}.",
        },
        "hint": {
            "nl": "Controleer beide datums. Loopt de afspraak bewust door na de looptijd, zet er "
            "dan 'beyond_term: true' bij.",
            "en": "Check both dates. When the agreement runs past the term on purpose, add "
            "'beyond_term: true'.",
        },
        "rationale": {
            "nl": "Voor 'effective_from' wordt niets verwacht; ligt die datum na de termijn, dan "
            "kan de afspraak nooit op tijd worden nagekomen.",
            "en": "Nothing is expected before 'effective_from'; when that date lies after the "
            "deadline, the agreement can never be kept in time.",
        },
    }
    example_pass = """\
- id: DU-02
  title: Geen E-, F- en G-labels meer vanaf 2019
  theme: kwaliteit-en-duurzaamheid
  effective_from: 2019-01-01
  deadline: 2019-12-31
"""
    example_fail = """\
- id: DU-02
  title: Geen E-, F- en G-labels meer vanaf 2019
  theme: kwaliteit-en-duurzaamheid
  effective_from: 2019-01-01
  deadline: 2018-12-31
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        effective = agreement.effective_from
        if effective is None:
            return
        variant = ""
        due = None if agreement.ongoing else agreement.deadline
        if due is None and not agreement.beyond_term:
            due, variant = term_end(context.agreements), "term"
        if due is not None and effective > due:
            yield Finding(
                self.code,
                ("agreements", index, "effective_from"),
                {
                    "id": agreement.id,
                    "effective": effective.isoformat(),
                    "deadline": due.isoformat(),
                },
                variant=variant,
            )


def _unmeasured(kind: str) -> str:
    """The wording of a passed deadline with nothing measured: a target, or an effort."""
    return "unmeasured-effort" if kind == "effort" else "unmeasured"


def _standing(agreement: Agreement) -> bool:
    """Whether the agreement is a duty for the whole term rather than a one-off result."""
    target = agreement.target
    if agreement.ongoing or (target is not None and target.recurring is not None):
        return True
    return target is None and agreement.frequency is not None


def _term(agreement_set: AgreementSet) -> Period:
    """The term of the set, with the end an amendment may have extended it to."""
    return Period(start=agreement_set.period.start, end=term_end(agreement_set))


def _window(agreement_set: AgreementSet, agreement: Agreement) -> tuple[date, date | None]:
    """Where the agreement's dates may fall: within the term, or from its start on (no end)
    when the agreement runs past the term on purpose."""
    # The term's days without a Period: one is asked for by every agreement of a run.
    return agreement_set.period.start, None if agreement.beyond_term else term_end(agreement_set)


def _due(agreement_set: AgreementSet, agreement: Agreement) -> date | None:
    """By when the agreement must be met: its deadline, or the term's end for an ongoing
    one; None when it has neither (T501 asks for a deadline)."""
    if agreement.deadline is None and not agreement.ongoing:
        return None
    return due_date(agreement_set, agreement)


RULES: tuple[Rule, ...] = (
    MissingDeadline(),
    DeadlineOutsidePeriod(),
    MilestoneOutOfRange(),
    DeadlinePassed(),
    EffectiveAfterDeadline(),
)
