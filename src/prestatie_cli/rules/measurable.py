"""M2xx: is the agreement measurable? A target with a unit and a baseline."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prestatie_cli.load.yaml import Document
from prestatie_cli.rules.base import Finding, MonitorContext, Rule, SetContext

# "3.000" or "12.500": a Dutch thousands separator, which YAML reads as a decimal point.
_THOUSANDS = re.compile(r"^[-+]?[0-9]{1,3}(?:\.[0-9]{3})+$")


class MissingTarget(Rule):
    """A result agreement says which value counts as success."""

    code = "M201"
    name = "missing-target"
    severity = "error"
    scope = "agreement"
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

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for index, agreement in enumerate(context.agreements.agreements):
            if agreement.kind == "result" and agreement.target is None:
                yield Finding(self.code, ("agreements", index), {"id": agreement.id})


class MissingUnit(Rule):
    """A number without a unit cannot be checked: 180 homes, percent, euro?"""

    code = "M202"
    name = "missing-unit"
    severity = "error"
    scope = "agreement"
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

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for index, agreement in enumerate(context.agreements.agreements):
            target = agreement.target
            if target is not None and not (target.unit or "").strip():
                pointer = ("agreements", index, "target") + (("unit",) if target.unit else ())
                yield Finding(self.code, pointer, {"id": agreement.id}, at_key=True)


class MissingBaseline(Rule):
    """Without a nulmeting, progress cannot be measured from the start."""

    code = "M203"
    name = "missing-baseline"
    severity = "warning"
    scope = "agreement"
    example_pass = """\
- id: DU-01
  title: Geen E-, F- en G-labels meer
  theme: kwaliteit-en-duurzaamheid
  target:
    metric: woningen met label E, F of G
    unit: woningen
    value: 0
    comparison: at_most
    baseline: {value: 1240, date: 2025-01-01}
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
"""

    def check_set(self, context: SetContext) -> Iterator[Finding]:
        for index, agreement in enumerate(context.agreements.agreements):
            if agreement.kind == "result" and agreement.target and not agreement.target.baseline:
                yield Finding(
                    self.code, ("agreements", index, "target"), {"id": agreement.id}, at_key=True
                )


class ThousandsSeparator(Rule):
    """In YAML "3.000" is three, not three thousand."""

    code = "M204"
    name = "thousands-separator"
    severity = "warning"
    scope = "agreement"
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
