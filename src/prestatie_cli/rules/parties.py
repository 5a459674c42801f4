"""P6xx, set level: the lokale driehoek, reciprocity, unique ids, sign-off, amendments, waivers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from prestatie_cli.model.agreements import ROLES_REQUIRED, Agreement
from prestatie_cli.model.findings import Pointer, suggestion
from prestatie_cli.rules._unknown import unknown_party
from prestatie_cli.rules.base import Finding, Rule, SetContext, Wording


class MissingRole(Rule):
    """Municipality, corporation and tenants sit at the table as equal parties."""

    code = "P601"
    name = "missing-role"
    severity = "error"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Partij uit de driehoek ontbreekt", "en": "Role missing"},
        "message": {
            "nl": "Er is geen partij met de rol '{role}'.",
            "en": "No party has the role '{role}'.",
        },
        "hint": {
            "nl": "Voeg de {role} toe onder 'parties', of leg met een waiver op de set vast waarom "
            "die ontbreekt.",
            "en": "Add the {role} under 'parties', or record with a waiver on the set why it is absent.",
        },
        "rationale": {
            "nl": "De Woningwet gaat uit van drie gelijkwaardige partijen: gemeente, corporatie en "
            "huurdersorganisatie.",
            "en": "The Woningwet expects three equal parties: municipality, corporation and tenants' "
            "organisation.",
        },
    }
    example_pass = """\
parties:
  - {id: gemeente, name: Gemeente Voorbeeld, role: gemeente}
  - {id: corp-a, name: Woonstichting A, role: corporatie}
  - {id: hv-a, name: Huurdersvereniging A, role: huurdersorganisatie}
"""
    example_fail = """\
parties:
  - {id: gemeente, name: Gemeente Voorbeeld, role: gemeente}
  - {id: corp-a, name: Woonstichting A, role: corporatie}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        present = {party.role for party in context.agreements.parties}
        for role in ROLES_REQUIRED:
            if role not in present:
                yield Finding(self.code, ("parties",), {"role": role}, at_key=True)


class OwesNothing(Rule):
    """Reciprocity: every party owes at least one agreement, as owner or contributor."""

    code = "P602"
    name = "owes-nothing"
    severity = "warning"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Partij levert niets", "en": "Party owes nothing"},
        "message": {
            "nl": "Partij '{party}' is bij geen enkele afspraak trekker of bijdrager.",
            "en": "Party '{party}' is owner or contributor of no agreement.",
        },
        "hint": {
            "nl": "Leg vast wat deze partij bijdraagt met 'owner:' of 'contributors:' bij een afspraak.",
            "en": "Record what this party contributes with 'owner:' or 'contributors:' on an agreement.",
        },
        "rationale": {
            "nl": "Prestatieafspraken zijn wederkerig: ook gemeente en huurders leveren iets, "
            "niet alleen de corporatie.",
            "en": "Performance agreements are reciprocal: the municipality and the tenants owe "
            "something too, not only the corporation.",
        },
    }
    example_pass = """\
agreements:
  - {id: A-1, title: Bouwen, theme: beschikbaarheid, owner: corp-a, contributors: [gemeente]}
  - {id: A-2, title: Energiecoaches, theme: kwaliteit-en-duurzaamheid, owner: hv-a}
"""
    example_fail = """\
agreements:
  - {id: A-1, title: Bouwen, theme: beschikbaarheid, owner: corp-a}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        owing: set[str] = set()
        for agreement in context.agreements.agreements:
            owing.update(agreement.contributors)
            if agreement.owner:
                owing.add(agreement.owner)
        for index, party in enumerate(context.agreements.parties):
            if party.id not in owing:
                yield Finding(self.code, ("parties", index, "id"), {"party": party.id})


class DuplicateId(Rule):
    """Ids are how agreements are referred to in monitors, diffs and reports: one each."""

    code = "P603"
    name = "duplicate-id"
    severity = "error"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Dubbele id", "en": "Duplicate id"},
        "message": {
            "nl": "De id '{id}' komt al eerder voor, op regel {first}.",
            "en": "The id '{id}' is already used on line {first}.",
        },
        "message.file": {
            "nl": "De set-id '{id}' wordt ook gebruikt in {first}.",
            "en": "The set id '{id}' is also used in {first}.",
        },
        "message.left-out": {
            "nl": "De set-id '{id}' wordt ook gebruikt in {first}; deze set is weggelaten.",
            "en": "The set id '{id}' is also used in {first}; this set is left out.",
        },
        "hint": {
            "nl": "Geef elke afspraak, partij en set een eigen id die niet meer verandert.",
            "en": "Give every agreement, party and set an id of its own that does not change.",
        },
        "rationale": {
            "nl": "Metingen, verschillen en rapporten verwijzen naar afspraken via hun id.",
            "en": "Measurements, diffs and reports refer to agreements by their id.",
        },
    }
    example_pass = """\
