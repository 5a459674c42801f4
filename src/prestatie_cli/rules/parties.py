"""P6xx, set level: the lokale driehoek, reciprocity, unique ids, sign-off, amendments, waivers,
groups."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import ClassVar

from prestatie_cli.editing.sign import earliest_signing
from prestatie_cli.model.agreements import ROLES_REQUIRED, Agreement, Signature
from prestatie_cli.model.findings import Pointer, suggestion
from prestatie_cli.model.structure import group_members, owner_parties, parties_of
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
    """Reciprocity: every party owes at least one agreement, as owner or contributor.

    A group's agreement counts for each of its members, joint owners each owe it, an
    accepted request is owed by the asked party. A context paragraph, a request not
    (yet) accepted and a withdrawn agreement count for nobody. A party that left with
    a successor is not asked; the successor carries what it owed.
    """

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
        "hint.groups": {
            "nl": "Leg vast wat deze partij bijdraagt met 'owner:' of 'contributors:' bij een "
            "afspraak, zelf of via een groep waar ze lid van is.",
            "en": "Record what this party contributes with 'owner:' or 'contributors:' on an "
            "agreement, itself or through a group it is a member of.",
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
        agreements = context.agreements
        owing: set[str] = set()
        for agreement in agreements.agreements:
            # A context paragraph, a request not accepted and a withdrawn agreement are
            # owed by nobody; a group's agreement is owed by each of its members.
            if not agreement.is_commitment or agreement.id in context.withdrawn:
                continue
            owing.update(owner_parties(agreements, agreement))
            owing.update(parties_of(agreements, agreement.contributors))
        # A successor carries what the parties it succeeded owed.
        successors = {p.id: p.successor for p in agreements.parties if p.successor}
        for _ in successors:
            owing.update(successors[party] for party in list(owing) if party in successors)
        for index, party in enumerate(agreements.parties):
            if party.left is not None and party.successor:
                continue  # its successor owes what it owed
            if party.id not in owing:
                yield Finding(
                    self.code,
                    ("parties", index, "id"),
                    {"party": party.id},
                    variant="groups" if context.group_ids else "",
                )


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
            "nl": "Geef elke afspraak, partij, groep en set een eigen id die niet meer verandert; "
            "een groep heeft een andere id dan elke partij.",
            "en": "Give every agreement, party, group and set an id of its own that does not "
            "change; a group's id differs from every party's.",
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
        # Parties and groups share one name space: an owner names either.
        names: dict[str, Pointer] = {}
        for section, ids in (
            ("agreements", [agreement.id for agreement in agreements.agreements]),
            ("parties", [party.id for party in agreements.parties]),
            ("groups", [group.id for group in agreements.groups]),
        ):
            seen: dict[str, Pointer] = {} if section == "agreements" else names
            for index, item_id in enumerate(ids):
                pointer: Pointer = (section, index, "id")
                if item_id in seen:
                    line = context.document.span(seen[item_id]).line
                    yield Finding(self.code, pointer, {"id": item_id, "first": str(line)})
                else:
                    seen[item_id] = pointer
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
    """A set binds only the parties that signed it.

    A group never signs (its members do). A party that joined later signs too, on any
    date. A successor by merger carries the signature of the parties it succeeded, and
    a party that had left before the set was signed is not asked when its successor
    signed.
    """

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
        agreements = context.agreements
        signed = {signature.party for signature in agreements.signatures}
        first = min((signature.date for signature in agreements.signatures), default=None)
        # The members of a group that signed are P619's finding: one mistake, one finding.
        by_group = set(
            parties_of(
                agreements,
                [
                    g.id
                    for g in agreements.groups
                    if g.id in signed and g.id not in context.party_ids
                ],
            )
        )
        for index, party in enumerate(agreements.parties):
            if party.id in signed or party.id in by_group:
                continue
            if any(p.successor == party.id and p.id in signed for p in agreements.parties):
                continue  # it carries the signature of a party it succeeded
            left_first = party.left is not None and (first is None or party.left <= first)
            if left_first and party.successor in signed:
                continue
            yield Finding(
                self.code, ("parties", index, "id"), {"party": party.id, "name": party.name}
            )


class UnknownParty(Rule):
    """Signatures, amendments and bids name parties of the set (a bid may be a group's).

    A group named as signatory is P619's finding, not this one's.
    """

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
            "nl": "Alleen partijen van de set kunnen ondertekenen, met een wijziging instemmen of "
            "een bod uitbrengen.",
            "en": "Only parties to the set can sign it, consent to an amendment or make a bid.",
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
        agreements = context.agreements
        for index, signature in enumerate(agreements.signatures):
            if signature.party not in context.group_ids:
                yield from self._known(context, ("signatures", index, "party"), signature.party)
        for index, bid in enumerate(agreements.bids):
            if bid.party not in context.group_ids:
                yield from self._known(context, ("bids", index, "party"), bid.party)
        for number, amendment in enumerate(agreements.amendments):
            for position, party in enumerate(amendment.agreed_by):
                pointer = ("amendments", number, "agreed_by", position)
                yield from self._known(context, pointer, party)
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
    """An agreement changes only with the consent of all parties that are parties on the
    amendment's date (one that left is represented by its successor)."""

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
            missing = _not_agreed(context, amendment.date, amendment.agreed_by)
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


class GroupSigns(Rule):
    """A group is a collaboration, not a signatory: its members sign, each for itself."""

    code = "P619"
    name = "group-signs"
    severity = "error"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Groep tekent", "en": "Group signs"},
        "message": {
            "nl": "'{party}' is een groep ({name}), geen partij: een groep tekent niet.",
            "en": "'{party}' is a group ({name}), not a party: a group does not sign.",
        },
        "hint": {
            "nl": "Laat elk lid van de groep zelf tekenen: {members}.",
            "en": "Have each member of the group sign for itself: {members}.",
        },
        "rationale": {
            "nl": "Een samenwerkingsverband of federatie is meestal geen rechtspersoon; alleen de "
            "partijen zelf kunnen zich aan de afspraken binden.",
            "en": "A collaboration or federation is usually no legal person; only the parties "
            "themselves can bind themselves to the agreements.",
        },
    }
    example_pass = """\
groups:
  - {id: corporaties, name: De corporaties, members: corporatie}
signatures:
  - {party: gemeente, name: J. de Vries, date: 2016-03-15}
  - {party: corp-a, name: A. Jansen, date: 2016-03-15}
  - {party: hv-a, name: M. Bakker, date: 2016-03-20}
"""
    example_fail = """\
groups:
  - {id: corporaties, name: De corporaties, members: corporatie}
signatures:
  - {party: gemeente, name: J. de Vries, date: 2016-03-15}
  - {party: corporaties, name: A. Jansen, date: 2016-03-15}
  - {party: hv-a, name: M. Bakker, date: 2016-03-20}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        agreements = context.agreements
        groups = {group.id: group for group in agreements.groups}
        for index, signature in enumerate(agreements.signatures):
            group = groups.get(signature.party)
            # A party that shares its id with a group signs for itself (P603 names the clash).
            if group is not None and signature.party not in context.party_ids:
                members = ", ".join(group_members(agreements, group))
                yield Finding(
                    self.code,
                    ("signatures", index, "party"),
                    {"party": group.id, "name": group.name, "members": members},
                )


class SetAmendmentWithoutConsent(Rule):
    """The set as a whole changes (a longer term, withdrawn agreements) only with the consent
    of all parties that are parties on the amendment's date."""

    code = "P623"
    name = "set-amendment-without-consent"
    severity = "warning"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {
            "nl": "Wijziging van de set zonder instemming",
            "en": "Set amendment without consent",
        },
        "message": {
            "nl": "De wijziging van de set van {date} is niet door alle partijen goedgekeurd; "
            "ontbreekt: {missing}.",
            "en": "The set amendment of {date} was not agreed by all parties; missing: {missing}.",
        },
        "hint": {
            "nl": "Vraag de ontbrekende partijen om instemming en zet ze in 'agreed_by'.",
            "en": "Ask the missing parties for consent and list them in 'agreed_by'.",
        },
        "rationale": {
            "nl": "Een afspraak intrekken of de looptijd verlengen verandert wat alle partijen "
            "beloofden: dat kan alleen met instemming van allen.",
            "en": "Withdrawing an agreement or extending the term changes what all parties "
            "promised: that takes the consent of all.",
        },
    }
    example_pass = """\
amendments:
  - date: 2018-03-01
    reason: De looptijd wordt met een jaar verlengd.
    agreed_by: [gemeente, corp-a, hv-a]
    extends_to: 2020-12-31
"""
    example_fail = """\
amendments:
  - date: 2018-03-01
    reason: De looptijd wordt met een jaar verlengd.
    agreed_by: [gemeente, corp-a]
    extends_to: 2020-12-31
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for number, amendment in enumerate(context.agreements.amendments):
            missing = _not_agreed(context, amendment.date, amendment.agreed_by)
            if missing:
                yield Finding(
                    self.code,
                    ("amendments", number, "agreed_by"),
                    {"date": amendment.date.isoformat(), "missing": ", ".join(missing)},
                )


class UnknownGroupMember(Rule):
    """A group's members are parties of the set."""

    code = "P624"
    name = "unknown-group-member"
    severity = "error"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Onbekend lid van een groep", "en": "Unknown group member"},
        "message": {
            "nl": "Lid '{party}' van groep {group} is geen partij in deze set.",
            "en": "Member '{party}' of group {group} is not a party to this set.",
        },
        "hint": {
            "nl": "Gebruik de id van een partij uit 'parties': {known}. Een partij die geen "
            "afspraken tekent, kan geen lid zijn.",
            "en": "Use the id of a party listed under 'parties': {known}. A party that does not "
            "sign the agreements cannot be a member.",
        },
        "rationale": {
            "nl": "Een afspraak van een groep telt voor elk lid; een lid dat geen partij is, kan er "
            "niet op worden aangesproken.",
            "en": "A group's agreement counts for each member; a member that is no party cannot "
            "be held to it.",
        },
    }
    example_pass = """\
groups:
  - {id: uitvoerders, name: Gemeente en corporatie, members: [gemeente, corp-a]}
"""
    example_fail = """\
groups:
  - {id: uitvoerders, name: Gemeente en corporatie, members: [gemeente, corp-b]}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for index, group in enumerate(context.agreements.groups):
            if isinstance(group.members, str):
                continue  # 'all' or a role: the set's parties by definition
            for position, member in enumerate(group.members):
                if member not in context.party_ids:
                    yield Finding(
                        self.code,
                        ("groups", index, "members", position),
                        {"group": group.id, **unknown_party(member, context.party_ids)},
                    )


def _not_agreed(context: SetContext, day: date, agreed_by: Sequence[str]) -> list[str]:
    """The parties of the set on ``day`` that are not among ``agreed_by``."""
    return [
        party.id
        for party in context.agreements.parties
        if party.active_on(day) and party.id not in agreed_by
    ]


class SignedTwice(Rule):
    """A party signs a version of the set once; a second signature of the same content says
    nothing new and hides which signature counts.

    The same content is the same digest; two signatures of which one or both lack a digest
    count as the same version when they bear the same day.
    """

    code = "P628"
    name = "signed-twice"
    severity = "warning"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Twee keer getekend", "en": "Signed twice"},
        "message": {
            "nl": "Partij '{party}' tekent deze versie van de set een tweede keer (eerder op "
            "{first}).",
            "en": "Party '{party}' signs this version of the set a second time (before on "
            "{first}).",
        },
        "hint": {
            "nl": "Laat één handtekening per partij per versie staan; verwijder de tweede.",
            "en": "Keep one signature per party per version; remove the second.",
        },
        "rationale": {
            "nl": "Een handtekening bindt een partij aan een versie; een tweede bij dezelfde "
            "inhoud maakt onduidelijk welke datum telt.",
            "en": "A signature binds a party to a version; a second one for the same content "
            "leaves unclear which date counts.",
        },
    }
    example_pass = """\
