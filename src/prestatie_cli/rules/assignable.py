"""A3xx: is the agreement assignable? A named owner who is a party."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from prestatie_cli.model.agreements import Agreement
from prestatie_cli.rules._unknown import unknown_party
from prestatie_cli.rules.base import Finding, Rule, SetContext, Wording


class MissingOwner(Rule):
    """Every agreement has one trekker: the party that answers for it."""

    code = "A301"
    name = "missing-owner"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Trekker ontbreekt", "en": "Owner missing"},
        "message": {
            "nl": "Afspraak {id} heeft geen trekker (owner).",
            "en": "Agreement {id} has no owner.",
        },
        "hint": {
            "nl": "Voeg 'owner:' toe met de id van de partij die de afspraak trekt.",
            "en": "Add 'owner:' with the id of the party that answers for the agreement.",
        },
        "rationale": {
            "nl": "Een afspraak van iedereen is een afspraak van niemand: één partij trekt en legt "
            "verantwoording af.",
            "en": "An agreement of everyone is an agreement of no one: one party leads and reports.",
        },
    }
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  owner: corp-a
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        if not agreement.owner:
            yield Finding(self.code, ("agreements", index), {"id": agreement.id})


class UnknownOwner(Rule):
    """The owner must be one of the parties that signed the set."""

    code = "A302"
    name = "unknown-owner"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Onbekende trekker", "en": "Unknown owner"},
        "message": {
            "nl": "De trekker '{party}' van {id} is geen partij in deze set.",
            "en": "The owner '{party}' of {id} is not a party to this set.",
        },
        "hint": {
            "nl": "Gebruik de id van een partij uit 'parties': {known}.",
            "en": "Use the id of a party listed under 'parties': {known}.",
        },
        "rationale": {
            "nl": "Alleen een partij die de afspraken ondertekent kan erop worden aangesproken.",
            "en": "Only a party that signs the agreements can be held to them.",
        },
    }
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  owner: corp-a
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  owner: corporaties
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        known = context.party_ids
        if agreement.owner and agreement.owner not in known:
            yield Finding(
                self.code,
                ("agreements", index, "owner"),
                {"id": agreement.id, **unknown_party(agreement.owner, known)},
            )


class UnknownContributor(Rule):
    """A contributor must be one of the parties of the set."""

    code = "A303"
    name = "unknown-contributor"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Onbekende bijdrager", "en": "Unknown contributor"},
        "message": {
            "nl": "De bijdrager '{party}' van {id} is geen partij in deze set.",
            "en": "The contributor '{party}' of {id} is not a party to this set.",
        },
        "hint": {
            "nl": "Gebruik de id van een partij uit 'parties': {known}.",
            "en": "Use the id of a party listed under 'parties': {known}.",
        },
        "rationale": {
            "nl": "Wederkerigheid telt alleen als de bijdragende partij de afspraken ook ondertekent.",
            "en": "Reciprocity counts only when the contributing party signs the agreements too.",
        },
    }
    example_pass = """\
- id: BS-02
  title: Bouwlocaties
  theme: beschikbaarheid
  owner: gemeente
  contributors: [corp-a]
"""
    example_fail = """\
- id: BS-02
  title: Bouwlocaties
  theme: beschikbaarheid
  owner: gemeente
  contributors: [provincie]
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        known = context.party_ids
        for position, contributor in enumerate(agreement.contributors):
            if contributor not in known:
                yield Finding(
                    self.code,
                    ("agreements", index, "contributors", position),
                    {"id": agreement.id, **unknown_party(contributor, known)},
                )


RULES: tuple[Rule, ...] = (MissingOwner(), UnknownOwner(), UnknownContributor())
