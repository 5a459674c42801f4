"""T5xx: is the agreement time-bound? A deadline inside the term, and met when it passed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from prestatie_cli.model.agreements import Agreement
from prestatie_cli.rules._measured import measured
from prestatie_cli.rules._term import term_values
from prestatie_cli.rules.base import Finding, MonitorContext, Rule, SetContext, Wording


class MissingDeadline(Rule):
    """A result or process agreement says by when it is done."""

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
            "nl": "Voeg 'deadline: JJJJ-MM-DD' toe, binnen de looptijd van de set.",
            "en": "Add 'deadline: YYYY-MM-DD', within the period of the set.",
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
        if agreement.kind != "effort" and agreement.deadline is None:
            yield Finding(self.code, ("agreements", index), {"id": agreement.id})


class DeadlineOutsidePeriod(Rule):
    """A deadline after the term cannot be monitored or held to account within it."""

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
            "nl": "Kies een datum binnen de looptijd, of leg de afspraak vast in de volgende set.",
            "en": "Choose a date inside the period, or record the agreement in the next set.",
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
        period = context.agreements.period
        if agreement.deadline is not None and not period.contains(agreement.deadline):
            yield Finding(
                self.code,
                ("agreements", index, "deadline"),
                {
                    "id": agreement.id,
                    "deadline": agreement.deadline.isoformat(),
                    **term_values(period),
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
        period = context.agreements.period
        last = min(period.end, agreement.deadline or period.end)
        for position, milestone in enumerate(agreement.milestones):
            if not period.start <= milestone.date <= last:
                yield Finding(
                    self.code,
                    ("agreements", index, "milestones", position, "date"),
                    {
                        "id": agreement.id,
                        "date": milestone.date.isoformat(),
                        "start": period.start.isoformat(),
                        "end": last.isoformat(),
                    },
                )


class DeadlinePassed(Rule):
    """A deadline that passed without the target met needs an explanation (rood)."""

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
        deadline = agreement.deadline
        if agreement.kind != "effort" and deadline is not None and context.as_of > deadline:
            yield Finding(
                self.code,
                ("agreements", index, "deadline"),
                {"id": agreement.id, "deadline": deadline.isoformat()},
                variant="unmeasured",
            )

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        for item in measured(context):
            agreement = item.agreement
            if agreement.kind == "effort" or agreement.deadline is None:
                continue
            if context.as_of <= agreement.deadline:
                continue
            found = item.progress(context)
            if found.status in ("overdue", "no_data"):
                variant = "unmeasured" if found.status == "no_data" else ""
                if found.periods_missed:
                    variant = "periods"
                yield Finding(
                    self.code,
                    item.latest,
                    {
                        "id": agreement.id,
                        "deadline": agreement.deadline.isoformat(),
                        "missed": str(found.periods_missed),
                        "measured": str(found.periods_measured),
                    },
                    variant=variant,
                    agreement=agreement.id,
                )


RULES: tuple[Rule, ...] = (
    MissingDeadline(),
    DeadlineOutsidePeriod(),
    MilestoneOutOfRange(),
    DeadlinePassed(),
)
