"""R4xx: is the agreement realistic, does it ask for anything at all, and can it still be met?"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from prestatie_cli.model.agreements import Agreement
from prestatie_cli.progress.calculation import met, paces
from prestatie_cli.rules._judged import judged_kind
from prestatie_cli.rules._measured import measured
from prestatie_cli.rules.base import Finding, MonitorContext, Rule, SetContext, Wording


class MetAtBaseline(Rule):
    """A target that the baseline already meets asks nothing of anyone."""

    code = "R401"
    name = "met-at-baseline"
    severity = "warning"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Doel al gehaald bij de start", "en": "Target met at baseline"},
        "message": {
            "nl": "De nulmeting van {id} ({baseline}) haalt de streefwaarde ({target}) al.",
            "en": "The baseline of {id} ({baseline}) already meets the target ({target}).",
        },
        "hint": {
            "nl": "Controleer streefwaarde, nulmeting en 'comparison' (at_least, at_most of exactly).",
            "en": "Check the target value, the baseline and 'comparison' (at_least, at_most or exactly).",
        },
        "rationale": {
            "nl": "Een doel dat bij de start al is gehaald vraagt van niemand iets; vaak is de "
            "vergelijking omgedraaid of het getal verkeerd overgenomen.",
            "en": "A target met at the start asks nothing of anyone; often the comparison is reversed "
            "or the number was copied wrongly.",
        },
    }
    example_pass = """\
- id: DU-01
  title: Geen E-, F- en G-labels meer
  theme: kwaliteit-en-duurzaamheid
  target:
    metric: woningen met label E, F of G
    unit: woningen
    value: 0
    comparison: at_most
    baseline: {value: 1240, date: 2025-01-01}
"""
    example_fail = """\
- id: DU-01
  title: Geen E-, F- en G-labels meer
  theme: kwaliteit-en-duurzaamheid
  target:
    metric: woningen met label E, F of G
    unit: woningen
    value: 0
    comparison: at_most
    baseline: {value: 0, date: 2025-01-01}
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        target = agreement.target
        if target is None or target.baseline is None or target.index is not None:
            return  # against an index, the baseline says nothing of the offset
        if judged_kind(agreement, context.withdrawn) is None:
            return
        if met(target, target.baseline.value):
            yield Finding(
                self.code,
                ("agreements", index, "target", "baseline", "value"),
                {
                    "id": agreement.id,
                    "baseline": float(target.baseline.value),
                    "target": float(target.value),
                },
            )


class UnrealisticPace(Rule):
    """When the pace still needed is a multiple of the pace so far, steer now, not at the end."""

    code = "R402"
    name = "unrealistic-pace"
    severity = "warning"
    scope = "monitor"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Onhaalbaar tempo", "en": "Unrealistic pace"},
        "message": {
            "nl": "Voor {id} is nog {needed} per jaar nodig, terwijl tot nu toe {measured} per jaar is gehaald "
            "(meer dan {factor} keer zo snel).",
            "en": "{id} needs {needed} a year from now on, while {measured} a year was achieved so far "
            "(more than {factor} times as fast).",
        },
        "message.stalled": {
            "nl": "Voor {id} is nog {needed} per jaar nodig, maar er is tot nu toe geen vooruitgang gemeten.",
            "en": "{id} needs {needed} a year from now on, but no progress has been measured so far.",
        },
        "hint": {
            "nl": "Bespreek bijsturing met de partijen nu, niet pas bij de eindevaluatie; leg een wijziging "
            "vast met een amendment.",
            "en": "Discuss steering with the parties now, not at the final evaluation; record a change "
            "as an amendment.",
        },
        "rationale": {
            "nl": "Als het resterende tempo een veelvoud is van wat tot nu toe lukte, is het doel waarschijnlijk "
            "niet haalbaar zonder bijsturing.",
            "en": "When the pace still needed is a multiple of what was achieved so far, the target is unlikely "
            "to be met without steering.",
        },
    }
    example_as_of = date(2018, 6, 30)
    example_pass = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 90, source: Jaarverslag 2017, reported_by: corp-a}
"""
    example_fail = """\
measurements:
  - {agreement: BS-01, date: 2017-12-31, value: 10, source: Jaarverslag 2017, reported_by: corp-a}
"""

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        factor = context.thresholds.pace_factor
        for item in measured(context):
            if judged_kind(item.agreement, context.withdrawn) is None:
                continue
            target = item.agreement.target
            if target is None or target.recurring is not None:
                continue  # no pace to speak of (see ``paces``)
            found = item.progress(context)
            pace = paces(found)
            if pace is None or found.deadline_passed:
                continue
            needed, measured_pace = pace
            if needed > 0 and (measured_pace <= 0 or needed > factor * measured_pace):
                yield Finding(
                    self.code,
                    item.latest,
                    {
                        "id": item.agreement.id,
                        "needed": round(needed * 365, 1),
                        "measured": round(measured_pace * 365, 1),
                        "factor": float(factor),
                    },
                    variant="" if measured_pace > 0 else "stalled",
                    agreement=item.agreement.id,
                )


RULES: tuple[Rule, ...] = (MetAtBaseline(), UnrealisticPace())
