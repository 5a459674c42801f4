"""S1xx: is the agreement specific? Wording present and not vague."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prestatie_cli.rules.base import Finding, Rule, SetContext

# Phrases that turn a result agreement into an effort: "we try", "where possible".
VAGUE_PHRASES: tuple[str, ...] = (
    "streven naar",
    "streeft naar",
    "streven ernaar",
    "streeft ernaar",
    "zoveel mogelijk",
    "zo veel mogelijk",
    "waar mogelijk",
    "indien mogelijk",
    "zo mogelijk",
    "zo snel mogelijk",
    "inzetten op",
    "zet zich in",
    "zetten zich in",
    "zich inzetten",
    "bevorderen",
    "bevordert",
    "stimuleren",
    "stimuleert",
    "onderzoeken",
    "onderzoekt",
    "nagaan",
    "gaat na",
    "gaan na",
    "in principe",
    "naar vermogen",
    "proberen",
    "probeert",
    "waar nodig",
    "in overleg bezien",
    "zich beraden",
)
_VAGUE = re.compile(
    r"\b(" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in VAGUE_PHRASES) + r")\b",
    re.IGNORECASE,
)
MIN_WORDS = 5


def vague_phrases(text: str) -> list[str]:
    """The vague phrases in ``text``, as written, in order of appearance."""
    return [match.group(0) for match in _VAGUE.finditer(text)]


class VagueWording(Rule):
    """A result agreement must promise a result, not an effort."""

    code = "S101"
    name = "vague-wording"
    severity = "warning"
    scope = "agreement"
    example_pass = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  kind: result
  text: De corporatie levert in 2016-2019 180 nieuwe sociale huurwoningen op.
"""
    example_fail = """\
- id: BS-01
  title: Nieuwe sociale huurwoningen
  theme: beschikbaarheid
  kind: result
  text: De corporatie streeft naar zoveel mogelijk nieuwe sociale huurwoningen.
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for index, agreement in enumerate(context.agreements.agreements):
            if agreement.kind != "result":
                continue
            for field in ("title", "text"):
                seen: dict[str, int] = {}
                for phrase in vague_phrases(getattr(agreement, field) or ""):
                    shown = " ".join(phrase.split())
                    occurrence = seen.get(shown.casefold(), 0)
                    seen[shown.casefold()] = occurrence + 1
                    yield Finding(
                        self.code,
                        ("agreements", index, field),
                        {"phrase": shown, "id": agreement.id},
                        needle=shown,
                        occurrence=occurrence,
                    )


class MissingWording(Rule):
    """A result or process agreement keeps the wording as signed."""

    code = "S102"
    name = "missing-wording"
    severity = "error"
    scope = "agreement"
    example_pass = """\
- id: PR-01
  title: Jaarlijkse evaluatie
  theme: proces
  kind: process
  text: Partijen evalueren jaarlijks voor 30 juni samen de jaarschijf.
"""
    example_fail = """\
- id: PR-01
  title: Jaarlijkse evaluatie
  theme: proces
  kind: process
  text: Evaluatie.
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for index, agreement in enumerate(context.agreements.agreements):
            if agreement.kind == "effort":
                continue
            words = len((agreement.text or "").split())
            if words < MIN_WORDS:
                pointer = ("agreements", index) + (("text",) if agreement.text else ())
                yield Finding(self.code, pointer, {"id": agreement.id, "words": str(MIN_WORDS)})
