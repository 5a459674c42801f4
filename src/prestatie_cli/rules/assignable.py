"""A3xx: is the agreement assignable? A named owner who is a party or a group of parties,
a request that asks another party, and each of them named once."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from prestatie_cli.messages import Language
from prestatie_cli.model.agreements import Agreement
from prestatie_cli.model.findings import Pointer
from prestatie_cli.model.structure import parties_of
from prestatie_cli.rules._unknown import unknown_party
from prestatie_cli.rules.base import Finding, Rule, SetContext, Wording

# Where the set has groups, an owner or contributor may name one of them too.
_GROUPS_HINT: Mapping[Language, str] = {
    "nl": "Gebruik de id van een partij uit 'parties' of een groep uit 'groups': {known}.",
    "en": "Use the id of a party listed under 'parties' or a group under 'groups': {known}.",
}


def _groups(context: SetContext) -> str:
    """The variant of the hint that names the groups too, when the set has any."""
    return "groups" if context.group_ids else ""


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
            "nl": "Voeg 'owner:' toe met de id van de partij (of groep) die de afspraak trekt; "
            "trekken partijen samen, geef dan een lijst.",
            "en": "Add 'owner:' with the id of the party (or group) that answers for the agreement; "
            "when parties own it together, give a list.",
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
        # A context paragraph is nobody's; a request's owner is the party that asks.
        if agreement.kind == "context" or agreement.id in context.withdrawn:
            return
        if not agreement.owners:
            yield Finding(self.code, ("agreements", index), {"id": agreement.id})


class UnknownOwner(Rule):
    """The owner is a party of the set or one of its groups; so is the party a request asks.

    Each unknown one of several owners is named at its own place in the list.
    """

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
        "message.addressed": {
            "nl": "Verzoek {id} is gericht aan '{party}', geen partij of groep in deze set.",
            "en": "Request {id} is addressed to '{party}', not a party or group of this set.",
        },
        "hint": {
            "nl": "Gebruik de id van een partij uit 'parties': {known}.",
            "en": "Use the id of a party listed under 'parties': {known}.",
        },
        "hint.groups": _GROUPS_HINT,
        "hint.addressed": _GROUPS_HINT,
        "rationale": {
            "nl": "Alleen een partij die de afspraken ondertekent, of een groep van zulke partijen, "
            "kan erop worden aangesproken.",
            "en": "Only a party that signs the agreements, or a group of such parties, can be held "
            "to them.",
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
        known = context.references
        for field, variant in (("owner", _groups(context)), ("addressed_to", "addressed")):
            for pointer, reference in _references(agreement, index, field):
                if reference not in known:
                    yield Finding(
                        self.code,
                        pointer,
                        {"id": agreement.id, **unknown_party(reference, known)},
                        variant=variant,
                    )


class UnknownContributor(Rule):
    """A contributor is one of the parties of the set or one of its groups."""

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
        "hint.groups": _GROUPS_HINT,
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
        known = context.references
        for position, contributor in enumerate(agreement.contributors):
            if contributor not in known:
                yield Finding(
                    self.code,
                    ("agreements", index, "contributors", position),
                    {"id": agreement.id, **unknown_party(contributor, known)},
                    variant=_groups(context),
                )


class RequestToItself(Rule):
    """A request asks another party: the asked party is not also the one that asks."""

    code = "A304"
    name = "request-to-itself"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Verzoek aan zichzelf", "en": "Request to itself"},
        "message": {
            "nl": "Verzoek {id} is gericht aan '{party}', die het verzoek ook zelf doet (owner).",
            "en": "Request {id} is addressed to '{party}', which also makes the request (owner).",
        },
        "hint": {
            "nl": "Bij een verzoek is 'owner' de partij die vraagt en 'addressed_to' de partij die "
            "gevraagd wordt. Doet de partij het zelf, maak er dan een afspraak van met "
            "'kind: result', 'effort' of 'process'.",
            "en": "In a request 'owner' is the party that asks and 'addressed_to' the party that is "
            "asked. If the party does it itself, make it an agreement with 'kind: result', "
            "'effort' or 'process'.",
        },
        "rationale": {
            "nl": "Een verzoek is pas een toezegging als de gevraagde partij het aanvaardt; wie "
            "zichzelf iets vraagt, belooft het eigenlijk al.",
            "en": "A request is a commitment only once the asked party accepts it; a party that asks "
            "itself is in fact promising it already.",
        },
    }
    example_pass = """\