signatures:
  - {party: gemeente, name: J. de Vries, date: 2016-03-15}
  - {party: corp-a, name: A. Jansen, date: 2016-03-15}
"""
    example_fail = """\
signatures:
  - {party: gemeente, name: J. de Vries, date: 2016-03-15}
  - {party: gemeente, name: J. de Vries, date: 2016-03-15}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        signatures = context.agreements.signatures
        for index, signature in enumerate(signatures):
            earlier = next(
                (item for item in signatures[:index] if _same_version(item, signature)), None
            )
            if earlier is not None:
                yield Finding(
                    self.code,
                    ("signatures", index, "party"),
                    {"party": signature.party, "first": earlier.date.isoformat()},
                )


def _same_version(earlier: Signature, later: Signature) -> bool:
    """Whether two signatures are one party's for the same version: the same digest, or,
    where one has none, the same day (a digest says the version; without one the day does)."""
    if earlier.party != later.party:
        return False
    if earlier.digest and later.digest:
        return earlier.digest == later.digest
    return earlier.date == later.date


class SignatureDate(Rule):
    """A signature bears the day it was set: not after today (nor after the reference date),
    and not before the set can have been drafted.

    The earliest day a set can be signed is the day of its earliest bid (the agreements
    answer the bids), else one year before its term starts.
    """

    code = "P629"
    name = "signature-date"
    severity = "error"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Onmogelijke tekendatum", "en": "Impossible signing date"},
        "message": {
            "nl": "Partij '{party}' tekent op {date}, na vandaag ({today}).",
            "en": "Party '{party}' signs on {date}, after today ({today}).",
        },
        "message.early": {
            "nl": "Partij '{party}' tekent op {date}, voor {earliest}: de set kan toen nog niet "
            "bestaan (eerste bod, of een jaar voor de looptijd).",
            "en": "Party '{party}' signs on {date}, before {earliest}: the set cannot have "
            "existed then (first bid, or a year before the term).",
        },
        "hint": {
            "nl": "Zet de datum waarop werkelijk getekend is.",
            "en": "Put the date on which it was actually signed.",
        },
        "rationale": {
            "nl": "Een rapport dat 'getekend' toont bij een datum die nog moet komen, of die voor "
            "de afspraken zelf ligt, zegt iets wat niet waar kan zijn.",
            "en": "A report that shows 'signed' with a date still to come, or one before the "
            "agreements themselves, says something that cannot be true.",
        },
    }
    example_pass = """\
period: {start: 2016-01-01, end: 2019-12-31}
signatures:
  - {party: gemeente, name: J. de Vries, date: 2016-03-15}
"""
    example_fail = """\
period: {start: 2016-01-01, end: 2019-12-31}
signatures:
  - {party: gemeente, name: J. de Vries, date: 2061-03-15}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        agreements = context.agreements
        today = max(context.as_of, date.today())
        earliest = earliest_signing(agreements)
        for index, signature in enumerate(agreements.signatures):
            pointer: Pointer = ("signatures", index, "date")
            params = {"party": signature.party, "date": signature.date.isoformat()}
            if signature.date > today:
                yield Finding(self.code, pointer, {**params, "today": today.isoformat()})
            elif signature.date < earliest:
                yield Finding(
                    self.code,
                    pointer,
                    {**params, "earliest": earliest.isoformat()},
                    variant="early",
                )


RULES: tuple[Rule, ...] = (
    MissingRole(),
    OwesNothing(),
    DuplicateId(),
    NotSigned(),
    UnknownParty(),
    AmendmentWithoutConsent(),
    UnknownWaiverRule(),
    GroupSigns(),
    SetAmendmentWithoutConsent(),
    UnknownGroupMember(),
    SignedTwice(),
    SignatureDate(),
)
