"""P617, P618, P622: parts of a whole. A part names an agreement that exists, the parts add up
to the whole, and a split over categories adds up to 100 percent."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import ClassVar

from prestatie_cli.model.agreements import Agreement, Target
from prestatie_cli.model.findings import suggestion
from prestatie_cli.model.structure import rolled_up_parts
from prestatie_cli.rules.base import Finding, Rule, SetContext, Wording

# How far the parts may be off an approximate whole ("circa 600").
APPROXIMATE = 0.10
# How far shares of a split may be off 100 percent: rounding (3 x 33.3).
SHARE_SLACK = 0.5
# Sums of decimals are not exact: compare with this slack.
_RELATIVE = 1e-9


class UnknownParent(Rule):
    """A part names the agreement it is part of: one that exists, and not itself, not even
    through other parts."""

    code = "P617"
    name = "unknown-parent"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Onbekend geheel", "en": "Unknown parent"},
        "message": {
            "nl": "Afspraak {id} is een deel van '{parent}', maar die afspraak staat niet in de set.",
            "en": "Agreement {id} is a part of '{parent}', but that agreement is not in the set.",
        },
        "message.self": {
            "nl": "Afspraak {id} noemt zichzelf als het geheel waar ze deel van is.",
            "en": "Agreement {id} names itself as the whole it is a part of.",
        },
        "message.cycle": {
            "nl": "Afspraak {id} is via {chain} een deel van zichzelf.",
            "en": "Agreement {id} is a part of itself through {chain}.",
        },
        "hint": {
            "nl": "Zet bij 'parent:' de id van de afspraak waar deze afspraak een deel van is, of "
            "laat 'parent:' weg.",
            "en": "Put the id of the agreement this one is a part of under 'parent:', or leave "
            "'parent:' out.",
        },
        "rationale": {
            "nl": "Een deel telt mee in het geheel: zonder bestaand geheel telt het nergens mee, en "
            "een kring van delen telt zichzelf.",
            "en": "A part counts towards its whole: without an existing whole it counts for "
            "nothing, and a circle of parts counts itself.",
        },
    }
    example_pass = """\
- id: BS-01-A
  title: Aandeel Woonstichting A
  text: Woonstichting A levert daarvan 120 woningen op.
  theme: beschikbaarheid
  kind: process
  parent: BS-01
  deadline: 2019-12-31
"""
    example_fail = """\
- id: BS-01-A
  title: Aandeel Woonstichting A
  text: Woonstichting A levert daarvan 120 woningen op.
  theme: beschikbaarheid
  kind: process
  parent: BS-1
  deadline: 2019-12-31
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        agreements = context.agreements.agreements
        if not context.parts_of:
            return
        index_of: dict[str, int] = {}
        for index, agreement in enumerate(agreements):
            index_of.setdefault(agreement.id, index)
        for index, agreement in enumerate(agreements):
            parent = agreement.parent
            if parent is None:
                continue
            pointer = ("agreements", index, "parent")
            if parent == agreement.id:
                yield Finding(self.code, pointer, {"id": agreement.id}, variant="self")
            elif parent not in index_of:
                known = list(index_of)
                params = {"id": agreement.id, "parent": parent}
                yield Finding(
                    self.code, pointer, {**params, "suggestion": suggestion(parent, known)}
                )
            else:
                chain = _cycle(agreements, index_of, index)
                # One finding for a circle: at the first of its agreements in the file.
                if chain and index == min(index_of[item] for item in chain):
                    shown = " → ".join([*chain, chain[0]])
                    yield Finding(
                        self.code, pointer, {"id": agreement.id, "chain": shown}, variant="cycle"
                    )


def _cycle(agreements: list[Agreement], index_of: dict[str, int], start: int) -> list[str]:
    """The ids around the circle of parents that leads back to ``agreements[start]``, from it;
    empty when its parents lead elsewhere."""
    chain = [agreements[start].id]
    current = agreements[start]
    while current.parent is not None and current.parent in index_of:
        if current.parent == chain[0]:
            return chain if len(chain) > 1 else []
        if current.parent in chain:
            return []  # a circle further up, without this agreement
        chain.append(current.parent)
        current = agreements[index_of[current.parent]]
    return []


