"""A3xx: is the agreement assignable? A named owner who is a party."""

from __future__ import annotations

from collections.abc import Iterator

from prestatie_cli.model.findings import suggestion
from prestatie_cli.rules.base import Finding, Rule, SetContext


class MissingOwner(Rule):
    """Every agreement has one trekker: the party that answers for it."""

    code = "A301"
    name = "missing-owner"
    severity = "error"
    scope = "agreement"
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

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for index, agreement in enumerate(context.agreements.agreements):
            if not agreement.owner:
                yield Finding(self.code, ("agreements", index), {"id": agreement.id})


class UnknownOwner(Rule):
    """The owner must be one of the parties that signed the set."""

    code = "A302"
    name = "unknown-owner"
    severity = "error"
    scope = "agreement"
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

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        known = [party.id for party in context.agreements.parties]
        for index, agreement in enumerate(context.agreements.agreements):
            if agreement.owner and agreement.owner not in known:
                yield Finding(
                    self.code,
                    ("agreements", index, "owner"),
                    {
                        "id": agreement.id,
                        "party": agreement.owner,
                        "known": ", ".join(known),
                        "suggestion": suggestion(agreement.owner, known),
                    },
                )


class UnknownContributor(Rule):
    """A contributor must be one of the parties of the set."""

    code = "A303"
    name = "unknown-contributor"
    severity = "error"
    scope = "agreement"
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

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        known = [party.id for party in context.agreements.parties]
        for index, agreement in enumerate(context.agreements.agreements):
            for position, contributor in enumerate(agreement.contributors):
                if contributor not in known:
                    yield Finding(
                        self.code,
                        ("agreements", index, "contributors", position),
                        {
                            "id": agreement.id,
                            "party": contributor,
                            "known": ", ".join(known),
                            "suggestion": suggestion(contributor, known),
                        },
                    )