agreements:
  - {id: BS-01, title: Bouwen, theme: beschikbaarheid, owner: corp-a}
  - {id: BS-02, title: Locaties, theme: beschikbaarheid, owner: gemeente}
"""
    example_fail = """\
agreements:
  - {id: BS-01, title: Bouwen, theme: beschikbaarheid, owner: corp-a}
  - {id: BS-01, title: Locaties, theme: beschikbaarheid, owner: gemeente}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        agreements = context.agreements
        for section, ids in (
            ("agreements", [agreement.id for agreement in agreements.agreements]),
            ("parties", [party.id for party in agreements.parties]),
        ):
            seen: dict[str, int] = {}
            for index, item_id in enumerate(ids):
                if item_id in seen:
                    line = context.document.span((section, seen[item_id], "id")).line
                    yield Finding(
                        self.code, (section, index, "id"), {"id": item_id, "first": str(line)}
                    )
                else:
                    seen[item_id] = index
        others = [
            path
            for path in context.set_paths.get(agreements.id, ())
            if path != context.document.path
        ]
        if others:
            yield Finding(
                self.code, ("id",), {"id": agreements.id, "first": others[0]}, variant="file"
            )


class NotSigned(Rule):
    """A set binds only the parties that signed it."""

    code = "P604"
    name = "not-signed"
    severity = "warning"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Niet ondertekend", "en": "Not signed"},
        "message": {
            "nl": "Partij '{party}' ({name}) heeft de set niet ondertekend.",
            "en": "Party '{party}' ({name}) has not signed the set.",
        },
        "hint": {
            "nl": "Laat de partij tekenen: prestatie sign SET --party {party} --name NAAM "
            "(of voeg onder 'signatures' party, name en date toe).",
            "en": "Have the party sign: prestatie sign SET --party {party} --name NAME "
            "(or add party, name and date under 'signatures').",
        },
        "rationale": {
            "nl": "Afspraken binden alleen de partijen die ze hebben ondertekend; huurders kunnen "
            "ondertekening ook weigeren.",
            "en": "Agreements bind only the parties that signed them; tenants may refuse to sign.",
        },
    }
    example_pass = """\
signatures:
  - {party: gemeente, name: J. de Vries, date: 2016-03-15}
  - {party: corp-a, name: A. Jansen, date: 2016-03-15}
  - {party: hv-a, name: M. Bakker, date: 2016-03-20}
"""
    example_fail = """\
signatures:
  - {party: gemeente, name: J. de Vries, date: 2016-03-15}
  - {party: corp-a, name: A. Jansen, date: 2016-03-15}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        signed = {signature.party for signature in context.agreements.signatures}
        for index, party in enumerate(context.agreements.parties):
            if party.id not in signed:
                yield Finding(
                    self.code, ("parties", index, "id"), {"party": party.id, "name": party.name}
                )


class UnknownParty(Rule):
    """Signatures and amendments name parties of the set."""

    code = "P605"
    name = "unknown-party"
    severity = "error"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Onbekende partij", "en": "Unknown party"},
        "message": {
            "nl": "'{party}' is geen partij in deze set.",
            "en": "'{party}' is not a party to this set.",
        },
        "hint": {
            "nl": "Gebruik de id van een partij uit 'parties': {known}.",
            "en": "Use the id of a party listed under 'parties': {known}.",
        },
        "rationale": {
            "nl": "Alleen partijen van de set kunnen ondertekenen of met een wijziging instemmen.",
            "en": "Only parties to the set can sign it or consent to an amendment.",
        },
    }
    example_pass = """\