class PartsDoNotAddUp(Rule):
    """Where the parts of a whole count in the whole's unit, together they reach its target.

    Parts count when each part with a target has the whole's unit and cumulative flag (as
    for the roll-up of measurements). For an approximate whole ("circa 600") the parts may
    be 10 percent off.
    """

    code = "P618"
    name = "parts-do-not-add-up"
    severity = "warning"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Delen tellen niet op", "en": "Parts do not add up"},
        "message": {
            "nl": "De delen van {id} ({parts}) tellen samen op tot {sum}, minder dan de {target} "
            "van het geheel.",
            "en": "The parts of {id} ({parts}) add up to {sum}, less than the whole's {target}.",
        },
        "message.at_most": {
            "nl": "De delen van {id} ({parts}) tellen samen op tot {sum}, meer dan de ten hoogste "
            "{target} van het geheel.",
            "en": "The parts of {id} ({parts}) add up to {sum}, more than the whole's at most "
            "{target}.",
        },
        "message.exactly": {
            "nl": "De delen van {id} ({parts}) tellen samen op tot {sum}, niet tot de {target} van "
            "het geheel.",
            "en": "The parts of {id} ({parts}) add up to {sum}, not to the whole's {target}.",
        },
        "message.between": {
            "nl": "De delen van {id} ({parts}) tellen samen op tot {sum}, buiten de {target} tot "
            "{upper} van het geheel.",
            "en": "The parts of {id} ({parts}) add up to {sum}, outside the whole's {target} to "
            "{upper}.",
        },
        "hint": {
            "nl": "Controleer de streefwaarden van het geheel en van de delen. Noemt het document "
            "een afgerond totaal ('circa'), zet dan 'approximate: true' bij het geheel.",
            "en": "Check the targets of the whole and of its parts. When the document gives a "
            "rounded total ('circa'), add 'approximate: true' to the whole.",
        },
        "rationale": {
            "nl": "Als de delen het geheel niet halen, haalt ook iedereen die zijn deel levert het "
            "gezamenlijke doel niet: dat hoort bij het afspreken op tafel, niet bij de evaluatie.",
            "en": "When the parts fall short of the whole, everyone delivering their part still "
            "misses the joint target: that belongs on the table when agreeing, not at the "
            "evaluation.",
        },
    }
    example_pass = """\
agreements:
  - id: BS-01
    title: Nieuwe sociale huurwoningen
    text: Partijen zorgen in 2016-2019 samen voor 180 nieuwe sociale huurwoningen.
    theme: beschikbaarheid
    owner: corp-a
    contributors: [gemeente, hv-a]
    target: {metric: opgeleverd, unit: woningen, value: 180, cumulative: true,
             baseline: {value: 0, date: 2016-01-01}}
    deadline: 2019-12-31
  - id: BS-01-A
    title: Aandeel nieuwbouw
    parent: BS-01
    theme: beschikbaarheid
    owner: corp-a
    target: {metric: opgeleverd, unit: woningen, value: 120, cumulative: true,
             baseline: {value: 0, date: 2016-01-01}}
    deadline: 2019-12-31
  - id: BS-01-B
    title: Aandeel transformatie
    parent: BS-01
    theme: beschikbaarheid
    owner: corp-a
    target: {metric: opgeleverd, unit: woningen, value: 60, cumulative: true,
             baseline: {value: 0, date: 2016-01-01}}
    deadline: 2019-12-31
"""
    example_fail = """\
agreements:
  - id: BS-01
    title: Nieuwe sociale huurwoningen
    text: Partijen zorgen in 2016-2019 samen voor 180 nieuwe sociale huurwoningen.
    theme: beschikbaarheid
    owner: corp-a
    contributors: [gemeente, hv-a]
    target: {metric: opgeleverd, unit: woningen, value: 180, cumulative: true,
             baseline: {value: 0, date: 2016-01-01}}
    deadline: 2019-12-31
  - id: BS-01-A
    title: Aandeel nieuwbouw
    parent: BS-01
    theme: beschikbaarheid
    owner: corp-a
    target: {metric: opgeleverd, unit: woningen, value: 120, cumulative: true,
             baseline: {value: 0, date: 2016-01-01}}
    deadline: 2019-12-31
  - id: BS-01-B
    title: Aandeel transformatie
    parent: BS-01
    theme: beschikbaarheid
    owner: corp-a
    target: {metric: opgeleverd, unit: woningen, value: 40, cumulative: true,
             baseline: {value: 0, date: 2016-01-01}}
    deadline: 2019-12-31
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        agreements = context.agreements
        for index, agreement in enumerate(agreements.agreements):
            target = agreement.target
            # Only agreements with parts: rolled_up_parts looks through the whole set.
            if target is None or agreement.id not in context.parts_of:
                continue
            if agreement.id in context.withdrawn:
                continue
            parts = [
                part
                for part in rolled_up_parts(agreements, agreement)
                if part.id != agreement.id and part.is_commitment
            ]
            if not parts:
                continue
            total = math.fsum(float(part.target.value) for part in parts if part.target)
            if _adds_up(target, total):
                continue
            params: dict[str, str | float] = {
                "id": agreement.id,
                "parts": ", ".join(part.id for part in parts),
                "sum": total,
                "target": float(target.value),
                "upper": float(target.upper if target.upper is not None else target.value),
            }
            yield Finding(
                self.code,
                ("agreements", index, "target", "value"),
                params,
                variant="" if target.comparison == "at_least" else target.comparison,
            )


def _adds_up(target: Target, total: float) -> bool:
    """Whether ``total`` satisfies the whole's comparison, with room for an approximate whole."""
    share = APPROXIMATE if target.approximate else _RELATIVE
    low = target.value - share * max(1.0, abs(target.value))
    upper = target.upper if target.upper is not None else target.value
    high = upper + share * max(1.0, abs(upper))
    if target.comparison == "at_least":
        return total >= low
    if target.comparison == "at_most":
        return total <= high
    return low <= total <= high


