"""M2xx: is the agreement measurable? A target with a unit and a baseline, and one value for
each year of the term where it differs per year."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from prestatie_cli.load.yaml import Document
from prestatie_cli.model.agreements import Agreement
from prestatie_cli.model.structure import term_end
from prestatie_cli.rules._judged import judged_kind
from prestatie_cli.rules.base import Finding, MonitorContext, Rule, SetContext, Wording

# "3.000" or "12.500": a Dutch thousands separator, which YAML reads as a decimal point.
_THOUSANDS = re.compile(r"^[-+]?[0-9]{1,3}(?:\.[0-9]{3})+$")


class MissingTarget(Rule):
    """A result agreement says which value counts as success."""

    code = "M201"
    name = "missing-target"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Streefwaarde ontbreekt", "en": "Target missing"},
        "message": {
            "nl": "Resultaatafspraak {id} heeft geen meetbare streefwaarde.",
            "en": "Result agreement {id} has no measurable target.",
        },
        "hint": {
            "nl": "Voeg 'target:' toe met metric, unit en value, of maak er 'kind: effort' of "
            "'kind: process' van.",
            "en": "Add 'target:' with metric, unit and value, or make it 'kind: effort' or "
            "'kind: process'.",
        },
        "rationale": {
            "nl": "Zonder streefwaarde is niet vast te stellen of een resultaat is bereikt.",
            "en": "Without a target nobody can establish whether the result was achieved.",
        },
    }
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  kind: result
  target: {metric: sociale huurwoningen opgeleverd, unit: woningen, value: 180}
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  kind: result
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        if agreement.kind != "result" or agreement.target is not None:
            return
        if judged_kind(agreement, context.withdrawn) is not None:
            yield Finding(self.code, ("agreements", index), {"id": agreement.id})


class MissingUnit(Rule):
    """A number without a unit cannot be checked: 180 homes, percent, euro?"""

    code = "M202"
    name = "missing-unit"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Eenheid ontbreekt", "en": "Unit missing"},
        "message": {
            "nl": "De streefwaarde van {id} heeft geen eenheid.",
            "en": "The target of {id} has no unit.",
        },
        "hint": {
            "nl": "Voeg 'unit:' toe, bijvoorbeeld woningen, procent of euro.",
            "en": "Add 'unit:', for example woningen (homes), procent or euro.",
        },
        "rationale": {
            "nl": "Een getal zonder eenheid is voor meerdere uitleg vatbaar: 180 woningen, 180 euro, "
            "180 procent?",
            "en": "A number without a unit can be read several ways: 180 homes, 180 euro, 180 percent?",
        },
    }
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  target: {metric: sociale huurwoningen opgeleverd, unit: woningen, value: 180}
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  target: {metric: sociale huurwoningen opgeleverd, value: 180}
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        target = agreement.target
        if target is None or judged_kind(agreement, context.withdrawn) is None:
            return
        if not (target.unit or "").strip():
            pointer = ("agreements", index, "target") + (("unit",) if target.unit else ())
            yield Finding(self.code, pointer, {"id": agreement.id}, at_key=True)


class MissingBaseline(Rule):
    """Without a nulmeting, progress cannot be measured from the start.

    Asked where progress is counted from a start: a count that adds up, or a level that
    moves towards its target by a deadline. Not asked of a target that holds in each
    period on its own (``recurring``), one set against an outside index, a range, a zero
    that holds for the whole term or counts events that must not happen, or a level kept
    for the whole term (an ongoing cap).
    """

    code = "M203"
    name = "missing-baseline"
    severity = "warning"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Nulmeting ontbreekt", "en": "Baseline missing"},
        "message": {
            "nl": "De streefwaarde van {id} heeft geen nulmeting.",
            "en": "The target of {id} has no baseline.",
        },
        "hint": {
            "nl": "Voeg 'baseline: {{value: ..., date: JJJJ-MM-DD}}' toe met de stand bij de start.",
            "en": "Add 'baseline: {{value: ..., date: YYYY-MM-DD}}' with the value at the start.",
        },
        "rationale": {
            "nl": "Zonder beginstand is voortgang niet te meten en is niet te zien of een doel al "
            "gehaald was.",
            "en": "Without a starting value progress cannot be measured, nor whether the goal was met "
            "already.",
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
    baseline: {value: 1240, date: 2016-01-01}
  deadline: 2019-12-31
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
  deadline: 2019-12-31
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        target = agreement.target
        if target is None or target.baseline is not None:
            return
        if judged_kind(agreement, context.withdrawn) != "result" or not _counted_from_start(
            agreement
        ):
            return
        yield Finding(self.code, ("agreements", index, "target"), {"id": agreement.id}, at_key=True)


class ThousandsSeparator(Rule):
    """In YAML "3.000" is three, not three thousand."""

    code = "M204"
    name = "thousands-separator"
    # An error: the file silently means another number than its writer did.
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Punt als duizendtal", "en": "Thousands separator"},
        "message": {
            "nl": "In YAML is {written} een kommagetal, niet {meant}.",
            "en": "In YAML {written} is a decimal number, not {meant}.",
        },
        "hint": {
            "nl": "Schrijf {meant} zonder punt.",
            "en": "Write {meant} without the point.",
        },
        "rationale": {
            "nl": "In het Nederlands is 3.000 drieduizend, maar YAML leest de punt als decimaalteken: "
            "3.000 wordt 3.",
            "en": "In Dutch 3.000 is three thousand, but YAML reads the point as a decimal point: "
            "3.000 becomes 3.",
        },
    }
    example_pass = """\