- id: BS-04
  title: Verzoek aan de gemeente - lagere grondprijs
  text: De corporatie vraagt de gemeente de grondprijs voor sociale huur te verlagen.
  theme: beschikbaarheid
  kind: request
  owner: corp-a
  addressed_to: gemeente
"""
    example_fail = """\
- id: BS-04
  title: Verzoek aan de gemeente - lagere grondprijs
  text: De corporatie vraagt de gemeente de grondprijs voor sociale huur te verlagen.
  theme: beschikbaarheid
  kind: request
  owner: gemeente
  addressed_to: gemeente
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        if agreement.kind != "request":
            return
        asking = set(parties_of(context.agreements, agreement.owners))
        for pointer, reference in _references(agreement, index, "addressed_to"):
            both = [p for p in parties_of(context.agreements, (reference,)) if p in asking]
            if both:
                yield Finding(self.code, pointer, {"id": agreement.id, "party": both[0]})
                return


class RequestWithoutAddressee(Rule):
    """A request says whom it asks."""

    code = "A305"
    name = "request-without-addressee"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Verzoek zonder geadresseerde", "en": "Request without addressee"},
        "message": {
            "nl": "Verzoek {id} zegt niet aan wie het is gericht (addressed_to).",
            "en": "Request {id} does not say whom it asks (addressed_to).",
        },
        "hint": {
            "nl": "Voeg 'addressed_to:' toe met de id van de partij (of groep) die gevraagd wordt.",
            "en": "Add 'addressed_to:' with the id of the party (or group) that is asked.",
        },
        "rationale": {
            "nl": "Een verzoek aan niemand kan door niemand worden aanvaard of afgewezen.",
            "en": "A request to no one can be accepted or declined by no one.",
        },
    }
    example_pass = """\
- id: LV-02
  title: Verzoek aan de gemeente - wijkbudget
  text: Partijen vragen de gemeente vanaf 2017 een jaarlijks wijkbudget van 25000 euro.
  theme: leefbaarheid
  kind: request
  owner: [corp-a, hv-a]
  addressed_to: gemeente
"""
    example_fail = """\
- id: LV-02
  title: Verzoek aan de gemeente - wijkbudget
  text: Partijen vragen de gemeente vanaf 2017 een jaarlijks wijkbudget van 25000 euro.
  theme: leefbaarheid
  kind: request
  owner: [corp-a, hv-a]
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        if agreement.kind == "request" and not agreement.asked:
            yield Finding(self.code, ("agreements", index), {"id": agreement.id})


class NamedTwice(Rule):
    """A list of owners, of asked parties or of contributors names each party or group once."""

    code = "A306"
    name = "named-twice"
    severity = "warning"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Dubbel genoemd", "en": "Named twice"},
        "message": {
            "nl": "{id} noemt '{party}' twee keer bij '{field}'.",
            "en": "{id} names '{party}' twice under '{field}'.",
        },
        "hint": {
            "nl": "Noem elke partij of groep één keer; was een andere partij bedoeld, vul die in.",
            "en": "Name each party or group once; if another party was meant, fill that one in.",
        },
        "rationale": {
            "nl": "Een dubbele naam voegt niets toe en wijst vaak op een vergissing: de partij "
            "die bedoeld was, ontbreekt dan.",
            "en": "A name given twice adds nothing and often points at a slip: the party that "
            "was meant is then missing.",
        },
    }
    example_pass = """\
- id: BS-02
  title: Bouwlocaties
  theme: beschikbaarheid
  owner: [gemeente, corp-a]
  contributors: [hv-a]
"""
    example_fail = """\
- id: BS-02
  title: Bouwlocaties
  theme: beschikbaarheid
  owner: [gemeente, gemeente]
  contributors: [hv-a]
"""

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        for field in ("owner", "addressed_to", "contributors"):
            seen: set[str] = set()
            for pointer, reference in _references(agreement, index, field):
                if reference in seen:
                    yield Finding(
                        self.code, pointer, {"id": agreement.id, "party": reference, "field": field}
                    )
                seen.add(reference)


def _references(agreement: Agreement, index: int, field: str) -> Iterator[tuple[Pointer, str]]:
    """Each party or group an agreement names under ``field`` (one, or a list), with where."""
    written = getattr(agreement, field)
    if isinstance(written, str):
        yield ("agreements", index, field), written
    elif isinstance(written, list):
        for position, reference in enumerate(written):
            yield ("agreements", index, field, position), reference


RULES: tuple[Rule, ...] = (
    MissingOwner(),
    UnknownOwner(),
    UnknownContributor(),
    RequestToItself(),
    RequestWithoutAddressee(),
    NamedTwice(),
)