class SplitNotWhole(Rule):
    """The shares of a split over categories (60 / 20 / 20) add up to 100 percent."""

    code = "P622"
    name = "split-not-whole"
    severity = "warning"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Verdeling telt niet op tot 100", "en": "Split is not whole"},
        "message": {
            "nl": "De verdeling van {id} telt op tot {total} procent, niet tot 100.",
            "en": "The split of {id} adds up to {total} percent, not to 100.",
        },
        "hint": {
            "nl": "Controleer de 'share' van elke categorie onder 'split'; samen zijn ze 100.",
            "en": "Check the 'share' of each category under 'split'; together they make 100.",
        },
        "rationale": {
            "nl": "Een verdeling die niet op 100 procent uitkomt, laat een deel van het doel "
            "onverdeeld of verdeelt meer dan er is; vaak is een getal verkeerd overgenomen.",
            "en": "A split that does not come to 100 percent leaves part of the target unassigned "
            "or assigns more than there is; often a number was copied wrongly.",
        },
    }
    example_pass = """\
- id: BS-02
  title: Woningbouwprogramma
  theme: beschikbaarheid
  target:
    metric: woningen in vastgestelde bouwplannen
    unit: woningen
    value: 1200
    split:
      - {category: sociale huur, share: 60}
      - {category: middenhuur, share: 20}
      - {category: betaalbare koop, share: 20}
"""
    example_fail = """\
- id: BS-02
  title: Woningbouwprogramma
  theme: beschikbaarheid
  target:
    metric: woningen in vastgestelde bouwplannen
    unit: woningen
    value: 1200
    split:
      - {category: sociale huur, share: 60}
      - {category: middenhuur, share: 20}
      - {category: betaalbare koop, share: 10}
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        target = agreement.target
        if target is None or not target.split:
            return
        total = math.fsum(float(share.share) for share in target.split)
        if abs(total - 100) > SHARE_SLACK:
            yield Finding(
                self.code,
                ("agreements", index, "target", "split"),
                {"id": agreement.id, "total": total},
                at_key=True,
            )


RULES: tuple[Rule, ...] = (UnknownParent(), PartsDoNotAddUp(), SplitNotWhole())