- id: BS-01
  title: Groei sociale voorraad
  theme: beschikbaarheid
  target: {metric: groei sociale huurvoorraad, unit: woningen, value: 3000}
"""
    example_fail = """\
- id: BS-01
  title: Groei sociale voorraad
  theme: beschikbaarheid
  target: {metric: groei sociale huurvoorraad, unit: woningen, value: 3.000}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        return self._numbers(context.document)

    def check_monitor(self, context: MonitorContext) -> Iterator[Finding]:
        return self._numbers(context.document)

    def _numbers(self, document: Document) -> Iterator[Finding]:
        for pointer, written in document.number_texts.items():
            if _THOUSANDS.match(written):
                yield Finding(
                    self.code, pointer, {"written": written, "meant": written.replace(".", "")}
                )


class PerYearInvalid(Rule):
    """A target's ``per_year`` gives each year one value, for a year of the term.

    The term ends at the period's end, or later when a set amendment extends it; an
    agreement marked ``beyond_term`` may name years after it.
    """

    code = "M205"
    name = "per-year-invalid"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Jaarwaarde ongeldig", "en": "Invalid value per year"},
        "message": {
            "nl": "Het doel van {id} noemt jaar {year} twee keer in per_year (ook op regel "
            "{first}): welke waarde geldt, is niet te zeggen.",
            "en": "The target of {id} names year {year} twice in per_year (also on line "
            "{first}): which value holds cannot be told.",
        },
        "hint": {
            "nl": "Houd voor elk jaar één waarde over.",
            "en": "Keep one value for each year.",
        },
        "message.outside": {
            "nl": "Het doel van {id} noemt in per_year het jaar {year}, buiten de looptijd "
            "{start} tot en met {end}.",
            "en": "The target of {id} names the year {year} in per_year, outside the period "
            "{start} to {end}.",
        },
        "hint.outside": {
            "nl": "Kies een jaar binnen de looptijd. Loopt de afspraak bewust door na de "
            "looptijd, zet er dan 'beyond_term: true' bij.",
            "en": "Choose a year inside the period. When the agreement runs past the term on "
            "purpose, add 'beyond_term: true'.",
        },
        "rationale": {
            "nl": "Een jaarwaarde die twee keer staat of buiten de looptijd valt, telt niet of "
            "niet eenduidig: de status gebruikt stil de eerste of geen.",
            "en": "A value per year given twice or outside the period counts not at all or not "
            "unambiguously: the status quietly takes the first or none.",
        },
    }
    example_pass = """\
- id: BT-02
  title: Huur bij mutatie
  theme: betaalbaarheid
  target:
    metric: hoogste huur bij toewijzing
    unit: euro per maand
    value: 650
    comparison: at_most
    recurring: yearly
    per_year: [{year: 2017, value: 660}, {year: 2018, value: 670}]
"""
    example_fail = """\
- id: BT-02
  title: Huur bij mutatie
  theme: betaalbaarheid
  target:
    metric: hoogste huur bij toewijzing
    unit: euro per maand
    value: 650
    comparison: at_most
    recurring: yearly
    per_year: [{year: 2017, value: 660}, {year: 2017, value: 670}]
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        target = agreement.target
        if target is None or not target.per_year:
            return
        start = context.agreements.period.start
        end = term_end(context.agreements)
        last_year = None if agreement.beyond_term else end.year
        seen: dict[int, int] = {}
        for position, entry in enumerate(target.per_year):
            pointer = ("agreements", index, "target", "per_year", position, "year")
            values: dict[str, str | float] = {"id": agreement.id, "year": str(entry.year)}
            first = seen.setdefault(entry.year, position)
            if first != position:
                earlier = ("agreements", index, "target", "per_year", first, "year")
                values["first"] = str(context.document.span(earlier).line)
                yield Finding(self.code, pointer, values)
            elif entry.year < start.year or (last_year is not None and entry.year > last_year):
                values.update(start=start.isoformat(), end=end.isoformat())
                yield Finding(self.code, pointer, values, variant="outside")


def _counted_from_start(agreement: Agreement) -> bool:
    """Whether progress towards the agreement's target is counted from a starting value."""
    target = agreement.target
    if target is None or target.recurring is not None or target.index is not None:
        return False
    if target.comparison == "between":
        return False
    # A level held for the whole term: there is no way from a start, only a bound.
    holds = agreement.ongoing or agreement.deadline is None
    if not target.cumulative and holds:
        return False
    # No more than zero events (evictions): nothing is counted from a start either.
    return not (target.value == 0 and (target.cumulative or holds))


RULES: tuple[Rule, ...] = (
    MissingTarget(),
    MissingUnit(),
    MissingBaseline(),
    ThousandsSeparator(),
    PerYearInvalid(),
)
