"""P615-P616: changes after agreement must be amended, and signatures must still match."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from prestatie_cli.model.agreements import Agreement
from prestatie_cli.model.digest import digest, latest_signatures
from prestatie_cli.rules.base import Finding, Rule, SetContext, Wording

# The fields whose change alters what was promised; an amendment must explain them. A
# target compares as a whole: its value, bounds, index, values per year and split.
PROMISE_FIELDS = (
    "target",
    "deadline",
    "owner",
    "text",
    "kind",
    "addressed_to",
    "parent",
    "scope",
    "per_event",
    "conditions",
    "effective_from",
    "ongoing",
    "beyond_term",
    "frequency",
)


class UnamendedChange(Rule):
    """A change of what was promised is recorded as an amendment: the target (with its
    bounds, index, values per year and split), deadline, owner, wording, kind, the party
    a request asks, the whole it is part of, scope, when it applies (per event, from when,
    ongoing, beyond the term), its conditions and how often it is measured.

    Runs with ``prestatie check --against REV``: every agreement whose promise
    changed since REV needs a new entry under ``amendments`` (date, reason and
    the parties that agreed).
    """

    code = "P615"
    name = "unamended-change"
    severity = "error"
    scope = "agreement"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Wijziging zonder amendement", "en": "Change without amendment"},
        "message": {
            "nl": "Bij {id} is {fields} gewijzigd sinds {against}, maar er is geen nieuw amendement.",
            "en": "{fields} of {id} changed since {against}, but there is no new amendment.",
        },
        "hint": {
            "nl": "Leg de wijziging vast onder 'amendments' met date, reason en agreed_by (alle partijen).",
            "en": "Record the change under 'amendments' with date, reason and agreed_by (all parties).",
        },
        "rationale": {
            "nl": "Afspraken mogen veranderen, maar zichtbaar: wat er veranderde, wanneer, waarom en wie "
            "ermee instemde.",
            "en": "Agreements may change, but visibly: what changed, when, why and who agreed.",
        },
    }
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  target: {metric: opgeleverd, unit: woningen, value: 160}
  amendments:
    - date: 2018-03-01
      reason: Bouwlocatie Noord vervalt; aantal van 180 naar 160.
      agreed_by: [gemeente, corp-a, hv-a]
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  target: {metric: opgeleverd, unit: woningen, value: 160}
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        # Only a check with --against has an earlier version to compare with.
        if context.previous is None:
            return iter(())
        return super().check_set(context)

    def check_agreement(
        self, context: SetContext, index: int, agreement: Agreement
    ) -> Iterator[Finding]:
        # An agreement that is new since then has nothing to compare with.
        old = context.earlier.get(agreement.id)
        if old is None:
            return
        changed = [
            name for name in PROMISE_FIELDS if getattr(old, name) != getattr(agreement, name)
        ]
        # A new entry, not an old one reworded.
        amended = len(agreement.amendments) > len(old.amendments)
        if changed and not amended:
            yield Finding(
                self.code,
                ("agreements", index, changed[0]),
                {"id": agreement.id, "fields": ", ".join(changed), "against": context.against},
                at_key=True,
            )


class StaleSignature(Rule):
    """A signature covers the content it was given for; a later change needs a new sign-off."""

    code = "P616"
    name = "stale-signature"
    severity = "error"
    scope = "set"
    wording: ClassVar[Wording] = {
        "title": {"nl": "Handtekening verouderd", "en": "Stale signature"},
        "message": {
            "nl": "De ondertekening door '{party}' ({name}, {date}) geldt voor een eerdere inhoud: de set "
            "is daarna gewijzigd.",
            "en": "The signature of '{party}' ({name}, {date}) was given for earlier content: the set "
            "changed afterwards.",
        },
        "hint": {
            "nl": "Laat de partij de huidige versie opnieuw tekenen: prestatie sign SET --party {party} "
            "--name NAAM, of draai de wijziging terug.",
            "en": "Have the party sign the current version again: prestatie sign SET --party {party} "
            "--name NAME, or undo the change.",
        },
        "rationale": {
            "nl": "Een handtekening geldt voor de tekst die er stond; een latere wijziging is pas "
            "afgesproken als alle partijen opnieuw tekenen.",
            "en": "A signature covers the text that was there; a later change is agreed only when all "
            "parties sign again.",
        },
    }
    example_pass = """\
signatures:
  - {party: gemeente, name: J. de Vries, date: 2016-03-15}
"""
    example_fail = """\
signatures:
  - party: gemeente
    name: J. de Vries
    date: 2016-03-15
    digest: sha256:0000000000000000000000000000000000000000000000000000000000000000
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        latest = latest_signatures(context.agreements)
        if all(signature.digest is None for _, signature in latest.values()):
            return  # nothing to compare with: spare the digest of the whole set
        current = digest(context.agreements)
        for party, (index, signature) in latest.items():
            if signature.digest is not None and signature.digest != current:
                yield Finding(
                    self.code,
                    ("signatures", index, "digest"),
                    {"party": party, "name": signature.name, "date": signature.date.isoformat()},
                )


RULES: tuple[Rule, ...] = (UnamendedChange(), StaleSignature())
