"""P6xx, set level: the lokale driehoek, reciprocity, unique ids, sign-off, amendments."""

from __future__ import annotations

from collections.abc import Iterator

from prestatie_cli.model.agreements import ROLES_REQUIRED
from prestatie_cli.model.findings import suggestion
from prestatie_cli.rules.base import Finding, Rule, SetContext


class MissingRole(Rule):
    """Municipality, corporation and tenants sit at the table as equal parties."""

    code = "P601"
    name = "missing-role"
    severity = "error"
    scope = "set"
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
        known = [party.id for party in agreements.parties]
        references: list[tuple[tuple[str | int, ...], str]] = [
            (("signatures", index, "party"), signature.party)
            for index, signature in enumerate(agreements.signatures)
        ]
        for index, agreement in enumerate(agreements.agreements):
            for number, amendment in enumerate(agreement.amendments):
                references.extend(
                    (("agreements", index, "amendments", number, "agreed_by", position), party)
                    for position, party in enumerate(amendment.agreed_by)
                )
        for pointer, party in references:
            if party not in known:
                yield Finding(
                    self.code,
                    pointer,
                    {
                        "party": party,
                        "known": ", ".join(known),
                        "suggestion": suggestion(party, known),
                    },
                )


class AmendmentWithoutConsent(Rule):
    """An agreement changes only with the consent of all parties."""

    code = "P606"
    name = "amendment-without-consent"
    severity = "warning"
    scope = "agreement"
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

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        parties = [party.id for party in context.agreements.parties]
        for index, agreement in enumerate(context.agreements.agreements):
            for number, amendment in enumerate(agreement.amendments):
                missing = [party for party in parties if party not in amendment.agreed_by]
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
        # Imported here: the registry imports this module.
        from prestatie_cli.rules import REGISTRY

        agreements = context.agreements
        places: list[tuple[tuple[str | int, ...], str]] = [
            (("waivers", number, "rule"), waiver.rule)
            for number, waiver in enumerate(agreements.waivers)
        ]
        for index, agreement in enumerate(agreements.agreements):
            places.extend(
                (("agreements", index, "waivers", number, "rule"), waiver.rule)
                for number, waiver in enumerate(agreement.waivers)
            )
        known = sorted(REGISTRY)
        for pointer, code in places:
            if code not in REGISTRY:
                yield Finding(
                    self.code, pointer, {"rule": code, "suggestion": suggestion(code, known)}
                )