signatures:
  - {party: hv-a, name: M. Bakker, date: 2016-03-20}
"""
    example_fail = """\
signatures:
  - {party: huurders, name: M. Bakker, date: 2016-03-20}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for index, signature in enumerate(context.agreements.signatures):
            yield from self._known(context, ("signatures", index, "party"), signature.party)
        yield from super().check_set(context)

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        for number, amendment in enumerate(agreement.amendments):
            for position, party in enumerate(amendment.agreed_by):
                pointer = ("agreements", index, "amendments", number, "agreed_by", position)
                yield from self._known(context, pointer, party)

    def _known(self, context: SetContext, pointer: Pointer, party: str) -> Iterator[Finding]:
        if party not in context.party_ids:
            yield Finding(self.code, pointer, unknown_party(party, context.party_ids))


class AmendmentWithoutConsent(Rule):
    """An agreement changes only with the consent of all parties."""

    code = "P606"
    name = "amendment-without-consent"
    severity = "warning"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Wijziging zonder instemming", "en": "Amendment without consent"},
        "message": {
            "nl": "Een wijziging van {id} is niet door alle partijen goedgekeurd; ontbreekt: {missing}.",
            "en": "An amendment of {id} was not agreed by all parties; missing: {missing}.",
        },
        "hint": {
            "nl": "Vraag de ontbrekende partijen om instemming en zet ze in 'agreed_by'.",
            "en": "Ask the missing parties for consent and list them in 'agreed_by'.",
        },
        "rationale": {
            "nl": "Afspraken mogen tussentijds wijzigen, maar alleen met instemming van alle partijen.",
            "en": "Agreements may change during the term, but only with the consent of all parties.",
        },
    }
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  amendments:
    - date: 2018-03-01
      reason: Bouwlocatie Noord vervalt; aantal naar 160.
      agreed_by: [gemeente, corp-a, hv-a]
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  amendments:
    - date: 2018-03-01
      reason: Bouwlocatie Noord vervalt; aantal naar 160.
      agreed_by: [gemeente, corp-a]
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        for number, amendment in enumerate(agreement.amendments):
            missing = [party for party in context.party_ids if party not in amendment.agreed_by]
            if missing:
                yield Finding(
                    self.code,
                    ("agreements", index, "amendments", number, "agreed_by"),
                    {"id": agreement.id, "missing": ", ".join(missing)},
                )


class UnknownWaiverRule(Rule):
    """A waiver names a rule that exists, so that a typo does not hide nothing forever."""

    code = "P610"
    name = "unknown-waiver-rule"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Waiver voor onbekende regel", "en": "Waiver for unknown rule"},
        "message": {
            "nl": "De waiver noemt regel '{rule}', die niet bestaat.",
            "en": "The waiver names rule '{rule}', which does not exist.",
        },
        "hint": {
            "nl": "'prestatie rules' toont alle codes.",
            "en": "'prestatie rules' lists every code.",
        },
        "rationale": {
            "nl": "Een waiver met een tikfout onderdrukt niets, terwijl het lijkt alsof er een "
            "bewuste uitzondering is.",
            "en": "A waiver with a typo suppresses nothing, while it looks like a deliberate exception.",
        },
    }
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  waivers:
    - {rule: M203, reason: Nulmeting volgt in het eerste kwartaal.}
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  waivers:
    - {rule: M233, reason: Nulmeting volgt in het eerste kwartaal.}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for number, waiver in enumerate(context.agreements.waivers):
            yield from self._known(context, ("waivers", number, "rule"), waiver.rule)
        yield from super().check_set(context)

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        for number, waiver in enumerate(agreement.waivers):
            pointer = ("agreements", index, "waivers", number, "rule")
            yield from self._known(context, pointer, waiver.rule)

    def _known(self, context: SetContext, pointer: Pointer, code: str) -> Iterator[Finding]:
        if code not in context.rule_codes:
            known = sorted(context.rule_codes)
            yield Finding(self.code, pointer, {"rule": code, "suggestion": suggestion(code, known)})


RULES: tuple[Rule, ...] = (
    MissingRole(),
    OwesNothing(),
    DuplicateId(),
    NotSigned(),
    UnknownParty(),
    AmendmentWithoutConsent(),
    UnknownWaiverRule(),
)
